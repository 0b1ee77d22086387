// Shell arithmetic (bash manual, ARITHMETIC EVALUATION): 64-bit integers with C's
// operators and precedence, variables evaluated recursively, and bash's error texts.
// An expression is parsed once into a tree (cached by its text) and then evaluated.

export class ArithError extends Error {
  /** A bad number: bash shows the expression only up to the end of that token. */
  expression: string | undefined;
  /**
   * An error in an array subscript, which bash evaluates as an expression of its own: the
   * message names the subscript alone, without the command (`let: `, `((: `) before it.
   */
  standalone = false;
  constructor(readonly detail: string, readonly token: string) {
    super(`${detail} (error token is "${token}")`);
    this.name = 'ArithError';
  }
}

export interface ArithEnv {
  get(name: string, index?: string): string | undefined;
  /** `indexText`: the subscript as written, for the error a bad one gives. */
  set(name: string, value: string, index?: string, indexText?: string): void;
  /** Whether `name` is an associative array (its subscripts are keys, not arithmetic). */
  isAssoc?(name: string): boolean;
  /** `set -u`: referencing an unset variable is an error. */
  nounset?: boolean;
  /** An error that is reported while the evaluation goes on. */
  note?(message: string): void;
  /** Such an error as a builtin reports it: after the command's name (`let: `, `((: `), if any. */
  noteInvalid?(message: string): void;
}

const i64 = (v: bigint): bigint => BigInt.asIntN(64, v);

/** `bad`: the text from a character no token starts with (bash's error depends on where it stands). */
/** `sub`: the raw text of a subscript after a name; `badsub`: a name and `[` without its `]`. */
type Tok = { t: 'num' | 'id' | 'op' | 'bad' | 'sub' | 'badsub'; text: string; start: number };

type Node =
  | { k: 'num'; v: ArithValue }
  | { k: 'var'; name: string; indexText?: string }
  | { k: 'unary'; op: string; a: Node }
  | { k: 'incdec'; op: '++' | '--'; prefix: boolean; target: Node & { k: 'var' } }
  | { k: 'bin'; op: string; a: Node; b: Node; rest: string }
  | { k: 'logic'; op: '&&' | '||'; a: Node; b: Node }
  | { k: 'cond'; c: Node; a: Node; b: Node }
  | { k: 'assign'; op: string; target: Node & { k: 'var' }; value: Node; rest: string }
  | { k: 'comma'; list: Node[] }
  // an error the parse met after the parts before it: bash evaluates as it parses, so their
  // side effects (a++, a=5, a division by 0) come first
  | { k: 'fail'; err: ArithError };

/** A parse error with the tree of what came before it, which ends in a `fail` node. */
class Partial {
  constructor(public node: Node) {}
}

/** Rethrows a parse error as a Partial, wrapped in the node that was being built. */
function partial(e: unknown, wrap: (n: Node) => Node): never {
  if (e instanceof ArithError) throw new Partial(wrap({ k: 'fail', err: e }));
  if (e instanceof Partial) {
    e.node = wrap(e.node);
    throw e;
  }
  throw e;
}

/** A new error like `e` (a tree is cached: its error is thrown again each time). */
function copyError(e: ArithError): ArithError {
  const c = new ArithError(e.detail, e.token);
  c.expression = e.expression;
  c.standalone = e.standalone;
  return c;
}

const OPS = ['<<=', '>>=', '**', '++', '--', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '+=', '-=', '*=', '/=', '%=', '&=', '^=', '|=', '+', '-', '*', '/', '%', '<', '>', '=', '!', '~', '&', '^', '|', '?', ':', ',', '(', ')', '[', ']'];
const BINARY: Record<string, number> = {
  '||': 1, '&&': 2, '|': 3, '^': 4, '&': 5, '==': 6, '!=': 6, '<': 7, '>': 7, '<=': 7, '>=': 7,
  '<<': 8, '>>': 8, '+': 9, '-': 9, '*': 10, '/': 10, '%': 10, '**': 11,
};
const ASSIGN = new Set(['=', '+=', '-=', '*=', '/=', '%=', '<<=', '>>=', '&=', '^=', '|=']);
const DECIMAL = /^\s*-?(?:0|[1-9]\d*)\s*$/;

