// awk values: numbers, strings, "strnums" (input that looks numeric keeps its text and
// compares as a number) and the uninitialized value; conversions and comparisons as gawk.
import { NEG_NAN, parseNumber, type NumMode, type Parsed } from './strtod';

/** Text that came from input (fields, getline var, split, ARGV, ENVIRON, -v). */
export class StrNum {
  private parsed: Parsed | undefined;
  constructor(
    readonly s: string,
    /** How the program reads numbers (-n, --posix). */
    readonly mode: NumMode = 'gawk',
  ) {}

  /** True when the whole text looks like a number (leading and trailing blanks allowed). */
  looksNumeric(): boolean {
    this.parsed ??= parseNumber(this.s, this.mode);
    return this.parsed.whole;
  }

  num(): number {
    this.parsed ??= parseNumber(this.s, this.mode);
    return this.parsed.n;
  }

  /** Whether the text has been read as a number yet (gawk -d shows it as one then). */
  wasParsed(): boolean {
    return this.parsed !== undefined;
  }
}

/** The value of @/re/: its text is the regexp; typeof calls it regexp; never a number. */
export class TypedRegex extends StrNum {
  override looksNumeric(): boolean {
    return false;
  }

  override num(): number {
    return 0;
  }
}

/** gawk 5.2's mkbool() result: the number 1 or 0, which typeof calls "number|bool" as long as
 *  it is only passed on (assigned, given to a function); arithmetic makes a plain number. */
export class BoolNum extends StrNum {
  constructor(on: boolean) {
    super(on ? '1' : '0');
  }

  override looksNumeric(): boolean {
    return true;
  }

  override num(): number {
    return this.s === '1' ? 1 : 0;
  }

  override wasParsed(): boolean {
    return true;
  }
}

/** A key `for (k in a)` hands out. gawk gives an integer key (in 32 bits, written as one) as a
 *  number-like string that compares as a number, any other key as a plain string; typeof calls
 *  both "string", and once asked the integer one compares as a string too (in every variable
 *  that holds it). */
export class ArrayKey extends StrNum {
  private plain = false;

  override looksNumeric(): boolean {
    return !this.plain;
  }

  /** What typeof does to it. */
  makePlain(): void {
    this.plain = true;
  }
}

/** The value `for (k in a)` gives k for a key. */
export function forInKey(key: string): Value {
  if (!/^(?:0|-?[1-9][0-9]{0,9})$/.test(key)) return key;
  const n = Number(key);
  return n >= -2147483648 && n <= 2147483647 ? new ArrayKey(key) : key;
}

export class Uninit {
  readonly uninit = true;
}
export const UNINIT = new Uninit();

export type Value = number | string | StrNum | Uninit;

export { NEG_NAN, type NumMode };

/** A string's number: the longest numeric prefix, 0 when there is none; "+inf" "-nan" are special. */
export function strToNum(s: string, mode: NumMode = 'gawk'): number {
  return s === '' ? 0 : parseNumber(s, mode).n;
}

export function toNum(v: Value, mode: NumMode = 'gawk'): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return strToNum(v, mode);
  if (v instanceof StrNum) return v.num();
  return 0;
}

const signView = new DataView(new ArrayBuffer(8));
export function nanSign(n: number): string {
  signView.setFloat64(0, n);
  return signView.getUint8(0) >> 7 ? '-' : '+';
}

/** gawk's text for an integral number: every digit, never an exponent. */
export function intToStr(n: number): string {
  if (Math.abs(n) <= Number.MAX_SAFE_INTEGER) return n === 0 ? '0' : String(n);
  return BigInt(n).toString();
}

export function specialToStr(n: number): string {
  if (Number.isNaN(n)) return `${nanSign(n)}nan`;
  return n > 0 ? '+inf' : '-inf';
}

/** Hook set by format.ts (avoids an import cycle): sprintf of one number. */
export const fmtHook: { fmtNum: (fmt: string, n: number) => string } = { fmtNum: (_f, n) => String(n) };

/** Number to string with CONVFMT (or OFMT for print): integers as %d. */
export function numToStr(n: number, fmt: string): string {
  if (Number.isInteger(n)) return intToStr(n);
  if (!Number.isFinite(n)) return specialToStr(n);
  if (fmt === '%.6g') return fmtG6(n);
  return fmtHook.fmtNum(fmt, n);
}

/** %.6g (the default CONVFMT and OFMT). */
function fmtG6(n: number): string {
  return fmtHook.fmtNum('%.6g', n);
}

export function toStr(v: Value, convfmt: string): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numToStr(v, convfmt);
  if (v instanceof StrNum) return v.s;
  return '';
}

export function toBool(v: Value): boolean {
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') return v !== '';
  if (v instanceof StrNum) return v.looksNumeric() ? v.num() !== 0 : v.s !== '';
  return false;
}

function isNumeric(v: Value): boolean {
  if (typeof v === 'number') return true;
  if (typeof v === 'string') return false;
  if (v instanceof StrNum) return v.looksNumeric();
  return true;
}

/** <0, 0, >0 as awk compares: numerically when both sides are numeric, else as strings. */
export function compare(a: Value, b: Value, convfmt: string): number {
  if (isNumeric(a) && isNumeric(b)) {
    const x = toNum(a);
    const y = toNum(b);
    if (x === y) return 0;
    if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) ? (Number.isNaN(y) ? 0 : 1) : -1;
    return x < y ? -1 : 1;
  }
  const s = toStr(a, convfmt);
  const t = toStr(b, convfmt);
  return s < t ? -1 : s > t ? 1 : 0;
}

/** An array subscript: integers as integers, other numbers with CONVFMT. */
export function subscript(v: Value, convfmt: string): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isInteger(v) ? intToStr(v) : numToStr(v, convfmt);
  if (v instanceof StrNum) return v.s;
  return '';
}

export { AwkArray } from './array';
