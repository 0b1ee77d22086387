// ps on a fresh machine run as the recorded cases are (root, no terminal): the process
// table is systemd (pid 1), the script's bash (pid 2) and ps itself. Layouts follow
// procps-ng 4.0.4 with Photon's kernel.pid_max of 4194304 (7-wide PID columns); sizes
// and times are the simulator's deterministic stand-ins.
import { describe, expect, it } from 'vitest';
import { newMachine, sh } from './helpers';

const CASES: [string, string, number][] = [
  ['ps aux', `USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND
root           1  0.0  0.5 167912 12052 ?        Ss   09:30   0:00 /lib/systemd/systemd --system --deserialize 31
root           2  0.0  0.2   8384  5000 ?        Ss   09:30   0:00 bash -c umask 022?ps aux
root           3  0.0  0.1   9520  3736 ?        R    09:30   0:00 ps aux
`, 0],
  ['ps -ef', `UID          PID    PPID  C STIME TTY          TIME CMD
root           1       0  0 09:30 ?        00:00:00 /lib/systemd/systemd --system --deserialize 31
root           2       1  0 09:30 ?        00:00:00 bash -c umask 022?ps -ef
root           3       2  0 09:30 ?        00:00:00 ps -ef
`, 0],
  ['ps -l', `F S   UID     PID    PPID  C PRI  NI ADDR SZ WCHAN  TTY          TIME CMD
4 S     0       1       0  0  80   0 - 41978 ep_pol ?        00:00:00 systemd
4 S     0       2       1  0  80   0 -  2096 do_wai ?        00:00:00 bash
4 R     0       3       2  0  80   0 -  2380 -      ?        00:00:00 ps
`, 0],
  ['ps -F', `UID          PID    PPID  C    SZ   RSS PSR STIME TTY          TIME CMD
root           1       0  0 41978 12052   1 09:30 ?        00:00:00 /lib/systemd/systemd --system --deserialize 31
root           2       1  0  2096  5000   1 09:30 ?        00:00:00 bash -c umask 022?ps -F
root           3       2  0  2380  3736   1 09:30 ?        00:00:00 ps -F
`, 0],
  // BSD u without x selects our processes on our terminal: none without a terminal
  ['ps u', 'USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n', 1],
  ['ps -o pid,ppid,stat,tty,comm', `    PID    PPID STAT TT       COMMAND
      1       0 Ss   ?        systemd
      2       1 Ss   ?        bash
      3       2 R    ?        ps
`, 0],
  ['ps -eH', `    PID TTY          TIME CMD
      1 ?        00:00:00 systemd
      2 ?        00:00:00   bash
      3 ?        00:00:00     ps
`, 0],
  ['ps axjf', `   PPID     PID    PGID     SID TTY        TPGID STAT   UID   TIME COMMAND
      0       1       1       1 ?             -1 Ss       0   0:00 /lib/systemd/systemd --system --deserialize 31
      1       2       2       2 ?             -1 Ss       0   0:00  \\_ bash -c umask 022?ps axjf
      2       3       2       2 ?             -1 R        0   0:00      \\_ ps axjf
`, 0],
  ['ps -o pid= -p 1', '      1\n', 0],
  ['ps -o user,pid,vsz,rss,etime,time,start,lstart,stime,comm -p 1', `USER         PID    VSZ   RSS     ELAPSED     TIME  STARTED                  STARTED STIME COMMAND
root           1 167912 12052       00:00 00:00:00 09:30:00 Thu Jan 15 09:30:00 2026 09:30 systemd
`, 0],
  ['ps --sort=-pid -o pid,comm', '    PID COMMAND\n      3 ps\n      2 bash\n      1 systemd\n', 0],
  ['ps -p 99999', '    PID TTY          TIME CMD\n', 1],
  ['ps -C systemd -o pid,comm', '    PID COMMAND\n      1 systemd\n', 0],
  ['ps -u nobody', '    PID TTY          TIME CMD\n', 1],
  ['ps -N -p 1 -o pid', '    PID\n      2\n      3\n', 0],
  ['ps -o pid:3,comm -p 1', 'PID COMMAND\n  1 systemd\n', 0],
  ['ps -o pid=X,comm=Y -p 1', '      X Y\n      1 systemd\n', 0],
  // a column that is not last is cut at its width (args: 27)
  ['ps -o args,pid -p 1', 'COMMAND                         PID\n/lib/systemd/systemd --syst       1\n', 0],
];

describe('ps', () => {
  it.each(CASES)('%s', async (cmd, stdout, exit) => {
    const r = await sh(newMachine(), cmd);
    expect({ stdout: r.stdout, stderr: r.stderr, exit: r.exit }).toEqual({ stdout, stderr: '', exit });
  });

  it('shows a zombie and a stopped job with their states', async () => {
    // the clock stands still, so the sleep only ends when killed
    const r = await sh(newMachine({}, 'manual'), 'sleep 100 & p=$!; until pgrep -x sleep >/dev/null; do :; done; kill -STOP $p; ps -o pid,stat,comm -p $p; kill -9 $p; until ps -o stat= -p $p | grep -q Z; do :; done; ps -o stat,args -p $p; true');
    expect(r.stdout).toBe('    PID STAT COMMAND\n      3 T    sleep\nSTAT COMMAND\nZ    [sleep] <defunct>\n');
  });
});
