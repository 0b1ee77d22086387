// The editor's state: one buffer in one window, the cursor and the column it wants to keep,
// the mode, the options, the message on the last line, registers, marks and the last search,
// substitute and change (for n, &, and .). Commands in the other files act on this.
import type { Sys } from '../../shared/sys';
import { TextBuffer } from './buffer';
import { cursorScreen, updateTopline } from './layout';
import { defaultOptions, type Options } from './options';
import { Registers } from './registers';
import { colOfVcol, firstNonBlank, vcolOf, type Pos } from './text';
import type { VimTty } from './tty';

export type Hl = 'Normal' | 'ErrorMsg' | 'WarningMsg' | 'ModeMsg' | 'MoreMsg' | 'Question';
export type Mode = 'normal' | 'insert' | 'replace' | 'visual' | 'vline' | 'vblock';

export interface Message {
  text: string;
  hl: Hl;
  /** A line of :print, :list, :number or :set output: what vim -es writes to standard output (it keeps every other message quiet). */
  printed?: boolean;
}

/** The command line while it is typed: the prompt character and the text. */
export interface CmdlineState {
  prompt: string;
  text: string;
  pos: number;
}

/** message.c trunc_string(): the start and the end of `s` with "..." between, in `room` cells. */
export function truncMiddle(s: string, room: number): string {
  if (s.length <= room || room < 4) return s;
  const inner = room - 3;
  const half = Math.floor(inner / 2);
  return `${s.slice(0, half)}...${s.slice(s.length - (inner - half))}`;
}

export class Editor {
  buf: TextBuffer;
  /** The file name as given (may be relative); undefined for a buffer without a name. */
  name: string | undefined;
  cur: Pos = { line: 0, col: 0 };
  /** The virtual column j and k try to keep; Infinity after `$`. */
  curswant = 0;
  top = 0;
  /** 'scroll': lines CTRL-D and CTRL-U move (0: half the window). */
  scroll = 0;
  cols = 80;
  rows = 24;
  opts: Options = defaultOptions();
  mode: Mode = 'normal';
  msg: Message | undefined;
  /** Output taller than the last line, shown above a hit-enter prompt. */
  pending: { lines: Message[] } | undefined;
  cmdline: CmdlineState | undefined;
  regs = new Registers();
  marks = new Map<string, Pos>();
  visualStart: Pos = { line: 0, col: 0 };
  lastVisual: { start: Pos; end: Pos; mode: Mode } | undefined;
  lastSearch: { pattern: string; forward: boolean } | undefined;
  /** The offset after the last search pattern ("/foo/e"). */
  lastSearchOffset: string | undefined;
  lastSub: { pattern: string; rep: string; flags: string } | undefined;
  lastFind: { cmd: string; char: string } | undefined;
  lastChange: { keys: string; count: number } | undefined;
  lastInsert = '';
  cmdHistory: string[] = [];
  searchHistory: string[] = [];
  /** Show the intro screen (vim with no file) until something is drawn over it. */
  intro = false;
  /** The W10 warning was given for this buffer. */
  warnedReadonly = false;
  /** Set by :q and friends: the status vim exits with. */
  exitCode: number | undefined;
  /** ":noh" hides 'hlsearch' highlighting until the next search. */
  noHighlight = false;
  /** Recording a macro (q{reg}): the keys typed so far. */
  macro: { reg: string; keys: string[] } | undefined;
  lastMacro: string | undefined;
  /** The argument list (the files vim was started with) and which one is edited. */
  args: string[] = [];
  argIdx = 0;
  /** The last file of the list was edited (then :q need not warn about the others). */
  argHadLast = false;
  /** After E173 the next :q within one command line quits anyway. */
  quitMore = 0;
  /** The match :s//c is asking about, drawn highlighted. */
  confirm: { line: number; start: number; end: number } | undefined;
  /** -R or view: every buffer starts 'readonly'. */
  readonlyMode = false;
  /** Restricted (rvim, rview): no shell commands. */
  restricted = false;
  /** Draws the screen (set by the program once the terminal is ready). */
  redraw: () => Promise<void> = async () => {};

  constructor(
    readonly sys: Sys,
    readonly tty: VimTty,
  ) {
    this.buf = new TextBuffer([''], true, () => sys.now());
    const size = tty.size();
    this.cols = size.cols;
    this.rows = size.rows;
  }

