// What evaluating a check gives: whether it holds, and a sentence either way. When it fails, the
// sentence says what is wrong and what the machine has instead; when it holds, what holds (so a
// `not` check can say what it found).
import type { CheckHost } from '../host';

export interface Outcome {
  passed: boolean;
  message: string;
}

export function pass(message: string): Outcome {
  return { passed: true, message };
}

export function failed(message: string): Outcome {
  return { passed: false, message };
}

/** One evaluation's view of the machine, with what several checks would otherwise read again. */
export class EvalContext {
  private readonly memo = new Map<string, unknown>();

  constructor(readonly host: CheckHost) {}

  cached<T>(key: string, make: () => T): T {
    if (this.memo.has(key)) return this.memo.get(key) as T;
    const v = make();
    this.memo.set(key, v);
    return v;
  }
}

/** Joins the reasons of a failing check: "a; b". */
export function joinReasons(reasons: readonly string[]): string {
  return reasons.join('; ');
}
