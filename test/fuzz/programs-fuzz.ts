// Fuzzing every registered program with arguments generated from its option spec
// (program-args.ts), on booted machines, as root or as an unprivileged user, with stdin from
// /dev/null or a small pipe. A case fails when the kernel or the machine dies, a program throws
// a JavaScript exception (caught at the registry: every program's run is wrapped) or returns an
// exit status outside 0..255, output shows a leaked JavaScript value (lib.ts leaks), the worker's
// event loop is blocked, or the machine does not come back after SIGKILL. A program still
// running at its budget (virtual time, real time, output) gets SIGINT, then SIGKILL: vim, top,
// tail -f, yes and the daemons are interrupted that way, which is not a failure.
import { Machine } from '../../src/kernel/machine';
import type { Program } from '../../src/programs/define';
import type { ProgramEntry } from '../../src/programs/entry';
import { programs } from '../../src/programs/registry';
import { SIGNALS } from '../../src/shared/signals';
import { preinstallPrograms } from '../fixtures/tdnf/preinstall';
import { knownBug } from './known';
import { caseSeed, count, describeError, Gen, leaks, LoopWatch, newReport, within, type RunOptions, type TargetReport } from './lib';
import { commandLine, FIXTURE_DIR, FUZZ_USER, generateCase, quote, SETUP_SCRIPT, type ProgramCase } from './program-args';
import { vocabularies, type Vocab } from './program-vocab';

const RUN_CGROUP = '/user.slice/user-0.slice/session-c1.scope';
const decoder = new TextDecoder();

export interface ProgramLimits {
  /** virtual milliseconds a case may run before SIGINT */
  virtualMs: number;
  /** real milliseconds a case may run before SIGINT */
  realMs: number;
  /** output bytes before SIGINT (yes, cat /dev/zero) */
  outputBytes: number;
  /** after SIGINT, real milliseconds before SIGKILL */
  graceMs: number;
  /** after SIGKILL, real milliseconds before the case counts as a hang */
  hangMs: number;
  /** the longest the event loop may be blocked in one stretch */
  blockMs: number;
  /** cases run on one machine before a fresh one boots */
  casesPerMachine: number;
}

// blockMs is generous: two fuzzers (or vitest's workers) share two cores, and a garbage
// collection of a few hundred MB pauses too; a synchronous loop blocks for far longer
export const SHORT_LIMITS: ProgramLimits = { virtualMs: 20_000, realMs: 1500, outputBytes: 1 << 20, graceMs: 400, hangMs: 4000, blockMs: 2500, casesPerMachine: 40 };
export const LONG_LIMITS: ProgramLimits = { virtualMs: 30_000, realMs: 4000, outputBytes: 2 << 20, graceMs: 800, hangMs: 8000, blockMs: 3000, casesPerMachine: 60 };

/**
 * Loads every program's code before the cases: tsx and vitest compile a module the first time it
 * is imported, which blocks the event loop for a moment that must not count against a case.
 */
export async function loadAllPrograms(): Promise<void> {
  for (const e of programs.values()) await e.load();
}

// ---- watching every program through the registry ----

interface Observed {
  exceptions: string[];
  badExits: string[];
}
let observed: Observed | undefined;

function instrument(p: Program): Program {
  return {
    ...p,
    async run(sys) {
      try {
        const code = await p.run(sys);
        if (!(Number.isInteger(code) && code >= 0 && code <= 255)) observed?.badExits.push(`${p.name} (${JSON.stringify(sys.argv).slice(0, 200)}) returned exit status ${String(code)}`);
        return code;
      } catch (e) {
        // ProcessExit (exit()) and ProcessKilled (a killed process unwinding) are how processes end
        if (!(e instanceof Error && (e.name === 'ProcessExit' || e.name === 'ProcessKilled'))) {
          observed?.exceptions.push(`${p.name} (${JSON.stringify(sys.argv).slice(0, 200)}) threw ${describeError(e)}`);
        }
        throw e;
      }
    },
  };
}

