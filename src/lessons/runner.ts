// Keeps a lesson's checks up to date while the learner works: it evaluates them when the console
// waits for input again (a command returned to the prompt, or a full-screen program waits for a
// key), when a process of the learner's or of a service ends (a unit failing later counts), after
// a reboot, and in a cheap poll; and it tells the listener only when something changed.
import type { Machine } from '../kernel/machine';
import type { Process } from '../kernel/process';
import type { LessonStatus } from '../shared/lessons';
import { CHECKER_CGROUP } from './machine-host';
import type { LessonSession } from './session';

/** Real time (the learner's pauses), not the machine's clock. */
export interface RunnerTimers {
  /** runs fn after ms real milliseconds; returns a cancel function */
  after(ms: number, fn: () => void): () => void;
  /** monotonic real milliseconds */
  now(): number;
}

const realTimers: RunnerTimers = {
  now: () => performance.now(),
  after(ms, fn) {
    const id = setTimeout(fn, ms);
    return () => clearTimeout(id);
  },
};

/** Quiet time after a trigger before evaluating (a burst of process exits counts once). */
const SETTLE_MS = 120;
/**
 * The console waits for input after every key as well as at the prompt: evaluate once the
 * typing pauses, not on every key, and at the latest this long after the first key.
 */
const IDLE_SETTLE_MS = 300;
const IDLE_MAX_WAIT_MS = 1500;
/** The poll between triggers: cheap checks only (no command runs). */
const POLL_MS = 2500;

export class LessonRunner {
  private stopped = false;
  private pending: (() => void) | undefined;
  private pendingSince = 0;
  private pendingFull = false;
  private running: Promise<void> | undefined;
  private again: 'none' | 'cheap' | 'full' = 'none';
  private lastSent = '';
  private cancelPoll: (() => void) | undefined;
  private hookedKernel: Machine['kernel'] | undefined;
  private readonly exitListener = (p: Process): void => {
    if (p.cgroup !== CHECKER_CGROUP) this.schedule(true);
  };
  private prevOnPower: Machine['onPower'];

  constructor(
    readonly machine: Machine,
    readonly session: LessonSession,
    private readonly notify: (status: LessonStatus) => void,
    private readonly timers: RunnerTimers = realTimers,
  ) {}

  /** Hooks the machine and evaluates once. */
  async start(): Promise<void> {
    this.armIdle();
    this.hookKernel();
    this.prevOnPower = this.machine.onPower;
    this.machine.onPower = (state) => {
      this.prevOnPower?.(state);
      if (this.stopped) return;
      this.hookKernel();
      this.armIdle();
      this.schedule(true);
    };
    this.poll();
    await this.evaluateNow(true);
  }

  stop(): void {
    this.stopped = true;
    this.pending?.();
    this.cancelPoll?.();
    this.hookedKernel?.exitListeners.delete(this.exitListener);
    if (this.machine.console.onIdle === this.idle) this.machine.console.onIdle = undefined;
    this.machine.onPower = this.prevOnPower;
  }

  private readonly idle = (): void => {
    if (this.stopped) return;
    this.schedule(true, IDLE_SETTLE_MS, true);
    // the console calls onIdle once; set it again for the next prompt
    this.armIdle();
  };

  private armIdle(): void {
    const tty = this.machine.console;
    if (tty.onIdle === this.idle) return;
    const prev = tty.onIdle;
    // someone else waits for the first prompt (the services starting behind it): keep theirs
    tty.onIdle = prev ? () => {
      prev();
      this.idle();
    } : this.idle;
  }

  private hookKernel(): void {
    if (this.hookedKernel === this.machine.kernel) return;
    this.hookedKernel?.exitListeners.delete(this.exitListener);
    this.hookedKernel = this.machine.kernel;
    this.hookedKernel.exitListeners.add(this.exitListener);
  }

  private poll(): void {
    this.cancelPoll = this.timers.after(POLL_MS, () => {
      if (this.stopped) return;
      this.schedule(false, 0);
      this.poll();
    });
  }

  /**
   * Evaluates soon: `full` runs command checks too. `debounce`: a later trigger postpones the
   * evaluation (up to IDLE_MAX_WAIT_MS after the first), instead of joining it.
   */
  schedule(full: boolean, settle = SETTLE_MS, debounce = false): void {
    if (this.stopped) return;
    this.pendingFull ||= full;
    const now = this.timers.now();
    if (this.pending) {
      if (!debounce || now - this.pendingSince > IDLE_MAX_WAIT_MS) return;
      this.pending();
    } else this.pendingSince = now;
    this.pending = this.timers.after(settle, () => {
      this.pending = undefined;
      const f = this.pendingFull;
      this.pendingFull = false;
      void this.evaluateNow(f);
    });
  }

  /** Evaluates now (or right after the evaluation under way) and notifies on a change. */
  async evaluateNow(full: boolean): Promise<void> {
    if (this.running) {
      if (full) this.again = 'full';
      else if (this.again === 'none') this.again = 'cheap';
      return this.running;
    }
    this.running = (async () => {
      try {
        await this.session.evaluate(full);
        this.send();
      } catch {
        // a machine torn down mid-evaluation: nothing to report
      }
    })();
    await this.running;
    this.running = undefined;
    const again = this.again;
    this.again = 'none';
    if (again !== 'none' && !this.stopped) await this.evaluateNow(again === 'full');
  }

  private send(): void {
    if (this.stopped) return;
    const status = this.session.status();
    const key = JSON.stringify(status);
    if (key === this.lastSent) return;
    this.lastSent = key;
    this.notify(status);
  }

  /** Tells the listener now even if nothing changed since (a revealed hint). */
  resend(): void {
    this.lastSent = '';
    this.send();
  }
}
