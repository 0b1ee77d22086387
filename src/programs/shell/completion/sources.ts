// Where completion words come from: the -A actions of complete/compgen (bash's
// gen_action_completions) and the file names of readline's default completion.
import { realtimeSignalName, SIGNALS, SIGRTMAX, SIGRTMIN } from '../../../shared/signals';
import { builtins } from '../builtins/index';
import { SET_OPTIONS } from '../builtins/vars';
import { SHOPT_NAMES } from '../builtins/shopt';
import { readlineStarted } from '../builtins/readline-state';
import { decodeBytes } from '../byte-text';
import type { Interpreter } from '../interpreter';
import type { Action } from './spec';
import { dequote } from './words';
import { namesWithPrefix } from '../var-listing';

/** The reserved words, in bash's order (compgen -k). */
export const KEYWORDS = ['if', 'then', 'else', 'elif', 'fi', 'case', 'esac', 'for', 'select', 'while', 'until', 'do', 'done', 'in', 'function', 'time', '{', '}', '!', '[[', ']]', 'coproc'];

/** Readline's function names (compgen -A binding), as bash 5.2 lists them. */
export const BINDINGS = [
  'abort', 'accept-line', 'arrow-key-prefix', 'backward-byte', 'backward-char', 'backward-delete-char',
  'backward-kill-line', 'backward-kill-word', 'backward-word', 'beginning-of-history', 'beginning-of-line',
  'bracketed-paste-begin', 'call-last-kbd-macro', 'capitalize-word', 'character-search',
  'character-search-backward', 'clear-display', 'clear-screen', 'complete', 'copy-backward-word',
  'copy-forward-word', 'copy-region-as-kill', 'delete-char', 'delete-char-or-list',
  'delete-horizontal-space', 'digit-argument', 'do-lowercase-version', 'downcase-word', 'dump-functions',
  'dump-macros', 'dump-variables', 'emacs-editing-mode', 'end-kbd-macro', 'end-of-history', 'end-of-line',
  'exchange-point-and-mark', 'fetch-history', 'forward-backward-delete-char', 'forward-byte', 'forward-char',
  'forward-search-history', 'forward-word', 'history-search-backward', 'history-search-forward',
  'history-substring-search-backward', 'history-substring-search-forward', 'insert-comment',
  'insert-completions', 'kill-line', 'kill-region', 'kill-whole-line', 'kill-word', 'menu-complete',
  'menu-complete-backward', 'next-history', 'next-screen-line', 'non-incremental-forward-search-history',
  'non-incremental-forward-search-history-again', 'non-incremental-reverse-search-history',
  'non-incremental-reverse-search-history-again', 'old-menu-complete', 'operate-and-get-next',
  'overwrite-mode', 'possible-completions', 'previous-history', 'previous-screen-line',
  'print-last-kbd-macro', 'quoted-insert', 're-read-init-file', 'redraw-current-line',
  'reverse-search-history', 'revert-line', 'self-insert', 'set-mark', 'skip-csi-sequence', 'start-kbd-macro',
  'tab-insert', 'tilde-expand', 'transpose-chars', 'transpose-words', 'tty-status', 'undo',
  'universal-argument', 'unix-filename-rubout', 'unix-line-discard', 'unix-word-rubout', 'upcase-word',
  'vi-append-eol', 'vi-append-mode', 'vi-arg-digit', 'vi-bWord', 'vi-back-to-indent', 'vi-backward-bigword',
  'vi-backward-word', 'vi-bword', 'vi-change-case', 'vi-change-char', 'vi-change-to', 'vi-char-search',
  'vi-column', 'vi-complete', 'vi-delete', 'vi-delete-to', 'vi-eWord', 'vi-editing-mode', 'vi-end-bigword',
  'vi-end-word', 'vi-eof-maybe', 'vi-eword', 'vi-fWord', 'vi-fetch-history', 'vi-first-print',
  'vi-forward-bigword', 'vi-forward-word', 'vi-fword', 'vi-goto-mark', 'vi-insert-beg', 'vi-insertion-mode',
  'vi-match', 'vi-movement-mode', 'vi-next-word', 'vi-overstrike', 'vi-overstrike-delete', 'vi-prev-word',
  'vi-put', 'vi-redo', 'vi-replace', 'vi-rubout', 'vi-search', 'vi-search-again', 'vi-set-mark', 'vi-subst',
  'vi-tilde-expand', 'vi-undo', 'vi-unix-word-rubout', 'vi-yank-arg', 'vi-yank-pop', 'vi-yank-to', 'yank',
  'yank-last-arg', 'yank-nth-arg', 'yank-pop',
];

