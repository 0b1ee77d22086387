// The on-disk signatures blkid, wipefs and mkswap find in a file: a swap area (version 1
// header at byte 1024, "SWAPSPACE2" in the last 10 bytes of its first page, for pages of 4 to
// 64 KiB) and an ext4 superblock (magic 0xEF53 at byte 1080). Each is found with where its
// magic lies, which is what wipefs erases.
import type { Sys } from '../../shared/sys';
import { decode as decodeExt4 } from '../e2fsprogs/superblock';

export interface Signature {
  type: 'swap' | 'ext4';
  uuid: string;
  label: string;
  /** Where the magic lies and its bytes. */
  offset: number;
  magic: Uint8Array;
  /** Extra blkid tags after UUID (BLOCK_SIZE for ext4). */
  blockSize?: number;
}

export const SWAP_MAGIC = 'SWAPSPACE2';
export const SWAP_HEADER = 1024;

export function uuidText(b: Uint8Array): string {
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Bytes [offset, offset+len) of an open file (fewer at its end). */
export async function readAt(sys: Sys, fd: number, offset: number, len: number): Promise<Uint8Array> {
  sys.lseek(fd, offset, 'set');
  const out = new Uint8Array(len);
  let got = 0;
  while (got < len) {
    const c = await sys.read(fd, len - got);
    if (!c || c.length === 0) break;
    out.set(c, got);
    got += c.length;
  }
  return out.subarray(0, got);
}

const cstr = (b: Uint8Array): string => {
  const end = b.indexOf(0);
  return new TextDecoder().decode(end < 0 ? b : b.subarray(0, end));
};

/** The signatures in an open file, in the order libblkid's superblock probes come (swap before ext4). */
export async function probe(sys: Sys, fd: number): Promise<Signature[]> {
  const out: Signature[] = [];
  for (let page = 4096; page <= 65536; page *= 2) {
    const magic = await readAt(sys, fd, page - 10, 10);
    if (new TextDecoder('latin1').decode(magic) !== SWAP_MAGIC) continue;
    const hdr = await readAt(sys, fd, SWAP_HEADER, 44);
    if (hdr.length < 44 || new DataView(hdr.buffer, hdr.byteOffset).getUint32(0, true) !== 1) break;
    const uuid = hdr.subarray(12, 28);
    // libblkid leaves out a UUID of all zeros (mkswap -U clear)
    out.push({ type: 'swap', uuid: uuid.some((b) => b !== 0) ? uuidText(uuid) : '', label: cstr(hdr.subarray(28, 44)), offset: page - 10, magic });
    break;
  }
  const ext = decodeExt4(await readAt(sys, fd, 1024, 1024));
  if (ext) out.push({ type: 'ext4', uuid: ext.uuid, label: ext.label, offset: 0x438, magic: Uint8Array.from([0x53, 0xef]), blockSize: ext.blockSize });
  return out;
}

/** A version 1 swap header for one page: bootbits left zero, then version, last page, UUID, label, magic. */
export function swapHeader(pageSize: number, lastPage: number, uuid: Uint8Array, label: string): Uint8Array {
  const page = new Uint8Array(pageSize);
  const v = new DataView(page.buffer);
  v.setUint32(SWAP_HEADER, 1, true);
  v.setUint32(SWAP_HEADER + 4, lastPage, true);
  v.setUint32(SWAP_HEADER + 8, 0, true);
  page.set(uuid, SWAP_HEADER + 12);
  page.set(new TextEncoder().encode(label).subarray(0, 15), SWAP_HEADER + 28);
  page.set(new TextEncoder().encode(SWAP_MAGIC), pageSize - 10);
  return page;
}

/** size_to_human_string with a space and a three-letter unit ("10 MiB", "1.5 GiB"). */
export function humanSize3(bytes: number): string {
  const letters = 'BKMGTPE';
  let exp = 0;
  for (let e = 10; e <= 60; e += 10) if (bytes >= 2 ** e) exp = e;
  const unit = letters[exp / 10]!;
  let dec = exp ? Math.floor(bytes / 2 ** exp) : bytes;
  let frac = exp ? bytes % 2 ** exp : 0;
  if (frac) {
    frac = Math.floor((frac * 1000) / 2 ** exp);
    frac = Math.floor((frac + 50) / 100) * 10;
    if (frac === 100) {
      dec++;
      frac = 0;
    }
  }
  const suffix = unit === 'B' ? ' B' : ` ${unit}iB`;
  if (!frac) return `${dec}${suffix}`;
  let text = `${dec}.${String(frac).padStart(2, '0')}`;
  if (text.endsWith('0')) text = text.slice(0, -1);
  return `${text}${suffix}`;
}
