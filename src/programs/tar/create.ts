// -c, -r and -u: walking the names given (with -C and -T in their places), one header per file,
// its data in blocks, a second name of a file already stored (or linked twice) as a hard
// link, and GNU's ././@LongLink members for names longer than the header holds.
import { isSysError, strerror } from '../../shared/errno';
import type { Stat } from '../../shared/stat';
import { Accounts } from '../lib/accounts';
import type { ArchiveWriter } from './archive';
import { encodeHeader, longLinkHeader, nameBytes, ustarSplit, type Member } from './header';
import { longLine, shortLine } from './list';
import { Excluder, safeName, trimSlashes } from './names';
import { BACKUP_PATTERNS, VCS_PATTERNS, type NameArg } from './options';
import { override, tooOld } from './overrides';
import { qc, qq, type Tar } from './state';
import { XF_LINK, XF_REG, XF_SYMLINK } from './transform';

interface Scope {
  patterns: string[];
  anchored: boolean | undefined;
  wildcards: boolean | undefined;
  ignoreCase: boolean;
  nul: boolean;
}

export class Creator {
  private accounts: Accounts | undefined;
  /** dev:ino of every non-directory stored, and the name a second link points to. */
  private readonly links = new Map<string, { name: string; safe: boolean }>();
  private readonly removeDirs: string[] = [];
  private recursion = true;
  private readonly umask: number;

  constructor(
    private readonly tar: Tar,
    private readonly w: ArchiveWriter,
    private excluder: Excluder,
    /** dev:ino of the archive file itself, which is never stored. */
    private readonly archiveId: string | undefined,
    /** -u: the newest time of each name the archive holds; what is not newer is left out. */
    private readonly stored?: Map<string, number>,
  ) {
    this.umask = tar.sys.umask();
  }

  private upToDate(m: Member): boolean {
    const t = this.stored?.get(m.name);
    return t !== undefined && t >= m.mtime;
  }

  private get sys() {
    return this.tar.sys;
  }

  /**
   * Stores each name in order, changing directory at each -C; --exclude, --no-recursion and
   * the like apply to the names after them, and those after the last name are reported.
   */
  async run(names: readonly NameArg[], readList: (file: string, nul: boolean, exclude?: boolean) => Promise<string[]>): Promise<void> {
    this.accounts = await Accounts.load(this.sys);
    const last = names.reduce((at, n, i) => (n.kind === 'name' || n.kind === 'from' ? i : at), -1);
    const scope: Scope = { patterns: [], anchored: undefined, wildcards: undefined, ignoreCase: false, nul: false };
    const unused: string[] = [];
    for (const [i, n] of names.entries()) {
      if (i > last && (n.kind === 'chdir' || n.kind === 'opt')) {
        unused.push(n.kind === 'chdir' ? `-C ${qq(n.dir)}` : `--${n.name}${n.value === undefined ? '' : ` ${qq(n.value)}`}`);
        continue;
      }
      if (n.kind === 'opt') {
        await this.option(n.name, n.value, scope, readList);
      } else if (n.kind === 'chdir') {
        try {
          await this.sys.chdir(n.dir);
        } catch (e) {
          await this.tar.sysFatal(e, n.dir, 'Cannot open');
        }
      } else {
        for (const name of n.kind === 'from' ? await readList(n.file, scope.nul) : [n.name]) await this.dump(trimSlashes(name), true);
      }
    }
    for (const d of this.removeDirs.reverse()) {
      try {
        await this.sys.rmdir(d);
      } catch (e) {
        await this.tar.sysError(e, d, 'Cannot rmdir');
      }
    }
    if (unused.length && this.tar.o.op === 'create') {
      await this.tar.warn('The following options were used after any non-optional arguments in archive create or update mode.  These options are positional and affect only arguments that follow them.  Please, rearrange them properly.');
      for (const u of unused) await this.tar.error(`${u} has no effect`);
    }
  }

  private async option(name: string, value: string | undefined, scope: Scope, readList: (file: string, nul: boolean, exclude?: boolean) => Promise<string[]>): Promise<void> {
    switch (name) {
      case 'exclude': scope.patterns.push(value ?? ''); break;
      case 'exclude-from': scope.patterns.push(...(await readList(value ?? '', false, true))); break;
      case 'exclude-vcs': scope.patterns.push(...VCS_PATTERNS); break;
      case 'exclude-backups': scope.patterns.push(...BACKUP_PATTERNS); break;
      case 'anchored': case 'no-anchored': scope.anchored = name === 'anchored'; break;
      case 'wildcards': case 'no-wildcards': scope.wildcards = name === 'wildcards'; break;
      case 'ignore-case': case 'no-ignore-case': scope.ignoreCase = name === 'ignore-case'; break;
      case 'recursion': case 'no-recursion': this.recursion = name === 'recursion'; break;
      case 'null': case 'no-null': scope.nul = name === 'null'; break;
      default: return;
    }
    this.excluder = new Excluder(scope.patterns, scope);
  }

