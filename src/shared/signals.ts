// Signal numbers (x86_64 Linux) and the shell's descriptions of them (bash's siglist).

export const SIGNALS = {
  SIGHUP: 1,
  SIGINT: 2,
  SIGQUIT: 3,
  SIGILL: 4,
  SIGTRAP: 5,
  SIGABRT: 6,
  SIGBUS: 7,
  SIGFPE: 8,
  SIGKILL: 9,
  SIGUSR1: 10,
  SIGSEGV: 11,
  SIGUSR2: 12,
  SIGPIPE: 13,
  SIGALRM: 14,
  SIGTERM: 15,
  SIGSTKFLT: 16,
  SIGCHLD: 17,
  SIGCONT: 18,
  SIGSTOP: 19,
  SIGTSTP: 20,
  SIGTTIN: 21,
  SIGTTOU: 22,
  SIGURG: 23,
  SIGXCPU: 24,
  SIGXFSZ: 25,
  SIGVTALRM: 26,
  SIGPROF: 27,
  SIGWINCH: 28,
  SIGIO: 29,
  SIGPWR: 30,
  SIGSYS: 31,
} as const;

export type SignalName = keyof typeof SIGNALS;

const BY_NUMBER = new Map<number, SignalName>(
  (Object.entries(SIGNALS) as [SignalName, number][]).map(([n, v]) => [v, n]),
);

export function signalName(sig: number): SignalName | undefined {
  return BY_NUMBER.get(sig);
}

/** The real-time signals as glibc numbers them (32 and 33 are its own, for threads). */
export const SIGRTMIN = 34;
export const SIGRTMAX = 64;

/** glibc's name of a real-time signal: SIGRTMIN, SIGRTMIN+n up to the middle, SIGRTMAX-n, SIGRTMAX. */
export function realtimeSignalName(sig: number): string | undefined {
  if (sig < SIGRTMIN || sig > SIGRTMAX) return undefined;
  if (sig === SIGRTMIN) return 'SIGRTMIN';
  if (sig === SIGRTMAX) return 'SIGRTMAX';
  return sig <= (SIGRTMIN + SIGRTMAX) >> 1 ? `SIGRTMIN+${sig - SIGRTMIN}` : `SIGRTMAX-${SIGRTMAX - sig}`;
}

/** Accepts 'INT', 'SIGINT', 'int' or '2'. */
export function parseSignal(text: string): number | undefined {
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    return n >= 0 && n <= 64 ? n : undefined;
  }
  const up = text.toUpperCase();
  const name = (up.startsWith('SIG') ? up : `SIG${up}`) as SignalName;
  return SIGNALS[name];
}

/** What bash prints when a job dies of a signal (strsignal texts). */
export const SIGNAL_DESCRIPTIONS: Record<number, string> = {
  1: 'Hangup',
  2: 'Interrupt',
  3: 'Quit',
  4: 'Illegal instruction',
  5: 'Trace/breakpoint trap',
  6: 'Aborted',
  7: 'Bus error',
  8: 'Floating point exception',
  9: 'Killed',
  10: 'User defined signal 1',
  11: 'Segmentation fault',
  12: 'User defined signal 2',
  13: 'Broken pipe',
  14: 'Alarm clock',
  15: 'Terminated',
  16: 'Stack fault',
  17: 'Child exited',
  18: 'Continued',
  19: 'Stopped (signal)',
  20: 'Stopped',
  21: 'Stopped (tty input)',
  22: 'Stopped (tty output)',
  23: 'Urgent I/O condition',
  24: 'CPU time limit exceeded',
  25: 'File size limit exceeded',
  26: 'Virtual timer expired',
  27: 'Profiling timer expired',
  28: 'Window changed',
  29: 'I/O possible',
  30: 'Power failure',
  31: 'Bad system call',
};

/** Signals whose default action is to ignore. */
export const DEFAULT_IGNORED = new Set<number>([17, 18, 23, 28]);
/** Signals whose default action is to stop the process. */
export const DEFAULT_STOP = new Set<number>([19, 20, 21, 22]);
