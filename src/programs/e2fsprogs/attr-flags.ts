// The attribute flags as e2fsprogs names them (lib/e2p/pf.c and chattr's letters), and the
// calls lsattr and chattr share: reading and setting an inode's attributes the way libe2p's
// fgetflags/fsetflags do it (regular files and directories only, opened read-only without
// following a symlink), and com_err's message form.
import { SysError, strerror } from '../../shared/errno';
import type { Sys } from '../../shared/sys';
import { FL } from '../../shared/inode-flags';

/** In lsattr's order: [flag, letter, long name]. */
export const FLAG_NAMES: readonly [number, string, string][] = [
  [FL.SECRM, 's', 'Secure_Deletion'],
  [FL.UNRM, 'u', 'Undelete'],
  [FL.SYNC, 'S', 'Synchronous_Updates'],
  [FL.DIRSYNC, 'D', 'Synchronous_Directory_Updates'],
  [FL.IMMUTABLE, 'i', 'Immutable'],
  [FL.APPEND, 'a', 'Append_Only'],
  [FL.NODUMP, 'd', 'No_Dump'],
  [FL.NOATIME, 'A', 'No_Atime'],
  [FL.COMPR, 'c', 'Compression_Requested'],
  [FL.ENCRYPT, 'E', 'Encrypted'],
  [FL.JOURNAL_DATA, 'j', 'Journaled_Data'],
  [FL.INDEX, 'I', 'Indexed_directory'],
  [FL.NOTAIL, 't', 'No_Tailmerging'],
  [FL.TOPDIR, 'T', 'Top_of_Directory_Hierarchies'],
  [FL.EXTENTS, 'e', 'Extents'],
  [FL.NOCOW, 'C', 'No_COW'],
  [FL.DAX, 'x', 'DAX'],
  [FL.CASEFOLD, 'F', 'Casefold'],
  [FL.INLINE_DATA, 'N', 'Inline_Data'],
  [FL.PROJINHERIT, 'P', 'Project_Hierarchy'],
  [FL.VERITY, 'V', 'Verity'],
  [FL.NOCOMPR, 'm', 'Dont_Compress'],
];

/** The letters chattr takes after + - = (1.46.5: not E, I, N or V, which only the kernel sets). */
export const CHATTR_LETTERS: Readonly<Record<string, number>> = {
  A: FL.NOATIME, S: FL.SYNC, D: FL.DIRSYNC, a: FL.APPEND, c: FL.COMPR, m: FL.NOCOMPR, d: FL.NODUMP, e: FL.EXTENTS,
  i: FL.IMMUTABLE, j: FL.JOURNAL_DATA, P: FL.PROJINHERIT, s: FL.SECRM, u: FL.UNRM, t: FL.NOTAIL, T: FL.TOPDIR,
  C: FL.NOCOW, x: FL.DAX, F: FL.CASEFOLD,
};

/** print_flags: a letter or '-' per flag, or with `long` the names of those set, ", "-joined ("---" for none). */
export function formatFlags(flags: number, long: boolean): string {
  if (!long) return FLAG_NAMES.map(([f, c]) => (flags & f ? c : '-')).join('');
  const names = FLAG_NAMES.filter(([f]) => flags & f).map(([, , n]) => n);
  return names.length ? names.join(', ') : '---';
}

/** com_err(3): "WHO: MESSAGE TEXT" (no message for code 0). */
export function comErr(who: string, err: unknown, text: string): string {
  if (err === undefined) return `${who}: ${text}\n`;
  return `${who}: ${errText(err)} ${text}\n`;
}

export function errText(err: unknown): string {
  if (err instanceof SysError) return strerror(err.errno);
  throw err;
}

type Attr = 'flags' | 'version' | 'project';

/**
 * libe2p's way to an inode attribute: anything but a regular file or directory (a symlink
 * included) is EOPNOTSUPP, and so is a filesystem without the ioctl (ENOTTY) for the flags.
 */
export async function inodeAttr(sys: Sys, name: string, attr: Attr, set?: number): Promise<number> {
  if (attr === 'flags') {
    const st = await sys.stat(name).catch(() => undefined);
    if (st && st.kind !== 'file' && st.kind !== 'dir') throw new SysError('EOPNOTSUPP', 'ioctl', name);
  }
  let fd: number;
  try {
    fd = await sys.open(name, { read: true, noFollow: true });
  } catch (e) {
    if (attr === 'flags' && e instanceof SysError && (e.errno === 'ELOOP' || e.errno === 'ENXIO')) throw new SysError('EOPNOTSUPP', 'ioctl', name);
    throw e;
  }
  try {
    return sys.inodeAttr(fd, attr, set);
  } catch (e) {
    if (attr === 'flags' && e instanceof SysError && e.errno === 'ENOTTY') throw new SysError('EOPNOTSUPP', 'ioctl', name);
    throw e;
  } finally {
    sys.close(fd);
  }
}

/** e2p's iterate_on_dir: every entry, '.' and '..' first; undefined when the directory cannot be opened. */
export async function dirEntries(sys: Sys, dir: string): Promise<string[] | undefined> {
  try {
    return ['.', '..', ...(await sys.readdir(dir))];
  } catch (e) {
    if (e instanceof SysError) return undefined;
    throw e;
  }
}

/** The path iterate_on_dir's callbacks build: "DIR/NAME" (lsattr does not double a trailing slash). */
export function joinPath(dir: string, name: string, trimSlash: boolean): string {
  return trimSlash && dir.endsWith('/') ? `${dir}${name}` : `${dir}/${name}`;
}
