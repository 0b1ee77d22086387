// ps output columns (procps-ng 4.0 format_array): header, default width, justification and
// how each value is printed.
import { strftime } from '../../lib/strftime';
import type { TimeZone } from '../../lib/tz';
import { commandLine, priority, statOf, type Proc } from '../procs';

export type Align = 'left' | 'right' | 'user' | 'unlimited' | 'wchan';

export interface Env {
  memTotal: number;
  now: number;
  /** The local time zone, for start times. */
  tz?: TimeZone;
  pidWidth: number;
  /** `n`: numeric user ids. */
  numericUsers: boolean;
  /** Forest prefix of the row being printed. */
  forest: string;
  /** -f with comm: show args (unix_f_option); BSD c: show comm for args. */
  commShowsArgs: boolean;
  argsShowsComm: boolean;
  /** The programs' paths (/proc/PID/exe), read when an exe column is asked for. */
  exes?: Map<number, string>;
}

export interface ColumnDef {
  header: string;
  width: number;
  align: Align;
  pidmax?: boolean;
  /** `room` is how many cells the value may take (max_rightward). */
  value(p: Proc, env: Env, room: number): string;
}

function clock(sec: number): string {
  const dd = Math.floor(sec / 86400);
  const rest = sec % 86400;
  const hh = Math.floor(rest / 3600);
  const mm = Math.floor((rest % 3600) / 60);
  const ss = rest % 60;
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${dd ? `${dd}-` : ''}${two(hh)}:${two(mm)}:${two(ss)}`;
}

function etime(sec: number): string {
  const dd = Math.floor(sec / 86400);
  const hh = Math.floor((sec % 86400) / 3600);
  const mm = Math.floor((sec % 3600) / 60);
  const ss = sec % 60;
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${dd ? `${dd}-` : ''}${dd || hh ? `${two(hh)}:` : ''}${two(mm)}:${two(ss)}`;
}

// the policy's short name (kernel threads give none: FIFO when they have a real-time priority)
const policy = (p: Proc): string => ['TS', 'FF', 'RR', 'B', 'ISO', 'IDL', 'DLN'][p.policy ?? (p.rtprio ? 1 : 0)] ?? '?';

function permille(p: Proc): number {
  return p.elapsed > 0 ? Math.floor((p.cpu * 1000) / p.elapsed) : 0;
}

/** do_pr_name: a name wider than the column ends in `+`; `n` prints the number. */
function name(text: string, id: number, env: Env, room: number): string {
  if (env.numericUsers) return String(id);
  if (text.length <= room) return text;
  return room >= 1 ? `${text.slice(0, room - 1)}+` : String(id);
}

function trunc(s: string, room: number): string {
  return s.length > room ? s.slice(0, Math.max(0, room)) : s;
}

const startMs = (p: Proc): number => p.startTime;

const args = (p: Proc, env: Env, room: number): string => trunc(env.forest + (env.argsShowsComm ? p.comm : commandLine(p)), room);
const comm = (p: Proc, env: Env, room: number): string => trunc(env.forest + (env.commShowsArgs ? commandLine(p) : p.state === 'Z' ? `${p.comm} <defunct>` : p.comm), room);
const pid = (f: (p: Proc) => number) => (p: Proc): string => String(f(p));

