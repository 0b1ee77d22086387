// The part the Merkle-Damgard hashes (MD5, SHA-1, SHA-2) share: feeding input in blocks (64
// bytes, 128 for SHA-384/512) from chunks of any size, the final padding (0x80, zeros, the
// message length in bits in the last 8 or 16 bytes) and big-endian output of the state words.

export abstract class BlockHash {
  private readonly buf: Uint8Array;
  private used = 0;
  private length = 0;

  constructor(
    private readonly blockBytes = 64,
    private readonly lengthBytes = 8,
  ) {
    this.buf = new Uint8Array(blockBytes);
  }

  protected abstract block(b: Uint8Array, off: number): void;

  update(data: Uint8Array): this {
    const size = this.blockBytes;
    this.length += data.length;
    let i = 0;
    if (this.used > 0) {
      const n = Math.min(size - this.used, data.length);
      this.buf.set(data.subarray(0, n), this.used);
      this.used += n;
      i = n;
      if (this.used < size) return this;
      this.block(this.buf, 0);
      this.used = 0;
    }
    for (; i + size <= data.length; i += size) this.block(data, i);
    if (i < data.length) {
      this.buf.set(data.subarray(i), 0);
      this.used = data.length - i;
    }
    return this;
  }

  /**
   * Pads the message; MD5 stores the length little-endian, the SHAs big-endian (a 16-byte
   * field's high half stays zero: lengths here stay below 2^53 bits).
   */
  protected pad(littleEndian: boolean): void {
    const bits = this.length * 8;
    const room = this.blockBytes - this.lengthBytes;
    const pad = new Uint8Array((this.used < room ? room : room + this.blockBytes) - this.used + this.lengthBytes);
    pad[0] = 0x80;
    const n = pad.length - this.lengthBytes;
    for (let i = 0; i < 8; i++) pad[littleEndian ? n + i : pad.length - 1 - i] = Math.floor(bits / 2 ** (8 * i)) & 0xff;
    this.update(pad);
  }
}

/** The first `bytes` bytes of 32-bit state words, each big-endian (the SHA digests). */
export function bigEndianBytes(words: ArrayLike<number>, bytes: number): Uint8Array {
  const out = new Uint8Array(bytes);
  for (let i = 0; i < bytes; i++) out[i] = (words[i >> 2]! >>> (24 - 8 * (i & 3))) & 0xff;
  return out;
}
