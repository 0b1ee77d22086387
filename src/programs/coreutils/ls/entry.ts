// One row of an ls listing (coreutils struct fileinfo) and the per-directory widths that
// gobble_file accumulates for the long format.
import type { Stat } from '../../../shared/stat';

/** What ls knows of a file's type; 'arg-dir' is a directory named on the command line. */
export type EntryType = 'unknown' | 'fifo' | 'chardev' | 'dir' | 'blockdev' | 'file' | 'symlink' | 'socket' | 'arg-dir';

export interface Entry {
  name: string;
  /** stat or lstat result; undefined when not needed or when it failed. */
  st: Stat | undefined;
  type: EntryType;
  /** For a symlink in the long format: its target text. */
  linkName?: string;
  /** Whether the symlink's target exists, and its mode. */
  linkOk: boolean;
  linkMode: number;
  /** Display width of the name with quoting, cached for column layout. */
  width?: number;
  /** --hyperlink: the canonical absolute name the link points at. */
  absoluteName?: string;
  /** The long format: the file has an ACL beyond its mode (file_has_acl). */
  acl?: boolean;
}

export interface Widths {
  inode: number;
  blocks: number;
  nlink: number;
  owner: number;
  group: number;
  author: number;
  size: number;
  major: number;
  minor: number;
  /** some file of the listing has an ACL: every mode gets an eleventh character ('+' or ' ') */
  acl: boolean;
}

export const emptyWidths = (): Widths => ({ inode: 0, blocks: 0, nlink: 0, owner: 0, group: 0, author: 0, size: 0, major: 0, minor: 0, acl: false });
