// What chrt and taskset share: the processes they may name, with the scheduling policy,
// real-time priority and CPU mask sched_getscheduler(2) and sched_getaffinity(2) report (the
// kernel threads with a real-time priority, migration and watchdogd, run SCHED_FIFO).
import type { Ctx } from '../lib/context';

/** The machine's CPUs (a 2-vCPU VM, as nproc and /proc/cpuinfo have it). */
export const CPUS = 2;

export interface SchedTask {
  pid: number;
  rtprio: number;
  policy: number;
  affinity: number;
}

/** The process `pid` (0: this one), or undefined (ESRCH). */
export function taskOf(ctx: Ctx, pid: number): SchedTask | undefined {
  try {
    const s = ctx.sys.schedGet(pid);
    return { pid: pid === 0 ? ctx.sys.pid : pid, rtprio: s.priority, policy: s.policy, affinity: s.affinity };
  } catch {
    return undefined;
  }
}

/** The threads of `pid` for --all-tasks (a simulated process has one: itself). */
export function tasksOf(ctx: Ctx, pid: number): SchedTask[] | undefined {
  const t = taskOf(ctx, pid);
  return t ? [t] : undefined;
}
