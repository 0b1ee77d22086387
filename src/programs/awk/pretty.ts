// gawk -o (--pretty-print): the program written back out in gawk's layout: rules by kind
// (BEGIN, BEGINFILE, main, ENDFILE, END), every body in braces and indented with tabs,
// operators spaced, parentheses where precedence needs them (and where the source had
// them), then the functions in name order. The program is not run.
import type { Expr, LValue, Program, Rule, Stmt, VarRef } from './ast';
import { quoteString } from './dump';
import type { Profile } from './profile';

/** gawk's classes of printed expression: they decide the parentheses. */
type Kind =
  | 'prim' | 'matchrec' | 'subbuiltin' | 'field' | 'incdec' | 'exp' | 'neg' | 'plus' | 'not'
  | 'mul' | 'add' | 'concat' | 'cmp' | 'match' | 'getline' | 'in' | 'and' | 'or' | 'cond' | 'assign' | 'parens';

const PREC: Record<Kind, number> = {
  prim: 16, matchrec: 16, subbuiltin: 0, field: 15, incdec: 14, exp: 13, neg: 12, plus: 12, not: 12,
  mul: 11, add: 10, concat: 9, cmp: 8, match: 7, getline: 6, in: 5, and: 4, or: 3, cond: 2, assign: 1, parens: 0,
};
const SCALAR = new Set<Kind>(['prim', 'field', 'incdec', 'neg', 'plus', 'not']);
const BINARY = new Set<Kind>(['exp', 'mul', 'add', 'concat', 'cmp', 'match', 'getline', 'in', 'and', 'or', 'cond', 'assign']);

interface P {
  s: string;
  k: Kind;
}

/** Wraps in parentheses, unless the text already starts with one (as gawk checks). */
function paren(p: P): P {
  return p.s.startsWith('(') ? p : { s: `(${p.s})`, k: p.k };
}

function parenIfBinary(p: P): string {
  return BINARY.has(p.k) ? paren(p).s : p.s;
}

/** Both operands of a binary operator, parenthesized when they bind less tightly. */
function binary(k: Kind, a: P, op: string, b: P): P {
  const l = PREC[a.k] < PREC[k] ? paren(a) : a;
  const r = PREC[b.k] < PREC[k] ? paren(b) : b;
  return { s: `${l.s}${op}${r.s}`, k };
}

const isUnaryMinus = (s: string): boolean => s[0] === '-' && s[1] !== '-';

/** A chain of concatenations, with gawk's rules for which items get parentheses. */
function concat(items: P[]): string {
  const out: string[] = [];
  const n = items.length;
  for (let i = 0; i < n - 1; i++) {
    const r = items[i]!;
    const next = items[i + 1]!;
    if (r.s.startsWith('(')) out.push(r.s);
    else if (i >= 1 && isUnaryMinus(r.s)) out.push(`(${r.s})`);
    else if (SCALAR.has(r.k) && SCALAR.has(next.k)) out.push(r.s);
    else if (PREC[r.k] <= PREC[next.k] || SCALAR.has(next.k)) out.push(`(${r.s})`);
    else out.push(r.s);
  }
  const last = items[n - 1]!;
  const before = items[n - 2]!;
  if (last.s.startsWith('(')) out.push(last.s);
  else if (isUnaryMinus(last.s) || (PREC[before.k] >= PREC[last.k] && !SCALAR.has(last.k))) out.push(`(${last.s})`);
  else out.push(last.s);
  return out.join(' ');
}

export class PrettyPrinter {
  private out = '';
  private depth = 0;

  constructor(
    private readonly prog: Program,
    private readonly encode: (s: string) => Uint8Array,
    private readonly profile?: Profile,
  ) {}

  private name(ref: VarRef): string {
    return ref.name;
  }

  private str(s: string): string {
    return quoteString(this.encode(s), '"');
  }

