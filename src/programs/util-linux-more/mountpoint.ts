// mountpoint (util-linux 2.38): whether a directory (or file) is where a filesystem is
// mounted, found in the mount table by its canonical path; -d prints the filesystem's device
// number, -x a block device's.
import { isSysError, strerror } from '../../shared/errno';
import type { Stat } from '../../shared/stat';
import { defineProgram } from '../define';
import { mountPath } from '../util-linux/mount-path';
import { errx, shortName, tryHelp, utilLinuxVersion, warnx } from './common';

const HELP = `
Usage:
 mountpoint [-qd] /path/to/directory
 mountpoint -x /dev/device

Tell whether a directory or file is a mount point.

Options:
 -q, --quiet        print nothing, only set the exit status
     --nofollow     do not follow a symbolic link
 -d, --fs-devno     print the filesystem's device number (major:minor)
 -x, --devno        print the block device's number (major:minor)

 -h, --help         display this help
 -V, --version      display version

For more details see mountpoint(1).
`;

const NOT_MOUNTED = 32;

/** The major and minor of a device number as stat's st_dev holds it. */
export function devno(dev: number): string {
  return `${Math.floor(dev / 256) & 0xfff}:${(dev & 0xff) | (Math.floor(dev / 4096) & 0xfff00)}`;
}

export default defineProgram({
  name: 'mountpoint',
  installPath: '/usr/bin/mountpoint',
  pkg: 'util-linux',
  options: [
    { key: 'q', short: 'q', long: 'quiet' },
    { key: 'nofollow', long: 'nofollow' },
    { key: 'd', short: 'd', long: 'fs-devno' },
    { key: 'x', short: 'x', long: 'devno' },
    { key: 'h', short: 'h', long: 'help' },
    { key: 'V', short: 'V', long: 'version' },
  ],
  async main(ctx, args) {
    let quiet = false;
    let nofollow = false;
    let fsDevno = false;
    let devDevno = false;
    for (const { key } of args.order) {
      if (key === 'q') quiet = true;
      else if (key === 'nofollow') nofollow = true;
      else if (key === 'd') fsDevno = true;
      else if (key === 'x') devDevno = true;
      else if (key === 'h') return ctx.print(HELP).then(() => 0);
      else if (key === 'V') return ctx.print(`${utilLinuxVersion(shortName(ctx))}\n`).then(() => 0);
    }
    if (args.operands.length !== 1) {
      await warnx(ctx, 'bad usage');
      return tryHelp(ctx);
    }
    if (nofollow && devDevno) return errx(ctx, '--devno and --nofollow are mutually exclusive');
    const path = args.operands[0]!;
    const sys = ctx.sys;
    let st: Stat;
    try {
      st = nofollow ? await sys.lstat(path) : await sys.stat(path);
    } catch (e) {
      if (!isSysError(e)) throw e;
      if (!quiet) await warnx(ctx, `${path}: ${strerror(e.errno)}`);
      return 1;
    }
    if (devDevno) {
      if (st.kind !== 'blockdev' || !st.rdev) {
        if (!quiet) await warnx(ctx, `${path}: not a block device`);
        return NOT_MOUNTED;
      }
      await ctx.print(`${st.rdev[0]}:${st.rdev[1]}\n`);
      return 0;
    }
    let dev: number | undefined;
    if (!(nofollow && st.kind === 'symlink')) {
      const targets = sys.mounts().map((m) => m.target);
      let target = targets.includes(path) ? path : undefined;
      if (target === undefined) {
        try {
          const real = await mountPath(sys, path);
          if (targets.includes(real)) target = real;
        } catch (e) {
          if (!isSysError(e)) throw e;
        }
      }
      if (target !== undefined) dev = (await sys.stat(target)).dev;
    }
    if (dev === undefined) {
      if (!quiet) await ctx.print(`${path} is not a mountpoint\n`);
      return NOT_MOUNTED;
    }
    if (fsDevno) await ctx.print(`${devno(dev)}\n`);
    else if (!quiet) await ctx.print(`${path} is a mountpoint\n`);
    return 0;
  },
});
