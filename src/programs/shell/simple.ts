// Simple commands: assignments, word expansion, redirections, then a function, a builtin
// or a program found on PATH (bash manual, SIMPLE COMMAND EXPANSION and COMMAND EXECUTION).
import { isSysError, strerror } from '../../shared/errno';
import type { Assign, Command, Word } from './ast';
import { builtinEnabled } from './builtins/enabled';
import { builtins, SPECIAL_BUILTINS } from './builtins/index';
import { AbortCommand, ReturnSignal, ShellExit } from './control';
import { arith, arithText, expandToString, expandWord, expandWords, ExpansionError, posixExitError, maxIndex, setElement, type MaybePromise } from './expand';
import type { Builtin } from './builtins/types';
import { binarySample, decodeBytes } from './byte-text';
import { Interpreter } from './interpreter';
import { jobControl, waitForeground } from './jobs';
import { makeChild } from './fork';
import { applyRedirs, RedirectError, SaveFailed } from './redirect';
import { commandText } from './unparse';
import { setTraceFd, traceAssign, traceLines, tracePrefix, traceQuoter } from './xtrace';
import { inherited, ReadonlyError, ShellState, type Var } from './state';
import { AssocMap } from './assoc';
import { indexValue } from './subscript';
import { printableName } from './quote';
import { functionCandidate } from './nofork';
import { utf8Locale } from './ansi-c';

const MAX_FUNC_DEPTH = 1000;

/** One assignment: synchronously for a scalar whose value expands without waiting. */
export function assign(sh: Interpreter, a: Assign, scope?: Map<string, Var>): Promise<void> | undefined {
  if (a.array || a.index) return assignAsync(sh, a, scope);
  const value = a.value ? expandToString(sh, a.value, true) : '';
  if (typeof value === 'string') return assignScalar(sh, a, scope, value);
  return value.then((v) => assignScalar(sh, a, scope, v));
}

function assignScalar(sh: Interpreter, a: Assign, scope: Map<string, Var> | undefined, value: string): Promise<void> | undefined {
  const state = sh.state;
  if (state.options.has('xtrace')) sh.assignedValues.set(a, value);
  const v = state.lookup(a.name);
  let final = value;
  if (v?.integer) final = String(arithText(sh, a.append ? `${state.get(a.name) ?? 0}+(${value})` : value));
  else if (a.append) final = (state.get(a.name) ?? '') + value;
  if (scope) {
    // a temporary assignment to a readonly variable is reported, and the command still runs
    // (in posix mode the rest of the line is abandoned)
    if (v?.readonly) {
      const told = sh.error(`${a.name}: readonly variable`);
      if (!state.options.has('posix') || state.interactive) return told;
      return told.then(() => {
        state.status = 1;
        throw new AbortCommand();
      });
    }
    const existing = scope.get(a.name);
    scope.set(a.name, { ...(existing ?? {}), value: final });
  } else state.set(a.name, final);
  // set -x output goes to this descriptor
  if (a.name === 'BASH_XTRACEFD') return setTraceFd(sh, final);
  return undefined;
}

/** The variable a nameref leads to (the name itself when it is none). */
function refTarget(state: ShellState, name: string): string {
  for (let depth = 0; depth < 8; depth++) {
    const v = state.holder(name).get(name);
    if (!v?.ref || !v.value) break;
    name = v.value;
  }
  return name;
}

/** A word in an associative array's error message, single-quoted as bash shows it. */
function quoteAssocWord(w: string): string {
  return `'${w.replace(/'/g, "'\\''")}'`;
}

