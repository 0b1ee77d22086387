// The kernel's process side: the process table, starting and ending processes, wait(2) and
// signal delivery. File I/O lives in io.ts, the syscall surface in sys.ts.
import { SysError } from '../shared/errno';
import type { WaitStatus } from '../shared/process';
import { DEFAULT_IGNORED, DEFAULT_STOP, SIGNALS } from '../shared/signals';
import type { Caller, Sys } from '../shared/sys';
import type { Clock } from './clock';
import { ProcessExit, ProcessKilled } from './errors';
import type { OpenFile } from './files';
import { kernelThreads, LAST_RESERVED_PID, Process, type UtsNamespace } from './process';
import { NetNamespaces } from './netns';
import { enterPidNamespaces, leavePidNamespaces, type PidNamespace } from './pidns';
import { mountProcAt } from './procfs';
import type { Random } from './random';
import { closeFile, writeFile } from './io';
import type { Tty } from './tty';
import type { Cred } from './vfs/permissions';
import type { Inode } from './vfs/inode';
import type { Vfs } from './vfs/vfs';
import { makeSys } from './sys';
import { CpuTime } from './cpu-time';
import { SysctlTable } from './sysctl-table';
import { KernelModules, type ModuleRequest } from './modules';
import { resolveExec, type Resolved } from './exec';
import { KernelLog } from './klog';
import { Memory } from './memory';
import { copyRlimits, defaultRlimits } from './rlimit';
import { KERNEL_CMDLINE } from './image/etc-files';

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

export interface KernelOptions {
  /** Real bytes program heaps may hold together (see memory.ts). Default 128 MiB. */
  heapQuota?: number;
  /** Most tasks the tab runs at once, whatever kernel.threads-max says. Default 1024. */
  maxTasks?: number;
}

export class Kernel {
  readonly procs = new Map<number, Process>();
  private nextPid = 1;
  private readonly childWaiters = new Map<number, (() => void)[]>();
  readonly bootedAt: number;
  /** The process whose system call is running (what /proc/self names). */
  current: Process | undefined;
  /**
   * Most tasks (processes and kernel threads) the machine runs at once: kernel.threads-max,
   * and never more than the tab can hold (each process costs the worker real memory). Past
   * it fork fails with EAGAIN, for root too (copy_process: nr_threads >= max_threads).
   */
  readonly maxTasks: number;
  /** The kernel ring buffer (dmesg, /dev/kmsg). */
  readonly klog: KernelLog;
  /** Memory accounting and the OOM killer. */
  readonly memory: Memory;
  /** Pipes behind named pipes (FIFOs) that are open, by inode. */
  readonly fifos = new Map<number, import('./pipe').Pipe>();
  /** flock(2) locks: per locked file (inode or pipe), each open file description's lock */
  readonly flocks = new Map<object, Map<OpenFile, 'sh' | 'ex'>>();
  /** The machine console (/dev/console, /dev/tty1). */
  consoleTty: Tty | undefined;
  /** Programs not loaded yet wait for this before they start (a disk still being filled in). */
  execGate: (() => Promise<void>) | undefined;
  /** Services reachable through Sys.call, by name (subsystems register at boot). */
  readonly services = new Map<string, ServiceHandler>();
  /** Called when a process ends (the service manager, the console and the CLI listen). */
  readonly exitListeners = new Set<(proc: Process) => void>();
  /** kthreadd and its threads, by pid (listed by ps and /proc, never scheduled). */
  readonly kthreads = kernelThreads();
  /** The parameters under /proc/sys. */
  readonly sysctl: SysctlTable;
  /** loaded modules (/proc/modules; modprobe, insmod, rmmod through the 'kmod' service) */
  readonly modules: KernelModules;
  /** Network namespaces (containers'), with the addresses each holds. */
  readonly netns = new NetNamespaces();
  /** CPU time per process and per CPU (/proc/<pid>/stat, /proc/stat, /proc/loadavg). */
  readonly cpu: CpuTime;

  constructor(
    readonly vfs: Vfs,
    readonly clock: Clock,
    readonly random: Random,
    readonly identity: KernelIdentity,
    opts: KernelOptions = {},
  ) {
    this.bootedAt = clock.now();
    this.cpu = new CpuTime(clock);
    this.sysctl = new SysctlTable({ identity, random: () => random.next() });
    this.modules = new KernelModules(this.sysctl);
    // (the module index is code the machine loads: the skipping clock holds while it does)
    this.services.set('kmod', async (caller, req) => {
      await this.clock.hold(this.modules.ready());
      return this.modules.handle(caller, req as ModuleRequest);
    });
    this.klog = new KernelLog(identity.release, identity.version, KERNEL_CMDLINE);
    this.memory = new Memory(this, opts.heapQuota ?? 128 * 1024 * 1024);
    this.maxTasks = opts.maxTasks ?? 1024;
  }

  /** A sysctl integer (kernel.threads-max, fs.nr_open), or `fallback`. */
  sysctlInt(key: string, fallback: number): number {
    const v = Number(this.sysctl.get(key));
    return Number.isFinite(v) ? v : fallback;
  }

