// When a calendar spec next elapses (find_next and calendar_spec_next_usec in
// src/shared/calendarspec.c): walk from the year down to the second, bumping the next larger
// field whenever a smaller one has no match left, with mktime() normalising out-of-range dates.
import { gmtime, localtime, type Tm, type Zone } from './civil';
import { mktimeIn, mktimeOffset, resetMktime } from './mktime';
import type { CalendarSpec } from './calendar';
import type { Component } from './calendar-format';
import { offsetZone } from '../zone-core';

const MAX_YEAR = 2199;
const MAX_ITERATIONS = 1000;
const USEC_PER_SEC = 1_000_000;
const FORMATTABLE_MAX = 253402214399 * USEC_PER_SEC;

/** mktime() on a copy of `tm`, as tm.isdst says; the copy comes back normalised. */
function normalised(tm: Tm, zone: Zone, utc: boolean): Tm {
  const t = { ...tm };
  mktimeIn(t, zone, utc);
  return t;
}

function findEndOfMonth(tm: Tm, zone: Zone, utc: boolean, day: number): number {
  const t = normalised({ ...tm, mon: tm.mon + 1, mday: 1 - day }, zone, utc);
  return t.mon !== tm.mon ? -1 : t.mday;
}

/** The earliest value >= val that the chain allows; undefined when none (ENOENT). */
function findMatching(spec: CalendarSpec, chain: Component[] | null, tm: Tm, val: number, zone: Zone): { val: number; changed: boolean } | undefined {
  if (!chain) return { val, changed: false };
  const endOfMonth = spec.endOfMonth && chain === spec.day;
  let d = -1;
  let dSet = false;
  for (const c of chain) {
    let start = c.start;
    let stop = c.stop;
    if (endOfMonth) {
      start = findEndOfMonth(tm, zone, spec.utc, c.start);
      stop = findEndOfMonth(tm, zone, spec.utc, c.stop);
      if (stop > 0) [start, stop] = [stop, start];
    }
    if (start >= val) {
      if (!dSet || start < d) {
        d = start;
        dSet = true;
      }
    } else if (c.repeat > 0) {
      const k = start + c.repeat * Math.ceil((val - start) / c.repeat);
      if ((!dSet || k < d) && (stop < 0 || k <= stop)) {
        d = k;
        dSet = true;
      }
    }
  }
  if (!dSet) return undefined;
  return { val: d, changed: d !== val };
}

/** tm_within_bounds(): 1 unchanged, 0 normalised forward (tm updated), -1 out of range. */
function withinBounds(tm: Tm, zone: Zone, utc: boolean): number {
  if (tm.year > MAX_YEAR) return -1;
  const t = normalised(tm, zone, utc);
  let cmp: number;
  if ((cmp = Math.sign(t.year - tm.year)) !== 0) t.mon = 0;
  else if ((cmp = Math.sign(t.mon - tm.mon)) !== 0) t.mday = 1;
  else if ((cmp = Math.sign(t.mday - tm.mday)) !== 0) t.hour = 0;
  else if ((cmp = Math.sign(t.hour - tm.hour)) !== 0) t.min = 0;
  else if ((cmp = Math.sign(t.min - tm.min)) !== 0) t.sec = 0;
  else cmp = Math.sign(t.sec - tm.sec);
  if (cmp < 0) return -1;
  if (cmp > 0) Object.assign(tm, t);
  return cmp === 0 ? 1 : 0;
}

function matchesWeekday(bits: number, tm: Tm, zone: Zone, utc: boolean): boolean {
  if (bits < 0 || bits >= 127) return true;
  const t = normalised(tm, zone, utc);
  const k = t.wday === 0 ? 6 : t.wday - 1;
  return (bits & (1 << k)) !== 0;
}

function compareTm(a: Tm, b: Tm): number {
  return Math.sign(a.year - b.year) || Math.sign(a.mon - b.mon) || Math.sign(a.mday - b.mday) || Math.sign(a.hour - b.hour) || Math.sign(a.min - b.min) || Math.sign(a.sec - b.sec);
}

