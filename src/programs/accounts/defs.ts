// /etc/login.defs and /etc/default/useradd as shadow's getdef and useradd read them: one
// `KEY value` (or `KEY=value`) per line, `#` comments; a missing key takes shadow's default.
import type { Sys } from '../../shared/sys';

const decoder = new TextDecoder();

async function readConfig(sys: Sys, path: string, sep: RegExp): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let text = '';
  try {
    text = decoder.decode(await sys.readFile(path));
  } catch {
    return out;
  }
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const m = sep.exec(line);
    if (!m) continue;
    out.set(line.slice(0, m.index), line.slice(m.index + m[0].length).replace(/^"(.*)"$/, '$1'));
  }
  return out;
}

export class LoginDefs {
  private constructor(private readonly map: Map<string, string>) {}

  /** With a --prefix, the login.defs under it. */
  static async load(sys: Sys, prefix = ''): Promise<LoginDefs> {
    return new LoginDefs(await readConfig(sys, prefix ? `${prefix}//etc/login.defs` : '/etc/login.defs', /\s+/));
  }

  /** putdef_str (useradd -K): overrides a setting for this run. */
  set(key: string, value: string): void {
    this.map.set(key, value);
  }

  str(key: string, def: string): string {
    return this.map.get(key) ?? def;
  }

  /** getdef_num: decimal, 0x hex or 0 octal (as strtol with base 0). */
  num(key: string, def: number): number {
    const v = this.map.get(key);
    if (v === undefined) return def;
    const n = /^-?0x[0-9a-f]+$/i.test(v) ? parseInt(v, 16) : /^-?0[0-7]+$/.test(v) ? parseInt(v, 8) : /^-?\d+$/.test(v) ? Number(v) : NaN;
    return Number.isFinite(n) ? n : def;
  }

  bool(key: string): boolean {
    return (this.map.get(key) ?? '').toLowerCase() === 'yes';
  }
}

/** is_valid_name of shadow 4.13 (libmisc/chkname.c). */
export function validName(name: string, max = 32): boolean {
  if (name.length > max || name === '' || name === '.' || name === '..') return false;
  if (!/^[A-Za-z0-9_.][A-Za-z0-9_.-]*\$?$/.test(name)) return false;
  return !/^\d+$/.test(name);
}

/**
 * strtoday(3) of shadow: a date as days since the epoch. Accepts YYYY-MM-DD, a plain
 * number of days, and -1/empty for "never"; undefined when it cannot parse.
 */
export function parseDay(s: string): number | undefined {
  if (s === '' || s === '-1') return -1;
  // a day number; the tools refuse one below -1 as an invalid date
  if (/^-?\d+$/.test(s)) return Number(s) < -1 ? undefined : Number(s);
  // get_date: ISO year-month-day or US month/day/year; an out-of-range day or month carries
  // over as mktime normalises it (2020-02-30 is March 1)
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  const [y, mo, d] = iso ? [iso[1], iso[2], iso[3]] : us ? [us[3], us[1], us[2]] : [];
  if (y === undefined) return undefined;
  return Math.floor(Date.UTC(Number(y), Number(mo) - 1, Number(d)) / 86_400_000);
}

/** A day number as `Mon DD, YYYY` (chage -l, passwd -S uses ISO). */
export function dayString(day: number): string {
  const d = new Date(day * 86_400_000);
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${months[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, '0')}, ${d.getUTCFullYear()}`;
}

export function isoDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** Settings shadow 4.13's getdef knows (a PAM build, no TCB): -K may override these. */
const DEF_ITEMS = new Set(('CHFN_RESTRICT CONSOLE_GROUPS CONSOLE CREATE_HOME DEFAULT_HOME ENCRYPT_METHOD ENV_PATH ENV_SUPATH ERASECHAR '
  + 'FAIL_DELAY FAKE_SHELL GID_MAX GID_MIN HOME_MODE HUSHLOGIN_FILE KILLCHAR LASTLOG_UID_MAX LOGIN_RETRIES LOGIN_TIMEOUT '
  + 'LOG_OK_LOGINS LOG_UNKFAIL_ENAB MAIL_DIR MAIL_FILE MAX_MEMBERS_PER_GROUP MD5_CRYPT_ENAB NONEXISTENT PASS_MAX_DAYS '
  + 'PASS_MIN_DAYS PASS_WARN_AGE SHA_CRYPT_MAX_ROUNDS SHA_CRYPT_MIN_ROUNDS BCRYPT_MAX_ROUNDS BCRYPT_MIN_ROUNDS '
  + 'YESCRYPT_COST_FACTOR SUB_GID_COUNT SUB_GID_MAX SUB_GID_MIN SUB_UID_COUNT SUB_UID_MAX SUB_UID_MIN SULOG_FILE SU_NAME '
  + 'SYS_GID_MAX SYS_GID_MIN SYS_UID_MAX SYS_UID_MIN TTYGROUP TTYPERM TTYTYPE_FILE UID_MAX UID_MIN UMASK USERDEL_CMD '
  + 'USERGROUPS_ENAB SYSLOG_SG_ENAB SYSLOG_SU_ENAB FORCE_SHADOW GRANT_AUX_GROUP_SUBIDS PREVENT_NO_AUTH').split(' '));
/** Settings it knows to belong to PAM or other packages: refused without a message. */
const OTHER_ITEMS = new Set(('CHFN_AUTH CHSH_AUTH CRACKLIB_DICTPATH ENV_HZ ENVIRON_FILE ENV_TZ FAILLOG_ENAB FTMP_FILE '
  + 'HMAC_CRYPTO_ALGO ISSUE_FILE LASTLOG_ENAB LOGIN_STRING MAIL_CHECK_ENAB MOTD_FILE NOLOGINS_FILE OBSCURE_CHECKS_ENAB '
  + 'PASS_ALWAYS_WARN PASS_CHANGE_TRIES PASS_MAX_LEN PASS_MIN_LEN PORTTIME_CHECKS_ENAB QUOTAS_ENAB SU_WHEEL_ONLY ULIMIT '
  + 'ALWAYS_SET_PATH ENV_ROOTPATH LOGIN_KEEP_USERNAME LOGIN_PLAIN_PROMPT MOTD_FIRSTONLY').split(' '));

/** def_find's verdict on a -K key: settable, or the message (possibly none) of a refusal. */
export function defItem(key: string): true | string {
  if (DEF_ITEMS.has(key)) return true;
  if (OTHER_ITEMS.has(key)) return '';
  return `configuration error - unknown item '${key}' (notify administrator)\n`;
}
