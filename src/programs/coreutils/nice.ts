import { isSysError } from '../../shared/errno';
import { defineProgram, usageError } from '../define';
import { execvp } from '../lib/execvp';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { quote } from '../lib/quote';

const EXIT_CANCELED = 125;

const spec = {
  name: 'nice',
  installPath: '/usr/bin/nice',
  pkg: 'coreutils',
  usageStatus: EXIT_CANCELED,
  usage: 'nice [OPTION] [COMMAND [ARG]...]',
  help: `Run COMMAND with its scheduling priority changed by an adjustment (10 unless
-n says otherwise). Without a COMMAND, print the current niceness. Niceness goes
from -20 (most favourable) to 19 (least); only root may lower it.

Long options take the same arguments as their short forms.
  -n, --adjustment=N   add N (default 10) to the niceness
${HELP_LINES}
${coreutilsHelpFooter('nice')}`,
  version: coreutilsVersion('nice', ['David MacKenzie']),
};

async function helpOrVersion(ctx: Parameters<typeof execvp>[0], which: 'help' | 'version'): Promise<number> {
  if (which === 'help') await ctx.print(`Usage: ${spec.usage}\n${spec.help}\n`);
  else await ctx.print(`${spec.version}\n`);
  return 0;
}

export default defineProgram({
  ...spec,
  async main(ctx, { operands: args }) {
    let adjustment: string | undefined;
    let i = 0;
    while (i < args.length) {
      const s = args[i]!;
      if (/^-[-+]?\d/.test(s)) {
        adjustment = s.slice(1);
        i++;
        continue;
      }
      if (s === '--') {
        i++;
        break;
      }
      if (!s.startsWith('-') || s === '-') break;
      if (s.startsWith('--')) {
        const eq = s.indexOf('=');
        const name = s.slice(2, eq < 0 ? undefined : eq);
        const match = ['adjustment', 'help', 'version'].filter((l) => l.startsWith(name));
        if (name === '' || match.length !== 1) return usageError(ctx, spec, `unrecognized option '${eq < 0 ? s : s.slice(0, eq)}'`);
        const long = match[0]!;
        if (long !== 'adjustment') {
          if (eq >= 0) return usageError(ctx, spec, `option '--${long}' doesn't allow an argument`);
          return helpOrVersion(ctx, long as 'help' | 'version');
        }
        if (eq >= 0) adjustment = s.slice(eq + 1);
        else if (i + 1 < args.length) adjustment = args[++i];
        else return usageError(ctx, spec, `option '--adjustment' requires an argument`);
        i++;
        continue;
      }
      if (s[1] !== 'n') return usageError(ctx, spec, `invalid option -- '${s[1]}'`);
      if (s.length > 2) adjustment = s.slice(2);
      else if (i + 1 < args.length) adjustment = args[++i];
      else return usageError(ctx, spec, `option requires an argument -- 'n'`);
      i++;
    }
    let value = 10;
    if (adjustment !== undefined) {
      if (!/^\s*[-+]?\d+$/.test(adjustment)) {
        await ctx.error(`invalid adjustment ${quote(adjustment)}`);
        return EXIT_CANCELED;
      }
      value = Math.max(-39, Math.min(39, Number(adjustment.trim())));
    }
    const command = args.slice(i);
    const current = ctx.sys.getpriority('process', 0);
    if (command.length === 0) {
      if (adjustment !== undefined) return usageError(ctx, spec, 'a command must be given with an adjustment');
      await ctx.print(`${current}\n`);
      return 0;
    }
    try {
      ctx.sys.setpriority('process', 0, current + value);
    } catch (e) {
      if (!isSysError(e)) throw e;
      // only a permission problem lets the command run anyway, at the old niceness
      await ctx.perror(e, 'cannot set niceness');
      if (e.errno !== 'EACCES' && e.errno !== 'EPERM') return EXIT_CANCELED;
    }
    return execvp(ctx, command);
  },
});