  private async failedRead(e: unknown, path: string, what: string): Promise<void> {
    if (this.tar.o.ignoreFailedRead && isSysError(e)) await this.tar.warn(`${qc(path)}: Warning: ${what}: ${strerror(e.errno)}`);
    else await this.tar.sysError(e, path, what);
  }

  private async dump(path: string, top: boolean): Promise<void> {
    await this.tar.tick();
    if (this.excluder.excluded(path)) return;
    let st: Stat;
    try {
      st = this.tar.o.dereference ? await this.sys.stat(path) : await this.sys.lstat(path);
    } catch (e) {
      // a dangling symbolic link met inside a directory under -h
      if (!top && this.tar.o.dereference && isSysError(e) && e.errno === 'ENOENT') {
        await this.tar.warn(`${qc(path)}: File removed before we read it`);
        if (this.tar.status === 0) this.tar.status = 1;
        return;
      }
      return this.failedRead(e, path, 'Cannot stat');
    }
    const id = `${st.dev}:${st.ino}`;
    if (id === this.archiveId) {
      await this.tar.warn(`${qc(path)}: file is the archive; not dumped`);
      return;
    }
    if (st.kind === 'socket') {
      await this.tar.warn(`${qc(path)}: socket ignored`);
      return;
    }
    if (st.kind === 'dir') return this.dumpDir(path, st);
    if (await tooOld(this.tar, path, st)) return;
    const member = await this.member(path, st);
    if (this.upToDate(member)) return;
    const seen = this.links.get(id);
    if (seen) {
      const target = seen.safe ? seen.name : await safeName(this.tar, seen.name, 'hard link targets');
      await this.put({ ...member, type: '1', size: 0, linkname: await this.transformedLink(target) }, path);
      return this.removeFile(path);
    }
    const link = st.nlink > 1 ? { name: await safeName(this.tar, path, 'hard link targets'), safe: true } : { name: path, safe: false };
    let stored = true;
    switch (st.kind) {
      case 'symlink': {
        let target: string;
        try {
          target = await this.sys.readlink(path);
        } catch (e) {
          await this.failedRead(e, path, 'Cannot readlink');
          return;
        }
        stored = await this.put({ ...member, type: '2', linkname: this.tar.o.xform.apply(target, XF_SYMLINK) }, path);
        break;
      }
      case 'chardev':
      case 'blockdev':
        stored = await this.put({ ...member, type: st.kind === 'chardev' ? '3' : '4', devmajor: st.rdev?.[0] ?? 0, devminor: st.rdev?.[1] ?? 0 }, path);
        break;
      case 'fifo':
        stored = await this.put({ ...member, type: '6' }, path);
        break;
      default:
        stored = await this.dumpFile(path, { ...member, type: '0', size: st.size });
    }
    if (!stored) return;
    this.links.set(id, link);
    await this.removeFile(path);
  }

  private async removeFile(path: string): Promise<void> {
    if (!this.tar.o.removeFiles) return;
    try {
      await this.sys.unlink(path);
    } catch (e) {
      await this.tar.sysError(e, path, 'Cannot unlink');
    }
  }

  private async member(path: string, st: Stat): Promise<Member> {
    const name = await this.transformed(await safeName(this.tar, path, 'member names'));
    const m: Member = {
      name,
      mode: st.mode & 0o7777,
      uid: st.uid,
      gid: st.gid,
      size: 0,
      mtime: Math.floor(st.mtime / 1000),
      type: '0',
      linkname: '',
      uname: this.accounts?.userName(st.uid) ?? '',
      gname: this.accounts?.groupName(st.gid) ?? '',
      devmajor: 0,
      devminor: 0,
    };
    return override(this.tar, m, st.kind === 'dir', this.accounts, this.umask);
  }

