// The lesson panel's state: the lesson list, the running lesson's live progress (pushed by the
// worker through watchLesson), and what the learner has seen of it. One store per panel; every
// machine call goes through the KernelApi contract (src/shared/api.ts).
import type { Terminal } from '@xterm/xterm';
import type { Result } from '../shared/api';
import { PACK_MAX_BYTES, type LessonStatus, type LessonSummary, type PackInfo } from '../shared/lessons';
import { forgetPack, savedPacks, savePack } from './storage/packs';
import { watchLesson, type MachineApi } from './machine-client';

const PROGRESS_KEY = 'photon.lessons.progress';

/** What this browser remembers of a lesson: the best share reached and whether it was finished. */
export interface LessonProgress {
  percent: number;
  complete: boolean;
}

function loadProgress(): Map<string, LessonProgress> {
  const out = new Map<string, LessonProgress>();
  try {
    const o = JSON.parse(window.localStorage.getItem(PROGRESS_KEY) ?? '{}') as unknown;
    if (typeof o !== 'object' || o === null) return out;
    for (const [id, v] of Object.entries(o as Record<string, unknown>)) {
      if (typeof v !== 'object' || v === null) continue;
      const r = v as Record<string, unknown>;
      if (typeof r.percent === 'number' && typeof r.complete === 'boolean') out.set(id, { percent: r.percent, complete: r.complete });
    }
  } catch {
    // a broken value or no storage: start with no progress
  }
  return out;
}

export type LessonView = 'list' | 'lesson';

export class LessonStore {
  lessons = $state<LessonSummary[]>([]);
  loaded = $state(false);
  /** the last failure of a machine call, shown above the panel's content */
  error = $state('');
  /** the running lesson's progress (null in the free sandbox) */
  status = $state<LessonStatus | null>(null);
  /** a machine is being made (startLesson is running) */
  busy = $state(false);
  solution = $state<string[] | null>(null);
  /** replaced (not mutated) on every change, so readers update */
  progress = $state.raw<Map<string, LessonProgress>>(loadProgress());
  view = $state<LessonView>('list');
  /** bumped on every change the worker reports and every new machine: the inspector refreshes */
  changes = $state(0);
  /** bumped on every new machine (startLesson) */
  machines = $state(0);
  /** the latest event for screen readers (a check passing, the lesson completing) */
  announcement = $state('');
  /** this browser keeps machines (IndexedDB): leaving one loses nothing */
  keeps = $state(true);
  /** imported lesson packs */
  packs = $state<PackInfo[]>([]);
  /** what was wrong with the last pack imported (every problem, one per line) */
  packError = $state('');
  /** a note about the last pack imported (where it is kept) */
  packNote = $state('');

  readonly #api: MachineApi;
  readonly #term: Terminal;

  constructor(api: MachineApi, term: Terminal) {
    this.#api = api;
    this.#term = term;
  }

  showList(): void {
    this.view = 'list';
  }

  /** Back to the running lesson (if there is one). */
  showLesson(): void {
    if (this.status) this.view = 'lesson';
  }

  /**
   * Loads the lesson list and the current progress, and subscribes to live updates. Packs this
   * browser kept are imported again first, then a pack named by the page's ?pack= address.
   */
  async init(packUrl?: string | null): Promise<void> {
    await this.#restorePacks();
    if (packUrl) await this.importUrl(packUrl);
    const [list, status] = await Promise.all([this.#call(this.#api.lessons()), this.#call(this.#api.lessonStatus())]);
    if (list) this.lessons = list;
    this.loaded = true;
    if (status !== undefined) {
      this.#setStatus(status);
      if (status) this.view = 'lesson';
    }
    await watchLesson(this.#api, (s) => {
      this.#setStatus(s);
      this.changes++;
    }).catch((e: unknown) => (this.error = `live updates are off: ${message(e)}`));
  }

  async #restorePacks(): Promise<void> {
    let saved;
    try {
      saved = await savedPacks();
    } catch {
      return; // no IndexedDB (a private window may have none): nothing was kept
    }
    const broken: string[] = [];
    for (const p of saved) {
      const r = await this.#api.importLessonPack(p.text, p.name).catch((e: unknown) => ({ ok: false as const, error: message(e) }));
      if (!r.ok) broken.push(`“${p.title}” (${p.name}) no longer loads:\n${r.error}`);
    }
    if (broken.length) this.packError = broken.join('\n\n');
    await this.#refreshPacks();
  }

