// The daylight saving part of a POSIX TZ string, as glibc's tzset reads it:
// "EST5EDT4,M3.2.0/2,M11.1.0" (dst name, its offset, the start and end rules with times).
// The dst offset defaults to an hour ahead of standard time, and the rules to the US ones
// tzdata's posixrules file holds (M3.2.0,M11.1.0), the times to 02:00 local.

export interface PosixDst {
  name: string;
  /** seconds east of UTC in daylight time */
  offset: number;
  /** the instant daylight time starts and ends in a year (seconds since the epoch) */
  starts: (year: number) => number;
  ends: (year: number) => number;
}

const DAY = 86400;

/** "[+-]hh[:mm[:ss]]" as seconds, with how many characters it took. */
export function posixTime(s: string, maxHours: number): { secs: number; len: number } | undefined {
  const m = /^([+-]?)(\d{1,3})(?::(\d{1,2})(?::(\d{1,2}))?)?/.exec(s);
  if (!m || Number(m[2]) > maxHours || Number(m[3] ?? 0) > 59 || Number(m[4] ?? 0) > 59) return undefined;
  const secs = Number(m[2]) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0);
  return { secs: m[1] === '-' ? -secs : secs, len: m[0].length };
}

const isLeap = (y: number): boolean => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);

/** Days since the epoch of 1 January of `y`. */
function yearStart(y: number): number {
  const yy = y - 1;
  return 365 * (y - 1970) + (Math.floor(yy / 4) - Math.floor(yy / 100) + Math.floor(yy / 400)) - 477;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A date rule (Jn, n or Mm.w.d) as a function of the year giving its day (days since the epoch). */
function dateRule(s: string): { day: (year: number) => number; len: number } | undefined {
  let m = /^J(\d{1,3})/.exec(s);
  if (m) {
    const n = Number(m[1]);
    if (n < 1 || n > 365) return undefined;
    // February 29 is never counted
    return { day: (y) => yearStart(y) + n - 1 + (isLeap(y) && n >= 60 ? 1 : 0), len: m[0].length };
  }
  m = /^M(\d{1,2})\.(\d)\.(\d)/.exec(s);
  if (m) {
    const mon = Number(m[1]);
    const week = Number(m[2]);
    const wday = Number(m[3]);
    if (mon < 1 || mon > 12 || week < 1 || week > 5 || wday > 6) return undefined;
    return {
      day: (y) => {
        let first = yearStart(y);
        for (let i = 0; i < mon - 1; i++) first += MONTH_DAYS[i]! + (i === 1 && isLeap(y) ? 1 : 0);
        const len = MONTH_DAYS[mon - 1]! + (mon === 2 && isLeap(y) ? 1 : 0);
        let d = first + ((wday - ((first + 4) % 7) + 7) % 7) + (week - 1) * 7;
        while (d >= first + len) d -= 7;
        return d;
      },
      len: m[0].length,
    };
  }
  m = /^(\d{1,3})/.exec(s);
  if (m) {
    const n = Number(m[1]);
    if (n > 365) return undefined;
    return { day: (y) => yearStart(y) + n, len: m[0].length };
  }
  return undefined;
}

/** Reads `rest` (what follows the standard offset); undefined when there is no valid dst part. */
export function parsePosixDst(rest: string, stdOffset: number): PosixDst | undefined {
  let name: string;
  let s: string;
  const quoted = /^<([^>]*)>/.exec(rest);
  if (quoted) {
    name = quoted[1]!;
    s = rest.slice(quoted[0].length);
  } else {
    const m = /^[A-Za-z]*/.exec(rest)!;
    name = m[0];
    s = rest.slice(name.length);
  }
  if (name.length < 3) return undefined;
  let offset = stdOffset + 3600;
  const off = posixTime(s, 24);
  if (off) {
    offset = -off.secs;
    s = s.slice(off.len);
  }
  // no rules: the US ones (glibc shifts posixrules' changes instead: not modelled)
  if (s === '') s = ',M3.2.0,M11.1.0';
  const rule = (): { day: (y: number) => number; time: number } | undefined => {
    if (s[0] !== ',') return undefined;
    const d = dateRule(s.slice(1));
    if (!d) return undefined;
    s = s.slice(1 + d.len);
    let time = 7200;
    if (s[0] === '/') {
      const t = posixTime(s.slice(1), 167);
      if (!t) return undefined;
      time = t.secs;
      s = s.slice(1 + t.len);
    }
    return { day: d.day, time };
  };
  const start = rule();
  // a missing end rule is the US one, as glibc has it
  if (start && s === '') s = ',M11.1.0';
  const end = rule();
  if (!start || !end || s !== '') return undefined;
  return {
    name,
    offset,
    // the start is read in standard time, the end in daylight time
    starts: (y) => start.day(y) * DAY + start.time - stdOffset,
    ends: (y) => end.day(y) * DAY + end.time - offset,
  };
}

/** Whether daylight time is in force at `t` under `dst`. */
export function inPosixDst(dst: PosixDst, t: number, stdOffset: number): boolean {
  const y = new Date((t + stdOffset) * 1000).getUTCFullYear();
  const start = dst.starts(y);
  const end = dst.ends(y);
  return start < end ? t >= start && t < end : !(t >= end && t < start);
}
