// Ex line ranges (":help cmdline-ranges"): N . $ % 'm /pat/ ?pat? \/ \? with +N -N offsets,
// joined by , or ; (which moves the cursor first). Lines here are 1-based, as typed.
import type { Editor } from './editor';
import { compile, PatternError } from './regex';

export interface ParsedRange {
  line1: number;
  line2: number;
  count: number;
  rest: string;
}

export type RangeResult = ParsedRange | { error: string };

function searchLine(ed: Editor, pattern: string, from: number, forward: boolean): number | string {
  let rx;
  try {
    rx = compile(pattern, { ignorecase: ed.opts.ignorecase, smartcase: ed.opts.smartcase, lastSub: ed.lastSub?.rep });
  } catch (e) {
    if (e instanceof PatternError) return e.message;
    throw e;
  }
  const n = ed.buf.lineCount;
  for (let k = 1; k <= n; k++) {
    const i = forward ? from + k : from - k;
    if (!ed.opts.wrapscan && (i < 0 || i >= n)) break;
    const line = ((i % n) + n) % n;
    rx.re.lastIndex = 0;
    if (rx.re.test(ed.buf.line(line))) return line;
  }
  return `E486: Pattern not found: ${pattern}`;
}

/** One address at the start of `s`, with its offsets; undefined when there is none. */
function address(ed: Editor, s: string, cur: number): { line: number; rest: string } | { error: string } | undefined {
  let i = 0;
  let line: number | undefined;
  const c = s[0];
  if (c === '.') {
    line = cur;
    i = 1;
  } else if (c === '$') {
    line = ed.buf.lineCount - 1;
    i = 1;
  } else if (c !== undefined && /[0-9]/.test(c)) {
    const m = /^\d+/.exec(s)!;
    line = Number(m[0]) - 1;
    i = m[0].length;
  } else if (c === "'") {
    const name = s[1];
    if (name === undefined) return { error: 'E20: Mark not set' };
    const mark = name === "'" || name === '`' ? ed.marks.get("'") ?? { line: 0, col: 0 } : ed.marks.get(name);
    if (!mark) return { error: 'E20: Mark not set' };
    line = mark.line;
    i = 2;
  } else if (c === '/' || c === '?') {
    let j = 1;
    let pat = '';
    while (j < s.length && s[j] !== c) {
      if (s[j] === '\\' && j + 1 < s.length) {
        pat += s[j + 1] === c ? c : s.slice(j, j + 2);
        j += 2;
        continue;
      }
      pat += s[j];
      j++;
    }
    if (pat === '') {
      if (!ed.lastSearch) return { error: 'E35: No previous regular expression' };
      pat = ed.lastSearch.pattern;
    } else ed.lastSearch = { pattern: pat, forward: c === '/' };
    const found = searchLine(ed, pat, cur, c === '/');
    if (typeof found === 'string') return { error: found };
    line = found;
    i = j < s.length ? j + 1 : j;
  } else if (c === '\\' && (s[1] === '/' || s[1] === '?' || s[1] === '&')) {
    if (!ed.lastSearch) return { error: 'E35: No previous regular expression' };
    const found = searchLine(ed, ed.lastSearch.pattern, cur, s[1] !== '?');
    if (typeof found === 'string') return { error: found };
    line = found;
    i = 2;
  }
  // offsets: +N -N, a bare + or - counts one, and a number after an address adds
  let rest = s.slice(i);
  for (;;) {
    const m = /^\s*([+-])(\d*)/.exec(rest) ?? (line !== undefined ? /^()(\d+)/.exec(rest) : null);
    if (!m || (m[1] === '' && m[2] === '')) break;
    line ??= cur;
    const n = m[2] === '' ? 1 : Number(m[2]);
    line += m[1] === '-' ? -n : n;
    rest = rest.slice(m[0].length);
  }
  if (line === undefined) return undefined;
  return { line, rest };
}

/** Parses the range in front of an Ex command. */
export function parseRange(ed: Editor, text: string): RangeResult {
  let s = text.replace(/^[\s:]+/, '');
  let cur = ed.cur.line;
  const lines: number[] = [];
  if (s.startsWith('%')) {
    lines.push(0, ed.buf.lineCount - 1);
    s = s.slice(1);
    const more = address(ed, s, cur);
    if (more && 'error' in more) return more;
    if (more) {
      lines[1] = more.line;
      s = more.rest;
    }
  } else if (s.startsWith('*')) {
    const v = ed.lastVisual;
    if (!v) return { error: 'E20: Mark not set' };
    lines.push(Math.min(v.start.line, v.end.line), Math.max(v.start.line, v.end.line));
    s = s.slice(1);
  } else {
    for (let guard = 0; guard < 100; guard++) {
      const a = address(ed, s, cur);
      if (a && 'error' in a) return a;
      if (a) {
        lines.push(a.line);
        s = a.rest;
      }
      s = s.replace(/^\s+/, '');
      if (s.startsWith(',')) {
        if (!a) lines.push(cur);
        s = s.slice(1);
        if (!/^\s*[.$0-9'/?\\+-]/.test(s)) {
          lines.push(cur);
          break;
        }
        continue;
      }
      if (s.startsWith(';')) {
        if (!a) lines.push(cur);
        cur = lines.at(-1)!;
        s = s.slice(1);
        continue;
      }
      break;
    }
  }
  const count = lines.length;
  const line2 = count ? lines[count - 1]! : ed.cur.line;
  const line1 = count >= 2 ? lines[count - 2]! : line2;
  return { line1, line2, count, rest: s.replace(/^\s+/, '') };
}
