// $0, $1..$NF and NF: fields are split lazily with the FS that was current when $0 was set;
// assigning a field or NF rebuilds $0 with OFS.
import { toStr, type Value } from './values';

export class RecordState {
  private text = '';
  private whole: Value;
  private fields: Value[] | undefined = [];
  private splitter: (s: string) => string[] = () => [];

  constructor(
    private readonly ofs: () => string,
    private readonly convfmt: () => string,
    /** Input text as a value (a strnum read in the program's number mode). */
    private readonly input: (text: string) => Value,
  ) {
    this.whole = input('');
  }

  /** Sets $0 (from input: a strnum) and the splitting (FS, FPAT...) in force now. */
  set(text: string, splitter: (s: string) => string[]): void {
    this.text = text;
    this.whole = this.input(text);
    this.fields = undefined;
    this.splitter = splitter;
  }

  get record(): string {
    return this.text;
  }

  private split(): Value[] {
    if (!this.fields) {
      this.fields = this.splitter(this.text).map((p) => this.input(p));
    }
    return this.fields;
  }

  get nf(): number {
    return this.split().length;
  }

  get(i: number): Value {
    if (i === 0) return this.whole;
    const f = this.split();
    return i <= f.length ? f[i - 1]! : this.input('');
  }

  private rebuild(f: Value[]): void {
    const ofs = this.ofs();
    const conv = this.convfmt();
    let s = '';
    for (let i = 0; i < f.length; i++) {
      if (i > 0) s += ofs;
      s += toStr(f[i]!, conv);
    }
    this.text = s;
    this.whole = this.input(s);
  }

  /** $i = v (i >= 1): extends NF if needed and rebuilds $0. */
  assign(i: number, v: Value): void {
    const f = this.split();
    while (f.length < i) f.push(this.input(''));
    f[i - 1] = v;
    this.rebuild(f);
  }

  setNF(n: number): void {
    const f = this.split();
    if (n < f.length) f.length = n;
    while (f.length < n) f.push(this.input(''));
    this.rebuild(f);
  }

  /** $0 = v from the program: any value (a number keeps its text) and a fresh split. */
  assignWhole(v: Value, splitter: (s: string) => string[]): void {
    this.set(toStr(v, this.convfmt()), splitter);
  }
}
