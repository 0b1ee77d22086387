// What every fuzz target shares: a seeded generator per case (so any failure replays alone from
// its target, seed and index), byte and text mutators, the report shape, and the output oracle
// that tells a real tool's message from a leaked JavaScript value.
import { Random } from '../../src/kernel/random';

/** A seeded generator with the helpers the targets use. */
export class Gen {
  private readonly r: Random;

  constructor(seed: number) {
    this.r = new Random(seed);
  }

  /** An integer in [0, n). */
  below(n: number): number {
    return n <= 0 ? 0 : this.r.below(n);
  }

  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + this.below(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.r.next() / 0x1_0000_0000 < p;
  }

  pick<T>(list: readonly T[]): T {
    if (list.length === 0) throw new Error('pick from an empty list');
    return list[this.below(list.length)]!;
  }

  bytes(n: number): Uint8Array {
    return this.r.fill(new Uint8Array(n));
  }

  next(): number {
    return this.r.next();
  }
}

/** The seed of case `index` of `target` in a run seeded `seed` (cases are independent). */
export function caseSeed(target: string, seed: number, index: number): number {
  let h = 0x811c9dc5 ^ seed;
  for (const c of `${target}:${index}`) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193);
  return (Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) ^ seed) >>> 0;
}

export interface Failure {
  target: string;
  seed: number;
  index: number;
  /** what was run (argv, file name and mutation...), enough to reproduce by hand */
  input: string;
  why: string;
}

export interface TargetReport {
  target: string;
  runs: number;
  failures: Failure[];
  /** failures matching a bug reported in code this fuzzer's owners do not own (see known.ts) */
  known: Failure[];
  /** counters worth showing (cases interrupted at their time budget, refused files, ...) */
  counts: Record<string, number>;
  ms: number;
}

export function newReport(target: string): TargetReport {
  return { target, runs: 0, failures: [], known: [], counts: {}, ms: 0 };
}

export function count(r: TargetReport, key: string, n = 1): void {
  r.counts[key] = (r.counts[key] ?? 0) + n;
}

export interface RunOptions {
  seed: number;
  count: number;
  /** the first case index (replaying one case: `first` = its index, count 1) */
  first?: number;
  /** called before each case with its index and a description (the watchdog of run.ts) */
  onCase?: (index: number, input: string) => void;
  /** only these programs (the programs target) */
  only?: string[];
  /** print each case as it runs */
  verbose?: boolean;
}

// ---- the output oracle ----

/**
 * Text a real tool never prints but leaked JavaScript does. Each is flagged only when the
 * input (argv, stdin, file contents the case wrote) does not hold it, so `echo undefined` and
 * `grep NaN file` stay legitimate.
 */
const LEAKS: { re: RegExp; what: string }[] = [
  { re: /internal error/, what: 'a program crashed (the kernel\'s "internal error")' },
  { re: /\[object [A-Z]\w*\]/, what: 'an object printed as [object ...]' },
  { re: /\bundefined\b/, what: '"undefined" printed' },
  { re: /\bNaN\b/, what: '"NaN" printed' },
  { re: /(?<![\w.-])-?Infinity\b/, what: '"Infinity" printed' },
  { re: /\b(TypeError|ReferenceError|RangeError|SyntaxError|EvalError|URIError|AggregateError)\b/, what: 'a JavaScript error name printed' },
  { re: /Maximum call stack/, what: 'a stack overflow' },
  { re: /Invalid (Date|time value)/, what: 'a JavaScript Date error printed' },
  { re: /\n\s+at [\w$.<>\s[\]]+\(?(file:|node:|\/)[^)\n]*:\d+:\d+\)?/, what: 'a JavaScript stack trace printed' },
  { re: /\.ts:\d+:\d+/, what: 'a source position printed' },
  { re: /\bfunction\s*\w*\s*\([^)]*\)\s*\{/, what: 'JavaScript source printed' },
];

/** Problems with what a case printed; `input` is everything the case fed in. */
export function leaks(output: string, input: string): string[] {
  const out: string[] = [];
  for (const { re, what } of LEAKS) {
    const m = re.exec(output);
    if (!m) continue;
    if (input.includes(m[0].trim())) continue;
    const at = m.index;
    const line = output.slice(output.lastIndexOf('\n', at) + 1, (output.indexOf('\n', at) + 1 || output.length + 1) - 1);
    out.push(`${what}: ${JSON.stringify(line.slice(0, 200))}`);
  }
  return out;
}

export function describeError(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}\n${(e.stack ?? '').split('\n').slice(1, 6).join('\n')}`;
  return String(e);
}

/** Runs `fn`, resolving 'timeout' if it has not settled after `ms` real milliseconds. */
export async function within<T>(ms: number, fn: Promise<T>): Promise<T | 'timeout'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([fn, new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Watches the event loop while `fn` runs: the longest gap between two ticks of a 10 ms interval.
 * A program in a synchronous loop blocks the worker; the gap shows it after it ends.
 */
export class LoopWatch {
  private timer: ReturnType<typeof setInterval> | undefined;
  private last = 0;
  maxGap = 0;

  start(): void {
    this.maxGap = 0;
    this.last = performance.now();
    this.timer = setInterval(() => {
      const now = performance.now();
      this.maxGap = Math.max(this.maxGap, now - this.last - 10);
      this.last = now;
    }, 10);
  }

  stop(): number {
    clearInterval(this.timer);
    const now = performance.now();
    this.maxGap = Math.max(this.maxGap, now - this.last - 10);
    return this.maxGap;
  }
}
