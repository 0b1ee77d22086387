import { defineProgram } from '../define';

// GNU true ignores every argument except a lone --help or --version.
export default defineProgram({
  name: 'true',
  installPath: '/usr/bin/true',
  pkg: 'coreutils',
  async main(ctx, { operands }) {
    if (operands.length === 1 && operands[0] === '--help') {
      await ctx.print('Usage: true [ignored command line arguments]\n  or:  true OPTION\nExit with a status code indicating success.\n');
    } else if (operands.length === 1 && operands[0] === '--version') {
      await ctx.print('true (GNU coreutils) 9.1\n');
    }
    return 0;
  },
});
