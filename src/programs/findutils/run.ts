// Running a command the way find and xargs do: fork, optionally change directory and put
// /dev/null on stdin, then execvp (PATH search; a file without #! runs with /bin/sh).
// An exec failure comes back to the caller, which words the message itself.
import { isSysError, SysError } from '../../shared/errno';
import type { WaitStatus } from '../../shared/process';
import type { Sys } from '../../shared/sys';
import type { Ctx } from '../lib/context';
import { findInPathOrNonExecutable } from '../lib/path-search';

export interface RunOptions {
  /** Directory to run in (find -execdir). */
  cwd?: string;
  /** Give the command /dev/null as stdin (find -ok, xargs without -o). */
  stdinNull?: boolean;
  /** Or another file as stdin (xargs -o: /dev/tty). */
  stdinPath?: string;
  env?: Map<string, string>;
}

export type RunResult = { status: WaitStatus; execError?: undefined } | { execError: SysError; stage: 'chdir' | 'exec'; status?: undefined };

async function execvp(child: Sys, argv: string[], env: Map<string, string>): Promise<never> {
  const name = argv[0]!;
  let path = name;
  if (!name.includes('/')) {
    const found = await findInPathOrNonExecutable(child, name, env.get('PATH') ?? '/bin:/usr/bin');
    if (!found) throw new SysError('ENOENT', 'execve', name);
    if (!found.executable) throw new SysError('EACCES', 'execve', name);
    path = found.path;
  }
  try {
    return await child.exec(path, argv, env);
  } catch (e) {
    if (isSysError(e) && e.errno === 'ENOEXEC') return child.exec('/bin/sh', ['/bin/sh', path, ...argv.slice(1)], env);
    throw e;
  }
}

/** Runs argv and waits for it. */
export async function runCommand(ctx: Ctx, argv: string[], opts: RunOptions = {}): Promise<RunResult> {
  await ctx.flush();
  let failure: { err: SysError; stage: 'chdir' | 'exec' } | undefined;
  const env = opts.env ?? new Map(ctx.env);
  const pid = await ctx.sys.fork(
    async (child) => {
      if (opts.stdinNull || opts.stdinPath !== undefined) {
        try {
          const fd = await child.open(opts.stdinPath ?? '/dev/null', { read: true });
          if (fd !== 0) {
            child.dup2(fd, 0);
            child.close(fd);
          }
        } catch {
          // run with stdin as it is
        }
      }
      if (opts.cwd !== undefined) {
        try {
          await child.chdir(opts.cwd);
        } catch (e) {
          if (!isSysError(e)) throw e;
          failure = { err: e, stage: 'chdir' };
          return 1;
        }
      }
      try {
        return await execvp(child, argv, env);
      } catch (e) {
        if (!isSysError(e)) throw e;
        failure = { err: e, stage: 'exec' };
        return e.errno === 'ENOENT' ? 127 : 126;
      }
    },
    { argv: [...argv] },
  );
  const r = await ctx.sys.wait(pid);
  const f = failure as { err: SysError; stage: 'chdir' | 'exec' } | undefined;
  if (f) return { execError: f.err, stage: f.stage };
  return { status: r ? r.status : { kind: 'exited', code: 1 } };
}
