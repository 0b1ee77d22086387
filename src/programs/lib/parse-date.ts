// gnulib parse_datetime (2022, as coreutils 9.1 ships it) for `date -d`: the same lexer,
// the same grammar (its LALR choices made by hand below: a signed number after a time is a
// zone offset, so '10:30 -1 day' means 10:30 at -01:00 plus one day) and the same
// arithmetic (calendar items first, then days, then months/years with mktime's overflow,
// then the zone, then hours/minutes/seconds). The local zone may change with DST (see tz.ts).
import {
  mktimeNotOk, padInt, relativeText, signedInt, strDays, strfDate, strfDatetime, strfTime, timeZoneStr, type DateDebug, type DebugTm,
} from './parse-date-debug';
import { lexDate, type Tok } from './parse-date-lex';
import { localtime, mktime, parseTz, type TimeZone } from './tz';

export interface Timespec {
  sec: number;
  ns: number;
}

interface Rel {
  year: number;
  month: number;
  day: number;
  hour: number;
  minutes: number;
  seconds: number;
  ns: number;
}

const REL0 = (): Rel => ({ year: 0, month: 0, day: 0, hour: 0, minutes: 0, seconds: 0, ns: 0 });

class Fail extends Error {}

interface Pc {
  year: { value: number; digits: number };
  month: number;
  day: number;
  hour: number;
  minutes: number;
  sec: number;
  ns: number;
  meridian: 'am' | 'pm' | '24';
  rel: Rel;
  relsSeen: boolean;
  timespecSeen: boolean;
  datesSeen: number;
  daysSeen: number;
  timesSeen: number;
  localZonesSeen: number;
  /** Whether the local zone named was its daylight saving one (tzname[1], or "EST DST"). */
  localIsdst: boolean;
  dstsSeen: number;
  zonesSeen: number;
  timeZone: number;
  dayOrdinal: number;
  dayNumber: number;
  yearSeen: boolean;
  /** The furthest token the grammar looked at (where parsing stopped). */
  furthest: number;
  /** date --debug: where the lines go, and which parts have been reported. */
  dbg?: DateDebug;
  shown: { dates: boolean; days: boolean; times: boolean; localZones: boolean; zones: boolean; year: boolean; ordinal: boolean };
}

/** debug_print_current_time: the parts newly seen, after 'parsed ITEM part: '. */
function noteParts(pc: Pc, item: string): void {
  if (!pc.dbg) return;
  const parts: string[] = [];
  const sh = pc.shown;
  if (pc.datesSeen && !sh.dates) {
    parts.push(`(Y-M-D) ${padInt(pc.year.value, 4)}-${padInt(pc.month, 2)}-${padInt(pc.day, 2)}`);
    sh.dates = true;
  }
  if (pc.yearSeen !== sh.year) {
    parts.push(`year: ${padInt(pc.year.value, 4)}`);
    sh.year = pc.yearSeen;
  }
  if (pc.timesSeen && !sh.times) {
    let t = `${padInt(pc.hour, 2)}:${padInt(pc.minutes, 2)}:${padInt(pc.sec, 2)}`;
    if (pc.ns) t += `.${padInt(pc.ns, 9)}`;
    if (pc.meridian === 'pm') t += 'pm';
    parts.push(t);
    sh.times = true;
  }
  if (pc.daysSeen && !sh.days) {
    parts.push(`${strDays(pc.dayOrdinal, pc.dayNumber, sh.ordinal)} (day ordinal=${pc.dayOrdinal} number=${pc.dayNumber})`);
    sh.days = true;
  }
  if (pc.localZonesSeen && !sh.localZones) {
    parts.push(`isdst=${pc.localIsdst ? 1 : 0}${pc.dstsSeen ? ' DST' : ''}`);
    sh.localZones = true;
  }
  if (pc.zonesSeen && !sh.zones) {
    parts.push(`UTC${timeZoneStr(pc.timeZone)}`);
    sh.zones = true;
  }
  if (pc.timespecSeen) parts.push(`number of seconds: ${pc.sec}`);
  pc.dbg.lines.push(`parsed ${item} part: ${parts.join(' ')}`);
}

function noteRel(pc: Pc, item: string): void {
  pc.dbg?.lines.push(`parsed ${item} part: ${relativeText(pc.rel)}`);
}

const UNITS = new Set(['YEAR_UNIT', 'MONTH_UNIT', 'DAY_UNIT', 'HOUR_UNIT', 'MINUTE_UNIT', 'SEC_UNIT']);

