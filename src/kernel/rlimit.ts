// Resource limits (getrlimit(2)): a soft and a hard limit per resource, per process, copied
// to children at fork and kept across exec. What a login shell on Photon OS 5.0 starts with:
// the kernel's defaults (init_task, sized by max_threads) and systemd 253's DefaultLimit*
// for the services and sessions it starts (NOFILE 1024:524288, MEMLOCK 8M).
import { SysError } from '../shared/errno';
import type { Rlimit, RlimitResource } from '../shared/sys';

export type Rlimits = Record<RlimitResource, Rlimit>;

const INF = Infinity;

/** The limits a process starts with when no parent passes its own (init, a fresh login). */
export function defaultRlimits(maxThreads: number): Rlimits {
  // fork_init(): RLIMIT_NPROC and RLIMIT_SIGPENDING are half of max_threads
  const half = Math.floor(maxThreads / 2);
  return {
    cpu: { soft: INF, hard: INF },
    fsize: { soft: INF, hard: INF },
    data: { soft: INF, hard: INF },
    stack: { soft: 8 * 1024 * 1024, hard: INF },
    core: { soft: 0, hard: INF },
    rss: { soft: INF, hard: INF },
    nproc: { soft: half, hard: half },
    nofile: { soft: 1024, hard: 524288 },
    memlock: { soft: 8 * 1024 * 1024, hard: 8 * 1024 * 1024 },
    as: { soft: INF, hard: INF },
    locks: { soft: INF, hard: INF },
    sigpending: { soft: half, hard: half },
    msgqueue: { soft: 819200, hard: 819200 },
    nice: { soft: 0, hard: 0 },
    rtprio: { soft: 0, hard: 0 },
    rttime: { soft: INF, hard: INF },
  };
}

export function copyRlimits(r: Rlimits): Rlimits {
  const out = {} as Rlimits;
  for (const k of Object.keys(r) as RlimitResource[]) out[k] = { ...r[k] };
  return out;
}

/**
 * do_prlimit's checks: soft above hard is EINVAL; raising the hard limit needs
 * CAP_SYS_RESOURCE (root); RLIMIT_NOFILE's hard limit may not pass fs.nr_open, even for root.
 */
export function checkSetrlimit(current: Rlimit, next: Rlimit, resource: RlimitResource, privileged: boolean, nrOpen: number): void {
  if (!(next.soft <= next.hard)) throw new SysError('EINVAL', 'setrlimit');
  if (resource === 'nofile' && next.hard > nrOpen) throw new SysError('EPERM', 'setrlimit');
  if (next.hard > current.hard && !privileged) throw new SysError('EPERM', 'setrlimit');
}

// /proc/<pid>/limits: names and units as fs/proc/base.c lists them
const LIMIT_ROWS: [RlimitResource, string, string][] = [
  ['cpu', 'Max cpu time', 'seconds'],
  ['fsize', 'Max file size', 'bytes'],
  ['data', 'Max data size', 'bytes'],
  ['stack', 'Max stack size', 'bytes'],
  ['core', 'Max core file size', 'bytes'],
  ['rss', 'Max resident set', 'bytes'],
  ['nproc', 'Max processes', 'processes'],
  ['nofile', 'Max open files', 'files'],
  ['memlock', 'Max locked memory', 'bytes'],
  ['as', 'Max address space', 'bytes'],
  ['locks', 'Max file locks', 'locks'],
  ['sigpending', 'Max pending signals', 'signals'],
  ['msgqueue', 'Max msgqueue size', 'bytes'],
  ['nice', 'Max nice priority', ''],
  ['rtprio', 'Max realtime priority', ''],
  ['rttime', 'Max realtime timeout', 'us'],
];

/** The text of /proc/<pid>/limits (proc_pid_limits: "%-25s %-20s %-20s %-10s"). */
export function limitsText(r: Rlimits): string {
  const v = (n: number): string => (n === INF ? 'unlimited' : String(n));
  let out = `${'Limit'.padEnd(25)} ${'Soft Limit'.padEnd(20)} ${'Hard Limit'.padEnd(20)} ${'Units'.padEnd(10)}\n`;
  for (const [key, name, unit] of LIMIT_ROWS) {
    const l = r[key];
    out += `${name.padEnd(25)} ${v(l.soft).padEnd(20)} ${v(l.hard).padEnd(20)} ${unit ? unit.padEnd(10) : ''}\n`;
  }
  return out;
}
