// nano's main loop: draw, read a key, act on it. Keys of the edit window are here; the
// commands that prompt (write out, exit, search, replace, go to line, read file, execute)
// are in commands.ts. A status-bar message stays for 20 keystrokes, as nano's does.
import type { Sys } from '../../shared/sys';
import type { Key, Terminal } from '../pagers/terminal';
import { Buffer } from './buffer';
import type { Importance, Message } from './files';
import { helpText } from './help';
import { HELP_VIEW, MAIN } from './menus';
import { Attr, promptRow, Row, yesNoLines, type Menu } from './rows';
import { columnOf, compose, editRow, pageStart, Painter, statusRow, titleBar, type Bottom } from './view';

export type Answer = 'yes' | 'no' | 'all' | 'cancel';

interface Snapshot {
  lines: string[];
  row: number;
  col: number;
  modified: boolean;
  kind: string;
}

const ARROWS: Record<string, string> = {
  '\x1b[A': 'up', '\x1bOA': 'up', '\x1b[B': 'down', '\x1bOB': 'down', '\x1b[C': 'right', '\x1bOC': 'right',
  '\x1b[D': 'left', '\x1bOD': 'left', '\x1b[H': 'home', '\x1bOH': 'home', '\x1b[1~': 'home', '\x1b[F': 'end',
  '\x1bOF': 'end', '\x1b[4~': 'end', '\x1b[5~': 'pgup', '\x1b[6~': 'pgdn', '\x1b[3~': 'del', '\x1b[2~': 'ins',
  '\x1b[1;5H': 'first', '\x1b[1;5F': 'last',
};

export class Editor {
  top = 0;
  message: Message | undefined;
  private countdown = 0;
  private readonly painter: Painter;
  private undos: Snapshot[] = [];
  private redos: Snapshot[] = [];
  private lastKind = '';

  constructor(
    readonly sys: Sys,
    readonly term: Terminal,
    public buf: Buffer,
  ) {
    this.painter = new Painter(term);
  }

  get cols(): number {
    return this.painter.size().cols;
  }

  get rows(): number {
    return this.painter.size().rows;
  }

  /** Rows of the edit window (the screen less the title bar and the three bottom rows). */
  get editRows(): number {
    return Math.max(1, this.rows - 4);
  }

  setMessage(text: string, importance: Importance = 'hush'): void {
    this.message = { text, importance };
    this.countdown = 20;
  }

  /** Keeps the cursor in the edit window: scrolling line by line, or centring after a jump. */
  adjust(center = false): void {
    const n = this.editRows;
    const r = this.buf.row;
    if (r >= this.top && r < this.top + n) return;
    if (center) this.top = Math.max(0, r - Math.floor(n / 2));
    else this.top = r < this.top ? r : r - n + 1;
  }

  /** Draws the screen with `bottom` (default: the message and the main help lines). */
  draw(bottom?: Bottom, cursor?: { row: number; col: number }): void {
    const { cols, rows } = this.painter.size();
    const b = this.buf;
    const edit: Row[] = [];
    let cur = { row: 1, col: 0 };
    for (let i = 0; i < this.editRows; i++) {
      const idx = this.top + i;
      const text = b.lines[idx];
      if (text === undefined) {
        edit.push(new Row(cols));
        continue;
      }
      const column = idx === b.row ? columnOf(text, b.col) : 0;
      const from = idx === b.row ? pageStart(column, cols) : 0;
      edit.push(editRow(cols, text, from));
      if (idx === b.row) cur = { row: 1 + i, col: column - from };
    }
    const status = this.message ? statusRow(cols, this.message.text, this.message.importance === 'ahem' || this.message.importance === 'alert') : undefined;
    const title = titleBar(cols, { path: b.filename || 'New Buffer', modified: b.modified });
    const screen = compose(cols, rows, title, edit, bottom ?? { status, help: MAIN });
    this.painter.paint(screen, cursor ?? cur);
  }

  async key(): Promise<Key> {
    await this.term.flush();
    const k = await this.term.key();
    if (k !== null && typeof k !== 'string' && k.signal === 'winch') this.painter.invalidate();
    return k;
  }

  /** do_prompt: a line of input on the prompt bar; null when cancelled (^C) or at end of input. */
  async prompt(menu: Menu, label: string, initial = ''): Promise<string | null> {
    let answer = initial;
    let x = answer.length;
    for (;;) {
      const { row, col } = promptRow(this.cols, label, answer, x);
      this.draw({ status: row, help: menu }, { row: this.rows - 3, col });
      const k = await this.key();
      if (k === null) return null;
      if (typeof k !== 'string') continue;
      const a = ARROWS[k];
      if (k === '\r') return answer;
      if (k === '\x03') return null;
      if (k === '\x7f' || k === '\b') {
        if (x > 0) {
          answer = answer.slice(0, x - 1) + answer.slice(x);
          x--;
        }
      } else if (a === 'del' || k === '\x04') answer = answer.slice(0, x) + answer.slice(x + 1);
      else if (a === 'left') x = Math.max(0, x - 1);
      else if (a === 'right') x = Math.min(answer.length, x + 1);
      else if (a === 'home' || k === '\x01') x = 0;
      else if (a === 'end' || k === '\x05') x = answer.length;
      else if (k === '\x0b') {
        answer = '';
        x = 0;
      } else if (printable(k)) {
        answer = answer.slice(0, x) + k + answer.slice(x);
        x += k.length;
      }
    }
  }

