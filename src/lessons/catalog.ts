// The lesson catalog: every track and lesson found in a set of files laid out as the lessons/
// directory is (track.yaml per track, lesson.yaml or lesson.json plus Markdown per lesson),
// validated and put in curriculum order. The files come from the app's bundle (bundle.ts), from
// disk (the lessons:check script) or from a teacher's pack (pack.ts): the catalog does not care.
import type { LessonSummary } from '../shared/lessons';
import type { Lesson } from './types';
import { LessonError, MAX_PROBLEMS, parseLesson, parseTrack } from './validate';

/** Path relative to the lessons directory ("network/static-ip/lesson.yaml") -> text. */
export type LessonFiles = ReadonlyMap<string, string>;

export interface Catalog {
  /** in curriculum order: tracks by their order, lessons as each track lists them */
  lessons: Lesson[];
  byId: Map<string, Lesson>;
  /** what was wrong with the files; a broken lesson is left out, the rest still load */
  problems: string[];
}

const LESSON_FILES = ['lesson.yaml', 'lesson.yml', 'lesson.json'];

/**
 * `earlier`: lessons that exist already (the app's own, when reading a pack): a lesson may name
 * them as prerequisites, and may not take their ids.
 */
export function buildCatalog(files: LessonFiles, root = 'lessons', earlier?: ReadonlyMap<string, Lesson>): Catalog {
  const problems: string[] = [];
  const trackDirs = new Set<string>();
  const lessonDirs = new Map<string, string>();
  for (const path of files.keys()) {
    const parts = path.split('/');
    if (parts.length === 2 && parts[1] === 'track.yaml') trackDirs.add(parts[0]!);
    if (parts.length === 3 && LESSON_FILES.includes(parts[2]!)) {
      const dir = `${parts[0]}/${parts[1]}`;
      if (lessonDirs.has(dir)) problems.push(`${root}/${dir}: more than one lesson file`);
      else lessonDirs.set(dir, path);
    }
  }
  const tracks: { dir: string; title: string; order: number; lessons: string[] }[] = [];
  for (const dir of trackDirs) {
    try {
      const t = parseTrack(`${root}/${dir}/track.yaml`, files.get(`${dir}/track.yaml`)!);
      tracks.push({ dir, title: t.title, order: t.order, lessons: t.lessons });
    } catch (e) {
      problems.push(...(e instanceof LessonError ? e.problems : [String(e)]));
    }
  }
  tracks.sort((a, b) => a.order - b.order || (a.dir < b.dir ? -1 : 1));
  for (const dir of lessonDirs.keys()) {
    const [track] = dir.split('/');
    if (!trackDirs.has(track!)) problems.push(`${root}/${dir}: the track ${track} has no track.yaml`);
  }
  const lessons: Lesson[] = [];
  const byId = new Map<string, Lesson>();
  for (const track of tracks) {
    for (const name of track.lessons) {
      const dir = `${track.dir}/${name}`;
      const path = lessonDirs.get(dir);
      if (!path) {
        problems.push(`${root}/${track.dir}/track.yaml: lists ${name}, but ${root}/${dir} has no lesson.yaml`);
        continue;
      }
      lessonDirs.delete(dir);
      const exists = (f: string): boolean => files.has(`${dir}/${f}`);
      try {
        const file = parseLesson(`${root}/${path}`, files.get(path)!, name, exists);
        if (byId.has(file.id)) {
          problems.push(`${root}/${path}: the lesson id ${file.id} is used twice`);
          continue;
        }
        if (earlier?.has(file.id)) {
          problems.push(`${root}/${path}: the lesson id ${file.id} is taken by a lesson already installed (${earlier.get(file.id)!.title})`);
          continue;
        }
        const lesson: Lesson = {
          ...file,
          track: track.dir,
          trackTitle: track.title,
          dir: `${root}/${dir}`,
          introMarkdown: files.get(`${dir}/${file.intro}`) ?? '',
          stepMarkdown: file.steps.map((s) => files.get(`${dir}/${s.text}`) ?? ''),
        };
        lessons.push(lesson);
        byId.set(lesson.id, lesson);
      } catch (e) {
        problems.push(...(e instanceof LessonError ? e.problems : [`${root}/${path}: ${String(e)}`]));
      }
    }
  }
  for (const dir of lessonDirs.keys()) {
    const track = dir.split('/')[0]!;
    if (tracks.some((t) => t.dir === track)) problems.push(`${root}/${track}/track.yaml: does not list the lesson ${dir.split('/')[1]}`);
  }
  // a prerequisite must be a lesson that comes earlier
  const seen = new Set<string>();
  for (const l of lessons) {
    const mine: string[] = [];
    for (const p of l.prerequisites ?? []) {
      if (earlier?.has(p)) continue;
      if (!byId.has(p)) mine.push(`${l.dir}/lesson.yaml: field prerequisites: no lesson ${p}`);
      else if (!seen.has(p)) mine.push(`${l.dir}/lesson.yaml: field prerequisites: ${p} comes after this lesson`);
    }
    if (mine.length > MAX_PROBLEMS) mine.splice(MAX_PROBLEMS, Infinity, `${l.dir}/lesson.yaml: field prerequisites: ${mine.length - MAX_PROBLEMS} more problems`);
    problems.push(...mine);
    seen.add(l.id);
  }
  return { lessons, byId, problems };
}

export function summaryOf(l: Lesson): LessonSummary {
  const s: LessonSummary = { id: l.id, track: l.track, trackTitle: l.trackTitle, title: l.title, summary: l.summary, minutes: l.minutes, prerequisites: [...(l.prerequisites ?? [])] };
  if (l.pack) s.pack = { ...l.pack };
  return s;
}
