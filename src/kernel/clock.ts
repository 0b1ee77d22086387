// The machine's one clock. Nothing else in the kernel or subsystems reads Date.now.
//
// Modes:
// - 'realtime': virtual time follows real elapsed time (the browser);
// - 'manual':   time moves only when the host calls advance() (tests);
// - 'skip':     follows real time, but when every process is idle waiting for a timer
//               the clock jumps to that timer (the headless CLI: `sleep 5` returns at once
//               with the clock 5 s later).

export type ClockMode = 'realtime' | 'manual' | 'skip';

interface Timer {
  at: number;
  seq: number;
  fire: () => void;
}

export interface HostTime {
  /** Monotonic real milliseconds (performance.now). */
  monotonic(): number;
  /** Schedules a real callback; returns a cancel function. */
  setTimer(ms: number, fn: () => void): () => void;
}

/**
 * The longest real timer a host keeps: setTimeout takes a signed 32-bit delay and fires at once
 * for anything longer (browsers) or after 1 ms (Node). A later timer is re-armed when this fires.
 */
export const MAX_HOST_TIMER_MS = 0x7fffffff;

export class Clock {
  private offset: number;
  private readonly realStart: number;
  private timers: Timer[] = [];
  private seq = 0;
  private cancelReal: (() => void) | undefined;
  /** Bumped by the kernel on every syscall; the 'skip' mode jumps only when it stops moving. */
  activity = 0;
  /** Work in progress that is not a syscall (a program's code loading): no jumping meanwhile. */
  busy = 0;
  private idleProbe: (() => void) | undefined;

  constructor(
    readonly mode: ClockMode,
    start: number,
    private readonly host: HostTime,
  ) {
    this.realStart = host.monotonic();
    this.offset = start;
  }

  /**
   * Holds a skipping clock still until `work` settles: code being fetched (a lazily loaded
   * chunk) is work in progress, not idleness, even though no syscall happens meanwhile.
   */
  hold<T>(work: Promise<T>): Promise<T> {
    this.busy++;
    return work.finally(() => this.busy--);
  }

  /**
   * Milliseconds since the epoch, virtual, as the machine booted with it: the time base of its
   * timers and of its uptime (CLOCK_MONOTONIC's, moved to the epoch). Setting the time of day
   * does not move it.
   */
  now(): number {
    if (this.mode === 'manual') return this.offset;
    return this.offset + (this.host.monotonic() - this.realStart);
  }

  /** What clock_settime(CLOCK_REALTIME) added to now(): the time of day is now() plus this. */
  private wallDelta = 0;

  /** The time of day (CLOCK_REALTIME), in milliseconds since the epoch: what date and file times read. */
  realtime(): number {
    return this.now() + this.wallDelta;
  }

  /** clock_settime(CLOCK_REALTIME): the time of day jumps to `ms`; timers and uptime go on. */
  setRealtime(ms: number): void {
    this.wallDelta = ms - this.now();
  }

  /** Milliseconds since boot. */
  uptime(bootedAt: number): number {
    return this.now() - bootedAt;
  }

  /** Runs `fire` once `ms` virtual milliseconds have passed; returns a cancel function. */
  after(ms: number, fire: () => void): () => void {
    const timer: Timer = { at: this.now() + Math.max(0, ms), seq: this.seq++, fire };
    this.timers.push(timer);
    this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
    this.reschedule();
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
      this.reschedule();
    };
  }

  /** Moves virtual time forward by `ms`, firing due timers in order. */
  advance(ms: number): void {
    const target = this.now() + ms;
    for (let guard = 0; guard < 1_000_000; guard++) {
      const next = this.timers[0];
      if (!next || next.at > target) break;
      this.offset += next.at - this.now();
      this.timers.shift();
      next.fire();
    }
    this.offset += target - this.now();
    this.reschedule();
  }

  pendingTimers(): number {
    return this.timers.length;
  }

  /**
   * Stops time for good: no timer fires again and no host timer stays armed (a machine that is
   * done with, such as a test's, then costs nothing while it waits to be collected).
   */
  stop(): void {
    this.stopped = true;
    this.timers = [];
    this.cancelReal?.();
    this.cancelReal = undefined;
    this.idleProbe?.();
    this.idleProbe = undefined;
  }
  private stopped = false;

  private fireDue(): void {
    const now = this.now();
    while (this.timers.length > 0 && this.timers[0]!.at <= now) this.timers.shift()!.fire();
    this.reschedule();
  }

  private reschedule(): void {
    this.cancelReal?.();
    this.cancelReal = undefined;
    if (this.mode === 'manual' || this.stopped) return;
    const next = this.timers[0];
    if (!next) return;
    this.cancelReal = this.host.setTimer(Math.min(MAX_HOST_TIMER_MS, Math.max(0, next.at - this.now())), () => this.fireDue());
    if (this.mode === 'skip') this.probeIdle();
  }

  /** 'skip' mode: if no syscall happened across a few real turns, jump to the next timer. */
  private probeIdle(): void {
    if (this.idleProbe) return;
    let seen = this.activity;
    let quiet = 0;
    const check = (): void => {
      this.idleProbe = undefined;
      const next = this.timers[0];
      if (!next) return;
      if (this.activity === seen && this.busy === 0) quiet++;
      else {
        quiet = 0;
        seen = this.activity;
      }
      if (quiet >= 3) {
        const jump = next.at - this.now();
        if (jump > 0) this.offset += jump;
        this.fireDue();
        return;
      }
      this.idleProbe = this.host.setTimer(1, check);
    };
    this.idleProbe = this.host.setTimer(1, check);
  }
}
