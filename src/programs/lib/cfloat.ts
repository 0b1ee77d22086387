// C floating point for printf(1), seq and od: strtold in the C locale (rounded to the x86
// 80-bit long double, a 64-bit mantissa, as glibc does) and glibc's %f %e %g %a with exact
// decimal expansion and round-half-even, so output matches digit for digit.

/** A real value: (-1)^neg * m * 2^e, or an infinity / NaN. */
export type Real =
  | { kind: 'finite'; neg: boolean; m: bigint; e: number }
  | { kind: 'inf'; neg: boolean }
  | { kind: 'nan'; neg: boolean };

export function fromNumber(x: number): Real {
  if (Number.isNaN(x)) return { kind: 'nan', neg: false };
  const neg = x < 0 || Object.is(x, -0);
  if (!Number.isFinite(x)) return { kind: 'inf', neg };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const exp = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (exp !== 0) m |= 1n << 52n;
  return { kind: 'finite', neg, m, e: (exp === 0 ? 1 : exp) - 1075 };
}

export function toNumber(r: Real): number {
  if (r.kind === 'nan') return NaN;
  if (r.kind === 'inf') return r.neg ? -Infinity : Infinity;
  // scale in two steps so huge or tiny exponents do not overflow early
  const bits = r.m.toString(2).length;
  const shift = Math.max(0, bits - 64);
  const v = Number(r.m >> BigInt(shift)) * 2 ** (r.e + shift);
  return r.neg ? -v : v;
}

function divRoundEven(num: bigint, den: bigint): bigint {
  const q = num / den;
  const r2 = (num % den) * 2n;
  if (r2 > den || (r2 === den && (q & 1n) === 1n)) return q + 1n;
  return q;
}

/** Rounds num/den to a 64-bit mantissa: the long double nearest to it. */
export function toLongDouble(neg: boolean, num: bigint, den: bigint): Real {
  if (num === 0n) return { kind: 'finite', neg, m: 0n, e: 0 };
  let e = num.toString(2).length - den.toString(2).length - 64;
  for (let guard = 0; guard < 4; guard++) {
    const m = e >= 0 ? divRoundEven(num, den << BigInt(e)) : divRoundEven(num << BigInt(-e), den);
    if (m >= 1n << 64n) e++;
    else if (m < 1n << 63n) e--;
    else {
      if (e + 63 > 16383) return { kind: 'inf', neg };
      return { kind: 'finite', neg, m, e };
    }
  }
  return { kind: 'finite', neg, m: 0n, e: 0 };
}

const FLOAT = /^[ \t\n\v\f\r]*([+-]?)(?:(0[xX])((?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+))(?:[pP]([+-]?\d+))?|((?:\d+\.?\d*|\.\d+))(?:[eE]([+-]?\d+))?|(inf(?:inity)?)|(nan(?:\([0-9A-Za-z_]*\))?))/i;

/** strtold in the C locale: the value and how many characters it used (0: none). */
export function strtold(s: string): { value: Real; end: number } {
  const m = FLOAT.exec(s);
  if (!m) return { value: { kind: 'finite', neg: false, m: 0n, e: 0 }, end: 0 };
  const neg = m[1] === '-';
  const end = m[0].length;
  if (m[7]) return { value: { kind: 'inf', neg }, end };
  if (m[8]) return { value: { kind: 'nan', neg }, end };
  if (m[2]) {
    const [int = '', frac = ''] = m[3]!.split('.');
    const digits = BigInt(`0x${int + frac || '0'}`);
    const exp = Number(m[4] ?? 0) - 4 * frac.length;
    if (digits === 0n) return { value: { kind: 'finite', neg, m: 0n, e: 0 }, end };
    if (Math.abs(exp) > 20000) return { value: exp > 0 ? { kind: 'inf', neg } : { kind: 'finite', neg, m: 0n, e: 0 }, end };
    return { value: exp >= 0 ? toLongDouble(neg, digits << BigInt(exp), 1n) : toLongDouble(neg, digits, 1n << BigInt(-exp)), end };
  }
  const [int = '', frac = ''] = m[5]!.split('.');
  const digits = BigInt(int + frac || '0');
  const exp = Number(m[6] ?? 0) - frac.length;
  if (digits === 0n) return { value: { kind: 'finite', neg, m: 0n, e: 0 }, end };
  const magnitude = exp + (int + frac).replace(/^0+/, '').length;
  if (magnitude > 4940) return { value: { kind: 'inf', neg }, end };
  if (magnitude < -4960) return { value: { kind: 'finite', neg, m: 0n, e: 0 }, end };
  return { value: exp >= 0 ? toLongDouble(neg, digits * 10n ** BigInt(exp), 1n) : toLongDouble(neg, digits, 10n ** BigInt(-exp)), end };
}

export interface FloatSpec {
  flags: string;
  width: number;
  prec: number | undefined;
  conv: string;
}

/** m*2^e as num/den. */
function ratio(r: { m: bigint; e: number }): [bigint, bigint] {
  return r.e >= 0 ? [r.m << BigInt(r.e), 1n] : [r.m, 1n << BigInt(-r.e)];
}

