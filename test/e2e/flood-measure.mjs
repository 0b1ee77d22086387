// Measures output floods in the built app in headless Chromium (not a test: it prints numbers).
//   node test/e2e/flood-measure.mjs [dist-dir]        (default: dist/, or $E2E_DIST)
// For `yes`, `cat /dev/urandom` and `seq 1 100000000`: the flood runs for RUN_MS while the page
// is watched (requestAnimationFrame gaps, long tasks, how long a key press takes to be handled,
// characters xterm.js has been given but not parsed yet, heap sizes), then Ctrl-C is pressed and
// the time until "^C" and the next prompt show is measured, with the characters written after it.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './chromium.mjs';
import { serveStatic } from './static-server.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST = resolve(process.argv[2] ?? process.env.E2E_DIST ?? join(ROOT, 'dist'));
const PROMPT = 'root@photon-machine [ ~ ]# ';
const RUN_MS = Number(process.env.RUN_MS ?? 4000);
const FLOODS = ['yes', 'cat /dev/urandom', 'seq 1 100000000'];

/** Installed in the page: counts what reaches xterm.js and watches the main thread. */
function install() {
  const term = window.__photon.term;
  const m = (window.__measure = { written: 0, parsed: 0, gaps: [], longTasks: [], ctrlC: 0, caretAt: 0, promptAt: 0, writtenAtCtrlC: 0, prompt: '' });
  const write = term.write.bind(term);
  term.write = (data, cb) => {
    m.written += data.length;
    write(data, () => {
      m.parsed += data.length;
      cb?.();
    });
  };
  let last = performance.now();
  const frame = (t) => {
    m.gaps.push(t - last);
    last = t;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) m.longTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: false });
  addEventListener(
    'keydown',
    (e) => {
      if (e.ctrlKey && e.code === 'KeyC') {
        m.ctrlC = performance.now();
        m.writtenAtCtrlC = m.written;
        m.caretAt = 0;
        m.promptAt = 0;
      }
    },
    { capture: true },
  );
  term.onWriteParsed(() => {
    if (!m.ctrlC) return;
    const b = term.buffer.active;
    const now = performance.now();
    for (let y = Math.max(0, b.cursorY - 3); y <= b.cursorY; y++) {
      const line = b.getLine(b.baseY + y)?.translateToString(true) ?? '';
      if (!m.caretAt && line.includes('^C')) m.caretAt = now;
    }
    const cur = b.getLine(b.baseY + b.cursorY)?.translateToString(true) ?? '';
    // (binary garbage may have switched the character set: @ [ ] # keep their shapes)
    if (!m.promptAt && /\S+@\S+ \[ .+ \]# /.test(cur)) m.promptAt = now;
  });
}

function stats(values) {
  const v = [...values].sort((a, b) => a - b);
  const q = (p) => (v.length ? v[Math.min(v.length - 1, Math.floor(p * v.length))] : 0);
  return { n: v.length, max: Math.round(q(1) * 10) / 10, p95: Math.round(q(0.95) * 10) / 10, sum: Math.round(v.reduce((a, b) => a + b, 0)) };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Resident memory (MB) of this script's Chromium renderer processes (Linux /proc): page and worker. */
function rendererRssMb() {
  const parent = new Map();
  const info = new Map();
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parent.set(Number(pid), ppid);
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      info.set(Number(pid), { renderer: cmd.includes('--type=renderer'), rss: Number(rss ?? 0) });
    } catch {
      // gone meanwhile
    }
  }
  const mine = (pid) => {
    for (let p = pid, n = 0; p > 1 && n < 20; p = parent.get(p) ?? 0, n++) if (p === process.pid) return true;
    return false;
  };
  let kb = 0;
  for (const [pid, i] of info) if (i.renderer && mine(pid)) kb += i.rss;
  return kb / 1024;
}

