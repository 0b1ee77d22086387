import { isSysError, strerror } from '../../shared/errno';
import { defineProgram } from '../define';
import { flag } from '../lib/getopt';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { bin, closeInput, openInput, Output, qf, readChunk, stdinCloseFailed } from '../lib/textio';
import { xdectoint } from '../lib/xstrtol';

const HELP = `Wrap the lines of each FILE (or standard input) to fit a width, writing the
result to standard output.

With no FILE, or when FILE is -, read standard input.

Long options take the same arguments as their short forms.
  -b, --bytes         count bytes instead of columns
  -s, --spaces        break after the last blank that fits, when there is one
  -w, --width=WIDTH   use WIDTH columns instead of 80
${HELP_LINES}
${coreutilsHelpFooter('fold')}`;

/** fold.c adjust_column. */
function advance(column: number, c: number, bytes: boolean): number {
  if (bytes) return column + 1;
  if (c === 8) return column > 0 ? column - 1 : 0;
  if (c === 13) return 0;
  if (c === 9) return column + 8 - (column % 8);
  return column + 1;
}

export default defineProgram({
  name: 'fold',
  installPath: '/usr/bin/fold',
  pkg: 'coreutils',
  usage: 'fold [OPTION]... [FILE]...',
  help: HELP,
  version: coreutilsVersion('fold', ['David MacKenzie']),
  options: [
    { key: 'b', short: 'b', long: 'bytes' },
    { key: 's', short: 's', long: 'spaces' },
    { key: 'w', short: 'w', long: 'width', arg: 'required' },
    // -NUM is an old way to give the width
    ...[...'0123456789'].map((d) => ({ key: `d${d}`, short: d, arg: 'optional' as const })),
  ],
  async main(ctx, args) {
    let width = 80;
    for (const { key, value } of args.order) {
      if (key !== 'w' && !/^d\d$/.test(key)) continue;
      const text = key === 'w' ? value! : key[1]! + (value ?? '');
      const r = xdectoint(text, 1n, BigInt(Number.MAX_SAFE_INTEGER), '', 'invalid number of columns');
      if (r.error !== undefined) {
        await ctx.error(r.error);
        return 1;
      }
      width = Number(r.value);
    }
    const bytes = flag(args, 'b');
    const spaces = flag(args, 's');
    const out = new Output(ctx);
    let ok = true;
    const files = args.operands.length ? args.operands : ['-'];
    for (const file of files) {
      const fd = await openInput(ctx, file);
      if (typeof fd !== 'number') {
        await out.flush();
        await ctx.error(`${qf(file)}: ${strerror(fd.errno)}`);
        ok = false;
        continue;
      }
      let line = '';
      let column = 0;
      try {
        for (let chunk = await readChunk(ctx, fd); chunk; chunk = await readChunk(ctx, fd)) {
          const text = bin(chunk);
          for (let i = 0; i < text.length; i++) {
            const ch = text[i]!;
            const c = text.charCodeAt(i);
            if (c === 10) {
              out.push(`${line}\n`);
              line = '';
              column = 0;
              continue;
            }
            for (;;) {
              column = advance(column, c, bytes);
              if (column <= width) {
                line += ch;
                break;
              }
              if (spaces) {
                const blank = Math.max(line.lastIndexOf(' '), line.lastIndexOf('\t'));
                if (blank >= 0) {
                  out.push(`${line.slice(0, blank + 1)}\n`);
                  line = line.slice(blank + 1);
                  column = 0;
                  for (let k = 0; k < line.length; k++) column = advance(column, line.charCodeAt(k), bytes);
                  continue;
                }
              }
              if (line === '') {
                line = ch;
                break;
              }
              out.push(`${line}\n`);
              line = '';
              column = 0;
            }
          }
          await out.drain();
        }
      } catch (e) {
        if (!isSysError(e)) throw e;
        await out.flush();
        await ctx.error(`${qf(file)}: ${strerror(e.errno)}`);
        ok = false;
      }
      out.push(line);
      closeInput(ctx, fd);
    }
    const status = await out.finish(ok ? 0 : 1);
    return (await stdinCloseFailed(ctx, files.includes('-'), '-')) ? 1 : status;
  },
});
