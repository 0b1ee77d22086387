// top (procps-ng 4.0.4): the summary area and task table; batch mode (-b) prints -n
// iterations, on a terminal it redraws every -d seconds until q or Ctrl-C.
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { Accounts } from '../lib/accounts';
import { getopt, GetoptError } from '../lib/getopt';
import { memInfo } from './meminfo';
import { commandLine, loadProcs, pidMax, priority, type Proc } from './procs';
import { uptimeLine } from './uptime';

const R = 'required' as const;

function timePlus(cpuSec: number): string {
  const cs = Math.round(cpuSec * 100);
  const m = Math.floor(cs / 6000);
  return `${m}:${String(Math.floor(cs / 100) % 60).padStart(2, '0')}.${String(cs % 100).padStart(2, '0')}`;
}

async function frame(ctx: Ctx, opts: { pids?: number[]; uid?: number; cmdline: boolean; sort: string; width: number; rows: number }): Promise<string> {
  const sys = ctx.sys;
  const procs = (await loadProcs(sys)).filter((p) => (!opts.pids || opts.pids.includes(p.pid)) && (opts.uid === undefined || p.euid === opts.uid));
  const all = await loadProcs(sys);
  const m = await memInfo(sys);
  // idle kernel threads count as sleeping
  const count = (s: string): string => String(all.filter((p) => p.state === s || (s === 'S' && p.state === 'I')).length).padStart(3);
  const mib = (kb: number): string => (kb / 1024).toFixed(1).padStart(8);
  const lines = [
    `top - ${(await uptimeLine(ctx)).slice(1)}`,
    `Tasks: ${String(all.length).padStart(3)} total, ${count('R')} running, ${count('S')} sleeping, ${count('T')} stopped, ${count('Z')} zombie`,
    '%Cpu(s):  0.0 us,  0.0 sy,  0.0 ni,100.0 id,  0.0 wa,  0.0 hi,  0.0 si,  0.0 st ',
    `MiB Mem : ${mib(m.total)} total, ${mib(m.free)} free, ${mib(m.used)} used, ${mib(m.buffCache)} buff/cache     `,
    `MiB Swap: ${mib(m.swapTotal)} total, ${mib(m.swapFree)} free, ${mib(m.swapUsed)} used. ${mib(m.available)} avail Mem `,
    '',
  ];
  const pw = Math.max(5, String(await pidMax(sys)).length);
  lines.push(`${'PID'.padStart(pw)} USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND`);
  const pcpu = (p: Proc): number => (p.elapsed ? (p.cpu * 100) / p.elapsed : 0);
  const keys: Record<string, (p: Proc) => number | string> = {
    '%CPU': pcpu, '%MEM': (p) => p.rss, PID: (p) => -p.pid, RES: (p) => p.rss, VIRT: (p) => p.vsz, 'TIME+': (p) => p.cpu, USER: (p) => p.user, COMMAND: (p) => p.comm, NI: (p) => -p.nice, PR: (p) => -priority(p),
  };
  const key = keys[opts.sort] ?? pcpu;
  const sorted = [...procs].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (x !== y) return x < y ? 1 : -1;
    return a.state === 'R' && b.state !== 'R' ? -1 : b.state === 'R' && a.state !== 'R' ? 1 : a.pid - b.pid;
  });
  for (const p of sorted) {
    const user = p.user.length > 8 ? `${p.user.slice(0, 7)}+` : p.user;
    const cmd = opts.cmdline ? commandLine(p) : p.comm;
    // PR is the kernel's priority (20 + nice), `rt` under a real-time policy
    const pr = p.rtprio ? 'rt' : String(priority(p));
    const row = `${String(p.pid).padStart(pw)} ${user.padEnd(8)} ${pr.padStart(3)} ${String(p.nice).padStart(3)} ${String(p.vsz).padStart(7)} ${String(p.rss).padStart(6)} ${String(p.shared).padStart(6)} ${p.state} ${pcpu(p).toFixed(1).padStart(5)} ${((p.rss * 100) / m.total).toFixed(1).padStart(5)} ${timePlus(p.cpu).padStart(9)} ${cmd}`;
    lines.push(row.slice(0, opts.width));
  }
  return `${lines.slice(0, opts.rows).join('\n')}\n`;
}

