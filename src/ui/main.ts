// Page entry. In the built page the machine's worker is already running (index.html's inline
// script, early-boot.ts, starts it while the HTML is parsed); startMachine() takes it over, or
// starts it under the dev server. Then the Svelte app mounts and the terminal connects.
import { mount } from 'svelte';
import App from './App.svelte';
import { estimateGrid } from './console-look';
import { startMachine } from './machine-client';

performance.mark('photon:page-entry');
// the console's black from the first frame
document.documentElement.style.background = '#000';
const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
// (the size is only measured when no inline script started the worker at its own estimate)
startMachine(() => globalThis.__photonEarly?.size ?? estimateGrid());
mount(App, { target });
// offline use (the service worker) is set up once the machine is up: its code loads then
void startMachine(() => estimateGrid()).booted.then(() => import('./offline')).then((m) => m.registerServiceWorker());
