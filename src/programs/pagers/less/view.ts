// The screen of less: a position in the text (a line and a row within it, since long lines
// wrap), movement by rows, and painting rows, tildes past the end, and the prompt.
import type { SafeRegExp } from '../../lib/safe-regex';
import type { Terminal } from '../terminal';
import type { LessOptions } from './options';
import { evalPrompt, PROTOS, type PromptInfo } from './prompt';
import { drawRow, lineRows, matchMarks, type Row } from './render';
import type { Source } from './source';

export interface Pos {
  line: number;
  sub: number;
}

interface ScreenRow {
  row: Row;
  line: number;
}

export class View {
  top: Pos = { line: 0, sub: 0 };
  cols: number;
  rows: number;
  shift = 0;
  pattern: SafeRegExp | undefined;
  hilite = true;
  /** Shown instead of the prompt until the next key. */
  message: string | undefined;
  /** What the bottom line shows while a command is typed (`/pat`, `:12`). */
  input: string | undefined;
  newFile = true;
  fileIndex = 0;
  fileCount = 1;
  nextFile: string | undefined;
  promptProto: string | undefined;
  private cache = new Map<number, Row[]>();
  private painted = false;
  private lastTop: Pos | undefined;

  constructor(
    readonly term: Terminal,
    public src: Source,
    readonly o: LessOptions,
    readonly stop: () => boolean,
  ) {
    const size = term.size();
    this.cols = size.cols;
    this.rows = size.rows;
  }

  get page(): number {
    return Math.max(1, this.rows - 1);
  }

  /** Forgets the wrapped rows (after a resize or an option change). */
  reflow(): void {
    this.cache.clear();
    const size = this.term.size();
    this.cols = size.cols;
    this.rows = size.rows;
    this.top = { line: this.top.line, sub: Math.min(this.top.sub, this.rowsOf(this.top.line).length - 1) };
    this.top.sub = Math.max(0, this.top.sub);
    this.lastTop = undefined;
  }

  setSource(src: Source): void {
    this.src = src;
    this.cache.clear();
    this.top = { line: 0, sub: 0 };
    this.newFile = true;
    this.lastTop = undefined;
  }

  rowsOf(line: number): Row[] {
    let rows = this.cache.get(line);
    if (rows) return rows;
    const text = this.src.lines[line] ?? '';
    // -s: a blank line right after another blank line takes no room
    const squeezed = this.o.squeeze && text === '' && line > 0 && this.src.lines[line - 1] === '';
    rows = squeezed ? [] : lineRows(text, line + 1, { raw: this.o.raw, tabs: this.o.tabs, chop: this.o.chop, shift: this.shift, lineNumbers: this.o.lineNumbers, cols: this.cols });
    this.cache.set(line, rows);
    return rows;
  }

  /** Up to `n` screen rows from `from`, reading input as needed. */
  async collect(from: Pos, n: number): Promise<ScreenRow[]> {
    const out: ScreenRow[] = [];
    let { line, sub } = from;
    while (out.length < n) {
      await this.src.ensure(line, this.stop);
      if (line >= this.src.lines.length) break;
      const rows = this.rowsOf(line);
      for (; sub < rows.length && out.length < n; sub++) out.push({ row: rows[sub]!, line });
      line++;
      sub = 0;
    }
    return out;
  }

  /** The position `n` rows after `from`, or the last row's position when the text ends first. */
  async advance(from: Pos, n: number): Promise<Pos> {
    let { line, sub } = from;
    for (let left = n; left > 0; ) {
      await this.src.ensure(line + 1, this.stop);
      const rows = this.rowsOf(line).length;
      if (sub + 1 < rows) {
        sub++;
        left--;
        continue;
      }
      if (line + 1 >= this.src.lines.length) break;
      line++;
      sub = 0;
      if (this.rowsOf(line).length > 0) left--;
    }
    return { line, sub };
  }

  /** The position `n` rows before `from` (never before the start). */
  back(from: Pos, n: number): Pos {
    let { line, sub } = from;
    for (let left = n; left > 0; ) {
      if (sub > 0) {
        sub--;
        left--;
        continue;
      }
      if (line === 0) break;
      line--;
      const rows = this.rowsOf(line).length;
      if (rows === 0) continue;
      sub = rows - 1;
      left--;
    }
    return { line, sub };
  }

  /** Rows from `top` to the end of the text, counting at most `limit`. */
  async rowsLeft(limit: number): Promise<number> {
    return (await this.collect(this.top, limit)).length;
  }

  /** Scrolls forward; returns false when the end was already on the screen. */
  async forward(n: number): Promise<boolean> {
    const left = await this.rowsLeft(this.page + n);
    if (left <= this.page) return false;
    this.top = await this.advance(this.top, Math.min(n, left - this.page));
    return true;
  }