/** Array assignments and name[index]=value. */
async function assignAsync(sh: Interpreter, a: Assign, scope?: Map<string, Var>): Promise<void> {
  const state = sh.state;
  if (a.array) {
    // a nameref's target gets the list; the variable keeps its attributes (-i evaluates, -l/-u fold)
    const name = scope ? a.name : refTarget(state, a.name);
    const holder = scope ?? state.holder(name);
    const existing = holder.get(name);
    if (existing?.readonly) throw new ReadonlyError(name);
    let v: Var;
    if (existing && a.append) {
      v = existing;
      delete v.declaredOnly;
    }
    else {
      v = { ...(existing ?? {}) };
      delete v.value;
      delete v.array;
      delete v.declaredOnly;
      if (existing?.assoc) v.assoc = new AssocMap();
    }
    const fold = async (value: string): Promise<string> => {
      if (v.integer) return String(await arith(sh, value || '0'));
      return state.fold(v, value);
    };
    if (existing?.assoc || v.assoc) {
      const m = a.append && v.assoc ? v.assoc : new AssocMap();
      const put = (key: string, value: string): void => {
        state.onGrow?.(key.length + value.length + 48);
        m.set(key, value);
      };
      if (a.array.length > 0 && !a.array[0]!.key) {
        // bash 5.1: a list that starts without [key]= is key value key value ... (a missing
        // last value is empty; a [k]=v item there is just a word)
        const words: string[] = [];
        for (const item of a.array) {
          const value = await expandToString(sh, item.value);
          words.push(item.key ? `[${await expandToString(sh, item.key)}]=${value}` : value);
        }
        for (let i = 0; i < words.length; i += 2) {
          if (words[i] === '') {
            await sh.error("'': bad array subscript");
            continue;
          }
          put(words[i]!, await fold(words[i + 1] ?? ''));
        }
      } else {
        for (const item of a.array) {
          if (!item.key) {
            await sh.error(`${a.name}: ${quoteAssocWord(await expandToString(sh, item.value))}: must use subscript when assigning associative array`);
            continue;
          }
          const key = await expandToString(sh, item.key);
          const value = await fold(await expandToString(sh, item.value));
          if (key === '') {
            await sh.error(`[${quoteAssocWord(key)}]=${quoteAssocWord(value)}: bad array subscript`);
            continue;
          }
          put(key, value);
        }
      }
      v.assoc = m;
    } else {
      // a scalar appended to becomes element 0
      const m = a.append && v.array ? v.array : new Map<number, string>(a.append && v.value !== undefined ? [[0, v.value]] : []);
      let next = a.append ? Math.max(-1, ...m.keys()) + 1 : 0;
      if (v.value !== undefined) delete v.value;
      for (const item of a.array) {
        if (item.key) {
          const keyText = await expandToString(sh, item.key);
          let at = Number(await arith(sh, keyText));
          // [-1]=v counts back from the end of the elements so far
          if (at < 0) at += maxIndex(m) + 1;
          const raw = await expandToString(sh, item.value);
          if (at < 0) {
            await sh.error(`[${keyText}]=${raw}: bad array subscript`);
            continue;
          }
          const value = await fold(raw);
          state.onGrow?.(value.length + 48);
          next = at;
          m.set(next++, value);
        } else {
          for (const f of await expandWord(sh, item.value)) {
            state.onGrow?.(f.length + 48);
            m.set(next++, await fold(f));
          }
        }
      }
      v.array = m;
    }
    holder.set(name, v);
    return;
  }
  // name[index]=value
  const value = a.value ? await expandToString(sh, a.value, true) : '';
  if (state.options.has('xtrace')) sh.assignedValues.set(a, value);
  const v = state.lookup(a.name);
  let key = v?.assoc ? await expandToString(sh, a.index!) : String(await indexValue(sh, a.index!));
  // a[-1]: counted back from the end (a scalar is element 0)
  if (!v?.assoc && Number(key) < 0 && (v?.array || v?.value !== undefined)) key = String(Number(key) + (v.array ? maxIndex(v.array) : 0) + 1);
  if ((!v?.assoc && (Number(key) < 0 || a.index!.text === '')) || (v?.assoc && key === '')) throw posixExitError(`${a.name}[${a.index!.text}]: bad array subscript`);
  const old = v?.assoc ? v.assoc.get(key) : v?.array ? v.array.get(Number(key)) : key === '0' ? v?.value : undefined;
  // through a nameref: the element of the variable it names
  setElement(state, refTarget(state, a.name), key, a.append ? (old ?? '') + value : value);
}

/** set -x: each assignment on a line of its own, then the command's words. */
function xtrace(sh: Interpreter, argv: string[]): Promise<void> | undefined {
  if (!sh.state.options.has('xtrace')) return undefined;
  const lines: string[] = [];
  const traceQuote = traceQuoter(sh);
  if (argv.length && DECLARATIONS.has(argv[0]!) && argv.some((w) => sh.compoundArgs.has(w))) {
    // declare a=(1 2): the builtin traces the list it assigned, then itself without it
    sh.declarationTrace = argv.map((w) => (sh.compoundArgs.has(w) ? w.slice(0, w.search(/\+?=/)) : traceQuote(w))).join(' ');
  } else if (argv.length) lines.push(argv.map(traceQuote).join(' '));
  return traceLines(sh, lines);
}

/**
 * One assignment as set -x shows it: a list before it is expanded, a value once it is; alone
 * (no `temp`) it is traced before it is made (so PS4's own shows the old PS4), before a
 * command after it is made.
 */
async function assignTraced(sh: Interpreter, a: Assign, temp?: Map<string, Var>): Promise<void> {
  if (!sh.state.options.has('xtrace')) return assign(sh, a, temp);
  if (a.array) await traceLines(sh, [traceAssign(sh, a)]);
  const before = !temp && a.name === 'PS4' && !a.array ? await tracePrefix(sh) : undefined;
  await assign(sh, a, temp);
  if (!a.array) await traceLines(sh, [traceAssign(sh, a)], before);
}

