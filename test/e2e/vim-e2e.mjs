// End-to-end step for the full-screen editor (issue 11), run by run-e2e.mjs: in the real
// terminal (xterm.js in Chromium), vi edits /etc/ssh/sshd_config (search, change a word,
// :wq) and the change is on disk; and what the page draws stays the terminal's screen while
// vi edits, scrolls and quits (the page skips rows whose cells did not change:
// src/ui/xterm-row-cache.ts). Every wait polls a condition.
import { waitInPage } from './page-poll.mjs';

/** The first row where the drawn page differs from the terminal's buffer, or '' (run in the page). */
function drawnMismatch() {
  const term = /** @type {any} */ (window).__photon?.term;
  if (!term) return 'no terminal';
  const b = term.buffer.active;
  const rows = document.querySelectorAll('.xterm-rows > div');
  if (rows.length !== term.rows) return `${rows.length} rows drawn for ${term.rows}`;
  const text = (/** @type {string} */ s) => s.replace(/\u00a0/g, ' ').trimEnd();
  for (let y = 0; y < term.rows; y++) {
    const want = text(b.getLine(b.viewportY + y)?.translateToString(true) ?? '');
    const got = text(rows[y]?.textContent ?? '');
    if (want !== got) return `row ${y}: the buffer has ${JSON.stringify(want)}, the page shows ${JSON.stringify(got)}`;
  }
  return '';
}

/**
 * Waits until every row the page draws shows its buffer line (rendering follows a frame later).
 * @param {import('playwright-core').Page} page @param {string} when
 */
async function drawnAsBuffer(page, when) {
  try {
    await waitInPage(page, `() => (${drawnMismatch.toString()})() === ''`, null, { timeout: 5000, polling: 50 });
  } catch {
    throw new Error(`${when}: the page does not draw the terminal's screen: ${await page.evaluate(drawnMismatch)}`);
  }
}

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
    ['the page draws exactly the terminal\'s screen while vi inserts, scrolls and deletes, and after it quits, output scrolls and clear', async () => {
      await h.focusTerminal(page);
      await h.typeLine(page, "seq -f 'row %g of the file' 1 80 > /tmp/d.txt");
      await h.typeLine(page, 'vi /tmp/d.txt');
      await h.waitForScreen(page, 'vi showing the file', (lines) => lines.some((l) => l.startsWith('"/tmp/d.txt"')), null);
      await drawnAsBuffer(page, 'vi opened');
      await page.keyboard.type('Otyped at the top');
      await h.waitForScreen(page, 'the typed line', (lines) => lines.some((l) => l.startsWith('typed at the top')), null);
      await drawnAsBuffer(page, 'after typing in insert mode');
      await page.keyboard.press('Escape');
      await page.keyboard.type('G');
      await h.waitForScreen(page, 'the end of the file', (lines) => lines.some((l) => l.startsWith('row 80 of the file')), null);
      await drawnAsBuffer(page, 'after G');
      await page.keyboard.type('ggdd');
      await h.waitForScreen(page, 'the typed line deleted', (lines) => lines.some((l) => l.startsWith('row 1 of the file')) && !lines.some((l) => l.startsWith('typed at')), null);
      await drawnAsBuffer(page, 'after gg and dd');
      await page.keyboard.type(':q!');
      await page.keyboard.press('Enter');
      await h.waitForScreen(
        page,
        'vi gone and a new prompt',
        (lines) => {
          const vi = lines.findLastIndex((l) => l.endsWith('# vi /tmp/d.txt'));
          return vi >= 0 && lines.slice(vi + 1).some((l) => l.trimEnd().endsWith(']#'));
        },
        null,
      );
      await drawnAsBuffer(page, 'after vi quit');
      await h.typeLine(page, "seq 1 150 | sed 's/^/line /'");
      await h.waitForScreen(page, 'the output', (lines) => lines.some((l) => l === 'line 150'), null);
      await drawnAsBuffer(page, 'after output scrolled the screen');
      await h.typeLine(page, 'clear');
      const rows = await page.evaluate(() => /** @type {any} */ (window).__photon.term.rows);
      // the screen (the buffer's last rows) holds only the new prompt
      await h.waitForScreen(page, 'a cleared screen', (lines, n) => {
        const shown = lines.slice(-n).filter((l) => l.trim() !== '');
        return shown.length === 1 && shown[0].trimEnd().endsWith(']#');
      }, rows);
      await drawnAsBuffer(page, 'after clear');
    }],
  ];
}
