// The character sets iconv converts between: Unicode's encodings (UTF-8, UTF-16, UTF-32, UCS-2,
// UCS-4 and their byte orders, with glibc's choices of byte order and byte-order mark) and the
// single-byte sets of iconv-tables.ts. A charset decodes bytes to code points one character at
// a time and encodes a code point to bytes (undefined: it has no such character).
import { HALVES, NAMES, TABLES } from './iconv-tables';

export type Decoded = { cp: number; len: number } | 'invalid' | 'incomplete';

export interface Charset {
  /** Decodes the character at `pos` (`first`: the start of the input, where a BOM may be read). */
  decode(b: Uint8Array, pos: number, first: boolean): Decoded;
  encode(cp: number): number[] | undefined;
  /** What the output starts with (a byte-order mark). */
  prefix?: number[];
}

const MAX_CP = 0x10ffff;
const isSurrogate = (cp: number): boolean => cp >= 0xd800 && cp <= 0xdfff;

const utf8: Charset = {
  decode(b, pos) {
    const c = b[pos]!;
    if (c < 0x80) return { cp: c, len: 1 };
    const len = c >= 0xf0 && c <= 0xf4 ? 4 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xc2 && c <= 0xdf ? 2 : 0;
    if (len === 0) return 'invalid';
    let cp = c & (0xff >> (len + 1));
    for (let i = 1; i < len; i++) {
      if (pos + i >= b.length) return 'incomplete';
      const d = b[pos + i]!;
      if ((d & 0xc0) !== 0x80) return 'invalid';
      cp = (cp << 6) | (d & 0x3f);
    }
    // overlong forms, surrogates and what lies past U+10FFFF are not UTF-8
    if ((len === 3 && cp < 0x800) || (len === 4 && (cp < 0x10000 || cp > MAX_CP)) || isSurrogate(cp)) return 'invalid';
    return { cp, len };
  },
  encode(cp) {
    if (cp < 0x80) return [cp];
    if (cp < 0x800) return [0xc0 | (cp >> 6), 0x80 | (cp & 0x3f)];
    if (cp < 0x10000) return isSurrogate(cp) ? undefined : [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)];
    if (cp > MAX_CP) return undefined;
    return [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)];
  },
};

function unit16(b: Uint8Array, pos: number, le: boolean): number {
  return le ? b[pos]! | (b[pos + 1]! << 8) : (b[pos]! << 8) | b[pos + 1]!;
}

function bytes16(u: number, le: boolean): number[] {
  return le ? [u & 0xff, u >> 8] : [u >> 8, u & 0xff];
}

/**
 * UTF-16 (`surrogates`) or UCS-2. `bom`: a mark at the start is read (and dropped) to learn the
 * byte order, and one is written; otherwise the order is `le`'s and a mark is a character.
 */
function sixteen(le: boolean, surrogates: boolean, bom: boolean): Charset {
  let order = le;
  return {
    decode(b, pos, first) {
      if (first) order = le;
      if (pos + 1 >= b.length) return 'incomplete';
      let u = unit16(b, pos, order);
      let skip = 0;
      if (first && bom && (u === 0xfeff || u === 0xfffe)) {
        order = u === 0xfeff ? order : !order;
        skip = 2;
        if (pos + 3 >= b.length) return pos + 2 >= b.length ? { cp: -1, len: 2 } : 'incomplete';
        u = unit16(b, pos + 2, order);
      }
      if (!surrogates) return isSurrogate(u) ? 'invalid' : { cp: u, len: 2 + skip };
      if (u >= 0xdc00 && u <= 0xdfff) return 'invalid';
      if (u < 0xd800 || u > 0xdbff) return { cp: u, len: 2 + skip };
      if (pos + skip + 3 >= b.length) return 'incomplete';
      const lo = unit16(b, pos + skip + 2, order);
      if (lo < 0xdc00 || lo > 0xdfff) return 'invalid';
      return { cp: 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00), len: 4 + skip };
    },
    encode(cp) {
      if (isSurrogate(cp)) return undefined;
      if (cp < 0x10000) return bytes16(cp, le);
      if (!surrogates || cp > MAX_CP) return undefined;
      const v = cp - 0x10000;
      return [...bytes16(0xd800 + (v >> 10), le), ...bytes16(0xdc00 + (v & 0x3ff), le)];
    },
    ...(bom ? { prefix: bytes16(0xfeff, le) } : {}),
  };
}

