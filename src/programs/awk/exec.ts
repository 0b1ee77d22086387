// Running statements, user functions and the program: BEGIN, the record loop with patterns
// and ranges, BEGINFILE/ENDFILE, END, exit, next and nextfile.
import { G, type CallExpr, type Expr, type Rule, type Stmt, type VarRef } from './ast';
import { Profile } from './profile';
import { AwkFatal, ExitSignal, NEXT, NEXTFILE, NextFileSignal, NextSignal } from './errors';
import { arrayAt, SCALAR_AS_ARRAY, evaluate, evalSync, isPure, regexOf, resolve, store } from './eval';
import { awkSprintf, FormatError } from './format';
import { MainInput } from './input';
import { BUILTINS } from './lexer';
import { ARG_COUNTS } from './parse-expr';
import type { OutStream } from './io';
import { arrayCell, newCell, type Cell, type Runtime } from './runtime';
import { orderFor, sortByFunction } from './sort';
import { AwkArray, forInKey, StrNum, subscript, toBool, UNINIT, type Value } from './values';

const NORMAL = 0;
const BREAK = 1;
const CONTINUE = 2;
const RETURN = 3;
type Flow = 0 | 1 | 2 | 3;

export class Executor {
  private retVal: Value = UNINIT;
  private readonly input: MainInput;
  private readonly ranges = new Map<Rule, boolean>();

  /** The kind of rule running (`next` and `nextfile` are fatal in some). */
  private ruleKind: Rule['kind'] = 'BEGIN';

  constructor(private readonly rt: Runtime) {
    rt.call = (c) => this.callUser(c);
    rt.compare = (fn, a, b) => this.invoke(fn, [newCell(rt.input(a[0]), true), newCell(a[1], true), newCell(rt.input(b[0]), true), newCell(b[1], true)]);
    this.input = new MainInput(rt, {
      beginFile: async () => {
        if (rt.inplace) await rt.inplace.beginFile();
        await this.runRules('BEGINFILE');
      },
      endFile: () => this.runRules('ENDFILE'),
      hasBeginFile: rt.inplace !== undefined || rt.prog.rules.some((r) => r.kind === 'BEGINFILE'),
      hasEndFile: rt.prog.rules.some((r) => r.kind === 'ENDFILE'),
    });
    rt.mainNext = () => this.input.next();
  }

  /** A condition's truth (lint: warns of a plain assignment there, each time it runs). */
  private async test(e: Expr): Promise<boolean> {
    const yes = toBool(await this.value(e));
    if (this.rt.lint && e.k === 'assign' && e.op === '=') this.rt.lintWarn('assignment used in conditional context');
    return yes;
  }

  private value(e: Expr): Value | Promise<Value> {
    return evaluate(this.rt, e);
  }

  private async tick(): Promise<void> {
    const t = this.rt.ctx.sys.tick();
    if (t) await t;
  }

  async block(body: Stmt[]): Promise<Flow> {
    for (const s of body) {
      const f = await this.exec(s);
      if (f !== NORMAL) return f;
    }
    return NORMAL;
  }

  private async output(s: Extract<Stmt, { k: 'print' | 'printf' }>): Promise<OutStream> {
    if (!s.redir) return this.rt.io.stdout;
    const name = this.rt.str(await this.value(s.redir.target));
    if (this.rt.sandbox) this.rt.fatal('redirection not allowed in sandbox mode');
    return this.rt.io.output(s.redir.mode, name);
  }

