// nginx's processes: the master ("nginx: master process /usr/sbin/nginx") holds the listening
// sockets here and serves their connections, writes the pid file, starts `worker_processes`
// workers ("nginx: worker process") under the `user` account and answers signals: HUP reloads
// the configuration (a bad one is logged and the old one kept), QUIT stops gracefully, TERM and
// INT at once, USR1 reopens the logs. A worker that dies is started again.
import { isSysError } from '../../shared/errno';
import { SIGNALS } from '../../shared/signals';
import type { Sys } from '../../shared/sys';
import type { TimeZone } from '../lib/tz';
import { traffic } from '../network-tools/netlib';
import { inherit, type LocConf } from './conf-model';
import { ALERT, CRIT, EMERG, NOTICE, type LogLevel } from './conf-values';
import { handleConnection, type ConnHost } from './conn';
import { initCycle, sleepThrough, type Cycle, type OpenSocket } from './cycle';
import { WorkerFiles } from './http-files';
import type { ServeEnv } from './http-state';
import { errnoSuffix, ErrorLog, openAppend } from './log';

const NAMES: Record<number, string> = { 1: 'SIGHUP', 2: 'SIGINT', 3: 'SIGQUIT', 10: 'SIGUSR1', 12: 'SIGUSR2', 15: 'SIGTERM', 17: 'SIGCHLD', 28: 'SIGWINCH' };
const ACTION: Record<number, string> = { 1: ', reconfiguring', 2: ', exiting', 3: ', shutting down', 10: ', reopening logs', 15: ', exiting', 28: ', stop accepting connections', 12: ', changing binary' };

interface Worker {
  pid: number;
  exiting: boolean;
}

/** Waits for something to happen (a signal, a worker's exit) without a syscall to interrupt. */
class Bell {
  private ring: (() => void) | undefined;
  private rung = false;
  notify(): void {
    this.rung = true;
    this.ring?.();
  }
  async wait(): Promise<void> {
    if (!this.rung) await new Promise<void>((r) => (this.ring = r));
    this.rung = false;
    this.ring = undefined;
  }
}

export class Master {
  private workers = new Map<number, Worker>();
  private signals: number[] = [];
  private readonly bell = new Bell();
  private quit = false;
  private terminate = false;
  private busyCount = 0;
  private connCounter = 0;
  private readonly loops = new Set<number>();
  private files: WorkerFiles;

  constructor(
    private readonly sys: Sys,
    private cycle: Cycle,
    private readonly tz: TimeZone,
    private readonly single: boolean,
  ) {
    this.files = this.workerFiles();
  }

  private get log(): ErrorLog {
    return this.cycle.log;
  }

  private workerFiles(): WorkerFiles {
    const u = this.cycle.core.user;
    if (!u || this.sys.geteuid() !== 0) return new WorkerFiles(this.sys, { uid: this.sys.geteuid(), gid: this.sys.getegid(), groups: this.sys.getgroups() });
    return new WorkerFiles(this.sys, { uid: u.uid, gid: u.gid, groups: this.cycle.accounts.groupList(u.name, u.gid) });
  }

  private env(): ServeEnv {
    return {
      sys: this.sys,
      cycle: this.cycle,
      files: this.files,
      tz: this.tz,
      hostname: this.sys.uname().nodename,
      log: async (loc: LocConf | undefined, level: LogLevel, message: string, conn: number) => {
        const own = loc ? inherit(loc, 'errorLogs') : undefined;
        if (own && own.length) {
          const sinks = own.flatMap((e) => {
            const fd = this.cycle.files.get(e.path);
            return fd === undefined ? [] : [{ fd, level: e.level, path: e.path }];
          });
          await new ErrorLog(this.sys, sinks, this.tz).log(level, message, conn);
        } else await this.log.log(level, message, conn);
      },
    };
  }

  /** The master's life after the pid file is written; resolves with the exit status. */
  async run(): Promise<number> {
    for (const sig of [1, 2, 3, 10, 12, 15, 28]) {
      this.sys.signal(sig, (s) => {
        this.signals.push(s);
        if (s === 3) this.quit = true;
        if (s === 15 || s === 2) this.terminate = true;
        this.bell.notify();
      });
    }
    this.sys.signal(13, 'ignore');
    if (!this.single) await this.startWorkers(this.cycle.core.workerProcesses ?? 1);
    this.startAccepting();
    for (;;) {
      await this.bell.wait();
      for (const sig of this.signals.splice(0)) await this.onSignal(sig);
      if (this.terminate || this.quit) return this.shutdown();
    }
  }

