// One learner working through one lesson: the checks' latest outcomes, the hints revealed, the
// clock readings for the completion screen, and the LessonStatus the panel shows.
import type { CheckStatus, LessonStatus, SessionState } from '../shared/lessons';
import { EvalContext, evaluate, runsCommand, type Outcome } from './checks';
import type { CheckHost } from './host';
import type { Lesson, LessonCheck } from './types';

export class LessonSession {
  private readonly outcomes = new Map<string, Outcome>();
  private readonly revealed = new Map<string, number>();
  readonly startedAt: number;
  private completedAt: number | undefined;

  constructor(
    readonly lesson: Lesson,
    private readonly host: CheckHost,
    private readonly now: () => number,
    /** the progress kept with a saved machine (hints shown, times), when it is reopened */
    saved?: SessionState,
  ) {
    this.startedAt = saved?.lessonId === lesson.id ? saved.startedAt : now();
    if (saved?.lessonId !== lesson.id) return;
    this.completedAt = saved.completedAt;
    for (const [id, n] of saved.revealed) {
      const c = this.checks().find((x) => x.id === id);
      if (c) this.revealed.set(id, Math.min(n, c.hints?.length ?? 0));
    }
  }

  /** What to keep with the machine. */
  state(): SessionState {
    return { lessonId: this.lesson.id, revealed: [...this.revealed], startedAt: this.startedAt, ...(this.completedAt !== undefined ? { completedAt: this.completedAt } : {}) };
  }

  private checks(): LessonCheck[] {
    return this.lesson.steps.flatMap((s) => s.checks);
  }

  /**
   * Evaluates every check (with `runCommands` false, command checks keep their last outcome:
   * the cheap poll between commands). Returns whether any outcome changed.
   */
  async evaluate(runCommands = true): Promise<boolean> {
    const ctx = new EvalContext(this.host);
    let changed = false;
    for (const c of this.checks()) {
      const prev = this.outcomes.get(c.id);
      if (!runCommands && prev && runsCommand(c)) continue;
      const o = await evaluate(ctx, c);
      if (!prev || prev.passed !== o.passed || prev.message !== o.message) changed = true;
      this.outcomes.set(c.id, o);
    }
    if (this.completedAt === undefined && this.checks().every((c) => this.outcomes.get(c.id)?.passed)) {
      this.completedAt = this.now();
      changed = true;
    }
    return changed;
  }

  /** The outcome of each check by id (after evaluate()). */
  results(): Map<string, Outcome> {
    return new Map(this.outcomes);
  }

  nextHint(checkId: string): boolean {
    const c = this.checks().find((x) => x.id === checkId);
    if (!c) return false;
    const n = this.revealed.get(checkId) ?? 0;
    if (n >= (c.hints?.length ?? 0)) return false;
    this.revealed.set(checkId, n + 1);
    return true;
  }

  hasCheck(checkId: string): boolean {
    return this.checks().some((c) => c.id === checkId);
  }

  status(): LessonStatus {
    let total = 0;
    let got = 0;
    let hintsUsed = 0;
    const steps = this.lesson.steps.map((step, index) => {
      const checks: CheckStatus[] = step.checks.map((c) => {
        const o = this.outcomes.get(c.id);
        const weight = c.weight ?? 1;
        const passed = o?.passed ?? false;
        total += weight;
        if (passed) got += weight;
        const shown = this.revealed.get(c.id) ?? 0;
        hintsUsed += shown;
        return {
          id: c.id,
          title: c.title,
          passed,
          message: passed ? '' : (o?.message ?? 'not checked yet'),
          weight,
          hints: (c.hints ?? []).slice(0, shown),
          hintCount: c.hints?.length ?? 0,
        };
      });
      return { index, title: step.title, markdown: this.lesson.stepMarkdown[index] ?? '', checks, done: checks.every((c) => c.passed) };
    });
    // once every check has passed the lesson stays complete: breaking something afterwards
    // shows in the checklist, not by taking the completion away
    const complete = this.completedAt !== undefined;
    return {
      id: this.lesson.id,
      title: this.lesson.title,
      intro: this.lesson.introMarkdown,
      steps,
      percent: total === 0 ? 0 : Math.floor((100 * got) / total),
      complete,
      startedAt: this.startedAt,
      ...(this.completedAt !== undefined ? { completedAt: this.completedAt } : {}),
      hintsUsed,
    };
  }
}
