// bc's language (POSIX bc with GNU bc 1.07's extensions): tokens, then statements and
// function definitions. The parser works a line at a time, as bc runs its main program each
// time a top-level line ends; a construct still open at the end of the text (a brace, a
// string, a definition) asks for more input. Each operation that can fail notes the address
// GNU bc's byte code would give it, which its run-time messages show (adr=N).

export type Expr =
  | { k: 'num'; text: string; at: number }
  | { k: 'var'; name: string; at: number }
  | { k: 'elem'; name: string; index: Expr; at: number }
  | { k: 'special'; name: 'scale' | 'ibase' | 'obase' | 'last'; at: number }
  | { k: 'assign'; op: string; target: LValue; value: Expr; at: number; paren?: boolean }
  | { k: 'bin'; op: string; l: Expr; r: Expr; at: number }
  | { k: 'neg'; e: Expr; at: number }
  | { k: 'not'; e: Expr; at: number }
  | { k: 'incdec'; op: '++' | '--'; prefix: boolean; target: LValue; at: number }
  | { k: 'call'; name: string; args: Arg[]; at: number }
  | { k: 'fn'; name: 'length' | 'sqrt' | 'scale'; arg: Expr; at: number }
  | { k: 'read'; at: number };

export type LValue = Extract<Expr, { k: 'var' | 'elem' | 'special' }>;
export type Arg = { expr: Expr } | { array: string };

export type Stmt =
  | { k: 'expr'; e: Expr; print: boolean }
  | { k: 'str'; text: string }
  | { k: 'print'; items: (Expr | string)[] }
  | { k: 'block'; body: Stmt[] }
  | { k: 'if'; cond: Expr; then: Stmt; else?: Stmt }
  | { k: 'while'; cond: Expr; body: Stmt }
  | { k: 'for'; init?: Expr; cond?: Expr; step?: Expr; body: Stmt }
  | { k: 'break' }
  | { k: 'continue' }
  | { k: 'return'; e?: Expr }
  | { k: 'halt' }
  | { k: 'limits' }
  | { k: 'warranty' }
  | { k: 'empty' };

export interface Param {
  name: string;
  array: boolean;
  ref: boolean;
}

export interface FuncDef {
  name: string;
  params: Param[];
  autos: { name: string; array: boolean }[];
  body: Stmt[];
}

export type Unit = { k: 'stmts'; body: Stmt[] } | { k: 'define'; def: FuncDef } | { k: 'quit' };

export class SyntaxError extends Error {
  constructor(readonly line: number, message = 'syntax error') {
    super(message);
  }
}

/** The text ended inside a construct: more input is needed. */
export class Incomplete extends Error {}

type Tok = { t: 'num' | 'name' | 'str' | 'op' | 'nl' | 'eof'; v: string; line: number; end: number };

const KEYWORDS = new Set(['define', 'break', 'quit', 'length', 'return', 'for', 'if', 'while', 'sqrt', 'scale', 'ibase', 'obase', 'auto', 'print', 'continue', 'else', 'halt', 'last', 'limits', 'read', 'warranty']);
const OPS = ['++', '--', '+=', '-=', '*=', '/=', '%=', '^=', '==', '<=', '>=', '!=', '&&', '||', '+', '-', '*', '/', '%', '^', '=', '<', '>', '!', '(', ')', '[', ']', '{', '}', ',', ';'];

