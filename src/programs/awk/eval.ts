// Expression evaluation. Expressions without user function calls, getline, system(), close()
// or fflush() are "pure" and evaluated synchronously; the others go through evalAsync, which
// evaluates the impure parts first and then the node itself with the sync code.
import { G, type ArithOp, type Expr, type LValue, type VarRef } from './ast';
import { builtinSync, sortArrays } from './builtins';
import { orderFor, sortArrayBy } from './sort';
import { isLValue } from './parse-expr';
import { compileRegex, type AwkRegex } from './regex';
import { markScalar, type Runtime } from './runtime';
import { AwkArray, compare, NEG_NAN, StrNum, subscript, toBool, TypedRegex, UNINIT, type Value } from './values';

const IMPURE_BUILTINS = new Set(['system', 'close', 'fflush']);
const pureCache = new WeakMap<Expr, boolean>();

function lvChildren(lv: LValue): Expr[] {
  return lv.k === 'elem' ? [...(lv.path ?? []).flat(), ...lv.subs] : lv.k === 'field' ? [lv.index] : [];
}

/** The expressions a node evaluates, in order; an lvalue contributes its subscripts. */
function children(e: Expr): Expr[] {
  switch (e.k) {
    case 'num': case 'str': case 'regex': case 'typedre': case 'var': return [];
    case 'elem': return lvChildren(e);
    case 'field': return [e.index];
    case 'assign': return [...lvChildren(e.target), e.value];
    case 'cond': return [e.test, e.yes, e.no];
    case 'and': case 'or': case 'concat': case 'arith': case 'cmp': return [e.a, e.b];
    case 'in': return [...(e.path ?? []).flat(), ...e.subs];
    case 'match': return [e.a, e.re];
    case 'neg': case 'plus': case 'not': return [e.a];
    case 'incdec': return lvChildren(e.target);
    case 'call': return e.args;
    case 'builtin': return e.args.flatMap((a) => (isLValue(a) ? lvChildren(a) : [a]));
    case 'getline': return [...(e.target ? lvChildren(e.target) : []), ...(e.file ? [e.file] : []), ...(e.cmd ? [e.cmd] : [])];
    case 'group': return [e.e];
    case 'list': return e.items;
  }
}

export function isPure(e: Expr): boolean {
  let p = pureCache.get(e);
  if (p === undefined) {
    if (e.k === 'call' || e.k === 'getline' || (e.k === 'builtin' && (IMPURE_BUILTINS.has(e.name) || userSorted(e)))) p = false;
    else p = children(e).every(isPure);
    pureCache.set(e, p);
  }
  return p;
}

export type Ev = (e: Expr) => Value;

/** asort/asorti with a third argument: it may name a function of the program to compare with. */
function userSorted(e: Extract<Expr, { k: 'builtin' }>): boolean {
  return (e.name === 'asort' || e.name === 'asorti') && e.args.length === 3;
}

export function subscriptKey(rt: Runtime, subs: Expr[], ev: Ev): string {
  const conv = rt.convfmt();
  if (subs.length === 1) return subscript(ev(subs[0]!), conv);
  const sep = rt.subsep();
  return subs.map((s) => subscript(ev(s), conv)).join(sep);
}

/** The regex an argument stands for: a /literal/ as is, anything else as a dynamic regex. */
export function regexOf(rt: Runtime, e: Expr, ev: Ev): AwkRegex {
  if (e.k === 'regex' || e.k === 'typedre') return compileRegex(e.re, rt.ignoreCase());
  return rt.regex(rt.str(ev(e)));
}

/** x ^ y as gawk computes it: integer exponents by repeated squaring. */
export function power(x: number, y: number): number {
  if (Number.isInteger(y) && Math.abs(y) < 2 ** 31) {
    let n = Math.abs(y);
    let result = 1;
    let base = x;
    while (n > 0) {
      if (n & 1) result *= base;
      base *= base;
      n = Math.floor(n / 2);
    }
    return y < 0 ? 1 / result : result;
  }
  const r = Math.pow(x, y);
  // an invalid power (a negative base, a fractional exponent) is the x86 default NaN: -nan
  return Number.isNaN(r) && !Number.isNaN(x) && !Number.isNaN(y) ? NEG_NAN : r;
}

