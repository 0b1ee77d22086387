// A file tree walk in the manner of gnulib fts, as chmod/chown/chgrp -R and du use it:
// each directory is visited before its entries (D) and again after them (DP); a directory
// that cannot be read is reported again as DNR; a name that cannot be stat'ed is NS; a
// symlink is SL (SLNONE when dangling and it was to be followed); a directory that is its
// own ancestor is DC. Symlinks are followed on the command line with 'comfollow' (-H) and
// everywhere with 'logical' (-L).
import { isSysError, type SysError } from '../../shared/errno';
import type { Stat } from '../../shared/stat';
import type { Ctx } from './context';

export type WalkInfo = 'D' | 'DP' | 'F' | 'SL' | 'SLNONE' | 'NS' | 'DNR' | 'DC';

export interface WalkEntry {
  info: WalkInfo;
  /** The name as fts_path shows it: the root as given, then root/child... */
  path: string;
  level: number;
  stat: Stat | undefined;
  error: SysError | undefined;
}

export interface WalkOptions {
  follow: 'physical' | 'comfollow' | 'logical';
  /** Stay on the file system of each root (du -x). */
  xdev?: boolean;
  /** Read a directory's entries before visiting it: D comes after them are listed. */
  sortNames?: boolean;
}

/** What the visitor returns: 'skip' to not descend into a D entry. */
export type Visit = (e: WalkEntry) => Promise<void | 'skip'>;

const join = (dir: string, name: string): string => (dir.endsWith('/') ? `${dir}${name}` : `${dir}/${name}`);

async function statFor(ctx: Ctx, path: string, follow: boolean): Promise<{ stat?: Stat; info: WalkInfo; error?: SysError }> {
  try {
    const st = follow ? await ctx.sys.stat(path) : await ctx.sys.lstat(path);
    return { stat: st, info: st.kind === 'dir' ? 'D' : st.kind === 'symlink' ? 'SL' : 'F' };
  } catch (e) {
    if (!isSysError(e)) throw e;
    // fts: only a link whose target is missing is SLNONE; a loop (ELOOP) is NS with its error
    if (follow && e.errno === 'ENOENT') {
      try {
        const l = await ctx.sys.lstat(path);
        if (l.kind === 'symlink') return { stat: l, info: 'SLNONE', error: e };
      } catch {
        // report the first error
      }
    }
    return { info: 'NS', error: e };
  }
}

async function visitTree(ctx: Ctx, path: string, level: number, opts: WalkOptions, visit: Visit, ancestors: Set<string>, rootDev: number | undefined): Promise<void> {
  await ctx.tick();
  const follow = opts.follow === 'logical' || (opts.follow === 'comfollow' && level === 0);
  const s = await statFor(ctx, path, follow);
  if (s.info !== 'D') {
    await visit({ info: s.info, path, level, stat: s.stat, error: s.error });
    return;
  }
  const st = s.stat!;
  const key = `${st.dev}:${st.ino}`;
  if (ancestors.has(key)) {
    await visit({ info: 'DC', path, level, stat: st, error: undefined });
    return;
  }
  if ((await visit({ info: 'D', path, level, stat: st, error: undefined })) === 'skip') return;
  if (opts.xdev && rootDev !== undefined && st.dev !== rootDev && level > 0) {
    await visit({ info: 'DP', path, level, stat: st, error: undefined });
    return;
  }
  let names: string[];
  try {
    names = (await ctx.sys.readdir(path)).filter((n) => n !== '.' && n !== '..');
  } catch (e) {
    if (!isSysError(e)) throw e;
    await visit({ info: 'DNR', path, level, stat: st, error: e });
    return;
  }
  if (opts.sortNames) names.sort();
  ancestors.add(key);
  for (const name of names) await visitTree(ctx, join(path, name), level + 1, opts, visit, ancestors, rootDev ?? st.dev);
  ancestors.delete(key);
  await visit({ info: 'DP', path, level, stat: st, error: undefined });
}

/** Walks each root in turn. */
export async function walk(ctx: Ctx, roots: readonly string[], opts: WalkOptions, visit: Visit): Promise<void> {
  for (const root of roots) {
    let rootDev: number | undefined;
    if (opts.xdev) {
      try {
        rootDev = (opts.follow === 'physical' ? await ctx.sys.lstat(root) : await ctx.sys.stat(root)).dev;
      } catch {
        rootDev = undefined;
      }
    }
    await visitTree(ctx, root, 0, opts, visit, new Set(), rootDev);
  }
}

