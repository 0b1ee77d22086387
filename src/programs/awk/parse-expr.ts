// awk expressions by precedence climbing, lowest first: ?: and assignment, ||, &&, in, ~ !~,
// comparisons, `cmd | getline`, concatenation, + -, * / %, unary ! - +, ^ (right), ++ --, $.
import type { ArithOp, AssignOp, CmpOp, Expr, LValue, VarRef } from './ast';
import { SPECIALS } from './ast';
import type { Token, TokType } from './lexer';

/** caret: the line and a ^ under the token; plain: `src:line: message`; fatal: `... fatal: message`. */
export type ParseErrorStyle = 'caret' | 'plain' | 'fatal';

export class ParseError extends Error {
  constructor(message: string, readonly tok: Token, readonly style: ParseErrorStyle = 'caret') {
    super(message);
  }
}

export const ARG_COUNTS: Record<string, [number, number]> = {
  length: [0, 1], substr: [2, 3], index: [2, 2], split: [2, 4], sub: [2, 3], gsub: [2, 3], match: [2, 3],
  sprintf: [0, Infinity], sin: [1, 1], cos: [1, 1], atan2: [2, 2], exp: [1, 1], log: [1, 1], sqrt: [1, 1],
  int: [1, 1], rand: [0, 0], srand: [0, 1], tolower: [1, 1], toupper: [1, 1], system: [1, 1], close: [1, 2],
  fflush: [0, 1], systime: [0, 0], strftime: [0, 3], mktime: [1, 2], gensub: [3, 4], asort: [1, 3],
  asorti: [1, 3], and: [0, Infinity], or: [0, Infinity], xor: [0, Infinity], lshift: [2, 2], rshift: [2, 2],
  compl: [1, 1], strtonum: [1, 1], isarray: [1, 1], typeof: [1, 2], patsplit: [2, 4], mkbool: [1, 1],
};

const ASSIGN_OPS = new Set<TokType>(['=', '+=', '-=', '*=', '/=', '%=', '^=']);
const CMP_OPS = new Set<TokType>(['<', '<=', '==', '!=', '>', '>=']);
const CONCAT_START = new Set<TokType>(['NUMBER', 'STRING', 'ERE', 'NAME', 'FUNC_NAME', 'BUILTIN', '$', '(', '++', '--', '@']);

export function isLValue(e: Expr): e is LValue {
  return e.k === 'var' || e.k === 'elem' || e.k === 'field';
}

export class ExprParser {
  protected i = 0;
  /** Inside print's argument list (not in parentheses): `>` and `|` are redirections. */
  protected noGt = false;
  protected inGetlineTarget = false;
  /** Parameters of the function being parsed. */
  protected locals: Map<string, number> | undefined;
  readonly globals = new Map<string, number>(SPECIALS.map((n, i) => [n, i]));
  readonly calls: { name: string; tok: Token; args: number }[] = [];
  /** Where each global name is first used as a variable or array. */
  readonly varUses = new Map<string, Token>();
  /** gawk -L: the parse-time lint warnings are given. */
  lint = false;
  /** Variables the command line's -v options made before the program was read. */
  readonly preset = new Set<string>();
  /** Parse-time warnings; `each` ones are given every time, the others once. */
  readonly warnings: { message: string; tok: Token; each?: boolean }[] = [];
  /** Which of the warnings are lint's (-L fatal makes the first one fatal). */
  readonly lintWarnings = new Set<string>(["call of `length' without parentheses is not portable", 'statement has no effect', "plain `print' in BEGIN or END rule should probably be `print \"\"'"]);
  /** Non-fatal errors (`error: ...`; gawk goes on parsing, then exits 1). */
  readonly errors: { message: string; tok: Token }[] = [];

  protected error(message: string, tok: Token): void {
    if (!this.errors.some((e) => e.tok === tok && e.message === message)) this.errors.push({ message, tok });
  }

  constructor(protected readonly toks: Token[]) {}

  protected get tok(): Token {
    return this.toks[this.i]!;
  }

  protected peek(n = 1): Token {
    return this.toks[Math.min(this.i + n, this.toks.length - 1)]!;
  }

  protected is(type: TokType): boolean {
    return this.tok.type === type;
  }

