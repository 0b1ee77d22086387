// Builds the Sys a program receives: every call is bound to one process, first checks that
// the process is still alive (and waits while it is stopped), and gives the worker a turn
// when the time slice is used up.
import { SysError } from '../shared/errno';
import { SIGNALS } from '../shared/signals';
import type { ProcessInfo } from '../shared/process';
import type { PriorityWhich, RlimitResource, Sys } from '../shared/sys';
import { ProcessExit, ProcessKilled } from './errors';
import type { OpenFile } from './files';
import { shareFile } from './io';
import type { Kernel } from './kernel';
import { commOf, procFlags, type KernelThread, type Process } from './process';
import { maybeYield, sliceExpired, yieldTurn } from './scheduler';
import { makeFsSys } from './sys-fs';
import { hostPidFor, pidFor, sees } from './pidns';
import type { Tty } from './tty';
import { checkSetrlimit } from './rlimit';

const RESOURCES = new Set<RlimitResource>(['cpu', 'fsize', 'data', 'stack', 'core', 'rss', 'nproc', 'nofile', 'memlock', 'as', 'locks', 'sigpending', 'msgqueue', 'nice', 'rtprio', 'rttime']);

/** The processes an ioprio call names (kernel threads keep their own I/O priorities). */
function ioprioTargets(k: Kernel, proc: Process, which: PriorityWhich, who: number): Process[] {
  const id = which === 'user' || who === 0 ? who : (hostPidFor(proc.pidns, who) ?? -1);
  return priorityTargets(k, proc, which, id).filter((t): t is Process => 'cred' in t && t.state !== 'zombie');
}

