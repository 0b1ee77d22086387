// The variables a listing (`set`, `declare -p`) or ${!prefix*} sees: the shell's own and the
// ones bash keeps without a stored value (made when read) or as empty lists.
import { AssocMap } from './assoc';
import type { ShellState, Var } from './state';

/** Variables bash makes when they are read, as a listing shows them: no value, or an empty list. */
const LISTED_UNREAD: [string, () => Var][] = [
  ['BASHPID', () => ({ integer: true })], ['HISTCMD', () => ({ integer: true })], ['RANDOM', () => ({ integer: true })], ['SRANDOM', () => ({ integer: true })],
  ['BASH_COMMAND', () => ({})], ['BASH_SUBSHELL', () => ({})], ['EPOCHREALTIME', () => ({})], ['EPOCHSECONDS', () => ({})], ['LINENO', () => ({})], ['SECONDS', () => ({})],
];

/** Every variable a listing shows, sorted by name. */
export function visibleVars(st: ShellState): Map<string, Var> {
  return new Map([...collect(st).all].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
}

function collect(st: ShellState): { all: Map<string, Var>; internal: Set<string> } {
  const all = new Map<string, Var>(st.globals);
  // the ones that exist though they hold no value here
  const internal = new Set<string>();
  const add = (n: string, v: Var): void => {
    all.set(n, v);
    internal.add(n);
  };
  for (const [n, make] of LISTED_UNREAD) {
    if (!st.dynamic.has(n) || (st.lookup(n) && !st.globals.has(n))) continue;
    // one that was read (or assigned) shows the value it had then, also once exported
    const seen = st.dynamicSeen.get(n);
    const stored = st.globals.get(n);
    // (SECONDS becomes an integer once read)
    const read = seen !== undefined ? { value: seen, ...(n === 'SECONDS' ? { integer: true } : {}) } : {};
    if (!stored) add(n, { ...make(), ...read });
    else if (!stored.array && !stored.assoc) all.set(n, { ...make(), ...stored, ...read });
  }
  if (st.dynamic.has('_') && !st.lookup('_')) all.set('_', { value: st.dynamic.get('_')!(), ...(st.lastArgExported ? { exported: true } : {}) });
  for (const n of ['BASH_ARGV0', 'COMP_WORDBREAKS']) {
    const seen = st.dynamicSeen.get(n);
    const stored = all.get(n);
    if (!stored) add(n, seen !== undefined && st.dynamic.has(n) ? { value: seen } : {});
    else if (st.dynamic.has(n) && seen !== undefined && !stored.array && !stored.assoc) all.set(n, { ...stored, value: seen });
  }
  // (as last read: a listing does not make them again)
  for (const n of ['BASH_ALIASES', 'BASH_CMDS']) if (!all.has(n)) all.set(n, { assoc: st.tablesSeen.get(n) ?? new AssocMap() });
  // (as they stand: a listing does not fill them from $@ as reading them does)
  for (const n of ['BASH_ARGC', 'BASH_ARGV']) if (!all.has(n)) all.set(n, { array: new Map((n === 'BASH_ARGV' ? st.bashArgv : st.bashArgc).map((v, i) => [i, v])) });
  for (const n of ['BASH_LINENO', 'BASH_SOURCE']) if (!all.has(n)) add(n, st.lookup(n) ?? { array: new Map(), declaredOnly: true });
  // FUNCNAME exists only while a function runs
  if (!all.has('FUNCNAME')) all.set('FUNCNAME', st.lookup('FUNCNAME') ?? { array: new Map(), declaredOnly: true });
  // (a command's own assignments are not listed, but eval's and source's are)
  for (const [k, v] of st.scopes.flatMap((scope) => (st.tempScopes.get(scope) === false ? [] : [...scope]))) all.set(k, v);
  for (const n of ['BASHOPTS', 'SHELLOPTS']) all.set(n, st.lookup(n)!);
  for (const n of ['DIRSTACK', 'GROUPS']) all.set(n, st.filled.has(n) ? st.lookup(n)! : { array: new Map() });
  return { all, internal };
}

/**
 * ${!prefix*} and compgen -v/-e/-A arrayvar: the names of the variables that start with it and
 * are set (declared-only ones are not), those `keep` accepts.
 */
export function namesWithPrefix(st: ShellState, prefix: string, keep: (v: Var) => boolean = () => true): string[] {
  const { all, internal } = collect(st);
  const out: string[] = [];
  for (const [n, v] of all) {
    if (!n.startsWith(prefix) || !keep(v)) continue;
    if (internal.has(n) || v.value !== undefined || ((v.array || v.assoc) && !v.declaredOnly)) out.push(n);
  }
  return out.sort();
}