/** The functions bash adds to readline's once it sets readline up (bind -l lists both). */
export const BASH_BINDINGS = 'alias-expand-line complete-command complete-filename complete-hostname complete-into-braces complete-username complete-variable dabbrev-expand display-shell-version dynamic-complete-history edit-and-execute-command glob-complete-word glob-expand-word glob-list-expansions history-and-alias-expand-line history-expand-line insert-last-argument magic-space possible-command-completions possible-filename-completions possible-hostname-completions possible-username-completions possible-variable-completions shell-backward-kill-word shell-backward-word shell-expand-line shell-forward-word shell-kill-word shell-transpose-words spell-correct-word vi-edit-and-execute-command'.split(' ');

/** bash 5.2's help topics (compgen -A helptopic). */
const HELP_NAMES = [
  '%', '(( ... ))', '.', ':', '[', '[[ ... ]]', 'alias', 'bg', 'bind', 'break', 'builtin', 'caller', 'case',
  'cd', 'command', 'compgen', 'complete', 'compopt', 'continue', 'coproc', 'declare', 'dirs', 'disown',
  'echo', 'enable', 'eval', 'exec', 'exit', 'export', 'false', 'fc', 'fg', 'for', 'for ((', 'function',
  'getopts', 'hash', 'help', 'history', 'if', 'jobs', 'kill', 'let', 'local', 'logout', 'mapfile', 'popd',
  'printf', 'pushd', 'pwd', 'read', 'readarray', 'readonly', 'return', 'select', 'set', 'shift', 'shopt',
  'source', 'suspend', 'test', 'time', 'times', 'trap', 'true', 'type', 'typeset', 'ulimit', 'umask',
  'unalias', 'unset', 'until', 'variables', 'wait', 'while', '{ ... }',
];

const startsWith = (prefix: string) => (s: string): boolean => s.startsWith(prefix);

async function readText(sh: Interpreter, path: string): Promise<string> {
  try {
    return decodeBytes(await sh.sys.readFile(path));
  } catch {
    return '';
  }
}

/** First fields of a colon file (/etc/passwd, /etc/group). */
async function colonNames(sh: Interpreter, path: string): Promise<string[]> {
  return (await readText(sh, path)).split('\n').map((l) => l.split(':')[0]!).filter((n) => n !== '');
}

