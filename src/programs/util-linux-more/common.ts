// What the util-linux programs of this folder share: the number parsers behind
// strtos32_or_err and friends (lib/strutils.c), which fail with "msg: 'text'" (and
// ": Numerical result out of range" when the value does not fit) and status 1.
export { utilLinuxVersion, utilLinuxHelp } from '../util-linux/common';

export class NumError extends Error {}

/** strtoimax in base 10 (or 0: 0x and 0 prefixes) over the whole text; undefined if not a number. */
export function parseInteger(text: string, base: 0 | 10 = 10): bigint | undefined {
  const m = /^[ \t\n\v\f\r]*([+-]?)(0[xX][0-9a-fA-F]+|[0-9]+)$/.exec(text);
  if (!m) return undefined;
  const digits = m[2]!;
  let v: bigint;
  if (base === 0 && /^0[xX]/.test(digits)) v = BigInt(digits);
  else if (base === 0 && digits.length > 1 && digits.startsWith('0')) {
    if (!/^[0-7]+$/.test(digits)) return undefined;
    v = BigInt(`0o${digits}`);
  } else if (/^0[xX]/.test(digits)) return undefined;
  else v = BigInt(digits);
  return m[1] === '-' ? -v : v;
}

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;

/**
 * str2num_or_err: the number in `text`, within low..up; else throws a NumError carrying the
 * message util-linux prints ("msg: 'text'", with ": Numerical result out of range" for range).
 */
export function numOrErr(text: string, msg: string, low: bigint, up: bigint, base: 0 | 10 = 10): number {
  const v = parseInteger(text, base);
  if (v === undefined) throw new NumError(`${msg}: '${text}'`);
  if (v < INT64_MIN || v > INT64_MAX || v < low || v > up) throw new NumError(`${msg}: '${text}': Numerical result out of range`);
  return Number(v);
}

export const s32 = (text: string, msg: string): number => numOrErr(text, msg, -(1n << 31n), (1n << 31n) - 1n);
export const u32 = (text: string, msg: string): number => {
  if (/^\s*-/.test(text) && parseInteger(text) !== undefined) throw new NumError(`${msg}: '${text}': Numerical result out of range`);
  return numOrErr(text, msg, 0n, (1n << 32n) - 1n);
};
export const u64 = (text: string, msg: string): number => {
  if (/^\s*-/.test(text) && parseInteger(text) !== undefined) throw new NumError(`${msg}: '${text}': Numerical result out of range`);
  return numOrErr(text, msg, 0n, (1n << 64n) - 1n);
};

import type { Ctx } from '../lib/context';

/** program_invocation_short_name: util-linux messages name the program without its directory. */
export function shortName(ctx: Ctx): string {
  return ctx.name.slice(ctx.name.lastIndexOf('/') + 1);
}

/** warnx(3): "name: message". */
export async function warnx(ctx: Ctx, message: string): Promise<void> {
  await ctx.err.write(`${shortName(ctx)}: ${message}\n`);
}

/** errx(3) with status 1 (or `status`). */
export async function errx(ctx: Ctx, message: string, status = 1): Promise<number> {
  await warnx(ctx, message);
  return status;
}

/** errtryhelp: the pointer to --help after a usage error. */
export async function tryHelp(ctx: Ctx, status = 1): Promise<number> {
  await ctx.err.write(`Try '${shortName(ctx)} --help' for more information.\n`);
  return status;
}

/** strtoumax with base 0 at the start of `s` (after blanks and a sign): value and the rest. */
function strtoumax0(s: string): { value: bigint; rest: string; range: boolean } | undefined {
  const m = /^[ \t\n\v\f\r]*\+?(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)/.exec(s);
  if (!m) return undefined;
  const d = m[1]!;
  const value = /^0[xX]/.test(d) ? BigInt(d) : d.length > 1 && d.startsWith('0') ? BigInt(`0o${d.slice(1)}`) : BigInt(d);
  return { value, rest: s.slice(m[0].length), range: value > UINTMAX };
}

const UINTMAX = (1n << 64n) - 1n;

/**
 * parse_size (lib/strutils.c): a number (0x and 0 prefixes allowed) with an optional suffix
 * K M G T P E Z Y or k m g ... (powers of 1024; "KiB" the same, "KB" powers of 1000) and a
 * fraction before the suffix. The value, or the errno it fails with.
 */
