// Byte sets for POSIX regular expressions in the C locale: bracket expressions parsed as
// glibc's parse_bracket_exp does (with its error codes), character classes, case folding,
// and their JavaScript spelling.

/** One flag per byte value. */
export type CharSet = Uint8Array;

export class RegexSyntaxError extends Error {
  /** `dfa` errors come from grep's/sed's DFA pass (no "-e expression" position in sed). */
  constructor(
    message: string,
    readonly dfa = false,
  ) {
    super(message);
  }
}

export const MSG = {
  EBRACK: 'Unmatched [, [^, [:, [., or [=',
  BADPAT: 'Invalid regular expression',
  ERANGE: 'Invalid range end',
  ECTYPE: 'Invalid character class name',
  ECOLLATE: 'Invalid collation character',
  EPAREN: 'Unmatched ( or \\(',
  ERPAREN: 'Unmatched ) or \\)',
  EBRACE: 'Unmatched \\{',
  BADBR: 'Invalid content of \\{\\}',
  ESIZE: 'Regular expression too big',
  BADRPT: 'Invalid preceding regular expression',
  ESUBREG: 'Invalid back reference',
  EESCAPE: 'Trailing backslash',
  COLON: 'character class syntax is [[:space:]], not [:space:]',
} as const;

export function emptySet(): CharSet {
  return new Uint8Array(256);
}

export function charSet(...codes: number[]): CharSet {
  const s = emptySet();
  for (const c of codes) s[c] = 1;
  return s;
}

export function isWordByte(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

const CLASS_TESTS: Record<string, (c: number) => boolean> = {
  alpha: (c) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122),
  digit: (c) => c >= 48 && c <= 57,
  alnum: (c) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122),
  upper: (c) => c >= 65 && c <= 90,
  lower: (c) => c >= 97 && c <= 122,
  space: (c) => c === 32 || (c >= 9 && c <= 13),
  blank: (c) => c === 32 || c === 9,
  punct: (c) => (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126),
  print: (c) => c >= 32 && c <= 126,
  graph: (c) => c >= 33 && c <= 126,
  cntrl: (c) => c < 32 || c === 127,
  xdigit: (c) => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102),
};

export function classSet(name: string): CharSet | undefined {
  const test = CLASS_TESTS[name];
  if (!test) return undefined;
  const s = emptySet();
  for (let c = 0; c < 256; c++) if (test(c)) s[c] = 1;
  return s;
}

/** The other case of an ASCII letter, or -1. */
export function otherCase(c: number): number {
  if (c >= 65 && c <= 90) return c + 32;
  if (c >= 97 && c <= 122) return c - 32;
  return -1;
}

export function foldSet(s: CharSet): void {
  for (let c = 65; c <= 90; c++) {
    if (s[c] || s[c + 32]) s[c] = s[c + 32] = 1;
  }
}

export function negateSet(s: CharSet): void {
  for (let c = 0; c < 256; c++) s[c] = s[c] ? 0 : 1;
}

export function setSize(s: CharSet): number {
  let n = 0;
  for (let c = 0; c < 256; c++) n += s[c]!;
  return n;
}

function hex(c: number): string {
  return `\\x${c.toString(16).padStart(2, '0')}`;
}

/** A byte as a JavaScript regex atom. */
export function jsChar(c: number): string {
  if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 32) return String.fromCharCode(c);
  return hex(c);
}

/** A set as a JavaScript regex atom; `icase` means the regex has the i flag (pairs collapse). */
export function jsSet(s: CharSet, icase: boolean): string {
  const n = setSize(s);
  if (n === 256) return '[\\s\\S]';
  if (n === 0) return '[^\\s\\S]';
  if (n === 1) return jsChar(s.indexOf(1));
  if (n === 2 && icase) {
    const c = s.indexOf(1);
    if (otherCase(c) >= 0 && s[otherCase(c)]) return jsChar(c);
  }
  let out = '';
  for (let c = 0; c < 256; c++) {
    if (!s[c]) continue;
    let e = c;
    while (e + 1 < 256 && s[e + 1]) e++;
    out += e === c ? hex(c) : e === c + 1 ? hex(c) + hex(e) : `${hex(c)}-${hex(e)}`;
    c = e;
  }
  return `[${out}]`;
}

