// mesg (util-linux 2.38, built as Photon's is without the tty group): whether others may write
// to the terminal on standard error. No argument reports "is y"/"is n" (status 0/1); y lets
// group and others write, n forbids it; -v says what was done. Without a terminal on stderr it
// ends with status 2 (saying "no tty" only with -v).
import { isSysError, strerror, type Errno } from '../../shared/errno';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { getopt, GetoptError } from '../lib/getopt';
import { utilLinuxVersion } from './common';

const FAILURE = 2;

const HELP = `
Usage:
 mesg [options] [y | n]

Controls whether others may write to your terminal.

Options:
 -v, --verbose  say what was done

 -h, --help     display this help
 -V, --version  display version

For more details see mesg(1).
`;

async function die(ctx: Ctx, msg: string, status = FAILURE): Promise<number> {
  await ctx.err.write(`mesg: ${msg}\n`);
  return status;
}

export default defineProgram({
  name: 'mesg',
  installPath: '/usr/bin/mesg',
  pkg: 'util-linux',
  async main(ctx) {
    const sys = ctx.sys;
    let p;
    try {
      p = getopt(ctx.argv.slice(1), [
        { key: 'v', short: 'v', long: 'verbose' }, { key: 'V', short: 'V', long: 'version' }, { key: 'h', short: 'h', long: 'help' },
      ]);
    } catch (e) {
      if (!(e instanceof GetoptError)) throw e;
      await ctx.err.write(`mesg: ${e.message}\nTry 'mesg --help' for more information.\n`);
      return 1;
    }
    for (const { key } of p.order) {
      if (key === 'V') return ctx.print(`${utilLinuxVersion('mesg')}\n`).then(() => 0);
      if (key === 'h') return ctx.print(HELP).then(() => 0);
    }
    const verbose = p.flags.has('v');
    if (!sys.isatty(2)) return verbose ? die(ctx, 'no tty') : FAILURE;
    const tty = sys.ttyname(2);
    if (tty === undefined) return die(ctx, 'ttyname failed: Inappropriate ioctl for device');
    let mode: number;
    try {
      mode = (await sys.stat(tty)).mode;
    } catch (e) {
      if (!isSysError(e)) throw e;
      return die(ctx, `cannot open ${tty}: ${strerror(e.errno as Errno)}`);
    }
    const arg = p.operands[0];
    if (arg === undefined) {
      const allowed = (mode & 0o022) !== 0;
      await ctx.print(allowed ? 'is y\n' : 'is n\n');
      return allowed ? 0 : 1;
    }
    const yes = /^[yY]/.test(arg);
    if (!yes && !/^[nN]/.test(arg)) {
      await ctx.err.write(`mesg: invalid argument: ${arg}\nTry 'mesg --help' for more information.\n`);
      return 1;
    }
    try {
      await sys.chmod(tty, (yes ? mode | 0o022 : mode & ~0o022) & 0o7777);
    } catch (e) {
      if (!isSysError(e)) throw e;
      return die(ctx, `change ${tty} mode failed: ${strerror(e.errno as Errno)}`);
    }
    if (verbose) await ctx.print(`write access to your terminal is ${yes ? 'allowed' : 'denied'}\n`);
    return yes ? 0 : 1;
  },
});
