// Namespaces a container's processes run in: their own root directory (chroot), their own host
// name (UTS) and their own sockets (network namespace), inherited by everything they start,
// with nothing changing for the processes outside.
import { describe, expect, it } from 'vitest';
import { SysError } from '../../../src/shared/errno';
import type { OpenFile } from '../../../src/kernel/files';
import type { Machine } from '../../../src/kernel/machine';
import { Pipe } from '../../../src/kernel/pipe';
import type { Process, UtsNamespace } from '../../../src/kernel/process';
import { makeSys } from '../../../src/kernel/sys';
import { PidNamespace } from '../../../src/kernel/pidns';
import type { Inode } from '../../../src/kernel/vfs/inode';
import { newMachine, sh, type Result } from '../programs/helpers';

const ROOT_CRED = { uid: 0, gid: 0, euid: 0, egid: 0, groups: [0] };
const ENV = new Map([['PATH', '/usr/sbin:/usr/bin:/sbin:/bin'], ['HOME', '/root'], ['LANG', 'C'], ['SHELL', '/bin/bash']]);

/** A small root filesystem under /srv/ct: bash, coreutils stubs, its own /etc and /proc. */
async function container(m: Machine): Promise<Inode> {
  const r = await sh(m, [
    'mkdir -p /srv/ct/usr/bin /srv/ct/usr/sbin /srv/ct/etc /srv/ct/proc /srv/ct/opt /srv/ct/tmp /srv/ct/dev',
    'for p in bash cat ls pwd readlink realpath hostname uname id echo ss; do cp /usr/bin/$p /srv/ct/usr/bin/ 2>/dev/null || cp /usr/sbin/$p /srv/ct/usr/bin/; done',
    'ln -s usr/bin /srv/ct/bin',
    'ln -s bash /srv/ct/usr/bin/sh',
    'echo inside > /srv/ct/etc/motd',
    'echo outside > /etc/motd',
    'echo ct1 > /srv/ct/etc/hostname',
    'cp /usr/bin/bash /srv/ct/opt/interp',
    'printf "#!/opt/interp\\necho script ran in \\$(pwd)\\n" > /srv/ct/opt/script',
    'chmod +x /srv/ct/opt/script',
    'ln -s /etc/motd /srv/ct/motd-link',
    'ln -s ../../../../etc/motd /srv/ct/tmp/up-link',
    'mkdir -p /srv/ct/etc/deep',
  ].join('\n'));
  expect(r.stderr).toBe('');
  return m.kernel.vfs.lookup('/srv/ct')!;
}

/** Runs argv as root in a new process with the given namespaces; stdout, stderr, status. */
async function runIn(m: Machine, argv: string[], ns: { root?: Inode; uts?: UtsNamespace; netns?: number; pidns?: PidNamespace; cwd?: string } = {}): Promise<Result> {
  const k = m.kernel;
  const chunks: Record<1 | 2, string> = { 1: '', 2: '' };
  const pipes: Promise<void>[] = [];
  const sink = (fd: 1 | 2): OpenFile => {
    const pipe = new Pipe();
    pipe.readers = 1;
    pipe.writers = 1;
    pipes.push((async () => {
      for (;;) {
        const c = pipe.take(65536);
        if (c) chunks[fd] += new TextDecoder().decode(c);
        else if (pipe.writers === 0) return;
        else await pipe.waitData();
      }
    })());
    return { target: { kind: 'pipe', pipe, end: 'w' }, readable: false, writable: true, append: false, pos: 0, refs: 1, path: 'pipe' };
  };
  const devNull = k.vfs.lookup('/dev/null')!;
  const stdin: OpenFile = { target: { kind: 'device', device: 'null', node: devNull }, readable: true, writable: false, append: false, pos: 0, refs: 1, path: '/dev/null' };
  const cwd = k.vfs.lookup(ns.cwd ?? '/', true, ns.root)!;
  const proc = k.createProcess(k.procs.get(1), {
    cred: ROOT_CRED, cwd, umask: 0o022, argv, env: new Map(ENV), fds: new Map([[0, stdin], [1, sink(1)], [2, sink(2)]]), ctty: undefined, pgid: 0, sid: 0,
    ...(ns.root ? { root: ns.root } : {}), ...(ns.uts ? { uts: ns.uts } : {}), ...(ns.netns !== undefined ? { netns: ns.netns } : {}),
    ...(ns.pidns ? { pidns: ns.pidns } : {}),
  });
  const done = new Promise<number>((resolve) => {
    const l = (p: Process): void => {
      if (p !== proc) return;
      k.exitListeners.delete(l);
      resolve(p.status!.kind === 'exited' ? p.status!.code : 128);
    };
    k.exitListeners.add(l);
  });
  const { main, argv: finalArgv } = await k.resolveProgram(proc, argv[0]!, argv);
  proc.argv = finalArgv;
  k.start(proc, main);
  const exit = await done;
  await Promise.all(pipes);
  return { stdout: chunks[1], stderr: chunks[2], exit };
}

