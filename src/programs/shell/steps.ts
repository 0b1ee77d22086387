// Compound commands written once as generators that yield what they wait for. drive() runs
// one synchronously while every yielded value is ready (a loop of builtins and assignments
// never touches the microtask queue) and turns into a promise at the first value that is
// not, so `while`, `for` and `if` cost no async frames in the common case.
import type { ArithValue } from './arith';
import { BreakSignal, ContinueSignal } from './control';

export type MaybePromise<T> = T | Promise<T>;

/** What a step waits for: a status, fields, a string, an arithmetic value, or a tick. */
type Yielded = MaybePromise<number> | MaybePromise<string> | MaybePromise<string[]> | MaybePromise<ArithValue> | Promise<void>;
type Received = number | string | string[] | ArithValue | void;

export type Steps = Generator<Yielded, number, Received>;

export function drive(g: Steps): MaybePromise<number> {
  let r = g.next();
  while (!r.done) {
    const v = r.value;
    if (v instanceof Promise) return driveAsync(g, v);
    r = g.next(v);
  }
  return r.value;
}

async function driveAsync(g: Steps, pending: Promise<Received>): Promise<number> {
  for (;;) {
    let r: IteratorResult<Yielded, number>;
    let value: Received = undefined;
    let failure: { error: unknown } | undefined;
    try {
      value = await pending;
    } catch (error) {
      failure = { error };
    }
    r = failure ? g.throw(failure.error) : g.next(value);
    while (!r.done && !(r.value instanceof Promise)) r = g.next(r.value as Received);
    if (r.done) return r.value;
    pending = r.value as Promise<Received>;
  }
}

/**
 * A loop body threw: true for `break` (leave this loop), false for `continue`; a signal for an
 * outer loop (levels > 1) and anything else go on up.
 */
export function loopExit(e: unknown): boolean {
  if (e instanceof BreakSignal || e instanceof ContinueSignal) {
    if (e.levels > 1) {
      e.levels--;
      throw e;
    }
    return e instanceof BreakSignal;
  }
  throw e;
}