export default defineProgram({
  name: 'top',
  installPath: '/usr/bin/top',
  pkg: 'procps-ng',
  async main(ctx) {
    let p;
    try {
      p = getopt(ctx.argv.slice(1), [
        { key: 'b', short: 'b', long: 'batch-mode' }, { key: 'c', short: 'c', long: 'cmdline-toggle' },
        { key: 'd', short: 'd', long: 'delay', arg: R }, { key: 'H', short: 'H', long: 'threads-show' },
        { key: 'i', short: 'i', long: 'idle-toggle' }, { key: 'n', short: 'n', long: 'iterations', arg: R },
        { key: 'o', short: 'o', long: 'sort-override', arg: R }, { key: 'p', short: 'p', long: 'pid', arg: R },
        { key: 's', short: 's', long: 'secure-mode' }, { key: 'S', short: 'S', long: 'accum-time-toggle' },
        { key: 'u', short: 'u', long: 'filter-only-euser', arg: R }, { key: 'U', short: 'U', long: 'filter-any-user', arg: R },
        { key: 'w', short: 'w', long: 'width', arg: 'optional' }, { key: 'E', short: 'E', long: 'scale-summary-mem', arg: R },
        { key: 'e', short: 'e', long: 'scale-task-mem', arg: R }, { key: 'h', short: 'h', long: 'help' }, { key: 'V', short: 'v', long: 'version' },
      ]);
    } catch (e) {
      if (!(e instanceof GetoptError)) throw e;
      await ctx.err.write(`top: ${e.message}\nUsage:\n  top -hv | -bcEeHiOSs1 -d secs -n max -u|U user -p pid(s) -o field -w [cols]\n`);
      return 1;
    }
    if (p.flags.has('h') || p.flags.has('V')) {
      await ctx.print('  procps-ng 4.0.4\nUsage:\n  top -hv | -bcEeHiOSs1 -d secs -n max -u|U user -p pid(s) -o field -w [cols]\n');
      return 0;
    }
    const sys = ctx.sys;
    const v = (k: string): string | undefined => p.values.get(k)?.at(-1);
    const iterations = v('n') !== undefined ? Number(v('n')) : Infinity;
    if (v('n') !== undefined && !(iterations >= 0)) {
      await ctx.err.write(`top: bad iterations argument '${v('n')}'\n`);
      return 1;
    }
    const delay = v('d') !== undefined ? Number(v('d')) : 3;
    if (!(delay >= 0)) {
      await ctx.err.write(`top: bad delay interval '${v('d')}'\n`);
      return 1;
    }
    const user = v('u') ?? v('U');
    let uid: number | undefined;
    if (user !== undefined) {
      const acc = await Accounts.load(sys);
      uid = /^\d+$/.test(user) ? Number(user) : acc.userByName(user)?.uid;
      if (uid === undefined) {
        await ctx.err.write(`top: Invalid user\n`);
        return 1;
      }
    }
    const pids = v('p')?.split(',').map(Number);
    const batch = p.flags.has('b') || !sys.isatty(1);
    const tty = sys.isatty(1);
    const size = tty ? sys.winsize(1) : { cols: 512, rows: Infinity };
    const widthOpt = p.values.get('w');
    const width = widthOpt ? (widthOpt[0] ? Number(widthOpt[0]) : 512) : batch ? 512 : size.cols;
    const opts = { pids, uid, cmdline: p.flags.has('c'), sort: v('o') ?? '%CPU', width, rows: batch ? Infinity : size.rows - 1 };
    if (batch) {
      for (let i = 0; i < iterations; i++) {
        if (i > 0) {
          await ctx.out.flush();
          await sys.sleep(delay * 1000);
          await ctx.print('\n');
        }
        await ctx.print(await frame(ctx, opts));
      }
      return 0;
    }
    // interactive: raw keys, redraw every `delay` seconds, q quits
    const saved = sys.tcgetattr(0);
    sys.tcsetattr(0, { ...saved, icanon: false, echo: false, cc: { ...saved.cc, min: 1, time: 0 } });
    await ctx.print('\x1b[?1049h\x1b[?25l');
    let pending: Promise<Uint8Array | null> | undefined;
    try {
      for (let i = 0; i < iterations; i++) {
        await ctx.print(`\x1b[H\x1b[2J${(await frame(ctx, opts)).replace(/\n/g, '\r\n')}`);
        await ctx.out.flush();
        pending ??= sys.read(0, 16);
        const got = await Promise.race([pending, sys.sleep(delay * 1000).then(() => 'tick' as const)]);
        if (got === 'tick') continue;
        pending = undefined;
        if (got === null || new TextDecoder().decode(got).includes('q')) break;
      }
    } finally {
      sys.tcsetattr(0, saved);
      await ctx.print('\x1b[?25h\x1b[?1049l');
    }
    return 0;
  },
});
