// What stat(2) returns, as plain data programs can read.
export type FileKind = 'file' | 'dir' | 'symlink' | 'chardev' | 'blockdev' | 'fifo' | 'socket';

export interface Stat {
  dev: number;
  ino: number;
  /** st_mode: type bits and permission bits. */
  mode: number;
  kind: FileKind;
  nlink: number;
  uid: number;
  gid: number;
  rdev: [number, number] | undefined;
  size: number;
  blksize: number;
  blocks: number;
  /** Milliseconds since the epoch (virtual clock). */
  atime: number;
  mtime: number;
  ctime: number;
}

export interface FsUsage {
  source: string;
  target: string;
  type: string;
  options: string;
  blockSize: number;
  totalBlocks: number;
  usedBlocks: number;
  freeBlocks: number;
  inodesTotal: number;
  inodesUsed: number;
  /** The filesystem's number (st_dev of its files; a bind mount's is that of what it shows). */
  dev: number;
}
