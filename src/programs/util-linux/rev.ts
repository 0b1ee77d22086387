// rev (util-linux): each line written with its characters in reverse order. Lines are read
// as fgetws reads them: a NUL ends the text of its line, which then runs on into the next.
import { isSysError, strerror } from '../../shared/errno';
import { defineProgram } from '../define';
import { isUtf8Locale } from '../lib/quotearg';
import { bin, Output, readAllBin, unbin } from '../lib/textio';
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

/** The lines as rev sees them: [text, ended by a newline]. */
function logicalLines(data: string): [string, boolean][] {
  const out: [string, boolean][] = [];
  let acc = '';
  let pending = false;
  let start = 0;
  while (start < data.length) {
    const nl = data.indexOf('\n', start);
    const end = nl < 0 ? data.length : nl;
    const seg = data.slice(start, end);
    const nul = seg.indexOf('\0');
    acc += nul < 0 ? seg : seg.slice(0, nul);
    pending = true;
    start = nl < 0 ? data.length : nl + 1;
    if (nul < 0 && nl >= 0) {
      out.push([acc, true]);
      acc = '';
      pending = false;
    }
  }
  if (pending) out.push([acc, false]);
  return out;
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
      const parts: string[] = [];
      try {
        parts.push(await readAllBin(ctx, fd));
      } catch (e) {
        if (!isSysError(e)) throw e;
        await ctx.error(`${file === '-' ? 'stdin' : file}: 0: ${strerror(e.errno)}`);
        ok = false;
        continue;
      } finally {
        if (fd !== 0) ctx.sys.close(fd);
      }
      let line = 0;
      for (const [text, nl] of logicalLines(parts.join(''))) {
        if (!readable(text, utf8)) {
          await ctx.error(`${file === '-' ? 'stdin' : file}: ${line}: Invalid or incomplete multibyte or wide character`);
          ok = false;
          break;
        }
        out.push(reverseText(text, utf8) + (nl ? '\n' : ''));
        line++;
      }
      await out.drain();
    }
    return out.finish(ok ? 0 : 1);
  },
});
