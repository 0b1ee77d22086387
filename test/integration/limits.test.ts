// Resource limits as Linux enforces them (issue 12, hardening): RLIMIT_NPROC and the task
// ceiling with bash's fork retries, RLIMIT_NOFILE (EMFILE), ulimit's display and errors,
// RLIMIT_FSIZE (SIGXFSZ), RLIMIT_AS (ENOMEM), full disks and tmpfs, and the OOM killer with
// its report in the kernel ring buffer. Expected texts are bash 5.2's, coreutils 9.1's and
// linux 6.1's; every machine runs on its virtual clock.
import { describe, expect, it } from 'vitest';
import { Machine, type MachineOptions } from '../../src/kernel/machine';
import { runScript } from './machine-helpers';

const MiB = 1024 * 1024;
const machine = (opts: MachineOptions = {}): Machine => new Machine({ clock: 'skip', ...opts });
/** Process ids differ with what ran before; the texts around them do not. */
const pids = (s: string): string => s.replace(/^(\S+: line \d+:) +\d+ /gm, '$1 PID ').replace(/^ +\d+ /gm, '     PID ');

const ULIMIT_A = `real-time non-blocking time  (microseconds, -R) unlimited
core file size              (blocks, -c) 0
data seg size               (kbytes, -d) unlimited
scheduling priority                 (-e) 0
file size                   (blocks, -f) unlimited
pending signals                     (-i) 7837
max locked memory           (kbytes, -l) 8192
max memory size             (kbytes, -m) unlimited
open files                          (-n) 1024
pipe size                (512 bytes, -p) 8
POSIX message queues         (bytes, -q) 819200
real-time priority                  (-r) 0
stack size                  (kbytes, -s) 8192
cpu time                   (seconds, -t) unlimited
max user processes                  (-u) 7837
virtual memory              (kbytes, -v) unlimited
file locks                          (-x) unlimited
`;

