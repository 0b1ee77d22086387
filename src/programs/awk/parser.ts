// awk statements, rules and function definitions (see parse-expr.ts for expressions).
import type { At, Expr, FuncDef, LValue, Program, Redirect, Rule, Stmt, SwitchCase } from './ast';
import { SPECIALS } from './ast';
import type { Token, TokType } from './lexer';
import { knownExtension } from './options';
import { ExprParser, isLValue, ParseError } from './parse-expr';

type StmtBody = Stmt extends infer S ? (S extends Stmt ? Omit<S, 'line' | 'src'> : never) : never;

export class Parser extends ExprParser {
  private readonly funcs = new Map<string, FuncDef>();
  private inFunction = false;
  private loopDepth = 0;
  private ruleKind: Rule['kind'] = 'main';
  private readonly braces = new WeakMap<Stmt[] | SwitchCase[], { open: At & { pos: number }; close: At & { pos: number } }>();
  /** The functions some call names (not through @var). */
  readonly calledDirectly = new Set<string>();
  /** gawk's own directives (@load): not with --posix or --traditional, where `load` is a name. */
  gawkDirectives = true;

  parseProgram(): Program {
    const rules: Rule[] = [];
    this.betweenRules('start');
    while (!this.is('EOF') || this.i < this.toks.length - 1) {
      const item = this.item();
      if (item) rules.push(item);
      this.betweenRules(this.toks[this.i - 1]?.type === '}' ? 'brace' : 'pattern');
    }
    for (const c of this.calls) {
      const fn = this.funcs.get(c.name);
      // a program with errors ends before its calls are checked
      if (!fn && this.errors.length === 0) throw new ParseError(`function \`${c.name}' not defined`, c.tok, 'fatal');
      if (!fn) continue;
      if (c.args > fn.params.length && !this.warnings.some((w) => w.tok === c.tok)) {
        this.warnings.push({ message: `function \`${c.name}' called with more arguments than declared`, tok: c.tok });
      }
    }
    for (const c of this.calls) this.calledDirectly.add(c.name);
    for (const [name, tok] of this.varUses) {
      if (this.funcs.has(name)) this.errors.push({ message: `function \`${name}' called with space between name and \`(',\nor used as a variable or an array`, tok });
    }
    return { rules, funcs: this.funcs, globals: [...this.globals.keys()], braces: this.braces };
  }

  /**
   * After a rule: newlines, and one `;` (right after a pattern, or anywhere among the newlines
   * after an action's `}`); another `;` would start a rule with neither pattern nor action.
   */
  private betweenRules(after: 'start' | 'brace' | 'pattern'): void {
    // a new source file starts as the program does
    let fresh = after === 'start';
    const newlines = (): void => {
      while (this.is('NEWLINE') || (this.is('EOF') && this.i < this.toks.length - 1)) {
        if (this.is('EOF')) fresh = true;
        this.next();
      }
    };
    if (after === 'pattern' && this.is(';')) this.next();
    newlines();
    if (after === 'brace' && !fresh && this.is(';')) {
      this.next();
      newlines();
    }
    if (this.is(';')) {
      const semi = this.next();
      throw new ParseError('each rule must have a pattern or an action part', this.is('EOF') || (this.is('NEWLINE') && this.peek().type === 'EOF') ? semi : this.tok, 'plain');
    }
  }

  private skipTerminators(betweenRules = false): void {
    // the EOF of a source before the last one is only a boundary between rules
    while (this.is('NEWLINE') || this.is(';') || (betweenRules && this.is('EOF') && this.i < this.toks.length - 1)) this.next();
  }

  private at(tok: Token, body: StmtBody): Stmt {
    return { ...body, line: tok.line, src: tok.src } as Stmt;
  }

