// The virtual filesystem: one inode table across mounted filesystems, directory entries
// name -> inode, file bytes in a separate blob store, and path resolution with permission
// checks. Every failure is a SysError carrying an errno.
import { SysError } from '../../shared/errno';
import type { Errno } from '../../shared/errno';
import { allZero, BLOCK, FileData } from './file-data';
import type { FileSystemInfo, FsType } from './filesystems';
import type { FileType, Inode } from './inode';
import { S_ISGID } from './inode';
import { mayAccess, X_OK, type Cred } from './permissions';
import { splitPath } from '../../shared/path';
import { InodeTable } from './inode-table';

const MAX_SYMLINKS = 40;
const NAME_MAX = 255;
const PATH_MAX = 4096;

export interface WalkOptions {
  /** Follow a symlink in the last component. */
  follow: boolean;
}

const encoder = new TextEncoder();

export class Vfs {
  readonly inodes = new InodeTable();
  /** File contents by inode number (sparse: holes take no memory). */
  private readonly data = new Map<number, FileData>();
  readonly filesystems: FileSystemInfo[] = [];
  /** mountpoint inode -> root inode of the filesystem mounted there. */
  readonly mounts = new Map<number, number>();
  /** root inode -> the mountpoint it covers. */
  private readonly mountedOn = new Map<number, number>();
  /** Bind mounts (mount --bind): mountpoint inode -> the directory or file shown there. */
  private readonly binds = new Map<number, number>();
  /** A bound inode -> the mountpoints it is shown at (one directory may be bound in several places). */
  private readonly boundAt = new Map<number, number[]>();
  /** Open file descriptions per inode, so an unlinked open file keeps its data. */
  private readonly openRefs = new Map<number, number>();
  private nextIno = 2;
  rootIno = 0;

  /** Bytes of memory the files' data takes, over every filesystem (FileData.held). */
  private heldBytes = 0;

  constructor(
    private readonly now: () => number,
    /**
     * Bytes of memory the files' data may take, over the whole machine: what the tab can hold
     * (zeros take none). Past it a write fails with ENOSPC, as on a full disk.
     */
    private readonly memoryQuota: number,
  ) {}

  /** Memory the files' data takes (the part of the quota in use). */
  get memoryHeld(): number {
    return this.heldBytes;
  }

  /** Forgets a file's data (its blocks are given back by the caller). */
  private dropData(ino: number): void {
    const d = this.data.get(ino);
    if (!d) return;
    this.heldBytes -= d.held;
    this.data.delete(ino);
  }

  // ---- filesystems and mounts ----

  addFilesystem(type: FsType, source: string, target: string, capacity: number, opts: Partial<FileSystemInfo> = {}): FileSystemInfo {
    const info: FileSystemInfo = {
      id: this.filesystems.length,
      type,
      source,
      target,
      options: opts.options ?? 'rw,relatime',
      capacity,
      baseline: opts.baseline ?? 0,
      stored: 0,
      persistent: opts.persistent ?? type === 'ext4',
      inodesTotal: opts.inodesTotal ?? 0,
      ...(opts.namespace !== undefined ? { namespace: opts.namespace } : {}),
    };
    this.filesystems.push(info);
    return info;
  }

  /** Creates the root directory of `fs` and, unless it is the first, mounts it on `mountpoint`. */
  mountNew(fs: FileSystemInfo, perm: number, mountpoint?: Inode): Inode {
    const root = this.newInode(fs.id, 'dir', perm, 0, 0);
    root.parent = root.ino;
    root.nlink = 2;
    if (mountpoint === undefined) {
      this.rootIno = root.ino;
    } else {
      this.mounts.set(mountpoint.ino, root.ino);
      this.mountedOn.set(root.ino, mountpoint.ino);
    }
    return root;
  }

  /** The directory a path reaching `node` lands on: the root of whatever is mounted (or bound) over it. */
  covering(node: Inode): Inode {
    let n = node;
    for (let guard = 0; guard < 64; guard++) {
      const over = this.mounts.get(n.ino) ?? this.binds.get(n.ino);
      if (over === undefined) return n;
      n = this.node(over);
    }
    return n;
  }

