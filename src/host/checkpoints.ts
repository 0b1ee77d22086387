// Checkpoints: the console's machine as it was before each command the learner ran, kept in
// memory within a byte budget (the oldest go first; a lesson's start is kept), so "undo the
// last command" and "rewind to before step N" bring a machine back exactly. A checkpoint is
// taken when the prompt comes back after a command was entered (root's history grew), which is
// the state before the next command.
import type { Machine } from '../kernel/machine';
import type { SessionState } from '../shared/lessons';

export interface Checkpoint {
  /** the machine's frame (snapshot/codec.ts encodeFrame) */
  frame: Uint8Array;
  /** virtual epoch ms */
  at: number;
  /** the command entered last before it (the one an undo takes back is the next one's) */
  after: string;
  /** the lesson's first step not done then (0-based; undefined outside a lesson) */
  step: number | undefined;
  lesson: SessionState | undefined;
  /** kept whatever the budget (a lesson's start state) */
  pinned: boolean;
}

/** Memory the checkpoints of one machine may take. */
export const CHECKPOINT_BUDGET = 64 * 1024 * 1024;
export const CHECKPOINT_MAX = 30;

const HISTORY = '/root/.bash_history';

export class Checkpoints {
  private list: Checkpoint[] = [];
  private lastHistory = -1;

  constructor(private readonly budget = CHECKPOINT_BUDGET, private readonly max = CHECKPOINT_MAX) {}

  clear(): void {
    this.list = [];
    this.lastHistory = -1;
  }

  entries(): readonly Checkpoint[] {
    return this.list;
  }

  /** Whether a command was entered since the last checkpoint (root's history file grew). */
  due(m: Machine): boolean {
    if (!m.consoleAtPrompt()) return false;
    return this.lastHistory === -1 || historySize(m) !== this.lastHistory;
  }

  add(m: Machine, cp: Omit<Checkpoint, 'after'>): void {
    this.lastHistory = historySize(m);
    this.list.push({ ...cp, after: lastCommand(m) });
    let bytes = this.list.reduce((n, c) => n + c.frame.length, 0);
    while ((bytes > this.budget || this.list.length > this.max) && this.list.length > 1) {
      const i = this.list.findIndex((c, k) => !c.pinned && k < this.list.length - 1);
      if (i < 0) break;
      bytes -= this.list[i]!.frame.length;
      this.list.splice(i, 1);
    }
  }

  /**
   * The lesson's checks are evaluated a moment after the prompt: once they are, the newest
   * checkpoint (if no command was entered since) gets the progress they found.
   */
  updateLatest(m: Machine, step: number | undefined, lesson: SessionState | undefined): void {
    const last = this.list[this.list.length - 1];
    if (!last || this.due(m)) return;
    last.step = step;
    last.lesson = lesson;
  }

  /** The checkpoint before the last command (the one before the newest), dropping what follows it. */
  undo(): Checkpoint | undefined {
    if (this.list.length < 2) return undefined;
    this.list.pop();
    return this.list[this.list.length - 1];
  }

  /** The first checkpoint at which every step before `step` (0-based) was done, dropping what follows it. */
  beforeStep(step: number): Checkpoint | undefined {
    const i = this.list.findIndex((c) => c.step !== undefined && c.step >= step);
    if (i < 0) return undefined;
    this.list.length = i + 1;
    return this.list[i];
  }

  /** After a restore: the history as the restored machine has it, so the next command counts. */
  resync(m: Machine): void {
    this.lastHistory = historySize(m);
  }
}

function historySize(m: Machine): number {
  const node = m.disk.lookup(HISTORY);
  return node ? m.disk.size(node) : 0;
}

function lastCommand(m: Machine): string {
  const node = m.disk.lookup(HISTORY);
  if (!node) return '';
  const size = m.disk.size(node);
  // the last line is all that is wanted: read the file's tail only
  const text = new TextDecoder().decode(m.disk.readAt(node, Math.max(0, size - 4096), 4096));
  const lines = text.split('\n').filter((l) => l !== '');
  return lines[lines.length - 1] ?? '';
}
