// Quoting values the way bash prints them back (declare -p, set, ${x@Q}).

/** Control characters, or a byte that is not UTF-8 (U+DC00+byte, not half of a pair). */
export const NEEDS_ANSI = /[\x00-\x1f\x7f]|(?<![\ud800-\udbff])[\udc80-\udcff]/;

/** bash's ansic_quote: $'...' with C escapes, octal for other control characters and raw bytes. */
export function ansiQuote(s: string): string {
  const map: Record<string, string> = { '\n': '\\n', '\t': '\\t', '\r': '\\r', '\x1b': '\\E', '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\v': '\\v', "'": "\\'", '\\': '\\\\' };
  const octal = (n: number): string => `\\${n.toString(8).padStart(3, '0')}`;
  return `$'${s.replace(/[\x00-\x1f\x7f'\\]|(?<![\ud800-\udbff])[\udc80-\udcff]/g, (c) => map[c] ?? (c.charCodeAt(0) >= 0xdc80 ? octal(c.charCodeAt(0) - 0xdc00) : octal(c.charCodeAt(0))))}'`;
}

/** ${x@Q} (bash's sh_quote_reusable): $'...' when needed, else '...'. */
export function reusableQuote(s: string): string {
  return NEEDS_ANSI.test(s) ? ansiQuote(s) : `'${s.replace(/'/g, "'\\''")}'`;
}
