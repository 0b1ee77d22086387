// The tar header block: 512 bytes of fixed fields (POSIX ustar with GNU's variant: magic
// "ustar  ", no prefix field, long names in ././@LongLink members of type L and K), numbers
// in NUL-terminated octal (base-256 when too large, as GNU does), and the checksum.
import { byteChar, encodeText } from '../../shared/bytes';
import type { Format } from './options';

export const BLOCK = 512;

export interface Member {
  name: string;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  /** Seconds since the epoch. */
  mtime: number;
  type: string;
  linkname: string;
  uname: string;
  gname: string;
  devmajor: number;
  devminor: number;
  /** The file's own time, which verbose lines show when --mtime replaced mtime. */
  fileMtime?: number;
}

const strict = new TextDecoder('utf-8', { fatal: true });

/** Bytes of a name: UTF-8, with the lone surrogates of undecodable bytes written back as those bytes. */
export const nameBytes = encodeText;

/** Bytes back to a string, keeping bytes that are not UTF-8 as lone surrogates (shared/bytes.ts). */
export function bytesName(b: Uint8Array): string {
  try {
    return strict.decode(b);
  } catch {
    let s = '';
    let i = 0;
    while (i < b.length) {
      const c = b[i]!;
      const len = c < 0x80 ? 1 : c >= 0xc2 && c < 0xe0 ? 2 : c >= 0xe0 && c < 0xf0 ? 3 : c >= 0xf0 && c < 0xf5 ? 4 : 0;
      if (len > 0 && i + len <= b.length) {
        try {
          s += strict.decode(b.subarray(i, i + len));
          i += len;
          continue;
        } catch {
          // not a character: fall through to the byte
        }
      }
      s += byteChar(c);
      i++;
    }
    return s;
  }
}

function putString(h: Uint8Array, at: number, len: number, s: string | Uint8Array): void {
  const b = typeof s === 'string' ? nameBytes(s) : s;
  h.set(b.subarray(0, len), at);
}

/** Octal with leading zeros in `len - 1` digits and a NUL; base-256 when it does not fit (GNU). */
function putNumber(h: Uint8Array, at: number, len: number, value: number, base256: boolean): boolean {
  const digits = value >= 0 ? value.toString(8) : '';
  if (value >= 0 && digits.length <= len - 1) {
    putString(h, at, len, `${digits.padStart(len - 1, '0')}\0`);
    return true;
  }
  if (!base256) return false;
  let v = BigInt(value);
  for (let i = len - 1; i >= 0; i--) {
    h[at + i] = Number(v & 0xffn);
    v >>= 8n;
  }
  h[at] = value < 0 ? 0xff : (h[at]! & 0x7f) | 0x80;
  return true;
}

export function checksum(h: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h[i]!;
  return sum;
}

function seal(h: Uint8Array): Uint8Array {
  putString(h, 148, 8, `${checksum(h).toString(8).padStart(6, '0')}\0 `);
  return h;
}

/** Splits a long name for ustar's prefix field: undefined when no slash gives two fitting parts. */
export function ustarSplit(name: Uint8Array): [Uint8Array, Uint8Array] | undefined {
  if (name.length <= 100) return [new Uint8Array(), name];
  for (let i = 0; i < name.length; i++) {
    if (name[i] !== 0x2f || i > 155) continue;
    if (name.length - i - 1 <= 100 && i > 0 && name.length - i - 1 > 0) return [name.subarray(0, i), name.subarray(i + 1)];
  }
  return undefined;
}

/** One header block for `m` (name and linkname already fitted by the caller). */
export function encodeHeader(m: Member, format: Format, prefix?: Uint8Array): Uint8Array {
  const h = new Uint8Array(BLOCK);
  const gnu = format === 'gnu' || format === 'oldgnu';
  putString(h, 0, 100, m.name);
  putNumber(h, 100, 8, m.mode & 0o7777, gnu);
  putNumber(h, 108, 8, m.uid, gnu);
  putNumber(h, 116, 8, m.gid, gnu);
  putNumber(h, 124, 12, m.size, gnu);
  putNumber(h, 136, 12, m.mtime, gnu);
  h[156] = format === 'v7' && m.type === '0' ? 0 : m.type.charCodeAt(0);
  putString(h, 157, 100, m.linkname);
  if (format !== 'v7') {
    putString(h, 257, 8, gnu ? 'ustar  \0' : 'ustar\x0000');
    putString(h, 265, 32, m.uname);
    putString(h, 297, 32, m.gname);
  }
  if (!gnu || m.type === '3' || m.type === '4') {
    putNumber(h, 329, 8, m.devmajor, gnu);
    putNumber(h, 337, 8, m.devminor, gnu);
  }
  if (prefix && prefix.length) putString(h, 345, 155, prefix);
  return seal(h);
}