  /**
   * copy_process's limits on new tasks: past RLIMIT_NPROC for the user (root and the
   * kernel's own user are exempt), or past max_threads (kernel.threads-max, and the tab's
   * own ceiling) for everyone: EAGAIN.
   */
  private checkFork(parent: Process | undefined, uid: number): void {
    const tasks = this.procs.size + this.kthreads.size;
    if (tasks >= Math.min(this.maxTasks, this.sysctlInt('kernel.threads-max', 15674))) throw new SysError('EAGAIN', 'fork');
    if (!parent || uid === 0 || parent.cred.euid === 0) return;
    const limit = parent.rlimits.nproc.soft;
    if (limit === Infinity) return;
    let count = 0;
    for (const p of this.procs.values()) if (p.cred.uid === uid && p.state !== 'zombie') count++;
    if (count >= limit) throw new SysError('EAGAIN', 'fork');
  }

  /** The program a path runs, as `proc` sees the path (its `exe` goes to the process that runs it). */
  resolveProgram(proc: Process, path: string, argv: string[]): Promise<Resolved> {
    return resolveExec(this, proc, path, argv);
  }

  // ---- namespaces ----

  /** uname(2)'s nodename and domainname as `proc` sees them (its UTS namespace). */
  utsName(proc: Process | undefined): UtsNamespace {
    return proc?.uts ?? { hostname: this.identity.hostname, domainname: this.sysctl.get('kernel.domainname') ?? '(none)' };
  }

  /** sethostname(2)/setdomainname(2) in `proc`'s UTS namespace (no permission check here). */
  setUtsName(proc: Process | undefined, field: 'hostname' | 'domainname', value: string): void {
    if (proc?.uts) proc.uts[field] = value;
    else if (field === 'hostname') this.identity.hostname = value;
    else this.sysctl.write('kernel.domainname', value);
  }

  /**
   * Mounts a new procfs instance on the directory `mountpoint` (for a container: its root's
   * /proc). `namespace` is the root directory of the tree the mount belongs to, so only the
   * processes with that root list it in /proc/mounts and df; `target` is the path shown there
   * (default: the mountpoint's path inside that tree); with `pidns` it lists that PID
   * namespace's processes by their numbers there. Returns the new /proc root.
   */
  mountProc(mountpoint: Inode, opts: { namespace?: Inode; target?: string; pidns?: PidNamespace } = {}): Inode {
    return mountProcAt(this, mountpoint, opts);
  }

  /** The filesystems `proc` sees mounted (its mount namespace: those of its root's tree). */
  visibleFilesystems(proc: Process | undefined): import('./vfs/filesystems').FileSystemInfo[] {
    const ns = proc?.cred.root?.ino;
    return this.vfs.filesystems.filter((f) => !f.unmounted && f.namespace === (ns === this.vfs.rootIno ? undefined : ns));
  }

  // ---- creating processes ----