  async exec(s: Stmt): Promise<Flow> {
    const rt = this.rt;
    rt.line = s.line;
    rt.src = s.src;
    if (rt.profile) Profile.bump(rt.profile.stmts, s);
    if (rt.pending.length) await rt.drainWarnings();
    switch (s.k) {
      case 'expr':
        if (isPure(s.e)) evalSync(rt, s.e);
        else await evaluate(rt, s.e);
        return NORMAL;
      case 'print': {
        let text: string;
        if (s.args.length === 0) {
          if (rt.lint && !rt.recordSeen) rt.lintWarn("reference to uninitialized field `$0'");
          text = rt.rec.record;
        }
        else if (s.args.length === 1) text = rt.outStr(await this.value(s.args[0]!));
        else {
          const ofs = rt.str(rt.globals[G.OFS]!.v);
          const parts: string[] = [];
          for (const a of s.args) parts.push(rt.outStr(await this.value(a)));
          text = parts.join(ofs);
        }
        const out = await this.output(s);
        if (rt.pending.length) await rt.drainWarnings();
        await out.write(text + rt.str(rt.globals[G.ORS]!.v));
        return NORMAL;
      }
      case 'printf': {
        if (s.args.length === 0) rt.fatal('printf: no arguments');
        const vals: Value[] = [];
        for (const a of s.args) vals.push(await this.value(a));
        let text: string;
        try {
          text = awkSprintf(rt.str(vals[0]!), vals.slice(1), { convfmt: rt.convfmt(), bytes: rt.codec.bytes, mode: rt.mode });
        } catch (e) {
          if (e instanceof FormatError) rt.fatal(e.message);
          throw e;
        }
        const out = await this.output(s);
        if (rt.pending.length) await rt.drainWarnings();
        await out.write(text, 'printf');
        return NORMAL;
      }
      case 'block':
        return this.block(s.body);
      case 'if':
        if (await this.test(s.test)) return this.exec(s.then);
        return s.else ? this.exec(s.else) : NORMAL;
      case 'while':
        while (await this.test(s.test)) {
          await this.tick();
          const f = await this.exec(s.body);
          if (f === BREAK) break;
          if (f === RETURN) return f;
        }
        return NORMAL;
      case 'do':
        do {
          await this.tick();
          const f = await this.exec(s.body);
          if (f === BREAK) break;
          if (f === RETURN) return f;
        } while (await this.test(s.test));
        return NORMAL;
      case 'for':
        if (s.init) await this.value(s.init);
        while (!s.test || (await this.test(s.test))) {
          await this.tick();
          const f = await this.exec(s.body);
          if (f === BREAK) break;
          if (f === RETURN) return f;
          if (s.step) await this.value(s.step);
        }
        return NORMAL;
      case 'forin': {
        const arr = s.path ? await this.arrayAt(s.arr, s.path, SCALAR_AS_ARRAY) : rt.array(s.arr);
        for (const key of await this.keys(arr)) {
          await this.tick();
          if (!arr.has(key)) continue;
          store(rt, resolve(rt, s.key, (e) => evalSync(rt, e)), forInKey(key));
          const f = await this.exec(s.body);
          if (f === BREAK) break;
          if (f === RETURN) return f;
        }
        return NORMAL;
      }
      case 'switch': {
        const v = await this.value(s.e);
        let i = s.cases.findIndex((c) => c.value !== undefined && this.caseMatches(v, c.value));
        if (i < 0) i = s.cases.findIndex((c) => c.value === undefined);
        if (i < 0) return NORMAL;
        for (; i < s.cases.length; i++) {
          const f = await this.block(s.cases[i]!.body);
          if (f === BREAK) return NORMAL;
          if (f !== NORMAL) return f;
        }
        return NORMAL;
      }
      case 'break':
        return BREAK;
      case 'continue':
        return CONTINUE;
      case 'next':
        if (this.ruleKind !== 'main') rt.fatal(`\`next' cannot be called from a \`${this.ruleKind}' rule`);
        throw NEXT;
      case 'nextfile':
        if (this.ruleKind !== 'main' && this.ruleKind !== 'BEGINFILE') rt.fatal(`\`nextfile' cannot be called from a \`${this.ruleKind}' rule`);
        throw NEXTFILE;
      case 'exit':
        throw new ExitSignal(s.e ? Math.trunc(this.rt.num(await this.value(s.e))) : undefined);
      case 'return':
        this.retVal = s.e ? await this.value(s.e) : UNINIT;
        return RETURN;
      case 'delete': {
        const arr = s.path ? await this.arrayAt(s.arr, s.path) : rt.array(s.arr);
        if (!s.subs) arr.clear();
        else {
          const vals: Value[] = [];
          for (const e of s.subs) vals.push(await this.value(e));
          const conv = rt.convfmt();
          arr.delete(vals.map((v) => subscript(v, conv)).join(rt.subsep()));
        }
        return NORMAL;
      }
      case 'empty':
        return NORMAL;
    }
  }

  /** The array a[i][j]... names, its subscripts evaluated first (they may call functions). */
  private async arrayAt(ref: VarRef, path: Expr[][], lastMsg?: string): Promise<AwkArray> {
    const pre = new Map<Expr, Value>();
    for (const e of path.flat()) pre.set(e, await this.value(e));
    return arrayAt(this.rt, ref, path, (e) => pre.get(e) ?? evalSync(this.rt, e), lastMsg).arr;
  }

