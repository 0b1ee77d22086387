// CPU time for the cooperative scheduler. One process runs at a time in the worker, and it
// enters the kernel (a system call, or ctx.tick() at a loop head) every few microseconds
// while it computes. So the time from one process's entry to the next entry of another
// process, or to the moment it blocks, is time it spent on the CPU. A process that stops
// entering the kernel is charged at most GRACE_MS past its last entry (it may be awaiting
// something that is not a system call). Times are on the machine's clock; only a clock that
// follows real time ('realtime', the browser) accounts: the headless clocks jump or stand
// still, and their output must stay reproducible, so there every time stays 0.
import type { Clock } from './clock';
import type { Process } from './process';

/** The simulated VM's processors (see /proc/cpuinfo); a process runs on cpu pid % CPUS. */
export const CPUS = 2;
/** How long after its last kernel entry a process still counts as on the CPU. */
const GRACE_MS = 10;
/** How recently a process must have run, and not be blocked, to count as runnable (R). */
const RUNNABLE_MS = 100;
/** calc_load's decay per 5-second sample for the 1, 5 and 15 minute averages. */
const DECAY = [Math.exp(-5 / 60), Math.exp(-5 / 300), Math.exp(-5 / 900)];

export class CpuTime {
  private cur: Process | undefined;
  private start = 0;
  private last = 0;
  /** Per CPU: milliseconds of [user, nice] time charged so far (ended processes included). */
  private readonly perCpu: [number, number][] = Array.from({ length: CPUS }, (): [number, number] => [0, 0]);
  private readonly load = { at: 0, avg: [0, 0, 0] };
  readonly enabled: boolean;

  constructor(private readonly clock: Clock) {
    this.enabled = clock.mode === 'realtime';
    this.load.at = clock.now();
  }

  /** `p` entered the kernel: it is the process on the CPU. */
  touch(p: Process): void {
    if (!this.enabled) return;
    const now = this.clock.now();
    if (this.cur !== p || now - this.last > GRACE_MS) {
      this.close(now);
      this.cur = p;
      this.start = now;
    }
    this.last = now;
    p.lastRan = now;
  }

  /** `p` blocks or ends: its time on the CPU stops here. */
  stop(p: Process): void {
    if (this.cur === p) this.close(this.clock.now());
  }

  private close(now: number): void {
    const p = this.cur;
    if (!p) return;
    const ms = this.open(now);
    this.cur = undefined;
    p.cpuMs += ms;
    this.perCpu[p.pid % CPUS]![p.nice > 0 ? 1 : 0] += ms;
  }

  /** The running slice's length so far. */
  private open(now: number): number {
    return this.cur ? Math.max(0, Math.min(now, this.last + GRACE_MS) - this.start) : 0;
  }

  /** Milliseconds of CPU `p` has used, the slice it is running now included. */
  used(p: Process): number {
    return p.cpuMs + (this.cur === p ? this.open(this.clock.now()) : 0);
  }

  /** Per CPU: [user, nice] milliseconds since boot, the running slice included. */
  totals(): [number, number][] {
    const t = this.perCpu.map(([u, n]): [number, number] => [u, n]);
    const p = this.cur;
    if (p) t[p.pid % CPUS]![p.nice > 0 ? 1 : 0] += this.open(this.clock.now());
    return t;
  }

  /** Ran within the last moments and waits for nothing: a task in state R. */
  runnable(p: Process): boolean {
    return this.enabled && p.state === 'running' && p.blockers.size === 0 && this.clock.now() - p.lastRan < RUNNABLE_MS;
  }

  /**
   * The 1, 5 and 15 minute load averages: the number of runnable tasks, sampled every 5
   * seconds and decayed as calc_load does. Samples are taken when someone looks, with the
   * count of that moment standing for the samples missed since.
   */
  loadAverage(running: number): number[] {
    const now = this.clock.now();
    const samples = Math.min(10_000, Math.floor((now - this.load.at) / 5000));
    if (samples > 0) {
      this.load.at += samples * 5000;
      this.load.avg = this.load.avg.map((a, i) => {
        const d = DECAY[i]! ** samples;
        return a * d + running * (1 - d);
      });
    }
    return this.load.avg;
  }
}