  private async onSignal(sig: number): Promise<void> {
    await this.log.log(NOTICE, `signal ${sig} (${NAMES[sig] ?? sig}) received${ACTION[sig] ?? ''}`);
    if (sig === 1) await this.reload();
    if (sig === 10) await this.reopen();
  }

  private async startWorkers(n: number): Promise<void> {
    await this.log.log(NOTICE, 'start worker processes');
    for (let i = 0; i < n; i++) await this.spawnWorker();
  }

  private async spawnWorker(): Promise<void> {
    const fds = new Map<number, number>();
    for (const fd of this.cycle.files.values()) fds.set(fd, fd);
    const cycle = this.cycle;
    const tz = this.tz;
    const pid = await this.sys.fork((w) => workerMain(w, cycle, tz), { argv: ['nginx: worker process'], fds });
    const worker: Worker = { pid, exiting: false };
    this.workers.set(pid, worker);
    await this.log.log(NOTICE, `start worker process ${pid}`);
    void this.reap(worker);
  }

  private async reap(w: Worker): Promise<void> {
    let status;
    for (let i = 0; i < 1000; i++) {
      try {
        status = await this.sys.wait(w.pid);
        break;
      } catch (e) {
        if (!isSysError(e) || e.errno !== 'EINTR') return;
      }
    }
    this.workers.delete(w.pid);
    await this.log.log(NOTICE, `signal 17 (SIGCHLD) received from ${w.pid}`);
    const st = status?.status;
    if (st && st.kind === 'signaled') await this.log.log(ALERT, `worker process ${w.pid} exited on signal ${st.signal}${st.core ? ' (core dumped)' : ''}`);
    else await this.log.log(NOTICE, `worker process ${w.pid} exited with code ${st && st.kind === 'exited' ? st.code : 0}`);
    if (!w.exiting && !this.quit && !this.terminate) await this.spawnWorker();
    this.bell.notify();
  }

  private signalWorkers(sig: number): void {
    for (const w of this.workers.values()) {
      if (sig === SIGNALS.SIGQUIT || sig === SIGNALS.SIGTERM) w.exiting = true;
      try {
        this.sys.kill(w.pid, sig);
      } catch {
        // already gone
      }
    }
  }

  // ---- connections ----

  private startAccepting(): void {
    for (const sock of this.cycle.sockets) {
      if (this.loops.has(sock.id)) continue;
      this.loops.add(sock.id);
      void this.acceptLoop(sock).catch(() => undefined).finally(() => this.loops.delete(sock.id));
    }
  }

  private async acceptLoop(initial: OpenSocket): Promise<void> {
    const host: ConnHost = {
      env: this.env(),
      stopping: () => this.quit || this.terminate,
      accessLog: async (path, line) => {
        const fd = this.cycle.files.get(path) ?? (await this.openLate(path));
        if (fd === undefined) return;
        await this.sys.write(fd, new TextEncoder().encode(line)).catch(() => undefined);
      },
      busy: (d) => {
        this.busyCount += d;
        if (this.busyCount === 0) this.bell.notify();
      },
    };
    for (let i = 0; i < 10_000_000; i++) {
      const sock = this.cycle.sockets.find((s) => s.id === initial.id);
      if (!sock || this.quit || this.terminate) return;
      let c;
      try {
        c = await traffic(this.sys, { kind: 'accept', sockets: [sock.id] });
      } catch (e) {
        if (isSysError(e) && e.errno === 'EINTR') continue;
        return;
      }
      if (c.kind !== 'conn') return;
      const current = this.cycle.sockets.find((s) => s.id === initial.id) ?? sock;
      host.env = this.env();
      const number = ++this.connCounter;
      void handleConnection(host, current, c, number).catch(async (e: unknown) => {
        if (isSysError(e)) return;
        if (e instanceof Error && e.constructor.name !== 'ProcessKilled') await this.log.log(CRIT, `${e.message}`).catch(() => undefined);
      });
    }
  }

  /** An access log whose name has variables is opened when first written. */
  private async openLate(path: string): Promise<number | undefined> {
    try {
      const fd = await openAppend(this.sys, path);
      this.cycle.files.set(path, fd);
      return fd;
    } catch {
      return undefined;
    }
  }

  // ---- signals ----

  private async reload(): Promise<void> {
    await this.log.log(NOTICE, 'reconfiguring');
    const next = await initCycle(this.sys, { ...this.cycle.params, test: false, quiet: false, signaller: false }, this.log, this.tz, { old: this.cycle, bind: true });
    if (!next) return;
    const old = this.cycle;
    next.log.useStderr = false;
    this.cycle = next;
    this.files = this.workerFiles();
    for (const s of old.sockets) {
      if (!next.sockets.some((n) => n.id === s.id)) await this.sys.call('sockets', { kind: 'close', id: s.id }).catch(() => undefined);
    }
    for (const fd of old.files.values()) if (![...next.files.values()].includes(fd)) this.sys.close(fd);
    await this.log.log(NOTICE, 'using the "epoll" event method');
    const previous = [...this.workers.values()];
    if (!this.single) await this.startWorkers(next.core.workerProcesses ?? 1);
    this.startAccepting();
    await sleepThrough(this.sys, 100);
    for (const w of previous) {
      w.exiting = true;
      try {
        this.sys.kill(w.pid, SIGNALS.SIGQUIT);
      } catch {
        // already gone
      }
    }
  }

