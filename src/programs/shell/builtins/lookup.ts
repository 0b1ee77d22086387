// type command builtin hash alias unalias exec history (loaded when one of them first runs)
import { isSysError, strerror } from '../../../shared/errno';
import { ShellExit } from '../control';
import type { Interpreter } from '../interpreter';
import { execute, findCommand, lowerShellLevel } from '../simple';
import { functionText } from '../print-function';
import { hashOrder } from '../assoc';
import { builtins } from './index';
import { printableName } from '../quote';
import { utf8Locale } from '../ansi-c';
import { builtinEnabled } from './enabled';
import type { Builtin } from './types';
import { badOption, leadingOptions, parseFlags } from './types';
import { refuse } from '../restricted';
import { historyFile } from './history-file';

/** The path `command -p` searches (confstr _CS_PATH). */
const STD_PATH = '/bin:/usr/bin';

const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'case', 'esac', 'for', 'select', 'while', 'until', 'do', 'done', 'in', 'function', 'time', '{', '}', '!', '[[', ']]', 'coproc']);

/** The last of `letters` among the leading options (the one that counts, as in bash). */
function lastOption(args: string[], letters: string): string | undefined {
  let last: string | undefined;
  for (const a of args) {
    if (a === '--' || !a.startsWith('-') || a === '-') break;
    for (const c of a.slice(1)) if (letters.includes(c)) last = c;
  }
  return last;
}

/**
 * mode p (type -p): a path only when the name is a file; P (type -P): always the PATH's file.
 * `force` (type -P, even when a later -t or -p chose the output) looks in PATH only.
 */
async function describe(sh: Interpreter, name: string, mode: 'type' | 't' | 'p' | 'P' | 'v' | 'V', all: boolean, noFunctions: boolean, stdPath = false, force = mode === 'P'): Promise<boolean> {
  let found = false;
  const say = async (long: string, short: string, word: string): Promise<void> => {
    found = true;
    if (mode === 'p' && short !== 'file') return;
    if (mode === 't') await sh.write(1, `${short}\n`);
    else if (mode === 'v' || mode === 'p' || mode === 'P') await sh.write(1, `${word}\n`);
    else await sh.write(1, `${long}\n`);
  };
  // aliases count only where they are expanded (an interactive shell, shopt -s expand_aliases)
  const alias = sh.state.shopts.has('expand_aliases') ? sh.state.aliases.get(name) : undefined;
  if (alias !== undefined && !force) {
    await (mode === 'v' ? sh.write(1, `alias ${name}='${alias}'\n`).then(() => void (found = true)) : say(`${name} is aliased to \`${alias}'`, 'alias', name));
    if (!all) return true;
  }
  if (KEYWORDS.has(name) && !force) {
    await say(`${name} is a shell keyword`, 'keyword', name);
    if (!all) return true;
  }
  const fn = noFunctions ? undefined : sh.state.functions.get(name);
  if (fn && !force) {
    await say(`${name} is a function\n${functionText(name, fn.body)}`, 'function', name);
    if (!all) return true;
  }
  if (builtins.has(name) && builtinEnabled(sh.state, name) && !force) {
    await say(`${name} is a shell builtin`, 'builtin', name);
    if (!all) return true;
  }
  if (name.includes('/')) {
    try {
      await sh.sys.access(name, 1);
      if ((await sh.sys.stat(name)).kind === 'file') await say(`${name} is ${name}`, 'file', name);
    } catch {
      // not executable
    }
    return found;
  }
  const hashed = sh.state.hash.get(name);
  if (hashed && (!all || force)) {
    // looking a remembered name up counts as a use of it (bash's phash_search)
    sh.state.hashHits.set(name, (sh.state.hashHits.get(name) ?? 0) + 1);
    await say(`${name} is hashed (${hashed})`, 'file', hashed);
    return true;
  }
  // command -p: the standard path instead of $PATH
  const dirs = (stdPath ? STD_PATH : sh.state.get('PATH') ?? '').split(':');
  for (const dir of dirs) {
    const full = `${dir || '.'}/${name}`;
    try {
      if ((await sh.sys.stat(full)).kind !== 'file') continue;
      await sh.sys.access(full, 1);
      await say(`${name} is ${full}`, 'file', full);
      if (!all) return true;
    } catch {
      continue;
    }
  }
  return found;
}

/** type's old long options (-type, --path, -all...) in the leading words are its letters. */
const OLD_TYPE_OPTIONS: Record<string, string> = { type: '-t', path: '-p', all: '-a' };

