// fdisk -l (util-linux 2.38): the geometry of a disk or image file and, for sda, its GPT
// partition table. Changing tables is not simulated: without -l fdisk says so and stops.
import { isSysError, strerror } from '../../shared/errno';
import { defineProgram } from '../define';
import { getopt, GetoptError } from '../lib/getopt';
import { DISK, PARTITIONS, SECTOR, partitionOf } from '../../shared/block-devices';

/** The size fdisk prints: binary units with one decimal when it is not whole. */
function size(bytes: number, sep: boolean): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0;
  let v = bytes;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  const whole = Math.floor(v);
  const frac = Math.round((v - whole) * 10);
  const num = frac === 0 || frac === 10 ? String(frac === 10 ? whole + 1 : whole) : `${whole}.${frac}`;
  const unit = sep ? units[i] : units[i]!.replace('iB', '');
  return sep ? `${num} ${unit}` : `${num}${unit}`;
}

function header(name: string, bytes: number, model?: string): string {
  const sectors = Math.floor(bytes / SECTOR);
  return `Disk ${name}: ${size(bytes, true)}, ${bytes} bytes, ${sectors} sectors\n${model ? `Disk model: ${model.padEnd(16)}\n` : ''}`
    + 'Units: sectors of 1 * 512 = 512 bytes\nSector size (logical/physical): 512 bytes / 512 bytes\nI/O size (minimum/optimal): 512 bytes / 512 bytes\n';
}

function table(): string {
  const rows = [['Device', 'Start', 'End', 'Sectors', 'Size', 'Type'], ...PARTITIONS.map((p) => {
    const n = p.end - p.start + 1;
    return [`/dev/${p.name}`, String(p.start), String(p.end), String(n), size(n * SECTOR, false), p.type];
  })];
  const w = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((v, i) => (i === 0 ? v.padEnd(w[i]!) : i === 5 ? v : v.padStart(w[i]!))).join(' ')).join('\n') + '\n';
}

export default defineProgram({
  name: 'fdisk',
  installPath: '/usr/sbin/fdisk',
  pkg: 'util-linux',
  async main(ctx) {
    let p;
    try {
      p = getopt(ctx.argv.slice(1), [
        { key: 'l', short: 'l', long: 'list' }, { key: 'x', short: 'x', long: 'list-details' }, { key: 'b', short: 'b', long: 'sector-size', arg: 'required' },
        { key: 'h', short: 'h', long: 'help' }, { key: 'V', short: 'V', long: 'version' }, { key: 's', short: 's', long: 'getsz' },
      ]);
    } catch (e) {
      if (!(e instanceof GetoptError)) throw e;
      await ctx.err.write(`fdisk: ${e.message}\nTry 'fdisk --help' for more information.\n`);
      return 1;
    }
    if (p.flags.has('V')) return ctx.print('fdisk from util-linux 2.38\n').then(() => 0);
    if (p.flags.has('h')) return ctx.print('\nUsage:\n fdisk [options] <disk>         change partition table\n fdisk [options] -l [<disk>...] list partition table(s)\n\nDisplay or manipulate a disk partition table.\n\nFor more details see fdisk(8).\n').then(() => 0);
    const root = ctx.sys.geteuid() === 0;
    const list = p.flags.has('l') || p.flags.has('x');
    if (!list && p.operands.length !== 1) {
      await ctx.err.write("fdisk: bad usage\nTry 'fdisk --help' for more information.\n");
      return 1;
    }
    const devs = p.operands.length ? p.operands : ['/dev/sda'];
    const parts: string[] = [];
    let status = 0;
    for (const dev of devs) {
      const part = partitionOf(dev);
      if (dev === '/dev/sda' || part) {
        if (!root) {
          await ctx.err.write(`fdisk: cannot open ${dev}: Permission denied\n`);
          status = 1;
          continue;
        }
        if (part) parts.push(header(dev, (part.end - part.start + 1) * SECTOR));
        else parts.push(`${header(dev, DISK.sectors * SECTOR, DISK.model)}Disklabel type: ${DISK.label}\nDisk identifier: ${DISK.guid}\n\n${table()}`);
        continue;
      }
      try {
        const st = await ctx.sys.stat(dev);
        if (st.kind === 'dir') throw Object.assign(new Error(), { errno: 'EISDIR' });
        parts.push(header(dev, st.size));
      } catch (e) {
        await ctx.err.write(`fdisk: cannot open ${dev}: ${isSysError(e) ? strerror(e.errno) : 'Is a directory'}\n`);
        status = 1;
      }
    }
    if (parts.length) await ctx.print(parts.join('\n'));
    if (!list && status === 0) {
      await ctx.err.write('fdisk: changing partition tables is not supported on this machine\n');
      return 1;
    }
    return status;
  },
});
