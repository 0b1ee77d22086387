import { isSysError, strerror, type SysError } from '../../shared/errno';
import { SIGNALS } from '../../shared/signals';
import { ASCII_TO_EBCDIC, ASCII_TO_IBM, EBCDIC_TO_ASCII } from './dd-charsets';
import { defineProgram, usageError } from '../define';
import type { Ctx } from '../lib/context';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { humanGnu } from '../lib/human-gnu';
import { quote, quotef } from '../lib/quote';
import { quoteaf, quotearg } from '../lib/quotearg';
import { INTMAX_MAX, xstrtol } from '../lib/xstrtol';
import { stdinCloseFailed } from '../lib/textio';

const CONV = ['ascii', 'ebcdic', 'ibm', 'block', 'unblock', 'lcase', 'ucase', 'sparse', 'swab', 'noerror', 'nocreat', 'excl', 'notrunc', 'sync', 'fdatasync', 'fsync'];
const FLAGS = ['append', 'binary', 'cio', 'direct', 'directory', 'dsync', 'noatime', 'nocache', 'noctty', 'nofollow', 'nolinks', 'nonblock', 'sync', 'text', 'fullblock', 'count_bytes', 'skip_bytes', 'seek_bytes'];
const STATUS = ['none', 'noxfer', 'progress'];

const spec = {
  name: 'dd',
  installPath: '/usr/bin/dd',
  pkg: 'coreutils',
  usage: 'dd [OPERAND]...\ndd OPTION',
  help: `Copy a file block by block, converting it on the way.

  bs=BYTES        read and write BYTES at a time (sets ibs and obs)
  cbs=BYTES       convert BYTES at a time
  conv=CONVS      convert as the comma-separated list says
  count=N         copy only N input blocks
  ibs=BYTES       read BYTES at a time (default 512)
  if=FILE         read from FILE instead of standard input
  iflag=FLAGS     read as the comma-separated list says
  obs=BYTES       write BYTES at a time (default 512)
  of=FILE         write to FILE instead of standard output
  oflag=FLAGS     write as the comma-separated list says
  seek=N          skip N obs-sized blocks at the start of the output
  skip=N          skip N ibs-sized blocks at the start of the input
  status=LEVEL    none (only errors), noxfer (no final statistics) or
                  progress (periodic statistics)

N and BYTES may end in c (1), w (2), b (512), kB (1000), K (1024), MB, M, GB,
G and so on, or be products like 2x512.
CONVS: ascii, ebcdic, ibm, block, unblock, lcase, ucase, sparse, swab, sync,
excl, nocreat, notrunc, noerror, fdatasync, fsync.
FLAGS: append, direct, directory, dsync, sync, fullblock, nonblock, noatime,
nocache, noctty, nofollow, count_bytes, skip_bytes, seek_bytes.

Sending SIGUSR1 prints the statistics and continues.

${HELP_LINES}
${coreutilsHelpFooter('dd')}`,
  // dd.c passes PACKAGE, not PACKAGE_NAME, to its option parser: "dd (coreutils) 9.1"
  version: coreutilsVersion('dd', ['Paul Rubin', 'David MacKenzie', 'Stuart Kemp'], 'coreutils'),
  options: [],
};

class Die extends Error {}

/** dd's parse_integer: a number with a suffix, or a product like 2x512; 'overflow' past intmax. */
function parseInteger(s: string): bigint | 'invalid' | 'overflow' {
  // one product at most: N x M, where only N may end in a bare B (a byte count)
  const x = s.indexOf('x');
  const parts = x < 0 ? [s] : [s.slice(0, x), s.slice(x + 1)];
  if (parts[1]?.includes('x')) return 'invalid';
  let v = 1n;
  for (const [i, t] of parts.entries()) {
    const m = /^(\d+)([bcEGkKMPTwYZ]?)(B?)$/.exec(t);
    if (!m) return 'invalid';
    if (i === 1 && m[3] === 'B' && m[2] === '') return 'invalid';
    const r = m[3] === 'B' && m[2] === '' ? { value: BigInt(m[1]!), status: 'ok' } : xstrtol(m[1]! + m[2]! + m[3]!, 'bcEGkKMPTwYZ0');
    if (r.status === 'overflow') return 'overflow';
    if (r.status !== 'ok') return 'invalid';
    v *= r.value;
  }
  return v > INTMAX_MAX ? 'overflow' : v;
}

