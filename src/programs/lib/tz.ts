// Local time as glibc computes it from $TZ or /etc/localtime, for date, stat and friends.
// A zone name ("America/New_York", ":Europe/London") is looked up in the shared tz data
// (shared/time-zones.ts) and varies by instant; otherwise TZ is a POSIX string ("UTC0",
// "<+0530>-5:30", "CET-1CEST,M3.5.0,M10.5.0/3": see tz-posix.ts). An unreadable zone name falls back to
// UTC under its own leading letters, as glibc does ("Nowhere/Foo" prints "Nowhere"). TZ empty
// is UTC; TZ unset means /etc/localtime's zone (UTC when there is none).
import type { Sys } from '../../shared/sys';
import { namedZone as sharedNamedZone, wallToUtc } from '../../shared/time-zones';
import { inPosixDst, parsePosixDst } from './tz-posix';

export { nameAt, offsetAt, offsetText, UTC, type TimeZone } from './tz-zone';
import { nameAt, offsetAt, UTC, type TimeZone } from './tz-zone';


/** struct tm, with the zone it was computed in. */
export interface Tm {
  year: number;
  /** 0-11 */
  mon: number;
  mday: number;
  hour: number;
  min: number;
  sec: number;
  /** 0 = Sunday */
  wday: number;
  /** 0-365 */
  yday: number;
  gmtoff: number;
  zone: string;
}

/** The zone tzdata calls `name` ("Europe/Paris"), or undefined when it has none. */
export function namedZone(name: string): TimeZone | undefined {
  return name === 'UTC' ? UTC : sharedNamedZone(name);
}

/** Parses a TZ value: a zone name, else a POSIX string (the std part only). */
export function parseTz(value: string | undefined): TimeZone {
  if (value === undefined || value === '' || value === ':') return UTC;
  const s = value.startsWith(':') ? value.slice(1) : value;
  const named = namedZone(s);
  if (named) return named;
  let name: string;
  let rest: string;
  const quoted = /^<([^>]*)>(.*)$/.exec(s);
  if (quoted) {
    name = quoted[1]!;
    rest = quoted[2]!;
  } else {
    const m = /^([A-Za-z]*)(.*)$/.exec(s)!;
    name = m[1]!;
    rest = m[2]!;
  }
  if (name.length < 3) return UTC;
  const off = /^([+-]?)(\d{1,2})(?::(\d{1,2})(?::(\d{1,2}))?)?/.exec(rest);
  if (!off) return { name, offset: 0 };
  const secs = Number(off[2]) * 3600 + Number(off[3] ?? 0) * 60 + Number(off[4] ?? 0);
  // POSIX offsets count westwards: EST5 is five hours behind UTC
  const offset = off[1] === '-' ? secs : -secs;
  const dst = parsePosixDst(rest.slice(off[0].length), offset);
  if (!dst) return { name, offset };
  const std = name;
  return {
    name,
    offset,
    dstName: dst.name,
    offsetAt: (t) => (inPosixDst(dst, t, offset) ? dst.offset : offset),
    nameAt: (t) => (inPosixDst(dst, t, offset) ? dst.name : std),
  };
}

/** The zone a program's environment selects, TZ unset meaning UTC (see localZone). */
export function zoneFromEnv(env: Map<string, string>): TimeZone {
  return parseTz(env.get('TZ'));
}

/** The zone named by /etc/localtime (a link into zoneinfo); UTC when there is none. */
export async function systemZone(sys: Pick<Sys, 'readlink' | 'realpath'>): Promise<TimeZone> {
  let target: string;
  try {
    target = await sys.readlink('/etc/localtime');
    if (!target.includes('zoneinfo/')) target = await sys.realpath('/etc/localtime');
  } catch {
    return UTC;
  }
  const i = target.lastIndexOf('zoneinfo/');
  if (i < 0) return UTC;
  const name = target.slice(i + 9).replace(/^(?:posix|right)\//, '');
  return namedZone(name) ?? UTC;
}

/** The zone localtime() uses for a program: $TZ when set, else /etc/localtime's. */
export async function localZone(sys: Pick<Sys, 'readlink' | 'realpath' | 'env'>, env: Map<string, string> = sys.env): Promise<TimeZone> {
  const tz = env.get('TZ');
  return tz !== undefined ? parseTz(tz) : systemZone(sys);
}

const DAY = 86400;

function floorDiv(a: number, b: number): number {
  return Math.floor(a / b);
}

/** Days since 1970-01-01 of a proleptic Gregorian date (month may be out of range). */
export function daysFromCivil(y: number, m: number, d: number): number {
  // normalise month into the year first
  y += floorDiv(m, 12);
  m = ((m % 12) + 12) % 12;
  const yy = m < 2 ? y - 1 : y;
  const era = floorDiv(yy, 400);
  const yoe = yy - era * 400;
  const mp = (m + 10) % 12;
  const doy = floorDiv(153 * mp + 2, 5) + d - 1;
  const doe = yoe * 365 + floorDiv(yoe, 4) - floorDiv(yoe, 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z: number): { y: number; m: number; d: number } {
  z += 719468;
  const era = floorDiv(z, 146097);
  const doe = z - era * 146097;
  const yoe = floorDiv(doe - floorDiv(doe, 1460) + floorDiv(doe, 36524) - floorDiv(doe, 146096), 365);
  const y = yoe + era * 400;
  const doy = doe - (365 * yoe + floorDiv(yoe, 4) - floorDiv(yoe, 100));
  const mp = floorDiv(5 * doy + 2, 153);
  const d = doy - floorDiv(153 * mp + 2, 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: m <= 2 ? y + 1 : y, m: m - 1, d };
}

/** localtime_r: seconds since the epoch to broken-down time in `tz`. */
export function localtime(seconds: number, tz: TimeZone = UTC): Tm {
  const off = offsetAt(tz, seconds);
  const t = seconds + off;
  const days = floorDiv(t, DAY);
  const secs = t - days * DAY;
  const { y, m, d } = civilFromDays(days);
  return {
    year: y,
    mon: m,
    mday: d,
    hour: Math.floor(secs / 3600),
    min: Math.floor((secs % 3600) / 60),
    sec: secs % 60,
    wday: (((days + 4) % 7) + 7) % 7,
    yday: days - daysFromCivil(y, 0, 1),
    gmtoff: off,
    zone: nameAt(tz, seconds),
  };
}

/**
 * mktime: broken-down fields (any of them out of range) to seconds since the epoch; in a zone
 * with rules, as glibc reads wall times at its changes (see wallToUtc). `isdst` is tm_isdst.
 */
export function mktime(f: { year: number; mon: number; mday: number; hour: number; min: number; sec: number }, tz: TimeZone = UTC, isdst?: boolean): number {
  const days = daysFromCivil(f.year, f.mon, 1) + f.mday - 1;
  const wall = days * DAY + f.hour * 3600 + f.min * 60 + f.sec;
  if (!tz.offsetAt) return wall - tz.offset;
  const t = wallToUtc(wall, tz.offsetAt, tz.offset, isdst, tz.mktimeGuess);
  // glibc keeps how far the answer was from the wall time (in a gap, not the offset at the answer)
  tz.mktimeGuess = wall - t;
  return t;
}

export { msToTimespec, timespecToMs } from './timespec';
