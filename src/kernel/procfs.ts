// /proc: files generated from the kernel's state when they are opened.
import { SysError } from '../shared/errno';
import { KERNEL_CMDLINE } from './image/etc-files';
import { describe } from './files';
import type { Kernel } from './kernel';
import { procFlags, type KernelThread, type Process } from './process';
import { pidFor, sees, type PidNamespace } from './pidns';
import type { Inode } from './vfs/inode';
import { limitsText } from './rlimit';
import { procPartitions } from '../shared/block-devices';
import { NET_FILES, lateFile, netText } from './proc-net-load';
import { lateMountinfo, mountinfoText } from './proc-mountinfo-load';

const decoder = new TextDecoder();

/** A new procfs instance mounted on `mountpoint` (Kernel.mountProc). */
export function mountProcAt(k: Kernel, mountpoint: Inode, opts: { namespace?: Inode; target?: string; pidns?: PidNamespace }): Inode {
  if (mountpoint.type !== 'dir') throw new SysError('ENOTDIR', 'mount');
  const ns = opts.namespace ? k.vfs.covering(opts.namespace) : undefined;
  const nsIno = ns && ns.ino !== k.vfs.rootIno ? ns.ino : undefined;
  const target = opts.target ?? k.vfs.pathOf(k.vfs.covering(mountpoint), ns);
  const fs = k.vfs.addFilesystem('proc', 'proc', target, 0, { options: 'rw,nosuid,nodev,noexec,relatime', ...(nsIno !== undefined ? { namespace: nsIno } : {}) });
  const root = k.vfs.mountNew(fs, 0o555, k.vfs.covering(mountpoint));
  mountProc(k, root, () => k.current?.pid ?? 1, opts.pidns);
  return root;
}

/**
 * Makes `root` a procfs. With `pidns` it is that PID namespace's /proc (a container's): it
 * lists only the namespace's processes, by their numbers there, and no kernel threads.
 */
