// The Machines tab's state: every machine this browser keeps, the console machine's save state,
// and moving machines and files in and out (export, import, drop on the terminal, download).
// It also saves the machine when the page is hidden or closed.
import type { Result } from '../shared/api';
import type { MachineInfo, SaveStatus } from '../shared/machines';
import type { ReportRow } from '../shared/lessons';
import { reportCsv } from '../shared/report-csv';
import type { LessonStore } from './lesson-store.svelte';
import { SAVED_KEY, transferBytes, watchSave, type MachineApi } from './machine-client';

const MAX_IMPORT = 256 * 1024 * 1024;

export class MachinesStore {
  list = $state<MachineInfo[]>([]);
  save = $state<SaveStatus>({ keeps: true, state: 'unsaved' });
  error = $state('');
  /** the latest thing that happened, for the tab and screen readers */
  note = $state('');
  /** the last class report made here */
  report = $state<ReportRow[] | null>(null);
  reporting = $state(false);

  readonly #api: MachineApi;
  readonly #lessons: LessonStore;

  constructor(api: MachineApi, lessons: LessonStore) {
    this.#api = api;
    this.#lessons = lessons;
  }

  async init(bootProblem?: string): Promise<void> {
    if (bootProblem) this.error = `The machine used last could not be opened, so a fresh one runs: ${bootProblem}`;
    const hide = (): void => {
      if (document.visibilityState === 'hidden') void this.#api.saveNow();
    };
    document.addEventListener('visibilitychange', hide);
    window.addEventListener('pagehide', () => void this.#api.saveNow());
    await watchSave(this.#api, (s) => {
      this.save = s;
      if (s.state === 'saved') markSaved();
      this.#lessons.keeps = s.keeps;
      void this.refresh();
    }).catch(() => {});
    const s = await this.#call(this.#api.saveStatus());
    if (s) {
      this.save = s;
      this.#lessons.keeps = s.keeps;
    }
    await this.refresh();
  }

  async refresh(): Promise<void> {
    const list = await this.#call(this.#api.machines(), false);
    if (list) this.list = list;
  }

  async open(id: string): Promise<void> {
    this.error = '';
    await this.#lessons.switchTo(() => this.#api.openMachine(id), 'Another machine is on the console');
    await this.refresh();
  }

  /** Machine `id` made anew (its lesson's start state, or a fresh sandbox), on the console. */
  async reset(id: string): Promise<void> {
    this.error = '';
    await this.#lessons.switchTo(() => this.#api.resetMachine(id), 'The machine was made anew');
    await this.refresh();
  }

  async rename(id: string, name: string): Promise<void> {
    if ((await this.#call(this.#api.renameMachine(id, name).then(flag))) !== undefined) await this.refresh();
  }

  async duplicate(id: string): Promise<void> {
    const copy = await this.#call(this.#api.duplicateMachine(id));
    if (copy) {
      this.note = `Copied as “${copy.name}”`;
      await this.refresh();
    }
  }

  async remove(id: string): Promise<void> {
    if ((await this.#call(this.#api.deleteMachine(id).then(flag))) !== undefined) await this.refresh();
  }

  /** Downloads machine `id` (default: the console's) as a .photon file. */
  async exportMachine(id: string | undefined, learner?: string): Promise<void> {
    const file = await this.#call(this.#api.exportMachine(id, learner));
    if (!file) return;
    download(file.bytes, `${file.name.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'machine'}.photon`, 'application/gzip');
    this.note = `Exported “${file.name}”`;
  }

  /** Every machine as one file (a learner hands in the whole course). */
  async exportAll(learner?: string): Promise<void> {
    const file = await this.#call(this.#api.exportAllMachines(learner));
    if (!file) return;
    download(file.bytes, `${file.name.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'machines'}.photon`, 'application/gzip');
    this.note = `Exported ${file.count} machines in one file`;
  }

  async importFile(file: File): Promise<void> {
    if (file.size > MAX_IMPORT) {
      this.error = `${file.name}: ${file.size} bytes is more than a saved machine can be`;
      return;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const infos = await this.#call(this.#api.importMachine(transferBytes(bytes), file.name));
    if (infos) {
      this.note = infos.length === 1 ? `Imported “${infos[0]!.name}”: open it from the list` : `Imported ${infos.length} machines: open them from the list`;
      await this.refresh();
    }
  }

  /** Files dropped on the terminal: into the console's directory. */
  async putFiles(files: FileList | File[]): Promise<void> {
    const put: string[] = [];
    for (const f of Array.from(files)) {
      if (f.size > 64 * 1024 * 1024) {
        this.error = `${f.name}: larger than 64 MiB`;
        continue;
      }
      const path = await this.#call(this.#api.putFile(f.name, transferBytes(new Uint8Array(await f.arrayBuffer()))));
      if (path) put.push(path);
    }
    if (put.length) this.note = `Copied into the machine: ${put.join(', ')}`;
  }

  /** Downloads a file of the machine (a path, or relative to the console's directory). */
  async download(path: string): Promise<boolean> {
    const p = path.trim();
    if (!p) return false;
    const bytes = await this.#call(this.#api.getFile(p));
    if (!bytes) return false;
    download(bytes, p.split('/').filter(Boolean).pop() ?? 'file', 'application/octet-stream');
    this.note = `Downloaded ${p}`;
    return true;
  }

  /** A class report from the machine files learners exported (each restored and checked here). */
  async classReport(files: FileList | File[]): Promise<void> {
    this.reporting = true;
    try {
      const list: { name: string; bytes: Uint8Array }[] = [];
      for (const f of Array.from(files)) {
        if (f.size > MAX_IMPORT) continue;
        list.push({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });
      }
      const rows = await this.#call(this.#api.classReport(list));
      if (rows) this.report = rows;
    } finally {
      this.reporting = false;
    }
  }

  downloadReport(kind: 'csv' | 'json'): void {
    if (!this.report) return;
    const text = kind === 'csv' ? reportCsv(this.report) : `${JSON.stringify(this.report, null, 2)}\n`;
    download(new TextEncoder().encode(text), `class-report.${kind}`, kind === 'csv' ? 'text/csv' : 'application/json');
  }

  async #call<T>(pending: Promise<Result<T>>, report = true): Promise<T | undefined> {
    try {
      const r = await pending;
      if (r.ok) {
        if (report) this.error = '';
        return r.value;
      }
      if (report) this.error = r.error;
    } catch (e) {
      if (report) this.error = e instanceof Error ? e.message : String(e);
    }
    return undefined;
  }
}

/** The next page load looks for the saved machine before booting (machine-client.ts). */
function markSaved(): void {
  try {
    window.localStorage.setItem(SAVED_KEY, '1');
  } catch {
    // no storage: the next load boots fresh; the saved machines are still in the list
  }
}

/** A void result as a flag, so #call can tell success (true) from failure (undefined). */
function flag(r: Result<void>): Result<true> {
  return r.ok ? { ok: true, value: true } : r;
}

function download(bytes: Uint8Array, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
