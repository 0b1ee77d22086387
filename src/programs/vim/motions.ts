// Cursor motions as vim computes them (search.c/textobject.c): words (w b e ge and the
// WORD forms) walk a cursor that can also stand on the end of a line; f F t T ; , within
// the line; % to the matching bracket; { } over paragraphs. Each returns where the motion
// ends and whether it is inclusive, or undefined when it cannot move (vim beeps).
import type { TextBuffer } from './buffer';
import { charClass, type Pos } from './text';

export interface Target {
  pos: Pos;
  linewise?: boolean;
  inclusive?: boolean;
  /** j, k and friends keep the wanted column. */
  keepWant?: boolean;
  /** $ wants the end of every line it moves to. */
  wantEnd?: boolean;
  /** A jump (G, /, %, {): sets the previous-context mark. */
  jump?: boolean;
  /** Where the range starts when it is not the cursor (text objects). */
  start?: Pos;
  /** fwd_word()/end_word() stopped early: an error without an operator. */
  failed?: boolean;
}

/** A cursor that, like vim's inc()/dec(), may rest on the end of a line. */
class Walker {
  constructor(
    private readonly buf: TextBuffer,
    public line: number,
    public col: number,
    private readonly big: boolean,
  ) {}

  get pos(): Pos {
    return { line: this.line, col: this.col };
  }

  cls(): number {
    return charClass(this.buf.line(this.line)[this.col], this.big);
  }

  lineEmpty(): boolean {
    return this.buf.line(this.line).length === 0;
  }

  /** 0: moved within the line, 2: onto the line's end, 1: to the next line, -1: at the end. */
  inc(): number {
    const text = this.buf.line(this.line);
    if (this.col < text.length) {
      this.col++;
      return this.col < text.length ? 0 : 2;
    }
    if (this.line < this.buf.lineCount - 1) {
      this.line++;
      this.col = 0;
      return 1;
    }
    return -1;
  }

  /** 0: moved within the line, 1: to the end of the previous line, -1: at the start. */
  dec(): number {
    if (this.col > 0) {
      this.col--;
      return 0;
    }
    if (this.line > 0) {
      this.line--;
      this.col = this.buf.line(this.line).length;
      return 1;
    }
    return -1;
  }

  skip(cls: number, forward: boolean): boolean {
    while (this.cls() === cls) if ((forward ? this.inc() : this.dec()) === -1) return true;
    return false;
  }
}

/** w / W: `eol` (with an operator) stops at the end of the line for the last word. */
export function fwdWord(buf: TextBuffer, from: Pos, count: number, big: boolean, eol: boolean): { pos: Pos; ok: boolean } {
  const w = new Walker(buf, from.line, from.col, big);
  for (let n = count - 1; n >= 0; n--) {
    const sclass = w.cls();
    const lastLine = w.line === buf.lineCount - 1;
    let i = w.inc();
    if (i === -1 || (i >= 1 && lastLine)) return { pos: w.pos, ok: false };
    if (i >= 1 && eol && n === 0) return { pos: w.pos, ok: true };
    if (sclass !== 0) {
      while (w.cls() === sclass) {
        i = w.inc();
        if (i === -1 || (i >= 1 && eol && n === 0)) return { pos: w.pos, ok: true };
      }
    }
    while (w.cls() === 0) {
      if (w.col === 0 && w.lineEmpty()) break;
      i = w.inc();
      if (i === -1 || (i >= 1 && eol && n === 0)) return { pos: w.pos, ok: true };
    }
  }
  return { pos: w.pos, ok: true };
}

/** b / B */
export function bckWord(buf: TextBuffer, from: Pos, count: number, big: boolean, stop: boolean): Pos | undefined {
  const w = new Walker(buf, from.line, from.col, big);
  for (let n = count - 1; n >= 0; n--) {
    const sclass = w.cls();
    if (w.dec() === -1) return undefined;
    let done = false;
    if (!stop || sclass === w.cls() || sclass === 0) {
      while (w.cls() === 0) {
        if (w.col === 0 && w.lineEmpty()) {
          done = true;
          break;
        }
        if (w.dec() === -1) return w.pos;
      }
      if (!done && w.skip(w.cls(), false)) return w.pos;
    }
    if (!done) w.inc();
    stop = false;
  }
  return w.pos;
}

