// gnulib's randint_genmax over a byte source (shuf's --random-source): the bytes are read
// big-endian, just enough of them to cover the range, and the randomness a draw did not use
// is kept for the next one; a value past the last whole multiple of the range is retried.

const MASK = (1n << 64n) - 1n;
const shiftLeft = (x: bigint): bigint => (x << 8n) & MASK;

export class Randint {
  private randnum = 0n;
  private randmax = 0n;

  constructor(private readonly byte: () => Promise<number>) {}

  /** A number from 0 to genmax, both included. */
  async genmax(genmax: bigint): Promise<bigint> {
    const choices = genmax + 1n;
    for (;;) {
      if (this.randmax < genmax) {
        let rmax = this.randmax;
        let need = 0;
        do {
          rmax = shiftLeft(rmax) + 255n;
          need++;
        } while (rmax < genmax);
        const buf: number[] = [];
        for (let k = 0; k < need; k++) buf.push(await this.byte());
        let k = 0;
        do {
          this.randnum = shiftLeft(this.randnum) + BigInt(buf[k]!);
          this.randmax = shiftLeft(this.randmax) + 255n;
          k++;
        } while (this.randmax < genmax);
      }
      if (this.randmax === genmax) {
        const r = this.randnum;
        this.randnum = this.randmax = 0n;
        return r;
      }
      const excess = this.randmax - genmax;
      const unusable = excess % choices;
      const lastUsable = this.randmax - unusable;
      const reduced = this.randnum % choices;
      if (this.randnum <= lastUsable) {
        this.randnum /= choices;
        this.randmax = excess / choices;
        return reduced;
      }
      this.randnum = reduced;
      this.randmax = unusable - 1n;
    }
  }

  /** randint_choose: a number below n. */
  async choose(n: number): Promise<number> {
    return Number(await this.genmax(BigInt(n) - 1n));
  }
}
