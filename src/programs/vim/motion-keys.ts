// The keys that move the cursor (":help motion.txt"), read after a count, after an operator
// or in Visual mode: each gives a Target, fails (vim beeps), or is not a motion (null).
import type { Editor } from './editor';
import { botline } from './layout';
import { bckEndWord, bckWord, endWord, findChar, fwdWord, matchPair, paragraph, type Target } from './motions';
import { readCmdline } from './cmdline';
import { searchNext, searchStar, searchTyped } from './search-cmd';
import { textObject } from './textobj';
import { colOfVcol, firstNonBlank, type Pos } from './text';
import { K } from './tty';

export interface MotionCtx {
  /** The typed count, 0 when none. */
  count: number;
  /** The pending operator ('d', 'c', 'y', '>', 'g~', ...), if any. */
  op?: string;
  visual?: boolean;
}

const line = (ed: Editor, l: number): Pos => ({ line: l, col: 0 });
const fnb = (ed: Editor, l: number): Pos => ({ line: l, col: firstNonBlank(ed.line(l)) });

/** Where j/k land: the wanted column on the new line. */
function vertical(ed: Editor, to: number): Target {
  const text = ed.line(to);
  const col = ed.curswant === Infinity ? Math.max(0, text.length - 1) : colOfVcol(text, ed.curswant, ed.opts.tabstop, false);
  return { pos: { line: to, col }, linewise: true, keepWant: true };
}

/** A word motion's end: never on the end of a line unless that is where it started. */
function wordEnd(ed: Editor, from: Pos, pos: Pos, t: Target): Target {
  const len = ed.line(pos.line).length;
  if (pos.col > 0 && pos.col >= len && (pos.line > from.line || pos.col > from.col)) return { ...t, pos: { line: pos.line, col: len - 1 }, inclusive: true };
  return { ...t, pos };
}

