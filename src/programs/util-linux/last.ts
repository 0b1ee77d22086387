// last and lastb (util-linux 2.38): the login records of /var/log/wtmp (or btmp, or -f FILE),
// newest first. Read backwards, a login is paired with the logout of the same line that came
// after it; without one it ended with the next shutdown ("down"), reboot ("crash"), or is
// still logged in (or "gone - no logout" when it predates this boot or its terminal is no
// longer the user's). lastb lists every record as it is. "FILE begins" ends each listing.
import { isSysError, strerror } from '../../shared/errno';
import { formatAddr } from '../../shared/services/net-addr';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { getopt, GetoptError } from '../lib/getopt';
import { DAYS, MONTHS } from '../lib/strftime';
import { localtime, localZone, type TimeZone } from '../lib/tz';
import { exclusive, NumError, s32, tryHelp, utilLinuxVersion, warnx } from '../util-linux-more/common';
import { parseTimestamp } from '../util-linux-more/timestamp';

const RECORD = 384;
const [RUN_LVL, BOOT_TIME, NEW_TIME, OLD_TIME, USER_PROCESS, DEAD_PROCESS, SHUTDOWN_TIME] = [1, 2, 3, 4, 7, 8, 254];
const IGNORED = new Set([0, 5, 6, 9]); // EMPTY, INIT_PROCESS, LOGIN_PROCESS, ACCOUNTING
const [R_CRASH, R_DOWN, R_NORMAL, R_NOW, R_REBOOT, R_PHANTOM, R_TIMECHANGE] = [1, 2, 3, 4, 5, 6, 7];
const [FMT_NONE, FMT_SHORT, FMT_CTIME, FMT_ISO, FMT_HHMM] = [0, 1, 2, 3, 4];
/** name, login width and format, logout width and format */
const TIMEFMTS: [string, number, number, number, number][] = [
  ['notime', 0, FMT_NONE, 0, FMT_NONE],
  ['short', 16, FMT_CTIME, 7, FMT_HHMM],
  ['full', 24, FMT_CTIME, 26, FMT_CTIME],
  ['iso', 25, FMT_ISO, 27, FMT_ISO],
];

interface Ut { type: number; pid: number; line: string; user: string; host: string; addr: Uint8Array; sec: number }

const latin1 = new TextDecoder('latin1');
const cstr = (b: Uint8Array): string => {
  const end = b.indexOf(0);
  return latin1.decode(end < 0 ? b : b.subarray(0, end));
};

function record(b: Uint8Array): Ut {
  const v = new DataView(b.buffer, b.byteOffset, RECORD);
  return {
    type: v.getInt16(0, true), pid: v.getInt32(4, true), line: cstr(b.subarray(8, 40)), user: cstr(b.subarray(44, 76)),
    host: cstr(b.subarray(76, 332)), sec: v.getInt32(340, true), addr: b.slice(348, 364),
  };
}

/** The address as getnameinfo prints it numerically (IPv4 when the last 12 bytes are zero, or mapped). */
function addrText(a: Uint8Array): string {
  const mapped = a.subarray(0, 10).every((x) => x === 0) && a[10] === 0xff && a[11] === 0xff;
  if (mapped || a.subarray(4).every((x) => x === 0)) return Array.from(mapped ? a.subarray(12) : a.subarray(0, 4)).join('.');
  return formatAddr({ family: 6, bytes: Array.from(a) });
}

interface Ctl {
  lastb: boolean;
  extended: boolean;
  showhost: boolean;
  altlist: boolean;
  dns: boolean;
  nameLen: number;
  domainLen: number;
  maxrecs: number;
  show: string[] | undefined;
  bootTime: number;
  since: number;
  until: number;
  present: number;
  fmt: number;
  tz: TimeZone;
}

const two = (n: number): string => String(n).padStart(2, '0');

function timeText(fmt: number, when: number, tz: TimeZone): string {
  if (fmt === FMT_NONE) return '';
  const tm = localtime(when, tz);
  if (fmt === FMT_HHMM) return `${two(tm.hour)}:${two(tm.min)}`;
  if (fmt === FMT_CTIME) return `${DAYS[tm.wday]} ${MONTHS[tm.mon]} ${String(tm.mday).padStart(2)} ${two(tm.hour)}:${two(tm.min)}:${two(tm.sec)} ${tm.year}`;
  const off = tm.gmtoff;
  const sign = off < 0 ? '-' : '+';
  return `${tm.year}-${two(tm.mon + 1)}-${two(tm.mday)}T${two(tm.hour)}:${two(tm.min)}:${two(tm.sec)}${sign}${two(Math.floor(Math.abs(off) / 3600))}:${two(Math.floor((Math.abs(off) % 3600) / 60))}`;
}

