// A compiled sed script (GNU sed 4.9's struct sed_cmd and friends), and the text helpers
// both the compiler and the executor use: escape conversion and the `l` listing.
import type { PosixRegExp } from '../lib/posix-match';

/** Exit statuses: bad usage or script 1, unreadable input 2, I/O trouble 4. */
export const EXIT_BAD_USAGE = 1;
export const EXIT_BAD_INPUT = 2;
export const EXIT_PANIC = 4;

export class SedError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** A regex operand; `re` null is the empty regex (the last one used). */
export interface SedRegex {
  re: PosixRegExp | null;
  /** The pattern as sed keeps it (escapes converted), the I and M flags: for --debug. */
  src?: string;
  icase?: boolean;
  multiline?: boolean;
}

export type AddrKind = 'num' | 'last' | 'regex' | 'mod' | 'plus' | 'tilde';

export interface Addr {
  kind: AddrKind;
  n1: number;
  n2: number;
  regex?: SedRegex;
}

export type ReplPart = { t: 'lit'; s: string } | { t: 'ref'; n: number } | { t: 'case'; c: 'L' | 'U' | 'l' | 'u' | 'E' };

export interface Subst {
  regex: SedRegex;
  repl: ReplPart[];
  global: boolean;
  /** 1: print before e, 2: after (s///pe and s///ep). */
  print: number;
  numb: number;
  eval: boolean;
  outf: string | undefined;
}

export interface Command {
  a1?: Addr;
  a2?: Addr;
  bang: boolean;
  cmd: string;
  range: 'inactive' | 'active' | 'closed';
  /** Last line of an active addr1,+N / addr1,~N / addr1,N range. */
  rangeEnd: number;
  text: string;
  label: string;
  /** Target index for b t T and the matching } of a {. */
  jump: number;
  intArg: number;
  fname: string;
  subst?: Subst;
  ymap?: string[];
}

const OCT = /^[0-7]{1,3}/;
const DEC = /^[0-9]{1,3}/;
const HEX = /^[0-9a-fA-F]{1,2}/;

/**
 * The character a GNU escape (\a \f \n \r \t \v \cX \dNNN \oNNN \xHH) at p[i] (just past the
 * backslash) stands for, and its length; undefined when p[i] starts no such escape.
 */
export function escapeAt(p: string, i: number): [string, number] | undefined {
  const c = p[i];
  switch (c) {
    case 'a': return ['\x07', 1];
    case 'f': return ['\f', 1];
    case 'n': return ['\n', 1];
    case 'r': return ['\r', 1];
    case 't': return ['\t', 1];
    case 'v': return ['\v', 1];
    case 'c':
      if (i + 1 < p.length) return [String.fromCharCode(p[i + 1]!.toUpperCase().charCodeAt(0) ^ 0x40), 2];
      return undefined;
    case 'd': case 'o': case 'x': {
      const m = (c === 'd' ? DEC : c === 'o' ? OCT : HEX).exec(p.slice(i + 1));
      if (!m) return undefined;
      const v = parseInt(m[0], c === 'd' ? 10 : c === 'o' ? 8 : 16);
      return [String.fromCharCode(v & 0xff), 1 + m[0].length];
    }
    default:
      return undefined;
  }
}

/** Text of a, i and c: escapes converted, a backslash before anything else dropped. */
export function textBuffer(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c !== '\\' || i + 1 >= raw.length) {
      out += c;
      continue;
    }
    const e = escapeAt(raw, i + 1);
    if (e) {
      out += e[0];
      i += e[1];
    } else {
      out += raw[i + 1];
      i++;
    }
  }
  return out;
}

/** A regex's escapes converted to the characters they name; other escapes kept. */
export function regexText(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c !== '\\' || i + 1 >= raw.length) {
      out += c;
      continue;
    }
    const e = raw[i + 1] === 'n' ? undefined : escapeAt(raw, i + 1);
    if (e) {
      out += e[0];
      i += e[1];
    } else {
      out += c + raw[i + 1];
      i++;
    }
  }
  return out;
}

const LIST_ESCAPES: Record<string, string> = { '\x07': 'a', '\b': 'b', '\f': 'f', '\n': 'n', '\r': 'r', '\t': 't', '\v': 'v', '\\': '\\' };

/** The `l` command's listing of a pattern space, wrapped at `width` (0: never). */
export function listing(ps: string, width: number, delim = '\n'): string {
  let out = '';
  let col = 0;
  for (let i = 0; i < ps.length; i++) {
    const c = ps[i]!;
    const code = c.charCodeAt(0);
    let o: string;
    if (code >= 32 && code < 127 && c !== '\\') o = c;
    else {
      const e = LIST_ESCAPES[c];
      o = e ? `\\${e}` : `\\${code.toString(8).padStart(3, '0')}`;
    }
    if (col + o.length > width - 1 && width > 0) {
      out += `\\${delim}`;
      col = 0;
    }
    out += o;
    col += o.length;
  }
  return `${out}$${delim}`;
}