function parseNumber(text: string): bigint {
  if (/^[1-9]\d*$/.test(text) || text === '0') return i64(BigInt(text));
  let m = /^0[xX]([0-9a-fA-F]*)$/.exec(text);
  if (m) return m[1] ? i64(BigInt(`0x${m[1]}`)) : 0n;
  m = /^(\d+)#([0-9a-zA-Z@_]*)$/.exec(text);
  if (m) {
    const base = Number(m[1]);
    // base 0 is not a number at all (bash reads the digits before # as the base first)
    if (base === 0) throw badNumber('invalid number', text);
    if (base < 2 || base > 64) throw badNumber('invalid arithmetic base', text);
    if (m[2] === '') throw badNumber('invalid integer constant', text);
    let v = 0n;
    for (const ch of m[2]!) {
      let d: number;
      if (ch >= '0' && ch <= '9') d = ch.charCodeAt(0) - 48;
      else if (ch >= 'a' && ch <= 'z') d = ch.charCodeAt(0) - 97 + 10;
      else if (ch >= 'A' && ch <= 'Z') d = base <= 36 ? ch.charCodeAt(0) - 65 + 10 : ch.charCodeAt(0) - 65 + 36;
      else if (ch === '@') d = 62;
      else d = 63;
      if (d >= base) throw badNumber('value too great for base', text);
      v = i64(v * BigInt(base) + BigInt(d));
    }
    return v;
  }
  if (/^0[0-7]+$/.test(text)) return i64(BigInt(`0o${text.slice(1)}`));
  throw badNumber('value too great for base', text);
}

function badNumber(detail: string, text: string): ArithError {
  return new ArithError(detail, text);
}

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++;
      continue;
    }
    if (c >= 48 && c <= 57) {
      let j = i + 1;
      while (j < src.length && /[0-9a-zA-Z@_#]/.test(src[j]!)) j++;
      out.push({ t: 'num', text: src.slice(i, j), start: i });
      i = j;
      continue;
    }
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95) {
      let j = i + 1;
      while (j < src.length && /[A-Za-z0-9_]/.test(src[j]!)) j++;
      if (src[j] === '[') {
        // name[...]: the subscript up to its matching bracket is kept as text, evaluated on its own
        let d = 0;
        let k = j;
        for (; k < src.length; k++) {
          if (src[k] === '[') d++;
          else if (src[k] === ']' && --d === 0) break;
        }
        if (k >= src.length) {
          out.push({ t: 'badsub', text: src.slice(i), start: i });
          break;
        }
        out.push({ t: 'id', text: src.slice(i, j), start: i });
        out.push({ t: 'sub', text: src.slice(j + 1, k), start: j });
        i = k + 1;
        continue;
      }
      out.push({ t: 'id', text: src.slice(i, j), start: i });
      i = j;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) {
      out.push({ t: 'bad', text: src.slice(i), start: i });
      break;
    }
    out.push({ t: 'op', text: op, start: i });
    i += op.length;
  }
  return out;
}

class ArithParser {
  private pos = 0;
  constructor(private readonly toks: Tok[], private readonly src: string) {}

  /** The expression text from the current token on: bash's "error token". */
  private rest(): string {
    const t = this.toks[this.pos];
    return t === undefined ? '' : this.src.slice(t.start);
  }

  /** As rest(), but at the end bash names the last token it read. */
  private restOrLast(): string {
    const t = this.toks[this.pos] ?? this.toks[this.pos - 1];
    return t === undefined ? '' : this.src.slice(t.start);
  }

  private isOp(v: string, at = this.pos): boolean {
    const t = this.toks[at];
    return t !== undefined && t.t === 'op' && t.text === v;
  }

  /** The tree; after a syntax error, the tree of what came before it (see `fail`). */
  parse(): Node {
    try {
      const n = this.comma();
      if (this.pos < this.toks.length) {
        const t = this.toks[this.pos]!;
        const what = t.t === 'bad' ? 'syntax error: invalid arithmetic operator' : t.t === 'op' && ASSIGN.has(t.text) ? 'attempted assignment to non-variable' : 'syntax error in expression';
        partial(this.error(what, this.rest()), (f) => ({ k: 'comma', list: [n, f] }));
      }
      return n;
    } catch (e) {
      if (e instanceof Partial) return e.node;
      throw e;
    }
  }

