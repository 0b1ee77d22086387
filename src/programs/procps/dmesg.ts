// dmesg and mount (util-linux 2.38). dmesg reads the kernel ring buffer from /dev/kmsg: the
// boot log of linux-esx 6.1 on a VMware VM and what the kernel logged since (the OOM
// killer); Photon sets kernel.dmesg_restrict=1, so only root may read it. mount without
// arguments lists /proc/mounts in mount's own format.
import { isSysError } from '../../shared/errno';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { getopt, GetoptError } from '../lib/getopt';
import { strftime } from '../lib/strftime';
import { bootLog } from '../../shared/kmsg';

const LEVELS = ['emerg', 'alert', 'crit', 'err', 'warn', 'notice', 'info', 'debug'];
const FACILITIES = ['kern', 'user', 'mail', 'daemon', 'auth', 'syslog', 'lpr', 'news'];
/** Where `dmesg -C` notes the first record still to show (the ring buffer's clear_seq). */
const CLEARED = '/run/dmesg.cleared';

interface LogRecord {
  seq: number;
  level: number;
  facility: number;
  time: number;
  text: string;
}

/** The records /dev/kmsg gives, one line each: "prio,seq,usec,flags;text" with \xNN escapes. */
async function readKmsg(ctx: Ctx): Promise<LogRecord[] | undefined> {
  const sys = ctx.sys;
  let fd: number;
  try {
    fd = await sys.open('/dev/kmsg', { read: true });
  } catch (e) {
    if (isSysError(e)) return undefined;
    throw e;
  }
  const out: LogRecord[] = [];
  try {
    for (;;) {
      const chunk = await sys.read(fd, 8192);
      if (chunk === null) break;
      const m = /^(\d+),(\d+),(\d+),[^;]*;([^\n]*)/.exec(new TextDecoder().decode(chunk));
      if (!m) continue;
      const prio = Number(m[1]);
      const text = m[4]!.replace(/\\x([0-9a-f]{2})/g, (_s, h: string) => String.fromCharCode(parseInt(h, 16)));
      out.push({ seq: Number(m[2]), level: prio & 7, facility: prio >> 3, time: Number(m[3]) / 1e6, text });
    }
  } finally {
    sys.close(fd);
  }
  return out;
}

export const dmesg = defineProgram({
  name: 'dmesg',
  installPath: '/usr/bin/dmesg',
  pkg: 'util-linux',
  async main(ctx: Ctx) {
    let p;
    try {
      p = getopt(ctx.argv.slice(1), [
        { key: 'C', short: 'C', long: 'clear' }, { key: 'c', short: 'c', long: 'read-clear' }, { key: 'H', short: 'H', long: 'human' },
        { key: 'k', short: 'k', long: 'kernel' }, { key: 'l', short: 'l', long: 'level', arg: 'required' }, { key: 'r', short: 'r', long: 'raw' },
        { key: 'T', short: 'T', long: 'ctime' }, { key: 't', short: 't', long: 'notime' }, { key: 'x', short: 'x', long: 'decode' },
        { key: 'w', short: 'w', long: 'follow' }, { key: 'L', short: 'L', long: 'color', arg: 'optional' }, { key: 'h', short: 'h', long: 'help' },
        { key: 'V', short: 'V', long: 'version' }, { key: 'S', short: 'S', long: 'syslog' }, { key: 'P', short: 'P', long: 'nopager' },
      ]);
    } catch (e) {
      if (!(e instanceof GetoptError)) throw e;
      await ctx.err.write(`dmesg: ${e.message}\nTry 'dmesg --help' for more information.\n`);
      return 1;
    }
    if (p.flags.has('V')) return ctx.print('dmesg from util-linux 2.38\n').then(() => 0);
    if (p.flags.has('h')) return ctx.print('\nUsage:\n dmesg [options]\n\nDisplay or control the kernel ring buffer.\n\nFor more details see dmesg(1).\n').then(() => 0);
    const sys = ctx.sys;
    let restricted = true;
    try {
      restricted = new TextDecoder().decode(await sys.readFile('/proc/sys/kernel/dmesg_restrict')).trim() !== '0';
    } catch {
      // no /proc: restricted, as Photon's hardening sets it
    }
    if (sys.geteuid() !== 0 && (restricted || p.flags.has('C') || p.flags.has('c'))) {
      await ctx.err.write(`dmesg: ${p.flags.has('C') || p.flags.has('c') ? 'klogctl failed' : 'read kernel buffer failed'}: Operation not permitted\n`);
      return 1;
    }
    // the first record to show: all, or those after the last clear
    let from = 0;
    try {
      const text = new TextDecoder().decode(await sys.readFile(CLEARED)).trim();
      from = /^\d+$/.test(text) ? Number(text) : Infinity;
    } catch {
      from = 0;
    }
    let records = await readKmsg(ctx);
    if (!records) {
      // no /dev/kmsg (a container's /dev): the boot log as syslog(2) would give it
      const u = sys.uname();
      let cmdline = '';
      try {
        cmdline = new TextDecoder().decode(await sys.readFile('/proc/cmdline')).trim();
      } catch (e) {
        if (!isSysError(e)) throw e;
      }
      records = bootLog(u.release, u.version, cmdline).map(([time, level, text], seq) => ({ seq, level, facility: 0, time, text }));
    }
    const clear = async (): Promise<void> => sys.writeFile(CLEARED, `${(records.at(-1)?.seq ?? -1) + 1}\n`, { mode: 0o600 });
    if (p.flags.has('C')) {
      await clear();
      return 0;
    }
    const levels = p.values.get('l')?.at(-1)?.split(',');
    const boot = sys.now() - sys.uptime();
    const format = (list: LogRecord[]): string => {
      let out = '';
      for (const { seq, time: t, level: lvl, facility, text } of list) {
        if (seq < from) continue;
        if (levels && !levels.includes(LEVELS[lvl]!)) continue;
        const stamp = `[${t.toFixed(6).padStart(12)}] `;
        let prefix: string;
        if (p.flags.has('r')) prefix = `<${facility * 8 + lvl}>${stamp}`;
        else {
          const fac = p.flags.has('x') ? `${(FACILITIES[facility] ?? 'kern').padEnd(6)}:${LEVELS[lvl]!.padEnd(6)}: ` : '';
          const when = p.flags.has('t') ? '' : p.flags.has('T') ? `[${strftime('%a %b %e %H:%M:%S %Y', boot + t * 1000)}] ` : stamp;
          prefix = `${fac}${when}`;
        }
        // the lines after a record's first are indented under its text (safe_fwrite's indent)
        const body = p.flags.has('r') ? text.replace(/\n/g, '\\x0a') : text.replace(/\n/g, `\n${' '.repeat(prefix.length)}`);
        out += `${prefix}${body}\n`;
      }
      return out;
    };
    await ctx.print(format(records));
    if (p.flags.has('c')) await clear();
    if (p.flags.has('w')) {
      // --follow: what the kernel logs from now on, as it comes
      let next = (records.at(-1)?.seq ?? -1) + 1;
      for (;;) {
        await ctx.out.flush();
        await sys.sleep(1000);
        const fresh = ((await readKmsg(ctx)) ?? []).filter((r) => r.seq >= next);
        if (fresh.length === 0) continue;
        next = fresh.at(-1)!.seq + 1;
        await ctx.print(format(fresh));
      }
    }
    return 0;
  },
});

