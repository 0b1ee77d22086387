// coreutils printf(1) (printf.c): the format reused until the arguments run out, GNU's
// escapes, %b and %q, long double floats, and its diagnostics ('x': expected a numeric
// value ...). Works on binary strings (one char per byte). The shell's builtin keeps its own
// bash behaviour in printf.ts.
import { formatFloat, strtold, type Real } from './cfloat';
import { quotearg } from './quotearg';
import { bin, unbin } from './textio';
import { strtoint, UINTMAX_MAX } from './xstrtol';

export class PrintfStop extends Error {
  constructor(readonly status: number, readonly fatal?: string) {
    super(fatal ?? 'stop');
  }
}

export interface PrintfState {
  /** Output text, with diagnostics (without the program name) where they happened: glibc's
   * error() flushes stdout first, so a message lands between the bytes before and after it. */
  out: (string | { error: string })[];
  status: number;
  utf8: boolean;
}

const ql = (s: string): string => quotearg(new TextDecoder().decode(unbin(s)), { style: 'locale' });
const isOct = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '7';
const isHex = (c: string | undefined): boolean => c !== undefined && /^[0-9a-fA-F]$/.test(c);

/** print_esc: one backslash escape at f[i]; returns how many characters after the backslash it used. */
function escape(st: PrintfState, f: string, i: number, octal0: boolean): number {
  let p = i + 1;
  const c = f[p];
  if (c === 'x') {
    let v = 0;
    let n = 0;
    for (p++; n < 2 && isHex(f[p]); n++, p++) v = v * 16 + parseInt(f[p]!, 16);
    if (n === 0) throw new PrintfStop(1, 'missing hexadecimal number in escape');
    st.out.push(String.fromCharCode(v));
  } else if (isOct(c)) {
    let v = 0;
    let n = 0;
    if (octal0 && c === '0') p++;
    for (; n < 3 && isOct(f[p]); n++, p++) v = v * 8 + Number(f[p]);
    st.out.push(String.fromCharCode(v & 0xff));
  } else if (c !== undefined && '"\\abcefnrtv'.includes(c)) {
    if (c === 'c') throw new PrintfStop(0);
    const map: Record<string, string> = { a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };
    st.out.push(map[c] ?? c);
    p++;
  } else if (c === 'u' || c === 'U') {
    let v = 0;
    p++;
    for (let n = c === 'u' ? 4 : 8; n > 0; n--, p++) {
      if (!isHex(f[p])) throw new PrintfStop(1, 'missing hexadecimal number in escape');
      v = v * 16 + parseInt(f[p]!, 16);
    }
    if ((v <= 0x9f && v !== 0x24 && v !== 0x40 && v !== 0x60) || (v >= 0xd800 && v <= 0xdfff)) {
      throw new PrintfStop(1, `invalid universal character name \\${c}${v.toString(16).padStart(c === 'u' ? 4 : 8, '0')}`);
    }
    if (st.utf8) st.out.push(bin(new TextEncoder().encode(String.fromCodePoint(v))));
    else st.out.push(v < 0x10000 ? `\\u${v.toString(16).toUpperCase().padStart(4, '0')}` : `\\U${v.toString(16).toUpperCase().padStart(8, '0')}`);
  } else {
    st.out.push('\\');
    if (c !== undefined) {
      st.out.push(c);
      p++;
    }
  }
  return p - i - 1;
}

/** vstrtoimax / vstrtoumax / vstrtold with verify_numeric's messages. */
function charConstant(st: PrintfState, s: string): number | undefined {
  if ((s[0] === '"' || s[0] === "'") && s.length > 1) {
    let v = s.charCodeAt(1);
    let used = 2;
    if (st.utf8 && v >= 0xc0) {
      const text = new TextDecoder().decode(unbin(s.slice(1)));
      const cp = text.codePointAt(0) ?? v;
      if (cp !== 0xfffd) {
        v = cp;
        used = 1 + new TextEncoder().encode(String.fromCodePoint(cp)).length;
      }
    }
    if (used < s.length) st.out.push({ error: `warning: ${textOf(s.slice(used))}: character(s) following character constant have been ignored` });
    return v;
  }
  return undefined;
}

const textOf = (s: string): string => new TextDecoder().decode(unbin(s));

function numericError(st: PrintfState, s: string, end: number, range: boolean): void {
  if (range) st.out.push({ error: `${ql(s)}: Numerical result out of range` });
  else if (end < s.length) st.out.push({ error: end === 0 ? `${ql(s)}: expected a numeric value` : `${ql(s)}: value not completely converted` });
  else return;
  st.status = 1;
}

function toInt(st: PrintfState, s: string, unsigned: boolean): bigint {
  const c = charConstant(st, s);
  if (c !== undefined) return BigInt(c);
  const r = strtoint(s, 0, !unsigned);
  let v = r.value;
  let end = r.end;
  // strtoimax reads the longest valid prefix; an empty one leaves end at 0
  if (r.end === 0) {
    end = 0;
    v = 0n;
  }
  numericError(st, s, end, r.overflow);
  if (unsigned && r.overflow) v = UINTMAX_MAX;
  return v;
}

