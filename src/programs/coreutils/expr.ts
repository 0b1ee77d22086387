import { defineProgram, usageError } from '../define';
import { compileBre } from '../lib/bre';
import { SafeRegExp } from '../lib/safe-regex';
import { coreutilsHelpFooter, coreutilsVersion } from '../lib/gnu';
import { quotearg } from '../lib/quotearg';

const EXPR_INVALID = 2;

const spec = {
  name: 'expr',
  installPath: '/usr/bin/expr',
  pkg: 'coreutils',
  usageStatus: EXPR_INVALID,
  exitFailure: 3,
  usage: 'expr EXPRESSION\nexpr OPTION',
  help: `Evaluate EXPRESSION and print its value. Each operator and operand is a
separate argument; quote the ones the shell would interpret.

      --help     show this help text and exit
      --version  show the version and exit

From loosest to tightest binding:
  ARG1 | ARG2       ARG1 unless it is null or 0, else ARG2
  ARG1 & ARG2       ARG1 unless either is null or 0, else 0
  ARG1 < ARG2  (and <=, =, ==, !=, >=, >)  compare numbers or strings: 1 or 0
  ARG1 + ARG2, ARG1 - ARG2                 integer sum and difference
  ARG1 * ARG2, ARG1 / ARG2, ARG1 % ARG2    product, quotient, remainder
  STRING : REGEXP   anchored match of a basic regular expression: the text of
                    the first \\( \\) group, or the number of characters matched
  match STRING REGEXP, substr STRING POS LENGTH, index STRING CHARS,
  length STRING, + TOKEN (TOKEN as a string), ( EXPRESSION )

Exit status: 0 if EXPRESSION is neither null nor 0, 1 if it is, 2 if it is
invalid, 3 if an error occurred.
${coreutilsHelpFooter('expr')}`,
  version: coreutilsVersion('expr', ['Mike Parker', 'James Youngman', 'Paul Eggert']),
};

type Value = bigint | string;

class ExprError extends Error {
  constructor(message: string, readonly status = EXPR_INVALID) {
    super(message);
  }
}

const lq = (s: string): string => quotearg(s, { style: 'locale' });
const looksLikeInteger = (s: string): boolean => /^-?\d+$/.test(s);
const str = (v: Value): string => (typeof v === 'bigint' ? v.toString() : v);

function isNull(v: Value): boolean {
  if (typeof v === 'bigint') return v === 0n;
  return v === '' || /^-?0+$/.test(v);
}

function toArith(v: Value): bigint | undefined {
  if (typeof v === 'bigint') return v;
  return looksLikeInteger(v) ? BigInt(v) : undefined;
}

class Parser {
  private i = 0;
  constructor(private readonly args: string[]) {}

  get done(): boolean {
    return this.i >= this.args.length;
  }

  get current(): string | undefined {
    return this.args[this.i];
  }

  private next(s: string): boolean {
    if (this.args[this.i] === s) {
      this.i++;
      return true;
    }
    return false;
  }

  private requireMore(): void {
    if (this.done) throw new ExprError(`syntax error: missing argument after ${lq(this.args[this.i - 1]!)}`);
  }

  eval(ev: boolean): Value {
    let l = this.eval1(ev);
    while (this.next('|')) {
      const r = this.eval1(ev && isNull(l));
      if (isNull(l)) l = isNull(r) ? 0n : r;
    }
    return l;
  }

  private eval1(ev: boolean): Value {
    let l = this.eval2(ev);
    while (this.next('&')) {
      const r = this.eval2(ev && !isNull(l));
      if (isNull(l) || isNull(r)) l = 0n;
    }
    return l;
  }

  private eval2(ev: boolean): Value {
    let l = this.eval3(ev);
    for (;;) {
      const op = ['<', '<=', '=', '==', '!=', '>=', '>'].find((o) => this.current === o);
      if (op === undefined) return l;
      this.i++;
      const r = this.eval3(ev);
      let val = false;
      if (ev) {
        const a = str(l);
        const b = str(r);
        let cmp: number;
        if (looksLikeInteger(a) && looksLikeInteger(b)) {
          const x = BigInt(a);
          const y = BigInt(b);
          cmp = x < y ? -1 : x > y ? 1 : 0;
        } else cmp = a < b ? -1 : a > b ? 1 : 0;
        val = op === '<' ? cmp < 0 : op === '<=' ? cmp <= 0 : op === '=' || op === '==' ? cmp === 0 : op === '!=' ? cmp !== 0 : op === '>=' ? cmp >= 0 : cmp > 0;
      }
      l = val ? 1n : 0n;
    }
  }

