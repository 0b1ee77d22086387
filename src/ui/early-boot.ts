// The built index.html runs this as an inline script (scripts/vite-early-boot.ts bundles it and
// puts it in the page's <head>, and the Content-Security-Policy allows it by its hash). It
// starts the machine's worker while the HTML is still being parsed, so the kernel's code
// downloads and the machine boots in parallel with the page's own code; the page entry then
// takes this worker (machine-client.ts, startMachine). The dev server has no such script: there
// the page entry starts the worker itself.
//
// The worker is asked for before anything reads localStorage: a page's first read of it waits for
// the browser (a synchronous round trip, 5-25 ms in traces of a load, the browser being busy with
// the navigation). So the worker boots at the size the default layout gives (the terminal sends
// its real size as soon as it opens, as it does after measuring its font) and as a fresh machine;
// where a machine was saved in this browser, that worker is replaced at once by one that resumes
// it (its code has not arrived yet).
import { bootName, hasSaved, type EarlyWorker } from './boot-options';
import { estimateGrid } from './console-look';
import { defaultPanelLayout } from './panel-layout';

/** The built worker's URL, relative to the page (defined at build time). */
declare const __PHOTON_WORKER_URL__: string;

try {
  // no font measuring here: that waits for the system's fonts
  const size = estimateGrid(false, defaultPanelLayout());
  const start = (resume: boolean): Worker => new Worker(__PHOTON_WORKER_URL__, { type: 'module', name: bootName(size, resume) });
  let worker = start(false);
  performance.mark('photon:worker-requested');
  if (hasSaved()) {
    worker.terminate();
    worker = start(true);
  }
  const early: EarlyWorker = { worker, size, screens: [] };
  // the first screen can come before the page entry listens (see boot-options.ts)
  worker.addEventListener('message', (e: MessageEvent) => {
    const text = (e.data as { photonFirstScreen?: unknown } | null)?.photonFirstScreen;
    if (typeof text !== 'string') return;
    if (early.show) early.show(text);
    else early.screens.push(text);
  });
  (globalThis as { __photonEarly?: EarlyWorker }).__photonEarly = early;
} catch {
  // the page entry starts the worker instead
}
