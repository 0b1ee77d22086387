// File-system helpers the install logic shares with the manager: symlink chasing, the
// "masked" test, configuration-directory listing (src/basic/chase-symlinks.c,
// src/basic/conf-files.c, src/basic/stat-util.c).
import { dirname, joinPath, normalizePath, pathStartsWith } from './lookup-paths';
import { errnoOf, type FsStat, type InstallFs } from './install-types';

/** Follows symlinks at most this often before ELOOP (CHASE_SYMLINKS_MAX). */
const CHASE_MAX = 32;

export async function lstatOrNull(fs: InstallFs, path: string): Promise<FsStat | null> {
  try {
    return await fs.lstat(path);
  } catch (e) {
    const errno = errnoOf(e);
    if (errno === 'ENOENT' || errno === 'ENOTDIR') return null;
    throw e;
  }
}

export async function statOrNull(fs: InstallFs, path: string): Promise<FsStat | null> {
  try {
    return await fs.stat(path);
  } catch (e) {
    const errno = errnoOf(e);
    if (errno === 'ENOENT' || errno === 'ENOTDIR' || errno === 'ELOOP') return null;
    throw e;
  }
}

/** null_or_empty(): an empty regular file or a device node (a mask). */
export function nullOrEmpty(st: FsStat): boolean {
  return (st.kind === 'file' && st.size <= 0) || st.kind === 'device';
}

/** Does `path` (following symlinks) name a mask? False when it does not exist. */
export async function nullOrEmptyPath(fs: InstallFs, path: string): Promise<boolean> {
  const st = await statOrNull(fs, path);
  return st !== null && nullOrEmpty(st);
}

/**
 * chase_symlinks(path, CHASE_NONEXISTENT): the canonical path, resolving every symlink; a
 * component that does not exist ends the walk and the rest is appended as it is. 'ELOOP' when
 * there are too many links.
 */
export async function chaseSymlinks(fs: InstallFs, path: string): Promise<string | 'ELOOP'> {
  let todo = normalizePath(path).split('/').filter(Boolean);
  let done = '';
  let hops = 0;
  while (todo.length > 0) {
    const part = todo.shift()!;
    if (part === '..') {
      done = dirname(done === '' ? '/' : done);
      if (done === '/') done = '';
      continue;
    }
    const cur = `${done}/${part}`;
    const st = await lstatOrNull(fs, cur);
    if (st === null) return normalizePath([cur, ...todo].join('/'));
    if (st.kind !== 'symlink') {
      done = cur;
      continue;
    }
    if (++hops > CHASE_MAX) return 'ELOOP';
    const target = await fs.readlink(cur);
    const rest = target.split('/').filter((x) => x !== '' && x !== '.');
    if (target.startsWith('/')) done = '';
    todo = [...rest, ...todo];
  }
  return done === '' ? '/' : done;
}

/** mkdir -p of the directory that will hold `path` (mkdir_parents_label). */
export async function mkdirParents(fs: InstallFs, path: string): Promise<void> {
  const parts = dirname(path).split('/').filter(Boolean);
  let cur = '';
  for (const part of parts) {
    cur += `/${part}`;
    const st = await lstatOrNull(fs, cur);
    if (st !== null) continue;
    try {
      await fs.mkdir(cur, 0o755);
    } catch (e) {
      if (errnoOf(e) !== 'EEXIST') throw e;
    }
  }
}

/** Removes now-empty directories between `path` and `stop` (rmdir_parents). */
export async function rmdirParents(fs: InstallFs, path: string, stop: string): Promise<void> {
  let dir = dirname(path);
  while (dir !== stop && dir !== '/' && pathStartsWith(dir, stop)) {
    try {
      await fs.rmdir(dir);
    } catch {
      return;
    }
    dir = dirname(dir);
  }
}

/** Removes a file or a whole directory tree (rm_rf with REMOVE_ROOT|REMOVE_PHYSICAL). */
export async function rmRf(fs: InstallFs, path: string): Promise<void> {
  const st = await lstatOrNull(fs, path);
  if (st === null) return;
  if (st.kind === 'dir') {
    for (const name of await fs.readdir(path)) await rmRf(fs, joinPath(path, name));
    await fs.rmdir(path);
  } else await fs.unlink(path);
}

export async function readdirOrEmpty(fs: InstallFs, path: string): Promise<string[]> {
  try {
    return await fs.readdir(path);
  } catch (e) {
    const errno = errnoOf(e);
    if (errno === 'ENOENT' || errno === 'ENOTDIR' || errno === 'EACCES') return [];
    throw e;
  }
}

const BACKUP_SUFFIXES = new Set(['rpmnew', 'rpmsave', 'rpmorig', 'dpkg-old', 'dpkg-new', 'dpkg-tmp', 'dpkg-dist', 'dpkg-bak', 'dpkg-backup', 'dpkg-remove', 'ucf-new', 'ucf-old', 'ucf-dist', 'swp', 'bak', 'old', 'new']);

/** hidden_or_backup_file(): names that directory walks (FOREACH_DIRENT) pass over. */
export function hiddenOrBackupFile(name: string): boolean {
  if (name.startsWith('.') || name === 'lost+found' || name === 'aquota.user' || name === 'aquota.group' || name.endsWith('~')) return true;
  const dot = name.lastIndexOf('.');
  return dot >= 0 && BACKUP_SUFFIXES.has(name.slice(dot + 1));
}

/** A directory's entries as FOREACH_DIRENT sees them: hidden and backup files left out. */
export async function readdirVisible(fs: InstallFs, path: string): Promise<string[]> {
  return (await readdirOrEmpty(fs, path)).filter((name) => !hiddenOrBackupFile(name));
}

/**
 * conf_files_list_strv(): files ending in `suffix` from `dirs` (highest priority first); a
 * name found in an earlier directory hides the same name in later ones; sorted by file name.
 * With `filterMasked`, names whose winning file is empty or /dev/null are dropped.
 */
export async function confFilesList(fs: InstallFs, dirs: readonly string[], suffix: string, filterMasked = false): Promise<string[]> {
  const chosen = new Map<string, string>();
  for (const dir of dirs) {
    for (const name of await readdirOrEmpty(fs, dir)) {
      if (!name.endsWith(suffix) || name.startsWith('.') || chosen.has(name)) continue;
      const path = joinPath(dir, name);
      const st = await statOrNull(fs, path);
      if (st === null || (st.kind !== 'file' && st.kind !== 'device')) continue;
      chosen.set(name, path);
    }
  }
  const out: string[] = [];
  for (const name of [...chosen.keys()].sort(byteCompare)) {
    const path = chosen.get(name)!;
    if (filterMasked && (await nullOrEmptyPath(fs, path))) continue;
    out.push(path);
  }
  return out;
}

export function byteCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

