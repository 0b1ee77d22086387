// lastlog (shadow 4.13): the last login of each user from /var/log/lastlog, a file of
// 292-byte records (a 32-bit time, the line in 32 bytes, the host in 256) indexed by UID.
// Users come from the passwd file in its order (-u picks one user, a UID or a range
// N, -N, N-, N-M); -t/-b keep records newer/older than so many days; -S and -C (root, with -u)
// stamp a record "now from lastlog@localhost" or zero it.
import { isSysError, strerror } from '../../shared/errno';
import type { Sys } from '../../shared/sys';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { Accounts, type PasswdEntry } from '../lib/accounts';
import { strftime } from '../lib/strftime';
import { localZone, type TimeZone } from '../lib/tz';
import { fail, has, parseArgs } from './common';
import { LoginDefs } from './defs';
import { processRoot } from './root';

const FILE = '/var/log/lastlog';
const RECORD = 292;
const LINE = 32;
const HOST = 256;
const DAY = 86400;

const usageText = (prog: string): string => `Usage: ${prog} [options]

Options:
  -b, --before DAYS             only records older than DAYS days
  -C, --clear                   zero the record of the -u user(s)
  -h, --help                    show this help and exit
  -R, --root CHROOT_DIR         chroot into this directory first
  -S, --set                     stamp the record of the -u user(s) with now
  -t, --time DAYS               only records newer than DAYS days
  -u, --user LOGIN              only this user (or UID, or UID range)

`;

/** getulong: strtoul with base 0 over the whole string. */
function getulong(s: string): number | undefined {
  const m = /^\s*([+-]?)(0x[0-9a-f]+|0[0-7]*|[1-9]\d*)$/i.exec(s);
  if (!m) return undefined;
  const v = m[2]!.toLowerCase().startsWith('0x') ? parseInt(m[2]!, 16) : m[2]!.startsWith('0') ? parseInt(m[2]!, 8) : Number(m[2]);
  return m[1] === '-' ? 2 ** 64 - v : v;
}

interface Range { min?: number; max?: number }

/** getrange: N, -N, N- or N-M. */
function getrange(s: string): Range | undefined {
  const num = (t: string): number | undefined => (/^\d+$/.test(t) ? Number(t) : undefined);
  if (s.startsWith('-')) {
    const max = /^\d/.test(s.slice(1)) ? num(s.slice(1)) : undefined;
    return max === undefined ? undefined : { max };
  }
  const m = /^\s*\+?(\d*)(.*)$/.exec(s)!;
  const n = m[1] === '' ? 0 : Number(m[1]);
  if (m[2] === '') return { min: n, max: n };
  if (m[2] === '-') return { min: n };
  if (!m[2]!.startsWith('-') || !/^\d/.test(m[2]!.slice(1))) return undefined;
  const max = num(m[2]!.slice(1));
  return max === undefined ? undefined : { min: n, max };
}

const cstr = (b: Uint8Array): string => {
  const end = b.indexOf(0);
  return new TextDecoder('latin1').decode(end < 0 ? b : b.subarray(0, end));
};

async function readRecord(sys: Sys, fd: number, size: number, uid: number): Promise<{ time: number; line: string; host: string }> {
  const off = uid * RECORD;
  if (off + RECORD > size) return { time: 0, line: '', host: '' };
  sys.lseek(fd, off, 'set');
  let buf = new Uint8Array(0);
  while (buf.length < RECORD) {
    const chunk = await sys.read(fd, RECORD - buf.length);
    if (!chunk || chunk.length === 0) break;
    const next = new Uint8Array(buf.length + chunk.length);
    next.set(buf);
    next.set(chunk, buf.length);
    buf = next;
  }
  if (buf.length < RECORD) throw new Error('short lastlog record');
  const time = new DataView(buf.buffer, buf.byteOffset).getInt32(0, true);
  return { time, line: cstr(buf.subarray(4, 4 + LINE)), host: cstr(buf.subarray(4 + LINE, 4 + LINE + HOST)) };
}

/** The users a -u selection names, as lastlog walks them (one getpwuid, or the passwd file in order). */
function selected(acc: Accounts, range: Range | undefined, uidMax: number): (PasswdEntry | undefined)[] {
  if (range && range.min !== undefined && range.min === range.max) return [acc.userById(range.min)];
  return acc.users.filter((u) => (range ? !((range.min !== undefined && u.uid < range.min) || (range.max !== undefined && u.uid > range.max)) : u.uid <= uidMax));
}

function record(time: number): Uint8Array {
  const buf = new Uint8Array(RECORD);
  if (time) {
    new DataView(buf.buffer).setInt32(0, time, true);
    buf.set(new TextEncoder().encode('lastlog'), 4);
    buf.set(new TextEncoder().encode('localhost'), 4 + LINE);
  }
  return buf;
}

