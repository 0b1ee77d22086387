// free, uptime, w, vmstat, top -b, lsblk, mount, lsmod, dmesg, sysctl, kill, killall,
// pgrep, pkill and pidof on a fresh machine (root, no terminal, the clock at boot time).
// Memory figures come from the kernel's /proc/meminfo (2 GB VM).
import { describe, expect, it } from 'vitest';
import { newMachine, sh } from './helpers';

const NOBODY = (cmd: string): string => `su -s /bin/bash nobody -c '${cmd}'`;
// Cases with a background sleep run on a machine whose clock moves only when told (the
// skipping test clock may jump past the sleep while a program's code loads), and wait until
// the child has become `sleep`.
const BG = (secs: number): string => `sleep ${secs} & until pgrep -x sleep >/dev/null; do :; done; `;

const CASES: [string, string, string, number][] = [
  ['free', `               total        used        free      shared  buff/cache   available
Mem:       2014256      218936     1623412        1120      218520     1795320
Swap:            0           0           0
`, '', 0],
  ['free -m', `               total        used        free      shared  buff/cache   available
Mem:          1967         213        1585           1         213        1753
Swap:            0           0           0
`, '', 0],
  ['free -h', `               total        used        free      shared  buff/cache   available
Mem:         1.9Gi       213Mi       1.5Gi       1.1Mi       213Mi       1.7Gi
Swap:           0B          0B          0B
`, '', 0],
  ['free -b -w -t', `               total        used        free      shared     buffers       cache   available
Mem:    2062598144   224190464  1662373888     1146880     2199552   221564928  1838407680
Swap:            0           0           0
Total:  2062598144   224190464  1662373888
`, '', 0],
  ['free --si -k', `               total        used        free      shared  buff/cache   available
Mem:       2062598      224190     1662373        1146      223764     1838407
Swap:            0           0           0
`, '', 0],
  ['free -g -m', '', "free: Multiple unit options don't make sense.\n", 1],
  ['uptime', ' 09:30:00 up 0 min,  0 user,  load average: 0.00, 0.00, 0.00\n', '', 0],
  ['uptime -p', 'up 0 minutes\n', '', 0],
  ['w', ' 09:30:00 up 0 min,  0 user,  load average: 0.00, 0.00, 0.00\nUSER     TTY      FROM             LOGIN@   IDLE   JCPU   PCPU WHAT\n', '', 0],
  ['vmstat', `procs -----------memory---------- ---swap-- -----io---- -system-- -------cpu-------
 r  b   swpd   free   buff  cache   si   so    bi    bo   in   cs us sy id wa st gu
 1  0      0 1623412   2148 216372    0    0    12     3   41   67  0  0 100  0  0  0
`, '', 0],
  // -p picks rows; the summary counts every task, kernel threads too (idle ones as sleeping)
  ['top -b -n1 -p 1,2,3,16,41', `top - 09:30:00 up 0 min,  0 user,  load average: 0.00, 0.00, 0.00
Tasks:  37 total,   1 running,  36 sleeping,   0 stopped,   0 zombie
%Cpu(s):  0.0 us,  0.0 sy,  0.0 ni,100.0 id,  0.0 wa,  0.0 hi,  0.0 si,  0.0 st 
MiB Mem :   1967.0 total,   1585.4 free,    213.8 used,    213.4 buff/cache     
MiB Swap:      0.0 total,      0.0 free,      0.0 used.   1753.2 avail Mem 

    PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND
     41 root      20   0   10900   4300   2580 R   0.0   0.2   0:00.00 top
      1 root      20   0  167764  11972   7180 S   0.0   0.6   0:00.00 systemd
      2 root      20   0       0      0      0 S   0.0   0.0   0:00.00 kthreadd
      3 root       0 -20       0      0      0 I   0.0   0.0   0:00.00 rcu_gp
     16 root      rt   0       0      0      0 S   0.0   0.0   0:00.00 migration/0
`, '', 0],
  ['lsblk', `NAME   MAJ:MIN RM  SIZE RO TYPE MOUNTPOINTS
sda      8:0    0   16G  0 disk 
|-sda1   8:1    0    4M  0 part 
|-sda2   8:2    0   10M  0 part 
\`-sda3   8:3    0   16G  0 part /
sr0     11:0    1 1024M  0 rom  
`, '', 0],
  ['lsblk -d -o NAME,SIZE,TYPE', 'NAME  SIZE TYPE\nsda    16G disk\nsr0  1024M rom\n', '', 0],
  ['mount -t tmpfs', 'tmpfs on /run type tmpfs (rw,nosuid,nodev,size=402852k,nr_inodes=819200,mode=755)\ntmpfs on /tmp type tmpfs (rw,nosuid,nodev,nr_inodes=1048576)\n', '', 0],
  ['lsmod | head -4', 'Module                  Size  Used by\nxt_conntrack           16384  0\nnft_compat             20480  0\nnf_conntrack          172032  1 xt_conntrack\n', '', 0],
  ['dmesg | head -1', '[    0.000000] Linux version 6.1.138-1.ph5-esx (root@photon) (gcc (GCC) 12.2.0, GNU ld (GNU Binutils) 2.39) #1-photon SMP Tue May 13 04:14:46 UTC 2025\n', '', 0],
  [NOBODY('dmesg'), '', 'dmesg: read kernel buffer failed: Operation not permitted\n', 1],
  ['sysctl kernel.hostname net.ipv4.ip_forward kernel.dmesg_restrict', 'kernel.hostname = photon-machine\nnet.ipv4.ip_forward = 0\nkernel.dmesg_restrict = 1\n', '', 0],
  ['sysctl -w net.ipv4.ip_forward=1; sysctl -n net.ipv4.ip_forward', 'net.ipv4.ip_forward = 1\n1\n', '', 0],
  ['sysctl -w kernel.hostname=web01; hostname', 'kernel.hostname = web01\nweb01\n', '', 0],
  [NOBODY('/usr/sbin/sysctl -w vm.swappiness=10'), '', 'sysctl: permission denied on key "vm.swappiness"\n', 1],
  ['sysctl nosuch.key', '', 'sysctl: cannot stat /proc/sys/nosuch/key: No such file or directory\n', 1],
  [BG(50) + 'pgrep -l sleep; pidof sleep; /usr/bin/kill $!; wait; pgrep sleep', '42 sleep\n42\n', '', 1],
  [BG(60) + 'killall -v sleep; wait', '', 'Killed sleep(42) with signal 15\n', 0],
  [BG(70) + 'pkill -e sleep; wait', 'sleep killed (pid 42)\n', '', 0],
  ['killall nosuch', '', 'nosuch: no process found\n', 1],
  // -F: the one pid a pid file names; an unusable file ends it (procps-ng 4.0; found by fuzzing:
  // a missing pid file used to match every process, so pkill --pidfile killed them all)
  [BG(62) + 'echo $! > pf; pgrep -F pf -l; printf 1x > bad; pgrep -F bad; echo rc=$?; pkill --pidfile missing; echo rc=$?; pgrep -L; echo rc=$?; pgrep -x sleep; kill $!', '42 sleep\nrc=1\nrc=1\nrc=2\n42\n', "pgrep: pidfile not valid\nTry `pgrep --help' for more information.\npkill: pidfile not valid\nTry `pkill --help' for more information.\npgrep: -L without -F makes no sense\nTry `pgrep --help' for more information.\n", 0],
  // -r compiles every NAME as an ERE before killing anything (psmisc 23.6; found by fuzzing)
  ["killall -r '\\'", '', 'killall: Bad regular expression: \\\n', 1],
  [BG(61) + "killall -r 'sle+p' '('; echo $?; killall -r 'sle+p'; wait", '1\n', 'killall: Bad regular expression: (\n', 0],
  ['/usr/bin/kill -l', 'HUP INT QUIT ILL TRAP ABRT IOT BUS FPE KILL USR1 SEGV USR2 PIPE ALRM\nTERM STKFLT CHLD CLD CONT STOP TSTP TTIN TTOU URG XCPU XFSZ VTALRM PROF\nWINCH IO POLL PWR SYS RT<N> RTMIN+<N> RTMAX-<N>\n', '', 0],
  ['/usr/bin/kill -l 15', 'TERM\n', '', 0],
  ['/usr/bin/kill 99999', '', 'kill: sending signal to 99999 failed: No such process\n', 1],
  ['/usr/bin/kill -FOO 1', '', 'kill: invalid signal name or number: FOO\n', 1],
  ['/usr/bin/kill', '', 'kill: not enough arguments\n', 1],
  [NOBODY('/usr/bin/kill 1'), '', 'kill: sending signal to 1 failed: Operation not permitted\n', 1],
];

describe('process and system tools', () => {
  it.each(CASES)('%s', async (cmd, stdout, stderr, exit) => {
    const r = await sh(newMachine({}, cmd.includes('until pgrep') ? 'manual' : 'skip'), cmd);
    expect({ stdout: r.stdout, stderr: r.stderr, exit: r.exit }).toEqual({ stdout, stderr, exit });
  });

  it('lscpu describes the two vCPUs of /proc/cpuinfo', async () => {
    const r = await sh(newMachine(), 'lscpu');
    expect(r.stdout).toMatch(/^Architecture: {25}x86_64$/m);
    expect(r.stdout).toMatch(/^CPU\(s\): {31}2$/m);
    expect(r.stdout).toMatch(/^Model name: {27}Intel\(R\) Xeon\(R\) Gold 6230 CPU @ 2\.10GHz$/m);
    expect(r.stdout).toMatch(/^Hypervisor vendor: {20}VMware$/m);
  });

  it('uptime -s prints the boot time', async () => {
    const r = await sh(newMachine(), 'uptime -s');
    expect(r.stdout).toMatch(/^2026-01-15 09:(29:59|30:00)\n$/);
  });
});
