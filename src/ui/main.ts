// Page entry. In the built page the machine's worker is already running (index.html's inline
// script, early-boot.ts, starts it while the HTML is parsed); startMachine() takes it over, or
// starts it under the dev server. The console comes first: the terminal is made and connected
// here, in the place the page's layout will give it, with a stand-in title bar; the Svelte app
// (title bar, lesson panel; page.ts, a chunk of its own) mounts once the first prompt is on the
// screen and takes the terminal's element into its layout.
import { estimateGrid, SCREEN_PADDING, TITLE_BAR_PX } from './console-look';
import { startMachine } from './machine-client';
import { openConsole } from './console';
import { loadPanelLayout, panelSpace } from './panel-layout';
import { afterFirstPrompt } from './first-prompt';

performance.mark('photon:page-entry');
// the console's black from the first frame
document.documentElement.style.background = '#000';
const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
// (the size is only measured when no inline script started the worker at its own estimate)
startMachine(() => globalThis.__photonEarly?.size ?? estimateGrid());

const bar = document.createElement('div');
bar.className = 'early-titlebar';
bar.style.height = `${TITLE_BAR_PX}px`;
bar.textContent = document.title;
target.append(bar);
const consoleHandle = openConsole(target, {
  position: 'fixed',
  top: `${TITLE_BAR_PX + SCREEN_PADDING.top}px`,
  left: `${SCREEN_PADDING.left}px`,
  right: `${panelSpace(loadPanelLayout(), window.innerWidth)}px`,
  bottom: '0',
  width: 'auto',
  height: 'auto',
});

afterFirstPrompt(consoleHandle.term, () => {
  void import('./page').then(
    ({ mountPage }) => {
      bar.remove();
      mountPage(target, consoleHandle);
    },
    (e: unknown) => console.error('the page failed to load', e),
  );
});
// offline use (the service worker) is set up once the machine is up: its code loads then
void startMachine(() => estimateGrid()).booted.then(() => import('./offline')).then((m) => m.registerServiceWorker());
