import { isSysError, strerror } from '../../shared/errno';
import { defineProgram } from '../define';
import { gnuRegexSource, RegexError } from '../lib/gnu-regex';
import { SafeRegExp } from '../lib/safe-regex';
import { usageFail } from '../lib/cli';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { binArg, LineReader, closeInput, openInput, Output, qf, ql, stdinCloseFailed } from '../lib/textio';
import { INTMAX_MAX, INTMAX_MIN, xdectoint } from '../lib/xstrtol';

const HELP = `Write each FILE to standard output with line numbers added.

With no FILE, or when FILE is -, read standard input.

Long options take the same arguments as their short forms.
  -b, --body-numbering=STYLE      which body lines to number
  -d, --section-delimiter=CC      CC marks the logical page sections
  -f, --footer-numbering=STYLE    which footer lines to number
  -h, --header-numbering=STYLE    which header lines to number
  -i, --line-increment=NUMBER     add NUMBER to the line number each time
  -l, --join-blank-lines=NUMBER   count NUMBER empty lines in a row as one
  -n, --number-format=FORMAT      lay out line numbers as FORMAT says
  -p, --no-renumber               do not start again at each section
  -s, --number-separator=STRING   put STRING after the line number
  -v, --starting-line-number=NUMBER  the first line number of each section
  -w, --number-width=NUMBER       use NUMBER columns for line numbers
${HELP_LINES}

By default lines are numbered as with -bt -d'\\:' -fn -hn -i1 -l1 -n'rn' -s<TAB>
-v1 -w6. CC is two characters; a lone first one is followed by ':'.

STYLE is one of:
  a      number every line
  t      number only lines that are not empty
  n      number no lines
  pBRE   number only lines the basic regular expression BRE matches

FORMAT is one of:
  ln     left aligned, no leading zeros
  rn     right aligned, no leading zeros
  rz     right aligned, leading zeros
${coreutilsHelpFooter('nl')}`;

type Style = { kind: 'a' | 't' | 'n' } | { kind: 'p'; re: SafeRegExp };

