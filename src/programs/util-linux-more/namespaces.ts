// What nsenter and unshare share: the namespace types in the order nsenter enters them, and
// running the command (or the user's shell as a login shell) once they are done. The
// simulated kernel has no namespace files in /proc/<pid>/ns and no unshare(2) or setns(2):
// it behaves as a kernel built without namespace support.
import { strerror } from '../../shared/errno';
import type { Ctx } from '../lib/context';
import { execvp } from '../lib/execvp';
import { warnx } from './common';

/** The types, as named under /proc/<pid>/ns, with their option letters. */
export const NS_TYPES: { name: string; opt: string; long: string }[] = [
  { name: 'user', opt: 'U', long: 'user' },
  { name: 'cgroup', opt: 'C', long: 'cgroup' },
  { name: 'ipc', opt: 'i', long: 'ipc' },
  { name: 'uts', opt: 'u', long: 'uts' },
  { name: 'net', opt: 'n', long: 'net' },
  { name: 'pid', opt: 'p', long: 'pid' },
  { name: 'mnt', opt: 'm', long: 'mount' },
  { name: 'time', opt: 'T', long: 'time' },
];

/** execvp of the command, or exec_shell: $SHELL (default /bin/sh) as a login shell. */
export async function runCommand(ctx: Ctx, argv: string[]): Promise<number> {
  if (argv.length) {
    return execvp(ctx, argv, ctx.env, async (e) => {
      await warnx(ctx, `failed to execute ${argv[0]!}: ${strerror(e.errno)}`);
    });
  }
  const shell = ctx.env.get('SHELL') ?? '/bin/sh';
  const base = shell.slice(shell.lastIndexOf('/') + 1);
  await ctx.flush();
  try {
    return await ctx.sys.exec(shell, [`-${base}`], ctx.env);
  } catch (e) {
    const errno = (e as { errno?: string }).errno;
    if (errno === undefined) throw e;
    await warnx(ctx, `failed to execute ${shell}: ${strerror(errno as never)}`);
    return errno === 'ENOENT' ? 127 : 126;
  }
}
