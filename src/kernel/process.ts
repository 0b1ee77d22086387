// The process table entry: identity, credentials, working directory, file descriptors,
// signal dispositions and the blocking operations a signal may interrupt.
import type { WaitStatus } from '../shared/process';
import type { OpenFile } from './files';
import type { PidNamespace } from './pidns';
import type { Inode } from './vfs/inode';
import type { Cred } from './vfs/permissions';
import type { Tty } from './tty';
import type { Rlimits } from './rlimit';

/** A UTS namespace: what uname(2) reports as nodename and domainname, and sethostname(2) sets. */
export interface UtsNamespace {
  hostname: string;
  domainname: string;
}

export type Disposition = 'default' | 'ignore' | ((signal: number) => void);

/** A blocking syscall in progress; a signal rejects it. */
export interface Blocker {
  reject(err: unknown): void;
}

export type RunState = 'running' | 'stopped' | 'zombie';

export class Process {
  state: RunState = 'running';
  status: WaitStatus | undefined;
  /** Set when a signal ended the process; its remaining code unwinds at the next syscall. */
  killed = false;
  readonly children = new Set<number>();
  readonly blockers = new Set<Blocker>();
  readonly handlers = new Map<number, Disposition>();
  /** Descriptors marked close-on-exec (a property of the descriptor, not of the shared open file). */
  readonly cloexec = new Set<number>();
  /** Status changes (stop, continue) not yet reported to a waiting parent. */
  readonly pendingReports: WaitStatus[] = [];
  private resumers: (() => void)[] = [];
  comm: string;
  /** The cgroup (v2 path) the process belongs to: its systemd unit or session. */
  cgroup = '/';
  /** Niceness, -20..19: inherited by children, changed by setpriority(2). */
  nice = 0;
  /** Its UTS namespace (a container's host and domain names); undefined: the machine's own. */
  uts: UtsNamespace | undefined;
  /** Its network namespace: 0 is the machine's own (see netns.ts). */
  netns = 0;
  /** Its PID namespace (a container's, see pidns.ts); undefined: the machine's own. */
  pidns: PidNamespace | undefined;
  /** Reparented to its PID namespace's init when its parent died (that init reaps it). */
  adopted = false;
  /** CPU time used, and that of its children it has waited for, in ms (cpu-time.ts). */
  cpuMs = 0;
  childCpuMs = 0;
  /** When it last entered the kernel (a system call or a tick). */
  lastRan = -Infinity;
  /** Resource limits (getrlimit(2)); set by the kernel when the process is created. */
  rlimits!: Rlimits;
  /** Bytes the program allocated (its heap: Sys.alloc), charged to the machine's memory. */
  heap = 0;
  /** /proc/<pid>/oom_score_adj: -1000 (never chosen) to 1000. */
  oomScoreAdj = 0;
  /** I/O priority (ioprio_set): class << 13 | data; 0 is class none. */
  ioprio = 0;
  /** personality(2): the execution domain (0x0008 PER_LINUX32) and flags such as UNAME26. */
  personality = 0;
  /** sched_setscheduler(2): the policy (0 SCHED_OTHER, 1 FIFO, 2 RR, 3 BATCH, 5 IDLE) and its real-time priority. */
  policy = 0;
  rtprio = 0;
  /** sched_setaffinity(2): the CPUs it may run on, a bit each. */
  affinity = 3;
  /** PF_FORKNOEXEC (0x40): forked, and has not exec'd since (ps's F column shows it as 1). */
  forkNoExec = false;
  /** The path of the file it runs (/proc/<pid>/exe), once it has exec'd one. */
  exe: string | undefined;

  constructor(
    readonly pid: number,
    public ppid: number,
    public pgid: number,
    public sid: number,
    public cred: Cred,
    public cwd: Inode,
    public umask: number,
    public argv: string[],
    public env: Map<string, string>,
    public fds: Map<number, OpenFile>,
    public ctty: Tty | undefined,
    readonly startTime: number,
  ) {
    this.comm = commOf(argv[0] ?? '');
  }

  disposition(signal: number): Disposition {
    return this.handlers.get(signal) ?? 'default';
  }

  /** Resolves when the process is not stopped. */
  whenRunning(): Promise<void> {
    if (this.state !== 'stopped') return Promise.resolve();
    return new Promise((resolve) => this.resumers.push(resolve));
  }

