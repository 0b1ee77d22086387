// Epoch milliseconds and (seconds, nanoseconds) pairs.
//
// File times are epoch milliseconds in a double, which near the present keeps about a quarter
// of a microsecond: touch -d '... .123456789' would read back as .123456787. The double made
// from such an exact (seconds, nanoseconds) pair remembers the pair here, so whoever reads that
// double (stat, ls --full-time, date -r, cp -p and touch -r handing it on) gets it back exactly.
const EXACT_LIMIT = 4096;
const exact = new Map<number, { sec: number; ns: number }>();

/** Epoch milliseconds for seconds and nanoseconds, the pair kept when the double cannot hold it. */
export function timespecToMs(sec: number, ns: number): number {
  const ms = sec * 1000 + ns / 1e6;
  const back = msToTimespec(ms);
  if (back.sec !== sec || back.ns !== ns) {
    if (exact.size >= EXACT_LIMIT) exact.delete(exact.keys().next().value!);
    exact.set(ms, { sec, ns });
  }
  return ms;
}

/** Splits epoch milliseconds (possibly fractional, as the virtual clock gives) into seconds and nanoseconds. */
export function msToTimespec(ms: number): { sec: number; ns: number } {
  const known = exact.get(ms);
  if (known) return { ...known };
  const sec = Math.floor(ms / 1000);
  const ns = Math.min(999_999_999, Math.max(0, Math.round((ms - sec * 1000) * 1e6)));
  return { sec, ns };
}
