// sed's input (lines from a list of files, looking ahead to know which is the last) and its
// outputs (each remembers whether its last line lacked a newline, to supply one before more
// text goes out, as GNU's output_missing_newline does).
import { isSysError, strerror } from '../../shared/errno';
import { BinWriter, bytesToBin } from '../lib/binary-text';
import type { Ctx } from '../lib/context';
import { EXIT_PANIC, SedError } from './script';

export class SedOutput {
  missingNewline = false;

  constructor(
    readonly w: BinWriter,
    private readonly delim = '\n',
  ) {}

  /** Writes text; a promise only when the buffer went out. */
  text(s: string): Promise<void> | undefined {
    if (this.missingNewline) {
      this.missingNewline = false;
      s = this.delim + s;
    }
    return this.w.write(s);
  }

  /** A pattern space (or line) and its delimiter, unless the input line had none. */
  line(s: string, chomped: boolean, delim: string): Promise<void> | undefined {
    const p = this.text(chomped ? s + delim : s);
    if (!chomped) this.missingNewline = true;
    return p;
  }
}

interface Reader {
  fd: number;
  name: string;
  buf: string;
  pos: number;
  eof: boolean;
}

export interface FileHooks {
  /** A file is about to be read (-i sets up its output); false skips it. */
  start(name: string, fd: number): Promise<boolean>;
  /** The file is done (-i renames its output into place). */
  end(name: string): Promise<void>;
}

export class Input {
  lineNo = 0;
  /** Some file could not be read (exit status 2). */
  badInput = false;
  private cur: Reader | undefined;
  private next = 0;

  constructor(
    private readonly ctx: Ctx,
    private readonly files: string[],
    private readonly separate: boolean,
    private readonly delim: string,
    private readonly hooks: FileHooks | undefined,
  ) {}

  get fileName(): string {
    return this.cur ? this.cur.name : '-';
  }

  /** The line being read comes from standard input (sed --debug calls it STDIN). */
  get readingStdin(): boolean {
    return this.cur?.fd === 0;
  }

  private async open(): Promise<boolean> {
    while (this.next < this.files.length) {
      const name = this.files[this.next++]!;
      let fd = 0;
      if (name !== '-') {
        try {
          fd = await this.ctx.sys.open(name, { read: true });
        } catch (e) {
          if (!isSysError(e)) throw e;
          await this.ctx.perror(e, `can't read ${name}`);
          this.badInput = true;
          continue;
        }
      }
      if (this.hooks && !(await this.hooks.start(name, fd))) {
        if (fd !== 0) this.ctx.sys.close(fd);
        continue;
      }
      this.cur = { fd, name, buf: '', pos: 0, eof: false };
      if (this.separate) this.lineNo = 0;
      return true;
    }
    return false;
  }

  private async close(): Promise<void> {
    const r = this.cur;
    if (!r) return;
    this.cur = undefined;
    if (r.fd !== 0) this.ctx.sys.close(r.fd);
    if (this.hooks) await this.hooks.end(r.name);
  }

  /** Reads more of the current file; false at its end. */
  private async fill(r: Reader): Promise<boolean> {
    if (r.eof) return false;
    await this.ctx.tick();
    let chunk: Uint8Array | null;
    try {
      chunk = await this.ctx.sys.read(r.fd, 65536);
    } catch (e) {
      if (!isSysError(e)) throw e;
      throw new SedError(`read error on ${r.fd === 0 ? 'stdin' : r.name}: ${strerror(e.errno)}`, EXIT_PANIC);
    }
    if (chunk === null) {
      r.eof = true;
      return false;
    }
    if (r.pos > 65536) {
      r.buf = r.buf.slice(r.pos);
      r.pos = 0;
    }
    r.buf += bytesToBin(chunk);
    return true;
  }

  /** Whether the current file has another line. */
  private async hasMore(r: Reader): Promise<boolean> {
    while (r.pos >= r.buf.length) if (!(await this.fill(r))) return false;
    return true;
  }

  /** The next line if it is already buffered (undefined: ask read()). */
  readSync(): { text: string; chomped: boolean } | undefined {
    const r = this.cur;
    if (!r) return undefined;
    const at = r.buf.indexOf(this.delim, r.pos);
    if (at < 0) return undefined;
    const text = r.buf.slice(r.pos, at);
    r.pos = at + 1;
    this.lineNo++;
    return { text, chomped: true };
  }

  /** false when more input is already buffered; undefined when isLast() must look. */
  isLastSync(): boolean | undefined {
    const r = this.cur;
    return r && r.pos < r.buf.length ? false : undefined;
  }

  /** The next line, or null at the end of all input. */
  async read(): Promise<{ text: string; chomped: boolean } | null> {
    for (;;) {
      const r = this.cur;
      if (!r) {
        if (!(await this.open())) return null;
        continue;
      }
      let at = r.buf.indexOf(this.delim, r.pos);
      while (at < 0 && (await this.fill(r))) at = r.buf.indexOf(this.delim, r.pos);
      if (at >= 0) {
        const text = r.buf.slice(r.pos, at);
        r.pos = at + 1;
        this.lineNo++;
        return { text, chomped: true };
      }
      if (r.pos < r.buf.length) {
        const text = r.buf.slice(r.pos);
        r.pos = r.buf.length;
        this.lineNo++;
        return { text, chomped: false };
      }
      await this.close();
    }
  }

  /** Whether the line just read is the last (of this file with -s or -i). */
  async isLast(): Promise<boolean> {
    for (;;) {
      const r = this.cur;
      if (r && (await this.hasMore(r))) return false;
      if (this.separate) return true;
      if (r) await this.close();
      if (!(await this.open())) return true;
    }
  }

  /**
   * Closes what is open (after q). Closing a stdio stream puts a seekable file's offset back
   * to the end of what was used, so `{ sed 2q; cat; } < file` leaves cat the third line on.
   */
  async finish(): Promise<void> {
    const r = this.cur;
    if (r && r.pos < r.buf.length) {
      try {
        if (this.ctx.sys.fstat(r.fd).kind === 'file') this.ctx.sys.lseek(r.fd, r.pos - r.buf.length, 'cur');
      } catch {
        // not seekable: what was read ahead is gone, as with a pipe
      }
    }
    await this.close();
  }
}
