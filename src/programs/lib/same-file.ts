// coreutils copy.c same_file_ok(): whether cp, mv or install may go on when the source and
// an existing destination could be the same file. Hard links to one file are refused unless
// a backup moves the destination aside or links are being made; symlinks need care because
// replacing one can destroy what it points to.
import type { Stat } from '../../shared/stat';
import type { Ctx } from './context';

export interface SameFileOptions {
  /** cp -l */
  hardLink: boolean;
  /** cp -s */
  symbolicLink: boolean;
  /** symlinks are copied as links (cp -P/-d/-a/-r, mv) */
  derefNever: boolean;
  /** mv */
  move: boolean;
  /** cp --remove-destination, install */
  unlinkFirst: boolean;
  /** a backup of the destination is made */
  backup: boolean;
}

export interface SameFileVerdict {
  ok: boolean;
  /** nothing more to do: the operation already holds (linking a file to itself) */
  returnNow: boolean;
}

const sameIno = (a: Stat, b: Stat): boolean => a.dev === b.dev && a.ino === b.ino;
const isLink = (s: Stat): boolean => s.kind === 'symlink';

function splitName(path: string): [string, string] {
  const p = path.replace(/\/+$/, '') || path;
  const i = p.lastIndexOf('/');
  if (i < 0) return ['.', p];
  return [i === 0 ? '/' : p.slice(0, i), p.slice(i + 1)];
}

/** same_nameat: the two names are one directory entry (same parent directory, same last name). */
async function sameName(ctx: Ctx, a: string, b: string): Promise<boolean> {
  const [da, na] = splitName(a);
  const [db, nb] = splitName(b);
  if (na !== nb) return false;
  try {
    return sameIno(await ctx.sys.stat(da), await ctx.sys.stat(db));
  } catch {
    return false;
  }
}

async function statOr(ctx: Ctx, path: string, follow: boolean): Promise<Stat | undefined> {
  try {
    return follow ? await ctx.sys.stat(path) : await ctx.sys.lstat(path);
  } catch {
    return undefined;
  }
}

/** `srcSt`/`dstSt` are the stats the caller took (followed or not, as it copies). */
export async function sameFileOk(ctx: Ctx, src: string, srcSt: Stat, dst: string, dstSt: Stat, x: SameFileOptions): Promise<SameFileVerdict> {
  const yes: SameFileVerdict = { ok: true, returnNow: false };
  const no: SameFileVerdict = { ok: false, returnNow: false };
  const same = sameIno(srcSt, dstSt);
  if (same && x.hardLink) return { ok: true, returnNow: true };
  let srcL: Stat;
  let dstL: Stat;
  let sameLink: boolean;
  if (x.derefNever) {
    sameLink = same;
    if (isLink(srcSt) && isLink(dstSt)) {
      const sn = await sameName(ctx, src, dst);
      if (!sn) {
        if (x.backup) return yes;
        if (sameLink) return { ok: !x.move, returnNow: true };
      }
      return sn ? no : yes;
    }
    srcL = srcSt;
    dstL = dstSt;
  } else {
    if (!same) return yes;
    const d = await statOr(ctx, dst, false);
    const s = await statOr(ctx, src, false);
    if (!d || !s) return yes;
    [srcL, dstL] = [s, d];
    sameLink = sameIno(srcL, dstL);
    if (isLink(srcL) && isLink(dstL) && x.unlinkFirst) return yes;
  }
  if (x.backup) {
    if (!sameLink) {
      if (!x.move && !x.derefNever && isLink(srcL) && !isLink(dstL)) return no;
      return yes;
    }
    return (await sameName(ctx, src, dst)) ? no : yes;
  }
  if (x.move || x.unlinkFirst) {
    if (isLink(dstL)) return yes;
    if (sameLink && dstL.nlink > 1 && !(await sameName(ctx, src, dst))) return x.move ? no : yes;
  }
  if (!isLink(srcL) && !isLink(dstL)) {
    if (!sameIno(srcL, dstL)) return yes;
    if (x.hardLink) return { ok: true, returnNow: true };
  }
  if (x.move && isLink(srcSt) && dstL.nlink > 1) {
    const abs = await ctx.sys.realpath(src).catch(() => undefined);
    if (abs !== undefined) return (await sameName(ctx, abs, dst)) ? no : yes;
  }
  if (x.symbolicLink && isLink(dstL)) return yes;
  if (x.derefNever) {
    const ts = isLink(srcL) ? await statOr(ctx, src, true) : srcL;
    if (!ts) return yes;
    const td = isLink(dstL) ? await statOr(ctx, dst, true) : dstL;
    if (!td) return yes;
    if (!sameIno(ts, td)) return yes;
    if (x.hardLink) return { ok: true, returnNow: !isLink(dstL) };
  }
  return no;
}

/** copy.c source_is_dst_backup: SRC is DST's simple backup (cp --b=simple a~ a would lose it). */
export async function sourceIsDstBackup(ctx: Ctx, src: string, srcSt: Stat, dst: string, suffix: string): Promise<boolean> {
  const [, srcBase] = splitName(src);
  const [dstDir, dstBase] = splitName(dst);
  if (srcBase !== dstBase + suffix) return false;
  const back = await statOr(ctx, dstDir === '.' && !dst.startsWith('./') ? srcBase : `${dstDir}/${srcBase}`, true);
  return back !== undefined && sameIno(srcSt, back);
}