export async function readMotion(ed: Editor, key: string, ctx: MotionCtx): Promise<Target | undefined | null> {
  const n = Math.max(1, ctx.count);
  const cur = ed.cur;
  const text = ed.line();
  const last = ed.buf.lineCount - 1;
  switch (key) {
    case 'h': case K.Left: case '\x08': case '\x7f': {
      if (cur.col === 0) {
        if ((key === '\x08' || key === '\x7f') && cur.line > 0) {
          const prev = ed.line(cur.line - 1);
          return { pos: { line: cur.line - 1, col: Math.max(0, prev.length - (ctx.op ? 0 : 1)) } };
        }
        return undefined;
      }
      return { pos: { line: cur.line, col: Math.max(0, cur.col - n) } };
    }
    case 'l': case K.Right: case ' ': {
      const max = ctx.op || ctx.visual ? text.length : text.length - 1;
      if (cur.col >= max) {
        if (key === ' ' && cur.line < last) return { pos: line(ed, cur.line + 1) };
        if (ctx.op && text.length) return { pos: { line: cur.line, col: text.length } };
        return undefined;
      }
      return { pos: { line: cur.line, col: Math.min(max, cur.col + n) } };
    }
    case 'j': case K.Down: case '\x0e': case '\n':
      if (cur.line >= last) return undefined;
      return vertical(ed, Math.min(last, cur.line + n));
    case 'k': case K.Up: case '\x10':
      if (cur.line === 0) return undefined;
      return vertical(ed, Math.max(0, cur.line - n));
    case '+': case '\r':
      if (cur.line + n > last) return undefined;
      return { pos: fnb(ed, cur.line + n), linewise: true };
    case '-':
      if (cur.line - n < 0) return undefined;
      return { pos: fnb(ed, cur.line - n), linewise: true };
    case '_':
      if (cur.line + n - 1 > last) return undefined;
      return { pos: fnb(ed, cur.line + n - 1), linewise: true };
    case '0': case K.Home:
      return { pos: { line: cur.line, col: 0 } };
    case '^':
      return { pos: fnb(ed, cur.line) };
    case '$': case K.End: {
      const l = cur.line + n - 1;
      if (l > last) return undefined;
      const len = ed.line(l).length;
      return { pos: { line: l, col: Math.max(0, len - 1) }, inclusive: len > 0, wantEnd: true, linewise: false };
    }
    case '|':
      return { pos: { line: cur.line, col: colOfVcol(text, n - 1, ed.opts.tabstop, false) } };
    case 'w': case 'W': {
      const big = key === 'W';
      // "cw" on a word changes to its end, as "ce" does (":help cw")
      if (ctx.op === 'c' && text[cur.col] !== undefined && !/\s/.test(text[cur.col]!)) {
        const p = endWord(ed.buf, cur, n, big, true, false);
        return p ? { pos: p, inclusive: true } : { pos: { line: cur.line, col: text.length - 1 }, inclusive: true };
      }
      const r = fwdWord(ed.buf, cur, n, big, !!ctx.op);
      return wordEnd(ed, cur, r.pos, { pos: r.pos, failed: !r.ok });
    }
    case 'b': case 'B': {
      const p = bckWord(ed.buf, cur, n, key === 'B', false);
      return p ? { pos: p } : undefined;
    }
    case 'e': case 'E': {
      const p = endWord(ed.buf, cur, n, key === 'E', false, false);
      return p ? { pos: p, inclusive: true } : undefined;
    }
    case 'G':
      return { pos: fnb(ed, ctx.count ? Math.min(last, ctx.count - 1) : last), linewise: true, jump: true };
    case 'f': case 'F': case 't': case 'T': {
      const ch = await ed.nextKey();
      if (ch === '\x1b' || ch === '\x03' || ch.length !== 1) return undefined;
      ed.lastFind = { cmd: key, char: ch };
      const col = findChar(text, cur.col, key, ch, n, false);
      return col === undefined ? undefined : { pos: { line: cur.line, col }, inclusive: key === 'f' || key === 't' };
    }
    case ';': case ',': {
      if (!ed.lastFind) return undefined;
      let cmd = ed.lastFind.cmd;
      if (key === ',') cmd = ({ f: 'F', F: 'f', t: 'T', T: 't' } as Record<string, string>)[cmd]!;
      const col = findChar(text, cur.col, cmd, ed.lastFind.char, n, true);
      return col === undefined ? undefined : { pos: { line: cur.line, col }, inclusive: cmd === 'f' || cmd === 't' };
    }
    case '%': {
      if (ctx.count) {
        if (ctx.count > 100) return undefined;
        return { pos: fnb(ed, Math.floor((ctx.count * ed.buf.lineCount + 99) / 100) - 1), linewise: true, jump: true };
      }
      const p = matchPair(ed.buf, cur);
      return p ? { pos: p, inclusive: true, jump: true } : undefined;
    }
    case '{': case '}':
      return paragraph(ed.buf, cur, n, key === '}');
    case '(': case ')':
      return sentence(ed, key === ')', n);
    case 'H': case 'L': case 'M': {
      const bot = Math.max(ed.top, Math.min(botline(ed), ed.buf.lineCount) - 1);
      let l: number;
      if (key === 'H') l = Math.min(bot, ed.top + n - 1);
      else if (key === 'L') l = Math.max(ed.top, bot - n + 1);
      else l = ed.top + Math.floor((bot - ed.top) / 2);
      return { pos: fnb(ed, l), linewise: true, jump: true };
    }
    case 'n': case 'N':
      return searchNext(ed, key === 'N', n);
    case '*': case '#':
      return searchStar(ed, key === '*', true, n);
    case '/': case '?': {
      const typed = await readCmdline(ed, key);
      if (typed === undefined) return undefined;
      return searchTyped(ed, typed, key === '/', n);
    }
    case "'": case '`': {
      const name = await ed.nextKey();
      const mark = name === "'" || name === '`' ? ed.marks.get("'") ?? { line: 0, col: 0 } : ed.marks.get(name);
      if (!mark) {
        if (name !== '\x1b') ed.error('E20: Mark not set');
        return undefined;
      }
      const l = Math.min(mark.line, last);
      if (key === "'") return { pos: fnb(ed, l), linewise: true, jump: true };
      return { pos: { line: l, col: Math.min(mark.col, Math.max(0, ed.line(l).length - 1)) }, jump: true };
    }
    case 'i': case 'a': {
      if (!ctx.op && !ctx.visual) return null;
      const kind = await ed.nextKey();
      const t = textObject(ed.buf, cur, kind, key === 'i', n);
      return t;
    }
    case 'gg':
      return { pos: fnb(ed, ctx.count ? Math.min(last, ctx.count - 1) : 0), linewise: true, jump: true };
    case 'ge': case 'gE': {
      const p = bckEndWord(ed.buf, cur, n, key === 'gE');
      return p ? { pos: p, inclusive: true } : undefined;
    }
    case 'gj': case 'g' + K.Down: return readMotion(ed, 'j', ctx);
    case 'gk': case 'g' + K.Up: return readMotion(ed, 'k', ctx);
    case 'g0': case 'g' + K.Home: return readMotion(ed, '0', ctx);
    case 'g^': return readMotion(ed, '^', ctx);
    case 'g$': case 'g' + K.End: return readMotion(ed, '$', ctx);
    case 'g_': {
      const l = Math.min(last, cur.line + n - 1);
      const t = ed.line(l).replace(/\s+$/, '');
      return { pos: { line: l, col: Math.max(0, t.length - 1) }, inclusive: true };
    }
    case 'gm': case 'gM':
      return { pos: { line: cur.line, col: Math.floor(text.length / 2) } };
    case 'go':
      return { pos: { line: 0, col: 0 }, jump: true };
    case 'g*': case 'g#':
      return searchStar(ed, key === 'g*', false, n);
  }
  return null;
}

