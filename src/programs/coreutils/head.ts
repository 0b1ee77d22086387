import { isSysError, strerror, type SysError } from '../../shared/errno';
import { defineProgram } from '../define';
import { DIGIT_OPTIONS, parseOptions, usageFail } from '../lib/cli';
import type { Ctx } from '../lib/context';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { writeBuffered } from '../lib/output';
import { closeInput, openInput, qaf, readChunk, stdinCloseFailed } from '../lib/textio';
import { INTMAX_MAX, UINTMAX_MAX, xdectoint } from '../lib/xstrtol';

const HELP = `Print the first 10 lines of each FILE to standard output.
With more than one FILE, put a header naming the file before each one.

With no FILE, or when FILE is -, read standard input.

Long options take the same arguments as their short forms.
  -c, --bytes=[-]NUM       print the first NUM bytes; with a leading '-',
                             everything except the last NUM bytes
  -n, --lines=[-]NUM       print the first NUM lines instead of 10; with a
                             leading '-', everything except the last NUM lines
  -q, --quiet, --silent    never print the file name headers
  -v, --verbose            always print the file name headers
  -z, --zero-terminated    lines end with a NUL byte, not a newline
${HELP_LINES}

NUM may end with a multiplier: b 512, kB 1000, K 1024, MB 1000*1000, M 1024*1024,
GB 1000*1000*1000, G 1024*1024*1024, and so on for T, P, E, Z, Y.
Binary prefixes work too: KiB=K, MiB=M, and so on.
${coreutilsHelpFooter('head')}`;

const spec = {
  name: 'head',
  installPath: '/usr/bin/head',
  pkg: 'coreutils',
  usage: 'head [OPTION]... [FILE]...',
  help: HELP,
  version: coreutilsVersion('head', ['David MacKenzie', 'Jim Meyering']),
  options: [
    { key: 'c', short: 'c', long: 'bytes', arg: 'required' as const },
    { key: 'n', short: 'n', long: 'lines', arg: 'required' as const },
    { key: 'presume', long: '-presume-input-pipe' },
    { key: 'q', short: 'q', long: 'quiet' },
    { key: 'q', long: 'silent' },
    { key: 'v', short: 'v', long: 'verbose' },
    { key: 'z', short: 'z', long: 'zero-terminated' },
  ],
};

class WriteFailed extends Error {
  constructor(readonly sysError: SysError) {
    super('write failed');
  }
}

class ReadFailed extends Error {
  constructor(readonly sysError: SysError) {
    super('read failed');
  }
}

interface Job {
  n: number;
  lines: boolean;
  elide: boolean;
  eol: number;
}

async function emit(ctx: Ctx, data: Uint8Array): Promise<void> {
  const err = await writeBuffered(ctx, data);
  if (err) throw new WriteFailed(err);
}

async function read(ctx: Ctx, fd: number, max?: number): Promise<Uint8Array | null> {
  try {
    return await readChunk(ctx, fd, max);
  } catch (e) {
    if (isSysError(e)) throw new ReadFailed(e);
    throw e;
  }
}

function count(b: Uint8Array, eol: number, from = 0, to = b.length): number {
  let n = 0;
  for (let i = b.indexOf(eol, from); i >= 0 && i < to; i = b.indexOf(eol, i + 1)) n++;
  return n;
}

/** The offset of a regular file's descriptor; null for pipes, terminals and the like. */
function fileOffset(ctx: Ctx, fd: number): number | null {
  try {
    const st = ctx.sys.fstat(fd);
    if (st.kind !== 'file') return null;
    return ctx.sys.lseek(fd, 0, 'cur');
  } catch {
    return null;
  }
}

/**
 * Like head.c, leave a regular file's offset just after what was printed, so the next
 * reader of a shared descriptor (`{ head -n 1; cat; } < file`) starts there.
 */
function seekTo(ctx: Ctx, fd: number, at: number | null): void {
  if (at === null) return;
  try {
    ctx.sys.lseek(fd, at, 'set');
  } catch {
    // not seekable after all: the bytes read ahead are lost, as with a pipe
  }
}

async function headFd(ctx: Ctx, fd: number, job: Job): Promise<void> {
  const { n, eol } = job;
  const start = fileOffset(ctx, fd);
  let emitted = 0;
  const out = async (data: Uint8Array): Promise<void> => {
    emitted += data.length;
    await emit(ctx, data);
  };
  if (!job.elide) {
    let left = n;
    while (left > 0) {
      // bytes: never read past the last one wanted (head.c reads at most what it still needs)
      const chunk = await read(ctx, fd, job.lines ? undefined : Math.min(left, 65536));
      if (chunk === null) return;
      if (!job.lines) {
        const part = chunk.length > left ? chunk.subarray(0, left) : chunk;
        left -= part.length;
        await emit(ctx, part);
        continue;
      }
      let end = chunk.length;
      for (let i = chunk.indexOf(eol); i >= 0; i = chunk.indexOf(eol, i + 1)) {
        if (--left === 0) {
          end = i + 1;
          break;
        }
      }
      await out(chunk.subarray(0, end));
      if (left === 0 && end < chunk.length && start !== null) seekTo(ctx, fd, start + emitted);
    }
    return;
  }
  await elide(ctx, fd, job, out);
  if (start !== null) seekTo(ctx, fd, start + emitted);
}

