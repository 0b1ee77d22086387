// End-to-end steps for working offline (issue 10), run by run-e2e.mjs after the pack steps: in a
// fresh browser profile the app's service worker takes control after the first load, the web app
// manifest is linked and parses, and with the network off a reload still boots to the prompt and
// runs commands (their programs load from the cache). Every wait polls a condition.
const PROMPT = 'root@photon-machine [ ~ ]# ';
const RELEASE = '6.1.138-1.ph5-esx';

/**
 * @param {{
 *   browser: import('playwright-core').Browser,
 *   url: string,
 *   timeout: number,
 *   pageErrors: string[],
 *   waitForPrompt: (page: import('playwright-core').Page) => Promise<void>,
 *   waitForScreen: (page: import('playwright-core').Page, what: string, predicate: (lines: string[], arg: any) => boolean, arg: any) => Promise<void>,
 *   focusTerminal: (page: import('playwright-core').Page) => Promise<void>,
 *   typeLine: (page: import('playwright-core').Page, line: string) => Promise<void>,
 * }} h
 * @returns {[string, () => Promise<void>][]}
 */
export function offlineSteps(h) {
  /** @type {import('playwright-core').BrowserContext | undefined} */
  let context;
  /** @type {import('playwright-core').Page | undefined} */
  let page;
  const thePage = () => {
    if (!page) throw new Error('no page: the first offline step did not run');
    return page;
  };
  return [
    ['in a fresh browser profile, the service worker controls the page after the first load', async () => {
      context = await h.browser.newContext({ viewport: { width: 1100, height: 700 } });
      page = await context.newPage();
      page.setDefaultTimeout(h.timeout);
      page.on('pageerror', (err) => h.pageErrors.push(err.message));
      await page.goto(h.url, { waitUntil: 'load', timeout: h.timeout });
      await h.waitForPrompt(page);
      // registered after the prompt; clientsClaim makes it control this first page once it has
      // precached the whole app, one file at a time (Workbox's way): seconds for ~450 files
      await page.waitForFunction(() => !!navigator.serviceWorker?.controller, undefined, { timeout: 3 * h.timeout, polling: 50 });
      const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
      if (scope !== h.url) throw new Error(`the service worker's scope is ${scope}, not the app's ${h.url}`);
    }],
    ['the web app manifest is linked, parses, and its icons load', async () => {
      const p = thePage();
      const result = await p.evaluate(async () => {
        const link = document.querySelector('link[rel="manifest"]');
        if (!(link instanceof HTMLLinkElement)) return { error: 'index.html links no manifest' };
        const manifest = await (await fetch(link.href)).json();
        const icons = [];
        for (const icon of manifest.icons ?? []) {
          const res = await fetch(new URL(icon.src, link.href));
          const bytes = new Uint8Array(await res.arrayBuffer());
          const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
          icons.push({ sizes: icon.sizes, type: res.headers.get('content-type'), width: bitmap.width, height: bitmap.height });
        }
        return { manifest, icons };
      });
      if ('error' in result) throw new Error(result.error);
      const { manifest, icons } = result;
      const want = { name: 'Photon OS Sandbox', short_name: 'Photon', start_url: './', scope: './', display: 'standalone' };
      for (const [k, v] of Object.entries(want)) if (manifest[k] !== v) throw new Error(`manifest ${k} is ${JSON.stringify(manifest[k])}, not ${JSON.stringify(v)}`);
      for (const size of [192, 512]) {
        const icon = icons.find((i) => i.sizes === `${size}x${size}`);
        if (!icon || icon.width !== size || icon.height !== size || icon.type !== 'image/png') throw new Error(`no ${size}x${size} PNG icon: ${JSON.stringify(icons)}`);
      }
    }],
    ['with the network off, a reload boots to the prompt and commands run', async () => {
      const p = thePage();
      await context?.setOffline(true);
      if (await p.evaluate(() => fetch(`./offline-probe-${Date.now()}`).then(() => true, () => false))) throw new Error('the network is still on');
      await p.reload({ waitUntil: 'load', timeout: h.timeout });
      await h.waitForPrompt(p);
      await h.focusTerminal(p);
      await h.typeLine(p, 'uname -r');
      await h.waitForScreen(p, `a line "${RELEASE}"`, (lines, r) => lines.some((l) => l.trim() === r), RELEASE);
      // a program whose code loads on first use, from the cache
      await h.typeLine(p, 'echo offline | sed s/off/on/');
      await h.waitForScreen(p, 'the output "online"', (lines) => lines.some((l) => l.trim() === 'online'), null);
      // and the lesson panel's chunk
      await p.locator('#lesson-panel button[data-lesson-id="static-ip"]').waitFor({ timeout: h.timeout });
      const prompts = await p.evaluate((prompt) => {
        const b = window.__photon?.term.buffer.active;
        let n = 0;
        for (let i = 0; b && i < b.length; i++) if (b.getLine(i)?.translateToString(true).startsWith(prompt)) n++;
        return n;
      }, PROMPT);
      if (prompts < 3) throw new Error(`expected a prompt after each command, saw ${prompts}`);
      await context?.close();
    }],
  ];
}
