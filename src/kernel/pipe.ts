// A pipe: a bounded byte queue. A reader waits for data, a writer waits for room, and the
// last writer's close gives readers EOF. Writing with no reader left is EPIPE (the caller
// raises SIGPIPE).

import { concatBytes } from '../shared/bytes';

export const PIPE_CAPACITY = 65536;

type Waiter = () => void;

export class Pipe {
  private chunks: Uint8Array[] = [];
  private length = 0;
  readers = 0;
  writers = 0;
  private dataWaiters: Waiter[] = [];
  private roomWaiters: Waiter[] = [];

  get buffered(): number {
    return this.length;
  }

  get room(): number {
    return PIPE_CAPACITY - this.length;
  }

  /** Takes up to `max` bytes; undefined if empty. */
  take(max: number): Uint8Array | undefined {
    if (this.length === 0) return undefined;
    const out: Uint8Array[] = [];
    let n = 0;
    while (n < max && this.chunks.length > 0) {
      const c = this.chunks[0]!;
      const want = max - n;
      if (c.length <= want) {
        out.push(c);
        n += c.length;
        this.chunks.shift();
      } else {
        out.push(c.subarray(0, want));
        this.chunks[0] = c.subarray(want);
        n += want;
      }
    }
    this.length -= n;
    this.wake('room');
    return out.length === 1 ? out[0]! : concatBytes(out, n);
  }

  /** Puts as much of `data` as fits; returns how many bytes were taken. */
  put(data: Uint8Array): number {
    const n = Math.min(data.length, this.room);
    if (n === 0) return 0;
    this.chunks.push(data.slice(0, n));
    this.length += n;
    this.wake('data');
    return n;
  }

  waitData(): Promise<void> {
    return new Promise((resolve) => this.dataWaiters.push(resolve));
  }

  waitRoom(): Promise<void> {
    return new Promise((resolve) => this.roomWaiters.push(resolve));
  }

  /** Wakes everyone: an end was opened or closed, so EOF, EPIPE or a FIFO open may now proceed. */
  wakeAll(): void {
    this.wake('data');
    this.wake('room');
    const c = this.changeWaiters;
    this.changeWaiters = [];
    for (const w of c) w();
  }

  private changeWaiters: Waiter[] = [];

  /** Resolves at the next open or close of an end. */
  waitChange(): Promise<void> {
    return new Promise((resolve) => this.changeWaiters.push(resolve));
  }

  private wake(which: 'data' | 'room'): void {
    const list = which === 'data' ? this.dataWaiters : this.roomWaiters;
    if (list.length === 0) return;
    if (which === 'data') this.dataWaiters = [];
    else this.roomWaiters = [];
    for (const w of list) w();
  }
}
