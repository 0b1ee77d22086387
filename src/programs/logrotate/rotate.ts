// Rotating one log set as logrotate 3.22 does: which of its logs are due (findNeedRotating),
// the names of the rotated copies (numbered or dated, in olddir, with the compress extension),
// shifting and removing old copies, renaming or copying the log, creating the new one, compressing
// through the compress command, and the scripts around it all, with -v's lines as it prints them.
import { type Errno, isSysError, strerror } from '../../shared/errno';
import type { Stat } from '../../shared/stat';
import type { Sys } from '../../shared/sys';
import { strftime } from '../lib/strftime';
import { localtime, mktime, type Tm, type TimeZone } from '../lib/tz';
import { glob } from '../shell/glob';
import { Crit, type LogInfo, NO_ID, NO_MODE } from './loginfo';
import type { Messages } from './messages';
import type { LogState, States } from './state';

const DAY = 86400;

export interface RotateRun {
  sys: Sys;
  m: Messages;
  states: States;
  nowSecs: number;
  zone: TimeZone;
  debug: boolean;
  force: boolean;
  mailCommand: string;
}

interface Names {
  dirName: string;
  baseName: string;
  firstRotated?: string;
  disposeName?: string;
  finalName?: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const stamp = (t: Tm): string => `${t.year}-${pad(t.mon + 1)}-${pad(t.mday)} ${pad(t.hour)}:${pad(t.min)}`;

function dirname(path: string): string {
  const i = path.replace(/\/+$/, '').lastIndexOf('/');
  if (i < 0) return '.';
  return i === 0 ? '/' : path.slice(0, i);
}

function basename(path: string): string {
  return path.replace(/\/+$/, '').split('/').pop() || path;
}

async function statOr(sys: Sys, path: string, follow = true): Promise<Stat | Errno> {
  try {
    return follow ? await sys.stat(path) : await sys.lstat(path);
  } catch (e) {
    if (!isSysError(e)) throw e;
    return e.errno;
  }
}

/** Runs `cmd argv` with the given descriptors; the wait status as a number (0 = success). */
async function run(r: RotateRun, path: string, argv: string[], fds: Map<number, number>, env?: Map<string, string>): Promise<number> {
  const { sys } = r;
  const pid = await sys.fork(async (child) => child.exec(path, argv, env ?? new Map(sys.env)), { fds });
  const w = await sys.wait(pid);
  const st = w?.status;
  if (st?.kind === 'exited') return st.code << 8;
  return st?.kind === 'signaled' ? st.signal : 1;
}

export async function runScript(r: RotateRun, logfn: string, logrotfn: string | undefined, script: string): Promise<number> {
  if (r.debug) {
    await r.m.debug(`running script with args ${logfn} ${logrotfn ?? ''}: "${script}"\n`);
    return 0;
  }
  await r.m.ctx.flush();
  const argv = ['sh', '-c', script, 'logrotate_script', logfn];
  if (logrotfn !== undefined) argv.push(logrotfn);
  return run(r, '/bin/sh', argv, new Map([[0, 0], [1, 1], [2, 2]]));
}

/** The ids files are made with under `su` (logrotate's effective ones then), else undefined. */
function suIds(r: RotateRun, log: LogInfo): [number, number] | undefined {
  return log.flags.has('su') && (log.suUid !== r.sys.geteuid() || log.suGid !== r.sys.getegid()) ? [log.suUid, log.suGid] : undefined;
}

/**
 * createOutputFile: a new file with the log's owner and mode (an existing one is moved aside).
 * Under `su` the file belongs to that user and group, who may not give it away.
 */
async function createOutputFile(r: RotateRun, name: string, mode: number, uid: number, gid: number, as?: [number, number]): Promise<boolean> {
  const { sys, m } = r;
  for (let i = 0; i < 2; i++) {
    try {
      const fd = await sys.open(name, { write: true, create: true, exclusive: true, noFollow: true }, 0o600 & mode);
      sys.close(fd);
      break;
    } catch (e) {
      if (!isSysError(e)) throw e;
      if (e.errno !== 'EEXIST' || i) {
        await m.error(`error creating output file ${name}: ${strerror(e.errno)}\n`);
        return false;
      }
      const backup = `${name}${strftime('-%Y%m%d%H', r.nowSecs * 1000, undefined, r.zone)}.backup`;
      await m.error(`destination ${name} already exists, renaming to ${backup}\n`);
      try {
        await sys.rename(name, backup);
      } catch (e2) {
        if (!isSysError(e2)) throw e2;
        await m.error(`error renaming already existing output file ${name} to ${backup}: ${strerror(e2.errno)}\n`);
        return false;
      }
    }
  }
  try {
    if (as) await sys.chown(name, as[0], as[1]);
    else if (sys.geteuid() === 0) await sys.chown(name, uid, gid);
    await sys.chmod(name, mode & 0o7777);
  } catch (e) {
    if (!isSysError(e)) throw e;
    await m.error(`error setting mode of ${name}: ${strerror(e.errno)}\n`);
    return false;
  }
  return true;
}

async function compressLogFile(r: RotateRun, name: string, log: LogInfo, sb: Stat): Promise<boolean> {
  const { sys, m } = r;
  const prog = log.compressProg ?? '/bin/gzip';
  await m.debug(`compressing log with: ${prog}\n`);
  if (r.debug) return false;
  let inFd: number;
  try {
    inFd = await sys.open(name, { read: true, noFollow: true });
  } catch (e) {
    if (!isSysError(e)) throw e;
    await m.error(`unable to open ${name} (read-only) for compression: ${strerror(e.errno)}\n`);
    return true;
  }
  const out = `${name}${log.compressExt ?? '.gz'}`;
  const src = sys.fstat(inFd);
  if (!(await createOutputFile(r, out, src.mode, src.uid, src.gid, suIds(r, log)))) {
    sys.close(inFd);
    return true;
  }
  const outFd = await sys.open(out, { write: true, truncate: true });
  const [errR, errW] = sys.pipe();
  const env = new Map(sys.env);
  env.set('LOGROTATE_COMPRESSED_FILENAME', name);
  await m.ctx.flush();
  const su = log.flags.has('su') && (log.suUid !== sys.getuid() || log.suGid !== sys.getgid());
  const pid = await sys.fork(
    async (child) => {
      if (su) {
        child.setgid(log.suGid, log.suGid);
        child.setuid(log.suUid, log.suUid);
      }
      try {
        return await child.exec(prog.includes('/') ? prog : await findInPath(child, prog), [prog, ...log.compressOptions], env);
      } catch (e) {
        if (!isSysError(e)) throw e;
        await child.write(2, `error: cannot execute compress command '${prog}': ${strerror(e.errno)}\n`);
        return 1;
      }
    },
    { fds: new Map([[0, inFd], [1, outFd], [2, errW]]) },
  );
  if (su) await m.debug(`switching uid to ${log.suUid} and gid to ${log.suGid} permanently (pid ${pid})\n`);
  sys.close(errW);
  sys.close(inFd);
  sys.close(outFd);
  let said = false;
  for (;;) {
    const chunk = await sys.read(errR);
    if (chunk === null) break;
    if (!said) {
      said = true;
      await m.error(`Compressing program wrote following message to stderr when compressing log ${name}:\n`);
    }
    await m.ctx.err.write(new TextDecoder().decode(chunk));
  }
  sys.close(errR);
  const w = await sys.wait(pid);
  if (w?.status.kind !== 'exited' || w.status.code !== 0) {
    await m.error(`failed to compress log ${name}\n`);
    await sys.unlink(out).catch(() => undefined);
    return true;
  }
  await sys.utimes(out, sb.atime, sb.mtime).catch(() => undefined);
  return (await shredFile(r, name, log)) !== false;
}

async function findInPath(sys: Sys, prog: string): Promise<string> {
  for (const dir of (sys.env.get('PATH') ?? '/usr/bin:/bin').split(':')) {
    const p = `${dir || '.'}/${prog}`;
    if (typeof (await statOr(sys, p)) !== 'string') return p;
  }
  return prog;
}

/**
 * shred_file: the preremove script first (a failure keeps the file), then with `shred` the
 * coreutils command over the file (`shred -u [-n N] -` on the open file), then the unlink.
 */
async function shredFile(r: RotateRun, name: string, log: LogInfo): Promise<false | true | Errno> {
  const { sys, m } = r;
  if (log.preremove) {
    await m.debug('running preremove script\n');
    if (await runScript(r, name, undefined, log.preremove)) {
      await m.error(`error running preremove script for ${name} of '${log.pattern}'. Not removing this file.\n`);
      return true;
    }
  }
  if (log.flags.has('shred')) {
    let fd: number;
    try {
      fd = await sys.open(name, { read: true, write: true, noFollow: true });
    } catch (e) {
      if (!isSysError(e)) throw e;
      await m.error(`error opening ${name}: ${strerror(e.errno)}\n`);
      return true;
    }
    if (!log.flags.has('allowhardlink') && sys.fstat(fd).nlink !== 1) {
      sys.close(fd);
      await m.error(`failed to shred "${name}", because shredding files with multiple hard links is disabled for ${log.pattern}.\n`);
      return true;
    }
    await m.debug(`Using shred to remove the file ${name}\n`);
    const argv = ['shred', '-u', ...(log.shredCycles ? ['-n', String(log.shredCycles)] : []), '-'];
    await m.ctx.flush();
    const pid = await forkWith(r, 'shred', argv, new Map([[0, 0], [1, fd], [2, 2]]), 'shred');
    sys.close(fd);
    if (await waitStatus(r, pid)) {
      await m.error(`Failed to shred ${name}, trying unlink\n`);
      return sys.unlink(name).then(
        () => false as const,
        (e: unknown) => (isSysError(e) ? e.errno : true),
      );
    }
  }
  try {
    await sys.unlink(name);
  } catch (e) {
    if (!isSysError(e)) throw e;
    if (e.errno !== 'ENOENT') return e.errno;
    await m.error(`error unlinking log file ${name}: ${strerror(e.errno)}\n`);
  }
  return false;
}

async function removeLogFile(r: RotateRun, name: string, log: LogInfo): Promise<boolean> {
  await r.m.debug(`removing old log ${name}\n`);
  if (r.debug) return false;
  const failed = await shredFile(r, name, log);
  if (typeof failed === 'string') await r.m.error(`Failed to remove old log ${name}: ${strerror(failed)}\n`);
  return failed !== false;
}

/** Starts `cmd` (found in PATH when it has no slash) in a child with these descriptors. */
function forkWith(r: RotateRun, cmd: string, argv: string[], fds: Map<number, number>, what: string): Promise<number> {
  return r.sys.fork(
    async (child) => {
      try {
        return await child.exec(cmd.includes('/') ? cmd : await findInPath(child, cmd), argv, new Map(child.env));
      } catch (e) {
        if (!isSysError(e)) throw e;
        await child.write(2, `error: cannot execute ${what} command: ${strerror(e.errno)}\n`);
        return 1;
      }
    },
    { fds },
  );
}

async function waitStatus(r: RotateRun, pid: number): Promise<number> {
  const w = await r.sys.wait(pid);
  return w?.status.kind === 'exited' ? w.status.code : 1;
}

/** mailLog: `mail -s SUBJECT ADDRESS` reading the log (through the uncompress command if given). */
async function mailLog(r: RotateRun, log: LogInfo, file: string, uncompress: string | undefined, subject: string): Promise<boolean> {
  const { sys, m } = r;
  let input: number;
  try {
    input = await sys.open(file, { read: true, noFollow: true });
  } catch (e) {
    if (!isSysError(e)) throw e;
    await m.error(`failed to open ${file} for mailing: ${strerror(e.errno)}\n`);
    return true;
  }
  await m.ctx.flush();
  let unzip: number | undefined;
  let mailIn = input;
  if (uncompress) {
    const [pr, pw] = sys.pipe();
    unzip = await forkWith(r, uncompress, [uncompress], new Map([[0, input], [1, pw], [2, 2]]), 'uncompress');
    sys.close(pw);
    sys.close(input);
    mailIn = pr;
  }
  const mailer = await forkWith(r, r.mailCommand, [r.mailCommand, '-s', subject, log.logAddress!], new Map([[0, mailIn], [2, 2]]), 'mail');
  sys.close(mailIn);
  let failed = false;
  if (await waitStatus(r, mailer)) {
    await m.error(`mail command failed for ${file}\n`);
    failed = true;
  }
  if (unzip !== undefined && (await waitStatus(r, unzip))) {
    await m.error(`uncompress command failed mailing ${file}\n`);
    failed = true;
  }
  return failed;
}

function mailLogWrapper(r: RotateRun, file: string, log: LogInfo, i: number): Promise<boolean> {
  let uncompress = log.flags.has('compress') ? log.uncompressProg : undefined;
  let subject = file;
  if (log.flags.has('mailfirst')) {
    if (log.flags.has('delaycompress')) uncompress = undefined;
    if (uncompress) subject = log.files[i]!;
  }
  return mailLog(r, log, file, uncompress, subject);
}

async function copyTruncate(r: RotateRun, cur: string, save: string, sb: Stat, log: LogInfo, skipCopy: boolean): Promise<boolean> {
  const { sys, m } = r;
  await m.debug(`${skipCopy ? 'skip ' : ''}copying ${cur} to ${save}\n`);
  if (!r.debug && !skipCopy) {
    let data: Uint8Array;
    try {
      data = await sys.readFile(cur);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await m.error(`error opening ${cur}: ${strerror(e.errno)}\n`);
      return true;
    }
    if (!(await createOutputFile(r, save, sb.mode, sb.uid, sb.gid, suIds(r, log)))) return true;
    await sys.writeFile(save, data);
  }
  if (log.flags.has('copytruncate')) {
    await m.debug(`truncating ${cur}\n`);
    if (!r.debug) {
      try {
        await sys.truncate(cur, 0);
      } catch (e) {
        if (!isSysError(e)) throw e;
        await m.error(`error truncating ${cur}: ${strerror(e.errno)}\n`);
        return true;
      }
    }
  } else await m.debug(`Not truncating ${cur}\n`);
  return false;
}

function dateOnly(t: Tm, zone: TimeZone): number {
  return mktime({ year: t.year, mon: t.mon, mday: t.mday, hour: 0, min: 0, sec: 0 }, zone);
}

async function findNeedRotating(r: RotateRun, log: LogInfo, i: number): Promise<boolean> {
  const { sys, m } = r;
  const file = log.files[i]!;
  await m.debug(`considering log ${file}\n`);
  const now = localtime(r.nowSecs, r.zone);
  if (!log.flags.has('su') && sys.getuid() === 0) {
    const ld = dirname(file);
    const st = await statOr(sys, ld);
    if (typeof st === 'string') {
      if (st !== 'ENOENT' || !log.flags.has('missingok')) {
        await m.error(`stat of ${ld} failed: ${strerror(st)}\n`);
        return true;
      }
      return false;
    }
    if ((st.gid !== 0 && st.mode & 0o020) || st.mode & 0o002) {
      await m.error(
        `skipping "${file}" because parent directory has insecure permissions (It's world writable or writable by group which is not "root") Set "su" directive in config file to tell logrotate which user/group should be used for rotation.\n`,
      );
      return true;
    }
  }
  const sb = await statOr(sys, file, false);
  if (typeof sb === 'string') {
    if (log.flags.has('missingok') && sb === 'ENOENT') {
      await m.debug(`  log ${file} does not exist -- skipping\n`);
      return false;
    }
    await m.error(`stat of ${file} failed: ${strerror(sb)}\n`);
    return true;
  }
  const state = await r.states.find(file);
  state.doRotate = false;
  state.sb = sb;
  state.isUsed = true;
  if (sb.kind === 'symlink') {
    await m.debug(`  log ${file} is symbolic link. Rotation of symbolic links is not allowed to avoid security issues -- skipping.\n`);
    return false;
  }
  if (!log.flags.has('allowhardlink') && sb.nlink !== 1) {
    await m.debug(`  log ${file} has multiple (${sb.nlink}) hard links. Rotation of files with multiple hard links is not allowed for ${log.pattern} -- skipping.\n`);
    return false;
  }
  const last = state.last;
  await m.debug(`  Now: ${stamp(now)}\n`);
  await m.debug(`  Last rotated at ${stamp(last)}\n`);
  const notNeeded = (why: string): Promise<void> => m.debug(`  log does not need rotating (${why})\n`);
  const since = (what: string): Promise<void> => notNeeded(`log has been rotated at ${stamp(last)}, which is less than ${what} ago`);
  if (r.force) state.doRotate = true;
  else if (log.maxsize && sb.size > log.maxsize) state.doRotate = true;
  else if (log.criterium === Crit.Size) {
    state.doRotate = sb.size >= log.threshold;
    if (!state.doRotate) await notNeeded("log size is below the 'size' threshold");
  } else if (mktime(last, r.zone) - mktime(now, r.zone) > 25 * 3600) {
    await m.error(`log ${file} last rotated in the future -- rotation forced\n`);
    state.doRotate = true;
  } else if (last.year !== now.year || last.mon !== now.mon || last.mday !== now.mday || last.hour !== now.hour) {
    const days = Math.trunc((dateOnly(now, r.zone) - dateOnly(last, r.zone)) / DAY);
    switch (log.criterium) {
      case Crit.Weekly:
        state.doRotate = days >= 7 || (days >= 1 && now.wday === log.weekday);
        if (!state.doRotate) await since('a week');
        break;
      case Crit.Hourly:
        state.doRotate = true;
        break;
      case Crit.Days:
        state.doRotate = now.mday !== last.mday || now.mon !== last.mon || now.year !== last.year;
        if (!state.doRotate) await since('a day');
        break;
      case Crit.Monthly:
        state.doRotate = now.mon !== last.mon || now.year !== last.year;
        if (!state.doRotate) await since('a month');
        break;
      case Crit.Yearly:
        state.doRotate = now.year !== last.year;
        if (!state.doRotate) await since('a year');
        break;
      default:
        state.doRotate = false;
    }
    if (log.minsize && sb.size < log.minsize) {
      state.doRotate = false;
      await notNeeded("'minsize' directive is used and the log size is smaller than the minsize value");
    }
    if (log.rotateMinAge && log.rotateMinAge * DAY >= r.nowSecs - Math.floor(sb.mtime / 1000)) {
      state.doRotate = false;
      await notNeeded("'minage' directive is used and the log age is smaller than the minage days");
    }
  } else if (!state.doRotate) await notNeeded('log has already been rotated');
  if (state.doRotate && !log.flags.has('ifempty') && !sb.size) {
    state.doRotate = false;
    await notNeeded('log is empty');
  }
  if (state.doRotate) await m.debug('  log needs rotating\n');
  return false;
}

/** strftime's conversions a dateformat may use, and the glob each stands for. */
function dateGlob(format: string): { pattern: string; fmt: string } {
  let pattern = '';
  let fmt = '';
  const f = format.replace(/^ +/, '');
  for (let i = 0; i < f.length; i++) {
    const c = f[i]!;
    if (c !== '%') {
      pattern += c;
      fmt += c;
      continue;
    }
    const d = f[i + 1];
    if (d === 'Y') pattern += '[0-9][0-9][0-9][0-9]';
    else if (d && 'mdHMSV'.includes(d)) pattern += '[0-9][0-9]';
    else if (d === 's') pattern += '[0-9]'.repeat(10);
    else if (d === 'z') pattern += '[-+][0-9][0-9][0-9][0-9]';
    else {
      // any other conversion is kept as a literal "%"
      pattern += '%';
      fmt += '%%';
      continue;
    }
    fmt += `%${d}`;
    i++;
  }
  return { pattern, fmt };
}

/** strptime then mktime as sortGlobResult does: the fields read before a mismatch count. */
function dateKey(text: string, fmt: string, zone: TimeZone): number {
  const tm = { year: 1900, mon: 0, mday: 0, hour: 0, min: 0, sec: 0 };
  let p = 0;
  const num = (max: number): number | undefined => {
    const mm = new RegExp(`^[+-]?\\d{1,${max}}`).exec(text.slice(p));
    if (!mm) return undefined;
    p += mm[0].length;
    return Number(mm[0]);
  };
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i]!;
    if (c !== '%') {
      if (text[p] !== c) break;
      p++;
      continue;
    }
    const d = fmt[++i];
    if (d === '%') {
      if (text[p] !== '%') break;
      p++;
      continue;
    }
    const width = d === 'Y' ? 4 : d === 's' ? 20 : d === 'z' ? 5 : 2;
    const v = d === 'z' ? (/^[+-]\d{4}/.test(text.slice(p)) ? ((p += 5), 0) : undefined) : num(width);
    if (v === undefined) break;
    if (d === 'Y') tm.year = v;
    else if (d === 'm') tm.mon = v - 1;
    else if (d === 'd') tm.mday = v;
    else if (d === 'H') tm.hour = v;
    else if (d === 'M') tm.min = v;
    else if (d === 'S') tm.sec = v;
    else if (d === 's') Object.assign(tm, localtime(v, zone));
  }
  return mktime(tm, zone);
}

