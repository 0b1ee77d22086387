// hexdump's format language (util-linux hexdump-parse.c): a format string is a list of
// units `[iterations]/[bytes] "text %conversion text"`; each conversion becomes a print
// unit that consumes a fixed number of bytes. Parsing sets those counts, the block size and
// the repetition of a last unit that has none, as hexdump does.

export type PrKind = 'text' | 'addr' | 'char' | 'int' | 'uint' | 'dbl' | 'str' | 'c' | 'p' | 'u';

export interface Pr {
  kind: PrKind;
  /** Literal text before the conversion (all of it for 'text'). */
  text: string;
  flags: string;
  width: number | undefined;
  prec: number | undefined;
  /** The printf conversion letter (for addresses: d, o or x). */
  conv: string;
  bcnt: number;
  /** On the last iteration of the unit, leave out the final blank of this text. */
  nospace: boolean;
}

export interface Fu {
  reps: number;
  setRep: boolean;
  bcnt: number;
  fmt: string;
  prs: Pr[];
  /** Holds %_A: printed once, after the input, and skipped for the blocks. */
  ignore: boolean;
}

export type Fs = Fu[];

export class FormatError extends Error {}

const ESCAPES: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };

function unescape(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\' && i + 1 < s.length) {
      const c = s[i + 1]!;
      if (c === '0') {
        out += '\0';
        i++;
        continue;
      }
      if (ESCAPES[c] !== undefined) {
        out += ESCAPES[c];
        i++;
        continue;
      }
      // an unknown escape keeps the backslash
      out += '\\';
      continue;
    }
    out += s[i];
  }
  return out;
}

const isSpace = (c: string | undefined): boolean => c !== undefined && ' \t\n\v\f\r'.includes(c);
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** Splits one format string (-e) into its units. */
export function parseFs(fmt: string): Fs {
  const fus: Fu[] = [];
  const bad = (): never => {
    throw new FormatError(`bad format {${fmt}}`);
  };
  let p = 0;
  const skipSpace = (): void => {
    while (isSpace(fmt[p])) p++;
  };
  for (;;) {
    skipSpace();
    if (p >= fmt.length) break;
    const fu: Fu = { reps: 1, setRep: false, bcnt: 0, fmt: '', prs: [], ignore: false };
    if (isDigit(fmt[p])) {
      const start = p;
      while (isDigit(fmt[p])) p++;
      if (!isSpace(fmt[p]) && fmt[p] !== '/') bad();
      fu.reps = Number(fmt.slice(start, p));
      fu.setRep = true;
      if (fmt[p] !== '/') {
        p++;
        skipSpace();
      }
    }
    if (fmt[p] === '/') {
      p++;
      skipSpace();
    }
    if (isDigit(fmt[p])) {
      const start = p;
      while (isDigit(fmt[p])) p++;
      if (!isSpace(fmt[p])) bad();
      fu.bcnt = Number(fmt.slice(start, p));
      p++;
      skipSpace();
    }
    if (fmt[p] !== '"') bad();
    const end = fmt.indexOf('"', p + 1);
    if (end < 0) bad();
    fu.fmt = unescape(fmt.slice(p + 1, end));
    p = end + 1;
    fus.push(fu);
  }
  for (const fu of fus) rewriteFu(fu);
  return fus;
}

const FLAG_CHARS = '#-+ 0';

/** Print units of one format unit, with the bytes each conversion takes. */
function rewriteFu(fu: Fu): void {
  let s = fu.fmt;
  let nconv = 0;
  while (s.length) {
    const pct = s.indexOf('%');
    if (pct < 0) {
      fu.prs.push({ kind: 'text', text: s, flags: '', width: undefined, prec: undefined, conv: '', bcnt: 0, nospace: false });
      break;
    }
    const text = s.slice(0, pct);
    let i = pct + 1;
    let flags = '';
    while (i < s.length && FLAG_CHARS.includes(s[i]!)) flags += s[i++];
    let width: number | undefined;
    let ws = i;
    while (isDigit(s[i])) i++;
    if (i > ws) width = Number(s.slice(ws, i));
    let prec: number | undefined;
    if (s[i] === '.') {
      i++;
      ws = i;
      while (isDigit(s[i])) i++;
      prec = Number(s.slice(ws, i) || '0');
    }
    const c = s[i] ?? '';
    const pr: Pr = { kind: 'text', text, flags, width, prec, conv: c, bcnt: 0, nospace: false };
    const count = (allowed: number[], dflt: number, name: string): number => {
      if (fu.bcnt === 0) return dflt;
      if (allowed.includes(fu.bcnt)) return fu.bcnt;
      throw new FormatError(`bad byte count for conversion character ${name}`);
    };
    let next = i + 1;
    switch (c) {
      case 'c':
        pr.kind = 'char';
        pr.bcnt = count([1], 1, 'c');
        break;
      case 'd': case 'i':
        pr.kind = 'int';
        pr.conv = 'd';
        pr.bcnt = count([1, 2, 4, 8], 4, c);
        break;
      case 'o': case 'u': case 'x': case 'X':
        pr.kind = 'uint';
        pr.bcnt = count([1, 2, 4, 8], 4, c);
        break;
      case 'e': case 'E': case 'f': case 'g': case 'G':
        pr.kind = 'dbl';
        pr.bcnt = count([4, 8], 8, c);
        break;
      case 's':
        pr.kind = 'str';
        if (fu.bcnt) pr.bcnt = fu.bcnt;
        else if (prec !== undefined && /\.\d/.test(s.slice(pct, i))) pr.bcnt = prec;
        else throw new FormatError('%s requires a precision or a byte count');
        break;
      case '_': {
        const d = s[i + 1] ?? '';
        next = i + 2;
        if (d === 'A' || d === 'a') {
          if (d === 'A') fu.ignore = true;
          const r = s[i + 2] ?? '';
          if (!'dox'.includes(r) || r === '') throw new FormatError(`bad conversion character %_${d}${r}`);
          pr.kind = 'addr';
          pr.conv = r;
          next = i + 3;
        } else if (d === 'c' || d === 'p' || d === 'u') {
          pr.kind = d;
          pr.bcnt = count([1], 1, `_${d}`);
        } else throw new FormatError(`bad conversion character %_${d}`);
        break;
      }
      default:
        throw new FormatError(`bad conversion character %${c}`);
    }
    if (pr.kind !== 'addr' && fu.bcnt && nconv++) throw new FormatError('byte count with multiple conversion characters');
    fu.prs.push(pr);
    s = s.slice(next);
  }
  if (!fu.bcnt) fu.bcnt = fu.prs.reduce((n, pr) => n + pr.bcnt, 0);
}

/** Bytes one pass of a format string takes. */
export function fsSize(fs: Fs): number {
  return fs.reduce((n, fu) => n + fu.bcnt * fu.reps, 0);
}

/** Repeats the last unit to fill the block and marks the blanks the last iteration drops. */
export function finishFs(fs: Fs, blocksize: number): void {
  const size = fsSize(fs);
  fs.forEach((fu, idx) => {
    if (idx === fs.length - 1 && size < blocksize && !fu.setRep && fu.bcnt) fu.reps += Math.floor((blocksize - size) / fu.bcnt);
    if (fu.reps > 1 && fu.prs.length) {
      const last = fu.prs[fu.prs.length - 1]!;
      if (last.kind === 'text' && isSpace(last.text[last.text.length - 1])) last.nospace = true;
    }
  });
}
