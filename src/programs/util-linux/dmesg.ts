// dmesg (util-linux 2.38): the kernel ring buffer from /dev/kmsg (the boot log of linux-esx
// 6.1 and what the kernel logged since; Photon sets kernel.dmesg_restrict=1, so only root may
// read it), or with -F a file in the syslog(2) format ("<pri>[ secs.usecs] text" records, a
// record going on until a newline followed by '<'). Filters by level and facility, decodes
// them (-x), prints the time in the formats of -t/-T/-d/-e/--time-format, raw (-r) or JSON.
import { isSysError, strerror } from '../../shared/errno';
import { bootLog } from '../../shared/kmsg';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { getopt, GetoptError } from '../lib/getopt';
import { strftime } from '../lib/strftime';
import { localZone } from '../lib/tz';
import { exclusive, NumError, shortName, tryHelp, u32, utilLinuxVersion, warnx } from '../util-linux-more/common';
import { parseTimestamp } from '../util-linux-more/timestamp';

const LEVELS = ['emerg', 'alert', 'crit', 'err', 'warn', 'notice', 'info', 'debug'];
const FACILITIES = ['kern', 'user', 'mail', 'daemon', 'auth', 'syslog', 'lpr', 'news', 'uucp', 'cron', 'authpriv', 'ftp'];
/** Where `dmesg -C` notes the first record still to show (the ring buffer's clear_seq). */
const CLEARED = '/run/dmesg.cleared';

type TimeFmt = 'none' | 'ctime' | 'ctime-delta' | 'delta' | 'reltime' | 'time' | 'time-delta' | 'iso';

interface Rec {
  seq: number;
  fac: number;
  lev: number;
  sec: number;
  usec: number;
  /** the message's bytes (latin1: one character a byte) */
  msg: string;
  /** for -J over a file: the buffer from the message to its end (util-linux prints it all) */
  rest?: string;
}

class Fail extends Error {}

/** parse_level / parse_facility: a number or a name (any case); "unknown ..." names the rest of the list. */
function parseName(names: string[], what: string, str: string, len: number, offset = 0): number {
  const item = str.slice(0, len);
  if (/^\d/.test(item)) {
    const x = /^\d+$/.test(item) ? Number(item) - offset : -1;
    if (x >= 0 && x < names.length) return x + offset;
  } else {
    const i = names.indexOf(item.toLowerCase());
    if (i >= 0) return i + offset;
  }
  throw new Fail(`unknown ${what} '${str}'`);
}

/** string_to_bitarray: a comma-separated list of names. */
function nameSet(names: string[], what: string, list: string): Set<number> {
  const out = new Set<number>();
  let at = 0;
  for (const item of list.split(',')) {
    if (item !== '') out.add(parseName(names, what, list.slice(at), item.length));
    at += item.length + 1;
  }
  return out;
}

/** get_next_syslog_record over a whole buffer. */
function syslogRecords(buf: string, timed: boolean): Rec[] {
  const out: Rec[] = [];
  let i = 0;
  let seq = 0;
  while (i < buf.length) {
    let end = buf.length;
    for (let j = i; j < buf.length - 1; j++) {
      if (buf[j] === '\n' && buf[j + 1] === '<') {
        end = j;
        break;
      }
    }
    let begin = i;
    i = end + 1;
    if (buf[begin] === '\0' || end <= begin) continue;
    const r: Rec = { seq: seq++, fac: -1, lev: -1, sec: 0, usec: 0, msg: '' };
    if (buf[begin] === '<') {
      const m = /^<(\d+)/.exec(buf.slice(begin, end));
      if (m) {
        const n = Number(m[1]);
        r.fac = n >> 3;
        r.lev = n & 7;
        if (r.fac >= FACILITIES.length + 1) r.fac = -1;
        begin += m[0].length + 1;
      } else begin += 1;
    }
    if (buf[begin] === '[' && /[ \d]/.test(buf[begin + 1] ?? '')) {
      const m = /^ *([+-]?\d+)(?:\.([+-]?\d+))?\]/.exec(buf.slice(begin + 1, end));
      if (timed) {
        if (m) {
          r.sec = Number(m[1]);
          r.usec = Number(m[2] ?? 0);
          begin += 1 + m[0].length;
        } else begin += 1;
      } else {
        const close = buf.indexOf(']', begin);
        begin = close < 0 || close >= end ? end : close + 1;
      }
      if (begin < end && buf[begin] === ' ') begin++;
    }
    let size = end - begin;
    if (end === buf.length && buf[end - 1] === '\n') size--;
    r.msg = buf.slice(begin, begin + Math.max(0, size));
    r.rest = buf.slice(begin);
    out.push(r);
  }
  return out;
}

