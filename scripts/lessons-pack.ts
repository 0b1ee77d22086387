// npm run lessons:pack -- DIR [-o FILE] [--title TITLE]: one lesson-pack file from a directory
// laid out as lessons/ (track.yaml per track; lesson.yaml and Markdown per lesson), for a class
// to import in the app's lesson panel (or to serve beside the app and open with ?pack=FILE).
// The pack is checked as the app will check it; `npm run lessons:check -- --pack FILE` also
// runs each lesson's start state and solution.
import { writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { buildCatalog } from '../src/lessons/catalog';
import { makePack, parsePack } from '../src/lessons/pack';
import { appLessonFiles, readLessonDir } from './lessons-dir';

function usage(msg: string): never {
  process.stderr.write(`lessons:pack: ${msg}\nusage: npm run lessons:pack -- DIR [-o FILE] [--title TITLE]\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
let dir: string | undefined;
let out: string | undefined;
let title: string | undefined;
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === '-o' || a === '--output') out = args[++i] ?? usage(`${a} needs a file`);
  else if (a === '--title') title = args[++i] ?? usage('--title needs a text');
  else if (a.startsWith('-')) usage(`unknown option ${a}`);
  else if (dir) usage('give one directory');
  else dir = a;
}
if (!dir) usage('no directory given');
title ??= basename(resolve(dir));
let files;
try {
  files = readLessonDir(dir);
} catch (e) {
  usage(e instanceof Error ? e.message : String(e));
}
const text = makePack(title, files);
const pack = parsePack(text, out ?? 'the pack');
const catalog = buildCatalog(pack.files, dir, buildCatalog(appLessonFiles()).byId);
if (catalog.problems.length) {
  process.stderr.write(`${catalog.problems.join('\n')}\n\nlessons:pack: ${catalog.problems.length} problem(s); no pack written\n`);
  process.exit(1);
}
if (out) writeFileSync(out, text);
else process.stdout.write(text);
process.stderr.write(`lessons:pack: "${title}": ${catalog.lessons.length} lesson(s) in ${new Set(catalog.lessons.map((l) => l.track)).size} track(s)${out ? ` -> ${out}` : ''}\n`);
