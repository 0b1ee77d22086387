// prtstat (psmisc 23.6): /proc/PID/stat of each PID laid out for people (-r: every field by
// name, two to a line). Missing processes are reported and skipped; the status stays 0.
import { isSysError, strerror } from '../../shared/errno';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { getopt, GetoptError } from '../lib/getopt';
import { PSMISC_VERSION } from './fuser';

const USAGE = `Usage: prtstat [options] PID ...
       prtstat -V
Print information about a process
    -r,--raw       Raw display of information
    -V,--version   Display version information and exit
`;

const PAGE = 4096n;
const HZ = 100;

/** The fields after the command, in /proc/PID/stat order, as prtstat names them. */
const FIELDS = [
  'state', 'ppid', 'pgrp', 'session', 'tty_nr', 'tpgid', 'flags', 'minflt', 'cminflt', 'majflt', 'cmajflt',
  'utime', 'stime', 'cutime', 'cstime', 'priority', 'nice', 'num_threads', 'itrealvalue', 'starttime',
  'vsize', 'rss', 'rsslim', 'startcode', 'endcode', 'startstack', 'kstkesp', 'kstkeip',
  'signal', 'blocked', 'sigignore', 'sigcatch', 'wchan', 'nswap', 'cnswap', 'exit_signal', 'processor',
  'rt_priority', 'policy', 'blkio', 'guest_time', 'cguest_time',
] as const;
type Field = (typeof FIELDS)[number];

/** A C integer conversion of the text: signed fields as such, unsigned ones wrapped to 64 bits. */
function num(text: string, signed: boolean): bigint {
  let v = BigInt(/^[-+]?\d+/.exec(text)?.[0] ?? '0');
  if (!signed && v < 0n) v += 1n << 64n;
  return v;
}

const STATES: Record<string, string> = { R: 'running', S: 'sleeping', D: 'disk sleep', Z: 'zombie', T: 'traced', W: 'paging' };
const POLICIES = ['normal', 'fifo', 'rr', 'batch', 'iso', 'idle'];

function bytes(n: bigint): string {
  if (n > 10000000n) return `${n / 1000000n} MB`;
  if (n > 10000n) return `${n / 1000n} kB`;
  return `${n} B`;
}

/** printf's %#lx: 0x and the hex digits, a bare 0 for zero. */
const hexAlt = (n: bigint): string => (n === 0n ? '0' : `0x${n.toString(16)}`);
const secs = (ticks: bigint): string => (Number(ticks) / HZ).toFixed(2).padStart(6);

function formatted(pid: number, comm: string, f: Record<Field, string>): string {
  const u = (k: Field): bigint => num(f[k], false);
  const s = (k: Field): bigint => num(f[k], true);
  const state = f.state[0] ?? '';
  const tty = Number(s('tty_nr') & 0xffffffffn);
  const ttyText = `${(tty & 0xff00) >> 8}:${(tty & 0xff) | ((tty >>> 20) & 0xfff)}`;
  const prio = s('priority');
  const policy = Number(u('policy') & 0xffffffffn);
  return [
    `Process: ${comm.padEnd(14)}\t\tState: ${state} (${STATES[state] ?? 'unknown'})`,
    `  CPU#:  ${String(s('processor')).padEnd(3)}\t\tTTY: ${ttyText}\tThreads: ${s('num_threads')}`,
    'Process, Group and Session IDs',
    `  Process ID: ${pid}\t\t  Parent ID: ${s('ppid')}`,
    `    Group ID: ${s('pgrp')}\t\t Session ID: ${s('session')}`,
    `  T Group ID: ${s('tpgid')}`,
    '',
    'Page Faults',
    `  This Process    (minor major): ${String(u('minflt')).padStart(8)}  ${String(u('majflt')).padStart(8)}`,
    `  Child Processes (minor major): ${String(u('cminflt')).padStart(8)}  ${String(u('cmajflt')).padStart(8)}`,
    'CPU Times',
    `  This Process    (user system guest blkio): ${secs(u('utime'))} ${secs(u('stime'))} ${secs(u('guest_time'))} ${secs(u('blkio'))}`,
    `  Child processes (user system guest):       ${secs(s('cutime'))} ${secs(s('cstime'))} ${secs(s('cguest_time'))}`,
    'Memory',
    `  Vsize:       ${bytes(u('vsize')).padEnd(10)}`,
    `  RSS:         ${bytes((s('rss') * PAGE) & ((1n << 64n) - 1n)).padEnd(10)} \t\t RSS Limit: ${bytes(u('rsslim'))}`,
    `  Code Start:  ${hexAlt(u('startcode')).padEnd(10)}\t\t Code Stop:  ${hexAlt(u('endcode')).padEnd(10)}`,
    `  Stack Start: ${hexAlt(u('startstack')).padEnd(10)}`,
    `  Stack Pointer (ESP): ${hexAlt(u('kstkesp')).padStart(10)}\t Inst Pointer (EIP): ${hexAlt(u('kstkeip')).padStart(10)}`,
    'Scheduling',
    `  Policy: ${POLICIES[policy] ?? 'unknown'}`,
    `  Nice:   ${s('nice')} \t\t RT Priority: ${prio > 0n ? prio - 20n : 1n - prio} ${prio > 0n ? '(non RT)' : ''}`,
    '',
  ].join('\n');
}

