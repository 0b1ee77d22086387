import { defineProgram } from '../define';
import { usageFail } from '../lib/cli';
import { baseName } from '../lib/dirname';
import { flag, lastValue } from '../lib/getopt';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { ql } from '../lib/textio';

export default defineProgram({
  name: 'basename',
  installPath: '/usr/bin/basename',
  pkg: 'coreutils',
  usage: 'basename NAME [SUFFIX]\nbasename OPTION... NAME...',
  help: `Print NAME without the directories before it; with SUFFIX, also drop that
ending from it.

Long options take the same arguments as their short forms.
  -a, --multiple       take several NAMEs
  -s, --suffix=SUFFIX  drop the ending SUFFIX; implies -a
  -z, --zero           end each result with a NUL byte, not a newline
${HELP_LINES}

Examples:
  basename /usr/bin/sort          -> "sort"
  basename include/stdio.h .h     -> "stdio"
  basename -s .h include/stdio.h  -> "stdio"
  basename -a any/str1 any/str2   -> "str1" then "str2"
${coreutilsHelpFooter('basename')}`,
  version: coreutilsVersion('basename', ['David MacKenzie']),
  options: [
    { key: 'a', short: 'a', long: 'multiple' },
    { key: 's', short: 's', long: 'suffix', arg: 'required' },
    { key: 'z', short: 'z', long: 'zero' },
  ],
  async main(ctx, args) {
    let suffix = lastValue(args, 's');
    const multiple = flag(args, 'a') || suffix !== undefined;
    const eol = flag(args, 'z') ? '\0' : '\n';
    const ops = args.operands;
    if (ops.length < 1) return usageFail(ctx, 'missing operand');
    let names = ops;
    if (!multiple) {
      if (ops.length > 2) return usageFail(ctx, `extra operand ${ql(ops[2]!)}`);
      names = [ops[0]!];
      suffix = ops[1];
    }
    let out = '';
    for (const n of names) {
      let b = baseName(n);
      if (suffix && !b.startsWith('/') && b.length > suffix.length && b.endsWith(suffix)) b = b.slice(0, b.length - suffix.length);
      out += b + eol;
    }
    await ctx.print(out);
    return 0;
  },
});
