// Short, fixed-seed runs of the fuzzers of what reads learner- or teacher-made files: the lesson
// loader and lesson packs, the snapshot importer (then the restored machine), and systemd's and
// networkd's unit and network files. The long runs: npm run fuzz -- --target lessons|snapshot|units.
import { describe, expect, it } from 'vitest';
import type { TargetReport } from '../fuzz/lib';
import { fuzzLessons } from '../fuzz/lessons-fuzz';
import { fuzzSnapshots } from '../fuzz/snapshot-fuzz';
import { fuzzUnits } from '../fuzz/units-fuzz';

const failures = (r: TargetReport): string[] => r.failures.map((f) => `#${f.index} ${f.why}\n    ${f.input.slice(0, 500)}`);

describe('fuzzing the loaders', () => {
  it('the lesson loader answers every mutated lesson and pack with problems or a sound lesson', async () => {
    const r = await fuzzLessons({ seed: 20260115, count: 60 });
    expect(failures(r)).toEqual([]);
    expect(r.counts['refused with problems']).toBeGreaterThan(0);
    expect(r.counts['changed lessons accepted']).toBeGreaterThan(0);
  }, 120_000);

  it('the snapshot importer refuses damaged machine files clearly or restores a working machine', async () => {
    const r = await fuzzSnapshots({ seed: 20260115, count: 20 });
    expect(failures(r)).toEqual([]);
    expect(r.counts.refused).toBeGreaterThan(0);
    expect(r.counts['machines restored']).toBeGreaterThan(0);
  }, 120_000);

  it('the service manager and networkd log mutated unit and network files and go on', async () => {
    const r = await fuzzUnits({ seed: 20260115, count: 40 });
    expect(failures(r)).toEqual([]);
    expect(r.counts['cases with file:line warnings']).toBeGreaterThan(0);
  }, 120_000);
});
