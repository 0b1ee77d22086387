import { isSysError, SysError } from '../../shared/errno';
import { defineProgram, usageError } from '../define';
import { argmatch, argmatchError, type ArgChoices } from '../lib/argmatch';
import type { Ctx } from '../lib/context';
import { flag } from '../lib/getopt';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { formatTime } from '../lib/nstrftime';
import { parseDate, type Timespec } from '../lib/parse-date';
import type { DateDebug } from '../lib/parse-date-debug';
import { quote, quotef } from '../lib/quote';
import { localtime, localZone, mktime, msToTimespec, parseTz, type TimeZone } from '../lib/tz';

const RFC_EMAIL = '%a, %d %b %Y %H:%M:%S %z';
type Spec = 'date' | 'seconds' | 'ns' | 'hours' | 'minutes';
const SPECS: ArgChoices<Spec> = [['hours', 'hours'], ['minutes', 'minutes'], ['date', 'date'], ['seconds', 'seconds'], ['ns', 'ns']];
const ISO: Record<Spec, string> = {
  date: '%Y-%m-%d', seconds: '%Y-%m-%dT%H:%M:%S%:z', ns: '%Y-%m-%dT%H:%M:%S,%N%:z',
  hours: '%Y-%m-%dT%H%:z', minutes: '%Y-%m-%dT%H:%M%:z',
};
const RFC3339: Partial<Record<Spec, string>> = { date: '%Y-%m-%d', seconds: '%Y-%m-%d %H:%M:%S%:z', ns: '%Y-%m-%d %H:%M:%S.%N%:z' };

const spec = {
  name: 'date',
  installPath: '/usr/bin/date',
  pkg: 'coreutils',
  usage: 'date [OPTION]... [+FORMAT]\ndate [-u|--utc|--universal] [MMDDhhmm[[CC]YY][.ss]]',
  help: `Print the date and time, now or another one, in a chosen FORMAT. With -s, or
with an MMDDhhmm[[CC]YY][.ss] operand, set the system clock instead.

Long options take the same arguments as their short forms.
  -d, --date=STRING          show the time STRING describes instead of now
      --debug                explain how the date was parsed, on stderr
  -f, --file=DATEFILE        like --date for every line of DATEFILE
  -I[FMT], --iso-8601[=FMT]  ISO 8601 output; FMT is 'date' (the default),
                               'hours', 'minutes', 'seconds' or 'ns'
      --resolution           show the resolution of the clock
  -R, --rfc-email            RFC 5322 output, e.g. Mon, 14 Aug 2006 02:34:56 -0600
      --rfc-3339=FMT         RFC 3339 output; FMT is 'date', 'seconds' or 'ns'
  -r, --reference=FILE       show FILE's modification time
  -s, --set=STRING           set the clock to the time STRING describes
  -u, --utc, --universal     use Coordinated Universal Time
${HELP_LINES}

FORMAT is text with %-sequences: %Y year, %m month, %d day, %H hour, %M minute,
%S second, %N nanoseconds, %s seconds since 1970, %a/%A weekday, %b/%B month
name, %F like %Y-%m-%d, %T like %H:%M:%S, %z zone offset (%:z, %::z, %:::z with
colons), %Z zone name, %j day of year, %u/%w weekday number, %V/%U/%W weeks,
%n newline, %t tab, %% a percent sign. After the % may come - (no padding),
_ (pad with spaces), 0 (pad with zeros), ^ (upper case), # (other case) and a
field width.
${coreutilsHelpFooter('date')}`,
  version: coreutilsVersion('date', ['David MacKenzie']),
  options: [
    { key: 'd', short: 'd', long: 'date', arg: 'required' as const },
    { key: 'debug', long: 'debug' },
    { key: 'f', short: 'f', long: 'file', arg: 'required' as const },
    { key: 'I', short: 'I', long: 'iso-8601', arg: 'optional' as const },
    { key: 'r', short: 'r', long: 'reference', arg: 'required' as const },
    { key: 'resolution', long: 'resolution' },
    { key: 'R', short: 'R', long: 'rfc-email' },
    { key: 'R', long: 'rfc-822' },
    { key: 'R', long: 'rfc-2822' },
    { key: 'rfc3339', long: 'rfc-3339', arg: 'required' as const },
    { key: 's', short: 's', long: 'set', arg: 'required' as const },
    { key: 'u', short: 'u', long: 'utc' },
    { key: 'u', long: 'uct' },
    { key: 'u', long: 'universal' },
  ],
};

