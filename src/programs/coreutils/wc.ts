import { isSysError, strerror, type SysError } from '../../shared/errno';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { flag, lastValue } from '../lib/getopt';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { isUtf8Locale } from '../lib/quotearg';
import { quoteaf, quotef } from '../lib/quote';
import { columns, isPrintable, separatesWords } from './char-width';
import { closeInput, openInput, Output, readChunk, stdinCloseFailed } from '../lib/textio';
import { readFiles0 } from './files0-from';

const HELP = `Count the newlines, words and bytes of each FILE, with a total line when
there is more than one FILE. Words are runs of printable characters between
white space. With no FILE, or when FILE is -, read standard input.

Counts always come in this order: newlines, words, characters, bytes, longest line.
  -c, --bytes            count bytes
  -m, --chars            count characters
  -l, --lines            count newlines
      --files0-from=F    take the file names, each ended by a NUL byte, from F
                           (- for standard input)
  -L, --max-line-length  show the display width of the longest line
  -w, --words            count words
${HELP_LINES}
${coreutilsHelpFooter('wc')}`;

const spec = {
  name: 'wc',
  installPath: '/usr/bin/wc',
  pkg: 'coreutils',
  usage: 'wc [OPTION]... [FILE]...\nwc [OPTION]... --files0-from=F',
  help: HELP,
  version: coreutilsVersion('wc', ['Paul Rubin', 'David MacKenzie']),
  options: [
    { key: 'c', short: 'c', long: 'bytes' },
    { key: 'm', short: 'm', long: 'chars' },
    { key: 'l', short: 'l', long: 'lines' },
    { key: 'files0', long: 'files0-from', arg: 'required' as const },
    { key: 'L', short: 'L', long: 'max-line-length' },
    { key: 'w', short: 'w', long: 'words' },
  ],
};

interface Counts {
  lines: number;
  words: number;
  chars: number;
  bytes: number;
  maxLen: number;
}

/** Word and line-width state that runs across the chunks of one file (wc.c, single-byte path). */
class Counter {
  c: Counts = { lines: 0, words: 0, chars: 0, bytes: 0, maxLen: 0 };
  private inWord = false;
  private pos = 0;
  /** Bytes still expected of a UTF-8 sequence (UTF-8 locale only). */
  private need = 0;
  /** The code point being assembled from a UTF-8 sequence. */
  private cp = 0;

  constructor(private readonly utf8: boolean) {}

  feed(b: Uint8Array): void {
    const c = this.c;
    c.bytes += b.length;
    let { inWord, pos, need, cp } = this;
    let lines = c.lines;
    let words = c.words;
    let chars = c.chars;
    let maxLen = c.maxLen;
    const utf8 = this.utf8;
    for (let i = 0; i < b.length; i++) {
      const ch = b[i]!;
      if (utf8 && ch >= 0x80) {
        // a multibyte character: its columns (wcwidth) if printable, a word separator if a
        // space; stray bytes count for nothing
        if (ch >= 0xc0 && ch <= 0xf4) {
          need = ch >= 0xf0 ? 3 : ch >= 0xe0 ? 2 : 1;
          cp = ch & (ch >= 0xf0 ? 0x07 : ch >= 0xe0 ? 0x0f : 0x1f);
          continue;
        }
        if (ch < 0xc0 && need > 0) {
          cp = (cp << 6) | (ch & 0x3f);
          if (--need > 0) continue;
          chars++;
          if (!isPrintable(cp)) continue;
          pos += columns(cp);
          if (separatesWords(cp)) inWord = false;
          else if (!inWord) {
            words++;
            inWord = true;
          }
        } else need = 0;
        continue;
      }
      need = 0;
      chars++;
      switch (ch) {
        case 10:
        case 13:
        case 12:
          if (ch === 10) lines++;
          if (pos > maxLen) maxLen = pos;
          pos = 0;
          inWord = false;
          break;
        case 9:
          pos += 8 - (pos % 8);
          inWord = false;
          break;
        case 32:
          pos++;
          inWord = false;
          break;
        case 11:
          inWord = false;
          break;
        default:
          if (ch > 32 && ch < 127) {
            pos++;
            if (!inWord) {
              words++;
              inWord = true;
            }
          }
      }
    }
    if (!utf8) chars = c.bytes;
    Object.assign(this, { inWord, pos, need, cp });
    this.c = { lines, words, chars, bytes: c.bytes, maxLen };
  }

