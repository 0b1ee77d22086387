// crond (cronie 1.6.1): once a minute, on the machine's clock, runs what /etc/crontab,
// /etc/cron.d/* and the tables in /var/spool/cron say is due. Each job runs as its user through
// its SHELL (/bin/sh by default) in a process of its own (CROND), from the user's home; what it
// prints goes to the journal as CMDOUT lines (Photon has no mail transport), and the job's start
// and end are logged as CMD and CMDEND, all in the cron facility as cronie logs them.
import { binToBytes, binToUtf8 } from '../lib/binary-text';
import { isSysError, strerror } from '../../shared/errno';
import type { Sys } from '../../shared/sys';
import { defineProgram } from '../define';
import { Ctx } from '../lib/context';
import { Accounts } from '../lib/accounts';
import { syslog } from '../lib/syslog';
import { localtime, localZone, parseTz, type TimeZone } from '../lib/tz';
import { entryDue, getEnv, type CronEntry } from './cron-table';
import { cronLog, loadDatabase, type Table } from './cron-db';
import { cronUser, LOG_CRON, PID_FILE, REBOOT_LOCK } from './cron-files';

const VERSION = '1.6.1';
const MINUTE = 60_000;
const INFO = 6;

interface Daemon {
  ctx: Ctx;
  sys: Sys;
  tables: Map<string, Table>;
  syslogOutput: boolean;
  permitAny: boolean;
  inheritPath: boolean;
  randomScale: number;
  accounts: Accounts;
}

const log = cronLog;

/** mkprints: control characters as ^X, others above ASCII as \ooo. */
function printable(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) & 0xff;
    if (c < 32) out += `^${String.fromCharCode(c + 64)}`;
    else if (c < 127) out += String.fromCharCode(c);
    else if (c === 127) out += '^?';
    else out += `\\${c.toString(8).padStart(3, '0')}`;
  }
  return out;
}

/** The command and the text it gets on its standard input: % ends the command, later % are newlines. */
function splitCommand(cmd: string): { command: string; input: string | undefined } {
  let out = '';
  for (let i = 0; i < cmd.length; i++) {
    const c = cmd[i]!;
    if (c === '\\' && cmd[i + 1] === '%') {
      out += '%';
      i++;
      continue;
    }
    if (c === '\\' && i + 1 < cmd.length) {
      out += c + cmd[i + 1];
      i++;
      continue;
    }
    if (c === '%') return { command: out, input: cmd.slice(i + 1).replace(/(?<!\\)%/g, '\n').replace(/\\%/g, '%') };
    out += c;
  }
  return { command: out, input: undefined };
}


/** do_command: the job in a CROND process of its own; crond does not wait for it. */
async function runJob(d: Daemon, table: Table, e: CronEntry): Promise<void> {
  const sys = d.sys;
  const pw = cronUser(d.accounts, e.user);
  const syslogOutput = d.syslogOutput;
  const pid = await sys.fork(async (child) => {
    const user = e.user;
    if (!pw) {
      await log(child, 'CROND', user, 'ERROR', 'getpwnam() failed');
      return 1;
    }
    const pam = !table.system || pw.uid !== 0;
    if (pam) await syslog(child, 'CROND', INFO, `pam_unix(crond:session): session opened for user ${user}(uid=${pw.uid}) by (uid=0)`, LOG_CRON);
    const { command, input } = splitCommand(e.command);
    const [inR, inW] = child.pipe();
    const [outR, outW] = child.pipe();
    const env = new Map(e.env.map(([n, v]) => [n, binToUtf8(v)] as [string, string]));
    const shell = env.get('SHELL') ?? '/bin/sh';
    const home = env.get('HOME') ?? pw.dir;
    const groups = d.accounts.groupList(user, pw.gid);
    let job: number;
    try {
      job = await child.fork(
        async (g) => {
          if (!e.dontLog) await log(g, 'CROND', user, 'CMD', printable(e.command));
          try {
            g.setgid(pw.gid, pw.gid);
            g.setgroups(groups);
            g.setuid(pw.uid, pw.uid);
            await g.chdir(home);
          } catch (err) {
            if (!isSysError(err)) throw err;
            await log(g, 'CROND', 'CRON', 'ERROR chdir failed', home, strerror(err.errno));
            return 1;
          }
          try {
            return await g.exec(shell, [shell.slice(shell.lastIndexOf('/') + 1), '-c', binToUtf8(command)], env);
          } catch (err) {
            if (!isSysError(err)) throw err;
            await log(g, 'CROND', 'CRON', 'EXEC FAILED', shell, strerror(err.errno));
            return 1;
          }
        },
        { fds: new Map([[0, inR], [1, outW], [2, outW]]), argv: ['/usr/sbin/CROND', '-n'] },
      );
    } finally {
      child.close(inR);
      child.close(outW);
    }
    if (input !== undefined) await child.write(inW, binToBytes(input)).catch(() => undefined);
    child.close(inW);
    // the output, line by line (carriage returns dropped), as CMDOUT
    let line = '';
    const decoder = new TextDecoder();
    for (;;) {
      const chunk = await child.read(outR);
      if (chunk === null) break;
      for (const ch of decoder.decode(chunk, { stream: true })) {
        if (ch === '\r') continue;
        if (ch === '\n') {
          if (syslogOutput) await log(child, 'CROND', user, 'CMDOUT', line);
          line = '';
        } else line += ch;
      }
    }
    if (line && syslogOutput) await log(child, 'CROND', user, 'CMDOUT', line);
    child.close(outR);
    await child.wait(job);
    if (!e.dontLog) await log(child, 'CROND', user, 'CMDEND', printable(e.command));
    if (pam) await syslog(child, 'CROND', INFO, `pam_unix(crond:session): session closed for user ${user}`, LOG_CRON);
    return 0;
  }, { argv: ['/usr/sbin/CROND', '-n'] });
  void reap(sys, pid);
}

