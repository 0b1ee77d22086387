// Navigation to the prompt in headless Chromium, as `npm run bench` and `npm run bench:compare`
// time it: a fresh browser context per load, the time taken in the page (from the navigation's
// start to the first animation frame whose terminal buffer holds the prompt), and the User
// Timing marks (`photon:*`) the page and its worker left on the way.
import type { Browser, Page, Request } from 'playwright-core';
import type { CdpBrowser } from './cdp-pipe';

export const PROMPT = 'root@photon-machine [ ~ ]# ';
export const NAV_TIMEOUT = 20_000;

export const median = (values: number[]): number => {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/**
 * In-page, from the document's start (an init script): looks for the prompt at every animation
 * frame, keeps performance.now() (ms since navigation start) of the first frame that has it in
 * window.__promptAt and says so on the console, which is how the harness learns it. Nothing of
 * the harness runs on the page's thread before that: a poller that Playwright injects after the
 * navigation starts (waitForFunction) runs only once the page's thread is free, so on a page whose
 * thread was busy as the prompt arrived it reported its own start (a run then read 60 ms late),
 * and compiling Playwright's injected script took about 10 ms of the page's thread, which fell
 * before the prompt on a page slower than the baseline and after it on the baseline. Text, not a
 * function: the TypeScript runner may wrap a function's inner functions in helpers the page does
 * not have (an init script is not subject to the page's Content-Security-Policy).
 */
const SEEN = 'photon-bench: prompt seen at ';

function watchForPrompt(prompt: string): string {
  return `(() => {
  const prompt = ${JSON.stringify(prompt)};
  const tick = () => {
    if (window.__promptAt !== undefined) return;
    const b = window.__photon && window.__photon.term.buffer.active;
    if (b) {
      for (let i = b.length - 1; i >= 0; i--) {
        const line = b.getLine(i);
        if (line && line.translateToString(true).startsWith(prompt)) {
          window.__promptAt = performance.now();
          console.info(${JSON.stringify(SEEN)} + window.__promptAt);
          return;
        }
      }
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;
}

/** User Timing marks (photon:*) of the page and its worker, in ms since the page's navigation. */
export type Marks = Record<string, number>;

async function marksOf(page: Page): Promise<Marks> {
  const origin = await page.evaluate(() => performance.timeOrigin);
  const read = (): [string, number, number][] => performance.getEntriesByType('mark').filter((m) => m.name.startsWith('photon:')).map((m) => [m.name, m.startTime, performance.timeOrigin]);
  const out: Marks = {};
  const lists = [await page.evaluate(read), ...(await Promise.all(page.workers().map((w) => w.evaluate(read).catch(() => []))))];
  for (const list of lists) for (const [name, at, base] of list) out[name.slice('photon:'.length)] = at + base - origin;
  return out;
}

export interface Navigation {
  /** ms from the navigation's start to the frame that showed the prompt */
  ms: number;
  /** ms from asking for a new tab to the prompt (wall clock, as the harness sees it) */
  tabMs: number;
  /** what was requested before the prompt showed (the worker's requests included) */
  urls: string[];
  marks: Marks;
}

export async function navigationToPrompt(browser: Browser, url: string, keep?: (page: Page) => Promise<void>): Promise<Navigation> {
  const asked = Date.now();
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  try {
    const page = await context.newPage();
    // (a request's own start time is known only once it has an answer: for one still on its way
    // it reads -1, so the time its event reached the harness stands in for it)
    const requests: { r: Request; seen: number }[] = [];
    page.on('request', (r) => requests.push({ r, seen: Date.now() }));
    await page.addInitScript(watchForPrompt(PROMPT));
    const seen = page.waitForEvent('console', { predicate: (m) => m.text().startsWith(SEEN), timeout: NAV_TIMEOUT });
    seen.catch(() => {}); // (awaited below; a failed navigation throws first)
    await page.goto(url, { waitUntil: 'commit', timeout: NAV_TIMEOUT });
    const at = Number((await seen).text().slice(SEEN.length));
    const origin = await page.evaluate(() => performance.timeOrigin);
    const promptWall = origin + at;
    const marks = await marksOf(page);
    // what was requested before the prompt: before the machine sent it out, where its worker
    // says when (what the first prompt starts loading, such as the page's panel, is not counted
    // even when the page's frame that shows the prompt comes after that request)
    const before = origin + Math.min(at, marks['prompt-out'] ?? at);
    const urls = requests.filter(({ r, seen }) => (r.timing().startTime > 0 ? r.timing().startTime : seen) <= before).map(({ r }) => r.url());
    if (keep) await keep(page);
    return { ms: at, tabMs: promptWall - asked, urls, marks };
  } finally {
    await context.close();
  }
}

/** The way to the prompt, as medians of the runs' marks: where the time goes. */
export function breakdown(runs: Marks[], prompt: number): string {
  const names = [...new Set(runs.flatMap((m) => Object.keys(m)))];
  const at = names.map((n) => [n, median(runs.map((m) => m[n]).filter((v): v is number => v !== undefined))] as const).sort((a, b) => a[1] - b[1]);
  return `${at.map(([n, v]) => `${n} ${v.toFixed(0)}`).join(', ')}, prompt seen ${prompt.toFixed(0)} (ms, medians)`;
}

/** Builds the xterm.js-only page (bench/baseline) into `outDir`. */
export async function buildBaseline(srcDir: string, outDir: string): Promise<void> {
  const { build } = await import('vite');
  await build({ root: srcDir, base: './', configFile: false, logLevel: 'warn', build: { outDir, emptyOutDir: true, target: 'es2022' } });
}

const READ_MARKS = `JSON.stringify(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('photon:')).map((m) => [m.name, m.startTime, performance.timeOrigin]))`;

/**
 * The same navigation over Chromium's DevTools pipe, with nothing attached to the page's workers
 * until its prompt has shown (see cdp-pipe.ts): the time as a learner's browser takes it. The
 * marks of the page and its workers are read afterwards.
 */
export async function navigationToPromptCdp(b: CdpBrowser, url: string): Promise<{ ms: number; tabMs: number; marks: Marks }> {
  const asked = Date.now();
  const { browserContextId } = await b.send('Target.createBrowserContext');
  try {
    const { targetId } = await b.send('Target.createTarget', { url: 'about:blank', browserContextId });
    const { sessionId } = (await b.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
    await b.send('Emulation.setDeviceMetricsOverride', { width: 1280, height: 720, deviceScaleFactor: 1, mobile: false }, sessionId);
    await b.send('Page.enable', {}, sessionId);
    await b.send('Runtime.enable', {}, sessionId);
    await b.send('Page.addScriptToEvaluateOnNewDocument', { source: watchForPrompt(PROMPT) }, sessionId);
    const seen = b.waitFor('Runtime.consoleAPICalled', sessionId, (p) => {
      const first = (p.args as { type?: string; value?: unknown }[] | undefined)?.[0];
      return typeof first?.value === 'string' && first.value.startsWith(SEEN) ? Number(first.value.slice(SEEN.length)) : undefined;
    }, NAV_TIMEOUT);
    seen.catch(() => {});
    await b.send('Page.navigate', { url }, sessionId);
    const ms = await seen;
    // now the workers: attach to those running, and read every list of marks
    const workers: string[] = [];
    const collect = b.collect('Target.attachedToTarget', sessionId, (p) => ((p.targetInfo as { type?: string }).type === 'worker' ? String(p.sessionId) : undefined), workers);
    await b.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: true }, sessionId);
    collect.stop();
    const evaluate = async (session: string): Promise<[string, number, number][]> => {
      const r = (await b.send('Runtime.evaluate', { expression: READ_MARKS, returnByValue: true }, session)) as { result?: { value?: string } };
      return JSON.parse(r.result?.value ?? '[]') as [string, number, number][];
    };
    const lists = [await evaluate(sessionId), ...(await Promise.all(workers.map((w) => evaluate(w).catch(() => []))))];
    const timeOrigin = (await b.send('Runtime.evaluate', { expression: 'performance.timeOrigin', returnByValue: true }, sessionId)) as { result: { value: number } };
    const origin = timeOrigin.result.value;
    const marks: Marks = {};
    for (const list of lists) for (const [name, at, base] of list) marks[name.slice('photon:'.length)] = at + base - origin;
    return { ms, tabMs: origin + ms - asked, marks };
  } finally {
    await b.send('Target.disposeBrowserContext', { browserContextId }).catch(() => {});
  }
}
