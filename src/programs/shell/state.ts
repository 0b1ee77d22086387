// Everything a bash process remembers between commands: variables (with function scopes,
// arrays and attributes), functions, aliases, options, positional parameters and traps.
// clone() gives a subshell its own copy.
import type { Command } from './ast';
import type { CurrentCommand } from './command-text';
import type { WaitStatus } from '../../shared/process';
import { CompTable } from './completion/table';
import { AssocMap, hashOrder, TableView } from './assoc';
import { functionText } from './print-function';

/**
 * A function as export -f puts it in the environment: `() {  first;` with the body's other lines
 * indented one space a level instead of four, as bash prints a function outside `declare -f`.
 */
function exportedFunctionText(text: string): string {
  const lines = text.split('\n').slice(2).map((l) => l.replace(/^( {4})+/, (m) => ' '.repeat(m.length / 4)));
  return `() { ${lines.join('\n')}`;
}

/** Computed variables whose exported value is made again for each program's environment. */
const REGENERATED = new Set(['LINENO', 'EPOCHSECONDS', 'EPOCHREALTIME']);

export interface Var {
  value?: string;
  array?: Map<number, string>;
  assoc?: AssocMap;
  exported?: boolean;
  readonly?: boolean;
  integer?: boolean;
  lower?: boolean;
  upper?: boolean;
  /** declare -c (capcase): the first character upper case, the rest lower */
  capcase?: boolean;
  /** nameref (declare -n) */
  ref?: boolean;
  /** declare -t */
  trace?: boolean;
  /** An array declared (declare -a NAME) and given no value yet: it counts as unset. */
  declaredOnly?: boolean;
}

export interface Job {
  id: number;
  pgid: number;
  pids: number[];
  command: string;
  state: 'Running' | 'Stopped' | 'Done';
  status: number;
  /** Statuses of the job's processes still unknown. */
  pending: Set<number>;
  /** Whether the job has a process group of its own (started under job control). */
  group: boolean;
  /** How the job's last process ended, once it has. */
  final?: WaitStatus;
  /** A copy of the parent's job in a subshell (a pipeline stage, $(...)): listed, never waited for. */
  inherited?: boolean;
  /** An ended job that lost its +/- mark: the current or previous job went, and bash picks new ones only from live jobs. */
  unmarked?: boolean;
  /** When the job started (the machine's uptime). */
  started?: number;
  /** The state `jobs` last showed it in (jobs -n lists only the jobs whose state changed since). */
  shownState?: Job['state'];
  /** The shell's directory when the job started (listed as `(wd: DIR)` from elsewhere). */
  wd?: string;
  /** Each process's command, for a pipeline's job (jobs -l lists them one a line). */
  texts?: string[];
  /** How each of its processes ended, as far as known. */
  ends?: Map<number, WaitStatus>;
  /** disown -h: spared the SIGHUP an exiting login shell sends its jobs. */
  nohup?: boolean;
  /** Started with job control on (set -m): fg and bg take only such jobs. */
  monitored?: boolean;
}

export const DEFAULT_OPTIONS = ['braceexpand', 'hashall', 'interactive-comments'];

/** The shopt options posix mode turns on (bash's posix_initialize). */
const POSIX_SHOPTS = ['interactive_comments', 'sourcepath', 'expand_aliases', 'inherit_errexit', 'shift_verbose'];

function cloneVar(v: Var): Var {
  return {
    ...v,
    ...(v.array ? { array: new Map(v.array) } : {}),
    ...(v.assoc ? { assoc: new AssocMap(v.assoc) } : {}),
  };
}

function cloneVars(m: Map<string, Var>): Map<string, Var> {
  const out = new Map<string, Var>();
  for (const [k, v] of m) out.set(k, cloneVar(v));
  return out;
}