function relOf(unit: Tok, n: number): Rel {
  const r = REL0();
  switch (unit.t) {
    case 'YEAR_UNIT': r.year = n; break;
    case 'MONTH_UNIT': r.month = n; break;
    case 'DAY_UNIT': r.day = n * unit.value; break;
    case 'HOUR_UNIT': r.hour = n; break;
    case 'MINUTE_UNIT': r.minutes = n; break;
    default: r.seconds = n;
  }
  return r;
}

function apply(pc: Pc, r: Rel, factor: number): void {
  for (const k of Object.keys(r) as (keyof Rel)[]) pc.rel[k] += factor * r[k];
  pc.relsSeen = true;
}

function digitsToDateTime(pc: Pc, n: Tok): void {
  if (pc.datesSeen && !pc.year.digits && !pc.relsSeen && (pc.timesSeen || n.digits > 2)) {
    pc.yearSeen = true;
    pc.year = { value: n.value, digits: n.digits };
  } else if (n.digits > 4) {
    pc.datesSeen++;
    pc.day = n.value % 100;
    pc.month = Math.trunc(n.value / 100) % 100;
    pc.year = { value: Math.trunc(n.value / 10000), digits: n.digits - 4 };
  } else {
    pc.timesSeen++;
    if (n.digits <= 2) {
      pc.hour = n.value;
      pc.minutes = 0;
    } else {
      pc.hour = Math.trunc(n.value / 100);
      pc.minutes = n.value % 100;
    }
    pc.sec = 0;
    pc.ns = 0;
    pc.meridian = '24';
  }
}

function zoneHhmm(pc: Pc, s: Tok, mm: number): void {
  let value = s.value;
  if (s.digits <= 2 && mm < 0) value *= 100;
  const minutes = mm < 0 ? Math.trunc(value / 100) * 60 + (value % 100) : value * 60 + (s.value < 0 || s.negative ? -mm : mm);
  if (!(-24 * 60 <= minutes && minutes <= 24 * 60)) throw new Fail();
  pc.timeZone = minutes * 60;
}

