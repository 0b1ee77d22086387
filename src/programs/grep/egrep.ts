// egrep and fgrep: Photon's grep 3.7 installs them as two-line shell scripts that
// `exec grep -E "$@"` (or -F) through PATH. (grep 3.8 added an "obsolescent" warning line;
// Photon 5.0 has 3.7, and Debian patches the warning out of its 3.8 too.)
import { defineProgram, type Program } from '../define';
import { findInPath } from '../lib/path-search';

function wrapper(name: 'egrep' | 'fgrep', option: '-E' | '-F'): Program {
  return defineProgram({
    name,
    installPath: `/usr/bin/${name}`,
    pkg: 'grep',
    async main(ctx, { operands }) {
      const path = await findInPath(ctx.sys, 'grep', ctx.env.get('PATH') ?? '');
      if (!path) {
        await ctx.err.write(`/usr/bin/${name}: line 2: exec: grep: not found\n`);
        return 127;
      }
      await ctx.flush();
      return ctx.sys.exec(path, ['grep', option, ...operands], new Map(ctx.env));
    },
  });
}

export const egrep = wrapper('egrep', '-E');
export const fgrep = wrapper('fgrep', '-F');
