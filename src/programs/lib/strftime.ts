// strftime(3) in the C locale, in UTC or in a given zone (ls -l passes the local one).
// Nanoseconds come from milliseconds.
import { msToTimespec } from './timespec';
import { nameAt, offsetAt, offsetText, type TimeZone } from './tz-zone';

export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const FULL_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
export const FULL_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const pad = (n: number, width: number, fill = '0'): string => String(n).padStart(width, fill);

function isoWeek(d: Date): { year: number; week: number } {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  return { year: t.getUTCFullYear(), week: Math.ceil(((t.getTime() - yearStart) / 86400000 + 1) / 7) };
}

/** Formats epoch milliseconds `ms` with `format` in `tz` (UTC by default); `nanos` overrides the
 * sub-second part. `glibc`: %N is not a conversion (as for bash's printf %(...)T). */
export function strftime(format: string, ms: number, nanos?: number, tz?: TimeZone, opts?: { glibc?: boolean }): string {
  let ns = nanos;
  if (ns === undefined) {
    const t = msToTimespec(ms);
    ms = t.sec * 1000;
    ns = t.ns;
  }
  const off = tz ? offsetAt(tz, Math.floor(ms / 1000)) : 0;
  const d = new Date(ms + off * 1000);
  const Y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const day = d.getUTCDate();
  const H = d.getUTCHours();
  const M = d.getUTCMinutes();
  const S = d.getUTCSeconds();
  const wday = d.getUTCDay();
  const yday = Math.floor((Date.UTC(Y, m, day) - Date.UTC(Y, 0, 1)) / 86400000);
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const c = format[i]!;
    if (c !== '%' || i + 1 >= format.length) {
      out += c;
      continue;
    }
    // glibc's flags (_ - 0 ^ #), a field width and the E/O modifiers, then the conversion
    const spec = /^([-_0^#]*)(\d*)([EO]?)(.?)/s.exec(format.slice(i + 1))!;
    i += spec[0].length;
    const f = spec[4]!;
    const flags = spec[1]!;
    const width = Number(spec[2] || 0);
    const start = out.length;
    if (!f || (spec[3] && MODIFIER_REFUSED[spec[3]]!.includes(f)) || (f === 'N' && opts?.glibc)) {
      out += badFormat(`%${spec[0]}`, flags, width);
      continue;
    }
    switch (f) {
      case '%': out += '%'; break;
      case 'a': out += DAYS[wday]; break;
      case 'A': out += FULL_DAYS[wday]; break;
      case 'b': case 'h': out += MONTHS[m]; break;
      case 'B': out += FULL_MONTHS[m]; break;
      case 'c': out += `${DAYS[wday]} ${MONTHS[m]} ${pad(day, 2, ' ')} ${pad(H, 2)}:${pad(M, 2)}:${pad(S, 2)} ${Y}`; break;
      case 'C': out += pad(Math.floor(Y / 100), 2); break;
      case 'd': out += pad(day, 2); break;
      case 'D': out += `${pad(m + 1, 2)}/${pad(day, 2)}/${pad(Y % 100, 2)}`; break;
      case 'e': out += pad(day, 2, ' '); break;
      case 'F': out += `${Y}-${pad(m + 1, 2)}-${pad(day, 2)}`; break;
      case 'g': out += pad(isoWeek(d).year % 100, 2); break;
      case 'G': out += String(isoWeek(d).year); break;
      case 'H': out += pad(H, 2); break;
      case 'I': out += pad(H % 12 || 12, 2); break;
      case 'j': out += pad(yday + 1, 3); break;
      case 'k': out += pad(H, 2, ' '); break;
      case 'l': out += pad(H % 12 || 12, 2, ' '); break;
      case 'm': out += pad(m + 1, 2); break;
      case 'M': out += pad(M, 2); break;
      case 'n': out += '\n'; break;
      case 'N': out += pad(ns, 9); break;
      case 'p': out += H < 12 ? 'AM' : 'PM'; break;
      case 'P': out += H < 12 ? 'am' : 'pm'; break;
      case 'r': out += `${pad(H % 12 || 12, 2)}:${pad(M, 2)}:${pad(S, 2)} ${H < 12 ? 'AM' : 'PM'}`; break;
      case 'R': out += `${pad(H, 2)}:${pad(M, 2)}`; break;
      case 's': out += String(Math.floor(ms / 1000)); break;
      case 'S': out += pad(S, 2); break;
      case 't': out += '\t'; break;
      case 'T': out += `${pad(H, 2)}:${pad(M, 2)}:${pad(S, 2)}`; break;
      case 'u': out += String(wday || 7); break;
      case 'U': out += pad(Math.floor((yday + 7 - wday) / 7), 2); break;
      case 'V': out += pad(isoWeek(d).week, 2); break;
      case 'w': out += String(wday); break;
      case 'W': out += pad(Math.floor((yday + 7 - ((wday + 6) % 7)) / 7), 2); break;
      case 'x': out += `${pad(m + 1, 2)}/${pad(day, 2)}/${pad(Y % 100, 2)}`; break;
      case 'X': out += `${pad(H, 2)}:${pad(M, 2)}:${pad(S, 2)}`; break;
      case 'y': out += pad(Y % 100, 2); break;
      case 'Y': out += String(Y); break;
      case 'z': out += offsetText(off); break;
      case 'Z': out += tz ? nameAt(tz, Math.floor(ms / 1000)) : 'UTC'; break;
      default:
        out += badFormat(`%${spec[0]}`, flags, width);
        continue;
    }
    if (flags || width) out = out.slice(0, start) + adjust(out.slice(start), f, flags, width);
  }
  return out;
}

// the conversions glibc refuses after an E or an O modifier
const MODIFIER_REFUSED: Record<string, string> = { E: 'aAbBdDeFgGhHIjklmMSUVwW', O: 'aAcDFxXY' };

/** What glibc prints for a conversion it does not know (or one at the format's end): the
 * specification as written, upper-cased under `^`, padded to the width (zeros only under `0`). */
function badFormat(text: string, flags: string, width: number): string {
  if (flags.includes('^')) text = text.toUpperCase();
  const last = [...flags].reverse().find((x) => x === '-' || x === '_' || x === '0');
  return text.padStart(width, last === '0' ? '0' : ' ');
}

const NUMERIC = new Set('CdegGHIjklmMNsSuUVwWyY');

/** A conversion's text under strftime flags and a width (numbers pad with zeros, text with spaces). */
function adjust(text: string, conv: string, flags: string, width: number): string {
  const numeric = NUMERIC.has(conv);
  if (flags.includes('^')) text = text.toUpperCase();
  else if (flags.includes('#')) text = /[a-z]/.test(text) ? text.toUpperCase() : text.toLowerCase();
  let fill = numeric ? '0' : ' ';
  if (numeric) {
    const last = [...flags].reverse().find((x) => x === '-' || x === '_' || x === '0');
    const sign = /^-/.test(text) ? '-' : '';
    let digits = sign ? text.slice(1) : text;
    if (last) digits = digits.replace(/^[0 ]+(?=.)/, '');
    if (last === '_' || last === '0') {
      // the conversion's own width still holds, filled the other way
      fill = last === '_' ? ' ' : '0';
      digits = digits.padStart(text.length - sign.length, fill);
    }
    text = sign + digits;
    // `-`: no padding of its own, but a width given still pads with spaces
    if (last === '-') fill = ' ';
  } else if (flags.includes('0')) fill = '0';
  return text.length >= width ? text : fill === '0' && /^-/.test(text) ? `-${text.slice(1).padStart(width - 1, '0')}` : text.padStart(width, fill);
}
