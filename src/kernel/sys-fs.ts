// The file-related half of Sys: descriptors, paths and metadata.
import { ACL_FILESYSTEMS } from './vfs/acl';
import { SysError } from '../shared/errno';
import type { FsUsage, Stat } from '../shared/stat';
import type { Sys } from '../shared/sys';
import { ProcessKilled } from './errors';
import { pipeId, type OpenFile } from './files';
import { closeFile, flockFile, openNode, readFile, shareFile, writeFile } from './io';
import type { Kernel } from './kernel';
import { newSocket } from './socket-file';
import { Pipe } from './pipe';
import type { Process } from './process';
import { maybeYield } from './scheduler';
import { hostPidFor } from './pidns';
import { BLOCK } from './vfs/filesystems';
import type { FileSystemInfo } from './vfs/filesystems';
import * as ops from './vfs/ops';
import { attrsLocked, inodeAttr } from './vfs/attrs';
import { isOwnerOrRoot, mayAccess, W_OK, X_OK } from './vfs/permissions';
import { normalize } from '../shared/path';

const encoder = new TextEncoder();
const MAGIC_FD = /^\/(?:proc\/(?:self|(\d+))\/fd|dev\/fd)\/(\d+)$/;
/** The most readFile builds in one buffer, whatever the memory: a JavaScript string of it must still be possible. */
const READ_FILE_MAX = 1 << 28;
/** What readFile reads whatever the memory (a small file never fails for want of it). */
const READ_FILE_FLOOR = 1 << 20;
const STD_NAMES: Record<string, number> = { '/dev/stdin': 0, '/dev/stdout': 1, '/dev/stderr': 2 };

type FsSys = Pick<Sys,
  | 'open' | 'read' | 'readReady' | 'write' | 'close' | 'dup' | 'dup2' | 'pipe' | 'socket' | 'lseek' | 'ftruncate' | 'inodeAttr' | 'isOpen' | 'openFds' | 'setCloexec'
  | 'stat' | 'lstat' | 'fstat' | 'flock' | 'readdir' | 'readdirTypes' | 'mkdir' | 'mkfifo' | 'mknod' | 'rmdir' | 'unlink' | 'rename' | 'link' | 'symlink'
  | 'readlink' | 'chmod' | 'getAcl' | 'setAcl' | 'chown' | 'lchown' | 'utimes' | 'truncate' | 'access' | 'realpath' | 'statfs'
  | 'mounts' | 'getcwd' | 'chdir' | 'chroot' | 'readFile' | 'writeFile' | 'swapon' | 'swapoff' | 'mount' | 'umount'>;

/** The ACL get/set code, loaded the first time a program asks (the clock held meanwhile). */
let aclModule: Promise<typeof import('./vfs/acl-xattr')> | undefined;

export function usageOf(k: Kernel, mnt: FileSystemInfo): FsUsage {
  // a bind mount counts what its filesystem holds
  const fs = mnt.bindOf === undefined ? mnt : k.vfs.filesystems[mnt.bindOf]!;
  const total = Math.floor(fs.capacity / BLOCK);
  const used = Math.ceil((fs.baseline + fs.stored) / BLOCK);
  let inodesUsed = 0;
  for (const n of k.vfs.inodes.values()) if (n.fs === fs.id) inodesUsed++;
  return {
    source: mnt.source, target: mnt.target, type: mnt.type, options: mnt.options, blockSize: BLOCK,
    totalBlocks: total, usedBlocks: Math.min(used, total), freeBlocks: Math.max(0, total - used),
    inodesTotal: fs.inodesTotal, inodesUsed: fs.inodesTotal ? inodesUsed : 0, dev: fs.id,
  };
}