  private item(): Rule | undefined {
    const t = this.tok;
    if (t.type === 'function') {
      this.functionDef();
      return undefined;
    }
    if (t.type === '@' && this.gawkDirectives && this.peek().type === 'NAME' && this.peek().text === 'load') {
      this.load();
      return undefined;
    }
    if (t.type === '@' && this.gawkDirectives && this.peek().type === 'NAME' && this.peek().text === 'namespace') {
      // `@namespace "name"` between rules (the lexer has put the names after it in the namespace)
      this.next();
      this.next();
      this.expect('STRING');
      if (!this.is('NEWLINE') && !this.is(';') && !this.is('EOF')) this.fail();
      return undefined;
    }
    if (t.type === 'BEGIN' || t.type === 'END' || t.type === 'BEGINFILE' || t.type === 'ENDFILE') {
      this.next();
      if (!this.is('{')) {
        if (!this.is('NEWLINE') && !this.is(';') && !this.is('EOF')) this.fail();
        // gawk has read on to the next token when it says so: the line of what follows the newlines
        let j = this.i;
        while (this.toks[j]?.type === 'NEWLINE') j++;
        const at = j > this.i && this.toks[j] && this.toks[j]!.type !== 'EOF' ? this.toks[j]! : t;
        throw new ParseError(`${t.type} blocks must have an action part`, at, 'plain');
      }
      this.ruleKind = t.type;
      const action = this.block();
      this.ruleKind = 'main';
      return { kind: t.type, pattern: undefined, rangeEnd: undefined, action, line: t.line, src: t.src };
    }
    let pattern: Expr | undefined;
    let rangeEnd: Expr | undefined;
    if (!this.is('{')) {
      pattern = this.expr();
      if (this.is(',')) {
        this.next();
        this.skipNewlines();
        rangeEnd = this.expr();
      }
    }
    let action: Stmt[] | undefined;
    if (this.is('{')) action = this.block();
    else if (!this.is('NEWLINE') && !this.is(';') && !this.is('EOF')) this.fail();
    return { kind: 'main', pattern, rangeEnd, action, line: t.line, src: t.src };
  }

  /** `@load "lib"` between rules: a library gawk cannot find ends the parse (YYABORT). */
  private load(): void {
    this.next();
    this.next();
    const lib = this.tok;
    if (!this.is('STRING')) this.fail();
    this.next();
    if (!this.is('NEWLINE') && !this.is(';') && !this.is('EOF')) this.fail();
    if (lib.text !== '' && !knownExtension(lib.text)) {
      throw new ParseError(`error: cannot open shared library \`${lib.text}' for reading: No such file or directory`, lib, 'plain');
    }
  }

  private functionDef(): void {
    this.next();
    const nameTok = this.tok;
    if (this.is('BUILTIN')) throw new ParseError(`\`${nameTok.text}' is a built-in function, it cannot be redefined`, nameTok);
    if (!this.is('NAME') && !this.is('FUNC_NAME')) this.fail();
    this.next();
    this.expect('(');
    const params: string[] = [];
    this.skipNewlines();
    while (!this.is(')')) {
      const tok = this.expect('NAME');
      // parameters are not put in the namespace
      const p = tok.word ?? tok.text;
      const fn = `function \`${nameTok.text}': `;
      const dup = params.indexOf(p);
      if (p === nameTok.text) this.error(`${fn}cannot use function name as parameter name`, tok);
      else if ((SPECIALS as readonly string[]).includes(p)) this.error(`${fn}cannot use special variable \`${p}' as a function parameter`, tok);
      else if (p.includes(':')) this.error(`${fn}parameter \`${p}' cannot contain a namespace`, tok);
      if (dup >= 0) this.error(`${fn}parameter #${params.length + 1}, \`${p}', duplicates parameter #${dup + 1}`, tok);
      params.push(p);
      this.skipNewlines();
      if (this.is(',')) {
        this.next();
        this.skipNewlines();
      } else if (!this.is(')')) this.fail();
    }
    this.next();
    this.skipNewlines();
    if (this.varUses.delete(nameTok.text) || this.preset.has(nameTok.text) || (SPECIALS as readonly string[]).includes(nameTok.text)) this.error(`function name \`${nameTok.text}' previously defined`, nameTok);
    else if (this.funcs.has(nameTok.text)) this.error(`function name \`${nameTok.text}' previously defined`, nameTok);
    const def: FuncDef = { name: nameTok.text, params, body: [], line: nameTok.line, src: nameTok.src };
    this.funcs.set(nameTok.text, def);
    this.locals = new Map(params.map((p, i) => [p, i]));
    this.inFunction = true;
    def.body = this.block();
    this.inFunction = false;
    this.locals = undefined;
  }