/** Wraps every registry entry's program; returns the undo. */
export function instrumentRegistry(): () => void {
  const saved = new Map<ProgramEntry, ProgramEntry['load']>();
  for (const e of programs.values()) {
    const load = e.load;
    saved.set(e, load);
    let wrapped: Promise<Program> | undefined;
    e.load = () => (wrapped ??= load().then(instrument));
  }
  return () => {
    for (const [e, load] of saved) e.load = load;
  };
}

// ---- machines ----

export async function bootMachine(seed: number): Promise<Machine> {
  const m = new Machine({ clock: 'skip', seed });
  // every program present, also those not in the minimal install (man, tar, docker's)
  preinstallPrograms(m, [...new Set([...programs.values()].map((p) => p.pkg ?? ''))]);
  await m.booted;
  let err = '';
  const code = await m.run(['/bin/bash', '-c', SETUP_SCRIPT], { stdout: () => {}, stderr: (b) => (err += decoder.decode(b)) });
  if (code !== 0) throw new Error(`the fuzz fixture failed (${code}): ${err}`);
  return m;
}

function fixturePresent(m: Machine): boolean {
  try {
    const vfs = m.kernel.vfs;
    return vfs.lookup(FIXTURE_DIR)?.type === 'dir' && vfs.lookup('/bin/bash') !== undefined && vfs.lookup('/usr/bin/sudo') !== undefined && vfs.lookup('/dev/null')?.type === 'chardev';
  } catch {
    return false;
  }
}

// ---- one case ----

export interface Outcome {
  failures: string[];
  interrupted: boolean;
  recycle: string | undefined;
  code: number | undefined;
  stdout: string;
  stderr: string;
  wallMs: number;
}

function argvFor(c: ProgramCase): string[] {
  const sudo = c.user === 'root' ? '' : `sudo -u ${c.user} -- `;
  if (c.stdin !== undefined) return ['/bin/bash', '-c', `printf '%s' ${quote(c.stdin)} | exec ${sudo}"$0" "$@"`, c.argv0, ...c.args];
  return c.user === 'root' ? [c.argv0, ...c.args] : ['/usr/bin/sudo', '-u', c.user, '--', c.argv0, ...c.args];
}

/**
 * What a real program prints that looks like leaked JavaScript: Python's own exceptions are
 * called SyntaxError, TypeError, ... (the python3 of the container images).
 */
const LEGIT_OUTPUT: Record<string, RegExp> = {
  python3: /^a JavaScript error name printed: .*\b(SyntaxError|TypeError|ReferenceError|RangeError)\b/,
};

export async function runProgramCase(m: Machine, c: ProgramCase, limits: ProgramLimits): Promise<Outcome> {
  const o = await runArgv(m, argvFor(c), `${c.argv0}\n${c.args.join('\n')}\n${c.stdin ?? ''}`, limits, FIXTURE_DIR);
  const legit = LEGIT_OUTPUT[c.program];
  if (legit) o.failures = o.failures.filter((f) => !legit.test(f));
  return o;
}

/**
 * Runs `argv` as root on `m` within `limits` (SIGINT, then SIGKILL, at the budget) and says what
 * went wrong: exceptions and bad exit statuses of programs (with the registry instrumented),
 * leaked JavaScript in the output (`input` is what the case fed in), a blocked event loop, a hang,
 * the machine's death.
 */
