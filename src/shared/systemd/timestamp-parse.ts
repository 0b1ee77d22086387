// parse_timestamp() of src/basic/time-util.c: "2012-09-22 16:34:22", "16:34", "today",
// "yesterday", "+5min", "5min ago", "@1700000000", with an optional weekday in front and
// " UTC" or the local zone's name behind. Microseconds since the epoch (numbers).
import { zoneKnown } from '../zone-core';
import { localtime, type Tm, type Zone } from './civil';
import { mktimeIn } from './mktime';
import { parseTimespan } from './time-span';

const USEC_PER_SEC = 1_000_000;
const FORMATTABLE_MAX = 253402214399 * USEC_PER_SEC;
const DAYS: [string, number][] = [
  ['Sunday', 0], ['Sun', 0], ['Monday', 1], ['Mon', 1], ['Tuesday', 2], ['Tue', 2], ['Wednesday', 3], ['Wed', 3],
  ['Thursday', 4], ['Thu', 4], ['Friday', 5], ['Fri', 5], ['Saturday', 6], ['Sat', 6],
];
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** A small strptime() for the directives parse_timestamp uses; index after the match, or -1. */
function strptime(s: string, format: string, tm: Tm): number {
  let i = 0;
  for (let f = 0; f < format.length; f++) {
    const fc = format[f]!;
    if (fc === ' ') {
      while (s[i] === ' ' || s[i] === '\t') i++;
      continue;
    }
    if (fc !== '%') {
      if (s[i] !== fc) return -1;
      i++;
      continue;
    }
    const d = format[++f]!;
    while (s[i] === ' ') i++;
    if (d === 'b') {
      const rest = s.slice(i).toLowerCase();
      const m = MONTHS.findIndex((name) => rest.startsWith(name) || rest.startsWith(name.slice(0, 3)));
      if (m < 0) return -1;
      i += rest.startsWith(MONTHS[m]!) ? MONTHS[m]!.length : 3;
      tm.mon = m;
      continue;
    }
    const width = d === 'Y' ? 4 : 2;
    const m = new RegExp(`^[0-9]{1,${width}}`).exec(s.slice(i));
    if (!m) return -1;
    const v = Number(m[0]);
    i += m[0].length;
    switch (d) {
      case 'y': tm.year = v < 69 ? 2000 + v : 1900 + v; break;
      case 'Y': tm.year = v; break;
      case 'm': if (v < 1 || v > 12) return -1; tm.mon = v - 1; break;
      case 'd': if (v < 1 || v > 31) return -1; tm.mday = v; break;
      case 'H': if (v > 23) return -1; tm.hour = v; break;
      case 'M': if (v > 59) return -1; tm.min = v; break;
      case 'S': if (v > 61) return -1; tm.sec = v; break;
      default: return -1;
    }
  }
  return i;
}

/** parse_timestamp(): microseconds, or undefined for EINVAL. `now` in microseconds. */
export function parseTimestamp(input: string, now: number, zone: Zone): number | undefined {
  let t = input;
  const span = (s: string): number | undefined => {
    const r = parseTimespan(s);
    return typeof r === 'bigint' ? Number(r) : undefined;
  };
  if (t.startsWith('@')) return span(t.slice(1));
  let ret = now;
  let plus = 0;
  let minus = 0;
  let utc = false;
  let isdst: boolean | undefined;
  const finish = (): number | undefined => {
    ret += plus;
    if (ret > FORMATTABLE_MAX || ret < minus) return undefined;
    return ret - minus;
  };
  if (t === 'now') return finish();
  if (t.startsWith('+') || t.startsWith('-')) {
    const v = span(t.slice(1));
    if (v === undefined) return undefined;
    if (t.startsWith('+')) plus = v;
    else minus = v;
    return finish();
  }
  if (t.endsWith(' ago') || t.endsWith(' left')) {
    const ago = t.endsWith(' ago');
    const v = span(t.slice(0, ago ? -4 : -5));
    if (v === undefined) return undefined;
    if (ago) minus = v;
    else plus = v;
    return finish();
  }
  if (t.toLowerCase().endsWith(' utc')) {
    utc = true;
    t = t.slice(0, -4);
  } else {
    // a zone file's name after the time ("Europe/Berlin", "EST") is refused (systemd 252
    // parses it in a child that fails); the local zone's standard or daylight abbreviation
    // (tzname[0], tzname[1]) may follow, and says whether daylight saving time is meant
    const last = t.slice(t.lastIndexOf(' ') + 1);
    if (t.includes(' ') && zoneKnown(last)) return undefined;
    for (const [name, dst] of [[zone.name, false], [zone.dstName ?? '', true]] as const) {
      if (name !== '' && t.length > name.length + 1 && t.toLowerCase().endsWith(` ${name.toLowerCase()}`)) {
        t = t.slice(0, -(name.length + 1));
        if (zone.offsetAt) isdst = dst;
        break;
      }
    }
  }
  const base = utc ? localtime(Math.floor(ret / USEC_PER_SEC), { name: 'UTC', offset: 0 }) : localtime(Math.floor(ret / USEC_PER_SEC), zone);
  base.isdst = isdst === undefined ? -1 : isdst ? 1 : 0;
  let tm: Tm = { ...base };
  let usec = 0;
  let weekday = -1;
  const fromTm = (): number | undefined => {
    const secs = mktimeIn(tm, zone, utc);
    if (weekday >= 0 && tm.wday !== weekday) return undefined;
    if (secs < 0) return undefined;
    ret = secs * USEC_PER_SEC + usec;
    if (ret > FORMATTABLE_MAX) return undefined;
    return finish();
  };
  if (t === 'today' || t === 'yesterday' || t === 'tomorrow') {
    tm.mday += t === 'yesterday' ? -1 : t === 'tomorrow' ? 1 : 0;
    tm.hour = tm.min = tm.sec = 0;
    return fromTm();
  }
  for (const [name, nr] of DAYS) {
    if (t.slice(0, name.length).toLowerCase() === name.toLowerCase() && t[name.length] === ' ') {
      weekday = nr;
      t = t.slice(name.length + 1);
      break;
    }
  }
  const attempts: [string, boolean, 'none' | 'sec' | 'time'][] = [
    ['%y-%m-%d %H:%M:%S', true, 'none'], ['%Y-%m-%d %H:%M:%S', true, 'none'], ['%b %d %H:%M:%S', true, 'none'],
    ['%y-%m-%d %H:%M', false, 'sec'], ['%Y-%m-%d %H:%M', false, 'sec'], ['%y-%m-%d', false, 'time'], ['%Y-%m-%d', false, 'time'],
    ['%H:%M:%S', true, 'none'], ['%H:%M', false, 'sec'],
  ];
  for (const [format, fraction, zero] of attempts) {
    tm = { ...base };
    const k = strptime(t, format, tm);
    if (k < 0) continue;
    if (fraction && t[k] === '.') {
      const digits = /^[0-9]+$/.exec(t.slice(k + 1));
      if (!digits) return undefined;
      usec = Number(digits[0].slice(0, 6).padEnd(6, '0')) + (digits[0].length > 6 && digits[0][6]! >= '5' ? 1 : 0);
      return fromTm();
    }
    if (k !== t.length) continue;
    if (zero === 'sec') tm.sec = 0;
    if (zero === 'time') tm.hour = tm.min = tm.sec = 0;
    return fromTm();
  }
  return undefined;
}