function lex(src: string, firstLine: number): Tok[] {
  const out: Tok[] = [];
  let line = firstLine;
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === '\\' && src[i + 1] === '\n') {
      i += 2;
      line++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v') {
      i++;
      continue;
    }
    if (c === '\n') {
      out.push({ t: 'nl', v: '\n', line, end: i + 1 });
      line++;
      i++;
      continue;
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      if (end < 0) throw new Incomplete();
      for (let j = i; j < end; j++) if (src[j] === '\n') line++;
      i = end + 2;
      continue;
    }
    if (c === '"') {
      const end = src.indexOf('"', i + 1);
      if (end < 0) throw new Incomplete();
      const text = src.slice(i + 1, end);
      out.push({ t: 'str', v: text, line, end: end + 1 });
      for (const ch of text) if (ch === '\n') line++;
      i = end + 1;
      continue;
    }
    if (/[0-9A-Z.]/.test(c) && !(c === '.' && !/[0-9A-Z]/.test(src[i + 1] ?? ''))) {
      let j = i;
      let text = '';
      let dot = false;
      while (j < src.length) {
        const d = src[j]!;
        if (d === '\\' && src[j + 1] === '\n') {
          j += 2;
          line++;
          continue;
        }
        if (/[0-9A-Z]/.test(d)) text += d;
        else if (d === '.' && !dot) {
          dot = true;
          text += d;
        } else break;
        j++;
      }
      out.push({ t: 'num', v: text, line, end: j });
      i = j;
      continue;
    }
    if (c === '.') {
      // `.` alone is the last value printed
      out.push({ t: 'name', v: 'last', line, end: i + 1 });
      i++;
      continue;
    }
    if (/[a-z_]/.test(c)) {
      let j = i;
      while (j < src.length && /[a-z0-9_]/.test(src[j]!)) j++;
      out.push({ t: 'name', v: src.slice(i, j), line, end: j });
      i = j;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new SyntaxError(line, `illegal character: ${c}`);
    // a =- b: the old form of -=, which bc reads as = - b
    out.push({ t: 'op', v: op, line, end: i + op.length });
    i += op.length;
  }
  out.push({ t: 'eof', v: '', line, end: src.length });
  return out;
}

/** Byte-code sizes, to give each failing operation GNU bc's address. */
function constSize(text: string): number {
  return text === '0' || text === '1' ? 1 : text.length + 2;
}

export class Parser {
  private toks: Tok[] = [];
  private p = 0;
  /** the address the next operation's code would take in the current code block */
  private pc = 0;
  private loopDepth = 0;
  private inFunction = false;

  /** Starts on `src`, whose first line is line `line` of the input. */
  init(src: string, line: number): void {
    this.toks = lex(src, line);
    this.p = 0;
  }

  /**
   * The next unit (a top-level line of statements, or a definition), with the offset of the
   * text after it; undefined at the end. Throws Incomplete when the text stops inside one.
   */
  nextUnit(): { unit: Unit; end: number } | undefined {
    this.pc = 0;
    while (this.peek().t === 'nl') this.p++;
    if (this.peek().t === 'eof') return undefined;
    const unit = this.unit();
    return { unit, end: this.p > 0 ? this.toks[this.p - 1]!.end : 0 };
  }

  /** After a syntax error: skips to the end of the line; returns the offset after it. */
  recover(): number {
    while (this.peek().t !== 'nl' && this.peek().t !== 'eof') this.p++;
    const t = this.next();
    return t.end;
  }

  private peek(o = 0): Tok {
    return this.toks[Math.min(this.p + o, this.toks.length - 1)]!;
  }

  private next(): Tok {
    const t = this.peek();
    if (t.t !== 'eof') this.p++;
    return t;
  }

  private is(v: string, t: Tok['t'] = 'op'): boolean {
    const k = this.peek();
    return k.t === t && k.v === v;
  }

  private fail(): never {
    const t = this.peek();
    if (t.t === 'eof') throw new Incomplete();
    // bc's scanner has counted a newline by the time the parser rejects it
    throw new SyntaxError(t.t === 'nl' ? t.line + 1 : t.line);
  }

  private expect(v: string): void {
    if (!this.is(v)) this.fail();
    this.p++;
  }

  private skipNewlines(): void {
    while (this.peek().t === 'nl') this.p++;
  }

  private unit(): Unit {
    if (this.is('define', 'name')) {
      this.p++;
      const def = this.define();
      return { k: 'define', def };
    }
    const body: Stmt[] = [];
    for (;;) {
      if (this.is('quit', 'name')) return { k: 'quit' };
      body.push(this.statement());
      if (this.is(';')) {
        this.p++;
        if (this.peek().t === 'nl') {
          this.p++;
          break;
        }
        if (this.peek().t === 'eof') throw new Incomplete();
        continue;
      }
      if (this.peek().t === 'nl') {
        this.p++;
        break;
      }
      if (this.peek().t === 'eof') throw new Incomplete();
      this.fail();
    }
    return { k: 'stmts', body };
  }

