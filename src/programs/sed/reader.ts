// Reading a sed script as GNU sed 4.9's compile.c does: one character at a time (so errors
// can say which character), delimited strings whose bracket expressions may hold the
// delimiter, the text of a/i/c (which may continue into the next -e), and replacements.
import { escapeAt, EXIT_BAD_USAGE, SedError, textBuffer, type Command, type ReplPart } from './script';

export const EOF = -1;

export const blank = (c: number): boolean => c === 32 || c === 9;
export const space = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);
export const digit = (c: number): boolean => c >= 48 && c <= 57;

export class ScriptReader {
  protected s = '';
  protected cur = 0;
  protected line = 0;
  protected expr = 0;
  protected file: string | undefined;
  protected pendingText: { cmd: Command; raw: string } | undefined;

  constructor(protected readonly sandbox: boolean) {}

  protected bad(why: string): never {
    const where = this.file !== undefined ? `file ${this.file} line ${this.line}` : `-e expression #${this.expr}, char ${this.cur}`;
    throw new SedError(`${where}: ${why}`, EXIT_BAD_USAGE);
  }

  protected inchar(): number {
    if (this.cur >= this.s.length) return EOF;
    const c = this.s.charCodeAt(this.cur++);
    if (c === 10) this.line++;
    return c;
  }

  protected savchar(c: number): void {
    if (c === EOF) return;
    if (c === 10 && this.line > 0) this.line--;
    this.cur--;
  }

  protected nonblank(): number {
    let c;
    do c = this.inchar();
    while (blank(c));
    return c;
  }

  protected integer(c: number): number {
    let n = 0;
    while (digit(c)) {
      n = n * 10 + c - 48;
      c = this.inchar();
    }
    this.savchar(c);
    return n;
  }

  protected endOfCmd(): void {
    const c = this.nonblank();
    if (c === 125 || c === 35) this.savchar(c);
    else if (c !== EOF && c !== 10 && c !== 59) this.bad('extra characters after command');
  }

  protected label(): string {
    let c = this.nonblank();
    let out = '';
    while (c !== EOF && c !== 10 && !space(c) && c !== 59 && c !== 125 && c !== 35) {
      out += String.fromCharCode(c);
      c = this.inchar();
    }
    // a closing brace, a comment or a newline ends the label and is read again after it
    if (c === 125 || c === 35 || c === 10) this.savchar(c);
    return out;
  }

  protected filename(): string {
    if (this.sandbox) this.bad('e/r/w commands disabled in sandbox mode');
    let c = this.nonblank();
    let out = '';
    while (c !== EOF && c !== 10) {
      out += String.fromCharCode(c);
      c = this.inchar();
    }
    return out;
  }

  /** Reads up to an unescaped `slash` (brackets in a regex may hold it); undefined if none. */
  protected matchSlash(slash: number, regex: boolean): string | undefined {
    if (slash === EOF) return undefined;
    let out = '';
    let c = this.inchar();
    for (; c !== EOF && c !== 10; c = this.inchar()) {
      if (c === slash) break;
      if (c === 92) {
        c = this.inchar();
        if (c === EOF) break;
        if (c === 110 && regex) c = 10;
        else if (c !== 10 && (c !== slash || (!regex && c === 38))) out += '\\';
      } else if (c === 91 && regex) {
        const r = this.bracket(slash);
        if (r === undefined) return undefined;
        out += r;
        continue;
      }
      out += String.fromCharCode(c);
    }
    if (c === 10) this.savchar(c);
    return c === slash ? out : undefined;
  }

  /** The rest of a bracket expression after its `[`, copied as is. */
  protected bracket(slash: number): string | undefined {
    let out = '[';
    let c = this.inchar();
    if (c === 94) {
      out += '^';
      c = this.inchar();
    }
    if (c === 93) {
      out += ']';
      c = this.inchar();
    }
    for (; c !== EOF && c !== 10; c = this.inchar()) {
      if (c === 93) return `${out}]`;
      if (c === 91) {
        const d = this.inchar();
        if (d === 58 || d === 46 || d === 61) {
          const close = `${String.fromCharCode(d)}]`;
          const end = this.s.indexOf(close, this.cur);
          if (end < 0) return undefined;
          out += `[${this.s.slice(this.cur - 1, end + 2)}`;
          this.cur = end + 2;
          continue;
        }
        this.savchar(d);
      } else if (c === 92) {
        const d = this.inchar();
        if (d === 110) {
          out += '\n';
          continue;
        }
        if (d === slash) {
          out += String.fromCharCode(d);
          continue;
        }
        this.savchar(d);
      }
      out += String.fromCharCode(c);
    }
    return undefined;
  }

  /** a, i, c (and e) text: the one-line GNU form, or the lines after `a\`. */
  protected readText(cmd: Command | undefined, leadin: number): void {
    const target = cmd ?? this.pendingText!.cmd;
    let raw = cmd ? '' : this.pendingText!.raw;
    this.pendingText = undefined;
    if (leadin === EOF) {
      this.pendingText = { cmd: target, raw };
      return;
    }
    if (leadin !== 10) raw += String.fromCharCode(leadin);
    let c = this.inchar();
    while (c !== EOF && c !== 10) {
      if (c === 92) {
        c = this.inchar();
        if (c !== EOF) raw += '\\';
      }
      if (c === EOF) {
        raw += '\n';
        target.text = textBuffer(raw);
        this.pendingText = { cmd: target, raw };
        return;
      }
      raw += String.fromCharCode(c);
      c = this.inchar();
    }
    raw += '\n';
    target.text = textBuffer(raw);
  }
}

export function parseReplacement(text: string): { parts: ReplPart[]; max: number } {
  const parts: ReplPart[] = [];
  let lit = '';
  let max = 0;
  const flush = (): void => {
    if (lit) parts.push({ t: 'lit', s: lit });
    lit = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '&') {
      flush();
      parts.push({ t: 'ref', n: 0 });
    } else if (c === '\\' && i + 1 < text.length) {
      const d = text[++i]!;
      if (d >= '0' && d <= '9') {
        flush();
        const n = d.charCodeAt(0) - 48;
        max = Math.max(max, n);
        parts.push({ t: 'ref', n });
      } else if ('LUluE'.includes(d)) {
        flush();
        parts.push({ t: 'case', c: d as 'L' | 'U' | 'l' | 'u' | 'E' });
      } else if (d === '\n') lit += '\n';
      else {
        const e = escapeOrSelf(text, i);
        lit += e[0];
        i += e[1] - 1;
      }
    } else lit += c;
  }
  flush();
  return { parts, max };
}

/** One escape of a replacement (\t, \x41, ...), or the character itself. */
function escapeOrSelf(text: string, i: number): [string, number] {
  return escapeAt(text, i) ?? [text[i]!, 1];
}
