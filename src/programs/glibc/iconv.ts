// iconv (glibc 2.36): converts files (or standard input) from one character set to another.
// Each input is read whole and converted through one converter, so a byte-order mark is
// read and written once. A character that cannot be read or written stops the run with its
// byte position, unless -c (or //IGNORE on the target) leaves it out; //TRANSLIT writes a
// near equivalent (glibc's C-locale table) or '?'. -l lists every name glibc knows; the
// multi-byte East Asian sets among them are not converted here.
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { isSysError, strerror } from '../../shared/errno';
import { readChunk } from '../lib/textio';
import { isUtf8Locale } from '../lib/quotearg';
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
  return isUtf8Locale(ctx.env) ? 'UTF-8' : 'ANSI_X3.4-1968';
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

type Outcome = { ok: true; skipped: boolean; length: number } | { ok: false; message: string };

/** Standard output's buffer: bytes go out a block at a time, as stdio writes a file or pipe. */
class Sink {
  private buf = new Uint8Array(8192);
  private n = 0;
  constructor(private readonly write: (bytes: Uint8Array) => Promise<boolean>) {}

  push(bytes: readonly number[]): void {
    if (this.n + bytes.length > this.buf.length) {
      const bigger = new Uint8Array(Math.max(this.buf.length * 2, this.n + bytes.length));
      bigger.set(this.buf.subarray(0, this.n));
      this.buf = bigger;
    }
    for (const b of bytes) this.buf[this.n++] = b;
  }

  get full(): boolean {
    return this.n >= 4096;
  }

  async flush(): Promise<boolean> {
    if (this.n === 0) return true;
    const data = this.buf.slice(0, this.n);
    this.n = 0;
    return this.write(data);
  }
}

/**
 * Converts one input, read a chunk at a time (`read` gives null at its end); a character split
 * between chunks waits for the rest. Returns how it ended; what came before a failure is in `out`.
 */
async function convert(r: Run, read: () => Promise<Uint8Array | null>, out: Sink): Promise<Outcome> {
  let skipped = false;
  let base = 0;
  let buf = new Uint8Array(0);
  let pos = 0;
  let eof = false;
  for (;;) {
    if (pos >= buf.length || !eof) {
      if (eof) break;
      const chunk = await read();
      if (chunk === null) eof = true;
      else {
        // keep the undecoded tail (a character cut by the chunk's end) in front of the new bytes
        const rest = buf.subarray(pos);
        const joined = new Uint8Array(rest.length + chunk.length);
        joined.set(rest);
        joined.set(chunk, rest.length);
        base += pos;
        buf = joined;
        pos = 0;
      }
      if (out.full && !(await out.flush())) return { ok: false, message: '' };
    }
    while (pos < buf.length) {
      const d = r.from.decode(buf, pos, !r.started);
      if (d === 'incomplete') {
        if (!eof) break;
        return { ok: false, message: 'incomplete character or shift sequence at end of buffer' };
      }
      r.started = true;
      if (d === 'invalid') {
        // -c and //IGNORE step over it (//IGNORE then fails at the end)
        if (r.omit || r.ignore) {
          skipped = true;
          pos++;
          continue;
        }
        return { ok: false, message: `illegal input sequence at position ${base + pos}` };
      }
      if (d.cp >= 0) {
        let bytes = r.to.encode(d.cp);
        if (!bytes && r.translit) bytes = transliterate(r, d.cp);
        if (bytes) out.push(bytes);
        else if (r.omit || r.ignore) skipped = true;
        else return { ok: false, message: `illegal input sequence at position ${base + pos}` };
      }
      pos += d.len;
    }
  }
  return { ok: true, skipped, length: base + buf.length };
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
    // the output file is opened when there is first something to write
    const sink = new Sink(async (data) => {
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
    });
    sink.push(toSet.prefix ?? []);
    let status = 0;
    const fds: number[] = [];
    try {
      for (const file of parsed.operands.length ? parsed.operands : ['-']) {
        if (has('verbose')) await ctx.err.write(`${file}:\n`);
        let fd = 0;
        if (file !== '-') {
          try {
            fd = await ctx.sys.open(file, { read: true });
            fds.push(fd);
          } catch (e) {
            if (!isSysError(e)) throw e;
            // (glibc's error() writes out standard output before its message)
            if (!(await sink.flush())) return 1;
            await ctx.err.write(`iconv: cannot open input file \`${file}': ${strerror(e.errno)}\n`);
            status = 1;
            continue;
          }
        }
        let readError: string | undefined;
        const read = async (): Promise<Uint8Array | null> => {
          if (readError) return null;
          try {
            const chunk = await readChunk(ctx, fd);
            return chunk && chunk.length ? chunk : null;
          } catch (e) {
            if (!isSysError(e)) throw e;
            readError = strerror(e.errno);
            return null;
          }
        };
        const r = await convert(run, read, sink);
        if (fd !== 0) {
          ctx.sys.close(fd);
          fds.pop();
        }
        if ((readError || !r.ok || r.skipped) && !(await sink.flush())) return 1;
        if (readError) {
          await ctx.err.write(`iconv: error while reading the input: ${readError}\n`);
          return 1;
        }
        if (!r.ok) {
          if (r.message) await ctx.err.write(`iconv: ${r.message}\n`);
          return 1;
        }
        if (r.skipped && run.ignore && !run.omit) {
          await ctx.err.write(`iconv: illegal input sequence at position ${r.length}\n`);
          return 1;
        }
      }
      return (await sink.flush()) ? status : 1;
    } finally {
      for (const fd of fds) ctx.sys.close(fd);
      if (outFd !== undefined) ctx.sys.close(outFd);
    }
  },
});