function findNext(spec: CalendarSpec, start: Tm, startUsec: number, zone: Zone): { tm: Tm; usec: number } | 'ENOENT' | 'EDEADLK' {
  const utc = spec.utc;
  let c: Tm = { ...start };
  let usec = startUsec;
  const reset = (from: 'mon' | 'mday' | 'hour' | 'min' | 'sec'): void => {
    const order = ['mon', 'mday', 'hour', 'min', 'sec'] as const;
    for (const f of order.slice(order.indexOf(from))) c[f] = f === 'mday' ? 1 : 0;
    usec = 0;
  };
  // once a match fell before the start (a wall time that repeats as the clocks go back), the
  // search moves on an hour and keeps the isdst that normalising finds from then on
  let keepDst = false;
  for (let it = 0; it < MAX_ITERATIONS; it++) {
    c = normalised(c, zone, utc);
    if (!keepDst) c.isdst = spec.dst;
    let m = findMatching(spec, spec.year, c, c.year, zone);
    if (!m) return 'ENOENT';
    c.year = m.val;
    if (m.changed) reset('mon');
    if (withinBounds(c, zone, utc) <= 0) return 'ENOENT';

    m = findMatching(spec, spec.month, c, c.mon + 1, zone);
    if (m) {
      c.mon = m.val - 1;
      if (m.changed) reset('mday');
    }
    let r = m ? withinBounds(c, zone, utc) : -1;
    if (r < 0) {
      c.year++;
      reset('mon');
      continue;
    }
    if (r === 0) continue;

    m = findMatching(spec, spec.day, c, c.mday, zone);
    if (m) {
      c.mday = m.val;
      if (m.changed) reset('hour');
    }
    r = m ? withinBounds(c, zone, utc) : -1;
    if (r < 0) {
      c.mon++;
      reset('mday');
      continue;
    }
    if (r === 0) continue;

    if (!matchesWeekday(spec.weekdays, c, zone, utc)) {
      c.mday++;
      reset('hour');
      continue;
    }

    m = findMatching(spec, spec.hour, c, c.hour, zone);
    if (m) {
      c.hour = m.val;
      if (m.changed) reset('min');
    }
    r = m ? withinBounds(c, zone, utc) : -1;
    if (r < 0) {
      c.mday++;
      reset('hour');
      continue;
    }
    if (r === 0) continue;

    m = findMatching(spec, spec.minute, c, c.min, zone);
    if (m) {
      c.min = m.val;
      if (m.changed) reset('sec');
    }
    r = m ? withinBounds(c, zone, utc) : -1;
    if (r < 0) {
      c.hour++;
      reset('min');
      continue;
    }
    if (r === 0) continue;

    m = findMatching(spec, spec.microsecond, c, c.sec * USEC_PER_SEC + usec, zone);
    if (m) {
      usec = m.val % USEC_PER_SEC;
      c.sec = Math.floor(m.val / USEC_PER_SEC);
    }
    r = m ? withinBounds(c, zone, utc) : -1;
    if (r < 0) {
      c.min++;
      reset('sec');
      continue;
    }
    if (r === 0) continue;
    const order = compareTm(c, start) || Math.sign(usec - startUsec);
    if (order < 0) {
      c.hour++;
      keepDst = true;
      continue;
    }
    return { tm: c, usec };
  }
  return 'EDEADLK';
}

/** calendar_spec_next_usec(): the first elapse strictly after `usec` (microseconds). */
export function nextElapse(spec: CalendarSpec, usec: number, localZone: Zone): number | 'ENOENT' | 'EINVAL' | 'EDEADLK' {
  if (usec > FORMATTABLE_MAX) return 'EINVAL';
  // a zone named in the expression replaces the local one (systemd computes it under TZ=)
  const zone = (spec.timezone !== undefined ? offsetZone(spec.timezone) : undefined) ?? localZone;
  const u = usec + 1;
  const t = Math.floor(u / USEC_PER_SEC);
  const tm = spec.utc ? gmtime(t) : localtime(t, zone);
  // systemd works in a child for a named zone: the parent's mktime() state stays as it was
  const saved = mktimeOffset();
  const r = findNext(spec, tm, u % USEC_PER_SEC, zone);
  const next = typeof r === 'string' ? r : mktimeIn({ ...r.tm }, zone, spec.utc) * USEC_PER_SEC + r.usec;
  if (spec.timezone !== undefined) resetMktime(saved);
  return next;
}
