// Characters as vim sees them: word classes ('iskeyword' "@,48-57,_,192-255"), how many
// screen cells each takes (a tab to the next 'tabstop', control characters as ^X, wide
// East Asian characters as two), and conversions between a column in the text and a
// virtual (screen) column.

/** A position in the buffer: 0-based line and 0-based index into that line's string. */
export interface Pos {
  line: number;
  col: number;
}

export const cmpPos = (a: Pos, b: Pos): number => (a.line !== b.line ? a.line - b.line : a.col - b.col);

export function isWordChar(c: string | undefined): boolean {
  if (c === undefined || c === '') return false;
  const n = c.charCodeAt(0);
  // '@' is every alphabetic character, 48-57 the digits, and 192-255 the Latin-1 letters
  return (n >= 48 && n <= 57) || (n >= 65 && n <= 90) || (n >= 97 && n <= 122) || n === 95 || (n >= 192 && n <= 255) || (n > 255 && /\p{L}|\p{N}/u.test(c));
}

export function isBlank(c: string | undefined): boolean {
  return c === ' ' || c === '\t';
}

/** vim's cls(): 0 for white space, 2 for keyword characters, 1 for other characters. */
export function charClass(c: string | undefined, bigWord = false): number {
  if (c === undefined || c === '' || isBlank(c)) return 0;
  if (bigWord) return 1;
  return isWordChar(c) ? 2 : 1;
}

function isWide(n: number): boolean {
  return (
    (n >= 0x1100 && n <= 0x115f) || (n >= 0x2e80 && n <= 0xa4cf && n !== 0x303f) || (n >= 0xac00 && n <= 0xd7a3) ||
    (n >= 0xf900 && n <= 0xfaff) || (n >= 0xfe30 && n <= 0xfe4f) || (n >= 0xff00 && n <= 0xff60) || (n >= 0xffe0 && n <= 0xffe6)
  );
}

/** Cells taken by character `c` starting at virtual column `vcol`. */
export function cellWidth(c: string, vcol: number, tabstop: number, list: boolean): number {
  const n = c.charCodeAt(0);
  if (c === '\t') return list ? 2 : tabstop - (vcol % tabstop);
  if (n < 0x20 || n === 0x7f) return 2;
  if (n >= 0x80 && n < 0xa0) return 4;
  return isWide(n) ? 2 : 1;
}

/** How the character looks on the screen (without the tab's spaces). */
export function cellText(c: string, width: number): string {
  const n = c.charCodeAt(0);
  if (c === '\t') return ' '.repeat(width);
  if (n < 0x20) return `^${String.fromCharCode(n + 64)}`;
  if (n === 0x7f) return '^?';
  if (n >= 0x80 && n < 0xa0) return `<${n.toString(16)}>`;
  return c;
}

/** The virtual column where character `col` starts, and where it ends (inclusive). */
export function vcolOf(line: string, col: number, tabstop: number, list = false): { start: number; end: number } {
  let v = 0;
  const stop = Math.min(col, line.length);
  for (let i = 0; i < stop; i++) v += cellWidth(line[i]!, v, tabstop, list);
  if (col >= line.length) return { start: v, end: v };
  return { start: v, end: v + cellWidth(line[col]!, v, tabstop, list) - 1 };
}

/** Total display width of a line. */
export function lineWidth(line: string, tabstop: number, list = false, cap = Infinity): number {
  let v = 0;
  for (let i = 0; i < line.length && v < cap; i++) v += cellWidth(line[i]!, v, tabstop, list);
  return v;
}

/** The character index covering virtual column `want` (the last one when the line is shorter). */
export function colOfVcol(line: string, want: number, tabstop: number, insert: boolean): number {
  let v = 0;
  for (let i = 0; i < line.length; i++) {
    const w = cellWidth(line[i]!, v, tabstop, false);
    if (v + w > want) return i;
    v += w;
  }
  return insert ? line.length : Math.max(0, line.length - 1);
}

/** Index of the first non-blank character (the line's length when it is all blanks). */
export function firstNonBlank(line: string): number {
  let i = 0;
  while (i < line.length && isBlank(line[i])) i++;
  return i;
}

/** UTF-8 length of a string, for byte counts in messages and the ruler's column. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
