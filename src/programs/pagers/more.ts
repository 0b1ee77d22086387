// more (util-linux 2.38): a screenful at a time on a terminal (more-view.ts); otherwise it
// copies its input, with a ::::::::::::::-framed name before each file when several files
// are given or standard input is not a terminal.
import { isSysError, strerror } from '../../shared/errno';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { getopt, GetoptError } from '../lib/getopt';
import { Source } from './less/source';
import { MoreView, type MoreOptions } from './more-view';
import { Terminal } from './terminal';

const HELP = `
Show text one screen at a time (a filter for terminals).

Options:
 -d, --silent          prompt with a hint instead of ringing the bell
 -f, --logical         count lines of the file rather than screen rows
 -l, --no-pause        do not stop after a form feed
 -c, --print-over      redraw from the top instead of scrolling
 -p, --clean-print     clear the screen before each page
 -e, --exit-on-eof     leave at the end of the last file
 -s, --squeeze         show runs of blank lines as one
 -u, --plain           ignore underlining and bold
 -n, --lines <number>  lines per screen
 -<number>             the same as --lines
 +<number>             start at this line
 +/<pattern>           start at the first line matching the pattern

 -h, --help            display this help
 -V, --version         display version

For more details see more(1).`;

type Opened = { fd: number; size: number | undefined } | { message: string; directory: boolean };

async function openFile(ctx: Ctx, name: string): Promise<Opened> {
  const sys = ctx.sys;
  try {
    const st = await sys.stat(name);
    if (st.kind === 'dir') return { message: `\n*** ${name}: directory ***\n`, directory: true };
    const fd = await sys.open(name, { read: true });
    return { fd, size: st.kind === 'file' ? st.size : undefined };
  } catch (e) {
    if (!isSysError(e)) throw e;
    return { message: `more: cannot open ${name}: ${strerror(e.errno)}`, directory: false };
  }
}

async function copy(ctx: Ctx, fd: number): Promise<void> {
  for (;;) {
    await ctx.tick();
    const chunk = await ctx.sys.read(fd, 65536);
    if (chunk === null) return;
    await ctx.out.flush();
    await ctx.sys.write(1, chunk);
  }
}

export default defineProgram({
  name: 'more',
  installPath: '/usr/bin/more',
  pkg: 'util-linux',
  usage: 'more [options] <file>...',
  help: HELP,
  async main(ctx) {
    const sys = ctx.sys;
    // -<number> and +<number> / +/<pattern> are not getopt options: take them out first
    const o: MoreOptions = { lines: undefined, squeeze: false, startLine: 1, startPattern: undefined, silent: false };
    const rest: string[] = [];
    for (const a of ctx.argv.slice(1)) {
      if (/^-\d+$/.test(a)) o.lines = Number(a.slice(1));
      else if (/^\+\d+$/.test(a)) o.startLine = Number(a.slice(1));
      else if (a.startsWith('+/')) o.startPattern = a.slice(2);
      else rest.push(a);
    }
    let p;
    try {
      p = getopt(rest, [
        { key: 'd', short: 'd', long: 'silent' }, { key: 'f', short: 'f', long: 'logical' }, { key: 'l', short: 'l', long: 'no-pause' },
        { key: 'c', short: 'c', long: 'print-over' }, { key: 'p', short: 'p', long: 'clean-print' }, { key: 'e', short: 'e', long: 'exit-on-eof' },
        { key: 's', short: 's', long: 'squeeze' }, { key: 'u', short: 'u', long: 'plain' }, { key: 'n', short: 'n', long: 'lines', arg: 'required' },
        { key: 'help', short: 'h', long: 'help' }, { key: 'version', short: 'V', long: 'version' },
      ]);
    } catch (e) {
      if (!(e instanceof GetoptError)) throw e;
      await ctx.error(e.message);
      await ctx.err.write(`Try 'more --help' for more information.\n`);
      return 1;
    }
    if (p.flags.has('help')) {
      await ctx.print(`\nUsage:\n more [options] <file>...\n${HELP}\n`);
      return 0;
    }
    if (p.flags.has('version')) {
      await ctx.print('more from util-linux 2.38\n');
      return 0;
    }
    const n = p.values.get('n')?.at(-1);
    if (n !== undefined) {
      if (!/^\d+$/.test(n)) {
        await ctx.error(`failed to parse number: '${n}'`);
        return 1;
      }
      o.lines = Number(n);
    }
    o.squeeze = p.flags.has('s');
    o.silent = p.flags.has('d');
    const files = p.operands;
    if (files.length === 0 && sys.isatty(0)) {
      await ctx.error('bad usage');
      await ctx.err.write(`Try 'more --help' for more information.\n`);
      return 1;
    }
    const term = sys.isatty(1) ? await Terminal.open(sys) : undefined;
    if (!term) {
      const headers = files.length > 1 || !sys.isatty(0);
      if (files.length === 0) await copy(ctx, 0);
      for (const name of files) {
        const f = await openFile(ctx, name);
        if ('message' in f) {
          await ctx.out.flush();
          if (f.directory) await ctx.print(`${f.message}\n`);
          else await ctx.err.write(`${f.message}\n`);
          continue;
        }
        if (headers) await ctx.print(`::::::::::::::\n${name}\n::::::::::::::\n`);
        await copy(ctx, f.fd);
        sys.close(f.fd);
      }
      return 0;
    }
    const names = files.length ? files : ['-'];
    const open = async (name: string): Promise<Source | string> => {
      if (name === '-') return new Source(sys, 0, undefined, undefined);
      const f = await openFile(ctx, name);
      return 'fd' in f ? new Source(sys, f.fd, name, f.size) : f.message;
    };
    term.raw();
    try {
      await new MoreView(term, names, open, o).run();
    } finally {
      await term.flush();
      term.restore();
      term.close();
    }
    return 0;
  },
});
