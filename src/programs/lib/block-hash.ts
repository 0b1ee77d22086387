// The part MD5 and SHA-256 share: feeding input in 64-byte blocks from chunks of any size,
// and the final padding (0x80, zeros, the message length in bits in 8 bytes).

export abstract class BlockHash {
  private readonly buf = new Uint8Array(64);
  private used = 0;
  private length = 0;

  protected abstract block(b: Uint8Array, off: number): void;

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

  /** Pads the message; MD5 stores the length little-endian, SHA-256 big-endian. */
  protected pad(littleEndian: boolean): void {
    const bits = this.length * 8;
    const pad = new Uint8Array((this.used < 56 ? 56 : 120) - this.used + 8);
    pad[0] = 0x80;
    const n = pad.length - 8;
    for (let i = 0; i < 8; i++) pad[littleEndian ? n + i : n + 7 - i] = Math.floor(bits / 2 ** (8 * i)) & 0xff;
    this.update(pad);
  }
}
