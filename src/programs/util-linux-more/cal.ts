// cal (util-linux 2.38): a month, three months, some months or a whole year, with the date
// asked about (today by default) in standout mode when writing to a terminal.
import { defineProgram } from '../define';
import { localtime, localZone, mktime } from '../lib/tz';
import {
  dayInYear, daysInMonth, MONTHS, monthly, needsHint, REFORM_GREGORIAN, REFORM_JULIAN,
  WEEK_ISO, WEEK_MASK, WEEK_US, weekNumber, weekToDay, yearly, type CalSettings,
} from './cal-layout';
import { parseTimestamp } from './timestamp';
import { errx, NumError, s32, shortName, tryHelp, u32, utilLinuxVersion, warnx } from './common';

const HELP = `
Usage:
 cal [options] [[[day] month] year]
 cal [options] <timestamp|monthname>

Print a calendar: by default the current month, or the month, year or date given.

Options:
 -1, --one             one month only (the default)
 -3, --three           the month before, the month and the one after
 -n, --months <num>    <num> months, from the month of the date
 -S, --span            centre the months shown on the date
 -s, --sunday          weeks start on Sunday
 -m, --monday          weeks start on Monday
 -j, --julian          number days by their day of the year
     --reform <val>    year of the Gregorian reform (1752|gregorian|iso|julian)
     --iso             the same as --reform=iso
 -y, --year            the whole year
 -Y, --twelve          the twelve months from the date
 -w, --week[=<num>]    add US or ISO-8601 week numbers
 -v, --vertical        days in columns rather than rows
     --color[=<when>]  highlight the date (auto, always or never)
                         highlighting is on by default

 -h, --help            display this help
 -V, --version         display version

For more details see cal(1).
`;

const ABBR = MONTHS.map((m) => m.slice(0, 3));

function monthByName(name: string): number {
  const l = name.toLowerCase();
  const full = MONTHS.findIndex((m) => m.toLowerCase() === l);
  if (full >= 0) return full + 1;
  const abbr = ABBR.findIndex((m) => m.toLowerCase() === l);
  return abbr >= 0 ? abbr + 1 : -1;
}

const EXCLUSIVE = new Map([['Y', 'twelve'], ['n', 'months'], ['y', 'year']]);