function sortByDate(files: string[], prefixLen: number, fmt: string, zone: TimeZone): string[] {
  if (!fmt) return files;
  const keyed = files.map((f) => [dateKey(f.slice(prefixLen), fmt, zone), f] as const);
  return keyed.sort((a, b) => a[0] - b[0]).map(([, f]) => f);
}

async function globFiles(r: RotateRun, pattern: string): Promise<string[]> {
  try {
    return await glob(r.sys, pattern, { dotglob: false, globstar: false, extglob: false, bytes: true });
  } catch {
    return [];
  }
}

async function prerotateSingleLog(r: RotateRun, log: LogInfo, i: number, state: LogState, names: Names): Promise<boolean> {
  const { sys, m } = r;
  if (!state.doRotate) return false;
  let hasErrors = false;
  const file = log.files[i]!;
  let rotateCount = log.rotateCount ? log.rotateCount : 1;
  await m.debug(`rotating log ${file}, log->rotateCount is ${log.rotateCount}\n`);
  let compext = '';
  if (log.flags.has('compress')) {
    if (!log.compressExt) {
      await m.error(`log ${file}: compression enabled, but compression extension is not set\n`);
      return true;
    }
    compext = log.compressExt;
  }
  let now = localtime(r.nowSecs, r.zone);
  state.last = now;
  const ld = dirname(file);
  names.dirName = log.oldDir ? (log.oldDir.startsWith('/') ? log.oldDir : `${ld}/${log.oldDir}`) : ld;
  names.baseName = basename(file);
  let fileext = '';
  if (log.addextension) {
    if (names.baseName.endsWith(log.addextension)) names.baseName = names.baseName.slice(0, -log.addextension.length);
    fileext = log.addextension;
  }
  if (log.extension && names.baseName.endsWith(log.extension)) {
    fileext = log.extension;
    names.baseName = names.baseName.slice(0, -log.extension.length);
  }
  if (log.flags.has('dateyesterday')) now = localtime(mktime({ ...now, hour: 12, mday: now.mday - 1 }, r.zone), r.zone);
  if (log.flags.has('datehourago')) now = localtime(mktime({ ...now, hour: now.hour - 1 }, r.zone), r.zone);
  let dformat: string;
  let dpattern: string;
  let sortFormat = '';
  if (log.dateformat) {
    const g = dateGlob(log.dateformat);
    dformat = g.fmt;
    dpattern = g.pattern;
    sortFormat = dformat;
    await m.debug(`Converted '${log.dateformat}' -> '${dformat}'\n`);
  } else if (log.criterium === Crit.Hourly) {
    dformat = '-%Y%m%d%H';
    dpattern = `-${'[0-9]'.repeat(10)}`;
  } else {
    dformat = '-%Y%m%d';
    dpattern = `-${'[0-9]'.repeat(8)}`;
  }
  const nowMs = mktime(now, r.zone) * 1000;
  const dext = strftime(dformat, nowMs, 0, r.zone);
  if (!dext) {
    await m.error(`failed to apply date format '${dformat}'\n`);
    return true;
  }
  await m.debug(`dateext suffix '${dext}'\n`);
  await m.debug(`glob pattern '${dpattern}'\n`);
  const dir = names.dirName;
  const base = names.baseName;
  const dateext = log.flags.has('dateext');
  const delay = log.flags.has('delaycompress');

  if (log.flags.has('compress') && delay) {
    if (dateext) {
      const found = sortByDate(await globFiles(r, `${dir}/${base}${dpattern}${fileext}`), dir.length + 1 + base.length, sortFormat, r.zone);
      if (found.length) {
        for (const old of found) {
          if (hasErrors) break;
          const st = await statOr(sys, old);
          if (typeof st === 'string') {
            if (st === 'ENOENT') await m.debug(`previous log ${old} does not exist\n`);
            else await m.error(`cannot stat ${old}: ${strerror(st)}\n`);
          } else hasErrors = await compressLogFile(r, old, log, st);
        }
      } else await m.debug('glob finding logs to compress failed\n');
    } else {
      const old = `${dir}/${base}.${log.logStart}${fileext}`;
      const st = await statOr(sys, old);
      if (typeof st === 'string') {
        if (st === 'ENOENT') await m.debug(`previous log ${old} does not exist\n`);
        else await m.error(`cannot stat ${old}: ${strerror(st)}\n`);
      } else hasErrors = await compressLogFile(r, old, log, st);
    }
  }

  if (dateext) {
    const found = sortByDate(await globFiles(r, `${dir}/${base}${dpattern}${fileext}${compext}`), dir.length + 1 + base.length, sortFormat, r.zone);
    if (found.length) {
      let mailOut = -1;
      for (let k = 0; k < found.length; k++) {
        const st = await statOr(sys, found[k]!);
        if (typeof st === 'string') continue;
        const aged = log.rotateAge > 0 && Math.trunc((r.nowSecs - Math.floor(st.mtime / 1000)) / DAY) > log.rotateAge;
        if ((found.length >= rotateCount && k <= found.length - rotateCount) || aged) {
          if (mailOut !== -1) {
            if (!hasErrors && log.logAddress) hasErrors = await mailLogWrapper(r, found[mailOut]!, log, i);
            if (!hasErrors) {
              await m.debug(`removing ${found[mailOut]}\n`);
              hasErrors = await removeLogFile(r, found[mailOut]!, log);
            }
          }
          mailOut = k;
        }
      }
      names.disposeName = mailOut !== -1 ? found[mailOut] : undefined;
    } else {
      await m.debug('glob finding old rotated logs failed\n');
      names.disposeName = undefined;
    }
    names.firstRotated = `${dir}/${base}${dext}${fileext}${delay ? '' : compext}`;
  } else {
    if (rotateCount === -1) {
      const found = await globFiles(r, `${dir}/${base}.*${fileext}${compext}`);
      rotateCount = 0;
      for (const f of found) {
        const mid = f.slice(`${dir}/${base}.`.length, f.length - (fileext + compext).length);
        if (/^[0-9]+$/.test(mid)) rotateCount = Math.max(rotateCount, Number(mid));
      }
    }
    let oldName = `${dir}/${base}.${log.logStart + rotateCount}${fileext}${compext}`;
    if (log.rotateCount !== -1) names.disposeName = oldName;
    names.firstRotated = `${dir}/${base}.${log.logStart}${fileext}${delay ? '' : compext}`;
    for (let k = rotateCount + log.logStart - 1; k >= log.logStart && !hasErrors; k--) {
      const newName = oldName;
      oldName = `${dir}/${base}.${k}${fileext}${compext}`;
      if (log.rotateAge) {
        const st = await statOr(sys, oldName);
        if (typeof st === 'string') {
          if (st === 'ENOENT') await m.debug(`old log ${oldName} does not exist\n`);
          else {
            await m.error(`cannot stat ${oldName}: ${strerror(st)}\n`);
            hasErrors = true;
          }
          continue;
        }
        if (Math.trunc((r.nowSecs - Math.floor(st.mtime / 1000)) / DAY) > log.rotateAge) {
          if (!hasErrors && log.logAddress) hasErrors = await mailLogWrapper(r, oldName, log, i);
          if (!hasErrors) hasErrors = await removeLogFile(r, oldName, log);
          continue;
        }
      }
      await m.debug(`renaming ${oldName} to ${newName} (rotatecount ${rotateCount}, logstart ${log.logStart}, i ${k}), \n`);
      if (!r.debug) {
        try {
          await sys.rename(oldName, newName);
        } catch (e) {
          if (!isSysError(e)) throw e;
          if (e.errno === 'ENOENT') await m.debug(`old log ${oldName} does not exist\n`);
          else {
            await m.error(`error renaming ${oldName} to ${newName}: ${strerror(e.errno)}\n`);
            hasErrors = true;
          }
        }
      }
    }
  }
  if (dateext) {
    names.finalName = `${dir}/${base}${dext}${fileext}`;
    if (typeof (await statOr(sys, `${names.finalName}${compext}`)) !== 'string') {
      await m.error(`destination ${names.firstRotated} already exists, skipping rotation\n`);
      hasErrors = true;
    }
  } else names.finalName = `${dir}/${base}.${log.logStart}${fileext}`;
  if (names.disposeName && typeof (await statOr(sys, names.disposeName, false)) === 'string') {
    await m.debug(`log ${names.disposeName} doesn't exist -- won't try to dispose of it\n`);
    names.disposeName = undefined;
  }
  return hasErrors;
}