  protected next(): Token {
    const t = this.tok;
    if (this.i < this.toks.length - 1) this.i++;
    return t;
  }

  protected fail(tok: Token = this.tok): never {
    throw new ParseError(tok.type === 'NEWLINE' || tok.type === 'EOF' ? 'unexpected newline or end of string' : 'syntax error', tok);
  }

  protected expect(type: TokType): Token {
    if (!this.is(type)) this.fail();
    return this.next();
  }

  protected skipNewlines(): void {
    while (this.is('NEWLINE')) this.next();
  }

  /** A name token's variable: a parameter by the name as written, else as the namespace made it. */
  protected nameOf(t: Token): string {
    return t.word !== undefined && this.locals?.has(t.word) ? t.word : t.text;
  }

  protected varRef(name: string): VarRef {
    const local = this.locals?.get(name);
    if (local !== undefined) return { name, local: true, slot: local };
    if (!this.varUses.has(name)) this.varUses.set(name, this.toks[Math.max(0, this.i - 1)]!);
    let slot = this.globals.get(name);
    if (slot === undefined) {
      slot = this.globals.size;
      this.globals.set(name, slot);
    }
    return { name, local: false, slot };
  }

  /** A full expression, assignment included. */
  expr(): Expr {
    const left = this.ternary();
    if (ASSIGN_OPS.has(this.tok.type) && isLValue(left)) {
      const op = this.next().type as AssignOp;
      return { k: 'assign', op, target: left, value: this.expr() };
    }
    return left;
  }

  private ternary(): Expr {
    const test = this.or();
    if (!this.is('?')) return test;
    this.next();
    this.skipNewlines();
    const yes = this.expr();
    this.skipNewlines();
    this.expect(':');
    this.skipNewlines();
    const no = this.expr();
    return { k: 'cond', test, yes, no };
  }

  private or(): Expr {
    let a = this.and();
    while (this.is('||')) {
      this.next();
      a = { k: 'or', a, b: this.and() };
    }
    return a;
  }

  private and(): Expr {
    let a = this.inExpr();
    while (this.is('&&')) {
      this.next();
      a = { k: 'and', a, b: this.inExpr() };
    }
    return a;
  }

  /** One or more [subscripts] after an array's name (more for arrays of arrays). */
  protected subscripts(): Expr[][] {
    const groups: Expr[][] = [];
    while (this.is('[')) {
      this.next();
      const subs = this.exprList(']');
      if (subs.length === 0) this.fail(this.toks[this.i - 1]);
      groups.push(subs);
    }
    return groups;
  }

  private inExpr(): Expr {
    let a = this.matchExpr();
    while (this.is('in')) {
      this.next();
      const name = this.expect('NAME');
      const path = this.is('[') ? this.subscripts() : undefined;
      a = { k: 'in', subs: a.k === 'list' ? a.items : [a], arr: this.varRef(this.nameOf(name)), path };
    }
    if (a.k === 'list') this.fail();
    return a;
  }

  private matchExpr(): Expr {
    let a = this.comparison();
    while (this.is('~') || this.is('!~')) {
      if (a.k === 'regex') this.warnings.push({ message: "regular expression on left of `~' or `!~' operator", tok: this.tok, each: true });
      const neg = this.next().type === '!~';
      a = { k: 'match', neg, a, re: this.comparison() };
    }
    return a;
  }

  private comparison(): Expr {
    const a = this.pipeGetline();
    const t = this.tok.type;
    if (CMP_OPS.has(t) && !(this.noGt && t === '>') && !(t === '<' && this.inGetlineTarget)) {
      this.next();
      return { k: 'cmp', op: t as CmpOp, a, b: this.pipeGetline() };
    }
    return a;
  }

  private pipeGetline(): Expr {
    let a = this.concat();
    while ((this.is('|') || this.is('|&')) && this.peek().type === 'getline') {
      const coproc = this.next().type === '|&';
      this.next();
      a = { k: 'getline', target: this.getlineTarget(), file: undefined, cmd: a, ...(coproc ? { coproc } : {}) };
    }
    return a;
  }

  /** Concatenation; also the target of an output redirection. */
  concat(): Expr {
    let a = this.additive();
    while (CONCAT_START.has(this.tok.type)) {
      a = { k: 'concat', a, b: this.additive() };
    }
    return a;
  }