describe('ulimit', () => {
  it('lists the soft and hard limits in bash 5.2\'s layout', async () => {
    const r = await runScript('ulimit -a; echo; ulimit -Ha | grep -E "core|stack|open files"; ulimit; ulimit -n; ulimit -Hn; ulimit -u; ulimit -v; ulimit -f; ulimit -n -u; ulimit -Sp');
    expect(r).toEqual({
      stdout: `${ULIMIT_A}\ncore file size              (blocks, -c) unlimited\nopen files                          (-n) 524288\nstack size                  (kbytes, -s) unlimited\n`
        + 'unlimited\n1024\n524288\n7837\nunlimited\nunlimited\nopen files                          (-n) 1024\nmax user processes                  (-u) 7837\n8\n',
      stderr: '',
      code: 0,
    });
  });

  it('sets limits with bash\'s option grammar and units, and /proc/<pid>/limits follows', async () => {
    const r = await runScript([
      'ulimit -n 100; ulimit -n; ulimit -Hn',
      'ulimit -Sn 50; ulimit -n; ulimit -Hn',
      'ulimit -n 60 -u; ulimit -n',
      'ulimit -f 10; ulimit -f; ulimit -v 20000; ulimit -v',
      'ulimit -n ""; ulimit -n',
      'ulimit -n hard; ulimit -n 010; ulimit -n',
      'grep -E "^Max (open files|file size|address space)" /proc/self/limits',
    ].join('\n'));
    expect(r).toEqual({
      stdout: '100\n100\n50\n100\nmax user processes                  (-u) 7837\n60\n10\n20000\n0\n10\n'
        + 'Max file size             10240                10240                bytes     \n'
        + 'Max open files            10                   10                   files     \n'
        + 'Max address space         20480000             20480000             bytes     \n',
      stderr: '',
      code: 0,
    });
  });

  it('reports bad numbers, bad options and refused changes as bash does', async () => {
    const r = await runScript([
      "su -s /bin/bash nobody -c 'ulimit -n 999999; echo \"rc=$?\"; ulimit -n 2000; ulimit -n unlimited; ulimit -Sn; ulimit -Hn 1000; ulimit -Hn 1001'",
      'ulimit -n abc; echo "rc=$?"',
      'ulimit -n 1.5; ulimit -n 0x10; ulimit -n 012x; echo "rc=$?"',
      'ulimit -z; echo "rc=$?"',
      'ulimit -p 10; echo "rc=$?"',
      'ulimit -Hv 1000; echo "rc=$?"',
      'ulimit -v 18014398509481984; echo "rc=$?"',
      // root may raise a hard limit, but RLIMIT_NOFILE never past fs.nr_open
      'ulimit -n 2000000000; echo "rc=$?"; ulimit -n unlimited; echo "rc=$?"',
      'ulimit -n 999999; ulimit -n',
    ].join('\n'));
    expect(r.stdout).toBe('rc=1\n2000\nrc=1\nrc=1\nrc=2\nrc=1\nrc=1\nrc=1\nrc=1\nrc=1\n999999\n');
    expect(r.stderr).toBe([
      // a user may lower a hard limit but not raise it (setrlimit: EPERM); soft above hard is EINVAL
      'bash: line 1: ulimit: open files: cannot modify limit: Operation not permitted',
      'bash: line 1: ulimit: open files: cannot modify limit: Operation not permitted',
      'bash: line 1: ulimit: open files: cannot modify limit: Invalid argument',
      'bash: line 1: ulimit: open files: cannot modify limit: Invalid argument',
      '/bin/bash: line 2: ulimit: abc: invalid number',
      '/bin/bash: line 3: ulimit: 1.5: invalid number',
      '/bin/bash: line 3: ulimit: 0x10: invalid hex number',
      '/bin/bash: line 3: ulimit: 012x: invalid octal number',
      '/bin/bash: line 4: ulimit: -z: invalid option',
      'ulimit: usage: ulimit [-SHabcdefiklmnpqrstuvxPRT] [limit]',
      '/bin/bash: line 5: ulimit: pipe size: cannot modify limit: Invalid argument',
      '/bin/bash: line 6: ulimit: virtual memory: cannot modify limit: Invalid argument',
      '/bin/bash: line 7: ulimit: 18014398509481984: limit out of range',
      '/bin/bash: line 8: ulimit: open files: cannot modify limit: Operation not permitted',
      '/bin/bash: line 8: ulimit: open files: cannot modify limit: Operation not permitted',
      '',
    ].join('\n'));
  });
});