/** Everything but the last n bytes or lines: hold back just enough of the tail. */
async function elide(ctx: Ctx, fd: number, job: Job, emitOut: (data: Uint8Array) => Promise<void>): Promise<void> {
  const { n, eol } = job;
  const held: Uint8Array[] = [];
  let heldBytes = 0;
  let heldLines = 0;
  for (;;) {
    const chunk = await read(ctx, fd);
    if (chunk === null) break;
    held.push(chunk);
    heldBytes += chunk.length;
    if (job.lines) heldLines += count(chunk, eol);
    for (;;) {
      const first = held[0]!;
      if (held.length < 2) break;
      const safe = job.lines ? heldLines - count(first, eol) >= n + 1 : heldBytes - first.length >= n;
      if (!safe) break;
      held.shift();
      heldBytes -= first.length;
      if (job.lines) heldLines -= count(first, eol);
      await emitOut(first);
    }
  }
  const rest = new Uint8Array(heldBytes);
  let off = 0;
  for (const c of held) {
    rest.set(c, off);
    off += c.length;
  }
  if (!job.lines) {
    if (rest.length > n) await emitOut(rest.subarray(0, rest.length - n));
    return;
  }
  if (n === 0) {
    await emitOut(rest);
    return;
  }
  // the cut is after the (n+1)-th line end from the end (the n-th if the last line is open)
  let want = rest.length > 0 && rest[rest.length - 1] !== eol ? n : n + 1;
  let cut = -1;
  for (let i = rest.length - 1; i >= 0; i--) {
    if (rest[i] === eol && --want === 0) {
      cut = i + 1;
      break;
    }
  }
  if (cut > 0) await emitOut(rest.subarray(0, cut));
}

export default defineProgram({
  ...spec,
  // parsed in main, after the obsolete -NUM form
  options: undefined,
  async main(ctx, raw) {
    let args = raw.operands;
    let n: bigint = 10n;
    let lines = true;
    let elide = false;
    let header: 'multiple' | 'never' | 'always' = 'multiple';
    let eol = 10;
    const number = (text: string, asLines: boolean): bigint | string => {
      const r = xdectoint(text, 0n, UINTMAX_MAX, 'bkKmMGTPEZY0', asLines ? 'invalid number of lines' : 'invalid number of bytes');
      return r.error ?? r.value;
    };
    const first = args[0];
    if (first !== undefined && /^-\d/.test(first)) {
      // obsolete syntax: -NUM followed by option letters (head.c)
      const digits = /^-(\d+)/.exec(first)![1]!;
      let mult = '';
      for (const c of first.slice(1 + digits.length)) {
        if (c === 'c') {
          lines = false;
          mult = '';
        } else if (c === 'b' || c === 'k' || c === 'm') {
          lines = false;
          mult = c;
        } else if (c === 'l') lines = true;
        else if (c === 'q') header = 'never';
        else if (c === 'v') header = 'always';
        else if (c === 'z') eol = 0;
        else return usageFail(ctx, `invalid trailing option -- ${c}`);
      }
      const v = number(digits + mult, lines);
      if (typeof v === 'string') {
        await ctx.error(v);
        return 1;
      }
      n = v;
      args = args.slice(1);
    }
    const parsed = await parseOptions(ctx, spec, args, DIGIT_OPTIONS);
    if (typeof parsed === 'number') return parsed;
    for (const o of parsed.order) {
      if (o.key === 'c' || o.key === 'n') {
        lines = o.key === 'n';
        let text = o.value!;
        elide = text.startsWith('-');
        if (elide) text = text.slice(1);
        const v = number(text, lines);
        if (typeof v === 'string') {
          await ctx.error(v);
          return 1;
        }
        n = v;
      } else if (o.key === 'q') header = 'never';
      else if (o.key === 'v') header = 'always';
      else if (o.key === 'z') eol = 0;
      else if (o.key.startsWith('d') && o.key.length === 2) return usageFail(ctx, `invalid trailing option -- ${o.key[1]}`);
    }
    if (!lines && elide && n > INTMAX_MAX) {
      await ctx.error(`invalid number of bytes: '${n}': Value too large for defined data type`);
      return 1;
    }
    const files = parsed.operands.length ? parsed.operands : ['-'];
    const headers = header === 'always' || (header === 'multiple' && files.length > 1);
    const job: Job = { n: n > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(n), lines, elide, eol };
    let ok = true;
    let firstHeader = true;
    for (const file of files) {
      const name = file === '-' ? 'standard input' : file;
      const fd = await openInput(ctx, file);
      if (typeof fd !== 'number') {
        await ctx.error(`cannot open ${qaf(file)} for reading: ${strerror(fd.errno)}`);
        ok = false;
        continue;
      }
      try {
        if (headers) {
          await ctx.print(`${firstHeader ? '' : '\n'}==> ${name} <==\n`);
          firstHeader = false;
        }
        await headFd(ctx, fd, job);
      } catch (e) {
        if (e instanceof ReadFailed) {
          await ctx.error(`error reading ${qaf(name)}: ${strerror(e.sysError.errno)}`);
          ok = false;
        } else if (e instanceof WriteFailed) {
          await ctx.tick();
          await ctx.error(`error writing 'standard output': ${strerror(e.sysError.errno)}`);
          ctx.out.reported = true;
          return 1;
        } else throw e;
      } finally {
        closeInput(ctx, fd);
      }
    }
    return (await stdinCloseFailed(ctx, files.includes('-'), '-')) ? 1 : ok ? 0 : 1;
  },
});
