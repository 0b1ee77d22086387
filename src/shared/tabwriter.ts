// Elastic-tabstop column alignment with the semantics of Go's text/tabwriter,
// which docker uses for every table (`tabwriter.NewWriter(out, 10, 1, 3, ' ', 0)`,
// docker/cli cli/command/formatter/formatter.go).
//
// Rules reproduced from the Go package:
// - cells are terminated by '\t' (hard) or '\v' (soft); '\n' and '\f' end a line;
// - tab-terminated cells in adjacent lines form a column; the text after the last
//   tab of a line is a cell that belongs to no column and is never padded;
// - a column is as wide as its widest cell plus `padding`, and at least `minwidth`;
// - widths count Unicode code points (Go counts runes);
// - a line holding a single cell, or a '\f', flushes everything buffered so far;
// - output written before flush() is kept, so callers may stream with take().
//
// Departure: Go's Escape byte is 0xff, which cannot occur in UTF-8 text. A JS
// string has no such byte, so the escape character here is U+FFFF, a
// noncharacter that never occurs in real text.

export const TabFlags = {
  /** Ignore HTML tags; count an entity (&...;) as one character. */
  FilterHTML: 1,
  /** Drop the Escape characters around escaped segments. */
  StripEscape: 2,
  /** Right-align cell contents. */
  AlignRight: 4,
  /** Treat columns made only of empty soft-tab cells as absent. */
  DiscardEmptyColumns: 8,
  /** Pad leading empty cells with tabs whatever the pad character. */
  TabIndent: 16,
  /** Print '|' between columns. */
  Debug: 32,
} as const;

export const TAB_ESCAPE = '\uffff';

interface Cell {
  size: number; // length in UTF-16 units of the cell's text in buf
  width: number; // width in code points
  htab: boolean; // terminated by '\t'
}

function codePointCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // a high surrogate followed by a low one is one code point
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

export class TabWriter {
  private readonly minwidth: number;
  private readonly tabwidth: number;
  private readonly padding: number;
  private readonly padchar: string;
  private readonly flags: number;

  private buf = '';
  private pos = 0;
  private cell: Cell = { size: 0, width: 0, htab: false };
  private endChar = '';
  private lines: Cell[][] = [[]];
  private widths: number[] = [];
  private out: string[] = [];

  constructor(minwidth: number, tabwidth: number, padding: number, padchar: string, flags = 0) {
    if (minwidth < 0 || tabwidth < 0 || padding < 0) {
      throw new RangeError('negative minwidth, tabwidth, or padding');
    }
    this.minwidth = minwidth;
    this.tabwidth = tabwidth;
    this.padding = padding;
    this.padchar = padchar.charAt(0) || ' ';
    // tab padding forces left alignment (Go: Init clears AlignRight)
    this.flags = this.padchar === '\t' ? flags & ~TabFlags.AlignRight : flags;
  }

  private reset(): void {
    this.buf = '';
    this.pos = 0;
    this.cell = { size: 0, width: 0, htab: false };
    this.endChar = '';
    this.lines = [[]];
    this.widths = [];
  }

  private emit(s: string): void {
    if (s !== '') this.out.push(s);
  }

  private writePadding(textw: number, cellw: number, useTabs: boolean): void {
    if (this.padchar === '\t' || useTabs) {
      if (this.tabwidth === 0) return; // tabs have no width: no padding possible
      const w = Math.ceil(cellw / this.tabwidth) * this.tabwidth;
      const n = w - textw;
      this.emit('\t'.repeat(Math.ceil(n / this.tabwidth)));
      return;
    }
    if (cellw > textw) this.emit(this.padchar.repeat(cellw - textw));
  }

