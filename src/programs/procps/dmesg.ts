// dmesg and mount (util-linux 2.38). dmesg shows a fixed boot log of linux-esx 6.1 on a
// VMware VM; Photon sets kernel.dmesg_restrict=1, so only root may read it. mount without
// arguments lists /proc/mounts in mount's own format.
import { isSysError } from '../../shared/errno';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { getopt, GetoptError } from '../lib/getopt';
import { strftime } from '../lib/strftime';
import { bootLog } from '../../shared/kmsg';

const LEVELS = ['emerg', 'alert', 'crit', 'err', 'warn', 'notice', 'info', 'debug'];
const CLEARED = '/run/dmesg.cleared';

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
    let cleared = false;
    try {
      await sys.stat(CLEARED);
      cleared = true;
    } catch {
      cleared = false;
    }
    const clear = async (): Promise<void> => sys.writeFile(CLEARED, '', { mode: 0o600 });
    if (p.flags.has('C')) {
      await clear();
      return 0;
    }
    const u = sys.uname();
    let cmdline = '';
    try {
      cmdline = new TextDecoder().decode(await sys.readFile('/proc/cmdline')).trim();
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
    const levels = p.values.get('l')?.at(-1)?.split(',');
    const boot = sys.now() - sys.uptime();
    let out = '';
    for (const [t, lvl, text] of cleared ? [] : bootLog(u.release, u.version, cmdline)) {
      if (levels && !levels.includes(LEVELS[lvl]!)) continue;
      const stamp = `[${t.toFixed(6).padStart(12)}] `;
      let line: string;
      if (p.flags.has('r')) line = `<${lvl}>${stamp}${text}`;
      else {
        const fac = p.flags.has('x') ? `${'kern'.padEnd(6)}:${LEVELS[lvl]!.padEnd(6)}: ` : '';
        const when = p.flags.has('t') ? '' : p.flags.has('T') ? `[${strftime('%a %b %e %H:%M:%S %Y', boot + t * 1000)}] ` : stamp;
        line = `${fac}${when}${text}`;
      }
      out += `${line}\n`;
    }
    await ctx.print(out);
    if (p.flags.has('c')) await clear();
    if (p.flags.has('w')) {
      await ctx.out.flush();
      for (;;) await sys.sleep(60_000);
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
      await ctx.err.write(`mount: ${p.operands[p.operands.length - 1]}: must be superuser to use mount.\n`);
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
      await ctx.err.write(`mount: ${target}: mount point does not exist.\n`);
      return 32;
    }
    await ctx.err.write(`mount: ${target}: special device ${src} does not exist.\n`);
    return 32;
  },
});
