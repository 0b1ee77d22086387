// End-to-end steps for the page's security (issue 12), run by run-e2e.mjs in a fresh browser
// profile: the built page carries a Content-Security-Policy without 'unsafe-inline' or
// 'unsafe-eval' and a whole session under it (boot, the lesson panel, the Machines tab with an
// export and an import, a hostile lesson pack, commands with colours and links) reports no
// violation and no console error; terminal links open only http(s) addresses, without opener;
// a program cannot write the clipboard (OSC 52); a file dropped beside the terminal does not
// replace the page. Every wait polls a condition.

/** Collects policy violations from the first script on (installed before the page's own). */
function collectViolations() {
  const w = /** @type {any} */ (window);
  w.__cspViolations = [];
  addEventListener(
    'securitypolicyviolation',
    (e) => w.__cspViolations.push(`${e.effectiveDirective}: ${e.blockedURI || 'inline'} (${e.sourceFile || 'page'}:${e.lineNumber})`),
    true,
  );
}

/** A lesson pack whose texts try everything a sanitiser must stop. */
function hostilePack(pack) {
  const p = JSON.parse(pack);
  const intro = Object.keys(p.files).find((k) => k.endsWith('/intro.md'));
  const lesson = Object.keys(p.files).find((k) => k.endsWith('/lesson.yaml'));
  if (!intro || !lesson) throw new Error('the example pack has no intro.md or lesson.yaml');
  p.files[intro] = [
    'Hostile intro <script>window.__pwned = "script"</script>',
    '',
    '<img src="https://evil.example/pixel.png" onerror="window.__pwned = \'onerror\'"> <svg onload="window.__pwned = \'svg\'"></svg>',
    '',
    '[a javascript: link](javascript:window.__pwned=1) and [a web link](https://example.com/docs)',
    '',
    '<iframe srcdoc="<script>parent.__pwned = \'iframe\'</script>"></iframe><style>body { display: none }</style>',
    '<base href="https://evil.example/"><form action="https://evil.example/"><button>go</button></form>',
    '<div id="app" class="panel-toggle">clobber</div>',
    '',
    'A tracking pixel: ![tracker](https://tracker.example/pixel.gif)',
    '',
    '```sh',
    'echo hostile-run',
    '```',
  ].join('\n');
  p.files[lesson] = p.files[lesson].replace(/^title: .*$/m, 'title: "<img src=x onerror=window.__pwned=1> Hostile lesson"');
  return JSON.stringify(p);
}

/**
 * @param {{
 *   browser: import('playwright-core').Browser,
 *   url: string,
 *   pack: string,
 *   timeout: number,
 *   pageErrors: string[],
 *   waitForPrompt: (page: import('playwright-core').Page) => Promise<void>,
 *   waitForScreen: (page: import('playwright-core').Page, what: string, predicate: (lines: string[], arg: any) => boolean, arg: any) => Promise<void>,
 *   focusTerminal: (page: import('playwright-core').Page) => Promise<void>,
 *   typeLine: (page: import('playwright-core').Page, line: string) => Promise<void>,
 * }} h
 * @returns {[string, () => Promise<void>][]}
 */
