import { isSysError } from '../../shared/errno';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { flag } from '../lib/getopt';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { writeBytes } from '../lib/output';
import { stdinCloseFailed } from '../lib/textio';
import { quotef } from '../lib/quote';

const CHUNK = 65536;

interface Format {
  number: boolean;
  nonblank: boolean;
  ends: boolean;
  tabs: boolean;
  nonprinting: boolean;
  squeeze: boolean;
}

/** Line-state that carries over from one chunk (and one file) to the next, as in GNU cat. */
class Formatter {
  /** -1 inside a line; 0 at a line start; 1 or 2 after that many newlines in a row. */
  private newlines = 0;
  private line = 0;
  private pendingCr = false;
  private out: number[] = [];

  constructor(private readonly f: Format) {}

  private lineNumber(): void {
    this.line++;
    for (const ch of `${String(this.line).padStart(6)}\t`) this.out.push(ch.charCodeAt(0));
  }

  private emitChar(ch: number): void {
    const o = this.out;
    if (this.f.nonprinting) {
      if (ch >= 32) {
        if (ch < 127) o.push(ch);
        else if (ch === 127) o.push(0x5e, 0x3f);
        else {
          o.push(0x4d, 0x2d);
          if (ch >= 160) {
            if (ch < 255) o.push(ch - 128);
            else o.push(0x5e, 0x3f);
          } else o.push(0x5e, ch - 128 + 64);
        }
      } else if (ch === 9 && !this.f.tabs) o.push(9);
      else o.push(0x5e, ch + 64);
    } else if (ch === 9 && this.f.tabs) o.push(0x5e, 0x49);
    else o.push(ch);
  }

  feed(chunk: Uint8Array): Uint8Array {
    const f = this.f;
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i]!;
      if (this.pendingCr) {
        this.pendingCr = false;
        if (ch !== 10) this.out.push(13);
        else if (this.newlines < 0) this.out.push(0x5e, 0x4d);
      }
      if (ch === 10) {
        if (++this.newlines > 0) {
          if (this.newlines >= 2) {
            this.newlines = 2;
            if (f.squeeze) continue;
          }
          if (f.number && !f.nonblank) this.lineNumber();
        }
        if (f.ends) this.out.push(0x24);
        this.out.push(10);
        continue;
      }
      if (this.newlines >= 0 && f.number) this.lineNumber();
      this.newlines = -1;
      // with -E (and no -v) a CR just before a newline shows as ^M
      if (ch === 13 && f.ends && !f.nonprinting) {
        if (i + 1 < chunk.length) {
          if (chunk[i + 1] === 10) this.out.push(0x5e, 0x4d);
          else this.out.push(13);
        } else this.pendingCr = true;
        continue;
      }
      this.emitChar(ch);
    }
    const result = Uint8Array.from(this.out);
    this.out = [];
    return result;
  }

  finish(): Uint8Array {
    if (!this.pendingCr) return new Uint8Array(0);
    this.pendingCr = false;
    return Uint8Array.of(13);
  }
}

const HELP = `Copy each FILE, in order, to standard output.
With no FILE, or when FILE is -, read standard input.

  -A, --show-all           same as -vET
  -b, --number-nonblank    put a line number before each line that is not empty
                             (wins over -n)
  -e                       same as -vE
  -E, --show-ends          mark the end of every line with $
  -n, --number             put a line number before every line
  -s, --squeeze-blank      print runs of empty lines as a single empty line
  -t                       same as -vT
  -T, --show-tabs          show TAB characters as ^I
  -u                       accepted and ignored
  -v, --show-nonprinting   show control bytes with ^ and high bytes with M-,
                             leaving newlines and tabs alone
${HELP_LINES}

Examples:
  cat a - b   print a, then standard input, then b
  cat         copy standard input to standard output
${coreutilsHelpFooter('cat')}`;

