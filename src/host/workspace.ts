// The worker's side of "nothing lost": which machine the console shows, and keeping every
// machine in the browser. At start it resumes the machine used last (booted from its saved
// disk, its runtime put back, the terminal showing where the learner was) or boots a fresh
// one; it saves the console's machine a moment after each command returns to the prompt and
// when the page asks (the tab is hidden); and it opens, makes, resets, renames, copies, deletes,
// exports and imports machines. Without IndexedDB (Node, tests) it runs the same, keeping
// nothing.
import { Machine } from '../kernel/machine';
import type { MachineLabel, MachineSnapshot } from '../kernel/snapshot/types';
import type { MachineRecord } from '../persist/db';
import type { MachineStore } from '../persist/machine-store';
import type { MachineInfo, SaveStatus } from '../shared/machines';
import type { SessionState } from '../shared/lessons';
import type { WinSize } from '../shared/termios';
import { Checkpoints, type Checkpoint } from './checkpoints';

export interface WorkspaceDeps {
  /** undefined: nothing is kept (no IndexedDB) */
  store?: MachineStore | undefined;
  /** the console's output (to the page) */
  output: (text: string) => void;
  size: () => WinSize;
  seed?: number;
  /** the host's real clock (epoch ms); read only here, at the boundary */
  now: () => number;
  /** real-time timers (autosave's debounce) */
  after: (ms: number, fn: () => void) => () => void;
}

type SnapshotModule = typeof import('../kernel/snapshot/index');
let snapshotModule: SnapshotModule | undefined;
/** The snapshot code, loaded the first time a machine is saved or restored (not at a first boot). */
const snapshots = async (): Promise<SnapshotModule> => (snapshotModule ??= await import('../kernel/snapshot/index'));
/** How long after the first prompt the snapshot code loads (so it never races the prompt). */
const FIRST_LOAD_MS = 400;

/**
 * Quiet time after the prompt comes back before saving, and the least time between saves: a
 * reload loses what was done since the last save, so a machine that saves quickly saves soon
 * (SAVE_GAP_FACTOR times its last save's length apart), a big one less often.
 */
const SAVE_SETTLE_MS = 250;
const SAVE_MIN_GAP_MS = 500;
const SAVE_MAX_GAP_MS = 2500;
const SAVE_GAP_FACTOR = 15;
/** The longest a first save waits for the boot's start jobs. */
const BOOT_SAVE_WAIT_MS = 5000;
const CLEAR = '\x1b[H\x1b[2J\x1b[3J';

/** ms to wait before the next autosave, `now` ms after the last began (it took `lastMs`). */
export function saveDelay(now: number, lastStart: number, lastMs: number): number {
  const gap = Math.min(SAVE_MAX_GAP_MS, Math.max(SAVE_MIN_GAP_MS, lastMs * SAVE_GAP_FACTOR));
  return Math.max(SAVE_SETTLE_MS, lastStart + gap - now);
}

export class Workspace {
  machine: Machine | undefined;
  record: MachineRecord | undefined;
  /** the lesson's progress to keep with the machine (set by the lesson controller) */
  sessionState: () => SessionState | undefined = () => undefined;
  /** the lesson's first step not done yet (0-based), for checkpoints */
  currentStep: () => number | undefined = () => undefined;
  readonly checkpoints = new Checkpoints();
  /** told about every save, failed save and machine switch */
  onStatus: ((s: SaveStatus) => void) | undefined;
  private status: SaveStatus = { keeps: false, state: 'unsaved' };
  private saving: Promise<void> | undefined;
  private saveAgain = false;
  private cancelTimer: (() => void) | undefined;
  private lastSave = -Infinity;
  /** boots (a machine's `booted`, anew after each reboot) whose start jobs are over, or that were waited for long enough */
  private readonly settled = new WeakSet<Promise<void>>();
  /** how long the last save took (capture, encoding and the store's write), in ms */
  private lastSaveMs = 0;
  private loadingSnapshots = false;
  /** a save was asked for while there was no store yet */
  private saveWanted = false;
  /** The console waits for input (every prompt, and every key while a line is edited). */
  private readonly idle = (): void => {
    const m = this.machine;
    // a command was entered since the last checkpoint: checkpoint and save
    if (!m || !this.checkpoints.due(m)) return;
    this.checkpoint();
    this.scheduleSave();
  };

  constructor(private readonly deps: WorkspaceDeps) {}

