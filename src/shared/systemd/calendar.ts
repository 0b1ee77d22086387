// Calendar event expressions (src/shared/calendarspec.c, systemd 253): parsing
// "Mon..Fri *-*-* 10:00:00", the shorthands (daily, weekly ...), normalising to the canonical
// form, and finding the next elapse after a given time.
import { gmtime, type Zone } from './civil';
import { formatChain, type Component } from './calendar-format';
import { zoneKnown } from '../zone-core';

export type { Component };

export const BITS_WEEKDAYS = 127;
const MIN_YEAR = 1970;
const MAX_YEAR = 2199;
const COMPONENTS_MAX = 240;
const USEC_PER_SEC = 1_000_000;
const INT_MAX = 2147483647;

export interface CalendarSpec {
  /** Bit 0 = Monday ... bit 6 = Sunday; -1 = any day. */
  weekdays: number;
  endOfMonth: boolean;
  utc: boolean;
  /** -1 unknown, 0 standard time, 1 daylight time (a local zone name was given). */
  dst: number;
  /** A time zone named after the expression ("Europe/Berlin"): elapses are computed there. */
  timezone?: string;
  year: Component[] | null;
  month: Component[] | null;
  day: Component[] | null;
  hour: Component[] | null;
  minute: Component[] | null;
  /** Seconds in microseconds. */
  microsecond: Component[] | null;
}

const DAYS: [string, number][] = [
  ['Monday', 0], ['Mon', 0], ['Tuesday', 1], ['Tue', 1], ['Wednesday', 2], ['Wed', 2], ['Thursday', 3], ['Thu', 3],
  ['Friday', 4], ['Fri', 4], ['Saturday', 5], ['Sat', 5], ['Sunday', 6], ['Sun', 6],
];

export type CalendarError = 'EINVAL' | 'ERANGE' | 'ENOBUFS';

class Fail extends Error {
  constructor(public code: CalendarError) {
    super(code);
  }
}

function fail(code: CalendarError = 'EINVAL'): never {
  throw new Fail(code);
}

class Cursor {
  constructor(public s: string, public i = 0) {}
  /** The current character ('' at the end); a method, so checks do not narrow it. */
  ch(): string {
    return this.s[this.i] ?? '';
  }
  at(k: number): string {
    return this.s[this.i + k] ?? '';
  }
}

function parseWeekdays(p: Cursor, c: CalendarSpec): void {
  let l = -1;
  let first = true;
  for (;;) {
    const hit = DAYS.find(([name]) => p.s.slice(p.i, p.i + name.length).toLowerCase() === name.toLowerCase());
    if (!hit) {
      if (first) return;
      fail();
    }
    const [name, nr] = hit;
    if (!['', '-', '.', ',', ' '].includes(p.at(name.length))) fail();
    c.weekdays |= 1 << nr;
    if (l >= 0) {
      if (l > nr) fail();
      for (let j = l + 1; j < nr; j++) c.weekdays |= 1 << j;
    }
    p.i += name.length;
    if (p.ch() === '') return;
    if (p.ch() === ' ') {
      while (p.ch() === ' ') p.i++;
      return;
    }
    if (p.ch() === '.') {
      if (l >= 0 || p.at(1) !== '.') fail();
      l = nr;
      p.i += 2;
    } else if (p.ch() === '-') {
      if (l >= 0) fail();
      l = nr;
      p.i += 1;
    } else if (p.ch() === ',') {
      l = -1;
      p.i += 1;
    }
    if (p.ch() === '' || p.ch() === ' ') {
      while (p.ch() === ' ') p.i++;
      if (l >= 0) fail();
      return;
    }
    first = false;
  }
}

function parseNumber(p: Cursor): number {
  const m = /^\d+/.exec(p.s.slice(p.i));
  if (!m) fail();
  p.i += m[0].length;
  return Number(m[0]);
}

function parseDecimal(p: Cursor, usec: boolean): number {
  if (!/\d/.test(p.ch())) fail();
  let value = parseNumber(p);
  if (usec) {
    value *= USEC_PER_SEC;
    if (p.ch() === '.' && p.at(1) !== '.') {
      p.i++;
      // parse_fractional_part_u(6): six digits count, the seventh rounds, the rest are skipped
      const m = /^\d*/.exec(p.s.slice(p.i))![0];
      if (m === '') fail();
      p.i += m.length;
      value += Number(m.slice(0, 6).padEnd(6, '0')) + (m.length > 6 && m[6]! >= '5' ? 1 : 0);
    }
  }
  if (value > INT_MAX) fail('ERANGE');
  return value;
}

