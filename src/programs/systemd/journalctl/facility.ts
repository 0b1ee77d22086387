// journalctl --facility=: syslog facilities by name or number, separated by commas; "help"
// lists them (journalctl.c, help_facilities(); log_facility_unshifted_from_string()).
import { extractFirstWord } from '../../../shared/systemd/words';

/** The facility names by number; those without a name are shown as their number. */
const NAMES = ['kern', 'user', 'mail', 'daemon', 'auth', 'syslog', 'lpr', 'news', 'uucp', 'cron', 'authpriv', 'ftp', '12', '13', '14', '15', 'local0', 'local1', 'local2', 'local3', 'local4', 'local5', 'local6', 'local7'];

/** What --facility=help prints (the heading not with -q). */
export function facilityHelp(quiet: boolean): string {
  return `${quiet ? '' : 'Available facilities:\n'}${NAMES.map((n) => `${n}\n`).join('')}`;
}

/** safe_atou(): blanks, no sign but "+", 0x/0 (C) or 0b/0o prefixes; undefined if not a number. */
function safeAtou(s: string): number | undefined {
  let t = s.replace(/^[ \t\n\r]+/, '');
  let base = 0;
  if (/^0[bB]/.test(t)) [base, t] = [2, t.slice(2)];
  else if (/^0[oO]/.test(t)) [base, t] = [8, t.slice(2)];
  t = t.replace(/^[ \t\n\r\v\f]*\+?/, '');
  if (base === 0) {
    if (/^0[xX][0-9a-fA-F]/.test(t)) [base, t] = [16, t.slice(2)];
    else base = t.startsWith('0') ? 8 : 10;
  }
  const digits = { 2: /^[01]+$/, 8: /^[0-7]+$/, 10: /^\d+$/, 16: /^[0-9a-fA-F]+$/ }[base]!;
  return digits.test(t) ? parseInt(t, base) : undefined;
}

/**
 * The facilities of one --facility= value: numbers, 'help', or the message of the error.
 * Numbers go up to 127 (what a priority's facility bits can hold).
 */
export function parseFacilities(value: string): number[] | 'help' | { error: string } {
  const out: number[] = [];
  let pos: number | undefined = 0;
  while (pos !== undefined) {
    const r = extractFirstWord(value, pos, { separators: ',' });
    if (r === null) break;
    if (r === 'error') return { error: `Failed to parse facilities: ${value}` };
    pos = r.next;
    if (r.word === 'help') return 'help';
    const named = NAMES.indexOf(r.word);
    const n = named >= 0 && !/^\d/.test(r.word) ? named : safeAtou(r.word);
    if (n === undefined || n > 127) return { error: `Bad --facility= argument "${r.word}".` };
    out.push(n);
  }
  return out;
}