export function mountProc(k: Kernel, root: Inode, currentPid: () => number, pidns?: PidNamespace): void {
  const fsId = root.fs;
  /** A machine pid as this procfs numbers it (0: outside its namespace). */
  const view = (hostPid: number): number => pidFor(pidns, hostPid);
  /** The root directory of the process reading: paths in links are relative to it (d_path). */
  const readerRoot = (): Inode | undefined => k.current?.cred.root;
  const cache = new Map<string, Inode>();
  const node = (key: string, make: () => Inode): Inode => {
    let n = cache.get(key);
    if (!n) {
      n = make();
      // the directory above (pid/1/fd is in pid/1), so getcwd can walk up
      n.parent = cache.get(key.slice(0, Math.max(0, key.lastIndexOf('/'))))?.ino ?? root.ino;
      cache.set(key, n);
    }
    return n;
  };
  const file = (key: string, gen: () => string, perm = 0o444, owner?: Process, sink?: (text: string) => void): Inode =>
    node(key, () => {
      const n = k.vfs.newInode(fsId, 'file', perm, owner?.cred.uid ?? 0, owner?.cred.gid ?? 0);
      n.generate = gen;
      if (sink) n.sink = (data) => sink(decoder.decode(data));
      return n;
    });
  const link = (key: string, target: () => string, owner?: Process, perm = 0o777): Inode =>
    node(key, () => {
      const n = k.vfs.newInode(fsId, 'symlink', perm, owner?.cred.uid ?? 0, owner?.cred.gid ?? 0);
      n.generateTarget = target;
      return n;
    });
  const dir = (key: string, list: () => string[], lookup: (name: string) => Inode | undefined, perm = 0o555, owner?: Process): Inode =>
    node(key, () => {
      const n = k.vfs.newInode(fsId, 'dir', perm, owner?.cred.uid ?? 0, owner?.cred.gid ?? 0);
      n.dynamic = { list, lookup };
      return n;
    });

  const STATIC: Record<string, () => string> = {
    cpuinfo: () => cpuinfo(),
    meminfo: () => k.memory.meminfo(),
    swaps: () => k.memory.swapsText(),
    uptime: () => {
      const up = (k.clock.now() - k.bootedAt) / 1000;
      return `${up.toFixed(2)} ${(up * 1.9).toFixed(2)}\n`;
    },
    version: () => `Linux version ${k.identity.release} (root@photon) (gcc (GCC) 12.2.0, GNU ld (GNU Binutils) 2.39) ${k.identity.version}\n`,
    // running/total tasks count kernel threads too; the reader itself is running, but not
    // part of the average (it would not be, sampled between its reads)
    loadavg: () => {
      const running = [...k.procs.values()].filter((p) => p !== k.current && k.cpu.runnable(p)).length;
      const avg = k.cpu.loadAverage(running).map((a) => a.toFixed(2)).join(' ');
      return `${avg} ${running + 1}/${k.procs.size + k.kthreads.size} ${Math.max(...k.procs.keys())}\n`;
    },
    stat: () => procStat(k),
    filesystems: () => 'nodev\tsysfs\nnodev\ttmpfs\nnodev\tproc\nnodev\tdevtmpfs\nnodev\tdevpts\n\text4\nnodev\tcgroup2\nnodev\toverlay\n',
    cmdline: () => `${KERNEL_CMDLINE}\n`,
    mounts: () => mounts(k),
    partitions: procPartitions,
    // module addresses are for root's eyes only (kptr_restrict)
    modules: () => k.modules.procText(k.current?.cred.euid === 0),
  };
  // what a process inside a container reads of its UTS namespace
  const UTS_KEYS: Record<string, 'hostname' | 'domainname'> = { 'kernel.hostname': 'hostname', 'kernel.domainname': 'domainname' };

  const pidDir = (p: Process): Inode => {
    const base = `pid/${p.pid}`;
    const entries: Record<string, () => Inode> = {
      status: () => file(`${base}/status`, () => status(k, p, view), 0o444, p),
      cmdline: () => file(`${base}/cmdline`, () => (p.state === 'zombie' ? '' : p.argv.map((a) => `${a}\0`).join('')), 0o444, p),
      // writing comm renames the process (prctl PR_SET_NAME from outside)
      comm: () => file(`${base}/comm`, () => `${p.comm}\n`, 0o644, p, (text) => {
        p.comm = text.replace(/\n$/, '').slice(0, 15);
      }),
      environ: () => file(`${base}/environ`, () => [...p.env].map(([n, v]) => `${n}=${v}\0`).join(''), 0o400, p),
      stat: () => file(`${base}/stat`, () => statLine(k, p, view), 0o444, p),
      statm: () => file(`${base}/statm`, () => `${(p.state === 'zombie' ? [0, 0, 0, 0, 0, 0, 0] : k.memory.statm(p)).join(' ')}\n`, 0o444, p),
      limits: () => file(`${base}/limits`, () => limitsText(p.rlimits), 0o444, p),
      // writing it moves the process in the OOM killer's choice (lowering it needs root)
      oom_score_adj: () => file(`${base}/oom_score_adj`, () => `${p.oomScoreAdj}\n`, 0o644, p, (text) => {
        const v = /^\s*(-?\d+)\s*$/.exec(text);
        if (!v || Number(v[1]) < -1000 || Number(v[1]) > 1000) throw new SysError('EINVAL', 'write');
        if (Number(v[1]) < p.oomScoreAdj && k.current?.cred.euid !== 0) throw new SysError('EACCES', 'write');
        p.oomScoreAdj = Number(v[1]);
      }),
      mounts: () => file(`${base}/mounts`, () => mounts(k, p), 0o444, p),
      mountinfo: () => lateMountinfo(k, file(`${base}/mountinfo`, () => mountinfoText(k, p), 0o444, p)),
      // the network namespace's files (proc_net): generated by a chunk loaded on first open
      net: () => dir(`${base}/net`, () => [...NET_FILES], (name) => (NET_FILES.includes(name) ? lateFile(k, file(`${base}/net/${name}`, () => netText(k, name, p))) : undefined)),
      cwd: () => link(`${base}/cwd`, () => k.vfs.pathOf(p.cwd, readerRoot()), p),
      exe: () => link(`${base}/exe`, () => p.exe ?? p.argv[0] ?? '', p),
      root: () => link(`${base}/root`, () => k.vfs.pathOf(p.cred.root ?? k.vfs.root, readerRoot()), p),
      fd: () => dir(`${base}/fd`, () => [...p.fds.keys()].map(String), (name) => {
        const f = p.fds.get(Number(name));
        // the link's mode says how the descriptor is open: lr-x------, l-wx------ or lrwx------
        const perm = (f?.readable ? 0o500 : 0) | (f?.writable ? 0o300 : 0);
        return f && /^\d+$/.test(name) ? link(`${base}/fd/${name}#${perm}#${describe(f)}`, () => describe(f), p, perm) : undefined;
      }, 0o500, p),
    };
    return dir(base, () => Object.keys(entries), (name) => (p.state === 'zombie' && name !== 'status' && name !== 'stat' ? undefined : entries[name]?.()), 0o555, p);
  };

  // a kernel thread has no program: no exe, an empty cmdline and environment, no open files
  const kthreadDir = (t: KernelThread): Inode => {
    const base = `kthread/${t.pid}`;
    const entries: Record<string, () => Inode> = {
      status: () => file(`${base}/status`, () => kthreadStatus(t)),
      cmdline: () => file(`${base}/cmdline`, () => ''),
      comm: () => file(`${base}/comm`, () => `${t.name}\n`, 0o644),
      environ: () => file(`${base}/environ`, () => '', 0o400),
      stat: () => file(`${base}/stat`, () => kthreadStat(k, t)),
      mounts: () => file(`${base}/mounts`, () => mounts(k)),
      cwd: () => link(`${base}/cwd`, () => '/'),
      root: () => link(`${base}/root`, () => '/'),
      fd: () => dir(`${base}/fd`, () => [], () => undefined, 0o500),
    };
    return dir(base, () => Object.keys(entries), (name) => entries[name]?.());
  };

  const pids = (): number[] => (pidns ? [...k.procs.values()].filter((p) => sees(pidns, p)).map((p) => view(p.pid)) : [...k.procs.keys(), ...k.kthreads.keys()]);
  root.dynamic = {
    list: () => [...pids().sort((a, b) => a - b).map(String), 'self', 'net', ...Object.keys(STATIC), 'sys'],
    lookup: (name) => {
      // a process outside this procfs's namespace has no /proc/self here
      if (name === 'self') return !pidns || view(currentPid()) ? link('self', () => String(view(currentPid()))) : undefined;
      if (/^\d+$/.test(name)) {
        const p = k.procs.get(pidns ? (pidns.hostPid(Number(name)) ?? -1) : Number(name));
        const t = pidns ? undefined : k.kthreads.get(Number(name));
        return p ? pidDir(p) : t ? kthreadDir(t) : undefined;
      }
      if (name === 'sys') return sysDir();
      if (name === 'net') return link('net', () => 'self/net');
      const gen = STATIC[name];
      return gen ? file(name, gen) : undefined;
    },
  };

  // /proc/sys: directories and files over the kernel's parameter table; root alone may write
  const sysNode = (key: string): Inode | undefined => {
    const mode = k.sysctl.mode(key);
    let n: Inode;
    const uts = UTS_KEYS[key];
    if (mode !== undefined && uts) {
      // the reader's UTS namespace (a container's names); the host's are the sysctl table's
      n = file(`sys/${key}`, () => `${k.utsName(k.current)[uts]}\n`, mode, undefined, (text) => {
        if (!k.current?.uts) return k.sysctl.write(key, text);
        // proc_dostring into a 65-byte buffer, as the host's own write
        k.setUtsName(k.current, uts, text.split('\n')[0]!.slice(0, 64));
      });
      n.strictPerm = true;
    } else if (mode !== undefined) {
      // (a network namespace has net.* values of its own)
      n = file(`sys/${key}`, () => `${k.sysctl.get(key, k.current?.netns) ?? ''}\n`, mode, undefined, (text) => k.sysctl.write(key, text, k.current?.netns));
      n.strictPerm = true;
    } else if (k.sysctl.isDir(key)) {
      n = dir(`sys/${key}`, () => k.sysctl.children(key), (name) => (name.includes('.') ? undefined : sysNode(key === '' ? name : `${key}.${name}`)));
    } else return undefined;
    // its directory, so getcwd and realpath can walk up
    const up = key.lastIndexOf('.');
    if (key !== '') n.parent = sysNode(up < 0 ? '' : key.slice(0, up))!.ino;
    return n;
  };
  const sysDir = (): Inode => sysNode('')!;
}

