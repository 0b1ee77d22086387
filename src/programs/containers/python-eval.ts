// The small part of Python the simulated python3 understands: simple statements (expressions,
// assignments, import, pass) over str, int, float, bool, None and lists, with print, len, str,
// int, float, repr, abs, min, max, sum, round, exit/quit and a few attributes of sys, os,
// platform, math and time. Anything else raises the error Python would print, or says plainly
// that this interpreter does not run it. Output is collected and flushed by the caller.

import { builtins, methodOf, modules, subscript } from './python-lib';
import { binary, num, PyError, repr, str, truthy, typeName, type PyHost, type PyModule, type Value } from './python-values';

export { PyError, repr, SystemExit, type PyHost, type Value } from './python-values';

// ---------------------------------------------------------------- tokens

type Tok = { t: 'num' | 'str' | 'fstr' | 'name' | 'op' | 'end'; v: string; col: number };

const OPS = ['**=', '//=', '**', '//', '==', '!=', '<=', '>=', '+=', '-=', '*=', '/=', '%=', '+', '-', '*', '/', '%', '<', '>', '(', ')', '[', ']', ',', '=', '.', ':', '{', '}'];

export function unescape(body: string, raw: boolean): string {
  if (raw) return body;
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|[0-7]{1,3}|.)/gs, (_m, e: string) => {
    if (e[0] === 'x' || e[0] === 'u') return String.fromCharCode(parseInt(e.slice(1), 16));
    if (/^[0-7]+$/.test(e)) return String.fromCharCode(parseInt(e, 8));
    return ({ n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', v: '\v', '0': '\0', '\n': '' } as Record<string, string>)[e] ?? `\\${e}`;
  });
}

