// export unset set declare typeset local readonly let shopt
import { arith, ExpansionError, maxIndex, setElement } from '../expand';
import { ShellExit } from '../control';
import type { ArithValue } from '../arith';
import type { Interpreter } from '../interpreter';
import { ReadonlyError, type Var } from '../state';
import { functionText } from '../print-function';
import { loadTraceQuoting, setTraceFd, traceLines, traceQuoter } from '../xtrace';
import type { Builtin } from './types';
import { badOption, NAME_RE } from './types';
import { Parser } from '../parser';
import { assign } from '../simple';
import { arrayBody, attrLetters, declareLine, posixListLine, setQuote } from '../declare-text';
import { setQuoteLocale } from '../quote';
import { utf8Locale } from '../ansi-c';
import { AssocMap } from '../assoc';
import { makeRestricted } from '../restricted';
import { visibleVars } from '../var-listing';

export const SET_OPTIONS: [string, string | undefined][] = [
  ['allexport', 'a'], ['braceexpand', 'B'], ['emacs', undefined], ['errexit', 'e'], ['errtrace', 'E'], ['functrace', 'T'],
  ['hashall', 'h'], ['histexpand', 'H'], ['history', undefined], ['ignoreeof', undefined], ['interactive-comments', undefined],
  ['keyword', 'k'], ['monitor', 'm'], ['noclobber', 'C'], ['noexec', 'n'], ['noglob', 'f'], ['nolog', undefined], ['notify', 'b'],
  ['nounset', 'u'], ['onecmd', 't'], ['physical', 'P'], ['pipefail', undefined], ['posix', undefined], ['privileged', 'p'],
  ['verbose', 'v'], ['vi', undefined], ['xtrace', 'x'],
];


export { declareQuote, declareLine, setQuote } from '../declare-text';

/** A list as set -x shows what declare assigned: ('a' 'b'), or (['k']='v') for keys. */
function compoundTrace(v: Var): string {
  const q = (x: string): string => `'${x.replace(/'/g, "'\\''")}'`;
  if (v.assoc) return `(${[...v.assoc].map(([k, x]) => `[${q(k)}]=${q(x)}`).join(' ')})`;
  const entries = [...(v.array ?? [])].sort((a, b) => a[0] - b[0]);
  const dense = entries.every(([k], i) => k === i);
  return `(${entries.map(([k, x]) => (dense ? q(x) : `[${k}]=${q(x)}`)).join(' ')})`;
}

/** What a nameref may hold (bash's valid_nameref_value): a name, or a name with one non-empty
 * subscript that closes at the end (a[1], not a[] or a[1][2]). */
function validRefValue(text: string): boolean {
  const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text);
  if (!m) return false;
  if (m[0].length === text.length) return true;
  if (text[m[0].length] !== '[' || text.length - m[0].length < 3) return false;
  let depth = 0;
  for (let i = m[0].length; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return i === text.length - 1;
  }
  return false;
}

async function invalid(sh: Interpreter, cmd: string, arg: string): Promise<number> {
  await sh.error(`${cmd}: \`${arg}': not a valid identifier`);
  return 1;
}

/**
 * The variable a nameref NAME leads to (the value of the last nameref of its chain), when
 * declare is to act on that instead: in a function, only a nameref of that function's own;
 * elsewhere when attributes or a value are given.
 */
function namerefTarget(sh: Interpreter, name: string, scope: Map<string, Var> | undefined, acting: boolean): string | undefined {
  let v = scope ? scope.get(name) : acting ? sh.state.lookup(name) : undefined;
  let target: string | undefined;
  for (let n = 0; v?.ref && v.value && /^[A-Za-z_][A-Za-z0-9_]*(\[.*\])?$/s.test(v.value) && n < 8; n++) {
    target = v.value;
    if (target.includes('[')) break;
    v = sh.state.lookup(target);
  }
  return target;
}

