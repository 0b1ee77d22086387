// bind: readline's key bindings and variables. A script's shell has no line editor, so bash
// warns, then still sets up readline (its emacs keymap, then the init file: $INPUTRC,
// ~/.inputrc or /etc/inputrc) and lists or changes it as asked.
import { isSysError, strerror } from '../../../shared/errno';
import { decodeBytes } from '../byte-text';
import type { Interpreter } from '../interpreter';
import { BASH_BINDINGS, BINDINGS } from '../completion/sources';
import { BOOLEAN_VARIABLES, BOOLEANS_ON, EMACS_BINDINGS, STRING_VARIABLES } from './bind-data';
import { HELP_TOPICS } from './help-topics';
import { parseKeyname, parseKeyseq, renderKeyseq, renderMacro } from './readline-keys';
import { markReadline } from './readline-state';
import type { Builtin } from './types';

const KEYMAPS = new Set(['emacs', 'emacs-standard', 'emacs-meta', 'emacs-ctlx', 'vi', 'vi-move', 'vi-command', 'vi-insert']);

/** What a key sequence does: a function, text it types (a macro), or a shell command (-x). */
type Binding = { fn: string } | { macro: string } | { command: string };

interface Readline {
  /** Key sequences (byte strings) and what they are bound to. */
  keys: Map<string, Binding>;
  vars: Map<string, string>;
}

const FUNCTIONS = [...BINDINGS, ...BASH_BINDINGS].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const FUNCTION_SET = new Set(FUNCTIONS);
/** Names of one function: bash's insert-last-argument is readline's yank-last-arg. */
const SAME_FUNCTION: Record<string, string> = { 'insert-last-argument': 'yank-last-arg' };
const functionOf = (name: string): string => SAME_FUNCTION[name] ?? name;
/** meta-flag is another name of input-meta. */
const canonical = (name: string): string => (name === 'meta-flag' ? 'input-meta' : name);

const bytes = (codes: number[]): string => String.fromCharCode(...codes);

/** Each shell's readline, set up when bind first runs (subshells share their shell's). */
const readlines = new Map<string, Readline>();

async function readlineOf(sh: Interpreter): Promise<Readline> {
  const id = `${sh.state.shellPid}:${sh.state.startedAt}`;
  let rl = readlines.get(id);
  if (rl) return rl;
  rl = { keys: new Map(), vars: new Map() };
  for (const name of BOOLEAN_VARIABLES) if (name !== 'meta-flag') rl.vars.set(name, BOOLEANS_ON.has(name) ? 'on' : 'off');
  for (const [name, value] of STRING_VARIABLES) rl.vars.set(name, value);
  for (let c = 32; c < 256; c++) if (c !== 127) rl.keys.set(String.fromCharCode(c), { fn: 'self-insert' });
  for (const line of EMACS_BINDINGS.split('\n')) {
    const [fn, ...seqs] = line.split(' ');
    for (const seq of seqs) rl.keys.set(bytes(parseKeyseq(seq)), { fn: fn! });
  }
  // (shells that ran bind long ago give way)
  if (readlines.size >= 64) readlines.delete(readlines.keys().next().value!);
  readlines.set(id, rl);
  const home = sh.state.get('HOME');
  const files = [sh.state.get('INPUTRC'), home ? `${home}/.inputrc` : undefined, '/etc/inputrc'].filter((f): f is string => !!f);
  for (const file of files) if ((await readInitFile(sh, rl, file)) === true) break;
  return rl;
}

/** Reads an init file: true when it could be read, else its errno. */
async function readInitFile(sh: Interpreter, rl: Readline, file: string): Promise<true | string> {
  let text: string;
  try {
    text = decodeBytes(await sh.sys.readFile(file));
  } catch (e) {
    if (!isSysError(e)) throw e;
    return e.errno;
  }
  // $if ... $else ... $endif: whether each level's lines apply
  const skipping: boolean[] = [];
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('$')) {
      const [word, ...rest] = line.slice(1).split(/\s+/);
      const arg = rest.join(' ');
      const outer = skipping.includes(true);
      if (word === 'if') skipping.push(outer || !condition(sh, arg));
      else if (word === 'else' && skipping.length) skipping.push(!skipping.pop() || skipping.includes(true));
      else if (word === 'endif') skipping.pop();
      else if (word === 'include' && !outer) await readInitFile(sh, rl, arg);
      continue;
    }
    if (skipping.includes(true)) continue;
    await parseAndBind(sh, rl, line, `${file}: line ${n + 1}: `);
  }
  return true;
}

