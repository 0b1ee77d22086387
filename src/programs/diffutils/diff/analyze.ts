// The heart of GNU diff 3.8 (io.c, analyze.c and gnulib diffseq.h), ported so that hunks
// come out exactly as GNU's do: identical prefix and suffix trimmed (keeping the horizon),
// equivalence classes per the -i/-b/-w/-E/-Z rules, lines with no match discarded,
// Myers' O(ND) middle-snake search in linear space, boundaries shifted, script built.
import { runCompareseq, shiftBoundaries } from './diffseq';

export type WhiteSpace = 'none' | 'tab' | 'trailing' | 'tab-trailing' | 'change' | 'all';

export interface AnalyzeOptions {
  ignoreCase: boolean;
  whiteSpace: WhiteSpace;
  tabsize: number;
  minimal: boolean;
  speedLargeFiles: boolean;
  /** Lines of common prefix/suffix kept in the analysed middle (max of context and --horizon-lines). */
  horizon: number;
  /** Context lines the output wants after the middle. */
  context: number;
}

/** One file split into lines; each line keeps its newline (the last may lack one). */
export interface FileLines {
  lines: Uint8Array[];
  missingNewline: boolean;
}

export interface Change {
  line0: number;
  line1: number;
  deleted: number;
  inserted: number;
  ignore?: boolean;
}

export interface Analysis {
  /** Lines before the analysed middle (same count in both files). */
  prefixLines: number;
  /** Lines available from the middle start, per file (middle plus trailing context). */
  validLines: [number, number];
  script: Change[];
}

const WS_LEVEL: Record<WhiteSpace, number> = { none: 0, tab: 1, trailing: 2, 'tab-trailing': 3, change: 4, all: 8 };

export function splitLines(data: Uint8Array): FileLines {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < data.length; i++) {
    if (data[i] === 10) {
      lines.push(data.subarray(start, i + 1));
      start = i + 1;
    }
  }
  const missingNewline = start < data.length;
  if (missingNewline) lines.push(data.subarray(start));
  return { lines, missingNewline };
}

const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A key that is equal for two lines exactly when diff would call them the same. */
function lineKey(line: Uint8Array, o: AnalyzeOptions): string {
  let end = line.length;
  if (end && line[end - 1] === 10) end--;
  const codes: number[] = [];
  const lower = (c: number): number => (o.ignoreCase && c >= 65 && c <= 90 ? c + 32 : c);
  const ws = o.whiteSpace;
  if (ws === 'all') {
    for (let i = 0; i < end; i++) if (!isSpace(line[i]!)) codes.push(lower(line[i]!));
  } else if (ws === 'change') {
    for (let i = 0; i < end; i++) {
      const c = line[i]!;
      if (isSpace(c)) {
        while (i + 1 < end && isSpace(line[i + 1]!)) i++;
        if (i + 1 < end) codes.push(32);
        continue;
      }
      codes.push(lower(c));
    }
  } else {
    let stop = end;
    if (ws === 'trailing' || ws === 'tab-trailing') while (stop > 0 && isSpace(line[stop - 1]!)) stop--;
    let column = 0;
    for (let i = 0; i < stop; i++) {
      let c = line[i]!;
      let reps = 1;
      if (ws === 'tab' || ws === 'tab-trailing') {
        if (c === 8) column -= column > 0 ? 1 : 0;
        else if (c === 9) {
          c = 32;
          reps = o.tabsize - (column % o.tabsize);
          column += reps;
        } else if (c === 13) column = 0;
        else column++;
      }
      c = lower(c);
      for (let k = 0; k < reps; k++) codes.push(c);
    }
  }
  let s = '';
  for (let i = 0; i < codes.length; i += 8192) s += String.fromCharCode(...codes.slice(i, i + 8192));
  return s;
}

