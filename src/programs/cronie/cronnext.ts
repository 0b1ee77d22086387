// cronnext (cronie 1.6.1): the time of the next job crond will run, from the installed tables
// (and/or crontab files named), as seconds since the epoch; -l lists the jobs due then, -c each
// job's next run by table, -f every run up to -q's end.
import { bytesToBin } from '../lib/binary-text';
import { isSysError, strerror } from '../../shared/errno';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { strftime } from '../lib/strftime';
import { localtime, localZone, mktime, type TimeZone } from '../lib/tz';
import { loadDatabase, readTable, type Table } from './cron-db';
import { SPOOL } from './cron-files';
import type { CronEntry } from './cron-table';

const ENTRIES = 1;
const CRONTABS = 2;
const SYSTEM = 4;
const ALLJOBS = 8;


const USAGE =
  'Find the time of the next scheduled cron job.\nUsage:\n cronnext [options] [file ...]\n\nOptions:\n' +
  ' -i users  only these users\' tables (comma-separated)\n -e users  all but these users\' tables\n' +
  ' -s        leave out the system tables\n -a        read the installed tables too when files are named\n' +
  ' -t time   start at this time (seconds since the epoch)\n -q time   stop at this time (seconds since the epoch)\n' +
  ' -j cmd    only jobs whose command contains cmd\n -l        list the jobs that run next\n' +
  ' -c        list each job\'s next run, table by table\n -f        list every run up to -q\'s time\n' +
  ' -h        show these options\n -V        show the version\n';

function matchDay(e: CronEntry, t: number, zone: TimeZone): boolean {
  const tm = localtime(t, zone);
  if (e.dowStar) return e.dom[tm.mday - 1]!;
  if (e.domStar) return e.dow[tm.wday]!;
  return e.dom[tm.mday - 1]! || e.dow[tm.wday]!;
}

/** nextmatch: the first minute from `start` (seconds) to `end` the entry matches, or -1. */
function nextMatch(e: CronEntry, start: number, end: number, zone: TimeZone): number {
  for (let t = start; t <= end; ) {
    const tm = localtime(t, zone);
    if (!e.month[tm.mon]) {
      const mon = tm.mon + 1;
      t = mktime({ year: mon >= 12 ? tm.year + 1 : tm.year, mon: mon % 12, mday: 1, hour: 0, min: 0, sec: tm.sec }, zone);
      continue;
    }
    if (!matchDay(e, t, zone) && !matchDay(e, t + 86400, zone)) {
      t += 86400;
      continue;
    }
    if (matchDay(e, t, zone) && e.hour[tm.hour] && e.minute[tm.min]) return t;
    t += 60;
  }
  return -1;
}

/** matchuser: `name` is one of the comma-separated names of `list`. */
const matchUser = (name: string, list: string): boolean => list.split(',').includes(name);

/** asctime(3) without its newline. */
const asctime = (t: number, zone: TimeZone): string => strftime('%a %b %e %H:%M:%S %Y', t * 1000, 0, zone);

function entryText(indent: string, e: CronEntry, next: number, zone: TimeZone): string {
  const flags = (e.minStar ? 1 : 0) | (e.hourStar ? 2 : 0) | (e.domStar ? 4 : 0) | (e.dowStar ? 8 : 0) | (e.reboot ? 16 : 0) | (e.dontLog ? 32 : 0);
  const names = ['MIN_STAR', 'HR_STAR', 'DOM_STAR', 'DOW_STAR', 'WHEN_REBOOT', 'DONT_LOG'].filter((_n, i) => flags & (1 << i));
  return (
    `${indent}  - user: ${e.user}\n${indent}    cmd: "${e.command}"\n${indent}    flags: 0x${flags.toString(16).toUpperCase().padStart(2, '0')}\n` +
    `${indent}    flagnames:${names.length ? ` ${names.join('|')}` : ''}\n${indent}    delay: ${e.delay}\n${indent}    next: ${next}\n${indent}    nextstring: ${asctime(next, zone)}\n`
  );
}

interface Query {
  include?: string;
  exclude?: string;
  command?: string;
  flags: number;
}