function toFloat(st: PrintfState, s: string): Real {
  const c = charConstant(st, s);
  if (c !== undefined) return { kind: 'finite', neg: false, m: BigInt(c), e: 0 };
  const r = strtold(s);
  numericError(st, s, r.end, r.value.kind === 'inf' && !/inf/i.test(s));
  return r.value;
}

function pad(s: string, width: number, left: boolean): string {
  return s.length >= width ? s : left ? s.padEnd(width) : s.padStart(width);
}

function formatInt(v: bigint, conv: string, flags: string, width: number, prec: number | undefined): string {
  const left = flags.includes('-');
  let digits: string;
  let neg = false;
  if (conv === 'd' || conv === 'i') {
    neg = v < 0n;
    digits = (neg ? -v : v).toString();
  } else {
    const u = BigInt.asUintN(64, v);
    digits = u.toString(conv === 'o' ? 8 : conv === 'u' ? 10 : 16);
    if (conv === 'X') digits = digits.toUpperCase();
  }
  if (prec !== undefined) digits = prec === 0 && digits === '0' ? '' : digits.padStart(prec, '0');
  let prefix = neg ? '-' : (conv === 'd' || conv === 'i') && flags.includes('+') ? '+' : (conv === 'd' || conv === 'i') && flags.includes(' ') ? ' ' : '';
  if (flags.includes('#') && v !== 0n) {
    if (conv === 'x') prefix = '0x';
    else if (conv === 'X') prefix = '0X';
  }
  if (flags.includes('#') && conv === 'o' && !digits.startsWith('0')) digits = `0${digits}`;
  if (flags.includes('0') && !left && prec === undefined) return prefix + digits.padStart(width - prefix.length, '0');
  return pad(prefix + digits, width, left);
}

/** print_formatted: one pass over the format; returns how many arguments it used. */
export function printFormatted(st: PrintfState, format: string, args: string[]): number {
  let argi = 0;
  const nextArg = (): string | undefined => (argi < args.length ? args[argi++] : undefined);
  for (let i = 0; i < format.length; i++) {
    const ch = format[i]!;
    if (ch === '\\') {
      i += escape(st, format, i, false);
      continue;
    }
    if (ch !== '%') {
      st.out.push(ch);
      continue;
    }
    const start = i++;
    if (format[i] === '%') {
      st.out.push('%');
      continue;
    }
    if (format[i] === 'b' || format[i] === 'q') {
      const a = nextArg();
      if (a === undefined) continue;
      if (format[i] === 'q') st.out.push(bin(new TextEncoder().encode(quotearg(textOf(a), { style: 'shell-escape' }))));
      else for (let k = 0; k < a.length; k++) a[k] === '\\' ? (k += escape(st, a, k, true)) : st.out.push(a[k]!);
      continue;
    }
    const ok = new Set('aAcdeEfFgGiosuxX');
    let flags = '';
    for (; ; i++) {
      const f = format[i];
      if (f === "'" || f === 'I') for (const x of 'aAceEosxX') ok.delete(x);
      else if (f === '#') for (const x of 'cdisu') ok.delete(x);
      else if (f === '0') for (const x of 'cs') ok.delete(x);
      else if (f !== '-' && f !== '+' && f !== ' ') break;
      flags += f;
    }
    let width = 0;
    let prec: number | undefined;
    if (format[i] === '*') {
      i++;
      const a = nextArg();
      if (a !== undefined) {
        const w = toInt(st, a, false);
        if (w < -2147483648n || w > 2147483647n) throw new PrintfStop(1, `invalid field width: ${ql(a)}`);
        width = Number(w);
        if (width < 0) {
          flags += '-';
          width = -width;
        }
      }
    } else {
      const m = /^\d*/.exec(format.slice(i))![0];
      width = m ? Number(m) : 0;
      i += m.length;
    }
    if (format[i] === '.') {
      i++;
      ok.delete('c');
      if (format[i] === '*') {
        i++;
        const a = nextArg();
        prec = 0;
        if (a !== undefined) {
          const p = toInt(st, a, false);
          if (p > 2147483647n) throw new PrintfStop(1, `invalid precision: ${ql(a)}`);
          prec = p < 0n ? undefined : Number(p);
        }
      } else {
        const m = /^\d*/.exec(format.slice(i))![0];
        prec = m ? Number(m) : 0;
        i += m.length;
      }
    }
    while ('lLhjtz'.includes(format[i] ?? '_')) i++;
    const conv = format[i];
    if (conv === undefined || !ok.has(conv)) throw new PrintfStop(1, `${textOf(format.slice(start, i + 1))}: invalid conversion specification`);
    const arg = nextArg() ?? '';
    const left = flags.includes('-');
    switch (conv) {
      case 'd': case 'i':
        st.out.push(formatInt(toInt(st, arg, false), conv, flags, width, prec));
        break;
      case 'o': case 'u': case 'x': case 'X':
        st.out.push(formatInt(toInt(st, arg, true), conv, flags, width, prec));
        break;
      case 'c':
        st.out.push(pad(arg.length ? arg[0]! : '\0', width, left));
        break;
      case 's':
        st.out.push(pad(prec === undefined ? arg : arg.slice(0, prec), width, left));
        break;
      default:
        st.out.push(formatFloat(toFloat(st, arg), { flags, width, prec, conv }));
    }
  }
  return argi;
}

