// End-to-end steps for the lesson panel (issue 9), run by run-e2e.mjs after its console steps:
// the panel loads beside the terminal without resizing it, collapses and expands (the terminal
// refits), the state inspector reads the machine, and the static-IP lesson is solved by typing
// its reference solution into the terminal until every check is green and the lesson completes.
// Every wait polls a condition (no fixed sleeps).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** A shell prompt at the start of a screen line (any user, host and directory). */
const PROMPT_RE = '^[A-Za-z0-9_.-]+@[A-Za-z0-9_.-]+ \\[ [^\\]]* \\][#$]( |$)';

/** Lesson files under lessons/ that mention the static-IP file (the lesson the test solves). */
export function staticIpLessonFiles(root) {
  const found = [];
  const walk = (dir, depth) => {
    if (depth > 6) return;
    let names = [];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(dir, name);
      const info = statSync(path);
      if (info.isDirectory()) walk(path, depth + 1);
      else if (/\.(ya?ml|json|md)$/.test(name) && info.size < 1_000_000 && readFileSync(path, 'utf8').includes('10-static.network')) found.push(path);
    }
  };
  walk(join(root, 'lessons'), 0);
  return found;
}

/**
 * @param {import('playwright-core').Page} page
 * @param {{ root: string, timeout: number, screen: (page: import('playwright-core').Page) => Promise<string[]>,
 *   waitForScreen: Function, focusTerminal: (page: import('playwright-core').Page) => Promise<void> }} h
 * @returns {[string, () => Promise<void | 'skip'>][]}
 */
