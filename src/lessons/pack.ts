// Lesson packs: lessons a teacher writes and hands out without building the app. A pack is one
// JSON file holding a lessons directory's files as text (the same layout as lessons/: track.yaml
// per track, lesson.yaml and Markdown per lesson). It is data only: nothing in it runs in the
// page, and the catalog validates every lesson in it before any is listed. `npm run
// lessons:pack` makes one from a directory; the panel and `?pack=` import it.
import { PACK_MAX_BYTES } from '../shared/lessons';
import { buildCatalog, type LessonFiles } from './catalog';
import type { Lesson } from './types';

export const PACK_FORMAT = 'photon-sim-lesson-pack';
export const PACK_VERSION = 1;

/** What a pack may hold at most: enough for a course, small enough to keep in every browser. */
export const PACK_LIMITS = { bytes: PACK_MAX_BYTES, files: 1000, problems: 30 };

export interface LessonPack {
  /** a slug made from the title: importing a pack with the same title replaces the old one */
  id: string;
  title: string;
  files: LessonFiles;
}

export class PackError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'PackError';
  }
}

const TRACK_FILE = /^[a-z0-9][a-z0-9-]*\/track\.yaml$/;
const LESSON_PART = /^[a-z0-9][a-z0-9-]*\/[a-z0-9][a-z0-9-]*\/[A-Za-z0-9_.-]+\.(ya?ml|json|md)$/;

export function packId(title: string): string {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
  return slug || 'pack';
}

/** Reads a pack file; throws PackError naming what is wrong with the envelope. */
export function parsePack(text: string, name = 'the pack'): LessonPack {
  if (text.length > PACK_LIMITS.bytes) throw new PackError([`${name}: ${text.length} bytes; a pack holds at most ${PACK_LIMITS.bytes}`]);
  let data: unknown;
  try {
    data = JSON.parse(text) as unknown;
  } catch (e) {
    throw new PackError([`${name}: not a lesson pack (not JSON: ${(e as Error).message})`]);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new PackError([`${name}: not a lesson pack (a JSON object is expected)`]);
  const o = data as Record<string, unknown>;
  if (o.format !== PACK_FORMAT) throw new PackError([`${name}: not a lesson pack (field format must be "${PACK_FORMAT}")`]);
  if (typeof o.version !== 'number' || !Number.isInteger(o.version)) throw new PackError([`${name}: field version must be a whole number`]);
  if (o.version > PACK_VERSION) throw new PackError([`${name}: pack version ${o.version} is newer than this app reads (${PACK_VERSION}); update the app`]);
  if (o.version < 1) throw new PackError([`${name}: field version must be 1 or more`]);
  const problems: string[] = [];
  const known = new Set(['format', 'version', 'title', 'files']);
  for (const k of Object.keys(o)) if (!known.has(k)) problems.push(`${name}: unknown field ${k}`);
  if (typeof o.title !== 'string' || !o.title.trim() || o.title.length > 120) problems.push(`${name}: field title must be a text of 1 to 120 characters`);
  if (typeof o.files !== 'object' || o.files === null || Array.isArray(o.files)) {
    problems.push(`${name}: field files must be an object of path: text`);
    throw new PackError(problems);
  }
  const files = new Map<string, string>();
  const entries = Object.entries(o.files as Record<string, unknown>);
  if (entries.length > PACK_LIMITS.files) problems.push(`${name}: ${entries.length} files; a pack holds at most ${PACK_LIMITS.files}`);
  for (const [path, content] of entries.slice(0, PACK_LIMITS.files)) {
    if (!TRACK_FILE.test(path) && !LESSON_PART.test(path)) {
      problems.push(`${name}: files: ${JSON.stringify(path)} is not a lessons path (<track>/track.yaml or <track>/<lesson>/<file>.yaml|.md)`);
    } else if (typeof content !== 'string') {
      problems.push(`${name}: files: ${path} must be text`);
    } else {
      files.set(path, content);
    }
  }
  if (!problems.length && ![...files.keys()].some((p) => TRACK_FILE.test(p))) problems.push(`${name}: holds no track (<track>/track.yaml)`);
  if (problems.length > PACK_LIMITS.problems) problems.splice(PACK_LIMITS.problems, Infinity, `${name}: ${problems.length - PACK_LIMITS.problems} more problems`);
  if (problems.length) throw new PackError(problems);
  const title = (o.title as string).trim();
  return { id: packId(title), title, files };
}

/**
 * Reads a pack and validates every lesson in it (catalog.ts): all of them are taken, or a
 * PackError lists each problem by file, step and field. `earlier(id)`: the lessons installed
 * already, apart from those of the pack with that id (which this one replaces); a lesson may
 * name them as prerequisites, and may not take their ids.
 */
export function importPack(text: string, name: string, earlier: (packId: string) => ReadonlyMap<string, Lesson>): { pack: LessonPack; lessons: Lesson[] } {
  const pack = parsePack(text, name);
  const found = buildCatalog(pack.files, name, earlier(pack.id));
  if (found.problems.length) throw new PackError(found.problems);
  if (!found.lessons.length) throw new PackError([`${name}: holds no lesson`]);
  const lessons = found.lessons.map((l): Lesson => ({ ...l, track: `${pack.id}/${l.track}`, pack: { id: pack.id, title: pack.title } }));
  return { pack, lessons };
}

/** The text of a pack holding `files` (paths as in lessons/). */
export function makePack(title: string, files: LessonFiles): string {
  const sorted = [...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${JSON.stringify({ format: PACK_FORMAT, version: PACK_VERSION, title, files: Object.fromEntries(sorted) }, null, 1)}\n`;
}
