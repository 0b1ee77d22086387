// The lesson side of the worker's API: the catalog (loaded the first time it is asked for),
// opening a lesson on its own machine (the one kept for it, or a fresh one in its start state),
// the live progress and its listeners, hints, the solution and the state inspector. Machines
// come from the workspace (src/host/workspace.ts), which keeps them. The worker imports this
// module lazily, so the lesson data, the YAML parser and the validator stay off the boot path.
import type { Workspace } from '../host/workspace';
import type { LessonStatus, LessonSummary, MachineState, PackInfo, ReportRow, SessionState } from '../shared/lessons';
import { bundledLessonFiles } from './bundle';
import { buildCatalog, summaryOf, type Catalog } from './catalog';
import { MachineHost, rootShell } from './machine-host';
import { importPack, type LessonPack } from './pack';
import { LessonRunner } from './runner';
import { LessonSession } from './session';
import { applySetup } from './setup';
import { machineState } from './state';
import type { Lesson } from './types';

type Listener = (status: LessonStatus | null) => void;

export class LessonController {
  private catalogCache: Catalog | undefined;
  /** imported packs in import order, each with its validated lessons */
  private readonly packs = new Map<string, { pack: LessonPack; lessons: Lesson[] }>();
  private session: LessonSession | undefined;
  private runner: LessonRunner | undefined;
  /** the machine the session watches */
  private sessionMachine: unknown;
  private readonly listeners = new Set<Listener>();
  /** bumped by every start, so a slower earlier start gives way to a later one */
  private generation = 0;

  constructor(
    private readonly ws: Workspace,
    private readonly files = bundledLessonFiles,
  ) {
    ws.sessionState = () => this.session?.state();
    ws.currentStep = () => {
      const st = this.session?.status();
      if (!st) return undefined;
      const i = st.steps.findIndex((x) => !x.done);
      return i < 0 ? st.steps.length : i;
    };
  }

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
    const { pack, lessons } = importPack(text, name, (packId) => {
      const earlier = new Map(this.catalog().byId);
      for (const [id, p] of this.packs) if (id !== packId) for (const l of p.lessons) earlier.set(l.id, l);
      return earlier;
    });
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

  /**
   * Opens lesson `id` on its machine: the one kept for it (as the learner left it), or a fresh
   * machine in the lesson's start state. null: a new free sandbox.
   */
  async start(id: string | null): Promise<LessonStatus | null> {
    const lesson = id === null ? undefined : this.find(id);
    if (id !== null && !lesson) throw new Error(`no lesson ${id}`);
    const gen = ++this.generation;
    if (!lesson) {
      await this.ws.create({ lessonId: null });
      await this.ws.save().catch(() => {});
      this.detach();
      this.emit(null);
      return null;
    }
    const kept = await this.ws.lessonMachine(lesson.id);
    if (kept) {
      await this.ws.open(kept.id);
      if (gen !== this.generation) throw new Error('another lesson was started meanwhile');
      return this.attach(lesson, kept.lesson);
    }
    return this.fresh(lesson, gen);
  }

  /** The running lesson on a fresh machine in its start state, replacing its kept machine. */
  async reset(): Promise<LessonStatus> {
    const lesson = this.session?.lesson;
    if (!lesson) throw new Error('no lesson is running');
    return this.fresh(lesson, ++this.generation, this.ws.record?.id);
  }

  private async fresh(lesson: Lesson, gen: number, replace?: string): Promise<LessonStatus> {
    await this.ws.create({
      lessonId: lesson.id,
      lessonTitle: lesson.title,
      prepare: async (m) => {
        await applySetup(lesson.setup, rootShell(m));
        if (gen !== this.generation) throw new Error('another lesson was started meanwhile');
      },
      ...(replace ? { replace } : {}),
    });
    const status = await this.attach(lesson, undefined);
    // saved before the lesson shows, so a reload at once comes back to it
    await this.ws.save().catch(() => {});
    return status;
  }

  private detach(): void {
    this.runner?.stop();
    this.runner = undefined;
    this.session = undefined;
    this.sessionMachine = undefined;
  }

  private async attach(lesson: Lesson, saved: SessionState | undefined): Promise<LessonStatus> {
    this.detach();
    const m = this.ws.machine!;
    // the checks read the units (MachineHost.unit): the service manager's code first
    await m.subsystems.loadManager();
    const session = new LessonSession(lesson, new MachineHost(m), () => m.kernel.clock.now(), saved);
    this.session = session;
    this.sessionMachine = m;
    this.runner = new LessonRunner(m, session, (s) => {
      this.ws.noteProgress();
      this.emit(s);
    });
    await this.runner.start();
    return session.status();
  }

  /**
   * Follows the console's machine: a machine resumed at start (or opened from the machine
   * list) that is kept for a lesson gets that lesson's checklist back; a sandbox gets none.
   */
  async sync(): Promise<void> {
    const m = this.ws.machine;
    if (!m || m === this.sessionMachine) return;
    const rec = this.ws.record;
    const lesson = rec?.lessonId ? this.find(rec.lessonId) : undefined;
    if (lesson) await this.attach(lesson, rec?.lesson);
    else {
      this.detach();
      this.sessionMachine = m;
    }
  }

  status(): LessonStatus | null {
    return this.session?.status() ?? null;
  }

  watch(listener: Listener): void {
    this.listeners.add(listener);
  }

  emit(status: LessonStatus | null): void {
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
    this.ws.scheduleSave();
    return s.status();
  }

  solution(): string[] {
    if (!this.session) throw new Error('no lesson is running');
    return [...this.session.lesson.solution];
  }

  /** A class report from exported machine files: each restored, its lesson's checks run on it. */
  async report(files: readonly { name: string; bytes: Uint8Array }[]): Promise<ReportRow[]> {
    const { verifyMachineFile } = await import('./report');
    const rows: ReportRow[] = [];
    for (const f of files) rows.push(...(await verifyMachineFile(f.bytes, f.name, (id) => this.find(id))));
    return rows;
  }

  machineState(): Promise<MachineState> {
    const m = this.ws.machine;
    if (!m) throw new Error('the machine has not booted');
    return machineState(m);
  }
}
