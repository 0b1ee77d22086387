// split's ways of cutting its input (split.c): by lines or bytes as a stream, by bytes of
// whole lines (-C), and into N chunks (-n N, K/N, l/N, l/K/N, r/N, r/K/N).
import { isSysError, strerror, type SysError } from '../../shared/errno';
import type { Ctx } from './context';
import { writeBytes } from './output';
import { FileNames, SuffixesExhausted } from './split-names';
import { qaf, qf, readChunk } from './textio';
import { signalName } from '../../shared/signals';

export class Die extends Error {
  constructor(message: string, readonly status = 1) {
    super(message);
  }
}

export type Kind = 'lines' | 'bytes' | 'linebytes' | 'chunks' | 'lchunks' | 'rr' | 'digits';

/** The output files, created as data arrives (split.c cwrite). */
export class Writer {
  private fd: number | undefined;
  private name = '';
  /** --filter's shell for the current piece (its stdin is this.fd). */
  private child: number | undefined;
  /** --filter=COMMAND: each piece goes to `sh -c COMMAND` with FILE set to its name. */
  filter: string | undefined;
  constructor(private readonly ctx: Ctx, private readonly names: FileNames, private readonly verbose: boolean, private readonly elide: boolean, private readonly input: { dev: number; ino: number } | undefined) {}

  async write(newFile: boolean, data: Uint8Array | null): Promise<void> {
    if (newFile) {
      if (data === null && this.elide) return;
      await this.finish();
      try {
        this.name = this.names.next();
      } catch (e) {
        if (e instanceof SuffixesExhausted) throw new Die(e.message);
        throw e;
      }
      if (this.filter !== undefined) {
        await this.startFilter(this.filter);
      } else {
        if (this.verbose) await this.ctx.print(`creating file ${qaf(this.name)}\n`);
        await this.create();
      }
    }
    if (data && data.length) {
      try {
        await this.ctx.sys.write(this.fd!, data);
      } catch (e) {
        // a filter that stops reading early is not an error
        if (isSysError(e) && e.errno === 'EPIPE' && this.child !== undefined) return;
        if (isSysError(e)) throw new Die(`${qf(this.name)}: ${strerror(e.errno)}`);
        throw e;
      }
    }
  }

  /** Whether SIGPIPE was ignored before split ignored it for its filters (they get it back). */
  private sigpipeWasIgnored: boolean | undefined;

  private async startFilter(command: string): Promise<void> {
    const sys = this.ctx.sys;
    const SIGPIPE = 13;
    if (this.sigpipeWasIgnored === undefined) {
      this.sigpipeWasIgnored = sys.ignoredSignals().includes(SIGPIPE);
      // a filter that exits early must not kill split: its status is what counts
      sys.signal(SIGPIPE, 'ignore');
    }
    const ignore = sys.ignoredSignals().filter((sig) => sig !== SIGPIPE || this.sigpipeWasIgnored);
    if (this.verbose) await this.ctx.print(`executing with FILE=${this.name}\n`);
    const env = new Map(this.ctx.env);
    env.set('FILE', this.name);
    const [r, w] = sys.pipe();
    try {
      this.child = await sys.spawn({ path: '/bin/sh', argv: ['sh', '-c', command], env, fds: new Map([[0, r], [1, 1], [2, 2]]), ignore });
    } catch (e) {
      sys.close(r);
      sys.close(w);
      if (isSysError(e)) throw new Die(`fork system call failed: ${strerror(e.errno)}`);
      throw e;
    }
    sys.close(r);
    this.fd = w;
  }

  /** Ends the current piece: closes it, and waits for its filter (whose failure ends split). */
  async finish(): Promise<void> {
    this.close();
    const pid = this.child;
    if (pid === undefined) return;
    this.child = undefined;
    const w = await this.ctx.sys.wait(pid);
    const st = w?.status;
    if (st?.kind === 'exited' && st.code !== 0) {
      throw new Die(`with FILE=${this.name}, exit ${st.code} from command: ${this.filter}`, st.code);
    }
    if (st?.kind === 'signaled' && signalName(st.signal) !== 'SIGPIPE') {
      const name = (signalName(st.signal) ?? String(st.signal)).replace(/^SIG/, '');
      throw new Die(`with FILE=${this.name}, signal ${name} from command: ${this.filter}`, 128 + st.signal);
    }
  }

  private async create(): Promise<void> {
    try {
      this.fd = await this.ctx.sys.open(this.name, { write: true, create: true }, 0o666);
      const st = this.ctx.sys.fstat(this.fd);
      if (this.input && st.dev === this.input.dev && st.ino === this.input.ino) throw new Die(`${qaf(this.name)} would overwrite input; aborting`);
      this.ctx.sys.ftruncate(this.fd, 0);
    } catch (e) {
      if (isSysError(e)) throw new Die(`${qf(this.name)}: ${strerror(e.errno)}`);
      throw e;
    }
  }

  close(): void {
    if (this.fd !== undefined) this.ctx.sys.close(this.fd);
    this.fd = undefined;
  }
}

