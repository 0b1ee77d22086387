// Finds Debian's Chromium and launches it headless through playwright-core.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

// Without the networking flags Chromium floods a closed network with refused connections.
// Headless Chromium (156) builds the address bar's popup as a WebUI page in a renderer of its own
// for every new window, which each test and each benchmark load opens: some 290 module requests
// and about 100 ms of one core's time, on a 2-core machine, while the page under test loads. A
// learner's browser built it once, at its start. Puppeteer turns the same two features off.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup',
];

/** @returns {string} the Chromium binary to use; throws with install advice when there is none */
export function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium'].filter(
    /** @returns {p is string} */ (p) => !!p,
  );
  for (const path of candidates) if (existsSync(path)) return path;
  throw new Error(
    `No Chromium found (looked at ${candidates.join(', ')}).\n` +
      'Install one with:  sudo apt-get install -y chromium\n' +
      'or point CHROMIUM_PATH at a Chromium binary.',
  );
}

/** @returns {Promise<import('playwright-core').Browser>} */
export async function launchChromium() {
  return chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
}
