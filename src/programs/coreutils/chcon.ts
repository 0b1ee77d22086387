// chcon: change the SELinux security context of files. Photon's coreutils is built without
// SELinux, so every context lookup or change fails as gnulib's stand-ins do (ENOTSUP); the
// options, operand checks, the tree walk and its messages are those of coreutils.
import { defineProgram, usageError } from '../define';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { flag, lastValue } from '../lib/getopt';
import { quote } from '../lib/quote';
import { quoteaf } from '../lib/quotearg';
import { walk } from '../lib/walk';
import { rootCheck, traversalOptions } from './chown-core';

const NOTSUP = 'Operation not supported';

const spec = {
  name: 'chcon',
  installPath: '/usr/bin/chcon',
  pkg: 'coreutils',
  usage: 'chcon [OPTION]... CONTEXT FILE...\nchcon [OPTION]... [-u USER] [-r ROLE] [-l RANGE] [-t TYPE] FILE...\nchcon [OPTION]... --reference=RFILE FILE...',
  help: `Set the SELinux security context of each FILE to CONTEXT, or to the context
of RFILE with --reference, or change only the parts given with -u, -r, -t, -l.

Mandatory arguments to long options are mandatory for short options too.
      --dereference      work on what each symlink points to (the default)
  -h, --no-dereference   work on symlinks themselves
  -u, --user=USER        the user part of the new context
  -r, --role=ROLE        the role part
  -t, --type=TYPE        the type part
  -l, --range=RANGE      the level range part
      --no-preserve-root  do not treat '/' specially (the default)
      --preserve-root    refuse to work recursively on '/'
      --reference=RFILE  copy the context of RFILE
  -R, --recursive        work on directories and their contents
  -v, --verbose          say which file is being changed

With -R: -H follows symlinks named on the command line, -L follows every
symlink to a directory, -P follows none (the default); the last one given wins.
${HELP_LINES}
${coreutilsHelpFooter('chcon')}`,
  version: coreutilsVersion('chcon', ['Russell Coker', 'Jim Meyering']),
  options: [
    { key: 'H', short: 'H' }, { key: 'L', short: 'L' }, { key: 'P', short: 'P' },
    { key: 'R', short: 'R', long: 'recursive' }, { key: 'h', short: 'h', long: 'no-dereference' },
    { key: 'deref', long: 'dereference' }, { key: 'v', short: 'v', long: 'verbose' },
    { key: 'no-preserve', long: 'no-preserve-root' }, { key: 'preserve', long: 'preserve-root' },
    { key: 'reference', long: 'reference', arg: 'required' as const },
    { key: 'u', short: 'u', long: 'user', arg: 'required' as const },
    { key: 'r', short: 'r', long: 'role', arg: 'required' as const },
    { key: 't', short: 't', long: 'type', arg: 'required' as const },
    { key: 'l', short: 'l', long: 'range', arg: 'required' as const },
  ],
};

export default defineProgram({
  ...spec,
  async main(ctx, args) {
    const { deref, preserveRoot, follow: asked } = traversalOptions(args);
    let follow = asked;
    const recurse = flag(args, 'R');
    if (recurse) {
      if (follow === 'physical' && deref === 1) {
        await ctx.error('-R --dereference requires either -H or -L');
        return 1;
      }
      if (follow !== 'physical' && deref === 0) {
        await ctx.error('-R -h requires -P');
        return 1;
      }
    } else follow = 'physical';
    const reference = lastValue(args, 'reference');
    const component = ['u', 'r', 't', 'l'].some((k) => args.values.has(k));
    const ops = args.operands;
    if (ops.length < (reference !== undefined || component ? 1 : 2)) {
      return usageError(ctx, spec, ops.length === 0 ? 'missing operand' : `missing operand after ${quote(ctx.argv[ctx.argv.length - 1]!)}`);
    }
    if (reference !== undefined) {
      await ctx.error(`failed to get security context of ${quoteaf(reference)}: ${NOTSUP}`);
      return 1;
    }
    const context = component ? undefined : ops[0]!;
    const files = component ? ops : ops.slice(1);
    const verbose = flag(args, 'v');
    let ok = true;
    await walk(ctx, files, { follow }, async (e) => {
      if (e.info === 'D' && recurse) {
        if (preserveRoot && e.stat && (await rootCheck(ctx, e.stat, e.path))) {
          ok = false;
          return 'skip';
        }
        return undefined;
      }
      if (e.info === 'DP' && !recurse) return undefined;
      let good = true;
      if (e.info === 'NS') {
        await ctx.perror(e.error, `cannot access ${quoteaf(e.path)}`);
        good = false;
      } else if (e.info === 'DNR') {
        await ctx.perror(e.error, `cannot read directory ${quoteaf(e.path)}`);
        good = false;
      }
      if (good) {
        if (verbose) await ctx.print(`changing security context of ${quoteaf(e.path)}\n`);
        // the name relative to the directory being walked, as fts hands it over
        const name = e.level === 0 ? e.path : e.path.slice(e.path.lastIndexOf('/') + 1);
        if (context === undefined) await ctx.error(`failed to get security context of ${quoteaf(name)}: ${NOTSUP}`);
        else await ctx.error(`failed to change context of ${quoteaf(name)} to ${quote(context)}: ${NOTSUP}`);
        good = false;
      }
      ok = ok && good;
      return recurse ? undefined : 'skip';
    });
    return ok ? 0 : 1;
  },
});
