// Quoting values the way bash prints them back (declare -p, set, ${x@Q}).

/** Control characters, or a byte that is not UTF-8 (U+DC00+byte, not half of a pair). */
export const NEEDS_ANSI = /[\x00-\x1f\x7f]|(?<![\ud800-\udbff])[\udc80-\udcff]/;

/**
 * Whether the shell runs in a UTF-8 locale: in C, characters past ASCII are bytes bash cannot
 * print and quotes as $'\ooo'. The builtins that print values set it from LC_ALL/LC_CTYPE/LANG.
 */
let utf8 = true;

export function setQuoteLocale(on: boolean): void {
  utf8 = on;
}

/** A value that bash prints in $'...' form. */
export function needsAnsi(s: string): boolean {
  return NEEDS_ANSI.test(s) || (!utf8 && /[^\x00-\x7f]/.test(s));
}

/** bash's ansic_quote: $'...' with C escapes, octal for other control characters and raw bytes. */
export function ansiQuote(s: string): string {
  const map: Record<string, string> = { '\n': '\\n', '\t': '\\t', '\r': '\\r', '\x1b': '\\E', '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\v': '\\v', "'": "\\'", '\\': '\\\\' };
  const octal = (n: number): string => `\\${n.toString(8).padStart(3, '0')}`;
  const text = (c: string): string => (c.charCodeAt(0) >= 0xdc80 && c.length === 1 ? octal(c.charCodeAt(0) - 0xdc00) : [...new TextEncoder().encode(c)].map(octal).join(''));
  const special = utf8 ? /[\x00-\x1f\x7f'\\]|(?<![\ud800-\udbff])[\udc80-\udcff]/g : /[\x00-\x1f'\\]|[\ud800-\udbff][\udc00-\udfff]|[\x7f-\uffff]/g;
  return `$'${s.replace(special, (c) => map[c] ?? text(c))}'`;
}

/** ${x@Q} (bash's sh_quote_reusable): $'...' when needed, else '...'. */
export function reusableQuote(s: string): string {
  return needsAnsi(s) ? ansiQuote(s) : `'${s.replace(/'/g, "'\\''")}'`;
}

/** A command name in an error message: $'...' when it holds characters the locale cannot
 * print (bash's ansic_shouldquote), else as it is. */
export function printableName(s: string, utf8Locale: boolean): string {
  setQuoteLocale(utf8Locale);
  return needsAnsi(s) ? ansiQuote(s) : s;
}
