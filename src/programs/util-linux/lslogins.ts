// lslogins (util-linux 2.38): what the account databases, wtmp/btmp/lastlog and the process
// table know about each user, as a table sorted by UID (plain, raw, colon-separated, export,
// one field a line, NUL-joined), or for one named user every field as "Name:  value" lines.
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { getopt, GetoptError } from '../lib/getopt';
import { parseGroup, parsePasswd, type PasswdEntry } from '../lib/accounts';
import { localtime, localZone, type TimeZone } from '../lib/tz';
import { MONTHS, DAYS } from '../lib/strftime';
import { scolsPrint, type ScolsColumn } from './smartcols';
import { utilLinuxVersion } from './common';

// name, description (help), pretty name, right-aligned; in the order --output-all lists them
const COLUMNS: [string, string, string, boolean][] = [
  ['USER', 'user name', 'Username', false],
  ['UID', 'user ID', 'UID', true],
  ['GECOS', 'full user name', 'Gecos field', false],
  ['HOMEDIR', 'home directory', 'Home directory', false],
  ['SHELL', 'login shell', 'Shell', false],
  ['NOLOGIN', 'log in disabled by nologin(8) or pam_nologin(8)', 'No login', true],
  ['PWD-LOCK', 'password defined, but locked', 'Password is locked', true],
  ['PWD-EMPTY', 'password not defined', 'Password not required (empty)', true],
  ['PWD-DENY', 'login by password disabled', 'Login by password disabled', true],
  ['PWD-METHOD', 'password encryption method', 'Password encryption method', false],
  ['GROUP', 'primary group name', 'Primary group', false],
  ['GID', 'primary group ID', 'GID', true],
  ['SUPP-GROUPS', 'supplementary group names', 'Supplementary groups', false],
  ['SUPP-GIDS', 'supplementary group IDs', 'Supplementary group IDs', false],
  ['LAST-LOGIN', 'date of last login', 'Last login', true],
  ['LAST-TTY', 'last tty used', 'Last terminal', false],
  ['LAST-HOSTNAME', 'hostname during the last session', 'Last hostname', false],
  ['FAILED-LOGIN', 'date of last failed login', 'Failed login', false],
  ['FAILED-TTY', 'where did the login fail?', 'Failed login terminal', false],
  ['HUSHED', "user's hush settings", 'Hushed', true],
  ['PWD-WARN', 'days user is warned of password expiration', 'Password expiration warn interval', true],
  ['PWD-CHANGE', 'date of last password change', 'Password changed', true],
  ['PWD-MIN', 'number of days required between changes', 'Minimum change time', true],
  ['PWD-MAX', 'max number of days a password may remain unchanged', 'Maximum change time', true],
  ['PWD-EXPIR', 'password expiration date', 'Password expiration', true],
  ['CONTEXT', "the user's security context", 'Selinux context', false],
  ['PROC', 'number of processes run by the user', 'Running processes', true],
];
const NAMES = COLUMNS.map((c) => c[0]);
// (the help lists the columns in the library's own order)
const HELP_ORDER = ['USER', 'UID', 'PWD-EMPTY', 'PWD-DENY', 'PWD-LOCK', 'PWD-METHOD', 'NOLOGIN', 'GROUP', 'GID', 'SUPP-GROUPS', 'SUPP-GIDS', 'HOMEDIR', 'SHELL', 'GECOS',
  'LAST-LOGIN', 'LAST-TTY', 'LAST-HOSTNAME', 'FAILED-LOGIN', 'FAILED-TTY', 'HUSHED', 'PWD-WARN', 'PWD-EXPIR', 'PWD-CHANGE', 'PWD-MIN', 'PWD-MAX', 'CONTEXT', 'PROC'];

interface Shadow {
  pwd: string;
  lastchg?: number;
  min?: number;
  max?: number;
  warn?: number;
  expire?: number;
}

interface LoginRecord {
  time: number;
  line: string;
  host: string;
}

const latin1 = new TextDecoder('latin1');

