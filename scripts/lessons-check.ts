// npm run lessons:check [-- LESSON_ID...]: every lesson validates; from its start state every
// check fails (none passes vacuously); after its reference solution, run through the machine's
// bash as root, every check passes. Exit status 1 when anything is wrong.
//
// npm run lessons:check -- --dir DIR | --pack FILE [LESSON_ID...]: the same for a teacher's
// lessons (a directory laid out as lessons/, or a pack from lessons:pack), beside the app's own.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { buildCatalog, type Catalog } from '../src/lessons/catalog';
import { PackError, parsePack } from '../src/lessons/pack';
import { verifyLesson } from '../src/lessons/verify';
import { appLessonFiles, readLessonDir } from './lessons-dir';

function usage(msg: string): never {
  process.stderr.write(`lessons:check: ${msg}\nusage: npm run lessons:check -- [--dir DIR | --pack FILE] [LESSON_ID...]\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
let source: { dir: string } | { pack: string } | undefined;
const only: string[] = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === '--dir' || a === '--pack') {
    const v = args[++i];
    if (!v) usage(`${a} needs a value`);
    if (source) usage('give one --dir or --pack');
    source = a === '--dir' ? { dir: v } : { pack: v };
  } else if (a.startsWith('-')) usage(`unknown option ${a}`);
  else only.push(a);
}

const own = buildCatalog(appLessonFiles());
let catalog: Catalog = own;
const problems: string[] = [];
if (source) {
  // the app's own lessons must be sound for a pack to build on them, but are not re-run
  problems.push(...own.problems);
  try {
    if ('dir' in source) catalog = buildCatalog(readLessonDir(source.dir), source.dir, own.byId);
    else {
      const name = basename(source.pack);
      catalog = buildCatalog(parsePack(readFileSync(source.pack, 'utf8'), name).files, name, own.byId);
    }
  } catch (e) {
    catalog = { lessons: [], byId: new Map(), problems: [] };
    if (e instanceof PackError) problems.push(...e.problems);
    else usage(e instanceof Error ? e.message : String(e));
  }
}
problems.push(...(source ? catalog.problems : []));
if (!source) problems.push(...own.problems);
const lessons = only.length ? catalog.lessons.filter((l) => only.includes(l.id)) : catalog.lessons;
for (const id of only) if (!catalog.byId.has(id)) problems.push(`no lesson ${id}`);
if (source && !catalog.lessons.length && !problems.length) problems.push('no lessons found');
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