/** A command's own assignments are seen by those after them (not by its redirections). */
function pushTemp(state: ShellState, temp: Map<string, Var> | undefined): () => void {
  if (!temp) return noop;
  state.scopes.push(temp);
  state.tempScopes.set(temp, false);
  return () => {
    state.scopes.splice(state.scopes.lastIndexOf(temp), 1);
    state.tempScopes.delete(temp);
  };
}

/**
 * Finds a command on PATH (remembering it in the hash table). `tempPath`: a PATH assigned
 * for this command alone, searched instead, without the hash table.
 */
export async function findCommand(sh: Interpreter, name: string, hits = 1, tempPath?: string): Promise<string | undefined> {
  const hashed = tempPath === undefined ? sh.state.hash.get(name) : undefined;
  // a remembered location is used as it is; only shopt checkhash looks again first
  if (hashed && !sh.state.shopts.has('checkhash')) {
    sh.state.hashHits.set(name, (sh.state.hashHits.get(name) ?? 0) + hits);
    return hashed;
  }
  if (hashed) {
    try {
      const st = await sh.sys.stat(hashed);
      if (st.kind === 'file') {
        sh.state.hashHits.set(name, (sh.state.hashHits.get(name) ?? 0) + hits);
        return hashed;
      }
    } catch {
      sh.state.hash.delete(name);
    }
  }
  const path = tempPath ?? sh.state.get('PATH') ?? '';
  for (const dir of path.split(':')) {
    const full = `${dir === '' ? '.' : dir}/${name}`;
    try {
      const st = await sh.sys.stat(full);
      if (st.kind !== 'file') continue;
      await sh.sys.access(full, 1);
      if (sh.state.options.has('hashall') && tempPath === undefined) {
        sh.state.hash.set(name, full);
        sh.state.hashHits.set(name, hits);
        sh.state.hashMade = true;
      }
      return full;
    } catch {
      continue;
    }
  }
  return undefined;
}

const noop = (): void => {};

export function runSimple(sh: Interpreter, cmd: Command & { kind: 'simple' }, execLast: boolean): MaybePromise<number> {
  const state = sh.state;
  state.lineno = cmd.line;
  if (sh.trapDepth === 0) state.current = cmd;
  if (state.traps.size !== 0) {
    if (sh.debugDone) sh.debugDone = false;
    else {
      const d = sh.debugTrap(cmd);
      if (d) return d.then(() => (sh.skipAfterDebug() ? 0 : runWords(sh, cmd, execLast)));
    }
  }
  return runWords(sh, cmd, execLast);
}

/** Builtins whose assignment-shaped arguments expand as assignments do. */
const DECLARATIONS = new Set(['declare', 'typeset', 'local', 'export', 'readonly']);

/** set -k: the command with its assignment-shaped arguments moved to its assignments. */
const keywordForms = new WeakMap<Command, Command & { kind: 'simple' }>();

function keywordForm(cmd: Command & { kind: 'simple' }): Command & { kind: 'simple' } {
  let k = keywordForms.get(cmd);
  if (!k) {
    const [first, ...rest] = cmd.words;
    k = { ...cmd, assigns: [...cmd.assigns, ...rest.filter((w) => w.assign).map((w) => w.assign!)], words: [first!, ...rest.filter((w) => !w.assign)] };
    keywordForms.set(cmd, k);
  }
  return k;
}

function runWords(sh: Interpreter, cmd: Command & { kind: 'simple' }, execLast: boolean): MaybePromise<number> {
  const w0 = cmd.words[0];
  if (w0 && cmd.words.length > 1 && sh.state.options.has('keyword') && !DECLARATIONS.has(w0.text) && cmd.words.some((w, i) => i > 0 && w.assign)) return runWords(sh, keywordForm(cmd), execLast);
  if (w0 && cmd.words.length > 1 && DECLARATIONS.has(w0.text) && cmd.words.some((w) => w.assign)) {
    return declarationWords(sh, cmd.words).then((a) => runExpanded(sh, cmd, a, execLast));
  }
  // words that expand to nothing (`$(exit 5)`) leave the status of their substitutions
  const substBefore = sh.substitutions;
  const argv = expandWords(sh, cmd.words);
  if (argv instanceof Promise) return argv.then((a) => runExpanded(sh, cmd, a, execLast, substBefore));
  return runExpanded(sh, cmd, argv, execLast, substBefore);
}

/**
 * declare x=$v y=~/d a=(1 2): a value is neither split nor globbed, `~` expands after = and :,
 * and a compound value reaches the builtin as written (it assigns the list itself).
 */
