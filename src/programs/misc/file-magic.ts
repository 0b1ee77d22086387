// The magic of file(1) 5.44 for what a learner meets on this machine: our ELF stubs (shown
// as the x86-64 PIE binaries they stand for, with a BuildID derived from the program name),
// compressed data and archives, images, keys, and text (encoding, scripts, JSON, markup,
// line terminators) worded as file's ascmagic does.
import { decompress } from './gzip-format';

export interface Magic {
  desc: string;
  mime: string;
  /** mime charset (binary, us-ascii, utf-8, ...) */
  charset: string;
}

const decoder = new TextDecoder();

/** SHA-1, for the deterministic BuildID of simulated binaries. */
export function sha1Hex(data: Uint8Array): string {
  const ml = data.length * 8;
  const len = (((data.length + 8) >> 6) + 1) << 6;
  const buf = new Uint8Array(len);
  buf.set(data);
  buf[data.length] = 0x80;
  const dv = new DataView(buf.buffer);
  dv.setUint32(len - 4, ml >>> 0);
  dv.setUint32(len - 8, Math.floor(ml / 2 ** 32));
  let [h0, h1, h2, h3, h4] = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
  const w = new Uint32Array(80);
  for (let off = 0; off < len; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = dv.getUint32(off + i * 4);
    for (let i = 16; i < 80; i++) {
      const x = w[i - 3]! ^ w[i - 8]! ^ w[i - 14]! ^ w[i - 16]!;
      w[i] = (x << 1) | (x >>> 31);
    }
    let [a, b, c, d, e] = [h0, h1, h2, h3, h4];
    for (let i = 0; i < 80; i++) {
      const f = i < 20 ? (b & c) | (~b & d) : i < 40 ? b ^ c ^ d : i < 60 ? (b & c) | (b & d) | (c & d) : b ^ c ^ d;
      const k = i < 20 ? 0x5a827999 : i < 40 ? 0x6ed9eba1 : i < 60 ? 0x8f1bbcdc : 0xca62c1d6;
      const t = (((a << 5) | (a >>> 27)) + f + e + k + w[i]!) >>> 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = t;
    }
    h0 = (h0 + a) >>> 0;
    h1 = (h1 + b) >>> 0;
    h2 = (h2 + c) >>> 0;
    h3 = (h3 + d) >>> 0;
    h4 = (h4 + e) >>> 0;
  }
  return [h0, h1, h2, h3, h4].map((h) => (h >>> 0).toString(16).padStart(8, '0')).join('');
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function ctime(secs: number): string {
  const d = new Date(secs * 1000);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

/** gzip's header as file describes it; `withSize` adds the trailer's size field. */
export function gzipDesc(b: Uint8Array, withSize: boolean): string {
  const flags = b[3]!;
  const parts = ['gzip compressed data'];
  if (flags & 0x08) {
    let off = 10;
    if (flags & 0x04) off += 2 + (b[10]! | (b[11]! << 8));
    let end = off;
    while (end < b.length && b[end] !== 0) end++;
    parts.push(`was "${decoder.decode(b.subarray(off, end))}"`);
  }
  const mtime = (b[4]! | (b[5]! << 8) | (b[6]! << 16) | (b[7]! << 24)) >>> 0;
  if (mtime) parts.push(`last modified: ${ctime(mtime)}`);
  if (b[8] === 2) parts.push('max compression');
  else if (b[8] === 4) parts.push('max speed');
  const os: Record<number, string> = { 0: 'FAT filesystem (MS-DOS, OS/2, NT)', 3: 'Unix', 7: 'Macintosh', 11: 'NTFS filesystem (NT)' };
  if (os[b[9]!] !== undefined) parts.push(`from ${os[b[9]!]}`);
  if (withSize && b.length >= 18) {
    const n = b.length;
    parts.push(`original size modulo 2^32 ${(b[n - 4]! | (b[n - 3]! << 8) | (b[n - 2]! << 16) | (b[n - 1]! << 24)) >>> 0}`);
  }
  return parts.join(', ');
}

const STUB_TAG = 'photon-sim:';

function elfDesc(b: Uint8Array): Magic {
  const head = decoder.decode(b.subarray(0, 256));
  const at = head.indexOf(STUB_TAG);
  if (at >= 0) {
    const name = head.slice(at + STUB_TAG.length).split('\n')[0]!;
    return {
      desc: `ELF 64-bit LSB pie executable, x86-64, version 1 (SYSV), dynamically linked, interpreter /lib64/ld-linux-x86-64.so.2, BuildID[sha1]=${sha1Hex(new TextEncoder().encode(`${STUB_TAG}${name}`))}, for GNU/Linux 3.2.0, stripped`,
      mime: 'application/x-pie-executable',
      charset: 'binary',
    };
  }
  const cls = b[4] === 2 ? '64-bit' : b[4] === 1 ? '32-bit' : 'invalid class';
  const endian = b[5] === 2 ? 'MSB' : 'LSB';
  const type = b.length > 17 ? (b[5] === 2 ? b[17]! : b[16]!) : 0;
  const kinds: Record<number, string> = { 1: 'relocatable', 2: 'executable', 3: 'shared object', 4: 'core file' };
  return { desc: `ELF ${cls} ${endian} ${kinds[type] ?? `*unknown type ${type}*`}`, mime: type === 1 ? 'application/x-object' : type === 3 ? 'application/x-sharedlib' : 'application/x-executable', charset: 'binary' };
}

const startsWith = (b: Uint8Array, s: string, at = 0): boolean => {
  if (b.length < at + s.length) return false;
  for (let i = 0; i < s.length; i++) if (b[at + i] !== s.charCodeAt(i)) return false;
  return true;
};

/** Binary formats, by their magic numbers; undefined when none matches. */
export function binaryMagic(b: Uint8Array, zipped: boolean): Magic | undefined {
  if (startsWith(b, '\x7fELF')) return elfDesc(b);
  if (b[0] === 0x1f && b[1] === 0x8b && b.length >= 4) {
    if (b.length < 18) return { desc: `very short file (no magic)`, mime: 'application/octet-stream', charset: 'binary' };
    return { desc: gzipDesc(b, !zipped), mime: 'application/gzip', charset: 'binary' };
  }
  if (startsWith(b, 'BZh') && b[3]! >= 0x31 && b[3]! <= 0x39) return { desc: `bzip2 compressed data, block size = ${b[3]! - 0x30}00k`, mime: 'application/x-bzip2', charset: 'binary' };
  if (startsWith(b, '\xfd7zXZ\x00')) return { desc: 'XZ compressed data, checksum CRC64', mime: 'application/x-xz', charset: 'binary' };
  if (startsWith(b, '\x28\xb5\x2f\xfd')) return { desc: 'Zstandard compressed data (v0.8+), Dictionary ID: None', mime: 'application/zstd', charset: 'binary' };
  if (startsWith(b, 'PK\x03\x04')) return { desc: 'Zip archive data, at least v2.0 to extract, compression method=deflate', mime: 'application/zip', charset: 'binary' };
  if (startsWith(b, 'ustar', 257)) return { desc: startsWith(b, 'ustar  \x00', 257) ? 'POSIX tar archive (GNU)' : 'POSIX tar archive', mime: 'application/x-tar', charset: 'binary' };
  if (startsWith(b, '\x89PNG\r\n\x1a\n') && b.length >= 26) {
    const dv = new DataView(b.buffer, b.byteOffset);
    const color: Record<number, string> = { 0: 'grayscale', 2: 'RGB', 3: 'colormap', 4: 'gray+alpha', 6: 'RGBA' };
    return { desc: `PNG image data, ${dv.getUint32(16)} x ${dv.getUint32(20)}, ${b[24]}-bit${b[25] === 3 ? ' colormap' : `/color ${color[b[25]!] ?? ''}`}, ${b[28] ? 'interlaced' : 'non-interlaced'}`, mime: 'image/png', charset: 'binary' };
  }
  if (startsWith(b, 'GIF87a') || startsWith(b, 'GIF89a')) return { desc: `GIF image data, version ${decoder.decode(b.subarray(3, 6))}, ${b[6]! | (b[7]! << 8)} x ${b[8]! | (b[9]! << 8)}`, mime: 'image/gif', charset: 'binary' };
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return { desc: 'JPEG image data', mime: 'image/jpeg', charset: 'binary' };
  if (startsWith(b, '%PDF-')) return { desc: `PDF document, version ${decoder.decode(b.subarray(5, 8))}`, mime: 'application/pdf', charset: 'binary' };
  if (startsWith(b, '\xed\xab\xee\xdb')) return { desc: 'RPM', mime: 'application/x-rpm', charset: 'binary' };
  if (startsWith(b, '!<arch>\n')) return { desc: 'current ar archive', mime: 'application/x-archive', charset: 'binary' };
  if (startsWith(b, '070701') || startsWith(b, '070707')) return { desc: 'ASCII cpio archive (SVR4 with no CRC)', mime: 'application/x-cpio', charset: 'binary' };
  if (startsWith(b, 'SQLite format 3\x00')) return { desc: 'SQLite 3.x database', mime: 'application/vnd.sqlite3', charset: 'binary' };
  return undefined;
}

/** The inner description for file -z. */
export function gunzipInner(b: Uint8Array): Uint8Array | undefined {
  try {
    return decompress(b).data;
  } catch {
    return undefined;
  }
}
