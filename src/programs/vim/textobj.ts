// Text objects after an operator or in Visual mode (":help text-objects"): iw aw iW aW,
// quoted strings i" a" i' a' i` a`, blocks i( a( ib i{ a{ iB i[ a[ i< a<, paragraphs ip ap.
import type { TextBuffer } from './buffer';
import type { Target } from './motions';
import { charClass, isBlank, type Pos } from './text';

/** A text object: `kind` is the key after i or a; `inner` for i. */
export function textObject(buf: TextBuffer, at: Pos, kind: string, inner: boolean, count: number): Target | undefined {
  switch (kind) {
    case 'w': case 'W': return word(buf, at, count, !inner, kind === 'W');
    case '"': case "'": case '`': return quote(buf, at, kind, inner);
    case '(': case ')': case 'b': return block(buf, at, '(', ')', inner, count);
    case '{': case '}': case 'B': return block(buf, at, '{', '}', inner, count);
    case '[': case ']': return block(buf, at, '[', ']', inner, count);
    case '<': case '>': return block(buf, at, '<', '>', inner, count);
    case 'p': return para(buf, at, !inner, count);
    default: return undefined;
  }
}

function word(buf: TextBuffer, at: Pos, count: number, around: boolean, big: boolean): Target | undefined {
  const text = buf.line(at.line);
  if (text === '') return { start: { line: at.line, col: 0 }, pos: { line: at.line, col: 0 }, inclusive: false };
  const cls = (i: number): number => charClass(text[i], big);
  const col = Math.min(at.col, text.length - 1);
  let start = col;
  const c0 = cls(col);
  while (start > 0 && cls(start - 1) === c0) start--;
  let end = col;
  const runEnd = (i: number): number => {
    const c = cls(i);
    let e = i;
    while (e + 1 < text.length && cls(e + 1) === c) e++;
    return e;
  };
  end = runEnd(col);
  if (around) {
    if (c0 !== 0) {
      if (end + 1 < text.length && cls(end + 1) === 0) end = runEnd(end + 1);
      else while (start > 0 && cls(start - 1) === 0) start--;
    } else if (end + 1 < text.length) end = runEnd(end + 1);
  }
  for (let n = 1; n < count && end + 1 < text.length; n++) {
    end = runEnd(end + 1);
    if (around && cls(end) === 0 && end + 1 < text.length) end = runEnd(end + 1);
  }
  return { start: { line: at.line, col: start }, pos: { line: at.line, col: end }, inclusive: true };
}

/** textobject.c current_quote(): which quotes enclose the cursor, as vim pairs them. */
function quote(buf: TextBuffer, at: Pos, q: string, inner: boolean): Target | undefined {
  const text = buf.line(at.line);
  const escaped = (i: number): boolean => {
    let n = 0;
    for (let j = i - 1; j >= 0 && text[j] === '\\'; j--) n++;
    return n % 2 === 1;
  };
  const next = (from: number): number => {
    for (let i = from; i < text.length; i++) if (text[i] === q && !escaped(i)) return i;
    return -1;
  };
  const prev = (from: number): number => {
    for (let i = from; i >= 0; i--) if (text[i] === q && !escaped(i)) return i;
    return -1;
  };
  const col = Math.min(at.col, Math.max(0, text.length - 1));
  let open: number;
  let close: number;
  if (text[col] === q) {
    // on a quote: pair the quotes from the start of the line to know which one it is
    close = 0;
    for (;;) {
      open = next(close);
      if (open < 0 || open > col) return undefined;
      close = next(open + 1);
      if (close < 0) return undefined;
      if (open <= col && col <= close) break;
      close++;
    }
  } else {
    open = prev(col);
    if (open < 0) {
      open = next(col);
      if (open < 0) return undefined;
    }
    close = next(open + 1);
    if (close < 0) return undefined;
  }
  if (inner) {
    if (close === open + 1) return { start: { line: at.line, col: close }, pos: { line: at.line, col: close }, inclusive: false };
    return { start: { line: at.line, col: open + 1 }, pos: { line: at.line, col: close - 1 }, inclusive: true };
  }
  let s = open;
  let e = close;
  if (isBlank(text[e + 1])) while (isBlank(text[e + 1])) e++;
  else while (s > 0 && isBlank(text[s - 1])) s--;
  return { start: { line: at.line, col: s }, pos: { line: at.line, col: e }, inclusive: true };
}

function block(buf: TextBuffer, at: Pos, open: string, close: string, inner: boolean, count: number): Target | undefined {
  // the count-th enclosing open bracket before (or at) the cursor
  let line = at.line;
  let col = at.col;
  let need = count;
  let depth = 0;
  let start: Pos | undefined;
  const here = buf.line(line)[col];
  if (here === close) col--;
  else if (here === open) {
    need--;
    if (need === 0) start = { line, col };
    else col--;
  }
  for (let guard = 0; !start && guard < 10_000_000; guard++) {
    if (col < 0) {
      line--;
      if (line < 0) return undefined;
      col = buf.line(line).length - 1;
      continue;
    }
    const ch = buf.line(line)[col];
    if (ch === close) depth++;
    else if (ch === open) {
      if (depth === 0) {
        need--;
        if (need === 0) start = { line, col };
      } else depth--;
    }
    col--;
  }
  if (!start) return undefined;
  // its partner
  depth = 0;
  line = start.line;
  col = start.col + 1;
  let end: Pos | undefined;
  for (let guard = 0; guard < 10_000_000; guard++) {
    const t = buf.line(line);
    if (col >= t.length) {
      line++;
      col = 0;
      if (line >= buf.lineCount) return undefined;
      continue;
    }
    const ch = t[col];
    if (ch === open) depth++;
    else if (ch === close) {
      if (depth === 0) {
        end = { line, col };
        break;
      }
      depth--;
    }
    col++;
  }
  if (!end) return undefined;
  if (!inner) return { start, pos: end, inclusive: true };
  let s: Pos = { line: start.line, col: start.col + 1 };
  let e: Pos = { line: end.line, col: end.col };
  // "i{" on a block whose braces sit on their own lines works on the lines between
  if (s.col >= buf.line(s.line).length && end.line > start.line) {
    s = { line: s.line + 1, col: 0 };
    if (/^\s*$/.test(buf.line(end.line).slice(0, end.col)) && e.line > s.line) {
      e = { line: end.line - 1, col: 0 };
      return { start: s, pos: e, linewise: true };
    }
  }
  if (s.line === e.line && s.col >= e.col) return { start: s, pos: s, inclusive: false };
  return { start: s, pos: e, inclusive: false };
}

function para(buf: TextBuffer, at: Pos, around: boolean, count: number): Target {
  const blank = (i: number): boolean => buf.line(i) === '';
  const kind = blank(at.line);
  let s = at.line;
  while (s > 0 && blank(s - 1) === kind) s--;
  let e = at.line;
  const runEnd = (i: number): number => {
    const k = blank(i);
    let j = i;
    while (j + 1 < buf.lineCount && blank(j + 1) === k) j++;
    return j;
  };
  e = runEnd(at.line);
  if (around) {
    if (e + 1 < buf.lineCount) e = runEnd(e + 1);
    else if (!kind) while (s > 0 && blank(s - 1)) s--;
  }
  for (let n = 1; n < count && e + 1 < buf.lineCount; n++) {
    e = runEnd(e + 1);
    if (around && e + 1 < buf.lineCount) e = runEnd(e + 1);
  }
  return { start: { line: s, col: 0 }, pos: { line: e, col: 0 }, linewise: true };
}
