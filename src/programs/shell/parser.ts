// Recursive-descent parser for the bash grammar (bash manual, SHELL GRAMMAR). The top level
// is parsed one complete command at a time, as bash does, so a syntax error on a later line
// does not stop earlier lines from running.
import type { Assign, CaseItem, Command, CondExpr, List, Redir, RedirOp, Word } from './ast';
import { IncompleteInput, Lexer, ShellSyntaxError, type Token } from './lexer';

const REDIR_OPS = new Set(['<', '>', '>>', '>|', '<>', '<&', '>&', '&>', '&>>', '<<', '<<-', '<<<']);
const CLOSERS = new Set(['then', 'else', 'elif', 'fi', 'do', 'done', 'esac', '}']);
const COND_UNARY = new Set(['-a', '-b', '-c', '-d', '-e', '-f', '-g', '-h', '-k', '-p', '-r', '-s', '-t', '-u', '-w', '-x', '-G', '-L', '-N', '-O', '-S', '-z', '-n', '-o', '-v', '-R']);
const COND_BINARY = new Set(['==', '=', '!=', '=~', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']);

export interface ParserOptions {
  /** Alias values, looked up as each command word is read (undefined: not an alias). */
  aliases?: { get(name: string): string | undefined };
  line?: number;
  /** shopt extglob at parse time: ?(..) *(..) +(..) @(..) !(..) are patterns, not syntax errors. */
  extglob?: boolean;
  /** The locale's character set is UTF-8 (default): $'\u00e9' is é, else it stays \u00E9. */
  utf8?: boolean;
}

/** The unquoted literal text of a word, or undefined if any of it is quoted or expanded. */
export function plainText(w: Word): string | undefined {
  if (w.parts.length !== 1) return w.parts.length === 0 ? '' : undefined;
  const p = w.parts[0]!;
  return p.kind === 'lit' ? p.text : undefined;
}

/** A token as bash's [[ ]] errors name it (the end of the text is the end of a line). */
function condTokenText(t: Token): string {
  return t.type === 'eof' ? 'newline' : tokenText(t);
}

export class CondSyntaxError extends ShellSyntaxError {
  constructor(message: string, line: number, readonly final: boolean) {
    super(message, line);
  }
}

function tokenText(t: Token): string {
  switch (t.type) {
    case 'word': return t.word.text;
    case 'op': return t.op;
    case 'newline': return 'newline';
    case 'eof': return 'EOF';
  }
}

export class Parser {
  readonly lexer: Lexer;
  private peeked: Token | undefined;
  private readonly aliases: { get(name: string): string | undefined } | undefined;
  private aliasDepth = 0;

  /** The line number the text starts at. */
  readonly firstLine: number;

  constructor(src: string, opts: ParserOptions = {}) {
    this.aliases = opts.aliases;
    this.firstLine = opts.line ?? 1;
    this.lexer = new Lexer(src, (pos, line) => this.parseSubstitution(pos, line));
    this.lexer.line = opts.line ?? 1;
    this.lexer.extglob = opts.extglob ?? false;
    this.lexer.utf8 = opts.utf8 ?? true;
    this.lexer.parseSubFactory = (text, line) => new Parser(text, { line, extglob: this.lexer.extglob, utf8: this.lexer.utf8 }).parseAll();
  }

  get line(): number {
    return this.peeked?.line ?? this.lexer.line;
  }

  private peek(): Token {
    this.peeked ??= this.lexer.next();
    return this.peeked;
  }

  private next(): Token {
    const t = this.peek();
    this.peeked = undefined;
    return t;
  }

  private unexpected(t: Token): never {
    if (t.type === 'eof') throw new IncompleteInput('eof');
    throw new ShellSyntaxError(`syntax error near unexpected token \`${tokenText(t)}'`, t.line, tokenText(t));
  }

  private isWord(t: Token, text: string): boolean {
    return t.type === 'word' && plainText(t.word) === text;
  }

  private isOp(t: Token, op: string): boolean {
    return t.type === 'op' && t.op === op && t.fd === undefined && t.fdVar === undefined;
  }

  private skipNewlines(): void {
    while (this.peek().type === 'newline') this.next();
  }

  private expectWord(text: string): void {
    const t = this.next();
    if (!this.isWord(t, text)) this.unexpected(t);
  }

  /** Parses everything (used for $(...), backquotes, eval, functions' source). */
  parseAll(): List {
    const list = this.parseCompoundList(() => false);
    const t = this.peek();
    if (t.type !== 'eof') this.unexpected(t);
    return list;
  }

  /** The next complete command at the top level (through its newline), or null at the end. */
  nextCommand(): List | null {
    for (;;) {
      const t = this.peek();
      if (t.type === 'eof') return null;
      if (t.type === 'newline') {
        this.next();
        continue;
      }
      break;
    }
    const items: List['items'] = [];
    for (;;) {
      const cmd = this.parseAndOr();
      const sep = this.peek();
      if (sep.type === 'op' && (this.isOp(sep, ';') || this.isOp(sep, '&'))) {
        this.next();
        items.push({ cmd, async: sep.op === '&' });
        const after = this.peek();
        if (after.type === 'newline') {
          this.next();
          return { items, endLine: after.line };
        }
        if (after.type === 'eof') return { items, endLine: after.line };
        continue;
      }
      items.push({ cmd, async: false });
      if (sep.type === 'newline') {
        this.next();
        return { items, endLine: sep.line };
      }
      if (sep.type === 'eof') return { items, endLine: sep.line };
      this.unexpected(sep);
    }
  }

  /** $( ... ): a nested parse from `pos` to the matching `)`. */
  private parseSubstitution(pos: number, line: number): { list: List; end: number; line: number } {
    const sub = new Parser(this.lexer.src, { line, extglob: this.lexer.extglob, utf8: this.lexer.utf8, ...(this.aliases ? { aliases: this.aliases } : {}) });
    sub.lexer.pos = pos;
    const list = sub.parseCompoundList((t) => this.isOp(t, ')'));
    const close = sub.next();
    if (!(close.type === 'op' && close.op === ')')) sub.unexpected(close);
    return { list, end: sub.lexer.pos, line: sub.lexer.line };
  }

  private parseCompoundList(stop: (t: Token) => boolean): List {
    const items: List['items'] = [];
    this.skipNewlines();
    for (;;) {
      const t = this.peek();
      if (t.type === 'eof' || stop(t) || this.isCloser(t)) break;
      const cmd = this.parseAndOr();
      const sep = this.peek();
      if (sep.type === 'op' && (this.isOp(sep, ';') || this.isOp(sep, '&'))) {
        this.next();
        items.push({ cmd, async: sep.op === '&' });
        this.skipNewlines();
        continue;
      }
      items.push({ cmd, async: false });
      if (sep.type === 'newline') {
        this.skipNewlines();
        continue;
      }
      break;
    }
    return { items };
  }

  private isCloser(t: Token): boolean {
    if (t.type === 'op') return t.op === ')' || t.op === ';;' || t.op === ';&' || t.op === ';;&';
    if (t.type !== 'word') return false;
    const text = plainText(t.word);
    return text !== undefined && CLOSERS.has(text);
  }

  private parseAndOr(): Command {
    const first = this.parsePipeline();
    const rest: { op: '&&' | '||'; cmd: Command }[] = [];
    for (;;) {
      const t = this.peek();
      if (this.isOp(t, '&&') || this.isOp(t, '||')) {
        this.next();
        this.skipNewlines();
        rest.push({ op: (t as { op: '&&' | '||' }).op, cmd: this.parsePipeline() });
      } else break;
    }
    return rest.length ? { kind: 'andor', first, rest } : first;
  }

  private parsePipeline(): Command {
    const line = this.peek().line;
    let negate = false;
    let timed = false;
    let posixTime = false;
    let bang = false;
    for (;;) {
      const t = this.peek();
      if (this.isWord(t, '!')) {
        this.next();
        negate = !negate;
        bang = true;
      } else if (this.isWord(t, 'time')) {
        this.next();
        timed = true;
        const p = this.peek();
        if (this.isWord(p, '-p')) {
          this.next();
          posixTime = true;
        }
        // `--` ends time's options, and (bash's TIMEIGN) also asks for the POSIX format
        if (this.isWord(this.peek(), '--')) {
          this.next();
          posixTime = true;
        }
      } else break;
    }
    // `!` or `time` before a newline, `;` or the end: a pipeline of no command (status 0)
    const after = this.peek();
    if ((bang || timed) && (after.type === 'newline' || after.type === 'eof' || this.isOp(after, ';'))) {
      return { kind: 'pipeline', cmds: [{ kind: 'simple', assigns: [], words: [], redirs: [], line }], negate, stderr: [], timed, line, ...(posixTime ? { posixTime } : {}) };
    }
    const cmds = [this.parseCommand()];
    const stderr: boolean[] = [];
    for (;;) {
      const t = this.peek();
      if (this.isOp(t, '|') || this.isOp(t, '|&')) {
        this.next();
        stderr.push(t.type === 'op' && t.op === '|&');
        this.skipNewlines();
        cmds.push(this.parseCommand());
      } else break;
    }
    if (cmds.length === 1 && !negate && !timed) return cmds[0]!;
    // `time` alone times nothing but still reports
    return { kind: 'pipeline', cmds, negate, stderr, timed, line, ...(posixTime ? { posixTime } : {}) };
  }

  private parseCommand(): Command {
    const t = this.peek();
    const line = t.line;
    if (t.type === 'op' && this.isOp(t, '(')) {
      if (this.lexer.src[this.lexer.pos] === '(') {
        const arith = this.tryArithCommand(line);
        if (arith) return this.withRedirs(arith);
      }
      this.next();
      const body = this.parseCompoundList((x) => this.isOp(x, ')'));
      const close = this.next();
      if (!this.isOp(close, ')')) this.unexpected(close);
      if (body.items.length === 0) this.unexpected(close);
      return this.withRedirs({ kind: 'subshell', body, redirs: [], line, end: close.line });
    }
    if (t.type === 'word') {
      const text = plainText(t.word);
      switch (text) {
        case '{': return this.withRedirs(this.parseGroup());
        case 'if': return this.withRedirs(this.parseIf());
        case 'while':
        case 'until': return this.withRedirs(this.parseWhile(text === 'until'));
        case 'for': return this.withRedirs(this.parseFor());
        case 'select': return this.withRedirs(this.parseFor(true));
        case 'case': return this.withRedirs(this.parseCase());
        case '[[': return this.withRedirs(this.parseCond());
        case 'function': return this.parseFunction(true);
        case 'coproc': return this.parseCoproc(line);
        default: break;
      }
      if (!t.assign && /^[^\s|&;<>()]+$/.test(text ?? t.word.text) && this.lexer.src.slice(this.lexer.pos).match(/^[ \t]*\([ \t]*\)/)) {
        // a quoted name or one with `$` is refused when the definition runs
        return this.parseFunction(false);
      }
      if (text !== undefined && !t.assign && /^[ \t]*\(/.test(this.lexer.src.slice(this.lexer.pos))) {
        // `name (` starts a function definition, so bash's grammar wants `)` next and
        // reports the token after the parenthesis (`[ ( x ) ]`: near `x')
        this.next();
        this.next();
        const after = this.next();
        if (after.type === 'eof') throw new ShellSyntaxError("syntax error near unexpected token `newline'", after.line, 'newline');
        this.unexpected(after);
      }
      // `in` and `]]` are reserved words too where a command starts
      if (text !== undefined && (CLOSERS.has(text) || text === 'in' || text === ']]')) this.unexpected(t);
    }
    if (t.type === 'op' && !REDIR_OPS.has(t.op)) this.unexpected(t);
    if (t.type === 'eof' || t.type === 'newline') this.unexpected(t);
    return this.parseSimple();
  }

  /** coproc NAME compound-command, or coproc command (named COPROC). */
  private parseCoproc(line: number): Command {
    this.next();
    let name = 'COPROC';
    const t = this.peek();
    const w = t.type === 'word' ? plainText(t.word) : undefined;
    // (any word before a compound command names it: one that is no name fails when it runs)
    if (w !== undefined && /^[ \t]*(\{|\(|(if|while|until|for|select|case)\b|\[\[)/.test(this.lexer.src.slice(this.lexer.pos))) {
      this.next();
      name = w;
    }
    return { kind: 'coproc', name, body: this.parseCommand(), line };
  }

  private withRedirs<C extends Command & { redirs?: Redir[] }>(cmd: C): C {
    if (!('redirs' in cmd)) return cmd;
    for (;;) {
      const t = this.peek();
      if (t.type === 'op' && REDIR_OPS.has(t.op)) cmd.redirs!.push(this.parseRedir());
      else break;
    }
    return cmd;
  }

  private tryArithCommand(line: number): Command | undefined {
    // (( expr )) — find the matching `))`
    const src = this.lexer.src;
    const from = this.lexer.pos + 1;
    let depth = 0;
    for (let i = from; i < src.length; i++) {
      const c = src[i];
      if (c === '(') depth++;
      else if (c === ')') {
        if (depth === 0) {
          if (src[i + 1] !== ')') return undefined;
          this.peeked = undefined;
          this.lexer.pos = from;
          const expr = this.lexer.readUntil(')', 'arith', i);
          this.lexer.pos = i + 2;
          return { kind: 'arith', expr, redirs: [], line };
        }
        depth--;
      } else if (c === '\n' && depth === 0 && false) return undefined;
    }
    throw new IncompleteInput('((', line);
  }

  private parseGroup(): Command {
    const line = this.next().line;
    const body = this.parseCompoundList((t) => this.isWord(t, '}'));
    const close = this.next();
    if (!this.isWord(close, '}') || body.items.length === 0) this.unexpected(close);
    return { kind: 'group', body, redirs: [], line };
  }

  private parseIf(): Command {
    const line = this.next().line;
    const clauses: { cond: List; body: List }[] = [];
    let elseBody: List | undefined;
    for (;;) {
      const cond = this.parseCompoundList((t) => this.isWord(t, 'then'));
      const then = this.next();
      if (!this.isWord(then, 'then') || cond.items.length === 0) this.unexpected(then);
      const body = this.parseCompoundList(() => false);
      if (body.items.length === 0) this.unexpected(this.peek());
      clauses.push({ cond, body });
      const t = this.next();
      if (this.isWord(t, 'elif')) continue;
      if (this.isWord(t, 'else')) {
        elseBody = this.parseCompoundList(() => false);
        if (elseBody.items.length === 0) this.unexpected(this.peek());
        this.expectWord('fi');
        break;
      }
      if (this.isWord(t, 'fi')) break;
      this.unexpected(t);
    }
    return { kind: 'if', clauses, ...(elseBody ? { elseBody } : {}), redirs: [], line };
  }

  private parseWhile(until: boolean): Command {
    const line = this.next().line;
    const cond = this.parseCompoundList(() => false);
    const d = this.next();
    if (!this.isWord(d, 'do') || cond.items.length === 0) this.unexpected(d);
    const body = this.parseDoBody();
    return { kind: 'while', until, cond, body, redirs: [], line };
  }

  private parseDoBody(): List {
    const body = this.parseCompoundList(() => false);
    const done = this.next();
    if (!this.isWord(done, 'done') || body.items.length === 0) this.unexpected(done);
    return body;
  }

  /**
   * for ((...)): the parentheses must hold three expressions. bash finds out when the whole
   * command has been read (make_arith_for_command), so the error and where the (( )) ends are
   * returned, for the caller to throw once it has read the body.
   */
  private arithForShape(line: number): { error: ShellSyntaxError; end: number } | undefined {
    const src = this.lexer.src;
    const start = this.lexer.pos;
    let depth = 0;
    let parts = 1;
    for (let i = start; i < src.length; i++) {
      const c = src[i]!;
      if (c === '(') depth++;
      else if (c === ')') {
        depth--;
        if (depth === 0) {
          if (parts === 3) return undefined;
          const text = src.slice(start, i + 1);
          const error = new ShellSyntaxError(parts < 3 ? 'syntax error: arithmetic expression required' : "syntax error: `;' unexpected", line);
          error.second = `syntax error: \`${text}'`;
          return { error, end: i + 1 };
        }
      } else if (c === ';' && depth >= 2) parts++;
      else if (c === '\n' && depth === 0) return undefined;
    }
    return undefined;
  }

  private parseFor(select = false): Command {
    const line = this.next().line;
    if (!select && this.lexer.src.slice(this.lexer.pos).match(/^[ \t]*\(\(/) && !this.peeked) {
      this.lexer.skipBlank();
      const bad = this.arithForShape(line);
      let init: Word = { text: '', parts: [] };
      let cond = init;
      let step = init;
      if (bad) this.lexer.pos = bad.end;
      else {
        this.lexer.pos += 2;
        init = this.lexer.readUntil(';', 'arith');
        if (this.lexer.src[this.lexer.pos] !== ';') throw new IncompleteInput('((', line);
        this.lexer.pos++;
        cond = this.lexer.readUntil(';', 'arith');
        if (this.lexer.src[this.lexer.pos] !== ';') throw new IncompleteInput('((', line);
        this.lexer.pos++;
        step = this.lexer.readUntil(')', 'arith');
        if (!this.lexer.src.startsWith('))', this.lexer.pos)) throw new IncompleteInput('((', line);
        this.lexer.pos += 2;
      }
      const t = this.peek();
      if (this.isOp(t, ';')) this.next();
      this.skipNewlines();
      const body = this.parseLoopBody();
      if (bad) throw bad.error;
      return { kind: 'arithfor', init, cond, step, body, redirs: [], line };
    }
    const nameTok = this.next();
    // a word that is not a name is the loop's error when it runs (`1x': not a valid identifier)
    if (nameTok.type !== 'word') this.unexpected(nameTok);
    const name = plainText(nameTok.word) ?? nameTok.word.text;
    let items: Word[] | undefined;
    this.skipNewlines();
    let t = this.peek();
    if (this.isWord(t, 'in')) {
      this.next();
      items = [];
      for (;;) {
        t = this.peek();
        if (t.type !== 'word') break;
        items.push(this.next().type === 'word' ? t.word : t.word);
      }
      t = this.next();
      if (!(this.isOp(t, ';') || t.type === 'newline')) this.unexpected(t);
      this.skipNewlines();
    } else if (this.isOp(t, ';')) {
      this.next();
      this.skipNewlines();
    }
    const body = this.parseLoopBody();
    return select
      ? { kind: 'select', name, ...(items ? { items } : {}), body, redirs: [], line }
      : { kind: 'for', name, ...(items ? { items } : {}), body, redirs: [], line };
  }

  private parseLoopBody(): List {
    const t = this.next();
    if (this.isWord(t, 'do')) return this.parseDoBody();
    if (this.isWord(t, '{')) {
      const body = this.parseCompoundList((x) => this.isWord(x, '}'));
      const close = this.next();
      if (!this.isWord(close, '}')) this.unexpected(close);
      return body;
    }
    this.unexpected(t);
  }

  private parseCase(): Command {
    const line = this.next().line;
    const wt = this.next();
    if (wt.type !== 'word') this.unexpected(wt);
    const word = wt.word;
    this.skipNewlines();
    this.expectWord('in');
    const items: CaseItem[] = [];
    for (;;) {
      this.skipNewlines();
      let t = this.peek();
      if (this.isWord(t, 'esac')) {
        this.next();
        break;
      }
      if (this.isOp(t, '(')) this.next();
      const patterns: Word[] = [];
      for (;;) {
        t = this.next();
        if (t.type !== 'word') this.unexpected(t);
        patterns.push(t.word);
        t = this.next();
        if (this.isOp(t, '|')) continue;
        if (this.isOp(t, ')')) break;
        this.unexpected(t);
      }
      const body = this.parseCompoundList(() => false);
      t = this.peek();
      let term: CaseItem['term'] = ';;';
      if (t.type === 'op' && (t.op === ';;' || t.op === ';&' || t.op === ';;&')) {
        this.next();
        term = t.op;
        items.push({ patterns, body, term });
        continue;
      }
      items.push({ patterns, body, term });
      if (this.isWord(t, 'esac')) {
        this.next();
        break;
      }
      this.unexpected(t);
    }
    return { kind: 'case', word, items, redirs: [], line };
  }

  private parseFunction(keyword: boolean): Command {
    const start = this.peek().start;
    const line = this.peek().line;
    if (keyword) this.next();
    const nameTok = this.next();
    if (nameTok.type !== 'word') this.unexpected(nameTok);
    const name = nameTok.word.text;
    let t = this.peek();
    if (this.isOp(t, '(')) {
      this.next();
      t = this.next();
      if (!this.isOp(t, ')')) this.unexpected(t);
    }
    this.skipNewlines();
    t = this.peek();
    const isCompound = (t.type === 'word' && ['{', 'if', 'while', 'until', 'for', 'case', '[[', 'select'].includes(plainText(t.word) ?? '')) || this.isOp(t, '(');
    if (!isCompound) this.unexpected(t);
    const body = this.parseCommand();
    const source = this.lexer.src.slice(start, this.lexer.pos);
    return { kind: 'funcdef', name, body, line, source };
  }

  private parseCond(): Command {
    const line = this.next().line;
    const expr = this.condOr();
    const t = this.next();
    if (!(t.type === 'word' && plainText(t.word) === ']]')) {
      if (t.type === 'eof') throw new IncompleteInput(']]', t.line);
      throw this.condFail('syntax error in conditional expression', t);
    }
    return { kind: 'cond', expr, redirs: [], line };
  }

  private condPeek(): Token {
    this.peeked ??= this.lexer.next('cond');
    return this.peeked;
  }

  private condNext(): Token {
    const t = this.condPeek();
    this.peeked = undefined;
    return t;
  }

  private condOr(): CondExpr {
    let left = this.condAnd();
    while (this.isOp(this.condPeek(), '||')) {
      this.condNext();
      this.skipCondNewlines();
      left = { kind: 'or', left, right: this.condAnd() };
    }
    return left;
  }

  private skipCondNewlines(): void {
    while (this.condPeek().type === 'newline') this.condNext();
  }

  private condAnd(): CondExpr {
    let left = this.condNot();
    while (this.isOp(this.condPeek(), '&&')) {
      this.condNext();
      this.skipCondNewlines();
      left = { kind: 'and', left, right: this.condNot() };
    }
    return left;
  }

  private condNot(): CondExpr {
    this.skipCondNewlines();
    const t = this.condPeek();
    if (t.type === 'word' && plainText(t.word) === '!') {
      this.condNext();
      return { kind: 'not', expr: this.condNot() };
    }
    return this.condPrimary();
  }

  private condPrimary(): CondExpr {
    const t = this.condNext();
    if (this.isOp(t, '(')) {
      const e = this.condOr();
      const close = this.condNext();
      if (!this.isOp(close, ')')) throw this.condFail(`unexpected token \`${condTokenText(close)}', expected \`)'`, close);
      return { kind: 'paren', expr: e };
    }
    if (t.type === 'eof') throw new IncompleteInput('[[');
    if (t.type !== 'word') throw this.condFail(`unexpected token \`${condTokenText(t)}' in conditional command`, t);
    const text = plainText(t.word);
    // bash 5.2 gives up on a missing operand before ]] without a word
    if (text === ']]') throw this.condFail('', t);
    const nextTok = this.condPeek();
    const isEnd = (x: Token): boolean => x.type === 'word' && plainText(x.word) === ']]';
    if (text !== undefined && COND_UNARY.has(text)) {
      if (nextTok.type !== 'word' || isEnd(nextTok)) throw this.condFail(`unexpected argument \`${condTokenText(nextTok)}' to conditional unary operator`, nextTok);
      this.condNext();
      return { kind: 'unary', op: text, arg: nextTok.word };
    }
    if (nextTok.type === 'word') {
      if (isEnd(nextTok)) return { kind: 'word', word: t.word };
      const op = plainText(nextTok.word);
      if (op === undefined || !COND_BINARY.has(op)) throw this.condFail('conditional binary operator expected', nextTok);
      this.condNext();
      if (op === '=~') {
        this.peeked = undefined;
        this.lexer.skipBlank();
        const rest = this.lexer.src.slice(this.lexer.pos);
        if (rest === '' || rest[0] === '\n' || /^\]\](?:[\s;&|)]|$)/.test(rest)) {
          const bad = this.condNext();
          throw this.condFail(`unexpected argument \`${condTokenText(bad)}' to conditional binary operator`, bad);
        }
        const right = this.readRegexWord();
        return { kind: 'binary', op, left: t.word, right };
      }
      // a pattern after == != = is read with extglob on, whatever the shopt says (bash 5.2)
      const saved = this.lexer.extglob;
      if (op === '==' || op === '!=' || op === '=') this.lexer.extglob = true;
      let right: Token;
      try {
        right = this.condNext();
      } finally {
        this.lexer.extglob = saved;
      }
      if (right.type !== 'word' || isEnd(right)) throw this.condFail(`unexpected argument \`${condTokenText(right)}' to conditional binary operator`, right);
      return { kind: 'binary', op, left: t.word, right: right.word };
    }
    if (this.isOp(nextTok, '&&') || this.isOp(nextTok, '||') || this.isOp(nextTok, ')')) return { kind: 'word', word: t.word };
    throw this.condFail(`unexpected token \`${condTokenText(nextTok)}', conditional binary operator expected`, nextTok);
  }

  /**
   * A syntax error inside [[ ]]: one line (or none), no echo of the line. It ends a script
   * with the last status, or with 2 when the text ended there.
   */
  private condFail(message: string, t: Token): CondSyntaxError {
    const src = this.lexer.src;
    const final = t.type === 'eof' || (t.type === 'newline' && src.slice(t.start + 1).trim() === '');
    return new CondSyntaxError(message, t.line, final);
  }

  /** The right side of =~: parentheses and | are part of the regex, not operators. */
  private readRegexWord(): Word {
    const lx = this.lexer;
    const start = lx.pos;
    let depth = 0;
    const parts: Word['parts'] = [];
    let lit = '';
    while (lx.pos < lx.src.length) {
      const c = lx.src[lx.pos]!;
      if (depth === 0 && (c === ' ' || c === '\t' || c === '\n')) break;
      if (c === '(') depth++;
      if (c === ')') {
        if (depth === 0) break;
        depth--;
      }
      if (c === '\\' || c === "'" || c === '"' || c === '$') {
        if (lit) parts.push({ kind: 'lit', text: lit });
        lit = '';
        const save = lx.pos;
        const w = lx.readWord();
        if (lx.pos === save) {
          lit += c;
          lx.pos++;
        } else parts.push(...w.parts);
        continue;
      }
      lit += c;
      lx.pos++;
    }
    // a ( the text never closes: bash reads on to the end looking for its )
    if (depth > 0) throw new IncompleteInput('=~(', lx.src.slice(0, start).split('\n').length + this.firstLine - 1);
    if (lit) parts.push({ kind: 'lit', text: lit });
    return { parts, text: lx.src.slice(start, lx.pos) };
  }

  private parseSimple(): Command {
    let line = this.peek().line;
    let first = true;
    const assigns: Assign[] = [];
    const words: Word[] = [];
    const redirs: Redir[] = [];
    for (;;) {
      // bash's simple command takes the line its parser was on once it had read the token
      // after the first word (its lookahead): where that token ends
      if (first && assigns.length + words.length + redirs.length > 0) {
        first = false;
        line = endLine(this.peek());
      }
      const t = this.peek();
      if (t.type === 'word') {
        if (words.length === 0 && t.assign) {
          this.next();
          assigns.push(t.assign);
          continue;
        }
        if (words.length === 0 && this.expandAlias(t)) continue;
        this.next();
        words.push(t.assign ? { ...t.word, assign: t.assign } : t.word);
        continue;
      }
      if (t.type === 'op' && REDIR_OPS.has(t.op)) {
        redirs.push(this.parseRedir());
        continue;
      }
      break;
    }
    if (words.length === 0 && assigns.length === 0 && redirs.length === 0) this.unexpected(this.peek());
    return { kind: 'simple', assigns, words, redirs, line };
  }

  /** Alias substitution: splices the alias text into the input in place of the word. */
  private expandAlias(t: Token & { type: 'word' }): boolean {
    if (!this.aliases || this.aliasDepth > 16) return false;
    const text = plainText(t.word);
    if (text === undefined) return false;
    const value = this.aliases.get(text);
    if (value === undefined) return false;
    const lx = this.lexer;
    const end = t.start + t.word.text.length;
    (lx as { src: string }).src = lx.src.slice(0, t.start) + value + lx.src.slice(end);
    lx.pos = t.start;
    this.peeked = undefined;
    this.aliasDepth++;
    return true;
  }

  private parseRedir(): Redir {
    const t = this.next() as Token & { type: 'op' };
    const op = t.op as RedirOp;
    const target = this.next();
    if (target.type !== 'word') this.unexpected(target);
    const redir: Redir = { op, target: target.word, ...(t.fd !== undefined ? { fd: t.fd } : {}), ...(t.fdVar ? { fdVar: t.fdVar } : {}) };
    if (op === '<<' || op === '<<-') {
      const quoted = target.word.parts.some((p) => p.kind !== 'lit');
      const delimiter = target.word.parts.map((p) => (p.kind === 'lit' || p.kind === 'quoted' ? p.text : p.kind === 'dq' ? p.parts.map((q) => ('text' in q ? q.text : '')).join('') : '')).join('');
      redir.heredoc = { body: '', quoted };
      this.lexer.heredocs.push({ delimiter, strip: op === '<<-', quoted, line: t.line, fill: (body) => (redir.heredoc!.body = body) });
    }
    return redir;
  }
}

/** The line a token ends on (a word may hold newlines in quotes or substitutions). */
function endLine(t: Token): number {
  if (t.type !== 'word') return t.line;
  let n = t.line;
  const text = t.word.text;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
