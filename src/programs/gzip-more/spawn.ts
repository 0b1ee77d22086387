// Running other programs the way gzip's wrapper scripts do: `gzip -cdfq -- FILE | grep ...`.
// Each child is found on PATH and gets the descriptors named; statuses come back as a shell
// would report them (127 not found, 126 not runnable, 128+N killed by signal N).
import { isSysError } from '../../shared/errno';
import type { Ctx } from '../lib/context';
import { resolveCommand } from '../lib/execvp';

export interface Child {
  argv: string[];
  /** child fd -> our fd */
  fds: Map<number, number>;
}

/** Starts one child; a pid, or a status when it could not start (message already printed). */
export async function start(ctx: Ctx, c: Child): Promise<number | { status: number }> {
  const name = c.argv[0]!;
  const path = await resolveCommand(ctx, name, ctx.env);
  if (typeof path !== 'string') {
    await ctx.err.write(`${ctx.name}: ${name}: ${path.errno === 'ENOENT' ? 'command not found' : 'Permission denied'}\n`);
    return { status: path.errno === 'ENOENT' ? 127 : 126 };
  }
  try {
    return await ctx.sys.spawn({ path, argv: c.argv, env: new Map(ctx.env), fds: c.fds });
  } catch (e) {
    if (!isSysError(e)) throw e;
    await ctx.perror(e, name);
    return { status: e.errno === 'ENOENT' ? 127 : 126 };
  }
}

export async function finish(ctx: Ctx, p: number | { status: number }): Promise<number> {
  if (typeof p !== 'number') return p.status;
  const r = await ctx.sys.wait(p);
  if (!r) return 2;
  if (r.status.kind === 'exited') return r.status.code;
  if (r.status.kind === 'signaled') return 128 + r.status.signal;
  return 2;
}

/** Opens /dev/null for writing (what `>/dev/null` gives a child). */
export function devNull(ctx: Ctx): Promise<number> {
  return ctx.sys.open('/dev/null', { write: true });
}

/**
 * `gzip -cdfq -- FILE | PROG...`: returns [gzip status, prog status]. `extra` maps more child
 * fds of PROG (e.g. 5 -> another pipe); `out` is PROG's stdout.
 */
export async function gunzipInto(ctx: Ctx, file: string, prog: string[], out = 1, extra?: Map<number, number>, gzipFlags = '-cdfq'): Promise<[number, number]> {
  await ctx.flush();
  const [r, w] = ctx.sys.pipe();
  const gz = await start(ctx, { argv: ['gzip', gzipFlags, '--', file], fds: new Map([[0, 0], [1, w], [2, 2]]) });
  ctx.sys.close(w);
  const fds = new Map([[0, r], [1, out], [2, 2]]);
  for (const [k, v] of extra ?? []) fds.set(k, v);
  const pr = await start(ctx, { argv: prog, fds });
  ctx.sys.close(r);
  const progStatus = await finish(ctx, pr);
  const gzStatus = await finish(ctx, gz);
  return [gzStatus, progStatus];
}

/** The script's own path as $0 shows it: the name as run, or its install path. */
export function self(ctx: Ctx, name: string): string {
  return ctx.name.includes('/') ? ctx.name : `/usr/bin/${name}`;
}

export function scriptVersion(name: string, years: string, author: string): string {
  return `${name} (gzip) 1.12
Copyright (C) ${years} Free Software Foundation, Inc.
This is free software.  You may redistribute copies of it under the terms of
the GNU General Public License <https://www.gnu.org/licenses/gpl.html>.
There is NO WARRANTY, to the extent permitted by law.

Written by ${author}.
`;
}
