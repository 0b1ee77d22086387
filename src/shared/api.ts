// The one contract between the page and the machine's worker (exposed with comlink).
// Methods return a Result instead of throwing, because comlink drops custom error fields.
import type { LessonStatus, LessonSummary, MachineState, PackInfo, ReportRow } from './lessons';
import type { CheckpointInfo, MachineInfo, SaveStatus } from './machines';

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export interface BootInfo {
  hostname: string;
  /** Real milliseconds the worker took to build and boot the machine. */
  bootMs: number;
  /** the console shows a saved machine, as it was left */
  restored: boolean;
  /** the saved machine could not be restored (a fresh one runs instead): why */
  problem?: string;
}

export interface KernelApi {
  /**
   * Boots a fresh machine and starts the console shell; console output goes to `output`: a
   * function, or the page's end of a console channel (shared/console-channel.ts). An `output`
   * that returns a promise (as the channel's sender does) paces the machine: the page settles
   * it once the chunk is shown (xterm.js's write callback), and programs writing to the console
   * wait while more than a few dozen KB are unacknowledged, as on a real terminal that is slower
   * than they are. What a plain function returns is ignored.
   */
  boot(options: { cols: number; rows: number; seed?: number; start?: number }, output: ((chunk: string) => void) | MessagePort): Promise<Result<BootInfo>>;
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
  /** The running lesson on a fresh machine in its start state (its kept machine is replaced). */
  resetLesson(): Promise<Result<LessonStatus>>;
  /** Forgets an imported pack. */
  removeLessonPack(id: string): Promise<Result<void>>;
  /** The imported packs. */
  lessonPacks(): Promise<Result<PackInfo[]>>;

  // ---- saved machines (issue 10) ----
  /** Every machine this browser keeps, most recently used first. */
  machines(): Promise<Result<MachineInfo[]>>;
  /** Shows saved machine `id` on the console (the current one is saved first); its lesson's progress, if any. */
  openMachine(id: string): Promise<Result<LessonStatus | null>>;
  renameMachine(id: string, name: string): Promise<Result<void>>;
  /** Machine `id` made anew on the console: its lesson's start state, or a fresh sandbox. */
  resetMachine(id: string): Promise<Result<LessonStatus | null>>;
  duplicateMachine(id: string): Promise<Result<MachineInfo>>;
  deleteMachine(id: string): Promise<Result<void>>;
  /** A machine (default: the console's) as one file; `learner` names who hands it in. */
  exportMachine(id?: string, learner?: string): Promise<Result<{ name: string; bytes: Uint8Array }>>;
  /** Every kept machine as one file (a set), e.g. a learner's whole course for the teacher. */
  exportAllMachines(learner?: string): Promise<Result<{ name: string; bytes: Uint8Array; count: number }>>;
  /** Adds the machines of a file (one machine, or a set) to the list, checked whole first. */
  importMachine(bytes: Uint8Array, name: string): Promise<Result<MachineInfo[]>>;
  /** Saves the console's machine now (the page is being hidden or closed). */
  saveNow(): Promise<Result<SaveStatus>>;
  saveStatus(): Promise<Result<SaveStatus>>;
  /** Called after every save, failed save and machine switch. */
  watchSave(listener: (status: SaveStatus) => void): Promise<void>;
  /** The console machine's checkpoints, oldest first (one before each command, within a budget). */
  checkpoints(): Promise<Result<CheckpointInfo[]>>;
  /** The machine as it was before the last command; the lesson's progress as it was then. */
  undoCommand(): Promise<Result<LessonStatus | null>>;
  /** The machine as it was when every step before step `step` (0-based) had just been done. */
  rewindToStep(step: number): Promise<Result<LessonStatus | null>>;
  /**
   * A class's progress report from machine files learners exported: each machine is restored
   * out of sight and its lesson's checks run on it (packs must be imported for their lessons).
   */
  classReport(files: { name: string; bytes: Uint8Array }[]): Promise<Result<ReportRow[]>>;
  /** A file from the learner's computer, into the console's directory; the path it got. */
  putFile(name: string, bytes: Uint8Array): Promise<Result<string>>;
  /** A regular file of the machine, to download. */
  getFile(path: string): Promise<Result<Uint8Array>>;
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T>(error: unknown): Result<T> {
  return { ok: false, error: error instanceof Error ? error.message : String(error) };
}
