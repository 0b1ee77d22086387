// The narrow interface a program sees: system calls bound to its own process. Programs never
// import the kernel. Every call rejects with a SysError (errno, syscall, path) on failure.
import type { AclEntry, AclKind } from './acl';
import type { FsUsage, Stat } from './stat';
import type { ProcessInfo, WaitStatus } from './process';
import type { Termios, WinSize } from './termios';

export interface OpenFlags {
  read?: boolean;
  write?: boolean;
  create?: boolean;
  exclusive?: boolean;
  truncate?: boolean;
  append?: boolean;
  /** O_DIRECTORY */
  directory?: boolean;
  /** O_NOFOLLOW */
  noFollow?: boolean;
}

export interface SpawnOptions {
  /** argv[0] is the name the program sees; `path` is the file to run (already resolved). */
  path: string;
  argv: string[];
  env: Map<string, string>;
  /** Child fd -> parent fd to copy; fds not listed are not inherited. Default: every fd not marked close-on-exec. */
  fds?: Map<number, number>;
  /** Process group: 0 for a new group led by the child, a pgid to join one, undefined to inherit. */
  pgid?: number;
  /** Put the child's group in the terminal foreground (interactive job control). */
  foreground?: boolean;
  /** Signals the child ignores; default: those this process ignores (POSIX inheritance). */
  ignore?: number[];
}

export interface ForkOptions {
  /** Signals the child ignores; default: those this process ignores. */
  ignore?: number[];
  fds?: Map<number, number>;
  pgid?: number;
  foreground?: boolean;
  /** Name shown in ps (defaults to the parent's). */
  argv?: string[];
}

export interface UtsName {
  sysname: string;
  nodename: string;
  release: string;
  version: string;
  machine: string;
  domainname: string;
}

/**
 * getrlimit(2) resources (RLIMIT_*). `as` is RLIMIT_AS (ulimit -v), `fsize` RLIMIT_FSIZE
 * (ulimit -f, bytes), `nofile` RLIMIT_NOFILE, `nproc` RLIMIT_NPROC.
 */
export type RlimitResource =
  | 'cpu' | 'fsize' | 'data' | 'stack' | 'core' | 'rss' | 'nproc' | 'nofile'
  | 'memlock' | 'as' | 'locks' | 'sigpending' | 'msgqueue' | 'nice' | 'rtprio' | 'rttime';

/** A soft and a hard limit; Infinity is RLIM_INFINITY ("unlimited"). */
export interface Rlimit {
  soft: number;
  hard: number;
}

/** A process's memory as /proc/<pid>/status reports it, in bytes. */
export interface MemoryUsage {
  /** VmSize: the program's mappings plus what it allocated. */
  vm: number;
  /** VmRSS. */
  rss: number;
  /** What the program allocated (its heap: the anonymous memory it charged with alloc). */
  heap: number;
}

/** Whose niceness getpriority/setpriority name: a process, a process group or a user's processes. */
export type PriorityWhich = 'process' | 'pgrp' | 'user';

export type SignalHandler = 'default' | 'ignore' | ((signal: number) => void);

export interface Sys {
  readonly pid: number;
  readonly argv: readonly string[];
  /** The environment this process was started with (a copy it owns). */
  readonly env: Map<string, string>;

  // files
  open(path: string, flags: OpenFlags, mode?: number): Promise<number>;
  /** Reads up to `max` bytes; null at end of file. */
  read(fd: number, max?: number): Promise<Uint8Array | null>;
  write(fd: number, data: Uint8Array | string): Promise<void>;
  close(fd: number): void;
  dup(fd: number): number;
  dup2(from: number, to: number): number;
  pipe(): [number, number];
  /**
   * A descriptor for a connection the program made through the 'traffic' service (bash's
   * /dev/tcp): `conn` when the peer is a socket of this machine, `greeting` what a remote peer
   * sends first.
   */
  socket(spec: { proto: 'tcp' | 'udp'; conn?: number; greeting?: string; dst?: string; port?: number }): number;
  lseek(fd: number, offset: number, whence: 'set' | 'cur' | 'end'): number;
  ftruncate(fd: number, length: number): void;
  /**
   * An open file's inode attribute, read, or set when `set` is given: its flags
   * (FS_IOC_GETFLAGS/SETFLAGS), generation (FS_IOC_GETVERSION/SETVERSION) or project id
   * (FS_IOC_FSGETXATTR/FSSETXATTR). ENOTTY where the filesystem has no such attribute.
   */
  inodeAttr(fd: number, attr: 'flags' | 'version' | 'project', set?: number): number;
  isOpen(fd: number): boolean;
  /** The open descriptors, with whether each is close-on-exec. */
  openFds(): { fd: number; cloexec: boolean }[];
  setCloexec(fd: number, on: boolean): void;

