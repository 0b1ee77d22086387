import { defineProgram, usageError } from '../define';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { quoteaf } from '../lib/quotearg';
import { ql } from '../lib/textio';

const spec = {
  name: 'link',
  installPath: '/usr/bin/link',
  pkg: 'coreutils',
  usage: 'link FILE1 FILE2\nlink OPTION',
  help: `Make FILE2 a hard link to the existing FILE1 with the link system call.

${HELP_LINES}
${coreutilsHelpFooter('link')}`,
  version: coreutilsVersion('link', ['Michael Stone']),
  options: [],
};

export default defineProgram({
  ...spec,
  async main(ctx, args) {
    const ops = args.operands;
    if (ops.length < 1) return usageError(ctx, spec, 'missing operand');
    if (ops.length < 2) return usageError(ctx, spec, `missing operand after ${ql(ops[0]!)}`);
    if (ops.length > 2) return usageError(ctx, spec, `extra operand ${ql(ops[2]!)}`);
    try {
      await ctx.sys.link(ops[0]!, ops[1]!);
    } catch (e) {
      await ctx.perror(e, `cannot create link ${quoteaf(ops[1]!)} to ${quoteaf(ops[0]!)}`);
      return 1;
    }
    return 0;
  },
});
