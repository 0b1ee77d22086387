// Inode attribute flags (FS_IOC_GETFLAGS / FS_IOC_SETFLAGS, what chattr sets and lsattr shows)
// and what the kernel does with them: an immutable inode cannot be written, removed, renamed,
// linked or have its metadata changed, by anyone; an append-only one only grows. ext4 keeps
// the whole set (new files and directories get the extents flag); tmpfs (6.0 and later) keeps
// immutable, append-only, no-dump and no-atime; other filesystems have none (ENOTTY).
import { SysError } from '../../shared/errno';
import type { Inode } from './inode';
import type { FsType } from './filesystems';
import { FL } from '../../shared/inode-flags';

/** Flags ext4 lets FS_IOC_SETFLAGS change on a regular file (others fail or are dropped: see setFlags). */
const EXT4_KEPT = FL.SECRM | FL.UNRM | FL.COMPR | FL.SYNC | FL.IMMUTABLE | FL.APPEND | FL.NODUMP | FL.NOATIME | FL.JOURNAL_DATA | FL.NOTAIL | FL.EXTENTS | FL.DAX;
/** ...and on a directory, which also takes synchronous directory updates and the top-of-hierarchy mark */
const EXT4_DIR_KEPT = EXT4_KEPT | FL.DIRSYNC | FL.TOPDIR;
/** Flags ext4 accepts and ignores (not stored) */
const EXT4_DROPPED = FL.NOCOMPR | FL.DIRSYNC;
/** tmpfs (mm/shmem.c): the flags it keeps */
const TMPFS_KEPT = FL.IMMUTABLE | FL.APPEND | FL.NODUMP | FL.NOATIME;

function hasFlags(fsType: FsType): boolean {
  return fsType === 'ext4' || fsType === 'tmpfs' || fsType === 'devtmpfs';
}

/** The inode's flags as FS_IOC_GETFLAGS reads them; undefined: the filesystem has none (ENOTTY). */
export function flagsOf(fsType: FsType, node: Inode): number | undefined {
  if (!hasFlags(fsType) || node.generate || node.dynamic) return undefined;
  if (node.attrs !== undefined) return node.attrs;
  return fsType === 'ext4' && (node.type === 'file' || node.type === 'dir') ? FL.EXTENTS : 0;
}

/** A generation number for an inode that was never given one: fixed for the inode, as if drawn at its creation. */
function defaultGeneration(ino: number): number {
  let h = Math.imul(ino ^ 0x5bd1e995, 0x9e3779b1);
  h ^= h >>> 15;
  return Math.imul(h, 0x85ebca6b) >>> 0;
}

/**
 * The ioctls behind lsattr and chattr on an open file of filesystem `fsType`: reads the
 * attribute, or sets it when `set` is given. Throws ENOTTY where the filesystem lacks it.
 */
export function inodeAttr(fsType: FsType, node: Inode, attr: 'flags' | 'version' | 'project', set: { value: number; euid: number; bigFile: boolean } | undefined, path: string): number {
  if (flagsOf(fsType, node) === undefined) throw new SysError('ENOTTY', 'ioctl', path);
  if (attr === 'flags') {
    if (set) setFlags(fsType, node, set.euid, set.value >>> 0, path, set.bigFile);
    return flagsOf(fsType, node)!;
  }
  if (attr === 'version') {
    // the generation is ext4's (tmpfs has no GETVERSION); setting it is for the owner
    if (fsType !== 'ext4') throw new SysError('ENOTTY', 'ioctl', path);
    if (set) {
      if (set.euid !== 0 && set.euid !== node.uid) throw new SysError('EPERM', 'ioctl', path);
      node.generation = set.value >>> 0;
    }
    return node.generation ?? defaultGeneration(node.ino);
  }
  // project ids: 0 everywhere; no filesystem here has the project feature to keep another
  if (set) {
    if (set.euid !== 0 && set.euid !== node.uid) throw new SysError('EPERM', 'ioctl', path);
    if (set.value !== 0) throw new SysError('EOPNOTSUPP', 'ioctl', path);
  }
  return 0;
}

export function isImmutable(node: Inode): boolean {
  return ((node.attrs ?? 0) & FL.IMMUTABLE) !== 0;
}

export function isAppendOnly(node: Inode): boolean {
  return ((node.attrs ?? 0) & FL.APPEND) !== 0;
}

/** Immutable or append-only: its mode, owner and times stay as they are (notify_change). */
export function attrsLocked(node: Inode): boolean {
  return ((node.attrs ?? 0) & (FL.IMMUTABLE | FL.APPEND)) !== 0;
}

/**
 * FS_IOC_SETFLAGS on `node` by a caller with effective uid `euid` (root has every
 * capability here). Throws the errno the kernel gives; `path` names the file in the error, and
 * `bigFile` says whether the file has more blocks than an inode points at directly.
 */
export function setFlags(fsType: FsType, node: Inode, euid: number, flags: number, path: string, bigFile: boolean): void {
  const old = flagsOf(fsType, node);
  if (old === undefined) throw new SysError('ENOTTY', 'ioctl', path);
  // the owner or CAP_FOWNER; immutable and append-only need CAP_LINUX_IMMUTABLE either way
  if (euid !== 0 && euid !== node.uid) throw new SysError('EPERM', 'ioctl', path);
  if (euid !== 0 && ((old ^ flags) & (FL.IMMUTABLE | FL.APPEND))) throw new SysError('EPERM', 'ioctl', path);
  let next: number;
  if (fsType === 'ext4') {
    const kept = node.type === 'dir' ? EXT4_DIR_KEPT : EXT4_KEPT;
    if (flags & ~(kept | EXT4_DROPPED)) throw new SysError('EOPNOTSUPP', 'ioctl', path);
    // dropping extents migrates the file to a block map, which ext4 does only while its blocks
    // fit the inode's twelve direct pointers
    if (node.type === 'file' && old & FL.EXTENTS && !(flags & FL.EXTENTS) && bigFile) throw new SysError('EOPNOTSUPP', 'ioctl', path);
    next = flags & kept;
  } else {
    if (flags & ~TMPFS_KEPT) throw new SysError('EOPNOTSUPP', 'ioctl', path);
    next = flags;
  }
  node.attrs = next;
}
