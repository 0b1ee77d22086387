// The calendar arithmetic and layout of util-linux cal (misc-utils/cal.c): a month is 42 day
// slots (six weeks), the Julian calendar runs until the reform year (1752 by default, whose
// September loses the 3rd to the 13th), week numbers are US or ISO-8601, and every line is
// padded to the full width of its months.

export const REFORM_GREGORIAN = -2147483648;
export const REFORM_JULIAN = 2147483647;
const SEPTEMBER = 9;
const MISSING = 11;
const YDAY_AFTER_MISSING = 258;
const MAXDAYS = 42;
const SPACE = -1;
export const WEEK_ISO = 0x100;
export const WEEK_US = 0x200;
export const WEEK_MASK = 0xff;

const DAYS = [
  [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31],
  [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31],
];

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ABBR_DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export interface CalSettings {
  reform: number;
  weekstart: number;
  /** 0, or WEEK_US/WEEK_ISO with the week to highlight in the low byte */
  weektype: number;
  julian: boolean;
  dayWidth: number;
  weekWidth: number;
  gutter: number;
  monthsInRow: number;
  numMonths: number;
  spanMonths: boolean;
  headerYear: boolean;
  headerHint: boolean;
  vertical: boolean;
  reqDay: number;
  reqMonth: number;
  reqYear: number;
  startMonth: number;
  /** standout sequences for today (empty when not highlighting) */
  enter: string;
  exit: string;
}

export function leapYear(s: Pick<CalSettings, 'reform'>, year: number): number {
  if (year <= s.reform) return year % 4 === 0 ? 1 : 0;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 1 : 0;
}

export function daysInMonth(s: Pick<CalSettings, 'reform'>, year: number, month: number): number {
  return DAYS[leapYear(s, year)]![month]!;
}

export function dayInYear(s: Pick<CalSettings, 'reform'>, day: number, month: number, year: number): number {
  const leap = leapYear(s, year);
  for (let i = 1; i < month; i++) day += DAYS[leap]![i]!;
  return day;
}

const mod7 = (n: number): number => ((n % 7) + 7) % 7;
const cdiv = (a: number, b: number): number => Math.trunc(a / b);

/** 0-based weekday (Sunday 0); 7 for the days the reform removed. */
export function dayInWeek(s: Pick<CalSettings, 'reform'>, day: number, month: number, year: number): number {
  const reform = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
  const old = [5, 1, 0, 3, 5, 1, 3, 6, 2, 4, 0, 2];
  if (year !== s.reform + 1) year -= month < 3 ? 1 : 0;
  else year -= (month < 3 ? 1 : 0) + 14;
  if (s.reform < year || (year === s.reform && month > SEPTEMBER) || (year === s.reform && month === SEPTEMBER && day > 13)) {
    return (year + cdiv(year, 4) - cdiv(year, 100) + cdiv(year, 400) + reform[month - 1]! + day) % 7;
  }
  if (year < s.reform || (year === s.reform && month < SEPTEMBER) || (year === s.reform && month === SEPTEMBER && day < 3)) {
    return (year + cdiv(year, 4) + old[month - 1]! + day) % 7;
  }
  return 7;
}

export function weekNumber(s: CalSettings, day: number, month: number, year: number): number {
  const wday = dayInWeek(s, 1, 1, year);
  let fday = s.weektype & WEEK_ISO ? wday + (wday >= 5 ? -2 : 5) : wday + 6;
  if (day > 31) month = 1;
  const yday = dayInYear(s, day, month, year);
  if (year === s.reform && yday >= YDAY_AFTER_MISSING) fday -= MISSING;
  if (yday + fday < 7) return weekNumber(s, 31, 12, year - 1);
  if (s.weektype === WEEK_ISO && yday >= 363) {
    const d = dayInWeek(s, day, month, year);
    const last = dayInWeek(s, 31, 12, year);
    if (d >= 1 && d <= 3 && last >= 1 && last <= 3) return weekNumber(s, 1, 1, year + 1);
  }
  return cdiv(yday + fday, 7);
}

/** The day of the year the requested week starts on (at least 1). */
export function weekToDay(s: CalSettings, week: number): number {
  const wday = dayInWeek(s, 1, 1, s.reqYear);
  let yday = week * 7 - wday;
  if (s.reqYear === s.reform && yday >= YDAY_AFTER_MISSING) yday += MISSING;
  if (s.weektype & WEEK_ISO) yday -= wday >= 5 ? -2 : 5;
  else yday -= 6;
  return yday <= 0 ? 1 : yday;
}

