// What a program's main receives: its Sys, its name, buffered stdout/stderr writers, and
// perror, which turns a SysError into the tool's message so no program hand-writes one.
import { isSysError, strerror } from '../../shared/errno';
import type { Sys } from '../../shared/sys';
import { encodeText } from '../../shared/bytes';


export class Writer {
  private buf: string[] = [];
  private size = 0;
  /** True once a write failed (EPIPE, EBADF, ENOSPC, EINVAL...): later output is dropped. */
  broken = false;
  /** The program has reported the failed write itself (coreutils' close_stdout then says nothing). */
  reported = false;

  constructor(
    private readonly sys: Sys,
    readonly fd: number,
    private readonly lineBuffered: boolean,
  ) {}

  async write(text: string): Promise<void> {
    if (this.broken || text === '') return;
    this.buf.push(text);
    this.size += text.length;
    if (this.size >= 8192 || (this.lineBuffered && text.includes('\n'))) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.size === 0 || this.broken) return;
    const text = this.buf.join('');
    this.buf = [];
    this.size = 0;
    try {
      await this.sys.write(this.fd, encodeText(text));
    } catch (e) {
      // any failed write (EPIPE, ENOSPC, a /proc/sys value the kernel rejects with EINVAL) stops output
      if (isSysError(e)) {
        this.broken = true;
        this.error = e;
        return;
      }
      throw e;
    }
  }

  error: unknown;
}

export class Ctx {
  readonly out: Writer;
  readonly err: Writer;
  /** The name messages start with: argv[0] as invoked (GNU program_name). */
  readonly name: string;

  constructor(readonly sys: Sys) {
    this.name = sys.argv[0] ?? 'program';
    this.out = new Writer(sys, 1, sys.isatty(1));
    this.err = new Writer(sys, 2, true);
  }

  get argv(): readonly string[] {
    return this.sys.argv;
  }

  get env(): Map<string, string> {
    return this.sys.env;
  }

  print(text: string): Promise<void> {
    return this.out.write(text);
  }

  /**
   * Set by a program whose messages come from gnulib's error(), which flushes stdout first,
   * so that with 2>&1 each message lands after the results printed before it.
   */
  flushBeforeError = false;

  /** Writes `name: message` and a newline to stderr. */
  async error(message: string): Promise<void> {
    if (this.flushBeforeError) await this.out.flush();
    await this.err.write(`${this.name}: ${message}\n`);
  }

  /** `name: [prefix: ]strerror` for a failed syscall; rethrows anything that is not a SysError. */
  async perror(e: unknown, prefix?: string): Promise<void> {
    if (!isSysError(e)) throw e;
    await this.error(prefix === undefined ? strerror(e.errno) : `${prefix}: ${strerror(e.errno)}`);
  }

  async flush(): Promise<void> {
    await this.out.flush();
    await this.err.flush();
  }

  tick(): Promise<void> | undefined {
    return this.sys.tick();
  }

  /** Reads a whole descriptor (stdin by default) as text. */
  async readAll(fd = 0): Promise<string> {
    const decoder = new TextDecoder();
    let text = '';
    for (;;) {
      const chunk = await this.sys.read(fd);
      if (chunk === null) break;
      text += decoder.decode(chunk, { stream: true });
    }
    return text + decoder.decode();
  }
}
