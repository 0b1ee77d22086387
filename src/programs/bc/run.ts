// Running bc's statements: variables, arrays and functions (with dynamic scope, as bc has:
// parameters and autos hide the caller's names until the function returns), scale, ibase,
// obase and last, and printing with bc's line wrapping. A run-time error ends the line being
// run with bc's message; bc itself goes on with the next.
import { BcError, add, compare, div, format, fromInt, isZero, length, mod, mul, neg, parseNumber, pow, sqrt, sub, toInt, ZERO, ONE, type Num } from './number';
import type { Expr, FuncDef, LValue, Stmt } from './parse';
import { MATH_FUNCTIONS, mathFunction } from './mathlib';

class Break {}
class Continue {}
class Return {
  constructor(readonly value: Num) {}
}
/** `halt` run: bc stops. */
export class Halt {}

export class RuntimeError extends Error {
  constructor(
    message: string,
    readonly at: number,
    readonly func: string,
  ) {
    super(message);
  }
}

export interface Io {
  write(text: string): void;
  warn(text: string): void;
  /** read(): a number from standard input */
  readNumber(): Promise<string | undefined>;
}

const MAX_BASE = 16;
const BC_BASE_MAX = 2147483647;
const BC_SCALE_MAX = 2147483647;

export class Bc {
  scale = 0;
  ibase = 10;
  obase = 10;
  last: Num = ZERO;
  private vars = new Map<string, Num>();
  private arrays = new Map<string, Map<bigint, Num>>();
  private funcs = new Map<string, FuncDef>();
  /** the function being run, for messages */
  private func = '(main)';
  private col = 0;
  private depth = 0;

  constructor(
    private readonly io: Io,
    private readonly lineLength: number,
  ) {}

  private mathlib = false;

  define(def: FuncDef): void {
    this.funcs.set(def.name, def);
  }

  /** -l: scale 20 and the math functions. */
  useMathLib(): void {
    this.mathlib = true;
    this.scale = 20;
  }

  // ---- output, wrapped as bc's out_char does

  out(text: string): void {
    let s = '';
    for (const ch of text) {
      if (ch === '\n') this.col = 0;
      else {
        this.col++;
        if (this.lineLength > 1 && this.col === this.lineLength - 1) {
          s += '\\\n';
          this.col = 1;
        }
      }
      s += ch;
    }
    this.io.write(s);
  }

  private fail(message: string, at: number): never {
    throw new RuntimeError(message, at, this.func);
  }

  /** Runs a top-level line; reports a run-time error and ends the line. */
  async runMain(body: Stmt[]): Promise<void> {
    this.func = '(main)';
    try {
      for (const st of body) await this.stmt(st);
    } catch (e) {
      if (e instanceof RuntimeError) {
        this.io.warn(`Runtime error (func=${e.func}, adr=${e.at}): ${e.message}\n`);
        return;
      }
      if (e instanceof Break || e instanceof Continue || e instanceof Return) return;
      throw e;
    }
  }

