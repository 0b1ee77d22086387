// End-to-end test: the built app (dist/) in a real headless Chromium.
// Run by `npm run test:e2e` after `vite build`. Every wait polls a condition (no fixed sleeps).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './chromium.mjs';
import { serveStatic } from './static-server.mjs';
import { lessonSteps } from './lesson-e2e.mjs';
import { examplePack, PACK_URL_PATH, packSteps } from './pack-e2e.mjs';
import { offlineSteps } from './offline-e2e.mjs';
import { persistSteps } from './persist-e2e.mjs';
import { vimSteps } from './vim-e2e.mjs';
import { securitySteps } from './security-e2e.mjs';
import { floodSteps } from './flood-e2e.mjs';
import { watchdogSteps } from './watchdog-e2e.mjs';
import { waitInPage } from './page-poll.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST = process.env.E2E_DIST ?? join(ROOT, 'dist'); // E2E_DIST: test another build
const PROMPT = 'root@photon-machine [ ~ ]# ';
const RELEASE = '6.1.138-1.ph5-esx';
const LOOP = 'while true; do :; done';
const TIMEOUT = 20_000;

/** The terminal's lines, read through the page's test hook (null before the terminal exists). */
function screenLines() {
  const buffer = window.__photon?.term.buffer.active;
  if (!buffer) return null;
  const lines = [];
  for (let i = 0; i < buffer.length; i++) lines.push(buffer.getLine(i)?.translateToString(true) ?? '');
  return lines;
}

/** @param {import('playwright-core').Page} page */
async function screen(page) {
  return (await page.evaluate(screenLines)) ?? [];
}

/**
 * Polls `predicate(lines, arg)` in the page until it holds; on timeout throws with the screen.
 * @template A
 * @param {import('playwright-core').Page} page
 * @param {string} what
 * @param {(lines: string[], arg: A) => boolean} predicate
 * @param {A} arg
 */
async function waitForScreen(page, what, predicate, arg) {
  // (compiled once and polled as a function: the page's policy refuses string evaluation)
  const condition = `(arg) => {
    const lines = (${screenLines.toString()})();
    return lines !== null && (${predicate.toString()})(lines, arg);
  }`;
  try {
    await waitInPage(page, condition, arg, { timeout: TIMEOUT, polling: 50 });
  } catch (e) {
    const lines = await screen(page).catch(() => []);
    const shown = lines.filter((l) => l.trim() !== '').slice(-15).map((l) => `    | ${l}`).join('\n');
    throw new Error(`timed out after ${TIMEOUT / 1000} s waiting for ${what}\n  screen (last lines):\n${shown || '    (empty)'}\n  (${e instanceof Error ? e.message.split('\n')[0] : e})`);
  }
}

/** @param {import('playwright-core').Page} page */
async function waitForPrompt(page) {
  await waitForScreen(page, `the prompt "${PROMPT}"`, (lines, prompt) => lines.some((l) => l.startsWith(prompt)), PROMPT);
}