  async #refreshPacks(): Promise<void> {
    const packs = await this.#call(this.#api.lessonPacks());
    if (packs) this.packs = packs;
  }

  async #refreshLessons(): Promise<void> {
    const list = await this.#call(this.#api.lessons());
    if (list) this.lessons = list;
    await this.#refreshPacks();
  }

  /**
   * Imports a lesson pack from its text; `name` is the file's name. A pack the worker refuses
   * leaves everything as it was and its problems in packError. Returns whether it was taken.
   */
  async importPack(text: string, name: string): Promise<boolean> {
    this.packNote = '';
    let r: Result<PackInfo>;
    try {
      r = await this.#api.importLessonPack(text, name);
    } catch (e) {
      r = { ok: false, error: message(e) };
    }
    if (!r.ok) {
      this.packError = r.error;
      this.announcement = `The lesson pack ${name} was not imported`;
      return false;
    }
    const pack = r.value;
    this.packError = '';
    try {
      await savePack({ id: pack.id, title: pack.title, name, text, importedAt: Date.now() });
    } catch (e) {
      this.packNote = `This browser could not keep the pack (${message(e)}); it lasts until the page is closed.`;
    }
    await this.#refreshLessons();
    this.announcement = `Imported the lesson pack “${pack.title}”: ${pack.lessons.length} lesson${pack.lessons.length === 1 ? '' : 's'}`;
    return true;
  }

  /** Imports a pack file the learner picked or dropped. */
  async importFile(file: File): Promise<boolean> {
    if (file.size > PACK_MAX_BYTES) {
      this.packError = `${file.name}: ${file.size} bytes; a lesson pack holds at most ${PACK_MAX_BYTES}`;
      return false;
    }
    let text: string;
    try {
      text = await file.text();
    } catch (e) {
      this.packError = `${file.name}: cannot be read (${message(e)})`;
      return false;
    }
    return this.importPack(text, file.name);
  }

  /**
   * Imports the pack at `url` (relative to the page: a classroom serves its packs beside the
   * app). Only this site's own files are fetched.
   */
  async importUrl(url: string): Promise<boolean> {
    let where: URL;
    try {
      where = new URL(url, window.location.href);
    } catch {
      this.packError = `?pack=${url}: not an address`;
      return false;
    }
    if (where.origin !== window.location.origin) {
      this.packError = `?pack=${url}: lesson packs are only loaded from this site (${window.location.origin})`;
      return false;
    }
    const name = decodeURIComponent(where.pathname.split('/').pop() || 'pack.json');
    try {
      const res = await fetch(where, { credentials: 'same-origin' });
      if (!res.ok) throw new Error(`${res.status} ${res.statusText}`.trim());
      const text = await res.text();
      if (text.length > PACK_MAX_BYTES) throw new Error(`${text.length} bytes; a lesson pack holds at most ${PACK_MAX_BYTES}`);
      return await this.importPack(text, name);
    } catch (e) {
      this.packError = `${name}: cannot be fetched (${message(e)})`;
      return false;
    }
  }

  async removePack(id: string): Promise<void> {
    // (its value is undefined: ask #call for a flag instead)
    const removed = await this.#call(this.#api.removeLessonPack(id).then((r) => (r.ok ? { ok: true as const, value: true } : r)));
    if (!removed) return;
    try {
      await forgetPack(id);
    } catch {
      // not kept in this browser: nothing to forget
    }
    await this.#refreshLessons();
  }

  dismissPackError(): void {
    this.packError = '';
  }

  /** A fresh machine: lesson `id` in its start state, or the free sandbox (null). */
  async start(id: string | null): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.solution = null;
    // the new machine's console starts on a clean screen; its boot output may arrive before
    // startLesson's reply, so clear first
    this.#term.reset();
    try {
      const status = await this.#call(this.#api.startLesson(id));
      if (status === undefined) return;
      this.#setStatus(status, true);
      this.view = status ? 'lesson' : 'list';
      this.machines++;
      this.changes++;
      if (!status) this.announcement = 'Free sandbox: a fresh machine';
      // the new machine learns the console's size (a no-op when the worker kept it)
      void this.#api.resize(this.#term.cols, this.#term.rows);
    } finally {
      this.busy = false;
    }
  }

  /** The running lesson on a fresh machine in its start state (its kept machine is replaced). */
  async reset(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.solution = null;
    this.#term.reset();
    try {
      const status = await this.#call(this.#api.resetLesson());
      if (status === undefined) return;
      this.#setStatus(status, true);
      this.view = 'lesson';
      this.machines++;
      this.changes++;
      void this.#api.resize(this.#term.cols, this.#term.rows);
    } finally {
      this.busy = false;
    }
  }

  /** The machine as it was before the last command (the lesson's progress as it was then). */
  async undo(): Promise<void> {
    await this.switchTo(() => this.#api.undoCommand(), 'The machine went back to before the last command');
  }

  /** The machine as it was when every step before `step` (0-based) had just been done. */
  async rewind(step: number): Promise<void> {
    await this.switchTo(() => this.#api.rewindToStep(step), 'The machine went back to when that step began');
  }

  /**
   * Shows the machine a call puts on the console (an undo, a rewind, another machine opened or
   * reset): the terminal starts clean and the lesson view follows its progress. Returns whether
   * the switch happened (its error is shown otherwise).
   */
  async switchTo(pending: () => Promise<Result<LessonStatus | null>>, announcement: string): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.#term.reset();
    try {
      const r = await pending().catch((e: unknown): Result<LessonStatus | null> => ({ ok: false, error: message(e) }));
      if (!r.ok) {
        this.error = r.error;
        return false;
      }
      this.error = '';
      this.opened(r.value);
      this.announcement = announcement;
      return true;
    } finally {
      this.busy = false;
    }
  }

  /** After another machine was opened (the machines tab): its lesson's progress, or none. */
  opened(status: LessonStatus | null): void {
    this.solution = null;
    this.#setStatus(status, true);
    this.view = status ? 'lesson' : 'list';
    this.machines++;
    this.changes++;
  }

  async hint(checkId: string): Promise<void> {
    const status = await this.#call(this.#api.nextHint(checkId));
    if (status) this.#setStatus(status);
  }

  async showSolution(): Promise<void> {
    const commands = await this.#call(this.#api.solution());
    if (commands) this.solution = commands;
  }

  /** Types `command` at the prompt, as if the learner had typed it and pressed Enter. */
  type(command: string): void {
    // (a YAML block scalar ends in a newline: no extra empty command for it)
    void this.#api.input(command.replace(/\s+$/, '').replace(/\r?\n/g, '\r') + '\r');
  }

  #setStatus(status: LessonStatus | null, fresh = false): void {
    const before = fresh ? null : this.status;
    if (before && status && before.id === status.id) {
      const passedBefore = new Set(before.steps.flatMap((s) => s.checks.filter((c) => c.passed).map((c) => c.id)));
      const newlyPassed = status.steps.flatMap((s) => s.checks.filter((c) => c.passed && !passedBefore.has(c.id)));
      if (status.complete && !before.complete) this.announcement = `Lesson complete: ${status.title}`;
      else if (newlyPassed.length) this.announcement = `Done: ${newlyPassed.map((c) => c.title).join('; ')}`;
    } else if (status && status.id !== before?.id) {
      this.announcement = `Lesson started: ${status.title}`;
    }
    this.status = status;
    if (status) this.#remember(status);
  }

  #remember(status: LessonStatus): void {
    const old = this.progress.get(status.id);
    const next: LessonProgress = {
      percent: Math.max(old?.percent ?? 0, Math.round(status.percent)),
      complete: (old?.complete ?? false) || status.complete,
    };
    if (old && old.percent === next.percent && old.complete === next.complete) return;
    this.progress = new Map(this.progress).set(status.id, next);
    try {
      window.localStorage.setItem(PROGRESS_KEY, JSON.stringify(Object.fromEntries(this.progress)));
    } catch {
      // no storage: progress lasts for this page only
    }
  }

  /** Awaits a machine call: its value, or undefined after recording the error. */
  async #call<T>(pending: Promise<Result<T>>): Promise<T | undefined> {
    try {
      const r = await pending;
      if (r.ok) {
        this.error = '';
        return r.value;
      }
      this.error = r.error;
    } catch (e) {
      this.error = message(e);
    }
    return undefined;
  }
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
