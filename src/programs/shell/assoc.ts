// Associative arrays list their keys in the order of bash's hash table, not in insertion
// order: 1024 buckets chosen by a 32-bit FNV-1 hash of the key's bytes, each new key put at
// the head of its bucket's chain, and the table grown fourfold (chains re-inserted, so
// reversed) once it holds twice as many keys as buckets. `${!a[@]}`, `${a[@]}` and
// `declare -p` all walk the buckets in that order.

const FIRST_BUCKETS = 1024;

function fnv1(key: string): number {
  let h = 2166136261;
  for (const b of new TextEncoder().encode(key)) h = (Math.imul(h, 16777619) ^ b) >>> 0;
  return h;
}

/**
 * The order bash's hashlib walks keys inserted in this order into a table of `size` buckets
 * (associative arrays start with 1024, the command hash table with 256).
 */
export function hashOrder(keys: Iterable<string>, size: number): string[] {
  let buckets: string[][] = Array.from({ length: size }, () => []);
  let count = 0;
  for (const key of keys) {
    if (count >= size * 2) {
      const grown: string[][] = Array.from({ length: size * 4 }, () => []);
      for (const chain of buckets) for (const k of chain) grown[fnv1(k) & (size * 4 - 1)]!.unshift(k);
      size *= 4;
      buckets = grown;
    }
    buckets[fnv1(key) & (size - 1)]!.unshift(key);
    count++;
  }
  return buckets.flat();
}

/** A Map whose iteration follows bash's hash-table order; set() keeps an existing key's place. */
export class AssocMap extends Map<string, string> {
  private order: string[] | undefined;
  /** The table's first size (BASH_ALIASES walks the 64 of the alias table). */
  private readonly buckets: number;

  constructor(from?: Iterable<readonly [string, string]> | null, buckets = FIRST_BUCKETS) {
    super();
    this.buckets = from instanceof AssocMap ? from.buckets : buckets;
    if (from instanceof AssocMap) for (const [k, v] of from.insertionOrder()) super.set(k, v);
    else if (from) for (const [k, v] of from) super.set(k, v);
  }

  override set(key: string, value: string): this {
    if (this.order && !super.has(key)) this.order = undefined;
    return super.set(key, value);
  }

  override delete(key: string): boolean {
    const had = super.delete(key);
    if (had) this.order = undefined;
    return had;
  }

  override clear(): void {
    super.clear();
    this.order = undefined;
  }

  insertionOrder(): IterableIterator<[string, string]> {
    return super.entries();
  }

  /** The keys as bash's table walks them. */
  private ordered(): string[] {
    this.order ??= hashOrder(super.keys(), this.buckets);
    return this.order;
  }

  override *keys(): MapIterator<string> {
    yield* this.ordered();
  }

  override *values(): MapIterator<string> {
    for (const k of this.ordered()) yield super.get(k)!;
  }

  override *entries(): MapIterator<[string, string]> {
    for (const k of this.ordered()) yield [k, super.get(k)!];
  }

  override [Symbol.iterator](): MapIterator<[string, string]> {
    return this.entries();
  }

  override forEach(fn: (value: string, key: string, map: Map<string, string>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.entries()) fn.call(thisArg, v, k, this);
  }
}

/**
 * BASH_ALIASES and BASH_CMDS: a view of the alias or command hash table, made when read, in
 * which assigning an element defines an alias or remembers a command (unsetting one leaves
 * the table as it is: the next read shows it again).
 */
export class TableView extends AssocMap {
  private ready = false;

  constructor(
    entries: Iterable<readonly [string, string]>,
    buckets: number,
    private readonly write: (key: string, value: string) => void,
  ) {
    super(entries, buckets);
    this.ready = true;
  }

  override set(key: string, value: string): this {
    if (this.ready) this.write(key, value);
    return super.set(key, value);
  }
}