/** A NUL-padded field of a utmp or lastlog record. */
function field(b: Uint8Array, at: number, len: number): string {
  const s = b.subarray(at, at + len);
  const end = s.indexOf(0);
  return latin1.decode(end < 0 ? s : s.subarray(0, end));
}

/** The last record of each user in a wtmp-format file (384-byte utmp records). */
async function lastRecords(ctx: Ctx, path: string): Promise<Map<string, LoginRecord> | undefined> {
  let data: Uint8Array;
  try {
    data = await ctx.sys.readFile(path);
  } catch {
    return undefined;
  }
  const out = new Map<string, LoginRecord>();
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  for (let at = 0; at + 384 <= data.length; at += 384) {
    const user = field(data, at + 44, 32);
    if (user) out.set(user, { time: view.getInt32(at + 340, true), line: field(data, at + 8, 32), host: field(data, at + 76, 256) });
  }
  return out;
}

/** The crypt method of a hash ($1$, $2a$/$2y$, $5$, $6$), with the hash's length, and what follows the id. */
function method(p: string): { name: string; len: number; rest: string } | undefined {
  const m = /^\$(1|2[ay]|5|6)\$(.*)$/s.exec(p);
  if (!m) return undefined;
  const [name, len] = m[1] === '1' ? ['MD5', 22] : m[1] === '5' ? ['SHA-256', 43] : m[1] === '6' ? ['SHA-512', 86] : ['Blowfish', 0];
  return { name: name as string, len: len as number, rest: m[2]! };
}

/** A well-formed crypt hash: $id$salt$hash, the hash of its method's length. */
function validHash(p: string): boolean {
  const m = method(p);
  if (!m) return false;
  const parts = /^([A-Za-z0-9./]*)\$([A-Za-z0-9./]+)$/.exec(m.rest);
  return !!parts && (!m.len || parts[2]!.length === m.len);
}

const two = (n: number): string => String(n).padStart(2, '0');

