// gnulib quotearg_buffer_restyled, ported byte for byte for the styles coreutils uses:
// ls's --quoting-style values, quoteaf() (shell-escape-always) in messages, and quote()
// (locale style, which is '...' in the C locale). Works on UTF-8 bytes; in the C locale every
// byte above 0x7e counts as unprintable, as it does for glibc.

import { byteChar, encodeText } from '../../shared/bytes';

export type QuotingStyle =
  | 'literal' | 'shell' | 'shell-always' | 'shell-escape' | 'shell-escape-always'
  | 'c' | 'c-maybe' | 'escape' | 'locale' | 'clocale';

export const QUOTING_STYLES: QuotingStyle[] = ['literal', 'shell', 'shell-always', 'shell-escape', 'shell-escape-always', 'c', 'c-maybe', 'escape', 'locale', 'clocale'];

export interface QuoteOptions {
  style: QuotingStyle;
  /** Extra characters to backslash-escape (ls: ' ' for -b, indicator characters, ':' in headers). */
  quoteToo?: string;
  /** Decode multibyte UTF-8 characters as printable (a UTF-8 locale). */
  utf8?: boolean;
}

const decoder = new TextDecoder();
const ch = (s: string): number => s.charCodeAt(0);

const SAFE = new Set([...'%+,-./0123456789:ABCDEFGHIJKLMNOPQRSTUVWXYZ]_abcdefghijklmnopqrstuvwxyz'].map(ch));
const SHELL_SPECIAL = new Set([...'!"$&()*;<=>[^`|'].map(ch));

class Force extends Error {}

/** Length and printability of the UTF-8 sequence at `i`. */
function utf8Char(b: Uint8Array, i: number): { len: number; printable: boolean } {
  const c = b[i]!;
  const need = c >= 0xf0 && c <= 0xf4 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 && c <= 0xdf ? 2 : 0;
  if (need === 0 || c > 0xf4) return { len: 1, printable: false };
  let cp = c & (need === 2 ? 0x1f : need === 3 ? 0x0f : 0x07);
  for (let k = 1; k < need; k++) {
    // a byte that cannot continue it: one bad byte (EILSEQ); the end first: the rest (incomplete)
    if (i + k >= b.length) return { len: b.length - i, printable: false };
    const cc = b[i + k]!;
    if ((cc & 0xc0) !== 0x80) return { len: 1, printable: false };
    cp = (cp << 6) | (cc & 0x3f);
  }
  // C1 controls, surrogates and the line/paragraph separators are not printable
  const printable = !(cp < 0xa0 || (cp >= 0xd800 && cp <= 0xdfff) || cp === 0x2028 || cp === 0x2029 || cp > 0x10ffff);
  return { len: need, printable };
}