/** declare / typeset / local / export / readonly share this: NAME[=VALUE] with attributes. */
async function declareNames(sh: Interpreter, cmd: string, args: string[], attrs: { set: Set<string>; unset: Set<string> }, local: boolean): Promise<number> {
  let status = 0;
  const scope = local ? sh.state.functionScope() : undefined;
  const traced: string[] = [];
  const after: string[] = [];
  for (const arg of args) {
    if (arg === '-' && cmd === 'local' && scope) {
      // local -: the set options come back as they are now when the function returns
      if (!sh.state.localOptions.has(scope)) sh.state.localOptions.set(scope, new Set(sh.state.options));
      continue;
    }
    let m = /^([A-Za-z_][A-Za-z0-9_]*)(\[[^\]]*\])?(\+?=)?([\s\S]*)$/.exec(arg);
    if (!m || (!m[3] && m[4])) {
      status = await invalid(sh, cmd, arg);
      continue;
    }
    // attributes and values given to a nameref go to the variable it names (without -n or +n)
    const target = m[2] || attrs.set.has('n') || attrs.unset.has('n') ? undefined : namerefTarget(sh, m[1]!, scope, attrs.set.size + attrs.unset.size > 0 || !!m[3]);
    if (target !== undefined) {
      const t = /^([A-Za-z_][A-Za-z0-9_]*)(\[.*\])?$/s.exec(target)!;
      m = [arg, t[1]!, t[2]!, m[3]!, m[4]!] as unknown as RegExpExecArray;
    }
    const name = m[1]!;
    // looking a computed variable up makes its value, which it then keeps (listings show it)
    if (!scope && sh.state.dynamic.has(name)) sh.state.get(name);
    const holder = scope ?? (attrs.set.has('g') ? sh.state.globals : sh.state.holder(name));
    // a local cannot hide a readonly variable
    if (scope && !scope.has(name) && sh.state.lookup(name)?.readonly) {
      await sh.error(`${cmd}: ${name}: readonly variable`);
      status = 1;
      continue;
    }
    let v = holder.get(name);
    const created = !v;
    if (!v) {
      v = {};
      // `local x` starts unset, unless localvar_inherit (or -I) hands it the outer value and attributes
      const outer = scope && (sh.state.shopts.has('localvar_inherit') || attrs.set.has('I')) ? sh.state.lookup(name) : undefined;
      // a local of an exported variable's name is exported too
      if (scope && sh.state.lookup(name)?.exported) v.exported = true;
      if (outer && !outer.ref) {
        const { value, array, assoc, integer, lower, upper, capcase, exported } = outer;
        Object.assign(v, value !== undefined ? { value } : {}, array ? { array: new Map(array) } : {}, assoc ? { assoc: new AssocMap(assoc) } : {}, integer ? { integer } : {}, lower ? { lower } : {}, upper ? { upper } : {}, capcase ? { capcase } : {}, exported ? { exported } : {});
      }
      holder.set(name, v);
    }
    if ((attrs.set.has('n') || (v.ref && !attrs.unset.has('n'))) && m[3] === '=' && !m[2] && !validRefValue(m[4]!)) {
      // (an empty name is simply no identifier); a variable made for this is not kept
      await sh.error(m[4] === '' ? `${cmd}: \`': not a valid identifier` : `${cmd}: \`${m[4]}': invalid variable name for name reference`);
      if (created) holder.delete(name);
      status = 1;
      continue;
    }
    // an existing variable becomes a nameref only if it is no array, its value (when it has one
    // and none is given) names a variable, and it is not readonly
    if (attrs.set.has('n') && !created && !v.ref) {
      const refused = v.array || v.assoc
        ? `${name}: reference variable cannot be an array`
        : !m[3] && v.value !== undefined && !validRefValue(v.value)
          ? `\`${v.value}': invalid variable name for name reference`
          : v.readonly ? `${name}: readonly variable` : undefined;
      if (refused) {
        await sh.error(`${cmd}: ${refused}`);
        status = 1;
        continue;
      }
    }
    if (attrs.set.has('n') && !scope && m[3] === '=' && !m[2] && m[4] === name) {
      await sh.error(`${cmd}: ${name}: nameref variable self references not allowed`);
      status = 1;
      continue;
    }
    if (v.readonly && (m[3] || attrs.unset.has('r'))) {
      // export and readonly name just the variable
      await sh.error(cmd === 'export' || cmd === 'readonly' ? `${name}: readonly variable` : `${cmd}: ${name}: readonly variable`);
      sh.posixFatal = true;
      status = 1;
      continue;
    }
    // declare -a/-A NAME with no value: an array with no value yet (declare -p shows no `=()`)
    if ((attrs.set.has('a') || attrs.set.has('A')) && !m[3] && !v.array && !v.assoc && v.value === undefined) v.declaredOnly = true;
    // +a and +A cannot take an array back to a plain variable
    if ((attrs.unset.has('a') && v.array) || (attrs.unset.has('A') && v.assoc)) {
      await sh.error(`${cmd}: ${name}: cannot destroy array variables in this way`);
      status = 1;
      continue;
    }
    if (attrs.set.has('a') && v.assoc) {
      await sh.error(`${cmd}: ${name}: cannot convert associative to indexed array`);
      status = 1;
      continue;
    }
    if (attrs.set.has('a') && !v.array && !v.assoc) {
      v.array = new Map(v.value !== undefined ? [[0, v.value]] : []);
      delete v.value;
    }
    if (attrs.set.has('A') && !v.assoc) {
      if (v.array) {
        await sh.error(`${cmd}: ${name}: cannot convert indexed to associative array`);
        status = 1;
        continue;
      }
      v.assoc = new AssocMap(v.value !== undefined ? [['0', v.value]] : []);
      delete v.value;
    }
    // (as in ksh93, turning a variable into a nameref takes its -i, -l, -u and -c away first)
    if (attrs.set.has('n')) for (const key of ['integer', 'lower', 'upper', 'capcase'] as const) delete v[key];
    for (const [flag, key] of [['x', 'exported'], ['i', 'integer'], ['l', 'lower'], ['u', 'upper'], ['c', 'capcase'], ['n', 'ref'], ['t', 'trace']] as const) {
      if (attrs.set.has(flag)) v[key] = true;
      if (attrs.unset.has(flag)) delete v[key];
    }
    // -l, -u and -c exclude each other; given together, none is kept
    const cases = (['l', 'u', 'c'] as const).filter((f) => attrs.set.has(f));
    if (cases.length > 0) {
      if (cases.length > 1 || cases[0] !== 'l') delete v.lower;
      if (cases.length > 1 || cases[0] !== 'u') delete v.upper;
      if (cases.length > 1 || cases[0] !== 'c') delete v.capcase;
    }
    if (m[3]) {
      let value = m[4]!;
      if (m[2]) {
        if (!setElement(sh.state, name, m[2].slice(1, -1), value)) {
          await sh.error(`${name}${m[2]}: bad array subscript`);
          status = 1;
          continue;
        }
      } else if (value.startsWith('(') && value.endsWith(')') && (sh.compoundArgs.has(arg) || v.array || v.assoc)) {
        const p = new Parser(`${name}${m[3]}${value}`, {});
        const cmdNode = p.nextCommand()?.items[0]?.cmd;
        if (cmdNode?.kind === 'simple' && cmdNode.assigns[0]) await assign(sh, cmdNode.assigns[0], holder);
        v = holder.get(name) ?? v;
        if (sh.declarationTrace !== undefined) traced.push(`${name}=${compoundTrace(v)}`);
      } else {
        if (v.integer) {
          try {
            value = String(await arith(sh, m[3] === '+=' ? `${v.value ?? 0}+(${value})` : value));
          } catch (e) {
            // reported under the builtin's redirections; like any arithmetic error in an
            // assignment it ends a script
            if (!(e instanceof ExpansionError) || e.fatal) throw e;
            await sh.error(e.message);
            if (!sh.state.interactive) throw new ShellExit(1);
            status = 1;
            continue;
          }
        }
        else if (m[3] === '+=') value = (v.value ?? '') + value;
        value = sh.state.fold(v, value);
        // a nameref whose value came out as no name (declare -in r=x gives 0): the assignment
        // fails silently, and a variable made for it goes again
        if (v.ref && !/^[A-Za-z_][A-Za-z0-9_]*(\[.*\])?$/s.test(value)) {
          if (created) holder.delete(name);
          status = 1;
          continue;
        }
        if (v.array) v.array.set(0, value);
        else if (v.assoc) v.assoc.set('0', value);
        else v.value = value;
        // export PATH=... empties the hash table as any PATH assignment does
        if (name === 'PATH') sh.state.forgetCommands();
        // export and readonly trace each assignment they make
        if ((cmd === 'export' || cmd === 'readonly') && sh.state.options.has('xtrace')) after.push(`${name}=${value === '' ? '' : traceQuoter(sh)(value)}`);
      }
    }
    if (attrs.set.has('r')) v.readonly = true;
  }
  sh.compoundArgs = new Set();
  if (sh.declarationTrace !== undefined) {
    await traceLines(sh, [...traced, sh.declarationTrace, ...after]);
    sh.declarationTrace = undefined;
  } else await traceLines(sh, after);
  return status;
}