/** printf's %-W.Ps */
const field = (s: string, width: number, prec: number): string => s.slice(0, prec).padEnd(width);

class Lister {
  recsdone = 0;
  currentdate = 0;
  constructor(private readonly ctx: Ctx, private readonly ctl: Ctl) {}

  /** One line; true when the record limit is reached. */
  async list(p: Ut, logout: number, what: number): Promise<boolean> {
    const ctl = this.ctl;
    let line = p.line;
    if (/^ftp\d/.test(line)) line = line.slice(0, 3);
    if (/^uucp\d/.test(line)) line = line.slice(0, 4);
    if (ctl.show && !ctl.show.some((w) => p.user === w.slice(0, 32) || line === w || (line.startsWith('tty') && line.slice(3) === w))) return false;
    if (ctl.present && (ctl.present < p.sec || (logout > 0 && logout < ctl.present))) return false;
    const [, inLen, inFmt, outLen, outFmt] = TIMEFMTS[ctl.fmt]!;
    const login = timeText(inFmt, p.sec, ctl.tz);
    const secs = logout - p.sec;
    const trunc = (n: number): number => Math.trunc(n);
    const mins = trunc(secs / 60) % 60;
    const hours = trunc(secs / 3600) % 24;
    const days = trunc(secs / 86400);
    let logoutText = `- ${timeText(outFmt, logout, ctl.tz)}`;
    let length: string;
    const long = ctl.fmt > FMT_SHORT;
    if (logout === this.currentdate) {
      logoutText = long ? '  still running' : '  still';
      length = long ? '' : 'running';
    } else if (days) length = `(${days}+${two(Math.abs(hours))}:${two(Math.abs(mins))})`;
    else if (hours) length = ` (${two(hours)}:${two(Math.abs(mins))})`;
    else if (secs >= 0) length = ` (${two(hours)}:${two(mins)})`;
    else length = ` (-00:${two(Math.abs(mins))})`;
    if (what === R_CRASH) logoutText = '- crash';
    else if (what === R_DOWN) logoutText = '- down ';
    else if (what === R_NOW) {
      logoutText = long ? '  still logged in' : '  still';
      length = long ? '' : 'logged in';
    } else if (what === R_PHANTOM) {
      if (long) [logoutText, length] = ['  gone - no logout', ''];
      else if (ctl.fmt === FMT_SHORT) [logoutText, length] = ['   gone', '- no logout'];
      else [logoutText, length] = ['', 'no logout'];
    } else if (what === R_TIMECHANGE) [logoutText, length] = ['', ''];
    const domain = ctl.dns ? addrText(p.addr) : p.host;
    const user = field(p.user, 8, ctl.nameLen);
    const tty = field(line, 12, 12);
    const times = `${field(login, inLen, inLen)} ${field(logoutText, outLen, outLen)}`;
    let out: string;
    if (!ctl.showhost) out = `${user} ${tty} ${times} ${length}`;
    else if (!ctl.altlist) out = `${user} ${tty} ${field(domain, 16, ctl.domainLen)} ${times} ${length}`;
    else out = `${user} ${tty} ${times} ${field(length, 12, 12)} ${domain}`;
    await this.ctx.print(`${out.replace(/\s+$/, '')}\n`);
    this.recsdone++;
    return ctl.maxrecs > 0 && ctl.maxrecs <= this.recsdone;
  }

  /** is_phantom: a login from before this boot, of an unknown user, or on a terminal not the user's. */
  private async phantom(ut: Ut): Promise<boolean> {
    if (ut.sec < this.ctl.bootTime) return true;
    const sys = this.ctx.sys;
    let uid: number | undefined;
    try {
      const text = new TextDecoder().decode(await sys.readFile('/etc/passwd'));
      const f = text.split('\n').map((l) => l.split(':')).find((x) => x[0] === ut.user.slice(0, 31));
      uid = f ? Number(f[2]) : undefined;
    } catch {
      uid = undefined;
    }
    if (uid === undefined) return true;
    try {
      return (await sys.stat(`/dev/${ut.line}`)).uid !== uid;
    } catch {
      return true;
    }
  }