  private async stmt(st: Stmt): Promise<void> {
    switch (st.k) {
      case 'empty':
        return;
      case 'expr': {
        const v = await this.eval(st.e);
        if (st.print) {
          this.out(`${format(v, this.obase)}\n`);
          this.last = v;
        }
        return;
      }
      case 'str':
        this.out(st.text);
        return;
      case 'print':
        for (const item of st.items) {
          if (typeof item === 'string') this.out(printEscapes(item));
          else {
            const v = await this.eval(item);
            this.out(format(v, this.obase));
            this.last = v;
          }
        }
        return;
      case 'block':
        for (const s of st.body) await this.stmt(s);
        return;
      case 'if':
        if (!isZero(await this.eval(st.cond))) await this.stmt(st.then);
        else if (st.else) await this.stmt(st.else);
        return;
      case 'while':
        while (!isZero(await this.eval(st.cond))) {
          try {
            await this.stmt(st.body);
          } catch (e) {
            if (e instanceof Break) break;
            if (e instanceof Continue) continue;
            throw e;
          }
          await this.pause();
        }
        return;
      case 'for':
        if (st.init) await this.eval(st.init);
        for (;;) {
          if (st.cond && isZero(await this.eval(st.cond))) break;
          try {
            await this.stmt(st.body);
          } catch (e) {
            if (e instanceof Break) break;
            if (!(e instanceof Continue)) throw e;
          }
          if (st.step) await this.eval(st.step);
          await this.pause();
        }
        return;
      case 'break':
        throw new Break();
      case 'continue':
        throw new Continue();
      case 'return':
        throw new Return(st.e ? await this.eval(st.e) : ZERO);
      case 'halt':
        throw new Halt();
      case 'limits':
        this.out(`BC_BASE_MAX     = ${BC_BASE_MAX}\nBC_DIM_MAX      = 16777215\nBC_SCALE_MAX    = ${BC_SCALE_MAX}\nBC_STRING_MAX   = 2147483647\nMAX Exponent    = 9223372036854775807\nNumber of vars  = 32767\n`);
        return;
      case 'warranty':
        this.out('bc 1.07.1\nThis program comes with ABSOLUTELY NO WARRANTY; it is free software under the GNU General Public License, version 3 or later.\n');
        return;
    }
  }

  /** Long loops let the machine breathe (and Ctrl-C in) now and then. */
  private steps = 0;
  pause: () => Promise<void> | void = () => {};
  private async tick(): Promise<void> {
    if (++this.steps % 256 === 0) await this.pause();
  }

  private get(lv: LValue): Num {
    switch (lv.k) {
      case 'var':
        return this.vars.get(lv.name) ?? ZERO;
      case 'special':
        return lv.name === 'scale' ? fromInt(this.scale) : lv.name === 'ibase' ? fromInt(this.ibase) : lv.name === 'obase' ? fromInt(this.obase) : this.last;
      case 'elem':
        throw new Error('elements are read through evalIndex');
    }
  }

  private array(name: string): Map<bigint, Num> {
    let a = this.arrays.get(name);
    if (!a) {
      a = new Map();
      this.arrays.set(name, a);
    }
    return a;
  }

  /** An element's index; bc refuses negative ones and those past BC_DIM_MAX. */
  private async index(name: string, e: Expr, at: number): Promise<bigint> {
    const v = toInt(await this.eval(e));
    if (v < 0n || v > 16777215n) this.fail(`Array ${name} subscript out of bounds.`, at);
    return v;
  }


  private set(lv: LValue, v: Num, index?: bigint): void {
    switch (lv.k) {
      case 'var':
        this.vars.set(lv.name, v);
        return;
      case 'elem':
        this.array(lv.name).set(index!, v);
        return;
      case 'special': {
        if (lv.name === 'last') {
          this.last = v;
          return;
        }
        const n = toInt(v);
        if (lv.name === 'scale') {
          if (n < 0n) this.fail('negative scale', lv.at);
          this.scale = Number(n > BigInt(BC_SCALE_MAX) ? BC_SCALE_MAX : n);
        } else if (lv.name === 'ibase') {
          if (n < 2n) {
            this.io.warn(`Runtime warning (func=${this.func}, adr=${lv.at}): ibase too small, set to 2\n`);
            this.ibase = 2;
          } else if (n > BigInt(MAX_BASE)) {
            this.io.warn(`Runtime warning (func=${this.func}, adr=${lv.at}): ibase too large, set to ${MAX_BASE}\n`);
            this.ibase = MAX_BASE;
          } else this.ibase = Number(n);
        } else {
          if (n < 2n) {
            this.io.warn(`Runtime warning (func=${this.func}, adr=${lv.at}): obase too small, set to 2\n`);
            this.obase = 2;
          } else if (n > BigInt(BC_BASE_MAX)) {
            this.io.warn(`Runtime warning (func=${this.func}, adr=${lv.at}): obase too large, set to ${BC_BASE_MAX}\n`);
            this.obase = BC_BASE_MAX;
          } else this.obase = Number(n);
        }
        return;
      }
    }
  }

