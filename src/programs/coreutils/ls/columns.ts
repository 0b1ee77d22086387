// The short formats of ls: one per line, columns down (-C), across (-x) and commas (-m),
// with GNU's column-fitting (calculate_columns) and tab-using indentation (indent).
import type { Entry, Widths } from './entry';
import type { LsConfig } from './options';
import type { Names } from './names';

const MIN_COLUMN_WIDTH = 3;

export class ShortFormat {
  constructor(
    private readonly c: LsConfig,
    private readonly names: Names,
    private readonly blocksText: (e: Entry) => string,
  ) {}

  /** length_of_file_name_and_frills */
  private length(e: Entry, w: Widths, someQuoted: boolean): number {
    const commas = this.c.format === 'commas';
    let len = 0;
    if (this.c.inode) len += 1 + (commas ? (e.st ? String(e.st.ino) : '?').length : w.inode);
    if (this.c.blocks) len += 1 + (commas ? this.blocksText(e).length : w.blocks);
    if (this.c.context) len += 2;
    len += e.width ?? this.names.nameWidth(e, someQuoted);
    if (this.c.indicator !== 'none') len += this.names.entryIndicator(e) ? 1 : 0;
    return len;
  }

  /** print_file_name_and_frills: inode, blocks, name, indicator; returns text and width. */
  private frills(e: Entry, w: Widths, someQuoted: boolean, startCol: number): string {
    const commas = this.c.format === 'commas';
    let out = this.names.normal();
    if (this.c.inode) out += `${(e.st ? String(e.st.ino) : '?').padStart(commas ? 0 : w.inode)} `;
    if (this.c.blocks) out += `${this.blocksText(e).padStart(commas ? 0 : w.blocks)} `;
    if (this.c.context) out += '? ';
    out += this.names.render(e, false, someQuoted, startCol).text;
    out += this.names.entryIndicator(e);
    return out;
  }

  /** indent: spaces, or tabs where a tab stop is reached, from column `from` to `to`. */
  private indent(from: number, to: number): string {
    const tab = this.c.tabsize;
    let out = '';
    while (from < to) {
      if (tab !== 0 && Math.floor(to / tab) > Math.floor((from + 1) / tab)) {
        out += '\t';
        from += tab - (from % tab);
      } else {
        out += ' ';
        from++;
      }
    }
    return out;
  }

  /** calculate_columns: the most columns that fit, and each column's width. */
  private columns(lengths: number[], byColumns: boolean): number[] {
    const n = lengths.length;
    const line = this.c.lineLength;
    const maxIdx = Math.floor(line / MIN_COLUMN_WIDTH) + (line % MIN_COLUMN_WIDTH !== 0 ? 1 : 0);
    const maxCols = maxIdx > 0 && maxIdx < n ? maxIdx : n;
    const info = Array.from({ length: maxCols }, (_, i) => ({ valid: true, lineLen: (i + 1) * MIN_COLUMN_WIDTH, cols: new Array<number>(i + 1).fill(MIN_COLUMN_WIDTH) }));
    for (let f = 0; f < n; f++) {
      const len = lengths[f]!;
      for (let i = 0; i < maxCols; i++) {
        const ci = info[i]!;
        if (!ci.valid) continue;
        const idx = byColumns ? Math.floor(f / Math.floor((n + i) / (i + 1))) : f % (i + 1);
        const real = len + (idx === i ? 0 : 2);
        if (ci.cols[idx]! < real) {
          ci.lineLen += real - ci.cols[idx]!;
          ci.cols[idx] = real;
          ci.valid = ci.lineLen < line;
        }
      }
    }
    let cols = maxCols;
    while (cols > 1 && !info[cols - 1]!.valid) cols--;
    return info[cols - 1]?.cols ?? [0];
  }

  render(entries: Entry[], w: Widths, someQuoted: boolean): string {
    const eol = this.c.eol;
    const n = entries.length;
    if (n === 0) return '';
    const format = this.c.format;
    if (format === 'one') return entries.map((e) => this.frills(e, w, someQuoted, 0) + eol).join('');
    const line = this.c.lineLength;
    if (format === 'commas' || line === 0) {
      const sep = format === 'commas' ? ',' : ' ';
      let out = '';
      let pos = 0;
      entries.forEach((e, i) => {
        const len = line ? this.length(e, w, someQuoted) : 0;
        if (i > 0) {
          if (!line || pos + len + 2 < line) {
            pos += 2;
            out += `${sep} `;
          } else {
            pos = 0;
            out += `${sep}${eol}`;
          }
        }
        out += this.frills(e, w, someQuoted, pos);
        pos += len;
      });
      return out + eol;
    }
    const lengths = entries.map((e) => this.length(e, w, someQuoted));
    if (format === 'across') {
      const cols = this.columns(lengths, false);
      const ncols = cols.length;
      let out = this.frills(entries[0]!, w, someQuoted, 0);
      let pos = 0;
      let nameLen = lengths[0]!;
      let maxLen = cols[0]!;
      for (let f = 1; f < n; f++) {
        const col = f % ncols;
        if (col === 0) {
          out += eol;
          pos = 0;
        } else {
          out += this.indent(pos + nameLen, pos + maxLen);
          pos += maxLen;
        }
        out += this.frills(entries[f]!, w, someQuoted, pos);
        nameLen = lengths[f]!;
        maxLen = cols[col]!;
      }
      return out + eol;
    }
    const cols = this.columns(lengths, true);
    const ncols = cols.length;
    const rows = Math.floor(n / ncols) + (n % ncols !== 0 ? 1 : 0);
    let out = '';
    for (let row = 0; row < rows; row++) {
      let col = 0;
      let f = row;
      let pos = 0;
      for (;;) {
        const nameLen = lengths[f]!;
        const maxLen = cols[col++]!;
        out += this.frills(entries[f]!, w, someQuoted, pos);
        f += rows;
        if (f >= n) break;
        out += this.indent(pos + nameLen, pos + maxLen);
        pos += maxLen;
      }
      out += eol;
    }
    return out;
  }
}
