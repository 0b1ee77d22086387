// A Vite plugin for the build: puts src/ui/early-boot.ts in index.html's <head> as an inline
// script that starts the machine's worker while the HTML is being parsed. The worker's code
// then downloads and boots alongside the page's, instead of after the page entry has loaded
// and run. The script is bundled here with esbuild, with the built worker's file name; the
// Content-Security-Policy plugin (vite.config.ts) allows it by its hash.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ENTRY = join(ROOT, 'src', 'ui', 'early-boot.ts');

/** The machine worker's file in the bundle (Vite names it after src/kernel/worker.ts). */
export function workerFile(fileNames: string[]): string {
  const found = fileNames.filter((f) => /(^|\/)worker-[\w-]+\.js$/.test(f));
  if (found.length !== 1) throw new Error(`early boot: expected one worker-*.js in the build, found ${found.length ? found.join(', ') : 'none'}`);
  return found[0]!;
}

/** The inline script: early-boot.ts as one IIFE, starting `workerUrl`. */
export async function earlyBootScript(workerUrl: string): Promise<string> {
  const { build } = await import('esbuild');
  const out = await build({
    entryPoints: [ENTRY],
    bundle: true,
    format: 'iife',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'error',
    define: { __PHOTON_WORKER_URL__: JSON.stringify(workerUrl) },
  });
  const code = out.outputFiles[0]!.text.trim();
  if (/<\/script/i.test(code)) throw new Error('early boot: the script contains </script');
  return code;
}

export function earlyBoot(): Plugin {
  return {
    name: 'photon-early-boot',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      async handler(html, ctx) {
        if (!ctx.bundle) return html;
        const script = await earlyBootScript(`./${workerFile(Object.keys(ctx.bundle))}`);
        // right after the page's module script: with a policy in a <meta> (vite.config.ts),
        // Chromium's preload scanner fetches nothing ahead of the parser, so a tag after this
        // script was requested only once the script had run (creating the worker takes the
        // parser some milliseconds). Before the style sheet: a pending style sheet would hold
        // this script until it had loaded. (The module script runs after parsing, so this one
        // still runs first, and the worker's request goes out as the parser reaches it.)
        const entry = /<script type="module"[^>]*><\/script>/;
        if (!entry.test(html)) throw new Error('early boot: index.html has no module script');
        return html.replace(entry, (m) => `${m}\n    <script>${script}</script>`);
      },
    },
  };
}