/** e / E (`stop`: the cw case, which must not move past the current word's end). */
export function endWord(buf: TextBuffer, from: Pos, count: number, big: boolean, stop: boolean, empty: boolean): Pos | undefined {
  const w = new Walker(buf, from.line, from.col, big);
  for (let n = count - 1; n >= 0; n--) {
    const sclass = w.cls();
    if (w.inc() === -1) return undefined;
    let finished = false;
    if (w.cls() === sclass && sclass !== 0) {
      if (w.skip(sclass, true)) return undefined;
    } else if (!stop || sclass === 0) {
      while (w.cls() === 0) {
        if (w.col === 0 && w.lineEmpty() && empty) {
          finished = true;
          break;
        }
        if (w.inc() === -1) return undefined;
      }
      if (!finished && w.skip(w.cls(), true)) return undefined;
    }
    if (!finished) w.dec();
    stop = false;
  }
  return w.pos;
}

/** ge / gE */
export function bckEndWord(buf: TextBuffer, from: Pos, count: number, big: boolean): Pos | undefined {
  const w = new Walker(buf, from.line, from.col, big);
  for (let n = count - 1; n >= 0; n--) {
    const sclass = w.cls();
    if (w.dec() === -1) return undefined;
    if (sclass !== 0) {
      while (w.cls() === sclass) if (w.dec() === -1) return w.pos;
    }
    while (w.cls() === 0) {
      if (w.col === 0 && w.lineEmpty()) break;
      if (w.dec() === -1) return w.pos;
    }
  }
  return w.pos;
}

/** f F t T (and ; , which pass `repeat` so t does not stick in front of the same character). */
export function findChar(text: string, col: number, cmd: string, ch: string, count: number, repeat: boolean): number | undefined {
  const forward = cmd === 'f' || cmd === 't';
  const till = cmd === 't' || cmd === 'T';
  let c = col;
  for (let n = 0; n < count; n++) {
    let start = forward ? c + 1 : c - 1;
    // without ';' in 'cpoptions', repeating t or T skips a match right next to the cursor
    if (till && repeat && n === 0) start = forward ? c + 2 : c - 2;
    const at = forward ? text.indexOf(ch, start) : start >= 0 ? text.lastIndexOf(ch, start) : -1;
    if (at < 0) return undefined;
    c = at;
  }
  return till ? (forward ? c - 1 : c + 1) : c;
}

const PAIRS: Record<string, [string, string, boolean]> = {
  '(': ['(', ')', true], ')': ['(', ')', false], '[': ['[', ']', true], ']': ['[', ']', false],
  '{': ['{', '}', true], '}': ['{', '}', false],
};

/** %: the bracket under or after the cursor on this line, and its partner. */
export function matchPair(buf: TextBuffer, from: Pos): Pos | undefined {
  const text = buf.line(from.line);
  let col = from.col;
  while (col < text.length && !PAIRS[text[col]!]) col++;
  if (col >= text.length) {
    // C comments: /* and */
    return undefined;
  }
  const [open, close, forward] = PAIRS[text[col]!]!;
  let depth = 0;
  let line = from.line;
  let c = col;
  for (let guard = 0; guard < 50_000_000; guard++) {
    const t = buf.line(line);
    const ch = t[c];
    if (ch === open) depth += forward ? 1 : -1;
    else if (ch === close) depth += forward ? -1 : 1;
    if (depth === 0) return { line, col: c };
    if (forward) {
      c++;
      while (c >= buf.line(line).length) {
        line++;
        c = 0;
        if (line >= buf.lineCount) return undefined;
        if (buf.line(line).length) break;
      }
    } else {
      c--;
      while (c < 0) {
        line--;
        if (line < 0) return undefined;
        c = buf.line(line).length - 1;
      }
    }
  }
  return undefined;
}

/** { and }: to the next empty line (or the file's start/end). */
export function paragraph(buf: TextBuffer, from: Pos, count: number, forward: boolean): Target | undefined {
  let curr = from.line;
  const dir = forward ? 1 : -1;
  for (let n = count - 1; n >= 0; n--) {
    let didSkip = false;
    for (let first = true; ; first = false) {
      if (buf.line(curr) !== '') didSkip = true;
      if (!first && didSkip && buf.line(curr) === '') break;
      curr += dir;
      if (curr < 0 || curr >= buf.lineCount) {
        if (n > 0) return undefined;
        curr -= dir;
        break;
      }
    }
  }
  if (curr === buf.lineCount - 1 && forward) {
    const len = buf.line(curr).length;
    if (len) return { pos: { line: curr, col: len - 1 }, inclusive: true, jump: true };
  }
  return { pos: { line: curr, col: 0 }, jump: true };
}
