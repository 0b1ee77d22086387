import { isSysError, strerror } from '../../shared/errno';
import { defineProgram } from '../define';
import { flag } from '../lib/getopt';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { TabError, TabStops } from '../lib/tabstops';
import { bin, closeInput, openInput, Output, qf, readChunk, stdinCloseFailed } from '../lib/textio';

const HELP = `Turn the tabs in each FILE into spaces, writing to standard output.

With no FILE, or when FILE is -, read standard input.

Long options take the same arguments as their short forms.
  -i, --initial    convert only the tabs before the first non-blank of a line
  -t, --tabs=N     put tab stops every N columns instead of 8
  -t, --tabs=LIST  put tab stops at the columns LIST gives, separated by
                     commas; a last stop written /N repeats every N columns
                     after it, and +N every N columns from the last stop
${HELP_LINES}
${coreutilsHelpFooter('expand')}`;

export default defineProgram({
  name: 'expand',
  installPath: '/usr/bin/expand',
  pkg: 'coreutils',
  usage: 'expand [OPTION]... [FILE]...',
  help: HELP,
  version: coreutilsVersion('expand', ['David MacKenzie']),
  options: [
    { key: 't', short: 't', long: 'tabs', arg: 'required' },
    { key: 'i', short: 'i', long: 'initial' },
    ...[...'0123456789'].map((d) => ({ key: `d${d}`, short: d, arg: 'optional' as const })),
  ],
  async main(ctx, args) {
    const tabs = new TabStops();
    try {
      for (const { key, value } of args.order) {
        if (key === 't') tabs.parse(value!);
        else if (/^d\d$/.test(key)) tabs.parse(key[1]! + (value ?? ''));
      }
      tabs.finish();
    } catch (e) {
      if (!(e instanceof TabError)) throw e;
      for (const m of e.message.split('\n')) await ctx.error(m);
      return 1;
    }
    const whole = !flag(args, 'i');
    const out = new Output(ctx);
    out.largeFailure = 'errno+bare';
    let ok = true;
    // one stream over every file: a line may continue into the next file (expand.c)
    let column = 0;
    const state = { index: 0 };
    let convert = true;
    for (const file of args.operands.length ? args.operands : ['-']) {
      const fd = await openInput(ctx, file);
      if (typeof fd !== 'number') {
        await out.flush();
        await ctx.error(`${qf(file)}: ${strerror(fd.errno)}`);
        ok = false;
        continue;
      }
      try {
        for (let chunk = await readChunk(ctx, fd); chunk; chunk = await readChunk(ctx, fd)) {
          const text = bin(chunk);
          let s = '';
          for (let i = 0; i < text.length; i++) {
            let ch = text[i]!;
            if (convert) {
              if (ch === '\t') {
                const next = tabs.next(column, state) ?? column + 1;
                while (++column < next) s += ' ';
                ch = ' ';
              } else if (ch === '\b') {
                if (column) column--;
                if (state.index) state.index--;
              } else column++;
              convert = whole || ch === ' ' || ch === '\t';
            }
            s += ch;
            if (ch === '\n') {
              column = 0;
              state.index = 0;
              convert = true;
            }
          }
          out.push(s);
          await out.drain();
        }
      } catch (e) {
        if (!isSysError(e)) throw e;
        await out.flush();
        await ctx.error(`${qf(file)}: ${strerror(e.errno)}`);
        ok = false;
      }
      closeInput(ctx, fd);
    }
    const status = await out.finish(ok ? 0 : 1);
    return (await stdinCloseFailed(ctx, !args.operands.length || args.operands.includes('-'), '-')) ? 1 : status;
  },
});
