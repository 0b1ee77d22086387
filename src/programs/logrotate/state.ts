// logrotate's state file: "logrotate state -- version 2", then one `"path" Y-M-D-h:m:s` line per
// log, when it was last rotated. The entries live in a hash table (13 times the hash plus each
// byte, modulo a size from 64 up that grows with the file), and are written back bucket by bucket,
// newest first in each, as logrotate does. An entry not seen for over a year is dropped.
import { isSysError, strerror } from '../../shared/errno';
import type { Stat } from '../../shared/stat';
import type { Sys } from '../../shared/sys';
import { localtime, mktime, type Tm, type TimeZone } from '../lib/tz';
import { parseArgvString } from './argv-string';
import type { Messages } from './messages';

export interface LogState {
  fn: string;
  last: Tm;
  doRotate: boolean;
  isUsed: boolean;
  sb?: Stat;
}

const SECONDS_IN_YEAR = 31556926;

export class States {
  buckets: LogState[][] = [];

  constructor(
    readonly m: Messages,
    readonly nowSecs: number,
    readonly zone: TimeZone,
  ) {}

  allocate(entries: number): Promise<void> {
    const size = Math.min(8192, Math.max(64, entries));
    this.buckets = Array.from({ length: size }, () => []);
    return this.m.debug(`Allocating hash table for state file, size ${size} entries\n`);
  }

  private index(fn: string): number {
    let h = 0;
    for (const b of new TextEncoder().encode(fn)) h = (Math.imul(h, 13) + b) >>> 0;
    return h % this.buckets.length;
  }

  async find(fn: string): Promise<LogState> {
    const bucket = this.buckets[this.index(fn)]!;
    const hit = bucket.find((s) => s.fn === fn);
    if (hit) return hit;
    await this.m.debug('Creating new state\n');
    const now = localtime(this.nowSecs, this.zone);
    const t = mktime({ year: now.year, mon: now.mon, mday: now.mday, hour: now.hour, min: 0, sec: 0 }, this.zone);
    const st: LogState = { fn, last: localtime(t, this.zone), doRotate: false, isUsed: false };
    bucket.unshift(st);
    return st;
  }

  /** readState: false after an error (the run's status becomes 1). */
  async read(sys: Sys, path: string, debug: boolean): Promise<boolean> {
    const m = this.m;
    await m.debug(`Reading state from file: ${path}\n`);
    let text = '';
    let ok = true;
    try {
      text = new TextDecoder('latin1').decode(await sys.readFile(path));
    } catch (e) {
      if (!isSysError(e)) throw e;
      if (!debug) {
        await m.error(`error opening state file ${path}: ${strerror(e.errno)}\n`);
        ok = false;
      } else if (e.errno === 'ENOENT') await m.debug(`state file ${path} does not exist\n`);
      else await m.error(`error opening state file ${path}; assuming empty state: ${strerror(e.errno)}\n`);
    }
    await this.allocate(Math.floor(text.length / 80 / 200));
    if (!ok || !text.length) return ok;
    const lines = text.split('\n');
    const top = lines.shift()!;
    if (!lines.length) {
      await m.error(`error reading top line of ${path}\n`);
      return false;
    }
    if (top !== 'logrotate state -- version 1' && top !== 'logrotate state -- version 2') {
      await m.error(`bad top line in state file ${path}\n`);
      return false;
    }
    let line = 1;
    const last = lines.pop();
    for (const l of lines) {
      line++;
      if (l === '') continue;
      const argv = parseArgvString(l);
      const dm = argv?.length === 2 ? /^\s*([+-]?\d+)-([+-]?\d+)-([+-]?\d+)(?:-([+-]?\d+)(?::([+-]?\d+)(?::([+-]?\d+))?)?)?/.exec(argv[1]!) : null;
      if (!argv || !dm) {
        await m.error(`bad line ${line} in state file ${path}\n`);
        return false;
      }
      const [year, month, day, hour, minute, second] = dm.slice(1).map((v) => (v === undefined ? 0 : Number(v))) as number[];
      const checks: [boolean, string, number][] = [
        [year !== 1900 && (year! < 1970 || year! > 2100), 'year', year!],
        [month! < 1 || month! > 12, 'month', month!],
        [day! < 0 || day! > 31, 'day', day!],
        [hour! < 0 || hour! > 23, 'hour', hour!],
        [minute! < 0 || minute! > 59, 'minute', minute!],
        [second! < 0 || second! > 59, 'second', second!],
      ];
      const bad = checks.find(([b]) => b);
      if (bad) {
        await m.error(`bad ${bad[1]} ${bad[2]} for file ${argv[0]} in state file ${path}\n`);
        return false;
      }
      const fn = argv[0]!.replace(/\\n/g, '\n');
      const st = await this.find(fn);
      st.last = localtime(mktime({ year: year!, mon: month! - 1, mday: day!, hour: hour!, min: minute!, sec: second! }, this.zone), this.zone);
    }
    if (last !== undefined && last !== '') {
      await m.error(`line ${line + 1} too long in state file ${path}\n`);
      return false;
    }
    return true;
  }

