// tdnf's history database (/usr/lib/sysimage/tdnf/history.db on Photon 5.0): one entry per
// transaction with the packages it added and removed, and the names installed only as
// dependencies (what autoremove may take). The contents are this simulator's own format.
export const HISTORY_PATH = '/usr/lib/sysimage/tdnf/history.db';
const HEADER = '# photon-sim tdnf history, format 1';

export interface HistoryEntry {
  id: number;
  /** argv after option reordering, without the program name; '(set)' for the install image. */
  cmdline: string;
  /** Seconds since the epoch. */
  time: number;
  /** NEVRAs. */
  added: string[];
  removed: string[];
}

export interface HistoryDb {
  entries: HistoryEntry[];
  /** Package names installed as dependencies (autoinstalled). */
  auto: Set<string>;
}

export class HistoryDbError extends Error {}

const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

export function parseHistory(text: string): HistoryDb {
  const db: HistoryDb = { entries: [], auto: new Set() };
  text.split('\n').forEach((line, i) => {
    if (line === '' || line.startsWith('#')) return;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch {
      throw new HistoryDbError(`line ${i + 1}: not JSON`);
    }
    if (typeof v !== 'object' || v === null) throw new HistoryDbError(`line ${i + 1}: not a record`);
    const r = v as Record<string, unknown>;
    if (r.auto !== undefined) {
      if (!strings(r.auto)) throw new HistoryDbError(`line ${i + 1}: bad auto list`);
      db.auto = new Set(r.auto);
      return;
    }
    if (typeof r.id !== 'number' || typeof r.cmd !== 'string' || typeof r.time !== 'number' || !strings(r.added) || !strings(r.removed)) {
      throw new HistoryDbError(`line ${i + 1}: bad transaction`);
    }
    db.entries.push({ id: r.id, cmdline: r.cmd, time: r.time, added: r.added, removed: r.removed });
  });
  return db;
}

export function serializeHistory(db: HistoryDb): string {
  const lines = [HEADER];
  for (const e of db.entries) lines.push(JSON.stringify({ id: e.id, cmd: e.cmdline, time: e.time, added: e.added, removed: e.removed }));
  lines.push(JSON.stringify({ auto: [...db.auto].sort() }));
  return `${lines.join('\n')}\n`;
}

/** The installed set (NEVRAs) right after entry `id`, replaying the history from the start. */
export function setAfter(db: HistoryDb, id: number): Set<string> {
  const set = new Set<string>();
  for (const e of db.entries) {
    if (e.id > id) break;
    for (const r of e.removed) set.delete(r);
    for (const a of e.added) set.add(a);
  }
  return set;
}
