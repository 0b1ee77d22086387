// execvp(3) as nice, nohup and timeout use it: PATH search (default /bin:/usr/bin), a file
// without #! run by /bin/sh, and the coreutils exit statuses when it cannot run:
// 127 for a command that is not found, 126 for one that cannot be executed.
import { isSysError, SysError } from '../../shared/errno';
import type { Ctx } from './context';
import { findInPathOrNonExecutable } from './path-search';
import { quote } from './quote';

export const EXIT_CANNOT_INVOKE = 126;
export const EXIT_ENOENT = 127;

/** Resolves `name` as execvp would; a SysError (ENOENT/EACCES) when it cannot. */
export async function resolveCommand(ctx: Ctx, name: string, env: Map<string, string>): Promise<string | SysError> {
  if (name.includes('/')) return name;
  const found = await findInPathOrNonExecutable(ctx.sys, name, env.get('PATH') ?? '/bin:/usr/bin');
  if (!found) return new SysError('ENOENT', 'execve', name);
  if (!found.executable) return new SysError('EACCES', 'execve', name);
  return found.path;
}

/** Replaces this process with `argv`; on failure prints `name: 'cmd': error` and returns 126/127. */
export async function execvp(ctx: Ctx, argv: string[], env: Map<string, string> = ctx.env, report?: (e: SysError) => Promise<void>): Promise<number> {
  const name = argv[0]!;
  const failed = async (e: SysError): Promise<number> => {
    if (report) await report(e);
    else await ctx.perror(e, quote(name));
    return e.errno === 'ENOENT' ? EXIT_ENOENT : EXIT_CANNOT_INVOKE;
  };
  const path = await resolveCommand(ctx, name, env);
  if (typeof path !== 'string') return failed(path);
  await ctx.flush();
  try {
    return await ctx.sys.exec(path, argv, env);
  } catch (e) {
    if (!isSysError(e)) throw e;
    if (e.errno === 'ENOEXEC') {
      try {
        return await ctx.sys.exec('/bin/sh', ['/bin/sh', path, ...argv.slice(1)], env);
      } catch (e2) {
        if (!isSysError(e2)) throw e2;
        return failed(e2);
      }
    }
    return failed(e);
  }
}