  /** writeState: through PATH.tmp, keeping the file's mode minus others' read. */
  async write(sys: Sys, path: string): Promise<boolean> {
    if (path === '/dev/null') return true;
    const m = this.m;
    let st: Stat;
    try {
      st = await sys.stat(path);
      await sys.access(path, 4);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await m.error(`error opening state file ${path}: ${strerror(e.errno)}\n`);
      return false;
    }
    if (st.kind !== 'file') {
      await m.error(`not writing state to ${path} because it is not a regular file\n`);
      return false;
    }
    let out = 'logrotate state -- version 2\n';
    for (const bucket of this.buckets) {
      for (const s of bucket) {
        const t = mktime(s.last, this.zone);
        if (!s.isUsed && this.nowSecs - t > SECONDS_IN_YEAR) {
          await m.debug(`Removing ${s.fn} from state file, because it does not exist and has not been rotated for one year\n`);
          continue;
        }
        const name = s.fn.replace(/["\\]/g, '\\$&').replace(/\n/g, '\\n');
        out += `"${name}" ${s.last.year}-${s.last.mon + 1}-${s.last.mday}-${s.last.hour}:${s.last.min}:${s.last.sec}\n`;
      }
    }
    const tmp = `${path}.tmp`;
    try {
      await sys.unlink(tmp).catch((e: unknown) => {
        if (!isSysError(e) || e.errno !== 'ENOENT') throw e;
      });
      const mode = st.mode & 0o7777 & ~0o004;
      await sys.writeFile(tmp, out, { mode });
      await sys.chmod(tmp, mode);
      await sys.chown(tmp, st.uid, st.gid).catch(() => undefined);
      await sys.rename(tmp, path);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await m.error(`error creating temp state file ${tmp}: ${strerror(e.errno)}\n`);
      return false;
    }
    return true;
  }
}

/** lockState: makes a missing state file (mode 0640); a world-readable one is not locked. */
export async function lockState(sys: Sys, m: Messages, path: string, skipLock: boolean, waitLock = false): Promise<boolean> {
  if (path === '/dev/null') return true;
  let fd: number;
  try {
    fd = await sys.open(path, { read: true, write: true });
  } catch (e) {
    if (!isSysError(e)) throw e;
    if (e.errno !== 'ENOENT') {
      await m.error(`error opening state file ${path}: ${strerror(e.errno)}\n`);
      return false;
    }
    await m.debug(`Creating stub state file: ${path}\n`);
    try {
      fd = await sys.open(path, { write: true, create: true, exclusive: true }, 0o640);
    } catch (e2) {
      if (!isSysError(e2)) throw e2;
      await m.error(`error creating stub state file ${path}: ${strerror(e2.errno)}\n`);
      return false;
    }
  }
  const st = sys.fstat(fd);
  if (skipLock) {
    sys.close(fd);
    await m.debug(`Skip locking state file ${path}\n`);
    return true;
  }
  if (st.mode & 0o004) {
    sys.close(fd);
    await m.warn(`state file ${path} is world-readable and thus can be locked from other unprivileged users. Skipping lock acquisition...\n`);
    return true;
  }
  if (waitLock) await m.debug(`waiting for lock on state file ${path}\n`);
  // the lock is held on this descriptor until the run ends
  for (;;) {
    try {
      sys.flock(fd, 'ex');
      break;
    } catch (e) {
      if (!isSysError(e)) throw e;
      if (e.errno === 'EAGAIN' && waitLock) {
        await sys.sleep(100);
        continue;
      }
      sys.close(fd);
      if (e.errno === 'EAGAIN') await m.error(`state file ${path} is already locked\nlogrotate does not support parallel execution on the same set of logfiles.\n`);
      else await m.error(`error acquiring lock on state file ${path}: ${strerror(e.errno)}\n`);
      return false;
    }
  }
  await m.debug(`acquired lock on state file ${path}\n`);
  return true;
}
