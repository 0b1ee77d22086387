// File I/O on open file descriptions: open(2) with its checks, read and write on files,
// pipes, terminals and character devices, and close.
import { SysError } from '../shared/errno';
import { SIGNALS } from '../shared/signals';
import type { OpenFlags } from '../shared/sys';
import { deviceFor, type OpenFile } from './files';
import type { Kernel } from './kernel';
import type { Process } from './process';
import { createIn, viaReadonlyBind } from './vfs/ops';
import { mayAccess, R_OK, W_OK } from './vfs/permissions';
import type { Inode } from './vfs/inode';
import { isAppendOnly, isImmutable } from './vfs/attrs';
import { Pipe } from './pipe';
import { kmsgLine } from './klog';
import { closeSocket, readSocket, writeSocket } from './socket-file';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function openNode(k: Kernel, proc: Process, path: string, flags: OpenFlags, mode: number): OpenFile {
  const ctx = { vfs: k.vfs, cred: proc.cred, cwd: proc.cwd, umask: proc.umask };
  // O_CREAT with a trailing slash: EISDIR once the parent resolves, whatever the name is (open_last_lookups)
  if (flags.create && path.endsWith('/')) {
    if (!/^\/+$/.test(path)) k.vfs.resolveParent(proc.cred, proc.cwd, path, 'open');
    throw new SysError('EISDIR', 'open', path);
  }
  let node: Inode | undefined;
  try {
    node = k.vfs.resolve(proc.cred, proc.cwd, path, { follow: !flags.noFollow }, 'open');
  } catch (e) {
    if (!(e instanceof SysError) || e.errno !== 'ENOENT' || !flags.create) throw e;
  }
  if (!node) {
    const { dir, name } = k.vfs.resolveParent(proc.cred, proc.cwd, path, 'open');
    if (path.endsWith('/')) throw new SysError('EISDIR', 'open', path);
    // a dangling symlink in the last place: create its target, as Linux does
    const dangling = k.vfs.child(dir, name);
    if (dangling?.type === 'symlink') {
      if (flags.noFollow || flags.exclusive) throw new SysError('EEXIST', 'open', path);
      return openNode(k, proc, k.vfs.linkTarget(dangling).startsWith('/') ? k.vfs.linkTarget(dangling) : `${k.vfs.pathOf(dir, proc.cred.root)}/${k.vfs.linkTarget(dangling)}`, flags, mode);
    }
    node = createIn(ctx, dir, name, 'file', mode & ~proc.umask & 0o7777, 'open', path, mode & 0o7777);
  } else if (flags.create && flags.exclusive) {
    throw new SysError('EEXIST', 'open', path);
  }
  if (flags.noFollow && node.type === 'symlink') throw new SysError('ELOOP', 'open', path);
  if (flags.directory && node.type !== 'dir') throw new SysError('ENOTDIR', 'open', path);
  const read = flags.read ?? !flags.write;
  const write = !!flags.write;
  if (node.type === 'dir' && write) throw new SysError('EISDIR', 'open', path);
  if ((write || flags.truncate) && node.type === 'file' && (k.vfs.fsOf(node).readonly || viaReadonlyBind(k.vfs, proc.cred, proc.cwd, path))) throw new SysError('EROFS', 'open', path);
  if (write && isImmutable(node)) throw new SysError('EPERM', 'open', path);
  if ((read && !mayAccess(proc.cred, node, R_OK)) || (write && !mayAccess(proc.cred, node, W_OK))) throw new SysError('EACCES', 'open', path);
  // an append-only file opens for writing only to append, never to truncate (may_open)
  if (isAppendOnly(node) && ((write && !flags.append) || flags.truncate)) throw new SysError('EPERM', 'open', path);
  if (write && k.vfs.fsOf(node).type === 'proc' && !node.sink) throw new SysError('EACCES', 'open', path);
  if (node.strictPerm && ((read && !(node.perm & 0o400)) || (write && !(node.perm & 0o200)))) throw new SysError('EACCES', 'open', path);
  const file: OpenFile = { target: { kind: 'inode', node }, readable: read, writable: write, append: !!flags.append, pos: 0, refs: 1, path: absolute(k, proc, path) };
  if (node.type === 'chardev') {
    const dev = deviceFor(node.rdev);
    if (dev === 'tty') {
      if (!proc.ctty) throw new SysError('ENXIO', 'open', path);
      file.target = { kind: 'tty', tty: proc.ctty, node };
    } else if (dev === 'console' || dev === 'vt') {
      const tty = k.consoleTty;
      if (!tty) throw new SysError('ENXIO', 'open', path);
      file.target = { kind: 'tty', tty, node };
    } else if (dev) {
      // /dev/kmsg is the kernel log: reading it needs CAP_SYSLOG while kernel.dmesg_restrict is set
      if (dev === 'kmsg' && read && proc.cred.euid !== 0 && k.sysctl.get('kernel.dmesg_restrict') !== '0') throw new SysError('EPERM', 'open', path);
      file.target = { kind: 'device', device: dev, node };
    } else throw new SysError('ENXIO', 'open', path);
  } else if (node.type === 'fifo') {
    // a named pipe: every open of the same inode shares one pipe (fifo(7))
    let pipe = k.fifos.get(node.ino);
    if (!pipe) {
      pipe = new Pipe();
      k.fifos.set(node.ino, pipe);
    }
    if (read) pipe.readers++;
    if (write) pipe.writers++;
    pipe.wakeAll();
    file.target = { kind: 'pipe', pipe, end: read ? 'r' : 'w', fifo: node };
    if (read && write) file.writable = true;
  } else if (node.type === 'socket' || node.type === 'blockdev') {
    throw new SysError('ENXIO', 'open', path);
  }
  if (node.generate && read) file.snapshot = k.vfs.read(node);
  if (flags.truncate && write && node.type === 'file' && !node.sink) k.vfs.truncate(node, 0);
  if (file.target.kind === 'inode') k.vfs.retain(node);
  return file;
}

