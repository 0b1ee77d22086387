// An ext4 superblock as mke2fs lays it out for an image, at byte 1024 of the file, with the
// fields the e2fsprogs tools and blkid read back: the geometry of ext2fs_initialize (groups,
// inode tables, reserved GDT blocks, journal size of mke2fs 1.46) and the counts it leaves.
import type { Sys } from '../../shared/sys';

export interface Superblock {
  inodes: number; blocks: number; reserved: number; freeBlocks: number; freeInodes: number;
  firstBlock: number; blockSize: number; blocksPerGroup: number; inodesPerGroup: number;
  reservedGdt: number; overhead: number; journalBlocks: number; created: number;
  uuid: string; hashSeed: string; mountCount: number; state: number; label: string; lastMounted: string;
}

const ceil = (a: number, b: number): number => Math.ceil(a / b);

/** Groups 0, 1 and powers of 3, 5 and 7 hold superblock backups (sparse_super). */
export function hasSuper(group: number): boolean {
  if (group <= 1) return true;
  for (const base of [3, 5, 7]) {
    let g = base;
    while (g < group) g *= base;
    if (g === group) return true;
  }
  return false;
}

function journalSize(blocks: number): number {
  if (blocks < 2048) return 0;
  if (blocks < 32768) return 1024;
  if (blocks < 256 * 1024) return 4096;
  if (blocks < 512 * 1024) return 8192;
  if (blocks < 4096 * 1024) return 16384;
  if (blocks < 8192 * 1024) return 32768;
  if (blocks < 16384 * 1024) return 65536;
  if (blocks < 32768 * 1024) return 131072;
  return 262144;
}

/** The filesystem mke2fs makes on `bytes` bytes (types floppy, small and default of mke2fs.conf). */
export function layout(bytes: number, uuid: string, hashSeed: string, created: number): Superblock {
  const blockSize = bytes < 512 * 1024 * 1024 ? 1024 : 4096;
  const ratio = bytes < 3 * 1024 * 1024 ? 8192 : bytes < 512 * 1024 * 1024 ? 4096 : 16384;
  const blocks = Math.floor(bytes / blockSize);
  const firstBlock = blockSize === 1024 ? 1 : 0;
  const bpg = blockSize * 8;
  const groups = ceil(blocks - firstBlock, bpg);
  const perBlock = blockSize / 256;
  let ipg = ceil(Math.floor((blocks * blockSize) / ratio), groups);
  ipg = ceil(ipg, perBlock) * perBlock;
  ipg &= ~7;
  const inodes = ipg * groups;
  const gdpb = blockSize / 64;
  const gdt = ceil(groups, gdpb);
  const rsvGroups = ceil(Math.min(0xffffffff, blocks * 1024) - firstBlock, bpg);
  const reservedGdt = Math.min(blockSize / 4, ceil(rsvGroups, gdpb) - gdt);
  const journalBlocks = journalSize(blocks);
  let overhead = firstBlock + journalBlocks;
  for (let g = 0; g < groups; g++) overhead += 2 + (ipg * 256) / blockSize + (hasSuper(g) ? 1 + gdt + reservedGdt : 0);
  const used = overhead + (blockSize === 1024 ? 14 : 6);
  return {
    inodes, blocks, reserved: Math.floor(blocks / 20), freeBlocks: blocks - used, freeInodes: inodes - 11, firstBlock, blockSize,
    blocksPerGroup: bpg, inodesPerGroup: ipg, reservedGdt, overhead, journalBlocks, created, uuid, hashSeed, mountCount: 0, state: 1, label: '', lastMounted: '',
  };
}

const uuidBytes = (u: string): number[] => u.replace(/-/g, '').match(/../g)!.map((h) => parseInt(h, 16));
const uuidText = (b: Uint8Array): string => {
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};

