// npm run lessons:check [-- LESSON_ID...]: every lesson validates; from its start state every
// check fails (none passes vacuously); after its reference solution, run through the machine's
// bash as root, every check passes. Exit status 1 when anything is wrong.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCatalog } from '../src/lessons/catalog';
import { readLessonFiles } from '../src/lessons/files';
import { verifyLesson } from '../src/lessons/verify';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'lessons');
const files = readLessonFiles(root, {
  list: (dir) => readdirSync(dir, { withFileTypes: true }).map((e) => ({ name: e.name, dir: e.isDirectory() })),
  read: (path) => readFileSync(path, 'utf8'),
});
const catalog = buildCatalog(files);
const problems = [...catalog.problems];
const only = process.argv.slice(2);
const lessons = only.length ? catalog.lessons.filter((l) => only.includes(l.id)) : catalog.lessons;
for (const id of only) if (!catalog.byId.has(id)) problems.push(`no lesson ${id}`);
for (const lesson of lessons) {
  const t0 = performance.now();
  const found = await verifyLesson(lesson);
  const ms = Math.round(performance.now() - t0);
  process.stdout.write(`${found.length ? 'FAIL' : 'ok  '} ${lesson.track}/${lesson.id} (${lesson.steps.flatMap((s) => s.checks).length} checks, ${ms} ms)\n`);
  problems.push(...found);
}
if (problems.length) {
  process.stderr.write(`\n${problems.join('\n')}\n\nlessons:check: ${problems.length} problem(s)\n`);
  process.exit(1);
}
process.stdout.write(`lessons:check: ${lessons.length} lesson(s) sound\n`);
// stray timers of the machines must not keep the process alive
process.exit(0);
