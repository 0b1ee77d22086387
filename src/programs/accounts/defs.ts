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

  static async load(sys: Sys): Promise<LoginDefs> {
    return new LoginDefs(await readConfig(sys, '/etc/login.defs', /\s+/));
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

export interface UseraddDefaults {
  group: string;
  home: string;
  inactive: string;
  expire: string;
  shell: string;
  skel: string;
  createMailSpool: string;
}

export async function useraddDefaults(sys: Sys): Promise<UseraddDefaults> {
  const m = await readConfig(sys, '/etc/default/useradd', /=/);
  return {
    group: m.get('GROUP') ?? '100',
    home: m.get('HOME') ?? '/home',
    inactive: m.get('INACTIVE') ?? '-1',
    expire: m.get('EXPIRE') ?? '',
    shell: m.get('SHELL') ?? '/bin/bash',
    skel: m.get('SKEL') ?? '/etc/skel',
    createMailSpool: m.get('CREATE_MAIL_SPOOL') ?? 'no',
  };
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
  if (/^-?\d+$/.test(s)) return Number(s);
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (!m) return undefined;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const d = new Date(t);
  if (d.getUTCMonth() !== Number(m[2]) - 1) return undefined;
  return Math.floor(t / 86_400_000);
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
