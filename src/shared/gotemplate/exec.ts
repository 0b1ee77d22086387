// The executor, after text/template/exec.go: walks the tree with dot and a variable stack,
// evaluates pipelines, fields, methods and function calls, and reports errors in Go's form
// `template: NAME:LINE:COL: executing "NAME" at <NODE>: MESSAGE`, where the node is the one
// Go's state.at() last marked, so the column and <context> match what docker prints.

import type { AnyNode, ArgNode, BranchNode, CommandNode, ListNode, Node, PipeNode } from './ast';
import { nodeString } from './ast';
import { ExecError, execErrorMessage } from './errors';
import { sprint } from './fmt';
import type { GoFunction } from './funcs';
import { isTrue, toGoFunction } from './funcs';
import type { TreeSet } from './parser';
import { quote } from './strconv';
import type { ParamType } from './values';
import { coerceArg, goFloat, kindOf, lookupMember, paramTypeName, sortedKeys, typeInfoOf, typeNameOf } from './values';

const MISSING: unique symbol = Symbol('missing');
type Value = unknown;
type Final = Value | typeof MISSING;

const BREAK = { signal: 'break' };
const CONTINUE = { signal: 'continue' };

/** Go uses 100000 (1000 on wasm); JS stacks are closer to wasm's. */
const MAX_EXEC_DEPTH = 1000;
/** Every loop and string has a bound (ARCHITECTURE.md, convention 7). */
const MAX_OUTPUT = 16 * 1024 * 1024;

export interface ExecEnv {
  /** Name of the template being executed ("" for docker's). */
  name: string;
  /** Name of the top-level template, used in error locations. */
  parseName: string;
  text: string;
  trees: TreeSet;
  lookupFunc: (name: string) => GoFunction | undefined;
  missingKey: 'default' | 'zero' | 'error';
}

interface Variable {
  name: string;
  value: Value;
}

class State {
  out = '';
  node: AnyNode | null = null;
  vars: Variable[];

  constructor(
    private readonly env: ExecEnv,
    private readonly tmplName: string,
    dot: Value,
    private readonly depth: number,
  ) {
    this.vars = [{ name: '$', value: dot }];
  }

  private at(n: AnyNode): void {
    this.node = n;
  }

  errorf(msg: string): never {
    throw new ExecError(execErrorMessage(this.env.text, this.env.parseName, this.tmplName, this.node, msg), this.out);
  }

  private write(s: string): void {
    if (this.out.length + s.length > MAX_OUTPUT) this.errorf('output too large');
    this.out += s;
  }

  // ---- variables ----

  private mark(): number {
    return this.vars.length;
  }

  private pop(mark: number): void {
    this.vars.length = mark;
  }

  private setVar(name: string, value: Value): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      const v = this.vars[i]!;
      if (v.name === name) {
        v.value = value;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }

  private setTopVar(n: number, value: Value): void {
    const v = this.vars[this.vars.length - n];
    if (v) v.value = value;
  }