interface Month {
  month: number;
  year: number;
  days: number[];
  weeks: number[];
}

function fillMonth(s: CalSettings, month: number, year: number): Month {
  let first = dayInWeek(s, 1, month, year);
  let j = s.julian ? dayInYear(s, 1, month, year) : 1;
  let monthDays = j + daysInMonth(s, year, month);
  if (s.weekstart) {
    first -= s.weekstart;
    if (first < 0) first = 7 - s.weekstart;
    monthDays += s.weekstart - 1;
  }
  const days: number[] = [];
  let blankTail = 0;
  for (let i = 0; i < MAXDAYS; i++) {
    if (first > 0) {
      days.push(SPACE);
      first--;
      continue;
    }
    if (j < monthDays) {
      if (year === s.reform && month === SEPTEMBER && (j === 3 || j === 247)) j += MISSING;
      days.push(j++);
      continue;
    }
    days.push(SPACE);
    blankTail++;
  }
  const weeks: number[] = [];
  if (s.weektype) {
    let weeknum = weekNumber(s, 1, month, year);
    let lines = MAXDAYS / 7 - cdiv(blankTail, 7);
    for (let i = 0; i < MAXDAYS / 7; i++) {
      if (lines > 0) {
        if (weeknum > 52) weeknum = weekNumber(s, days[i * 7]!, month, year);
        weeks.push(weeknum++);
      } else weeks.push(SPACE);
      lines--;
    }
  }
  return { month, year, days, weeks };
}

/** mbsalign in a single-byte locale: cut to `width`, then pad (centred: the odd space leads). */
export function center(text: string, width: number): string {
  const t = text.slice(0, width);
  const n = width - t.length;
  return ' '.repeat(n - (n >> 1)) + t + ' '.repeat(n >> 1);
}
const left = (text: string, width: number): string => text.slice(0, width).padEnd(width);
const num = (n: number, w: number): string => String(n).padStart(w);

export function dayHeadings(s: CalSettings): string {
  return weekdays(s).map((d) => center(d, s.dayWidth - 1)).join(' ');
}

function weekdays(s: CalSettings): string[] {
  return Array.from({ length: 7 }, (_, i) => ABBR_DAYS[(i + s.weekstart) % 7]!);
}

/** Whether a month name and the year need two header lines to fit. */
export function needsHint(s: CalSettings): boolean {
  const yearLen = String(s.reqYear).padStart(4, '0').length;
  return MONTHS.some((m) => s.weekWidth < m.length + yearLen);
}

const y4 = (y: number): string => (y < 0 ? `-${String(-y).padStart(3, '0')}` : String(y).padStart(4, '0'));

function header(s: CalSettings, row: Month[], out: string[]): void {
  const gut = (i: number): string => (i < row.length - 1 ? ' '.repeat(s.gutter) : '');
  let line = '';
  if (s.headerHint || s.headerYear) {
    row.forEach((m, i) => (line += center(MONTHS[m.month - 1]!, s.weekWidth) + gut(i)));
    if (!s.headerYear) {
      line += '\n';
      row.forEach((m, i) => (line += center(y4(m.year), s.weekWidth) + gut(i)));
    }
  } else row.forEach((m, i) => (line += center(`${MONTHS[m.month - 1]!} ${y4(m.year)}`, s.weekWidth) + gut(i)));
  out.push(line + '\n');
  line = '';
  const heads = dayHeadings(s);
  row.forEach((_, i) => {
    if (s.weektype) line += ' '.repeat(s.julian ? s.dayWidth - 1 : s.dayWidth);
    line += heads + gut(i);
  });
  out.push(line + '\n');
}

function requestedDay(s: CalSettings, m: Month): number {
  if (m.month !== s.reqMonth || m.year !== s.reqYear) return 0;
  return s.julian ? s.reqDay : s.reqDay + 1 - dayInYear(s, 1, m.month, m.year);
}

