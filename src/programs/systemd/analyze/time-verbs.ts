// systemd-analyze timespan, timestamp and calendar (src/analyze/analyze-timespan.c,
// analyze-timestamp.c, analyze-calendar.c): a key/value table per argument, a blank line
// between arguments, and hints when a value would parse as one of the other kinds.
import { formatCalendarSpec, nextElapse, parseCalendarSpec, parseCalendarSpecOrError } from '../../../shared/systemd/calendar';
import type { Zone } from '../../../shared/systemd/civil';
import { resetMktime } from '../../../shared/systemd/mktime';
import { glyphs } from '../../../shared/systemd/glyphs';
import { ANSI, formatVertical, type VerticalRow } from '../../../shared/systemd/table';
import { formatTimestamp, formatTimestampRelative } from '../../../shared/systemd/time-format';
import { formatTimespan, parseTimespan, USEC_INFINITY } from '../../../shared/systemd/time-span';
import { parseTimestamp } from '../../../shared/systemd/timestamp-parse';
import type { Ctx } from '../../lib/context';
import { localZone } from '../../lib/tz';
import type { AnalyzeOptions } from './options';

const STRERROR = { EINVAL: 'Invalid argument', ERANGE: 'Numerical result out of range', ENOBUFS: 'No buffer space available' };

function nowUsec(ctx: Ctx): number {
  return Math.floor(ctx.sys.now() * 1000);
}

function zoneOf(ctx: Ctx): Promise<Zone> {
  return localZone(ctx.sys);
}

/** in_utc_timezone() is false: local times get a "(in UTC)" line too. */
function notUtc(zone: Zone): boolean {
  return zone.offset !== 0 || zone.dstName !== undefined;
}

function colors(ctx: Ctx): boolean {
  const env = ctx.env;
  if (env.has('NO_COLOR') || env.get('TERM') === 'dumb') return false;
  return ctx.sys.isatty(1) && ctx.sys.isatty(2);
}

/** time_parsing_hint(): say when the text is valid as another kind of time. */
async function hint(ctx: Ctx, p: string, kinds: { calendar?: boolean; timestamp?: boolean; timespan?: boolean }): Promise<void> {
  const zone = await zoneOf(ctx);
  if (kinds.calendar && parseCalendarSpec(p, zone)) {
    await ctx.err.write(`Hint: this expression is a valid calendar specification. Use 'systemd-analyze calendar "${p}"' instead?\n`);
  }
  if (kinds.timestamp && parseTimestamp(p, nowUsec(ctx), zone) !== undefined) {
    await ctx.err.write(`Hint: this expression is a valid timestamp. Use 'systemd-analyze timestamp "${p}"' instead?\n`);
  }
  if (kinds.timespan && typeof parseTimespan(p) === 'bigint') {
    await ctx.err.write(`Hint: this expression is a valid timespan. Use 'systemd-analyze timespan "${p}"' instead?\n`);
  }
}

/** table_print() flushes stdout; the blank lines between tables stay buffered until the next. */
async function printTable(ctx: Ctx, text: string): Promise<void> {
  await ctx.print(text);
  await ctx.out.flush();
}

export async function verbTimespan(ctx: Ctx, args: string[]): Promise<number> {
  resetMktime();
  const mu = glyphs(ctx.env).mu;
  const color = colors(ctx);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const r = parseTimespan(a);
    if (typeof r === 'string') {
      await ctx.err.write(`Failed to parse time span '${a}': ${STRERROR[r]}\n`);
      await hint(ctx, a, { calendar: true, timestamp: true });
      return 1;
    }
    const rows: VerticalRow[] = [
      ['Original', a],
      [`${mu}s`, String(r)],
      ['Human', formatTimespan(r), ANSI.highlight],
    ];
    await printTable(ctx, formatVertical(rows, color));
    if (i + 1 < args.length) await ctx.print('\n');
  }
  return 0;
}

