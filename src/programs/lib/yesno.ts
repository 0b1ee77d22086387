// Interactive confirmation as gnulib yesno() does it: the prompt goes to stderr, one line
// is read from standard input, and it means yes when it starts with y or Y (LANG=C rpmatch).
import type { Ctx } from './context';

const decoder = new TextDecoder();
const MAX_LINE = 4096;

export async function readLine(ctx: Ctx, fd = 0): Promise<string | null> {
  let line = '';
  for (;;) {
    const chunk = await ctx.sys.read(fd, 1);
    if (chunk === null) return line === '' ? null : line;
    const text = decoder.decode(chunk);
    if (text === '\n') return line;
    line += text;
    if (line.length > MAX_LINE) return line;
  }
}

/** Writes `prompt` to stderr and answers whether the reply is affirmative. */
export async function yesno(ctx: Ctx, prompt: string): Promise<boolean> {
  await ctx.out.flush();
  await ctx.err.write(prompt);
  await ctx.err.flush();
  let reply: string | null;
  try {
    reply = await readLine(ctx);
  } catch {
    reply = null;
  }
  return reply !== null && /^[yY]/.test(reply);
}

/** file_type() wording used in rm/cp/mv prompts. */
export function fileTypeName(kind: string, size: number): string {
  switch (kind) {
    case 'file': return size === 0 ? 'regular empty file' : 'regular file';
    case 'dir': return 'directory';
    case 'symlink': return 'symbolic link';
    case 'fifo': return 'fifo';
    case 'chardev': return 'character special file';
    case 'blockdev': return 'block special file';
    case 'socket': return 'socket';
    default: return 'weird file';
  }
}