async function rotateSingleLog(r: RotateRun, log: LogInfo, i: number, state: LogState, names: Names): Promise<boolean> {
  const { sys, m } = r;
  if (!state.doRotate) return false;
  const file = log.files[i]!;
  let hasErrors = false;
  const copying = log.flags.has('copytruncate') || log.flags.has('copy');
  if (!copying) {
    const to = log.flags.has('tmpfilename') ? `${file}.tmp` : names.finalName!;
    await m.debug(`renaming ${file} to ${to}\n`);
    if (!r.debug) {
      try {
        await sys.rename(file, to);
      } catch (e) {
        if (!isSysError(e)) throw e;
        await m.error(`failed to rename ${file} to ${to}: ${strerror(e.errno)}\n`);
        hasErrors = true;
      }
    }
    if (!log.rotateCount) {
      const ext = log.compressExt && log.flags.has('compress') && !log.flags.has('delaycompress') ? log.compressExt : '';
      names.disposeName = `${names.finalName}${ext}`;
      await m.debug(`disposeName will be ${names.disposeName}\n`);
    }
  }
  if (!hasErrors && log.flags.has('create') && !copying) {
    const sb = state.sb!;
    const uid = log.createUid === NO_ID ? sb.uid : log.createUid;
    const gid = log.createGid === NO_ID ? sb.gid : log.createGid;
    const mode = log.createMode === NO_MODE ? sb.mode & 0o777 : log.createMode;
    await m.debug(`creating new ${file} mode = 0${mode.toString(8)} uid = ${uid} gid = ${gid}\n`);
    if (!r.debug && !(await createOutputFile(r, file, mode, uid, gid, suIds(r, log)))) hasErrors = true;
  }
  if (!hasErrors && copying && !log.flags.has('tmpfilename')) {
    hasErrors = await copyTruncate(r, file, names.finalName!, state.sb!, log, !log.rotateCount && !log.logAddress);
  }
  return hasErrors;
}

