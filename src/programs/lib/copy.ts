// The copying engine cp and mv share (coreutils copy.c): one file system object at a time,
// directories recursively, with the checks and messages GNU prints. mv uses it when rename()
// fails with EXDEV. Data is streamed in chunks and every step yields, so Ctrl-C works.
import type { AclEntry } from '../../shared/acl';
import { isSysError, SysError } from '../../shared/errno';
import type { Stat } from '../../shared/stat';
import type { Ctx } from './context';
import { makeBackup, type BackupType } from './backup';
import { quoteaf, quotef } from './quote';
import { sameFileOk, sourceIsDstBackup } from './same-file';
import { yesno } from './yesno';

export interface CopyOptions {
  /** mv's cross-device copy: different verbose wording, everything preserved. */
  move: boolean;
  recursive: boolean;
  /** Follow symlinks: never (-P), always (-L), or only on the command line (-H). */
  deref: 'never' | 'always' | 'cmdline';
  preserveMode: boolean;
  preserveOwner: boolean;
  preserveTimes: boolean;
  preserveLinks: boolean;
  /** --no-preserve=mode: new files and directories get the default modes (0666, 0777) minus the umask */
  noMode?: boolean;
  /** -i asks, -n skips existing destinations, otherwise overwrite. */
  interactive: 'ask' | 'no' | 'default';
  /** cp -f: remove a destination that cannot be opened, then try again. */
  force: boolean;
  removeFirst: boolean;
  update: boolean;
  verbose: boolean;
  /** cp -l / cp -s: make links instead of copies. */
  link: 'hard' | 'symbolic' | undefined;
  /** cp --attributes-only: regular files are created (or kept) without copying their data. */
  attributesOnly?: boolean;
  /** cp -b / --backup: rename an existing destination file before replacing it. */
  backup?: { type: BackupType; suffix: string };
  /** cp --copy-contents: with -R, read fifos and devices as regular files instead of making new ones. */
  copyContents?: boolean;
  /** cp --reflink=always: the data must be cloned, which ext4 cannot do (EOPNOTSUPP). */
  reflinkAlways?: boolean;
}

const CHUNK = 65536;

export const joinPath = (dir: string, name: string): string => (dir.endsWith('/') ? `${dir}${name}` : `${dir}/${name}`);

function errnoOf(e: unknown): string | undefined {
  return isSysError(e) ? e.errno : undefined;
}

export class Copier {
  /** dev:ino of multiply-linked sources already copied -> their destination (-a keeps links). */
  private readonly linked = new Map<string, string>();
  /** dev:ino of the first directory made for the current argument: copying it again means
   * the destination is inside the source. */
  private createdTop: string | undefined;
  /** Set once that happens: GNU stops copying the whole argument there. */
  private intoSelf = false;
  /** dev:ino of the files the command-line arguments became (cp a/f b/f dir must not clobber). */
  private readonly justCreated = new Set<string>();

  constructor(
    private readonly ctx: Ctx,
    private readonly o: CopyOptions,
  ) {}

  private async tryStat(path: string, follow: boolean): Promise<Stat | undefined> {
    try {
      return follow ? await this.ctx.sys.stat(path) : await this.ctx.sys.lstat(path);
    } catch (e) {
      if (errnoOf(e) === 'ENOENT') return undefined;
      throw e;
    }
  }

  /** The name the destination being replaced was backed up to, for the verbose line. */
  private backedUp: string | undefined;

  /** Set once cp has announced the entry being copied (copy.c does that before copying). */
  private announced = false;

  private async verbose(src: string, dst: string): Promise<void> {
    if (this.announced) return;
    const backup = this.backedUp;
    this.backedUp = undefined;
    if (this.o.verbose) await this.ctx.print(`${this.o.move ? 'copied ' : ''}${quoteaf(src)} -> ${quoteaf(dst)}${backup !== undefined ? ` (backup: ${quoteaf(backup)})` : ''}\n`);
  }

