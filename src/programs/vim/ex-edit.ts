// Ex commands that change or show text: :d :y :pu :m :co :t :j :> :< :p :nu :# :l := :norm
// :sort :u :red :k :ma :noh (and :s :g from ex-subst.ts), with vim's report messages.
import type { Editor } from './editor';
import type { CommandTable, ExCommand, ExHost } from './ex';
import { parseRange } from './ex-range';
import { joinLines, opDelete, opShift, opYank, put, reportLines } from './operator';
import { global, substitute } from './ex-subst';
import { undoCmd } from './undo-msg';

export const EDIT_COMMANDS: CommandTable = [
  ['substitute', 1], ['&', 1], ['&&', 2], ['~', 1], ['global', 1], ['vglobal', 1], ['delete', 1], ['yank', 1],
  ['put', 2], ['move', 1], ['copy', 2], ['t', 1], ['join', 1], ['>', 1], ['<', 1], ['print', 1], ['Print', 1],
  ['number', 2], ['#', 1], ['list', 1], ['=', 1], ['normal', 4], ['sort', 3], ['undo', 1], ['redo', 3],
  ['k', 1], ['mark', 2], ['nohlsearch', 3], ['retab', 3], ['append', 1], ['insert', 1], ['change', 1],
];

/** Lines for :p :nu :# :l. */
function printLines(ed: Editor, from: number, to: number, numbered: boolean, list: boolean): void {
  const out = [];
  for (let i = from; i <= to; i++) {
    let text = ed.buf.line(i);
    if (list) text = text.replace(/\t/g, '^I').replace(/[\x00-\x08\x0a-\x1f]/g, (c) => `^${String.fromCharCode(c.charCodeAt(0) + 64)}`) + '$';
    out.push({ text: numbered ? `${String(i + 1).padStart(3)} ${text}` : text, hl: 'Normal' as const, printed: true });
  }
  ed.output(out);
  ed.cur = { line: to, col: 0 };
  ed.toFirstNonBlank();
}

/**
 * :append puts `lines` after line2, :insert before it, :change in place of line1..line2 (ex_append,
 * ex_change); the cursor ends on the last new line. An empty buffer's one line gives way.
 */
function appendText(ed: Editor, cmd: ExCommand, lines: string[]): boolean {
  ed.changeWarning();
  let at: number;
  if (cmd.name === 'change') {
    if (!ed.buf.empty) ed.buf.replace(cmd.line1, cmd.line2 - cmd.line1 + 1, []);
    at = cmd.line1;
  } else at = cmd.name === 'append' ? cmd.line2 + 1 : Math.max(0, cmd.line2);
  // (the empty buffer's one line goes, as ex_append deletes it)
  if (ed.buf.empty) at = 0;
  if (lines.length) ed.buf.replace(at, ed.buf.empty ? 1 : 0, lines);
  const last = lines.length ? at + lines.length - 1 : Math.max(0, at - 1);
  ed.cur = { line: Math.min(last, ed.buf.lineCount - 1), col: 0 };
  ed.toFirstNonBlank();
  return true;
}

