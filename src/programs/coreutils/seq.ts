import { defineProgram } from '../define';
import { formatFloat, fromNumber, strtold, toNumber, type FloatSpec, type Real } from '../lib/cfloat';
import { getoptUntil, parseOptions, usageFail } from '../lib/cli';
import type { Ctx } from '../lib/context';
import { GetoptError } from '../lib/getopt';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { ldAdd, ldCmp, ldFromInt, ldLess, ldMul } from '../lib/long-double';
import { Output, ql } from '../lib/textio';

const HELP = `Print numbers from FIRST to LAST, in steps of INCREMENT.

Long options take the same arguments as their short forms.
  -f, --format=FORMAT      print each number with the printf floating point
                             FORMAT
  -s, --separator=STRING   put STRING between numbers (default: a newline)
  -w, --equal-width        pad with leading zeros to give all numbers one width
${HELP_LINES}

FIRST and INCREMENT default to 1: 'seq 5' counts from 1 to 5. A negative
INCREMENT counts down. Numbers are floating point; FORMAT takes one of %a %e %f
%g (or upper case), and 'seq 3 -1 1' counts down from 3.
${coreutilsHelpFooter('seq')}`;

const spec = {
  name: 'seq',
  installPath: '/usr/bin/seq',
  pkg: 'coreutils',
  usage: 'seq [OPTION]... LAST\nseq [OPTION]... FIRST LAST\nseq [OPTION]... FIRST INCREMENT LAST',
  help: HELP,
  version: coreutilsVersion('seq', ['Ulrich Drepper']),
  options: [
    { key: 'f', short: 'f', long: 'format', arg: 'required' as const },
    { key: 's', short: 's', long: 'separator', arg: 'required' as const },
    { key: 'w', short: 'w', long: 'equal-width' },
  ],
};

interface Operand {
  /** The value as strtold reads it: an x86 long double. */
  value: Real;
  width: number;
  /** Digits after the point; Infinity when not a plain decimal. */
  precision: number;
}

/** seq.c scan_arg: the value, and the width and precision the text asks for. */
function scanArg(arg: string): Operand | 'invalid' | 'nan' {
  const r = strtold(arg);
  if (r.end === 0 || r.end !== arg.length) return 'invalid';
  if (r.value.kind === 'nan') return 'nan';
  // xstrtold: a finite number too large for a long double overflows, and is rejected
  if (r.value.kind === 'inf' && !/^[\s+-]*inf/i.test(arg)) return 'invalid';
  const value = r.value;
  const a = arg.replace(/^[ \t\n\v\f\r+]*/, '');
  let width = 0;
  const point = a.indexOf('.');
  let precision = point < 0 && !a.includes('p') ? 0 : Infinity;
  if (!/[xX]/.test(a) && value.kind === 'finite') {
    let fractionLen = 0;
    width = a.length;
    if (point >= 0) {
      const rest = a.slice(point + 1);
      const e = rest.search(/[eE]/);
      fractionLen = e < 0 ? rest.length : e;
      precision = fractionLen;
      width += fractionLen === 0 ? -1 : point === 0 || !/\d/.test(a[point - 1]!) ? 1 : 0;
    }
    let ePos = a.indexOf('e');
    if (ePos < 0) ePos = a.indexOf('E');
    if (ePos >= 0) {
      let exponent = parseInt(a.slice(ePos + 1), 10) || 0;
      precision += exponent < 0 ? -exponent : -Math.min(precision, exponent);
      width -= a.length - ePos;
      if (exponent < 0) {
        if (point >= 0) {
          if (ePos === point + 1) width++;
        } else width++;
        exponent = -exponent;
      } else {
        if (point >= 0 && precision === 0 && fractionLen) width--;
        exponent -= Math.min(fractionLen, exponent);
      }
      width += exponent;
    }
  }
  return { value, width, precision };
}

interface Layout {
  prefix: string;
  suffix: string;
  spec: FloatSpec;
}