export class ShellState {
  globals = new Map<string, Var>();
  /** Function-local scopes, innermost last. */
  scopes: Map<string, Var>[] = [];
  /** The scopes among them that hold a command's own assignments (`X=1 builtin`), not a
   * function's locals: true for bash's builtin environments (eval's, source's, read's...),
   * which listings show and which keep what is assigned in them. */
  tempScopes = new Map<Map<string, Var>, boolean>();
  functions = new Map<string, Command & { kind: 'funcdef' }>();
  /** Functions marked with export -f (passed to child shells as BASH_FUNC_name%%) and readonly -f. */
  exportedFunctions = new Set<string>();
  readonlyFunctions = new Set<string>();
  /** Other attributes declare -f gave functions, as declare -F -p shows them (t, c, l, u). */
  functionMarks = new Map<string, string>();
  aliases = new Map<string, string>();
  options = new Set<string>(DEFAULT_OPTIONS);
  shopts = new Set<string>(['checkwinsize', 'cmdhist', 'complete_fullquote', 'extquote', 'force_fignore', 'globasciiranges', 'globskipdots', 'hostcomplete', 'interactive_comments', 'patsub_replacement', 'progcomp', 'promptvars', 'sourcepath']);
  positional: string[] = [];
  arg0 = 'bash';
  /** $0 once BASH_ARGV0 was assigned (error messages keep naming the script by arg0). */
  dollar0: string | undefined;
  status = 0;
  lastBg: number | undefined;
  traps = new Map<string, string>();
  interactive = false;
  login = false;
  /** bash -c: `$-` shows c */
  runsCommand = false;
  /** commands come from standard input (interactive, bash -s, bash < file): `$-` shows s */
  readsStdin = false;
  lineno = 0;
  /** Errors arithmetic reported without failing (`a: bad array subscript`), written when the expansion ends. */
  arithNotes?: string[];
  jobs: Job[] = [];
  /** bgpids: the statuses of background processes reaped, for `wait PID` (oldest first). */
  reaped = new Map<number, number>();
  hash = new Map<string, string>();
  /** The hash table exists (a command was remembered once; hash -r empties it, no more):
   * before that, hash -d of any name quietly succeeds. */
  hashMade = false;
  /** How often each hashed command was found through the table (`hash` lists it). */
  hashHits = new Map<string, number>();
  dirStack: string[] = [];
  /** `local -` in a function: the set options to restore when its scope ends. */
  localOptions = new WeakMap<Map<string, Var>, Set<string>>();
  /** PS4 is being expanded for set -x (a command substitution in it inherits this). */
  expandingPs4 = false;
  /** The shell's group ids ($GROUPS). */
  groups: number[] = [];
  /** Builtins turned off with `enable -n` (a program of that name runs instead). */
  disabledBuiltins = new Set<string>();
  funcNames: string[] = [];
  /**
   * BASH_ARGV and BASH_ARGC, top of the stack first. Without extdebug bash fills them from $@
   * the first time they are read outside a function; `source` without arguments pushes its
   * file for the time it runs.
   */
  bashArgv: string[] = [];
  bashArgc: string[] = [];
  bashArgvFilled = false;
  /** FUNCNAME is still the shell's own (until it is unset; assignments to it are ignored). */
  funcnameLive = true;
  /** The line each running function was called from (BASH_LINENO, caller). */
  callLines: number[] = [];
  sourceDepth = 0;
  /**
   * The running functions and sourced files, innermost last: FUNCNAME, BASH_SOURCE and
   * BASH_LINENO are made from it, and an error names the file of the innermost one.
   */
  frames: SourceFrame[] = [];
  /** The file each function was defined in (a function defined by bash -c: `environment`). */
  funcFiles = new Map<string, string>();
  loopDepth = 0;
  history: string[] = [];
  pipestatus: number[] = [0];
  /** The traps of the shell this subshell came from: `trap` lists them until the subshell sets
   * or resets one (bash frees the inherited trap strings then). */
  parentTraps: Map<string, string> | undefined;
  /** An EXIT trap made this shell catch the fatal signals (to run the trap, then die of them);
   * a subshell remembers it was done (bash's termsigs_initialized). */
  termsigs = false;
  /** The shell itself ignores SIGQUIT (it was not ignored on entry): its children get it back. */
  quitOwn = false;
  /** Signals an asynchronous subshell ignores for itself only (SIGINT): what it runs gets them back. */
  asyncOwn: number[] | undefined;
  /** The signals ignored when the shell started (trap can neither set nor reset them), by
   * name; found out when trap first needs them. */
  entryIgnored: string[] | undefined;
  /** The descriptor set -x writes to (BASH_XTRACEFD), when not standard error. */
  xtraceFd: number | undefined;
  /** How many times `set` gave new positional parameters (source keeps them then, at the top level). */
  positionalSets = 0;
  /** $GROUPS and $DIRSTACK once read: a listing shows their values from then on (bash fills them when read). */
  filled = new Set<string>();
  /** Where error messages say they come from: `bash`, `bash: line N`, or `script: line N`. */
  errorContext: 'interactive' | 'command' | 'script' = 'interactive';
  startedAt = 0;
  /** Set in subshells: $BASHPID differs from $$. */
  subshell = 0;
  /** $BASH_SUBSHELL: ( ), $( ), <( ), & and compound pipeline stages add one; simple stages do not. */
  level = 0;
  /**
   * A foreground pipeline's simple stage: its child counts no subshell level for a builtin or
   * program ($BASH_SUBSHELL as the parent's), but a function it calls does (not cloned).
   */
  levelLowered = false;
  /** BASH_ALIASES and BASH_CMDS as last read: what a listing shows (bash keeps that value). */
  tablesSeen = new Map<string, AssocMap>();
  /** $_ came from the environment: it stays exported (in the environment at its place). */
  lastArgExported = false;
  /** The coprocess bash keeps (one at a time), until it is reaped. */
  coproc: { name: string; pid: number; fds: number[] } | undefined;
  /** The shell no longer knows its directory (bash's the_current_working_directory is NULL). */
  cwdLost = false;
  /** The directory's name as cd last set it (bash's the_current_working_directory): `pwd`
   * prints it unchecked, cd starts from it. Unset until the first cd. */
  cwdName: string | undefined;
  /** set -m ran in this very shell: job control is on (a subshell has it off until then; not cloned). */
  monitorHere = false;
  /** Processes of jobs taken out of the table (disown): `wait` no longer waits for them. */
  disowned = new Set<number>();
  /** $_: the last argument of the previous simple command. */
  lastArg = '';
  /** How many times the first character of PS4 is shown: one more in each $( ) and eval. */
  traceLevel = 1;
  /** A command substitution's subshell (it reports no job killed by a signal). */
  inComsub = false;
  shellPid = 0;
  /** The command $BASH_COMMAND names (not updated while a trap runs). */
  current: CurrentCommand;
  /** Completion specs set with `complete`. */
  completions = new CompTable();
  /** $BASHOPTS as it was before posix mode changed options behind shopt's back (bash remakes it only in shopt). */
  bashoptsKept: string | undefined;
  /** set -r, bash -r or rbash: the restricted shell's limits apply (`$-` shows r). */
  restricted = false;
  /**
   * bash's line_number between simple commands (each puts it back when done): the line a
   * top-level command ends on, a function's opening brace, a running for/case/select's line,
   * a subshell's closing parenthesis. Redirections of compound commands are reported there.
   */
  contextLine = 0;