export function makeFsSys(k: Kernel, proc: Process, enter: () => Promise<void>): FsSys {
  const fsctx = (): ops.FsContext => ({ vfs: k.vfs, cred: proc.cred, cwd: proc.cwd, umask: proc.umask });
  const aclCode = (): Promise<typeof import('./vfs/acl-xattr')> => k.clock.hold((aclModule ??= import('./vfs/acl-xattr')));
  const alive = (): void => {
    if (proc.killed) throw new ProcessKilled(proc.pid);
  };
  const fd = (n: number): OpenFile => {
    alive();
    const f = proc.fds.get(n);
    if (!f) throw new SysError('EBADF', 'fd');
    return f;
  };
  /** get_unused_fd: the lowest free descriptor, EMFILE at RLIMIT_NOFILE. */
  const lowestFree = (from = 0, syscall = 'open'): number => {
    let n = from;
    while (proc.fds.has(n)) n++;
    if (n >= proc.rlimits.nofile.soft) throw new SysError('EMFILE', syscall);
    return n;
  };
  const install = (file: OpenFile): number => {
    const n = lowestFree();
    proc.fds.set(n, file);
    return n;
  };

  /**
   * The open file a /proc/<pid>/fd/N, /dev/fd/N or /dev/std* path names (a magic link: following
   * it reaches the descriptor's file itself, a pipe too), after ordinary symlinks to one (nginx's
   * access.log in its image); undefined for any other path, ENOENT for a closed descriptor.
   */
  const magicFile = (path: string, syscall: string): OpenFile | undefined => {
    let abs = normalize(path.startsWith('/') ? path : `${k.vfs.pathOf(proc.cwd, proc.cred.root)}/${path}`);
    for (let i = 0; i < 8 && !MAGIC_FD.test(abs) && STD_NAMES[abs] === undefined; i++) {
      const n = k.vfs.lookup(abs, false, proc.cred.root);
      if (!n || n.type !== 'symlink') break;
      const t = k.vfs.linkTarget(n);
      abs = normalize(t.startsWith('/') ? t : `${abs.slice(0, abs.lastIndexOf('/'))}/${t}`);
    }
    const magic = MAGIC_FD.exec(abs);
    const std = STD_NAMES[abs];
    if (!magic && std === undefined) return undefined;
    const owner = magic?.[1] ? k.procs.get(hostPidFor(proc.pidns, Number(magic[1])) ?? -1) : proc;
    const src = owner?.fds.get(std ?? Number(magic![2]));
    if (!src) throw new SysError('ENOENT', syscall, path);
    return src;
  };
  /** fstat(2) of an open file. */
  const statOpen = (f: OpenFile): Stat => {
    const t = f.target;
    if (t.kind === 'inode' || (t.kind === 'tty' && t.node) || t.kind === 'device') return ops.statNode(k.vfs, t.node!);
    if (t.kind === 'tty') {
      // the terminal is the machine's device, wherever the process's root is
      const dev = k.vfs.lookup(`/dev/${t.tty.name}`);
      if (!dev) throw new SysError('ENOENT', 'fstat', `/dev/${t.tty.name}`);
      return ops.statNode(k.vfs, dev);
    }
    const now = k.clock.realtime();
    if (t.kind === 'socket') return { dev: 0, ino: t.socket.id, mode: 0o140777, kind: 'socket', nlink: 1, uid: proc.cred.euid, gid: proc.cred.egid, rdev: undefined, size: 0, blksize: 4096, blocks: 0, atime: now, mtime: now, ctime: now };
    // each pipe is its own inode of pipefs (cmp and diff tell two pipes apart by it)
    return { dev: 0, ino: t.kind === 'pipe' ? pipeId(t.pipe) : 0, mode: 0o010600, kind: 'fifo', nlink: 1, uid: proc.cred.euid, gid: proc.cred.egid, rdev: undefined, size: 0, blksize: 4096, blocks: 0, atime: now, mtime: now, ctime: now };
  };

  const sys: FsSys = {
    async open(path, flags, mode = 0o666) {
      await enter();
      k.current = proc;
      // the descriptor comes first (get_unused_fd_flags): with none free nothing is opened or created
      lowestFree();
      const src = magicFile(path, 'open');
      if (src && src.target.kind !== 'inode') {
        const n = lowestFree();
        proc.fds.set(n, shareFile(src));
        return n;
      }
      const file = openNode(k, proc, path, flags, mode);
      const t = file.target;
      // a procfs file generated by code not loaded yet (/proc/net): load it, then build the text
      const pending = t.kind === 'inode' && file.snapshot ? t.node.prepare?.() : undefined;
      if (pending && t.kind === 'inode') {
        try {
          await k.block(proc, pending);
        } catch (e) {
          closeFile(k, file);
          throw e;
        }
        file.snapshot = k.vfs.read(t.node);
      }
      if (t.kind === 'pipe' && t.fifo && !(file.readable && file.writable)) {
        // opening one end of a FIFO waits for the other end (fifo(7))
        try {
          while (t.end === 'r' ? t.pipe.writers === 0 : t.pipe.readers === 0) await k.block(proc, t.pipe.waitChange());
        } catch (e) {
          closeFile(k, file);
          throw e;
        }
      }
      try {
        return install(file);
      } catch (e) {
        closeFile(k, file);
        throw e;
      }
    },
    async mkfifo(path, mode = 0o666) {
      await enter();
      k.current = proc;
      const { dir, name } = k.vfs.resolveParent(proc.cred, proc.cwd, path, 'mknod');
      if (k.vfs.child(dir, name)) throw new SysError('EEXIST', 'mknod', path);
      ops.createIn(fsctx(), dir, name, 'fifo', mode & ~proc.umask & 0o7777, 'mknod', path, mode & 0o7777);
    },
    async mknod(path, mode, kind, major, minor) {
      await enter();
      k.current = proc;
      const { dir, name } = k.vfs.resolveParent(proc.cred, proc.cwd, path, 'mknod');
      if (k.vfs.child(dir, name)) throw new SysError('EEXIST', 'mknod', path);
      // device nodes need CAP_MKNOD, asked after the directory's own permission (vfs_mknod)
      if (proc.cred.euid !== 0) {
        if (!mayAccess(proc.cred, dir, W_OK | X_OK)) throw new SysError('EACCES', 'mknod', path);
        throw new SysError('EPERM', 'mknod', path);
      }
      const node = ops.createIn(fsctx(), dir, name, kind, mode & ~proc.umask & 0o7777, 'mknod', path, mode & 0o7777);
      node.rdev = [major, minor];
    },
    async read(n, max = 65536) {
      await enter();
      k.current = proc;
      return readFile(k, proc, fd(n), max);
    },
    readReady(n) {
      const f = fd(n);
      if (!f.readable) throw new SysError('EBADF', 'select');
      const t = f.target;
      if (t.kind === 'pipe') return t.pipe.buffered > 0 || t.pipe.writers === 0;
      if (t.kind === 'tty') return t.tty.hasInput();
      if (t.kind === 'socket') return t.socket.greeting !== undefined || t.socket.ended || t.socket.conn !== undefined;
      return true;
    },
    async write(n, data) {
      await enter();
      k.current = proc;
      const bytes = typeof data === 'string' ? encoder.encode(data) : data;
      await writeFile(k, proc, fd(n), bytes);
    },
    close(n) {
      const f = fd(n);
      proc.fds.delete(n);
      proc.cloexec.delete(n);
      closeFile(k, f);
    },
    dup(n) {
      const f = fd(n);
      const m = lowestFree(0, 'dup');
      proc.fds.set(m, shareFile(f));
      return m;
    },
    dup2(from, to) {
      const f = fd(from);
      // a target past RLIMIT_NOFILE is not a descriptor this process may have (ksys_dup3)
      if (to < 0 || to >= proc.rlimits.nofile.soft) throw new SysError('EBADF', 'dup2');
      if (from === to) return to;
      const old = proc.fds.get(to);
      proc.fds.set(to, shareFile(f));
      proc.cloexec.delete(to);
      if (old) closeFile(k, old);
      return to;
    },
    pipe() {
      alive();
      // both descriptors are found before the pipe exists (do_pipe2): EMFILE leaves nothing open
      const first = lowestFree(0, 'pipe');
      let second = first + 1;
      while (proc.fds.has(second)) second++;
      if (second >= proc.rlimits.nofile.soft) throw new SysError('EMFILE', 'pipe');
      const p = new Pipe();
      p.readers = 1;
      p.writers = 1;
      const r = install({ target: { kind: 'pipe', pipe: p, end: 'r' }, readable: true, writable: false, append: false, pos: 0, refs: 1, path: 'pipe' });
      const w = install({ target: { kind: 'pipe', pipe: p, end: 'w' }, readable: false, writable: true, append: false, pos: 0, refs: 1, path: 'pipe' });
      return [r, w];
    },
    socket(spec) {
      alive();
      const c = proc.cred;
      const caller = { pid: proc.pid, uid: c.uid, euid: c.euid, gid: c.gid, egid: c.egid, groups: c.groups, netns: proc.netns };
      const s = newSocket(spec.proto, caller, spec.conn, spec.greeting);
      if (spec.dst !== undefined) s.peer = { dst: spec.dst, port: spec.port ?? 0 };
      return install({ target: { kind: 'socket', socket: s }, readable: true, writable: true, append: false, pos: 0, refs: 1, path: `socket:[${s.id}]` });
    },
    lseek(n, offset, whence) {
      const f = fd(n);
      // null, zero and full stay at 0 (null_lseek), random and urandom where they are (noop_llseek)
      if (f.target.kind === 'device' && f.target.device !== 'kmsg') return f.target.device.endsWith('random') ? f.pos : (f.pos = 0);
      if (f.target.kind !== 'inode') throw new SysError('ESPIPE', 'lseek');
      const base = whence === 'set' ? 0 : whence === 'cur' ? f.pos : k.vfs.size(f.target.node);
      const to = base + offset;
      // past s_maxbytes (or before 0) is invalid; past what off_t (here: a double) holds exactly overflows
      if (to < 0 || (f.target.node.type === 'file' && to > k.vfs.maxFileSize(f.target.node))) throw new SysError('EINVAL', 'lseek');
      if (!Number.isSafeInteger(to)) throw new SysError('EOVERFLOW', 'lseek');
      f.pos = to;
      return f.pos;
    },
    ftruncate(n, length) {
      const f = fd(n);
      if (f.target.kind !== 'inode' || !f.writable || length < 0) throw new SysError('EINVAL', 'ftruncate');
      // an append-only or immutable file keeps its length (do_sys_ftruncate, inode_permission)
      if (attrsLocked(f.target.node)) throw new SysError('EPERM', 'ftruncate');
      k.vfs.truncate(f.target.node, length);
    },
    inodeAttr(n, attr, set) {
      const f = fd(n);
      const t = f.target;
      const node = t.kind === 'inode' || t.kind === 'device' || t.kind === 'tty' ? t.node : undefined;
      if (!node) throw new SysError('ENOTTY', 'ioctl');
      const r = inodeAttr(k.vfs.fsOf(node).type, node, attr, set === undefined ? undefined : { value: set, euid: proc.cred.euid, bigFile: node.type === 'file' && k.vfs.size(node) > 12 * BLOCK }, f.path);
      if (set !== undefined) node.ctime = k.vfs.newInodeTime();
      return r;
    },
    isOpen(n) {
      return proc.fds.has(n);
    },
    openFds() {
      return [...proc.fds.keys()].sort((a, b) => a - b).map((n) => ({ fd: n, cloexec: proc.cloexec.has(n) }));
    },
    setCloexec(n, on) {
      fd(n);
      if (on) proc.cloexec.add(n);
      else proc.cloexec.delete(n);
    },
    async stat(path) {
      await enter();
      k.current = proc;
      const f = magicFile(path, 'stat');
      if (f && f.target.kind !== 'inode') return statOpen(f);
      return ops.statNode(k.vfs, k.vfs.resolve(proc.cred, proc.cwd, path, { follow: true }, 'stat'));
    },
    async lstat(path) {
      await enter();
      k.current = proc;
      return ops.statNode(k.vfs, k.vfs.resolve(proc.cred, proc.cwd, path, { follow: false }, 'lstat'));
    },
    fstat(n) {
      return statOpen(fd(n));
    },
    flock(n, op) {
      flockFile(k, fd(n), op);
    },
    async readdir(path) {
      await enter();
      k.current = proc;
      return ops.readdir(fsctx(), path);
    },
    async readdirTypes(path) {
      await enter();
      k.current = proc;
      return ops.readdirTypes(fsctx(), path);
    },
    async mkdir(path, mode = 0o777) {
      await enter();
      k.current = proc;
      ops.mkdir(fsctx(), path, mode);
    },
    async rmdir(path) {
      await enter();
      k.current = proc;
      ops.rmdir(fsctx(), path);
    },
    async unlink(path) {
      await enter();
      k.current = proc;
      ops.unlink(fsctx(), path);
    },
    async rename(from, to) {
      await enter();
      k.current = proc;
      ops.rename(fsctx(), from, to);
    },
    async link(existing, path) {
      await enter();
      k.current = proc;
      ops.link(fsctx(), existing, path);
    },
    async symlink(target, path) {
      await enter();
      k.current = proc;
      ops.symlink(fsctx(), target, path);
    },
    async readlink(path) {
      await enter();
      k.current = proc;
      const node = k.vfs.resolve(proc.cred, proc.cwd, path, { follow: false }, 'readlink');
      if (node.type !== 'symlink') throw new SysError('EINVAL', 'readlink', path);
      return k.vfs.linkTarget(node);
    },
    async chmod(path, mode) {
      await enter();
      k.current = proc;
      ops.chmod(fsctx(), path, mode);
    },
    async getAcl(path, kind, follow = true) {
      await enter();
      k.current = proc;
      const node = k.vfs.resolve(proc.cred, proc.cwd, path, { follow }, 'getxattr');
      if (!ACL_FILESYSTEMS.has(k.vfs.fsOf(node).type) || node.type === 'symlink') throw new SysError('EOPNOTSUPP', 'getxattr', path);
      const { aclEntries } = await aclCode();
      return aclEntries(node, kind);
    },
    async setAcl(path, kind, entries, follow = true) {
      await enter();
      k.current = proc;
      const node = k.vfs.resolve(proc.cred, proc.cwd, path, { follow }, 'setxattr');
      if (!ACL_FILESYSTEMS.has(k.vfs.fsOf(node).type) || node.type === 'symlink') throw new SysError('EOPNOTSUPP', 'setxattr', path);
      if (!isOwnerOrRoot(proc.cred, node) || attrsLocked(node)) throw new SysError('EPERM', 'setxattr', path);
      const { setAcl } = await aclCode();
      setAcl(node, kind, entries);
      node.ctime = k.vfs.newInodeTime();
    },
    async chown(path, uid, gid) {
      await enter();
      k.current = proc;
      ops.chown(fsctx(), path, uid, gid, true);
    },
    async lchown(path, uid, gid) {
      await enter();
      k.current = proc;
      ops.chown(fsctx(), path, uid, gid, false);
    },
    async utimes(path, atime, mtime, follow = true) {
      await enter();
      k.current = proc;
      ops.utimes(fsctx(), path, atime, mtime, follow);
    },
    async truncate(path, length) {
      await enter();
      k.current = proc;
      const node = k.vfs.resolve(proc.cred, proc.cwd, path, { follow: true }, 'truncate');
      if (node.type === 'dir') throw new SysError('EISDIR', 'truncate', path);
      if (length < 0) throw new SysError('EINVAL', 'truncate', path);
      if (k.vfs.fsOf(node).readonly || ops.viaReadonlyBind(k.vfs, proc.cred, proc.cwd, path)) throw new SysError('EROFS', 'truncate', path);
      ops.access({ ...fsctx(), cred: { ...proc.cred, uid: proc.cred.euid, gid: proc.cred.egid } }, path, 2);
      if (attrsLocked(node)) throw new SysError('EPERM', 'truncate', path);
      k.vfs.truncate(node, length);
    },
    async access(path, mode) {
      await enter();
      k.current = proc;
      const f = magicFile(path, 'access');
      if (f && f.target.kind === 'pipe') return;
      ops.access(fsctx(), path, mode);
    },
    async realpath(path) {
      await enter();
      k.current = proc;
      const node = k.vfs.resolve(proc.cred, proc.cwd, path, { follow: true }, 'realpath');
      if (node.type === 'dir') return k.vfs.pathOf(node, proc.cred.root);
      const parentPath = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) || '/' : '.';
      const dir = k.vfs.resolve(proc.cred, proc.cwd, parentPath, { follow: true }, 'realpath');
      // the file's own name may have been a symlink: resolve the final link's directory
      const lastLink = k.vfs.resolve(proc.cred, proc.cwd, path, { follow: false }, 'realpath');
      if (lastLink.type === 'symlink') {
        const target = k.vfs.linkTarget(lastLink);
        const base = target.startsWith('/') ? target : `${k.vfs.pathOf(dir, proc.cred.root)}/${target}`;
        return sys.realpath(base);
      }
      const d = k.vfs.pathOf(dir, proc.cred.root);
      const name = path.slice(path.lastIndexOf('/') + 1);
      return d === '/' ? `/${name}` : `${d}/${name}`;
    },
    async statfs(path) {
      await enter();
      k.current = proc;
      const node = k.vfs.resolve(proc.cred, proc.cwd, path, { follow: true }, 'statfs');
      return usageOf(k, k.vfs.fsOf(node));
    },
    mounts() {
      return k.visibleFilesystems(proc).map((f) => usageOf(k, f));
    },
    getcwd() {
      alive();
      return k.vfs.pathOf(proc.cwd, proc.cred.root);
    },
    // swap areas: the code loads on first use
    swapon: (path, prio) => k.clock.hold(import('./swap')).then((m) => m.swapOn(k, proc, sys, path, prio)),
    swapoff: (path) => k.clock.hold(import('./swap')).then((m) => m.swapOff(k, proc, path)),
    mount: (source, target, type, flags, data) => enter().then(() => k.clock.hold(import('./mount'))).then((m) => m.mount(k, proc, source, target, type, flags, data)),
    umount: (target, lazy) => enter().then(() => k.clock.hold(import('./mount'))).then((m) => m.umount(k, proc, target, lazy)),
    async chroot(path) {
      await enter();
      k.current = proc;
      // chroot(2): CAP_SYS_CHROOT; the path is resolved (and searched) first, as the kernel does
      const node = k.vfs.resolve(proc.cred, proc.cwd, path, { follow: true }, 'chroot');
      if (node.type !== 'dir') throw new SysError('ENOTDIR', 'chroot', path);
      ops.access(fsctx(), path, 1);
      if (proc.cred.euid !== 0) throw new SysError('EPERM', 'chroot', path);
      const root = k.vfs.covering(node);
      k.vfs.retain(root);
      if (proc.cred.root) k.vfs.releaseRef(proc.cred.root);
      if (root.ino === k.vfs.rootIno) {
        k.vfs.releaseRef(root);
        delete proc.cred.root;
      } else proc.cred.root = root;
    },
    async chdir(path) {
      await enter();
      k.current = proc;
      const node = k.vfs.resolve(proc.cred, proc.cwd, path, { follow: true }, 'chdir');
      if (node.type !== 'dir') throw new SysError('ENOTDIR', 'chdir', path);
      ops.access(fsctx(), path, 1);
      k.vfs.retain(node);
      k.vfs.releaseRef(proc.cwd);
      proc.cwd = node;
    },
    async readFile(path) {
      const n = await sys.open(path, { read: true });
      try {
        // the whole file must fit in the reader's memory (truncate -s 10T makes one that cannot):
        // past what it could allocate the read fails as the buffer's allocation would, ENOMEM
        const room = Math.min(Math.max(k.memory.room(proc), READ_FILE_FLOOR), READ_FILE_MAX);
        const f = fd(n);
        if (f.target.kind === 'inode' && !f.snapshot && k.vfs.size(f.target.node) > room) throw new SysError('ENOMEM', 'read');
        const parts: Uint8Array[] = [];
        let total = 0;
        for (;;) {
          const chunk = await sys.read(n, 1 << 20);
          if (chunk === null) break;
          parts.push(chunk);
          total += chunk.length;
          if (total > room) throw new SysError('ENOMEM', 'read');
          await maybeYield();
        }
        const out = new Uint8Array(total);
        let o = 0;
        for (const p of parts) {
          out.set(p, o);
          o += p.length;
        }
        return out;
      } finally {
        sys.close(n);
      }
    },
    async writeFile(path, data, opts = {}) {
      const n = await sys.open(path, { write: true, create: true, truncate: !opts.append, append: !!opts.append }, opts.mode ?? 0o666);
      try {
        await sys.write(n, data);
      } finally {
        sys.close(n);
      }
    },
  };
  return sys;
}