  private caseMatches(v: Value, c: Expr): boolean {
    if (c.k === 'regex') return regexOf(this.rt, c, () => UNINIT).test(this.rt.str(v));
    if (c.k === 'num') return typeof v === 'number' || (v instanceof StrNum && v.looksNumeric()) ? this.rt.num(v) === c.v : this.rt.str(v) === this.rt.str(c.v);
    return this.rt.str(v) === (c.k === 'str' ? c.v : '');
  }

  /** The keys for `for (k in a)`: PROCINFO["sorted_in"] order, or insertion order. */
  private async keys(arr: AwkArray): Promise<string[]> {
    const sortedIn = this.rt.globals[G.PROCINFO]!.a?.get('sorted_in');
    if (sortedIn === undefined) return arr.order();
    const how = this.rt.str(sortedIn);
    const cmp = orderFor(how, this.rt.convfmt());
    if (cmp) return [...arr.entries()].sort(cmp).map(([k]) => k);
    // an empty name or @unsorted leaves the order alone; any other must be a function of the program
    if (how === '' || how === '@unsorted') return arr.order();
    return (await sortByFunction(this.rt, how, [...arr.entries()])).map(([k]) => k);
  }

  private async invoke(name: string, cells: Cell[]): Promise<Value> {
    const fn = this.rt.prog.funcs.get(name)!;
    if (this.rt.profile) Profile.bump(this.rt.profile.calls, name);
    while (cells.length < fn.params.length) cells.push(newCell());
    const { line, src } = this.rt;
    await this.tick();
    this.rt.frames.push(cells.slice(0, fn.params.length));
    if (this.rt.frames.length > 50000) this.rt.fatal('function call nesting too deep');
    let fatal = false;
    try {
      this.retVal = UNINIT;
      const f = await this.block(fn.body);
      const v = f === RETURN ? this.retVal : UNINIT;
      this.retVal = UNINIT;
      return v;
    } catch (e) {
      // a fatal error is told at the line in the function where it happened
      fatal = e instanceof AwkFatal;
      throw e;
    } finally {
      this.rt.frames.pop();
      if (!fatal) {
        this.rt.line = line;
        this.rt.src = src;
      }
    }
  }

  async callUser(c: CallExpr): Promise<Value> {
    const rt = this.rt;
    if (c.indirect) {
      const name = rt.str(rt.get(c.indirect));
      if (!rt.prog.funcs.has(name)) {
        if (BUILTINS.has(name)) {
          indirectArgs(rt, name, c.args.length);
          return evaluate(rt, { k: 'builtin', name, args: c.args });
        }
        rt.fatal(`\`${name}' is not a function, so it cannot be called indirectly`);
      }
      if (c.args.length > rt.prog.funcs.get(name)!.params.length) await rt.warn(`function \`${name}' called with more arguments than declared`);
      c = { ...c, name, indirect: undefined };
    }
    const fn = rt.prog.funcs.get(c.name)!;
    const cells: Cell[] = [];
    for (const a of c.args) {
      if (a.k === 'var' && !(a.ref.slot === G.NF && !a.ref.local)) {
        const cell = rt.cell(a.ref);
        if (cell.a) cells.push(arrayCell(cell.a));
        else if (!cell.scalar && cell.v === UNINIT) cells.push({ v: UNINIT, a: undefined, scalar: false, ref: cell });
        else cells.push(newCell(cell.v, true));
        continue;
      }
      if (a.k === 'elem') {
        // an element holding an array passes the array; an untyped one may become one
        const pre = new Map<Expr, Value>();
        for (const e of [...(a.path ?? []).flat(), ...a.subs]) pre.set(e, await this.value(e));
        const loc = resolve(rt, a, (e) => pre.get(e) ?? evalSync(rt, e));
        const v = loc.k === 'elem' ? loc.arr.get(loc.key) : undefined;
        if (loc.k === 'elem' && v instanceof AwkArray) {
          cells.push(arrayCell(v));
          continue;
        }
        if (loc.k === 'elem' && (v === undefined || v === UNINIT)) {
          if (v === undefined) loc.arr.set(loc.key, UNINIT);
          cells.push({ v: UNINIT, a: undefined, scalar: false, ref: undefined, owner: { arr: loc.arr, key: loc.key } });
          continue;
        }
      }
      cells.push(newCell(await this.value(a), true));
    }
    return this.invoke(c.name, cells);
  }