/** The grammar: one `item` after another, with the decisions bison makes. */
function parseTokens(toks: Tok[], pc: Pc): void {
  let i = 0;
  const peek = (k = 0): Tok => {
    const at = Math.min(i + k, toks.length - 1);
    const tok = toks[at]!;
    if (at > pc.furthest && tok.unknown !== undefined) pc.dbg?.lines.push(`error: unknown word '${tok.unknown}'`);
    pc.furthest = Math.max(pc.furthest, at);
    return tok;
  };
  const take = (t?: string): Tok => {
    const tok = peek();
    if (t !== undefined && tok.t !== t) throw new Fail();
    i++;
    return tok;
  };
  const unsignedSeconds = (): { sec: number; ns: number } => {
    const t = peek();
    if (t.t === 'UNUMBER') {
      i++;
      return { sec: t.value, ns: 0 };
    }
    if (t.t === 'UDECIMAL') {
      i++;
      return { sec: t.value, ns: t.ns };
    }
    throw new Fail();
  };
  const colonMinutes = (): number => {
    if (peek().t !== ':') return -1;
    i++;
    return take('UNUMBER').value;
  };
  const zoneOffset = (optional: boolean): void => {
    if (peek().t !== 'SNUMBER') {
      if (optional) return;
      throw new Fail();
    }
    const s = take();
    pc.zonesSeen++;
    zoneHhmm(pc, s, colonMinutes());
  };
  const setTime = (h: number, m: number, s: number, ns: number, mer: Pc['meridian']): void => {
    pc.hour = h;
    pc.minutes = m;
    pc.sec = s;
    pc.ns = ns;
    pc.meridian = mer;
  };
  /** iso_8601_time and the meridian forms, after the hour has been read. */
  const timeAfterHour = (h: number, isoOnly: boolean): void => {
    if (!isoOnly && peek().t === 'MERIDIAN') return setTime(h, 0, 0, 0, take().mer);
    if (peek().t === 'SNUMBER') {
      zoneOffset(false);
      return setTime(h, 0, 0, 0, '24');
    }
    take(':');
    const m = take('UNUMBER').value;
    let s = { sec: 0, ns: 0 };
    if (peek().t === ':') {
      i++;
      s = unsignedSeconds();
    }
    if (!isoOnly && peek().t === 'MERIDIAN') return setTime(h, m, s.sec, s.ns, take().mer);
    zoneOffset(true);
    setTime(h, m, s.sec, s.ns, '24');
  };
  const relAgo = (r: Rel): void => {
    if (peek().t === 'AGO') apply(pc, r, take().value);
    else apply(pc, r, 1);
  };

  if (peek().t === '@') {
    i++;
    const t = take();
    if (t.t === 'UNUMBER' || t.t === 'SNUMBER' || t.t === 'UDECIMAL' || t.t === 'SDECIMAL') {
      pc.sec = t.value;
      pc.ns = t.ns;
      pc.timespecSeen = true;
      noteParts(pc, 'number of seconds');
    } else throw new Fail();
    take('END');
    return;
  }
  while (peek().t !== 'END') {
    const t = take();
    const next = peek();
    switch (t.t) {
      case 'UNUMBER':
        if (next.t === 'MERIDIAN' || next.t === ':') {
          timeAfterHour(t.value, false);
          pc.timesSeen++;
          noteParts(pc, 'time');
        } else if (next.t === 'SNUMBER' && peek(1).t === 'SNUMBER') {
          pc.year = { value: t.value, digits: t.digits };
          pc.month = -take().value;
          pc.day = -take().value;
          let item = 'date';
          if (peek().t === 'T') {
            i++;
            timeAfterHour(take('UNUMBER').value, true);
            pc.timesSeen++;
            item = 'datetime';
          }
          pc.datesSeen++;
          noteParts(pc, item);
        } else if (next.t === 'SNUMBER' && UNITS.has(peek(1).t)) {
          digitsToDateTime(pc, t);
          const n = take().value;
          apply(pc, relOf(take(), n), 1);
          noteRel(pc, 'hybrid');
        } else if (next.t === 'SNUMBER') {
          timeAfterHour(t.value, true);
          pc.timesSeen++;
          noteParts(pc, 'time');
        } else if (next.t === '/') {
          i++;
          const b = take('UNUMBER');
          if (peek().t === '/') {
            i++;
            const c = take('UNUMBER');
            if (t.digits >= 4) pc.dbg?.lines.push(`warning: value ${t.value} has ${t.digits} digits. Assuming YYYY/MM/DD`);
            else pc.dbg?.lines.push(`warning: value ${t.value} has less than 4 digits. Assuming MM/DD/YY[YY]`);
            if (t.digits >= 4) {
              pc.year = { value: t.value, digits: t.digits };
              pc.month = b.value;
              pc.day = c.value;
            } else {
              pc.month = t.value;
              pc.day = b.value;
              pc.year = { value: c.value, digits: c.digits };
            }
          } else {
            pc.month = t.value;
            pc.day = b.value;
          }
          pc.datesSeen++;
          noteParts(pc, 'date');
        } else if (next.t === 'MONTH') {
          pc.day = t.value;
          pc.month = take().value;
          if (peek().t === 'SNUMBER') {
            const y = take();
            pc.year = { value: -y.value, digits: y.digits };
          } else if (peek().t === 'UNUMBER') {
            const y = take();
            pc.year = { value: y.value, digits: y.digits };
          }
          pc.datesSeen++;
          noteParts(pc, 'date');
        } else if (next.t === 'DAY') {
          pc.dayOrdinal = t.value;
          pc.dayNumber = take().value;
          pc.daysSeen++;
          pc.shown.ordinal = true;
          noteParts(pc, 'day');
        } else if (UNITS.has(next.t)) {
          relAgo(relOf(take(), t.value));
          noteRel(pc, 'relative');
        } else {
          digitsToDateTime(pc, t);
          noteParts(pc, 'number');
        }
        break;
      case 'SNUMBER':
        if (!UNITS.has(next.t)) throw new Fail();
        relAgo(relOf(take(), t.value));
        noteRel(pc, 'relative');
        break;
      case 'UDECIMAL':
      case 'SDECIMAL': {
        take('SEC_UNIT');
        const r = REL0();
        r.seconds = t.value;
        r.ns = t.ns;
        relAgo(r);
        noteRel(pc, 'relative');
        break;
      }
      case 'MONTH':
        pc.month = t.value;
        if (next.t === 'SNUMBER') {
          pc.day = -take().value;
          const y = take('SNUMBER');
          pc.year = { value: -y.value, digits: y.digits };
        } else {
          pc.day = take('UNUMBER').value;
          if (peek().t === ',') {
            i++;
            const y = take('UNUMBER');
            pc.year = { value: y.value, digits: y.digits };
          }
        }
        pc.datesSeen++;
        noteParts(pc, 'date');
        break;
      case 'DAY':
        if (next.t === ',') i++;
        pc.dayOrdinal = 0;
        pc.dayNumber = t.value;
        pc.daysSeen++;
        noteParts(pc, 'day');
        break;
      case 'ORDINAL':
        if (next.t === 'DAY') {
          pc.dayOrdinal = t.value;
          pc.dayNumber = take().value;
          pc.daysSeen++;
          pc.shown.ordinal = true;
          noteParts(pc, 'day');
        } else if (UNITS.has(next.t)) {
          relAgo(relOf(take(), t.value));
          noteRel(pc, 'relative');
        } else throw new Fail();
        break;
      case 'DAY_SHIFT': {
        const r = REL0();
        r.day = t.value;
        apply(pc, r, 1);
        noteRel(pc, 'relative');
        break;
      }
      case 'ZONE':
      case 'T':
        pc.timeZone = t.t === 'T' ? -7 * 3600 : t.value;
        if (next.t === 'SNUMBER' && UNITS.has(peek(1).t)) {
          const n = take().value;
          apply(pc, relOf(take(), n), 1);
          noteRel(pc, 'relative');
        } else if (next.t === 'SNUMBER' && t.t === 'ZONE') {
          const s = take();
          zoneHhmm(pc, s, colonMinutes());
          pc.timeZone += t.value;
        } else if (next.t === 'DST' && t.t === 'ZONE') {
          i++;
          pc.timeZone = t.value + 3600;
        }
        pc.zonesSeen++;
        noteParts(pc, 'zone');
        break;
      case 'DAYZONE':
        pc.timeZone = t.value + 3600;
        pc.zonesSeen++;
        noteParts(pc, 'zone');
        break;
      case 'LOCAL_ZONE':
        pc.localIsdst = t.value === 1;
        if (next.t === 'DST') {
          pc.localIsdst = true;
          i++;
          pc.dstsSeen++;
        }
        pc.localZonesSeen++;
        noteParts(pc, 'local_zone');
        break;
      default:
        if (UNITS.has(t.t)) {
          relAgo(relOf(t, 1));
          noteRel(pc, 'relative');
        } else throw new Fail();
    }
  }
}