function parseComponents(p: Cursor, usec: boolean): Component[] {
  const out: Component[] = [];
  for (let nesting = 0; ; nesting++) {
    if (nesting > COMPONENTS_MAX) fail('ENOBUFS');
    const start = parseDecimal(p, usec);
    let stop = -1;
    let repeat = 0;
    if (p.ch() === '.' && p.at(1) === '.') {
      p.i += 2;
      stop = parseDecimal(p, usec);
      repeat = usec ? USEC_PER_SEC : 1;
    }
    if (p.ch() === '/') {
      p.i++;
      repeat = parseDecimal(p, usec);
      if (repeat === 0) fail('ERANGE');
    } else {
      if (start > INT_MAX - repeat) fail('ERANGE');
      if (usec && stop >= 0 && start + repeat > stop) fail();
    }
    if (!['', ' ', ',', '-', '~', ':'].includes(p.ch())) fail();
    out.unshift({ start, stop, repeat });
    if (p.ch() !== ',') return out;
    p.i++;
  }
}

function parseChain(p: Cursor, usec: boolean): Component[] | null {
  if (p.ch() === '*') {
    p.i++;
    return usec ? [{ start: 0, stop: -1, repeat: USEC_PER_SEC }] : null;
  }
  return parseComponents(p, usec);
}

/** true when the date part was "@SECONDS", which also fixes the time. */
function parseDate(p: Cursor, c: CalendarSpec): boolean {
  if (p.ch() === '') return false;
  if (p.ch() === '@') {
    p.i++;
    // strtoul(): blanks and a sign may come first; the value wraps to a signed time_t
    const m = /^[ \t\n\v\f\r]*([+-]?)(\d+)/.exec(p.s.slice(p.i));
    if (!m) fail();
    p.i += m[0].length;
    const TWO64 = 1n << 64n;
    let v = BigInt(m[2]!);
    if (v >= TWO64) fail('ERANGE');
    if (m[1] === '-') v = (TWO64 - v) % TWO64;
    const t = v >= 1n << 63n ? v - TWO64 : v;
    const days = t >= 0n ? t / 86400n : -((-t + 86399n) / 86400n);
    const tm = gmtime(Number(days) * 86400 + Number(t - days * 86400n));
    // gmtime_r() fails past an int tm_year; systemd refuses a year that overflows as well
    if (tm.year - 1900 < -2147483648 || tm.year > 2147483647) fail('ERANGE');
    c.utc = true;
    c.year = [{ start: tm.year, stop: -1, repeat: 0 }];
    c.month = [{ start: tm.mon + 1, stop: -1, repeat: 0 }];
    c.day = [{ start: tm.mday, stop: -1, repeat: 0 }];
    c.hour = [{ start: tm.hour, stop: -1, repeat: 0 }];
    c.minute = [{ start: tm.min, stop: -1, repeat: 0 }];
    c.microsecond = [{ start: tm.sec * USEC_PER_SEC, stop: -1, repeat: 0 }];
    return true;
  }
  const save = p.i;
  const first = parseChain(p, false);
  if (p.ch() === '' || p.ch() === ':') {
    p.i = save; // it was a time, not a date
    return false;
  }
  if (p.ch() === '~') c.endOfMonth = true;
  else if (p.ch() !== '-') fail();
  p.i++;
  const second = parseChain(p, false);
  if (p.ch() === '' || p.ch() === ' ') {
    while (p.ch() === ' ') p.i++;
    c.month = first;
    c.day = second;
    return false;
  }
  if (c.endOfMonth) fail();
  if (p.ch() === '~') c.endOfMonth = true;
  else if (p.ch() !== '-') fail();
  p.i++;
  const third = parseChain(p, false);
  if (p.ch() !== '' && p.ch() !== ' ') fail();
  while (p.ch() === ' ') p.i++;
  c.year = first;
  c.month = second;
  c.day = third;
  return false;
}

