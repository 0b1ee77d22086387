// I/O scheduling priorities (ioprio_get/ioprio_set), which the simulated kernel does not keep:
// this module keeps them per process for ionice. A process without one of its own takes the
// one its nearest ancestor set before it started (as fork would have copied it); with none,
// it is class none, data 0, as Linux reports for a process that never set one.
import type { ProcessInfo } from '../../shared/process';
import type { Sys } from '../../shared/sys';

interface Entry {
  start: number;
  setAt: number;
  value: number;
}

const table = new Map<number, Entry>();

function own(p: ProcessInfo): Entry | undefined {
  const e = table.get(p.pid);
  if (e && e.start !== p.startTime) {
    table.delete(p.pid);
    return undefined;
  }
  return e;
}

export function ioprioOf(procs: ProcessInfo[], pid: number): number {
  const byPid = new Map(procs.map((p) => [p.pid, p]));
  let p = byPid.get(pid);
  const born = p?.startTime ?? 0;
  let first = true;
  for (let hops = 0; p && hops < 64; hops++) {
    const e = own(p);
    if (e && (first || e.setAt <= born)) return e.value;
    first = false;
    p = byPid.get(p.ppid);
  }
  return 0;
}

export function setIoprio(sys: Sys, p: ProcessInfo, value: number): void {
  table.set(p.pid, { start: p.startTime, setAt: sys.now(), value });
}