  /**
   * mount --bind: `source` (a directory, or a file over a file) shows at `mountpoint`, which
   * must be the entry's own inode (not what covers it). EBUSY when something is there already.
   * A bind mount adds no filesystem: what is written through it lands in the source.
   */
  bind(source: Inode, mountpoint: Inode): void {
    if (this.mounts.has(mountpoint.ino) || this.binds.has(mountpoint.ino)) throw new SysError('EBUSY', 'mount');
    if ((source.type === 'dir') !== (mountpoint.type === 'dir')) throw new SysError(source.type === 'dir' ? 'ENOTDIR' : 'EISDIR', 'mount');
    const src = this.covering(source);
    this.binds.set(mountpoint.ino, src.ino);
    this.boundAt.set(src.ino, [...(this.boundAt.get(src.ino) ?? []), mountpoint.ino]);
  }

  /** umount of a bind mount (given as the mountpoint entry's inode); EINVAL when none is there. */
  unbind(mountpoint: Inode): void {
    const src = this.binds.get(mountpoint.ino);
    if (src === undefined) throw new SysError('EINVAL', 'umount');
    this.binds.delete(mountpoint.ino);
    const rest = (this.boundAt.get(src) ?? []).filter((m) => m !== mountpoint.ino);
    if (rest.length) this.boundAt.set(src, rest);
    else this.boundAt.delete(src);
  }

  /** Whether `node` (an entry's own inode) has a bind mount over it. */
  isBindMountpoint(node: Inode): boolean {
    return this.binds.has(node.ino);
  }

  /**
   * umount(2) of the filesystem mounted on `mountpoint` (given as the mountpoint directory or
   * the mounted root): it leaves every mount table, and its inodes that no open file holds
   * are freed. EINVAL when nothing is mounted there.
   */
  umount(mountpoint: Inode): void {
    const under = this.mountedOn.get(mountpoint.ino);
    const mpIno = under ?? mountpoint.ino;
    const rootIno = this.mounts.get(mpIno);
    if (rootIno === undefined) throw new SysError('EINVAL', 'umount');
    if (this.mounts.has(rootIno)) throw new SysError('EBUSY', 'umount');
    this.mounts.delete(mpIno);
    this.mountedOn.delete(rootIno);
    const fs = this.node(rootIno).fs;
    const info = this.filesystems[fs];
    if (info && fs !== this.root.fs) {
      info.unmounted = true;
      for (const [ino, node] of this.inodes) {
        if (node.fs !== fs || this.openRefs.has(ino)) continue;
        info.stored -= this.allocated(node);
        this.inodes.delete(ino);
        this.dropData(ino);
      }
    }
  }

  /**
   * Forgets everything that lived in RAM (every filesystem but the root disk, mounts, open
   * files), as a reboot does; the disk's files stay.
   */
  resetVolatile(): void {
    const rootFs = this.root.fs;
    for (const [ino, node] of this.inodes) {
      if (node.fs === rootFs) continue;
      this.inodes.delete(ino);
      this.dropData(ino);
    }
    this.mounts.clear();
    this.mountedOn.clear();
    this.binds.clear();
    this.boundAt.clear();
    this.openRefs.clear();
    for (const node of [...this.inodes.values()]) if (node.nlink === 0) this.maybeFree(node);
    this.filesystems.length = rootFs + 1;
  }

  newInode(fs: number, type: FileType, perm: number, uid: number, gid: number): Inode {
    const t = this.now();
    const node: Inode = { ino: this.nextIno++, fs, type, perm: perm & 0o7777, uid, gid, nlink: 1, atime: t, mtime: t, ctime: t };
    if (type === 'dir') {
      node.entries = new Map();
      node.nlink = 2;
    }
    this.inodes.set(node.ino, node);
    return node;
  }

  get root(): Inode {
    return this.node(this.rootIno);
  }