export async function verbTimestamp(ctx: Ctx, args: string[]): Promise<number> {
  resetMktime();
  const zone = await zoneOf(ctx);
  const color = colors(ctx);
  const now = nowUsec(ctx);
  let rc = 0;
  for (let i = 0; i < args.length; i++) {
    const p = args[i]!;
    const usec = parseTimestamp(p, now, zone);
    if (usec === undefined) {
      // "@SECONDS" fails as the time span after the '@' does ("@-1": out of range)
      const why = p.startsWith('@') && parseTimespan(p.slice(1)) === 'ERANGE' ? STRERROR.ERANGE : STRERROR.EINVAL;
      await ctx.err.write(`Failed to parse "${p}": ${why}\n`);
      await hint(ctx, p, { calendar: true, timespan: true });
      rc ||= 1;
    } else if (p.startsWith('@') && parseTimespan(p.slice(1)) === USEC_INFINITY) {
      // "@infinity": no timestamp to print, the seconds in full
      const rows: VerticalRow[] = [['Original form', p], ['Normalized form', '-', ANSI.highlightBlue]];
      if (notUtc(zone)) rows.push(['(in UTC)', '-']);
      rows.push(['UNIX seconds', `@${USEC_INFINITY / 1_000_000n}.${String(USEC_INFINITY % 1_000_000n).padStart(6, '0')}`], ['From now', '-']);
      await printTable(ctx, formatVertical(rows, color));
    } else {
      const rows: VerticalRow[] = [
        ['Original form', p],
        ['Normalized form', formatTimestamp(usec, zone) ?? '-', ANSI.highlightBlue],
      ];
      if (notUtc(zone)) rows.push(['(in UTC)', formatTimestamp(usec, zone, 'utc') ?? '-']);
      // "@SECONDS" can be far past what a double holds to the microsecond: take its exact value
      const exact = p.startsWith('@') ? parseTimespan(p.slice(1)) : undefined;
      const us = typeof exact === 'bigint' ? exact : BigInt(Math.round(usec));
      const secs = us / 1_000_000n;
      const frac = us % 1_000_000n;
      rows.push(['UNIX seconds', frac === 0n ? `@${secs}` : `@${secs}.${String(frac).padStart(6, '0')}`]);
      rows.push(['From now', formatTimestampRelative(usec, now) ?? '-']);
      await printTable(ctx, formatVertical(rows, color));
    }
    if (i + 1 < args.length) await ctx.print('\n');
  }
  return rc;
}

export async function verbCalendar(ctx: Ctx, args: string[], opts: AnalyzeOptions): Promise<number> {
  resetMktime();
  const zone = await zoneOf(ctx);
  const color = colors(ctx);
  const realNow = nowUsec(ctx);
  let base = realNow;
  if (opts.baseTime !== undefined) {
    const b = parseTimestamp(opts.baseTime, realNow, zone);
    if (b === undefined) {
      await ctx.err.write(`Failed to parse --base-time= parameter: ${opts.baseTime}\n`);
      return 1;
    }
    base = b;
  }
  let rc = 0;
  for (let i = 0; i < args.length; i++) {
    const p = args[i]!;
    const spec = parseCalendarSpecOrError(p, zone);
    if (typeof spec === 'string') {
      await ctx.err.write(`Failed to parse calendar specification '${p}': ${STRERROR[spec]}\n`);
      await hint(ctx, p, { timestamp: true, timespan: true });
      rc ||= 1;
    } else {
      const t = formatCalendarSpec(spec, zone);
      const rows: VerticalRow[] = [];
      if (t !== p) rows.push(['Original form', p]);
      rows.push(['Normalized form', t]);
      let n = base;
      for (let k = 0; k < opts.iterations; k++) {
        const next = nextElapse(spec, n, zone);
        if (next === 'ENOENT') {
          if (k === 0) rows.push(['Next elapse', 'never', ANSI.highlightYellow]);
          break;
        }
        if (typeof next === 'string') {
          await ctx.err.write(`Failed to determine next elapse for '${p}': ${next === 'EINVAL' ? 'Invalid argument' : 'Resource deadlock avoided'}\n`);
          return 1;
        }
        // systemd 252 (the recordings) labels later elapses "Iter. #N"; 253 says "Iteration #N"
        rows.push([k === 0 ? 'Next elapse' : `Iter. #${k + 1}`, formatTimestamp(next, zone) ?? '-', ANSI.highlightBlue]);
        if (notUtc(zone)) rows.push(['(in UTC)', formatTimestamp(next, zone, 'utc') ?? '-']);
        rows.push(['From now', formatTimestampRelative(next, realNow) ?? '-']);
        n = next;
      }
      await printTable(ctx, formatVertical(rows, color));
    }
    if (i + 1 < args.length) await ctx.print('\n');
  }
  return rc;
}
