// Drawing nano's screen: the title bar, the edit window (a long line scrolls sideways by
// pages around the cursor, with '<' and '>' marking hidden text), the status or prompt bar
// and the help lines. Rows that did not change since the last draw are not sent again.
import type { Terminal } from '../pagers/terminal';
import { Attr, Row, statusRow, titleBar, type Menu, helpLines } from './rows';

export const TABSIZE = 8;

/** How a line's characters show: tabs as spaces to the next tab stop, controls as ^X. */
export function displayCells(text: string): { cells: string[]; starts: number[] } {
  const cells: string[] = [];
  const starts: number[] = [];
  for (const ch of text) {
    starts.push(cells.length);
    const c = ch.codePointAt(0)!;
    if (ch === '\t') {
      do cells.push(' ');
      while (cells.length % TABSIZE !== 0);
    } else if (c < 0x20) cells.push('^', String.fromCharCode(c + 64));
    else if (c === 0x7f) cells.push('^', '?');
    else cells.push(ch);
  }
  starts.push(cells.length);
  return { cells, starts };
}

/** The display column of character index `col` of `text`. */
export function columnOf(text: string, col: number): number {
  const { starts } = displayCells(text.slice(0, col));
  return starts.at(-1)!;
}

/** get_page_start: the first column shown of a line whose cursor is at `column`. */
export function pageStart(column: number, width: number): number {
  if (column === 0 || column + 2 < width) return 0;
  if (width > 8) return column - 6 - ((column - 6) % (width - 8));
  return column - (width - 2);
}

/** One row of the edit window: the line from column `from`, marked where text is hidden. */
export function editRow(cols: number, text: string, from: number): Row {
  const row = new Row(cols);
  const { cells } = displayCells(text);
  const shown = cells.slice(from, from + cols);
  const more = cells.length > from + cols;
  row.put(0, (more ? shown.slice(0, cols - 1) : shown).join(''));
  if (from > 0) row.put(0, '<', Attr.Reverse);
  if (more) row.put(cols - 1, '>', Attr.Reverse);
  return row;
}

export interface Bottom {
  /** The status message, or the prompt row when prompting. */
  status?: Row;
  help: [Row, Row] | Menu;
}

export class Painter {
  private last: string[] = [];

  constructor(private readonly term: Terminal) {}

  size(): { cols: number; rows: number } {
    return this.term.size();
  }

  /** Forget what is on the screen (after a resize, ^L or help): everything is sent again. */
  invalidate(): void {
    this.last = [];
    this.term.write('\x1b[H\x1b[2J');
  }

  /** Sends the rows that changed, then puts the cursor at (row, col). */
  paint(rows: Row[], cursor: { row: number; col: number }): void {
    let out = '\x1b[?25l';
    rows.forEach((r, i) => {
      const a = r.ansi();
      if (this.last[i] !== a) out += `\x1b[${i + 1};1H${a}`;
      this.last[i] = a;
    });
    out += `\x1b[${cursor.row + 1};${cursor.col + 1}H\x1b[?25h`;
    this.term.write(out);
  }
}

/** The whole screen: title, edit rows, and the three bottom rows. */
export function compose(cols: number, rows: number, title: Row, edit: Row[], bottom: Bottom): Row[] {
  const help = Array.isArray(bottom.help) && bottom.help.length === 2 && bottom.help[0] instanceof Row
    ? (bottom.help as [Row, Row])
    : helpLines(cols, bottom.help as Menu);
  const out = [title, ...edit];
  while (out.length < rows - 3) out.push(new Row(cols));
  out.length = Math.max(1, rows - 3);
  out.push(bottom.status ?? new Row(cols), help[0], help[1]);
  return out.slice(0, rows);
}

export { statusRow, titleBar };
