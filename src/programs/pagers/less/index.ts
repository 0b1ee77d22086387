// less 608: on a terminal, a screen of the text at a time on the alternate screen, with
// the keys of commands.ts; when standard output is not a terminal it copies its input like
// cat. Options come from $LESS and then the command line.
import { strerror, isSysError } from '../../../shared/errno';
import { defineProgram } from '../../define';
import type { Ctx } from '../../lib/context';
import { Terminal } from '../terminal';
import { Commands, type Files } from './commands';
import { LESS_HELP, LESS_VERSION } from './help';
import { parseLessArgs, type LessOptions } from './options';
import { drawRow } from './render';
import { Source } from './source';
import { View } from './view';

/** Opens a file for paging, or returns less's message about why it cannot. */
async function openSource(ctx: Ctx, name: string): Promise<Source | string> {
  const sys = ctx.sys;
  if (name === '-') return new Source(sys, 0, undefined, undefined);
  try {
    const st = await sys.stat(name);
    if (st.kind === 'dir') return `${name} is a directory`;
    const fd = await sys.open(name, { read: true });
    return new Source(sys, fd, name, st.kind === 'file' ? st.size : undefined);
  } catch (e) {
    if (!isSysError(e)) throw e;
    return `${name}: ${strerror(e.errno)}`;
  }
}

/** Not a terminal: copy each file (or standard input) to standard output. */
async function catFiles(ctx: Ctx, names: string[]): Promise<number> {
  const sys = ctx.sys;
  for (const name of names.length ? names : ['-']) {
    const src = await openSource(ctx, name);
    if (typeof src === 'string') {
      await ctx.out.flush();
      await ctx.err.write(`${src}\n`);
      continue;
    }
    const fd = name === '-' ? 0 : await sys.open(name, { read: true });
    src.close();
    for (;;) {
      await ctx.tick();
      const chunk = await sys.read(fd, 65536);
      if (chunk === null) break;
      await ctx.out.flush();
      await sys.write(1, chunk);
    }
    if (fd > 2) sys.close(fd);
  }
  return 0;
}

/** -F: when the first file fits on one screen, print it and leave without taking the screen. */
async function fitsOneScreen(view: View): Promise<boolean> {
  const shown = await view.collect(view.top, view.page + 1);
  if (shown.length > view.page || !view.src.eof) return false;
  for (const s of shown) view.term.write(`${drawRow(s.row)}\r\n`);
  await view.term.flush();
  return true;
}

function startKeys(o: LessOptions): string {
  return o.commands
    .map((c) => (/^\d+$/.test(c) ? `${c}g` : /^[/?]/.test(c) ? `${c}\r` : c))
    .join('');
}

async function page(ctx: Ctx, o: LessOptions, names: string[], first: Source, term: Terminal): Promise<void> {
  const files: Files = {
    names,
    open: (i) => openSource(ctx, names[i]!),
    text: (t) => Source.fromText(ctx.sys, t, undefined),
  };
  const view = new View(term, first, o, () => term.interrupted);
  view.fileCount = names.length;
  view.nextFile = names[1];
  term.raw();
  try {
    if (o.quitIfOneScreen && names.length === 1 && (await fitsOneScreen(view))) return;
    if (!o.noInit) term.write('\x1b[?1049h\x1b[?1h\x1b=');
    term.unread(startKeys(o));
    await new Commands(view, files).run();
    term.write(o.noInit ? '\r\x1b[K' : '\r\x1b[K\x1b[?1l\x1b>\x1b[?1049l');
  } finally {
    await term.flush();
    term.restore();
    view.src.close();
  }
}

export default defineProgram({
  name: 'less',
  installPath: '/usr/bin/less',
  pkg: 'less',
  async main(ctx) {
    const sys = ctx.sys;
    const { options, files, errors } = parseLessArgs(ctx.argv.slice(1), ctx.env.get('LESS'));
    for (const e of errors) await ctx.err.write(`${e}\n`);
    if (options.version) {
      await ctx.print(LESS_VERSION);
      return 0;
    }
    const tty = sys.isatty(1);
    if (!tty && options.help) {
      await ctx.print(LESS_HELP);
      return 0;
    }
    if (!tty) return catFiles(ctx, files);
    const term = await Terminal.open(sys);
    if (!term) return catFiles(ctx, files);
    try {
      if (options.help) {
        await page(ctx, options, ['-'], Source.fromText(sys, LESS_HELP, undefined), term);
        return 0;
      }
      if (files.length === 0 && sys.isatty(0)) {
        await ctx.err.write('Missing filename ("less --help" for help)\n');
        return 1;
      }
      const names: string[] = [];
      let first: Source | undefined;
      for (const name of files.length ? files : ['-']) {
        const src = first ? undefined : await openSource(ctx, name);
        if (typeof src === 'string') {
          await ctx.err.write(`${src}\n`);
          continue;
        }
        first ??= src;
        names.push(name);
      }
      if (!first) return 1;
      await ctx.flush();
      await page(ctx, options, names, first, term);
      return 0;
    } finally {
      term.close();
    }
  },
});
