// The kernel side of the docker engine (subsystems/docker/host.ts): files under /var/lib/docker
// as root, container processes in their own root, hostname and network namespace (children of
// PID 1 as containerd's shims would be), dockerd's helper commands, the docker0 bridge.
import { SysError } from '../shared/errno';
import type { ExitInfo } from '../subsystems/systemd/host';
import type { ContainerProcessSpec, DockerHost, HostProcess, RootfsEntry, TreeEntry } from '../subsystems/docker/host';
import type { Journal } from '../subsystems/journald/journal';
import type { Network } from '../subsystems/net/network';
import { stubFor } from './exec';
import type { OpenFile } from './files';
import { writeFile as writeOpenFile } from './io';
import type { Kernel } from './kernel';
import { Pipe } from './pipe';
import { PidNamespace } from './pidns';
import type { Process } from './process';
import type { Inode } from './vfs/inode';
import * as trees from './docker-trees';
import { createIn } from './vfs/ops';
import { mayAccess, W_OK, type Cred } from './vfs/permissions';

const ROOT: Cred = { uid: 0, gid: 0, euid: 0, egid: 0, groups: [0] };
const encoder = new TextEncoder();
const decoder = new TextDecoder();
const SOCKET = '/var/run/docker.sock';

export class KernelDockerHost implements DockerHost {
  private readonly exits = new Map<number, ((x: { code: number; signal?: number }) => void)[]>();
  private readonly recent = new Map<number, { code: number; signal?: number }>();
  /** Terminals lent to a container's process (docker run -it): given back when it ends. */
  private readonly terminals = new Map<number, { tty: NonNullable<Process['ctty']>; prev: number }>();
  /** Each running container's PID namespace and the /proc mounted in its root. */
  private readonly groups = new Map<string, { pidns: PidNamespace; proc?: Inode }>();

  constructor(
    private readonly k: Kernel,
    private readonly journal: Journal,
    private readonly net: Network,
    private readonly startDocker: () => Promise<boolean>,
    private readonly daemonPid: () => number,
  ) {}

  /** The kernel's exit listener calls this for every process. */
  exited(pid: number, info: ExitInfo): void {
    const lent = this.terminals.get(pid);
    if (lent) {
      this.terminals.delete(pid);
      if (lent.tty.foreground === pid) lent.tty.foreground = lent.prev;
    }
    const x = info.code === 'exited' ? { code: info.status } : { code: 128 + info.status, signal: info.status };
    const list = this.exits.get(pid);
    if (list) {
      this.exits.delete(pid);
      for (const f of list) f(x);
    } else {
      this.recent.set(pid, x);
      if (this.recent.size > 64) this.recent.delete(this.recent.keys().next().value!);
    }
  }

  private ctx(): { vfs: Kernel['vfs']; cred: Cred; cwd: Inode; umask: number } {
    return { vfs: this.k.vfs, cred: ROOT, cwd: this.k.vfs.root, umask: 0 };
  }

  now(): number {
    return this.k.clock.realtime();
  }

  after(ms: number, fn: () => void): () => void {
    return this.k.clock.after(ms, fn);
  }

  randomId(): string {
    let s = '';
    for (let i = 0; i < 8; i++) s += this.k.random.next().toString(16).padStart(8, '0');
    return s;
  }

  readFile(path: string): string | undefined {
    const n = this.k.vfs.lookup(path);
    return n && n.type === 'file' ? decoder.decode(this.k.vfs.read(n)) : undefined;
  }

  private dir(path: string, mode = 0o755): Inode {
    const vfs = this.k.vfs;
    let d = vfs.root;
    for (const part of path.split('/').filter(Boolean)) {
      let next = vfs.child(d, part);
      if (next && next.type === 'symlink') next = vfs.lookup(`${vfs.pathOf(d)}/${part}`) ?? next;
      if (!next) next = createIn(this.ctx(), d, part, 'dir', mode, 'mkdir', path);
      if (next.type !== 'dir') throw new SysError('ENOTDIR', 'mkdir', path);
      d = next;
    }
    return d;
  }

  private split(path: string): { dir: Inode; name: string } {
    const cut = path.lastIndexOf('/');
    return { dir: this.dir(path.slice(0, cut)), name: path.slice(cut + 1) };
  }