function toHour(h: number, mer: Pc['meridian']): number {
  if (mer === '24') return h >= 0 && h < 24 ? h : -1;
  if (mer === 'am') return h > 0 && h < 12 ? h : h === 12 ? 0 : -1;
  return h > 0 && h < 12 ? h + 12 : h === 12 ? 12 : -1;
}

/** The 'input timezone' line: where the zone of the date came from. */
function inputZone(pc: Pc, d: DateDebug, tzInString: string | undefined): string {
  let s = 'input timezone: ';
  if (pc.timespecSeen) s += "'@timespec' - always UTC";
  else if (pc.zonesSeen) s += 'parsed date/time string';
  else if (tzInString !== undefined) s += `TZ="${tzInString}" in date string`;
  else if (d.tzString === 'UTC0') s += 'TZ="UTC0" environment value or -u';
  else if (d.tzString !== undefined) s += `TZ="${d.tzString}" environment value`;
  else s += 'system default';
  if (pc.localZonesSeen && !pc.zonesSeen && pc.localIsdst) s += ', dst';
  if (pc.zonesSeen) s += ` (${timeZoneStr(pc.timeZone)})`;
  return s;
}

function compute(pc: Pc, tz: TimeZone): Timespec {
  const dbg = pc.dbg;
  const say = (line: string): void => void dbg?.lines.push(line);
  if (pc.timespecSeen) return { sec: pc.sec, ns: pc.ns };
  if ((pc.timesSeen | pc.datesSeen | pc.daysSeen | pc.dstsSeen | (pc.localZonesSeen + pc.zonesSeen)) > 1) {
    if (pc.timesSeen > 1) say('error: seen multiple time parts');
    if (pc.datesSeen > 1) say('error: seen multiple date parts');
    if (pc.daysSeen > 1) say('error: seen multiple days parts');
    if (pc.dstsSeen > 1) say('error: seen multiple daylight-saving parts');
    if (pc.localZonesSeen + pc.zonesSeen > 1) say('error: seen multiple time-zone parts');
    throw new Fail();
  }
  let year = pc.year.value;
  if (year >= 0 && pc.year.digits === 2) {
    year += year < 69 ? 2000 : 1900;
    say(`warning: adjusting year value ${pc.year.value} to ${year}`);
  }
  const zone = pc.zonesSeen ? pc.timeZone : undefined;
  const tm = { year, mon: pc.month - 1, mday: pc.day, hour: 0, min: 0, sec: 0 };
  if (pc.timesSeen || (pc.relsSeen && !pc.datesSeen && !pc.daysSeen)) {
    tm.hour = toHour(pc.hour, pc.meridian);
    if (tm.hour < 0) {
      say(`error: invalid hour ${pc.hour}${pc.meridian === 'am' ? 'am' : pc.meridian === 'pm' ? 'pm' : ''}`);
      throw new Fail();
    }
    tm.min = pc.minutes;
    tm.sec = pc.sec;
    say(`${pc.timesSeen ? 'using specified time' : 'using current time'} as starting value: '${strfTime(tm)}'`);
  } else {
    pc.ns = 0;
    say('warning: using midnight as starting time: 00:00:00');
  }
  const tm0 = { ...tm };
  let start = mktime(tm, tz, pc.localZonesSeen ? pc.localIsdst : undefined);
  let norm = localtime(start, tz);
  const same = (a: typeof tm, b: { year: number; mon: number; mday: number; hour: number; min: number; sec: number }): boolean =>
    a.year === b.year && a.mon === b.mon && a.mday === b.mday && a.hour === b.hour && a.min === b.min && a.sec === b.sec;
  if (!same(tm0, norm)) {
    // a wall time the local zone skips (or cannot hold) is still fine when the string named
    // its own zone: mktime is tried again in that fixed offset
    const fixed: TimeZone | undefined = pc.zonesSeen ? { name: 'XXX', offset: pc.timeZone } : undefined;
    const retry = fixed ? mktime(tm0, fixed) : 0;
    const again = fixed ? localtime(retry, fixed) : undefined;
    if (!again || !same(tm0, again)) {
      if (dbg) mktimeNotOk(dbg, tm0, norm, zone);
      throw new Fail();
    }
    start = retry;
    norm = again;
  }
  const days = (): string => strDays(pc.dayOrdinal, pc.dayNumber, pc.shown.ordinal);
  if (pc.daysSeen && !pc.datesSeen) {
    const ordinal = pc.dayOrdinal - (pc.dayOrdinal > 0 && norm.wday !== pc.dayNumber ? 1 : 0);
    const incr = ordinal * 7 + ((pc.dayNumber - norm.wday + 7) % 7);
    start = mktime({ year: norm.year, mon: norm.mon, mday: norm.mday + incr, hour: norm.hour, min: norm.min, sec: norm.sec }, tz);
    norm = localtime(start, tz);
    say(`new start date: '${days()}' is '${strfDatetime(norm, zone)}'`);
  }
  if (!pc.datesSeen && !pc.daysSeen) say(`using current date as starting value: '${strfDate(norm)}'`);
  if (pc.daysSeen && pc.datesSeen) say(`warning: day (${days()}) ignored when explicit dates are given`);
  say(`starting date/time: '${strfDatetime(norm, zone)}'`);
  let shown: DebugTm = norm;
  if (pc.rel.year || pc.rel.month || pc.rel.day) {
    if ((pc.rel.year || pc.rel.month) && norm.mday !== 15) say('warning: when adding relative months/years, it is recommended to specify the 15th of the months');
    if (pc.rel.day && norm.hour !== 12) say('warning: when adding relative days, it is recommended to specify noon');
    const want = { year: norm.year + pc.rel.year, mon: norm.mon + pc.rel.month, mday: norm.mday + pc.rel.day };
    // tm_isdst is put back as the string had it: "EDT" (a local zone name) keeps daylight time
    const isdst = pc.localZonesSeen ? pc.localIsdst : undefined;
    start = mktime({ ...want, hour: tm0.hour, min: tm0.min, sec: tm0.sec }, tz, isdst);
    norm = localtime(start, tz);
    shown = norm;
    say(`after date adjustment (${signedInt(pc.rel.year)} years, ${signedInt(pc.rel.month)} months, ${signedInt(pc.rel.day)} days),`);
    say(`    new date/time = '${strfDatetime(norm, zone)}'`);
    if (isdst !== undefined && isdst !== (norm.gmtoff !== tz.offset)) say('warning: daylight saving time changed after date adjustment');
    if (pc.rel.day === 0 && (norm.mday !== want.mday || (pc.rel.month === 0 && norm.mon !== want.mon))) {
      say('warning: month/year adjustment resulted in shifted dates:');
      say(`     adjusted Y M D: ${padInt(want.year, 4)} ${padInt(want.mon + 1, 2)} ${padInt(want.mday, 2)}`);
      say(`   normalized Y M D: ${padInt(norm.year, 4)} ${padInt(norm.mon + 1, 2)} ${padInt(norm.mday, 2)}`);
    }
  }
  if (pc.zonesSeen) start -= pc.timeZone - norm.gmtoff;
  say(`'${strfDatetime(shown, zone)}' = ${start} epoch-seconds`);
  const sumNs = pc.ns + pc.rel.ns;
  const ns = ((sumNs % 1e9) + 1e9) % 1e9;
  const d4 = (sumNs - ns) / 1e9;
  const sec = start + pc.rel.hour * 3600 + pc.rel.minutes * 60 + pc.rel.seconds + d4;
  if (pc.rel.hour || pc.rel.minutes || pc.rel.seconds || pc.rel.ns) {
    say(`after time adjustment (${signedInt(pc.rel.hour)} hours, ${signedInt(pc.rel.minutes)} minutes, ${signedInt(pc.rel.seconds)} seconds, ${signedInt(pc.rel.ns)} ns),`);
    say(`    new time = ${sec} epoch-seconds`);
  }
  return { sec, ns };
}