export function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ' || c === '\t') { i++; continue; }
    if (c === '#') break;
    const sm = /^([rRbBfF]{0,2})('''|"""|'|")/.exec(src.slice(i));
    if (sm && (sm[1] === '' || /^[a-zA-Z]+$/.test(sm[1]!))) {
      const prefix = sm[1]!.toLowerCase();
      const q = sm[2]!;
      let j = i + sm[0].length;
      let body = '';
      for (;;) {
        if (j >= src.length) throw new PyError('SyntaxError', q.length === 3 ? 'unterminated triple-quoted string literal (detected at line 1)' : 'unterminated string literal (detected at line 1)', i);
        if (src[j] === '\\' && j + 1 < src.length) { body += src.slice(j, j + 2); j += 2; continue; }
        if (src.startsWith(q, j)) break;
        body += src[j++];
      }
      const raw = prefix.includes('r');
      out.push({ t: prefix.includes('f') ? 'fstr' : 'str', v: prefix.includes('f') ? body : unescape(body, raw), col: i });
      i = j + q.length;
      continue;
    }
    const nm = /^(?:\d[\d_]*\.?[\d_]*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?|0[xX][0-9a-fA-F]+)/.exec(src.slice(i));
    if (nm) { out.push({ t: 'num', v: nm[0], col: i }); i += nm[0].length; continue; }
    const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (id) { out.push({ t: 'name', v: id[0], col: i }); i += id[0].length; continue; }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (op) { out.push({ t: 'op', v: op, col: i }); i += op.length; continue; }
    throw new PyError('SyntaxError', `invalid character '${c}' (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`, i);
  }
  out.push({ t: 'end', v: '', col: src.length });
  return out;
}

/** CPython's tokenizer errors for brackets: the innermost one left open, or a stray closer. */
function checkBrackets(toks: Tok[]): void {
  const open: Tok[] = [];
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  for (const t of toks) {
    if (t.t !== 'op') continue;
    if ('([{'.includes(t.v)) open.push(t);
    else if (t.v in pairs) {
      const o = open.pop();
      if (!o) throw new PyError('SyntaxError', `unmatched '${t.v}'`, t.col);
      if (o.v !== pairs[t.v]) throw new PyError('SyntaxError', `closing parenthesis '${t.v}' does not match opening parenthesis '${o.v}'`, t.col);
    }
  }
  const last = open.at(-1);
  if (last) throw new PyError('SyntaxError', `'${last.v}' was never closed`, last.col);
}

// ---------------------------------------------------------------- parser + evaluator

export class Interpreter {
  readonly vars = new Map<string, Value>();
  private toks: Tok[] = [];
  private pos = 0;

  constructor(private readonly host: PyHost) {
    for (const b of builtins(host)) this.vars.set(b.name, b);
    this.vars.set('__name__', '__main__');
  }

  /** Runs one simple statement; returns the value of an expression statement (for the REPL). */
  exec(line: string): { value?: Value } {
    this.toks = tokenize(line);
    this.pos = 0;
    checkBrackets(this.toks);
    const first = this.peek();
    if (first.t === 'end') return {};
    if (first.t === 'name' && ['if', 'for', 'while', 'def', 'class', 'try', 'with', 'elif', 'else', 'except', 'finally', 'lambda', 'async', 'match'].includes(first.v)) {
      throw new PyError('SyntaxError', `'${first.v}' blocks are beyond this simulated Python; it runs simple statements only`, first.col);
    }
    if (first.t === 'name' && first.v === 'pass') { this.next(); this.expectEnd(); return {}; }
    if (first.t === 'name' && first.v === 'import') return this.importStmt();
    if (first.t === 'name' && first.v === 'from') return this.fromStmt();
    const target = this.toks[1];
    if (first.t === 'name' && target?.t === 'op' && ['=', '+=', '-=', '*=', '/=', '//=', '%=', '**='].includes(target.v) && !['True', 'False', 'None'].includes(first.v)) {
      this.pos = 2;
      let value = this.expr();
      this.expectEnd();
      if (target.v !== '=') value = binary(target.v.slice(0, -1), this.name(first), value);
      this.vars.set(first.v, value);
      return {};
    }
    const value = this.expr();
    this.expectEnd();
    return { value };
  }

  private importStmt(): { value?: Value } {
    this.next();
    do {
      const n = this.dotted();
      let as = n.split('.')[0]!;
      if (this.peek().v === 'as') { this.next(); as = this.expectName(); }
      this.vars.set(as, this.module(n.split('.')[0]!));
    } while (this.accept(','));
    this.expectEnd();
    return {};
  }

  private fromStmt(): { value?: Value } {
    this.next();
    const n = this.dotted();
    if (this.expectName() !== 'import') throw this.syntax();
    const m = this.module(n);
    do {
      const attr = this.expectName();
      let as = attr;
      if (this.peek().v === 'as') { this.next(); as = this.expectName(); }
      const v = (m as PyModule).attrs.get(attr);
      if (v === undefined) throw new PyError('ImportError', `cannot import name '${attr}' from '${n}' (unknown location)`);
      this.vars.set(as, v);
    } while (this.accept(','));
    this.expectEnd();
    return {};
  }

  private dotted(): string {
    let n = this.expectName();
    while (this.peek().v === '.') { this.next(); n += `.${this.expectName()}`; }
    return n;
  }

  private module(name: string): Value {
    const m = modules(this.host).get(name);
    if (!m) throw new PyError('ModuleNotFoundError', `No module named '${name}'`);
    return m;
  }

  private peek(): Tok { return this.toks[this.pos]!; }
  private next(): Tok { return this.toks[this.pos++]!; }
  private accept(v: string): boolean { if (this.peek().t === 'op' && this.peek().v === v) { this.pos++; return true; } return false; }
  private syntax(): PyError { return new PyError('SyntaxError', 'invalid syntax', this.peek().col); }
  private expectName(): string { const t = this.next(); if (t.t !== 'name') { this.pos--; throw this.syntax(); } return t.v; }
  private expect(v: string): void {
    if (!this.accept(v)) {
      if (this.peek().t === 'end' && v === ')') throw new PyError('SyntaxError', "'(' was never closed", this.peek().col);
      throw this.syntax();
    }
  }
  private expectEnd(): void { if (this.peek().t !== 'end') throw this.syntax(); }

  private name(t: Tok): Value {
    const v = this.vars.get(t.v);
    if (v === undefined) throw new PyError('NameError', `name '${t.v}' is not defined`, t.col);
    return v;
  }

  expr(): Value { return this.or(); }

  private or(): Value {
    let v = this.and();
    while (this.peek().v === 'or' && this.peek().t === 'name') { this.next(); const r = this.and(); v = truthy(v) ? v : r; }
    return v;
  }

  private and(): Value {
    let v = this.not();
    while (this.peek().v === 'and' && this.peek().t === 'name') { this.next(); const r = this.not(); v = truthy(v) ? r : v; }
    return v;
  }

  private not(): Value {
    if (this.peek().t === 'name' && this.peek().v === 'not') { this.next(); return !truthy(this.not()); }
    return this.compare();
  }

  private compare(): Value {
    let v = this.sum();
    while (this.peek().t === 'op' && ['==', '!=', '<', '>', '<=', '>='].includes(this.peek().v)) { const op = this.next().v; v = binary(op, v, this.sum()); }
    return v;
  }

  private sum(): Value {
    let v = this.term();
    while (this.peek().t === 'op' && ['+', '-'].includes(this.peek().v)) { const op = this.next().v; v = binary(op, v, this.term()); }
    return v;
  }

  private term(): Value {
    let v = this.unary();
    while (this.peek().t === 'op' && ['*', '/', '//', '%'].includes(this.peek().v)) { const op = this.next().v; v = binary(op, v, this.unary()); }
    return v;
  }

  private unary(): Value {
    if (this.peek().t === 'op' && (this.peek().v === '-' || this.peek().v === '+')) {
      const op = this.next().v;
      const v = this.unary();
      const n = num(v);
      if (n === undefined) throw new PyError('TypeError', `bad operand type for unary ${op}: '${typeName(v)}'`);
      return op === '-' ? (typeof n === 'bigint' ? -n : -n) : n;
    }
    return this.power();
  }

  private power(): Value {
    const base = this.postfix();
    if (this.accept('**')) return binary('**', base, this.unary());
    return base;
  }

  private postfix(): Value {
    let v = this.atom();
    for (;;) {
      if (this.accept('(')) {
        const args: Value[] = [];
        const kw = new Map<string, Value>();
        while (!this.accept(')')) {
          if (this.peek().t === 'name' && this.toks[this.pos + 1]?.v === '=') { const k = this.next().v; this.next(); kw.set(k, this.expr()); }
          else args.push(this.expr());
          if (!this.accept(',')) { this.expect(')'); break; }
        }
        if (typeof v !== 'object' || v === null || Array.isArray(v) || v.kind !== 'builtin') throw new PyError('TypeError', `'${typeName(v)}' object is not callable`);
        v = v.call(args, kw);
      } else if (this.accept('[')) {
        const index = this.expr();
        this.expect(']');
        v = subscript(v, index);
      } else if (this.accept('.')) {
        const attr = this.expectName();
        const holder = v;
        const got = typeof holder === 'object' && holder !== null && !Array.isArray(holder) && holder.kind === 'module' ? holder.attrs.get(attr) : methodOf(holder, attr);
        if (got === undefined) {
          throw new PyError('AttributeError', typeof holder === 'object' && holder !== null && !Array.isArray(holder) && holder.kind === 'module' ? `module '${holder.name}' has no attribute '${attr}'` : `'${typeName(holder)}' object has no attribute '${attr}'`);
        }
        v = got;
      } else return v;
    }
  }

  private atom(): Value {
    const t = this.next();
    if (t.t === 'num') {
      const text = t.v.replace(/_/g, '');
      if (/^0[xX]/.test(text)) return BigInt(text);
      return /[.eE]/.test(text) ? Number(text) : BigInt(text);
    }
    if (t.t === 'str' || t.t === 'fstr') {
      let s = t.t === 'str' ? t.v : this.fstring(t.v);
      while (this.peek().t === 'str' || this.peek().t === 'fstr') { const n = this.next(); s += n.t === 'str' ? n.v : this.fstring(n.v); }
      return s;
    }
    if (t.t === 'name') {
      if (t.v === 'True') return true;
      if (t.v === 'False') return false;
      if (t.v === 'None') return null;
      if (['import', 'from', 'pass', 'return', 'and', 'or', 'not', 'in', 'is', 'del', 'global', 'yield', 'raise'].includes(t.v)) { this.pos--; throw this.syntax(); }
      return this.name(t);
    }
    if (t.t === 'op' && t.v === '(') {
      const v = this.expr();
      this.expect(')');
      return v;
    }
    if (t.t === 'op' && t.v === '[') {
      const items: Value[] = [];
      while (!this.accept(']')) {
        items.push(this.expr());
        if (!this.accept(',')) { if (!this.accept(']')) throw this.peek().t === 'end' ? new PyError('SyntaxError', "'[' was never closed", t.col) : this.syntax(); break; }
      }
      return items;
    }
    this.pos--;
    throw this.syntax();
  }

  private fstring(body: string): string {
    let out = '';
    for (let i = 0; i < body.length; i++) {
      const c = body[i]!;
      if (c === '{' && body[i + 1] === '{') { out += '{'; i++; continue; }
      if (c === '}' && body[i + 1] === '}') { out += '}'; i++; continue; }
      if (c !== '{') { out += c; continue; }
      const close = body.indexOf('}', i);
      if (close < 0) throw new PyError('SyntaxError', "f-string: expecting '}'");
      let inner = body.slice(i + 1, close);
      const conv = /!([rs])$/.exec(inner);
      if (conv) inner = inner.slice(0, -2);
      const saved = [this.toks, this.pos] as const;
      this.toks = tokenize(inner);
      this.pos = 0;
      const v = this.expr();
      [this.toks, this.pos] = saved;
      out += conv?.[1] === 'r' ? repr(v) : str(v);
      i = close;
    }
    return unescape(out, false);
  }
}

