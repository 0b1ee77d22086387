import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchWorker } from '../../src/ui/watchdog';
import { HEARTBEAT_MS, isHeartbeat } from '../../src/shared/heartbeat';

/** A stand-in worker: the watchdog only listens to its messages. */
function fakeWorker(): { worker: Worker; beat: () => void; other: () => void } {
  const target = new EventTarget();
  let n = 0;
  const send = (data: unknown): void => void target.dispatchEvent(new MessageEvent('message', { data }));
  return { worker: target as unknown as Worker, beat: () => send({ photonHeartbeat: ++n }), other: () => send({ id: 'x', type: 'RETURN' }) };
}

describe('the machine watchdog', () => {
  let clock = 0;
  beforeEach(() => {
    vi.useFakeTimers();
    clock = 0;
  });
  afterEach(() => vi.useRealTimers());
  const advance = (ms: number): void => {
    for (let t = 0; t < ms; t += HEARTBEAT_MS) {
      clock += HEARTBEAT_MS;
      vi.advanceTimersByTime(HEARTBEAT_MS);
    }
  };

  it('calls a worker stuck after a silence, and not stuck when it beats again', () => {
    const w = fakeWorker();
    const seen: boolean[] = [];
    const stop = watchWorker(w.worker, (s) => seen.push(s), { stuckAfterMs: 5000, now: () => clock, visible: () => true });
    for (let k = 0; k < 10; k++) {
      advance(1000);
      w.beat();
    }
    expect(seen).toEqual([]);
    // comlink's own messages are not heartbeats
    for (let k = 0; k < 7; k++) {
      advance(1000);
      w.other();
    }
    expect(seen).toEqual([true]);
    advance(3000);
    expect(seen).toEqual([true]);
    w.beat();
    expect(seen).toEqual([true, false]);
    stop();
    advance(20_000);
    expect(seen).toEqual([true, false]);
  });

  it('does not count time the page spent hidden', () => {
    const w = fakeWorker();
    const seen: boolean[] = [];
    let visible = false;
    watchWorker(w.worker, (s) => seen.push(s), { stuckAfterMs: 5000, now: () => clock, visible: () => visible });
    advance(60_000);
    visible = true;
    advance(3000);
    expect(seen).toEqual([]);
    advance(3000);
    expect(seen).toEqual([true]);
  });

  it('recognises the heartbeat message only', () => {
    expect(isHeartbeat({ photonHeartbeat: 3 })).toBe(true);
    expect(isHeartbeat({ id: 'a' })).toBe(false);
    expect(isHeartbeat(null)).toBe(false);
  });
});
