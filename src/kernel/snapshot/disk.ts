// The disk as plain data and back: every inode of the root filesystem (numbers, metadata,
// directory entries, symlink targets, device numbers) and the written chunks of every file,
// whose bytes go into one blob. RAM filesystems (tmpfs, /proc, /dev) are not on the disk, as
// after a reboot.
import { concatBytes } from '../../shared/bytes';
import { BLOCK, chunkBlocks, FileData } from '../vfs/file-data';
import { aclRecord, restoreAcl } from '../vfs/acl';
import type { FileType, Inode } from '../vfs/inode';
import type { Vfs } from '../vfs/vfs';
import type { DiskImage, DiskSource, FileRecord, InodeRecord, InodeTypeCode } from './types';
import type { LateFiles } from '../image/fresh-disk-codec';

const CODE: Record<FileType, InodeTypeCode> = { file: 'f', dir: 'd', symlink: 'l', chardev: 'c', blockdev: 'b', fifo: 'p', socket: 's' };
const TYPE: Record<InodeTypeCode, FileType> = { f: 'file', d: 'dir', l: 'symlink', c: 'chardev', b: 'blockdev', p: 'fifo', s: 'socket' };

export function captureDisk(vfs: Vfs): DiskImage {
  const rootFs = vfs.root.fs;
  const fs = vfs.filesystems[rootFs]!;
  const inodes: InodeRecord[] = [];
  const files: FileRecord[] = [];
  const parts: Uint8Array[] = [];
  let offset = 0;
  for (const node of vfs.inodes.values()) {
    // (an unlinked file still open lives until it is closed: a reboot frees it)
    if (node.fs !== rootFs || node.nlink === 0 || node.generate) continue;
    let extra: InodeRecord[10] = null;
    if (node.type === 'dir') {
      const flat: (string | number)[] = [];
      for (const [name, ino] of node.entries ?? []) flat.push(name, ino);
      extra = flat;
    } else if (node.type === 'symlink') extra = node.target ?? '';
    else if (node.rdev) extra = [node.rdev[0], node.rdev[1]];
    const record: InodeRecord = [node.ino, CODE[node.type], node.perm, node.uid, node.gid, node.nlink, node.atime, node.mtime, node.ctime, node.parent ?? -1, extra];
    const acl = aclRecord(node);
    if (node.attrs !== undefined || node.generation !== undefined || acl) record.push(node.attrs ?? null, node.generation ?? null);
    if (acl) record.push(acl);
    inodes.push(record);
    const data = node.type === 'file' ? vfs.dataOf(node.ino) : undefined;
    if (!data) continue;
    const chunks: FileRecord[2] = [];
    for (const c of data.exportChunks()) {
      chunks.push([c.index, c.blocks, offset, c.bytes.length]);
      parts.push(c.bytes);
      offset += c.bytes.length;
    }
    files.push([node.ino, data.size, chunks]);
  }
  const blob = concatBytes(parts, offset);
  return { rootIno: vfs.rootIno, nextIno: vfs.inodeCounter, fs: { capacity: fs.capacity, baseline: fs.baseline, inodesTotal: fs.inodesTotal }, inodes, files, blob };
}

/**
 * Fills a Vfs that has its root filesystem registered (addFilesystem) but nothing on it with
 * the saved disk. The image was validated (codec.ts); a dangling entry is still dropped rather
 * than trusted.
 */
export function loadDisk(vfs: Vfs, image: DiskImage): void {
  // (indexed loops, not destructuring: this runs before the first prompt, in code not yet
  // optimised, where every destructured array allocates an iterator and its results)
  const rootFs = vfs.filesystems.length - 1;
  const inodes = image.inodes;
  for (let k = 0; k < inodes.length; k++) vfs.restoreInode(inodeOf(inodes[k]!, rootFs));
  const files = image.files;
  for (let k = 0; k < files.length; k++) {
    const f = files[k]!;
    const node = vfs.inodes.get(f[0]);
    if (!node || node.type !== 'file') continue;
    vfs.inodes.delete(f[0]);
    vfs.restoreInode(node, fileDataOf(f, image.blob));
  }
  // entries naming an inode the image lacks would crash a lookup later: drop them
  vfs.inodes.forEach((node) => {
    const entries = node.fs === rootFs ? node.entries : undefined;
    entries?.forEach((ino, name) => {
      if (!vfs.inodes.has(ino)) entries.delete(name);
    });
  });
  vfs.rootIno = image.rootIno;
  vfs.inodeCounter = image.nextIno;
}

