// Works offline (issue 10): registers the service worker that the build writes (dist/sw.js, made
// by vite-plugin-pwa in vite.config.ts). It precaches every file of the build, so after one
// visit the app loads and reloads without the network, and the browser can install it.
// Installing it downloads the whole app (about 450 files, one at a time), which must compete
// neither with the first prompt nor with the learner's typing: registration waits until the
// page has loaded, the machine has booted (the prompt is up), and then for a moment without
// keys or clicks. Production builds only; the Vite dev server has no sw.js.
import { estimateGrid } from './console-look';
import { startMachine } from './machine-client';

/** How long the page must be without keys and clicks before the worker installs. */
const QUIET_MS = 2000;

/** Registers ./sw.js once the first prompt is up (no-op in dev and where there is no support). */
export function registerServiceWorker(): void {
  // service workers need a secure context: https, or localhost / 127.0.0.1
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const loaded = new Promise<void>((resolve) => {
    if (document.readyState === 'complete') resolve();
    else addEventListener('load', () => resolve(), { once: true });
  });
  // main.ts has started the machine already: this returns that machine
  const booted = startMachine(() => estimateGrid()).booted;
  void Promise.all([loaded, booted])
    .then(quiet)
    .then(() => navigator.serviceWorker.register('./sw.js', { scope: './' }))
    .catch((e: unknown) => {
      // offline, the update check of a worker that already controls the page fails: no harm
      if (!navigator.serviceWorker.controller) console.warn('Offline use is not available: the service worker did not register.', e);
    });
}

/** Resolves once QUIET_MS pass without a key or click, at an idle moment. */
function quiet(): Promise<void> {
  return new Promise((resolve) => {
    const events = ['keydown', 'pointerdown'] as const;
    let timer = setTimeout(done, QUIET_MS);
    const activity = (): void => {
      clearTimeout(timer);
      timer = setTimeout(done, QUIET_MS);
    };
    for (const e of events) addEventListener(e, activity, { capture: true, passive: true });
    function done(): void {
      for (const e of events) removeEventListener(e, activity, { capture: true });
      if ('requestIdleCallback' in window) requestIdleCallback(() => resolve(), { timeout: 2000 });
      else resolve();
    }
  });
}
