// The overwrite passes of shred: which patterns are used for N passes and in what order
// (coreutils' table of 1-, 2-, 3- and 4-bit patterns, with random passes between them), and
// the bytes of one pattern pass.

/**
 * The pattern table: a negative entry is that many random passes, a positive one a count
 * followed by that many 12-bit patterns (0x1000 marks a pattern whose first bit of each
 * 512-byte sector is flipped); the table is used again from the top when N is larger.
 */
const TABLE = [
  -2,
  2, 0x000, 0xfff,
  2, 0x555, 0xaaa,
  -1,
  6, 0x249, 0x492, 0x6db, 0x924, 0xb6d, 0xdb6,
  12, 0x111, 0x222, 0x333, 0x444, 0x666, 0x777, 0x888, 0x999, 0xbbb, 0xccc, 0xddd, 0xeee,
  -1,
  8, 0x1000, 0x1249, 0x1492, 0x16db, 0x1924, 0x1b6d, 0x1db6, 0x1fff,
  14, 0x1111, 0x1222, 0x1333, 0x1444, 0x1555, 0x1666, 0x1777, 0x1888, 0x1999, 0x1aaa, 0x1bbb, 0x1ccc, 0x1ddd, 0x1eee,
  -1,
];

/** A random pass. */
export const RANDOM = -1;

/**
 * gnulib randint: uniform integers below a bound from a stream of random bytes, drawing only
 * the bytes needed and keeping the unused part of each draw for the next call.
 */
export class RandInt {
  private randnum = 0;
  private randmax = 0;

  constructor(private readonly bytes: (n: number) => Promise<Uint8Array>) {}

  async choose(choices: number): Promise<number> {
    const genmax = choices - 1;
    let randnum = this.randnum;
    let randmax = this.randmax;
    for (;;) {
      if (randmax < genmax) {
        let need = 0;
        for (let rmax = randmax; rmax < genmax; need++) rmax = rmax * 256 + 255;
        const buf = await this.bytes(need);
        for (let i = 0; randmax < genmax; i++) {
          randnum = randnum * 256 + buf[i]!;
          randmax = randmax * 256 + 255;
        }
      }
      if (randmax === genmax) {
        this.randnum = this.randmax = 0;
        return randnum;
      }
      const excess = randmax - genmax;
      const unusable = excess % choices;
      const lastUsable = randmax - unusable;
      const reduced = randnum % choices;
      if (randnum <= lastUsable) {
        this.randnum = Math.floor(randnum / choices);
        this.randmax = Math.floor(excess / choices);
        return reduced;
      }
      // retry, keeping what the rejected draw says
      randnum = reduced;
      randmax = unusable - 1;
    }
  }
}

/**
 * The pass types for `num` passes: RANDOM or a pattern. Which patterns is fixed by the table;
 * the random passes are spread evenly with one first and one last (a line drawn as Bresenham
 * would); the patterns between them come in a random order (`choose(k)` is below k).
 */
export async function passTypes(num: number, choose: (k: number) => number | Promise<number>): Promise<number[]> {
  const dest: number[] = [];
  let randoms = 0;
  let n = num;
  let p = 0;
  while (n > 0) {
    if (p >= TABLE.length) p = 0;
    const k = TABLE[p++]!;
    if (k < 0) {
      const r = Math.min(-k, n);
      randoms += r;
      n -= r;
      continue;
    }
    if (k <= n) {
      dest.push(...TABLE.slice(p, p + k));
      p += k;
      n -= k;
    } else if (n < 2 || 3 * n < k) {
      randoms += n;
      n = 0;
    } else {
      // n of the k patterns of this group, picked at random
      for (let left = k; n > 0; left--, p++) {
        if (n === left || (await choose(left)) < n) {
          dest.push(TABLE[p]!);
          n--;
        }
      }
    }
  }
  let top = num - randoms;
  let accum = -1;
  for (let i = 0; i < num; i++) {
    if (accum < 0) {
      accum += num - 1;
      dest[top++] = dest[i]!;
      dest[i] = RANDOM;
    } else {
      const swap = i + (await choose(top - i));
      [dest[i], dest[swap]] = [dest[swap]!, dest[i]!];
    }
    accum -= randoms - 1;
  }
  return dest.slice(0, num);
}

/** `size` bytes of a pattern pass (the pattern repeated, every sector's first bit flipped for 0x1000 ones). */
export function patternBytes(type: number, size: number): Uint8Array {
  const bits = (type & 0xfff) | ((type & 0xfff) << 12);
  const three = [(bits >> 16) & 0xff, (bits >> 8) & 0xff, bits & 0xff];
  const buf = new Uint8Array(size);
  for (let i = 0; i < size; i++) buf[i] = three[i % 3]!;
  if (type & 0x1000) for (let i = 0; i < size; i += 512) buf[i]! ^= 0x80;
  return buf;
}

/** The name a verbose pass shows: "random" or the first three bytes in hex. */
export function passName(type: number): string {
  if (type === RANDOM) return 'random';
  return [...patternBytes(type, 3)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
