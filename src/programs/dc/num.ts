// dc's numbers. GNU dc and bc share one number library (number.c), so the arithmetic, the
// scale rules and the output in any base are bc's (../bc/number.ts); what is dc's own is here:
// reading a number (digits are not clamped to the input base), Z's digit count, and P's bytes.
import { type Num, rescale, toInt } from '../bc/number';

export type { Num };
export { add, sub, mul, div, mod, sqrt, format, isZero, compare as cmp, pow, BcError } from '../bc/number';

export const num = (n: bigint, s = 0): Num => ({ n, s });

/** The integer part as a BigInt (truncated). */
export const trunc = toInt;

/** Significant digits (Z): those of the unscaled value, at least one. */
export function length(a: Num): number {
  return (a.n < 0n ? -a.n : a.n).toString().length;
}

/** Parses a number token (digits 0-9 A-F, one '.') in base `ibase`; `neg` for a leading '_'. */
export function parse(token: string, ibase: number, neg: boolean): Num {
  const [ip, fp = ''] = token.split('.') as [string, string?];
  const digit = (c: string): number => (c >= 'A' ? c.charCodeAt(0) - 55 : c.charCodeAt(0) - 48);
  const base = BigInt(ibase);
  let n = 0n;
  for (const c of ip) n = n * base + BigInt(digit(c));
  let result: Num = { n, s: 0 };
  if (fp.length) {
    let f = 0n;
    for (const c of fp) f = f * base + BigInt(digit(c));
    const s = fp.length;
    result = rescale(result, s);
    result = { n: result.n + (f * 10n ** BigInt(s)) / base ** BigInt(s), s };
  }
  return neg ? { n: -result.n, s: result.s } : result;
}

/** Integer part as bytes, most significant first (P). */
export function toBytes(a: Num): Uint8Array {
  let x = toInt(a);
  if (x < 0n) x = -x;
  const bytes: number[] = [];
  while (x > 0n) {
    bytes.push(Number(x & 255n));
    x >>= 8n;
  }
  return new Uint8Array(bytes.reverse());
}