  private varValue(name: string): Value {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      const v = this.vars[i]!;
      if (v.name === name) return v.value;
    }
    return this.errorf(`undefined variable: ${name}`);
  }

  // ---- walking ----

  walk(dot: Value, node: Node): void {
    this.at(node);
    switch (node.kind) {
      case 'action': {
        const val = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) this.printValue(node, val);
        return;
      }
      case 'break': throw BREAK;
      case 'continue': throw CONTINUE;
      case 'comment': return;
      case 'if':
      case 'with': return this.walkIfOrWith(dot, node);
      case 'list':
        for (const n of node.nodes) this.walk(dot, n);
        return;
      case 'range': return this.walkRange(dot, node);
      case 'template': return this.walkTemplate(dot, node);
      case 'text':
        this.write(node.text);
        return;
    }
  }

  private walkIfOrWith(dot: Value, node: BranchNode): void {
    const mark = this.mark();
    const val = this.evalPipeline(dot, node.pipe);
    const { truth, ok } = isTrue(val);
    if (!ok) this.errorf(`if/with can't use ${sprint([val])}`);
    if (truth) this.walk(node.kind === 'with' ? val : dot, node.list);
    else if (node.elseList) this.walk(dot, node.elseList);
    this.pop(mark);
  }

  private walkRange(dot: Value, r: BranchNode): void {
    this.at(r);
    const outer = this.mark();
    try {
      const val = this.evalPipeline(dot, r.pipe);
      const mark = this.mark();
      const decl = r.pipe.decl;
      const oneIteration = (index: Value, elem: Value): void => {
        if (decl.length > 0) {
          if (r.pipe.isAssign) this.setVar(decl[0]!.ident[0]!, decl.length > 1 ? index : elem);
          else this.setTopVar(1, elem);
        }
        if (decl.length > 1) {
          if (r.pipe.isAssign) this.setVar(decl[1]!.ident[0]!, elem);
          else this.setTopVar(2, index);
        }
        try {
          this.walk(elem, r.list);
        } catch (e) {
          if (e !== CONTINUE) throw e;
        } finally {
          this.pop(mark);
        }
      };
      let ran = false;
      switch (kindOf(val)) {
        case 'slice':
          (val as Value[]).forEach((e, i) => {
            ran = true;
            oneIteration(i, e);
          });
          break;
        case 'map': {
          const obj = val as Record<string, Value>;
          for (const k of sortedKeys(obj)) {
            ran = true;
            oneIteration(k, obj[k]);
          }
          break;
        }
        // A missing value acts like an empty map; so does nil here (in Go a nil pointer would
        // be an error, but JSON-decoded null is a nil interface, which is empty).
        case 'invalid':
        case 'nil':
          break;
        default:
          // Go 1.22 cannot range over integers (that came in 1.24) or anything else.
          this.errorf(`range can't iterate over ${sprint([val])}`);
      }
      if (!ran && r.elseList) this.walk(dot, r.elseList);
    } catch (e) {
      if (e !== BREAK) throw e;
    } finally {
      this.pop(outer);
    }
  }

  private walkTemplate(dot: Value, t: Extract<Node, { kind: 'template' }>): void {
    this.at(t);
    const tree = this.env.trees.get(t.name);
    if (!tree) this.errorf(`template ${quote(t.name)} not defined`);
    if (this.depth >= MAX_EXEC_DEPTH) this.errorf(`exceeded maximum template depth (${MAX_EXEC_DEPTH})`);
    const newDot = this.evalPipeline(dot, t.pipe);
    const sub = new State(this.env, t.name, newDot, this.depth + 1);
    sub.out = this.out;
    try {
      sub.walk(newDot, tree);
    } finally {
      this.out = sub.out;
    }
  }

  // ---- evaluation ----

  private evalPipeline(dot: Value, pipe: PipeNode | null): Value {
    if (!pipe) return undefined;
    this.at(pipe);
    let value: Final = MISSING;
    for (const cmd of pipe.cmds) value = this.evalCommand(dot, cmd, value);
    for (const v of pipe.decl) {
      if (pipe.isAssign) this.setVar(v.ident[0]!, value);
      else this.vars.push({ name: v.ident[0]!, value });
    }
    return value;
  }

  private notAFunction(args: ArgNode[], final: Final): void {
    if (args.length > 1 || final !== MISSING) this.errorf(`can't give argument to non-function ${nodeString(args[0]!)}`);
  }

  private evalCommand(dot: Value, cmd: CommandNode, final: Final): Value {
    const first = cmd.args[0]!;
    switch (first.kind) {
      case 'field': return this.evalFieldNode(dot, first, cmd.args, final);
      case 'chain': return this.evalChainNode(dot, first, cmd.args, final);
      case 'identifier': return this.evalFunction(dot, first, cmd, cmd.args, final);
      case 'pipe':
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, first);
      case 'variable': return this.evalVariableNode(dot, first, cmd.args, final);
    }
    this.at(first);
    this.notAFunction(cmd.args, final);
    switch (first.kind) {
      case 'bool': return first.value;
      case 'dot': return dot;
      case 'nil': return this.errorf('nil is not a command');
      case 'number': return this.idealConstant(first);
      case 'string': return first.text;
    }
  }

  private idealConstant(n: Extract<ArgNode, { kind: 'number' }>): Value {
    this.at(n);
    const hexInt = /^0[xX]/.test(n.text) && !/[pP]/.test(n.text);
    if (n.isFloat && !hexInt && !n.text.startsWith("'") && /[.eEpP]/.test(n.text)) return goFloat(n.float);
    if (n.isInt) return n.int;
    if (n.isUint) return this.errorf(`${n.text} overflows int`);
    return undefined;
  }

  private evalFieldNode(dot: Value, field: Extract<ArgNode, { kind: 'field' }>, args: ArgNode[], final: Final): Value {
    this.at(field);
    return this.evalFieldChain(dot, dot, field, field.ident, args, final);
  }

  private evalChainNode(dot: Value, chain: Extract<ArgNode, { kind: 'chain' }>, args: ArgNode[], final: Final): Value {
    this.at(chain);
    if (chain.node.kind === 'nil') this.errorf(`indirection through explicit nil in ${nodeString(chain)}`);
    const pipe = this.evalArg(dot, null, chain.node);
    return this.evalFieldChain(dot, pipe, chain, chain.field, args, final);
  }

  private evalVariableNode(dot: Value, v: Extract<ArgNode, { kind: 'variable' }>, args: ArgNode[], final: Final): Value {
    this.at(v);
    const value = this.varValue(v.ident[0]!);
    if (v.ident.length === 1) {
      this.notAFunction(args, final);
      return value;
    }
    return this.evalFieldChain(dot, value, v, v.ident.slice(1), args, final);
  }

  private evalFieldChain(dot: Value, receiver: Value, node: ArgNode, ident: string[], args: ArgNode[], final: Final): Value {
    const n = ident.length;
    for (let i = 0; i < n - 1; i++) receiver = this.evalField(dot, ident[i]!, node, [], MISSING, receiver);
    return this.evalField(dot, ident[n - 1]!, node, args, final, receiver);
  }

  private evalFunction(dot: Value, node: Extract<ArgNode, { kind: 'identifier' }>, cmd: AnyNode, args: ArgNode[], final: Final): Value {
    this.at(node);
    const fn = this.env.lookupFunc(node.name);
    if (!fn) return this.errorf(`${quote(node.name)} is not a defined function`);
    return this.evalCall(dot, fn, cmd, node.name, args, final);
  }

  private evalField(dot: Value, fieldName: string, node: AnyNode, args: ArgNode[], final: Final, receiver: Value): Value {
    if (receiver === undefined) {
      if (this.env.missingKey === 'error') this.errorf(`nil data; no entry for key ${quote(fieldName)}`);
      return undefined;
    }
    const typ = typeNameOf(receiver);
    if (receiver === null) this.errorf(`nil pointer evaluating ${typ}.${fieldName}`);
    const kind = kindOf(receiver);
    if (kind === 'map' || kind === 'struct') {
      const obj = receiver as Record<string, Value>;
      const m = lookupMember(obj, fieldName, kind === 'struct');
      if (m.found && typeof m.value === 'function') return this.evalCall(dot, toGoFunction(m.value, obj), node, fieldName, args, final);
      const hasArgs = args.length > 1 || final !== MISSING;
      if (kind === 'struct') {
        if (m.found) {
          if (hasArgs) this.errorf(`${fieldName} has arguments but cannot be invoked as function`);
          return m.value;
        }
      } else {
        if (hasArgs) this.errorf(`${fieldName} is not a method but has arguments`);
        if (m.found) return m.value;
        if (this.env.missingKey === 'error') this.errorf(`map has no entry for key ${quote(fieldName)}`);
        if (this.env.missingKey === 'zero') {
          const info = typeInfoOf(obj);
          if (info?.hasElemZero) return info.elemZero;
          // The zero interface{} is an invalid value again, so Go prints <no value> anyway.
          return typ === 'map[string]string' ? '' : undefined;
        }
        return undefined;
      }
    }
    return this.errorf(`can't evaluate field ${fieldName} in type ${typ}`);
  }

  private evalCall(dot: Value, fn: GoFunction, node: AnyNode, name: string, argNodes: ArgNode[], final: Final): Value {
    const args = argNodes.slice(1); // args[0] is the function or field itself
    const params = fn.params;
    const numIn = args.length + (final !== MISSING ? 1 : 0);
    let numFixed = args.length;
    if (fn.variadic) {
      numFixed = params.length - 1;
      if (numIn < numFixed) this.errorf(`wrong number of args for ${name}: want at least ${params.length - 1} got ${args.length}`);
    } else if (numIn !== params.length) {
      this.errorf(`wrong number of args for ${name}: want ${params.length} got ${numIn}`);
    }
    if (fn.special === 'and' || fn.special === 'or') {
      // and/or short-circuit: they stop at the first false (and) or true (or) argument.
      let v: Value;
      for (const arg of args) {
        v = this.evalArg(dot, 'value', arg);
        if (isTrue(v).truth === (fn.special === 'or')) return v;
      }
      if (final !== MISSING) v = final;
      return v;
    }
    const argv: Value[] = [];
    let i = 0;
    for (; i < numFixed && i < args.length; i++) argv.push(this.evalArg(dot, params[i]!, args[i]!));
    if (fn.variadic) {
      const t = params[params.length - 1]!;
      for (; i < args.length; i++) argv.push(this.evalArg(dot, t, args[i]!));
    }
    if (final !== MISSING) {
      let t = params[params.length - 1]!;
      if (fn.variadic && numIn - 1 < numFixed) t = params[numIn - 1]!;
      argv.push(this.validateType(final, t));
    }
    try {
      return fn.fn(...argv);
    } catch (e) {
      if (e instanceof ExecError) throw e;
      this.at(node);
      return this.errorf(`error calling ${name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** Checks that a value fits a parameter type, converting a missing value to the type's zero. */
  private validateType(value: Value, typ: ParamType | null): Value {
    const r = coerceArg(value, typ);
    if ('error' in r) return this.errorf(r.error);
    return r.value;
  }

  private evalArg(dot: Value, typ: ParamType | null, n: ArgNode): Value {
    this.at(n);
    switch (n.kind) {
      case 'dot': return this.validateType(dot, typ);
      case 'nil':
        if (typ === 'any') return null;
        if (typ === 'value' || typ === null) return undefined;
        if (typ === '[]string') return [];
        return this.errorf(`cannot assign nil to ${paramTypeName(typ)}`);
      case 'field': return this.validateType(this.evalFieldNode(dot, n, [n], MISSING), typ);
      case 'variable': return this.validateType(this.evalVariableNode(dot, n, [], MISSING), typ);
      case 'pipe': return this.validateType(this.evalPipeline(dot, n), typ);
      case 'identifier': return this.validateType(this.evalFunction(dot, n, n, [], MISSING), typ);
      case 'chain': return this.validateType(this.evalChainNode(dot, n, [], MISSING), typ);
    }
    switch (typ) {
      case 'bool':
        if (n.kind === 'bool') return n.value;
        return this.errorf(`expected bool; found ${nodeString(n)}`);
      case 'float':
        if (n.kind === 'number' && n.isFloat) return n.float;
        return this.errorf(`expected float; found ${nodeString(n)}`);
      case 'int':
        if (n.kind === 'number' && n.isInt) return n.int;
        return this.errorf(`expected integer; found ${nodeString(n)}`);
      case 'string':
        if (n.kind === 'string') return n.text;
        return this.errorf(`expected string; found ${nodeString(n)}`);
      case 'any':
      case 'value':
      case null:
        return this.evalEmptyInterface(dot, n);
    }
    return this.errorf(`can't handle ${nodeString(n)} for arg of type ${paramTypeName(typ)}`);
  }

  private evalEmptyInterface(dot: Value, n: ArgNode): Value {
    this.at(n);
    switch (n.kind) {
      case 'bool': return n.value;
      case 'number': return this.idealConstant(n);
      case 'string': return n.text;
    }
    return this.errorf(`can't handle assignment of ${nodeString(n)} to empty interface argument`);
  }

  private printValue(n: AnyNode, v: Value): void {
    this.at(n);
    if (v === undefined) {
      this.write('<no value>');
      return;
    }
    if (typeof v === 'function') this.errorf(`can't print ${nodeString(n)} of type ${typeNameOf(v)}`);
    this.write(sprint([v]));
  }
}

/** Executes the tree named env.name with `data` as dot; throws ExecError. */
export function executeTree(env: ExecEnv, root: ListNode | undefined, data: Value): string {
  const state = new State(env, env.name, data, 0);
  if (!root) return state.errorf(`${quote(env.name)} is an incomplete or empty template`);
  state.walk(data, root);
  return state.out;
}