export function arith(rt: Runtime, op: ArithOp, x: number, y: number, assign = false): number {
  switch (op) {
    case '+': return x + y;
    case '-': return x - y;
    case '*': return x * y;
    case '/':
      if (y === 0) rt.fatal(assign ? "division by zero attempted in `/='" : 'division by zero attempted');
      return x / y;
    case '%':
      if (y === 0) rt.fatal(assign ? "division by zero attempted in `%='" : "division by zero attempted in `%'");
      return x % y;
    case '^': return power(x, y);
  }
}

/** A resolved assignment target; an element knows its name (a["x"]["y"]) for messages. */
export type Loc = { k: 'var'; ref: VarRef } | { k: 'elem'; arr: AwkArray; key: string; name: string } | { k: 'field'; i: number };

export const SCALAR_AS_ARRAY = 'attempt to use a scalar value as array';

/** The array an element holds, made there when the element is new or untyped. */
export function subArray(rt: Runtime, arr: AwkArray, key: string, name: string, scalarMsg?: string): AwkArray {
  const v = arr.get(key);
  if (v instanceof AwkArray) return v;
  if (v !== undefined && v !== UNINIT) rt.fatal(scalarMsg ?? `attempt to use scalar \`${name}' as an array`);
  const sub = new AwkArray();
  arr.set(key, sub as unknown as Value);
  return sub;
}

/**
 * The array named by a variable and the subscripts of `path` (a, a[i], a[i][j]...);
 * `lastMsg` is the complaint when the last of them holds a scalar (`in` and for-in have theirs).
 */
export function arrayAt(rt: Runtime, ref: VarRef, path: Expr[][] | undefined, ev: Ev, lastMsg?: string): { arr: AwkArray; name: string } {
  let arr = rt.array(ref);
  let name = ref.name;
  path?.forEach((subs, i) => {
    const key = subscriptKey(rt, subs, ev);
    name += `["${key}"]`;
    arr = subArray(rt, arr, key, name, i === path.length - 1 ? lastMsg : undefined);
  });
  return { arr, name };
}

export function resolve(rt: Runtime, lv: LValue, ev: Ev): Loc {
  if (lv.k === 'var') return lv;
  if (lv.k === 'elem') {
    const { arr, name } = arrayAt(rt, lv.arr, lv.path, ev);
    const key = subscriptKey(rt, lv.subs, ev);
    return { k: 'elem', arr, key, name: `${name}["${key}"]` };
  }
  return { k: 'field', i: rt.num(ev(lv.index)) };
}

export function load(rt: Runtime, loc: Loc): Value {
  if (loc.k === 'var') return rt.get(loc.ref);
  if (loc.k === 'elem') {
    const v = loc.arr.get(loc.key);
    if (rt.lint && v === undefined) rt.lintWarn(`reference to uninitialized element \`${loc.name}'`);
    if (v === undefined) {
      loc.arr.set(loc.key, UNINIT);
      return UNINIT;
    }
    if (v instanceof AwkArray) rt.fatal(`attempt to use array \`${loc.name}' in a scalar context`);
    return v;
  }
  return rt.field(loc.i);
}

export function store(rt: Runtime, loc: Loc, v: Value): void {
  if (loc.k === 'var') rt.set(loc.ref, v);
  else if (loc.k === 'elem') {
    if (loc.arr.get(loc.key) instanceof AwkArray) rt.fatal(`attempt to use array \`${loc.name}' in a scalar context`);
    loc.arr.set(loc.key, v);
  } else rt.setField(loc.i, v);
}

