// Behaviour that cannot be recorded on a Debian host: Photon's kernel identity, net-tools'
// hostname, ncurses' clear for several terminals, the virtual clock, streaming and Ctrl-C,
// and the common --help / --version / bad-option contract of every program here.
import { describe, expect, it } from 'vitest';
import { SIGNALS } from '../../../src/shared/signals';
import { findInPath } from '../../../src/programs/lib/path-search';
import { ENV, newMachine, run, sh } from './helpers';

const GNU: [name: string, usageStatus: number][] = [
  ['cat', 1], ['cp', 1], ['id', 1], ['ls', 2], ['mkdir', 1], ['mv', 1], ['pwd', 1], ['rm', 1], ['sleep', 1], ['touch', 1], ['uname', 1], ['whoami', 1],
];

describe('the GNU option contract', () => {
  it.each(GNU)('%s --help, --version and an unknown option', async (name, status) => {
    const m = newMachine();
    const help = await run(m, [`/usr/bin/${name}`, '--help'], ENV);
    expect(help.exit).toBe(0);
    // the usage line names the program as it was invoked (argv[0]), as coreutils' does
    expect(help.stdout).toMatch(new RegExp(`^Usage: /usr/bin/${name} `));
    expect(help.stdout).toContain(`<https://www.gnu.org/software/coreutils/${name}>`);
    // through env, so the shell's own pwd builtin does not answer
    const version = await sh(m, `env ${name} --version`);
    expect(version.stdout.split('\n')[0]).toBe(`${name} (GNU coreutils) 9.1`);
    expect(version.exit).toBe(0);
    const bad = await sh(m, `env ${name} --no-such-option`);
    expect(bad).toEqual({ stdout: '', stderr: `${name}: unrecognized option '--no-such-option'\nTry '${name} --help' for more information.\n`, exit: status });
    const badShort = await sh(m, `env ${name} -@`);
    expect(badShort).toEqual({ stdout: '', stderr: `${name}: invalid option -- '@'\nTry '${name} --help' for more information.\n`, exit: status });
  });

  it('env uses status 125 for its own errors', async () => {
    expect(await sh(newMachine(), 'env --no-such-option')).toEqual({
      stdout: '', stderr: "env: unrecognized option '--no-such-option'\nTry 'env --help' for more information.\n", exit: 125,
    });
  });

  it('messages name the program as it was invoked', async () => {
    expect(await run(newMachine(), ['/usr/bin/ls', '-@'], ENV)).toEqual({
      stdout: '', stderr: "/usr/bin/ls: invalid option -- '@'\nTry '/usr/bin/ls --help' for more information.\n", exit: 2,
    });
  });
});

describe('Photon identity', () => {
  it.each([
    ['uname -a', 'Linux photon-machine 6.1.138-1.ph5-esx #1-photon SMP Tue May 13 04:14:46 UTC 2025 x86_64 GNU/Linux\n'],
    ['uname -r', '6.1.138-1.ph5-esx\n'],
    ['uname -v', '#1-photon SMP Tue May 13 04:14:46 UTC 2025\n'],
    ['uname -srvmpio', 'Linux 6.1.138-1.ph5-esx #1-photon SMP Tue May 13 04:14:46 UTC 2025 x86_64 unknown unknown GNU/Linux\n'],
    ['uname -n', 'photon-machine\n'],
    ['id nobody', 'uid=65534(nobody) gid=65533(nogroup) groups=65533(nogroup)\n'],
    ['id -Gn bin', 'bin\n'],
    ['id daemon', 'uid=6(daemon) gid=6(daemon) groups=6(daemon),1(bin)\n'],
    ['id -G daemon', '6 1\n'],
  ])('%s', async (cmd, stdout) => {
    expect(await sh(newMachine(), cmd)).toEqual({ stdout, stderr: '', exit: 0 });
  });
});

// net-tools 2.10 hostname.c: usage on stdout with status 0 for -h, on stderr with status 3
// after a bad option; names resolved through /etc/hosts.
/** Runs `script` as another user: the shell changes identity while it sleeps. */
async function asUser(uid: number, gid: number, script: string, files: Record<string, string> = {}) {
  const m = newMachine(files, 'manual');
  await m.booted;
  const done = run(m, ['/bin/bash', '-c', `sleep 1\n${script}`], ENV);
  const find = () => [...m.kernel.procs.values()].find((p) => p.argv[0] === '/bin/bash' && p.argv[1] === '-c');
  for (const end = Date.now() + 5000; !find() && Date.now() < end; ) await new Promise((r) => setTimeout(r, 2));
  const shell = find()!;
  shell.cred = { uid, gid, euid: uid, egid: gid, groups: [gid] };
  // the shell's `sleep 1` may not have set its timer yet: move the clock until the script ends
  let settled = false;
  void done.then(() => (settled = true));
  for (const end = Date.now() + 15000; !settled && Date.now() < end; ) {
    m.advance(1000);
    await new Promise((r) => setTimeout(r, 2));
  }
  return done;
}

