// -files0-from FILE: the starting points are read from FILE (standard input for "-"), each
// ended by a NUL (the last may lack it); an empty name is reported with its position.
import { ByteReader } from '../xargs-input';
import { q } from './parse';
import { FindExit, type FindState } from './types';

export async function* startingPointsFrom(s: FindState, file: string, operands: string[]): AsyncGenerator<string> {
  const { ctx } = s;
  if (operands.length) {
    await ctx.error(`extra operand ${q(operands[0]!)}`);
    throw new FindExit(1, 'file operands cannot be combined with -files0-from');
  }
  if (file === '-' && s.opts.prompts) throw new FindExit(1, 'option -files0-from reading from standard input cannot be combined with -ok, -okdir\n');
  let fd = 0;
  if (file !== '-') {
    try {
      fd = await ctx.sys.open(file, { read: true });
    } catch (e) {
      await ctx.perror(e, `cannot open ${q(file)} for reading`);
      throw new FindExit(1);
    }
  }
  if (ctx.sys.fstat(fd).kind === 'dir') {
    if (fd !== 0) ctx.sys.close(fd);
    throw new FindExit(1, `${q(file)}: read error: Is a directory`);
  }
  const reader = new ByteReader(ctx.sys, fd);
  const decoder = new TextDecoder();
  let name: number[] = [];
  for (let n = 1; ; ) {
    const c = await reader.getc();
    if (c === -1 && name.length === 0) break;
    if (c !== -1 && c !== 0) {
      name.push(c);
      continue;
    }
    if (name.length === 0) {
      await ctx.error(`${q(file === '-' ? '(standard input)' : file)}:${n}: invalid zero-length file name`);
      s.status = 1;
    } else yield decoder.decode(new Uint8Array(name));
    name = [];
    n++;
    if (c === -1) break;
  }
  if (fd !== 0) ctx.sys.close(fd);
}
