// Visual block mode (CTRL-V): a rectangle of screen columns over several lines. d x y c r
// ~ u U > < J act on it; I and A insert the typed text on every line of the block
// (":help v_b_I", "v_b_A": I skips lines too short to reach the block, A pads them); $
// stretches it to the end of every line; a yanked block is put back as a block.
import type { Editor } from './editor';
import { insertMode } from './insert';
import type { NormalHost } from './normal';
import { joinLines, makeIndent } from './operator';
import { colOfVcol, lineWidth, vcolOf, type Pos } from './text';

export interface Block {
  top: number;
  bottom: number;
  /** Screen columns, inclusive. */
  left: number;
  right: number;
  /** Created with $: to the end of each line. */
  toEnd: boolean;
}

export function blockOf(ed: Editor): Block {
  const ts = ed.opts.tabstop;
  const a = vcolOf(ed.line(ed.visualStart.line), ed.visualStart.col, ts);
  const b = vcolOf(ed.line(ed.cur.line), ed.cur.col, ts);
  return {
    top: Math.min(ed.visualStart.line, ed.cur.line),
    bottom: Math.max(ed.visualStart.line, ed.cur.line),
    left: Math.min(a.start, b.start),
    right: Math.max(a.end, b.end),
    toEnd: ed.curswant === Infinity,
  };
}

/** The [start, end) characters of line `i` inside the block; undefined when the line is too short. */
function span(ed: Editor, b: Block, i: number): [number, number] | undefined {
  const text = ed.line(i);
  const ts = ed.opts.tabstop;
  if (lineWidth(text, ts) <= b.left) return undefined;
  const s = colOfVcol(text, b.left, ts, true);
  const e = b.toEnd ? text.length : Math.min(text.length, colOfVcol(text, b.right, ts, true) + 1);
  return [s, Math.max(s, e)];
}

/** Whether screen column `vcol` of line `line` is in the block (for drawing). */
export function inBlock(b: Block, line: number, vcol: number): boolean {
  return line >= b.top && line <= b.bottom && vcol >= b.left && (b.toEnd || vcol <= b.right);
}

function edit(ed: Editor, b: Block, fn: (text: string, s: number, e: number) => string): string[] {
  ed.changeWarning();
  const removed: string[] = [];
  for (let i = b.top; i <= b.bottom; i++) {
    const r = span(ed, b, i);
    if (!r) {
      removed.push('');
      continue;
    }
    const text = ed.line(i);
    removed.push(text.slice(r[0], r[1]));
    ed.buf.setLine(i, fn(text, r[0], r[1]));
  }
  return removed;
}

/** Runs Insert mode at `at`, then puts what was typed on the other lines of the block. */
async function blockInsert(ed: Editor, host: NormalHost, b: Block, append: boolean, at: Pos): Promise<void> {
  const before = ed.line(at.line);
  const lines = ed.buf.lineCount;
  ed.cur = { ...at };
  await insertMode(ed, { count: 1, normalOnce: async () => undefined });
  void host;
  const after = ed.line(at.line);
  // only text typed on the one line (no line break) goes to the other lines
  if (ed.buf.lineCount === lines && after.length > before.length && after.startsWith(before.slice(0, at.col))) {
    const typed = after.slice(at.col, at.col + after.length - before.length);
    const ts = ed.opts.tabstop;
    for (let i = b.top; i <= b.bottom; i++) {
      if (i === at.line) continue;
      let text = ed.line(i);
      let col: number;
      if (append) {
        if (b.toEnd) col = text.length;
        else {
          const w = lineWidth(text, ts);
          if (w <= b.right) text += ' '.repeat(b.right + 1 - w);
          col = colOfVcol(text, b.right, ts, true) + 1;
        }
      } else {
        if (lineWidth(text, ts) <= b.left) continue;
        col = colOfVcol(text, b.left, ts, true);
      }
      ed.buf.setLine(i, text.slice(0, col) + typed + text.slice(col));
    }
  }
  ed.cur = { line: b.top, col: at.col };
  ed.clamp();
}

