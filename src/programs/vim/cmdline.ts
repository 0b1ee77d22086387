// Typing a command line after `:`, `/` or `?` (ex_getln.c): editing keys, history with the
// arrow keys, CTRL-R {register}, and Tab completion of file names after `:e`, `:w`, `:r`.
import type { Editor } from './editor';
import { isWordChar } from './text';
import { K } from './tty';

async function complete(ed: Editor, text: string): Promise<string[] | undefined> {
  const m = /^(\s*\S+!?\s+)(.*)$/.exec(text);
  if (!m || !/^\s*(e|edit|w|write|r|read|sav|saveas|sp|split|new|vs|vsplit|tabe|cd|f|file|wq|x)!?\s/.test(m[1]!)) return undefined;
  const word = m[2]!;
  const slash = word.lastIndexOf('/');
  const dir = slash < 0 ? '.' : word.slice(0, slash + 1) || '/';
  const base = word.slice(slash + 1);
  let names: string[];
  try {
    names = await ed.sys.readdir(dir === '' ? '/' : dir);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const n of names.filter((x) => x.startsWith(base) && (base.startsWith('.') || !x.startsWith('.'))).sort()) {
    const full = (slash < 0 ? '' : word.slice(0, slash + 1)) + n;
    let isDir = false;
    try {
      isDir = (await ed.sys.stat(full)).kind === 'dir';
    } catch {
      isDir = false;
    }
    out.push(m[1]! + full + (isDir ? '/' : ''));
  }
  return out;
}

/** Reads a command line; undefined when it was abandoned (Esc, CTRL-C, Backspace on empty). */
export async function readCmdline(ed: Editor, prompt: string, initial = ''): Promise<string | undefined> {
  const history = prompt === ':' ? ed.cmdHistory : ed.searchHistory;
  const state = { prompt, text: initial, pos: initial.length };
  ed.cmdline = state;
  let hist = history.length;
  let histPrefix: string | undefined;
  let matches: string[] | undefined;
  let matchIndex = -1;
  const set = (text: string, pos = text.length): void => {
    state.text = text;
    state.pos = pos;
  };
  const insert = (s: string): void => set(state.text.slice(0, state.pos) + s + state.text.slice(state.pos), state.pos + s.length);
  for (;;) {
    const k = await ed.nextKey();
    if (k !== '\t') matches = undefined;
    if (k !== K.Up && k !== K.Down) histPrefix = undefined;
    if (k === '\r' || k === '\n') {
      ed.cmdline = undefined;
      const text = state.text;
      if (text !== '') {
        const i = history.indexOf(text);
        if (i >= 0) history.splice(i, 1);
        history.push(text);
        if (history.length > 50) history.shift();
      }
      ed.message(prompt + text);
      return text;
    }
    if (k === '\x1b' || k === '\x03' || k === K.Eof) {
      ed.cmdline = undefined;
      ed.msg = undefined;
      return undefined;
    }
    if (k === '\x7f' || k === '\b') {
      if (state.text === '') {
        ed.cmdline = undefined;
        ed.msg = undefined;
        return undefined;
      }
      if (state.pos > 0) set(state.text.slice(0, state.pos - 1) + state.text.slice(state.pos), state.pos - 1);
    } else if (k === K.Del) {
      if (state.pos < state.text.length) set(state.text.slice(0, state.pos) + state.text.slice(state.pos + 1), state.pos);
      else if (state.pos > 0) set(state.text.slice(0, -1));
    } else if (k === '\x17') {
      let i = state.pos;
      while (i > 0 && state.text[i - 1] === ' ') i--;
      const word = isWordChar(state.text[i - 1]);
      while (i > 0 && state.text[i - 1] !== ' ' && isWordChar(state.text[i - 1]) === word) i--;
      set(state.text.slice(0, i) + state.text.slice(state.pos), i);
    } else if (k === '\x15') set(state.text.slice(state.pos), 0);
    else if (k === K.Left) state.pos = Math.max(0, state.pos - 1);
    else if (k === K.Right) state.pos = Math.min(state.text.length, state.pos + 1);
    else if (k === K.Home || k === '\x02') state.pos = 0;
    else if (k === K.End || k === '\x05') state.pos = state.text.length;
    else if (k === K.Up || k === K.Down) {
      histPrefix ??= state.text;
      let i = hist;
      for (;;) {
        i += k === K.Up ? -1 : 1;
        if (i < 0 || i > history.length) {
          i = -1;
          break;
        }
        if (i === history.length || history[i]!.startsWith(histPrefix)) break;
      }
      if (i < 0) ed.beep();
      else {
        hist = i;
        set(i === history.length ? histPrefix : history[i]!);
      }
    } else if (k === '\x12') {
      const r = await ed.nextKey();
      if (r === '\x17') {
        const line = ed.line();
        let s = ed.cur.col;
        while (s > 0 && isWordChar(line[s - 1])) s--;
        let e = ed.cur.col;
        while (e < line.length && isWordChar(line[e])) e++;
        insert(line.slice(s, e));
      } else {
        const reg = ed.regs.get(r);
        if (reg) insert(reg.lines.join('\r'));
      }
    } else if (k === '\x16') insert(await ed.nextKey());
    else if (k === '\t' && prompt === ':') {
      matches ??= await complete(ed, state.text);
      if (!matches) insert('\t');
      else if (matches.length === 0) ed.beep();
      else {
        matchIndex = (matchIndex + 1) % matches.length;
        set(matches[matchIndex]!);
      }
      if (!matches || matches.length !== 1) continue;
      matches = undefined;
      matchIndex = -1;
    } else if (k.length >= 1 && (k < '\ue000' || k > '\uf8ff')) insert(k);
    if (k !== '\t') matchIndex = -1;
  }
}