  /**
   * Copies `src` to `dst`. `top` marks command-line arguments (for -H and for messages
   * naming the arguments), `topSrc`/`topDst` are those arguments.
   */
  async copy(src: string, dst: string, top = true, topSrc = src, topDst = dst): Promise<boolean> {
    const ok = await this.copyEntry(src, dst, top, topSrc, topDst);
    if (ok && top) {
      const d = await this.ctx.sys.lstat(dst).catch(() => undefined);
      if (d && d.kind !== 'dir') this.justCreated.add(`${d.dev}:${d.ino}`);
    }
    return ok;
  }

  private async copyEntry(src: string, dst: string, top: boolean, topSrc: string, topDst: string): Promise<boolean> {
    const { ctx, o } = this;
    await ctx.tick();
    this.announced = false;
    const follow = o.deref === 'always' || (o.deref === 'cmdline' && top);
    let st: Stat;
    try {
      st = follow ? await ctx.sys.stat(src) : await ctx.sys.lstat(src);
    } catch (e) {
      await ctx.perror(e, `cannot stat ${quoteaf(src)}`);
      return false;
    }
    if (st.kind === 'dir' && !o.recursive) {
      await ctx.error(`-r not specified; omitting directory ${quoteaf(src)}`);
      return false;
    }
    if (top) {
      this.createdTop = undefined;
      this.intoSelf = false;
    } else if (st.kind === 'dir' && this.createdTop === `${st.dev}:${st.ino}`) {
      await ctx.error(`cannot copy a directory, ${quoteaf(topSrc)}, into itself, ${quoteaf(topDst)}`);
      this.intoSelf = true;
      return false;
    }
    let dstSt: Stat | undefined;
    const backingUp = o.backup !== undefined && o.backup.type !== 'none';
    try {
      // copy.c: stat the destination of a regular file copy, lstat it otherwise
      const useLstat = (st.kind !== 'file' && (o.recursive || st.kind === 'dir' || st.kind === 'symlink')) || o.move || o.link !== undefined || backingUp || o.removeFirst;
      dstSt = await this.tryStat(dst, !useLstat);
    } catch (e) {
      await ctx.perror(e, `cannot stat ${quoteaf(dst)}`);
      return false;
    }
    if (dstSt) {
      let returnNow = false;
      if (o.interactive !== 'no') {
        const verdict = await sameFileOk(ctx, src, st, dst, dstSt, {
          hardLink: o.link === 'hard', symbolicLink: o.link === 'symbolic', derefNever: o.deref === 'never' || (o.deref === 'cmdline' && !top),
          move: o.move, unlinkFirst: o.removeFirst, backup: backingUp,
        });
        if (!verdict.ok) {
          await ctx.error(`${quoteaf(src)} and ${quoteaf(dst)} are the same file`);
          return false;
        }
        returnNow = verdict.returnNow;
      }
      if (st.kind !== 'dir') {
        if (o.update && dstSt.mtime >= st.mtime) return true;
        if (o.interactive === 'no') return true;
        if (o.interactive === 'ask' && !(await yesno(ctx, `${ctx.name}: overwrite ${quoteaf(dst)}? `))) return true;
      }
      if (returnNow) return true;
      if (st.kind === 'dir' && dstSt.kind !== 'dir') {
        await ctx.error(`cannot overwrite non-directory ${quoteaf(dst)} with directory ${quoteaf(src)}`);
        return false;
      }
      if (dstSt.kind !== 'dir' && top && o.backup?.type !== 'numbered' && this.justCreated.has(`${dstSt.dev}:${dstSt.ino}`)) {
        await ctx.error(`will not overwrite just-created ${quoteaf(dst)} with ${quoteaf(src)}`);
        return false;
      }
      if (st.kind !== 'dir' && dstSt.kind === 'dir') {
        await ctx.error(`cannot overwrite directory ${quoteaf(dst)} with non-directory`);
        return false;
      }
    }
    if (dstSt && dstSt.kind !== 'dir' && o.backup && o.backup.type !== 'none') {
      if (o.backup.type !== 'numbered' && (await sourceIsDstBackup(ctx, src, st, dst, o.backup.suffix))) {
        await ctx.error(`backing up ${quoteaf(dst)} might destroy source;  ${quoteaf(src)} not ${o.move ? 'moved' : 'copied'}`);
        return false;
      }
      const name = await makeBackup(ctx, dst, o.backup.type, o.backup.suffix);
      if (name === undefined) return false;
      this.backedUp = name;
      dstSt = undefined;
    }
    // copy.c removes a destination it will not write through: with --remove-destination, when
    // other names share its inode and links are kept, or when a non-regular file replaces it
    // as itself (-P)
    if (dstSt && dstSt.kind !== 'dir' && !o.move && (o.removeFirst || (o.preserveLinks && dstSt.nlink > 1) || (o.deref === 'never' && st.kind !== 'file'))) {
      if (!(await this.unlinkDst(dst))) return false;
      dstSt = undefined;
      if (o.verbose) await ctx.print(`removed ${quoteaf(dst)}\n`);
    }
    // cp names a non-directory before it copies or links it, so a failure follows the line;
    // mv says 'copied' once done, and a directory is named when it is made
    if (!o.move && st.kind !== 'dir') {
      await this.verbose(src, dst);
      this.announced = true;
    }
    // a second name of an inode already copied becomes a hard link (-a, --preserve=links)
    if (o.preserveLinks && st.kind !== 'dir' && st.nlink > 1) {
      const key = `${st.dev}:${st.ino}`;
      const earlier = this.linked.get(key);
      if (earlier !== undefined) return this.hardLink(earlier, dst, dstSt !== undefined);
      this.linked.set(key, dst);
    }
    if (o.link === 'hard' && st.kind !== 'dir') {
      // an existing destination is replaced only with -f, -i or --remove-destination
      if (dstSt && !(o.force || o.interactive === 'ask' || o.removeFirst)) {
        await ctx.perror(new SysError('EEXIST', 'link'), `cannot create hard link ${quoteaf(dst)} to ${quoteaf(src)}`);
        return false;
      }
      return this.hardLink(src, dst, dstSt !== undefined);
    }
    if (o.link === 'symbolic' && st.kind !== 'dir') {
      if (!src.startsWith('/') && !(await this.inCurrentDir(dst))) {
        await ctx.error(`${quotef(dst)}: can make relative symbolic links only in current directory`);
        return false;
      }
      if (dstSt && !(o.force || o.removeFirst)) {
        await ctx.perror(new SysError('EEXIST', 'symlink'), `cannot create symbolic link ${quoteaf(dst)} to ${quoteaf(src)}`);
        return false;
      }
      if (dstSt && !(await this.unlinkDst(dst))) return false;
      try {
        await ctx.sys.symlink(src, dst);
      } catch (e) {
        await ctx.perror(e, `cannot create symbolic link ${quoteaf(dst)} to ${quoteaf(src)}`);
        return false;
      }
      await this.verbose(src, dst);
      return true;
    }
    switch (st.kind) {
      case 'dir': return this.copyDir(src, dst, st, dstSt, topSrc, topDst);
      case 'symlink': return this.copySymlink(src, dst, st, dstSt);
      case 'file': return this.copyFile(src, dst, st, dstSt);
      case 'chardev': case 'blockdev': case 'fifo': case 'socket':
        // reading a device or fifo as a regular file is what cp does without -R (or with
        // --copy-contents); -R makes a new one, whether or not links are followed (-L)
        if (!o.recursive || o.copyContents) return this.copyFile(src, dst, st, dstSt);
        return this.copySpecial(src, dst, st, dstSt);
    }
    return false;
  }