  /**
   * A new process with the given identity; it runs nothing until start(). Namespaces not
   * given are the parent's (fork): `root` (or `cred.root`) is its root directory, `uts` its
   * host and domain names, `netns` its network namespace (see `netns`), `pidns` its PID
   * namespace (the first process created in a new one is its pid 1, its init).
   */
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
    root?: Inode;
    uts?: UtsNamespace;
    netns?: number;
    pidns?: PidNamespace;
  }): Process {
    this.checkFork(parent, init.cred.uid);
    const netns = init.netns ?? parent?.netns ?? 0;
    if (!this.netns.has(netns)) throw new SysError('EINVAL', 'clone');
    const rootGiven = init.root ?? init.cred.root ?? parent?.cred.root;
    const root = rootGiven ? this.vfs.covering(rootGiven) : undefined;
    if (root && root.type !== 'dir') throw new SysError('ENOTDIR', 'clone');
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
      { uid: init.cred.uid, gid: init.cred.gid, euid: init.cred.euid, egid: init.cred.egid, groups: [...init.cred.groups], ...(root && root.ino !== this.vfs.rootIno ? { root } : {}) },
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
    proc.exe = parent?.exe; // the same program until it execs
    proc.ioprio = parent?.ioprio ?? 0; // fork copies the I/O priority
    proc.personality = parent?.personality ?? 0; // and the personality
    if (parent) [proc.policy, proc.rtprio, proc.affinity] = [parent.policy, parent.rtprio, parent.affinity]; // and how it is scheduled
    proc.uts = init.uts ?? parent?.uts;
    proc.netns = netns;
    proc.pidns = init.pidns ?? parent?.pidns;
    proc.rlimits = parent ? copyRlimits(parent.rlimits) : defaultRlimits(this.sysctlInt('kernel.threads-max', 15674));
    proc.oomScoreAdj = this.memory.scoreAdjFor(proc.comm, parent);
    enterPidNamespaces(proc.pidns, pid);
    this.vfs.retain(init.cwd);
    if (proc.cred.root) this.vfs.retain(proc.cred.root);
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

  /** A bug in a program ends that program, never the kernel: say so on its stderr (also for an exec'd program, sys.ts). */
  async crash(proc: Process, e: unknown): Promise<WaitStatus> {
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
    this.cpu.stop(proc);
    proc.state = 'zombie';
    proc.status = status;
    proc.killed = true;
    this.memory.release(proc);
    proc.interruptBlockers(() => new ProcessKilled(proc.pid));
    proc.resume();
    proc.state = 'zombie';
    for (const [fd, file] of proc.fds) {
      proc.fds.delete(fd);
      closeFile(this, file);
    }
    this.vfs.releaseRef(proc.cwd);
    if (proc.cred.root) this.vfs.releaseRef(proc.cred.root);
    // orphans go to init (their PID namespace's, if it lives), which reaps them
    const reaper = this.nsReaper(proc);
    for (const pid of proc.children) {
      const child = this.procs.get(pid);
      if (!child) continue;
      child.ppid = reaper?.pid ?? 1;
      if (child.state === 'zombie') this.reap(child);
      else if (reaper) {
        reaper.children.add(pid);
        child.adopted = true;
      }
    }
    proc.children.clear();
    // the end of a PID namespace's init ends every process in it (zap_pid_ns_processes)
    const ns = proc.pidns;
    if (ns && ns.init === proc.pid) {
      for (const p of [...this.procs.values()]) {
        if (p !== proc && p.state !== 'zombie' && ns.contains(p.pidns)) this.terminate(p, { kind: 'signaled', signal: SIGNALS.SIGKILL, core: false });
      }
    }
    // a session leader's terminal loses its controlling process
    if (proc.ctty && proc.sid === proc.pid && proc.ctty.session === proc.pid) {
      if (proc.ctty.foreground) this.signalGroup(proc.ctty.foreground, SIGNALS.SIGHUP);
      proc.ctty.session = 0;
      proc.ctty.foreground = 0;
    }
    const parent = this.procs.get(proc.ppid);
    if (!parent || (parent.pid === 1 || proc.adopted) && !this.initReaps(parent) || parent.state === 'zombie') {
      this.reap(proc);
      parent?.children.delete(proc.pid);
    } else {
      this.signal(parent, SIGNALS.SIGCHLD);
      this.wakeParent(parent.pid);
    }
    for (const l of [...this.exitListeners]) l(proc);
  }

  /** Removes a finished process from the table (and its PID namespaces). */
  private reap(proc: Process): void {
    this.procs.delete(proc.pid);
    leavePidNamespaces(proc.pidns, proc.pid);
  }

  /** Who adopts the orphans of `proc`: its PID namespace's init while it lives; undefined for the machine's init. */
  private nsReaper(proc: Process): Process | undefined {
    const ns = proc.pidns;
    if (!ns || ns.init === proc.pid) return undefined;
    const init = this.procs.get(ns.init);
    return init && init.state !== 'zombie' ? init : undefined;
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

  /** wait4(2) for machine pid `pid` (or a group); the pid reported is `view(pid)`, taken before the child is reaped. */
  async wait(parent: Process, pid: number, opts: { noHang?: boolean; untraced?: boolean; continued?: boolean }, view: (pid: number) => number = (p) => p): Promise<{ pid: number; status: WaitStatus } | null> {
    for (;;) {
      const matching = [...parent.children]
        .map((p) => this.procs.get(p))
        .filter((c): c is Process => c !== undefined)
        .filter((c) => (pid > 0 ? c.pid === pid : pid === -1 ? true : pid === 0 ? c.pgid === parent.pgid : c.pgid === -pid));
      if (matching.length === 0) throw new SysError('ECHILD', 'wait4');
      for (const c of matching) {
        if (c.state === 'zombie') {
          const shown = view(c.pid);
          // its times join the parent's cutime (getrusage RUSAGE_CHILDREN)
          parent.childCpuMs += c.cpuMs + c.childCpuMs;
          this.reap(c);
          parent.children.delete(c.pid);
          return { pid: shown, status: c.status! };
        }
      }
      for (const c of matching) {
        const idx = c.pendingReports.findIndex((r) => (r.kind === 'stopped' && opts.untraced) || (r.kind === 'continued' && opts.continued));
        if (idx >= 0) {
          const [report] = c.pendingReports.splice(idx, 1);
          return { pid: view(c.pid), status: report! };
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
    this.cpu.stop(proc);
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
    this.terminate(proc, { kind: 'signaled', signal: sig, core: this.dumpsCore(proc, sig) });
  }

  /** Whether dying of `sig` leaves a core: a core signal, and RLIMIT_CORE allows one (a piped core_pattern ignores the limit). */
  private dumpsCore(proc: Process, sig: number): boolean {
    if (!CORE_SIGNALS.has(sig)) return false;
    return proc.rlimits.core.soft > 0 || (this.sysctl.get('kernel.core_pattern') ?? '').startsWith('|');
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