async function postrotateSingleLog(r: RotateRun, log: LogInfo, i: number, state: LogState, names: Names): Promise<boolean> {
  const { sys, m } = r;
  if (!state.doRotate) return false;
  let hasErrors = false;
  const file = log.files[i]!;
  if (log.flags.has('tmpfilename')) {
    const tmp = `${file}.tmp`;
    hasErrors = await copyTruncate(r, tmp, names.finalName!, state.sb!, log, false);
    await m.debug(`removing tmp log ${tmp}\n`);
    if (!r.debug && !hasErrors) await sys.unlink(tmp).catch(() => undefined);
  }
  if (!hasErrors && log.flags.has('compress') && !log.flags.has('delaycompress')) {
    const skipped = (log.flags.has('copytruncate') || log.flags.has('copy')) && !log.flags.has('tmpfilename') && !log.rotateCount && !log.logAddress;
    if (!skipped) hasErrors = await compressLogFile(r, names.finalName!, log, state.sb!);
  }
  if (!hasErrors && log.logAddress) {
    const mailFile = log.flags.has('mailfirst') ? names.firstRotated : names.disposeName;
    if (mailFile) hasErrors = await mailLogWrapper(r, mailFile, log, i);
  }
  if (!hasErrors && names.disposeName) hasErrors = await removeLogFile(r, names.disposeName, log);
  return hasErrors;
}

