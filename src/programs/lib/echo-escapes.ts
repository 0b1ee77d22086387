// Backslash escapes as echo -e and printf's %b read them. Its own small module: the shell's
// echo needs it at every login, printf's formatter is loaded only when printf first runs.
import { byteChar } from '../../shared/bytes';

export const ESCAPES: Record<string, string> = { a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '"': '"', "'": "'", '?': '?' };

/**
 * %b argument escapes: like echo -e (\0NNN octal, \c stops). With `utf8` given, \uHHHH and
 * \UHHHHHHHH are decoded too: to the character in a UTF-8 locale, else (above ASCII) to the
 * escape with upper-case digits, as bash does.
 */
export function echoEscapes(s: string, utf8?: boolean, echo = false, warn?: (message: string) => void): { text: string; stopped: boolean } {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c !== '\\' || i + 1 >= s.length) {
      out += c;
      continue;
    }
    const n = s[i + 1]!;
    if (n === 'c') return { text: out, stopped: true };
    if (n === '0') {
      let j = i + 2;
      let digits = '';
      while (digits.length < 3 && /[0-7]/.test(s[j] ?? '')) digits += s[j++];
      out += byteChar(parseInt(digits || '0', 8));
      i = j - 1;
      continue;
    }
    // \NNN without the leading 0 is octal for printf's %b only; echo -e leaves it as written
    if (/[1-7]/.test(n) && !echo) {
      let j = i + 1;
      let digits = '';
      while (digits.length < 3 && /[0-7]/.test(s[j] ?? '')) digits += s[j++];
      out += byteChar(parseInt(digits, 8));
      i = j - 1;
      continue;
    }
    if (n === 'x') {
      let j = i + 2;
      let digits = '';
      while (digits.length < 2 && /[0-9a-fA-F]/.test(s[j] ?? '')) digits += s[j++];
      if (digits) {
        out += byteChar(parseInt(digits, 16));
        i = j - 1;
        continue;
      }
      // printf's %b complains (bash), echo -e does not
      warn?.('missing hex digit for \\x');
    }
    if ((n === 'u' || n === 'U') && utf8 !== undefined) {
      let j = i + 2;
      let digits = '';
      while (digits.length < (n === 'u' ? 4 : 8) && /[0-9a-fA-F]/.test(s[j] ?? '')) digits += s[j++];
      const code = parseInt(digits, 16);
      if (digits && code <= 0x10ffff) {
        out += code < 0x80 || utf8 ? String.fromCodePoint(code) : `\\${n}${digits.toUpperCase().padStart(n === 'u' ? 4 : 8, '0')}`;
        i = j - 1;
        continue;
      }
      if (!digits) warn?.(`missing unicode digit for \\${n}`);
    }
    if (n in ESCAPES && n !== '"' && n !== "'" && n !== '?') {
      out += ESCAPES[n];
      i++;
      continue;
    }
    out += `\\${n}`;
    i++;
  }
  return { text: out, stopped: false };
}