export async function runArgv(m: Machine, argv: string[], input: string, limits: ProgramLimits, cwd: string): Promise<Outcome> {
  const k = m.kernel;
  const before = new Set(k.procs.keys());
  const out: Outcome = { failures: [], interrupted: false, recycle: undefined, code: undefined, stdout: '', stderr: '', wallMs: 0 };
  let outBytes = 0;
  // one decoder per stream: a character split between two chunks stays whole
  const decoders = { out: new TextDecoder(), err: new TextDecoder() };
  const keep = (s: string, b: Uint8Array, d: TextDecoder): string => (s.length < 65536 ? s + d.decode(b, { stream: true }) : s);
  observed = { exceptions: [], badExits: [] };
  const watch = new LoopWatch();
  watch.start();
  const t0 = performance.now();
  const v0 = k.clock.now();
  let settled: { code?: number; error?: unknown } | undefined;
  const run = m.run(argv, {
    stdout: (b) => {
      outBytes += b.length;
      out.stdout = keep(out.stdout, b, decoders.out);
    },
    stderr: (b) => {
      outBytes += b.length;
      out.stderr = keep(out.stderr, b, decoders.err);
    },
    cwd,
  }).then((code) => (settled = { code }), (error: unknown) => (settled = { error }));
  const ours = (): number[] => [...k.procs.values()].filter((p) => !before.has(p.pid) && p.state !== 'zombie' && p.cgroup === RUN_CGROUP).map((p) => p.pid);
  // the budget
  while (!settled) {
    await within(2, run);
    if (settled) break;
    if (m.kernel !== k || m.power === 'off') break;
    // (the skipping clock also leaps while a program's code is compiled on the fly by tsx or
    // vitest, with no syscall to show it is busy: virtual time alone is not enough)
    const real = performance.now() - t0;
    if (real > limits.realMs || (k.clock.now() - v0 > limits.virtualMs && real > 500) || outBytes > limits.outputBytes) {
      out.interrupted = true;
      const groups = new Set(ours().map((pid) => k.procs.get(pid)!.pgid));
      for (const g of groups) k.signalGroup(g, SIGNALS.SIGINT);
      await within(limits.graceMs, run);
      if (settled) break;
      for (const pid of ours()) {
        const p = k.procs.get(pid);
        if (p) k.signal(p, SIGNALS.SIGKILL);
      }
      await within(limits.hangMs / 2, run);
      if (settled) break;
      // anything this case started, wherever it went
      for (const p of [...k.procs.values()]) if (!before.has(p.pid) && p.pid !== 1) k.signal(p, SIGNALS.SIGKILL);
      await within(limits.hangMs / 2, run);
      if (!settled) {
        out.failures.push(`hang: the case did not end after SIGKILL (procs: ${[...k.procs.values()].filter((p) => !before.has(p.pid)).map((p) => `${p.pid}:${p.comm}:${p.state}`).join(' ')})`);
        out.recycle = 'hang';
      }
      break;
    }
  }
  if (!settled && (m.kernel !== k || m.power === 'off')) await within(limits.hangMs, run);
  out.wallMs = performance.now() - t0;
  const gap = watch.stop();
  const s = settled as { code?: number; error?: unknown } | undefined;
  if (s?.error !== undefined) {
    const e = s.error;
    // the program file itself was removed or made unrunnable by an earlier case
    if (e instanceof Error && e.name === 'SysError') out.recycle = `cannot run: ${e.message}`;
    else out.failures.push(`Machine.run threw ${describeError(e)}`);
  }
  out.code = s?.code;
  if (out.code !== undefined && !(out.code >= 0 && out.code <= 255)) out.failures.push(`exit status ${out.code}`);
  if (gap > limits.blockMs) out.failures.push(`the event loop was blocked for ${Math.round(gap)} ms`);
  for (const e of observed.exceptions) out.failures.push(`JavaScript exception: ${e}`);
  for (const e of observed.badExits) out.failures.push(`exit status out of range: ${e}`);
  observed = undefined;
  for (const l of leaks(`${out.stdout}\n${out.stderr}`, input)) out.failures.push(l);
  // the machine afterwards
  if (m.kernel !== k || m.power === 'off') out.recycle ??= 'power';
  else if (!k.procs.has(1)) {
    out.failures.push('init (pid 1) died');
    out.recycle = 'init died';
  } else if (cwd === FIXTURE_DIR && !fixturePresent(m)) out.recycle ??= 'fixture gone';
  return out;
}

