// The small part of the time-zone code that the boot needs (systemd's calendar and timestamp
// parsing): whether tzdata has a zone, its offset at an instant from the JS engine's IANA data,
// and glibc's reading of a wall time. Abbreviations and the rest are in time-zones.ts.

const formatters = new Map<string, Intl.DateTimeFormat | null>();

export function formatter(name: string): Intl.DateTimeFormat | null {
  let f = formatters.get(name);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', { timeZone: name, timeZoneName: 'longOffset' });
    } catch {
      f = null;
    }
    formatters.set(name, f);
  }
  return f;
}

/** The files at the top of zoneinfo (the engine knows more bare names, "JST", "IST": tzdata does not). */
const TOP_LEVEL = new Set(('CET CST6CDT Cuba EET EST EST5EDT Egypt Eire GB GB-Eire GMT GMT+0 GMT-0 GMT0 Greenwich HST Hongkong '
  + 'Iceland Iran Israel Jamaica Japan Kwajalein Libya MET MST MST7MDT NZ NZ-CHAT Navajo PRC PST8PDT Poland Portugal ROC ROK '
  + 'Singapore Turkey UCT UTC Universal W-SU WET Zulu').split(' '));

/** True for a zone name tzdata has (as a file under /usr/share/zoneinfo). */
export function zoneKnown(name: string): boolean {
  // POSIX rule strings ("EST5EDT") and bare letters are not file names here
  // (every component of a tzdata name starts with a capital, and file names match exactly)
  if (!/^[A-Z][A-Za-z0-9_+-]*(\/[A-Z][A-Za-z0-9_+-]*)*$/.test(name)) return false;
  if (!name.includes('/') && !TOP_LEVEL.has(name)) return false;
  const f = formatter(name);
  if (f === null) return false;
  // the engine matches names in any case; a differently-cased answer is not the same file
  const resolved = f.resolvedOptions().timeZone;
  return resolved === name || resolved.toLowerCase() !== name.toLowerCase();
}

/** Seconds east of UTC that `name` is at the instant `seconds`, from the engine's tz data. */
export function offsetAt(f: Intl.DateTimeFormat, seconds: number): number {
  const ms = seconds * 1000;
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return 0;
  const text = f.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /^GMT([+-])(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (!m) return 0;
  const secs = Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4] ?? 0);
  return m[1] === '-' ? -secs : secs;
}

/** Seconds east of UTC that zone `name` is at `seconds` (0 for a zone tzdata does not have). */
export function zoneOffset(name: string, seconds: number): number {
  const f = zoneKnown(name) ? formatter(name) : null;
  return f ? offsetAt(f, seconds) : 0;
}

/**
 * Zone `name` by its offsets alone (named by itself, not by an abbreviation): what a calendar
 * expression that names a zone needs to find its next elapse. Undefined for an unknown zone.
 */
export function offsetZone(name: string): { name: string; offset: number; offsetAt: (t: number) => number } | undefined {
  if (!zoneKnown(name)) return undefined;
  // standard time is the smaller of a winter's and a summer's offset (of 2025)
  const offset = Math.min(zoneOffset(name, 1736899200), zoneOffset(name, 1752537600));
  return { name, offset, offsetAt: (t) => zoneOffset(name, t) };
}

/**
 * glibc mktime's reading of a wall time (seconds, as if UTC) in a zone with rules `at` and
 * standard offset `std`: it probes from `guess` (the offset its last call found, 0 at first), so a wall time that happens twice takes
 * whichever offset the probe meets first, and one that a change skips moves on into daylight
 * time. `isdst` (tm_isdst) picks between two readings; when it cannot hold, the wall time is
 * read with the offset it claims (so the fields come back changed).
 */
export function wallToUtc(wall: number, at: (t: number) => number, std: number, isdst?: boolean, guess = 0): number {
  const dst = (o: number): boolean => o !== std;
  let t = wall - guess;
  let t1 = t;
  let t2 = t;
  for (let i = 0; i < 8; i++) {
    const dt = wall - (t + at(t));
    if (dt === 0) break;
    // oscillating across a gap: take the daylight side (the clock has moved on), or when a
    // tm_isdst was asked for, the side that does not have it (then read with its offset below)
    if (t === t1 && t !== t2) {
      const keep = isdst === undefined ? dst(at(t)) : dst(at(t)) !== isdst;
      t = keep ? t : t2;
      break;
    }
    t1 = t2;
    t2 = t;
    t += dt;
  }
  if (isdst === undefined || dst(at(t)) === isdst) return t;
  const before = at(wall - 86400);
  const after = at(wall + 86400);
  for (const o of [before, after]) if (at(wall - o) === o && dst(o) === isdst) return wall - o;
  if (!isdst) return wall - std;
  // the nearest daylight offset, else an hour ahead of standard time
  for (let k = 1; k <= 26; k++) {
    for (const o of [at(wall - k * 604800), at(wall + k * 604800)]) if (dst(o)) return wall - o;
  }
  return wall - std - 3600;
}
