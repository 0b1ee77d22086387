// Builds a RootfsEntry list: parents are created (0755, root) before their children, a later
// entry for the same path replaces the earlier one in place, and the order is kept, so an
// image's tree is its base's tree with the image's own files laid over it.
import type { RootfsEntry } from './types';

export class Tree {
  private readonly entries = new Map<string, RootfsEntry>();

  dir(path: string, mode = 0o755, uid = 0, gid = 0): this {
    this.parent(path);
    this.entries.set(path, { path, kind: 'dir', mode, ...(uid ? { uid } : {}), ...(gid ? { gid } : {}) });
    return this;
  }

  dirs(paths: readonly string[], mode = 0o755): this {
    for (const p of paths) this.dir(p, mode);
    return this;
  }

  file(path: string, text: string, mode = 0o644, uid = 0, gid = 0): this {
    this.parent(path);
    this.entries.set(path, { path, kind: 'file', mode, text, ...(uid ? { uid } : {}), ...(gid ? { gid } : {}) });
    return this;
  }

  symlink(path: string, target: string): this {
    this.parent(path);
    this.entries.set(path, { path, kind: 'symlink', target });
    return this;
  }

  program(path: string, program: string, mode = 0o755): this {
    this.parent(path);
    this.entries.set(path, { path, kind: 'program', program, mode });
    return this;
  }

  /** Commands in `dir`: a name alone runs the program of that name; `name=program` another one. */
  programs(dir: string, specs: readonly string[], mode = 0o755): this {
    for (const spec of specs) {
      const [name, program] = spec.includes('=') ? spec.split('=') as [string, string] : [spec, spec];
      this.program(`${dir}/${name}`, program, mode);
    }
    return this;
  }

  /** Symlinks `dir/name` -> `target` for every name (busybox's and toybox's applet links). */
  links(dir: string, names: readonly string[], target: string): this {
    for (const name of names) this.symlink(`${dir}/${name}`, target);
    return this;
  }

  remove(path: string): this {
    for (const p of [...this.entries.keys()]) if (p === path || p.startsWith(`${path}/`)) this.entries.delete(p);
    return this;
  }

  has(path: string): boolean {
    return this.entries.has(path);
  }

  list(): RootfsEntry[] {
    return [...this.entries.values()].map((e) => ({ ...e }));
  }

  private parent(path: string): void {
    const dir = path.slice(0, path.lastIndexOf('/'));
    if (dir && !this.entries.has(dir)) this.dir(dir);
  }
}
