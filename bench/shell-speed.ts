// Shell speed (issue 3): the simulated bash against the real bash on this machine, same
// scripts, same run. The machine is the esbuild bundle (as in the browser), not tsx's code.
import { spawnSync } from 'node:child_process';

interface MachineCtor {
  new (opts: { clock: 'skip'; services?: boolean }): { booted: Promise<void>; run(argv: string[], io: { stdout: (b: Uint8Array) => void; stderr: (b: Uint8Array) => void }): Promise<number> };
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
      // the shell alone: no daemons, and the boot is not part of the timing
      const m = new Machine({ clock: 'skip', services: false });
      await m.booted;
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

// `npx tsx bench/shell-speed.ts [runs]`: bundles the machine as bench/run.ts does and prints
// only these rows, with the load average (other work on the machine skews every ratio).
async function standalone(): Promise<void> {
  const { build } = await import('esbuild');
  const { join, dirname } = await import('node:path');
  const { fileURLToPath, pathToFileURL } = await import('node:url');
  const os = await import('node:os');
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const out = join(root, '.bench-out', 'machine-shell.mjs');
  await build({ entryPoints: [join(root, 'src/kernel/machine.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: out, logLevel: 'error' });
  const { Machine } = (await import(pathToFileURL(out).href)) as { Machine: MachineCtor };
  const load = os.loadavg()[0] ?? 0;
  for (const r of await shellSpeed(Machine, Number(process.argv[2] ?? 3))) {
    console.log(`${(r.sim / r.real).toFixed(2)}x  sim ${r.sim.toFixed(0)} ms  bash ${r.real.toFixed(0)} ms  ${r.name}`);
  }
  console.log(`load average ${load.toFixed(2)} before, ${(os.loadavg()[0] ?? 0).toFixed(2)} after`);
  process.exit(0); // the machines keep timers alive
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, '/'))) void standalone();