function parseTime(p: Cursor, c: CalendarSpec): void {
  const zero = (): Component[] => [{ start: 0, stop: -1, repeat: 0 }];
  if (p.ch() === '') {
    c.hour = zero();
    c.minute = zero();
    c.microsecond = zero();
    return;
  }
  const h = parseChain(p, false);
  if (p.ch() !== ':') fail();
  p.i++;
  const m = parseChain(p, false);
  let s: Component[] | null;
  if (p.ch() === '') s = zero();
  else {
    if (p.ch() !== ':') fail();
    p.i++;
    s = parseChain(p, true);
    if (p.ch() !== '') fail();
  }
  c.hour = h;
  c.minute = m;
  c.microsecond = s;
}

function normalizeChain(chain: Component[] | null): Component[] | null {
  if (!chain) return null;
  for (const i of chain) {
    if (i.stop > i.start && i.repeat > 0) i.stop -= (i.stop - i.start) % i.repeat;
    if ((i.stop > i.start && i.repeat > 0 && i.start + i.repeat > i.stop) || i.start === i.stop) {
      i.repeat = 0;
      i.stop = -1;
    }
  }
  const sorted = [...chain].sort((a, b) => a.start - b.start || a.stop - b.stop || a.repeat - b.repeat);
  return sorted.filter((x, k) => k === 0 || x.start !== sorted[k - 1]!.start || x.stop !== sorted[k - 1]!.stop || x.repeat !== sorted[k - 1]!.repeat);
}

function fixYear(chain: Component[] | null): void {
  for (const c of chain ?? []) {
    if (c.start >= 0 && c.start < 70) c.start += 2000;
    if (c.stop >= 0 && c.stop < 70) c.stop += 2000;
    if (c.start >= 70 && c.start < 100) c.start += 1900;
    if (c.stop >= 70 && c.stop < 100) c.stop += 1900;
  }
}

function chainValid(chain: Component[] | null, from: number, to: number, endOfMonth: boolean): boolean {
  if (endOfMonth) to -= 3;
  for (const c of chain ?? []) {
    if (c.start < from || c.start > to) return false;
    if (c.repeat > to - from) return false;
    if (c.stop >= 0) {
      if (c.stop < from || c.stop > to) return false;
      if (c.start + c.repeat > c.stop) return false;
    } else {
      if (endOfMonth && c.start - c.repeat < from) return false;
      if (!endOfMonth && c.start + c.repeat > to) return false;
    }
  }
  return true;
}

/** The named shorthands (learner input is looked up here, so a Map). */
const SHORTHANDS = new Map<string, (c: CalendarSpec) => void>();
{
  const z = (n: number): Component[] => [{ start: n, stop: -1, repeat: 0 }];
  const many = (...ns: number[]): Component[] => ns.map((n) => ({ start: n, stop: -1, repeat: 0 }));
  SHORTHANDS.set('minutely', (c) => void (c.microsecond = z(0)));
  SHORTHANDS.set('hourly', (c) => Object.assign(c, { minute: z(0), microsecond: z(0) }));
  SHORTHANDS.set('daily', (c) => Object.assign(c, { hour: z(0), minute: z(0), microsecond: z(0) }));
  SHORTHANDS.set('monthly', (c) => Object.assign(c, { day: z(1), hour: z(0), minute: z(0), microsecond: z(0) }));
  for (const k of ['annually', 'yearly', 'anually']) SHORTHANDS.set(k, (c) => Object.assign(c, { month: z(1), day: z(1), hour: z(0), minute: z(0), microsecond: z(0) }));
  SHORTHANDS.set('weekly', (c) => Object.assign(c, { weekdays: 1, hour: z(0), minute: z(0), microsecond: z(0) }));
  SHORTHANDS.set('quarterly', (c) => Object.assign(c, { month: many(10, 7, 4, 1), day: z(1), hour: z(0), minute: z(0), microsecond: z(0) }));
  for (const k of ['biannually', 'bi-annually', 'semiannually', 'semi-annually']) SHORTHANDS.set(k, (c) => Object.assign(c, { month: many(7, 1), day: z(1), hour: z(0), minute: z(0), microsecond: z(0) }));
}

/** tzname[j]: the local zone's standard (0) or daylight saving time (1) abbreviation. */
function tzname(zone: Zone, j: number): string {
  return (j === 0 ? zone.name : zone.dstName) ?? '';
}