function raw(pid: number, comm: string, f: Record<Field, string>): string {
  const u = (k: Field): string => String(num(f[k], false));
  const d = (k: Field): string => String(num(f[k], true));
  const d32 = (k: Field): string => String(BigInt.asIntN(32, num(f[k], true)));
  const u32 = (k: Field): string => String(BigInt.asUintN(32, num(f[k], true)));
  const X = (k: Field): string => num(f[k], false).toString(16).toUpperCase();
  const rows: [string, string, string, string][] = [
    ['pid', String(pid), 'comm', comm],
    ['state', f.state[0] ?? '', 'ppid', d32('ppid')],
    ['pgrp', d32('pgrp'), 'session', d32('session')],
    ['tty_nr', d32('tty_nr'), 'tpgid', d32('tpgid')],
    ['flags', BigInt.asUintN(32, num(f.flags, true)).toString(16), 'minflt', u('minflt')],
    ['cminflt', u('cminflt'), 'majflt', u('majflt')],
    ['cmajflt', u('cmajflt'), 'utime', u('utime')],
    ['stime', u('stime'), 'cutime', d('cutime')],
    ['cstime', d('cstime'), 'priority', d('priority')],
    ['nice', d('nice'), 'num_threads', d('num_threads')],
    ['itrealvalue', d('itrealvalue'), 'starttime', u('starttime')],
    ['vsize', u('vsize'), 'rss', d('rss')],
    ['rsslim', u('rsslim'), 'startcode', u('startcode')],
    ['endcode', u('endcode'), 'startstack', u('startstack')],
    ['kstkesp', X('kstkesp'), 'kstkeip', X('kstkeip')],
    ['wchan', u('wchan'), 'nswap', u('nswap')],
    // psmisc prints wchan under cnswap's name
    ['cnswap', u('wchan'), 'exit_signal', d32('exit_signal')],
    ['processor', d32('processor'), 'rt_priority', u32('rt_priority')],
    ['policy', u32('policy'), 'delayaccr_blkio_ticks', u('blkio')],
    ['guest_time', u('guest_time'), 'cguest_time', d('cguest_time')],
  ];
  return rows.map(([a, av, b, bv]) => `${a.slice(0, 11).padStart(12)}: ${av.padEnd(15)}\t${b.slice(0, 21).padStart(22)}: ${bv}\n`).join('');
}

async function printStat(ctx: Ctx, pid: number, isRaw: boolean): Promise<void> {
  let text: string;
  try {
    text = new TextDecoder().decode(await ctx.sys.readFile(`/proc/${pid}/stat`));
  } catch (e) {
    if (!isSysError(e)) throw e;
    await ctx.out.flush();
    await ctx.err.write(e.errno === 'ENOENT' ? `Process with pid ${pid} does not exist.\n` : `Unable to open stat file for pid ${pid} (${strerror(e.errno)})\n`);
    return;
  }
  const line = text.split('\n')[0] ?? '';
  const open = line.indexOf('(');
  if (open < 0) return;
  const close = line.indexOf(')', open);
  const comm = close < 0 ? '' : line.slice(open + 1, close);
  const rest = close < 0 ? [] : line.slice(close + 1).trim().split(/\s+/);
  if (close <= open + 1 || line[close + 1] !== ' ' || rest.length < FIELDS.length || !/^[-+]?\d/.test(rest[1] ?? '')) {
    await ctx.out.flush();
    await ctx.err.write('Unable to scan stat file');
    return;
  }
  const f = Object.fromEntries(FIELDS.map((k, i) => [k, rest[i]!])) as Record<Field, string>;
  await ctx.print(isRaw ? raw(pid, comm, f) : formatted(pid, comm, f));
}

export default defineProgram({
  name: 'prtstat',
  installPath: '/usr/bin/prtstat',
  pkg: 'psmisc',
  async main(ctx) {
    let p;
    try {
      p = getopt(ctx.argv.slice(1), [{ key: 'r', short: 'r', long: 'raw' }, { key: 'V', short: 'V', long: 'version' }]);
    } catch (e) {
      if (!(e instanceof GetoptError)) throw e;
      await ctx.err.write(`${ctx.name}: ${e.message}\nInvalid option\n${USAGE}`);
      return 1;
    }
    if (p.flags.has('V')) {
      await ctx.err.write(PSMISC_VERSION('prtstat', '2009-2022').replace('Werner Almesberger and Craig Small', 'Craig Small'));
      return 0;
    }
    if (!p.operands.length) {
      await ctx.err.write(`You must provide at least one PID.\n${USAGE}`);
      return 1;
    }
    for (const a of p.operands) {
      const m = /^\s*([-+]?\d+)/.exec(a);
      await printStat(ctx, m ? Number(BigInt.asIntN(32, BigInt(m[1]!))) : 0, p.flags.has('r'));
    }
    return 0;
  },
});
