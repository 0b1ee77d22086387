// Exit status names as systemd prints them in "status=1/FAILURE" (src/basic/exit-status.c) and
// signal names as in "status=15/TERM".

const NAMES: Record<number, string> = {
  0: 'SUCCESS', 1: 'FAILURE', 2: 'INVALIDARGUMENT', 3: 'NOTIMPLEMENTED', 4: 'NOPERMISSION', 5: 'NOTINSTALLED',
  6: 'NOTCONFIGURED', 7: 'NOTRUNNING', 200: 'CHDIR', 201: 'NICE', 202: 'FDS', 203: 'EXEC', 204: 'MEMORY',
  205: 'LIMITS', 206: 'OOM_ADJUST', 207: 'SIGNAL_MASK', 208: 'STDIN', 209: 'STDOUT', 210: 'CHROOT', 211: 'IOPRIO',
  212: 'TIMERSLACK', 213: 'SECUREBITS', 214: 'SETSCHEDULER', 215: 'CPUAFFINITY', 216: 'GROUP', 217: 'USER',
  218: 'CAPABILITIES', 219: 'CGROUP', 220: 'SETSID', 221: 'CONFIRM', 222: 'STDERR', 224: 'PAM', 225: 'NETWORK',
  226: 'NAMESPACE', 227: 'NO_NEW_PRIVILEGES', 228: 'SECCOMP', 229: 'SELINUX_CONTEXT', 230: 'PERSONALITY',
  231: 'APPARMOR_PROFILE', 232: 'ADDRESS_FAMILIES', 233: 'RUNTIME_DIRECTORY', 235: 'CHOWN', 236: 'SMACK_PROCESS_LABEL',
  237: 'KEYRING', 238: 'STATE_DIRECTORY', 239: 'CACHE_DIRECTORY', 240: 'LOGS_DIRECTORY', 241: 'CONFIGURATION_DIRECTORY',
  242: 'NUMA_POLICY', 243: 'CREDENTIALS', 245: 'BPF',
  255: 'EXCEPTION',
};

const SIGNALS: Record<number, string> = {
  1: 'HUP', 2: 'INT', 3: 'QUIT', 4: 'ILL', 5: 'TRAP', 6: 'ABRT', 7: 'BUS', 8: 'FPE', 9: 'KILL', 10: 'USR1', 11: 'SEGV',
  12: 'USR2', 13: 'PIPE', 14: 'ALRM', 15: 'TERM', 17: 'CHLD', 18: 'CONT', 19: 'STOP', 20: 'TSTP', 24: 'XCPU', 25: 'XFSZ',
};

/** "1/FAILURE", "203/EXEC", or the bare number when it has no name. */
export function exitStatusText(status: number): string {
  const name = NAMES[status];
  return name ? `${status}/${name}` : String(status);
}

export function signalText(sig: number): string {
  const name = SIGNALS[sig];
  return name ? `${sig}/${name}` : String(sig);
}

export function signalName(sig: number): string {
  return `SIG${SIGNALS[sig] ?? sig}`;
}
