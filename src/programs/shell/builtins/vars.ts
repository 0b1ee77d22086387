// export unset set declare typeset local readonly let shopt
import { arith, ExpansionError, setElement } from '../expand';
import type { ArithValue } from '../arith';
import type { Interpreter } from '../interpreter';
import { ReadonlyError, type Var } from '../state';
import { commandText } from '../unparse';
import type { Builtin } from './types';
import { badOption, NAME_RE } from './types';
import { Parser } from '../parser';
import { assign } from '../simple';
import { ansiQuote, NEEDS_ANSI } from '../quote';

export const SET_OPTIONS: [string, string | undefined][] = [
  ['allexport', 'a'], ['braceexpand', 'B'], ['emacs', undefined], ['errexit', 'e'], ['errtrace', 'E'], ['functrace', 'T'],
  ['hashall', 'h'], ['histexpand', 'H'], ['history', undefined], ['ignoreeof', undefined], ['interactive-comments', undefined],
  ['keyword', 'k'], ['monitor', 'm'], ['noclobber', 'C'], ['noexec', 'n'], ['noglob', 'f'], ['nolog', undefined], ['notify', 'b'],
  ['nounset', 'u'], ['onecmd', 't'], ['physical', 'P'], ['pipefail', undefined], ['posix', undefined], ['privileged', 'p'],
  ['verbose', 'v'], ['vi', undefined], ['xtrace', 'x'],
];

export const SHOPT_NAMES = ['autocd', 'assoc_expand_once', 'cdable_vars', 'cdspell', 'checkhash', 'checkjobs', 'checkwinsize', 'cmdhist', 'compat31', 'compat32', 'compat40', 'compat41', 'compat42', 'compat43', 'compat44', 'complete_fullquote', 'direxpand', 'dirspell', 'dotglob', 'execfail', 'expand_aliases', 'extdebug', 'extglob', 'extquote', 'failglob', 'force_fignore', 'globasciiranges', 'globskipdots', 'globstar', 'gnu_errfmt', 'histappend', 'histreedit', 'histverify', 'hostcomplete', 'huponexit', 'inherit_errexit', 'interactive_comments', 'lastpipe', 'lithist', 'localvar_inherit', 'localvar_unset', 'login_shell', 'mailwarn', 'no_empty_cmd_completion', 'nocaseglob', 'nocasematch', 'noexpand_translation', 'nullglob', 'patsub_replacement', 'progcomp', 'progcomp_alias', 'promptvars', 'restricted_shell', 'shift_verbose', 'sourcepath', 'varredir_close', 'xpg_echo'];

/** Double-quoted value as declare -p prints it ($'...' when it has control characters). */
export function declareQuote(s: string): string {
  if (NEEDS_ANSI.test(s)) return ansiQuote(s);
  return `"${s.replace(/(["\\$`])/g, '\\$1')}"`;
}

/** `set` output quoting: bare when safe, '...' otherwise, $'...' for control characters. */
export function setQuote(s: string): string {
  if (NEEDS_ANSI.test(s)) return ansiQuote(s);
  if (s !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(s)) return s;
  return `'${s.replace(/'/g, "'\\''")}'`;
}

function attrFlags(v: Var): string {
  let f = '';
  if (v.array) f += 'a';
  if (v.assoc) f += 'A';
  if (v.integer) f += 'i';
  if (v.lower) f += 'l';
  if (v.ref) f += 'n';
  if (v.readonly) f += 'r';
  if (v.upper) f += 'u';
  if (v.exported) f += 'x';
  return f || '-';
}

export function declareLine(name: string, v: Var): string {
  const flags = attrFlags(v);
  if (v.array) return `declare -${flags} ${name}=(${[...v.array].sort((a, b) => a[0] - b[0]).map(([k, x]) => `[${k}]=${declareQuote(x)}`).join(' ')})`;
  if (v.assoc) return `declare -${flags} ${name}=(${[...v.assoc].map(([k, x]) => `[${k}]=${declareQuote(x)} `).join('')})`;
  if (v.value === undefined) return `declare -${flags} ${name}`;
  return `declare -${flags} ${name}=${declareQuote(v.value)}`;
}

