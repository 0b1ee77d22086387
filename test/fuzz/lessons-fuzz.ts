// Fuzzing the lesson loader: the bundled lessons (lessons/*/lesson.yaml, track.yaml, Markdown)
// and lesson packs (LessonController.importPack) mutated by bytes, lines and structure (types
// changed, keys deleted or duplicated, huge values, deep nesting, YAML anchor/alias bombs,
// prototype keys, files removed or renamed). The loader must answer with its problem list: it
// must not throw anything but a PackError, not hang, not print a JavaScript error as a
// problem, and a lesson it accepts must hold what the engine relies on (its checks evaluate on a
// machine without a JavaScript error).
import { parse as parseYaml, stringify as toYaml } from 'yaml';
import { Machine } from '../../src/kernel/machine';
import { buildCatalog, summaryOf, type LessonFiles } from '../../src/lessons/catalog';
import { EvalContext, evaluate } from '../../src/lessons/checks';
import { MachineHost } from '../../src/lessons/machine-host';
import { importPack, makePack, PackError, parsePack } from '../../src/lessons/pack';
import { setupCommands } from '../../src/lessons/setup';
import type { CheckSpec, Lesson } from '../../src/lessons/types';
import { appLessonFiles } from '../../scripts/lessons-dir';
import { knownBug } from './known';
import { caseSeed, count, describeError, Gen, leaks, newReport, within, type RunOptions, type TargetReport } from './lib';
import { mutateBytes, mutateLines, mutateTree, replacement, type Json } from './mutate';

/** The longest one load may take (a YAML bomb or a quadratic parse shows up here). */
const SLOW_MS = 3000;

const YAML_JUNK = [
  '- ', ': ', 'key: value', 'id: other', 'steps: []', 'steps: {}', 'checks: ~', 'kind: nosuch', 'kind: all', 'minutes: -1', 'minutes: 1e309', 'minutes: .nan', 'minutes: 0x10',
  'title: ~', 'title: null', 'title: ""', 'title: [a, b]', 'order: 1.5', 'lessons: [nonexistent]', 'prerequisites: [filesystem, filesystem]', 'solution: "not a list"',
  '&a', '*a', '*undefined_alias', '<<: *a', '<<: {x: 1}', '!!str', '!!binary aGk=', '!!js/function "x"', '!custom x', '!!python/object:os.system', '? complex', '? [a, b]\n: c',
  '|', '>-', '|+9', '"unterminated', "'", '{', '[', '}', ']', '---', '...', '%YAML 1.1', '%YAML 9.9', '%TAG ! tag:x,2000:', '\t', '\u0000', '\ufeff', '#', '@', '`',
  '__proto__: {polluted: true}', 'constructor: {prototype: {x: 1}}', 'matches: "("', 'stdoutMatches: "[z-a]"', 'matches: "(a+)+$"', 'path: ""', 'path: /etc/../../x',
  `title: ${'x'.repeat(100_000)}`, 'text: ../../../etc/passwd', 'text: intro.md', 'intro: nosuch.md', 'hints: []', 'hints: [""]', 'id: "a b"', 'id: UPPER',
];

function lessonPaths(files: LessonFiles, ext: RegExp): string[] {
  return [...files.keys()].filter((p) => ext.test(p)).sort();
}

// ---- bombs ----

function billionLaughs(levels: number, width: number): string {
  let s = 'a0: &a0 ["lol"]\n';
  for (let i = 1; i <= levels; i++) s += `a${i}: &a${i} [${Array.from({ length: width }, () => `*a${i - 1}`).join(', ')}]\n`;
  return `${s}id: *a${levels}\n`;
}

