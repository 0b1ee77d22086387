// The order rpm runs a transaction in (lib/order.c, rpmtsOrder): installs first, then erases,
// each a topological sort where a package comes after what it requires (erases: before), and the
// ready queue is kept sorted by how many packages wait on each element, newest first among
// equals. With tdnf adding elements in its table order, this reproduces the order of the
// "Installing/Updating:" and "Removing:" lines.
import type { Pool, Solvable } from './pool';

export interface TsElement {
  s: Solvable;
  kind: 'install' | 'erase';
}

interface Node {
  el: TsElement;
  /** Predecessors not yet placed. */
  count: number;
  /** How many elements wait on this one (rpm's tsi_qcnt): more goes first. */
  qcnt: number;
  successors: Node[];
}

export function orderTransaction(pool: Pool, elements: readonly TsElement[]): TsElement[] {
  const nodes = elements.map((el): Node => ({ el, count: 0, qcnt: 0, successors: [] }));
  const relate = (before: Node, after: Node): void => {
    if (before === after || before.successors.includes(after)) return;
    before.successors.push(after);
    before.qcnt++;
    after.count++;
  };
  for (const kind of ['install', 'erase'] as const) {
    const members = nodes.filter((n) => n.el.kind === kind);
    const bySolvable = new Map(members.map((m) => [m.el.s, m]));
    for (const p of members) {
      for (const req of pool.requirements(p.el.s)) {
        for (const dep of req.anyOf) {
          for (const prov of pool.whatProvides(dep)) {
            const q = bySolvable.get(prov);
            // an install goes after what it needs; an erase goes before what it needed
            if (q) kind === 'install' ? relate(q, p) : relate(p, q);
          }
        }
      }
    }
  }
  const out: TsElement[] = [];
  for (const kind of ['install', 'erase'] as const) {
    const members = nodes.filter((n) => n.el.kind === kind);
    const placed = new Set<Node>();
    const queue: Node[] = [];
    // inserts before the first queued element (after `from`) waited on by no more packages
    const addQ = (n: Node, from: number): void => {
      let j = from;
      while (j < queue.length && queue[j]!.qcnt > n.qcnt) j++;
      queue.splice(j, 0, n);
    };
    for (const n of members) if (n.count === 0) addQ(n, 0);
    let pos = 0;
    // bounded: each pass places one node; a dependency loop is broken by taking the next unplaced
    while (placed.size < members.length) {
      if (pos >= queue.length) {
        const next = members.find((m) => !placed.has(m) && !queue.includes(m));
        if (!next) break;
        addQ(next, pos);
      }
      const n = queue[pos]!;
      placed.add(n);
      out.push(n.el);
      for (const succ of n.successors) if (--succ.count === 0 && !placed.has(succ) && !queue.includes(succ)) addQ(succ, pos + 1);
      pos++;
    }
  }
  return out;
}