  private block(): Stmt[] {
    const open = this.tok;
    this.expect('{');
    const body: Stmt[] = [];
    for (;;) {
      this.skipTerminators();
      if (this.is('}')) break;
      body.push(this.statement());
    }
    const close = this.tok;
    this.next();
    this.braces.set(body, { open: { line: open.line, src: open.src, pos: open.pos }, close: { line: close.line, src: close.src, pos: close.pos } });
    return body;
  }

  /** After a simple statement: `;`, a newline, or (without consuming it) `}` or the end. */
  private terminator(): void {
    if (this.is(';') || this.is('NEWLINE')) {
      this.next();
      return;
    }
    if (this.is('}') || this.is('EOF')) return;
    this.fail();
  }

  private simple(tok: Token, body: StmtBody): Stmt {
    const s = this.at(tok, body);
    this.terminator();
    return s;
  }

  private statement(): Stmt {
    const t = this.tok;
    switch (t.type) {
      case '{':
        return this.at(t, { k: 'block', body: this.block() });
      case ';':
        this.next();
        return this.at(t, { k: 'empty' });
      case 'if': {
        this.next();
        this.expect('(');
        const test = this.parenExpr();
        this.skipNewlines();
        const then = this.bodyStatement();
        const save = this.i;
        this.skipTerminatorsBeforeElse();
        let other: Stmt | undefined;
        if (this.is('else')) {
          this.next();
          this.skipNewlines();
          other = this.bodyStatement();
        } else this.i = save;
        return this.at(t, { k: 'if', test, then, else: other });
      }
      case 'while': {
        this.next();
        this.expect('(');
        const test = this.parenExpr();
        if (this.is(';')) {
          this.next();
          return this.at(t, { k: 'while', test, body: this.at(t, { k: 'empty' }) });
        }
        this.skipNewlines();
        return this.at(t, { k: 'while', test, body: this.loopBody() });
      }
      case 'do': {
        this.next();
        this.skipNewlines();
        const body = this.loopBody();
        this.skipTerminators();
        this.expect('while');
        this.expect('(');
        const test = this.parenExpr();
        return this.simple(t, { k: 'do', body, test });
      }
      case 'for':
        return this.forStatement();
      case 'switch':
        return this.switchStatement();
      case 'break':
      case 'continue':
        this.next();
        if (this.loopDepth === 0) {
          // gawk reports this one twice
          const message = `\`${t.type}' is not allowed outside a loop${t.type === 'break' ? ' or switch' : ''}`;
          this.errors.push({ message, tok: t });
          this.errors.push({ message, tok: t });
        }
        return this.simple(t, { k: t.type });
      case 'next':
      case 'nextfile':
        this.next();
        if (!this.inFunction && this.ruleKind !== 'main' && !(t.type === 'nextfile' && this.ruleKind === 'BEGINFILE')) {
          this.error(`\`${t.type}' used in ${this.ruleKind} action`, t);
        }
        return this.simple(t, { k: t.type });
      case 'exit':
      case 'return': {
        this.next();
        if (t.type === 'return' && !this.inFunction) throw new ParseError("`return' used outside function context", t);
        const e = this.is(';') || this.is('NEWLINE') || this.is('}') || this.is('EOF') ? undefined : this.expr();
        return this.simple(t, { k: t.type, e });
      }
      case 'delete': {
        this.next();
        const paren = this.is('(');
        if (paren) this.next();
        const name = this.expect('NAME');
        const groups = this.is('[') ? this.subscripts() : [];
        const subs = groups.pop();
        if (paren) this.expect(')');
        return this.simple(t, { k: 'delete', arr: this.varRef(this.nameOf(name)), path: groups.length ? groups : undefined, subs });
      }
      case 'print':
      case 'printf':
        return this.printStatement();
      default: {
        const e = this.expr();
        if (this.lint && noEffect(e)) this.warnings.push({ message: 'statement has no effect', tok: t, each: true });
        return this.simple(t, { k: 'expr', e });
      }
    }
  }

