// free (procps-ng 4.0.4): memory and swap from /proc/meminfo in KiB (default), bytes, any
// power of 1024 or 1000, or human-readable; -w splits buffers and cache, -t adds a total.
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { getopt, GetoptError } from '../lib/getopt';
import { memInfo, type MemInfo } from './meminfo';

const HELP = `
Usage:
 free [options]

Options:
 -b, --bytes         show output in bytes
     --kilo          show output in kilobytes
     --mega          show output in megabytes
     --giga          show output in gigabytes
     --tera          show output in terabytes
     --peta          show output in petabytes
 -k, --kibi          show output in kibibytes
 -m, --mebi          show output in mebibytes
 -g, --gibi          show output in gibibytes
     --tebi          show output in tebibytes
     --pebi          show output in pebibytes
 -h, --human         show human-readable output
     --si            use powers of 1000 not 1024
 -l, --lohi          show detailed low and high memory statistics
 -L, --line          show output on a single line
 -t, --total         show total for RAM + swap
 -v, --committed     show committed memory and commit limit
 -s N, --seconds N   repeat printing every N seconds
 -c N, --count N     repeat printing N times, then exit
 -w, --wide          wide output

     --help     display this help and exit
 -V, --version  output version information and exit

For more details see free(1).
`;

const OPTIONS = [
  { key: 'b', short: 'b', long: 'bytes' }, { key: 'kilo', long: 'kilo' }, { key: 'mega', long: 'mega' },
  { key: 'giga', long: 'giga' }, { key: 'tera', long: 'tera' }, { key: 'peta', long: 'peta' },
  { key: 'k', short: 'k', long: 'kibi' }, { key: 'm', short: 'm', long: 'mebi' }, { key: 'g', short: 'g', long: 'gibi' },
  { key: 'tebi', long: 'tebi' }, { key: 'pebi', long: 'pebi' }, { key: 'h', short: 'h', long: 'human' },
  { key: 'si', long: 'si' }, { key: 'l', short: 'l', long: 'lohi' }, { key: 'L', short: 'L', long: 'line' },
  { key: 't', short: 't', long: 'total' }, { key: 'v', short: 'v', long: 'committed' },
  { key: 's', short: 's', long: 'seconds', arg: 'required' as const }, { key: 'c', short: 'c', long: 'count', arg: 'required' as const },
  { key: 'w', short: 'w', long: 'wide' }, { key: 'help', long: 'help' }, { key: 'V', short: 'V', long: 'version' },
];

interface Scale {
  exponent: number;
  si: boolean;
  human: boolean;
}

/** scale_size of free.c. */
function scale(kib: number, s: Scale): string {
  const base = s.si ? 1000 : 1024;
  const bytes = kib * 1024;
  if (!s.human) {
    if (s.exponent === 0) return String(Math.floor(bytes / base));
    if (s.exponent === 1) return String(bytes);
    return String(Math.floor(bytes / base ** (s.exponent - 1)));
  }
  if (`${bytes}B`.length <= 4) return `${bytes}B`;
  const up = ['B', 'K', 'M', 'G', 'T', 'P'];
  let out = '';
  for (let i = 1; i < up.length; i++) {
    const v = bytes / base ** i;
    const f = Math.fround(v);
    const one = `${f.toFixed(1)}${up[i]}${s.si ? '' : 'i'}`;
    if (one.length <= (s.si ? 4 : 5)) return one;
    out = `${Math.floor(v)}${up[i]}${s.si ? '' : 'i'}`;
    if (out.length <= (s.si ? 4 : 5)) return out;
  }
  return out;
}

const pad = (s: string): string => s.padStart(11);
const head = (s: string): string => s.padEnd(7);

function table(m: MemInfo, s: Scale, wide: boolean, total: boolean, committed: boolean, lohi: boolean): string {
  let out = wide
    ? '               total        used        free      shared     buffers       cache   available\n'
    : '               total        used        free      shared  buff/cache   available\n';
  out += `${head('Mem:')}${pad(scale(m.total, s))} ${pad(scale(m.used, s))} ${pad(scale(m.free, s))} ${pad(scale(m.shared, s))}`;
  out += wide ? ` ${pad(scale(m.buffers, s))} ${pad(scale(m.cached, s))}` : ` ${pad(scale(m.buffCache, s))}`;
  out += ` ${pad(scale(m.available, s))}\n`;
  if (lohi) {
    out += `${head('Low:')}${pad(scale(m.total, s))} ${pad(scale(m.used, s))} ${pad(scale(m.free, s))}\n`;
    out += `${head('High:')}${pad(scale(0, s))} ${pad(scale(0, s))} ${pad(scale(0, s))}\n`;
  }
  out += `${head('Swap:')}${pad(scale(m.swapTotal, s))} ${pad(scale(m.swapUsed, s))} ${pad(scale(m.swapFree, s))}\n`;
  if (total) out += `${head('Total:')}${pad(scale(m.total + m.swapTotal, s))} ${pad(scale(m.used + m.swapUsed, s))} ${pad(scale(m.free + m.swapFree, s))}\n`;
  if (committed) out += `${head('Comm:')}${pad(scale(m.commitLimit, s))} ${pad(scale(m.committedAs, s))} ${pad(scale(m.commitLimit - m.committedAs, s))}\n`;
  return out;
}

