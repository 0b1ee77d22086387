// How a process ended or changed state, as wait(2) reports it.
export type WaitStatus =
  | { kind: 'exited'; code: number }
  | { kind: 'signaled'; signal: number; core: boolean }
  | { kind: 'stopped'; signal: number }
  | { kind: 'continued' };

/** The shell's $? for a status: the code, or 128 + the signal. */
export function statusCode(s: WaitStatus): number {
  switch (s.kind) {
    case 'exited': return s.code & 0xff;
    case 'signaled': return 128 + s.signal;
    case 'stopped': return 128 + s.signal;
    case 'continued': return 0;
  }
}

export interface ProcessInfo {
  pid: number;
  ppid: number;
  pgid: number;
  sid: number;
  uid: number;
  gid: number;
  euid: number;
  /** I: an idle kernel thread (ps shows it like Linux's TASK_IDLE). */
  state: 'R' | 'S' | 'T' | 'Z' | 'I';
  comm: string;
  argv: string[];
  tty: string | undefined;
  /** In the foreground process group of its terminal (ps STAT `+`). */
  foreground: boolean;
  /** Leads its session (ps STAT `s`). */
  sessionLeader: boolean;
  startTime: number;
  cwd: string;
  /** Niceness, -20..19 (setpriority(2)). */
  nice: number;
  /** Real-time priority 1..99 for SCHED_FIFO kernel threads, 0 for normal scheduling. */
  rtprio: number;
  /** A kernel thread (kthreadd's children): no command line, no executable. */
  kthread: boolean;
  /** The scheduling policy (0 OTHER, 1 FIFO, 2 RR, 3 BATCH, 5 IDLE); kernel threads leave it out (FIFO when rtprio). */
  policy?: number;
  /** PF_* bits (/proc/PID/stat's flags): 0x40 forked and not exec'd, 0x100 used root's privilege. */
  flags?: number;
  /** Signals it ignores and signals it has handlers for (/proc/PID/status SigIgn, SigCgt). */
  ignored?: number[];
  caught?: number[];
}
