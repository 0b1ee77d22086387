// diff3's three outputs: the default listing (====, 1:2c ...), the ed script of -e/-E/-x/-X/-3/-A,
// and the merged file of -m. Files are referred to by argument position (0 = MYFILE) through
// `mapping` (argument -> internal file) and `rev` (internal -> argument).
import type { Block3 } from './blocks';

export interface View {
  /** Line n (1-based) of internal file f, as diff3 holds it. */
  line(f: number, n: number): Uint8Array;
  mapping: number[];
  rev: number[];
}

export interface EdFlags {
  show2nd: boolean;
  overlapOnly: boolean;
  simpleOnly: boolean;
  flagging: boolean;
  finalWrite: boolean;
}

const enc = new TextEncoder();

class Sink {
  parts: Uint8Array[] = [];
  text(s: string): void {
    this.parts.push(enc.encode(s));
  }
  bytes(b: Uint8Array): void {
    this.parts.push(b);
  }
}

/** The block's kind in argument numbering: 'all' or the odd argument's index. */
function argKind(b: Block3, v: View): 'all' | number {
  return b.kind === 'all' ? 'all' : v.rev[b.kind]!;
}

const count = (r: [number, number]): number => r[1] - r[0] + 1;

export function listing(blocks: Block3[], v: View, initialTab: boolean): Uint8Array[] {
  const out = new Sink();
  const prefix = initialTab ? '\t' : '  ';
  for (const b of blocks) {
    const kind = argKind(b, v);
    const odd = kind === 'all' ? 3 : kind;
    const skip = kind === 'all' ? 3 : odd === 0 ? 1 : 0;
    out.text(kind === 'all' ? '====\n' : `====${odd + 1}\n`);
    // files 1 and 3 alike: list them first, then file 2
    const order = odd === 1 ? [0, 2, 1] : [0, 1, 2];
    for (const i of order) {
      const f = v.mapping[i]!;
      const [lo, hi] = b.ranges[f]!;
      out.text(`${i + 1}:${lo - hi === 1 ? `${lo - 1}a` : lo === hi ? `${lo}c` : `${lo},${hi}c`}\n`);
      if (i === skip || lo > hi) continue;
      let last: Uint8Array | undefined;
      for (let n = lo; n <= hi; n++) {
        out.text(prefix);
        last = v.line(f, n);
        out.bytes(last);
      }
      if (last && last[last.length - 1] !== 10) out.text('\n\\ No newline at end of file\n');
    }
  }
  return out.parts;
}

/** Lines of a range with a leading '.' doubled; whether any was. */
function dotLines(out: Sink, v: View, f: number, r: [number, number]): boolean {
  let dotted = false;
  for (let n = r[0]; n <= r[1]; n++) {
    const l = v.line(f, n);
    if (l[0] === 46) {
      dotted = true;
      out.text('.');
    }
    out.bytes(l);
  }
  return dotted;
}

function undot(out: Sink, dotted: boolean, start: number, num: number): void {
  out.text('.\n');
  if (dotted) out.text(num === 1 ? `${start}s/^\\.//\n` : `${start},${start + num - 1}s/^\\.//\n`);
}

/** Whether a block is printed, and as a conflict; undefined to skip it. */
function treatment(kind: 'all' | number, o: EdFlags): boolean | undefined {
  if (kind === 1) return o.show2nd ? true : undefined;
  if (kind === 2) return o.overlapOnly ? undefined : false;
  if (kind === 'all') return o.simpleOnly ? undefined : o.flagging;
  return undefined;
}

