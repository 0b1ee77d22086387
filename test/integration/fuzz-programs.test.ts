// A short, fixed-seed run of the programs fuzzer (test/fuzz/programs-fuzz.ts): every registered
// program once, with arguments generated from its option spec, on booted machines. The long run
// with any seed: npm run fuzz -- --target programs [--count N] [--seed S]. A failure prints the
// command line; replay it alone with --case (see test/fuzz/run.ts).
import { describe, expect, it } from 'vitest';
import { programs } from '../../src/programs/registry';
import { fuzzPrograms } from '../fuzz/programs-fuzz';

describe('fuzzing every program', () => {
  it('survives generated arguments: no JavaScript error, leaked value, hang or dead machine', async () => {
    const r = await fuzzPrograms({ seed: 20260115, count: programs.size });
    expect(r.failures.map((f) => `#${f.index} ${f.why}\n    ${f.input}`)).toEqual([]);
    expect(r.runs).toBe(programs.size);
    expect(r.counts.programs).toBe(programs.size);
  }, 120_000);
});