/** An $if test: the editing mode, the terminal's name, or the application (bash). */
function condition(sh: Interpreter, arg: string): boolean {
  const m = /^(mode|term)\s*=\s*(\S*)/.exec(arg);
  if (m?.[1] === 'mode') return m[2] === 'emacs';
  if (m?.[1] === 'term') {
    const term = sh.state.get('TERM') ?? '';
    return term !== '' && (term === m[2] || term.split('-')[0] === m[2]);
  }
  return arg.trim().toLowerCase() === 'bash';
}

/** One line of readline's init syntax: `set name value`, or a key binding. */
async function parseAndBind(sh: Interpreter, rl: Readline, line: string, where = ''): Promise<void> {
  const complain = (message: string): Promise<void> => sh.write(2, `readline: ${where}${message}\n`);
  const set = /^set(?:\s+(\S*)\s*(.*))?$/i.exec(line);
  if (set) {
    const name = canonical((set[1] ?? '').toLowerCase());
    const value = (set[2] ?? '').trim();
    if (!rl.vars.has(name)) return complain(`${set[1] ?? ''}: unknown variable name`);
    rl.vars.set(name, variableValue(name, value, rl.vars.get(name)!));
    return;
  }
  let keys: number[];
  let rest: string;
  if (line.startsWith('"')) {
    let i = 1;
    for (; i < line.length && line[i] !== '"'; i++) if (line[i] === '\\') i++;
    if (i >= line.length) return complain(`${line}: no closing \`"' in key binding`);
    keys = parseKeyseq(line.slice(1, i));
    rest = line.slice(i + 1).replace(/^[^:]*:?/, '');
  } else {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon < 0 ? undefined : colon).split(/\s/)[0]!;
    if (colon < 0 || /\s/.test(line.slice(0, colon).trim())) return complain(`${name}: no key sequence terminator`);
    keys = parseKeyname(name);
    rest = line.slice(colon + 1);
  }
  rest = rest.trim();
  if (keys.length === 0) return;
  if (rest.startsWith('"') || rest.startsWith("'")) {
    const q = rest[0]!;
    let i = 1;
    for (; i < rest.length && rest[i] !== q; i++) if (rest[i] === '\\') i++;
    rl.keys.set(bytes(keys), { macro: bytes(parseKeyseq(rest.slice(1, i))) });
    return;
  }
  const fn = rest.split(/\s/)[0]!.toLowerCase();
  // an unknown function binds nothing, without a word
  if (FUNCTION_SET.has(fn)) rl.keys.set(bytes(keys), { fn });
}

function variableValue(name: string, value: string, old: string): string {
  if (BOOLEAN_VARIABLES.includes(name)) return value === '' || value.toLowerCase() === 'on' || value === '1' ? 'on' : 'off';
  if (name === 'bell-style') {
    const v = value.toLowerCase();
    return v === '' || v === 'on' || v === 'audible' ? 'audible' : v === 'none' || v === 'off' ? 'none' : v === 'visible' ? 'visible' : old;
  }
  if (['completion-display-width', 'completion-prefix-display-length', 'completion-query-items', 'history-size', 'keyseq-timeout'].includes(name)) {
    const n = Number.parseInt(value, 10) || 0;
    return String(name === 'completion-display-width' || n >= 0 ? n : 0);
  }
  if (name === 'editing-mode') return value === 'vi' || value === 'emacs' ? value : old;
  return value;
}

/** The key sequences bound to `fn`, in readline's order, as it writes them. */
function invokers(rl: Readline, fn: string): string[] {
  // a sequence that leads on to longer ones is a prefix, not a binding
  const prefixes = new Set<string>();
  for (const k of rl.keys.keys()) for (let i = 1; i < k.length; i++) prefixes.add(k.slice(0, i));
  const convertMeta = rl.vars.get('convert-meta') === 'on';
  return [...rl.keys]
    .filter(([k, b]) => 'fn' in b && functionOf(b.fn) === functionOf(fn) && !prefixes.has(k))
    .map(([k]) => k)
    .sort(byBytes)
    .map((k) => renderKeyseq(k, convertMeta));
}

const byBytes = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The first five of a function's keys, then `...` for more. */
function firstFive(seqs: string[]): string {
  const shown = seqs.slice(0, 5).map((s, j) => `"${s}"${j < seqs.length - 1 ? ', ' : '.\n'}`);
  return shown.join('') + (seqs.length > 5 ? '...\n' : '');
}

function functionDump(rl: Readline, readable: boolean): string {
  let out = '\n';
  for (const fn of FUNCTIONS) {
    const seqs = invokers(rl, fn);
    if (readable) out += seqs.length ? seqs.map((s) => `"${s}": ${fn}\n`).join('') : `# ${fn} (not bound)\n`;
    else out += seqs.length ? `${fn} can be found on ${firstFive(seqs)}` : `${fn} is not bound to any keys\n`;
  }
  return out;
}

