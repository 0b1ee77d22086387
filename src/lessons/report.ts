// A class's progress report, re-verified: each learner hands in an exported machine file; the
// report restores every machine and runs its lesson's checks on it, so "complete" means the
// checks pass on that machine now, not that a flag in the file says so. Hints used and times
// come from the progress kept in the file (they cannot be checked against the machine).
import { Machine } from '../kernel/machine';
import { decodeFile } from '../kernel/snapshot/codec';
import type { MachineSnapshot } from '../kernel/snapshot/types';
import { restoreSource } from '../kernel/snapshot/machine-io';
import type { ReportRow } from '../shared/lessons';
export { reportCsv } from '../shared/report-csv';
import { MachineHost } from './machine-host';
import { LessonSession } from './session';
import type { Lesson } from './types';

const empty = (file: string): ReportRow => ({ file, learner: '', machine: '', lessonId: '', lessonTitle: '', checksPassed: 0, checksTotal: 0, percent: 0, complete: false, claimedComplete: false, minutes: null, hintsUsed: 0, failing: [], problem: '' });

/**
 * Verifies an exported machine file (or a set of machines: one row each) against the lessons
 * they were for.
 */
export async function verifyMachineFile(bytes: Uint8Array, file: string, findLesson: (id: string) => Lesson | undefined): Promise<ReportRow[]> {
  let snaps: MachineSnapshot[];
  try {
    snaps = await decodeFile(bytes);
  } catch (e) {
    return [{ ...empty(file), problem: e instanceof Error ? e.message : String(e) }];
  }
  const rows: ReportRow[] = [];
  for (const snap of snaps) rows.push(await verifyMachine(snap, file, findLesson));
  return rows;
}

async function verifyMachine(snap: MachineSnapshot, file: string, findLesson: (id: string) => Lesson | undefined): Promise<ReportRow> {
  const row = empty(file);
  const label = snap.label;
  row.learner = label?.learner ?? '';
  row.machine = label?.name ?? '';
  if (!label?.lessonId) return { ...row, problem: 'a sandbox, not a lesson machine' };
  row.lessonId = label.lessonId;
  row.lessonTitle = label.lessonTitle ?? '';
  const lesson = findLesson(label.lessonId);
  if (!lesson) return { ...row, problem: `the lesson ${label.lessonId} is not installed here (import its pack)` };
  row.lessonTitle = lesson.title;
  const m = new Machine({ clock: 'skip', start: snap.savedAt, restore: restoreSource(snap) });
  try {
    await m.booted;
    await m.restored;
    const saved = label.lesson?.lessonId === lesson.id ? label.lesson : undefined;
    const session = new LessonSession(lesson, new MachineHost(m), () => m.kernel.clock.now(), saved);
    await session.evaluate(true);
    const status = session.status();
    const checks = status.steps.flatMap((s) => s.checks);
    row.checksTotal = checks.length;
    row.checksPassed = checks.filter((c) => c.passed).length;
    row.percent = status.percent;
    row.complete = checks.every((c) => c.passed);
    row.claimedComplete = saved?.completedAt !== undefined;
    row.hintsUsed = status.hintsUsed;
    row.failing = checks.filter((c) => !c.passed).map((c) => c.title);
    const end = saved?.completedAt ?? snap.savedAt;
    row.minutes = saved ? Math.max(0, Math.round((end - saved.startedAt) / 6000) / 10) : null;
    if (row.claimedComplete && !row.complete) row.problem = 'the file says complete, but checks fail on its machine';
    return row;
  } finally {
    if (m.power === 'running') void m.run(['/usr/bin/systemctl', 'poweroff'], { stdout: () => {}, stderr: () => {} }).catch(() => {});
  }
}
