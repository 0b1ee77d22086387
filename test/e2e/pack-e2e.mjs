// End-to-end steps for lesson packs (issue 9: lessons imported without building the app), run
// by run-e2e.mjs after the lesson steps: the example pack, made by `npm run lessons:pack`, is
// imported through the panel's file picker, its lesson is listed and starts, the pack is still
// there after a reload, a broken pack is refused with its problems shown, and in a fresh browser
// profile `?pack=` loads a pack served beside the app. Every wait polls a condition.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PACK_URL_PATH = '/packs/site-ops.json';

/** The example pack's text, made by the real `lessons:pack` script. */
export function examplePack(root) {
  const dir = mkdtempSync(join(tmpdir(), 'photon-pack-'));
  try {
    const out = join(dir, 'site-ops.json');
    execFileSync(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'scripts', 'lessons-pack.ts'), join(root, 'examples', 'lesson-pack'), '--title', 'Site operations', '-o', out], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    return readFileSync(out, 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * @param {import('playwright-core').Page} page
 * @param {{ pack: string, url: string, timeout: number, newPage: () => Promise<import('playwright-core').Page> }} h
 * @returns {[string, () => Promise<void>][]}
 */
export function packSteps(page, h) {
  const lessonButton = (p) => p.locator('#lesson-panel button[data-lesson-id="message-of-the-day"]');
  const toList = async () => {
    await page.click('#tab-lessons');
    const back = page.locator('#lesson-panel button', { hasText: 'All lessons' }).first();
    if (await back.count()) await back.click();
    await page.locator('#lesson-panel nav.lessons').waitFor();
  };
  return [
    ['a lesson pack imported from a file lists its lesson, which starts in its start state', async () => {
      await toList();
      await page.setInputFiles('#lesson-panel [data-testid="pack-file"]', { name: 'site-ops.json', mimeType: 'application/json', buffer: Buffer.from(h.pack) });
      await lessonButton(page).waitFor({ timeout: h.timeout });
      await page.locator('#lesson-panel [data-pack-id="site-operations"]').waitFor();
      page.once('dialog', (d) => void d.accept());
      await lessonButton(page).click();
      await page.locator('#lesson-panel article.lesson').filter({ hasText: 'A message of the day' }).waitFor({ timeout: h.timeout });
      await page.locator('#lesson-panel li', { hasText: '/etc/motd names Lab 4' }).first().waitFor();
    }],
    ['the imported pack is still there after a reload', async () => {
      await page.reload({ waitUntil: 'load', timeout: h.timeout });
      // the machine on the console was the pack lesson's: it comes back with its lesson
      await page.locator('#lesson-panel article.lesson[data-lesson-id="message-of-the-day"]').waitFor({ timeout: h.timeout });
      await toList();
      await lessonButton(page).waitFor({ timeout: h.timeout });
    }],
    ['a broken pack is refused with its problems named, and the list is unchanged', async () => {
      const broken = JSON.parse(h.pack);
      const k = 'site-ops/message-of-the-day/lesson.yaml';
      broken.files[k] = broken.files[k].replace('mode: "0664"', 'mode: "rw-rw-r--"');
      await page.setInputFiles('#lesson-panel [data-testid="pack-file"]', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
      const alert = page.locator('#lesson-panel [role="alert"]', { hasText: 'field mode' });
      await alert.waitFor({ timeout: h.timeout });
      const text = await alert.innerText();
      if (!text.includes('broken.json/site-ops/message-of-the-day/lesson.yaml:35: step 2')) throw new Error(`the problem does not name file, line and step:\n${text}`);
      if ((await lessonButton(page).count()) !== 1) throw new Error('the refused pack changed the lesson list');
    }],
    ['in a fresh browser profile, ?pack= loads a pack served beside the app, and Remove forgets it', async () => {
      const p = await h.newPage();
      await p.goto(`${h.url}?pack=${PACK_URL_PATH.slice(1)}`, { waitUntil: 'load', timeout: h.timeout });
      await lessonButton(p).waitFor({ timeout: h.timeout });
      p.once('dialog', (d) => void d.accept());
      await p.locator('#lesson-panel [data-pack-id="site-operations"] button', { hasText: 'Remove' }).click();
      await p.waitForFunction(() => !document.querySelector('#lesson-panel button[data-lesson-id="message-of-the-day"]'), undefined, { timeout: h.timeout, polling: 50 });
      // forgotten by the browser too: the page without ?pack= lists the app's lessons only
      await p.goto(h.url, { waitUntil: 'load', timeout: h.timeout });
      await p.locator('#lesson-panel button[data-lesson-id="static-ip"]').waitFor({ timeout: h.timeout });
      await p.locator('#lesson-panel section.packs').waitFor();
      if ((await lessonButton(p).count()) !== 0) throw new Error('the removed pack came back after a reload');
      await p.context().close();
    }],
  ];
}
