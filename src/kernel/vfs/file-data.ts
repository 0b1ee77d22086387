// A regular file's bytes, kept in 64 KiB chunks so that a file with holes (truncate -s 1G,
// a write after a seek past the end) holds memory only for what was written. A hole reads
// as zeros. Which 4 KiB blocks were written is tracked per chunk: that is the file's
// st_blocks and what it takes from the disk. Zeros written past a chunk's stored bytes are
// not stored either (they read back as zeros all the same), so `dd if=/dev/zero` of a
// gigabyte takes its blocks on the disk but almost no memory: `held` is what memory the
// file really takes.

export const BLOCK = 4096;
const CHUNK = 1 << 16;
const BLOCKS_PER_CHUNK = CHUNK / BLOCK;

interface Chunk {
  /** The chunk's leading bytes; what lies beyond its length reads as zero. Grows on demand. */
  bytes: Uint8Array;
  /** Bit i set: block i of this chunk was written. */
  blocks: number;
}

/** The 4 KiB blocks a chunk with this written-block mask takes (st_blocks' share). */
export function chunkBlocks(mask: number): number {
  return popcount(mask & 0xffff);
}

function popcount(n: number): number {
  let c = 0;
  for (let v = n; v; v &= v - 1) c++;
  return c;
}

/** Whether every byte of `u8` is zero (four at a time where aligned). */
export function allZero(u8: Uint8Array): boolean {
  let i = 0;
  const n = u8.length;
  const head = Math.min(n, (4 - (u8.byteOffset & 3)) & 3);
  for (; i < head; i++) if (u8[i] !== 0) return false;
  const words = (n - i) >> 2;
  if (words > 0) {
    const w = new Uint32Array(u8.buffer, u8.byteOffset + i, words);
    for (let j = 0; j < words; j++) if (w[j] !== 0) return false;
    i += words * 4;
  }
  for (; i < n; i++) if (u8[i] !== 0) return false;
  return true;
}

export class FileData {
  private readonly chunks = new Map<number, Chunk>();
  size = 0;
  /** 4 KiB blocks written (allocated), over all chunks. */
  allocated = 0;
  /** Bytes of memory the chunks hold. */
  held = 0;

  /** Bytes [offset, offset+len) clipped to the file, holes as zeros. */
  read(offset: number, len: number): Uint8Array {
    const end = Math.min(this.size, offset + len);
    if (end <= offset) return new Uint8Array(0);
    const out = new Uint8Array(end - offset);
    for (let pos = offset; pos < end;) {
      const index = Math.floor(pos / CHUNK);
      const start = pos - index * CHUNK;
      const stop = Math.min(CHUNK, end - index * CHUNK);
      const c = this.chunks.get(index);
      if (c && start < c.bytes.length) out.set(c.bytes.subarray(start, Math.min(stop, c.bytes.length)), pos - offset);
      pos = index * CHUNK + stop;
    }
    return out;
  }

  /** The stored byte ranges [start, end), in order (what SEEK_DATA finds; the rest reads as zeros). */
  dataRanges(): [number, number][] {
    const out: [number, number][] = [];
    for (const index of [...this.chunks.keys()].sort((a, b) => a - b)) {
      const start = index * CHUNK;
      const end = Math.min(start + this.chunks.get(index)!.bytes.length, this.size);
      if (end <= start) continue;
      const last = out[out.length - 1];
      if (last && last[1] === start) last[1] = end;
      else out.push([start, end]);
    }
    return out;
  }

  /** How many more blocks writing [offset, offset+len) would allocate. */
  blocksToAllocate(offset: number, len: number): number {
    let extra = 0;
    this.eachBlockRange(offset, len, (c, mask) => {
      extra += popcount(mask & ~(c?.blocks ?? 0));
    });
    return extra;
  }

  /** Bytes of memory writing `data` at `offset` would add (the chunks' buffers growing). */
  memoryToAdd(offset: number, data: Uint8Array): number {
    let extra = 0;
    this.eachPiece(offset, data, (c, start, piece) => {
      const len = c?.bytes.length ?? 0;
      const grown = this.grownLength(len, start, piece);
      extra += grown - len;
    });
    return extra;
  }

  /** A chunk's new buffer length for a write of `piece` at `start`: unchanged when what lies past the buffer is zeros. */
  private grownLength(len: number, start: number, piece: Uint8Array): number {
    const end = start + piece.length;
    if (end <= len) return len;
    const past = piece.subarray(Math.max(0, len - start));
    if (allZero(past)) return len;
    // grow by doubling so small files stay small and appends stay cheap
    return Math.min(CHUNK, Math.max(end, len * 2, 64));
  }

