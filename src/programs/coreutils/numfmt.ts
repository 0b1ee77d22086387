// numfmt (coreutils 9.1 numfmt.c): numbers to and from human units (--from/--to si, iec,
// iec-i, auto), --padding (and the automatic padding of blank-prefixed fields), --field,
// -d, --suffix, --format '%[0]['][-][N][.N]f', --round, --from-unit/--to-unit, --header and
// the --invalid modes; a bad number stops with status 2 unless --invalid says otherwise.
import { isSysError, strerror } from '../../shared/errno';
import { defineProgram } from '../define';
import { argmatch, argmatchError, type ArgChoices } from '../lib/argmatch';
import { tryHelp, usageFail } from '../lib/cli';
import { FieldListError, parseFieldList, selected, type Range } from '../lib/fields';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { bin, binArg, Output, ql, readChunk } from '../lib/textio';
import { formatFloat, fromNumber, strtold, toLongDouble } from '../lib/cfloat';

const HELP = `Reformat each NUMBER, or the numbers read from standard input when there are none.

Long options take the same arguments as their short forms.
      --debug          warn about input that could not be converted
  -d, --delimiter=X    split fields at X instead of at blanks
      --field=FIELDS   convert the numbers in these fields (default 1);
                         FIELDS is a list as in cut(1): N, N-, N-M, -M, -
      --format=FORMAT  a printf floating-point FORMAT such as '%10.1f'
      --from=UNIT      read numbers scaled by UNIT (default 'none')
      --from-unit=N    the size of one input unit (default 1)
      --grouping       group digits as the locale says (nothing in C/POSIX)
      --header[=N]     copy the first N input lines (default 1) unchanged
      --invalid=MODE   on a bad number: abort (default), fail, warn or ignore
      --padding=N      pad to N characters, right-aligned, or left-aligned if N
                         is negative; without it, fields that start with
                         blanks keep their width
      --round=METHOD   round up, down, from-zero (default), towards-zero or
                         nearest when scaling
      --suffix=SUFFIX  append SUFFIX to the output, and allow it on the input
      --to=UNIT        scale the output to UNIT
      --to-unit=N      the size of one output unit (default 1)
  -z, --zero-terminated    lines end with NUL, not newline
${HELP_LINES}

UNIT is one of:
  none     no scaling; a suffix on the input is an error
  auto     accept K, M, G... as powers of 1000 and Ki, Mi, Gi... as powers of 1024
  si       K, M, G... are powers of 1000
  iec      K, M, G... are powers of 1024
  iec-i    Ki, Mi, Gi... are powers of 1024 (the i is required)

The exit status is 0 when every number converted, 2 after a conversion error
(unless --invalid is warn or ignore), 1 on a usage error.
${coreutilsHelpFooter('numfmt')}`;

type Scale = 'none' | 'auto' | 'si' | 'iec' | 'iec-i';
type Round = 'up' | 'down' | 'from-zero' | 'towards-zero' | 'nearest';
type Invalid = 'abort' | 'fail' | 'warn' | 'ignore';

const FROM_CHOICES: ArgChoices<Scale> = [['none', 'none'], ['auto', 'auto'], ['si', 'si'], ['iec', 'iec'], ['iec-i', 'iec-i']];
const TO_CHOICES: ArgChoices<Scale> = [['none', 'none'], ['si', 'si'], ['iec', 'iec'], ['iec-i', 'iec-i']];
const ROUND_CHOICES: ArgChoices<Round> = [['up', 'up'], ['down', 'down'], ['from-zero', 'from-zero'], ['towards-zero', 'towards-zero'], ['nearest', 'nearest']];
const INVALID_CHOICES: ArgChoices<Invalid> = [['abort', 'abort'], ['fail', 'fail'], ['warn', 'warn'], ['ignore', 'ignore']];