  /** ask_user: a question on the prompt bar, answered with Y, N (A) or ^C. */
  async ask(question: string, all = false): Promise<Answer> {
    for (;;) {
      const row = new Row(this.cols, Attr.Reverse);
      row.put(0, question.slice(0, this.cols - 1), Attr.Reverse);
      this.draw({ status: row, help: yesNoLines(this.cols, all) }, { row: this.rows - 3, col: Math.min(question.length, this.cols - 1) });
      const k = await this.key();
      if (k === null) return 'cancel';
      if (typeof k !== 'string') continue;
      if (k === 'y' || k === 'Y' || k === '\x19') return 'yes';
      if (k === 'n' || k === 'N' || k === '\x0e' || k === '\x11') return 'no';
      if (all && (k === 'a' || k === 'A' || k === '\x01')) return 'all';
      if (k === '\x03') return 'cancel';
    }
  }

  /** Remembers the buffer before a change, for M-U; typing in a row is one undo step. */
  remember(kind: string): void {
    if (kind === 'addition' && this.lastKind === 'addition') return;
    const b = this.buf;
    this.undos.push({ lines: [...b.lines], row: b.row, col: b.col, modified: b.modified, kind });
    if (this.undos.length > 500) this.undos.shift();
    this.redos = [];
    this.lastKind = kind;
  }

  private restore(from: Snapshot[], to: Snapshot[], verb: string, none: string): void {
    const s = from.pop();
    if (!s) {
      this.setMessage(none, 'ahem');
      return;
    }
    const b = this.buf;
    to.push({ lines: [...b.lines], row: b.row, col: b.col, modified: b.modified, kind: s.kind });
    b.lines = s.lines;
    b.row = s.row;
    b.col = s.col;
    b.want = s.col;
    b.modified = s.modified;
    this.lastKind = '';
    this.adjust(true);
    this.setMessage(`${verb} ${s.kind}`);
  }

  undo(): void {
    this.restore(this.undos, this.redos, 'Undid', 'Nothing to undo');
  }

  redo(): void {
    this.restore(this.redos, this.undos, 'Redid', 'Nothing to redo');
  }

  /** Before each key: the message ages, and anything but typing ends an undo group. */
  beforeKey(k: string): void {
    if (this.countdown > 0 && --this.countdown === 0) this.message = undefined;
    if (!printable(k)) this.lastKind = '';
    // only consecutive ^K cuts gather in the cutbuffer
    if (k !== '\x0b') this.buf.keepCut = false;
  }

  /** The keys of the edit window that move the cursor or change the text; false if not one. */
  editKey(k: string): boolean {
    const b = this.buf;
    const a = ARROWS[k];
    if (printable(k) || k === '\t') {
      this.remember('addition');
      b.insert(k);
    } else if (k === '\r') {
      this.remember('line break');
      b.enter();
    } else if (k === '\x7f' || k === '\b') {
      if (b.row === 0 && b.col === 0) return true;
      this.remember(b.col === 0 ? 'line join' : 'deletion');
      b.backspace();
    } else if (a === 'del' || k === '\x04') {
      if (b.row === b.lines.length - 1 && b.col === b.line.length) return true;
      this.remember(b.col === b.line.length ? 'line join' : 'deletion');
      b.delete();
    } else if (a === 'left') b.left();
    else if (a === 'right') b.right();
    else if (a === 'up' || k === '\x10') b.up();
    else if (a === 'down' || k === '\x0e') b.down();
    else if (a === 'home' || k === '\x01') b.home();
    else if (a === 'end' || k === '\x05') b.end();
    else if (a === 'pgup' || k === '\x19') {
      const n = Math.max(1, this.editRows - 2);
      this.top = Math.max(0, this.top - n);
      b.up(n);
    } else if (a === 'pgdn' || k === '\x16') {
      const n = Math.max(1, this.editRows - 2);
      if (this.top + n < b.lines.length) this.top += n;
      b.down(n);
    } else if (a === 'first' || k === '\x1b\\') b.goto(1);
    else if (a === 'last' || k === '\x1b/') b.goto(b.lines.length, Infinity);
    else return false;
    this.adjust(a === 'first' || a === 'last' || k === '\x1b\\' || k === '\x1b/');
    return true;
  }

  /** ^G: the help viewer, left with ^X (or q, as in nano's viewer). */
  async help(): Promise<void> {
    let top = 0;
    this.painter.invalidate();
    for (;;) {
      const { cols, rows } = this.painter.size();
      const text = helpText(cols);
      const n = Math.max(1, rows - 4);
      top = Math.max(0, Math.min(top, text.length - 1));
      const edit = text.slice(top, top + n).map((l) => editRow(cols, l, 0));
      const title = titleBar(cols, { path: 'Main nano help text', modified: false, help: true });
      this.painter.paint(compose(cols, rows, title, edit, { help: HELP_VIEW }), { row: 1, col: 0 });
      const k = await this.key();
      if (k === null) return;
      if (typeof k !== 'string') continue;
      const a = ARROWS[k];
      if (k === '\x18' || k === 'q' || k === '\x1bOQ') break;
      if (a === 'down' || k === '\x0e') top++;
      else if (a === 'up' || k === '\x10') top--;
      else if (a === 'pgdn' || k === '\x16' || k === ' ') top += Math.max(1, n - 2);
      else if (a === 'pgup' || k === '\x19') top -= Math.max(1, n - 2);
      else if (a === 'home' || k === '\x1b\\') top = 0;
      else if (a === 'end' || k === '\x1b/') top = text.length - n;
      else if (k === '\x0c') this.painter.invalidate();
    }
    this.painter.invalidate();
  }

  invalidate(): void {
    this.painter.invalidate();
  }
}

/** A key that types itself: one character that is not a control character. */
export function printable(k: string): boolean {
  if (k.length === 0 || k.startsWith('\x1b')) return false;
  const c = k.codePointAt(0)!;
  return [...k].length === 1 && c >= 0x20 && c !== 0x7f;
}