function textDump(rl: Readline, kind: 'macro' | 'command', readable: boolean): string {
  const convertMeta = rl.vars.get('convert-meta') === 'on';
  let out = '';
  for (const [k, b] of [...rl.keys].sort(([a], [c]) => byBytes(a, c))) {
    if (!(kind in b)) continue;
    const text = renderMacro((b as Record<string, string>)[kind]!);
    const seq = renderKeyseq(k, convertMeta);
    out += readable ? `"${seq}": "${text}"\n` : `${seq} outputs ${text}\n`;
  }
  return out;
}

function variableDump(rl: Readline, readable: boolean): string {
  let out = '';
  for (const name of [...BOOLEAN_VARIABLES, ...STRING_VARIABLES.map(([n]) => n)]) {
    const value = rl.vars.get(canonical(name))!;
    out += readable ? `set ${name} ${value}\n` : `${name} is set to \`${value}'\n`;
  }
  return out;
}

export const bind: Builtin = async (sh, argv) => {
  if (!sh.state.interactive) await sh.error('bind: warning: line editing not enabled');
  const usage = async (message: string): Promise<number> => {
    await sh.error(`bind: ${message}`);
    await sh.write(2, `bind: usage: ${HELP_TOPICS.find(([name]) => name === 'bind')![1]}\n`);
    return 2;
  };
  const values = new Map<string, string>();
  const flags = new Set<string>();
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      if ('fqumrx'.includes(c)) {
        const value = a.slice(j + 1) || argv[++i];
        if (value === undefined) return usage(`-${c}: option requires an argument`);
        values.set(c, value);
        break;
      }
      if (!'lvpVPsSX'.includes(c)) return usage(`-${c}: invalid option`);
      flags.add(c);
    }
  }
  const map = values.get('m');
  if (map !== undefined && !KEYMAPS.has(map)) {
    await sh.error(`bind: \`${map}': invalid keymap name`);
    return 1;
  }
  const rl = await readlineOf(sh);
  markReadline(sh.state);
  let out = '';
  if (flags.has('l')) out += FUNCTIONS.map((f) => `${f}\n`).join('');
  if (flags.has('p')) out += functionDump(rl, true);
  if (flags.has('P')) out += functionDump(rl, false);
  if (flags.has('s')) out += textDump(rl, 'macro', true);
  if (flags.has('S')) out += textDump(rl, 'macro', false);
  if (flags.has('v')) out += variableDump(rl, true);
  if (flags.has('V')) out += variableDump(rl, false);
  if (out) await sh.write(1, out);
  let status = 0;
  const file = values.get('f');
  if (file !== undefined) {
    const read = await readInitFile(sh, rl, file);
    if (read !== true) {
      await sh.error(`bind: ${file}: cannot read: ${strerror(read as Parameters<typeof strerror>[0])}`);
      return 1;
    }
  }
  const known = async (name: string): Promise<boolean> => {
    if (FUNCTION_SET.has(name)) return true;
    await sh.error(`bind: \`${name}': unknown function name`);
    status = 1;
    return false;
  };
  const query = values.get('q');
  if (query !== undefined && (await known(query))) {
    const seqs = invokers(rl, query);
    if (seqs.length === 0) {
      await sh.write(1, `${query} is not bound to any keys.\n`);
      status = 1;
    } else await sh.write(1, `${query} can be invoked via ${firstFive(seqs)}`);
  }
  const unbind = values.get('u');
  if (unbind !== undefined && (await known(unbind))) {
    for (const [k, b] of rl.keys) if ('fn' in b && functionOf(b.fn) === functionOf(unbind)) rl.keys.delete(k);
  }
  const remove = values.get('r');
  if (remove !== undefined) rl.keys.delete(bytes(parseKeyseq(remove.replace(/^"(.*)"$/, '$1'))));
  const command = values.get('x');
  if (command !== undefined) {
    if (!command.trimStart().startsWith('"')) {
      await sh.error(`bind: ${command}: first non-whitespace character is not \`"'`);
      return 1;
    }
    const m = /^\s*"((?:\\.|[^"\\])*)"\s*:?\s*(.*)$/.exec(command);
    if (!m) {
      await sh.error(`bind: ${command}: no closing \`"' in key binding`);
      return 1;
    }
    rl.keys.set(bytes(parseKeyseq(m[1]!)), { command: m[2]!.replace(/^(["'])(.*)\1$/, '$2') });
  }
  if (flags.has('X')) await sh.write(1, textDump(rl, 'command', true));
  for (const line of argv.slice(i)) await parseAndBind(sh, rl, line.trim());
  return status;
};