  private define(): FuncDef {
    const name = this.next();
    if (name.t !== 'name' || KEYWORDS.has(name.v)) this.fail();
    this.expect('(');
    const params: Param[] = [];
    while (!this.is(')')) {
      const ref = this.is('*');
      if (ref) this.p++;
      const p = this.next();
      if (p.t !== 'name' || KEYWORDS.has(p.v)) this.fail();
      let array = false;
      if (this.is('[')) {
        this.p++;
        this.expect(']');
        array = true;
      }
      params.push({ name: p.v, array, ref });
      if (this.is(',')) this.p++;
      else if (!this.is(')')) this.fail();
    }
    this.p++;
    this.skipNewlines();
    this.expect('{');
    const saved = this.pc;
    const inFn = this.inFunction;
    this.inFunction = true;
    this.pc = 0;
    this.skipNewlines();
    const autos: { name: string; array: boolean }[] = [];
    while (this.is('auto', 'name')) {
      this.p++;
      for (;;) {
        const a = this.next();
        if (a.t !== 'name' || KEYWORDS.has(a.v)) this.fail();
        let array = false;
        if (this.is('[')) {
          this.p++;
          this.expect(']');
          array = true;
        }
        autos.push({ name: a.v, array });
        if (this.is(',')) {
          this.p++;
          continue;
        }
        break;
      }
      if (this.is(';')) this.p++;
      this.skipNewlines();
    }
    const body = this.statementsUntil('}');
    this.p++;
    this.pc = saved;
    this.inFunction = inFn;
    // the definition ends at the end of its line
    if (this.peek().t === 'nl') this.p++;
    else if (this.peek().t === 'eof') {
      // fine: the definition is complete
    } else if (this.is(';')) this.p++;
    return { name: name.v, params, autos, body };
  }

  private statementsUntil(close: string): Stmt[] {
    const body: Stmt[] = [];
    for (;;) {
      while (this.peek().t === 'nl' || this.is(';')) this.p++;
      if (this.is(close)) return body;
      if (this.peek().t === 'eof') throw new Incomplete();
      body.push(this.statement());
      if (!(this.is(';') || this.peek().t === 'nl' || this.is(close))) this.fail();
    }
  }

