// Page entry, kept tiny: it starts and boots the machine first, so the kernel chunk downloads
// and boots in the worker while the terminal's (much larger) chunk loads; then it mounts the
// Svelte app. The worker thread only starts once this thread is idle, which it is while the
// app chunk downloads.
import { estimateGrid } from './console-look';
import { startMachine } from './machine-client';

performance.mark('main-start');
startMachine(estimateGrid());
performance.mark('worker-created');

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
const [{ mount }, { default: App }] = await Promise.all([import('svelte'), import('./App.svelte')]);
performance.mark('app-loaded');
mount(App, { target });
performance.mark('mounted');
