// A Vite plugin that puts the bundler's tiny shared helper chunk (rolldown's runtime: the
// namespace-object helper the lazily loaded chunks share with the worker's entry) into the
// worker's entry itself. Otherwise the worker, once it has compiled its 600 KB, fetches a
// 150-byte file before it can run anything: one more round trip (7-9 ms measured, more on a
// busy machine) on the way to the first prompt. Rolldown does not let a code-splitting group
// take its runtime module, so this rewrites the built entry: the import becomes a block that
// defines the same bindings. The lazy chunks keep importing the shared file; each copy is a
// pure helper, so two of them change nothing.
import type { Plugin } from 'vite';

/** Largest chunk inlined (bytes): only helper chunks, never real code. */
const TINY = 2048;

/** `import{t as e,n}from"./x.js";` at a chunk's start: the specifiers and the file. */
const IMPORT = /^import\{([\w$ ,]+)\}from"\.\/([\w.-]+\.js)";\n?/;
/** The helper chunk's one export statement, at its end. */
const EXPORT = /export\{([\w$ ,]+)\};?\s*$/;

function pairs(list: string): [string, string][] {
  return list.split(',').map((s) => {
    const [a, b] = s.trim().split(/\s+as\s+/);
    return [a!, b ?? a!];
  });
}

/**
 * `entry` with its leading import of `helperFile` replaced by the helper's code, or undefined
 * when the shapes are not the ones this knows (then nothing is changed).
 */
export function inlineHelperImport(entry: string, helperFile: string, helper: string): string | undefined {
  const imp = IMPORT.exec(entry);
  if (!imp || imp[2] !== helperFile) return undefined;
  const exp = EXPORT.exec(helper);
  if (!exp || /\bimport\b/.test(helper)) return undefined;
  // exported name -> the helper's local name
  const exported = new Map(pairs(exp[1]!).map(([local, name]) => [name, local]));
  const wanted = pairs(imp[1]!);
  if (!wanted.every(([name]) => exported.has(name))) return undefined;
  const body = helper.slice(0, exp.index).trim();
  const returned = wanted.map(([name]) => `${name}:${exported.get(name)}`).join(',');
  const bound = wanted.map(([name, local]) => (name === local ? name : `${name}:${local}`)).join(',');
  return `const{${bound}}=(()=>{${body}${body.endsWith(';') ? '' : ';'}return{${returned}}})();\n${entry.slice(imp[0].length)}`;
}

export function inlineHelperChunks(): Plugin {
  return {
    name: 'photon-inline-helper-chunks',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !chunk.isEntry) continue;
        for (const file of [...chunk.imports]) {
          const helper = bundle[file];
          if (!helper || helper.type !== 'chunk' || helper.code.length > TINY || helper.imports.length) continue;
          const name = file.split('/').pop()!;
          const code = inlineHelperImport(chunk.code, name, helper.code);
          if (code === undefined) {
            this.warn(`${chunk.fileName} still imports ${file}: its import is not of a shape this plugin knows`);
            continue;
          }
          chunk.code = code;
          chunk.imports = chunk.imports.filter((f) => f !== file);
        }
      }
    },
  };
}
