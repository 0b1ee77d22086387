// Watches the machine's worker for its heartbeat (src/shared/heartbeat.ts). A worker whose
// event loop has been silent for STUCK_AFTER_MS while the page was in view is stuck in one
// synchronous run of code: Ctrl-C, a message like any other, waits behind it. The listener
// hears `true` then, and `false` if the heartbeat comes back. A hidden page's timers (and its
// worker's) may be throttled, so time spent hidden never counts as silence.
import { HEARTBEAT_MS, isHeartbeat, STUCK_AFTER_MS } from '../shared/heartbeat';

export interface WatchOptions {
  stuckAfterMs?: number;
  /** the page's clock (tests pass their own) */
  now?: () => number;
  visible?: () => boolean;
}

/** Starts watching `worker`; returns a function that stops. */
export function watchWorker(worker: Worker, listener: (stuck: boolean) => void, opts: WatchOptions = {}): () => void {
  const limit = opts.stuckAfterMs ?? STUCK_AFTER_MS;
  const now = opts.now ?? (() => performance.now());
  const visible = opts.visible ?? (() => typeof document === 'undefined' || document.visibilityState === 'visible');
  let last = now();
  let stuck = false;
  const beat = (e: MessageEvent): void => {
    if (!isHeartbeat(e.data)) return;
    last = now();
    if (stuck) {
      stuck = false;
      listener(false);
    }
  };
  const check = (): void => {
    if (!visible()) {
      last = now();
      return;
    }
    if (!stuck && now() - last > limit) {
      stuck = true;
      listener(true);
    }
  };
  worker.addEventListener('message', beat);
  const timer = setInterval(check, HEARTBEAT_MS);
  return () => {
    clearInterval(timer);
    worker.removeEventListener('message', beat);
  };
}
