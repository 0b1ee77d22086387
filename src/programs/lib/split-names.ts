// split's output file names (split.c next_file_name): PREFIX, a suffix over an alphabet
// (a-z, 0-9 or 0-9a-f) counted like an odometer, optionally from a start value, and the
// automatic widening of the default: ... xyz, xzaaa ... so the names still sort in order.

export class SuffixesExhausted extends Error {}

/** The longest name a string can hold here (V8's limit, about 2^29 characters). */
const MAX_NAME = 0x1fffffe8;

export class FileNames {
  private index: number[] | undefined;
  private base: string;
  private length: number;

  constructor(
    prefix: string,
    private readonly alphabet: string,
    length: number,
    private auto: boolean,
    private readonly start: string | undefined,
    private readonly extra: string,
  ) {
    this.base = prefix;
    this.length = length;
    if (start) this.auto = false;
  }

  private render(): string {
    return this.base + this.index!.map((i) => this.alphabet[i]).join('') + this.extra;
  }

  next(): string {
    if (!this.index) {
      // the first name is allocated whole: one longer than memory allows fails as malloc does
      if (this.base.length + this.length + this.extra.length > MAX_NAME) throw new SuffixesExhausted('memory exhausted');
      this.index = new Array<number>(this.length).fill(0);
      if (this.start) {
        const s = this.start;
        for (let k = 0; k < s.length; k++) this.index[this.length - s.length + k] = this.alphabet.indexOf(s[k]!);
      }
      return this.render();
    }
    const idx = this.index;
    for (let i = this.length - 1; i >= 0; i--) {
      idx[i]!++;
      if (this.auto && i === 0 && idx[0]! + 1 >= this.alphabet.length) {
        // widen: the last letter joins the prefix and the suffix grows by one
        this.base += this.alphabet[idx[0]!];
        this.length++;
        this.index = new Array<number>(this.length).fill(0);
        return this.render();
      }
      if (idx[i]! < this.alphabet.length) return this.render();
      idx[i] = 0;
    }
    throw new SuffixesExhausted('output file suffixes exhausted');
  }
}