async function reap(sys: Sys, pid: number): Promise<void> {
  try {
    await sys.wait(pid);
  } catch {
    // already gone
  }
}

/** find_jobs for one minute (`minute` in ms since the epoch): wildcard and/or fixed-time entries. */
/** The tables as they are now (changed ones read again). */
async function reload(d: Daemon): Promise<void> {
  const r = await loadDatabase(d.sys, { permitAny: d.permitAny, randomScale: d.randomScale, ident: 'crond' }, d.tables);
  d.tables = r.tables;
  d.accounts = r.accounts;
}

async function runDue(d: Daemon, minute: number, zone: TimeZone, wild: boolean, fixed: boolean): Promise<void> {
  for (const table of d.tables.values()) {
    for (const e of table.entries) {
      const tz = getEnv(e.env, 'CRON_TZ');
      const at = localtime(Math.floor((minute - e.delay * MINUTE) / 1000), tz ? parseTz(tz) : zone);
      if (!entryDue(e, { min: at.min, hour: at.hour, mday: at.mday, mon: at.mon, wday: at.wday })) continue;
      const star = e.minStar || e.hourStar;
      if ((fixed && !star) || (wild && star)) await runJob(d, table, e);
    }
  }
}

/** cronie's ProgramName: argv[0] without its directory. */
const programName = (ctx: Ctx): string => ctx.name.slice(ctx.name.lastIndexOf('/') + 1);

async function lockPidFile(ctx: Ctx): Promise<number | undefined> {
  const sys = ctx.sys;
  let fd: number;
  try {
    fd = await sys.open(PID_FILE, { read: true, write: true, create: true }, 0o600);
  } catch (e) {
    if (!isSysError(e)) throw e;
    const buf = `can't open or create ${PID_FILE}`;
    await ctx.err.write(`${programName(ctx)}: ${buf}: ${strerror(e.errno)}\n`);
    await log(sys, programName(ctx), 'CRON', 'DEATH', buf, strerror(e.errno));
    return undefined;
  }
  try {
    sys.flock(fd, 'ex');
  } catch (e) {
    if (!isSysError(e)) throw e;
    const old = new TextDecoder().decode((await sys.read(fd, 64)) ?? new Uint8Array());
    const m = /^(\d+)\n/.exec(old);
    const buf = m && Number(m[1]) > 0 ? `can't lock ${PID_FILE}, otherpid may be ${m[1]}` : `can't lock ${PID_FILE}, otherpid unknown`;
    await ctx.err.write(`${programName(ctx)}: ${buf}: ${strerror(e.errno)}\n`);
    await log(sys, programName(ctx), 'CRON', 'DEATH', buf, strerror(e.errno));
    return undefined;
  }
  await sys.chmod(PID_FILE, 0o644).catch(() => undefined);
  sys.setCloexec(fd, true);
  sys.lseek(fd, 0, 'set');
  await sys.write(fd, `${sys.pid}\n`);
  sys.ftruncate(fd, `${sys.pid}\n`.length);
  return fd;
}

const USAGE = (n: string): string =>
  `Usage:\n ${n} [options]\n\nOptions:\n -h         show these options\n -i         do not watch the tables for changes\n` +
  ' -m <comm>  the command that mails job output, or off\n -n         stay in the foreground\n -f         the same as -n\n' +
  ' -p         accept tables whatever their owner and mode\n -P         keep the PATH crond was given instead of' +
  ' "/usr/bin:/bin"\n -c         cluster mode\n -s         log job output instead of mailing it\n' +
  ' -V         show the version\n -x <flag>  debugging output\n\nDebugging flags are: ext,sch,proc,pars,load,misc,test,bit\n';

