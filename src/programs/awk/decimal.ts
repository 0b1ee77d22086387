// %e %f %g as C formats them: from the exact decimal value of the double, rounding half to
// even (JavaScript's toFixed/toPrecision round exact ties up: 0.5 -> 1 where C prints 0).

/** |v| = 0.D × 10^P exactly (v finite, not zero); D has no leading zeros. */
function exact(v: number): { d: string; p: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(v));
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const bexp = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e2: number;
  if (bexp === 0) e2 = -1074;
  else {
    mant |= 1n << 52n;
    e2 = bexp - 1075;
  }
  let d: string;
  let p: number;
  if (e2 >= 0) {
    d = (mant << BigInt(e2)).toString();
    p = d.length;
  } else {
    d = (mant * 5n ** BigInt(-e2)).toString();
    p = d.length + e2;
  }
  const trimmed = d.replace(/0+$/, '');
  return { d: trimmed || '0', p };
}

/** Keeps the first n digits of 0.D × 10^P, rounding half to even. */
function round(d: string, p: number, n: number): { d: string; p: number } {
  if (n >= d.length) return { d: d.padEnd(Math.max(n, 0), '0'), p };
  if (n < 0) return { d: '', p };
  const next = d.charCodeAt(n) - 48;
  const rest = d.slice(n + 1);
  const lastOdd = n > 0 && (d.charCodeAt(n - 1) - 48) % 2 === 1;
  const up = next > 5 || (next === 5 && (/[1-9]/.test(rest) || lastOdd));
  let kept = d.slice(0, n);
  if (!up) return { d: kept, p };
  const digits = kept.split('');
  let i = digits.length - 1;
  while (i >= 0 && digits[i] === '9') digits[i--] = '0';
  if (i < 0) return { d: `1${digits.join('')}`, p: p + 1 };
  digits[i] = String.fromCharCode(digits[i]!.charCodeAt(0) + 1);
  kept = digits.join('');
  return { d: kept, p };
}

/** %.{prec}f of |v| (no sign). */
export function fixedAbs(v: number, prec: number): string {
  if (v === 0) return prec > 0 ? `0.${'0'.repeat(prec)}` : '0';
  const x = exact(v);
  const r = round(x.d, x.p, x.p + prec);
  // r.d holds the digits down to 10^-prec; r.p digits before the point
  let all = r.d;
  const intLen = r.p;
  if (intLen <= 0) all = '0'.repeat(-intLen) + all;
  const need = Math.max(intLen, 0) + prec;
  all = all.padEnd(need, '0').slice(0, need);
  const int = intLen > 0 ? all.slice(0, intLen) : '0';
  const frac = intLen > 0 ? all.slice(intLen) : all;
  return prec > 0 ? `${int}.${frac}` : int;
}

/** %.{prec}e of |v| (no sign): mantissa digits and the exponent. */
export function expAbs(v: number, prec: number): string {
  if (v === 0) return `${prec > 0 ? `0.${'0'.repeat(prec)}` : '0'}e+00`;
  const x = exact(v);
  const r = round(x.d, x.p, prec + 1);
  // a carry (9.99 -> 10.0) leaves one digit too many: the extra one is a zero
  const digits = r.d.padEnd(prec + 1, '0').slice(0, prec + 1);
  const e = r.p - 1;
  const mant = prec > 0 ? `${digits[0]}.${digits.slice(1)}` : digits[0]!;
  const ae = Math.abs(e);
  return `${mant}e${e < 0 ? '-' : '+'}${ae < 10 ? '0' : ''}${ae}`;
}

/** The decimal exponent %e would show with `sig` significant digits. */
export function expOf(v: number, sig: number): number {
  if (v === 0) return 0;
  const x = exact(v);
  return round(x.d, x.p, sig).p - 1;
}
