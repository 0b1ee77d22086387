// How xargs cuts its input into arguments (xargs.c read_line / read_string): blanks and
// newlines separate, quotes and backslashes protect, an end-of-file string stops; or, with
// -0/-d, only the delimiter separates.
import { isSysError } from '../../shared/errno';
import type { Sys } from '../../shared/sys';

const decoder = new TextDecoder();

export class ByteReader {
  private buf: Uint8Array = new Uint8Array(0);
  private pos = 0;
  private eof = false;

  constructor(
    private readonly sys: Sys,
    private readonly fd: number,
  ) {}

  async getc(): Promise<number> {
    if (this.pos < this.buf.length) return this.buf[this.pos++]!;
    if (this.eof) return -1;
    let chunk: Uint8Array | null;
    try {
      chunk = await this.sys.read(this.fd, 65536);
    } catch (e) {
      // getc() gives EOF on a read error, and xargs.c never asks ferror(): `xargs -a /` reads
      // a directory as empty input
      if (!isSysError(e) || (e.errno !== 'EISDIR' && e.errno !== 'EIO')) throw e;
      chunk = null;
    }
    if (chunk === null || chunk.length === 0) {
      this.eof = true;
      return -1;
    }
    this.buf = chunk;
    this.pos = 1;
    return chunk[0]!;
  }
}

export class XargsInputError extends Error {}

export interface InputConfig {
  /** undefined: quoting rules; a byte: -0 / -d. */
  delimiter: number | undefined;
  eofStr: string | undefined;
  /** -I: blanks do not split. */
  replace: boolean;
  /** Longest argument allowed (bytes, including its NUL). */
  maxArg: number;
  /** Before dying of bad input, run what is pending. */
  warnNul: () => Promise<void>;
}

const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);
const isBlank = (c: number): boolean => c === 32 || c === 9;

export class ArgReader {
  private done = false;
  private nulWarned = false;
  lineno = 0;

  constructor(
    private readonly r: ByteReader,
    private readonly cfg: InputConfig,
    private readonly push: (arg: string) => Promise<void>,
    private readonly beforeDie: () => Promise<void>,
  ) {}

  private tooLong(len: number): boolean {
    return len >= this.cfg.maxArg;
  }

  /** Reads the next line's worth (read_line) or one delimited string; -1 at the end. */
  async next(): Promise<{ len: number; text: string } | -1> {
    return this.cfg.delimiter === undefined ? this.readLine() : this.readString(this.cfg.delimiter);
  }

  private isEofStr(bytes: number[]): boolean {
    return this.cfg.eofStr !== undefined && decoder.decode(Uint8Array.from(bytes)) === this.cfg.eofStr;
  }

  private text(bytes: number[]): string {
    const nul = bytes.indexOf(0);
    return decoder.decode(Uint8Array.from(nul < 0 ? bytes : bytes.slice(0, nul)));
  }

  private async readLine(): Promise<{ len: number; text: string } | -1> {
    if (this.done) return -1;
    let state: 'norm' | 'space' | 'quote' | 'backslash' = 'space';
    let quotc = 0;
    let c = -1;
    let prevc: number;
    let first = true;
    let seenArg = false;
    let p: number[] = [];
    const replace = this.cfg.replace;
    for (;;) {
      prevc = c;
      c = await this.r.getc();
      if (c === -1) {
        this.done = true;
        if (p.length === 0) return -1;
        if (state === 'quote') {
          await this.beforeDie();
          throw new XargsInputError(`unmatched ${quotc === 34 ? 'double' : 'single'} quote; by default quotes are special to xargs unless you use the -0 option`);
        }
        if (first && this.isEofStr(p)) return -1;
        const text = this.text(p);
        if (!replace) await this.push(text);
        return { len: p.length + 1, text };
      }
      if (state === 'space') {
        if (isSpace(c)) continue;
        state = 'norm';
      }
      if (state === 'norm') {
        if (c === 10) {
          if (!isBlank(prevc)) this.lineno++;
          if (p.length === 0 && !seenArg) {
            state = 'space';
            continue;
          }
          if (this.isEofStr(p)) {
            this.done = true;
            return first ? -1 : { len: p.length + 1, text: this.text(p) };
          }
          const text = this.text(p);
          if (!replace) await this.push(text);
          return { len: p.length + 1, text };
        }
        seenArg = true;
        if (!replace && isBlank(c)) {
          if (this.isEofStr(p)) {
            this.done = true;
            return first ? -1 : { len: p.length + 1, text: this.text(p) };
          }
          await this.push(this.text(p));
          p = [];
          state = 'space';
          first = false;
          continue;
        }
        if (c === 92) {
          state = 'backslash';
          continue;
        }
        if (c === 39 || c === 34) {
          state = 'quote';
          quotc = c;
          continue;
        }
      } else if (state === 'quote') {
        if (c === 10) {
          await this.beforeDie();
          throw new XargsInputError(`unmatched ${quotc === 34 ? 'double' : 'single'} quote; by default quotes are special to xargs unless you use the -0 option`);
        }
        if (c === quotc) {
          state = 'norm';
          seenArg = true;
          continue;
        }
      } else if (state === 'backslash') {
        state = 'norm';
      }
      if (c === 0 && !this.nulWarned) {
        await this.cfg.warnNul();
        this.nulWarned = true;
      }
      if (this.tooLong(p.length)) {
        await this.beforeDie();
        throw new XargsInputError('argument line too long');
      }
      p.push(c);
    }
  }

  private async readString(delim: number): Promise<{ len: number; text: string } | -1> {
    if (this.done) return -1;
    const p: number[] = [];
    for (;;) {
      const c = await this.r.getc();
      if (c === -1) {
        this.done = true;
        if (p.length === 0) return -1;
        const text = this.text(p);
        if (!this.cfg.replace) await this.push(text);
        return { len: p.length + 1, text };
      }
      if (c === delim) {
        this.lineno++;
        const text = this.text(p);
        if (!this.cfg.replace) await this.push(text);
        return { len: p.length + 1, text };
      }
      if (this.tooLong(p.length)) {
        await this.beforeDie();
        throw new XargsInputError('argument line too long');
      }
      p.push(c);
    }
  }
}