  /** A member name after --transform; an empty result is reported (and stored as it is). */
  private async transformed(name: string): Promise<string> {
    const xform = this.tar.o.xform;
    if (xform.empty) return name;
    const out = xform.apply(name, XF_REG);
    if (out === '' && name !== '') await this.tar.warn("Substituting `.' for empty member name");
    return out;
  }

  /** A hard link's target after --transform: "." when nothing is left of it. */
  private async transformedLink(target: string): Promise<string> {
    const out = this.tar.o.xform.apply(target, XF_LINK);
    if (out !== '' || target === '') return out;
    await this.tar.warn("Substituting `.' for empty hard link target");
    return '.';
  }

  private async dumpDir(path: string, st: Stat): Promise<void> {
    let entries: string[];
    try {
      entries = this.recursion ? await this.sys.readdir(path) : [];
    } catch (e) {
      return this.failedRead(e, path, 'Cannot open');
    }
    const m = await this.member(path, st);
    if (!m.name.endsWith('/')) m.name += '/';
    if (!this.upToDate(m)) await this.put({ ...m, type: '5' }, path.endsWith('/') ? path : `${path}/`);
    if (this.tar.o.sortByName) entries.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const e of entries) await this.dump(path === '/' ? `/${e}` : `${path}/${e}`, false);
    if (this.tar.o.removeFiles) this.removeDirs.push(path);
  }

  /** Stores a regular file; false when it could not be opened or named. */
  private async dumpFile(path: string, m: Member): Promise<boolean> {
    let fd: number;
    try {
      fd = await this.sys.open(path, { read: true });
    } catch (e) {
      await this.failedRead(e, path, 'Cannot open');
      return false;
    }
    try {
      if (!(await this.put(m, path))) return false;
      let left = m.size;
      while (left > 0) {
        let chunk: Uint8Array | null;
        try {
          chunk = await this.sys.read(fd, Math.min(left, 65536));
        } catch (e) {
          await this.failedRead(e, path, 'Read error');
          chunk = null;
        }
        if (chunk === null || chunk.length === 0) {
          await this.tar.error(`${qc(path)}: File shrank by ${left} bytes; padding with zeros`);
          const zeros = new Uint8Array(Math.min(left, 65536));
          while (left > 0) {
            const n = Math.min(left, zeros.length);
            await this.w.write(zeros.subarray(0, n));
            left -= n;
          }
          break;
        }
        await this.w.write(chunk);
        left -= chunk.length;
        await this.tar.tick();
      }
      await this.w.pad(m.size);
      return true;
    } finally {
      this.sys.close(fd);
    }
  }

  /** Writes the header(s) of `m` and its verbose line; false when the name cannot be stored. */
  private async put(m: Member, shown: string): Promise<boolean> {
    const fmt = this.tar.o.format;
    const storedName = m.name;
    const name = nameBytes(m.name);
    const link = nameBytes(m.linkname);
    let prefix: Uint8Array | undefined;
    if (fmt === 'gnu' || fmt === 'oldgnu') {
      if (link.length > 100) await this.long('K', link);
      if (name.length > 100) await this.long('L', name);
    } else {
      if (link.length > 100) {
        await this.tar.error(`${qc(m.linkname)}: link name is too long; not dumped`);
        return false;
      }
      const split = fmt === 'ustar' ? ustarSplit(name) : name.length < 100 ? [new Uint8Array(), name] as const : undefined;
      if (!split) {
        await this.tar.error(`${qc(m.name)}: file name is too long (${fmt === 'ustar' ? 'cannot be split' : 'max 99'}); not dumped`);
        return false;
      }
      prefix = split[0];
      if (split[0].length) m = { ...m, name: new TextDecoder().decode(split[1]) };
    }
    await this.w.write(encodeHeader(m, fmt, prefix));
    const v = this.tar.o.verbose;
    if (this.tar.o.showTransformed) shown = storedName;
    if (v > 1) await this.tar.listing.write(longLine(this.tar, { ...m, mtime: m.fileMtime ?? m.mtime }, shown, m.linkname));
    else if (v === 1) await this.tar.listing.write(shortLine(shown));
    return true;
  }

  /** A ././@LongLink member; GNU gives it the names of uid 0 and gid 0. */
  private async long(type: 'L' | 'K', bytes: Uint8Array): Promise<void> {
    const data = new Uint8Array(bytes.length + 1);
    data.set(bytes);
    await this.w.write(longLinkHeader(type, data.length, this.accounts?.userName(0) ?? '', this.accounts?.groupName(0) ?? ''));
    await this.w.write(data);
    await this.w.pad(data.length);
  }
}
