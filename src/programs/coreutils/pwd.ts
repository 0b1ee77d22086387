import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';

/** $PWD if it is absolute, free of . and .. components, and names the current directory. */
async function logicalCwd(ctx: Ctx): Promise<string | undefined> {
  const wd = ctx.env.get('PWD');
  if (!wd || !wd.startsWith('/')) return undefined;
  if (wd.split('/').some((part) => part === '.' || part === '..')) return undefined;
  try {
    const [a, b] = await Promise.all([ctx.sys.stat(wd), ctx.sys.stat('.')]);
    return a.dev === b.dev && a.ino === b.ino ? wd : undefined;
  } catch {
    return undefined;
  }
}

// coreutils pwd defaults to -P (the builtin in bash defaults to -L).
export default defineProgram({
  name: 'pwd',
  installPath: '/usr/bin/pwd',
  pkg: 'coreutils',
  usage: 'pwd [OPTION]...',
  help: `Print the absolute name of the current working directory.

  -L, --logical   print $PWD when it names the current directory, keeping
                    the symbolic links it went through
  -P, --physical  resolve every symbolic link (the default)
${HELP_LINES}

If neither option is given, -P is used unless POSIXLY_CORRECT is set.

Your shell probably has its own pwd builtin, which runs instead of this program
unless you give its path (e.g. /usr/bin/pwd).
${coreutilsHelpFooter('pwd')}`,
  version: coreutilsVersion('pwd', ['Jim Meyering']),
  options: [
    { key: 'L', short: 'L', long: 'logical' },
    { key: 'P', short: 'P', long: 'physical' },
  ],
  async main(ctx, args) {
    let logical = ctx.env.has('POSIXLY_CORRECT');
    for (const o of args.order) {
      if (o.key === 'L') logical = true;
      else if (o.key === 'P') logical = false;
    }
    if (args.operands.length) await ctx.error('ignoring non-option arguments');
    const wd = (logical ? await logicalCwd(ctx) : undefined) ?? ctx.sys.getcwd();
    await ctx.print(`${wd}\n`);
    return 0;
  },
});
