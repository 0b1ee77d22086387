// The account databases as shadow's commonio layer handles them: /etc/passwd, /etc/shadow,
// /etc/group and /etc/gshadow read as lines (unparsable lines and comments kept as they
// are), locked with lckpwdf (/etc/.pwd.lock) and a per-file `<file>.lock`, and written back
// through `<file>+` with a `<file>-` backup, keeping the original's mode and owner.
import { isSysError, strerror } from '../../shared/errno';
import type { Sys } from '../../shared/sys';
import type { Ctx } from '../lib/context';

export interface PwEnt { name: string; passwd: string; uid: number; gid: number; gecos: string; home: string; shell: string }
export interface SpEnt { name: string; hash: string; lastchg: string; min: string; max: string; warn: string; inactive: string; expire: string; flag: string }
export interface GrEnt { name: string; passwd: string; gid: number; members: string[] }
export interface SgEnt { name: string; passwd: string; admins: string[]; members: string[] }

interface Codec<T> {
  parse(line: string): T | undefined;
  format(e: T): string;
}

const list = (s: string | undefined): string[] => (s ?? '').split(',').filter(Boolean);
const num = (s: string | undefined): number | undefined => (s !== undefined && /^\d+$/.test(s) ? Number(s) : undefined);

export const PASSWD: Codec<PwEnt> = {
  parse(line) {
    const f = line.split(':');
    const uid = num(f[2]);
    const gid = num(f[3]);
    if (f.length !== 7 || !f[0] || uid === undefined || gid === undefined) return undefined;
    return { name: f[0], passwd: f[1]!, uid, gid, gecos: f[4]!, home: f[5]!, shell: f[6]! };
  },
  format: (e) => [e.name, e.passwd, e.uid, e.gid, e.gecos, e.home, e.shell].join(':'),
};

export const SHADOW: Codec<SpEnt> = {
  parse(line) {
    const f = line.split(':');
    if (f.length !== 9 || !f[0]) return undefined;
    return { name: f[0], hash: f[1]!, lastchg: f[2]!, min: f[3]!, max: f[4]!, warn: f[5]!, inactive: f[6]!, expire: f[7]!, flag: f[8]! };
  },
  format: (e) => [e.name, e.hash, e.lastchg, e.min, e.max, e.warn, e.inactive, e.expire, e.flag].join(':'),
};

/** Whether getspnam would return the entry: its number fields are digits or empty. */
export function spValid(e: SpEnt): boolean {
  return [e.lastchg, e.min, e.max, e.warn, e.inactive, e.expire, e.flag].every((f) => /^\d*$/.test(f));
}

export const GROUP: Codec<GrEnt> = {
  parse(line) {
    const f = line.split(':');
    const gid = num(f[2]);
    if (f.length !== 4 || !f[0] || gid === undefined) return undefined;
    return { name: f[0], passwd: f[1]!, gid, members: list(f[3]) };
  },
  format: (e) => [e.name, e.passwd, e.gid, e.members.join(',')].join(':'),
};

export const GSHADOW: Codec<SgEnt> = {
  parse(line) {
    const f = line.split(':');
    if (f.length !== 4 || !f[0]) return undefined;
    return { name: f[0], passwd: f[1]!, admins: list(f[2]), members: list(f[3]) };
  },
  format: (e) => [e.name, e.passwd, e.admins.join(','), e.members.join(',')].join(':'),
};

const decoder = new TextDecoder();

/** One database file: its lines, each an entry or text kept verbatim. */
export class Db<T extends { name: string }> {
  changed = false;
  unreadable = false;
  private constructor(
    readonly path: string,
    private readonly codec: Codec<T>,
    private lines: (T | string)[],
    readonly present: boolean,
  ) {}

  static async read<T extends { name: string }>(sys: Sys, path: string, codec: Codec<T>): Promise<Db<T>> {
    let text: string;
    try {
      text = decoder.decode(await sys.readFile(path));
    } catch (e) {
      if (!isSysError(e)) throw e;
      // an unreadable file (a user looking at /etc/shadow) reads as empty and is never written
      const db = new Db(path, codec, [], e.errno !== 'ENOENT');
      db.unreadable = e.errno !== 'ENOENT';
      return db;
    }
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    return new Db(path, codec, lines.map((l) => codec.parse(l) ?? l), true);
  }

  entries(): T[] {
    return this.lines.filter((l): l is T => typeof l !== 'string');
  }

  get(name: string): T | undefined {
    return this.entries().find((e) => e.name === name);
  }

  /** Adds or replaces (by name). */
  put(e: T): void {
    const i = this.lines.findIndex((l) => typeof l !== 'string' && l.name === e.name);
    if (i >= 0) this.lines[i] = e;
    else this.lines.push(e);
    this.changed = true;
  }

  remove(name: string): boolean {
    const before = this.lines.length;
    this.lines = this.lines.filter((l) => typeof l === 'string' || l.name !== name);
    if (this.lines.length !== before) this.changed = true;
    return this.lines.length !== before;
  }

  /**
   * Replaces the entry `from` with `e`. Under a new name the entry moves to the end, as
   * shadow's tools update the new name (not found, so appended) and then remove the old one.
   */
  rename(from: string, e: T): void {
    if (from !== e.name) this.remove(from);
    this.put(e);
  }

