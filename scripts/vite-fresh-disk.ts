// A Vite plugin for the browser build: src/kernel/image/fresh-disk.ts lays out Photon's image
// and captures it the first time a machine boots. Here the same function runs once at build
// time (the module bundled for Node with esbuild) and the worker gets the captured disk as
// data instead, so its first boot only loads it and the image's code is not in the worker.
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Plugin } from 'vite';
import type { DiskImage } from '../src/kernel/snapshot/types';
import { encodeFreshDisk, encodeLateFiles, inodeAt, splitLateFiles } from '../src/kernel/image/fresh-disk-codec.js';
import { KERNEL_RELEASE } from '../src/kernel/image/etc-files.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MODULE = join(ROOT, 'src', 'kernel', 'image', 'fresh-disk.ts');
const CODEC = join(ROOT, 'src', 'kernel', 'image', 'fresh-disk-codec.ts');

/**
 * Runs `use` on the module `entry` of the current sources, bundled for Node with esbuild (in
 * node_modules/.cache/`cache`, removed afterwards): build-time work done by the machine's own code.
 */
export async function withBundledModule<M, T>(entry: string, cache: string, use: (mod: M) => T | Promise<T>): Promise<T> {
  const { build } = await import('esbuild');
  const dir = join(ROOT, 'node_modules', '.cache', cache);
  mkdirSync(dir, { recursive: true });
  const out = join(dir, `bundle.${process.pid}.${Date.now()}.mjs`);
  try {
    await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: out, logLevel: 'error' });
    return await use((await import(pathToFileURL(out).href)) as M);
  } finally {
    rmSync(out, { force: true });
  }
}

/** Runs buildFreshDisk() from the current sources. */
export function buildFreshDiskNow(): Promise<DiskImage> {
  return withBundledModule(MODULE, 'photon-fresh-disk', (mod: { buildFreshDisk(): DiskImage }) => mod.buildFreshDisk());
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

/**
 * Files whose bytes the worker loads after the first prompt (a chunk of their own): only rpm,
 * tdnf and the lessons read them, and the rpm database is the largest file of the image. The
 * disk carries them as files of the right size; the machine fills them in as soon as the chunk
 * is there, and programs wait for that before they start (Machine.diskComplete).
 */
export const LATE_PATHS = [
  '/var/lib/rpm/rpmdb.sqlite', '/usr/lib/sysimage/tdnf/history.db',
  // the network name databases (src/kernel/image/netdb-files.ts): read by iptables, ip, ss
  '/etc/services', '/etc/protocols',
  ...['rt_tables', 'rt_protos', 'rt_scopes', 'rt_realms', 'rt_dsfield', 'group', 'ematch_map', 'bpf_pinning', 'nl_protos'].map((n) => `/etc/iproute2/${n}`),
  // the kernel module index (src/kernel/image/module-files.ts): read by depmod's users, not at boot
  ...['modules.dep', 'modules.order', 'modules.builtin'].map((n) => `/usr/lib/modules/${KERNEL_RELEASE}/${n}`),
];

/** The module that carries the late files' bytes (imported by the disk's module when a machine boots). */
export const LATE_MODULE = 'virtual:photon-fresh-disk-late';
const LATE_RESOLVED = `\0${LATE_MODULE}`;

function lateInodes(disk: DiskImage): Set<number> {
  const out = new Set<number>();
  for (const path of LATE_PATHS) {
    const ino = inodeAt(disk, path);
    if (ino === undefined) throw new Error(`the fresh disk has no ${path}`);
    out.add(ino);
  }
  return out;
}

/** The module the browser build uses in place of fresh-disk.ts, and the late files' module. */
export function freshDiskModules(disk: DiskImage, codecPath = CODEC): { main: string; late: string } {
  const split = splitLateFiles(disk, lateInodes(disk));
  const text = encodeFreshDisk(split.disk);
  const late = encodeLateFiles(split.late);
  return {
    main: [
      `import { freshDiskSource, decodeLateFiles } from ${JSON.stringify(codecPath)};`,
      `const TEXT = { meta: ${jsString(text.meta)}, bytes: ${jsString(text.bytes)} };`,
      'let cached;',
      '/** The fresh disk, for one machine (its bytes are that machine\'s own copy); `late` brings the rest. */',
      'export function freshDisk() {',
      '  const d = (cached ??= freshDiskSource(TEXT));',
      `  return { ...d, blob: d.blob.slice(), late: () => import(${JSON.stringify(LATE_MODULE)}).then((m) => decodeLateFiles(m.LATE)) };`,
      '}',
      '',
    ].join('\n'),
    late: `export const LATE = { meta: ${jsString(late.meta)}, bytes: ${jsString(late.bytes)} };\n`,
  };
}

export function freshDiskAsData(): Plugin {
  let code: Promise<{ main: string; late: string }> | undefined;
  const modules = (): Promise<{ main: string; late: string }> => (code ??= buildFreshDiskNow().then((d) => freshDiskModules(d)));
  return {
    name: 'photon-fresh-disk',
    apply: 'build',
    enforce: 'pre',
    resolveId(id) {
      return id === LATE_MODULE ? LATE_RESOLVED : null;
    },
    async load(id) {
      if (id === LATE_RESOLVED) return (await modules()).late;
      if (resolve(id.split('?')[0]!) !== MODULE) return null;
      return (await modules()).main;
    },
  };
}
