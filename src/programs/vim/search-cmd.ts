// The search commands / ? n N * # as motions: the pattern is remembered (for n, :s//, and
// the "/ register), the command line shows what was searched for, and wrapping around the
// end gives vim's warning.
import type { Editor } from './editor';
import type { Target } from './motions';
import { compile, PatternError } from './regex';
import { searchBuffer, starPattern } from './search';
import { isWordChar, type Pos } from './text';

/** Splits "/pat/e+1" style input into the pattern and its offset (which is ignored beyond e/s/b). */
function splitOffset(text: string, delim: string): { pattern: string; offset: string } {
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') {
      i++;
      continue;
    }
    if (text[i] === delim) return { pattern: text.slice(0, i), offset: text.slice(i + 1) };
  }
  return { pattern: text, offset: '' };
}

/** Runs a search from the cursor; shows the result on the last line. */
export async function doSearch(ed: Editor, pattern: string, forward: boolean, count: number, shown: string, offset = ''): Promise<Target | undefined> {
  let rx;
  try {
    rx = compile(pattern, { ignorecase: ed.opts.ignorecase, smartcase: ed.opts.smartcase, lastSub: ed.lastSub?.rep });
  } catch (e) {
    if (!(e instanceof PatternError)) throw e;
    ed.error(e.message);
    return undefined;
  }
  const from: Pos = { ...ed.cur };
  const res = await searchBuffer(ed.buf, rx, from, forward, count, ed.opts.wrapscan, async () => ed.pace());
  if ('error' in res) {
    ed.error(res.error);
    return undefined;
  }
  const f = res.found;
  if (f.wrapped) ed.message(f.wrapped, 'WarningMsg');
  else ed.message(shown);
  const m = /^([esb]?)([+-]?\d*)$/.exec(offset);
  if (m && (m[1] || m[2])) {
    const n = m[2] === '' || m[2] === '+' ? (m[1] ? 0 : 1) : m[2] === '-' ? -1 : Number(m[2]);
    if (m[1] === 'e') return { pos: { line: f.end.line, col: Math.max(0, f.end.col - 1 + n) }, inclusive: true, jump: true };
    if (m[1] === 's' || m[1] === 'b') return { pos: { line: f.pos.line, col: Math.max(0, f.pos.col + n) }, jump: true };
    const line = Math.max(0, Math.min(ed.buf.lineCount - 1, f.pos.line + n));
    return { pos: { line, col: 0 }, linewise: true, jump: true };
  }
  return { pos: f.pos, jump: true };
}

/** / and ?: the typed text (already read) becomes the last search. */
export async function searchTyped(ed: Editor, typed: string, forward: boolean, count: number): Promise<Target | undefined> {
  const delim = forward ? '/' : '?';
  let { pattern, offset } = splitOffset(typed, delim);
  if (pattern === '') {
    if (!ed.lastSearch) {
      ed.error('E35: No previous regular expression');
      return undefined;
    }
    pattern = ed.lastSearch.pattern;
  }
  ed.lastSearch = { pattern, forward };
  ed.lastSearchOffset = offset;
  ed.regs.readOnly['/'] = pattern;
  ed.noHighlight = false;
  return doSearch(ed, pattern, forward, count, `${delim}${typed}`, offset);
}

/** n and N. */
export async function searchNext(ed: Editor, reverse: boolean, count: number): Promise<Target | undefined> {
  if (!ed.lastSearch) {
    ed.error('E35: No previous regular expression');
    return undefined;
  }
  const forward = ed.lastSearch.forward !== reverse;
  ed.noHighlight = false;
  const offset = ed.lastSearchOffset ?? '';
  const shown = `${forward ? '/' : '?'}${ed.lastSearch.pattern}${offset ? (forward ? '/' : '?') + offset : ''}`;
  return doSearch(ed, ed.lastSearch.pattern, forward, count, shown, offset);
}

/** * # g* g#: the word under the cursor ('ignorecase' applies, 'smartcase' does not). */
export async function searchStar(ed: Editor, forward: boolean, whole: boolean, count: number): Promise<Target | undefined> {
  const pat = starPattern(ed.line(), ed.cur.col, isWordChar);
  if (!pat) {
    ed.error('E348: No string under cursor');
    return undefined;
  }
  const pattern = whole ? pat : pat.replace(/^\\<|\\>$/g, '');
  ed.lastSearch = { pattern, forward };
  ed.lastSearchOffset = '';
  ed.regs.readOnly['/'] = pattern;
  ed.noHighlight = false;
  const smart = ed.opts.smartcase;
  ed.opts.smartcase = false;
  try {
    // start from the beginning of the word so a count of 1 finds the next one
    let s = ed.cur.col;
    while (s > 0 && isWordChar(ed.line()[s - 1]) && isWordChar(ed.line()[s])) s--;
    const saved = ed.cur;
    ed.cur = { line: saved.line, col: s };
    const t = await doSearch(ed, pattern, forward, count, `${forward ? '/' : '?'}${pattern}`);
    if (!t) ed.cur = saved;
    return t;
  } finally {
    ed.opts.smartcase = smart;
  }
}
