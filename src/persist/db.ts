// The IndexedDB database (through idb) that the page and the machine's worker share. One
// database for everything this browser keeps; each version's upgrade adds what it needs, so a
// browser that skipped versions catches up step by step and nothing already stored is lost.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { SessionState } from '../shared/lessons';
import type { MachineEntry } from '../shared/machines';

export interface SavedPack {
  id: string;
  title: string;
  /** the file's name when it was imported (labels problems) */
  name: string;
  /** the pack file's text, as imported */
  text: string;
  importedAt: number;
}

/** A saved machine's record; its disk and runtime are in `snapshots`. */
export interface MachineRecord extends MachineEntry {
  /** key of the current snapshot in `snapshots` (null before the first save) */
  snapshotKey: string | null;
  /** the lesson's progress on this machine (hints shown, times) */
  lesson?: SessionState;
}

export interface SnapshotRow {
  key: string;
  machineId: string;
  /** gzip of the PHSNAP frame (src/kernel/snapshot/codec.ts) */
  bytes: Uint8Array;
}

export interface PhotonDB extends DBSchema {
  'lesson-packs': { key: string; value: SavedPack };
  machines: { key: string; value: MachineRecord };
  snapshots: { key: string; value: SnapshotRow };
  /** small settings: 'current' (the machine the console shows) */
  settings: { key: string; value: unknown };
}

export const DB_NAME = 'photon-sim';
export const DB_VERSION = 2;

let opening: Promise<IDBPDatabase<PhotonDB>> | undefined;

/** The database, opened once per page or worker; rejects where there is no IndexedDB. */
export function database(factory?: IDBFactory): Promise<IDBPDatabase<PhotonDB>> {
  if (factory) return open(factory);
  opening ??= open().catch((e: unknown) => {
    opening = undefined;
    throw e;
  });
  return opening;
}

function open(factory?: IDBFactory): Promise<IDBPDatabase<PhotonDB>> {
  const upgrade = (db: IDBPDatabase<PhotonDB>, oldVersion: number): void => {
    if (oldVersion < 1) db.createObjectStore('lesson-packs', { keyPath: 'id' });
    if (oldVersion < 2) {
      db.createObjectStore('machines', { keyPath: 'id' });
      db.createObjectStore('snapshots', { keyPath: 'key' });
      db.createObjectStore('settings');
    }
  };
  if (!factory) {
    return openDB<PhotonDB>(DB_NAME, DB_VERSION, {
      upgrade,
      // another tab holding an older version must let go, or this one waits forever
      blocking(_current, _next, event) {
        (event.target as IDBDatabase | null)?.close();
      },
    });
  }
  // tests pass fake-indexeddb's factory: idb's openDB uses the global one, so bind it
  const g = globalThis as { indexedDB?: IDBFactory };
  const saved = g.indexedDB;
  g.indexedDB = factory;
  try {
    return openDB<PhotonDB>(DB_NAME, DB_VERSION, { upgrade });
  } finally {
    g.indexedDB = saved;
  }
}
