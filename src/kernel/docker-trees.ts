// File trees for the docker engine (kernel side): where a path inside a container's root is on
// the machine, a tree read through what is mounted in it (docker cp, save), and `docker diff`'s
// comparison of a container's own entries with its image's.
import type { TreeEntry } from '../subsystems/docker/host';
import type { Inode } from './vfs/inode';
import type { Vfs } from './vfs/vfs';

export function resolveIn(vfs: Vfs, root: string, path: string, follow: boolean): string | undefined {
  const r = vfs.lookup(root);
  if (!r || r.type !== 'dir') return undefined;
  const split = (p: string): string[] => p.split('/').filter((x) => x && x !== '.');
  let parts = split(path);
  for (let hops = 0; hops < 40; hops++) {
    const last = parts.at(-1);
    if (last === undefined || last === '..') {
      const n = vfs.lookup(`/${parts.join('/')}`, true, r);
      return n && n.type === 'dir' ? vfs.pathOf(n) : undefined;
    }
    const dir = vfs.lookup(`/${parts.slice(0, -1).join('/')}`, true, r);
    if (!dir || dir.type !== 'dir') return undefined;
    const n = vfs.child(dir, last);
    if (!n) return undefined;
    if (follow && n.type === 'symlink') {
      // where the link leads, inside the root
      const t = vfs.linkTarget(n);
      parts = t.startsWith('/') ? split(t) : [...parts.slice(0, -1), ...split(t)];
      continue;
    }
    const at = vfs.pathOf(dir);
    return `${at === '/' ? '' : at}/${last}`;
  }
  return undefined;
}

export function readTree(vfs: Vfs, path: string, follow: boolean, topOnly: boolean): TreeEntry[] | undefined {
  const top = vfs.lookup(path, follow);
  if (!top) return undefined;
  const out: TreeEntry[] = [];
  const walk = (n: Inode, rel: string): void => {
    if (out.length > 20000) return;
    const base = { path: rel, mode: n.perm, uid: n.uid, gid: n.gid, mtime: n.mtime };
    if (n.type === 'dir') {
      out.push({ ...base, kind: 'dir' });
      if (n.dynamic || (topOnly && rel === '')) return;
      for (const name of [...(n.entries?.keys() ?? [])].sort()) walk(vfs.child(n, name)!, rel ? `${rel}/${name}` : name);
    } else if (n.type === 'symlink') out.push({ ...base, kind: 'symlink', target: vfs.linkTarget(n) });
    else if (n.type === 'file') out.push({ ...base, kind: 'file', data: vfs.read(n) });
  };
  walk(top, '');
  return out;
}

export function diffTrees(vfs: Vfs, base: string, upper: string, skip: ReadonlySet<string>): { kind: 'A' | 'C' | 'D'; path: string }[] {
  const out: { kind: 'A' | 'C' | 'D'; path: string }[] = [];
  const same = (a: Inode, b: Inode): boolean => {
    if (a.type !== b.type || a.perm !== b.perm || a.uid !== b.uid || a.gid !== b.gid) return false;
    if (a.type === 'symlink') return vfs.linkTarget(a) === vfs.linkTarget(b);
    if (a.type !== 'file') return true;
    const x = vfs.read(a);
    const y = vfs.read(b);
    return x.length === y.length && x.every((v, i) => v === y[i]);
  };
  // the entries of the container's own tree (what is mounted over them is not its layer)
  const walk = (b: Inode | undefined, u: Inode, path: string): boolean => {
    let changed = false;
    const names = new Set([...(u.entries?.keys() ?? []), ...(b?.entries?.keys() ?? [])]);
    for (const name of [...names].sort()) {
      const p = `${path}/${name}`;
      if (skip.has(p)) continue;
      const ui = u.entries?.get(name);
      const bi = b?.entries?.get(name);
      const un = ui !== undefined ? vfs.node(ui) : undefined;
      const bn = bi !== undefined ? vfs.node(bi) : undefined;
      if (!un) {
        out.push({ kind: 'D', path: p });
        changed = true;
      } else if (!bn || bn.type !== un.type) {
        out.push({ kind: bn ? 'C' : 'A', path: p });
        if (un.type === 'dir') walk(undefined, un, p);
        changed = true;
      } else if (un.type === 'dir') {
        const at = out.length;
        const inner = walk(bn, un, p);
        if (inner || !same(bn, un)) {
          out.splice(at, 0, { kind: 'C', path: p });
          changed = true;
        }
      } else if (!same(bn, un)) {
        out.push({ kind: 'C', path: p });
        changed = true;
      }
    }
    return changed;
  };
  const u = vfs.lookup(upper);
  if (u && u.type === 'dir') walk(vfs.lookup(base), u, '');
  return out;
}