/** set -o NAME / set +o NAME (and shopt -s/-u -o NAME) for a known option name. */
export function setNamedOption(sh: Interpreter, name: string, on: boolean): void {
  if (name === 'monitor') sh.state.monitorHere = on;
  if (name === 'posix') sh.state.posixMode(on);
  else if (on) sh.state.options.add(name);
  else sh.state.options.delete(name);
  // the two line-editing modes exclude each other
  if (on && (name === 'vi' || name === 'emacs')) sh.state.options.delete(name === 'vi' ? 'emacs' : 'vi');
  // posix mode and POSIXLY_CORRECT go together (a value already there is kept)
  if (name === 'posix') {
    if (!on) sh.state.unset('POSIXLY_CORRECT');
    else if (!sh.state.isSet('POSIXLY_CORRECT')) sh.state.set('POSIXLY_CORRECT', 'y');
  }
}

export function parseAttrs(args: string[], allowed: string): { set: Set<string>; unset: Set<string>; rest: string[]; bad?: string } {
  const set = new Set<string>();
  const unset = new Set<string>();
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (!/^[-+]./.test(a)) break;
    for (const c of a.slice(1)) {
      if (!allowed.includes(c)) return { set, unset, rest: [], bad: `${a[0]}${c}` };
      (a[0] === '-' ? set : unset).add(c);
    }
  }
  return { set, unset, rest: args.slice(i) };
}