/** The closing lines: the zone, and the result as seconds, in UTC and in the zone. */
function finalLines(d: DateDebug, r: Timespec, tz: TimeZone): void {
  d.lines.push(d.tzString === undefined ? 'timezone: system default' : d.tzString === 'UTC0' ? 'timezone: Universal Time' : `timezone: TZ="${d.tzString}" environment value`);
  d.lines.push(`final: ${r.sec}.${padInt(r.ns, 9)} (epoch-seconds)`);
  d.lines.push(`final: ${strfDatetime(localtime(r.sec))} (UTC)`);
  const local = localtime(r.sec, tz);
  d.lines.push(`final: ${strfDatetime(local)} (UTC${timeZoneStr(local.gmtoff)})`);
}

/** Parses `input` relative to `now`, in zone `tz`; undefined when it is not a valid date. */
export function parseDate(input: string, now: Timespec, tzIn: TimeZone, dbg?: DateDebug): Timespec | undefined {
  let p = input.replace(/^\s+/, '');
  let tz = tzIn;
  let tzInString: string | undefined;
  // a leading TZ="..." (with \\ and \" escapes) selects the zone for the rest
  const tzm = /^TZ="((?:[^"\\]|\\[\\"])*)"\s*/.exec(p);
  if (p.startsWith('TZ="')) {
    if (!tzm) return undefined;
    tzInString = tzm[1]!.replace(/\\(.)/g, '$1');
    tz = parseTz(tzInString);
    p = p.slice(tzm[0].length);
  }
  if (p === '') p = '0';
  const toks = lexDate(p, tz, dbg);
  if (toks === undefined) return undefined;
  const cur = localtime(now.sec, tz);
  const pc: Pc = {
    year: { value: cur.year, digits: 0 }, month: cur.mon + 1, day: cur.mday,
    hour: cur.hour, minutes: cur.min, sec: cur.sec, ns: now.ns, meridian: '24',
    rel: REL0(), relsSeen: false, timespecSeen: false, datesSeen: 0, daysSeen: 0, timesSeen: 0,
    localZonesSeen: 0, localIsdst: false, dstsSeen: 0, zonesSeen: 0, timeZone: 0, dayOrdinal: 0, dayNumber: 0,
    yearSeen: false, furthest: -1, dbg,
    shown: { dates: false, days: false, times: false, localZones: false, zones: false, year: false, ordinal: false },
  };
  try {
    parseTokens(toks, pc);
  } catch (e) {
    if (!(e instanceof Fail)) throw e;
    const stop = toks[pc.furthest]?.end ?? p.length;
    dbg?.lines.push(stop >= p.length ? 'error: parsing failed' : `error: parsing failed, stopped at '${p.slice(stop)}'`);
    return undefined;
  }
  if (dbg) dbg.lines.push(inputZone(pc, dbg, tzInString));
  try {
    const r = compute(pc, tz);
    if (dbg) finalLines(tzInString === undefined ? dbg : { ...dbg, tzString: tzInString }, r, tz);
    return r;
  } catch (e) {
    if (e instanceof Fail) return undefined;
    throw e;
  }
}
