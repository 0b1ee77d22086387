// An in-memory file system for the install logic's tests: paths map to files, directories
// and symlinks; failures carry an errno like the kernel's.
import type { FsStat, InstallFs } from '../../../src/shared/systemd/install-types';

type Node = { kind: 'file'; text: string } | { kind: 'dir' } | { kind: 'symlink'; target: string } | { kind: 'device' };

function fail(errno: string): never {
  throw Object.assign(new Error(errno), { errno });
}

function norm(p: string): string {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

export class MemFs implements InstallFs {
  readonly nodes = new Map<string, Node>([['/', { kind: 'dir' }], ['/dev', { kind: 'dir' }], ['/dev/null', { kind: 'device' }]]);

  /** Writes a file (and its parent directories). */
  write(path: string, text: string): this {
    this.mkdirs(path.slice(0, path.lastIndexOf('/')));
    this.nodes.set(path, { kind: 'file', text });
    return this;
  }

  link(path: string, target: string): this {
    this.mkdirs(path.slice(0, path.lastIndexOf('/')));
    this.nodes.set(path, { kind: 'symlink', target });
    return this;
  }

  mkdirs(path: string): void {
    let cur = '';
    for (const part of path.split('/').filter(Boolean)) {
      cur += `/${part}`;
      if (!this.nodes.has(cur)) this.nodes.set(cur, { kind: 'dir' });
    }
  }

  /** Follows symlinks in every component (the last too when `follow`). */
  private resolve(path: string, follow: boolean, depth = 0): string {
    if (depth > 40) fail('ELOOP');
    const parts = norm(path).split('/').filter(Boolean);
    let cur = '';
    for (let i = 0; i < parts.length; i++) {
      const next = `${cur}/${parts[i]}`;
      const node = this.nodes.get(next);
      const last = i === parts.length - 1;
      if (node?.kind === 'symlink' && (!last || follow)) {
        const t = node.target.startsWith('/') ? node.target : `${cur || '/'}/${node.target}`;
        const rest = parts.slice(i + 1).join('/');
        return this.resolve(rest ? `${t}/${rest}` : t, follow, depth + 1);
      }
      if (node === undefined && !last) fail('ENOENT');
      if (node && node.kind !== 'dir' && !last) fail('ENOTDIR');
      cur = next;
    }
    return cur || '/';
  }

  private stat0(path: string, follow: boolean): FsStat {
    const node = this.nodes.get(this.resolve(path, follow));
    if (!node) fail('ENOENT');
    return { kind: node.kind, size: node.kind === 'file' ? node.text.length : 0 };
  }

  async lstat(p: string): Promise<FsStat> {
    return this.stat0(p, false);
  }
  async stat(p: string): Promise<FsStat> {
    return this.stat0(p, true);
  }
  async readlink(p: string): Promise<string> {
    const node = this.nodes.get(this.resolve(p, false));
    if (!node) fail('ENOENT');
    if (node.kind !== 'symlink') fail('EINVAL');
    return node.target;
  }
  async readFile(p: string): Promise<string> {
    const node = this.nodes.get(this.resolve(p, true));
    if (!node) fail('ENOENT');
    if (node.kind !== 'file') fail('EISDIR');
    return node.text;
  }
  async readdir(p: string): Promise<string[]> {
    const dir = this.resolve(p, true);
    const node = this.nodes.get(dir);
    if (!node) fail('ENOENT');
    if (node.kind !== 'dir') fail('ENOTDIR');
    const prefix = dir === '/' ? '/' : `${dir}/`;
    return [...this.nodes.keys()].filter((k) => k.startsWith(prefix) && k !== dir && !k.slice(prefix.length).includes('/')).map((k) => k.slice(prefix.length));
  }
  async symlink(target: string, p: string): Promise<void> {
    const path = this.resolve(p, false);
    if (this.nodes.has(path)) fail('EEXIST');
    if (this.nodes.get(path.slice(0, path.lastIndexOf('/')) || '/')?.kind !== 'dir') fail('ENOENT');
    this.nodes.set(path, { kind: 'symlink', target });
  }
  async unlink(p: string): Promise<void> {
    const path = this.resolve(p, false);
    const node = this.nodes.get(path);
    if (!node) fail('ENOENT');
    if (node.kind === 'dir') fail('EISDIR');
    this.nodes.delete(path);
  }
  async mkdir(p: string): Promise<void> {
    const path = this.resolve(p, false);
    if (this.nodes.has(path)) fail('EEXIST');
    this.nodes.set(path, { kind: 'dir' });
  }
  async rmdir(p: string): Promise<void> {
    const path = this.resolve(p, false);
    if (this.nodes.get(path)?.kind !== 'dir') fail('ENOTDIR');
    if ((await this.readdir(path)).length > 0) fail('ENOTEMPTY');
    this.nodes.delete(path);
  }

  /** Every symlink below `dir`, as "path -> target" lines, sorted. */
  links(dir: string): string[] {
    return [...this.nodes.entries()]
      .filter(([k, n]) => k.startsWith(`${dir}/`) && n.kind === 'symlink')
      .map(([k, n]) => `${k} -> ${(n as { target: string }).target}`)
      .sort();
  }
}
