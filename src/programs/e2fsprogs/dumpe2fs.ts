// dumpe2fs (e2fsprogs 1.46.5): -h prints the superblock and journal summary. The per-group
// listing without -h is not kept by this machine's images; it prints the summary too.
import { defineProgram } from '../define';
import { getopt, GetoptError } from '../lib/getopt';
import { localZone } from '../lib/tz';
import { E2FS_VERSION, listing } from './listing';
import { openFs } from './open-fs';

export default defineProgram({
  name: 'dumpe2fs',
  installPath: '/usr/sbin/dumpe2fs',
  pkg: 'e2fsprogs',
  async main(ctx) {
    let p;
    try {
      p = getopt(ctx.argv.slice(1), [
        { key: 'o', short: 'o', arg: 'required' }, ...'bfghixV'.split('').map((c) => ({ key: c, short: c })),
      ]);
    } catch (e) {
      if (!(e instanceof GetoptError)) throw e;
      await ctx.err.write(`dumpe2fs ${E2FS_VERSION}\ndumpe2fs: ${e.message}\nUsage: dumpe2fs [-bfghimxV] [-o superblock=<num>] [-o blocksize=<num>] device\n`);
      return 1;
    }
    if (p.flags.has('V')) {
      await ctx.err.write(`dumpe2fs ${E2FS_VERSION}\n\tUsing EXT2FS Library version 1.46.5\n`);
      return 0;
    }
    await ctx.err.write(`dumpe2fs ${E2FS_VERSION}\n`);
    const dev = p.operands[0];
    if (dev === undefined || p.operands.length > 1) {
      await ctx.err.write('Usage: dumpe2fs [-bfghimxV] [-o superblock=<num>] [-o blocksize=<num>] device\n');
      return 1;
    }
    const fs = await openFs(ctx, dev);
    if ('error' in fs) {
      await ctx.err.write(`dumpe2fs: ${fs.error} while trying to open ${dev}\n`);
      await ctx.print("Couldn't find valid filesystem superblock.\n");
      return 1;
    }
    await ctx.print(listing(fs.sb, await localZone(ctx.sys), true));
    return 0;
  },
});