async function catOne(ctx: Ctx, fd: number, fmt: Formatter | undefined): Promise<'ok' | 'read-error' | 'write-error'> {
  for (;;) {
    await ctx.tick();
    let chunk: Uint8Array | null;
    try {
      chunk = await ctx.sys.read(fd, CHUNK);
    } catch (e) {
      if (!isSysError(e)) throw e;
      throw new ReadError(e);
    }
    if (chunk === null) return 'ok';
    const data = fmt ? fmt.feed(chunk) : chunk;
    const err = await writeBytes(ctx, data);
    if (err) {
      if (err.errno === 'EPIPE') return 'write-error';
      await ctx.perror(err, 'write error');
      ctx.out.reported = true;
      return 'write-error';
    }
  }
}

class ReadError extends Error {
  constructor(override readonly cause: unknown) {
    super('read error');
  }
}

export default defineProgram({
  name: 'cat',
  installPath: '/usr/bin/cat',
  pkg: 'coreutils',
  usage: 'cat [OPTION]... [FILE]...',
  help: HELP,
  version: coreutilsVersion('cat', ['Torbjorn Granlund', 'Richard M. Stallman']),
  options: [
    { key: 'b', short: 'b', long: 'number-nonblank' },
    { key: 'n', short: 'n', long: 'number' },
    { key: 's', short: 's', long: 'squeeze-blank' },
    { key: 'v', short: 'v', long: 'show-nonprinting' },
    { key: 'E', short: 'E', long: 'show-ends' },
    { key: 'T', short: 'T', long: 'show-tabs' },
    { key: 'A', short: 'A', long: 'show-all' },
    { key: 'e', short: 'e' },
    { key: 't', short: 't' },
    { key: 'u', short: 'u' },
  ],
  async main(ctx, args) {
    const has = (k: string): boolean => flag(args, k);
    const format: Format = {
      number: has('n') || has('b'),
      nonblank: has('b'),
      ends: has('E') || has('A') || has('e'),
      tabs: has('T') || has('A') || has('t'),
      nonprinting: has('v') || has('A') || has('e') || has('t'),
      squeeze: has('s'),
    };
    const formatting = Object.values(format).some(Boolean);
    const fmt = formatting ? new Formatter(format) : undefined;
    const files = args.operands.length ? args.operands : ['-'];
    let out: { dev: number; ino: number } | undefined;
    try {
      const st = ctx.sys.fstat(1);
      if (st.kind === 'file') out = { dev: st.dev, ino: st.ino };
    } catch (e) {
      // cat looks at its output before anything else: a closed stdout ends it there
      await ctx.perror(e, 'standard output');
      return 1;
    }
    let ok = true;
    let readStdin = false;
    for (const file of files) {
      const stdin = file === '-';
      let fd = 0;
      if (stdin) readStdin = true;
      if (!stdin) {
        try {
          fd = await ctx.sys.open(file, { read: true });
        } catch (e) {
          await ctx.perror(e, quotef(file));
          ok = false;
          continue;
        }
      }
      try {
        let st;
        try {
          st = ctx.sys.fstat(fd);
        } catch (e) {
          if (!isSysError(e)) throw e;
          throw new ReadError(e);
        }
        if (out && st.kind === 'file' && st.dev === out.dev && st.ino === out.ino && st.size > 0) {
          await ctx.error(`${quotef(file)}: input file is output file`);
          ok = false;
          continue;
        }
        const r = await catOne(ctx, fd, fmt);
        if (r === 'write-error') return 1;
      } catch (e) {
        if (!(e instanceof ReadError)) throw e;
        await ctx.perror(e.cause, quotef(file));
        ok = false;
      } finally {
        if (!stdin) ctx.sys.close(fd);
      }
    }
    if (fmt) await writeBytes(ctx, fmt.finish());
    if (await stdinCloseFailed(ctx, readStdin, 'closing standard input')) return 1;
    return ok ? 0 : 1;
  },
});
