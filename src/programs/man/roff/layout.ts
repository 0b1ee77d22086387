// The typesetter under the man macros: fills words into lines of the page width, adjusts
// them to both margins as groff does for nroff output, and keeps indents and spacing.
// Widths are in character cells (groff's tty devices: one en per cell).
import { JOIN, NBSP, type Cell } from './escapes';

/** A filled line's pieces: a word, or the space between words (a tag's pad cannot break). */
type Item = { kind: 'word'; cells: Cell[] } | { kind: 'gap'; width: number; stretch: boolean; pad?: boolean };

/** Where a line may end: at gap `at`, or inside word `at` after cell `cut`. */
interface Breakpoint {
  at: number;
  cut?: number;
  width: number;
}

const TAB_STOP = 5; // an.tmac sets tab stops every 0.5i, five cells on a terminal

const widthOf = (items: Item[]): number => items.reduce((w, it) => w + (it.kind === 'word' ? it.cells.length : it.width), 0);

export class Layout {
  readonly lines: Cell[][] = [];
  /** Left indent of filled and unfilled lines, in cells. */
  indent = 0;
  /** Indent of the next output line only (.ti, hanging tags), or undefined. */
  tempIndent: number | undefined;
  fill = true;
  adjust = true;
  /** While set, .sp and paragraph spacing are ignored (after a heading, at the page top). */
  noSpace = true;
  private items: Item[] = [];
  /** groff alternates the side that gets the extra spaces from one adjusted line to the next. */
  private reverse = false;
  /** The previous input line ended in \c: the next one continues its last word. */
  private joinNext = false;

  constructor(readonly width: number) {}

  /** Adds one input line of text in fill or no-fill mode. */
  text(cells: Cell[]): void {
    if (!this.fill) {
      this.unfilled(cells);
      return;
    }
    const join = cells.some((c) => c.ch === JOIN);
    if (join) cells = cells.slice(0, cells.findIndex((c) => c.ch === JOIN));
    // spaces at the end of an input line are dropped: the newline makes the only space
    let end = cells.length;
    while (end > 0 && cells[end - 1]!.ch === ' ') end--;
    if (end > 0 && end < cells.length) cells = cells.slice(0, end);
    if (cells.length === 0 && !this.joinNext) {
      this.space(1);
      return;
    }
    let i = 0;
    if (cells[0]?.ch === ' ' && !this.joinNext) {
      // a line starting with spaces breaks and indents by them
      this.flush();
      while (cells[i]?.ch === ' ') i++;
      this.tempIndent = this.indent + i;
    }
    const startWord = this.joinNext && this.items.at(-1)?.kind === 'word';
    this.joinNext = false;
    let word: Cell[] | undefined = startWord ? (this.items.pop() as { cells: Cell[] }).cells : undefined;
    for (; i < cells.length; i++) {
      const c = cells[i]!;
      if (c.ch === ' ' || c.ch === '\t') {
        if (word) this.pushWord(word);
        word = undefined;
        if (c.ch === '\t') this.pushGap(TAB_STOP - (widthOf(this.items) % TAB_STOP), false);
        else this.pushGap(1, true);
        continue;
      }
      (word ??= []).push(c);
    }
    if (word) this.pushWord(word);
    this.joinNext = join;
    if (join) return;
    // the newline is a space, two after the end of a sentence (groff's space_newline)
    const last = cells.map((c) => c.ch).join('').replace(/[)\]"'*]+$/, '');
    this.pushGap(/[.?!]$/.test(last) ? 2 : 1, true);
  }

  /** Places an already formatted tag at `at` and continues the line at the current indent. */
  hangingTag(tag: Cell[], at: number): void {
    this.flush();
    this.tempIndent = at;
    const pad = this.indent - at - tag.length;
    this.items.push({ kind: 'word', cells: tag }, { kind: 'gap', width: pad, stretch: false, pad: true });
  }

  /** Ends the current line without adjusting it (.br and every request that breaks). */
  flush(): void {
    this.joinNext = false;
    while (this.items.at(-1)?.kind === 'gap' && !(this.items.at(-1) as { pad?: boolean }).pad) this.items.pop();
    if (this.items.length === 0) {
      this.tempIndent = undefined;
      return;
    }
    this.emit(this.items, 0);
    this.items = [];
  }

  /** .sp n: break, then n blank lines (none in no-space mode). */
  space(n: number): void {
    this.flush();
    if (this.noSpace) return;
    for (let k = 0; k < n; k++) this.lines.push([]);
  }

  private avail(): number {
    return this.width - (this.tempIndent ?? this.indent);
  }

