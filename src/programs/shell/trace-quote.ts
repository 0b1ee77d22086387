// set -x quoting as bash's xtrace does it: single quotes around shell metacharacters, $'...'
// around characters the locale cannot print. Loaded when xtrace is first turned on.
import { encodeText } from '../../shared/bytes';
import type { Word } from './ast';
import { ansiToQuoted, wordText } from './command-text';

/** bash's sh_contains_shell_metas: a word with these is shown in single quotes. */
function hasMetas(s: string): boolean {
  return /[ \t\n'"\\|&;()<>!{}*[?\]^$`]/.test(s) || /^[~#]|[=:]~/.test(s);
}

/** ansic_shouldquote: characters the locale cannot print (in C, everything past ASCII). */
function unprintable(utf8: boolean): RegExp {
  return utf8 ? /[\x00-\x1f\x7f\udc80-\udcff]/ : /[\x00-\x1f\x7f-\u{10ffff}]/u;
}

const ANSI_ESCAPES: Record<string, string> = { '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v', '\x1b': '\\E', '\\': '\\\\', "'": "\\'" };

function ansiQuote(s: string, utf8: boolean): string {
  const bad = new RegExp(unprintable(utf8).source, 'gu');
  const octal = (c: string): string => [...encodeText(c)].map((b) => `\\${b.toString(8).padStart(3, '0')}`).join('');
  return `$'${s.replace(/[\\']/g, (c) => ANSI_ESCAPES[c]!).replace(bad, (c) => ANSI_ESCAPES[c] ?? octal(c))}'`;
}

/** A word as the trace shows it: bare when safe, '...' with shell metacharacters, $'...' with unprintable ones. */
export function traceQuote(s: string, utf8 = true): string {
  if (s === '') return "''";
  if (hasMetas(s)) return `'${s.replace(/'/g, "'\\''")}'`;
  if (unprintable(utf8).test(s)) return ansiQuote(s, utf8);
  return s;
}

/** A word as written, with $'...' strings shown as bash keeps them after parsing (single-quoted). */
export function traceSource(w: Word | string): string {
  return ansiToQuoted(typeof w === 'string' ? w : wordText(w));
}
