// The text being edited: an array of lines and the undo history. Every change goes through
// replace(), which records the lines it replaced, so an undo step is a list of small
// (at, old, new) records rather than a copy of the file: a 10 MB file costs nothing extra
// to undo one `x`. A step spans one normal-mode command (an insert is one step), as in vim.
import type { Pos } from './text';

interface Change {
  at: number;
  old: string[];
  new: string[];
  /** The buffer had no lines at all (vim's ML_EMPTY) before / after this change. */
  wasEmpty: boolean;
  isEmpty: boolean;
}

export interface Step {
  changes: Change[];
  before: Pos;
  seq: number;
  /** When the step was made (ms on the machine's clock), for "N seconds ago". */
  time: number;
}

export interface UndoResult {
  /** Lines added (positive) or removed (negative), or 0 with `changes` lines changed. */
  delta: number;
  changes: number;
  seq: number;
  time: number;
  cursor: Pos;
}

export class TextBuffer {
  lines: string[];
  /** A buffer with no lines (a new file, or every line deleted) still shows one empty line. */
  empty: boolean;
  private undoList: Step[] = [];
  private redoList: Step[] = [];
  private open: Step | undefined;
  private seqLast = 0;
  /** The change number the text on disk matches (-1: none does). */
  private savedSeq = 0;
  private curSeq = 0;
  forceModified = false;
  /** Bumped on every change; lets the screen know when to recompute. */
  tick = 0;
  /** Told about every replace (":g" keeps its line marks in step with the text). */
  onReplace: ((at: number, count: number, added: number) => void) | undefined;
  /** Cursor to restore when the next change opens a step. */
  pendingCursor: Pos = { line: 0, col: 0 };

  constructor(lines: string[], empty = false, private readonly now: () => number = () => 0) {
    this.lines = lines.length ? lines : [''];
    this.empty = empty || lines.length === 0;
  }

  get lineCount(): number {
    return this.lines.length;
  }

  line(i: number): string {
    return this.lines[i] ?? '';
  }

  get modified(): boolean {
    return this.forceModified || this.curSeq !== this.savedSeq;
  }

  markSaved(): void {
    this.savedSeq = this.curSeq;
    this.forceModified = false;
  }

  /** Ends the current undo step: the next change starts a new one. */
  sync(cursor: Pos): void {
    this.open = undefined;
    this.pendingCursor = { ...cursor };
  }

  /** Replaces `count` lines at `at` with `lines`; the one primitive every edit uses. */
  replace(at: number, count: number, lines: string[]): void {
    const wasEmpty = this.empty;
    const old = this.lines.slice(at, at + count);
    this.onReplace?.(at, old.length, lines.length);
    spliceLines(this.lines, at, count, lines);
    if (this.lines.length === 0) {
      this.lines.push('');
      this.empty = true;
    } else this.empty = false;
    this.record({ at, old, new: this.empty ? [] : lines.slice(), wasEmpty, isEmpty: this.empty });
  }

  setLine(i: number, text: string): void {
    if (this.lines[i] === text && !this.empty) return;
    this.replace(i, 1, [text]);
  }

  /** Marks the buffer as having no lines (":%d", "dd" on the last line). */
  clearAll(): void {
    this.replace(0, this.lines.length, []);
  }

  private record(c: Change): void {
    this.tick++;
    if (!this.open) {
      this.open = { changes: [], before: this.pendingCursor, seq: ++this.seqLast, time: this.now() };
      this.undoList.push(this.open);
      this.redoList = [];
      this.curSeq = this.open.seq;
      if (this.undoList.length > 1000) this.undoList.shift();
    }
    // an empty buffer "replaced" by text: the old side is no lines at all
    if (c.wasEmpty && c.old.length === 1 && c.old[0] === '') c.old = [];
    // a line changed again within one step (typing in Insert mode) is saved once, as vim does
    const last = this.open.changes.at(-1);
    if (last && c.old.length === 1 && c.new.length === 1 && !c.wasEmpty && c.at >= last.at && c.at < last.at + last.new.length) {
      last.new[c.at - last.at] = c.new[0]!;
      last.isEmpty = c.isEmpty;
      return;
    }
    this.open.changes.push(c);
  }

  undo(): UndoResult | undefined {
    this.open = undefined;
    const step = this.undoList.pop();
    if (!step) return undefined;
    let delta = 0;
    let changed = 0;
    let top = Infinity;
    for (let i = step.changes.length - 1; i >= 0; i--) {
      const c = step.changes[i]!;
      this.apply(c.at, c.new.length, c.old, c.wasEmpty);
      delta += c.old.length - c.new.length;
      changed += c.old.length;
      top = Math.min(top, c.at);
    }
    this.redoList.push(step);
    this.curSeq = this.undoList.at(-1)?.seq ?? 0;
    this.tick++;
    return { delta, changes: changed, seq: step.seq, time: step.time, cursor: this.cursorAfter(step, top) };
  }

  redo(): UndoResult | undefined {
    this.open = undefined;
    const step = this.redoList.pop();
    if (!step) return undefined;
    let delta = 0;
    let changed = 0;
    let top = Infinity;
    for (const c of step.changes) {
      this.apply(c.at, c.old.length, c.new, c.isEmpty);
      delta += c.new.length - c.old.length;
      changed += c.new.length;
      top = Math.min(top, c.at);
    }
    this.undoList.push(step);
    this.curSeq = step.seq;
    this.tick++;
    return { delta, changes: changed, seq: step.seq, time: step.time, cursor: this.cursorAfter(step, top) };
  }

  /**
   * u_undoredo(): the cursor goes to the first changed line; one line below where the change
   * started counts as that line (for "o"); on that line the old column is kept, elsewhere
   * col is -1 (the first non-blank).
   */
  private cursorAfter(step: Step, top: number): Pos {
    let line = top === Infinity ? step.before.line : top;
    if (step.before.line + 1 === line && line > 0) line--;
    line = Math.min(line, this.lines.length - 1);
    return step.before.line === line ? { line, col: step.before.col } : { line, col: -1 };
  }

  private apply(at: number, count: number, lines: string[], empty: boolean): void {
    const cur = this.empty ? 0 : count;
    if (this.empty) this.lines = [];
    spliceLines(this.lines, at, cur, lines);
    if (this.lines.length === 0) this.lines.push('');
    this.empty = empty;
  }

  /** The text as written to a file: every line ended by a newline (none when empty). */
  text(from = 0, to = this.lines.length - 1): string {
    if (this.empty) return '';
    return this.lines.slice(from, to + 1).join('\n') + '\n';
  }
}

/** splice() without spreading huge arrays as arguments (which overflows the stack). */
function spliceLines(arr: string[], at: number, count: number, lines: string[]): void {
  if (count === lines.length) {
    for (let i = 0; i < count; i++) arr[at + i] = lines[i]!;
    return;
  }
  if (lines.length < 10000) {
    arr.splice(at, count, ...lines);
    return;
  }
  const tail = arr.splice(at + count);
  arr.length = at;
  for (const l of lines) arr.push(l);
  for (const l of tail) arr.push(l);
}
