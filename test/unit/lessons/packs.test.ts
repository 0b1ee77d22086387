// Lesson packs: a teacher's lessons imported at run time, without building the app. The
// envelope is checked (pack.ts), every lesson in it validated beside the app's own (catalog.ts),
// and the KernelApi lists, starts and forgets them. The example pack (examples/lesson-pack)
// is the one the README shows teachers.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createKernelApi } from '../../../src/kernel/worker';
import { readLessonFiles } from '../../../src/lessons/files';
import { makePack, PackError, parsePack, packId } from '../../../src/lessons/pack';

const exampleFiles = readLessonFiles(new URL('../../../examples/lesson-pack', import.meta.url).pathname, {
  list: (dir) => readdirSync(dir, { withFileTypes: true }).map((e) => ({ name: e.name, dir: e.isDirectory() })),
  read: (path) => readFileSync(path, 'utf8'),
});
const example = makePack('Site operations', exampleFiles);

function problemsOf(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    if (e instanceof PackError) return e.problems;
    throw e;
  }
  throw new Error('no PackError');
}

function edit(text: string, fn: (o: { files: Record<string, string> } & Record<string, unknown>) => void): string {
  const o = JSON.parse(text) as { files: Record<string, string> } & Record<string, unknown>;
  fn(o);
  return JSON.stringify(o);
}

