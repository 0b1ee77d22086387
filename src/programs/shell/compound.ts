// Compound commands: && || lists, if, for, select and case, and a pipeline of one command
// (negated or timed); while and for (( )) are in loops.ts. All but select are generators
// that drive() runs synchronously until something has to wait (see steps.ts).
import type { Command, List } from './ast';
import { expandPattern, expandToString, expandWords, integerValue } from './expand';
import type { Interpreter } from './interpreter';
import { matchPattern } from './pattern';
import { utf8Locale } from './ansi-c';
import { BreakSignal, ContinueSignal, ShellExit } from './control';
import { traceLines, traceSource } from './xtrace';
import { loopExit, type Steps } from './steps';

export function* andOrSteps(sh: Interpreter, cmd: Command & { kind: 'andor' }): Steps {
  sh.errexitIgnored++;
  let status: number;
  try {
    status = (yield sh.runCommand(cmd.first)) as number;
  } finally {
    sh.errexitIgnored--;
  }
  for (let i = 0; i < cmd.rest.length; i++) {
    const { op, cmd: next } = cmd.rest[i]!;
    if ((op === '&&' && status !== 0) || (op === '||' && status === 0)) continue;
    const t = sh.tick();
    if (t) yield t;
    const last = i === cmd.rest.length - 1;
    if (!last) sh.errexitIgnored++;
    try {
      status = (yield sh.runCommand(next)) as number;
    } finally {
      if (!last) sh.errexitIgnored--;
    }
  }
  return status;
}

/** A pipeline of one command (negated or timed). */
export function* singleSteps(sh: Interpreter, cmd: Command & { kind: 'pipeline' }): Steps {
  if (cmd.negate) sh.errexitIgnored++;
  let status: number;
  try {
    status = (yield sh.runCommand(cmd.cmds[0]!)) as number;
    const ps = sh.state.globals.get('PIPESTATUS')?.array;
    sh.state.pipestatus = ps && cmd.cmds[0]!.kind !== 'simple' ? [...ps.values()].map(Number) : [status];
  } finally {
    if (cmd.negate) sh.errexitIgnored--;
  }
  return cmd.negate ? (status === 0 ? 1 : 0) : status;
}

export function* ifSteps(sh: Interpreter, cmd: Command & { kind: 'if' }): Steps {
  for (const clause of cmd.clauses) {
    sh.errexitIgnored++;
    let cond: number;
    try {
      cond = (yield sh.runList(clause.cond)) as number;
    } finally {
      sh.errexitIgnored--;
    }
    if (cond === 0) return (yield sh.runList(clause.body)) as number;
  }
  if (cmd.elseBody) return (yield sh.runList(cmd.elseBody)) as number;
  return 0;
}

