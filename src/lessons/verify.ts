// Proving a lesson (npm run lessons:check, and the vitest test over every lesson): from its start
// state every check fails, so none passes vacuously; after its reference solution, run through
// the machine's bash as root in a login shell (the console's umask 027 included), every check
// passes.
import { Machine } from '../kernel/machine';
import { EvalContext, evaluate } from './checks';
import { MachineHost, rootShell as runner } from './machine-host';
import { applySetup } from './setup';
import type { Lesson } from './types';

/** A fresh machine in the lesson's start state (headless, the clock skipping idle waits). */
export async function startState(lesson: Lesson): Promise<Machine> {
  const m = new Machine({ clock: 'skip' });
  await m.booted;
  await applySetup(lesson.setup, runner(m));
  // let what the setup started settle (a restarted daemon, a DHCP lease)
  await runner(m)('sleep 2');
  return m;
}

async function outcomes(lesson: Lesson, m: Machine): Promise<{ id: string; passed: boolean; message: string }[]> {
  const ctx = new EvalContext(new MachineHost(m));
  const out = [];
  for (const c of lesson.steps.flatMap((s) => s.checks)) out.push({ id: c.id, ...(await evaluate(ctx, c)) });
  return out;
}

/** The solution as one script, each command followed by a note on stderr when it fails. */
export function solutionScript(lesson: Lesson): string {
  return lesson.solution.map((c, i) => `${c}\n__rc=$?; [ "$__rc" -eq 0 ] || echo "(solution command ${i + 1} exited with status $__rc)" >&2`).join('\n');
}

/** Every problem with the lesson's checks and solution; empty when the lesson is sound. */
export async function verifyLesson(lesson: Lesson): Promise<string[]> {
  const problems: string[] = [];
  const where = `${lesson.dir}`;
  for (const c of lesson.steps.flatMap((s) => s.checks)) {
    if (!c.hints?.length) problems.push(`${where}: check ${c.id} has no hints`);
  }
  let m: Machine;
  try {
    m = await startState(lesson);
  } catch (e) {
    return [...problems, `${where}: the start state cannot be made: ${e instanceof Error ? e.message : String(e)}`];
  }
  for (const o of await outcomes(lesson, m)) {
    if (o.passed) problems.push(`${where}: check ${o.id} already passes in the start state (${o.message})`);
  }
  const r = await runner(m, true)(solutionScript(lesson));
  await runner(m)('sleep 3');
  const after = await outcomes(lesson, m);
  const failing = after.filter((o) => !o.passed);
  for (const o of failing) problems.push(`${where}: check ${o.id} fails after the reference solution: ${o.message}`);
  if (failing.length && r.stderr.trim()) problems.push(`${where}: the solution printed on stderr:\n${r.stderr.trim().split('\n').slice(-15).join('\n')}`);
  return problems;
}