export function parseSize(text: string): bigint | 'EINVAL' | 'ERANGE' {
  if (text === '' || /^\s*-/.test(text)) return 'EINVAL';
  const n = strtoumax0(text);
  if (!n) return 'EINVAL';
  if (n.range) return 'ERANGE';
  let x = n.value;
  let p = n.rest;
  if (p === '') return x;
  let base = 1024n;
  let frac = 0n;
  let fracDigits = '';
  for (;;) {
    if (p[1] === 'i' && (p[2] === 'B' || p[2] === 'b') && p.length === 3) base = 1024n;
    else if ((p[1] === 'B' || p[1] === 'b') && p.length === 2) base = 1000n;
    else if (p.length > 1) {
      if (frac === 0n && p[0] === '.') {
        const m = /^\.(\d*)/.exec(p)!;
        fracDigits = m[1]!;
        frac = fracDigits === '' ? 0n : BigInt(fracDigits);
        const after = p.slice(m[0].length);
        if (frac && after === '') return 'EINVAL';
        p = after;
        if (p === '') return 'EINVAL';
        continue;
      }
      return 'EINVAL';
    }
    break;
  }
  let pwr = 'KMGTPEZY'.indexOf(p[0]!) + 1;
  if (pwr === 0) pwr = 'kmgtpezy'.indexOf(p[0]!) + 1;
  if (pwr === 0) return 'EINVAL';
  let range = false;
  for (let i = 0; i < pwr; i++) {
    if (UINTMAX / base < x) {
      range = true;
      break;
    }
    x *= base;
  }
  if (frac) {
    // digit by digit from the last, as util-linux adds them (so rounding matches)
    const zeros = /^0*/.exec(fracDigits)![0].length;
    let fbase = 1n;
    for (let i = 0; i < pwr; i++) fbase *= base;
    let fdiv = 10n;
    while (fdiv < frac) fdiv *= 10n;
    for (let i = 0; i < zeros; i++) fdiv *= 10n;
    let poz = 1n;
    do {
      const seg = frac % 10n;
      const segDiv = fdiv / poz;
      frac /= 10n;
      poz *= 10n;
      if (seg && segDiv / seg) x += fbase / (segDiv / seg);
    } while (frac);
  }
  return range ? 'ERANGE' : x;
}

/** strtosize_or_err: throws a NumError with util-linux's wording. */
export function sizeOrErr(text: string, msg: string): number {
  const v = parseSize(text);
  if (v === 'EINVAL') throw new NumError(`${msg}: '${text}': Invalid argument`);
  if (v === 'ERANGE') throw new NumError(`${msg}: '${text}': Numerical result out of range`);
  return Number(v);
}

export const hex2 = (b: number): string => b.toString(16).padStart(2, '0');

/** size_to_human_string with SIZE_SUFFIX_3LETTER | SIZE_SUFFIX_SPACE: "1.5 KiB", "10 B". */
export function humanSize3(bytes: number): string {
  return humanSize(bytes, true);
}

/** size_to_human_string: "1.5 KiB" (three letters, with a space) or "1.5K" (one letter). */
export function humanSize(bytes: number, three: boolean): string {
  let exp = 0;
  for (let s = 10; s <= 60; s += 10) {
    if (bytes < 2 ** s) break;
    exp = s;
  }
  const unit = 'BKMGTPE'[exp / 10]!;
  const suffix = three ? ` ${unit}${unit === 'B' ? '' : 'iB'}` : unit;
  let dec = exp ? Math.floor(bytes / 2 ** exp) : bytes;
  let frac = exp ? bytes - dec * 2 ** exp : 0;
  if (frac) {
    frac = Math.floor((frac * 1000) / 2 ** exp);
    frac = Math.floor((frac + 50) / 100) * 10;
    if (frac === 100) {
      dec++;
      frac = 0;
    }
  }
  if (!frac) return `${dec}${suffix}`;
  return `${dec}.${String(frac).padStart(2, '0').replace(/0$/, '')}${suffix}`;
}

/**
 * err_exclusive_options (include/optutils.h), quirks included: the rows are scanned only while
 * their first option sorts at or before the one given, and each row only up to the first
 * option that sorts after it. Returns the rejected row (to print), or undefined.
 */
export function exclusive(rows: readonly string[][], status: string[], opt: string): string[] | undefined {
  for (let e = 0; e < rows.length && rows[e]![0]! <= opt; e++) {
    const row = rows[e]!;
    for (let i = 0; i < row.length && row[i]! <= opt; i++) {
      if (row[i] !== opt) continue;
      if (!status[e]) status[e] = opt;
      else if (status[e] !== opt) return row;
      break;
    }
  }
  return undefined;
}
