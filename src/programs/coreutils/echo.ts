import { defineProgram } from '../define';
import { coreutilsHelpFooter, coreutilsVersion } from '../lib/gnu';
import { writeBytes } from '../lib/output';

const encoder = new TextEncoder();

const HELP = `Write each STRING to standard output, separated by single spaces and followed
by a newline.

  -n             leave out the final newline
  -e             turn on the backslash escapes listed below
  -E             leave backslashes alone (the default)
      --help     show this help text and exit
      --version  show the version and exit

When -e is given, these sequences are replaced:

  \\\\      a single backslash
  \\a      bell (BEL)
  \\b      backspace
  \\c      stop here: nothing more is written, not even the newline
  \\e      escape (ESC)
  \\f      form feed
  \\n      newline
  \\r      carriage return
  \\t      horizontal tab
  \\v      vertical tab
  \\0NNN   the byte whose octal value is NNN (one to three digits)
  \\xHH    the byte whose hexadecimal value is HH (one or two digits)

Your shell probably has its own echo builtin, which runs instead of this program
unless you give its path (e.g. /usr/bin/echo); the builtin may accept other options.
${coreutilsHelpFooter('echo')}`;

const isOctal = (c: string | undefined): c is string => c !== undefined && c >= '0' && c <= '7';
const isHex = (c: string | undefined): c is string => c !== undefined && /^[0-9a-fA-F]$/.test(c);

/** Expands -e escapes into bytes; `stop` is set when \c was seen. */
function expand(s: string, out: number[]): boolean {
  let i = 0;
  const push = (text: string): void => {
    for (const b of encoder.encode(text)) out.push(b);
  };
  while (i < s.length) {
    const c = s[i++]!;
    if (c !== '\\' || i >= s.length) {
      push(c);
      continue;
    }
    const e = s[i++]!;
    switch (e) {
      case 'a': out.push(7); break;
      case 'b': out.push(8); break;
      case 'c': return true;
      case 'e': out.push(0x1b); break;
      case 'f': out.push(12); break;
      case 'n': out.push(10); break;
      case 'r': out.push(13); break;
      case 't': out.push(9); break;
      case 'v': out.push(11); break;
      case '\\': out.push(0x5c); break;
      case 'x': {
        if (!isHex(s[i])) {
          push('\\x');
          break;
        }
        let v = parseInt(s[i++]!, 16);
        if (isHex(s[i])) v = v * 16 + parseInt(s[i++]!, 16);
        out.push(v);
        break;
      }
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        // GNU quirk: \0 takes up to three more octal digits, \1-\7 up to two more
        let v = e === '0' ? 0 : e.charCodeAt(0) - 48;
        let digits = e === '0' ? 3 : 2;
        while (digits-- > 0 && isOctal(s[i])) v = v * 8 + (s[i++]!.charCodeAt(0) - 48);
        out.push(v & 0xff);
        break;
      }
      default:
        push(`\\${e}`);
    }
  }
  return false;
}

// GNU echo reads its own options: only clusters of -n/-e/-E count, and --help/--version
// only as the sole argument (unless POSIXLY_CORRECT is set).
export default defineProgram({
  name: 'echo',
  installPath: '/usr/bin/echo',
  pkg: 'coreutils',
  async main(ctx, { operands }) {
    const posix = ctx.env.has('POSIXLY_CORRECT');
    const allowOptions = !posix || operands[0] === '-n';
    if (allowOptions && operands.length === 1) {
      if (operands[0] === '--help') {
        await ctx.print(`Usage: ${ctx.name} [SHORT-OPTION]... [STRING]...\n  or:  ${ctx.name} LONG-OPTION\n${HELP}\n`);
        return 0;
      }
      if (operands[0] === '--version') {
        await ctx.print(`${coreutilsVersion('echo', ['Brian Fox', 'Chet Ramey'])}\n`);
        return 0;
      }
    }
    let escapes = false;
    let newline = true;
    let i = 0;
    if (allowOptions) {
      for (; i < operands.length; i++) {
        const a = operands[i]!;
        if (!/^-[neE]+$/.test(a)) break;
        for (const f of a.slice(1)) {
          if (f === 'e') escapes = true;
          else if (f === 'E') escapes = false;
          else newline = false;
        }
      }
    }
    const words = operands.slice(i);
    if (!(escapes || posix)) {
      await ctx.print(words.join(' ') + (newline ? '\n' : ''));
      return 0;
    }
    const bytes: number[] = [];
    for (let w = 0; w < words.length; w++) {
      if (expand(words[w]!, bytes)) {
        await writeBytes(ctx, Uint8Array.from(bytes));
        return 0;
      }
      if (w < words.length - 1) bytes.push(0x20);
    }
    if (newline) bytes.push(10);
    await writeBytes(ctx, Uint8Array.from(bytes));
    return 0;
  },
});
