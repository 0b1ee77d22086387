// The cpio archive formats GNU cpio 2.13 writes and reads: newc and crc (SVR4 ASCII hex),
// odc (POSIX ASCII octal, -c) and bin (old binary, the default for -o).

export interface Member {
  name: string; ino: number; mode: number; uid: number; gid: number; nlink: number;
  mtime: number; size: number; dev: number; rdev: number; data: Uint8Array;
}

export type Format = 'newc' | 'crc' | 'odc' | 'bin';

const enc = new TextEncoder();
const dec = new TextDecoder('latin1');

const hex = (n: number): string => (n >>> 0).toString(16).padStart(8, '0').toUpperCase();
const oct = (n: number, w: number): string => n.toString(8).padStart(w, '0').slice(-w);

function cat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

const pad = (len: number, to: number): Uint8Array => new Uint8Array((to - (len % to)) % to);

export function encodeMember(m: Member, format: Format): Uint8Array {
  const name = enc.encode(`${m.name}\0`);
  if (format === 'newc' || format === 'crc') {
    let sum = 0;
    if (format === 'crc') for (const b of m.data) sum = (sum + b) >>> 0;
    const head = enc.encode(`${format === 'crc' ? '070702' : '070701'}${[m.ino, m.mode, m.uid, m.gid, m.nlink, m.mtime, m.size, m.dev >> 8, m.dev & 0xff, m.rdev >> 8, m.rdev & 0xff, name.length, sum].map(hex).join('')}`);
    return cat([head, name, pad(110 + name.length, 4), m.data, pad(m.data.length, 4)]);
  }
  if (format === 'odc') {
    const head = enc.encode(`070707${oct(m.dev, 6)}${oct(m.ino, 6)}${oct(m.mode, 6)}${oct(m.uid, 6)}${oct(m.gid, 6)}${oct(m.nlink, 6)}${oct(m.rdev, 6)}${oct(m.mtime, 11)}${oct(name.length, 6)}${oct(m.size, 11)}`);
    return cat([head, name, m.data]);
  }
  const h = new DataView(new ArrayBuffer(26));
  const vals = [0o070707, m.dev, m.ino, m.mode, m.uid, m.gid, m.nlink, m.rdev, m.mtime >>> 16, m.mtime & 0xffff, name.length, m.size >>> 16, m.size & 0xffff];
  vals.forEach((v, i) => h.setUint16(i * 2, v & 0xffff, true));
  return cat([new Uint8Array(h.buffer), name, pad(26 + name.length, 2), m.data, pad(m.data.length, 2)]);
}

export function trailer(format: Format): Uint8Array {
  return encodeMember({ name: 'TRAILER!!!', ino: 0, mode: 0, uid: 0, gid: 0, nlink: 1, mtime: 0, size: 0, dev: 0, rdev: 0, data: new Uint8Array() }, format);
}

/** Members of an archive up to its trailer; `end` is the bytes it used, or an error text. */
export function decodeArchive(buf: Uint8Array): { members: Member[]; end: number; error?: string } {
  const members: Member[] = [];
  let o = 0;
  const text = (a: number, n: number): string => dec.decode(buf.subarray(a, a + n));
  for (;;) {
    if (o + 6 > buf.length) return { members, end: o, error: 'premature end of archive' };
    const magic = text(o, 6);
    let m: Member;
    let next: number;
    if (magic === '070701' || magic === '070702') {
      const f = Array.from({ length: 13 }, (_, i) => parseInt(text(o + 6 + i * 8, 8), 16));
      const nameStart = o + 110;
      const name = text(nameStart, f[11]! - 1);
      const dataStart = nameStart + f[11]! + ((4 - ((110 + f[11]!) % 4)) % 4);
      m = { ino: f[0]!, mode: f[1]!, uid: f[2]!, gid: f[3]!, nlink: f[4]!, mtime: f[5]!, size: f[6]!, dev: (f[7]! << 8) | f[8]!, rdev: (f[9]! << 8) | f[10]!, name, data: buf.subarray(dataStart, dataStart + f[6]!) };
      next = dataStart + f[6]! + ((4 - (f[6]! % 4)) % 4);
    } else if (magic === '070707') {
      const n = (a: number, w: number): number => parseInt(text(o + a, w), 8);
      const nameLen = n(59, 6);
      const size = n(65, 11);
      const name = text(o + 76, nameLen - 1);
      const dataStart = o + 76 + nameLen;
      m = { dev: n(6, 6), ino: n(12, 6), mode: n(18, 6), uid: n(24, 6), gid: n(30, 6), nlink: n(36, 6), rdev: n(42, 6), mtime: n(48, 11), size, name, data: buf.subarray(dataStart, dataStart + size) };
      next = dataStart + size;
    } else if (buf[o] === 0xc7 && buf[o + 1] === 0x71) {
      const v = new DataView(buf.buffer, buf.byteOffset + o, 26);
      const s = (i: number): number => v.getUint16(i * 2, true);
      const nameLen = s(10);
      const size = s(11) * 65536 + s(12);
      const name = text(o + 26, nameLen - 1);
      const dataStart = o + 26 + nameLen + ((26 + nameLen) % 2);
      m = { dev: s(1), ino: s(2), mode: s(3), uid: s(4), gid: s(5), nlink: s(6), rdev: s(7), mtime: s(8) * 65536 + s(9), size, name, data: buf.subarray(dataStart, dataStart + size) };
      next = dataStart + size + (size % 2);
    } else {
      return { members, end: o, error: members.length ? 'premature end of archive' : 'bad magic' };
    }
    if (m.name === 'TRAILER!!!') return { members, end: next };
    if (next > buf.length) return { members, end: buf.length, error: 'premature end of archive' };
    members.push(m);
    o = next;
  }
}