function absolute(k: Kernel, proc: Process, path: string): string {
  if (path.startsWith('/')) return path;
  const cwd = k.vfs.pathOf(proc.cwd, proc.cred.root);
  return cwd === '/' ? `/${path}` : `${cwd}/${path}`;
}

export async function readFile(k: Kernel, proc: Process, file: OpenFile, max: number): Promise<Uint8Array | null> {
  if (!file.readable) throw new SysError('EBADF', 'read');
  const t = file.target;
  switch (t.kind) {
    case 'socket': return readSocket(k, proc, t.socket, max);
    case 'inode': {
      if (t.node.type === 'dir') throw new SysError('EISDIR', 'read');
      // only the bytes asked for are built, so a large sparse file streams
      if (file.pos >= (file.snapshot ? file.snapshot.length : k.vfs.size(t.node))) return null;
      const chunk = file.snapshot ? file.snapshot.slice(file.pos, file.pos + max) : k.vfs.readAt(t.node, file.pos, Math.min(max, 1 << 22));
      file.pos += chunk.length;
      return chunk;
    }
    case 'pipe': {
      for (;;) {
        const chunk = t.pipe.take(max);
        if (chunk) return chunk;
        if (t.pipe.writers === 0) return null;
        await k.block(proc, t.pipe.waitData());
      }
    }
    case 'tty': {
      for (;;) {
        if (t.tty.session === proc.sid && t.tty.foreground && proc.pgid !== t.tty.foreground) {
          // a background reader (job_control): EIO when it ignores SIGTTIN (it would never
          // stop); SIGTTIN to its group otherwise, and a handler's run interrupts the read
          const disp = proc.disposition(SIGNALS.SIGTTIN);
          if (disp === 'ignore') throw new SysError('EIO', 'read');
          k.signalGroup(proc.pgid, SIGNALS.SIGTTIN);
          if (typeof disp === 'function') throw new SysError('EINTR', 'read');
          await proc.whenRunning();
          if (proc.killed) throw new SysError('EIO', 'read');
          continue;
        }
        if (t.tty.hasInput()) return t.tty.take(max);
        await k.block(proc, t.tty.waitInput());
      }
    }
    case 'device': {
      switch (t.device) {
        case 'null': return null;
        // these devices fill the whole request, as Linux does (dd bs=1M reads 1 MiB)
        case 'zero':
        case 'full': return new Uint8Array(Math.min(max, 1 << 22));
        case 'kmsg': {
          // one record per read, from the reader's position; at the end, end of file (Linux would wait)
          const r = k.klog.since(file.pos)[0];
          if (!r) return null;
          file.pos = r.seq + 1;
          return encoder.encode(kmsgLine(r));
        }
        default: return k.random.fill(new Uint8Array(Math.min(max, 1 << 22)));
      }
    }
  }
}

