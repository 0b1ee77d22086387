// zdiff and zcmp: diff or cmp of two files that may be gzip-compressed. A compressed (or -)
// operand reaches the comparer on stdin (or, when both are, the first on /dev/fd/5); with one
// operand FILE.gz it is compared with FILE. Options go to the comparer unchanged.
import type { Ctx } from '../lib/context';
import { strerror, isSysError } from '../../shared/errno';
import { defineProgram } from '../define';
import { finish, gunzipInto, scriptVersion, self, start } from './spawn';

const ZDIFF_VERSION = scriptVersion('zdiff', '2009, 2011-2018', 'Jean-loup Gailly');
const ZCMP_VERSION = scriptVersion('zcmp', '2010', 'Paul Eggert');

function zdiffUsage(me: string, prog: string): string {
  return `Usage: ${me} [OPTION]... FILE1 [FILE2]
Compare FILE1 to FILE2, using their uncompressed contents if they are
compressed.  If FILE2 is omitted, compare FILE1 to the uncompressed
contents of FILE1.gz.  Do comparisons like '${prog}' does.

OPTIONs are the same as for '${prog}'.

Report bugs to <bug-gzip@gnu.org>.
`;
}

function zcmpUsage(me: string): string {
  return `Usage: ${me} [OPTION]... FILE1 [FILE2]
Compare FILE1 to FILE2 byte by byte, using their uncompressed contents
if they are compressed.  If FILE2 is omitted, compare FILE1 to the
uncompressed contents of FILE1.gz.  Do comparisons like 'cmp' does.

Options are the same as for 'cmp'.

If a FILE is '-' or missing, read standard input.

Report bugs to <bug-gzip@gnu.org>.
`;
}

const COMPRESSED = /([-.]gz|[-.][zZ]$|\.t[ga]z$)/;

export async function zdiff(ctx: Ctx, argv: string[], me: string, prog: 'diff' | 'cmp'): Promise<number> {
  const opts: string[] = [];
  let filesOnly = false;
  let needop: string | undefined;
  let file1: string | undefined;
  let file2: string | undefined;
  for (const arg of argv) {
    if (needop !== undefined) {
      opts.push(needop, arg);
      needop = undefined;
      continue;
    }
    if (!filesOnly) {
      if (arg.startsWith('--h')) {
        await ctx.print(zdiffUsage(me, prog));
        return 0;
      }
      if (arg.startsWith('--v')) {
        await ctx.print(ZDIFF_VERSION);
        return 0;
      }
      if (arg === '--') {
        filesOnly = true;
        continue;
      }
      if (/^-[CDFISUWXx]$/.test(arg)) {
        needop = arg;
        continue;
      }
      if (arg.length >= 2 && arg.startsWith('-')) {
        opts.push(arg);
        continue;
      }
    }
    if (arg === '') return fail(ctx, `${me}: empty file name`);
    if (file1 === undefined) file1 = arg;
    else if (file2 === undefined) file2 = arg;
    else return fail(ctx, `${me}: extra operand '${arg}'`);
  }
  if (needop !== undefined) return fail(ctx, `${me}: : option requires an argument -- '${needop}'`);
  if (file1 === undefined) return fail(ctx, `${me}: missing operand`);
  if (file1 !== '-' && !(await readable(ctx, me, 92, file1))) return 2;
  if (file2 !== undefined && file2 !== '-' && !(await readable(ctx, me, 96, file2))) return 2;
  const cmp = [ctx.env.get(prog === 'cmp' ? 'CMP' : 'DIFF') ?? prog, ...opts, '--'];
  let gz = 0;
  let status: number;
  if (file2 === undefined) {
    if (!COMPRESSED.test(file1)) return fail(ctx, `${me}: ${file1}: unknown compressed file extension`);
    const plain = /^(.*)[-.][zZtga]*$/s.exec(file1)![1]!;
    [gz, status] = await gunzipInto(ctx, file1, [...cmp, '-', plain], 1, undefined, '-cd');
  } else if (file1 === '-' && file2 === '-') {
    [gz, status] = await gunzipInto(ctx, '-', [...cmp, '-', '-']);
  } else {
    const z1 = file1 === '-' || COMPRESSED.test(file1);
    const z2 = file2 === '-' || COMPRESSED.test(file2);
    if (z1 && z2) {
      await ctx.flush();
      const [r1, w1] = ctx.sys.pipe();
      const g1 = await start(ctx, { argv: ['gzip', '-cdfq', '--', file1], fds: new Map([[0, 0], [1, w1], [2, 2]]) });
      ctx.sys.close(w1);
      const nul = await ctx.sys.open('/dev/null', { read: true });
      const [r2, w2] = ctx.sys.pipe();
      const g2 = await start(ctx, { argv: ['gzip', '-cdfq', '--', file2], fds: new Map([[0, nul], [1, w2], [2, 2]]) });
      ctx.sys.close(w2);
      ctx.sys.close(nul);
      const c = await start(ctx, { argv: [...cmp, '/dev/fd/5', '-'], fds: new Map([[0, r2], [1, 1], [2, 2], [5, r1]]) });
      ctx.sys.close(r1);
      ctx.sys.close(r2);
      status = await finish(ctx, c);
      const s1 = await finish(ctx, g1);
      const s2 = await finish(ctx, g2);
      gz = s1 || s2 ? 1 : 0;
    } else if (z1) {
      [gz, status] = await gunzipInto(ctx, file1, [...cmp, '-', file2]);
    } else if (z2) {
      [gz, status] = await gunzipInto(ctx, file2, [...cmp, file1, '-']);
    } else {
      await ctx.flush();
      status = await finish(ctx, await start(ctx, { argv: [...cmp, file1, file2], fds: new Map([[0, 0], [1, 1], [2, 2]]) }));
    }
  }
  return gz !== 0 ? 2 : status;
}

async function fail(ctx: Ctx, msg: string): Promise<number> {
  await ctx.err.write(`${msg}\n`);
  return 2;
}

/** The script's `<"$file"` test: bash's own message when the file cannot be opened. */
async function readable(ctx: Ctx, me: string, line: number, file: string): Promise<boolean> {
  try {
    const fd = await ctx.sys.open(file, { read: true });
    ctx.sys.close(fd);
    return true;
  } catch (e) {
    if (!isSysError(e)) throw e;
    await ctx.err.write(`${me}: line ${line}: ${file}: ${strerror(e.errno)}\n`);
    return false;
  }
}

export const zcmpProgram = defineProgram({
  name: 'zcmp',
  installPath: '/usr/bin/zcmp',
  pkg: 'gzip',
  main: async (ctx) => {
    const first = ctx.argv[1];
    if (first === '--help') {
      await ctx.print(zcmpUsage(self(ctx, 'zcmp')));
      return 0;
    }
    if (first === '--version') {
      await ctx.print(ZCMP_VERSION);
      return 0;
    }
    // the script hands over to `zdiff --__cmp`, so later messages name zdiff
    return zdiff(ctx, ctx.argv.slice(1), '/usr/bin/zdiff', 'cmp');
  },
});

export default defineProgram({
  name: 'zdiff',
  installPath: '/usr/bin/zdiff',
  pkg: 'gzip',
  main: (ctx) => {
    const args = ctx.argv.slice(1);
    if (args[0] === '--__cmp') return zdiff(ctx, args.slice(1), self(ctx, 'zdiff'), 'cmp');
    return zdiff(ctx, args, self(ctx, 'zdiff'), 'diff');
  },
});