describe('RLIMIT_NPROC and the task ceiling', () => {
  it('retries fork with 1, 2, 4 and 8 second sleeps, then gives up: a script ends with 254', async () => {
    const m = machine();
    const before = m.kernel.clock.now();
    const r = await runScript("su -s /bin/bash nobody -c 'ulimit -u 1; /bin/true; echo next'; echo \"rc=$?\"", m);
    expect(r).toEqual({
      stdout: 'rc=254\n',
      stderr: `${'bash: fork: retry: Resource temporarily unavailable\n'.repeat(4)}bash: fork: Resource temporarily unavailable\n`,
      code: 0,
    });
    // 1 + 2 + 4 + 8 seconds of virtual time went by
    expect(m.kernel.clock.now() - before).toBeGreaterThanOrEqual(15_000);
    // root is not bound by RLIMIT_NPROC (only by the task ceiling)
    const root = await runScript('ulimit -u 1; /bin/true && echo ran', m);
    expect(root).toEqual({ stdout: 'ran\n', stderr: '', code: 0 });
  });

  it('survives a fork bomb: bash keeps retrying, and once it is killed the machine works again', async () => {
    const m = machine({ maxTasks: 150 });
    const dec = new TextDecoder();
    let monitor = '';
    let bombErr = '';
    let bombOut = '';
    // the watcher starts first: its sleep exists before the bomb fills the table
    const watcher = m.run(['/bin/bash', '-c', 'sleep 40; read pid < /tmp/bomb.pid; kill -9 -- -$pid; sleep 1; echo killed; echo recovered $(echo works); ulimit -u'], {
      stdout: (b) => (monitor += dec.decode(b)),
      stderr: (b) => (monitor += dec.decode(b)),
    });
    while (![...m.kernel.procs.values()].some((p) => p.comm === 'sleep')) await new Promise((r) => setTimeout(r, 1));
    const baseline = m.kernel.procs.size;
    const bomb = await m.run(['/bin/bash', '-c', 'echo $$ > /tmp/bomb.pid; :(){ :|:& };:'], {
      stdout: (b) => (bombOut += dec.decode(b)),
      stderr: (b) => (bombErr += dec.decode(b)),
    });
    expect(bomb).toBe(0);
    let peak = 0;
    const probe = setInterval(() => (peak = Math.max(peak, m.kernel.procs.size + m.kernel.kthreads.size)), 2);
    const code = await watcher;
    clearInterval(probe);
    expect({ code, monitor }).toEqual({ code: 0, monitor: 'killed\nrecovered works\n7837\n' });
    // the table filled up to the ceiling, and never past it
    expect(peak).toBeLessThanOrEqual(150);
    expect(peak).toBeGreaterThan(140);
    // bash's two messages, and nothing else
    expect(bombOut).toBe('');
    expect(new Set(bombErr.split('\n').filter(Boolean))).toEqual(new Set(['/bin/bash: fork: retry: Resource temporarily unavailable', '/bin/bash: fork: Resource temporarily unavailable']));
    // the watcher and its sleep are gone too
    expect(m.kernel.procs.size).toBeLessThanOrEqual(baseline - 2);
  }, 30_000);

  it('holds root to kernel.threads-max', async () => {
    const m = machine();
    const r = await runScript('echo 20 > /proc/sys/kernel/threads-max; /bin/true; echo "rc=$?"', m);
    expect(r).toEqual({
      stdout: '',
      stderr: `${'/bin/bash: fork: retry: Resource temporarily unavailable\n'.repeat(4)}/bin/bash: fork: Resource temporarily unavailable\n`,
      code: 254,
    });
    m.kernel.sysctl.write('kernel.threads-max', '15674');
    expect(await runScript('/bin/true && echo ok', m)).toEqual({ stdout: 'ok\n', stderr: '', code: 0 });
  });
});

/** A console on a machine whose clock skips idle waits (fork retries take no real time). */
function skippingConsole(opts: MachineOptions = {}): { machine: Machine; output: () => string; until: (text: string, from: number) => Promise<number> } {
  let out = '';
  const m = new Machine({ clock: 'skip', onConsole: (t) => (out += t), winsize: { cols: 100, rows: 30 }, ...opts });
  m.startConsoleShell();
  const until = async (text: string, from: number): Promise<number> => {
    const t0 = Date.now();
    for (;;) {
      const i = out.indexOf(text, from);
      if (i >= 0) return i + text.length;
      if (Date.now() - t0 > 15_000) throw new Error(`timed out waiting for ${JSON.stringify(text)}: ${JSON.stringify(out.slice(-600))}`);
      await new Promise((r) => setTimeout(r, 2));
    }
  };
  return { machine: m, output: () => out, until };
}

