// crontab (cronie 1.6.1): installs, lists, edits and removes the tables in /var/spool/cron.
// Set-user-ID root as Photon installs it: files named on the command line are checked against
// the caller's own rights, the table is written by root and handed to its user. A new table is
// checked first (cron-table.ts, cronie's own parser) and refused with the line and the error.
import { bytesToBin, binToBytes } from '../lib/binary-text';
import { isSysError, strerror, type SysError } from '../../shared/errno';
import { defineProgram, ExitStatus } from '../define';
import type { Ctx } from '../lib/context';
import { Accounts } from '../lib/accounts';
import { syslog } from '../lib/syslog';
import { readLine } from '../lib/yesno';
import { parseTable, type CronUser, MAX_USER_ENTRIES, MAX_USER_ENVS } from './cron-table';
import { CRON_ALLOW, CRON_DENY, cronUser, HOST_FILE, LOG_CRON, SPOOL } from './cron-files';

const VERSION = 'cronie 1.6.1';
const EDITOR = '/usr/bin/vi';
const R_OK = 4;

type Op = 'list' | 'delete' | 'edit' | 'replace' | 'hostset' | 'hostget' | 'test';

interface Run {
  ctx: Ctx;
  accounts: Accounts;
  /** whose table: the caller, or -u's user */
  user: CronUser;
  realUser: string;
  pid: number;
  filename: string;
  /** the new table's bytes (replace, test) */
  input?: string;
  promptOnDelete: boolean;
  host?: string;
}

async function usage(ctx: Ctx, msg: string): Promise<never> {
  const n = ctx.name;
  await ctx.err.write(
    `${n}: usage error: ${msg}\nUsage:\n ${n} [options] file\n ${n} [options]\n ${n} -n [hostname]\n\nOptions:\n` +
      ' -u <user>  work on this user\'s table\n -e         edit the table\n -l         show the table\n -r         remove the table\n' +
      ' -i         ask before removing\n -n <host>  choose the cluster host that runs the tables\n' +
      ' -c         show the cluster host that runs the tables\n -T <file>  only check a table\'s syntax\n -s         add the SELinux context\n' +
      ' -V         show the version\n\nWith none of these, the table is replaced (POSIX 1003.2)\n',
  );
  throw new ExitStatus(1);
}

async function die(ctx: Ctx, msg: string): Promise<never> {
  await ctx.err.write(`${msg}\n`);
  throw new ExitStatus(1);
}

const perrorText = (what: string, e: SysError): string => `${what}: ${strerror(e.errno)}`;

async function log(run: Run, event: string, detail: string): Promise<void> {
  await syslog(run.ctx.sys, 'crontab', 6, `(${run.realUser}) ${event} (${detail})`, LOG_CRON);
}

/** getopt(3) over "u:lerisncVT", options handled as they come, operands kept in order. */
function scan(args: readonly string[]): { opts: [string, string | undefined][]; operands: string[]; bad?: string } {
  const opts: [string, string | undefined][] = [];
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      operands.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      if (c === 'u') {
        const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
        if (v === undefined) return { opts, operands, bad: `option requires an argument -- 'u'` };
        opts.push(['u', v]);
        break;
      }
      if (!'lerisncVT'.includes(c)) return { opts, operands, bad: a.startsWith('--') ? `unrecognized option '${a}'` : `invalid option -- '${c}'` };
      opts.push([c, undefined]);
    }
  }
  return { opts, operands };
}

async function readAllText(ctx: Ctx, fd: number): Promise<string> {
  const parts: Uint8Array[] = [];
  for (;;) {
    const c = await ctx.sys.read(fd);
    if (c === null) break;
    parts.push(c);
  }
  let s = '';
  for (const p of parts) s += bytesToBin(p);
  return s;
}

/** check_syntax: 0, or -1 with the first error reported. */
async function checkSyntax(run: Run, text: string, name: string): Promise<number> {
  const table = parseTable(text, { owner: run.user, lookup: (n) => cronUser(run.accounts, n), random: (n) => run.ctx.sys.random(n) }, true);
  if (table.error) {
    await run.ctx.err.write(`"${name}":${table.error.line}: ${table.error.message}\n`);
    return -1;
  }
  if (table.envCount > MAX_USER_ENVS) {
    await run.ctx.err.write(`There are too many environment variables in the crontab file. Limit: ${MAX_USER_ENVS}\n`);
    return -1;
  }
  if (table.entries.length > MAX_USER_ENTRIES) {
    await run.ctx.err.write(`There are too many entries in the crontab file. Limit: ${MAX_USER_ENTRIES}\n`);
    return -1;
  }
  return 0;
}

