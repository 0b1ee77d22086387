import { defineProgram, usageError } from '../define';
import { flag, lastValue } from '../lib/getopt';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { quote } from '../lib/quote';

/** The virtual machine's processors (matches /proc/cpuinfo). */
const CPUS = 2;

const spec = {
  name: 'nproc',
  installPath: '/usr/bin/nproc',
  pkg: 'coreutils',
  usage: 'nproc [OPTION]...',
  help: `Print how many processing units this process may use.

      --all       print the number of installed processors
      --ignore=N  leave out N units if possible
${HELP_LINES}
${coreutilsHelpFooter('nproc')}`,
  version: coreutilsVersion('nproc', ['Giuseppe Scrivano']),
  options: [
    { key: 'all', long: 'all' },
    { key: 'ignore', long: 'ignore', arg: 'required' as const },
  ],
};

/** OMP_NUM_THREADS / OMP_THREAD_LIMIT as gnulib nproc reads them (first list item). */
function ompValue(v: string | undefined): number {
  if (v === undefined) return 0;
  const m = /^[\s]*\+?(\d+)[\s]*(?:,|$)/.exec(v);
  return m ? Number(m[1]) : 0;
}

export default defineProgram({
  ...spec,
  async main(ctx, args) {
    const ignoreText = lastValue(args, 'ignore');
    let ignore = 0;
    if (ignoreText !== undefined) {
      if (!/^\s*\+?\d+$/.test(ignoreText)) {
        await ctx.error(`invalid number: ${quote(ignoreText)}`);
        return 1;
      }
      ignore = Number(ignoreText.trim());
    }
    if (args.operands.length) return usageError(ctx, spec, `extra operand ${quote(args.operands[0]!)}`);
    let n = CPUS;
    if (!flag(args, 'all')) {
      const threads = ompValue(ctx.env.get('OMP_NUM_THREADS'));
      const limit = ompValue(ctx.env.get('OMP_THREAD_LIMIT'));
      if (threads) n = threads;
      if (limit && n > limit) n = limit;
    }
    n = ignore < n ? n - ignore : 1;
    await ctx.print(`${n}\n`);
    return 0;
  },
});
