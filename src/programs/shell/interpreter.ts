// Runs the syntax tree: lists, and-or lists, pipelines and compound commands. Simple
// commands are in simple.ts, redirections in redirect.ts, jobs and waiting in jobs.ts.
import { isSysError } from '../../shared/errno';
import { SIGNALS } from '../../shared/signals';
import type { Sys } from '../../shared/sys';
import { encodeText } from '../../shared/bytes';
import type { Command, List, Word } from './ast';
import { CondStatus, evalCond } from './cond';
import { AbortCommand, BreakSignal, ContinueSignal, Interrupted, ShellExit } from './control';
import { arith, expandParts, expandPattern, expandToString, expandWords, ExpansionError, type ExpandHost, type Piece } from './expand';
import { runPipelineStages, startBackground, waitForeground } from './jobs';
import { Parser } from './parser';
import { matchPattern } from './pattern';
import { applyRedirs, RedirectError } from './redirect';
import { runSimple } from './simple';
import { ReadonlyError, type ShellState } from './state';
import { IncompleteInput, ShellSyntaxError } from './lexer';

const decoder = new TextDecoder();

export class Interpreter implements ExpandHost {
  /** Depth of contexts where `set -e` does not apply (if/while conditions, && || lists, !). */
  errexitIgnored = 0;
  /** Signals caught by a trap, waiting to run their action between commands. */
  pendingTraps: number[] = [];
  interrupted = false;
  private passwdCache: string | undefined;

  constructor(
    readonly sys: Sys,
    readonly state: ShellState,
  ) {
    installDynamicVars(this);
  }

  // ---- messages ----

  /** `-bash: ` interactively; `bash: line N: ` or `script: line N: ` otherwise, as bash starts its error messages. */
  errPrefix(): string {
    if (this.state.interactive) return `${this.state.arg0}: `;
    return `${this.state.arg0}: line ${this.state.lineno}: `;
  }

  async write(fd: number, text: string): Promise<void> {
    try {
      await this.sys.write(fd, encodeText(text));
    } catch (e) {
      if (!isSysError(e)) throw e;
      if (fd !== 2 && (e.errno === 'EBADF' || e.errno === 'ENOSPC' || e.errno === 'EPIPE' || e.errno === 'EIO')) throw e;
    }
  }

  async error(message: string): Promise<void> {
    await this.write(2, `${this.errPrefix()}${message}\n`);
  }

  // ---- scheduling ----