async function printDeclared(sh: Interpreter, names: string[], filter: (v: Var) => boolean, cmd: string): Promise<number> {
  let status = 0;
  setQuoteLocale(utf8Locale(sh.state));
  if (names.length === 0) {
    // `local` lists only the variables of the function it runs in
    const scope = cmd === 'local' ? sh.state.functionScope() : undefined;
    const vars = scope ? new Map([...scope].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) : visibleVars(sh.state);
    const posix = (cmd === 'export' || cmd === 'readonly') && sh.state.options.has('posix');
    for (const [k, v] of vars) if (filter(v)) await sh.write(1, `${posix ? posixListLine(cmd, k, v) : declareLine(k, v)}\n`);
    return 0;
  }
  for (const n of names) {
    // a nameref is shown as itself, not as the variable it names
    const dyn = sh.state.dynamic.get(n);
    // $RANDOM and the like show their value now; the counters are integers
    // (the counters are integers, SECONDS once read)
    const counter = /^(RANDOM|SRANDOM|SECONDS|BASHPID|HISTCMD)$/.test(n) ? { integer: true } : n === '_' && sh.state.lastArgExported ? { exported: true } : {};
    const stored = sh.state.holder(n).get(n) ?? sh.state.lookup(n);
    // one that was exported (or given other attributes) still shows its value now
    const v = dyn && (!stored || (sh.state.globals.get(n) === stored && !stored.array && !stored.assoc)) ? { ...counter, ...stored, value: sh.state.get(n) } : stored;
    if (!v) {
      await sh.error(`${cmd}: ${n}: not found`);
      status = 1;
    } else await sh.write(1, `${declareLine(n, v)}\n`);
  }
  return status;
}

async function printFunctions(sh: Interpreter, names: string[], onlyNames: boolean, withP = false, cmd = 'declare'): Promise<number> {
  const fns = names.length ? names : [...sh.state.functions.keys()].sort();
  let status = 0;
  for (const n of fns) {
    const f = sh.state.functions.get(n);
    if (!f) {
      // any name that is no function makes the status 1; with -p it is reported
      if (withP) await sh.error(`${cmd}: ${n}: not found`);
      status = 1;
      continue;
    }
    // declare -F NAME prints just the name; with -p, or listing all, the declare line
    // under extdebug, declare -F NAME adds where the function was defined
    const where = sh.state.shopts.has('extdebug') ? ` ${f.line} ${sh.state.funcFiles.get(n) ?? f.source}` : '';
    const line = onlyNames ? (names.length && !withP ? n + where : functionFlagsLine(sh, n)) : functionText(n, f.body);
    await sh.write(1, `${line}\n`);
    // a listing (all of them, or with -p) follows an exported or readonly body with its marks
    const marked = functionAttrs(sh, n) !== '';
    if (!onlyNames && marked && (withP || names.length === 0)) await sh.write(1, `${functionFlagsLine(sh, n)}\n`);
  }
  return status;
}

