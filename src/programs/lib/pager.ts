// Output through a pager, as systemd's tools and man do: only when stdout is a terminal, with
// $SYSTEMD_PAGER / $PAGER (or `less`) fed through a pipe, and LESS defaulting to systemd's
// "FRSXMK" so short output leaves no pager on screen.
import type { Ctx } from './context';
import { findInPath } from './path-search';

export interface PagerOptions {
  /** Variables naming the pager, first set wins (e.g. SYSTEMD_PAGER, PAGER). */
  vars: string[];
  /** LESS value when the environment has none. */
  less?: string;
  /** Extra arguments for less (journalctl -e passes +G). */
  lessArgs?: string[];
}

/** True when output should go through a pager (stdout a terminal and no --no-pager). */
export function wantPager(ctx: Ctx, noPager: boolean): boolean {
  return !noPager && ctx.sys.isatty(1);
}

/** Writes `text` to stdout, through a pager when stdout is a terminal. */
export async function page(ctx: Ctx, text: string, opts: PagerOptions): Promise<void> {
  const sys = ctx.sys;
  const chosen = opts.vars.map((v) => ctx.env.get(v)).find((v) => v !== undefined);
  if (!sys.isatty(1) || chosen === '' || chosen === 'cat') {
    await ctx.out.write(text);
    return;
  }
  const words = (chosen ?? 'less').trim().split(/\s+/);
  const path = words[0]!.includes('/') ? words[0]! : await findInPath(sys, words[0]!, ctx.env.get('PATH') ?? '/usr/bin:/bin');
  if (!path) {
    await ctx.out.write(text);
    return;
  }
  await ctx.out.flush();
  const env = new Map(ctx.env);
  if (!env.has('LESS') && opts.less) env.set('LESS', opts.less);
  if (!env.has('LESSCHARSET')) env.set('LESSCHARSET', 'utf-8');
  const [r, w] = sys.pipe();
  let pid: number;
  try {
    pid = await sys.spawn({ path, argv: [...words, ...(words[0] === 'less' || path.endsWith('/less') ? opts.lessArgs ?? [] : [])], env, fds: new Map([[0, r], [1, 1], [2, 2]]) });
  } catch {
    sys.close(r);
    sys.close(w);
    await ctx.out.write(text);
    return;
  }
  sys.close(r);
  try {
    await sys.write(w, text);
  } catch {
    // the pager quit early (q before the end): the rest is not wanted
  }
  sys.close(w);
  await sys.wait(pid);
}
