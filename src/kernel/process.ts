// The process table entry: identity, credentials, working directory, file descriptors,
// signal dispositions and the blocking operations a signal may interrupt.
import type { WaitStatus } from '../shared/process';
import type { OpenFile } from './files';
import type { Inode } from './vfs/inode';
import type { Cred } from './vfs/permissions';
import type { Tty } from './tty';

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
