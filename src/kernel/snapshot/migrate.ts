// Older snapshot formats are brought up to the current one, one numbered step at a time, so a
// machine saved by an older version of the app always loads. A snapshot from a newer app is
// refused with a message saying so (its format cannot be guessed).
import { SNAPSHOT_VERSION } from './types';
import { SnapshotError } from './error';

/** MIGRATIONS[n] turns a version n header into version n+1 (none yet: version 1 is the first). */
const MIGRATIONS: Record<number, (header: Record<string, unknown>) => Record<string, unknown>> = {};

export function migrate(header: unknown): unknown {
  if (typeof header !== 'object' || header === null) throw new SnapshotError('the saved machine is damaged (its header is not an object)');
  let h = header as Record<string, unknown>;
  const v = h.version;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) throw new SnapshotError('the saved machine is damaged (no format version)');
  if (v > SNAPSHOT_VERSION) throw new SnapshotError(`the machine was saved by a newer version of the app (format ${v}; this one reads up to ${SNAPSHOT_VERSION})`);
  for (let n = v; n < SNAPSHOT_VERSION; n++) {
    const step = MIGRATIONS[n];
    if (!step) throw new SnapshotError(`no migration from format ${n}`);
    h = { ...step(h), version: n + 1 };
  }
  return h;
}