/** seq.c long_double_format: exactly one floating directive. */
function parseFormat(fmt: string): Layout | string {
  let i = 0;
  let prefix = '';
  for (; !(fmt[i] === '%' && fmt[i + 1] !== '%'); i += fmt[i] === '%' ? 2 : 1) {
    if (i >= fmt.length) return `format ${ql(fmt)} has no % directive`;
    prefix += fmt[i];
  }
  const m = /^%([-+#0 ']*)(\d*)(?:\.(\d*))?(L?)(.?)/.exec(fmt.slice(i))!;
  if (m[5] === '') return `format ${ql(fmt)} ends in %`;
  if (!'efgaEFGA'.includes(m[5]!)) return `format ${ql(fmt)} has unknown %${m[5]} directive`;
  let suffix = '';
  for (let j = i + m[0].length; j < fmt.length; j += fmt[j] === '%' ? 2 : 1) {
    if (fmt[j] === '%' && fmt[j + 1] !== '%') return `format ${ql(fmt)} has too many % directives`;
    suffix += fmt[j];
  }
  return {
    prefix,
    suffix,
    spec: { flags: m[1]!, width: m[2] ? Number(m[2]) : 0, prec: m[3] === undefined ? undefined : Number(m[3] || 0), conv: m[5]! },
  };
}

/** An integer a double holds exactly, as a number (seq counts in doubles while that is exact). */
function exactInt(r: Real): number | undefined {
  if (r.kind !== 'finite') return r.kind === 'inf' ? (r.neg ? -Infinity : Infinity) : undefined;
  const n = toNumber(r);
  return Number.isInteger(n) && Math.abs(n) <= 2 ** 53 && ldCmp(fromNumber(n), r) === 0 ? n : undefined;
}

/**
 * seq.c print_numbers: FIRST + i*STEP in long double until past LAST, and then one more if it
 * prints as LAST and differently from the number before it.
 */
async function printNumbers(ctx: Ctx, out: Output, fmt: (x: Real) => string, core: (x: Real) => string,
  first: Real, step: Real, last: Real, sep: string): Promise<void> {
  const down = step.neg;
  const past = (x: Real): boolean => (down ? ldLess(x, last) : ldLess(last, x));
  if (past(first)) return;
  // small integers: the doubles give the same exact sums, without big-number arithmetic
  const fn = exactInt(first);
  const sn = exactInt(step);
  const ln = exactInt(last);
  const small = fn !== undefined && sn !== undefined && Number.isFinite(fn) && Number.isFinite(sn);
  let x = first;
  let buf = '';
  let outOfRange = false;
  for (let i = 1; ; i++) {
    const x0 = x;
    buf += fmt(x);
    if (outOfRange) break;
    const prod = small ? i * sn : NaN;
    const sum = small ? fn + prod : NaN;
    if (small && Math.abs(prod) < 2 ** 53 && Math.abs(sum) < 2 ** 53) {
      x = fromNumber(sum);
      outOfRange = ln !== undefined ? (down ? sum < ln : ln < sum) : past(x);
    } else {
      x = ldAdd(first, ldMul(ldFromInt(BigInt(i)), step));
      outOfRange = past(x);
    }
    if (outOfRange) {
      const xs = core(x);
      const back = strtold(xs);
      if (!(back.end === xs.length && back.end > 0 && ldCmp(back.value, last) === 0 && core(x0) !== xs)) break;
    }
    buf += sep;
    if (buf.length >= 16384) {
      await ctx.tick();
      await out.write(buf);
      if (out.failed) return;
      buf = '';
    }
  }
  await out.write(`${buf}\n`);
}

/** The integer fast path (seq_fast): exact decimal counting, any size. */
async function seqFast(ctx: Ctx, out: Output, a: bigint, b: bigint | 'inf', step: bigint, sep: string): Promise<void> {
  if (b !== 'inf' && a > b) return;
  let x = a;
  let buf = x.toString();
  const small = b !== 'inf' && b < BigInt(Number.MAX_SAFE_INTEGER);
  if (small) {
    let n = Number(a);
    const last = Number(b);
    const s = Number(step);
    for (n += s; n <= last; n += s) {
      buf += sep + n;
      if (buf.length >= 16384) {
        await ctx.tick();
        await out.write(buf);
        if (out.failed) return;
        buf = '';
      }
    }
  } else {
    for (x += step; b === 'inf' || x <= b; x += step) {
      buf += sep + x.toString();
      if (buf.length >= 16384) {
        await ctx.tick();
        await out.write(buf);
        if (out.failed) return;
        buf = '';
      }
    }
  }
  await out.write(`${buf}\n`);
}

export default defineProgram({
  ...spec,
  options: undefined,
  async main(ctx, raw) {
    // a negative number is an operand, not an option
    let parsed;
    try {
      parsed = getoptUntil(raw.operands, [...spec.options, { key: 'help', long: 'help' }, { key: 'version', long: 'version' }], (a) => /^-[.\d]/.test(a));
    } catch (e) {
      if (!(e instanceof GetoptError)) throw e;
      return usageFail(ctx, e.message);
    }
    if (parsed.order.some((o) => o.key === 'help' || o.key === 'version')) {
      const first = parsed.order.find((o) => o.key === 'help' || o.key === 'version')!;
      const r = await parseOptions(ctx, spec, [`--${first.key}`]);
      return typeof r === 'number' ? r : 0;
    }
    let format: string | undefined;
    let sep = '\n';
    let equal = false;
    for (const o of parsed.order) {
      if (o.key === 'f') format = o.value;
      else if (o.key === 's') sep = o.value!;
      else if (o.key === 'w') equal = true;
    }
    const ops = parsed.operands;
    if (ops.length < 1) return usageFail(ctx, 'missing operand');
    if (ops.length > 3) return usageFail(ctx, `extra operand ${ql(ops[3]!)}`);
    let layout: Layout | undefined;
    if (format !== undefined) {
      const l = parseFormat(format);
      if (typeof l === 'string') {
        await ctx.error(l);
        return 1;
      }
      layout = l;
      if (equal) return usageFail(ctx, 'format string may not be specified when printing equal width strings');
    }
    const out = new Output(ctx);
    const allDigits = (s: string): boolean => /^\d+$/.test(s);
    const fastOk = !equal && layout === undefined && sep.length === 1;
    if (fastOk && ops.every(allDigits) && (ops.length < 3 || (BigInt(ops[1]!) > 0n && BigInt(ops[1]!) <= 200n))) {
      const a = BigInt(ops.length === 1 ? '1' : ops[0]!);
      const b = BigInt(ops[ops.length - 1]!);
      await seqFast(ctx, out, a, b, ops.length === 3 ? BigInt(ops[1]!) : 1n, sep);
      return out.finish(0);
    }
    const scanned: Operand[] = [];
    for (const [i, op] of ops.entries()) {
      const r = scanArg(op);
      if (r === 'invalid') return usageFail(ctx, `invalid floating point argument: ${ql(op)}`);
      if (r === 'nan') return usageFail(ctx, `invalid 'not-a-number' argument: ${ql(op)}`);
      if (ops.length === 3 && i === 1 && r.value.kind === 'finite' && r.value.m === 0n) return usageFail(ctx, `invalid Zero increment value: ${ql(op)}`);
      scanned.push(r);
    }
    const one: Operand = { value: ldFromInt(1n), width: 1, precision: 0 };
    const first = ops.length > 1 ? scanned[0]! : one;
    const step = ops.length === 3 ? scanned[1]! : one;
    const last = scanned[scanned.length - 1]!;
    const zero = ldFromInt(0n);
    // integers written as 1e3 (or an infinite LAST) count exactly too, from their %.0Lf text
    if (fastOk && first.precision === 0 && step.precision === 0 && last.precision === 0 && first.value.kind === 'finite'
      && ldCmp(first.value, zero)! >= 0 && ldCmp(last.value, zero)! >= 0 && ldLess(zero, step.value) && ldCmp(step.value, ldFromInt(200n))! <= 0) {
      const whole = (r: Real): string => formatFloat(r, { flags: '', width: 0, prec: 0, conv: 'f' });
      const a = whole(first.value);
      const b = last.value.kind === 'inf' ? 'inf' : whole(last.value);
      if (!a.startsWith('-') && !b.startsWith('-')) {
        await seqFast(ctx, out, BigInt(a), b === 'inf' ? 'inf' : BigInt(b), BigInt(Math.trunc(toNumber(step.value))), sep);
        return out.finish(0);
      }
    }
    if (!layout) {
      const prec = Math.max(first.precision, step.precision);
      let fspec: FloatSpec = { flags: '', width: 0, prec: undefined, conv: 'g' };
      if (prec !== Infinity && last.precision !== Infinity) {
        if (equal) {
          const firstWidth = first.width + (prec - first.precision) + (first.precision === 0 && prec ? 1 : 0);
          let lastWidth = last.width + (prec - last.precision);
          if (last.precision && prec === 0) lastWidth--;
          if (last.precision === 0 && prec) lastWidth++;
          fspec = { flags: '0', width: Math.max(firstWidth, lastWidth), prec, conv: 'f' };
        } else fspec = { flags: '', width: 0, prec, conv: 'f' };
      }
      layout = { prefix: '', suffix: '', spec: fspec };
    }
    const l = layout;
    const core = (x: Real): string => formatFloat(x, l.spec);
    await printNumbers(ctx, out, (x) => l.prefix + core(x) + l.suffix, core, first.value, step.value, last.value, sep);
    return out.finish(0);
  },
});
