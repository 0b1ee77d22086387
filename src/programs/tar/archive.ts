// The archive as a stream of 512-byte blocks grouped in records (20 blocks, 10240 bytes, by
// default): a writer that fills and pads whole records, a reader that hands out blocks, and
// the compression programs tar runs beside itself (`/bin/sh -c gzip` to compress, `gzip -d`
// found in PATH to decompress), whose exit statuses tar reports.
import { isSysError, strerror } from '../../shared/errno';
import { statusCode } from '../../shared/process';
import { findInPath } from '../lib/path-search';
import { BLOCK } from './header';
import type { Tar } from './state';

export class ArchiveWriter {
  private buf: Uint8Array;
  private used: number;
  /** Bytes written so far (as the archive, before compression). */
  written = 0;
  /** Records written (what --totals counts). */
  records = 0;

  constructor(
    private readonly tar: Tar,
    readonly fd: number,
    private readonly recordSize: number,
    /** Where in its record the first byte lands (appending in the middle of a record). */
    offset = 0,
    private readonly toChild = false,
  ) {
    this.buf = new Uint8Array(recordSize);
    this.used = offset;
    this.start = offset;
  }

  private start: number;
  /** Set once the compressor has gone away: the rest is dropped and its status reported. */
  private broken = false;

  async write(data: Uint8Array): Promise<void> {
    let at = 0;
    while (at < data.length) {
      const n = Math.min(data.length - at, this.buf.length - this.used);
      this.buf.set(data.subarray(at, at + n), this.used);
      this.used += n;
      at += n;
      this.written += n;
      if (this.used === this.buf.length) await this.flushRecord();
    }
  }

  /** Pads `n` bytes of data to a whole number of blocks. */
  async pad(n: number): Promise<void> {
    const rest = n % BLOCK;
    if (rest) await this.write(new Uint8Array(BLOCK - rest));
  }

  private async flushRecord(): Promise<void> {
    const data = this.buf.subarray(this.start, this.used);
    this.records++;
    this.start = 0;
    this.used = 0;
    try {
      if (!this.broken) await this.tar.sys.write(this.fd, data);
    } catch (e) {
      if (!isSysError(e)) throw e;
      if (e.errno === 'EPIPE' && this.toChild) {
        this.broken = true;
        return;
      }
      await this.tar.fatal(`${this.tar.archiveName === '-' ? 'stdout' : this.tar.archiveName}: Cannot write: ${strerror(e.errno)}`);
    }
    this.buf = new Uint8Array(this.recordSize);
    await this.tar.tick();
  }

  /** The end-of-archive marker (two zero blocks), then zeros to the end of the record. */
  async finish(): Promise<void> {
    await this.write(new Uint8Array(2 * BLOCK));
    if (this.used > 0) {
      this.used = this.buf.length;
      await this.flushRecord();
    }
  }
}

export class ArchiveReader {
  private chunks: Uint8Array[] = [];
  private have = 0;
  private eof = false;
  /** Blocks handed out so far. */
  blockNo = 0;

  constructor(
    private readonly tar: Tar,
    public fd: number,
    first?: Uint8Array,
  ) {
    if (first && first.length) {
      this.chunks.push(first);
      this.have = first.length;
    }
  }

  private async fill(n: number): Promise<void> {
    while (this.have < n && !this.eof) {
      let c: Uint8Array | null;
      try {
        c = await this.tar.sys.read(this.fd, Math.max(65536, n - this.have));
      } catch (e) {
        if (!isSysError(e)) throw e;
        const name = this.tar.archiveName === '-' ? 'stdin' : this.tar.archiveName;
        const text = `${name}: Cannot read: ${strerror(e.errno)}`;
        if (this.blockNo > 0) return this.tar.fatal(text);
        await this.tar.warn(text);
        return this.tar.fatal('At beginning of tape, quitting now');
      }
      if (c === null || c.length === 0) this.eof = true;
      else {
        this.chunks.push(c);
        this.have += c.length;
      }
      await this.tar.tick();
    }
  }

  private take(n: number): Uint8Array {
    const out = new Uint8Array(Math.min(n, this.have));
    let at = 0;
    while (at < out.length) {
      const c = this.chunks[0]!;
      const k = Math.min(c.length, out.length - at);
      out.set(c.subarray(0, k), at);
      at += k;
      if (k === c.length) this.chunks.shift();
      else this.chunks[0] = c.subarray(k);
    }
    this.have -= out.length;
    return out;
  }

  /** The first bytes, without consuming them. */
  async peek(n: number): Promise<Uint8Array> {
    await this.fill(n);
    const all = this.take(n);
    if (all.length) {
      this.chunks.unshift(all);
      this.have += all.length;
    }
    return all;
  }

  /** The next block: 512 bytes, fewer at a ragged end, null at the end. */
  async block(): Promise<Uint8Array | null> {
    await this.fill(BLOCK);
    if (this.have === 0) return null;
    const b = this.take(BLOCK);
    if (b.length === BLOCK) this.blockNo++;
    return b;
  }

