// The lexer of gnulib parse_datetime: numbers (a sign may be separated from its digits by
// blanks), decimals for seconds, words looked up in gnulib's tables (three-letter
// abbreviations, plurals of units, military zone letters), comments in parentheses.
import type { DateDebug } from './parse-date-debug';
import type { TimeZone } from './tz';

export interface Tok {
  t: string;
  value: number;
  digits: number;
  negative: boolean;
  ns: number;
  mer: 'am' | 'pm' | '24';
  /** Offset in the input just after the token (where parsing stopped, for date --debug). */
  end?: number;
  /** An unknown word (date --debug lexes up to it, as the parser reads it, and fails there). */
  unknown?: string;
}

const tok = (t: string, value = 0, extra: Partial<Tok> = {}): Tok => ({ t, value, digits: 0, negative: false, ns: 0, mer: '24', ...extra });

const H = 3600;

const MONTHS_DAYS: [string, string, number][] = [
  ['JANUARY', 'MONTH', 1], ['FEBRUARY', 'MONTH', 2], ['MARCH', 'MONTH', 3], ['APRIL', 'MONTH', 4],
  ['MAY', 'MONTH', 5], ['JUNE', 'MONTH', 6], ['JULY', 'MONTH', 7], ['AUGUST', 'MONTH', 8],
  ['SEPTEMBER', 'MONTH', 9], ['SEPT', 'MONTH', 9], ['OCTOBER', 'MONTH', 10], ['NOVEMBER', 'MONTH', 11],
  ['DECEMBER', 'MONTH', 12], ['SUNDAY', 'DAY', 0], ['MONDAY', 'DAY', 1], ['TUESDAY', 'DAY', 2],
  ['TUES', 'DAY', 2], ['WEDNESDAY', 'DAY', 3], ['WEDNES', 'DAY', 3], ['THURSDAY', 'DAY', 4],
  ['THUR', 'DAY', 4], ['THURS', 'DAY', 4], ['FRIDAY', 'DAY', 5], ['SATURDAY', 'DAY', 6],
];

const UNITS: [string, string, number][] = [
  ['YEAR', 'YEAR_UNIT', 1], ['MONTH', 'MONTH_UNIT', 1], ['FORTNIGHT', 'DAY_UNIT', 14], ['WEEK', 'DAY_UNIT', 7],
  ['DAY', 'DAY_UNIT', 1], ['HOUR', 'HOUR_UNIT', 1], ['MINUTE', 'MINUTE_UNIT', 1], ['MIN', 'MINUTE_UNIT', 1],
  ['SECOND', 'SEC_UNIT', 1], ['SEC', 'SEC_UNIT', 1],
];

const RELATIVE: [string, string, number][] = [
  ['TOMORROW', 'DAY_SHIFT', 1], ['YESTERDAY', 'DAY_SHIFT', -1], ['TODAY', 'DAY_SHIFT', 0], ['NOW', 'DAY_SHIFT', 0],
  ['LAST', 'ORDINAL', -1], ['THIS', 'ORDINAL', 0], ['NEXT', 'ORDINAL', 1], ['FIRST', 'ORDINAL', 1],
  ['THIRD', 'ORDINAL', 3], ['FOURTH', 'ORDINAL', 4], ['FIFTH', 'ORDINAL', 5], ['SIXTH', 'ORDINAL', 6],
  ['SEVENTH', 'ORDINAL', 7], ['EIGHTH', 'ORDINAL', 8], ['NINTH', 'ORDINAL', 9], ['TENTH', 'ORDINAL', 10],
  ['ELEVENTH', 'ORDINAL', 11], ['TWELFTH', 'ORDINAL', 12], ['AGO', 'AGO', -1], ['HENCE', 'AGO', 1],
];

const UNIVERSAL: [string, string, number][] = [['GMT', 'ZONE', 0], ['UT', 'ZONE', 0], ['UTC', 'ZONE', 0]];

const ZONES: [string, string, number][] = [
  ['WET', 'ZONE', 0], ['WEST', 'DAYZONE', 0], ['BST', 'DAYZONE', 0], ['ART', 'ZONE', -3 * H],
  ['BRT', 'ZONE', -3 * H], ['BRST', 'DAYZONE', -3 * H], ['NST', 'ZONE', -(3 * H + 1800)], ['NDT', 'DAYZONE', -(3 * H + 1800)],
  ['AST', 'ZONE', -4 * H], ['ADT', 'DAYZONE', -4 * H], ['CLT', 'ZONE', -4 * H], ['CLST', 'DAYZONE', -4 * H],
  ['EST', 'ZONE', -5 * H], ['EDT', 'DAYZONE', -5 * H], ['CST', 'ZONE', -6 * H], ['CDT', 'DAYZONE', -6 * H],
  ['MST', 'ZONE', -7 * H], ['MDT', 'DAYZONE', -7 * H], ['PST', 'ZONE', -8 * H], ['PDT', 'DAYZONE', -8 * H],
  ['AKST', 'ZONE', -9 * H], ['AKDT', 'DAYZONE', -9 * H], ['HST', 'ZONE', -10 * H], ['HAST', 'ZONE', -10 * H],
  ['HADT', 'DAYZONE', -10 * H], ['SST', 'ZONE', -12 * H], ['WAT', 'ZONE', H], ['CET', 'ZONE', H],
  ['CEST', 'DAYZONE', H], ['MET', 'ZONE', H], ['MEZ', 'ZONE', H], ['MEST', 'DAYZONE', H],
  ['MESZ', 'DAYZONE', H], ['EET', 'ZONE', 2 * H], ['EEST', 'DAYZONE', 2 * H], ['CAT', 'ZONE', 2 * H],
  ['SAST', 'ZONE', 2 * H], ['EAT', 'ZONE', 3 * H], ['MSK', 'ZONE', 3 * H], ['MSD', 'DAYZONE', 3 * H],
  ['IST', 'ZONE', 5 * H + 1800], ['SGT', 'ZONE', 8 * H], ['KST', 'ZONE', 9 * H], ['JST', 'ZONE', 9 * H],
  ['GST', 'ZONE', 10 * H], ['NZST', 'ZONE', 12 * H], ['NZDT', 'DAYZONE', 12 * H],
];

