// npm run fuzz: the long runs of every fuzz target (npm test runs short ones with fixed seeds).
//
//   npm run fuzz                                    every target, its default count, seed 1
//   npm run fuzz -- COUNT [SEED]                    the shell fuzzer alone (its original usage)
//   npm run fuzz -- --target programs --count 5000 --seed 3
//   npm run fuzz -- --target programs,units         several targets
//   npm run fuzz -- --target programs --only ls,ip  some programs only
//   npm run fuzz -- --target lessons --seed 3 --case 183   replay one case, printing it
//   npm run fuzz -- --list                          the targets
//
// Each target runs in a child process watched from here: a case that makes no progress for
// --watchdog seconds (a synchronous loop blocks the child's event loop, so it cannot report
// itself) is a hang; the child is killed, the hang recorded with its case, and the run goes on
// from the next case in a new child.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Failure, TargetReport } from './lib';
import { KNOWN } from './known';
import { TARGETS } from './targets';

interface Args {
  targets: string[];
  count: number | undefined;
  seed: number;
  first: number;
  only: string[] | undefined;
  verbose: boolean;
  watchdog: number;
  child: boolean;
  chunk: number;
  /** case indexes that hung before: the child does not run them again */
  skip: number[];
}

function parseArgs(argv: string[]): Args {
  const a: Args = { targets: [], count: undefined, seed: 1, first: 0, only: undefined, verbose: false, watchdog: 120, child: false, chunk: 250, skip: [] };
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i]!;
    const next = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${x} needs a value`);
      return v;
    };
    if (x === '--target' || x === '-t') a.targets.push(...next().split(','));
    else if (x === '--count' || x === '-n') a.count = Number(next());
    else if (x === '--seed' || x === '-s') a.seed = Number(next());
    else if (x === '--first') a.first = Number(next());
    else if (x === '--case') {
      a.first = Number(next());
      a.count = 1;
      a.verbose = true;
    } else if (x === '--only') a.only = next().split(',');
    else if (x === '--watchdog') a.watchdog = Number(next());
    else if (x === '--chunk') a.chunk = Number(next());
    else if (x === '--skip') a.skip = next().split(',').filter(Boolean).map(Number);
    else if (x === '--verbose' || x === '-v') a.verbose = true;
    else if (x === '--child') a.child = true;
    else if (x === '--list') {
      for (const [name, t] of Object.entries(TARGETS)) console.log(`${name.padEnd(9)} ${String(t.long).padStart(6)} cases  ${t.about}`);
      process.exit(0);
    } else if (/^\d+$/.test(x)) positional.push(x);
    else throw new Error(`unknown argument ${x} (see the top of test/fuzz/run.ts)`);
  }
  // the shell fuzzer's original usage: COUNT [SEED]
  if (positional.length) {
    if (!a.targets.length) a.targets = ['shell'];
    a.count ??= Number(positional[0]);
    if (positional[1] !== undefined) a.seed = Number(positional[1]);
  }
  if (!a.targets.length) a.targets = Object.keys(TARGETS);
  for (const t of a.targets) if (!TARGETS[t]) throw new Error(`no target ${t}; targets: ${Object.keys(TARGETS).join(', ')}`);
  for (const n of [a.seed, a.first, a.watchdog, a.chunk, a.count ?? 0]) if (!Number.isFinite(n) || n < 0) throw new Error('counts, seeds and indexes are numbers of 0 or more');
  return a;
}

type Message = { kind: 'case'; index: number; input: string } | { kind: 'report'; report: TargetReport } | { kind: 'beat' };

/** In the child: runs cases [first, first+count) of one target (but --skip), in chunks, reporting each. */
async function child(a: Args): Promise<void> {
  const name = a.targets[0]!;
  const t = TARGETS[name]!;
  const send = (m: Message): void => void process.send!(m);
  // a heartbeat: it stops only when the event loop is blocked (a synchronous loop), which the
  // parent's watchdog then reports; a wait that never ends is each target's own to time out
  setInterval(() => send({ kind: 'beat' }), 5000).unref();
  // FUZZ_SELFTEST_HANG=<index>: that case blocks the event loop, to see the watchdog work
  const hangAt = process.env.FUZZ_SELFTEST_HANG === undefined ? -1 : Number(process.env.FUZZ_SELFTEST_HANG);
  const onCase = (index: number, input: string): void => {
    send({ kind: 'case', index, input });
    if (index === hangAt) for (;;);
  };
  const count = a.count ?? t.long;
  const end = a.first + count;
  const skip = new Set(a.skip);
  if (!t.indexed) {
    send({ kind: 'report', report: await t.run({ seed: a.seed, count, verbose: a.verbose, onCase }) });
    process.exit(0);
  }
  for (let first = a.first; first < end; ) {
    while (skip.has(first)) first++;
    let n = 0;
    while (first + n < end && n < a.chunk && !skip.has(first + n)) n++;
    if (!n) break;
    const report = await t.run({ seed: a.seed, count: n, first, verbose: a.verbose, ...(a.only ? { only: a.only } : {}), onCase });
    send({ kind: 'report', report });
    first += n;
  }
  process.exit(0);
}

function merge(into: TargetReport, r: TargetReport): void {
  into.runs += r.runs;
  into.failures.push(...r.failures);
  into.known.push(...r.known);
  into.ms += r.ms;
  for (const [k, v] of Object.entries(r.counts)) into.counts[k] = k === 'programs' ? v : (into.counts[k] ?? 0) + v;
}

/** One target through as many children as hangs need. */
async function supervise(a: Args, name: string): Promise<TargetReport> {
  const t = TARGETS[name]!;
  const total: TargetReport = { target: name, runs: 0, failures: [], known: [], counts: {}, ms: 0 };
  const count = a.count ?? t.long;
  const end = a.first + count;
  const hung: number[] = [];
  // where the next child starts: after the last chunk reported (a hang loses its chunk's report,
  // so the chunk runs again, without the case that hung)
  let resume = a.first;
  for (;;) {
    const args = ['--child', '--target', name, '--seed', String(a.seed), '--first', String(resume), '--count', String(end - resume), '--chunk', String(a.chunk)];
    if (hung.length) args.push('--skip', hung.join(','));
    if (a.only) args.push('--only', a.only.join(','));
    if (a.verbose) args.push('--verbose');
    const c = fork(fileURLToPath(import.meta.url), args, { execArgv: ['--import', 'tsx', '--max-old-space-size=6144'], stdio: 'inherit' });
    let last: { index: number; input: string } | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const outcome = await new Promise<'done' | 'hang' | 'died'>((resolve) => {
      const arm = (): void => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          c.kill('SIGKILL');
          resolve('hang');
        }, a.watchdog * 1000);
      };
      arm();
      c.on('message', (m: Message) => {
        arm();
        if (m.kind === 'beat') return;
        if (m.kind === 'case') last = { index: m.index, input: m.input };
        else {
          merge(total, m.report);
          if (last) resume = last.index + 1;
          process.stderr.write(`  ${name}: ${total.runs} cases, ${total.failures.length} failures\n`);
        }
      });
      c.on('exit', (code) => {
        clearTimeout(timer);
        resolve(code === 0 ? 'done' : 'died');
      });
    });
    if (outcome === 'done') break;
    const f: Failure = {
      target: name, seed: a.seed, index: last?.index ?? resume, input: last?.input ?? '(before the first case)',
      why: outcome === 'hang' ? `hang: no progress for ${a.watchdog} s (a synchronous loop, or a wait that never ends)` : 'the fuzzer process died (out of memory, or a crash of Node itself)',
    };
    total.failures.push(f);
    total.runs++;
    if (!t.indexed || !last) break;
    hung.push(last.index);
    if (last.index + 1 >= end && resume > last.index) break;
  }
  return total;
}

function print(r: TargetReport, seed: number): void {
  const counts = Object.entries(r.counts).map(([k, v]) => `${k} ${v}`).join(', ');
  console.log(`\n${r.target}: ${r.runs} cases, ${r.failures.length} failures, ${r.known.length} known (reported) bugs, ${(r.ms / 1000).toFixed(1)} s${counts ? `\n  ${counts}` : ''}`);
  const show = (list: Failure[], label: string): void => {
    for (const f of list.slice(0, 30)) {
      console.log(`${label} [${f.target} #${f.index}] ${f.why.split('\n').slice(0, 6).join('\n    ')}\n  input: ${f.input.slice(0, 600)}\n  replay: npm run fuzz -- --target ${f.target} --seed ${seed} --case ${f.index}`);
    }
    if (list.length > 30) console.log(`  ... and ${list.length - 30} more`);
  };
  show(r.failures, 'FAIL');
  show(r.known, 'KNOWN');
}

const a = parseArgs(process.argv.slice(2));
if (a.child) await child(a);
else {
  const t0 = performance.now();
  const reports: TargetReport[] = [];
  for (const name of a.targets) {
    process.stderr.write(`fuzzing ${name} (seed ${a.seed})\n`);
    reports.push(await supervise(a, name));
  }
  for (const r of reports) print(r, a.seed);
  const failures = reports.reduce((n, r) => n + r.failures.length, 0);
  const known = reports.flatMap((r) => r.known);
  if (known.length) {
    console.log('\nknown bugs, reported to the owners of the code:');
    for (const k of KNOWN) {
      const n = known.filter((f) => k.matches(f)).length;
      if (n) console.log(`  ${k.id} (${n}): ${k.note}`);
    }
  }
  console.log(`\n${reports.reduce((n, r) => n + r.runs, 0)} cases, ${failures} failures, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  process.exit(failures ? 1 : 0);
}