  /** The file an error message names: the innermost function's or sourced file's, else $0. */
  sourceName(): string {
    return this.frames.length > 0 ? this.frames[this.frames.length - 1]!.source : this.arg0;
  }

  /** The file a function defined now belongs to. */
  definitionFile(): string {
    if (this.frames.length > 0) return this.frames[this.frames.length - 1]!.source;
    return this.errorContext === 'command' && !this.readsStdin ? 'environment' : this.errorContext === 'script' ? this.arg0 : 'main';
  }

  clone(): ShellState {
    const s = new ShellState();
    s.globals = cloneVars(this.globals);
    s.scopes = this.scopes.map(cloneVars);
    this.scopes.forEach((m, i) => {
      const listed = this.tempScopes.get(m);
      if (listed !== undefined) s.tempScopes.set(s.scopes[i]!, listed);
    });
    s.functions = new Map(this.functions);
    s.exportedFunctions = new Set(this.exportedFunctions);
    s.readonlyFunctions = new Set(this.readonlyFunctions);
    s.functionMarks = new Map(this.functionMarks);
    s.aliases = new Map(this.aliases);
    s.options = new Set(this.options);
    s.shopts = new Set(this.shopts);
    s.positional = [...this.positional];
    s.arg0 = this.arg0;
    s.dollar0 = this.dollar0;
    s.status = this.status;
    s.lastBg = this.lastBg;
    s.termsigs = this.termsigs;
    s.quitOwn = this.quitOwn;
    s.asyncOwn = this.asyncOwn;
    s.entryIgnored = this.entryIgnored;
    s.xtraceFd = this.xtraceFd;
    s.filled = new Set(this.filled);
    // a subshell keeps ignored signals ignored; other traps are reset (bash manual, COMMAND
    // EXECUTION ENVIRONMENT), except DEBUG and RETURN under set -T and ERR under set -E
    s.traps = new Map([...this.traps].filter(([name, action]) => action === '' || inherited(this.options, name)));
    // what `trap` lists until the subshell sets one: the traps shown here, nested subshells too
    s.parentTraps = new Map(this.parentTraps ?? this.traps);
    s.interactive = false;
    s.login = this.login;
    s.runsCommand = this.runsCommand;
    s.readsStdin = this.readsStdin;
    s.lineno = this.lineno;
    // a pipeline stage or a command substitution still lists the jobs ((...) forgets them)
    s.jobs = this.jobs.map((j) => ({ ...j, pids: [...j.pids], pending: new Set(j.pending), inherited: true }));
    s.hash = new Map(this.hash);
    s.hashMade = this.hashMade;
    s.hashHits = new Map(this.hashHits);
    s.dirStack = [...this.dirStack];
    s.expandingPs4 = this.expandingPs4;
    s.groups = this.groups;
    s.disabledBuiltins = new Set(this.disabledBuiltins);
    // `history | tail` lists the parent's entries: a subshell starts with a copy of the list
    s.history = [...this.history];
    s.funcNames = [...this.funcNames];
    s.bashArgv = [...this.bashArgv];
    s.bashArgc = [...this.bashArgc];
    s.bashArgvFilled = this.bashArgvFilled;
    s.funcnameLive = this.funcnameLive;
    s.callLines = [...this.callLines];
    s.frames = [...this.frames];
    s.funcFiles = new Map(this.funcFiles);
    s.sourceDepth = this.sourceDepth;
    s.loopDepth = this.loopDepth;
    s.pipestatus = [...this.pipestatus];
    s.errorContext = this.errorContext;
    s.startedAt = this.startedAt;
    s.subshell = this.subshell + 1;
    s.level = this.level + 1;
    s.lastArg = this.lastArg;
    s.traceLevel = this.traceLevel;
    s.inComsub = this.inComsub;
    s.shellPid = this.shellPid;
    s.current = this.current;
    s.completions = this.completions.clone();
    s.dynamic = new Map(this.dynamic);
    s.dynamicSeen = new Map(this.dynamicSeen);
    s.exportCache = this.exportCache;
    s.dynamicInherited = true;
    s.restricted = this.restricted;
    s.bashoptsKept = this.bashoptsKept;
    s.contextLine = this.contextLine;
    s.cwdLost = this.cwdLost;
    s.cwdName = this.cwdName;
    s.lastArgExported = this.lastArgExported;
    s.tablesSeen = new Map(this.tablesSeen);
    return s;
  }