/** An operator key in Visual block mode; returns false when the key is not one. */
export async function blockCommand(ed: Editor, host: NormalHost, key: string, reg: string | undefined): Promise<boolean> {
  const b = blockOf(ed);
  const top = (col: number): void => {
    ed.mode = 'normal';
    ed.cur = { line: b.top, col };
    ed.clamp();
    ed.updateWant();
  };
  const leftCol = (): number => colOfVcol(ed.line(b.top), b.left, ed.opts.tabstop, true);
  switch (key) {
    case 'd': case 'x': case 'D': case 'X': {
      if (key === 'D' || key === 'X') b.toEnd = true;
      const gone = edit(ed, b, (t, s, e) => t.slice(0, s) + t.slice(e));
      ed.regs.put(reg, { lines: gone, linewise: false, blockwise: true }, 'delete');
      top(leftCol());
      return true;
    }
    case 'y': case 'Y': {
      const lines: string[] = [];
      for (let i = b.top; i <= b.bottom; i++) {
        const r = span(ed, b, i);
        lines.push(r ? ed.line(i).slice(r[0], r[1]) : '');
      }
      ed.regs.put(reg, { lines, linewise: false, blockwise: true }, 'yank');
      top(leftCol());
      return true;
    }
    case 'c': case 's': {
      const col = leftCol();
      const gone = edit(ed, b, (t, s, e) => t.slice(0, s) + t.slice(e));
      ed.regs.put(reg, { lines: gone, linewise: false, blockwise: true }, 'delete');
      ed.mode = 'normal';
      await blockInsert(ed, host, { ...b, toEnd: false, right: b.left - 1 }, false, { line: b.top, col });
      return true;
    }
    case 'I': case 'A': {
      const text = ed.line(b.top);
      const ts = ed.opts.tabstop;
      let col: number;
      if (key === 'I') col = colOfVcol(text, b.left, ts, true);
      else if (b.toEnd) col = text.length;
      else {
        if (lineWidth(text, ts) <= b.right) ed.buf.setLine(b.top, text + ' '.repeat(b.right + 1 - lineWidth(text, ts)));
        col = colOfVcol(ed.line(b.top), b.right, ts, true) + 1;
      }
      ed.mode = 'normal';
      await blockInsert(ed, host, b, key === 'A', { line: b.top, col });
      return true;
    }
    case 'r': {
      const ch = await ed.nextKey();
      if (ch.length !== 1 || ch === '\x1b' || ch === '\x03') {
        top(leftCol());
        return true;
      }
      edit(ed, b, (t, s, e) => t.slice(0, s) + ch.repeat(e - s) + t.slice(e));
      top(leftCol());
      return true;
    }
    case '~': case 'u': case 'U': {
      const conv = (x: string): string => (key === 'u' ? x.toLowerCase() : key === 'U' ? x.toUpperCase() : [...x].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join(''));
      edit(ed, b, (t, s, e) => t.slice(0, s) + conv(t.slice(s, e)) + t.slice(e));
      top(leftCol());
      return true;
    }
    case '>': case '<': {
      const sw = ed.opts.shiftwidth || ed.opts.tabstop;
      edit(ed, { ...b, toEnd: true }, (t, s) => {
        if (key === '>') return t.slice(0, s) + makeIndent(sw, ed.opts.tabstop, true) + t.slice(s);
        let e = s;
        while (e < t.length && e - s < sw && t[e] === ' ') e++;
        return t.slice(0, s) + t.slice(e);
      });
      top(leftCol());
      return true;
    }
    case 'J': case 'gJ':
      ed.mode = 'normal';
      joinLines(ed, b.top, Math.max(2, b.bottom - b.top + 1), key === 'J');
      return true;
  }
  return false;
}

/** Puts a block register: each of its lines into the next line, at the cursor's screen column. */
export function putBlock(ed: Editor, lines: string[], after: boolean, count: number): void {
  ed.changeWarning();
  const ts = ed.opts.tabstop;
  const cur = ed.line();
  const v = vcolOf(cur, ed.cur.col, ts);
  const at = after && cur.length ? v.end + 1 : v.start;
  const width = Math.max(...lines.map((l) => lineWidth(l, ts)));
  for (let i = 0; i < lines.length; i++) {
    const ln = ed.cur.line + i;
    if (ln >= ed.buf.lineCount) ed.buf.replace(ed.buf.lineCount, 0, ['']);
    let text = ed.line(ln);
    const w = lineWidth(text, ts);
    if (w < at) text += ' '.repeat(at - w);
    const col = colOfVcol(text, at, ts, true);
    const rest = text.slice(col);
    const piece = lines[i]!.repeat(Math.max(1, count));
    const pad = rest ? ' '.repeat(Math.max(0, width * Math.max(1, count) - lineWidth(piece, ts))) : '';
    ed.buf.setLine(ln, text.slice(0, col) + piece + pad + rest);
  }
  ed.cur = { line: ed.cur.line, col: colOfVcol(ed.line(), at, ts, true) };
  ed.clamp();
  ed.updateWant();
}
