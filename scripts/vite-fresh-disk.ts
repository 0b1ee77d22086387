// A Vite plugin for the browser build: src/kernel/image/fresh-disk.ts lays out Photon's image
// and captures it the first time a machine boots. Here the same function runs once at build
// time (the module bundled for Node with esbuild) and the worker gets the captured disk as
// data instead, so its first boot only loads it and the image's code is not in the worker.
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Plugin } from 'vite';
import type { DiskImage } from '../src/kernel/snapshot/types';
import { encodeFreshDisk } from '../src/kernel/image/fresh-disk-codec.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MODULE = join(ROOT, 'src', 'kernel', 'image', 'fresh-disk.ts');
const CODEC = join(ROOT, 'src', 'kernel', 'image', 'fresh-disk-codec.ts');

/** Runs buildFreshDisk() from the current sources. */
export async function buildFreshDiskNow(): Promise<DiskImage> {
  const { build } = await import('esbuild');
  const dir = join(ROOT, 'node_modules', '.cache', 'photon-fresh-disk');
  mkdirSync(dir, { recursive: true });
  const out = join(dir, `fresh-disk.${process.pid}.${Date.now()}.mjs`);
  try {
    await build({ entryPoints: [MODULE], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: out, logLevel: 'error' });
    const mod = (await import(pathToFileURL(out).href)) as { buildFreshDisk(): DiskImage };
    return mod.buildFreshDisk();
  } finally {
    rmSync(out, { force: true });
  }
}

/**
 * A single-quoted JavaScript string literal for `s` (JSON text and mostly-text bytes have far
 * more double quotes and newlines than single quotes, and this escapes only what it must).
 */
export function jsString(s: string): string {
  let out = "'";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s[i]!;
    if (ch === "'" || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else if (c === 0x2028 || c === 0x2029) out += `\\u${c.toString(16)}`;
    else out += ch;
  }
  return `${out}'`;
}

/** The module the browser build uses in place of fresh-disk.ts. */
export function freshDiskModule(disk: DiskImage, codecPath = CODEC): string {
  const text = encodeFreshDisk(disk);
  return [
    `import { decodeFreshDisk } from ${JSON.stringify(codecPath)};`,
    `const TEXT = { meta: ${jsString(text.meta)}, bytes: ${jsString(text.bytes)} };`,
    'let cached;',
    '/** The fresh disk, for one machine (its bytes are that machine\'s own copy). */',
    'export function freshDisk() {',
    '  const d = (cached ??= decodeFreshDisk(TEXT));',
    '  return { ...d, blob: d.blob.slice() };',
    '}',
    '',
  ].join('\n');
}

export function freshDiskAsData(): Plugin {
  let code: Promise<string> | undefined;
  return {
    name: 'photon-fresh-disk',
    apply: 'build',
    enforce: 'pre',
    load(id) {
      if (resolve(id.split('?')[0]!) !== MODULE) return null;
      code ??= buildFreshDiskNow().then((d) => freshDiskModule(d));
      return code;
    },
  };
}
