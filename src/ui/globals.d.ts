// The test hook the page installs for end-to-end tests and the benchmark.
import type { Terminal } from '@xterm/xterm';
import type { MachineApi } from './machine-client';
import type { EarlyWorker } from './boot-options';

declare global {
  interface Window {
    __photon?: { term: Terminal; api: MachineApi };
  }
  /** the worker index.html's inline script started (early-boot.ts) */
  var __photonEarly: EarlyWorker | undefined;
}

export {};
