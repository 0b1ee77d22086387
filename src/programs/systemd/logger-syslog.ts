// The pieces of logger (util-linux 2.38) that turn options into a syslog message: priority
// names as <syslog.h>'s tables decode them, RFC 5424 structured data and its checks, and the
// three header forms (local, RFC 3164, RFC 5424). Strings here are binary strings (a char a byte).

const FACILITY_NAMES: Record<string, number> = {
  auth: 4 << 3, authpriv: 10 << 3, cron: 9 << 3, daemon: 3 << 3, ftp: 11 << 3, kern: 0, lpr: 6 << 3, mail: 2 << 3,
  mark: 24 << 3, news: 7 << 3, security: 4 << 3, syslog: 5 << 3, user: 1 << 3, uucp: 8 << 3,
  local0: 16 << 3, local1: 17 << 3, local2: 18 << 3, local3: 19 << 3, local4: 20 << 3, local5: 21 << 3, local6: 22 << 3, local7: 23 << 3,
};
const PRIORITY_NAMES: Record<string, number> = {
  alert: 1, crit: 2, debug: 7, emerg: 0, err: 3, error: 3, info: 6, none: 0x10, notice: 5, panic: 0, warn: 4, warning: 4,
};
export const LOG_FACMASK = 0x3f8;
export const LOG_USER_NOTICE = (1 << 3) | 5;

/** decode(): a name (any case) of the table, or a decimal number that is one of its values. */
function decode(name: string, table: Record<string, number>): number {
  if (/^[0-9]/.test(name)) {
    const m = /^[ \t\n\v\f\r]*([+-]?[0-9]+)$/.exec(name);
    if (!m) return -1;
    const n = Number(m[1]);
    return Object.values(table).includes(n) ? n : -1;
  }
  const v = table[name.toLowerCase()];
  return v ?? -1;
}

/** pencode(): "facility.level" or "level" to a priority value, or the message to fail with. */
export function encodePriority(text: string): number | string {
  let facility = 1 << 3;
  let level = text;
  const dot = text.indexOf('.');
  if (dot >= 0) {
    facility = decode(text.slice(0, dot), FACILITY_NAMES);
    if (facility < 0) return `unknown facility name: ${text.slice(0, dot)}`;
    level = text.slice(dot + 1);
  }
  const l = decode(level, PRIORITY_NAMES);
  if (l < 0) return `unknown priority name: ${level}`;
  if (facility === 0) facility = 1 << 3; // kern is not for user programs
  return (l & 7) | (facility & LOG_FACMASK);
}

/** One SD-ELEMENT: its id and the name="value" pairs given after it. */
export interface StructuredData {
  id: string;
  params: string[];
}

/** The first `c` in `s` not preceded by a backslash (ul_strchr_escaped), or -1. */
function indexUnescaped(s: string, c: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    if (s[i] === '\\' && i + 1 < s.length) {
      i++;
      continue;
    }
    if (s[i] === c) return i;
  }
  return -1;
}

/** valid_structured_data_id(): name@<digits>[.<digits>...], or one of the standard ids. */
export function validSdId(s: string): boolean {
  const at = s.indexOf('@');
  if (at < 0) return s === 'timeQuality' || s === 'origin' || s === 'meta';
  if (at === 0 || at === s.length - 1) return false;
  if (!/^[0-9]+(\.[0-9]+)*$/.test(s.slice(at + 1))) return false;
  // eslint-disable-next-line no-control-regex
  return !/[[="@ \t\x00-\x1f\x7f]/.test(s.slice(0, at));
}

/** valid_structured_data_param(): name="value" with ] " \ escaped inside the value. */
export function validSdParam(s: string): boolean {
  const eq = s.indexOf('=');
  const q1 = s.indexOf('"');
  const q2 = q1 >= 0 ? indexUnescaped(s, '"', q1 + 1) : -1;
  if (eq < 0 || q1 < 0 || q2 < 0) return false;
  // a ']' must be escaped
  for (let from = q1 + 1; ; ) {
    const p = s.indexOf(']', from);
    if (p < 0) break;
    if (p > q2 || p === indexUnescaped(s, ']', from)) return false;
    from = p + 1;
  }
  // a '\' only before [ ] " \
  for (let from = q1 + 1; ; ) {
    const p = s.indexOf('\\', from);
    if (p < 0) break;
    // (the end of the text passes, as strchr finds the terminator)
    if (p + 1 < s.length && !'[]"\\'.includes(s[p + 1]!)) return false;
    from = p + 1;
    if (s[from] === '\\') from++;
  }
  return eq > 0 && eq + 1 === q1 && q1 < q2 && q2 === s.length - 1;
}

export type HeaderForm = 'local' | 'rfc3164' | 'rfc5424';

export interface HeaderInput {
  form: HeaderForm;
  pri: number;
  tag: string;
  /** 0: none shown. */
  pid: number;
  msgid?: string;
  /** The time as RFC 3164 writes it ("Jan  5 09:03:07") and as RFC 5424 does (RFC 3339, microseconds). */
  time3164: string;
  time5424: string;
  /** The host name (its first label for RFC 3164). */
  host: string;
  rfc5424Time: boolean;
  rfc5424Host: boolean;
  timeQuality: boolean;
  sds: StructuredData[];
}

/** The header that goes before each message, or the message logger fails with. */
export function syslogHeader(h: HeaderInput): { header: string } | { error: string } {
  if (h.form === 'local') return { header: `<${h.pri}>${h.time3164} ${h.tag}${h.pid ? `[${h.pid}]` : ''}: ` };
  if (h.form === 'rfc3164') {
    const host = h.host.split('.')[0] || '-';
    return { header: `<${h.pri}>${h.time3164.slice(0, 15)} ${host} ${h.tag.slice(0, 200)}${h.pid ? `[${h.pid}]` : ''}: ` };
  }
  const host = h.rfc5424Host ? h.host || '-' : '-';
  if (host.length > 255) return { error: `hostname '${host}' is too long` };
  if (h.tag.length > 48) return { error: `tag '${h.tag}' is too long` };
  // timeQuality comes first (it is the reserved element), unless the user gave one
  const all = [...(h.timeQuality && !h.sds.some((d) => d.id === 'timeQuality') ? [{ id: 'timeQuality', params: ['tzKnown="1"', 'isSynced="0"'] }] : []), ...h.sds];
  const sd = all.filter((d) => d.params.length).map((d) => `[${d.id} ${d.params.join(' ')}]`).join('');
  const fields = [h.rfc5424Time ? h.time5424 : '-', host, h.tag, h.pid ? String(h.pid) : '-', h.msgid ?? '-', sd || '-'];
  return { header: `<${h.pri}>1 ${fields.join(' ')} ` };
}