async function main() {
  const browser = await launchChromium();
  const server = await serveStatic(DIST);
  try {
    const context = await browser.newContext({ viewport: { width: 1100, height: 700 } });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    page.on('console', (msg) => {
      if (msg.type() === 'error' || msg.type() === 'warning') console.log(`  (page ${msg.type()}) ${msg.text().slice(0, 200)}`);
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(server.url, { waitUntil: 'load' });
    await page.waitForFunction((p) => {
      const b = window.__photon?.term.buffer.active;
      if (!b) return false;
      for (let i = 0; i < b.length; i++) if (b.getLine(i)?.translateToString(true).startsWith(p)) return true;
      return false;
    }, PROMPT, { polling: 50, timeout: 30_000 });
    await page.click('.xterm');
    await page.evaluate(install);
    await page.evaluate((p) => (window.__measure.prompt = p), PROMPT);
    console.log(`dist: ${DIST}\nChromium ${browser.version()}, ${RUN_MS} ms of each flood`);
    for (const cmd of FLOODS) {
      await page.evaluate(() => {
        const m = window.__measure;
        m.gaps = [];
        m.longTasks = [];
        m.ctrlC = 0;
        m.written = m.parsed = 0;
      });
      await page.keyboard.type(cmd);
      await page.keyboard.press('Enter');
      const keyTimes = [];
      const heap = [];
      const rss = [];
      const t0 = Date.now();
      let backlog = 0;
      while (Date.now() - t0 < RUN_MS) {
        await sleep(250);
        // how long the page takes to take a key press (a harmless Shift)
        const k0 = performance.now();
        await page.keyboard.press('Shift');
        keyTimes.push(performance.now() - k0);
        const metrics = await cdp.send('Performance.getMetrics');
        heap.push(metrics.metrics.find((x) => x.name === 'JSHeapUsedSize')?.value ?? 0);
        rss.push(rendererRssMb());
        backlog = Math.max(backlog, await page.evaluate(() => window.__measure.written - window.__measure.parsed));
      }
      const during = await page.evaluate(() => ({ gaps: window.__measure.gaps, longTasks: window.__measure.longTasks, written: window.__measure.written }));
      const c0 = performance.now();
      await page.keyboard.press('Control+C');
      const pressMs = performance.now() - c0;
      const wait = Number(process.env.PROMPT_WAIT_MS ?? 120_000);
      const prompted = await page
        .waitForFunction(() => window.__measure.promptAt > 0, undefined, { polling: 50, timeout: wait })
        .then(() => true, () => false);
      const after = await page.evaluate(() => {
        const m = window.__measure;
        const now = performance.now();
        return { caret: (m.caretAt || now) - m.ctrlC, prompt: (m.promptAt || now) - m.ctrlC, afterCtrlC: m.written - m.writtenAtCtrlC, unparsed: m.written - m.parsed };
      });
      const gaps = stats(during.gaps);
      const lt = stats(during.longTasks);
      const keys = stats(keyTimes);
      console.log(`\n$ ${cmd}`);
      console.log(`  chars to xterm: ${(during.written / 1e6).toFixed(1)} M in ${RUN_MS} ms; largest unparsed backlog seen: ${(backlog / 1e6).toFixed(2)} M chars`);
      console.log(`  rAF gaps: ${gaps.n} frames, p95 ${gaps.p95} ms, max ${gaps.max} ms`);
      console.log(`  long tasks: ${lt.n}, total ${lt.sum} ms, longest ${lt.max} ms`);
      console.log(`  key press handled in: p95 ${keys.p95} ms, max ${keys.max} ms (${keys.n} presses)`);
      console.log(`  page JS heap: max ${(Math.max(...heap) / 1e6).toFixed(1)} MB; renderer processes (page + worker) resident: max ${Math.max(...rss).toFixed(0)} MB`);
      const over = (ms, seen) => (seen ? `${Math.round(ms)} ms` : `NOT within ${wait / 1000} s`);
      console.log(`  Ctrl-C: key handled in ${Math.round(pressMs)} ms; ^C on screen after ${over(after.caret, after.caret < wait)}, prompt after ${over(after.prompt, prompted)}; ${(after.afterCtrlC / 1e3).toFixed(0)} K chars written after the key${prompted ? '' : `, ${(after.unparsed / 1e6).toFixed(1)} M still unparsed`}`);
      if (!prompted) {
        // start the next flood on a fresh page
        await page.reload({ waitUntil: 'load' });
        await page.waitForFunction((p) => {
          const b = window.__photon?.term.buffer.active;
          if (!b) return false;
          for (let i = 0; i < b.length; i++) if (b.getLine(i)?.translateToString(true).startsWith(p)) return true;
          return false;
        }, PROMPT, { polling: 50, timeout: 60_000 });
        await page.click('.xterm');
        await page.evaluate(install);
        await page.evaluate((p) => (window.__measure.prompt = p), PROMPT);
        continue;
      }
      // the screen settles before the next flood (a full reset undoes what garbage changed)
      await page.keyboard.press('Control+U');
      await page.keyboard.type("printf '\\033c'; clear");
      await page.keyboard.press('Enter');
      await sleep(500);
    }
    await context.close();
  } finally {
    await browser.close().catch(() => {});
    await server.close().catch(() => {});
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
