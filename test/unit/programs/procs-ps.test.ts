// ps on a fresh machine run as the recorded cases are (root, no terminal): the process
// table is systemd (pid 1), kthreadd (pid 2) and its kernel threads (up to pid 40), and the
// script's bash (pid 41), which a lone command such as ps replaces (bash -c execs it). Layouts follow
// procps-ng 4.0.4 with Photon's kernel.pid_max of 4194304 (7-wide PID columns); sizes
// and times are the simulator's deterministic stand-ins; ps reads sizes from /proc/<pid>/stat and
// statm, which the kernel keeps (src/kernel/memory.ts).
import { describe, expect, it } from 'vitest';
import { newMachine, sh } from './helpers';

// The kernel threads Photon's linux-esx 6.1 has at this point: pid, name, BSD state.
const KTHREADS: [number, string, string][] = [
  [2, 'kthreadd', 'S'], [3, 'rcu_gp', 'I<'], [4, 'rcu_par_gp', 'I<'], [5, 'slub_flushwq', 'I<'], [6, 'netns', 'I<'],
  [8, 'kworker/0:0H-events_highpri', 'I<'], [10, 'mm_percpu_wq', 'I<'], [11, 'rcu_tasks_kthre', 'I'], [12, 'rcu_tasks_rude_', 'I'],
  [13, 'rcu_tasks_trace', 'I'], [14, 'ksoftirqd/0', 'S'], [15, 'rcu_sched', 'I'], [16, 'migration/0', 'S'], [17, 'cpuhp/0', 'S'],
  [18, 'cpuhp/1', 'S'], [19, 'migration/1', 'S'], [20, 'ksoftirqd/1', 'S'], [22, 'kworker/1:0H-events_highpri', 'I<'],
  [23, 'kdevtmpfs', 'S'], [24, 'inet_frag_wq', 'I<'], [25, 'kauditd', 'S'], [26, 'khungtaskd', 'S'], [27, 'oom_reaper', 'S'],
  [28, 'writeback', 'I<'], [29, 'kcompactd0', 'S'], [30, 'ksmd', 'SN'], [31, 'khugepaged', 'SN'], [32, 'kintegrityd', 'I<'],
  [33, 'kblockd', 'I<'], [34, 'blkcg_punt_bio', 'I<'], [35, 'watchdogd', 'S'], [37, 'kswapd0', 'S'], [38, 'kworker/0:1-events', 'I'],
  [39, 'kworker/1:1-events', 'I'], [40, 'kworker/u4:0-events_unbound', 'I'],
];
const pid = (n: number, w = 7): string => String(n).padStart(w);
const AUX_K = KTHREADS.map(([n, name, st]) => `root     ${pid(n)}  0.0  0.0      0     0 ?        ${st.padEnd(4)} 09:30   0:00 [${name}]\n`).join('');
const EF_K = KTHREADS.map(([n, name]) => `root     ${pid(n)} ${pid(n === 2 ? 0 : 2)}  0 09:30 ?        00:00:00 [${name}]\n`).join('');

