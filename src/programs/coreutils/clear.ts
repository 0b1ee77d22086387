// clear from ncurses 6.4: writes the terminal's clear sequence from terminfo, plus E3 (clear
// the scrollback) when the entry has it, unless -x. Options are parsed with plain getopt(3),
// so "--help" is an invalid option '-'.
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';

const HOME_CLEAR_ALL = '\x1b[H\x1b[2J';
const HOME_CLEAR_EOS = '\x1b[H\x1b[J';
const E3 = '\x1b[3J';

/** The clear and E3 capabilities of the terminfo entries a Photon machine is likely to see. */
const TERMINFO = new Map<string, { clear: string; e3: boolean }>([
  ['xterm', { clear: HOME_CLEAR_ALL, e3: true }],
  ['xterm-256color', { clear: HOME_CLEAR_ALL, e3: true }],
  ['xterm-color', { clear: HOME_CLEAR_ALL, e3: false }],
  ['xterm-16color', { clear: HOME_CLEAR_ALL, e3: true }],
  ['xterm-88color', { clear: HOME_CLEAR_ALL, e3: true }],
  ['rxvt', { clear: HOME_CLEAR_ALL, e3: false }],
  ['rxvt-unicode', { clear: HOME_CLEAR_ALL, e3: false }],
  ['screen', { clear: HOME_CLEAR_EOS, e3: false }],
  ['screen-256color', { clear: HOME_CLEAR_EOS, e3: false }],
  ['tmux', { clear: HOME_CLEAR_EOS, e3: true }],
  ['tmux-256color', { clear: HOME_CLEAR_EOS, e3: true }],
  ['linux', { clear: HOME_CLEAR_EOS, e3: true }],
  ['vt100', { clear: HOME_CLEAR_EOS, e3: false }],
  ['vt102', { clear: HOME_CLEAR_EOS, e3: false }],
  ['vt220', { clear: HOME_CLEAR_EOS, e3: false }],
  ['ansi', { clear: HOME_CLEAR_EOS, e3: false }],
  ['dumb', { clear: '', e3: false }],
]);

const USAGE = `Usage: clear [options]

Options:
  -T TERM     use TERM instead of $TERM
  -V          print the curses version
  -x          leave the scrollback alone
`;

async function usage(ctx: Ctx, bad: string): Promise<number> {
  await ctx.error(bad);
  await ctx.err.write(USAGE);
  return 1;
}

export default defineProgram({
  name: 'clear',
  installPath: '/usr/bin/clear',
  pkg: 'ncurses',
  async main(ctx, { operands }) {
    let term = ctx.env.get('TERM');
    let keepScrollback = false;
    let i = 0;
    for (; i < operands.length; i++) {
      const a = operands[i]!;
      if (a === '--') {
        i++;
        break;
      }
      if (!a.startsWith('-') || a === '-') break;
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        if (c === 'x') keepScrollback = true;
        else if (c === 'V') {
          await ctx.print('ncurses 6.4.20221231\n');
          return 0;
        } else if (c === 'T') {
          const rest = a.slice(j + 1);
          if (rest) term = rest;
          else if (i + 1 < operands.length) term = operands[++i]!;
          else return usage(ctx, "option requires an argument -- 'T'");
          break;
        } else return usage(ctx, `invalid option -- '${c}'`);
      }
    }
    if (i < operands.length) {
      await ctx.err.write(USAGE);
      return 1;
    }
    if (term === undefined || term === '') {
      await ctx.err.write('TERM environment variable not set.\n');
      return 1;
    }
    const entry = TERMINFO.get(term);
    if (!entry) {
      await ctx.err.write(`'${term}': unknown terminal type.\n`);
      return 1;
    }
    await ctx.print(entry.clear + (entry.e3 && !keepScrollback ? E3 : ''));
    return 0;
  },
});
