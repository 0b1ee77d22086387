// One configuration cycle (ngx_init_cycle): read and check the configuration, then, unless only
// signalling, test or create the pid file, create the temporary directories, open the log files
// and the listening sockets (five tries, 500ms apart, while an address is in use). A reload runs
// it again inside the master and keeps the sockets the new configuration still listens on.
import { isSysError } from '../../shared/errno';
import type { SocketReply } from '../../shared/services/sockets';
import type { Sys } from '../../shared/sys';
import { Accounts } from '../lib/accounts';
import type { TimeZone } from '../lib/tz';
import { fnmatch } from '../lib/fnmatch';
import { resolveHost } from '../network-tools/netlib';
import type { ListenPlan } from './conf-http';
import type { CoreConf, LocConf } from './conf-model';
import type { DumpedFile } from './conf-parse';
import { readConfiguration } from './conf-read';
import { EMERG, ERR, NOTICE, WARN, type LogLevel } from './conf-values';
import { errnoSuffix, ErrorLog, openAppend, stderrLine, type LogSink } from './log';
import { ERROR_LOG_PATH, HTTP_LOG_PATH, PID_PATH } from './options';

export interface CycleParams {
  /** Ends with "/". */
  prefix: string;
  confFile: string;
  /** The -e log ('' for stderr), or undefined for the compiled-in one. */
  errorLog?: string;
  params?: string;
  test: boolean;
  quiet: boolean;
  signaller: boolean;
}

export interface OpenSocket {
  text: string;
  id: number;
  ipv6only: boolean;
  plan: ListenPlan;
}

export interface Cycle {
  params: CycleParams;
  core: CoreConf;
  plan: ListenPlan[];
  dump: DumpedFile[];
  pidPath: string;
  log: ErrorLog;
  /** Log files this cycle opened, by path. */
  files: Map<string, number>;
  sockets: OpenSocket[];
  accounts: Accounts;
}

const decoder = new TextDecoder();

export function errorLogPath(p: CycleParams): string {
  const e = p.errorLog ?? ERROR_LOG_PATH;
  return e === '' || e.startsWith('/') ? e : `${p.prefix}${e}`;
}

