import { isSysError, strerror } from '../../shared/errno';
import { defineProgram } from '../define';
import { flag, lastValue } from '../lib/getopt';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { binArg, LineReader, closeInput, openInput, Output, qf, stdinCloseFailed } from '../lib/textio';
import { quotearg } from '../lib/quotearg';

const HELP = `Join the lines of the FILEs side by side: line N of every FILE, separated by
TABs, makes line N of the output.

With no FILE, or when FILE is -, read standard input.

Long options take the same arguments as their short forms.
  -d, --delimiters=LIST   separate with the characters of LIST in turn, not TAB
  -s, --serial            join all the lines of one file at a time instead
  -z, --zero-terminated    lines end with a NUL byte, not a newline
${HELP_LINES}

LIST may use \\n (newline), \\t (TAB), \\\\ (backslash) and \\0 (no delimiter).
${coreutilsHelpFooter('paste')}`;

/** The delimiter list with its escapes resolved; '' entries stand for \\0 (nothing). */
function delimiters(s: string): string[] | undefined {
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '\\') {
      out.push(s[i]!);
      continue;
    }
    const n = s[++i];
    if (n === undefined) return undefined;
    out.push(n === '0' ? '' : n === 'n' ? '\n' : n === 't' ? '\t' : n === 'b' ? '\b' : n === 'f' ? '\f' : n === 'r' ? '\r' : n === 'v' ? '\v' : n);
  }
  return out;
}

export default defineProgram({
  name: 'paste',
  installPath: '/usr/bin/paste',
  pkg: 'coreutils',
  usage: 'paste [OPTION]... [FILE]...',
  help: HELP,
  version: coreutilsVersion('paste', ['David M. Ihnat', 'David MacKenzie']),
  options: [
    { key: 'd', short: 'd', long: 'delimiters', arg: 'required' },
    { key: 's', short: 's', long: 'serial' },
    { key: 'z', short: 'z', long: 'zero-terminated' },
  ],
  async main(ctx, args) {
    const list = lastValue(args, 'd') ?? '\t';
    const delims = delimiters(binArg(list));
    if (!delims) {
      await ctx.error(`delimiter list ends with an unescaped backslash: ${quotearg(list, { style: 'c-maybe', quoteToo: ':' })}`);
      return 1;
    }
    if (delims.length === 0) delims.push('');
    const eol = flag(args, 'z') ? '\0' : '\n';
    const files = args.operands.length ? args.operands : ['-'];
    const out = new Output(ctx);
    out.largeFailure = 'errno+bare';
    let ok = true;
    try {
      if (flag(args, 's')) {
        for (const file of files) {
          const fd = await openInput(ctx, file);
          if (typeof fd !== 'number') {
            await out.flush();
            await ctx.error(`${qf(file)}: ${strerror(fd.errno)}`);
            ok = false;
            continue;
          }
          const r = new LineReader(ctx, fd, eol);
          let d = 0;
          let first = true;
          try {
            for (let batch = await r.next(); batch; batch = await r.next()) {
              for (const line of batch) {
                if (!first) {
                  out.push(delims[d]!);
                  d = (d + 1) % delims.length;
                }
                out.push(line);
                first = false;
              }
              await out.drain();
            }
          } catch (e) {
            // a read error (a directory) ends this file's line, then a message names it
            if (!isSysError(e)) throw e;
            out.push(eol);
            await out.flush();
            await ctx.error(`${qf(file)}: ${strerror(e.errno)}`);
            ok = false;
            closeInput(ctx, fd);
            continue;
          }
          out.push(eol);
          closeInput(ctx, fd);
        }
        const status = await out.finish(ok ? 0 : 1);
        return (await stdinCloseFailed(ctx, files.includes('-'), '-')) ? 1 : status;
      }
      // parallel: every '-' takes its turn at the one standard input
      const readers: (LineReader | undefined)[] = [];
      const names = new Map<LineReader, string>();
      let stdin: LineReader | undefined;
      for (const file of files) {
        if (file === '-') {
          stdin ??= new LineReader(ctx, 0, eol);
          names.set(stdin, file);
          readers.push(stdin);
          continue;
        }
        const fd = await openInput(ctx, file);
        if (typeof fd !== 'number') {
          await ctx.error(`${qf(file)}: ${strerror(fd.errno)}`);
          return 1;
        }
        const reader = new LineReader(ctx, fd, eol);
        names.set(reader, file);
        readers.push(reader);
      }
      const queues = new Map<LineReader, string[]>();
      const done = new Set<LineReader>();
      const nextLine = async (r: LineReader): Promise<string | undefined> => {
        let q = queues.get(r);
        while (!q || q.length === 0) {
          if (done.has(r)) return undefined;
          let batch: string[] | null;
          try {
            batch = await r.next();
          } catch (e) {
            // a read error (a directory) ends that file, named, and the others go on
            if (!isSysError(e)) throw e;
            await out.flush();
            await ctx.error(`${qf(names.get(r) ?? '-')}: ${strerror(e.errno)}`);
            ok = false;
            batch = null;
          }
          if (!batch) {
            done.add(r);
            return undefined;
          }
          q = batch.reverse();
          queues.set(r, q);
        }
        return q.pop();
      };
      for (let lines = 0; ; lines++) {
        let any = false;
        let row = '';
        let d = 0;
        for (let i = 0; i < readers.length; i++) {
          const line = await nextLine(readers[i]!);
          if (line !== undefined) {
            any = true;
            row += line;
          }
          if (i < readers.length - 1) {
            row += delims[d]!;
            d = (d + 1) % delims.length;
          }
        }
        if (!any) break;
        out.push(row + eol);
        if ((lines & 1023) === 0) await out.drain();
      }
    } catch (e) {
      if (!isSysError(e)) throw e;
      await out.flush();
      await ctx.error(`read error: ${strerror(e.errno)}`);
      ok = false;
    }
    const status = await out.finish(ok ? 0 : 1);
    return (await stdinCloseFailed(ctx, files.includes('-'), '-')) ? 1 : status;
  },
});
