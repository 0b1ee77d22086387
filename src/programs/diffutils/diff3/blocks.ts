// diff3's model: two two-way diffs onto a common file (each the hunks of `diff` with 100 lines
// of horizon), merged into three-way blocks. Line numbers are 1-based and inclusive; an empty
// range is [n+1, n]. Files are numbered internally: 0 and 1 the two others, 2 the common one.
import { analyze, type FileLines } from '../diff/analyze';

export const FILEC = 2;

export type Kind = 'all' | 0 | 1 | 2;

/** One hunk of a two-way diff: [other file range, common file range]. */
export interface Block2 {
  other: [number, number];
  common: [number, number];
}

export interface Block3 {
  /** 'all': the three differ; a number: the internal file that differs from the other two. */
  kind: Kind;
  ranges: [[number, number], [number, number], [number, number]];
}

/** The hunks of `diff other common`, one per change (no -B/-I, so none is ignorable). */
export function twoWay(other: FileLines, common: FileLines): Block2[] {
  const a = analyze(other, common, {
    ignoreCase: false, whiteSpace: 'none', tabsize: 8, minimal: false, speedLargeFiles: false, horizon: 100, context: 0,
  });
  const base = a.prefixLines + 1;
  return a.script.map((c) => ({
    other: [c.line0 + base, c.line0 + base + c.deleted - 1],
    common: [c.line1 + base, c.line1 + base + c.inserted - 1],
  }));
}

/**
 * Merges the two diffs (thread 0: file 0 against common, thread 1: file 1 against common)
 * into blocks: hunks whose common ranges overlap or touch go together.
 */
export function threeWay(threads: [Block2[], Block2[]], same01: (r0: [number, number], r1: [number, number]) => boolean): Block3[] {
  const pos = [0, 0];
  const result: Block3[] = [];
  let last: Block3['ranges'] = [[0, 0], [0, 0], [0, 0]];
  const cur = (t: number): Block2 | undefined => threads[t]![pos[t]!];
  while (cur(0) || cur(1)) {
    const using: [Block2[], Block2[]] = [[], []];
    const c0 = cur(0);
    const c1 = cur(1);
    const baseThread = !c0 ? 1 : !c1 ? 0 : c0.common[0] > c1.common[0] ? 1 : 0;
    let highThread = baseThread;
    let highMark = cur(baseThread)!.common[1];
    using[baseThread].push(cur(baseThread)!);
    pos[baseThread]!++;
    for (;;) {
      const other = 1 - highThread;
      const o = cur(other);
      if (!o || o.common[0] > highMark + 1) break;
      using[other]!.push(o);
      pos[other]!++;
      if (highMark < o.common[1]) {
        highThread = other;
        highMark = o.common[1];
      }
    }
    const lowc = using[baseThread]![0]!.common[0];
    const highc = using[highThread]![using[highThread]!.length - 1]!.common[1];
    const ranges: Block3['ranges'] = [[0, 0], [0, 0], [lowc, highc]];
    for (let d = 0; d < 2; d++) {
      const u = using[d]!;
      if (u.length) {
        const first = u[0]!;
        const lastU = u[u.length - 1]!;
        ranges[d] = [lowc - first.common[0] + first.other[0], highc - lastU.common[1] + lastU.other[1]];
      } else {
        ranges[d] = [lowc - last[FILEC][1] + last[d]![1], highc - last[FILEC][1] + last[d]![1]];
      }
    }
    let kind: Kind;
    if (!using[0].length) kind = 1;
    else if (!using[1].length) kind = 0;
    else kind = same01(ranges[0], ranges[1]) ? FILEC : 'all';
    result.push({ kind, ranges });
    last = ranges;
  }
  return result;
}
