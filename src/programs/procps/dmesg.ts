// mount (util-linux 2.38): without arguments it lists /proc/mounts in mount's own format;
// mounting itself fails with libmount's messages (dmesg is in util-linux/dmesg.ts).
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { getopt, GetoptError } from '../lib/getopt';

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
