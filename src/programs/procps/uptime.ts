// uptime and w (procps-ng 4.0.4). Logged-in users come from the utmp view of lib/utmp
// (login shells on terminals); the load average from /proc/loadavg.
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { getopt, GetoptError } from '../lib/getopt';
import { strftime } from '../lib/strftime';
import { localZone } from '../lib/tz';
import { readUtmp } from '../lib/utmp';
import { loadAvg, uptimeSeconds } from './meminfo';
import { commandLine, loadProcs } from './procs';

/** procps_uptime_sprint. */
export async function uptimeLine(ctx: Ctx): Promise<string> {
  const sys = ctx.sys;
  const up = Math.floor(await uptimeSeconds(sys));
  const days = Math.floor(up / 86400);
  const hours = Math.floor(up / 3600) % 24;
  const mins = Math.floor(up / 60) % 60;
  const users = (await readUtmp(sys)).filter((u) => u.kind === 'user').length;
  const [a, b, c] = await loadAvg(sys);
  let s = ` ${strftime('%H:%M:%S', sys.now(), undefined, await localZone(sys))} up `;
  if (days) s += `${days} ${days > 1 ? 'days' : 'day'}, `;
  s += hours ? `${String(hours).padStart(2)}:${String(mins).padStart(2, '0')}, ` : `${mins} min, `;
  s += `${String(users).padStart(2)} ${users > 1 ? 'users' : 'user'},  load average: ${a.toFixed(2)}, ${b.toFixed(2)}, ${c.toFixed(2)}`;
  return s;
}

/** procps_uptime_sprint_short (uptime -p). */
function pretty(secs: number): string {
  let t = secs;
  const parts: string[] = [];
  const take = (unit: number, one: string, many: string): void => {
    if (t > unit) {
      const n = Math.floor(t / unit);
      t -= n * unit;
      parts.push(`${n} ${n > 1 ? many : one}`);
    }
  };
  take(60 * 60 * 24 * 365 * 10, 'decade', 'decades');
  take(60 * 60 * 24 * 365, 'year', 'years');
  take(60 * 60 * 24 * 7, 'week', 'weeks');
  take(60 * 60 * 24, 'day', 'days');
  take(60 * 60, 'hour', 'hours');
  const mins = t > 60 ? Math.floor(t / 60) : 0;
  if (mins) t -= mins * 60;
  if (mins || t < 60) parts.push(`${mins} ${mins !== 1 ? 'minutes' : 'minute'}`);
  return `up ${parts.join(', ')}`;
}

export const uptime = defineProgram({
  name: 'uptime',
  installPath: '/usr/bin/uptime',
  pkg: 'procps-ng',
  async main(ctx) {
    let p;
    try {
      p = getopt(ctx.argv.slice(1), [
        { key: 'p', short: 'p', long: 'pretty' }, { key: 's', short: 's', long: 'since' },
        { key: 'h', short: 'h', long: 'help' }, { key: 'V', short: 'V', long: 'version' },
      ]);
    } catch (e) {
      if (!(e instanceof GetoptError)) throw e;
      await ctx.err.write(`uptime: ${e.message}\n\nUsage:\n uptime [options]\n\nOptions:\n -p, --pretty   show uptime in pretty format\n -h, --help     display this help and exit\n -s, --since    system up since\n -V, --version  output version information and exit\n\nFor more details see uptime(1).\n`);
      return 1;
    }
    if (p.flags.has('h')) {
      await ctx.print('\nUsage:\n uptime [options]\n\nOptions:\n -p, --pretty   show uptime in pretty format\n -h, --help     display this help and exit\n -s, --since    system up since\n -V, --version  output version information and exit\n\nFor more details see uptime(1).\n');
      return 0;
    }
    if (p.flags.has('V')) {
      await ctx.print('uptime from procps-ng 4.0.4\n');
      return 0;
    }
    if (p.operands.length) {
      await ctx.err.write('\nUsage:\n uptime [options]\n\nOptions:\n -p, --pretty   show uptime in pretty format\n -h, --help     display this help and exit\n -s, --since    system up since\n -V, --version  output version information and exit\n\nFor more details see uptime(1).\n');
      return 1;
    }
    const sys = ctx.sys;
    if (p.flags.has('s')) {
      const up = await uptimeSeconds(sys);
      await ctx.print(`${strftime('%Y-%m-%d %H:%M:%S', Math.floor((sys.now() / 1000 - up)) * 1000, undefined, await localZone(sys))}\n`);
      return 0;
    }
    if (p.flags.has('p')) {
      await ctx.print(`${pretty(await uptimeSeconds(sys))}\n`);
      return 0;
    }
    await ctx.print(`${await uptimeLine(ctx)}\n`);
    return 0;
  },
});

