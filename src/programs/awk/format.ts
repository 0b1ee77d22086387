// awk's sprintf/printf: %c %d %i %o %x %X %u %e %E %f %F %g %G %a %s %%, flags, widths,
// precisions, `*` and positional `%N$` arguments, as gawk formats them.
import { expAbs, expOf, fixedAbs } from './decimal';
import { fmtHook, intToStr, nanSign, StrNum, toNum, toStr, type NumMode, type Value } from './values';

export class FormatError extends Error {}

const SPEC_RE = /^%(\d+\$)?([-+ #0']*)(\*(?:\d+\$)?|\d+)?(?:\.(\*(?:\d+\$)?|\d*))?([hlLjzt]*)([a-zA-Z%])?/;

type Loose = { kind: 'text'; text: string; len: number } | { kind: 'spec'; spec: string; len: number } | { kind: 'none' };

/** A directive whose flags, width and length modifiers come in an unusual order, as gawk scans it. */
function looseSpec(fmt: string, pct: number): Loose {
  let flags = '';
  let width = '';
  let prec: string | undefined;
  let j = pct + 1;
  for (; j < fmt.length; j++) {
    const c = fmt[j]!;
    if (c === '%') return { kind: 'text', text: '%', len: j + 1 - pct };
    if ('-+ #\''.includes(c) || (c === '0' && !width && prec === undefined)) {
      if (prec !== undefined) return { kind: 'text', text: fmt.slice(pct, j + 1), len: j + 1 - pct };
      flags += c;
    } else if (/[0-9*]/.test(c)) {
      if (prec !== undefined) prec += c;
      else width += c;
    } else if (c === '.') {
      if (prec !== undefined) return { kind: 'none' };
      prec = '';
    } else if (!'hlLjzt'.includes(c)) break;
  }
  if (j >= fmt.length || !/[a-zA-Z]/.test(fmt[j]!)) return { kind: 'none' };
  return { kind: 'spec', spec: `%${flags}${width}${prec === undefined ? '' : `.${prec}`}${fmt[j]}`, len: j + 1 - pct };
}

function pad(s: string, width: number, left: boolean, zero: boolean): string {
  if (s.length >= width) return s;
  if (left) return s.padEnd(width);
  if (zero) {
    const m = /^([-+ ]?(?:0[xX])?)/.exec(s);
    const prefix = m ? m[1]! : '';
    return prefix + s.slice(prefix.length).padStart(width - prefix.length, '0');
  }
  return s.padStart(width);
}

/** Formats one finite non-negative number for e, f, g, a (lowercase; the caller uppercases). */
export function formatFloat(v: number, conv: string, prec: number | undefined, alt: boolean): string {
  const p = prec ?? 6;
  if (conv === 'f') {
    const s = fixedAbs(v, p);
    return alt && p === 0 ? `${s}.` : s;
  }
  if (conv === 'e') {
    const s = expAbs(v, p);
    return alt && p === 0 ? s.replace('e', '.e') : s;
  }
  if (conv === 'a') return hexFloat(v, prec);
  const P = p === 0 ? 1 : p;
  const e = expOf(v, P);
  let s: string;
  if (e < -4 || e >= P) {
    s = expAbs(v, P - 1);
    if (!alt) s = s.replace(/\.?0+e/, 'e');
    else if (P === 1) s = s.replace('e', '.e');
  } else {
    s = fixedAbs(v, P - 1 - e);
    if (!alt && s.includes('.')) s = s.replace(/\.?0+$/, '');
    else if (alt && !s.includes('.')) s += '.';
  }
  return s;
}

function hexFloat(v: number, prec: number | undefined): string {
  if (v === 0) return prec ? `0x0.${'0'.repeat(prec)}p+0` : '0x0p+0';
  const sign = v < 0 ? '-' : '';
  let a = Math.abs(v);
  let e = 0;
  while (a >= 2) { a /= 2; e++; }
  while (a < 1) { a *= 2; e--; }
  let frac = (a - 1).toString(16).slice(2);
  if (prec !== undefined) frac = frac.slice(0, prec).padEnd(prec, '0');
  return `${sign}0x1${frac ? `.${frac}` : ''}p${e >= 0 ? '+' : ''}${e}`;
}

function special(v: number): string {
  return Number.isNaN(v) ? `${nanSign(v)}nan` : v > 0 ? '+inf' : '-inf';
}

function isNumberArg(v: Value): boolean {
  return typeof v === 'number' || (v instanceof StrNum && v.looksNumeric());
}

export interface FormatEnv {
  convfmt: string;
  /** Bytes (C locale) or code points (UTF-8): what %c of a number makes. */
  bytes: boolean;
  /** How text reads as a number (-n, --posix); gawk's default when absent. */
  mode?: NumMode;
}

/** sprintf(fmt, args...); throws FormatError with gawk's message when arguments run out. */
export function awkSprintf(fmt: string, args: Value[], env: FormatEnv): string {
  let out = '';
  // gawk's bookkeeping: how many arguments were taken in turn, and whether a conversion named
  // its own with N$; the two ways cannot be mixed in one format
  let taken = 0;
  let usedDollar = false;
  const mixed = "must use `count$' on all formats or none";
  // the caret stands under the character that wanted the argument (after the quote)
  const ranOut = (at: number): FormatError =>
    new FormatError(`not enough arguments to satisfy format string\n\t\`${fmt}'\n\t${' '.repeat(at + 1)}^ ran out for this one`);
  /** The argument a conversion formats: its own N$ one, or the next in turn. */
  const valueArg = (argnum: number, at: number): Value => {
    if (argnum > 0) {
      if (taken > 0) throw new FormatError(mixed);
      return args[argnum - 1]!;
    }
    if (usedDollar) throw new FormatError(mixed);
    if (taken >= args.length) throw ranOut(at);
    return args[taken++]!;
  };
  /** The argument of a `*` width or precision: *N$ names it (0 is the format itself), * takes the next. */
  const starArg = (star: string, at: number): Value => {
    const pos = /^\*(\d+)\$/.exec(star);
    if (pos) {
      const n = Number(pos[1]);
      if (n > args.length) throw ranOut(at + pos[0].length - 1);
      return n === 0 ? fmt : args[n - 1]!;
    }
    // gawk reports this one through fatal() with the word already in the message
    if (usedDollar) throw new FormatError(`fatal: ${mixed}`);
    return valueArg(0, at);
  };
  let i = 0;
  while (i < fmt.length) {
    const pct = fmt.indexOf('%', i);
    if (pct < 0) {
      out += fmt.slice(i);
      break;
    }
    out += fmt.slice(i, pct);
    // flags may come before N$ (%-1$s): read as %1$-s, which has the same length
    const lead = /^%([-+ #0']+)(\d+\$)/.exec(fmt.slice(pct));
    let m = SPEC_RE.exec(lead ? `%${lead[2]}${lead[1]}${fmt.slice(pct + lead[0].length)}` : fmt.slice(pct));
    if (m && !m[6] && m[4] !== undefined && !m[4].startsWith('*') && !m[5] && fmt[pct + m[0].length] === '$') {
      throw new FormatError("`$' not permitted after period in format");
    }
    if (m && !m[6]) {
      // gawk reads flags, width and modifiers in any order: retry with them put in order
      const loose = looseSpec(fmt, pct);
      if (loose.kind === 'text') {
        out += loose.text;
        i = pct + loose.len;
        continue;
      }
      if (loose.kind === 'spec') {
        const lm = SPEC_RE.exec(loose.spec);
        if (lm && lm[6]) {
          m = lm;
          m[0] = fmt.slice(pct, pct + loose.len);
        }
      }
    }
    const twice = m ? /([hlL])[^]*?\1/.exec(m[5]!) : null;
    if (m && twice) {
      // gawk takes a repeated h, l or L as no directive: copied as text up to the repeat
      const upto = m[0].length - m[5]!.length - (m[6] ? 1 : 0) + twice.index + twice[0].length;
      out += fmt.slice(pct, pct + upto);
      i = pct + upto;
      continue;
    }
    if (!m || !m[6]) {
      out += fmt.slice(pct, pct + (m ? m[0].length : 1));
      i = pct + (m ? m[0].length : 1);
      continue;
    }
    i = pct + m[0].length;
    const conv = m[6];
    let argnum = 0;
    if (m[1]) {
      argnum = parseInt(m[1], 10);
      if (argnum <= 0) throw new FormatError("argument index with `$' must be > 0");
      if (argnum > args.length) throw new FormatError(`argument index ${argnum} greater than total number of supplied arguments`);
      usedDollar = true;
    }
    if (conv === '%') {
      out += '%';
      continue;
    }
    if (!'cdiouxXeEfFgGaAs'.includes(conv)) {
      // not a conversion gawk knows: the text stays, no argument is used
      out += m[0];
      continue;
    }
    const flags = m[2]!;
    const spec = fmt.slice(pct, i);
    let left = flags.includes('-');
    let width = 0;
    if (m[3] !== undefined) {
      if (m[3].startsWith('*')) {
        const w = Math.trunc(toNum(starArg(m[3], pct + spec.indexOf('*') - 1), env.mode));
        if (w < 0) left = true;
        width = Math.abs(w);
      } else width = Number(m[3]);
    }
    let prec: number | undefined;
    if (m[4] !== undefined) {
      if (m[4].startsWith('*')) {
        const p = Math.trunc(toNum(starArg(m[4], pct + spec.indexOf('*', spec.indexOf('.')) - 1), env.mode));
        prec = p < 0 ? undefined : p;
      } else prec = Number(m[4] || '0');
    }
    const arg = valueArg(argnum, i - 2);
    const zero = flags.includes('0') && !left;
    const plus = flags.includes('+');
    const space = flags.includes(' ');
    const alt = flags.includes('#');
    switch (conv) {
      case 'c': {
        let s: string;
        if (isNumberArg(arg)) {
          const n = Math.trunc(toNum(arg, env.mode));
          s = env.bytes ? String.fromCharCode(n & 0xff) : n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : '';
        } else s = [...toStr(arg, env.convfmt)].slice(0, 1).join('') || '\0';
        out += pad(s, width, left, false);
        break;
      }
      case 's': {
        let s = toStr(arg, env.convfmt);
        if (prec !== undefined) s = s.slice(0, prec);
        out += pad(s, width, left, false);
        break;
      }
      case 'd':
      case 'i':
      case 'o':
      case 'x':
      case 'X':
      case 'u': {
        const v = toNum(arg, env.mode);
        if (!Number.isFinite(v)) {
          out += special(v);
          break;
        }
        const t = Math.trunc(v);
        // gawk tests the value itself, not its integer part: 0.5 is not zero for %#x (0x0)
        const rawZero = v === 0;
        let s: string;
        if (conv === 'd' || conv === 'i') {
          if (prec === 0 && t === 0) {
            // no digits and no sign at all
            out += pad('', width, left, false);
            break;
          }
          s = intToStr(t);
          if (s.startsWith('-')) s = s.slice(1);
        } else {
          if (t >= 2 ** 64 || t < -(2 ** 63)) {
            out += pad(formatFloat(v, 'g', prec, alt), width, left, zero);
            break;
          }
          let b = BigInt(t);
          if (b < 0n) b = BigInt.asUintN(64, b);
          s = b.toString(conv === 'o' ? 8 : conv === 'u' ? 10 : 16);
          if (conv === 'X') s = s.toUpperCase();
        }
        if (prec !== undefined) s = prec === 0 && rawZero && !alt ? '' : s.padStart(prec, '0');
        if (alt && conv === 'o' && (!rawZero || !s.startsWith('0'))) s = `0${s}`;
        if (alt && (conv === 'x' || conv === 'X') && !rawZero) s = (conv === 'x' ? '0x' : '0X') + s;
        const sign = conv === 'd' || conv === 'i' ? (t < 0 ? '-' : plus ? '+' : space ? ' ' : '') : '';
        out += pad(sign + s, width, left, zero && prec === undefined);
        break;
      }
      case 'e':
      case 'E':
      case 'f':
      case 'F':
      case 'g':
      case 'G':
      case 'a':
      case 'A': {
        const v = toNum(arg, env.mode);
        if (!Number.isFinite(v)) {
          // gawk writes +inf, -inf, +nan, -nan as they are: no width, no flags
          out += special(v);
          break;
        }
        const lower = conv.toLowerCase();
        let s = formatFloat(Math.abs(v), lower, prec, alt);
        if (conv !== lower) s = s.toUpperCase();
        const neg = v < 0 || Object.is(v, -0);
        s = (neg ? '-' : plus ? '+' : space ? ' ' : '') + s;
        out += pad(s, width, left, zero);
        break;
      }
      default:
        out += m[0];
    }
  }
  return out;
}

fmtHook.fmtNum = (fmt: string, n: number): string => {
  try {
    return awkSprintf(fmt, [n], { convfmt: '%.6g', bytes: true });
  } catch {
    return String(n);
  }
};