  /** Where machines are kept, once it is open (before the first machine starts). */
  setStore(store: MachineStore | undefined): void {
    this.deps.store = store;
    // a command finished before the store was open: its save was put off until now
    if (store && this.saveWanted) {
      this.saveWanted = false;
      this.scheduleSave();
    }
  }

  get persistent(): boolean {
    return this.deps.store !== undefined;
  }

  /**
   * A fresh machine whose console output goes nowhere until it is shown. `shownAtOnce`: its
   * services start behind the first prompt (the learner can type at once); otherwise they start
   * right away (a machine being prepared out of sight has no prompt yet).
   */
  fresh(shownAtOnce = true): Machine {
    return new Machine({ clock: 'realtime', start: this.deps.now(), seed: this.deps.seed, winsize: { ...this.deps.size() }, servicesAfterPrompt: shownAtOnce });
  }

  private async restoreMachine(rec: MachineRecord): Promise<{ m: Machine; snap: MachineSnapshot }> {
    const store = this.deps.store!;
    const bytes = await store.snapshot(rec.id);
    if (!bytes) throw new Error(`the machine “${rec.name}” has never been saved`);
    const { decodeSnapshot, restoreSource } = await snapshots();
    let snap: MachineSnapshot;
    try {
      snap = await decodeSnapshot(bytes);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      await store.put({ ...rec, damaged: why }).catch(() => {});
      throw new Error(`the machine “${rec.name}” cannot be opened: ${why}`);
    }
    // time went on while the machine was put away
    const m = new Machine({ clock: 'realtime', start: Math.max(this.deps.now(), snap.savedAt), seed: this.deps.seed, winsize: { ...this.deps.size() }, servicesAfterPrompt: true, restore: restoreSource(snap) });
    return { m, snap };
  }

  /**
   * At start: the machine used last, restored, or a fresh one. A saved machine that cannot be
   * read is reported (its record says why) and a fresh machine starts instead.
   */
  async resume(): Promise<{ machine: Machine; problem?: string }> {
    const store = this.deps.store;
    if (store) {
      try {
        const id = await store.current();
        const rec = id ? await store.get(id) : undefined;
        if (rec?.snapshotKey && !rec.damaged) {
          const { m } = await this.restoreMachine(rec);
          this.show(m, { ...rec, lastUsed: this.deps.now() }, 'resume');
          return { machine: m };
        }
      } catch (e) {
        const m = this.fresh();
        this.show(m, undefined, 'fresh');
        return { machine: m, problem: e instanceof Error ? e.message : String(e) };
      }
    }
    const m = this.fresh();
    this.show(m, undefined, 'fresh');
    return { machine: m };
  }

  /**
   * Makes `m` the console's machine. 'fresh': its boot log and a login shell; 'resume': the
   * saved screen and a shell where the learner was; 'swap': a clean screen first (the page's
   * terminal shows the old machine until then).
   */
  show(m: Machine, rec: MachineRecord | undefined, how: 'fresh' | 'resume' | 'swap-fresh' | 'swap-resume', keepCheckpoints = false): void {
    const old = this.machine;
    if (!keepCheckpoints) this.checkpoints.clear();
    if (old && old !== m) {
      old.console.idleListeners.delete(this.idle);
      retire(old);
    }
    this.machine = m;
    this.record = rec;
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    m.setConsoleOutput(this.deps.output);
    if (how.startsWith('swap')) this.deps.output(CLEAR);
    if (how === 'fresh' || how === 'swap-fresh') m.startConsoleShell();
    else m.resumeConsole();
    m.console.idleListeners.add(this.idle);
    if (rec && this.deps.store) void this.deps.store.setCurrent(rec.id).catch(() => {});
    this.setStatus(rec && this.deps.store && rec.savedAt ? { state: 'saved', machineId: rec.id, savedAt: rec.savedAt } : { state: 'unsaved' });
  }

  private setStatus(s: Omit<SaveStatus, 'keeps'>): void {
    this.status = { ...s, keeps: this.deps.store !== undefined };
    this.onStatus?.(this.status);
  }

  saveStatus(): SaveStatus {
    return { ...this.status, keeps: this.deps.store !== undefined };
  }

