// mke2fs / mkfs.ext4 (e2fsprogs 1.46.5) on an image file: lays out the filesystem's geometry
// as mke2fs would and writes its superblock, printing the real progress layout. Devices of the
// machine are mounted or hold a table, and are refused as the real tool refuses them.
import { isSysError, strerror } from '../../shared/errno';
import { defineProgram } from '../define';
import { getopt, GetoptError } from '../lib/getopt';
import { partitionOf } from '../../shared/block-devices';
import { encode, hasSuper, layout } from './superblock';
import { E2FS_VERSION } from './listing';

const USAGE = (n: string): string => `Usage: ${n} [-c|-l filename] [-b block-size] [-C cluster-size]
\t[-i bytes-per-inode] [-I inode-size] [-J journal-options]
\t[-G flex-group-size] [-N number-of-inodes] [-d root-directory]
\t[-m reserved-blocks-percentage] [-o creator-os]
\t[-g blocks-per-group] [-L volume-label] [-M last-mounted-directory]
\t[-O feature[,...]] [-r fs-revision] [-E extended-option[,...]]
\t[-t fs-type] [-T usage-type ] [-U UUID] [-e errors_behavior][-z undo_file]
\t[-jnqvDFSV] device [blocks-count]
`;

/** ext2fs_numeric_progress: a counter put up and wiped with backspaces, then the closing text. */
function progress(label: string, total: number, close: string): string {
  const w = String(total).length;
  return `${label}${'0'.padStart(w)}/${total}${'\b'.repeat(2 * w + 1)}${' '.repeat(2 * w + 1)}${'\b'.repeat(2 * w + 1)}${close}`;
}

function uuid4(bytes: Uint8Array): string {
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const h = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export default defineProgram({
  name: 'mke2fs',
  installPath: '/usr/sbin/mke2fs',
  aliases: ['/usr/sbin/mkfs.ext4', '/usr/sbin/mkfs.ext3', '/usr/sbin/mkfs.ext2'],
  pkg: 'e2fsprogs',
  async main(ctx) {
    const name = (ctx.argv[0] ?? 'mke2fs').split('/').pop()!;
    let p;
    try {
      p = getopt(ctx.argv.slice(1), [
        ...'bCiIJGNdmogLMOrEtTUezc'.split('').map((c) => ({ key: c, short: c, arg: 'required' as const })),
        ...'jnqvDFSVl'.split('').map((c) => ({ key: c, short: c })),
      ], { posixOrder: false });
    } catch (e) {
      if (!(e instanceof GetoptError)) throw e;
      await ctx.err.write(`${name}: ${e.message}\n${USAGE(name)}`);
      return 1;
    }
    const quiet = p.flags.has('q');
    if (p.flags.has('V')) {
      await ctx.err.write(`mke2fs ${E2FS_VERSION}\n\tUsing EXT2FS Library version 1.46.5\n`);
      return 0;
    }
    if (!quiet) await ctx.err.write(`mke2fs ${E2FS_VERSION}\n`);
    const dev = p.operands[0];
    if (dev === undefined) {
      await ctx.err.write(USAGE(name));
      return 1;
    }
    const part = partitionOf(dev);
    if (part || dev === '/dev/sda' || dev === '/dev/sr0') {
      if (ctx.sys.geteuid() !== 0) {
        await ctx.err.write(`${name}: Permission denied while trying to determine filesystem size\n`);
        return 1;
      }
      if (dev === '/dev/sr0') {
        await ctx.err.write(`${name}: No medium found while trying to determine filesystem size\n`);
        return 1;
      }
      const mounted = part?.name === 'sda3';
      await ctx.err.write(mounted ? `${dev} is mounted; will not make a filesystem here!\n` : `${name}: Device or resource busy while setting up superblock\n`);
      return 1;
    }
    let size: number;
    try {
      const st = await ctx.sys.stat(dev);
      size = st.size;
      if (st.kind === 'dir') {
        await ctx.err.write(`${name}: Is a directory while trying to determine filesystem size\n`);
        return 1;
      }
    } catch (e) {
      if (!isSysError(e)) throw e;
      if (e.errno === 'ENOENT' && p.operands[1] === undefined) {
        await ctx.err.write(`The file ${dev} does not exist and no size was specified.\n`);
        return 1;
      }
      if (e.errno !== 'ENOENT') {
        await ctx.err.write(`${name}: ${strerror(e.errno)} while trying to determine filesystem size\n`);
        return 1;
      }
      size = 0;
    }
    if (p.operands[1] !== undefined) size = Number(p.operands[1].replace(/[kK]$/, '')) * 1024 * (/[mM]$/.test(p.operands[1]) ? 1024 : 1) || size;
    if (size < 60 * 1024) {
      await ctx.err.write(`${name}: Device size reported to be zero.  Invalid partition specified, or\n\tpartition table wasn't reread after running fdisk, due to\n\ta modified partition being busy and in use.  You may need to reboot\n\tto re-read your partition table.\n`);
      return 1;
    }
    const id = p.values.get('U')?.at(-1) ?? uuid4(ctx.sys.randomBytes(16));
    const seed = uuid4(ctx.sys.randomBytes(16));
    const sb = layout(size, id, seed, Math.floor(ctx.sys.now() / 1000));
    sb.label = p.values.get('L')?.at(-1) ?? '';
    const m = p.values.get('m')?.at(-1);
    if (m !== undefined) sb.reserved = Math.floor((sb.blocks * Number(m)) / 100);
    const fd = await ctx.sys.open(dev, { write: true, create: true });
    try {
      ctx.sys.lseek(fd, 1024, 'set');
      await ctx.sys.write(fd, encode(sb));
      if (size > (await ctx.sys.stat(dev)).size) ctx.sys.ftruncate(fd, size);
    } finally {
      ctx.sys.close(fd);
    }
    if (!sb.journalBlocks) await ctx.err.write('\nFilesystem too small for a journal\n');
    if (quiet) return 0;
    const groups = Math.ceil((sb.blocks - sb.firstBlock) / sb.blocksPerGroup);
    const done = 'done                            \n';
    let out = progress('Discarding device blocks: ', sb.blocks, done);
    out += `Creating filesystem with ${sb.blocks} ${sb.blockSize / 1024}k blocks and ${sb.inodes} inodes\n`;
    if (groups === 1) out += '\n';
    else {
      out += `Filesystem UUID: ${sb.uuid}\nSuperblock backups stored on blocks: `;
      let left = 0;
      let block = sb.firstBlock;
      for (let g = 1; g < groups; g++) {
        block += sb.blocksPerGroup;
        if (!hasSuper(g)) continue;
        if (g !== 1) out += ', ';
        const need = String(block).length + 2;
        if (need > left) {
          out += '\n\t';
          left = 72;
        }
        left -= need;
        out += String(block);
      }
      out += '\n\n';
    }
    out += progress('Allocating group tables: ', groups, done);
    out += progress('Writing inode tables: ', groups, done);
    if (sb.journalBlocks) out += `Creating journal (${sb.journalBlocks} blocks): done\n`;
    out += progress('Writing superblocks and filesystem accounting information: ', groups, 'done\n\n');
    await ctx.print(out);
    return 0;
  },
});