  private additive(): Expr {
    let a = this.multiplicative();
    while (this.is('+') || this.is('-')) {
      const op = this.next().type as ArithOp;
      a = this.arith(op, a, this.multiplicative());
    }
    return a;
  }

  private multiplicative(): Expr {
    let a = this.unary();
    while (this.is('*') || this.is('/') || this.is('%')) {
      const opTok = this.next();
      a = this.arith(opTok.type as ArithOp, a, this.unary(), opTok);
    }
    return a;
  }

  private arith(op: ArithOp, a: Expr, b: Expr, tok?: Token): Expr {
    // gawk refuses a division by a numeric constant zero as it parses, whatever is divided
    if (tok && (op === '/' || op === '%') && b.k === 'num' && b.v === 0) {
      this.error(op === '/' ? 'division by zero attempted' : "division by zero attempted in `%'", tok);
    }
    return { k: 'arith', op, a, b };
  }

  private unary(): Expr {
    if (this.is('!')) {
      this.next();
      return { k: 'not', a: this.unary() };
    }
    if (this.is('-')) {
      this.next();
      const a = this.unary();
      return a.k === 'num' ? { k: 'num', v: -a.v, text: `-${a.text ?? a.v}` } : { k: 'neg', a };
    }
    if (this.is('+')) {
      this.next();
      return { k: 'plus', a: this.unary() };
    }
    return this.power();
  }

  private power(): Expr {
    const base = this.postfix();
    if (!this.is('^')) return base;
    this.next();
    return { k: 'arith', op: '^', a: base, b: this.powerOperand() };
  }

  private powerOperand(): Expr {
    if (this.is('-')) {
      this.next();
      return { k: 'neg', a: this.powerOperand() };
    }
    if (this.is('+')) {
      this.next();
      return { k: 'plus', a: this.powerOperand() };
    }
    if (this.is('!')) {
      this.next();
      return { k: 'not', a: this.powerOperand() };
    }
    return this.power();
  }

  private postfix(): Expr {
    const e = this.primary();
    if ((this.is('++') || this.is('--')) && isLValue(e)) {
      const delta = this.next().type === '++' ? 1 : -1;
      return { k: 'incdec', delta, prefix: false, target: e };
    }
    return e;
  }

  private lvalue(): LValue {
    const start = this.tok;
    const e = this.primary();
    if (!isLValue(e)) this.fail(start);
    return e;
  }

  /** The variable after getline, if one follows. */
  private getlineTarget(): LValue | undefined {
    if (this.is('NAME') || this.is('$')) {
      const saved = this.inGetlineTarget;
      this.inGetlineTarget = true;
      try {
        return this.lvalue();
      } finally {
        this.inGetlineTarget = saved;
      }
    }
    return undefined;
  }

  /** Expressions up to `close`; `starts` gets the first token of each. */
  protected exprList(close: TokType, starts?: Token[]): Expr[] {
    const saved = this.noGt;
    this.noGt = false;
    const items: Expr[] = [];
    if (!this.is(close)) {
      for (;;) {
        starts?.push(this.tok);
        items.push(this.expr());
        if (!this.is(',')) break;
        this.next();
        this.skipNewlines();
      }
    }
    this.expect(close);
    this.noGt = saved;
    return items;
  }

  /** A user function's arguments: gawk warns of each that is a bare regexp constant (it passes 0 or 1). */
  private callArgs(): Expr[] {
    const starts: Token[] = [];
    const args = this.exprList(')', starts);
    args.forEach((a, n) => {
      if (a.k === 'regex') this.warnings.push({ message: `regexp constant for parameter #${n + 1} yields boolean value`, tok: starts[n]!, each: true });
    });
    return args;
  }