  writeFile(path: string, text: string, mode = 0o644): void {
    const { dir, name } = this.split(path);
    const vfs = this.k.vfs;
    const node = vfs.child(dir, name) ?? createIn(this.ctx(), dir, name, 'file', mode, 'open', path);
    vfs.truncate(node, 0);
    vfs.write(node, 0, encoder.encode(text));
  }

  appendFile(path: string, text: string): void {
    const { dir, name } = this.split(path);
    const vfs = this.k.vfs;
    const node = vfs.child(dir, name) ?? createIn(this.ctx(), dir, name, 'file', 0o640, 'open', path);
    try {
      vfs.write(node, vfs.size(node), encoder.encode(text));
    } catch {
      // a full disk loses log lines, as json-file does
    }
  }

  mkdirp(path: string, mode = 0o755): void {
    this.dir(path, mode);
  }

  remove(path: string): void {
    const vfs = this.k.vfs;
    const cut = path.lastIndexOf('/');
    const parent = vfs.lookup(path.slice(0, cut) || '/');
    const name = path.slice(cut + 1);
    const ino = parent?.entries?.get(name);
    if (!parent || ino === undefined) return;
    // the tree's own entries, not what is mounted over them: a bind mount left over is undone
    // (its source stays), a mounted filesystem is left alone
    const drop = (dir: Inode, n: string, x: Inode): void => {
      if (vfs.isBindMountpoint(x)) vfs.unbind(x);
      if (vfs.isMountpoint(x)) return;
      if (x.type === 'dir' && x.entries) for (const [cn, ci] of [...x.entries]) drop(x, cn, vfs.node(ci));
      vfs.removeEntry(dir, n, x);
    };
    drop(parent, name, vfs.node(ino));
  }

  exists(path: string): boolean {
    return this.k.vfs.lookup(path) !== undefined;
  }

  existsIn(root: string, path: string): boolean {
    const r = this.k.vfs.lookup(root);
    return r !== undefined && this.k.vfs.lookup(path, true, r) !== undefined;
  }

  readDir(path: string): string[] {
    const n = this.k.vfs.lookup(path);
    return n && n.type === 'dir' && n.entries ? [...n.entries.keys()].sort() : [];
  }

  writeTree(dir: string, entries: readonly RootfsEntry[]): void {
    const vfs = this.k.vfs;
    const sorted = [...entries].sort((a, b) => a.path.split('/').length - b.path.split('/').length || a.path.localeCompare(b.path));
    for (const e of sorted) {
      const path = `${dir}${e.path}`;
      if (e.kind === 'dir') {
        const d = this.dir(path, e.mode);
        d.perm = e.mode & 0o7777;
        d.uid = e.uid ?? 0;
        d.gid = e.gid ?? 0;
        continue;
      }
      const { dir: parent, name } = this.split(path);
      const old = vfs.child(parent, name);
      if (old) vfs.removeEntry(parent, name, old);
      if (e.kind === 'symlink') {
        const n = createIn(this.ctx(), parent, name, 'symlink', 0o777, 'symlink', path);
        n.target = e.target;
        continue;
      }
      const n = createIn(this.ctx(), parent, name, 'file', e.mode, 'open', path);
      n.perm = e.mode & 0o7777;
      n.uid = e.uid ?? 0;
      n.gid = e.gid ?? 0;
      vfs.write(n, 0, encoder.encode(e.kind === 'program' ? stubFor(e.program) : e.text));
    }
  }

