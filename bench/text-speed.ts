// Text tools (issue 4): `sort | uniq -c | sort -rn` over 100,000 lines and `grep -c` over a
// 10 MB file, in the simulated machine against the real tools on this machine, same data,
// same run. Reported as ratios (target: at most 5x).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface TextModule {
  Machine: new (opts: { clock: 'skip'; services: boolean }) => {
    booted: Promise<void>;
    run(argv: string[], io: { stdout: (b: Uint8Array) => void; stderr: (b: Uint8Array) => void; cwd?: string }): Promise<number>;
  };
  writeFileIntoMachine(machine: unknown, path: string, bytes: Uint8Array): void;
}

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** 100,000 lines of words with a skewed frequency, the same every run. */
function words(): string {
  const out: string[] = [];
  let x = 12345;
  for (let i = 0; i < 100_000; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    out.push(`word${Math.floor(Math.sqrt(x % 25_000_000))}`);
  }
  return `${out.join('\n')}\n`;
}

/** About 10 MB of log lines, one in seven an ERROR. */
function log(): string {
  const levels = ['INFO', 'DEBUG', 'WARN', 'INFO', 'ERROR', 'INFO', 'DEBUG'];
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < 10 * 1024 * 1024; i++) {
    const line = `2026-01-15T09:${String(i % 60).padStart(2, '0')}:00Z photon-machine app[${1000 + (i % 97)}]: ${levels[i % 7]} request ${i} served in ${i % 500} ms`;
    lines.push(line);
    size += line.length + 1;
  }
  return `${lines.join('\n')}\n`;
}

const CASES: [string, string, string][] = [
  ['sort | uniq -c | sort -rn, 100,000 lines', 'sort words | uniq -c | sort -rn > /dev/null', 'words'],
  ['grep -c over 10 MB', 'grep -c ERROR app.log > /dev/null', 'log'],
];

function median(v: number[]): number {
  const s = [...v].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

export async function textSpeed(runs = 3): Promise<{ name: string; sim: number; real: number }[]> {
  const { build } = await import('esbuild');
  const out = join(ROOT, '.bench-out', 'machine-text.mjs');
  await build({ entryPoints: [join(ROOT, 'bench/text-entry.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: out, logLevel: 'error' });
  const mod = (await import(pathToFileURL(out).href)) as TextModule;
  const data: Record<string, string> = { words: words(), log: log() };
  const host = mkdtempSync(join(tmpdir(), 'photon-bench-'));
  writeFileSync(join(host, 'words'), data.words!);
  writeFileSync(join(host, 'app.log'), data.log!);
  const results: { name: string; sim: number; real: number }[] = [];
  try {
    for (const [name, script, file] of CASES) {
      const sim: number[] = [];
      const real: number[] = [];
      for (let i = 0; i < runs; i++) {
        const m = new mod.Machine({ clock: 'skip', services: false });
        await m.booted;
        mod.writeFileIntoMachine(m, file === 'words' ? '/tmp/b/words' : '/tmp/b/app.log', new TextEncoder().encode(data[file]!));
        const t0 = performance.now();
        const code = await m.run(['/bin/bash', '-c', script], { stdout: () => {}, stderr: () => {}, cwd: '/tmp/b' });
        if (code !== 0) throw new Error(`the simulated machine exited ${code} on: ${script}`);
        sim.push(performance.now() - t0);
        const t1 = performance.now();
        const r = spawnSync('bash', ['-c', script], { cwd: host, stdio: 'ignore', env: { ...process.env, LC_ALL: 'C' } });
        if (r.status !== 0) throw new Error(`bash exited ${r.status} on: ${script}`);
        real.push(performance.now() - t1);
      }
      results.push({ name, sim: median(sim), real: median(real) });
    }
  } finally {
    rmSync(host, { recursive: true, force: true });
  }
  return results;
}

// `npx tsx bench/text-speed.ts [runs]` prints only these rows.
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, '/'))) {
  void textSpeed(Number(process.argv[2] ?? 3)).then((rows) => {
    for (const r of rows) console.log(`${(r.sim / r.real).toFixed(2)}x  sim ${r.sim.toFixed(0)} ms  real ${r.real.toFixed(0)} ms  ${r.name}`);
    process.exit(0);
  });
}
