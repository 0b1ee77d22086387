// The lesson side of the worker's API: the catalog (loaded the first time it is asked for),
// starting a lesson on a fresh machine in its start state, the live progress and its listeners,
// hints, the solution and the state inspector. The worker imports this module lazily, so the
// lesson data, the YAML parser and the validator stay off the boot path.
import type { Machine } from '../kernel/machine';
import type { LessonStatus, LessonSummary, MachineState, PackInfo } from '../shared/lessons';
import { bundledLessonFiles } from './bundle';
import { buildCatalog, summaryOf, type Catalog } from './catalog';
import { PackError, parsePack, type LessonPack } from './pack';
import type { Lesson } from './types';
import { MachineHost, rootShell } from './machine-host';
import { LessonRunner } from './runner';
import { LessonSession } from './session';
import { applySetup } from './setup';
import { machineState } from './state';

export interface ControllerDeps {
  /** the machine the console shows now */
  current(): Machine;
  /** a fresh machine: services starting at once, console output going nowhere yet */
  fresh(): Machine;
  /** makes `m` the console's machine (its output to the page) and retires the old one */
  swap(m: Machine): void;
  /** shuts down a machine that will not be used (its services stop, its timers end) */
  retire(m: Machine): void;
}

type Listener = (status: LessonStatus | null) => void;

export class LessonController {
  private catalogCache: Catalog | undefined;
  /** imported packs in import order, each with its validated lessons */
  private readonly packs = new Map<string, { pack: LessonPack; lessons: Lesson[] }>();
  private session: LessonSession | undefined;
  private runner: LessonRunner | undefined;
  private readonly listeners = new Set<Listener>();
  /** bumped by every startLesson, so a slower earlier start gives way to a later one */
  private generation = 0;

  constructor(
    private readonly deps: ControllerDeps,
    private readonly files = bundledLessonFiles,
  ) {}

  catalog(): Catalog {
    if (!this.catalogCache) {
      this.catalogCache = buildCatalog(this.files());
      // a broken lesson is left out of the list; say why where a developer will see it
      for (const p of this.catalogCache.problems) console.warn(`lessons: ${p}`);
    }
    return this.catalogCache;
  }

  /** The app's lessons, then each imported pack's. */
  lessons(): LessonSummary[] {
    return [...this.catalog().lessons, ...[...this.packs.values()].flatMap((p) => p.lessons)].map(summaryOf);
  }

  private find(id: string): Lesson | undefined {
    const own = this.catalog().byId.get(id);
    if (own) return own;
    for (const p of this.packs.values()) for (const l of p.lessons) if (l.id === id) return l;
    return undefined;
  }

  /**
   * Imports a lesson pack (pack.ts): every lesson in it must validate, or none is taken and the
   * error lists each problem by file, step and field. A pack with the same title replaces the
   * one imported before. `name` (the file's name) labels the problems.
   */
  importPack(text: string, name: string): PackInfo {
    const pack = parsePack(text, name);
    const earlier = new Map(this.catalog().byId);
    for (const [id, p] of this.packs) if (id !== pack.id) for (const l of p.lessons) earlier.set(l.id, l);
    const found = buildCatalog(pack.files, name, earlier);
    if (found.problems.length) throw new PackError(found.problems);
    if (!found.lessons.length) throw new PackError([`${name}: holds no lesson`]);
    const lessons = found.lessons.map((l): Lesson => ({ ...l, track: `${pack.id}/${l.track}`, pack: { id: pack.id, title: pack.title } }));
    this.packs.set(pack.id, { pack, lessons });
    return { id: pack.id, title: pack.title, lessons: lessons.map((l) => l.id) };
  }

  /** Forgets an imported pack (a lesson of it that is running goes on until another starts). */
  removePack(id: string): void {
    if (!this.packs.delete(id)) throw new Error(`no lesson pack ${id}`);
  }

  packList(): PackInfo[] {
    return [...this.packs.values()].map(({ pack, lessons }) => ({ id: pack.id, title: pack.title, lessons: lessons.map((l) => l.id) }));
  }

  async start(id: string | null): Promise<LessonStatus | null> {
    const lesson = id === null ? undefined : this.find(id);
    if (id !== null && !lesson) throw new Error(`no lesson ${id}`);
    const gen = ++this.generation;
    const m = this.deps.fresh();
    try {
      await m.booted;
      if (lesson) await applySetup(lesson.setup, rootShell(m));
      if (gen !== this.generation) throw new Error('another lesson was started meanwhile');
    } catch (e) {
      this.deps.retire(m);
      throw e;
    }
    this.runner?.stop();
    this.runner = undefined;
    this.session = undefined;
    this.deps.swap(m);
    if (!lesson) {
      this.emit(null);
      return null;
    }
    const session = new LessonSession(lesson, new MachineHost(m), () => m.kernel.clock.now());
    this.session = session;
    this.runner = new LessonRunner(m, session, (s) => this.emit(s));
    await this.runner.start();
    return session.status();
  }

  status(): LessonStatus | null {
    return this.session?.status() ?? null;
  }

  watch(listener: Listener): void {
    this.listeners.add(listener);
  }

  private emit(status: LessonStatus | null): void {
    for (const l of this.listeners) {
      try {
        const r = l(status) as unknown;
        // a comlink proxy answers with a promise; a closed page rejects it
        if (r instanceof Promise) r.catch(() => this.listeners.delete(l));
      } catch {
        this.listeners.delete(l);
      }
    }
  }

  nextHint(checkId: string): LessonStatus {
    const s = this.session;
    if (!s) throw new Error('no lesson is running');
    if (!s.hasCheck(checkId)) throw new Error(`no check ${checkId} in this lesson`);
    s.nextHint(checkId);
    this.runner?.resend();
    return s.status();
  }

  solution(): string[] {
    if (!this.session) throw new Error('no lesson is running');
    return [...this.session.lesson.solution];
  }

  machineState(): Promise<MachineState> {
    return machineState(this.deps.current());
  }
}