async function declarationWords(sh: Interpreter, words: Word[]): Promise<string[]> {
  const argv: string[] = [];
  const compound = new Set<string>();
  for (const w of words) {
    const a = w.assign;
    if (!a) {
      argv.push(...(await expandWords(sh, [w])));
      continue;
    }
    if (a.array) {
      argv.push(w.text);
      compound.add(w.text);
      continue;
    }
    const head = `${a.name}${a.index ? `[${a.index.text}]` : ''}${a.append ? '+=' : '='}`;
    argv.push(head + (a.value ? await expandToString(sh, a.value, true) : ''));
  }
  sh.compoundArgs = compound;
  return argv;
}

/** The command after its words are expanded: the plain cases without waiting. */
function runExpanded(sh: Interpreter, cmd: Command & { kind: 'simple' }, argv: string[], execLast: boolean, substBefore = sh.substitutions): MaybePromise<number> {
  const state = sh.state;
  if (argv.length === 0) {
    if (cmd.redirs.length || state.options.has('xtrace')) return assignOnly(sh, cmd, substBefore);
    // values see the previous $?; the command's status is that of the last command
    // substitution in it (words included), or 0 (bash manual, SIMPLE COMMAND EXPANSION)
    const assigns = cmd.assigns;
    for (let i = 0; i < assigns.length; i++) {
      const r = assign(sh, assigns[i]!);
      if (r) return r.then(() => assignRest(sh, assigns, i + 1, substBefore));
    }
    // an assignment alone leaves $_ empty
    state.lastArg = '';
    return sh.substitutions > substBefore ? state.status : 0;
  }
  const name = argv[0]!;
  const r = runNamed(sh, cmd, argv, name, execLast);
  // $_ becomes the last argument once the command is done (during it, it is the one before)
  const last = argv[argv.length - 1]!;
  if (typeof r === 'number') {
    state.lastArg = last;
    return r;
  }
  return r.then((status) => {
    state.lastArg = last;
    return status;
  });
}

function runNamed(sh: Interpreter, cmd: Command & { kind: 'simple' }, argv: string[], name: string, execLast: boolean): MaybePromise<number> {
  const state = sh.state;
  const fn = state.functions.get(name);
  const builtin = fn || !builtinEnabled(sh.state, name) ? undefined : builtins.get(name);
  if (fn || builtin) {
    if (fn && cmd === sh.oneshot && sh.oneshotFunctions && sh.trapDepth === 0 && !execBlockedByTraps(state.traps)) {
      sh.oneshot = functionCandidate(fn.body);
      sh.oneshotDepth = state.funcNames.length + 1;
    }
    if (cmd.assigns.length || cmd.redirs.length || state.options.has('xtrace')) return runBuiltinFull(sh, cmd, argv, name, fn, builtin);
    return invoke(sh, name, fn, builtin, argv);
  }
  return runProgram(sh, cmd, argv, name, execLast);
}

async function assignRest(sh: Interpreter, assigns: Assign[], from: number, substBefore: number): Promise<number> {
  for (let i = from; i < assigns.length; i++) await assign(sh, assigns[i]!);
  sh.state.lastArg = '';
  return sh.substitutions > substBefore ? sh.state.status : 0;
}

async function assignOnly(sh: Interpreter, cmd: Command & { kind: 'simple' }, substBefore: number): Promise<number> {
  for (const a of cmd.assigns) await assignTraced(sh, a);
  const status = sh.substitutions > substBefore ? sh.state.status : 0;
  const undo = cmd.redirs.length ? await applyRedirs(sh, cmd.redirs) : noop;
  undo();
  return status;
}

/** Runs a function or builtin; a builtin whose output cannot be written says so, as bash's do. */
function invoke(sh: Interpreter, name: string, fn: FuncDef | undefined, builtin: Builtin | undefined, argv: string[]): MaybePromise<number> {
  if (fn) return callFunction(sh, fn, argv);
  // a builtin run by a pipeline's stage is in a subshell too (eval and source see one more)
  if (sh.state.levelLowered) {
    sh.state.level++;
    sh.state.levelLowered = false;
  }
  let r: MaybePromise<number>;
  sh.posixFatal = false;
  try {
    r = builtin!(sh, argv);
  } catch (e) {
    return writeFailed(sh, name, e);
  }
  if (typeof r === 'number') return r === 0 ? r : specialFailed(sh, name, r);
  return r.then((status) => (status === 0 ? status : specialFailed(sh, name, status)), (e: unknown) => writeFailed(sh, name, e));
}

/**
 * A special builtin's usage error (a bad option, `return` outside a function, `break` with a
 * word for a number) ends a non-interactive shell in posix mode, with its status.
 */