export function evalSync(rt: Runtime, e: Expr, pre?: Map<Expr, Value>): Value {
  const ev: Ev = pre
    ? (c) => {
        const v = pre.get(c);
        return v !== undefined ? v : evalSync(rt, c);
      }
    : (c) => evalSync(rt, c);
  switch (e.k) {
    case 'num': return e.v;
    case 'str': return e.v;
    case 'regex': return compileRegex(e.re, rt.ignoreCase()).test(rt.rec.record) ? 1 : 0;
    case 'typedre': return new TypedRegex(e.re);
    case 'var': return rt.get(e.ref);
    case 'elem':
    case 'field': return load(rt, resolve(rt, e, ev));
    case 'assign': {
      const loc = resolve(rt, e.target, ev);
      if (e.op === '=') {
        const v = ev(e.value);
        store(rt, loc, v);
        return v;
      }
      // gawk evaluates the right side first: x += x++ sees the incremented x
      const rhs = rt.num(ev(e.value));
      const cur = rt.num(load(rt, loc));
      const v = arith(rt, e.op[0] as ArithOp, cur, rhs, true);
      store(rt, loc, v);
      return v;
    }
    case 'cond': return toBool(ev(e.test)) ? ev(e.yes) : ev(e.no);
    case 'and': return toBool(ev(e.a)) && toBool(ev(e.b)) ? 1 : 0;
    case 'or': return toBool(ev(e.a)) || toBool(ev(e.b)) ? 1 : 0;
    case 'in': {
      const { arr } = arrayAt(rt, e.arr, e.path, ev, SCALAR_AS_ARRAY);
      const key = subscriptKey(rt, e.subs, ev);
      return arr.has(key) ? 1 : 0;
    }
    case 'match': {
      const s = rt.str(ev(e.a));
      const hit = regexOf(rt, e.re, ev).test(s);
      return hit !== e.neg ? 1 : 0;
    }
    case 'cmp': {
      const c = compare(ev(e.a), ev(e.b), rt.convfmt());
      switch (e.op) {
        case '<': return c < 0 ? 1 : 0;
        case '<=': return c <= 0 ? 1 : 0;
        case '==': return c === 0 ? 1 : 0;
        case '!=': return c !== 0 ? 1 : 0;
        case '>': return c > 0 ? 1 : 0;
        case '>=': return c >= 0 ? 1 : 0;
      }
      break;
    }
    case 'concat': {
      const a = rt.str(ev(e.a));
      return a + rt.str(ev(e.b));
    }
    case 'arith': {
      if (rt.lint && e.op === '+') {
        const a = ev(e.a);
        const b = ev(e.b);
        if (typeof a === 'string' && typeof b === 'string') rt.lintWarn("operator `+' used on two string values");
        return arith(rt, e.op, rt.num(a), rt.num(b));
      }
      const x = rt.num(ev(e.a));
      return arith(rt, e.op, x, rt.num(ev(e.b)));
    }
    case 'neg': return -rt.num(ev(e.a));
    case 'plus': return rt.num(ev(e.a));
    case 'not': return toBool(ev(e.a)) ? 0 : 1;
    case 'incdec': {
      const loc = resolve(rt, e.target, ev);
      const old = rt.num(load(rt, loc));
      const v = old + e.delta;
      store(rt, loc, v);
      return e.prefix ? v : old;
    }
    case 'builtin': return builtinSync(rt, e.name, e.args, ev);
    case 'group': return ev(e.e);
    case 'list': return rt.fatal('internal error: list outside `in`');
    case 'call':
    case 'getline':
      return rt.fatal(`internal error: ${e.k} evaluated synchronously`);
  }
  return UNINIT;
}

/** Evaluates any expression; pure ones without a promise. */
export function evaluate(rt: Runtime, e: Expr): Value | Promise<Value> {
  return isPure(e) ? evalSync(rt, e) : evalAsync(rt, e);
}

