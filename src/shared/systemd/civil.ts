// Broken-down time for systemd's timestamp and calendar code: gmtime/timegm over the proleptic
// Gregorian calendar, and a local zone (fixed, or with rules: see shared/time-zones.ts).

export interface Zone {
  /** Abbreviation printed after a local timestamp ("UTC", "EST"). */
  name: string;
  /** Seconds east of UTC (standard time). */
  offset: number;
  /** The offset in force at a moment (UTC seconds), for zones with daylight saving time. */
  offsetAt?: (utcSeconds: number) => number;
  /** The abbreviation in force at a moment, for zones with daylight saving time. */
  nameAt?: (utcSeconds: number) => string;
  /** The daylight saving time abbreviation (tzname[1]), when the zone has one. */
  dstName?: string;
}

/** The abbreviation `zone` has at `seconds`. */
export function zoneNameAt(zone: Zone, seconds: number): string {
  return zone.nameAt ? zone.nameAt(seconds) : zone.name;
}

export const UTC_ZONE: Zone = { name: 'UTC', offset: 0 };

/** struct tm with a full year. mktime-style normalisation accepts any field out of range. */
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
  yday: number;
  /** tm_isdst: 1 daylight saving time, 0 standard time, -1 or absent unknown. */
  isdst?: number;
}

/** Days since 1970-01-01 of a civil date (month 1-12). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** gmtime(): the broken-down UTC time of `seconds` since the epoch. */
export function gmtime(seconds: number): Tm {
  const days = Math.floor(seconds / 86400);
  const rem = seconds - days * 86400;
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const yday = days - daysFromCivil(y, 1, 1);
  return {
    year: y,
    mon: m - 1,
    mday: d,
    hour: Math.floor(rem / 3600),
    min: Math.floor((rem % 3600) / 60),
    sec: rem % 60,
    wday: (((days + 4) % 7) + 7) % 7,
    yday,
  };
}

/** timegm(): seconds since the epoch; `tm` is normalised in place, as mktime does. */
export function timegm(tm: Tm): number {
  const months = tm.year * 12 + tm.mon;
  const y = Math.floor(months / 12);
  const mon = months - y * 12;
  const secs = (daysFromCivil(y, mon + 1, 1) + tm.mday - 1) * 86400 + tm.hour * 3600 + tm.min * 60 + tm.sec;
  Object.assign(tm, gmtime(secs));
  return secs;
}

export function localtime(seconds: number, zone: Zone): Tm {
  const off = zone.offsetAt ? zone.offsetAt(seconds) : zone.offset;
  return { ...gmtime(seconds + off), isdst: off !== zone.offset ? 1 : 0 };
}

export function daysInMonth(year: number, mon0: number): number {
  return [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mon0]!;
}

export const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}
