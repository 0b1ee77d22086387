// A small libsmartcols (util-linux 2.38) for the table printing programs: the plain table
// (columns as wide as their widest cell or header, a width hint applied as libsmartcols
// does, right-aligned columns, the last column unpadded), the raw form (one blank between
// cells, blanks and controls written as \xHH) and JSON (names in lower case, numbers bare).

export interface ScolsColumn {
  name: string;
  /** an absolute width hint (libsmartcols' whint >= 1) */
  whint?: number;
  right?: boolean;
  /** the JSON type of the cells: a string (default), a bare number, or true/false */
  json?: 'string' | 'number' | 'boolean';
}

export interface ScolsTable {
  columns: ScolsColumn[];
  /** one entry per line; undefined is an empty cell (null in JSON) */
  rows: (string | undefined)[][];
  noheadings?: boolean;
  raw?: boolean;
  /** the table's name: JSON output */
  json?: string;
}

/** How libsmartcols measures a cell (the C locale: one column a byte). */
const width = (s: string): number => s.length;

/** count_column_width: the widest cell, at least the header, or the hint when both are below it. */
function columnWidth(col: ScolsColumn, cells: string[]): number {
  const min = Math.max(width(col.name), 1);
  let w = Math.max(0, ...cells.map(width));
  if (w < min) w = min;
  else if (col.whint !== undefined && col.whint >= 1 && w < col.whint && min < col.whint) w = col.whint;
  return w;
}

/** Raw output's encoding of a cell: blanks, backslashes and controls as \xHH. */
function rawCell(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\x00-\x20\\\x7f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

function jsonString(s: string): string {
  // eslint-disable-next-line no-control-regex
  return `"${s.replace(/["\\]/g, (c) => `\\${c}`).replace(/[\x00-\x1f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}"`;
}

function jsonValue(col: ScolsColumn, v: string | undefined): string {
  if (v === undefined || (v === '' && col.json !== 'string' && col.json !== undefined)) return col.json === 'boolean' ? 'false' : 'null';
  if (col.json === 'number') return v;
  if (col.json === 'boolean') return v === '0' || v === '' ? 'false' : 'true';
  return jsonString(v);
}

const asciiLower = (s: string): string => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** The table as the program would print it. */
export function scolsPrint(t: ScolsTable): string {
  const { columns: cols, rows } = t;
  if (t.json !== undefined) {
    // objects follow each other as "},{" on the line that closes the one before
    const bodies = rows.map((r) => cols.map((c, i) => `\n         ${jsonString(asciiLower(c.name))}: ${jsonValue(c, r[i])}`).join(','));
    const list = rows.length ? `\n      {${bodies.join('\n      },{')}\n      }\n` : '\n\n';
    return `{\n   ${jsonString(t.json)}: [${list}   ]\n}\n`;
  }
  // a table without lines prints nothing, not even its header
  if (!rows.length) return '';
  const lines: string[] = [];
  if (t.raw) {
    if (!t.noheadings) lines.push(cols.map((c) => rawCell(c.name)).join(' '));
    for (const r of rows) lines.push(cols.map((_, i) => rawCell(r[i] ?? '')).join(' '));
    return lines.map((l) => `${l}\n`).join('');
  }
  const widths = cols.map((c, i) => columnWidth(c, rows.map((r) => r[i] ?? '')));
  const line = (cells: string[]): string =>
    cells
      .map((cell, i) => {
        const pad = ' '.repeat(Math.max(0, widths[i]! - width(cell)));
        if (cols[i]!.right) return pad + cell;
        return i === cols.length - 1 ? cell : cell + pad;
      })
      .join(' ');
  if (!t.noheadings) lines.push(line(cols.map((c) => c.name)));
  for (const r of rows) lines.push(line(cols.map((_, i) => r[i] ?? '')));
  return lines.map((l) => `${l}\n`).join('');
}

/**
 * string_add_to_idarray: the column names of an -o list (a leading '+' adds them to
 * `defaults`). Returns the names, or the unknown one (util-linux says "unknown column: X"),
 * or undefined for an empty list (which fails without a word).
 */
export function outputColumns(list: string, known: readonly string[], defaults: readonly string[]): string[] | { unknown: string } | undefined {
  let rest = list;
  const out: string[] = [];
  if (rest.startsWith('+')) {
    out.push(...defaults);
    rest = rest.slice(1);
  }
  if (rest === '') return undefined;
  for (const word of rest.split(',')) {
    const name = known.find((k) => k.toLowerCase() === word.toLowerCase());
    if (name === undefined) return { unknown: word };
    out.push(name);
  }
  return out;
}
