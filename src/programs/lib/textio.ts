// Byte-exact streaming I/O for the text filters (head, sort, cut, tr ...). Data is handled
// as "binary strings": one UTF-16 unit per byte (0-255), so lengths, comparisons (C-locale
// memcmp order) and slicing are byte-exact, and JS string operations stay fast.
import { isSysError, strerror, type SysError } from '../../shared/errno';
import type { Ctx } from './context';
import { writeBytes } from './output';
import { quotearg, quoteaf } from './quotearg';

/** coreutils' three quotings of names in messages: quoteaf (always), quotef (when needed), quote. */
export const qaf = (s: string): string => quoteaf(s);
export const qf = (s: string): string => quotearg(s, { style: 'shell-escape', quoteToo: ':' });
export const ql = (s: string): string => quotearg(s, { style: 'locale' });

export const CHUNK = 65536;

const encoder = new TextEncoder();

// Browsers decode "latin1" as windows-1252 (0x80-0x9f become other characters); Node
// keeps every byte. Decode natively, then map any such character back to its byte.
const latin1 = new TextDecoder('latin1');
const REMAP = new Map<string, string>();
{
  const all = latin1.decode(Uint8Array.from({ length: 256 }, (_, i) => i));
  for (let i = 0; i < 256; i++) if (all.charCodeAt(i) !== i) REMAP.set(all[i]!, String.fromCharCode(i));
}
// eslint-disable-next-line no-control-regex
const WIDE = /[^\x00-\xff]/;
// eslint-disable-next-line no-control-regex
const WIDE_ALL = /[^\x00-\xff]/g;

/** Bytes as a binary string. */
export function bin(u8: Uint8Array, start = 0, end = u8.length): string {
  const s = latin1.decode(start === 0 && end === u8.length ? u8 : u8.subarray(start, end));
  return REMAP.size && WIDE.test(s) ? s.replace(WIDE_ALL, (c) => REMAP.get(c) ?? c) : s;
}

/** A binary string back to bytes. */
export function unbin(s: string): Uint8Array {
  // all ASCII: the native UTF-8 encoder gives the same bytes, much faster
  const fast = encoder.encode(s);
  if (fast.length === s.length) return fast;
  const u = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) u[i] = s.charCodeAt(i);
  return u;
}

/** A command-line argument (Unicode text) as the UTF-8 bytes the real program would see. */
export function binArg(s: string): string {
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(s) ? s : bin(encoder.encode(s));
}

/** A binary string shown in a message (decoded as UTF-8). */
export function textOf(s: string): string {
  return new TextDecoder().decode(unbin(s));
}

/** Buffered stdout for binary strings; a failed write is kept and reported by finish(). */
export class Output {
  private parts: string[] = [];
  private size = 0;
  failed: SysError | undefined;
  private readonly tty: boolean;
  /** Everything written so far, to know whether stdio's 4 KiB buffer had overflowed. */
  private total = 0;
  /**
   * How the program words a failure once its output went past stdio's buffer (so the stream
   * failed before exit and close_stdout adds its own bare "write error"): 'errno' (one
   * message), 'bare' (tac), 'errno+bare' (expand, paste, base64, shuf), 'bare+errno' (od).
   */
  largeFailure: 'errno' | 'bare' | 'errno+bare' | 'bare+errno' = 'errno';

  constructor(private readonly ctx: Ctx, private readonly limit = CHUNK, private readonly fd = 1) {
    this.tty = ctx.sys.isatty(fd);
  }

  write(s: string): Promise<void> | undefined {
    if (this.failed || s === '') return undefined;
    this.parts.push(s);
    this.size += s.length;
    this.total += s.length;
    if (this.size >= this.limit || (this.tty && s.includes('\n'))) return this.flush();
    return undefined;
  }

  /** Buffers without flushing; call drain() once per batch. */
  push(s: string): void {
    if (this.failed || s === '') return;
    this.parts.push(s);
    this.size += s.length;
    this.total += s.length;
  }

  /** Flushes when the buffer is full (or, on a terminal, holds a line end). */
  drain(): Promise<void> | undefined {
    if (this.size >= this.limit || (this.tty && this.size > 0)) return this.flush();
    return undefined;
  }

  async flush(): Promise<void> {
    if (this.size === 0 || this.failed) return;
    const text = this.parts.length === 1 ? this.parts[0]! : this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (this.fd === 1) {
      this.failed = await writeBytes(this.ctx, unbin(text));
      return;
    }
    try {
      await this.ctx.sys.write(this.fd, unbin(text));
    } catch (e) {
      if (!isSysError(e)) throw e;
      this.failed = e;
    }
  }

  /**
   * Flushes; after a failed write prints coreutils' `write error` (close_stdout) and gives
   * 1. A broken pipe is first a SIGPIPE, which ends the process at the tick. `stale`: the
   * program flushed stdout as it went (wc, the digests), so by exit the stream's error has lost
   * its errno and the message is a bare "write error".
   */
  async finish(status: number, stale = false): Promise<number> {
    await this.flush();
    if (!this.failed) return status;
    await this.ctx.tick();
    // a closed descriptor still fails fclose itself, which keeps its errno
    const closed = this.failed.errno === 'EBADF';
    const full = `write error: ${strerror(this.failed.errno)}`;
    let lines = [stale && !closed ? 'write error' : full];
    if (this.total > 4096 && !stale) {
      const mode = this.largeFailure;
      // tac's lone message keeps the errno of a closed descriptor
      if (mode === 'bare') lines = [closed ? full : 'write error'];
      else if (mode === 'errno+bare') lines = [full, 'write error'];
      else if (mode === 'bare+errno') lines = ['write error', full];
    }
    for (const line of lines) await this.ctx.error(line);
    this.ctx.out.reported = true;
    return 1;
  }
}

