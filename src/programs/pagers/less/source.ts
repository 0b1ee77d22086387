// The text less is showing, read from its descriptor only as far as the screen needs, so
// `yes | less` starts at once and `G` on an endless pipe can be interrupted.
import { byteChar } from '../../../shared/bytes';
import { isSysError } from '../../../shared/errno';
import type { Sys } from '../../../shared/sys';

const decoder = new TextDecoder('utf-8', { fatal: true });

/** UTF-8 text of `bytes`, with bytes that are not UTF-8 kept as escaped bytes. */
function decode(bytes: Uint8Array): string {
  try {
    return decoder.decode(bytes);
  } catch {
    let s = '';
    for (const b of bytes) s += byteChar(b);
    return s;
  }
}

export class Source {
  readonly lines: string[] = [];
  /** Byte offset where each line ends (past its newline). */
  readonly ends: number[] = [];
  eof = false;
  private partial: number[] = [];
  private bytes = 0;

  constructor(
    private readonly sys: Sys,
    private readonly fd: number | undefined,
    /** The name less shows (undefined for standard input). */
    readonly name: string | undefined,
    /** Size of a regular file; for a pipe it is known at end of input. */
    private fileSize: number | undefined,
  ) {
    if (fd === undefined) this.eof = true;
  }

  /** A source over text already in memory (the help screen). */
  static fromText(sys: Sys, text: string, name: string | undefined): Source {
    const s = new Source(sys, undefined, name, undefined);
    s.push(new TextEncoder().encode(text));
    s.finish();
    return s;
  }

  get size(): number | undefined {
    return this.fileSize ?? (this.eof ? this.bytes : undefined);
  }

  /** Reads until line `n` (0-based) exists or input ends; `stop` ends the reading early. */
  async ensure(n: number, stop: () => boolean = () => false): Promise<void> {
    while (!this.eof && this.lines.length <= n && !stop()) {
      let chunk: Uint8Array | null;
      try {
        chunk = await this.sys.read(this.fd!, 65536);
      } catch (e) {
        // EINTR (Ctrl-C, a resize): give the screen back; reading resumes on the next need
        if (isSysError(e) && e.errno === 'EINTR') return;
        throw e;
      }
      if (chunk === null) {
        this.finish();
        break;
      }
      this.push(chunk);
    }
  }

  /** Reads everything (G, searching to the end); `stop` interrupts. */
  async readAll(stop: () => boolean): Promise<void> {
    await this.ensure(Number.MAX_SAFE_INTEGER, stop);
  }

  /** Lets the machine run other work during a long scan. */
  tick(): Promise<void> | undefined {
    return this.sys.tick();
  }

  close(): void {
    if (this.fd !== undefined && this.fd > 2) this.sys.close(this.fd);
  }

  private push(chunk: Uint8Array): void {
    let start = 0;
    for (let k = 0; k < chunk.length; k++) {
      if (chunk[k] !== 0x0a) continue;
      this.addLine(chunk.subarray(start, k), k - start + 1);
      start = k + 1;
    }
    for (let k = start; k < chunk.length; k++) this.partial.push(chunk[k]!);
  }

  private addLine(tail: Uint8Array, length: number): void {
    const bytes = this.partial.length ? Uint8Array.from([...this.partial, ...tail]) : tail;
    this.bytes += this.partial.length + length;
    this.partial = [];
    this.lines.push(decode(bytes));
    this.ends.push(this.bytes);
  }

  private finish(): void {
    if (this.partial.length) {
      const rest = Uint8Array.from(this.partial);
      this.partial = [];
      this.bytes += rest.length;
      this.lines.push(decode(rest));
      this.ends.push(this.bytes);
    }
    this.eof = true;
  }
}
