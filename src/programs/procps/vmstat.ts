// vmstat (procps-ng 4.0.4): one line of averages since boot, then one per delay.
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { getopt, GetoptError } from '../lib/getopt';
import { memInfo } from './meminfo';
import { loadProcs } from './procs';

const HELP = `
Usage:
 vmstat [options] [delay [count]]

Options:
 -a, --active           active/inactive memory
 -f, --forks            number of forks since boot
 -m, --slabs            slabinfo
 -n, --one-header       do not redisplay header
 -s, --stats            event counter statistics
 -d, --disk             disk statistics
 -D, --disk-sum         summarize disk statistics
 -p, --partition <dev>  partition specific statistics
 -S, --unit <char>      define display unit
 -w, --wide             wide output
 -t, --timestamp        show timestamp
 -y, --no-first         skips first line of output

 -h, --help     display this help and exit
 -V, --version  output version information and exit

For more details see vmstat(8).
`;

const UNITS: Record<string, number> = { k: 1000, K: 1024, m: 1_000_000, M: 1_048_576 };

function fmt(widths: number[], values: (string | number)[]): string {
  return values.map((v, i) => String(v).padStart(widths[i]!)).join(' ');
}

export default defineProgram({
  name: 'vmstat',
  installPath: '/usr/bin/vmstat',
  pkg: 'procps-ng',
  async main(ctx: Ctx) {
    let p;
    try {
      p = getopt(ctx.argv.slice(1), [
        { key: 'a', short: 'a', long: 'active' }, { key: 'f', short: 'f', long: 'forks' }, { key: 'm', short: 'm', long: 'slabs' },
        { key: 'n', short: 'n', long: 'one-header' }, { key: 's', short: 's', long: 'stats' }, { key: 'd', short: 'd', long: 'disk' },
        { key: 'D', short: 'D', long: 'disk-sum' }, { key: 'p', short: 'p', long: 'partition', arg: 'required' },
        { key: 'S', short: 'S', long: 'unit', arg: 'required' }, { key: 'w', short: 'w', long: 'wide' },
        { key: 't', short: 't', long: 'timestamp' }, { key: 'y', short: 'y', long: 'no-first' },
        { key: 'h', short: 'h', long: 'help' }, { key: 'V', short: 'V', long: 'version' },
      ]);
    } catch (e) {
      if (!(e instanceof GetoptError)) throw e;
      await ctx.err.write(`vmstat: ${e.message}\n${HELP}`);
      return 1;
    }
    if (p.flags.has('h')) return ctx.print(HELP).then(() => 0);
    if (p.flags.has('V')) return ctx.print('vmstat from procps-ng 4.0.4\n').then(() => 0);
    const unitOpt = p.values.get('S')?.at(-1);
    if (unitOpt !== undefined && !(unitOpt in UNITS)) {
      await ctx.err.write('vmstat: -S requires k, K, m or M (default is KiB)\n');
      return 1;
    }
    // the display modes exclude each other (the switch on statMode falls to usage)
    if (['s', 'd', 'D', 'p', 'm'].filter((k) => p.flags.has(k) || p.values.has(k)).length > 1 || p.operands.length > 2) {
      await ctx.err.write(HELP);
      return 1;
    }
    // strtol_or_err on the delay and the count; the delay must be at least 1
    for (const arg of p.operands) {
      if (!/^\s*[-+]?\d+$/.test(arg)) {
        await ctx.err.write(`vmstat: failed to parse argument: '${arg}'\n`);
        return 1;
      }
    }
    if (p.operands.length && Number(p.operands[0]) < 1) {
      await ctx.err.write('vmstat: delay must be positive integer\n');
      return 1;
    }
    const partition = p.values.get('p')?.at(-1)?.replace(/^\/dev\//, '');
    if (partition !== undefined) {
      let stats = '';
      try {
        stats = new TextDecoder().decode(await ctx.sys.readFile('/proc/diskstats'));
      } catch {
        // no statistics: nothing is found
      }
      if (!stats.split('\n').some((l) => l.trim().split(/\s+/)[2] === partition)) {
        await ctx.err.write(`vmstat: Disk/Partition ${partition} not found\n`);
        return 1;
      }
    }
    const unit = UNITS[unitOpt ?? 'K']!;
    const kb = (v: number): number => Math.floor((v * 1024) / unit);
    const sys = ctx.sys;
    if (p.flags.has('s')) {
      const m = await memInfo(sys);
      const rows: [number, string][] = [
        [m.total, 'K total memory'], [m.used, 'K used memory'], [m.active, 'K active memory'], [m.inactive, 'K inactive memory'],
        [m.free, 'K free memory'], [m.buffers, 'K buffer memory'], [m.cached, 'K swap cache'], [m.swapTotal, 'K total swap'],
        [m.swapUsed, 'K used swap'], [m.swapFree, 'K free swap'],
      ];
      // then the counters of /proc/stat (cpu ticks, interrupts, switches, boot time, forks)
      // and the paging of /proc/vmstat, as they stand
      const text = async (path: string): Promise<string> => {
        try {
          return new TextDecoder().decode(await sys.readFile(path));
        } catch {
          return '';
        }
      };
      const field = (body: string, key: string): string[] => body.split('\n').find((l) => l.split(/\s+/)[0] === key)?.trim().split(/\s+/).slice(1) ?? [];
      const stat = await text('/proc/stat');
      const vm = await text('/proc/vmstat');
      const n = (v: string | undefined): number => Number(v ?? 0) || 0;
      const cpu = field(stat, 'cpu');
      const ticks = ['non-nice user', 'nice user', 'system', 'idle', 'IO-wait', 'IRQ', 'softirq', 'stolen', 'non-nice guest', 'nice guest'];
      const counters: [number, string][] = [
        ...ticks.map((t, i): [number, string] => [n(cpu[i]), `${t} cpu ticks`]),
        [n(field(vm, 'pgpgin')[0]), 'K paged in'], [n(field(vm, 'pgpgout')[0]), 'K paged out'],
        [n(field(vm, 'pswpin')[0]), 'pages swapped in'], [n(field(vm, 'pswpout')[0]), 'pages swapped out'],
        [n(field(stat, 'intr')[0]), 'interrupts'], [n(field(stat, 'ctxt')[0]), 'CPU context switches'],
        [n(field(stat, 'btime')[0]), 'boot time'], [n(field(stat, 'processes')[0]), 'forks'],
      ];
      // the unit letter is the one -S named (k, K, m or M)
      await ctx.print(rows.map(([v, l]) => `${String(kb(v)).padStart(13)} ${unitOpt ?? 'K'}${l.slice(1)}\n`).join(''));
      await ctx.print(counters.map(([v, l]) => `${String(v).padStart(13)} ${l}\n`).join(''));
      return 0;
    }
    if (p.flags.has('f')) {
      await ctx.print(`${String(Math.max(...sys.processes().map((q) => q.pid))).padStart(13)} forks\n`);
      return 0;
    }
    const [delayArg, countArg] = p.operands;
    const delay = delayArg === undefined ? 0 : Number(delayArg);
    // the first line is always printed: a count below 1 still gives one
    let count = countArg !== undefined ? Math.max(1, Number(countArg)) : delayArg !== undefined ? Infinity : 1;
    const wide = p.flags.has('w');
    const head = wide
      ? '--procs-- -----------------------memory---------------------- ---swap-- -----io---- -system-- ----------cpu----------'
      : 'procs -----------memory---------- ---swap-- -----io---- -system-- -------cpu-------';
    const widths = wide ? [4, 4, 12, 12, 12, 12, 4, 4, 5, 5, 4, 4, 3, 3, 3, 3, 3, 3] : [2, 2, 6, 6, 6, 6, 4, 4, 5, 5, 4, 4, 2, 2, 2, 2, 2, 2];
    const a = p.flags.has('a');
    const labels = ['r', 'b', 'swpd', 'free', a ? 'inact' : 'buff', a ? 'active' : 'cache', 'si', 'so', 'bi', 'bo', 'in', 'cs', 'us', 'sy', 'id', 'wa', 'st', 'gu'];
    await ctx.print(`${head}${p.flags.has('t') ? ' -----timestamp-----' : ''}\n${fmt(widths, labels)}${p.flags.has('t') ? '                 UTC' : ''}\n`);
    let first = true;
    while (count > 0) {
      const m = await memInfo(sys);
      const procs = await loadProcs(sys);
      const running = procs.filter((q) => q.state === 'R').length;
      const values = [running, 0, kb(m.swapUsed), kb(m.free), kb(a ? m.inactive : m.buffers), kb(a ? m.active : m.cached), 0, 0,
        first ? 12 : 0, first ? 3 : 0, first ? 41 : 22, first ? 67 : 38, 0, 0, 100, 0, 0, 0];
      if (!(first && p.flags.has('y'))) {
        const ts = p.flags.has('t') ? ` ${new Date(sys.now()).toISOString().slice(0, 19).replace('T', ' ')}` : '';
        await ctx.print(`${fmt(widths, values)}${ts}\n`);
        count--;
      }
      first = false;
      if (count <= 0) break;
      await ctx.out.flush();
      await sys.sleep(delay * 1000);
    }
    return 0;
  },
});