/** Opens an input operand ('-' is stdin); the SysError when it fails. */
export async function openInput(ctx: Ctx, name: string): Promise<number | SysError> {
  if (name === '-') return 0;
  try {
    const fd = await ctx.sys.open(name, { read: true });
    // with standard input closed, a named file gets descriptor 0: it must be closed after it
    if (fd === 0) namedZero.add(ctx);
    return fd;
  } catch (e) {
    if (isSysError(e)) return e;
    throw e;
  }
}

/** Programs whose descriptor 0 is currently a file opened by name (not standard input). */
const namedZero = new WeakSet<Ctx>();

export function closeInput(ctx: Ctx, fd: number): void {
  if (fd !== 0) ctx.sys.close(fd);
  else if (namedZero.delete(ctx)) ctx.sys.close(0);
}

/**
 * Runs `each` on every input operand, open ('-' is stdin), as the coreutils filters do: a file
 * that cannot be opened or read is reported as `FILE: error` after what `out` holds, and the
 * others go on. Whether every file went through.
 */
export async function eachInput(ctx: Ctx, out: Output, files: string[], each: (fd: number, file: string) => Promise<void>): Promise<boolean> {
  let ok = true;
  const fail = async (file: string, e: SysError): Promise<void> => {
    await out.flush();
    await ctx.error(`${qf(file)}: ${strerror(e.errno)}`);
    ok = false;
  };
  for (const file of files) {
    const fd = await openInput(ctx, file);
    if (typeof fd !== 'number') {
      await fail(file, fd);
      continue;
    }
    try {
      await each(fd, file);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await fail(file, e);
    } finally {
      closeInput(ctx, fd);
    }
  }
  return ok;
}

/** One read with a tick before it; null at end of file. Throws the SysError of a failed read. */
export async function readChunk(ctx: Ctx, fd: number, max = CHUNK): Promise<Uint8Array | null> {
  await ctx.tick();
  return ctx.sys.read(fd, max);
}

/**
 * Splits a descriptor into lines (without their delimiter), a batch per read. The last line
 * comes even when it has no delimiter; `unterminated` then says so.
 */
export class LineReader {
  private pending: string[] = [];
  private eof = false;
  unterminated = false;
  private readonly delimByte: number;

  constructor(private readonly ctx: Ctx, private readonly fd: number, private readonly delim = '\n') {
    this.delimByte = delim.charCodeAt(0);
  }

  /** The next lines; null after the last. Read errors are thrown (SysError). */
  async next(): Promise<string[] | null> {
    for (;;) {
      if (this.eof) return null;
      const chunk = await readChunk(this.ctx, this.fd);
      if (chunk === null) {
        this.eof = true;
        if (this.pending.length === 0) return null;
        const last = this.pending.join('');
        this.pending = [];
        if (last === '') return null;
        this.unterminated = true;
        return [last];
      }
      if (chunk.indexOf(this.delimByte) < 0) {
        this.pending.push(bin(chunk));
        continue;
      }
      this.pending.push(bin(chunk));
      const text = this.pending.length === 1 ? this.pending[0]! : this.pending.join('');
      const lines = text.split(this.delim);
      this.pending = [lines.pop()!];
      return lines;
    }
  }
}

/**
 * Reads every line of a descriptor (for tools that must see all input: sort, tac). What is
 * held is charged to the process as it arrives, as readAllBin does.
 */
export async function readAllLines(ctx: Ctx, fd: number, delim = '\n', into: string[] = []): Promise<{ lines: string[]; unterminated: boolean }> {
  const r = new LineReader(ctx, fd, delim);
  for (;;) {
    const batch = await r.next();
    if (batch === null) break;
    let bytes = 0;
    for (const l of batch) bytes += l.length + 1;
    ctx.sys.alloc(bytes);
    for (const l of batch) into.push(l);
  }
  return { lines: into, unterminated: r.unterminated };
}

/**
 * Reads a whole descriptor as a binary string. The memory it holds is charged to the process
 * chunk by chunk (sys.alloc), so an endless input (`/dev/zero`) meets the OOM killer, or
 * ENOMEM under `ulimit -v`, instead of exhausting the host.
 */
export async function readAllBin(ctx: Ctx, fd: number): Promise<string> {
  const parts: string[] = [];
  for (;;) {
    const chunk = await readChunk(ctx, fd);
    if (chunk === null) break;
    ctx.sys.alloc(chunk.length);
    parts.push(bin(chunk));
  }
  return parts.join('');
}

export function errnoText(e: SysError): string {
  return strerror(e.errno);
}

/**
 * coreutils close standard input at exit when they read it; with descriptor 0 closed from the
 * start that close fails with EBADF and is reported as `WHAT: Bad file descriptor` (WHAT is "-",
 * "standard input" or "closing standard input" depending on the program). Whether it failed.
 */
export async function stdinCloseFailed(ctx: Ctx, readStdin: boolean, what: string): Promise<boolean> {
  if (!readStdin) return false;
  try {
    ctx.sys.fstat(0);
    return false;
  } catch (e) {
    if (!isSysError(e) || e.errno !== 'EBADF') return false;
    await ctx.error(`${what}: ${strerror(e.errno)}`);
    return true;
  }
}
