// awk's redirections: output files (> >>) and pipes (| cmd), input files (getline < f) and
// commands (cmd | getline), all kept open by name until close(); system(); /dev/std*.
import { isSysError, strerror, type Errno } from '../../shared/errno';
import { statusCode, type WaitStatus } from '../../shared/process';
import type { Sys } from '../../shared/sys';
import { AwkFatal } from './errors';
import { RecordReader, type Codec } from './records';

const SIGPIPE = 13;

export class OutStream {
  private parts: string[] = [];
  private size = 0;
  private from = 'print';
  broken = false;

  constructor(
    private readonly sys: Sys,
    readonly fd: number,
    private readonly codec: Codec,
    private readonly lineBuffered: boolean,
    /** A redirection's name; undefined for stdout and stderr. */
    private readonly name: string | undefined = undefined,
  ) {}

  async write(s: string, from = 'print'): Promise<void> {
    if (this.broken || s === '') return;
    this.from = from;
    this.parts.push(s);
    this.size += s.length;
    if (this.size >= 8192 || (this.lineBuffered && s.includes('\n'))) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.size === 0) return;
    const text = this.parts.length === 1 ? this.parts[0]! : this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (this.broken) return;
    try {
      await this.sys.write(this.fd, this.codec.encode(text));
    } catch (e) {
      if (!isSysError(e)) throw e;
      this.broken = true;
      if (this.name !== undefined) throw new AwkFatal(`${this.from} to "${this.name}" failed: ${strerror(e.errno)}`);
      if (e.errno === 'EPIPE' && this.fd === 1) {
        // like gawk: die of the SIGPIPE that writing to stdout would have raised
        this.sys.signal(SIGPIPE, 'default');
        this.sys.kill(this.sys.pid, SIGPIPE);
        await this.sys.tick();
      }
    }
  }
}

interface Output {
  kind: 'out';
  stream: OutStream;
  pid: number | undefined;
}
interface Input {
  kind: 'in';
  reader: RecordReader;
  pid: number | undefined;
}
/** A co-process (`|&`): its standard input and output, each until closed. */
interface Coproc {
  kind: 'co';
  stream: OutStream | undefined;
  reader: RecordReader | undefined;
  pid: number;
}

/** The exit status close() and system() report: the code, or 256 + the signal. */
function closeStatus(s: WaitStatus): number {
  if (s.kind === 'signaled') return 256 + s.signal + (s.core ? 256 : 0);
  return statusCode(s);
}

export class IoTable {
  readonly stdout: OutStream;
  readonly stderr: OutStream;
  private stdinReader: RecordReader | undefined;
  private readonly open = new Map<string, Output | Input | Coproc>();

  /** Whether SIGPIPE was ignored when awk started (awk itself ignores it, its children not). */
  private readonly sigpipeIgnored: boolean;

  constructor(
    private readonly sys: Sys,
    private readonly codec: Codec,
    /** The environment for commands (ENVIRON as it is now). */
    private readonly environ: () => Map<string, string>,
  ) {
    this.sigpipeIgnored = sys.ignoredSignals().includes(SIGPIPE);
    sys.signal(SIGPIPE, 'ignore');
    this.stdout = new OutStream(sys, 1, codec, sys.isatty(1));
    this.stderr = new OutStream(sys, 2, codec, true);
  }

  stdin(): RecordReader {
    this.stdinReader ??= new RecordReader(this.sys, 0, this.codec);
    return this.stdinReader;
  }

  reader(fd: number): RecordReader {
    return fd === 0 ? this.stdin() : new RecordReader(this.sys, fd, this.codec);
  }

  /** Runs `sh -c cmd` with the given descriptors; returns its pid. */
  private async spawnShell(cmd: string, fds: Map<number, number>): Promise<number> {
    await this.stdout.flush();
    const ignore = this.sys.ignoredSignals().filter((sig) => sig !== SIGPIPE || this.sigpipeIgnored);
    const env = new Map<string, string>();
    for (const [k, v] of this.environ()) env.set(this.codec.toHost(k), this.codec.toHost(v));
    return this.sys.spawn({ path: '/bin/sh', argv: ['sh', '-c', this.codec.toHost(cmd)], env, fds, ignore });
  }

