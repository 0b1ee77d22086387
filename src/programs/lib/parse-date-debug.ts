// date --debug: the lines parse_datetime writes on stderr while it reads a date (each item
// as it is parsed, the zone it settled on, the start value and every adjustment, the final
// value), worded as gnulib words them; parse-date.ts calls these when asked to explain.

/** Where the debug lines go, and what the caller knows about the zone (for 'input timezone'). */
export interface DateDebug {
  lines: string[];
  /** The TZ string in effect (the environment's, or UTC0 for date -u); undefined: none set. */
  tzString: string | undefined;
}

/** Broken-down time as the debug lines print it: the calendar year and a 0-based month. */
export interface DebugTm {
  year: number;
  mon: number;
  mday: number;
  hour: number;
  min: number;
  sec: number;
}

/** C's %0Nd: zero padding after the sign. */
export function padInt(n: number, width: number): string {
  const s = String(Math.abs(n)).padStart(n < 0 ? width - 1 : width, '0');
  return n < 0 ? `-${s}` : s;
}

const signed = (n: number): string => (n < 0 ? String(n) : `+${n}`);

/** time_zone_str: +HH, +HH:MM or +HH:MM:SS. */
export function timeZoneStr(zone: number): string {
  const hour = Math.abs(Math.trunc(zone / 3600));
  let s = `${zone < 0 ? '-' : '+'}${padInt(hour, 2)}`;
  const rest = Math.abs(zone % 3600);
  if (rest) {
    s += `:${padInt(Math.trunc(rest / 60), 2)}`;
    if (rest % 60) s += `:${padInt(rest % 60, 2)}`;
  }
  return s;
}

/** debug_strfdatetime: '(Y-M-D) Y-m-d H:M:S', with the parsed zone when one was given. */
export function strfDatetime(tm: DebugTm, zone?: number): string {
  const s = `(Y-M-D) ${padInt(tm.year, 4)}-${padInt(tm.mon + 1, 2)}-${padInt(tm.mday, 2)} ${padInt(tm.hour, 2)}:${padInt(tm.min, 2)}:${padInt(tm.sec, 2)}`;
  return zone === undefined ? s : `${s} TZ=${timeZoneStr(zone)}`;
}

export function strfDate(tm: DebugTm): string {
  return `(Y-M-D) ${padInt(tm.year, 4)}-${padInt(tm.mon + 1, 2)}-${padInt(tm.mday, 2)}`;
}

export function strfTime(tm: DebugTm): string {
  return `${padInt(tm.hour, 2)}:${padInt(tm.min, 2)}:${padInt(tm.sec, 2)}`;
}

const ORDINALS = ['last', 'this', 'next/first', '(SECOND)', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eight', 'ninth', 'tenth', 'eleventh', 'twelfth'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** str_days: 'last Mon', 'Fri' (the ordinal only when one was written). */
export function strDays(ordinal: number, day: number, ordinalSeen: boolean): string {
  let s = '';
  if (ordinalSeen) s = ordinal >= -1 && ordinal <= 12 ? ORDINALS[ordinal + 1]! : String(ordinal);
  if (day >= 0 && day <= 6) s += (s ? ' ' : '') + DAYS[day];
  return s;
}

export interface RelParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minutes: number;
  seconds: number;
  ns: number;
}

/** debug_print_relative_time's text after 'parsed ITEM part: '. */
export function relativeText(r: RelParts): string {
  const parts: [number, string][] = [[r.year, 'year(s)'], [r.month, 'month(s)'], [r.day, 'day(s)'], [r.hour, 'hour(s)'], [r.minutes, 'minutes'], [r.seconds, 'seconds'], [r.ns, 'nanoseconds']];
  const shown = parts.filter(([v]) => v !== 0).map(([v, name]) => `${signed(v)} ${name}`);
  return shown.length ? shown.join(' ') : 'today/this/now';
}

export const signedInt = signed;

/** debug_mktime_not_ok: the time asked for, what mktime made of it, and the likely reasons. */
export function mktimeNotOk(d: DateDebug, tm0: DebugTm, tm1: DebugTm, zone: number | undefined): void {
  const eq = {
    sec: tm0.sec === tm1.sec, min: tm0.min === tm1.min, hour: tm0.hour === tm1.hour,
    mday: tm0.mday === tm1.mday, mon: tm0.mon === tm1.mon, year: tm0.year === tm1.year,
  };
  d.lines.push('error: invalid date/time value:');
  d.lines.push(`    user provided time: '${strfDatetime(tm0, zone)}'`);
  d.lines.push(`       normalized time: '${strfDatetime(tm1, zone)}'`);
  const marks = [eq.year ? '' : '----', eq.mon ? '' : '--', eq.mday ? '' : '--', eq.hour ? '' : '--', eq.min ? '' : '--', eq.sec ? '' : '--'];
  const widths = [4, 2, 2, 2, 2, 2];
  d.lines.push(`${' '.repeat(33)}${marks.map((m, i) => m.padStart(widths[i]!)).join(' ')}`.replace(/ +$/, ''));
  d.lines.push('     possible reasons:');
  if (eq.sec && eq.min && !eq.hour && eq.mday && eq.mon && eq.year) d.lines.push('       nonexistent due to daylight-saving time;');
  if (!eq.mday && !eq.mon) d.lines.push('       invalid day/month combination;');
  d.lines.push('       numeric values overflow;');
  d.lines.push(`       ${zone !== undefined ? 'incorrect timezone' : 'missing timezone'}`);
}
