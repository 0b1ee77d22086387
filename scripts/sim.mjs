#!/usr/bin/env node
// Runs the headless CLI (src/cli/sim.ts). The TypeScript sources are bundled once with
// esbuild into node_modules/.cache/photon-sim/ and rebuilt only when a source file is newer;
// the bundle starts and runs several times faster than compiling on the fly.
import { mkdirSync, readdirSync, renameSync, statSync, utimesSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'node_modules', '.cache', 'photon-sim');
const out = join(outDir, 'sim.mjs');

function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) t = Math.max(t, newest(p));
    else t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

let built = 0;
try {
  built = statSync(out).mtimeMs;
} catch {
  // not built yet
}
if (built < newest(join(root, 'src'))) {
  const { build } = await import('esbuild');
  mkdirSync(outDir, { recursive: true });
  // the bundle is dated when its build began: a source saved while it was building is newer
  // than the bundle, so the next run builds again instead of keeping the stale one
  const began = new Date();
  // build beside the target and rename, so parallel runs never see half a file
  const tmp = `${out}.${process.pid}.tmp`;
  await build({
    entryPoints: [join(root, 'src/cli/sim.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: tmp,
    logLevel: 'error',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  utimesSync(tmp, began, began);
  renameSync(tmp, out);
}
await import(pathToFileURL(out).href);