  resume(): void {
    this.state = 'running';
    const r = this.resumers;
    this.resumers = [];
    for (const f of r) f();
  }

  interruptBlockers(err: () => unknown): void {
    const list = [...this.blockers];
    this.blockers.clear();
    for (const b of list) b.reject(err());
  }
}

/** The 15-character command name Linux keeps in /proc/<pid>/comm. */
export function commOf(argv0: string): string {
  const base = argv0.slice(argv0.lastIndexOf('/') + 1);
  return base.slice(0, 15);
}

/**
 * A kernel thread: kthreadd (pid 2) and the threads it starts. They run no program, so they
 * are not Processes: the process listing and /proc show them, signals do not reach them.
 */
export interface KernelThread {
  readonly pid: number;
  readonly name: string;
  /** S sleeping, I idle (a workqueue waiting for work). */
  readonly state: 'S' | 'I';
  nice: number;
  /** SCHED_FIFO priority (migration, watchdogd), 0 for normal scheduling. */
  readonly rtprio: number;
}

// What linux-esx 6.1 on a 2-vCPU VM has started by the time systemd runs; the gaps are
// threads that have already exited (early kworkers).
const KTHREADS: [number, string, 'S' | 'I', number, number][] = [
  [2, 'kthreadd', 'S', 0, 0], [3, 'rcu_gp', 'I', -20, 0], [4, 'rcu_par_gp', 'I', -20, 0],
  [5, 'slub_flushwq', 'I', -20, 0], [6, 'netns', 'I', -20, 0], [8, 'kworker/0:0H-events_highpri', 'I', -20, 0],
  [10, 'mm_percpu_wq', 'I', -20, 0], [11, 'rcu_tasks_kthre', 'I', 0, 0], [12, 'rcu_tasks_rude_', 'I', 0, 0],
  [13, 'rcu_tasks_trace', 'I', 0, 0], [14, 'ksoftirqd/0', 'S', 0, 0], [15, 'rcu_sched', 'I', 0, 0],
  [16, 'migration/0', 'S', 0, 99], [17, 'cpuhp/0', 'S', 0, 0], [18, 'cpuhp/1', 'S', 0, 0],
  [19, 'migration/1', 'S', 0, 99], [20, 'ksoftirqd/1', 'S', 0, 0], [22, 'kworker/1:0H-events_highpri', 'I', -20, 0],
  [23, 'kdevtmpfs', 'S', 0, 0], [24, 'inet_frag_wq', 'I', -20, 0], [25, 'kauditd', 'S', 0, 0],
  [26, 'khungtaskd', 'S', 0, 0], [27, 'oom_reaper', 'S', 0, 0], [28, 'writeback', 'I', -20, 0],
  [29, 'kcompactd0', 'S', 0, 0], [30, 'ksmd', 'S', 5, 0], [31, 'khugepaged', 'S', 19, 0],
  [32, 'kintegrityd', 'I', -20, 0], [33, 'kblockd', 'I', -20, 0], [34, 'blkcg_punt_bio', 'I', -20, 0],
  [35, 'watchdogd', 'S', 0, 50], [37, 'kswapd0', 'S', 0, 0], [38, 'kworker/0:1-events', 'I', 0, 0],
  [39, 'kworker/1:1-events', 'I', 0, 0], [40, 'kworker/u4:0-events_unbound', 'I', 0, 0],
];

/** Pids up to this one belong to the kernel (pid 1 and its threads); programs get later ones. */
export const LAST_RESERVED_PID = 40;

/** A fresh set of kernel threads for a booting kernel (their niceness may be changed). */
export function kernelThreads(): Map<number, KernelThread> {
  return new Map(KTHREADS.map(([pid, name, state, nice, rtprio]) => [pid, { pid, name, state, nice, rtprio }]));
}

/**
 * The PF_* bits ps's F column shows: PF_FORKNOEXEC, and PF_SUPERPRIV once root's privilege did
 * something the mode bits or ids alone would not allow (init has, mounting and naming the host).
 */
export function procFlags(p: Process): number {
  return (p.forkNoExec ? 0x40 : 0) | (p.cred.usedPriv || (p.pid === 1 && !p.pidns) ? 0x100 : 0);
}
