// The kernel's process side: the process table, starting and ending processes, wait(2) and
// signal delivery. File I/O lives in io.ts, the syscall surface in sys.ts.
import { SysError } from '../shared/errno';
import type { WaitStatus } from '../shared/process';
import { DEFAULT_IGNORED, DEFAULT_STOP, SIGNALS } from '../shared/signals';
import type { Caller, Sys } from '../shared/sys';
import type { Clock } from './clock';
import { ProcessExit, ProcessKilled } from './errors';
import type { OpenFile } from './files';
import { kernelThreads, LAST_RESERVED_PID, Process } from './process';
import type { Random } from './random';
import { closeFile, writeFile } from './io';
import type { Tty } from './tty';
import type { Cred } from './vfs/permissions';
import type { Inode } from './vfs/inode';
import type { Vfs } from './vfs/vfs';
import { makeSys } from './sys';
import { SysctlTable } from './sysctl-table';
import { resolveExec, type Resolved } from './exec';

export type ProgramMain = (sys: Sys) => Promise<number>;
/** A service's entry point: a request from a caller in, a reply (plain data) out. */
export type ServiceHandler = (caller: Caller, request: unknown) => unknown;

const CORE_SIGNALS = new Set<number>([3, 4, 5, 6, 7, 8, 11, 24, 25, 31]);
const encoder = new TextEncoder();

export interface KernelIdentity {
  hostname: string;
  release: string;
  version: string;
  machine: string;
}

export class Kernel {
  readonly procs = new Map<number, Process>();
  private nextPid = 1;
  private readonly childWaiters = new Map<number, (() => void)[]>();
  readonly bootedAt: number;
  /** The process whose system call is running (what /proc/self names). */
  current: Process | undefined;
  /** Most processes the machine holds at once (fork fails with EAGAIN beyond). */
  readonly maxProcesses = 1024;
  /** Pipes behind named pipes (FIFOs) that are open, by inode. */
  readonly fifos = new Map<number, import('./pipe').Pipe>();
  /** The machine console (/dev/console, /dev/tty1). */
  consoleTty: Tty | undefined;
  /** Services reachable through Sys.call, by name (subsystems register at boot). */
  readonly services = new Map<string, ServiceHandler>();
  /** Called when a process ends (the service manager, the console and the CLI listen). */
  readonly exitListeners = new Set<(proc: Process) => void>();
  /** kthreadd and its threads, by pid (listed by ps and /proc, never scheduled). */
  readonly kthreads = kernelThreads();
  /** The parameters under /proc/sys. */
  readonly sysctl: SysctlTable;

  constructor(
    readonly vfs: Vfs,
    readonly clock: Clock,
    readonly random: Random,
    readonly identity: KernelIdentity,
  ) {
    this.bootedAt = clock.now();
    this.sysctl = new SysctlTable({ identity, random: () => random.next() });
  }

  resolveProgram(proc: Process, path: string, argv: string[]): Promise<Resolved> {
    return resolveExec(this, proc, path, argv);
  }

  // ---- creating processes ----

  /** A new process with the given identity; it runs nothing until start(). */
  createProcess(parent: Process | undefined, init: {
    cred: Cred;
    cwd: Inode;
    umask: number;
    argv: string[];
    env: Map<string, string>;
    fds: Map<number, OpenFile>;
    ctty: Tty | undefined;
    pgid?: number;
    sid?: number;
    cgroup?: string;
  }): Process {
    if (this.procs.size >= this.maxProcesses) throw new SysError('EAGAIN', 'fork');
    let pid = this.nextPid++;
    if (pid > 4194304) pid = this.nextPid = 300;
    // pids 2..LAST_RESERVED_PID are the kernel threads': the first program after init gets the next one
    if (pid > 1 && pid <= LAST_RESERVED_PID) {
      pid = LAST_RESERVED_PID + 1;
      this.nextPid = pid + 1;
    }
    while (this.procs.has(pid)) pid = this.nextPid++;
    const proc = new Process(
      pid,
      parent?.pid ?? 0,
      init.pgid ?? parent?.pgid ?? pid,
      init.sid ?? parent?.sid ?? pid,
      { ...init.cred, groups: [...init.cred.groups] },
      init.cwd,
      init.umask,
      init.argv,
      init.env,
      init.fds,
      init.ctty,
      this.clock.now(),
    );
    if (proc.pgid === 0) proc.pgid = pid;
    proc.cgroup = init.cgroup ?? parent?.cgroup ?? '/';
    proc.nice = parent?.nice ?? 0; // niceness is inherited across fork (setpriority(2))
    this.vfs.retain(init.cwd);
    this.procs.set(pid, proc);
    parent?.children.add(pid);
    return proc;
  }

