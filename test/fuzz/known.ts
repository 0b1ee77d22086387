// Failures the fuzzers find in code outside this fuzzer's owners' reach, reported with a
// reproducer to those who own it. They are counted and listed apart (npm run fuzz shows them),
// and do not fail npm test; remove an entry once its fix lands, and the fuzzers guard the fix.
import type { Failure } from './lib';

export interface KnownBug {
  id: string;
  /** where the bug is and how to see it */
  note: string;
  matches(f: Failure): boolean;
}

export const KNOWN: KnownBug[] = [
];

export function knownBug(f: Failure): KnownBug | undefined {
  return KNOWN.find((k) => k.matches(f));
}
