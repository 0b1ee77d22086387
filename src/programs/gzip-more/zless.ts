// zless: less over files that may be gzip-compressed. The uncompressed text of the FILEs
// (plain ones unchanged) is piped to less, which gets the options given.
import { isSysError, strerror } from '../../shared/errno';
import { defineProgram } from '../define';
import { finish, scriptVersion, self, start } from './spawn';

const VERSION = scriptVersion('zless', '2007, 2011-2018', 'Paul Eggert');

function usage(me: string): string {
  return `Usage: ${me} [OPTION]... [FILE]...
Like 'less', but operate on the uncompressed contents of any compressed FILEs.

Options are the same as for 'less'.

Report bugs to <bug-gzip@gnu.org>.
`;
}

export default defineProgram({
  name: 'zless',
  installPath: '/usr/bin/zless',
  pkg: 'gzip',
  main: async (ctx) => {
    const me = self(ctx, 'zless');
    const args = ctx.argv.slice(1);
    if (args[0] === '--help') {
      await ctx.print(usage(me));
      return 0;
    }
    if (args[0] === '--version') {
      await ctx.print(VERSION);
      return 0;
    }
    const opts: string[] = [];
    const files: string[] = [];
    let only = false;
    for (const a of args) {
      if (!only && a === '--') only = true;
      else if (!only && a.length > 1 && a.startsWith('-')) opts.push(a);
      else files.push(a);
    }
    const readable: string[] = [];
    for (const f of files) {
      if (f === '-') {
        readable.push(f);
        continue;
      }
      try {
        const st = await ctx.sys.stat(f);
        if (st.kind === 'dir') await ctx.err.write(`${f} is a directory\n`);
        else readable.push(f);
      } catch (e) {
        if (!isSysError(e)) throw e;
        // less runs its input filter (gzip) first, which has its own say
        await ctx.flush();
        const nul = await ctx.sys.open('/dev/null', { write: true });
        await finish(ctx, await start(ctx, { argv: ['gzip', '-cdfq', '--', f], fds: new Map([[0, 0], [1, nul], [2, 2]]) }));
        ctx.sys.close(nul);
        await ctx.err.write(`${f}: ${strerror(e.errno)}\n`);
      }
    }
    if (files.length && !readable.length) return 0;
    await ctx.flush();
    const [r, w] = ctx.sys.pipe();
    const p = await start(ctx, { argv: ['less', ...opts], fds: new Map([[0, r], [1, 1], [2, 2]]) });
    ctx.sys.close(r);
    for (const file of readable.length ? readable : ['-']) {
      await ctx.tick();
      await finish(ctx, await start(ctx, { argv: ['gzip', '-cdfq', '--', file], fds: new Map([[0, 0], [1, w], [2, 2]]) }));
    }
    ctx.sys.close(w);
    return finish(ctx, p);
  },
});
