// egrep and fgrep: grep 3.8 installs them as two-line shell scripts that warn and then
// `exec grep -E "$@"` (or -F) through PATH.
import { defineProgram, type Program } from '../define';
import { findInPath } from '../lib/path-search';

function wrapper(name: 'egrep' | 'fgrep', option: '-E' | '-F'): Program {
  return defineProgram({
    name,
    installPath: `/usr/bin/${name}`,
    pkg: 'grep',
    async main(ctx, { operands }) {
      const cmd = (ctx.argv[0] ?? name).replace(/^.*\//, '');
      await ctx.err.write(`${cmd}: warning: ${cmd} is obsolescent; using grep ${option}\n`);
      const path = await findInPath(ctx.sys, 'grep', ctx.env.get('PATH') ?? '');
      if (!path) {
        await ctx.err.write(`/usr/bin/${name}: line 3: grep: command not found\n`);
        return 127;
      }
      await ctx.flush();
      return ctx.sys.exec(path, ['grep', option, ...operands], new Map(ctx.env));
    },
  });
}

export const egrep = wrapper('egrep', '-E');
export const fgrep = wrapper('fgrep', '-F');
