import { isSysError } from '../../shared/errno';
import { SIGNALS } from '../../shared/signals';
import { defineProgram, usageError } from '../define';
import type { Ctx } from '../lib/context';
import { execvp } from '../lib/execvp';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { quoteaf } from '../lib/quotearg';

const spec = {
  name: 'nohup',
  installPath: '/usr/bin/nohup',
  pkg: 'coreutils',
  usage: 'nohup COMMAND [ARG]...\nnohup OPTION',
  usageStatus: 125,
  posixOrder: true,
  help: `Run COMMAND so that it keeps running after a hangup (SIGHUP is ignored).

${HELP_LINES}

When standard input is a terminal, it is replaced by an unreadable file. When
standard output is a terminal, output is appended to 'nohup.out' (or
'$HOME/nohup.out' when the current directory is not writable). When standard
error is a terminal, it goes where standard output goes.
To save output to FILE, use 'nohup COMMAND > FILE'.
${coreutilsHelpFooter('nohup')}`,
  version: coreutilsVersion('nohup', ['Jim Meyering']),
  options: [],
};

const FLAGS = { write: true, create: true, append: true };

/** Opens nohup.out, or $HOME/nohup.out; the fd, or undefined after the messages. */
async function openOut(ctx: Ctx, status: { file: string }): Promise<number | undefined> {
  const old = ctx.sys.umask(~0o600 & 0o777);
  try {
    try {
      return await ctx.sys.open('nohup.out', FLAGS, 0o600);
    } catch (e) {
      if (!isSysError(e)) throw e;
      const home = ctx.env.get('HOME');
      if (home === undefined) {
        await ctx.perror(e, `failed to open ${quoteaf('nohup.out')}`);
        return undefined;
      }
      const inHome = home.endsWith('/') ? `${home}nohup.out` : `${home}/nohup.out`;
      try {
        const fd = await ctx.sys.open(inHome, FLAGS, 0o600);
        status.file = inHome;
        return fd;
      } catch (e2) {
        await ctx.perror(e, `failed to open ${quoteaf('nohup.out')}`);
        await ctx.perror(e2, `failed to open ${quoteaf(inHome)}`);
        return undefined;
      }
    }
  } finally {
    ctx.sys.umask(old);
  }
}

export default defineProgram({
  ...spec,
  async main(ctx, { operands }) {
    const failure = ctx.env.has('POSIXLY_CORRECT') ? 127 : 125;
    if (operands.length === 0) return usageError(ctx, { ...spec, usageStatus: failure }, 'missing operand');
    const sys = ctx.sys;
    const ignoringInput = sys.isatty(0);
    const redirectingStdout = sys.isatty(1);
    const stdoutClosed = !redirectingStdout && !sys.isOpen(1);
    const redirectingStderr = sys.isatty(2);
    if (ignoringInput) {
      // opened for writing so that any read fails
      const fd = await sys.open('/dev/null', { write: true });
      if (fd !== 0) {
        sys.dup2(fd, 0);
        sys.close(fd);
      }
      if (!redirectingStdout && !redirectingStderr) await ctx.error('ignoring input');
    }
    let outFd = 1;
    if (redirectingStdout || (redirectingStderr && stdoutClosed)) {
      const where = { file: 'nohup.out' };
      const fd = await openOut(ctx, where);
      if (fd === undefined) return failure;
      if (redirectingStdout) {
        await ctx.out.flush();
        sys.dup2(fd, 1);
        sys.close(fd);
      } else outFd = fd;
      await ctx.error(`${ignoringInput ? 'ignoring input and appending output to' : 'appending output to'} ${quoteaf(where.file)}`);
    }
    let savedErr: number | undefined;
    if (redirectingStderr) {
      savedErr = sys.dup(2);
      sys.setCloexec(savedErr, true);
      if (!redirectingStdout) await ctx.error(ignoringInput ? 'ignoring input and redirecting stderr to stdout' : 'redirecting stderr to stdout');
      await ctx.err.flush();
      sys.dup2(outFd, 2);
      if (stdoutClosed) sys.close(outFd);
    }
    sys.signal(SIGNALS.SIGHUP, 'ignore');
    return execvp(ctx, operands, ctx.env, async (e) => {
      await ctx.err.flush();
      if (savedErr !== undefined) sys.dup2(savedErr, 2);
      await ctx.perror(e, `failed to run command ${quoteaf(operands[0]!)}`);
    });
  },
});
