// Runs the syntax tree: lists, and-or lists, pipelines and compound commands. Simple
// commands are in simple.ts, redirections in redirect.ts, jobs and waiting in jobs.ts.
import { isSysError, strerror } from '../../shared/errno';
import { realtimeSignalName, signalName, SIGNALS } from '../../shared/signals';
import type { Sys } from '../../shared/sys';
import { encodeText } from '../../shared/bytes';
import type { Command, List } from './ast';
import { AbortCommand, BreakSignal, ContinueSignal, TopLevelAbort, Interrupted, ReturnSignal, ShellExit, ShellFatal } from './control';
import type { ExpandHost, ExpansionError, MaybePromise, Piece } from './expand';
import type { CurrentCommand } from './command-text';
import { ByteDecoder } from './byte-text';
import type { Parser } from './parser';
import type * as Engine from './engine';
import { utf8Locale } from './ansi-c';
import { ReadonlyError, type ShellState, type Var } from './state';
import { makeChild } from './fork';
import { relocate } from './relocate';
import { shellAlloc, VariableMemory } from './memory';

const decoder = new TextDecoder();

/** Where text run by evalString came from: eval, a sourced file, or a trap (`exit trap`, `trap`...). */
export type TextOrigin = { eval: true } | { file: string } | { trap: string };

/**
 * The shell's engine (engine.ts): its parser, expansions, compound commands, jobs and builtins,
 * a chunk of its own. Set once loadEngine() has run; nothing that parses or runs a command may
 * be reached before that (an interactive login shell's first prompt needs none of it).
 */
export let E: typeof Engine;
let loading: Promise<void> | undefined;

/** Loads the engine (once; the machine's clock is held meanwhile, as for any code it loads). */
export function loadEngine(sys: Sys): Promise<void> {
  if (E) return Promise.resolve();
  return (loading ??= sys.loadCode(() => import('./engine')).then((m) => {
    E = m;
  }));
}

/** Whether the engine has been loaded: before that the shell has run nothing. */
export function engineLoaded(): boolean {
  return E !== undefined;
}

export class Interpreter implements ExpandHost {
  /** Depth of contexts where `set -e` does not apply (if/while conditions, && || lists, !). */
  errexitIgnored = 0;
  /**
   * Depth of eval and source run where `set -e` does not apply: bash turns exit_immediately_on_error
   * off inside them, so an expansion error there does not end the shell (see abandonCommand).
   */
  errexitOff = 0;
  /** set -x: the value each assignment was last given (what the trace shows). */
  readonly assignedValues = new WeakMap<import('./ast').Assign, string>();
  /** set -x of a declaration builtin with a compound assignment, traced after the lists it assigns. */
  declarationTrace: string | undefined;
  /** The arguments of the declaration builtin being run that were written as `name=(...)`. */
  compoundArgs: ReadonlySet<string> = new Set();
  /** Signals caught by a trap, waiting to run their action between commands. */
  pendingTraps: number[] = [];
  /** Signal reports waiting for a command's redirections to be undone (see jobs.ts). */
  deferredReports: string[] | undefined;
  interrupted = false;

  /**
   * Whether a ^C reached this shell while it started a foreground job (since `mark`, the
   * length of pendingTraps then): the terminal was meant to be the job's already, so the
   * job gets it, and a SIGINT trap it set off does not run.
   */
  interruptedStarting(mark: number): boolean {
    if (this.interrupted) return true;
    const i = this.pendingTraps.indexOf(SIGNALS.SIGINT, mark);
    if (i < 0) return false;
    this.pendingTraps.splice(i, 1);
    return true;
  }

  private ticks = 0;
  private passwdCache: string | undefined;

  /** What the variables cost this process's memory (memory.ts). */
  readonly memory: VariableMemory;

  constructor(
    readonly sys: Sys,
    readonly state: ShellState,
  ) {
    installDynamicVars(this);
    const memory = (this.memory = new VariableMemory(sys, state));
    state.onGrow = (bytes) => memory.grew(bytes);
  }

  // ---- messages ----

  /**
   * `-bash: ` in an interactive shell and in the subshells it forks (pipeline stages, `( )`,
   * `&`: bash keeps the interactive form there); `bash: line N: ` or `script: line N: `
   * otherwise, as bash starts its error messages.
   */
  errPrefix(): string {
    if (this.state.interactive || this.state.errorContext === 'interactive') return `${this.state.arg0}: `;
    return `${this.state.sourceName()}: line ${this.state.lineno}: `;
  }

  async write(fd: number, text: string): Promise<void> {
    try {
      await this.sys.write(fd, encodeText(text));
    } catch (e) {
      if (!isSysError(e)) throw e;
      // any failed write but one of an error message fails the builtin (bash's "write error"):
      // EPERM from an immutable file, EINVAL from a /proc/sys value, EFBIG past RLIMIT_FSIZE...
      if (fd !== 2) throw e;
    }
  }

  async error(message: string): Promise<void> {
    await this.write(2, `${this.errPrefix()}${message}\n`);
  }

  // ---- scheduling ----

  /** Between commands: yields, runs pending traps, and honours ^C in an interactive shell. */
  tick(): Promise<void> | undefined {
    // the kernel's tick reads the clock; every fourth command is often enough to yield within
    // the slice and to notice a kill (traps and ^C are checked every time)
    if ((++this.ticks & 3) !== 0 && this.pendingTraps.length === 0 && !this.interrupted) return undefined;
    const pending = this.sys.tick();
    if (pending || this.pendingTraps.length > 0) return this.tickSlow(pending);
    if (this.interrupted) {
      this.interrupted = false;
      throw new Interrupted();
    }
    return undefined;
  }

  private async tickSlow(pending: Promise<void> | undefined): Promise<void> {
    await pending;
    if (this.pendingTraps.length > 0) await this.runPendingTraps();
    if (this.interrupted) {
      this.interrupted = false;
      throw new Interrupted();
    }
  }

  async runPendingTraps(): Promise<void> {
    const sigs = this.pendingTraps;
    this.pendingTraps = [];
    for (const sig of sigs) {
      const name = (signalName(sig) ?? realtimeSignalName(sig))?.slice(3);
      const action = name ? this.state.traps.get(name) : undefined;
      // (bash runs SIGINT's through run_interrupt_trap, which names it so in syntax errors)
      if (action) await this.runTrapAction(action, true, name === 'INT' ? 'interrupt trap' : 'trap');
      else if (action === undefined && this.state.termsigs) await this.dieOf(sig);
    }
  }