function specialFailed(sh: Interpreter, name: string, status: number): number {
  if (!sh.state.options.has('posix') || sh.state.interactive || !SPECIAL_BUILTINS.has(name)) return status;
  // return only comes back (instead of returning) when it was used outside a function
  const usage = sh.posixFatal || name === 'return' || ((name === 'break' || name === 'continue') && status === 128);
  if (usage) throw new ShellExit(status);
  return status;
}

function writeFailed(sh: Interpreter, name: string, e: unknown): Promise<number> {
  if (!isSysError(e) || (e.syscall !== 'write' && e.syscall !== 'fd')) throw e;
  return sh.error(`${name}: write error: ${strerror(e.errno)}`).then(() => 1);
}

/** Builtins whose command assignments are a scope of their own (bash's builtin environment):
 * what they run sees and lists them, and what they assign stays there. For other builtins an
 * assignment to such a name changes the shell's variable too. */
const LISTED_TEMP = new Set(['eval', 'source', '.', 'unset', 'mapfile', 'readarray', 'read', 'fc']);

/** The temporary variables export or readonly name: set in the shell, out of the command's scope. */
function keepNamed(state: ShellState, temp: Map<string, Var>, argv: string[]): void {
  for (const word of argv.slice(1)) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(\+?=|$)/.exec(word);
    const v = m && temp.get(m[1]!);
    if (!v || v.value === undefined) continue;
    temp.delete(m[1]!);
    state.set(m[1]!, v.value);
  }
}

/** A function or builtin with assignments before it, redirections or tracing. */
async function runBuiltinFull(sh: Interpreter, cmd: Command & { kind: 'simple' }, argv: string[], name: string, fn: FuncDef | undefined, builtin: Builtin | undefined): Promise<number> {
  const state = sh.state;
  // assignments before a special builtin persist in posix mode; otherwise they last for the
  // command (eval, source and unset see them as a scope of their own, which takes what is
  // assigned inside it)
  const special = builtin && SPECIAL_BUILTINS.has(name);
  const persist = special && state.options.has('posix');
  const temp = persist || cmd.assigns.length === 0 ? undefined : new Map<string, Var>();
  const undoTemp = pushTemp(state, temp);
  try {
    for (const a of cmd.assigns) {
      try {
        await assignTraced(sh, a, temp);
      } catch (e) {
        // one before a special builtin that fails (readonly) is reported and the builtin still
        // runs; in posix mode a non-interactive shell ends
        if (!special || !(e instanceof ReadonlyError)) throw e;
        await sh.error(e.message);
        if (state.options.has('posix') && !state.interactive) throw new ShellExit(1);
      }
    }
  } finally {
    undoTemp();
  }
  if (temp) for (const v of temp.values()) v.exported = true;
  // export and readonly of a name given for the command keep it, with its value
  if (temp && (name === 'export' || name === 'readonly') && builtin) keepNamed(state, temp, argv);
  const trace = xtrace(sh, argv);
  if (trace) await trace;
  let undo = noop;
  try {
    if (cmd.redirs.length) undo = await applyRedirs(sh, cmd.redirs, name === 'exec' && argv.length === 1);
  } catch (e) {
    // a special builtin's redirection failing ends a non-interactive shell in posix mode
    if (e instanceof RedirectError && special && state.options.has('posix') && !state.interactive) throw new ShellExit(1);
    throw e;
  }
  if (temp && temp.size) {
    state.scopes.push(temp);
    // (a function's assignments are its caller's locals; bash's builtin environments)
    if (!fn) state.tempScopes.set(temp, LISTED_TEMP.has(name));
  }
  try {
    return await invoke(sh, name, fn, builtin, argv);
  } finally {
    if (temp && temp.size) {
      state.scopes.splice(state.scopes.lastIndexOf(temp), 1);
      state.tempScopes.delete(temp);
    }
    undo();
  }
}

