// blkid (util-linux 2.38): the filesystem and partition tags of the VM's block devices, and of
// a file holding an ext4 image made by mkfs.ext4 or a swap area made by mkswap (read back from the file).
import { defineProgram } from '../define';
import { getopt, GetoptError } from '../lib/getopt';
import { PARTITIONS, partitionOf, type Partition } from '../../shared/block-devices';
import { probe, type Signature } from './signatures';

type Tags = [string, string][];

function partTags(p: Partition): Tags {
  const t: Tags = [];
  if (p.uuid) t.push(['UUID', p.uuid], ['BLOCK_SIZE', String(p.blockSize)], ['TYPE', p.fstype!]);
  t.push(['PARTUUID', p.partuuid]);
  return t;
}

/**
 * A signature's tags in the order its prober sets them; low-level probing (-p) adds the
 * superblock's VERSION and the USAGE of the type, as libblkid does without its cache.
 */
function signatureTags(s: Signature, lowLevel: boolean): Tags {
  const t: Tags = [];
  if (s.label) t.push(['LABEL', s.label]);
  if (s.uuid) t.push(['UUID', s.uuid]);
  if (lowLevel) t.push(['VERSION', s.type === 'swap' ? '1' : '1.0']);
  if (s.blockSize) t.push(['BLOCK_SIZE', String(s.blockSize)]);
  t.push(['TYPE', s.type]);
  if (lowLevel) t.push(['USAGE', s.type === 'swap' ? 'other' : 'filesystem']);
  return t;
}

export default defineProgram({
  name: 'blkid',
  installPath: '/usr/sbin/blkid',
  pkg: 'util-linux',
  async main(ctx) {
    let p;
    try {
      p = getopt(ctx.argv.slice(1), [
        { key: 'c', short: 'c', long: 'cache-file', arg: 'required' }, { key: 'd', short: 'd', long: 'no-encoding' }, { key: 'g', short: 'g', long: 'garbage-collect' },
        { key: 'o', short: 'o', long: 'output', arg: 'required' }, { key: 's', short: 's', long: 'match-tag', arg: 'required' }, { key: 't', short: 't', long: 'match-token', arg: 'required' },
        { key: 'l', short: 'l', long: 'list-one' }, { key: 'L', short: 'L', long: 'label', arg: 'required' }, { key: 'U', short: 'U', long: 'uuid', arg: 'required' },
        { key: 'p', short: 'p', long: 'probe' }, { key: 'i', short: 'i', long: 'info' }, { key: 'w', short: 'w', arg: 'required' },
        { key: 'k', short: 'k', long: 'list-filesystems' }, { key: 'h', short: 'h', long: 'help' }, { key: 'V', short: 'V', long: 'version' },
        { key: 'V', short: 'v' }, { key: 'D', short: 'D', long: 'no-part-details' }, { key: 'H', short: 'H', long: 'hint', arg: 'required' },
        { key: 'S', short: 'S', long: 'size', arg: 'required' }, { key: 'O', short: 'O', long: 'offset', arg: 'required' },
        { key: 'u', short: 'u', long: 'usages', arg: 'required' }, { key: 'n', short: 'n', long: 'match-types', arg: 'required' },
      ]);
    } catch (e) {
      if (!(e instanceof GetoptError)) throw e;
      // errtryhelp(EXIT_FAILURE): a bad option is status 1, not blkid's usage status 4
      await ctx.err.write(`blkid: ${e.message}\nTry 'blkid --help' for more information.\n`);
      return 1;
    }
    if (p.flags.has('V')) return ctx.print('blkid from util-linux 2.38  (libblkid 2.38.0, 28-Mar-2022)\n').then(() => 0);
    if (p.flags.has('h')) {
      await ctx.print('\nUsage:\n blkid --label <label> | --uuid <uuid>\n\n blkid [--cache-file <file>] [-ghlLv] [--output <format>] [--match-tag <tag>]\n       [--match-token <token>] [<dev> ...]\n\n blkid -p [--match-tag <tag>] [--offset <offset>] [--size <size>]\n       [--output <format>] <dev> ...\n\n blkid -i [--match-tag <tag>] [--output <format>] <dev> ...\n\nLocate and print block device attributes.\n\nFor more details see blkid(8).\n');
      return 0;
    }
    const root = ctx.sys.geteuid() === 0;
    const wantTags = p.values.get('s')?.map((s) => s.toUpperCase());
    const format = p.values.get('o')?.at(-1) ?? 'full';
    if (!['full', 'value', 'export', 'device', 'list', 'udev'].includes(format)) {
      await ctx.err.write(`blkid: unsupported output format ${format}\n`);
      return 4;
    }
    const byLabel = p.values.get('L')?.at(-1);
    const byUuid = p.values.get('U')?.at(-1);
    if (byLabel !== undefined || byUuid !== undefined) {
      const hit = byUuid !== undefined ? PARTITIONS.find((x) => x.uuid === byUuid) : undefined;
      if (!hit) return 2;
      await ctx.print(`/dev/${hit.name}\n`);
      return 0;
    }
    const found: [string, Tags][] = [];
    if (p.operands.length === 0) {
      if (root) for (const part of PARTITIONS) found.push([`/dev/${part.name}`, partTags(part)]);
    } else {
      for (const dev of p.operands) {
        const part = partitionOf(dev);
        if (part) {
          if (root) found.push([dev, partTags(part)]);
          continue;
        }
        try {
          const fd = await ctx.sys.open(dev, { read: true });
          const sig = await probe(ctx.sys, fd).finally(() => ctx.sys.close(fd));
          const s = sig[0];
          if (s) found.push([dev, signatureTags(s, p.flags.has('p'))]);
        } catch {
          // unreadable or missing: nothing to report for it
        }
      }
    }
    const token = p.values.get('t')?.at(-1);
    let out = '';
    let any = false;
    for (const [dev, all] of found) {
      if (token) {
        const [k, v] = token.split('=');
        if (!all.some(([a, b]) => a === k && b === v?.replace(/^"|"$/g, ''))) continue;
      }
      const tags = wantTags ? all.filter(([k]) => wantTags.includes(k)) : all;
      if (!tags.length) continue;
      any = true;
      if (format === 'value') out += tags.map(([, v]) => `${v}\n`).join('');
      else if (format === 'device') out += `${dev}\n`;
      // export and udev lists put an empty line between devices, none after the last
      else if (format === 'export' || format === 'udev') out += `${out ? '\n' : ''}${format === 'export' ? `DEVNAME=${dev}\n` : ''}${tags.map(([k, v]) => `${format === 'udev' ? 'ID_FS_' : ''}${k}=${v}\n`).join('')}`;
      else out += `${dev}: ${tags.map(([k, v]) => `${k}="${v}"`).join(' ')}\n`;
    }
    await ctx.print(out);
    return any ? 0 : 2;
  },
});