// ---- the target ----

export interface ProgramsFuzzOptions extends RunOptions {
  limits?: ProgramLimits;
}

/** Case `index` of a run: the program (in registry order, round robin) and its arguments. */
export function programCase(vocabs: Vocab[], seed: number, index: number): ProgramCase {
  const v = vocabs[index % vocabs.length]!;
  const g = new Gen(caseSeed('programs', seed, index));
  const aliases = programs.get(v.name)?.aliases ?? [];
  return generateCase(g, v, aliases);
}

export async function fuzzPrograms(opts: ProgramsFuzzOptions): Promise<TargetReport> {
  const report = newReport('programs');
  const limits = opts.limits ?? SHORT_LIMITS;
  const t0 = performance.now();
  const all = [...(await vocabularies()).values()];
  const vocabs = opts.only?.length ? all.filter((v) => opts.only!.includes(v.name)) : all;
  if (!vocabs.length) throw new Error(`no such program: ${opts.only?.join(' ')}`);
  await loadAllPrograms();
  const undo = instrumentRegistry();
  let current: { index: number; input: string } | undefined;
  const stray: string[] = [];
  const onStray = (e: unknown): void => void stray.push(describeError(e));
  process.on('unhandledRejection', onStray);
  process.on('uncaughtException', onStray);
  let machine: Machine | undefined;
  let onMachine = 0;
  const perProgram = new Map<string, { runs: number; interrupted: number; maxMs: number }>();
  try {
    const first = opts.first ?? 0;
    for (let index = first; index < first + opts.count; index++) {
      const c = programCase(vocabs, opts.seed, index);
      const input = commandLine(c);
      current = { index, input };
      opts.onCase?.(index, input);
      if (opts.verbose) console.log(`[${index}] ${input}`);
      if (!machine || onMachine >= limits.casesPerMachine) {
        machine = await bootMachine(opts.seed + index);
        onMachine = 0;
        count(report, 'machines');
      }
      onMachine++;
      const o = await runProgramCase(machine, c, limits);
      report.runs++;
      const stat = perProgram.get(c.program) ?? { runs: 0, interrupted: 0, maxMs: 0 };
      stat.runs++;
      stat.maxMs = Math.max(stat.maxMs, o.wallMs);
      if (o.interrupted) {
        stat.interrupted++;
        count(report, 'interrupted at the budget');
      }
      perProgram.set(c.program, stat);
      if (c.user !== 'root') count(report, `as ${FUZZ_USER}`);
      if (c.stdin !== undefined) count(report, 'stdin from a pipe');
      for (const e of stray.splice(0)) o.failures.push(`unhandled rejection or exception: ${e}`);
      for (const why of o.failures) {
        const f = { target: 'programs', seed: opts.seed, index, input: `${input}   # exit ${String(o.code)}; stdout ${JSON.stringify(o.stdout.slice(0, 300))}; stderr ${JSON.stringify(o.stderr.slice(0, 300))}`, why };
        (knownBug(f) ? report.known : report.failures).push(f);
      }
      if (o.recycle) {
        count(report, `machine replaced (${o.recycle.replace(/:.*/, '')})`);
        machine = undefined;
      }
    }
  } finally {
    process.off('unhandledRejection', onStray);
    process.off('uncaughtException', onStray);
    undo();
  }
  void current;
  report.counts.programs = vocabs.length;
  const slow = [...perProgram].filter(([, s]) => s.interrupted > 0).map(([n, s]) => `${n} ${s.interrupted}/${s.runs}`);
  if (slow.length) (report as TargetReport & { interruptedPrograms?: string[] }).interruptedPrograms = slow;
  report.ms = performance.now() - t0;
  return report;
}
