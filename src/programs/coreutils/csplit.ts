// csplit: the input cut into files xx00, xx01 ... at line numbers (N: before line N, again
// every N lines with {k}) and at lines matching /RE/ (%RE% skips instead), with offsets,
// {k} and {*} repeats, printing each file's size. On an error the files made so far are
// removed (unless -k), as coreutils does.
import { isSysError, strerror } from '../../shared/errno';
import { defineProgram, usageError } from '../define';
import type { Ctx } from '../lib/context';
import { flag, lastValue } from '../lib/getopt';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { gnuRegexSource, RegexError } from '../lib/gnu-regex';
import { SafeRegExp } from '../lib/safe-regex';
import { quote, quoteaf } from '../lib/quote';
import { readAllBin, unbin } from '../lib/textio';
import { formatInt } from '../lib/c-conversion';
import { xdectoint } from '../lib/xstrtol';

const spec = {
  name: 'csplit',
  installPath: '/usr/bin/csplit',
  pkg: 'coreutils',
  usage: 'csplit [OPTION]... FILE PATTERN...',
  help: `Write the pieces of FILE that the PATTERNs mark off to the files xx00, xx01, ...,
and print the size in bytes of each piece.

Long options take the same arguments as their short forms.
  -b, --suffix-format=FORMAT  printf format of the number in the names (%02d)
  -f, --prefix=PREFIX        names start with PREFIX instead of 'xx'
  -k, --keep-files           keep the files made so far after an error
      --suppress-matched     leave out the lines that the PATTERNs match
  -n, --digits=DIGITS        use DIGITS digits in the names, not 2
  -s, --quiet, --silent      do not print the sizes
  -z, --elide-empty-files    do not keep empty pieces
${HELP_LINES}

When FILE is -, read standard input.

A PATTERN is one of:
  INTEGER            the piece ends before that line number
  /REGEXP/[OFFSET]   the piece ends before the next line that matches
  %REGEXP%[OFFSET]   skip up to the next line that matches
  {INTEGER}          repeat the pattern before it that many more times
  {*}                repeat it as long as it can
An OFFSET is a number of lines, with + or -.
${coreutilsHelpFooter('csplit')}`,
  version: coreutilsVersion('csplit', ['Stuart Kemp', 'David MacKenzie']),
  options: [
    { key: 'n', short: 'n', long: 'digits', arg: 'required' as const },
    { key: 's', short: 's', long: 'quiet' },
    { key: 's', long: 'silent' },
    { key: 'k', short: 'k', long: 'keep-files' },
    { key: 'z', short: 'z', long: 'elide-empty-files' },
    { key: 'f', short: 'f', long: 'prefix', arg: 'required' as const },
    { key: 'b', short: 'b', long: 'suffix-format', arg: 'required' as const },
    { key: 'suppress-matched', long: 'suppress-matched' },
    { key: 'q', short: 'q' },
  ],
};

interface Control {
  arg: string;
  regex?: SafeRegExp;
  ignore: boolean;
  offset: number;
  lines: number;
  repeat: number;
  forever: boolean;
}

class Fatal {
  /** keep: a plain exit (die), not cleanup_fatal: the open file is left as it is, none is removed. */
  constructor(
    readonly message: string | undefined,
    readonly keep = false,
  ) {}
}

/** The suffix printf format: exactly one integer conversion (%d %i %u %o %x %X) with flags and width. */
function suffixFormatter(fmt: string): ((n: number) => string) | string {
  let conv: { pre: string; flags: string; width?: number; prec?: number; conv: string; post: number } | undefined;
  for (let i = 0; i < fmt.length; i++) {
    if (fmt[i] !== '%') continue;
    if (fmt[i + 1] === '%') {
      i++;
      continue;
    }
    if (conv) return 'too many % conversion specifications in suffix';
    let j = i + 1;
    let flags = '';
    while (j < fmt.length && "-'0#".includes(fmt[j]!)) flags += fmt[j++];
    const w = /^\d*/.exec(fmt.slice(j))![0];
    j += w.length;
    let prec: number | undefined;
    if (fmt[j] === '.') {
      const p = /^\d*/.exec(fmt.slice(j + 1))![0];
      prec = Number(p || '0');
      j += 1 + p.length;
    }
    const c = fmt[j] ?? '';
    if (!'diuoxX'.includes(c) || c === '') {
      const code = c.charCodeAt(0);
      return `invalid conversion specifier in suffix: ${code >= 0x20 && code < 0x7f ? c : `\\${code.toString(8).padStart(3, '0')}`}`;
    }
    conv = { pre: fmt.slice(0, i), flags: flags.replace("'", ''), width: w ? Number(w) : undefined, prec, conv: c === 'i' || c === 'u' ? 'd' : c, post: j + 1 };
    i = j;
  }
  if (!conv) return 'missing % conversion specification in suffix';
  const un = (s: string): string => s.replace(/%%/g, '%');
  const k = conv;
  return (n) => un(k.pre) + formatInt(BigInt(n), { flags: k.flags, width: k.width, prec: k.prec, conv: k.conv }) + un(fmt.slice(k.post));
}

