// Operators on a range of text (ops.c): delete, yank, change (the deleting half), shift,
// case changes, join and put, with vim's registers, cursor placement and report messages
// ("3 fewer lines", "4 lines yanked", "3 lines >ed 1 time").
import type { Editor } from './editor';
import type { Target } from './motions';
import type { Register } from './registers';
import { putBlock } from './visual-block';
import { cmpPos, firstNonBlank, vcolOf, type Pos } from './text';

export interface OpRange {
  start: Pos;
  end: Pos;
  linewise: boolean;
  /** For a charwise range: whether `end` itself is included. */
  inclusive: boolean;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** The range from the cursor to a motion's target, with vim's "exclusive" adjustments. */
export function rangeOf(ed: Editor, t: Target, visual = false): OpRange {
  let start = t.start ?? { ...ed.cur };
  let end = { ...t.pos };
  if (cmpPos(end, start) < 0) [start, end] = [end, start];
  const r: OpRange = { start, end, linewise: !!t.linewise, inclusive: !!t.inclusive };
  // ":help exclusive": an exclusive motion ending in column 0 of a later line stops at the
  // end of the line before; from at or before the first non-blank it becomes linewise
  if (!r.linewise && !r.inclusive && !visual && r.end.col === 0 && r.end.line > r.start.line) {
    r.end.line--;
    if (firstNonBlank(ed.line(r.start.line)) >= r.start.col) r.linewise = true;
    else {
      const len = ed.line(r.end.line).length;
      r.end.col = len ? len - 1 : 0;
      r.inclusive = len > 0;
    }
  }
  return r;
}

/** The text of a range, as register lines. */
export function rangeText(ed: Editor, r: OpRange): Register {
  if (r.linewise) return { lines: ed.buf.lines.slice(r.start.line, r.end.line + 1), linewise: true };
  const endCol = r.end.col + (r.inclusive ? 1 : 0);
  if (r.start.line === r.end.line) return { lines: [ed.line(r.start.line).slice(r.start.col, endCol)], linewise: false };
  const lines = [ed.line(r.start.line).slice(r.start.col)];
  for (let i = r.start.line + 1; i < r.end.line; i++) lines.push(ed.line(i));
  lines.push(ed.line(r.end.line).slice(0, endCol));
  return { lines, linewise: false };
}

/** vim's msgmore(): "N more lines" / "N fewer lines" past 'report'. */
export function reportLines(ed: Editor, delta: number): void {
  const n = Math.abs(delta);
  if (n <= ed.opts.report) return;
  ed.message(delta > 0 ? plural(n, 'more line', 'more lines') : n === 1 ? '1 line less' : `${n} fewer lines`);
}

export function opDelete(ed: Editor, r: OpRange, reg: string | undefined, change = false, visual = false): void {
  const before = ed.buf.lineCount;
  // a charwise delete over several lines from the indent to the end becomes linewise
  if (!r.linewise && !change && !visual && r.end.line > r.start.line) {
    const rest = ed.line(r.end.line).slice(r.end.col + (r.inclusive ? 1 : 0));
    if (/^\s*$/.test(rest) && firstNonBlank(ed.line(r.start.line)) >= r.start.col) r.linewise = true;
  }
  if (!(r.linewise || r.end.line > r.start.line) && !r.inclusive && cmpPos(r.start, r.end) === 0) return;
  ed.changeWarning();
  ed.regs.put(reg, rangeText(ed, r), 'delete');
  if (r.linewise) {
    if (change) {
      const indent = ed.opts.autoindent ? ed.line(r.start.line).slice(0, firstNonBlank(ed.line(r.start.line))) : '';
      ed.buf.replace(r.start.line, r.end.line - r.start.line + 1, [indent]);
      ed.cur = { line: r.start.line, col: indent.length };
      return;
    }
    const all = r.start.line === 0 && r.end.line === ed.buf.lineCount - 1;
    if (all) ed.buf.clearAll();
    else ed.buf.replace(r.start.line, r.end.line - r.start.line + 1, []);
    ed.cur = { line: Math.min(r.start.line, ed.buf.lineCount - 1), col: 0 };
    ed.toFirstNonBlank();
    if (all) ed.message('--No lines in buffer--');
    else reportLines(ed, ed.buf.lineCount - before);
    return;
  }
  const endCol = r.end.col + (r.inclusive ? 1 : 0);
  const head = ed.line(r.start.line).slice(0, r.start.col);
  const tail = ed.line(r.end.line).slice(endCol);
  ed.buf.replace(r.start.line, r.end.line - r.start.line + 1, [head + tail]);
  ed.cur = { ...r.start };
  if (!change) ed.clamp();
  ed.updateWant();
  reportLines(ed, ed.buf.lineCount - before);
}

export function opYank(ed: Editor, r: OpRange, reg: string | undefined, moveCursor = true): void {
  const text = rangeText(ed, r);
  ed.regs.put(reg, text, 'yank');
  const lines = r.linewise || r.end.line > r.start.line ? r.end.line - r.start.line + 1 : 0;
  if (lines > ed.opts.report) ed.message(`${plural(lines, 'line yanked', 'lines yanked')}${reg && reg !== '"' ? ` into "${reg}` : ''}`);
  if (moveCursor) {
    ed.cur = { ...r.start };
    ed.clamp();
    ed.updateWant();
  }
}

/** The indent of a line as a width in columns. */
function indentWidth(text: string, ts: number): number {
  return vcolOf(text, firstNonBlank(text), ts).start;
}

/** An indent of `width` columns: tabs and spaces, or only spaces with 'expandtab'. */
export function makeIndent(width: number, ts: number, expand: boolean): string {
  if (expand) return ' '.repeat(width);
  return '\t'.repeat(Math.floor(width / ts)) + ' '.repeat(width % ts);
}

export function opShift(ed: Editor, r: OpRange, right: boolean, amount: number): void {
  ed.changeWarning();
  const sw = ed.opts.shiftwidth || ed.opts.tabstop;
  const ts = ed.opts.tabstop;
  for (let i = r.start.line; i <= r.end.line; i++) {
    const text = ed.line(i);
    if (text === '' && right) continue;
    const cur = indentWidth(text, ts);
    let next = right ? cur + sw * amount : Math.max(0, cur - sw * amount);
    if (ed.opts.shiftround) next = right ? Math.floor(cur / sw) * sw + sw * amount : Math.max(0, Math.ceil(cur / sw) * sw - sw * amount);
    ed.buf.setLine(i, makeIndent(next, ts, ed.opts.expandtab) + text.slice(firstNonBlank(text)));
  }
  ed.cur = { line: r.start.line, col: 0 };
  ed.toFirstNonBlank();
  const n = r.end.line - r.start.line + 1;
  if (n > ed.opts.report) {
    const op = right ? '>' : '<';
    ed.message(`${n} ${n === 1 ? 'line' : 'lines'} ${op}ed ${amount} ${amount === 1 ? 'time' : 'times'}`);
  }
}

/** ~ g~ gu gU on a range. */
export function opCase(ed: Editor, r: OpRange, how: '~' | 'u' | 'U'): void {
  ed.changeWarning();
  const conv = (s: string): string =>
    how === 'u' ? s.toLowerCase() : how === 'U' ? s.toUpperCase() : [...s].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');
  for (let i = r.start.line; i <= r.end.line; i++) {
    const text = ed.line(i);
    const from = r.linewise || i > r.start.line ? 0 : r.start.col;
    const to = r.linewise || i < r.end.line ? text.length : r.end.col + (r.inclusive ? 1 : 0);
    ed.buf.setLine(i, text.slice(0, from) + conv(text.slice(from, to)) + text.slice(to));
  }
  ed.cur = r.linewise ? { line: r.start.line, col: ed.cur.line === r.start.line ? ed.cur.col : 0 } : { ...r.start };
  ed.clamp();
  ed.updateWant();
  const n = r.end.line - r.start.line + 1;
  if (n > ed.opts.report) ed.message(plural(n, 'line changed', 'lines changed'));
}

/** J and gJ: joins `count` lines (at least two) from `line`. */
export function joinLines(ed: Editor, line: number, count: number, spaces: boolean): boolean {
  const last = Math.min(ed.buf.lineCount - 1, line + Math.max(2, count) - 1);
  if (last === line) return false;
  ed.changeWarning();
  let text = ed.line(line);
  let col = 0;
  for (let i = line + 1; i <= last; i++) {
    let next = ed.line(i);
    let sep = '';
    if (spaces) {
      // do_join(): leading white space goes; one space between, two after . ? ! with 'joinspaces'
      next = next.slice(firstNonBlank(next));
      const e1 = text.at(-1);
      if (next !== '' && !next.startsWith(')') && text !== '' && e1 !== '\t') {
        let endc = e1;
        if (e1 === ' ') endc = text.at(-2);
        else sep = ' ';
        if (ed.opts.joinspaces && (endc === '.' || endc === '?' || endc === '!')) sep += ' ';
      }
    }
    col = text.length;
    text += sep + next;
  }
  ed.buf.replace(line, last - line + 1, [text]);
  ed.cur = { line, col: Math.max(0, Math.min(col, text.length - 1)) };
  ed.updateWant();
  return true;
}

/** p and P: `after` for p; returns false when the register is empty. */
export function put(ed: Editor, reg: Register | undefined, after: boolean, count: number, cursorEnd = false): boolean {
  if (!reg) return false;
  if (reg.blockwise) {
    putBlock(ed, reg.lines, after, count);
    return true;
  }
  ed.changeWarning();
  const n = Math.max(1, count);
  if (reg.linewise) {
    const lines: string[] = [];
    for (let k = 0; k < n; k++) lines.push(...reg.lines);
    const at = after ? (ed.buf.empty ? 1 : ed.cur.line + 1) : ed.cur.line;
    if (!after && ed.buf.empty) ed.buf.replace(0, 0, lines);
    else ed.buf.replace(at, 0, lines);
    if (cursorEnd) ed.cur = { line: Math.min(at + lines.length, ed.buf.lineCount - 1), col: 0 };
    else {
      ed.cur = { line: at, col: 0 };
      ed.toFirstNonBlank();
    }
    reportLines(ed, lines.length);
    return true;
  }
  const text = ed.line();
  const col = after && text.length > 0 ? ed.cur.col + 1 : ed.cur.col;
  const head = text.slice(0, col);
  const tail = text.slice(col);
  if (reg.lines.length === 1) {
    const ins = reg.lines[0]!.repeat(n);
    ed.buf.setLine(ed.cur.line, head + ins + tail);
    ed.cur = { line: ed.cur.line, col: cursorEnd ? col + ins.length : Math.max(col, col + ins.length - 1) };
  } else {
    const out: string[] = [];
    let acc = head;
    for (let k = 0; k < n; k++) {
      acc += reg.lines[0]!;
      for (let i = 1; i < reg.lines.length; i++) {
        out.push(acc);
        acc = reg.lines[i]!;
      }
    }
    out.push(acc + tail);
    ed.buf.replace(ed.cur.line, 1, out);
    ed.cur = cursorEnd ? { line: ed.cur.line + out.length - 1, col: acc.length } : { line: ed.cur.line, col };
    reportLines(ed, out.length - 1);
  }
  ed.clamp();
  ed.updateWant();
  return true;
}
