// nginx 1.26.2 (Photon OS 5.0's nginx package, /usr/sbin/nginx): -v/-V/-h, -t/-T to check the
// configuration, -s to signal the running master through its pid file, and without them: check
// the configuration, detach (the parent exits 0 once the master listens, which is what
// Type=forking waits for; `daemon off;` stays in the foreground), write the pid file, start the
// workers and serve. Messages and exit statuses follow nginx.c.
import { isSysError } from '../../shared/errno';
import type { Sys } from '../../shared/sys';
import { defineProgram } from '../define';
import { Ctx } from '../lib/context';
import { localZone, type TimeZone } from '../lib/tz';
import { ALERT, ERR, INFO, NOTICE } from './conf-values';
import { errorLogPath, initCycle, openListening, type Cycle, type CycleParams } from './cycle';
import { Master } from './daemon';
import { errnoSuffix, ErrorLog, openAppend, stderrLine } from './log';
import { CONF_PATH, NGINX_VER, parseOptions, PREFIX, versionText, type Options } from './options';

const SIGNAL_OF = { stop: 15, quit: 3, reopen: 10, reload: 1 } as const;
const encoder = new TextEncoder();

/** ngx_log_init: the error log used until the configuration names its own. */
async function initLog(sys: Sys, p: CycleParams, tz: TimeZone): Promise<ErrorLog> {
  const path = errorLogPath(p);
  const level = p.test ? INFO : NOTICE;
  if (path === '') return new ErrorLog(sys, [{ fd: 'stderr', level, path: '' }], tz);
  try {
    const fd = await openAppend(sys, path);
    sys.setCloexec(fd, true);
    return new ErrorLog(sys, [{ fd, level, path }], tz);
  } catch (e) {
    if (!isSysError(e)) throw e;
    await stderrLine(sys, `[alert] could not open error log file: open() "${path}" failed${errnoSuffix(e)}`);
    return new ErrorLog(sys, [{ fd: 'stderr', level, path: '' }], tz);
  }
}

function params(o: Options): CycleParams {
  const prefix = o.prefix === undefined ? PREFIX : o.prefix === '' || o.prefix.endsWith('/') ? o.prefix : `${o.prefix}/`;
  const conf = o.confFile === undefined ? CONF_PATH : o.confFile.startsWith('/') ? o.confFile : `${prefix}${o.confFile}`;
  return { prefix, confFile: conf, ...(o.errorLog !== undefined ? { errorLog: o.errorLog } : {}), ...(o.params !== undefined ? { params: o.params } : {}), test: o.test, quiet: o.quiet, signaller: o.signal !== undefined };
}

/** ngx_signal_process: the pid from the pid file, then kill(2). */
async function signalProcess(sys: Sys, cycle: Cycle, log: ErrorLog, name: keyof typeof SIGNAL_OF): Promise<number> {
  await log.log(NOTICE, 'signal process started');
  let text: string;
  try {
    text = new TextDecoder().decode(await sys.readFile(cycle.pidPath));
  } catch (e) {
    if (!isSysError(e)) throw e;
    await log.log(ERR, `open() "${cycle.pidPath}" failed${errnoSuffix(e)}`);
    return 1;
  }
  const trimmed = text.replace(/[\r\n]+$/, '');
  if (!/^\d+$/.test(trimmed)) {
    await log.log(ERR, `invalid PID number "${trimmed}" in "${cycle.pidPath}"`);
    return 1;
  }
  const pid = Number(trimmed);
  try {
    sys.kill(pid, SIGNAL_OF[name]);
    return 0;
  } catch (e) {
    if (!isSysError(e)) throw e;
    await log.log(ALERT, `kill(${pid}, ${SIGNAL_OF[name]}) failed${errnoSuffix(e)}`);
    return 1;
  }
}

/** ngx_create_pidfile: the master's pid, truncating what was there. */
async function writePid(sys: Sys, cycle: Cycle): Promise<boolean> {
  try {
    await sys.writeFile(cycle.pidPath, `${sys.pid}\n`);
    return true;
  } catch (e) {
    if (!isSysError(e)) throw e;
    await cycle.log.log(1, `open() "${cycle.pidPath}" failed${errnoSuffix(e)}`);
    return false;
  }
}