  copyTree(from: string, to: string): void {
    const vfs = this.k.vfs;
    const src = vfs.lookup(from);
    if (!src || src.type !== 'dir') return;
    const dst = this.dir(to);
    // the tree's own entries: what is mounted or bound inside it (volumes, /proc) is not copied
    const copy = (s: Inode, d: Inode, path: string): void => {
      for (const [name, ino] of s.entries ?? []) {
        const x = vfs.node(ino);
        const old = vfs.child(d, name);
        if (old && !(old.type === 'dir' && x.type === 'dir')) vfs.removeEntry(d, name, old);
        const target = `${path}/${name}`;
        if (x.type === 'dir') {
          const nd = old && old.type === 'dir' ? old : createIn(this.ctx(), d, name, 'dir', x.perm, 'mkdir', target);
          nd.perm = x.perm;
          nd.uid = x.uid;
          nd.gid = x.gid;
          copy(x, nd, target);
        } else if (x.type === 'symlink') {
          const n = createIn(this.ctx(), d, name, 'symlink', 0o777, 'symlink', target);
          n.target = vfs.linkTarget(x);
        } else if (x.type === 'file') {
          const n = createIn(this.ctx(), d, name, 'file', x.perm, 'open', target);
          n.perm = x.perm;
          n.uid = x.uid;
          n.gid = x.gid;
          vfs.write(n, 0, vfs.read(x));
        }
      }
    };
    copy(src, dst, to);
  }

  treeSize(dir: string): number {
    const vfs = this.k.vfs;
    const walk = (n: Inode): number => {
      if (n.type === 'file') return vfs.size(n);
      if (n.type !== 'dir' || !n.entries) return 0;
      let t = 0;
      for (const ino of n.entries.values()) t += walk(vfs.node(ino));
      return t;
    };
    const n = vfs.lookup(dir);
    return n ? walk(n) : 0;
  }

  connectSocket(pid: number): 'ok' | 'ENOENT' | 'EACCES' | 'ECONNREFUSED' {
    const p = this.k.procs.get(pid);
    const node = this.k.vfs.lookup(SOCKET);
    if (!node) return 'ENOENT';
    if (node.type !== 'socket') return 'ECONNREFUSED';
    if (p && !mayAccess({ ...p.cred, uid: p.cred.euid, gid: p.cred.egid }, node, W_OK)) return 'EACCES';
    return 'ok';
  }

  activate(): Promise<boolean> {
    return this.startDocker();
  }

  private devNull(): OpenFile {
    const node = this.k.vfs.lookup('/dev/null')!;
    return { target: { kind: 'device', device: 'null', node }, readable: true, writable: true, append: false, pos: 0, refs: 1, path: '/dev/null' };
  }

  /** A pipe whose reader is this host: text goes to `sink` line by line. */
  private outPipe(sink: (text: string) => Promise<void> | void): OpenFile {
    const pipe = new Pipe();
    pipe.readers = 1;
    pipe.writers = 1;
    void (async () => {
      for (;;) {
        const chunk = pipe.take(65536);
        if (chunk) {
          await sink(decoder.decode(chunk));
          continue;
        }
        if (pipe.writers === 0) break;
        await pipe.waitData();
      }
      pipe.readers = 0;
    })();
    return { target: { kind: 'pipe', pipe, end: 'w' }, readable: false, writable: true, append: false, pos: 0, refs: 1, path: 'pipe' };
  }