async function usage(ctx: Ctx, status: number): Promise<number> {
  await (status ? ctx.err : ctx.out).write(HELP);
  return status;
}

export default defineProgram({
  name: 'free',
  installPath: '/usr/bin/free',
  pkg: 'procps-ng',
  async main(ctx) {
    let p;
    try {
      p = getopt(ctx.argv.slice(1), OPTIONS);
    } catch (e) {
      if (!(e instanceof GetoptError)) throw e;
      await ctx.err.write(`free: ${e.message}\n`);
      return usage(ctx, 1);
    }
    if (p.flags.has('help')) return usage(ctx, 0);
    if (p.flags.has('V')) {
      await ctx.print('free from procps-ng 4.0.4\n');
      return 0;
    }
    if (p.operands.length) return usage(ctx, 1);
    const units: [string, number, boolean][] = [['b', 1, false], ['kilo', 2, true], ['mega', 3, true], ['giga', 4, true], ['tera', 5, true], ['peta', 6, true], ['k', 2, false], ['m', 3, false], ['g', 4, false], ['tebi', 5, false], ['pebi', 6, false]];
    // each unit option counts (twice the same one too); -h and --si are no units
    const given = units.filter(([k]) => p.flags.has(k));
    if (units.reduce((n, [k]) => n + (p.flags.get(k) ?? 0), 0) > 1) {
      await ctx.err.write("free: Multiple unit options don't make sense.\n");
      return 1;
    }
    const s: Scale = { exponent: given[0]?.[1] ?? 0, si: p.flags.has('si') || (given[0]?.[2] ?? false), human: p.flags.has('h') };
    const secondsOpt = p.values.get('s')?.at(-1);
    const countOpt = p.values.get('c')?.at(-1);
    let interval = 0;
    if (secondsOpt !== undefined) {
      // strtod_nol_or_err, then the positive check (on microseconds)
      // (procps' strtod_nol: digits and a point, no exponent)
      if (!/^\s*[-+]?(\d+\.?\d*|\.\d+)$/.test(secondsOpt)) {
        await ctx.err.write(`free: seconds argument failed: '${secondsOpt}'${secondsOpt === '' ? '' : ': Invalid argument'}\n`);
        return 1;
      }
      interval = Number(secondsOpt);
      if (!(interval * 1e6 >= 1)) {
        await ctx.err.write(`free: seconds argument \`${secondsOpt}' is not positive number\n`);
        return 1;
      }
    }
    let count = countOpt === undefined ? (secondsOpt !== undefined ? Infinity : 1) : Number(countOpt);
    if (countOpt !== undefined && !(Number.isInteger(count) && count > 0 && count <= 0xffffffff)) {
      // str2unum: a number out of range (below 1 or too big) says so
      const range = /^\s*[-+]?\d+$/.test(countOpt) ? ': Numerical result out of range' : '';
      await ctx.err.write(`free: failed to parse count argument: '${countOpt}'${range}\n`);
      return 1;
    }
    const repeat = secondsOpt !== undefined || countOpt !== undefined;
    for (;;) {
      const m = await memInfo(ctx.sys);
      if (p.flags.has('L')) {
        await ctx.print(`SwapUse ${pad(scale(m.swapUsed, s))} CachUse ${pad(scale(m.buffCache, s))}  MemUse ${pad(scale(m.used, s))} MemFree ${pad(scale(m.free, s))} ${!repeat || count === 1 ? '\n' : ''}`);
      } else await ctx.print(table(m, s, p.flags.has('w'), p.flags.has('t'), p.flags.has('v'), p.flags.has('l')));
      count--;
      if (count < 1) return 0;
      if (!p.flags.has('L')) await ctx.print('\n');
      await ctx.out.flush();
      await ctx.sys.sleep((interval || 1) * 1000);
    }
  },
});