  /** A fatal signal caught for the EXIT trap (bash's termsig_handler): the trap runs, then the
   * shell dies of the signal. */
  private async dieOf(sig: number): Promise<void> {
    const exitTrap = this.state.traps.get('EXIT');
    if (exitTrap) {
      this.state.traps.delete('EXIT');
      this.trapDepth++;
      this.state.traceLevel++;
      // `exit` in the trap does not save the shell
      await this.evalString(exitTrap, { line: 1, origin: { trap: 'exit trap' } }).catch((e: unknown) => {
        if (!(e instanceof ShellExit)) throw e;
      });
    }
    this.sys.signal(sig, 'default');
    this.sys.kill(this.sys.pid, sig);
  }

  /**
   * The builtin that ran last failed in a way that ends a non-interactive posix-mode shell when
   * it is a special builtin: a usage error, an assignment to a readonly variable.
   */
  posixFatal = false;

  /** Trap actions running: $BASH_COMMAND keeps naming the command that set them off. */
  trapDepth = 0;
  debugRunning = false;
  /** Set in a pipeline stage whose DEBUG trap the parent ran before forking it (as bash does). */
  debugDone = false;

  /** Runs a trap's action; $? is put back after it. Its own status is returned. */
  /** `fromLine1`: a signal's trap, whose $LINENO counts from 1 in its action (bash's SEVAL_RESETLINE). */
  async runTrapAction(action: string, fromLine1 = false, label = 'trap'): Promise<number> {
    const saved = this.state.status;
    const lineno = this.state.lineno;
    this.trapDepth++;
    // parse_and_execute(): set -x shows the action's commands one PS4 character deeper
    this.state.traceLevel++;
    let status: number;
    try {
      status = await this.evalString(action, fromLine1 ? { line: 1, origin: { trap: label } } : { origin: { trap: label } });
    } finally {
      this.trapDepth--;
      this.state.traceLevel--;
      if (fromLine1) this.state.lineno = lineno;
    }
    this.state.status = saved;
    return status;
  }

  /**
   * The DEBUG trap before `cmd` (bash's run_debug_trap): before simple commands, `for`,
   * `select` and `case` heads, `(( ))`, `[[ ]]`, each part of `for (( ))`, and a function's
   * first command when the trap reaches functions (set -T). Undefined when no trap is set.
   */
  debugTrap(cmd: CurrentCommand): Promise<void> | undefined {
    if (this.state.traps.size === 0 || this.debugRunning) return undefined;
    const action = this.state.traps.get('DEBUG');
    if (!action) return undefined;
    if (this.trapDepth === 0) this.state.current = cmd;
    return this.runDebug(action);
  }

  private async runDebug(action: string): Promise<void> {
    this.debugRunning = true;
    try {
      this.debugStatus = await this.runTrapAction(action, false, 'debug trap');
    } finally {
      this.debugRunning = false;
    }
  }

  /** The last DEBUG trap's status (see skipAfterDebug). */
  private debugStatus = 0;

  /**
   * After a DEBUG trap under shopt extdebug: a status other than 0 skips the command (its
   * status is then 0), and 2 in a function returns from it.
   */
  skipAfterDebug(): boolean {
    if (this.debugStatus === 0 || !this.state.shopts.has('extdebug')) return false;
    const status = this.debugStatus;
    this.debugStatus = 0;
    if (status === 2 && this.state.funcNames.length > 0) throw new ReturnSignal(2);
    this.state.status = 0;
    return true;
  }

  // ---- running text ----

  /** Parses and runs `src` command by command (eval, source, trap actions, scripts). */
  /** `origin`: text of eval (`NAME: eval: line N:`), of a sourced FILE (`FILE: line N:`) or a
   * trap's action (`NAME: exit trap: line N:`) in syntax errors, which then do not end the shell. */
  async evalString(src: string, opts: { line?: number; top?: boolean; origin?: TextOrigin } = {}): Promise<number> {
    // commands run synchronously when they can, so nested eval/source/traps grow the JS
    // stack: every 32 levels, continue from a microtask (an empty stack)
    if (!E) await loadEngine(this.sys);
    if ((++this.evalDepth & 31) === 0) await undefined;
    // parse_and_execute() puts $BASH_COMMAND back when the text is done: after `eval false`
    // an ERR trap sees `eval false`, not the `false` inside
    const current = this.state.current;
    try {
      return await this.evalText(src, opts);
    } finally {
      this.evalDepth--;
      this.state.current = current;
    }
  }

  private evalDepth = 0;

  /** The last command of bash -c, $( ), <( ) or ( ), which bash execs in place unless a trap is set (nofork.ts). */
  oneshot: Command | undefined;
  /** How many function calls deep `oneshot` is (a recursive call does not reach it). */
  oneshotDepth = 0;
  /** $( ) and <( ): a function called as their last command execs its own last command (optimize_shell_function). */
  oneshotFunctions = false;
  /** This process runs a pipeline's stage (bash's SUBSHELL_PIPE): a program exec'd in place keeps SHLVL. */
  pipeEnv = false;
  /** This process is a ( ) subshell (SUBSHELL_PAREN): exec keeps SHLVL. */
  parenEnv = false;

  /** Aliases as the parser sees them: only while expand_aliases is on (bash's default only when interactive). */
  readonly aliasLookup = { get: (name: string): string | undefined => (this.state.shopts.has('expand_aliases') ? this.state.aliases.get(name) : undefined) };