/** cronnext: the closest run in [start, end], printing as the flags ask. */
async function findNext(ctx: Ctx, tables: Table[], start: number, end: number, q: Query, zone: TimeZone): Promise<number> {
  let out = '';
  let indent = '';
  if (q.flags & CRONTABS) {
    out += 'crontabs:\n';
    indent = '    ';
  } else if (q.flags & ALLJOBS) out += 'jobs:\n';
  let closest = -1;
  for (const u of tables) {
    const name = u.system ? '*system*' : u.owner;
    if (q.include !== undefined && !matchUser(name, q.include)) continue;
    if (q.exclude !== undefined && matchUser(name, q.exclude)) continue;
    if (!(q.flags & SYSTEM) && u.system) continue;
    if (q.flags & CRONTABS) out += `  - user: "${name}"\n    crontab: ${u.path}\n    system: ${u.system ? 1 : 0}\n    entries:\n`;
    for (const e of u.entries) {
      if (q.command !== undefined && !e.command.includes(q.command)) continue;
      if (e.reboot) continue;
      for (let next = nextMatch(e, start, end, zone); next <= end; next = nextMatch(e, next + 60, end, zone)) {
        if (next < 0) break;
        if (closest < 0 || next < closest) closest = next;
        // (written as found: -f over years can list millions of runs, and ^C must stop it)
        if (q.flags & ENTRIES) {
          await ctx.print(out + entryText(indent, e, next, zone));
          out = '';
        }
        if (!(q.flags & ALLJOBS)) break;
      }
    }
  }
  await ctx.print(out);
  return closest;
}

async function main(ctx: Ctx): Promise<number> {
  const sys = ctx.sys;
  const q: Query = { flags: SYSTEM };
  let start = Math.floor(sys.now() / 60_000) * 60;
  let end = 0;
  let endTime = false;
  let printJobs = false;
  let installed = false;
  const args = ctx.argv.slice(1);
  const files: string[] = [];
  const atoi = (s: string): number => Number.parseInt(/^\s*[-+]?\d+/.exec(s)?.[0] ?? '0', 10) | 0;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      files.push(...args.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      files.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      let value: string | undefined;
      if ('iestqj'.includes(c) && c !== 's') {
        value = j + 1 < a.length ? a.slice(j + 1) : args[++i];
        if (value === undefined) {
          await ctx.err.write(`${ctx.name}: option requires an argument -- '${c}'\nunrecognized option: ${a}\n${USAGE}`);
          return 1;
        }
      }
      switch (c) {
        case 'i': q.include = value; break;
        case 'e': q.exclude = value; break;
        case 'a': installed = true; break;
        case 's': q.flags &= ~SYSTEM; break;
        case 't': start = Math.trunc(atoi(value!) / 60) * 60; break;
        case 'q': end = Math.trunc(atoi(value!) / 60) * 60; endTime = true; break;
        case 'j': q.command = value; break;
        case 'l': printJobs = true; break;
        case 'c': q.flags |= ENTRIES | CRONTABS; break;
        case 'f': q.flags |= ALLJOBS | ENTRIES; break;
        case 'h':
          await ctx.err.write(USAGE);
          return 0;
        case 'V':
          await ctx.print('cronie 1.6.1\n');
          return 0;
        default:
          await ctx.err.write(`${ctx.name}: invalid option -- '${c}'\nunrecognized option: ${a}\n${USAGE}`);
          return 1;
      }
      if (value !== undefined) break;
    }
  }
  if (q.flags & ALLJOBS && !endTime) {
    await ctx.err.write(`no ending time specified: -f requires -q\n${USAGE}`);
    return 1;
  }
  if (!endTime) end = start + 8 * 12 * 31 * 24 * 60 * 60;
  if (q.flags & CRONTABS) await ctx.print(`spool: ${SPOOL}\n`);
  const o = { permitAny: false, randomScale: 0, ident: 'cronnext' };
  const db = installed || !files.length ? await loadDatabase(sys, o, new Map()) : { tables: new Map<string, Table>(), accounts: (await loadDatabase(sys, o, new Map())).accounts };
  const tables = [...db.tables.values()];
  for (const f of files) {
    try {
      const st = await sys.stat(f);
      if (st.kind === 'dir') {
        await ctx.err.write(`${f} is a directory - skipping\n`);
        continue;
      }
      const text = bytesToBin(await sys.readFile(f));
      const t = readTable(sys, o, db.accounts, text, f, { name: f, uid: -1, gid: -1, dir: '.', shell: '' });
      tables.push({ owner: f, path: f, system: false, mtime: st.mtime, entries: t.entries });
    } catch (e) {
      if (!isSysError(e)) throw e;
      await ctx.err.write(`${f}: ${strerror(e.errno)}\n`);
    }
  }
  const zone = await localZone(sys);
  const next = await findNext(ctx, tables, start, end, q, zone);
  if (next === -1) return 1;
  await ctx.print(`next: ${next}\n`);
  if (printJobs) {
    await ctx.print('nextjobs:\n');
    await findNext(ctx, tables, next, next, { ...q, flags: (q.flags & SYSTEM) | ENTRIES }, zone);
  }
  return 0;
}

export default defineProgram({
  name: 'cronnext',
  installPath: '/usr/bin/cronnext',
  pkg: 'cronie',
  main: (ctx) => main(ctx),
});
