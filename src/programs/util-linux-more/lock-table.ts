// The flock(2) locks of the machine's processes, as flock(1) needs them. The kernel keeps no
// such table, so this module does: a lock belongs to a holder process (flock itself while its
// command runs, or, for `flock FD`, the shell that holds the descriptor) and lapses when that
// process is gone. Limit: a lock taken through a descriptor is not released when the shell
// merely closes that descriptor, only by `flock -u FD` or the holder's exit.
import type { Sys } from '../../shared/sys';

export type LockType = 'sh' | 'ex';

interface Holder {
  type: LockType;
  start: number;
}

const table = new Map<string, Map<number, Holder>>();

function alive(sys: Sys, pid: number, start: number): boolean {
  return sys.processes().some((p) => p.pid === pid && p.startTime === start && p.state !== 'Z');
}

/** The start time of `pid` (to tell it from a later process given the same number). */
export function startOf(sys: Sys, pid: number): number | undefined {
  return sys.processes().find((p) => p.pid === pid)?.startTime;
}

/** Takes the lock if no other live holder conflicts; false when it would block. */
export function tryLock(sys: Sys, key: string, owner: number, type: LockType): boolean {
  const start = startOf(sys, owner) ?? 0;
  let holders = table.get(key);
  if (!holders) table.set(key, (holders = new Map()));
  for (const [pid, h] of holders) if (!alive(sys, pid, h.start)) holders.delete(pid);
  for (const [pid, h] of holders) if (pid !== owner && (type === 'ex' || h.type === 'ex')) return false;
  holders.set(owner, { type, start });
  return true;
}

export function unlock(key: string, owner: number): void {
  const holders = table.get(key);
  holders?.delete(owner);
  if (holders && holders.size === 0) table.delete(key);
}