export default defineProgram({
  name: 'cal',
  installPath: '/usr/bin/cal',
  pkg: 'util-linux',
  options: [
    { key: '1', short: '1', long: 'one' },
    { key: '3', short: '3', long: 'three' },
    { key: 's', short: 's', long: 'sunday' },
    { key: 'm', short: 'm', long: 'monday' },
    { key: 'j', short: 'j', long: 'julian' },
    { key: 'n', short: 'n', long: 'months', arg: 'required' },
    { key: 'S', short: 'S', long: 'span' },
    { key: 'y', short: 'y', long: 'year' },
    // -w takes no argument; only --week=<num> names a week
    { key: 'w', short: 'w' },
    { key: 'w', long: 'week', arg: 'optional' },
    { key: 'color', long: 'color', arg: 'optional' },
    { key: 'reform', long: 'reform', arg: 'required' },
    { key: 'iso', long: 'iso' },
    { key: 'V', short: 'V', long: 'version' },
    { key: 'Y', short: 'Y', long: 'twelve' },
    { key: 'h', short: 'h', long: 'help' },
    { key: 'v', short: 'v', long: 'vertical' },
  ],
  async main(ctx, args) {
    const fail = (msg: string): Promise<number> => errx(ctx, msg);
    const s: CalSettings = {
      reform: 1752, weekstart: 0, weektype: 0, julian: false, dayWidth: 3, weekWidth: 0, gutter: 2,
      monthsInRow: 0, numMonths: 0, spanMonths: false, headerYear: false, headerHint: false, vertical: false,
      reqDay: 0, reqMonth: 0, reqYear: 0, startMonth: 0, enter: '', exit: '',
    };
    let yflag = false;
    let Yflag = false;
    let reqWeek = 0;
    let color: string | undefined = 'undef';
    let excl = '';
    try {
      for (const { key, value } of args.order) {
        if (EXCLUSIVE.has(key)) {
          if (excl === '') excl = key;
          else if (excl !== key) {
            return errx(ctx, 'mutually exclusive arguments: --twelve --months --year');
          }
        }
        switch (key) {
          case '1': s.numMonths = 1; break;
          case '3': s.numMonths = 3; s.spanMonths = true; break;
          case 's': s.weekstart = 0; break;
          case 'm': s.weekstart = 1; break;
          case 'j': s.julian = true; s.dayWidth = 4; break;
          case 'y': yflag = true; break;
          case 'Y': Yflag = true; break;
          case 'n': s.numMonths = u32(value!, 'invalid month argument'); break;
          case 'S': s.spanMonths = true; break;
          case 'w':
            if (value !== undefined) {
              reqWeek = s32(value, 'invalid week argument');
              if (reqWeek < 1 || reqWeek > 54) return fail('illegal week value: use 1-54');
            }
            s.weektype = WEEK_US;
            break;
          case 'color':
            color = value ?? 'auto';
            if (!['auto', 'always', 'never'].includes(color)) return fail(`unsupported color mode: '${color}'`);
            break;
          case 'reform': {
            const v = value!.toLowerCase();
            if (v === 'gregorian' || v === 'iso') s.reform = REFORM_GREGORIAN;
            else if (v === '1752') s.reform = 1752;
            else if (v === 'julian') s.reform = REFORM_JULIAN;
            else return fail(`invalid --reform value: '${value!}'`);
            break;
          }
          case 'iso': s.reform = REFORM_GREGORIAN; break;
          case 'v': s.vertical = true; break;
          case 'V':
            await ctx.print(`${utilLinuxVersion(shortName(ctx))}\n`);
            return 0;
          case 'h':
            await ctx.print(HELP);
            return 0;
        }
      }
      if (s.weektype) {
        s.weektype = (reqWeek & WEEK_MASK) | (s.weekstart === 1 ? WEEK_ISO : WEEK_US);
        s.weekWidth = s.dayWidth * 7 + 3;
      } else s.weekWidth = s.dayWidth * 7;
      s.weekWidth -= 1;

      const tz = await localZone(ctx.sys);
      let now = Math.floor(ctx.sys.now() / 1000);
      let ops = [...args.operands];
      if (ops.length === 1 && !/^\d+$/.test(ops[0]!)) {
        const t = parseTimestamp(ops[0]!, now, tz);
        if (t !== undefined) now = t;
        else if ((s.reqMonth = monthByName(ops[0]!)) <= 0) return fail(`failed to parse timestamp or unknown month name: ${ops[0]!}`);
        ops = [];
      }
      const tm = localtime(now, tz);
      if (ops.length > 3) {
        await warnx(ctx, 'bad usage');
        return tryHelp(ctx);
      }
      if (ops.length === 0) {
        s.reqDay = tm.yday + 1;
        s.reqYear = tm.year;
        if (!s.reqMonth) s.reqMonth = tm.mon + 1;
      } else {
        let i = 0;
        if (ops.length === 3) {
          s.reqDay = s32(ops[i++]!, 'illegal day value');
          if (s.reqDay < 1 || s.reqDay > 31) return fail('illegal day value: use 1-31');
        }
        if (ops.length >= 2) {
          const m = ops[i++]!;
          if (/^\d/.test(m)) s.reqMonth = s32(m, 'illegal month value: use 1-12');
          else if ((s.reqMonth = monthByName(m)) < 0) return fail(`unknown month name: ${m}`);
          if (s.reqMonth < 1 || s.reqMonth > 12) return fail('illegal month value: use 1-12');
        }
        s.reqYear = s32(ops[i]!, 'illegal year value');
        if (s.reqYear < 1) return fail('illegal year value: use positive integer');
        if (s.reqYear === REFORM_JULIAN) return fail('illegal year value');
        if (s.reqDay) {
          const dm = daysInMonth(s, s.reqYear, s.reqMonth);
          if (s.reqDay > dm) return fail(`illegal day value: use 1-${dm}`);
          s.reqDay = dayInYear(s, s.reqDay, s.reqMonth, s.reqYear);
        } else if (tm.year === s.reqYear) s.reqDay = tm.yday + 1;
        if (!s.reqMonth && !reqWeek) {
          s.reqMonth = tm.mon + 1;
          if (!s.numMonths) yflag = true;
        }
      }
      if (reqWeek > 0) {
        let yday = weekToDay(s, reqWeek);
        const leapDays = (m: number): number => daysInMonth(s, s.reqYear, m);
        if (yday < 1) return fail(`illegal week value: year ${s.reqYear} doesn't have week ${reqWeek}`);
        let m = 1;
        while (m <= 12 && yday > leapDays(m)) yday -= leapDays(m++);
        if (m > 12 && s.weektype & WEEK_ISO && reqWeek !== weekNumber(s, 31, 12, s.reqYear - 1)) {
          return fail(`illegal week value: year ${s.reqYear} doesn't have week ${reqWeek}`);
        }
        if (!s.reqMonth) s.reqMonth = m > 12 ? 1 : m;
      }
      s.headerHint = needsHint(s);
      // colors_init: standout only on a terminal (or --color=always) whose TERM knows it
      const term = ctx.env.get('TERM');
      const highlight = color === 'always' || (color !== 'never' && ctx.sys.isatty(1));
      if (highlight && term && term !== 'dumb') {
        s.enter = '\x1b[7m';
        s.exit = '\x1b[27m';
      } else {
        s.reqDay = 0;
        s.weektype &= ~WEEK_MASK;
      }
      if (yflag || Yflag) {
        s.gutter = 3;
        if (!s.numMonths) s.numMonths = 12;
        if (yflag) {
          s.startMonth = 1;
          s.headerYear = true;
        }
      }
      if (s.vertical) s.gutter = 1;
      if (s.numMonths > 1 && s.monthsInRow === 0) {
        s.monthsInRow = 3;
        if (ctx.sys.isatty(1)) {
          const mw = s.julian ? 27 : 20;
          const w = Math.max(ctx.sys.winsize(1).cols || 80, mw);
          const extra = (Math.trunc(w / mw) - 1) * s.gutter;
          const n = Math.trunc((w - extra) / mw);
          if (n < 3) s.monthsInRow = n > 0 ? n : 1;
        }
      } else if (!s.monthsInRow) s.monthsInRow = 1;
      if (!s.numMonths) s.numMonths = 1;
    } catch (e) {
      if (e instanceof NumError) return fail(e.message);
      throw e;
    }
    const out: string[] = [];
    if (yflag || Yflag) yearly(s, out);
    else monthly(s, out);
    await ctx.print(out.join(''));
    return 0;
  },
});
