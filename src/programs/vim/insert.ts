// Insert and Replace mode (edit.c): typed text goes into the buffer until <Esc>; Backspace
// may cross the start of the insert and line breaks ('backspace' indent,eol,start from
// /etc/vimrc); CTRL-W, CTRL-U, CTRL-R {reg}, CTRL-V {char}, CTRL-A, CTRL-T/CTRL-D, CTRL-O
// one command; the arrow keys move and start a new undo step; a count repeats the text.
import type { Editor } from './editor';
import { makeIndent } from './operator';
import { charClass, firstNonBlank, isBlank, vcolOf } from './text';
import { K } from './tty';

export interface InsertSpec {
  count: number;
  /** o and O: repeats open new lines. */
  openLine?: boolean;
  replace?: boolean;
  /** Runs one Normal-mode command (CTRL-O). */
  normalOnce?: () => Promise<void>;
}

export async function insertMode(ed: Editor, spec: InsertSpec): Promise<void> {
  ed.mode = spec.replace ? 'replace' : 'insert';
  ed.msg = undefined;
  let inserted = '';
  let startCol = ed.cur.col;
  let startLine = ed.cur.line;
  /** Characters Replace mode typed over, to put back on Backspace (undefined: appended). */
  const replaced: (string | undefined)[] = [];
  const type = (text: string): void => {
    for (const c of text) {
      if (c === '\r') newline();
      else insertChar(c);
    }
  };
  const insertChar = (c: string): void => {
    ed.changeWarning();
    const line = ed.line();
    const col = ed.cur.col;
    if (ed.mode === 'replace' && col < line.length) {
      replaced.push(line[col]);
      ed.buf.setLine(ed.cur.line, line.slice(0, col) + c + line.slice(col + 1));
    } else {
      if (ed.mode === 'replace') replaced.push(undefined);
      ed.buf.setLine(ed.cur.line, line.slice(0, col) + c + line.slice(col));
    }
    ed.cur.col += c.length;
  };
  const newline = (): void => {
    // a line break, in Replace mode too (":help Replace-mode"); 'autoindent' copies the indent
    ed.changeWarning();
    const line = ed.line();
    const col = ed.cur.col;
    const indent = ed.opts.autoindent ? line.slice(0, firstNonBlank(line)) : '';
    let head = line.slice(0, col);
    let rest = line.slice(col);
    if (ed.opts.autoindent) {
      if (/^\s*$/.test(head)) head = '';
      rest = rest.slice(firstNonBlank(rest));
    }
    ed.buf.replace(ed.cur.line, 1, [head, indent + rest]);
    ed.cur = { line: ed.cur.line + 1, col: indent.length };
  };
  const backspace = (): boolean => {
    const col = ed.cur.col;
    if (col === 0) {
      if (ed.cur.line === 0) return false;
      if (ed.mode === 'replace' && ed.cur.line <= startLine) return false;
      const prev = ed.line(ed.cur.line - 1);
      ed.buf.replace(ed.cur.line - 1, 2, [prev + ed.line()]);
      ed.cur = { line: ed.cur.line - 1, col: prev.length };
      if (ed.cur.line < startLine || (ed.cur.line === startLine && ed.cur.col < startCol)) [startLine, startCol] = [ed.cur.line, ed.cur.col];
      return true;
    }
    const line = ed.line();
    if (ed.mode === 'replace') {
      if (replaced.length === 0) {
        ed.cur.col--;
        return true;
      }
      const orig = replaced.pop();
      ed.buf.setLine(ed.cur.line, line.slice(0, col - 1) + (orig ?? '') + line.slice(col));
    } else ed.buf.setLine(ed.cur.line, line.slice(0, col - 1) + line.slice(col));
    ed.cur.col--;
    if (ed.cur.line === startLine && ed.cur.col < startCol) startCol = ed.cur.col;
    return true;
  };
  const deleteBack = (to: number): void => {
    const line = ed.line();
    ed.buf.setLine(ed.cur.line, line.slice(0, to) + line.slice(ed.cur.col));
    ed.cur.col = to;
    if (ed.cur.line === startLine && to < startCol) startCol = to;
  };
  const shiftLine = (right: boolean): void => {
    const line = ed.line();
    const sw = ed.opts.shiftwidth || ed.opts.tabstop;
    const fnb = firstNonBlank(line);
    const cur = vcolOf(line, fnb, ed.opts.tabstop).start;
    const next = right ? (Math.floor(cur / sw) + 1) * sw : Math.max(0, Math.ceil(cur / sw) * sw - sw);
    const indent = makeIndent(next, ed.opts.tabstop, ed.opts.expandtab);
    ed.buf.setLine(ed.cur.line, indent + line.slice(fnb));
    ed.cur.col = Math.max(indent.length, ed.cur.col + indent.length - fnb);
  };
  const moved = (): void => {
    // moving the cursor ends this part of the insert: a new undo step, nothing to repeat
    ed.buf.sync(ed.cur);
    inserted = '';
    spec.count = 1;
    startLine = ed.cur.line;
    startCol = ed.cur.col;
    ed.updateWant();
  };

  for (;;) {
    ed.clamp();
    const k = await ed.nextKey();
    if (k === '\x1b' || k === '\x03' || k === K.Eof || k === K.F2 || k === K.F1) {
      if (k === '\x1b' && spec.count > 1) {
        for (let n = 1; n < spec.count; n++) {
          if (spec.openLine) {
            ed.buf.replace(ed.cur.line + 1, 0, ['']);
            ed.cur = { line: ed.cur.line + 1, col: 0 };
          }
          type(inserted);
        }
      }
      ed.lastInsert = inserted;
      ed.setMark('^');
      ed.regs.readOnly['.'] = inserted.replace(/\r/g, '\n');
      if (ed.cur.col > 0) ed.cur.col--;
      ed.mode = 'normal';
      // the mode message is cleared, and with it what Insert mode showed (W10)
      if (ed.opts.showmode) ed.msg = undefined;
      ed.clamp();
      ed.updateWant();
      // Photon's /etc/vimrc: imap <F2> <Esc>:w<CR>; <F1> is :help
      if (k === K.F2) ed.tty.push(':w\r');
      if (k === K.F1) ed.tty.push(':help\r');
      return;
    }
    if (k === '\r' || k === '\n') {
      newline();
      inserted += '\r';
    } else if (k === '\x7f' || k === '\b') {
      if (!backspace()) ed.beep();
      else inserted = inserted.slice(0, -1);
    } else if (k === K.Del) {
      const line = ed.line();
      if (ed.cur.col < line.length) ed.buf.setLine(ed.cur.line, line.slice(0, ed.cur.col) + line.slice(ed.cur.col + 1));
      else if (ed.cur.line < ed.buf.lineCount - 1) ed.buf.replace(ed.cur.line, 2, [line + ed.line(ed.cur.line + 1)]);
      else ed.beep();
    } else if (k === '\x17') {
      // CTRL-W: the word before the cursor (and the blanks after it)
      if (ed.cur.col === 0) backspace();
      else {
        const line = ed.line();
        let i = ed.cur.col;
        while (i > 0 && isBlank(line[i - 1])) i--;
        const cls = charClass(line[i - 1]);
        while (i > 0 && charClass(line[i - 1]) === cls && !isBlank(line[i - 1])) i--;
        if (ed.cur.line === startLine && ed.cur.col > startCol && i < startCol) i = startCol;
        deleteBack(i);
      }
      inserted = '';
    } else if (k === '\x15') {
      // CTRL-U: what was typed before the cursor in this line, else up to the indent, else all
      const fnb = firstNonBlank(ed.line());
      const to = ed.cur.line === startLine && ed.cur.col > startCol ? startCol : ed.cur.col > fnb ? fnb : 0;
      if (ed.cur.col === 0) backspace();
      else deleteBack(to);
      inserted = '';
    } else if (k === '\t') {
      if (ed.opts.expandtab) {
        const v = vcolOf(ed.line(), ed.cur.col, ed.opts.tabstop).start;
        const step = ed.opts.softtabstop > 0 ? ed.opts.softtabstop : ed.opts.tabstop;
        type(' '.repeat(step - (v % step)));
      } else insertChar('\t');
      inserted += '\t';
    } else if (k === '\x12') {
      // CTRL-R {register}
      const name = await ed.nextKey();
      const reg = ed.regs.get(name);
      if (reg) {
        const text = reg.lines.join('\r') + (reg.linewise ? '\r' : '');
        type(text);
        inserted += text;
      }
    } else if (k === '\x16' || k === '\x11') {
      const c = await ed.nextKey();
      insertChar(c);
      inserted += c;
    } else if (k === '\x01') {
      type(ed.lastInsert);
      inserted += ed.lastInsert;
    } else if (k === '\x05' || k === '\x19') {
      // CTRL-E / CTRL-Y: the character below / above the cursor
      const other = ed.cur.line + (k === '\x05' ? 1 : -1);
      const src = other >= 0 && other < ed.buf.lineCount ? ed.line(other) : '';
      const v = vcolOf(ed.line(), ed.cur.col, ed.opts.tabstop).start;
      let vv = 0;
      let c: string | undefined;
      for (const ch of src) {
        if (vv >= v) {
          c = ch;
          break;
        }
        vv += ch === '\t' ? ed.opts.tabstop - (vv % ed.opts.tabstop) : 1;
      }
      if (c === undefined) ed.beep();
      else {
        insertChar(c);
        inserted += c;
      }
    } else if (k === '\x14' || k === '\x04') {
      shiftLine(k === '\x14');
    } else if (k === '\x0f' && spec.normalOnce) {
      ed.mode = 'normal';
      await spec.normalOnce();
      if (ed.exitCode !== undefined) return;
      ed.mode = spec.replace ? 'replace' : 'insert';
      moved();
    } else if (k === K.Insert) {
      ed.mode = ed.mode === 'insert' ? 'replace' : 'insert';
    } else if (k === K.Left || k === K.Right || k === K.Up || k === K.Down || k === K.Home || k === K.End || k === K.PageUp || k === K.PageDown) {
      const line = ed.line();
      if (k === K.Left) {
        if (ed.cur.col > 0) ed.cur.col--;
        else ed.beep();
      } else if (k === K.Right) {
        if (ed.cur.col < line.length) ed.cur.col++;
        else ed.beep();
      } else if (k === K.Home) ed.cur.col = 0;
      else if (k === K.End) ed.cur.col = line.length;
      else {
        const down = k === K.Down || k === K.PageDown;
        const by = k === K.PageUp || k === K.PageDown ? Math.max(1, ed.height - 2) : 1;
        const target = ed.cur.line + (down ? by : -by);
        if (target < 0 || target >= ed.buf.lineCount) ed.beep();
        else {
          ed.moveToLine(target, false);
          moved();
          continue;
        }
      }
      moved();
    } else if (k !== '' && (k.length > 1 || k < '\ue000' || k > '\uf8ff')) {
      // text, and other control characters as they are (shown as ^X)
      insertChar(k);
      inserted += k;
    }
  }
}
