// Saved machines in IndexedDB: the list (records) and each machine's current snapshot. A save
// is one transaction that writes the new snapshot under a new key, points the record at it and
// deletes the old one, so a tab closed mid-save leaves the previous snapshot in place; a
// snapshot that cannot be read marks only its own machine as damaged.
import type { IDBPDatabase } from 'idb';
import type { MachineRecord, PhotonDB } from './db';

export class StorageFullError extends Error {
  constructor() {
    super("The browser's storage for this site is full: the machine was not saved. Export it to a file, or delete machines you no longer need.");
    this.name = 'StorageFullError';
  }
}

function isQuota(e: unknown): boolean {
  const name = (e as { name?: string } | null)?.name;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

/** Steps of a save, for tests that interrupt one at each step. */
export type SaveStep = 'snapshot-written' | 'record-updated' | 'old-deleted';

export class MachineStore {
  constructor(private readonly db: IDBPDatabase<PhotonDB>) {}

  async list(): Promise<MachineRecord[]> {
    const all = await this.db.getAll('machines');
    return all.sort((a, b) => b.lastUsed - a.lastUsed);
  }

  get(id: string): Promise<MachineRecord | undefined> {
    return this.db.get('machines', id);
  }

  async put(record: MachineRecord): Promise<void> {
    try {
      await this.db.put('machines', record);
    } catch (e) {
      throw isQuota(e) ? new StorageFullError() : e;
    }
  }

  async current(): Promise<string | undefined> {
    const v = await this.db.get('settings', 'current');
    return typeof v === 'string' ? v : undefined;
  }

  async setCurrent(id: string): Promise<void> {
    await this.db.put('settings', id, 'current');
  }

  /**
   * Saves `bytes` as machine `id`'s snapshot and applies `patch` to its record, atomically.
   * `step` is called after each step inside the transaction (tests throw there to interrupt).
   */
  async save(id: string, bytes: Uint8Array, patch: Partial<MachineRecord>, step?: (s: SaveStep) => void): Promise<MachineRecord> {
    const tx = this.db.transaction(['machines', 'snapshots'], 'readwrite');
    try {
      const machines = tx.objectStore('machines');
      const snapshots = tx.objectStore('snapshots');
      const rec = await machines.get(id);
      if (!rec) throw new Error(`no machine ${id}`);
      const old = rec.snapshotKey;
      const key = `${id}/${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
      await snapshots.put({ key, machineId: id, bytes });
      step?.('snapshot-written');
      const next: MachineRecord = { ...rec, ...patch, snapshotKey: key, size: bytes.length };
      delete next.damaged;
      await machines.put(next);
      step?.('record-updated');
      if (old && old !== key) await snapshots.delete(old);
      step?.('old-deleted');
      await tx.done;
      return next;
    } catch (e) {
      try {
        tx.abort();
      } catch {
        // already finished or aborted
      }
      await tx.done.catch(() => {});
      throw isQuota(e) ? new StorageFullError() : e;
    }
  }

  /** The current snapshot's bytes (undefined before the first save). */
  async snapshot(id: string): Promise<Uint8Array | undefined> {
    const rec = await this.get(id);
    if (!rec?.snapshotKey) return undefined;
    const row = await this.db.get('snapshots', rec.snapshotKey);
    return row?.bytes;
  }

  async remove(id: string): Promise<void> {
    const tx = this.db.transaction(['machines', 'snapshots', 'settings'], 'readwrite');
    const rec = await tx.objectStore('machines').get(id);
    if (rec?.snapshotKey) await tx.objectStore('snapshots').delete(rec.snapshotKey);
    await tx.objectStore('machines').delete(id);
    if ((await tx.objectStore('settings').get('current')) === id) await tx.objectStore('settings').delete('current');
    await tx.done;
  }

  /** Removes snapshots no record points at (left by a browser that died between steps of an older app). */
  async sweep(): Promise<number> {
    const tx = this.db.transaction(['machines', 'snapshots'], 'readwrite');
    const used = new Set((await tx.objectStore('machines').getAll()).map((r) => r.snapshotKey));
    let n = 0;
    for (const key of await tx.objectStore('snapshots').getAllKeys()) {
      if (!used.has(key)) {
        await tx.objectStore('snapshots').delete(key);
        n++;
      }
    }
    await tx.done;
    return n;
  }
}
