// libmisc's walk_tree as getfacl and setfacl use it: the path itself, then (recursive) its
// entries depth first. Symbolic links are followed at the top only by default, everywhere with
// -L and nowhere with -P; links are not shown (they have no ACLs) unless followed at the top.
// A directory reached twice is entered once.
import { isSysError, strerror } from '../../shared/errno';
import type { Stat } from '../../shared/stat';
import type { Ctx } from '../lib/context';
import { aclQuote } from './acl-text';

export interface TreeFlags {
  recursive: boolean;
  /** 'toplevel': links named on the command line are followed (the default) */
  follow: 'toplevel' | 'logical' | 'physical';
  oneFs: boolean;
}

/** Visits what `root` leads to; returns the number of errors (the visitor's and the walk's). */
export async function walkTree(ctx: Ctx, root: string, flags: TreeFlags, visit: (path: string, st: Stat) => Promise<boolean>): Promise<number> {
  const sys = ctx.sys;
  const prog = ctx.name.slice(ctx.name.lastIndexOf('/') + 1);
  const seen = new Set<string>();
  let dev: number | undefined;
  const fail = async (path: string, errno: Parameters<typeof strerror>[0]): Promise<number> => {
    await ctx.err.write(`${prog}: ${aclQuote(path, '\n\r')}: ${strerror(errno)}\n`);
    return 1;
  };
  const rec = async (path: string, depth: number): Promise<number> => {
    let st: Stat;
    try {
      st = await sys.lstat(path);
    } catch (e) {
      if (!isSysError(e)) throw e;
      return fail(path, e.errno);
    }
    if (flags.oneFs) {
      if (dev === undefined) dev = st.dev;
      else if (st.dev !== dev) return 0;
    }
    const symlink = st.kind === 'symlink';
    const followHere = flags.follow === 'logical' || (flags.follow === 'toplevel' && depth === 0);
    if (symlink && followHere) {
      try {
        st = await sys.stat(path);
      } catch (e) {
        if (!isSysError(e)) throw e;
        return fail(path, e.errno);
      }
    }
    let errors = 0;
    // (links have no ACLs: skipped unless followed)
    if (!symlink || followHere) errors += (await visit(path, st)) ? 0 : 1;
    if (!flags.recursive || st.kind !== 'dir' || (symlink && !followHere)) return errors;
    const key = `${st.dev}:${st.ino}`;
    if (seen.has(key)) return errors;
    seen.add(key);
    let names: string[];
    try {
      names = await sys.readdir(path);
    } catch (e) {
      if (!isSysError(e)) throw e;
      if (e.errno !== 'ENOTDIR' && e.errno !== 'ENOENT') errors += await fail(path, e.errno);
      return errors;
    }
    for (const n of names) {
      if (n === '.' || n === '..') continue;
      errors += await rec(path.endsWith('/') ? `${path}${n}` : `${path}/${n}`, depth + 1);
    }
    return errors;
  };
  return rec(root, 0);
}
