// Reading a patch: the sections of unified (`--- old`, `+++ new`, `@@ -a,b +c,d @@`),
// context (`*** old`, `--- new`, `***************`) and normal (`5c5`, `< old`, `> new`) diffs, each with the text that leads up to it, the
// names its header gives and its hunks as lines of context (' '), removal ('-') and addition
// ('+'), with `\ No newline at end of file` kept as a flag on the side it belongs to.

export interface HunkLine {
  t: ' ' | '-' | '+';
  s: string;
}

export interface Hunk {
  oldStart: number;
  oldCount: number;
  newStart: number;
  newCount: number;
  lines: HunkLine[];
  /** The patch's line number of the hunk's first line (its @@ line or command). */
  inputLine: number;
  /** The old/new side's last line has no newline. */
  oldNoEol: boolean;
  newNoEol: boolean;
}

export interface Section {
  format: 'unified' | 'normal' | 'context';
  /** The lines before the first hunk (diff command, ---/+++ lines...). */
  leading: string[];
  /** The header's text after `--- ` and `+++ ` (names with their time stamps). */
  oldHeader?: string;
  newHeader?: string;
  hunks: Hunk[];
}

const UNI = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;
const NORMAL = /^(\d+)(?:,(\d+))?([acd])(\d+)(?:,(\d+))?$/;

/** The name in a header's text: up to a tab (before the time stamp), else up to a blank. */
export function headerName(text: string): string {
  const tab = text.indexOf('\t');
  const name = tab >= 0 ? text.slice(0, tab) : text.split(' ')[0]!;
  return name.replace(/\r$/, '');
}

/** Whether a header's time stamp is the epoch: diff -N's mark of a file that does not exist. */
export function epochStamp(text: string): boolean {
  const m = /\t(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(?:\.\d+)? ([+-])(\d\d)(\d\d)\s*$/.exec(text);
  if (!m) return false;
  const local = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])) / 1000;
  const zone = (Number(m[8]) * 3600 + Number(m[9]) * 60) * (m[7] === '-' ? -1 : 1);
  return local - zone === 0;
}

const CTX_RANGE = /^\*\*\* (\d+)(?:,(\d+))? \*\*\*\*$/;
const CTX_NEW = /^--- (\d+)(?:,(\d+))? ----$/;

/** A context diff's hunk (from its `***************` line) as unified lines; returns the index after it. */
function contextHunk(lines: string[], i: number, hunks: Hunk[]): number {
  const inputLine = i + 1;
  const range = (m: RegExpExecArray): [number, number] => {
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    return [a, a === 0 && m[2] === undefined ? 0 : b - a + 1];
  };
  const o = CTX_RANGE.exec(lines[i + 1] ?? '');
  if (!o) return i + 1;
  const [oldStart, oldCount] = range(o);
  let k = i + 2;
  const olds: HunkLine[] = [];
  let oldNoEol = false;
  let newNoEol = false;
  while (k < lines.length && !CTX_NEW.test(lines[k]!)) {
    const l = lines[k]!;
    if (l.startsWith('\\')) oldNoEol = true;
    else olds.push({ t: l[0] === '-' || l[0] === '!' ? '-' : ' ', s: l.slice(2), ...(l[0] === '!' ? { bang: true } : {}) } as HunkLine);
    k++;
  }
  const n = CTX_NEW.exec(lines[k] ?? '');
  if (!n) return k;
  const [newStart, newCount] = range(n);
  k++;
  const news: HunkLine[] = [];
  while (k < lines.length && /^[ +!\\-]/.test(lines[k]!) && !lines[k]!.startsWith('***') && !lines[k]!.startsWith('--- ') && news.length < newCount + 1) {
    const l = lines[k]!;
    if (l.startsWith('\\')) newNoEol = true;
    else if (news.length < newCount) news.push({ t: l[0] === '+' || l[0] === '!' ? '+' : ' ', s: l.slice(2), ...(l[0] === '!' ? { bang: true } : {}) } as HunkLine);
    else break;
    k++;
  }
  const O = olds.length || oldCount === 0 ? olds : news.filter((l) => l.t === ' ');
  const N = news.length || newCount === 0 ? news : olds.filter((l) => l.t === ' ');
  const bang = (l: HunkLine | undefined): boolean => (l as { bang?: boolean } | undefined)?.bang === true;
  const out: HunkLine[] = [];
  let a = 0;
  let b = 0;
  while (a < O.length || b < N.length) {
    if (a < O.length && O[a]!.t === '-' && !bang(O[a])) out.push({ t: '-', s: O[a++]!.s });
    else if (b < N.length && N[b]!.t === '+' && !bang(N[b])) out.push({ t: '+', s: N[b++]!.s });
    else if (a < O.length && bang(O[a])) {
      while (a < O.length && bang(O[a])) out.push({ t: '-', s: O[a++]!.s });
      while (b < N.length && bang(N[b])) out.push({ t: '+', s: N[b++]!.s });
    } else if (b < N.length && bang(N[b])) {
      while (b < N.length && bang(N[b])) out.push({ t: '+', s: N[b++]!.s });
    } else {
      out.push({ t: ' ', s: (O[a] ?? N[b])!.s });
      a++;
      b++;
    }
  }
  hunks.push({ oldStart, oldCount, newStart, newCount, lines: out, inputLine, oldNoEol, newNoEol });
  return k;
}