  /** cp -R of a fifo, device or socket: a new one of the same kind (mkfifo, mknod). */
  private async copySpecial(src: string, dst: string, st: Stat, dstSt: Stat | undefined): Promise<boolean> {
    const { ctx, o } = this;
    if (dstSt && !(await this.unlinkDst(dst))) return false;
    const mode = o.noMode ? 0o666 : st.mode & 0o777;
    try {
      if (st.kind === 'fifo') await ctx.sys.mkfifo(dst, mode);
      else if (st.kind === 'chardev' || st.kind === 'blockdev') await ctx.sys.mknod(dst, mode, st.kind, st.rdev?.[0] ?? 0, st.rdev?.[1] ?? 0);
      else throw new SysError('EPERM', 'mknod', dst);
    } catch (e) {
      await ctx.perror(e, st.kind === 'fifo' ? `cannot create fifo ${quoteaf(dst)}` : `cannot create special file ${quoteaf(dst)}`);
      return false;
    }
    await this.verbose(src, dst);
    return this.preserve(src, dst, st);
  }

  /** cp -s with a relative source: the link must be made in the current directory. */
  private async inCurrentDir(dst: string): Promise<boolean> {
    const slash = dst.replace(/\/+$/, '').lastIndexOf('/');
    const parent = slash < 0 ? '.' : slash === 0 ? '/' : dst.slice(0, slash);
    if (parent === '.') return true;
    try {
      const [dot, p] = [await this.ctx.sys.stat('.'), await this.ctx.sys.stat(parent)];
      return dot.dev === p.dev && dot.ino === p.ino;
    } catch {
      return true;
    }
  }