async function runProgram(sh: Interpreter, cmd: Command & { kind: 'simple' }, argv: string[], name: string, execLast: boolean): Promise<number> {
  const state = sh.state;
  const temp = new Map<string, Var>();
  const undoTemp = pushTemp(state, temp);
  try {
    for (const a of cmd.assigns) await assignTraced(sh, a, temp);
  } finally {
    undoTemp();
  }
  await xtrace(sh, argv);
  if (state.restricted && name.includes('/')) {
    await sh.error(`${name}: restricted: cannot specify \`/' in command names`);
    return 1;
  }
  // with PATH unset or empty, bash runs the name as it is, relative to the directory
  const searchPath = temp.has('PATH') ? temp.get('PATH')!.value : state.get('PATH');
  const path = name.includes('/') || !searchPath ? name : await findCommand(sh, name, 1, temp.get('PATH')?.value);
  if (!path && state.functions.has('command_not_found_handle') && !handlingNotFound.has(state)) return notFoundHandler(sh, cmd, argv);
  if (!path) {
    // the message goes where the command's stderr would have gone
    const undo = cmd.redirs.length ? await applyRedirs(sh, cmd.redirs) : noop;
    try {
      await sh.error(`${printableName(name, utf8Locale(sh.state))}: command not found`);
    } finally {
      undo();
    }
    return 127;
  }
  for (const v of temp.values()) v.exported = true;
  const env = state.environment(temp);
  // a program gets the path it was run by as $_ in its environment: in its place when $_ is
  // exported (it came from the environment), else last
  env.set('_', path);
  // the last command of bash -c, $( ) or ( ) replaces the shell (no fork) unless traps are set
  if (cmd === sh.oneshot && sh.oneshotDepth === state.funcNames.length && sh.trapDepth === 0 && !execBlockedByTraps(state.traps)) execLast = true;
  // (a program run in place of the shell sees SHLVL one lower, but in a pipeline's stage)
  if (execLast && !sh.pipeEnv) lowerShellLevel(env);
  let undo: () => void;
  try {
    undo = await applyRedirs(sh, cmd.redirs, false, true);
  } catch (e) {
    if (!(e instanceof SaveFailed)) throw e;
    return redirectInChild(sh, cmd, path, argv, env);
  }
  const reports: string[] = [];
  if (cmd.redirs.length) sh.deferredReports = reports;
  try {
    return await execute(sh, path, argv, env, execLast, commandText(cmd));
  } finally {
    sh.deferredReports = undefined;
    undo();
    if (reports.length) await sh.write(2, reports.join(''));
  }
}

/** Subshells running command_not_found_handle (a missing command there is just not found). */
const handlingNotFound = new WeakSet<ShellState>();

/** A command not found, with command_not_found_handle defined: the function runs in a
 * subshell with the command and its arguments, and its status is the command's. */
async function notFoundHandler(sh: Interpreter, cmd: Command & { kind: 'simple' }, argv: string[]): Promise<number> {
  const undo = cmd.redirs.length ? await applyRedirs(sh, cmd.redirs) : noop;
  try {
    const fn = sh.state.functions.get('command_not_found_handle')!;
    const pid = await sh.forkShell((sub) => {
      handlingNotFound.add(sub.state);
      return invoke(sub, 'command_not_found_handle', fn, undefined, ['command_not_found_handle', ...argv]);
    }, { fds: sh.inheritable(new Map()) });
    return await waitForeground(sh, [pid], undefined, commandText(cmd));
  } finally {
    undo();
  }
}

/**
 * should_suppress_fork(): bash does not exec the last command of bash -c in place while an EXIT
 * or ERR trap is set, or a signal is caught (an ignored one, `trap '' SIG`, does not count).
 */
function execBlockedByTraps(traps: ReadonlyMap<string, string>): boolean {
  for (const [name, action] of traps) {
    if (name === 'EXIT' || name === 'ERR') return true;
    if (name !== 'DEBUG' && name !== 'RETURN' && action !== '') return true;
  }
  return false;
}

/** adjust_shell_level(-1) before bash replaces itself with a program: SHLVL one lower (not below 0). */
export function lowerShellLevel(env: Map<string, string>): void {
  const v = env.get('SHLVL');
  if (v !== undefined) env.set('SHLVL', String(Math.max(0, (/^\s*[-+]?\d+\s*$/.test(v) ? Number(v) : 0) - 1)));
}

/**
 * A program whose redirections the shell cannot apply in its own process (no descriptor
 * left to save one, under a low ulimit -n): as bash always does, the child applies them after
 * the fork, then execs the program.
 */
async function redirectInChild(sh: Interpreter, cmd: Command & { kind: 'simple' }, path: string, argv: string[], env: Map<string, string>): Promise<number> {
  const sys = sh.sys;
  const control = jobControl(sh);
  const ignore = sh.childIgnores();
  const state = sh.state.clone();
  const pid = await makeChild(sh, () => sys.fork(async (child) => {
    const sub = new Interpreter(child, state);
    try {
      await applyRedirs(sub, cmd.redirs, true);
    } catch (e) {
      if (e instanceof RedirectError) return 1;
      throw e;
    }
    try {
      return await child.exec(path, argv, env);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await sub.error(`${path}: ${strerror(e.errno)}`);
      return e.errno === 'ENOENT' ? 127 : 126;
    }
  }, { fds: sh.inheritable(new Map()), ...(control ? { pgid: 0, foreground: true } : {}), ...(ignore ? { ignore } : {}) }));
  return waitForeground(sh, [pid], control ? pid : undefined, commandText(cmd));
}

