// npm run fuzz [-- COUNT [SEED]]: the long run of the shell fuzzer (npm test runs a short one).
import { fuzz } from './shell-fuzz';

const count = Number(process.argv[2] ?? 100000);
const seed = Number(process.argv[3] ?? 1);
const t0 = performance.now();
const r = await fuzz(seed, count);
console.log(`${r.runs} scripts, ${r.killed} killed at the time limit, ${r.failures.length} failures, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
for (const f of r.failures.slice(0, 20)) console.log(`FAIL ${f.why}\n  ${JSON.stringify(f.script)}`);
process.exit(r.failures.length ? 1 : 0);