function bomb(g: Gen): { text: string; what: string } {
  switch (g.below(8)) {
    case 0: return { text: billionLaughs(9, 9), what: 'billion laughs (9x9 aliases)' };
    case 1: return { text: billionLaughs(30, 2), what: 'billion laughs (30x2 aliases)' };
    case 2: { const n = g.pick([1000, 20_000, 200_000]); return { text: `${'['.repeat(n)}${']'.repeat(n)}`, what: `${n} nested flow sequences` }; }
    case 3: { const n = g.pick([1000, 10_000]); return { text: Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n'), what: `${n} nested mappings` }; }
    case 4: return { text: 'a: &a\n  b: *a\nid: *a\n', what: 'an alias to its own ancestor (a cycle)' };
    case 5: return { text: `id: "${'\\u0041'.repeat(200_000)}"`, what: 'a long escaped string' };
    case 6: { const n = g.pick([10_000, 100_000]); return { text: Array.from({ length: n }, (_, i) => `k${i}: ${i}`).join('\n'), what: `${n} keys` }; }
    default: { const n = g.pick([1000, 50_000]); return { text: `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`, what: `${n} nested JSON objects` }; }
  }
}

// ---- one case ----

interface LessonCase {
  files: Map<string, string>;
  what: string;
  /** as a pack (importPack) rather than the app's own lessons */
  pack?: string;
}

function mutateText(g: Gen, text: string, yaml: boolean): { text: string; what: string } {
  const r = g.below(10);
  if (r < 4) {
    const m = mutateLines(g, text, YAML_JUNK);
    return { text: m.text, what: m.what.join('; ') };
  }
  if (r < 6) {
    const m = mutateBytes(g, new TextEncoder().encode(text));
    return { text: new TextDecoder().decode(m.bytes), what: m.what.join('; ') };
  }
  if (r < 9 && yaml) {
    let data: Json;
    try {
      data = parseYaml(text) as Json;
    } catch {
      return { text, what: 'unchanged (did not parse)' };
    }
    const m = mutateTree(g, data);
    const json = g.chance(0.5);
    let out: string | undefined;
    try {
      out = json ? JSON.stringify(m.data) : toYaml(m.data, { aliasDuplicateObjects: false });
    } catch {
      // too deep for the serialiser itself: the same depth written by hand
      out = `${'['.repeat(2000)}${']'.repeat(2000)}`;
    }
    return { text: out ?? 'null', what: `${m.what} (as ${json ? 'JSON' : 'YAML'})` };
  }
  const b = bomb(g);
  // the bomb replaces the file, or rides along at its end
  return g.chance(0.5) ? b : { text: `${text}\n${b.text}`, what: `${b.what} appended` };
}

function mutateFileSet(g: Gen, files: Map<string, string>): string {
  const paths = [...files.keys()];
  if (!paths.length) return 'nothing (no file left)';
  const p = g.pick(paths);
  switch (g.below(6)) {
    case 0:
      files.delete(p);
      return `${p} removed`;
    case 1: {
      // a lesson directory copied under another name (ids twice, a lesson no track lists)
      const dir = p.split('/').slice(0, 2).join('/');
      const to = `${dir}-copy`;
      for (const q of paths) if (q.startsWith(`${dir}/`)) files.set(q.replace(dir, to), files.get(q)!);
      return `${dir} copied to ${to}`;
    }
    case 2: {
      const lesson = paths.find((q) => q.endsWith('/lesson.yaml'));
      if (lesson) files.set(lesson.replace('lesson.yaml', 'lesson.json'), '{"id": 1}');
      return `a lesson.json beside ${lesson}`;
    }
    case 3: {
      const lessons = paths.filter((q) => q.endsWith('lesson.yaml'));
      files.set('orphan/lost/lesson.yaml', lessons.length ? (files.get(g.pick(lessons)) ?? '') : 'id: lost');
      return 'a lesson in a track without track.yaml';
    }
    case 4: {
      const tracks = paths.filter((q) => q.endsWith('track.yaml'));
      if (!tracks.length) return 'nothing (no track left)';
      const track = g.pick(tracks);
      files.set(track, `${files.get(track)}\n  - ${g.pick(['nonexistent', 'filesystem', '../basics/filesystem', ''])}`);
      return `${track} lists one more lesson`;
    }
    default:
      files.set(`${p.split('/')[0]}/track.yaml`, 'title: T\norder: 1\nlessons: []\n');
      return `${p.split('/')[0]}/track.yaml emptied`;
  }
}

/** A pack made of one bundled track, its lessons renamed so their ids are new. */
function packFiles(g: Gen, files: LessonFiles): Map<string, string> {
  const tracks = [...new Set([...files.keys()].map((p) => p.split('/')[0]!))].sort();
  const track = g.pick(tracks);
  const out = new Map<string, string>();
  const rename = (s: string): string => s.replace(/^id: ([\w-]+)/m, 'id: pack-$1').replace(/^ {2}- ([\w-]+)$/gm, '  - pack-$1').replace(/^prerequisites:.*$/m, '');
  for (const [p, text] of files) {
    const parts = p.split('/');
    if (parts[0] !== track) continue;
    const np = parts.length === 3 ? `pack-${track}/pack-${parts[1]}/${parts[2]}` : `pack-${track}/${parts[1]}`;
    out.set(np, /\.(ya?ml)$/.test(p) ? rename(text) : text);
  }
  return out;
}

function makeCase(g: Gen, base: LessonFiles): LessonCase {
  const asPack = g.chance(0.3);
  const files = new Map(asPack ? packFiles(g, base) : base);
  const whats: string[] = [];
  const n = 1 + (g.chance(0.3) ? g.below(3) : 0);
  for (let i = 0; i < n; i++) {
    if (g.chance(0.15)) {
      whats.push(mutateFileSet(g, files));
      continue;
    }
    const yamls = lessonPaths(files, /\.ya?ml$/);
    const mds = lessonPaths(files, /\.md$/);
    if (!yamls.length && !mds.length) break;
    const p = (g.chance(0.85) && yamls.length) || !mds.length ? g.pick(yamls) : g.pick(mds);
    const m = mutateText(g, files.get(p) ?? '', /\.ya?ml$/.test(p));
    files.set(p, m.text);
    whats.push(`${p}: ${m.what}`);
  }
  const c: LessonCase = { files, what: whats.join(' | ') };
  if (asPack) {
    let text = makePack('Fuzz pack', files);
    if (g.chance(0.35)) {
      // the envelope itself damaged
      const r = g.below(4);
      if (r === 0) {
        const m = mutateBytes(g, new TextEncoder().encode(text));
        text = new TextDecoder().decode(m.bytes);
        c.what += ` | pack bytes: ${m.what.join('; ')}`;
      } else {
        const env = JSON.parse(text) as Record<string, Json>;
        const key = g.pick(['format', 'version', 'title', 'files', 'extra']);
        const v = g.chance(0.2) ? Object.fromEntries(Array.from({ length: 1200 }, (_, i) => [`t${i}/track.yaml`, 'title: x'])) : replacement(g);
        env[key] = v;
        text = JSON.stringify(env);
        c.what += ` | pack ${key} = ${JSON.stringify(v).slice(0, 60)}`;
      }
    }
    c.pack = text;
  }
  return c;
}

// ---- what an accepted lesson must hold ----

function walk(c: CheckSpec, fn: (c: CheckSpec) => void, depth = 0): void {
  if (depth > 64) throw new Error('checks nested more than 64 deep were accepted');
  fn(c);
  if (c.kind === 'all' || c.kind === 'any') for (const x of c.checks) walk(x, fn, depth + 1);
  if (c.kind === 'not') walk(c.check, fn, depth + 1);
}

function invariants(l: Lesson, files: ReadonlyMap<string, string>, root: string): string[] {
  const bad: string[] = [];
  const dir = l.dir.slice(root.length + 1);
  if (typeof l.id !== 'string' || l.id !== dir.split('/')[1]) bad.push(`id ${JSON.stringify(l.id)} is not its directory ${dir}`);
  if (typeof l.title !== 'string' || !l.title.trim()) bad.push('no title');
  if (!Array.isArray(l.steps) || !l.steps.length) bad.push('no steps');
  if (!Array.isArray(l.solution) || !l.solution.every((s) => typeof s === 'string')) bad.push('a solution that is not a list of commands');
  if (!files.has(`${dir}/${l.intro}`)) bad.push(`intro ${l.intro} is missing`);
  const ids = new Set<string>();
  for (const s of l.steps ?? []) {
    if (!files.has(`${dir}/${s.text}`)) bad.push(`step text ${s.text} is missing`);
    if (!Array.isArray(s.checks) || !s.checks.length) bad.push(`step ${s.title} has no checks`);
    for (const c of s.checks ?? []) {
      if (typeof c.id !== 'string' || ids.has(c.id)) bad.push(`check id ${JSON.stringify(c.id)} missing or twice`);
      ids.add(c.id);
      walk(c, (x) => {
        const re = x.kind === 'file' ? x.matches : x.kind === 'command' ? x.stdoutMatches : undefined;
        if (re !== undefined) {
          try {
            new RegExp(re, 'm');
          } catch {
            bad.push(`a bad regular expression ${re} was accepted`);
          }
        }
      });
    }
  }
  if (Object.getPrototypeOf(l) !== Object.prototype) bad.push('the lesson object has a changed prototype');
  if (({} as Record<string, unknown>).polluted !== undefined) bad.push('Object.prototype was polluted');
  try {
    setupCommands(l.setup);
    summaryOf(l);
  } catch (e) {
    bad.push(`setupCommands or summaryOf threw ${describeError(e)}`);
  }
  return bad;
}

// ---- the target ----

export async function fuzzLessons(opts: RunOptions): Promise<TargetReport> {
  const report = newReport('lessons');
  const t0 = performance.now();
  const base = appLessonFiles();
  const original = buildCatalog(base);
  if (original.problems.length) throw new Error(`the bundled lessons do not load: ${original.problems.join('; ')}`);
  const originalText = new Map(original.lessons.map((l) => [l.id, JSON.stringify(l)]));
  let machine: Machine | undefined;
  const first = opts.first ?? 0;
  for (let index = first; index < first + opts.count; index++) {
    const g = new Gen(caseSeed('lessons', opts.seed, index));
    const c = makeCase(g, base);
    opts.onCase?.(index, c.what);
    if (opts.verbose) console.log(`[${index}] ${c.what.slice(0, 300)}`);
    const fail = (why: string): void => {
      const f = { target: 'lessons', seed: opts.seed, index, input: c.what, why };
      (knownBug(f) ? report.known : report.failures).push(f);
    };
    report.runs++;
    const started = performance.now();
    let accepted: Lesson[] = [];
    let problems: string[] = [];
    let root = 'lessons';
    try {
      if (c.pack !== undefined) {
        root = 'fuzz.json';
        count(report, 'packs');
        try {
          accepted = importPack(c.pack, root, () => original.byId).lessons;
          count(report, 'packs accepted');
        } catch (e) {
          if (!(e instanceof PackError)) throw e;
          problems = e.problems;
          if (!problems.length) fail('a PackError without problems');
        }
      } else {
        const cat = buildCatalog(c.files);
        problems = cat.problems;
        // accepted and changed: what the engine will run
        accepted = cat.lessons.filter((l) => originalText.get(l.id) !== JSON.stringify(l));
      }
    } catch (e) {
      fail(`the loader threw ${describeError(e)}`);
      continue;
    }
    const ms = performance.now() - started;
    if (ms > SLOW_MS) fail(`the load took ${Math.round(ms)} ms`);
    if (problems.length) count(report, 'refused with problems');
    for (const p of problems) {
      if (typeof p !== 'string' || !p.trim()) fail(`a problem that is not a message: ${JSON.stringify(p)}`);
      for (const l of leaks(p, c.what)) fail(`problem ${JSON.stringify(p.slice(0, 200))}: ${l}`);
      if (p.length > 2000) fail(`a problem ${p.length} characters long: ${JSON.stringify(p.slice(0, 120))}...`);
    }
    if (problems.length > 2000) fail(`${problems.length} problems for one case`);
    for (const l of accepted) {
      count(report, 'changed lessons accepted');
      for (const b of invariants(l, c.pack !== undefined ? parsePack(c.pack, root).files : c.files, root)) fail(`accepted ${l.id}: ${b}`);
      // its checks, on a machine, must evaluate without a JavaScript error
      machine ??= await bootChecker();
      const ctx = new EvalContext(new MachineHost(machine));
      for (const check of l.steps.flatMap((s) => s.checks)) {
        const o = await within(20_000, evaluate(ctx, check).catch((e: unknown) => ({ passed: false, message: `threw ${describeError(e)}` })));
        if (o === 'timeout') {
          fail(`accepted ${l.id}: check ${check.id} did not finish evaluating`);
          machine = undefined;
          break;
        }
        if (o.message.startsWith('threw ')) fail(`accepted ${l.id}: check ${check.id} ${o.message}`);
        for (const x of leaks(o.message, JSON.stringify(check))) fail(`accepted ${l.id}: check ${check.id} says ${JSON.stringify(o.message.slice(0, 200))}: ${x}`);
      }
    }
  }
  report.ms = performance.now() - t0;
  return report;
}

async function bootChecker(): Promise<Machine> {
  const m = new Machine({ clock: 'skip' });
  await m.booted;
  return m;
}