  node(ino: number): Inode {
    const n = this.inodes.get(ino);
    if (!n) throw new Error(`vfs: dangling inode ${ino}`);
    return n;
  }

  fsOf(node: Inode): FileSystemInfo {
    return this.filesystems[node.fs]!;
  }

  // ---- lookup ----

  /**
   * The directory above `dir`, crossing from a mounted root to its mountpoint's parent. With
   * `top` (a chrooted process's root), a directory bound into that tree from outside it goes up
   * to its mountpoint's parent, so `..` cannot leave the tree through a bind mount.
   */
  parentOf(dir: Inode, top?: Inode): Inode {
    return this.step(dir, top).up;
  }

  /** One step up from `d`: the directory above and the inode its entry there names. */
  private step(d: Inode, top?: Inode): { up: Inode; entry: number } {
    for (let guard = 0; guard < 64; guard++) {
      if (top && top.ino !== this.rootIno) {
        const at = this.boundAt.get(d.ino);
        if (at && !this.reaches(d, top)) {
          const m = at.find((ino) => this.reaches(this.node(ino), top));
          if (m !== undefined) return { up: this.step(this.node(m)).up, entry: m };
        }
      }
      if (d.parent !== d.ino) return { up: this.node(d.parent ?? this.rootIno), entry: d.ino };
      const under = this.mountedOn.get(d.ino);
      if (under === undefined) return { up: d, entry: d.ino }; // the real root: /.. is /
      d = this.node(under);
    }
    return { up: d, entry: d.ino };
  }

  /** Whether `top` is `d` or above it along the real parents (not through bind mounts). */
  private reaches(d: Inode, top: Inode): boolean {
    let n = d;
    for (let guard = 0; guard < 4096; guard++) {
      if (n.ino === top.ino) return true;
      const up = this.step(n).up;
      if (up === n) return false;
      n = up;
    }
    return false;
  }

  /** Entry `name` of directory `dir`, crossing into a filesystem mounted (or bound) there. */
  child(dir: Inode, name: string): Inode | undefined {
    if (dir.dynamic) return dir.dynamic.lookup(name);
    const ino = dir.entries?.get(name);
    if (ino === undefined) return undefined;
    const over = this.mounts.get(ino) ?? this.binds.get(ino);
    if (over === undefined) return this.node(ino);
    return this.covering(this.node(over));
  }