function tempName(ctx: Ctx, n: number): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(ctx.sys.randomBytes(n), (b) => chars[b % chars.length]).join('');
}

/** Tells crond the spool changed (its mtime), as cronie does. */
async function pokeDaemon(ctx: Ctx): Promise<void> {
  const now = ctx.sys.now();
  try {
    await ctx.sys.utimes(SPOOL, now, now);
  } catch (e) {
    if (!isSysError(e)) throw e;
    await ctx.err.write(`crontab: can't update mtime on spooldir\n${perrorText(SPOOL, e)}\n`);
  }
}

/** replace_cmd: 0, -1 (the table has errors) or -2 (it could not be installed). */
async function replace(run: Run, text: string, shownName: string): Promise<number> {
  const { ctx } = run;
  const sys = ctx.sys;
  const temp = `${SPOOL}/#tmp.${sys.uname().nodename}.${tempName(ctx, 10)}`;
  let fd: number;
  try {
    fd = await sys.open(temp, { read: true, write: true, create: true, exclusive: true }, 0o600);
  } catch (e) {
    if (!isSysError(e)) throw e;
    await ctx.err.write(`${perrorText(temp, e)}\n`);
    return -2;
  }
  let installed = false;
  try {
    await sys.write(fd, binToBytes(text));
    if ((await checkSyntax(run, text, shownName)) < 0) {
      await ctx.err.write('Invalid crontab file, can\'t install.\n');
      return -1;
    }
    // root's own table stays root's; a user's becomes theirs
    const owner = sys.getgid() === sys.geteuid() && sys.getgid() === sys.getegid() ? 0 : run.user.uid;
    await sys.chown(temp, owner, -1);
    sys.close(fd);
    fd = -1;
    try {
      await sys.rename(temp, `${SPOOL}/${run.user.name}`);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await ctx.err.write(`${ctx.name}: error renaming ${temp} to ${SPOOL}/${run.user.name}\n${perrorText('rename', e)}\n`);
      return -2;
    }
    installed = true;
    await log(run, 'REPLACE', run.user.name);
    await pokeDaemon(ctx);
    return 0;
  } finally {
    if (fd >= 0) sys.close(fd);
    if (!installed) await sys.unlink(temp).catch(() => undefined);
  }
}


async function list(run: Run): Promise<void> {
  const { ctx } = run;
  await log(run, 'LIST', run.user.name);
  const path = `${SPOOL}/${run.user.name}`;
  let fd: number;
  try {
    fd = await ctx.sys.open(path, { read: true });
  } catch (e) {
    if (!isSysError(e)) throw e;
    await die(ctx, e.errno === 'ENOENT' ? `no crontab for ${run.user.name}` : perrorText(path, e));
  }
  const text = await readAllText(ctx, fd!);
  ctx.sys.close(fd!);
  const colour = ctx.sys.isatty(1) && !ctx.env.has('NO_COLOR');
  if (!colour) {
    await writeBytes(ctx, binToBytes(text));
    return;
  }
  // comments in bold blue, and a warning in red for a last line without its newline
  let out = '';
  let newLine = true;
  let inComment = false;
  for (const ch of text) {
    if (!inComment && newLine && ch === '#') {
      inComment = true;
      out += '\x1b[34;1m';
    }
    if (inComment && ch === '\n') {
      inComment = false;
      out += '\x1b[0m';
    }
    out += ch;
    newLine = ch === '\n';
  }
  if (!newLine && text !== '') out += '\n\x1b[31;1mNo end-of-line character at the end of file\x1b[0m\n';
  await writeBytes(ctx, binToBytes(out));
}

/** The table's bytes as they are (a failed write, a closed pipe, ends the listing quietly). */
async function writeBytes(ctx: Ctx, bytes: Uint8Array): Promise<void> {
  await ctx.out.flush();
  await ctx.sys.write(1, bytes).catch((e: unknown) => {
    if (!isSysError(e)) throw e;
  });
}