export function encode(sb: Superblock): Uint8Array {
  const buf = new Uint8Array(1024);
  const v = new DataView(buf.buffer);
  v.setUint32(0, sb.inodes, true);
  v.setUint32(4, sb.blocks, true);
  v.setUint32(8, sb.reserved, true);
  v.setUint32(12, sb.freeBlocks, true);
  v.setUint32(16, sb.freeInodes, true);
  v.setUint32(20, sb.firstBlock, true);
  v.setUint32(24, Math.log2(sb.blockSize / 1024), true);
  v.setUint32(32, sb.blocksPerGroup, true);
  v.setUint32(36, sb.blocksPerGroup, true);
  v.setUint32(40, sb.inodesPerGroup, true);
  v.setUint32(48, sb.created, true);
  v.setUint16(52, sb.mountCount, true);
  v.setInt16(54, -1, true);
  v.setUint16(56, 0xef53, true);
  v.setUint16(58, sb.state, true);
  v.setUint16(60, 1, true);
  v.setUint32(64, sb.created, true);
  v.setUint32(76, 1, true);
  v.setUint32(84, 11, true);
  v.setUint16(88, 256, true);
  buf.set(uuidBytes(sb.uuid), 104);
  buf.set(new TextEncoder().encode(sb.label.slice(0, 16)), 120);
  buf.set(new TextEncoder().encode(sb.lastMounted.slice(0, 63)), 136);
  v.setUint16(206, sb.reservedGdt, true);
  v.setUint32(224, 8, true);
  buf.set(uuidBytes(sb.hashSeed), 236);
  v.setUint16(254, 64, true);
  v.setUint32(264, sb.created, true);
  v.setUint32(584, sb.overhead, true);
  v.setUint32(588, sb.journalBlocks, true); // kept in a reserved slot for the listings
  return buf;
}

export function decode(buf: Uint8Array): Superblock | undefined {
  if (buf.length < 1024) return undefined;
  const v = new DataView(buf.buffer, buf.byteOffset, 1024);
  if (v.getUint16(56, true) !== 0xef53) return undefined;
  const text = (o: number, n: number): string => new TextDecoder().decode(buf.subarray(o, o + n)).replace(/\0.*$/s, '');
  return {
    inodes: v.getUint32(0, true), blocks: v.getUint32(4, true), reserved: v.getUint32(8, true), freeBlocks: v.getUint32(12, true),
    freeInodes: v.getUint32(16, true), firstBlock: v.getUint32(20, true), blockSize: 1024 << v.getUint32(24, true),
    blocksPerGroup: v.getUint32(32, true), inodesPerGroup: v.getUint32(40, true), created: v.getUint32(264, true),
    mountCount: v.getUint16(52, true), state: v.getUint16(58, true), uuid: uuidText(buf.subarray(104, 120)), label: text(120, 16),
    lastMounted: text(136, 63), reservedGdt: v.getUint16(206, true), hashSeed: uuidText(buf.subarray(236, 252)),
    overhead: v.getUint32(584, true), journalBlocks: v.getUint32(588, true),
  };
}

/** The superblock of an image file, or undefined when it holds none. Throws SysError when unreadable. */
export async function readSuperblock(sys: Sys, path: string): Promise<Superblock | undefined> {
  const fd = await sys.open(path, { read: true });
  try {
    sys.lseek(fd, 1024, 'set');
    const chunks: Uint8Array[] = [];
    let got = 0;
    while (got < 1024) {
      const c = await sys.read(fd, 1024 - got);
      if (!c || c.length === 0) break;
      chunks.push(c);
      got += c.length;
    }
    const buf = new Uint8Array(got);
    let o = 0;
    for (const c of chunks) {
      buf.set(c, o);
      o += c.length;
    }
    return decode(buf);
  } finally {
    sys.close(fd);
  }
}

/** The root filesystem on /dev/sda3 (16368 MiB, made by Photon's installer), as a superblock. */
export function rootSuperblock(freeBlocks: number, freeInodes: number, created: number): Superblock {
  const sb = layout(16368 * 1024 * 1024, '0c5f3c5e-6f0e-4b0b-9d6a-3b5e2f7a9c41', '5d2e8b71-3c4a-4f9e-b6d1-0a7c9e2f4b83', created);
  return { ...sb, freeBlocks, freeInodes, mountCount: 1, lastMounted: '/' };
}
