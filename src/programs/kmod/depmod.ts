// depmod (kmod 30): the module index of this kernel is the image's own, always current; depmod
// checks its arguments and has nothing to rebuild.
import { defineProgram } from '../define';
import { KMOD_VERSION } from './kmod-common';

export default defineProgram({
  name: 'depmod',
  installPath: '/usr/sbin/depmod',
  pkg: 'kmod',
  async main(ctx) {
    for (const a of ctx.argv.slice(1)) {
      if (a === '-V' || a === '--version') {
        await ctx.print(KMOD_VERSION);
        return 0;
      }
    }
    if (ctx.sys.geteuid() !== 0 && !ctx.argv.includes('-n') && !ctx.argv.includes('--dry-run')) {
      const release = ctx.sys.uname().release;
      await ctx.err.write(`depmod: ERROR: could not open modules.dep.temp for writing: Permission denied\ndepmod: FATAL: could not write index 'modules.dep' at /lib/modules/${release}: Permission denied\n`);
      return 1;
    }
    return 0;
  },
});