  private eval3(ev: boolean): Value {
    let l = this.eval4(ev);
    for (;;) {
      const plus = this.next('+');
      if (!plus && !this.next('-')) return l;
      const r = this.eval4(ev);
      if (ev) {
        const a = toArith(l);
        const b = toArith(r);
        if (a === undefined || b === undefined) throw new ExprError('non-integer argument');
        l = plus ? a + b : a - b;
      }
    }
  }

  private eval4(ev: boolean): Value {
    let l = this.eval5(ev);
    for (;;) {
      const op = ['*', '/', '%'].find((o) => this.current === o);
      if (op === undefined) return l;
      this.i++;
      const r = this.eval5(ev);
      if (ev) {
        const a = toArith(l);
        const b = toArith(r);
        if (a === undefined || b === undefined) throw new ExprError('non-integer argument');
        if (op !== '*' && b === 0n) throw new ExprError('division by zero');
        // BigInt division and remainder truncate toward zero, like mpz_tdiv_q/r
        l = op === '*' ? a * b : op === '/' ? a / b : a % b;
      }
    }
  }

  private eval5(ev: boolean): Value {
    let l = this.eval6(ev);
    while (this.next(':')) {
      const r = this.eval6(ev);
      if (ev) l = docolon(l, r);
    }
    return l;
  }

  private eval6(ev: boolean): Value {
    if (this.next('+')) {
      this.requireMore();
      return this.args[this.i++]!;
    }
    if (this.next('length')) return BigInt(str(this.eval6(ev)).length);
    if (this.next('match')) {
      const l = this.eval6(ev);
      const r = this.eval6(ev);
      return ev ? docolon(l, r) : l;
    }
    if (this.next('index')) {
      const s = str(this.eval6(ev));
      const chars = str(this.eval6(ev));
      if (chars === '') return 0n;
      for (let k = 0; k < s.length; k++) if (chars.includes(s[k]!)) return BigInt(k + 1);
      return 0n;
    }
    if (this.next('substr')) {
      const s = str(this.eval6(ev));
      const p = toArith(this.eval6(ev));
      const n = toArith(this.eval6(ev));
      if (p === undefined || n === undefined || p < 1n || n < 1n || p > BigInt(s.length)) return '';
      const start = Number(p) - 1;
      return n > BigInt(s.length) ? s.slice(start) : s.slice(start, start + Number(n));
    }
    return this.eval7(ev);
  }

  private eval7(ev: boolean): Value {
    this.requireMore();
    if (this.next('(')) {
      const v = this.eval(ev);
      if (this.done) throw new ExprError(`syntax error: expecting ')' after ${lq(this.args[this.i - 1]!)}`);
      if (!this.next(')')) throw new ExprError(`syntax error: expecting ')' instead of ${lq(this.args[this.i]!)}`);
      return v;
    }
    if (this.next(')')) throw new ExprError("syntax error: unexpected ')'");
    return this.args[this.i++]!;
  }
}

function docolon(sv: Value, pv: Value): Value {
  const s = str(sv);
  const compiled = compileBre(str(pv));
  if ('error' in compiled) throw new ExprError(compiled.error);
  // the longest match at the start, in time linear in the text whatever the pattern
  const m = new SafeRegExp(compiled.re.source).exec(s);
  if (compiled.nsub > 0) return m?.groups[0] ?? '';
  return m ? BigInt(m.end - m.index) : 0n;
}

export default defineProgram({
  ...spec,
  async main(ctx, { operands }) {
    let args = operands;
    // only --help and --version, and only as the sole argument (parse_long_options)
    const long = args.length === 1 && /^--[a-z]+$/.test(args[0]!) ? ['help', 'version'].find((w) => w.startsWith(args[0]!.slice(2))) : undefined;
    if (long !== undefined) {
      await ctx.print(long === 'help' ? `Usage: ${spec.usage.replace(/\n/g, '\n  or:  ')}\n${spec.help}\n` : `${spec.version}\n`);
      return 0;
    }
    if (args[0] === '--') args = args.slice(1);
    if (args.length === 0) return usageError(ctx, spec, 'missing operand');
    const p = new Parser(args);
    try {
      const v = p.eval(true);
      if (!p.done) throw new ExprError(`syntax error: unexpected argument ${lq(p.current!)}`);
      await ctx.print(`${str(v)}\n`);
      return isNull(v) ? 1 : 0;
    } catch (e) {
      if (!(e instanceof ExprError)) throw e;
      await ctx.error(e.message);
      return e.status;
    }
  },
});
