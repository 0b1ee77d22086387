// gnulib human_readable with every option (dd's rounding to nearest and "1.0 kB" spacing,
// df's suppressed ".0"), including its floating-point path for units that do not divide.

export interface GnuHumanOpts {
  round?: 'nearest' | 'floor' | 'ceiling';
  autoscale?: boolean;
  base1024?: boolean;
  /** human_SI: append the prefix letter. */
  si?: boolean;
  /** human_B: append B (iB with base 1024). */
  B?: boolean;
  space?: boolean;
  suppressPointZero?: boolean;
}

const LETTERS = 'KMGTPEZYRQ';

function adjust(style: string, v: number): number {
  if (style === 'floor') return Math.floor(v);
  if (style === 'ceiling') return Math.ceil(v);
  return v;
}

/** printf("%.Nf") rounding (to nearest, ties to even as glibc does for exact halves). */
const fixed = (v: number, digits: number): string => v.toFixed(digits);

export function humanGnu(nIn: number | bigint, o: GnuHumanOpts, fromBlock: number, toBlock: number): string {
  const style = o.round ?? 'ceiling';
  const base = o.base1024 ? 1024n : 1000n;
  const n = BigInt(nIn);
  let amt = 0n;
  let tenths = 0n;
  let rounding = 0n;
  let exponent = -1;
  let text: string | undefined;
  let point = '';
  const from = BigInt(fromBlock);
  const to = BigInt(toBlock);
  let integer = false;
  if (to <= from && from % to === 0n) {
    amt = n * (from / to);
    integer = true;
  } else if (from !== 0n && to % from === 0n) {
    const divisor = to / from;
    const r10 = (n % divisor) * 10n;
    const r2 = (r10 % divisor) * 2n;
    amt = n / divisor;
    tenths = r10 / divisor;
    rounding = r2 < divisor ? (r2 > 0n ? 1n : 0n) : 2n + (divisor < r2 ? 1n : 0n);
    integer = true;
  }
  if (!integer) {
    let damt = Number(n) * (fromBlock / toBlock);
    if (!o.autoscale) text = fixed(adjust(style, damt), 0);
    else {
      let e = 1;
      exponent = 0;
      do {
        e *= Number(base);
        exponent++;
      } while (e * Number(base) <= damt && exponent < LETTERS.length);
      damt /= e;
      text = fixed(adjust(style, damt), 1);
      if (text.length > 1 + 2 + (o.base1024 ? 0 : 1) || (o.suppressPointZero && text.endsWith('0'))) {
        text = fixed(adjust(style, damt * 10) / 10, 0);
      }
    }
  } else {
    if (o.autoscale) {
      exponent = 0;
      if (base <= amt) {
        do {
          const r10 = (amt % base) * 10n + tenths;
          const r2 = (r10 % base) * 2n + (rounding >> 1n);
          amt /= base;
          tenths = r10 / base;
          rounding = r2 < base ? (r2 + rounding !== 0n ? 1n : 0n) : 2n + (base < r2 + rounding ? 1n : 0n);
          exponent++;
        } while (base <= amt && exponent < LETTERS.length);
        if (amt < 10n) {
          if (style === 'nearest' ? 2n < rounding + (tenths & 1n) : style === 'ceiling' && rounding > 0n) {
            tenths++;
            rounding = 0n;
            if (tenths === 10n) {
              amt++;
              tenths = 0n;
            }
          }
          if (amt < 10n && (tenths || !o.suppressPointZero)) {
            point = `.${tenths}`;
            tenths = 0n;
            rounding = 0n;
          }
        }
      }
    }
    if (style === 'nearest' ? 5n < tenths + (rounding + (amt & 1n) > 0n ? 1n : 0n) : style === 'ceiling' && tenths + rounding > 0n) {
      amt++;
      if (o.autoscale && amt === base && exponent < LETTERS.length) {
        exponent++;
        if (!o.suppressPointZero) point = '.0';
        amt = 1n;
      }
    }
    text = `${amt}${point}`;
  }
  if (o.si) {
    if (exponent < 0) {
      exponent = 0;
      for (let power = 1n; power < to; power *= base) if (++exponent === LETTERS.length) break;
    }
    if ((exponent || o.B) && o.space) text += ' ';
    if (exponent) text += !o.base1024 && exponent === 1 ? 'k' : LETTERS[exponent - 1];
    if (o.B) text += o.base1024 && exponent ? 'iB' : 'B';
  }
  return text!;
}
