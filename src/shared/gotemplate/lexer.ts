// The template scanner, after text/template/parse/lex.go: a pull lexer (the parser asks for
// one item at a time, so an early parse error wins over a later lexical one, as in Go).
// Positions are JS string indices; error columns are converted to bytes when reported.

import { quote } from './strconv';

export type ItemType =
  | 'error' | 'bool' | 'char' | 'charConstant' | 'comment' | 'complex' | 'assign' | 'declare'
  | 'eof' | 'field' | 'identifier' | 'leftDelim' | 'leftParen' | 'number' | 'pipe' | 'rawString'
  | 'rightDelim' | 'rightParen' | 'space' | 'string' | 'text' | 'variable'
  // keywords
  | 'block' | 'break' | 'continue' | 'dot' | 'define' | 'else' | 'end' | 'if' | 'nil' | 'range'
  | 'template' | 'with';

export interface Item {
  type: ItemType;
  pos: number;
  val: string;
  line: number;
}

const KEYWORDS: ReadonlyMap<string, ItemType> = new Map<string, ItemType>([
  ['.', 'dot'], ['block', 'block'], ['break', 'break'], ['continue', 'continue'], ['define', 'define'],
  ['else', 'else'], ['end', 'end'], ['if', 'if'], ['range', 'range'], ['nil', 'nil'],
  ['template', 'template'], ['with', 'with'],
]);

export function isKeyword(t: ItemType): boolean {
  return ['block', 'break', 'continue', 'dot', 'define', 'else', 'end', 'if', 'nil', 'range', 'template', 'with'].includes(t);
}

const SPACE_CHARS = ' \t\r\n';
const EOF = '';

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\r' || c === '\n';
}

const ALNUM = /^[\p{L}\p{Nd}_]$/u;

function isAlphaNumeric(c: string): boolean {
  return c !== EOF && ALNUM.test(c);
}

/** %#U: U+0041 'A' (the quoted form only for printable runes). */
export function formatU(c: string): string {
  const cp = c.codePointAt(0) ?? 0;
  const hex = 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');
  return /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(c) || c === ' ' ? `${hex} '${c}'` : hex;
}

function hasLeftTrimMarker(s: string, i: number): boolean {
  return s[i] === '-' && isSpace(s[i + 1] ?? EOF);
}

