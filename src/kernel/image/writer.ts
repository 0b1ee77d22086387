// Writes files, directories, symlinks and device nodes into a VFS by absolute path, without
// permission checks: the image builder (build.ts) and each boot's RAM filesystems use it.
import type { FileType, Inode } from '../vfs/inode';
import type { Vfs } from '../vfs/vfs';

const encoder = new TextEncoder();

export class ImageWriter {
  constructor(private readonly vfs: Vfs) {}

  /** Looks up an absolute path without permission checks (image building only). */
  lookup(path: string): Inode | undefined {
    let cur = this.vfs.root;
    for (const part of path.split('/').filter(Boolean)) {
      const next = this.vfs.child(cur, part);
      if (!next) return undefined;
      cur = next.type === 'symlink' ? (this.lookup(this.resolveLink(path, part, next)) ?? next) : next;
    }
    return cur;
  }

  private resolveLink(path: string, part: string, link: Inode): string {
    const target = link.target ?? '';
    if (target.startsWith('/')) return target;
    const upto = path.slice(0, path.indexOf(part) + part.length);
    const dir = upto.slice(0, upto.lastIndexOf('/')) || '/';
    return `${dir}/${target}`;
  }

  private make(path: string, type: FileType, perm: number, uid = 0, gid = 0): Inode {
    const slash = path.lastIndexOf('/');
    const parent = this.dir(path.slice(0, slash) || '/');
    const name = path.slice(slash + 1);
    const existing = this.vfs.child(parent, name);
    if (existing) {
      existing.perm = perm;
      existing.uid = uid;
      existing.gid = gid;
      return existing;
    }
    const node = this.vfs.newInode(parent.fs, type, perm, uid, gid);
    this.vfs.addEntry(parent, name, node);
    return node;
  }

  /** A file's text, or undefined when it is missing or not a regular file. */
  readText(path: string): string | undefined {
    const n = this.lookup(path);
    return n?.type === 'file' ? new TextDecoder().decode(this.vfs.read(n)) : undefined;
  }

  dir(path: string, perm = 0o755, uid = 0, gid = 0): Inode {
    if (path === '/') return this.vfs.root;
    const found = this.lookup(path);
    if (found?.type === 'dir') return found;
    return this.make(path, 'dir', perm, uid, gid);
  }

  /** A file of text (UTF-8), or of the bytes given. */
  file(path: string, content: string | Uint8Array, perm = 0o644, uid = 0, gid = 0): Inode {
    const node = this.make(path, 'file', perm, uid, gid);
    this.vfs.truncate(node, 0);
    this.vfs.write(node, 0, typeof content === 'string' ? encoder.encode(content) : content);
    return node;
  }

  symlink(path: string, target: string): Inode {
    const node = this.make(path, 'symlink', 0o777);
    node.target = target;
    return node;
  }

  device(path: string, major: number, minor: number, perm = 0o666, gid = 0, type: 'chardev' | 'blockdev' = 'chardev'): Inode {
    const node = this.make(path, type, perm, 0, gid);
    node.rdev = [major, minor];
    return node;
  }
}

/** Device nodes of /dev (a devtmpfs mounted at boot). */
export function buildDev(w: ImageWriter): void {
  w.device('/dev/null', 1, 3);
  w.device('/dev/zero', 1, 5);
  w.device('/dev/full', 1, 7);
  w.device('/dev/random', 1, 8);
  w.device('/dev/urandom', 1, 9);
  w.device('/dev/kmsg', 1, 11, 0o644);
  w.device('/dev/tty', 5, 0);
  w.device('/dev/console', 5, 1, 0o600);
  w.device('/dev/tty0', 4, 0, 0o620, 5);
  w.device('/dev/tty1', 4, 1, 0o620, 5);
  // the VM's disk (sd, major 8) and CD drive (sr, major 11), group disk and cdrom
  for (let i = 0; i <= 3; i++) w.device(`/dev/sda${i || ''}`, 8, i, 0o660, 8, 'blockdev');
  w.device('/dev/sr0', 11, 0, 0o660, 15, 'blockdev');
  w.symlink('/dev/stdin', '/proc/self/fd/0');
  w.symlink('/dev/stdout', '/proc/self/fd/1');
  w.symlink('/dev/stderr', '/proc/self/fd/2');
  w.symlink('/dev/fd', '/proc/self/fd');
  w.dir('/dev/pts', 0o755);
  w.dir('/dev/shm', 0o1777);
}
