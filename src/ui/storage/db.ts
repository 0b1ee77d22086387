// The page's IndexedDB database (through idb). One database for everything this browser keeps;
// each version's upgrade adds what it needs, so a browser that skipped versions catches up step
// by step and nothing already stored is lost.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

export interface SavedPack {
  id: string;
  title: string;
  /** the file's name when it was imported (labels problems) */
  name: string;
  /** the pack file's text, as imported */
  text: string;
  importedAt: number;
}

export interface PhotonDB extends DBSchema {
  'lesson-packs': { key: string; value: SavedPack };
}

export const DB_NAME = 'photon-sim';
export const DB_VERSION = 1;

let opening: Promise<IDBPDatabase<PhotonDB>> | undefined;

/** The database, opened once per page; rejects where the browser has no IndexedDB. */
export function database(): Promise<IDBPDatabase<PhotonDB>> {
  opening ??= openDB<PhotonDB>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) db.createObjectStore('lesson-packs', { keyPath: 'id' });
    },
  }).catch((e: unknown) => {
    opening = undefined;
    throw e;
  });
  return opening;
}
