// e2fsck / fsck.ext4 (e2fsprogs 1.46.5): checks an image mke2fs made (always clean here) and
// refuses, or with -n warns about, the mounted root filesystem.
import { defineProgram } from '../define';
import { getopt, GetoptError } from '../lib/getopt';
import { E2FS_VERSION } from './listing';
import { openFs } from './open-fs';

const USAGE = (n: string): string => `Usage: ${n} [-panyrcdfktvDFV] [-b superblock] [-B blocksize]
\t\t[-l|-L bad_blocks_file] [-C fd] [-j external_journal]
\t\t[-E extended-options] [-z undo_file] device
`;

export default defineProgram({
  name: 'e2fsck',
  installPath: '/usr/sbin/e2fsck',
  aliases: ['/usr/sbin/fsck.ext4', '/usr/sbin/fsck.ext3', '/usr/sbin/fsck.ext2'],
  pkg: 'e2fsprogs',
  async main(ctx) {
    const name = (ctx.argv[0] ?? 'e2fsck').split('/').pop()!;
    let p;
    try {
      p = getopt(ctx.argv.slice(1), [
        ...'bBlLCjEz'.split('').map((c) => ({ key: c, short: c, arg: 'required' as const })),
        ...'panyrcdfktvDFV'.split('').map((c) => ({ key: c, short: c })),
      ]);
    } catch (e) {
      if (!(e instanceof GetoptError)) throw e;
      await ctx.err.write(`${name}: ${e.message}\n${USAGE(name)}`);
      return 16;
    }
    const preen = p.flags.has('p') || p.flags.has('a');
    if (p.flags.has('V')) {
      await ctx.err.write(`e2fsck ${E2FS_VERSION}\n\tUsing EXT2FS Library version 1.46.5, 30-Dec-2021\n`);
      return 0;
    }
    const dev = p.operands[0];
    if (dev === undefined || p.operands.length > 1) {
      await ctx.err.write(USAGE(name));
      return 16;
    }
    if ([preen, p.flags.has('n'), p.flags.has('y')].filter(Boolean).length > 1) {
      await ctx.err.write(`${name}: Only one of the options -p/-a, -n or -y may be specified.\n`);
      return 16;
    }
    if (!preen || p.flags.has('v')) await ctx.err.write(`e2fsck ${E2FS_VERSION}\n`);
    const fs = await openFs(ctx, dev);
    if ('error' in fs) {
      if (fs.bad) {
        // the primary superblock failed; the backups are tried (and fail) before giving up
        await ctx.print(`ext2fs_open2: ${fs.error}\n${name}: Superblock invalid, trying backup blocks...\n`);
        await ctx.flush();
      }
      await ctx.err.write(`${name}: ${fs.error} while trying to open ${dev}\n`);
      if (fs.bad) {
        await ctx.print(`\nThe superblock could not be read or does not describe a valid ext2/ext3/ext4\nfilesystem.  If the device is valid and it really contains an ext2/ext3/ext4\nfilesystem (and not swap or ufs or something else), then the superblock\nis corrupt, and you might try running e2fsck with an alternate superblock:\n    e2fsck -b 8193 <device>\n or\n    e2fsck -b 32768 <device>\n\n`);
      } else if (fs.error === 'No such file or directory') await ctx.print('Possibly non-existent device?\n');
      else if (fs.error.startsWith('Attempt to read block')) await ctx.print('Could this be a zero-length partition?\n');
      else if (fs.error === 'Permission denied') await ctx.print('You must have r/w access to the filesystem or be root\n');
      return 8;
    }
    const { sb } = fs;
    let out = '';
    if (fs.mounted) {
      if (!p.flags.has('n')) {
        await ctx.print(`${dev} is mounted.\n`);
        await ctx.flush();
        await ctx.err.write(`${name}: Cannot continue, aborting.\n\n\n`);
        return 8;
      }
      out += `Warning!  ${dev} is mounted.\nWarning: skipping journal recovery because doing a read-only filesystem check.\n`;
    }
    const used = sb.blocks - sb.freeBlocks;
    const files = `${sb.inodes - sb.freeInodes}/${sb.inodes} files`;
    if (p.flags.has('f')) {
      out += 'Pass 1: Checking inodes, blocks, and sizes\nPass 2: Checking directory structure\nPass 3: Checking directory connectivity\nPass 4: Checking reference counts\nPass 5: Checking group summary information\n';
      out += `${dev}: ${files} (0.0% non-contiguous), ${used}/${sb.blocks} blocks\n`;
    } else out += `${dev}: clean, ${files}, ${used}/${sb.blocks} blocks\n`;
    await ctx.print(out);
    return 0;
  },
});
