// tune2fs (e2fsprogs 1.46.5): -l lists the superblock; -L and -U change an image's label and
// UUID. Other adjustments are accepted and left as they are.
import { defineProgram } from '../define';
import { getopt, GetoptError } from '../lib/getopt';
import { localZone } from '../lib/tz';
import { E2FS_VERSION, listing } from './listing';
import { openFs } from './open-fs';
import { encode } from './superblock';

const USAGE = `Usage: tune2fs [-c max_mounts_count] [-e errors_behavior] [-f] [-g group]
\t[-i interval[d|m|w]] [-j] [-J journal_options] [-l]
\t[-m reserved_blocks_percent] [-o [^]mount_options[,...]]
\t[-r reserved_blocks_count] [-u user] [-C mount_count]
\t[-L volume_label] [-M last_mounted_dir]
\t[-O [^]feature[,...]] [-Q quota_options]
\t[-E extended-option[,...]] [-T last_check_time] [-U UUID]
\t[-I new_inode_size] [-z undo_file] device
`;

export default defineProgram({
  name: 'tune2fs',
  installPath: '/usr/sbin/tune2fs',
  pkg: 'e2fsprogs',
  async main(ctx) {
    let p;
    try {
      p = getopt(ctx.argv.slice(1), [
        ...'cCegiJmoruLMOQETUIz'.split('').map((c) => ({ key: c, short: c, arg: 'required' as const })),
        ...'fjl'.split('').map((c) => ({ key: c, short: c })),
      ]);
    } catch (e) {
      if (!(e instanceof GetoptError)) throw e;
      await ctx.err.write(`tune2fs ${E2FS_VERSION}\ntune2fs: ${e.message}\n${USAGE}`);
      return 1;
    }
    await ctx.print(`tune2fs ${E2FS_VERSION}\n`);
    const dev = p.operands[0];
    if (dev === undefined || p.operands.length > 1 || p.order.length === 0) {
      await ctx.err.write(USAGE);
      return 1;
    }
    const fs = await openFs(ctx, dev);
    if ('error' in fs) {
      await ctx.err.write(`tune2fs: ${fs.error} while trying to open ${dev}\n${fs.bad ? '' : "Couldn't find valid filesystem superblock.\n"}`);
      return 1;
    }
    const label = p.values.get('L')?.at(-1);
    const uuid = p.values.get('U')?.at(-1);
    if (!fs.mounted && (label !== undefined || uuid !== undefined)) {
      if (label !== undefined) fs.sb.label = label;
      if (uuid !== undefined && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(uuid)) fs.sb.uuid = uuid.toLowerCase();
      const fd = await ctx.sys.open(dev, { write: true });
      try {
        ctx.sys.lseek(fd, 1024, 'set');
        await ctx.sys.write(fd, encode(fs.sb));
      } finally {
        ctx.sys.close(fd);
      }
    }
    if (p.flags.has('l')) await ctx.print(listing(fs.sb, await localZone(ctx.sys), false));
    return 0;
  },
});