  finish(): Counts {
    if (this.pos > this.c.maxLen) this.c.maxLen = this.pos;
    return this.c;
  }
}

async function countFd(ctx: Ctx, fd: number, utf8: boolean): Promise<{ counts: Counts; error?: SysError }> {
  const counter = new Counter(utf8);
  try {
    for (;;) {
      const chunk = await readChunk(ctx, fd);
      if (chunk === null) break;
      counter.feed(chunk);
    }
  } catch (e) {
    if (!isSysError(e)) throw e;
    return { counts: counter.finish(), error: e };
  }
  return { counts: counter.finish() };
}

export default defineProgram({
  ...spec,
  async main(ctx, args) {
    let show = { l: flag(args, 'l'), w: flag(args, 'w'), m: flag(args, 'm'), c: flag(args, 'c'), L: flag(args, 'L') };
    if (!Object.values(show).some(Boolean)) show = { l: true, w: true, m: false, c: true, L: false };
    const nShown = Object.values(show).filter(Boolean).length;
    const utf8 = isUtf8Locale(ctx.env);
    const out = new Output(ctx);
    let ok = true;

    let names: (string | undefined)[];
    let streamedNames = false;
    const files0 = lastValue(args, 'files0');
    if (files0 !== undefined) {
      const listed = await readFiles0(ctx, files0, args.operands);
      if (typeof listed === 'number') return listed;
      // names streamed from a pipe cannot be stat'ed ahead: GNU then uses width 1
      streamedNames = listed.streamed;
      names = listed.names;
    } else names = args.operands.length ? args.operands : [undefined];

    // GNU sums the sizes of regular files to size the columns (compute_number_width)
    let width = 1;
    if (!(names.length === 1 && nShown === 1) && !streamedNames) {
      let minimum = 1;
      let total = 0;
      for (const name of names) {
        let st;
        try {
          st = name === undefined || name === '-' ? ctx.sys.fstat(0) : await ctx.sys.stat(name);
        } catch {
          continue;
        }
        if (st.kind === 'file') total += st.size;
        else minimum = 7;
      }
      for (; total >= 10; total = Math.floor(total / 10)) width++;
      width = Math.max(width, minimum);
    }
    const line = (c: Counts, name: string | undefined): string => {
      const cols: number[] = [];
      if (show.l) cols.push(c.lines);
      if (show.w) cols.push(c.words);
      if (show.m) cols.push(c.chars);
      if (show.c) cols.push(c.bytes);
      if (show.L) cols.push(c.maxLen);
      const text = cols.map((n) => String(n).padStart(width)).join(' ');
      return name === undefined ? `${text}\n` : `${text} ${name.includes('\n') ? quotef(name) : name}\n`;
    };
    const total: Counts = { lines: 0, words: 0, chars: 0, bytes: 0, maxLen: 0 };
    for (const [index, name] of names.entries()) {
      await ctx.tick();
      let fd: number;
      if (files0 === '-' && name === '-') {
        // the names come from stdin, so '-' cannot name it too
        await out.flush();
        await ctx.error(`when reading file names from stdin, no file name of ${quoteaf(name)} allowed`);
        ok = false;
        continue;
      }
      if (name === undefined || name === '-') fd = 0;
      else if (files0 !== undefined && name === '') {
        await out.flush();
        await ctx.error(`${quotef(files0)}:${index + 1}: invalid zero-length file name`);
        ok = false;
        continue;
      } else {
        const r = await openInput(ctx, name);
        if (typeof r !== 'number') {
          await out.flush();
          await ctx.perror(r, quotef(name));
          ok = false;
          continue;
        }
        fd = r;
      }
      const r = await countFd(ctx, fd, utf8);
      closeInput(ctx, fd);
      if (r.error) {
        await out.flush();
        await ctx.perror(r.error, quotef(name ?? 'standard input'));
        ok = false;
      }
      const c = r.counts;
      total.lines += c.lines;
      total.words += c.words;
      total.chars += c.chars;
      total.bytes += c.bytes;
      total.maxLen = Math.max(total.maxLen, c.maxLen);
      await out.write(line(c, name));
    }
    if (names.length > 1) await out.write(line(total, 'total'));
    const status = await out.finish(ok ? 0 : 1, true);
    return (await stdinCloseFailed(ctx, names.some((n) => n === undefined || n === '-'), '-')) ? 1 : status;
  },
});
