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

export type GzipErrorKind = 'format' | 'eof' | 'crc' | 'length' | 'invalid' | 'method' | 'trailing';

export class GzipError extends Error {
  constructor(
    readonly kind: GzipErrorKind,
    /** The compression method byte, for 'method'. */
    readonly method = 0,
  ) {
    super(kind);
  }
}

export function readHeader(b: Uint8Array, at: number): GzipHeader {
  // gzip reads the magic with get_byte, which stops at the end of the input, except that
  // after a zero byte it only tries for the second (a lone zero is not gzip data)
  if (b.length - at < (b[at] === 0 ? 1 : 2)) throw new GzipError('eof');
  if (b.length - at < 2 || b[at] !== 0x1f || b[at + 1] !== 0x8b) throw new GzipError('format');
  if (b.length - at < 3) throw new GzipError('eof');
  if (b[at + 2] !== 8) throw new GzipError('method', b[at + 2]);
  if (b.length - at < 10) throw new GzipError('eof');
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

/** What gzip -d makes of one input, member after member, as far as it gets. */
export interface Gunzipped {
  /** What gzip writes, in order: each member's data (what it had before an error cut it
   *  short) and, with -f to standard output, input that is not gzip data as it is. */
  data: Uint8Array;
  /** The first member's header. */
  header: GzipHeader | undefined;
  /** The last member's decoded size and CRC (what gzip -l shows). */
  size: number;
  crc: number;
  members: number;
  /** The errors, in order (a bad CRC and a bad length are both told). */
  errors: GzipError[];
  /** The error ends gzip itself (the files after it are not looked at). */
  fatal: boolean;
  /** What followed the last member: only zero bytes, or anything else. */
  trailing: 'zeros' | 'garbage' | undefined;
  /** Input that was not gzip data was passed through (-f with -c). */
  copied: boolean;
}

/**
 * Decodes every member as gzip 1.12 does. `copy`: data that is not gzip is passed through
 * (-f to standard output, not -l). `test`: a bad CRC or length ends only this input (-t, -l),
 * not gzip; a truncated or corrupt stream always ends gzip.
 */
export function gunzip(b: Uint8Array, copy: boolean, test: boolean): Gunzipped {
  const parts: Uint8Array[] = [];
  const r: Gunzipped = { data: new Uint8Array(0), header: undefined, size: 0, crc: 0, members: 0, errors: [], fatal: false, trailing: undefined, copied: false };
  let at = 0;
  for (;;) {
    const first = r.members === 0;
    const isGzip = b.length - at >= 2 && b[at] === 0x1f && b[at + 1] === 0x8b;
    if (!isGzip && copy) {
      parts.push(b.subarray(at));
      r.copied = true;
      break;
    }
    if (!isGzip && !first) {
      r.trailing = b.subarray(at).every((x) => x === 0) ? 'zeros' : 'garbage';
      // a lone byte that is not zero: gzip wanted the second byte of a magic number
      if (b.length - at === 1 && b[at] !== 0) {
        r.trailing = undefined;
        r.errors.push(new GzipError('eof'));
        r.fatal = true;
      }
      break;
    }
    let h: GzipHeader;
    try {
      h = readHeader(b, at);
    } catch (e) {
      if (!(e instanceof GzipError)) throw e;
      r.errors.push(e);
      r.fatal = e.kind === 'eof';
      break;
    }
    if (first) r.header = h;
    let inflated;
    try {
      inflated = inflateRaw(b, at + h.size);
    } catch (e) {
      if (!(e instanceof InflateError)) throw e;
      parts.push(e.data);
      r.errors.push(new GzipError(e.kind === 'eof' ? 'eof' : 'invalid'));
      r.fatal = true;
      break;
    }
    parts.push(inflated.data);
    r.members++;
    r.size = inflated.data.length;
    r.crc = crc32(inflated.data);
    const t = inflated.end;
    if (t + 8 > b.length) {
      r.errors.push(new GzipError('eof'));
      r.fatal = true;
      break;
    }
    const crc = (b[t]! | (b[t + 1]! << 8) | (b[t + 2]! << 16) | (b[t + 3]! << 24)) >>> 0;
    const len = (b[t + 4]! | (b[t + 5]! << 8) | (b[t + 6]! << 16) | (b[t + 7]! << 24)) >>> 0;
    if (crc !== r.crc) r.errors.push(new GzipError('crc'));
    if (len !== r.size >>> 0) r.errors.push(new GzipError('length'));
    if (r.errors.length) {
      r.fatal = !test;
      break;
    }
    at = t + 8;
    if (at >= b.length) break;
  }
  const total = parts.reduce((n, p) => n + p.length, 0);
  r.data = new Uint8Array(total);
  let off = 0;
  for (const p of parts) {
    r.data.set(p, off);
    off += p.length;
  }
  return r;
}

/** Decompresses every member (an error throws); the header of the first is returned too. */
export function decompress(b: Uint8Array): { data: Uint8Array; header: GzipHeader; trailing: boolean } {
  const r = gunzip(b, false, false);
  if (r.errors.length) throw r.errors[0]!;
  return { data: r.data, header: r.header!, trailing: r.trailing === 'garbage' };
}

/** gzip's ratio: the share saved, "%5.1f%%" (negative when the data grew). */
export function ratio(num: number, den: number): string {
  const v = den === 0 ? 0 : (100 * num) / den;
  return `${v.toFixed(1).padStart(5)}%`;
}