  spawnContainer(spec: ContainerProcessSpec): { pid: number } | { errno: string } {
    const k = this.k;
    const root = k.vfs.lookup(spec.root);
    if (!root || root.type !== 'dir') return { errno: 'ENOENT' };
    const cwd = k.vfs.lookup(spec.cwd, true, root) ?? root;
    const init = k.procs.get(1);
    let fds: Map<number, OpenFile>;
    let ctty: Process['ctty'];
    let sid: number | undefined;
    const caller = spec.stdio.kind === 'attach' ? k.procs.get(spec.stdio.pid) : undefined;
    let takesTerminal = false;
    if (spec.stdio.kind === 'attach' && caller && spec.stdio.tty) {
      // -t: the container's process uses the client's terminal itself, as the foreground group
      // of its session (a group of its own, so its namespace sees its group as itself)
      fds = new Map();
      for (const fd of [0, 1, 2]) {
        const f = caller.fds.get(fd) ?? this.devNull();
        f.refs++;
        fds.set(fd, f);
      }
      ctty = caller.ctty;
      sid = caller.sid;
      takesTerminal = ctty !== undefined;
    } else if (spec.stdio.kind === 'attach' && caller) {
      // attached without a terminal: output is logged and copied to the client
      const copy = (fd: number, stream: 'stdout' | 'stderr') => async (text: string): Promise<void> => {
        spec.onOutput(stream, text);
        const f = caller.fds.get(fd);
        if (f && caller.state !== 'zombie') await writeOpenFile(k, caller, f, encoder.encode(text)).catch(() => undefined);
      };
      const stdin = caller.fds.get(0);
      if (stdin) stdin.refs++;
      fds = new Map([[0, stdin ?? this.devNull()], [1, this.outPipe(copy(1, 'stdout'))], [2, this.outPipe(copy(2, 'stderr'))]]);
    } else {
      fds = new Map([[0, this.devNull()], [1, this.outPipe((t) => spec.onOutput('stdout', t))], [2, this.outPipe((t) => spec.onOutput('stderr', t))]]);
    }
    let group = this.groups.get(spec.group);
    if (!group) {
      group = { pidns: new PidNamespace() };
      const procDir = k.vfs.lookup(`${spec.root}/proc`, false);
      if (procDir && procDir.type === 'dir' && !k.vfs.isMountpoint(procDir)) group.proc = k.mountProc(procDir, { namespace: root, pidns: group.pidns });
      this.groups.set(spec.group, group);
    }
    let proc: Process;
    try {
      proc = k.createProcess(init, {
        cred: { uid: spec.uid, gid: spec.gid, euid: spec.uid, egid: spec.gid, groups: [spec.gid] }, cwd, umask: 0o022, argv: spec.argv, env: spec.env,
        fds, ctty, pgid: 0, sid: sid ?? 0, cgroup: spec.cgroup, root, uts: { hostname: spec.hostname, domainname: '(none)' }, netns: spec.netns, pidns: group.pidns,
      });
    } catch (e) {
      for (const f of fds.values()) f.refs--;
      return { errno: e instanceof SysError ? e.errno : 'EAGAIN' };
    }
    proc.pgid = proc.pid;
    if (sid === undefined) proc.sid = proc.pid;
    if (takesTerminal && ctty) {
      const prev = ctty.foreground;
      ctty.foreground = proc.pgid;
      this.terminals.set(proc.pid, { tty: ctty, prev });
    }
    const p = proc;
    void k.resolveProgram(p, spec.path, spec.argv).then(
      (r) => {
        // a script's interpreter line puts the interpreter first; a binary keeps argv as given
        p.argv = r.argv[0] === spec.argv[0] || r.argv.length === spec.argv.length ? spec.argv : r.argv;
        p.exe = r.exe;
        k.start(p, r.main);
      },
      () => k.terminate(p, { kind: 'exited', code: 127 }),
    );
    return { pid: p.pid };
  }

  release(groupId: string): void {
    const group = this.groups.get(groupId);
    if (!group) return;
    this.groups.delete(groupId);
    if (group.proc) {
      try {
        this.k.vfs.umount(group.proc);
      } catch {
        // already gone with the container's files
      }
    }
  }

  async run(argv: string[], detached = false): Promise<{ pid: number; status: number }> {
    const k = this.k;
    const parent = k.procs.get(this.daemonPid()) ?? k.procs.get(1);
    const out = this.devNull();
    let proc: Process;
    try {
      proc = k.createProcess(parent, { cred: ROOT, cwd: k.vfs.root, umask: 0o022, argv, env: new Map([['PATH', '/usr/sbin:/usr/bin:/sbin:/bin']]), fds: new Map([[0, out], [1, { ...out }], [2, { ...out }]]), ctty: undefined, pgid: 0, sid: 0, netns: 0 });
    } catch {
      return { pid: 0, status: 1 };
    }
    const p = proc;
    p.sid = p.pid;
    p.pgid = p.pid;
    // dockerd reaps what it runs (its Go runtime waits on every child)
    p.adopted = true;
    const done = new Promise<{ code: number }>((resolve) => this.exits.set(p.pid, [...(this.exits.get(p.pid) ?? []), resolve]));
    void k.resolveProgram(p, argv[0]!, argv).then((r) => {
      p.exe = r.exe;
      k.start(p, r.main);
    }, () => k.terminate(p, { kind: 'exited', code: 127 }));
    if (detached) return { pid: p.pid, status: 0 };
    const x = await done;
    return { pid: p.pid, status: x.code };
  }

