// Reading records in chunks: RS as one character, "" (paragraph mode) or a regex (RT is the
// text that ended the record), and the byte <-> text codec (C locale: one char per byte).
import type { Sys } from '../../shared/sys';
import type { AwkRegex } from './regex';

export interface Codec {
  /** C locale: one character per byte (length, substr and %c count bytes). */
  bytes: boolean;
  decoder(): (chunk: Uint8Array | null) => string;
  encode(s: string): Uint8Array;
  /** Text from outside (argv, environment, file names) to awk's own strings, and back. */
  fromHost(s: string): string;
  toHost(s: string): string;
}

const NON_ASCII = /[^\x00-\x7f]/;

function latin1(chunk: Uint8Array): string {
  let s = '';
  for (let i = 0; i < chunk.length; i += 8192) s += String.fromCharCode(...chunk.subarray(i, i + 8192));
  return s;
}

export function makeCodec(env: Map<string, string>): Codec {
  const locale = env.get('LC_ALL') || env.get('LC_CTYPE') || env.get('LANG') || '';
  const utf8 = /utf-?8/i.test(locale);
  if (utf8) {
    const enc = new TextEncoder();
    return {
      bytes: false,
      decoder() {
        const d = new TextDecoder();
        return (chunk) => (chunk ? d.decode(chunk, { stream: true }) : d.decode());
      },
      encode: (s) => enc.encode(s),
      fromHost: (s) => s,
      toHost: (s) => s,
    };
  }
  return {
    bytes: true,
    decoder: () => (chunk) => (chunk ? latin1(chunk) : ''),
    encode(s) {
      const out = new Uint8Array(s.length);
      for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
      return out;
    },
    fromHost: (s) => (NON_ASCII.test(s) ? latin1(new TextEncoder().encode(s)) : s),
    toHost(s) {
      if (!NON_ASCII.test(s)) return s;
      const bytes = new Uint8Array(s.length);
      for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i) & 0xff;
      return new TextDecoder().decode(bytes);
    },
  };
}

export interface Rec {
  rec: string;
  rt: string;
}

const CHUNK = 65536;
/** gawk reads in blocks of this size (st_blksize), so a reader that stops early leaves the
 * offset of a shared descriptor (standard input, a pipe) where a later reader sees it. */
const GAWK_BLOCK = 4096;
const PARA_RE = /\n\n+/g;

export class RecordReader {
  private buf = '';
  private pos = 0;
  private eof = false;
  private readonly decode: (chunk: Uint8Array | null) => string;
  private readonly blockSize: number;

  /** `shared`: the descriptor's offset is seen by others (standard input, /dev/fd/N). */
  constructor(
    private readonly sys: Sys,
    readonly fd: number,
    codec: Codec,
    shared = fd === 0,
  ) {
    this.decode = codec.decoder();
    let kind = 'file';
    try {
      kind = sys.fstat(fd).kind;
    } catch {
      // a bad descriptor fails at the first read
    }
    // a private regular file may be read in big chunks: nobody else sees where it stops
    this.blockSize = shared || kind !== 'file' ? GAWK_BLOCK : CHUNK;
  }

  /** Reads more input; false at end of file. */
  private async fill(): Promise<boolean> {
    if (this.eof) return false;
    const chunk = await this.sys.read(this.fd, this.blockSize);
    if (this.pos > 0) {
      this.buf = this.buf.slice(this.pos);
      this.pos = 0;
    }
    if (chunk === null) {
      this.eof = true;
      this.buf += this.decode(null);
      return false;
    }
    this.buf += this.decode(chunk);
    return true;
  }

  private rest(rt = ''): Rec | null {
    if (this.pos >= this.buf.length) return null;
    const rec = this.buf.slice(this.pos);
    this.pos = this.buf.length;
    return { rec, rt };
  }

  async read(rs: string, re: AwkRegex | undefined): Promise<Rec | null> {
    if (rs === '') return this.paragraph();
    if (re) return this.byRegex(re);
    const sep = rs[0]!;
    let from = this.pos;
    for (;;) {
      const idx = this.buf.indexOf(sep, from);
      if (idx >= 0) {
        const rec = this.buf.slice(this.pos, idx);
        this.pos = idx + 1;
        return { rec, rt: sep };
      }
      const scanned = this.buf.length - this.pos;
      if (!(await this.fill())) return this.rest();
      from = this.pos + scanned;
    }
  }

  private async paragraph(): Promise<Rec | null> {
    for (;;) {
      while (this.pos < this.buf.length && this.buf[this.pos] === '\n') this.pos++;
      if (this.pos < this.buf.length) break;
      if (!(await this.fill())) return null;
    }
    for (;;) {
      PARA_RE.lastIndex = this.pos;
      const m = PARA_RE.exec(this.buf);
      if (m && (m.index + m[0].length < this.buf.length || this.eof)) {
        const rec = this.buf.slice(this.pos, m.index);
        this.pos = m.index + m[0].length;
        return { rec, rt: m[0] };
      }
      if (!m && this.eof) {
        if (this.pos >= this.buf.length) return null;
        const text = this.buf.slice(this.pos);
        this.pos = this.buf.length;
        const nl = /\n*$/.exec(text)![0];
        return { rec: text.slice(0, text.length - nl.length), rt: nl };
      }
      await this.fill();
    }
  }

  private async byRegex(re: AwkRegex): Promise<Rec | null> {
    for (;;) {
      let from = this.pos;
      let m = re.exec(this.buf, from);
      while (m && m[0].length === 0) {
        from = m.index + 1;
        m = from <= this.buf.length ? re.exec(this.buf, from) : null;
      }
      if (m && (m.index + m[0].length < this.buf.length || this.eof)) {
        const rec = this.buf.slice(this.pos, m.index);
        this.pos = m.index + m[0].length;
        return { rec, rt: m[0] };
      }
      if (!m && this.eof) return this.rest();
      await this.fill();
    }
  }
}
