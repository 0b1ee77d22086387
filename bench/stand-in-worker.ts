// The benchmark's stand-in for the machine's worker: it speaks the same comlink API as
// src/kernel/worker.ts but boots nothing. boot() prints the first screen the real machine
// prints (captured from a Node boot when the bench runs, passed in at bundle time) at once.
// The app's page with this worker in place of the real one shows what the page alone costs
// on the way to the prompt: the floor under the navigation ratio.
import * as Comlink from 'comlink';
import { consoleSender } from '../src/shared/console-channel';

declare const __FIRST_SCREEN__: string;

performance.mark('photon:worker-start');
Comlink.expose({
  async boot(_options: unknown, output: ((chunk: string) => unknown) | MessagePort) {
    performance.mark('photon:machine-ready');
    await (typeof output === 'function' ? output : consoleSender(output))(__FIRST_SCREEN__);
    performance.mark('photon:prompt-out');
    return { ok: true, value: { hostname: 'photon-machine', bootMs: 0, restored: false } };
  },
  async input() {},
  async resize() {},
});
