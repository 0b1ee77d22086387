// How the e2fsprogs tools find a filesystem: the mounted root on /dev/sda3, or an image file
// mke2fs wrote. Errors read as libext2fs reports them ("<error> while trying to open <dev>").
import { isSysError, strerror } from '../../shared/errno';
import type { Ctx } from '../lib/context';
import { partitionOf } from '../../shared/block-devices';
import { readSuperblock, rootSuperblock, type Superblock } from './superblock';
import { INSTALL_EPOCH } from './install-time';

export type Opened = { sb: Superblock; mounted: boolean } | { error: string; bad?: boolean };

export async function openFs(ctx: Ctx, dev: string): Promise<Opened> {
  const part = partitionOf(dev);
  if (part) {
    if (ctx.sys.geteuid() !== 0) return { error: 'Permission denied' };
    if (part.fstype !== 'ext4') return { error: 'Bad magic number in super-block', bad: true };
    const m = ctx.sys.mounts().find((x) => x.target === '/');
    // statfs's free blocks (reserved ones included), in the filesystem's 4 KiB blocks
    const free = m ? Math.floor(((m.totalBlocks - m.usedBlocks) * m.blockSize) / 4096) : 0;
    const sb = rootSuperblock(free, m ? m.inodesTotal - m.inodesUsed : 0, INSTALL_EPOCH);
    if (m) sb.inodes = m.inodesTotal;
    return { sb, mounted: true };
  }
  try {
    const st = await ctx.sys.stat(dev);
    if (st.kind === 'dir') return { error: 'Is a directory' };
    if (st.size < 2048) return { error: 'Attempt to read block from filesystem resulted in short read' };
    const sb = await readSuperblock(ctx.sys, dev);
    return sb ? { sb, mounted: false } : { error: 'Bad magic number in super-block', bad: true };
  } catch (e) {
    if (!isSysError(e)) throw e;
    return { error: strerror(e.errno) };
  }
}
