// The browser database's upgrades (issue 10: nothing stored is lost): a database made by the
// first version (lesson packs only) opens as the current one with its packs intact and the
// machine stores added; and the snapshot format's version rules.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { database, DB_NAME, DB_VERSION } from '../../../src/persist/db';
import { migrate } from '../../../src/kernel/snapshot/migrate';
import { SNAPSHOT_VERSION } from '../../../src/kernel/snapshot/types';

describe('the browser database', () => {
  it('upgrades a version 1 database (packs only) to the current version, keeping the packs', async () => {
    const factory = new IDBFactory();
    const g = globalThis as { indexedDB: IDBFactory };
    const saved = g.indexedDB;
    g.indexedDB = factory;
    try {
      const v1 = await openDB(DB_NAME, 1, { upgrade: (db) => void db.createObjectStore('lesson-packs', { keyPath: 'id' }) });
      await v1.put('lesson-packs', { id: 'week-3', title: 'Week 3', name: 'week3.json', text: '{}', importedAt: 1 });
      v1.close();
    } finally {
      g.indexedDB = saved;
    }
    const db = await database(factory);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['lesson-packs', 'machines', 'settings', 'snapshots']);
    expect(await db.get('lesson-packs', 'week-3')).toMatchObject({ title: 'Week 3', name: 'week3.json' });
    db.close();
  });
});

describe('snapshot format versions', () => {
  it('passes the current version through, refuses a newer one by name and a header without one', () => {
    expect(migrate({ version: SNAPSHOT_VERSION, x: 1 })).toEqual({ version: SNAPSHOT_VERSION, x: 1 });
    expect(() => migrate({ version: SNAPSHOT_VERSION + 1 })).toThrow(`the machine was saved by a newer version of the app (format ${SNAPSHOT_VERSION + 1}; this one reads up to ${SNAPSHOT_VERSION})`);
    expect(() => migrate({ version: 0 })).toThrow('the saved machine is damaged (no format version)');
    expect(() => migrate('x')).toThrow('the saved machine is damaged (its header is not an object)');
  });
});
