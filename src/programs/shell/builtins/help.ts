// help: the topics of help-topics.ts (bash's builtins and keywords, in its order), listed in two
// columns, as synopses (-s), one-line descriptions (-d), or laid out as a manual page (-m).
import type { Interpreter } from '../interpreter';
import { HELP_TOPICS } from './help-topics';
import type { Builtin } from './types';
import { leadingOptions } from './types';

const VERSION = 'GNU bash, version 5.2.15(1)-release (x86_64-pc-linux-gnu)';

/** bash's default_columns(): $COLUMNS when it is a positive number, else 80. */
function columns(sh: Interpreter): number {
  const n = Number.parseInt(sh.state.get('COLUMNS') ?? '', 10);
  return n > 0 ? n : 80;
}

/**
 * One topic of a column: a star for a disabled builtin, then the synopsis; one of `limit`
 * characters or more is cut to that many and ends in `>` (bash writes the `>` at a fixed place).
 */
function cell(sh: Interpreter, i: number, limit: number): string {
  const [name, synopsis] = HELP_TOPICS[i]!;
  const mark = sh.state.disabledBuiltins.has(name) ? '*' : ' ';
  return mark + (synopsis.length >= limit ? `${synopsis.slice(0, limit)}>` : synopsis);
}

/** `help` alone: a heading, then every topic down the first column and on down the second. */
function listing(sh: Interpreter): string {
  let width = Math.floor(columns(sh) / 2);
  if (width > 128) width = 128;
  if (width <= 3) width = 40;
  const count = HELP_TOPICS.length;
  const height = Math.floor((count + 1) / 2);
  let out = `${VERSION}\nThese are the commands the shell runs itself.  \`help' alone shows this list again.\n\`help NAME' describes the command NAME in more detail.\nThe bash manual page (\`man bash') describes the shell as a whole.\nFor commands not listed here, try \`man -k' or \`info'.\n\nA star (*) before a name marks a builtin that is disabled.\n\n`;
  for (let i = 0; i < height; i++) {
    const left = cell(sh, i, width - 3);
    if (i * 2 >= count || i + height >= count) {
      out += `${left}\n`;
      continue;
    }
    out += `${left.padEnd(width)}${cell(sh, i + height, width - 4)}\n`;
  }
  return out;
}

/** -m: a manual page's sections. */
function manPage(name: string, synopsis: string, description: string): string {
  return `NAME\n    ${name} - ${description}\n\nSYNOPSIS\n    ${synopsis}\n\nDESCRIPTION\n    ${description}\n\nSEE ALSO\n    bash(1)\n\nIMPLEMENTATION\n    ${VERSION}\n    Copyright (C) 2022 Free Software Foundation, Inc.\n    License GPLv3+: GNU GPL version 3 or later <http://gnu.org/licenses/gpl.html>\n\n`;
}

export const help: Builtin = async (sh, argv) => {
  const opts = await leadingOptions(sh, 'help', argv.slice(1), 'dms', 'help [-dms] [pattern ...]');
  if (typeof opts === 'number') return opts;
  const patterns = opts.rest;
  if (patterns.length === 0) {
    await sh.write(1, listing(sh));
    return 0;
  }
  let status = 0;
  // a pattern first gets a heading naming every word asked about
  if (/[*?[]/.test(patterns[0]!)) await sh.write(1, `Shell commands matching keyword${patterns.length > 1 ? 's' : ''} \`${patterns.join(', ')}'\n\n`);
  for (const pat of patterns) {
    const re = new RegExp(`^${pat.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}`);
    // a topic named exactly so is the only one shown (`help read` leaves out readonly)
    const exact = HELP_TOPICS.filter(([name]) => name === pat);
    const hits = exact.length ? exact : HELP_TOPICS.filter(([name]) => re.test(name));
    if (hits.length === 0) {
      await sh.error(`help: no help topics match \`${pat}'.  Try \`help help' or \`man -k ${pat}' or \`info ${pat}'.`);
      status = 1;
      continue;
    }
    for (const [name, synopsis, description] of hits) {
      // -d before -m before -s, whatever their order
      const form = ['d', 'm', 's'].find((f) => opts.flags.has(f));
      if (form === 'd') await sh.write(1, `${name} - ${description}\n`);
      else if (form === 'm') await sh.write(1, manPage(name, synopsis, description));
      else if (form === 's') await sh.write(1, `${name}: ${synopsis}\n`);
      else await sh.write(1, `${name}: ${synopsis}\n    ${description}\n`);
    }
  }
  return status;
};
