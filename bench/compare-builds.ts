// `npm run bench:compare -- DIR [DIR...]`: navigation to the prompt of several built copies of the
// app (each a `vite build` output directory), beside the xterm.js-only page, loaded in turn: each
// round loads every page once, in an order rotated from round to round, so that a machine getting
// busier or quieter during the run weighs on all of them alike. Five loads (`npm run bench`) do
// not separate two builds a few milliseconds apart; 21 rounds (the default) mostly do.
// RUNS=N sets the rounds. Prints each page's median, its ratio to the baseline, and the medians
// of the marks its page and worker left (`photon:*`).
import { resolve, dirname, join } from 'node:path';
import { existsSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../test/e2e/chromium.mjs';
import { serveStatic } from '../test/e2e/static-server.mjs';
import { breakdown, buildBaseline, median, navigationToPrompt, navigationToPromptCdp, type Marks } from './navigation';
import { CdpBrowser } from './cdp-pipe';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BASELINE_OUT = join(ROOT, '.bench-out', 'baseline');
const RUNS = Number(process.env.RUNS ?? 21);

async function main(): Promise<void> {
  const dirs = process.argv.slice(2).map((d) => resolve(d));
  if (dirs.length === 0 || !(RUNS > 0)) {
    console.error('usage: npm run bench:compare -- DIR [DIR...]   (RUNS=N rounds, default 21)');
    process.exit(2);
  }
  for (const d of dirs) {
    if (!existsSync(join(d, 'index.html'))) {
      console.error(`bench:compare: ${d} has no index.html (is it a vite build's output?)`);
      process.exit(2);
    }
  }
  await buildBaseline(join(ROOT, 'bench', 'baseline'), BASELINE_OUT);
  const pages = [{ name: 'xterm.js-only', dir: BASELINE_OUT }, ...dirs.map((d) => ({ name: d, dir: d }))];
  const servers = await Promise.all(pages.map((p) => serveStatic(p.dir)));
  const times: number[][] = pages.map(() => []);
  const marks: Marks[][] = pages.map(() => []);
  console.log(`load average ${os.loadavg()[0]!.toFixed(2)}; ${RUNS} rounds of ${pages.length} pages`);
  const viaPlaywright = process.env.DRIVER === 'playwright';
  const browser = viaPlaywright ? await launchChromium() : await CdpBrowser.launch();
  const load = (url: string): Promise<{ ms: number; marks: Marks }> =>
    browser instanceof CdpBrowser ? navigationToPromptCdp(browser, url) : navigationToPrompt(browser, url);
  const version = await browser.version();
  try {
    for (const s of servers) await load(s.url); // warm-up, discarded
    for (let round = 0; round < RUNS; round++) {
      for (let k = 0; k < pages.length; k++) {
        const i = (round + k) % pages.length;
        const nav = await load(servers[i]!.url);
        times[i]!.push(nav.ms);
        marks[i]!.push(nav.marks);
      }
    }
  } finally {
    await browser.close().catch(() => {});
    await Promise.all(servers.map((s) => s.close()));
  }
  const base = median(times[0]!);
  console.log(`chromium ${version} (${viaPlaywright ? 'Playwright' : 'DevTools pipe'}); load average after ${os.loadavg()[0]!.toFixed(2)}`);
  pages.forEach((p, i) => {
    const m = median(times[i]!);
    console.log(`\n${p.name}: ${m.toFixed(1)} ms, ${(m / base).toFixed(2)}x`);
    if (Object.keys(marks[i]![0] ?? {}).length) console.log(`  ${breakdown(marks[i]!, m)}`);
    console.log(`  runs: ${times[i]!.map((t) => t.toFixed(0)).join(' ')}`);
  });
}

void main();
