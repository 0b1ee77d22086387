import { defineProgram, usageError } from '../define';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { quote } from '../lib/quote';
import { readUtmp } from '../lib/utmp';

const spec = {
  name: 'users',
  installPath: '/usr/bin/users',
  pkg: 'coreutils',
  usage: 'users [OPTION]... [FILE]',
  help: `Print, on one line, the names of the users logged in now, as the login
records say.

${HELP_LINES}
${coreutilsHelpFooter('users')}`,
  version: coreutilsVersion('users', ['Joseph Arceneaux', 'David MacKenzie']),
  options: [],
};

export default defineProgram({
  ...spec,
  async main(ctx, { operands }) {
    if (operands.length > 1) return usageError(ctx, spec, `extra operand ${quote(operands[1]!)}`);
    // a FILE other than the login records holds no entries here
    const names = operands.length === 1 && operands[0] !== '/var/run/utmp' && operands[0] !== '/run/utmp' ? [] : (await readUtmp(ctx.sys)).filter((e) => e.kind === 'user').map((e) => e.user);
    names.sort();
    if (names.length) await ctx.print(`${names.join(' ')}\n`);
    return 0;
  },
});