  /**
   * A syntax error at the current token; bash has already read that token, so a bad number
   * there is the error it reports.
   */
  private error(detail: string, token: string): ArithError {
    const t = this.toks[this.pos];
    if (t?.t === 'num') {
      try {
        parseNumber(t.text);
      } catch (e) {
        if (e instanceof ArithError) {
          e.expression = this.src.slice(0, t.start + t.text.length);
          return e;
        }
      }
    }
    return new ArithError(detail, token);
  }

  private comma(): Node {
    const list = [this.assignment()];
    while (this.isOp(',')) {
      this.pos++;
      try {
        list.push(this.assignment());
      } catch (e) {
        partial(e, (f) => ({ k: 'comma', list: [...list, f] }));
      }
    }
    return list.length === 1 ? list[0]! : { k: 'comma', list };
  }

  /** `name [ ... ] op=` ahead? */
  private assignAhead(): boolean {
    const t = this.toks[this.pos];
    if (!t || t.t !== 'id') return false;
    let j = this.pos + 1;
    if (this.toks[j]?.t === 'sub') j++;
    const op = this.toks[j];
    return op !== undefined && op.t === 'op' && ASSIGN.has(op.text);
  }

  private assignment(): Node {
    if (this.assignAhead()) {
      const target = this.variable();
      const op = this.toks[this.pos++]!.text;
      const rest = this.rest();
      try {
        return { k: 'assign', op, target, value: this.assignment(), rest };
      } catch (e) {
        partial(e, (f) => ({ k: 'assign', op, target, value: f, rest }));
      }
    }
    return this.ternary();
  }

  private ternary(): Node {
    const c = this.binary(1);
    if (!this.isOp('?')) return c;
    this.pos++;
    const zero: Node = { k: 'num', v: 0 };
    let a: Node = zero;
    try {
      // nothing (or straight `:`) after `?`, nothing after `:`: bash wants an expression there
      if (this.pos >= this.toks.length || this.isOp(':')) throw this.error('expression expected', this.restOrLast());
      // the middle is a whole expression (commas too), the last part only a conditional: in
      // `c ? 1 : y = 2` the assignment is to the conditional, which is no variable
      try {
        a = this.comma();
      } catch (e) {
        partial(e, (f) => ({ k: 'cond', c, a: f, b: zero }));
      }
      if (!this.isOp(':')) throw this.error("`:' expected for conditional expression", this.restOrLast());
      this.pos++;
      if (this.pos >= this.toks.length) throw this.error('expression expected', this.restOrLast());
      return { k: 'cond', c, a, b: this.ternary() };
    } catch (e) {
      partial(e, (f) => (e instanceof Partial && a === zero ? f : { k: 'cond', c, a, b: f }));
    }
  }

  private binary(minPrec: number): Node {
    let left = this.unary();
    for (;;) {
      const t = this.toks[this.pos];
      if (!t || t.t !== 'op') break;
      if (t.text === '++' || t.text === '--') {
        // after an operand, ++ and -- are an operator and a sign (1++2 is 1 + +2)
        const sign = t.text[0]!;
        this.toks.splice(this.pos, 1, { ...t, text: sign }, { ...t, text: sign, start: t.start + 1 });
        continue;
      }
      const prec = BINARY[t.text];
      if (prec === undefined || prec < minPrec) break;
      this.pos++;
      const rest = this.rest();
      const a = left;
      const make = (b: Node): Node => (t.text === '&&' || t.text === '||' ? { k: 'logic', op: t.text, a, b } : { k: 'bin', op: t.text, a, b, rest });
      try {
        left = make(this.binary(t.text === '**' ? prec : prec + 1));
      } catch (e) {
        partial(e, make);
      }
    }
    return left;
  }

