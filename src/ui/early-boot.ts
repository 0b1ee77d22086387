// The built index.html runs this as an inline script (scripts/vite-early-boot.ts bundles it and
// puts it in the page's <head>, and the Content-Security-Policy allows it by its hash). It
// starts the machine's worker while the HTML is still being parsed, so the kernel's code
// downloads and the machine boots in parallel with the page's own code; the page entry then
// takes this worker (machine-client.ts, startMachine). The dev server has no such script: there
// the page entry starts the worker itself.
import { bootName, type EarlyWorker } from './boot-options';
import { estimateGrid } from './console-look';

/** The built worker's URL, relative to the page (defined at build time). */
declare const __PHOTON_WORKER_URL__: string;

try {
  // no font measuring here: that waits for the system's fonts, and the terminal sends its
  // measured size as soon as it opens
  const size = estimateGrid(false);
  const early: EarlyWorker = { worker: new Worker(__PHOTON_WORKER_URL__, { type: 'module', name: bootName(size) }), size, screens: [] };
  // the first screen can come before the page entry listens (see boot-options.ts)
  early.worker.addEventListener('message', (e: MessageEvent) => {
    const text = (e.data as { photonFirstScreen?: unknown } | null)?.photonFirstScreen;
    if (typeof text !== 'string') return;
    if (early.show) early.show(text);
    else early.screens.push(text);
  });
  (globalThis as { __photonEarly?: EarlyWorker }).__photonEarly = early;
  performance.mark('photon:worker-requested');
} catch {
  // the page entry starts the worker instead
}