describe('fork failures on the console', () => {
  const PROMPT = '\x1b[1;31mroot@photon-machine [ \x1b[0m~\x1b[1;31m ]# \x1b[0m';

  it('lets ^C end the interactive shell\'s fork retries: "Interrupted system call", $? 130', async () => {
    const c = skippingConsole();
    let at = await c.until(PROMPT, 0);
    c.machine.input('echo 20 > /proc/sys/kernel/threads-max; ls\r');
    await c.until('fork: retry', at);
    c.machine.input('\x03');
    await c.until(PROMPT, at);
    expect(c.output().slice(at)).toBe(`echo 20 > /proc/sys/kernel/threads-max; ls\r\n-bash: fork: retry: Resource temporarily unavailable\r\n^C-bash: fork: Interrupted system call\r\n\r\n${PROMPT}`);
    at = c.output().length;
    c.machine.input('echo $?; echo 15674 > /proc/sys/kernel/threads-max; echo $(echo ok)\r');
    await c.until(PROMPT, at);
    expect(c.output().slice(at)).toBe(`echo $?; echo 15674 > /proc/sys/kernel/threads-max; echo $(echo ok)\r\n130\r\nok\r\n${PROMPT}`);
  });

  it('keeps the console usable during a fork bomb, which kill -9 on its process group ends', async () => {
    const c = skippingConsole({ maxTasks: 120 });
    let at = await c.until(PROMPT, 0);
    const procs = () => [...c.machine.kernel.procs.values()].filter((p) => p.state !== 'zombie');
    const login = procs().find((p) => p.argv[0] === '-bash')!;
    c.machine.input(':(){ :|:& };:\r');
    await c.until('-bash: fork: retry: Resource temporarily unavailable\r\n', at);
    // the bomb's processes are the login shell's subshells in one process group of their own
    // (its first stage's); `kill %1` is not used, as the job may be reported Done and forgotten
    // first (its two stages end at once, as in bash), while their descendants go on
    const groups = new Set(procs().filter((p) => p.argv[0] === '-bash' && p.pid !== login.pid).map((p) => p.pgid));
    expect([...groups].length).toBe(1);
    const [pgid] = groups;
    expect(pgid).not.toBe(login.pgid);
    // builtins need no fork: the shell answers at once
    at = c.output().length;
    c.machine.input(`kill -9 -- -${pgid}; echo sent\r`);
    await c.until('\r\nsent\r\n', at);
    at = c.output().length;
    c.machine.input('echo $(echo works)\r');
    await c.until('works\r\n', at);
    // the bomb's process group is gone
    expect(procs().filter((p) => p.pgid === pgid)).toEqual([]);
  }, 30_000);
});

describe('RLIMIT_NOFILE', () => {
  it('gives EMFILE in open(2), redirections, pipes and command substitutions', async () => {
    const r = await runScript([
      "bash -c 'ulimit -n 5; exec 3</dev/null 4</dev/null; cat /etc/hostname; echo \"rc=$?\"; echo x > /tmp/f; echo \"rc=$?\"; ls | wc -l; echo not reached'; echo \"status=$?\"",
      "bash -c 'ulimit -n 4; echo x > /tmp/f; echo \"rc=$?\"; x=$(echo hi); echo \"rc=$? [$x]\"'",
      "bash -c 'ulimit -n 5; exec 3</dev/null; paste /etc/hostname /etc/os-release; echo \"rc=$?\"; cat /etc/hostname /etc/hostname > /tmp/two; echo \"rc=$?\"; wc -c < /tmp/two'",
      "bash -c 'ulimit -n 10; for i in 3 4 5 6 7 8 9 10; do eval \"exec $i</dev/null\" || echo fail $i; done'",
    ].join('\n'));
    expect(r.stdout).toBe('rc=127\nrc=1\nstatus=129\nrc=1\nrc=0 []\nrc=1\nrc=0\n28\nfail 10\n');
    expect(r.stderr).toBe([
      'cat: error while loading shared libraries: libc.so.6: cannot open shared object file: Error 24',
      'bash: line 1: /tmp/f: Too many open files',
      'bash: pipe error: Too many open files',
      'bash: redirection error: cannot duplicate fd: Too many open files',
      'bash: line 1: /tmp/f: Too many open files',
      'bash: cannot make pipe for command substitution: Too many open files',
      'paste: /etc/os-release: Too many open files',
      'bash: line 1: /dev/null: Too many open files',
      '',
    ].join('\n'));
  });
});

