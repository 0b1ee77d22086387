// The same proof as `npm run lessons:check`, over the lessons as the app bundles them
// (import.meta.glob): every lesson validates, every check fails in the start state, and
// every check passes after the reference solution.
import { describe, expect, it } from 'vitest';
import { bundledLessonFiles } from '../../../src/lessons/bundle';
import { buildCatalog } from '../../../src/lessons/catalog';
import { verifyLesson } from '../../../src/lessons/verify';

const catalog = buildCatalog(bundledLessonFiles());

describe('the curriculum', () => {
  it('validates, with every track and lesson in order', () => {
    expect(catalog.problems).toEqual([]);
    expect(catalog.lessons.length).toBeGreaterThanOrEqual(7);
    // a prerequisite always comes before the lesson that needs it
    const seen = new Set<string>();
    for (const l of catalog.lessons) {
      for (const p of l.prerequisites ?? []) expect(seen.has(p), `${l.id} needs ${p}`).toBe(true);
      seen.add(l.id);
    }
  });

  for (const lesson of catalog.lessons) {
    it(`${lesson.track}/${lesson.id}: every check fails at the start and passes after the solution`, async () => {
      expect(await verifyLesson(lesson)).toEqual([]);
    }, 60_000);
  }
});
