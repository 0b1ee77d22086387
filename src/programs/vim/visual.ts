// Visual mode (v, V, gv): motions move one end of the selection; o swaps the ends; text
// objects extend it; an operator (d x y c s r J > < ~ u U p :) acts on it and leaves.
import { readCmdline } from './cmdline';
import type { Editor, Mode } from './editor';
import { readMotion } from './motion-keys';
import { applyMotion, applyOperator, type NormalHost } from './normal';
import { joinLines, opDelete, put, type OpRange } from './operator';
import { Registers } from './registers';
import { colOfVcol, cmpPos, vcolOf } from './text';
import { blockCommand } from './visual-block';

function selection(ed: Editor): OpRange {
  const [start, end] = cmpPos(ed.visualStart, ed.cur) <= 0 ? [ed.visualStart, ed.cur] : [ed.cur, ed.visualStart];
  const r: OpRange = { start: { ...start }, end: { ...end }, linewise: ed.mode === 'vline', inclusive: true };
  if (!r.linewise && r.end.col >= ed.line(r.end.line).length) {
    // the end on an empty line (or past it) takes the line break with it
    r.inclusive = false;
    if (r.end.line < ed.buf.lineCount - 1) r.end = { line: r.end.line + 1, col: 0 };
    else r.end.col = ed.line(r.end.line).length;
  }
  return r;
}

/** Remembers the selection for gv and the '< '> marks; `stay` keeps the mode for a block command. */
function leave(ed: Editor, stay = false): void {
  const [start, end] = cmpPos(ed.visualStart, ed.cur) <= 0 ? [ed.visualStart, ed.cur] : [ed.cur, ed.visualStart];
  ed.lastVisual = { start: { ...ed.visualStart }, end: { ...ed.cur }, mode: ed.mode };
  ed.setMark('<', ed.mode === 'vline' ? { line: start.line, col: 0 } : start);
  ed.setMark('>', ed.mode === 'vline' ? { line: end.line, col: Math.max(0, ed.line(end.line).length - 1) } : end);
  if (stay) return;
  ed.mode = 'normal';
  ed.clamp();
}

const MODE_OF: Record<string, Mode> = { v: 'visual', V: 'vline', '\x16': 'vblock' };

