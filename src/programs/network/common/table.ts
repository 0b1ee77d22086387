// The part of systemd's format-table.c that networkctl and resolvectl print with: columns as wide
// as their widest cell (or a cell's minimum), one space between columns, cells aligned left or
// right, multi-line cells continued on sublines, "wrapped" cells (TABLE_STRV_WRAPPED) broken to
// fit the terminal, trailing blanks dropped from the last column when it is not coloured.

export interface Cell {
  text: string;
  /** 0 left .. 100 right. */
  align?: number;
  minWidth?: number;
  /** Column weight when the table must shrink (DEFAULT_WEIGHT 100). */
  weight?: number;
  /** Words of a TABLE_STRV_WRAPPED cell (text is ignored). */
  wrap?: string[];
  /** ANSI colour sequence, printed only when colours are on. */
  color?: string;
}

export const ANSI = {
  normal: '\x1b[0m',
  highlight: '\x1b[0;1;39m',
  green: '\x1b[0;1;32m',
  yellow: '\x1b[0;1;38;5;185m',
  red: '\x1b[0;1;31m',
  grey: '\x1b[0;38;5;245m',
  brightBlue: '\x1b[0;94m',
} as const;

const width = (s: string): number => [...s].length;

/** format_strv_width(): words joined by spaces, a new line when the next one would not fit. */
function wrapWords(words: string[], col: number): string {
  let out = '';
  let pos = 0;
  for (const w of words) {
    if (pos === 0) {
      out += w;
      pos = width(w);
    } else if (pos + 1 + width(w) <= col) {
      out += ` ${w}`;
      pos += 1 + width(w);
    } else {
      out += `\n${w}`;
      pos = width(w);
    }
  }
  return out;
}

function cellText(c: Cell, col: number): string {
  return c.wrap ? wrapWords(c.wrap, col) : c.text;
}

const linesWidth = (s: string): number => Math.max(0, ...s.split('\n').map(width));

/** Column widths as table_print() chooses them for a table `maxWidth` columns wide. */
function columnWidths(rows: Cell[][], maxWidth: number): number[] {
  const n = rows[0]?.length ?? 0;
  const requested = new Array<number>(n).fill(0);
  const minimum = new Array<number>(n).fill(1);
  const weights = new Array<number>(n).fill(0);
  for (const row of rows) {
    row.forEach((c, j) => {
      const w = Math.max(linesWidth(cellText(c, Infinity)), c.minWidth ?? 1);
      requested[j] = Math.max(requested[j]!, w);
      minimum[j] = Math.max(minimum[j]!, c.minWidth ?? 1);
      weights[j]! += c.weight ?? 100;
    });
  }
  const total = requested.reduce((a, b) => a + b, n - 1);
  if (total <= maxWidth) return requested;
  // compress: every column gets its minimum, the rest is shared by weight; a column that would
  // get more than it asked for gets what it asked for, and the sharing starts over
  const widths = new Array<number | undefined>(n).fill(undefined);
  let extra = Math.max(0, maxWidth - minimum.reduce((a, b) => a + b, n - 1));
  let weightSum = weights.reduce((a, b) => a + b, 0);
  let finalize = false;
  for (let guard = 0; guard < 100; guard++) {
    let restart = false;
    for (let j = 0; j < n; j++) {
      if (widths[j] !== undefined) continue;
      let w = weightSum === 0 ? minimum[j]! + Math.floor(extra / (n - j)) : minimum[j]! + Math.floor((extra * weights[j]!) / weightSum);
      if (w >= requested[j]!) {
        w = requested[j]!;
        restart = true;
      } else if (!finalize) continue;
      widths[j] = w;
      extra -= w - minimum[j]!;
      weightSum -= weights[j]!;
      if (restart && !finalize) break;
    }
    if (finalize) break;
    if (!restart) finalize = true;
  }
  return widths.map((w, j) => w ?? requested[j]!);
}

function align(text: string, w: number, percent: number): string {
  const pad = Math.max(0, w - width(text));
  const left = Math.floor((pad * percent) / 100);
  return ' '.repeat(left) + text + ' '.repeat(pad - left);
}

/** Renders `rows` (no header row); `maxWidth` is the terminal width (80 when not a terminal). */
export function renderTable(rows: Cell[][], maxWidth: number, colors = false): string {
  if (!rows.length) return '';
  const assigned = columnWidths(rows, maxWidth);
  const formatted = rows.map((row) => row.map((c, j) => cellText(c, assigned[j]!)));
  // the second pass measures the cells as now broken into lines
  const widths = assigned.map((_, j) => Math.max(...rows.map((row, i) => Math.max(linesWidth(formatted[i]![j]!), row[j]!.minWidth ?? 1))));
  const n = widths.length;
  let out = '';
  rows.forEach((row, i) => {
    const cells = formatted[i]!.map((t) => t.split('\n'));
    const sublines = Math.max(...cells.map((c) => c.length));
    for (let k = 0; k < sublines; k++) {
      let line = '';
      row.forEach((c, j) => {
        let field = align(cells[j]![k] ?? '', widths[j]!, c.align ?? 0);
        const colored = colors && c.color !== undefined;
        if (j === n - 1 && !colored) field = field.replace(/ +$/, '');
        if (j > 0) line += ' ';
        line += colored ? `${c.color}${field}${ANSI.normal}` : field;
      });
      out += `${line}\n`;
    }
  });
  return out;
}

/** The terminal width systemd's tools use: $COLUMNS, the terminal's, else 80. */
export function terminalColumns(env: Map<string, string>, tty: { cols: number } | undefined): number {
  const c = Number(env.get('COLUMNS'));
  if (Number.isInteger(c) && c > 0) return c;
  return tty?.cols ?? 80;
}
