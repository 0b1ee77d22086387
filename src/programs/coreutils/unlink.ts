import { defineProgram, usageError } from '../define';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { quoteaf } from '../lib/quotearg';
import { ql } from '../lib/textio';

const spec = {
  name: 'unlink',
  installPath: '/usr/bin/unlink',
  pkg: 'coreutils',
  usage: 'unlink FILE\nunlink OPTION',
  help: `Remove FILE with the unlink system call (no options, no directories).

${HELP_LINES}
${coreutilsHelpFooter('unlink')}`,
  version: coreutilsVersion('unlink', ['Michael Stone']),
  options: [],
};

export default defineProgram({
  ...spec,
  async main(ctx, args) {
    const ops = args.operands;
    if (ops.length < 1) return usageError(ctx, spec, 'missing operand');
    if (ops.length > 1) return usageError(ctx, spec, `extra operand ${ql(ops[1]!)}`);
    try {
      await ctx.sys.unlink(ops[0]!);
    } catch (e) {
      await ctx.perror(e, `cannot unlink ${quoteaf(ops[0]!)}`);
      return 1;
    }
    return 0;
  },
});
