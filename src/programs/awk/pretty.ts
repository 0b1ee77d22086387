// gawk -o (--pretty-print): the program written back out in gawk's layout: rules by kind
// (BEGIN, BEGINFILE, main, ENDFILE, END), every body in braces and indented with tabs,
// operators spaced, parentheses where precedence needs them (and where the source had
// them), then the functions in name order. The program is not run.
import type { At, Expr, FuncDef, LValue, Program, Rule, Stmt, VarRef } from './ast';
import type { Comment } from './lexer';
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
/** Statements that print lines of their own around a body. */
const COMPOUND = new Set<Stmt['k']>(['if', 'while', 'do', 'for', 'forin', 'switch', 'block']);
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

/** Whether `c` comes before position `at` (an earlier line, or an earlier source). */
function before(c: At, at: At): boolean {
  return c.src < at.src || (c.src === at.src && c.line < at.line);
}

export class PrettyPrinter {
  private out = '';
  private depth = 0;
  /** The comments inside the rule or function being printed, in source order. */
  private queue: Comment[] = [];

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
    if (s.k === 'block') this.stmt(s);
    else this.single(s);
    this.depth--;
  }

  private stmts(list: Stmt[], end?: At): void {
    const close = end ?? this.prog.braces.get(list)?.close;
    for (const [i, s] of list.entries()) {
      this.flush(s);
      const len = this.out.length;
      this.stmt(s);
      // an end-of-line comment on a simple statement's lines goes after it
      if (this.queue.length && !COMPOUND.has(s.k) && this.out.length > len) {
        const next: At | undefined = list[i + 1] ?? close;
        const c = this.queue[0]!;
        if (c.after && c.src === s.src && c.line >= s.line && (next ? before(c, next) : c.line === s.line)) this.appendEol(this.queue.shift()!);
      }
    }
    if (close && !end) this.flush(close);
  }

  /** Comments before `at` (or all) as lines of their own at the current depth. */
  private flush(at?: At): void {
    while (this.queue.length && (!at || before(this.queue[0]!, at))) this.line(this.queue.shift()!.text);
  }

  /** The end-of-line comment right after the brace at `brace`, taken from the queue. */
  private eol(brace: (At & { pos: number }) | undefined): Comment | undefined {
    const c = this.queue[0];
    if (!c || !brace || c.src !== brace.src || c.line !== brace.line || c.afterPos !== brace.pos) return undefined;
    return this.queue.shift();
  }

  /** A body that is one statement (not a block): its comments as in a list. */
  private single(s: Stmt): void {
    this.flush(s);
    const len = this.out.length;
    this.stmt(s);
    const c = this.queue[0];
    if (c?.after && !COMPOUND.has(s.k) && this.out.length > len && c.src === s.src && c.line === s.line) this.appendEol(this.queue.shift());
  }

  private appendEol(c: Comment | undefined): void {
    if (c) this.out = `${this.out.slice(0, -1)}\t${c.text}\n`;
  }

  /** A compound statement's opening line, with the comment after its body's `{` (or `do`). */
  private head(text: string, count: number, s: Stmt, body: Stmt): void {
    this.line(text, count);
    const c = this.queue[0];
    // after `do`, or after a for loop's parenthesis, the comment stays on the head's line
    const own = s.k === 'do' ? 'do' : s.k === 'for' || s.k === 'forin' ? ')' : undefined;
    if (own && c?.after === own && c.src === s.src && c.line === s.line) return this.appendEol(this.queue.shift());
    if (body.k === 'block') this.appendEol(this.eol(this.prog.braces.get(body.body)?.open));
  }

  /** The closing brace of a body, with a comment after it on its line. */
  private closeBrace(text: string, body: Stmt): void {
    this.line(text);
    if (body.k === 'block') this.appendEol(this.eol(this.prog.braces.get(body.body)?.close));
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
      case 'block': {
        // the comment after a nested block's opening brace
        return this.stmts(s.body);
      }
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
        this.head(`if (${this.ex(s.test).s}) {${this.runs(this.count(s.then))}`, n, s, s.then);
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
          return this.closeBrace('}', cur.else);
        }
        return this.closeBrace('}', cur.then);
      }
      case 'while':
        this.head(`while (${this.ex(s.test).s}) {`, this.count(s.body), s, s.body);
        this.body(s.body);
        return this.closeBrace('}', s.body);
      case 'do':
        this.head('do {', this.count(s.body), s, s.body);
        this.body(s.body);
        return this.line(`} while (${this.ex(s.test).s})`);
      case 'for': {
        let head: string;
        if (!s.init && !s.test && !s.step) head = ';;';
        else head = `${s.init ? this.ex(s.init).s : ''}; ${s.test ? `${this.ex(s.test).s}; ` : '; '}${s.step ? this.ex(s.step).s : ''}`;
        this.head(`for (${head}) {`, this.count(s.body), s, s.body);
        this.body(s.body);
        return this.closeBrace('}', s.body);
      }
      case 'forin':
        this.head(`for (${this.lvalue(s.key)} in ${this.arrayText(s.arr, s.path)}) {`, this.count(s.body), s, s.body);
        this.body(s.body);
        return this.closeBrace('}', s.body);
      case 'switch':
      {
        const braces = this.prog.braces.get(s.cases);
        this.line(`switch (${this.ex(s.e).s}) {`, n);
        this.appendEol(this.eol(braces?.open));
        for (const [i, c] of s.cases.entries()) {
          // comments before a label stay with the case before it
          if (i > 0 && c.at) {
            this.depth++;
            this.flush(c.at);
            this.depth--;
          }
          this.line(c.value ? `case ${this.ex(c.value).s}:` : 'default:', this.count(c.body[0]));
          const q = this.queue[0];
          if (q?.after === ':' && c.at && q.src === c.at.src && q.line === c.at.line) this.appendEol(this.queue.shift());
          this.depth++;
          this.stmts(c.body, s.cases[i + 1]?.at ?? braces?.close);
          this.depth--;
        }
        this.depth++;
        if (braces) this.flush(braces.close);
        this.depth--;
        // a comment after its closing brace is a line of its own, after it
        return this.line('}');
      }
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
    const own = this.owned.get(r);
    for (const c of own?.before ?? []) this.line(c.text);
    this.queue = own?.inside ?? [];
    if (r.kind !== 'main') this.line(`${r.kind} {`);
    else if (!r.pattern) this.line('{', actions);
    else this.line(`${this.ex(r.pattern).s}${r.rangeEnd ? `, ${this.ex(r.rangeEnd).s}` : ''} {${this.runs(actions)}`, prof?.patterns.get(r) ?? 0);
    if (r.action) this.appendEol(this.eol(this.prog.braces.get(r.action)?.open));
    this.depth = 1;
    if (r.action) this.stmts(r.action);
    else this.line('print', actions);
    this.flush();
    this.depth = 0;
    this.line('}');
    this.out += '\n';
  }

  /** Each rule's and function's comments: those printed before it, and those inside. */
  private owned = new Map<Rule | FuncDef, { before: Comment[]; inside: Comment[] }>();
  private header: Comment[] = [];
  private trailer: Comment[] = [];

  /**
   * Shares the comments out as gawk places them: those before the first rule or function head
   * the program; those before a BEGIN, END or function (or after a pattern on its line) go
   * with it; the last group before a rule without pattern or after everything ends the rules; those
   * inside a body stay there.
   */
  private placeComments(): void {
    const comments = this.profile ? [] : [...(this.prog.comments ?? [])];
    if (!comments.length) return;
    const items: { item: Rule | FuncDef; start: At; end: At; main: boolean; bare: boolean }[] = [];
    for (const r of this.prog.rules) {
      const end = r.action ? this.prog.braces.get(r.action)?.close : undefined;
      items.push({ item: r, start: r, end: end ?? r, main: r.kind === 'main' && !r.pattern, bare: !r.action });
    }
    for (const f of this.prog.funcs.values()) items.push({ item: f, start: f, end: this.prog.braces.get(f.body)?.close ?? f, main: false, bare: false });
    items.sort((a, b) => a.start.src - b.start.src || a.start.line - b.start.line);
    let k = 0;
    let group: Comment[] = [];
    const settle = (): void => {
      if (!group.length) return;
      const first = group[0]!;
      // the comments that open a source file (before any of its rules) head the program:
      // those of a later file take the place of an earlier one's
      if (k === 0) this.header.push(...group);
      else if (items[k - 1]!.start.src !== first.src) this.header = group;
      else if (k >= items.length || items[k]!.main) this.trailer = group;
      else this.slot(items[k]!.item).before.push(...group);
      group = [];
    };
    for (const c of comments) {
      for (;;) {
        const it = items[k];
        if (!it || before(c, it.start)) {
          // a new source file starts a new group
          if (group.length && group[group.length - 1]!.src !== c.src) settle();
          group.push(c);
          break;
        }
        // a comment after a bare pattern, on its line, goes before that rule
        if (it.bare && c.src === it.start.src && c.line === it.start.line) {
          this.slot(it.item).before.push(c);
          break;
        }
        if (!it.bare && before(c, it.end)) {
          this.slot(it.item).inside.push(c);
          break;
        }
        settle();
        k++;
      }
    }
    settle();
  }

  private slot(item: Rule | FuncDef): { before: Comment[]; inside: Comment[] } {
    let s = this.owned.get(item);
    if (!s) this.owned.set(item, (s = { before: [], inside: [] }));
    return s;
  }

  /** Comment lines outside the rules, with the blank lines that stood between them. */
  private block(list: Comment[]): void {
    list.forEach((c, i) => {
      const prev = list[i - 1];
      if (prev && prev.src === c.src) this.out += '\n'.repeat(Math.max(0, c.line - prev.line - 1));
      this.out += `${c.text}\n`;
    });
  }

  /** The whole program's text. */
  print(): string {
    this.out = '';
    this.placeComments();
    this.block(this.header);
    const heads = { BEGIN: 'BEGIN rule(s)', BEGINFILE: 'BEGINFILE rule(s)', main: 'Rule(s)', ENDFILE: 'ENDFILE rule(s)', END: 'END rule(s)' };
    for (const kind of ['BEGIN', 'BEGINFILE', 'main', 'ENDFILE', 'END'] as const) {
      const rules = this.prog.rules.filter((r) => r.kind === kind);
      if (this.profile && rules.length) this.out += `\t# ${heads[kind]}\n\n`;
      for (const r of rules) this.rule(r);
    }
    this.block(this.trailer);
    const names = [...this.prog.funcs.keys()].sort();
    if (this.profile && names.length) this.out += '\n\t# Functions, listed alphabetically\n';
    for (const name of names) {
      const f = this.prog.funcs.get(name)!;
      this.out += '\n';
      const own = this.owned.get(f);
      const open = this.prog.braces.get(f.body)?.open;
      // what comes before the body's brace is printed before the function
      const inside = own?.inside ?? [];
      for (const c of [...(own?.before ?? []), ...inside.filter((c) => open && before(c, open))]) this.line(c.text);
      this.queue = inside.filter((c) => !open || !before(c, open));
      this.line(`function ${name}(${f.params.join(', ')})`, this.profile?.calls.get(name) ?? 0);
      this.line('{');
      this.depth = 1;
      this.stmts(f.body);
      this.flush();
      this.depth = 0;
      this.line('}');
    }
    return this.out;
  }
}