  /** Window height: every row but the command line. */
  get height(): number {
    return Math.max(1, this.rows - 1);
  }

  line(i = this.cur.line): string {
    return this.buf.line(i);
  }

  /** A message on the last line, cut in the middle with "..." when it would reach the ruler ('T' in 'shortmess'). */
  message(text: string, hl: Hl = 'Normal'): void {
    this.msg = { text: truncMiddle(text, this.cols - 19), hl };
  }

  /** An error message; one that runs into the ruler's column needs the hit-enter prompt. */
  error(text: string): void {
    if (text.length >= this.cols - 18 || this.pending) this.output([{ text, hl: 'ErrorMsg' }]);
    else this.msg = { text, hl: 'ErrorMsg' };
  }

  /** An error message is showing (so a failed command need not beep as well). */
  hasError(): boolean {
    return this.msg?.hl === 'ErrorMsg';
  }

  beep(): void {
    this.tty.write('\x07');
  }

  /** Output of several lines (":g/x/p", ":reg"): shown with "Press ENTER". */
  output(lines: Message[]): void {
    this.pending = { lines: [...(this.pending?.lines ?? []), ...lines] };
  }

  /** Moves to `line`; `sol` puts the cursor on the first non-blank, else at the wanted column. */
  moveToLine(line: number, sol: boolean): void {
    this.cur.line = Math.max(0, Math.min(line, this.buf.lineCount - 1));
    if (sol && this.opts.startofline) this.toFirstNonBlank();
    else this.cur.col = this.colForWant();
  }

  toFirstNonBlank(): void {
    const text = this.line();
    this.cur.col = Math.min(firstNonBlank(text), Math.max(0, text.length - 1));
    this.updateWant();
  }

  private colForWant(): number {
    const text = this.line();
    const insert = this.mode === 'insert' || this.mode === 'replace';
    if (this.curswant === Infinity) return insert ? text.length : Math.max(0, text.length - 1);
    return colOfVcol(text, this.curswant, this.opts.tabstop, insert);
  }

  /** Remembers the cursor's screen column as the one to keep on j and k. */
  updateWant(): void {
    const v = vcolOf(this.line(), this.cur.col, this.opts.tabstop);
    this.curswant = this.line()[this.cur.col] === '\t' && this.mode !== 'insert' ? v.end : v.start;
  }

  setCursor(p: Pos, want = true): void {
    this.cur = { line: p.line, col: p.col };
    this.clamp();
    if (want) this.updateWant();
  }

  /** Keeps the cursor on the text: in Normal mode not past the last character. */
  clamp(): void {
    const n = this.buf.lineCount;
    this.cur.line = Math.max(0, Math.min(this.cur.line, n - 1));
    const len = this.line().length;
    const max = this.mode === 'insert' || this.mode === 'replace' || this.mode === 'visual' || this.mode === 'vblock' ? len : Math.max(0, len - 1);
    this.cur.col = Math.max(0, Math.min(this.cur.col, max));
  }

  /** Before the first change to a read-only buffer: vim's W10 warning. */
  changeWarning(): void {
    if (this.opts.readonly && !this.warnedReadonly) {
      this.warnedReadonly = true;
      this.message('W10: Warning: Changing a readonly file', 'WarningMsg');
    }
  }

  /** Keeps the cursor in the window, scrolling as vim does. */
  scrollToCursor(): void {
    this.clamp();
    updateTopline(this);
  }

  cursorOnScreen(): { row: number; col: number } {
    return cursorScreen(this);
  }

  /** Sets a mark; `'` is the previous-context mark that jumps (G, /, n, %) set. */
  setMark(name: string, p: Pos = this.cur): void {
    this.marks.set(name, { line: p.line, col: p.col });
  }

  /** The next key, drawing the screen first unless more keys are already waiting. */
  async key(timeout?: number): Promise<string | undefined> {
    if (!this.tty.hasPending()) await this.redraw();
    return this.tty.key(timeout);
  }

  /** The next key, never timing out. */
  async nextKey(): Promise<string> {
    return (await this.key()) ?? '';
  }

  /** Yields to the machine during long work; true once Ctrl-C was pressed. */
  async pace(): Promise<boolean> {
    await this.sys.tick();
    return this.tty.takeInterrupt();
  }
}