/** Runs a loop body, handling break/continue; returns 'break' to leave the loop. */
async function loopBody(sh: Interpreter, body: List): Promise<{ status: number; stop: boolean }> {
  try {
    return { status: await sh.runList(body), stop: false };
  } catch (e) {
    if (e instanceof BreakSignal) {
      if (e.levels > 1) {
        e.levels--;
        throw e;
      }
      return { status: e.status ?? 0, stop: true };
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

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function* forSteps(sh: Interpreter, cmd: Command & { kind: 'for' }): Steps {
  sh.state.lineno = cmd.line;
  if (!NAME.test(cmd.name)) {
    yield sh.error(`\`${cmd.name}': not a valid identifier`);
    return 1;
  }
  const items = cmd.items ? ((yield expandWords(sh, cmd.items)) as string[]) : [...sh.state.positional];
  let status = 0;
  sh.state.loopDepth++;
  try {
    for (const item of items) {
      // each round: set -x shows the head, then the DEBUG trap runs
      if (sh.state.options.has('xtrace')) yield traceLines(sh, [`for ${cmd.name} in ${cmd.items ? cmd.items.map(traceSource).join(' ') : '"$@"'}`]);
      const d = sh.debugTrap(cmd);
      if (d) yield d;
      // extdebug: a DEBUG trap that fails skips this round
      if (d && sh.skipAfterDebug()) continue;
      // a nameref control variable names each word in turn (bash manual, Shell Parameters)
      const ref = sh.state.holder(cmd.name).get(cmd.name);
      if (ref?.ref) ref.value = item;
      else if (sh.state.lookup(cmd.name)?.readonly) {
        // a readonly control variable ends the loop (status 1), not the line; a non-interactive
        // shell in posix mode ends
        yield sh.error(`${cmd.name}: readonly variable`);
        if (sh.state.options.has('posix') && !sh.state.interactive) throw new ShellExit(1);
        status = 1;
        break;
      } else {
        // an integer control variable gets each word's arithmetic value
        const value = integerValue(sh, cmd.name, item);
        sh.state.set(cmd.name, typeof value === 'string' ? value : ((yield value) as string));
      }
      try {
        status = (yield sh.runList(cmd.body)) as number;
      } catch (e) {
        status = e instanceof BreakSignal ? (e.status ?? 0) : 0;
        if (loopExit(e)) break;
      }
    }
  } finally {
    sh.state.loopDepth--;
  }
  return status;
}

/**
 * The select menu as bash lays it out (print_select_list): numbered items in columns that fit
 * COLUMNS, filled down first, the gaps made of tabs and spaces up to each column's start.
 */
function selectMenu(items: string[], columns: number): string {
  const numberLen = (n: number): number => String(n).length;
  const indicesLen = numberLen(items.length);
  const maxElem = Math.max(0, ...items.map((it) => [...it].length)) + indicesLen + 4;
  let cols = Math.max(1, Math.floor(columns / maxElem));
  let rows = Math.ceil(items.length / cols);
  cols = Math.ceil(items.length / rows);
  if (rows === 1) {
    rows = cols;
    cols = 1;
  }
  const firstLen = numberLen(rows);
  const indent = (from: number, to: number): string => {
    let out = '';
    while (from < to) {
      if (Math.floor(to / 8) > Math.floor(from / 8)) {
        out += '\t';
        from += 8 - (from % 8);
      } else {
        out += ' ';
        from++;
      }
    }
    return out;
  };
  let out = '';
  for (let row = 0; row < rows; row++) {
    let pos = 0;
    for (let ind = row; ; ) {
      const len = pos === 0 ? firstLen : indicesLen;
      const item = items[ind]!;
      out += `${String(ind + 1).padStart(len)}) ${item}`;
      const elemLen = [...item].length + len + 2;
      ind += rows;
      if (ind >= items.length) break;
      out += indent(pos + elemLen, pos + maxElem);
      pos += maxElem;
    }
    out += '\n';
  }
  return out;
}

/** select: a numbered menu on stderr, PS3, one line read per round (bash manual, select). */
export async function runSelect(sh: Interpreter, cmd: Command & { kind: 'select' }): Promise<number> {
  sh.state.lineno = cmd.line;
  if (!NAME.test(cmd.name)) {
    await sh.error(`\`${cmd.name}': not a valid identifier`);
    return 1;
  }
  const items = cmd.items ? await expandWords(sh, cmd.items) : [...sh.state.positional];
  if (sh.state.options.has('xtrace')) await traceLines(sh, [`select ${cmd.name} in ${cmd.items ? cmd.items.map(traceSource).join(' ') : '"$@"'}`]);
  if (items.length === 0) return 0;
  const menu = (): string => selectMenu(items, Number(sh.state.get('COLUMNS')) || 80);
  let status = 0;
  let show = true;
  sh.state.loopDepth++;
  try {
    for (;;) {
      { const t = sh.tick(); if (t) await t; }
      await sh.debugTrap(cmd);
      if (show) await sh.write(2, menu());
      await sh.write(2, sh.state.get('PS3') ?? '#? ');
      // the reply is read as the read builtin reads it (no -r: backslashes escape, and a last
      // line without its newline is a failure that still sets REPLY)
      const { read } = await sh.sys.loadCode(() => import('./builtins/read'));
      if ((await read(sh, ['read'])) !== 0) {
        // the newline that ends the prompt's line at end of input goes to stdout, as bash's does
        await sh.write(1, '\n');
        status = 1;
        break;
      }
      const line = sh.state.get('REPLY') ?? '';
      if (line === '') {
        show = true;
        continue;
      }
      show = false;
      const n = /^\s*[-+]?\d+\s*$/.test(line) ? Number(line) : 0;
      sh.state.set(cmd.name, await integerValue(sh, cmd.name, n >= 1 && n <= items.length ? items[n - 1]! : ''));
      const r = await loopBody(sh, cmd.body);
      status = r.status;
      if (r.stop) break;
      // (ksh's select) the menu shows again when the body left REPLY empty
      show = sh.state.get('REPLY') === '';
    }
  } finally {
    sh.state.loopDepth--;
  }
  return status;
}

export function* caseSteps(sh: Interpreter, cmd: Command & { kind: 'case' }): Steps {
  sh.state.lineno = cmd.line;
  // set -x shows the head as written, then the DEBUG trap runs, then the word is expanded
  if (sh.state.options.has('xtrace')) yield traceLines(sh, [`case ${traceSource(cmd.word)} in`]);
  const d = sh.debugTrap(cmd);
  if (d) yield d;
  if (d && sh.skipAfterDebug()) return 0;
  const word = (yield expandToString(sh, cmd.word)) as string;
  let status = 0;
  let fallthrough = false;
  for (let i = 0; i < cmd.items.length; i++) {
    const item = cmd.items[i]!;
    let matched = fallthrough;
    if (!matched) {
      for (const p of item.patterns) {
        if (matchPattern(word, (yield expandPattern(sh, p)) as string, sh.state.shopts.has('extglob'), sh.state.shopts.has('nocasematch'), !utf8Locale(sh.state))) {
          matched = true;
          break;
        }
      }
    }
    if (!matched) continue;
    status = (yield sh.runList(item.body)) as number;
    if (item.term === ';;') return status;
    fallthrough = item.term === ';&';
  }
  return status;
}
