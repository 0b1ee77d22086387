// A practical subset of gnulib parse_datetime (touch -d, date -d): absolute dates and
// times, @epoch, time zones as offsets, and relative items ("2 days ago", "next week").
// Everything is UTC, like the machine's default time zone. Returns epoch ms or undefined.

const FULL_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

const UNIT_MS: Record<string, number> = {
  sec: 1000, second: 1000, min: 60_000, minute: 60_000, hour: 3_600_000,
  day: 86_400_000, week: 7 * 86_400_000, fortnight: 14 * 86_400_000,
};

function monthIndex(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return undefined;
  if (w === 'sept') return 8;
  const i = FULL_MONTHS.findIndex((m) => m.startsWith(w));
  return i < 0 ? undefined : i;
}

function unitOf(word: string): string | undefined {
  const w = word.toLowerCase().replace(/s$/, '');
  if (w in UNIT_MS || w === 'month' || w === 'year') return w;
  if (w === 'mins' || w === 'secs') return w.slice(0, -1);
  return undefined;
}

interface Parts {
  date?: { y: number; m: number; d: number };
  time?: { h: number; mi: number; s: number; ms: number };
  zoneMs?: number;
  relMs: number;
  relMonths: number;
  epoch?: number;
  weekday?: number;
}

function fullYear(y: number, digits: number): number {
  if (digits > 2) return y;
  return y < 69 ? 2000 + y : 1900 + y;
}

function parseTime(tok: string): Parts['time'] | undefined {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?$/.exec(tok);
  if (!m) return undefined;
  const h = Number(m[1]);
  const mi = Number(m[2]);
  const s = m[3] ? Number(m[3]) : 0;
  if (h > 24 || mi > 59 || s > 60) return undefined;
  const ms = m[4] ? Math.floor(Number(`0.${m[4]}`) * 1000) : 0;
  return { h, mi, s, ms };
}

function parseZone(tok: string): number | undefined {
  const t = tok.toUpperCase();
  if (t === 'Z' || t === 'UTC' || t === 'GMT' || t === 'UT') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(tok);
  if (!m) return undefined;
  const v = (Number(m[2]) * 60 + Number(m[3] ?? 0)) * 60_000;
  return m[1] === '-' ? -v : v;
}