async function usage(ctx: Ctx, prog: string, status: number): Promise<number> {
  await (status === 0 ? ctx.out : ctx.err).write(usageText(prog));
  return status;
}

export default defineProgram({
  name: 'lastlog',
  installPath: '/usr/bin/lastlog',
  pkg: 'shadow',
  async main(ctx) {
    const rooted = await processRoot(ctx);
    if (rooted !== undefined) return rooted;
    const prog = ctx.name.slice(ctx.name.lastIndexOf('/') + 1);
    const sys = ctx.sys;
    const a = await parseArgs(ctx, [
      { key: 'b', short: 'b', long: 'before', arg: 'required' }, { key: 'C', short: 'C', long: 'clear' },
      { key: 'h', short: 'h', long: 'help' }, { key: 'R', short: 'R', long: 'root', arg: 'required' },
      { key: 'S', short: 'S', long: 'set' }, { key: 't', short: 't', long: 'time', arg: 'required' },
      { key: 'u', short: 'u', long: 'user', arg: 'required' },
    ], () => usageText(prog), 1);
    if (typeof a === 'number') return a;
    const acc = await Accounts.load(sys);
    let before: number | undefined;
    let within: number | undefined;
    let range: Range | undefined;
    // options act in the order given, as getopt hands them over
    for (const { key, value } of a.order) {
      const v = value ?? '';
      if (key === 'h') return usage(ctx, prog, 0);
      if (key === 'b' || key === 't') {
        const days = getulong(v);
        if (days === undefined) {
          await fail(ctx, `invalid numeric argument '${v}'`);
          return 1;
        }
        if (key === 'b') before = days * DAY;
        else within = days * DAY;
      }
      if (key === 'u') {
        const pw = acc.userByName(v);
        range = pw ? { min: pw.uid, max: pw.uid } : getrange(v);
        if (!range) {
          await fail(ctx, `Unknown user or range: ${v}`);
          return 1;
        }
      }
    }
    if (a.operands.length) {
      await fail(ctx, `unexpected argument: ${a.operands[0]}`);
      return usage(ctx, prog, 1);
    }
    const clear = has(a, 'C');
    const set = has(a, 'S');
    if (clear && set) {
      await fail(ctx, 'Option -C cannot be used together with option -S');
      return usage(ctx, prog, 1);
    }
    if ((clear || set) && !range) {
      await fail(ctx, 'Options -C and -S require option -u to specify the user');
      return usage(ctx, prog, 1);
    }
    const now = Math.floor(sys.now() / 1000);
    let fd: number;
    try {
      fd = await sys.open(FILE, clear || set ? { read: true, write: true } : { read: true });
    } catch (e) {
      if (!isSysError(e)) throw e;
      await ctx.err.write(`${FILE}: ${strerror(e.errno)}\n`);
      return 1;
    }
    try {
      const uidMax = (await LoginDefs.load(sys)).num('LASTLOG_UID_MAX', 0xffffffff);
      if (range && ((range.min !== undefined && range.min > uidMax) || (range.max !== undefined && range.max > uidMax))) {
        await fail(ctx, `Selected uid(s) are higher than LASTLOG_UID_MAX (${uidMax}),\n\t${clear || set ? 'they will not be updated' : 'the output might be incorrect'}.`);
        if (clear || set) return 0;
      }
      const users = selected(acc, range, range ? Infinity : uidMax);
      if (clear || set) {
        for (const pw of users) {
          if (!pw) continue;
          sys.lseek(fd, pw.uid * RECORD, 'set');
          await sys.write(fd, record(set ? now : 0));
        }
        return 0;
      }
      const size = sys.fstat(fd).size;
      const tz: TimeZone = await localZone(sys);
      let header = false;
      for (const pw of users) {
        await ctx.tick();
        if (!pw) continue;
        const r = await readRecord(sys, fd, size, pw.uid);
        if (within !== undefined && now - r.time > within) continue;
        if (before !== undefined && now - r.time < before) continue;
        if (!header) {
          await ctx.print(`Username         Port     From${' '.repeat(39)}Latest\n`);
          header = true;
        }
        const when = r.time === 0 ? '**Never logged in**' : strftime('%a %b %e %H:%M:%S %z %Y', r.time * 1000, undefined, tz);
        await ctx.print(`${pw.name.padEnd(16)} ${r.line.slice(0, 8).padEnd(8)} ${r.host.padEnd(42)}${when}\n`);
      }
    } finally {
      sys.close(fd);
    }
    return 0;
  },
});
