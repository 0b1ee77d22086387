// End-to-end step for the full-screen editor (issue 11), run by run-e2e.mjs: in the real
// terminal (xterm.js in Chromium), vi edits /etc/ssh/sshd_config (search, change a word,
// :wq) and the change is on disk. Every wait polls a condition.

/**
 * @param {import('playwright-core').Page} page
 * @param {{
 *   waitForScreen: (page: import('playwright-core').Page, what: string, predicate: (lines: string[], arg: any) => boolean, arg: any) => Promise<void>,
 *   focusTerminal: (page: import('playwright-core').Page) => Promise<void>,
 *   typeLine: (page: import('playwright-core').Page, line: string) => Promise<void>,
 * }} h
 * @returns {[string, () => Promise<void>][]}
 */
export function vimSteps(page, h) {
  return [
    ['vi edits /etc/ssh/sshd_config in the terminal: PermitRootLogin yes becomes no, saved with :wq', async () => {
      await h.focusTerminal(page);
      await h.typeLine(page, "sed -i 's/^PermitRootLogin .*/PermitRootLogin yes/' /etc/ssh/sshd_config && grep -c '^PermitRootLogin yes' /etc/ssh/sshd_config");
      await h.waitForScreen(page, 'the line set to yes', (lines) => lines.some((l) => l.trim() === '1'), null);
      await h.typeLine(page, 'vi /etc/ssh/sshd_config');
      await h.waitForScreen(page, 'vi showing the file and its name', (lines) => lines.some((l) => l.startsWith('"/etc/ssh/sshd_config"')), null);
      await page.keyboard.type('/^PermitRootLogin');
      await page.keyboard.press('Enter');
      await h.waitForScreen(page, 'the cursor on the line (no error)', (lines) => !lines.some((l) => l.startsWith('E486')), null);
      await page.keyboard.type('wcw');
      await h.waitForScreen(page, 'insert mode', (lines) => lines.some((l) => l.startsWith('-- INSERT --')), null);
      await page.keyboard.type('no');
      await page.keyboard.press('Escape');
      await page.keyboard.type(':wq');
      await page.keyboard.press('Enter');
      // vim reads keys in chunks, as the real one does: what it read past ":wq<Enter>" dies with
      // it, so the next command waits for the shell's prompt under the vi command line
      await h.waitForScreen(
        page,
        'vi gone and a new prompt',
        (lines) => {
          const vi = lines.findLastIndex((l) => l.endsWith('# vi /etc/ssh/sshd_config'));
          return vi >= 0 && lines.slice(vi + 1).some((l) => l.trimEnd().endsWith(']#'));
        },
        null,
      );
      await h.typeLine(page, "grep '^PermitRootLogin' /etc/ssh/sshd_config");
      await h.waitForScreen(page, 'the line changed on disk', (lines) => lines.some((l) => l.trim() === 'PermitRootLogin no'), null);
    }],
  ];
}