  /** Hands `size` bytes of member data (padded to blocks) to `sink`; false at an early end. */
  async data(size: number, sink?: (chunk: Uint8Array) => Promise<void>): Promise<boolean> {
    let left = size;
    const blocks = Math.ceil(size / BLOCK);
    for (let i = 0; i < blocks; ) {
      await this.fill(BLOCK);
      const want = Math.min(this.have - (this.have % BLOCK), (blocks - i) * BLOCK, 65536);
      if (want === 0) {
        return false;
      }
      const chunk = this.take(want);
      const n = want / BLOCK;
      i += n;
      this.blockNo += n;
      const useful = chunk.subarray(0, Math.min(left, chunk.length));
      left -= useful.length;
      if (sink && useful.length) await sink(useful);
    }
    return true;
  }
}

/** The option that selects a compressor, for "Archive is compressed. Use -z option". */
const MAGICS: [number[], string, string][] = [
  [[0x1f, 0x8b], 'gzip', '-z'],
  [[0x42, 0x5a, 0x68], 'bzip2', '-j'],
  [[0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], 'xz', '-J'],
  [[0x1f, 0x9d], 'compress', '-Z'],
  [[0x4c, 0x5a, 0x49, 0x50], 'lzip', '--lzip'],
  [[0x28, 0xb5, 0x2f, 0xfd], 'zstd', '--zstd'],
  [[0x89, 0x4c, 0x5a, 0x4f], 'lzop', '--lzop'],
  [[0x5d, 0x00, 0x00], 'lzma', '--lzma'],
];

export function detectCompression(head: Uint8Array): { prog: string; option: string } | undefined {
  for (const [magic, prog, option] of MAGICS) if (magic.every((b, i) => head[i] === b)) return { prog, option };
  return undefined;
}

const SUFFIXES: [RegExp, string][] = [
  [/\.(gz|tgz|taz)$/, 'gzip'], [/\.(Z|taZ)$/, 'compress'], [/\.(bz2|tbz|tbz2|tz2)$/, 'bzip2'], [/\.(lz)$/, 'lzip'],
  [/\.(lzma|tlz)$/, 'lzma'], [/\.(lzo)$/, 'lzop'], [/\.(xz|txz)$/, 'xz'], [/\.(zst|tzst)$/, 'zstd'],
];

/** -a: the compressor the archive's suffix names. */
export function compressorForSuffix(name: string): string | undefined {
  return SUFFIXES.find(([re]) => re.test(name))?.[1];
}

/** A compression program running beside tar. */
export interface Child {
  pid: number;
  /** The end tar reads or writes. */
  fd: number;
}

/** Starts `/bin/sh -c PROG` reading what tar writes and writing to `outFd`. */
export async function startCompressor(tar: Tar, prog: string, outFd: number): Promise<Child> {
  const sys = tar.sys;
  const [r, w] = sys.pipe();
  sys.setCloexec(w, true);
  let pid: number;
  try {
    pid = await sys.spawn({ path: '/bin/sh', argv: ['/bin/sh', '-c', prog], env: new Map(sys.env), fds: new Map([[0, r], [1, outFd], [2, 2]]) });
  } catch (e) {
    sys.close(r);
    sys.close(w);
    if (!isSysError(e)) throw e;
    await tar.ctx.err.write(`tar (child): /bin/sh: Cannot exec: ${strerror(e.errno)}\n`);
    return tar.fatal('Child returned status 2');
  }
  sys.close(r);
  // a compressor that dies shows as its exit status, not as tar killed by SIGPIPE
  sys.signal(13, 'ignore');
  return { pid, fd: w };
}

/** Starts `PROG -d` (found in PATH) reading `inFd`; tar reads its output. */
export async function startDecompressor(tar: Tar, prog: string, inFd: number): Promise<Child> {
  const sys = tar.sys;
  const path = prog.includes('/') ? prog : await findInPath(sys, prog, sys.env.get('PATH') ?? '/bin:/usr/bin');
  const cannot = async (errno: string): Promise<never> => {
    await tar.ctx.err.write(`tar (child): ${prog}: Cannot exec: ${errno}\n`);
    await tar.ctx.err.write('tar (child): Error is not recoverable: exiting now\n');
    return tar.fatal('Child returned status 2');
  };
  if (!path) return cannot(strerror('ENOENT'));
  const [r, w] = sys.pipe();
  sys.setCloexec(r, true);
  let pid: number;
  try {
    pid = await sys.spawn({ path, argv: [prog, '-d'], env: new Map(sys.env), fds: new Map([[0, inFd], [1, w], [2, 2]]) });
  } catch (e) {
    sys.close(r);
    sys.close(w);
    if (!isSysError(e)) throw e;
    return cannot(strerror(e.errno));
  }
  sys.close(w);
  return { pid, fd: r };
}

/** Waits for a compression program; its failure ends the run as GNU tar reports it. */
export async function reapChild(tar: Tar, child: Child): Promise<void> {
  const res = await tar.sys.wait(child.pid);
  if (!res) return;
  const s = res.status;
  if (s.kind === 'exited' && s.code === 0) return;
  if (s.kind === 'signaled') {
    if (s.signal === 13) return; // SIGPIPE: tar stopped reading early
    return tar.fatal(`Child died with signal ${s.signal}`);
  }
  return tar.fatal(`Child returned status ${statusCode(s)}`);
}
