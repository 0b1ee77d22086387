// How man shows a page on a terminal: the formatted text goes through a pipe into the pager
// (-P, $MANPAGER, $PAGER or less), with LESS set to man-db's prompt and MAN_PN to the page.
import { isSysError, strerror } from '../../shared/errno';
import { SIGNALS } from '../../shared/signals';
import type { Ctx } from '../lib/context';
import { findInPath } from '../lib/path-search';

/** The pipeline man-db reports when the pager cannot run (it squeezes blank lines with sed). */
const SQUEEZE = "sed -e '/^[[:space:]]*$/{ N; /^[[:space:]]*\\n[[:space:]]*$/D; }'";

/** man-db's less prompt; $MAN_PN is the page, e.g. ls(1). */
export const LESS_PROMPT = ' Manual page \\$MAN_PN ?ltline %lt?L/%L.:byte %bB?s/%s..?e (END):?pB %pB\\%.. (press h for help or q to quit)';

/** Splits a pager command into words, honouring quotes and backslashes (pipecmd_new_argstr). */
export function splitCommand(cmd: string): string[] {
  const words: string[] = [];
  let cur: string | undefined;
  let quote: string | undefined;
  for (let i = 0; i < cmd.length; i++) {
    const c = cmd[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"' && i + 1 < cmd.length) cur = (cur ?? '') + cmd[++i];
      else cur = (cur ?? '') + c;
    } else if (c === '"' || c === "'") {
      quote = c;
      cur ??= '';
    } else if (c === '\\' && i + 1 < cmd.length) {
      cur = (cur ?? '') + cmd[++i];
    } else if (c === ' ' || c === '\t') {
      if (cur !== undefined) words.push(cur);
      cur = undefined;
    } else {
      cur = (cur ?? '') + c;
    }
  }
  if (cur !== undefined) words.push(cur);
  return words;
}

/** The prompt option man-db passes in LESS, with the page name escaped for less's prompt language. */
export function lessPrompt(pageName: string, custom?: string): string {
  const escaped = pageName.replace(/[\\$?:.%]/g, (c) => `\\${c}`);
  const prompt = (custom ?? LESS_PROMPT).replace(/\\\$MAN_PN|\$MAN_PN/g, escaped);
  return `-ix8RmPm${prompt}$PM${prompt}$`;
}

/** Runs `pager` with `text` on its standard input; returns man's status (0, or 3 when it cannot run). */
export async function showInPager(ctx: Ctx, text: string, pager: string, pageName: string, prompt?: string): Promise<number> {
  const sys = ctx.sys;
  const words = splitCommand(pager);
  const env = new Map(ctx.env);
  const lessOpts = lessPrompt(pageName, prompt);
  const userLess = env.get('LESS');
  env.set('LESS', userLess ? `${lessOpts}${userLess}` : lessOpts);
  env.set('MAN_PN', pageName);
  const prog = words[0] ?? '';
  const path = prog.includes('/') ? prog : await findInPath(sys, prog, env.get('PATH') ?? '/usr/bin:/bin');
  const fail = async (why: string): Promise<number> => {
    await ctx.out.flush();
    await ctx.error(`can't execute ${prog}: ${why}`);
    await ctx.error(`command exited with status 255: ${SQUEEZE} | LESS=${env.get('LESS')} MAN_PN=${pageName} ${words.join(' ')}`);
    return 3;
  };
  if (path === undefined) return fail(strerror('ENOENT'));
  await ctx.out.flush();
  const [r, w] = sys.pipe();
  let pid: number;
  try {
    pid = await sys.spawn({ path, argv: words, env, fds: new Map([[0, r], [1, 1], [2, 2]]), ignore: [] });
  } catch (e) {
    sys.close(r);
    sys.close(w);
    if (!isSysError(e)) throw e;
    return fail(strerror(e.errno));
  }
  sys.close(r);
  // the pager owns the keyboard: Ctrl-C is for it, and quitting it early must not kill man
  sys.signal(SIGNALS.SIGINT, 'ignore');
  sys.signal(SIGNALS.SIGPIPE, 'ignore');
  const bytes = new TextEncoder().encode(text);
  try {
    for (let off = 0; off < bytes.length; off += 4096) {
      await sys.write(w, bytes.subarray(off, off + 4096));
    }
  } catch (e) {
    if (!isSysError(e) || e.errno !== 'EPIPE') throw e;
  } finally {
    sys.close(w);
  }
  await sys.wait(pid);
  sys.signal(SIGNALS.SIGINT, 'default');
  return 0;
}