const D: Record<string, ColumnDef> = {
  '%cpu': { header: '%CPU', width: 4, align: 'right', value: (p) => { const v = permille(p); return v > 999 ? String(Math.floor(v / 10)) : `${Math.floor(v / 10)}.${v % 10}`; } },
  '%mem': { header: '%MEM', width: 4, align: 'right', value: (p, e) => { const v = Math.min(999, Math.floor((p.rss * 1000) / e.memTotal)); return `${String(Math.floor(v / 10)).padStart(2)}.${v % 10}`; } },
  addr: { header: 'ADDR', width: 4, align: 'right', value: () => '-' },
  args: { header: 'COMMAND', width: 27, align: 'unlimited', value: args },
  bsdtime: { header: 'TIME', width: 6, align: 'right', value: (p) => `${String(Math.floor(p.cpu / 60)).padStart(3)}:${String(p.cpu % 60).padStart(2, '0')}` },
  c: { header: 'C', width: 2, align: 'right', value: (p) => String(Math.min(99, Math.floor(permille(p) / 10))).padStart(2) },
  class: { header: 'CLS', width: 3, align: 'left', value: (p) => policy(p) },
  cls: { header: 'CLS', width: 3, align: 'right', value: (p) => policy(p) },
  cmd: { header: 'CMD', width: 27, align: 'unlimited', value: args },
  comm: { header: 'COMMAND', width: 15, align: 'unlimited', value: comm },
  command: { header: 'COMMAND', width: 27, align: 'unlimited', value: args },
  cp: { header: 'CP', width: 3, align: 'right', value: (p) => String(Math.min(999, permille(p))).padStart(3) },
  cputime: { header: 'TIME', width: 8, align: 'right', value: (p) => clock(p.cpu) },
  cputimes: { header: 'TIME', width: 8, align: 'right', value: (p) => String(p.cpu) },
  egid: { header: 'EGID', width: 5, align: 'right', value: (p) => String(p.gid) },
  egroup: { header: 'EGROUP', width: 8, align: 'user', value: (p, e, r) => name(p.group, p.gid, e, r) },
  etime: { header: 'ELAPSED', width: 11, align: 'right', value: (p) => etime(p.elapsed) },
  etimes: { header: 'ELAPSED', width: 7, align: 'right', value: (p) => String(p.elapsed) },
  euid: { header: 'EUID', width: 5, align: 'right', value: (p) => String(p.euid) },
  euser: { header: 'EUSER', width: 8, align: 'user', value: (p, e, r) => name(p.user, p.euid, e, r) },
  exe: { header: 'EXE', width: 27, align: 'unlimited', value: (p, e) => e.exes?.get(p.pid) ?? '-' },
  // the PF_* bits 0x40 (forked, not exec'd) and 0x100 (used root's privilege) as 1 and 4;
  // kernel threads are all forked by kthreadd, kdevtmpfs mounts devtmpfs as well
  f: { header: 'F', width: 1, align: 'right', value: (p) => (p.kthread ? (p.comm === 'kdevtmpfs' ? '5' : '1') : (((p.flags ?? 0) >> 6) & 7).toString(16)) },
  fname: { header: 'COMMAND', width: 8, align: 'left', value: (p, e) => trunc(e.forest + p.comm, 8 + e.forest.length) },
  gid: { header: 'GID', width: 5, align: 'right', value: (p) => String(p.gid) },
  group: { header: 'GROUP', width: 8, align: 'user', value: (p, e, r) => name(p.group, p.gid, e, r) },
  lstart: { header: 'STARTED', width: 24, align: 'right', value: (p, e) => strftime('%a %b %e %H:%M:%S %Y', startMs(p), undefined, e.tz) },
  lwp: { header: 'LWP', width: 5, align: 'right', pidmax: true, value: pid((p) => p.pid) },
  ni: { header: 'NI', width: 3, align: 'right', value: (p) => (p.rtprio ? '-' : String(p.nice)) },
  nlwp: { header: 'NLWP', width: 4, align: 'right', value: (p) => String(p.threads) },
  opri: { header: 'PRI', width: 3, align: 'right', value: (p) => String(60 + priority(p)) },
  pgid: { header: 'PGID', width: 5, align: 'right', pidmax: true, value: pid((p) => p.pgid) },
  pgrp: { header: 'PGRP', width: 5, align: 'right', pidmax: true, value: pid((p) => p.pgid) },
  pid: { header: 'PID', width: 5, align: 'right', pidmax: true, value: pid((p) => p.pid) },
  policy: { header: 'POL', width: 3, align: 'left', value: (p) => policy(p) },
  ppid: { header: 'PPID', width: 5, align: 'right', pidmax: true, value: pid((p) => p.ppid) },
  pri: { header: 'PRI', width: 3, align: 'right', value: (p) => String(39 - priority(p)) },
  priority: { header: 'PRI', width: 3, align: 'right', value: (p) => String(priority(p)) },
  psr: { header: 'PSR', width: 3, align: 'right', value: (p) => String(p.psr) },
  rgid: { header: 'RGID', width: 5, align: 'right', value: (p) => String(p.gid) },
  rgroup: { header: 'RGROUP', width: 8, align: 'user', value: (p, e, r) => name(p.group, p.gid, e, r) },
  rss: { header: 'RSS', width: 5, align: 'right', value: (p) => String(p.rss) },
  rtprio: { header: 'RTPRIO', width: 6, align: 'right', value: (p) => (p.rtprio ? String(p.rtprio) : '-') },
  ruid: { header: 'RUID', width: 5, align: 'right', value: (p) => String(p.uid) },
  ruser: { header: 'RUSER', width: 8, align: 'user', value: (p, e, r) => name(p.ruser, p.uid, e, r) },
  s: { header: 'S', width: 1, align: 'left', value: (p) => p.state },
  sched: { header: 'SCH', width: 3, align: 'right', value: (p) => String(p.policy ?? (p.rtprio ? 1 : 0)) },
  sess: { header: 'SESS', width: 5, align: 'right', pidmax: true, value: pid((p) => p.sid) },
  sgid: { header: 'SGID', width: 5, align: 'right', value: (p) => String(p.gid) },
  share: { header: '-', width: 1, align: 'right', value: (p) => String(p.shared) },
  sid: { header: 'SID', width: 5, align: 'right', pidmax: true, value: pid((p) => p.sid) },
  size: { header: 'SIZE', width: 5, align: 'right', value: (p) => String(Math.floor(p.vsz / 4)) },
  start: {
    header: 'STARTED', width: 8, align: 'right',
    value: (p, e) => (startMs(p) + 86_400_000 > e.now ? strftime('%H:%M:%S', startMs(p), undefined, e.tz) : `  ${strftime('%b %d', startMs(p), undefined, e.tz)}`),
  },
  start_time: { header: 'START', width: 5, align: 'right', value: (p, e) => stime(p, e) },
  stat: { header: 'STAT', width: 4, align: 'left', value: (p) => statOf(p) },
  state: { header: 'S', width: 1, align: 'left', value: (p) => p.state },
  stime: { header: 'STIME', width: 5, align: 'right', value: (p, e) => stime(p, e) },
  suid: { header: 'SUID', width: 5, align: 'right', value: (p) => String(p.euid) },
  suser: { header: 'SUSER', width: 8, align: 'user', value: (p, e, r) => name(p.user, p.euid, e, r) },
  svuid: { header: 'SVUID', width: 5, align: 'right', value: (p) => String(p.euid) },
  sz: { header: 'SZ', width: 5, align: 'right', value: (p) => String(Math.floor(p.vsz / 4)) },
  thcount: { header: 'THCNT', width: 5, align: 'right', value: (p) => String(p.threads) },
  tid: { header: 'TID', width: 5, align: 'right', pidmax: true, value: pid((p) => p.pid) },
  time: { header: 'TIME', width: 8, align: 'right', value: (p) => clock(p.cpu) },
  times: { header: 'TIME', width: 8, align: 'right', value: (p) => String(p.cpu) },
  tname: { header: 'TTY', width: 8, align: 'left', value: (p) => p.tty ?? '?' },
  tpgid: { header: 'TPGID', width: 5, align: 'right', pidmax: true, value: (p) => String(p.tpgid) },
  tt: { header: 'TT', width: 8, align: 'left', value: (p) => p.tty ?? '?' },
  tty: { header: 'TT', width: 8, align: 'left', value: (p) => p.tty ?? '?' },
  ucmd: { header: 'CMD', width: 15, align: 'unlimited', value: comm },
  ucomm: { header: 'COMMAND', width: 15, align: 'unlimited', value: comm },
  uid: { header: 'UID', width: 5, align: 'right', value: (p) => String(p.euid) },
  uid_hack: { header: 'UID', width: 8, align: 'user', value: (p, e, r) => name(p.user, p.euid, e, r) },
  uname: { header: 'USER', width: 8, align: 'user', value: (p, e, r) => name(p.user, p.euid, e, r) },
  user: { header: 'USER', width: 8, align: 'user', value: (p, e, r) => name(p.user, p.euid, e, r) },
  vsize: { header: 'VSZ', width: 6, align: 'right', value: (p) => String(p.vsz) },
  vsz: { header: 'VSZ', width: 6, align: 'right', value: (p) => String(p.vsz) },
  wchan: { header: 'WCHAN', width: 6, align: 'wchan', value: (p, _e, r) => trunc(p.wchan, r) },
};
D.pcpu = { ...D['%cpu']!, header: '%CPU' };
D.pmem = { ...D['%mem']!, header: '%MEM' };
D.flag = D.f!;
D.flags = D.f!;
D.spid = { ...D.lwp!, header: 'SPID' };
D.rssize = D.rss!;
D.rsz = { ...D.rss!, header: 'RSZ' };
D.tty8 = { ...D.tname! };
D.nice = D.ni!;
D.cputime = D.cputime!;
D.atime = D.cputime!;
D.tgid = { ...D.pid!, header: 'TGID' };
D.svgid = { ...D.sgid!, header: 'SVGID' };
D.svuser = { ...D.suser!, header: 'SVUSER' };
D.sgroup = { ...D.egroup!, header: 'SGROUP' };
D.svgroup = { ...D.egroup!, header: 'SVGROUP' };
// the filesystem ids follow the effective ones
D.fuid = { ...D.euid!, header: 'FUID' };
D.fsuid = { ...D.euid!, header: 'FSUID' };
D.fgid = { ...D.egid!, header: 'FGID' };
D.fsgid = { ...D.egid!, header: 'FSGID' };
D.fuser = { ...D.euser!, header: 'FUSER' };
D.fsuser = { ...D.euser!, header: 'FSUSER' };
D.fgroup = { ...D.egroup!, header: 'FGROUP' };
D.fsgroup = { ...D.egroup!, header: 'FSGROUP' };
D.intpri = { ...D.opri! };
D.lastcpu = { ...D.psr!, header: 'C' };
D.cpuid = { ...D.psr!, header: 'CPUID', width: 4 };
D.tty4 = { ...D.tname!, width: 4 };
D.longtname = { ...D.tname! };
D.wname = D.wchan!;
// signal masks as pr_sig prints them (16 hex digits, bit N-1 for signal N); the simulated
// kernel keeps no pending or blocked signals, so those masks are empty
const mask = (header: string): ColumnDef => ({ header, width: 16, align: 'right', value: () => '0000000000000000' });
const sigMask = (header: string, which: (p: Proc) => number[] | undefined): ColumnDef => ({
  header, width: 16, align: 'right',
  value: (p) => (which(p) ?? []).reduce((m, sig) => m | (1n << BigInt(sig - 1)), 0n).toString(16).padStart(16, '0'),
});
D.pending = mask('PENDING');
D.sig = D.pending;
D.blocked = mask('BLOCKED');
D.sig_block = D.blocked;
D.sigmask = D.blocked;
D.ignored = sigMask('IGNORED', (p) => p.ignored);
D.sig_ignore = D.ignored;
D.sigignore = D.ignored;
D.caught = sigMask('CAUGHT', (p) => p.caught);
D.sig_catch = D.caught;
D.sigcatch = D.caught;
// the stack and instruction pointers procps reads as zeros; TMOUT and ALARM print nothing (pr_nop)
D.stackp = mask('STACKP');
D.start_stack = D.stackp;
D.esp = mask('ESP');
D.eip = mask('EIP');
D.tmout = { header: 'TMOUT', width: 5, align: 'right', value: () => '-' };
D.timeout = D.tmout;
D.alarm = { header: 'ALARM', width: 5, align: 'right', value: () => '-' };
// page faults are not counted; text is not told apart from data, so DRS is the whole VSZ
D.majflt = { header: 'MAJFLT', width: 6, align: 'right', value: () => '0' };
D.maj_flt = { ...D.majflt, header: 'MAJFL' };
D.minflt = { header: 'MINFLT', width: 6, align: 'right', value: () => '0' };
D.min_flt = { ...D.minflt, header: 'MINFL' };
D.trs = { header: 'TRS', width: 4, align: 'right', value: () => '0' };
D.m_trs = { ...D.trs, width: 5 };
D.drs = { header: 'DRS', width: 5, align: 'right', value: (p) => String(p.vsz) };
D.m_drs = D.drs;
// no SELinux: the security context is "-"
D.label = { header: 'LABEL', width: 31, align: 'left', value: () => '-' };
D.context = { header: 'CONTEXT', width: 31, align: 'left', value: () => '-' };
// pr_sgi_p: the processor of a running task, "*" for one that waits
D.sgi_p = { header: 'P', width: 1, align: 'right', value: (p) => (p.state === 'R' ? String(p.psr) : '*') };
// procps prints no value for these (pr_nop)
D.tsess = { header: 'TSESS', width: 5, align: 'right', value: () => '-' };
D.tsession = D.tsess;
// pr_bsdstart: ctime() from the time of day (same day) or from the month, cut to 6 cells
D.bsdstart = {
  header: 'START', width: 6, align: 'right',
  value: (p, e) => (e.now - startMs(p) > 86_400_000 ? strftime('%b %e', startMs(p), undefined, e.tz) : strftime(' %H:%M', startMs(p), undefined, e.tz)),
};

function stime(p: Proc, e: Env): string {
  const t = startMs(p);
  const f = (fmt: string, ms: number): string => strftime(fmt, ms, undefined, e.tz);
  const sameYear = f('%Y', t) === f('%Y', e.now);
  if (!sameYear) return f('%Y', t);
  return f('%j', t) === f('%j', e.now) ? f('%H:%M', t) : f('%b%d', t);
}

export function column(spec: string): ColumnDef | undefined {
  return Object.prototype.hasOwnProperty.call(D, spec) ? D[spec] : undefined;
}

export function columnNames(): string[] {
  return Object.keys(D).sort();
}
