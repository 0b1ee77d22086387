/// <reference types="vite/client" />
// The lessons bundled into the app: Vite reads lessons/**/*.{yaml,yml,json,md} at build time as
// raw strings. Only the lesson controller imports this module, and the worker imports that one
// lazily, so none of it is on the boot path. Node scripts read the same files from disk instead
// (files.ts).
import type { LessonFiles } from './catalog';

const raw = import.meta.glob(['../../lessons/**/*.yaml', '../../lessons/**/*.yml', '../../lessons/**/*.json', '../../lessons/**/*.md', '!../../lessons/schema.json', '!../../lessons/README.md'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

const PREFIX = '../../lessons/';

export function bundledLessonFiles(): LessonFiles {
  const files = new Map<string, string>();
  for (const [path, text] of Object.entries(raw)) if (path.startsWith(PREFIX)) files.set(path.slice(PREFIX.length), text);
  return files;
}