/** The register name and count after :d, :y, :pu: `:d a 3`, `:y 5`. */
function regAndCount(arg: string): { reg: string | undefined; count: number | undefined; bad: boolean } {
  const m = /^\s*([a-zA-Z"\-_*+0-9]?)\s*(\d*)\s*$/.exec(arg);
  if (!m) return { reg: undefined, count: undefined, bad: true };
  let reg = m[1] || undefined;
  let count = m[2] ? Number(m[2]) : undefined;
  if (reg && /[0-9]/.test(reg) && count === undefined) {
    count = Number(reg);
    reg = undefined;
  }
  return { reg, count, bad: false };
}

export async function exEdit(ed: Editor, cmd: ExCommand, host: ExHost): Promise<boolean | undefined> {
  const countRange = (count: number | undefined): [number, number] =>
    count === undefined ? [cmd.line1, cmd.line2] : [cmd.line2, Math.min(ed.buf.lineCount - 1, cmd.line2 + count - 1)];
  switch (cmd.name) {
    case 'substitute': case '&': case '&&': case '~':
      return substitute(ed, cmd);
    case 'global': case 'vglobal':
      return global(ed, cmd, host);
    case 'delete': case 'yank': {
      const { reg, count, bad } = regAndCount(cmd.arg);
      if (bad) {
        ed.error(`E488: Trailing characters: ${cmd.arg.trim()}`);
        return false;
      }
      const [a, b] = countRange(count);
      const r = { start: { line: a, col: 0 }, end: { line: b, col: 0 }, linewise: true, inclusive: false };
      if (cmd.name === 'delete') opDelete(ed, r, reg);
      else opYank(ed, r, reg, false);
      return true;
    }
    case 'put': {
      const reg = cmd.arg.trim() || undefined;
      const r = ed.regs.get(reg);
      if (!r) {
        ed.error(`E353: Nothing in register ${reg ?? '"'}`);
        return false;
      }
      ed.cur = { line: Math.max(0, cmd.line2), col: 0 };
      const above = cmd.bang || cmd.line2 < 0;
      put(ed, { lines: r.lines, linewise: true }, !above, 1, false);
      ed.cur.line = above ? Math.max(0, cmd.line2) + r.lines.length - 1 - (cmd.line2 < 0 ? 1 : 0) : cmd.line2 + r.lines.length;
      ed.toFirstNonBlank();
      return true;
    }
    case 'move': case 'copy': case 't': {
      const dest = parseRange(ed, cmd.arg);
      if ('error' in dest || dest.count === 0) {
        ed.error('error' in dest ? dest.error : 'E14: Invalid address');
        return false;
      }
      const to = dest.line2;
      if (to >= ed.buf.lineCount || to < -1) {
        ed.error('E16: Invalid range');
        return false;
      }
      const lines = ed.buf.lines.slice(cmd.line1, cmd.line2 + 1);
      if (cmd.name === 'move') {
        if (to >= cmd.line1 && to < cmd.line2) {
          ed.error('E134: Cannot move a range of lines into itself');
          return false;
        }
        if (to === cmd.line2 || to === cmd.line1 - 1) return true;
        ed.changeWarning();
        ed.buf.replace(cmd.line1, lines.length, []);
        const at = to > cmd.line2 ? to - lines.length + 1 : to + 1;
        ed.buf.replace(at, 0, lines);
        ed.cur = { line: at + lines.length - 1, col: 0 };
        if (lines.length > ed.opts.report) ed.message(`${lines.length} lines moved`);
      } else {
        ed.changeWarning();
        ed.buf.replace(to + 1, 0, lines);
        ed.cur = { line: to + lines.length, col: 0 };
        reportLines(ed, lines.length);
      }
      ed.toFirstNonBlank();
      return true;
    }
    case 'join': {
      const { count } = regAndCount(cmd.arg);
      let [a, b] = [cmd.line1, cmd.line2];
      if (count !== undefined) [a, b] = [cmd.line2, cmd.line2 + count - 1];
      if (cmd.addrCount < 2 && count === undefined) b = a + 1;
      if (b >= ed.buf.lineCount) b = ed.buf.lineCount - 1;
      if (a === b) return true;
      joinLines(ed, a, b - a + 1, !cmd.bang);
      return true;
    }
    case '>': case '<': {
      const extra = (/^[<>]*/.exec(cmd.arg)?.[0].length ?? 0);
      const { count } = regAndCount(cmd.arg.slice(extra));
      const [a, b] = countRange(count);
      opShift(ed, { start: { line: a, col: 0 }, end: { line: b, col: 0 }, linewise: true, inclusive: false }, cmd.name === '>', 1 + extra);
      return true;
    }
    case 'print': case 'Print': case 'number': case '#': case 'list': {
      const flags = cmd.arg.trim();
      const { count } = regAndCount(flags.replace(/[#lp]/g, ''));
      const [a, b] = countRange(count);
      if (ed.buf.empty) {
        ed.error('E749: Empty buffer');
        return false;
      }
      printLines(ed, a, b, cmd.name === 'number' || cmd.name === '#' || flags.includes('#'), cmd.name === 'list' || flags.includes('l'));
      return true;
    }
    case 'append': case 'insert': case 'change':
      return host.textLines ? appendText(ed, cmd, await host.textLines()) : undefined;
    case '=':
      ed.output([{ text: String(cmd.addrCount ? cmd.line2 + 1 : ed.buf.lineCount), hl: 'Normal' }]);
      return true;
    case 'normal': {
      const keys = cmd.arg;
      if (!keys) {
        ed.error('E471: Argument required');
        return false;
      }
      const lines = cmd.addrCount ? [cmd.line1, cmd.line2] : undefined;
      if (!lines) await host.normal(keys);
      else {
        for (let i = lines[0]!; i <= lines[1]! && i < ed.buf.lineCount; i++) {
          ed.cur = { line: i, col: 0 };
          await host.normal(keys);
        }
      }
      return true;
    }
    case 'sort':
      return sortLines(ed, cmd);
    case 'undo': case 'redo':
      undoCmd(ed, cmd.name === 'redo', 1);
      return true;
    case 'k': case 'mark': {
      const name = cmd.arg.trim();
      if (!/^[a-zA-Z'`<>[\]]$/.test(name)) {
        ed.error(name ? 'E191: Argument must be a letter or forward/backward quote' : 'E471: Argument required');
        return false;
      }
      ed.setMark(name === '`' ? "'" : name, { line: cmd.line2, col: 0 });
      return true;
    }
    case 'nohlsearch':
      ed.noHighlight = true;
      return true;
    case 'retab':
      return true;
  }
  return undefined;
}

/** :sort [!] [i] [n] [u] */
function sortLines(ed: Editor, cmd: ExCommand): boolean {
  const flags = cmd.arg.trim();
  const [a, b] = cmd.addrCount ? [cmd.line1, cmd.line2] : [0, ed.buf.lineCount - 1];
  let lines = ed.buf.lines.slice(a, b + 1);
  const ic = flags.includes('i');
  const key = (s: string): string => (ic ? s.toLowerCase() : s);
  if (flags.includes('n')) {
    const num = (s: string): number => {
      const m = /-?\d+/.exec(s);
      return m ? Number(m[0]) : -Infinity;
    };
    lines.sort((x, y) => num(x) - num(y));
  } else lines.sort((x, y) => (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0));
  if (cmd.bang) lines.reverse();
  if (flags.includes('u')) lines = lines.filter((l, i) => i === 0 || key(l) !== key(lines[i - 1]!));
  ed.changeWarning();
  const removed = b - a + 1 - lines.length;
  ed.buf.replace(a, b - a + 1, lines);
  ed.cur = { line: a, col: 0 };
  if (removed) reportLines(ed, -removed);
  return true;
}