  /** Runs `main` as the body of `proc`; its result or exception becomes the exit status. */
  start(proc: Process, main: ProgramMain): void {
    const sys = makeSys(this, proc);
    void (async () => {
      let status: WaitStatus;
      try {
        const code = await main(sys);
        status = { kind: 'exited', code: code & 0xff };
      } catch (e) {
        if (e instanceof ProcessExit) status = { kind: 'exited', code: e.code & 0xff };
        else if (e instanceof ProcessKilled || proc.killed) return;
        else status = await this.crash(proc, e);
      }
      this.terminate(proc, status);
    })();
  }

  /** A bug in a program ends that program, never the kernel: say so on its stderr. */
  private async crash(proc: Process, e: unknown): Promise<WaitStatus> {
    const msg = e instanceof SysError ? e.message : e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    try {
      const err = proc.fds.get(2);
      if (err && !proc.killed) {
        await writeFile(this, proc, err, encoder.encode(`${proc.comm}: internal error: ${msg}\n`));
      }
    } catch {
      // nothing more can be said
    }
    return { kind: 'exited', code: 70 };
  }

  // ---- ending processes ----

  terminate(proc: Process, status: WaitStatus): void {
    if (proc.state === 'zombie') return;
    proc.state = 'zombie';
    proc.status = status;
    proc.killed = true;
    proc.interruptBlockers(() => new ProcessKilled(proc.pid));
    proc.resume();
    proc.state = 'zombie';
    for (const [fd, file] of proc.fds) {
      proc.fds.delete(fd);
      closeFile(this, file);
    }
    this.vfs.releaseRef(proc.cwd);
    // orphans go to init, which reaps them
    for (const pid of proc.children) {
      const child = this.procs.get(pid);
      if (!child) continue;
      child.ppid = 1;
      if (child.state === 'zombie') this.procs.delete(pid);
    }
    proc.children.clear();
    // a session leader's terminal loses its controlling process
    if (proc.ctty && proc.sid === proc.pid && proc.ctty.session === proc.pid) {
      if (proc.ctty.foreground) this.signalGroup(proc.ctty.foreground, SIGNALS.SIGHUP);
      proc.ctty.session = 0;
      proc.ctty.foreground = 0;
    }
    const parent = this.procs.get(proc.ppid);
    if (!parent || parent.pid === 1 && !this.initReaps(parent) || parent.state === 'zombie') {
      this.procs.delete(proc.pid);
    } else {
      this.signal(parent, SIGNALS.SIGCHLD);
      this.wakeParent(parent.pid);
    }
    for (const l of [...this.exitListeners]) l(proc);
  }

  /** Does process 1 wait for its children itself? (The built-in init reaps automatically.) */
  private initReaps(init: Process): boolean {
    return init.handlers.has(SIGNALS.SIGCHLD);
  }

  private wakeParent(ppid: number): void {
    const list = this.childWaiters.get(ppid);
    if (!list) return;
    this.childWaiters.delete(ppid);
    for (const f of list) f();
  }

  // ---- wait(2) ----

