// End-to-end steps for a stuck machine (issue 12), run by run-e2e.mjs in a fresh browser
// profile. A program that never pauses holds the worker's one thread, so Ctrl-C (a message
// like any other) cannot reach the kernel. The step holds the worker's thread from the test
// itself, as such a program would, and the page must say the machine is not responding and
// restart it from its last save. Every wait polls a condition.

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
export function watchdogSteps(h) {
  return [
    ['a machine held by a program that never pauses: the page says so, Ctrl-C or not, and restarts it from its last save', async () => {
      const context = await h.browser.newContext({ viewport: { width: 1100, height: 700 } });
      try {
        const p = await context.newPage();
        p.setDefaultTimeout(h.timeout);
        p.on('pageerror', (err) => h.pageErrors.push(err.message));
        await p.goto(h.url, { waitUntil: 'load', timeout: h.timeout });
        await h.waitForPrompt(p);
        await h.focusTerminal(p);
        await h.typeLine(p, 'echo kept-$((6*7)) > /root/kept; echo written');
        await h.waitForScreen(p, 'the output "written"', (lines) => lines.some((l) => l.trim() === 'written'), null);
        const written = await p.evaluate(() => Date.now());
        await p.click('#tab-machines');
        // the machine has been saved since the command ran once the status carries a later time
        // (the first save may come earlier, after the boot)
        await p.waitForFunction(
          (after) => Number(document.querySelector('[data-testid="save-status"]')?.getAttribute('data-saved-at') || 0) >= after,
          written,
          { timeout: h.timeout, polling: 100 },
        );
        const workers = p.workers();
        if (workers.length !== 1) throw new Error(`${workers.length} workers in the page, not 1`);
        // hold the worker's thread for longer than the test waits (released when the page reloads)
        void workers[0].evaluate(() => {
          const end = Date.now() + 120_000;
          while (Date.now() < end);
        }).catch(() => {});
        await h.focusTerminal(p);
        await h.typeLine(p, 'echo never-seen');
        await p.keyboard.press('Control+C');
        const banner = p.locator('[data-testid="machine-stuck"]');
        await banner.waitFor({ state: 'visible', timeout: h.timeout });
        if (await p.locator('.xterm-rows', { hasText: 'never-seen' }).count()) throw new Error('the stuck machine echoed a key');
        await banner.locator('button', { hasText: 'Restart from the last save' }).click();
        await h.waitForPrompt(p);
        await banner.waitFor({ state: 'detached', timeout: h.timeout });
        await h.focusTerminal(p);
        await h.typeLine(p, 'cat /root/kept');
        await h.waitForScreen(p, 'the file saved before the machine got stuck', (lines) => lines.some((l) => l.trim() === 'kept-42'), null);
      } finally {
        await context.close();
      }
    }],
  ];
}