/** ( and ): sentences end at . ! ? followed by white space or the end of the line; empty lines count. */
function sentence(ed: Editor, forward: boolean, count: number): Target | undefined {
  const starts: Pos[] = [];
  const from = Math.max(0, ed.cur.line - (forward ? 0 : 200));
  const to = Math.min(ed.buf.lineCount - 1, ed.cur.line + (forward ? 200 : 0));
  for (let l = from; l <= to; l++) {
    const t = ed.line(l);
    if (t === '') {
      starts.push({ line: l, col: 0 });
      continue;
    }
    if (l === 0 || ed.line(l - 1) === '') starts.push({ line: l, col: firstNonBlank(t) });
    const re = /[.!?][)\]"']*(\s+|$)/g;
    for (let m = re.exec(t); m; m = re.exec(t)) {
      const at = m.index + m[0].length;
      if (at < t.length) starts.push({ line: l, col: at });
      else if (l + 1 < ed.buf.lineCount && ed.line(l + 1) !== '') starts.push({ line: l + 1, col: firstNonBlank(ed.line(l + 1)) });
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  const cur = ed.cur;
  const after = (p: Pos): boolean => p.line > cur.line || (p.line === cur.line && p.col > cur.col);
  const before = (p: Pos): boolean => p.line < cur.line || (p.line === cur.line && p.col < cur.col);
  const uniq = starts.filter((p, i) => i === 0 || p.line !== starts[i - 1]!.line || p.col !== starts[i - 1]!.col);
  const list = forward ? uniq.filter(after) : uniq.filter(before).reverse();
  const p = list[Math.min(count, list.length) - 1];
  if (!p) return forward ? { pos: { line: ed.buf.lineCount - 1, col: Math.max(0, ed.line(ed.buf.lineCount - 1).length - 1) }, inclusive: true } : { pos: { line: 0, col: 0 } };
  return { pos: p };
}
