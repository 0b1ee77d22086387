// Normal-mode commands that are neither motions nor operators: r ~ u U CTRL-R q @ m
// CTRL-A CTRL-X CTRL-G CTRL-L CTRL-C CTRL-Z, scrolling (CTRL-E/Y/D/U/F/B, z), & ga gi,
// and the function keys Photon's /etc/vimrc maps (F2 :w, F10 :q!).
import type { Editor } from './editor';
import { fileInfo } from './ex-file';
import { fitFileMessage } from './file';
import { pageScroll, scrollCursorTo, scrollLines } from './layout';
import type { Cmd, NormalHost } from './normal';
import { K } from './tty';
import { undoCmd } from './undo-msg';

/** Returns true for a change `.` repeats. */
export async function miscCommand(ed: Editor, host: NormalHost, c: Cmd): Promise<boolean> {
  const n = Math.max(1, c.count);
  switch (c.key) {
    case 'r': {
      const ch = await ed.nextKey();
      if (ch === '\x1b' || ch === '\x03') return false;
      const text = ed.line();
      if (ed.cur.col + n > text.length) {
        ed.beep();
        return false;
      }
      ed.changeWarning();
      if (ch === '\r' || ch === '\n') {
        // r<CR> replaces the characters with one line break
        ed.buf.replace(ed.cur.line, 1, [text.slice(0, ed.cur.col), text.slice(ed.cur.col + n)]);
        ed.cur = { line: ed.cur.line + 1, col: 0 };
      } else {
        ed.buf.setLine(ed.cur.line, text.slice(0, ed.cur.col) + ch.repeat(n) + text.slice(ed.cur.col + n));
        ed.cur.col += n - 1;
      }
      ed.updateWant();
      return true;
    }
    case '~': {
      const text = ed.line();
      if (text === '') {
        ed.beep();
        return false;
      }
      ed.changeWarning();
      const end = Math.min(text.length, ed.cur.col + n);
      const part = [...text.slice(ed.cur.col, end)].map((ch) => (ch === ch.toUpperCase() ? ch.toLowerCase() : ch.toUpperCase())).join('');
      ed.buf.setLine(ed.cur.line, text.slice(0, ed.cur.col) + part + text.slice(end));
      ed.cur.col = Math.min(end, text.length - 1);
      ed.updateWant();
      return true;
    }
    case 'u': case 'U':
      undoCmd(ed, false, n);
      return false;
    case '\x12':
      undoCmd(ed, true, n);
      return false;
    case 'm': {
      const name = await ed.nextKey();
      if (/^[a-zA-Z'`[\]<>]$/.test(name)) ed.setMark(name === '`' ? "'" : name);
      else if (name !== '\x1b') ed.beep();
      return false;
    }
    case 'q': {
      if (ed.macro) {
        const keys = ed.macro.keys.slice(0, -1).join('');
        ed.regs.put(ed.macro.reg, { lines: keys.split('\n'), linewise: false }, 'yank');
        ed.macro = undefined;
        ed.tty.macro = undefined;
        ed.msg = undefined;
        return false;
      }
      const r = await ed.nextKey();
      if (!/^[a-zA-Z0-9"]$/.test(r)) {
        if (r !== '\x1b') ed.beep();
        return false;
      }
      ed.macro = { reg: r, keys: [] };
      ed.tty.macro = ed.macro.keys;
      return false;
    }
    case '@': {
      let r = await ed.nextKey();
      if (r === '@') r = ed.lastMacro ?? '';
      if (r === ':') {
        const last = ed.regs.readOnly[':'];
        if (!last) {
          ed.error('E30: No previous command line');
          return false;
        }
        for (let i = 0; i < n; i++) await host.ex(last);
        return false;
      }
      const reg = ed.regs.get(r);
      if (!reg) {
        ed.beep();
        return false;
      }
      ed.lastMacro = r;
      ed.tty.push(((reg.lines.join('\n') + (reg.linewise ? '\n' : '')) as string).repeat(n));
      return false;
    }
    case '\x01': case '\x18':
      return increment(ed, c.key === '\x01' ? n : -n);
    case '\x07':
      ed.message(fitFileMessage(ed, fileInfo(ed)));
      return false;
    case '\x0c':
      host.repaint();
      return false;
    case '\x03':
      ed.message(ed.buf.modified ? 'Type  :qa!  and press <Enter> to abandon all changes and exit Vim' : 'Type  :qa  and press <Enter> to exit Vim');
      return false;
    case '\x1a':
      await host.suspend();
      return false;
    case '\x05': case '\x19':
      if (!scrollLines(ed, n, c.key === '\x05')) ed.beep();
      return false;
    case '\x04': case '\x15':
      if (!pageScroll(ed, c.key === '\x04', c.count, true)) ed.beep();
      return false;
    case '\x06': case '\x02': case K.PageDown: case K.PageUp:
      if (!pageScroll(ed, c.key === '\x06' || c.key === K.PageDown, n, false)) ed.beep();
      return false;
    case 'z': {
      const z = await ed.nextKey();
      if (c.count) ed.moveToLine(Math.min(ed.buf.lineCount - 1, c.count - 1), false);
      if (z === 't' || z === '\r') scrollCursorTo(ed, 't');
      else if (z === 'z' || z === '.') scrollCursorTo(ed, 'z');
      else if (z === 'b' || z === '-') scrollCursorTo(ed, 'b');
      else if (!'hlHLse'.includes(z)) ed.beep();
      if (z === '\r' || z === '.' || z === '-') ed.toFirstNonBlank();
      return false;
    }
    case '&':
      await host.ex('s');
      return true;
    case 'g&':
      await host.ex('%s//~/&');
      return true;
    case 'gi': {
      const at = ed.marks.get('^');
      if (at) ed.cur = { ...at };
      ed.tty.push('i');
      return false;
    }
    case 'ga': {
      const ch = ed.line()[ed.cur.col];
      if (ch === undefined) ed.message('NUL');
      else {
        const code = ch.codePointAt(0)!;
        const shown = code < 0x20 ? `^${String.fromCharCode(code + 64)}` : ch;
        ed.message(`<${shown}> ${code}, Hex ${code.toString(16).padStart(2, '0')}, Oct ${code.toString(8).padStart(3, '0')}${code < 0x80 ? '' : ''}`);
      }
      return false;
    }
    case 'K': {
      // 'keywordprg' is man: K runs "man [count] word" with the screen given back
      const text = ed.line();
      let s = ed.cur.col;
      const isKw = (ch: string | undefined): boolean => ch !== undefined && /[A-Za-z0-9_.-]/.test(ch);
      while (s < text.length && !isKw(text[s])) s++;
      while (s > 0 && isKw(text[s - 1])) s--;
      let e = s;
      while (e < text.length && isKw(text[e])) e++;
      if (e === s) {
        ed.error('E349: No identifier under cursor');
        return false;
      }
      await host.ex(`!man ${c.count ? `${c.count} ` : ''}${text.slice(s, e)}`);
      return false;
    }
    case K.F1:
      await host.ex('help');
      return false;
    case K.F2:
      await host.ex('w');
      return false;
    case K.F10:
      await host.ex('q!');
      return false;
    case '\x1e':
      ed.error('E23: No alternate file');
      return false;
  }
  ed.beep();
  return false;
}

/** CTRL-A / CTRL-X: the number at or after the cursor, decimal, hex (0x) or with a sign. */
function increment(ed: Editor, by: number): boolean {
  const text = ed.line();
  const re = /0[xX][0-9a-fA-F]+|-?\d+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = m.index + m[0].length;
    if (end <= ed.cur.col) continue;
    ed.changeWarning();
    let start = m.index;
    let word = m[0];
    // a minus right before the cursor's digits is part of the number only when not in a word
    if (word.startsWith('-') && start > 0 && /\w/.test(text[start - 1]!)) {
      start++;
      word = word.slice(1);
    }
    let out: string;
    if (/^0[xX]/.test(word)) {
      const v = (parseInt(word.slice(2), 16) + by) >>> 0;
      const hex = v.toString(16);
      out = word.slice(0, 2) + (/[A-F]/.test(word) ? hex.toUpperCase() : hex).padStart(word.length - 2, '0');
    } else out = String(Number(word) + by);
    ed.buf.setLine(ed.cur.line, text.slice(0, start) + out + text.slice(start + word.length));
    ed.cur.col = start + out.length - 1;
    ed.updateWant();
    return true;
  }
  ed.beep();
  return false;
}

