// The column layout of systemd's tables (src/shared/format-table.c) as it prints when output
// is not cut to a terminal: upper-case headers, cells padded to the widest in their column,
// one space between columns, trailing blanks of the last column dropped, '-' for empty cells.

export interface Cell {
  text: string;
  /** SGR sequence printed around the cell (only when colours are on). */
  color?: string;
  /** SGR sequence for the gap right of the cell (TABLE_SET_BOTH_COLORS underlines whole rows). */
  rgap?: string;
  /** Right-align (align_percent 100). */
  right?: boolean;
}

/** The ANSI sequences of src/basic/terminal-util.h that tables use. */
export const ANSI = {
  normal: '\x1b[0m',
  underline: '\x1b[0;4m',
  grey: '\x1b[0;38;5;245m',
  greyUnderline: '\x1b[0;4;38;5;245m',
  highlight: '\x1b[0;1;39m',
  highlightRed: '\x1b[0;1;31m',
  highlightRedUnderline: '\x1b[0;1;4;31m',
  highlightGreen: '\x1b[0;1;32m',
  highlightGreenUnderline: '\x1b[0;1;4;32m',
  highlightYellow: '\x1b[0;1;38;5;185m',
  highlightBlue: '\x1b[0;1;34m',
  brightBlue: '\x1b[0;94m',
};

export type CellInput = string | Cell;

/** Display width: one column per code point (the texts printed here are not wide). */
export function displayWidth(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x300 && cp < 0x370) continue;
    n += 1;
  }
  return n;
}

function toCell(c: CellInput): Cell {
  return typeof c === 'string' ? { text: c } : c;
}

export interface TableOptions {
  header?: boolean;
  colors?: boolean;
  /** Text for an empty cell (TABLE_ERSATZ_DASH: '-'). */
  ersatz?: string;
}

/** Formats rows under `headers` (which are upper-cased, as TABLE_HEADER cells are). */
export function formatTable(headers: string[], rows: CellInput[][], opts: TableOptions = {}): string {
  const header = opts.header ?? true;
  const ersatz = opts.ersatz ?? '';
  const colors = opts.colors === true;
  const head: Cell[] = headers.map((h) => ({ text: h.toUpperCase(), color: ANSI.underline, rgap: ANSI.underline }));
  const all: Cell[][] = [head, ...rows.map((r) => r.map(toCell))];
  for (const row of all) {
    for (const c of row) {
      if (c.text !== '') continue;
      c.text = ersatz;
      c.color ??= ANSI.grey;
    }
  }
  // every column is at least one character wide, an empty header's too
  const widths = headers.map((_, j) => Math.max(1, ...all.map((r) => displayWidth(r[j]?.text ?? ''))));
  const lines: string[] = [];
  for (let i = header ? 0 : 1; i < all.length; i++) {
    const row = all[i]!;
    let line = '';
    let gapColor: string | undefined;
    for (let j = 0; j < headers.length; j++) {
      const cell = row[j] ?? { text: '' };
      const color = colors ? cell.color : undefined;
      const gap = ' '.repeat(Math.max(0, widths[j]! - displayWidth(cell.text)));
      let text = cell.right ? gap + cell.text : cell.text + gap;
      // a padded cell of the last column loses its trailing blanks, unless a colour makes them
      // visible; the widest cell is not padded and keeps its own
      if (j === headers.length - 1 && !color && gap !== '') text = text.replace(/\s+$/, '');
      if (colors && gapColor) line += gapColor;
      if (j > 0) line += ' ';
      if (colors && gapColor) line += ANSI.normal;
      line += color ? `${color}${text}${ANSI.normal}` : text;
      gapColor = cell.rgap;
    }
    lines.push(line);
  }
  return lines.map((l) => `${l}\n`).join('');
}

/** [key, value, value colour] of a vertical table. */
export type VerticalRow = [string, string] | [string, string, string];

/** A key/value table (table_new_vertical): "Key:" right-aligned, the value after it. */
export function formatVertical(rows: VerticalRow[], colors = false): string {
  const w = Math.max(...rows.map(([k]) => displayWidth(k) + 1));
  const vw = Math.max(...rows.map(([, v]) => displayWidth(v)));
  return rows
    .map(([k, v, c]) => {
      const key = `${' '.repeat(w - displayWidth(k) - 1)}${k}:`;
      // only a padded value loses its trailing blanks (the widest is printed as it is)
      const value = displayWidth(v) < vw ? v.replace(/\s+$/, '') : v;
      if (!colors) return `${key} ${value}\n`;
      return `${ANSI.brightBlue}${key}${ANSI.normal} ${c ? `${c}${value}${ANSI.normal}` : value}\n`;
    })
    .join('');
}

function jsonString(s: string): string {
  return `"${s.replace(/[\\"\x00-\x1f]/g, (c) => ({ '\\': '\\\\', '"': '\\"', '\n': '\\n', '\t': '\\t', '\r': '\\r', '\b': '\\b', '\f': '\\f' })[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}"`;
}

/**
 * table_print_json(): an array of objects keyed by the header names (blanks become '_'), empty
 * cells as null; compact with a newline (-o json) or tab-indented (-o json-pretty).
 */
export function formatTableJson(headers: string[], rows: CellInput[][], pretty: boolean): string {
  const keys = headers.map((h) => h.replace(/\s/g, '_'));
  const objects = rows.map((row) => {
    const fields = keys.map((k, j) => {
      const text = toCell(row[j] ?? '').text;
      return [jsonString(k), text === '' ? 'null' : jsonString(text)];
    });
    return pretty ? `{\n${fields.map(([k, v]) => `\t\t${k} : ${v}`).join(',\n')}\n\t}` : `{${fields.map(([k, v]) => `${k}:${v}`).join(',')}}`;
  });
  if (objects.length === 0) return '[]\n';
  return pretty ? `[\n${objects.map((o) => `\t${o}`).join(',\n')}\n]\n` : `[${objects.join(',')}]\n`;
}

/** json_variant_dump()'s framing for an output mode: json-seq puts RS before, json-sse "data: " before and a blank line after. */
export function jsonFramed(mode: string, json: string): string {
  if (mode === 'json-seq') return `\x1e${json}`;
  if (mode === 'json-sse') return `data: ${json}\n`;
  return json;
}