  async wait(parent: Process, pid: number, opts: { noHang?: boolean; untraced?: boolean; continued?: boolean }): Promise<{ pid: number; status: WaitStatus } | null> {
    for (;;) {
      const matching = [...parent.children]
        .map((p) => this.procs.get(p))
        .filter((c): c is Process => c !== undefined)
        .filter((c) => (pid > 0 ? c.pid === pid : pid === -1 ? true : pid === 0 ? c.pgid === parent.pgid : c.pgid === -pid));
      if (matching.length === 0) throw new SysError('ECHILD', 'wait4');
      for (const c of matching) {
        if (c.state === 'zombie') {
          this.procs.delete(c.pid);
          parent.children.delete(c.pid);
          return { pid: c.pid, status: c.status! };
        }
      }
      for (const c of matching) {
        const idx = c.pendingReports.findIndex((r) => (r.kind === 'stopped' && opts.untraced) || (r.kind === 'continued' && opts.continued));
        if (idx >= 0) {
          const [report] = c.pendingReports.splice(idx, 1);
          return { pid: c.pid, status: report! };
        }
      }
      if (opts.noHang) return null;
      await this.block(parent, new Promise<void>((resolve) => {
        const list = this.childWaiters.get(parent.pid) ?? [];
        list.push(resolve);
        this.childWaiters.set(parent.pid, list);
      }));
    }
  }

  /** Waits for `promise` in a way a signal can interrupt. */
  block<T>(proc: Process, promise: Promise<T>): Promise<T> {
    if (proc.killed) return Promise.reject(new ProcessKilled(proc.pid));
    return new Promise<T>((resolve, reject) => {
      const blocker = {
        reject: (err: unknown) => {
          proc.blockers.delete(blocker);
          reject(err);
        },
      };
      proc.blockers.add(blocker);
      promise.then(
        (v) => {
          if (proc.blockers.delete(blocker)) resolve(v);
        },
        (e: unknown) => {
          if (proc.blockers.delete(blocker)) reject(e);
        },
      );
    });
  }

  // ---- signals ----

  signal(proc: Process, sig: number): void {
    if (proc.state === 'zombie' || sig === 0) return;
    if (sig === SIGNALS.SIGKILL) {
      this.terminate(proc, { kind: 'signaled', signal: sig, core: false });
      return;
    }
    if (sig === SIGNALS.SIGSTOP) {
      this.stop(proc, sig);
      return;
    }
    if (sig === SIGNALS.SIGCONT && proc.state === 'stopped') {
      proc.resume();
      this.report(proc, { kind: 'continued' });
    }
    const disp = proc.disposition(sig);
    if (disp === 'ignore') return;
    if (typeof disp === 'function') {
      disp(sig);
      proc.interruptBlockers(() => new SysError('EINTR', 'read'));
      return;
    }
    if (DEFAULT_IGNORED.has(sig)) return;
    if (DEFAULT_STOP.has(sig)) {
      this.stop(proc, sig);
      return;
    }
    this.terminate(proc, { kind: 'signaled', signal: sig, core: CORE_SIGNALS.has(sig) });
  }

  signalGroup(pgid: number, sig: number): number {
    let n = 0;
    for (const p of [...this.procs.values()]) {
      if (p.pgid === pgid && p.state !== 'zombie') {
        this.signal(p, sig);
        n++;
      }
    }
    return n;
  }

  private stop(proc: Process, sig: number): void {
    if (proc.state !== 'running') return;
    proc.state = 'stopped';
    this.report(proc, { kind: 'stopped', signal: sig });
  }

  private report(proc: Process, status: WaitStatus): void {
    proc.pendingReports.push(status);
    const parent = this.procs.get(proc.ppid);
    if (parent) {
      if (status.kind === 'stopped') this.signal(parent, SIGNALS.SIGCHLD);
      this.wakeParent(parent.pid);
    }
  }
}
