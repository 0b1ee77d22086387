// dc's numbers: arbitrary precision decimals (a BigInt of units of 10^-scale), with the
// scale rules of GNU bc's number library: results truncate toward zero, never round.

export interface Num {
  v: bigint;
  s: number;
}

const TEN = 10n;
const pow10 = (n: number): bigint => TEN ** BigInt(n);
const abs = (x: bigint): bigint => (x < 0n ? -x : x);

export const num = (v: bigint, s = 0): Num => ({ v, s });

/** Same value at another scale (truncating when it shrinks). */
export function rescale(a: Num, s: number): Num {
  if (s === a.s) return a;
  return s > a.s ? { v: a.v * pow10(s - a.s), s } : { v: a.v / pow10(a.s - s), s };
}

export function add(a: Num, b: Num): Num {
  const s = Math.max(a.s, b.s);
  return { v: rescale(a, s).v + rescale(b, s).v, s };
}

export function sub(a: Num, b: Num): Num {
  return add(a, { v: -b.v, s: b.s });
}

export function mul(a: Num, b: Num, scale: number): Num {
  const full = a.s + b.s;
  const s = Math.min(full, Math.max(scale, a.s, b.s));
  return rescale({ v: a.v * b.v, s: full }, s);
}

/** a / b at `scale` digits; b must not be zero. */
export function div(a: Num, b: Num, scale: number): Num {
  return { v: (a.v * pow10(scale + b.s)) / (b.v * pow10(a.s)), s: scale };
}

export function mod(a: Num, b: Num, scale: number): Num {
  const q = div(a, b, scale);
  const s = Math.max(scale + b.s, a.s);
  return rescale(sub(a, { v: q.v * b.v, s: q.s + b.s }), s);
}

export function cmp(a: Num, b: Num): number {
  const s = Math.max(a.s, b.s);
  const d = rescale(a, s).v - rescale(b, s).v;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

export const isZero = (a: Num): boolean => a.v === 0n;

/** The integer part as a BigInt (truncated). */
export const trunc = (a: Num): bigint => a.v / pow10(a.s);

/** a ^ e (e an integer); negative e divides 1 by the power at `scale`. */
export function power(a: Num, e: bigint, scale: number): Num {
  if (e === 0n) return num(1n);
  const neg = e < 0n;
  const n = neg ? -e : e;
  const exact: Num = { v: a.v ** n, s: a.s * Number(n) };
  if (neg) return div(num(1n), exact, scale);
  const rs = Math.min(a.s * Number(n), Math.max(scale, a.s));
  return rescale(exact, rs);
}

export function sqrt(a: Num, scale: number): Num {
  const rs = Math.max(scale, a.s);
  const target = a.v * pow10(2 * rs - a.s);
  if (target < 2n) return { v: target, s: rs };
  let x = BigInt(`1${'0'.repeat(Math.ceil(target.toString().length / 2))}`);
  for (;;) {
    const y = (x + target / x) / 2n;
    if (y >= x) break;
    x = y;
  }
  return { v: x, s: rs };
}

/** Significant digits (Z): those of the unscaled value, at least one. */
export function length(a: Num): number {
  return abs(a.v).toString().length;
}

/** Parses a number token (digits 0-9 A-F, one '.') in base `ibase`; `neg` for a leading '_'. */
export function parse(token: string, ibase: number, neg: boolean): Num {
  const [ip, fp = ''] = token.split('.') as [string, string?];
  const digit = (c: string): number => (c >= 'A' ? c.charCodeAt(0) - 55 : c.charCodeAt(0) - 48);
  let v = 0n;
  const base = BigInt(ibase);
  for (const c of ip) v = v * base + BigInt(digit(c));
  let result: Num = num(v);
  if (fp.length) {
    let f = 0n;
    for (const c of fp) f = f * base + BigInt(digit(c));
    const s = fp.length;
    const frac: Num = { v: (f * pow10(s)) / base ** BigInt(s), s };
    result = add(result, frac);
    if (result.s < s) result = rescale(result, s);
  }
  return neg ? { v: -result.v, s: result.s } : result;
}

/** The text dc prints for a number in `obase` (without line wrapping). */
export function format(a: Num, obase: number): string {
  const neg = a.v < 0n;
  const mag = abs(a.v);
  const unit = pow10(a.s);
  const ip = mag / unit;
  let fp = mag % unit;
  if (mag === 0n) return '0';
  let out = neg ? '-' : '';
  if (obase === 10) {
    if (ip !== 0n) out += ip.toString();
    if (a.s > 0) out += `.${fp.toString().padStart(a.s, '0')}`;
    return out;
  }
  const width = obase > 16 ? String(obase - 1).length : 0;
  const digitText = (d: number): string => (obase <= 16 ? '0123456789ABCDEF'[d]! : ` ${String(d).padStart(width, '0')}`);
  if (ip !== 0n) {
    const ds: number[] = [];
    const b = BigInt(obase);
    for (let x = ip; x > 0n; x /= b) ds.push(Number(x % b));
    out += ds.reverse().map(digitText).join('');
  }
  if (a.s > 0) {
    out += '.';
    const b = BigInt(obase);
    let t = 1n;
    while (t.toString().length <= a.s) {
      fp *= b;
      out += digitText(Number(fp / unit));
      fp %= unit;
      t *= b;
    }
  }
  return out;
}

/** Integer part as bytes, most significant first (P). */
export function toBytes(a: Num): Uint8Array {
  let x = abs(trunc(a));
  const bytes: number[] = [];
  while (x > 0n) {
    bytes.push(Number(x & 255n));
    x >>= 8n;
  }
  return new Uint8Array(bytes.reverse());
}
