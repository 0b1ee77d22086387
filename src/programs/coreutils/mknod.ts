// mknod: make a FIFO (type p) or a block/character special file (b, c/u with major and minor).
// The simulated kernel makes FIFOs; device nodes are refused as an unprivileged container would.
import { isSysError, SysError } from '../../shared/errno';
import { defineProgram, usageError } from '../define';
import { lastValue } from '../lib/getopt';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { adjustMode, compileMode } from '../lib/mode-parse';
import { quote, quoteaf, quotef } from '../lib/quote';
import { xstrtol } from '../lib/xstrtol';

const spec = {
  name: 'mknod',
  installPath: '/usr/bin/mknod',
  pkg: 'coreutils',
  usage: 'mknod [OPTION]... NAME TYPE [MAJOR MINOR]',
  help: `Create the special file NAME of the given TYPE.\n\nMandatory arguments to long options are mandatory for short options too.\n  -m, --mode=MODE    set file permission bits to MODE, not a=rw - umask\n  -Z                 set the SELinux context to the default type\n      --context[=CTX]  like -Z, or set the context to CTX\n${HELP_LINES}\n\nBoth MAJOR and MINOR must be given when TYPE is b, c, or u, and they\nmust be left out when TYPE is p.  MAJOR and MINOR that start with 0x\nor 0X are hexadecimal, a leading 0 means octal, otherwise decimal.\nTYPE may be:\n  b      create a block (buffered) special file\n  c, u   create a character (unbuffered) special file\n  p      create a FIFO\n\nNOTE: a shell may have a mknod of its own that runs instead of this program;\nthe shell's documentation describes the options it takes.\n${coreutilsHelpFooter('mknod')}`,
  version: coreutilsVersion('mknod', ['David MacKenzie']),
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
    let mode = 0o666;
    let setMode = false;
    const m = lastValue(args, 'mode');
    if (m !== undefined) {
      const changes = compileMode(m);
      if (!changes) {
        await ctx.error('invalid mode');
        return 1;
      }
      mode = adjustMode(0o666, false, 0, changes).mode;
      if (mode & ~0o777) {
        await ctx.error('mode must specify only file permission bits');
        return 1;
      }
      setMode = true;
    }
    const ops = args.operands;
    const expected = ops.length === 0 || (ops.length > 1 && ops[1]!.startsWith('p')) ? 2 : 4;
    if (ops.length < expected) {
      const msg = ops.length === 0 ? 'missing operand' : `missing operand after ${quote(ops[ops.length - 1]!)}`;
      return usageError(ctx, spec, expected === 4 && ops.length === 2 ? `${msg}\nSpecial files require major and minor device numbers.` : msg);
    }
    if (ops.length > expected) {
      const msg = `extra operand ${quote(ops[expected]!)}`;
      return usageError(ctx, spec, expected === 2 && ops.length === 4 ? `${msg}\nFifos do not have major and minor device numbers.` : msg);
    }
    const [name, type] = [ops[0]!, ops[1]!];
    const t = type[0];
    if (t === 'b' || t === 'c' || t === 'u') {
      const major = xstrtol(ops[2]!, '', { base: 0 });
      if (major.status !== 'ok' || major.value > 0xffffffffn) {
        await ctx.error(`invalid major device number ${quote(ops[2]!)}`);
        return 1;
      }
      const minor = xstrtol(ops[3]!, '', { base: 0 });
      if (minor.status !== 'ok' || minor.value > 0xffffffffn) {
        await ctx.error(`invalid minor device number ${quote(ops[3]!)}`);
        return 1;
      }
      try {
        await ctx.sys.mknod(name, mode, t === 'b' ? 'blockdev' : 'chardev', Number(major.value), Number(minor.value));
      } catch (e) {
        if (!isSysError(e)) throw e;
        await ctx.perror(e, quotef(name));
        return 1;
      }
    } else if (t !== 'p') {
      await ctx.error(`invalid device type ${quote(type)}`);
      await ctx.err.write(`Try '${ctx.name} --help' for more information.\n`);
      return 1;
    } else {
      try {
        await ctx.sys.mkfifo(name, mode);
      } catch (e) {
        if (!isSysError(e)) throw e;
        await ctx.perror(e, quotef(name));
        return 1;
      }
    }
    if (setMode) {
      try {
        await ctx.sys.chmod(name, mode);
      } catch (e) {
        await ctx.perror(e, `cannot set permissions of ${quoteaf(name)}`);
        return 1;
      }
    }
    return 0;
  },
});