  private writeLines(pos0: number, line0: number, line1: number): number {
    let pos = pos0;
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i] ?? [];
      let useTabs = (this.flags & TabFlags.TabIndent) !== 0;
      for (let j = 0; j < line.length; j++) {
        const c = line[j] as Cell;
        if (j > 0 && (this.flags & TabFlags.Debug) !== 0) this.emit('|');
        const colw = this.widths[j];
        if (c.size === 0) {
          if (colw !== undefined) this.writePadding(c.width, colw, useTabs);
        } else {
          useTabs = false;
          const text = this.buf.slice(pos, pos + c.size);
          pos += c.size;
          if ((this.flags & TabFlags.AlignRight) === 0) {
            this.emit(text);
            if (colw !== undefined) this.writePadding(c.width, colw, false);
          } else {
            if (colw !== undefined) this.writePadding(c.width, colw, false);
            this.emit(text);
          }
        }
      }
      if (i + 1 === this.lines.length) {
        // last buffered line has no newline yet: write the pending cell text
        this.emit(this.buf.slice(pos, pos + this.cell.size));
        pos += this.cell.size;
      } else {
        this.emit('\n');
      }
    }
    return pos;
  }

  private format(pos0: number, line0In: number, line1: number): number {
    let pos = pos0;
    let line0 = line0In;
    const column = this.widths.length;
    for (let cur = line0; cur < line1; cur++) {
      let line = this.lines[cur] ?? [];
      if (column >= line.length - 1) continue;
      // a cell exists in this column: this line starts a column block
      pos = this.writeLines(pos, line0, cur);
      line0 = cur;
      let width = this.minwidth;
      let discardable = true;
      for (; cur < line1; cur++) {
        line = this.lines[cur] ?? [];
        if (column >= line.length - 1) break;
        const c = line[column] as Cell;
        const w = c.width + this.padding;
        if (w > width) width = w;
        if (c.width > 0 || c.htab) discardable = false;
      }
      if (discardable && (this.flags & TabFlags.DiscardEmptyColumns) !== 0) width = 0;
      this.widths.push(width);
      pos = this.format(pos, line0, cur);
      this.widths.pop();
      line0 = cur;
    }
    return this.writeLines(pos, line0, line1);
  }

  private append(text: string): void {
    this.buf += text;
    this.cell.size += text.length;
  }

  private updateWidth(): void {
    this.cell.width += codePointCount(this.buf.slice(this.pos));
    this.pos = this.buf.length;
  }

  private startEscape(ch: string): void {
    if (ch === TAB_ESCAPE) this.endChar = TAB_ESCAPE;
    else if (ch === '<') this.endChar = '>';
    else if (ch === '&') this.endChar = ';';
  }

  private endEscape(): void {
    if (this.endChar === TAB_ESCAPE) {
      this.updateWidth();
      if ((this.flags & TabFlags.StripEscape) === 0) this.cell.width -= 2;
    } else if (this.endChar === ';') {
      this.cell.width++; // an entity counts as one character
    } // a tag ('>') has zero width
    this.pos = this.buf.length;
    this.endChar = '';
  }

  private terminateCell(htab: boolean): number {
    this.cell.htab = htab;
    const line = this.lines[this.lines.length - 1] as Cell[];
    line.push(this.cell);
    this.cell = { size: 0, width: 0, htab: false };
    return line.length;
  }

  private flushInternal(): void {
    if (this.cell.size > 0) {
      if (this.endChar !== '') this.endEscape();
      this.terminateCell(false);
    }
    this.format(0, 0, this.lines.length);
    this.reset();
  }

  /** Buffer text; complete blocks may already be formatted into the output. */
  write(text: string): void {
    let n = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charAt(i);
      if (this.endChar === '') {
        if (ch === '\t' || ch === '\v' || ch === '\n' || ch === '\f') {
          this.append(text.slice(n, i));
          this.updateWidth();
          n = i + 1;
          const ncells = this.terminateCell(ch === '\t');
          if (ch === '\n' || ch === '\f') {
            this.lines.push([]);
            if (ch === '\f' || ncells === 1) {
              // a one-cell line cannot affect later alignment: flush now
              this.flushInternal();
              if (ch === '\f' && (this.flags & TabFlags.Debug) !== 0) this.emit('---\n');
            }
          }
        } else if (ch === TAB_ESCAPE) {
          this.append(text.slice(n, i));
          this.updateWidth();
          n = i;
          if ((this.flags & TabFlags.StripEscape) !== 0) n++;
          this.startEscape(ch);
        } else if ((ch === '<' || ch === '&') && (this.flags & TabFlags.FilterHTML) !== 0) {
          this.append(text.slice(n, i));
          this.updateWidth();
          n = i;
          this.startEscape(ch);
        }
      } else if (ch === this.endChar) {
        let j = i + 1;
        if (ch === TAB_ESCAPE && (this.flags & TabFlags.StripEscape) !== 0) j = i;
        this.append(text.slice(n, j));
        n = i + 1;
        this.endEscape();
      }
    }
    this.append(text.slice(n));
  }

  /** Output produced so far (without flushing buffered lines). */
  take(): string {
    const s = this.out.join('');
    this.out = [];
    return s;
  }

  /** Format everything buffered and return all output not yet taken. */
  flush(): string {
    this.flushInternal();
    return this.take();
  }
}

/** The writer docker uses for its tables: minwidth 10, tabwidth 1, padding 3, spaces. */
export function newDockerTabWriter(): TabWriter {
  return new TabWriter(10, 1, 3, ' ', 0);
}

/** Format a whole text at once (docker's table settings unless given). */
export function tabwrite(
  text: string,
  opts: { minwidth?: number; tabwidth?: number; padding?: number; padchar?: string; flags?: number } = {},
): string {
  const w = new TabWriter(opts.minwidth ?? 10, opts.tabwidth ?? 1, opts.padding ?? 3, opts.padchar ?? ' ', opts.flags ?? 0);
  w.write(text);
  return w.flush();
}