  /**
   * BASH_ALIASES and BASH_CMDS: the aliases (a table of 64 buckets) or remembered commands (256),
   * put in that table's order into an array of their own (64 or 1024 buckets); an element
   * assigned changes those tables.
   */
  private tableView(name: 'BASH_ALIASES' | 'BASH_CMDS'): AssocMap {
    if (name === 'BASH_ALIASES') {
      return new TableView(hashOrder(this.aliases.keys(), 64).map((k) => [k, this.aliases.get(k)!] as const), 64, (k, v) => this.aliases.set(k, v));
    }
    return new TableView(hashOrder(this.hash.keys(), 256).map((k) => [k, this.hash.get(k)!] as const), 1024, (k, v) => {
      this.hash.set(k, v);
      this.hashHits.set(k, 0);
      this.hashMade = true;
    });
  }

  /** The variable `name` as seen from the current scope (resolving namerefs). */
  lookup(name: string, depth = 0): Var | undefined {
    if (name === 'SHELLOPTS' || name === 'BASHOPTS' || name === 'GROUPS' || name === 'DIRSTACK') return this.computed(name);
    if ((name === 'BASH_ALIASES' || name === 'BASH_CMDS') && !this.globals.has(name)) {
      const view = this.tableView(name);
      this.tablesSeen.set(name, view);
      return { assoc: view };
    }
    // FUNCNAME is computed when read, so function calls allocate nothing for it
    if (name === 'BASH_ARGV' || name === 'BASH_ARGC') {
      if (!this.bashArgvFilled && this.funcNames.length === 0) {
        this.bashArgvFilled = true;
        this.bashArgv.unshift(...[...this.positional].reverse());
        this.bashArgc.unshift(String(this.positional.length));
      }
      const list = name === 'BASH_ARGV' ? this.bashArgv : this.bashArgc;
      return { array: new Map(list.map((v, i) => [i, v])) };
    }
    // outside functions it is declared with no value (`declare -p` shows it); unset, it is plain
    if (name === 'FUNCNAME' && this.funcnameLive && this.funcNames.length === 0) return { array: new Map(), declaredOnly: true };
    if (name === 'FUNCNAME' && this.funcnameLive) return { array: new Map(this.funcnameStack().map((n, i) => [i, n])) };
    if ((name === 'BASH_LINENO' || name === 'BASH_SOURCE') && this.errorContext !== 'interactive') {
      const stack = this.frames.map((f) => (name === 'BASH_LINENO' ? String(f.line) : f.source)).reverse();
      if (this.errorContext === 'script') stack.push(name === 'BASH_LINENO' ? '0' : this.arg0);
      return { array: new Map(stack.map((n, i) => [i, n])) };
    }
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const v = this.scopes[i]!.get(name);
      if (v) return v.ref && depth < 8 && v.value ? this.refLookup(v.value, depth + 1) ?? v : v;
    }
    const g = this.globals.get(name);
    if (g?.ref && depth < 8 && g.value) return this.refLookup(g.value, depth + 1) ?? g;
    return g;
  }

  /** FUNCNAME's elements, innermost first (there even where the variable is hidden: `caller`). */
  funcnameStack(): string[] {
    const stack = this.frames.map((f) => f.func ?? 'source').reverse();
    if (this.errorContext === 'script') stack.push('main');
    return stack;
  }

  /** $SHELLOPTS and $BASHOPTS (the options on, by name), $GROUPS and $DIRSTACK: made when read. */
  private computed(name: string): Var {
    if (name === 'GROUPS' || name === 'DIRSTACK') this.filled.add(name);
    if (name === 'SHELLOPTS') return { value: [...this.options].sort().join(':'), readonly: true };
    if (name === 'BASHOPTS') return { value: this.bashoptsKept ?? [...this.shopts].sort().join(':'), readonly: true };
    const list = name === 'GROUPS' ? this.groups.map(String) : [this.get('PWD') ?? '', ...this.dirStack];
    return { array: new Map(list.map((v, i) => [i, v])) };
  }

  /** What a nameref names: a variable, or one element (`declare -n e='a[1]'`) read as a scalar. */
  private refLookup(target: string, depth: number): Var | undefined {
    const el = refElement(target);
    if (!el) return this.lookup(target, depth);
    const base = this.lookup(el.name, depth);
    const value = base?.assoc ? base.assoc.get(el.key) : elementOf(base, el.key);
    return value === undefined ? undefined : { value };
  }

  /** The map that holds `name` further out than the scope `inner`. */
  private holderBelow(name: string, inner: Map<string, Var>): Map<string, Var> {
    for (let i = this.scopes.lastIndexOf(inner) - 1; i >= 0; i--) if (this.scopes[i]!.has(name)) return this.scopes[i]!;
    return this.globals;
  }

  /** The running function's own scope (past any command's temporary one), if any. */
  functionScope(): Map<string, Var> | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) if (!this.tempScopes.has(this.scopes[i]!)) return this.scopes[i];
    return undefined;
  }

  /** The map that holds `name` (innermost scope that has it, else globals). */
  holder(name: string): Map<string, Var> {
    for (let i = this.scopes.length - 1; i >= 0; i--) if (this.scopes[i]!.has(name)) return this.scopes[i]!;
    return this.globals;
  }

  /** Variables computed when read ($RANDOM, $SECONDS, $LINENO, $BASHPID); assigning or unsetting one ends that. */
  dynamic = new Map<string, () => string>();
  /**
   * What each computed variable last gave when read or was assigned: bash keeps that as its
   * value, so listings (set, declare -p, export -p) show it.
   */
  dynamicSeen = new Map<string, string>();
  /**
   * The computed variables' values in the exported environment as last made, and what it held
   * besides (environment()); shared with subshells, since bash makes it before it forks.
   */
  exportCache: { made?: { key: string; values: [string, string][] } } = {};
  /** A subshell's copy: its computed variables are the parent's, none brought back. */
  dynamicInherited = false;
  /** SECONDS as the environment gave it, applied once the dynamic variables exist. */
  envDynamic = new Map<string, string>();

  get(name: string): string | undefined {
    const dyn = this.dynamic.get(name);
    if (dyn) {
      const value = dyn();
      this.dynamicSeen.set(name, value);
      return value;
    }
    const v = this.lookup(name);
    // a nameref whose variable does not exist (or a loop of them) has no value
    if (!v || v.ref) return undefined;
    if (v.array) return v.array.get(0);
    if (v.assoc) return v.assoc.get('0');
    return v.value;
  }

  /** declare -l/-u: the value in one case; in the C locale only ASCII letters change. */
  caseFold(value: string, upper: boolean): string {
    if (/^[\x00-\x7f]*$/.test(value) || /\.utf-?8/i.test(this.get('LC_ALL') || this.get('LC_CTYPE') || this.get('LANG') || '')) return upper ? value.toUpperCase() : value.toLowerCase();
    return value.replace(/[A-Za-z]+/g, (m) => (upper ? m.toUpperCase() : m.toLowerCase()));
  }

  /** A value as a variable with -l, -u or -c keeps it (unchanged without those). */
  fold(v: Var, value: string): string {
    if (v.lower || v.upper) return this.caseFold(value, !!v.upper);
    if (!v.capcase) return value;
    const lowered = this.caseFold(value, false);
    const first = lowered.codePointAt(0);
    if (first === undefined) return lowered;
    const head = String.fromCodePoint(first);
    return this.caseFold(head, true) + lowered.slice(head.length);
  }

  /** Sets a scalar (or element 0 of an array); throws ReadonlyError for readonly variables. */
  set(name: string, value: string, depth = 0): void {
    if (name === 'SHELLOPTS' || name === 'BASHOPTS') throw new ReadonlyError(name);
    // FUNCNAME ignores assignments until it is unset (bash's null_array_assign)
    if (name === 'FUNCNAME' && this.funcnameLive) return;
    if (this.dynamic.has(name)) {
      if (name === 'RANDOM') this.onSeed?.(value);
      // BASH_ARGV0 sets $0
      else if (name === 'BASH_ARGV0') {
        this.dollar0 = value;
        return;
      }
      // an assignment to SECONDS restarts its count from the value, one to BASH_SUBSHELL sets the
      // level (bash's assign_subshell); both stay computed, and these others ignore assignments
      else if (!['LINENO', 'BASHPID', 'SECONDS', 'EPOCHSECONDS', 'EPOCHREALTIME', 'HISTCMD', 'SRANDOM', 'BASH_COMMAND', 'BASH_SUBSHELL'].includes(name)) this.dynamic.delete(name);
      // (bash's legal_number: anything but a plain decimal integer counts as 0)
      if (name !== 'BASH_ARGV0') this.dynamicSeen.set(name, value);
      if (name === 'SECONDS') this.startedAt = this.now() - (/^\s*[-+]?\d+\s*$/.test(value) ? Number(value) : 0) * 1000;
      if (name === 'BASH_SUBSHELL') this.level = /^\s*[-+]?\d+\s*$/.test(value) ? Number(value) : 0;
      if (name === 'SECONDS' || name === 'RANDOM' || name === 'BASH_SUBSHELL') return;
    }
    let holder = this.holder(name);
    // a builtin's own variable (X=1 printf -v X) changes, and so does the shell's
    if (this.tempScopes.get(holder) === false) {
      const own = holder.get(name)!;
      if (!own.ref && !own.array && !own.assoc) own.value = value;
      holder = this.holderBelow(name, holder);
    }
    let v = holder.get(name);
    if (v?.ref && v.value) {
      const el = refElement(v.value);
      if (el && this.setRefElement(el.name, el.key, value)) return;
      // namerefs that name each other: the assignment fails (bash gives up after a few hops)
      if (depth >= 8) throw new ReadonlyError(name, `warning: ${name}: circular name reference`);
      return this.set(v.value, value, depth + 1);
    }
    if (v?.readonly) throw new ReadonlyError(name);
    // a nameref with no value yet takes the assignment as the name it refers to: a bad one fails
    if (v?.ref && !NAMEREF_VALUE.test(value)) throw new ReadonlyError(name, `\`${value}': not a valid identifier`);
    if (!v) {
      v = {};
      holder.set(name, v);
      if (this.options.has('allexport')) v.exported = true;
    }
    const final = this.fold(v, value);
    const before = (v.array ? v.array.get(0) : v.assoc ? v.assoc.get('0') : v.value)?.length ?? 0;
    if (v.array) v.array.set(0, final);
    else if (v.assoc) v.assoc.set('0', final);
    else v.value = final;
    if (final.length > before) this.onGrow?.(final.length - before);
    // setup_glob_ignore(): patterns in GLOBIGNORE turn dotglob on
    if (name === 'GLOBIGNORE' && /[^:]/.test(final)) this.shopts.add('dotglob');
    // a new PATH empties the table of remembered commands (sv_path)
    else if (name === 'PATH') this.forgetCommands();
    // sv_strict_posix: setting POSIXLY_CORRECT turns posix mode on, unsetting it off
    else if (name === 'POSIXLY_CORRECT') this.posixMode(true);
  }

  /**
   * Posix mode on or off, with what bash's posix_initialize changes: on, the POSIX_SHOPTS;
   * off, expand_aliases back to what the shell's kind has and shift_verbose off.
   */
  posixMode(on: boolean): void {
    this.bashoptsKept ??= [...this.shopts].sort().join(':');
    if (on) {
      this.options.add('posix');
      for (const n of POSIX_SHOPTS) this.shopts.add(n);
      return;
    }
    this.options.delete('posix');
    if (!this.interactive) this.shopts.delete('expand_aliases');
    this.shopts.delete('shift_verbose');
  }

  /** hash -r: the remembered command locations go. */
  forgetCommands(): void {
    this.hash.clear();
    this.hashHits.clear();
  }

  /** Assigns through a nameref to an element: an associative key, or a literal index. */
  private setRefElement(name: string, key: string, value: string): boolean {
    const v = this.lookup(name);
    if (v?.readonly) throw new ReadonlyError(name);
    if (v?.assoc) {
      v.assoc.set(key, value);
      return true;
    }
    if (!/^-?\d+$/.test(key.trim())) return false;
    if (!v) {
      this.holder(name).set(name, { array: new Map([[Number(key), value]]) });
      return true;
    }
    if (!v.array) {
      v.array = new Map(v.value !== undefined ? [[0, v.value]] : []);
      delete v.value;
    }
    let i = Number(key);
    if (i < 0) i += Math.max(-1, ...v.array.keys()) + 1;
    if (i < 0) return false;
    v.array.set(i, value);
    this.onGrow?.(value.length + 48);
    return true;
  }

  /** Set by the interpreter: the clock, and RANDOM=n reseeding. */
  now: () => number = () => 0;
  onSeed: ((seed: string) => void) | undefined;
  /** Set by the interpreter: variables grew by about this many bytes (memory.ts charges them). */
  onGrow: ((bytes: number) => void) | undefined;

  unset(name: string): void {
    this.dynamic.delete(name);
    if (name === 'FUNCNAME') this.funcnameLive = false;
    const holder = this.holder(name);
    const v = holder.get(name);
    if (v?.readonly) throw new ReadonlyError(name);
    if (name === 'GLOBIGNORE') this.shopts.delete('dotglob');
    if (name === 'PATH') this.forgetCommands();
    if (name === 'POSIXLY_CORRECT') this.posixMode(false);
    if (holder === this.globals) holder.delete(name);
    else if (v) {
      // unsetting a local of the running function leaves it unset in that scope; one of a
      // caller's goes, showing the variable further out (unless shopt localvar_unset)
      if (holder === this.functionScope() || this.shopts.has('localvar_unset')) holder.set(name, {});
      else holder.delete(name);
    }
  }

  isSet(name: string): boolean {
    const v = this.lookup(name);
    if (!v || v.ref) return false;
    if (v.array) return v.array.has(0);
    if (v.assoc) return v.assoc.has('0');
    return v.value !== undefined;
  }

  /**
   * The environment passed to programs: exported variables that have values, in the order
   * bash builds it: the command's own assignments (`temp`), then each function's locals from
   * the innermost out, then the globals, each walked in its hash table's order (4 buckets for
   * the first two, 1024 for the globals), a name taken where it is first found exported with a
   * value; the exported functions (512 buckets) last.
   */
  environment(temp?: Map<string, Var>): Map<string, string> {
    const env = new Map<string, string>();
    const taken = new Set<string>();
    const contexts: [Map<string, Var>, number][] = [...(temp ? [[temp, 4] as [Map<string, Var>, number]] : []), ...[...this.scopes].reverse().map((m): [Map<string, Var>, number] => [m, 4]), [this.globals, 1024]];
    const lastArg: Var = { value: this.lastArg, exported: true };
    const regenerated = new Set<string>();
    for (const [m, size] of contexts) {
      // ($_ is the shell's own, kept outside the table; exported, it has its place there)
      const keys = m === this.globals && this.lastArgExported && !m.has('_') ? [...m.keys(), '_'] : m.keys();
      for (const k of hashOrder(keys, size)) {
        const v = m.get(k) ?? lastArg;
        if (!v.exported || taken.has(k)) continue;
        // an exported computed variable: LINENO and the clock's are made again, the others go
        // with the value they last gave when read (what bash keeps)
        const computed = k !== '_' && m === this.globals && this.dynamic.has(k) && !v.array && !v.assoc;
        if (computed && REGENERATED.has(k)) regenerated.add(k);
        const value = computed ? (REGENERATED.has(k) ? this.get(k) : this.dynamicSeen.get(k) ?? v.value) : v.value;
        if (value === undefined && !v.array && !v.assoc) continue;
        taken.add(k);
        // (arrays cannot be exported: one hides the name without giving it a value)
        if (!v.array && !v.assoc) env.set(k, value!);
      }
    }
    for (const name of hashOrder([...this.exportedFunctions].filter((n) => this.functions.has(n)), 512)) {
      env.set(`BASH_FUNC_${name}%%`, exportedFunctionText(functionText(name, this.functions.get(name)!.body)));
    }
    // bash makes its exported environment again only when something exported changed (its
    // array_needs_making): until then a computed variable keeps the value it had when it was
    // last made ($LINENO of that line). A command's own assignments make an environment of
    // their own, which leaves that one as it was.
    if (regenerated.size && !temp?.size) {
      const key = [...env].map(([k, v]) => (regenerated.has(k) ? k : `${k}=${v}`)).join('\0');
      const kept = this.exportCache.made?.key === key ? this.exportCache.made : undefined;
      if (kept) for (const [k, v] of kept.values) env.set(k, v);
      else this.exportCache.made = { key, values: [...regenerated].map((k): [string, string] => [k, env.get(k)!]) };
    }
    return env;
  }
}

