// What systemd-tmpfiles does with the lines it has read: first the removals and the ageing
// (--remove, --clean), then the creations (--create); lines that make things before those
// that alter them (w e x X r R z Z t T h H a A, whose path may be a glob), parents first.
import { isSysError, strerror, type Errno } from '../../../shared/errno';
import { fnmatch } from '../../../shared/systemd/glob';
import { glyphs } from '../../../shared/systemd/glyphs';
import type { Stat } from '../../../shared/stat';
import type { Ctx } from '../../lib/context';
import type { Config, Item } from './config';

const GLOB_TYPES = 'wexXrRzZtThHaA';
const AGEING_TYPES = 'dDevqQCxX';

class Failure extends Error {
  constructor(readonly text: string) {
    super(text);
  }
}

export class Applier {
  failed = false;
  private readonly done = new Set<string>();

  constructor(
    readonly ctx: Ctx,
    readonly config: Config,
    readonly root: string,
  ) {}

  private async lstat(path: string): Promise<Stat | undefined> {
    try {
      return await this.ctx.sys.lstat(path);
    } catch {
      return undefined;
    }
  }

  /** The paths a glob line names (only those that exist), or the path itself. */
  private async expand(full: string): Promise<string[]> {
    if (!/[*?[]/.test(full)) return [full];
    let found = [''];
    for (const part of full.split('/').slice(1)) {
      const next: string[] = [];
      for (const dir of found) {
        if (!/[*?[]/.test(part)) {
          if (await this.lstat(`${dir}/${part}`)) next.push(`${dir}/${part}`);
          continue;
        }
        let names: string[] = [];
        try {
          names = await this.ctx.sys.readdir(dir === '' ? '/' : dir);
        } catch {
          continue;
        }
        for (const n of names.sort()) if (!(n.startsWith('.') && !part.startsWith('.')) && fnmatch(part, n)) next.push(`${dir}/${n}`);
      }
      found = next;
    }
    return found;
  }

  private fail(i: Item, text: string): void {
    if (!i.allowFailure) this.failed = true;
    throw new Failure(text);
  }

  private errno(e: unknown): Errno {
    if (isSysError(e)) return e.errno;
    throw e;
  }

  /** mkdir -p of a line's parents, each 0755. */
  private async parents(path: string): Promise<void> {
    const parts = path.split('/').filter(Boolean).slice(0, -1);
    let cur = '';
    for (const p of parts) {
      cur += `/${p}`;
      const st = await this.lstat(cur);
      if (!st) await this.ctx.sys.mkdir(cur, 0o755);
    }
  }

  /** The mode and owner a line asks for, on what is there now. */
  private async perms(i: Item, path: string, made = false): Promise<void> {
    const st = await this.lstat(path);
    if (!st || st.kind === 'symlink') return;
    if (i.modeSet && (made || !i.modeOnlyCreate)) {
      let mode = i.mode;
      if (i.maskPerms) {
        // '~': a class of bits (x, r, w) the file has none of is dropped; set-id and sticky bits only on directories
        for (const bits of [0o111, 0o444, 0o222]) if ((st.mode & bits) === 0) mode &= ~bits;
        if (st.kind !== 'dir') mode &= ~0o7000;
      }
      if ((st.mode & 0o7777) !== mode) await this.ctx.sys.chmod(path, mode);
    }
    const uid = i.uid !== undefined && (made || !i.uidOnlyCreate) ? i.uid : st.uid;
    const gid = i.gid !== undefined && (made || !i.gidOnlyCreate) ? i.gid : st.gid;
    if (uid !== st.uid || gid !== st.gid) await this.ctx.sys.lchown(path, uid, gid);
  }

  private async write(i: Item, path: string, create: boolean): Promise<void> {
    const sys = this.ctx.sys;
    const truncate = i.type === 'F' || (i.type === 'f' && i.force);
    const fd = await sys.open(path, { write: true, create, exclusive: create, truncate, append: i.type === 'w' && i.force }, i.mode);
    try {
      if (i.argument) await sys.write(fd, new TextEncoder().encode(i.argument));
    } finally {
      sys.close(fd);
    }
  }

  private async copy(from: string, to: string): Promise<void> {
    const sys = this.ctx.sys;
    const st = await sys.lstat(from);
    if (st.kind === 'dir') {
      await sys.mkdir(to, st.mode & 0o7777);
      for (const n of await sys.readdir(from)) await this.copy(`${from}/${n}`, `${to}/${n}`);
      await sys.chmod(to, st.mode & 0o7777);
    } else if (st.kind === 'symlink') await sys.symlink(await sys.readlink(from), to);
    else await sys.writeFile(to, await sys.readFile(from), { mode: st.mode & 0o7777 });
  }

  private async removeTree(path: string, keepTop: boolean): Promise<void> {
    const st = await this.lstat(path);
    if (!st) return;
    if (st.kind === 'dir') {
      for (const n of await this.ctx.sys.readdir(path)) await this.removeTree(`${path}/${n}`, false);
      if (!keepTop) await this.ctx.sys.rmdir(path);
    } else if (!keepTop) await this.ctx.sys.unlink(path);
  }

  /** Z: the mode and owner on everything below too. */
  private async permsRecursive(i: Item, path: string): Promise<void> {
    await this.perms(i, path);
    const st = await this.lstat(path);
    if (st?.kind !== 'dir') return;
    for (const n of await this.ctx.sys.readdir(path)) await this.permsRecursive(i, `${path}/${n}`);
  }

  private async createDir(i: Item, path: string): Promise<void> {
    const st = await this.lstat(path);
    if (!st) {
      await this.parents(path);
      await this.ctx.sys.mkdir(path, i.mode);
    } else if (st.kind !== 'dir') {
      await this.ctx.err.write(`"${path}" already exists and is not a directory.\n`);
      return;
    }
    await this.perms(i, path, !st);
  }

  /** A user's name as this machine's passwd gives it, or the number. */
  private async owner(uid: number): Promise<string> {
    try {
      const line = new TextDecoder().decode(await this.ctx.sys.readFile('/etc/passwd')).split('\n').find((l) => l.split(':')[2] === String(uid));
      if (line) return line.split(':')[0]!;
    } catch {
      // no passwd: the number
    }
    return String(uid);
  }

  /**
   * chase() with CHASE_SAFE, as the lines that adjust what exists (e, z) open their path: a
   * directory owned by someone other than root leading to an entry someone else owns stops it.
   */
  private async safePath(i: Item, path: string): Promise<void> {
    let prev = await this.lstat('/');
    let prevPath = '/';
    let cur = '';
    for (const part of path.split('/').filter(Boolean)) {
      cur += `/${part}`;
      const st = await this.lstat(cur);
      if (!st || !prev) return;
      if (prev.uid !== 0 && prev.uid !== st.uid) {
        this.fail(i, `Detected unsafe path transition ${prevPath} (owned by ${await this.owner(prev.uid)}) ${glyphs(this.ctx.env).arrowRight} ${cur} (owned by ${await this.owner(st.uid)}) during canonicalization of ${path}.`);
      }
      prev = st;
      prevPath = cur;
    }
  }

  /** create_item(): what a line makes, then its mode and owner. */
  private async create(i: Item, path: string): Promise<void> {
    const sys = this.ctx.sys;
    const st = await this.lstat(path);
    if (i.type === 'e' || i.type === 'z') await this.safePath(i, path);
    switch (i.type) {
      case 'd': case 'D': case 'v': case 'q': case 'Q':
        return this.createDir(i, path);
      case 'e':
        if (st && st.kind !== 'dir') {
          await this.ctx.err.write(`'${path}' already exists and is not a directory.\n`);
          return;
        }
        return this.perms(i, path);
      case 'z':
        return this.perms(i, path);
      case 'Z':
        return this.permsRecursive(i, path);
      case 'f': case 'F':
        if (st?.kind === 'dir' && i.type === 'F') this.fail(i, `Failed to open/create file ${path}: Is a directory`);
        if (st && st.kind !== 'file') this.fail(i, `${path} exists and is not a regular file.`);
        if (!st) {
          await this.parents(path);
          await this.write(i, path, true);
        } else if (st.kind === 'file' && (i.type === 'F' || i.force)) await this.write(i, path, false);
        return this.perms(i, path, !st);
      case 'w':
        if (st) await this.write(i, path, false);
        return;
      case 'p':
        if (st && i.force && st.kind !== 'fifo') await this.removeTree(path, false);
        if (!st || (i.force && st.kind !== 'fifo')) {
          await this.parents(path);
          await sys.mkfifo(path, i.mode);
        }
        return this.perms(i, path);
      case 'L':
        if (st) {
          if (!i.force || (st.kind === 'symlink' && (await sys.readlink(path)) === i.argument)) return;
          await this.removeTree(path, false);
        } else await this.parents(path);
        await sys.symlink(i.argument!, path);
        return;
      case 'c': case 'b': {
        if (st && !i.force) return this.perms(i, path);
        if (st) await this.removeTree(path, false);
        else await this.parents(path);
        const [major, minor] = i.argument!.split(':').map(Number) as [number, number];
        await sys.mknod(path, i.mode, i.type === 'c' ? 'chardev' : 'blockdev', major, minor);
        return this.perms(i, path);
      }
      case 'C': {
        const from = `${this.root}${i.argument}`;
        const source = await this.lstat(from);
        if (!source) return;
        if (st) {
          // an existing empty directory gets a directory's contents; anything else is left alone
          if (st.kind !== 'dir' || source.kind !== 'dir' || (await sys.readdir(path)).length > 0) return;
          for (const n of await sys.readdir(from)) await this.copy(`${from}/${n}`, `${path}/${n}`);
          return this.perms(i, path);
        }
        await this.parents(path);
        await this.copy(from, path);
        return this.perms(i, path);
      }
    }
  }

  /** remove_item(): r, R and D (D keeps the directory). */
  private async remove(i: Item, path: string): Promise<void> {
    if (i.type === 'r') {
      const st = await this.lstat(path);
      if (!st) return;
      try {
        if (st.kind === 'dir') await this.ctx.sys.rmdir(path);
        else await this.ctx.sys.unlink(path);
      } catch (e) {
        const errno = this.errno(e);
        if (errno !== 'ENOENT') this.fail(i, `rm(${path}): ${strerror(errno)}`);
      }
    } else if (i.type === 'R') await this.removeTree(path, false);
    else if (i.type === 'D') await this.removeTree(path, true);
  }

  /** Whether an x or X line keeps this path (x: with its contents; X: the path alone). */
  private excluded(path: string): 'x' | 'X' | undefined {
    for (const list of this.config.items.values()) {
      for (const it of list) {
        if ((it.type === 'x' || it.type === 'X') && fnmatch(it.full, path)) return it.type;
      }
    }
    return undefined;
  }

  /** dir_cleanup(): what below `dir` is older than the cutoff goes; empty old directories too. */
  private async clean(dir: string, cutoff: number, everything: boolean, keepLevel: boolean): Promise<void> {
    let names: string[];
    try {
      names = await this.ctx.sys.readdir(dir);
    } catch {
      return;
    }
    for (const n of names) {
      const p = `${dir}/${n}`;
      const st = await this.lstat(p);
      if (!st) continue;
      const ex = this.excluded(p);
      if (ex === 'x') continue;
      if (st.kind === 'dir') {
        await this.clean(p, cutoff, everything, false);
        if (keepLevel || ex === 'X') continue;
        const young = !everything && Math.max(st.mtime, st.ctime) >= cutoff;
        if (!young) await this.ctx.sys.rmdir(p).catch(() => undefined);
        continue;
      }
      if (keepLevel || ex === 'X') continue;
      if (!everything && Math.max(st.atime, st.mtime, st.ctime) >= cutoff) continue;
      await this.ctx.sys.unlink(p).catch(() => undefined);
    }
  }

  private async one(i: Item, phase: 'remove' | 'create'): Promise<void> {
    const paths = GLOB_TYPES.includes(i.type) ? await this.expand(i.full) : [i.full];
    for (const path of paths) {
      try {
        if (phase === 'remove') {
          if (this.config.o.remove) await this.remove(i, path);
          if (this.config.o.clean && i.age !== undefined && AGEING_TYPES.includes(i.type) && (await this.lstat(path))?.kind === 'dir') {
            await this.clean(path, this.ctx.sys.now() - i.age, i.age === 0, i.keepFirstLevel);
          }
        } else if (this.config.o.create) await this.create(i, path);
      } catch (e) {
        if (e instanceof Failure) await this.ctx.err.write(`${e.text}\n`);
        else {
          const errno = this.errno(e);
          if (!i.allowFailure) this.failed = true;
          await this.ctx.err.write(`Failed to create "${path}": ${strerror(errno)}\n`);
        }
      }
    }
  }

  /** One path's lines, after those of the nearest parent path that has lines. */
  private async array(path: string, list: Item[], phase: string, byPath: Map<string, Item[]>): Promise<void> {
    if (this.done.has(`${phase}:${path}`)) return;
    this.done.add(`${phase}:${path}`);
    for (let p = path.slice(0, path.lastIndexOf('/')); p !== ''; p = p.slice(0, p.lastIndexOf('/'))) {
      const parent = byPath.get(p);
      if (parent) {
        await this.array(p, parent, phase, byPath);
        break;
      }
    }
    const sorted = [...list].sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
    for (const i of sorted) await this.one(i, phase.startsWith('remove') ? 'remove' : 'create');
  }

  async run(): Promise<void> {
    const creating = new Map<string, Item[]>();
    const globbing = new Map<string, Item[]>();
    for (const [path, list] of this.config.items) {
      const c = list.filter((i) => !GLOB_TYPES.includes(i.type));
      const g = list.filter((i) => GLOB_TYPES.includes(i.type));
      if (c.length > 0) creating.set(path, c);
      if (g.length > 0) globbing.set(path, g);
    }
    const phases: ('remove' | 'create')[] = [];
    if (this.config.o.remove || this.config.o.clean) phases.push('remove');
    if (this.config.o.create) phases.push('create');
    for (const phase of phases) {
      for (const [path, list] of creating) await this.array(path, list, `${phase}-c`, creating);
      for (const [path, list] of globbing) await this.array(path, list, `${phase}-g`, globbing);
    }
  }
}
