import { isSysError, strerror, type SysError } from '../../shared/errno';
import { defineProgram } from '../define';
import { argmatch, argmatchError } from '../lib/argmatch';
import { DIGIT_OPTIONS, parseOptions, tryHelp } from '../lib/cli';
import type { Ctx } from '../lib/context';
import { strtold, toNumber } from '../lib/cfloat';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { closeInput, openInput, qaf, qf, ql, stdinCloseFailed } from '../lib/textio';
import { UINTMAX_MAX, xdectoint, xstrtol } from '../lib/xstrtol';
import { emit, follow, ReadFailed, readSome, WriteFailed, type Followed } from './tail-follow';

const HELP = `Print the last 10 lines of each FILE to standard output.
With more than one FILE, put a header naming the file before each one.

With no FILE, or when FILE is -, read standard input.

Long options take the same arguments as their short forms.
  -c, --bytes=[+]NUM       print the last NUM bytes; with +NUM, everything
                             from byte NUM on
  -f, --follow[={name|descriptor}]
                           keep printing data appended to the files;
                             -f alone follows the open descriptor
  -F                       same as --follow=name --retry
  -n, --lines=[+]NUM       print the last NUM lines instead of 10; with +NUM,
                             everything from line NUM on
      --max-unchanged-stats=N
                           with --follow=name, reopen a FILE whose size has not
                             changed after N checks (default 5)
      --pid=PID            with -f, stop once process PID has ended
  -q, --quiet, --silent    never print the file name headers
      --retry              keep trying to open a FILE that is not there yet
  -s, --sleep-interval=N   with -f, wait N seconds (default 1.0) between checks
  -v, --verbose            always print the file name headers
  -z, --zero-terminated    lines end with a NUL byte, not a newline
${HELP_LINES}

NUM may end with a multiplier: b 512, kB 1000, K 1024, MB 1000*1000, M 1024*1024,
GB 1000*1000*1000, G 1024*1024*1024, and so on for T, P, E, Z, Y.
Binary prefixes work too: KiB=K, MiB=M, and so on.
${coreutilsHelpFooter('tail')}`;

const spec = {
  name: 'tail',
  installPath: '/usr/bin/tail',
  pkg: 'coreutils',
  usage: 'tail [OPTION]... [FILE]...',
  help: HELP,
  version: coreutilsVersion('tail', ['Paul Rubin', 'David MacKenzie', 'Ian Lance Taylor', 'Jim Meyering']),
  options: [
    { key: 'c', short: 'c', long: 'bytes', arg: 'required' as const },
    { key: 'f', short: 'f' }, { key: 'f', long: 'follow', arg: 'optional' as const },
    { key: 'n', short: 'n', long: 'lines', arg: 'required' as const },
    { key: 'max-unchanged', long: 'max-unchanged-stats', arg: 'required' as const },
    { key: 'disable-inotify', long: '-disable-inotify' },
    { key: 'pid', long: 'pid', arg: 'required' as const },
    { key: 'presume', long: '-presume-input-pipe' },
    { key: 'q', short: 'q', long: 'quiet' },
    { key: 'retry', long: 'retry' },
    { key: 'q', long: 'silent' },
    { key: 's', short: 's', long: 'sleep-interval', arg: 'required' as const },
    { key: 'v', short: 'v', long: 'verbose' },
    { key: 'z', short: 'z', long: 'zero-terminated' },
    { key: 'F', short: 'F' },
  ],
};

interface Job {
  n: number;
  lines: boolean;
  fromStart: boolean;
  eol: number;
}

function countEol(b: Uint8Array, eol: number): number {
  let n = 0;
  for (let i = b.indexOf(eol); i >= 0; i = b.indexOf(eol, i + 1)) n++;
  return n;
}

