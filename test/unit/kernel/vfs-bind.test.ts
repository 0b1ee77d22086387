// Bind mounts (what docker's volumes and -v host directories are): a directory or a file shown at
// a second place, writes landing in the source, `..` and getcwd inside a chrooted tree staying in
// that tree, EBUSY for unlinking or removing what is mounted over, and the source left intact
// when the bind goes.
import { describe, expect, it } from 'vitest';
import type { OpenFile } from '../../../src/kernel/files';
import type { Machine } from '../../../src/kernel/machine';
import { Pipe } from '../../../src/kernel/pipe';
import type { Process } from '../../../src/kernel/process';
import type { Inode } from '../../../src/kernel/vfs/inode';
import { newMachine, sh, type Result } from '../programs/helpers';

const ROOT_CRED = { uid: 0, gid: 0, euid: 0, egid: 0, groups: [0] };
const ENV = new Map([['PATH', '/usr/bin:/bin'], ['HOME', '/root'], ['LANG', 'C']]);

async function runIn(m: Machine, root: Inode, script: string): Promise<Result> {
  const k = m.kernel;
  const out: Record<1 | 2, string> = { 1: '', 2: '' };
  const pipes: Promise<void>[] = [];
  const sink = (fd: 1 | 2): OpenFile => {
    const pipe = new Pipe();
    pipe.readers = 1;
    pipe.writers = 1;
    pipes.push((async () => {
      for (;;) {
        const c = pipe.take(65536);
        if (c) out[fd] += new TextDecoder().decode(c);
        else if (pipe.writers === 0) return;
        else await pipe.waitData();
      }
    })());
    return { target: { kind: 'pipe', pipe, end: 'w' }, readable: false, writable: true, append: false, pos: 0, refs: 1, path: 'pipe' };
  };
  const devNull = k.vfs.lookup('/dev/null')!;
  const stdin: OpenFile = { target: { kind: 'device', device: 'null', node: devNull }, readable: true, writable: false, append: false, pos: 0, refs: 1, path: '/dev/null' };
  const argv = ['/bin/bash', '-c', script];
  const proc = k.createProcess(k.procs.get(1), { cred: ROOT_CRED, cwd: root, umask: 0o022, argv, env: new Map(ENV), fds: new Map([[0, stdin], [1, sink(1)], [2, sink(2)]]), ctty: undefined, pgid: 0, sid: 0, root });
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
  return { stdout: out[1], stderr: out[2], exit };
}

async function setup(m: Machine): Promise<{ root: Inode; entry: (path: string) => Inode }> {
  const r = await sh(m, [
    'mkdir -p /srv/ct/usr/bin /srv/ct/data /srv/ct/etc /srv/vol/sub',
    'for p in bash cat ls pwd rm rmdir mv echo; do cp /usr/bin/$p /srv/ct/usr/bin/; done',
    'ln -s usr/bin /srv/ct/bin',
    'echo from-volume > /srv/vol/sub/f',
    'echo image-hosts > /srv/ct/etc/hosts',
    'echo docker-hosts > /srv/hosts',
  ].join('\n'));
  expect(r.stderr).toBe('');
  const vfs = m.kernel.vfs;
  // the entry's own inode, as a mount(2) on that path would take it
  const entry = (path: string): Inode => {
    const cut = path.lastIndexOf('/');
    return vfs.node(vfs.lookup(path.slice(0, cut))!.entries!.get(path.slice(cut + 1))!);
  };
  return { root: vfs.lookup('/srv/ct')!, entry };
}

describe('bind mounts', () => {
  it('show the source inside a chrooted tree, and writes land in it', async () => {
    const m = newMachine();
    const { root, entry } = await setup(m);
    const vfs = m.kernel.vfs;
    vfs.bind(vfs.lookup('/srv/vol')!, entry('/srv/ct/data'));
    vfs.bind(vfs.lookup('/srv/hosts')!, entry('/srv/ct/etc/hosts'));
    const r = await runIn(m, root, 'cat /data/sub/f /etc/hosts; echo new > /data/new; echo changed > /etc/hosts; cd /data/sub && pwd; cd ../..; pwd; cd /data/../..; pwd; ls');
    expect(r).toEqual({ stdout: 'from-volume\ndocker-hosts\n/data/sub\n/\n/\nbin\ndata\netc\nusr\n', stderr: '', exit: 0 });
    // one mount table: the host sees the volume through the mountpoint too
    expect((await sh(m, 'cat /srv/vol/new /srv/hosts; ls /srv/ct/data')).stdout).toBe('new\nchanged\nnew\nsub\n');
  });

  it('refuses to remove or rename what is mounted over, and goes away leaving the source', async () => {
    const m = newMachine();
    const { root, entry } = await setup(m);
    const vfs = m.kernel.vfs;
    vfs.bind(vfs.lookup('/srv/vol')!, entry('/srv/ct/data'));
    vfs.bind(vfs.lookup('/srv/hosts')!, entry('/srv/ct/etc/hosts'));
    const r = await runIn(m, root, 'rm /etc/hosts; rmdir /data; mv /etc/hosts /etc/h2; rm /data/sub/f && echo inner-removed');
    expect(r.stdout).toBe('inner-removed\n');
    expect(r.stderr).toBe([
      "rm: cannot remove '/etc/hosts': Device or resource busy",
      "rmdir: failed to remove '/data': Device or resource busy",
      "mv: cannot move '/etc/hosts' to '/etc/h2': Device or resource busy",
      '',
    ].join('\n'));
    vfs.unbind(entry('/srv/ct/data'));
    vfs.unbind(entry('/srv/ct/etc/hosts'));
    expect(() => vfs.unbind(entry('/srv/ct/data'))).toThrow();
    const after = await runIn(m, root, 'ls -A /data; cat /etc/hosts');
    expect(after.stdout).toBe('image-hosts\n');
    expect((await sh(m, 'cat /srv/hosts; ls /srv/vol/sub | wc -l')).stdout).toBe('docker-hosts\n0\n');
  });
});