async function daemon(ctx: Ctx, d: Daemon, noInotify: boolean): Promise<number> {
  const sys = d.sys;
  const me = programName(ctx);
  const lock = await lockPidFile(ctx);
  if (lock === undefined) return 1;
  await log(sys, me, 'CRON', 'STARTUP', VERSION);
  if (!d.syslogOutput) {
    try {
      await sys.access('/usr/sbin/sendmail', 1);
    } catch {
      d.syslogOutput = true;
      await log(sys, me, 'CRON', 'INFO', 'Syslog will be used instead of sendmail.');
    }
  }
  d.randomScale = sys.random(2 ** 31) / 2 ** 31;
  await log(sys, me, 'CRON', 'INFO', `RANDOM_DELAY will be scaled with factor ${Math.floor(d.randomScale * 100)}% if used.`);
  if (noInotify) await log(sys, me, 'CRON', 'No inotify - daemon runs with -i or -c option', '');
  else await log(sys, me, 'CRON', 'INFO', 'running with inotify support');
  let term = false;
  let hup = false;
  sys.signal(15, () => {
    term = true;
  });
  sys.signal(2, () => {
    term = true;
  });
  sys.signal(1, () => {
    hup = true;
  });
  await reload(d);
  // @reboot entries: once per boot (the lock lives in /run)
  try {
    await sys.stat(REBOOT_LOCK);
    await log(sys, me, 'CRON', 'INFO', "@reboot jobs will be run at computer's startup.");
  } catch {
    await sys.writeFile(REBOOT_LOCK, '', { mode: 0 }).catch(() => log(sys, me, 'CRON', 'INFO', "Can't create lock for reboot jobs."));
    for (const t of d.tables.values()) for (const e of t.entries) if (e.reboot) await runJob(d, t, e);
  }
  let ran = Math.floor(sys.now() / MINUTE);
  while (!term) {
    // a second into the next minute, as cronie wakes
    const wait = (ran + 1) * MINUTE + 1000 - sys.now();
    try {
      if (wait > 0) await sys.sleep(wait);
    } catch (e) {
      if (!isSysError(e) || e.errno !== 'EINTR') throw e;
    }
    if (term) break;
    if (hup) hup = false;
    const nowMin = Math.floor(sys.now() / MINUTE);
    if (nowMin === ran) continue;
    await reload(d);
    const zone = await localZone(sys, new Map([...sys.env].filter(([n]) => n === 'TZ')));
    const diff = nowMin - ran;
    if (diff === 1 || diff > 3 * 60 || diff < -3 * 60) await runDue(d, nowMin * MINUTE, zone, true, true);
    else if (diff > 5) {
      // woke late by more than a few minutes: wildcard jobs once, fixed-time jobs for each minute missed
      await runDue(d, nowMin * MINUTE, zone, true, false);
      for (let m = ran + 1; m <= nowMin; m++) await runDue(d, m * MINUTE, zone, false, true);
    } else if (diff > 0) for (let m = ran + 1; m <= nowMin; m++) await runDue(d, m * MINUTE, zone, true, true);
    else await runDue(d, nowMin * MINUTE, zone, true, false);
    ran = nowMin;
  }
  await log(sys, me, 'CRON', 'INFO', 'Shutting down');
  await sys.unlink(PID_FILE).catch(() => undefined);
  return 0;
}

async function main(ctx: Ctx): Promise<number> {
  const sys = ctx.sys;
  let noFork = false;
  let noInotify = false;
  const d: Daemon = { ctx, sys, tables: new Map(), syslogOutput: false, permitAny: false, inheritPath: false, randomScale: 0, accounts: await Accounts.load(sys) };
  const args = ctx.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') break;
    if (!a.startsWith('-') || a === '-') continue;
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      const needsArg = c === 'x' || c === 'm';
      let value: string | undefined;
      if (needsArg) {
        value = j + 1 < a.length ? a.slice(j + 1) : args[++i];
        if (value === undefined) {
          await ctx.err.write(`${ctx.name}: option requires an argument -- '${c}'\n${USAGE(programName(ctx))}`);
          return 1;
        }
      }
      switch (c) {
        case 'n':
        case 'f':
          noFork = true;
          break;
        case 'p':
          d.permitAny = true;
          break;
        case 's':
          d.syslogOutput = true;
          break;
        case 'i':
        case 'c':
          noInotify = true;
          break;
        case 'P':
          d.inheritPath = true;
          break;
        case 'V':
          await ctx.print(`cronie ${VERSION}\n`);
          return 0;
        case 'm':
          if (value === 'off') d.syslogOutput = true;
          break;
        case 'x':
          break;
        case 'h':
          await ctx.err.write(USAGE(programName(ctx)));
          return 1;
        default:
          await ctx.err.write(`${ctx.name}: ${a.startsWith('--') ? `unrecognized option '${a}'` : `invalid option -- '${c}'`}\n${USAGE(programName(ctx))}`);
          return 1;
      }
      if (needsArg) break;
    }
  }
  if (noFork) return daemon(ctx, d, noInotify);
  // a daemon of the old kind: the parent returns at once, the child runs in a session of its own
  const child = await sys.fork(async (c) => {
    const cctx = new Ctx(c);
    return daemon(cctx, { ...d, ctx: cctx, sys: c }, noInotify);
  });
  void child;
  return 0;
}

export default defineProgram({
  name: 'crond',
  installPath: '/usr/sbin/crond',
  pkg: 'cronie',
  main: (ctx) => main(ctx),
});
