import { defineProgram, usageError } from '../define';
import { Accounts } from '../lib/accounts';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { quote } from '../lib/quote';

const spec = {
  name: 'whoami',
  installPath: '/usr/bin/whoami',
  pkg: 'coreutils',
  usage: 'whoami [OPTION]...',
  help: `Print the user name of the effective user ID (what 'id -un' prints).

${HELP_LINES}
${coreutilsHelpFooter('whoami')}`,
  version: coreutilsVersion('whoami', ['Richard Mlynarik']),
  options: [],
};

export default defineProgram({
  ...spec,
  async main(ctx, args) {
    if (args.operands.length) return usageError(ctx, spec, `extra operand ${quote(args.operands[0]!)}`);
    const uid = ctx.sys.geteuid();
    const name = (await Accounts.load(ctx.sys)).userName(uid);
    if (name === undefined) {
      await ctx.error(`cannot find name for user ID ${uid}`);
      return 1;
    }
    await ctx.print(`${name}\n`);
    return 0;
  },
});
