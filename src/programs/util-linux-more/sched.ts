// What chrt and taskset share: the processes they may name, as sched_getscheduler(2) and
// sched_getaffinity(2) find them. The simulated kernel keeps no scheduling policy or CPU
// mask per process: every process runs SCHED_OTHER on all CPUs, the kernel threads with a
// real-time priority (migration, watchdogd) SCHED_FIFO; a change is checked and accepted.
import type { Ctx } from '../lib/context';

/** The machine's CPUs (a 2-vCPU VM, as nproc and /proc/cpuinfo have it). */
export const CPUS = 2;

export interface SchedTask {
  pid: number;
  rtprio: number;
}

/** The process `pid` (0: this one), or undefined (ESRCH). */
export function taskOf(ctx: Ctx, pid: number): SchedTask | undefined {
  const want = pid === 0 ? ctx.sys.pid : pid;
  const p = ctx.sys.processes().find((q) => q.pid === want);
  return p ? { pid: p.pid, rtprio: p.rtprio } : undefined;
}

/** The threads of `pid` for --all-tasks (a simulated process has one: itself). */
export function tasksOf(ctx: Ctx, pid: number): SchedTask[] | undefined {
  const t = taskOf(ctx, pid);
  return t ? [t] : undefined;
}