/** UTF-32 (Unicode's range) or UCS-4 (31 bits); `bom` as for sixteen(). */
function thirtyTwo(le: boolean, ucs4: boolean, bom: boolean): Charset {
  let order = le;
  const read = (b: Uint8Array, p: number): number =>
    (order ? b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16) | (b[p + 3]! << 24) : (b[p]! << 24) | (b[p + 1]! << 16) | (b[p + 2]! << 8) | b[p + 3]!) >>> 0;
  const bytes = (v: number): number[] => {
    const be = [v >>> 24, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff];
    return le ? be.reverse() : be;
  };
  return {
    decode(b, pos, first) {
      if (first) order = le;
      if (pos + 3 >= b.length) return 'incomplete';
      let v = read(b, pos);
      let skip = 0;
      if (first && bom && (v === 0xfeff || v === 0xfffe0000)) {
        order = v === 0xfeff ? order : !order;
        skip = 4;
        if (pos + 7 >= b.length) return pos + 4 >= b.length ? { cp: -1, len: 4 } : 'incomplete';
        v = read(b, pos + 4);
      }
      if (ucs4 ? v > 0x7fffffff : v > MAX_CP || isSurrogate(v)) return 'invalid';
      return { cp: v, len: 4 + skip };
    },
    encode(cp) {
      if (!ucs4 && (cp > MAX_CP || isSurrogate(cp))) return undefined;
      return bytes(cp);
    },
    ...(bom ? { prefix: bytes(0xfeff) } : {}),
  };
}

/** The Unicode encodings by the names glibc lists for them; each call makes a fresh one (they keep a byte order). */
const UNICODE_SETS: Record<string, () => Charset> = {
  'UTF-8': () => utf8,
  'UTF-16': () => sixteen(true, true, true),
  'UTF-16LE': () => sixteen(true, true, false),
  'UTF-16BE': () => sixteen(false, true, false),
  'UCS-2': () => sixteen(true, false, false),
  'UCS-2LE': () => sixteen(true, false, false),
  'UCS-2BE': () => sixteen(false, false, false),
  UNICODE: () => sixteen(true, false, true),
  'UTF-32': () => thirtyTwo(true, false, true),
  'UTF-32LE': () => thirtyTwo(true, false, false),
  'UTF-32BE': () => thirtyTwo(false, false, false),
  'UCS-4': () => thirtyTwo(false, true, false),
  'UCS-4LE': () => thirtyTwo(true, true, false),
};

const UNICODE_ALIASES: Record<string, string> = {
  UTF8: 'UTF-8', 'ISO-10646/UTF8': 'UTF-8', 'ISO-10646/UTF-8': 'UTF-8',
  UTF16: 'UTF-16', UTF16LE: 'UTF-16LE', UTF16BE: 'UTF-16BE',
  UCS2: 'UCS-2', 'ISO-10646/UCS2': 'UCS-2', UNICODELITTLE: 'UCS-2LE', UNICODEBIG: 'UCS-2BE', CSUNICODE: 'UNICODE',
  UTF32: 'UTF-32', UTF32LE: 'UTF-32LE', UTF32BE: 'UTF-32BE',
  UCS4: 'UCS-4', 'UCS-4BE': 'UCS-4', 'ISO-10646/UCS4': 'UCS-4', 'ISO-10646': 'UCS-4', '10646-1:1993': 'UCS-4', '10646-1:1993/UCS4': 'UCS-4', CSUCS4: 'UCS-4',
  WCHAR_T: 'UCS-4LE',
};

let singleByte: Map<string, number> | undefined;

/** Name → table number of every single-byte set. */
function singleByteNames(): Map<string, number> {
  if (singleByte) return singleByte;
  singleByte = new Map();
  for (const item of NAMES.split(' ')) {
    const eq = item.lastIndexOf('=');
    if (eq > 0) singleByte.set(item.slice(0, eq), Number(item.slice(eq + 1)));
  }
  return singleByte;
}

function half(i: number): number[] {
  const raw = atob(HALVES[i]!);
  const out: number[] = [];
  for (let k = 0; k < raw.length; k += 2) out.push(raw.charCodeAt(k) | (raw.charCodeAt(k + 1) << 8));
  return out;
}

function table(n: number): Charset {
  const [lo, hi] = TABLES[n]!;
  const map = [...half(lo), ...half(hi)];
  const back = new Map<number, number>();
  map.forEach((cp, byte) => {
    if (cp !== 0xffff && !back.has(cp)) back.set(cp, byte);
  });
  return {
    decode(b, pos) {
      const cp = map[b[pos]!]!;
      return cp === 0xffff ? 'invalid' : { cp, len: 1 };
    },
    encode(cp) {
      const byte = back.get(cp);
      return byte === undefined ? undefined : [byte];
    },
  };
}

/** Every name `iconv -l` lists, in its order. */
export function charsetNames(): string[] {
  return NAMES.split(' ').map((item) => item.replace(/=\d+$/, ''));
}

/** The charset a name stands for (glibc's spelling, any case), or undefined when iconv cannot convert it here. */
export function charsetFor(name: string): Charset | undefined {
  const key = name.toUpperCase();
  const unicode = UNICODE_SETS[UNICODE_ALIASES[key] ?? key];
  if (unicode) return unicode();
  const n = singleByteNames().get(key);
  return n === undefined ? undefined : table(n);
}
