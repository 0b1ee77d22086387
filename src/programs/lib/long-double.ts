// x86 80-bit long double arithmetic on cfloat's Real values: the exact result of + and *,
// rounded once to a 64-bit mantissa (half even), as the x87 unit does in extended precision.
// seq(1) counts with these, so its steps and its end test round where the real one does.
import { toLongDouble, type Real } from './cfloat';

const NAN: Real = { kind: 'nan', neg: false };

export function ldFromInt(n: bigint): Real {
  return n === 0n ? { kind: 'finite', neg: false, m: 0n, e: 0 } : toLongDouble(n < 0n, n < 0n ? -n : n, 1n);
}

/** The exact value m*2^e as a ratio of a numerator and a power-of-two denominator. */
function scaled(r: { m: bigint; e: number }, e0: number): bigint {
  return r.m << BigInt(r.e - e0);
}

function round(neg: boolean, m: bigint, e: number): Real {
  if (m === 0n) return { kind: 'finite', neg, m: 0n, e: 0 };
  return e >= 0 ? toLongDouble(neg, m << BigInt(e), 1n) : toLongDouble(neg, m, 1n << BigInt(-e));
}

export function ldAdd(a: Real, b: Real): Real {
  if (a.kind === 'nan' || b.kind === 'nan') return NAN;
  if (a.kind === 'inf' || b.kind === 'inf') {
    if (a.kind === 'inf' && b.kind === 'inf' && a.neg !== b.neg) return NAN;
    return a.kind === 'inf' ? a : b;
  }
  if (a.m === 0n) return b.m === 0n ? { kind: 'finite', neg: a.neg && b.neg, m: 0n, e: 0 } : b;
  if (b.m === 0n) return a;
  const e0 = Math.min(a.e, b.e);
  const sa = a.neg ? -scaled(a, e0) : scaled(a, e0);
  const sb = b.neg ? -scaled(b, e0) : scaled(b, e0);
  const sum = sa + sb;
  return round(sum < 0n, sum < 0n ? -sum : sum, e0);
}

export function ldMul(a: Real, b: Real): Real {
  if (a.kind === 'nan' || b.kind === 'nan') return NAN;
  const neg = a.neg !== b.neg;
  if (a.kind === 'inf' || b.kind === 'inf') {
    if ((a.kind === 'finite' && a.m === 0n) || (b.kind === 'finite' && b.m === 0n)) return NAN;
    return { kind: 'inf', neg };
  }
  return round(neg, a.m * b.m, a.e + b.e);
}

/** -1, 0 or 1 as a < b, a == b, a > b; undefined when either is a NaN (every C comparison false). */
export function ldCmp(a: Real, b: Real): -1 | 0 | 1 | undefined {
  if (a.kind === 'nan' || b.kind === 'nan') return undefined;
  const sign = (r: Real): number => (r.kind === 'finite' && r.m === 0n ? 0 : r.neg ? -1 : 1);
  const sa = sign(a);
  const sb = sign(b);
  if (sa !== sb) return sa < sb ? -1 : 1;
  if (sa === 0) return 0;
  let c: number;
  if (a.kind === 'inf' || b.kind === 'inf') c = a.kind === b.kind ? 0 : a.kind === 'inf' ? 1 : -1;
  else {
    const e0 = Math.min(a.e, b.e);
    const x = scaled(a, e0);
    const y = scaled(b, e0);
    c = x === y ? 0 : x < y ? -1 : 1;
  }
  return (sa < 0 ? -c : c) as -1 | 0 | 1;
}

export const ldLess = (a: Real, b: Real): boolean => ldCmp(a, b) === -1;
