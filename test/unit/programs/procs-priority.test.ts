// Niceness (nice from coreutils 9.1, renice from util-linux 2.38.1, setpriority in the kernel)
// and the kernel threads' place in the process table, signals and /proc. Texts follow the
// real tools (run as root and as nobody on this machine); pids follow the simulator's table:
// kernel threads up to 40, the script's bash 41, then its children.
import { describe, expect, it } from 'vitest';
import { newMachine, sh } from './helpers';

const NOBODY = (cmd: string): string => `su -s /bin/bash nobody -c '${cmd}'`;
const BG = 'sleep 100 & P=$!; ';

const CASES: [string, string, string, number][] = [
  ['nice; nice -n 5 nice; nice nice; nice -n 100 nice; nice -n -100 nice; nice -5 nice; nice --5 nice; nice -n 5 nice -n 3 nice', '0\n5\n10\n19\n-20\n5\n-5\n8\n', '', 0],
  ['nice -n x nice', '', "nice: invalid adjustment 'x'\n", 125],
  ['nice -n 5', '', "nice: a command must be given with an adjustment\nTry 'nice --help' for more information.\n", 125],
  [NOBODY('nice -n -5 nice'), '0\n', 'nice: cannot set niceness: Permission denied\n', 0],
  [NOBODY('nice -n 5 nice -n -2 nice; nice -n 19 nice -n 1 nice'), '5\n19\n', 'nice: cannot set niceness: Permission denied\n', 0],
  ['nice nosuchcmd', '', "nice: 'nosuchcmd': No such file or directory\n", 127],
  ['cut -d" " -f18,19 /proc/self/stat; nice -n 7 cut -d" " -f18,19 /proc/self/stat', '20 0\n27 7\n', '', 0],
  [BG + 'renice +5 -p $P; renice -n 3 $P; renice 50 $P; renice -50 $P; kill $P',
    '42 (process ID) old priority 0, new priority 5\n42 (process ID) old priority 5, new priority 3\n42 (process ID) old priority 3, new priority 19\n42 (process ID) old priority 19, new priority -20\n', '', 0],
  // a background job stays in the script's process group
  [BG + 'renice 2 -g $P; echo rc=$?; renice 4 -g $$; kill $P', 'rc=1\n41 (process group ID) old priority 0, new priority 4\n', 'renice: failed to get priority for 42 (process group ID): No such process\n', 0],
  // -u root names every process root owns, kernel threads too
  [BG + 'renice -n -3 -p 30 >/dev/null; renice 5 -u root -p $P; ps -o ni= -p 2,30; kill $P',
    '0 (user ID) old priority -20, new priority 5\n42 (process ID) old priority 5, new priority 5\n  5\n  5\n', '', 0],
  ['renice -u nobody 1', '', "renice: invalid priority '-u'\nTry 'renice --help' for more information.\n", 1],
  ['renice 5 -p 999999', '', 'renice: failed to get priority for 999999 (process ID): No such process\n', 1],
  ['renice', '', "renice: not enough arguments\nTry 'renice --help' for more information.\n", 1],
  ['renice abc -p 1', '', "renice: invalid priority 'abc'\nTry 'renice --help' for more information.\n", 1],
  ['renice 5 -p abc', '', 'renice: bad process ID value: abc\n', 1],
  ['renice 5 -u nosuchuser', '', 'renice: unknown user nosuchuser\n', 1],
  ['renice --version', 'renice from util-linux 2.38.1\n', '', 0],
  [`${BG}su -s /bin/bash nobody -c "renice -5 -p $P"; kill $P`, '', 'renice: failed to set priority for 42 (process ID): Operation not permitted\n', 0],
  [NOBODY('sleep 50 & renice 3 -p $!; renice 1 -p $!; echo rc=$?; kill $!'),
    '43 (process ID) old priority 0, new priority 3\nrc=1\n', 'renice: failed to set priority for 43 (process ID): Permission denied\n', 0],
  // kernel threads: signals do nothing (root) or are refused; no program behind them
  ['kill -9 2; echo $?; kill -TERM 16; echo $?; ps -o pid=,comm= -p 2,16', '0\n0\n      2 kthreadd\n     16 migration/0\n', '', 0],
  [NOBODY('kill -9 2'), '', 'bash: line 1: kill: (2) - Operation not permitted\n', 1],
  ['readlink /proc/2/exe; echo $?; wc -c </proc/2/cmdline; cat /proc/37/comm', '1\n0\nkswapd0\n', '', 0],
  ['cut -d" " -f1-9,18,19,40,41 /proc/2/stat /proc/3/stat /proc/16/stat', '2 (kthreadd) S 0 0 0 0 -1 2129984 20 0 0 0\n3 (rcu_gp) I 2 0 0 0 -1 2129984 0 -20 0 0\n16 (migration/0) S 2 0 0 0 -1 2129984 -100 0 99 1\n', '', 0],
  ['grep -E "^(Name|State|PPid)" /proc/3/status', 'Name:\trcu_gp\nState:\tI (idle)\nPPid:\t2\n', '', 0],
  ['ls /proc | head -3; ls /proc/2', '1\n10\n11\ncmdline\ncomm\ncwd\nenviron\nfd\nmounts\nroot\nstat\nstatus\n', '', 0],
  // pgrep -f also finds the script's own bash, whose command line names kthreadd
  ['pgrep -l kswapd; pgrep -f kthreadd; pidof kthreadd; echo $?; pidof -w kthreadd', '37 kswapd0\n2\n41\n1\n2\n', '', 0],
];

describe('niceness and kernel threads', () => {
  it.each(CASES)('%s', async (cmd, stdout, stderr, exit) => {
    const r = await sh(newMachine({}, 'manual'), cmd);
    expect({ stdout: r.stdout, stderr: r.stderr, exit: r.exit }).toEqual({ stdout, stderr, exit });
  });
});