export async function readAll(ctx: Ctx, infile: string): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let n = 0;
  for (;;) {
    let c: Uint8Array | null;
    try {
      c = await readChunk(ctx, 0);
    } catch (e) {
      if (isSysError(e)) throw new Die(`${qf(infile)}: ${strerror(e.errno)}`);
      throw e;
    }
    if (c === null) break;
    parts.push(c);
    n += c.length;
  }
  const all = new Uint8Array(n);
  let off = 0;
  for (const p of parts) {
    all.set(p, off);
    off += p.length;
  }
  return all;
}

export async function streamSplit(ctx: Ctx, w: Writer, bytes: boolean, n: number, eol: number, infile: string): Promise<void> {
  let fresh = true;
  let count = 0;
  for (;;) {
    let c: Uint8Array | null;
    try {
      c = await readChunk(ctx, 0);
    } catch (e) {
      if (isSysError(e)) throw new Die(`${qf(infile)}: ${strerror(e.errno)}`);
      throw e;
    }
    if (c === null) return;
    let from = 0;
    for (;;) {
      let cut: number;
      if (bytes) cut = count + (c.length - from) >= n ? from + (n - count) : -1;
      else {
        cut = -1;
        for (let i = c.indexOf(eol, from); i >= 0; i = c.indexOf(eol, i + 1)) {
          if (++count >= n) {
            cut = i + 1;
            break;
          }
        }
      }
      if (cut < 0) {
        if (from < c.length) {
          await w.write(fresh, c.subarray(from));
          fresh = false;
          if (bytes) count += c.length - from;
        }
        break;
      }
      await w.write(fresh, c.subarray(from, cut));
      from = cut;
      fresh = true;
      count = 0;
    }
  }
}

export async function lineBytes(ctx: Ctx, w: Writer, n: number, eol: number, infile: string): Promise<void> {
  // each file: the longest run of whole records that fits, or n bytes of a longer one
  let pending = new Uint8Array(0);
  let eof = false;
  while (!eof || pending.length) {
    while (!eof && pending.length <= n) {
      let c: Uint8Array | null;
      try {
        c = await readChunk(ctx, 0);
      } catch (e) {
        if (isSysError(e)) throw new Die(`${qf(infile)}: ${strerror(e.errno)}`);
        throw e;
      }
      if (c === null) eof = true;
      else {
        const merged = new Uint8Array(pending.length + c.length);
        merged.set(pending);
        merged.set(c, pending.length);
        pending = merged;
      }
    }
    if (pending.length === 0) break;
    let take: number;
    if (pending.length <= n && eof) take = pending.length;
    else {
      const window = pending.subarray(0, n);
      const last = window.lastIndexOf(eol);
      take = last >= 0 ? last + 1 : Math.min(n, pending.length);
    }
    await w.write(true, pending.subarray(0, take));
    pending = pending.subarray(take);
  }
}

export async function chunked(ctx: Ctx, w: Writer, kind: Kind, k: number, n: number, eol: number, data: Uint8Array): Promise<void> {
  const size = data.length;
  if (kind === 'rr') {
    const lines: [number, number][] = [];
    for (let s = 0; s < size;) {
      const e = data.indexOf(eol, s);
      const end = e < 0 ? size : e + 1;
      lines.push([s, end]);
      s = end;
    }
    if (k) {
      const out = lines.filter((_, i) => i % n === k - 1).map(([s, e]) => data.subarray(s, e));
      for (const part of out) await emit(ctx, part);
      return;
    }
    for (let f = 0; f < n; f++) {
      const mine = lines.filter((_, i) => i % n === f);
      if (mine.length === 0) {
        await w.write(true, null);
        continue;
      }
      await w.write(true, new Uint8Array(0));
      for (const [s, e] of mine) await w.write(false, data.subarray(s, e));
    }
    return;
  }
  const fileSize = Math.max(size, n);
  const chunk = Math.floor(fileSize / n);
  if (kind === 'chunks') {
    if (k) {
      const start = (k - 1) * chunk;
      const end = k === n ? fileSize : k * chunk;
      await emit(ctx, data.subarray(Math.min(start, size), Math.min(end, size)));
      return;
    }
    for (let f = 0; f < n; f++) {
      const s = f * chunk;
      const e = f === n - 1 ? size : Math.min(size, (f + 1) * chunk);
      if (s >= size) await w.write(true, null);
      else await w.write(true, data.subarray(s, e));
    }
    return;
  }
  // l/N: chunk f ends at the first record end at or after its last byte; a record that
  // runs past several boundaries leaves the chunks it swallowed empty (lines_chunk_split)
  let pos = 0;
  for (let f = 1; f <= n; f++) {
    const last = f === n ? size - 1 : f * chunk - 1;
    let end = pos;
    if (pos <= last && pos < size) {
      const e = f === n ? -1 : data.indexOf(eol, last);
      end = e < 0 ? size : e + 1;
    }
    const part = data.subarray(pos, end);
    if (k) {
      if (f === k) await emit(ctx, part);
    } else await w.write(true, part.length ? part : null);
    pos = end;
  }
}

async function emit(ctx: Ctx, data: Uint8Array): Promise<void> {
  const err: SysError | undefined = await writeBytes(ctx, data);
  if (err) {
    await ctx.tick();
    ctx.out.reported = true;
    throw new Die(`write error: ${strerror(err.errno)}`);
  }
}