export async function writeFile(k: Kernel, proc: Process, file: OpenFile, data: Uint8Array): Promise<void> {
  if (!file.writable) throw new SysError('EBADF', 'write');
  const t = file.target;
  switch (t.kind) {
    case 'inode': {
      if (t.node.sink) {
        // procfs: the kernel parses what was written (EINVAL when it cannot)
        t.node.sink(data);
        file.pos += data.length;
        return;
      }
      // made immutable since it was opened: ext4 refuses the write (ext4_write_checks)
      if (isImmutable(t.node)) throw new SysError('EPERM', 'write');
      if (file.append) file.pos = k.vfs.size(t.node);
      // RLIMIT_FSIZE (generic_write_check_limits): what fits below the limit is written; a
      // write that starts at or past it raises SIGXFSZ and fails with EFBIG
      const limit = t.node.type === 'file' ? proc.rlimits.fsize.soft : Infinity;
      let chunk = data;
      if (file.pos + data.length > limit) {
        const err = new SysError('EFBIG', 'write');
        if (file.pos < limit) {
          // the part below the limit goes in (write(2) returns a short count); writing the rest hits it
          chunk = data.subarray(0, limit - file.pos);
          k.vfs.write(t.node, file.pos, chunk);
          file.pos += chunk.length;
          err.written = chunk.length;
        }
        k.signal(proc, SIGNALS.SIGXFSZ);
        throw err;
      }
      // past the filesystem's largest file: EFBIG (s_maxbytes)
      try {
        k.vfs.write(t.node, file.pos, chunk);
      } catch (e) {
        if (!(e instanceof SysError) || e.errno !== 'ENOSPC') throw e;
        // a full disk takes what still fits (a short write); the rest fails
        const part = fittingPrefix(k, t.node, file.pos, chunk);
        if (part > 0) {
          k.vfs.write(t.node, file.pos, chunk.subarray(0, part));
          file.pos += part;
          e.written = part;
        }
        throw e;
      }
      file.pos += chunk.length;
      return;
    }
    case 'pipe': {
      let rest = data;
      for (;;) {
        if (t.pipe.readers === 0) {
          k.signal(proc, SIGNALS.SIGPIPE);
          throw new SysError('EPIPE', 'write');
        }
        const n = t.pipe.put(rest);
        rest = rest.subarray(n);
        if (rest.length === 0) return;
        await k.block(proc, t.pipe.waitRoom());
      }
    }
    case 'socket': {
      const r = await writeSocket(k, t.socket, data);
      if (r === 'EPIPE') k.signal(proc, SIGNALS.SIGPIPE);
      if (r !== 'ok') throw new SysError(r, 'write');
      return;
    }
    case 'tty':
      // a terminal that is stopped (^S) or behind (the page's xterm.js under `yes`) holds its
      // writers, as n_tty_write sleeps on write_wait; a signal ends the wait
      while (t.tty.outputFull()) await k.block(proc, t.tty.waitOutputRoom());
      t.tty.write(data);
      return;
    case 'device':
      if (t.device === 'full') throw new SysError('ENOSPC', 'write');
      // a line written to /dev/kmsg joins the kernel log ("<N>" sets its level; facility user)
      if (t.device === 'kmsg') writeKmsg(k, data);
      return;
  }
}

export function closeFile(k: Kernel, file: OpenFile): void {
  file.refs--;
  if (file.refs > 0) return;
  const t = file.target;
  // the open file description's flock(2) goes with it
  const locks = k.flocks.get(lockKey(file));
  if (locks?.delete(file) && locks.size === 0) k.flocks.delete(lockKey(file));
  if (t.kind === 'pipe') {
    if (t.end === 'r') t.pipe.readers--;
    else t.pipe.writers--;
    if (t.fifo && file.readable && file.writable) t.pipe.writers--;
    t.pipe.wakeAll();
    if (t.fifo && t.pipe.readers <= 0 && t.pipe.writers <= 0) k.fifos.delete(t.fifo.ino);
  } else if (t.kind === 'inode') {
    k.vfs.releaseRef(t.node);
  } else if (t.kind === 'socket') {
    closeSocket(k, t.socket);
  }
}

/** What flock(2) locks: the file (its inode), or a pipe itself. */
function lockKey(file: OpenFile): object {
  const t = file.target;
  return t.kind === 'inode' ? t.node : t.kind === 'pipe' ? t.pipe : file;
}

/** flock(2), non-blocking: take or drop the open file description's lock on its file. */
export function flockFile(k: Kernel, file: OpenFile, op: 'sh' | 'ex' | 'un'): void {
  const key = lockKey(file);
  let locks = k.flocks.get(key);
  if (op === 'un') {
    if (locks?.delete(file) && locks.size === 0) k.flocks.delete(key);
    return;
  }
  for (const [other, type] of locks ?? []) if (other !== file && (op === 'ex' || type === 'ex')) throw new SysError('EAGAIN', 'flock');
  if (!locks) k.flocks.set(key, (locks = new Map()));
  locks.set(file, op);
}

export function shareFile(file: OpenFile): OpenFile {
  file.refs++;
  return file;
}

/** devkmsg_write: one record per write, "<N>" in front sets its priority (default: user.warning). */
function writeKmsg(k: Kernel, data: Uint8Array): void {
  let text = decoder.decode(data).replace(/\n$/, '');
  let level = 4;
  let facility = 1;
  const m = /^<(\d+)>/.exec(text);
  if (m) {
    const pri = Number(m[1]);
    level = pri & 7;
    // userspace may not claim the kernel's facility
    facility = pri >> 3 || 1;
    text = text.slice(m[0].length);
  }
  k.klog.log(level, (k.clock.now() - k.bootedAt) / 1000, text, facility);
}

/** The longest prefix of `data`, ending on a block boundary, that still fits at `pos` (0 if none). */
function fittingPrefix(k: Kernel, node: Inode, pos: number, data: Uint8Array): number {
  const BLOCK = 4096;
  const sizeOf = (blocks: number): number => Math.min(data.length, blocks * BLOCK - (pos % BLOCK));
  let lo = 0;
  let hi = Math.ceil((data.length + (pos % BLOCK)) / BLOCK);
  // lo blocks fit; find the most, in about log2(hi) tries
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const size = sizeOf(mid);
    if (size > 0 && k.vfs.fits(node, pos, data.subarray(0, size))) lo = mid;
    else hi = mid - 1;
  }
  return lo === 0 ? 0 : Math.max(0, sizeOf(lo));
}
