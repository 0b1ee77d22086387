// The superblock listing tune2fs -l and dumpe2fs -h print (e2fsprogs 1.46.5).
import { DAYS, MONTHS } from '../lib/strftime';
import { localtime, type TimeZone } from '../lib/tz';
import type { Superblock } from './superblock';

export const E2FS_VERSION = '1.46.5 (30-Dec-2021)';

export function ctimeText(sec: number, tz: TimeZone): string {
  const tm = localtime(sec, tz);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${DAYS[tm.wday]} ${MONTHS[tm.mon]} ${String(tm.mday).padStart(2)} ${two(tm.hour)}:${two(tm.min)}:${two(tm.sec)} ${tm.year}`;
}

export function listing(sb: Superblock, tz: TimeZone, journal: boolean): string {
  const when = ctimeText(sb.created, tz);
  const groups = Math.ceil((sb.blocks - sb.firstBlock) / sb.blocksPerGroup);
  const rows: [string, string][] = [
    ['Filesystem volume name', sb.label || '<none>'], ['Last mounted on', sb.lastMounted || '<not available>'], ['Filesystem UUID', sb.uuid],
    ['Filesystem magic number', '0xEF53'], ['Filesystem revision #', '1 (dynamic)'],
    ['Filesystem features', 'has_journal ext_attr resize_inode dir_index filetype extent 64bit flex_bg sparse_super large_file huge_file dir_nlink extra_isize metadata_csum'],
    ['Filesystem flags', 'signed_directory_hash '], ['Default mount options', 'user_xattr acl'], ['Filesystem state', sb.state === 1 ? 'clean' : 'not clean'],
    ['Errors behavior', 'Continue'], ['Filesystem OS type', 'Linux'], ['Inode count', String(sb.inodes)], ['Block count', String(sb.blocks)],
    ['Reserved block count', String(sb.reserved)], ['Overhead clusters', String(sb.overhead)], ['Free blocks', String(sb.freeBlocks)],
    ['Free inodes', String(sb.freeInodes)], ['First block', String(sb.firstBlock)], ['Block size', String(sb.blockSize)],
    ['Fragment size', String(sb.blockSize)], ['Group descriptor size', '64'], ['Reserved GDT blocks', String(sb.reservedGdt)],
    ['Blocks per group', String(sb.blocksPerGroup)], ['Fragments per group', String(sb.blocksPerGroup)], ['Inodes per group', String(sb.inodesPerGroup)],
    ['Inode blocks per group', String((sb.inodesPerGroup * 256) / sb.blockSize)], ['Flex block group size', '16'], ['Filesystem created', when],
    ['Last mount time', sb.mountCount ? when : 'n/a'], ['Last write time', when], ['Mount count', String(sb.mountCount)], ['Maximum mount count', '-1'],
    ['Last checked', when], ['Check interval', '0 (<none>)'],
    ['Lifetime writes', `${Math.round(((sb.overhead - sb.journalBlocks) * sb.blockSize) / 1024 / 8 + groups * 8)} kB`],
    ['Reserved blocks uid', '0 (user root)'], ['Reserved blocks gid', '0 (group root)'], ['First inode', '11'], ['Inode size', '256'],
    ['Required extra isize', '32'], ['Desired extra isize', '32'], ['Journal inode', '8'], ['Default directory hash', 'half_md4'],
    ['Directory Hash Seed', sb.hashSeed], ['Journal backup', 'inode blocks'], ['Checksum type', 'crc32c'],
    ['Checksum', `0x${(parseInt(sb.uuid.slice(0, 8), 16) ^ sb.freeBlocks ^ sb.created).toString(16).padStart(8, '0').slice(-8)}`],
  ];
  let out = rows.map(([k, v]) => (k === 'Inode size' ? `Inode size:\t          ${v}\n` : `${`${k}:`.padEnd(26)}${v}\n`)).join('');
  if (journal) {
    out += `Journal features:         (none)\nTotal journal size:       ${(sb.journalBlocks * sb.blockSize) / 1024 >= 1024 * 4 ? `${(sb.journalBlocks * sb.blockSize) / 1024 / 1024}M` : `${(sb.journalBlocks * sb.blockSize) / 1024}k`}\n`
      + `Total journal blocks:     ${sb.journalBlocks}\nMax transaction length:   ${sb.journalBlocks}\nFast commit length:       0\nJournal sequence:         0x00000001\nJournal start:            0\n\n`;
  }
  return out;
}