  /**
   * At the prompt, after a command was entered: the machine as it is now, which is the state
   * before the next command (undo and rewind go back to these).
   */
  private checkpoint(): void {
    const m = this.machine;
    // (a disk still being filled in is not a state to go back to)
    if (!m || !m.diskFilled || !this.checkpoints.due(m)) return;
    const mod = snapshotModule;
    if (!mod) {
      // the first time: load the code a moment after the prompt, then take it
      if (this.loadingSnapshots) return;
      this.loadingSnapshots = true;
      this.deps.after(FIRST_LOAD_MS, () => void snapshots().then(() => this.checkpoint()).catch(() => (this.loadingSnapshots = false)));
      return;
    }
    // taken at once, before another command can start
    const first = this.checkpoints.entries().length === 0;
    this.checkpoints.add(m, {
      frame: mod.encodeFrame(mod.captureMachine(m)),
      at: m.kernel.clock.realtime(),
      step: this.currentStep(),
      lesson: this.sessionState(),
      pinned: first && this.record?.lessonId != null,
    });
  }

  /** The lesson's progress changed (its checks were evaluated): the newest checkpoint learns it. */
  noteProgress(): void {
    if (this.machine) this.checkpoints.updateLatest(this.machine, this.currentStep(), this.sessionState());
  }

  /** Brings back checkpoint `cp` as the console's machine (the later ones are gone). */
  private async rewind(cp: Checkpoint | undefined): Promise<Machine> {
    if (!cp) throw new Error('there is no earlier checkpoint to go back to');
    const { decodeSnapshot, restoreSource } = await snapshots();
    const snap = await decodeSnapshot(cp.frame);
    const m = new Machine({ clock: 'realtime', start: Math.max(this.deps.now(), snap.savedAt), seed: this.deps.seed, winsize: { ...this.deps.size() }, servicesAfterPrompt: true, restore: restoreSource(snap) });
    const rec = this.record ? { ...this.record, ...(cp.lesson ? { lesson: cp.lesson } : {}) } : undefined;
    if (rec && !cp.lesson) delete rec.lesson;
    this.show(m, rec, 'swap-resume', true);
    this.checkpoints.resync(m);
    this.scheduleSave();
    return m;
  }

  /** The machine as it was before the last command. */
  undoCommand(): Promise<Machine> {
    return this.rewind(this.checkpoints.undo());
  }

  /** The machine as it was when every step before `step` (0-based) had just been done. */
  rewindToStep(step: number): Promise<Machine> {
    return this.rewind(this.checkpoints.beforeStep(step));
  }

  /** Saves a moment after the console waits for input again (debounced). */
  scheduleSave(): void {
    if (!this.deps.store) {
      this.saveWanted = this.machine !== undefined;
      return;
    }
    const m = this.machine;
    // a machine still running its boot's start jobs is saved once they are done (or after
    // BOOT_SAVE_WAIT_MS): a snapshot taken between jobs would come back without their work,
    // such as the firewall iptables.service loads
    const boot = m?.booted;
    if (m && boot && !this.settled.has(boot)) {
      const settle = (): void => {
        if (this.settled.has(boot)) return;
        this.settled.add(boot);
        if (this.machine === m) this.scheduleSave();
      };
      void boot.then(settle, settle);
      this.deps.after(BOOT_SAVE_WAIT_MS, settle);
      return;
    }
    this.cancelTimer?.();
    const wait = saveDelay(performance.now(), this.lastSave, this.lastSaveMs);
    this.cancelTimer = this.deps.after(wait, () => {
      this.cancelTimer = undefined;
      void this.save().catch(() => {});
    });
  }

  /**
   * Saves the console's machine now (one save at a time: a request during a save runs once
   * more after it). A machine that was never saved gets its entry in the list first.
   */
  async save(): Promise<void> {
    const store = this.deps.store;
    const m = this.machine;
    if (!store || !m) return;
    if (this.saving) {
      this.saveAgain = true;
      return this.saving;
    }
    this.saving = (async () => {
      try {
        await m.diskComplete;
        this.lastSave = performance.now();
        let rec = this.record;
        if (!rec) {
          // the machine booted fresh at start gets its entry on its first save
          rec = await this.newRecord(null, undefined);
          await store.setCurrent(rec.id);
        }
        this.record = rec;
        const { captureMachine, encodeFrame } = await snapshots();
        // (the time of the state captured: taken first)
        const now = this.deps.now();
        const bytes = encodeFrame(captureMachine(m));
        const lesson = this.sessionState();
        const saved = await store.save(rec.id, bytes, { lastUsed: now, savedAt: now, ...(lesson ? { lesson } : {}) });
        if (this.record?.id === saved.id) this.record = saved;
        this.lastSaveMs = performance.now() - this.lastSave;
        this.setStatus({ state: 'saved', machineId: saved.id, savedAt: now });
      } catch (e) {
        this.setStatus({ state: 'error', machineId: this.record?.id, error: (e as { name?: string } | null)?.name === 'StorageFullError' ? (e as Error).message : `The machine was not saved: ${e instanceof Error ? e.message : String(e)}` });
        throw e;
      } finally {
        this.saving = undefined;
      }
    })();
    await this.saving;
    if (this.saveAgain) {
      this.saveAgain = false;
      await this.save();
    }
  }

