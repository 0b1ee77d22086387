// gnulib human_readable() as coreutils uses it for sizes and block counts: exact integer
// arithmetic, rounding up (human_ceiling, the default), one decimal below 10 when autoscaling.

export interface HumanOptions {
  /** Scale with K, M, G... (`-h`, `--si`); implies a unit letter. */
  autoscale?: boolean;
  /** Powers of 1000 and a lowercase k (`--si`, `--block-size=KB`) instead of 1024. */
  si?: boolean;
  /** Print the unit letter of the output block size (`--block-size=K` prints 12K). */
  suffix?: boolean;
  /** Follow the letter with B, or iB for powers of 1024 (`--block-size=KB`, `=KiB`). */
  bytes?: boolean;
}

const PREFIXES = 'KMGTPEZYRQ';

/**
 * Formats `n` units of `fromBlock` bytes in units of `toBlock` bytes (ls: sizes 1 -> 1,
 * blocks 512 -> 1024 by default, or 512 -> 1 with -h).
 */
export function humanReadable(n: number, fromBlock: number, toBlock: number, opts: HumanOptions = {}): string {
  const N = BigInt(Math.max(0, Math.floor(n)));
  const from = BigInt(fromBlock);
  const to = BigInt(toBlock);
  let amt: bigint;
  let tenths = 0n;
  let rounding = 0n;
  if (to <= from ? from % to !== 0n : to % from !== 0n) return inexact(n, fromBlock, toBlock, opts);
  if (to <= from) {
    amt = N * (from / to);
  } else {
    const divisor = to / from;
    const r10 = (N % divisor) * 10n;
    const r2 = (r10 % divisor) * 2n;
    amt = N / divisor;
    tenths = r10 / divisor;
    rounding = r2 < divisor ? (r2 > 0n ? 1n : 0n) : 2n + (divisor < r2 ? 1n : 0n);
  }
  const base = opts.si ? 1000n : 1024n;
  let exponent = 0;
  let point = '';
  if (opts.autoscale && amt >= base) {
    do {
      const r10 = (amt % base) * 10n + tenths;
      const r2 = (r10 % base) * 2n + (rounding >> 1n);
      amt /= base;
      tenths = r10 / base;
      rounding = r2 < base ? (r2 + rounding !== 0n ? 1n : 0n) : 2n + (base < r2 + rounding ? 1n : 0n);
      exponent++;
    } while (amt >= base && exponent < PREFIXES.length);
    if (amt < 10n) {
      if (rounding > 0n) {
        tenths++;
        rounding = 0n;
        if (tenths === 10n) {
          amt++;
          tenths = 0n;
        }
      }
      if (amt < 10n) {
        point = `.${tenths}`;
        tenths = 0n;
        rounding = 0n;
      }
    }
  }
  if (tenths + rounding > 0n) {
    amt++;
    if (opts.autoscale && amt === base && exponent < PREFIXES.length) {
      exponent++;
      amt = 1n;
      point = '.0';
    }
  }
  if (!opts.autoscale && !opts.suffix) return `${amt}${point}`;
  if (!opts.autoscale) {
    // the letter of the block size itself: the smallest power of the base that reaches it
    let power = 1n;
    while (power < to && exponent < PREFIXES.length) {
      power *= base;
      exponent++;
    }
  }
  return `${amt}${point}${unitText(exponent, opts)}`;
}

function unitText(exponent: number, opts: HumanOptions): string {
  let prefix = exponent === 0 ? '' : PREFIXES[exponent - 1]!;
  if (prefix === 'K' && opts.si) prefix = 'k';
  if (opts.bytes) prefix += `${!opts.si && exponent ? 'i' : ''}B`;
  return prefix;
}

/** Rounds up to a whole number (adjust_value with human_ceiling). */
const ceiling = (v: number): number => Math.ceil(v);

/**
 * Block sizes neither of which divides the other (say 512-byte blocks shown in units of 3
 * or of 100): gnulib falls back on floating point, rounding up.
 */
function inexact(n: number, fromBlock: number, toBlock: number, opts: HumanOptions): string {
  const base = opts.si ? 1000 : 1024;
  let damt = Math.max(0, Math.floor(n)) * (fromBlock / toBlock);
  if (!opts.autoscale) {
    let exponent = 0;
    if (opts.suffix) for (let power = 1; power < toBlock && exponent < PREFIXES.length; power *= base) exponent++;
    return `${ceiling(damt).toFixed(0)}${opts.suffix ? unitText(exponent, opts) : ''}`;
  }
  let e = 1;
  let exponent = 0;
  do {
    e *= base;
    exponent++;
  } while (e * base <= damt && exponent < PREFIXES.length);
  damt /= e;
  let text = ceiling(damt).toFixed(1);
  if (3 + (opts.si ? 1 : 0) < text.length) text = (ceiling(damt * 10) / 10).toFixed(0);
  return `${text}${unitText(exponent, opts)}`;
}