const asNobody = (script: string, files: Record<string, string> = {}) => asUser(65534, 65533, script, files);

describe('permissions as nobody', () => {
  it.each([
    ['cat /etc/shadow', '', 'cat: /etc/shadow: Permission denied\n', 1],
    ['ls /root', '', "ls: cannot open directory '/root': Permission denied\n", 2],
    ['ls -d /root', '/root\n', '', 0],
    ['touch /etc/x', '', "touch: cannot touch '/etc/x': Permission denied\n", 1],
    ['touch /etc/passwd', '', "touch: cannot touch '/etc/passwd': Permission denied\n", 1],
    ['mkdir /etc/d', '', "mkdir: cannot create directory '/etc/d': Permission denied\n", 1],
    ['mkdir -p /etc/a/b', '', "mkdir: cannot create directory '/etc/a': Permission denied\n", 1],
    ['rm /etc/passwd', '', "rm: cannot remove '/etc/passwd': Permission denied\n", 1],
    ['rm -f /etc/passwd', '', "rm: cannot remove '/etc/passwd': Permission denied\n", 1],
    ['cp /etc/shadow /tmp/', '', "cp: cannot open '/etc/shadow' for reading: Permission denied\n", 1],
    ['cp /etc/hosts /etc/h2', '', "cp: cannot create regular file '/etc/h2': Permission denied\n", 1],
    ['mv /etc/hostname /etc/h', '', "mv: cannot move '/etc/hostname' to '/etc/h': Permission denied\n", 1],
    ['rm /tmp/w/f', '', "rm: cannot remove '/tmp/w/f': Permission denied\n", 1],
    ['whoami; id -un; id -G', 'nobody\nnobody\n65533\n', '', 0],
    ['env -i id', 'uid=65534(nobody) gid=65533(nogroup) groups=65533(nogroup)\n', '', 0],
  ])('%s', async (script, stdout, stderr, exit) => {
    expect(await asNobody(script, { f: 'x' })).toEqual({ stdout, stderr, exit });
  });
});

describe('a user without a name', () => {
  it('shows numbers where names are missing', async () => {
    expect(await asUser(4242, 4242, 'cd /tmp; touch -d 2020-01-01 x; ls -l x; ls -ln x; id; id -un; whoami')).toEqual({
      stdout: '-rw-r--r-- 1 4242 4242 0 Jan  1  2020 x\n-rw-r--r-- 1 4242 4242 0 Jan  1  2020 x\nuid=4242 gid=4242 groups=4242\n4242\n',
      stderr: 'id: cannot find name for user ID 4242\nwhoami: cannot find name for user ID 4242\n',
      exit: 1,
    });
  });
});

describe('clear (ncurses)', () => {
  it.each([
    ['clear', 'xterm-256color', '\x1b[H\x1b[2J\x1b[3J', '', 0],
    ['clear -x', 'xterm-256color', '\x1b[H\x1b[2J', '', 0],
    ['clear', 'linux', '\x1b[H\x1b[J\x1b[3J', '', 0],
    ['clear', 'screen', '\x1b[H\x1b[J', '', 0],
    ['clear', 'vt100', '\x1b[H\x1b[J', '', 0],
    ['clear', 'dumb', '', '', 1],
    ['clear -x', 'dumb', '', '', 1],
    ['clear -T vt100', 'xterm', '\x1b[H\x1b[J', '', 0],
    ['clear', 'nosuch', '', "'nosuch': unknown terminal type.\n", 1],
    ['clear', '', '', 'TERM environment variable not set.\n', 1],
    ['clear -V', 'xterm', 'ncurses 6.4.20221231\n', '', 0],
    ['clear --help', 'xterm', '', "clear: invalid option -- '-'\nUsage: clear [options]\n\nOptions:\n  -T TERM     use TERM instead of $TERM\n  -V          print the curses version\n  -x          leave the scrollback alone\n", 1],
  ])('%s with TERM=%s', async (cmd, term, stdout, stderr, exit) => {
    const env = ENV.filter(([k]) => k !== 'TERM');
    if (term) env.push(['TERM', term]);
    expect(await run(newMachine(), ['/bin/bash', '-c', cmd], env)).toEqual({ stdout, stderr, exit });
  });
});

