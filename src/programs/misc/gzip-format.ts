// The gzip file format (RFC 1952) as gzip 1.12 writes and reads it: a header with the
// original name and time stamp, DEFLATE data (gzip's own encoder), CRC-32 and size; reading
// handles several members, truncation and CRC errors.
import { gzipDeflate } from './gzip-deflate';
import { crc32, inflateRaw, InflateError } from '../lib/inflate';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export interface GzipHeader {
  name: string | undefined;
  mtime: number;
  /** Size of the header in bytes. */
  size: number;
}

export function compress(data: Uint8Array, level: number, name: string | undefined, mtime: number): Uint8Array {
  const nameBytes = name !== undefined ? encoder.encode(name) : undefined;
  const body = gzipDeflate(data, level);
  const headerLen = 10 + (nameBytes ? nameBytes.length + 1 : 0);
  const out = new Uint8Array(headerLen + body.length + 8);
  out.set([0x1f, 0x8b, 8, nameBytes ? 0x08 : 0]);
  const t = Math.max(0, Math.floor(mtime)) >>> 0;
  out[4] = t & 0xff;
  out[5] = (t >>> 8) & 0xff;
  out[6] = (t >>> 16) & 0xff;
  out[7] = (t >>> 24) & 0xff;
  out[8] = level === 9 ? 2 : level === 1 ? 4 : 0;
  out[9] = 3;
  if (nameBytes) out.set(nameBytes, 10);
  out.set(body, headerLen);
  const crc = crc32(data);
  const n = data.length >>> 0;
  const tail = headerLen + body.length;
  for (let i = 0; i < 4; i++) {
    out[tail + i] = (crc >>> (8 * i)) & 0xff;
    out[tail + 4 + i] = (n >>> (8 * i)) & 0xff;
  }
  return out;
}

export class GzipError extends Error {
  constructor(readonly kind: 'format' | 'eof' | 'crc' | 'length' | 'invalid' | 'method' | 'trailing') {
    super(kind);
  }
}

export function readHeader(b: Uint8Array, at: number): GzipHeader {
  if (b.length - at < 2 || b[at] !== 0x1f || b[at + 1] !== 0x8b) throw new GzipError('format');
  if (b.length - at < 10) throw new GzipError('eof');
  if (b[at + 2] !== 8) throw new GzipError('method');
  const flags = b[at + 3]!;
  const mtime = (b[at + 4]! | (b[at + 5]! << 8) | (b[at + 6]! << 16) | (b[at + 7]! << 24)) >>> 0;
  let p = at + 10;
  if (flags & 0x04) {
    if (p + 2 > b.length) throw new GzipError('eof');
    p += 2 + (b[p]! | (b[p + 1]! << 8));
  }
  let name: string | undefined;
  if (flags & 0x08) {
    const start = p;
    while (p < b.length && b[p] !== 0) p++;
    if (p >= b.length) throw new GzipError('eof');
    name = decoder.decode(b.subarray(start, p));
    p++;
  }
  if (flags & 0x10) {
    while (p < b.length && b[p] !== 0) p++;
    if (p >= b.length) throw new GzipError('eof');
    p++;
  }
  if (flags & 0x02) p += 2;
  if (p > b.length) throw new GzipError('eof');
  return { name, mtime, size: p - at };
}

/** Decompresses every member; the header of the first is returned too. */
export function decompress(b: Uint8Array): { data: Uint8Array; header: GzipHeader; trailing: boolean } {
  const parts: Uint8Array[] = [];
  let at = 0;
  let first: GzipHeader | undefined;
  let trailing = false;
  while (at < b.length) {
    if (first && (b.length - at < 2 || b[at] !== 0x1f || b[at + 1] !== 0x8b)) {
      // trailing garbage after a member (gzip warns and ignores zeros)
      trailing = !b.subarray(at).every((x) => x === 0);
      break;
    }
    const h = readHeader(b, at);
    first ??= h;
    let r;
    try {
      r = inflateRaw(b, at + h.size);
    } catch (e) {
      if (e instanceof InflateError) throw new GzipError(e.kind === 'eof' ? 'eof' : 'invalid');
      throw e;
    }
    if (r.end + 8 > b.length) throw new GzipError('eof');
    const crc = (b[r.end]! | (b[r.end + 1]! << 8) | (b[r.end + 2]! << 16) | (b[r.end + 3]! << 24)) >>> 0;
    const len = (b[r.end + 4]! | (b[r.end + 5]! << 8) | (b[r.end + 6]! << 16) | (b[r.end + 7]! << 24)) >>> 0;
    if (crc !== crc32(r.data)) throw new GzipError('crc');
    if (len !== r.data.length >>> 0) throw new GzipError('length');
    parts.push(r.data);
    at = r.end + 8;
  }
  if (!first) throw new GzipError('eof');
  const total = parts.reduce((n, p) => n + p.length, 0);
  const data = new Uint8Array(total);
  let off = 0;
  for (const p of parts) {
    data.set(p, off);
    off += p.length;
  }
  return { data, header: first, trailing };
}

/** gzip's ratio: the share saved, "%5.1f%%" (negative when the data grew). */
export function ratio(num: number, den: number): string {
  const v = den === 0 ? 0 : (100 * num) / den;
  return `${v.toFixed(1).padStart(5)}%`;
}