/** Digits of round(value * 10^p) (half even), value = num/den. */
function fixed(num: bigint, den: bigint, p: number): string {
  return divRoundEven(num * 10n ** BigInt(p), den).toString();
}

function withPoint(digits: string, p: number, alt: boolean): string {
  if (p === 0) return alt ? `${digits}.` : digits;
  const d = digits.padStart(p + 1, '0');
  return `${d.slice(0, d.length - p)}.${d.slice(d.length - p)}`;
}

/** Mantissa digits (p+1 of them) and decimal exponent for %e. */
function sci(num: bigint, den: bigint, p: number): { digits: string; exp: number } {
  if (num === 0n) return { digits: '0'.repeat(p + 1), exp: 0 };
  let x = num.toString().length - den.toString().length;
  // find x with 10^x <= num/den < 10^(x+1)
  const ge = (k: number): boolean => (k >= 0 ? num >= den * 10n ** BigInt(k) : num * 10n ** BigInt(-k) >= den);
  while (!ge(x)) x--;
  while (ge(x + 1)) x++;
  const shift = p - x;
  let n = shift >= 0 ? divRoundEven(num * 10n ** BigInt(shift), den) : divRoundEven(num, den * 10n ** BigInt(-shift));
  if (n >= 10n ** BigInt(p + 1)) {
    n /= 10n;
    x++;
  }
  return { digits: n.toString(), exp: x };
}

function expText(exp: number): string {
  return `${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
}

function hexFloat(r: { m: bigint; e: number }, prec: number | undefined, alt: boolean): string {
  if (r.m === 0n) return `0x0${prec ? `.${'0'.repeat(prec)}` : alt ? '.' : ''}p+0`;
  // as an x86 long double: a 64-bit mantissa whose first hex digit holds 4 bits
  const bits = r.m.toString(2).length;
  let m = bits <= 64 ? r.m << BigInt(64 - bits) : r.m >> BigInt(bits - 64);
  let exp = r.e + bits - 1 - 3;
  let frac = 60;
  if (prec !== undefined && prec < 15) {
    const drop = BigInt(60 - 4 * prec);
    m = divRoundEven(m, 1n << drop);
    frac = 4 * prec;
    // a carry out of the leading f: glibc writes the digit 1 and moves the exponent by 4
    if (m >= 16n << BigInt(frac)) {
      m = 1n << BigInt(frac);
      exp += 4;
    }
  }
  const lead = (m >> BigInt(frac)).toString(16);
  let rest = frac ? (m & ((1n << BigInt(frac)) - 1n)).toString(16).padStart(frac / 4, '0') : '';
  if (prec === undefined) rest = rest.replace(/0+$/, '');
  else rest = rest.padEnd(prec, '0');
  return `0x${lead}${rest || alt ? '.' : ''}${rest}p${exp < 0 ? '-' : '+'}${Math.abs(exp)}`;
}

/** One %[flags][width][.prec]conv directive for a floating value, as glibc prints it. */
export function formatFloat(v: Real, spec: FloatSpec): string {
  const { flags, conv } = spec;
  const upper = conv === conv.toUpperCase();
  const alt = flags.includes('#');
  const left = flags.includes('-');
  let body: string;
  if (v.kind !== 'finite') {
    body = v.kind === 'inf' ? 'inf' : 'nan';
  } else {
    const [num, den] = ratio(v);
    const lower = conv.toLowerCase();
    if (lower === 'f') {
      const p = spec.prec ?? 6;
      body = withPoint(fixed(num, den, p), p, alt);
    } else if (lower === 'e') {
      const p = spec.prec ?? 6;
      const s = sci(num, den, p);
      body = `${withPoint(s.digits, p, alt)}e${expText(s.exp)}`;
    } else if (lower === 'g') {
      const P = spec.prec === undefined ? 6 : spec.prec === 0 ? 1 : spec.prec;
      const s = sci(num, den, P - 1);
      const x = num === 0n ? 0 : s.exp;
      if (P > x && x >= -4) {
        body = withPoint(fixed(num, den, P - 1 - x), P - 1 - x, alt);
      } else body = `${withPoint(s.digits, P - 1, alt)}e${expText(s.exp)}`;
      if (!alt && body.includes('.')) {
        const e = body.indexOf('e');
        const mant = e < 0 ? body : body.slice(0, e);
        body = (mant.includes('.') ? mant.replace(/\.?0+$/, '') : mant) + (e < 0 ? '' : body.slice(e));
      }
    } else body = hexFloat(v, spec.prec, alt);
  }
  if (upper) body = body.toUpperCase();
  const sign = v.neg ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
  const width = spec.width;
  const len = sign.length + body.length;
  if (len >= width) return sign + body;
  if (left) return (sign + body).padEnd(width);
  if (flags.includes('0') && v.kind === 'finite') {
    const prefix = /^0[xX]/.test(body) ? body.slice(0, 2) : '';
    return sign + prefix + body.slice(prefix.length).padStart(width - sign.length - prefix.length, '0');
  }
  return (sign + body).padStart(width);
}

export function isZero(r: Real): boolean {
  return r.kind === 'finite' && r.m === 0n;
}
