// runcon: run a command in another SELinux security context. Photon's coreutils is built
// without SELinux, so the context calls fail as gnulib's stand-ins do (ENOTSUP) and the
// kernel is never an SELinux one: runcon only reports why it cannot work.
import { defineProgram, usageError } from '../define';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';

const spec = {
  name: 'runcon',
  installPath: '/usr/bin/runcon',
  pkg: 'coreutils',
  usage: 'runcon CONTEXT COMMAND [args]\nruncon [ -c ] [-u USER] [-r ROLE] [-t TYPE] [-l RANGE] COMMAND [args]',
  posixOrder: true,
  help: `Run COMMAND in another SELinux security context; with neither CONTEXT
nor COMMAND, print the current context.

Mandatory arguments to long options are mandatory for short options too.
  CONTEXT            the whole security context
  -c, --compute      compute the transition context before changing
  -t, --type=TYPE    the type (the role stays the parent's)
  -u, --user=USER    the user identity
  -r, --role=ROLE    the role
  -l, --range=RANGE  the level range
${HELP_LINES}
${coreutilsHelpFooter('runcon')}`,
  version: coreutilsVersion('runcon', ['Russell Coker']),
  options: [
    { key: 'r', short: 'r', long: 'role', arg: 'required' as const },
    { key: 't', short: 't', long: 'type', arg: 'required' as const },
    { key: 'u', short: 'u', long: 'user', arg: 'required' as const },
    { key: 'l', short: 'l', long: 'range', arg: 'required' as const },
    { key: 'c', short: 'c', long: 'compute' },
  ],
};

export default defineProgram({
  ...spec,
  async main(ctx, args) {
    const ops = args.operands;
    if (ops.length === 0) {
      // getcon() without SELinux support
      await ctx.error('failed to get current context: Operation not supported');
      return 1;
    }
    const component = ['r', 't', 'u', 'l'].some((k) => args.values.has(k)) || args.flags.has('c');
    if ((component ? ops.length : ops.length - 1) < 1) return usageError(ctx, spec, 'no command specified');
    await ctx.error(`${ctx.name} may be used only on a SELinux kernel`);
    return 1;
  },
});
