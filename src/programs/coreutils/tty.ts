import { defineProgram, usageError } from '../define';
import { flag } from '../lib/getopt';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { quote } from '../lib/quote';

const spec = {
  name: 'tty',
  installPath: '/usr/bin/tty',
  pkg: 'coreutils',
  usageStatus: 2,
  exitFailure: 3,
  usage: 'tty [OPTION]...',
  help: `Print the name of the terminal connected to standard input.

  -s, --silent, --quiet   print nothing; only set the exit status
${HELP_LINES}
${coreutilsHelpFooter('tty')}`,
  version: coreutilsVersion('tty', ['David MacKenzie']),
  options: [
    { key: 's', short: 's', long: 'silent' },
    { key: 's', long: 'quiet' },
  ],
};

export default defineProgram({
  ...spec,
  async main(ctx, args) {
    if (args.operands.length) return usageError(ctx, spec, `extra operand ${quote(args.operands[0]!)}`);
    if (flag(args, 's')) return ctx.sys.isatty(0) ? 0 : 1;
    const name = ctx.sys.ttyname(0);
    await ctx.print(`${name ?? 'not a tty'}\n`);
    return name === undefined ? 1 : 0;
  },
});
