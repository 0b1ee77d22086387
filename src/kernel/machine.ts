// A whole machine: boots the kernel with Photon's image, runs init and the console login
// shell, and offers the host (page worker, CLI, tests) a small surface.
import { SIGNALS } from '../shared/signals';
import type { WinSize } from '../shared/termios';
import { Clock, type ClockMode, type HostTime } from './clock';
import type { OpenFile } from './files';
import { buildDev, ImageWriter } from './image/writer';
import { freshDisk, type FreshDisk } from './image/fresh-disk';
import { deferDisk, fillLateFiles } from './snapshot/disk';
import { bootLog } from '../shared/kmsg';
import { Journal } from '../subsystems/journald/journal';
import { ProcessKilled } from './errors';
import * as etc from './image/etc-files';
import { Kernel } from './kernel';
import { Pipe } from './pipe';
import type { Process } from './process';
import { mountProc } from './procfs';
import { Random } from './random';
import { startSubsystems, type Subsystems } from './services';
import { realNow } from './scheduler';
import { Tty } from './tty';
import { Vfs } from './vfs/vfs';
import type { Cred } from './vfs/permissions';
import type { Inode } from './vfs/inode';
import type { RestoreSource } from './snapshot/types';
import { startLateLoads } from '../shared/late-code';

export interface MachineOptions {
  /** A fresh machine's disk (tests give one); by default the image's (image/fresh-disk.ts). */
  disk?: FreshDisk;
  /** 'realtime' in the browser, 'skip' for the CLI, 'manual' for tests. */
  clock?: ClockMode;
  /** Virtual epoch milliseconds at boot. */
  start?: number;
  seed?: number;
  /**
   * Real bytes of file data (all filesystems, zeros not counted: they take no memory) the
   * machine may hold; ENOSPC beyond. Default 256 MiB.
   */
  memoryQuota?: number;
  /** Real bytes the programs' heaps may hold together; the OOM killer acts beyond. Default 128 MiB. */
  heapQuota?: number;
  /** Most tasks at once (fork fails with EAGAIN beyond, as at kernel.threads-max). Default 1024. */
  maxTasks?: number;
  /** Receives console output (the page's terminal). */
  onConsole?: (text: string) => void;
  winsize?: WinSize;
  /** Start the services only once the console shows its first prompt (the page). */
  servicesAfterPrompt?: boolean;
  /**
   * A saved machine to boot instead of the fresh image (restoreSource() in
   * snapshot/machine-io.ts, from a snapshot decodeSnapshot checked): its disk and journal are
   * loaded, and after the boot its runtime state is put back (`restored`).
   */
  restore?: RestoreSource;
  /**
   * false: boot without starting any unit (no daemons running), for unit tests of single
   * programs; the service manager still answers. Default true.
   */
  services?: boolean;
}

/** How much of the console's latest output a snapshot keeps, to show again after a reload. */
const SCREEN_KEEP = 128 * 1024;
/** How long after the console's first prompt a fresh disk's late files are fetched. */
const LATE_FILES_AFTER_MS = 50;

const ROOT_ENV: [string, string][] = [
  ['HOME', '/root'],
  ['LANG', 'C'],
  ['LOGNAME', 'root'],
  ['MAIL', '/var/mail/root'],
  ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
  ['SHELL', '/bin/bash'],
  ['TERM', 'xterm-256color'],
  ['USER', 'root'],
];

const hostTime: HostTime = {
  monotonic: realNow,
  setTimer(ms, fn) {
    const id = setTimeout(fn, ms);
    return () => clearTimeout(id);
  },
};

export const ROOT_CRED: Cred = { uid: 0, gid: 0, euid: 0, egid: 0, groups: [0] };