/** The records /dev/kmsg gives ("prio,seq,usec,flags;text" with \xNN escapes), or undefined without it. */
async function readKmsg(ctx: Ctx): Promise<Rec[] | undefined> {
  const sys = ctx.sys;
  let fd: number;
  try {
    fd = await sys.open('/dev/kmsg', { read: true });
  } catch (e) {
    if (isSysError(e)) return undefined;
    throw e;
  }
  const out: Rec[] = [];
  try {
    for (;;) {
      const chunk = await sys.read(fd, 8192);
      if (chunk === null) break;
      const m = /^(\d+),(\d+),(\d+),[^;]*;([^\n]*)/.exec(new TextDecoder('latin1').decode(chunk));
      if (!m) continue;
      const prio = Number(m[1]);
      const usec = Number(m[3]);
      const msg = m[4]!.replace(/\\x([0-9a-f]{2})/g, (_s, h: string) => String.fromCharCode(parseInt(h, 16)));
      out.push({ seq: Number(m[2]), fac: prio >> 3, lev: prio & 7, sec: Math.floor(usec / 1e6), usec: usec % 1e6, msg });
    }
  } finally {
    sys.close(fd);
  }
  return out;
}

/** safe_fwrite: non-printable bytes as \xHH, continuation lines indented under the text. */
function safe(s: string, indent: number, more = false): string {
  // eslint-disable-next-line no-control-regex
  const out = s.replace(/[^\x20-\x7e\t\n\v\f\r]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
    .replace(/\n(?=[^])/g, `\n${' '.repeat(indent)}`);
  // a newline that ends the message is indented too when the buffer goes on after it
  return more && indent && s.endsWith('\n') ? out + ' '.repeat(indent) : out;
}

const jsonStr = (s: string): string =>
  // eslint-disable-next-line no-control-regex
  `"${s.replace(/["\\]/g, (c) => `\\${c}`).replace(/[\n\t\r\b\f]/g, (c) => `\\${'ntrbf'['\n\t\r\b\f'.indexOf(c)]!}`).replace(/[\x00-\x1f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}"`;

const HELP = `
Usage:
 dmesg [options]

Display or control the kernel ring buffer.

Options:
 -C, --clear                 clear the kernel ring buffer
 -c, --read-clear            read and clear all messages
 -D, --console-off           no printing of messages to the console
 -E, --console-on            printing of messages to the console
 -F, --file <file>           read the messages from a file in the syslog format
 -f, --facility <list>       only these facilities
 -H, --human                 human readable output
 -J, --json                  JSON output
 -k, --kernel                kernel messages only
 -L, --color[=<when>]        colors (auto, always or never)
 -l, --level <list>          only these levels
 -n, --console-level <level> the level of messages printed to the console
 -P, --nopager               no pager
 -p, --force-prefix          the prefix on every line of a message
 -r, --raw                   the raw message buffer
     --noescape              leave unprintable characters as they are
 -S, --syslog                read with syslog(2), not /dev/kmsg
 -s, --buffer-size <size>    the size of the buffer to ask the kernel for
 -u, --userspace             userspace messages only
 -w, --follow                wait for new messages
 -W, --follow-new            wait and print only new messages
 -x, --decode                facility and level as names

 -d, --show-delta            the time between messages
 -e, --reltime               local time and the time between messages
 -T, --ctime                 human-readable times (may be off)
 -t, --notime                no times
     --time-format <format>  ctime, reltime, delta, iso or notime
     --since <time>          messages since this time
     --until <time>          messages until this time

 -h, --help                  display this help
 -V, --version               display version

Supported log facilities:
${FACILITIES.map((f) => `${f.padStart(12)}\n`).join('')}
Supported log levels (priorities):
${LEVELS.map((l) => `${l.padStart(12)}\n`).join('')}
For more details see dmesg(1).
`;

// the long-only options sort after every letter, as their codes do
const TIMEFMT = '\x80';
const NOESC = '\x81';
const SINCE = '\x82';
const UNTIL = '\x83';
const EXCL = [['C', 'D', 'E', 'c', 'n', 'r'], ['H', 'r'], ['L', 'r'], ['S', 'w'], ['T', 'r'], ['d', 'r'], ['e', 'r'], ['r', 'x'], ['r', 't']];
const LONG: Record<string, string> = {
  C: 'clear', D: 'console-off', E: 'console-on', c: 'read-clear', n: 'console-level', r: 'raw', H: 'human', L: 'color',
  S: 'syslog', w: 'follow', T: 'ctime', d: 'show-delta', e: 'reltime', x: 'decode', t: 'notime',
};

export const dmesg = defineProgram({
  name: 'dmesg',
  installPath: '/usr/bin/dmesg',
  pkg: 'util-linux',
  async main(ctx: Ctx) {
    let p;
    try {
      p = getopt(ctx.argv.slice(1), [
        { key: 's', short: 's', long: 'buffer-size', arg: 'required' }, { key: 'C', short: 'C', long: 'clear' },
        { key: 'L', short: 'L', long: 'color', arg: 'optional' }, { key: 'n', short: 'n', long: 'console-level', arg: 'required' },
        { key: 'D', short: 'D', long: 'console-off' }, { key: 'E', short: 'E', long: 'console-on' }, { key: 'x', short: 'x', long: 'decode' },
        { key: 'F', short: 'F', long: 'file', arg: 'required' }, { key: 'f', short: 'f', long: 'facility', arg: 'required' },
        { key: 'w', short: 'w', long: 'follow' }, { key: 'W', short: 'W', long: 'follow-new' }, { key: 'H', short: 'H', long: 'human' },
        { key: 'h', short: 'h', long: 'help' }, { key: 'J', short: 'J', long: 'json' }, { key: 'k', short: 'k', long: 'kernel' },
        { key: 'l', short: 'l', long: 'level', arg: 'required' }, { key: SINCE, long: 'since', arg: 'required' },
        { key: 'S', short: 'S', long: 'syslog' }, { key: 'r', short: 'r', long: 'raw' }, { key: 'c', short: 'c', long: 'read-clear' },
        { key: 'e', short: 'e', long: 'reltime' }, { key: 'd', short: 'd', long: 'show-delta' }, { key: 'T', short: 'T', long: 'ctime' },
        { key: NOESC, long: 'noescape' }, { key: 't', short: 't', long: 'notime' }, { key: 'P', short: 'P', long: 'nopager' },
        { key: UNTIL, long: 'until', arg: 'required' }, { key: 'u', short: 'u', long: 'userspace' }, { key: 'V', short: 'V', long: 'version' },
        { key: TIMEFMT, long: 'time-format', arg: 'required' }, { key: 'p', short: 'p', long: 'force-prefix' }, { key: 'i', short: 'i' },
      ]);
    } catch (e) {
      if (!(e instanceof GetoptError)) throw e;
      await warnx(ctx, e.message);
      return tryHelp(ctx);
    }
    const sys = ctx.sys;
    const now = Math.floor(sys.now() / 1000);
    const tz = await localZone(sys);
    let action: 'read' | 'clear' | 'read-clear' | 'console' = 'read';
    let file: string | undefined;
    let levels: Set<number> | undefined;
    let facilities: Set<number> | undefined;
    let fmt: TimeFmt = 'time';
    let delta = false;
    let raw = false;
    let decode = false;
    let json = false;
    let follow = false;
    let noesc = false;
    let since = 0;
    let until = 0;
    const seen = EXCL.map(() => '');
    try {
      for (const { key, value } of p.order) {
        const row = exclusive(EXCL, seen, key);
        if (row) throw new Fail(`mutually exclusive arguments:${row.map((k) => ` --${LONG[k]!}`).join('')}`);
        switch (key) {
          case 'C': action = 'clear'; break;
          case 'c': action = 'read-clear'; break;
          case 'D': case 'E': action = 'console'; break;
          case 'n': action = 'console'; parseName(LEVELS, 'level', value!, value!.length, 1); break;
          case 'd': delta = true; break;
          case 'e': case 'H': fmt = 'reltime'; break;
          case 'F': file = value; break;
          case 'f': facilities = new Set([...(facilities ?? []), ...nameSet(FACILITIES, 'facility', value!)]); break;
          case 'J': json = true; break;
          case 'k': facilities = new Set([...(facilities ?? []), 0]); break;
          case 'l': levels = new Set([...(levels ?? []), ...nameSet(LEVELS, 'level', value!)]); break;
          case 'r': raw = true; break;
          case 's': u32(value!, 'invalid buffer size argument'); break;
          case 'T': fmt = 'ctime'; break;
          case 't': fmt = 'none'; break;
          case 'u': {
            const set = new Set(facilities ?? []);
            for (let f = 1; f < FACILITIES.length; f++) set.add(f);
            facilities = set;
            break;
          }
          case 'w': case 'W': follow = true; break;
          case 'x': decode = true; break;
          case NOESC: noesc = true; break;
          case TIMEFMT: {
            const f = ({ notime: 'none', ctime: 'ctime', delta: 'delta', reltime: 'reltime', iso: 'iso' } as Record<string, TimeFmt>)[value!];
            if (!f) throw new Fail(`unknown time format: ${value!}`);
            fmt = f;
            break;
          }
          case SINCE: case UNTIL: {
            const t = parseTimestamp(value!, now, tz);
            if (t === undefined) throw new Fail(`invalid time value "${value!}"`);
            if (key === SINCE) since = t;
            else until = t;
            break;
          }
          case 'h': return ctx.print(HELP).then(() => 0);
          case 'V': return ctx.print(`${utilLinuxVersion(shortName(ctx))}\n`).then(() => 0);
        }
      }
    } catch (e) {
      if (!(e instanceof Fail) && !(e instanceof NumError)) throw e;
      await warnx(ctx, e.message);
      return 1;
    }
    if (p.operands.length) {
      await warnx(ctx, 'bad usage');
      return tryHelp(ctx);
    }
    if (json) {
      fmt = 'time';
      delta = false;
      raw = false;
      noesc = true;
    }
    if (delta) fmt = fmt === 'ctime' ? 'ctime-delta' : fmt === 'time' ? 'time-delta' : fmt === 'iso' ? fmt : 'delta';
    if (delta && fmt === 'iso') await warnx(ctx, '--show-delta is ignored when used together with iso8601 time format');
    const root = sys.geteuid() === 0;
    if (action === 'console') {
      if (!root) {
        await warnx(ctx, `klogctl failed: ${strerror('EPERM')}`);
        return 1;
      }
      return 0;
    }
    // the records: a file, or the kernel's (all, or those after the last clear)
    let records: Rec[];
    let buffer: string | undefined;
    let clearDenied = false;
    if (file !== undefined && action !== 'clear') {
      if (raw && (levels || facilities)) {
        await warnx(ctx, '--raw can be used together with --level or --facility only when reading messages from /dev/kmsg');
        return 1;
      }
      try {
        buffer = new TextDecoder('latin1').decode(await sys.readFile(file));
      } catch (e) {
        if (!isSysError(e)) throw e;
        await warnx(ctx, `cannot open ${file}: ${strerror(e.errno)}`);
        return 1;
      }
      if (!buffer.length) {
        await warnx(ctx, `cannot mmap: ${file}: ${strerror('EINVAL')}`);
        return 1;
      }
      records = syslogRecords(buffer, fmt !== 'none');
    } else {
      let restricted = true;
      try {
        restricted = new TextDecoder().decode(await sys.readFile('/proc/sys/kernel/dmesg_restrict')).trim() !== '0';
      } catch {
        // no /proc: restricted, as Photon's hardening sets it
      }
      if (!root && (restricted || action === 'clear')) {
        await warnx(ctx, `${action === 'clear' ? 'clear' : 'read'} kernel buffer failed: ${strerror('EPERM')}`);
        return 1;
      }
      let from = 0;
      try {
        const text = new TextDecoder().decode(await sys.readFile(CLEARED)).trim();
        from = /^\d+$/.test(text) ? Number(text) : Infinity;
      } catch {
        from = 0;
      }
      let kernel = await readKmsg(ctx);
      if (!kernel) {
        // no /dev/kmsg (a container's /dev): the boot log as syslog(2) would give it
        const u = sys.uname();
        let cmdline = '';
        try {
          cmdline = new TextDecoder().decode(await sys.readFile('/proc/cmdline')).trim();
        } catch (e) {
          if (!isSysError(e)) throw e;
        }
        kernel = bootLog(u.release, u.version, cmdline).map(([time, lev, msg], seq) => ({ seq, fac: 0, lev, sec: Math.floor(time), usec: Math.round((time % 1) * 1e6), msg }));
      }
      const last = (kernel.at(-1)?.seq ?? -1) + 1;
      if (action === 'clear') {
        await sys.writeFile(CLEARED, `${last}\n`, { mode: 0o600 });
        return 0;
      }
      records = kernel.filter((r) => r.seq >= from);
      if (action === 'read-clear') {
        // the records are read; clearing them is root's
        if (!root) clearDenied = true;
        else await sys.writeFile(CLEARED, `${last}\n`, { mode: 0o600 });
      }
    }
    const boot = (sys.now() - sys.uptime()) / 1000;
    let lastTime: number | undefined;
    let lastTm = '';
    const two6 = (r: Rec): string => `${String(r.sec).padStart(5)}.${String(r.usec).padStart(6, '0')}`;
    const countDelta = (r: Rec): number => {
      const t = r.sec + r.usec / 1e6;
      const d = lastTime === undefined ? 0 : t - lastTime;
      lastTime = t;
      return d;
    };
    const fixed = (n: number, w: number): string => n.toFixed(6).padStart(w);
    const jsonObjs: string[] = [];
    const format = (list: Rec[]): string => {
      let out = '';
      for (const r of list) {
        const valid = r.lev >= 0 && r.fac >= 0 && r.fac < FACILITIES.length;
        if (levels && (r.fac < 0 || !levels.has(r.lev))) continue;
        if (facilities && (r.fac < 0 || !facilities.has(r.fac))) continue;
        const when = Math.floor(boot) + r.sec;
        if (since && since >= when) continue;
        if (until && until <= when) continue;
        if (!r.msg.length) {
          if (!json) out += '\n';
          continue;
        }
        if (json) {
          const fields: string[] = [];
          if (valid && decode) fields.push(`"fac": ${jsonStr(FACILITIES[r.fac]!)}`, `"pri": ${jsonStr(LEVELS[r.lev]!)}`);
          // glibc's LOG_MAKEPRI ors the facility number and the level
          else if (valid) fields.push(`"pri": ${r.fac | r.lev}`);
          fields.push(`"time": ${two6(r)}`, `"msg": ${jsonStr(r.rest ?? r.msg)}`);
          jsonObjs.push(fields.map((f) => `\n         ${f}`).join(','));
          continue;
        }
        let ts = '';
        if (raw) ts = `<${r.fac | r.lev}>[${two6(r)}] `;
        else {
          const ctime = (): string => strftime('%a %b %e %H:%M:%S %Y', (Math.floor(boot) + r.sec) * 1000, undefined, tz);
          switch (fmt) {
            case 'ctime': ts = `[${ctime()}] `; break;
            case 'ctime-delta': ts = `[${ctime()} <${fixed(countDelta(r), 12)}>] `; break;
            case 'delta': ts = `[<${fixed(countDelta(r), 12)}>] `; break;
            case 'reltime': {
              const ms = (Math.floor(boot) + r.sec) * 1000;
              const d = countDelta(r);
              const tm = strftime('%j %H %M', ms, undefined, tz);
              if (tm !== lastTm) ts = `[${strftime('%b%e %H:%M', ms, undefined, tz)}] `;
              else ts = d < 10 ? `[  ${d >= 0 ? '+' : ''}${d.toFixed(6).padStart(8)}] ` : `[ ${d >= 0 ? '+' : ''}${d.toFixed(6).padStart(9)}] `;
              lastTm = tm;
              break;
            }
            case 'time': ts = `[${two6(r)}] `; break;
            case 'time-delta': ts = `[${two6(r)} <${fixed(countDelta(r), 12)}>] `; break;
            case 'iso': ts = `${strftime('%Y-%m-%dT%H:%M:%S', (Math.floor(boot) + r.sec) * 1000, undefined, tz)},${String(r.usec).padStart(6, '0')}${strftime('%z', (Math.floor(boot) + r.sec) * 1000, undefined, tz).replace(/(\d\d)$/, ':$1')} `; break;
            default: ts = '';
          }
        }
        const fp = !raw && decode && valid ? `${FACILITIES[r.fac]!.padEnd(6)}:${LEVELS[r.lev]!.padEnd(6)}: ` : '';
        const indent = fp.length + ts.length;
        out += `${fp}${ts}${noesc ? r.msg : safe(r.msg, indent, r.rest !== undefined && r.rest.length > r.msg.length)}\n`;
      }
      return out;
    };
    if (raw && buffer !== undefined) {
      // a file is printed as it is, ended with a newline
      if (buffer.length) await ctx.out.write(`${noesc ? buffer : safe(buffer, 0)}${buffer.endsWith('\n') ? '' : '\n'}`);
      return 0;
    }
    const text = format(records);
    if (json) {
      if (jsonObjs.length) await ctx.print(`{\n   "dmesg": [\n      {${jsonObjs.join('\n      },{')}\n      }\n   ]\n}\n`);
      return 0;
    }
    await ctx.out.write(text);
    if (clearDenied) {
      await warnx(ctx, `clear kernel buffer failed: ${strerror('EPERM')}`);
      return 1;
    }
    if (follow && buffer === undefined) {
      // --follow: what the kernel logs from now on, as it comes
      let next = (records.at(-1)?.seq ?? -1) + 1;
      for (;;) {
        await ctx.out.flush();
        await sys.sleep(1000);
        const fresh = ((await readKmsg(ctx)) ?? []).filter((r) => r.seq >= next);
        if (fresh.length === 0) continue;
        next = fresh.at(-1)!.seq + 1;
        await ctx.out.write(format(fresh));
      }
    }
    return 0;
  },
});