export interface BracketResult {
  set: CharSet;
  /** Index just past the closing `]`. */
  end: number;
  /** dfa's "[:space:]" complaint, raised only if glibc finds nothing wrong. */
  colonError: boolean;
}

/**
 * Parses a bracket expression; `i` is just past the `[`. Throws glibc's errors. The set is
 * not yet case-folded nor stripped of the line terminator.
 */
export function parseBracket(p: string, i: number): BracketResult {
  const n = p.length;
  const set = emptySet();
  if (i >= n) throw new RegexSyntaxError(MSG.BADPAT);
  let negate = false;
  if (p[i] === '^') {
    negate = true;
    i++;
    if (i >= n) throw new RegexSyntaxError(MSG.BADPAT);
  }
  // dfa's colon warning state: 1 first is ':', 2 last is ':', 4 something else, 8 a range/class
  let colon = p[i] === ':' ? 1 : 0;
  let first = true;
  type Elem = { kind: 'char'; c: number } | { kind: 'class'; set: CharSet } | { kind: 'equiv'; c: number } | { kind: 'coll'; c: number };
  const symbol = (delim: string): { name: string } => {
    // i is past "[x"; reads up to "x]"
    const start = i;
    for (;;) {
      if (i >= n || i - start >= 32) throw new RegexSyntaxError(MSG.EBRACK);
      if (p[i] === delim && p[i + 1] === ']') break;
      i++;
    }
    const name = p.slice(start, i);
    i += 2;
    return { name };
  };
  const element = (acceptHyphen: boolean): Elem => {
    const c = p[i]!;
    if (c === '[' && i + 1 < n && (p[i + 1] === '.' || p[i + 1] === '=' || p[i + 1] === ':')) {
      const kind = p[i + 1]!;
      i += 2;
      if (i >= n) throw new RegexSyntaxError(MSG.EBRACK);
      const { name } = symbol(kind);
      if (kind === ':') {
        const cs = classSet(name);
        if (!cs) throw new RegexSyntaxError(MSG.ECTYPE);
        return { kind: 'class', set: cs };
      }
      if (name.length !== 1) throw new RegexSyntaxError(MSG.ECOLLATE);
      return kind === '=' ? { kind: 'equiv', c: name.charCodeAt(0) } : { kind: 'coll', c: name.charCodeAt(0) };
    }
    if (c === '-' && !acceptHyphen && p[i + 1] !== ']') throw new RegexSyntaxError(MSG.ERANGE);
    i++;
    return { kind: 'char', c: c.charCodeAt(0) };
  };
  for (;;) {
    if (i >= n) throw new RegexSyntaxError(MSG.EBRACK);
    const startIdx = i;
    const start = element(first);
    if (startIdx !== i - 1 || start.kind !== 'char') colon |= 8;
    first = false;
    let isRange = false;
    if (start.kind !== 'class' && start.kind !== 'equiv') {
      if (i >= n) throw new RegexSyntaxError(MSG.EBRACK);
      if (p[i] === '-') {
        if (i + 1 >= n) throw new RegexSyntaxError(MSG.EBRACK);
        if (p[i + 1] !== ']') {
          isRange = true;
          i++;
        }
      }
    }
    if (isRange) {
      const end = element(true);
      colon |= 8;
      if (end.kind === 'class' || end.kind === 'equiv') throw new RegexSyntaxError(MSG.ERANGE);
      const lo = (start as { c: number }).c;
      const hi = end.c;
      if (lo > hi) throw new RegexSyntaxError(MSG.ERANGE);
      for (let c = lo; c <= hi; c++) set[c] = 1;
    } else if (start.kind === 'class') {
      for (let c = 0; c < 256; c++) if (start.set[c]) set[c] = 1;
    } else {
      set[start.c] = 1;
      if (start.kind === 'char') colon = (colon & ~2) | (start.c === 58 ? 2 : 4);
    }
    if (i >= n) throw new RegexSyntaxError(MSG.EBRACK);
    if (p[i] === ']') {
      i++;
      break;
    }
  }
  if (negate) negateSet(set);
  return { set, end: i, colonError: colon === 7 };
}