describe('a process with its own root directory', () => {
  it('resolves absolute paths, .. and symlinks inside its root', async () => {
    const m = newMachine();
    const root = await container(m);
    const r = await runIn(m, ['/bin/bash', '-c', [
      'cat /etc/motd', 'cat /motd-link', 'cat /tmp/up-link', 'cd /../../..; pwd; ls',
      'cd /etc/deep; pwd; cd ../..; pwd', 'cat /etc/passwd', 'ls /srv',
    ].join('; ')], { root });
    expect(r.stdout).toBe(['inside', 'inside', 'inside', '/', 'bin dev etc motd-link opt proc tmp usr'.split(' ').join('\n'), '/etc/deep', '/', ''].join('\n'));
    expect(r.stderr).toBe('cat: /etc/passwd: No such file or directory\nls: cannot access \'/srv\': No such file or directory\n');
    expect(r.exit).toBe(2);
  });

  it('runs programs and #! interpreters found inside, and its children inherit the root', async () => {
    const m = newMachine();
    const root = await container(m);
    const r = await runIn(m, ['/bin/bash', '-c', 'cd /tmp && /opt/script; bash -c "cat /etc/motd; realpath /bin/sh"; readlink /motd-link; echo $(pwd -P)'], { root });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('script ran in /tmp\ninside\n/usr/bin/bash\n/etc/motd\n/tmp\n');
    // the host still sees its own files
    expect((await sh(m, 'cat /etc/motd; ls /opt/script 2>&1')).stdout).toBe('outside\nls: cannot access \'/opt/script\': No such file or directory\n');
  });

  it('mounts a procfs of its own in the root, listed only inside', async () => {
    const m = newMachine();
    const root = await container(m);
    m.kernel.mountProc(m.kernel.vfs.lookup('/srv/ct/proc')!, { namespace: root });
    const r = await runIn(m, ['/bin/bash', '-c', 'cd /etc/deep; readlink /proc/self/cwd; readlink /proc/self/root; cat /proc/mounts; cat /proc/sys/kernel/osrelease >/dev/null && echo ok'], { root });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('/etc/deep\n/\nproc /proc proc rw,nosuid,nodev,noexec,relatime 0 0\nok\n');
    const host = await sh(m, 'grep -c "^proc " /proc/mounts; ls /srv/ct/proc/self >/dev/null && echo reachable');
    expect(host.stdout).toBe('1\nreachable\n');
    // from the host, a contained process's root and cwd are where they are in the host's tree
    const k = m.kernel;
    const p = k.createProcess(k.procs.get(1), { cred: ROOT_CRED, cwd: k.vfs.lookup('/srv/ct/etc')!, umask: 0o022, argv: ['x'], env: new Map(), fds: new Map(), ctty: undefined, root });
    expect((await sh(m, `readlink /proc/${p.pid}/root /proc/${p.pid}/cwd`)).stdout).toBe('/var/srv/ct\n/var/srv/ct/etc\n');
    // unmounted, it leaves the container's mount table and the directory is plain again
    k.vfs.umount(k.vfs.lookup('/srv/ct/proc')!);
    const after = await runIn(m, ['/bin/bash', '-c', 'cat /proc/mounts; ls -A /proc'], { root });
    expect(after).toEqual({ stdout: '', stderr: 'cat: /proc/mounts: No such file or directory\n', exit: 0 });
  });

  it('chroot(2) is for root only, and fails as the kernel does', async () => {
    const m = newMachine();
    await container(m);
    const k = m.kernel;
    const mk = (uid: number) => makeSys(k, k.createProcess(k.procs.get(1), {
      cred: { uid, gid: uid, euid: uid, egid: uid, groups: [uid] }, cwd: k.vfs.root, umask: 0o022, argv: ['t'], env: new Map(), fds: new Map(), ctty: undefined,
    }));
    const errno = async (p: Promise<unknown>) => p.then(() => 'ok', (e: unknown) => (e instanceof SysError ? e.errno : String(e)));
    const user = mk(1000);
    expect(await errno(user.chroot('/srv/ct'))).toBe('EPERM');
    const root = mk(0);
    expect(await errno(root.chroot('/nonexistent'))).toBe('ENOENT');
    expect(await errno(root.chroot('/etc/motd'))).toBe('ENOTDIR');
    expect(await errno(root.chroot('/srv/ct'))).toBe('ok');
    // the working directory stays outside until it changes, as with chroot(2)
    expect(root.getcwd()).toBe('(unreachable)/');
    await root.chdir('/');
    expect(root.getcwd()).toBe('/');
    expect(new TextDecoder().decode(await root.readFile('/etc/motd'))).toBe('inside\n');
    expect(await errno(root.chdir('/..'))).toBe('ok');
    expect(root.getcwd()).toBe('/');
    expect(await root.readdir('/')).toContain('motd-link');
  });
});

