// The mounted filesystems: what `df` and /proc/mounts report, and the byte budget that makes
// ENOSPC real.

export type FsType = 'ext4' | 'tmpfs' | 'proc' | 'devtmpfs' | 'sysfs' | 'overlay';

export interface FileSystemInfo {
  id: number;
  type: FsType;
  /** Device name as /proc/mounts shows it. */
  source: string;
  target: string;
  options: string;
  /** Capacity in bytes (0 for pseudo filesystems). */
  capacity: number;
  /** Bytes that count as used but are not stored (the base image's real binaries). */
  baseline: number;
  /** Bytes of file data actually stored. */
  stored: number;
  /** Whether a snapshot saves this filesystem (tmpfs and pseudo filesystems are RAM only). */
  persistent: boolean;
  /** Total and used inode counts, for `df -i`. */
  inodesTotal: number;
  /**
   * The mount namespace it is mounted in: the inode number of that tree's root directory (a
   * container's root), `target` being relative to it. Undefined: the machine's own tree.
   */
  namespace?: number;
  /** Set by umount: it no longer shows in any mount table. */
  unmounted?: boolean;
  /** Mounted read-only: what would change it fails with EROFS. */
  readonly?: boolean;
  /** A bind mount: the filesystem it shows (its id) and the entry (inode) it is mounted over. */
  bindOf?: number;
  bindAt?: number;
  /** A bind mount: the directory it shows, as a path inside that filesystem (mountinfo's root). */
  bindRoot?: string;
  /** Its propagation type when not shared (mount --make-private, --make-slave, --make-unbindable). */
  propagation?: 'private' | 'slave' | 'unbindable';
}

export const BLOCK = 4096;

/** Bytes of disk a file of `size` bytes occupies (whole blocks). */
export function blocksFor(size: number): number {
  return Math.ceil(size / BLOCK) * BLOCK;
}