/** Runs a program file: spawns and waits (or execs in a subshell that has nothing left to do). */
export async function execute(sh: Interpreter, path: string, argv: string[], env: Map<string, string>, execLast: boolean, text = argv.join(' ')): Promise<number> {
  const sys = sh.sys;
  const control = jobControl(sh);
  try {
    if (execLast) {
      const undo = sh.execSignals();
      try {
        await sys.exec(path, argv, env);
      } catch (e) {
        if (isSysError(e)) undo();
        throw e;
      }
    }
    const ignore = sh.childIgnores();
    const mark = sh.pendingTraps.length;
    const pid = await makeChild(sh, () => sys.spawn({ path, argv, env, fds: sh.inheritable(new Map()), ...(control ? { pgid: 0, foreground: true } : {}), ...(ignore ? { ignore } : {}) }));
    // a ^C typed while the program was being started was meant for it (the shell still had
    // the terminal's foreground group): the job gets it
    if (control && sh.interruptedStarting(mark)) sys.kill(-pid, 2);
    return await waitForeground(sh, [pid], control ? pid : undefined, text);
  } catch (e) {
    if (!isSysError(e)) throw e;
    return execFailure(sh, path, argv, env, e.errno, e.syscall, e.path);
  }
}

async function execFailure(sh: Interpreter, path: string, argv: string[], env: Map<string, string>, errno: Parameters<typeof strerror>[0], syscall: string, errPath: string | undefined): Promise<number> {
  if (syscall === 'interpreter') {
    // bash 5.2: execve's ENOENT for a file that exists (its #! interpreter is missing)
    await sh.error(`${path}: cannot execute: required file not found`);
    return 127;
  }
  if (errno === 'ENOEXEC') {
    // not a binary and no #!: bash runs it as a shell script in a subshell, unless it is binary
    let text: string;
    try {
      const bytes = await sh.sys.readFile(path);
      if (binarySample(bytes)) {
        await sh.error(`${path}: cannot execute binary file: Exec format error`);
        return 126;
      }
      text = decodeBytes(bytes).replace(/\0/g, '');
    } catch {
      await sh.error(`${path}: cannot execute: Exec format error`);
      return 126;
    }
    const pid = await makeChild(sh, () => sh.sys.fork(async (childSys) => {
      const state = new ShellState();
      for (const [k, v] of env) state.globals.set(k, { value: v, exported: true });
      state.arg0 = path;
      state.positional = argv.slice(1);
      state.errorContext = 'script';
      state.shellPid = childSys.pid;
      const sub = new Interpreter(childSys, state);
      return sub.runAsSubshell(() => sub.evalString(text, { line: 1, top: true }));
    }, { fds: sh.inheritable(new Map()), argv: [path, ...argv.slice(1)] }));
    return waitForeground(sh, [pid], undefined);
  }
  if (errno === 'ENOENT') {
    await sh.error(`${path}: No such file or directory`);
    return 127;
  }
  if (errno === 'EACCES') {
    let isDir = false;
    try {
      isDir = (await sh.sys.stat(path)).kind === 'dir';
    } catch {
      // fall through
    }
    await sh.error(`${path}: ${isDir ? 'Is a directory' : 'Permission denied'}`);
    return 126;
  }
  await sh.error(`${path}: ${strerror(errno)}`);
  return 126;
}

type FuncDef = Command & { kind: 'funcdef' };

/** $FUNCNEST when it is a positive number, else no limit of its own. */
function funcNest(state: Interpreter['state']): number {
  const v = state.get('FUNCNEST');
  const n = v && /^\s*\d+\s*$/.test(v) ? Number(v) : 0;
  return n > 0 ? n : Infinity;
}

export function callFunction(sh: Interpreter, fn: FuncDef, argv: string[]): MaybePromise<number> {
  const state = sh.state;
  // a function run by a pipeline's stage is in a subshell ($BASH_SUBSHELL one more)
  if (state.levelLowered) {
    state.level++;
    state.levelLowered = false;
  }
  if (state.funcNames.length >= MAX_FUNC_DEPTH || (state.funcNames.length > 0 && state.funcNames.length >= funcNest(state))) {
    // the whole command is abandoned, as after an expansion error
    const limit = Math.min(MAX_FUNC_DEPTH, funcNest(state));
    return sh.error(`${fn.name}: maximum function nesting level exceeded (${limit})`).then(() => {
      throw new AbortCommand();
    });
  }
  // Calls run synchronously, so a recursive function grows the JS stack: every 32 levels
  // the next call starts from a microtask (an empty stack) instead.
  if ((state.funcNames.length & 31) === 31) return Promise.resolve().then(() => enterFunction(sh, fn, argv));
  return enterFunction(sh, fn, argv);
}

