// The parts of Go's strconv that templates and fmt need: Quote/QuoteToASCII/QuoteRune
// (used by %q and by error messages), CanBackquote (%#q), Unquote/UnquoteChar (string and
// character literals in a template), and unicode.IsPrint.

import { decodeUtf8, encodeRune } from './utf8';

const LOWER_HEX = '0123456789abcdef';

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

/** unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
export function isPrint(cp: number): boolean {
  if (cp < 0x80) return cp >= 0x20 && cp < 0x7f;
  if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
  return PRINTABLE.test(String.fromCodePoint(cp));
}

function hex(n: number, width: number): string {
  let s = '';
  for (let i = width - 1; i >= 0; i--) s += LOWER_HEX[(n >> (4 * i)) & 0xf];
  return s;
}

function escapeRune(cp: number, quote: number, asciiOnly: boolean): string {
  if (cp === quote || cp === 0x5c) return '\\' + String.fromCodePoint(cp);
  if (asciiOnly ? cp < 0x80 && isPrint(cp) : isPrint(cp)) return String.fromCodePoint(cp);
  switch (cp) {
    case 0x07: return '\\a';
    case 0x08: return '\\b';
    case 0x0c: return '\\f';
    case 0x0a: return '\\n';
    case 0x0d: return '\\r';
    case 0x09: return '\\t';
    case 0x0b: return '\\v';
  }
  if (cp < 0x20 || cp === 0x7f) return '\\x' + hex(cp, 2);
  if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) cp = 0xfffd;
  if (cp < 0x10000) return '\\u' + hex(cp, 4);
  return '\\U' + hex(cp, 8);
}

/** strconv.Quote (or QuoteToASCII when asciiOnly). */
export function quote(s: string, asciiOnly = false): string {
  let out = '"';
  for (const ch of s) out += escapeRune(ch.codePointAt(0) ?? 0xfffd, 0x22, asciiOnly);
  return out + '"';
}

/** strconv.QuoteRune (or QuoteRuneToASCII). */
export function quoteRune(cp: number, asciiOnly = false): string {
  if (cp < 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) cp = 0xfffd;
  return "'" + escapeRune(cp, 0x27, asciiOnly) + "'";
}

/** strconv.CanBackquote. */
export function canBackquote(s: string): boolean {
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0xfffd;
    if (cp === 0xfeff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    if ((cp < 0x20 && cp !== 0x09) || cp === 0x60 || cp === 0x7f) return false;
  }
  return true;
}

export class UnquoteSyntaxError extends Error {
  constructor() {
    super('invalid syntax');
  }
}

function hexVal(c: string): number {
  const v = parseInt(c, 16);
  return /^[0-9a-fA-F]$/.test(c) ? v : -1;
}

/**
 * strconv.UnquoteChar on the code points `cps` from index `i`: returns the value, whether it is
 * a rune (true) or a raw byte (\x, octal), and the index after it. Throws UnquoteSyntaxError.
 */
export function unquoteChar(cps: readonly string[], i: number, quoteCh: string): { value: number; rune: boolean; next: number } {
  const c = cps[i];
  if (c === undefined) throw new UnquoteSyntaxError();
  if (c === quoteCh && (quoteCh === "'" || quoteCh === '"')) throw new UnquoteSyntaxError();
  if (c !== '\\') return { value: c.codePointAt(0) ?? 0xfffd, rune: true, next: i + 1 };
  const e = cps[i + 1];
  if (e === undefined) throw new UnquoteSyntaxError();
  let j = i + 2;
  switch (e) {
    case 'a': return { value: 7, rune: true, next: j };
    case 'b': return { value: 8, rune: true, next: j };
    case 'f': return { value: 12, rune: true, next: j };
    case 'n': return { value: 10, rune: true, next: j };
    case 'r': return { value: 13, rune: true, next: j };
    case 't': return { value: 9, rune: true, next: j };
    case 'v': return { value: 11, rune: true, next: j };
    case 'x':
    case 'u':
    case 'U': {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      let v = 0;
      for (let k = 0; k < n; k++, j++) {
        const d = hexVal(cps[j] ?? '');
        if (d < 0) throw new UnquoteSyntaxError();
        v = v * 16 + d;
      }
      if (e === 'x') return { value: v, rune: false, next: j };
      if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) throw new UnquoteSyntaxError();
      return { value: v, rune: true, next: j };
    }
    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
      let v = e.charCodeAt(0) - 48;
      for (let k = 0; k < 2; k++, j++) {
        const d = cps[j];
        if (d === undefined || d < '0' || d > '7') throw new UnquoteSyntaxError();
        v = v * 8 + (d.charCodeAt(0) - 48);
      }
      if (v > 255) throw new UnquoteSyntaxError();
      return { value: v, rune: false, next: j };
    }
    case '\\':
      return { value: 0x5c, rune: true, next: j };
    case "'":
    case '"':
      if (e !== quoteCh) throw new UnquoteSyntaxError();
      return { value: e.charCodeAt(0), rune: true, next: j };
  }
  throw new UnquoteSyntaxError();
}

/** strconv.Unquote for a "double-quoted" or `raw` literal as the lexer delivered it. */
export function unquote(lit: string): string {
  if (lit.length < 2) throw new UnquoteSyntaxError();
  const q = lit[0];
  if (q !== lit[lit.length - 1]) throw new UnquoteSyntaxError();
  const body = lit.slice(1, -1);
  if (q === '`') {
    if (body.includes('`')) throw new UnquoteSyntaxError();
    return body.replace(/\r/g, '');
  }
  if (q !== '"' || body.includes('\n')) throw new UnquoteSyntaxError();
  const cps = Array.from(body);
  const bytes: number[] = [];
  let i = 0;
  while (i < cps.length) {
    const r = unquoteChar(cps, i, '"');
    if (r.rune) encodeRune(bytes, r.value);
    else bytes.push(r.value);
    i = r.next;
  }
  return decodeUtf8(bytes);
}

/** A character constant such as 'a' or '\n'; returns the rune, or throws with Go's message. */
export function unquoteCharConstant(text: string): number {
  const cps = Array.from(text);
  const r = unquoteChar(cps, 1, "'");
  if (cps.slice(r.next).join('') !== "'") throw new Error(`malformed character constant: ${text}`);
  return r.value;
}
