// iconv (glibc 2.36): converts files (or standard input) from one character set to another.
// Each input is read whole and converted through one converter, so a byte-order mark is
// read and written once. A character that cannot be read or written stops the run with its
// byte position, unless -c (or //IGNORE on the target) leaves it out; //TRANSLIT writes a
// near equivalent (glibc's C-locale table) or '?'. -l lists every name glibc knows; the
// multi-byte East Asian sets among them are not converted here.
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { isSysError, strerror } from '../../shared/errno';
import { readAll } from '../lib/split-modes';
import { argpRun, argpStandard, BUG_REPORTS, glibcVersion } from './argp';
import { charsetFor, charsetNames, type Charset } from './iconv-charsets';

const USAGE = `Usage: iconv [-lcs?V] [-f NAME] [-t NAME] [-o FILE] [--from-code=NAME]
            [--to-code=NAME] [--list] [--output=FILE] [--silent] [--verbose]
            [--help] [--usage] [--version] [FILE...]
`;

const HELP = `Usage: iconv [OPTION...] [FILE...]
Convert the text of the given files (or standard input) between character sets.

 Input/Output format specification:
  -f, --from-code=NAME       the character set the input is in
  -t, --to-code=NAME         the character set to write

 Information:
  -l, --list                 print the names of every known character set

 Output control:
  -c                         leave out characters that cannot be converted
  -o, --output=FILE          write to FILE instead of standard output
  -s, --silent               print no warnings
      --verbose              name each file as it is converted

  -?, --help                 print this help
      --usage                print a short usage line
  -V, --version              print the version

Mandatory or optional arguments to long options are also mandatory or optional
for any corresponding short options.

${BUG_REPORTS}`;

/** The charset of the locale (nl_langinfo(CODESET)) when -f or -t is not given. */
function localeCharset(ctx: Ctx): string {
  const locale = ctx.env.get('LC_ALL') || ctx.env.get('LC_CTYPE') || ctx.env.get('LANG') || '';
  return /\.utf-?8$/i.test(locale) ? 'UTF-8' : 'ANSI_X3.4-1968';
}

/** A charset argument: the name, and the //TRANSLIT and //IGNORE suffixes (comma-separated ones too). */
function splitName(arg: string): { name: string; translit: boolean; ignore: boolean } {
  const [name = '', ...rest] = arg.trim().split('//');
  const flags = rest.join(',').toUpperCase().split(',');
  return { name: name.trim(), translit: flags.includes('TRANSLIT'), ignore: flags.includes('IGNORE') };
}

let translit: Map<number, string> | undefined;

async function translitTable(): Promise<Map<number, string>> {
  if (translit) return translit;
  const { TRANSLIT } = await import('./iconv-translit');
  translit = new Map();
  for (const line of TRANSLIT.split('\n')) {
    const tab = line.indexOf('\t');
    translit.set(parseInt(line.slice(0, tab), 16), line.slice(tab + 1));
  }
  return translit;
}

interface Run {
  from: Charset;
  to: Charset;
  /** -c: leave out what cannot be read or written, quietly */
  omit: boolean;
  /** //IGNORE: leave out what cannot be written, and fail at the end */
  ignore: boolean;
  translit: Map<number, string> | undefined;
  started: boolean;
}

type Outcome = { ok: true; skipped: boolean } | { ok: false; message: string };

/** Converts one input; `out` collects the bytes written before any failure. */
function convert(r: Run, input: Uint8Array, out: number[]): Outcome {
  let skipped = false;
  let pos = 0;
  while (pos < input.length) {
    const d = r.from.decode(input, pos, !r.started);
    r.started = true;
    if (d === 'incomplete') return { ok: false, message: 'incomplete character or shift sequence at end of buffer' };
    if (d === 'invalid') {
      if (r.omit) {
        pos++;
        continue;
      }
      return { ok: false, message: `illegal input sequence at position ${r.ignore ? input.length : pos}` };
    }
    if (d.cp >= 0) {
      let bytes = r.to.encode(d.cp);
      if (!bytes && r.translit) bytes = transliterate(r, d.cp);
      if (bytes) out.push(...bytes);
      else if (r.omit || r.ignore) skipped = true;
      else return { ok: false, message: `illegal input sequence at position ${pos}` };
    }
    pos += d.len;
  }
  return { ok: true, skipped };
}