function ival7(t: number): string {
  if (t < 0) return '   ?   ';
  if (t >= 48 * 3600) return ` ${String(Math.floor(t / 86400)).padStart(2)}days`;
  if (t >= 3600) return ` ${String(Math.floor(t / 3600)).padStart(2)}:${String(Math.floor(t / 60) % 60).padStart(2, '0')}m`;
  if (t > 60) return ` ${String(Math.floor(t / 60)).padStart(2)}:${String(Math.floor(t) % 60).padStart(2, '0')} `;
  return ` ${String(Math.floor(t)).padStart(2)}.${String(Math.round((t % 1) * 100)).padStart(2, '0')}s`;
}

function loginTime(ms: number, now: number): string {
  const sameDay = strftime('%j', ms) === strftime('%j', now);
  if (now - ms > 12 * 3600_000 && !sameDay) {
    if (now - ms > 6 * 86400_000) return ` ${strftime('%d%b%y', ms)}`;
    return ` ${strftime('%a%H', ms)}  `;
  }
  return ` ${strftime('%H:%M', ms)}  `;
}

const W_USAGE = `
Usage:
 w [options] [user]

Options:
 -h, --no-header     do not print header
 -u, --no-current    ignore current process username
 -s, --short         short format
 -f, --from          show remote hostname field
 -o, --old-style     old style output
 -i, --ip-addr       display IP address instead of hostname (if possible)
 -p, --pids          list the process IDs of WHAT too

     --help     display this help and exit
 -V, --version  output version information and exit

For more details see w(1).
`;

export const w = defineProgram({
  name: 'w',
  installPath: '/usr/bin/w',
  pkg: 'procps-ng',
  async main(ctx) {
    let p;
    try {
      p = getopt(ctx.argv.slice(1), [
        { key: 'h', short: 'h', long: 'no-header' }, { key: 'u', short: 'u', long: 'no-current' },
        { key: 's', short: 's', long: 'short' }, { key: 'f', short: 'f', long: 'from' },
        { key: 'o', short: 'o', long: 'old-style' }, { key: 'i', short: 'i', long: 'ip-addr' },
        { key: 'p', short: 'p', long: 'pids' }, { key: 'help', long: 'help' }, { key: 'V', short: 'V', long: 'version' },
      ]);
    } catch (e) {
      if (!(e instanceof GetoptError)) throw e;
      await ctx.err.write(`w: ${e.message}\n${W_USAGE}`);
      return 1;
    }
    if (p.flags.has('help')) {
      await ctx.print(W_USAGE);
      return 0;
    }
    if (p.flags.has('V')) {
      await ctx.print('w from procps-ng 4.0.4\n');
      return 0;
    }
    const sys = ctx.sys;
    const from = !p.flags.has('f');
    const longform = !p.flags.has('s');
    if (!p.flags.has('h')) {
      let head = `${await uptimeLine(ctx)}\nUSER     TTY      `;
      if (from) head += 'FROM'.padEnd(15);
      head += longform ? '  LOGIN@   IDLE   JCPU   PCPU WHAT\n' : '   IDLE WHAT\n';
      await ctx.print(head);
    }
    const only = p.operands[0];
    const clamp = (n: number): number => Math.min(512, Math.max(7, n));
    const cols = sys.isatty(1) ? sys.winsize(1).cols : Number(ctx.env.get('COLUMNS')) || 512;
    const maxcmd = clamp(clamp(cols) - (21 + 8 + (from ? 16 : 0) + (longform ? 20 : 0)));
    const procs = await loadProcs(sys);
    const now = sys.now();
    for (const u of (await readUtmp(sys)).filter((x) => x.kind === 'user')) {
      if (only !== undefined && u.user !== only) continue;
      const onTty = procs.filter((q) => q.tty === u.line && q.state !== 'Z');
      const leader = procs.find((q) => q.pid === u.pid);
      const fg = onTty.filter((q) => q.tpgid > 0 && q.pgid === q.tpgid).sort((a, b) => b.pid - a.pid)[0] ?? leader;
      const jcpu = onTty.reduce((n, q) => n + q.cpu, 0);
      let row = `${u.user.slice(0, 8).padEnd(9)}${u.line.slice(0, 8).padEnd(9)}`;
      if (from) row += '-'.padEnd(16);
      if (longform) row += `${loginTime(u.time, now)}${ival7(0)}${ival7(jcpu)}${fg && fg.cpu > 0 ? ival7(fg.cpu) : ival7(0)}`;
      else row += ival7(0);
      if (p.flags.has('p')) row += ` ${u.pid}/${fg?.pid ?? u.pid}`;
      row += ` ${(fg ? commandLine(fg) : '-').slice(0, maxcmd)}\n`;
      await ctx.print(row);
    }
    return 0;
  },
});