  private skipTerminatorsBeforeElse(): void {
    let j = this.i;
    while (this.toks[j]?.type === 'NEWLINE' || this.toks[j]?.type === ';') j++;
    if (this.toks[j]?.type === 'else') this.i = j;
  }

  private parenExpr(): Expr {
    const saved = this.noGt;
    this.noGt = false;
    const e = this.expr();
    this.expect(')');
    this.noGt = saved;
    return e;
  }

  /** The body of if/else: a statement (a lone `;` is an empty one). */
  private bodyStatement(): Stmt {
    return this.statement();
  }

  private loopBody(): Stmt {
    this.loopDepth++;
    try {
      return this.statement();
    } finally {
      this.loopDepth--;
    }
  }

  /** Tokens from `n` on are [..] groups and then `)`: for (k in a[i][j]). */
  private forInPath(n: number): boolean {
    if (this.peek(n).type !== '[') return false;
    let depth = 0;
    for (let j = n; ; j++) {
      const type = this.peek(j).type;
      if (type === 'EOF') return false;
      if (type === '[') depth++;
      else if (type === ']') depth--;
      else if (depth === 0) return type === ')';
    }
  }

  private forStatement(): Stmt {
    const t = this.next();
    this.expect('(');
    if (this.is('NAME') && this.peek().type === 'in' && this.peek(2).type === 'NAME' && (this.peek(3).type === ')' || this.forInPath(3))) {
      const key = this.next();
      this.next();
      const arr = this.next();
      const path = this.is('[') ? this.subscripts() : undefined;
      this.next();
      this.skipNewlines();
      const keyRef: LValue = { k: 'var', ref: this.varRef(this.nameOf(key)) };
      return this.at(t, { k: 'forin', key: keyRef, arr: this.varRef(this.nameOf(arr)), path, body: this.loopBody() });
    }
    if (this.is('(') && this.peek().type === 'NAME' && this.peek(2).type === ')' && this.peek(3).type === 'in') {
      this.next();
      const key = this.next();
      this.next();
      this.next();
      const arr = this.expect('NAME');
      this.expect(')');
      this.skipNewlines();
      return this.at(t, { k: 'forin', key: { k: 'var', ref: this.varRef(this.nameOf(key)) }, arr: this.varRef(this.nameOf(arr)), body: this.loopBody() });
    }
    const init = this.is(';') ? undefined : this.expr();
    this.expect(';');
    this.skipNewlines();
    const test = this.is(';') ? undefined : this.expr();
    this.expect(';');
    this.skipNewlines();
    const step = this.is(')') ? undefined : this.expr();
    this.expect(')');
    if (this.is(';')) {
      this.next();
      return this.at(t, { k: 'for', init, test, step, body: this.at(t, { k: 'empty' }) });
    }
    this.skipNewlines();
    return this.at(t, { k: 'for', init, test, step, body: this.loopBody() });
  }

