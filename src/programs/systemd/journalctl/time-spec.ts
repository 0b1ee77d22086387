// Timestamps as systemd's parse_timestamp() reads them for --since/--until: "now", "today",
// "yesterday", "tomorrow", "+5min"/"-5min", "5 min ago", "@EPOCH", "YYYY-MM-DD [HH:MM[:SS]]",
// "HH:MM[:SS]" (today), with an optional weekday in front and "UTC" at the end.

const UNITS: [string[], number][] = [
  [['usec', 'us', 'µs', 'μs'], 0.001],
  [['msec', 'ms'], 1],
  [['seconds', 'second', 'sec', 's'], 1000],
  [['minutes', 'minute', 'min', 'm'], 60_000],
  [['hours', 'hour', 'hr', 'h'], 3_600_000],
  [['days', 'day', 'd'], 86_400_000],
  [['weeks', 'week', 'w'], 604_800_000],
  [['months', 'month', 'M'], 2_629_800_000],
  [['years', 'year', 'y'], 31_557_600_000],
];

/** A span such as "5min 30s" or "2 h" in milliseconds; a bare number means seconds. */
export function parseSpan(text: string): number | undefined {
  const s = text.trim();
  if (s === '') return undefined;
  let total = 0;
  let i = 0;
  while (i < s.length) {
    while (s[i] === ' ') i++;
    if (i >= s.length) break;
    const num = /^\d+(?:\.\d+)?/.exec(s.slice(i));
    if (!num) return undefined;
    i += num[0].length;
    while (s[i] === ' ') i++;
    const unit = /^[a-zA-Zµμ]*/.exec(s.slice(i))![0];
    i += unit.length;
    if (unit === '') {
      total += Number(num[0]) * 1000;
      continue;
    }
    const hit = UNITS.find(([names]) => names.includes(unit));
    if (!hit) return undefined;
    total += Number(num[0]) * hit[1];
  }
  return total;
}

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/**
 * Epoch milliseconds for `text` relative to `now`, in the zone `offsetSec` east of UTC;
 * undefined when systemd would refuse it ("Failed to parse timestamp").
 */
export function parseTimestamp(text: string, now: number, offsetSec = 0): number | undefined {
  let t = text.trim();
  if (t === 'now') return now;
  const local = now + offsetSec * 1000;
  const midnight = local - (((local % 86_400_000) + 86_400_000) % 86_400_000) - offsetSec * 1000;
  if (t === 'today') return midnight;
  if (t === 'yesterday') return midnight - 86_400_000;
  if (t === 'tomorrow') return midnight + 86_400_000;
  if (t.startsWith('+')) {
    const span = parseSpan(t.slice(1));
    return span === undefined ? undefined : now + span;
  }
  if (t.startsWith('-')) {
    const span = parseSpan(t.slice(1));
    return span === undefined ? undefined : now - span;
  }
  if (t.endsWith(' ago')) {
    const span = parseSpan(t.slice(0, -4));
    return span === undefined ? undefined : now - span;
  }
  if (t.endsWith(' left')) {
    const span = parseSpan(t.slice(0, -5));
    return span === undefined ? undefined : now + span;
  }
  if (t.startsWith('@')) {
    const n = Number(t.slice(1));
    return Number.isFinite(n) && t.length > 1 ? Math.round(n * 1000) : undefined;
  }
  let zone = offsetSec;
  if (/ UTC$/i.test(t)) {
    zone = 0;
    t = t.slice(0, -4);
  }
  let weekday: number | undefined;
  const wd = /^([A-Za-z]+),? +/.exec(t);
  if (wd) {
    const idx = WEEKDAYS.findIndex((d) => wd[1]!.toLowerCase().startsWith(d));
    if (idx < 0) return undefined;
    weekday = idx;
    t = t.slice(wd[0].length);
  }
  const m = /^(?:(\d{2,4})-(\d{1,2})-(\d{1,2}))?(?:[ T]?(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?$/.exec(t);
  if (!m || (m[1] === undefined && m[4] === undefined)) return undefined;
  const today = new Date(now + zone * 1000);
  let year = m[1] !== undefined ? Number(m[1]) : today.getUTCFullYear();
  if (m[1] !== undefined && m[1].length === 2) year += 2000;
  const month = m[2] !== undefined ? Number(m[2]) : today.getUTCMonth() + 1;
  const day = m[3] !== undefined ? Number(m[3]) : today.getUTCDate();
  const hour = m[4] !== undefined ? Number(m[4]) : 0;
  const min = m[5] !== undefined ? Number(m[5]) : 0;
  const sec = m[6] !== undefined ? Number(m[6]) : 0;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || min > 59 || sec > 60) return undefined;
  const ms = Date.UTC(year, month - 1, day, hour, min, sec) + (m[7] ? Number(m[7].padEnd(3, '0').slice(0, 3)) : 0) - zone * 1000;
  if (weekday !== undefined && new Date(ms + zone * 1000).getUTCDay() !== weekday) return undefined;
  return ms;
}
