// Normal mode (normal.c): a count, a register, then a command: a motion, an operator and
// its motion or text object (d c y < > g~ gu gU), or one of the other commands. Changes are
// recorded key by key so `.` can replay them; each command is one undo step.
import { readCmdline } from './cmdline';
import type { Editor } from './editor';
import { readMotion } from './motion-keys';
import type { Target } from './motions';
import { joinLines, opCase, opDelete, opShift, opYank, put, rangeOf, type OpRange } from './operator';
import { Registers } from './registers';
import { insertMode } from './insert';
import { miscCommand } from './normal-cmds';
import { firstNonBlank } from './text';
import { K } from './tty';
import { visualMode } from './visual';

export interface NormalHost {
  ex(text: string): Promise<void>;
  suspend(): Promise<void>;
  /** Repaints the whole screen (CTRL-L). */
  repaint(): void;
}

export interface Cmd {
  key: string;
  count: number;
  reg: string | undefined;
}

/** Moves the cursor to a motion's target (not for operators). */
export function applyMotion(ed: Editor, t: Target): void {
  if (t.jump && (t.pos.line !== ed.cur.line || t.pos.col !== ed.cur.col)) ed.setMark("'");
  ed.cur = { ...t.pos };
  ed.clamp();
  if (t.wantEnd) ed.curswant = Infinity;
  else if (!t.keepWant) ed.updateWant();
}

/** Runs one Normal-mode command, reading its keys. */
export async function normalCommand(ed: Editor, host: NormalHost): Promise<void> {
  ed.buf.sync(ed.cur);
  let k = await ed.nextKey();
  let count = 0;
  let reg: string | undefined;
  for (let guard = 0; guard < 64; guard++) {
    if (k === '"') {
      const r = await ed.nextKey();
      if (!Registers.valid(r)) {
        if (r !== '\x1b') ed.beep();
        return;
      }
      reg = r;
    } else if ((k >= '1' && k <= '9') || (k === '0' && count > 0)) count = Math.min(99999999, count * 10 + Number(k));
    else if (k === K.Del && count > 0) count = Math.floor(count / 10);
    else break;
    k = await ed.nextKey();
  }
  const outer = ed.tty.recording;
  if (!outer) ed.tty.recording = [k];
  let repeatable = false;
  try {
    repeatable = await execute(ed, host, { key: k, count, reg });
  } finally {
    if (!outer) {
      const rec = ed.tty.recording ?? [];
      ed.tty.recording = undefined;
      if (repeatable) ed.lastChange = { keys: (reg ? `"${reg}` : '') + rec.join(''), count };
    }
  }
}

const OPERATORS = new Set(['d', 'c', 'y', '>', '<', 'g~', 'gu', 'gU', 'g?', '=', '!', 'gq', 'gw']);

/** Returns true for a change that `.` repeats. */
async function execute(ed: Editor, host: NormalHost, c: Cmd): Promise<boolean> {
  let key = c.key;
  if (key === 'g') {
    const g = await ed.nextKey();
    key = `g${g}`;
  }
  // shorthands for an operator with a motion
  const alias: Record<string, string> = { x: 'dl', X: 'dh', D: 'd$', C: 'c$', s: 'cl', S: 'cc', Y: 'yy', [K.Del]: 'dl' };
  if (alias[key]) {
    if (key === 'x' || key === K.Del) {
      if (ed.line() === '') return true;
    }
    const [op, motion] = [alias[key]![0]!, alias[key]!.slice(1)];
    return operator(ed, host, op, c, motion);
  }
  if (OPERATORS.has(key)) return operator(ed, host, key, c);
  const t = await readMotion(ed, key, { count: c.count });
  if (t === undefined) {
    if (!ed.hasError()) ed.beep();
    return false;
  }
  if (t !== null) {
    applyMotion(ed, t);
    if (t.failed) ed.beep();
    return false;
  }
  switch (key) {
    case 'i': case 'a': case 'I': case 'A': case 'gI': case K.Insert: case 'o': case 'O':
      await startInsert(ed, host, key, c.count);
      return true;
    case 'R':
      await insertMode(ed, { count: Math.max(1, c.count), replace: true, normalOnce: () => normalCommand(ed, host) });
      return true;
    case 'p': case 'P': case 'gp': case 'gP': {
      const r = ed.regs.get(c.reg);
      if (!r) {
        ed.error(`E353: Nothing in register ${c.reg ?? '"'}`);
        return false;
      }
      put(ed, r, key === 'p' || key === 'gp', c.count, key.startsWith('g'));
      return true;
    }
    case 'J': case 'gJ':
      if (!joinLines(ed, ed.cur.line, Math.max(2, c.count), key === 'J')) {
        ed.beep();
        return false;
      }
      return true;
    case 'v': case 'V': case 'gv': case '\x16':
      await visualMode(ed, host, key, c.count);
      return false;
    case ':': {
      const text = await readCmdline(ed, ':', c.count ? (c.count === 1 ? '.' : `.,.+${c.count - 1}`) : '');
      if (text !== undefined) {
        ed.regs.readOnly[':'] = text;
        await host.ex(text);
      }
      return false;
    }
    case '.': {
      if (!ed.lastChange) return false;
      const n = c.count || ed.lastChange.count;
      ed.tty.push(`${n ? n : ''}${ed.lastChange.keys}`);
      return false;
    }
    case 'Z': {
      const z = await ed.nextKey();
      if (z === 'Z') await host.ex('x');
      else if (z === 'Q') await host.ex('q!');
      else ed.beep();
      return false;
    }
    case '\x1b': {
      if (c.count || c.reg) return false;
      // Photon's /etc/vimrc: nmap <Esc><Esc> :q<CR> (waiting 'timeoutlen', 1 second)
      const next = await ed.key(1000);
      if (next === '\x1b') ed.tty.push(':q\r');
      else {
        ed.beep();
        if (next !== undefined) ed.tty.push(next);
      }
      return false;
    }
  }
  return miscCommand(ed, host, { ...c, key });
}