  protected primary(): Expr {
    const t = this.tok;
    switch (t.type) {
      case 'NUMBER':
        this.next();
        return { k: 'num', v: t.num, text: t.text };
      case 'STRING':
        this.next();
        return { k: 'str', v: t.text };
      case 'ERE':
        this.next();
        return { k: 'regex', re: t.text };
      case '$': {
        this.next();
        let index: Expr;
        if (this.is('++') || this.is('--')) {
          const delta = this.next().type === '++' ? 1 : -1;
          index = { k: 'incdec', delta, prefix: true, target: this.lvalue() };
        } else if (this.is('-')) {
          this.next();
          index = { k: 'neg', a: this.primary() };
        } else if (this.is('+')) {
          this.next();
          index = { k: 'plus', a: this.primary() };
        } else if (this.is('!')) {
          this.next();
          index = { k: 'not', a: this.primary() };
        } else index = this.primary();
        return { k: 'field', index };
      }
      case '++':
      case '--': {
        this.next();
        const delta = t.type === '++' ? 1 : -1;
        return { k: 'incdec', delta, prefix: true, target: this.lvalue() };
      }
      case '-':
        this.next();
        return { k: 'neg', a: this.unary() };
      case '+':
        this.next();
        return { k: 'plus', a: this.unary() };
      case '!':
        this.next();
        return { k: 'not', a: this.unary() };
      case '(': {
        this.next();
        const items = this.exprList(')');
        if (items.length === 0) this.fail(this.toks[this.i - 1]);
        if (items.length > 1) {
          if (!this.is('in')) this.fail();
          return { k: 'list', items };
        }
        return { k: 'group', e: items[0]! };
      }
      case 'NAME': {
        this.next();
        if (this.is('[')) {
          const groups = this.subscripts();
          const subs = groups.pop()!;
          return groups.length ? { k: 'elem', arr: this.varRef(this.nameOf(t)), subs, path: groups } : { k: 'elem', arr: this.varRef(this.nameOf(t)), subs };
        }
        return { k: 'var', ref: this.varRef(this.nameOf(t)) };
      }
      case '@': {
        this.next();
        const f = this.tok;
        if (f.type === 'ERE') {
          // @/re/: a regexp constant that is a value (gawk's strongly typed regexp). gawk's
          // grammar has it only where a value is handed on whole: assigned, matched against,
          // passed to a function, a case label or returned
          const at = this.toks[this.i - 1]!;
          const before = this.toks[this.i - 2]?.type;
          const callParen = before === '(' && ['FUNC_NAME', 'BUILTIN'].includes(this.toks[this.i - 3]?.type ?? '');
          if (!callParen && !['=', '~', '!~', ',', 'case', 'return'].includes(before ?? '')) this.fail(at);
          this.next();
          if (![')', ',', ';', 'NEWLINE', '{', '}', 'EOF', ':', '&&', '||'].includes(this.tok.type)) this.fail();
          // its text is the regexp as written (an escaped slash stays escaped)
          return { k: 'typedre', re: f.text.replace(/\//g, '\\/') };
        }
        // an indirect call: @var(args) calls the function whose name var holds
        if (f.type !== 'FUNC_NAME') this.fail();
        this.next();
        this.expect('(');
        const args = this.callArgs();
        return { k: 'call', name: f.text, args, line: f.line, src: f.src, indirect: this.varRef(this.nameOf(f)) };
      }
      case 'FUNC_NAME': {
        this.next();
        const notFunc = this.locals?.has(this.nameOf(t)) || this.varUses.has(t.text);
        if (notFunc) this.error(`attempt to use non-function \`${this.nameOf(t)}' in function call`, t);
        this.expect('(');
        const args = this.callArgs();
        if (!notFunc) this.calls.push({ name: t.text, tok: t, args: args.length });
        return { k: 'call', name: t.text, args, line: t.line, src: t.src };
      }
      case 'BUILTIN': {
        this.next();
        let args: Expr[] = [];
        if (this.is('(')) {
          this.next();
          args = this.exprList(')');
        } else if (t.text !== 'length') this.fail();
        else if (this.lint) this.warnings.push({ message: "call of `length' without parentheses is not portable", tok: t });
        const [min, max] = ARG_COUNTS[t.text]!;
        if (args.length < min || args.length > max) {
          throw new ParseError(`${args.length} is invalid as number of arguments for ${t.text}`, this.toks[this.i - 1]!);
        }
        return { k: 'builtin', name: t.text, args };
      }
      case 'getline': {
        this.next();
        const target = this.getlineTarget();
        let file: Expr | undefined;
        if (this.is('<')) {
          this.next();
          file = this.primary();
        }
        return { k: 'getline', target, file, cmd: undefined };
      }
      default:
        return this.fail();
    }
  }
}
