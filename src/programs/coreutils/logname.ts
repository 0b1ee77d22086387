// logname: the login name of the session's controlling terminal, from the utmp record for it.
import { defineProgram, usageError } from '../define';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { quote } from '../lib/quote';
import { readUtmp } from '../lib/utmp';

const spec = {
  name: 'logname',
  installPath: '/usr/bin/logname',
  pkg: 'coreutils',
  usage: 'logname [OPTION]',
  help: `Print the user's login name.\n\n${HELP_LINES}\n\n${coreutilsHelpFooter('logname')}`,
  version: coreutilsVersion('logname', ['FIXME: unknown']),
  options: [],
};

export default defineProgram({
  ...spec,
  async main(ctx, args) {
    if (args.operands.length) return usageError(ctx, spec, `extra operand ${quote(args.operands[0]!)}`);
    // getlogin(): the utmp entry of the terminal on stdin
    let tty: string | undefined;
    try {
      tty = await ctx.sys.ttyname(0);
    } catch {
      tty = undefined;
    }
    const line = tty?.replace(/^\/dev\//, '');
    const entries = line ? await readUtmp(ctx.sys).catch(() => []) : [];
    const e = entries.find((x) => x.line === line && x.user);
    if (!e) {
      await ctx.error('no login name');
      return 1;
    }
    await ctx.print(`${e.user}\n`);
    return 0;
  },
});