export function lessonSteps(page, h) {
  const { timeout } = h;
  const lessonFiles = staticIpLessonFiles(h.root);
  /** cols of the terminal when the first prompt showed */
  let colsAtPrompt = 0;
  /** the solution's commands, read from the panel */
  let solution = [];

  const cols = () => page.evaluate(() => window.__photon?.term.cols ?? 0);
  const promptCount = () =>
    page.evaluate((re) => {
      const b = window.__photon?.term.buffer.active;
      if (!b) return 0;
      const rx = new RegExp(re);
      let n = 0;
      for (let i = 0; i < b.length; i++) if (rx.test(b.getLine(i)?.translateToString(true) ?? '')) n++;
      return n;
    }, PROMPT_RE);
  const waitForPromptCount = async (min, what) => {
    try {
      await page.waitForFunction(
        ({ re, min }) => {
          const b = window.__photon?.term.buffer.active;
          if (!b) return false;
          const rx = new RegExp(re);
          let n = 0;
          for (let i = 0; i < b.length; i++) if (rx.test(b.getLine(i)?.translateToString(true) ?? '')) n++;
          return n >= min;
        },
        { re: PROMPT_RE, min },
        { timeout, polling: 50 },
      );
    } catch (e) {
      const shown = (await h.screen(page)).filter((l) => l.trim()).slice(-12).map((l) => `    | ${l}`).join('\n');
      throw new Error(`timed out waiting for ${what}\n  screen (last lines):\n${shown}\n  (${e instanceof Error ? e.message.split('\n')[0] : e})`);
    }
  };
  const checkStates = () =>
    page.$$eval('#tabpanel-lessons [data-check-id]', (els) => els.map((el) => ({ id: el.getAttribute('data-check-id'), passed: el.getAttribute('data-passed') === 'true', text: el.textContent?.replace(/\s+/g, ' ').trim() })));

  return [
    ['the lesson panel loads beside the terminal without resizing it', async () => {
      await page.reload({ waitUntil: 'load', timeout });
      await h.waitForScreen(page, 'the first prompt', (lines) => lines.some((l) => /^\S+@\S+ \[ .* \]# ?$/.test(l)), null);
      colsAtPrompt = await cols();
      await page.waitForSelector('#lesson-panel [role="tablist"]', { timeout });
      await page.waitForSelector('#lesson-panel nav[aria-label="Lessons"] button', { timeout });
      const after = await cols();
      if (after !== colsAtPrompt) throw new Error(`the terminal changed from ${colsAtPrompt} to ${after} columns when the panel loaded`);
    }],
    ['the panel collapses (the terminal refits) and expands again', async () => {
      const toggle = page.locator('button[aria-controls="lesson-panel"]').first();
      await toggle.click();
      await page.waitForFunction((c) => (window.__photon?.term.cols ?? 0) > c, colsAtPrompt, { timeout, polling: 50 });
      await page.waitForSelector('#lesson-panel', { state: 'hidden', timeout });
      await toggle.click();
      await page.waitForFunction((c) => window.__photon?.term.cols === c, colsAtPrompt, { timeout, polling: 50 });
      await page.waitForSelector('#lesson-panel', { state: 'visible', timeout });
    }],
    ['the keyboard reaches the panel, its tabs and the resize handle, and gets back', async () => {
      const active = () => page.evaluate(() => ({ id: document.activeElement?.id ?? '', inTerminal: !!document.activeElement?.closest('.xterm') }));
      await h.focusTerminal(page);
      await page.keyboard.press('Control+Shift+L');
      await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'tab', undefined, { timeout });
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction(() => document.activeElement?.id === 'tab-machine' && document.activeElement.getAttribute('aria-selected') === 'true', undefined, { timeout });
      await page.keyboard.press('ArrowLeft');
      await page.waitForFunction(() => document.activeElement?.id === 'tab-lessons', undefined, { timeout });
      await page.keyboard.press('Control+Shift+L');
      if (!(await active()).inTerminal) throw new Error(`Ctrl+Shift+L in the panel left the focus on #${(await active()).id}`);
      // the handle: arrow keys widen and narrow the panel, and the terminal refits
      const width = () => page.$eval('[role="separator"]', (el) => Number(el.getAttribute('aria-valuenow')));
      const w0 = await width();
      await page.focus('[role="separator"]');
      await page.keyboard.press('ArrowLeft');
      await page.waitForFunction((c) => (window.__photon?.term.cols ?? 0) < c, colsAtPrompt, { timeout, polling: 50 });
      if ((await width()) <= w0) throw new Error('ArrowLeft on the handle did not widen the panel');
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction((c) => window.__photon?.term.cols === c, colsAtPrompt, { timeout, polling: 50 });
      if ((await width()) !== w0) throw new Error(`the panel is ${await width()} px wide, not ${w0} px, after ArrowLeft, ArrowRight`);
    }],
    ['the state inspector shows the machine', async () => {
      await page.click('#tab-machine');
      await page.waitForSelector('#tabpanel-machine [data-link="eth0"]', { timeout });
      await page.waitForSelector('#tabpanel-machine figure', { timeout }); // the firewall picture
      await page.click('#tab-lessons');
    }],
    ['the static-IP lesson opens from the panel on a fresh machine', async () => {
      // by its title (other lessons' summaries may say "static" too)
      const button = page.locator('#lesson-panel button[data-lesson-id]').filter({ has: page.locator('.name', { hasText: /static/i }) }).first();
      if ((await button.count()) === 0) {
        if (lessonFiles.length === 0) return 'skip'; // the curriculum has no static-IP lesson yet
        throw new Error(`lessons/ has a static-IP lesson (${lessonFiles.join(', ')}) but the panel lists no lesson titled "static"`);
      }
      // a line on the old machine's screen, to see the terminal cleared for the new machine
      await h.focusTerminal(page);
      const before = await promptCount();
      await page.keyboard.type('echo old-machine-$((6*7))');
      await page.keyboard.press('Enter');
      await h.waitForScreen(page, 'the output "old-machine-42"', (lines) => lines.some((l) => l.trim() === 'old-machine-42'), null);
      await waitForPromptCount(before + 1, 'the prompt after the echo');
      await button.click();
      await page.waitForSelector('#lesson-panel article.lesson', { timeout });
      await h.waitForScreen(page, 'a cleared terminal', (lines) => !lines.some((l) => l.includes('old-machine-')), null);
      await waitForPromptCount(1, "the lesson machine's prompt");
      const checks = await checkStates();
      if (checks.length === 0) throw new Error('the lesson shows no checks');
      if (checks.every((c) => c.passed)) throw new Error('every check passes before the learner did anything');
    }],
    ['"Show solution" lists the reference commands', async () => {
      if ((await page.locator('#lesson-panel article.lesson').count()) === 0) return 'skip';
      await page.locator('#lesson-panel button', { hasText: 'Show solution' }).click();
      await page.waitForSelector('[data-testid="solution"] code', { timeout });
      solution = await page.$$eval('[data-testid="solution"] code', (els) => els.map((el) => el.textContent ?? ''));
      if (solution.length === 0 || solution.some((c) => c.trim() === '')) throw new Error(`odd solution: ${JSON.stringify(solution)}`);
    }],
    ['typing the solution turns every check green and completes the lesson', async () => {
      if (solution.length === 0) return 'skip';
      await h.focusTerminal(page);
      const seenPassing = new Set();
      for (const command of solution) {
        const before = await promptCount();
        for (const line of command.replace(/\s+$/, '').split('\n')) {
          await page.keyboard.type(line);
          await page.keyboard.press('Enter');
        }
        await waitForPromptCount(before + 1, `the prompt after: ${command.split('\n')[0]}`);
        for (const c of await checkStates()) if (c.passed) seenPassing.add(c.id);
      }
      try {
        await page.waitForSelector('[data-testid="lesson-complete"]', { timeout });
      } catch {
        const failing = (await checkStates()).filter((c) => !c.passed).map((c) => `    ✗ ${c.text}`);
        throw new Error(`the lesson did not complete; still failing:\n${failing.join('\n')}`);
      }
      const taken = (await page.textContent('[data-testid="time-taken"]'))?.trim() ?? '';
      if (!/\d+ (s|min|h)/.test(taken)) throw new Error(`odd time taken: "${taken}"`);
      const hints = (await page.textContent('[data-testid="hints-used"]'))?.trim();
      if (hints !== '0') throw new Error(`hints used should be 0, is "${hints}"`);
      // back to the steps: each check shows green, the lesson 100%
      await page.locator('[data-testid="lesson-complete"] button', { hasText: 'Review the steps' }).click();
      const checks = await checkStates();
      const red = checks.filter((c) => !c.passed);
      if (checks.length === 0 || red.length) throw new Error(`checks not green after completion: ${red.map((c) => c.text).join('; ')}`);
      const percent = (await page.textContent('[data-testid="lesson-percent"]'))?.trim();
      if (percent !== '100% complete') throw new Error(`the lesson shows "${percent}"`);
    }],
  ];
}
