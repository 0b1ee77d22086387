// Filesystem system calls that change or read the tree: each checks permissions through
// permissions.ts and fails with the errno Linux gives.
import { inheritAcl } from './acl';
import { SysError } from '../../shared/errno';
import type { Stat } from '../../shared/stat';
import { blocksFor } from './filesystems';
import type { FileType, Inode } from './inode';
import { modeOf, S_ISGID, S_ISUID } from './inode';
import { deleteErrno, deniedErrno, isOwnerOrRoot, mayAccess, R_OK, W_OK, X_OK, type Cred, inGroup } from './permissions';
import { attrsLocked, isAppendOnly, isImmutable } from './attrs';
import type { Vfs } from './vfs';

export interface FsContext {
  vfs: Vfs;
  cred: Cred;
  cwd: Inode;
  umask: number;
}

/** mnt_want_write: nothing on a read-only mount changes. */
function writable(c: FsContext, node: Inode, syscall: string, path: string): void {
  if (c.vfs.fsOf(node).readonly || viaReadonlyBind(c.vfs, c.cred, c.cwd, path)) fail('EROFS', syscall, path);
}

/**
 * Whether a path (as written, from `cwd`) goes through a bind mount made read-only: its
 * filesystem stays writable elsewhere, the mount does not. Told by the path's text.
 */
export function viaReadonlyBind(vfs: Vfs, cred: Cred, cwd: Inode, path: string): boolean {
  const ns = cred.root && cred.root.ino !== vfs.rootIno ? cred.root.ino : undefined;
  const binds = vfs.filesystems.filter((f) => f.bindOf !== undefined && !f.unmounted && f.namespace === ns && f.options.startsWith('ro'));
  if (binds.length === 0) return false;
  const parts: string[] = [];
  for (const p of (path.startsWith('/') ? path : `${vfs.pathOf(cwd, cred.root)}/${path}`).split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '' && p !== '.') parts.push(p);
  }
  const abs = `/${parts.join('/')}`;
  return binds.some((f) => abs === f.target || abs.startsWith(`${f.target}/`));
}

function fail(errno: ConstructorParameters<typeof SysError>[0], syscall: string, path: string): never {
  throw new SysError(errno, syscall, path);
}

export function statNode(vfs: Vfs, node: Inode): Stat {
  const size = vfs.size(node);
  return {
    dev: node.fs,
    ino: node.ino,
    mode: modeOf(node),
    kind: node.type,
    nlink: node.nlink,
    uid: node.uid,
    gid: node.gid,
    rdev: node.rdev,
    size,
    blksize: 4096,
    // a file counts the blocks written to it (a hole has none), as ext4 and tmpfs do
    blocks: node.type === 'file' ? vfs.allocated(node) / 512 : node.type === 'dir' ? blocksFor(node.dynamic ? 0 : size) / 512 : 0,
    atime: node.atime,
    mtime: node.mtime,
    ctime: node.ctime,
  };
}

/** Creates `name` in `dir` after the checks open(O_CREAT), mkdir, mknod and symlink share. */
/**
 * Makes `name` in `dir`. `perm` has the umask applied; `requested` is the mode asked for before
 * it, which a directory's default ACL uses instead (acl.ts).
 */
export function createIn(c: FsContext, dir: Inode, name: string, type: FileType, perm: number, syscall: string, path: string, requested?: number): Inode {
  if (dir.dynamic || c.vfs.fsOf(dir).type === 'proc') fail('ENOENT', syscall, path);
  if (name === '.' || name === '..' || dir.entries!.has(name)) fail('EEXIST', syscall, path);
  writable(c, dir, syscall, path);
  if (!mayAccess(c.cred, dir, W_OK | X_OK)) fail(deniedErrno(dir, W_OK), syscall, path);
  if (dir.nlink === 0) fail('ENOENT', syscall, path);
  const node = c.vfs.newInode(dir.fs, type, perm, c.cred.euid, c.vfs.newGroup(dir, c.cred.egid));
  if (dir.defaultAcl && requested !== undefined && type !== 'symlink') node.perm = inheritAcl(dir, node, requested);
  if (type === 'dir' && dir.perm & S_ISGID) node.perm |= S_ISGID;
  c.vfs.addEntry(dir, name, node);
  return node;
}