  private pushGap(width: number, stretch: boolean): void {
    const last = this.items.at(-1);
    if (last === undefined) return;
    if (last.kind === 'gap') {
      // consecutive spaces make one wider space, as groff merges space nodes
      if (!last.pad) {
        last.width += width;
        last.stretch &&= stretch;
      }
      return;
    }
    this.items.push({ kind: 'gap', width, stretch });
    this.breakIfFull();
  }

  private pushWord(cells: Cell[]): void {
    this.items.push({ kind: 'word', cells });
    this.noSpace = false;
  }

  /** Every place the pending line may end, in order. */
  private breakpoints(): Breakpoint[] {
    const out: Breakpoint[] = [];
    let width = 0;
    this.items.forEach((it, at) => {
      if (it.kind === 'gap') {
        if (at > 0 && !it.pad) out.push({ at, width });
        width += it.width;
        return;
      }
      // after a hyphen between two letters (what groff does: not in 1970-01-01 or -x)
      const letter = (c: Cell | undefined): boolean => c !== undefined && /^[A-Za-z]$/.test(c.ch);
      it.cells.forEach((c, k) => {
        if (c.brk && letter(it.cells[k - c.brk]) && letter(it.cells[k + 1])) out.push({ at, cut: k + 1, width: width + k + 1 });
      });
      width += it.cells.length;
    });
    return out;
  }

  /**
   * groff's possibly_break_line, run when a space is added: while the text before that space
   * is wider than the line, end the line at the last breakpoint that fits, or at the first
   * one when none does ("can't break line").
   */
  private breakIfFull(): void {
    for (let guard = 0; guard < 1000 && widthOf(this.items.slice(0, -1)) > this.avail(); guard++) {
      const bps = this.breakpoints();
      const fits = bps.filter((b) => b.width <= this.avail());
      const bp = fits.at(-1) ?? bps[0];
      if (!bp) return;
      let line: Item[];
      let rest: Item[];
      if (bp.cut === undefined) {
        line = this.items.slice(0, bp.at);
        rest = this.items.slice(bp.at + 1);
      } else {
        const w = this.items[bp.at] as { cells: Cell[] };
        line = [...this.items.slice(0, bp.at), { kind: 'word', cells: w.cells.slice(0, bp.cut) }];
        rest = [{ kind: 'word', cells: w.cells.slice(bp.cut) }, ...this.items.slice(bp.at + 1)];
      }
      this.emit(line, this.adjust ? Math.max(0, this.avail() - widthOf(line)) : 0);
      this.reverse = !this.reverse;
      this.items = rest;
    }
  }

  /** Writes items as one line, spreading `extra` cells over the stretchable gaps. */
  private emit(items: Item[], extra: number): void {
    const indent = this.tempIndent ?? this.indent;
    this.tempIndent = undefined;
    const gaps = items.filter((it): it is Item & { kind: 'gap' } => it.kind === 'gap' && it.stretch);
    const widths = new Map(gaps.map((g) => [g, g.width]));
    // groff's distribute_space: walking from one end, each gap takes extra / gaps-left
    let left = extra;
    let n = gaps.length;
    const order = this.reverse ? gaps : [...gaps].reverse();
    for (const g of order) {
      const add = n === 1 ? left : Math.floor(left / n);
      widths.set(g, g.width + add);
      left -= add;
      n--;
    }
    const line: Cell[] = Array.from({ length: indent }, () => ({ ch: ' ', font: 0 }));
    for (const it of items) {
      if (it.kind === 'word') line.push(...it.cells.map((c) => (c.ch === NBSP ? { ch: ' ', font: c.font } : c)));
      else for (let k = 0; k < (widths.get(it) ?? it.width); k++) line.push({ ch: ' ', font: 0 });
    }
    this.lines.push(line);
    this.noSpace = false;
  }

  private unfilled(cells: Cell[]): void {
    this.flush();
    const indent = this.tempIndent ?? this.indent;
    this.tempIndent = undefined;
    if (cells.length === 0) {
      this.lines.push([]);
      return;
    }
    const line: Cell[] = Array.from({ length: indent }, () => ({ ch: ' ', font: 0 }));
    for (const c of cells) {
      if (c.ch === JOIN) continue;
      if (c.ch === '\t') {
        const col = line.length - indent;
        for (let k = 0; k < TAB_STOP - (col % TAB_STOP); k++) line.push({ ch: ' ', font: 0 });
      } else line.push(c.ch === NBSP ? { ch: ' ', font: c.font } : c);
    }
    this.lines.push(line);
    this.noSpace = false;
  }
}
