import { defineProgram } from '../define';
import { usageFail } from '../lib/cli';
import { coreutilsHelpFooter, coreutilsVersion } from '../lib/gnu';
import { printFormatted, PrintfStop, type PrintfState } from '../lib/gnu-printf';
import { isUtf8Locale } from '../lib/quotearg';
import { binArg, Output, ql } from '../lib/textio';

const HELP = `Print ARGUMENT(s) as FORMAT says, or carry out OPTION:

      --help     show this help text and exit
      --version  show the version and exit

FORMAT works like C's printf: text is copied, these escapes are understood:

  \\"      double quote
  \\\\      backslash
  \\a      alert (BEL)
  \\b      backspace
  \\c      stop all output here
  \\e      escape
  \\f      form feed
  \\n      new line
  \\r      carriage return
  \\t      horizontal tab
  \\v      vertical tab
  \\NNN    byte with octal value NNN (1 to 3 digits)
  \\xHH    byte with hexadecimal value HH (1 to 2 digits)
  \\uHHHH  Unicode character with hex value HHHH (4 digits)
  \\UHHHHHHHH  Unicode character with hex value HHHHHHHH (8 digits)
  %%      a single %
  %b      ARGUMENT as a string with its \\ escapes interpreted, where octal
          escapes are written \\0 or \\0NNN
  %q      ARGUMENT quoted so that a shell reads it back the same

and every C format ending with one of diouxXfeEgGcs, with ARGUMENTs turned to
the right type first. Variable widths work too. The FORMAT is used again as
long as there are ARGUMENTs left.

Your shell may have its own printf, which usually wins over this one; see its
documentation for the options it supports.
${coreutilsHelpFooter('printf')}`;

export default defineProgram({
  name: 'printf',
  installPath: '/usr/bin/printf',
  pkg: 'coreutils',
  usage: 'printf FORMAT [ARGUMENT]...\nprintf OPTION',
  help: HELP,
  version: coreutilsVersion('printf', ['David MacKenzie']),
  async main(ctx, raw) {
    let args = raw.operands;
    // only a lone --help or --version is an option (printf.c), and a leading --
    if (args.length === 1 && args[0] === '--help') {
      await ctx.print(`Usage: ${ctx.name} FORMAT [ARGUMENT]...\n  or:  ${ctx.name} OPTION\n${HELP}\n`);
      return 0;
    }
    if (args.length === 1 && args[0] === '--version') {
      await ctx.print(`${coreutilsVersion('printf', ['David MacKenzie'])}\n`);
      return 0;
    }
    if (args[0] === '--') args = args.slice(1);
    if (args.length === 0) return usageFail(ctx, 'missing operand');
    const format = binArg(args[0]!);
    let rest = args.slice(1).map(binArg);
    const st: PrintfState = { out: [], status: 0, utf8: isUtf8Locale(ctx.env) };
    const out = new Output(ctx);
    const drain = async (): Promise<void> => {
      for (const piece of st.out) {
        if (typeof piece === 'string') out.push(piece);
        else {
          await out.flush();
          await ctx.error(piece.error);
        }
      }
      st.out = [];
    };
    try {
      for (let pass = 0; ; pass++) {
        const used = printFormatted(st, format, rest);
        rest = rest.slice(used);
        await drain();
        if (!(used > 0 && rest.length > 0)) break;
        if ((pass & 255) === 0) await ctx.tick();
      }
    } catch (e) {
      if (!(e instanceof PrintfStop)) throw e;
      await drain();
      if (e.fatal !== undefined) {
        await out.flush();
        await ctx.error(e.fatal);
      }
      return out.finish(e.status === 0 ? 0 : e.status);
    }
    if (rest.length > 0) {
      await out.flush();
      await ctx.error(`warning: ignoring excess arguments, starting with ${ql(new TextDecoder().decode(Uint8Array.from(rest[0]!, (c) => c.charCodeAt(0))))}`);
    }
    return out.finish(st.status);
  },
});