export const type: Builtin = async (sh, words) => {
  const argv = [...words];
  for (let i = 1; i < argv.length && argv[i]!.startsWith('-'); i++) argv[i] = OLD_TYPE_OPTIONS[argv[i]!.replace(/^--?/, '')] ?? argv[i]!;
  const p = parseFlags(argv.slice(1), 'afptP');
  if (p.bad) return badOption(sh, 'type', p.bad, 'type [-afptP] name [name ...]');
  // the last of -t, -p and -P chooses the output; -P looks in PATH only whatever follows it
  const mode = (lastOption(argv.slice(1), 'tpP') ?? 'type') as 'type' | 't' | 'p' | 'P';
  let status = 0;
  for (const name of p.rest) {
    const ok = await describe(sh, name, mode, p.flags.has('a'), p.flags.has('f'), false, p.flags.has('P'));
    if (!ok) {
      status = 1;
      if (mode === 'type') await sh.error(`type: ${name}: not found`);
    }
  }
  return status;
};

export const command: Builtin = async (sh, argv) => {
  const p = parseFlags(argv.slice(1), 'pvV');
  if (p.bad) return badOption(sh, 'command', p.bad, 'command [-pVv] command [arg ...]');
  if (p.rest.length === 0) return 0;
  if (p.flags.has('p') && sh.state.restricted) return refuse(sh, 'command', '-p');
  if (p.flags.has('v') || p.flags.has('V')) {
    // succeeds when any of the names is found
    let any = false;
    for (const name of p.rest) {
      // the last of -v and -V counts
      const mode = lastOption(argv.slice(1), 'vV') as 'v' | 'V';
      const ok = await describe(sh, name, mode, false, false, p.flags.has('p'));
      if (ok) any = true;
      else if (mode === 'V') await sh.error(`command: ${name}: not found`);
    }
    return any ? 0 : 1;
  }
  const name = p.rest[0]!;
  const builtin = builtinEnabled(sh.state, name) ? builtins.get(name) : undefined;
  if (builtin) return builtin(sh, p.rest);
  const path = name.includes('/') ? name : p.flags.has('p') ? await findCommand(sh, name, 1, STD_PATH) : await findCommand(sh, name);
  // found on the standard path, it is remembered as any other
  if (path && p.flags.has('p') && !name.includes('/') && sh.state.options.has('hashall')) {
    sh.state.hash.set(name, path);
    sh.state.hashHits.set(name, 1);
    sh.state.hashMade = true;
  }
  if (!path) {
    await sh.error(`${printableName(name, utf8Locale(sh.state))}: command not found`);
    return 127;
  }
  return execute(sh, path, p.rest, sh.state.environment(), false);
};

export const builtin: Builtin = async (sh, argv) => {
  const opts = await leadingOptions(sh, 'builtin', argv.slice(1), '', 'builtin [shell-builtin [arg ...]]');
  if (typeof opts === 'number') return opts;
  argv = [argv[0]!, ...opts.rest];
  const name = argv[1];
  if (name === undefined) return 0;
  const b = builtinEnabled(sh.state, name) ? builtins.get(name) : undefined;
  if (!b) {
    await sh.error(`builtin: ${name}: not a shell builtin`);
    return 1;
  }
  return b(sh, argv.slice(1));
};

export const hash: Builtin = async (sh, argv) => {
  const p = parseFlags(argv.slice(1), 'lrtd', 'p');
  if (p.bad) return badOption(sh, 'hash', p.bad, 'hash [-lr] [-p pathname] [-dt] [name ...]');
  if (!sh.state.options.has('hashall')) {
    await sh.error('hash: hashing disabled');
    return 1;
  }
  const table = sh.state.hash;
  const hits = sh.state.hashHits;
  if (p.flags.has('r')) {
    table.clear();
    hits.clear();
  }
  const path = p.flags.get('p');
  if (typeof path === 'string' && sh.state.restricted) {
    // a restricted shell hashes only what a PATH search finds
    if (path.includes('/')) return refuse(sh, 'hash', path);
    if (!(await findCommand(sh, path, 0, sh.state.get('PATH') ?? ''))) {
      await sh.error(`hash: ${path}: not found`);
      return 1;
    }
  }
  if (typeof path === 'string') {
    for (const name of p.rest) {
      table.set(name, path);
      hits.set(name, 0);
      sh.state.hashMade = true;
    }
    return 0;
  }
  if (p.rest.length === 0) {
    if (p.flags.has('r')) return 0;
    // the table lists in bash's hash order (256 buckets)
    const names = hashOrder(table.keys(), 256);
    if (p.flags.has('l')) {
      for (const n of names) await sh.write(1, `builtin hash -p ${table.get(n)} ${n}\n`);
      return 0;
    }
    if (names.length === 0) {
      await sh.write(1, 'hash: hash table empty\n');
      return 0;
    }
    await sh.write(1, 'hits\tcommand\n');
    for (const n of names) await sh.write(1, `${String(hits.get(n) ?? 0).padStart(4)}\t${table.get(n)}\n`);
    return 0;
  }
  let status = 0;
  for (const name of p.rest) {
    // -d passes over a path, and over any name before the table was first made
    if (p.flags.has('d') && !p.flags.has('t') && (name.includes('/') || !sh.state.hashMade)) continue;
    if (p.flags.has('d') || p.flags.has('t')) {
      const known = table.get(name);
      if (known === undefined) {
        await sh.error(`hash: ${name}: not found`);
        status = 1;
      } else if (p.flags.has('d')) {
        table.delete(name);
        hits.delete(name);
      } else {
        // looking a name up counts as a use of it (bash's phash_search)
        hits.set(name, (hits.get(name) ?? 0) + 1);
        await sh.write(1, p.rest.length > 1 ? `${name}\t${known}\n` : `${known}\n`);
      }
      continue;
    }
    if (builtins.has(name) || sh.state.functions.has(name) || name.includes('/')) continue;
    if (table.has(name)) continue;
    const found = await findCommand(sh, name, 0);
    if (!found) {
      await sh.error(`hash: ${name}: not found`);
      status = 1;
    }
  }
  return status;
};