  private async newRecord(lessonId: string | null, lessonTitle: string | undefined, name?: string): Promise<MachineRecord> {
    const store = this.deps.store!;
    const now = this.deps.now();
    const all = await store.list();
    const base = name ?? lessonTitle ?? 'Sandbox';
    let label = base;
    for (let n = 2; all.some((r) => r.name === label); n++) label = `${base} (${n})`;
    const rec: MachineRecord = { id: `m${now.toString(36)}${Math.random().toString(36).slice(2, 7)}`, name: label, lessonId, ...(lessonTitle ? { lessonTitle } : {}), created: now, lastUsed: now, savedAt: 0, size: 0, snapshotKey: null };
    await store.put(rec);
    return rec;
  }

  /** Saves the machine being left (if kept), so switching never loses work. */
  private async leave(): Promise<void> {
    if (!this.deps.store || !this.machine) return;
    await this.save().catch(() => {});
  }

  /**
   * A new machine: fresh, brought to its start state by `prepare` (a lesson's setup) before it
   * is shown. `replace`: the record it takes the place of (reset).
   */
  async create(opts: { lessonId: string | null; lessonTitle?: string; prepare?: (m: Machine) => Promise<void>; replace?: string }): Promise<Machine> {
    const m = this.fresh(false);
    try {
      await m.booted;
      await opts.prepare?.(m);
    } catch (e) {
      retire(m);
      throw e;
    }
    await this.leave();
    let rec: MachineRecord;
    if (this.deps.store) {
      const old = opts.replace ? await this.deps.store.get(opts.replace) : undefined;
      rec = old ? { ...old, lastUsed: this.deps.now() } : await this.newRecord(opts.lessonId, opts.lessonTitle);
      delete rec.lesson;
    } else {
      // nothing is kept, but the machine still knows which lesson it is for
      const now = this.deps.now();
      rec = { id: 'unsaved', name: opts.lessonTitle ?? 'Sandbox', lessonId: opts.lessonId, ...(opts.lessonTitle ? { lessonTitle: opts.lessonTitle } : {}), created: now, lastUsed: now, savedAt: 0, size: 0, snapshotKey: null };
    }
    this.show(m, rec, 'swap-fresh');
    return m;
  }

  /** Opens saved machine `id` (restored from its snapshot). */
  async open(id: string): Promise<Machine> {
    const store = this.deps.store;
    if (!store) throw new Error('nothing is saved in this browser');
    const rec = await store.get(id);
    if (!rec) throw new Error(`no machine ${id}`);
    if (this.record?.id === id && this.machine) return this.machine;
    await this.leave();
    const { m } = await this.restoreMachine(rec);
    this.show(m, { ...rec, lastUsed: this.deps.now() }, 'swap-resume');
    return m;
  }

  async list(): Promise<MachineInfo[]> {
    const store = this.deps.store;
    if (!store) return [];
    return (await store.list()).map((r) => infoOf(r, r.id === this.record?.id));
  }

  /** The latest machine kept for lesson `id`. */
  async lessonMachine(id: string): Promise<MachineRecord | undefined> {
    const all = (await this.deps.store?.list()) ?? [];
    return all.find((r) => r.lessonId === id && !r.damaged && r.snapshotKey);
  }

  async rename(id: string, name: string): Promise<void> {
    const store = this.need();
    const clean = name.trim().slice(0, 80);
    if (!clean) throw new Error('a machine needs a name');
    const rec = await store.get(id);
    if (!rec) throw new Error(`no machine ${id}`);
    await store.put({ ...rec, name: clean });
    if (this.record?.id === id) this.record = { ...this.record, name: clean };
  }

  async duplicate(id: string): Promise<MachineInfo> {
    const store = this.need();
    if (this.record?.id === id) await this.save();
    const rec = await store.get(id);
    const bytes = await store.snapshot(id);
    if (!rec || !bytes) throw new Error(`no saved machine ${id}`);
    const copy = await this.newRecord(rec.lessonId, rec.lessonTitle, `${rec.name} (copy)`);
    const saved = await store.save(copy.id, bytes, { lastUsed: rec.lastUsed, savedAt: rec.savedAt, ...(rec.lesson ? { lesson: rec.lesson } : {}) });
    return infoOf(saved, false);
  }

