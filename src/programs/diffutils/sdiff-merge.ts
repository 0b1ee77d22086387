// Pieces of sdiff -o: byte streams read a line at a time (the diff output and both inputs),
// and the prompt that reads one command from standard input.
import type { Ctx } from '../lib/context';

/** A buffer read line by line; copy/skip stop early at its end. */
export class ByteSource {
  private pos = 0;
  constructor(private readonly data: Uint8Array) {}

  /** The bytes of the next `lines` lines (fewer at the end). */
  copy(lines: number): Uint8Array {
    const start = this.pos;
    this.skip(lines);
    return this.data.subarray(start, this.pos);
  }

  skip(lines: number): void {
    while (lines > 0 && this.pos < this.data.length) {
      const nl = this.data.indexOf(10, this.pos);
      if (nl < 0) {
        this.pos = this.data.length;
        break;
      }
      this.pos = nl + 1;
      lines--;
    }
  }

  /** The next line without its newline; null at the end, undefined if too long or unterminated. */
  snarf(max: number): string | null | undefined {
    if (this.pos >= this.data.length) return null;
    const nl = this.data.indexOf(10, this.pos);
    const end = nl < 0 ? this.data.length : nl;
    if (end - this.pos >= max || nl < 0) {
      this.pos = this.data.length;
      return undefined;
    }
    const line = new TextDecoder('latin1').decode(this.data.subarray(this.pos, end));
    this.pos = nl + 1;
    return line;
  }
}

/** getchar() on standard input: one byte at a time, -1 at the end. */
export class StdinReader {
  private buf: Uint8Array = new Uint8Array();
  private pos = 0;
  private eof = false;
  constructor(private readonly ctx: Ctx) {}

  async getchar(): Promise<number> {
    while (this.pos >= this.buf.length) {
      if (this.eof) return -1;
      const chunk = await this.ctx.sys.read(0);
      if (chunk === null || chunk.length === 0) {
        this.eof = true;
        return -1;
      }
      this.buf = chunk;
      this.pos = 0;
    }
    return this.buf[this.pos++]!;
  }
}

export interface Command {
  c0: string;
  c1: string;
}

const HELP_TEXT =
  'ed:\tEdit then use both versions, each decorated with a header.\n' +
  'eb:\tEdit then use both versions.\n' +
  'el or e1:\tEdit then use the left version.\n' +
  'er or e2:\tEdit then use the right version.\n' +
  'e:\tDiscard both versions then edit a new one.\n' +
  'l or 1:\tUse the left version.\n' +
  'r or 2:\tUse the right version.\n' +
  's:\tSilently include common lines.\n' +
  'v:\tVerbosely include common lines.\n' +
  'q:\tQuit.\n';

const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);

async function skipWhite(stdin: StdinReader): Promise<number> {
  for (;;) {
    const c = await stdin.getchar();
    if (!isSpace(c) || c === 10) return c;
  }
}

async function flushLine(stdin: StdinReader): Promise<void> {
  for (;;) {
    const c = await stdin.getchar();
    if (c === 10 || c === -1) return;
  }
}

/** Prompts with "%" until a valid command is read; the end of input means q. */
export async function askCommand(ctx: Ctx, stdin: StdinReader): Promise<Command> {
  const help = async (): Promise<void> => {
    await ctx.out.flush();
    await ctx.err.write(HELP_TEXT);
    await ctx.err.flush();
  };
  for (;;) {
    await ctx.print('%');
    await ctx.out.flush();
    const c0 = await skipWhite(stdin);
    const ch = c0 < 0 ? '' : String.fromCharCode(c0);
    if (c0 === -1) return { c0: 'q', c1: '' };
    if ('12lrsvq'.includes(ch)) {
      if ((await skipWhite(stdin)) !== 10) {
        await help();
        await flushLine(stdin);
        continue;
      }
      return { c0: ch, c1: '' };
    }
    if (ch === 'e') {
      const c1 = await skipWhite(stdin);
      const ch1 = c1 < 0 ? '' : String.fromCharCode(c1);
      if (c1 >= 0 && '12bdlr'.includes(ch1)) {
        if ((await skipWhite(stdin)) !== 10) {
          await help();
          await flushLine(stdin);
          continue;
        }
        return { c0: 'e', c1: ch1 };
      }
      if (c1 === 10) return { c0: 'e', c1: '' };
      await help();
      await flushLine(stdin);
      continue;
    }
    if (c0 !== 10) await flushLine(stdin);
    await help();
  }
}
