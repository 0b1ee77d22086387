import { isSysError, strerror } from '../../shared/errno';
import { defineProgram } from '../define';
import { gnuRegexSource, RegexError } from '../lib/gnu-regex';
import { SafeRegExp } from '../lib/safe-regex';
import { flag, lastValue } from '../lib/getopt';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { bin, binArg, closeInput, openInput, Output, qaf, qf, readChunk, stdinCloseFailed } from '../lib/textio';
import type { Ctx } from '../lib/context';

class Exhausted {}

/**
 * The whole input, which tac holds to print it backwards: its memory, charged as it arrives
 * (the OOM killer for a huge stream; with ulimit -v, xalloc_die's "memory exhausted").
 */
async function readHeld(ctx: Ctx, fd: number): Promise<string> {
  const parts: string[] = [];
  for (;;) {
    const chunk = await readChunk(ctx, fd);
    if (chunk === null) break;
    try {
      ctx.sys.alloc(chunk.length);
    } catch (e) {
      if (isSysError(e) && e.errno === 'ENOMEM') throw new Exhausted();
      throw e;
    }
    parts.push(bin(chunk));
  }
  return parts.join('');
}

const WRITESIZE = 8192;

const HELP = `Write each FILE to standard output, last line first.

With no FILE, or when FILE is -, read standard input.

Long options take the same arguments as their short forms.
  -b, --before             put the separator before each record, not after
  -r, --regex              take the separator as a regular expression
  -s, --separator=STRING   records are separated by STRING, not a newline
${HELP_LINES}
${coreutilsHelpFooter('tac')}`;

export default defineProgram({
  name: 'tac',
  installPath: '/usr/bin/tac',
  pkg: 'coreutils',
  usage: 'tac [OPTION]... [FILE]...',
  help: HELP,
  version: coreutilsVersion('tac', ['Jay Lepreau', 'David MacKenzie']),
  options: [
    { key: 'b', short: 'b', long: 'before' },
    { key: 'r', short: 'r', long: 'regex' },
    { key: 's', short: 's', long: 'separator', arg: 'required' },
  ],
  async main(ctx, args) {
    const before = flag(args, 'b');
    const sepArg = binArg(lastValue(args, 's') ?? '\n');
    let re: SafeRegExp | undefined;
    if (flag(args, 'r')) {
      if (sepArg === '') {
        await ctx.error('separator cannot be empty');
        return 1;
      }
      try {
        // tac leaves re_syntax_options alone: GNU regex's default, the Emacs syntax
        re = new SafeRegExp(gnuRegexSource(sepArg, 'emacs', true, true));
      } catch (e) {
        if (!(e instanceof RegexError)) throw e;
        await ctx.error(e.message);
        return 1;
      }
    }
    const out = new Output(ctx);
    out.largeFailure = 'bare';
    // tac.c's output() gathers text in its own WRITESIZE buffer and hands it to stdio only
    // in whole buffers (and at the very end), so an error() flushes just those
    let held = '';
    const emit = (text: string): void => {
      held += text;
      if (held.length < WRITESIZE) return;
      const whole = held.length - (held.length % WRITESIZE);
      out.push(held.slice(0, whole));
      held = held.slice(whole);
    };
    let ok = true;
    for (const file of args.operands.length ? args.operands : ['-']) {
      const fd = await openInput(ctx, file);
      if (typeof fd !== 'number') {
        await out.flush();
        await ctx.error(`failed to open ${qaf(file)} for reading: ${strerror(fd.errno)}`);
        ok = false;
        continue;
      }
      let text: string;
      try {
        text = await readHeld(ctx, fd);
      } catch (e) {
        if (e instanceof Exhausted) {
          await out.flush();
          await ctx.error('memory exhausted');
          return 1;
        }
        if (!isSysError(e)) throw e;
        await out.flush();
        // tac seeks to the end first; on a directory that read fails with EINVAL
        await ctx.error(`${qf(file === '-' ? 'standard input' : file)}: read error: ${strerror(e.errno === 'EISDIR' ? 'EINVAL' : e.errno)}`);
        ok = false;
        continue;
      } finally {
        closeInput(ctx, fd);
      }
      // separator matches, left to right
      const cuts: [number, number][] = [];
      if (re) {
        // as tac searches: backwards from the end, each match ending by the start of the one
        // found before it (the text is cut there, so that also $ matches there)
        const dollar = re.source.includes('(?![^\\n])');
        let limit = text.length;
        let upto = dollar ? text : undefined;
        for (let p = limit - 1; p >= 0; p--) {
          let e = re.matchAt(upto ?? text, p);
          if (e > limit) e = re.matchAt((upto ??= text.slice(0, limit)), p);
          if (e < 0) continue;
          cuts.push([p, e]);
          limit = p;
          upto = dollar ? text.slice(0, limit) : undefined;
        }
        cuts.reverse();
      } else {
        // an empty string is the one-byte separator NUL (tac.c: a sentinel of length 1)
        const sep = sepArg === '' ? '\0' : sepArg;
        for (let i = text.indexOf(sep); i >= 0; i = text.indexOf(sep, i + sep.length)) cuts.push([i, i + sep.length]);
      }
      const records: string[] = [];
      let start = 0;
      for (const [s, e] of cuts) {
        if (before) {
          records.push(text.slice(start, s));
          start = s;
        } else {
          records.push(text.slice(start, e));
          start = e;
        }
      }
      records.push(text.slice(start));
      for (let i = records.length - 1; i >= 0; i--) {
        emit(records[i]!);
        if ((i & 1023) === 0) await out.drain();
      }
    }
    out.push(held);
    const status = await out.finish(ok ? 0 : 1);
    return (await stdinCloseFailed(ctx, !args.operands.length || args.operands.includes('-'), '-')) ? 1 : status;
  },
});