  private arith(op: string, a: Num, b: Num, at: number): Num {
    try {
      switch (op) {
        case '+': return add(a, b);
        case '-': return sub(a, b);
        case '*': return mul(a, b, this.scale);
        case '/': return div(a, b, this.scale);
        case '%': return mod(a, b, this.scale);
        case '^':
          if (b.s > 0 && b.n % 10n ** BigInt(b.s) !== 0n) this.io.warn(`Runtime warning (func=${this.func}, adr=${at}): non-zero scale in exponent\n`);
          return pow(a, b, this.scale);
      }
    } catch (e) {
      if (e instanceof BcError) this.fail(e.message, at);
      throw e;
    }
    throw new Error(`unknown operator ${op}`);
  }

  async eval(e: Expr): Promise<Num> {
    await this.tick();
    switch (e.k) {
      case 'num':
        return parseNumber(e.text, this.ibase);
      case 'var':
      case 'special':
        return this.get(e);
      case 'elem': {
        const i = await this.index(e.name, e.index, e.at);
        return this.array(e.name).get(i) ?? ZERO;
      }
      case 'assign': {
        const index = e.target.k === 'elem' ? await this.index(e.target.name, e.target.index, e.target.at) : undefined;
        let v = await this.eval(e.value);
        if (e.op !== '=') {
          const old = e.target.k === 'elem' ? (this.array(e.target.name).get(index!) ?? ZERO) : this.get(e.target);
          v = this.arith(e.op[0]!, old, v, e.at);
        }
        this.set(e.target, v, index);
        return e.target.k === 'special' && e.target.name !== 'last' ? this.get(e.target) : v;
      }
      case 'bin': {
        if (e.op === '&&') {
          if (isZero(await this.eval(e.l))) return ZERO;
          return isZero(await this.eval(e.r)) ? ZERO : ONE;
        }
        if (e.op === '||') {
          if (!isZero(await this.eval(e.l))) return ONE;
          return isZero(await this.eval(e.r)) ? ZERO : ONE;
        }
        const a = await this.eval(e.l);
        const b = await this.eval(e.r);
        switch (e.op) {
          case '<': return compare(a, b) < 0 ? ONE : ZERO;
          case '<=': return compare(a, b) <= 0 ? ONE : ZERO;
          case '>': return compare(a, b) > 0 ? ONE : ZERO;
          case '>=': return compare(a, b) >= 0 ? ONE : ZERO;
          case '==': return compare(a, b) === 0 ? ONE : ZERO;
          case '!=': return compare(a, b) !== 0 ? ONE : ZERO;
          default: return this.arith(e.op, a, b, e.at);
        }
      }
      case 'neg':
        return neg(await this.eval(e.e));
      case 'not':
        return isZero(await this.eval(e.e)) ? ONE : ZERO;
      case 'incdec': {
        const index = e.target.k === 'elem' ? await this.index(e.target.name, e.target.index, e.target.at) : undefined;
        const old = e.target.k === 'elem' ? (this.array(e.target.name).get(index!) ?? ZERO) : this.get(e.target);
        const v = e.op === '++' ? add(old, ONE) : sub(old, ONE);
        this.set(e.target, v, index);
        return e.prefix ? v : old;
      }
      case 'fn': {
        const v = await this.eval(e.arg);
        if (e.name === 'length') return fromInt(length(v));
        if (e.name === 'scale') return fromInt(v.s);
        try {
          return sqrt(v, this.scale);
        } catch (err) {
          if (err instanceof BcError) this.fail(err.message, e.at);
          throw err;
        }
      }
      case 'read': {
        const text = await this.io.readNumber();
        if (text === undefined || !/^-?([0-9A-Z]+\.?[0-9A-Z]*|\.[0-9A-Z]+)$/.test(text.trim())) this.fail('Read() function: not a number', e.at);
        const t = text.trim();
        return t.startsWith('-') ? neg(parseNumber(t.slice(1), this.ibase)) : parseNumber(t, this.ibase);
      }
      case 'call':
        return this.call(e);
    }
  }