/** i a I A o O: where the insert starts, then Insert mode. */
async function startInsert(ed: Editor, host: NormalHost, key: string, count: number): Promise<void> {
  const text = ed.line();
  let openLine = false;
  if (key === 'a' && text.length) ed.cur.col++;
  else if (key === 'A') ed.cur.col = text.length;
  else if (key === 'I') ed.cur.col = firstNonBlank(text);
  else if (key === 'gI') ed.cur.col = 0;
  else if (key === 'o' || key === 'O') {
    ed.changeWarning();
    const indent = ed.opts.autoindent ? text.slice(0, firstNonBlank(text)) : '';
    const at = key === 'o' ? ed.cur.line + 1 : ed.cur.line;
    if (ed.buf.empty) ed.buf.replace(0, 1, ['', '']);
    else ed.buf.replace(at, 0, [indent]);
    ed.cur = { line: ed.buf.lineCount === 2 && ed.buf.line(0) === '' && at === 0 ? 0 : at, col: indent.length };
    openLine = true;
  }
  await insertMode(ed, { count: Math.max(1, count), openLine, normalOnce: () => normalCommand(ed, host) });
}

/** An operator: reads its motion (with its own count) or a repeat of itself for whole lines. */
async function operator(ed: Editor, host: NormalHost, op: string, c: Cmd, preset?: string): Promise<boolean> {
  let k = preset ?? (await ed.nextKey());
  let count2 = 0;
  while ((k >= '1' && k <= '9') || (k === '0' && count2 > 0)) {
    count2 = count2 * 10 + Number(k);
    k = await ed.nextKey();
  }
  const total = c.count && count2 ? c.count * count2 : c.count || count2;
  if (k === '\x1b' || k === '\x03') return false;
  let force: string | undefined;
  if (k === 'v' || k === 'V') {
    force = k;
    k = await ed.nextKey();
  }
  if (k === 'g') k = `g${await ed.nextKey()}`;
  const self = op.length === 2 ? (k === op || k === op[1]) : k === op;
  let target: Target | undefined | null;
  if (self) {
    const n = Math.max(1, total);
    if (n > 1 && ed.cur.line >= ed.buf.lineCount - 1) {
      ed.beep();
      return false;
    }
    const end = Math.min(ed.buf.lineCount - 1, ed.cur.line + n - 1);
    target = { pos: { line: end, col: ed.cur.col }, linewise: true, start: { line: ed.cur.line, col: ed.cur.col } };
  } else target = await readMotion(ed, k, { count: total, op });
  if (target === null || target === undefined) {
    // X at the start of a line does nothing, quietly (nv_left() only beeps without an operator)
    if ((target === null || !ed.hasError()) && preset !== 'h') ed.beep();
    return false;
  }
  if (force === 'V') target = { ...target, linewise: true };
  else if (force === 'v') target = target.linewise ? { ...target, linewise: false, inclusive: false } : { ...target, inclusive: !target.inclusive };
  if (op === '=' || op === '!' || op === 'gq' || op === 'gw') {
    // formatting and filtering are not available: vim would run programs for these
    ed.beep();
    return false;
  }
  const r = rangeOf(ed, target);
  if (target.jump) ed.setMark("'");
  return applyOperator(ed, host, op, r, c.reg, total);
}

/** Applies operator `op` to a range; shared with Visual mode. */
export async function applyOperator(ed: Editor, host: NormalHost, op: string, r: OpRange, reg: string | undefined, count: number): Promise<boolean> {
  switch (op) {
    case 'd':
      opDelete(ed, r, reg);
      return true;
    case 'y':
      opYank(ed, r, reg);
      return false;
    case 'c':
      opDelete(ed, r, reg, true);
      await insertMode(ed, { count: 1, normalOnce: () => normalCommand(ed, host) });
      return true;
    case '>': case '<':
      opShift(ed, { ...r, linewise: true }, op === '>', 1);
      return true;
    case 'g~': case 'gu': case 'gU':
      opCase(ed, r, op === 'g~' ? '~' : op === 'gu' ? 'u' : 'U');
      return true;
    case 'g?': {
      const rot = (s: string): string => s.replace(/[a-zA-Z]/g, (ch) => String.fromCharCode(((ch.toLowerCase().charCodeAt(0) - 84) % 26) + (ch <= 'Z' ? 65 : 97)));
      for (let i = r.start.line; i <= r.end.line; i++) {
        const t = ed.line(i);
        const a = r.linewise || i > r.start.line ? 0 : r.start.col;
        const b = r.linewise || i < r.end.line ? t.length : r.end.col + (r.inclusive ? 1 : 0);
        ed.buf.setLine(i, t.slice(0, a) + rot(t.slice(a, b)) + t.slice(b));
      }
      ed.cur = { ...r.start };
      ed.clamp();
      return true;
    }
  }
  void count;
  return false;
}
