// -x: each member created under its safe name (missing parent directories made on the way,
// an existing file replaced unless -k), then given its owner (root only, by name first), its
// mode and its time; directories get theirs once everything inside them is in place.
import { isSysError, SysError } from '../../shared/errno';
import type { Stat } from '../../shared/stat';
import { Accounts } from '../lib/accounts';
import { modeString } from '../lib/mode-string';
import type { ArchiveReader } from './archive';
import type { Member } from './header';
import { formatDate, hasData, longLine, shortLine, shownLink, skipData, type Entry } from './list';
import { hasDotDot, safeName, trimSlashes } from './names';
import { qc, qq, type Tar } from './state';
import { XF_LINK, XF_REG, XF_SYMLINK } from './transform';

interface Delayed {
  name: string;
  /** The directory the name is relative to. */
  cwd: string;
  m: Member;
}

export class Extractor {
  private accounts: Accounts | undefined;
  private readonly dirs: Delayed[] = [];
  private readonly root: boolean;
  private readonly umask: number;

  constructor(
    private readonly tar: Tar,
    private readonly r: ArchiveReader,
  ) {
    this.root = tar.sys.geteuid() === 0;
    this.umask = tar.sys.umask();
  }

  private get sys() {
    return this.tar.sys;
  }

  private get sameOwner(): boolean {
    return this.tar.o.sameOwner ?? (this.root && !this.tar.o.oldO);
  }

  private get preservePerms(): boolean {
    return this.tar.o.preservePerms ?? this.root;
  }

  /** Strips --strip-components leading components; undefined when nothing is left. */
  private strip(name: string): string | undefined {
    const n = this.tar.o.strip;
    if (n === 0) return name;
    const parts = name.split('/');
    let i = 0;
    let seen = 0;
    while (i < parts.length && seen < n) {
      if (parts[i] !== '') seen++;
      i++;
    }
    const rest = parts.slice(i).join('/');
    return seen < n || rest === '' ? undefined : rest;
  }

  async member(e: Entry): Promise<void> {
    const { tar } = this;
    const m = e.m;
    // --transform changes where a member goes, not which names select it or how it is listed
    const x = await transformEntry(tar, e);
    const safe = await safeName(tar, x.name, 'member names');
    const shown = m.type === '1' ? await shownLink(tar, x) : x.link;
    let link = shown;
    if (!tar.o.absoluteNames && hasDotDot(e.name)) {
      await tar.error(`${qc(e.name)}: Member name contains '..'`);
      return skipData(tar, this.r, m);
    }
    const name = this.strip(safe);
    if (name === undefined) return skipData(tar, this.r, m);
    if (m.type === '1') {
      const l = this.strip(link);
      if (l === undefined) return skipData(tar, this.r, m);
      link = l;
    }
    const listed = tar.o.showTransformed ? x : e;
    if (tar.o.verbose > 1) await tar.listing.write(longLine(tar, m, listed.name, shown));
    else if (tar.o.verbose === 1) await tar.listing.write(shortLine(listed.name));
    if (tar.o.toStdout) {
      if (!hasData(m)) return;
      await tar.ctx.out.flush();
      if (!(await this.r.data(m.size, (c) => this.sys.write(1, c)))) await tar.fatal('Unexpected EOF in archive');
      return;
    }
    this.accounts ??= await Accounts.load(this.sys);
    if (!(await this.prepare(trimSlashes(name), m))) return skipData(tar, this.r, m);
    switch (m.type) {
      case '5': return this.dir(trimSlashes(name), m);
      case '2': {
        // a link that leads out (absolute, or with ..) is made last, in place of a file
        // opened now: that open is what fails
        const delayed = !tar.o.absoluteNames && (link.startsWith('/') || hasDotDot(link));
        return this.make(name, m, delayed ? 'Cannot open' : `Cannot create symlink to ${qq(link)}`, () => this.sys.symlink(link, name), true);
      }
      case '1': return this.make(name, m, `Cannot hard link to ${qq(link)}`, () => this.hardLink(link, name), false);
      case '6': return this.make(name, m, 'Cannot mkfifo', () => this.sys.mkfifo(name, m.mode & 0o7777), true);
      case '3':
      case '4':
        return this.make(name, m, 'Cannot mknod', () => Promise.reject(new SysError('EPERM', 'mknod', name)), true);
      case '0':
        return this.file(name, m);
      default:
        await tar.warn(`${qc(name)}: Unknown file type '${m.type}', extracted as normal file`);
        return this.file(name, m);
    }
  }

