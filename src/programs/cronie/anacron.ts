// anacron (cronie 1.6.1): runs the jobs of /etc/anacrontab that are due by days rather than by
// clock time, so a machine that was off still runs its daily, weekly and monthly work. Each job's
// last run is a date in /var/spool/anacron/<job>; a job whose period has passed waits its delay
// (plus RANDOM_DELAY), runs through /bin/sh from /, and the date is written. Messages go to syslog
// (cron facility) and, in the foreground, to standard error, as anacron's explain/complain do.
import { isSysError, strerror } from '../../shared/errno';
import type { Sys } from '../../shared/sys';
import { defineProgram } from '../define';
import { Ctx } from '../lib/context';
import { fnmatch } from '../lib/fnmatch';
import { syslog } from '../lib/syslog';
import { daysFromCivil, localtime, localZone, type TimeZone } from '../lib/tz';
import { LOG_CRON } from './cron-files';

const ANACRONTAB = '/etc/anacrontab';
const SPOOL = '/var/spool/anacron';
const NOTICE = 5;
const ERR = 3;

interface Job {
  period: number;
  /** @monthly 1, @yearly 2, @daily 3, @weekly 4 */
  named: number;
  delay: number;
  ident: string;
  command: string;
  line: number;
  argNum: number;
  /** the settings above the job */
  env: [string, string][];
}

interface Run {
  ctx: Ctx;
  sys: Sys;
  name: string;
  quiet: boolean;
  background: boolean;
  complaints: number;
  force: boolean;
  now: boolean;
  serialize: boolean;
  zone: TimeZone;
  /** where the timestamps are (-S) */
  spool: string;
}

async function explain(r: Run, msg: string): Promise<void> {
  await syslog(r.sys, r.name, NOTICE, msg, LOG_CRON);
  if (!r.background && !r.quiet) await r.ctx.err.write(`${msg}\n`);
}

async function complain(r: Run, msg: string): Promise<void> {
  r.complaints++;
  await syslog(r.sys, r.name, ERR, msg, LOG_CRON);
  if (!r.background) await r.ctx.err.write(`${r.name}: ${msg}\n`);
}

class Die extends Error {}

async function die(r: Run, msg: string): Promise<never> {
  await complain(r, msg);
  await complain(r, 'Aborted');
  throw new Die();
}

/** read_tab_line: backslash-newline joins lines (the backslash kept), a newline ends one. */
function tabLines(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  let prev = '';
  for (const c of text + '\0') {
    if ((c === '\n' && prev !== '\\') || c === '\0') {
      if (prev) cur += prev;
      out.push(cur);
      cur = '';
      prev = '';
      if (c === '\0') break;
      continue;
    }
    if ((prev !== '\\' || c !== '\n') && prev && prev !== '\n') cur += prev;
    else if (prev === '\n') cur += ' ';
    prev = c;
  }
  if (out.length && out[out.length - 1] === '' && text.endsWith('\n')) out.pop();
  return out;
}

interface Tab {
  jobs: Job[];
  rangeStart: number;
  rangeStop: number;
  preferredHour: number;
}