export class Machine {
  kernel!: Kernel;
  readonly console: Tty;
  subsystems!: Subsystems;
  /** The persistent journal (/var/log/journal): it outlives reboots. */
  readonly journal = new Journal();
  readonly bootMs: number;
  /** 'running', or 'off' after poweroff/halt (input then boots it again). */
  power: 'running' | 'off' = 'running';
  private consoleSink: (text: string) => void;
  /** the console's latest output (SCREEN_KEEP characters at most), for snapshots */
  private screen = '';
  private readonly consoleOut = (text: string): void => {
    this.screen += text;
    if (this.screen.length > SCREEN_KEEP * 2) this.screen = this.screen.slice(-SCREEN_KEEP);
    this.consoleSink(text);
  };
  private consoleShell: Process | undefined;
  private readonly clock: Clock;
  private readonly vfs: Vfs;
  private readonly random: Random;
  private boots = 0;
  private readonly servicesAfterPrompt: boolean;
  private readonly startServices: boolean;
  /** Resolves when the boot's start jobs (default.target) have finished. */
  booted: Promise<void> = Promise.resolve();
  private rebooting = false;
  /** Called after a reboot or power-off (the page re-reads the hostname, the CLI stops). */
  onPower: ((state: 'rebooted' | 'off') => void) | undefined;
  /** A restored machine: resolves once its saved runtime state is back (at once for a fresh one). */
  restored: Promise<void> = Promise.resolve();
  /**
   * Resolves once every file of the disk has its bytes: a fresh machine in the browser gets
   * some (the rpm database) a moment after it boots. Until then programs wait to start, and
   * nothing is saved. The first to ask starts the fetch (the console's first prompt does, a
   * moment later).
   */
  get diskComplete(): Promise<void> {
    return (this.diskCompleting ??= this.fillLate?.() ?? Promise.resolve());
  }
  diskFilled = true;
  /** fetches the files a fresh disk came without and fills them in (started on first need) */
  private fillLate: (() => Promise<void>) | undefined;
  private diskCompleting: Promise<void> | undefined;
  private readonly restoredFrom: RestoreSource | undefined;
  private readonly kernelOpts: { heapQuota?: number; maxTasks?: number };

  constructor(opts: MachineOptions = {}) {
    const t0 = realNow();
    this.servicesAfterPrompt = opts.servicesAfterPrompt ?? false;
    this.startServices = opts.services ?? true;
    this.kernelOpts = { ...(opts.heapQuota !== undefined ? { heapQuota: opts.heapQuota } : {}), ...(opts.maxTasks !== undefined ? { maxTasks: opts.maxTasks } : {}) };
    const snap = opts.restore;
    this.restoredFrom = snap;
    this.clock = new Clock(opts.clock ?? 'realtime', opts.start ?? snap?.savedAt ?? Date.UTC(2026, 0, 15, 9, 30, 0), hostTime);
    const clock = this.clock;
    const vfs = (this.vfs = new Vfs(() => clock.realtime(), opts.memoryQuota ?? 256 * 1024 * 1024));
    // a fresh machine boots from the image as installed (image/fresh-disk.ts), a restored one from its saved disk
    const fresh = snap ? undefined : opts.disk ?? freshDisk();
    const disk = snap?.fs ?? fresh!.fs;
    vfs.addFilesystem('ext4', '/dev/sda3', '/', disk.capacity, { baseline: disk.baseline, inodesTotal: disk.inodesTotal });
    if (snap) snap.load(vfs, this.journal);
    // the fresh disk is the build's own image: its inodes are made as the machine first needs them
    else deferDisk(vfs, fresh!);
    const late = fresh?.late;
    if (late) {
      this.diskFilled = false;
      const done = (): void => {
        this.diskFilled = true;
      };
      // (a chunk that fails to load leaves those files as holes: the machine goes on)
      this.fillLate = () => late().then((l) => fillLateFiles(vfs, l)).then(done, done);
    }
    this.random = new Random(opts.seed ?? 0x5eed);
    this.consoleSink = opts.onConsole ?? (() => {});
    this.console = new Tty('tty1', [4, 1], {
      signalGroup: (pgid, sig) => this.kernel.signalGroup(pgid, sig),
      output: (text) => this.consoleOut(text),
    });
    if (opts.winsize) this.console.winsize = { ...opts.winsize };
    // a moment after the first prompt, so their fetches do not hold the prompt up (starting a
    // dynamic import costs the worker tens of milliseconds: not before the prompt has gone out)
    const prompted = (): void => {
      this.console.idleListeners.delete(prompted);
      this.kernel.clock.after(LATE_FILES_AFTER_MS, () => {
        void startLateLoads();
        if (this.fillLate) void this.diskComplete;
      });
    };
    this.console.idleListeners.add(prompted);
    this.bootKernel();
    if (snap) this.restored = snap.runtime(this).catch(() => {});
    this.bootMs = realNow() - t0;
  }