async function glob(sys: Sys, pattern: string): Promise<string[]> {
  const parts = pattern.split('/').filter(Boolean);
  let paths = [''];
  for (const [i, part] of parts.entries()) {
    const next: string[] = [];
    for (const base of paths) {
      if (!/[*?[]/.test(part)) {
        next.push(`${base}/${part}`);
        continue;
      }
      let names: string[];
      try {
        names = await sys.readdir(base || '/');
      } catch {
        continue;
      }
      for (const n of names.sort()) if (fnmatch(part, n, { period: true })) next.push(`${base}/${n}`);
    }
    paths = next;
    if (i === parts.length - 1) break;
  }
  const out: string[] = [];
  for (const p of paths) {
    try {
      await sys.stat(p);
      out.push(p);
    } catch {
      // glob(3) lists only what exists
    }
  }
  return out.sort();
}

/** Every access log the servers and locations use (the default one where a level has none). */
function accessLogs(core: CoreConf): string[] {
  const out: string[] = [];
  let defaulted = false;
  const walk = (loc: LocConf): void => {
    let own: LocConf['accessLogs'];
    for (let l: LocConf | undefined = loc; l; l = l.parent) if (l.accessLogs !== undefined) {
      own = l.accessLogs;
      break;
    }
    if (own === undefined) defaulted = true;
    else if (own !== 'off') for (const a of own) if (!out.includes(a.path) && !a.path.includes('$')) out.push(a.path);
    for (const c of loc.locations) walk(c);
  };
  for (const s of core.http?.servers ?? []) walk(s.loc);
  if (defaulted && !out.includes(HTTP_LOG_PATH)) out.push(HTTP_LOG_PATH);
  return out;
}

function errorLogs(core: CoreConf, fallback: string): { path: string; level: LogLevel }[] {
  const list: { path: string; level: LogLevel }[] = core.errorLogs.length ? [...core.errorLogs] : [{ path: fallback, level: ERR }];
  const walk = (loc: LocConf): void => {
    for (const e of loc.errorLogs ?? []) list.push(e);
    for (const c of loc.locations) walk(c);
  };
  if (core.http) walk(core.http.loc);
  for (const s of core.http?.servers ?? []) walk(s.loc);
  return list;
}

/** Runs one cycle; failures are logged on `log` and give undefined. */
export async function initCycle(sys: Sys, p: CycleParams, log: ErrorLog, tz: TimeZone, opts: { old?: Cycle; bind: boolean }): Promise<Cycle | undefined> {
  const old = opts.old;
  const accounts = await Accounts.load(sys);
  const read = await readConfiguration({
    prefix: p.prefix,
    confFile: p.confFile,
    ...(p.params !== undefined ? { params: p.params } : {}),
    euid: sys.geteuid(),
    accounts,
    hostname: sys.uname().nodename,
    resolve: async (host) => {
      const r = await resolveHost(sys, host, 0);
      return r.ok ? r.addresses : undefined;
    },
    exists: async (path) => sys.stat(path).then(() => true, () => false),
    read: async (path) => decoder.decode(await sys.readFile(path)),
    glob: (pattern) => glob(sys, pattern),
    warn: (m) => log.log(WARN, m),
    syntaxOk: async () => {
      if (p.test && !p.quiet) await stderrLine(sys, `the configuration file ${p.confFile} syntax is ok`);
    },
  });
  if (!read.ok) {
    await log.log(EMERG, read.message);
    return undefined;
  }
  const builder = read.builder;
  const opened: number[] = [];
  const newSockets: number[] = [];
  const fail = async (message?: string): Promise<undefined> => {
    if (message !== undefined) await log.log(EMERG, message);
    for (const fd of opened) sys.close(fd);
    for (const id of newSockets) await sys.call('sockets', { kind: 'close', id }).catch(() => undefined);
    return undefined;
  };
  const core = builder.core;
  const pidText = core.pid ?? PID_PATH;
  const pidPath = pidText.startsWith('/') ? pidText : `${p.prefix}${pidText}`;
  const cycle: Cycle = { params: p, core, plan: builder.plan, dump: read.dump, pidPath, log, files: new Map(), sockets: [], accounts };
  if (p.signaller) return cycle;
  const pidFail = async (e: unknown): Promise<undefined> => fail(`open() "${pidPath}" failed${errnoSuffix(e) ?? ''}`);
  if (p.test) {
    try {
      sys.close(await sys.open(pidPath, { read: true, write: true, create: true }, 0o644));
    } catch (e) {
      if (!isSysError(e)) throw e;
      return pidFail(e);
    }
  } else if (old && old.pidPath !== pidPath) {
    try {
      await sys.writeFile(pidPath, `${sys.pid}\n`);
      await sys.unlink(old.pidPath).catch(() => undefined);
    } catch (e) {
      if (!isSysError(e)) throw e;
      return pidFail(e);
    }
  }
  if (core.http) {
    for (const name of ['client_body_temp', 'proxy_temp', 'fastcgi_temp', 'uwsgi_temp', 'scgi_temp']) {
      const path = `${p.prefix}${name}`;
      try {
        await sys.mkdir(path, 0o700);
      } catch (e) {
        if (!isSysError(e)) throw e;
        if (e.errno !== 'EEXIST') return fail(`mkdir() "${path}" failed${errnoSuffix(e)}`);
      }
      if (core.user) {
        const st = await sys.stat(path).catch(() => undefined);
        if (st && st.uid !== core.user.uid) await sys.chown(path, core.user.uid, -1).catch(() => undefined);
      }
    }
  }
  const sinks: LogSink[] = [];
  const openFile = async (path: string): Promise<number | string> => {
    const have = cycle.files.get(path);
    if (have !== undefined) return have;
    try {
      const fd = await openAppend(sys, path);
      sys.setCloexec(fd, true);
      opened.push(fd);
      cycle.files.set(path, fd);
      return fd;
    } catch (e) {
      if (!isSysError(e)) throw e;
      return `open() "${path}" failed${errnoSuffix(e)}`;
    }
  };
  for (const e of errorLogs(core, errorLogPath(p))) {
    if (e.path === '-') continue;
    if (e.path === '') {
      sinks.push({ fd: 'stderr', level: e.level, path: '' });
      continue;
    }
    const fd = await openFile(e.path);
    if (typeof fd === 'string') return fail(fd);
    if (!sinks.some((s) => s.path === e.path)) sinks.push({ fd, level: e.level, path: e.path });
  }
  for (const path of accessLogs(core)) {
    const fd = await openFile(path);
    if (typeof fd === 'string') return fail(fd);
  }
  if (opts.bind && !(await openSockets(sys, cycle, log, old, newSockets))) return fail();
  cycle.log = new ErrorLog(sys, sinks, tz);
  cycle.log.useStderr = log.useStderr;
  return cycle;
}

function bindError(errno: string): string {
  if (errno === 'EADDRINUSE') return '(98: Address already in use)';
  if (errno === 'EACCES') return '(13: Permission denied)';
  return '(22: Invalid argument)';
}

/** The listening sockets of a cycle read without them (the daemon's master opens them). */
export async function openListening(sys: Sys, cycle: Cycle, log: ErrorLog): Promise<boolean> {
  const fresh: number[] = [];
  if (await openSockets(sys, cycle, log, undefined, fresh)) return true;
  for (const id of fresh) await sys.call('sockets', { kind: 'close', id }).catch(() => undefined);
  cycle.sockets = [];
  return false;
}

/** ngx_open_listening_sockets; false once the failure is logged. */
async function openSockets(sys: Sys, cycle: Cycle, log: ErrorLog, old: Cycle | undefined, fresh: number[]): Promise<boolean> {
  const test = cycle.params.test;
  const pending = [...cycle.plan];
  for (const pl of [...pending]) {
    const keep = old?.sockets.find((s) => s.text === pl.text && s.ipv6only === pl.ipv6only);
    if (keep) {
      cycle.sockets.push({ ...keep, plan: pl });
      pending.splice(pending.indexOf(pl), 1);
    }
  }
  let failed = false;
  for (let tries = 5; tries > 0; tries--) {
    failed = false;
    for (const pl of [...pending]) {
      const r = (await sys.call('sockets', { kind: 'listen', proto: 'tcp', family: pl.family, address: pl.address, port: pl.port, v6only: pl.ipv6only })) as SocketReply;
      if (r.kind === 'ok' && r.id !== undefined) {
        fresh.push(r.id);
        cycle.sockets.push({ text: pl.text, id: r.id, ipv6only: pl.ipv6only, plan: pl });
        pending.splice(pending.indexOf(pl), 1);
        continue;
      }
      const errno = r.kind === 'error' ? r.errno : 'EINVAL';
      if (errno !== 'EADDRINUSE' || !test) await log.log(EMERG, `bind() to ${pl.text} failed ${bindError(errno)}`);
      if (errno !== 'EADDRINUSE') return false;
      if (!test) failed = true;
      else pending.splice(pending.indexOf(pl), 1);
    }
    if (!failed) break;
    await log.log(NOTICE, 'try again to bind() after 500ms');
    await sleepThrough(sys, 500);
  }
  if (failed) {
    await log.log(EMERG, 'still could not bind()');
    return false;
  }
  if (test) {
    for (const id of fresh.splice(0)) await sys.call('sockets', { kind: 'close', id }).catch(() => undefined);
    cycle.sockets = [];
  }
  return true;
}

/** Sleeps `ms` of virtual time even when handled signals interrupt it. */
export async function sleepThrough(sys: Sys, ms: number): Promise<void> {
  const end = sys.now() + ms;
  for (let i = 0; i < 100; i++) {
    const left = end - sys.now();
    if (left <= 0) return;
    try {
      await sys.sleep(left);
      return;
    } catch (e) {
      if (!isSysError(e) || e.errno !== 'EINTR') throw e;
    }
  }
}