describe('RLIMIT_FSIZE', () => {
  it('stops a writer at the limit with SIGXFSZ, as bash reports it', async () => {
    const r = await runScript('ulimit -f 1; yes > /tmp/y; echo "rc=$?"; stat -c %s /tmp/y\nulimit -c unlimited; head -c 3000 /dev/zero > /tmp/z; echo "rc=$?"; stat -c %s /tmp/z');
    expect({ ...r, stderr: pids(r.stderr) }).toEqual({
      stdout: 'rc=153\n1024\nrc=153\n1024\n',
      stderr: '/bin/bash: line 1: PID File size limit exceededyes > /tmp/y\n/bin/bash: line 2: PID File size limit exceeded(core dumped) head -c 3000 /dev/zero > /tmp/z\n',
      code: 0,
    });
  });
});

describe('disk and tmpfs space', () => {
  it('fills /tmp to its size with No space left on device; earlier files stay, df and free agree', async () => {
    const r = await runScript('echo keep > /tmp/keep; dd if=/dev/zero of=/tmp/big bs=1M 2>&1 | sed "s/copied, .*/copied/"; cat /tmp/keep; ls -l /tmp/big | cut -d" " -f5; df /tmp | tail -1; rm /tmp/big; df /tmp | tail -1; echo again > /tmp/new; cat /tmp/new');
    expect(r).toEqual({
      stdout: "dd: error writing '/tmp/big': No space left on device\n1007+0 records in\n1006+1 records out\n1055911936 bytes (1.1 GB, 1007 MiB) copied\n"
        + 'keep\n1055911936\ntmpfs            1031168 1031168         0 100% /tmp\ntmpfs            1031168     4   1031164   1% /tmp\nagain\n',
      stderr: '',
      code: 0,
    });
  }, 60_000);

  it('stores a gigabyte of zeros without holding it: the disk counts it, the memory does not', async () => {
    const m = machine();
    const held = m.disk.memoryHeld;
    const used = 'df -m / | tail -1 | tr -s " " | cut -d" " -f3';
    const r = await runScript(`a=$(${used}); dd if=/dev/zero of=/root/big bs=1M count=1024 2>&1 | head -2; stat -c "%s %b" /root/big; tail -c 1M /root/big | tr -d "\\0" | wc -c; echo $(( $(${used}) - a ))`, m);
    expect(r).toEqual({ stdout: '1024+0 records in\n1024+0 records out\n1073741824 2097152\n0\n1024\n', stderr: '', code: 0 });
    expect(m.disk.memoryHeld - held).toBeLessThan(MiB);
  }, 60_000);

  it('says No space left on device when file data passes what the machine may hold, and keeps the rest', async () => {
    const m = machine({ memoryQuota: m0HeldPlus(8 * MiB) });
    const r = await runScript('echo keep > /root/keep; head -c 20M /dev/urandom > /root/big; echo "rc=$?"; cat /root/keep; test $(stat -c %s /root/big) -le 8388608 && echo capped; rm /root/big; echo again > /root/new; cat /root/new', m);
    expect(r).toEqual({ stdout: 'rc=1\nkeep\ncapped\nagain\n', stderr: "head: error writing 'standard output': No space left on device\n", code: 0 });
  });
});

/** A file-data quota `extra` bytes above what a fresh machine holds. */
function m0HeldPlus(extra: number): number {
  return new Machine({ clock: 'skip', services: false }).disk.memoryHeld + extra;
}