  async output(mode: '>' | '>>' | '|' | '|&', name: string): Promise<OutStream> {
    if (name === '') throw new AwkFatal(`expression for \`${mode}' redirection has null string value`);
    const cur = this.open.get(name);
    if (cur?.kind === 'out') return cur.stream;
    if (mode === '|&') {
      const co = await this.coproc(name);
      if (!co.stream) throw new AwkFatal(`print: attempt to write to closed write end of two-way pipe`);
      return co.stream;
    }
    if (mode !== '|') {
      if (name === '/dev/stdout' || name === '-' || name === '/dev/fd/1') return this.stdout;
      if (name === '/dev/stderr' || name === '/dev/fd/2') return this.stderr;
      const fdm = /^\/dev\/fd\/(\d+)$/.exec(name);
      let fd: number;
      try {
        // gawk dups /dev/fd/N when N is open; otherwise it opens the name as any other (ENOENT)
        const open = (): Promise<number> => this.sys.open(this.codec.toHost(name), { write: true, create: true, truncate: mode === '>', append: mode === '>>' }, 0o666);
        if (fdm) fd = await Promise.resolve().then(() => this.sys.dup(Number(fdm[1]))).catch((e: unknown) => (isSysError(e) && e.errno === 'EBADF' ? open() : Promise.reject(e)));
        else fd = await open();
      } catch (e) {
        if (!isSysError(e)) throw e;
        throw new AwkFatal(`cannot redirect to \`${name}': ${strerror(e.errno)}`);
      }
      this.sys.setCloexec(fd, true);
      const stream = new OutStream(this.sys, fd, this.codec, false, name);
      this.open.set(name, { kind: 'out', stream, pid: undefined });
      return stream;
    }
    const [r, w] = this.sys.pipe();
    this.sys.setCloexec(w, true);
    let pid: number;
    try {
      pid = await this.spawnShell(name, new Map([[0, r], [1, 1], [2, 2]]));
    } catch (e) {
      this.sys.close(r);
      this.sys.close(w);
      if (!isSysError(e)) throw e;
      throw new AwkFatal(`can't open pipe \`${name}' for output (${strerror(e.errno)})`);
    }
    this.sys.close(r);
    const stream = new OutStream(this.sys, w, this.codec, false, name);
    this.open.set(name, { kind: 'out', stream, pid });
    return stream;
  }

  /** The co-process `name`, started on first use with a pipe each way. */
  private async coproc(name: string): Promise<Coproc> {
    const cur = this.open.get(name);
    if (cur?.kind === 'co') return cur;
    const [r0, w0] = this.sys.pipe();
    const [r1, w1] = this.sys.pipe();
    this.sys.setCloexec(w0, true);
    this.sys.setCloexec(r1, true);
    let pid: number;
    try {
      pid = await this.spawnShell(name, new Map([[0, r0], [1, w1], [2, 2]]));
    } catch (e) {
      for (const fd of [r0, w0, r1, w1]) this.sys.close(fd);
      if (!isSysError(e)) throw e;
      throw new AwkFatal(`can't open two way pipe \`${name}' for input/output (${strerror(e.errno)})`);
    }
    this.sys.close(r0);
    this.sys.close(w1);
    const co: Coproc = { kind: 'co', stream: new OutStream(this.sys, w0, this.codec, false, name), reader: new RecordReader(this.sys, r1, this.codec), pid };
    this.open.set(name, co);
    return co;
  }

  /** Why the last input() gave nothing (for ERRNO). */
  openError: Errno = 'ENOENT';

  /** The reader for `getline < name`, `name | getline` or `name |& getline`; undefined when it cannot be opened. */
  async input(name: string, kind: 'file' | 'cmd' | 'co'): Promise<RecordReader | undefined> {
    const cmd = kind !== 'file';
    if (name === '') throw new AwkFatal(`expression for \`${kind === 'co' ? '|&' : cmd ? '|' : '<'}' redirection has null string value`);
    const cur = this.open.get(name);
    if (cur?.kind === 'in') return cur.reader;
    if (kind === 'co') {
      const co = await this.coproc(name);
      // what was printed to it goes first, so that it can answer
      await co.stream?.flush();
      return co.reader;
    }
    if (!cmd) {
      if (name === '-' || name === '/dev/stdin') return this.stdin();
      let fd: number;
      const fdm = /^\/dev\/fd\/(\d+)$/.exec(name);
      try {
        fd = fdm ? this.sys.dup(Number(fdm[1])) : await this.sys.open(this.codec.toHost(name), { read: true });
        if (this.sys.fstat(fd).kind === 'dir') {
          this.sys.close(fd);
          this.openError = 'EISDIR';
          return undefined;
        }
      } catch (e) {
        if (!isSysError(e)) throw e;
        this.openError = e.errno;
        return undefined;
      }
      this.sys.setCloexec(fd, true);
      const reader = new RecordReader(this.sys, fd, this.codec, fdm !== null);
      this.open.set(name, { kind: 'in', reader, pid: undefined });
      return reader;
    }
    for (const o of this.open.values()) if (o.kind !== 'in') await o.stream?.flush();
    const [r, w] = this.sys.pipe();
    this.sys.setCloexec(r, true);
    let pid: number;
    try {
      pid = await this.spawnShell(name, new Map([[0, 0], [1, w], [2, 2]]));
    } catch (e) {
      this.sys.close(r);
      this.sys.close(w);
      if (!isSysError(e)) throw e;
      return undefined;
    }
    this.sys.close(w);
    const reader = new RecordReader(this.sys, r, this.codec);
    this.open.set(name, { kind: 'in', reader, pid });
    return reader;
  }

