// The lesson engine behind the worker's API, headless: the lesson list, a lesson started on a
// fresh machine in its start state, the learner typing the solution at the console, and the
// listener hearing each check turn green until the lesson completes.
import { describe, expect, it } from 'vitest';
import { Machine } from '../../../src/kernel/machine';
import { createKernelApi } from '../../../src/kernel/worker';
import { MachineHost } from '../../../src/lessons/machine-host';
import { LessonRunner } from '../../../src/lessons/runner';
import { LessonSession } from '../../../src/lessons/session';
import type { Lesson } from '../../../src/lessons/types';
import type { LessonStatus } from '../../../src/shared/lessons';
import { runScript } from '../../integration/machine-helpers';

async function until<T>(get: () => T | undefined, ms = 15_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = get();
    if (v !== undefined) return v;
    if (Date.now() - start > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('the lesson engine through the KernelApi', () => {
  it('lists lessons, starts one, and follows the learner to completion', async () => {
    const api = createKernelApi();
    let screen = '';
    const booted = await api.boot({ cols: 120, rows: 40 }, (chunk) => (screen += chunk));
    expect(booted.ok).toBe(true);
    const list = await api.lessons();
    if (!list.ok) throw new Error(list.error);
    expect(list.value.map((l) => l.id)).toContain('static-ip');
    expect(await api.lessonStatus()).toEqual({ ok: true, value: null });

    const seen: (LessonStatus | null)[] = [];
    await api.watchLesson((s) => void seen.push(s));
    const started = await api.startLesson('static-ip');
    if (!started.ok) throw new Error(started.error);
    const first = started.value!;
    expect(first.percent).toBe(0);
    expect(first.steps.flatMap((s) => s.checks).every((c) => !c.passed && c.message !== '')).toBe(true);
    await until(() => (screen.includes(']# ') ? true : undefined));

    // a hint at a time
    const hinted = await api.nextHint('network-file-readable');
    if (!hinted.ok) throw new Error(hinted.error);
    expect(hinted.value.hintsUsed).toBe(1);
    expect(hinted.value.steps[0]!.checks[1]!.hints).toHaveLength(1);
    expect((await api.nextHint('no-such-check')).ok).toBe(false);

    const solution = await api.solution();
    if (!solution.ok) throw new Error(solution.error);
    // typed as a learner would (the console's umask 027 makes the file 0640 until chmod)
    await api.input(`${solution.value[0]!}\r`);
    const fileDone = await until(() => seen.find((s) => s?.steps[0]!.checks[0]!.passed));
    expect(fileDone!.steps[0]!.checks[1]).toMatchObject({ passed: false, message: '/etc/systemd/network/10-static.network has mode 0640; the lesson wants 0644' });
    for (const cmd of solution.value.slice(1)) await api.input(`${cmd}\r`);
    const done = await until(() => seen.find((s) => s?.complete), 20_000);
    expect(done!.percent).toBe(100);
    expect(done!.completedAt).toBeGreaterThanOrEqual(done!.startedAt);
    // listeners hear only changes: no two notifications in a row are equal
    for (let i = 1; i < seen.length; i++) expect(JSON.stringify(seen[i])).not.toBe(JSON.stringify(seen[i - 1]));

    const state = await api.machineState();
    if (!state.ok) throw new Error(state.error);
    expect(state.value.links.find((l) => l.name === 'eth0')?.addresses).toContain('192.168.1.100/24');
    expect(state.value.units.find((u) => u.id === 'sshd.service')).toMatchObject({ active: 'active', enabled: 'enabled' });
    expect(state.value.firewall.find((c) => c.chain === 'INPUT')).toMatchObject({ table: 'filter', policy: 'DROP' });
    expect(state.value.users.find((u) => u.name === 'root')).toMatchObject({ uid: 0, groups: ['root'] });

    // the sandbox: a fresh machine and no lesson
    expect(await api.startLesson(null)).toEqual({ ok: true, value: null });
    expect(await api.lessonStatus()).toEqual({ ok: true, value: null });
    expect(seen[seen.length - 1]).toBeNull();
  }, 60_000);
});

const SSHD_LESSON: Lesson = {
  id: 'watch-sshd', title: 'Watch sshd', summary: 's', minutes: 1, intro: 'intro.md', solution: ['true'],
  track: 't', trackTitle: 'T', dir: 'lessons/t/watch-sshd', introMarkdown: '# Watch', stepMarkdown: ['Step'],
  steps: [{
    title: 'Keep sshd up', text: 'step.md', checks: [
      { id: 'sshd', title: 'sshd is active', kind: 'unit', unit: 'sshd', active: 'active', hints: ['systemctl start sshd'] },
      { id: 'file', title: '/root/x exists', kind: 'file', path: '/root/x', weight: 3 },
    ],
  }],
};

describe('the lesson runner', () => {
  it('re-evaluates when the machine changes behind the console, and after a reboot', async () => {
    const m = new Machine({ clock: 'realtime' });
    await m.booted;
    m.startConsoleShell();
    const session = new LessonSession(SSHD_LESSON, new MachineHost(m), () => m.kernel.clock.now());
    const seen: LessonStatus[] = [];
    const runner = new LessonRunner(m, session, (s) => void seen.push(s));
    await runner.start();
    expect(seen).toHaveLength(1);
    expect(seen[0]!.steps[0]!.checks.map((c) => [c.id, c.passed, c.message])).toEqual([['sshd', true, ''], ['file', false, '/root/x does not exist']]);
    expect(seen[0]!.percent).toBe(25);

    // a change made outside the console (here, by a unit stopping): the process exit is noticed
    await runScript('systemctl stop sshd', m);
    const stopped = await until(() => seen.find((s) => !s.steps[0]!.checks[0]!.passed));
    expect(stopped!.steps[0]!.checks[0]!.message).toBe('sshd.service is inactive (dead); the lesson wants it active');
    expect(stopped!.percent).toBe(0);

    // a reboot: the runner follows the new kernel and the checks read the new state
    await runScript('touch /root/x; reboot', m);
    const after = await until(() => seen.find((s) => s.complete), 20_000);
    expect(after!.percent).toBe(100);
    const count = seen.length;
    await new Promise((r) => setTimeout(r, 400));
    expect(seen).toHaveLength(count);
    runner.stop();
  }, 30_000);
});