async function evalAsync(rt: Runtime, e: Expr): Promise<Value> {
  switch (e.k) {
    case 'and':
      return toBool(await evaluate(rt, e.a)) && toBool(await evaluate(rt, e.b)) ? 1 : 0;
    case 'or':
      return toBool(await evaluate(rt, e.a)) || toBool(await evaluate(rt, e.b)) ? 1 : 0;
    case 'cond':
      return toBool(await evaluate(rt, e.test)) ? evaluate(rt, e.yes) : evaluate(rt, e.no);
    case 'group':
      return evaluate(rt, e.e);
    case 'call':
      return rt.call(e);
    case 'getline':
      return evalGetline(rt, e);
    case 'builtin':
      if (IMPURE_BUILTINS.has(e.name)) return ioBuiltin(rt, e.name, e.args);
      if (userSorted(e)) {
        const how = rt.str(await evaluate(rt, e.args[2]!));
        if (how !== '' && how !== '@unsorted' && !orderFor(how, rt.convfmt())) {
          const ev: Ev = (x) => evalSync(rt, x);
          const { src, dest } = sortArrays(rt, e.name, e.args, ev);
          return sortArrayBy(rt, src, dest, e.name === 'asorti', how);
        }
      }
      break;
    default:
      break;
  }
  const pre = new Map<Expr, Value>();
  for (const c of children(e)) if (!isPure(c)) pre.set(c, await evaluate(rt, c));
  return evalSync(rt, e, pre);
}

async function ioBuiltin(rt: Runtime, name: string, args: Expr[]): Promise<Value> {
  const vals: string[] = [];
  for (const a of args) vals.push(rt.str(await evaluate(rt, a)));
  switch (name) {
    case 'system':
      if (rt.sandbox) rt.fatal("'system' function not allowed in sandbox mode");
      return rt.io.system(vals[0]!);
    case 'close': {
      const how = vals[1]?.toLowerCase();
      if (how !== undefined && how !== 'to' && how !== 'from') rt.fatal("close: second argument must be `to' or `from'");
      const wasOpen = rt.io.isOpen(vals[0]!);
      const r = await rt.io.close(vals[0]!, how as 'to' | 'from' | undefined);
      if (r === -1 && rt.lint && !wasOpen) rt.lintWarn(`close: \`${vals[0]}' is not an open file, pipe or co-process`);
      return r;
    }
    default: {
      const target = vals.length === 0 || vals[0] === '' ? undefined : vals[0]!;
      const r = await rt.io.flush(target);
      if (r === -1 && target !== undefined) await rt.warn(`fflush: \`${target}' is not an open file, pipe or co-process`);
      if (r < -1) await rt.warn(`fflush: cannot flush: ${r === -2 ? 'file' : 'pipe'} \`${target}' opened for reading, not writing`);
      return r < 0 ? -1 : r;
    }
  }
}

async function evalGetline(rt: Runtime, e: Extract<Expr, { k: 'getline' }>): Promise<Value> {
  let r: { rec: string; rt: string } | null | 'error';
  // the variable is a scalar from now on, read or not
  if (e.target?.k === 'var') markScalar(rt.cell(e.target.ref));
  if (e.cmd || e.file) {
    const name = rt.str(await evaluate(rt, (e.cmd ?? e.file)!));
    if (rt.sandbox) rt.fatal('redirection not allowed in sandbox mode');
    const reader = await rt.io.input(name, e.coproc ? 'co' : e.cmd !== undefined ? 'cmd' : 'file');
    if (!reader) {
      rt.setErrno(rt.io.openError);
      return -1;
    }
    const { rs, re } = rsInfo(rt);
    try {
      r = await reader.read(rs, re);
    } catch {
      return -1;
    }
  } else {
    r = await rt.mainNext();
    if (r === 'error') return -1;
    if (r) {
      rt.globals[G.NR]!.v = rt.num(rt.globals[G.NR]!.v) + 1;
      rt.globals[G.FNR]!.v = rt.num(rt.globals[G.FNR]!.v) + 1;
    }
  }
  if (!r) return 0;
  rt.globals[G.RT]!.v = r.rt;
  if (e.target) {
    const target = e.target;
    const pre = new Map<Expr, Value>();
    for (const c of lvChildren(target)) pre.set(c, await evaluate(rt, c));
    store(rt, resolve(rt, target, (c) => pre.get(c) ?? evalSync(rt, c)), rt.input(r.rec));
  } else rt.setRecord(r.rec);
  return 1;
}

/** RS as the readers use it: one character, "" (paragraphs), or a regex. */
export function rsInfo(rt: Runtime): { rs: string; re: AwkRegex | undefined } {
  const rs = rt.str(rt.globals[G.RS]!.v);
  return { rs, re: rs.length > 1 ? rt.regex(rs) : undefined };
}
