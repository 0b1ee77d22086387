import { defineConfig, type Plugin } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { lessonsAsJson } from './scripts/vite-lessons-json.js';
import { createHash } from 'node:crypto';
import { policyWithScripts } from './src/ui/content-security-policy.js';
import { earlyBoot } from './scripts/vite-early-boot.js';
import { freshDiskAsData } from './scripts/vite-fresh-disk.js';
import { loginCheckpointAsData } from './scripts/vite-login-checkpoint.js';
import { asciiChunks } from './scripts/vite-ascii-only.js';
import { inlineHelperChunks } from './scripts/vite-inline-helpers.js';

/**
 * The Content-Security-Policy (src/ui/content-security-policy.ts) as a <meta> in the built
 * index.html, so plain static hosting carries it, with the hashes of the page's inline scripts
 * (the early boot's). Build only: Vite's dev server injects inline scripts, and Svelte's styles
 * as <style> elements. Runs after the early boot's plugin has put its script in.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'photon-content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const hashes = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => createHash('sha256').update(m[1]!).digest('base64'));
        // right after <meta charset>, before anything the policy governs
        const meta = `<meta http-equiv="Content-Security-Policy" content="${policyWithScripts(hashes)}" />`;
        const charset = /<meta charset="[^"]*" *\/?>/i;
        if (!charset.test(html)) throw new Error('index.html has no <meta charset>: the Content-Security-Policy goes after it');
        return html.replace(charset, (m) => `${m}\n    ${meta}`);
      },
    },
  };
}

export default defineConfig({
  plugins: [
    earlyBoot(),
    contentSecurityPolicy(),
    lessonsAsJson(),
    svelte(),
    asciiChunks(),
    // Works offline (issue 10): a Workbox service worker (dist/sw.js) precaches every file of the
    // build and serves it cache-first; its precache list carries each file's hash, so a new
    // build's worker replaces the old cache. The page registers it itself (src/ui/offline.ts),
    // after the first prompt; the manifest is public/manifest.webmanifest, linked in index.html.
    VitePWA({
      injectRegister: false,
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{html,js,mjs,css,wasm,json,webmanifest,png,svg,ico,woff,woff2,ttf}'],
        // take control of the page that installed it, and let a new build's worker take over
        clientsClaim: true,
        skipWaiting: true,
        cleanupOutdatedCaches: true,
        // the app's page answers navigations to the app (with ?pack= too); other URLs beside it,
        // such as a teacher's lesson packs, still come from the network
        navigateFallback: 'index.html',
        navigateFallbackAllowlist: [/\/(index\.html)?(\?.*)?$/],
        // keep the Workbox runtime out of the page's way: one sw.js file, no extra chunk
        inlineWorkboxRuntime: true,
      },
    }),
  ],
  base: './',
  // the worker is bundled on its own: the plugins that touch its modules are listed again here.
  // Its one group keeps everything the worker's entry imports in the entry's own file: without
  // it, modules the entry shares with its lazily loaded chunks (errno, zone-core, ...) become
  // chunks of their own, which the worker fetches one round trip after its code, before it can
  // start; the lazy chunks import them from the worker's file instead. The bundler's own helper
  // chunk is put in the entry by inlineHelperChunks (scripts/vite-inline-helpers.ts).
  worker: {
    format: 'es',
    plugins: () => [lessonsAsJson(), freshDiskAsData(), loginCheckpointAsData(), asciiChunks(), inlineHelperChunks()],
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'worker', test: /[\\/]src[\\/]kernel[\\/]worker\.ts$/ }] } } },
  },
  // no modulepreload polyfill: every browser the app supports (ES2022, module workers) has modulepreload
  build: { target: 'es2022', sourcemap: false, modulePreload: { polyfill: false } },
  test: {
    include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['test/setup-engines.ts'],
    // tests wait for conditions; the limit only catches hangs. The first test of a file also
    // loads the machine's modules, which takes seconds on a busy 2-core CI machine.
    testTimeout: 20_000,
  },
});
