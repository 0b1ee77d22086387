import { isSysError } from '../../shared/errno';
import { defineProgram, usageError } from '../define';
import { lastValue } from '../lib/getopt';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { adjustMode, compileMode } from '../lib/mode-parse';
import { quoteaf } from '../lib/quote';

const spec = {
  name: 'mkfifo',
  installPath: '/usr/bin/mkfifo',
  pkg: 'coreutils',
  usage: 'mkfifo [OPTION]... NAME...',
  help: `Create named pipes (FIFOs) with the given NAMEs.\n\nMandatory arguments to long options are mandatory for short options too.\n  -m, --mode=MODE    set the permission bits of each FIFO (as with chmod), not a=rw - umask\n  -Z                 set the SELinux context of each FIFO to the default type\n      --context[=CTX]  like -Z, or set the context to CTX\n${HELP_LINES}\n${coreutilsHelpFooter('mkfifo')}`,
  version: coreutilsVersion('mkfifo', ['David MacKenzie']),
  options: [
    { key: 'mode', short: 'm', long: 'mode', arg: 'required' as const },
    { key: 'Z', short: 'Z' },
    { key: 'context', long: 'context', arg: 'optional' as const },
  ],
};

export default defineProgram({
  ...spec,
  async main(ctx, args) {
    // --context=CTX on a system without SELinux: a warning, then carry on
    for (const o of args.order) if (o.key === 'context' && o.value !== undefined) await ctx.error('warning: ignoring --context; it requires an SELinux/SMACK-enabled kernel');
    if (args.operands.length === 0) return usageError(ctx, spec, 'missing operand');
    let mode = 0o666;
    let chmodAfter = false;
    const m = lastValue(args, 'mode');
    if (m !== undefined) {
      const changes = compileMode(m);
      if (!changes) {
        await ctx.error('invalid mode');
        return 1;
      }
      mode = adjustMode(0o666, false, 0, changes).mode;
      chmodAfter = true;
    }
    let status = 0;
    for (const name of args.operands) {
      try {
        await ctx.sys.mkfifo(name, mode);
        // -m sets the bits exactly, whatever the umask (mkfifo(1))
        if (chmodAfter) await ctx.sys.chmod(name, mode);
      } catch (e) {
        if (!isSysError(e)) throw e;
        await ctx.perror(e, `cannot create fifo ${quoteaf(name)}`);
        status = 1;
      }
    }
    return status;
  },
});
