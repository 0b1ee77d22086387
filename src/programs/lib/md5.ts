// MD5 (RFC 1321), streaming: update() with any chunk sizes, then digest().

import { BlockHash } from './block-hash';

const S = [7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
  4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21];
const K = Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) >>> 0);

export class Md5 extends BlockHash {
  private h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476];
  private readonly w = new Uint32Array(16);

  protected block(b: Uint8Array, off: number): void {
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
    this.pad(true);
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
