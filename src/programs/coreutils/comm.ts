import { isSysError, strerror } from '../../shared/errno';
import { defineProgram } from '../define';
import { usageFail } from '../lib/cli';
import { flag } from '../lib/getopt';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { binArg, closeInput, openInput, Output, qf, ql, readAllLines } from '../lib/textio';

const HELP = `Compare the sorted files FILE1 and FILE2 line by line.

When FILE1 or FILE2 (not both) is -, read standard input.

Without options, print three columns: lines only in FILE1, lines only in FILE2,
and lines in both.

  -1                      leave out column 1 (lines only in FILE1)
  -2                      leave out column 2 (lines only in FILE2)
  -3                      leave out column 3 (lines in both files)

      --check-order       fail if an input is not sorted, even when every line
                            pairs
      --nocheck-order     do not check that the input is sorted
      --output-delimiter=STR  separate the columns with STR, not a TAB
      --total             finish with a line of counts
  -z, --zero-terminated   lines end with a NUL byte, not a newline
${HELP_LINES}

Both files must be sorted in the locale's collating order.

Examples:
  comm -12 file1 file2  print only the lines in both files
  comm -3 file1 file2   print the lines in one file but not the other
${coreutilsHelpFooter('comm')}`;

export default defineProgram({
  name: 'comm',
  installPath: '/usr/bin/comm',
  pkg: 'coreutils',
  usage: 'comm [OPTION]... FILE1 FILE2',
  help: HELP,
  version: coreutilsVersion('comm', ['Richard M. Stallman', 'David MacKenzie']),
  options: [
    { key: '1', short: '1' },
    { key: '2', short: '2' },
    { key: '3', short: '3' },
    { key: 'z', short: 'z', long: 'zero-terminated' },
    { key: 'check', long: 'check-order' },
    { key: 'nocheck', long: 'nocheck-order' },
    { key: 'delim', long: 'output-delimiter', arg: 'required' },
    { key: 'total', long: 'total' },
  ],
  async main(ctx, args) {
    let check: 'default' | 'on' | 'off' = 'default';
    let sep: string | undefined;
    for (const { key, value } of args.order) {
      if (key === 'check') check = 'on';
      else if (key === 'nocheck') check = 'off';
      else if (key === 'delim') {
        const v = value === '' ? '\0' : binArg(value ?? '');
        if (sep !== undefined && sep !== v) {
          await ctx.error('multiple output delimiters specified');
          return 1;
        }
        sep = v;
      }
    }
    const col = sep ?? '\t';
    const show1 = !flag(args, '1');
    const show2 = !flag(args, '2');
    const both = !flag(args, '3');
    const eol = flag(args, 'z') ? '\0' : '\n';
    const ops = args.operands;
    if (ops.length < 2) return usageFail(ctx, ops.length === 0 ? 'missing operand' : `missing operand after ${ql(ctx.argv[ctx.argv.length - 1]!)}`);
    if (ops.length > 2) return usageFail(ctx, `extra operand ${ql(ops[2]!)}`);
    const files: string[][] = [];
    for (const name of ops) {
      const fd = await openInput(ctx, name);
      if (typeof fd !== 'number') {
        await ctx.error(`${qf(name)}: ${strerror(fd.errno)}`);
        return 1;
      }
      try {
        files.push((await readAllLines(ctx, fd, eol)).lines);
      } catch (e) {
        if (!isSysError(e)) throw e;
        await ctx.error(`${qf(name)}: ${strerror(e.errno)}`);
        return 1;
      } finally {
        closeInput(ctx, fd);
      }
    }
    const [a, b] = [files[0]!, files[1]!];
    const out = new Output(ctx);
    const pos = [0, 0];
    const warned = [false, false];
    const total = [0, 0, 0];
    let unpairable = false;
    const checkOrder = async (prev: string, cur: string, which: number): Promise<boolean> => {
      if (check === 'off' || (check === 'default' && !unpairable) || warned[which]) return true;
      if (prev > cur) {
        await out.flush();
        await ctx.error(`file ${which + 1} is not in sorted order`);
        if (check === 'on') return false;
        warned[which] = true;
      }
      return true;
    };
    for (let n = 0; pos[0]! < a.length || pos[1]! < b.length; n++) {
      const x = a[pos[0]!];
      const y = b[pos[1]!];
      const order = x === undefined ? 1 : y === undefined ? -1 : x < y ? -1 : x > y ? 1 : 0;
      if (order === 0) {
        total[2]!++;
        if (both) out.push((show1 ? col : '') + (show2 ? col : '') + y + eol);
      } else {
        unpairable = true;
        if (order < 0) {
          total[0]!++;
          if (show1) out.push(x + eol);
        } else {
          total[1]!++;
          if (show2) out.push((show1 ? col : '') + y + eol);
        }
      }
      for (const i of [0, 1]) {
        if (i === 0 ? order > 0 : order < 0) continue;
        const lines = i === 0 ? a : b;
        const p = ++pos[i]!;
        // at the end of a file, check its last two lines again: an unpairable line may
        // have turned the checks on since they were read (comm.c)
        const ok = p < lines.length ? await checkOrder(lines[p - 1]!, lines[p]!, i) : p >= 2 ? await checkOrder(lines[p - 2]!, lines[p - 1]!, i) : true;
        if (!ok) return 1;
      }
      if ((n & 1023) === 0) await out.drain();
    }
    if (flag(args, 'total')) out.push(`${total[0]}${col}${total[1]}${col}${total[2]}${col}total${eol}`);
    const status = await out.finish(0);
    if (warned[0] || warned[1]) {
      await ctx.error('input is not in sorted order');
      return 1;
    }
    return status;
  },
});
