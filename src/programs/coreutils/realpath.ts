import { SysError } from '../../shared/errno';
import { defineProgram, usageError } from '../define';
import { canonicalize, relpath, type CanMode } from '../lib/canonicalize';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { quotef } from '../lib/quote';
import { quoteaf } from '../lib/quotearg';

const spec = {
  name: 'realpath',
  installPath: '/usr/bin/realpath',
  pkg: 'coreutils',
  usage: 'realpath [OPTION]... FILE...',
  help: `Print the resolved absolute name of each FILE; by default every component but
the last must exist.

  -e, --canonicalize-existing  every component must exist
  -m, --canonicalize-missing   no component needs to exist or be a directory
  -L, --logical                apply '..' before following symlinks
  -P, --physical               follow symlinks as they come (the default)
  -q, --quiet                  do not report most errors
      --relative-to=DIR        print the name relative to DIR
      --relative-base=DIR      print names under DIR relative to it, others
                                 absolute
  -s, --strip, --no-symlinks   do not follow symlinks
  -z, --zero                   end each name with NUL, not newline
${HELP_LINES}
${coreutilsHelpFooter('realpath')}`,
  version: coreutilsVersion('realpath', ['Padraig Brady']),
  options: [
    { key: 'e', short: 'e', long: 'canonicalize-existing' },
    { key: 'm', short: 'm', long: 'canonicalize-missing' },
    { key: 'L', short: 'L', long: 'logical' },
    { key: 'P', short: 'P', long: 'physical' },
    { key: 'q', short: 'q', long: 'quiet' },
    { key: 'to', long: 'relative-to', arg: 'required' as const },
    { key: 'base', long: 'relative-base', arg: 'required' as const },
    { key: 's', short: 's', long: 'strip' },
    { key: 's', long: 'no-symlinks' },
    { key: 'z', short: 'z', long: 'zero' },
  ],
};

class Die extends Error {}

/** path_prefix: is PREFIX a leading directory of (or equal to) PATH? */
function pathPrefix(prefix: string, path: string): boolean {
  const pre = prefix.slice(1);
  const p = path.slice(1);
  if (pre === '') return !p.startsWith('/');
  if (pre === '/') return p.startsWith('/');
  return p.startsWith(pre) && (p.length === pre.length || p[pre.length] === '/');
}

export default defineProgram({
  ...spec,
  async main(ctx, args) {
    let mode: CanMode = 'all-but-last';
    let nolinks = false;
    let logical = false;
    let verbose = true;
    let nul = false;
    let relativeTo: string | undefined;
    let relativeBase: string | undefined;
    for (const { key, value } of args.order) {
      if (key === 'e') mode = 'existing';
      else if (key === 'm') mode = 'missing';
      else if (key === 'L') [nolinks, logical] = [true, true];
      else if (key === 's') [nolinks, logical] = [true, false];
      else if (key === 'P') [nolinks, logical] = [false, false];
      else if (key === 'q') verbose = false;
      else if (key === 'z') nul = true;
      else if (key === 'to') relativeTo = value;
      else if (key === 'base') relativeBase = value;
    }
    if (args.operands.length === 0) return usageError(ctx, spec, 'missing operand');
    const canon = async (name: string): Promise<string | SysError> => {
      const first = await canonicalize(ctx.sys, name, mode, nolinks);
      // -L: '..' first, then resolve the symlinks of the result
      return logical && typeof first === 'string' ? canonicalize(ctx.sys, first, mode, false) : first;
    };
    const needDir = async (canonical: string, shown: string): Promise<void> => {
      if (mode !== 'existing') return;
      let isDir: boolean;
      try {
        isDir = (await ctx.sys.stat(canonical)).kind === 'dir';
      } catch (e) {
        await ctx.perror(e, `cannot stat ${quoteaf(canonical)}`);
        throw new Die();
      }
      if (!isDir) {
        await ctx.perror(new SysError('ENOTDIR', 'stat'), quotef(shown));
        throw new Die();
      }
    };
    const canonOrDie = async (name: string): Promise<string> => {
      const r = await canon(name);
      if (typeof r !== 'string') {
        await ctx.perror(r, quotef(name));
        throw new Die();
      }
      await needDir(r, name);
      return r;
    };
    let canTo: string | undefined;
    let canBase: string | undefined;
    try {
      if (relativeBase !== undefined && relativeTo === undefined) relativeTo = relativeBase;
      if (relativeTo !== undefined) canTo = await canonOrDie(relativeTo);
      if (relativeBase !== undefined && relativeBase === relativeTo) canBase = canTo;
      else if (relativeBase !== undefined) {
        const base = await canonOrDie(relativeBase);
        if (pathPrefix(base, canTo!)) canBase = base;
        else {
          canBase = canTo;
          canTo = undefined;
        }
      }
    } catch (e) {
      if (e instanceof Die) return 1;
      throw e;
    }
    let ok = true;
    const end = nul ? '\0' : '\n';
    for (const name of args.operands) {
      await ctx.tick();
      const r = await canon(name);
      if (typeof r !== 'string') {
        if (verbose) await ctx.perror(r, quotef(name));
        ok = false;
        continue;
      }
      let shown = r;
      if (canTo !== undefined && !(canBase !== undefined && !pathPrefix(canBase, r))) shown = relpath(r, canTo) ?? r;
      await ctx.print(shown + end);
    }
    return ok ? 0 : 1;
  },
});