export async function visualMode(ed: Editor, host: NormalHost, key: string, count: number): Promise<void> {
  if (key === 'gv') {
    const last = ed.lastVisual;
    if (!last) {
      ed.beep();
      return;
    }
    ed.visualStart = { ...last.start };
    ed.cur = { ...last.end };
    ed.mode = last.mode;
  } else {
    ed.visualStart = { ...ed.cur };
    ed.mode = MODE_OF[key] ?? 'visual';
    if (count > 1 && key === 'v') ed.cur.col = Math.min(ed.line().length - 1, ed.cur.col + count - 1);
    if (count > 1 && key === 'V') ed.cur.line = Math.min(ed.buf.lineCount - 1, ed.cur.line + count - 1);
  }
  ed.msg = undefined;
  for (;;) {
    ed.clamp();
    let k = await ed.nextKey();
    let n = 0;
    let reg: string | undefined;
    for (let guard = 0; guard < 32; guard++) {
      if ((k >= '1' && k <= '9') || (k === '0' && n > 0)) n = n * 10 + Number(k);
      else if (k === '"') {
        const r = await ed.nextKey();
        if (Registers.valid(r)) reg = r;
      } else break;
      k = await ed.nextKey();
    }
    if (k === 'g') k = `g${await ed.nextKey()}`;
    if (k === '\x1b' || k === '\x03') {
      leave(ed);
      return;
    }
    if (k === 'v' || k === 'V' || k === '\x16') {
      const want = MODE_OF[k]!;
      if (ed.mode === want) {
        leave(ed);
        return;
      }
      ed.mode = want;
      continue;
    }
    if (k === 'O' && ed.mode === 'vblock') {
      // the other corner on the same line
      const ts = ed.opts.tabstop;
      const a = vcolOf(ed.line(ed.visualStart.line), ed.visualStart.col, ts).start;
      const b = vcolOf(ed.line(), ed.cur.col, ts).start;
      ed.visualStart = { line: ed.visualStart.line, col: colOfVcol(ed.line(ed.visualStart.line), b, ts, false) };
      ed.cur = { line: ed.cur.line, col: colOfVcol(ed.line(), a, ts, false) };
      ed.updateWant();
      continue;
    }
    if (k === 'o' || k === 'O') {
      [ed.visualStart, ed.cur] = [ed.cur, ed.visualStart];
      ed.updateWant();
      continue;
    }
    if ((k === 'i' || k === 'a')) {
      const t = await readMotion(ed, k, { count: n, visual: true });
      if (t?.start) {
        if (t.linewise && ed.mode === 'visual') ed.mode = 'vline';
        if (cmpPos(ed.visualStart, ed.cur) === 0 || cmpPos(t.start, ed.visualStart) < 0) ed.visualStart = { ...t.start };
        ed.cur = t.inclusive === false && t.pos.col > 0 && !t.linewise ? { line: t.pos.line, col: t.pos.col - 1 } : { ...t.pos };
      } else ed.beep();
      continue;
    }
    const t = await readMotion(ed, k, { count: n, visual: true });
    if (t) {
      applyMotion(ed, t);
      if (t.failed) ed.beep();
      continue;
    }
    if (t === undefined) {
      if (!ed.hasError()) ed.beep();
      continue;
    }
    if (ed.mode === 'vblock' && k !== ':') {
      leave(ed, true);
      if (await blockCommand(ed, host, k, reg)) return;
      ed.beep();
      continue;
    }
    const r = selection(ed);
    const lineRange = (): OpRange => ({ start: { line: r.start.line, col: 0 }, end: { line: r.end.line, col: 0 }, linewise: true, inclusive: false });
    switch (k) {
      case 'd': case 'x': case '\x7f':
        leave(ed);
        opDelete(ed, r, reg, false, true);
        return;
      case 'X': case 'D':
        leave(ed);
        opDelete(ed, lineRange(), reg);
        return;
      case 'y':
        leave(ed);
        await applyOperator(ed, host, 'y', r, reg, 1);
        return;
      case 'Y':
        leave(ed);
        await applyOperator(ed, host, 'y', lineRange(), reg, 1);
        return;
      case 'c': case 's':
        leave(ed);
        await applyOperator(ed, host, 'c', r, reg, 1);
        return;
      case 'C': case 'S': case 'R':
        leave(ed);
        await applyOperator(ed, host, 'c', lineRange(), reg, 1);
        return;
      case '>': case '<':
        leave(ed);
        await applyOperator(ed, host, k, lineRange(), reg, 1);
        return;
      case '~': case 'u': case 'U': case 'g~': case 'gu': case 'gU': case 'g?':
        leave(ed);
        await applyOperator(ed, host, k.length === 1 ? (k === '~' ? 'g~' : `g${k}`) : k, r, reg, 1);
        return;
      case 'J': case 'gJ':
        leave(ed);
        joinLines(ed, r.start.line, Math.max(2, r.end.line - r.start.line + 1), k === 'J');
        return;
      case 'r': {
        const ch = await ed.nextKey();
        leave(ed);
        if (ch === '\x1b' || ch === '\x03') return;
        for (let i = r.start.line; i <= r.end.line; i++) {
          const text = ed.line(i);
          const a = r.linewise || i > r.start.line ? 0 : r.start.col;
          const b = r.linewise || i < r.end.line ? text.length : Math.min(text.length, r.end.col + (r.inclusive ? 1 : 0));
          ed.buf.setLine(i, text.slice(0, a) + ch.repeat(Math.max(0, b - a)) + text.slice(b));
        }
        ed.cur = { ...r.start };
        return;
      }
      case 'p': case 'P': {
        const regText = ed.regs.get(reg);
        leave(ed);
        if (!regText) {
          ed.error(`E353: Nothing in register ${reg ?? '"'}`);
          return;
        }
        opDelete(ed, r, '_', false, true);
        const len = ed.line(r.start.line).length;
        const after = r.linewise ? ed.cur.line < r.start.line : len > 0 && r.start.col >= len;
        put(ed, regText, after, 1);
        return;
      }
      case ':': {
        leave(ed);
          const text = await readCmdline(ed, ':', "'<,'>");
        if (text !== undefined) await host.ex(text);
        return;
      }
      default:
        ed.beep();
    }
  }
}