/** %g of printf: six significant digits. */
function formatG(v: number): string {
  if (v === 0) return '0';
  const exp = Math.floor(Math.log10(Math.abs(v)));
  if (exp < -4 || exp >= 6) {
    const [mant, e] = v.toExponential(5).split('e');
    const m = mant!.replace(/\.?0+$/, '');
    const n = Number(e);
    return `${m}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
  }
  return String(Number(v.toPrecision(6)));
}

interface Stats {
  rFull: number;
  rPartial: number;
  wFull: number;
  wPartial: number;
  bytes: number;
  start: number;
  /** conv=block lines cut at cbs bytes */
  truncated: number;
}

function xferLine(ctx: Ctx, s: Stats, progress: boolean): string {
  const opts = { autoscale: true, round: 'nearest' as const, space: true, si: true, B: true };
  const si = humanGnu(s.bytes, opts, 1, 1);
  const iec = humanGnu(s.bytes, { ...opts, base1024: true }, 1, 1);
  const elapsedNs = Math.max(0, Math.round((ctx.sys.now() - s.start) * 1e6));
  let rate: string;
  let seconds: number;
  if (elapsedNs > 0) {
    seconds = elapsedNs / 1e9;
    rate = `${humanGnu(s.bytes, opts, 1e9, elapsedNs)}/s`;
  } else {
    seconds = 0;
    rate = 'Infinity B/s';
  }
  const t = progress ? `${seconds.toFixed(0)} s` : `${formatG(seconds)} s`;
  const lacks = (m: string): boolean => m[m.length - 2] === ' ';
  if (lacks(si)) return `${s.bytes} byte${s.bytes === 1 ? '' : 's'} copied, ${t}, ${rate}`;
  if (lacks(iec)) return `${s.bytes} bytes (${si}) copied, ${t}, ${rate}`;
  return `${s.bytes} bytes (${si}, ${iec}) copied, ${t}, ${rate}`;
}

async function printStats(ctx: Ctx, s: Stats, status: string): Promise<void> {
  if (status === 'none') return;
  let text = `${s.rFull}+${s.rPartial} records in\n${s.wFull}+${s.wPartial} records out\n`;
  if (s.truncated) text += `${s.truncated} truncated record${s.truncated === 1 ? '' : 's'}\n`;
  if (status !== 'noxfer') text += `${xferLine(ctx, s, false)}\n`;
  await ctx.err.write(text);
}

export default defineProgram({
  ...spec,
  async main(ctx, { operands }) {
    const o = { if: undefined as string | undefined, of: undefined as string | undefined, ibs: 0n, obs: 0n, bs: 0n, count: -1n, skip: 0n, seek: 0n, cbs: 0n };
    const conv = new Set<string>();
    const iflag = new Set<string>();
    const oflag = new Set<string>();
    let status = 'default';
    let countB = false;
    let skipB = false;
    let seekB = false;
    const symbols = async (val: string, table: string[], msg: string, into: Set<string>): Promise<boolean> => {
      for (const w of val.split(',')) {
        if (!table.includes(w)) {
          await usageError(ctx, spec, `${msg}: ${quotearg(w, { style: 'locale' })}`);
          return false;
        }
        into.add(w);
      }
      return true;
    };
    try {
      for (const arg of operands) {
        const eq = arg.indexOf('=');
        if (eq < 0) return usageError(ctx, spec, `unrecognized operand ${quote(arg)}`);
        const name = arg.slice(0, eq);
        const val = arg.slice(eq + 1);
        if (name === 'if') o.if = val;
        else if (name === 'of') o.of = val;
        else if (name === 'conv') {
          if (!(await symbols(val, CONV, 'invalid conversion', conv))) return 1;
        } else if (name === 'iflag') {
          if (!(await symbols(val, FLAGS, 'invalid input flag', iflag))) return 1;
        } else if (name === 'oflag') {
          if (!(await symbols(val, FLAGS, 'invalid output flag', oflag))) return 1;
        } else if (name === 'status') {
          const w = val.split(',').at(-1)!;
          if (!STATUS.includes(w)) return usageError(ctx, spec, `invalid status level: ${quotearg(w, { style: 'locale' })}`);
          status = w;
        } else {
          const known = ['ibs', 'obs', 'bs', 'cbs', 'skip', 'iseek', 'seek', 'oseek', 'count'];
          if (!known.includes(name)) return usageError(ctx, spec, `unrecognized operand ${quote(arg)}`);
          const n = parseInteger(val);
          const min = ['ibs', 'obs', 'bs', 'cbs'].includes(name) ? 1n : 0n;
          if (n === 'overflow') throw new Die(`invalid number: ${quote(val)}: ${strerror('EOVERFLOW')}`);
          if (n === 'invalid' || n < min) throw new Die(`invalid number: ${quote(val)}`);
          if (name === 'ibs') o.ibs = n;
          else if (name === 'obs') o.obs = n;
          else if (name === 'bs') o.bs = n;
          else if (name === 'cbs') o.cbs = n;
          else if (name === 'skip' || name === 'iseek') [o.skip, skipB] = [n, val.includes('B')];
          else if (name === 'seek' || name === 'oseek') [o.seek, seekB] = [n, val.includes('B')];
          else if (name === 'count') [o.count, countB] = [n, val.includes('B')];
        }
      }
      const both = (a: string, b: string): boolean => conv.has(a) && conv.has(b);
      if ([...['ascii', 'ebcdic', 'ibm']].filter((c) => conv.has(c)).length > 1) throw new Die('cannot combine any two of {ascii,ebcdic,ibm}');
      // the character sets bring their record conversion (dd.c: ascii is C_UNBLOCK, ebcdic
      // and ibm C_BLOCK) and two buffers
      const charset = conv.has('ascii') || conv.has('ebcdic') || conv.has('ibm');
      if (conv.has('ascii')) conv.add('unblock');
      if (conv.has('ebcdic') || conv.has('ibm')) conv.add('block');
      // block and unblock do nothing without a conversion block size
      if (o.cbs === 0n) ['block', 'unblock'].forEach((c) => conv.delete(c));
      if (both('block', 'unblock')) throw new Die('cannot combine block and unblock');
      if (both('lcase', 'ucase')) throw new Die('cannot combine lcase and ucase');
      if (both('excl', 'nocreat')) throw new Die('cannot combine excl and nocreat');
      if (oflag.has('fullblock')) return usageError(ctx, spec, `invalid output flag: ${quotearg('fullblock', { style: 'locale' })}`);
      if (oflag.has('append') && !conv.has('notrunc')) await ctx.error('you probably want conv=notrunc with oflag=append');
      const ibs = Number(o.bs || o.ibs || 512n);
      const obs = Number(o.bs || o.obs || 512n);
      const twoBufs = o.bs === 0n || charset || conv.has('block') || conv.has('unblock');
      let inFd = 0;
      let outFd = 1;
      const inName = o.if ?? 'standard input';
      const outName = o.of ?? 'standard output';
      if (o.if !== undefined) {
        try {
          inFd = await ctx.sys.open(o.if, { read: true });
        } catch (e) {
          await ctx.perror(e, `failed to open ${quoteaf(o.if)}`);
          return 1;
        }
      }
      const seekBytes = seekB || oflag.has('seek_bytes') ? o.seek : o.seek * BigInt(obs);
      if (o.of !== undefined) {
        // checked before the file is opened (and created)
        if (o.seek !== 0n && !conv.has('notrunc') && seekBytes > INTMAX_MAX) {
          throw new Die(`offset too large: cannot truncate to a length of seek=${o.seek} (${o.bs || o.obs || 512n}-byte) blocks`);
        }
        try {
          outFd = await ctx.sys.open(o.of, { write: true, create: !conv.has('nocreat'), exclusive: conv.has('excl'), truncate: o.seek === 0n && !conv.has('notrunc'), append: oflag.has('append') }, 0o666);
        } catch (e) {
          await ctx.perror(e, `failed to open ${quoteaf(o.of)}`);
          return 1;
        }
        if (o.seek !== 0n && !conv.has('notrunc')) {
          try {
            ctx.sys.ftruncate(outFd, Number(seekBytes));
          } catch (e) {
            if (!isSysError(e)) throw e;
            // not fatal: the seek that follows reports whether the offset can be reached
            if (ctx.sys.fstat(outFd).kind === 'file') await ctx.perror(e, `failed to truncate to ${seekBytes} bytes in output file ${quoteaf(o.of)}`);
          }
        }
      }
      const skipBytes = skipB || iflag.has('skip_bytes') ? o.skip : o.skip * BigInt(ibs);
      return await copy(ctx, { inFd, outFd, inName, outName, ibs, obs, cbs: Number(o.cbs), twoBufs, conv, iflag, status, seekBytes, skipBytes, count: o.count, countB: countB || iflag.has('count_bytes') });
    } catch (e) {
      if (!(e instanceof Die)) throw e;
      await ctx.error(e.message);
      return 1;
    }
  },
});

interface Job {
  inFd: number;
  outFd: number;
  inName: string;
  outName: string;
  ibs: number;
  obs: number;
  cbs: number;
  twoBufs: boolean;
  conv: Set<string>;
  iflag: Set<string>;
  status: string;
  seekBytes: bigint;
  skipBytes: bigint;
  count: bigint;
  countB: boolean;
}

/** dd's skip(): lseek when the file allows it (no reading through holes), else read; 'fatal' after "cannot seek/skip". */
async function skipTo(ctx: Ctx, fd: number, name: string, bytes: bigint, input: boolean): Promise<'ok' | 'short' | 'fatal'> {
  const sys = ctx.sys;
  let errno: Parameters<typeof strerror>[0] | undefined;
  try {
    // an offset past what off_t holds is not even tried: EOVERFLOW
    if (bytes > INTMAX_MAX) errno = 'EOVERFLOW';
    else {
      const start = input ? sys.lseek(fd, 0, 'cur') : 0;
      sys.lseek(fd, Number(bytes), 'cur');
      if (!input) return 'ok';
      const st = sys.fstat(fd);
      return st.kind === 'file' && st.size - start < Number(bytes) ? 'short' : 'ok';
    }
  } catch (e) {
    if (!isSysError(e)) throw e;
    errno = e.errno;
  }
  // seekable but out of range: an error; not seekable (a pipe): read the input through
  let seekable = true;
  try {
    sys.lseek(fd, 0, 'end');
  } catch (e) {
    if (!isSysError(e)) throw e;
    seekable = false;
  }
  if (seekable || !input) {
    await ctx.error(`${quotef(name)}: cannot ${input ? 'skip' : 'seek'}: ${strerror(errno ?? 'EOVERFLOW')}`);
    return 'fatal';
  }
  for (let left = Number(bytes); left > 0;) {
    await ctx.tick();
    const chunk = await sys.read(fd, Math.min(65536, left));
    if (chunk === null) return 'short';
    left -= chunk.length;
  }
  return 'ok';
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** conv=block: each newline-ended line becomes one record of cbs bytes, padded with spaces or cut. */
class Blocker {
  private col = 0;
  truncated = 0;
  constructor(
    private readonly cbs: number,
    private readonly nl = 0x0a,
    private readonly sp = 0x20,
  ) {}
  convert(data: Uint8Array): Uint8Array {
    const out: number[] = [];
    for (const c of data) {
      if (c === this.nl) {
        for (let k = this.col; k < this.cbs; k++) out.push(this.sp);
        this.col = 0;
      } else {
        if (this.col === this.cbs) this.truncated++;
        else if (this.col < this.cbs) out.push(c);
        this.col++;
      }
    }
    return Uint8Array.from(out);
  }
  /** pads a last line that had no newline */
  end(): Uint8Array {
    return this.col > 0 && this.col < this.cbs ? new Uint8Array(this.cbs - this.col).fill(this.sp) : new Uint8Array(0);
  }
}

/** conv=unblock: records of cbs bytes become lines, trailing spaces dropped. */
class Unblocker {
  private col = 0;
  private spaces = 0;
  constructor(private readonly cbs: number) {}
  convert(data: Uint8Array): Uint8Array {
    const out: number[] = [];
    for (let i = 0; i < data.length; i++) {
      const c = data[i]!;
      if (this.col++ >= this.cbs) {
        this.col = this.spaces = 0;
        i--;
        out.push(0x0a);
      } else if (c === 0x20) this.spaces++;
      else {
        for (; this.spaces > 0; this.spaces--) out.push(0x20);
        out.push(c);
      }
    }
    return Uint8Array.from(out);
  }
  end(): Uint8Array {
    return this.col ? Uint8Array.of(0x0a) : new Uint8Array(0);
  }
}

async function copy(ctx: Ctx, j: Job): Promise<number> {
  const s: Stats = { rFull: 0, rPartial: 0, wFull: 0, wPartial: 0, bytes: 0, start: ctx.sys.now(), truncated: 0 };
  let interrupted = 0;
  ctx.sys.signal(SIGNALS.SIGINT, () => (interrupted = SIGNALS.SIGINT));
  ctx.sys.signal(SIGNALS.SIGUSR1, () => void printStats(ctx, s, j.status));
  let status = 0;
  if (j.skipBytes > 0n) {
    const r = await skipTo(ctx, j.inFd, j.inName, j.skipBytes, true);
    if (r === 'fatal') return printStats(ctx, s, j.status).then(() => 1);
    if (r === 'short' && j.status !== 'none') await ctx.error(`${quotef(j.inName)}: cannot skip to specified offset`);
  }
  if (j.seekBytes > 0n) {
    await ctx.out.flush();
    if ((await skipTo(ctx, j.outFd, j.outName, j.seekBytes, false)) === 'fatal') return printStats(ctx, s, j.status).then(() => 1);
  }
  const maxRecords = j.count < 0n ? Infinity : j.countB ? Number(j.count / BigInt(j.ibs)) : Number(j.count);
  const maxBytes = j.count < 0n || !j.countB ? 0 : Number(j.count % BigInt(j.ibs));
  let pending: Uint8Array = new Uint8Array(0);
  let saved: number | undefined;
  let tailDone = false;
  // apply_translations: EBCDIC to ASCII, then the case, then ASCII to EBCDIC; blocking
  // after an EBCDIC translation looks for its newline and pads with its space
  const table = Uint8Array.from({ length: 256 }, (_, i) => i);
  const through = (t: Uint8Array): void => table.forEach((v, i) => (table[i] = t[v]!));
  if (j.conv.has('ascii')) through(EBCDIC_TO_ASCII);
  if (j.conv.has('ucase')) table.forEach((v, i) => (table[i] = v >= 97 && v <= 122 ? v - 32 : v));
  else if (j.conv.has('lcase')) table.forEach((v, i) => (table[i] = v >= 65 && v <= 90 ? v + 32 : v));
  const toEbcdic = j.conv.has('ebcdic') ? ASCII_TO_EBCDIC : j.conv.has('ibm') ? ASCII_TO_IBM : undefined;
  if (toEbcdic) through(toEbcdic);
  const translate = ['ascii', 'ebcdic', 'ibm', 'ucase', 'lcase'].some((c) => j.conv.has(c));
  const nl = toEbcdic ? toEbcdic[0x0a]! : 0x0a;
  const sp = toEbcdic ? toEbcdic[0x20]! : 0x20;
  const block = new Blocker(j.cbs, nl, sp);
  const unblock = new Unblocker(j.cbs);
  // a full output block of two buffers fails as "writing to" (write_output), any other write as "error writing"
  let failVerb = 'error writing';
  const write = async (data: Uint8Array, verb = 'error writing'): Promise<void> => {
    await ctx.out.flush();
    try {
      await ctx.sys.write(j.outFd, data);
    } catch (e) {
      failVerb = verb;
      // a short write (the disk filled up) is a partial record before the error
      if (isSysError(e) && e.written) {
        s.bytes += e.written;
        s.wPartial++;
      }
      throw e;
    }
    s.bytes += data.length;
    if (data.length === j.obs) s.wFull++;
    else s.wPartial++;
  };
  try {
    for (;;) {
      await ctx.tick();
      if (interrupted) break;
      const records = s.rFull + s.rPartial;
      let want = j.ibs;
      if (records >= maxRecords) {
        if (maxBytes === 0 || tailDone) break;
        want = maxBytes;
        tailDone = true;
      }
      let buf: Uint8Array = new Uint8Array(0);
      for (;;) {
        let chunk: Uint8Array | null;
        try {
          chunk = await ctx.sys.read(j.inFd, want - buf.length);
        } catch (e) {
          if (isSysError(e)) throw new InputError(e);
          throw e;
        }
        if (chunk === null || chunk.length === 0) break;
        buf = concat(buf, chunk);
        if (!j.iflag.has('fullblock') || buf.length >= want) break;
      }
      if (buf.length === 0) break;
      if (buf.length === j.ibs) s.rFull++;
      else s.rPartial++;
      let data: Uint8Array = buf;
      if (j.conv.has('sync') && data.length < j.ibs) data = concat(data, new Uint8Array(j.ibs - data.length).fill(j.conv.has('block') || j.conv.has('unblock') ? 0x20 : 0));
      if (translate) data = data.map((c) => table[c]!);
      if (j.conv.has('swab')) {
        if (saved !== undefined) data = concat(Uint8Array.of(saved), data);
        saved = data.length % 2 ? data[data.length - 1] : undefined;
        if (saved !== undefined) data = data.subarray(0, data.length - 1);
        data = data.slice();
        for (let i = 0; i + 1 < data.length; i += 2) [data[i], data[i + 1]] = [data[i + 1]!, data[i]!];
      }
      if (j.conv.has('block')) data = block.convert(data);
      else if (j.conv.has('unblock')) data = unblock.convert(data);
      if (!j.twoBufs) await write(data);
      else {
        pending = concat(pending, data);
        while (pending.length >= j.obs) {
          await write(pending.subarray(0, j.obs), 'writing to');
          pending = pending.subarray(j.obs);
        }
      }
    }
    if (saved !== undefined) {
      // swab's odd last byte still goes through the record conversion
      let last: Uint8Array = Uint8Array.of(saved);
      if (j.conv.has('block')) last = block.convert(last);
      else if (j.conv.has('unblock')) last = unblock.convert(last);
      pending = concat(pending, last);
    }
    if (j.conv.has('block')) pending = concat(pending, block.end());
    else if (j.conv.has('unblock')) pending = concat(pending, unblock.end());
    s.truncated = block.truncated;
    // what is left goes out in output blocks too: whole ones, then a partial one
    while (j.twoBufs && pending.length >= j.obs) {
      await write(pending.subarray(0, j.obs), 'writing to');
      pending = pending.subarray(j.obs);
    }
    if (pending.length) await write(pending);
  } catch (e) {
    if (e instanceof InputError) {
      await ctx.perror(e.sysError, `error reading ${quoteaf(j.inName)}`);
      // a bad standard input also fails to close, and dd dies before its statistics
      if (await stdinCloseFailed(ctx, j.inFd === 0, `closing input file ${quoteaf(j.inName)}`)) return 1;
      status = 1;
    } else {
      if (!isSysError(e)) throw e;
      await ctx.perror(e, `${failVerb} ${quoteaf(j.outName)}`);
      status = 1;
    }
  }
  await printStats(ctx, s, j.status);
  if (interrupted) {
    await ctx.flush();
    ctx.sys.signal(interrupted, 'default');
    ctx.sys.kill(ctx.sys.pid, interrupted);
    await ctx.sys.sleep(1);
  }
  return status;
}

/** A failed read of the input (reported as "error reading"). */
class InputError extends Error {
  constructor(readonly sysError: SysError) {
    super('read failed');
  }
}
