// Reading lessons from disk for the lessons scripts: the app's own lessons/ directory, or a
// teacher's directory laid out the same way.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LessonFiles } from '../src/lessons/catalog';
import { readLessonFiles } from '../src/lessons/files';

export const APP_LESSONS = join(dirname(fileURLToPath(import.meta.url)), '..', 'lessons');

export function readLessonDir(root: string): LessonFiles {
  if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`${root}: no such directory`);
  return readLessonFiles(root, {
    list: (dir) => readdirSync(dir, { withFileTypes: true }).map((e) => ({ name: e.name, dir: e.isDirectory() })),
    read: (path) => readFileSync(path, 'utf8'),
  });
}

export function appLessonFiles(): LessonFiles {
  return readLessonDir(APP_LESSONS);
}