  /** What --unlink-first and --keep-newer-files do before a member; false: leave it out. */
  private async prepare(name: string, m: Member): Promise<boolean> {
    const { tar } = this;
    if (tar.o.oldFiles === 'unlink') {
      const st = await this.lstat(name);
      if (!st) return true;
      try {
        if (st.kind === 'dir') await this.sys.rmdir(name);
        else await this.sys.unlink(name);
      } catch (e) {
        if (isSysError(e) && e.errno === 'ENOENT') return true;
        await tar.sysError(e, name, 'Cannot unlink');
        return false;
      }
    } else if (tar.o.oldFiles === 'newer') {
      const st = await this.lstat(name);
      if (st && st.kind !== 'dir' && m.mtime * 1000 <= st.mtime) {
        await tar.warn(`Current ${qq(name)} is newer or same age`);
        return false;
      }
    }
    return true;
  }

  private async lstat(name: string): Promise<Stat | undefined> {
    try {
      return await this.sys.lstat(name);
    } catch {
      return undefined;
    }
  }

  private async hardLink(target: string, name: string): Promise<void> {
    try {
      await this.sys.link(target, name);
    } catch (e) {
      if (isSysError(e) && e.errno === 'EEXIST') {
        const [a, b] = [await this.lstat(target), await this.lstat(name)];
        if (a && b && a.dev === b.dev && a.ino === b.ino) return;
      }
      throw e;
    }
  }

  /** Runs `create`; on EEXIST removes what is there (unless -k), on ENOENT makes the parents, then tries once more. */
  private async attempt(name: string, create: () => Promise<void>): Promise<SysError | undefined> {
    for (let tries = 0; ; tries++) {
      try {
        await create();
        return undefined;
      } catch (e) {
        if (!isSysError(e)) throw e;
        if (tries > 0) return e;
        if (e.errno === 'EEXIST' && this.tar.o.oldFiles !== 'keep' && (await this.remove(name))) continue;
        if (e.errno === 'ENOENT' && (await this.makeParents(name))) continue;
        return e;
      }
    }
  }

  private async remove(name: string): Promise<boolean> {
    const st = await this.lstat(name);
    if (!st) return true;
    try {
      if (st.kind === 'dir') await this.sys.rmdir(name);
      else await this.sys.unlink(name);
      return true;
    } catch {
      return false;
    }
  }

