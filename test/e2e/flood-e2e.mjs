// End-to-end steps for output floods (issue 12), run by run-e2e.mjs in a fresh browser profile:
// `yes`, `cat /dev/urandom` and `seq 1 100000000` fill the screen, Ctrl-C stops each and a new
// prompt takes a command. The page is paced: xterm.js is never far behind the machine (what it
// was given and has not parsed stays small) and little is written after Ctrl-C, where an
// unpaced page had tens of megabytes queued. Every wait polls a condition; nothing is timed.
import { waitInPage } from './page-poll.mjs';

/** At most this much unparsed output in xterm.js, and written after Ctrl-C (the worker's
 * high-water mark is 64 K characters; an unpaced page had 40 M and more). */
const BACKLOG_LIMIT = 256 * 1024;

const PROMPT = 'root@photon-machine [ ~ ]# ';

/** Counts what reaches xterm.js: written, parsed, the largest gap, and what came after ^C. */
function watchTerminal() {
  const w = /** @type {any} */ (window);
  const term = w.__photon.term;
  const m = (w.__flood = { written: 0, parsed: 0, maxBacklog: 0, ctrlC: -1 });
  const write = term.write.bind(term);
  term.write = (data, done) => {
    m.written += data.length;
    m.maxBacklog = Math.max(m.maxBacklog, m.written - m.parsed);
    write(data, () => {
      m.parsed += data.length;
      done?.();
    });
  };
  addEventListener(
    'keydown',
    (e) => {
      if (e.ctrlKey && e.code === 'KeyC') m.ctrlC = m.written;
    },
    { capture: true },
  );
}

/**
 * @param {{
 *   browser: import('playwright-core').Browser,
 *   url: string,
 *   timeout: number,
 *   pageErrors: string[],
 *   waitForPrompt: (page: import('playwright-core').Page) => Promise<void>,
 *   focusTerminal: (page: import('playwright-core').Page) => Promise<void>,
 *   typeLine: (page: import('playwright-core').Page, line: string) => Promise<void>,
 * }} h
 * @returns {[string, () => Promise<void>][]}
 */