/** @param {import('playwright-core').Page} page @param {string} line */
async function typeLine(page, line) {
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

/** @param {import('playwright-core').Page} page */
async function focusTerminal(page) {
  await page.click('.xterm');
}

const results = [];
/** Runs one step; a step that returns 'skip' cannot run yet (see its message) and does not fail. */
async function step(name, fn) {
  const t0 = performance.now();
  try {
    const outcome = await fn();
    const skipped = outcome === 'skip';
    results.push({ name, ok: true, skipped });
    console.log(`  ${skipped ? 'SKIP' : 'PASS'}  ${name} (${skipped ? 'nothing to test yet' : `${Math.round(performance.now() - t0)} ms`})`);
    return true;
  } catch (e) {
    results.push({ name, ok: false });
    console.log(`  FAIL  ${name}\n        ${(e instanceof Error ? e.message : String(e)).replace(/\n/g, '\n        ')}`);
    return false;
  }
}

async function main() {
  if (!existsSync(join(DIST, 'index.html'))) {
    console.error(`e2e: ${DIST}/index.html is missing; run \`vite build\` first (npm run test:e2e does).`);
    return 1;
  }
  let browser;
  let server;
  let planned = 0;
  const pageErrors = [];
  try {
    try {
      browser = await launchChromium();
    } catch (e) {
      console.error(`e2e: cannot start Chromium.\n${e instanceof Error ? e.message : e}`);
      return 1;
    }
    const pack = examplePack(ROOT);
    server = await serveStatic(DIST, { [PACK_URL_PATH]: pack });
    console.log(`e2e: serving dist/ at ${server.url} in Chromium ${browser.version()}`);
    const context = await browser.newContext({ viewport: { width: 1100, height: 700 } });
    // Content-Security-Policy violations anywhere in the main page's life, reloads included
    const cspViolations = [];
    await context.exposeBinding('__photonCspViolation', (_source, v) => void cspViolations.push(v));
    await context.addInitScript(() =>
      addEventListener('securitypolicyviolation', (e) => void window.__photonCspViolation?.(`${e.effectiveDirective}: ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`), true),
    );
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT);
    page.on('pageerror', (err) => pageErrors.push(err.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error') console.log(`  (page console error) ${msg.text()}`);
    });

    const steps = [
      ['the page loads and the console shows the prompt', async () => {
        await page.goto(server.url, { waitUntil: 'load', timeout: TIMEOUT });
        await waitForPrompt(page);
        await focusTerminal(page);
      }],
      ['the glyph width cache was filled before the boot log was drawn (src/ui/glyph-warmup.ts)', async () => {
        // '`' and '|' appear nowhere on the screen yet: a width for them (regular and bold) means
        // the warm-up found xterm.js's cache where it expects it and filled it
        const widths = await page.evaluate(() => {
          const cache = window.__photon?.term?._core?._renderService?._renderer?.value?._widthCache;
          return cache ? [cache._flat[0x60], cache._flat[0x7c], cache._holey.get('`B'), cache._flat[0x57]] : null;
        });
        if (!widths) throw new Error("xterm.js's width cache is not where src/ui/glyph-warmup.ts looks for it");
        const [tick, bar, boldTick, w] = widths;
        if (!(w > 0) || tick !== w || bar !== w || !(boldTick > 0)) throw new Error(`not filled: ${JSON.stringify(widths)}`);
      }],
      ['the first screen can be parsed as it arrives (src/ui/xterm-write-now.ts)', async () => {
        // the write buffer's user-input path, which writeNow() takes for the boot log and prompt
        const found = await page.evaluate(() => typeof window.__photon?.term?._core?._writeBuffer?.handleUserInput === 'function');
        if (!found) throw new Error("xterm.js's write buffer is not where src/ui/xterm-write-now.ts looks for it");
      }],
      ["the machine's worker is the one index.html's inline script started (src/ui/early-boot.ts)", async () => {
        const early = await page.evaluate(() => globalThis.__photonEarly !== undefined);
        if (!early) throw new Error('no worker from the inline script: the page entry started its own');
        const workers = page.workers().length;
        if (workers !== 1) throw new Error(`${workers} workers run in the page, not 1`);
      }],
      [`uname -r prints ${RELEASE}`, async () => {
        await typeLine(page, 'uname -r');
        await waitForScreen(page, `a line "${RELEASE}"`, (lines, r) => lines.some((l) => l.trim() === r), RELEASE);
      }],
      ['Ctrl+C stops a busy loop and a new prompt appears', async () => {
        await typeLine(page, LOOP);
        await waitForScreen(page, 'the loop command on screen', (lines, loop) => lines.some((l) => l.endsWith(loop)), LOOP);
        await page.keyboard.press('Control+C');
        await waitForScreen(
          page,
          'a prompt after the loop line',
          (lines, { loop, prompt }) => {
            let at = -1;
            lines.forEach((l, i) => {
              if (l.endsWith(loop)) at = i;
            });
            return at >= 0 && lines.slice(at + 1).some((l) => l.startsWith(prompt));
          },
          { loop: LOOP, prompt: PROMPT },
        );
        // the machine still answers after the interrupt
        await typeLine(page, 'echo after-interrupt');
        await waitForScreen(page, 'the output "after-interrupt"', (lines) => lines.some((l) => l.trim() === 'after-interrupt'), null);
      }],
      ['after a reload the console shows the prompt again', async () => {
        await typeLine(page, 'echo before-reload');
        await waitForScreen(page, 'the output "before-reload"', (lines) => lines.some((l) => l.trim() === 'before-reload'), null);
        await page.reload({ waitUntil: 'load', timeout: TIMEOUT });
        await waitForPrompt(page);
        await focusTerminal(page);
        await typeLine(page, 'uname -r');
        await waitForScreen(page, `a line "${RELEASE}"`, (lines, r) => lines.some((l) => l.trim() === r), RELEASE);
      }],
      ...lessonSteps(page, { root: ROOT, timeout: TIMEOUT, screen, waitForScreen, focusTerminal }),
      ...packSteps(page, {
        pack,
        url: server.url,
        timeout: TIMEOUT,
        newPage: async () => {
          const ctx = await browser.newContext({ viewport: { width: 1100, height: 700 } });
          const p = await ctx.newPage();
          p.setDefaultTimeout(TIMEOUT);
          p.on('pageerror', (err) => pageErrors.push(err.message));
          return p;
        },
      }),
      ...offlineSteps({ browser, url: server.url, timeout: TIMEOUT, pageErrors, waitForPrompt, waitForScreen, focusTerminal, typeLine }),
      ...persistSteps({ browser, url: server.url, timeout: TIMEOUT, pageErrors, waitForPrompt, waitForScreen, focusTerminal, typeLine }),
      ...vimSteps(page, { waitForScreen, focusTerminal, typeLine }),
      ['the main page reported no Content-Security-Policy violation', async () => {
        if (cspViolations.length) throw new Error(cspViolations.join('\n'));
      }],
      ...securitySteps({ browser, url: server.url, pack, timeout: TIMEOUT, pageErrors, waitForPrompt, waitForScreen, focusTerminal, typeLine }),
      ...floodSteps({ browser, url: server.url, timeout: TIMEOUT, pageErrors, waitForPrompt, focusTerminal, typeLine }),
      ...watchdogSteps({ browser, url: server.url, timeout: TIMEOUT, pageErrors, waitForPrompt, waitForScreen, focusTerminal, typeLine }),
    ];
    planned = steps.length + 1;
    for (const [name, fn] of steps) {
      if (!(await step(name, fn))) break; // later steps depend on the earlier ones
    }
    await step('no uncaught errors in the page', async () => {
      if (pageErrors.length) throw new Error(pageErrors.join('\n'));
    });
    await context.close();
  } finally {
    await browser?.close().catch(() => {});
    await server?.close().catch(() => {});
  }
  const failed = results.filter((r) => !r.ok).length;
  const skipped = planned - results.length;
  const waiting = results.filter((r) => r.skipped).length;
  console.log(
    failed === 0 && skipped === 0
      ? `e2e: PASS (${results.length - waiting} checks${waiting ? `, ${waiting} skipped: no static-IP lesson yet` : ''})`
      : `e2e: FAIL (${failed} failed, ${results.length - failed} passed${skipped > 0 ? `, ${skipped} not run` : ''})`,
  );
  return failed === 0 && skipped === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error('e2e: FAIL', e);
    process.exit(1);
  },
);