  private async unlinkDst(dst: string): Promise<boolean> {
    try {
      await this.ctx.sys.unlink(dst);
      return true;
    } catch (e) {
      if (errnoOf(e) === 'ENOENT') return true;
      await this.ctx.perror(e, `cannot remove ${quoteaf(dst)}`);
      return false;
    }
  }

  private async hardLink(target: string, dst: string, exists: boolean): Promise<boolean> {
    if (exists && !(await this.unlinkDst(dst))) return false;
    try {
      await this.ctx.sys.link(target, dst);
    } catch (e) {
      await this.ctx.perror(e, `cannot create hard link ${quoteaf(dst)} to ${quoteaf(target)}`);
      return false;
    }
    await this.verbose(target, dst);
    return true;
  }

  private async copySymlink(src: string, dst: string, st: Stat, dstSt: Stat | undefined): Promise<boolean> {
    const { ctx } = this;
    let target: string;
    try {
      target = await ctx.sys.readlink(src);
    } catch (e) {
      await ctx.perror(e, `cannot read symbolic link ${quoteaf(src)}`);
      return false;
    }
    if (dstSt && !(await this.unlinkDst(dst))) return false;
    try {
      await ctx.sys.symlink(target, dst);
    } catch (e) {
      await ctx.perror(e, `cannot create symbolic link ${quoteaf(dst)}`);
      return false;
    }
    await this.verbose(src, dst);
    if (this.o.preserveOwner) await ctx.sys.lchown(dst, st.uid, st.gid).catch(() => undefined);
    if (this.o.preserveTimes) await ctx.sys.utimes(dst, st.atime, st.mtime, false).catch(() => undefined);
    return true;
  }

  private async openDst(dst: string, mode: number, exists: boolean): Promise<number | undefined> {
    const { ctx, o } = this;
    if (exists && o.removeFirst && !(await this.unlinkDst(dst))) return undefined;
    const truncate = !o.attributesOnly;
    try {
      return await ctx.sys.open(dst, { write: true, create: true, truncate }, mode);
    } catch (e) {
      if (exists && o.force && isSysError(e) && e.errno !== 'ENOENT') {
        if (!(await this.unlinkDst(dst))) return undefined;
        try {
          return await ctx.sys.open(dst, { write: true, create: true, truncate }, mode);
        } catch (e2) {
          await ctx.perror(e2, `cannot create regular file ${quoteaf(dst)}`);
          return undefined;
        }
      }
      // a new name ending in a slash: "Not a directory" says more than EISDIR
      const err = !exists && isSysError(e) && e.errno === 'EISDIR' && dst.endsWith('/') ? new SysError('ENOTDIR', 'open', dst) : e;
      // copy.c says so whether the destination was there (opened for writing) or made anew
      await ctx.perror(err, `cannot create regular file ${quoteaf(dst)}`);
      return undefined;
    }
  }

