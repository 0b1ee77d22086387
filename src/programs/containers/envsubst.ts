// envsubst (GNU gettext-runtime 0.21): copies standard input to standard output with $VAR and
// ${VAR} replaced by the environment's values (unset: empty). With a SHELL-FORMAT argument only
// the variables named in it are replaced; -v lists those names. The nginx image's template
// script depends on it.
import { defineProgram } from '../define';
import { CONTAINER_PKG } from './pkg';

const VAR = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g;

function namesIn(format: string): string[] {
  const out: string[] = [];
  for (const m of format.matchAll(VAR)) {
    const name = m[1] ?? m[2]!;
    if (!out.includes(name)) out.push(name);
  }
  return out;
}

export default defineProgram({
  name: 'envsubst',
  installPath: '/usr/bin/envsubst',
  pkg: CONTAINER_PKG,
  usage: 'envsubst [OPTION] [SHELL-FORMAT]',
  help: `Copies standard input to standard output, putting the values of environment
variables in place of $NAME and \${NAME}. With SHELL-FORMAT, only the variables it
mentions are replaced; others are left as they are.

  -v, --variables             list the variables SHELL-FORMAT mentions, one a line
  -h, --help                  show this help and exit
  -V, --version               show version information and exit`,
  version: 'envsubst (GNU gettext-runtime) 0.21\nCopyright (C) 2003-2020 Free Software Foundation, Inc.\nLicense GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>\nThis is free software: you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\nWritten by Bruno Haible.',
  options: [{ key: 'v', short: 'v', long: 'variables' }, { key: 'help', short: 'h', long: 'help' }, { key: 'version', short: 'V', long: 'version' }],
  async main(ctx, { flags, operands }) {
    if (operands.length > 1) {
      await ctx.error('too many arguments');
      await ctx.err.write(`Try '${ctx.name} --help' for more information.\n`);
      return 1;
    }
    if (flags.has('v')) {
      if (operands.length === 0) {
        await ctx.error('missing arguments');
        return 1;
      }
      for (const n of namesIn(operands[0]!)) await ctx.print(`${n}\n`);
      return 0;
    }
    const only = operands.length ? new Set(namesIn(operands[0]!)) : undefined;
    const input = await ctx.readAll(0);
    await ctx.print(input.replace(VAR, (whole, braced: string | undefined, bare: string | undefined) => {
      const name = braced ?? bare!;
      if (only && !only.has(name)) return whole;
      return ctx.env.get(name) ?? '';
    }));
    return 0;
  },
});
