import { defineProgram } from '../define';

// GNU false: always fails, even for --help (which it still prints).
export default defineProgram({
  name: 'false',
  installPath: '/usr/bin/false',
  pkg: 'coreutils',
  async main(ctx, { operands }) {
    if (operands.length === 1 && operands[0] === '--help') {
      await ctx.print('Usage: false [ignored command line arguments]\n  or:  false OPTION\nExit with a status code indicating failure.\n');
    } else if (operands.length === 1 && operands[0] === '--version') {
      await ctx.print('false (GNU coreutils) 9.1\n');
    }
    return 1;
  },
});