  kill(pid: number, signal: number): void {
    const p = this.k.procs.get(pid);
    if (!p || p.state === 'zombie') return;
    // a container's PID 1 gets only the signals it handles, and SIGKILL and SIGSTOP (so `docker
    // stop` of a process that ignores SIGTERM waits out the timeout, then kills it)
    if (p.pidns && p.pidns.init === p.pid && p.disposition(signal) === 'default' && signal !== 9 && signal !== 19) return;
    this.k.signal(p, signal);
  }

  alive(pid: number): boolean {
    const p = this.k.procs.get(pid);
    return p !== undefined && p.state !== 'zombie';
  }

  waitExit(pid: number): Promise<{ code: number; signal?: number }> {
    const seen = this.recent.get(pid);
    if (seen) {
      this.recent.delete(pid);
      return Promise.resolve(seen);
    }
    const p = this.k.procs.get(pid);
    if (!p) return Promise.resolve({ code: 0 });
    return new Promise((resolve) => this.exits.set(pid, [...(this.exits.get(pid) ?? []), resolve]));
  }

  processTree(pid: number): HostProcess[] {
    const out: HostProcess[] = [];
    const all = [...this.k.procs.values()].filter((p) => p.state !== 'zombie');
    const want = new Set([pid]);
    for (let changed = true; changed;) {
      changed = false;
      for (const p of all) if (!want.has(p.pid) && want.has(p.ppid)) { want.add(p.pid); changed = true; }
    }
    for (const p of all) {
      if (!want.has(p.pid)) continue;
      out.push({ pid: p.pid, ppid: p.ppid, uid: p.cred.uid, argv: [...p.argv], startTime: p.startTime, cpuMs: 0, tty: p.ctty ? p.ctty.name : '?' });
    }
    return out.sort((a, b) => a.pid - b.pid);
  }

  readonly netns = {
    create: (): number => this.k.netns.create(),
    setAddresses: (id: number, addresses: string[]): void => this.k.netns.setAddresses(id, addresses),
    remove: (id: number): void => this.k.netns.remove(id),
  };

  bridge(name: string, address: string, prefixLen: number): void {
    const root = { pid: 0, uid: 0, euid: 0, gid: 0, egid: 0, groups: [0] };
    const mac = [0x02, 0x42, ...this.randomId().slice(0, 8).match(/../g)!.map((b) => parseInt(b, 16))];
    if (this.net.ifindex(name) === undefined) this.net.handle(root, { kind: 'newlink', name, type: 'bridge', change: { up: true, address: mac }, nlflags: { create: true, excl: true } });
    const ifindex = this.net.ifindex(name);
    if (ifindex === undefined) return;
    if (!this.net.addresses(4).some((a) => a.ifindex === ifindex && a.local === address)) {
      const n = address.split('.').reduce((acc, b) => acc * 256 + Number(b), 0);
      const host = prefixLen >= 32 ? 0 : 2 ** (32 - prefixLen) - 1;
      const b = n - (n % (host + 1)) + host;
      const broadcast = [24, 16, 8, 0].map((sh) => Math.floor(b / 2 ** sh) % 256).join('.');
      this.net.handle(root, { kind: 'newaddr', addr: { family: 4, ifindex, local: address, address, prefixlen: prefixLen, broadcast, label: name }, nlflags: { create: true, excl: true } });
    }
  }

  hostSubnets(): string[] {
    return this.net.addresses(4).filter((a) => !a.local.startsWith('127.')).map((a) => `${a.local}/${a.prefixlen}`);
  }

  removeLink(name: string): void {
    const ifindex = this.net.ifindex(name);
    if (ifindex === undefined) return;
    this.net.handle({ pid: 0, uid: 0, euid: 0, gid: 0, egid: 0, groups: [0] }, { kind: 'dellink', ifindex });
  }

  bindMount(source: string, target: string): void {
    const vfs = this.k.vfs;
    const src = vfs.lookup(source);
    if (!src) throw new SysError('ENOENT', 'mount', source);
    const cut = target.lastIndexOf('/');
    const dir = this.dir(target.slice(0, cut));
    const name = target.slice(cut + 1);
    if (!dir.entries?.has(name)) {
      if (src.type === 'dir') createIn(this.ctx(), dir, name, 'dir', 0o755, 'mkdir', target);
      else createIn(this.ctx(), dir, name, 'file', 0o644, 'open', target);
    }
    vfs.bind(src, vfs.node(dir.entries!.get(name)!));
  }

