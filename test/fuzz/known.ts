// Failures the fuzzers find in code outside this fuzzer's owners' reach, reported with a
// reproducer to those who own it. They are counted and listed apart (npm run fuzz shows them),
// and do not fail npm test; remove an entry once its fix lands, and the fuzzers guard the fix.
import type { Failure } from './lib';

export interface KnownBug {
  id: string;
  /** where the bug is and how to see it */
  note: string;
  matches(f: Failure): boolean;
}

export const KNOWN: KnownBug[] = [
  {
    id: 'init-killable',
    note: "src/kernel/sys.ts kill(): signals with no handler (SIGKILL, SIGTERM) end pid 1; Linux delivers to init only the signals it handles. Repro: npm run -s sim -- -c 'kill -9 1; ps -p 1 || echo init gone'",
    matches: (f) => f.why.startsWith('init (pid 1) died'),
  },
  {
    id: 'spawn-without-dev-null',
    note: "src/kernel/service-host.ts spawn(): resolving /dev/null throws when it is missing, instead of failing the exec at step STDIN (status 208/STDIN). Repro: npm run -s sim -- -c 'rm /dev/null; systemctl restart sshd' prints 'systemctl: internal error: stat /dev/null: No such file or directory'",
    matches: (f) => /stat \/dev\/null: No such file or directory/.test(f.why),
  },
  {
    id: 'bash-interactive-without-tty',
    note: "src/programs/shell: bash -i with no terminal crashes on tcsetpgrp (ENOTTY); bash says 'cannot set terminal process group (-1): Inappropriate ioctl for device' and 'no job control in this shell', and goes on. Repro: npm run -s sim -- -c 'bash -i </dev/null'",
    matches: (f) => /\b(bash|sh)\b.*(threw SysError: ioctl|internal error: ioctl): Inappropriate ioctl for device/s.test(f.why),
  },
  {
    id: 'bash-nounset-login-interactive',
    note: "src/programs/shell: an unbound variable under set -u in an interactive login shell's startup files throws a non-Error object out of bash. Repro: npm run -s sim -- -c 'bash -ul -i </dev/null' prints 'bash: INPUTRC: unbound variable' then 'bash: internal error: [object Object]', exit 70",
    matches: (f) => /\b(bash|sh) \(.*threw \[object Object\]|\b(bash|sh): internal error: \[object Object\]/.test(f.why),
  },
  {
    id: 'console-without-root-home',
    note: "src/kernel/machine.ts consoleDir(): with /root gone the console's login shell cannot start (SysError 'stat /root: No such file or directory' thrown by startConsoleShell/resumeConsole); login says 'No directory, logging in with HOME=/' and starts in /. Repro: on the console, 'rm -rf /root; exit'; or restore a snapshot of such a machine (Workspace.open)",
    matches: (f) => /stat \/root: No such file or directory/.test(f.why),
  },
  {
    id: 'huge-file-read-whole',
    note: "src/kernel/service-host.ts readFile() reads a whole file into one array: a 10 TiB sparse unit file throws RangeError. Repro: npm run -s sim -- -c 'truncate -s 10T /etc/systemd/system/big.service; systemctl status big.service'",
    matches: (f) => /Invalid typed array length/.test(f.why),
  },
];

export function knownBug(f: Failure): KnownBug | undefined {
  return KNOWN.find((k) => k.matches(f));
}