export function securitySteps(h) {
  /** @type {import('playwright-core').BrowserContext | undefined} */
  let context;
  /** @type {import('playwright-core').Page | undefined} */
  let page;
  /** @type {string[]} */
  const consoleErrors = [];
  const thePage = () => {
    if (!page) throw new Error('no page: the first security step did not run');
    return page;
  };
  const violations = (p) => p.evaluate(() => /** @type {any} */ (window).__cspViolations.slice());
  const settle = (p) => p.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  const typed = async (p, line, expect) => {
    await h.focusTerminal(p);
    await h.typeLine(p, line);
    await h.waitForScreen(p, `"${expect}" after ${line}`, (lines, e) => lines.some((l) => l.trim() === e), expect);
  };
  /** Moves the mouse onto `text` in the visible screen (the last line showing it). */
  const pointAt = async (p, text) => {
    const spot = await p.evaluate((t) => {
      const term = /** @type {any} */ (window).__photon.term;
      const b = term.buffer.active;
      for (let y = term.rows - 1; y >= 0; y--) {
        const line = b.getLine(b.viewportY + y)?.translateToString(true) ?? '';
        const x = line.indexOf(t);
        if (x < 0) continue;
        const row = document.querySelectorAll('.xterm-rows > div')[y];
        if (!row) return null;
        const rect = row.getBoundingClientRect();
        const cell = rect.width / term.cols;
        return { x: rect.left + (x + Math.min(3, t.length / 2)) * cell, y: rect.top + rect.height / 2 };
      }
      return null;
    }, text);
    if (!spot) throw new Error(`"${text}" is not on the screen`);
    await p.mouse.move(spot.x, spot.y);
  };

  return [
    ['under its Content-Security-Policy (no unsafe-inline, no unsafe-eval) a whole session reports no violation and no console error', async () => {
      context = await h.browser.newContext({ viewport: { width: 1100, height: 700 }, acceptDownloads: true });
      await context.addInitScript(collectViolations);
      page = await context.newPage();
      const p = page;
      p.setDefaultTimeout(h.timeout);
      p.on('pageerror', (err) => h.pageErrors.push(err.message));
      p.on('console', (msg) => {
        if (msg.type() === 'error') consoleErrors.push(msg.text());
      });
      await p.goto(h.url, { waitUntil: 'load', timeout: h.timeout });
      await h.waitForPrompt(p);

      const policy = await p.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? null);
      if (!policy) throw new Error('the page has no Content-Security-Policy <meta>');
      for (const bad of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'strict-dynamic'", '*', 'http:', 'https:'])
        if (policy.split(/[;\s]+/).includes(bad)) throw new Error(`the policy allows ${bad}: ${policy}`);
      const directives = policy.split(/\s*;\s*/);
      for (const want of ["default-src 'self'", "style-src 'self'", "object-src 'none'", "base-uri 'none'"])
        if (!directives.includes(want)) throw new Error(`the policy lacks "${want}": ${policy}`);
      // scripts: the app's own files, and inline only the early boot's script, by its hash
      const scriptSrc = directives.find((d) => d.startsWith('script-src '))?.split(/\s+/).slice(1) ?? [];
      const hashes = scriptSrc.filter((v) => /^'sha256-[A-Za-z0-9+/]+=*'$/.test(v));
      if (scriptSrc[0] !== "'self'" || hashes.length !== scriptSrc.length - 1) throw new Error(`script-src is not 'self' and hashes: ${policy}`);
      const inline = await p.evaluate(async () => {
        const out = [];
        for (const s of document.querySelectorAll('script:not([src])')) {
          const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(s.textContent ?? ''));
          out.push(`'sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}'`);
        }
        return out;
      });
      if (inline.length !== 1 || hashes.length !== 1 || inline[0] !== hashes[0]) throw new Error(`inline scripts ${inline.join(' ')} against the policy's hashes ${hashes.join(' ')}`);

      // the lesson panel, its Machine and Machines tabs; an export (a blob: download) and its import
      // the page's frame (its title bar and panel) mounts a moment after the first prompt: wait
      // for its toggle before asking whether the panel is open, or a click would close it
      const toggle = p.locator('button[aria-controls="lesson-panel"].panel-toggle');
      await toggle.waitFor({ state: 'attached', timeout: h.timeout });
      if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
      await p.locator('#tab-lessons').waitFor({ timeout: h.timeout });
      await p.click('#tab-machine');
      await p.locator('#tabpanel-machine').waitFor({ timeout: h.timeout });
      await typed(p, 'echo kept-$((6*7)) | tee /root/kept', 'kept-42');
      await p.click('#tab-machines');
      // the machine is listed once it has been saved, a moment after the prompt
      await p.locator('[data-testid="save-status"]', { hasText: 'Saved' }).waitFor({ timeout: h.timeout });
      const machines = p.locator('#lesson-panel li.machine');
      await machines.first().waitFor({ timeout: h.timeout });
      const before = await machines.count();
      const [download] = await Promise.all([p.waitForEvent('download'), p.locator('#lesson-panel li.machine.current button', { hasText: 'Export' }).click()]);
      const { readFile } = await import('node:fs/promises');
      const bytes = await readFile(await download.path());
      await p.setInputFiles('#lesson-panel [data-testid="machine-file"]', { name: 'copy.photon', mimeType: 'application/gzip', buffer: bytes });
      await p.waitForFunction((n) => document.querySelectorAll('#lesson-panel li.machine').length > n, before, { timeout: h.timeout, polling: 50 });

      // a lesson pack whose Markdown is hostile: imported, started, shown, and nothing runs
      await p.click('#tab-lessons');
      await p.setInputFiles('#lesson-panel [data-testid="pack-file"]', { name: 'hostile.json', mimeType: 'application/json', buffer: Buffer.from(hostilePack(h.pack)) });
      const hostile = p.locator('#lesson-panel button[data-lesson-id="message-of-the-day"]');
      await hostile.waitFor({ timeout: h.timeout });
      const leave = (/** @type {import('playwright-core').Dialog} */ d) => void d.accept();
      p.once('dialog', leave);
      await hostile.click();
      const intro = p.locator('#lesson-panel article.lesson .intro');
      await intro.filter({ hasText: 'Hostile intro' }).waitFor({ timeout: h.timeout });
      p.off('dialog', leave);
      await h.waitForPrompt(p);
      const shown = await intro.evaluate((el) => {
        const md = el.querySelector('.md') ?? el;
        return {
          dangerous: [...md.querySelectorAll('script, iframe, svg, style, base, form, img, [onerror], [onload], [style], [id], [class]:not(code):not(.codeblock):not(.codebar):not(.run)')].map((e) => e.outerHTML),
          links: [...md.querySelectorAll('a[href]')].map((a) => [a.getAttribute('href'), a.getAttribute('target'), a.getAttribute('rel')]),
          title: document.getElementById('lesson-title')?.innerHTML ?? '',
        };
      });
      if (shown.dangerous.length) throw new Error(`the hostile pack's intro kept: ${shown.dangerous.join(' ')}`);
      if (!shown.title.startsWith('&lt;img src=x')) throw new Error(`the lesson title is not shown as text: ${shown.title}`);
      // images from elsewhere are links to them, loaded only if the learner follows one
      const expected = JSON.stringify(['https://evil.example/pixel.png', 'https://example.com/docs', 'https://tracker.example/pixel.gif'].map((u) => [u, '_blank', 'noopener noreferrer']));
      if (JSON.stringify(shown.links) !== expected) throw new Error(`the intro's links are ${JSON.stringify(shown.links)}, not ${expected}`);
      // the intro's Run button types its command
      await intro.locator('button.run').first().click();
      await h.waitForScreen(p, 'the Run button\'s command output', (lines) => lines.some((l) => l.trim() === 'hostile-run'), null);

      // commands with colours (24-bit ones too), links and a full-screen program
      await typed(p, 'uname -r', '6.1.138-1.ph5-esx');
      await typed(p, "printf '\\e[38;2;255;100;0mtrue\\e[48;2;0;0;160mcolour\\e[0m \\e[1;32mansi\\e[0m\\n'", 'truecolour ansi');
      await typed(p, 'ls --color=always / | head -3', 'bin');
      await typed(p, 'echo https://example.com/csp', 'https://example.com/csp');

      await settle(p);
      const pwned = await p.evaluate(() => /** @type {any} */ (window).__pwned ?? null);
      if (pwned !== null) throw new Error(`the hostile pack ran code: ${pwned}`);
      const seen = await violations(p);
      if (seen.length) throw new Error(`Content-Security-Policy violations:\n${seen.join('\n')}`);
      if (consoleErrors.length) throw new Error(`console errors:\n${consoleErrors.join('\n')}`);

    }],
    ['terminal links: http(s) addresses open in a new tab without opener; javascript: and OSC 8 links to other schemes do nothing', async () => {
      const p = thePage();
      await p.evaluate(() => {
        const w = /** @type {any} */ (window);
        w.__opened = [];
        w.open = (...args) => {
          w.__opened.push(args.map(String));
          return null;
        };
      });
      /** @type {string[]} */
      const dialogs = [];
      const onDialog = (/** @type {import('playwright-core').Dialog} */ d) => {
        dialogs.push(d.message());
        void d.accept();
      };
      p.on('dialog', onDialog);
      try {
        await typed(p, 'clear; echo https://example.com/web-link', 'https://example.com/web-link');
        await typed(p, "printf '\\e]8;;javascript:window.__pwned=1\\e\\\\JSLINK\\e]8;;\\e\\\\ \\e]8;;data:text/html,x\\e\\\\DATALINK\\e]8;;\\e\\\\ \\e]8;;https://example.com/osc8\\e\\\\OSCLINK\\e]8;;\\e\\\\\\n'", 'JSLINK DATALINK OSCLINK');
        // a web address in the output: underlined on hover, opened with noopener,noreferrer on click
        await pointAt(p, 'https://example.com/web-link');
        await p.waitForSelector('.xterm-cursor-pointer', { timeout: h.timeout });
        await p.mouse.down();
        await p.mouse.up();
        await p.waitForFunction(() => /** @type {any} */ (window).__opened.length === 1, undefined, { timeout: h.timeout, polling: 50 });
        // OSC 8 links to javascript: and data: are not links at all; clicking them does nothing
        for (const text of ['JSLINK', 'DATALINK']) {
          await pointAt(p, text);
          await p.waitForSelector('.xterm-cursor-pointer', { state: 'detached', timeout: h.timeout });
          await p.mouse.down();
          await p.mouse.up();
        }
        // an http(s) OSC 8 link asks first (its text need not be its address), then opens
        await pointAt(p, 'OSCLINK');
        await p.waitForSelector('.xterm-cursor-pointer', { timeout: h.timeout });
        await p.mouse.down();
        await p.mouse.up();
        await p.waitForFunction(() => /** @type {any} */ (window).__opened.length >= 2, undefined, { timeout: h.timeout, polling: 50 });
        const opened = await p.evaluate(() => /** @type {any} */ (window).__opened);
        const want = [['https://example.com/web-link', '_blank', 'noopener,noreferrer'], ['https://example.com/osc8', '_blank', 'noopener,noreferrer']];
        if (JSON.stringify(opened) !== JSON.stringify(want)) throw new Error(`window.open was called with ${JSON.stringify(opened)}, not ${JSON.stringify(want)}`);
        if (dialogs.length !== 1 || !dialogs[0]?.includes('https://example.com/osc8')) throw new Error(`dialogs shown: ${JSON.stringify(dialogs)}`);
        if ((await p.evaluate(() => /** @type {any} */ (window).__pwned ?? null)) !== null) throw new Error('a javascript: link ran');
        const seen = await violations(p);
        if (seen.length) throw new Error(`Content-Security-Policy violations:\n${seen.join('\n')}`);
      } finally {
        p.off('dialog', onDialog);
        await p.mouse.move(1, 1);
      }
    }],
    ['a program cannot write the clipboard (OSC 52 is ignored) and the terminal goes on', async () => {
      const p = thePage();
      const origin = new URL(h.url).origin;
      await context?.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
      const ready = await p.evaluate(async () => {
        const w = /** @type {any} */ (window);
        w.__clipboardWrites = [];
        const clip = navigator.clipboard;
        if (!clip) return 'no clipboard';
        await clip.writeText('clipboard-before');
        for (const name of ['writeText', 'write']) {
          const real = clip[name].bind(clip);
          clip[name] = (...args) => {
            w.__clipboardWrites.push(name);
            return real(...args);
          };
        }
        const exec = document.execCommand.bind(document);
        document.execCommand = (cmd, ...rest) => {
          if (String(cmd).toLowerCase() === 'copy') w.__clipboardWrites.push('execCommand');
          return exec(cmd, ...rest);
        };
        return 'ok';
      });
      if (ready !== 'ok') throw new Error(`cannot watch the clipboard: ${ready}`);
      await typed(p, "printf '\\e]52;c;aGVsbG8=\\a'; printf '\\e]52;p;d29ybGQ=\\e\\\\'; echo osc52-done", 'osc52-done');
      await settle(p);
      const after = await p.evaluate(async () => ({ writes: /** @type {any} */ (window).__clipboardWrites, text: await navigator.clipboard.readText() }));
      if (after.writes.length || after.text !== 'clipboard-before') throw new Error(`the clipboard was written: ${JSON.stringify(after)}`);
      await typed(p, 'echo still-$((6*7))', 'still-42');
    }],
    ['a file dropped beside the terminal does not replace the page', async () => {
      const p = thePage();
      const prevented = await p.evaluate(() => {
        const target = document.querySelector('.titlebar') ?? document.body;
        const data = new DataTransfer();
        data.items.add(new File(['<script>alert(1)</script>'], 'evil.html', { type: 'text/html' }));
        const over = new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: data });
        const drop = new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data });
        target.dispatchEvent(over);
        target.dispatchEvent(drop);
        return { over: over.defaultPrevented, drop: drop.defaultPrevented, effect: data.dropEffect };
      });
      if (!prevented.drop || !prevented.over) throw new Error(`the browser would open the dropped file: ${JSON.stringify(prevented)}`);
      const seen = await violations(p);
      if (seen.length) throw new Error(`Content-Security-Policy violations:\n${seen.join('\n')}`);
      if (consoleErrors.length) throw new Error(`console errors:\n${consoleErrors.join('\n')}`);
      // and the policy is enforced: an injected inline script does not run, an inline style does not apply
      const probe = await p.evaluate(async () => {
        const w = /** @type {any} */ (window);
        const script = document.createElement('script');
        script.textContent = 'window.__inlineRan = true';
        document.head.append(script);
        const style = document.createElement('style');
        style.textContent = 'html { outline: 1px solid red }';
        document.head.append(style);
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        const result = { ran: w.__inlineRan === true, styled: !!style.sheet, reported: w.__cspViolations.length };
        script.remove();
        style.remove();
        return result;
      });
      if (probe.ran || probe.styled || probe.reported < 2) throw new Error(`the policy is not enforced: ${JSON.stringify(probe)}`);
      await context?.close();
    }],
  ];
}