export function mkdir(c: FsContext, path: string, mode: number): void {
  const { dir, name } = c.vfs.resolveParent(c.cred, c.cwd, path, 'mkdir');
  if (c.vfs.child(dir, name) || name === '.' || name === '..') fail('EEXIST', 'mkdir', path);
  createIn(c, dir, name, 'dir', mode & ~c.umask & 0o7777, 'mkdir', path, mode & 0o7777);
}

export function symlink(c: FsContext, target: string, path: string): void {
  if (target === '') fail('ENOENT', 'symlink', path);
  const { dir, name } = c.vfs.resolveParent(c.cred, c.cwd, path, 'symlink');
  if (c.vfs.child(dir, name)) fail('EEXIST', 'symlink', path);
  const node = createIn(c, dir, name, 'symlink', 0o777, 'symlink', path);
  node.target = target;
}

export function link(c: FsContext, existing: string, path: string): void {
  const src = c.vfs.resolve(c.cred, c.cwd, existing, { follow: false }, 'link');
  const { dir, name } = c.vfs.resolveParent(c.cred, c.cwd, path, 'link');
  if (c.vfs.child(dir, name) || name === '.' || name === '..') fail('EEXIST', 'link', path);
  writable(c, dir, 'link', path);
  if (dir.fs !== src.fs) fail('EXDEV', 'link', path);
  // fs.protected_hardlinks: only the owner may link a file they could not read and write
  const safe = src.type === 'file' && !(src.perm & S_ISUID) && (src.perm & 0o2010) !== 0o2010 && mayAccess(c.cred, src, R_OK | W_OK);
  if (!isOwnerOrRoot(c.cred, src) && !safe) fail('EPERM', 'link', existing);
  if (!mayAccess(c.cred, dir, W_OK | X_OK)) fail(deniedErrno(dir, W_OK), 'link', path);
  // an append-only or immutable file gets no new names (vfs_link)
  if (attrsLocked(src)) fail('EPERM', 'link', existing);
  // a directory is refused last (vfs_link), after an existing name and the permissions
  if (src.type === 'dir') fail('EPERM', 'link', existing);
  src.nlink++;
  src.ctime = c.vfs.newInodeTime();
  c.vfs.addEntry(dir, name, src);
}

export function unlink(c: FsContext, path: string): void {
  const { dir, name } = c.vfs.resolveParent(c.cred, c.cwd, path, 'unlink');
  writable(c, dir, 'unlink', path);
  const node = c.vfs.child(dir, name);
  if (!node) fail('ENOENT', 'unlink', path);
  // a trailing slash (do_unlinkat's "slashes"): the victim's type decides, before permissions
  if (path.endsWith('/')) fail(node.type === 'dir' ? 'EISDIR' : 'ENOTDIR', 'unlink', path);
  if (dir.dynamic) fail('EACCES', 'unlink', path);
  // may_delete: the permission to delete is checked before the victim's type
  const refused = deleteErrno(c.cred, dir, node);
  if (refused) fail(refused, 'unlink', path);
  if (node.type === 'dir') fail('EISDIR', 'unlink', path);
  // a file with a bind mount over it (a container's /etc/hosts)
  if (c.vfs.entryCovered(dir, name)) fail('EBUSY', 'unlink', path);
  c.vfs.removeEntry(dir, name, node);
}

