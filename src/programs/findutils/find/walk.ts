// The directory walk (what fts does for findutils): each starting point, then its entries
// in readdir order, pre-order or with -depth post-order, within -mindepth/-maxdepth, not
// crossing file systems with -xdev, following symbolic links with -L (and -H for the
// starting points), with findutils' messages for unreadable directories and loops.
import type { Stat } from '../../../shared/stat';
import { isSysError } from '../../../shared/errno';
import { q } from './parse';
import { statOrLstat } from './tests';
import { evaluate } from './tree';
import { isTypeOnly, typeOnlyStat, type FindState, type Pred } from './types';

interface Walk {
  s: FindState;
  tree: Pred;
  root: string;
  rootDev: number;
}

function join(dir: string, name: string): string {
  return dir.endsWith('/') ? `${dir}${name}` : `${dir}/${name}`;
}

async function examine(w: Walk, path: string, depth: number, st: Stat): Promise<void> {
  const s = w.s;
  s.prune = false;
  await evaluate(w.tree, { path, root: w.root, depth, st, followed: false }, s);
}

/**
 * Stats a directory entry; reports and returns undefined on failure. When its directory may
 * be read but not searched, findutils still visits it: an entry other than a directory by
 * the type readdir gave (stat'ed only when a test needs it, and failing then), a directory
 * after the error (no type, not entered).
 */
async function statChild(w: Walk, path: string, kind: Stat['kind'] | undefined): Promise<Stat | undefined> {
  const s = w.s;
  try {
    if (s.opts.follow === 'L') return await statOrLstat(s, path);
    return await s.ctx.sys.lstat(path);
  } catch (err) {
    if (!isSysError(err)) throw err;
    const denied = err.errno === 'EACCES';
    if (denied && kind !== undefined && kind !== 'dir') return typeOnlyStat(kind, err, false);
    await s.ctx.perror(err, q(path));
    s.status = 1;
    // fts could not stat a directory: it is still visited, of no known type, never entered
    return denied ? typeOnlyStat(undefined, err, true) : undefined;
  }
}

async function visit(w: Walk, path: string, depth: number, st: Stat, ancestors: { path: string; st: Stat }[]): Promise<void> {
  const s = w.s;
  const o = s.opts;
  await s.ctx.tick();
  const isDir = st.kind === 'dir';
  const known = !isTypeOnly(st);
  if (isDir && o.follow !== 'P' && known) {
    const loop = ancestors.find((a) => a.st.ino === st.ino && a.st.dev === st.dev);
    if (loop) {
      await s.ctx.error(`File system loop detected; ${q(path)} is part of the same file system loop as ${q(loop.path)}.`);
      s.status = 1;
      return;
    }
  }
  const inRange = depth >= o.mindepth;
  if (!isDir) {
    if (inRange) await examine(w, path, depth, st);
    return;
  }
  if (!o.depthFirst && inRange) await examine(w, path, depth, st);
  const descend = !s.prune && (o.maxdepth < 0 || depth < o.maxdepth) && !(o.xdev && known && st.dev !== w.rootDev);
  if (descend) {
    let names: { name: string; kind: Stat['kind'] | undefined }[] | undefined;
    try {
      names = await s.ctx.sys.readdirTypes(path);
    } catch (err) {
      if (!isSysError(err)) throw err;
      await s.ctx.perror(err, q(path));
      s.status = 1;
    }
    if (names) {
      const chain = [...ancestors, { path, st }];
      for (const { name, kind } of names) {
        const child = join(path, name);
        const cst = await statChild(w, child, kind);
        if (!cst) continue;
        await visit(w, child, depth + 1, cst, chain);
      }
    }
  }
  if (o.depthFirst && inRange) await examine(w, path, depth, st);
}

/** Walks one starting point. */
export async function walkRoot(s: FindState, tree: Pred, root: string): Promise<void> {
  let st: Stat;
  try {
    st = s.opts.follow === 'P' ? await s.ctx.sys.lstat(root) : await statOrLstat(s, root);
  } catch (err) {
    if (!isSysError(err)) throw err;
    await s.ctx.perror(err, q(root));
    s.status = 1;
    return;
  }
  if (root.endsWith('/') && root.length > 1 && st.kind !== 'dir') {
    // "file/" names a directory that is not one
    try {
      await s.ctx.sys.stat(root);
    } catch (err) {
      await s.ctx.perror(err, q(root));
      s.status = 1;
      return;
    }
  }
  await visit({ s, tree, root, rootDev: st.dev }, root, 0, st, []);
}
