// The directory walk (what fts does for findutils): each starting point, then its entries
// in readdir order, pre-order or with -depth post-order, within -mindepth/-maxdepth, not
// crossing file systems with -xdev, following symbolic links with -L (and -H for the
// starting points), with findutils' messages for unreadable directories and loops.
import type { Stat } from '../../../shared/stat';
import { isSysError } from '../../../shared/errno';
import { q } from './parse';
import { statOrLstat } from './tests';
import { evaluate } from './tree';
import type { FindState, Pred } from './types';

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

/** Stats a directory entry; reports and returns undefined on failure. */
async function statChild(w: Walk, path: string): Promise<Stat | undefined> {
  const s = w.s;
  try {
    if (s.opts.follow === 'L') return await statOrLstat(s, path);
    return await s.ctx.sys.lstat(path);
  } catch (err) {
    if (!isSysError(err)) throw err;
    await s.ctx.perror(err, q(path));
    s.status = 1;
    return undefined;
  }
}

async function visit(w: Walk, path: string, depth: number, st: Stat, ancestors: { path: string; st: Stat }[]): Promise<void> {
  const s = w.s;
  const o = s.opts;
  await s.ctx.tick();
  const isDir = st.kind === 'dir';
  if (isDir && o.follow !== 'P') {
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
  const descend = !s.prune && (o.maxdepth < 0 || depth < o.maxdepth) && !(o.xdev && st.dev !== w.rootDev);
  if (descend) {
    let names: string[] | undefined;
    try {
      names = await s.ctx.sys.readdir(path);
    } catch (err) {
      if (!isSysError(err)) throw err;
      await s.ctx.perror(err, q(path));
      s.status = 1;
    }
    if (names) {
      const chain = [...ancestors, { path, st }];
      for (const name of names) {
        const child = join(path, name);
        const cst = await statChild(w, child);
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
