// bc's numbers: arbitrary precision decimals with a scale (digits after the point), kept as a
// scaled BigInt. Every operation truncates, and each picks its result's scale by GNU bc 1.07's
// rules (number.c): + and - the larger scale, * the smaller of the exact scale and the larger of
// `scale` and the operands', / and sqrt `scale` (or more), % and ^ their own.

export interface Num {
  /** the value times 10^s */
  n: bigint;
  s: number;
}

export class BcError extends Error {}

const TEN = 10n;
const pow10 = (k: number): bigint => TEN ** BigInt(k);

export const ZERO: Num = { n: 0n, s: 0 };
export const ONE: Num = { n: 1n, s: 0 };

export function fromInt(v: number | bigint): Num {
  return { n: BigInt(v), s: 0 };
}

/** `a` at scale `s`: more digits are zeros, fewer are cut off. */
export function rescale(a: Num, s: number): Num {
  if (s === a.s) return a;
  return s > a.s ? { n: a.n * pow10(s - a.s), s } : { n: a.n / pow10(a.s - s), s };
}

export function add(a: Num, b: Num): Num {
  const s = Math.max(a.s, b.s);
  return { n: rescale(a, s).n + rescale(b, s).n, s };
}

export function sub(a: Num, b: Num): Num {
  const s = Math.max(a.s, b.s);
  return { n: rescale(a, s).n - rescale(b, s).n, s };
}

export function neg(a: Num): Num {
  return { n: -a.n, s: a.s };
}

export function mul(a: Num, b: Num, scale: number): Num {
  const full = a.s + b.s;
  const s = Math.min(full, Math.max(scale, a.s, b.s));
  return rescale({ n: a.n * b.n, s: full }, s);
}

export function div(a: Num, b: Num, scale: number): Num {
  if (b.n === 0n) throw new BcError('Divide by zero');
  return { n: (a.n * pow10(b.s + scale)) / (b.n * pow10(a.s)), s: scale };
}

export function mod(a: Num, b: Num, scale: number): Num {
  if (b.n === 0n) throw new BcError('Modulo by zero');
  const rs = Math.max(a.s, b.s + scale);
  const q = div(a, b, scale);
  const r = sub(a, mul(q, b, rs));
  return rescale(r, Math.max(rs, r.s));
}

export function isZero(a: Num): boolean {
  return a.n === 0n;
}