  private async runRules(kind: Rule['kind']): Promise<void> {
    const outer = this.ruleKind;
    this.ruleKind = kind;
    try {
      for (const r of this.rt.prog.rules) if (r.kind === kind && r.action) await this.block(r.action);
    } catch (e) {
      if (!(e instanceof NextFileSignal)) throw e;
      this.input.skipFile();
    } finally {
      this.ruleKind = outer;
    }
  }

  private async matches(r: Rule): Promise<boolean> {
    const prof = this.rt.profile;
    if (!prof) return this.tryPattern(r);
    if (r.pattern) Profile.bump(prof.patterns, r);
    const yes = await this.tryPattern(r);
    if (yes) Profile.bump(prof.actions, r);
    return yes;
  }

  private async tryPattern(r: Rule): Promise<boolean> {
    if (!r.pattern) return true;
    if (!r.rangeEnd) return this.test(r.pattern);
    if (!this.ranges.get(r)) {
      if (!toBool(await this.value(r.pattern))) return false;
      this.ranges.set(r, !toBool(await this.value(r.rangeEnd)));
      return true;
    }
    if (toBool(await this.value(r.rangeEnd))) this.ranges.set(r, false);
    return true;
  }

  /** Runs the whole program; returns the exit status. */
  async run(): Promise<number> {
    const rt = this.rt;
    const rules = rt.prog.rules;
    let status = 0;
    try {
      this.ruleKind = 'BEGIN';
      for (const r of rules) if (r.kind === 'BEGIN') await this.block(r.action!);
      this.ruleKind = 'main';
      const needInput = rt.inplace !== undefined || rules.some((r) => r.kind !== 'BEGIN');
      if (needInput) await this.mainLoop(rules.filter((r) => r.kind === 'main'));
    } catch (e) {
      if (!(e instanceof ExitSignal)) throw e;
      if (e.code !== undefined) status = e.code;
    }
    try {
      this.ruleKind = 'END';
      if (rt.inplace) await rt.inplace.atEnd();
      for (const r of rules) if (r.kind === 'END') await this.block(r.action!);
    } catch (e) {
      if (!(e instanceof ExitSignal)) throw e;
      if (e.code !== undefined) status = e.code;
    }
    return status & 0xff;
  }

  private async mainLoop(main: Rule[]): Promise<void> {
    const rt = this.rt;
    const nr = rt.globals[G.NR]!;
    const fnr = rt.globals[G.FNR]!;
    for (;;) {
      await this.tick();
      const r = await this.input.next();
      if (r === null || r === 'error') break;
      nr.v = this.rt.num(nr.v) + 1;
      fnr.v = this.rt.num(fnr.v) + 1;
      rt.globals[G.RT]!.v = r.rt;
      rt.setRecord(r.rec);
      try {
        for (const rule of main) {
          // gawk's messages name the source line last run, patterns included
          if (rule.pattern) {
            rt.line = rule.line;
            rt.src = rule.src;
          }
          if (await this.matches(rule)) {
            if (rule.action) await this.block(rule.action);
            else await rt.io.stdout.write(rt.rec.record + rt.str(rt.globals[G.ORS]!.v));
          }
        }
      } catch (e) {
        if (e instanceof NextSignal) continue;
        if (e instanceof NextFileSignal) {
          this.input.skipFile();
          continue;
        }
        throw e;
      }
    }
  }
}

/** gawk's checks of a built-in function called indirectly (stricter than a direct call). */
function indirectArgs(rt: Runtime, name: string, n: number): void {
  if (name === 'split' && (n < 2 || n > 4)) rt.fatal('indirect call to split requires two to four arguments');
  if (name === 'sprintf' && n === 0) rt.fatal('sprintf: no arguments');
  if ((name === 'sub' || name === 'gsub') && n !== 2) rt.fatal(`${name}: can be called indirectly only with two arguments`);
  const [min, max] = name === 'length' ? [1, 1] : ARG_COUNTS[name]!;
  if (n < min || n > max) rt.fatal(`${name}: called with ${n} arguments`);
}
