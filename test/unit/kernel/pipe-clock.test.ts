import { describe, expect, it } from 'vitest';
import { Clock, MAX_HOST_TIMER_MS } from '../../../src/kernel/clock';
import { Pipe, PIPE_CAPACITY } from '../../../src/kernel/pipe';
import { Random } from '../../../src/kernel/random';

describe('pipe', () => {
  it('is bounded: a writer gets only the room there is', () => {
    const p = new Pipe();
    expect(p.put(new Uint8Array(PIPE_CAPACITY + 10))).toBe(PIPE_CAPACITY);
    expect(p.room).toBe(0);
    expect(p.take(10)!.length).toBe(10);
    expect(p.room).toBe(10);
  });

  it('wakes a waiting reader when data arrives', async () => {
    const p = new Pipe();
    const got = p.waitData().then(() => p.take(100));
    p.put(new Uint8Array([1, 2, 3]));
    expect([...(await got)!]).toEqual([1, 2, 3]);
  });
});

describe('virtual clock', () => {
  const host = { monotonic: () => 0, setTimer: () => () => {} };

  it('fires timers in order when advanced, and only then', () => {
    const c = new Clock('manual', 1_000_000, host);
    const fired: string[] = [];
    c.after(5000, () => fired.push('5s'));
    c.after(1000, () => fired.push('1s'));
    c.advance(999);
    expect(fired).toEqual([]);
    c.advance(4001);
    expect(fired).toEqual(['1s', '5s']);
    expect(c.now()).toBe(1_005_000);
  });

  it('never asks the host for a timer longer than setTimeout keeps, and re-arms until the time comes', () => {
    let real = 0;
    const armed: { ms: number; fn: () => void }[] = [];
    const c = new Clock('realtime', 0, { monotonic: () => real, setTimer: (ms, fn) => (armed.push({ ms, fn }), () => {}) });
    const fired: number[] = [];
    c.after(3_000_000_000, () => fired.push(c.now())); // about 35 days: sleep 3000000
    expect(armed.at(-1)!.ms).toBe(MAX_HOST_TIMER_MS);
    real = MAX_HOST_TIMER_MS;
    armed.at(-1)!.fn();
    expect(fired).toEqual([]);
    expect(armed.at(-1)!.ms).toBe(3_000_000_000 - MAX_HOST_TIMER_MS);
    real = 3_000_000_000;
    armed.at(-1)!.fn();
    expect(fired).toEqual([3_000_000_000]);
  });
});

describe('seeded random', () => {
  it('repeats the same sequence for the same seed', () => {
    const a = new Random(42);
    const b = new Random(42);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(new Random(43).next()).not.toBe(xs[0]);
  });
});