/** //TRANSLIT: the table's text if the target has all of it, else '?' if it has that. */
function transliterate(r: Run, cp: number): number[] | undefined {
  const text = r.translit!.get(cp);
  if (text !== undefined) {
    const bytes: number[] = [];
    for (const ch of text) {
      const b = r.to.encode(ch.codePointAt(0)!);
      if (!b) return r.to.encode(0x3f);
      bytes.push(...b);
    }
    return bytes;
  }
  return r.to.encode(0x3f);
}

export default defineProgram({
  name: 'iconv',
  installPath: '/usr/bin/iconv',
  pkg: 'glibc',
  async main(ctx) {
    const parsed = await argpRun(ctx, 'iconv', [
      { key: 'f', short: 'f', long: 'from-code', arg: true },
      { key: 't', short: 't', long: 'to-code', arg: true },
      { key: 'l', short: 'l', long: 'list' },
      { key: 'c', short: 'c' },
      { key: 'o', short: 'o', long: 'output', arg: true },
      { key: 's', short: 's', long: 'silent' },
      { key: 'verbose', long: 'verbose' },
    ], 64);
    if (typeof parsed === 'number') return parsed;
    if (await argpStandard(ctx, parsed, HELP, USAGE, glibcVersion('iconv', 'Ulrich Drepper'))) return 0;
    const last = (key: string): string | undefined => parsed.opts.filter((o) => o.key === key).at(-1)?.value;
    const has = (key: string): boolean => parsed.opts.some((o) => o.key === key);
    if (has('l')) {
      // (a name with a slash in it ends in one more, the others in two)
      await ctx.print(charsetNames().map((n) => `${n}${n.includes('/') ? '/' : '//'}\n`).join(''));
      return 0;
    }
    const from = splitName(last('f') ?? localeCharset(ctx));
    const to = splitName(last('t') ?? localeCharset(ctx));
    const fromSet = charsetFor(from.name);
    const toSet = charsetFor(to.name);
    if (!fromSet || !toSet) {
      await ctx.err.write('iconv: failed to start conversion processing\n');
      return 1;
    }
    const run: Run = { from: fromSet, to: toSet, omit: has('c'), ignore: to.ignore, translit: to.translit ? await translitTable() : undefined, started: false };
    const output = last('o');
    let outFd: number | undefined;
    const emit = async (bytes: number[]): Promise<boolean> => {
      if (bytes.length === 0) return true;
      const data = Uint8Array.from(bytes);
      if (output === undefined) {
        try {
          await ctx.sys.write(1, data);
        } catch (e) {
          if (!isSysError(e)) throw e;
        }
        return true;
      }
      try {
        outFd ??= await ctx.sys.open(output, { write: true, create: true, truncate: true }, 0o666);
      } catch (e) {
        if (!isSysError(e)) throw e;
        await ctx.err.write(`iconv: cannot open output file: ${strerror(e.errno)}\n`);
        return false;
      }
      await ctx.sys.write(outFd, data);
      return true;
    };
    // standard output is buffered as stdio buffers a file or pipe: written in blocks, and
    // before an error message (glibc's error() flushes it), not before --verbose's names
    const pending: number[] = [...(toSet.prefix ?? [])];
    const flush = (): Promise<boolean> => emit(pending.splice(0));
    let status = 0;
    try {
      for (const file of parsed.operands.length ? parsed.operands : ['-']) {
        if (has('verbose')) await ctx.err.write(`${file}:\n`);
        if (pending.length >= 4096 && !(await flush())) return 1;
        let input: Uint8Array;
        try {
          input = file === '-' ? await readAll(ctx, file) : await ctx.sys.readFile(file);
        } catch (e) {
          if (!isSysError(e)) throw e;
          if (!(await flush())) return 1;
          if (e.errno === 'EISDIR') {
            await ctx.err.write(`iconv: error while reading the input: ${strerror(e.errno)}\n`);
            return 1;
          }
          await ctx.err.write(`iconv: cannot open input file \`${file}': ${strerror(e.errno)}\n`);
          status = 1;
          continue;
        }
        const r = convert(run, input, pending);
        if ((!r.ok || r.skipped) && !(await flush())) return 1;
        if (!r.ok) {
          await ctx.err.write(`iconv: ${r.message}\n`);
          return 1;
        }
        if (r.skipped && run.ignore && !run.omit) {
          await ctx.err.write(`iconv: illegal input sequence at position ${input.length}\n`);
          return 1;
        }
      }
      return (await flush()) ? status : 1;
    } finally {
      if (outFd !== undefined) ctx.sys.close(outFd);
    }
  },
});