async function remove(run: Run): Promise<void> {
  const { ctx } = run;
  if (run.promptOnDelete) {
    await ctx.print(`crontab: really delete ${run.user.name}'s crontab? `);
    await ctx.out.flush();
    const answer = await readLine(ctx);
    if (answer === null || !/^[Yy]/.test(answer)) throw new ExitStatus(0);
  }
  await log(run, 'DELETE', run.user.name);
  const path = `${SPOOL}/${run.user.name}`;
  try {
    await ctx.sys.unlink(path);
  } catch (e) {
    if (!isSysError(e)) throw e;
    await die(ctx, e.errno === 'ENOENT' ? `no crontab for ${run.user.name}` : perrorText(path, e));
  }
  await pokeDaemon(ctx);
}

/** Runs the editor as the table's user on `file`; false when it failed (reported). */
async function runEditor(run: Run, editor: string, file: string): Promise<boolean> {
  const { ctx } = run;
  const sys = ctx.sys;
  const user = run.user;
  const pid = await sys.fork(async (child) => {
    child.setgid(user.gid, user.gid);
    child.setuid(user.uid, user.uid);
    try {
      return await child.exec('/bin/sh', ['sh', '-c', `${editor} ${file}`], new Map(child.env));
    } catch (e) {
      if (!isSysError(e)) throw e;
      return 1;
    }
  });
  const r = await sys.wait(pid);
  const st = r?.status;
  if (st && st.kind === 'exited' && st.code !== 0) {
    await ctx.err.write(`${ctx.name}: "${editor}" exited with status ${st.code}\n`);
    return false;
  }
  if (st && st.kind === 'signaled') {
    await ctx.err.write(`${ctx.name}: "${editor}" killed; signal ${st.signal} (${st.core ? '' : 'no '}core dumped)\n`);
    return false;
  }
  return true;
}

async function edit(run: Run): Promise<void> {
  const { ctx } = run;
  const sys = ctx.sys;
  await log(run, 'BEGIN EDIT', run.user.name);
  const path = `${SPOOL}/${run.user.name}`;
  let current = '';
  try {
    const fd = await sys.open(path, { read: true });
    current = await readAllText(ctx, fd);
    sys.close(fd);
  } catch (e) {
    if (!isSysError(e)) throw e;
    if (e.errno !== 'ENOENT') await die(ctx, perrorText(path, e));
    await ctx.err.write(`no crontab for ${run.user.name} - using an empty one\n`);
  }
  // the editor gets the keyboard's ^C; crontab waits for it
  for (const sig of [1, 2, 3]) sys.signal(sig, 'ignore');
  const tmpdir = (sys.getuid() === sys.geteuid() && sys.getgid() === sys.getegid() ? ctx.env.get('TMPDIR') : undefined) || '/tmp';
  const file = `${tmpdir}/crontab.${tempName(ctx, 6)}`;
  try {
    const fd = await sys.open(file, { read: true, write: true, create: true, exclusive: true }, 0o600);
    await sys.write(fd, binToBytes(current));
    sys.close(fd);
    await sys.chown(file, sys.getuid(), sys.getgid());
    // dated 1970: an editor that saves moves it, and "no changes" is told apart
    await sys.utimes(file, 0, 0);
  } catch (e) {
    if (!isSysError(e)) throw e;
    await ctx.err.write(`${perrorText(file, e)}\n`);
    await sys.unlink(file).catch(() => undefined);
    throw new ExitStatus(1);
  }
  const editor = ctx.env.get('VISUAL') || ctx.env.get('EDITOR') || EDITOR;
  for (;;) {
    if (!(await runEditor(run, editor, file))) {
      await sys.unlink(file).catch(() => undefined);
      throw new ExitStatus(1);
    }
    for (const sig of [1, 2, 3]) sys.signal(sig, 'default');
    let st;
    try {
      st = await sys.lstat(file);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await ctx.err.write(`${perrorText('lstat', e)}\n`);
      await sys.unlink(file).catch(() => undefined);
      throw new ExitStatus(1);
    }
    if (st.kind !== 'file') {
      await ctx.err.write(`${ctx.name}: illegal crontab\n`);
      break;
    }
    if (Math.floor(st.mtime / 1000) === 0) {
      await ctx.err.write(`${ctx.name}: no changes made to crontab\n`);
      break;
    }
    await ctx.err.write(`${ctx.name}: installing new crontab\n`);
    const fd = await sys.open(file, { read: true });
    const text = await readAllText(ctx, fd);
    sys.close(fd);
    const r = await replace(run, text, file);
    if (r === 0) break;
    if (r === -1 && (await retry(ctx))) {
      for (const sig of [1, 2, 3]) sys.signal(sig, 'ignore');
      continue;
    }
    await ctx.err.write(`${ctx.name}: edits left in ${file}\n`);
    await log(run, 'END EDIT', run.user.name);
    return;
  }
  await sys.unlink(file).catch(() => undefined);
  await log(run, 'END EDIT', run.user.name);
}

