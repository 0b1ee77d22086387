import { defineProgram } from '../define';
import { flag } from '../lib/getopt';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';

const spec = {
  name: 'printenv',
  installPath: '/usr/bin/printenv',
  pkg: 'coreutils',
  usageStatus: 2,
  posixOrder: true,
  usage: 'printenv [OPTION]... [VARIABLE]...',
  help: `Print the value of each environment VARIABLE, or the whole environment when
none is named.

  -0, --null     end each line with a NUL byte, not a newline
${HELP_LINES}
${coreutilsHelpFooter('printenv')}`,
  version: coreutilsVersion('printenv', ['David MacKenzie', 'Richard Mlynarik']),
  // -i and -u are accepted by getopt ("+iu:0") but lead to the usage message
  options: [
    { key: '0', short: '0', long: 'null' },
    { key: 'i', short: 'i' },
    { key: 'u', short: 'u', arg: 'required' as const },
  ],
};

export default defineProgram({
  ...spec,
  async main(ctx, args) {
    if (args.order.some((o) => o.key === 'i' || o.key === 'u')) {
      await ctx.err.write(`Try '${ctx.name} --help' for more information.\n`);
      return 2;
    }
    const end = flag(args, '0') ? '\0' : '\n';
    if (args.operands.length === 0) {
      let out = '';
      for (const [k, v] of ctx.env) out += `${k}=${v}${end}`;
      await ctx.print(out);
      return 0;
    }
    let matches = 0;
    let out = '';
    for (const name of args.operands) {
      if (name.includes('=')) continue;
      const v = ctx.env.get(name);
      if (v !== undefined) {
        out += `${v}${end}`;
        matches++;
      }
    }
    await ctx.print(out);
    return matches === args.operands.length ? 0 : 1;
  },
});
