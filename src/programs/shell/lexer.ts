// Character-level reading of shell input: words with their quoting structure, operators,
// newlines, comments and here-document bodies. The parser drives it one token at a time.
import type { ArrayItem, Assign, List, ParamOp, ParamPart, Word, WordPart } from './ast';
import { decodeAnsiC } from './ansi-c';

export type Token =
  | { type: 'word'; word: Word; assign?: Assign; line: number; start: number }
  | { type: 'op'; op: string; fd?: number; fdVar?: string; line: number; start: number }
  | { type: 'newline'; line: number; start: number }
  | { type: 'eof'; line: number; start: number };

/** Input ended inside a construct: an interactive shell asks for more (PS2). */
export class IncompleteInput extends Error {
  /** `line`: where the unclosed construct began (bash names that line for a quote). */
  constructor(what: string, readonly line?: number) {
    super(what);
    this.name = 'IncompleteInput';
  }
}

export class ShellSyntaxError extends Error {
  /** Shown on the second line instead of the line's text (`syntax error: \`((i))'`). */
  second?: string;
  /** Found in the body of a $( ) or <( ) while the text around it was parsed (bash's
   * parse_comsub): in eval's text or a sourced file that ends the shell. */
  inSubst?: boolean;
  constructor(message: string, readonly line: number, readonly token?: string) {
    super(message);
    this.name = 'ShellSyntaxError';
  }
}

const OPERATORS = ['&&', '||', ';;&', ';;', ';&', '|&', '<<<', '<<-', '<<', '<>', '<&', '>&', '>>', '>|', '&>>', '&>', '|', '&', ';', '<', '>', '(', ')'];
const META = new Set([' ', '\t', '\n', ';', '&', '|', '<', '>', '(', ')']);
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

export interface PendingHeredoc {
  delimiter: string;
  /** The line of the << operator. */
  line?: number;
  strip: boolean;
  quoted: boolean;
  fill(body: string): void;
}

export class Lexer {
  pos = 0;
  line = 1;
  /** Reading a here-document body: there a backslash before " stays, in backquotes too. */
  private inHeredoc = false;
  readonly heredocs: PendingHeredoc[] = [];
  extglob = false;
  utf8 = true;

  constructor(
    readonly src: string,
    /** Parses a command list starting at `pos` up to a `)`; returns the list and the position after `)`. */
    private readonly parseSub: (pos: number, line: number) => { list: List; end: number; line: number },
  ) {}

  private peekChar(off = 0): string {
    return this.src[this.pos + off] ?? '';
  }

  private eof(): boolean {
    return this.pos >= this.src.length;
  }

  /** Skips blanks, comments and backslash-newlines. */
  skipBlank(): void {
    for (;;) {
      const c = this.peekChar();
      if (c === ' ' || c === '\t') this.pos++;
      else if (c === '\\' && this.peekChar(1) === '\n') {
        this.pos += 2;
        this.line++;
        // a line continuation at the end of the input: more is needed (PS2)
        if (this.eof()) throw new IncompleteInput('\\');
      } else if (c === '#') {
        while (!this.eof() && this.peekChar() !== '\n') this.pos++;
      } else return;
    }
  }

