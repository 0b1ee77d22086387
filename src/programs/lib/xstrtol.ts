// gnulib xstrtol/xstrtoumax and xdectoumax, as coreutils parses counts and sizes: leading
// blanks, strtoumax, then an optional multiplier suffix (b 512, k/K 1024, M, G... and with
// the '0' flag a second "B" (powers of 1000) or "iB"). Values are exact bigints.
import { quotearg } from './quotearg';

const quote = (s: string): string => quotearg(s, { style: 'locale' });

export type StrtolStatus = 'ok' | 'invalid' | 'overflow' | 'suffix' | 'suffix-overflow';

export const UINTMAX_MAX = (1n << 64n) - 1n;
export const INTMAX_MAX = (1n << 63n) - 1n;
export const INTMAX_MIN = -(1n << 63n);

// glibc's texts for EOVERFLOW and ERANGE, which xdectoumax appends to its message (EOVERFLOW
// is not a syscall error here, so it is not in shared/errno).
const EOVERFLOW_TEXT = 'Value too large for defined data type';
const ERANGE_TEXT = 'Numerical result out of range';

const SPACE = /^[ \t\n\v\f\r]*/;

/** strtoumax / strtoimax: the value, where the number ended, and whether it overflowed. */
export function strtoint(s: string, base: 0 | 8 | 10 | 16, signed: boolean): { value: bigint; end: number; overflow: boolean } {
  let i = SPACE.exec(s)![0].length;
  let neg = false;
  if (s[i] === '+' || s[i] === '-') {
    neg = s[i] === '-';
    i++;
  }
  let b = base;
  if ((b === 0 || b === 16) && s[i] === '0' && (s[i + 1] === 'x' || s[i + 1] === 'X') && /[0-9a-fA-F]/.test(s[i + 2] ?? '')) {
    i += 2;
    b = 16;
  } else if (b === 0) b = s[i] === '0' ? 8 : 10;
  const digits = b === 16 ? /^[0-9a-fA-F]+/ : b === 8 ? /^[0-7]+/ : /^[0-9]+/;
  const m = digits.exec(s.slice(i));
  if (!m) return { value: 0n, end: 0, overflow: false };
  let v = BigInt(b === 16 ? `0x${m[0]}` : b === 8 ? `0o${m[0]}` : m[0]);
  if (neg) v = signed ? -v : UINTMAX_MAX + 1n - v;
  let overflow = false;
  const max = signed ? INTMAX_MAX : UINTMAX_MAX;
  const min = signed ? INTMAX_MIN : 0n;
  if (signed ? v > max || v < min : (neg ? BigInt(m[0]) > UINTMAX_MAX : v > max)) {
    overflow = true;
    v = signed && neg ? min : max;
  }
  if (!signed && neg && !overflow) v &= UINTMAX_MAX;
  return { value: v, end: i + m[0].length, overflow };
}

const POWERS: Record<string, number> = { E: 6, G: 3, g: 3, k: 1, K: 1, M: 2, m: 2, P: 5, T: 4, t: 4, Y: 8, Z: 7 };

/** gnulib __xstrtol with `ptr` NULL: the whole string must be used. */
export function xstrtol(s: string, suffixes: string | undefined, opts: { base?: 0 | 8 | 10 | 16; signed?: boolean } = {}): { value: bigint; status: StrtolStatus } {
  const signed = opts.signed ?? false;
  const max = signed ? INTMAX_MAX : UINTMAX_MAX;
  const min = signed ? INTMAX_MIN : 0n;
  if (!signed && s.slice(SPACE.exec(s)![0].length).startsWith('-')) return { value: 0n, status: 'invalid' };
  const r = strtoint(s, opts.base ?? 10, signed);
  let value = r.value;
  let p = r.end;
  let overflow = r.overflow;
  if (p === 0) {
    if (suffixes && s[0] !== undefined && suffixes.includes(s[0])) {
      value = 1n;
    } else return { value: 0n, status: 'invalid' };
  }
  if (suffixes === undefined || p >= s.length) return { value, status: p < s.length ? (overflow ? 'suffix-overflow' : 'suffix') : overflow ? 'overflow' : 'ok' };
  const c = s[p]!;
  if (!suffixes.includes(c)) return { value, status: overflow ? 'suffix-overflow' : 'suffix' };
  let base = 1024n;
  let used = 1;
  if (c in POWERS && suffixes.includes('0')) {
    if (s[p + 1] === 'i' && s[p + 2] === 'B') used += 2;
    else if (s[p + 1] === 'B' || s[p + 1] === 'D') {
      base = 1000n;
      used++;
    }
  }
  let mult: bigint;
  if (c === 'b') mult = 512n;
  else if (c === 'B') mult = 1024n;
  else if (c === 'c') mult = 1n;
  else if (c === 'w') mult = 2n;
  else if (c in POWERS) mult = base ** BigInt(POWERS[c]!);
  else return { value, status: overflow ? 'suffix-overflow' : 'suffix' };
  value *= mult;
  if (value > max || value < min) {
    overflow = true;
    value = value < 0n ? min : max;
  }
  p += used;
  if (p < s.length) return { value, status: overflow ? 'suffix-overflow' : 'suffix' };
  return { value, status: overflow ? 'overflow' : 'ok' };
}

/**
 * gnulib xnumtoumax/xdectoumax: the value, or the message coreutils dies with
 * (`invalid number of lines: 'x'`, with `: Value too large...` on overflow).
 */
export function xdectoint(s: string, min: bigint, max: bigint, suffixes: string | undefined, err: string, opts: { base?: 0 | 8 | 10 | 16; signed?: boolean } = {}): { value: bigint; error?: undefined } | { error: string; value?: undefined } {
  const r = xstrtol(s, suffixes, { signed: min < 0n, ...opts });
  let errno: string | undefined;
  if (r.status === 'ok') {
    if (r.value < min || r.value > max) errno = r.value > 1073741823n || r.value < -1073741824n ? EOVERFLOW_TEXT : ERANGE_TEXT;
    else return { value: r.value };
  } else if (r.status === 'overflow') errno = EOVERFLOW_TEXT;
  return { error: `${err}: ${quote(s)}${errno ? `: ${errno}` : ''}` };
}