  private unary(): Node {
    const t = this.toks[this.pos];
    if (t && t.t === 'op') {
      if (t.text === '++' || t.text === '--') {
        const next = this.toks[this.pos + 1];
        // before anything but a name (or nothing), ++ and -- are two signs (bash: ++1 is 1)
        if (!next || next.t !== 'id') {
          const sign = t.text[0]!;
          this.toks.splice(this.pos, 1, { ...t, text: sign }, { ...t, text: sign, start: t.start + 1 });
          return this.unary();
        }
        this.pos++;
        const target = this.unary();
        if (target.k !== 'var') throw new ArithError('syntax error: operand expected', this.rest());
        return { k: 'incdec', op: t.text, prefix: true, target };
      }
      if (t.text === '-' || t.text === '+' || t.text === '!' || t.text === '~') {
        this.pos++;
        const op = t.text;
        try {
          return { k: 'unary', op, a: this.unary() };
        } catch (e) {
          partial(e, (f) => ({ k: 'unary', op, a: f }));
        }
      }
    }
    return this.primary();
  }

  private variable(): Node & { k: 'var' } {
    const t = this.toks[this.pos++]!;
    const sub = this.toks[this.pos];
    if (sub?.t !== 'sub') return { k: 'var', name: t.text };
    this.pos++;
    return { k: 'var', name: t.text, indexText: sub.text };
  }

  private primary(): Node {
    const t = this.toks[this.pos];
    // at the end, bash names the operator that wanted an operand
    if (!t) throw new ArithError('syntax error: operand expected', this.src.slice(this.toks[this.pos - 1]?.start ?? 0));
    if (t.t === 'num') {
      this.pos++;
      try {
        return { k: 'num', v: norm(parseNumber(t.text)) };
      } catch (e) {
        if (e instanceof ArithError) e.expression = this.src.slice(0, t.start + t.text.length);
        throw e;
      }
    }
    if (t.t === 'badsub') {
      const e = new ArithError('bad array subscript', t.text);
      e.expression = this.src.slice(0, t.start) + t.text;
      throw e;
    }
    if (t.t === 'id') {
      const v = this.variable();
      if (this.isOp('++') || this.isOp('--')) {
        const op = this.toks[this.pos++]!.text as '++' | '--';
        return { k: 'incdec', op, prefix: false, target: v };
      }
      return v;
    }
    if (t.text === '(') {
      this.pos++;
      const v = this.comma();
      if (!this.isOp(')')) partial(this.error("missing `)'", this.restOrLast()), (f) => ({ k: 'comma', list: [v, f] }));
      this.pos++;
      return v;
    }
    throw new ArithError('syntax error: operand expected', this.rest());
  }
}

const cache = new Map<string, Node | null>();

function compile(src: string): Node | null {
  let n = cache.get(src);
  if (n === undefined) {
    const toks = tokenize(src);
    n = toks.length === 0 ? null : new ArithParser(toks, src).parse();
    if (cache.size > 2000) cache.clear();
    cache.set(src, n);
  }
  return n;
}

/**
 * A value: a JS number while it is a safe integer (almost always, and without BigInt's
 * allocations), a bigint only outside that range. The representation is canonical, so
 * `===` compares values of either kind.
 */
export type ArithValue = number | bigint;

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** The canonical value of a 64-bit result. */
function norm(v: bigint): ArithValue {
  const w = BigInt.asIntN(64, v);
  return w >= -MAX_SAFE && w <= MAX_SAFE ? Number(w) : w;
}

const big = (v: ArithValue): bigint => (typeof v === 'bigint' ? v : BigInt(v));
const isZero = (v: ArithValue): boolean => v === 0;

/** A plain decimal of up to 15 digits (most variable values), without a regex or BigInt. */
function smallInt(s: string): number | undefined {
  const n = s.length;
  if (n === 0 || n > 15) return undefined;
  let i = s.charCodeAt(0) === 45 ? 1 : 0;
  if (i === n || (s.charCodeAt(i) === 48 && n - i > 1)) return undefined;
  let v = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
    v = v * 10 + (c - 48);
  }
  return s.charCodeAt(0) === 45 ? -v : v;
}

