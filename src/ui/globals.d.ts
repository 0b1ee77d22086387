// The test hook the page installs for end-to-end tests and the benchmark.
import type { Terminal } from '@xterm/xterm';
import type { MachineApi } from './machine-client';

declare global {
  interface Window {
    __photon?: { term: Terminal; api: MachineApi };
  }
}

export {};