  next(mode: 'normal' | 'cond' = 'normal'): Token {
    this.skipBlank();
    const start = this.pos;
    const line = this.line;
    if (this.eof()) {
      // a here-document opened on the last line, which has no newline: its body is empty
      if (this.heredocs.length > 0) this.readHeredocBodies();
      return { type: 'eof', line, start };
    }
    const c = this.peekChar();
    if (c === '\n') {
      this.pos++;
      this.line++;
      this.readHeredocBodies();
      return { type: 'newline', line, start };
    }
    if (mode === 'cond' && (c === '<' || c === '>') && this.peekChar(1) !== '(') {
      this.pos++;
      return { type: 'word', word: { parts: [{ kind: 'lit', text: c }], text: c }, line, start };
    }
    // {varname}> redirection
    const fdVar = /^\{([A-Za-z_][A-Za-z0-9_]*(?:\[[^\]{}]*\])?)\}(?=[<>])/.exec(this.src.slice(this.pos, this.pos + 300));
    if (fdVar && mode === 'normal') {
      this.pos += fdVar[0].length;
      const op = this.readOperator()!;
      return { type: 'op', op, fdVar: fdVar[1], line, start };
    }
    // IO number: digits immediately followed by < or >
    const num = /^(\d+)(?=[<>])/.exec(this.src.slice(this.pos, this.pos + 12));
    if (num && mode === 'normal') {
      this.pos += num[1]!.length;
      const op = this.readOperator()!;
      return { type: 'op', op, fd: Number(num[1]), line, start };
    }
    if (META.has(c) && !(c === '<' || c === '>') || ((c === '<' || c === '>') && this.peekChar(1) !== '(')) {
      const op = this.readOperator();
      if (op) return { type: 'op', op, line, start };
    }
    return this.readWordToken(line, start);
  }

  private readOperator(): string | undefined {
    for (const op of OPERATORS) {
      if (this.src.startsWith(op, this.pos)) {
        this.pos += op.length;
        return op;
      }
    }
    return undefined;
  }

  private readWordToken(line: number, start: number): Token {
    const assignMatch = /^([A-Za-z_][A-Za-z0-9_]*)(\[)?/.exec(this.src.slice(this.pos, this.pos + 256));
    let assign: Assign | undefined;
    if (assignMatch) {
      const save = this.pos;
      const name = assignMatch[1]!;
      this.pos += name.length;
      let index: Word | undefined;
      let ok = true;
      if (assignMatch[2]) {
        this.pos++;
        index = this.readUntil(']', 'index');
        if (this.peekChar() !== ']') ok = false;
        else this.pos++;
      }
      let append = false;
      if (ok && this.peekChar() === '+' && this.peekChar(1) === '=') {
        append = true;
        this.pos++;
      }
      if (ok && this.peekChar() === '=') {
        this.pos++;
        if (this.peekChar() === '(' && !index) {
          this.pos++;
          const array = this.readArrayItems();
          const text = this.src.slice(start, this.pos);
          assign = { name, append, array };
          return { type: 'word', word: { parts: [{ kind: 'lit', text }], text }, assign, line, start };
        }
        const value = this.readWord();
        const text = this.src.slice(start, this.pos);
        assign = { name, append, value, ...(index ? { index } : {}) };
        const prefix = this.src.slice(start, this.pos - value.text.length);
        return { type: 'word', word: { parts: [{ kind: 'lit', text: prefix }, ...value.parts], text }, assign, line, start };
      }
      this.pos = save;
    }
    const word = this.readWord();
    return { type: 'word', word, line, start };
  }

  private readArrayItems(): ArrayItem[] {
    const startLine = this.line;
    const items: ArrayItem[] = [];
    for (let guard = 0; guard < 100000; guard++) {
      this.skipBlankAndNewlines();
      if (this.eof()) throw new IncompleteInput('array', startLine);
      if (this.peekChar() === ')') {
        this.pos++;
        return items;
      }
      let key: Word | undefined;
      if (this.peekChar() === '[') {
        const save = this.pos;
        this.pos++;
        const k = this.readUntil(']', 'index');
        if (this.peekChar() === ']' && this.peekChar(1) === '=') {
          this.pos += 2;
          key = k;
        } else this.pos = save;
      }
      const value = this.readWord();
      if (value.text === '' && !key) throw new ShellSyntaxError(`syntax error near unexpected token \`${this.peekChar()}'`, this.line, this.peekChar());
      items.push(key ? { key, value } : { value });
    }
    throw new ShellSyntaxError('array too long', this.line);
  }

  private skipBlankAndNewlines(): void {
    for (;;) {
      this.skipBlank();
      if (this.peekChar() === '\n') {
        this.pos++;
        this.line++;
      } else return;
    }
  }

  /** Reads one word up to an unquoted metacharacter. */
  readWord(): Word {
    const start = this.pos;
    const parts: WordPart[] = [];
    let lit = '';
    const flush = (): void => {
      if (lit) parts.push({ kind: 'lit', text: lit });
      lit = '';
    };
    while (!this.eof()) {
      const c = this.peekChar();
      if (META.has(c)) {
        // process substitution <( ) >( ) and extglob patterns keep going
        if ((c === '<' || c === '>') && this.peekChar(1) === '(') {
          flush();
          this.pos += 2;
          let sub;
          try {
            sub = this.parseSub(this.pos, this.line);
          } catch (e) {
            if (e instanceof IncompleteInput && e.message === 'eof') throw new IncompleteInput('<(', this.line);
            if (e instanceof ShellSyntaxError) e.inSubst = true;
            throw e;
          }
          const { list, end, line } = sub;
          this.pos = end;
          this.line = line;
          parts.push({ kind: 'procsub', dir: c, body: list });
          continue;
        }
        if (this.extglob && c === '(' && lit.length > 0 && '?*+@!'.includes(lit[lit.length - 1]!)) {
          lit += this.readBalanced();
          continue;
        }
        break;
      }
      if (c === '\\') {
        if (this.peekChar(1) === '\n') {
          this.pos += 2;
          this.line++;
          if (this.eof()) throw new IncompleteInput('\\');
          continue;
        }
        flush();
        this.pos++;
        if (this.eof()) {
          parts.push({ kind: 'lit', text: '\\' });
          break;
        }
        parts.push({ kind: 'quoted', text: this.src[this.pos++]! });
        continue;
      }
      const q = this.readQuotedOrExpansion(false);
      if (q) {
        flush();
        parts.push(q);
        continue;
      }
      lit += c;
      this.pos++;
    }
    flush();
    const text = this.src.slice(start, this.pos);
    if (this.badParams) this.placeBadParams(text, true);
    return { parts, text };
  }

  /** Bad substitutions read since the enclosing word or "..." began (see placeBadParams). */
  private badParams: ParamPart[] | undefined;

  /** The text a bad substitution's message names: the "..." it is in, else its word. */
  private placeBadParams(text: string, word: boolean): void {
    for (const p of this.badParams!) {
      // inside "...", a subscript that never closes names the whole word, quotes and all
      if (word && p.unclosed && (p.context !== undefined || p.closer)) p.unclosed.word = text;
      p.context ??= text;
    }
    if (word) this.badParams = undefined;
  }

  /** A balanced (...) group read as literal text (extglob, process substitution). */
  private readBalanced(): string {
    const start = this.pos;
    let depth = 0;
    while (!this.eof()) {
      const c = this.src[this.pos++]!;
      if (c === '\\') this.pos++;
      else if (c === '(') depth++;
      else if (c === ')') {
        depth--;
        if (depth === 0) return this.src.slice(start, this.pos);
      } else if (c === '\n') this.line++;
    }
    throw new IncompleteInput('(');
  }

  /** Quotes and $-expansions common to every context; undefined if none starts here. */
  private readQuotedOrExpansion(inDouble: boolean): WordPart | undefined {
    const c = this.peekChar();
    if (!inDouble && c === "'") {
      this.pos++;
      const end = this.src.indexOf("'", this.pos);
      if (end < 0) throw new IncompleteInput("'", this.line);
      const text = this.src.slice(this.pos, end);
      this.countLines(text);
      this.pos = end + 1;
      return { kind: 'quoted', text };
    }
    if (!inDouble && c === '$' && this.peekChar(1) === "'") {
      this.pos += 2;
      const { text, end } = decodeAnsiC(this.src, this.pos, this.utf8);
      if (end < 0) throw new IncompleteInput("$'", this.line);
      this.countLines(this.src.slice(this.pos, end));
      this.pos = end + 1;
      return { kind: 'quoted', text };
    }
    if (!inDouble && c === '"') {
      this.pos++;
      return { kind: 'dq', parts: this.readDoubleBody('"') };
    }
    if (!inDouble && c === '$' && this.peekChar(1) === '"') {
      this.pos += 2;
      return { kind: 'dq', parts: this.readDoubleBody('"') };
    }
    if (c === '`') {
      this.pos++;
      return this.readBackquote(inDouble && !this.inHeredoc);
    }
    if (c === '$') return this.readDollar();
    return undefined;
  }

  private countLines(text: string): void {
    for (const ch of text) if (ch === '\n') this.line++;
  }

  /** Reads the inside of "..." up to `close` (consumed). */
  private readDoubleBody(close: string): WordPart[] {
    const start = this.pos;
    const mark = this.badParams?.length ?? 0;
    const parts = this.readDoubleParts(close);
    // a bad substitution in here names the quoted text (without its quotes)
    if (this.badParams && this.badParams.length > mark) {
      const content = this.src.slice(start, this.pos - close.length);
      for (const p of this.badParams.slice(mark)) p.context ??= content;
    }
    return parts;
  }

  private readDoubleParts(close: string): WordPart[] {
    this.dqLevel++;
    try {
      return this.readDoublePartsIn(close);
    } finally {
      this.dqLevel--;
    }
  }

  /** How many "..." (or here-document bodies) the reader is inside. */
  private dqLevel = 0;

  /**
   * A here-document body: the rules of "..." (quotes inside expansions included), except that
   * at its own level a double quote is an ordinary character, after a backslash too.
   */
  readHeredocParts(): WordPart[] {
    this.dqLevel++;
    try {
      return this.readDoublePartsIn('', true);
    } finally {
      this.dqLevel--;
    }
  }

  private readDoublePartsIn(close: string, heredoc = false): WordPart[] {
    const startLine = this.line;
    const parts: WordPart[] = [];
    let lit = '';
    const flush = (): void => {
      if (lit) parts.push({ kind: 'quoted', text: lit });
      lit = '';
    };
    for (;;) {
      if (this.eof()) {
        if (heredoc) break;
        throw new IncompleteInput(close, startLine);
      }
      const c = this.peekChar();
      if (c === close) {
        this.pos++;
        break;
      }
      if (c === '\\') {
        const n = this.peekChar(1);
        if (n === '\n') {
          this.pos += 2;
          this.line++;
          continue;
        }
        if (n === '$' || n === '`' || (n === '"' && !heredoc) || n === '\\') {
          lit += n;
          this.pos += 2;
          continue;
        }
        lit += c;
        this.pos++;
        continue;
      }
      this.inHeredoc = heredoc;
      const part = this.readQuotedOrExpansion(true);
      this.inHeredoc = false;
      if (part) {
        flush();
        parts.push(part);
        continue;
      }
      if (c === '\n') this.line++;
      lit += c;
      this.pos++;
    }
    flush();
    return parts;
  }

  /** Backquotes: a backslash quotes $, ` and \\ (and " inside double quotes, not in a here-document). */
  private readBackquote(inDouble = false): WordPart {
    const line = this.line;
    const escapable = inDouble ? '$`\\"' : '$`\\';
    let body = '';
    for (;;) {
      if (this.eof()) throw new IncompleteInput('`', line);
      const c = this.src[this.pos++]!;
      if (c === '`') break;
      if (c === '\\' && this.pos < this.src.length && escapable.includes(this.peekChar())) {
        body += this.src[this.pos++];
        continue;
      }
      if (c === '\n') this.line++;
      body += c;
    }
    try {
      return { kind: 'cmdsub', body: this.parseSubFactory(body, line), source: body, line };
    } catch (e) {
      // bash parses what backquotes hold only when it expands them: the error is the
      // substitution's (told then, as `command substitution: line N:`), not the text's
      if (e instanceof ShellSyntaxError || e instanceof IncompleteInput) return { kind: 'cmdsub', body: { items: [] }, source: body, line, deferred: true };
      throw e;
    }
  }

  /** Set by the parser: parses a whole string as a list (for backquotes). */
  parseSubFactory: (src: string, line: number) => List = () => ({ items: [] });

  private readDollar(): WordPart | undefined {
    const n = this.peekChar(1);
    let close: number | undefined;
    if (n === '(' && this.peekChar(2) === '(') {
      const start = this.pos;
      const arith = this.tryArith(this.pos + 3);
      if (arith && commentEndsArith(this.src, start + 2, this.pos)) {
        // bash looks for the end of $(( again when expanding it, taking a `#` after a blank as
        // a comment (as in $( )): one that runs to the end finds no `)`
        const bad: ParamPart = { kind: 'param', name: '', op: 'plain', source: this.src.slice(start, this.pos), unclosed: {}, closer: ')' };
        (this.badParams ??= []).push(bad);
        return bad;
      }
      if (arith) return arith;
      close = this.checkDparenEnds(this.pos + 2);
    }
    if (n === '(') {
      this.pos += 2;
      const startPos = this.pos;
      const startLine = this.line;
      let sub;
      try {
        sub = this.parseSub(this.pos, this.line);
      } catch (e) {
        if (e instanceof ShellSyntaxError) e.inSubst = true;
        if (close !== undefined && e instanceof ShellSyntaxError) {
          const source = this.src.slice(startPos, close);
          this.pos = close + 1;
          for (const c of source) if (c === '\n') this.line++;
          return { kind: 'cmdsub', body: { items: [] }, source, line: startLine, deferred: true };
        }
        // the text ended inside $( (or inside $(( that was not arithmetic)
        if (e instanceof IncompleteInput && e.message === 'eof') throw new IncompleteInput(this.src[this.pos] === '(' && this.src[this.pos - 1] === '(' ? '$((' : '$(', startLine);
        throw e;
      }
      const { list, end, line } = sub;
      const source = this.src.slice(startPos, end - 1);
      this.pos = end;
      this.line = line;
      return { kind: 'cmdsub', body: list, source, line: startLine };
    }
    if (n === '[') {
      // obsolete $[expr] arithmetic
      this.pos += 2;
      // unclosed, it is reported at the line it opened on
      const startLine = this.line;
      const expr = this.readUntil(']', 'arith');
      if (this.peekChar() !== ']') throw new IncompleteInput('$[', startLine);
      this.pos++;
      return { kind: 'arith', expr };
    }
    if (n === '{') return this.readBrace();
    const m = NAME.exec(this.src.slice(this.pos + 1, this.pos + 257));
    if (m) {
      this.pos += 1 + m[0].length;
      return { kind: 'param', name: m[0], op: 'plain', source: `$${m[0]}` };
    }
    if (n !== '' && '@*#?-$!0123456789'.includes(n)) {
      this.pos += 2;
      return { kind: 'param', name: n, op: 'plain', source: `$${n}` };
    }
    return undefined;
  }

  /**
   * A `$((` that is not arithmetic is read as `$(` by matching parentheses and quotes first
   * (bash's parse_matched_pair): text that ends before they close is an unexpected EOF,
   * not a syntax error inside. Returns where the `)` that closes it is.
   */
  private checkDparenEnds(from: number): number {
    const src = this.src;
    let depth = 1;
    for (let i = from; i < src.length; i++) {
      const c = src[i];
      if (c === '\\') i++;
      else if (c === "'" || c === '"') {
        let j = i + 1;
        while (j < src.length && src[j] !== c) j += c === '"' && src[j] === '\\' ? 2 : 1;
        if (j >= src.length) throw new IncompleteInput(c, this.line);
        i = j;
      } else if (c === '(') depth++;
      else if (c === ')' && --depth === 0) return i;
    }
    throw new IncompleteInput('$((', this.line);
  }

  /** $(( expr )): reads to the matching `))`; undefined if it is really $( (...) ). */
  private tryArith(from: number): WordPart | undefined {
    let depth = 0;
    for (let i = from; i < this.src.length; i++) {
      const c = this.src[i];
      if (c === '(') depth++;
      else if (c === ')') {
        if (depth === 0) {
          if (this.src[i + 1] !== ')') return undefined;
          const save = this.pos;
          const saveLine = this.line;
          this.pos = from;
          const expr = this.readUntil(')', 'arith', i);
          if (this.pos !== i) {
            this.pos = save;
            this.line = saveLine;
            return undefined;
          }
          this.pos = i + 2;
          return { kind: 'arith', expr };
        }
        depth--;
      }
    }
    return undefined;
  }

  /**
   * Reads parts up to an unnested `stop` character (not consumed), for ${...} arguments,
   * subscripts and arithmetic. Blanks are literal here; quotes and $-expansions work.
   */
  readUntil(stop: string, mode: 'param' | 'dqParam' | 'index' | 'arith' | 'pattern', limit = this.src.length): Word {
    const start = this.pos;
    const mark = this.badParams?.length ?? 0;
    const parts: WordPart[] = [];
    let lit = '';
    let depth = 0;
    // dqParam: inside "...", the word of ${x-word} (and :-, =, +) keeps its single quotes as
    // characters (still matched, so a } between them does not end it) and a backslash only
    // quotes what it would in "..."
    let single = false;
    const flush = (): void => {
      if (lit) parts.push({ kind: mode === 'arith' ? 'quoted' : 'lit', text: lit });
      lit = '';
    };
    while (this.pos < limit) {
      const c = this.peekChar();
      if (depth === 0 && !single && stop.includes(c)) break;
      if (c === '\\' && mode !== 'arith') {
        flush();
        const n = this.peekChar(1);
        if (n === '\n') {
          this.pos += 2;
          this.line++;
          continue;
        }
        this.pos += 2;
        parts.push({ kind: 'quoted', text: mode !== 'dqParam' || '$`"\\}'.includes(n) ? n : `\\${n}` });
        continue;
      }
      if (mode === 'dqParam' && c === "'") {
        flush();
        this.pos++;
        single = !single;
        parts.push({ kind: 'quoted', text: c });
        continue;
      }
      if (single) {
        const part = this.readQuotedOrExpansion(true);
        if (part) {
          flush();
          parts.push(part);
          continue;
        }
        if (c === '\n') this.line++;
        lit += c;
        this.pos++;
        continue;
      }
      if (mode === 'arith' && (c === '"' || c === "'")) {
        // double quotes inside arithmetic are removed; a single quote is a character there
        // (the expression is read as if double-quoted), which the evaluator then rejects
        if (c === "'") {
          lit += c;
          this.pos++;
          continue;
        }
        flush();
        this.pos++;
        parts.push({ kind: 'dq', parts: this.readDoubleBody('"') });
        continue;
      }
      const part = this.readQuotedOrExpansion(false);
      if (part) {
        flush();
        parts.push(part);
        continue;
      }
      // nesting that hides the stop character: braces in ${...}, brackets in subscripts, parentheses in arithmetic
      if ((c === '(' && mode === 'arith') || (c === '[' && mode === 'index') || (c === '{' && mode !== 'arith')) depth++;
      else if (((c === ')' && mode === 'arith') || (c === ']' && mode === 'index') || (c === '}' && mode !== 'arith')) && depth > 0) depth--;
      if (c === '\n') this.line++;
      lit += c;
      this.pos++;
    }
    if (single) throw new IncompleteInput("'", this.line);
    flush();
    const text = this.src.slice(start, this.pos);
    // a bad substitution in a ${...} operand, a subscript or arithmetic names that text
    if (this.badParams && this.badParams.length > mark) for (const p of this.badParams.slice(mark)) p.context ??= text;
    return { parts, text };
  }

  private readBrace(): ParamPart {
    const start = this.pos;
    const startLine = this.line;
    this.pos += 2;
    const fail = (): ParamPart => {
      // find the closing brace for the message
      let depth = 1;
      let i = this.pos;
      for (; i < this.src.length && depth > 0; i++) {
        if (this.src[i] === '{') depth++;
        else if (this.src[i] === '}') depth--;
      }
      if (depth > 0) throw new IncompleteInput('${', startLine);
      this.pos = i;
      // reported when the word is expanded, as bash does: `${x!}: bad substitution`, naming
      // the text around it (readWord and readDoubleBody fill that in)
      const bad: ParamPart = { kind: 'param', name: '', op: 'plain', source: this.src.slice(start, i) };
      (this.badParams ??= []).push(bad);
      return bad;
    };
    let op: ParamOp = 'plain';
    let name = '';
    // ${##x} ${#%x} ${#/a/b} ${#@Q}: $# with an operator, not a length; but ${#-} and ${#?}
    // are the lengths of $- and $?
    const c1 = this.peekChar(1);
    if (this.peekChar() === '#' && (c1 === '-' || c1 === '?') && this.peekChar(2) === '}') {
      op = 'length';
      this.pos++;
    } else if (this.peekChar() === '#' && this.peekChar(1) !== '}' && !(this.peekChar(1) === ':' || this.peekChar(1) === '-' || this.peekChar(1) === '=' || this.peekChar(1) === '?' || this.peekChar(1) === '+') && !('#%/@'.includes(this.peekChar(1)) && this.peekChar(2) !== '}')) {
      op = 'length';
      this.pos++;
    } else if (this.peekChar() === '!' && this.peekChar(1) !== '}') {
      op = 'indirect';
      this.pos++;
    }
    const m = /^([A-Za-z_][A-Za-z0-9_]*|\d+|[@*#?$!0-])/.exec(this.src.slice(this.pos, this.pos + 257));
    if (!m) {
      if (this.eof()) throw new IncompleteInput('${', startLine);
      return fail();
    }
    name = m[1]!;
    this.pos += name.length;
    let index: Word | undefined;
    if (this.peekChar() === '[' && NAME.test(name)) {
      this.pos++;
      const at = this.pos;
      const line = this.line;
      try {
        index = this.readUntil(']', 'index');
      } catch (e) {
        // "${x[}": a quote after the brace opens text that never closes; bash finds no `]` there
        if (!(e instanceof IncompleteInput)) throw e;
        this.line = line;
        this.pos = at;
        const bad = fail();
        // (${#x[ ...: a length names just the text around it)
        if (op !== 'length') bad.unclosed = {};
        return bad;
      }
      if (this.peekChar() !== ']') {
        // no `]`: the whole ${...} is a bad substitution (found up to its closing brace)
        this.pos = at;
        this.line = line;
        const bad = fail();
        // (${#x[ ...: a length names just the text around it)
        if (op !== 'length') bad.unclosed = {};
        return bad;
      }
      this.pos++;
      // ${a[]}: no subscript at all
      if (index.text === '') return fail();
    }
    const part: ParamPart = { kind: 'param', name, op, source: '', ...(index ? { index } : {}) };
    if (op === 'indirect' && (this.peekChar() === '*' || this.peekChar() === '@') && this.peekChar(1) === '}') {
      this.pos++;
      part.op = 'names';
      // (the prefix is the start of a variable's name: ${!1*} is no expansion)
      if (!index && !/^[A-Za-z_]/.test(name)) return fail();
    } else if (op === 'indirect' && index && (index.text === '@' || index.text === '*') && this.peekChar() === '}') {
      // (with an operator after it, ${!a[@]...} is an indirection through the elements' value)
      part.op = 'keys';
    }
    const c = this.peekChar();
    const rest2 = this.src.slice(this.pos, this.pos + 2);
    const arg = (stop = '}', mode: 'param' | 'pattern' = 'param'): Word => this.readUntil(stop, mode);
    // the word a default, assignment or alternative puts in place of "${x...}" is read as the
    // inside of "..."; an error message's word is not (bash removes its quotes)
    const inPlace = (): Word => this.readUntil('}', this.dqLevel > 0 ? 'dqParam' : 'param');
    if (c === '}') {
      // plain
    } else if (op === 'length' || part.op === 'names' || part.op === 'keys') {
      return fail();
    } else if (rest2 === ':-' || rest2 === ':=' || rest2 === ':?' || rest2 === ':+') {
      this.pos += 2;
      part.colon = true;
      part.op = ({ '-': 'default', '=': 'assign', '?': 'error', '+': 'alt' } as const)[rest2[1] as '-' | '=' | '?' | '+'];
      part.arg = part.op === 'error' ? arg() : inPlace();
    } else if (c === '-' || c === '=' || c === '?' || c === '+') {
      this.pos++;
      part.op = ({ '-': 'default', '=': 'assign', '?': 'error', '+': 'alt' } as const)[c];
      part.arg = part.op === 'error' ? arg() : inPlace();
    } else if (c === '#' || c === '%') {
      const long = this.peekChar(1) === c;
      this.pos += long ? 2 : 1;
      part.op = c === '#' ? (long ? 'trimPrefixLong' : 'trimPrefix') : long ? 'trimSuffixLong' : 'trimSuffix';
      part.arg = arg('}', 'pattern');
    } else if (c === '/') {
      this.pos++;
      const k = this.peekChar();
      part.op = k === '/' ? 'replaceAll' : k === '#' ? 'replacePrefix' : k === '%' ? 'replaceSuffix' : 'replace';
      if (part.op !== 'replace') this.pos++;
      part.arg = arg('/}', 'pattern');
      if (this.peekChar() === '/') {
        this.pos++;
        part.arg2 = arg();
      }
    } else if (c === ':') {
      this.pos++;
      part.op = 'substr';
      part.arg = this.readUntil(':}', 'arith');
      if (this.peekChar() === ':') {
        this.pos++;
        part.arg2 = this.readUntil('}', 'arith');
      }
    } else if (c === '^' || c === ',' || c === '~') {
      const all = this.peekChar(1) === c;
      this.pos += all ? 2 : 1;
      part.op = c === '^' ? (all ? 'upperAll' : 'upperFirst') : c === ',' ? (all ? 'lowerAll' : 'lowerFirst') : all ? 'toggleAll' : 'toggleFirst';
      part.arg = arg('}', 'pattern');
    } else if (c === '@') {
      this.pos++;
      part.op = 'transform';
      part.arg = arg();
    } else {
      return fail();
    }
    if (this.peekChar() !== '}') {
      if (this.eof()) throw new IncompleteInput('${', startLine);
      return fail();
    }
    this.pos++;
    part.source = this.src.slice(start, this.pos);
    if (op === 'indirect' && part.op !== 'indirect' && part.op !== 'names' && part.op !== 'keys') part.indirect = true;
    // an unknown @ operator is found when expanded: its message names the text around it too
    if (part.op === 'transform' && !/^[QEPAaULuKk]$/.test(part.arg?.text ?? '')) (this.badParams ??= []).push(part);
    return part;
  }

  /** After a newline token: reads the bodies of here-documents opened on that line. */
  private readHeredocBodies(): void {
    while (this.heredocs.length > 0) {
      const h = this.heredocs.shift()!;
      const lines: string[] = [];
      let done = false;
      while (!this.eof()) {
        let text = h.quoted ? this.heredocLine() : this.heredocJoinedLine();
        this.line++;
        if (h.strip) text = text.replace(/^\t+/, '');
        if (text === h.delimiter) {
          done = true;
          break;
        }
        lines.push(text);
      }
      if (!done) {
        // interactive input asks for more lines; a script warns and takes what there is
        if (!this.heredocEof) throw new IncompleteInput('<<');
        this.heredocEof(h.delimiter, h.line ?? this.line);
      }
      h.fill(lines.length ? `${lines.join('\n')}\n` : '');
    }
  }

  /** The next line of a here-document body as it stands. */
  private heredocLine(): string {
    let end = this.src.indexOf('\n', this.pos);
    const hasNewline = end >= 0;
    if (!hasNewline) end = this.src.length;
    const text = this.src.slice(this.pos, end);
    this.pos = hasNewline ? end + 1 : end;
    return text;
  }

  /**
   * The next line of an unquoted here-document (bash's read_a_line): a backslash-newline
   * joins the next line to it before it is compared with the delimiter; a backslash keeps the
   * character after it, so `\\` at the end of a line does not join.
   */
  private heredocJoinedLine(): string {
    let text = '';
    while (!this.eof()) {
      const c = this.src[this.pos++]!;
      if (c === '\n') break;
      if (c === '\\' && this.pos < this.src.length) {
        const n = this.src[this.pos++]!;
        if (n === '\n') {
          this.line++;
          continue;
        }
        text += c + n;
        continue;
      }
      text += c;
    }
    return text;
  }

  /** Called when a here-document ends at end of input (bash warns and carries on). */
  heredocEof: ((delimiter: string, line: number) => void) | undefined;
}


/**
 * Whether bash's second look for the end of `$((` (from `(` at `at`, up to `end`) runs into a
 * comment that hides its `)`: a `#` after a blank or newline, outside quotes, to the newline.
 */
function commentEndsArith(s: string, at: number, end: number): boolean {
  const hash = s.indexOf('#', at);
  if (hash < 0 || hash >= end) return false;
  // the index of the `)` that closes the group opened before `i`, or -1
  const close = (i: number): number => {
    while (i < end) {
      const c = s[i]!;
      if (c === '#' && (s[i - 1] === ' ' || s[i - 1] === '\t' || s[i - 1] === '\n')) {
        const nl = s.indexOf('\n', i);
        if (nl < 0 || nl >= end) return -1;
        i = nl + 1;
      } else if (c === '\\') i += 2;
      else if (c === '(') {
        const j = close(i + 1);
        if (j < 0) return -1;
        i = j + 1;
      } else if (c === ')') return i;
      else if (c === "'" || c === '`') {
        const j = s.indexOf(c, i + 1);
        if (j < 0) return -1;
        i = j + 1;
      } else if (c === '"') {
        let j = i + 1;
        while (j < end && s[j] !== '"') j += s[j] === '\\' ? 2 : 1;
        i = j + 1;
      } else i++;
    }
    return -1;
  };
  return close(at) < 0;
}
