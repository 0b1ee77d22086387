import { isSysError } from '../../shared/errno';
import { defineProgram } from '../define';
import { flag } from '../lib/getopt';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { quoteaf } from '../lib/quotearg';

const spec = {
  name: 'sync',
  installPath: '/usr/bin/sync',
  pkg: 'coreutils',
  usage: 'sync [OPTION] [FILE]...',
  help: `Write cached data to disk: everything, or only what belongs to each FILE (or
its file system).

  -d, --data             only the file data, not metadata that is not needed
  -f, --file-system      the whole file system that holds each FILE
${HELP_LINES}
${coreutilsHelpFooter('sync')}`,
  version: coreutilsVersion('sync', ['Jim Meyering', 'Giuseppe Scrivano']),
  options: [
    { key: 'd', short: 'd', long: 'data' },
    { key: 'f', short: 'f', long: 'file-system' },
  ],
};

export default defineProgram({
  ...spec,
  async main(ctx, args) {
    const data = flag(args, 'd');
    if (data && flag(args, 'f')) {
      await ctx.error('cannot specify both --data and --file-system');
      return 1;
    }
    if (args.operands.length === 0 && data) {
      await ctx.error('--data needs at least one argument');
      return 1;
    }
    // the simulated disk is always in sync: only check that each FILE can be opened
    let ok = true;
    for (const file of args.operands) {
      try {
        await ctx.sys.stat(file);
      } catch (e) {
        if (!isSysError(e)) throw e;
        await ctx.perror(e, `error opening ${quoteaf(file)}`);
        ok = false;
      }
    }
    return ok ? 0 : 1;
  },
});