function stateLetter(k: Kernel, p: Process): string {
  return p.state === 'zombie' ? 'Z' : p.state === 'stopped' ? 'T' : p === k.current || k.cpu.runnable(p) ? 'R' : 'S';
}

/** /proc/<pid>/stat: the 52 fields of proc_pid_stat(5); what the kernel does not track is 0. */
function statLine(k: Kernel, p: Process, view: (pid: number) => number): string {
  const tty = p.ctty ? (p.ctty.rdev[0] << 8) | p.ctty.rdev[1] : 0;
  const tpgid = p.ctty?.foreground ? view(p.ctty.foreground) : -1;
  // PF_RANDOMIZE for all, PF_FORKNOEXEC and PF_SUPERPRIV as they happened
  const flags = 0x400000 | procFlags(p);
  // utime and cutime in clock ticks (USER_HZ 100); the kernel keeps no separate system time
  const times = [Math.floor(k.cpu.used(p) / 10), 0, Math.floor(p.childCpuMs / 10), 0];
  // vsize in bytes, rss in pages, rsslim: RLIMIT_RSS (none for a zombie, which has no memory)
  const live = p.state !== 'zombie';
  const mem = live ? [k.memory.vmSize(p), Math.ceil(k.memory.rss(p).total / 4096), limitText(p.rlimits.rss.soft)] : [0, 0, limitText(p.rlimits.rss.soft)];
  return statFields(k, view(p.pid), p.comm, stateLetter(k, p), [view(p.ppid), view(p.pgid), view(p.sid), tty, tpgid, flags], p.nice, 0, p.startTime, times, mem);
}

