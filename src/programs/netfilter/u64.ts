// Packet and byte counters are unsigned 64-bit in the kernel; the simulator keeps them as
// numbers (exact up to 2^53). These helpers read them as sscanf("%llu") does and print them as
// the C code does, so the largest value (what "-1" or an overflowing number gives) comes out
// exactly and the K/M/G/T rounding wraps around as in C.
const MASK = (1n << 64n) - 1n;

/** sscanf "%llu": blanks, a sign, digits (a minus negates modulo 2^64; overflow gives the maximum). */
export function scanU64(s: string): number | null {
  const m = /^[ \t\n\v\f\r]*([+-]?)(\d+)/.exec(s);
  if (!m) return null;
  let v = BigInt(m[2]!);
  if (v > MASK) v = MASK;
  else if (m[1] === '-') v = (-v) & MASK;
  return Number(v);
}

/** The exact unsigned value a counter stands for. */
export function u64(n: number): bigint {
  return n >= 2 ** 64 ? MASK : BigInt(Math.max(0, Math.trunc(n)));
}

export function u64Text(n: number): string {
  return u64(n).toString();
}

/** xtables_print_num's rounding: (n + 500) / 1000 in unsigned 64-bit arithmetic. */
export function roundThousand(n: bigint): bigint {
  return ((n + 500n) & MASK) / 1000n;
}