export default defineProgram({
  name: 'nl',
  installPath: '/usr/bin/nl',
  pkg: 'coreutils',
  usage: 'nl [OPTION]... [FILE]...',
  help: HELP,
  version: coreutilsVersion('nl', ['Scott Bartram', 'David MacKenzie']),
  options: [
    { key: 'h', short: 'h', long: 'header-numbering', arg: 'required' },
    { key: 'b', short: 'b', long: 'body-numbering', arg: 'required' },
    { key: 'f', short: 'f', long: 'footer-numbering', arg: 'required' },
    { key: 'v', short: 'v', long: 'starting-line-number', arg: 'required' },
    { key: 'i', short: 'i', long: 'line-increment', arg: 'required' },
    { key: 'p', short: 'p', long: 'no-renumber' },
    { key: 'l', short: 'l', long: 'join-blank-lines', arg: 'required' },
    { key: 's', short: 's', long: 'number-separator', arg: 'required' },
    { key: 'w', short: 'w', long: 'number-width', arg: 'required' },
    { key: 'n', short: 'n', long: 'number-format', arg: 'required' },
    { key: 'd', short: 'd', long: 'section-delimiter', arg: 'required' },
  ],
  async main(ctx, args) {
    const styles: Record<'h' | 'b' | 'f', Style> = { h: { kind: 'n' }, b: { kind: 't' }, f: { kind: 'n' } };
    let start = 1n;
    let incr = 1n;
    let renumber = true;
    let join = 1n;
    let sep = '\t';
    let width = 6;
    let format: 'ln' | 'rn' | 'rz' = 'rn';
    let delim = '\\:';
    let ok = true;
    const num = async (v: string, min: bigint, max: bigint, msg: string): Promise<bigint | undefined> => {
      const r = xdectoint(v, min, max, '', msg);
      if (r.error === undefined) return r.value;
      await ctx.error(r.error);
      return undefined;
    };
    for (const { key, value } of args.order) {
      const v = value ?? '';
      switch (key) {
        case 'h':
        case 'b':
        case 'f': {
          const c = v[0];
          if (c === 'a' || c === 't' || c === 'n') styles[key] = { kind: c };
          else if (c === 'p') {
            try {
              styles[key] = { kind: 'p', re: new SafeRegExp(gnuRegexSource(binArg(v.slice(1)), 'basic')) };
            } catch (e) {
              if (!(e instanceof RegexError)) throw e;
              await ctx.error(e.message);
              return 1;
            }
          } else {
            await ctx.error(`invalid ${key === 'h' ? 'header' : key === 'b' ? 'body' : 'footer'} numbering style: ${ql(v)}`);
            ok = false;
          }
          break;
        }
        case 'v': {
          const n = await num(v, INTMAX_MIN, INTMAX_MAX, 'invalid starting line number');
          if (n === undefined) return 1;
          start = n;
          break;
        }
        case 'i': {
          const n = await num(v, INTMAX_MIN, INTMAX_MAX, 'invalid line number increment');
          if (n === undefined) return 1;
          incr = n;
          break;
        }
        case 'l': {
          const n = await num(v, 1n, INTMAX_MAX, 'invalid line number of blank lines');
          if (n === undefined) return 1;
          join = n;
          break;
        }
        case 'w': {
          const n = await num(v, 1n, 2147483647n, 'invalid line number field width');
          if (n === undefined) return 1;
          width = Number(n);
          break;
        }
        case 'p': renumber = false; break;
        case 's': sep = binArg(v); break;
        case 'n':
          if (v === 'ln' || v === 'rn' || v === 'rz') format = v;
          else {
            await ctx.error(`invalid line numbering format: ${ql(v)}`);
            ok = false;
          }
          break;
        case 'd': {
          const d = binArg(v);
          delim = d.length === 1 ? `${d}:` : d.length === 2 ? d : d;
          break;
        }
        default: break;
      }
    }
    if (!ok) return usageFail(ctx, undefined);
    const header = delim.repeat(3);
    const body = delim.repeat(2);
    const footer = delim;
    const blankPrefix = ' '.repeat(width + sep.length);
    let line = start;
    let style: Style = styles.b;
    let blanks = 0n;
    const out = new Output(ctx);
    const number = (): string => {
      const n = line.toString();
      line += incr;
      let text: string;
      if (format === 'ln') text = n.padEnd(width);
      else if (format === 'rn') text = n.padStart(width);
      else text = n.startsWith('-') ? `-${n.slice(1).padStart(width - 1, '0')}` : n.padStart(width, '0');
      return text + sep;
    };
    const section = (s: Style): void => {
      style = s;
      if (renumber) line = start;
      out.push('\n');
    };
    const files = args.operands.length ? args.operands : ['-'];
    for (const file of files) {
      const fd = await openInput(ctx, file);
      if (typeof fd !== 'number') {
        await out.flush();
        await ctx.error(`${qf(file)}: ${strerror(fd.errno)}`);
        ok = false;
        continue;
      }
      const reader = new LineReader(ctx, fd);
      try {
        for (let batch = await reader.next(); batch; batch = await reader.next()) {
          for (const text of batch) {
            if (text.length >= 2 && footer.length >= 2 && text.startsWith(delim.slice(0, 2))) {
              if (text === header) {
                section(styles.h);
                continue;
              }
              if (text === body) {
                section(styles.b);
                continue;
              }
              if (text === footer) {
                section(styles.f);
                continue;
              }
            }
            let numbered: boolean;
            const st: Style = style;
            if (st.kind === 'a') {
              if (join > 1n) {
                numbered = text.length > 0 || ++blanks === join;
                if (numbered) blanks = 0n;
              } else numbered = true;
            } else if (st.kind === 't') numbered = text.length > 0;
            else if (st.kind === 'n') numbered = false;
            else numbered = 're' in st && st.re.test(text);
            out.push((numbered ? number() : blankPrefix) + text + '\n');
          }
          await out.drain();
        }
      } catch (e) {
        if (!isSysError(e)) throw e;
        await out.flush();
        await ctx.error(`${qf(file)}: ${strerror(e.errno)}`);
        ok = false;
      }
      closeInput(ctx, fd);
    }
    const status = await out.finish(ok ? 0 : 1);
    return (await stdinCloseFailed(ctx, files.includes('-'), '-')) ? 1 : status;
  },
});
