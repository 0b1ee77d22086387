// clear from ncurses 6.4: writes the terminal's clear sequence from terminfo, plus E3 (clear
// the scrollback) when the entry has it, unless -x. Options are parsed with plain getopt(3),
// so "--help" is an invalid option '-'.
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { findTerminfo, unpadded } from './terminfo-data';

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
    const entry = findTerminfo(term);
    if (!entry) {
      await ctx.err.write(`'${term}': unknown terminal type.\n`);
      return 1;
    }
    // a terminal without a clear capability (dumb) gets nothing, and the status says it failed
    const clear = entry.s['clear'];
    if (clear === undefined) return 1;
    await ctx.print(unpadded(clear + (keepScrollback ? '' : (entry.s['E3'] ?? ''))));
    return 0;
  },
});