const SUFFIXES = 'KMGTPEZY';
/** LDBL_DIG on x86-64: more digits than this cannot be printed unscaled. */
const MAX_UNSCALED_DIGITS = 18;
/** 999Y. */
const MAX_ACCEPTABLE_DIGITS = 27;

/** A conversion error: the message, printed unless --invalid=ignore. */
class Invalidity {
  constructor(readonly message: string) {}
}

interface Settings {
  from: Scale;
  to: Scale;
  round: Round;
  invalid: Invalid;
  suffix: string | undefined;
  fromUnit: number;
  toUnit: number;
  padding: number;
  autoPadding: boolean;
  zeroPadding: number;
  precision: number;
  prefix: string;
  formatSuffix: string;
  delimiter: string | undefined;
  fields: Range[] | undefined;
}

const base = (s: Scale): number => (s === 'iec' || s === 'iec-i' ? 1024 : 1000);

function roundWith(v: number, how: Round): number {
  const ceil = (x: number): number => {
    const t = Math.trunc(x);
    return t < x ? t + 1 : t;
  };
  switch (how) {
    case 'up': return ceil(v);
    case 'down': return -ceil(-v);
    case 'from-zero': return v < 0 ? -ceil(-v) : ceil(v);
    case 'towards-zero': return Math.trunc(v);
    default: return Math.trunc(v < 0 ? v - 0.5 : v + 0.5);
  }
}

/**
 * An unscaled number printed with its own precision, from its digits; but the value numfmt
 * rounds is the long double nearest to them, times 10^precision: 0.001 is a little less
 * than 1/1000 there, so --round=down makes it 0.000.
 */
function exactRounded(exact: string, prec: number, how: Round): string {
  const r = strtold(exact).value;
  if (prec === 0 || r.kind !== 'finite' || r.m === 0n) return exact;
  const num = r.m * 10n ** BigInt(prec);
  const p = r.e >= 0 ? toLongDouble(r.neg, num << BigInt(r.e), 1n) : toLongDouble(r.neg, num, 1n << BigInt(-r.e));
  if (p.kind !== 'finite' || p.e >= 0) return exact;
  const shift = BigInt(-p.e);
  const q = p.m >> shift;
  const rem = p.m & ((1n << shift) - 1n);
  if (rem === 0n) return exact;
  const half = 1n << (shift - 1n);
  let away: boolean;
  switch (how) {
    case 'up': away = !p.neg; break;
    case 'down': away = p.neg; break;
    case 'from-zero': away = true; break;
    case 'towards-zero': away = false; break;
    default: away = rem >= half;
  }
  const mag = away ? q + 1n : q;
  const digits = mag.toString().padStart(prec + 1, '0');
  const text = `${digits.slice(0, -prec)}.${digits.slice(-prec)}`;
  return mag === 0n ? text : (p.neg ? '-' : '') + text;
}

