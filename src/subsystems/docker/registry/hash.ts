// Deterministic stand-ins for content digests: the same seed always gives the same 64 hex digits
// (no randomness, no clock), so image IDs and layer digests are stable across boots, snapshots
// and tests. Eight 32-bit lanes of FNV-1a, each finished with murmur3's fmix32 for spread.

function fnv1a(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

/** 64 lowercase hex digits derived from `seed`. */
export function hex64(seed: string): string {
  let out = '';
  for (let lane = 0; lane < 8; lane++) out += fmix32(fnv1a(seed, Math.imul(lane + 1, 0x9e3779b9))).toString(16).padStart(8, '0');
  return out;
}

/** `sha256:` and 64 hex digits derived from `seed`. */
export function digestOf(seed: string): string {
  return `sha256:${hex64(seed)}`;
}

/** A number in [0, n) derived from `seed` (for sizes that only need to look irregular). */
export function spread(seed: string, n: number): number {
  return fmix32(fnv1a(seed, 0x5bd1e995)) % n;
}