describe('moving across file systems', () => {
  it('copies, then removes the source, when rename gives EXDEV', async () => {
    const r = await sh(newMachine(), [
      'cd /root; mkdir -p d/e; touch d/e/g f1; touch -d 2020-01-01 f1',
      'mv -v f1 /tmp/; ls -l /tmp/f1',
      'mv -v d /tmp/dd; ls -R /tmp/dd; ls /root',
      'touch /tmp/y; mkdir /root/y; mv /tmp/y /root/; echo rc=$?',
    ].join('\n'));
    expect(r).toEqual({
      stdout: [
        "copied 'f1' -> '/tmp/f1'", "removed 'f1'", '-rw-r--r-- 1 root root 0 Jan  1  2020 /tmp/f1',
        "created directory '/tmp/dd'", "created directory '/tmp/dd/e'", "copied 'd/e/g' -> '/tmp/dd/e/g'",
        "removed 'd/e/g'", "removed directory 'd/e'", "removed directory 'd'",
        '/tmp/dd:', 'e', '', '/tmp/dd/e:', 'g', 'rc=1', '',
      ].join('\n'),
      stderr: "mv: cannot overwrite directory '/root/y' with non-directory\n",
      exit: 0,
    });
  });
});

describe('time and streaming', () => {
  it('sleep waits on the virtual clock', async () => {
    const m = newMachine({}, 'manual');
    await m.booted;
    let done = false;
    const p = run(m, ['/usr/bin/sleep', '1.5', '1m'], ENV).then((r) => {
      done = true;
      return r;
    });
    await new Promise((r) => setTimeout(r, 20));
    m.advance(61_499);
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false);
    m.advance(1);
    expect(await p).toEqual({ stdout: '', stderr: '', exit: 0 });
  });

  it('cat streams /dev/zero in chunks and stops on a signal', async () => {
    const m = newMachine();
    let bytes = 0;
    const finished = m.run(['/usr/bin/cat', '/dev/zero'], {
      stdout: (b) => {
        bytes += b.length;
        if (bytes > 1_000_000) {
          const cat = [...m.kernel.procs.values()].find((p) => p.argv[0] === '/usr/bin/cat' && p.state !== 'zombie');
          if (cat) m.kernel.signal(cat, SIGNALS.SIGINT);
        }
      },
      stderr: () => {},
      cwd: '/tmp',
    });
    expect(await finished).toBe(130);
    expect(bytes).toBeGreaterThan(1_000_000);
  });

  it('cat ends when the reader of its pipe goes away', async () => {
    const r = await sh(newMachine(), 'cat /dev/zero | cat -v | { read -r -n 5 x; echo "[$x]"; }');
    expect(r.stdout).toBe('[^@^@^]\n');
  });
});

describe('findInPath', () => {
  it('finds the first executable regular file', async () => {
    const m = newMachine({ 'notexec': 'x' });
    let found: (string | undefined)[] = [];
    await m.run(['/bin/bash', '-c', 'true'], { stdout: () => {}, stderr: () => {} });
    const proc = m.kernel.createProcess(m.kernel.procs.get(1), {
      cred: { uid: 0, gid: 0, euid: 0, egid: 0, groups: [0] }, cwd: m.kernel.vfs.root, umask: 0o022, argv: ['t'], env: new Map(), fds: new Map(), ctty: undefined,
    });
    const { makeSys } = await import('../../../src/kernel/sys');
    const sys = makeSys(m.kernel, proc);
    found = [
      await findInPath(sys, 'ls', '/usr/local/bin:/usr/bin:/bin'),
      await findInPath(sys, 'ls', '/nonexistent::/bin'),
      await findInPath(sys, 'notexec', '/tmp/w'),
      await findInPath(sys, 'bin', '/'),
      await findInPath(sys, 'nosuch', '/usr/bin'),
      await findInPath(sys, './ls', '/usr/bin'),
    ];
    expect(found).toEqual(['/usr/bin/ls', '/bin/ls', undefined, undefined, undefined, undefined]);
  });
});

describe('sshd -p (found by fuzzing)', () => {
  it('checks each port as OpenSSH does before anything else, and keeps them all', async () => {
    // sshd.c: a2port() of every -p; 0, out of range or not a tcp service is "Bad port number."
    const m = newMachine();
    for (const p of ['-q', '0', '70000', 'nosuchservice']) {
      expect(await run(m, ['/usr/sbin/sshd', '-t', '-p', p], ENV)).toEqual({ stdout: '', stderr: 'Bad port number.\n', exit: 1 });
    }
    const r = await sh(m, 'ssh-keygen -A >/dev/null; /usr/sbin/sshd -T -p ssh -p 2222 | grep ^port');
    expect(r).toEqual({ stdout: 'port 22\nport 2222\n', stderr: '', exit: 0 });
  });
});
