// gnulib nstrftime (what date, stat and ls --time-style use) in the C locale: the flags
// _ - 0 + ^ #, a field width, the E and O modifiers, %N with a digit count, %:z %::z %:::z,
// and the odd cases (an unknown conversion is copied, padded to the width).
import { DAYS, FULL_DAYS, FULL_MONTHS, MONTHS } from './strftime';
import { localtime, type TimeZone, type Tm, UTC } from './tz';

interface State {
  tm: Tm;
  ns: number;
  /** Seconds since the epoch, for %s. */
  seconds: number;
}

function isoWeekDays(yday: number, wday: number): number {
  // days since the Monday of the ISO week that holds the year's first Thursday
  const bigEnoughMultipleOf7 = (Math.floor(366 / 7) + 2) * 7;
  return yday - ((yday - wday + 4 + bigEnoughMultipleOf7) % 7) + 3;
}

/** glibc strftime's two-digit year, (tm_year % 100 + 100) % 100: year -2 is 98. */
const glibcYy = (year: number): number => (((year - 1900) % 100) + 100) % 100;
const two = (n: number): string => String(n).padStart(2, '0');

const isLeap = (y: number): boolean => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);

function format(st: State, fmt: string, upcase: boolean, yrSpec: string, widthIn: number): string {
  const { tm } = st;
  let out = '';
  const hour12 = tm.hour > 12 ? tm.hour - 12 : tm.hour === 0 ? 12 : tm.hour;
  for (let f = 0; f < fmt.length; f++) {
    let width = f === 0 ? widthIn : -1;
    width = widthIn >= 0 && f === 0 ? widthIn : width;
    if (fmt[f] !== '%') {
      out += pad1(fmt[f]!, width, '');
      continue;
    }
    const percent = f;
    let pad = '';
    let toUpper = upcase;
    let toLower = false;
    let changeCase = false;
    for (;;) {
      const c = fmt[++f];
      if (c === '_' || c === '-' || c === '+' || c === '0') pad = c;
      else if (c === '^') toUpper = true;
      else if (c === '#') changeCase = true;
      else break;
    }
    if (/[0-9]/.test(fmt[f] ?? '')) {
      width = 0;
      while (/[0-9]/.test(fmt[f] ?? '')) width = Math.min(width * 10 + Number(fmt[f++]), 2 ** 31 - 1);
    }
    let modifier = '';
    if (fmt[f] === 'E' || fmt[f] === 'O') modifier = fmt[f++]!;
    const fc = fmt[f];

    const add = (text: string): void => {
      out += padTo(text, width, pad);
    };
    const cpy = (text: string): void => {
      add(toLower ? text.toLowerCase() : toUpper ? text.toUpperCase() : text);
    };
    const badFormat = (): void => {
      cpy(fmt.slice(percent, f + 1));
    };
    const numberBody = (digits: number, negative: boolean, value: number, sign: boolean, colonMask = 0): void => {
      let s = '';
      let v = Math.abs(value);
      let mask = colonMask;
      do {
        if (mask & 1) s = ':' + s;
        mask >>= 1;
        s = String(v % 10) + s;
        v = Math.floor(v / 10);
      } while (v !== 0 || mask !== 0);
      signAndPad(s, digits, negative, sign);
    };
    const signAndPad = (s: string, digits: number, negative: boolean, sign: boolean): void => {
      if (pad === '') pad = '0';
      if (width < 0) width = digits;
      const signChar = negative ? '-' : sign ? '+' : '';
      const shortage = width - (signChar ? 1 : 0) - s.length;
      const padding = pad === '-' || shortage <= 0 ? 0 : shortage;
      if (signChar) {
        if (pad === '_') {
          out += ' '.repeat(padding);
          width -= padding;
        }
        out += signChar;
        width--;
      }
      cpy(s);
    };
    const num = (digits: number, value: number): void => numberBody(digits, value < 0, value, false);
    const spacepad = (digits: number, value: number): void => {
      if (pad === '') pad = '_';
      num(digits, value);
    };
    const yearish = (digits: number, negative: boolean, value: number): void => {
      if (pad === '') pad = yrSpec;
      const sign = pad === '+' && ((digits === 2 ? 99 : 9999) < value || digits < width);
      numberBody(digits, negative, value, sign);
    };
    const sub = (subfmt: string, subwidth = -1): void => {
      add(format(st, subfmt, toUpper, pad, subwidth));
    };

    switch (fc) {
      case '%':
        if (f - 1 !== percent) {
          f--;
          badFormat();
        } else add('%');
        break;
      case 'a':
      case 'A':
        if (modifier) badFormat();
        else {
          if (changeCase) toUpper = true;
          cpy(fc === 'a' ? DAYS[tm.wday]! : FULL_DAYS[tm.wday]!);
        }
        break;
      case 'b':
      case 'h':
      case 'B':
        if (modifier === 'E') badFormat();
        else {
          if (changeCase) toUpper = true;
          cpy(fc === 'B' ? FULL_MONTHS[tm.mon]! : MONTHS[tm.mon]!);
        }
        break;
      case 'c':
        // %c and %x are glibc's strftime (gnulib hands them down): its year here is unpadded
        if (modifier === 'O') badFormat();
        else cpy(format(st, '%a %b %e %H:%M:%S %Y', false, '-', -1));
        break;
      case 'C':
        // %EC is glibc's (no era in the C locale): year / 100 rounded down, at least one digit
        if (modifier === 'E') num(1, Math.floor(tm.year / 100));
        else {
          const negativeYear = tm.year < 0;
          const zeroThru1899 = !negativeYear && tm.year < 1900;
          yearish(2, negativeYear, Math.trunc((tm.year - 1900 - 99 * (zeroThru1899 ? 1 : 0)) / 100) + 19);
        }
        break;
      case 'x':
        if (modifier === 'O') badFormat();
        else cpy(`${two(tm.mon + 1)}/${two(tm.mday)}/${two(glibcYy(tm.year))}`);
        break;
      case 'D':
        if (modifier) badFormat();
        else sub('%m/%d/%y');
        break;
      case 'd':
        if (modifier === 'E') badFormat();
        else num(2, tm.mday);
        break;
      case 'e':
        if (modifier === 'E') badFormat();
        else spacepad(2, tm.mday);
        break;
      case 'F': {
        if (modifier) {
          badFormat();
          break;
        }
        let subwidth: number;
        if (pad === '' && width < 0) {
          pad = '+';
          subwidth = 4;
        } else subwidth = Math.max(0, width - 6);
        sub('%Y-%m-%d', subwidth);
        break;
      }
      case 'H':
      case 'I':
      case 'M':
      case 'S':
      case 'W':
      case 'U':
      case 'w':
        if (modifier === 'E') {
          badFormat();
          break;
        }
        if (fc === 'H') num(2, tm.hour);
        else if (fc === 'I') num(2, hour12);
        else if (fc === 'M') num(2, tm.min);
        else if (fc === 'S') num(2, tm.sec);
        else if (fc === 'U') num(2, Math.floor((tm.yday - tm.wday + 7) / 7));
        else if (fc === 'W') num(2, Math.floor((tm.yday - ((tm.wday - 1 + 7) % 7) + 7) / 7));
        else num(1, tm.wday);
        break;
      case 'k':
      case 'l':
        if (modifier === 'E') badFormat();
        else spacepad(2, fc === 'k' ? tm.hour : hour12);
        break;
      case 'j':
        if (modifier === 'E') badFormat();
        else numberBody(3, false, tm.yday + 1, false);
        break;
      case 'm':
        if (modifier === 'E') badFormat();
        else numberBody(2, false, tm.mon + 1, false);
        break;
      case 'N': {
        if (modifier === 'E') {
          badFormat();
          break;
        }
        let n = st.ns;
        if (width <= 0) width = 9;
        let ndigs = 9;
        while (width < ndigs || (ndigs > 1 && n % 10 === 0)) {
          ndigs--;
          n = Math.floor(n / 10);
        }
        const digits = String(n).padStart(ndigs, '0');
        if (!pad) pad = '0';
        const w = width;
        width = 0;
        cpy(digits);
        width = w - ndigs;
        add('');
        break;
      }
      case 'n':
        add('\n');
        break;
      case 'P':
      case 'p':
        if (fc === 'P') toLower = true;
        if (changeCase) {
          toUpper = false;
          toLower = true;
        }
        cpy(tm.hour > 11 ? 'PM' : 'AM');
        break;
      case 'q':
        numberBody(1, false, ((tm.mon * 11) >> 5) + 1, false);
        break;
      case 'R':
        sub('%H:%M');
        break;
      case 'r':
        cpy(format(st, '%I:%M:%S %p', false, '', -1));
        break;
      case 's':
        signAndPad(String(Math.abs(st.seconds)), 1, st.seconds < 0, false);
        break;
      case 'X':
        if (modifier === 'O') badFormat();
        else cpy(format(st, '%H:%M:%S', false, '', -1));
        break;
      case 'T':
        sub('%H:%M:%S');
        break;
      case 't':
        add('\t');
        break;
      case 'u':
        num(1, ((tm.wday - 1 + 7) % 7) + 1);
        break;
      case 'V':
      case 'g':
      case 'G': {
        if (modifier === 'E') {
          badFormat();
          break;
        }
        let yearAdjust = 0;
        let days = isoWeekDays(tm.yday, tm.wday);
        if (days < 0) {
          yearAdjust = -1;
          days = isoWeekDays(tm.yday + 365 + (isLeap(tm.year - 1) ? 1 : 0), tm.wday);
        } else {
          const d = isoWeekDays(tm.yday - (365 + (isLeap(tm.year) ? 1 : 0)), tm.wday);
          if (d >= 0) {
            yearAdjust = 1;
            days = d;
          }
        }
        if (fc === 'g') {
          // C's remainder of tm_year: a negative year shows its own last two digits
          const tmYear = tm.year - 1900;
          const yy = ((tmYear % 100) + yearAdjust) % 100;
          yearish(2, false, yy >= 0 ? yy : tmYear < -1900 - yearAdjust ? -yy : yy + 100);
        } else if (fc === 'G') yearish(4, tm.year + yearAdjust < 0, Math.abs(tm.year + yearAdjust));
        else num(2, Math.floor(days / 7) + 1);
        break;
      }
      case 'Y':
        if (modifier === 'O') badFormat();
        // %EY is glibc's: the year in at least one digit
        else if (modifier === 'E') num(1, tm.year);
        else yearish(4, tm.year < 0, Math.abs(tm.year));
        break;
      case 'y': {
        // %Ey and %Oy are glibc's, which counts a negative year's digits back from 100
        const tmYear = tm.year - 1900;
        const yy = tmYear % 100;
        if (modifier) yearish(2, false, glibcYy(tm.year));
        else yearish(2, false, yy >= 0 ? yy : tmYear < -1900 ? -yy : yy + 100);
        break;
      }
      case 'Z':
        if (changeCase) {
          toUpper = false;
          toLower = true;
        }
        cpy(tm.zone);
        break;
      case ':':
      case 'z': {
        let colons = 0;
        if (fc === ':') {
          colons = 1;
          while (fmt[f + colons] === ':') colons++;
          if (fmt[f + colons] !== 'z') {
            badFormat();
            break;
          }
          f += colons;
        }
        const diff = tm.gmtoff;
        const negative = diff < 0;
        const a = Math.abs(diff);
        const h = Math.floor(a / 3600);
        const mi = Math.floor(a / 60) % 60;
        const s = a % 60;
        if (colons === 0) numberBody(5, negative, h * 100 + mi, true);
        else if (colons === 1 || (colons === 3 && s === 0 && mi !== 0)) numberBody(6, negative, h * 100 + mi, true, 0o4);
        else if (colons === 2 || (colons === 3 && s !== 0)) numberBody(9, negative, h * 10000 + mi * 100 + s, true, 0o24);
        else if (colons === 3) numberBody(3, negative, h, true);
        else badFormat();
        break;
      }
      case undefined:
        f--;
        badFormat();
        break;
      default:
        badFormat();
    }
  }
  return out;
}

function padTo(text: string, width: number, pad: string): string {
  const w = pad === '-' || width < 0 ? 0 : width;
  if (text.length >= w) return text;
  return (pad === '0' || pad === '+' ? '0' : ' ').repeat(w - text.length) + text;
}

function pad1(c: string, width: number, pad: string): string {
  return padTo(c, width, pad);
}

/** Formats `tm` (seconds `seconds` since the epoch, `ns` nanoseconds) with a GNU format. */
export function nstrftime(fmt: string, tm: Tm, ns: number, seconds: number): string {
  return format({ tm, ns, seconds }, fmt, false, '', -1);
}

/** Formats a time given as seconds + nanoseconds in zone `tz`. */
export function formatTime(fmt: string, seconds: number, ns: number, tz: TimeZone = UTC): string {
  return nstrftime(fmt, localtime(seconds, tz), ns, seconds);
}