async function hostNames(sh: Interpreter): Promise<string[]> {
  const out: string[] = [];
  for (const line of (await readText(sh, sh.state.get('HOSTFILE') || '/etc/hosts')).split('\n')) {
    const f = line.replace(/#.*/, '').trim().split(/\s+/);
    out.push(...f.slice(1));
  }
  return out;
}

async function serviceNames(sh: Interpreter): Promise<string[]> {
  const out: string[] = [];
  for (const line of (await readText(sh, '/etc/services')).split('\n')) {
    const f = line.replace(/#.*/, '').trim().split(/\s+/);
    if (f[0]) out.push(f[0], ...f.slice(2));
  }
  return [...new Set(out)];
}

/** Executable names on $PATH. */
export async function pathCommands(sh: Interpreter): Promise<string[]> {
  const out: string[] = [];
  for (const dir of (sh.state.get('PATH') ?? '').split(':')) {
    let names: string[];
    try {
      names = await sh.sys.readdir(dir || '.');
    } catch {
      continue;
    }
    for (const n of names) {
      try {
        const st = await sh.sys.stat(`${dir || '.'}/${n}`);
        if (st.kind === 'file' && (st.mode & 0o111) !== 0) out.push(n);
      } catch {
        // dangling
      }
    }
  }
  return out;
}

/**
 * Everything that can be a command name (compgen -c): aliases, keywords, functions, builtins,
 * programs. A name found more than once is listed each time, as bash's generator does (a
 * builtin and programs of the same name in several PATH directories); readline's list, which
 * the line editor makes, has each once.
 */
export async function commandNames(sh: Interpreter, prefix: string): Promise<string[]> {
  if (prefix.includes('/')) return fileMatches(sh, prefix, 'exec');
  const names = [...sh.state.aliases.keys(), ...KEYWORDS, ...sh.state.functions.keys(), ...[...builtins.keys()].sort(), ...(await pathCommands(sh))];
  return names.filter(startsWith(prefix));
}

/**
 * File names for `word` (readline's rl_filename_completion_function): the entries of its
 * directory that start with its last part, with the directory part kept as typed (a
 * leading ~ too).
 */
export async function fileMatches(sh: Interpreter, word: string, only?: 'dirs' | 'exec'): Promise<string[]> {
  const text = dequote(word);
  const slash = text.lastIndexOf('/');
  const dirPart = slash >= 0 ? text.slice(0, slash + 1) : '';
  const base = slash >= 0 ? text.slice(slash + 1) : text;
  const dir = expandTilde(sh, dirPart) || '.';
  let names: string[];
  try {
    names = await sh.sys.readdir(dir);
  } catch {
    return [];
  }
  const out: string[] = [];
  // readline reads . and .. as any other entry: a word that begins them (`.`, `..`) matches
  // them, an empty one does not
  for (const n of [...new Set(['.', '..', ...names])].sort()) {
    // readline's match-hidden-files is on: a dot file matches an empty word too
    if (!n.startsWith(base) || ((n === '.' || n === '..') && base === '')) continue;
    if (only) {
      const kind = await statKind(sh, `${dir}/${n}`);
      if (only === 'dirs' && kind !== 'dir') continue;
      if (only === 'exec' && kind !== 'dir' && kind !== 'exec') continue;
    }
    out.push(dirPart + n);
  }
  return out;
}

export function expandTilde(sh: Interpreter, path: string): string {
  if (path === '~' || path.startsWith('~/')) return (sh.state.get('HOME') ?? '') + path.slice(1);
  return path;
}

async function statKind(sh: Interpreter, path: string): Promise<'dir' | 'exec' | 'other' | undefined> {
  try {
    const st = await sh.sys.stat(path);
    if (st.kind === 'dir') return 'dir';
    return st.kind === 'file' && (st.mode & 0o111) !== 0 ? 'exec' : 'other';
  } catch {
    return undefined;
  }
}

/** Whether a completed name is a directory (readline then appends a slash, not a space). */
export async function isDirectory(sh: Interpreter, name: string): Promise<boolean> {
  return (await statKind(sh, expandTilde(sh, dequote(name)))) === 'dir';
}

function jobNames(sh: Interpreter, state?: 'Running' | 'Stopped'): string[] {
  return sh.state.jobs.filter((j) => !state || j.state === state).map((j) => j.command.split(/\s+/)[0]!);
}

/** The words one action gives for `word` (those that start with it). */
export async function actionMatches(sh: Interpreter, action: Action, word: string): Promise<string[]> {
  const p = startsWith(word);
  switch (action) {
    case 'alias': return [...sh.state.aliases.keys()].sort().filter(p);
    case 'arrayvar': return namesWithPrefix(sh.state, word, (v) => !!(v.array || v.assoc));
    case 'binding': return (readlineStarted(sh.state) ? [...BINDINGS, ...BASH_BINDINGS].sort() : BINDINGS).filter(p);
    case 'builtin': return [...builtins.keys()].sort().filter(p);
    case 'command': return commandNames(sh, word);
    case 'directory': return fileMatches(sh, word, 'dirs');
    case 'disabled': return [...builtins.keys()].sort().filter((n) => sh.state.disabledBuiltins.has(n)).filter(p);
    case 'enabled': return [...builtins.keys()].sort().filter((n) => !sh.state.disabledBuiltins.has(n)).filter(p);
    case 'export': return namesWithPrefix(sh.state, word, (v) => !!v.exported);
    case 'file': return fileMatches(sh, word);
    case 'function': return [...sh.state.functions.keys()].sort().filter(p);
    case 'group': return (await colonNames(sh, '/etc/group')).filter(p);
    case 'helptopic': return HELP_NAMES.filter(p);
    case 'hostname': return (await hostNames(sh)).filter(p);
    case 'job': return jobNames(sh).filter(p);
    case 'keyword': return KEYWORDS.filter(p);
    case 'running': return jobNames(sh, 'Running').filter(p);
    case 'service': return (await serviceNames(sh)).filter(p);
    case 'setopt': return SET_OPTIONS.map(([n]) => n).filter(p);
    case 'shopt': return SHOPT_NAMES.filter(p);
    case 'signal': {
      // bash's signal table: EXIT, the numbered ones (glibc's 32 and 33 as SIGJUNK), the traps' pseudo signals
      const numbered = Object.entries(SIGNALS).sort((a, b) => a[1] - b[1]).map(([n]) => n);
      const realtime = Array.from({ length: SIGRTMAX - SIGRTMIN + 1 }, (_, i) => realtimeSignalName(SIGRTMIN + i)!);
      return ['EXIT', ...numbered, 'SIGJUNK(32)', 'SIGJUNK(33)', ...realtime, 'DEBUG', 'ERR', 'RETURN'].filter(p);
    }
    case 'stopped': return jobNames(sh, 'Stopped').filter(p);
    case 'user': return (await colonNames(sh, '/etc/passwd')).filter(p);
    case 'variable': return namesWithPrefix(sh.state, word);
  }
}