  stat(path: string): Promise<Stat>;
  lstat(path: string): Promise<Stat>;
  fstat(fd: number): Stat;
  /**
   * flock(2) with LOCK_NB: 'sh' or 'ex' takes a lock on the descriptor's file (EAGAIN while
   * another open file description holds a conflicting one), 'un' drops it. A lock belongs to
   * the open file description: descriptors shared by dup or fork hold it together, and it goes
   * when the last of them is closed.
   */
  flock(fd: number, op: 'sh' | 'ex' | 'un'): void;
  readdir(path: string): Promise<string[]>;
  /** readdir with each entry's type as d_type gives it (undefined where it is unknown). */
  readdirTypes(path: string): Promise<{ name: string; kind: Stat['kind'] | undefined }[]>;
  mkdir(path: string, mode?: number): Promise<void>;
  /** mkfifo(3): a named pipe. */
  mkfifo(path: string, mode?: number): Promise<void>;
  /** mknod(2) of a character or block device (needs root: EPERM otherwise). */
  mknod(path: string, mode: number, kind: 'chardev' | 'blockdev', major: number, minor: number): Promise<void>;
  rmdir(path: string): Promise<void>;
  unlink(path: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  link(existing: string, path: string): Promise<void>;
  symlink(target: string, path: string): Promise<void>;
  readlink(path: string): Promise<string>;
  chmod(path: string, mode: number): Promise<void>;
  /** getxattr of system.posix_acl_*: the access ACL (from the mode when there is none) or the default one ([] when none); EOPNOTSUPP where the filesystem keeps none. */
  getAcl(path: string, kind: AclKind, follow?: boolean): Promise<AclEntry[]>;
  /** setxattr/removexattr of an ACL (null removes it): the owner or root only. */
  setAcl(path: string, kind: AclKind, entries: AclEntry[] | null, follow?: boolean): Promise<void>;
  chown(path: string, uid: number, gid: number): Promise<void>;
  lchown(path: string, uid: number, gid: number): Promise<void>;
  utimes(path: string, atime?: number, mtime?: number, follow?: boolean): Promise<void>;
  truncate(path: string, length: number): Promise<void>;
  access(path: string, mode: number): Promise<void>;
  realpath(path: string): Promise<string>;
  statfs(path: string): Promise<FsUsage>;
  mounts(): FsUsage[];
  getcwd(): string;
  chdir(path: string): Promise<void>;
  /**
   * chroot(2): makes `path` this process's root directory (inherited by its children); the
   * working directory stays. EPERM unless root; ENOENT, ENOTDIR, EACCES as for chdir.
   */
  chroot(path: string): Promise<void>;
  /**
   * swapon(2) of a file with a swap header (priority -1 for the next below the last), and
   * swapoff(2): EPERM unless root, EBUSY if already on, EINVAL if no swap area or not on.
   */
  swapon(path: string, prio: number): Promise<void>;
  swapoff(path: string): Promise<void>;
  /**
   * mount(2): `flags` are MS_* names (ro, nosuid, nodev, noexec, sync, dirsync, noatime,
   * nodiratime, strictatime, remount, bind), `data` the filesystem's own options. EPERM unless
   * root; ENOENT, ENOTDIR, ENOTBLK, EINVAL (a bad option, a remount of no mount), EBUSY.
   */
  mount(source: string, target: string, type: string, flags: readonly string[], data: string): Promise<void>;
  /** umount2(2), MNT_DETACH with `lazy`: EPERM, EINVAL (not a mount), EBUSY (in use). */
  umount(target: string, lazy: boolean): Promise<void>;

  // convenience over open/read/write
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, data: Uint8Array | string, opts?: { append?: boolean; mode?: number }): Promise<void>;

