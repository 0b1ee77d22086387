import { strerror } from '../../shared/errno';
import { defineProgram } from '../define';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { writeBytes } from '../lib/output';
import { binArg, unbin } from '../lib/textio';

export default defineProgram({
  name: 'yes',
  installPath: '/usr/bin/yes',
  pkg: 'coreutils',
  usage: 'yes [STRING]...\nyes OPTION',
  help: `Print a line with every STRING, or 'y', over and over until killed.

${HELP_LINES}
${coreutilsHelpFooter('yes')}`,
  version: coreutilsVersion('yes', ['David MacKenzie']),
  options: [],
  async main(ctx, args) {
    const line = `${args.operands.length ? args.operands.map(binArg).join(' ') : 'y'}\n`;
    // one buffer of whole lines, written again and again (yes.c does the same)
    const copies = Math.max(1, Math.floor(8192 / line.length));
    const block = unbin(line.repeat(copies));
    for (;;) {
      await ctx.tick();
      const err = await writeBytes(ctx, block);
      if (err) {
        await ctx.tick();
        await ctx.error(`standard output: ${strerror(err.errno)}`);
        ctx.out.reported = true;
        return 1;
      }
    }
  },
});
