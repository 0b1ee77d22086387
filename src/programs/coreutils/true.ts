import { defineProgram } from '../define';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';

// GNU true ignores every argument except a lone --help or --version.
export default defineProgram({
  name: 'true',
  installPath: '/usr/bin/true',
  pkg: 'coreutils',
  async main(ctx, { operands }) {
    if (operands.length === 1 && operands[0] === '--help') {
      const n = ctx.name;
      await ctx.print(`Usage: ${n} [ignored command line arguments]\n  or:  ${n} OPTION\nExit with a status code indicating success.\n\n${HELP_LINES}\n\nNOTE: shells usually have a builtin true that runs instead of this program;\nits options are described in the shell's documentation.\n${coreutilsHelpFooter('true')}\n`);
    } else if (operands.length === 1 && operands[0] === '--version') {
      await ctx.print(`${coreutilsVersion('true', ['Jim Meyering'])}\n`);
    }
    return 0;
  },
});