/** "Do you want to retry the same edit?"; the end of input counts as no (cronie would ask forever). */
async function retry(ctx: Ctx): Promise<boolean> {
  for (;;) {
    await ctx.print('Do you want to retry the same edit? (Y/N) ');
    await ctx.out.flush();
    const a = await readLine(ctx);
    if (a === null) return false;
    if (/^[yY]/.test(a)) return true;
    if (/^[nN]/.test(a)) return false;
    await ctx.err.write('Enter Y or N\n');
  }
}

/** cron.allow, else cron.deny; root always may, and nobody else may with neither file. */
async function allowed(ctx: Ctx, user: string): Promise<boolean> {
  if (ctx.sys.getuid() === 0) return true;
  const lines = async (path: string): Promise<string[] | undefined> => {
    try {
      return bytesToBin(await ctx.sys.readFile(path)).split(/(?<=\n)/);
    } catch {
      return undefined;
    }
  };
  // a last line without its newline ends the search: the user is not found
  const listed = (ls: string[]): boolean => {
    for (const l of ls) {
      if (!l.endsWith('\n')) return false;
      if (l.slice(0, -1) === user) return true;
    }
    return false;
  };
  const allow = await lines(CRON_ALLOW);
  if (allow) return listed(allow);
  const deny = await lines(CRON_DENY);
  if (deny) return !listed(deny);
  return false;
}

/** check_spool_dir: makes /var/spool/cron if it is missing. */
async function checkSpool(ctx: Ctx): Promise<void> {
  const sys = ctx.sys;
  try {
    const st = await sys.stat(SPOOL);
    if (st.kind !== 'dir') await die(ctx, `'${SPOOL}' is not a directory, bailing out.`);
  } catch (e) {
    if (!isSysError(e)) throw e;
    if (e.errno !== 'ENOENT') return;
    await ctx.err.write(`${perrorText(SPOOL, e)}\n`);
    try {
      await sys.mkdir(SPOOL, 0o700);
      await ctx.err.write(`${SPOOL}: created\n`);
    } catch (m) {
      if (!isSysError(m)) throw m;
      await die(ctx, `${SPOOL}: ${perrorText('mkdir', m)}`);
    }
  }
}

async function hostset(run: Run): Promise<number> {
  const { ctx } = run;
  const host = run.host ?? ctx.sys.uname().nodename;
  try {
    await ctx.sys.writeFile(HOST_FILE, `${host}\n`, { mode: 0o600 });
  } catch (e) {
    if (!isSysError(e)) throw e;
    await ctx.err.write(`${perrorText(HOST_FILE, e)}\n`);
    return -2;
  }
  await log(run, 'SET HOST', host);
  await pokeDaemon(ctx);
  return 0;
}

async function hostget(run: Run): Promise<number> {
  const { ctx } = run;
  let text: string;
  try {
    text = bytesToBin(await ctx.sys.readFile(HOST_FILE));
  } catch (e) {
    if (!isSysError(e)) throw e;
    await ctx.err.write(e.errno === 'ENOENT' ? `File ${HOST_FILE} not found\n` : `${perrorText(HOST_FILE, e)}\n`);
    return -2;
  }
  const host = text.split('\n')[0]!;
  if (text === '') {
    await ctx.err.write(`Error reading from ${HOST_FILE}\n`);
    return -2;
  }
  await ctx.print(`${host}\n`);
  await log(run, 'GET HOST', host);
  return 0;
}