class Die extends Error {}

/** posixtime with PDS_TRAILING_YEAR: MMDDhhmm[[CC]YY][.ss]. */
function posixTime(s: string, now: number, tz: TimeZone): number | undefined {
  const m = /^(\d{8}|\d{10}|\d{12})(?:\.(\d\d))?$/.exec(s);
  if (!m) return undefined;
  const d = m[1]!;
  const num = (a: number, b: number): number => Number(d.slice(a, b));
  let year = localtime(now, tz).year;
  if (d.length === 10) {
    const yy = num(8, 10);
    year = yy < 69 ? 2000 + yy : 1900 + yy;
  } else if (d.length === 12) year = num(8, 12);
  const f = { year, mon: num(0, 2) - 1, mday: num(2, 4), hour: num(4, 6), min: num(6, 8), sec: m[2] ? Number(m[2]) : 0 };
  if (f.mon > 11 || f.mday < 1 || f.mday > 31 || f.hour > 23 || f.min > 59 || f.sec > 60) return undefined;
  const t = mktime(f, tz);
  if (localtime(t, tz).mday !== f.mday) return undefined;
  return t;
}

/** date --debug: the parser's explanation, then (from show) the output format. */
interface Debugging {
  dbg: () => DateDebug | undefined;
  flush: (d: DateDebug | undefined) => Promise<void>;
}

async function show(ctx: Ctx, format: string, when: Timespec, tz: TimeZone, debug?: Debugging): Promise<void> {
  if (debug?.dbg()) await ctx.error(`output format: ${quote(format)}`);
  await ctx.print(`${formatTime(format, when.sec, when.ns, tz)}\n`);
}

