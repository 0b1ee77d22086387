// Polling a condition inside the page under its Content-Security-Policy. page.waitForFunction
// with a string expression evaluates that string at every poll, which a policy without
// 'unsafe-eval' refuses (only the first poll, inside Playwright's own call, is let through).
// So the condition is compiled once, inside a page.evaluate call (DevTools' evaluation is not
// subject to the page's policy), kept on window under a fresh name, and polled as a function.
let seq = 0;

/**
 * Waits until `source` (a function's text, called with `arg`) returns a truthy value in the page.
 * @param {import('playwright-core').Page} page
 * @param {string} source
 * @param {unknown} arg
 * @param {{ timeout: number, polling?: number }} options
 */
export async function waitInPage(page, source, arg, options) {
  const key = `__photonPoll${++seq}`;
  await page.evaluate(({ key, source }) => {
    /** @type {any} */ (window)[key] = (0, eval)(`(${source})`);
  }, { key, source });
  try {
    await page.waitForFunction(
      ({ key, arg }) => {
        const f = /** @type {any} */ (window)[key];
        return typeof f === 'function' && f(arg);
      },
      { key, arg },
      { timeout: options.timeout, polling: options.polling ?? 50 },
    );
  } finally {
    await page.evaluate((key) => delete (/** @type {any} */ (window))[key], key).catch(() => {});
  }
}
