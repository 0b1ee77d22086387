// The functions `bc -l` adds: s(x) sine, c(x) cosine, a(x) arctangent, l(x) natural log,
// e(x) exponential, j(n,x) Bessel function of the first kind. Computed here in fixed point with
// guard digits, then cut to the current scale, which gives the truncated digits bc prints.
import { BcError, isqrt, toInt, type Num } from './number';

const TEN = 10n;
const p10 = (k: number): bigint => TEN ** BigInt(k);

/** x (a Num) in fixed point with `p` digits. */
function fixed(x: Num, p: number): bigint {
  return p >= x.s ? x.n * p10(p - x.s) : x.n / p10(x.s - p);
}

/** A fixed-point value back to a Num at `scale` (truncated). */
function result(v: bigint, p: number, scale: number): Num {
  return { n: v / p10(p - scale), s: scale };
}

const mulF = (a: bigint, b: bigint, one: bigint): bigint => (a * b) / one;
const divF = (a: bigint, b: bigint, one: bigint): bigint => (a * one) / b;

function expF(x: bigint, one: bigint): bigint {
  // halve until small, Taylor series, square back
  let k = 0;
  let y = x;
  const limit = one / 2n;
  while ((y < 0n ? -y : y) > limit) {
    y /= 2n;
    k++;
  }
  let sum = one;
  let term = one;
  for (let n = 1n; ; n++) {
    term = mulF(term, y, one) / n;
    if (term === 0n) break;
    sum += term;
  }
  for (let i = 0; i < k; i++) sum = mulF(sum, sum, one);
  return sum;
}

function sqrtF(x: bigint, one: bigint): bigint {
  return isqrt(x * one);
}

function lnF(x: bigint, one: bigint): bigint {
  // take square roots until near 1, then 2 * atanh((x-1)/(x+1))
  let k = 0;
  let y = x;
  const lo = (one * 9n) / 10n;
  const hi = (one * 11n) / 10n;
  while (y > hi || y < lo) {
    y = sqrtF(y, one);
    k++;
  }
  const z = divF(y - one, y + one, one);
  const z2 = mulF(z, z, one);
  let sum = 0n;
  let power = z;
  for (let n = 1n; ; n += 2n) {
    const term = power / n;
    if (term === 0n) break;
    sum += term;
    power = mulF(power, z2, one);
  }
  return (2n * sum) << BigInt(k);
}

function atanF(x: bigint, one: bigint): bigint {
  // atan(x) = 2 atan(x / (1 + sqrt(1 + x^2))) until |x| is small, then the series
  let k = 0;
  let y = x;
  const small = one / 10n;
  while ((y < 0n ? -y : y) > small) {
    y = divF(y, one + sqrtF(one + mulF(y, y, one), one), one);
    k++;
  }
  const y2 = mulF(y, y, one);
  let sum = 0n;
  let power = y;
  for (let n = 1n, sign = 1n; ; n += 2n, sign = -sign) {
    const term = power / n;
    if (term === 0n) break;
    sum += sign * term;
    power = mulF(power, y2, one);
  }
  return sum << BigInt(k);
}

function sinF(x: bigint, one: bigint): bigint {
  // reduce to [-pi, pi] first
  const pi = 4n * atanF(one, one);
  const twoPi = 2n * pi;
  let y = x % twoPi;
  if (y > pi) y -= twoPi;
  if (y < -pi) y += twoPi;
  const y2 = mulF(y, y, one);
  let sum = 0n;
  let term = y;
  for (let n = 1n; ; n += 2n) {
    if (term === 0n) break;
    sum += term;
    term = -mulF(term, y2, one) / ((n + 1n) * (n + 2n));
  }
  return sum;
}

function besselF(n: bigint, x: bigint, one: bigint): bigint {
  // sum over k of (-1)^k (x/2)^(2k+n) / (k! (k+n)!)
  const half = x / 2n;
  const h2 = mulF(half, half, one);
  let term = one;
  for (let i = 1n; i <= n; i++) term = mulF(term, half, one) / i;
  let sum = 0n;
  for (let k = 1n; ; k++) {
    if (term === 0n) break;
    sum += term;
    term = -mulF(term, h2, one) / (k * (k + n));
  }
  return sum;
}

export const MATH_FUNCTIONS = new Set(['s', 'c', 'a', 'l', 'e', 'j']);

/** One of the -l functions at the current scale. */
export function mathFunction(name: string, args: Num[], scale: number): Num {
  const guard = 12 + Math.ceil(scale / 4);
  const x = args[name === 'j' ? 1 : 0]!;
  // room for the integer part too (e(100) has 44 digits before the point)
  const p = scale + guard + (name === 'e' ? Math.ceil(Math.max(0, Number(toInt(x))) / 2) : 0);
  const one = p10(p);
  const v = fixed(x, p);
  switch (name) {
    case 'e':
      return result(expF(v, one), p, scale);
    case 'l':
      if (v <= 0n) return { n: (1n - p10(scale)) * p10(scale), s: scale };
      return result(lnF(v, one), p, scale);
    case 'a':
      return result(atanF(v, one), p, scale);
    case 's':
      return result(sinF(v, one), p, scale);
    case 'c':
      return result(sinF(v + 2n * atanF(one, one), one), p, scale);
    case 'j': {
      const n = toInt(args[0]!);
      const order = n < 0n ? -n : n;
      const r = besselF(order, v, one);
      return result(n < 0n && order % 2n === 1n ? -r : r, p, scale);
    }
  }
  throw new BcError(`Function ${name} not defined.`);
}