function hasRightTrimMarker(s: string, i: number): boolean {
  return isSpace(s[i] ?? EOF) && s[i + 1] === '-';
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

export interface LexOptions {
  breakOK: boolean;
  continueOK: boolean;
}

export class Lexer {
  private pos = 0;
  private start = 0;
  private line = 1;
  private startLine = 1;
  private parenDepth = 0;
  private insideAction = false;
  private done = false;
  private readonly leftDelim = '{{';
  private readonly rightDelim = '}}';

  constructor(
    private readonly input: string,
    private readonly options: LexOptions,
  ) {}

  /** The next item; after EOF or an error, EOF forever. */
  nextItem(): Item {
    if (this.done) return { type: 'eof', pos: this.pos, val: 'EOF', line: this.startLine };
    // Each step either returns an item or moves on to the next state; comments loop back.
    for (let guard = 0; guard < 1_000_000; guard++) {
      const item = this.insideAction ? this.lexInsideAction() : this.lexText();
      if (item) {
        if (item.type === 'eof' || item.type === 'error') this.done = true;
        return item;
      }
    }
    return this.errorf('lexer loop bound exceeded');
  }

  private peek(): string {
    const cp = this.input.codePointAt(this.pos);
    return cp === undefined ? EOF : String.fromCodePoint(cp);
  }

  private next(): string {
    const c = this.peek();
    this.pos += c.length;
    if (c === '\n') this.line++;
    return c;
  }

  private backup(c: string): void {
    this.pos -= c.length;
    if (c === '\n') this.line--;
  }

  private accept(valid: string): boolean {
    const c = this.next();
    if (c !== EOF && valid.includes(c)) return true;
    this.backup(c);
    return false;
  }

  private acceptRun(valid: string): void {
    while (this.accept(valid)) {
      /* absorb */
    }
  }

  private item(type: ItemType): Item {
    const it = { type, pos: this.start, val: this.input.slice(this.start, this.pos), line: this.startLine };
    this.start = this.pos;
    this.startLine = this.line;
    return it;
  }

  /** Skips pending input, counting its newlines (only for text skipped without next()). */
  private ignore(): void {
    this.line += countNewlines(this.input.slice(this.start, this.pos));
    this.start = this.pos;
    this.startLine = this.line;
  }

  private errorf(msg: string): Item {
    this.done = true;
    return { type: 'error', pos: this.start, val: msg, line: this.startLine };
  }

  private lexText(): Item | null {
    const x = this.input.indexOf(this.leftDelim, this.pos);
    if (x >= 0) {
      if (x > this.pos) {
        this.pos = x;
        let trim = 0;
        if (hasLeftTrimMarker(this.input, x + this.leftDelim.length)) {
          const text = this.input.slice(this.start, this.pos);
          trim = text.length - text.replace(/[ \t\r\n]+$/, '').length;
        }
        this.pos -= trim;
        this.line += countNewlines(this.input.slice(this.start, this.pos));
        const it = this.item('text');
        this.pos += trim;
        this.ignore();
        if (it.val.length > 0) return it;
      }
      return this.lexLeftDelim();
    }
    this.pos = this.input.length;
    if (this.pos > this.start) {
      this.line += countNewlines(this.input.slice(this.start, this.pos));
      return this.item('text');
    }
    return this.item('eof');
  }

  private atRightDelim(): { delim: boolean; trim: boolean } {
    if (hasRightTrimMarker(this.input, this.pos) && this.input.startsWith(this.rightDelim, this.pos + 2)) return { delim: true, trim: true };
    if (this.input.startsWith(this.rightDelim, this.pos)) return { delim: true, trim: false };
    return { delim: false, trim: false };
  }

  private leftTrimLength(from: number): number {
    let i = from;
    while (i < this.input.length && SPACE_CHARS.includes(this.input[i]!)) i++;
    return i - from;
  }

  private lexLeftDelim(): Item | null {
    this.pos += this.leftDelim.length;
    const trim = hasLeftTrimMarker(this.input, this.pos);
    const after = trim ? 2 : 0;
    if (this.input.startsWith('/*', this.pos + after)) {
      this.pos += after;
      this.ignore();
      return this.lexComment();
    }
    const it = this.item('leftDelim');
    this.insideAction = true;
    this.pos += after;
    this.ignore();
    this.parenDepth = 0;
    return it;
  }

  private lexComment(): Item | null {
    this.pos += 2;
    const x = this.input.indexOf('*/', this.pos);
    if (x < 0) return this.errorf('unclosed comment');
    this.pos = x + 2;
    const { delim, trim } = this.atRightDelim();
    if (!delim) return this.errorf('comment ends before closing delimiter');
    this.line += countNewlines(this.input.slice(this.start, this.pos));
    this.start = this.pos;
    this.startLine = this.line;
    if (trim) this.pos += 2;
    this.pos += this.rightDelim.length;
    if (trim) this.pos += this.leftTrimLength(this.pos);
    this.ignore();
    return null; // back to lexText
  }

  private lexRightDelim(): Item {
    const { trim } = this.atRightDelim();
    if (trim) {
      this.pos += 2;
      this.ignore();
    }
    this.pos += this.rightDelim.length;
    const it = this.item('rightDelim');
    if (trim) {
      this.pos += this.leftTrimLength(this.pos);
      this.ignore();
    }
    this.insideAction = false;
    return it;
  }

  private lexInsideAction(): Item {
    const { delim } = this.atRightDelim();
    if (delim) {
      if (this.parenDepth === 0) return this.lexRightDelim();
      return this.errorf('unclosed left paren');
    }
    const r = this.next();
    if (r === EOF) return this.errorf('unclosed action');
    if (isSpace(r)) {
      this.backup(r);
      return this.lexSpace();
    }
    switch (r) {
      case '=': return this.item('assign');
      case ':':
        if (this.next() !== '=') return this.errorf('expected :=');
        return this.item('declare');
      case '|': return this.item('pipe');
      case '"': return this.lexQuote();
      case '`': return this.lexRawQuote();
      case '$': return this.lexVariable();
      case "'": return this.lexChar();
      case '(':
        this.parenDepth++;
        return this.item('leftParen');
      case ')':
        this.parenDepth--;
        if (this.parenDepth < 0) return this.errorf('unexpected right paren');
        return this.item('rightParen');
    }
    if (r === '.') {
      const c = this.input[this.pos];
      if (c !== undefined && (c < '0' || c > '9')) return this.lexFieldOrVariable('field');
    }
    if (r === '.' || r === '+' || r === '-' || (r >= '0' && r <= '9')) {
      this.backup(r);
      return this.lexNumber();
    }
    if (isAlphaNumeric(r)) {
      this.backup(r);
      return this.lexIdentifier();
    }
    const cp = r.codePointAt(0) ?? 0;
    if (cp < 0x80 && cp >= 0x20 && cp < 0x7f) return this.item('char');
    return this.errorf(`unrecognized character in action: ${formatU(r)}`);
  }

  private lexSpace(): Item {
    let n = 0;
    while (isSpace(this.peek())) {
      this.next();
      n++;
    }
    // A trim-marked right delimiter starts with a space: leave that space to it.
    if (hasRightTrimMarker(this.input, this.pos - 1) && this.input.startsWith(this.rightDelim, this.pos - 1 + 2)) {
      this.backup(this.input[this.pos - 1]!);
      if (n === 1) return this.lexRightDelim();
    }
    return this.item('space');
  }

  private atTerminator(): boolean {
    const r = this.peek();
    if (isSpace(r)) return true;
    if (r === EOF || '.,|:)('.includes(r)) return true;
    return this.input.startsWith(this.rightDelim, this.pos);
  }

  private lexIdentifier(): Item {
    for (;;) {
      const r = this.next();
      if (isAlphaNumeric(r)) continue;
      this.backup(r);
      const word = this.input.slice(this.start, this.pos);
      if (!this.atTerminator()) return this.errorf(`bad character ${formatU(this.peek())}`);
      const kw = KEYWORDS.get(word);
      if (kw) {
        if ((kw === 'break' && !this.options.breakOK) || (kw === 'continue' && !this.options.continueOK)) return this.item('identifier');
        return this.item(kw);
      }
      if (word === 'true' || word === 'false') return this.item('bool');
      return this.item('identifier');
    }
  }

  private lexVariable(): Item {
    if (this.atTerminator()) return this.item('variable');
    return this.lexFieldOrVariable('variable');
  }

  private lexFieldOrVariable(type: 'field' | 'variable'): Item {
    if (this.atTerminator()) return this.item(type === 'variable' ? 'variable' : 'dot');
    for (;;) {
      const r = this.next();
      if (!isAlphaNumeric(r)) {
        this.backup(r);
        break;
      }
    }
    if (!this.atTerminator()) return this.errorf(`bad character ${formatU(this.peek())}`);
    return this.item(type);
  }

  private lexChar(): Item {
    for (;;) {
      const c = this.next();
      if (c === '\\') {
        const r = this.next();
        if (r !== EOF && r !== '\n') continue;
        return this.errorf('unterminated character constant');
      }
      if (c === EOF || c === '\n') return this.errorf('unterminated character constant');
      if (c === "'") break;
    }
    return this.item('charConstant');
  }

  private lexNumber(): Item {
    if (!this.scanNumber()) return this.errorf(`bad number syntax: ${quote(this.input.slice(this.start, this.pos))}`);
    const sign = this.peek();
    if (sign === '+' || sign === '-') {
      if (!this.scanNumber() || this.input[this.pos - 1] !== 'i') {
        return this.errorf(`bad number syntax: ${quote(this.input.slice(this.start, this.pos))}`);
      }
      return this.item('complex');
    }
    return this.item('number');
  }

  private scanNumber(): boolean {
    this.accept('+-');
    let digits = '0123456789_';
    if (this.accept('0')) {
      if (this.accept('xX')) digits = '0123456789abcdefABCDEF_';
      else if (this.accept('oO')) digits = '01234567_';
      else if (this.accept('bB')) digits = '01_';
    }
    this.acceptRun(digits);
    if (this.accept('.')) this.acceptRun(digits);
    if (digits.length === 11 && this.accept('eE')) {
      this.accept('+-');
      this.acceptRun('0123456789_');
    }
    if (digits.length === 23 && this.accept('pP')) {
      this.accept('+-');
      this.acceptRun('0123456789_');
    }
    this.accept('i');
    if (isAlphaNumeric(this.peek())) {
      this.next();
      return false;
    }
    return true;
  }

  private lexQuote(): Item {
    for (;;) {
      const c = this.next();
      if (c === '\\') {
        const r = this.next();
        if (r !== EOF && r !== '\n') continue;
        return this.errorf('unterminated quoted string');
      }
      if (c === EOF || c === '\n') return this.errorf('unterminated quoted string');
      if (c === '"') break;
    }
    return this.item('string');
  }

  private lexRawQuote(): Item {
    for (;;) {
      const c = this.next();
      if (c === EOF) return this.errorf('unterminated raw quoted string');
      if (c === '`') break;
    }
    return this.item('rawString');
  }
}
