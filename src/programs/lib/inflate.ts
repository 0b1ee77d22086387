// A small raw-DEFLATE decoder (RFC 1951, in the manner of zlib's puff.c) that reports
// where the compressed stream ended, so gzip can read the trailer and further members,
// and tells a truncated stream from a corrupt one. It gives up on a truncated stream where
// gzip's own decoder does: gzip looks up each code through a table that wants a fixed number
// of bits (9 or fewer for literals and lengths, 6 or fewer for distances, 7 for the code
// lengths), so it needs those bits in the input even when the code is shorter.

export class InflateError extends Error {
  constructor(
    readonly kind: 'eof' | 'invalid',
    /** What was decoded before the stream ended (eof) or went wrong (invalid). */
    public data: Uint8Array = new Uint8Array(0),
  ) {
    super(kind);
  }
}

const LBASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LEXT = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DBASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
const DEXT = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
const ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

interface Huffman {
  count: Int16Array;
  symbol: Int16Array;
}

function build(lengths: ArrayLike<number>, n: number): { h: Huffman; left: number } {
  const count = new Int16Array(16);
  const symbol = new Int16Array(n);
  for (let i = 0; i < n; i++) count[lengths[i]!]!++;
  if (count[0] === n) return { h: { count, symbol }, left: 0 };
  let left = 1;
  for (let len = 1; len < 16; len++) {
    left <<= 1;
    left -= count[len]!;
    if (left < 0) return { h: { count, symbol }, left };
  }
  const offs = new Int16Array(16);
  for (let len = 1; len < 15; len++) offs[len + 1] = offs[len]! + count[len]!;
  for (let i = 0; i < n; i++) if (lengths[i] !== 0) symbol[offs[lengths[i]!]!++] = i;
  return { h: { count, symbol }, left };
}

class Bits {
  pos = 0;
  private bitbuf = 0;
  private bitcnt = 0;
  constructor(private readonly src: Uint8Array) {}
  bits(need: number): number {
    if (need === 0) return 0;
    let val = this.bitbuf;
    while (this.bitcnt < need) {
      if (this.pos >= this.src.length) throw new InflateError('eof');
      val |= this.src[this.pos++]! << this.bitcnt;
      this.bitcnt += 8;
    }
    this.bitbuf = val >>> need;
    this.bitcnt -= need;
    return val & ((1 << need) - 1);
  }
  /** gzip's look-ahead: `n` more bits must be in the input. */
  need(n: number): void {
    if (this.bitcnt + (this.src.length - this.pos) * 8 < n) throw new InflateError('eof');
  }
  align(): void {
    this.bitbuf = 0;
    this.bitcnt = 0;
  }
  decode(h: Huffman): number {
    const src = this.src;
    let bitbuf = this.bitbuf;
    let left = this.bitcnt;
    let code = 0;
    let first = 0;
    let index = 0;
    for (let len = 1; len < 16; len++) {
      if (left === 0) {
        if (this.pos >= src.length) throw new InflateError('eof');
        bitbuf = src[this.pos++]!;
        left = 8;
      }
      code |= bitbuf & 1;
      bitbuf >>>= 1;
      left--;
      const count = h.count[len]!;
      if (code - count < first) {
        this.bitbuf = bitbuf;
        this.bitcnt = left;
        return h.symbol[index + (code - first)]!;
      }
      index += count;
      first += count;
      first <<= 1;
      code <<= 1;
    }
    throw new InflateError('invalid');
  }
  byte(): number {
    if (this.pos >= this.src.length) throw new InflateError('eof');
    return this.src[this.pos++]!;
  }
}

class Output {
  buf = new Uint8Array(1 << 16);
  len = 0;
  push(b: number): void {
    if (this.len === this.buf.length) this.grow();
    this.buf[this.len++] = b;
  }
  copy(dist: number, len: number): void {
    while (this.len + len > this.buf.length) this.grow();
    const b = this.buf;
    let from = this.len - dist;
    // a distance from before the start reads gzip's fresh window: zeros
    for (let k = 0; k < len; k++, from++) b[this.len++] = from < 0 ? 0 : b[from]!;
  }
  private grow(): void {
    const n = new Uint8Array(this.buf.length * 2);
    n.set(this.buf);
    this.buf = n;
  }
}

let fixed: { lencode: Huffman; distcode: Huffman } | undefined;

function fixedTables(): { lencode: Huffman; distcode: Huffman } {
  if (fixed) return fixed;
  const l = new Uint8Array(288);
  l.fill(8, 0, 144);
  l.fill(9, 144, 256);
  l.fill(7, 256, 280);
  l.fill(8, 280, 288);
  const d = new Uint8Array(30).fill(5);
  fixed = { lencode: build(l, 288).h, distcode: build(d, 30).h };
  return fixed;
}

