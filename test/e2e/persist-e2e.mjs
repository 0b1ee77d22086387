// End-to-end steps for saved machines (issue 10), run by run-e2e.mjs: in a fresh browser
// profile, half a lesson is done (a check passes, a hint is shown), the page is reloaded, and
// the lesson, its progress, the terminal's text and the machine's files are all there; then the
// machine is exported from the Machines tab, imported in another fresh profile, and opened
// there with the same files and progress. Every wait polls a condition.

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
export function persistSteps(h) {
  /** @type {import('playwright-core').Page | undefined} */
  let page;
  /** @type {Buffer | undefined} */
  let exported;
  const newPage = async () => {
    const context = await h.browser.newContext({ viewport: { width: 1100, height: 700 }, acceptDownloads: true });
    const p = await context.newPage();
    p.setDefaultTimeout(h.timeout);
    p.on('pageerror', (err) => h.pageErrors.push(err.message));
    return p;
  };
  const check = (p, id) => p.locator(`#lesson-panel li.check[data-check-id="${id}"]`);
  const hintsShown = (p, id) => check(p, id).locator('ol.hints li');
  const typed = async (p, line, expect) => {
    await h.focusTerminal(p);
    await h.typeLine(p, line);
    await h.waitForScreen(p, `"${expect}" after ${line}`, (lines, e) => lines.some((l) => l.includes(e)), expect);
  };
  return [
    ['half a lesson, then a reload: the lesson, its progress, the screen and the files are all back', async () => {
      page = await newPage();
      const p = page;
      await p.goto(h.url, { waitUntil: 'load', timeout: h.timeout });
      await h.waitForPrompt(p);
      await p.locator('#lesson-panel button[data-lesson-id="filesystem"]').click();
      await check(p, 'project-dir').waitFor({ timeout: h.timeout });
      await h.waitForPrompt(p);
      await typed(p, 'mkdir -p /root/projects/website && cd /root/projects && echo marker-$((6*7))', 'marker-42');
      await p.waitForSelector('#lesson-panel li.check[data-check-id="project-dir"][data-passed="true"]', { timeout: h.timeout });
      await check(p, 'report-moved').locator('button', { hasText: /hint/i }).first().click();
      await hintsShown(p, 'report-moved').first().waitFor();
      // the save follows the prompt by a moment: wait for the panel to say so
      await p.click('#tab-machines');
      await p.locator('[data-testid="save-status"]', { hasText: 'Saved' }).waitFor({ timeout: h.timeout });
      // the next save's time (saves may come within one second: the text can stay the same)
      const before = await p.locator('[data-testid="save-status"]').getAttribute('data-saved-at');
      await typed(p, 'true', ']#');
      await p.waitForFunction((b) => document.querySelector('[data-testid="save-status"]')?.getAttribute('data-saved-at') !== b, before, { timeout: h.timeout, polling: 100 });

      await p.reload({ waitUntil: 'load', timeout: h.timeout });
      await h.waitForScreen(p, 'the command typed before the reload', (lines) => lines.some((l) => l.includes('echo marker-$((6*7))')), null);
      await p.waitForSelector('#lesson-panel article.lesson[data-lesson-id="filesystem"]', { timeout: h.timeout });
      await p.waitForSelector('#lesson-panel li.check[data-check-id="project-dir"][data-passed="true"]', { timeout: h.timeout });
      if ((await hintsShown(p, 'report-moved').count()) !== 1) throw new Error('the hint shown before the reload is gone');
      await typed(p, 'pwd', '/root/projects');
    }],
    ['the machine exported from the Machines tab opens in another browser profile with the same files and progress', async () => {
      const p = page;
      if (!p) throw new Error('the previous step did not run');
      await p.click('#tab-machines');
      const [download] = await Promise.all([p.waitForEvent('download'), p.locator('#lesson-panel li.machine.current button', { hasText: 'Export' }).click()]);
      const path = await download.path();
      const { readFile } = await import('node:fs/promises');
      exported = await readFile(path);
      if (exported[0] !== 0x1f || exported[1] !== 0x8b) throw new Error('the exported file is not gzip');
      await p.context().close();

      const q = await newPage();
      await q.goto(h.url, { waitUntil: 'load', timeout: h.timeout });
      await h.waitForPrompt(q);
      await q.click('#tab-machines');
      await q.setInputFiles('#lesson-panel [data-testid="machine-file"]', { name: 'lab.photon', mimeType: 'application/gzip', buffer: exported });
      const entry = q.locator('#lesson-panel li.machine', { hasText: 'Getting around the filesystem' });
      await entry.waitFor({ timeout: h.timeout });
      await entry.locator('button', { hasText: 'Open' }).click();
      await h.waitForScreen(q, 'the exported machine\'s screen', (lines) => lines.some((l) => l.includes('echo marker-$((6*7))')), null);
      await q.click('#tab-lessons');
      await q.waitForSelector('#lesson-panel li.check[data-check-id="project-dir"][data-passed="true"]', { timeout: h.timeout });
      if ((await hintsShown(q, 'report-moved').count()) !== 1) throw new Error('the hint is not in the imported machine\'s progress');
      await typed(q, 'ls -d /root/projects/website', '/root/projects/website');
      await q.context().close();
    }],
  ];
}
