// The fresh disk as two strings a JavaScript module can carry, kept small because the worker
// loads them before the first prompt: the inode table by columns (numbers as deltas from the
// inode number, the times once when every inode shares them, chunk offsets implied by their
// order) as JSON, and the file bytes one character per byte (mostly text, so the bundle's
// compression treats them as the text they are).
import type { DiskImage, DiskSource, FileRecord, InodeExtra, InodeRecord, InodeTypeCode } from '../snapshot/types';

export interface FreshDiskText {
  meta: string;
  bytes: string;
}

interface Columns {
  rootIno: number;
  nextIno: number;
  fs: DiskImage['fs'];
  /** inode numbers, each as the difference from the one before */
  ino: number[];
  type: string;
  perm: number[];
  uid: number[];
  gid: number[];
  nlink: number[];
  /** [atime, mtime, ctime] shared by every inode, or one list per time */
  times: [number, number, number] | [number[], number[], number[]];
  /** parent inode minus the inode's own number; null: none */
  parent: (number | null)[];
  extra: InodeExtra[];
  /** [ino, size, [index, written-block mask, length][]]; chunk bytes follow each other in the blob */
  files: [number, number, [number, number, number][]][];
}

export function encodeFreshDisk(d: DiskImage): FreshDiskText {
  const same = (i: 6 | 7 | 8): boolean => d.inodes.every((r) => r[i] === d.inodes[0]?.[i]);
  const shared = d.inodes.length > 0 && same(6) && same(7) && same(8);
  let prev = 0;
  const ino: number[] = [];
  for (const r of d.inodes) {
    ino.push(r[0] - prev);
    prev = r[0];
  }
  // the blob in file order, so each chunk's offset is where the previous one ended
  const parts: Uint8Array[] = [];
  const files: Columns['files'] = d.files.map(([i, size, chunks]) => [
    i,
    size,
    chunks.map(([index, blocks, offset, length]) => {
      parts.push(d.blob.subarray(offset, offset + length));
      return [index, blocks, length];
    }),
  ]);
  const cols: Columns = {
    rootIno: d.rootIno,
    nextIno: d.nextIno,
    fs: d.fs,
    ino,
    type: d.inodes.map((r) => r[1]).join(''),
    perm: d.inodes.map((r) => r[2]),
    uid: d.inodes.map((r) => r[3]),
    gid: d.inodes.map((r) => r[4]),
    nlink: d.inodes.map((r) => r[5]),
    times: shared ? [d.inodes[0]![6], d.inodes[0]![7], d.inodes[0]![8]] : [d.inodes.map((r) => r[6]), d.inodes.map((r) => r[7]), d.inodes.map((r) => r[8])],
    parent: d.inodes.map((r) => (r[9] < 0 ? null : r[9] - r[0])),
    extra: d.inodes.map((r) => r[10]),
    files,
  };
  return { meta: JSON.stringify(cols), bytes: parts.map(latin1String).join('') };
}

/**
 * `parts` end to end. (Not shared/bytes' concatBytes: the build's config loads this module as
 * it is, through Node, which takes no import without its file extension.)
 */
function join(parts: readonly Uint8Array[], n: number): Uint8Array {
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Bytes as a string of one character per byte (latin1Bytes reads it back). */
function latin1String(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, i + 8192));
  return s;
}

export function decodeFreshDisk(t: FreshDiskText): DiskImage {
  const s = freshDiskSource(t);
  const inodes: InodeRecord[] = [];
  for (let k = 0; k < s.count; k++) inodes.push(s.record(k));
  return { rootIno: s.rootIno, nextIno: s.nextIno, fs: s.fs, inodes, files: s.files, blob: s.blob };
}

/**
 * The fresh disk as a DiskSource: an inode's record is made when it is asked for (a machine
 * defers its inodes, and makes a tenth of them before its first prompt); the files' records and
 * bytes at once.
 */