/** simple_strtod_human: the value and the digits after the decimal point. */
function parseHuman(str: string, from: Scale): { value: number; precision: number; exact?: string } | Invalidity {
  const invalidNumber = new Invalidity(`invalid number: ${ql(str)}`);
  let i = 0;
  const neg = str[0] === '-';
  if (neg) i++;
  let j = i;
  while (j < str.length && str[j]! >= '0' && str[j]! <= '9') j++;
  const int = str.slice(i, j);
  if (int === '' && str[j] !== '.') return invalidNumber;
  if (int.replace(/^0+/, '').length > MAX_ACCEPTABLE_DIGITS) return new Invalidity(`value too large to be converted: ${ql(str)}`);
  let value = Number(int || '0');
  let precision = 0;
  if (str[j] === '.') {
    j++;
    if (str[j] === '-') return invalidNumber;
    let k = j;
    while (k < str.length && str[k]! >= '0' && str[k]! <= '9') k++;
    if (k === j && str[k] !== '.') return invalidNumber;
    const frac = str.slice(j, k);
    if (frac !== '') value += Number(`0.${frac}`);
    precision = frac.length;
    j = k;
  }
  if (neg) value = -value;
  let b = base(from);
  let power = 0;
  const exact = `${neg ? '-' : ''}${BigInt(int || '0')}${precision ? `.${str.slice(j - precision, j)}` : ''}`;
  // one blank may separate the number from its suffix
  if (j < str.length && (str[j] === ' ' || str[j] === '\t')) j++;
  // --from=iec-i wants a suffix on every number, a bare one included
  const missingI = new Invalidity(`missing 'i' suffix in input: ${ql(str)} (e.g Ki/Mi/Gi)`);
  if (j >= str.length && from === 'iec-i') return missingI;
  if (j < str.length) {
    const c = str[j]!;
    if (!SUFFIXES.includes(c)) {
      if (/^[ \t\n]*$/.test(str.slice(j))) return from === 'iec-i' ? missingI : { value, precision, exact };
      return new Invalidity(`invalid suffix in input: ${ql(str)}`);
    }
    if (from === 'none') return new Invalidity(`rejecting suffix in input: ${ql(str)} (consider using --from)`);
    power = SUFFIXES.indexOf(c) + 1;
    j++;
    if (from === 'auto' && str[j] === 'i') {
      b = 1024;
      j++;
    } else if (from === 'iec-i') {
      if (str[j] !== 'i') return missingI;
      j++;
    }
    precision = 0;
    const rest = str.slice(j);
    if (rest !== '' && !/^[ \t\n]*$/.test(rest)) return new Invalidity(`invalid suffix in input ${ql(str)}: ${ql(rest)}`);
  }
  return { value: value * b ** power, precision, exact: power ? undefined : exact };
}

/** %Lg of a value, for the "too large" messages. */
function gFormat(v: number): string {
  if (v === 0) return '0';
  const exp = Math.floor(Math.log10(Math.abs(v)));
  if (exp < -4 || exp >= 6) return v.toExponential(5).replace(/\.?0+e/, 'e').replace(/e([+-])(\d)$/, 'e$10$2');
  return String(Number(v.toPrecision(6)));
}

/** %.*Lf: the exact binary value, rounded half to even as glibc does (0.5 is "0"). */
function fixed(v: number, prec: number): string {
  return formatFloat(fromNumber(v), { flags: '', width: 0, prec, conv: 'f' });
}

/** double_to_human. */
function toHuman(val: number, precision: number, st: Settings): string {
  const zeroPad = (s: string): string => {
    if (!st.zeroPadding || s.length >= st.zeroPadding) return s;
    const neg = s.startsWith('-');
    return (neg ? '-' : '') + (neg ? s.slice(1) : s).padStart(st.zeroPadding - (neg ? 1 : 0), '0');
  };
  if (st.to === 'none') {
    let v = val * 10 ** precision;
    v = roundWith(v, st.round);
    v /= 10 ** precision;
    return zeroPad(fixed(v, precision)) + (st.suffix ?? '');
  }
  const b = base(st.to);
  let power = 0;
  let v = val;
  if (Number.isFinite(v)) {
    while (Math.abs(v) >= b) {
      power++;
      v /= b;
    }
  }
  let adjust = 0;
  if (st.precision !== -1) adjust = Math.min(power * 3, st.precision);
  else if (Math.abs(v) < 10) adjust = 1;
  v = roundWith(v * 10 ** adjust, st.round) / 10 ** adjust;
  if (Math.abs(v) >= b) {
    v /= b;
    power++;
  }
  const showPoint = v !== 0 && Math.abs(v) < 10 && power > 0 ? 1 : 0;
  const prec = st.precision === -1 ? showPoint : st.precision;
  const suffixChar = power === 0 ? '' : (SUFFIXES[power - 1] ?? '(error)');
  return zeroPad(fixed(v, prec)) + suffixChar + (st.to === 'iec-i' && power > 0 ? 'i' : '') + (st.suffix ?? '');
}