const makeDeclare = (cmd: string, local: boolean): Builtin => async (sh, argv) => {
  if (local && sh.state.funcNames.length === 0) {
    await sh.error(`${cmd}: can only be used in a function`);
    return 1;
  }
  const p = parseAttrs(argv.slice(1), 'aAcfFgiIlnprtux');
  // (the synopsis as help has it: typeset's and local's differ from declare's)
  if (p.bad) return badOption(sh, cmd, p.bad, (await import('./help-topics')).HELP_TOPICS.find(([n]) => n === cmd)![1]);
  // declare or typeset with no names and no attribute to look for (alone, -I, or only +attrs)
  // lists what `set` lists, as set does; local keeps its declare lines
  if (!local && p.rest.length === 0 && [...p.set].every((c) => c === 'I')) return setOptions(sh, ['set']);
  const fnMode = p.set.has('f') || p.set.has('F');
  // the attributes given with -f (-g, -I and -p are none)
  const marks = [...p.set].filter((c) => !'fFgIp'.includes(c));
  if (fnMode && p.rest.length === 0 && marks.length > 0) {
    // declare -fx / -fr / -ft: the functions with those marks, each followed by its declare line
    const marked = [...sh.state.functions.keys()].sort().filter((n) => marks.every((c) => functionAttrs(sh, n).includes(c)));
    for (const n of marked) await sh.write(1, p.set.has('F') ? `${functionFlagsLine(sh, n)}\n` : `${functionText(n, sh.state.functions.get(n)!.body)}\n${functionFlagsLine(sh, n)}\n`);
    return 0;
  }
  if (fnMode && !p.set.has('p') && p.rest.length > 0) {
    const bad = ['n', 'i', 'A', 'a'].find((c) => p.set.has(c));
    if (bad) {
      await sh.error(`${cmd}: -${bad}: invalid option`);
      return 1;
    }
    const off = [...p.unset].filter((c) => !'fFgIp'.includes(c));
    if (marks.length > 0 || off.length > 0) return markFunctionAttrs(sh, cmd, p.rest, marks, off);
    const at = p.rest.findIndex((n) => n.includes('='));
    if (at >= 0) {
      // (the names before it are shown first)
      if (at > 0) await printFunctions(sh, p.rest.slice(0, at), p.set.has('F'), false, cmd);
      await sh.error(`${cmd}: cannot use \`-f' to make functions`);
      return 1;
    }
  }
  if (p.set.has('f') || p.set.has('F')) return printFunctions(sh, p.rest, p.set.has('F'), p.set.has('p'), cmd);
  if (p.set.has('p') || (p.rest.length === 0)) {
    const want = [...p.set].filter((c) => c !== 'p' && c !== 'g' && c !== 'I');
    return printDeclared(sh, p.rest, (v) => want.every((c) => attrLetters(v).includes(c)), cmd);
  }
  // -g (local -g too) works on the global variables
  return declareNames(sh, cmd, p.rest, p, sh.state.funcNames.length > 0 && !p.set.has('g'));
};

export const declare = makeDeclare('declare', false);
export const typeset = makeDeclare('typeset', false);
export const local = makeDeclare('local', true);

/** export -f / readonly -f: marks functions; -n (export) takes the mark off. */
async function markFunctions(sh: Interpreter, cmd: string, names: string[], marks: Set<string>, off: boolean): Promise<number> {
  if (names.length === 0) {
    for (const n of [...marks].sort()) if (sh.state.functions.has(n)) await sh.write(1, `${functionText(n, sh.state.functions.get(n)!.body)}\n${functionFlagsLine(sh, n)}\n`);
    return 0;
  }
  let status = 0;
  for (const n of names) {
    if (!sh.state.functions.has(n)) {
      await sh.error(`${cmd}: ${n}: not a function`);
      status = 1;
    } else if (off) marks.delete(n);
    else marks.add(n);
  }
  return status;
}

/** A function's attribute letters after f, in bash's order (r, t, x, c, l, u). */
function functionAttrs(sh: Interpreter, name: string): string {
  const other = sh.state.functionMarks.get(name) ?? '';
  return `${sh.state.readonlyFunctions.has(name) ? 'r' : ''}${other.includes('t') ? 't' : ''}${sh.state.exportedFunctions.has(name) ? 'x' : ''}${[...'clu'].filter((c) => other.includes(c)).join('')}`;
}