/** Which of tzname[0], tzname[1] ends the expression after a blank; -1 for neither. */
function localZoneSuffix(p: string, zone: Zone): number {
  for (const j of [0, 1]) {
    const name = tzname(zone, j);
    if (name !== '' && p.length > name.length && p.toLowerCase().endsWith(` ${name.toLowerCase()}`)) return j;
  }
  return -1;
}

/** calendar_spec_from_string(): the spec, or undefined when systemd fails. */
export function parseCalendarSpec(input: string, zone: Zone): CalendarSpec | undefined {
  const r = parseCalendarSpecOrError(input, zone);
  return typeof r === 'string' ? undefined : r;
}

/** calendar_spec_from_string(): the spec, or the errno name systemd fails with. */
export function parseCalendarSpecOrError(input: string, zone: Zone): CalendarSpec | CalendarError {
  const c: CalendarSpec = { weekdays: 0, endOfMonth: false, utc: false, dst: -1, year: null, month: null, day: null, hour: null, minute: null, microsecond: null };
  let p = input;
  if (p.toLowerCase().endsWith(' utc')) {
    c.utc = true;
    p = p.slice(0, -4);
  } else if (localZoneSuffix(p, zone) >= 0) {
    c.dst = localZoneSuffix(p, zone);
    p = p.slice(0, -(tzname(zone, c.dst).length + 1));
  } else {
    const space = p.lastIndexOf(' ');
    if (space >= 0 && zoneKnown(p.slice(space + 1))) {
      c.timezone = p.slice(space + 1);
      p = p.slice(0, space);
    }
  }
  if (p === '') return 'EINVAL';
  try {
    const short = SHORTHANDS.get(p.toLowerCase());
    if (short) short(c);
    else {
      const cur = new Cursor(p);
      parseWeekdays(cur, c);
      if (!parseDate(cur, c)) parseTime(cur, c);
      if (cur.i !== p.length) return 'EINVAL';
    }
  } catch (e) {
    if (e instanceof Fail) return e.code;
    throw e;
  }
  if (c.weekdays <= 0 || c.weekdays >= BITS_WEEKDAYS) c.weekdays = -1;
  if (c.endOfMonth && !c.day) c.endOfMonth = false;
  fixYear(c.year);
  c.year = normalizeChain(c.year);
  c.month = normalizeChain(c.month);
  c.day = normalizeChain(c.day);
  c.hour = normalizeChain(c.hour);
  c.minute = normalizeChain(c.minute);
  c.microsecond = normalizeChain(c.microsecond);
  const valid =
    chainValid(c.year, MIN_YEAR, MAX_YEAR, false) && chainValid(c.month, 1, 12, false) && chainValid(c.day, 1, 31, c.endOfMonth) &&
    chainValid(c.hour, 0, 23, false) && chainValid(c.minute, 0, 59, false) && chainValid(c.microsecond, 0, 60 * USEC_PER_SEC - 1, false);
  return valid ? c : 'EINVAL';
}

const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function formatWeekdays(bits: number): string {
  let out = '';
  let l = -1;
  let x = 0;
  for (; x < 7; x++) {
    if (bits & (1 << x)) {
      if (l < 0) {
        out += (out ? ',' : '') + DAY_NAMES[x];
        l = x;
      }
    } else if (l >= 0) {
      if (x > l + 1) out += (x > l + 2 ? '..' : ',') + DAY_NAMES[x - 1];
      l = -1;
    }
  }
  if (l >= 0 && x > l + 1) out += (x > l + 2 ? '..' : ',') + DAY_NAMES[x - 1];
  return out;
}

/** calendar_spec_to_string(): the normalised form. */
export function formatCalendarSpec(c: CalendarSpec, zone: Zone): string {
  let s = c.weekdays > 0 && c.weekdays <= BITS_WEEKDAYS ? `${formatWeekdays(c.weekdays)} ` : '';
  s += `${formatChain(4, c.year, false)}-${formatChain(2, c.month, false)}${c.endOfMonth ? '~' : '-'}${formatChain(2, c.day, false)} `;
  s += `${formatChain(2, c.hour, false)}:${formatChain(2, c.minute, false)}:${formatChain(2, c.microsecond, true)}`;
  if (c.utc) s += ' UTC';
  else if (c.timezone) s += ` ${c.timezone}`;
  else if (c.dst === 0 || c.dst === 1) s += tzname(zone, c.dst) ? ` ${tzname(zone, c.dst)}` : '';
  return s;
}

export { nextElapse } from './calendar-next';