/** An rlimit as /proc shows it in stat: RLIM_INFINITY is 2^64-1. */
function limitText(v: number): string {
  return Number.isFinite(v) ? String(v) : '18446744073709551615';
}

function kthreadStat(k: Kernel, t: KernelThread): string {
  // PF_KTHREAD | PF_NOFREEZE | PF_FORKNOEXEC
  return statFields(k, t.pid, t.name, t.state, [t.pid === 2 ? 0 : 2, 0, 0, 0, -1, 0x208040], t.nice, t.rtprio, k.bootedAt);
}

function statFields(k: Kernel, pid: number, comm: string, state: string, ids: number[], nice: number, rtprio: number, start: number, times = [0, 0, 0, 0], mem: (number | string)[] = [0, 0, '18446744073709551615']): string {
  const priority = rtprio ? -1 - rtprio : 20 + nice;
  const ticks = Math.floor((start - k.bootedAt) / 10);
  const f = [...ids, 0, 0, 0, 0, ...times, priority, rtprio ? 0 : nice, 1, 0, ticks, ...mem,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 17, pid % 2, rtprio, rtprio ? 1 : 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  return `${pid} (${comm}) ${state} ${f.join(' ')}\n`;
}

function kthreadStatus(t: KernelThread): string {
  const state = t.state === 'I' ? 'I (idle)' : 'S (sleeping)';
  return [`Name:\t${t.name}`, 'Umask:\t0000', `State:\t${state}`, `Tgid:\t${t.pid}`, 'Ngid:\t0', `Pid:\t${t.pid}`,
    `PPid:\t${t.pid === 2 ? 0 : 2}`, 'TracerPid:\t0', 'Uid:\t0\t0\t0\t0', 'Gid:\t0\t0\t0\t0', 'FDSize:\t64', 'Groups:\t', 'Threads:\t1', ''].join('\n');
}

function status(k: Kernel, p: Process, view: (pid: number) => number): string {
  const c = p.cred;
  const state = { Z: 'Z (zombie)', T: 'T (stopped)', S: 'S (sleeping)', R: 'R (running)' }[stateLetter(k, p) as 'Z' | 'T' | 'S' | 'R'];
  return [
    `Name:\t${p.comm}`,
    `Umask:\t${p.umask.toString(8).padStart(4, '0')}`,
    `State:\t${state}`,
    `Tgid:\t${view(p.pid)}`,
    `Ngid:\t0`,
    `Pid:\t${view(p.pid)}`,
    `PPid:\t${view(p.ppid)}`,
    `TracerPid:\t0`,
    `Uid:\t${c.uid}\t${c.euid}\t${c.euid}\t${c.euid}`,
    `Gid:\t${c.gid}\t${c.egid}\t${c.egid}\t${c.egid}`,
    `FDSize:\t64`,
    `Groups:\t${c.groups.join(' ')}${c.groups.length ? ' ' : ''}`,
    ...(p.state === 'zombie' ? [] : k.memory.statusLines(p)),
    `Threads:\t1`,
    `SigQ:\t0/${p.rlimits.sigpending.soft === Infinity ? 'unlimited' : p.rlimits.sigpending.soft}`,
    ...signalLines(p, c.euid === 0),
    '',
  ].join('\n');
}

/** Masks as status prints them, bit N-1 for signal or capability N-1; no pending or blocked signals are kept. */
const hexMask = (bits: number[]): string => bits.reduce((m, b) => m | (1n << BigInt(b)), 0n).toString(16).padStart(16, '0');
/** Capabilities 0..40 (chown .. checkpoint_restore): every process keeps the full bounding set. */
const ALL_CAPS = Array.from({ length: 41 }, (_, i) => i);

function signalLines(p: Process, root: boolean): string[] {
  const handlers = [...p.handlers];
  const ign = handlers.filter(([, d]) => d === 'ignore').map(([s]) => s - 1);
  const cgt = handlers.filter(([, d]) => typeof d === 'function').map(([s]) => s - 1);
  const caps = hexMask(root ? ALL_CAPS : []);
  return [
    `SigPnd:\t${hexMask([])}`, `ShdPnd:\t${hexMask([])}`, `SigBlk:\t${hexMask([])}`, `SigIgn:\t${hexMask(ign)}`, `SigCgt:\t${hexMask(cgt)}`,
    `CapInh:\t${hexMask([])}`, `CapPrm:\t${caps}`, `CapEff:\t${caps}`, `CapBnd:\t${hexMask(ALL_CAPS)}`, `CapAmb:\t${hexMask([])}`,
    'NoNewPrivs:\t0', 'Seccomp:\t0', 'Seccomp_filters:\t0',
  ];
}

/**
 * /proc/stat: time per CPU in ticks (user, nice, system, idle, iowait, irq, softirq, steal,
 * guest, guest_nice) from the processes' accounted time; the rest of each CPU's uptime is idle.
 */
function procStat(k: Kernel): string {
  const up = Math.floor((k.clock.now() - k.bootedAt) / 10);
  const rows = k.cpu.totals().map(([user, nice]) => {
    const u = Math.floor(user / 10);
    const n = Math.floor(nice / 10);
    return [u, n, 0, Math.max(0, up - u - n), 0, 0, 0, 0, 0, 0];
  });
  const sum = rows.reduce((a, r) => a.map((v, i) => v + r[i]!));
  const running = [...k.procs.values()].filter((p) => p === k.current || k.cpu.runnable(p)).length;
  return [
    `cpu  ${sum.join(' ')}`,
    ...rows.map((r, i) => `cpu${i} ${r.join(' ')}`),
    `intr ${up * 3}`,
    `ctxt ${k.clock.activity}`,
    `btime ${Math.floor((k.bootedAt + k.clock.realtime() - k.clock.now()) / 1000)}`,
    `processes ${Math.max(...k.procs.keys())}`,
    `procs_running ${running}`,
    'procs_blocked 0',
    `softirq ${up} 0 0 0 0 0 0 0 0 0 0`,
    '',
  ].join('\n');
}

/** /proc/mounts: the mount table of the reader's mount namespace (its root's tree). */
function mounts(k: Kernel, p?: Process): string {
  return k.visibleFilesystems(p ?? k.current).map((f) => `${f.source} ${f.target} ${f.type} ${f.options} 0 0\n`).join('');
}

function cpuinfo(): string {
  const one = (n: number): string => [
    `processor\t: ${n}`,
    'vendor_id\t: GenuineIntel',
    'cpu family\t: 6',
    'model\t\t: 85',
    'model name\t: Intel(R) Xeon(R) Gold 6230 CPU @ 2.10GHz',
    'stepping\t: 7',
    'cpu MHz\t\t: 2095.078',
    'cache size\t: 28160 KB',
    `physical id\t: 0`,
    'siblings\t: 2',
    `core id\t\t: ${n}`,
    'cpu cores\t: 2',
    'fpu\t\t: yes',
    'flags\t\t: fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush mmx fxsr sse sse2 ss syscall nx pdpe1gb rdtscp lm constant_tsc arch_perfmon nopl xtopology tsc_reliable nonstop_tsc cpuid pni pclmulqdq ssse3 fma cx16 pcid sse4_1 sse4_2 x2apic movbe popcnt aes xsave avx f16c rdrand hypervisor lahf_lm abm 3dnowprefetch avx2 avx512f',
    'bogomips\t: 4190.15',
    'address sizes\t: 45 bits physical, 48 bits virtual',
    '',
  ].join('\n');
  return `${one(0)}\n${one(1)}\n`;
}