  /** Resolves `path` from `cwd`; throws ENOENT, ENOTDIR, EACCES, ELOOP, ENAMETOOLONG. */
  resolve(cred: Cred, cwd: Inode, path: string, opts: WalkOptions, syscall = 'stat'): Inode {
    if (path === '') throw new SysError('ENOENT', syscall, path);
    if (path.length >= PATH_MAX) throw new SysError('ENAMETOOLONG', syscall, path);
    const mustBeDir = path.endsWith('/');
    const follow = opts.follow || mustBeDir;
    // a chrooted process: `/` and absolute link targets start at its root, `..` stops there
    const top = cred.root ?? this.root;
    let cur = path.startsWith('/') ? top : cwd;
    let parts = splitPath(path);
    let links = 0;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      if (cur.type !== 'dir') throw new SysError('ENOTDIR', syscall, path);
      if (!mayAccess(cred, cur, X_OK)) throw new SysError('EACCES', syscall, path);
      if (part.length > NAME_MAX) throw new SysError('ENAMETOOLONG', syscall, path);
      if (part === '.') continue;
      if (part === '..') {
        if (cur.ino !== top.ino) cur = this.parentOf(cur, top);
        continue;
      }
      const next = this.child(cur, part);
      if (!next) throw new SysError('ENOENT', syscall, path);
      const last = i === parts.length - 1;
      if (next.type === 'symlink' && (!last || follow)) {
        if (++links > MAX_SYMLINKS) throw new SysError('ELOOP', syscall, path);
        const target = this.linkTarget(next);
        if (target === '') throw new SysError('ENOENT', syscall, path);
        parts = [...splitPath(target), ...parts.slice(i + 1)];
        i = -1;
        if (target.startsWith('/')) cur = top;
        continue;
      }
      cur = next;
    }
    if (mustBeDir && cur.type !== 'dir') throw new SysError('ENOTDIR', syscall, path);
    return cur;
  }

  /**
   * Looks up an absolute path with no permission checks and no exceptions (the kernel's own
   * probes, such as the service manager searching unit directories). With `root`, the path is
   * looked up inside that tree as a process chrooted there would see it.
   */
  lookup(path: string, follow = true, root?: Inode): Inode | undefined {
    const top = root ?? this.root;
    let cur = top;
    let parts = splitPath(path);
    let links = 0;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      if (cur.type !== 'dir') return undefined;
      if (part === '.') continue;
      if (part === '..') {
        if (cur.ino !== top.ino) cur = this.parentOf(cur, top);
        continue;
      }
      const next = this.child(cur, part);
      if (!next) return undefined;
      if (next.type === 'symlink' && (i < parts.length - 1 || follow)) {
        if (++links > MAX_SYMLINKS) return undefined;
        const target = this.linkTarget(next);
        if (target === '') return undefined;
        parts = [...splitPath(target), ...parts.slice(i + 1)];
        i = -1;
        if (target.startsWith('/')) cur = top;
        continue;
      }
      cur = next;
    }
    return cur;
  }

  /** Resolves all but the last component; returns the directory and the final name. */
  resolveParent(cred: Cred, cwd: Inode, path: string, syscall: string): { dir: Inode; name: string } {
    if (path === '') throw new SysError('ENOENT', syscall, path);
    const trimmed = path.replace(/\/+$/, '');
    if (trimmed === '') return { dir: cred.root ?? this.root, name: '.' };
    const slash = trimmed.lastIndexOf('/');
    const dirPath = slash < 0 ? '.' : trimmed.slice(0, slash) || '/';
    const name = trimmed.slice(slash + 1);
    if (name.length > NAME_MAX) throw new SysError('ENAMETOOLONG', syscall, path);
    const dir = this.resolve(cred, cwd, dirPath, { follow: true }, syscall);
    if (dir.type !== 'dir') throw new SysError('ENOTDIR', syscall, path);
    return { dir, name };
  }

  linkTarget(node: Inode): string {
    return node.generateTarget ? node.generateTarget() : (node.target ?? '');
  }

  /**
   * Absolute path of a directory, by walking up its parents (getcwd). With `root` (a chrooted
   * process's), the path is relative to that root; a directory outside it gets the
   * "(unreachable)" prefix Linux's getcwd(2) gives.
   */
  pathOf(dir: Inode, root?: Inode): string {
    const parts: string[] = [];
    const stop = root?.ino ?? this.rootIno;
    let d = dir;
    for (let guard = 0; guard < 4096; guard++) {
      if (d.ino === stop) break;
      const { up, entry: myIno } = this.step(d, root);
      if (up === d) {
        if (stop !== this.rootIno) return `(unreachable)/${parts.reverse().join('/')}`;
        break;
      }
      let found: string | undefined;
      for (const [name, ino] of up.entries ?? []) if (ino === myIno) { found = name; break; }
      // a procfs directory has no entry table: ask it for each name it lists
      if (found === undefined && up.dynamic) found = up.dynamic.list().find((name) => up.dynamic!.lookup(name)?.ino === d.ino);
      if (found === undefined) return '(unreachable)';
      parts.push(found);
      d = up;
    }
    return `/${parts.reverse().join('/')}`;
  }

  // ---- file data ----

  size(node: Inode): number {
    if (node.type === 'symlink') return encoder.encode(this.linkTarget(node)).length;
    if (node.type === 'dir') return node.dynamic ? 0 : 4096;
    return this.data.get(node.ino)?.size ?? 0;
  }

  /** Bytes of storage a regular file holds: its written 4 KiB blocks (a hole holds none). */
  allocated(node: Inode): number {
    return (this.data.get(node.ino)?.allocated ?? 0) * BLOCK;
  }

  /** The whole content; for large files prefer readAt, which does not build it all. */
  read(node: Inode): Uint8Array {
    if (node.generate) return encoder.encode(node.generate());
    const d = this.data.get(node.ino);
    return d ? d.read(0, d.size) : new Uint8Array(0);
  }

  /** Where a regular file's stored bytes lie, [start, end) in order; everything else is a hole. */
  dataRanges(node: Inode): [number, number][] {
    return this.data.get(node.ino)?.dataRanges() ?? [];
  }

  /** Up to `len` bytes from `offset` (fewer at the end of the file), holes as zeros. */
  readAt(node: Inode, offset: number, len: number): Uint8Array {
    return this.data.get(node.ino)?.read(offset, len) ?? new Uint8Array(0);
  }

  /** The largest size a file may have on its filesystem (s_maxbytes): ext4 with 4 KiB blocks, else what a double holds. */
  maxFileSize(node: Inode): number {
    return this.fsOf(node).type === 'ext4' ? 17592186040320 : Number.MAX_SAFE_INTEGER;
  }

  /** Writes `data` at `offset`, growing the file; EFBIG past the size limit, ENOSPC when the disk or memory budget is full. */
  write(node: Inode, offset: number, data: Uint8Array): void {
    if (offset + data.length > this.maxFileSize(node)) throw new SysError('EFBIG', 'write');
    const d = this.fileData(node);
    // zeros take no memory (file-data.ts): one scan tells
    const zero = data.length >= BLOCK && allZero(data);
    const held = zero ? 0 : d.memoryToAdd(offset, data);
    this.reserve(node, d.blocksToAllocate(offset, data.length) * BLOCK, held);
    d.write(offset, data, zero);
    this.heldBytes += held;
    node.mtime = node.ctime = this.now();
  }

  /** Whether writing `data` at `offset` would find room (blocks on its filesystem, memory). */
  fits(node: Inode, offset: number, data: Uint8Array): boolean {
    const d = this.data.get(node.ino) ?? new FileData();
    const fs = this.fsOf(node);
    const extra = d.blocksToAllocate(offset, data.length) * BLOCK;
    const held = allZero(data) ? 0 : d.memoryToAdd(offset, data);
    return !(extra > 0 && fs.capacity > 0 && fs.baseline + fs.stored + extra > fs.capacity) && !(held > 0 && this.heldBytes + held > this.memoryQuota);
  }

  /** Sets the size; growing makes a hole (nothing allocated), shrinking frees blocks. */
  truncate(node: Inode, len: number): void {
    if (len > this.maxFileSize(node)) throw new SysError('EFBIG', 'truncate');
    const d = this.fileData(node);
    const before = d.allocated;
    const heldBefore = d.held;
    d.truncate(len);
    this.fsOf(node).stored -= (before - d.allocated) * BLOCK;
    this.heldBytes -= heldBefore - d.held;
    if (len === 0) this.dropData(node.ino);
    node.mtime = node.ctime = this.now();
  }

  /** A file's stored data, if any (snapshots). */
  dataOf(ino: number): FileData | undefined {
    return this.data.get(ino);
  }

  /**
   * Puts back an inode saved by a snapshot, with its number and data, on the filesystem `fs`
   * (its bytes count as stored there). Later inodes are numbered after the highest restored.
   */
  restoreInode(node: Inode, data?: FileData): void {
    this.inodes.set(node.ino, node);
    if (data) {
      this.dropData(node.ino);
      this.data.set(node.ino, data);
      this.fsOf(node).stored += data.allocated * BLOCK;
      this.heldBytes += data.held;
    }
    if (node.ino >= this.nextIno) this.nextIno = node.ino + 1;
  }

  /**
   * A trusted disk's inodes (number -> index), each made by `make` when first looked up, with its
   * data (inode-table.ts). What their data takes, `stored` bytes of blocks on the filesystem of
   * the last one added and `held` bytes of memory, counts from now.
   */
  deferInodes(inodes: Map<number, number>, make: (index: number) => [Inode, FileData | undefined], stored: number, held: number): void {
    this.inodes.defer(inodes, (index) => {
      const [node, data] = make(index);
      if (data) this.data.set(node.ino, data);
      return node;
    });
    this.filesystems[this.filesystems.length - 1]!.stored += stored;
    this.heldBytes += held;
    for (const ino of inodes.keys()) if (ino >= this.nextIno) this.nextIno = ino + 1;
  }

  /** The next inode number (snapshots keep numbering where the saved machine left off). */
  get inodeCounter(): number {
    return this.nextIno;
  }

  set inodeCounter(n: number) {
    this.nextIno = Math.max(this.nextIno, n);
  }

  private fileData(node: Inode): FileData {
    let d = this.data.get(node.ino);
    if (!d) {
      d = new FileData();
      this.data.set(node.ino, d);
    }
    return d;
  }

  /** Takes `extra` bytes of blocks from the file's filesystem and `held` bytes of memory: ENOSPC when either is short. */
  private reserve(node: Inode, extra: number, held: number): void {
    if (extra <= 0 && held <= 0) return;
    const fs = this.fsOf(node);
    const diskFull = extra > 0 && fs.capacity > 0 && fs.baseline + fs.stored + extra > fs.capacity;
    const memFull = held > 0 && this.heldBytes + held > this.memoryQuota;
    if (diskFull || memFull) throw new SysError('ENOSPC', 'write');
    fs.stored += extra;
  }

  // ---- links and lifetime ----

  addEntry(dir: Inode, name: string, node: Inode): void {
    dir.entries!.set(name, node.ino);
    if (node.type === 'dir') {
      node.parent = dir.ino;
      dir.nlink++;
    }
    dir.mtime = dir.ctime = this.now();
  }

  removeEntry(dir: Inode, name: string, node: Inode): void {
    dir.entries!.delete(name);
    dir.mtime = dir.ctime = this.now();
    if (node.type === 'dir') {
      dir.nlink--;
      node.nlink = 0;
    } else {
      node.nlink--;
    }
    node.ctime = this.now();
    this.maybeFree(node);
  }

  retain(node: Inode): void {
    this.openRefs.set(node.ino, (this.openRefs.get(node.ino) ?? 0) + 1);
  }

  releaseRef(node: Inode): void {
    const n = (this.openRefs.get(node.ino) ?? 1) - 1;
    if (n <= 0) this.openRefs.delete(node.ino);
    else this.openRefs.set(node.ino, n);
    this.maybeFree(node);
  }

  private maybeFree(node: Inode): void {
    if (node.nlink > 0 || this.openRefs.has(node.ino) || node.generate) return;
    if (!this.inodes.has(node.ino)) return;
    this.fsOf(node).stored -= this.allocated(node);
    this.dropData(node.ino);
    this.inodes.delete(node.ino);
  }

  isMountpoint(node: Inode): boolean {
    return this.mountedOn.has(node.ino) || this.mounts.has(node.ino) || this.binds.has(node.ino);
  }

  /** Whether entry `name` of `dir` has something mounted or bound over it (unlink and rename give EBUSY). */
  entryCovered(dir: Inode, name: string): boolean {
    const ino = dir.entries?.get(name);
    return ino !== undefined && (this.mounts.has(ino) || this.binds.has(ino));
  }

  /** Is `maybeChild` the directory `dir` or below it? (rename of a dir into itself) */
  isWithin(maybeChild: Inode, dir: Inode): boolean {
    let d = maybeChild;
    for (let guard = 0; guard < 4096; guard++) {
      if (d.ino === dir.ino) return true;
      const up = this.parentOf(d);
      if (up === d) return false;
      d = up;
    }
    return false;
  }

  /** Group for a new inode: the directory's when it is setgid, else the creator's. */
  newGroup(dir: Inode, egid: number): number {
    return dir.perm & S_ISGID ? dir.gid : egid;
  }

  newInodeTime(): number {
    return this.now();
  }

  touchAtime(node: Inode): void {
    node.atime = this.now();
  }

  error(errno: Errno, syscall: string, path?: string): SysError {
    return new SysError(errno, syscall, path);
  }
}