  /** The root filesystem's store (snapshot/machine-io.ts reads the disk from it). */
  get disk(): Vfs {
    return this.vfs;
  }

  /** The console's latest output, for a snapshot. */
  consoleScreen(): string {
    return this.screen.slice(-SCREEN_KEEP);
  }

  /** The console shows the login shell's prompt (no command of the learner's is running). */
  consoleAtPrompt(): boolean {
    const shell = this.consoleShell;
    return !!shell && !shell.status && this.console.foreground === shell.pgid;
  }

  /** The console shell's working directory (where a dropped file lands). */
  consoleCwd(): string {
    const shell = this.consoleShell;
    if (shell && !shell.status) {
      try {
        return this.kernel.vfs.pathOf(shell.cwd);
      } catch {
        // removed meanwhile
      }
    }
    return '/root';
  }

  /**
   * The console of a restored machine: what it showed when saved (up to the last full line),
   * then a login shell in the directory the learner was in. A fresh machine's console starts
   * with the boot log instead (startConsoleShell).
   */
  resumeConsole(): void {
    const snap = this.restoredFrom;
    if (!snap) {
      this.startConsoleShell();
      return;
    }
    const screen = snap.console.screen;
    const cut = screen.lastIndexOf('\n');
    // a full-screen program that was open (vi, less, top) is gone: leave its screen; then a soft
    // terminal reset (DECSTR) for the new shell, as a new login would find it: cursor shown,
    // colours, modes and scroll region back to their defaults, and the ASCII character set
    // (output such as `cat /dev/urandom` can leave the line-drawing set in use)
    const inAlt = screen.lastIndexOf('\x1b[?1049h') > screen.lastIndexOf('\x1b[?1049l');
    this.consoleOut(`${cut >= 0 ? screen.slice(0, cut + 1) : ''}${inAlt ? '\x1b[?1049l' : ''}\x1b[!p\x1b[?25h\x1b[0m`);
    this.startConsoleShell(false, snap.console.cwd);
  }

