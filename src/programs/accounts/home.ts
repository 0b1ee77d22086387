// Home directory work for useradd -m, usermod -m and userdel -r: copying /etc/skel (modes
// kept, owned by the new user), moving a tree, and removing one.
import { isSysError } from '../../shared/errno';
import type { Ctx } from '../lib/context';

const S_IFMT = 0o170000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;
const MAX_DEPTH = 64;

/** copy_tree: `from`'s contents into the existing directory `to`, owned by uid:gid. */
export async function copySkel(ctx: Ctx, from: string, to: string, uid: number, gid: number, depth = 0): Promise<void> {
  if (depth > MAX_DEPTH) return;
  let names: string[];
  try {
    names = await ctx.sys.readdir(from);
  } catch (e) {
    if (isSysError(e)) return;
    throw e;
  }
  for (const name of names.sort()) {
    await ctx.tick();
    const src = `${from}/${name}`;
    const dst = `${to}/${name}`;
    const st = await ctx.sys.lstat(src);
    const kind = st.mode & S_IFMT;
    if (kind === S_IFDIR) {
      await ctx.sys.mkdir(dst, 0o700);
      await copySkel(ctx, src, dst, uid, gid, depth + 1);
      await ctx.sys.chmod(dst, st.mode & 0o7777);
    } else if (kind === S_IFLNK) {
      await ctx.sys.symlink(await ctx.sys.readlink(src), dst);
      await ctx.sys.lchown(dst, uid, gid);
      continue;
    } else {
      await ctx.sys.writeFile(dst, await ctx.sys.readFile(src), { mode: 0o600 });
      await ctx.sys.chmod(dst, st.mode & 0o7777);
    }
    await ctx.sys.chown(dst, uid, gid);
  }
}

/** rm -rf of a tree; false when something could not be removed. */
export async function removeTree(ctx: Ctx, path: string, depth = 0): Promise<boolean> {
  if (depth > MAX_DEPTH) return false;
  let st;
  try {
    st = await ctx.sys.lstat(path);
  } catch (e) {
    if (isSysError(e) && e.errno === 'ENOENT') return true;
    throw e;
  }
  let ok = true;
  if ((st.mode & S_IFMT) === S_IFDIR) {
    for (const name of await ctx.sys.readdir(path)) {
      await ctx.tick();
      ok = (await removeTree(ctx, `${path}/${name}`, depth + 1)) && ok;
    }
    try {
      await ctx.sys.rmdir(path);
    } catch (e) {
      if (!isSysError(e)) throw e;
      ok = false;
    }
  } else {
    try {
      await ctx.sys.unlink(path);
    } catch (e) {
      if (!isSysError(e)) throw e;
      ok = false;
    }
  }
  return ok;
}

/** Changes the owner of every file under `path` owned by `oldUid` (usermod -u). */
export async function chownTree(ctx: Ctx, path: string, oldUid: number, uid: number, gid: number | undefined, depth = 0): Promise<void> {
  if (depth > MAX_DEPTH) return;
  const st = await ctx.sys.lstat(path);
  if (st.uid === oldUid) await ctx.sys.lchown(path, uid, gid ?? st.gid);
  if ((st.mode & S_IFMT) === S_IFDIR) {
    for (const name of await ctx.sys.readdir(path)) {
      await ctx.tick();
      await chownTree(ctx, `${path}/${name}`, oldUid, uid, gid, depth + 1);
    }
  }
}