  private statement(): Stmt {
    const t = this.peek();
    if (t.t === 'nl' || this.is(';')) return { k: 'empty' };
    if (t.t === 'str') {
      this.p++;
      this.pc += t.v.length + 2;
      return { k: 'str', text: t.v };
    }
    if (this.is('{')) {
      this.p++;
      const body = this.statementsUntil('}');
      this.p++;
      return { k: 'block', body };
    }
    if (t.t === 'name') {
      switch (t.v) {
        case 'print': {
          this.p++;
          const items: (Expr | string)[] = [];
          for (;;) {
            const s = this.peek();
            if (s.t === 'str') {
              this.p++;
              this.pc += s.v.length + 2;
              items.push(s.v);
            } else {
              items.push(this.expr());
              this.pc += 1;
            }
            if (this.is(',')) {
              this.p++;
              continue;
            }
            break;
          }
          return { k: 'print', items };
        }
        case 'if': {
          this.p++;
          this.expect('(');
          const cond = this.expr();
          this.expect(')');
          this.pc += 4;
          this.skipNewlines();
          const then = this.statement();
          let otherwise: Stmt | undefined;
          // `else` may follow on the next line (GNU)
          let k = 0;
          while (this.peek(k).t === 'nl') k++;
          if (this.peek(k).t === 'name' && this.peek(k).v === 'else') {
            this.p += k + 1;
            this.pc += 4;
            this.skipNewlines();
            otherwise = this.statement();
          }
          return otherwise ? { k: 'if', cond, then, else: otherwise } : { k: 'if', cond, then };
        }
        case 'while': {
          this.p++;
          this.expect('(');
          const cond = this.expr();
          this.expect(')');
          this.pc += 4;
          this.skipNewlines();
          this.loopDepth++;
          const body = this.statement();
          this.loopDepth--;
          this.pc += 4;
          return { k: 'while', cond, body };
        }
        case 'for': {
          this.p++;
          this.expect('(');
          const init = this.is(';') ? undefined : this.expr();
          this.expect(';');
          const cond = this.is(';') ? undefined : this.expr();
          this.expect(';');
          const step = this.is(')') ? undefined : this.expr();
          this.expect(')');
          this.pc += 12;
          this.skipNewlines();
          this.loopDepth++;
          const body = this.statement();
          this.loopDepth--;
          return { k: 'for', init, cond, step, body };
        }
        case 'break':
        case 'continue':
          this.p++;
          if (this.loopDepth === 0) throw new SyntaxError(t.line, t.v === 'break' ? 'Break outside a for/while' : 'Continue outside a for');
          this.pc += 4;
          return { k: t.v };
        case 'return': {
          this.p++;
          // (found at the end of the statement, when the scanner is past its newline)
          if (!this.inFunction) throw new SyntaxError(this.peek().t === 'nl' ? t.line + 1 : t.line, 'Return outside of a function.');
          if (this.peek().t === 'nl' || this.is(';') || this.is('}') || this.peek().t === 'eof') return { k: 'return' };
          const e = this.expr();
          this.pc += 1;
          return { k: 'return', e };
        }
        case 'halt':
          this.p++;
          return { k: 'halt' };
        case 'limits':
          this.p++;
          return { k: 'limits' };
        case 'warranty':
          this.p++;
          return { k: 'warranty' };
        case 'quit':
          // inside a block or function: still ends bc when read
          this.p++;
          throw new QuitNow();
        default:
          break;
      }
    }
    const e = this.expr();
    const print = !(e.k === 'assign' && !e.paren);
    this.pc += print ? 1 : 1;
    return { k: 'expr', e, print };
  }

  // ---- expressions, by GNU bc's precedence: || && ! relations = + - * / % ^ unary-minus ++ --

  expr(): Expr {
    return this.orExpr();
  }

  private orExpr(): Expr {
    let l = this.andExpr();
    while (this.is('||')) {
      this.p++;
      const r = this.andExpr();
      this.pc += 6;
      l = { k: 'bin', op: '||', l, r, at: this.pc };
    }
    return l;
  }

  private andExpr(): Expr {
    let l = this.notExpr();
    while (this.is('&&')) {
      this.p++;
      const r = this.notExpr();
      this.pc += 6;
      l = { k: 'bin', op: '&&', l, r, at: this.pc };
    }
    return l;
  }

  private notExpr(): Expr {
    if (this.is('!')) {
      this.p++;
      const e = this.notExpr();
      this.pc += 1;
      return { k: 'not', e, at: this.pc };
    }
    return this.relExpr();
  }

  private relExpr(): Expr {
    let l = this.assignExpr();
    while (['<', '<=', '>', '>=', '==', '!='].some((o) => this.is(o))) {
      const op = this.next().v;
      const r = this.assignExpr();
      this.pc += 1;
      l = { k: 'bin', op, l, r, at: this.pc };
    }
    return l;
  }

  private assignExpr(): Expr {
    const start = this.p;
    const startPc = this.pc;
    const l = this.addExpr();
    const op = this.peek();
    if (op.t === 'op' && ['=', '+=', '-=', '*=', '/=', '%=', '^='].includes(op.v)) {
      if (l.k !== 'var' && l.k !== 'elem' && l.k !== 'special') {
        // only a name can be assigned to
        this.p = start;
        this.pc = startPc;
        this.fail();
      }
      this.p++;
      // the target's code (an element's index) comes first; a plain = does not load the old value
      if (op.v === '=') this.pc -= l.k === 'special' ? 1 : 2;
      const value = this.assignExpr();
      this.pc += op.v === '=' ? 2 : 4;
      return { k: 'assign', op: op.v, target: l, value, at: this.pc - (op.v === '=' ? 2 : 3) };
    }
    return l;
  }

  private addExpr(): Expr {
    let l = this.mulExpr();
    while (this.is('+') || this.is('-')) {
      const op = this.next().v;
      const r = this.mulExpr();
      this.pc += 1;
      l = { k: 'bin', op, l, r, at: this.pc };
    }
    return l;
  }

