// colrm (util-linux 2.38): removes columns startcol..endcol (counted from 1, tabs to the next
// multiple of 8, backspace one back) from each line of standard input.
import { defineProgram } from '../define';
import { isUtf8Locale } from '../lib/quotearg';
import { readAllBin } from '../lib/textio';
import { NumError, shortName, u64, utilLinuxVersion, warnx } from './common';

const HELP = `
Usage:
 colrm [startcol [endcol]]

Delete the given columns from each line of the input.

Options:
 -h, --help     display this help
 -V, --version  display version
colrm reads from standard input and writes to standard output

For more details see colrm(1).
`;

/** The characters as getwc returns them: stops at a byte the locale cannot read (WEOF). */
function characters(data: string, utf8: boolean): string[] {
  if (!utf8) {
    const bad = data.search(/[\x80-\xff]/);
    return Array.from(bad < 0 ? data : data.slice(0, bad));
  }
  const bytes = Uint8Array.from(data, (c) => c.charCodeAt(0));
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const bad = text.indexOf('\ufffd');
  return Array.from(bad < 0 ? text : text.slice(0, bad));
}

const width = (c: string): number => (/^[\x00-\x1f\x7f]$/.test(c) || (c >= '\x80' && c <= '\x9f') ? 0 : 1);

export function colrm(chars: string[], first: number, last: number): string {
  let pos = 0;
  const out: string[] = [];
  const next = (): string | undefined => chars[pos++];
  const line = (): boolean => {
    let ct = 0;
    let w = 0;
    let c: string | undefined;
    for (;;) {
      c = next();
      if (c === undefined) return false;
      if (c === '\t') w = ((ct + 8) & ~7) - ct;
      else if (c === '\b') w = (ct ? ct - 1 : 0) - ct;
      else w = width(c);
      ct += w;
      if (c === '\n') {
        out.push(c);
        ct = 0;
        continue;
      }
      if (!first || ct < first) {
        out.push(c);
        continue;
      }
      break;
    }
    for (let i = ct - w + 1; i < first; i++) out.push(' ');
    while (!last || ct < last) {
      c = next();
      if (c === undefined) return false;
      if (c === '\n') {
        out.push(c);
        return true;
      }
      if (c === '\t') ct = (ct + 8) & ~7;
      else if (c === '\b') ct = ct ? ct - 1 : 0;
      else ct += width(c);
    }
    let padded = false;
    for (;;) {
      c = next();
      if (c === undefined) return false;
      if (c === '\n') {
        out.push(c);
        return true;
      }
      if (!padded && last < ct) {
        for (let i = last; i < ct; i++) out.push(' ');
        padded = true;
      }
      out.push(c);
    }
  };
  while (line());
  return out.join('');
}

export default defineProgram({
  name: 'colrm',
  installPath: '/usr/bin/colrm',
  pkg: 'util-linux',
  options: [
    { key: 'V', short: 'V', long: 'version' },
    { key: 'h', short: 'h', long: 'help' },
  ],
  async main(ctx, args) {
    for (const { key } of args.order) {
      if (key === 'V') return ctx.print(`${utilLinuxVersion(shortName(ctx))}\n`).then(() => 0);
      if (key === 'h') return ctx.print(HELP).then(() => 0);
    }
    let first = 0;
    let last = 0;
    try {
      if (args.operands.length > 0) first = u64(args.operands[0]!, 'first argument');
      if (args.operands.length > 1) last = u64(args.operands[1]!, 'second argument');
    } catch (e) {
      if (!(e instanceof NumError)) throw e;
      await warnx(ctx, e.message);
      return 1;
    }
    const utf8 = isUtf8Locale(ctx.env);
    const data = await readAllBin(ctx, 0);
    const text = colrm(characters(data, utf8), first, last);
    await ctx.print(text);
    return 0;
  },
});
