// The worker entry: one machine per worker, exposed to the page through comlink.
// Output is batched: the first chunk after a quiet spell goes out on the next turn (so a
// keystroke's echo is fast), and under a stream of output at most one message per frame.
import * as Comlink from 'comlink';
import { fail, ok, type KernelApi } from '../shared/api';
import { Machine } from './machine';
import { postTask, realNow } from './scheduler';

const FRAME_MS = 16;

export function createOutputBatcher(send: (chunk: string) => void): (text: string) => void {
  let pending: string[] = [];
  let scheduled = false;
  let lastFlush = -Infinity;
  const flush = (): void => {
    scheduled = false;
    lastFlush = realNow();
    const text = pending.join('');
    pending = [];
    if (text) send(text);
  };
  return (text) => {
    pending.push(text);
    if (scheduled) return;
    scheduled = true;
    const wait = Math.max(0, lastFlush + FRAME_MS - realNow());
    if (wait > 2) setTimeout(flush, wait);
    else postTask(flush);
  };
}

export function createKernelApi(): KernelApi {
  let machine: Machine | undefined;
  return {
    async boot(options, output) {
      try {
        const batch = createOutputBatcher((chunk) => void output(chunk));
        // the host's wall clock is read once, here at the boundary; the machine's clock runs from it
        machine = new Machine({ clock: 'realtime', start: options.start ?? Date.now(), seed: options.seed, onConsole: batch, winsize: { cols: options.cols, rows: options.rows } });
        machine.startConsoleShell();
        return ok({ hostname: machine.kernel.identity.hostname, bootMs: machine.bootMs });
      } catch (e) {
        return fail(e);
      }
    },
    async input(data) {
      machine?.input(data);
    },
    async resize(cols, rows) {
      machine?.resize({ cols, rows });
    },
  };
}

declare const WorkerGlobalScope: unknown;
if (typeof WorkerGlobalScope !== 'undefined' && typeof self !== 'undefined') {
  Comlink.expose(createKernelApi());
}