  // processes
  getppid(): number;
  getpgid(): number;
  getsid(): number;
  getuid(): number;
  geteuid(): number;
  getgid(): number;
  getegid(): number;
  getgroups(): number[];
  /** setresuid/setresgid/setgroups: root only (EPERM otherwise); -1 leaves an id unchanged. */
  setuid(uid: number, euid?: number): void;
  setgid(gid: number, egid?: number): void;
  setgroups(groups: number[]): void;
  /** Signals this process ignores. */
  ignoredSignals(): number[];
  umask(mask?: number): number;
  spawn(opts: SpawnOptions): Promise<number>;
  fork(child: (sys: Sys) => Promise<number>, opts?: ForkOptions): Promise<number>;
  /** Replaces this process's program: runs `path` in this process and exits with its status. */
  exec(path: string, argv: string[], env: Map<string, string>): Promise<never>;
  wait(pid: number, opts?: { noHang?: boolean; untraced?: boolean; continued?: boolean }): Promise<{ pid: number; status: WaitStatus } | null>;
  exit(code: number): never;
  kill(pid: number, signal: number): void;
  signal(signal: number, handler: SignalHandler): void;
  setpgid(pid: number, pgid: number): void;
  processes(): ProcessInfo[];
  /** getpriority(2): the lowest niceness among the processes named (who 0: this process, group or real user); ESRCH if none. */
  getpriority(which: PriorityWhich, who: number): number;
  /** setpriority(2): niceness clamped to -20..19; EPERM for another user's process, EACCES to lower it without root. */
  setpriority(which: PriorityWhich, who: number, nice: number): void;
  /** ioprio_get(2): the highest I/O priority (lowest class << 13 | data) among the processes named; ESRCH if none. */
  ioprioGet(which: PriorityWhich, who: number): number;
  /** ioprio_set(2): EINVAL for a class past 3 or data past 7, EPERM for another user's process or the realtime class without root. */
  ioprioSet(which: PriorityWhich, who: number, value: number): void;
  /** sched_getscheduler, sched_getparam and sched_getaffinity of `pid` (0: this process): ESRCH. */
  schedGet(pid: number): { policy: number; priority: number; affinity: number };
  /**
   * sched_setscheduler (policy and priority) or sched_setaffinity (a CPU mask, kept to the CPUs
   * online: EINVAL when none is): ESRCH; EPERM for another user's process or a real-time policy without root.
   */
  schedSet(pid: number, change: { policy?: number; priority?: number; affinity?: number }): void;
  /** getrlimit(2). */
  getrlimit(resource: RlimitResource): Rlimit;
  /**
   * setrlimit(2): EINVAL when soft exceeds hard; EPERM to raise the hard limit without root
   * (CAP_SYS_RESOURCE), or RLIMIT_NOFILE's beyond fs.nr_open even for root. With `pid`, prlimit(2)
   * of that process: ESRCH, EPERM unless root or its ids are the caller's.
   */
  setrlimit(resource: RlimitResource, limit: Rlimit, pid?: number): void;

  // memory
  /**
   * malloc/free as the kernel sees them: grows (or, negative, shrinks) this process's heap by
   * `bytes`. ENOMEM when RLIMIT_AS would be exceeded. When the machine is out of memory the
   * OOM killer runs first: it kills the process using the most memory, which may be this one
   * (the call then never returns: the process is dead).
   */
  alloc(bytes: number): void;
  /** This process's memory (VmSize, VmRSS, heap). */
  memoryUsage(): MemoryUsage;

  // terminal
  isatty(fd: number): boolean;
  ttyname(fd: number): string | undefined;
  tcgetattr(fd: number): Termios;
  tcsetattr(fd: number, t: Termios): void;
  tcgetpgrp(fd: number): number;
  tcsetpgrp(fd: number, pgid: number): void;
  winsize(fd: number): WinSize;
  /** TIOCSWINSZ: sets the terminal's size (its foreground group gets SIGWINCH). */
  tcsetwinsize(fd: number, size: WinSize): void;

  // time, randomness, identity
  /** Gives the worker a turn when due, and ends the process if a signal killed it. */
  tick(): Promise<void> | undefined;
  sleep(ms: number): Promise<void>;
  /** sched_yield(2): lets the other runnable processes run before this one goes on (no time passes). */
  schedYield(): Promise<void>;
  /**
   * alarm(2), in virtual milliseconds: SIGALRM to this process once `ms` have passed (0 cancels
   * the pending one); returns what was left of the previous alarm (0 if none).
   */
  alarm(ms: number): number;
  /** select(2) with a zero timeout: would a read of `fd` return at once (data or end of file)? EBADF if not open for reading. */
  readReady(fd: number): boolean;
  /**
   * Runs `load` (more of the program's own code: a chunk the browser fetches) as exec's loading
   * is run: the skipping clock does not jump ahead while it is under way.
   */
  loadCode<T>(load: () => Promise<T>): Promise<T>;
  /** The time of day (CLOCK_REALTIME), milliseconds since the epoch. */
  now(): number;
  /** clock_settime(CLOCK_REALTIME): EPERM without CAP_SYS_TIME (root outside a container). */
  settime(ms: number): void;
  uptime(): number;
  random(n: number): number;
  randomBytes(n: number): Uint8Array;
  uname(): UtsName;
  /** personality(2): sets the execution domain and flags (0xffffffff only asks); returns the old one. */
  personality(p: number): number;
  sethostname(name: string): void;

  // services: the kernel's own subsystems (netfilter, links and routes) and the daemons
  // (systemd, journald, ...), reached by name with plain-data requests; see shared/services/
  /** Sends `request` to the named service; rejects with ENOENT-like SysError when none runs. */
  call(service: string, request: unknown): Promise<unknown>;
}

/** Who is calling a service: the credentials and pid it can check. */
export interface Caller {
  pid: number;
  uid: number;
  euid: number;
  gid: number;
  egid: number;
  groups: readonly number[];
  /** The caller's network namespace (a container's); 0 or absent: the machine's own. */
  netns?: number;
}