export default defineProgram({
  name: 'lslogins',
  installPath: '/usr/bin/lslogins',
  pkg: 'util-linux',
  async main(ctx: Ctx) {
    let p;
    const opts = [
      { key: 'a', short: 'a', long: 'acc-expiration' }, { key: 'c', short: 'c', long: 'colon-separate' }, { key: 'e', short: 'e', long: 'export' },
      { key: 'f', short: 'f', long: 'failed' }, { key: 'G', short: 'G', long: 'supp-groups' }, { key: 'g', short: 'g', long: 'groups', arg: 'required' as const },
      { key: 'h', short: 'h', long: 'help' }, { key: 'L', short: 'L', long: 'last' }, { key: 'l', short: 'l', long: 'logins', arg: 'required' as const },
      { key: 'n', short: 'n', long: 'newline' }, { key: 'notrunc', long: 'notruncate' }, { key: 'nohead', long: 'noheadings' },
      { key: 'o', short: 'o', long: 'output', arg: 'required' as const }, { key: 'all', long: 'output-all' }, { key: 'p', short: 'p', long: 'pwd' },
      { key: 'r', short: 'r', long: 'raw' }, { key: 's', short: 's', long: 'system-accs' }, { key: 'time', long: 'time-format', arg: 'required' as const },
      { key: 'u', short: 'u', long: 'user-accs' }, { key: 'V', short: 'V', long: 'version' }, { key: 'y', short: 'y', long: 'shell' },
      { key: 'z', short: 'z', long: 'print0' }, { key: 'Z', short: 'Z', long: 'context' }, { key: 'wtmp', long: 'wtmp-file', arg: 'required' as const },
      { key: 'btmp', long: 'btmp-file', arg: 'required' as const }, { key: 'lastlog', long: 'lastlog-file', arg: 'required' as const },
    ];
    try {
      p = getopt(ctx.argv.slice(1), opts);
    } catch (e) {
      if (!(e instanceof GetoptError)) throw e;
      await ctx.err.write(`lslogins: ${e.message}\nTry 'lslogins --help' for more information.\n`);
      return 1;
    }
    const fail = async (msg: string): Promise<number> => {
      await ctx.err.write(`lslogins: ${msg}\n`);
      return 1;
    };
    // the options that cannot go together, checked in the order given
    const longOf = (k: string): string => `--${opts.find((o) => o.key === k)!.long}`;
    for (const set of [['G', 'o'], ['L', 'o'], ['Z', 'o'], ['a', 'o'], ['c', 'n', 'r', 'z'], ['o', 'p']]) {
      const seen = [...new Set(p.order.map((o) => o.key).filter((k) => set.includes(k)))];
      if (seen.length > 1) return fail(`mutually exclusive arguments: ${set.map(longOf).join(' ')}`);
    }
    const columns = ['UID', 'USER'];
    let outmode = '';
    let outarg: string | undefined;
    let timeMode = 'short';
    for (const { key, value } of p.order) {
      switch (key) {
        case 'a': columns.push('PWD-WARN', 'PWD-MIN', 'PWD-MAX', 'PWD-CHANGE', 'PWD-EXPIR'); break;
        case 'f': columns.push('FAILED-LOGIN', 'FAILED-TTY'); break;
        case 'G': columns.push('GID', 'GROUP', 'SUPP-GIDS', 'SUPP-GROUPS'); break;
        case 'L': columns.push('LAST-TTY', 'LAST-HOSTNAME', 'LAST-LOGIN'); break;
        case 'p': columns.push('PWD-EMPTY', 'PWD-LOCK', 'PWD-DENY', 'NOLOGIN', 'HUSHED', 'PWD-METHOD'); break;
        case 'Z': columns.push('CONTEXT'); break;
        case 'c': case 'e': case 'n': case 'r': case 'z': outmode = key; break;
        case 'o': outarg = (value ?? '').replace(/^=/, ''); break;
        case 'all': columns.splice(0, columns.length, ...NAMES); break;
        case 'time':
          if (!['iso', 'full', 'short'].includes(value ?? '')) return fail(`unknown time format: ${value}`);
          timeMode = value!;
          break;
        case 'h': return ctx.print(help()).then(() => 0);
        case 'V': return ctx.print(`${utilLinuxVersion('lslogins')}\n`).then(() => 0);
      }
    }
    let logins = p.values.get('l')?.at(-1);
    const groups = p.values.get('g')?.at(-1);
    let pretty = false;
    if (p.operands.length === 1 && !p.operands[0]!.includes(',')) {
      logins = p.operands[0];
      pretty = true;
    } else if (p.operands.length) return fail('Only one user may be specified. Use -l for multiple users.');
    if (pretty) columns.splice(0, columns.length, ...NAMES);
    else if (columns.length === 2) columns.push('PROC', 'PWD-LOCK', 'PWD-DENY', 'LAST-LOGIN', 'GECOS');
    if (outarg !== undefined) {
      // a list replaces the columns, one after a '+' adds to them
      if (outarg.startsWith('+')) outarg = outarg.slice(1);
      else columns.length = 0;
      for (const word of outarg.split(',')) {
        const name = NAMES.find((n) => n.toLowerCase() === word.toLowerCase());
        if (!name) return fail(`unknown column: ${word}`);
        columns.push(name);
      }
    }

    const sys = ctx.sys;
    const text = async (path: string): Promise<string> => {
      try {
        return new TextDecoder().decode(await sys.readFile(path));
      } catch {
        return '';
      }
    };
    const passwd = parsePasswd(await text('/etc/passwd'));
    const groupList = parseGroup(await text('/etc/group'));
    const shadow = new Map<string, Shadow>();
    for (const line of (await text('/etc/shadow')).split('\n')) {
      const f = line.split(':');
      if (f.length < 2 || !f[0]) continue;
      const num = (s: string | undefined): number | undefined => (s !== undefined && /^-?\d+$/.test(s) ? Number(s) : undefined);
      shadow.set(f[0], { pwd: f[1]!, lastchg: num(f[2]), min: num(f[3]), max: num(f[4]), warn: num(f[5]), expire: num(f[7]) });
    }
    const defs = new Map<string, string>();
    for (const line of (await text('/etc/login.defs')).split('\n')) {
      const m = /^\s*([A-Z_]+)\s+(\S+)/.exec(line);
      if (m) defs.set(m[1]!, m[2]!);
    }
    const defNum = (key: string, def: number): number => (/^\d+$/.test(defs.get(key) ?? '') ? Number(defs.get(key)) : def);
    const tz = await localZone(sys);
    const now = sys.now() / 1000;

    // the users: those named (by name or UID) or in the groups named, else every account
    let users: PasswdEntry[];
    if (logins !== undefined || groups !== undefined) {
      users = [];
      for (const u of (logins ?? '').split(',').filter(Boolean)) {
        const e = /^\d+$/.test(u) ? passwd.find((x) => x.uid === Number(u)) : passwd.find((x) => x.name === u);
        if (!e && /^\d+$/.test(u)) continue;
        if (!e) {
          if (pretty) return fail(`cannot found '${u}'`);
          continue;
        }
        users.push(e);
      }
      for (const g of (groups ?? '').split(',').filter(Boolean)) {
        const grp = /^\d+$/.test(g) ? groupList.find((x) => x.gid === Number(g)) : groupList.find((x) => x.name === g);
        for (const m of grp?.members ?? []) {
          const e = passwd.find((x) => x.name === m);
          if (e) users.push(e);
        }
      }
    } else {
      const userAccs = p.flags.has('u') && !p.flags.has('s');
      const sysAccs = p.flags.has('s') && !p.flags.has('u');
      const [umin, umax, smin, smax] = [defNum('UID_MIN', 1000), defNum('UID_MAX', 60000), defNum('SYS_UID_MIN', 101), defNum('SYS_UID_MAX', 999)];
      users = passwd.filter((e) => (userAccs ? e.uid === 0 || e.name === 'nfsnobody' || (e.uid >= umin && e.uid <= umax) : sysAccs ? e.uid >= smin && e.uid <= smax : true));
    }
    // one line per UID, in UID order (tsearch keeps the first user of a UID)
    const byUid = new Map<number, PasswdEntry>();
    for (const u of users) if (!byUid.has(u.uid) && groupList.some((g) => g.gid === u.gid)) byUid.set(u.uid, u);
    const rows = [...byUid.values()].sort((a, b) => a.uid - b.uid);

    const when = (seconds: number, dateOnly = false): string => {
      const tm = localtime(seconds, tz);
      const n = localtime(now, tz);
      if (timeMode === 'full') return `${DAYS[tm.wday]} ${MONTHS[tm.mon]} ${String(tm.mday).padStart(2)} ${two(tm.hour)}:${two(tm.min)}:${two(tm.sec)} ${tm.year}`;
      if (timeMode === 'iso') {
        const date = `${tm.year}-${two(tm.mon + 1)}-${two(tm.mday)}`;
        if (dateOnly) return date;
        const off = Math.abs(tm.gmtoff);
        return `${date}T${two(tm.hour)}:${two(tm.min)}:${two(tm.sec)}${tm.gmtoff < 0 ? '-' : '+'}${two(Math.floor(off / 3600))}:${two(Math.floor(off / 60) % 60)}`;
      }
      if (tm.year === n.year && tm.yday === n.yday) return `${two(tm.hour)}:${two(tm.min)}`;
      if (tm.year === n.year) return `${MONTHS[tm.mon]}${two(tm.mday)}/${two(tm.hour)}:${two(tm.min)}`;
      return `${tm.year}-${MONTHS[tm.mon]}${two(tm.mday)}`;
    };
    const needLast = columns.some((c) => c.startsWith('LAST-'));
    const wtmp = needLast ? await lastRecords(ctx, p.values.get('wtmp')?.at(-1) ?? '/var/log/wtmp') : undefined;
    const btmp = columns.some((c) => c.startsWith('FAILED-')) ? await lastRecords(ctx, p.values.get('btmp')?.at(-1) ?? '/var/log/btmp') : undefined;
    let lastlog: Uint8Array | undefined;
    if (needLast) {
      try {
        lastlog = await sys.readFile(p.values.get('lastlog')?.at(-1) ?? '/var/log/lastlog');
      } catch {
        lastlog = undefined;
      }
    }
    const lastlogOf = (uid: number): LoginRecord | undefined => {
      const at = uid * 292;
      if (!lastlog || at + 292 > lastlog.length) return undefined;
      const t = new DataView(lastlog.buffer, lastlog.byteOffset + at, 4).getInt32(0, true);
      return { time: t, line: field(lastlog, at + 4, 32), host: field(lastlog, at + 36, 256) };
    };
    const procs = sys.processes();
    const exists = async (path: string): Promise<boolean> => {
      try {
        await sys.stat(path);
        return true;
      } catch {
        return false;
      }
    };
    const nologinFile = (await exists('/etc/nologin')) || (await exists('/var/run/nologin'));
    const hushFile = defs.get('HUSHLOGIN_FILE');
    const yes = (v: boolean | undefined): string | undefined => (v === undefined ? undefined : pretty ? (v ? 'yes' : 'no') : v ? '1' : '0');

    const table: (string | undefined)[][] = [];
    for (const u of rows) {
      const sp = shadow.get(u.name);
      const stripped = sp?.pwd.replace(/^[!*]+/, '');
      const group = groupList.find((g) => g.gid === u.gid);
      const supp = groupList.filter((g) => g.members.includes(u.name) && g.gid !== u.gid);
      const rec = wtmp?.get(u.name);
      const ll = rec ? undefined : lastlogOf(u.uid);
      let hushed = false;
      if (hushFile?.startsWith('/')) {
        const content = await text(hushFile);
        hushed = (await exists(hushFile)) && (content === '' || content.split('\n').some((l) => l === (l.startsWith('/') ? u.shell : u.name)));
      } else if (hushFile !== '') hushed = await exists(`${u.home}/${hushFile ?? '.hushlogin'}`);
      const failed = btmp?.get(u.name);
      const cell = (c: string): string | undefined => {
        switch (c) {
          case 'USER': return u.name;
          case 'UID': return String(u.uid);
          case 'GECOS': return u.gecos;
          case 'HOMEDIR': return u.home;
          case 'SHELL': return u.shell;
          case 'NOLOGIN': return yes(u.shell.includes('nologin') || (u.uid !== 0 && nologinFile));
          case 'PWD-LOCK': {
            if (!sp) return undefined;
            const rest = sp.pwd.replace(/^!+/, '');
            return yes(rest !== sp.pwd && (rest === '' || validHash(rest)));
          }
          case 'PWD-EMPTY': return sp ? yes(stripped === '') : undefined;
          case 'PWD-DENY': return sp ? yes(stripped !== '' && stripped !== sp.pwd && !validHash(stripped!)) : undefined;
          case 'PWD-METHOD': return stripped === undefined ? undefined : method(stripped)?.name;
          case 'GROUP': return group?.name;
          case 'GID': return String(u.gid);
          case 'SUPP-GROUPS': return supp.length ? supp.map((g) => g.name).join(',') : undefined;
          case 'SUPP-GIDS': return supp.length ? supp.map((g) => g.gid).join(',') : undefined;
          case 'LAST-LOGIN': {
            const t = rec?.time ?? ll?.time;
            return t ? when(t) : undefined;
          }
          case 'LAST-TTY': return rec?.line ?? ll?.line ?? '';
          case 'LAST-HOSTNAME': return rec?.host ?? ll?.host ?? '';
          case 'FAILED-LOGIN': return failed ? when(failed.time) : undefined;
          case 'FAILED-TTY': return failed?.line;
          case 'HUSHED': return yes(hushed);
          case 'PWD-WARN': return sp?.warn !== undefined && sp.warn >= 0 ? String(sp.warn) : undefined;
          case 'PWD-CHANGE': return sp?.lastchg !== undefined ? when(sp.lastchg * 86400, true) : undefined;
          case 'PWD-MIN': return sp?.min !== undefined && sp.min > 0 ? String(sp.min) : undefined;
          case 'PWD-MAX': return sp?.max !== undefined && sp.max > 0 ? String(sp.max) : undefined;
          case 'PWD-EXPIR': return sp?.expire !== undefined && sp.expire >= 0 ? when(sp.expire * 86400, true) : undefined;
          case 'CONTEXT': return undefined;
          case 'PROC': return String(procs.filter((x) => x.euid === u.uid).length);
          default: return undefined;
        }
      };
      table.push(columns.map(cell));
    }

    if (pretty) {
      let out = '';
      const row = table[0] ?? [];
      columns.forEach((c, i) => {
        const v = row[i];
        const name = COLUMNS.find((x) => x[0] === c)![2];
        if (v !== undefined) out += `${name}:${' '.repeat(Math.max(1, 35 - name.length))}${v.padEnd(36)}\n`;
      });
      await ctx.print(`${out}\nLast logs:\n\n`);
      return 0;
    }
    const shellName = (n: string): string => (p.flags.has('y') ? n.replace(/[^A-Za-z0-9_]/g, '_') : n);
    const noheadings = p.flags.has('nohead');
    if (outmode === 'e' || outmode === 'n') {
      const sep = outmode === 'n' ? '\n' : ' ';
      const quote = (s: string): string => `"${s.replace(/(["\\$`])/g, '\\$1')}"`;
      await ctx.print(table.map((r) => `${columns.map((c, i) => `${shellName(c)}=${quote(r[i] ?? '')}`).join(sep)}\n`).join(''));
      return 0;
    }
    if (outmode === 'c' || outmode === 'r' || outmode === 'z') {
      const raw = scolsPrint({ columns: columns.map((c) => ({ name: shellName(c) })), rows: table, raw: true, noheadings });
      if (outmode === 'c') await ctx.print(raw.split('\n').map((l) => l.replace(/ /g, ':')).join('\n'));
      // NUL between lines (libsmartcols writes that separator as a C string: nothing)
      else if (outmode === 'z') await ctx.print(raw ? `${raw.split('\n').filter(Boolean).join('')}\n` : '');
      else await ctx.print(raw);
      return 0;
    }
    const cols: ScolsColumn[] = columns.map((c) => ({ name: shellName(c), right: COLUMNS.find((x) => x[0] === c)![3], whint: 1 }));
    await ctx.print(scolsPrint({ columns: cols, rows: table, noheadings }));
    return 0;
  },
});

