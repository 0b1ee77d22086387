// colcrt (util-linux 2.38): nroff output for a CRT. Each line is laid out in 132 columns;
// underscores become a line of '-' below it (not with '-' or --no-underlining), ESC 7 and
// ESC 8 rub out, other escapes and unprintable characters are dropped, and -2 keeps every
// half line. The quirks of colcrt.c are kept: a column skipped by an escape ends the line's
// text, a line with nothing printable gives no newline, a tab at column 0 does nothing, and
// a line past 132 columns is cut (on a pipe, the input ends there).
import { isSysError, strerror } from '../../shared/errno';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { getopt, GetoptError } from '../lib/getopt';
import { tryHelp, utilLinuxHelp, utilLinuxVersion, warnx } from './common';
import { inputChars, readFd } from './wide-input';

const COLS = 132;

class Crt {
  out = '';
  private line: string[] = new Array<string>(COLS + 1).fill('');
  private under: string[] = new Array<string>(COLS + 1).fill(' ');
  private printNl = true;
  private needUnder = false;

  constructor(
    private readonly noUnderline: boolean,
    private readonly halfLines: boolean,
  ) {}

  /** fputws() of a buffer: up to its first empty cell, trailing blanks trimmed. */
  private static text(cells: string[]): string {
    const end = cells.indexOf('');
    return (end < 0 ? cells : cells.slice(0, end)).join('').replace(/[ \t\n\v\f\r]+$/, '');
  }

  private outputLines(col: number): void {
    this.out += Crt.text(this.line);
    if (this.printNl) this.out += '\n';
    if (!this.halfLines && !this.noUnderline) this.printNl = false;
    this.line.fill('', 0, COLS);
    if (this.needUnder) {
      this.needUnder = false;
      this.under[col] = '';
      this.out += `${Crt.text(this.under)}\n`;
      this.under.fill(' ', 0, COLS);
    } else if (this.halfLines && col > 0) this.out += '\n';
  }

  private rub(col: number, n: number): number {
    while (n > 0 && col > 0) {
      this.line[col] = '';
      this.under[col] = ' ';
      n--;
      col--;
    }
    return col;
  }

  /** One input: its characters, and whether it can be read past a long line (a file can, a pipe not). */
  run(cs: string[], seekable: boolean): void {
    this.line.fill('', 0, COLS);
    this.under.fill(' ', 0, COLS);
    this.printNl = true;
    if (this.halfLines) this.out += '\n';
    let i = 0;
    for (let col = 0; ; col++) {
      if (col > COLS - 1) {
        this.outputLines(col);
        if (!seekable) return;
        while (i < cs.length && cs[i] !== '\n') i++;
        if (i >= cs.length) return;
        i++;
        col = -1;
        continue;
      }
      const c = cs[i++];
      if (c === undefined) {
        this.printNl = false;
        this.outputLines(col);
        return;
      }
      if (c === '\x1b') {
        const next = cs[i++];
        if (next === '8') col = this.rub(col, 1);
        else if (next === '7') col = this.rub(col, 2);
        continue;
      }
      if (c === '\n') {
        this.outputLines(col);
        col = -1;
      } else if (c === '\t') {
        for (; col % 8 && col < COLS; col++) this.line[col] = ' ';
        col--;
      } else if (c === '_') {
        this.line[col] = ' ';
        if (!this.noUnderline) {
          this.needUnder = true;
          this.under[col] = '-';
        }
      } else if (!/^[\x20-\x7e]$/.test(c) && c.codePointAt(0)! < 0xa0) col--;
      else {
        this.printNl = true;
        this.line[col] = c;
      }
    }
  }
}

export default defineProgram({
  name: 'colcrt',
  installPath: '/usr/bin/colcrt',
  pkg: 'util-linux',
  async main(ctx) {
    // a lonely '-' anywhere is the old spelling of --no-underlining
    const argv = ctx.argv.slice(1);
    const noUl = argv.includes('-');
    let p;
    try {
      p = getopt(argv.filter((a) => a !== '-'), [
        { key: 'u', long: 'no-underlining' }, { key: '2', short: '2', long: 'half-lines' },
        { key: 'V', short: 'V', long: 'version' }, { key: 'h', short: 'h', long: 'help' },
      ]);
    } catch (e) {
      if (!(e instanceof GetoptError)) throw e;
      for (const o of e.partial?.order ?? []) if (o.key === 'V' || o.key === 'h') return help(ctx, o.key);
      await ctx.error(e.message);
      return tryHelp(ctx);
    }
    for (const o of p.order) if (o.key === 'V' || o.key === 'h') return help(ctx, o.key);
    const crt = new Crt(noUl || p.flags.has('u'), p.flags.has('2'));
    const files = p.operands;
    if (!files.length) {
      crt.run(inputChars(await readFd(ctx, 0), ctx.env), ctx.sys.fstat(0).kind === 'file');
      await ctx.print(crt.out);
      return 0;
    }
    for (const f of files) {
      let fd: number;
      try {
        fd = await ctx.sys.open(f, { read: true });
      } catch (e) {
        if (!isSysError(e)) throw e;
        // err() exits: the message first, then what stdio still held
        await warnx(ctx, `cannot open ${f}: ${strerror(e.errno)}`);
        await ctx.print(crt.out);
        return 1;
      }
      const bytes = await readFd(ctx, fd).finally(() => ctx.sys.close(fd));
      crt.run(inputChars(bytes, ctx.env), true);
    }
    await ctx.print(crt.out);
    return 0;
  },
});

async function help(ctx: Ctx, key: string): Promise<number> {
  if (key === 'V') await ctx.print(`${utilLinuxVersion('colcrt')}\n`);
  else
    await ctx.print(
      utilLinuxHelp('colcrt', ['colcrt [options] [<file>...]'], 'Filter nroff output for previewing on a CRT.', [
        ' -,  --no-underlining    leave out the underlining',
        ' -2, --half-lines        show every half line',
        '',
      ], 25),
    );
  return 0;
}
