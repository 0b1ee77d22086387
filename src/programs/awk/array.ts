// awk arrays: a Map that also keeps gawk's own layout, so `for (k in a)` visits keys in the
// order gawk does: non-negative integer keys ("cint" arrays) ascending, other keys in the
// buckets of gawk's string hash table (sdbm hash, prime sizes, new keys at a chain's head).
import type { Value } from './values';

const SIZES = [13, 127, 1021, 8191, 16381, 32749, 65497, 131101, 262147, 524309, 1048583, 2097169, 4194319, 8388617, 16777259];
const STR_CHAIN_MAX = 2;
const UINT_RE = /^(?:0|[1-9]\d{0,17})$/;

function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c > 0xff) c = 0x3f;
    // the C code adds a (signed) char
    if (c > 0x7f) c -= 256;
    h = (Math.imul(h, 65599) + c) >>> 0;
  }
  return h;
}

/** gawk's str_array: chains are stored tail first, so a chain's head is its last entry. */
class StrTable {
  private size = 0;
  count = 0;
  private buckets: string[][] = [];
  private readonly codes = new Map<string, number>();

  private grow(): void {
    const next = SIZES.find((s) => s > this.size);
    if (next === undefined) return;
    const old = this.buckets;
    const oldSize = this.size;
    this.size = next;
    this.buckets = Array.from({ length: next }, () => []);
    for (let k = 0; k < oldSize; k++) {
      const chain = old[k]!;
      for (let j = chain.length - 1; j >= 0; j--) {
        const key = chain[j]!;
        this.buckets[this.codes.get(key)! % next]!.push(key);
      }
    }
  }

  add(key: string): void {
    if (this.size === 0) this.grow();
    const code = hash(key);
    this.codes.set(key, code);
    this.count++;
    if (Math.floor(this.count / this.size) > STR_CHAIN_MAX) this.grow();
    this.buckets[code % this.size]!.push(key);
  }

  remove(key: string): void {
    const code = this.codes.get(key);
    if (code === undefined) return;
    const chain = this.buckets[code % this.size]!;
    chain.splice(chain.lastIndexOf(key), 1);
    this.codes.delete(key);
    if (--this.count === 0) {
      this.size = 0;
      this.buckets = [];
    }
  }

  keys(out: string[]): void {
    for (const chain of this.buckets) for (let j = chain.length - 1; j >= 0; j--) out.push(chain[j]!);
  }
}

export class AwkArray extends Map<string, Value> {
  /** 0: empty, 1: string table, 2: integer array (other keys in `str`). */
  private mode: 0 | 1 | 2 = 0;
  private str: StrTable | undefined;
  private ints: Set<string> | undefined;

  override set(key: string, value: Value): this {
    if (!super.has(key)) this.added(key);
    return super.set(key, value);
  }

  override delete(key: string): boolean {
    if (!super.has(key)) return false;
    this.removed(key);
    return super.delete(key);
  }

  override clear(): void {
    super.clear();
    this.mode = 0;
    this.str = undefined;
    this.ints = undefined;
  }

  private added(key: string): void {
    if (this.mode === 0) this.mode = UINT_RE.test(key) ? 2 : 1;
    if (this.mode === 2 && UINT_RE.test(key)) {
      (this.ints ??= new Set()).add(key);
      return;
    }
    (this.str ??= new StrTable()).add(key);
  }

  private removed(key: string): void {
    if (this.mode === 2 && this.ints?.has(key)) {
      this.ints.delete(key);
      if (this.ints.size === 0) {
        this.ints = undefined;
        this.mode = this.str ? 1 : 0;
      }
      return;
    }
    this.str?.remove(key);
    if (this.str && this.str.count === 0) {
      this.str = undefined;
      if (this.mode === 1) this.mode = 0;
    }
  }

  /** The keys in gawk's unsorted traversal order. */
  order(): string[] {
    const out: string[] = [];
    this.str?.keys(out);
    if (this.ints) {
      const ints = [...this.ints].sort((a, b) => (a.length - b.length) || (a < b ? -1 : a > b ? 1 : 0));
      for (const k of ints) out.push(k);
    }
    return out;
  }
}