export function compare(a: Num, b: Num): number {
  const s = Math.max(a.s, b.s);
  const x = rescale(a, s).n;
  const y = rescale(b, s).n;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The integer part, as bc's num2long reads it (0 when it does not fit a long). */
export function toInt(a: Num): bigint {
  return a.n / pow10(a.s);
}

/** a^b for an integer b (a fraction in b is dropped, with bc's warning from the caller). */
export function pow(a: Num, b: Num, scale: number): Num {
  const e = toInt(b);
  if (e === 0n) return ONE;
  const negative = e < 0n;
  const k = negative ? -e : e;
  // bc would grind on for minutes and gigabytes; a result past ~20 million digits is refused
  // with the message bc gives an exponent it cannot hold (one synchronous BigInt power that size
  // would hold the whole machine)
  if (resultDigits(a.n, k) > 20_000_000) throw new BcError('exponent too large in raise');
  // exact: the product's scale is a.s * k
  let result = 1n;
  let base = a.n;
  let left = k;
  while (left > 0n) {
    if (left & 1n) result *= base;
    base *= base;
    left >>= 1n;
  }
  const exact: Num = { n: result, s: a.s * Number(k) };
  if (negative) return div(ONE, exact, scale);
  return rescale(exact, Math.min(a.s * Number(k), Math.max(scale, a.s)));
}

/** About how many digits |v|^k has (0 when |v| <= 1, whose powers stay small). */
function resultDigits(v: bigint, k: bigint): number {
  const text = (v < 0n ? -v : v).toString();
  if (text.length === 1 && Number(text) <= 1) return 0;
  const log10 = Math.log10(Number(text.slice(0, 15))) + Math.max(0, text.length - 15);
  return Number(k) * log10;
}

/** The integer square root (floor), by Newton's method from above. */
export function isqrt(v: bigint): bigint {
  if (v < 2n) return v < 0n ? 0n : v;
  let x = 1n << BigInt((v.toString(2).length >> 1) + 1);
  for (;;) {
    const y = (x + v / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

export function sqrt(a: Num, scale: number): Num {
  if (a.n < 0n) throw new BcError('Square root of a negative number');
  if (a.n === 0n) return ZERO;
  if (compare(a, ONE) === 0) return ONE;
  const s = Math.max(scale, a.s);
  // a.n / 10^a.s scaled to 10^(2s): its integer square root is the result times 10^s
  return { n: isqrt(a.n * pow10(2 * s - a.s)), s };
}

/** length(): significant digits (the integer part without leading zeros, then the fraction). */
export function length(a: Num): number {
  const digits = (a.n < 0n ? -a.n : a.n).toString();
  if (a.n === 0n) return a.s === 0 ? 1 : a.s;
  const intDigits = Math.max(0, digits.length - a.s);
  return intDigits > 0 ? intDigits + a.s : a.s;
}

/** A constant as written, read in `ibase` (a digit past the base counts as ibase-1, except alone). */
export function parseNumber(text: string, ibase: number): Num {
  const digit = (c: string): number => (c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 55);
  const dot = text.indexOf('.');
  const intText = dot < 0 ? text : text.slice(0, dot);
  const fracText = dot < 0 ? '' : text.slice(dot + 1);
  if (intText.length === 1 && fracText === '' ) return fromInt(digit(intText));
  const clamp = (d: number): number => (d >= ibase ? ibase - 1 : d);
  if (ibase === 10) {
    let s = '';
    for (const c of intText + fracText) s += String(clamp(digit(c)));
    return { n: BigInt(s === '' ? '0' : s), s: fracText.length };
  }
  let n = 0n;
  for (const c of intText) n = n * BigInt(ibase) + BigInt(clamp(digit(c)));
  if (fracText === '') return { n, s: 0 };
  // the fraction: sum of digit / ibase^k, at the scale of as many decimal digits as were written
  let num = 0n;
  let den = 1n;
  for (const c of fracText) {
    num = num * BigInt(ibase) + BigInt(clamp(digit(c)));
    den *= BigInt(ibase);
  }
  const s = fracText.length;
  return { n: n * pow10(s) + (num * pow10(s)) / den, s };
}

const HEX = '0123456789ABCDEF';

/** How bc prints a number in `obase` (without the line wrapping, which the output does). */
export function format(a: Num, obase: number): string {
  if (a.n === 0n) return '0';
  const negative = a.n < 0n;
  const mag = negative ? -a.n : a.n;
  const sign = negative ? '-' : '';
  if (obase === 10) {
    let digits = mag.toString();
    if (a.s === 0) return sign + digits;
    if (digits.length <= a.s) digits = digits.padStart(a.s, '0');
    const int = digits.slice(0, digits.length - a.s);
    return `${sign}${int}.${digits.slice(digits.length - a.s)}`;
  }
  const base = BigInt(obase);
  const width = String(obase - 1).length;
  // past base 16 each digit is a zero-padded decimal number after a space (none before the
  // fraction's first, which follows the point)
  const digitText = (d: number, space = true): string => (obase <= 16 ? HEX[d]! : `${space ? ' ' : ''}${String(d).padStart(width, '0')}`);
  let int = mag / pow10(a.s);
  let out = '';
  // a zero integer part is left out (.8, not 0.8): the value is not zero, so a fraction follows
  if (int === 0n) out = '';
  else {
    const parts: string[] = [];
    while (int > 0n) {
      parts.push(digitText(Number(int % base)));
      int /= base;
    }
    out = parts.reverse().join('');
  }
  if (a.s > 0) {
    // fraction digits while the running power of the base has no more digits than the scale
    let frac: Num = { n: mag % pow10(a.s), s: a.s };
    let t = 1n;
    out += '.';
    let first = true;
    while (t.toString().length <= a.s) {
      frac = mul(frac, fromInt(obase), a.s);
      const d = toInt(frac);
      out += digitText(Number(d), !first);
      first = false;
      frac = sub(frac, fromInt(d));
      t *= base;
    }
  }
  return sign + out;
}