function body(s: CalSettings, row: Month[], out: string[]): void {
  const hw = s.julian ? 3 : 2;
  for (let w = 0; w < MAXDAYS / 7; w++) {
    let line = '';
    row.forEach((m, i) => {
      const req = requestedDay(s, m);
      let skip: number;
      if (s.weektype) {
        const wk = m.weeks[w]!;
        if (wk > 0) line += (s.weektype & WEEK_MASK) === wk ? `${s.enter}${num(wk, 2)}${s.exit}` : num(wk, 2);
        else line += '  ';
        skip = s.dayWidth;
      } else skip = s.dayWidth - 1;
      for (let d = w * 7; d < w * 7 + 7; d++) {
        const day = m.days[d]!;
        if (day > 0) line += req === day ? `${' '.repeat(Math.max(0, skip - hw))}${s.enter}${num(day, hw)}${s.exit}` : num(day, skip);
        else line += ' '.repeat(skip);
        if (skip < s.dayWidth) skip++;
      }
      if (i < row.length - 1) line += ' '.repeat(s.gutter);
    });
    out.push(line + '\n');
  }
}

function vertHeader(s: CalSettings, row: Month[], out: string[]): void {
  const mw = s.dayWidth * (MAXDAYS / 7);
  const gut = ' '.repeat(s.gutter);
  let line = ' '.repeat(s.dayWidth + 1);
  if (s.headerHint || s.headerYear) {
    for (const m of row) line += left(MONTHS[m.month - 1]!, mw) + gut;
    if (!s.headerYear) {
      line += '\n' + ' '.repeat(s.dayWidth + 1);
      for (const m of row) line += left(y4(m.year), mw) + gut;
    }
  } else for (const m of row) line += left(`${MONTHS[m.month - 1]!} ${y4(m.year)}`, mw) + gut;
  out.push(line + '\n');
}

function vertBody(s: CalSettings, row: Month[], out: string[]): void {
  const hw = s.julian ? 3 : 2;
  const names = weekdays(s);
  let skip = s.dayWidth;
  for (let i = 0; i < 7; i++) {
    let line = left(names[i]!, s.dayWidth - 1);
    row.forEach((m, mi) => {
      const req = requestedDay(s, m);
      for (let w = 0; w < MAXDAYS / 7; w++) {
        const day = m.days[i + 7 * w]!;
        if (day > 0) line += req === day ? `${' '.repeat(Math.max(0, skip - hw))}${s.enter}${num(day, hw)}${s.exit}` : num(day, skip);
        else line += ' '.repeat(skip);
        skip = s.dayWidth;
      }
      if (mi < row.length - 1) line += ' '.repeat(s.gutter);
    });
    out.push(line + '\n');
  }
  if (!s.weektype) return;
  let line = ' '.repeat(s.dayWidth - 1);
  row.forEach((m, mi) => {
    for (let w = 0; w < MAXDAYS / 7; w++) {
      const wk = m.weeks[w]!;
      if (wk > 0) line += (s.weektype & WEEK_MASK) === wk ? `${s.enter}${num(wk, skip - hw)}${s.exit}` : num(wk, skip);
      else line += ' '.repeat(skip);
    }
    if (mi < row.length - 1) line += ' '.repeat(s.gutter);
  });
  out.push(line + '\n');
}

/** The months: rows of up to monthsInRow, starting at the requested (or spanned) month. */
export function monthly(s: CalSettings, out: string[]): void {
  let month = s.startMonth || s.reqMonth;
  let year = s.reqYear;
  if (s.spanMonths) {
    let m = month - Math.trunc(s.numMonths / 2);
    if (m < 1) {
      m = -m;
      year -= Math.trunc(m / 12) + 1;
      if (m > 12) m %= 12;
      month = 12 - m;
    } else month = m;
  }
  const perRow = Math.min(s.monthsInRow, 3);
  const rows = Math.trunc((s.numMonths - 1) / s.monthsInRow);
  for (let r = 0; r <= rows; r++) {
    let count = perRow;
    if (r === rows) {
      const rest = s.numMonths % s.monthsInRow;
      if (rest === 1) count = 1;
      else if (rest === 2) count = Math.min(count, 2);
    }
    const row: Month[] = [];
    for (let k = 0; k < count; k++) {
      row.push(fillMonth(s, month++, year));
      if (month > 12) {
        year++;
        month = 1;
      }
    }
    if (s.vertical) {
      if (r > 0) out.push('\n');
      vertHeader(s, row, out);
      vertBody(s, row, out);
    } else {
      header(s, row, out);
      body(s, row, out);
    }
  }
}

export function yearly(s: CalSettings, out: string[]): void {
  if (s.headerYear) {
    const width = s.monthsInRow * s.weekWidth + (s.monthsInRow - 1) * s.gutter;
    out.push(center(y4(s.reqYear), width) + '\n\n');
  }
  monthly(s, out);
}