  private async copyFile(src: string, dst: string, st: Stat, dstSt: Stat | undefined): Promise<boolean> {
    const { ctx } = this;
    if (!dstSt && !this.o.move) {
      // cp creates with O_EXCL, so it never writes through a dangling symlink
      const link = await ctx.sys.lstat(dst).catch(() => undefined);
      if (link?.kind === 'symlink') {
        await ctx.error(`not writing through dangling symlink ${quoteaf(dst)}`);
        return false;
      }
    }
    let inFd: number;
    try {
      inFd = await ctx.sys.open(src, { read: true });
    } catch (e) {
      await ctx.perror(e, `cannot open ${quoteaf(src)} for reading`);
      return false;
    }
    try {
      const outFd = await this.openDst(dst, this.o.noMode ? 0o666 : st.mode & 0o777, dstSt !== undefined);
      if (outFd === undefined) return false;
      if (this.o.reflinkAlways && !this.o.attributesOnly) {
        ctx.sys.close(outFd);
        await ctx.perror(new SysError('EOPNOTSUPP', 'ioctl'), `failed to clone ${quoteaf(dst)} from ${quoteaf(src)}`);
        return false;
      }
      try {
        while (!this.o.attributesOnly) {
          await ctx.tick();
          let chunk: Uint8Array | null;
          try {
            chunk = await ctx.sys.read(inFd, CHUNK);
          } catch (e) {
            await ctx.perror(e, `error reading ${quoteaf(src)}`);
            return false;
          }
          if (chunk === null) break;
          try {
            await ctx.sys.write(outFd, chunk);
          } catch (e) {
            await ctx.perror(e, `error writing ${quoteaf(dst)}`);
            return false;
          }
        }
      } finally {
        ctx.sys.close(outFd);
      }
    } finally {
      ctx.sys.close(inFd);
    }
    await this.verbose(src, dst);
    return this.preserve(src, dst, st);
  }

  private async copyDir(src: string, dst: string, st: Stat, dstSt: Stat | undefined, topSrc: string, topDst: string): Promise<boolean> {
    const { ctx, o } = this;
    let created = false;
    let createdMode = 0;
    if (!dstSt) {
      try {
        await ctx.sys.mkdir(dst, st.mode & 0o777 & ~(o.preserveOwner ? 0o077 : 0o022));
      } catch (e) {
        await ctx.perror(e, `cannot create directory ${quoteaf(dst)}`);
        return false;
      }
      created = true;
      if (o.verbose) await ctx.print(o.move ? `created directory ${quoteaf(dst)}\n` : `${quoteaf(src)} -> ${quoteaf(dst)}\n`);
      // we must be able to fill the new directory whatever its final mode
      const made = await ctx.sys.lstat(dst);
      createdMode = made.mode;
      this.createdTop ??= `${made.dev}:${made.ino}`;
      if ((made.mode & 0o700) !== 0o700) await ctx.sys.chmod(dst, (made.mode & 0o7777) | 0o700);
    }
    // read the source only now: a destination inside it shows up, and is refused above
    // one that cannot be read is still given its final mode and attributes (copy.c goes on)
    let entries: string[] = [];
    let ok = true;
    try {
      entries = await ctx.sys.readdir(src);
    } catch (e) {
      await ctx.perror(e, `cannot access ${quoteaf(src)}`);
      ok = false;
    }
    for (const name of entries) {
      if (!(await this.copy(joinPath(src, name), joinPath(dst, name), false, topSrc, topDst))) ok = false;
      if (this.intoSelf) return false;
    }
    if (created && !o.preserveMode) {
      // a new directory ends with the mode mkdir gave it from the source's: the umask taken
      // away, the sticky bit kept, set-group-ID only as inherited from a setgid parent
      const umask = ctx.sys.umask();
      const inherited = createdMode & 0o2000;
      await ctx.sys.chmod(dst, ((o.noMode ? 0o777 | (st.mode & 0o1000) : st.mode & 0o1777) & ~umask) | inherited).catch(() => undefined);
    }
    if (!(await this.preserve(src, dst, st))) ok = false;
    return ok;
  }