function restyled(
  arg: Uint8Array,
  styleIn: QuotingStyle,
  elideIn: boolean,
  quoteToo: Set<number> | undefined,
  utf8: boolean,
  rescan?: { pending: boolean },
): number[] {
  let style = styleIn;
  let elide = elideIn;
  let backslash = false;
  let quoteString: number[] = [];
  const out: number[] = [];
  let singleQuote = false;
  let allCompat = true;
  // a second pass keeps the first pass's unfinished $'...' state, as gnulib does (so it may
  // start with an empty '' pair)
  let pending = rescan?.pending ?? false;
  const store = (...cs: number[]): void => {
    out.push(...cs);
  };
  if (style === 'c-maybe' || style === 'c') {
    if (style === 'c-maybe') elide = true;
    style = 'c';
    if (!elide) store(ch('"'));
    backslash = true;
    quoteString = [ch('"')];
  } else if (style === 'escape') {
    backslash = true;
    elide = false;
  } else if (style === 'locale' || style === 'clocale') {
    const q = ch(style === 'clocale' ? '"' : "'");
    if (!elide) store(q);
    backslash = true;
    quoteString = [q];
  } else if (style === 'literal') {
    elide = false;
  } else {
    if (style === 'shell-escape') {
      backslash = true;
      elide = true;
    } else if (style === 'shell') {
      elide = true;
    } else if (style === 'shell-escape-always' && !elide) {
      backslash = true;
    }
    style = 'shell-always';
    if (!elide) store(ch("'"));
    quoteString = [ch("'")];
  }
  const shellAlways = style === 'shell-always';
  for (let i = 0; i < arg.length; i++) {
    let c = arg[i]!;
    let isRightQuote = false;
    let escaping = false;
    let compat = false;
    const startEsc = (): void => {
      if (elide) throw new Force();
      escaping = true;
      if (shellAlways && !pending) {
        store(ch("'"), ch('$'), ch("'"));
        pending = true;
      }
      store(ch('\\'));
    };
    const endEsc = (): void => {
      if (pending && !escaping) {
        store(ch("'"), ch("'"));
        pending = false;
      }
    };
    if (backslash && !shellAlways && quoteString.length && quoteString.every((q, k) => arg[i + k] === q)) {
      if (elide) throw new Force();
      isRightQuote = true;
    }
    let action: 'check' | 'escape' | 'store' = 'check';
    const cEscape = (esc: string, shellToo: boolean): void => {
      if (shellToo && shellAlways && elide) throw new Force();
      if (backslash) {
        c = ch(esc);
        action = 'escape';
      }
    };
    switch (c) {
      case 0:
        if (backslash) {
          startEsc();
          if (!shellAlways && i + 1 < arg.length && arg[i + 1]! >= 0x30 && arg[i + 1]! <= 0x39) store(ch('0'), ch('0'));
          c = ch('0');
        }
        break;
      case ch('?'):
        if (shellAlways && elide) throw new Force();
        break;
      case 7: cEscape('a', false); break;
      case 8: cEscape('b', false); break;
      case 12: cEscape('f', false); break;
      case 10: cEscape('n', true); break;
      case 13: cEscape('r', true); break;
      case 9: cEscape('t', true); break;
      case 11: cEscape('v', false); break;
      case ch('\\'):
        if (shellAlways) {
          if (elide) throw new Force();
          action = 'store';
          break;
        }
        if (backslash && elide && quoteString.length) {
          action = 'store';
          break;
        }
        cEscape('\\', true);
        break;
      case ch('{'): case ch('}'): case ch('#'): case ch('~'): case ch(' '): {
        // braces alone, # and ~ at the start, and a space make a shell word special
        const special = c === ch(' ') || (i === 0 && (c === ch('#') || c === ch('~') || arg.length === 1));
        if (!special) break;
        compat = true;
        if (shellAlways && elide) throw new Force();
        break;
      }
      case ch("'"):
        singleQuote = true;
        compat = true;
        if (shellAlways) {
          if (elide) throw new Force();
          store(ch("'"), ch('\\'), ch("'"));
          pending = false;
        }
        break;
      default:
        if (SHELL_SPECIAL.has(c)) {
          if (shellAlways && elide) throw new Force();
          break;
        }
        if (SAFE.has(c)) {
          compat = true;
          break;
        }
        {
          let m = 1;
          let printable = c >= 0x20 && c < 0x7f;
          if (utf8 && c >= 0x80) ({ len: m, printable } = utf8Char(arg, i));
          compat = printable;
          if (m > 1 || (backslash && !printable)) {
            const ilim = i + m;
            for (;;) {
              if (backslash && !printable) {
                startEsc();
                store(ch('0') + (c >> 6), ch('0') + ((c >> 3) & 7));
                c = ch('0') + (c & 7);
              } else if (isRightQuote) {
                store(ch('\\'));
                isRightQuote = false;
              }
              if (ilim <= i + 1) break;
              endEsc();
              store(c);
              c = arg[++i]!;
            }
            action = 'store';
          }
        }
    }
    if (action === 'check') {
      const quoteIt = ((backslash && !shellAlways) || elide) && quoteToo?.has(c);
      action = quoteIt || isRightQuote ? 'escape' : 'store';
    }
    if (action === 'escape') startEsc();
    endEsc();
    store(c);
    if (!compat) allCompat = false;
  }
  if (out.length === 0 && shellAlways && elide) throw new Force();
  if (shellAlways && !elide && singleQuote) {
    if (allCompat) return restyled(arg, 'c', false, quoteToo, utf8);
    // gnulib scans once more after a single quote, without resetting its escape state
    if (!rescan) return restyled(arg, styleIn, elideIn, quoteToo, utf8, { pending });
  }
  if (quoteString.length && !elide) store(...quoteString);
  return out;
}

function run(arg: Uint8Array, style: QuotingStyle, quoteToo: Set<number> | undefined, utf8: boolean): number[] {
  try {
    return restyled(arg, style, false, quoteToo, utf8);
  } catch (e) {
    if (!(e instanceof Force)) throw e;
    // the short form would be ambiguous: quote the whole argument instead
    const always = style === 'shell-escape' || style === 'shell-escape-always' ? 'shell-escape-always' : style === 'c-maybe' ? 'c' : 'shell-always';
    return restyled(arg, always, false, undefined, utf8);
  }
}

/** The text for bytes: UTF-8 characters, and any byte outside one as its escaped character (shared/bytes). */
export function bytesText(bytes: ArrayLike<number>): string {
  const b = Array.from(bytes);
  if (b.every((c) => c < 0x80)) return decoder.decode(Uint8Array.from(b));
  let out = '';
  for (let i = 0; i < b.length; ) {
    const c = b[i]!;
    const need = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    let ok = need > 0 && i + need <= b.length;
    for (let k = 1; ok && k < need; k++) ok = (b[i + k]! & 0xc0) === 0x80;
    const text = ok ? decoder.decode(Uint8Array.from(b.slice(i, i + need))) : '';
    // (an overlong form or a surrogate decodes to U+FFFD: its bytes stay bytes)
    if (ok && !text.includes('\ufffd')) {
      out += text;
      i += need;
    } else {
      out += byteChar(c);
      i++;
    }
  }
  return out;
}

/** Quotes `name` in `opts.style` (a name's bytes that are not UTF-8 are quoted as bytes). */
export function quotearg(name: string, opts: QuoteOptions): string {
  const too = opts.quoteToo ? new Set([...opts.quoteToo].map(ch)) : undefined;
  return bytesText(run(encodeText(name), opts.style, too, opts.utf8 ?? false));
}

/** Whether the locale in `env` is a UTF-8 one (LC_ALL, then LC_CTYPE, then LANG). */
export function isUtf8Locale(env: Map<string, string>): boolean {
  const loc = env.get('LC_ALL') || env.get('LC_CTYPE') || env.get('LANG') || '';
  return /utf-?8/i.test(loc);
}

/** coreutils quoteaf(): shell-escape-always, the style of file names in messages. */
export function quoteaf(name: string, utf8 = false): string {
  return quotearg(name, { style: 'shell-escape-always', utf8 });
}
