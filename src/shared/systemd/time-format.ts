// Timestamps as systemd prints them (src/basic/time-util.c: format_timestamp_style,
// format_timestamp_relative): "Tue 2024-05-14 10:02:11 UTC", "2h 3min ago", "13h left".
// Times are microseconds since the epoch as numbers (exact up to year 2255).
import { localtime, pad, WEEKDAYS, type Zone, zoneNameAt } from './civil';

export type TimestampStyle = 'pretty' | 'us' | 'utc' | 'us+utc' | 'unix' | 'date';

const USEC_PER_SEC = 1_000_000;
const USEC_PER_MINUTE = 60 * USEC_PER_SEC;
const USEC_PER_HOUR = 60 * USEC_PER_MINUTE;
const USEC_PER_DAY = 24 * USEC_PER_HOUR;
const USEC_PER_WEEK = 7 * USEC_PER_DAY;
const USEC_PER_MONTH = 2629800 * USEC_PER_SEC;
const USEC_PER_YEAR = 31557600 * USEC_PER_SEC;
/** USEC_TIMESTAMP_FORMATTABLE_MAX: 9999-12-30 23:59:59 UTC. */
export const USEC_TIMESTAMP_FORMATTABLE_MAX = 253402214399 * USEC_PER_SEC;

/** format_timestamp_style(); undefined for an unset (0) timestamp. */
export function formatTimestamp(usec: number, zone: Zone, style: TimestampStyle = 'pretty'): string | undefined {
  if (usec <= 0 || !Number.isFinite(usec)) return undefined;
  if (style === 'unix') return `@${Math.floor(usec / USEC_PER_SEC)}`;
  const utc = style === 'utc' || style === 'us+utc' || style === 'date';
  const us = style === 'us' || style === 'us+utc';
  if (usec > USEC_TIMESTAMP_FORMATTABLE_MAX) {
    return { pretty: '--- XXXX-XX-XX XX:XX:XX', us: '--- XXXX-XX-XX XX:XX:XX.XXXXXX', utc: '--- XXXX-XX-XX XX:XX:XX UTC', 'us+utc': '--- XXXX-XX-XX XX:XX:XX.XXXXXX UTC', date: '--- XXXX-XX-XX' }[style];
  }
  const sec = Math.floor(usec / USEC_PER_SEC);
  const tm = localtime(sec, utc ? { name: 'UTC', offset: 0 } : zone);
  let s = `${WEEKDAYS[tm.wday]} ${tm.year}-${pad(tm.mon + 1)}-${pad(tm.mday)}`;
  if (style === 'date') return s;
  s += ` ${pad(tm.hour)}:${pad(tm.min)}:${pad(tm.sec)}`;
  if (us) s += `.${pad(usec % USEC_PER_SEC, 6)}`;
  if (utc) s += ' UTC';
  else {
    const name = zoneNameAt(zone, sec);
    if (name !== '') s += ` ${name}`;
  }
  return s;
}

/** format_timestamp_relative(): how far `usec` is from `now`. */
export function formatTimestampRelative(usec: number, now: number): string | undefined {
  if (usec <= 0 || !Number.isFinite(usec)) return undefined;
  const [d, s] = now > usec ? [now - usec, 'ago'] : [usec - now, 'left'];
  const f = Math.floor;
  const pl = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
  if (d >= USEC_PER_YEAR) return `${pl(f(d / USEC_PER_YEAR), 'year', 'years')} ${pl(f((d % USEC_PER_YEAR) / USEC_PER_MONTH), 'month', 'months')} ${s}`;
  if (d >= USEC_PER_MONTH) return `${pl(f(d / USEC_PER_MONTH), 'month', 'months')} ${pl(f((d % USEC_PER_MONTH) / USEC_PER_DAY), 'day', 'days')} ${s}`;
  if (d >= USEC_PER_WEEK) return `${pl(f(d / USEC_PER_WEEK), 'week', 'weeks')} ${pl(f((d % USEC_PER_WEEK) / USEC_PER_DAY), 'day', 'days')} ${s}`;
  if (d >= 2 * USEC_PER_DAY) return `${f(d / USEC_PER_DAY)} days ${s}`;
  if (d >= 25 * USEC_PER_HOUR) return `1 day ${f((d - USEC_PER_DAY) / USEC_PER_HOUR)}h ${s}`;
  if (d >= 6 * USEC_PER_HOUR) return `${f(d / USEC_PER_HOUR)}h ${s}`;
  if (d >= USEC_PER_HOUR) return `${f(d / USEC_PER_HOUR)}h ${f((d % USEC_PER_HOUR) / USEC_PER_MINUTE)}min ${s}`;
  if (d >= 5 * USEC_PER_MINUTE) return `${f(d / USEC_PER_MINUTE)}min ${s}`;
  if (d >= USEC_PER_MINUTE) return `${f(d / USEC_PER_MINUTE)}min ${f((d % USEC_PER_MINUTE) / USEC_PER_SEC)}s ${s}`;
  if (d >= USEC_PER_SEC) return `${f(d / USEC_PER_SEC)}s ${s}`;
  if (d >= 1000) return `${f(d / 1000)}ms ${s}`;
  if (d > 0) return `${d}us ${s}`;
  return 'now';
}
