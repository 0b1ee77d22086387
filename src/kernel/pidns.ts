// PID namespaces (pid_namespaces(7)): a container's processes see their own numbering, its first
// process being 1. The kernel keeps one pid per process (the machine's, what the host sees); a
// namespace maps those to its own numbers for every process in it or in a namespace below it.
// Translation happens at the syscall boundary (sys.ts) and in a procfs mounted for the namespace.
import type { Process } from './process';

/** Most pids one namespace hands out before wrapping (pid_max). */
const PID_MAX = 4194304;

export class PidNamespace {
  private next = 1;
  private readonly toNs = new Map<number, number>();
  private readonly toHost = new Map<number, number>();
  /** The machine pid of the namespace's init (its pid 1); 0 until it is created. */
  init = 0;

  constructor(readonly parent?: PidNamespace) {}

  /** Gives machine pid `hostPid` the next number here. */
  add(hostPid: number): number {
    let n = this.next++;
    if (n > PID_MAX) n = this.next = 2;
    while (this.toHost.has(n)) n = this.next++;
    this.toNs.set(hostPid, n);
    this.toHost.set(n, hostPid);
    if (n === 1) this.init = hostPid;
    return n;
  }

  remove(hostPid: number): void {
    const n = this.toNs.get(hostPid);
    if (n === undefined) return;
    this.toNs.delete(hostPid);
    this.toHost.delete(n);
  }

  /** The number machine pid `hostPid` has here; undefined when that process is outside. */
  nsPid(hostPid: number): number | undefined {
    return this.toNs.get(hostPid);
  }

  /** The machine pid of this namespace's process `nsPid`. */
  hostPid(nsPid: number): number | undefined {
    return this.toHost.get(nsPid);
  }

  /** Whether this is `other` or an ancestor of it. */
  contains(other: PidNamespace | undefined): boolean {
    for (let ns = other; ns; ns = ns.parent) if (ns === this) return true;
    return false;
  }

  /** How many processes it holds (nested namespaces' included). */
  get size(): number {
    return this.toNs.size;
  }
}

/** A process's pid as a viewer in namespace `ns` sees it (undefined ns: the machine's); 0 when it is outside. */
export function pidFor(ns: PidNamespace | undefined, hostPid: number): number {
  if (!ns || hostPid <= 0) return hostPid;
  return ns.nsPid(hostPid) ?? 0;
}

/** The machine pid of the process a viewer in `ns` names `pid`; undefined when there is none. */
export function hostPidFor(ns: PidNamespace | undefined, pid: number): number | undefined {
  if (!ns || pid <= 0) return pid;
  return ns.hostPid(pid);
}

/** Whether a viewer in `ns` sees process `p` (the machine's namespace sees every process). */
export function sees(ns: PidNamespace | undefined, p: Process): boolean {
  return !ns || ns.nsPid(p.pid) !== undefined;
}

/** Registers a new process in its namespace and every one above it. */
export function enterPidNamespaces(ns: PidNamespace | undefined, hostPid: number): void {
  for (let n = ns; n; n = n.parent) n.add(hostPid);
}

/** Forgets a reaped process in every namespace it was in. */
export function leavePidNamespaces(ns: PidNamespace | undefined, hostPid: number): void {
  for (let n = ns; n; n = n.parent) n.remove(hostPid);
}