function decimal(src: string): ArithValue | undefined {
  const small = smallInt(src);
  if (small !== undefined) return small;
  // an expression that starts with a name or `(` is not a number: skip the regex
  const c = src.charCodeAt(0);
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 40) return undefined;
  return DECIMAL.test(src) ? norm(BigInt(src.trim())) : undefined;
}

/** Evaluates `src`; the value as a bigint (see evaluateValue for the fast form). */
export function evaluate(src: string, env: ArithEnv, depth = 0): bigint {
  return big(evaluateValue(src, env, depth));
}

export function evaluateValue(src: string, env: ArithEnv, depth = 0): ArithValue {
  if (depth > 1024) throw new ArithError('expression recursion level exceeded', src);
  const d = decimal(src);
  if (d !== undefined) return d;
  const tree = compile(src);
  return tree === null ? 0 : new Evaluator(env, depth).eval(tree);
}

/** The subscript of a[@] and a[*], which name no element. */
const NO_ELEMENT = '\0all';
/** An empty subscript, a[]. */
const EMPTY_SUBSCRIPT = '\0empty';

class Evaluator {
  /** >0 while evaluating a branch whose value is discarded (short-circuit). */
  private skip = 0;

  constructor(private readonly env: ArithEnv, private readonly depth: number) {}

  private index(v: Node & { k: 'var' }): string | undefined {
    const text = v.indexText;
    if (text === undefined) return undefined;
    // a[]: no element (read: reported twice and 0; write: not an identifier, nothing set)
    if (text === '' && this.env.note) return this.skip ? '0' : EMPTY_SUBSCRIPT;
    // an associative array's key is the subscript's text, not its value
    if (this.env.isAssoc?.(v.name)) return text.trim();
    if (this.skip) return '0';
    if ((text.trim() === '@' || text.trim() === '*') && this.env.note) {
      // a[@] names no one element: reported each time; reading gives 0, writing does nothing
      this.env.note(`${v.name}[${text}]: bad array subscript`);
      return NO_ELEMENT;
    }
    try {
      return String(evaluateValue(text, this.env, this.depth + 1));
    } catch (e) {
      if (e instanceof ArithError && !e.standalone) {
        e.standalone = true;
        e.expression ??= text;
      }
      throw e;
    }
  }

  private read(name: string, index: string | undefined): ArithValue {
    if (this.skip || index === NO_ELEMENT) return 0;
    if (index === EMPTY_SUBSCRIPT) {
      for (let i = 0; i < 2; i++) this.env.note?.(`${name}[]: bad array subscript`);
      return 0;
    }
    const raw = this.env.get(name, index);
    if (raw === undefined) {
      if (this.env.nounset) throw new ArithError(`${name}: unbound variable`, name);
      return 0;
    }
    const d = decimal(raw);
    if (d !== undefined) return d;
    if (raw.trim() === '') return 0;
    try {
      return evaluateValue(raw, this.env, this.depth + 1);
    } catch (e) {
      // an error in a variable's value names that value as the expression
      if (e instanceof ArithError) e.expression ??= raw;
      throw e;
    }
  }

  /** `reread`: the element was read first (++, op=): a[@] is reported again on the write. */
  private write(target: Node & { k: 'var' }, index: string | undefined, v: ArithValue, reread = false): ArithValue {
    if (this.skip) return v;
    if (index === EMPTY_SUBSCRIPT) (this.env.noteInvalid ?? this.env.note)?.(`\`${target.name}[]': not a valid identifier`);
    else if (index !== NO_ELEMENT) this.env.set(target.name, String(v), index, target.indexText);
    else if (!this.skip && reread) this.env.note?.(`${target.name}[${target.indexText}]: bad array subscript`);
    return v;
  }

