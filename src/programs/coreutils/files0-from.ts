// --files0-from=F as du and wc take it (GNU's argv-iter): the file names in F, each ended by a
// NUL ('-' for standard input), instead of operands; their messages for the list itself.
import { isSysError, strerror } from '../../shared/errno';
import type { Ctx } from '../lib/context';
import { quotef } from '../lib/quote';
import { quoteaf } from '../lib/quotearg';
import { closeInput, openInput, readAllBin, textOf } from '../lib/textio';

/**
 * The names listed in `files0`, and whether they came through something other than a regular
 * file (a pipe: they could not have been looked at ahead); a number is the exit status after
 * an error already reported (operands beside the option, a list that cannot be opened or read).
 */
export async function readFiles0(ctx: Ctx, files0: string, operands: readonly string[]): Promise<{ names: string[]; streamed: boolean } | number> {
  if (operands.length) {
    await ctx.error(`extra operand ${quoteaf(operands[0]!)}`);
    await ctx.err.write(`file operands cannot be combined with --files0-from\nTry '${ctx.name} --help' for more information.\n`);
    return 1;
  }
  const fd = await openInput(ctx, files0);
  if (typeof fd !== 'number') {
    await ctx.error(`cannot open ${quoteaf(files0)} for reading: ${strerror(fd.errno)}`);
    return 1;
  }
  const streamed = ctx.sys.fstat(fd).kind !== 'file';
  let text: string;
  try {
    text = await readAllBin(ctx, fd);
  } catch (e) {
    if (!isSysError(e)) throw e;
    await ctx.error(`${quotef(files0)}: read error: ${strerror(e.errno)}`);
    return 1;
  } finally {
    closeInput(ctx, fd);
  }
  const names = text.split('\0').map(textOf);
  if (names[names.length - 1] === '') names.pop();
  return { names, streamed };
}