export default defineProgram({
  ...spec,
  async main(ctx, args) {
    let digits = 2;
    for (const dv of args.values.get('n') ?? []) {
      // xdectoimax, for each -n given: 0 to INT_MAX, blanks and '+' allowed
      const r = xdectoint(dv, 0n, 2147483647n, '', 'invalid number', { signed: true });
      if (r.error !== undefined) {
        await ctx.error(r.error);
        return 1;
      }
      digits = Number(r.value);
    }
    const ops = args.operands;
    if (ops.length === 0) return usageError(ctx, spec, 'missing operand');
    if (ops.length === 1) return usageError(ctx, spec, `missing operand after ${quote(ops[0]!)}`);
    const prefix = lastValue(args, 'f') ?? 'xx';
    let suffix: (n: number) => string = (n) => String(n).padStart(digits, '0');
    const bv = lastValue(args, 'b');
    if (bv !== undefined) {
      const f = suffixFormatter(bv);
      if (typeof f === 'string') {
        await ctx.error(f);
        return 1;
      }
      suffix = f;
    }
    const quiet = flag(args, 's') || flag(args, 'q');
    const keep = flag(args, 'k');
    const elide = flag(args, 'z');
    const suppress = flag(args, 'suppress-matched');
    // the patterns
    const controls: Control[] = [];
    let lastVal = 0;
    for (let i = 1; i < ops.length; i++) {
      const a = ops[i]!;
      let c: Control;
      if (a.startsWith('/') || a.startsWith('%')) {
        const delim = a[0]!;
        const close = a.lastIndexOf(delim);
        if (close <= 0) {
          await ctx.error(`${a}: closing delimiter '${delim}' missing`);
          return 1;
        }
        let regex: SafeRegExp;
        try {
          regex = new SafeRegExp(gnuRegexSource(a.slice(1, close), 'basic'));
        } catch (e) {
          if (!(e instanceof RegexError)) throw e;
          await ctx.error(`${quote(a)}: invalid regular expression: ${e.message}`);
          return 1;
        }
        let offset = 0;
        const off = a.slice(close + 1);
        if (off !== '') {
          if (!/^[-+]?\d+$/.test(off)) {
            await ctx.error(`${quote(a)}: integer expected after delimiter`);
            return 1;
          }
          offset = Number(off);
        }
        c = { arg: a, regex, ignore: delim === '%', offset, lines: 0, repeat: 0, forever: false };
      } else {
        if (!/^\+?\d+$/.test(a)) {
          await ctx.error(`${quote(a)}: invalid pattern`);
          return 1;
        }
        const val = Number(a);
        if (val === 0) {
          await ctx.error(`${a}: line number must be greater than zero`);
          return 1;
        }
        if (val < lastVal) {
          await ctx.error(`line number ${quote(a)} is smaller than preceding line number, ${lastVal}`);
          return 1;
        }
        if (val === lastVal) await ctx.error(`warning: line number ${quote(a)} is the same as preceding line number`);
        lastVal = val;
        c = { arg: a, ignore: false, offset: 0, lines: val, repeat: 0, forever: false };
      }
      if (i + 1 < ops.length && ops[i + 1]!.startsWith('{')) {
        const r = ops[++i]!;
        if (!r.endsWith('}')) {
          await ctx.error(`${quote(r)}: '}' is required in repeat count`);
          return 1;
        }
        const inner = r.slice(1, -1);
        if (inner === '*') c.forever = true;
        else if (/^\d+$/.test(inner)) c.repeat = Number(inner);
        else {
          await ctx.error(`${quote(r.slice(0, -1))}}: integer required between '{' and '}'`);
          return 1;
        }
      }
      controls.push(c);
    }
    const file = ops[0]!;
    let data: string;
    let fd: number;
    try {
      fd = file === '-' ? 0 : await ctx.sys.open(file, { read: true });
    } catch (e) {
      if (!isSysError(e)) throw e;
      await ctx.error(`cannot open ${quoteaf(file)} for reading: ${strerror(e.errno)}`);
      return 1;
    }
    try {
      data = await readAllBin(ctx, fd);
    } catch (e) {
      if (!isSysError(e)) throw e;
      // the first piece was being written: its size is shown before it is removed
      await ctx.error(`read error: ${strerror(e.errno)}`);
      if (!quiet) await ctx.print('0\n');
      return 1;
    } finally {
      if (fd !== 0) ctx.sys.close(fd);
    }
    const lines = data.split(/(?<=\n)/);
    if (lines.length && lines[lines.length - 1] === '') lines.pop();
    // csplit writes its fatal messages with fprintf(stderr), which leaves stdout buffered
    ctx.flushBeforeError = false;
    return new Splitter(ctx, lines, { prefix, suffix, quiet, keep, elide, suppress }).run(controls);
  },
});

interface SplitOpts {
  prefix: string;
  suffix: (n: number) => string;
  quiet: boolean;
  keep: boolean;
  elide: boolean;
  suppress: boolean;
}