  eval(n: Node): ArithValue {
    switch (n.k) {
      case 'num': return n.v;
      case 'var': return this.read(n.name, this.index(n));
      case 'unary': {
        const v = this.eval(n.a);
        if (n.op === '-') return typeof v === 'number' ? 0 - v : norm(-v);
        if (n.op === '+') return v;
        if (n.op === '!') return isZero(v) ? 1 : 0;
        return typeof v === 'number' && v < Number.MAX_SAFE_INTEGER ? -v - 1 : norm(~big(v));
      }
      case 'incdec': {
        const idx = this.index(n.target);
        const old = this.read(n.target.name, idx);
        const v = add(old, n.op === '++' ? 1 : -1);
        this.write(n.target, idx, v, true);
        return n.prefix ? v : old;
      }
      case 'bin': return apply(n.op, this.eval(n.a), this.eval(n.b), this.skip > 0, n.rest);
      case 'logic': {
        const a = !isZero(this.eval(n.a));
        const short = n.op === '&&' ? !a : a;
        if (short) this.skip++;
        const b = !isZero(this.eval(n.b));
        if (short) {
          this.skip--;
          return n.op === '||' ? 1 : 0;
        }
        return b ? 1 : 0;
      }
      case 'cond': {
        const c = !isZero(this.eval(n.c));
        if (!c) this.skip++;
        const a = this.eval(n.a);
        if (!c) this.skip--;
        if (c) this.skip++;
        const b = this.eval(n.b);
        if (c) this.skip--;
        return c ? a : b;
      }
      case 'assign': {
        // a plain `=` evaluates its subscript only when it assigns, after the value (a[i++]=i
        // stores the old i); an operator-assignment reads the element, subscript first
        let idx: string | undefined;
        if (n.op !== '=') idx = this.index(n.target);
        const rhs = this.eval(n.value);
        if (n.op === '=') idx = this.index(n.target);
        const v = n.op === '=' ? rhs : apply(n.op.slice(0, -1), this.read(n.target.name, idx), rhs, this.skip > 0, n.rest);
        return this.write(n.target, idx, v, n.op !== '=');
      }
      case 'comma': {
        let v: ArithValue = 0;
        for (const x of n.list) v = this.eval(x);
        return v;
      }
      case 'fail': throw copyError(n.err);
    }
  }
}

function add(a: ArithValue, b: ArithValue): ArithValue {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (Number.isSafeInteger(r)) return r;
  }
  return norm(big(a) + big(b));
}

const INT32 = (v: ArithValue): v is number => typeof v === 'number' && (v | 0) === v;

function apply(op: string, a: ArithValue, b: ArithValue, skipping: boolean, rest: string): ArithValue {
  const nums = typeof a === 'number' && typeof b === 'number';
  switch (op) {
    case '+': return add(a, b);
    case '-': {
      if (nums) {
        const r = a - b;
        if (Number.isSafeInteger(r)) return r;
      }
      return norm(big(a) - big(b));
    }
    case '*': {
      if (nums) {
        const r = a * b;
        if (Number.isSafeInteger(r)) return r === 0 ? 0 : r;
      }
      return norm(big(a) * big(b));
    }
    case '/':
    case '%': {
      if (isZero(b)) {
        if (skipping) return 0;
        throw new ArithError('division by 0', rest);
      }
      // a quotient of safe integers truncates exactly (|a| < 2^53 keeps it off an integer)
      if (nums) return op === '/' ? Math.trunc(a / b) || 0 : a % b || 0;
      const x = big(a);
      const y = big(b);
      if (x === -(2n ** 63n) && y === -1n) return op === '/' ? x : 0;
      return norm(op === '/' ? x / y : x % y);
    }
    case '**':
      // bash names the operand's last token: past any sign in front of it
      if (b < 0) throw new ArithError('exponent less than 0', rest.replace(/^[-+\s]+/, ''));
      return norm(big(a) ** big(b));
    case '<<': return norm(big(a) << (big(b) & 63n));
    case '>>': return norm(big(a) >> (big(b) & 63n));
    case '<': return a < b ? 1 : 0;
    case '>': return a > b ? 1 : 0;
    case '<=': return a <= b ? 1 : 0;
    case '>=': return a >= b ? 1 : 0;
    case '==': return a === b ? 1 : 0;
    case '!=': return a !== b ? 1 : 0;
    case '&': return INT32(a) && INT32(b) ? a & b : norm(big(a) & big(b));
    case '^': return INT32(a) && INT32(b) ? a ^ b : norm(big(a) ^ big(b));
    case '|': return INT32(a) && INT32(b) ? a | b : norm(big(a) | big(b));
    default: throw new ArithError('syntax error: invalid arithmetic operator', op);
  }
}
