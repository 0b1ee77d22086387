// top's screen (procps-ng 4.0.4): the summary area and the task table, built from two
// samples of /proc. %CPU and the %Cpu(s) line are the change between the samples, as top
// computes them: a task's utime+stime delta over the elapsed ticks (Irix mode: one busy CPU
// is 100%), and each /proc/stat column's delta over the sum of all columns' deltas.
// Lines carry top's own attribute markup (show_special): "~N" applies attribute N to the text
// before it (2 bold, 4 message, 5 prompt, 6 column header, 7 highlighted row).
import type { Sys } from '../../shared/sys';
import type { Ctx } from '../lib/context';
import { memInfo } from './meminfo';
import { commandLine, loadProcs, pidMax, priority, type Proc } from './procs';
import { uptimeLine } from './uptime';

export interface Sample {
  /** When it was taken, ms on the machine's clock. */
  at: number;
  procs: Proc[];
  /** /proc/stat's cpu rows: the total first, then each CPU (user nice system idle iowait irq softirq steal). */
  cpus: number[][];
}

export type SortField = '%CPU' | '%MEM' | 'PID' | 'TIME+' | 'USER' | 'COMMAND' | 'RES' | 'VIRT' | 'NI' | 'PR';

export interface View {
  sort: SortField;
  /** 'R': ascending instead of descending. */
  reverse: boolean;
  cmdline: boolean;
  /** 'i' off: only tasks that used CPU since the last frame, or are running. */
  idle: boolean;
  /** '1': a line per CPU instead of %Cpu(s). */
  perCpu: boolean;
  /** 'I': Irix mode (a task's %CPU relative to one CPU) or Solaris mode (to all). */
  irix: boolean;
  /** 'l', 't', 'm': the summary lines shown. */
  load: boolean;
  states: boolean;
  memory: boolean;
  pids?: number[];
  uid?: number;
}

export const DEFAULT_VIEW: View = { sort: '%CPU', reverse: false, cmdline: false, idle: true, perCpu: false, irix: true, load: true, states: true, memory: true };

export interface Row {
  pid: number;
  text: string;
  running: boolean;
}

export interface Frame {
  /** Summary lines, with markup. */
  summary: string[];
  header: string;
  rows: Row[];
}

const decoder = new TextDecoder();

async function procStat(sys: Sys): Promise<number[][]> {
  let text = '';
  try {
    text = decoder.decode(await sys.readFile('/proc/stat'));
  } catch {
    // no /proc: every CPU idle
  }
  const rows = text.split('\n').filter((l) => /^cpu\d* /.test(l)).map((l) => l.split(/\s+/).slice(1, 9).map(Number));
  return rows.length ? rows : [[0, 0, 0, 0, 0, 0, 0, 0]];
}

export async function takeSample(sys: Sys): Promise<Sample> {
  const procs = await loadProcs(sys);
  const cpus = await procStat(sys);
  return { at: sys.now(), procs, cpus };
}

export function timePlus(ticks: number): string {
  const m = Math.floor(ticks / 6000);
  return `${m}:${String(Math.floor(ticks / 100) % 60).padStart(2, '0')}.${String(ticks % 100).padStart(2, '0')}`;
}

/** sum_tics: one %Cpu line from the change in a /proc/stat row. */
function cpuLine(label: string, now: number[], before: number[] | undefined): string {
  const d = now.map((v, i) => Math.max(0, v - (before?.[i] ?? 0)));
  let total = d.reduce((a, b) => a + b, 0);
  let idle = d[3]!;
  if (total < 1) idle = total = 1;
  const pct = (v: number): string => ((v * 100) / total).toFixed(1).padStart(5);
  const [us, ni, sy, , wa, hi, si, st] = d as [number, number, number, number, number, number, number, number];
  const cols: [number, string][] = [[us, 'us'], [sy, 'sy'], [ni, 'ni'], [idle, 'id'], [wa, 'wa'], [hi, 'hi'], [si, 'si'], [st, 'st']];
  return `${label}~3${cols.map(([v, n]) => `${pct(v)} ~2${n}`).join(',~3')}~3 ~1`;
}

const SORT_KEYS: Record<SortField, (p: Proc, pcpu: number) => number | string> = {
  '%CPU': (_p, c) => c, '%MEM': (p) => p.rss, RES: (p) => p.rss, VIRT: (p) => p.vsz, PID: (p) => -p.pid, 'TIME+': (p) => p.cpuTicks,
  USER: (p) => p.user, COMMAND: (p) => p.comm, NI: (p) => -p.nice, PR: (p) => -priority(p),
};