/** unit_to_umax: N with an optional K, M... (powers of 1000) or Ki, Mi... (powers of 1024). */
function unitSize(s: string): number | undefined {
  const m = /^(\d*)(?:([KMGTPEZY])(i)?)?$/.exec(s);
  if (!m || s === '') return undefined;
  const n = Number(m[1] || '1') * (m[2] ? (m[3] ? 1024 : 1000) ** (SUFFIXES.indexOf(m[2]) + 1) : 1);
  return n === 0 ? undefined : n;
}

export default defineProgram({
  name: 'numfmt',
  installPath: '/usr/bin/numfmt',
  pkg: 'coreutils',
  usage: 'numfmt [OPTION]... [NUMBER]...',
  help: HELP,
  version: coreutilsVersion('numfmt', ['Assaf Gordon']),
  options: [
    { key: 'from', long: 'from', arg: 'required' },
    { key: 'from-unit', long: 'from-unit', arg: 'required' },
    { key: 'to', long: 'to', arg: 'required' },
    { key: 'to-unit', long: 'to-unit', arg: 'required' },
    { key: 'round', long: 'round', arg: 'required' },
    { key: 'padding', long: 'padding', arg: 'required' },
    { key: 'suffix', long: 'suffix', arg: 'required' },
    { key: 'grouping', long: 'grouping' },
    { key: 'd', short: 'd', long: 'delimiter', arg: 'required' },
    { key: 'field', long: 'field', arg: 'required' },
    { key: 'debug', long: 'debug' },
    { key: 'header', long: 'header', arg: 'optional' },
    { key: 'format', long: 'format', arg: 'required' },
    { key: 'invalid', long: 'invalid', arg: 'required' },
    { key: 'z', short: 'z', long: 'zero-terminated' },
  ],
  async main(ctx, args) {
    const st: Settings = {
      from: 'none', to: 'none', round: 'from-zero', invalid: 'abort', suffix: undefined, fromUnit: 1, toUnit: 1,
      padding: 0, autoPadding: false, zeroPadding: 0, precision: -1, prefix: '', formatSuffix: '', delimiter: undefined, fields: undefined,
    };
    let header = 0;
    let format: string | undefined;
    let grouping = false;
    let debug = false;
    let eol = '\n';
    const fail = async (msg: string): Promise<number> => {
      await ctx.error(msg);
      return 1;
    };
    for (const { key, value } of args.order) {
      const v = value ?? '';
      switch (key) {
        case 'from':
        case 'to':
        case 'round':
        case 'invalid': {
          const choices = key === 'from' ? FROM_CHOICES : key === 'to' ? TO_CHOICES : key === 'round' ? ROUND_CHOICES : INVALID_CHOICES;
          const r = argmatch<string>(v, choices as ArgChoices<string>);
          if ('error' in r) {
            await argmatchError(ctx, `--${key}`, v, r.error, choices as ArgChoices<string>);
            await tryHelp(ctx);
            return 1;
          }
          if (key === 'from') st.from = r.value as Scale;
          else if (key === 'to') st.to = r.value as Scale;
          else if (key === 'round') st.round = r.value as Round;
          else st.invalid = r.value as Invalid;
          break;
        }
        case 'from-unit':
        case 'to-unit': {
          const n = unitSize(v);
          if (n === undefined) return fail(`invalid unit size: ${ql(v)}`);
          if (key === 'from-unit') st.fromUnit = n;
          else st.toUnit = n;
          break;
        }
        case 'padding': {
          // a long, as xstrtol reads it; its negation must be one too
          const big = /^\s*[-+]?\d+$/.test(v) ? BigInt(v.trim()) : undefined;
          const n = big !== undefined && big < 2n ** 63n && big > -(2n ** 63n) ? Number(big) : NaN;
          if (!Number.isFinite(n) || n === 0) return fail(`invalid padding value ${ql(v)}`);
          st.padding = n;
          break;
        }
        case 'field':
          if (st.fields) return fail('multiple field specifications');
          try {
            st.fields = parseFieldList(v, { positions: false, complement: false, allowDash: true });
          } catch (e) {
            if (e instanceof FieldListError) return usageFail(ctx, e.message);
            throw e;
          }
          break;
        case 'd': {
          const d = binArg(v);
          if (d.length > 1) return fail('the delimiter must be a single character');
          st.delimiter = d === '' ? '\0' : d;
          break;
        }
        case 'z': eol = '\0'; break;
        case 'suffix': st.suffix = binArg(v); break;
        case 'grouping': grouping = true; break;
        case 'header':
          if (value === undefined) header = 1;
          else {
            header = /^\d+$/.test(v) ? Number(v) : 0;
            if (header === 0) return fail(`invalid header value ${ql(v)}`);
          }
          break;
        case 'format': format = v; break;
        case 'debug': debug = true; break;
        default: break;
      }
    }
    if (format !== undefined && grouping) return fail('--grouping cannot be combined with --format');
    if (debug && st.from === 'none' && st.to === 'none' && !grouping && st.padding === 0 && format === undefined) await ctx.error('no conversion option specified');
    if (format !== undefined) {
      // parse_format_string
      let i = 0;
      let prefix = '';
      while (!(format[i] === '%' && format[i + 1] !== '%')) {
        if (i >= format.length) return fail(`format ${ql(format)} has no % directive`);
        prefix += format[i];
        i += format[i] === '%' ? 2 : 1;
      }
      i++;
      let zero = false;
      for (;;) {
        const skip = /^ */.exec(format.slice(i))![0].length;
        i += skip;
        if (format[i] === "'") {
          grouping = true;
          i++;
        } else if (format[i] === '0') {
          zero = true;
          i++;
        } else if (!skip) break;
      }
      const pm = /^[-+]?\d*/.exec(format.slice(i))![0];
      const pad = /\d/.test(pm) ? Number(pm) : 0;
      if (pad !== 0) {
        if (pad < 0) st.padding = pad;
        else if (zero) st.zeroPadding = pad;
        else st.padding = pad;
      }
      i += /\d/.test(pm) ? pm.length : 0;
      if (i >= format.length) return fail(`format ${ql(format)} ends in %`);
      if (format[i] === '.') {
        i++;
        const pr = /^\d*/.exec(format.slice(i))![0];
        if (format[i] === ' ' || format[i] === '\t' || format[i] === '+' || format[i] === '-') return fail(`invalid precision in format ${ql(format)}`);
        st.precision = pr === '' ? 0 : Number(pr);
        i += pr.length;
      }
      if (format[i] !== 'f') return fail(`invalid format ${ql(format)}, directive must be %[0]['][-][N][.][N]f`);
      i++;
      const suffixPos = i;
      for (; i < format.length; i += format[i] === '%' ? 2 : 1) {
        if (format[i] === '%' && format[i + 1] !== '%') return fail(`format ${ql(format)} has too many % directives`);
      }
      st.prefix = prefix;
      st.formatSuffix = format.slice(suffixPos);
    }
    if (grouping && st.to !== 'none') return fail('grouping cannot be combined with --to');
    st.autoPadding = st.padding === 0 && st.delimiter === undefined;
    const out = new Output(ctx);
    let valid = true;
    let stop = false;

    const report = async (e: Invalidity): Promise<void> => {
      if (st.invalid !== 'ignore') {
        await out.flush();
        await ctx.error(e.message);
      }
      if (st.invalid === 'abort') stop = true;
    };

    /** process_field: the converted text, or the field itself when it is not a valid number. */
    const processField = async (text: string, field: number): Promise<string> => {
      if (!(st.fields ? selected(st.fields, field) : field === 1)) return text;
      let t = text;
      if (st.suffix !== undefined && t.length > st.suffix.length && t.endsWith(st.suffix)) t = t.slice(0, t.length - st.suffix.length);
      const p = t.replace(/^[ \t]+/, '');
      if (st.autoPadding) st.padding = t.length > p.length || field > 1 ? t.length : 0;
      const r = parseHuman(p, st.from);
      if (r instanceof Invalidity) {
        await report(r);
        valid = false;
        return text;
      }
      let val = r.value;
      if (st.fromUnit !== 1 || st.toUnit !== 1) val = (val * st.fromUnit) / st.toUnit;
      const precisionUsed = st.precision === -1 ? r.precision : st.precision;
      let x = 0;
      for (let a = Math.abs(val); a >= 10 && Number.isFinite(a); a /= 10) x++;
      if (st.to === 'none' && x + precisionUsed > MAX_UNSCALED_DIGITS) {
        await report(new Invalidity(precisionUsed ? `value/precision too large to be printed: '${gFormat(val)}/${precisionUsed}' (consider using --to)` : `value too large to be printed: '${gFormat(val)}' (consider using --to)`));
        valid = false;
        return text;
      }
      if (x > MAX_ACCEPTABLE_DIGITS - 1) {
        await report(new Invalidity(`value too large to be printed: '${gFormat(val)}' (cannot handle values > 999Y)`));
        valid = false;
        return text;
      }
      // a long double holds 18 digits exactly: print unscaled numbers from their digits
      const buf =
        st.to === 'none' && r.exact !== undefined && val === r.value && precisionUsed === r.precision && !st.zeroPadding
          ? exactRounded(r.exact, precisionUsed, st.round) + (st.suffix ?? '')
          : toHuman(val, precisionUsed, st);
      let s = buf;
      if (st.padding > 0 && buf.length < st.padding) s = buf.padStart(st.padding);
      else if (st.padding < 0 && buf.length < -st.padding) s = buf.padEnd(-st.padding);
      return st.prefix + s + st.formatSuffix;
    };

    const processLine = async (line: string, newline: boolean): Promise<void> => {
      let rest = line;
      let field = 0;
      for (;;) {
        field++;
        let end: number;
        if (st.delimiter !== undefined) {
          end = rest.indexOf(st.delimiter);
          if (end < 0) end = rest.length;
        } else {
          const m = /^[ \t\n]*[^ \t\n]*/.exec(rest)!;
          end = m[0].length;
        }
        const piece = rest.slice(0, end);
        const converted = await processField(piece, field);
        if (stop) return;
        out.push(converted);
        if (end >= rest.length) break;
        out.push(st.delimiter ?? ' ');
        rest = rest.slice(end + 1);
      }
      if (newline) out.push(eol);
      await out.drain();
    };

    if (args.operands.length > 0) {
      if (debug && header) await ctx.error('--header ignored with command-line input');
      for (const n of args.operands) {
        await processLine(binArg(n), true);
        if (stop) break;
      }
    } else {
      let pending = '';
      const lines: string[] = [];
      try {
        for (let chunk = await readChunk(ctx, 0); chunk && !stop; chunk = await readChunk(ctx, 0)) {
          pending += bin(chunk);
          let k: number;
          while ((k = pending.indexOf(eol)) >= 0) {
            lines.push(pending.slice(0, k));
            pending = pending.slice(k + 1);
          }
          while (lines.length && !stop) {
            const l = lines.shift()!;
            if (header > 0) {
              header--;
              out.push(l + eol);
              continue;
            }
            await processLine(l, true);
          }
        }
        if (pending !== '' && !stop) {
          if (header > 0) out.push(pending);
          else await processLine(pending, false);
        }
      } catch (e) {
        if (!isSysError(e)) throw e;
        await out.flush();
        // reported, but (as in numfmt.c) the status is still the numbers' own
        await ctx.error(`error reading input: ${strerror(e.errno)}`);
      }
    }
    if (debug && !valid && !stop) {
      await out.flush();
      await ctx.error('failed to convert some of the input numbers');
    }
    if (stop) return out.finish(2);
    return out.finish(!valid && st.invalid !== 'warn' && st.invalid !== 'ignore' ? 2 : 0);
  },
});
