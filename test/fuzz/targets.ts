// Every fuzz target by name, with the count `npm run fuzz` runs by default (about ten minutes
// each on a 2-core machine) and the short count npm test runs with a fixed seed.
import { fuzz as fuzzShell } from './shell-fuzz';
import { newReport, type RunOptions, type TargetReport } from './lib';
import { fuzzLessons } from './lessons-fuzz';
import { fuzzPrograms, LONG_LIMITS } from './programs-fuzz';
import { fuzzSnapshots } from './snapshot-fuzz';
import { fuzzUnits } from './units-fuzz';

export interface Target {
  /** what it fuzzes, for --list */
  about: string;
  /** cases of `npm run fuzz` */
  long: number;
  /** false: cases depend on those before (no replay of one case, no resuming after a hang) */
  indexed: boolean;
  run(opts: RunOptions): Promise<TargetReport>;
}

export const TARGETS: Record<string, Target> = {
  shell: {
    about: 'bash: generated and mutated scripts (test/fuzz/shell-fuzz.ts)',
    long: 30_000,
    indexed: false,
    async run(opts) {
      const t0 = performance.now();
      const r = await fuzzShell(opts.seed, opts.count);
      const report = newReport('shell');
      report.runs = r.runs;
      report.counts['killed at the time limit'] = r.killed;
      report.failures = r.failures.map((f, i) => ({ target: 'shell', seed: opts.seed, index: i, input: f.script, why: f.why }));
      report.ms = performance.now() - t0;
      return report;
    },
  },
  programs: {
    about: 'every registered program, argv generated from its option spec, as root and as a user',
    long: 30_000,
    indexed: true,
    run: (opts) => fuzzPrograms({ ...opts, limits: LONG_LIMITS }),
  },
  lessons: {
    about: 'the lesson loader: bundled lessons and lesson packs, mutated',
    long: 5_000,
    indexed: true,
    run: (opts) => fuzzLessons(opts),
  },
  snapshot: {
    about: 'the snapshot importer: exported machine files, mutated, then restored and probed',
    long: 1_500,
    indexed: true,
    run: (opts) => fuzzSnapshots({ ...opts, limits: LONG_LIMITS }),
  },
  units: {
    about: 'systemd unit files and networkd .network/.netdev/.link files, mutated, loaded and started',
    long: 3_000,
    indexed: true,
    run: (opts) => fuzzUnits({ ...opts, limits: LONG_LIMITS }),
  },
};