  private async reopen(): Promise<void> {
    await this.log.log(NOTICE, 'reopening logs');
    const u = this.cycle.core.user;
    for (const [path, fd] of [...this.cycle.files]) {
      try {
        const nfd = await openAppend(this.sys, path);
        this.sys.setCloexec(nfd, true);
        if (u && this.sys.geteuid() === 0) await this.sys.chown(path, u.uid, -1).catch(() => undefined);
        this.cycle.files.set(path, nfd);
        for (const s of this.cycle.log.sinks) if (s.fd === fd) s.fd = nfd;
        this.sys.close(fd);
      } catch (e) {
        await this.log.log(EMERG, `open() "${path}" failed${errnoSuffix(e) ?? ''}`);
      }
    }
    this.signalWorkers(SIGNALS.SIGUSR1);
  }

  private async shutdown(): Promise<number> {
    for (const s of this.cycle.sockets) await this.sys.call('sockets', { kind: 'close', id: s.id }).catch(() => undefined);
    this.signalWorkers(this.terminate ? SIGNALS.SIGTERM : SIGNALS.SIGQUIT);
    // the workers finish (a graceful stop lets requests in progress end too)
    for (let i = 0; i < 10_000 && (this.workers.size > 0 || (!this.terminate && this.busyCount > 0)); i++) {
      for (const sig of this.signals.splice(0)) {
        await this.log.log(NOTICE, `signal ${sig} (${NAMES[sig] ?? sig}) received${ACTION[sig] ?? ''}`);
        if (this.terminate) this.signalWorkers(SIGNALS.SIGTERM);
      }
      await this.bell.wait();
    }
    await this.sys.unlink(this.cycle.pidPath).catch(async (e: unknown) => {
      await this.log.log(ALERT, `unlink() "${this.cycle.pidPath}" failed${errnoSuffix(e) ?? ''}`);
    });
    await this.log.log(NOTICE, 'exit');
    return 0;
  }
}

/** A worker: takes on the `user` account, then waits for its master's signals. */
async function workerMain(sys: Sys, cycle: Cycle, tz: TimeZone): Promise<number> {
  const log = new ErrorLog(sys, cycle.log.sinks.map((s) => ({ ...s })), tz);
  log.useStderr = false;
  const u = cycle.core.user;
  if (u && sys.geteuid() === 0) {
    try {
      sys.setgid(u.gid);
      sys.setgroups(cycle.accounts.groupList(u.name, u.gid));
      sys.setuid(u.uid);
    } catch {
      await log.log(EMERG, `setuid(${u.uid}) failed (1: Operation not permitted)`);
      return 2;
    }
  }
  const pending: number[] = [];
  let wake: (() => void) | undefined;
  for (const sig of [1, 2, 3, 10, 15, 28]) {
    sys.signal(sig, (s) => {
      pending.push(s);
      wake?.();
    });
  }
  const master = sys.getppid();
  const actions: Record<number, string> = { 1: ', ignoring', 2: ', exiting', 3: ', shutting down', 10: ', reopening logs', 15: ', exiting', 28: ', shutting down' };
  for (;;) {
    if (!pending.length) await new Promise<void>((r) => (wake = r));
    wake = undefined;
    for (const sig of pending.splice(0)) {
      await log.log(NOTICE, `signal ${sig} (${NAMES[sig] ?? sig}) received from ${master}${actions[sig] ?? ''}`);
      if (sig === 3 || sig === 28) {
        await log.log(NOTICE, 'gracefully shutting down');
        await log.log(NOTICE, 'exiting');
        await log.log(NOTICE, 'exit');
        return 0;
      }
      if (sig === 15 || sig === 2) {
        await log.log(NOTICE, 'exiting');
        await log.log(NOTICE, 'exit');
        return 0;
      }
      if (sig === 10) {
        await log.log(NOTICE, 'reopening logs');
        for (const s of log.sinks) {
          if (s.fd === 'stderr' || !s.path) continue;
          try {
            const fd = await openAppend(sys, s.path);
            sys.close(s.fd);
            s.fd = fd;
          } catch {
            // keeps the old one
          }
        }
      }
    }
  }
}
