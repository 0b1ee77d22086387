// Inodes: metadata only. File bytes live in the blob store (see vfs.ts), so a snapshot can
// save metadata and contents apart, and a stat never touches file data.

import type { AccessAcl, DefaultAcl } from './acl';

export type FileType = 'file' | 'dir' | 'symlink' | 'chardev' | 'blockdev' | 'fifo' | 'socket';

export const S_IFMT = 0o170000;
export const TYPE_BITS: Record<FileType, number> = {
  socket: 0o140000,
  symlink: 0o120000,
  file: 0o100000,
  blockdev: 0o060000,
  dir: 0o040000,
  chardev: 0o020000,
  fifo: 0o010000,
};

export const S_ISUID = 0o4000;
export const S_ISGID = 0o2000;
export const S_ISVTX = 0o1000;

/** A directory whose entries are computed when looked at (procfs). */
export interface DynamicDir {
  list(): string[];
  lookup(name: string): Inode | undefined;
}

export interface Inode {
  ino: number;
  /** The filesystem this inode belongs to (index into the mount table's filesystems). */
  fs: number;
  type: FileType;
  /** Permission bits including setuid/setgid/sticky (the low 12 bits of st_mode). */
  perm: number;
  uid: number;
  gid: number;
  nlink: number;
  /** Times in virtual milliseconds since the epoch. */
  atime: number;
  mtime: number;
  ctime: number;
  /** Directories: name -> inode number. */
  entries?: Map<string, number>;
  /** Directories: the parent directory's inode (its own ino for a filesystem root). */
  parent?: number;
  /** Symlinks: the target text. */
  target?: string;
  /** Device nodes: major and minor. */
  rdev?: [number, number];
  /** Generated content (procfs files), computed when the file is opened. */
  generate?: () => string;
  /** procfs files whose generator loads late (/proc/net): open(2) awaits this first, when it returns a promise. */
  prepare?: () => Promise<void> | undefined;
  /** procfs files the kernel acts on when written (/proc/sys, comm): gets each write(2)'s bytes. */
  sink?: (data: Uint8Array) => void;
  /** procfs: the permission bits bind root too (proc_sys_permission ignores CAP_DAC_OVERRIDE). */
  strictPerm?: boolean;
  /** Generated symlink target (procfs: /proc/self, /proc/<pid>/cwd). */
  generateTarget?: () => string;
  dynamic?: DynamicDir;
  /** Attribute flags set by FS_IOC_SETFLAGS (chattr); undefined: the filesystem's default (attrs.ts). */
  attrs?: number;
  /** ext4's generation number, once FS_IOC_SETVERSION set it (attrs.ts has the default). */
  generation?: number;
  /** An access ACL beyond the mode bits (acl.ts); the mode's group bits are then its mask. */
  acl?: AccessAcl;
  /** Directories: the default ACL new entries inherit (acl.ts). */
  defaultAcl?: DefaultAcl;
}

export function modeOf(node: Inode): number {
  return TYPE_BITS[node.type] | node.perm;
}

/** `ls -l` type letter. */
export function typeLetter(type: FileType): string {
  switch (type) {
    case 'dir': return 'd';
    case 'symlink': return 'l';
    case 'chardev': return 'c';
    case 'blockdev': return 'b';
    case 'fifo': return 'p';
    case 'socket': return 's';
    default: return '-';
  }
}