async function readTab(r: Run, path: string, args: string[]): Promise<Tab> {
  let text: string;
  try {
    text = new TextDecoder().decode(await r.sys.readFile(path));
  } catch (e) {
    if (!isSysError(e)) throw e;
    return die(r, `Error opening ${path}: ${strerror(e.errno)}`);
  }
  const tab: Tab = { jobs: [], rangeStart: -1, rangeStop: -1, preferredHour: -1 };
  let env: [string, string][] = [];
  let random = 0;
  let line = 0;
  const argNum = (ident: string): number => args.findIndex((a) => fnmatch(a, ident));
  for (const l of tabLines(text)) {
    line++;
    if (/^[ \t]*($|#)/.test(l)) continue;
    const assign = /^[ \t]*([^ \t=]+)[ \t]*=(.*)$/.exec(l);
    if (assign) {
      const [, name, value] = assign as unknown as [string, string, string];
      let invalid = false;
      if (name.startsWith('START_HOURS_RANGE')) {
        const m = /^([0-9]+)-([0-9]+)$/.exec(value);
        if (!m) invalid = true;
        else {
          tab.rangeStart = Number.parseInt(m[1]!, 10);
          tab.rangeStop = Number.parseInt(m[2]!, 10);
          if (tab.rangeStop < tab.rangeStart) {
            tab.rangeStart = tab.rangeStop = 0;
            invalid = true;
          }
        }
      } else if (name.startsWith('RANDOM_DELAY')) {
        if (!/^[0-9]+$/.test(value)) invalid = true;
        else random = r.sys.random(Number.parseInt(value, 10) + 1);
      } else if (name.startsWith('PREFERRED_HOUR')) {
        if (/^[0-9]+$/.test(value)) {
          tab.preferredHour = Number.parseInt(value, 10);
          if (tab.preferredHour > 24) {
            tab.preferredHour = -1;
            invalid = true;
          }
        }
      }
      if (invalid) {
        await complain(r, `Invalid syntax in ${path} on line ${line} - skipping this line`);
        continue;
      }
      if (name) env = [...env.filter(([n]) => n !== name), [name, value]];
      continue;
    }
    const job = /^[ \t]*([0-9]+)[ \t]+([0-9]+)[ \t]+([^ \t/]+)[ \t]+([^ \t].*)$/.exec(l);
    const named = job ? undefined : /^[ \t]*(@[^ \t]+)[ \t]+([0-9]+)[ \t]+([^ \t/]+)[ \t]+([^ \t].*)$/.exec(l);
    const m = job ?? named;
    if (!m) {
      await complain(r, `Invalid syntax in ${path} on line ${line} - skipping this line`);
      continue;
    }
    const num = (s: string): number => (s.length > 10 || Number(s) > 2 ** 31 - 1 ? -1 : Number(s));
    const period = job ? num(m[1]!) : 0;
    const delay = num(m[2]!);
    if (period < 0 || delay < 0) {
      await complain(r, `${path}: number out of range on line ${line}, skipping`);
      continue;
    }
    let namedPeriod = 0;
    if (named) {
      const p = m[1]!;
      if (p.startsWith('@monthly')) namedPeriod = 1;
      else if (p.startsWith('@yearly') || p.startsWith('@annually') || p.startsWith('@annualy')) namedPeriod = 2;
      else if (p.startsWith('@daily')) namedPeriod = 3;
      else if (p.startsWith('@weekly')) namedPeriod = 4;
      else await complain(r, `${path}: Unknown named period on line ${line}, skipping`);
    }
    tab.jobs.push({ period, named: namedPeriod, delay: delay + random, ident: m[3]!, command: m[4]!, line, argNum: argNum(m[3]!), env });
  }
  return tab;
}

/** Days in month `m` (1-12) of year `y`. */
const daysIn = (y: number, m: number): number => daysFromCivil(y, m, 1) - daysFromCivil(y, m - 1, 1);
const yearDays = (y: number): number => daysFromCivil(y + 1, 0, 1) - daysFromCivil(y, 0, 1);

/** consider_job: is the job due (its period passed, within the hours allowed)? */
async function due(r: Run, tab: Tab, job: Job, start: number, today: { y: number; m: number; d: number; day: number }): Promise<boolean> {
  let stamp = '';
  try {
    stamp = new TextDecoder().decode((await r.sys.readFile(job.ident)).subarray(0, 8));
  } catch {
    // a job never run has no timestamp yet
  }
  if (r.force || stamp.length !== 8) return true;
  const m = /^(\d{4})(\d{2})(\d{2})/.exec(stamp);
  const dn = m ? daysFromCivil(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : 0;
  const delta = today.day - dn;
  if (delta >= 0 && delta < job.period) return false;
  if (job.named) {
    const lastMonth = today.m === 1 ? daysIn(today.y - 1, 12) : daysIn(today.y, today.m - 1);
    const [period, bypass] = job.named === 1 ? [lastMonth, daysIn(today.y, today.m)] : job.named === 2 ? [yearDays(today.y - 1), yearDays(today.y)] : job.named === 3 ? [1, 1] : [7, 7];
    await r.ctx.print(`Checking against ${delta} with ${period}\n`);
    if (delta < period && delta !== bypass) return false;
  }
  const at = localtime(Math.floor((start + job.delay * 60_000) / 1000), r.zone);
  if (!r.now && tab.preferredHour !== -1 && at.hour !== tab.preferredHour) return false;
  if (!r.now && tab.rangeStart !== -1 && tab.rangeStop !== -1 && (at.hour < tab.rangeStart || at.hour >= tab.rangeStop)) return false;
  return true;
}

/** The job's date, in its timestamp file in the spool (the working directory). */
async function writeStamp(sys: Sys, job: Job, today: { y: number; m: number; d: number }): Promise<void> {
  const text = `${String(today.y).padStart(4, '0')}${String(today.m).padStart(2, '0')}${String(today.d).padStart(2, '0')}\n`;
  await sys.writeFile(job.ident, text, { mode: 0o600 });
  await sys.chmod(job.ident, 0o600).catch(() => undefined);
}

/** launch_job and tend_job: runs the job, waits for it, writes its date, reports its end. */
async function runJob(r: Run, job: Job, today: { y: number; m: number; d: number }): Promise<void> {
  const sys = r.sys;
  const [outR, outW] = sys.pipe();
  const env = new Map(sys.env);
  for (const [n, v] of job.env) env.set(n, v);
  const pid = await sys.fork(
    async (child) => {
      await child.chdir('/');
      return child.exec('/bin/sh', ['/bin/sh', '-c', job.command], env);
    },
    { fds: new Map([[0, 0], [1, outW], [2, outW]]) },
  );
  sys.close(outW);
  await explain(r, `Job \`${job.ident}' started`);
  let output = 0;
  for (;;) {
    const c = await sys.read(outR);
    if (c === null) break;
    output += c.length;
  }
  sys.close(outR);
  const w = await sys.wait(pid);
  await writeStamp(sys, job, today);
  const m = output ? ' (produced output)' : '';
  const st = w?.status;
  if (st?.kind === 'exited' && st.code === 0) await explain(r, `Job \`${job.ident}' terminated${m}`);
  else if (st?.kind === 'exited') await explain(r, `Job \`${job.ident}' terminated (exit status: ${st.code})${m}`);
  else if (st?.kind === 'signaled') await complain(r, `Job \`${job.ident}' terminated due to signal ${st.signal}${m}`);
  else await complain(r, `Job \`${job.ident}' terminated abnormally${m}`);
  if (!output) return;
  const mailto = job.env.find(([n]) => n === 'MAILTO')?.[1];
  if (mailto === '') await explain(r, 'Empty MAILTO set, not mailing output');
  else {
    try {
      await sys.stat('/usr/sbin/sendmail');
    } catch {
      await complain(r, "Can't find sendmail at /usr/sbin/sendmail, not mailing output");
    }
  }
}

async function work(r: Run, opts: { tabPath: string; update: boolean; testing: boolean; args: string[] }): Promise<number> {
  const sys = r.sys;
  try {
    await sys.chdir(r.spool);
  } catch (e) {
    if (!isSysError(e)) throw e;
    return die(r, `Can't chdir to ${r.spool}: ${strerror(e.errno)}`);
  }
  const start = sys.now();
  const t = localtime(Math.floor(start / 1000), r.zone);
  const today = { y: t.year, m: t.mon + 1, d: t.mday, day: daysFromCivil(t.year, t.mon, t.mday) };
  if (!opts.update && !opts.testing) await explain(r, `Anacron started on ${String(today.y).padStart(4, '0')}-${String(today.m).padStart(2, '0')}-${String(today.d).padStart(2, '0')}`);
  const tab = await readTab(r, opts.tabPath, opts.args.length ? opts.args : ['*']);
  const jobs: Job[] = [];
  for (const j of tab.jobs) if (j.argNum !== -1 && (opts.update || opts.testing || (await due(r, tab, j, start, today)))) jobs.push(j);
  jobs.sort((a, b) => (r.now && a.argNum !== b.argNum ? a.argNum - b.argNum : 0) || a.delay - b.delay || a.line - b.line);
  if (opts.testing) return r.complaints ? 1 : 0;
  if (opts.update) {
    for (const j of jobs) {
      await writeStamp(sys, j, today);
      await explain(r, `Updated timestamp for job \`${j.ident}' to ${String(today.y).padStart(4, '0')}-${String(today.m).padStart(2, '0')}-${String(today.d).padStart(2, '0')}`);
    }
    return 0;
  }
  for (const j of jobs) await explain(r, r.now ? `Will run job \`${j.ident}'` : `Will run job \`${j.ident}' in ${j.delay} min.`);
  if (r.serialize && jobs.length) await explain(r, 'Jobs will be executed sequentially');
  const running: Promise<void>[] = [];
  for (const j of jobs) {
    const wait = r.now ? 0 : start + j.delay * 60_000 - sys.now();
    if (wait > 24 * 3_600_000) await explain(r, `System time manipulation detected, job \`${j.ident}' will run immediately`);
    else if (wait > 0) await sys.sleep(wait);
    if (r.serialize) await Promise.all(running.splice(0));
    running.push(runJob(r, j, today));
  }
  await Promise.all(running);
  await explain(r, `Normal exit (${jobs.length} job${jobs.length === 1 ? '' : 's'} run)`);
  return 0;
}

const USAGE = (n: string): string =>
  `Usage:\n ${n} [options] [job] ...\n ${n} -T [-t anacrontab-file]\n\nOptions:\n` +
  ' -s         run the jobs one after another\n -f         run the jobs even if they are not due\n' +
  ' -n         run the jobs now, without their delays (implies -s)\n -d         stay in the foreground\n' +
  ' -q         with -d, no messages on standard error\n -u         only update the timestamps\n' +
  ' -V         show the version\n -h         show this help\n -t <file>  read another anacrontab\n' +
  ' -T         check an anacrontab\n -S <dir>   keep the timestamps in another directory\n\nSee anacron(8).\n';

async function main(ctx: Ctx): Promise<number> {
  const sys = ctx.sys;
  const name = ctx.name.slice(ctx.name.lastIndexOf('/') + 1);
  const flags = new Set<string>();
  let tabPath = ANACRONTAB;
  let spool = SPOOL;
  const args = ctx.argv.slice(1);
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      if (c === 't' || c === 'S') {
        const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
        if (v === undefined) {
          await ctx.err.write(`${name}: invalid option: ${c}\ntype: \`${name} -h' for more information\n`);
          return 1;
        }
        if (c === 't') tabPath = v;
        else spool = v;
        break;
      }
      if (!'sfundqTVh'.includes(c)) {
        await ctx.err.write(`${name}: invalid option: ${c}\ntype: \`${name} -h' for more information\n`);
        return 1;
      }
      if (c === 'V') {
        await ctx.print('Anacron from project cronie 1.6.1\nCopyright (C) 1998  Itai Tzur <itzur@actcom.co.il>\nCopyright (C) 1999  Sean \'Shaleh\' Perry <shaleh@debian.org>\nCopyright (C) 2004  Pascal Hakim <pasc@redellipse.net>\n\nMail comments, suggestions and bug reports to <pasc@redellipse.net>.\n\n');
        return 0;
      }
      if (c === 'h') {
        await ctx.print(USAGE(name));
        return 0;
      }
      flags.add(c);
    }
  }
  const jobArgs = args.slice(i);
  const zone = await localZone(sys);
  const r: Run = {
    ctx, sys, name, quiet: flags.has('q'), background: false, complaints: 0, force: flags.has('f'), now: flags.has('n'),
    serialize: flags.has('s') || flags.has('n'), zone, spool,
  };
  const testing = flags.has('T');
  const opts = { tabPath: tabPath.startsWith('/') ? tabPath : `${sys.getcwd().replace(/\/$/, '')}/${tabPath}`, update: flags.has('u'), testing, args: jobArgs };
  const go = async (run: Run): Promise<number> => {
    try {
      return await work(run, opts);
    } catch (e) {
      if (e instanceof Die) return 1;
      throw e;
    }
  };
  if (flags.has('d') || testing) return go(r);
  // into the background: the parent returns at once, the child's messages go to syslog only
  await sys.fork((child) => go({ ...r, ctx: new Ctx(child), sys: child, background: true }));
  return 0;
}

export default defineProgram({
  name: 'anacron',
  installPath: '/usr/sbin/anacron',
  pkg: 'cronie',
  main: (ctx) => main(ctx),
});