export function edScript(blocks: Block3[], v: View, o: EdFlags, names: string[]): { parts: Uint8Array[]; conflicts: boolean } {
  const out = new Sink();
  let conflicts = false;
  const [m0, m1, m2] = v.mapping as [number, number, number];
  for (const b of [...blocks].reverse()) {
    const kind = argKind(b, v);
    const conflict = treatment(kind, o);
    if (conflict === undefined) continue;
    const [low0, high0] = b.ranges[m0]!;
    if (conflict) {
      conflicts = true;
      out.text(`${high0}a\n`);
      let dotted = false;
      if (kind === 'all') {
        if (o.show2nd) {
          out.text(`||||||| ${names[1]}\n`);
          dotted = dotLines(out, v, m1, b.ranges[m1]!);
        }
        out.text('=======\n');
        dotted = dotLines(out, v, m2, b.ranges[m2]!) || dotted;
      }
      out.text(`>>>>>>> ${names[2]}\n`);
      undot(out, dotted, high0 + 2, count(b.ranges[m1]!) + count(b.ranges[m2]!) + 1);
      out.text(`${low0 - 1}a\n<<<<<<< ${kind === 'all' ? names[0] : names[1]}\n`);
      dotted = false;
      if (kind === 1) {
        dotted = dotLines(out, v, m1, b.ranges[m1]!);
        out.text('=======\n');
      }
      undot(out, dotted, low0 + 1, count(b.ranges[m1]!));
    } else if (count(b.ranges[m2]!) === 0) {
      out.text(low0 === high0 ? `${low0}d\n` : `${low0},${high0}d\n`);
    } else {
      const d = high0 - low0;
      out.text(d === -1 ? `${high0}a\n` : d === 0 ? `${high0}c\n` : `${low0},${high0}c\n`);
      undot(out, dotLines(out, v, m2, b.ranges[m2]!), low0, count(b.ranges[m2]!));
    }
  }
  if (o.finalWrite) out.text('w\nq\n');
  return { parts: out.parts, conflicts };
}

export class Shrank extends Error {}

/** The merged file: MYFILE's own bytes between blocks, each block resolved or bracketed. */
export function merged(blocks: Block3[], v: View, o: EdFlags, names: string[], mine: Uint8Array): { parts: Uint8Array[]; conflicts: boolean } {
  const out = new Sink();
  let conflicts = false;
  let pos = 0;
  let linesRead = 0;
  const [m0, m1, m2] = v.mapping as [number, number, number];
  const lines = (f: number, r: [number, number]): void => {
    for (let n = r[0]; n <= r[1]; n++) out.bytes(v.line(f, n));
  };
  for (let k = 0; k < blocks.length; k++) {
    const b = blocks[k]!;
    const kind = argKind(b, v);
    const conflict = treatment(kind, o);
    if (conflict === undefined) continue;
    let copy = b.ranges[0][0] - linesRead - 1;
    linesRead += copy;
    const start = pos;
    while (copy-- > 0) {
      const nl = mine.indexOf(10, pos);
      if (nl < 0) {
        out.bytes(mine.subarray(start));
        return finishShrank(out);
      }
      pos = nl + 1;
    }
    out.bytes(mine.subarray(start, pos));
    if (conflict) {
      conflicts = true;
      if (kind === 'all') {
        out.text(`<<<<<<< ${names[0]}\n`);
        lines(m0, b.ranges[m0]!);
      }
      if (o.show2nd) {
        out.text(`${kind === 'all' ? '|||||||' : '<<<<<<<'} ${names[1]}\n`);
        lines(m1, b.ranges[m1]!);
      }
      out.text('=======\n');
    }
    lines(m2, b.ranges[m2]!);
    if (conflict) out.text(`>>>>>>> ${names[2]}\n`);
    let skip = count(b.ranges[0]);
    linesRead += skip;
    while (skip-- > 0) {
      const nl = mine.indexOf(10, pos);
      if (nl < 0) {
        pos = mine.length;
        if (skip > 0 || k < blocks.length - 1) return finishShrank(out);
        return { parts: out.parts, conflicts };
      }
      pos = nl + 1;
    }
  }
  out.bytes(mine.subarray(pos));
  return { parts: out.parts, conflicts };
}

function finishShrank(out: Sink): never {
  const e = new Shrank('input file shrank');
  (e as Shrank & { parts: Uint8Array[] }).parts = out.parts;
  throw e;
}
