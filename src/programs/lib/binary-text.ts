// "Binary strings": text tools that work on bytes (grep, sed, awk in the C locale) hold data
// as JavaScript strings with one char per byte (code 0-255), so regular expressions run on
// them and every byte survives the round trip. Arguments and file names arrive as ordinary
// (UTF-16) strings and are converted at the edges.
import { isSysError, type SysError } from '../../shared/errno';
import type { Sys } from '../../shared/sys';

// windows-1252 maps every byte to one char; only 0x80-0x9f need repair (see bytesToBin).
const win1252 = new TextDecoder('windows-1252');
const utf8Decoder = new TextDecoder();
const utf8Encoder = new TextEncoder();
const NON_LATIN1 = /[^\x00-\xff]/;
const NON_ASCII = /[^\x00-\x7f]/;

function fromCharCodes(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    s += String.fromCharCode.apply(null, Array.from(bytes.subarray(i, i + 8192)));
  }
  return s;
}

/** Bytes to a binary string. */
export function bytesToBin(bytes: Uint8Array): string {
  const s = win1252.decode(bytes);
  return NON_LATIN1.test(s) ? fromCharCodes(bytes) : s;
}

/** A binary string back to bytes. */
export function binToBytes(s: string): Uint8Array {
  if (!NON_ASCII.test(s)) return utf8Encoder.encode(s);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** An ordinary string (argument, file name) as the binary string of its UTF-8 bytes. */
export function utf8ToBin(s: string): string {
  return NON_ASCII.test(s) ? bytesToBin(utf8Encoder.encode(s)) : s;
}

/** A binary string holding UTF-8 back to an ordinary string (for file names in scripts). */
export function binToUtf8(s: string): string {
  return NON_ASCII.test(s) ? utf8Decoder.decode(binToBytes(s)) : s;
}

/**
 * Buffered writer of binary strings to a descriptor, flushing as C stdio does: whole
 * 4096-byte blocks (so output interleaves with unbuffered stderr as the real tools' does),
 * or every line when `lineBuffered` (a terminal). Remembers EPIPE and friends.
 */
export class BinWriter {
  private parts: string[] = [];
  private size = 0;
  broken = false;
  error: SysError | undefined;

  constructor(
    private readonly sys: Sys,
    readonly fd: number,
    private readonly lineBuffered = sys.isatty(fd),
    private readonly block = 4096,
  ) {}

  write(s: string): Promise<void> | undefined {
    if (this.broken || s === '') return undefined;
    this.parts.push(s);
    this.size += s.length;
    if (this.lineBuffered ? s.includes('\n') : this.size >= this.block) return this.flush(!this.lineBuffered);
    return undefined;
  }

  /** Writes what is buffered; `whole` keeps back what does not fill a block. */
  async flush(whole = false): Promise<void> {
    if (this.size === 0 || this.broken) return;
    let text = this.parts.length === 1 ? this.parts[0]! : this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (whole) {
      const keep = text.length % this.block;
      if (keep > 0) {
        this.parts.push(text.slice(text.length - keep));
        this.size = keep;
        text = text.slice(0, text.length - keep);
      }
    }
    try {
      await this.sys.write(this.fd, binToBytes(text));
    } catch (e) {
      if (!isSysError(e)) throw e;
      this.broken = true;
      this.error = e;
    }
  }
}

/** Reads a whole descriptor as a binary string. */
export async function readAllBin(sys: Sys, fd: number, tick: () => Promise<void> | undefined): Promise<string> {
  const parts: string[] = [];
  for (;;) {
    await tick();
    const chunk = await sys.read(fd, 1 << 20);
    if (chunk === null) break;
    parts.push(bytesToBin(chunk));
  }
  return parts.join('');
}