  private eachPiece(offset: number, data: Uint8Array, f: (c: Chunk | undefined, start: number, piece: Uint8Array, index: number) => void): void {
    let done = 0;
    while (done < data.length) {
      const pos = offset + done;
      const index = Math.floor(pos / CHUNK);
      const start = pos - index * CHUNK;
      const n = Math.min(CHUNK - start, data.length - done);
      f(this.chunks.get(index), start, data.subarray(done, done + n), index);
      done += n;
    }
  }

  /** Writes `data` at `offset`; `zero` says it is all zeros (known to the caller, saving a scan). */
  write(offset: number, data: Uint8Array, zero = false): void {
    this.eachPiece(offset, data, (existing, start, piece, index) => {
      let c = existing;
      if (!c) {
        c = { bytes: new Uint8Array(0), blocks: 0 };
        this.chunks.set(index, c);
      }
      const len = c.bytes.length;
      const grown = zero ? len : this.grownLength(len, start, piece);
      if (grown > len) {
        const bytes = new Uint8Array(grown);
        bytes.set(c.bytes);
        c.bytes = bytes;
        this.held += grown - len;
      }
      // zeros past the buffer are left out: they read as zeros
      const keep = Math.max(0, Math.min(piece.length, c.bytes.length - start));
      if (keep > 0) c.bytes.set(keep === piece.length ? piece : piece.subarray(0, keep), start);
    });
    this.eachBlockRange(offset, data.length, (c, mask, index) => {
      const chunk = c ?? this.chunks.get(index)!;
      this.allocated += popcount(mask & ~chunk.blocks);
      chunk.blocks |= mask;
    });
    this.size = Math.max(this.size, offset + data.length);
  }

  /** Sets the size; growing adds a hole, shrinking frees whole blocks past the end and zeros the rest. */
  truncate(len: number): void {
    if (len < this.size) {
      const lastBlock = Math.ceil(len / BLOCK);
      for (const [index, c] of [...this.chunks]) {
        const base = index * CHUNK;
        if (base >= len) {
          this.allocated -= popcount(c.blocks);
          this.held -= c.bytes.length;
          this.chunks.delete(index);
          continue;
        }
        if (base + CHUNK <= len) continue;
        // the chunk holding the new end: drop its blocks past it, zero the tail of the last one
        const keep = lastBlock - index * BLOCKS_PER_CHUNK;
        const mask = keep >= BLOCKS_PER_CHUNK ? 0xffff : (1 << keep) - 1;
        this.allocated -= popcount(c.blocks & ~mask);
        c.blocks &= mask;
        if (len - base < c.bytes.length) c.bytes.fill(0, len - base);
      }
    }
    this.size = len;
  }

  /** The written chunks as plain data (for a snapshot): index, written-block mask, leading bytes. */
  exportChunks(): { index: number; blocks: number; bytes: Uint8Array }[] {
    const out: { index: number; blocks: number; bytes: Uint8Array }[] = [];
    for (const [index, c] of this.chunks) {
      // bytes past the file's end are zeros by construction: not worth saving
      const keep = Math.max(0, Math.min(c.bytes.length, this.size - index * CHUNK));
      out.push({ index, blocks: c.blocks, bytes: c.bytes.subarray(0, keep) });
    }
    return out;
  }

  /**
   * A file's data from exportChunks()'s output. The chunks' bytes are taken as they are (views
   * into a restored snapshot's blob, which nothing else uses): a later write goes into them, or
   * into a larger copy when it grows the chunk.
   */
  static fromChunks(size: number, chunks: readonly { index: number; blocks: number; bytes: Uint8Array }[]): FileData {
    const d = new FileData();
    d.size = size;
    for (let i = 0; i < chunks.length; i++) {
      const c = chunks[i]!;
      d.chunks.set(c.index, { bytes: c.bytes, blocks: c.blocks & 0xffff });
      d.allocated += chunkBlocks(c.blocks);
      d.held += c.bytes.length;
    }
    return d;
  }

  /** Calls `f` per chunk touched by [offset, offset+len) with the mask of its blocks in range. */
  private eachBlockRange(offset: number, len: number, f: (c: Chunk | undefined, mask: number, index: number) => void): void {
    if (len <= 0) return;
    const first = Math.floor(offset / BLOCK);
    const last = Math.floor((offset + len - 1) / BLOCK);
    for (let b = first; b <= last;) {
      const index = Math.floor(b / BLOCKS_PER_CHUNK);
      const lo = b - index * BLOCKS_PER_CHUNK;
      const hi = Math.min(BLOCKS_PER_CHUNK - 1, last - index * BLOCKS_PER_CHUNK);
      const mask = (((1 << (hi + 1)) - 1) & ~((1 << lo) - 1)) & 0xffff;
      f(this.chunks.get(index), mask, index);
      b = (index + 1) * BLOCKS_PER_CHUNK;
    }
  }
}
