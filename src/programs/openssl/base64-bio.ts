// Decoding as OpenSSL 3.0's base64 filter (BIO_f_base64) reads: not a lenient decoder.
// Line mode (the default) skips lines until one that can start base-64 text, then feeds the rest
// to the block decoder, which only gives out whole blocks of 64 characters, so an error (a stray
// character, text after the padding, a length that is not a multiple of 4 at the end) loses the
// block it is in and everything after it. Single-line mode (-A) decodes the whole text at once
// (as one read), with no whitespace allowed inside it.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUE = new Map([...ALPHABET].map((c, i) => [c.charCodeAt(0), i]));
const isSpace = (b: number): boolean => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
const EQ = 0x3d;

/** Decodes 4-character groups ('=' counting as zero bits); undefined if a character is not base-64. */
function decodeGroups(chars: number[]): number[] | undefined {
  const out: number[] = [];
  for (let i = 0; i + 3 < chars.length; i += 4) {
    let w = 0;
    for (let k = 0; k < 4; k++) {
      const c = chars[i + k]!;
      const v = c === EQ ? 0 : VALUE.get(c);
      if (v === undefined) return undefined;
      w = (w << 6) | v;
    }
    out.push((w >> 16) & 255, (w >> 8) & 255, w & 255);
  }
  return out;
}

/** A run of base-64 characters as EVP's block decoder takes it: padding only at the very end. */
function decodeBlock(chars: number[]): number[] | undefined {
  if (chars.length % 4) return undefined;
  let pad = 0;
  while (pad < chars.length && chars[chars.length - 1 - pad] === EQ) pad++;
  if (pad > 2 || chars.slice(0, chars.length - pad).includes(EQ)) return undefined;
  const out = decodeGroups(chars);
  return out?.slice(0, out.length - pad);
}

function lineMode(data: Uint8Array): Uint8Array {
  // find the first line that can start base-64 text (only base-64 characters and blanks)
  let at = 0;
  for (;;) {
    const nl = data.indexOf(0x0a, at);
    if (nl < 0) return new Uint8Array(0);
    const line = data.subarray(at, nl);
    if (line.every((b) => isSpace(b) || b === EQ || VALUE.has(b))) break;
    at = nl + 1;
  }
  const out: number[] = [];
  let block: number[] = [];
  let padded = false;
  for (let i = at; i < data.length; i++) {
    const b = data[i]!;
    if (isSpace(b)) continue;
    if (b === 0x2d) break; // '-': the end of the text, as in a PEM trailer
    if (!VALUE.has(b) && b !== EQ) return Uint8Array.from(out);
    if (b !== EQ && padded) return Uint8Array.from(out);
    if (b === EQ) padded = true;
    block.push(b);
    if (block.length === 64) {
      const got = decodeBlock(block);
      if (!got) return Uint8Array.from(out);
      out.push(...got);
      block = [];
    }
  }
  const last = decodeBlock(block);
  if (last) out.push(...last);
  return Uint8Array.from(out);
}

function singleLine(data: Uint8Array): Uint8Array {
  // (whole groups of 4 bytes as read, blanks included; the block decoder then trims the ends)
  const end = data.length & ~3;
  const part = data.subarray(0, end);
  let start = 0;
  let stop = part.length;
  while (start < stop && isSpace(part[start]!)) start++;
  while (stop > start && isSpace(part[stop - 1]!)) stop--;
  const chars = [...part.subarray(start, stop)];
  if (chars.length % 4) return new Uint8Array(0);
  const out = decodeGroups(chars);
  if (!out) return new Uint8Array(0);
  let pad = 0;
  if (end > 2 && part[end - 1] === EQ) pad = part[end - 2] === EQ ? 2 : 1;
  return Uint8Array.from(out.slice(0, out.length - pad));
}

export function decodeBase64Bio(data: Uint8Array, singleLineMode: boolean): Uint8Array {
  return singleLineMode ? singleLine(data) : lineMode(data);
}
