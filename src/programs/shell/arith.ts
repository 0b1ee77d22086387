// Shell arithmetic (bash manual, ARITHMETIC EVALUATION): 64-bit integers with C's
// operators and precedence, variables evaluated recursively, and bash's error texts.

export class ArithError extends Error {
  constructor(readonly detail: string, readonly token: string) {
    super(`${detail} (error token is "${token}")`);
    this.name = 'ArithError';
  }
}

export interface ArithEnv {
  get(name: string, index?: string): string | undefined;
  set(name: string, value: string, index?: string): void;
  /** `set -u`: referencing an unset variable is an error. */
  nounset?: boolean;
}

const i64 = (v: bigint): bigint => BigInt.asIntN(64, v);

type Tok = { t: 'num'; v: bigint; text: string } | { t: 'id'; name: string; text: string } | { t: 'op'; v: string; text: string };

const OPS = ['<<=', '>>=', '**', '++', '--', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '+=', '-=', '*=', '/=', '%=', '&=', '^=', '|=', '+', '-', '*', '/', '%', '<', '>', '=', '!', '~', '&', '^', '|', '?', ':', ',', '(', ')', '[', ']'];

function parseNumber(text: string): bigint {
  let m = /^0[xX]([0-9a-fA-F]+)$/.exec(text);
  if (m) return i64(BigInt(`0x${m[1]}`));
  m = /^(\d+)#([0-9a-zA-Z@_]+)$/.exec(text);
  if (m) {
    const base = Number(m[1]);
    if (base < 2 || base > 64) throw new ArithError('invalid arithmetic base', text);
    let v = 0n;
    for (const ch of m[2]!) {
      let d: number;
      if (ch >= '0' && ch <= '9') d = ch.charCodeAt(0) - 48;
      else if (ch >= 'a' && ch <= 'z') d = ch.charCodeAt(0) - 97 + 10;
      else if (ch >= 'A' && ch <= 'Z') d = base <= 36 ? ch.charCodeAt(0) - 65 + 10 : ch.charCodeAt(0) - 65 + 36;
      else if (ch === '@') d = 62;
      else d = 63;
      if (d >= base) throw new ArithError('value too great for base', text);
      v = i64(v * BigInt(base) + BigInt(d));
    }
    return v;
  }
  if (/^0[0-7]+$/.test(text)) return i64(BigInt(`0o${text.slice(1)}`));
  if (/^\d+$/.test(text)) {
    if (/^0\d/.test(text)) throw new ArithError('value too great for base', text);
    return i64(BigInt(text));
  }
  throw new ArithError('value too great for base', text);
}

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const num = /^[0-9][0-9a-zA-Z@_#]*/.exec(src.slice(i));
    if (num) {
      out.push({ t: 'num', v: 0n, text: num[0] });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (id) {
      out.push({ t: 'id', name: id[0], text: id[0] });
      i += id[0].length;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new ArithError('syntax error: invalid arithmetic operator', src.slice(i));
    out.push({ t: 'op', v: op, text: op });
    i += op.length;
  }
  return out;
}

const BINARY: Record<string, number> = {
  '||': 1, '&&': 2, '|': 3, '^': 4, '&': 5, '==': 6, '!=': 6, '<': 7, '>': 7, '<=': 7, '>=': 7,
  '<<': 8, '>>': 8, '+': 9, '-': 9, '*': 10, '/': 10, '%': 10, '**': 11,
};
const ASSIGN = new Set(['=', '+=', '-=', '*=', '/=', '%=', '<<=', '>>=', '&=', '^=', '|=']);

interface LValue {
  name: string;
  index?: string;
}

export function evaluate(src: string, env: ArithEnv, depth = 0): bigint {
  if (depth > 1024) throw new ArithError('expression recursion level exceeded', src);
  const toks = tokenize(src);
  if (toks.length === 0) return 0n;
  let pos = 0;
  const rest = (): string => toks.slice(pos).map((t) => t.text).join(' ').trim() || src.trim();
  const peek = (): Tok | undefined => toks[pos];
  const isOp = (v: string): boolean => {
    const t = toks[pos];
    return t !== undefined && t.t === 'op' && t.v === v;
  };
  let skip = 0; // >0 while evaluating a branch whose value is discarded (short-circuit)
  let lvalueOnly = false; // parsing the target of an assignment: do not read it

  const valueOf = (lv: LValue): bigint => {
    const raw = env.get(lv.name, lv.index);
    if (raw === undefined) {
      if (env.nounset) throw new ArithError(`${lv.name}: unbound variable`, lv.name);
      return 0n;
    }
    if (raw.trim() === '') return 0n;
    return evaluate(raw, env, depth + 1);
  };
  const assign = (lv: LValue, v: bigint): bigint => {
    if (!skip) env.set(lv.name, String(v), lv.index);
    return v;
  };

  const primary = (): { v: bigint; lv?: LValue } => {
    const t = peek();
    if (!t) throw new ArithError('syntax error: operand expected', rest());
    if (t.t === 'num') {
      pos++;
      return { v: parseNumber(t.text) };
    }
    if (t.t === 'id') {
      pos++;
      let lv: LValue = { name: t.name };
      if (isOp('[')) {
        pos++;
        const start = pos;
        let d = 0;
        while (pos < toks.length && !(d === 0 && isOp(']'))) {
          if (isOp('[')) d++;
          if (isOp(']')) d--;
          pos++;
        }
        if (!isOp(']')) throw new ArithError('syntax error: invalid arithmetic operator', rest());
        const inner = toks.slice(start, pos).map((x) => x.text).join(' ');
        pos++;
        lv = { name: t.name, index: String(skip ? 0n : evaluate(inner, env, depth + 1)) };
      }
      if (isOp('++') || isOp('--')) {
        const op = (toks[pos++] as { v: string }).v;
        const old = skip ? 0n : valueOf(lv);
        assign(lv, i64(op === '++' ? old + 1n : old - 1n));
        return { v: old };
      }
      return { v: skip || lvalueOnly ? 0n : valueOf(lv), lv };
    }
    if (t.v === '(') {
      pos++;
      const v = comma();
      if (!isOp(')')) throw new ArithError("missing `)'", rest());
      pos++;
      return { v };
    }
    throw new ArithError('syntax error: operand expected', rest());
  };

  const unary = (): { v: bigint; lv?: LValue } => {
    const t = peek();
    if (t && t.t === 'op') {
      if (t.v === '++' || t.v === '--') {
        pos++;
        const target = unary();
        if (!target.lv) throw new ArithError('syntax error: operand expected', rest());
        const v = i64(t.v === '++' ? target.v + 1n : target.v - 1n);
        return { v: assign(target.lv, v) };
      }
      if (t.v === '-' || t.v === '+' || t.v === '!' || t.v === '~') {
        pos++;
        const { v } = unary();
        return { v: t.v === '-' ? i64(-v) : t.v === '+' ? v : t.v === '!' ? (v === 0n ? 1n : 0n) : i64(~v) };
      }
    }
    return primary();
  };

  const binary = (minPrec: number): { v: bigint; lv?: LValue } => {
    let left = unary();
    for (;;) {
      const t = peek();
      if (!t || t.t !== 'op') break;
      const prec = BINARY[t.v];
      if (prec === undefined || prec < minPrec) break;
      pos++;
      if (t.v === '&&' || t.v === '||') {
        const short = t.v === '&&' ? left.v === 0n : left.v !== 0n;
        if (short) skip++;
        const right = binary(prec + 1);
        if (short) skip--;
        left = { v: short ? (t.v === '||' ? 1n : 0n) : right.v !== 0n ? 1n : 0n };
        continue;
      }
      const right = binary(t.v === '**' ? prec : prec + 1);
      left = { v: apply(t.v, left.v, right.v, skip > 0, rest) };
    }
    return left;
  };

  const ternary = (): { v: bigint; lv?: LValue } => {
    const cond = binary(1);
    if (!isOp('?')) return cond;
    pos++;
    if (cond.v === 0n) skip++;
    const a = assignment();
    if (cond.v === 0n) skip--;
    if (!isOp(':')) throw new ArithError("`:' expected for conditional expression", rest());
    pos++;
    if (cond.v !== 0n) skip++;
    const b = assignment();
    if (cond.v !== 0n) skip--;
    return { v: cond.v !== 0n ? a : b };
  };

  /** Is there `name [ ... ] op=` at `pos`? Looks ahead without evaluating anything. */
  const assignAhead = (): boolean => {
    const t = toks[pos];
    if (!t || t.t !== 'id') return false;
    let j = pos + 1;
    const isTok = (k: number, v: string): boolean => {
      const x = toks[k];
      return x !== undefined && x.t === 'op' && x.v === v;
    };
    if (isTok(j, '[')) {
      let d = 0;
      for (; j < toks.length; j++) {
        if (isTok(j, '[')) d++;
        else if (isTok(j, ']') && --d === 0) break;
      }
      j++;
    }
    const op = toks[j];
    return op !== undefined && op.t === 'op' && ASSIGN.has(op.v);
  };

  const assignment = (): bigint => {
    if (assignAhead()) {
      lvalueOnly = true;
      const left = primary();
      lvalueOnly = false;
      const op = toks[pos++] as { v: string };
      const rhs = assignment();
      const v = op.v === '=' ? rhs : apply(op.v.slice(0, -1), skip ? 0n : valueOf(left.lv!), rhs, skip > 0, rest);
      return assign(left.lv!, v);
    }
    return ternary().v;
  };

  const comma = (): bigint => {
    let v = assignment();
    while (isOp(',')) {
      pos++;
      v = assignment();
    }
    return v;
  };

  const result = comma();
  if (pos < toks.length) throw new ArithError('syntax error in expression', rest());
  return result;
}

function apply(op: string, a: bigint, b: bigint, skipping: boolean, rest: () => string): bigint {
  switch (op) {
    case '+': return i64(a + b);
    case '-': return i64(a - b);
    case '*': return i64(a * b);
    case '/':
    case '%':
      if (b === 0n) {
        if (skipping) return 0n;
        throw new ArithError('division by 0', rest());
      }
      if (a === -(2n ** 63n) && b === -1n) return op === '/' ? a : 0n;
      return op === '/' ? a / b : a % b;
    case '**':
      if (b < 0n) throw new ArithError('exponent less than 0', rest());
      return i64(a ** b);
    case '<<': return i64(a << (b & 63n));
    case '>>': return a >> (b & 63n);
    case '<': return a < b ? 1n : 0n;
    case '>': return a > b ? 1n : 0n;
    case '<=': return a <= b ? 1n : 0n;
    case '>=': return a >= b ? 1n : 0n;
    case '==': return a === b ? 1n : 0n;
    case '!=': return a !== b ? 1n : 0n;
    case '&': return a & b;
    case '^': return a ^ b;
    case '|': return a | b;
    default: throw new ArithError('syntax error: invalid arithmetic operator', op);
  }
}
