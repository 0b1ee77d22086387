// Reading a lessons directory from a file system (the lessons:check script, tests, a teacher's
// pack on disk) into the same map the app's bundle gives. The reader is passed in, so this
// module needs no Node types and stays usable in the worker.
import type { LessonFiles } from './catalog';

export interface DirReader {
  /** entries of a directory: names, and whether each is a directory */
  list(dir: string): { name: string; dir: boolean }[];
  read(path: string): string;
}

const WANTED = /\.(ya?ml|json|md)$/;

export function readLessonFiles(root: string, reader: DirReader): LessonFiles {
  const files = new Map<string, string>();
  const walk = (rel: string, depth: number): void => {
    if (depth > 3) return;
    for (const e of reader.list(rel ? `${root}/${rel}` : root)) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.dir) walk(path, depth + 1);
      else if (WANTED.test(e.name) && path !== 'schema.json' && path !== 'README.md') files.set(path, reader.read(`${root}/${path}`));
    }
  };
  walk('', 0);
  return files;
}
