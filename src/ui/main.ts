// Page entry, kept tiny: it boots the machine first, so the kernel chunk downloads and boots
// in the worker while the terminal's (much larger) chunk loads; then it mounts the Svelte app.
// (A worker thread only starts once this thread is idle, which it is while the app chunk
// downloads; with everything in one chunk the boot would wait for the whole mount.)
import { estimateGrid } from './console-look';
import { startMachine } from './machine-client';
import { registerServiceWorker } from './offline';

// the console's black from the first frame (App.svelte's styles arrive with its chunk)
document.documentElement.style.background = '#000';
const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
const app = Promise.all([import('svelte'), import('./App.svelte')]);
startMachine(estimateGrid());
const [{ mount }, { default: App }] = await app;
mount(App, { target });
registerServiceWorker();