/**
 * A disk the machine trusts (its fresh image, laid out by buildImage): as loadDisk, but each inode
 * is made, with its data, when something first looks it up (vfs/inode-table.ts); the blocks and
 * memory the files take count at once. A saved disk goes through loadDisk, which checks it.
 */
export function deferDisk(vfs: Vfs, image: DiskImage | DiskSource): void {
  const src = 'record' in image ? image : imageSource(image);
  const rootFs = vfs.filesystems.length - 1;
  const files = src.files;
  const at = new Map<number, number>();
  for (let k = 0; k < src.count; k++) at.set(src.ino(k), k);
  const fileAt = new Map<number, number>();
  let blocks = 0;
  let held = 0;
  for (let k = 0; k < files.length; k++) {
    const f = files[k]!;
    const k2 = at.get(f[0]);
    if (k2 === undefined || src.type(k2) !== 'f') continue;
    fileAt.set(f[0], k);
    const list = f[2];
    for (let i = 0; i < list.length; i++) {
      blocks += chunkBlocks(list[i]![1]);
      held += list[i]![3];
    }
  }
  vfs.deferInodes(at, (k) => {
    const node = inodeOf(src.record(k), rootFs);
    const f = fileAt.get(node.ino);
    return [node, f === undefined ? undefined : fileDataOf(files[f]!, src.blob)];
  }, blocks * BLOCK, held);
  vfs.rootIno = src.rootIno;
  vfs.inodeCounter = src.nextIno;
}

/** A DiskImage read as a DiskSource. */
export function imageSource(image: DiskImage): DiskSource {
  const inodes = image.inodes;
  return { ...image, count: inodes.length, ino: (k) => inodes[k]![0], type: (k) => inodes[k]![1], record: (k) => inodes[k]! };
}

/** An inode of a disk image, on filesystem `fs`. */
function inodeOf(r: InodeRecord, fs: number): Inode {
  const code = r[1];
  const extra = r[10];
  const node: Inode = { ino: r[0], fs, type: TYPE[code], perm: r[2] & 0o7777, uid: r[3], gid: r[4], nlink: r[5], atime: r[6], mtime: r[7], ctime: r[8] };
  if (r[9] >= 0) node.parent = r[9];
  if (typeof r[11] === 'number') node.attrs = r[11];
  if (typeof r[12] === 'number') node.generation = r[12];
  if (r[13]) restoreAcl(node, r[13]);
  if (code === 'd') {
    const entries = (node.entries = new Map());
    const flat = Array.isArray(extra) ? extra : [];
    for (let i = 0; i + 1 < flat.length; i += 2) entries.set(String(flat[i]), Number(flat[i + 1]));
  } else if (code === 'l') node.target = typeof extra === 'string' ? extra : '';
  else if ((code === 'c' || code === 'b') && Array.isArray(extra)) node.rdev = [Number(extra[0]), Number(extra[1])];
  return node;
}

/** A file's data from its record, its chunks' bytes views of the image's blob. */
function fileDataOf(f: FileRecord, blob: Uint8Array): FileData {
  const chunks: { index: number; blocks: number; bytes: Uint8Array }[] = [];
  const list = f[2];
  for (let i = 0; i < list.length; i++) {
    const c = list[i]!;
    chunks.push({ index: c[0], blocks: c[1], bytes: blob.subarray(c[2], c[2] + c[3]) });
  }
  return FileData.fromChunks(f[1], chunks);
}

/**
 * Puts the bytes of files the disk was loaded without (LateFiles) into them, unless a file was
 * changed or replaced meanwhile (then it is the learner's, and stays as it is).
 */
export function fillLateFiles(vfs: Vfs, late: LateFiles): void {
  for (let k = 0; k < late.files.length; k++) {
    const f = late.files[k]!;
    const node = vfs.inodes.get(f[0]);
    if (!node || node.type !== 'file' || vfs.size(node) !== f[1] || vfs.allocated(node) !== 0) continue;
    const chunks: { index: number; blocks: number; bytes: Uint8Array }[] = [];
    const list = f[2];
    for (let i = 0; i < list.length; i++) {
      const c = list[i]!;
      chunks.push({ index: c[0], blocks: c[1], bytes: late.blob.subarray(c[2], c[2] + c[3]) });
    }
    vfs.restoreInode(node, FileData.fromChunks(f[1], chunks));
  }
}
