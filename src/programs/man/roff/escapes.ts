// roff inline escapes for the man pages: font changes (\fB \fI \fR \fP \f(BI \f[..]),
// special characters (\(em \[bu] ...), strings (\*(lq), and the escapes that print nothing
// on a terminal. Glyphs are the ones groff's ascii device draws (man runs with LANG=C on
// Photon): \(em is "--", \(co is "(C)", a bullet is "o".

/** Font as a bit set: 1 bold, 2 italic (drawn underlined on a terminal). */
export type Font = number;
export const R: Font = 0;
export const B: Font = 1;
export const I: Font = 2;

export interface Cell {
  ch: string;
  font: Font;
  /**
   * A line may break after this character, which ends a glyph this many cells wide (groff's
   * cflags 2: -, \(hy and \(em, whose ascii form -- takes two cells).
   */
  brk?: number;
}

/** A space that neither breaks nor stretches (\~, "\ ", \0). */
export const NBSP = '\u00a0';
/** Marks where \c joins this input line to the next. */
export const JOIN = '\u0001';

const SPECIAL: Record<string, string> = {
  em: '--', en: '-', hy: '-', mi: '-', bu: 'o', aq: "'", dq: '"', lq: '"', rq: '"', oq: "'", cq: "'",
  Fo: '<<', Fc: '>>', fo: '<', fc: '>', co: '(C)', rg: '(R)', tm: 'tm', mu: 'x', di: '/', pl: '+', eq: '=',
  '>=': '>=', '<=': '<=', '!=': '!=', '->': '->', '<-': '<-', '<>': '<->', '==': '==', '+-': '+-',
  ti: '~', ha: '^', rs: '\\', sl: '/', ba: '|', br: '|', or: '|', ul: '_', ru: '_', ga: '`', aa: "'",
  dg: '+', sc: 'S', de: 'o', ct: 'c', lB: '[', rB: ']', lC: '{', rC: '}', la: '<', ra: '>', sq: 'o',
  ua: '^', da: 'v', rA: '=>', lA: '<=', hA: '<=>', at: '@', sh: '#', Do: '$', Po: 'L', Ye: 'Y', Eu: 'EUR',
  ss: 'ss', 'ae': 'ae', 'oe': 'oe', 'a"': '"', 'u00A0': NBSP,
};

const STRINGS: Record<string, string> = {
  lq: '"', rq: '"', R: '(R)', Tm: '(TM)', S: '', HF: '', 'an-trademark': '(TM)',
};

function fontCode(name: string, cur: Font, prev: Font): Font {
  switch (name) {
    case 'B': case '3': case 'CB': return B;
    case 'I': case '2': case 'CI': return I;
    case 'BI': case '4': case 'CBI': return B | I;
    case 'P': case '': return prev;
    case 'R': case '1': case 'C': case 'CR': case 'CW': return R;
    default: return cur;
  }
}

/** The current and previous fonts, changed by \f escapes and the font macros. */
export class FontState {
  constructor(
    public cur: Font = R,
    public prev: Font = R,
  ) {}

  set(font: Font): void {
    this.prev = this.cur;
    this.cur = font;
  }

  select(name: string): void {
    this.set(fontCode(name, this.cur, this.prev));
  }
}

/** Reads an escape's name: `x`, `(xy` or `[name]`; returns the name and the index after it. */
function readName(text: string, i: number): [string, number] {
  const c = text[i];
  if (c === undefined) return ['', i];
  if (c === '(') return [text.slice(i + 1, i + 3), i + 3];
  if (c === '[') {
    const end = text.indexOf(']', i);
    return end < 0 ? [text.slice(i + 1), text.length] : [text.slice(i + 1, end), end + 1];
  }
  return [c, i + 1];
}

/** Reads a delimited argument like `'...'` (\w, \h, \N); returns it and the index after it. */
function readDelimited(text: string, i: number): [string, number] {
  const d = text[i];
  if (d === undefined) return ['', i];
  const end = text.indexOf(d, i + 1);
  return end < 0 ? [text.slice(i + 1), text.length] : [text.slice(i + 1, end), end + 1];
}

