// rev (util-linux): each line written with its characters in reverse order. Lines are read
// as fgetws reads them: a NUL ends the text of its line, which then runs on into the next.
import { isSysError, strerror } from '../../shared/errno';
import { defineProgram } from '../define';
import { isUtf8Locale } from '../lib/quotearg';
import { bin, Output, readChunk, unbin } from '../lib/textio';
import { utilLinuxVersion } from './common';

const HELP = `Usage: rev [options] [file ...]

Write each line of the files, or of standard input, back to front.

Options:
 -h, --help     display this help
 -V, --version  display version

For more details see rev(1).
`;

const fatal = new TextDecoder('utf-8', { fatal: true });

/** Whether the C library could read the line as characters of the locale. */
function readable(s: string, utf8: boolean): boolean {
  if (!/[\x80-\xff]/.test(s)) return true;
  if (!utf8) return false;
  try {
    fatal.decode(unbin(s));
    return true;
  } catch {
    return false;
  }
}

function reverseText(s: string, utf8: boolean): string {
  if (!utf8 || !/[\x80-\xff]/.test(s)) return s.split('').reverse().join('');
  const text = new TextDecoder().decode(unbin(s));
  return bin(new TextEncoder().encode(Array.from(text).reverse().join('')));
}

/**
 * Splits input, as it comes, into the lines rev sees: a line runs to a newline, except that
 * a NUL ends the text of its line, which then runs on past the newline into the next.
 */
class LogicalLines {
  private acc = '';
  private pending = false;
  /** The input after the last newline, in the pieces it came in. */
  private carry: string[] = [];
  /** How many bytes `carry` holds. */
  held = 0;

  constructor(private readonly each: (text: string, nl: boolean) => boolean) {}

  /** Feeds more input; false once `each` has refused a line. */
  feed(data: string): boolean {
    let nl = data.indexOf('\n');
    if (nl < 0) {
      this.carry.push(data);
      this.held += data.length;
      return true;
    }
    const first = this.carry.join('') + data.slice(0, nl);
    this.carry = [];
    this.held = 0;
    if (!this.segment(first, true)) return false;
    let start = nl + 1;
    for (nl = data.indexOf('\n', start); nl >= 0; nl = data.indexOf('\n', start)) {
      if (!this.segment(data.slice(start, nl), true)) return false;
      start = nl + 1;
    }
    if (start < data.length) {
      this.carry.push(data.slice(start));
      this.held = data.length - start;
    }
    return true;
  }

  /** The end of the input. */
  end(): boolean {
    const rest = this.carry.join('');
    this.carry = [];
    this.held = 0;
    if (rest !== '' && !this.segment(rest, false)) return false;
    return !this.pending || this.each(this.acc, false);
  }

  private segment(seg: string, ended: boolean): boolean {
    const nul = seg.indexOf('\0');
    this.acc += nul < 0 ? seg : seg.slice(0, nul);
    this.pending = true;
    if (nul >= 0 || !ended) return true;
    const line = this.acc;
    this.acc = '';
    this.pending = false;
    return this.each(line, true);
  }
}

export default defineProgram({
  name: 'rev',
  installPath: '/usr/bin/rev',
  pkg: 'util-linux',
  options: [
    { key: 'h', short: 'h', long: 'help' },
    { key: 'V', short: 'V', long: 'version' },
  ],
  async main(ctx, args) {
    if (args.flags.has('h')) return ctx.print(HELP).then(() => 0);
    if (args.flags.has('V')) return ctx.print(`${utilLinuxVersion('rev')}\n`).then(() => 0);
    const utf8 = isUtf8Locale(ctx.env);
    const out = new Output(ctx);
    let ok = true;
    for (const file of args.operands.length ? args.operands : ['-']) {
      let fd = 0;
      if (file !== '-') {
        try {
          fd = await ctx.sys.open(file, { read: true });
        } catch (e) {
          if (!isSysError(e)) throw e;
          await ctx.error(`cannot open ${file}: ${strerror(e.errno)}`);
          ok = false;
          continue;
        }
      }
      const name = file === '-' ? 'stdin' : file;
      let line = 0;
      let bad = false;
      const lines = new LogicalLines((text, nl) => {
        if (!readable(text, utf8)) {
          bad = true;
          return false;
        }
        out.push(reverseText(text, utf8) + (nl ? '\n' : ''));
        line++;
        return true;
      });
      try {
        let going = true;
        for (let c = await readChunk(ctx, fd); c && going; c = await readChunk(ctx, fd)) {
          const before = lines.held;
          going = lines.feed(bin(c));
          // a line still being read is held: charged as it grows
          ctx.sys.alloc(lines.held - before);
          await out.drain();
        }
        ctx.sys.alloc(-lines.held);
        if (going) lines.end();
      } catch (e) {
        if (!isSysError(e)) throw e;
        await out.flush();
        await ctx.error(`${name}: ${line}: ${strerror(e.errno)}`);
        ok = false;
        continue;
      } finally {
        if (fd !== 0) ctx.sys.close(fd);
      }
      if (bad) {
        await out.flush();
        await ctx.error(`${name}: ${line}: Invalid or incomplete multibyte or wide character`);
        ok = false;
      }
      await out.drain();
    }
    return out.finish(ok ? 0 : 1);
  },
});
