// shuf: a random permutation of the input lines, of -e's arguments or of the range -i LO-HI;
// -n keeps the first COUNT of it, -r draws with replacement (forever without -n). The
// order is random, so only what does not depend on it can be relied on; with a
// --random-source of zero bytes every draw is 0 and the order stays as given, as in GNU.
import { isSysError, strerror } from '../../shared/errno';
import { defineProgram, usageError } from '../define';
import type { Ctx } from '../lib/context';
import { flag, lastValue } from '../lib/getopt';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { quote } from '../lib/quote';
import { Randint } from '../lib/randint';
import { binArg, Output, qf, readAllBin } from '../lib/textio';

const spec = {
  name: 'shuf',
  installPath: '/usr/bin/shuf',
  pkg: 'coreutils',
  usage: 'shuf [OPTION]... [FILE]\nshuf -e [OPTION]... [ARG]...\nshuf -i LO-HI [OPTION]...',
  help: `Write the input lines (or the ARGs, or the numbers LO to HI) in a random order.

With no FILE, or when FILE is -, read standard input.

Long options take the same arguments as their short forms.
  -e, --echo                the operands are the lines to shuffle
  -i, --input-range=LO-HI   shuffle the numbers LO to HI
  -n, --head-count=COUNT    write at most COUNT lines
  -o, --output=FILE         write to FILE instead of standard output
      --random-source=FILE  take the random bytes from FILE
  -r, --repeat              lines may repeat (never ends without -n)
  -z, --zero-terminated     lines end with NUL, not newline
${HELP_LINES}
${coreutilsHelpFooter('shuf')}`,
  version: coreutilsVersion('shuf', ['Paul Eggert']),
  options: [
    { key: 'e', short: 'e', long: 'echo' },
    { key: 'i', short: 'i', long: 'input-range', arg: 'required' as const },
    { key: 'n', short: 'n', long: 'head-count', arg: 'required' as const },
    { key: 'o', short: 'o', long: 'output', arg: 'required' as const },
    { key: 'random-source', long: 'random-source', arg: 'required' as const },
    { key: 'r', short: 'r', long: 'repeat' },
    { key: 'z', short: 'z', long: 'zero-terminated' },
  ],
};

