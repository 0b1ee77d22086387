// MD5 (RFC 1321), streaming: update() with any chunk sizes, then digest().

const S = [7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
  4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21];
const K = Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) >>> 0);

export class Md5 {
  private h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476];
  private buf = new Uint8Array(64);
  private used = 0;
  private length = 0;
  private readonly w = new Uint32Array(16);

  update(data: Uint8Array): this {
    this.length += data.length;
    let i = 0;
    if (this.used > 0) {
      const n = Math.min(64 - this.used, data.length);
      this.buf.set(data.subarray(0, n), this.used);
      this.used += n;
      i = n;
      if (this.used < 64) return this;
      this.block(this.buf, 0);
      this.used = 0;
    }
    for (; i + 64 <= data.length; i += 64) this.block(data, i);
    if (i < data.length) {
      this.buf.set(data.subarray(i), 0);
      this.used = data.length - i;
    }
    return this;
  }

  private block(b: Uint8Array, off: number): void {
    const w = this.w;
    for (let j = 0; j < 16; j++) {
      const o = off + j * 4;
      w[j] = b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24);
    }
    let [a, bb, c, d] = this.h as [number, number, number, number];
    for (let j = 0; j < 64; j++) {
      let f: number;
      let g: number;
      if (j < 16) {
        f = (bb & c) | (~bb & d);
        g = j;
      } else if (j < 32) {
        f = (d & bb) | (~d & c);
        g = (5 * j + 1) & 15;
      } else if (j < 48) {
        f = bb ^ c ^ d;
        g = (3 * j + 5) & 15;
      } else {
        f = c ^ (bb | ~d);
        g = (7 * j) & 15;
      }
      const t = d;
      d = c;
      c = bb;
      const x = (a + f + K[j]! + w[g]!) | 0;
      const s = S[j]!;
      bb = (bb + ((x << s) | (x >>> (32 - s)))) | 0;
      a = t;
    }
    const h = this.h;
    h[0] = (h[0]! + a) | 0;
    h[1] = (h[1]! + bb) | 0;
    h[2] = (h[2]! + c) | 0;
    h[3] = (h[3]! + d) | 0;
  }

  digest(): Uint8Array {
    const bits = this.length * 8;
    const pad = new Uint8Array(((this.used < 56 ? 56 : 120) - this.used) + 8);
    pad[0] = 0x80;
    const n = pad.length - 8;
    for (let i = 0; i < 8; i++) pad[n + i] = Math.floor(bits / 2 ** (8 * i)) & 0xff;
    this.update(pad);
    const out = new Uint8Array(16);
    this.h.forEach((v, i) => {
      for (let k = 0; k < 4; k++) out[i * 4 + k] = (v >>> (8 * k)) & 0xff;
    });
    return out;
  }
}

export function hex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}