/** Builds one frame from the sample before (for the deltas) and the one now. */
export async function buildFrame(ctx: Ctx, before: Sample, now: Sample, view: View, width: number): Promise<Frame> {
  const sys = ctx.sys;
  const all = now.procs;
  const shown = all.filter((p) => (!view.pids || view.pids.includes(p.pid)) && (view.uid === undefined || p.euid === view.uid));
  const m = await memInfo(sys);
  const summary: string[] = [];
  if (view.load) summary.push(`top -${await uptimeLine(ctx)}`);
  if (view.states) {
    // idle kernel threads count as sleeping
    const count = (s: string): string => String(all.filter((p) => p.state === s || (s === 'S' && p.state === 'I')).length).padStart(3);
    summary.push(`Tasks:~3 ${String(all.length).padStart(3)} ~2total,~3 ${count('R')} ~2running,~3 ${count('S')} ~2sleeping,~3 ${count('T')} ~2stopped,~3 ${count('Z')} ~2zombie~3`);
    if (view.perCpu && now.cpus.length > 1) {
      now.cpus.slice(1).forEach((row, i) => summary.push(cpuLine(`%Cpu${String(i).padEnd(3)}:`, row, before.cpus[i + 1])));
    } else summary.push(cpuLine('%Cpu(s):', now.cpus[0]!, before.cpus[0]));
  }
  if (view.memory) {
    const mib = (kb: number): string => (kb / 1024).toFixed(1).padStart(8);
    summary.push(`MiB Mem :~3 ${mib(m.total)} ~2total,~3 ${mib(m.free)} ~2free,~3 ${mib(m.used)} ~2used,~3 ${mib(m.buffCache)} ~2buff/cache~3 ~1    `);
    summary.push(`MiB Swap:~3 ${mib(m.swapTotal)} ~2total,~3 ${mib(m.swapFree)} ~2free,~3 ${mib(m.swapUsed)} ~2used.~3 ${mib(m.available)} ~2avail Mem~3 `);
  }

  const elapsed = (now.at - before.at) / 10;
  const cpuCount = Math.max(1, now.cpus.length - 1);
  const prevTicks = new Map(before.procs.map((p) => [p.pid, p.ticks]));
  const pcpu = new Map<number, number>();
  for (const p of shown) {
    const d = Math.max(0, p.ticks - (prevTicks.get(p.pid) ?? 0));
    // one thread keeps at most one CPU busy (ticks counted around a short interval may say more)
    let v = elapsed > 0 ? Math.min(100, (d * 100) / elapsed) : 0;
    if (!view.irix) v /= cpuCount;
    pcpu.set(p.pid, v);
  }
  const key = SORT_KEYS[view.sort];
  const dir = view.reverse ? -1 : 1;
  const sorted = [...shown].sort((a, b) => {
    const x = key(a, pcpu.get(a.pid)!);
    const y = key(b, pcpu.get(b.pid)!);
    if (x !== y) return (x < y ? 1 : -1) * dir;
    return a.state === 'R' && b.state !== 'R' ? -1 : b.state === 'R' && a.state !== 'R' ? 1 : a.pid - b.pid;
  });
  const pw = Math.max(5, String(await pidMax(sys)).length);
  const header = `${'PID'.padStart(pw)} USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND`;
  const rows: Row[] = [];
  for (const p of sorted) {
    const c = pcpu.get(p.pid)!;
    if (!view.idle && c === 0 && p.state !== 'R') continue;
    const user = p.user.length > 8 ? `${p.user.slice(0, 7)}+` : p.user;
    const cmd = view.cmdline ? commandLine(p) : p.comm;
    // PR is the kernel's priority (20 + nice), `rt` under a real-time policy
    const pr = p.rtprio ? 'rt' : String(priority(p));
    const text = `${String(p.pid).padStart(pw)} ${user.padEnd(8)} ${pr.padStart(3)} ${String(p.nice).padStart(3)} ${String(p.vsz).padStart(7)} ${String(p.rss).padStart(6)} ${String(p.shared).padStart(6)} ${p.state} ${c.toFixed(1).padStart(5)} ${((p.rss * 100) / m.total).toFixed(1).padStart(5)} ${timePlus(p.cpuTicks).padStart(9)} ${cmd}`;
    rows.push({ pid: p.pid, text: text.slice(0, width), running: p.state === 'R' });
  }
  return { summary, header: header.slice(0, width), rows };
}

/** The text of a line without its markup (batch mode). */
export function plain(line: string): string {
  return line.replace(/~[1-8]/g, '');
}

const ATTR: Record<string, string> = { 1: '', 2: '\x1b[1m', 3: '', 4: '\x1b[7m', 5: '\x1b[1m', 6: '\x1b[7m', 7: '\x1b[1m', 8: '' };

/** show_special: a line with its markup turned into attributes, cut at `cols` columns. */
export function styled(line: string, cols: number): string {
  let out = '';
  let room = cols;
  for (const m of line.matchAll(/([^~]*(?:~(?![1-8])[^~]*)*)(~[1-8]|$)/g)) {
    if (room <= 0 || (m[1] === '' && m[2] === '')) break;
    const text = m[1]!.slice(0, room);
    room -= text.length;
    const attr = ATTR[m[2]!.slice(1)] ?? '';
    out += attr ? `${attr}${text}\x1b[m` : text;
  }
  return out;
}