function describe(log: LogInfo, force: boolean): string {
  let s = `\nrotating pattern: ${log.pattern} `;
  if (force) s += 'forced from command line ';
  else s += ['hourly ', `after ${log.threshold} days `, 'weekly ', 'monthly ', 'yearly ', `${log.threshold} bytes `][log.criterium];
  if (log.oldDir) s += `olddir is ${log.oldDir}, `;
  s += log.flags.has('ifempty') ? 'empty log files are rotated, ' : 'empty log files are not rotated, ';
  if (log.minsize) s += `only log files >= ${log.minsize} bytes are rotated, `;
  if (log.maxsize) s += `log files >= ${log.maxsize} are rotated earlier, `;
  if (log.rotateMinAge) s += `only log files older than ${log.rotateMinAge} days are rotated, `;
  if (log.rotateCount === -1 && log.rotateAge === 0) return `${s}old logs are kept forever\n`;
  if (log.logAddress) s += `old logs mailed to ${log.logAddress}, `;
  if (log.rotateCount === 0) return `${s}no old logs will be kept\n`;
  s += log.rotateCount === -1 ? '(unlimited rotations), ' : `(${log.rotateCount} rotations), `;
  s += 'old logs are removed';
  if (log.rotateAge > 0) s += ` after ${log.rotateAge} days`;
  return `${s}\n`;
}