const CASES: [string, string, number][] = [
  ['ps aux', `USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND
root           1  0.0  0.5 167764 11972 ?        Ss   09:30   0:00 /lib/systemd/systemd --system --deserialize 31
${AUX_K}root          41  0.0  0.1   9412  3584 ?        Rs   09:30   0:00 ps aux
`, 0],
  ['ps -ef', `UID          PID    PPID  C STIME TTY          TIME CMD
root           1       0  0 09:30 ?        00:00:00 /lib/systemd/systemd --system --deserialize 31
${EF_K}root          41       1  0 09:30 ?        00:00:00 ps -ef
`, 0],
  // kernel threads: F 1, no size, WCHAN where they sleep; -20 workqueues at PRI 60; SCHED_FIFO shows NI -
  ['ps -l -p 1,2,3,16,30,41,42', `F S   UID     PID    PPID  C PRI  NI ADDR SZ WCHAN  TTY          TIME CMD
4 S     0       1       0  0  80   0 - 41941 ep_pol ?        00:00:00 systemd
1 S     0       2       0  0  80   0 -     0 kthrea ?        00:00:00 kthreadd
1 I     0       3       2  0  60 -20 -     0 rescue ?        00:00:00 rcu_gp
1 S     0      16       2  0 -40   - -     0 smpboo ?        00:00:00 migration/0
1 S     0      30       2  0  85   5 -     0 ksm_sc ?        00:00:00 ksmd
4 R     0      41       1  0  80   0 -  2353 -      ?        00:00:00 ps
`, 0],
  ['ps -o pid,ni,pri,opri,priority,cls,rtprio,stat,cmd -p 2,3,16,30,35', `    PID  NI PRI PRI PRI CLS RTPRIO STAT CMD
      2   0  19  80  20  TS      - S    [kthreadd]
      3 -20  39  60   0  TS      - I<   [rcu_gp]
     16   - 139 -40 -100 FF     99 S    [migration/0]
     30   5  14  85  25  TS      - SN   [ksmd]
     35   -  90   9 -51  FF     50 S    [watchdogd]
`, 0],
  ['ps -F -p 1,2,41,42', `UID          PID    PPID  C    SZ   RSS PSR STIME TTY          TIME CMD
root           1       0  0 41941 11972   1 09:30 ?        00:00:00 /lib/systemd/systemd --system --deserialize 31
root           2       0  0     0     0   0 09:30 ?        00:00:00 [kthreadd]
root          41       1  0  2353  3584   1 09:30 ?        00:00:00 ps -F -p 1,2,41,42
`, 0],
  // BSD u without x selects our processes on our terminal: none without a terminal
  ['ps u', 'USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n', 1],
  ['ps -o pid,ppid,stat,tty,comm -p 1,2,3,41,42', `    PID    PPID STAT TT       COMMAND
      1       0 Ss   ?        systemd
      2       0 S    ?        kthreadd
      3       2 I<   ?        rcu_gp
     41       1 Rs   ?        ps
`, 0],
  ['ps -H -N --ppid 2', `    PID TTY          TIME CMD
      2 ?        00:00:00 kthreadd
      1 ?        00:00:00 systemd
     41 ?        00:00:00   ps
`, 0],
  ['ps jf -p 1,2,3,41,42', `   PPID     PID    PGID     SID TTY        TPGID STAT   UID   TIME COMMAND
      0       2       0       0 ?             -1 S        0   0:00 [kthreadd]
      2       3       0       0 ?             -1 I<       0   0:00  \\_ [rcu_gp]
      0       1       1       1 ?             -1 Ss       0   0:00 /lib/systemd/systemd --system --deserialize 31
      1      41      41      41 ?             -1 Rs       0   0:00  \\_ ps jf -p 1,2,3,41,42
`, 0],
  ['ps -o pid= -p 1', '      1\n', 0],
  ['ps -o user,pid,vsz,rss,etime,time,start,lstart,stime,comm -p 1', `USER         PID    VSZ   RSS     ELAPSED     TIME  STARTED                  STARTED STIME COMMAND
root           1 167764 11972       00:00 00:00:00 09:30:00 Thu Jan 15 09:30:00 2026 09:30 systemd
`, 0],
  ['ps --sort=-pid -o pid,comm -p 1,2,41,42', '    PID COMMAND\n     41 ps\n      2 kthreadd\n      1 systemd\n', 0],
  ['ps -p 99999', '    PID TTY          TIME CMD\n', 1],
  ['ps -C systemd -o pid,comm', '    PID COMMAND\n      1 systemd\n', 0],
  ['ps -C kswapd0,kthreadd -o pid,ppid,args', '    PID    PPID COMMAND\n      2       0 [kthreadd]\n     37       2 [kswapd0]\n', 0],
  ['ps -u nobody', '    PID TTY          TIME CMD\n', 1],
  ['ps -N -p 1 --ppid 2 -o pid', '    PID\n      2\n     41\n', 0],
  ['ps -o pid:3,comm -p 1', 'PID COMMAND\n  1 systemd\n', 0],
  ['ps -o pid=X,comm=Y -p 1', '      X Y\n      1 systemd\n', 0],
  // a column that is not last is cut at its width (args: 27)
  ['ps -o args,pid -p 1', 'COMMAND                         PID\n/lib/systemd/systemd --syst       1\n', 0],
  // niceness comes from nice(1) and renice(8): STAT N and the NI/PRI columns
  ['nice -n 7 ps -o pid,ni,pri,stat,comm -p 41', '    PID  NI PRI STAT COMMAND\n     41   7  12 RNs  ps\n', 0],
  ['renice -n 3 -p $$ >/dev/null; nice -n -5 ps -o ni,stat,comm -C ps', ' NI STAT COMMAND\n' + ' -2 R<s  ps\n', 0],
];

describe('ps', () => {
  it.each(CASES)('%s', async (cmd, stdout, exit) => {
    const r = await sh(newMachine(), cmd);
    expect({ stdout: r.stdout, stderr: r.stderr, exit: r.exit }).toEqual({ stdout, stderr: '', exit });
  });

  it('shows a zombie and a stopped job with their states', async () => {
    // the clock stands still, so the sleeps only end when killed. bash reaps its own children
    // at once; a zombie stays while its parent does not wait: here an exec'd sleep
    const script = [
      '(sleep 100 & exec sleep 200) & q=$!',
      'until p=$(pgrep -P $q -x sleep); do :; done',
      'kill -STOP $p; ps -o stat,comm -p $p; kill -9 $p',
      'until ps -o stat= -p $p | grep -q Z; do :; done',
      'ps -o stat,args -p $p; kill -9 $q; wait; true',
    ].join('\n');
    const r = await sh(newMachine({}, 'manual'), script);
    expect(r.stdout).toBe('STAT COMMAND\nT    sleep\nSTAT COMMAND\nZ    [sleep] <defunct>\n');
  });

  it("shows the sizes the kernel keeps: /proc/<pid>/status and statm agree, and a shell's array counts", async () => {
    const script = [
      "kb() { sed -n \"s/^$1:[[:space:]]*\\([0-9]*\\) kB/\\1/p\" /proc/$$/status; }",
      'echo "$(ps -o vsz=,rss= -p $$ | tr -s " " | sed "s/^ //") / $(kb VmSize) $(kb VmRSS) / $(( $(cut -d" " -f2 /proc/$$/statm) * 4 ))"',
      'a=(); for ((i = 0; i < 20000; i++)); do a+=("element number $i of a longer array"); done',
      // (not the script's last simple command, which bash -c would exec in its own place)
      'ps -o rss= -p $$; true',
    ].join('\n');
    const r = await sh(newMachine(), script);
    const [first, grown] = r.stdout.trim().split('\n');
    const [ps, status, statm] = first!.split(' / ');
    const [vsz, rss] = ps!.split(' ');
    expect(`${vsz} ${rss}`).toBe(status);
    expect(statm).toBe(rss);
    expect(Number(grown)).toBeGreaterThan(Number(rss) + 100);
  });
});