export const alias: Builtin = async (sh, argv) => {
  const opts = await leadingOptions(sh, 'alias', argv.slice(1), 'p', 'alias [-p] [name[=value] ... ]');
  if (typeof opts === 'number') return opts;
  const args = opts.rest;
  // posix mode lists them without `alias ` unless -p asks for it
  const prefix = opts.flags.has('p') || !sh.state.options.has('posix') ? 'alias ' : '';
  const show = async (name: string, value: string): Promise<void> => sh.write(1, `${prefix}${name}='${value.replace(/'/g, "'\\''")}'\n`);
  // -p lists them all first, then the names given are handled
  if (args.length === 0 || opts.flags.has('p')) {
    for (const [n, v] of [...sh.state.aliases].sort((a, b) => (a[0] < b[0] ? -1 : 1))) await show(n, v);
    if (args.length === 0) return 0;
  }
  let status = 0;
  for (const a of args) {
    const eq = a.indexOf('=');
    if (eq > 0) {
      // names with shell metacharacters, quotes, `/` or `$` cannot be aliases
      if (/[\s;&|<>()'"\\`$/]/.test(a.slice(0, eq))) {
        await sh.error(`alias: \`${a.slice(0, eq)}': invalid alias name`);
        status = 1;
        continue;
      }
      sh.state.aliases.set(a.slice(0, eq), a.slice(eq + 1));
      continue;
    }
    const v = sh.state.aliases.get(a);
    if (v === undefined) {
      await sh.error(`alias: ${a}: not found`);
      status = 1;
    } else await show(a, v);
  }
  return status;
};

export const unalias: Builtin = async (sh, argv) => {
  const opts = await leadingOptions(sh, 'unalias', argv.slice(1), 'a', 'unalias [-a] name [name ...]');
  if (typeof opts === 'number') return opts;
  if (opts.flags.has('a')) {
    sh.state.aliases.clear();
    return 0;
  }
  if (opts.rest.length === 0) {
    await sh.write(2, 'unalias: usage: unalias [-a] name [name ...]\n');
    return 2;
  }
  let status = 0;
  for (const a of opts.rest) {
    if (!sh.state.aliases.delete(a)) {
      await sh.error(`unalias: ${a}: not found`);
      status = 1;
    }
  }
  return status;
};

const EXEC_USAGE = 'exec [-cl] [-a name] [command [argument ...]] [redirection ...]';

export const exec: Builtin = async (sh, argv) => {
  const args = argv.slice(1);
  // -c: an empty environment; -l: a login shell's argv[0] (a dash before it); -a NAME: that argv[0]
  let clear = false;
  let login = false;
  let argv0: string | undefined;
  while (args.length && /^-./.test(args[0]!)) {
    const a = args.shift()!;
    if (a === '--') break;
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      if (c === 'c') clear = true;
      else if (c === 'l') login = true;
      else if (c === 'a') {
        argv0 = a.slice(j + 1) || args.shift();
        if (argv0 === undefined) {
          await sh.error('exec: -a: option requires an argument');
          sh.posixFatal = true;
          await sh.write(2, `exec: usage: ${EXEC_USAGE}\n`);
          return 2;
        }
        break;
      } else {
        await sh.error(`exec: -${c}: invalid option`);
        sh.posixFatal = true;
        await sh.write(2, `exec: usage: ${EXEC_USAGE}\n`);
        return 2;
      }
    }
  }
  if (args.length === 0) return 0;
  if (sh.state.restricted) return refuse(sh, 'exec');
  const name = args[0]!;
  // execfail: a failed exec leaves a script running
  const fail = (status: number): number => {
    if (!sh.state.interactive && !sh.state.shopts.has('execfail')) throw new ShellExit(status);
    return status;
  };
  // a relative path with a slash is made absolute (messages show it so)
  const path = name.includes('/') ? (name.startsWith('/') ? name : `${sh.state.get('PWD') ?? sh.sys.getcwd()}/${name.replace(/^(\.\/)+/, '')}`) : await findCommand(sh, name);
  if (!path) {
    await sh.error(`exec: ${name}: not found`);
    return fail(127);
  }
  const first = argv0 ?? name;
  try {
    const env = clear ? new Map<string, string>() : sh.state.environment();
    // (not in a ( ) subshell: bash's exec looks for SUBSHELL_PAREN only)
    if (!sh.parenEnv) lowerShellLevel(env);
    const undo = sh.execSignals();
    try {
      await sh.sys.exec(path, [login ? `-${first}` : first, ...args.slice(1)], env);
    } catch (e) {
      if (isSysError(e)) undo();
      throw e;
    }
  } catch (e) {
    if (!isSysError(e)) throw e;
    let errno = e.errno;
    try {
      if ((await sh.sys.stat(path)).kind === 'dir') errno = 'EISDIR';
    } catch {
      // the error stands
    }
    const shown = name.includes('/') ? path : name;
    await sh.error(`${shown}: ${strerror(errno)}`);
    if (errno !== 'ENOENT') await sh.error(`exec: ${shown}: cannot execute: ${strerror(errno)}`);
    return fail(errno === 'ENOENT' ? 127 : 126);
  }
  return 0;
};


