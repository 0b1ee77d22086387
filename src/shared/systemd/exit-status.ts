// Exit status names as systemd prints them in "status=1/FAILURE" (src/basic/exit-status.c) and
// signal names as in "status=15/TERM" (the journal) and "signal=TERM" (systemctl status).
import { signalName } from '../signals';

const NAMES: Record<number, string> = {
  0: 'SUCCESS', 1: 'FAILURE', 2: 'INVALIDARGUMENT', 3: 'NOTIMPLEMENTED', 4: 'NOPERMISSION', 5: 'NOTINSTALLED',
  6: 'NOTCONFIGURED', 7: 'NOTRUNNING', 200: 'CHDIR', 201: 'NICE', 202: 'FDS', 203: 'EXEC', 204: 'MEMORY',
  205: 'LIMITS', 206: 'OOM_ADJUST', 207: 'SIGNAL_MASK', 208: 'STDIN', 209: 'STDOUT', 210: 'CHROOT', 211: 'IOPRIO',
  212: 'TIMERSLACK', 213: 'SECUREBITS', 214: 'SETSCHEDULER', 215: 'CPUAFFINITY', 216: 'GROUP', 217: 'USER',
  218: 'CAPABILITIES', 219: 'CGROUP', 220: 'SETSID', 221: 'CONFIRM', 222: 'STDERR', 224: 'PAM', 225: 'NETWORK',
  226: 'NAMESPACE', 227: 'NO_NEW_PRIVILEGES', 228: 'SECCOMP', 229: 'SELINUX_CONTEXT', 230: 'PERSONALITY',
  231: 'APPARMOR', 232: 'ADDRESS_FAMILIES', 233: 'RUNTIME_DIRECTORY', 235: 'CHOWN', 236: 'SMACK_PROCESS_LABEL',
  237: 'KEYRING', 238: 'STATE_DIRECTORY', 239: 'CACHE_DIRECTORY', 240: 'LOGS_DIRECTORY', 241: 'CONFIGURATION_DIRECTORY',
  242: 'NUMA_POLICY', 243: 'CREDENTIALS', 244: 'BPF',
  255: 'EXCEPTION',
};

/** sysexits.h names, which SuccessExitStatus= also accepts. */
const SYSEXITS: Record<string, number> = { USAGE: 64, DATAERR: 65, NOINPUT: 66, NOUSER: 67, NOHOST: 68, UNAVAILABLE: 69, SOFTWARE: 70, OSERR: 71, OSFILE: 72, CANTCREAT: 73, IOERR: 74, TEMPFAIL: 75, PROTOCOL: 76, NOPERM: 77, CONFIG: 78 };

/** "1/FAILURE", "203/EXEC", or the bare number when it has no name. */
export function exitStatusText(status: number): string {
  const name = NAMES[status];
  return name ? `${status}/${name}` : String(status);
}

/** A signal without its SIG prefix ("TERM"), or the number when it has no name. */
export function signalShort(sig: number): string {
  return signalName(sig)?.slice(3) ?? String(sig);
}

/** "15/TERM", as the manager logs a process killed by a signal. */
export function signalText(sig: number): string {
  const name = signalName(sig);
  return name ? `${sig}/${name.slice(3)}` : String(sig);
}

/** An exit status from SuccessExitStatus= and friends: a number, or a name ("DATAERR", "EXEC"). */
export function parseExitStatus(word: string): number | undefined {
  if (/^\d+$/.test(word)) {
    const n = Number(word);
    return n <= 255 ? n : undefined;
  }
  if (SYSEXITS[word] !== undefined) return SYSEXITS[word];
  const hit = Object.entries(NAMES).find(([, name]) => name === word);
  return hit ? Number(hit[0]) : undefined;
}

/** Every named exit status in number order with its class (libc, LSB, BSD, systemd), as the
 * table of src/shared/exit-status.c that systemd-analyze exit-status prints. */
export function exitStatusEntries(): { status: number; name: string; cls: string }[] {
  const all: [number, string][] = [...Object.entries(NAMES).map(([k, v]): [number, string] => [Number(k), v]), ...Object.entries(SYSEXITS).map(([k, v]): [number, string] => [v, k])];
  return all.sort((a, b) => a[0] - b[0]).map(([status, name]) => ({ status, name, cls: exitStatusClass(status)! }));
}

/** The class of a named status, undefined for an unnamed one. */
export function exitStatusClass(status: number): string | undefined {
  if (status <= 1) return 'libc';
  if (status <= 7) return 'LSB';
  if (Object.values(SYSEXITS).includes(status)) return 'BSD';
  return NAMES[status] ? 'systemd' : undefined;
}

/** exit_status_from_string(): a name of the table (BSD ones included), else a number 0-255. */
export function exitStatusFromString(s: string): number | 'EINVAL' | 'ERANGE' {
  const hit = exitStatusEntries().find((e) => e.name === s);
  if (hit) return hit.status;
  // safe_atou8(): leading blanks, an optional sign, 0x/0o/0b or C octal prefixes, nothing after
  const m = /^[ \t\n\r\v\f]*([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return 'EINVAL';
  const body = m[2]!;
  const v = /^0[oO]/.test(body) ? parseInt(body.slice(2), 8) : /^0[bB]/.test(body) ? parseInt(body.slice(2), 2) : /^0[xX]/.test(body) ? parseInt(body.slice(2), 16) : body.length > 1 && body.startsWith('0') ? parseInt(body, 8) : Number(body);
  if (m[1] === '-' && v !== 0) return 'ERANGE';
  return v > 255 ? 'ERANGE' : v;
}