export function makeSys(k: Kernel, proc: Process): Sys {
  // Every syscall starts with `await enter(); k.current = proc;`: the second line again
  // because other processes' code may run between enter's end and the caller's next step,
  // and what the call reads of the kernel (/proc/self, the current process) must be its own.
  const enter = async (): Promise<void> => {
    k.clock.activity++;
    k.current = proc;
    k.cpu.touch(proc);
    if (proc.killed) throw new ProcessKilled(proc.pid);
    if (proc.state === 'stopped') await proc.whenRunning();
    await maybeYield();
    if (proc.killed) throw new ProcessKilled(proc.pid);
    k.current = proc;
    k.cpu.touch(proc);
  };
  const alive = (): void => {
    if (proc.killed) throw new ProcessKilled(proc.pid);
  };
  const ttyOf = (fd: number): Tty => {
    alive();
    const f = proc.fds.get(fd);
    if (!f) throw new SysError('EBADF', 'ioctl');
    if (f.target.kind !== 'tty') throw new SysError('ENOTTY', 'ioctl');
    return f.target.tty;
  };
  const inheritFds = (map: Map<number, number> | undefined): Map<number, OpenFile> => {
    const out = new Map<number, OpenFile>();
    if (map) {
      for (const [child, parent] of map) {
        const f = proc.fds.get(parent);
        if (f) out.set(child, shareFile(f));
      }
    } else {
      for (const [n, f] of proc.fds) if (!proc.cloexec.has(n)) out.set(n, shareFile(f));
    }
    return out;
  };
  // a process in a PID namespace names processes by that namespace's numbers (pidns.ts)
  const out = (hostPid: number): number => pidFor(proc.pidns, hostPid);
  const inn = (pid: number, syscall: string): number => {
    const host = hostPidFor(proc.pidns, pid);
    if (host === undefined) throw new SysError('ESRCH', syscall);
    return host;
  };
  const child = (opts: { fds?: Map<number, number>; pgid?: number; foreground?: boolean; ignore?: number[] }, argv: string[], env: Map<string, string>): Process => {
    const c = k.createProcess(proc, {
      cred: proc.cred,
      cwd: proc.cwd,
      umask: proc.umask,
      argv,
      env,
      fds: inheritFds(opts.fds),
      ctty: proc.ctty,
      pgid: opts.pgid === undefined ? proc.pgid : opts.pgid > 0 ? (hostPidFor(proc.pidns, opts.pgid) ?? opts.pgid) : opts.pgid,
    });
    if (opts.foreground && c.ctty && c.ctty.session === c.sid) c.ctty.foreground = c.pgid;
    // ignored signals stay ignored across fork and exec (signal(7)); handlers do not
    for (const s of opts.ignore ?? ignored()) c.handlers.set(s, 'ignore');
    return c;
  };

  /** The pending alarm(2): when it fires, and its cancel. */
  let alarm: { at: number; cancel: () => void } | undefined;
  const ignored = (): number[] => [...proc.handlers].filter(([, d]) => d === 'ignore').map(([s]) => s);
  const sys: Sys = {
    pid: out(proc.pid),
    get argv() {
      return proc.argv;
    },
    get env() {
      return proc.env;
    },
    ...makeFsSys(k, proc, enter),

    getppid: () => out(proc.ppid),
    getpgid: () => out(proc.pgid),
    getsid: () => out(proc.sid),
    getuid: () => proc.cred.uid,
    geteuid: () => proc.cred.euid,
    getgid: () => proc.cred.gid,
    getegid: () => proc.cred.egid,
    getgroups: () => [...proc.cred.groups],
    setuid(uid, euid) {
      alive();
      if (proc.cred.euid !== 0) throw new SysError('EPERM', 'setresuid');
      const was = `${proc.cred.uid} ${proc.cred.euid}`;
      if (uid !== -1) proc.cred.uid = uid;
      proc.cred.euid = euid === undefined ? (uid === -1 ? proc.cred.euid : uid) : euid === -1 ? proc.cred.euid : euid;
      // a change of ids is root's privilege at work (CAP_SETUID)
      if (`${proc.cred.uid} ${proc.cred.euid}` !== was) proc.cred.usedPriv = true;
    },
    setgid(gid, egid) {
      alive();
      if (proc.cred.euid !== 0) throw new SysError('EPERM', 'setresgid');
      const was = `${proc.cred.gid} ${proc.cred.egid}`;
      if (gid !== -1) proc.cred.gid = gid;
      proc.cred.egid = egid === undefined ? (gid === -1 ? proc.cred.egid : gid) : egid === -1 ? proc.cred.egid : egid;
      if (`${proc.cred.gid} ${proc.cred.egid}` !== was) proc.cred.usedPriv = true;
    },
    setgroups(groups) {
      alive();
      if (proc.cred.euid !== 0) throw new SysError('EPERM', 'setgroups');
      proc.cred.usedPriv = true;
      proc.cred.groups = [...groups];
    },
    ignoredSignals: () => ignored(),
    umask(mask) {
      const old = proc.umask;
      if (mask !== undefined) proc.umask = mask & 0o777;
      return old;
    },
    async spawn(opts) {
      await enter();
      k.current = proc;
      const { main, argv, euid, egid, exe } = await k.resolveProgram(proc, opts.path, opts.argv);
      const c = child(opts, argv, new Map(opts.env));
      c.exe = exe;
      if (euid !== undefined) c.cred.euid = euid;
      if (egid !== undefined) c.cred.egid = egid;
      k.start(c, main);
      return out(c.pid);
    },
    async fork(body, opts = {}) {
      await enter();
      k.current = proc;
      const c = child(opts, opts.argv ?? [...proc.argv], new Map(proc.env));
      // a new title (setproctitle) is only the command line: the name stays the parent's
      c.comm = proc.comm;
      c.forkNoExec = true;
      k.start(c, body);
      return out(c.pid);
    },
    async exec(path, argv, env) {
      await enter();
      k.current = proc;
      const resolved = await k.resolveProgram(proc, path, argv);
      const main = resolved.main;
      for (const n of [...proc.cloexec]) if (proc.fds.has(n)) sys.close(n);
      proc.cloexec.clear();
      proc.argv = resolved.argv;
      proc.exe = resolved.exe;
      proc.forkNoExec = false;
      if (resolved.euid !== undefined) proc.cred.euid = resolved.euid;
      if (resolved.egid !== undefined) proc.cred.egid = resolved.egid;
      proc.env = new Map(env);
      proc.comm = commOf(resolved.argv[0] ?? '');
      // the old program's memory goes with it
      k.memory.charge(proc, -proc.heap);
      proc.handlers.forEach((d, s) => {
        if (typeof d === 'function') proc.handlers.delete(s);
      });
      // past this point execve(2) does not return: what the new program throws is its own crash
      // (as for a spawned one, Kernel.start), never an exec failure for the old program's code
      let code: number;
      try {
        code = await main(sys);
      } catch (e) {
        if (e instanceof ProcessExit || e instanceof ProcessKilled || proc.killed) throw e;
        const status = await k.crash(proc, e);
        throw new ProcessExit(status.kind === 'exited' ? status.code : 70);
      }
      throw new ProcessExit(code);
    },
    async wait(pid, opts = {}) {
      await enter();
      k.current = proc;
      if (!proc.pidns) return k.wait(proc, pid, opts);
      const host = pid > 0 ? hostPidFor(proc.pidns, pid) : pid < -1 ? hostPidFor(proc.pidns, -pid) : pid;
      if (host === undefined) throw new SysError('ECHILD', 'wait4');
      return k.wait(proc, pid < -1 ? -host : host, opts, out);
    },
    exit(code) {
      throw new ProcessExit(code);
    },
    kill(nsPid, signal) {
      alive();
      if (!Number.isInteger(signal) || signal < 0 || signal > 64) throw new SysError('EINVAL', 'kill');
      const ns = proc.pidns;
      const pid = nsPid > 0 ? (hostPidFor(ns, nsPid) ?? -0x7fffffff) : nsPid < -1 ? -(hostPidFor(ns, -nsPid) ?? 0x7fffffff) : nsPid;
      const init = ns ? ns.init : 1;
      const targets = pid > 0 ? [k.procs.get(pid)].filter((p): p is Process => !!p && p.state !== 'zombie')
        : [...k.procs.values()].filter((p) => p.state !== 'zombie' && p.pid !== init && p.pid !== 1 && sees(ns, p) && (pid === 0 ? p.pgid === proc.pgid : pid === -1 ? p.pid !== proc.pid : p.pgid === -pid));
      // a kernel thread ignores signals; only root may send them (kill -9 2 does nothing)
      if (!ns && pid > 0 && targets.length === 0 && k.kthreads.has(pid)) {
        if (proc.cred.euid !== 0) throw new SysError('EPERM', 'kill');
        return;
      }
      if (targets.length === 0) throw new SysError('ESRCH', 'kill');
      for (const t of targets) {
        if (proc.cred.euid !== 0 && proc.cred.euid !== t.cred.uid && proc.cred.uid !== t.cred.uid) throw new SysError('EPERM', 'kill');
      }
      for (const t of targets) {
        // init gets only the signals it handles (SIGNAL_UNKILLABLE); a namespace's init also gets
        // SIGKILL and SIGSTOP from outside its namespace. Every sender is inside the machine's.
        const tns = t.pidns;
        const isInit = tns ? tns.init === t.pid : t.pid === 1;
        const inside = tns ? tns.contains(ns) : true;
        if (isInit && t.disposition(signal) === 'default' && (inside || (signal !== 9 && signal !== 19))) continue;
        k.signal(t, signal);
      }
    },
    signal(signal, handler) {
      alive();
      if (signal === 9 || signal === 19) throw new SysError('EINVAL', 'sigaction');
      proc.handlers.set(signal, handler);
    },
    setpgid(pid, pgid) {
      alive();
      const target = pid === 0 ? proc : k.procs.get(inn(pid, 'setpgid'));
      if (!target || (target !== proc && target.ppid !== proc.pid)) throw new SysError('ESRCH', 'setpgid');
      target.pgid = pgid === 0 ? target.pid : (hostPidFor(proc.pidns, pgid) ?? pgid);
    },
    processes() {
      const ns = proc.pidns;
      // start times on the time of day (what btime plus a start in ticks gives after a clock set)
      const wallShift = (): number => k.clock.realtime() - k.clock.now();
      const kthreads = ns ? [] : [...k.kthreads.values()].map((t): ProcessInfo => ({
        pid: t.pid, ppid: t.pid === 2 ? 0 : 2, pgid: 0, sid: 0, uid: 0, gid: 0, euid: 0, state: t.state,
        comm: t.name, argv: [], tty: undefined, startTime: k.bootedAt + wallShift(), foreground: false, sessionLeader: false,
        cwd: '/', nice: t.nice, rtprio: t.rtprio, kthread: true,
      }));
      const procs = [...k.procs.values()].filter((p) => sees(ns, p)).map((p): ProcessInfo => ({
        pid: out(p.pid), ppid: out(p.ppid), pgid: out(p.pgid), sid: out(p.sid),
        uid: p.cred.uid, gid: p.cred.gid, euid: p.cred.euid,
        state: p.state === 'zombie' ? 'Z' : p.state === 'stopped' ? 'T' : p.pid === proc.pid || k.cpu.runnable(p) ? 'R' : 'S',
        comm: p.comm, argv: [...p.argv], tty: p.ctty?.name, startTime: p.startTime + wallShift(),
        foreground: !!p.ctty && p.ctty.foreground === p.pgid, sessionLeader: p.sid === p.pid,
        cwd: k.vfs.pathOf(p.cwd, proc.cred.root), nice: p.nice, rtprio: p.rtprio, policy: p.policy, kthread: false, flags: procFlags(p),
        ignored: [...p.handlers].filter(([, d]) => d === 'ignore').map(([sig]) => sig),
        caught: [...p.handlers].filter(([, d]) => typeof d === 'function').map(([sig]) => sig),
      }));
      return [...kthreads, ...procs].sort((a, b) => a.pid - b.pid);
    },
    getpriority(which, who) {
      alive();
      const targets = priorityTargets(k, proc, which, which === 'user' || who === 0 ? who : (hostPidFor(proc.pidns, who) ?? -1));
      if (targets.length === 0) throw new SysError('ESRCH', 'getpriority');
      return Math.min(...targets.map((t) => t.nice));
    },
    setpriority(which, who, nice) {
      alive();
      const targets = priorityTargets(k, proc, which, which === 'user' || who === 0 ? who : (hostPidFor(proc.pidns, who) ?? -1));
      if (targets.length === 0) throw new SysError('ESRCH', 'setpriority');
      const value = Math.max(-20, Math.min(19, Math.trunc(nice)));
      // like set_one_prio: every permitted target changes; the last refusal is the error
      let refused: SysError | undefined;
      for (const t of targets) {
        const uid = 'cred' in t ? t.cred.uid : 0;
        const euid = 'cred' in t ? t.cred.euid : 0;
        if (proc.cred.euid !== 0 && uid !== proc.cred.euid && euid !== proc.cred.euid) refused = new SysError('EPERM', 'setpriority');
        else if (value < t.nice && proc.cred.euid !== 0) refused = new SysError('EACCES', 'setpriority');
        else {
          // a lower niceness is root's privilege (CAP_SYS_NICE)
          if (value < t.nice) proc.cred.usedPriv = true;
          t.nice = value;
        }
      }
      if (refused) throw refused;
    },
    ioprioGet(which, who) {
      alive();
      const targets = ioprioTargets(k, proc, which, who);
      if (targets.length === 0) throw new SysError('ESRCH', 'ioprio_get');
      return Math.min(...targets.map((t) => t.ioprio));
    },
    ioprioSet(which, who, value) {
      alive();
      const cls = value >> 13;
      if (cls < 0 || cls > 3 || (value & 0x1fff) > 7) throw new SysError('EINVAL', 'ioprio_set');
      // the realtime class needs CAP_SYS_ADMIN (ioprio_check_cap)
      if (cls === 1 && proc.cred.euid !== 0) throw new SysError('EPERM', 'ioprio_set');
      const targets = ioprioTargets(k, proc, which, who);
      if (targets.length === 0) throw new SysError('ESRCH', 'ioprio_set');
      for (const t of targets) {
        if (proc.cred.euid !== 0 && t.cred.uid !== proc.cred.euid && t.cred.euid !== proc.cred.euid) throw new SysError('EPERM', 'ioprio_set');
        t.ioprio = value;
      }
    },
    schedGet(pid) {
      alive();
      const host = pid === 0 ? proc.pid : hostPidFor(proc.pidns, pid);
      const t = host === undefined ? undefined : k.procs.get(host);
      if (t) return { policy: t.policy, priority: t.rtprio, affinity: t.affinity };
      // a kernel thread: real-time ones run SCHED_FIFO
      const kt = proc.pidns ? undefined : k.kthreads.get(pid);
      if (!kt) throw new SysError('ESRCH', 'sched_getscheduler');
      return { policy: kt.rtprio ? 1 : 0, priority: kt.rtprio, affinity: 3 };
    },
    schedSet(pid, change) {
      alive();
      const host = pid === 0 ? proc.pid : hostPidFor(proc.pidns, pid);
      const t = host === undefined ? undefined : k.procs.get(host);
      if (!t) throw new SysError('ESRCH', change.affinity === undefined ? 'sched_setscheduler' : 'sched_setaffinity');
      if (proc.cred.euid !== 0 && t.cred.uid !== proc.cred.euid && t.cred.euid !== proc.cred.euid) throw new SysError('EPERM', 'sched_setscheduler');
      if (change.affinity !== undefined) {
        if (!(change.affinity & 3)) throw new SysError('EINVAL', 'sched_setaffinity');
        t.affinity = change.affinity & 3;
        return;
      }
      const policy = change.policy ?? t.policy;
      // a real-time policy needs CAP_SYS_NICE (RLIMIT_RTPRIO is 0)
      if ((policy === 1 || policy === 2) && proc.cred.euid !== 0) throw new SysError('EPERM', 'sched_setscheduler');
      if (policy === 1 || policy === 2) proc.cred.usedPriv = true;
      t.policy = policy;
      t.rtprio = policy === 1 || policy === 2 ? (change.priority ?? 0) : 0;
    },
    getrlimit(resource) {
      alive();
      if (!RESOURCES.has(resource)) throw new SysError('EINVAL', 'getrlimit');
      return { ...proc.rlimits[resource] };
    },
    setrlimit(resource, limit, pid) {
      alive();
      if (!RESOURCES.has(resource)) throw new SysError('EINVAL', 'setrlimit');
      // prlimit(2) of another process: root's, or one whose ids are all the caller's
      const host = pid === undefined || pid === 0 ? proc.pid : hostPidFor(proc.pidns, pid);
      const t = host === undefined ? undefined : k.procs.get(host);
      if (!t) throw new SysError('ESRCH', 'prlimit');
      if (t !== proc && proc.cred.euid !== 0 && [t.cred.uid, t.cred.euid].some((id) => id !== proc.cred.uid)) throw new SysError('EPERM', 'prlimit');
      const next = { soft: limit.soft, hard: limit.hard };
      checkSetrlimit(t.rlimits[resource], next, resource, proc.cred.euid === 0, k.sysctlInt('fs.nr_open', 1048576));
      t.rlimits[resource] = next;
    },
    alloc(bytes) {
      alive();
      k.current = proc;
      k.memory.charge(proc, bytes);
    },
    memoryUsage() {
      const r = k.memory.rss(proc);
      return { vm: k.memory.vmSize(proc), rss: r.total, heap: proc.heap };
    },

    isatty(fd) {
      return proc.fds.get(fd)?.target.kind === 'tty';
    },
    ttyname(fd) {
      const f = proc.fds.get(fd);
      return f?.target.kind === 'tty' ? `/dev/${f.target.tty.name}` : undefined;
    },
    tcgetattr(fd) {
      return structuredClone(ttyOf(fd).termios);
    },
    tcsetattr(fd, t) {
      ttyOf(fd).setTermios(structuredClone(t));
    },
    tcgetpgrp(fd) {
      return out(ttyOf(fd).foreground);
    },
    tcsetpgrp(fd, pgid) {
      const tty = ttyOf(fd);
      if (tty.session !== proc.sid) throw new SysError('ENOTTY', 'tcsetpgrp');
      tty.foreground = hostPidFor(proc.pidns, pgid) ?? pgid;
    },
    winsize(fd) {
      return { ...ttyOf(fd).winsize };
    },
    tcsetwinsize(fd, size) {
      ttyOf(fd).resize({ cols: size.cols, rows: size.rows });
    },

    tick() {
      // the common case stays synchronous: no promise unless the slice is used up
      k.clock.activity++;
      k.current = proc;
      k.cpu.touch(proc);
      if (proc.killed) throw new ProcessKilled(proc.pid);
      if (proc.state === 'stopped' || sliceExpired()) return enter();
      return undefined;
    },
    async schedYield() {
      // sched_yield(2): the other runnable processes get a turn; no time passes on the clock
      await enter();
      await k.block(proc, yieldTurn());
      k.current = proc;
      alive();
    },
    async sleep(ms) {
      await enter();
      k.current = proc;
      let cancel: (() => void) | undefined;
      try {
        await k.block(proc, new Promise<void>((resolve) => {
          cancel = k.clock.after(ms, resolve);
        }));
      } finally {
        cancel?.();
      }
      alive();
    },
    alarm(ms) {
      alive();
      const left = alarm ? Math.max(0, alarm.at - k.clock.now()) : 0;
      alarm?.cancel();
      alarm = undefined;
      if (ms > 0) {
        const timer = { at: k.clock.now() + ms, cancel: k.clock.after(ms, () => {
          if (alarm === timer) alarm = undefined;
          k.signal(proc, SIGNALS.SIGALRM);
        }) };
        alarm = timer;
      }
      return left;
    },
    async loadCode(load) {
      return k.clock.hold(load());
    },
    now: () => k.clock.realtime(),
    settime(ms) {
      alive();
      // CAP_SYS_TIME: root's, and not a container's (docker drops it)
      if (proc.cred.euid !== 0 || proc.pidns) throw new SysError('EPERM', 'clock_settime');
      if (!Number.isFinite(ms) || ms < 0) throw new SysError('EINVAL', 'clock_settime');
      k.clock.setRealtime(ms);
    },
    uptime: () => k.clock.now() - k.bootedAt,
    random: (n) => k.random.below(n),
    randomBytes: (n) => k.random.fill(new Uint8Array(n)),
    personality: (p) => {
      const old = proc.personality;
      if (p !== 0xffffffff) proc.personality = p;
      return old;
    },
    uname: () => {
      const uts = k.utsName(proc);
      return {
        sysname: 'Linux',
        nodename: uts.hostname,
        // UNAME26 reports 2.6.(60 + the minor), PER_LINUX32 a 32-bit machine
        release: proc.personality & 0x20000 ? k.identity.release.replace(/^\d+\.(\d+)(\.\d+)?/, (_, m: string) => `2.6.${60 + Number(m)}`) : k.identity.release,
        version: k.identity.version,
        machine: (proc.personality & 0xff) === 8 ? 'i686' : k.identity.machine,
        domainname: uts.domainname,
      };
    },
    sethostname(name) {
      alive();
      if (proc.cred.euid !== 0) throw new SysError('EPERM', 'sethostname');
      if (name.length > 64) throw new SysError('EINVAL', 'sethostname');
      k.setUtsName(proc, 'hostname', name);
    },
    async call(service, request) {
      await enter();
      k.current = proc;
      const handler = k.services.get(service);
      // like connecting to a socket nobody listens on
      if (!handler) throw new SysError('ECONNREFUSED', 'connect', service);
      const c = proc.cred;
      const reply = await k.block(proc, Promise.resolve(handler({ pid: proc.pid, uid: c.uid, euid: c.euid, gid: c.gid, egid: c.egid, groups: c.groups, netns: proc.netns }, request)));
      alive();
      return reply;
    },
  };
  return sys;
}

/** The live processes and kernel threads a getpriority/setpriority call names. */
function priorityTargets(k: Kernel, proc: Process, which: PriorityWhich, who: number): (Process | KernelThread)[] {
  const live = [...k.procs.values()].filter((p) => p.state !== 'zombie' && sees(proc.pidns, p));
  if (which === 'process') {
    const pid = who === 0 ? proc.pid : who;
    const t = live.find((p) => p.pid === pid) ?? (proc.pidns ? undefined : k.kthreads.get(pid));
    return t ? [t] : [];
  }
  if (which === 'pgrp') {
    const pgid = who === 0 ? proc.pgid : who;
    return live.filter((p) => p.pgid === pgid);
  }
  const uid = who === 0 ? proc.cred.uid : who;
  return [...(uid === 0 && !proc.pidns ? k.kthreads.values() : []), ...live.filter((p) => p.cred.uid === uid)];
}