describe('the pack file', () => {
  it('round-trips: makePack, then parsePack gives the same files', () => {
    const pack = parsePack(example, 'site-ops.json');
    expect(pack).toMatchObject({ id: 'site-operations', title: 'Site operations' });
    expect([...pack.files.keys()].sort()).toEqual([...exampleFiles.keys()].sort());
    expect(pack.files.get('site-ops/track.yaml')).toBe(exampleFiles.get('site-ops/track.yaml'));
  });

  it('names what is wrong with a file that is not a pack', () => {
    expect(problemsOf(() => parsePack('not json', 'x.json'))[0]).toMatch(/^x\.json: not a lesson pack \(not JSON: /);
    expect(problemsOf(() => parsePack('[1]', 'x.json'))).toEqual(['x.json: not a lesson pack (a JSON object is expected)']);
    expect(problemsOf(() => parsePack('{"format":"zip"}', 'x.json'))).toEqual(['x.json: not a lesson pack (field format must be "photon-sim-lesson-pack")']);
    expect(problemsOf(() => parsePack(edit(example, (o) => (o.version = 7)), 'x.json'))).toEqual(['x.json: pack version 7 is newer than this app reads (1); update the app']);
    expect(problemsOf(() => parsePack(edit(example, (o) => (o.title = '')), 'x.json'))).toEqual(['x.json: field title must be a text of 1 to 120 characters']);
    expect(problemsOf(() => parsePack(edit(example, (o) => (o.extra = 1)), 'x.json'))).toEqual(['x.json: unknown field extra']);
  });

  it('refuses paths outside the lessons layout and files that are not text', () => {
    const p = problemsOf(() =>
      parsePack(
        edit(example, (o) => {
          o.files['../../etc/passwd'] = 'x';
          o.files['site-ops/run.js'] = 'alert(1)';
          (o.files as Record<string, unknown>)['site-ops/message-of-the-day/more.md'] = 5;
        }),
        'x.json',
      ),
    );
    expect(p).toEqual([
      'x.json: files: "../../etc/passwd" is not a lessons path (<track>/track.yaml or <track>/<lesson>/<file>.yaml|.md)',
      'x.json: files: "site-ops/run.js" is not a lessons path (<track>/track.yaml or <track>/<lesson>/<file>.yaml|.md)',
      'x.json: files: site-ops/message-of-the-day/more.md must be text',
    ]);
  });

  it('refuses a pack over the size limit before parsing it', () => {
    expect(problemsOf(() => parsePack(' '.repeat(4 * 1024 * 1024 + 1), 'big.json'))[0]).toMatch(/^big\.json: 4194305 bytes; a pack holds at most 4194304$/);
  });

  it('lists the first 30 problems of a pack of 1200 bad paths and counts the rest (found by fuzzing)', () => {
    const problems = problemsOf(() => parsePack(edit(example, (o) => (o.files = Object.fromEntries(Array.from({ length: 1200 }, (_, i) => [`k${i}`, 'x'])))), 'x.json'));
    expect(problems).toHaveLength(31);
    expect(problems[0]).toBe('x.json: 1200 files; a pack holds at most 1000');
    expect(problems[30]).toBe('x.json: 971 more problems');
  });

  it('makes ids from titles', () => {
    expect(packId('Week 3: Networking!')).toBe('week-3-networking');
    expect(packId('***')).toBe('pack');
  });
});

describe('importing packs through the KernelApi', () => {
  it('lists, starts and removes a pack; its lesson may build on the app’s own', async () => {
    const api = createKernelApi();
    expect((await api.boot({ cols: 100, rows: 30 }, () => {})).ok).toBe(true);
    const before = await api.lessons();
    if (!before.ok) throw new Error(before.error);

    const imported = await api.importLessonPack(example, 'site-ops.json');
    if (!imported.ok) throw new Error(imported.error);
    expect(imported.value).toEqual({ id: 'site-operations', title: 'Site operations', lessons: ['message-of-the-day'] });
    const after = await api.lessons();
    if (!after.ok) throw new Error(after.error);
    expect(after.value).toHaveLength(before.value.length + 1);
    expect(after.value.at(-1)).toMatchObject({
      id: 'message-of-the-day',
      track: 'site-operations/site-ops',
      trackTitle: 'Site operations (example pack)',
      prerequisites: ['users-and-sudo'],
      pack: { id: 'site-operations', title: 'Site operations' },
    });
    expect(await api.lessonPacks()).toEqual({ ok: true, value: [imported.value] });

    // its start state is made, and its checks fail until the learner acts
    const started = await api.startLesson('message-of-the-day');
    if (!started.ok) throw new Error(started.error);
    expect(started.value!.steps.flatMap((s) => s.checks.map((c) => [c.id, c.passed, c.message]))).toEqual([
      ['motd-names-lab', false, '/etc/motd does not contain "Lab 4"'],
      ['motd-group', false, expect.stringMatching(/^\/etc\/motd (belongs to the group root|has)/)],
    ]);

    // importing it again (same title) replaces it instead of clashing with itself
    expect((await api.importLessonPack(example, 'site-ops-v2.json')).ok).toBe(true);
    expect((await api.lessonPacks()).ok && (await api.lessons())).toMatchObject({ value: { length: before.value.length + 1 } });

    expect(await api.removeLessonPack('site-operations')).toEqual({ ok: true, value: undefined });
    expect(await api.lessons()).toEqual(before);
    expect(await api.removeLessonPack('site-operations')).toEqual({ ok: false, error: 'no lesson pack site-operations' });
  });

  it('refuses a broken pack whole, naming file, line, step, check and field', async () => {
    const api = createKernelApi();
    await api.boot({ cols: 100, rows: 30 }, () => {});
    const broken = edit(example, (o) => {
      const k = 'site-ops/message-of-the-day/lesson.yaml';
      o.files[k] = o.files[k]!.replace('mode: "0664"', 'mode: "rw-rw-r--"').replace('[users-and-sudo]', '[no-such-lesson]');
    });
    const r = await api.importLessonPack(broken, 'week3.json');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.split('\n')).toEqual(['week3.json/site-ops/message-of-the-day/lesson.yaml:35: step 2 (Let the lab staff maintain it), check motd-group, field mode: must match pattern "^0?[0-7]{3,4}$"']);
    const r2 = await api.importLessonPack(edit(example, (o) => {
      const k = 'site-ops/message-of-the-day/lesson.yaml';
      o.files[k] = o.files[k]!.replace('[users-and-sudo]', '[no-such-lesson]');
    }), 'week3.json');
    expect(r2).toEqual({ ok: false, error: 'week3.json/site-ops/message-of-the-day/lesson.yaml: field prerequisites: no lesson no-such-lesson' });
    // a pack may not take an id the app's own lessons have
    const r3 = await api.importLessonPack(edit(example, (o) => {
      const k = 'site-ops/message-of-the-day/lesson.yaml';
      o.files[k] = o.files[k]!.replace('id: message-of-the-day', 'id: static-ip');
      o.files['site-ops/track.yaml'] = o.files['site-ops/track.yaml']!.replace('message-of-the-day', 'static-ip');
      for (const f of Object.keys(o.files)) if (f.includes('/message-of-the-day/')) {
        o.files[f.replace('/message-of-the-day/', '/static-ip/')] = o.files[f]!;
        delete o.files[f];
      }
    }), 'week3.json');
    expect(r3).toEqual({ ok: false, error: 'week3.json/site-ops/static-ip/lesson.yaml: the lesson id static-ip is taken by a lesson already installed (A static IP address with systemd-networkd)' });
    expect(await api.lessonPacks()).toEqual({ ok: true, value: [] });
  });
});
