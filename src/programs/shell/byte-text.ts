// Bytes to the shell's strings. Text is UTF-8; a byte that is not part of a valid UTF-8
// sequence (a Latin-1 file, printf '\377', a key pasted from another encoding) becomes the
// lone surrogate U+DC00+byte, which src/shared/bytes.ts encodeText writes back as the same
// byte. So such bytes reach argv, files and pipes unchanged, as in bash.
import { encodeText } from '../../shared/bytes';

const strict = new TextDecoder('utf-8', { fatal: true });
const plain = new TextDecoder();

/** Length of the UTF-8 sequence that byte `b` starts, 0 for a byte that cannot start one. */
function seqLength(b: number): number {
  if (b < 0x80) return 1;
  if (b >= 0xc2 && b <= 0xdf) return 2;
  if (b >= 0xe0 && b <= 0xef) return 3;
  if (b >= 0xf0 && b <= 0xf4) return 4;
  return 0;
}

/** Whether `b` may follow lead byte `lead` as the second byte (no overlongs, surrogates or > U+10FFFF). */
function secondOk(lead: number, b: number): boolean {
  if (lead === 0xe0) return b >= 0xa0 && b <= 0xbf;
  if (lead === 0xed) return b >= 0x80 && b <= 0x9f;
  if (lead === 0xf0) return b >= 0x90 && b <= 0xbf;
  if (lead === 0xf4) return b >= 0x80 && b <= 0x8f;
  return b >= 0x80 && b <= 0xbf;
}

/** Decodes bytes with invalid ones escaped (an incomplete sequence at the end too). */
function decodeEscaped(bytes: Uint8Array): string {
  let text = '';
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      // a run of ASCII at once
      let j = i + 1;
      while (j < n && bytes[j]! < 0x80) j++;
      text += j - i === 1 ? String.fromCharCode(b) : plain.decode(bytes.subarray(i, j));
      i = j;
      continue;
    }
    const len = seqLength(b);
    let ok = len > 0;
    let k = 1;
    for (; ok && k < len; k++) {
      if (i + k >= n) {
        ok = false;
        break;
      }
      const c = bytes[i + k]!;
      ok = k === 1 ? secondOk(b, c) : c >= 0x80 && c <= 0xbf;
    }
    if (!ok) {
      text += String.fromCharCode(0xdc00 + b);
      i++;
      continue;
    }
    let cp = len === 2 ? b & 0x1f : len === 3 ? b & 0x0f : b & 0x07;
    for (let m = 1; m < len; m++) cp = (cp << 6) | (bytes[i + m]! & 0x3f);
    text += String.fromCodePoint(cp);
    i += len;
  }
  return text;
}

/** The text of `bytes` (whole input: an incomplete sequence at the end is escaped too). */
export function decodeBytes(bytes: Uint8Array): string {
  try {
    return strict.decode(bytes);
  } catch {
    return decodeEscaped(bytes);
  }
}

/**
 * In the C locale bash matches patterns byte by byte: text whose every character stands for
 * one of its bytes (U+0000..U+00FF), undefined when `s` is all ASCII (nothing to change).
 */
export function byteChars(s: string): string | undefined {
  if (!/[^\x00-\x7f]/.test(s)) return undefined;
  let out = '';
  for (const b of encodeText(s)) out += String.fromCharCode(b);
  return out;
}

/** The text whose bytes `byteChars` gave. */
export function fromByteChars(s: string): string {
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
  return decodeBytes(bytes);
}

/** Where an incomplete UTF-8 sequence at the end of `bytes` starts (bytes.length if none). */
function tailStart(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let j = n - 1; j >= 0 && j >= n - 3; j--) {
    const b = bytes[j]!;
    if (b < 0x80) return n;
    const len = seqLength(b);
    if (len >= 2) return n - j < len ? j : n;
    if (b > 0xbf) return n;
  }
  return n;
}

/** A streaming decoder: chunks may split a UTF-8 sequence anywhere. */
export class ByteDecoder {
  private rest: Uint8Array | undefined;

  decode(chunk: Uint8Array, opts: { stream?: boolean } = {}): string {
    let bytes = chunk;
    if (this.rest) {
      bytes = new Uint8Array(this.rest.length + chunk.length);
      bytes.set(this.rest);
      bytes.set(chunk, this.rest.length);
      this.rest = undefined;
    }
    const cut = opts.stream ? tailStart(bytes) : bytes.length;
    if (cut < bytes.length) this.rest = bytes.slice(cut);
    return decodeBytes(cut < bytes.length ? bytes.subarray(0, cut) : bytes);
  }

  /** The end of input: whatever was held back, escaped. */
  end(): string {
    const rest = this.rest;
    this.rest = undefined;
    return rest ? decodeBytes(rest) : '';
  }
}

/**
 * bash's check_binary_file on a file's first 80 bytes: an ELF header, or a NUL on the first
 * line (anywhere in them after `#!`). A file that passes is read with its NULs left out.
 */
export function binarySample(bytes: Uint8Array): boolean {
  const s = bytes.subarray(0, 80);
  if (s[0] === 0x7f && s[1] === 0x45 && s[2] === 0x4c && s[3] === 0x46) return true;
  const nl = s[0] === 0x23 && s[1] === 0x21 ? -1 : s.indexOf(10);
  const nul = s.indexOf(0);
  return nul >= 0 && (nl < 0 || nul < nl);
}

export { encodeText };
