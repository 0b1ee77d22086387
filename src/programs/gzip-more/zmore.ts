// zmore: pages files that may be gzip-compressed. Each FILE is uncompressed (plain ones pass
// through) into one stream for $PAGER (default more); with several files each is preceded by
// a banner with its name, as more itself does.
import { defineProgram } from '../define';
import { finish, scriptVersion, self, start } from './spawn';

const VERSION = scriptVersion('zmore', '2010-2018', 'Jean-loup Gailly');

function usage(me: string): string {
  return `Usage: ${me} [OPTION]... [FILE]...
Like 'more', but operate on the uncompressed contents of any compressed FILEs.

Report bugs to <bug-gzip@gnu.org>.
`;
}

export default defineProgram({
  name: 'zmore',
  installPath: '/usr/bin/zmore',
  pkg: 'gzip',
  main: async (ctx) => {
    const me = self(ctx, 'zmore');
    let files = ctx.argv.slice(1);
    const first = files[0];
    if (first !== undefined) {
      if (first.startsWith('--h')) {
        await ctx.print(usage(me));
        return 0;
      }
      if (first.startsWith('--v')) {
        await ctx.print(VERSION);
        return 0;
      }
      if (first === '--') files = files.slice(1);
      else if (first.length > 1 && first.startsWith('-')) {
        await ctx.err.write(`${me}: ${first}: unknown option; try '${me} --help' for help\n`);
        return 1;
      }
    }
    if (!files.length) {
      if (ctx.sys.isatty(0)) {
        await ctx.err.write(`${me}: missing operands; try '${me} --help' for help\n`);
        return 1;
      }
      files = ['-'];
    }
    await ctx.flush();
    const [r, w] = ctx.sys.pipe();
    const pager = ctx.env.get('PAGER') ?? 'more';
    const p = await start(ctx, { argv: ['sh', '-c', pager], fds: new Map([[0, r], [1, 1], [2, 2]]) });
    ctx.sys.close(r);
    for (const file of files) {
      await ctx.tick();
      try {
        if (files.length > 1) await ctx.sys.write(w, `::::::::::::::\n${file}\n::::::::::::::\n`);
      } catch {
        break;
      }
      await finish(ctx, await start(ctx, { argv: ['gzip', '-cdfq', '--', file], fds: new Map([[0, 0], [1, w], [2, w]]) }));
    }
    ctx.sys.close(w);
    return finish(ctx, p);
  },
});