/** discard_confusing_lines: lines matching nothing in the other file skip the search. */
function discardConfusing(equivs: [number[], number[]], changed: [Uint8Array, Uint8Array], minimal: boolean, equivMax: number): { undiscarded: [number[], number[]]; realindexes: [number[], number[]] } {
  const counts: [Int32Array, Int32Array] = [new Int32Array(equivMax), new Int32Array(equivMax)];
  for (let f = 0; f < 2; f++) for (const e of equivs[f]!) counts[f]![e]!++;
  const discarded: [Uint8Array, Uint8Array] = [new Uint8Array(equivs[0].length), new Uint8Array(equivs[1].length)];
  for (let f = 0; f < 2; f++) {
    const end = equivs[f]!.length;
    const discards = discarded[f]!;
    const other = counts[1 - f]!;
    let many = 5;
    let tem = Math.floor(end / 64);
    while ((tem >>= 2) > 0) many *= 2;
    for (let i = 0; i < end; i++) {
      const e = equivs[f]![i]!;
      if (e === 0) continue;
      const nmatch = other[e]!;
      if (nmatch === 0) discards[i] = 1;
      else if (nmatch > many) discards[i] = 2;
    }
  }
  for (let f = 0; f < 2; f++) {
    const end = equivs[f]!.length;
    const d = discarded[f]!;
    for (let i = 0; i < end; i++) {
      if (d[i] === 2) d[i] = 0;
      else if (d[i] !== 0) {
        let j: number;
        let provisional = 0;
        for (j = i; j < end; j++) {
          if (d[j] === 0) break;
          if (d[j] === 2) provisional++;
        }
        while (j > i && d[j - 1] === 2) {
          d[--j] = 0;
          provisional--;
        }
        const length = j - i;
        if (provisional * 4 > length) {
          while (j > i) if (d[--j] === 2) d[j] = 0;
        } else {
          let minimum = 1;
          let t = length >> 2;
          while (0 < (t >>= 2)) minimum <<= 1;
          minimum++;
          let consec = 0;
          for (j = 0; j < length; j++) {
            if (d[i + j] !== 2) consec = 0;
            else if (minimum === ++consec) j -= consec;
            else if (minimum < consec) d[i + j] = 0;
          }
          consec = 0;
          for (j = 0; j < length; j++) {
            if (j >= 8 && d[i + j] === 1) break;
            if (d[i + j] === 2) {
              consec = 0;
              d[i + j] = 0;
            } else if (d[i + j] === 0) consec = 0;
            else consec++;
            if (consec === 3) break;
          }
          i += length - 1;
          consec = 0;
          for (j = 0; j < length; j++) {
            if (j >= 8 && d[i - j] === 1) break;
            if (d[i - j] === 2) {
              consec = 0;
              d[i - j] = 0;
            } else if (d[i - j] === 0) consec = 0;
            else consec++;
            if (consec === 3) break;
          }
        }
      }
    }
  }
  const undiscarded: [number[], number[]] = [[], []];
  const realindexes: [number[], number[]] = [[], []];
  for (let f = 0; f < 2; f++) {
    const d = discarded[f]!;
    equivs[f]!.forEach((e, i) => {
      if (minimal || d[i] === 0) {
        undiscarded[f]!.push(e);
        realindexes[f]!.push(i);
      } else changed[f]![i + 1] = 1;
    });
  }
  return { undiscarded, realindexes };
}

/** Compares two files' lines; the script lists changes in order (line numbers from the middle start). */
export function analyze(a: FileLines, b: FileLines, o: AnalyzeOptions): Analysis {
  const files = [a, b] as const;
  // identical prefix: whole lines equal byte for byte (an unterminated last line differs from a terminated one)
  let common = 0;
  const n = Math.min(a.lines.length, b.lines.length);
  while (common < n && sameBytes(a.lines[common]!, b.lines[common]!)) common++;
  const prefixLines = Math.max(0, common - o.horizon);
  // identical suffix, only when both files end the same way
  let tail = 0;
  if (a.missingNewline === b.missingNewline) {
    const limit = Math.min(a.lines.length, b.lines.length) - prefixLines;
    while (tail < limit && sameBytes(a.lines[a.lines.length - 1 - tail]!, b.lines[b.lines.length - 1 - tail]!)) tail++;
  }
  const suffixLines = Math.max(0, tail - o.horizon);
  const buffered: [number, number] = [a.lines.length - prefixLines - suffixLines, b.lines.length - prefixLines - suffixLines];
  const validLines: [number, number] = [buffered[0] + Math.min(o.context, suffixLines), buffered[1] + Math.min(o.context, suffixLines)];

  // equivalence classes, numbered from 1 in order of first appearance
  const classes = new Map<string, number>();
  const equivs: [number[], number[]] = [[], []];
  const robustIncomplete = WS_LEVEL[o.whiteSpace] < WS_LEVEL.trailing;
  for (let f = 0; f < 2; f++) {
    const file = files[f]!;
    for (let i = 0; i < buffered[f]!; i++) {
      const idx = prefixLines + i;
      let key = lineKey(file.lines[idx]!, o);
      if (robustIncomplete && file.missingNewline && idx === file.lines.length - 1) key = `\u0100${key}`;
      let id = classes.get(key);
      if (id === undefined) {
        id = classes.size + 1;
        classes.set(key, id);
      }
      equivs[f]!.push(id);
    }
  }
  const changed: [Uint8Array, Uint8Array] = [new Uint8Array(buffered[0] + 2), new Uint8Array(buffered[1] + 2)];
  const { undiscarded, realindexes } = discardConfusing(equivs, changed, o.minimal, classes.size + 1);
  runCompareseq(
    undiscarded[0],
    undiscarded[1],
    o.minimal,
    o.speedLargeFiles,
    (x) => (changed[0][realindexes[0][x]! + 1] = 1),
    (y) => (changed[1][realindexes[1][y]! + 1] = 1),
  );
  shiftBoundaries(equivs, changed);
  // build_script, in forward order
  const script: Change[] = [];
  const c0 = changed[0];
  const c1 = changed[1];
  let i0 = 0;
  let i1 = 0;
  while (i0 < buffered[0] || i1 < buffered[1]) {
    if (c0[i0 + 1] || c1[i1 + 1]) {
      const line0 = i0;
      const line1 = i1;
      while (c0[i0 + 1]) i0++;
      while (c1[i1 + 1]) i1++;
      script.push({ line0, line1, deleted: i0 - line0, inserted: i1 - line1 });
    }
    i0++;
    i1++;
  }
  return { prefixLines, validLines, script };
}