export async function rotateLogSet(r: RotateRun, log: LogInfo): Promise<boolean> {
  const { m } = r;
  await m.debug(describe(log, r.force));
  const n = log.files.length;
  if (!n) {
    await m.debug('No logs found. Rotation not needed.\n');
    return false;
  }
  const shared = log.flags.has('sharedscripts');
  // su: logrotate takes the user's ids as its effective ones for the set. The simulated kernel
  // cannot hand root back to a process that gave it up, so only the messages are shown here;
  // the compress command still runs as that user.
  const su = log.flags.has('su') && (r.sys.geteuid() !== log.suUid || r.sys.getegid() !== log.suGid);
  const [euid, egid] = [r.sys.geteuid(), r.sys.getegid()];
  const switchBack = (): Promise<void> =>
    m.debug(`switching euid from ${log.suUid} to ${euid} and egid from ${log.suGid} to ${egid} (pid ${r.sys.pid})\n`);
  if (su) await m.debug(`switching euid from ${euid} to ${log.suUid} and egid from ${egid} to ${log.suGid} (pid ${r.sys.pid})\n`);
  let hasErrors = false;
  const logErr: boolean[] = [];
  let numRotated = 0;
  for (let i = 0; i < n; i++) {
    logErr[i] = await findNeedRotating(r, log, i);
    hasErrors ||= logErr[i]!;
    if ((await r.states.find(log.files[i]!)).doRotate) numRotated++;
  }
  if (log.first) {
    if (!numRotated) await m.debug('not running first action script, since no logs will be rotated\n');
    else {
      await m.debug('running first action script\n');
      if (await runScript(r, log.pattern, undefined, log.first)) {
        await m.error(`error running first action script for ${log.pattern}\n`);
        if (su) await switchBack();
        return true;
      }
    }
  }
  const state: LogState[] = [];
  const names: Names[] = [];
  const skip = (i: number): boolean => (shared ? hasErrors : logErr[i]!);
  for (let j = 0; shared ? j < 1 : j < n; j++) {
    const group = shared ? [...Array(n).keys()] : [j];
    for (const i of group) {
      state[i] = await r.states.find(log.files[i]!);
      names[i] = { dirName: '', baseName: '' };
    }
    if (log.pre && !(shared ? hasErrors : logErr[j] || !state[j]!.doRotate)) {
      if (!numRotated) await m.debug('not running prerotate script, since no logs will be rotated\n');
      else {
        await m.debug('running prerotate script\n');
        if (await runScript(r, shared ? log.pattern : log.files[j]!, undefined, log.pre)) {
          if (shared) await m.error(`error running shared prerotate script for '${log.pattern}'\n`);
          else await m.error(`error running non-shared prerotate script for ${log.files[j]} of '${log.pattern}'\n`);
          logErr[j] = true;
          hasErrors = true;
        }
      }
    }
    for (const i of group) {
      if (skip(i)) continue;
      logErr[i] = (await prerotateSingleLog(r, log, i, state[i]!, names[i]!)) || logErr[i]!;
      hasErrors ||= logErr[i]!;
    }
    for (const i of group) {
      if (skip(i)) continue;
      logErr[i] = (await rotateSingleLog(r, log, i, state[i]!, names[i]!)) || logErr[i]!;
      hasErrors ||= logErr[i]!;
    }
    if (log.post && !(shared ? hasErrors : logErr[j] || !state[j]!.doRotate)) {
      if (!numRotated) await m.debug('not running postrotate script, since no logs were rotated\n');
      else {
        await m.debug('running postrotate script\n');
        if (await runScript(r, shared ? log.pattern : log.files[j]!, shared ? undefined : names[j]!.finalName, log.post)) {
          if (shared) await m.error(`error running shared postrotate script for '${log.pattern}'\n`);
          else await m.error(`error running non-shared postrotate script for ${log.files[j]} of '${log.pattern}'\n`);
          logErr[j] = true;
          hasErrors = true;
        }
      }
    }
    for (const i of group) {
      if (skip(i)) continue;
      logErr[i] = (await postrotateSingleLog(r, log, i, state[i]!, names[i]!)) || logErr[i]!;
      hasErrors ||= logErr[i]!;
    }
  }
  if (log.last) {
    if (!numRotated) await m.debug('not running last action script, since no logs will be rotated\n');
    else {
      await m.debug('running last action script\n');
      if (await runScript(r, log.pattern, undefined, log.last)) {
        await m.error(`error running last action script for ${log.pattern}\n`);
        hasErrors = true;
      }
    }
  }
  if (su) await switchBack();
  return hasErrors;
}
