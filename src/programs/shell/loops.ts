// while/until and for (( )), the loops that scripts spin hardest. Each is a small state
// machine: its rounds run as plain synchronous code, and when a part has to wait (a
// program, output, a yield to the event loop, a DEBUG trap) the loop hands that promise to
// an async driver, which applies the result and goes straight back to the synchronous
// rounds. So a loop costs no async frame per round even after its first wait.
import type { Command, Word } from './ast';
import { BreakSignal } from './control';
import { arithForText } from './command-text';
import { arith, ExpansionError, expandToString, type MaybePromise } from './expand';
import type { ArithValue } from './arith';
import type { Interpreter } from './interpreter';
import { ReadonlyError } from './state';
import { loopExit } from './steps';
import { traceLines } from './xtrace';

type WhileCmd = Command & { kind: 'while' };
type ArithForCmd = Command & { kind: 'arithfor' };

interface LoopState<P> {
  phase: P;
  status: number;
  /** What the promise handed out is: the phase's own work, or the DEBUG trap before it. */
  waiting: 'work' | 'debug';
  debugged: boolean;
}

/** Runs the machine: synchronously if it never waits, else through the async driver. */
function run<P>(sh: Interpreter, st: LoopState<P>, rounds: () => number | Promise<unknown>, resume: (value: unknown, failed: boolean, error: unknown) => number | undefined): MaybePromise<number> {
  sh.state.loopDepth++;
  let r: number | Promise<unknown>;
  try {
    r = rounds();
  } catch (e) {
    sh.state.loopDepth--;
    throw e;
  }
  if (typeof r === 'number') {
    sh.state.loopDepth--;
    return r;
  }
  return drive(sh, r, rounds, resume);
}

async function drive(sh: Interpreter, pending: Promise<unknown>, rounds: () => number | Promise<unknown>, resume: (value: unknown, failed: boolean, error: unknown) => number | undefined): Promise<number> {
  try {
    for (;;) {
      let value: unknown;
      let failed = false;
      let error: unknown;
      try {
        value = await pending;
      } catch (e) {
        failed = true;
        error = e;
      }
      const done = resume(value, failed, error);
      if (done !== undefined) return done;
      const r = rounds();
      if (typeof r === 'number') return r;
      pending = r;
    }
  } finally {
    sh.state.loopDepth--;
  }
}

/** A body threw: `break` ends the loop (true), `continue` goes on; anything else goes up. */
function bodyThrew(st: LoopState<unknown>, e: unknown): boolean {
  st.status = e instanceof BreakSignal ? (e.status ?? 0) : 0;
  return loopExit(e);
}

export function runWhile(sh: Interpreter, cmd: WhileCmd): MaybePromise<number> {
  const st: LoopState<'cond' | 'body'> = { phase: 'cond', status: 0, waiting: 'work', debugged: false };
  const condDone = (v: number): boolean => {
    sh.errexitIgnored--;
    st.phase = 'body';
    return (v === 0) === cmd.until;
  };
  const rounds = (): number | Promise<unknown> => {
    for (;;) {
      if (st.phase === 'cond') {
        // the condition does not trip set -e
        sh.errexitIgnored++;
        let v: MaybePromise<number>;
        try {
          v = sh.runList(cmd.cond);
        } catch (e) {
          sh.errexitIgnored--;
          throw e;
        }
        if (v instanceof Promise) return v;
        if (condDone(v)) return st.status;
        continue;
      }
      let r: MaybePromise<number>;
      try {
        r = sh.runList(cmd.body);
      } catch (e) {
        if (bodyThrew(st, e)) return st.status;
        st.phase = 'cond';
        continue;
      }
      if (r instanceof Promise) return r;
      st.status = r;
      st.phase = 'cond';
    }
  };
  const resume = (value: unknown, failed: boolean, error: unknown): number | undefined => {
    if (st.phase === 'cond') {
      if (failed) {
        sh.errexitIgnored--;
        throw error;
      }
      return condDone(value as number) ? st.status : undefined;
    }
    st.phase = 'cond';
    if (!failed) st.status = value as number;
    else if (bodyThrew(st, error)) return st.status;
    return undefined;
  };
  return run(sh, st, rounds, resume);
}

type Phase = 'init' | 'cond' | 'body' | 'step';

/** Which of the three expressions are there (an empty one is skipped, an empty test is true). */
const present = new WeakMap<ArithForCmd, [boolean, boolean, boolean]>();

