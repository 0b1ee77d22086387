// The one contract between the page and the machine's worker (exposed with comlink).
// Methods return a Result instead of throwing, because comlink drops custom error fields.
import type { LessonStatus, LessonSummary, MachineState, PackInfo } from './lessons';

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export interface BootInfo {
  hostname: string;
  /** Real milliseconds the worker took to build and boot the machine. */
  bootMs: number;
}

export interface KernelApi {
  /** Boots a fresh machine and starts the console shell; console output goes to `output`. */
  boot(options: { cols: number; rows: number; seed?: number; start?: number }, output: (chunk: string) => void): Promise<Result<BootInfo>>;
  /** Keys typed in the terminal (as xterm.js delivers them). */
  input(data: string): Promise<void>;
  /** The terminal's new size: the machine's console learns it and sends SIGWINCH. */
  resize(cols: number, rows: number): Promise<void>;

  // ---- lessons (issue 9) ----
  /** Every lesson of every track, in curriculum order. */
  lessons(): Promise<Result<LessonSummary[]>>;
  /**
   * Starts lesson `id` on a fresh machine in the lesson's start state (null: the free sandbox,
   * a fresh default machine); console output keeps going to the `output` given to boot().
   */
  startLesson(id: string | null): Promise<Result<LessonStatus | null>>;
  /** The current lesson's progress (null in the sandbox). */
  lessonStatus(): Promise<Result<LessonStatus | null>>;
  /** Called with the new progress whenever a check changes (after commands, on state changes). */
  watchLesson(listener: (status: LessonStatus | null) => void): Promise<void>;
  /** Reveals the next hint of check `checkId`; returns the updated progress. */
  nextHint(checkId: string): Promise<Result<LessonStatus>>;
  /** The reference solution's commands. */
  solution(): Promise<Result<string[]>>;
  /** The state inspector's picture of the machine. */
  machineState(): Promise<Result<MachineState>>;
  /**
   * Imports a lesson pack (the text of a pack file; `name` labels its problems). Its lessons join
   * the list; a broken pack is refused whole, the error naming every problem.
   */
  importLessonPack(text: string, name: string): Promise<Result<PackInfo>>;
  /** Forgets an imported pack. */
  removeLessonPack(id: string): Promise<Result<void>>;
  /** The imported packs. */
  lessonPacks(): Promise<Result<PackInfo[]>>;
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T>(error: unknown): Result<T> {
  return { ok: false, error: error instanceof Error ? error.message : String(error) };
}