export function floodSteps(h) {
  /** @type {import('playwright-core').Page | undefined} */
  let page;
  const thePage = () => {
    if (!page) throw new Error('no page: the first flood step did not run');
    return page;
  };

  /** Waits for `predicate(visibleLines, arg)` over the terminal's visible rows only. */
  const waitForView = async (p, what, predicate, arg) => {
    const condition = `(arg) => {
      const term = window.__photon.term;
      const b = term.buffer.active;
      const lines = [];
      for (let y = 0; y < term.rows; y++) lines.push(b.getLine(b.viewportY + y)?.translateToString(true) ?? '');
      return (${predicate.toString()})(lines, arg, b.cursorY, b.baseY, term.rows);
    }`;
    try {
      await waitInPage(p, condition, arg, { timeout: h.timeout, polling: 50 });
    } catch (e) {
      const lines = await p.evaluate(() => {
        const term = /** @type {any} */ (window).__photon.term;
        const b = term.buffer.active;
        const out = [];
        for (let y = 0; y < term.rows; y++) out.push(b.getLine(b.viewportY + y)?.translateToString(true) ?? '');
        return out;
      });
      const shown = lines.filter((l) => l.trim()).slice(-12).map((l) => `    | ${JSON.stringify(l).slice(1, -1).slice(0, 100)}`).join('\n');
      throw new Error(`timed out after ${h.timeout / 1000} s waiting for ${what}\n  screen (last lines):\n${shown}\n  (${e instanceof Error ? e.message.split('\n')[0] : e})`);
    }
  };

  /**
   * Ctrl-C, then a prompt after the ^C, then a command that answers. After binary garbage the
   * terminal may draw in another character set (DEC line drawing turns the prompt's letters into
   * other glyphs, a national one its # into £ and ^C into something else), as a real one would:
   * there the prompt is known by its shape (spaces are spaces in every set), once xterm.js has
   * parsed all it was given (so any answers to stray queries in the garbage went out before the
   * next keys), and the learner's `reset`, a full reset (RIS), comes before the command.
   */
  const interrupt = async (p, command, answer, garbage = false) => {
    await p.keyboard.press('Control+C');
    if (garbage) {
      await waitForView(
        p,
        'a prompt-shaped line at the cursor, all output parsed',
        (lines, _a, cursorY) => {
          const m = /** @type {any} */ (window).__flood;
          return m.written === m.parsed && /^\S{19} \S \S \S\S /.test(lines[cursorY] ?? '');
        },
        null,
      );
      // (what the garbage's queries were answered with may stand on the line: it goes first)
      await p.keyboard.press('Control+U');
      await h.typeLine(p, `printf '\\033c'; ${command}`);
      await waitForView(
        p,
        `the output "${answer}" and a prompt after it`,
        (lines, { answer, prompt }) => {
          const at = lines.findIndex((l) => l.trim() === answer);
          return at >= 0 && lines.slice(at + 1).some((l) => l.startsWith(prompt));
        },
        { answer, prompt: PROMPT },
      );
    } else {
      await waitForView(
        p,
        'a new prompt after ^C',
        (lines, prompt, cursorY) => {
          const caret = lines.findLastIndex((l) => l.includes('^C'));
          return caret >= 0 && caret <= cursorY && lines.slice(caret, cursorY + 1).some((l) => l.startsWith(prompt));
        },
        PROMPT,
      );
    }
    const m = await p.evaluate(() => ({ ...(/** @type {any} */ (window).__flood) }));
    const after = m.written - m.ctrlC;
    if (m.ctrlC < 0) throw new Error('the Ctrl-C key press was not seen');
    if (after > BACKLOG_LIMIT) throw new Error(`${after} characters reached the terminal after Ctrl-C (at most ${BACKLOG_LIMIT})`);
    if (m.maxBacklog > BACKLOG_LIMIT) throw new Error(`xterm.js fell ${m.maxBacklog} characters behind (at most ${BACKLOG_LIMIT})`);
    if (garbage) return;
    await p.keyboard.press('Control+U');
    await h.typeLine(p, command);
    await waitForView(p, `the output "${answer}"`, (lines, a) => lines.some((l) => l.trim() === a), answer);
  };

  const start = async (p, command) => {
    await p.evaluate(() => {
      const m = /** @type {any} */ (window).__flood;
      m.maxBacklog = 0;
      m.ctrlC = -1;
    });
    await h.typeLine(p, `clear; ${command}`);
  };

  return [
    ['yes fills the screen, Ctrl-C stops it at once, and a new prompt takes a command', async () => {
      const context = await h.browser.newContext({ viewport: { width: 1100, height: 700 } });
      page = await context.newPage();
      const p = page;
      p.setDefaultTimeout(h.timeout);
      p.on('pageerror', (err) => h.pageErrors.push(err.message));
      await p.goto(h.url, { waitUntil: 'load', timeout: h.timeout });
      await h.waitForPrompt(p);
      await p.evaluate(watchTerminal);
      await h.focusTerminal(p);
      await start(p, 'yes');
      await waitForView(p, 'a screen full of y', (lines, _a, cursorY, baseY, rows) => baseY > rows && lines.slice(0, rows - 1).every((l) => l === 'y'), null);
      await interrupt(p, 'echo after-yes-$((6*7))', 'after-yes-42');
    }],
    ['cat /dev/urandom: binary garbage fills the screen, Ctrl-C stops it, and the terminal still works', async () => {
      const p = thePage();
      await start(p, 'cat /dev/urandom');
      await waitForView(p, 'screens of garbage', (_lines, _a, _cursorY, baseY, rows) => baseY > 3 * rows, null);
      await interrupt(p, 'echo after-urandom-$((6*7))', 'after-urandom-42', true);
      // and the terminal is itself again
      await h.typeLine(p, 'echo still-$((6*7))');
      await waitForView(p, 'the output "still-42"', (lines) => lines.some((l) => l.trim() === 'still-42'), null);
    }],
    ['seq 1 100000000 streams numbers, Ctrl-C stops it, and a new prompt takes a command', async () => {
      const p = thePage();
      await start(p, 'seq 1 100000000');
      await waitForView(
        p,
        'a screen of consecutive numbers past 10000',
        (lines, _a, _cursorY, baseY, rows) => {
          const shown = lines.slice(0, rows - 1);
          if (baseY < rows || !shown.every((l) => /^\d+$/.test(l))) return false;
          const n = shown.map(Number);
          return n.every((v, i) => i === 0 || v === n[i - 1] + 1) && n[n.length - 1] > 10000;
        },
        null,
      );
      await interrupt(p, 'echo after-seq-$((6*7))', 'after-seq-42');
      await p.context().close();
    }],
  ];
}