function functionFlagsLine(sh: Interpreter, name: string): string {
  return `declare -f${functionAttrs(sh, name)} ${name}`;
}

/** declare -f -ATTRS NAME...: sets (and +ATTRS takes off) functions' attributes silently; a name that is no function fails. */
async function markFunctionAttrs(sh: Interpreter, cmd: string, names: string[], on: string[], off: string[]): Promise<number> {
  let status = 0;
  for (const n of names) {
    if (n.includes('=')) {
      await sh.error(`${cmd}: cannot use \`-f' to make functions`);
      return 1;
    }
    if (!sh.state.functions.has(n)) {
      status = 1;
      continue;
    }
    if (off.includes('r') && sh.state.readonlyFunctions.has(n)) {
      await sh.error(`${cmd}: ${n}: readonly function`);
      status = 1;
      continue;
    }
    const st = sh.state;
    let other = st.functionMarks.get(n) ?? '';
    for (const c of on) {
      if (c === 'x') st.exportedFunctions.add(n);
      else if (c === 'r') st.readonlyFunctions.add(n);
      else if (!other.includes(c)) other += c;
    }
    for (const c of off) {
      if (c === 'x') st.exportedFunctions.delete(n);
      else other = other.replace(c, '');
    }
    if (other) st.functionMarks.set(n, other);
    else st.functionMarks.delete(n);
  }
  return status;
}

export const exportBuiltin: Builtin = async (sh, argv) => {
  const p = parseAttrs(argv.slice(1), 'fnp');
  if (p.bad) return badOption(sh, 'export', p.bad, 'export [-fn] [name[=value] ...] or export -p');
  if (p.set.has('f')) return markFunctions(sh, 'export', p.rest, sh.state.exportedFunctions, p.set.has('n'));
  if (p.rest.length === 0) return printDeclared(sh, [], (v) => !!v.exported, 'export');
  if (p.set.has('n')) {
    for (const n of p.rest) {
      const v = sh.state.lookup(n);
      if (v) delete v.exported;
    }
    return 0;
  }
  return declareNames(sh, 'export', p.rest, { set: new Set(['x']), unset: new Set() }, false);
};

export const readonly: Builtin = async (sh, argv) => {
  const p = parseAttrs(argv.slice(1), 'aAfp');
  if (p.bad) return badOption(sh, 'readonly', p.bad, 'readonly [-aAf] [name[=value] ...] or readonly -p');
  if (p.set.has('f')) return markFunctions(sh, 'readonly', p.rest, sh.state.readonlyFunctions, false);
  if (p.rest.length === 0) return printDeclared(sh, [], (v) => !!v.readonly, 'readonly');
  return declareNames(sh, 'readonly', p.rest, { set: new Set(['r', ...[...p.set].filter((c) => c === 'a' || c === 'A')]), unset: new Set() }, false);
};