  /** Starts a kernel on the disk: fresh RAM filesystems, init, the subsystems and the services. */
  private bootKernel(): void {
    const { vfs, clock } = this;
    const w = new ImageWriter(vfs);
    const hostname = (w.readText('/etc/hostname') ?? '').trim() || 'photon';
    this.kernel = new Kernel(vfs, clock, this.random, {
      hostname,
      release: etc.KERNEL_RELEASE,
      version: etc.KERNEL_VERSION,
      machine: 'x86_64',
    }, this.kernelOpts);
    const k = this.kernel;
    const mount = (type: 'devtmpfs' | 'proc' | 'sysfs' | 'tmpfs', source: string, path: string, perm: number, capacity: number, options: string): void => {
      const fs = vfs.addFilesystem(type, source, path, capacity, { options, inodesTotal: capacity ? 251824 : 0 });
      vfs.mountNew(fs, perm, w.dir(path, perm));
    };
    mount('devtmpfs', 'devtmpfs', '/dev', 0o755, 4 * 1024 * 1024, 'rw,nosuid,size=4096k,nr_inodes=251824,mode=755');
    buildDev(w);
    mount('proc', 'proc', '/proc', 0o555, 0, 'rw,nosuid,nodev,noexec,relatime');
    mount('sysfs', 'sysfs', '/sys', 0o555, 0, 'rw,nosuid,nodev,noexec,relatime');
    mount('tmpfs', 'tmpfs', '/run', 0o755, 403 * 1024 * 1024, 'rw,nosuid,nodev,size=402852k,nr_inodes=819200,mode=755');
    mount('tmpfs', 'tmpfs', '/tmp', 0o1777, 1007 * 1024 * 1024, 'rw,nosuid,nodev,nr_inodes=1048576');
    for (const d of ['/run/lock', '/run/media', '/run/user', '/run/systemd', '/run/systemd/resolve', '/run/systemd/system', '/run/log', '/run/log/journal']) w.dir(d, d === '/run/lock' ? 0o1777 : 0o755);
    w.file('/run/systemd/resolve/stub-resolv.conf', 'nameserver 127.0.0.53\noptions edns0 trust-ad\nsearch .\n');
    k.memory.markBoot();
    const procRoot = vfs.child(vfs.root, 'proc')!;
    mountProc(k, procRoot, () => k.current?.pid ?? 1);
    k.consoleTty = this.console;
    // the files come when a program first needs them, or once the console has prompted
    if (!this.diskFilled) k.execGate = () => this.diskComplete;
    this.console.session = 0;
    this.console.foreground = 0;
    this.boots++;
    const bootId = Array.from(this.random.fill(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
    this.journal.startBoot(bootId, { now: () => clock.realtime(), uptime: () => clock.now() - k.bootedAt }, () => k.identity.hostname);
    for (const [, level, text] of bootLog(etc.KERNEL_RELEASE, etc.KERNEL_VERSION, etc.KERNEL_CMDLINE)) this.journal.kernel(text, level);
    // what the kernel logs from now on (the OOM killer) reaches the journal too
    k.klog.listeners.add((r) => this.journal.kernel(r.text, r.level));
    this.startInit();
    this.subsystems = startSubsystems(k, this.journal, {
      console: (line) => this.consoleOut(`${line}\r\n`),
      power: (action) => this.powerAction(action),
    });
    // services start once the console is up, as getty does not wait for them either
    const subs = this.subsystems;
    if (!this.startServices) {
      this.booted = subs.load();
      return;
    }
    k.clock.busy++;
    this.booted = new Promise<void>((resolve) => {
      const go = (): void => {
        // the manager's code and its table of unit-file keys are fetched first, with the clock
        // held as for any code the machine loads (the skipping clock must not jump over it)
        void Promise.all([import('../subsystems/systemd/config').then((c) => c.loadUnitKeys()), subs.loadManager()]).then(([, manager]) => {
          k.clock.busy--;
          return Promise.all([manager.boot(), subs.load()]);
        }).then(() => resolve());
      };
      // on a page the login prompt comes first and the services start behind it, so the
      // learner can type at once; headless, they start right away
      if (this.servicesAfterPrompt) this.console.onIdle = () => void k.clock.after(150, go);
      else queueMicrotask(go);
    });
  }

  /** The directory a console shell starts in: `path` if it is still a directory, else /root. */
  private consoleDir(path: string): Inode {
    const k = this.kernel;
    try {
      const d = k.vfs.resolve(ROOT_CRED, k.vfs.root, path, { follow: true });
      if (d.type === 'dir') return d;
    } catch {
      // gone since: home
    }
    // no home directory: login goes on in / (as login does, with HOME=/)
    return this.consoleHome() ?? k.vfs.root;
  }

  /** root's home directory, /root, if it is one. */
  private consoleHome(): Inode | undefined {
    const k = this.kernel;
    try {
      const home = k.vfs.resolve(ROOT_CRED, k.vfs.root, '/root', { follow: true });
      return home.type === 'dir' ? home : undefined;
    } catch {
      return undefined;
    }
  }

  private startInit(): void {
    const k = this.kernel;
    const init = k.createProcess(undefined, {
      cred: ROOT_CRED, cwd: k.vfs.root, umask: 0o022, argv: ['/lib/systemd/systemd', '--system', '--deserialize', '31'],
      env: new Map(), fds: new Map(), ctty: undefined, cgroup: '/init.scope',
    });
    init.comm = 'systemd';
    init.exe = '/usr/lib/systemd/systemd';
    // init sleeps forever; its orphaned children are reaped by the kernel (see Kernel.terminate)
    k.start(init, () => new Promise<number>(() => {}));
  }

  /** What systemd does last: reboot (the disk stays, RAM is gone) or power off. */
  private powerAction(action: 'reboot' | 'poweroff' | 'halt' | 'kexec'): void {
    const k = this.kernel;
    this.rebooting = true;
    // every process dies with the kernel (systemd's final SIGTERM); their pending work unwinds
    for (const p of [...k.procs.values()].sort((a, b) => b.pid - a.pid)) {
      if (p.pid !== 1) k.terminate(p, { kind: 'signaled', signal: SIGNALS.SIGTERM, core: false });
    }
    for (const p of k.procs.values()) {
      p.killed = true;
      p.interruptBlockers(() => new ProcessKilled(p.pid));
    }
    k.procs.clear();
    this.rebooting = false;
    k.exitListeners.clear();
    this.consoleShell = undefined;
    this.console.flushInput();
    this.vfs.resetVolatile();
    if (action === 'reboot' || action === 'kexec') {
      this.consoleOut('\r\n[  OK  ] Reached target \x1b[0;1;39mreboot.target\x1b[0m - System Reboot.\r\n');
      this.bootKernel();
      this.startConsoleShell();
      this.onPower?.('rebooted');
    } else {
      this.power = 'off';
      this.consoleOut(`\r\n[  OK  ] Reached target \x1b[0;1;39m${action}.target\x1b[0m - System ${action === 'halt' ? 'Halt' : 'Power Off'}.\r\n${action === 'halt' ? 'reboot: System halted' : 'reboot: Power down'}\r\n`);
      this.onPower?.('off');
    }
  }

  /**
   * Stops the machine's clock for good (tests and the CLI are done with it): its timers and
   * services stop running in the background of the host.
   */
  stopClock(): void {
    this.clock.stop();
  }

  /** Turns a powered-off machine on again. */
  powerOn(): void {
    if (this.power !== 'off') return;
    this.power = 'running';
    this.bootKernel();
    this.startConsoleShell();
  }

  setConsoleOutput(fn: (text: string) => void): void {
    this.consoleSink = fn;
  }

  /** The lines the console shows before the login shell's prompt. */
  bootLog(): string {
    const ok = '[\x1b[0;32m  OK  \x1b[0m]';
    const id = this.kernel.identity;
    return [
      `${ok} Started \x1b[0;1;39mJournal Service\x1b[0m.`,
      `${ok} Reached target \x1b[0;1;39mLocal File Systems\x1b[0m.`,
      `${ok} Started \x1b[0;1;39mNetwork Configuration\x1b[0m.`,
      `${ok} Started \x1b[0;1;39mLoad Iptables Rules\x1b[0m.`,
      `${ok} Started \x1b[0;1;39mOpenSSH Daemon\x1b[0m.`,
      `${ok} Reached target \x1b[0;1;39mMulti-User System\x1b[0m.`,
      '',
      `Welcome to Photon 5.0 (x86_64) - Kernel ${id.release} (tty1)`,
      '',
      `${id.hostname} login: root (automatic login)`,
      '',
      '',
    ].join('\r\n');
  }

  /** Starts the root login shell on the console (and again whenever it exits). */
  startConsoleShell(greeting = true, cwd = '/root'): void {
    if (greeting) this.consoleOut(this.bootLog());
    const k = this.kernel;
    const tty = this.console;
    const file = (): OpenFile => ({ target: { kind: 'tty', tty, node: undefined }, readable: true, writable: true, append: false, pos: 0, refs: 1, path: '/dev/tty1' });
    const f = file();
    f.refs = 3;
    const env = new Map(ROOT_ENV);
    const dir = this.consoleDir(cwd);
    if (!this.consoleHome()) {
      // login's setup_env() with DEFAULT_HOME yes (login.defs): the shell starts in /, HOME=/
      this.consoleOut('No directory, logging in with HOME=/\r\n');
      env.set('HOME', '/');
    }
    const shell = k.createProcess(k.procs.get(1), {
      cred: ROOT_CRED, cwd: dir, umask: 0o022,
      argv: ['-bash'], env, fds: new Map([[0, f], [1, f], [2, f]]), ctty: tty, pgid: 0, sid: 0, cgroup: '/user.slice/user-0.slice/session-1.scope',
    });
    shell.sid = shell.pid;
    shell.pgid = shell.pid;
    tty.session = shell.pid;
    tty.foreground = shell.pid;
    tty.termios = { ...tty.termios };
    this.consoleShell = shell;
    void k.resolveProgram(shell, '/bin/bash', ['-bash']).then(({ main, exe }) => {
      shell.exe = exe;
      k.start(shell, main);
    });
    const listener = (p: Process): void => {
      if (p === this.consoleShell && !this.rebooting) {
        k.exitListeners.delete(listener);
        tty.flushInput();
        this.consoleOut(`\r\n${k.identity.hostname} login: root (automatic login)\r\n\r\n`);
        this.startConsoleShell(false);
      }
    };
    k.exitListeners.add(listener);
  }

  input(data: string): void {
    if (this.power === 'off') {
      this.powerOn();
      return;
    }
    this.console.input(data);
  }

  resize(size: WinSize): void {
    this.console.resize(size);
  }

  /** Moves the virtual clock (tests; 'manual' mode). */
  advance(ms: number): void {
    this.kernel.clock.advance(ms);
  }

  /**
   * Runs `bash argv...` as root without a terminal: stdin /dev/null (or `io.stdin`'s bytes through a pipe), stdout and stderr
   * delivered to the callbacks. Resolves with the exit status (128+n for a signal).
   */
  async run(argv: string[], io: { stdout: (b: Uint8Array) => void; stderr: (b: Uint8Array) => void; cwd?: string; env?: Map<string, string>; stdin?: Uint8Array }): Promise<number> {
    // like logging in after boot: the default units have started
    await this.booted;
    await startLateLoads();
    const k = this.kernel;
    const sink = (deliver: (b: Uint8Array) => void): { file: OpenFile; done: Promise<void> } => {
      const pipe = new Pipe();
      pipe.readers = 1;
      pipe.writers = 1;
      const done = (async () => {
        for (;;) {
          const chunk = pipe.take(65536);
          if (chunk) deliver(chunk);
          else if (pipe.writers === 0) return;
          else await pipe.waitData();
        }
      })();
      return { file: { target: { kind: 'pipe', pipe, end: 'w' }, readable: false, writable: true, append: false, pos: 0, refs: 1, path: 'pipe' }, done };
    };
    const out = sink(io.stdout);
    const err = sink(io.stderr);
    /** a pipe the bytes are fed into as the reader takes them, closed after the last */
    const source = (bytes: Uint8Array): OpenFile => {
      const pipe = new Pipe();
      pipe.readers = 1;
      pipe.writers = 1;
      void (async () => {
        for (let at = 0; at < bytes.length && pipe.readers > 0;) {
          const n = pipe.put(bytes.subarray(at));
          at += n;
          if (n === 0) await pipe.waitRoom();
        }
        pipe.writers = 0;
        pipe.wakeAll();
      })();
      return { target: { kind: 'pipe', pipe, end: 'r' }, readable: true, writable: false, append: false, pos: 0, refs: 1, path: 'pipe' };
    };
    const nullNode = k.vfs.resolve(ROOT_CRED, k.vfs.root, '/dev/null', { follow: true });
    const stdin: OpenFile = io.stdin ? source(io.stdin) : { target: { kind: 'device', device: 'null', node: nullNode }, readable: true, writable: false, append: false, pos: 0, refs: 1, path: '/dev/null' };
    const cwd = k.vfs.resolve(ROOT_CRED, k.vfs.root, io.cwd ?? '/root', { follow: true });
    const proc = k.createProcess(k.procs.get(1), {
      cred: ROOT_CRED, cwd, umask: 0o022, argv, env: io.env ?? new Map(ROOT_ENV),
      fds: new Map([[0, stdin], [1, out.file], [2, err.file]]), ctty: undefined, pgid: 0, sid: 0, cgroup: '/user.slice/user-0.slice/session-c1.scope',
    });
    proc.sid = proc.pid;
    proc.pgid = proc.pid;
    const finished = new Promise<number>((resolve) => {
      const listener = (p: Process): void => {
        if (p !== proc) return;
        k.exitListeners.delete(listener);
        const s = p.status!;
        resolve(s.kind === 'exited' ? s.code : s.kind === 'signaled' ? 128 + s.signal : 1);
      };
      k.exitListeners.add(listener);
    });
    // a bare name is looked up on PATH, as a shell would
    let path = argv[0]!;
    if (!path.includes('/')) {
      const dirs = (proc.env.get('PATH') ?? '/usr/bin:/bin').split(':');
      path = dirs.map((d) => `${d}/${path}`).find((p) => {
        try {
          return k.vfs.resolve(ROOT_CRED, k.vfs.root, p, { follow: true }).type === 'file';
        } catch {
          return false;
        }
      }) ?? path;
    }
    const { main, argv: finalArgv, exe } = await k.resolveProgram(proc, path, argv);
    proc.argv = finalArgv;
    proc.exe = exe;
    k.start(proc, main);
    const code = await finished;
    // stray background children may still hold the pipes: stop waiting for them
    await Promise.race([Promise.all([out.done, err.done]), new Promise((r) => setTimeout(r, 50))]);
    return code;
  }

  /** Sends a signal to every process on the console's foreground group. */
  interruptConsole(): void {
    if (this.console.foreground) this.kernel.signalGroup(this.console.foreground, SIGNALS.SIGINT);
  }
}