export default defineProgram({
  ...spec,
  async main(ctx, args) {
    let format: string | undefined;
    let tz = await localZone(ctx.sys);
    let datestr: string | undefined;
    let setstr: string | undefined;
    let file: string | undefined;
    let reference: string | undefined;
    try {
      for (const { key, value } of args.order) {
        let fmt: string | undefined;
        if (key === 'd') datestr = value;
        else if (key === 'f') file = value;
        else if (key === 'r') reference = value;
        else if (key === 's') setstr = value;
        else if (key === 'u') tz = parseTz('UTC0');
        else if (key === 'R') fmt = RFC_EMAIL;
        else if (key === 'I' || key === 'rfc3339') {
          const option = key === 'I' ? '--iso-8601' : '--rfc-3339';
          const choices = key === 'I' ? SPECS : SPECS.slice(2);
          let which: Spec = 'date';
          if (value !== undefined) {
            const r = argmatch(value, choices);
            if ('error' in r) {
              await argmatchError(ctx, option, value, r.error, choices);
              await ctx.err.write(`Try '${ctx.name} --help' for more information.\n`);
              return 1;
            }
            which = r.value;
          }
          fmt = key === 'I' ? ISO[which] : RFC3339[which];
        }
        if (fmt !== undefined) {
          if (format !== undefined) throw new Die('multiple output formats specified');
          format = fmt;
        }
      }
      const resolution = flag(args, 'resolution');
      const specified = [datestr, file, reference].filter((x) => x !== undefined).length + (resolution ? 1 : 0);
      if (specified > 1) return usageError(ctx, spec, 'the options to specify dates for printing are mutually exclusive');
      let setDate = setstr !== undefined;
      if (setDate && specified) return usageError(ctx, spec, 'the options to print and set the time may not be used together');
      const ops = args.operands;
      let posix: string | undefined;
      if (ops.length > 1) return usageError(ctx, spec, `extra operand ${quote(ops[1]!)}`);
      if (ops.length === 1) {
        if (ops[0]!.startsWith('+')) {
          if (format !== undefined) throw new Die('multiple output formats specified');
          format = ops[0]!.slice(1);
        } else if (setDate || specified) {
          return usageError(ctx, spec, `the argument ${quote(ops[0]!)} lacks a leading '+';\nwhen using an option to specify date(s), any non-option\nargument must be a format string beginning with '+'`);
        } else posix = ops[0];
      }
      format ??= resolution ? '%s.%N' : '%a %b %e %H:%M:%S %Z %Y';
      // %-N means as many digits as the clock resolves: nanoseconds, like Linux
      format = format.replace(/%(%|-N)/g, (m) => (m === '%-N' ? '%9N' : m));
      const ms = ctx.sys.now();
      const now: Timespec = msToTimespec(ms);
      const tzString = flag(args, 'u') ? 'UTC0' : ctx.sys.env.get('TZ');
      const debug: Debugging = {
        dbg: () => (flag(args, 'debug') ? { lines: [], tzString } : undefined),
        flush: async (d) => {
          if (d?.lines.length) await ctx.err.write(d.lines.map((l) => `date: ${l}\n`).join(''));
        },
      };
      if (file !== undefined) return await batch(ctx, file, format, now, tz, debug);
      let when: Timespec | undefined = now;
      let input = '';
      if (posix !== undefined) {
        setDate = true;
        input = posix;
        const t = posixTime(posix, now.sec, tz);
        when = t === undefined ? undefined : { sec: t, ns: 0 };
      } else if (reference !== undefined) {
        try {
          const st = await ctx.sys.stat(reference);
          when = msToTimespec(st.mtime);
        } catch (e) {
          await ctx.perror(e, quotef(reference));
          return 1;
        }
      } else if (resolution) when = { sec: 0, ns: 1 };
      else if (datestr !== undefined || setstr !== undefined) {
        input = setstr ?? datestr!;
        const d = debug.dbg();
        when = parseDate(input, now, tz, d);
        await debug.flush(d);
      }
      if (when === undefined) throw new Die(`invalid date ${quote(input)}`);
      let ok = true;
      if (setDate) {
        // clock_settime: root's (the date is shown either way, as GNU date does)
        try {
          ctx.sys.settime(when.sec * 1000 + Math.floor(when.ns / 1e6));
        } catch (e) {
          if (!(e instanceof SysError)) throw e;
          await ctx.perror(e, 'cannot set date');
          ok = false;
        }
      }
      await show(ctx, format, when, tz, debug);
      return ok ? 0 : 1;
    } catch (e) {
      if (!(e instanceof Die)) throw e;
      await ctx.error(e.message);
      return 1;
    }
  },
});

async function batch(ctx: Ctx, file: string, format: string, now: Timespec, tz: TimeZone, debug: Debugging): Promise<number> {
  let text: string;
  try {
    text = file === '-' ? await ctx.readAll(0) : new TextDecoder().decode(await ctx.sys.readFile(file));
  } catch (e) {
    if (!isSysError(e)) throw e;
    // only opening can fail: getline's read error (a directory) ends the input like EOF
    if (e.errno !== 'EISDIR') {
      await ctx.perror(e, quotef(file === '-' ? 'standard input' : file));
      return 1;
    }
    text = '';
  }
  let ok = true;
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (const [n, line] of lines.entries()) {
    await ctx.tick();
    const d = debug.dbg();
    // the parser sees the line with its newline (where --debug says parsing stopped)
    const when = parseDate(n < lines.length - 1 || text.endsWith('\n') ? `${line}\n` : line, now, tz, d);
    await debug.flush(d);
    if (when === undefined) {
      await ctx.error(`invalid date ${quote(line)}`);
      ok = false;
    } else await show(ctx, format, when, tz, debug);
  }
  return ok ? 0 : 1;
}