async function main(ctx: Ctx): Promise<number> {
  const sys = ctx.sys;
  const accounts = await Accounts.load(sys);
  const me = accounts.userById(sys.getuid());
  if (!me) await die(ctx, `${ctx.name}: your UID isn't in the passwd file.\nbailing out.`);
  const realUser = me!.name;
  let user = cronUser(accounts, realUser)!;
  let op: Op | undefined;
  let promptOnDelete = false;
  const { opts, operands, bad } = scan(ctx.argv.slice(1));
  const one = async (o: Op): Promise<void> => {
    if (op) await usage(ctx, 'only one operation permitted');
    op = o;
  };
  for (const [c, v] of opts) {
    switch (c) {
      case 'u': {
        if (user.uid !== 0) await die(ctx, 'must be privileged to use -u');
        if (op === 'hostset' || op === 'hostget' || op === 'test') await die(ctx, 'cannot use -u with -n, -c or -T');
        const u = cronUser(accounts, v!);
        if (!u) await die(ctx, `${ctx.name}:  user \`${v}' unknown`);
        user = u!;
        break;
      }
      case 'l':
        await one('list');
        break;
      case 'r':
        await one('delete');
        break;
      case 'e':
        await one('edit');
        break;
      case 'T':
        await one('test');
        break;
      case 'i':
        promptOnDelete = true;
        break;
      case 's':
        await die(ctx, 'Cannot obtain SELinux process context');
        break;
      case 'n':
        if (user.uid !== 0) await die(ctx, 'must be privileged to set host with -n');
        await one('hostset');
        if (user.name !== realUser) await die(ctx, 'cannot use -u with -n or -c');
        break;
      case 'c':
        await one('hostget');
        if (user.name !== realUser) await die(ctx, 'cannot use -u with -n or -c');
        break;
      case 'V':
        await ctx.print(`${VERSION}\n`);
        return 0;
    }
  }
  if (bad !== undefined) {
    await ctx.err.write(`${ctx.name}: ${bad}\n`);
    await usage(ctx, 'unrecognized option');
  }
  const rest = [...operands];
  let host: string | undefined;
  if (op === 'hostset' && rest.length) host = rest.shift();
  op ??= 'replace';
  let filename = '';
  if (op === 'replace' || op === 'test') {
    if (rest.length) filename = rest.shift()!;
    else if (sys.isatty(0)) await usage(ctx, 'file name or - (for stdin) must be specified');
    else filename = '-';
  }
  if (rest.length) await usage(ctx, 'no arguments permitted after this option');
  const run: Run = { ctx, accounts, user, realUser, pid: sys.pid, filename, promptOnDelete, ...(host !== undefined ? { host } : {}) };
  if (filename) {
    if (filename === '-') run.input = await readAllText(ctx, 0);
    else {
      // opened with the caller's own rights, not root's
      try {
        await sys.access(filename, R_OK);
        const st = await sys.stat(filename);
        if (st.kind === 'dir') await die(ctx, `invalid crontab file: '${filename}' is a directory`);
        const fd = await sys.open(filename, { read: true });
        run.input = await readAllText(ctx, fd);
        sys.close(fd);
      } catch (e) {
        if (!isSysError(e)) throw e;
        await die(ctx, perrorText(filename, e));
      }
    }
  }
  await checkSpool(ctx);
  if (!(await allowed(ctx, realUser))) {
    await ctx.err.write(`You (${user.name}) are not allowed to use this program (${ctx.name})\nSee crontab(1) for more information\n`);
    await log(run, 'AUTH', 'crontab command not allowed');
    return 1;
  }
  switch (op) {
    case 'list':
      await list(run);
      return 0;
    case 'delete':
      await remove(run);
      return 0;
    case 'edit':
      await edit(run);
      return 0;
    case 'replace':
      return (await replace(run, run.input ?? '', filename)) < 0 ? 1 : 0;
    case 'test':
      if ((await checkSyntax(run, run.input ?? '', filename)) < 0) {
        await ctx.err.write('Invalid crontab file. Syntax issues were found.\n');
        return 1;
      }
      await ctx.err.write('No syntax issues were found in the crontab file.\n');
      return 0;
    case 'hostset':
      return (await hostset(run)) < 0 ? 1 : 0;
    case 'hostget':
      return (await hostget(run)) < 0 ? 1 : 0;
  }
}

export default defineProgram({
  name: 'crontab',
  installPath: '/usr/bin/crontab',
  pkg: 'cronie',
  mode: 0o4755,
  main: (ctx) => main(ctx),
});