  private mulExpr(): Expr {
    let l = this.powExpr();
    while (this.is('*') || this.is('/') || this.is('%')) {
      const op = this.next().v;
      const r = this.powExpr();
      this.pc += 1;
      l = { k: 'bin', op, l, r, at: this.pc };
    }
    return l;
  }

  private powExpr(): Expr {
    const l = this.unary();
    if (this.is('^')) {
      this.p++;
      const r = this.powExpr();
      this.pc += 1;
      return { k: 'bin', op: '^', l, r, at: this.pc };
    }
    return l;
  }

  private unary(): Expr {
    if (this.is('-')) {
      this.p++;
      const e = this.unary();
      this.pc += 1;
      return { k: 'neg', e, at: this.pc };
    }
    return this.postfix();
  }

  private postfix(): Expr {
    if (this.is('++') || this.is('--')) {
      const op = this.next().v as '++' | '--';
      const target = this.lvalue();
      this.pc += 2;
      return { k: 'incdec', op, prefix: true, target, at: this.pc };
    }
    const e = this.primary();
    if ((this.is('++') || this.is('--')) && (e.k === 'var' || e.k === 'elem' || e.k === 'special')) {
      const op = this.next().v as '++' | '--';
      this.pc += 2;
      return { k: 'incdec', op, prefix: false, target: e, at: this.pc };
    }
    return e;
  }

  private lvalue(): LValue {
    const e = this.primary();
    if (e.k !== 'var' && e.k !== 'elem' && e.k !== 'special') this.fail();
    return e;
  }

  private primary(): Expr {
    const t = this.next();
    if (t.t === 'num') {
      this.pc += constSize(t.v);
      return { k: 'num', text: t.v, at: this.pc };
    }
    if (t.t === 'op' && t.v === '(') {
      const e = this.expr();
      this.expect(')');
      // a parenthesised assignment is printed as a statement
      return e.k === 'assign' ? { ...e, paren: true } : e;
    }
    if (t.t !== 'name') {
      this.p--;
      this.fail();
    }
    switch (t.v) {
      case 'scale':
        if (this.is('(')) {
          this.p++;
          const arg = this.expr();
          this.expect(')');
          this.pc += 2;
          return { k: 'fn', name: 'scale', arg, at: this.pc };
        }
        this.pc += 1;
        return { k: 'special', name: 'scale', at: this.pc };
      case 'ibase':
      case 'obase':
      case 'last':
        this.pc += 1;
        return { k: 'special', name: t.v, at: this.pc };
      case 'length':
      case 'sqrt': {
        this.expect('(');
        const arg = this.expr();
        this.expect(')');
        this.pc += 2;
        return { k: 'fn', name: t.v, arg, at: this.pc };
      }
      case 'read':
        this.expect('(');
        this.expect(')');
        this.pc += 1;
        return { k: 'read', at: this.pc };
      default:
        break;
    }
    if (KEYWORDS.has(t.v)) {
      this.p--;
      this.fail();
    }
    if (this.is('(')) {
      this.p++;
      const args: Arg[] = [];
      while (!this.is(')')) {
        // name[] passes a whole array
        if (this.peek().t === 'name' && this.peek(1).t === 'op' && this.peek(1).v === '[' && this.peek(2).t === 'op' && this.peek(2).v === ']') {
          args.push({ array: this.next().v });
          this.p += 2;
          this.pc += 2;
        } else args.push({ expr: this.expr() });
        if (this.is(',')) this.p++;
        else if (!this.is(')')) this.fail();
      }
      this.p++;
      this.pc += 2;
      return { k: 'call', name: t.v, args, at: this.pc };
    }
    if (this.is('[')) {
      this.p++;
      const index = this.expr();
      this.expect(']');
      this.pc += 2;
      return { k: 'elem', name: t.v, index, at: this.pc };
    }
    this.pc += 2;
    return { k: 'var', name: t.v, at: this.pc };
  }
}

/** `quit` read anywhere: bc ends at once, whatever else the line holds. */
export class QuitNow extends Error {}
