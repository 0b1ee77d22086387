// Searching the buffer: `/` `?` `n` `N` `*` `#`, with 'wrapscan' and vim's messages
// ("search hit BOTTOM, continuing at TOP", E486, E384/E385), and the replacement string
// of `:s` (& \0-\9 ~ \r \n \t \u \U \l \L \e \E).
import type { TextBuffer } from './buffer';
import { compile, matchesIn, type VimRegex } from './regex';
import type { Pos } from './text';

export interface Found {
  pos: Pos;
  end: Pos;
  /** "search hit BOTTOM, continuing at TOP" (or TOP/BOTTOM) when the search went round. */
  wrapped?: string;
}

export type SearchOutcome = { found: Found } | { error: string };

/** Checked every few thousand lines: yields to the machine and says whether Ctrl-C stopped it. */
export type Pace = (line: number) => Promise<boolean>;

/** Searches `count` times from `from` (exclusive) in a direction; vim's searchit(). */
export async function searchBuffer(
  buf: TextBuffer,
  rx: VimRegex,
  from: Pos,
  forward: boolean,
  count: number,
  wrapscan: boolean,
  pace: Pace,
): Promise<SearchOutcome> {
  let pos = from;
  let wrapped: string | undefined;
  let last: Found | undefined;
  for (let k = 0; k < Math.max(1, count); k++) {
    const r = forward ? await searchForward(buf, rx, pos, wrapscan, pace) : await searchBackward(buf, rx, pos, wrapscan, pace);
    if (r === 'interrupted') return { error: 'Interrupted' };
    if (!r) {
      if (!wrapscan) return { error: forward ? `E385: Search hit BOTTOM without match for: ${rx.source}` : `E384: Search hit TOP without match for: ${rx.source}` };
      return { error: `E486: Pattern not found: ${rx.source}` };
    }
    if (r.wrapped) wrapped = r.wrapped;
    last = r;
    pos = r.pos;
  }
  return { found: { ...last!, wrapped } };
}

async function searchForward(buf: TextBuffer, rx: VimRegex, from: Pos, wrapscan: boolean, pace: Pace): Promise<Found | undefined | 'interrupted'> {
  const n = buf.lineCount;
  for (let k = 0; k <= n; k++) {
    const line = (from.line + k) % n;
    const wrapped = from.line + k >= n;
    if (wrapped && !wrapscan) return undefined;
    if (k % 4096 === 4095 && (await pace(line))) return 'interrupted';
    const text = buf.line(line);
    for (const [s, e] of matchesIn(rx.re, text)) {
      if (k === 0 && s <= from.col) continue;
      if (k === n && s > from.col) break;
      return { pos: { line, col: s }, end: { line, col: e }, wrapped: wrapped ? 'search hit BOTTOM, continuing at TOP' : undefined };
    }
  }
  return undefined;
}

async function searchBackward(buf: TextBuffer, rx: VimRegex, from: Pos, wrapscan: boolean, pace: Pace): Promise<Found | undefined | 'interrupted'> {
  const n = buf.lineCount;
  for (let k = 0; k <= n; k++) {
    const raw = from.line - k;
    const wrapped = raw < 0;
    if (wrapped && !wrapscan) return undefined;
    const line = ((raw % n) + n) % n;
    if (k % 4096 === 4095 && (await pace(line))) return 'interrupted';
    const ms = matchesIn(rx.re, buf.line(line));
    for (let i = ms.length - 1; i >= 0; i--) {
      const [s, e] = ms[i]!;
      if (k === 0 && s >= from.col) continue;
      if (k === n && s < from.col) break;
      return { pos: { line, col: s }, end: { line, col: e }, wrapped: wrapped ? 'search hit TOP, continuing at BOTTOM' : undefined };
    }
  }
  return undefined;
}

/** The pattern `*` and `#` search for: the keyword under or after the cursor, as a whole word. */
export function starPattern(line: string, col: number, isWord: (c: string | undefined) => boolean): string | undefined {
  const esc = (w: string): string => w.replace(/[\\/.*$^~[\]]/g, '\\$&');
  let s = col;
  if (isWord(line[col])) while (s > 0 && isWord(line[s - 1])) s--;
  else while (s < line.length && !isWord(line[s])) s++;
  if (s < line.length) {
    let e = s;
    while (e < line.length && isWord(line[e])) e++;
    return `\\<${esc(line.slice(s, e))}\\>`;
  }
  // no keyword: the non-blank characters under or after the cursor
  const blank = (c: string | undefined): boolean => c === undefined || c === ' ' || c === '\t';
  s = col;
  if (!blank(line[col])) while (s > 0 && !blank(line[s - 1])) s--;
  else while (s < line.length && blank(line[s])) s++;
  if (s >= line.length) return undefined;
  let e = s;
  while (e < line.length && !blank(line[e])) e++;
  return esc(line.slice(s, e));
}

export { compile };

/** A replacement string's pieces resolved for one match; `\r` in the result splits the line. */
export function expandReplacement(rep: string, m: RegExpExecArray, prevRep: string): string {
  let out = '';
  let oneCase: 'u' | 'l' | undefined;
  let allCase: 'U' | 'L' | undefined;
  const add = (s: string): void => {
    for (const ch of s) {
      let c = ch;
      if (allCase === 'U') c = c.toUpperCase();
      else if (allCase === 'L') c = c.toLowerCase();
      if (oneCase === 'u') c = c.toUpperCase();
      else if (oneCase === 'l') c = c.toLowerCase();
      oneCase = undefined;
      out += c;
    }
  };
  for (let i = 0; i < rep.length; i++) {
    const c = rep[i]!;
    if (c === '&') add(m[0]);
    else if (c === '~') add(prevRep);
    else if (c === '\r') out += '\r';
    else if (c === '\\' && i + 1 < rep.length) {
      const n = rep[++i]!;
      if (/[0-9]/.test(n)) add(m[Number(n)] ?? '');
      else if (n === 'r') out += '\r';
      else if (n === 'n') out += '\x00';
      else if (n === 't') add('\t');
      else if (n === 'u' || n === 'l') oneCase = n;
      else if (n === 'U' || n === 'L') allCase = n;
      else if (n === 'e' || n === 'E') allCase = oneCase = undefined;
      else add(n);
    } else add(c);
  }
  return out;
}
