// Completion specifications (bash manual, Programmable Completion): what `complete` stores
// for a command name, how `complete` and `compgen` read their options, and how `complete -p`
// prints a spec back (pcomplete.c print_one_completion, in bash's hash-table order).

/** The -A actions; the ones with a short flag too. */
export const ACTIONS = ['alias', 'arrayvar', 'binding', 'builtin', 'command', 'directory', 'disabled', 'enabled', 'export', 'file', 'function', 'group', 'helptopic', 'hostname', 'job', 'keyword', 'running', 'service', 'setopt', 'shopt', 'signal', 'stopped', 'user', 'variable'] as const;
export type Action = (typeof ACTIONS)[number];

export const SHORT_ACTIONS: Record<string, Action> = {
  a: 'alias', b: 'builtin', c: 'command', d: 'directory', e: 'export', f: 'file', g: 'group', j: 'job', k: 'keyword', s: 'service', u: 'user', v: 'variable',
};

export const OPTIONS = ['bashdefault', 'default', 'dirnames', 'filenames', 'noquote', 'nosort', 'nospace', 'plusdirs'] as const;
export type CompOption = (typeof OPTIONS)[number];

export interface CompSpec {
  actions: Set<Action>;
  options: Set<CompOption>;
  glob?: string;
  words?: string;
  func?: string;
  command?: string;
  filter?: string;
  prefix?: string;
  suffix?: string;
}

export function emptySpec(): CompSpec {
  return { actions: new Set(), options: new Set() };
}


/** The names bash files the -D, -E and -I specs under. */
export const DEFAULT_NAME = '_DefaultCmD_';
export const EMPTY_NAME = '_EmptycmD_';
export const INITIAL_NAME = '_InitialWorD_';

/** What `complete`/`compgen`/`compopt` were asked: a spec, flags, names, or a usage error. */
export interface ParsedArgs {
  spec: CompSpec;
  /** Which of p r D E I were given (complete), and the +o options (compopt). */
  flags: Set<string>;
  off: Set<CompOption>;
  rest: string[];
  error?: { message?: string; usage: boolean };
}

/** Parses options as bash's internal_getopt does (clusters, -oARG or -o ARG, `--`). */
export function parseCompArgs(args: string[], extra: string, plusO = false): ParsedArgs {
  const spec = emptySpec();
  const flags = new Set<string>();
  const off = new Set<CompOption>();
  const withArg = 'oAGWFCXPS';
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (!(a.startsWith('-') || (plusO && a.startsWith('+'))) || a.length < 2) break;
    const plus = a[0] === '+';
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      if (plus && c !== 'o') return { spec, flags, off, rest: [], error: { message: `${a.slice(0, 1)}${c}: invalid option`, usage: true } };
      if (withArg.includes(c)) {
        let value = a.slice(j + 1);
        if (value === '') {
          if (i + 1 >= args.length) return { spec, flags, off, rest: [], error: { message: `-${c}: option requires an argument`, usage: true } };
          value = args[++i]!;
        }
        const bad = applyOption(spec, c, value, plus ? off : undefined);
        if (bad) return { spec, flags, off, rest: [], error: { message: bad, usage: false } };
        break;
      }
      if (c in SHORT_ACTIONS) spec.actions.add(SHORT_ACTIONS[c]!);
      else if (extra.includes(c)) flags.add(c);
      else return { spec, flags, off, rest: [], error: { message: `-${c}: invalid option`, usage: true } };
    }
  }
  return { spec, flags, off, rest: args.slice(i) };
}

function applyOption(spec: CompSpec, c: string, value: string, off?: Set<CompOption>): string | undefined {
  switch (c) {
    case 'o':
      if (!(OPTIONS as readonly string[]).includes(value)) return `${value}: invalid option name`;
      (off ?? spec.options).add(value as CompOption);
      return undefined;
    case 'A':
      if (!(ACTIONS as readonly string[]).includes(value)) return `${value}: invalid action name`;
      spec.actions.add(value as Action);
      return undefined;
    case 'G': spec.glob = value; return undefined;
    case 'W': spec.words = value; return undefined;
    case 'F': spec.func = value; return undefined;
    case 'C': spec.command = value; return undefined;
    case 'X': spec.filter = value; return undefined;
    case 'P': spec.prefix = value; return undefined;
    case 'S': spec.suffix = value; return undefined;
  }
  return undefined;
}

const quote = (s: string): string => `'${s.replace(/'/g, "'\\''")}'`;

/** A spec as `complete -p` prints it (reusable as input). */
export function specLine(name: string, s: CompSpec): string {
  const parts = ['complete'];
  for (const o of OPTIONS) if (s.options.has(o)) parts.push('-o', o);
  for (const [flag, action] of Object.entries(SHORT_ACTIONS)) if (s.actions.has(action)) parts.push(`-${flag}`);
  const shortNames = new Set(Object.values(SHORT_ACTIONS));
  for (const a of ACTIONS) if (s.actions.has(a) && !shortNames.has(a)) parts.push('-A', a);
  if (s.glob !== undefined) parts.push('-G', quote(s.glob));
  if (s.words !== undefined) parts.push('-W', quote(s.words));
  if (s.prefix !== undefined) parts.push('-P', quote(s.prefix));
  if (s.suffix !== undefined) parts.push('-S', quote(s.suffix));
  if (s.filter !== undefined) parts.push('-X', quote(s.filter));
  if (s.command !== undefined) parts.push('-C', quote(s.command));
  if (s.func !== undefined) parts.push('-F', s.func);
  parts.push(name === DEFAULT_NAME ? '-D' : name === EMPTY_NAME ? '-E' : name === INITIAL_NAME ? '-I' : name);
  return parts.join(' ');
}

export { CompTable, copySpec } from './table';
