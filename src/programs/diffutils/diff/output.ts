// diff's output formats for one pair of files: normal, context (-c) and unified (-u), with
// hunks grouped as util.c/context.c group them, -B/-I ignorable changes, and the
// "\ No newline at end of file" marker.
import type { SafeRegExp } from '../../lib/safe-regex';
import type { Stat } from '../../../shared/stat';
import { strftime } from '../../lib/strftime';
import type { Analysis, Change, FileLines } from './analyze';
import type { Paint } from './colors';

const encoder = new TextEncoder();

export type Style = 'normal' | 'context' | 'unified';

export interface OutputOptions {
  style: Style;
  context: number;
  labels: [string | undefined, string | undefined];
  initialTab: boolean;
  expandTabs: boolean;
  tabsize: number;
  suppressBlankEmpty: boolean;
  ignoreBlankLines: boolean;
  whiteSpaceSkip: 'none' | 'trailing' | 'leading';
  ignoreRegex: SafeRegExp | undefined;
  /** -p / -F: lines that start a function, shown after each hunk header. */
  functionRegex: SafeRegExp | undefined;
  /** --color: the escape sequences, or undefined for plain output. */
  paint?: Paint;
}

/** Collects output bytes. */
export class Out {
  parts: Uint8Array[] = [];
  size = 0;
  text(s: string): void {
    this.bytes(encoder.encode(s));
  }
  bytes(b: Uint8Array): void {
    if (b.length) {
      this.parts.push(b);
      this.size += b.length;
    }
  }
}

/** diff's c_escape for names in headers: quoted with C escapes when they hold blanks or controls. */
export function cEscape(name: string): string {
  let must = false;
  let out = '';
  const esc: Record<string, string> = { '\x07': 'a', '\b': 'b', '\t': 't', '\n': 'n', '\v': 'v', '\f': 'f', '\r': 'r', '"': '"', '\\': '\\' };
  for (const ch of name) {
    if (ch === ' ') must = true;
    const e = esc[ch];
    if (e !== undefined) {
      must = true;
      out += `\\${e}`;
    } else if (ch.charCodeAt(0) < 32) {
      must = true;
      out += `\\${ch.charCodeAt(0).toString(8).padStart(3, '0')}`;
    } else out += ch;
  }
  return must ? `"${out}"` : name;
}

export interface Pair {
  files: [FileLines, FileLines];
  names: [string, string];
  stats: [Stat | undefined, Stat | undefined];
  a: Analysis;
}

const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);

/** analyze_hunk: line ranges of a hunk and whether it deletes (1), inserts (2), both (3), or only ignorable lines (0). */
export function analyzeHunk(p: Pair, hunk: Change[], o: OutputOptions): { changes: number; first0: number; last0: number; first1: number; last1: number } {
  const line = (f: number, i: number): Uint8Array => p.files[f]!.lines[p.a.prefixLines + i]!;
  let trivial = o.ignoreBlankLines || o.ignoreRegex !== undefined;
  const trivialLength = o.ignoreBlankLines ? 0 : -1;
  const isTrivial = (l: Uint8Array): boolean => {
    let end = l.length;
    if (end && l[end - 1] === 10) end--;
    let start = 0;
    if (o.ignoreBlankLines && o.whiteSpaceSkip !== 'none') {
      let k = 0;
      while (k < end && isSpace(l[k]!)) k++;
      if (k === end) start = end;
      else if (o.whiteSpaceSkip === 'leading') start = k;
    }
    if (end - start === trivialLength) return true;
    if (o.ignoreRegex) return o.ignoreRegex.test(new TextDecoder().decode(l.subarray(0, end)));
    return false;
  };
  let showFrom = 0;
  let showTo = 0;
  let l0 = 0;
  let l1 = 0;
  for (const c of hunk) {
    l0 = c.line0 + c.deleted - 1;
    l1 = c.line1 + c.inserted - 1;
    showFrom += c.deleted;
    showTo += c.inserted;
    for (let i = c.line0; i <= l0 && trivial; i++) if (!isTrivial(line(0, i))) trivial = false;
    for (let i = c.line1; i <= l1 && trivial; i++) if (!isTrivial(line(1, i))) trivial = false;
  }
  const changes = trivial ? 0 : (showFrom ? 1 : 0) | (showTo ? 2 : 0);
  return { changes, first0: hunk[0]!.line0, last0: l0, first1: hunk[0]!.line1, last1: l1 };
}

/** Whether the script holds any change that is not ignorable. */
export function hasRealChanges(p: Pair, o: OutputOptions): boolean {
  if (!o.ignoreBlankLines && !o.ignoreRegex) return p.a.script.length > 0;
  return p.a.script.some((c) => analyzeHunk(p, [c], o).changes !== 0);
}