export function rmdir(c: FsContext, path: string): void {
  const { dir, name } = c.vfs.resolveParent(c.cred, c.cwd, path, 'rmdir');
  // the root itself is busy (Linux), even though its last component reads as '.'
  if (/^\/+$/.test(path)) fail('EBUSY', 'rmdir', path);
  if (name === '.') fail('EINVAL', 'rmdir', path);
  if (name === '..') fail('ENOTEMPTY', 'rmdir', path);
  writable(c, dir, 'rmdir', path);
  const node = c.vfs.child(dir, name);
  if (!node) fail('ENOENT', 'rmdir', path);
  if (dir.dynamic) fail('EACCES', 'rmdir', path);
  const refused = deleteErrno(c.cred, dir, node);
  if (refused) fail(refused, 'rmdir', path);
  if (node.type !== 'dir') fail('ENOTDIR', 'rmdir', path);
  if (c.vfs.isMountpoint(node) || c.vfs.entryCovered(dir, name) || node.ino === c.vfs.rootIno) fail('EBUSY', 'rmdir', path);
  if (node.entries!.size > 0) fail('ENOTEMPTY', 'rmdir', path);
  c.vfs.removeEntry(dir, name, node);
}

export function rename(c: FsContext, from: string, to: string): void {
  const src = c.vfs.resolveParent(c.cred, c.cwd, from, 'rename');
  // a last component that is '.' or '..' is busy (do_renameat2), before any lookup
  if (src.name === '.' || src.name === '..') fail('EBUSY', 'rename', from);
  const node = c.vfs.child(src.dir, src.name);
  if (!node) fail('ENOENT', 'rename', from);
  // a trailing slash on either name requires a directory
  if (node.type !== 'dir' && (from.endsWith('/') || to.endsWith('/'))) fail('ENOTDIR', 'rename', from.endsWith('/') ? from : to);
  const dst = c.vfs.resolveParent(c.cred, c.cwd, to, 'rename');
  writable(c, src.dir, 'rename', from);
  if (dst.name === '.' || dst.name === '..') fail('EBUSY', 'rename', to);
  if (c.vfs.entryCovered(src.dir, src.name) || c.vfs.entryCovered(dst.dir, dst.name)) fail('EBUSY', 'rename', from);
  if (node.fs !== dst.dir.fs || c.vfs.isMountpoint(node)) fail('EXDEV', 'rename', from);
  const refused = deleteErrno(c.cred, src.dir, node);
  if (refused) fail(refused, 'rename', from);
  if (!mayAccess(c.cred, dst.dir, W_OK | X_OK)) fail(deniedErrno(dst.dir, W_OK), 'rename', to);
  const existing = c.vfs.child(dst.dir, dst.name);
  if (existing === node) return;
  if (node.type === 'dir' && c.vfs.isWithin(dst.dir, node)) fail('EINVAL', 'rename', from);
  if (existing) {
    if (deleteErrno(c.cred, dst.dir, existing)) fail('EPERM', 'rename', to);
    if (existing.type === 'dir') {
      if (node.type !== 'dir') fail('EISDIR', 'rename', to);
      if (existing.entries!.size > 0) fail('ENOTEMPTY', 'rename', to);
    } else if (node.type === 'dir') fail('ENOTDIR', 'rename', to);
    c.vfs.removeEntry(dst.dir, dst.name, existing);
  }
  src.dir.entries!.delete(src.name);
  if (node.type === 'dir') src.dir.nlink--;
  c.vfs.addEntry(dst.dir, dst.name, node);
  const t = dst.dir.mtime;
  src.dir.mtime = src.dir.ctime = t;
  node.ctime = t;
}

export function readdir(c: FsContext, path: string): string[] {
  const node = c.vfs.resolve(c.cred, c.cwd, path, { follow: true }, 'opendir');
  return readdirNode(c, node, path);
}

export function readdirNode(c: FsContext, node: Inode, path: string): string[] {
  if (node.type !== 'dir') fail('ENOTDIR', 'opendir', path);
  if (!mayAccess(c.cred, node, R_OK)) fail('EACCES', 'opendir', path);
  c.vfs.touchAtime(node);
  if (node.dynamic) return node.dynamic.list();
  return [...node.entries!.keys()];
}

/** readdir with each entry's type, as getdents' d_type gives it (undefined: DT_UNKNOWN). */
export function readdirTypes(c: FsContext, path: string): { name: string; kind: Stat['kind'] | undefined }[] {
  const node = c.vfs.resolve(c.cred, c.cwd, path, { follow: true }, 'opendir');
  const names = readdirNode(c, node, path);
  if (node.dynamic) return names.map((name) => ({ name, kind: undefined }));
  return names.map((name) => {
    const ino = node.entries!.get(name);
    return { name, kind: ino === undefined ? undefined : c.vfs.inodes.get(ino)?.type };
  });
}