function concat(parts: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

/** Where the last n lines start (the file may end without a line end). */
function lastLinesStart(data: Uint8Array, n: number, eol: number): number {
  if (n === 0) return data.length;
  let want = data.length > 0 && data[data.length - 1] !== eol ? n : n + 1;
  for (let i = data.length - 1; i >= 0; i--) if (data[i] === eol && --want === 0) return i + 1;
  return 0;
}

/** Prints the wanted part of one input; returns the bytes read (the follow position). */
async function tailFd(ctx: Ctx, fd: number, job: Job): Promise<number> {
  const { n, eol } = job;
  let pos = 0;
  let st;
  try {
    st = ctx.sys.fstat(fd);
  } catch (e) {
    if (isSysError(e)) throw new FstatFailed(e);
    throw e;
  }
  if (!job.fromStart && st.kind === 'file' && fd !== 0) {
    // a regular file: read backwards from the end until enough is seen (as tail.c does)
    const size = st.size;
    const parts: Uint8Array[] = [];
    let have = 0;
    let lines = 0;
    let start = size;
    while (start > 0 && (job.lines ? lines <= n : have < n)) {
      const from = Math.max(0, start - 65536);
      ctx.sys.lseek(fd, from, 'set');
      const got: Uint8Array[] = [];
      let len = 0;
      while (len < start - from) {
        const c = await readSome(ctx, fd, start - from - len);
        if (c === null) break;
        got.push(c);
        len += c.length;
      }
      const block = concat(got, len);
      parts.unshift(block);
      have += block.length;
      if (job.lines) lines += countEol(block, eol);
      start = from;
    }
    const data = concat(parts, have);
    await emit(ctx, job.lines ? data.subarray(lastLinesStart(data, n, eol)) : data.subarray(Math.max(0, data.length - n)));
    ctx.sys.lseek(fd, size, 'set');
    return size;
  }
  if (job.fromStart) {
    let skip = n;
    for (;;) {
      const chunk = await readSome(ctx, fd);
      if (chunk === null) return pos;
      pos += chunk.length;
      if (skip === 0) {
        await emit(ctx, chunk);
        continue;
      }
      if (!job.lines) {
        if (chunk.length > skip) await emit(ctx, chunk.subarray(skip));
        skip = Math.max(0, skip - chunk.length);
        continue;
      }
      for (let i = chunk.indexOf(eol); i >= 0; i = chunk.indexOf(eol, i + 1)) {
        if (--skip === 0) {
          await emit(ctx, chunk.subarray(i + 1));
          break;
        }
      }
    }
  }
  // a pipe: keep just enough of the tail
  const held: Uint8Array[] = [];
  let heldBytes = 0;
  let heldLines = 0;
  for (;;) {
    const chunk = await readSome(ctx, fd);
    if (chunk === null) break;
    pos += chunk.length;
    held.push(chunk);
    heldBytes += chunk.length;
    if (job.lines) heldLines += countEol(chunk, eol);
    while (held.length > 1) {
      const first = held[0]!;
      const firstLines = job.lines ? countEol(first, eol) : 0;
      if (job.lines ? heldLines - firstLines < n + 1 : heldBytes - first.length < n) break;
      held.shift();
      heldBytes -= first.length;
      heldLines -= firstLines;
    }
  }
  const data = concat(held, heldBytes);
  await emit(ctx, job.lines ? data.subarray(lastLinesStart(data, n, eol)) : data.subarray(Math.max(0, data.length - n)));
  return pos;
}

export default defineProgram({
  ...spec,
  options: undefined,
  async main(ctx, raw) {
    let args = raw.operands;
    const job: Job = { n: 10, lines: true, fromStart: false, eol: 10 };
    let forever = false;
    let byName = false;
    let retry = false;
    let header: 'multiple' | 'never' | 'always' = 'multiple';
    let interval = 1;
    let pid: number | undefined;
    let big = 10n;
    // obsolete form: tail [-+]NUM[bcl][f] [FILE] (parse_obsolete_option)
    const a1 = args[0];
    const shapeOk = args.length === 1 || (args.length === 2 && !(args[1]!.startsWith('-') && args[1]!.length > 1)) || ((args.length === 2 || args.length === 3) && args[1] === '--');
    const m = a1 !== undefined && shapeOk ? /^([+-])(\d*)([bcl]?)(f?)$/.exec(a1) : null;
    if (m && (m[1] === '+' || (a1!.length > 1 && a1 !== '-c'))) {
      job.fromStart = m[1] === '+';
      job.lines = m[3] !== 'b' && m[3] !== 'c';
      forever = m[4] === 'f';
      if (m[2] === '') big = m[3] === 'b' ? 5120n : 10n;
      else {
        const r = xstrtol(m[2]! + m[3]! + m[4]!, 'b');
        if (r.status !== 'ok' && r.status !== 'suffix') {
          await ctx.error(`invalid number: ${ql(a1!)}${r.status === 'overflow' || r.status === 'suffix-overflow' ? ': Numerical result out of range' : ''}`);
          return 1;
        }
        big = r.value;
      }
      args = args.slice(1);
    }
    const parsed = await parseOptions(ctx, spec, args, DIGIT_OPTIONS);
    if (typeof parsed === 'number') return parsed;
    for (const o of parsed.order) {
      const v = o.value;
      switch (o.key) {
        case 'F':
          forever = true;
          byName = true;
          retry = true;
          break;
        case 'c':
        case 'n': {
          job.lines = o.key === 'n';
          let text = v!;
          if (text.startsWith('+')) job.fromStart = true;
          else if (text.startsWith('-')) text = text.slice(1);
          const r = xdectoint(text, 0n, UINTMAX_MAX, 'bkKmMGTPEZY0', job.lines ? 'invalid number of lines' : 'invalid number of bytes');
          if (r.error !== undefined) {
            await ctx.error(r.error);
            return 1;
          }
          big = r.value;
          break;
        }
        case 'f':
          forever = true;
          if (v !== undefined) {
            const r = argmatch(v, [['descriptor', false], ['name', true]] as const);
            if ('error' in r) {
              await argmatchError(ctx, '--follow', v, r.error, [['descriptor', false], ['name', true]]);
              await tryHelp(ctx);
              return 1;
            }
            byName = r.value;
          } else byName = false;
          break;
        case 'retry':
          retry = true;
          break;
        case 'max-unchanged': {
          const r = xdectoint(v!, 0n, UINTMAX_MAX, '', 'invalid maximum number of unchanged stats between opens');
          if (r.error !== undefined) {
            await ctx.error(r.error);
            return 1;
          }
          break;
        }
        case 'pid': {
          const r = xdectoint(v!, 0n, 2147483647n, '', 'invalid PID');
          if (r.error !== undefined) {
            await ctx.error(r.error);
            return 1;
          }
          pid = Number(r.value);
          break;
        }
        case 'q':
          header = 'never';
          break;
        case 'v':
          header = 'always';
          break;
        case 'z':
          job.eol = 0;
          break;
        case 's': {
          const r = strtold(v!);
          const s = toNumber(r.value);
          if (r.end === 0 || r.end !== v!.length || !(s >= 0)) {
            await ctx.error(`invalid number of seconds: ${ql(v!)}`);
            return 1;
          }
          interval = s;
          break;
        }
        default:
          if (/^d\d$/.test(o.key)) {
            await ctx.error(`option used in invalid context -- ${o.key[1]}`);
            return 1;
          }
      }
    }
    if (retry && !forever) {
      retry = false;
      await ctx.error('warning: --retry ignored; --retry is useful only when following');
    } else if (retry && !byName) await ctx.error('warning: --retry only effective for the initial open');
    if (pid !== undefined && pid !== 0 && !forever) await ctx.error('warning: PID ignored; --pid=PID is useful only when following');
    if (job.fromStart && big > 0n) big--;
    job.n = big > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(big);
    const files = parsed.operands.length ? parsed.operands : ['-'];
    if (forever && byName && files.includes('-')) {
      await ctx.error(`cannot follow ${qaf('-')} by name`);
      return 1;
    }
    if (job.n === 0 && !forever && !job.fromStart) return 0;
    const headers = header === 'always' || (header === 'multiple' && files.length > 1);
    const followed: Followed[] = [];
    let ok = true;
    let first = true;
    for (const file of files) {
      const name = file === '-' ? 'standard input' : file;
      const fd = await openInput(ctx, file);
      if (typeof fd !== 'number') {
        await ctx.error(`cannot open ${qaf(name)} for reading: ${strerror(fd.errno)}`);
        ok = false;
        if (forever && retry) followed.push({ name, path: file, fd: -1, pos: 0, ino: 0, gone: true });
        continue;
      }
      try {
        if (headers) {
          await ctx.print(`${first ? '' : '\n'}==> ${name} <==\n`);
          first = false;
        }
        const pos = await tailFd(ctx, fd, job);
        if (forever) {
          const st = ctx.sys.fstat(fd);
          if (st.kind === 'file' || st.kind === 'chardev' || st.kind === 'socket') followed.push({ name, path: file, fd, pos, ino: st.ino, gone: false });
          // a named FIFO is read on as writers come and go; standard input that is a pipe is not followed
          else if (st.kind === 'fifo' && file !== '-') followed.push({ name, path: file, fd, pos, ino: st.ino, gone: false, fifo: true });
          else if (st.kind !== 'fifo') {
            await ctx.error(`${qf(name)}: cannot follow end of this type of file; giving up on this name`);
            ok = false;
            closeInput(ctx, fd);
          } else closeInput(ctx, fd);
        } else closeInput(ctx, fd);
      } catch (e) {
        // a failed read is not followed; one of a type tail cannot follow (a directory) says so too
        const untailable = forever && e instanceof ReadFailed && !['file', 'chardev', 'socket', 'fifo'].includes(ctx.sys.fstat(fd).kind);
        closeInput(ctx, fd);
        if (e instanceof ReadFailed) {
          await ctx.error(`error reading ${qaf(name)}: ${strerror(e.sysError.errno)}`);
          if (untailable) await ctx.error(`${qf(name)}: cannot follow end of this type of file; giving up on this name`);
          ok = false;
        } else if (e instanceof WriteFailed) {
          await ctx.tick();
          await ctx.error(`error writing 'standard output': ${strerror(e.sysError.errno)}`);
          ctx.out.reported = true;
          return 1;
        } else if (e instanceof FstatFailed) {
          await ctx.error(`cannot fstat ${qaf(name)}: ${strerror(e.sysError.errno)}`);
          ok = false;
        } else if (isSysError(e)) {
          await ctx.perror(e, qaf(name));
          ok = false;
        } else throw e;
      }
    }
    await ctx.out.flush();
    if (!forever && (await stdinCloseFailed(ctx, files.includes('-'), '-'))) return 1;
    if (!forever) return ok ? 0 : 1;
    if (followed.length === 0) {
      if (files.some((f) => f !== '-')) {
        await ctx.error('no files remaining');
        return 1;
      }
      return ok ? 0 : 1;
    }
    return follow(ctx, followed, { headers, byName, retry, interval, pid, ok, lastIndex: followed.length - 1 });
  },
});

class FstatFailed extends Error {
  constructor(readonly sysError: SysError) {
    super('fstat failed');
  }
}