/** One line with its flag; `color` starts it (the caller may have printed it already) and `reset` ends it before the newline. */
function writeLine(out: Out, line: Uint8Array, flag: string | undefined, o: OutputOptions, color?: string): void {
  if (color) out.text(color);
  if (flag) {
    if (o.suppressBlankEmpty && line[0] === 10) out.text(flag === ' ' ? '' : flag);
    else out.text(o.initialTab ? `${flag}\t` : `${flag} `);
  }
  const hasNl = line.length > 0 && line[line.length - 1] === 10;
  const body = hasNl ? line.subarray(0, line.length - 1) : line;
  out.bytes(o.expandTabs ? expandTabs(body, o.tabsize) : body);
  if (color !== undefined && o.paint) out.text(o.paint.rs);
  if (!hasNl && (flag === undefined || flag !== '')) out.text('\n\\ No newline at end of file\n');
  else if (hasNl) out.text('\n');
}

/** output_1_line with -t: tabs become spaces to the next stop; CR restarts, BS steps back a column. */
export function expandTabs(body: Uint8Array, tabsize: number): Uint8Array {
  let column = 0;
  const bytes: number[] = [];
  for (const c of body) {
    if (c === 9) {
      const spaces = tabsize - (column % tabsize);
      column += spaces;
      for (let k = 0; k < spaces; k++) bytes.push(32);
    } else if (c === 13) {
      bytes.push(c);
      column = 0;
    } else if (c === 8) {
      if (column === 0) continue;
      column--;
      bytes.push(c);
    } else {
      column += c >= 32 && c < 127 ? 1 : 0;
      bytes.push(c);
    }
  }
  return Uint8Array.from(bytes);
}

/** `text` in one of the palette's colors (as it is without --color). */
function paintLine(o: OutputOptions, key: keyof Paint, text: string): string {
  return o.paint ? `${o.paint[key]}${text}${o.paint.rs}` : text;
}

function numberRange(p: Pair, f: number, a: number, b: number): [number, number] {
  return [a + p.a.prefixLines + 1, b + p.a.prefixLines + 1];
}

function normalHunks(p: Pair, o: OutputOptions, out: Out, begin: () => void): void {
  for (const c of p.a.script) {
    const h = analyzeHunk(p, [c], o);
    if (!h.changes) continue;
    begin();
    const range = (f: number, a: number, b: number): string => {
      const [ta, tb] = numberRange(p, f, a, b);
      return tb > ta ? `${ta},${tb}` : String(tb);
    };
    out.text(`${paintLine(o, 'ln', `${range(0, h.first0, h.last0)}${' dac'[h.changes]}${range(1, h.first1, h.last1)}`)}\n`);
    if (h.changes & 1) for (let i = h.first0; i <= h.last0; i++) writeLine(out, p.files[0].lines[p.a.prefixLines + i]!, '<', o, o.paint?.de);
    if (h.changes === 3) out.text('---\n');
    if (h.changes & 2) for (let i = h.first1; i <= h.last1; i++) writeLine(out, p.files[1].lines[p.a.prefixLines + i]!, '>', o, o.paint?.ad);
  }
}

/** find_hunk: changes closer than 2*context+1 unchanged lines (context, if ignorable) go together. */
function groupHunks(script: Change[], context: number): Change[][] {
  const hunks: Change[][] = [];
  let i = 0;
  while (i < script.length) {
    const hunk: Change[] = [script[i]!];
    for (;;) {
      const prev = script[i]!;
      const next = script[i + 1];
      if (!next) break;
      const thresh = next.ignore ? context : 2 * context + 1;
      if (next.line0 - (prev.line0 + prev.deleted) >= thresh) break;
      hunk.push(next);
      i++;
    }
    hunks.push(hunk);
    i++;
  }
  return hunks;
}

/** context.c find_function: the nearest line above `linenum` that starts a function. */
function functionFinder(p: Pair, re: SafeRegExp): (linenum: number) => string | undefined {
  let lastSearch = -p.a.prefixLines;
  let lastMatch: number | undefined;
  return (linenum) => {
    const last = lastSearch;
    lastSearch = linenum;
    for (let i = linenum - 1; i >= last; i--) {
      const l = p.files[0].lines[p.a.prefixLines + i]!;
      const text = new TextDecoder().decode(l[l.length - 1] === 10 ? l.subarray(0, -1) : l);
      if (re.test(text)) {
        lastMatch = i;
        return text;
      }
    }
    if (lastMatch === undefined) return undefined;
    const l = p.files[0].lines[p.a.prefixLines + lastMatch]!;
    return new TextDecoder().decode(l[l.length - 1] === 10 ? l.subarray(0, -1) : l);
  };
}

function functionText(f: string | undefined): string {
  if (f === undefined) return '';
  const start = f.search(/[^ \t\n\v\f\r]|$/);
  return ` ${f.slice(start, start + 40).replace(/[ \t\n\v\f\r]+$/, '')}`;
}

