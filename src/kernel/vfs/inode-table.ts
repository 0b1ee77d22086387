// The VFS's inode table: inode number -> inode. A disk image the machine trusts (the fresh disk it
// boots from) can be put in it deferred: its inodes are made one by one as something first looks
// them up, so that booting does not build the image's thousand inodes before the first prompt when
// the boot and the login touch a tenth of them. Anything that looks at the table as a whole (its
// size, an iteration) first makes every inode still deferred, so it sees the same table an eager
// load gives.
import type { Inode } from './inode';

export class InodeTable extends Map<number, Inode> {
  /** Deferred inodes: number -> the index `make` builds it from. */
  private deferred: Map<number, number> | undefined;
  private make: ((index: number) => Inode) | undefined;

  /** Puts `inodes` (number -> index) in the table, each built by `make(index)` when first needed. */
  defer(inodes: Map<number, number>, make: (index: number) => Inode): void {
    if (this.deferred) this.makeAll();
    for (const ino of inodes.keys()) super.delete(ino);
    this.deferred = inodes;
    this.make = make;
  }

  /** How many inodes are still deferred (for tests). */
  get deferredCount(): number {
    return this.deferred?.size ?? 0;
  }

  override get(ino: number): Inode | undefined {
    const node = super.get(ino);
    if (node !== undefined || this.deferred === undefined) return node;
    const index = this.deferred.get(ino);
    if (index === undefined) return undefined;
    this.deferred.delete(ino);
    const made = this.make!(index);
    super.set(ino, made);
    if (this.deferred.size === 0) this.deferred = this.make = undefined;
    return made;
  }

  override has(ino: number): boolean {
    return super.has(ino) || (this.deferred?.has(ino) ?? false);
  }

  override set(ino: number, node: Inode): this {
    this.deferred?.delete(ino);
    return super.set(ino, node);
  }

  override delete(ino: number): boolean {
    const wasDeferred = this.deferred?.delete(ino) ?? false;
    return super.delete(ino) || wasDeferred;
  }

  override clear(): void {
    this.deferred = this.make = undefined;
    super.clear();
  }

  override get size(): number {
    this.makeAll();
    return super.size;
  }

  override keys(): MapIterator<number> {
    this.makeAll();
    return super.keys();
  }

  override values(): MapIterator<Inode> {
    this.makeAll();
    return super.values();
  }

  override entries(): MapIterator<[number, Inode]> {
    this.makeAll();
    return super.entries();
  }

  override [Symbol.iterator](): MapIterator<[number, Inode]> {
    this.makeAll();
    return super[Symbol.iterator]();
  }

  override forEach(f: (node: Inode, ino: number, map: Map<number, Inode>) => void, thisArg?: unknown): void {
    this.makeAll();
    super.forEach(f, thisArg);
  }

  private makeAll(): void {
    const deferred = this.deferred;
    if (!deferred) return;
    for (const ino of [...deferred.keys()]) this.get(ino);
  }
}