function enterFunction(sh: Interpreter, fn: FuncDef, argv: string[]): MaybePromise<number> {
  const state = sh.state;
  const frame: Frame = { positional: state.positional, line: state.lineno, context: state.contextLine, loops: state.loopDepth, traps: state.traps.size === 0 ? undefined : hideTraps(state, fn.name) };
  // extdebug: the arguments go on BASH_ARGV and their count on BASH_ARGC for the call (the
  // script's own are put there first)
  if (state.shopts.has('extdebug')) {
    state.lookup('BASH_ARGV');
    state.bashArgv.unshift(...argv.slice(1).reverse());
    state.bashArgc.unshift(String(argv.length - 1));
    frame.args = true;
  }
  // the caller's loops are not the function's: break and continue in it do not reach them
  state.loopDepth = 0;
  // bash numbers the body from the line of its opening brace (function_bstart)
  state.contextLine = 'line' in fn.body ? fn.body.line : fn.line;
  state.positional = argv.slice(1);
  state.funcNames.push(fn.name);
  state.callLines.push(state.lineno);
  state.frames.push({ func: fn.name, source: state.funcFiles.get(fn.name) ?? state.definitionFile(), line: state.lineno });
  state.scopes.push(new Map());
  let r: MaybePromise<number>;
  try {
    // a DEBUG trap that reaches functions (set -T) runs once more before the body, on the
    // line of its opening brace
    if (fn.body.kind === 'group' && state.traps.has('DEBUG')) state.lineno = fn.body.line;
    const d = sh.debugTrap(state.current);
    r = d ? d.then(() => sh.runCommand(fn.body)) : sh.runCommand(fn.body);
  } catch (error) {
    if (state.traps.has('RETURN')) return finishCall(sh, frame, undefined, { error });
    leave(state, frame);
    if (error instanceof ReturnSignal) return error.status;
    throw error;
  }
  if (typeof r === 'number' && !state.traps.has('RETURN') && sh.pendingTraps.length === 0) {
    leave(state, frame);
    return r;
  }
  return finishCall(sh, frame, r);
}

/** What a function call replaces and puts back. */
interface Frame {
  positional: string[];
  line: number;
  context: number;
  /** The loops the call was made in. */
  loops: number;
  /** Traps hidden from the function (see hideTraps). */
  traps: [string, string][] | undefined;
  /** Its arguments were pushed on BASH_ARGV (extdebug). */
  args?: boolean;
}

/**
 * Functions do not see the DEBUG and RETURN traps unless set -T, nor ERR unless set -E
 * (bash's execute_function): they are taken away for the call and put back after it
 * unless the function set its own (trap_if_untrapped).
 */
function hideTraps(state: ShellState, fn: string): [string, string][] | undefined {
  let hidden: [string, string][] | undefined;
  // (a function with the trace attribute, declare -ft, keeps DEBUG and RETURN as set -T would)
  const traced = state.functionMarks.get(fn)?.includes('t');
  for (const name of ['DEBUG', 'RETURN', 'ERR']) {
    const action = state.traps.get(name);
    if (action === undefined || inherited(state.options, name) || (traced && name !== 'ERR')) continue;
    (hidden ??= []).push([name, action]);
    state.traps.delete(name);
  }
  return hidden;
}

function leave(state: ShellState, frame: Frame): void {
  const scope = state.scopes.pop();
  const options = scope && state.localOptions.get(scope);
  if (options) state.options = options;
  state.funcNames.pop();
  state.callLines.pop();
  state.frames.pop();
  state.positional = frame.positional;
  state.lineno = frame.line;
  state.contextLine = frame.context;
  state.loopDepth = frame.loops;
  if (frame.args) state.bashArgv.splice(0, Number(state.bashArgc.shift()) || 0);
  if (frame.traps) for (const [name, action] of frame.traps) if (!state.traps.has(name)) state.traps.set(name, action);
}

async function finishCall(sh: Interpreter, frame: Frame, r: MaybePromise<number> | undefined, failure?: { error: unknown }): Promise<number> {
  try {
    let status: number;
    try {
      if (failure) throw failure.error;
      status = await r!;
    } catch (e) {
      if (!(e instanceof ReturnSignal)) throw e;
      status = e.status;
    }
    // a signal that came during the last command is handled inside the function, as in bash
    if (sh.pendingTraps.length > 0) await sh.runPendingTraps();
    // on a return, not when `exit` or an error leaves the function
    const onReturn = sh.state.traps.get('RETURN');
    if (onReturn) await sh.runTrapAction(onReturn, false, 'return trap');
    return status;
  } finally {
    leave(sh.state, frame);
  }
}

export { expandWord };
