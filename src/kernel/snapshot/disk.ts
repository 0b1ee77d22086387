// The disk as plain data and back: every inode of the root filesystem (numbers, metadata,
// directory entries, symlink targets, device numbers) and the written chunks of every file,
// whose bytes go into one blob. RAM filesystems (tmpfs, /proc, /dev) are not on the disk, as
// after a reboot.
import { concatBytes } from '../../shared/bytes';
import { FileData } from '../vfs/file-data';
import type { FileType, Inode } from '../vfs/inode';
import type { Vfs } from '../vfs/vfs';
import type { DiskImage, FileRecord, InodeRecord, InodeTypeCode } from './types';

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
    inodes.push([node.ino, CODE[node.type], node.perm, node.uid, node.gid, node.nlink, node.atime, node.mtime, node.ctime, node.parent ?? -1, extra]);
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
  const rootFs = vfs.filesystems.length - 1;
  for (const r of image.inodes) {
    const [ino, code, perm, uid, gid, nlink, atime, mtime, ctime, parent, extra] = r;
    const node: Inode = { ino, fs: rootFs, type: TYPE[code], perm: perm & 0o7777, uid, gid, nlink, atime, mtime, ctime };
    if (parent >= 0) node.parent = parent;
    if (code === 'd') {
      node.entries = new Map();
      const flat = Array.isArray(extra) ? extra : [];
      for (let i = 0; i + 1 < flat.length; i += 2) node.entries.set(String(flat[i]), Number(flat[i + 1]));
    } else if (code === 'l') node.target = typeof extra === 'string' ? extra : '';
    else if ((code === 'c' || code === 'b') && Array.isArray(extra)) node.rdev = [Number(extra[0]), Number(extra[1])];
    vfs.restoreInode(node);
  }
  for (const [ino, size, chunks] of image.files) {
    const node = vfs.inodes.get(ino);
    if (!node || node.type !== 'file') continue;
    const data = FileData.fromChunks(
      size,
      chunks.map(([index, blocks, offset, length]) => ({ index, blocks, bytes: image.blob.subarray(offset, offset + length) })),
    );
    vfs.inodes.delete(ino);
    vfs.restoreInode(node, data);
  }
  // entries naming an inode the image lacks would crash a lookup later: drop them
  for (const node of vfs.inodes.values()) {
    if (node.fs !== rootFs || !node.entries) continue;
    for (const [name, ino] of node.entries) if (!vfs.inodes.has(ino)) node.entries.delete(name);
  }
  vfs.rootIno = image.rootIno;
  vfs.inodeCounter = image.nextIno;
}