export const unset: Builtin = async (sh, argv) => {
  const p = parseAttrs(argv.slice(1), 'fvn');
  if (p.bad) return badOption(sh, 'unset', p.bad, 'unset [-f] [-v] [-n] [name ...]');
  if (p.set.has('f') && p.set.has('v')) {
    await sh.error('unset: cannot simultaneously unset a function and a variable');
    return 1;
  }
  let status = 0;
  for (const name of p.rest) {
    if (p.set.has('f') || (!sh.state.lookup(name) && sh.state.functions.has(name) && !p.set.has('v'))) {
      if (sh.state.readonlyFunctions.has(name)) {
        await sh.error(`unset: ${name}: cannot unset: readonly function`);
        status = 1;
      } else {
        sh.state.functions.delete(name);
        sh.state.exportedFunctions.delete(name);
        sh.state.functionMarks.delete(name);
      }
      continue;
    }
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:\[(.*)\])?$/.exec(name);
    if (!m) {
      // without -v a word that is no variable name may still name a function: no error
      if (p.set.has('v')) status = await invalid(sh, 'unset', name);
      else sh.state.functions.delete(name);
      continue;
    }
    try {
      if (m[2] !== undefined) {
        const v = sh.state.lookup(m[1]!);
        // no element of a readonly array goes (the message names the array)
        if (v?.readonly) {
          await sh.error(`unset: ${m[1]}: cannot unset: readonly variable`);
          status = 1;
          continue;
        }
        if (v?.assoc) v.assoc.delete(m[2]);
        // a[@] and a[*] empty an indexed array, which stays declared
        else if (v?.array && (m[2] === '@' || m[2] === '*')) {
          if (v.readonly) throw new ReadonlyError(m[1]!);
          v.array.clear();
        } else if (v?.array) {
          let i = Number(await arith(sh, m[2]));
          if (i < 0) i += maxIndex(v.array) + 1;
          if (i < 0) {
            await sh.error(`unset: [${m[2]}]: bad array subscript`);
            status = 1;
          } else v.array.delete(i);
        }
        continue;
      }
      if (!sh.state.lookup(name) && !p.set.has('v') && sh.state.functions.has(name)) {
        sh.state.functions.delete(name);
        continue;
      }
      // through a nameref the variable it names goes (unset -n takes the reference itself)
      let target = name;
      for (let depth = 0; depth < 8 && !p.set.has('n'); depth++) {
        const ref = sh.state.holder(target).get(target);
        if (!ref?.ref || !ref.value || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(ref.value)) break;
        target = ref.value;
      }
      sh.state.unset(target);
      if (target === 'BASH_XTRACEFD') await setTraceFd(sh, undefined);
    } catch (e) {
      if (e instanceof ReadonlyError) {
        await sh.error(`unset: ${name}: cannot unset: readonly variable`);
        status = 1;
      } else throw e;
    }
  }
  return status;
};

export const set: Builtin = async (sh, argv) => {
  const status = await setOptions(sh, argv);
  if (sh.state.options.has('xtrace')) await loadTraceQuoting(sh);
  return status;
};

const SET_USAGE = 'set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]';

async function setOptions(sh: Interpreter, argv: string[]): Promise<number> {
  const args = argv.slice(1);
  if (args.length === 0) {
    setQuoteLocale(utf8Locale(sh.state));
    for (const [k, v] of visibleVars(sh.state)) {
      if (v.declaredOnly && !(v.array ?? v.assoc)?.size) continue;
      if (v.array || v.assoc) await sh.write(1, `${k}=${arrayBody(v)}\n`);
      else if (v.value !== undefined) await sh.write(1, `${k}=${setQuote(v.value)}\n`);
    }
    // (posix mode lists variables only)
    if (!sh.state.options.has('posix')) for (const [n, f] of [...sh.state.functions].sort()) await sh.write(1, `${functionText(n, f.body)}\n`);
    return 0;
  }
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      sh.state.positional = args.slice(i + 1);
      sh.state.positionalSets++;
      return 0;
    }
    if (a === '-' ) {
      sh.state.options.delete('xtrace');
      sh.state.options.delete('verbose');
      i++;
      break;
    }
    if (!/^[-+]/.test(a)) break;
    const on = a[0] === '-';
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      if (c === 'o') {
        const name = args[++i];
        if (name === undefined) {
          for (const [n] of SET_OPTIONS) {
            if (on) await sh.write(1, `${n.padEnd(15)}\t${sh.state.options.has(n) ? 'on' : 'off'}\n`);
            else await sh.write(1, `set ${sh.state.options.has(n) ? '-o' : '+o'} ${n}\n`);
          }
          break;
        }
        if (!SET_OPTIONS.some(([n]) => n === name)) {
          await sh.error(`set: ${name}: invalid option name`);
          sh.posixFatal = true;
          return 2;
        }
        setNamedOption(sh, name, on);
        continue;
      }
      // -r makes the shell restricted for good: +r is then refused (as an unknown option, but
      // found so after the letters were read: status 1)
      if (c === 'r') {
        if (on) makeRestricted(sh.state);
        else if (sh.state.restricted) return (await badOption(sh, 'set', '+r', SET_USAGE)) && 1;
        continue;
      }
      const opt = SET_OPTIONS.find(([, l]) => l === c);
      if (!opt) return badOption(sh, 'set', `${a[0]}${c}`, SET_USAGE);
      if (on) sh.state.options.add(opt[0]);
      else sh.state.options.delete(opt[0]);
      if (opt[0] === 'monitor') sh.state.monitorHere = on;
    }
  }
  if (i < args.length) {
    sh.state.positional = args.slice(i);
    sh.state.positionalSets++;
  }
  return 0;
}