function visibleVars(sh: Interpreter): Map<string, Var> {
  const all = new Map<string, Var>(sh.state.globals);
  for (const scope of sh.state.scopes) for (const [k, v] of scope) all.set(k, v);
  return new Map([...all].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
}

async function invalid(sh: Interpreter, cmd: string, arg: string): Promise<number> {
  await sh.error(`${cmd}: \`${arg}': not a valid identifier`);
  return 1;
}

/** declare / typeset / local / export / readonly share this: NAME[=VALUE] with attributes. */
async function declareNames(sh: Interpreter, cmd: string, args: string[], attrs: { set: Set<string>; unset: Set<string> }, local: boolean): Promise<number> {
  let status = 0;
  const scope = local ? sh.state.scopes[sh.state.scopes.length - 1] : undefined;
  for (const arg of args) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(\[[^\]]*\])?(\+?=)?([\s\S]*)$/.exec(arg);
    if (!m) {
      status = await invalid(sh, cmd, arg);
      continue;
    }
    const name = m[1]!;
    const holder = scope ?? (attrs.set.has('g') ? sh.state.globals : sh.state.holder(name));
    let v = holder.get(name);
    if (!v) {
      v = {};
      if (scope && !attrs.set.has('a') && !attrs.set.has('A')) {
        // `local x` starts unset, keeping nothing of the outer value
      }
      holder.set(name, v);
    }
    if (v.readonly && (m[3] || attrs.unset.has('r'))) {
      await sh.error(`${cmd}: ${name}: readonly variable`);
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
      v.assoc = new Map(v.value !== undefined ? [['0', v.value]] : []);
      delete v.value;
    }
    for (const [flag, key] of [['x', 'exported'], ['i', 'integer'], ['l', 'lower'], ['u', 'upper'], ['n', 'ref']] as const) {
      if (attrs.set.has(flag)) v[key] = true;
      if (attrs.unset.has(flag)) delete v[key];
    }
    if (attrs.set.has('l')) delete v.upper;
    if (attrs.set.has('u')) delete v.lower;
    if (m[3]) {
      let value = m[4]!;
      if (m[2]) {
        setElement(sh.state, name, m[2].slice(1, -1), value);
      } else if (value.startsWith('(') && value.endsWith(')') && (v.array || v.assoc || attrs.set.has('a') || attrs.set.has('A'))) {
        const p = new Parser(`${name}${m[3]}${value}`, {});
        const cmdNode = p.nextCommand()?.items[0]?.cmd;
        if (cmdNode?.kind === 'simple' && cmdNode.assigns[0]) await assign(sh, cmdNode.assigns[0], holder);
      } else {
        if (v.integer) value = String(await arith(sh, m[3] === '+=' ? `${v.value ?? 0}+(${value})` : value));
        else if (m[3] === '+=') value = (v.value ?? '') + value;
        if (v.lower) value = value.toLowerCase();
        if (v.upper) value = value.toUpperCase();
        if (v.array) v.array.set(0, value);
        else if (v.assoc) v.assoc.set('0', value);
        else v.value = value;
      }
    }
    if (attrs.set.has('r')) v.readonly = true;
  }
  return status;
}

function parseAttrs(args: string[], allowed: string): { set: Set<string>; unset: Set<string>; rest: string[]; bad?: string } {
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
  if (names.length === 0) {
    for (const [k, v] of visibleVars(sh)) if (filter(v)) await sh.write(1, `${declareLine(k, v)}\n`);
    return 0;
  }
  for (const n of names) {
    const v = sh.state.lookup(n);
    if (!v) {
      await sh.error(`${cmd}: ${n}: not found`);
      status = 1;
    } else await sh.write(1, `${declareLine(n, v)}\n`);
  }
  return status;
}

async function printFunctions(sh: Interpreter, names: string[], onlyNames: boolean): Promise<number> {
  const fns = names.length ? names : [...sh.state.functions.keys()].sort();
  let status = 1;
  for (const n of fns) {
    const f = sh.state.functions.get(n);
    if (!f) continue;
    status = 0;
    await sh.write(1, onlyNames ? `declare -f ${n}\n` : `${n} () \n${commandText(f.body)}\n`);
  }
  return names.length && status ? 1 : 0;
}

const makeDeclare = (cmd: string, local: boolean): Builtin => async (sh, argv) => {
  if (local && sh.state.funcNames.length === 0) {
    await sh.error(`${cmd}: can only be used in a function`);
    return 1;
  }
  const p = parseAttrs(argv.slice(1), 'aAfFgilnprtux');
  if (p.bad) return badOption(sh, cmd, p.bad, `${cmd} [-aAfFgiIlnrtux] [name[=value] ...] or ${cmd} -p [-aAfFilnrtux] [name ...]`);
  if (p.set.has('f') || p.set.has('F')) return printFunctions(sh, p.rest, p.set.has('F'));
  if (p.set.has('p') || (p.rest.length === 0)) {
    const want = [...p.set].filter((c) => c !== 'p' && c !== 'g');
    return printDeclared(sh, p.rest, (v) => want.every((c) => attrFlags(v).includes(c)), cmd);
  }
  return declareNames(sh, cmd, p.rest, p, local || (sh.state.funcNames.length > 0 && !p.set.has('g')));
};

