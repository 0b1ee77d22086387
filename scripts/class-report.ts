// npm run report -- FILE.photon... [--pack PACK.json]... [--json OUT] [--csv OUT]: a class's
// progress report from the machines learners exported. Every machine is restored and its
// lesson's checks run on it, so the report says what the machines show, not what a flag says.
// Without --json/--csv the CSV goes to stdout.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { buildCatalog } from '../src/lessons/catalog';
import { parsePack } from '../src/lessons/pack';
import { reportCsv, verifyMachineFile } from '../src/lessons/report';
import type { Lesson } from '../src/lessons/types';
import type { ReportRow } from '../src/shared/lessons';
import { appLessonFiles } from './lessons-dir';

function usage(msg: string): never {
  process.stderr.write(`report: ${msg}\nusage: npm run report -- FILE.photon... [--pack PACK.json]... [--json OUT] [--csv OUT]\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
const files: string[] = [];
const packs: string[] = [];
let json: string | undefined;
let csv: string | undefined;
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === '--pack') packs.push(args[++i] ?? usage('--pack needs a file'));
  else if (a === '--json') json = args[++i] ?? usage('--json needs a file');
  else if (a === '--csv') csv = args[++i] ?? usage('--csv needs a file');
  else if (a.startsWith('-')) usage(`unknown option ${a}`);
  else files.push(a);
}
if (!files.length) usage('no machine files given');

const own = buildCatalog(appLessonFiles());
const lessons = new Map<string, Lesson>(own.byId);
for (const p of packs) {
  const pack = parsePack(readFileSync(p, 'utf8'), basename(p));
  const cat = buildCatalog(pack.files, basename(p), own.byId);
  if (cat.problems.length) usage(`${p}:\n${cat.problems.join('\n')}`);
  for (const l of cat.lessons) lessons.set(l.id, l);
}
const rows: ReportRow[] = [];
for (const f of files) {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(f);
  } catch (e) {
    rows.push({ file: basename(f), learner: '', machine: '', lessonId: '', lessonTitle: '', checksPassed: 0, checksTotal: 0, percent: 0, complete: false, claimedComplete: false, minutes: null, hintsUsed: 0, failing: [], problem: e instanceof Error ? e.message : String(e) });
    continue;
  }
  rows.push(...(await verifyMachineFile(bytes, basename(f), (id) => lessons.get(id))));
  process.stderr.write(`report: ${basename(f)} verified\n`);
}
if (json) writeFileSync(json, `${JSON.stringify(rows, null, 2)}\n`);
if (csv) writeFileSync(csv, reportCsv(rows));
if (!json && !csv) process.stdout.write(reportCsv(rows));
process.exit(0);