const HISTORY_USAGE = 'history [-c] [-d offset] [n] or history -anrw [filename] or history -ps arg [arg...]';

export const history: Builtin = async (sh, argv) => {
  const st = sh.state;
  let k = 1;
  const flags = new Set<string>();
  let del: string | undefined;
  for (; k < argv.length; k++) {
    const a = argv[k]!;
    if (a === '--') {
      k++;
      break;
    }
    if (!a.startsWith('-') || a === '-' || /^-\d/.test(a)) break;
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      if (!'cdanrwps'.includes(c)) return badOption(sh, 'history', `-${c}`, HISTORY_USAGE);
      if (c === 'd') {
        del = a.slice(j + 1) || argv[++k];
        if (del === undefined) {
          await sh.error('history: -d: option requires an argument');
          await sh.write(2, `history: usage: ${HISTORY_USAGE}\n`);
          return 2;
        }
        break;
      }
      flags.add(c);
    }
  }
  const rest = argv.slice(k);
  if ([...'anrw'].filter((c) => flags.has(c)).length > 1) {
    await sh.error('history: cannot use more than one of -anrw');
    return 1;
  }
  const list = st.history;
  if (flags.has('c')) st.history = [];
  if (del !== undefined) {
    // an offset counts from 1, or back from the end when negative
    const n = /^-?\d+$/.test(del) ? Number(del) : NaN;
    const i = n < 0 ? list.length + n : n - 1;
    if (!Number.isInteger(i) || i < 0 || i >= list.length || n === 0) {
      await sh.error(`history: ${del}: history position out of range`);
      return 1;
    }
    list.splice(i, 1);
    return 0;
  }
  if (flags.has('s')) {
    // the history -s line itself gives way to its arguments
    if (st.options.has('history') && list.length > 0) list.pop();
    if (rest.length) st.history.push(rest.join(' '));
    return 0;
  }
  if (flags.has('p')) {
    for (const a of rest) await sh.write(1, `${a}\n`);
    return 0;
  }
  if (flags.has('a') || flags.has('n') || flags.has('r') || flags.has('w')) {
    return historyFile(sh, flags, rest[0]);
  }
  if (flags.has('c')) return 0;
  if (rest.length > 1) {
    await sh.error('history: too many arguments');
    return 1;
  }
  let n = list.length;
  if (rest.length === 1) {
    if (!/^\d+$/.test(rest[0]!)) {
      await sh.error(`history: ${rest[0]}: numeric argument required`);
      return 1;
    }
    n = Number(rest[0]);
  }
  for (let i = Math.max(0, list.length - n); i < list.length; i++) await sh.write(1, `${String(i + 1).padStart(5)}  ${list[i]}\n`);
  return 0;
};