/** The ././@LongLink member GNU writes before a header whose name (L) or link (K) is too long. */
export function longLinkHeader(type: 'L' | 'K', length: number, uname: string, gname: string): Uint8Array {
  const h = new Uint8Array(BLOCK);
  putString(h, 0, 100, '././@LongLink');
  putString(h, 100, 8, '0000644\0');
  putString(h, 108, 8, '0000000\0');
  putString(h, 116, 8, '0000000\0');
  putNumber(h, 124, 12, length, true);
  putString(h, 136, 12, '00000000000\0');
  h[156] = type.charCodeAt(0);
  putString(h, 257, 8, 'ustar  \0');
  putString(h, 265, 32, uname);
  putString(h, 297, 32, gname);
  return seal(h);
}

function field(h: Uint8Array, at: number, len: number): Uint8Array {
  const f = h.subarray(at, at + len);
  const nul = f.indexOf(0);
  return nul < 0 ? f : f.subarray(0, nul);
}

/** A numeric field: octal (spaces and NULs around it allowed) or GNU base-256; NaN when invalid. */
export function readNumber(h: Uint8Array, at: number, len: number): number {
  const f = h.subarray(at, at + len);
  if (f[0]! & 0x80) {
    let v = BigInt(f[0]! & 0x7f) - (f[0] === 0xff ? 0x80n : 0n);
    for (let i = 1; i < len; i++) v = (v << 8n) | BigInt(f[i]!);
    return Number(v);
  }
  const s = new TextDecoder('latin1').decode(field(h, at, len)).trim();
  if (s === '') return 0;
  return /^[0-7]+$/.test(s) ? parseInt(s, 8) : NaN;
}

export function isZeroBlock(h: Uint8Array): boolean {
  for (let i = 0; i < BLOCK; i++) if (h[i] !== 0) return false;
  return true;
}

/** Whether the stored checksum matches (as unsigned or signed byte sums, as GNU accepts). */
export function checksumOk(h: Uint8Array): boolean {
  const stored = readNumber(h, 148, 8);
  if (Number.isNaN(stored)) return false;
  if (stored === checksum(h)) return true;
  let signed = 0;
  for (let i = 0; i < BLOCK; i++) signed += i >= 148 && i < 156 ? 32 : ((h[i]! << 24) >> 24);
  return stored === signed;
}

/** Decodes a header block whose checksum is valid. */
export function decodeHeader(h: Uint8Array): Member {
  const magic = new TextDecoder('latin1').decode(h.subarray(257, 263));
  const ustar = magic === 'ustar\0';
  let name = bytesName(field(h, 0, 100));
  if (ustar) {
    const prefix = field(h, 345, 155);
    if (prefix.length) name = `${bytesName(prefix)}/${name}`;
  }
  const flag = h[156]!;
  let type = flag === 0 ? '0' : String.fromCharCode(flag);
  if (type === '0' || type === '7') type = name.endsWith('/') ? '5' : '0';
  const num = (at: number, len: number): number => {
    const v = readNumber(h, at, len);
    return Number.isNaN(v) ? 0 : v;
  };
  return {
    name,
    mode: num(100, 8),
    uid: num(108, 8),
    gid: num(116, 8),
    size: num(124, 12),
    mtime: num(136, 12),
    type,
    linkname: bytesName(field(h, 157, 100)),
    uname: magic.startsWith('ustar') ? bytesName(field(h, 265, 32)) : '',
    gname: magic.startsWith('ustar') ? bytesName(field(h, 297, 32)) : '',
    devmajor: num(329, 8),
    devminor: num(337, 8),
  };
}