  private async call(e: Extract<Expr, { k: 'call' }>): Promise<Num> {
    const f = this.funcs.get(e.name);
    if (!f && this.mathlib && MATH_FUNCTIONS.has(e.name)) {
      if (e.args.length !== (e.name === 'j' ? 2 : 1) || e.args.some((a) => 'array' in a)) this.fail('Parameter number mismatch', e.at);
      const values: Num[] = [];
      for (const a of e.args) values.push(await this.eval((a as { expr: Expr }).expr));
      return mathFunction(e.name, values, this.scale);
    }
    if (!f) this.fail(`Function ${e.name} not defined.`, e.at);
    if (f.params.length !== e.args.length) this.fail('Parameter number mismatch', e.at);
    if (++this.depth > 2000) {
      this.depth = 0;
      this.fail('Function call nesting too deep', e.at);
    }
    // arguments are evaluated in the caller's scope, then the names are bound
    const values: ({ num: Num } | { arr: Map<bigint, Num> })[] = [];
    for (let i = 0; i < f.params.length; i++) {
      const p = f.params[i]!;
      const a = e.args[i]!;
      if (p.array !== 'array' in a) this.fail('Parameter type mismatch', e.at);
      if ('array' in a) values.push({ arr: p.ref ? this.array(a.array) : new Map(this.array(a.array)) });
      else values.push({ num: await this.eval(a.expr) });
    }
    const savedVars: [string, Num | undefined][] = [];
    const savedArrays: [string, Map<bigint, Num> | undefined][] = [];
    f.params.forEach((p, i) => {
      const v = values[i]!;
      if (p.array) {
        savedArrays.push([p.name, this.arrays.get(p.name)]);
        this.arrays.set(p.name, (v as { arr: Map<bigint, Num> }).arr);
      } else {
        savedVars.push([p.name, this.vars.get(p.name)]);
        this.vars.set(p.name, (v as { num: Num }).num);
      }
    });
    for (const a of f.autos) {
      if (a.array) {
        savedArrays.push([a.name, this.arrays.get(a.name)]);
        this.arrays.set(a.name, new Map());
      } else {
        savedVars.push([a.name, this.vars.get(a.name)]);
        this.vars.set(a.name, ZERO);
      }
    }
    const caller = this.func;
    this.func = e.name;
    try {
      for (const st of f.body) await this.stmt(st);
      return ZERO;
    } catch (err) {
      if (err instanceof Return) return err.value;
      throw err;
    } finally {
      this.depth--;
      this.func = caller;
      for (const [n, v] of savedVars.reverse()) {
        if (v === undefined) this.vars.delete(n);
        else this.vars.set(n, v);
      }
      for (const [n, v] of savedArrays.reverse()) {
        if (v === undefined) this.arrays.delete(n);
        else this.arrays.set(n, v);
      }
    }
  }
}

/** The escapes of bc's print statement: \a \b \f \n \q (") \r \t \\ ; others print as written. */
function printEscapes(s: string): string {
  return s.replace(/\\(.?)/gs, (m, c: string) => {
    switch (c) {
      case 'a': return '\x07';
      case 'b': return '\b';
      case 'f': return '\f';
      case 'n': return '\n';
      case 'q': return '"';
      case 'r': return '\r';
      case 't': return '\t';
      case '\\': return '\\';
      case 'e': return '\\';
      default: return m;
    }
  });
}
