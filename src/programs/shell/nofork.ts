// Where bash replaces a shell process with a program instead of forking one more: the last
// command of bash -c, $( ) and <( ) text, and of a ( ) subshell (execute_cmd.c's CMD_NO_FORK).
// The program keeps the process: $! and ps show it, and an asynchronous subshell's ignored
// SIGINT/SIGQUIT are back to what they were before (they were the shell's own).
import type { Command, List } from './ast';
import type { Interpreter } from './interpreter';
import type { MaybePromise } from './expand';

/** The last element of an && || list, when it is a simple command. */
function lastOfAndOr(cmd: Command): Command | undefined {
  if (cmd.kind !== 'andor') return undefined;
  const last = cmd.rest[cmd.rest.length - 1]!.cmd;
  return last.kind === 'simple' ? last : undefined;
}

/** The line a command starts on, where the tree says. */
function startLine(cmd: Command): number | undefined {
  if (cmd.kind === 'andor') return startLine(cmd.first);
  return 'line' in cmd ? cmd.line : undefined;
}

/**
 * The command bash -c, a command substitution or a process substitution may exec (bash's
 * should_suppress_fork and optimize_connection_fork, checked again for traps when it runs):
 * the last command of the text's last line, when it is simple (without redirections, but for
 * a process substitution), alone or after `;`, `&&` or `||`. `a; b && c` on one line is one
 * command whose last part is a list, so nothing there is exec'd. `wholeText`: `list` holds
 * every line of the text (a substitution's), not the last line only (bash -c's reading loop).
 */
export function oneshotCandidate(list: List, redirsOk: boolean, wholeText: boolean): Command | undefined {
  const items = list.items;
  const last = items[items.length - 1];
  if (!last || last.async) return undefined;
  const before = items[items.length - 2];
  let cmd: Command | undefined;
  if (last.cmd.kind === 'simple') {
    // (`a & b` is one command joined by `&`: it runs b in the shell)
    if (before?.async && (!wholeText || sameLine(before.cmd, last.cmd))) return undefined;
    cmd = last.cmd;
  } else {
    cmd = lastOfAndOr(last.cmd);
    if (before && (!wholeText || sameLine(before.cmd, last.cmd))) return undefined;
  }
  if (!cmd || cmd.kind !== 'simple' || (!redirsOk && cmd.redirs.length > 0)) return undefined;
  return cmd;
}

/** Whether two commands of a list may be on one line (so one command for bash's reading loop). */
function sameLine(a: Command, b: Command): boolean {
  const la = a.kind === 'simple' ? a.line : undefined;
  const lb = startLine(b);
  return la === undefined || lb === undefined || la >= lb;
}

/**
 * Runs the body of a ( ) subshell in the forked process. A lone simple command is exec'd as it
 * is, redirections and all; the last simple command after `;`, `&&` or `||` is exec'd when it
 * has no redirections and no trap is set when it runs.
 */
export function runParenBody(sh: Interpreter, body: List): MaybePromise<number> {
  // (bash's subshell_environment = SUBSHELL_PAREN: a pipeline around it counts no more)
  sh.parenEnv = true;
  sh.pipeEnv = false;
  const items = body.items;
  const only = items.length === 1 && !items[0]!.async ? items[0]!.cmd : undefined;
  // (bash runs a lone ( ) inside in this process too; here it forks, for the state it starts from)
  if (only?.kind === 'simple') {
    const t = sh.tick();
    return t ? t.then(() => sh.runCommand(only, true)) : sh.runCommand(only, true);
  }
  const last = items[items.length - 1];
  const before = items[items.length - 2];
  let cmd: Command | undefined;
  if (last && !last.async) {
    if (last.cmd.kind === 'simple' && !before?.async) cmd = last.cmd;
    else if (!before) cmd = lastOfAndOr(last.cmd);
  }
  if (cmd && cmd.kind === 'simple' && cmd.redirs.length === 0) {
    sh.oneshot = cmd;
    sh.oneshotDepth = sh.state.funcNames.length;
  }
  return sh.runList(body);
}

/**
 * A function called as the last command of $( ) or <( ): the last simple command of its body
 * `{ ...; }`, alone or after `;`, `&&` or `||`, without redirections, may be exec'd too.
 */
export function functionCandidate(body: Command): Command | undefined {
  if (body.kind !== 'group') return undefined;
  const items = body.body.items;
  const last = items[items.length - 1];
  const before = items[items.length - 2];
  if (!last || last.async) return undefined;
  let cmd: Command | undefined;
  if (last.cmd.kind === 'simple' && !before?.async) cmd = last.cmd;
  else if (!before) cmd = lastOfAndOr(last.cmd);
  return cmd?.kind === 'simple' && cmd.redirs.length === 0 ? cmd : undefined;
}