  /** Applies -p: times, then ownership, then permission bits and ACLs (the order GNU uses). */
  private async preserve(src: string, dst: string, st: Stat): Promise<boolean> {
    const { ctx, o } = this;
    if (o.preserveTimes) {
      try {
        await ctx.sys.utimes(dst, st.atime, st.mtime);
      } catch (e) {
        await ctx.perror(e, `preserving times for ${quoteaf(dst)}`);
        return false;
      }
    }
    let modeSt = st;
    if (o.preserveOwner) {
      try {
        await ctx.sys.chown(dst, st.uid, st.gid);
      } catch {
        // only root may give a file away: keep at least the group when we can; a copy whose
        // owner could not be kept loses the set-user-ID, set-group-ID and sticky bits (copy.c)
        await ctx.sys.chown(dst, -1, st.gid).catch(() => undefined);
        // (a directory keeps its sticky bit, as coreutils 9.1 leaves it)
        modeSt = { ...st, mode: st.mode & ~(st.kind === 'dir' ? 0o6000 : 0o7000) };
      }
    }
    if (o.preserveMode) {
      try {
        await this.copyAcl(src, dst, modeSt);
      } catch (e) {
        await ctx.perror(e, `preserving permissions for ${quoteaf(dst)}`);
        return false;
      }
    }
    return true;
  }

  /**
   * gnulib's copy_acl: the source's ACLs go to the copy when it has any beyond its mode; else
   * the copy gets the source's mode, and loses what it inherited from a default ACL (named
   * entries, a directory's own default ACL), as qset_acl leaves it.
   */
  private async copyAcl(src: string, dst: string, st: Stat): Promise<void> {
    const sys = this.ctx.sys;
    const isDir = st.kind === 'dir';
    let access: AclEntry[] | undefined;
    let dflt: AclEntry[] = [];
    try {
      access = await sys.getAcl(src, 'access');
      if (isDir) dflt = await sys.getAcl(src, 'default');
    } catch (e) {
      if (!isSysError(e) || e.errno !== 'EOPNOTSUPP') throw e;
    }
    const extended = access?.some((x) => x.tag === 'user' || x.tag === 'group' || x.tag === 'mask') || dflt.length > 0;
    if (extended) {
      await sys.setAcl(dst, 'access', access!);
      if (isDir) await sys.setAcl(dst, 'default', dflt.length ? dflt : null);
      // (an ACL has no set-user-ID, set-group-ID or sticky bit)
      if (st.mode & 0o7000) await sys.chmod(dst, (await sys.stat(dst)).mode & 0o777 | (st.mode & 0o7000));
      return;
    }
    await sys.chmod(dst, st.mode & 0o7777);
    try {
      const now = await sys.getAcl(dst, 'access');
      if (now.some((x) => x.tag === 'user' || x.tag === 'group' || x.tag === 'mask')) {
        await sys.setAcl(dst, 'access', [{ tag: 'user_obj', perm: (st.mode >> 6) & 7 }, { tag: 'group_obj', perm: (st.mode >> 3) & 7 }, { tag: 'other', perm: st.mode & 7 }]);
      }
      if (isDir && (await sys.getAcl(dst, 'default')).length) await sys.setAcl(dst, 'default', null);
    } catch (e) {
      if (!isSysError(e) || e.errno !== 'EOPNOTSUPP') throw e;
    }
  }
}
