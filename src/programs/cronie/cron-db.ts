// cronie's load_database: the tables crond runs (/etc/crontab, /etc/cron.d/*, the users' tables
// in /var/spool/cron), each checked as check_open does (a plain file only its owner may write,
// one link) and parsed; a table whose file has not changed since the last load is kept as it
// was, a changed one is read again (RELOAD). Shared by crond and cronnext.
import { bytesToBin } from '../lib/binary-text';
import { isSysError, strerror } from '../../shared/errno';
import type { Sys } from '../../shared/sys';
import { Accounts } from '../lib/accounts';
import { syslog } from '../lib/syslog';
import { parseTable, type CronEntry, type CronUser } from './cron-table';
import { CROND_DIR, cronUser, LOG_CRON, SPOOL, SYSCRONTAB } from './cron-files';

export interface Table {
  /** "*system*" for /etc/crontab and /etc/cron.d, else the user */
  owner: string;
  path: string;
  system: boolean;
  mtime: number;
  /** as cronie keeps them: last entry of the file first */
  entries: CronEntry[];
}

export interface LoadOptions {
  /** -p: any owner and mode */
  permitAny: boolean;
  randomScale: number;
  /** the syslog identifier of the messages */
  ident: string;
}

/** log_it: "(user) EVENT (detail)[: error]" to syslog, cron facility. */
export async function cronLog(sys: Sys, ident: string, user: string, event: string, detail: string, err?: string): Promise<void> {
  await syslog(sys, ident, err ? 3 : 6, `(${user}) ${event} (${detail})${err ? `: ${err}` : ''}`, LOG_CRON);
}

function notACrontab(name: string): boolean {
  return name.startsWith('.') || name.startsWith('#') || name.endsWith('~') || /\.(rpmsave|rpmorig|rpmnew)$/.test(name) || name.length >= 255;
}

/** check_open: the checks before a table is read; its text, or undefined (logged). */
async function openTable(sys: Sys, o: LoadOptions, path: string, uname: string, pw: CronUser | undefined): Promise<{ text: string; mtime: number } | undefined> {
  try {
    const st = await sys.stat(path);
    if (!o.permitAny) {
      let why: string | undefined;
      if (st.kind !== 'file') why = 'NOT REGULAR';
      else if ((st.mode & 0o7533) !== 0o400) why = 'BAD FILE MODE';
      else if (st.uid !== 0 && (!pw || st.uid !== pw.uid)) why = 'WRONG FILE OWNER';
      else if (pw && st.nlink !== 1) why = 'BAD LINK COUNT';
      if (why) {
        await cronLog(sys, o.ident, uname, why, path);
        return undefined;
      }
    }
    return { text: bytesToBin(await sys.readFile(path)), mtime: st.mtime };
  } catch (e) {
    if (!isSysError(e)) throw e;
    await cronLog(sys, o.ident, uname, "CAN'T OPEN", path, strerror(e.errno));
    return undefined;
  }
}

/** The settings crond passes on to every table (LANG and the locale, RANDOM_DELAY). */
function inherited(env: Map<string, string>): [string, string][] {
  const names = ['LANG', 'LC_CTYPE', 'LC_NUMERIC', 'LC_TIME', 'LC_COLLATE', 'LC_MONETARY', 'LC_MESSAGES', 'LC_PAPER', 'LC_NAME', 'LC_ADDRESS', 'LC_TELEPHONE', 'LC_MEASUREMENT', 'LC_IDENTIFICATION', 'LC_ALL', 'LANGUAGE', 'RANDOM_DELAY'];
  return [...env].filter(([n]) => names.includes(n));
}

/** Parses one table's text (load_user), logging its bad entries. */
export function readTable(sys: Sys, o: LoadOptions, accounts: Accounts, text: string, path: string, owner: CronUser | undefined): { entries: CronEntry[]; missingNewline: boolean } {
  const table = parseTable(
    text,
    { ...(owner ? { owner } : {}), lookup: (n) => cronUser(accounts, n), inherited: inherited(sys.env), random: (n) => sys.random(n), randomScale: o.randomScale },
    false,
    (err) => void cronLog(sys, o.ident, 'CRON', err.message, path),
  );
  return { entries: table.entries.reverse(), missingNewline: table.missingNewline };
}

/** The tables as they are now, reusing `old`'s unchanged ones. */
export async function loadDatabase(sys: Sys, o: LoadOptions, old: Map<string, Table>): Promise<{ tables: Map<string, Table>; accounts: Accounts }> {
  const accounts = await Accounts.load(sys);
  const found: [string, string, string | undefined][] = [];
  try {
    await sys.stat(SYSCRONTAB);
    found.push([SYSCRONTAB, 'root', undefined]);
  } catch {
    // no /etc/crontab: nothing to read
  }
  const listDir = async (dir: string): Promise<string[] | undefined> => {
    try {
      return await sys.readdir(dir);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await cronLog(sys, o.ident, 'CRON', 'OPENDIR FAILED', dir, strerror(e.errno));
      return undefined;
    }
  };
  for (const n of (await listDir(CROND_DIR)) ?? []) if (!notACrontab(n)) found.push([`${CROND_DIR}/${n}`, 'root', undefined]);
  for (const n of (await listDir(SPOOL)) ?? []) if (!notACrontab(n)) found.push([`${SPOOL}/${n}`, n, n]);
  const next = new Map<string, Table>();
  for (const [path, uname, fname] of found) {
    const pw = fname === undefined ? undefined : cronUser(accounts, uname);
    if (fname !== undefined && !pw) {
      await cronLog(sys, o.ident, uname, 'ORPHAN', 'no passwd entry');
      continue;
    }
    const owner = fname ?? '*system*';
    let mtime: number;
    try {
      mtime = (await sys.stat(path)).mtime;
    } catch {
      continue;
    }
    const prev = old.get(path);
    if (prev && prev.mtime === mtime) {
      next.set(path, prev);
      continue;
    }
    const opened = await openTable(sys, o, path, uname, pw);
    if (!opened) continue;
    if (prev) await cronLog(sys, o.ident, owner, 'RELOAD', path);
    const t = readTable(sys, o, accounts, opened.text, path, pw);
    if (t.missingNewline) await cronLog(sys, o.ident, 'CRON', 'missing newline before EOF', path);
    next.set(path, { owner, path, system: fname === undefined, mtime: opened.mtime, entries: t.entries });
  }
  return { tables: next, accounts };
}