  async file(name: string): Promise<number> {
    const { ctx, ctl } = this;
    const sys = ctx.sys;
    let data: Uint8Array;
    let ctime: number;
    try {
      data = await sys.readFile(name);
      ctime = Math.floor((await sys.stat(name)).ctime / 1000);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await warnx(ctx, `cannot open ${name}: ${strerror(e.errno)}`);
      return 1;
    }
    const now = Math.floor(sys.now() / 1000);
    let lastdown = now;
    let lastrch = now;
    this.currentdate = now;
    let lastboot = 0;
    let whydown = 0;
    const begintime = data.length >= RECORD ? record(data.subarray(0, RECORD)).sec : ctime;
    let ulist: Ut[] = [];
    // records are read from the end, whole ones only (a short piece at the start is left)
    for (let off = data.length - RECORD; data.length >= RECORD && off >= 0; off -= RECORD) {
      const ut = record(data.subarray(off, off + RECORD));
      if (ctl.since && ut.sec < ctl.since) continue;
      if (ctl.until && ctl.until < ut.sec) continue;
      if (ctl.lastb) {
        if (await this.list(ut, ut.sec, R_NORMAL)) break;
        continue;
      }
      if (ut.line.startsWith('~')) {
        if (ut.user.startsWith('shutdown')) ut.type = SHUTDOWN_TIME;
        else if (ut.user.startsWith('reboot')) ut.type = BOOT_TIME;
        else if (ut.user.startsWith('runlevel')) ut.type = RUN_LVL;
      } else {
        if (ut.type !== DEAD_PROCESS && ut.user && ut.line && !ut.user.startsWith('LOGIN')) ut.type = USER_PROCESS;
        if (!ut.user) ut.type = DEAD_PROCESS;
        if (ut.user.startsWith('date')) {
          if (ut.line[0] === '|') ut.type = OLD_TIME;
          if (ut.line[0] === '{') ut.type = NEW_TIME;
        }
      }
      let quit = false;
      let down = false;
      switch (ut.type) {
        case SHUTDOWN_TIME:
          if (ctl.extended) quit = await this.list({ ...ut, line: 'system down' }, lastboot, R_NORMAL);
          lastdown = lastrch = ut.sec;
          down = true;
          break;
        case OLD_TIME:
        case NEW_TIME:
          if (ctl.extended) quit = await this.list({ ...ut, line: ut.type === NEW_TIME ? 'new time' : 'old time' }, lastdown, R_TIMECHANGE);
          break;
        case BOOT_TIME:
          quit = await this.list({ ...ut, line: 'system boot' }, lastdown, R_REBOOT);
          lastboot = ut.sec;
          down = true;
          break;
        case RUN_LVL: {
          const x = ut.pid & 255;
          if (ctl.extended) quit = await this.list({ ...ut, line: `(to lvl ${String.fromCharCode(x)})` }, lastrch, R_NORMAL);
          if (x === 0x30 || x === 0x36) {
            lastdown = ut.sec;
            down = true;
            ut.type = SHUTDOWN_TIME;
          }
          lastrch = ut.sec;
          break;
        }
        case USER_PROCESS:
        case DEAD_PROCESS:
          if (ut.type === USER_PROCESS) {
            const match = ulist.find((p) => p.line === ut.line);
            if (match) quit = await this.list(ut, match.sec, R_NORMAL);
            else quit = await this.list(ut, lastboot, lastboot ? whydown : (await this.phantom(ut)) ? R_PHANTOM : R_NOW);
            ulist = ulist.filter((p) => p.line !== ut.line);
          }
          if (ut.line) ulist.unshift(ut);
          break;
        default:
          if (!IGNORED.has(ut.type)) await warnx(ctx, `unrecognized ut_type: ${ut.type}`);
      }
      if (down) {
        lastboot = ut.sec;
        whydown = ut.type === SHUTDOWN_TIME ? R_DOWN : R_CRASH;
        ulist = [];
      }
      if (quit) break;
    }
    if (ctl.fmt !== FMT_NONE) {
      const base = name.replace(/\/+$/, '').split('/').pop() ?? name;
      await ctx.print(`\n${base} begins ${timeText(TIMEFMTS[ctl.fmt]![2], begintime, ctl.tz)}\n`);
    }
    return 0;
  }
}

function help(lastb: boolean): string {
  return `
Usage:
 ${lastb ? 'lastb' : 'last'} [options] [<username>...] [<tty>...]

Show a listing of last logged in users.

Options:
 -<number>            how many lines to show
 -a, --hostlast       the host names in the last column
 -d, --dns            the IP address turned back into a host name
 -f, --file <file>    read this file, not ${lastb ? '/var/log/btmp' : '/var/log/wtmp'}
 -F, --fulltimes      full login and logout dates and times
 -i, --ip             the IP address in numbers and dots
 -n, --limit <number> how many lines to show
 -R, --nohostname     no host name column
 -s, --since <time>   only the lines since this time
 -t, --until <time>   only the lines until this time
 -p, --present <time> who was logged in at this time
 -w, --fullnames      user and domain names in full
 -x, --system         shutdown entries and run level changes too
     --time-format <format>  the timestamps in <format>:
                               notime|short|full|iso

 -h, --help           display this help
 -V, --version        display version

For more details see last(1).
`;
}