export function parsePatch(text: string): Section[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  // patch's count of input lines leaves out the `\ No newline` ones
  const skipped: number[] = [];
  let seen = 0;
  for (const l of lines) {
    skipped.push(seen);
    if (l.startsWith('\\')) seen++;
  }
  const out: Section[] = [];
  let leading: string[] = [];
  let cur: Section | undefined;
  let i = 0;
  const newSection = (format: Section['format']): Section => {
    const s: Section = { format, leading, hunks: [] };
    leading = [];
    out.push(s);
    return s;
  };
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.startsWith('--- ') && lines[i + 1]?.startsWith('+++ ') && UNI.test(lines[i + 2] ?? '')) {
      leading.push(line, lines[i + 1]!);
      cur = newSection('unified');
      cur.oldHeader = line.slice(4);
      cur.newHeader = lines[i + 1]!.slice(4);
      i += 2;
      continue;
    }
    if (line.startsWith('*** ') && lines[i + 1]?.startsWith('--- ') && lines[i + 2]?.startsWith('***************')) {
      leading.push(line, lines[i + 1]!);
      cur = newSection('context');
      cur.oldHeader = line.slice(4);
      cur.newHeader = lines[i + 1]!.slice(4);
      i += 2;
      continue;
    }
    const i0 = i;
    if (line.startsWith('***************') && cur?.format === 'context' && leading.length === 0) {
      i = contextHunk(lines, i, cur.hunks);
      const h = cur.hunks[cur.hunks.length - 1];
      if (h && h.inputLine === i0 + 1) h.inputLine -= skipped[i0]!;
      continue;
    }
    const u = UNI.exec(line);
    if (u && cur?.format === 'unified' && leading.length === 0) {
      const h: Hunk = {
        oldStart: Number(u[1]), oldCount: u[2] === undefined ? 1 : Number(u[2]),
        newStart: Number(u[3]), newCount: u[4] === undefined ? 1 : Number(u[4]),
        lines: [], inputLine: i + 1 - skipped[i]!, oldNoEol: false, newNoEol: false,
      };
      i++;
      let olds = 0;
      let news = 0;
      while (i < lines.length && (olds < h.oldCount || news < h.newCount || lines[i]!.startsWith('\\'))) {
        const l = lines[i]!;
        if (l.startsWith('\\')) {
          const last = h.lines[h.lines.length - 1];
          if (last?.t === '-') h.oldNoEol = true;
          else if (last?.t === '+') h.newNoEol = true;
          else h.oldNoEol = h.newNoEol = true;
          i++;
          continue;
        }
        const t = l === '' ? ' ' : l[0];
        if (t !== ' ' && t !== '-' && t !== '+') break;
        h.lines.push({ t, s: l.slice(1) });
        if (t !== '+') olds++;
        if (t !== '-') news++;
        i++;
      }
      cur.hunks.push(h);
      continue;
    }
    const n = NORMAL.exec(line);
    if (n) {
      if (!cur || cur.format !== 'normal' || leading.length > 0) cur = newSection('normal');
      const [a1, a2, cmd, b1, b2] = [Number(n[1]), n[2] === undefined ? Number(n[1]) : Number(n[2]), n[3]!, Number(n[4]), n[5] === undefined ? Number(n[4]) : Number(n[5])];
      const oldCount = cmd === 'a' ? 0 : a2 - a1 + 1;
      const newCount = cmd === 'd' ? 0 : b2 - b1 + 1;
      const h: Hunk = {
        oldStart: cmd === 'a' ? a1 : a1, oldCount, newStart: cmd === 'd' ? b1 : b1, newCount,
        lines: [], inputLine: i + 1, oldNoEol: false, newNoEol: false,
      };
      i++;
      for (let k = 0; k < oldCount && lines[i]?.startsWith('< '); k++) h.lines.push({ t: '-', s: lines[i++]!.slice(2) });
      if (lines[i]?.startsWith('\\')) (h.oldNoEol = true), i++;
      if (oldCount && newCount && lines[i] === '---') i++;
      for (let k = 0; k < newCount && lines[i]?.startsWith('> '); k++) h.lines.push({ t: '+', s: lines[i++]!.slice(2) });
      if (lines[i]?.startsWith('\\')) (h.newNoEol = true), i++;
      cur.hunks.push(h);
      continue;
    }
    leading.push(line);
    if (cur) cur = cur.format === 'normal' ? undefined : cur;
    i++;
  }
  return out.filter((s) => s.hunks.length > 0);
}
