// stdbuf: runs COMMAND with the stdio buffering modes asked for. The real tool passes them to
// libstdbuf.so through LD_PRELOAD and _STDBUF_I/_O/_E; those variables are set the same way here,
// though the simulated programs' buffering does not depend on them.
import { defineProgram, usageError } from '../define';
import { execvp } from '../lib/execvp';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { quote } from '../lib/quote';
import { UINTMAX_MAX, xstrtol } from '../lib/xstrtol';

const EXIT_CANCELED = 125;
const LIBSTDBUF = '/usr/libexec/coreutils/libstdbuf.so';

const spec = {
  name: 'stdbuf',
  installPath: '/usr/bin/stdbuf',
  pkg: 'coreutils',
  usage: 'stdbuf OPTION... COMMAND',
  usageStatus: EXIT_CANCELED,
  posixOrder: true,
  help: `Run COMMAND with other buffering for its standard input, output and error.

Mandatory arguments to long options are mandatory for short options too.
  -i, --input=MODE   buffering of standard input
  -o, --output=MODE  buffering of standard output
  -e, --error=MODE   buffering of standard error
${HELP_LINES}

MODE 'L' makes the stream line buffered (not allowed for standard input).

MODE '0' makes the stream unbuffered.

Any other MODE is a buffer size in bytes, which may carry a suffix:
KB 1000, K 1024, MB 1000*1000, M 1024*1024, and so on for G, T, P, E, Z, Y;
KiB, MiB... are the same as K, M...
The stream is then fully buffered with a buffer of that size.

NOTE: a COMMAND that sets its own buffering (as 'tee' does) overrides stdbuf,
and programs that do not use stdio streams ('dd', 'cat'...) are not affected.
${coreutilsHelpFooter('stdbuf')}`,
  version: coreutilsVersion('stdbuf', ['Padraig Brady']),
  options: [
    { key: 'i', short: 'i', long: 'input', arg: 'required' as const },
    { key: 'o', short: 'o', long: 'output', arg: 'required' as const },
    { key: 'e', short: 'e', long: 'error', arg: 'required' as const },
  ],
};

/** A MODE's value for _STDBUF_X, or the error text after "invalid mode 'M'". */
function parseMode(mode: string): { value: string } | { error: string } {
  if (mode === 'L') return { value: 'L' };
  const r = xstrtol(mode, 'EGkKMPTYZ0');
  if (r.status === 'overflow' || r.status === 'suffix-overflow') return { error: ': Value too large for defined data type' };
  if (r.status !== 'ok' || r.value > UINTMAX_MAX) return { error: '' };
  return { value: r.value.toString() };
}

export default defineProgram({
  ...spec,
  async main(ctx, args) {
    const modes = new Map<string, string>();
    for (const { key, value } of args.order) {
      if (value === undefined) continue;
      if (key === 'i' && value === 'L') return usageError(ctx, spec, 'line buffering stdin is meaningless');
      const m = parseMode(value);
      if ('error' in m) {
        await ctx.error(`invalid mode ${quote(value)}${m.error}`);
        return EXIT_CANCELED;
      }
      modes.set(key, m.value);
    }
    if (args.operands.length === 0) return usageError(ctx, spec, 'missing operand');
    if (modes.size === 0) return usageError(ctx, spec, 'you must specify a buffering mode option');
    const env = new Map(ctx.env);
    for (const key of ['i', 'o', 'e']) {
      const v = modes.get(key);
      if (v !== undefined) env.set(`_STDBUF_${key.toUpperCase()}`, v);
    }
    const pre = env.get('LD_PRELOAD');
    env.set('LD_PRELOAD', pre !== undefined ? `${pre}:${LIBSTDBUF}` : LIBSTDBUF);
    return execvp(ctx, args.operands, env, async (e) => {
      await ctx.perror(e, `failed to run command ${quote(args.operands[0]!)}`);
    });
  },
});
