import { defineProgram } from '../define';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';

// GNU false: always fails, even for --help (which it still prints).
export default defineProgram({
  name: 'false',
  installPath: '/usr/bin/false',
  pkg: 'coreutils',
  async main(ctx, { operands }) {
    if (operands.length === 1 && operands[0] === '--help') {
      const n = ctx.name;
      await ctx.print(`Usage: ${n} [ignored command line arguments]\n  or:  ${n} OPTION\nExit with a status code indicating failure.\n\n${HELP_LINES}\n\nNOTE: shells usually have a builtin false that runs instead of this program;\nits options are described in the shell's documentation.\n${coreutilsHelpFooter('false')}\n`);
    } else if (operands.length === 1 && operands[0] === '--version') {
      await ctx.print(`${coreutilsVersion('false', ['Jim Meyering'])}\n`);
    }
    return 1;
  },
});
