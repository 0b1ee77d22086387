// zdump (glibc 2.36's copy of tzcode): the time now in each named zone, or with -v/-V its
// transitions between the years of -c (each as the second before and the second it starts).
import { defineProgram } from '../define';
import { DAYS, MONTHS } from '../lib/strftime';
import { localtime, namedZone, nameAt, offsetAt, parseTz, type TimeZone } from '../lib/tz';

const USAGE = `zdump: usage: zdump OPTIONS TIMEZONE ...
Options include:
  -c [L,]U   Start at year L (default -500), end before year U (default 2500)
  -t [L,]U   Start at time L, end before time U (in seconds since 1970)
  -i         List transitions briefly (format is experimental)
  -v         List transitions verbosely
  -V         List transitions a bit less verbosely
  --help     Output this help
  --version  Output version info

Report bugs to <https://www.gnu.org/software/libc/bugs.html>.
`;

function stamp(sec: number, tz: TimeZone): string {
  const tm = localtime(sec, tz);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${DAYS[tm.wday]} ${MONTHS[tm.mon]} ${String(tm.mday).padStart(2)} ${two(tm.hour)}:${two(tm.min)}:${two(tm.sec)} ${tm.year}`;
}

/** Seconds since the epoch of 1 January `year`, 00:00 UTC. */
function yearStart(year: number): number {
  return Date.UTC(year, 0, 1) / 1000 - (year >= 0 && year < 100 ? 0 : 0);
}

/** The instants in [lo, hi) at which the zone's offset or abbreviation changes. */
function transitions(tz: TimeZone, lo: number, hi: number): number[] {
  if (!tz.offsetAt && !tz.nameAt) return [];
  const key = (t: number): string => `${offsetAt(tz, t)}/${nameAt(tz, t)}`;
  const out: number[] = [];
  const step = 7 * 86400;
  for (let t = lo; t < hi; t += step) {
    const end = Math.min(t + step, hi);
    if (key(t) === key(end)) continue;
    let a = t;
    let b = end;
    while (b - a > 1) {
      const m = Math.floor((a + b) / 2);
      if (key(m) === key(a)) a = m;
      else b = m;
    }
    if (b < hi) out.push(b);
  }
  return out;
}

export default defineProgram({
  name: 'zdump',
  installPath: '/usr/bin/zdump',
  pkg: 'glibc',
  async main(ctx) {
    const args = ctx.argv.slice(1);
    let verbose = '';
    let range: string | undefined;
    const zones: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '--version') return ctx.print('zdump (GNU libc) 2.36\n').then(() => 0);
      if (a === '--help') return ctx.print(USAGE.replace(/^zdump: usage: /, 'zdump: usage: ')).then(() => 0);
      if (a === '--') {
        zones.push(...args.slice(i + 1));
        break;
      }
      if (a.startsWith('-') && a.length > 1) {
        for (let j = 1; j < a.length; j++) {
          const c = a[j]!;
          if (c === 'v' || c === 'V') verbose = c;
          else if (c === 'c' || c === 't') {
            const v = a.slice(j + 1) || args[++i];
            if (v === undefined) {
              await ctx.err.write(`zdump: option requires an argument -- '${c}'\n${USAGE}`);
              return 1;
            }
            if (c === 'c') range = v;
            break;
          } else if (c !== 'i') {
            await ctx.err.write(`zdump: invalid option -- '${c}'\n${USAGE}`);
            return 1;
          }
        }
        continue;
      }
      zones.push(a);
    }
    const width = Math.max(0, ...zones.map((z) => z.length));
    let out = '';
    for (const z of zones) {
      const tz = namedZone(z) ?? parseTz(z);
      const label = z.padEnd(width);
      if (!verbose) {
        const now = Math.floor(ctx.sys.now() / 1000);
        out += `${label}  ${stamp(now, tz)} ${nameAt(tz, now)}\n`;
        continue;
      }
      const [loY, hiY] = range?.includes(',') ? range.split(',').map(Number) : [-500, Number(range ?? 2500)];
      const line = (t: number): string => {
        const off = offsetAt(tz, t);
        return `${label}  ${stamp(t, { name: 'UTC', offset: 0 })} UT = ${stamp(t, tz)} ${nameAt(tz, t)} isdst=${off !== tz.offset ? 1 : 0} gmtoff=${off}\n`;
      };
      if (verbose === 'v') out += `${label}  -9223372036854775808 = NULL\n${label}  -9223372036854689408 = NULL\n`;
      for (const t of transitions(tz, yearStart(Math.max(loY!, 1840)), yearStart(hiY!))) out += line(t - 1) + line(t);
      if (verbose === 'v') out += `${label}  9223372036854689407 = NULL\n${label}  9223372036854775807 = NULL\n`;
    }
    await ctx.print(out);
    return 0;
  },
});