function contextHunks(p: Pair, o: OutputOptions, out: Out, begin: () => void, unified: boolean): void {
  const findFunction = o.functionRegex ? functionFinder(p, o.functionRegex) : undefined;
  for (const c of p.a.script) c.ignore = o.ignoreBlankLines || o.ignoreRegex ? analyzeHunk(p, [c], o).changes === 0 : false;
  const lineOf = (f: number, i: number): Uint8Array => p.files[f]!.lines[p.a.prefixLines + i]!;
  for (const hunk of groupHunks(p.a.script, o.context)) {
    const h = analyzeHunk(p, hunk, o);
    if (!h.changes) continue;
    const lo = -p.a.prefixLines;
    const first0 = Math.max(h.first0 - o.context, lo);
    const first1 = Math.max(h.first1 - o.context, lo);
    const v = p.a.validLines;
    const last0 = h.last0 < v[0] - o.context ? h.last0 + o.context : v[0] - 1;
    const last1 = h.last1 < v[1] - o.context ? h.last1 + o.context : v[1] - 1;
    const fn = findFunction ? functionText(findFunction(first0)) : '';
    begin();
    if (unified) {
      const range = (f: number, a: number, b: number): string => {
        const [ta, tb] = numberRange(p, f, a, b);
        if (tb <= ta) return tb < ta ? `${tb},0` : String(tb);
        return `${ta},${tb - ta + 1}`;
      };
      out.text(`${paintLine(o, 'ln', `@@ -${range(0, first0, last0)} +${range(1, first1, last1)} @@`)}${fn}\n`);
      let i = first0;
      let j = first1;
      let k = 0;
      while (i <= last0 || j <= last1) {
        const next = hunk[k];
        if (!next || i < next.line0) {
          const line = lineOf(0, i++);
          if (!(o.suppressBlankEmpty && line[0] === 10)) out.text(o.initialTab ? '\t' : ' ');
          writeLine(out, line, undefined, o);
          j++;
        } else {
          for (let d = 0; d < next.deleted; d++) {
            const line = lineOf(0, i++);
            if (o.paint) out.text(o.paint.de);
            out.text(o.initialTab && !(o.suppressBlankEmpty && line[0] === 10) ? '-\t' : '-');
            writeLine(out, line, undefined, o, o.paint ? '' : undefined);
          }
          for (let d = 0; d < next.inserted; d++) {
            const line = lineOf(1, j++);
            if (o.paint) out.text(o.paint.ad);
            out.text(o.initialTab && !(o.suppressBlankEmpty && line[0] === 10) ? '+\t' : '+');
            writeLine(out, line, undefined, o, o.paint ? '' : undefined);
          }
          k++;
        }
      }
      continue;
    }
    const range = (f: number, a: number, b: number): string => {
      const [ta, tb] = numberRange(p, f, a, b);
      return tb <= ta ? String(tb) : `${ta},${tb}`;
    };
    out.text(`***************${fn}\n${paintLine(o, 'ln', `*** ${range(0, first0, last0)} ****`)}\n`);
    if (h.changes & 1) {
      let k = 0;
      for (let i = first0; i <= last0; i++) {
        while (hunk[k] && hunk[k]!.line0 + hunk[k]!.deleted <= i) k++;
        const next = hunk[k];
        const prefix = next && next.line0 <= i ? (next.inserted > 0 ? '!' : '-') : ' ';
        writeLine(out, lineOf(0, i), prefix, o, o.paint?.de);
      }
    }
    out.text(`${paintLine(o, 'ln', `--- ${range(1, first1, last1)} ----`)}\n`);
    if (h.changes & 2) {
      let k = 0;
      for (let i = first1; i <= last1; i++) {
        while (hunk[k] && hunk[k]!.line1 + hunk[k]!.inserted <= i) k++;
        const next = hunk[k];
        const prefix = next && next.line1 <= i ? (next.deleted > 0 ? '!' : '+') : ' ';
        writeLine(out, lineOf(1, i), prefix, o, o.paint?.ad);
      }
    }
  }
}

function headerTime(st: Stat | undefined, style: Style): string {
  const ms = st ? st.mtime : 0;
  if (style === 'context') return strftime('%a %b %e %T %Y', ms);
  return strftime('%Y-%m-%d %H:%M:%S.%N %z', ms);
}

/** Prints the diff of one pair; `banner` is the "diff -r a b" line of a directory walk. */
export function printPair(p: Pair, o: OutputOptions, out: Out, banner: string | undefined): void {
  let begun = false;
  const names = [cEscape(p.names[0]), cEscape(p.names[1])];
  const begin = (): void => {
    if (begun) return;
    begun = true;
    if (banner !== undefined) out.text(`${banner} ${names[0]} ${names[1]}\n`);
    if (o.style === 'normal') return;
    const marks = o.style === 'unified' ? ['---', '+++'] : ['***', '---'];
    for (let f = 0; f < 2; f++) {
      const label = o.labels[f];
      out.text(`${paintLine(o, 'hd', label !== undefined ? `${marks[f]} ${label}` : `${marks[f]} ${names[f]}\t${headerTime(p.stats[f], o.style)}`)}\n`);
    }
  };
  if (o.style === 'normal') normalHunks(p, o, out, begin);
  else contextHunks(p, o, out, begin, o.style === 'unified');
}
