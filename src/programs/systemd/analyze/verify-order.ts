// The ordering check of the start transaction systemd-analyze verify builds for a unit
// (transaction_verify_order() in src/core/transaction.c): the jobs are the unit and what it pulls
// in (Requires=, BindsTo=, Wants=, transitively); a walk along After= (and reversed Before=)
// edges that comes back to a job on its path is a cycle. The first job on the way back that the
// anchor does not need (one only wanted) is deleted and the walk starts over; a cycle of needed
// jobs fails the transaction. systemd walks its hash tables in an order of their own; this walk
// starts at the anchor and follows the settings in file order, which gives one of the outputs
// systemd itself can give.
import type { UnitConfig } from '../../../subsystems/systemd/config';

export interface OrderVerdict {
  /** What the manager logs, each line prefixed with a unit name. */
  lines: string[];
  /** The transaction's error, when a cycle could not be broken. */
  error?: string;
}

export const CYCLIC = 'Transaction order is cyclic. See system logs for details.';

/** What the verifier knows of a unit: its settings when it loaded, or why it takes no job. */
export interface UnitState {
  config?: UnitConfig;
  /** Why a unit that exists cannot take a job ("Unit x has a bad unit file setting."). */
  refusal?: string;
}

/** Checks the start transaction of `anchor`, with `state` telling what each unit is. */
export function verifyOrder(anchor: string, state: (name: string) => UnitState): OrderVerdict {
  const lines: string[] = [];
  const config = (name: string): UnitConfig | undefined => state(name).config;
  // the jobs, and which of them matter to the anchor (reached by required dependencies only)
  const jobs = new Map<string, boolean>();
  const add = (name: string, matters: boolean): void => {
    const cfg = config(name);
    if (!cfg) return;
    const had = jobs.get(name);
    if (had === true || (had === false && !matters)) return;
    jobs.set(name, matters);
    for (const d of [...cfg.requires, ...cfg.bindsTo]) add(d, matters);
    for (const d of cfg.wants) {
      // a wanted unit that cannot start is only named
      const refusal = state(d).refusal;
      if (refusal) lines.push(`${d}: Cannot add dependency job, ignoring: ${refusal}`);
      else add(d, false);
    }
  };
  add(anchor, true);

  // a job's successors in the walk: the units it is ordered after, and those ordered before it
  const after = (name: string): string[] => {
    const own = config(name)?.after ?? [];
    const reverse = [...jobs.keys()].filter((o) => config(o)?.before.includes(name));
    return [...new Set([...own, ...reverse])].filter((o) => jobs.has(o) && o !== name);
  };

  for (let round = 0; round <= jobs.size; round++) {
    const marker = new Map<string, string | null>();
    const done = new Set<string>();
    let outcome: 'deleted' | 'stuck' | undefined;
    const visit = (j: string, from: string | null): void => {
      if (outcome) return;
      if (done.has(j)) return;
      if (marker.has(j)) {
        // back on the path: the cycle runs from `from` back to j
        const path: string[] = [];
        for (let k: string | null = from; k !== null; k = k === j ? null : marker.get(k) ?? null) path.push(k);
        lines.push(`${j}: Found ordering cycle on ${path[0]}/start`);
        for (const k of path.slice(1)) lines.push(`${j}: Found dependency on ${k}/start`);
        const victim = path.find((k) => jobs.get(k) === false);
        if (victim) {
          lines.push(`${j}: Job ${victim}/start deleted to break ordering cycle starting with ${j}/start`);
          jobs.delete(victim);
          outcome = 'deleted';
        } else {
          lines.push(`${j}: Unable to break cycle starting with ${j}/start`);
          outcome = 'stuck';
        }
        return;
      }
      marker.set(j, from);
      for (const o of after(j)) visit(o, j);
      marker.delete(j);
      done.add(j);
    };
    for (const j of [...jobs.keys()]) visit(j, null);
    if (outcome === 'stuck') return { lines, error: CYCLIC };
    if (outcome !== 'deleted') break;
  }
  return { lines };
}
