// Number literals in a template (parse.newNumber): the text is tried as strconv.ParseUint and
// ParseInt with base 0 (0x, 0o, 0b, leading-0 octal, underscores), then as ParseFloat, and the
// node records every Go type the value fits, so the executor can pick int or float64 later.

import type { NumberInfo } from './ast';
import { quote, unquoteCharConstant } from './strconv';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** strconv's underscoreOK: underscores only between digits or after a base prefix. */
function underscoreOK(s: string): boolean {
  let saw = '^';
  let i = 0;
  if (s[0] === '+' || s[0] === '-') s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && 'bBoOxX'.includes(s[1]!)) {
    i = 2;
    saw = '0';
    hex = s[1] === 'x' || s[1] === 'X';
  }
  for (; i < s.length; i++) {
    const c = s[i]!;
    if ((c >= '0' && c <= '9') || (hex && /[a-fA-F]/.test(c))) {
      saw = '0';
      continue;
    }
    if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

/** ParseInt/ParseUint(text, 0, 64) without the range check; null on a syntax error. */
function parseInteger(text: string, signed: boolean): bigint | null {
  let s = text;
  let neg = false;
  if (signed && (s[0] === '+' || s[0] === '-')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '') return null;
  let base = 10;
  if (s[0] === '0') {
    const p = s[1]?.toLowerCase();
    if (s.length >= 3 && (p === 'b' || p === 'o' || p === 'x')) {
      base = p === 'b' ? 2 : p === 'o' ? 8 : 16;
      s = s.slice(2);
    } else {
      base = 8;
      s = s.slice(1);
    }
  }
  let n = 0n;
  let underscores = false;
  for (const c of s) {
    if (c === '_') {
      underscores = true;
      continue;
    }
    const d = parseInt(c, 36);
    if (Number.isNaN(d) || d >= base || !/[0-9a-zA-Z]/.test(c)) return null;
    n = n * BigInt(base) + BigInt(d);
  }
  if (underscores && !underscoreOK(text)) return null;
  return neg ? -n : n;
}

function parseFloatGo(text: string): number | null {
  if (text.includes('_')) {
    if (!underscoreOK(text)) return null;
    text = text.replace(/_/g, '');
  }
  let m = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?\d+)$/.exec(text);
  if (m) {
    const int = m[2] ?? '';
    const frac = m[3] ?? '';
    if (int === '' && frac === '') return null;
    let v = 0;
    for (const c of int + frac) v = v * 16 + parseInt(c, 16);
    v = v * 2 ** (Number(m[4]) - 4 * frac.length);
    if (!Number.isFinite(v)) return null;
    return m[1] === '-' ? -v : v;
  }
  m = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.exec(text);
  if (!m) return null;
  const v = Number(text);
  return Number.isFinite(v) ? v : null;
}

/** Throws an Error with Go's message when the literal is not a valid number. */
export function parseNumberLiteral(text: string, type: 'number' | 'charConstant' | 'complex'): NumberInfo {
  const n: NumberInfo = { isInt: false, isUint: false, isFloat: false, isComplex: false, int: 0, float: 0 };
  if (type === 'charConstant') {
    const r = unquoteCharConstant(text);
    return { isInt: true, isUint: true, isFloat: true, isComplex: false, int: r, float: r };
  }
  if (type === 'complex' || text.endsWith('i')) {
    // Complex constants exist in Go templates but never in Docker formats.
    throw new Error(`complex number constants are not supported: ${quote(text)}`);
  }
  const u = parseInteger(text, false);
  if (u !== null && u <= UINT64_MAX) {
    n.isUint = true;
    n.int = Number(u);
  }
  const i = parseInteger(text, true);
  if (i !== null && i >= INT64_MIN && i <= INT64_MAX) {
    n.isInt = true;
    n.int = Number(i);
    if (i === 0n) n.isUint = true;
  }
  if (n.isInt || n.isUint) {
    n.isFloat = true;
    n.float = n.int;
  } else {
    const f = parseFloatGo(text);
    if (f !== null) {
      // A float that looks like an integer is an integer too large for int64.
      if (!/[.eEpP]/.test(text)) throw new Error(`integer overflow: ${quote(text)}`);
      n.isFloat = true;
      n.float = f;
      if (Number.isInteger(f) && f >= -(2 ** 63) && f < 2 ** 63) {
        n.isInt = true;
        n.int = f;
      }
      if (Number.isInteger(f) && f >= 0 && f < 2 ** 64) {
        n.isUint = true;
        n.int = f;
      }
    }
  }
  if (!n.isInt && !n.isUint && !n.isFloat) throw new Error(`illegal number syntax: ${quote(text)}`);
  return n;
}