// military letters A-Z without J; T is the ISO 8601 separator (a zone of -7h too)
const MILITARY = 'ABCDEFGHIKLMNOPQRSTUVWXYZ';
const militaryOffset = (c: string): number => {
  if (c === 'Z') return 0;
  const i = 'ABCDEFGHIKLM'.indexOf(c);
  if (i >= 0) return (i + 1) * H;
  return -('NOPQRSTUVWXY'.indexOf(c) + 1) * H;
};

function find(table: [string, string, number][], word: string): Tok | undefined {
  const e = table.find(([name]) => name === word);
  return e ? tok(e[1], e[2]) : undefined;
}

function lookupZone(word: string, tz: TimeZone): Tok | undefined {
  return find(UNIVERSAL, word) ?? (word === tz.name ? tok('LOCAL_ZONE', 0) : word === tz.dstName ? tok('LOCAL_ZONE', 1) : undefined) ?? find(ZONES, word);
}

function lookupWord(raw: string, tz: TimeZone): Tok | undefined {
  let word = raw.toUpperCase();
  if (word === 'AM' || word === 'A.M.') return tok('MERIDIAN', 0, { mer: 'am' });
  if (word === 'PM' || word === 'P.M.') return tok('MERIDIAN', 0, { mer: 'pm' });
  const abbrev = word.length === 3 || (word.length === 4 && word[3] === '.');
  const md = MONTHS_DAYS.find(([name]) => (abbrev ? name.slice(0, 3) === word.slice(0, 3) : name === word));
  if (md) return tok(md[1], md[2]);
  const zone = lookupZone(word, tz);
  if (zone) return zone;
  if (word === 'DST') return tok('DST');
  const unit = find(UNITS, word) ?? (word.endsWith('S') ? find(UNITS, word.slice(0, -1)) : undefined);
  if (unit) return unit;
  const rel = find(RELATIVE, word);
  if (rel) return rel;
  if (word.length === 1 && MILITARY.includes(word)) return word === 'T' ? tok('T') : tok('ZONE', militaryOffset(word));
  if (word.includes('.')) {
    word = word.replace(/\./g, '');
    return lookupZone(word, tz);
  }
  return undefined;
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isSpace = (c: string | undefined): boolean => c !== undefined && ' \t\n\v\f\r'.includes(c);
const isAlpha = (c: string | undefined): boolean => c !== undefined && /[A-Za-z]/.test(c);

/** Splits `s` into tokens (ending with END); undefined when a word is unknown. */
export function lexDate(s: string, tz: TimeZone, dbg?: DateDebug): Tok[] | undefined {
  const out: Tok[] = [];

  let i = 0;
  for (let guard = 0; guard < 10_000; guard++) {
    for (let k = out.length - 1; k >= 0 && out[k]!.end === undefined; k--) out[k]!.end = i;
    while (isSpace(s[i])) i++;
    const c = s[i];
    if (c === undefined) {
      out.push(tok('END', 0, { end: s.length }));
      return out;
    }
    if (isDigit(c) || c === '-' || c === '+') {
      let sign = 0;
      let p = i;
      if (c === '-' || c === '+') {
        sign = c === '-' ? -1 : 1;
        p++;
        while (isSpace(s[p])) p++;
        if (!isDigit(s[p])) {
          i = p;
          continue; // a sign without digits is skipped
        }
      }
      const start = p;
      let value = 0;
      while (isDigit(s[p])) value = value * 10 + Number(s[p++]);
      if (value > Number.MAX_SAFE_INTEGER) return undefined;
      if ((s[p] === '.' || s[p] === ',') && isDigit(s[p + 1])) {
        p++;
        let frac = '';
        while (isDigit(s[p])) frac += s[p++];
        let ns = Number(frac.slice(0, 9).padEnd(9, '0'));
        let sec = value;
        if (sign < 0) {
          // truncate toward -Infinity and keep tv_nsec positive
          if (/[1-9]/.test(frac.slice(9))) ns++;
          if (ns) {
            sec = -value - 1;
            ns = 1e9 - ns;
          } else sec = -value;
        }
        out.push(tok(sign ? 'SDECIMAL' : 'UDECIMAL', sec, { ns }));
      } else {
        out.push(tok(sign ? 'SNUMBER' : 'UNUMBER', sign < 0 ? -value : value, { digits: p - start, negative: sign < 0 }));
      }
      i = p;
      continue;
    }
    if (isAlpha(c)) {
      let word = '';
      while (isAlpha(s[i]) || s[i] === '.') {
        if (word.length < 19) word += s[i];
        i++;
      }
      const t = lookupWord(word, tz);
      if (!t) {
        if (!dbg) return undefined;
        out.push(tok('?', 0, { unknown: word.toUpperCase(), end: i }));
        return out;
      }
      out.push(t);
      continue;
    }
    if (c !== '(') {
      out.push(tok(c));
      i++;
      continue;
    }
    let depth = 0;
    do {
      const ch = s[i++];
      if (ch === undefined) {
        out.push(tok('END', 0, { end: s.length }));
        return out;
      }
      if (ch === '(') depth++;
      else if (ch === ')') depth--;
    } while (depth !== 0);
  }
  return undefined;
}