function parts(cmd: ArithForCmd): [boolean, boolean, boolean] {
  let p = present.get(cmd);
  if (!p) {
    p = [cmd.init.text.trim() !== '', cmd.cond.text.trim() !== '', cmd.step.text.trim() !== ''];
    present.set(cmd, p);
  }
  return p;
}

/** What guardedArith gives when the expression failed (its message is out). */
export const ARITH_FAILED = Symbol('arith failed');

/**
 * (( )) and the expressions of for (( )): an error in the arithmetic is reported after `((: `
 * and fails the command (status 1) without abandoning the rest of the line. An unset variable
 * under set -u still ends the shell.
 */
export function guardedArith(sh: Interpreter, w: Word): MaybePromise<ArithValue | typeof ARITH_FAILED> {
  const fail = (e: unknown): Promise<typeof ARITH_FAILED> => {
    // assigning a readonly variable fails the expression the same way
    if (e instanceof ReadonlyError) return sh.error(e.message).then(() => ARITH_FAILED);
    if (!(e instanceof ExpansionError) || e.fatal || !e.arith) throw e;
    return sh.error(e.bare ? e.message : `((: ${e.message}`).then(() => ARITH_FAILED);
  };
  try {
    const v = arith(sh, w, '((');
    return v instanceof Promise ? v.catch(fail) : v;
  } catch (e) {
    return fail(e);
  }
}

export function runArithFor(sh: Interpreter, cmd: ArithForCmd): MaybePromise<number> {
  const [hasInit, hasCond, hasStep] = parts(cmd);
  const st: LoopState<Phase> = { phase: 'init', status: 0, waiting: 'work', debugged: false };
  /** set -x showed the expression of this phase already */
  let traced = false;
  /** The phase after one whose work gave `v`; true when the loop is over. */
  const advance = (v: unknown): boolean => {
    st.debugged = false;
    traced = false;
    if (v === ARITH_FAILED) {
      st.status = 1;
      return true;
    }
    switch (st.phase) {
      case 'init': st.phase = 'cond'; return false;
      case 'cond':
        st.phase = 'body';
        return v === 0;
      case 'body':
        st.status = v as number;
        st.phase = 'step';
        return false;
      case 'step': st.phase = 'cond'; return false;
    }
  };
  const rounds = (): number | Promise<unknown> => {
    for (;;) {
      if (st.phase === 'body') {
        let r: MaybePromise<number>;
        try {
          r = sh.runList(cmd.body);
        } catch (e) {
          if (bodyThrew(st, e)) return st.status;
          st.phase = 'step';
          continue;
        }
        if (r instanceof Promise) {
          st.waiting = 'work';
          return r;
        }
        advance(r);
        continue;
      }
      const w: Word = st.phase === 'init' ? cmd.init : st.phase === 'cond' ? cmd.cond : cmd.step;
      const has = st.phase === 'init' ? hasInit : st.phase === 'cond' ? hasCond : hasStep;
      // set -x shows each expression expanded as (( expr )), an empty one as (( 1 )), before
      // the DEBUG trap runs
      if (!traced && sh.state.options.has('xtrace')) {
        traced = true;
        st.waiting = 'debug';
        sh.state.lineno = cmd.line;
        return (async () => {
          const text = has ? (await expandToString(sh, w)).replace(/^\s+/, '') : '1';
          await traceLines(sh, [`(( ${text} ))`]);
        })();
      }
      if (!st.debugged) {
        // the DEBUG trap sees each expression as ((expr)), an empty one as ((1))
        st.debugged = true;
        const d = sh.state.traps.size === 0 ? undefined : sh.debugTrap(arithForText(w));
        if (d) {
          st.waiting = 'debug';
          return d;
        }
      }
      sh.state.lineno = cmd.line;
      const v = has ? guardedArith(sh, w) : st.phase === 'cond' ? 1 : 0;
      if (v instanceof Promise) {
        st.waiting = 'work';
        return v;
      }
      if (advance(v)) return st.status;
    }
  };
  const resume = (value: unknown, failed: boolean, error: unknown): number | undefined => {
    if (st.waiting === 'debug') {
      if (failed) throw error;
      return undefined;
    }
    if (failed) {
      if (st.phase !== 'body') throw error;
      if (bodyThrew(st, error)) return st.status;
      st.phase = 'step';
      st.debugged = false;
      return undefined;
    }
    return advance(value) ? st.status : undefined;
  };
  return run(sh, st, rounds, resume);
}
