// The fresh disk as two strings a JavaScript module can carry, kept small because the worker
// loads them before the first prompt: the inode table by columns (numbers as deltas from the
// inode number, the times once when every inode shares them, chunk offsets implied by their
// order) as JSON, and the file bytes one character per byte (mostly text, so the bundle's
// compression treats them as the text they are).
import type { DiskImage, FileRecord, InodeExtra, InodeRecord, InodeTypeCode } from '../snapshot/types';

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
  let bytes = '';
  for (const p of parts) for (let i = 0; i < p.length; i += 8192) bytes += String.fromCharCode(...p.subarray(i, i + 8192));
  return { meta: JSON.stringify(cols), bytes };
}

export function decodeFreshDisk(t: FreshDiskText): DiskImage {
  // (indexed loops, no destructuring or closures per inode: this runs before the first prompt,
  // in code not yet optimised, where those allocate at every step)
  const c = JSON.parse(t.meta) as Columns;
  const inodes: InodeRecord[] = [];
  const shared = !Array.isArray(c.times[0]);
  const times = c.times as [number, number, number];
  const lists = c.times as [number[], number[], number[]];
  let ino = 0;
  for (let i = 0; i < c.ino.length; i++) {
    ino += c.ino[i]!;
    const parent = c.parent[i];
    inodes.push([
      ino, c.type[i] as InodeTypeCode, c.perm[i]!, c.uid[i]!, c.gid[i]!, c.nlink[i]!,
      shared ? times[0] : lists[0][i]!, shared ? times[1] : lists[1][i]!, shared ? times[2] : lists[2][i]!,
      parent === null || parent === undefined ? -1 : ino + parent, c.extra[i] ?? null,
    ]);
  }
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
  return { rootIno: c.rootIno, nextIno: c.nextIno, fs: c.fs, inodes, files, blob: latin1Bytes(t.bytes) };
}

/**
 * The bytes a latin-1 string stands for. The image's files are text, so this is usually ASCII,
 * which the native UTF-8 encoder turns into the same bytes at once; a byte loop takes the rest.
 */
export function latin1Bytes(s: string): Uint8Array {
  if (!/[^\x00-\x7f]/.test(s)) return new TextEncoder().encode(s);
  const blob = new Uint8Array(s.length);
  for (let i = 0; i < blob.length; i++) blob[i] = s.charCodeAt(i);
  return blob;
}