/** The bits gzip's table look-up asks for: its preferred size, kept within the code's lengths. */
function lookupBits(lengths: ArrayLike<number>, n: number, preferred: number): number {
  let min = 16;
  let max = 0;
  for (let i = 0; i < n; i++) {
    const l = lengths[i]!;
    if (l === 0) continue;
    if (l < min) min = l;
    if (l > max) max = l;
  }
  if (max === 0) return 0;
  return Math.min(Math.max(preferred, min), max);
}

function codes(s: Bits, out: Output, lencode: Huffman, distcode: Huffman, bl: number, bd: number): void {
  for (;;) {
    s.need(bl);
    let symbol = s.decode(lencode);
    if (symbol < 256) out.push(symbol);
    else if (symbol === 256) return;
    else {
      symbol -= 257;
      if (symbol >= 29) throw new InflateError('invalid');
      const len = LBASE[symbol]! + s.bits(LEXT[symbol]!);
      s.need(bd);
      const ds = s.decode(distcode);
      if (ds >= 30) throw new InflateError('invalid');
      const dist = DBASE[ds]! + s.bits(DEXT[ds]!);
      out.copy(dist, len);
    }
  }
}

function dynamic(s: Bits, out: Output): void {
  const nlen = s.bits(5) + 257;
  const ndist = s.bits(5) + 1;
  const ncode = s.bits(4) + 4;
  if (nlen > 286 || ndist > 30) throw new InflateError('invalid');
  const lengths = new Uint8Array(320);
  for (let i = 0; i < ncode; i++) lengths[ORDER[i]!] = s.bits(3);
  const lc = build(lengths, 19);
  if (lc.left !== 0) throw new InflateError('invalid');
  const bc = lookupBits(lengths, 19, 7);
  let index = 0;
  lengths.fill(0);
  while (index < nlen + ndist) {
    s.need(bc);
    let symbol = s.decode(lc.h);
    if (symbol < 16) lengths[index++] = symbol;
    else {
      let len = 0;
      if (symbol === 16) {
        if (index === 0) throw new InflateError('invalid');
        len = lengths[index - 1]!;
        symbol = 3 + s.bits(2);
      } else if (symbol === 17) symbol = 3 + s.bits(3);
      else symbol = 11 + s.bits(7);
      if (index + symbol > nlen + ndist) throw new InflateError('invalid');
      while (symbol--) lengths[index++] = len;
    }
  }
  if (lengths[256] === 0) throw new InflateError('invalid');
  const l = build(lengths, nlen);
  if (l.left < 0 || (l.left > 0 && nlen - l.h.count[0]! !== 1)) throw new InflateError('invalid');
  const d = build(lengths.subarray(nlen), ndist);
  if (d.left < 0 || (d.left > 0 && ndist - d.h.count[0]! !== 1)) throw new InflateError('invalid');
  codes(s, out, l.h, d.h, lookupBits(lengths, nlen, 9), lookupBits(lengths.subarray(nlen), ndist, 6));
}

/** Inflates the raw stream starting at `start`; returns the data and the offset after it. */
export function inflateRaw(src: Uint8Array, start = 0): { data: Uint8Array; end: number } {
  const s = new Bits(src);
  s.pos = start;
  const out = new Output();
  try {
    blocks(s, out);
  } catch (e) {
    // gzip writes all it decoded before input ran out, but after a corrupt code only the
    // 32 KiB windows it had filled
    if (e instanceof InflateError) e.data = out.buf.slice(0, e.kind === 'eof' ? out.len : out.len - (out.len % 32768));
    throw e;
  }
  return { data: out.buf.subarray(0, out.len), end: s.pos };
}

function blocks(s: Bits, out: Output): void {
  let last: number;
  do {
    last = s.bits(1);
    const type = s.bits(2);
    if (type === 0) {
      s.align();
      const lo = s.byte() | (s.byte() << 8);
      const nlo = s.byte() | (s.byte() << 8);
      if (lo !== (~nlo & 0xffff)) throw new InflateError('invalid');
      for (let k = 0; k < lo; k++) out.push(s.byte());
    } else if (type === 1) {
      const f = fixedTables();
      codes(s, out, f.lencode, f.distcode, 7, 5);
    } else if (type === 2) dynamic(s, out);
    else throw new InflateError('invalid');
  } while (!last);
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Uint8Array, crc = 0): number {
  let c = ~crc >>> 0;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}
