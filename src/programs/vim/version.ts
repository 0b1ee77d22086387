// What vim says about itself: the intro screen shown when it starts without a file
// (version.c intro_message(): centred lines, <key> names highlighted, the Uganda lines
// replaced by the sponsor ones three times out of four, chosen by the clock) and the
// first lines of `vim --version`.

import type { Sys } from '../../shared/sys';

/** The release dates vim's version.h gives each minor version. */
const DATES: Record<string, string> = { '9.0': '2022 Jun 28', '9.1': '2024 Jan 02' };
/** When Photon built each packaged vim (the "compiled" date in its version line). */
const BUILT: Record<string, string> = { '9.0.1298': 'Mar 10 2023 06:41:15', '9.1.1113': 'Feb 19 2025 08:33:07' };

let version = '9.1.1113';

/**
 * Takes the version of the installed vim package from the rpm database, so `vim --version`
 * agrees with `rpm -q vim` (5.0 GA has 9.0.1298; photon-updates brings 9.1.1113).
 */
export async function detectVersion(sys: Sys): Promise<void> {
  try {
    const text = new TextDecoder().decode(await sys.readFile('/var/lib/rpm/rpmdb.sqlite'));
    const m = /\{"name":"vim","epoch":\d+,"version":"(\d+\.\d+\.\d+)"/.exec(text);
    if (m && DATES[m[1]!.split('.').slice(0, 2).join('.')]) version = m[1]!;
  } catch {
    // no database: keep the newest
  }
}

export function versionHead(): string {
  const short = version.split('.').slice(0, 2).join('.');
  return `VIM - Vi IMproved ${short} (${DATES[short]}, compiled ${BUILT[version] ?? 'Feb 19 2025 08:33:07'})`;
}

export function patchesLine(): string {
  return `Included patches: 1-${version.split('.')[2]}`;
}

export function versionText(): string {
  return `${versionHead()}\n${patchesLine()}\nCompiled by root@photon\nHuge version without GUI.\n`;
}

export interface IntroLine {
  col: number;
  parts: { text: string; special: boolean }[];
}

let sponsorSeed = 0;
/** Picks the intro's Uganda or sponsor lines as vim does, from the time it starts. */
export function seedIntro(seconds: number): void {
  sponsorSeed = ((seconds & 2) === 0 ? 1 : 0) - ((seconds & 4) === 0 ? 1 : 0);
}

/** The intro text by screen row, for a screen of `rows` x `cols`. */
export function introLines(rows: number, cols: number): Map<number, IntroLine> {
  let children = 'Help poor children in Uganda!';
  let iccf = 'type  :help iccf<Enter>       for information ';
  if (sponsorSeed < 0) {
    children = 'Sponsor Vim development!';
    iccf = 'type  :help sponsor<Enter>    for information ';
  } else if (sponsorSeed > 0) {
    children = 'Become a registered Vim user!';
    iccf = 'type  :help register<Enter>   for information ';
  }
  const lines = [
    'VIM - Vi IMproved',
    '',
    `version ${version}`,
    'by Bram Moolenaar et al.',
    'Vim is open source and freely distributable',
    '',
    children,
    iccf,
    '',
    'type  :q<Enter>               to exit         ',
    'type  :help<Enter>  or  <F1>  for on-line help',
    'type  :help version9<Enter>   for version info',
  ];
  const out = new Map<number, IntroLine>();
  // 17 entries in vim's table, 4 of them only for 'compatible'
  const blank = Math.max(0, rows - 16 + 4);
  let row = Math.floor(blank / 2);
  if (row < 2 || cols < 50) return out;
  for (const text of lines) {
    if (text) {
      const col = Math.max(0, Math.floor((cols - text.length) / 2));
      const parts: IntroLine['parts'] = [];
      for (const piece of text.split(/(<[^>]+>)/)) if (piece) parts.push({ text: piece, special: piece.startsWith('<') });
      out.set(row, { col, parts });
    }
    row++;
  }
  return out;
}
