// Cooperative scheduling in one thread. Programs are async functions; awaiting a resolved
// promise only runs microtasks, so a busy program would starve the worker's message handler
// (and with it Ctrl-C). Every syscall and every ctx.tick() therefore passes through
// maybeYield(), which gives the event loop a macrotask turn every few milliseconds.
// MessageChannel (or setImmediate in Node) avoids setTimeout's 4 ms clamping.

const SLICE_MS = 4;

type Poster = (fn: () => void) => void;

function makePoster(): Poster {
  const g = globalThis as { setImmediate?: (fn: () => void) => unknown };
  if (typeof g.setImmediate === 'function') {
    const si = g.setImmediate;
    return (fn) => void si(fn);
  }
  const channel = new MessageChannel();
  const queue: (() => void)[] = [];
  channel.port1.onmessage = () => queue.shift()?.();
  return (fn) => {
    queue.push(fn);
    channel.port2.postMessage(0);
  };
}

const post = makePoster();

/** Runs `fn` on the next macrotask turn (no timer clamping). */
export const postTask: Poster = post;
const perf = globalThis.performance;
let sliceStart = perf.now();

/** Yields one macrotask turn. */
export function yieldTurn(): Promise<void> {
  return new Promise((resolve) =>
    post(() => {
      sliceStart = perf.now();
      resolve();
    }),
  );
}

/** True when the current slice has run long enough that the caller should yield. */
export function sliceExpired(): boolean {
  return perf.now() - sliceStart >= SLICE_MS;
}

export async function maybeYield(): Promise<void> {
  if (sliceExpired()) await yieldTurn();
}

export function realNow(): number {
  return perf.now();
}