  private switchStatement(): Stmt {
    const t = this.next();
    this.expect('(');
    const e = this.parenExpr();
    this.skipNewlines();
    const open = this.tok;
    this.expect('{');
    const cases: SwitchCase[] = [];
    this.loopDepth++;
    for (;;) {
      this.skipTerminators();
      if (this.is('}')) break;
      let value: Expr | undefined;
      const label = this.tok;
      if (this.is('case')) {
        this.next();
        const neg = this.is('-');
        if (neg || this.is('+')) this.next();
        // case @/re/: matches as /re/ does
        if (!neg && this.is('@') && this.toks[this.i + 1]?.type === 'ERE') this.next();
        const v = this.tok;
        if (v.type === 'NUMBER') value = { k: 'num', v: neg ? -v.num : v.num };
        else if (v.type === 'STRING' && !neg) value = { k: 'str', v: v.text };
        else if (v.type === 'ERE' && !neg) value = { k: 'regex', re: v.text };
        else this.fail();
        this.next();
      } else if (this.is('default')) this.next();
      else this.fail();
      this.expect(':');
      const body: Stmt[] = [];
      for (;;) {
        this.skipTerminators();
        if (this.is('case') || this.is('default') || this.is('}')) break;
        body.push(this.statement());
      }
      cases.push({ value, body, at: { line: label.line, src: label.src } });
    }
    this.loopDepth--;
    const close = this.tok;
    this.next();
    this.braces.set(cases, { open: { line: open.line, src: open.src, pos: open.pos }, close: { line: close.line, src: close.src, pos: close.pos } });
    return this.at(t, { k: 'switch', e, cases });
  }

  private printStatement(): Stmt {
    const t = this.next();
    const kind = t.type as 'print' | 'printf';
    let args: Expr[] = [];
    const ends = (type: TokType): boolean => type === ';' || type === 'NEWLINE' || type === '}' || type === 'EOF' || type === '>' || type === '>>' || type === '|' || type === '|&';
    if (!ends(this.tok.type)) {
      let done = false;
      if (this.is('(')) {
        const save = this.i;
        try {
          this.next();
          const list = this.exprList(')');
          if (ends(this.tok.type) && list.length > 0) {
            // print (x): one expression in parentheses (gawk -o shows them)
            args = list.length === 1 ? [{ k: 'group', e: list[0]! }] : list;
            done = true;
          } else this.i = save;
        } catch (e) {
          if (!(e instanceof ParseError)) throw e;
          this.i = save;
        }
      }
      if (!done) {
        const saved = this.noGt;
        this.noGt = true;
        try {
          args.push(this.expr());
          while (this.is(',')) {
            this.next();
            this.skipNewlines();
            args.push(this.expr());
          }
        } finally {
          this.noGt = saved;
        }
      }
    }
    let redir: Redirect | undefined;
    if (this.is('>') || this.is('>>') || this.is('|') || this.is('|&')) {
      const mode = this.next().type as Redirect['mode'];
      const saved = this.noGt;
      this.noGt = true;
      try {
        redir = { mode, target: this.concat() };
      } finally {
        this.noGt = saved;
      }
    }
    for (const a of args) if (a.k === 'list') this.fail();
    if (this.lint && kind === 'print' && !args.length && !this.inFunction && (this.ruleKind === 'BEGIN' || this.ruleKind === 'END')) {
      this.warnings.push({ message: "plain `print' in BEGIN or END rule should probably be `print \"\"'", tok: t });
    }
    return this.simple(t, { k: kind, args, redir });
  }
}

export { isLValue, ParseError };

/** gawk -L: an expression statement that only computes a value (no assignment, call or I/O). */
function noEffect(e: Expr): boolean {
  switch (e.k) {
    case 'num':
    case 'str':
    case 'regex':
    case 'var':
      return true;
    case 'elem':
      return e.subs.every(noEffect);
    case 'field':
      return noEffect(e.index);
    case 'arith':
    case 'concat':
    case 'cmp':
    case 'and':
    case 'or':
      return noEffect(e.a) && noEffect(e.b);
    case 'neg':
    case 'not':
      return noEffect(e.a);
    case 'match':
      return noEffect(e.a) && noEffect(e.re);
    case 'in':
      return e.subs.every(noEffect);
    default:
      return false;
  }
}
