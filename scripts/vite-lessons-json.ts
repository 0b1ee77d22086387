// A Vite plugin for the app's own lessons: bundle.ts imports lessons/**/*.yaml as raw text, and
// this hands Vite the same document as JSON text instead. The worker then reads the bundled
// lessons with JSON.parse and loads the YAML parser only for packs a teacher imports, which
// halves the first lesson list's cost. A file that does not parse is passed on untouched, so
// the app reports it as it would any broken lesson.
import { readFile } from 'node:fs/promises';
import type { Plugin } from 'vite';
import { parse } from 'yaml';

const LESSON_YAML = /[\\/]lessons[\\/].+\.ya?ml\?raw$/;

export function lessonsAsJson(): Plugin {
  return {
    name: 'photon-lessons-as-json',
    enforce: 'pre',
    async load(id) {
      if (!LESSON_YAML.test(id)) return null;
      const file = id.slice(0, id.lastIndexOf('?'));
      const text = await readFile(file, 'utf8');
      this.addWatchFile(file);
      let json: string;
      try {
        json = JSON.stringify(parse(text, { uniqueKeys: true, maxAliasCount: 100 }) as unknown);
      } catch {
        json = text;
      }
      return `export default ${JSON.stringify(json)};`;
    },
  };
}
