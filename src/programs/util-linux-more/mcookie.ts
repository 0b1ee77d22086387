// mcookie (util-linux 2.38): 128 random bits, mixed with any seed files, as the hex MD5
// digest X11 uses for an xauth cookie.
import { isSysError, strerror } from '../../shared/errno';
import { defineProgram } from '../define';
import { Md5 } from '../lib/md5';
import { readChunk } from '../lib/textio';
import { hex2, NumError, shortName, sizeOrErr, tryHelp, utilLinuxVersion, warnx } from './common';

const HELP = `
Usage:
 mcookie [options]

Print a random 128-bit hexadecimal cookie, as xauth uses.

Options:
 -f, --file <file>     mix the contents of <file> into the cookie
 -m, --max-size <num>  read at most <num> bytes of each seed file
 -v, --verbose         say where the bytes came from

 -h, --help            display this help
 -V, --version         display version

Arguments:
 <num> arguments may be followed by the suffixes for
   GiB, TiB, PiB, EiB, ZiB, and YiB (the "iB" is optional)

For more details see mcookie(1).
`;

const RAND_BYTES = 128;

export default defineProgram({
  name: 'mcookie',
  installPath: '/usr/bin/mcookie',
  pkg: 'util-linux',
  options: [
    { key: 'f', short: 'f', long: 'file', arg: 'required' },
    { key: 'm', short: 'm', long: 'max-size', arg: 'required' },
    { key: 'v', short: 'v', long: 'verbose' },
    { key: 'V', short: 'V', long: 'version' },
    { key: 'h', short: 'h', long: 'help' },
  ],
  async main(ctx, args) {
    const files: string[] = [];
    let max = 0;
    let verbose = false;
    for (const { key, value } of args.order) {
      if (key === 'v') verbose = true;
      else if (key === 'f') files.push(value!);
      else if (key === 'm') {
        try {
          max = sizeOrErr(value!, 'failed to parse length');
        } catch (e) {
          if (!(e instanceof NumError)) throw e;
          await warnx(ctx, e.message);
          return 1;
        }
      } else if (key === 'V') return ctx.print(`${utilLinuxVersion(shortName(ctx))}\n`).then(() => 0);
      else if (key === 'h') return ctx.print(HELP).then(() => 0);
    }
    // operands are ignored, as getopt leaves them and mcookie never looks
    if (max && files.length === 0) await warnx(ctx, '--max-size ignored when used without --file');
    const md5 = new Md5();
    for (const name of files) {
      let fd = 0;
      if (name !== '-') {
        try {
          fd = await ctx.sys.open(name, { read: true });
        } catch (e) {
          if (!isSysError(e)) throw e;
          await warnx(ctx, `cannot open ${name}: ${strerror(e.errno)}`);
          continue;
        }
      }
      // hash_file: reads in 4 KiB pieces, at most `max` bytes when that is set
      let count = 0;
      try {
        for (;;) {
          const want = max ? Math.min(4096, max - count) : 4096;
          if (want <= 0) break;
          const c = await readChunk(ctx, fd, want);
          if (!c || c.length === 0) break;
          md5.update(c);
          count += c.length;
        }
      } catch (e) {
        if (!isSysError(e)) throw e;
      }
      if (verbose) await ctx.err.write(`Got ${count} byte${count === 1 ? '' : 's'} from ${name}\n`);
      if (fd !== 0) ctx.sys.close(fd);
    }
    md5.update(ctx.sys.randomBytes(RAND_BYTES));
    if (verbose) await ctx.err.write(`Got ${RAND_BYTES} bytes from getrandom() function\n`);
    await ctx.print(`${Array.from(md5.digest(), hex2).join('')}\n`);
    return 0;
  },
});