export default defineProgram({
  ...spec,
  async main(ctx, args) {
    const echo = flag(args, 'e');
    const repeat = flag(args, 'r');
    const eol = flag(args, 'z') ? '\0' : '\n';
    let count = Infinity;
    let lo = 0n;
    let hi = -1n;
    let ranges = 0;
    // -n and -i are checked as getopt meets them
    for (const { key, value } of args.order) {
      if (key === 'n') {
        if (!/^\s*\+?\d+$/.test(value!)) {
          await ctx.error(`invalid line count: ${quote(value!)}`);
          return 1;
        }
        count = Math.min(count, Number(value));
        continue;
      }
      if (key !== 'i') continue;
      if (++ranges > 1) {
        await ctx.error('multiple -i options specified');
        return 1;
      }
      const range = value!;
      // LO-HI as xstrtoumax reads each (blanks and '+' allowed, at most 2^64-1); the
      // message names the part that failed, or the whole range when it is backwards
      const dash = range.indexOf('-');
      const parse = (t: string): bigint | 'invalid' | 'overflow' => {
        if (!/^\s*\+?\d+$/.test(t)) return 'invalid';
        const v = BigInt(t.trim());
        return v > 0xffffffffffffffffn ? 'overflow' : v;
      };
      const bad = async (part: string, r: 'invalid' | 'overflow'): Promise<number> => {
        await ctx.error(`invalid input range: ${quote(part)}${r === 'overflow' ? ': Value too large for defined data type' : ''}`);
        return 1;
      };
      if (dash < 0) return bad(range, 'invalid');
      const a = range.slice(0, dash);
      const b = range.slice(dash + 1);
      const l = parse(a);
      if (typeof l !== 'bigint') return bad(a, l);
      const h = parse(b);
      if (typeof h !== 'bigint') return bad(b, h);
      [lo, hi] = [l, h];
      if (hi < lo - 1n) return bad(range, 'invalid');
    }
    // checked once the options are read
    if (echo && ranges > 0) return usageError(ctx, spec, 'cannot combine -e and -i options');
    let items: string[];
    let reservoir = false;
    if (ranges > 0) {
      if (args.operands.length) return usageError(ctx, spec, `extra operand ${quote(args.operands[0]!)}`);
      items = [];
      for (let k = lo; k <= hi && items.length < 1e6; k++) items.push(String(k));
    } else if (echo) items = args.operands.map(binArg);
    else {
      if (args.operands.length > 1) return usageError(ctx, spec, `extra operand ${quote(args.operands[1]!)}`);
      const file = args.operands[0] ?? '-';
      let fd: number;
      try {
        fd = file === '-' ? 0 : await ctx.sys.open(file, { read: true });
      } catch (e) {
        if (!isSysError(e)) throw e;
        await ctx.error(`${qf(file)}: ${strerror(e.errno)}`);
        return 1;
      }
      try {
        // with -n, input whose size fstat cannot tell (a pipe) or that is large is sampled
        // into a reservoir as it is read, which draws its own random numbers
        if (!repeat && count > 0 && count !== Infinity && !smallRegular(ctx, fd)) reservoir = true;
        const text = count === 0 && !repeat ? '' : await readAllBin(ctx, fd);
        items = text.split(eol);
        if (items[items.length - 1] === '') items.pop();
      } catch (e) {
        if (!isSysError(e)) throw e;
        await ctx.error(`read error: ${strerror(e.errno)}`);
        return 1;
      } finally {
        if (fd !== 0) ctx.sys.close(fd);
      }
    }
    // random draws: from the source file when given (read as needed), else from the machine
    let srcFd: number | undefined;
    let pool: Uint8Array = new Uint8Array(0);
    let used = 0;
    const src = lastValue(args, 'random-source');
    if (src !== undefined) {
      try {
        srcFd = await ctx.sys.open(src, { read: true });
      } catch (e) {
        if (!isSysError(e)) throw e;
        await ctx.error(`${qf(src)}: ${strerror(e.errno)}`);
        return 1;
      }
    }
    const byte = async (): Promise<number> => {
      if (used >= pool.length) {
        const c = await ctx.sys.read(srcFd!, 4096);
        if (c === null || c.length === 0) throw new SourceEnded();
        pool = c;
        used = 0;
      }
      return pool[used++]!;
    };
    const fromSource = new Randint(byte);
    const choose = async (n: number): Promise<number> => (srcFd === undefined ? Math.floor(Math.random() * n) : fromSource.choose(n));
    let outFd = 1;
    const outName = lastValue(args, 'o');
    if (outName !== undefined) {
      try {
        outFd = await ctx.sys.open(outName, { write: true, create: true, truncate: true }, 0o666);
      } catch (e) {
        if (!isSysError(e)) throw e;
        await ctx.error(`${qf(outName)}: ${strerror(e.errno)}`);
        return 1;
      }
    }
    const out = new Output(ctx, undefined, outFd);
    out.largeFailure = 'errno+bare';
    try {
      return await emit();
    } catch (e) {
      if (!(e instanceof SourceEnded)) throw e;
      await ctx.error(`${quote(src!)}: end of file`);
      return 1;
    } finally {
      if (outFd !== 1) {
        await out.flush();
        ctx.sys.close(outFd);
      }
      if (srcFd !== undefined) ctx.sys.close(srcFd);
    }
    async function emit(): Promise<number> {
      if (repeat) {
        if (count === 0) return out.finish(0);
        if (items.length === 0) {
          await ctx.error('no lines to repeat');
          return 1;
        }
        for (let k = 0; k < count; k++) {
          out.push(items[await choose(items.length)]! + eol);
          if ((k & 1023) === 1023) {
            await out.drain();
            if (out.failed) break;
          }
        }
        return await out.finish(0);
      }
      if (reservoir) items = await sample(items, count, choose);
      // randperm_new: only the first COUNT places are drawn
      const n = Math.min(count, items.length);
      for (let k = 0; k < n; k++) {
        const j = k + (await choose(items.length - k));
        [items[k], items[j]] = [items[j]!, items[k]!];
      }
      for (let k = 0; k < n; k++) out.push(items[k]! + eol);
      return await out.finish(0);
    }
  },
});

class SourceEnded {}

/** Whether FD is a regular file with at most 8 MiB left to read (shuf.c's RESERVOIR_MIN_INPUT). */
function smallRegular(ctx: Ctx, fd: number): boolean {
  try {
    const st = ctx.sys.fstat(fd);
    return st.kind === 'file' && st.size - ctx.sys.lseek(fd, 0, 'cur') <= 8192 * 1024;
  } catch {
    return false;
  }
}

/**
 * read_input_reservoir_sampling over the lines already read: the first K fill the reservoir;
 * then each further line (and the end of input, once there are K) draws a place among the
 * lines so far, and replaces that reservoir line when the place is below K.
 */
async function sample(lines: string[], k: number, choose: (n: number) => Promise<number>): Promise<string[]> {
  const rsrv = lines.slice(0, k);
  if (lines.length < k) return rsrv;
  for (let n = k; ; n++) {
    const j = await choose(n + 1);
    if (n >= lines.length) break;
    if (j < k) rsrv[j] = lines[n]!;
  }
  return rsrv;
}