class Splitter {
  /** Index of the first line not yet written or skipped. */
  private first = 0;
  /** 1-based number of the last line a regexp looked at. */
  private current = 0;
  private created: string[] = [];
  private open: { name: string; parts: string[] } | undefined;
  private sizes = '';
  /** Set when {*} ended the split at the end of the input. */
  private finished = false;

  constructor(private readonly ctx: Ctx, private readonly lines: string[], private readonly o: SplitOpts) {}

  private create(): void {
    this.open = { name: this.o.prefix + this.o.suffix(this.created.length), parts: [] };
  }

  /** Writes the open file; `report` false: as exit leaves it (no size shown, never elided). */
  private async close(report = true): Promise<void> {
    const f = this.open;
    if (!f) return;
    this.open = undefined;
    const text = f.parts.join('');
    if (text.length === 0 && this.o.elide && report) return;
    try {
      const fd = await this.ctx.sys.open(f.name, { write: true, create: true, truncate: true }, 0o666);
      try {
        if (text.length) await this.ctx.sys.write(fd, unbin(text));
      } finally {
        this.ctx.sys.close(fd);
      }
    } catch (e) {
      if (!isSysError(e)) throw e;
      throw new Fatal(`${f.name}: ${strerror(e.errno)}`);
    }
    this.created.push(f.name);
    if (!this.o.quiet && report) this.sizes += `${text.length}\n`;
  }

  private take(ignore: boolean): boolean {
    if (this.first >= this.lines.length) return false;
    const l = this.lines[this.first++]!;
    if (!ignore) this.open?.parts.push(l);
    return true;
  }

  private dumpRest(): void {
    while (this.take(false));
  }

  private async lineCount(c: Control, rep: number): Promise<void> {
    const outOfRange = `${quote(String(c.lines))}: line number out of range${rep ? ` on repetition ${rep}` : ''}`;
    // csplit.c no_more_lines looks past the furthest line seen, which a regexp's search may have
    // moved on; with --suppress-matched it is asked before the lines are taken, else after
    const noMore = (): boolean => Math.max(this.current, this.first) >= this.lines.length;
    this.create();
    if (this.o.suppress && noMore()) throw new Fatal(outOfRange);
    // get_first_line_in_buffer: nothing left to read at all
    if (this.first >= this.lines.length) throw new Fatal('input disappeared', true);
    const last = c.lines * (rep + 1);
    for (let n = this.first + 1; n < last; n++) if (!this.take(false)) throw new Fatal(outOfRange);
    await this.close();
    if (this.o.suppress) this.take(true);
    else if (noMore()) throw new Fatal(outOfRange);
  }

  /** false when {*} ran out of input (the split is then complete). */
  private async regexp(c: Control, rep: number): Promise<boolean> {
    if (!c.ignore) this.create();
    this.current = Math.max(this.current, this.first);
    let found = -1;
    for (;;) {
      const idx = this.current++;
      if (idx >= this.lines.length) {
        if (c.forever) {
          if (!c.ignore) {
            this.dumpRest();
            await this.close();
          }
          this.finished = true;
          return false;
        }
        if (!c.ignore) {
          this.dumpRest();
          await this.close();
        }
        throw new Fatal(`${quote(c.arg)}: match not found${rep ? ` on repetition ${rep}` : ''}`);
      }
      const line = this.lines[idx]!.replace(/\n$/, '');
      if (c.regex!.test(line)) {
        found = idx + 1;
        break;
      }
      if (c.offset >= 0) this.take(c.ignore);
    }
    const breakLine = found + c.offset;
    // write everything before line breakLine
    if (this.first + 1 > breakLine) throw new Fatal(`${quote(c.arg)}: line number out of range`);
    while (this.first + 1 < breakLine) if (!this.take(c.ignore)) throw new Fatal(`${quote(c.arg)}: line number out of range`);
    if (!c.ignore) await this.close();
    if (c.offset > 0) this.current = breakLine;
    if (this.o.suppress && !c.ignore) {
      this.take(true);
      this.current = Math.max(this.current, this.first);
    }
    return true;
  }

  async run(controls: Control[]): Promise<number> {
    try {
      outer: for (const c of controls) {
        for (let j = 0; c.forever || j <= c.repeat; j++) {
          if (c.regex) {
            if (!(await this.regexp(c, j))) break outer;
          } else await this.lineCount(c, j);
        }
      }
      if (!this.finished) {
        this.create();
        this.dumpRest();
        await this.close();
      }
    } catch (e) {
      if (!(e instanceof Fatal)) throw e;
      if (e.keep) {
        await this.close(false).catch(() => undefined);
        await this.ctx.print(this.sizes);
        this.sizes = '';
        if (e.message) await this.ctx.error(e.message);
        return 1;
      }
      await this.close().catch(() => undefined);
      await this.ctx.print(this.sizes);
      this.sizes = '';
      if (e.message) await this.ctx.error(e.message);
      if (!this.o.keep) for (const name of this.created) await this.ctx.sys.unlink(name).catch(() => undefined);
      return 1;
    }
    await this.ctx.print(this.sizes);
    return 0;
  }
}
