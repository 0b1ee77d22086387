// The process table as procps reads it, built from sys.processes(). The kernel keeps no
// memory accounting, so sizes and scheduling fields are derived from the command name and
// pid: deterministic, plausible for Photon 5.0 on a 2-CPU, 2 GB VM, and stable between runs
// of ps, top and pgrep. CPU time is the kernel's (utime + stime of /proc/<pid>/stat) plus a
// little derived background time for long-lived daemons.
import type { ProcessInfo } from '../../shared/process';
import type { Sys } from '../../shared/sys';
import { Accounts } from '../lib/accounts';

export interface Proc extends ProcessInfo {
  /** Effective user name (or the number as text). */
  user: string;
  ruser: string;
  group: string;
  /** Virtual size and resident set, in KiB. */
  vsz: number;
  rss: number;
  shared: number;
  /** CPU time used, in whole seconds (ps). */
  cpu: number;
  /** CPU time used, in ticks of 1/100 s (top's TIME+). */
  cpuTicks: number;
  /** The part of cpuTicks the kernel accounted (utime + stime), which top's %CPU follows. */
  ticks: number;
  /** Seconds since the process started. */
  elapsed: number;
  /** Foreground process group of its terminal, when known (-1 otherwise). */
  tpgid: number;
  wchan: string;
  psr: number;
  threads: number;
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

const decoder = new TextDecoder();

export async function memTotalKb(sys: Sys): Promise<number> {
  try {
    const m = /MemTotal:\s+(\d+)/.exec(decoder.decode(await sys.readFile('/proc/meminfo')));
    if (m) return Number(m[1]);
  } catch {
    // fall through
  }
  return 2_014_256;
}

/** /proc/sys/kernel/pid_max (systemd's 50-pid-max.conf: 4194304), which sizes the PID columns. */
export async function pidMax(sys: Sys): Promise<number> {
  try {
    const m = /^(\d+)$/m.exec(decoder.decode(await sys.readFile('/proc/sys/kernel/pid_max')));
    if (m) return Number(m[1]);
  } catch {
    // fall through
  }
  return 4_194_304;
}

// where each kernel thread sleeps, by the start of its name
const KTHREAD_WCHAN: [RegExp, string][] = [
  [/^kthreadd$/, 'kthreadd'], [/^kworker\//, 'worker_thread'], [/^(ksoftirqd|migration|cpuhp)\//, 'smpboot_thread_fn'],
  [/^rcu_tasks/, 'rcu_tasks_kthread'], [/^rcu_sched$/, 'rcu_gp_kthread'], [/^kdevtmpfs$/, 'devtmpfs_work_loop'],
  [/^kauditd$/, 'kauditd_thread'], [/^khungtaskd$/, 'watchdog'], [/^oom_reaper$/, 'oom_reaper'], [/^kcompactd/, 'kcompactd'],
  [/^ksmd$/, 'ksm_scan_thread'], [/^khugepaged$/, 'khugepaged'], [/^watchdogd$/, 'kthread_worker_fn'], [/^kswapd/, 'kswapd'],
];

function wchanOf(p: ProcessInfo): string {
  if (p.kthread) return KTHREAD_WCHAN.find(([re]) => re.test(p.comm))?.[1] ?? 'rescuer_thread';
  if (p.state === 'R') return '-';
  if (p.state === 'T') return 'do_signal_stop';
  if (p.state === 'Z') return '-';
  const c = p.comm.replace(/^-/, '');
  if (c === 'systemd' || c.startsWith('systemd-') || c === 'dbus-daemon') return 'ep_poll';
  if (c === 'sleep') return 'hrtimer_nanosleep';
  if (c === 'bash' || c === 'sh' || c === 'su' || c === 'sudo' || c === 'login') return 'do_wait';
  if (c === 'agetty' || c === 'less' || c === 'vi' || c === 'top') return 'do_select';
  return 'pipe_read';
}

/** utime + stime of /proc/<pid>/stat (fields 14 and 15), in ticks; 0 when unreadable. */
/** What ps reads of a process's /proc/<pid>/stat and statm: CPU ticks and memory (KiB). */
interface ProcStat {
  ticks: number;
  vszKb: number;
  rssKb: number;
  sharedKb: number;
}

async function readStat(sys: Sys, pid: number): Promise<ProcStat> {
  const out: ProcStat = { ticks: 0, vszKb: 0, rssKb: 0, sharedKb: 0 };
  try {
    const text = decoder.decode(await sys.readFile(`/proc/${pid}/stat`));
    const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // after "pid (comm) ", field 3 (state) is index 0: utime (14) is index 11, stime 12,
    // vsize (23, bytes) 20 and rss (24, pages) 21
    out.ticks = (Number(f[11]) || 0) + (Number(f[12]) || 0);
    out.vszKb = Math.floor((Number(f[20]) || 0) / 1024);
    out.rssKb = (Number(f[21]) || 0) * 4;
    const statm = decoder.decode(await sys.readFile(`/proc/${pid}/statm`)).split(' ');
    out.sharedKb = (Number(statm[2]) || 0) * 4;
  } catch {
    // a process that ended meanwhile
  }
  return out;
}

/** The process table with derived statistics. */
export async function loadProcs(sys: Sys): Promise<Proc[]> {
  const acc = await Accounts.load(sys);
  const now = sys.now();
  const bootMs = now - sys.uptime();
  const all = sys.processes();
  // the foreground group of each terminal (TPGID), from the processes that are in it
  const fgOf = new Map<string, number>();
  for (const p of all) if (p.tty !== undefined && p.foreground) fgOf.set(p.tty, p.pgid);
  all.sort((a, b) => a.pid - b.pid);
  // kernel threads are never scheduled here and hold no user memory: only processes have CPU
  // time and memory to read
  const statOf = new Map<number, ProcStat>();
  for (const p of all) if (!p.kthread && p.state !== 'Z') statOf.set(p.pid, await readStat(sys, p.pid));
  return all.map((p) => {
    const comm = p.comm.replace(/^-/, '');
    const h = hash(`${comm}:${p.pid}`);
    // a zombie or a kernel thread has no user memory
    const st = statOf.get(p.pid);
    const vsz = st?.vszKb ?? 0;
    const rss = st?.rssKb ?? 0;
    const elapsed = Math.max(0, Math.floor((now - Math.max(p.startTime, bootMs)) / 1000));
    // a long-lived daemon accumulates a little CPU time; short commands stay at zero
    const rate = p.pid === 1 ? 0.004 : comm === 'bash' ? 0.0004 : p.kthread ? 0 : 0.0002;
    const ticks = st?.ticks ?? 0;
    const cpuTicks = Math.floor(elapsed * rate) * 100 + ticks;
    const cpu = Math.floor(cpuTicks / 100);
    const name = (uid: number): string => acc.userName(uid) ?? String(uid);
    return {
      ...p,
      user: name(p.euid), ruser: name(p.uid), group: acc.groupName(p.gid) ?? String(p.gid),
      vsz, rss, shared: st?.sharedKb ?? 0, cpu, cpuTicks, ticks, elapsed,
      tpgid: p.tty === undefined ? -1 : fgOf.get(p.tty) ?? -1,
      wchan: wchanOf(p), psr: h % 2, threads: comm === 'dockerd' || comm === 'containerd' ? 9 : 1,
    };
  });
}

/** The kernel's prio field (/proc/<pid>/stat 18): 20+nice, or -1-rtprio under SCHED_FIFO. */
export function priority(p: Proc): number {
  return p.rtprio ? -1 - p.rtprio : 20 + p.nice;
}

/** BSD STAT: state letter, then < N L s l + as procps prints them. */
export function statOf(p: Proc): string {
  let s = p.state;
  if (p.nice < 0) s += '<';
  if (p.nice > 0) s += 'N';
  if (p.sessionLeader) s += 's';
  if (p.threads > 1) s += 'l';
  if (p.foreground) s += '+';
  return s;
}

export function commandLine(p: Proc): string {
  if (p.state === 'Z') return `[${p.comm}] <defunct>`;
  // escape_str: control characters print as '?'
  const args = p.argv.join(' ').replace(/[\x00-\x1f\x7f]/g, '?');
  return args === '' ? `[${p.comm}]` : args;
}