  private async evalText(src: string, opts: { line?: number; top?: boolean; origin?: TextOrigin }): Promise<number> {
    // bash's input ends with a newline even when the text does not (`echo <` is then an
    // unexpected newline, not an unexpected end)
    if (src !== '' && !src.endsWith('\n')) src += '\n';
    const parser = new E.Parser(src, { aliases: this.aliasLookup, line: opts.line ?? this.state.lineno, extglob: this.state.shopts.has('extglob'), utf8: utf8Locale(this.state) });
    parser.lexer.heredocEof = (d, line) => void this.warnHeredoc(d, line, parser);
    let status = 0;
    for (;;) {
      let list: List | null;
      parser.lexer.extglob = this.state.shopts.has('extglob');
      // $'\u...' is decoded in the locale of the moment the command is read
      parser.lexer.utf8 = utf8Locale(this.state);
      const from = parser.lexer.pos;
      try {
        list = parser.nextCommand();
      } catch (e) {
        status = await this.reportParseError(e, parser, opts.origin);
        this.state.status = status;
        // one in a $( ) of eval's text or a sourced file, or of bash -c's, ends the shell at once
        // (bash jumps to its top level with FORCE_EOF): with $? 257 (EX_BADSYNTAX, which exits
        // as 1), 2 from a trap's action (the EXIT trap's just ends), or 127 where bash -c ran the text
        const origin = opts.origin;
        if (!this.state.interactive && e instanceof E.ShellSyntaxError && e.inSubst && (origin || this.state.runsCommand) && !(origin && 'trap' in origin && origin.trap === 'exit trap')) {
          throw new ShellExit(this.state.runsCommand && this.state.subshell === 0 ? 127 : origin && 'trap' in origin ? 2 : 257);
        }
        // (in posix mode a syntax error in eval's text or a sourced file ends the shell too, one
        // in a trap's action does not)
        if (!this.state.interactive && (!origin || (this.state.options.has('posix') && !('trap' in origin)))) throw new ShellExit(status);
        return status;
      }
      // set -v: the lines read are echoed to standard error before they run
      if (this.state.options.has('verbose') && !this.state.interactive) {
        const text = parser.lexer.src.slice(from, parser.lexer.pos);
        if (text) await this.write(2, text.endsWith('\n') ? text : `${text}\n`);
      }
      if (!list) break;
      // set -o history in a script or bash -c: each command read is an entry
      if (opts.top && !this.state.interactive && this.state.options.has('history')) {
        const text = parser.lexer.src.slice(from, parser.lexer.pos).replace(/^\s+|\s*(?:#[^\n]*)?\s*$/g, '');
        if (text) this.state.history.push(text);
      }
      // bash -c: the last command, when simple, is exec'd without a fork (see `oneshot`)
      if (opts.top && this.state.runsCommand && /^(?:\s|#[^\n]*)*$/.test(parser.lexer.src.slice(parser.lexer.pos))) this.oneshot = E.oneshotCandidate(list, false, false);
      if (list.endLine !== undefined) this.state.contextLine = list.endLine;
      try {
        status = await this.runList(list);
      } catch (e) {
        // parse_and_execute(): an expansion error abandons the command, and the text goes on
        // with the next (a sourced file, eval, a trap action); a subshell's abandons it all
        if (!(e instanceof AbortCommand) || !(opts.top || this.state.subshell === 0)) throw e;
        status = e instanceof TopLevelAbort ? e.status : 1;
        this.state.status = status;
      }
    }
    return status;
  }

  /** A here-document the text ended in: a script names its last line; `line`: the operator's. */
  async warnHeredoc(delim: string, line: number, parser: Parser): Promise<void> {
    let where = '';
    if (this.state.errorContext !== 'interactive') {
      const src = parser.lexer.src;
      let last = parser.firstLine - (src.endsWith('\n') ? 1 : 0);
      for (let i = src.indexOf('\n'); i >= 0; i = src.indexOf('\n', i + 1)) last++;
      where = `line ${last}: `;
    }
    await this.write(2, `${this.state.sourceName()}: ${where}warning: here-document at line ${line} delimited by end-of-file (wanted \`${delim}')\n`);
  }

  /** Prints a syntax error as bash does; returns status 2. */
  async reportParseError(e: unknown, parser: Parser, origin?: TextOrigin): Promise<number> {
    const at = (line: number): string => {
      if (origin && 'file' in origin) return `${origin.file}: line ${line}: `;
      const name = origin ? `${this.state.sourceName()}: ${'trap' in origin ? origin.trap : 'eval'}` : this.state.sourceName();
      return this.state.errorContext === 'script' || origin ? `${name}: line ${line}: ` : this.state.errorContext === 'command' ? `${name}: ${this.state.readsStdin ? '' : '-c: '}line ${line}: ` : `${name}: `;
    };
    const where = at(parser.lexer.line);
    if (e instanceof E.IncompleteInput) {
      // the end of text counts as one more line when the text does not end with a newline
      const last = parser.lexer.src.endsWith('\n') ? where : at(parser.lexer.line + 1);
      const close = UNCLOSED[e.message];
      if (close) {
        // a quote, ${, (( or $[ that the text ended in is named at the line it began on,
        // with the last status (2 when that was 0); an array list always gives 1; an unclosed
        // $( or <( is a syntax error at the end of the text (bash 5.2)
        const nested = e.message === '$(' || e.message === '<(';
        const src = parser.lexer.src;
        let eofLine = parser.firstLine + (src.endsWith('\n') ? 0 : 1);
        for (let i = src.indexOf('\n'); i >= 0; i = src.indexOf('\n', i + 1)) eofLine++;
        await this.write(2, `${nested ? at(eofLine) : e.line !== undefined ? at(e.line) : where}unexpected EOF while looking for matching \`${close}'\n`);
        return nested ? 2 : e.message === 'array' ? 1 : origin ? 2 : this.state.status || 2;
      }
      if (e.message === '=~(') {
        const src = parser.lexer.src;
        let eofLine = parser.firstLine + (src.endsWith('\n') ? 0 : 1);
        for (let i = src.indexOf('\n'); i >= 0; i = src.indexOf('\n', i + 1)) eofLine++;
        await this.write(2, `${at(e.line ?? parser.lexer.line)}unexpected EOF while looking for matching \`)'\n${at(eofLine)}unexpected argument to conditional binary operator\n`);
        return 2;
      }
      if (e.message === '[[' || e.message === ']]') {
        // the text ended inside [[ ]]: where an operand should be, or before the ]]
        await this.write(2, e.message === ']]' && e.line !== undefined ? `${at(e.line)}unexpected EOF while looking for \`]]'\n` : `${last}unexpected token \`EOF' in conditional command\n`);
        return 2;
      }
      await this.write(2, `${last}syntax error: unexpected end of file\n`);
      return 2;
    }
    if (e instanceof E.CondSyntaxError) {
      if (e.message) await this.write(2, `${at(e.line || parser.lexer.line)}${e.message}\n`);
      return e.final || origin ? 2 : this.state.status;
    }
    if (e instanceof E.ShellSyntaxError) {
      const line = e.line || parser.lexer.line;
      const w = at(line);
      await this.write(2, `${w}${e.message}\n`);
      if (e.second !== undefined) await this.write(2, `${w}${e.second}\n`);
      else if (this.state.errorContext !== 'interactive' || origin) {
        const text = parser.lexer.src.split('\n')[line - parser.firstLine] ?? '';
        await this.write(2, `${w}\`${text}'\n`);
      }
      return 2;
    }
    throw e;
  }

  // ---- lists ----

  /**
   * Runs a list: synchronously while its commands do not wait, else as a promise. It ticks
   * before every command, which is what keeps loops interruptible (their bodies are lists).
   */
  runList(list: List): MaybePromise<number> {
    let status = this.state.status;
    const items = list.items;
    for (let i = 0; i < items.length; i++) {
      const t = this.tick();
      if (t) return this.runListFrom(list, i, status, t);
      const item = items[i]!;
      const r = item.async ? this.runAsync(item.cmd) : this.runCommand(item.cmd);
      if (typeof r !== 'number') return this.runListFrom(list, i + 1, status, undefined, r);
      status = r;
    }
    return status;
  }

  /** The rest of a list once something had to wait: a tick before item `i`, or the command before it. */
  private async runListFrom(list: List, i: number, status: number, tick?: Promise<void>, pending?: Promise<number>): Promise<number> {
    if (pending) status = await pending;
    else if (tick) await tick;
    const items = list.items;
    for (; i < items.length; i++) {
      if (!tick) {
        const t = this.tick();
        if (t) await t;
      }
      tick = undefined;
      const item = items[i]!;
      status = await (item.async ? this.runAsync(item.cmd) : this.runCommand(item.cmd));
    }
    return status;
  }

  private async runAsync(cmd: Command): Promise<number> {
    await E.startBackground(this, cmd);
    this.state.status = 0;
    return 0;
  }

  /** Runs one command and records its status in $?. */
  runCommand(cmd: Command, execLast = false): MaybePromise<number> {
    // set -n: a script's commands are read and checked, not run (an interactive shell ignores it)
    if (this.state.options.has('noexec') && !this.state.interactive) return this.state.status;
    // bash's was_error_trap: the ERR trap runs for a failure only when it was set before the
    // command began (one a function sets for itself does not fire for its own call)
    const errSet = this.state.traps.has('ERR');
    let r: MaybePromise<number>;
    try {
      r = this.dispatch(cmd, execLast);
    } catch (e) {
      return this.commandError(e);
    }
    if (typeof r === 'number') return this.commandDone(cmd, r, errSet);
    return r.then(
      (status) => this.commandDone(cmd, status, errSet),
      (e: unknown) => this.commandError(e),
    );
  }

  /** A command threw: expansion and redirection errors become statuses; anything else goes on up. */
  private commandError(e: unknown): MaybePromise<number> {
    if (e instanceof E.ExpansionError || e instanceof ReadonlyError) return this.abandonCommand(e);
    if (e instanceof E.RedirectError) {
      this.state.status = 1;
      return 1;
    }
    throw e;
  }

  private async abandonCommand(e: ExpansionError | ReadonlyError): Promise<number> {
    // bash abandons the whole top-level command; unset variables under -u and ${x?}
    // end a non-interactive shell (status 127 for -c, 1 otherwise and in subshells)
    if (e instanceof E.ExpansionError && e.raw) await this.write(2, `${e.message}\n`);
    else await this.error(e.message);
    this.state.status = 1;
    const exitStatus = this.state.errorContext === 'command' && !this.state.readsStdin && this.state.subshell === 0 ? 127 : 1;
    if (e instanceof E.ExpansionError && e.fatal && !this.state.interactive) throw new ShellExit(exitStatus);
    // posix mode: a readonly assignment, arithmetic and bad substitutions end the shell too
    if (this.state.options.has('posix') && !this.state.interactive && (e instanceof ReadonlyError || e.posixExit)) throw new ShellExit(exitStatus);
    // report_error() under set -e ends the shell, even in an if or || list
    if (this.state.options.has('errexit') && this.errexitOff === 0) throw new ShellExit(1);
    throw new AbortCommand();
  }

  private commandDone(cmd: Command, status: number, errSet: boolean): MaybePromise<number> {
    this.state.status = status;
    const k = cmd.kind;
    if (k === 'simple' || k === 'pipeline' || k === 'subshell' || k === 'arith' || k === 'cond') {
      this.setPipestatus(k === 'pipeline' ? this.state.pipestatus : undefined, status);
      if (status !== 0) {
        const f = this.failed(status, k === 'pipeline' && cmd.negate, errSet);
        if (f) return f.then(() => status);
      }
    }
    return status;
  }

  /** The PIPESTATUS variable this shell set last (reused while it holds one status). */
  private pipeVar: Var | undefined;

  private setPipestatus(list: number[] | undefined, status: number): void {
    const globals = this.state.globals;
    if (list === undefined || list.length === 1) {
      const v = globals.get('PIPESTATUS');
      const value = String(list === undefined ? status : list[0]);
      if (v !== undefined && v === this.pipeVar && !v.readonly && v.array?.size === 1 && v.array.has(0)) {
        v.array.set(0, value);
        return;
      }
      this.pipeVar = { array: new Map([[0, value]]) };
    } else this.pipeVar = { array: new Map(list.map((v, i) => [i, String(v)])) };
    globals.set('PIPESTATUS', this.pipeVar);
  }

  private errRunning = false;

  /** ERR trap and `set -e` after a failed command. */
  private failed(status: number, negated: boolean, errSet: boolean): Promise<void> | undefined {
    if (this.errexitIgnored > 0 || negated) return undefined;
    const errTrap = errSet ? this.state.traps.get('ERR') : undefined;
    // a failure inside the ERR trap's own action does not run it again (bash's SIG_INPROGRESS)
    if (errTrap && !this.errRunning) {
      this.errRunning = true;
      return this.runTrapAction(errTrap, false, 'error trap').finally(() => (this.errRunning = false)).then(() => {
        if (this.state.options.has('errexit')) throw new ShellExit(status);
      });
    }
    if (this.state.options.has('errexit')) throw new ShellExit(status);
    return undefined;
  }

  private dispatch(cmd: Command, execLast: boolean): MaybePromise<number> {
    switch (cmd.kind) {
      case 'simple': {
        let r: MaybePromise<number>;
        try {
          r = E.runSimple(this, cmd, execLast && this.procsubFds.length === 0);
        } catch (e) {
          if (this.procsubFds.length) this.closeProcsubs();
          throw e;
        }
        if (typeof r === 'number') {
          if (this.procsubFds.length) this.closeProcsubs();
          return r;
        }
        return r.finally(() => {
          if (this.procsubFds.length) this.closeProcsubs();
        });
      }
      case 'pipeline':
        return this.runPipeline(cmd);
      case 'andor':
        return E.drive(E.andOrSteps(this, cmd));
      case 'subshell':
        // with an ERR trap set, $BASH_COMMAND names the subshell (bash's execute_command_internal)
        if (this.trapDepth === 0 && !this.debugRunning && this.state.traps.has('ERR')) this.state.current = cmd;
        // a forked child (a background job, a pipeline stage) runs ( list ) itself, as bash
        // does: one process, which kill %N reaches
        // (bash numbers a subshell from its closing parenthesis)
        if (execLast) {
          this.state.contextLine = cmd.end ?? cmd.line;
          return this.withRedirs(cmd.redirs, () => E.runParenBody(this, cmd.body), cmd.end ?? cmd.line);
        }
        return this.withRedirs(cmd.redirs, () => {
          this.state.lineno = cmd.line;
          return this.runSubshell(cmd.body, E.commandText(cmd), cmd.end ?? cmd.line);
        }, cmd.end ?? cmd.line);
      case 'group':
        return cmd.redirs.length ? this.withRedirs(cmd.redirs, () => this.runList(cmd.body), this.state.contextLine) : this.runList(cmd.body);
      case 'if':
        return cmd.redirs.length ? this.withRedirs(cmd.redirs, () => E.drive(E.ifSteps(this, cmd)), this.state.contextLine) : E.drive(E.ifSteps(this, cmd));
      case 'while':
        return cmd.redirs.length ? this.withRedirs(cmd.redirs, () => E.runWhile(this, cmd), this.state.contextLine) : E.runWhile(this, cmd);
      // for, select and case keep their own line while they run
      case 'for':
        return cmd.redirs.length ? this.withRedirs(cmd.redirs, () => this.inContext(cmd.line, () => E.drive(E.forSteps(this, cmd))), this.state.contextLine) : this.inContext(cmd.line, () => E.drive(E.forSteps(this, cmd)));
      case 'arithfor':
        return cmd.redirs.length ? this.withRedirs(cmd.redirs, () => this.inContext(cmd.line, () => E.runArithFor(this, cmd)), this.state.contextLine) : this.inContext(cmd.line, () => E.runArithFor(this, cmd));
      case 'select':
        return this.withRedirs(cmd.redirs, () => this.inContext(cmd.line, () => E.runSelect(this, cmd)), this.state.contextLine);
      case 'case':
        return cmd.redirs.length ? this.withRedirs(cmd.redirs, () => this.inContext(cmd.line, () => E.drive(E.caseSteps(this, cmd))), this.state.contextLine) : this.inContext(cmd.line, () => E.drive(E.caseSteps(this, cmd)));
      case 'funcdef':
        this.state.lineno = cmd.line;
        if (/['"$\\`]/.test(cmd.name)) return this.error(`\`${cmd.name}': not a valid identifier`).then(() => 1);
        if (this.state.readonlyFunctions.has(cmd.name)) return this.error(`${cmd.name}: readonly function`).then(() => 1);
        this.state.functions.set(cmd.name, cmd);
        this.state.funcFiles.set(cmd.name, this.state.definitionFile());
        return 0;
      case 'coproc':
        this.state.lineno = cmd.line;
        return E.startCoproc(this, cmd).then((pid) => (pid < 0 ? 1 : 0));
      case 'arith': {
        const run = (): MaybePromise<number> => {
          this.state.lineno = cmd.line;
          if (this.trapDepth === 0) this.state.current = cmd;
          let d = this.debugTrap(cmd);
          if (this.state.options.has('xtrace')) {
            const before = d;
            d = (async () => {
              await before;
              await E.traceLines(this, [`(( ${await E.expandToString(this, cmd.expr)} ))`]);
            })();
          }
          if (d) {
            return d.then(async () => {
              if (this.skipAfterDebug()) return 0;
              const x = await E.guardedArith(this, cmd.expr);
              return x !== 0 && x !== E.ARITH_FAILED ? 0 : 1;
            });
          }
          const v = E.guardedArith(this, cmd.expr);
          return v instanceof Promise ? v.then((x) => (x !== 0 && x !== E.ARITH_FAILED ? 0 : 1)) : v !== 0 && v !== E.ARITH_FAILED ? 0 : 1;
        };
        return cmd.redirs.length ? this.withRedirs(cmd.redirs, run, cmd.line) : run();
      }
      case 'cond':
        return this.withRedirs(cmd.redirs, async () => {
          this.state.lineno = cmd.line;
          if (this.trapDepth === 0) this.state.current = cmd;
          await this.debugTrap(cmd);
          if (this.skipAfterDebug()) return 0;
          try {
            return (await E.evalCond(this, cmd.expr)) ? 0 : 1;
          } catch (e) {
            if (e instanceof E.CondStatus) return e.status;
            throw e;
          }
        }, cmd.line);
    }
  }

  /** Runs `body` with the line bash's line_number holds between its simple commands (put back after). */
  inContext(line: number, body: () => MaybePromise<number>): MaybePromise<number> {
    const saved = this.state.contextLine;
    this.state.contextLine = line;
    let r: MaybePromise<number>;
    try {
      r = body();
    } catch (e) {
      this.state.contextLine = saved;
      throw e;
    }
    if (typeof r === 'number') {
      this.state.contextLine = saved;
      return r;
    }
    return r.finally(() => {
      this.state.contextLine = saved;
    });
  }

  /** `line`: where an error in the redirections is reported (a compound command's context). */
  async withRedirs(redirs: import('./ast').Redir[], body: () => MaybePromise<number>, line?: number): Promise<number> {
    if (redirs.length === 0) return body();
    if (line !== undefined) this.state.lineno = line;
    const undo = await E.applyRedirs(this, redirs);
    try {
      return await body();
    } finally {
      undo();
    }
  }

  private runPipeline(cmd: Command & { kind: 'pipeline' }): MaybePromise<number> {
    if (!cmd.timed) return this.runPipelineUntimed(cmd);
    return this.runTimed(cmd);
  }

  private async runTimed(cmd: Command & { kind: 'pipeline' }): Promise<number> {
    // time ( list ) 2>file: bash times the list in the subshell, after its redirections
    const only = cmd.cmds.length === 1 ? cmd.cmds[0]! : undefined;
    if (only?.kind === 'subshell' && only.redirs.length) {
      const inner = { ...cmd, cmds: [{ ...only, redirs: [] }] };
      return this.withRedirs(only.redirs, () => this.runTimed(inner), only.end ?? only.line);
    }
    // `time`: the report goes to the shell's stderr in TIMEFORMAT (bash manual, time)
    const start = this.sys.now();
    let status = 0;
    try {
      status = await this.runPipelineUntimed(cmd);
    } finally {
      const secs = (this.sys.now() - start) / 1000;
      // time -p: the POSIX layout, whatever TIMEFORMAT says
      const format = cmd.posixTime ? 'real %2R\nuser %2U\nsys %2S' : this.state.get('TIMEFORMAT') ?? '\nreal\t%3lR\nuser\t%3lU\nsys\t%3lS';
      // an empty TIMEFORMAT prints nothing at all; one with a bad escape, only the error
      const text = format === '' ? '' : formatTime(format, secs);
      if (typeof text !== 'string') await this.error(`TIMEFORMAT: \`${text.bad}': invalid format character`);
      else if (format !== '') await this.write(2, `${text}\n`);
    }
    return status;
  }

  private runPipelineUntimed(cmd: Command & { kind: 'pipeline' }): MaybePromise<number> {
    if (cmd.cmds.length === 1) return E.drive(E.singleSteps(this, cmd));
    return this.runStages(cmd);
  }

  private async runStages(cmd: Command & { kind: 'pipeline' }): Promise<number> {
    if (cmd.negate) this.errexitIgnored++;
    // the stages run in children: the shell's line is where the pipeline's last stage is
    const lastStage = cmd.cmds[cmd.cmds.length - 1]!;
    this.state.lineno = ('line' in lastStage && lastStage.line) || cmd.line;
    let status: number;
    try {
      const statuses = await E.runPipelineStages(this, cmd);
      this.state.pipestatus = statuses;
      status = statuses[statuses.length - 1]!;
      if (this.state.options.has('pipefail')) {
        for (let i = statuses.length - 1; i >= 0; i--) {
          if (statuses[i] !== 0) {
            status = statuses[i]!;
            break;
          }
        }
      }
    } finally {
      if (cmd.negate) this.errexitIgnored--;
    }
    return cmd.negate ? (status === 0 ? 1 : 0) : status;
  }

  /** ( list ): a forked copy of the shell. */
  async runSubshell(body: List, text = '', line?: number): Promise<number> {
    const pid = await this.forkShell(async (sub) => {
      sub.state.jobs = [];
      // ( list ) is not in the loops around it (bash resets loop_level in a subshell)
      sub.state.loopDepth = 0;
      if (line !== undefined) sub.state.contextLine = line;
      return E.runParenBody(sub, body);
    });
    return E.waitForeground(this, [pid], undefined, text);
  }

  /** Jobs that ended and were listed leave the table (before a child is made). */
  dropReportedJobs(): void {
    E.dropReportedJobs(this.state);
  }

  /** Forks a subshell running `body` with a copy of this shell's state. */
  async forkShell(body: (sub: Interpreter) => MaybePromise<number>, opts: { fds?: Map<number, number>; pgid?: number; foreground?: boolean } = {}): Promise<number> {
    if (this.state.jobs.length > 0) this.dropReportedJobs();
    const state = this.state.clone();
    const ignore = this.childIgnores();
    return makeChild(this, () => this.sys.fork(async (childSys) => {
      const sub = new Interpreter(childSys, state);
      sub.errexitIgnored = this.errexitIgnored;
      sub.errexitOff = this.errexitOff;
      sub.pipeEnv = this.pipeEnv;
      sub.parenEnv = this.parenEnv;
      return sub.runAsSubshell(() => body(sub));
    }, { ...opts, ...(ignore ? { ignore } : {}) }));
  }

  /**
   * Signals a child should ignore. An interactive shell ignores TERM, QUIT and the job-control
   * signals for itself only: its children get just the ones `trap ''` set (bash restores the
   * original dispositions in children). Otherwise children inherit this process's.
   */
  childIgnores(): number[] | undefined {
    if (!this.state.interactive) {
      const quit = this.state.quitOwn && this.state.traps.get('QUIT') !== '';
      // (SIGINT ignored by an asynchronous subshell for itself, unless a trap '' asked for it)
      const own = this.state.traps.get('INT') === '' ? [] : this.state.asyncOwn ?? [];
      if (!quit && own.length === 0) return undefined;
      return this.sys.ignoredSignals().filter((s) => !(quit && s === SIGNALS.SIGQUIT) && !own.includes(s));
    }
    const out: number[] = [];
    for (const [name, action] of this.state.traps) {
      const num = (SIGNALS as Record<string, number>)[`SIG${name}`];
      if (action === '' && num !== undefined) out.push(num);
    }
    return out;
  }

  /**
   * Before exec: the signals that only the shell ignores get their defaults back, as a child
   * would; the function returned ignores them again (the exec failed).
   */
  execSignals(): () => void {
    const keep = this.childIgnores();
    if (!keep) return () => {};
    const reset = this.sys.ignoredSignals().filter((s) => !keep.includes(s));
    for (const s of reset) this.sys.signal(s, 'default');
    return () => {
      for (const s of reset) this.sys.signal(s, 'ignore');
    };
  }

  /** The body of a forked subshell: turns exit/errors into the process status, runs EXIT traps. */
  async runAsSubshell(body: () => MaybePromise<number>): Promise<number> {
    let status: number;
    try {
      status = await body();
    } catch (e) {
      if (e instanceof ShellExit) status = e.status;
      else if (e instanceof BreakSignal || e instanceof ContinueSignal) status = 0;
      else if (e instanceof Interrupted) status = 130;
      else if (e instanceof AbortCommand) status = 1;
      else if (e instanceof ShellFatal) {
        await this.write(2, `${e.message}\n`);
        this.sys.exit(2);
      }
      else if (e && typeof e === 'object' && 'status' in e && e.constructor.name === 'ReturnSignal') status = (e as { status: number }).status;
      else throw e;
    }
    const exitTrap = this.state.traps.get('EXIT');
    if (exitTrap) {
      this.state.traps.delete('EXIT');
      this.state.status = status;
      this.trapDepth++;
      // (the main shell's runs once its reading loop is left: one level less than here)
      this.state.traceLevel++;
      // `exit` in the trap sets the subshell's status
      await this.evalString(exitTrap, { line: 1, origin: { trap: 'exit trap' } }).catch((e: unknown) => {
        if (e instanceof ShellExit) status = e.status;
      });
    }
    return status;
  }

  // ---- expansion host ----

  /** Command substitutions run so far (an assignment's status comes from the last one). */
  substitutions = 0;

  async deferredSubst(source: string): Promise<string> {
    const parser = new E.Parser(`${source}\n`, { aliases: this.aliasLookup, line: this.state.lineno, extglob: this.state.shopts.has('extglob'), utf8: utf8Locale(this.state) });
    let body: List;
    try {
      body = parser.parseAll();
    } catch (e) {
      // the error comes from the substitution's child, which then exits with status 2
      this.substitutions++;
      this.state.status = await this.reportParseError(e, parser, { file: `${this.state.sourceName()}: command substitution` });
      return '';
    }
    return this.commandSubst(body, this.state.lineno);
  }

  async commandSubst(body: List, line?: number): Promise<string> {
    this.substitutions++;
    if (line !== undefined && line !== this.state.lineno) body = relocate(body, this.state.lineno - line);
    let rd: number;
    let wr: number;
    try {
      [rd, wr] = this.sys.pipe();
    } catch (e) {
      if (!isSysError(e)) throw e;
      // command_substitute(): the word expands to nothing
      await this.write(2, `${this.state.arg0}: cannot make pipe for command substitution: ${strerror(e.errno)}\n`);
      return '';
    }
    const fds = this.inheritable(new Map([[1, wr]]), [rd, wr]);
    const pid = await this.forkShell(async (sub) => {
      sub.state.inComsub = true;
      sub.state.contextLine = sub.state.lineno;
      sub.state.traceLevel++;
      // outside posix mode, bash turns `set -e` off in a command substitution unless inherit_errexit
      if (!sub.state.shopts.has('inherit_errexit') && !sub.state.options.has('posix')) sub.state.options.delete('errexit');
      // $(< file): the file's contents, with no command run
      const only = body.items.length === 1 && !body.items[0]!.async ? body.items[0]!.cmd : undefined;
      if (only?.kind === 'simple' && only.words.length === 0 && only.assigns.length === 0 && only.redirs.length === 1 && only.redirs[0]!.op === '<' && (only.redirs[0]!.fd ?? 0) === 0 && only.redirs[0]!.fdVar === undefined) {
        try {
          return await sub.withRedirs(only.redirs, async () => {
            for (let chunk = await sub.sys.read(0); chunk !== null; chunk = await sub.sys.read(0)) await sub.sys.write(1, chunk);
            return 0;
          });
        } catch (e) {
          if (e instanceof E.RedirectError) return 1;
          throw e;
        }
      }
      sub.oneshot = E.oneshotCandidate(body, false, true);
      sub.oneshotDepth = sub.state.funcNames.length;
      sub.oneshotFunctions = true;
      return sub.runList(body);
    }, { fds });
    this.sys.close(wr);
    const chunks: string[] = [];
    const dec = new ByteDecoder();
    // read_comsub's buffer grows 512 bytes at a time (RESIZE_MALLOCED_BUFFER) by xrealloc:
    // the text is charged as it arrives, and given back once the value is made
    let size = 0;
    let length = 0;
    try {
      for (;;) {
        const chunk = await this.sys.read(rd);
        if (chunk === null) break;
        length += chunk.length;
        if (length + 2 >= size) {
          const grown = (Math.floor((length + 2) / 512) + 1) * 512;
          shellAlloc(this.sys, grown - size, 'xrealloc', grown, this.state.arg0);
          size = grown;
        }
        chunks.push(dec.decode(chunk, { stream: true }));
      }
    } finally {
      this.sys.close(rd);
      if (size > 0) this.sys.alloc(-size);
    }
    const res = await this.sys.wait(pid);
    const st = res?.status;
    this.state.status = st ? (st.kind === 'exited' ? st.code : st.kind === 'signaled' ? 128 + st.signal : 0) : 0;
    const text = chunks.join('') + dec.end();
    if (!text.includes('\0')) return text;
    // a shell string cannot hold NUL: bash drops them and says so
    await this.error('warning: command substitution: ignored null byte in input');
    return text.replace(/\0/g, '');
  }

  /** Descriptors opened for <(...) and >(...), closed when the command is done. */
  procsubFds: number[] = [];

  async processSubst(dir: '<' | '>', body: List): Promise<string> {
    let rd: number;
    let wr: number;
    try {
      [rd, wr] = this.sys.pipe();
    } catch (e) {
      if (!isSysError(e)) throw e;
      await this.write(2, `${this.state.arg0}: cannot make pipe for process substitution: ${strerror(e.errno)}\n`);
      return '';
    }
    const childEnd = dir === '<' ? wr : rd;
    const keep = dir === '<' ? rd : wr;
    // (bash 5.2: $! is the process substitution's, which wait can wait for)
    this.state.lastBg = await this.forkShell(async (sub) => {
      sub.oneshot = E.oneshotCandidate(body, true, true);
      sub.oneshotDepth = sub.state.funcNames.length;
      sub.oneshotFunctions = true;
      return sub.runList(body);
    }, { fds: this.inheritable(new Map([[dir === '<' ? 1 : 0, childEnd]]), [rd, wr]) });
    this.sys.close(childEnd);
    // bash moves its end up out of the way, below 64: /dev/fd/63, then 62, ... while others are open
    let high = Math.min(64, this.sys.getrlimit('nofile').soft) - 1;
    while (high > keep && this.sys.isOpen(high)) high--;
    if (high > keep) {
      this.sys.dup2(keep, high);
      this.sys.close(keep);
    } else high = keep;
    this.procsubFds.push(high);
    return `/dev/fd/${high}`;
  }

  closeProcsubs(): void {
    for (const fd of this.procsubFds) if (this.sys.isOpen(fd)) this.sys.close(fd);
    this.procsubFds = [];
  }

  /** The descriptor map for a child: every non-close-on-exec fd, minus `exclude`, with `overrides`. */
  inheritable(overrides: Map<number, number>, exclude: number[] = []): Map<number, number> {
    const map = new Map<number, number>();
    for (const { fd, cloexec } of this.sys.openFds()) if (!cloexec && !exclude.includes(fd)) map.set(fd, fd);
    for (const [child, parent] of overrides) map.set(child, parent);
    return map;
  }

  async homeOf(user: string): Promise<string | undefined> {
    if (user === '') user = (await this.userName(this.sys.getuid())) ?? '';
    this.passwdCache ??= decoder.decode(await this.sys.readFile('/etc/passwd').catch(() => new Uint8Array()));
    for (const line of this.passwdCache.split('\n')) {
      const f = line.split(':');
      if (f[0] === user) return f[5];
    }
    return undefined;
  }

  async userName(uid: number): Promise<string | undefined> {
    this.passwdCache ??= decoder.decode(await this.sys.readFile('/etc/passwd').catch(() => new Uint8Array()));
    for (const line of this.passwdCache.split('\n')) {
      const f = line.split(':');
      if (f[2] === String(uid)) return f[0];
    }
    return undefined;
  }

  report(message: string): Promise<void> {
    return this.error(message);
  }

  /** ${x@P}: a value decoded as a prompt; a script's \\# counts from 1, bash -c's from 0, and \\s is bash. */
  async promptText(text: string): Promise<string> {
    const st = this.state;
    const { decodePrompt } = await this.sys.loadCode(() => import('./prompt'));
    // \s names the shell, not the script: $0 and $BASH_SOURCE in the text still name the script
    return (await decodePrompt(this, text, st.errorContext === 'command' ? 0 : 1, st.errorContext !== 'interactive' ? 'bash' : st.arg0)).text;
  }

  /** Here-document body: $-expansions and backquotes, backslash only before $ ` \ newline. */
  async expandHeredoc(body: string): Promise<string> {
    // (a prompt's expansion can come before the shell has run anything)
    if (!E) await loadEngine(this.sys);
    let parts: import('./ast').WordPart[];
    try {
      parts = heredocParts(body);
    } catch (e) {
      if (!(e instanceof E.IncompleteInput)) throw e;
      const { unclosedMessage } = await this.sys.loadCode(() => import('./heredoc-unclosed'));
      const m = unclosedMessage(body, this.state.sourceName(), this.state.lineno);
      const err = new E.ExpansionError(m.text);
      err.raw = m.raw;
      throw err;
    }
    const pieces: Piece[] = [];
    await E.expandParts(this, parts, true, pieces);
    return pieces.map((p) => ('brk' in p ? ' ' : p.text)).join('');
  }
}

/** The constructs an end of text leaves unclosed, with the character bash says it looked for. */
const UNCLOSED: Record<string, string> = {
  "'": "'", '"': '"', '`': '`', "$'": "'", '${': '}', '[': '}', '((': ')', '$((': ')', '$[': ']', '$(': ')', '<(': ')', array: ')',
};

/** Splits a here-document body into quoted text and expansions (double-quote rules, no closing quote). */
function heredocParts(body: string): import('./ast').WordPart[] {
  return new E.Parser(body, {}).lexer.readHeredocParts();
}

/** $RANDOM, $SECONDS, $LINENO, $BASHPID, $EPOCHSECONDS, $EPOCHREALTIME, bound to this process. */
function installDynamicVars(sh: Interpreter): void {
  const st = sh.state;
  const sys = sh.sys;
  st.now = () => sys.now();
  // bash's generator (variables.c): Park-Miller minimal standard, its two halves folded
  // together; RANDOM=n seeds it, otherwise each shell seeds it from the machine's randomness
  let seed = sys.random(0x7fffffff) + 1;
  let last = 0;
  st.onSeed = (v) => {
    // strtoul, kept to the 32 bits of bash's seed
    const m = /^\s*([+-]?)(\d*)/.exec(v)!;
    const n = Number(BigInt.asUintN(32, BigInt(m[2] || '0') * (m[1] === '-' ? -1n : 1n)));
    seed = n;
    last = 0;
  };
  const next = (): number => {
    const x = seed === 0 ? 123459876 : seed;
    const h = Math.floor(x / 127773);
    const t = 16807 * (x - 127773 * h) - 2836 * h;
    seed = t < 0 ? t + 0x7fffffff : t;
    return ((seed >>> 16) ^ (seed & 0xffff)) & 0x7fff;
  };
  const keep = (name: string, fn: () => string): void => {
    if (st.dynamic.has(name) || (!st.dynamicInherited && !st.lookup(name))) st.dynamic.set(name, fn);
  };
  keep('RANDOM', () => {
    // never the same value twice in a row
    let v = next();
    while (v === last) v = next();
    last = v;
    return String(v);
  });
  keep('SECONDS', () => String(Math.floor((sys.now() - st.startedAt) / 1000)));
  keep('LINENO', () => String(st.lineno));
  keep('BASHPID', () => String(sys.pid));
  keep('HISTCMD', () => String(st.options.has('history') ? st.history.length : 0));
  keep('BASH_SUBSHELL', () => String(st.level));
  // $_ from the environment (the path its parent ran) is only where it starts: it stays the
  // shell's own, updated after every command (and no longer exported)
  const importedLast = st.globals.get('_');
  if (importedLast && !importedLast.readonly && importedLast.value !== undefined && !st.dynamic.has('_')) {
    st.lastArg = importedLast.value;
    st.lastArgExported = !!importedLast.exported;
    st.globals.delete('_');
  }
  keep('_', () => st.lastArg);
  // SECONDS=n in the environment starts the count at n
  for (const [name, value] of st.envDynamic) st.set(name, value);
  st.envDynamic.clear();
  keep('BASH_COMMAND', () => E.currentText(st.current));
  keep('SRANDOM', () => String(sys.random(0x10000) * 0x10000 + sys.random(0x10000)));
  keep('EPOCHSECONDS', () => String(Math.floor(sys.now() / 1000)));
  keep('EPOCHREALTIME', () => (sys.now() / 1000).toFixed(6));
  keep('COMP_WORDBREAKS', () => ' \t\n"\'@><=;|&(:');
  // $0 by another name (assigning it sets $0)
  keep('BASH_ARGV0', () => st.dollar0 ?? st.arg0);
}

/**
 * TIMEFORMAT as bash's print_formatted_time reads it: %% and a lone % at the end are a percent
 * sign, %P the CPU share, %[digit][l]R|E|U|S a time with that many decimals (at most 3, cut, not
 * rounded), `l` giving MmS.FFFs; any other character after the % makes nothing print but the error.
 */
function formatTime(format: string, real: number): string | { bad: string } {
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const c = format[i]!;
    if (c !== '%' || i + 1 >= format.length) {
      out += c;
      continue;
    }
    if (format[i + 1] === '%') {
      out += '%';
      i++;
      continue;
    }
    if (format[i + 1] === 'P') {
      // this machine counts no CPU time for the shell's children
      out += '0.00';
      i++;
      continue;
    }
    let j = i + 1;
    let prec = 3;
    if (/\d/.test(format[j] ?? '')) prec = Math.min(3, Number(format[j++]));
    const long = format[j] === 'l';
    if (long) j++;
    const what = format[j] ?? '\0';
    if (!'REUS'.includes(what) || what === '') return { bad: what };
    const ms = Math.floor((what === 'R' || what === 'E' ? real : 0) * 1000 + 1e-6);
    let secs = Math.floor(ms / 1000);
    const frac = String(ms % 1000).padStart(3, '0').slice(0, prec);
    let text = '';
    if (long) {
      text = `${Math.floor(secs / 60)}m`;
      secs %= 60;
    }
    text += String(secs) + (prec > 0 ? `.${frac}` : '') + (long ? 's' : '');
    out += text;
    i = j;
  }
  return out;
}