export function freshDiskSource(t: FreshDiskText): DiskSource {
  // (indexed loops, no destructuring or closures per inode: this runs before the first prompt,
  // in code not yet optimised, where those allocate at every step)
  const c = JSON.parse(t.meta) as Columns;
  const n = c.ino.length;
  const inos: number[] = new Array<number>(n);
  let ino = 0;
  for (let i = 0; i < n; i++) inos[i] = ino += c.ino[i]!;
  const shared = !Array.isArray(c.times[0]);
  const times = c.times as [number, number, number];
  const lists = c.times as [number[], number[], number[]];
  let offset = 0;
  const files: FileRecord[] = [];
  for (let k = 0; k < c.files.length; k++) {
    const f = c.files[k]!;
    const chunks: FileRecord[2] = [];
    for (let j = 0; j < f[2].length; j++) {
      const ch = f[2][j]!;
      chunks.push([ch[0], ch[1], offset, ch[2]]);
      offset += ch[2];
    }
    files.push([f[0], f[1], chunks]);
  }
  return {
    rootIno: c.rootIno,
    nextIno: c.nextIno,
    fs: c.fs,
    count: n,
    ino: (k) => inos[k]!,
    type: (k) => c.type[k] as InodeTypeCode,
    record: (k) => {
      const parent = c.parent[k];
      const i = inos[k]!;
      return [
        i, c.type[k] as InodeTypeCode, c.perm[k]!, c.uid[k]!, c.gid[k]!, c.nlink[k]!,
        shared ? times[0] : lists[0][k]!, shared ? times[1] : lists[1][k]!, shared ? times[2] : lists[2][k]!,
        parent === null || parent === undefined ? -1 : i + parent, c.extra[k] ?? null,
      ];
    },
    files,
    blob: latin1Bytes(t.bytes),
  };
}

/**
 * The bytes a latin-1 string stands for. The image's files are mostly text: the native UTF-8
 * encoder writes the ASCII runs (the same bytes), a loop only the few other characters (a byte
 * loop over the whole image cost milliseconds before the first prompt, in code not optimised yet).
 */
export function latin1Bytes(s: string): Uint8Array {
  const blob = new Uint8Array(s.length);
  const enc = new TextEncoder();
  const other = /[^\x00-\x7f]+/g;
  let at = 0;
  for (let m = other.exec(s); m; m = other.exec(s)) {
    if (m.index > at) enc.encodeInto(s.slice(at, m.index), blob.subarray(at, m.index));
    const end = m.index + m[0].length;
    for (let i = m.index; i < end; i++) blob[i] = s.charCodeAt(i);
    at = end;
  }
  if (at < s.length) enc.encodeInto(at === 0 ? s : s.slice(at), blob.subarray(at));
  return blob;
}

/**
 * Files of the fresh disk whose bytes come after the first prompt (in the browser build, a
 * chunk of their own): the disk carries them as files of the right size with no data yet, and
 * these records and bytes fill them in.
 */
export interface LateFiles {
  files: FileRecord[];
  blob: Uint8Array;
}

/** The inode at `path` on a captured disk (following directory entries from the root). */
export function inodeAt(d: DiskImage, path: string): number | undefined {
  const dirs = new Map<number, (string | number)[]>();
  for (const r of d.inodes) if (r[1] === 'd' && Array.isArray(r[10])) dirs.set(r[0], r[10] as (string | number)[]);
  let ino: number | undefined = d.rootIno;
  for (const name of path.split('/').filter(Boolean)) {
    const entries: (string | number)[] | undefined = ino === undefined ? undefined : dirs.get(ino);
    const at: number = entries ? entries.findIndex((v, i) => i % 2 === 0 && v === name) : -1;
    ino = at < 0 ? undefined : Number(entries![at + 1]);
  }
  return ino;
}

/**
 * Splits `d` in two: the disk with the files `late` names left without data (same size, as
 * holes), and those files' records and bytes.
 */
export function splitLateFiles(d: DiskImage, late: ReadonlySet<number>): { disk: DiskImage; late: LateFiles } {
  const mainParts: Uint8Array[] = [];
  const lateParts: Uint8Array[] = [];
  let mainAt = 0;
  let lateAt = 0;
  const files: FileRecord[] = [];
  const lateFiles: FileRecord[] = [];
  for (const [ino, size, chunks] of d.files) {
    const isLate = late.has(ino);
    const moved: FileRecord[2] = [];
    for (const [index, blocks, offset, length] of chunks) {
      const bytes = d.blob.subarray(offset, offset + length);
      if (isLate) {
        lateParts.push(bytes);
        moved.push([index, blocks, lateAt, length]);
        lateAt += length;
      } else {
        mainParts.push(bytes);
        moved.push([index, blocks, mainAt, length]);
        mainAt += length;
      }
    }
    files.push([ino, size, isLate ? [] : moved]);
    if (isLate) lateFiles.push([ino, size, moved]);
  }
  return { disk: { ...d, files, blob: join(mainParts, mainAt) }, late: { files: lateFiles, blob: join(lateParts, lateAt) } };
}

/** The late files as text a module can carry (the same scheme as the disk's). */
export function encodeLateFiles(l: LateFiles): FreshDiskText {
  return { meta: JSON.stringify(l.files), bytes: latin1String(l.blob) };
}

export function decodeLateFiles(t: FreshDiskText): LateFiles {
  return { files: JSON.parse(t.meta) as FileRecord[], blob: latin1Bytes(t.bytes) };
}
