// zforce: gives gzip-compressed files that lack it the .gz suffix, so that gzip will not
// compress them twice. Names already ending in .gz, -gz, .z, -z, .tgz or .taz are skipped.
import { isSysError, strerror } from '../../shared/errno';
import { defineProgram } from '../define';
import { scriptVersion, self } from './spawn';

const VERSION = scriptVersion('zforce', '2010-2018', 'Jean-loup Gailly');

function usage(me: string): string {
  return `Usage: ${me} [FILE]...
Force a .gz extension on all compressed FILEs so that gzip will
not compress them twice.

Report bugs to <bug-gzip@gnu.org>.
`;
}

export default defineProgram({
  name: 'zforce',
  installPath: '/usr/bin/zforce',
  pkg: 'gzip',
  main: async (ctx) => {
    const me = self(ctx, 'zforce');
    const files = ctx.argv.slice(1);
    if (!files.length) {
      await ctx.err.write(`${me}: invalid number of operands; try \`${me} --help' for help\n`);
      return 1;
    }
    let res = 0;
    for (const f of files) {
      if (f.startsWith('--h')) {
        await ctx.print(usage(me));
        return 0;
      }
      if (f.startsWith('--v')) {
        await ctx.print(VERSION);
        return 0;
      }
      if (/([-.]z|[-.]gz|\.t[ag]z)$/s.test(f)) continue;
      let isFile = false;
      try {
        isFile = (await ctx.sys.stat(f)).kind === 'file';
      } catch {
        isFile = false;
      }
      if (!isFile) {
        await ctx.print(`zforce: ${f} not a file\n`);
        res = 1;
        continue;
      }
      let head: Uint8Array;
      try {
        head = (await ctx.sys.readFile(f)).subarray(0, 3);
      } catch {
        continue;
      }
      if (head[0] !== 0x1f || head[1] !== 0x8b || head[2] !== 8) continue;
      try {
        await ctx.sys.rename(f, `${f}.gz`);
        await ctx.print(`${f} -- replaced with ${f}.gz\n`);
      } catch (e) {
        if (!isSysError(e)) throw e;
        await ctx.err.write(`mv: cannot move '${f}' to '${f}.gz': ${strerror(e.errno)}\n`);
        res = 1;
      }
    }
    return res;
  },
});
