// Shell speed (issue 3): the simulated bash against the real bash on this machine, same
// scripts, same run. The machine is the esbuild bundle (as in the browser), not tsx's code.
import { spawnSync } from 'node:child_process';

interface MachineCtor {
  new (opts: { clock: 'skip' }): { run(argv: string[], io: { stdout: (b: Uint8Array) => void; stderr: (b: Uint8Array) => void }): Promise<number> };
}

export const SHELL_LOOPS: [string, string][] = [
  ['for ((i=0;i<100000;i++)); do :; done', 'arithmetic for loop, 100,000 rounds'],
  ['i=0; while [ $i -lt 100000 ]; do i=$((i+1)); done', 'while [ ] loop with $(( )), 100,000 rounds'],
  ['f() { :; }; for ((i=0;i<100000;i++)); do f; done', 'function calls, 100,000'],
];

function median(v: number[]): number {
  const s = [...v].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

export async function shellSpeed(Machine: MachineCtor, runs = 3): Promise<{ name: string; sim: number; real: number }[]> {
  const out: { name: string; sim: number; real: number }[] = [];
  for (const [script, name] of SHELL_LOOPS) {
    const sim: number[] = [];
    const real: number[] = [];
    for (let i = 0; i < runs; i++) {
      const m = new Machine({ clock: 'skip' });
      const t0 = performance.now();
      const code = await m.run(['/bin/bash', '-c', script], { stdout: () => {}, stderr: () => {} });
      if (code !== 0) throw new Error(`simulated bash exited ${code} on: ${script}`);
      sim.push(performance.now() - t0);
      const t1 = performance.now();
      const r = spawnSync('bash', ['-c', script], { stdio: 'ignore' });
      if (r.status !== 0) throw new Error(`bash exited ${r.status} on: ${script}`);
      real.push(performance.now() - t1);
    }
    out.push({ name, sim: median(sim), real: median(real) });
  }
  return out;
}
