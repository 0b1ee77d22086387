// Text to number as gawk's force_number reads it. Leading and trailing blanks are skipped; a
// value whose whole text is a number is "numeric" (a strnum, when it came from input). The
// mode is gawk's default, -n (--non-decimal-data: 0x hex and 0 octal in data too) or --posix
// (C's strtod for everything: hex, inf, infinity, nan).

export type NumMode = 'gawk' | 'nondec' | 'posix';

export interface Parsed {
  /** The value (of the longest numeric prefix when the text is not all number). */
  n: number;
  /** The whole text (blanks aside) is the number. */
  whole: boolean;
}

const BAD: Parsed = { n: 0, whole: false };

const isSpace = (c: string | undefined): boolean => c === ' ' || (c !== undefined && c >= '\t' && c <= '\r');
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isAlpha = (c: string | undefined): boolean => c !== undefined && /^[A-Za-z]$/.test(c);
const isSign = (c: string | undefined): boolean => c === '+' || c === '-';
const hexVal = (c: string | undefined): number => (c === undefined ? -1 : '0123456789abcdef'.indexOf(c.toLowerCase()));

/** The NaN with the sign bit set (as x86 makes for log(-1)): prints as -nan. */
export const NEG_NAN = ((): number => {
  const d = new DataView(new ArrayBuffer(8));
  d.setUint32(0, 0xfff80000);
  return d.getFloat64(0);
})();

function trim(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isSpace(s[a])) a++;
  while (b > a && isSpace(s[b - 1])) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

/** +inf -inf +nan -nan (any case) at the start of t. */
function magic(t: string): number | undefined {
  if (!isSign(t[0])) return undefined;
  const w = t.slice(1, 4).toLowerCase();
  if (w === 'inf') return t[0] === '-' ? -Infinity : Infinity;
  if (w === 'nan') return t[0] === '-' ? NEG_NAN : NaN;
  return undefined;
}

/** The base gawk sees in a number's text: 16 for 0x, 8 for 0 and octal digits, else 10. */
export function numBase(t: string): number {
  if (t.length < 2 || t[0] !== '0') return 10;
  if (t[1] === 'x' || t[1] === 'X') return 16;
  for (const c of t) {
    if (c === 'e' || c === 'E' || c === '.') return 10;
    if (!isDigit(c)) break;
  }
  return !isDigit(t[1]) || t[1] === '8' || t[1] === '9' ? 10 : 8;
}

/** A 0x hex or 0 octal number (an 8 or 9 makes it decimal after all); end is where it stops. */
export function nonDecimal(t: string): { n: number; end: number } {
  if (t.length >= 2 && t[0] === '0' && (t[1] === 'x' || t[1] === 'X')) {
    if (t.length <= 2) return { n: 0, end: 0 };
    let n = 0;
    let i = 2;
    for (; i < t.length && hexVal(t[i]) >= 0; i++) n = n * 16 + hexVal(t[i]);
    return { n, end: i };
  }
  if (t[0] === '0') {
    let n = 0;
    let i = 0;
    for (; i < t.length && isDigit(t[i]); i++) {
      if (t[i] === '8' || t[i] === '9') return strtod(t);
      n = n * 8 + (t.charCodeAt(i) - 48);
    }
    return { n, end: i };
  }
  return strtod(t);
}

/** C's strtod on t (no leading blanks): decimal, hex (with p exponents), inf, infinity, nan. */
export function strtod(t: string, hex = true): { n: number; end: number } {
  let i = 0;
  const neg = t[0] === '-';
  if (isSign(t[0])) i++;
  const sign = (n: number): number => (neg ? -n : n);
  const rest = t.slice(i).toLowerCase();
  if (rest.startsWith('inf')) return { n: sign(Infinity), end: i + (rest.startsWith('infinity') ? 8 : 3) };
  if (rest.startsWith('nan')) {
    const m = /^nan(\([0-9a-z_]*\))?/.exec(rest)!;
    return { n: neg ? NEG_NAN : NaN, end: i + m[0].length };
  }
  if (hex && rest[0] === '0' && rest[1] === 'x') {
    const m = /^0x([0-9a-f]*)(?:\.([0-9a-f]*))?/.exec(rest)!;
    const int = m[1] ?? '';
    const frac = m[2] ?? '';
    if (int + frac !== '') {
      let end = i + m[0].length;
      let exp = -4 * frac.length;
      const p = /^p([-+]?\d+)/.exec(rest.slice(m[0].length));
      if (p) {
        exp += Number(p[1]);
        end += p[0].length;
      }
      const mant = Number(BigInt(`0x${int}${frac}`));
      return { n: sign(mant * 2 ** exp), end };
    }
  }
  const m = /^(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/.exec(rest);
  if (!m) return { n: 0, end: 0 };
  return { n: sign(Number(m[0])), end: i + m[0].length };
}

/** gawk's reading of a value's text as a number. */
export function parseNumber(s: string, mode: NumMode): Parsed {
  const t = trim(s);
  if (t === '') return BAD;
  if (mode !== 'posix') {
    if (isAlpha(t[0])) return BAD;
    const m = magic(t);
    if (m !== undefined) return t.length === 4 ? { n: m, whole: true } : BAD;
    // 0x is hex only with -n: otherwise such text is no number at all
    const at = isSign(t[0]) ? 1 : 0;
    if (mode === 'gawk' && t[at] === '0' && (t[at + 1] === 'x' || t[at + 1] === 'X')) return BAD;
  }
  if (t.length === 1) return isDigit(t) ? { n: t.charCodeAt(0) - 48, whole: true } : BAD;
  const r = mode === 'nondec' && numBase(t) !== 10 ? nonDecimal(t) : strtod(t);
  return { n: r.n, whole: r.end === t.length };
}
