// How less draws one line of the input: tabs expanded, backspace overstrikes turned into
// bold and underline, colour sequences passed through with -R, other control characters
// shown as ^X and bytes that are not UTF-8 as <XX> in reverse video, then the line cut into
// rows of the screen width (or chopped with -S) behind an optional line number.
import type { SafeRegExp } from '../../lib/safe-regex';

export const BOLD = 1;
export const UNDER = 2;
export const STANDOUT = 4;

export interface Cell {
  ch: string;
  attr: number;
  /** Colour sequences (-R) to send before this character. */
  sgr: string;
}

export interface RenderOptions {
  raw: '' | 'r' | 'R';
  tabs: number;
  chop: boolean;
  shift: number;
  lineNumbers: boolean;
  cols: number;
}

const SGR = /^\x1b\[[0-9;:]*m/;

/** The text a search looks at: colour sequences and overstrikes removed. */
export function searchText(line: string): string {
  return line.replace(/\x1b\[[0-9;:]*m/g, '').replace(/[^\x08]\x08/g, '').replace(/\r$/, '');
}

export function lineCells(line: string, o: Pick<RenderOptions, 'raw' | 'tabs'>): { cells: Cell[]; tail: string } {
  const cells: Cell[] = [];
  let sgr = '';
  const text = line.endsWith('\r') ? line.slice(0, -1) : line;
  const add = (ch: string, attr = 0): void => {
    cells.push({ ch, attr, sgr });
    sgr = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const code = c.charCodeAt(0);
    if (c === '\x1b' && o.raw !== '') {
      const m = SGR.exec(text.slice(i));
      if (m || o.raw === 'r') {
        const seq = m ? m[0] : c;
        sgr += seq;
        i += seq.length - 1;
        continue;
      }
    }
    if (c === '\t') {
      do add(' '); while (cells.length % o.tabs !== 0);
      continue;
    }
    if (c === '\b' && cells.length > 0 && i + 1 < text.length) {
      // overstrike: x\bx is bold x, _\bx (or x\b_) is underlined x
      const prev = cells[cells.length - 1]!;
      const next = text[++i]!;
      if (next === prev.ch) prev.attr |= BOLD;
      else if (prev.ch === '_') cells[cells.length - 1] = { ch: next, attr: prev.attr | UNDER, sgr: prev.sgr };
      else if (next === '_') prev.attr |= UNDER;
      else cells[cells.length - 1] = { ch: next, attr: prev.attr, sgr: prev.sgr };
      continue;
    }
    if (code >= 0xdc80 && code <= 0xdcff) {
      for (const x of `<${(code - 0xdc00).toString(16).toUpperCase()}>`) add(x, STANDOUT);
      continue;
    }
    if (code < 0x20 || code === 0x7f) {
      if (o.raw === 'r') {
        sgr += c;
        continue;
      }
      const shown = c === '\x1b' ? 'ESC' : `^${String.fromCharCode(code === 0x7f ? 0x3f : code + 0x40)}`;
      for (const x of shown) add(x, STANDOUT);
      continue;
    }
    add(c);
  }
  return { cells, tail: sgr };
}

export interface Row {
  cells: Cell[];
  /** Line number column (empty without -N). */
  prefix: string;
  /** Colour state carried from earlier rows of the same line. */
  carry: string;
  /** Colour sequences after the last character of the line. */
  tail: string;
}

/** Splits a line into the rows it takes on screen. */
export function lineRows(line: string, lineNo: number, o: RenderOptions): Row[] {
  const { cells, tail } = lineCells(line, o);
  const width = Math.max(1, o.cols - (o.lineNumbers ? 8 : 0));
  const number = o.lineNumbers ? `${String(lineNo).padStart(7)} ` : '';
  if (o.chop) {
    const carry = cells.slice(0, o.shift).map((c) => c.sgr).join('');
    return [{ cells: cells.slice(o.shift, o.shift + width), prefix: number, carry, tail }];
  }
  const rows: Row[] = [];
  let carry = '';
  for (let k = 0; k === 0 || k < cells.length; k += width) {
    const part = cells.slice(k, k + width);
    rows.push({ cells: part, prefix: k === 0 ? number : ' '.repeat(number.length), carry, tail: k + width >= cells.length ? tail : '' });
    carry += part.map((c) => c.sgr).join('');
  }
  return rows;
}

/** Terminal text for a row; `marks` flags the cells a search matched. */
export function drawRow(row: Row, marks?: boolean[]): string {
  let s = row.prefix + row.carry;
  let attr = 0;
  const set = (next: number): void => {
    if (next === attr) return;
    if (attr & STANDOUT && !(next & STANDOUT)) s += '\x1b[27m';
    if (attr & UNDER && !(next & UNDER)) s += '\x1b[24m';
    if (attr & BOLD && !(next & BOLD)) s += '\x1b[22m';
    if (next & BOLD && !(attr & BOLD)) s += '\x1b[1m';
    if (next & UNDER && !(attr & UNDER)) s += '\x1b[4m';
    if (next & STANDOUT && !(attr & STANDOUT)) s += '\x1b[7m';
    attr = next;
  };
  row.cells.forEach((c, k) => {
    s += c.sgr;
    set(c.attr | (marks?.[k] ? STANDOUT : 0));
    s += c.ch;
  });
  set(0);
  s += row.tail;
  return row.carry || row.tail || row.cells.some((c) => c.sgr) ? `${s}\x1b[m` : s;
}

/** Which cells of `row` fall in a match of `re` over the whole line's displayed text. */
export function matchMarks(rows: Row[], re: SafeRegExp | undefined): boolean[][] | undefined {
  if (!re) return undefined;
  const all = rows.flatMap((r) => r.cells);
  const text = all.map((c) => c.ch).join('');
  const flags = new Array<boolean>(all.length).fill(false);
  let found = false;
  for (let m = re.exec(text), guard = 0; m && guard < 10_000; guard++) {
    if (m.end > m.index) {
      found = true;
      for (let k = m.index; k < m.end; k++) flags[k] = true;
    }
    const next = Math.max(m.end, m.index + 1);
    m = next <= text.length ? re.exec(text, next) : null;
  }
  if (!found) return undefined;
  const out: boolean[][] = [];
  let at = 0;
  for (const r of rows) {
    out.push(flags.slice(at, at + r.cells.length));
    at += r.cells.length;
  }
  return out;
}
