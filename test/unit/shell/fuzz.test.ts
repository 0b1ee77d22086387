// A short, fixed-seed run of the shell fuzzer (the long run: npm run fuzz).
import { describe, expect, it } from 'vitest';
import { fuzz } from '../../fuzz/shell-fuzz';

describe('shell fuzzing', () => {
  it('survives 600 generated and mutated scripts', async () => {
    const r = await fuzz(20261126, 600);
    expect(r.failures).toEqual([]);
    expect(r.runs).toBe(600);
  }, 120_000);
});