export default defineProgram({
  name: 'last',
  installPath: '/usr/bin/last',
  aliases: ['/usr/bin/lastb'],
  pkg: 'util-linux',
  async main(ctx) {
    const name = (ctx.argv[0] ?? 'last').split('/').pop()!;
    const sys = ctx.sys;
    let p;
    try {
      p = getopt(ctx.argv.slice(1), [
        { key: 'n', short: 'n', long: 'limit', arg: 'required' }, { key: 'h', short: 'h', long: 'help' },
        { key: 'f', short: 'f', long: 'file', arg: 'required' }, { key: 'R', short: 'R', long: 'nohostname' },
        { key: 'V', short: 'V', long: 'version' }, { key: 'a', short: 'a', long: 'hostlast' },
        { key: 's', short: 's', long: 'since', arg: 'required' }, { key: 't', short: 't', long: 'until', arg: 'required' },
        { key: 'p', short: 'p', long: 'present', arg: 'required' }, { key: 'x', short: 'x', long: 'system' },
        { key: 'd', short: 'd', long: 'dns' }, { key: 'i', short: 'i', long: 'ip' },
        { key: 'F', short: 'F', long: 'fulltimes' }, { key: 'w', short: 'w', long: 'fullnames' },
        // sorts after the letters, as its option code does
        { key: '\x80', long: 'time-format', arg: 'required' },
        ...'0123456789'.split('').map((d) => ({ key: d, short: d })),
      ]);
    } catch (e) {
      if (!(e instanceof GetoptError)) throw e;
      await warnx(ctx, e.message);
      return tryHelp(ctx);
    }
    const tz = await localZone(sys);
    const now = Math.floor(sys.now() / 1000);
    const ctl: Ctl = {
      lastb: name === 'lastb', extended: false, showhost: true, altlist: false, dns: false, nameLen: 8, domainLen: 16, maxrecs: 0,
      show: undefined, bootTime: Math.floor((sys.now() - sys.uptime()) / 1000), since: 0, until: 0, present: 0, fmt: FMT_SHORT, tz,
    };
    const files: string[] = [];
    const seen = [''];
    for (const { key, value } of p.order) {
      if (exclusive([['F', '\x80']], seen, key)) {
        await warnx(ctx, 'mutually exclusive arguments: --fulltimes --time-format');
        return 1;
      }
      const time = async (): Promise<number | undefined> => {
        const t = parseTimestamp(value!, now, tz);
        if (t === undefined) await warnx(ctx, `invalid time value "${value!}"`);
        return t;
      };
      switch (key) {
        case 'h': return ctx.print(help(ctl.lastb)).then(() => 0);
        case 'V': return ctx.print(`${utilLinuxVersion(name)}\n`).then(() => 0);
        case 'R': ctl.showhost = false; break;
        case 'x': ctl.extended = true; break;
        case 'n':
          try {
            ctl.maxrecs = s32(value!, 'failed to parse number');
          } catch (e) {
            if (!(e instanceof NumError)) throw e;
            await warnx(ctx, e.message);
            return 1;
          }
          break;
        case 'f': files.push(value!); break;
        case 'd': ctl.dns = true; break;
        case 'i': ctl.dns = true; break;
        case 'a': ctl.altlist = true; break;
        case 'F': ctl.fmt = FMT_CTIME; break;
        case 'p': case 's': case 't': {
          const t = await time();
          if (t === undefined) return 1;
          if (key === 'p') ctl.present = t;
          else if (key === 's') ctl.since = t;
          else ctl.until = t;
          break;
        }
        case 'w':
          ctl.nameLen = Math.max(ctl.nameLen, 32);
          ctl.domainLen = Math.max(ctl.domainLen, 256);
          break;
        case '\x80': {
          const i = TIMEFMTS.findIndex(([n]) => n === value);
          if (i < 0) {
            await warnx(ctx, `unknown time format: ${value!}`);
            return 1;
          }
          ctl.fmt = i;
          break;
        }
        default: ctl.maxrecs = 10 * ctl.maxrecs + Number(key);
      }
    }
    if (p.operands.length) ctl.show = p.operands;
    if (!files.length) files.push(ctl.lastb ? '/var/log/btmp' : '/var/log/wtmp');
    const lister = new Lister(ctx, ctl);
    for (const f of files) if ((await lister.file(f)) !== 0) return 1;
    return 0;
  },
});