describe('memory', () => {
  it('runs the OOM killer on the process using the most, and dmesg tells the story', async () => {
    const m = machine({ heapQuota: 24 * MiB });
    const r = await runScript('before=$(grep MemAvailable /proc/meminfo); yes | sort > /dev/null; echo "rc=$?"; test "$before" = "$(grep MemAvailable /proc/meminfo)"; echo $?; dmesg | grep -E "invoked oom-killer|^\\[[ 0-9.]+\\] (Out of memory|oom-kill:|Mem-Info|Tasks state)"', m);
    const lines = r.stdout.split('\n');
    // rc of the pipeline, then: the memory is back
    expect(lines.slice(0, 2)).toEqual(['rc=137', '0']);
    const stamp = String.raw`\[ +\d+\.\d{6}\] `;
    expect(lines[2]).toMatch(new RegExp(`^${stamp}sort invoked oom-killer: gfp_mask=0x140cca\\(GFP_HIGHUSER_MOVABLE\\|__GFP_COMP\\), order=0, oom_score_adj=0$`));
    expect(lines[3]).toMatch(new RegExp(`^${stamp}Mem-Info:$`));
    expect(lines[4]).toMatch(new RegExp(`^${stamp}Tasks state \\(memory values in pages\\):$`));
    expect(lines[5]).toMatch(new RegExp(`^${stamp}oom-kill:constraint=CONSTRAINT_NONE,nodemask=\\(null\\),cpuset=/,mems_allowed=0,global_oom,task_memcg=/user\\.slice/user-0\\.slice/session-c1\\.scope,task=sort,pid=\\d+,uid=0$`));
    expect(lines[6]).toMatch(new RegExp(`^${stamp}Out of memory: Killed process \\d+ \\(sort\\) total-vm:\\d+kB, anon-rss:\\d+kB, file-rss:\\d+kB, shmem-rss:0kB, UID:0 pgtables:\\d+kB oom_score_adj:0$`));
    expect(lines.length).toBe(8);
    expect(pids(r.stderr)).toBe('/bin/bash: line 1: PID Broken pipe             yes\n     PID Killed                  | sort > /dev/null\n');
  });

  it('kills a shell that holds too much in a variable; its parent says Killed', async () => {
    const m = machine({ heapQuota: 16 * MiB });
    const r = await runScript("bash -c 'a=$(head -c 40M /dev/zero | tr \"\\0\" a); echo ${#a}'; echo \"rc=$?\"; dmesg | grep -c 'Killed process [0-9]* (bash)'", m);
    expect({ ...r, stderr: pids(r.stderr) }).toEqual({
      stdout: 'rc=137\n1\n',
      stderr: '/bin/bash: line 1: PID Killed                  bash -c \'a=$(head -c 40M /dev/zero | tr "\\0" a); echo ${#a}\'\n',
      code: 0,
    });
  });

  it('counts tmpfs in shared memory', async () => {
    const r = await runScript('a=$(grep Shmem: /proc/meminfo | tr -s " " | cut -d" " -f2); head -c 10M /dev/urandom > /tmp/r; b=$(grep Shmem: /proc/meminfo | tr -s " " | cut -d" " -f2); echo $((b - a))');
    expect(r).toEqual({ stdout: '10240\n', stderr: '', code: 0 });
  });

  it('refuses memory past ulimit -v with ENOMEM: bash\'s xrealloc error, sort\'s and tac\'s, ld.so\'s', async () => {
    const r = await runScript([
      "bash -c 'ulimit -v 20000; a=$(head -c 30M /dev/zero | tr \"\\0\" a); echo not reached'; echo \"rc=$?\"",
      "bash -c 'ulimit -v 20000; head -c 30M /dev/zero | tr \"\\0\" a | sort > /dev/null; echo \"rc=$?\"; seq 3 | sort -r; head -c 30M /dev/zero | tac > /dev/null; echo \"rc=$?\"'",
      "bash -c 'ulimit -v 1000; ls; echo \"rc=$?\"'",
    ].join('\n'));
    expect(r.stdout).toBe('rc=2\nrc=2\n3\n2\n1\nrc=1\nrc=127\n');
    expect(r.stderr.replace(/allocate \d+ bytes/, 'allocate N bytes')).toBe([
      'bash: xrealloc: cannot allocate N bytes',
      'sort: memory exhausted',
      'tac: memory exhausted',
      'ls: error while loading shared libraries: libc.so.6: failed to map segment from shared object',
      '',
    ].join('\n'));
  });
});
