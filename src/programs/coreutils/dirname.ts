import { defineProgram } from '../define';
import { usageFail } from '../lib/cli';
import { dirLen } from '../lib/dirname';
import { flag } from '../lib/getopt';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';

export default defineProgram({
  name: 'dirname',
  installPath: '/usr/bin/dirname',
  pkg: 'coreutils',
  usage: 'dirname [OPTION] NAME...',
  help: `Print each NAME without its last part (and the slashes before it).
A NAME without a slash gives '.', the current directory.

  -z, --zero     end each result with a NUL byte, not a newline
${HELP_LINES}

Examples:
  dirname /usr/bin/          -> "/usr"
  dirname dir1/str dir2/str  -> "dir1" then "dir2"
  dirname stdio.h            -> "."
${coreutilsHelpFooter('dirname')}`,
  version: coreutilsVersion('dirname', ['David MacKenzie', 'Jim Meyering']),
  options: [{ key: 'z', short: 'z', long: 'zero' }],
  async main(ctx, args) {
    const eol = flag(args, 'z') ? '\0' : '\n';
    if (args.operands.length < 1) return usageFail(ctx, 'missing operand');
    let out = '';
    for (const n of args.operands) {
      const len = dirLen(n);
      out += (len === 0 ? '.' : n.slice(0, len)) + eol;
    }
    await ctx.print(out);
    return 0;
  },
});