export const mount = defineProgram({
  name: 'mount',
  installPath: '/usr/bin/mount',
  pkg: 'util-linux',
  async main(ctx: Ctx) {
    let p;
    try {
      p = getopt(ctx.argv.slice(1), [
        { key: 'a', short: 'a', long: 'all' }, { key: 'l', short: 'l', long: 'show-labels' }, { key: 't', short: 't', long: 'types', arg: 'required' },
        { key: 'o', short: 'o', long: 'options', arg: 'required' }, { key: 'r', short: 'r', long: 'read-only' }, { key: 'w', short: 'w', long: 'rw' },
        { key: 'v', short: 'v', long: 'verbose' }, { key: 'n', short: 'n', long: 'no-mtab' }, { key: 'B', long: 'bind' }, { key: 'h', short: 'h', long: 'help' },
        { key: 'V', short: 'V', long: 'version' },
      ]);
    } catch (e) {
      if (!(e instanceof GetoptError)) throw e;
      await ctx.err.write(`mount: ${e.message}\nTry 'mount --help' for more information.\n`);
      return 1;
    }
    if (p.flags.has('V')) return ctx.print('mount from util-linux 2.38 (libmount 2.38.0: btrfs, verity, namespaces, assert, debug)\n').then(() => 0);
    if (p.flags.has('h')) return ctx.print('\nUsage:\n mount [-lhV]\n mount -a [options]\n mount [options] [--source] <source> | [--target] <directory>\n mount [options] <source> <directory>\n\nMount a filesystem.\n\nFor more details see mount(8).\n').then(() => 0);
    const sys = ctx.sys;
    if (p.operands.length === 0 && !p.flags.has('a')) {
      const types = p.values.get('t')?.at(-1)?.split(',');
      const text = new TextDecoder().decode(await sys.readFile('/proc/self/mounts'));
      let out = '';
      for (const line of text.split('\n').filter(Boolean)) {
        const [src, target, type, opts] = line.split(' ');
        if (types && !types.includes(type!)) continue;
        out += `${src} on ${target} type ${type} (${opts})\n`;
      }
      await ctx.print(out);
      return 0;
    }
    if (p.flags.has('a')) return 0;
    if (sys.geteuid() !== 0) {
      await ctx.err.write(`mount: ${p.operands[p.operands.length - 1]}: must be superuser to use mount.\n       dmesg(1) may have more information after failed mount system call.\n`);
      return 32;
    }
    const src = p.operands[0]!;
    const target = p.operands[1];
    if (target === undefined) {
      await ctx.err.write(`mount: ${src}: can't find in /etc/fstab.\n`);
      return 1;
    }
    try {
      await sys.stat(target);
    } catch {
      await ctx.err.write(`mount: ${target}: mount point does not exist.\n       dmesg(1) may have more information after failed mount system call.\n`);
      return 32;
    }
    await ctx.err.write(`mount: ${target}: special device ${src} does not exist.\n       dmesg(1) may have more information after failed mount system call.\n`);
    return 32;
  },
});