/** The master's start: sockets, pid file, then (detached) no more terminal. */
async function becomeMaster(sys: Sys, cycle: Cycle, log: ErrorLog, tz: TimeZone, ready?: (ok: boolean) => Promise<void>): Promise<number> {
  if (!(await openListening(sys, cycle, log))) {
    await ready?.(false);
    return 1;
  }
  if (!(await writePid(sys, cycle))) {
    await ready?.(false);
    return 1;
  }
  cycle.log.useStderr = false;
  await cycle.log.log(NOTICE, 'using the "epoll" event method');
  await cycle.log.log(NOTICE, NGINX_VER);
  await cycle.log.log(NOTICE, 'built by gcc 12.2.0 (GCC) ');
  await cycle.log.log(NOTICE, `OS: ${sys.uname().sysname} ${sys.uname().release}`);
  await cycle.log.log(NOTICE, 'getrlimit(RLIMIT_NOFILE): 1024:524288');
  await ready?.(true);
  const single = cycle.core.master === false;
  return new Master(sys, cycle, tz, single).run();
}

async function run(ctx: Ctx): Promise<number> {
  const sys = ctx.sys;
  const parsed = parseOptions(ctx.argv);
  if (!parsed.ok) {
    await stderrLine(sys, parsed.message);
    return 1;
  }
  const o = parsed.options;
  if (o.version) {
    await sys.write(2, encoder.encode(versionText(o))).catch(() => undefined);
    if (!o.test) return 0;
  }
  const tz = await localZone(sys);
  const p = params(o);
  const log = await initLog(sys, p, tz);
  const cycle = await initCycle(sys, p, log, tz, { bind: o.test });
  if (!cycle) {
    if (o.test) await stderrLine(sys, `configuration file ${p.confFile} test failed`);
    return 1;
  }
  if (o.test) {
    if (!o.quiet) await stderrLine(sys, `configuration file ${p.confFile} test is successful`);
    if (o.dump) {
      for (const f of cycle.dump) await ctx.print(`# configuration file ${f.name}:\n${f.text}\n`);
    }
    return 0;
  }
  if (o.signal) return signalProcess(sys, cycle, log, o.signal);
  if (cycle.core.daemon === false) return becomeMaster(sys, cycle, log, tz);
  // ngx_daemon: the master carries on in a child; the parent waits until it listens
  const [r, w] = sys.pipe();
  // the master renames itself (ngx_setproctitle); a single process keeps its command line
  const argv = cycle.core.master === false ? [...ctx.argv] : [`nginx: master process ${ctx.argv.join(' ')}`];
  const fds = new Map<number, number>([[2, 2], [w, w]]);
  for (const fd of cycle.files.values()) fds.set(fd, fd);
  for (const s of log.sinks) if (typeof s.fd === 'number') fds.set(s.fd, s.fd);
  await sys.fork(async (child) => {
    const c = new Ctx(child);
    try {
      return await becomeMaster(child, { ...cycle, log: rebind(cycle.log, child) }, rebind(log, child), tz, async (ok) => {
        await child.write(w, ok ? '0' : '1').catch(() => undefined);
        child.close(w);
        if (ok && child.isOpen(2)) child.close(2);
      });
    } finally {
      await c.flush();
    }
  }, { argv, fds, pgid: 0 });
  sys.close(w);
  const answer = await sys.read(r, 1).catch(() => null);
  sys.close(r);
  return answer && answer[0] === 0x30 ? 0 : 1;
}

/** The same log sinks, written by another process (the fds are inherited with their numbers). */
function rebind(log: ErrorLog, sys: Sys): ErrorLog {
  const l = new ErrorLog(sys, log.sinks, log.tz);
  l.useStderr = log.useStderr;
  return l;
}

export default defineProgram({
  name: 'nginx',
  installPath: '/usr/sbin/nginx',
  pkg: 'nginx',
  async main(ctx) {
    return run(ctx);
  },
});