  /** close(name[, how]): -1 when nothing of that name is open; a command's exit status. */
  async close(name: string, how?: 'to' | 'from'): Promise<number> {
    const cur = this.open.get(name);
    if (cur?.kind === 'co') return this.closeCoproc(name, cur, how);
    if (!cur) {
      if (name === '/dev/stdout' || name === '-') {
        await this.stdout.flush();
        return 0;
      }
      if (name === '/dev/stderr') return 0;
      return -1;
    }
    this.open.delete(name);
    if (cur.kind === 'out') {
      try {
        await cur.stream.flush();
      } catch (e) {
        if (!(e instanceof AwkFatal)) throw e;
      }
    }
    try {
      this.sys.close(cur.kind === 'out' ? cur.stream.fd : cur.reader.fd);
    } catch {
      // already closed
    }
    if (cur.pid === undefined) return 0;
    const w = await this.sys.wait(cur.pid);
    return w ? closeStatus(w.status) : -1;
  }

  private async closeCoproc(name: string, co: Coproc, how: 'to' | 'from' | undefined): Promise<number> {
    if (how !== 'from' && co.stream) {
      try {
        await co.stream.flush();
      } catch (e) {
        if (!(e instanceof AwkFatal)) throw e;
      }
      this.sys.close(co.stream.fd);
      co.stream = undefined;
    }
    if (how !== 'to' && co.reader) {
      this.sys.close(co.reader.fd);
      co.reader = undefined;
    }
    if (co.stream || co.reader) return 0;
    this.open.delete(name);
    const w = await this.sys.wait(co.pid);
    return w ? closeStatus(w.status) : -1;
  }

  /** fflush(name): 0; -1 when nothing of that name is open, -2 for a file and -3 for a pipe open for reading. */
  async flush(name?: string): Promise<number> {
    if (name === undefined) {
      await this.flushAll();
      return 0;
    }
    if (name === '/dev/stdout') {
      await this.stdout.flush();
      return 0;
    }
    if (name === '/dev/stderr') return 0;
    const cur = this.open.get(name);
    if (cur?.kind === 'in') return cur.pid === undefined ? -2 : -3;
    if (cur?.kind === 'co') {
      await cur.stream?.flush();
      return 0;
    }
    if (cur?.kind !== 'out') return -1;
    await cur.stream.flush();
    return 0;
  }

  async flushAll(): Promise<void> {
    await this.stdout.flush();
    for (const o of this.open.values()) if (o.kind !== 'in') await o.stream?.flush();
  }

  async system(cmd: string): Promise<number> {
    await this.flushAll();
    let pid: number;
    try {
      pid = await this.spawnShell(cmd, new Map([[0, 0], [1, 1], [2, 2]]));
    } catch (e) {
      if (!isSysError(e)) throw e;
      return 127;
    }
    const w = await this.sys.wait(pid);
    return w ? closeStatus(w.status) : -1;
  }

  /** At exit: every redirection closed (pipes waited for), then stdout flushed. */
  isOpen(name: string): boolean {
    return this.open.has(name);
  }

  /** At exit, everything still open is closed: the most recently opened first (gawk -L names each). */
  async closeAll(lintName?: string): Promise<void> {
    // as gawk: everything written is flushed first, then each is closed
    for (const o of this.open.values()) if (o.kind !== 'in') await o.stream?.flush();
    for (const name of [...this.open.keys()].reverse()) {
      const o = this.open.get(name)!;
      if (lintName !== undefined) {
        const what = o.kind === 'co' ? 'co-process' : o.pid !== undefined ? 'pipe' : 'file';
        await this.stdout.flush();
        await this.stderr.write(`${lintName}: warning: no explicit close of ${what} \`${name}' provided\n`);
      }
      await this.close(name);
    }
    await this.stdout.flush();
    await this.stderr.flush();
  }
}