  /** Between commands: yields, runs pending traps, and honours ^C in an interactive shell. */
  tick(): Promise<void> | undefined {
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

  private async runPendingTraps(): Promise<void> {
    const sigs = this.pendingTraps;
    this.pendingTraps = [];
    for (const sig of sigs) {
      const name = Object.entries(SIGNALS).find(([, v]) => v === sig)?.[0].slice(3);
      const action = name ? this.state.traps.get(name) : undefined;
      if (action) await this.runTrapAction(action);
    }
  }

  async runTrapAction(action: string): Promise<void> {
    const saved = this.state.status;
    await this.evalString(action);
    this.state.status = saved;
  }

  // ---- running text ----

  /** Parses and runs `src` command by command (eval, source, trap actions, scripts). */
  async evalString(src: string, opts: { line?: number; top?: boolean } = {}): Promise<number> {
    const parser = new Parser(src, { aliases: this.state.aliases, line: opts.line ?? this.state.lineno, extglob: this.state.shopts.has('extglob') });
    parser.lexer.heredocEof = (d) => void this.warnHeredoc(d, parser.lexer.line);
    let status = 0;
    for (;;) {
      let list: List | null;
      parser.lexer.extglob = this.state.shopts.has('extglob');
      try {
        list = parser.nextCommand();
      } catch (e) {
        status = await this.reportParseError(e, parser);
        this.state.status = status;
        if (!this.state.interactive) throw new ShellExit(status);
        return status;
      }
      if (!list) break;
      try {
        status = await this.runList(list);
      } catch (e) {
        if (!(opts.top && e instanceof AbortCommand)) throw e;
        status = 1;
        this.state.status = 1;
      }
    }
    return status;
  }

  async warnHeredoc(delim: string, line: number): Promise<void> {
    await this.write(2, `${this.state.arg0}: warning: here-document at line ${line - 1} delimited by end-of-file (wanted \`${delim}')\n`);
  }

  /** Prints a syntax error as bash does; returns status 2. */
  async reportParseError(e: unknown, parser: Parser): Promise<number> {
    const where = this.state.errorContext === 'script' ? `${this.state.arg0}: line ${parser.lexer.line}: ` : this.state.errorContext === 'command' ? `${this.state.arg0}: -c: line ${parser.lexer.line}: ` : `${this.state.arg0}: `;
    if (e instanceof IncompleteInput) {
      if (e.message !== 'eof' && e.message.length <= 2 && /['"`]/.test(e.message)) {
        // an unclosed quote is reported once (bash 5.2 adds no second line)
        await this.write(2, `${where}unexpected EOF while looking for matching \`${e.message.slice(-1)}'\n`);
        return 2;
      }
      await this.write(2, `${where}syntax error: unexpected end of file\n`);
      return 2;
    }
    if (e instanceof ShellSyntaxError) {
      const line = e.line || parser.lexer.line;
      const w = this.state.errorContext === 'script' ? `${this.state.arg0}: line ${line}: ` : this.state.errorContext === 'command' ? `${this.state.arg0}: -c: line ${line}: ` : `${this.state.arg0}: `;
      await this.write(2, `${w}${e.message}\n`);
      if (this.state.errorContext !== 'interactive') {
        const text = parser.lexer.src.split('\n')[line - 1] ?? '';
        await this.write(2, `${w}\`${text.trim()}'\n`);
      }
      return 2;
    }
    throw e;
  }

  // ---- lists ----

  async runList(list: List): Promise<number> {
    let status = this.state.status;
    for (const item of list.items) {
      { const t = this.tick(); if (t) await t; }
      if (item.async) status = await this.runAsync(item.cmd);
      else status = await this.runCommand(item.cmd);
    }
    return status;
  }

  private async runAsync(cmd: Command): Promise<number> {
    await startBackground(this, cmd);
    this.state.status = 0;
    return 0;
  }

  /** Runs one command and records its status in $?. */
  async runCommand(cmd: Command, execLast = false): Promise<number> {
    let status: number;
    try {
      status = await this.dispatch(cmd, execLast);
    } catch (e) {
      if (e instanceof ExpansionError || e instanceof ReadonlyError) {
        // bash abandons the whole top-level command; unset variables under -u and ${x?}
        // end a non-interactive shell (status 127 for -c, 1 otherwise)
        await this.error(e.message);
        this.state.status = 1;
        if (e instanceof ExpansionError && e.fatal && !this.state.interactive) throw new ShellExit(this.state.errorContext === 'command' ? 127 : 1);
        throw new AbortCommand();
      }
      if (e instanceof RedirectError) {
        this.state.status = 1;
        return 1;
      }
      if (isSysError(e) && e.syscall === 'fork') {
        await this.error('fork: Resource temporarily unavailable');
        this.state.status = 254;
        return 254;
      }
      throw e;
    }
    this.state.status = status;
    if (cmd.kind === 'simple' || cmd.kind === 'pipeline' || cmd.kind === 'subshell' || cmd.kind === 'arith' || cmd.kind === 'cond') {
      const list = cmd.kind === 'pipeline' ? this.state.pipestatus : [status];
      this.state.globals.set('PIPESTATUS', { array: new Map(list.map((v, i) => [i, String(v)])) });
    }
    if (status !== 0 && (cmd.kind === 'simple' || cmd.kind === 'pipeline' || cmd.kind === 'subshell' || cmd.kind === 'arith' || cmd.kind === 'cond')) {
      await this.failed(status, cmd.kind === 'pipeline' && cmd.negate);
    }
    return status;
  }

  /** ERR trap and `set -e` after a failed command. */
  private async failed(status: number, negated: boolean): Promise<void> {
    if (this.errexitIgnored > 0 || negated) return;
    const errTrap = this.state.traps.get('ERR');
    if (errTrap) await this.runTrapAction(errTrap);
    if (this.state.options.has('errexit')) throw new ShellExit(status);
  }

  private async dispatch(cmd: Command, execLast: boolean): Promise<number> {
    switch (cmd.kind) {
      case 'simple':
        try {
          return await runSimple(this, cmd, execLast && this.procsubFds.length === 0);
        } finally {
          if (this.procsubFds.length) this.closeProcsubs();
        }
      case 'pipeline':
        return this.runPipeline(cmd);
      case 'andor':
        return this.runAndOr(cmd);
      case 'subshell':
        return this.withRedirs(cmd.redirs, () => this.runSubshell(cmd.body));
      case 'group':
        return this.withRedirs(cmd.redirs, () => this.runList(cmd.body));
      case 'if':
        return this.withRedirs(cmd.redirs, () => this.runIf(cmd));
      case 'while':
        return this.withRedirs(cmd.redirs, () => this.runWhile(cmd));
      case 'for':
        return this.withRedirs(cmd.redirs, () => this.runFor(cmd));
      case 'arithfor':
        return this.withRedirs(cmd.redirs, () => this.runArithFor(cmd));
      case 'select':
        return this.withRedirs(cmd.redirs, () => this.runSelect(cmd));
      case 'case':
        return this.withRedirs(cmd.redirs, () => this.runCase(cmd));
      case 'funcdef':
        this.state.functions.set(cmd.name, cmd);
        return 0;
      case 'arith':
        return this.withRedirs(cmd.redirs, async () => {
          this.state.lineno = cmd.line;
          return (await arith(this, cmd.expr)) !== 0n ? 0 : 1;
        });
      case 'cond':
        return this.withRedirs(cmd.redirs, async () => {
          this.state.lineno = cmd.line;
          try {
            return (await evalCond(this, cmd.expr)) ? 0 : 1;
          } catch (e) {
            if (e instanceof CondStatus) return e.status;
            throw e;
          }
        });
    }
  }

  async withRedirs(redirs: import('./ast').Redir[], body: () => Promise<number>): Promise<number> {
    if (redirs.length === 0) return body();
    const undo = await applyRedirs(this, redirs);
    try {
      return await body();
    } finally {
      undo();
    }
  }

  private async runAndOr(cmd: Command & { kind: 'andor' }): Promise<number> {
    this.errexitIgnored++;
    let status: number;
    try {
      status = await this.runCommand(cmd.first);
    } finally {
      this.errexitIgnored--;
    }
    for (let i = 0; i < cmd.rest.length; i++) {
      const { op, cmd: next } = cmd.rest[i]!;
      if ((op === '&&' && status !== 0) || (op === '||' && status === 0)) continue;
      { const t = this.tick(); if (t) await t; }
      const last = i === cmd.rest.length - 1;
      if (!last) this.errexitIgnored++;
      try {
        status = await this.runCommand(next);
      } finally {
        if (!last) this.errexitIgnored--;
      }
    }
    return status;
  }

  private async runPipeline(cmd: Command & { kind: 'pipeline' }): Promise<number> {
    if (!cmd.timed) return this.runPipelineUntimed(cmd);
    // `time`: the report goes to the shell's stderr in TIMEFORMAT (bash manual, time)
    const start = this.sys.now();
    let status = 0;
    try {
      status = await this.runPipelineUntimed(cmd);
    } finally {
      const secs = (this.sys.now() - start) / 1000;
      const format = this.state.get('TIMEFORMAT') ?? '\nreal\t%3lR\nuser\t%3lU\nsys\t%3lS';
      await this.write(2, `${formatTime(format, secs)}\n`);
    }
    return status;
  }

  private async runPipelineUntimed(cmd: Command & { kind: 'pipeline' }): Promise<number> {
    if (cmd.negate) this.errexitIgnored++;
    let status: number;
    try {
      if (cmd.cmds.length === 1) {
        status = await this.runCommand(cmd.cmds[0]!);
        this.state.pipestatus = (this.state.globals.get('PIPESTATUS')?.array && cmd.cmds[0]!.kind !== 'simple') ? [...this.state.globals.get('PIPESTATUS')!.array!.values()].map(Number) : [status];
      } else {
        const statuses = await runPipelineStages(this, cmd);
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
      }
    } finally {
      if (cmd.negate) this.errexitIgnored--;
    }
    return cmd.negate ? (status === 0 ? 1 : 0) : status;
  }

  /** ( list ): a forked copy of the shell. */
  async runSubshell(body: List): Promise<number> {
    const pid = await this.forkShell(async (sub) => sub.runList(body));
    return waitForeground(this, [pid], undefined);
  }

  /** Forks a subshell running `body` with a copy of this shell's state. */
  async forkShell(body: (sub: Interpreter) => Promise<number>, opts: { fds?: Map<number, number>; pgid?: number; foreground?: boolean } = {}): Promise<number> {
    const state = this.state.clone();
    const ignore = this.childIgnores();
    return this.sys.fork(async (childSys) => {
      const sub = new Interpreter(childSys, state);
      sub.errexitIgnored = this.errexitIgnored;
      return sub.runAsSubshell(() => body(sub));
    }, { ...opts, ...(ignore ? { ignore } : {}) });
  }

  /**
   * Signals a child should ignore. An interactive shell ignores TERM, QUIT and the job-control
   * signals for itself only: its children get just the ones `trap ''` set (bash restores the
   * original dispositions in children). Otherwise children inherit this process's.
   */
  childIgnores(): number[] | undefined {
    if (!this.state.interactive) return undefined;
    const out: number[] = [];
    for (const [name, action] of this.state.traps) {
      const num = (SIGNALS as Record<string, number>)[`SIG${name}`];
      if (action === '' && num !== undefined) out.push(num);
    }
    return out;
  }

  /** The body of a forked subshell: turns exit/errors into the process status, runs EXIT traps. */
  async runAsSubshell(body: () => Promise<number>): Promise<number> {
    let status: number;
    try {
      status = await body();
    } catch (e) {
      if (e instanceof ShellExit) status = e.status;
      else if (e instanceof BreakSignal || e instanceof ContinueSignal) status = 0;
      else if (e instanceof Interrupted) status = 130;
      else if (e instanceof AbortCommand) status = 1;
      else if (e && typeof e === 'object' && 'status' in e && e.constructor.name === 'ReturnSignal') status = (e as { status: number }).status;
      else throw e;
    }
    const exitTrap = this.state.traps.get('EXIT');
    if (exitTrap) {
      this.state.traps.delete('EXIT');
      this.state.status = status;
      await this.evalString(exitTrap).catch(() => 0);
    }
    return status;
  }

  private async runIf(cmd: Command & { kind: 'if' }): Promise<number> {
    for (const clause of cmd.clauses) {
      this.errexitIgnored++;
      let cond: number;
      try {
        cond = await this.runList(clause.cond);
      } finally {
        this.errexitIgnored--;
      }
      if (cond === 0) return this.runList(clause.body);
    }
    if (cmd.elseBody) return this.runList(cmd.elseBody);
    return 0;
  }

  /** Runs a loop body, handling break/continue; returns 'break' to leave the loop. */
  private async loopBody(body: List): Promise<{ status: number; stop: boolean }> {
    try {
      return { status: await this.runList(body), stop: false };
    } catch (e) {
      if (e instanceof BreakSignal) {
        if (e.levels > 1) {
          e.levels--;
          throw e;
        }
        return { status: 0, stop: true };
      }
      if (e instanceof ContinueSignal) {
        if (e.levels > 1) {
          e.levels--;
          throw e;
        }
        return { status: 0, stop: false };
      }
      throw e;
    }
  }

  private async runWhile(cmd: Command & { kind: 'while' }): Promise<number> {
    let status = 0;
    this.state.loopDepth++;
    try {
      for (;;) {
        { const t = this.tick(); if (t) await t; }
        this.errexitIgnored++;
        let cond: number;
        try {
          cond = await this.runList(cmd.cond);
        } finally {
          this.errexitIgnored--;
        }
        if ((cond === 0) === cmd.until) break;
        const r = await this.loopBody(cmd.body);
        status = r.status;
        if (r.stop) break;
      }
    } finally {
      this.state.loopDepth--;
    }
    return status;
  }

  private async runFor(cmd: Command & { kind: 'for' }): Promise<number> {
    this.state.lineno = cmd.line;
    const items = cmd.items ? await expandWords(this, cmd.items) : [...this.state.positional];
    let status = 0;
    this.state.loopDepth++;
    try {
      for (const item of items) {
        { const t = this.tick(); if (t) await t; }
        this.state.set(cmd.name, item);
        const r = await this.loopBody(cmd.body);
        status = r.status;
        if (r.stop) break;
      }
    } finally {
      this.state.loopDepth--;
    }
    return status;
  }

  /** select: a numbered menu on stderr, PS3, one line read per round (bash manual, select). */
  private async runSelect(cmd: Command & { kind: 'select' }): Promise<number> {
    this.state.lineno = cmd.line;
    const items = cmd.items ? await expandWords(this, cmd.items) : [...this.state.positional];
    if (items.length === 0) return 0;
    const menu = (): string => {
      const width = String(items.length).length;
      return items.map((it, i) => `${String(i + 1).padStart(width)}) ${it}\n`).join('');
    };
    let status = 0;
    let show = true;
    this.state.loopDepth++;
    try {
      for (;;) {
        { const t = this.tick(); if (t) await t; }
        if (show) await this.write(2, menu());
        await this.write(2, this.state.get('PS3') ?? '#? ');
        const line = await this.readLine(0);
        if (line === null) {
          await this.write(2, '\n');
          status = 1;
          break;
        }
        if (line === '') {
          show = true;
          continue;
        }
        show = false;
        this.state.set('REPLY', line);
        const n = /^\s*\d+\s*$/.test(line) ? Number(line) : 0;
        this.state.set(cmd.name, n >= 1 && n <= items.length ? items[n - 1]! : '');
        const r = await this.loopBody(cmd.body);
        status = r.status;
        if (r.stop) break;
      }
    } finally {
      this.state.loopDepth--;
    }
    return status;
  }

  /** Reads one line from `fd` a byte at a time (so nothing after it is consumed); null at end. */
  async readLine(fd: number): Promise<string | null> {
    const bytes: number[] = [];
    for (;;) {
      const b = await this.sys.read(fd, 1);
      if (b === null || b.length === 0) return bytes.length ? new TextDecoder().decode(new Uint8Array(bytes)) : null;
      if (b[0] === 10) return new TextDecoder().decode(new Uint8Array(bytes));
      bytes.push(b[0]!);
    }
  }

  private async runArithFor(cmd: Command & { kind: 'arithfor' }): Promise<number> {
    const nonEmpty = (w: Word): boolean => w.text.trim() !== '';
    if (nonEmpty(cmd.init)) await arith(this, cmd.init);
    let status = 0;
    this.state.loopDepth++;
    try {
      for (;;) {
        { const t = this.tick(); if (t) await t; }
        if (nonEmpty(cmd.cond) && (await arith(this, cmd.cond)) === 0n) break;
        const r = await this.loopBody(cmd.body);
        status = r.status;
        if (r.stop) break;
        if (nonEmpty(cmd.step)) await arith(this, cmd.step);
      }
    } finally {
      this.state.loopDepth--;
    }
    return status;
  }

  private async runCase(cmd: Command & { kind: 'case' }): Promise<number> {
    this.state.lineno = cmd.line;
    const word = await expandToString(this, cmd.word);
    let status = 0;
    let fallthrough = false;
    for (let i = 0; i < cmd.items.length; i++) {
      const item = cmd.items[i]!;
      let matched = fallthrough;
      if (!matched) {
        for (const p of item.patterns) {
          if (matchPattern(word, await expandPattern(this, p))) {
            matched = true;
            break;
          }
        }
      }
      if (!matched) continue;
      status = await this.runList(item.body);
      if (item.term === ';;') return status;
      fallthrough = item.term === ';&';
    }
    return status;
  }

  // ---- expansion host ----

  /** Command substitutions run so far (an assignment's status comes from the last one). */
  substitutions = 0;

  async commandSubst(body: List): Promise<string> {
    this.substitutions++;
    const [rd, wr] = this.sys.pipe();
    const fds = this.inheritable(new Map([[1, wr]]), [rd, wr]);
    const pid = await this.forkShell(async (sub) => sub.runList(body), { fds });
    this.sys.close(wr);
    const chunks: string[] = [];
    const dec = new TextDecoder();
    try {
      for (;;) {
        const chunk = await this.sys.read(rd);
        if (chunk === null) break;
        chunks.push(dec.decode(chunk, { stream: true }));
      }
    } finally {
      this.sys.close(rd);
    }
    const res = await this.sys.wait(pid);
    const st = res?.status;
    this.state.status = st ? (st.kind === 'exited' ? st.code : st.kind === 'signaled' ? 128 + st.signal : 0) : 0;
    return chunks.join('') + dec.decode();
  }

  /** Descriptors opened for <(...) and >(...), closed when the command is done. */
  procsubFds: number[] = [];

  async processSubst(dir: '<' | '>', body: List): Promise<string> {
    const [rd, wr] = this.sys.pipe();
    const childEnd = dir === '<' ? wr : rd;
    const keep = dir === '<' ? rd : wr;
    await this.forkShell(async (sub) => sub.runList(body), { fds: this.inheritable(new Map([[dir === '<' ? 1 : 0, childEnd]]), [rd, wr]) });
    this.sys.close(childEnd);
    this.procsubFds.push(keep);
    return `/dev/fd/${keep}`;
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

  /** Here-document body: $-expansions and backquotes, backslash only before $ ` \ newline. */
  async expandHeredoc(body: string): Promise<string> {
    const parts = heredocParts(body);
    const pieces: Piece[] = [];
    await expandParts(this, parts, true, pieces);
    return pieces.map((p) => ('brk' in p ? ' ' : p.text)).join('');
  }
}

/** Splits a here-document body into quoted text and expansions (double-quote rules, no closing quote). */
function heredocParts(body: string): import('./ast').WordPart[] {
  // Reuse the double-quote reader by parsing the body as the inside of "...": escape any
  // double quotes first, since in a here-document they are ordinary characters.
  const escaped = body.replace(/\\(?=["])/g, '\\\\').replace(/"/g, '\\"');
  const p = new Parser(`"${escaped}"`, {});
  const w = p.lexer.readWord();
  const dq = w.parts[0];
  return dq && dq.kind === 'dq' ? dq.parts : [{ kind: 'quoted', text: body }];
}

/** $RANDOM, $SECONDS, $LINENO, $BASHPID, $EPOCHSECONDS, $EPOCHREALTIME, bound to this process. */
function installDynamicVars(sh: Interpreter): void {
  const st = sh.state;
  const sys = sh.sys;
  st.now = () => sys.now();
  let seeded: number | undefined;
  st.onSeed = (v) => {
    seeded = Number(v) | 0;
  };
  const keep = (name: string, fn: () => string): void => {
    if (st.dynamic.has(name) || !st.lookup(name)) st.dynamic.set(name, fn);
  };
  keep('RANDOM', () => {
    if (seeded !== undefined) {
      // bash's LCG after RANDOM=n (same sequence for the same seed)
      seeded = (Math.imul(seeded, 1103515245) + 12345) | 0;
      return String((seeded >>> 16) & 0x7fff);
    }
    return String(sys.random(32768));
  });
  keep('SECONDS', () => String(Math.floor((sys.now() - st.startedAt) / 1000)));
  keep('LINENO', () => String(st.lineno));
  keep('BASHPID', () => String(sys.pid));
  keep('EPOCHSECONDS', () => String(Math.floor(sys.now() / 1000)));
  keep('EPOCHREALTIME', () => (sys.now() / 1000).toFixed(6));
}

/** TIMEFORMAT: %[p][l]R, U, S (user and system time are not modelled: 0), %P, %%. */
function formatTime(format: string, real: number): string {
  return format.replace(/%(%|(\d)?(l)?([RUSP]))/g, (_m, all: string, prec: string | undefined, long: string | undefined, what: string | undefined) => {
    if (all === '%') return '%';
    const v = what === 'R' ? real : what === 'P' ? 0 : 0;
    const p = prec === undefined ? 3 : Math.min(3, Number(prec));
    if (what === 'P') return v.toFixed(2);
    if (long) return `${Math.floor(v / 60)}m${(v % 60).toFixed(p)}s`;
    return v.toFixed(p);
  });
}