/** Parses `input` relative to `now` (epoch ms). */
export function parseDatetime(input: string, now: number): number | undefined {
  const text = input.trim();
  const epoch = /^@([+-]?\d+(?:\.\d+)?)$/.exec(text);
  if (epoch) return Math.round(Number(epoch[1]) * 1000);
  // split ISO "dateTtime[zone]" and glue signs to the zone that follows a time
  const spaced = text.replace(/^(\d{4}-\d{1,2}-\d{1,2})T/i, '$1 ').replace(/(\d)([zZ])$/, '$1 $2').replace(/(:\d{2}(?:[.,]\d+)?)([+-]\d{2}:?\d{2})$/, '$1 $2').replace(/(^|\s)([+-])\s+(?=\d)/g, '$1$2');
  const toks = spaced.split(/[\s,]+/).filter(Boolean);
  const p: Parts = { relMs: 0, relMonths: 0 };
  for (let i = 0; i < toks.length; i++) {
    const tok = toks[i]!;
    const low = tok.toLowerCase();
    let m: RegExpExecArray | null;
    if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(tok))) {
      if (p.date) return undefined;
      p.date = { y: Number(m[1]), m: Number(m[2]) - 1, d: Number(m[3]) };
    } else if ((m = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2,4}))?$/.exec(tok))) {
      if (p.date) return undefined;
      const y = m[3] ? fullYear(Number(m[3]), m[3].length) : new Date(now).getUTCFullYear();
      p.date = { y, m: Number(m[1]) - 1, d: Number(m[2]) };
    } else if (/^\d{1,2}:\d{2}/.test(tok)) {
      if (p.time) return undefined;
      const t = parseTime(tok);
      if (!t) return undefined;
      const ampm = toks[i + 1]?.toLowerCase();
      if (ampm === 'am' || ampm === 'pm') {
        if (t.h < 1 || t.h > 12) return undefined;
        t.h = (t.h % 12) + (ampm === 'pm' ? 12 : 0);
        i++;
      }
      p.time = t;
    } else if (p.time && parseZone(tok) !== undefined && (/^[+-]/.test(tok) || /^[a-z]+$/i.test(tok)) && unitOf(toks[i + 1] ?? '') === undefined) {
      p.zoneMs = parseZone(tok);
    } else if (parseZone(tok) !== undefined && /^[a-z]+$/i.test(tok)) {
      p.zoneMs = parseZone(tok);
    } else if (monthIndex(tok) !== undefined) {
      // "Jan 15 2024", "15 Jan 2024", "Jan 15"
      const month = monthIndex(tok)!;
      const prev = toks[i - 1];
      let day: number | undefined;
      if (p.date === undefined && prev !== undefined && /^\d{1,2}$/.test(prev) && p.relMs === 0) day = Number(prev);
      const next = toks[i + 1];
      if (day === undefined && next !== undefined && /^\d{1,2}$/.test(next)) {
        day = Number(next);
        i++;
      }
      let year = new Date(now).getUTCFullYear();
      const after = toks[i + 1];
      if (after !== undefined && /^\d{4}$/.test(after)) {
        year = Number(after);
        i++;
      }
      if (day === undefined) return undefined;
      p.date = { y: year, m: month, d: day };
    } else if (/^\d{1,2}$/.test(tok) && monthIndex(toks[i + 1] ?? '') !== undefined) {
      continue; // the day of "15 Jan 2024", read with the month
    } else if (low === 'now' || low === 'today') {
      // nothing to add
    } else if (low === 'yesterday') {
      p.relMs -= UNIT_MS.day!;
    } else if (low === 'tomorrow') {
      p.relMs += UNIT_MS.day!;
    } else if (low === 'noon' || low === 'midnight') {
      p.time = { h: low === 'noon' ? 12 : 0, mi: 0, s: 0, ms: 0 };
    } else if (DAYS.some((d) => low.startsWith(d)) && /^[a-z]+\.?$/.test(low)) {
      p.weekday = DAYS.findIndex((d) => low.startsWith(d));
    } else if ((m = /^([+-]?\d+)$/.exec(tok)) && unitOf(toks[i + 1] ?? '') !== undefined) {
      const n = Number(m[1]);
      const unit = unitOf(toks[++i]!)!;
      const ago = toks[i + 1]?.toLowerCase() === 'ago';
      if (ago) i++;
      const sign = ago ? -1 : 1;
      if (unit === 'month') p.relMonths += sign * n;
      else if (unit === 'year') p.relMonths += sign * 12 * n;
      else p.relMs += sign * n * UNIT_MS[unit]!;
    } else if ((low === 'next' || low === 'last' || low === 'this') && unitOf(toks[i + 1] ?? '') !== undefined) {
      const n = low === 'next' ? 1 : low === 'last' ? -1 : 0;
      const unit = unitOf(toks[++i]!)!;
      if (unit === 'month') p.relMonths += n;
      else if (unit === 'year') p.relMonths += 12 * n;
      else p.relMs += n * UNIT_MS[unit]!;
    } else if (unitOf(tok) !== undefined) {
      const unit = unitOf(tok)!;
      const ago = toks[i + 1]?.toLowerCase() === 'ago';
      if (ago) i++;
      const sign = ago ? -1 : 1;
      if (unit === 'month') p.relMonths += sign;
      else if (unit === 'year') p.relMonths += sign * 12;
      else p.relMs += sign * UNIT_MS[unit]!;
    } else if (/^\d{4}$/.test(tok) && p.date && !p.time) {
      p.date.y = Number(tok);
    } else {
      return undefined;
    }
  }
  const base = new Date(now);
  let y = base.getUTCFullYear();
  let mo = base.getUTCMonth();
  let d = base.getUTCDate();
  let h = base.getUTCHours();
  let mi = base.getUTCMinutes();
  let s = base.getUTCSeconds();
  let ms = base.getUTCMilliseconds();
  if (p.date) {
    ({ y, m: mo, d } = p.date);
    if (mo < 0 || mo > 11 || d < 1 || d > 31) return undefined;
    if (new Date(Date.UTC(y, mo, d)).getUTCDate() !== d) return undefined;
  }
  if (p.date || p.time || p.weekday !== undefined) {
    h = p.time?.h ?? 0;
    mi = p.time?.mi ?? 0;
    s = p.time?.s ?? 0;
    ms = p.time?.ms ?? 0;
  }
  let t = Date.UTC(y, mo + p.relMonths, 1, h, mi, s, ms);
  // keep the day of month (Date.UTC rolls over, as mktime does)
  t += (d - 1) * 86_400_000;
  if (p.weekday !== undefined) {
    const wd = new Date(t).getUTCDay();
    t += ((p.weekday - wd + 7) % 7) * 86_400_000;
  }
  t += p.relMs;
  if (p.zoneMs !== undefined) t -= p.zoneMs;
  return t;
}

/** touch -t [[CC]YY]MMDDhhmm[.ss]. */
export function parsePosixStamp(stamp: string, now: number): number | undefined {
  const m = /^(\d+)(?:\.(\d{2}))?$/.exec(stamp);
  if (!m) return undefined;
  const digits = m[1]!;
  if (![8, 10, 12].includes(digits.length)) return undefined;
  let y = new Date(now).getUTCFullYear();
  let rest = digits;
  if (digits.length === 12) {
    y = Number(digits.slice(0, 4));
    rest = digits.slice(4);
  } else if (digits.length === 10) {
    y = fullYear(Number(digits.slice(0, 2)), 2);
    rest = digits.slice(2);
  }
  const mo = Number(rest.slice(0, 2)) - 1;
  const d = Number(rest.slice(2, 4));
  const h = Number(rest.slice(4, 6));
  const mi = Number(rest.slice(6, 8));
  const s = m[2] ? Number(m[2]) : 0;
  if (mo < 0 || mo > 11 || d < 1 || h > 23 || mi > 59 || s > 60) return undefined;
  const t = Date.UTC(y, mo, d, h, mi, s);
  if (new Date(Date.UTC(y, mo, d)).getUTCDate() !== d) return undefined;
  return t;
}
