// The class report (issue 10): machines learners exported are restored and their lessons'
// checks run on them again, so the report shows what each machine does, and a file whose
// progress claims more than its machine shows is flagged.
import { describe, expect, it } from 'vitest';
import { createKernelApi } from '../../src/kernel/worker';
import { decodeSnapshot, encodeSnapshot } from '../../src/kernel/snapshot/codec';
import { reportCsv } from '../../src/lessons/report';
import type { KernelApi, Result } from '../../src/shared/api';

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

async function until(get: () => Promise<boolean>, what: string, ms = 15_000): Promise<void> {
  const start = Date.now();
  while (!(await get())) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A learner's browser: the lesson started, `commands` typed, the machine exported under `learner`. */
async function handIn(learner: string, commands: string[], passing: number): Promise<Uint8Array> {
  const api: KernelApi = createKernelApi();
  let text = '';
  value(await api.boot({ cols: 100, rows: 30 }, (c) => (text += c)));
  value(await api.startLesson('filesystem'));
  for (const c of commands) {
    const from = text.length;
    await api.input(`${c}\r`);
    await until(async () => text.slice(from).includes(']# '), `the prompt after ${c}`);
  }
  await until(async () => value(await api.lessonStatus())!.steps.flatMap((s) => s.checks).filter((c) => c.passed).length === passing, `${passing} checks passing`);
  value(await api.nextHint('report-moved'));
  return value(await api.exportMachine(undefined, learner)).bytes;
}

describe('the class report', () => {
  it('re-verifies each machine, flags a claim its machine does not back, and writes CSV', async () => {
    const ada = await handIn('Ada', ['mkdir -p /root/projects/website', 'cp /etc/os-release /root/projects/website/os-release'], 2);
    const bob = await handIn('=Bob', ['mkdir -p /root/projects/website'], 1);
    // Bob edits his file to claim the lesson complete
    const snap = await decodeSnapshot(bob);
    snap.label!.lesson!.completedAt = snap.label!.lesson!.startedAt + 60_000;
    const forged = await encodeSnapshot(snap);

    const teacher = createKernelApi();
    value(await teacher.boot({ cols: 80, rows: 24 }, () => {}));
    const rows = value(await teacher.classReport([
      { name: 'ada.photon', bytes: ada },
      { name: 'bob.photon', bytes: forged },
      { name: 'junk.photon', bytes: new TextEncoder().encode('not a machine') },
    ]));
    expect(rows[0]).toMatchObject({ file: 'ada.photon', learner: 'Ada', lessonId: 'filesystem', lessonTitle: 'Getting around the filesystem', checksPassed: 2, checksTotal: 7, complete: false, claimedComplete: false, hintsUsed: 1, problem: '' });
    expect(rows[0]!.failing).toContain('The report is now /root/projects/website/report.txt');
    expect(rows[1]).toMatchObject({ learner: '=Bob', checksPassed: 1, complete: false, claimedComplete: true, minutes: 1, problem: 'the file says complete, but checks fail on its machine' });
    expect(rows[2]).toMatchObject({ file: 'junk.photon', problem: 'not a saved machine (not gzip data)' });

    const csv = reportCsv(rows).split('\r\n');
    expect(csv[0]).toBe('learner,file,machine,lesson,lesson_title,checks_passed,checks_total,percent,complete,claimed_complete,minutes,hints_used,failing,problem');
    expect(csv[1]).toMatch(/^Ada,ada\.photon,Getting around the filesystem,filesystem,Getting around the filesystem,2,7,\d+,false,false,[\d.]+,1,"?The/);
    // a name a spreadsheet would run as a formula stays text
    expect(csv[2]!.startsWith("'=Bob,bob.photon,")).toBe(true);
  });
});
