// How ls writes a file name: quoting (quote_name_buf), the leading space that lines
// unquoted names up with quoted ones, colour sequences around it, and the -F/-p suffix.
import { quotearg, type QuotingStyle } from '../../lib/quotearg';
import { columns, isPrintable } from '../char-width';
import { colorFor, type Colors } from './colors';
import type { Entry } from './entry';
import { fileEscape, type LsConfig } from './options';

const S_IFMT = 0o170000;

/** mbsnwidth's count for one character: wcwidth, with control characters 0 and other unprintable ones 1. */
function charWidth(cp: number): number {
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  if (!isPrintable(cp)) return 1;
  return columns(cp);
}

/**
 * The columns a name takes. In a UTF-8 locale, each character's width; in a single-byte
 * locale (C), GNU counts only the printable ASCII bytes, so control characters and every
 * byte of a non-ASCII character count 0.
 */
export function displayWidth(s: string, utf8 = true): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (utf8) w += charWidth(cp);
    else if (cp >= 0x20 && cp < 0x7f) w++;
  }
  return w;
}

export class Names {
  /** Whether any colour sequence has been written yet (the first one is preceded by a reset). */
  private usedColor = false;
  readonly style: QuotingStyle;
  /** align_variable_outer_quotes: pad unquoted names when some are quoted. */
  readonly align: boolean;
  private readonly fileToo: string;

  constructor(
    private readonly c: LsConfig,
    readonly colors: Colors | undefined,
  ) {
    this.style = c.quoting ?? 'literal';
    this.align = (c.format === 'long' || ((c.format === 'columns' || c.format === 'across') && c.lineLength > 0)) &&
      (this.style === 'shell' || this.style === 'shell-escape' || this.style === 'c-maybe');
    let too = this.style === 'escape' ? ' ' : '';
    if (c.indicator === 'file-type') too += '*=>@|';
    else if (c.indicator === 'classify') too += '=>@|';
    this.fileToo = too;
  }

  private qmark(text: string): string {
    // -q: unprintable characters become '?' (only for the styles that leave them raw); in the
    // C locale that is every byte outside ASCII
    if (!this.c.hideControl || !(this.style === 'shell' || this.style === 'shell-always' || this.style === 'literal')) return text;
    let out = '';
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (cp >= 0x20 && cp < 0x7f) out += ch;
      else if (this.c.utf8 && isPrintable(cp)) out += ch;
      else out += '?'.repeat(this.c.utf8 ? 1 : new TextEncoder().encode(ch).length);
    }
    return out;
  }

  quoteName(name: string, extra = this.fileToo): { text: string; quoted: boolean } {
    const text = quotearg(name, { style: this.style, quoteToo: extra || undefined, utf8: this.c.utf8 });
    return { text: this.qmark(text), quoted: text !== name };
  }

  needsQuoting(name: string): boolean {
    return this.quoteName(name).quoted;
  }

  /** fileinfo_name_width: the width of the name as printed, with the alignment space. */
  nameWidth(e: Entry, someQuoted: boolean): number {
    const { text, quoted } = this.quoteName(e.name);
    return displayWidth(text, this.c.utf8) + (this.align && someQuoted && !quoted ? 1 : 0);
  }

  usedColorOnce(): boolean {
    return this.usedColor;
  }

  /** A colour sequence, preceded by a reset the first time colour is used. */
  private put(seq: string): string {
    if (this.usedColor) return seq;
    this.usedColor = true;
    return this.colors!.reset() + seq;
  }

  /** set_normal_color: only when LS_COLORS gives "no" a colour. */
  normal(): string {
    const col = this.colors;
    if (!col || !col.isColored('no')) return '';
    return this.put(col.open(col.seq.get('no')!));
  }

  /**
   * print_name_with_quoting: the name (or a symlink's target) with its alignment space and
   * colour; `width` is the number of columns it takes, `startCol` where it begins.
   */
  render(e: Entry, target: boolean, someQuoted: boolean, startCol: number): { text: string; width: number } {
    const name = target ? (e.linkName ?? '') : e.name;
    const { text, quoted } = this.quoteName(name);
    const pad = !target && this.align && someQuoted && !quoted ? ' ' : '';
    const col = this.colors;
    let out = pad;
    let used = false;
    if (col) {
      const seq = colorFor(col, {
        name: e.name,
        mode: e.st?.mode,
        nlink: e.st?.nlink ?? 1,
        linkOk: e.linkOk,
        linkMode: e.linkMode,
        fallback: fallbackIndicator(e),
      }, target, e.linkName);
      if (seq !== undefined) {
        if (col.isColored('no')) out += this.put(col.open(''));
        out += this.put(col.open(seq));
      }
      used = seq !== undefined || col.isColored('no');
    }
    out += this.linked(text, e.absoluteName, this.align && someQuoted && quoted);
    const bytes = new TextEncoder().encode(text).length + pad.length;
    if (used && col) {
      out += this.put(col.reset());
      const line = this.c.lineLength;
      if (line && Math.floor(startCol / line) !== Math.floor((startCol + bytes - 1) / line)) out += this.put(col.seq.get('cl') ?? '');
    }
    return { text: out, width: displayWidth(text, this.c.utf8) + pad.length };
  }

  /** get_type_indicator: the -F / -p / --file-type character ('' for none). */
  indicator(statOk: boolean, mode: number, type: Entry['type']): string {
    const style = this.c.indicator;
    if (style === 'none') return '';
    const fmt = mode & S_IFMT;
    if (statOk ? fmt === 0o100000 : type === 'file') return statOk && style === 'classify' && mode & 0o111 ? '*' : '';
    if (statOk ? fmt === 0o040000 : type === 'dir' || type === 'arg-dir') return '/';
    if (style === 'slash') return '';
    if (statOk ? fmt === 0o120000 : type === 'symlink') return '@';
    if (statOk ? fmt === 0o010000 : type === 'fifo') return '|';
    if (statOk ? fmt === 0o140000 : type === 'socket') return '=';
    return '';
  }

  entryIndicator(e: Entry): string {
    return this.indicator(e.st !== undefined, e.st?.mode ?? 0, e.type);
  }

  /** The "DIR:" header line's name (':' is quoted too), linked to `absolute` under --hyperlink. */
  dirName(name: string, absolute?: string): string {
    return this.linked(this.quoteName(name, ':').text, absolute, false);
  }

  /**
   * quote_name's --hyperlink part: the text inside an OSC 8 link to file://HOST/ABSOLUTE; when
   * names are aligned on their quotes, a quoted name's outer quotes stay outside the link.
   */
  private linked(text: string, absolute: string | undefined, skipQuotes: boolean): string {
    const host = this.c.hyperlink;
    if (host === undefined || absolute === undefined) return text;
    const path = fileEscape(absolute, true);
    const open = `\x1b]8;;file://${host}${path.startsWith('/') ? '' : '/'}${path}\x07`;
    const close = '\x1b]8;;\x07';
    if (!skipQuotes) return `${open}${text}${close}`;
    return `${text[0]}${open}${text.slice(1, -1)}${close}${text.slice(-1)}`;
  }
}

function fallbackIndicator(e: Entry): 'or' | 'pi' | 'cd' | 'di' | 'bd' | 'fi' | 'ln' | 'so' {
  switch (e.type) {
    case 'fifo': return 'pi';
    case 'chardev': return 'cd';
    case 'dir': case 'arg-dir': return 'di';
    case 'blockdev': return 'bd';
    case 'file': return 'fi';
    case 'symlink': return 'ln';
    case 'socket': return 'so';
    default: return 'or';
  }
}
