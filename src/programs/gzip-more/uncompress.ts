// uncompress: on Photon the same script as gunzip (gzip -d), under another name.
import { defineProgram } from '../define';
import { run } from '../misc/gzip';
import { wrapperHelp, wrapperVersion } from '../misc/gzip-text';
import { self } from './spawn';

export default defineProgram({
  name: 'uncompress',
  installPath: '/usr/bin/uncompress',
  pkg: 'gzip',
  main: async (ctx) => {
    const first = ctx.argv[1];
    if (first === '--help' || first === '--version') {
      await ctx.print(first === '--help' ? wrapperHelp('gunzip', self(ctx, 'uncompress')) : wrapperVersion('gunzip'));
      return 0;
    }
    return run(ctx, 'gunzip');
  },
});