function help(): string {
  const colLines = HELP_ORDER.map((n) => ` ${n.padStart(14)}  ${COLUMNS.find((c) => c[0] === n)![1]}`);
  return [
    '',
    'Usage:',
    ' lslogins [options] [<username>]',
    '',
    'Show what is known about the users of this system.',
    '',
    'Options:',
    ' -a, --acc-expiration     password aging and expiry columns',
    ' -c, --colon-separate     fields parted by colons, as in /etc/passwd',
    ' -e, --export             NAME="value" pairs',
    ' -f, --failed             the last failed login of each user',
    ' -G, --supp-groups        primary and supplementary groups',
    ' -g, --groups=<groups>    only the members of these groups',
    ' -L, --last               the last login session of each user',
    ' -l, --logins=<logins>    only these users (names or UIDs)',
    ' -n, --newline            each field on a line of its own',
    '     --noheadings         leave out the header line',
    '     --notruncate         never shorten a cell',
    ' -o, --output[=<list>]    the columns to print',
    '     --output-all         print every column',
    ' -p, --pwd                password and login state columns',
    ' -r, --raw                raw output',
    ' -s, --system-accs        system accounts only',
    '     --time-format=<type> dates as short, full or iso',
    ' -u, --user-accs          user accounts only',
    ' -y, --shell              column names usable as shell variables',
    ' -Z, --context            SELinux contexts',
    ' -z, --print0             users parted by NUL characters',
    '     --wtmp-file <path>   read logins from this file, not wtmp',
    '     --btmp-file <path>   read failed logins from this file, not btmp',
    '     --lastlog <path>     read last logins from this file, not lastlog',
    '',
    ' -h, --help               display this help',
    ' -V, --version            display version',
    '',
    'Available output columns:',
    ...colLines,
    '',
    'For more details see lslogins(1).',
    '',
  ].join('\n');
}