describe('the chroot program', () => {
  const cases: { name: string; script: string; out: string; err: string; exit: number }[] = [
    { name: 'runs a command in the new root', script: 'chroot /srv/ct /bin/cat /etc/motd', out: 'inside\n', err: '', exit: 0 },
    { name: 'goes to the new /', script: 'cd /srv/ct/etc && chroot /srv/ct pwd', out: '/\n', err: '', exit: 0 },
    { name: 'runs "$SHELL" -i without a command', script: 'SHELL=/bin/echo chroot /srv/ct', out: '-i\n', err: '', exit: 0 },
    { name: 'missing operand', script: 'chroot', out: '', err: "chroot: missing operand\nTry 'chroot --help' for more information.\n", exit: 125 },
    { name: 'a missing root', script: 'chroot /nosuch true', out: '', err: "chroot: cannot change root directory to '/nosuch': No such file or directory\n", exit: 125 },
    { name: 'a command that is not there', script: 'chroot /srv/ct /usr/bin/nosuch', out: '', err: "chroot: failed to run command '/usr/bin/nosuch': No such file or directory\n", exit: 127 },
    { name: 'a command found on PATH inside', script: 'chroot /srv/ct ls /', out: 'bin\ndev\netc\nmotd-link\nopt\nproc\ntmp\nusr\n', err: '', exit: 0 },
    { name: 'a file that cannot run', script: 'chroot /srv/ct /etc/motd', out: '', err: "chroot: failed to run command '/etc/motd': Permission denied\n", exit: 126 },
    { name: '--skip-chdir needs the old root', script: 'chroot --skip-chdir /srv/ct true', out: '', err: "chroot: option --skip-chdir only permitted if NEWROOT is old '/'\nTry 'chroot --help' for more information.\n", exit: 125 },
    { name: 'chroot / runs the command in place', script: 'cd /etc && chroot --skip-chdir / pwd', out: '/etc\n', err: '', exit: 0 },
    { name: 'a user cannot chroot', script: 'chroot --userspec=nobody / true && su -s /bin/bash nobody -c "/usr/sbin/chroot /srv/ct true"', out: '', err: "/usr/sbin/chroot: cannot change root directory to '/srv/ct': Operation not permitted\n", exit: 125 },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const m = newMachine();
      await container(m);
      const r = await sh(m, c.script);
      expect(r).toEqual({ stdout: c.out, stderr: c.err, exit: c.exit });
    });
  }
});

describe('a UTS namespace', () => {
  it('has its own host name, which the host does not see', async () => {
    const m = newMachine();
    const root = await container(m);
    m.kernel.mountProc(m.kernel.vfs.lookup('/srv/ct/proc')!, { namespace: root });
    const uts = { hostname: '3f2a9c1b7d4e', domainname: '(none)' };
    const before = m.kernel.identity.hostname;
    const r = await runIn(m, ['/bin/bash', '-c', 'hostname; uname -n; cat /proc/sys/kernel/hostname; hostname web1; bash -c "uname -n"; echo db > /proc/sys/kernel/hostname; hostname'], { root, uts });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('3f2a9c1b7d4e\n3f2a9c1b7d4e\n3f2a9c1b7d4e\nweb1\ndb\n');
    expect(uts.hostname).toBe('db');
    expect(m.kernel.identity.hostname).toBe(before);
    expect((await sh(m, 'hostname; cat /proc/sys/kernel/hostname')).stdout).toBe(`${before}\n${before}\n`);
  });
});

