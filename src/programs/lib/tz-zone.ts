// A zone as the time formatting code sees it (a fixed offset, or one that varies by instant),
// without the zone database: strftime and its callers at boot need only this (lib/tz.ts finds zones).

export interface TimeZone {
  /** Abbreviation %Z prints (in standard time, for a zone that changes). */
  name: string;
  /** Seconds east of UTC (tm_gmtoff; standard time, for a zone that changes). */
  offset: number;
  /** The offset in force at a moment (seconds since the epoch), for zones with rules. */
  offsetAt?: (utcSeconds: number) => number;
  /** The abbreviation in force at a moment. */
  nameAt?: (utcSeconds: number) => string;
  /** The daylight saving time abbreviation, for a zone that has one. */
  dstName?: string;
  /** The offset mktime found last (glibc keeps it per process; a zone value lives for one run). */
  mktimeGuess?: number;
}

export const UTC: TimeZone = { name: 'UTC', offset: 0 };

/** The offset east of UTC `tz` has at `seconds`. */
export function offsetAt(tz: TimeZone, seconds: number): number {
  return tz.offsetAt ? tz.offsetAt(seconds) : tz.offset;
}

/** The abbreviation `tz` has at `seconds`. */
export function nameAt(tz: TimeZone, seconds: number): string {
  return tz.nameAt ? tz.nameAt(seconds) : tz.name;
}

/** "+hhmm" style offset text used by stat and ls --full-time. */
export function offsetText(offset: number): string {
  const sign = offset < 0 ? '-' : '+';
  const a = Math.abs(offset);
  return `${sign}${String(Math.floor(a / 3600)).padStart(2, '0')}${String(Math.floor((a % 3600) / 60)).padStart(2, '0')}`;
}
