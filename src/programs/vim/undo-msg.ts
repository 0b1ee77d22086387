// u, CTRL-R, :undo, :redo and their message (undo.c u_undo_end()):
// "1 line less; before #2  5 seconds ago", "3 changes; after #4  0 seconds ago".
import type { Editor } from './editor';
import type { UndoResult } from './buffer';

function ago(ed: Editor, time: number): string {
  const now = ed.sys.now();
  const seconds = Math.max(0, Math.floor((now - time) / 1000));
  if (seconds < 100) return `${seconds} ${seconds === 1 ? 'second' : 'seconds'} ago`;
  const d = new Date(time);
  const two = (n: number): string => String(n).padStart(2, '0');
  const clock = `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
  if (now - time < 12 * 3600 * 1000) return clock;
  return `${d.getFullYear()}/${two(d.getMonth() + 1)}/${two(d.getDate())} ${clock}`;
}

function describe(ed: Editor, r: UndoResult, undo: boolean, lastSeq: number, lastTime: number | undefined): string {
  // u_oldcount - u_newcount: lines now minus lines before, as vim counts them
  let delta = r.delta;
  let changes = r.changes;
  if (ed.buf.empty) {
    delta--;
    changes--;
  }
  let what: string;
  let n: number;
  if (delta === 1) [what, n] = ['more line', 1];
  else if (delta > 1) [what, n] = ['more lines', delta];
  else if (delta === -1) [what, n] = ['line less', 1];
  else if (delta < -1) [what, n] = ['fewer lines', -delta];
  else [what, n] = [changes === 1 ? 'change' : 'changes', changes];
  const when = lastTime === undefined ? '' : ago(ed, lastTime);
  return `${n} ${what}; ${undo ? 'before' : 'after'} #${lastSeq}  ${when}`;
}

/** Undoes (or redoes) `count` steps and says what happened. */
export function undoCmd(ed: Editor, redo: boolean, count: number): void {
  let last: UndoResult | undefined;
  let total: UndoResult | undefined;
  for (let i = 0; i < Math.max(1, count); i++) {
    const r = redo ? ed.buf.redo() : ed.buf.undo();
    if (!r) break;
    last = r;
    total = total ? { ...r, delta: total.delta + r.delta, changes: total.changes + r.changes } : r;
  }
  if (!last || !total) {
    ed.message(redo ? 'Already at newest change' : 'Already at oldest change');
    return;
  }
  const c = last.cursor;
  ed.cur = { line: Math.min(c.line, ed.buf.lineCount - 1), col: 0 };
  if (c.col >= 0) ed.cur.col = c.col;
  else ed.toFirstNonBlank();
  ed.clamp();
  ed.updateWant();
  ed.message(describe(ed, total, !redo, last.seq, last.time));
}