/** Whether a trap on `name` reaches functions and subshells (set -T: DEBUG, RETURN; set -E: ERR). */
export function inherited(options: Set<string>, name: string): boolean {
  if (name === 'DEBUG' || name === 'RETURN') return options.has('functrace');
  if (name === 'ERR') return options.has('errtrace');
  return false;
}

/** A nameref's target naming one element: `a[1]`, `m[key]`. */
function refElement(target: string): { name: string; key: string } | undefined {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)\[(.+)\]$/s.exec(target);
  return m ? { name: m[1]!, key: m[2]! } : undefined;
}

/** An indexed array's element by a literal index (negative counts from the end); a scalar is element 0. */
function elementOf(v: Var | undefined, key: string): string | undefined {
  if (!v || !/^-?\d+$/.test(key.trim())) return undefined;
  let i = Number(key);
  if (!v.array) return i === 0 ? v.value : undefined;
  if (i < 0) i += Math.max(-1, ...v.array.keys()) + 1;
  return v.array.get(i);
}

/** What a nameref may name: a variable, or an array element. */
const NAMEREF_VALUE = /^[A-Za-z_][A-Za-z0-9_]*(\[.*\])?$/s;

export class ReadonlyError extends Error {
  constructor(readonly varName: string, message = `${varName}: readonly variable`) {
    super(message);
    this.name = 'ReadonlyError';
  }
}

/** A running function (`func`) or sourced file: its file, and the line it was called from. */
export interface SourceFrame {
  func?: string;
  source: string;
  line: number;
}
