// parse_timestamp (util-linux lib/timeutils.c) for cal, last and the like.
import { localtime, mktime } from '../lib/tz';

const UNITS: [RegExp, number][] = [
  [/^(s|sec|secs|second|seconds)$/, 1],
  [/^(m|min|mins|minute|minutes)$/, 60],
  [/^(h|hr|hrs|hour|hours)$/, 3600],
  [/^(d|day|days)$/, 86400],
  [/^(w|week|weeks)$/, 7 * 86400],
  [/^(M|month|months)$/, 2629800],
  [/^(y|year|years)$/, 31557600],
];

/**
 * The forms of parse_timestamp (lib/timeutils.c) a learner is likely to type: now, today,
 * yesterday, tomorrow, YYYY-MM-DD [HH:MM[:SS]], HH:MM[:SS] (today) and +N<unit> from now.
 * Seconds since the epoch, or undefined.
 */
export function parseTimestamp(text: string, now: number, tz: Parameters<typeof mktime>[1]): number | undefined {
  const t = text.trim();
  const day = 86400;
  const tmNow = localtime(now, tz);
  const today = mktime({ year: tmNow.year, mon: tmNow.mon, mday: tmNow.mday, hour: 0, min: 0, sec: 0 }, tz);
  if (t === 'now') return now;
  if (t === 'today') return today;
  if (t === 'yesterday') return today - day;
  if (t === 'tomorrow') return today + day;
  const rel = /^\+\s*((?:\d+\s*[a-zA-Z]+\s*)+)$/.exec(t);
  if (rel) {
    let sum = 0;
    for (const [, n, unit] of rel[1]!.matchAll(/(\d+)\s*([a-zA-Z]+)/g)) {
      const u = UNITS.find(([re]) => re.test(unit!));
      if (!u) return undefined;
      sum += Number(n) * u[1];
    }
    return now + sum;
  }
  const m = /^(?:(\d{4})-(\d{1,2})-(\d{1,2}))?(?:(?:^| |(?<=\d)T(?=\d+:\d+:))(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  if (!m || (m[1] === undefined && m[4] === undefined)) return undefined;
  const [y, mo, d] = m[1] === undefined ? [tmNow.year, tmNow.mon + 1, tmNow.mday] : [Number(m[1]), Number(m[2]), Number(m[3])];
  const [h, mi, sec] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60) return undefined;
  return mktime({ year: y, mon: mo - 1, mday: d, hour: h, min: mi, sec }, tz);
}