  unbindMount(target: string): void {
    const vfs = this.k.vfs;
    const cut = target.lastIndexOf('/');
    const dir = vfs.lookup(target.slice(0, cut) || '/');
    const ino = dir?.entries?.get(target.slice(cut + 1));
    if (ino !== undefined && vfs.isBindMountpoint(vfs.node(ino))) vfs.unbind(vfs.node(ino));
  }

  resolveIn(root: string, path: string, follow = false): string | undefined {
    return trees.resolveIn(this.k.vfs, root, path, follow);
  }

  readTree(path: string, follow = false, topOnly = false): TreeEntry[] | undefined {
    return trees.readTree(this.k.vfs, path, follow, topOnly);
  }

  writeEntries(dir: string, entries: readonly TreeEntry[]): void {
    const vfs = this.k.vfs;
    for (const e of entries) {
      const path = e.path ? `${dir}/${e.path}` : dir;
      if (e.kind === 'dir') {
        const d = this.dir(path, e.mode);
        d.perm = e.mode & 0o7777;
        d.uid = e.uid;
        d.gid = e.gid;
        continue;
      }
      const { dir: parent, name } = this.split(path);
      const old = vfs.child(parent, name);
      if (old && old.type === 'file' && e.kind === 'file' && !vfs.entryCovered(parent, name)) {
        vfs.truncate(old, 0);
        vfs.write(old, 0, e.data ?? new Uint8Array(0));
        old.perm = e.mode & 0o7777;
        continue;
      }
      if (old && vfs.entryCovered(parent, name)) {
        if (old.type === 'file' && e.kind === 'file') {
          vfs.truncate(old, 0);
          vfs.write(old, 0, e.data ?? new Uint8Array(0));
        }
        continue;
      }
      if (old) this.remove(path);
      const n = createIn(this.ctx(), parent, name, e.kind === 'symlink' ? 'symlink' : 'file', e.mode, e.kind === 'symlink' ? 'symlink' : 'open', path);
      if (e.kind === 'symlink') {
        n.target = e.target ?? '';
        continue;
      }
      n.perm = e.mode & 0o7777;
      n.uid = e.uid;
      n.gid = e.gid;
      vfs.write(n, 0, e.data ?? new Uint8Array(0));
      n.mtime = e.mtime;
    }
  }

  diffTrees(base: string, upper: string, skip: ReadonlySet<string>): { kind: 'A' | 'C' | 'D'; path: string }[] {
    return trees.diffTrees(this.k.vfs, base, upper, skip);
  }

  writeClient(pid: number, text: string): void {
    const p = this.k.procs.get(pid);
    const f = p?.fds.get(1);
    if (p && f && p.state !== 'zombie') void writeOpenFile(this.k, p, f, encoder.encode(text)).catch(() => undefined);
  }

  sysctl(key: string, value: string): void {
    try {
      this.k.sysctl.write(key, value);
    } catch {
      // a read-only key stays as it is
    }
  }

  log(message: string): void {
    const now = Math.floor(this.now());
    const iso = `${new Date(now).toISOString().slice(0, 23)}${String((now * 7919) % 1_000_000).padStart(6, '0')}Z`;
    const pid = this.daemonPid();
    this.journal.append({ identifier: 'dockerd', message: `time="${iso}" level=info msg="${message.replace(/"/g, '\\"')}"`, priority: 6, pid, uid: 0, gid: 0, comm: 'dockerd', unit: 'docker.service', transport: 'stdout' });
  }

  facts(): { hostname: string; kernel: string; os: string; cpus: number; memory: number } {
    const os = /^PRETTY_NAME="?([^"\n]*)"?/m.exec(this.readFile('/etc/os-release') ?? '')?.[1] ?? 'Linux';
    const mem = /^MemTotal:\s+(\d+)/m.exec(this.readFile('/proc/meminfo') ?? '')?.[1];
    return { hostname: this.k.identity.hostname, kernel: this.k.identity.release, os, cpus: 2, memory: mem ? Number(mem) * 1024 : 2_055_000_000 };
  }
}