  async remove(id: string): Promise<void> {
    const store = this.need();
    if (this.record?.id === id) throw new Error('the machine on the console cannot be deleted; open another first');
    await store.remove(id);
  }

  /** The machine as one file (its snapshot with its entry's name and lesson progress). */
  async exportMachine(id: string, learner?: string): Promise<{ name: string; bytes: Uint8Array }> {
    const { captureMachine, decodeSnapshot, encodeSnapshot } = await snapshots();
    let snap: MachineSnapshot;
    let rec: MachineRecord | undefined;
    if (this.deps.store) {
      if (this.record?.id === id) await this.save();
      rec = await this.deps.store.get(id);
      const bytes = await this.deps.store.snapshot(id);
      if (!rec || !bytes) throw new Error(`no saved machine ${id}`);
      snap = await decodeSnapshot(bytes);
    } else {
      if (!this.machine) throw new Error('no machine');
      await this.machine.diskComplete;
      snap = captureMachine(this.machine);
      rec = this.record;
    }
    const lesson = rec?.lesson ?? (this.record?.id === id ? this.sessionState() : undefined);
    const label = labelOf(rec, lesson, learner);
    return { name: label.name, bytes: await encodeSnapshot({ ...snap, label }) };
  }

  /** Every machine in the list as one file (a set): a learner's whole course, for a teacher. */
  async exportAll(learner?: string): Promise<{ name: string; bytes: Uint8Array; count: number }> {
    const store = this.need();
    if (this.record) await this.save();
    const { decodeSnapshot, encodeSet } = await snapshots();
    const snaps: MachineSnapshot[] = [];
    for (const rec of await store.list()) {
      if (rec.damaged) continue;
      const bytes = await store.snapshot(rec.id);
      if (!bytes) continue;
      snaps.push({ ...(await decodeSnapshot(bytes)), label: labelOf(rec, rec.lesson, learner) });
    }
    if (!snaps.length) throw new Error('no machine is saved yet');
    const who = learner?.trim();
    return { name: who ? `${who} - all machines` : 'all machines', bytes: await encodeSet(snaps), count: snaps.length };
  }

  /** A machine file (or a set) made by export: checked whole, then each machine added to the list (not opened). */
  async importMachine(bytes: Uint8Array, fileName: string): Promise<MachineInfo[]> {
    const store = this.need();
    const { decodeFile, encodeFrame } = await snapshots();
    const snaps = await decodeFile(bytes);
    const out: MachineInfo[] = [];
    for (const snap of snaps) {
      const label = snap.label;
      const rec = await this.newRecord(label?.lessonId ?? null, label?.lessonTitle, label?.name ?? fileName.replace(/\.photon(\.gz)?$/i, ''));
      // kept unpacked, as every saved machine is
      const saved = await store.save(rec.id, encodeFrame(snap), { savedAt: this.deps.now(), ...(label?.lesson ? { lesson: label.lesson } : {}) });
      out.push(infoOf(saved, false));
    }
    return out;
  }

  private need(): MachineStore {
    if (!this.deps.store) throw new Error('this browser keeps no machines (no IndexedDB)');
    return this.deps.store;
  }
}

function labelOf(rec: MachineRecord | undefined, lesson: SessionState | undefined, learner: string | undefined): MachineLabel {
  const who = learner?.trim().slice(0, 200);
  return { name: rec?.name ?? 'Sandbox', lessonId: rec?.lessonId ?? null, ...(rec?.lessonTitle ? { lessonTitle: rec.lessonTitle } : {}), ...(lesson ? { lesson } : {}), ...(who ? { learner: who } : {}) };
}

function infoOf(r: MachineRecord, current: boolean): MachineInfo {
  return { id: r.id, name: r.name, lessonId: r.lessonId, ...(r.lessonTitle ? { lessonTitle: r.lessonTitle } : {}), created: r.created, lastUsed: r.lastUsed, savedAt: r.savedAt, size: r.size, current, ...(r.damaged ? { damaged: r.damaged } : {}), ...(r.lesson ? { complete: r.lesson.completedAt !== undefined } : {}) };
}

/** A machine the console no longer shows shuts down out of sight: its services stop, its timers end. */
export function retire(m: Machine): void {
  m.setConsoleOutput(() => {});
  if (m.power === 'running') void m.run(['/usr/bin/systemctl', 'poweroff'], { stdout: () => {}, stderr: () => {} }).catch(() => {});
}