export const declare = makeDeclare('declare', false);
export const typeset = makeDeclare('typeset', false);
export const local = makeDeclare('local', true);

export const exportBuiltin: Builtin = async (sh, argv) => {
  const p = parseAttrs(argv.slice(1), 'fnp');
  if (p.bad) return badOption(sh, 'export', p.bad, 'export [-fn] [name[=value] ...] or export -p');
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
  if (p.rest.length === 0) return printDeclared(sh, [], (v) => !!v.readonly, 'readonly');
  return declareNames(sh, 'readonly', p.rest, { set: new Set(['r', ...[...p.set].filter((c) => c === 'a' || c === 'A')]), unset: new Set() }, false);
};

export const unset: Builtin = async (sh, argv) => {
  const p = parseAttrs(argv.slice(1), 'fvn');
  if (p.bad) return badOption(sh, 'unset', p.bad, 'unset [-f] [-v] [-n] [name ...]');
  let status = 0;
  for (const name of p.rest) {
    if (p.set.has('f')) {
      sh.state.functions.delete(name);
      continue;
    }
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:\[(.*)\])?$/.exec(name);
    if (!m) {
      status = await invalid(sh, 'unset', name);
      continue;
    }
    try {
      if (m[2] !== undefined) {
        const v = sh.state.lookup(m[1]!);
        if (v?.assoc) v.assoc.delete(m[2]);
        else if (v?.array) v.array.delete(Number(await arith(sh, m[2])));
        continue;
      }
      if (!sh.state.lookup(name) && !p.set.has('v') && sh.state.functions.has(name)) {
        sh.state.functions.delete(name);
        continue;
      }
      sh.state.unset(name);
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
  const args = argv.slice(1);
  if (args.length === 0) {
    for (const [k, v] of visibleVars(sh)) {
      if (v.array || v.assoc) await sh.write(1, `${k}=(${[...(v.array ?? v.assoc ?? new Map())].map(([i, x]) => `[${i}]=${declareQuote(String(x))}`).join(' ')})\n`);
      else if (v.value !== undefined) await sh.write(1, `${k}=${setQuote(v.value)}\n`);
    }
    for (const [n, f] of [...sh.state.functions].sort()) await sh.write(1, `${n} () \n${commandText(f.body)}\n`);
    return 0;
  }
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      sh.state.positional = args.slice(i + 1);
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
          return 1;
        }
        if (on) sh.state.options.add(name);
        else sh.state.options.delete(name);
        continue;
      }
      const opt = SET_OPTIONS.find(([, l]) => l === c);
      if (!opt) return badOption(sh, 'set', `${a[0]}${c}`, 'set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]');
      if (on) sh.state.options.add(opt[0]);
      else sh.state.options.delete(opt[0]);
    }
  }
  if (i < args.length) sh.state.positional = args.slice(i);
  return 0;
};

export const letBuiltin: Builtin = async (sh, argv) => {
  if (argv.length < 2) {
    await sh.error('let: expression expected');
    return 1;
  }
  let v: ArithValue = 0;
  for (const expr of argv.slice(1)) {
    try {
      v = await arith(sh, expr);
    } catch (e) {
      if (e instanceof ExpansionError) {
        await sh.error(`let: ${e.message}`);
        return 1;
      }
      throw e;
    }
  }
  return v === 0 ? 1 : 0;
};

export const shopt: Builtin = async (sh, argv) => {
  const p = parseAttrs(argv.slice(1), 'supqo');
  if (p.bad) return badOption(sh, 'shopt', p.bad, 'shopt [-pqsu] [-o] [optname ...]');
  const names = p.rest.length ? p.rest : SHOPT_NAMES;
  let status = 0;
  for (const n of names) {
    if (!SHOPT_NAMES.includes(n)) {
      await sh.error(`shopt: ${n}: invalid shell option name`);
      status = 1;
      continue;
    }
    if (p.set.has('s')) sh.state.shopts.add(n);
    else if (p.set.has('u')) sh.state.shopts.delete(n);
    else {
      const on = sh.state.shopts.has(n);
      if (!on) status = p.rest.length ? 1 : status;
      if (p.set.has('q')) continue;
      if (p.set.has('p')) await sh.write(1, `shopt ${on ? '-s' : '-u'} ${n}\n`);
      else await sh.write(1, `${n.padEnd(15)}\t${on ? 'on' : 'off'}\n`);
    }
  }
  return status;
};
