// fsck (util-linux 2.38): the front end that finds a filesystem's type (blkid's, or -t) and
// runs fsck.<type> on it; -N only shows what it would run. /etc/fstab lists nothing to check.
import { defineProgram } from '../define';
import { execvp } from '../lib/execvp';
import { partitionOf } from '../../shared/block-devices';
import { readSuperblock } from '../e2fsprogs/superblock';

export default defineProgram({
  name: 'fsck',
  installPath: '/usr/sbin/fsck',
  pkg: 'util-linux',
  async main(ctx) {
    const args = ctx.argv.slice(1);
    let dry = false;
    let type: string | undefined;
    let quietTitle = false;
    const devs: string[] = [];
    const pass: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '--') {
        pass.push(...args.slice(i + 1));
        break;
      }
      if (a === '-N') dry = true;
      else if (a === '-T') quietTitle = true;
      else if (a === '-t') type = args[++i];
      else if (a.startsWith('-t') && a.length > 2) type = a.slice(2);
      else if (a === '--version' || a === '-V' && args.length === 1) return ctx.print('fsck from util-linux 2.38\n').then(() => 0);
      else if (['-A', '-R', '-M', '-P', '-s', '-r', '-l', '-C'].includes(a)) continue;
      else if (a.startsWith('-')) pass.push(a);
      else devs.push(a);
    }
    if (!quietTitle) await ctx.print('fsck from util-linux 2.38\n');
    if (devs.length === 0) return 0;
    const dev = devs[0]!;
    if (!type) {
      const part = partitionOf(dev);
      if (part) type = part.fstype;
      else {
        try {
          type = (await readSuperblock(ctx.sys, dev)) ? 'ext4' : undefined;
        } catch {
          type = undefined;
        }
      }
    }
    const helper = `fsck.${type ?? 'ext2'}`;
    if (dry) {
      await ctx.print(`[/usr/sbin/${helper} (1) -- ${dev}] ${helper} ${[...pass, dev].join(' ')} \n`);
      return 0;
    }
    await ctx.flush();
    return execvp(ctx, [helper, ...pass, dev]);
  },
});