  text(): string {
    return this.lines.map((l) => (typeof l === 'string' ? l : this.codec.format(l))).join('\n') + (this.lines.length ? '\n' : '');
  }
}

/** The locks a tool holds; release() removes them. */
export class Locks {
  private held: string[] = [];
  private pwdLocked = false;
  /** `prefix` is shadow's --prefix: then lckpwdf is not used and the file names carry it. */
  constructor(private readonly ctx: Ctx, readonly prefix = '') {}

  /**
   * lckpwdf(3) then `<path>.lock`, as commonio_lock does. On failure prints shadow's
   * messages (`Permission denied.` for a non-root caller) and returns false; the caller
   * adds `cannot lock <path>; try again later.`
   */
  async lock(path: string): Promise<boolean> {
    const sys = this.ctx.sys;
    if (!this.pwdLocked && !this.prefix) {
      try {
        sys.close(await sys.open('/etc/.pwd.lock', { write: true, create: true }, 0o600));
        this.pwdLocked = true;
      } catch (e) {
        if (!isSysError(e)) throw e;
        if (sys.geteuid() !== 0) await this.ctx.error('Permission denied.');
        return false;
      }
    }
    const lock = `${path}.lock`;
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = await sys.open(lock, { write: true, create: true, exclusive: true }, 0o600);
        await sys.write(fd, `${sys.pid}\0`);
        sys.close(fd);
        this.held.push(lock);
        return true;
      } catch (e) {
        if (!isSysError(e)) throw e;
        if (e.errno !== 'EEXIST') {
          await this.ctx.error(`${path}.${sys.pid}: ${strerror(e.errno)}`);
          return false;
        }
        // do_lock_file: the holder's PID (written with its NUL) must be a number; a live
        // holder keeps the lock, a dead one's lock is taken over
        const text = decoder.decode(await sys.readFile(lock)).slice(0, 31).replace(/\0.*$/s, '');
        if (text === '') {
          await this.ctx.error(`existing lock file ${lock} without a PID`);
          return false;
        }
        if (!/^\s*[+-]?\d+$/.test(text) || Number(text) <= 0) {
          await this.ctx.error(`existing lock file ${lock} with an invalid PID '${text}'`);
          return false;
        }
        const pid = Number(text);
        if (sys.processes().some((p) => p.pid === pid && p.state !== 'Z')) {
          await this.ctx.error(`lock ${lock} already used by PID ${pid}`);
          return false;
        }
        await sys.unlink(lock);
      }
    }
    return false;
  }

  async release(): Promise<void> {
    for (const l of this.held.splice(0)) {
      try {
        await this.ctx.sys.unlink(l);
      } catch {
        // already gone
      }
    }
  }
}

/** Writes a changed database: `<path>-` backup, `<path>+`, then rename over the original. */
export async function commit(sys: Sys, db: Db<{ name: string }>): Promise<void> {
  if (!db.changed || db.unreadable) return;
  await writeBack(sys, db.path, db.text(), db.present);
}

/** Replaces `path` with `text` as commonio_close does (a `-` backup of the old file when there was one). */
export async function writeBack(sys: Sys, path: string, text: string, present = true, newMode = 0o644): Promise<void> {
  let mode = newMode;
  let uid = 0;
  let gid = 0;
  if (present) {
    const st = await sys.stat(path);
    mode = st.mode & 0o7777;
    uid = st.uid;
    gid = st.gid;
    const old = await sys.readFile(path);
    await writeWithMode(sys, `${path}-`, old, mode, uid, gid);
  }
  await writeWithMode(sys, `${path}+`, text, present ? mode & 0o664 : mode, uid, gid);
  await sys.rename(`${path}+`, path);
}

async function writeWithMode(sys: Sys, path: string, data: Uint8Array | string, mode: number, uid: number, gid: number): Promise<void> {
  const fd = await sys.open(path, { write: true, create: true, truncate: true }, 0o600);
  try {
    await sys.write(fd, data);
  } finally {
    sys.close(fd);
  }
  await sys.chown(path, uid, gid);
  await sys.chmod(path, mode);
}

/** Days since the epoch (the unit of /etc/shadow dates). */
export function today(sys: Sys): number {
  return Math.floor(sys.now() / 86_400_000);
}

/** All four databases, read after locking. */
export interface AccountDbs {
  passwd: Db<PwEnt>;
  shadow: Db<SpEnt>;
  group: Db<GrEnt>;
  gshadow: Db<SgEnt>;
}

/** The four databases; with a --prefix, those under it (named `PREFIX//etc/passwd`). */
export async function readAll(sys: Sys, prefix = ''): Promise<AccountDbs> {
  const at = (p: string): string => (prefix ? `${prefix}/${p}` : p);
  return {
    passwd: await Db.read(sys, at('/etc/passwd'), PASSWD),
    shadow: await Db.read(sys, at('/etc/shadow'), SHADOW),
    group: await Db.read(sys, at('/etc/group'), GROUP),
    gshadow: await Db.read(sys, at('/etc/gshadow'), GSHADOW),
  };
}

export async function commitAll(sys: Sys, dbs: Partial<AccountDbs>): Promise<void> {
  for (const db of [dbs.passwd, dbs.shadow, dbs.group, dbs.gshadow]) if (db) await commit(sys, db as Db<{ name: string }>);
}