describe('a network namespace', () => {
  it('gives the services the caller namespace, so sockets are per namespace', async () => {
    const m = newMachine();
    const k = m.kernel;
    const id = k.netns.create();
    k.netns.setAddresses(id, ['172.17.0.2']);
    const mk = (netns: number) => makeSys(k, k.createProcess(k.procs.get(1), {
      cred: ROOT_CRED, cwd: k.vfs.root, umask: 0o022, argv: ['t'], env: new Map(), fds: new Map(), ctty: undefined, netns,
    }));
    const host = mk(0);
    const inside = mk(id);
    expect(await host.call('sockets', { kind: 'listen', proto: 'tcp', family: 4, address: '0.0.0.0', port: 8080 })).toMatchObject({ kind: 'ok' });
    expect(await inside.call('sockets', { kind: 'listen', proto: 'tcp', family: 4, address: '0.0.0.0', port: 8080 })).toMatchObject({ kind: 'ok' });
    expect(await inside.call('sockets', { kind: 'listen', proto: 'tcp', family: 4, address: '0.0.0.0', port: 8080 })).toEqual({ kind: 'error', errno: 'EADDRINUSE' });
    const list = async (s: typeof host) => ((await s.call('sockets', { kind: 'list' })) as { sockets: { pid: number }[] }).sockets.map((x) => x.pid);
    expect(await list(inside)).toEqual([inside.pid]);
    expect(await list(host)).not.toContain(inside.pid);
    // a child started by a contained process is contained too
    const child = await inside.fork(async (sys) => ((await sys.call('sockets', { kind: 'list' })) as { sockets: unknown[] }).sockets.length);
    expect(await inside.wait(child)).toEqual({ pid: child, status: { kind: 'exited', code: 1 } });
    expect(k.procs.get(inside.pid)!.netns).toBe(id);
    expect(() => k.createProcess(undefined, { cred: ROOT_CRED, cwd: k.vfs.root, umask: 0, argv: ['x'], env: new Map(), fds: new Map(), ctty: undefined, netns: 99 })).toThrow(SysError);
  });
});

describe('a PID namespace', () => {
  it('numbers its processes from 1, in syscalls and in its own /proc', async () => {
    const m = newMachine();
    const k = m.kernel;
    const root = await container(m);
    const pidns = new PidNamespace();
    k.mountProc(k.vfs.lookup('/srv/ct/proc')!, { namespace: root, pidns });
    const initProc = k.createProcess(k.procs.get(1), { cred: ROOT_CRED, cwd: root, umask: 0o022, argv: ['init'], env: new Map(), fds: new Map(), ctty: undefined, root, pidns });
    const init = makeSys(k, initProc);
    expect([init.pid, init.getppid()]).toEqual([1, 0]);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const child = await init.fork(async (sys) => {
      await gate;
      return sys.pid * 10 + sys.getppid();
    });
    expect(child).toBe(2);
    expect(init.processes().map((p) => [p.pid, p.ppid])).toEqual([[1, 0], [2, 1]]);
    expect((await init.readdir('/proc')).filter((n) => /^\d+$/.test(n))).toEqual(['1', '2']);
    expect(await init.readlink('/proc/self')).toBe('1');
    expect(new TextDecoder().decode(await init.readFile('/proc/2/status'))).toContain('Pid:\t2\nPPid:\t1\n');
    expect(() => init.kill(99, 0)).toThrow(SysError);
    // the host sees them by their machine pids
    const host = makeSys(k, k.createProcess(k.procs.get(1), { cred: ROOT_CRED, cwd: k.vfs.root, umask: 0o022, argv: ['h'], env: new Map(), fds: new Map(), ctty: undefined }));
    const hostPids = host.processes().map((p) => p.pid);
    expect(hostPids).toContain(initProc.pid);
    expect(hostPids).not.toContain(2 + 1000000);
    release();
    expect(await init.wait(child)).toEqual({ pid: 2, status: { kind: 'exited', code: 21 } });
  });

  it('protects its init from signals it does not handle, and ends with it', async () => {
    const m = newMachine();
    const k = m.kernel;
    const pidns = new PidNamespace();
    const initProc = k.createProcess(k.procs.get(1), { cred: ROOT_CRED, cwd: k.vfs.root, umask: 0o022, argv: ['init'], env: new Map(), fds: new Map(), ctty: undefined, pidns });
    const init = makeSys(k, initProc);
    const never = new Promise<number>(() => {});
    const c = await init.fork(async (sys) => {
      await sys.fork(() => never);
      return never;
    });
    expect(c).toBe(2);
    await new Promise((r) => setTimeout(r, 0));
    expect(init.processes().map((p) => p.pid)).toEqual([1, 2, 3]);
    init.kill(1, 15);
    expect(initProc.state).toBe('running');
    const host = makeSys(k, k.createProcess(k.procs.get(1), { cred: ROOT_CRED, cwd: k.vfs.root, umask: 0o022, argv: ['h'], env: new Map(), fds: new Map(), ctty: undefined }));
    host.kill(initProc.pid, 15);
    expect(initProc.state).toBe('running');
    const members = [...k.procs.values()].filter((p) => p.pidns === pidns);
    expect(members).toHaveLength(3);
    host.kill(initProc.pid, 9);
    expect(members.map((p) => p.state)).toEqual(['zombie', 'zombie', 'zombie']);
    expect(pidns.size).toBe(0);
  });

  it('gives a shell its namespace numbers', async () => {
    const m = newMachine();
    const r = await runIn(m, ['/bin/bash', '-c', 'echo $$ $PPID; bash -c \'echo $$ $PPID\'; true & wait $! && echo $!'], { pidns: new PidNamespace() });
    expect(r).toEqual({ stdout: '1 0\n2 1\n3\n', stderr: '', exit: 0 });
  });
});
