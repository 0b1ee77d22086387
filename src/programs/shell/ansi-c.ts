import { byteChar, encodeText } from '../../shared/bytes';
import { decodeBytes } from './byte-text';

// $'...' quoting: backslash escapes decoded as bash does (bash manual, QUOTING).

const SIMPLE: Record<string, string> = {
  a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
  '\\': '\\', "'": "'", '"': '"', '?': '?',
};

/**
 * Decodes from `pos` (just after `$'`) to the closing quote; returns the text and its index
 * (-1 if unclosed). With `untilQuote` false the whole rest is decoded (${x@E}).
 */
export function decodeAnsiC(src: string, pos: number, utf8 = true, untilQuote = true): { text: string; end: number } {
  let out = '';
  let i = pos;
  // \xc3\xa9 are the two bytes of é: escaped bytes that form UTF-8 are that text
  const done = (end: number): { text: string; end: number } => {
    // a NUL ends the string (bash's strings are C strings)
    const nul = out.indexOf('\0');
    if (nul >= 0) out = out.slice(0, nul);
    return { text: /[\udc80-\udcff]/.test(out) ? decodeBytes(encodeText(out)) : out, end };
  };
  while (i < src.length) {
    const c = src[i]!;
    if (c === "'" && untilQuote) return done(i);
    if (c !== '\\') {
      out += c;
      i++;
      continue;
    }
    const n = src[i + 1] ?? '';
    i += 2;
    if (n in SIMPLE) out += SIMPLE[n];
    else if (/[0-7]/.test(n)) {
      let digits = n;
      while (digits.length < 3 && /[0-7]/.test(src[i] ?? '')) digits += src[i++];
      out += byteChar(parseInt(digits, 8) & 0xff);
    } else if (n === 'x' && src[i] === '{') {
      // \x{HH...}: every hex digit up to the brace (which may be missing), the low byte kept
      let code = 0;
      for (i++; /[0-9a-fA-F]/.test(src[i] ?? ''); i++) code = (code * 16 + parseInt(src[i]!, 16)) & 0xff;
      if (src[i] === '}') i++;
      out += byteChar(code);
    } else if (n === 'x') {
      let digits = '';
      while (digits.length < 2 && /[0-9a-fA-F]/.test(src[i] ?? '')) digits += src[i++];
      out += digits ? byteChar(parseInt(digits, 16)) : '\\x';
    } else if (n === 'u' || n === 'U') {
      let digits = '';
      const max = n === 'u' ? 4 : 8;
      while (digits.length < max && /[0-9a-fA-F]/.test(src[i] ?? '')) digits += src[i++];
      const code = parseInt(digits, 16);
      // a character the locale cannot hold stays an escape (bash's u32cconv)
      if (!digits) out += `\\${n}`;
      else if (code < 0x80 || (utf8 && code <= 0x10ffff)) out += String.fromCodePoint(code);
      else out += `\\${n}${code.toString(16).toUpperCase().padStart(n === 'u' ? 4 : 8, '0')}`;
    } else if (n === 'c' && i < src.length && !(untilQuote && src[i] === "'")) {
      // \cX: the control character (\c? is DEL); \c\\ takes both backslashes
      const k = src[i++]!;
      const pair = k === '\\' && src[i] === '\\';
      if (pair) i++;
      out += String.fromCharCode(k === '?' ? 0x7f : k.toUpperCase().charCodeAt(0) & 0x1f);
      // in $'...\c\'' the backslash was the control character's, the quote it hid is text
      // (in $'\c\\' the two backslashes were one escape and the quote closes)
      if (k === '\\' && !pair && untilQuote && src[i] === "'") out += src[i++];
    } else {
      out += `\\${n}`;
    }
  }
  return untilQuote ? { text: out, end: -1 } : done(src.length);
}

/** Whether the shell's locale (LC_ALL, else LC_CTYPE, else LANG) uses UTF-8. */
export function utf8Locale(state: { get(name: string): string | undefined }): boolean {
  const locale = state.get('LC_ALL') || state.get('LC_CTYPE') || state.get('LANG') || '';
  return /\.utf-?8/i.test(locale);
}