function special(name: string): string {
  if (name in SPECIAL) return SPECIAL[name]!;
  const u = /^u([0-9A-Fa-f]{4,6})$/.exec(name);
  if (u) {
    const code = parseInt(u[1]!, 16);
    return code < 0x80 ? String.fromCharCode(code) : '?';
  }
  return '';
}

/** Drops a `\"` comment (and `\#`) from a line, leaving escaped backslashes alone. */
export function stripComment(line: string): string {
  for (let i = 0; i < line.length; i++) {
    if (line[i] !== '\\') continue;
    const next = line[i + 1];
    if (next === '"' || next === '#') return line.slice(0, i);
    i++;
  }
  return line;
}

/** Expands a line of text into cells, changing `fonts` as \f escapes ask. */
export function expand(text: string, fonts: FontState): Cell[] {
  const out: Cell[] = [];
  const put = (s: string, brk = false): void => {
    for (const ch of s) out.push({ ch, font: fonts.cur });
    if (brk && s.length) out[out.length - 1]!.brk = s.length;
  };
  for (let i = 0; i < text.length; ) {
    const c = text[i]!;
    if (c !== '\\') {
      put(c, c === '-');
      i++;
      continue;
    }
    const e = text[i + 1];
    i += 2;
    switch (e) {
      case undefined: break;
      case 'f': {
        const [name, next] = readName(text, i);
        fonts.select(name);
        i = next;
        break;
      }
      case '(': case '[': {
        const [name, next] = readName(text, i - 1);
        put(special(name), name === 'em' || name === 'hy');
        i = next;
        break;
      }
      case '*': {
        const [name, next] = readName(text, i);
        put(STRINGS[name] ?? '');
        i = next;
        break;
      }
      case 'n': case 'g': case 'k': case 'm': case 'M': case 'F': case 'Y': case 'V': i = readName(text, i)[1]; break;
      case 's': {
        const m = /^[+-]?(\d\d?|\(\d\d|\[\d+\])/.exec(text.slice(i));
        i += m ? m[0].length : 0;
        break;
      }
      case 'w': case 'h': case 'v': case 'o': case 'b': case 'l': case 'L': case 'D': case 'X': case 'Z': case 'A': case 'B': case 'R': case 'x': case 'S':
        i = readDelimited(text, i)[1];
        break;
      case 'N': {
        const [code, next] = readDelimited(text, i);
        put(String.fromCharCode(Number(code) || 63));
        i = next;
        break;
      }
      case '-': put('-'); break;
      case 'e': case '\\': put('\\'); break;
      case '~': case ' ': case '0': put(NBSP); break;
      case 'c': put(JOIN); break;
      case "'": put("'"); break;
      case '`': put('`'); break;
      case '.': put('.'); break;
      case '&': case '/': case ',': case '|': case '^': case '%': case ':': case ')': case 'd': case 'u': case 'p': case 'r': case 'z': case '{': case '}': case 't': break;
      default: put(e);
    }
  }
  return out;
}

/**
 * Splits a macro line's arguments: words separated by spaces, a double-quoted argument may
 * hold spaces, and `""` inside quotes is one quote character.
 */
export function splitArgs(text: string): string[] {
  const args: string[] = [];
  let i = 0;
  while (i < text.length) {
    while (text[i] === ' ' || text[i] === '\t') i++;
    if (i >= text.length) break;
    let arg = '';
    if (text[i] === '"') {
      i++;
      while (i < text.length) {
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            arg += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (text[i] === '\\' && i + 1 < text.length) {
          arg += text.slice(i, i + 2);
          i += 2;
          continue;
        }
        arg += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ' ' && text[i] !== '\t') {
        if (text[i] === '\\' && i + 1 < text.length) {
          arg += text.slice(i, i + 2);
          i += 2;
          continue;
        }
        arg += text[i++];
      }
    }
    args.push(arg);
  }
  return args;
}