  private regex(re: string): string {
    return quoteString(this.encode(re), '/').slice(1, -1).replace(/\//g, '\\/');
  }

  private subs(list: Expr[]): string {
    return list.map((e) => this.ex(e).s).join(', ');
  }

  private arrayText(arr: VarRef, path: Expr[][] | undefined): string {
    return this.name(arr) + (path ?? []).map((g) => `[${this.subs(g)}]`).join('');
  }

  private lvalue(e: LValue): string {
    return this.ex(e).s;
  }

  ex(e: Expr): P {
    switch (e.k) {
      case 'num':
        return { s: e.text ?? String(e.v), k: 'prim' };
      case 'str':
        return { s: this.str(e.v), k: 'prim' };
      case 'regex':
        return { s: `/${this.regex(e.re)}/`, k: 'matchrec' };
      case 'typedre':
        return { s: `@/${this.regex(e.re)}/`, k: 'prim' };
      case 'var':
        return { s: this.name(e.ref), k: 'prim' };
      case 'elem':
        return { s: `${this.arrayText(e.arr, e.path)}[${this.subs(e.subs)}]`, k: 'prim' };
      case 'field':
        return { s: `$${parenIfBinary(this.ex(e.index))}`, k: 'field' };
      case 'assign':
        return { s: `${this.lvalue(e.target)} ${e.op} ${this.ex(e.value).s}`, k: 'assign' };
      case 'cond':
        return { s: `${this.ex(e.test).s} ? ${this.ex(e.yes).s} : ${this.ex(e.no).s}`, k: 'cond' };
      case 'and':
        return binary('and', this.ex(e.a), ' && ', this.ex(e.b));
      case 'or':
        return binary('or', this.ex(e.a), ' || ', this.ex(e.b));
      case 'in': {
        const arr = this.arrayText(e.arr, e.path);
        if (e.subs.length > 1) return { s: `(${this.subs(e.subs)}) in ${arr}`, k: 'in' };
        const sub = this.ex(e.subs[0]!);
        return { s: `${(PREC[sub.k] < PREC.in ? paren(sub) : sub).s} in ${arr}`, k: 'in' };
      }
      case 'match': {
        const left = parenIfBinary(this.ex(e.a));
        const re = e.re.k === 'regex' ? `/${this.regex(e.re.re)}/` : e.re.k === 'typedre' ? `@/${this.regex(e.re.re)}/` : parenIfBinary(this.ex(e.re));
        return { s: `${left} ${e.neg ? '!~' : '~'} ${re}`, k: 'match' };
      }
      case 'cmp':
        return binary('cmp', this.ex(e.a), ` ${e.op} `, this.ex(e.b));
      case 'concat': {
        const items: Expr[] = [];
        let x: Expr = e;
        for (; x.k === 'concat'; x = x.a) items.unshift(x.b);
        items.unshift(x);
        return { s: concat(items.map((i) => this.ex(i))), k: 'concat' };
      }
      case 'arith': {
        const k: Kind = e.op === '^' ? 'exp' : e.op === '+' || e.op === '-' ? 'add' : 'mul';
        return binary(k, this.ex(e.a), ` ${e.op} `, this.ex(e.b));
      }
      case 'neg':
      case 'plus':
      case 'not': {
        const a = this.ex(e.a);
        const inner = BINARY.has(a.k) || (a.k === e.k && e.k !== 'not') ? paren(a).s : a.s;
        return { s: `${e.k === 'neg' ? '-' : e.k === 'plus' ? '+' : '! '}${inner}`, k: e.k };
      }
      case 'incdec': {
        const op = e.delta > 0 ? '++' : '--';
        const t = this.lvalue(e.target);
        return { s: e.prefix ? op + t : t + op, k: 'incdec' };
      }
      case 'call':
        return { s: `${e.indirect ? '@' : ''}${e.name}(${this.subs(e.args)})`, k: 'prim' };
      case 'builtin': {
        const args = e.args.map((a) => this.ex(a).s);
        // the record is the implicit argument: gawk shows it
        if (e.name === 'length' && args.length === 0) args.push('$0');
        if ((e.name === 'sub' || e.name === 'gsub') && args.length === 2) args.push('$0');
        if (e.name === 'gensub' && args.length === 3) args.push('$0');
        // split and patsplit show the separator they fall back on
        if (e.name === 'split' && args.length === 2) args.push('FS');
        if (e.name === 'patsplit' && args.length === 2) args.push('FPAT');
        const sub = e.name === 'sub' || e.name === 'gsub' || e.name === 'gensub';
        return { s: `${e.name}(${args.join(', ')})`, k: sub ? 'subbuiltin' : 'prim' };
      }
      case 'getline': {
        const g = e.target ? `getline ${this.lvalue(e.target)}` : 'getline';
        if (e.file) return { s: `${g} < ${parenIfBinary(this.ex(e.file))}`, k: 'getline' };
        if (e.cmd) return { s: `${parenIfBinary(this.ex(e.cmd))} ${e.coproc ? '|&' : '|'} ${g}`, k: 'getline' };
        return { s: g, k: 'getline' };
      }
      case 'group':
        return { s: `(${this.ex(e.e).s})`, k: 'parens' };
      case 'list':
        return { s: `(${this.subs(e.items)})`, k: 'parens' };
    }
  }

  /** The left margin: with -p, the count (or a tab when it is 0); then the indentation. */
  private margin(count: number): string {
    const c = !this.profile ? '' : count > 0 ? `${String(count).padStart(6)}  ` : '\t';
    return c + '\t'.repeat(this.depth);
  }

  private line(text: string, count = 0): void {
    this.out += `${this.margin(count)}${text}\n`;
  }

  private count(s: Stmt | undefined): number {
    return s ? (this.profile?.stmts.get(s) ?? 0) : 0;
  }

  /** With -p, `# N` after an opening brace: how often what it opens ran. */
  private runs(n: number): string {
    return this.profile && n > 0 ? ` # ${n}` : '';
  }

  private body(s: Stmt): void {
    this.depth++;
    this.stmt(s);
    this.depth--;
  }

  private stmts(list: Stmt[]): void {
    for (const s of list) this.stmt(s);
  }

  /** The statement an else holds, when it is just one `if` (printed as `else if`). */
  private soleIf(s: Stmt): Extract<Stmt, { k: 'if' }> | undefined {
    if (s.k === 'if') return s;
    if (s.k === 'block') {
      const inner = s.body.filter((x) => x.k !== 'empty');
      if (inner.length === 1) return this.soleIf(inner[0]!);
    }
    return undefined;
  }

  private stmt(s: Stmt): void {
    const n = this.count(s);
    switch (s.k) {
      case 'block':
        return this.stmts(s.body);
      case 'empty':
        return;
      case 'expr':
        return this.line(this.ex(s.e).s, n);
      case 'print':
      case 'printf': {
        const args = s.args.map((a) => this.ex(a));
        let text: string = s.k;
        if (s.redir) {
          if (args.length === 1 && args[0]!.s.startsWith('(') && args[0]!.s.endsWith(')')) text += args[0]!.s;
          else if (args.length) text += `(${args.map((a) => a.s).join(', ')})`;
          text += ` ${s.redir.mode} ${parenIfBinary(this.ex(s.redir.target))}`;
        } else if (args.length) text += ` ${args.map((a) => a.s).join(', ')}`;
        return this.line(text, n);
      }
      case 'if': {
        this.line(`if (${this.ex(s.test).s}) {${this.runs(this.count(s.then))}`, n);
        let cur: Extract<Stmt, { k: 'if' }> = s;
        for (;;) {
          this.body(cur.then);
          if (!cur.else) break;
          const next = this.soleIf(cur.else);
          if (next) {
            this.line(`} else if (${this.ex(next.test).s}) {${this.runs(this.count(next.then))}`, this.count(cur.else));
            cur = next;
            continue;
          }
          this.line('} else {', this.count(cur.else));
          this.body(cur.else);
          break;
        }
        return this.line('}');
      }
      case 'while':
        this.line(`while (${this.ex(s.test).s}) {`, this.count(s.body));
        this.body(s.body);
        return this.line('}');
      case 'do':
        this.line('do {', this.count(s.body));
        this.body(s.body);
        return this.line(`} while (${this.ex(s.test).s})`);
      case 'for': {
        let head: string;
        if (!s.init && !s.test && !s.step) head = ';;';
        else head = `${s.init ? this.ex(s.init).s : ''}; ${s.test ? `${this.ex(s.test).s}; ` : '; '}${s.step ? this.ex(s.step).s : ''}`;
        this.line(`for (${head}) {`, this.count(s.body));
        this.body(s.body);
        return this.line('}');
      }
      case 'forin':
        this.line(`for (${this.lvalue(s.key)} in ${this.arrayText(s.arr, s.path)}) {`, this.count(s.body));
        this.body(s.body);
        return this.line('}');
      case 'switch':
        this.line(`switch (${this.ex(s.e).s}) {`, n);
        for (const c of s.cases) {
          this.line(c.value ? `case ${this.ex(c.value).s}:` : 'default:', this.count(c.body[0]));
          this.depth++;
          this.stmts(c.body);
          this.depth--;
        }
        return this.line('}');
      case 'break':
      case 'continue':
      case 'next':
      case 'nextfile':
        return this.line(s.k, n);
      case 'exit':
      case 'return':
        return this.line(s.e ? `${s.k} ${parenIfBinary(this.ex(s.e))}` : s.k, n);
      case 'delete': {
        const arr = this.arrayText(s.arr, s.path);
        if (!s.subs) return this.line(`delete ${arr}`, n);
        return this.line(`delete ${arr}[${s.subs.map((e) => this.ex(e).s).join(' ')}]`, n);
      }
    }
  }

  private rule(r: Rule): void {
    const prof = this.profile;
    const actions = prof?.actions.get(r) ?? 0;
    if (r.kind !== 'main') this.line(`${r.kind} {`);
    else if (!r.pattern) this.line('{', actions);
    else this.line(`${this.ex(r.pattern).s}${r.rangeEnd ? `, ${this.ex(r.rangeEnd).s}` : ''} {${this.runs(actions)}`, prof?.patterns.get(r) ?? 0);
    this.depth = 1;
    if (r.action) this.stmts(r.action);
    else this.line('print', actions);
    this.depth = 0;
    this.line('}');
    this.out += '\n';
  }

  /** The whole program's text. */
  print(): string {
    this.out = '';
    const heads = { BEGIN: 'BEGIN rule(s)', BEGINFILE: 'BEGINFILE rule(s)', main: 'Rule(s)', ENDFILE: 'ENDFILE rule(s)', END: 'END rule(s)' };
    for (const kind of ['BEGIN', 'BEGINFILE', 'main', 'ENDFILE', 'END'] as const) {
      const rules = this.prog.rules.filter((r) => r.kind === kind);
      if (this.profile && rules.length) this.out += `\t# ${heads[kind]}\n\n`;
      for (const r of rules) this.rule(r);
    }
    const names = [...this.prog.funcs.keys()].sort();
    if (this.profile && names.length) this.out += '\n\t# Functions, listed alphabetically\n';
    for (const name of names) {
      const f = this.prog.funcs.get(name)!;
      this.out += '\n';
      this.line(`function ${name}(${f.params.join(', ')})`, this.profile?.calls.get(name) ?? 0);
      this.line('{');
      this.depth = 1;
      this.stmts(f.body);
      this.depth = 0;
      this.line('}');
    }
    return this.out;
  }
}