  backward(n: number): void {
    this.top = this.back(this.top, n);
  }

  async goLine(n: number): Promise<void> {
    await this.src.ensure(n - 1, this.stop);
    if (n - 1 >= this.src.lines.length) return this.goEnd();
    this.top = { line: Math.max(0, n - 1), sub: 0 };
  }

  async goEnd(): Promise<void> {
    await this.src.readAll(this.stop);
    const last = this.src.lines.length;
    this.top = this.back({ line: last, sub: 0 }, this.page);
  }

  async goPercent(p: number): Promise<void> {
    await this.src.readAll(this.stop);
    const line = Math.floor((Math.min(100, p) * this.src.lines.length) / 100);
    this.top = { line: Math.min(line, Math.max(0, this.src.lines.length - 1)), sub: 0 };
  }

  /** Whether the screen from `top` reaches the end of the text. */
  async atEnd(): Promise<boolean> {
    const shown = await this.collect(this.top, this.page + 1);
    return shown.length <= this.page && this.src.eof;
  }

  async promptInfo(shown: ScreenRow[]): Promise<PromptInfo> {
    const last = shown.at(-1)?.line ?? this.top.line;
    return {
      file: this.src.name,
      index: this.fileIndex,
      count: this.fileCount,
      next: this.nextFile,
      topLine: this.top.line + 1,
      bottomLine: last + 1,
      lines: this.src.eof ? this.src.lines.length : undefined,
      bottomByte: this.src.ends[last] ?? 0,
      size: this.src.size,
      eof: await this.atEnd(),
      newFile: this.newFile,
    };
  }

  async promptText(shown: ScreenRow[]): Promise<string> {
    if (this.input !== undefined) return this.input;
    const proto = this.promptProto ?? this.o.prompts[this.o.style] ?? PROTOS[this.o.style];
    return evalPrompt(proto, await this.promptInfo(shown));
  }

  /** Draws the screen: rows from the top, then tildes (or nothing for a short text), then the prompt. */
  async paint(): Promise<void> {
    const t = this.term;
    const shown = await this.collect(this.top, this.page);
    const short = this.top.line === 0 && this.top.sub === 0 && shown.length < this.page;
    const prompt = await this.promptText(shown);
    let from = 0;
    if (this.o.noInit && this.painted && this.lastTop && !short) {
      // without the alternate screen, scrolling forward prints only the new rows
      const gained = this.lastTop ? await this.distance(this.lastTop, this.top) : -1;
      t.write('\r\x1b[K');
      if (gained >= 0 && gained <= this.page) from = shown.length - gained;
      else t.write('\x1b[H\x1b[2J');
    } else if (!this.o.noInit || this.painted) {
      t.write('\x1b[H');
    }
    for (let r = Math.max(0, from); r < shown.length; r++) {
      const s = shown[r]!;
      const marks = this.hilite ? matchMarks(this.rowsOf(s.line), this.pattern) : undefined;
      const idx = this.rowsOf(s.line).indexOf(s.row);
      // a row that fills the width leaves the cursor on its last cell: erasing there would cut it
      const full = s.row.prefix.length + s.row.cells.length >= this.cols;
      t.write(`${drawRow(s.row, marks?.[idx])}${full ? '' : '\x1b[K'}\r\n`);
    }
    if (!short) for (let r = shown.length; r < this.page; r++) t.write(`${this.o.tilde ? '~' : ''}\x1b[K\r\n`);
    // the bottom line never wraps: a long prompt is cut at the screen's width
    const text = (this.message ?? prompt).slice(0, Math.max(1, this.cols - 1));
    if (this.message === undefined && this.input !== undefined) t.write(`${text}\x1b[K`);
    else if (text === '') t.write(':\x1b[K');
    else t.write(`\x1b[7m${text}\x1b[27m\x1b[K`);
    if (short) t.write('\x1b[J');
    this.painted = true;
    this.lastTop = { ...this.top };
    this.newFile = false;
  }

  /** Rows from `a` forward to `b`, or -1 when `b` is before `a` or far away. */
  private async distance(a: Pos, b: Pos): Promise<number> {
    if (b.line < a.line || (b.line === a.line && b.sub < a.sub)) return -1;
    let n = 0;
    let p = a;
    while ((p.line !== b.line || p.sub !== b.sub) && n <= this.page) {
      const next = await this.advance(p, 1);
      if (next.line === p.line && next.sub === p.sub) return -1;
      p = next;
      n++;
    }
    return n <= this.page ? n : -1;
  }
}
