// BLAKE2b (RFC 7693) without a key, any digest length from 1 to 64 bytes, streaming.
// 64-bit words are kept as pairs of 32-bit halves (low at even index, high at odd).

const IV = [
  0xf3bcc908, 0x6a09e667, 0x84caa73b, 0xbb67ae85, 0xfe94f82b, 0x3c6ef372, 0x5f1d36f1, 0xa54ff53a,
  0xade682d1, 0x510e527f, 0x2b3e6c1f, 0x9b05688c, 0xfb41bd6b, 0x1f83d9ab, 0x137e2179, 0x5be0cd19,
];

const SIGMA = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
  [14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3],
  [11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4],
  [7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8],
  [9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13],
  [2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9],
  [12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11],
  [13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10],
  [6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5],
  [10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0],
];

export class Blake2b {
  private readonly h = new Uint32Array(16);
  private readonly v = new Uint32Array(32);
  private readonly m = new Uint32Array(32);
  private readonly buf = new Uint8Array(128);
  private fill = 0;
  /** Bytes compressed so far, as a number (exact up to 2^53). */
  private count = 0;

  constructor(private readonly outLen = 64) {
    this.h.set(IV);
    this.h[0]! ^= 0x01010000 ^ outLen;
  }

  update(data: Uint8Array): this {
    let i = 0;
    while (i < data.length) {
      // a full buffer is compressed only once more input follows: the last block is special
      if (this.fill === 128) {
        this.count += 128;
        this.compress(false);
        this.fill = 0;
      }
      const n = Math.min(128 - this.fill, data.length - i);
      this.buf.set(data.subarray(i, i + n), this.fill);
      this.fill += n;
      i += n;
    }
    return this;
  }

  digest(): Uint8Array {
    this.count += this.fill;
    this.buf.fill(0, this.fill);
    this.compress(true);
    const out = new Uint8Array(this.outLen);
    for (let i = 0; i < this.outLen; i++) out[i] = (this.h[i >> 2]! >>> (8 * (i & 3))) & 0xff;
    return out;
  }

  private compress(last: boolean): void {
    const { v, m, h, buf } = this;
    for (let i = 0; i < 32; i++) {
      const o = i * 4;
      m[i] = buf[o]! | (buf[o + 1]! << 8) | (buf[o + 2]! << 16) | (buf[o + 3]! << 24);
    }
    v.set(h);
    v.set(IV, 16);
    const lo = this.count >>> 0;
    const hi = Math.floor(this.count / 0x100000000) >>> 0;
    v[24]! ^= lo;
    v[25]! ^= hi;
    if (last) {
      v[28]! ^= 0xffffffff;
      v[29]! ^= 0xffffffff;
    }
    for (let r = 0; r < 12; r++) {
      const s = SIGMA[r % 10]!;
      this.g(0, 8, 16, 24, s[0]!, s[1]!);
      this.g(2, 10, 18, 26, s[2]!, s[3]!);
      this.g(4, 12, 20, 28, s[4]!, s[5]!);
      this.g(6, 14, 22, 30, s[6]!, s[7]!);
      this.g(0, 10, 20, 30, s[8]!, s[9]!);
      this.g(2, 12, 22, 24, s[10]!, s[11]!);
      this.g(4, 14, 16, 26, s[12]!, s[13]!);
      this.g(6, 8, 18, 28, s[14]!, s[15]!);
    }
    for (let i = 0; i < 16; i++) h[i] = h[i]! ^ v[i]! ^ v[i + 16]!;
  }

  /** Adds the 64-bit word at b to the one at a (both indices of low halves in v). */
  private add(a: number, b: number): void {
    const v = this.v;
    const lo = v[a]! + v[b]!;
    v[a + 1] = v[a + 1]! + v[b + 1]! + (lo > 0xffffffff ? 1 : 0);
    v[a] = lo;
  }

  private addM(a: number, x: number): void {
    const v = this.v;
    const m = this.m;
    const lo = v[a]! + m[2 * x]!;
    v[a + 1] = v[a + 1]! + m[2 * x + 1]! + (lo > 0xffffffff ? 1 : 0);
    v[a] = lo;
  }

  /** v[d] = (v[d] ^ v[a]) rotated right by n bits. */
  private xorRot(d: number, a: number, n: number): void {
    const v = this.v;
    const xl = v[d]! ^ v[a]!;
    const xh = v[d + 1]! ^ v[a + 1]!;
    if (n === 32) {
      v[d] = xh;
      v[d + 1] = xl;
    } else if (n < 32) {
      v[d] = (xl >>> n) | (xh << (32 - n));
      v[d + 1] = (xh >>> n) | (xl << (32 - n));
    } else {
      const k = n - 32;
      v[d] = (xh >>> k) | (xl << (32 - k));
      v[d + 1] = (xl >>> k) | (xh << (32 - k));
    }
  }

  private g(a: number, b: number, c: number, d: number, x: number, y: number): void {
    this.add(a, b);
    this.addM(a, x);
    this.xorRot(d, a, 32);
    this.add(c, d);
    this.xorRot(b, c, 24);
    this.add(a, b);
    this.addM(a, y);
    this.xorRot(d, a, 16);
    this.add(c, d);
    this.xorRot(b, c, 63);
  }
}