  /** Creates the missing directories above `name`; false if none could be made. */
  private async makeParents(name: string): Promise<boolean> {
    const parts = name.split('/');
    let made = false;
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/');
      if (dir === '' || parts[i - 1] === '' || parts[i - 1] === '.') continue;
      try {
        await this.sys.mkdir(dir, 0o777);
      } catch (e) {
        if (isSysError(e) && e.errno === 'EEXIST') continue;
        if (!isSysError(e) || e.errno !== 'ENOENT') await this.tar.sysError(e, dir, 'Cannot mkdir');
        return made;
      }
      made = true;
      if (this.tar.o.verbose > 1) {
        const mode = modeString(0o040000 | (0o777 & ~this.umask));
        await this.tar.listing.write(`${mode} ${'Creating directory:'.padStart(this.tar.ugsWidth + 1 + (this.tar.o.fullTime ? 19 : 16))} ${dir}\n`);
      }
    }
    return made;
  }

  /** --skip-old-files: whether `name` is there already (said under -v). */
  private async skipExisting(name: string): Promise<boolean> {
    if (this.tar.o.oldFiles !== 'skip' || !(await this.lstat(name))) return false;
    if (this.tar.o.verbose) await this.tar.warn(`${qc(name)}: skipping existing file`);
    return true;
  }

  private async make(name: string, m: Member, what: string, create: () => Promise<void>, attrs: boolean): Promise<void> {
    if (await this.skipExisting(name)) return;
    const err = await this.attempt(name, create);
    if (err) return this.tar.sysError(err, name, what);
    if (attrs) await this.attributes(name, m, m.type !== '2');
  }

  private async dir(name: string, m: Member): Promise<void> {
    const existing = await this.lstat(name);
    if (existing?.kind === 'dir') {
      if (!this.tar.o.noOverwriteDir) this.dirs.push({ name, cwd: this.sys.getcwd(), m });
      return;
    }
    const err = await this.attempt(name, () => this.sys.mkdir(name, (m.mode & 0o7777) | 0o700));
    if (err) return this.tar.sysError(err, name, 'Cannot mkdir');
    this.dirs.push({ name, cwd: this.sys.getcwd(), m });
  }

  private async file(name: string, m: Member): Promise<void> {
    const tar = this.tar;
    if (await this.skipExisting(name)) return skipData(tar, this.r, m);
    let fd = -1;
    const err = await this.attempt(name, async () => {
      fd = await this.sys.open(name, { write: true, create: true, exclusive: true }, m.mode & 0o7777);
    });
    if (err) {
      await tar.sysError(err, name, 'Cannot open');
      return skipData(tar, this.r, m);
    }
    let writeErr: unknown;
    const ok = await this.r.data(m.size, async (c) => {
      if (writeErr) return;
      try {
        await this.sys.write(fd, c);
      } catch (e) {
        writeErr = e;
      }
    });
    this.sys.close(fd);
    if (writeErr) await tar.sysError(writeErr, name, 'Cannot write');
    if (!ok) await tar.fatal('Unexpected EOF in archive');
    await this.attributes(name, m, true);
  }

  private ids(m: Member): [number, number] {
    const numeric = this.tar.o.numericOwner;
    const uid = (!numeric && m.uname ? this.accounts?.userByName(m.uname)?.uid : undefined) ?? m.uid;
    const gid = (!numeric && m.gname ? this.accounts?.groupByName(m.gname)?.gid : undefined) ?? m.gid;
    return [uid, gid];
  }

  /** Owner, mode and modification time, as root or -p asks. */
  private async attributes(name: string, m: Member, follow: boolean): Promise<void> {
    const sys = this.sys;
    if (this.sameOwner) {
      const [uid, gid] = this.ids(m);
      try {
        await (follow ? sys.chown(name, uid, gid) : sys.lchown(name, uid, gid));
      } catch (e) {
        if (!isSysError(e)) throw e;
        await this.tar.sysError(e, name, `Cannot change ownership to uid ${uid}, gid ${gid}`);
      }
    }
    if (follow && (this.preservePerms || m.type === '5')) {
      const mode = this.preservePerms ? m.mode & 0o7777 : m.mode & 0o7777 & ~this.umask;
      try {
        await sys.chmod(name, mode);
      } catch (e) {
        await this.tar.sysError(e, name, 'Cannot change mode to ' + modeString(mode).slice(1));
      }
    }
    if (!this.tar.o.touch) {
      await this.checkTime(name, m.mtime);
      try {
        await sys.utimes(name, undefined, m.mtime * 1000, follow);
      } catch (e) {
        await this.tar.sysError(e, name, 'Cannot utime');
      }
    }
  }

  /** GNU tar's warnings about a time stamp it sets: before 1970, or later than now. */
  private async checkTime(name: string, mtime: number): Promise<void> {
    const full = (): string => formatDate(this.tar, mtime, true);
    if (mtime < 0) return this.tar.warn(`${name}: implausibly old time stamp ${full()}`);
    const nowNs = BigInt(Math.floor(this.sys.now() * 1e6));
    const diff = BigInt(mtime) * 1_000_000_000n - nowNs;
    if (diff <= 0n) return;
    const frac = String(diff % 1_000_000_000n).padStart(9, '0');
    await this.tar.warn(`${name}: time stamp ${full()} is ${diff / 1_000_000_000n}.${frac} s in the future`);
  }

  /** The directories' own owner, mode and time, deepest first. */
  async finish(): Promise<void> {
    for (const d of this.dirs.reverse()) {
      if (d.cwd !== this.sys.getcwd()) await this.sys.chdir(d.cwd);
      await this.attributes(d.name, d.m, true);
    }
  }
}

/** The member's name and link target after --transform (an empty name becomes "."). */
export async function transformEntry(tar: Tar, e: Entry): Promise<Entry> {
  const xform = tar.o.xform;
  if (xform.empty) return e;
  const dir = e.m.type === '5' && e.name.endsWith('/');
  let name = xform.apply(dir ? e.name.replace(/\/+$/, '') : e.name, XF_REG);
  if (name === '') {
    await tar.warn("Substituting `.' for empty member name");
    name = '.';
  } else if (dir) name += '/';
  let link = e.link;
  if (e.m.type === '2') link = xform.apply(link, XF_SYMLINK);
  else if (e.m.type === '1') {
    link = xform.apply(link, XF_LINK);
    if (link === '') {
      await tar.warn("Substituting `.' for empty hard link target");
      link = '.';
    }
  }
  return { ...e, name, link };
}
