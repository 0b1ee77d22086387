// A Vite plugin for the browser build: the worker's login shell may replay a fresh machine's
// startup files from a checkpoint instead of reading them (src/programs/shell/login-checkpoint.ts).
// Here a fresh machine's login runs once at build time, from the current sources (bundled for
// Node with esbuild), and its checkpoint replaces src/kernel/image/login-checkpoint-data.ts.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import type { LoginCheckpoint } from '../src/programs/shell/login-checkpoint';
import { jsString, withBundledModule } from './vite-fresh-disk.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DATA = join(ROOT, 'src', 'kernel', 'image', 'login-checkpoint-data.ts');
const RECORD = join(ROOT, 'src', 'kernel', 'image', 'login-checkpoint-record.ts');

/** Records a fresh machine's login checkpoint from the current sources. */
export function recordLoginCheckpointNow(): Promise<LoginCheckpoint> {
  return withBundledModule(RECORD, 'photon-login-checkpoint', (mod: { recordLoginCheckpoint(): Promise<LoginCheckpoint> }) => mod.recordLoginCheckpoint());
}

export function loginCheckpointAsData(): Plugin {
  let code: Promise<string> | undefined;
  return {
    name: 'photon-login-checkpoint',
    apply: 'build',
    enforce: 'pre',
    async load(id) {
      if (resolve(id.split('?')[0]!) !== DATA) return null;
      code ??= recordLoginCheckpointNow().then((c) => [
        '// recorded at build time by scripts/vite-login-checkpoint.ts',
        `const TEXT = ${jsString(JSON.stringify(c))};`,
        'export function loginCheckpoint() {',
        '  return JSON.parse(TEXT);',
        '}',
        '',
      ].join('\n'));
      return code;
    },
  };
}
