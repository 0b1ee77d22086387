// arch: the machine hardware name, as uname -m prints it.
import { defineProgram, usageError } from '../define';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { quote } from '../lib/quote';

const spec = {
  name: 'arch',
  installPath: '/usr/bin/arch',
  pkg: 'coreutils',
  usage: 'arch [OPTION]...',
  help: `Print machine architecture.\n\n${HELP_LINES}\n\n${coreutilsHelpFooter('arch')}`,
  version: coreutilsVersion('arch', ['David MacKenzie', 'Karel Zak']),
  options: [],
};

export default defineProgram({
  ...spec,
  async main(ctx, args) {
    if (args.operands.length) return usageError(ctx, spec, `extra operand ${quote(args.operands[0]!)}`);
    await ctx.print(`${ctx.sys.uname().machine}\n`);
    return 0;
  },
});