export function chmod(c: FsContext, path: string, mode: number, follow = true): void {
  const node = c.vfs.resolve(c.cred, c.cwd, path, { follow }, 'chmod');
  writable(c, node, 'chmod', path);
  if (!isOwnerOrRoot(c.cred, node)) fail('EPERM', 'chmod', path);
  if (c.vfs.fsOf(node).type === 'proc') fail('EPERM', 'chmod', path);
  // an append-only or immutable inode keeps its mode, owner and times (notify_change)
  if (attrsLocked(node)) fail('EPERM', 'chmod', path);
  let perm = mode & 0o7777;
  // a non-root owner who is not in the file's group cannot set setgid (chmod(2))
  if (c.cred.euid !== 0 && !inGroup(c.cred, node.gid)) perm &= ~S_ISGID;
  node.perm = perm;
  node.ctime = nowOf(c);
}

export function chown(c: FsContext, path: string, uid: number, gid: number, follow = true): void {
  const node = c.vfs.resolve(c.cred, c.cwd, path, { follow }, follow ? 'chown' : 'lchown');
  writable(c, node, 'chown', path);
  const changeUid = uid !== -1 && uid !== node.uid;
  const changeGid = gid !== -1 && gid !== node.gid;
  if (c.cred.euid !== 0) {
    // only the owner may chown at all, and then only to a group it belongs to (chown(2))
    if ((uid !== -1 || gid !== -1) && c.cred.euid !== node.uid) fail('EPERM', 'chown', path);
    if (changeUid) fail('EPERM', 'chown', path);
    if (changeGid && !inGroup(c.cred, gid)) fail('EPERM', 'chown', path);
  }
  if ((uid !== -1 || gid !== -1) && attrsLocked(node)) fail('EPERM', 'chown', path);
  if (uid !== -1) node.uid = uid;
  if (gid !== -1) node.gid = gid;
  // chown clears setuid/setgid on executables
  if ((changeUid || changeGid) && node.type !== 'dir') node.perm &= ~(S_ISUID | (node.perm & 0o010 ? S_ISGID : 0));
  node.ctime = nowOf(c);
}

export function utimes(c: FsContext, path: string, atime: number | undefined, mtime: number | undefined, follow = true): void {
  const node = c.vfs.resolve(c.cred, c.cwd, path, { follow }, 'utimensat');
  writable(c, node, 'utimensat', path);
  const explicit = atime !== undefined || mtime !== undefined;
  // an immutable inode keeps its times; an append-only one only takes "now"
  if (isImmutable(node) || (explicit && isAppendOnly(node))) fail('EPERM', 'utimensat', path);
  if (!isOwnerOrRoot(c.cred, node) && (explicit || !mayAccess(c.cred, node, W_OK))) fail(explicit ? 'EPERM' : 'EACCES', 'utimensat', path);
  const t = nowOf(c);
  node.atime = atime ?? t;
  node.mtime = mtime ?? t;
  node.ctime = t;
}

export function access(c: FsContext, path: string, want: number): void {
  const node = c.vfs.resolve(c.cred, c.cwd, path, { follow: true }, 'access');
  // access(2) checks real ids
  const real: Cred = { ...c.cred, euid: c.cred.uid, egid: c.cred.gid };
  if (want & W_OK && node.type !== 'chardev' && node.type !== 'blockdev' && node.type !== 'fifo' && node.type !== 'socket') writable(c, node, 'access', path);
  if (want && !mayAccess(real, node, want)) fail(deniedErrno(node, want), 'access', path);
}

export function checkExec(c: FsContext, node: Inode, path: string): void {
  if (node.type === 'dir') fail('EACCES', 'execve', path);
  if (node.type !== 'file' || !mayAccess(c.cred, node, X_OK)) fail('EACCES', 'execve', path);
}

function nowOf(c: FsContext): number {
  return c.vfs.newInodeTime();
}
