// The kernel side of the service manager: implements ManagerHost with the VFS (as root), the
// process table (services are children of PID 1 in their own cgroup, stdout and stderr piped into
// the journal), the clock and the journal, and reports every process exit to the manager.
import type { UnitProcess } from '../shared/services/systemd';
import type { ExitInfo, ManagerHost, SpawnRequest } from '../subsystems/systemd/host';
import type { Journal } from '../subsystems/journald/journal';
import { ERRNO, SysError, strerror, type Errno } from '../shared/errno';
import type { OpenFile } from './files';
import type { Kernel } from './kernel';
import { Pipe } from './pipe';
import type { Process } from './process';
import { checkExec, createIn } from './vfs/ops';
import type { Inode } from './vfs/inode';
import type { Cred } from './vfs/permissions';

const ROOT: Cred = { uid: 0, gid: 0, euid: 0, egid: 0, groups: [0] };
const decoder = new TextDecoder();
/** The most of a file the service manager reads: systemd's READ_FULL_BYTES_MAX (64 MiB - 1, fileio.c). */
const READ_MAX = 64 * 1024 * 1024 - 1;

/** strerror(errno) for an exec failure's message; an unknown code reads as ENOENT. */
const errnoText = (errno: string): string => strerror(errno in ERRNO ? (errno as Errno) : 'ENOENT');

export interface HostHooks {
  console(line: string): void;
  power(action: 'reboot' | 'poweroff' | 'halt' | 'kexec'): void;
}

export class ServiceHost implements ManagerHost {
  /** Set by the manager's owner: receives every process exit. */
  onExit: ((pid: number, info: ExitInfo) => void) | undefined;

  constructor(
    private readonly k: Kernel,
    readonly journal: Journal,
    private readonly hooks: HostHooks,
  ) {}

  private node(path: string, follow = true): Inode | undefined {
    return this.k.vfs.lookup(path, follow);
  }

  /**
   * A file's text, reading at most READ_MAX bytes. systemd reads config line by line (read_line()
   * in config_parse(), no limit on the file's size) and a NUL ends a line, so a hole reads as empty
   * lines: a file larger than READ_MAX (truncate -s 10T) gives its stored data only, each hole as
   * one line break, and no more than READ_MAX bytes of it.
   */
  readFile(path: string): string | undefined {
    const n = this.node(path);
    if (!n || n.type !== 'file') return undefined;
    const vfs = this.k.vfs;
    if (n.generate || vfs.size(n) <= READ_MAX) return decoder.decode(vfs.read(n));
    const parts: string[] = [];
    let pos = 0;
    let budget = READ_MAX;
    for (const [start, end] of vfs.dataRanges(n)) {
      if (budget <= 0) break;
      if (start > pos) parts.push('\n');
      const len = Math.min(end - start, budget);
      parts.push(decoder.decode(vfs.readAt(n, start, len)));
      budget -= len;
      pos = start + len;
    }
    if (pos < vfs.size(n)) parts.push('\n');
    return parts.join('');
  }

  readDir(path: string): string[] | undefined {
    const n = this.node(path);
    if (!n || n.type !== 'dir') return undefined;
    return n.dynamic ? n.dynamic.list() : [...(n.entries?.keys() ?? [])].sort();
  }

  readLink(path: string): string | undefined {
    const n = this.node(path, false);
    return n && n.type === 'symlink' ? this.k.vfs.linkTarget(n) : undefined;
  }

  exists(path: string): boolean {
    return this.node(path) !== undefined;
  }

  bindSocketFile(path: string, mode: number, user: string, group: string): void {
    const vfs = this.k.vfs;
    const cut = path.lastIndexOf('/');
    // /var/run is a link to /run: the socket is made in the directory it leads to
    const dir = vfs.lookup(path.slice(0, cut) || '/');
    if (!dir || dir.type !== 'dir') return;
    const name = path.slice(cut + 1);
    const old = vfs.child(dir, name);
    if (old) vfs.removeEntry(dir, name, old);
    const node = createIn({ vfs, cred: ROOT, cwd: vfs.root, umask: 0 }, dir, name, 'socket', mode & 0o7777, 'bind', path);
    node.uid = this.user(user)?.uid ?? 0;
    node.gid = this.group(group) ?? 0;
  }

  unlinkSocketFile(path: string): void {
    const vfs = this.k.vfs;
    const cut = path.lastIndexOf('/');
    const dir = vfs.lookup(path.slice(0, cut) || '/');
    const node = dir && vfs.child(dir, path.slice(cut + 1));
    if (dir && node && node.type === 'socket') vfs.removeEntry(dir, path.slice(cut + 1), node);
  }

  isDirectory(path: string): boolean {
    return this.node(path)?.type === 'dir';
  }

  mtime(path: string): number | undefined {
    return this.node(path, false)?.mtime;
  }

  spawn(req: SpawnRequest): { pid: number } | { errno: string } {
    const k = this.k;
    const cred: Cred = { uid: req.uid, gid: req.gid, euid: req.uid, egid: req.gid, groups: req.groups };
    let cwd: Inode = k.vfs.root;
    let failure: string | undefined;
    try {
      const node = k.vfs.resolve(cred, k.vfs.root, req.path, { follow: true }, 'execve');
      checkExec({ vfs: k.vfs, cred, cwd: k.vfs.root, umask: 0o022 }, node, req.path);
      cwd = k.vfs.resolve(ROOT, k.vfs.root, req.cwd, { follow: true });
    } catch (e) {
      failure = e instanceof SysError ? e.errno : 'ENOENT';
    }
    const init = k.procs.get(1);
    // the child opens /dev/null for stdin before it looks for the program (exec_child: setup_input,
    // then find_executable); without it the exec fails at step STDIN, status 208
    let devNull: Inode | undefined;
    let stdinFailure: string | undefined;
    try {
      devNull = k.vfs.resolve(ROOT, k.vfs.root, '/dev/null', { follow: true });
    } catch (e) {
      stdinFailure = e instanceof SysError ? e.errno : 'ENOENT';
    }
    const fds = new Map<number, OpenFile>();
    const base = req.argv[0]?.slice(req.argv[0].lastIndexOf('/') + 1) ?? 'unknown';
    let proc: Process | undefined;
    if (devNull) {
      const stdin: OpenFile = { target: { kind: 'device', device: 'null', node: devNull }, readable: true, writable: false, append: false, pos: 0, refs: 1, path: '/dev/null' };
      fds.set(0, stdin);
      const out = req.toJournal ? this.journalStream(req, base, () => proc) : { ...stdin, refs: 2 };
      fds.set(1, out);
      fds.set(2, out);
    }
    try {
      proc = k.createProcess(init, {
        cred, cwd, umask: 0o022, argv: req.argv, env: req.env,
        fds, ctty: undefined, pgid: 0, sid: 0, cgroup: req.cgroup,
      });
    } catch (e) {
      // no child: the journal stream's writer is gone with it
      for (const f of new Set(fds.values())) {
        if (f.target.kind !== 'pipe') continue;
        f.target.pipe.writers = 0;
        f.target.pipe.wakeAll();
      }
      return { errno: e instanceof SysError ? e.errno : 'EAGAIN' };
    }
    proc.sid = proc.pid;
    proc.pgid = proc.pid;
    const p = proc;
    // the forked child is "(name)" until it executes the program; if that fails it says why and
    // exits with 203/EXEC (systemd's exec-util), all after the fork, so the unit has a pid
    p.comm = `(${base.slice(0, 13)})`;
    const failed = (code: number, messages: string[]): void => {
      for (const message of messages) {
        this.journal.append({ identifier: p.comm, message: `${req.unit}: ${message}`, priority: 3, pid: p.pid, uid: 0, gid: 0, comm: p.comm, unit: req.unit });
      }
      k.terminate(p, { kind: 'exited', code });
    };
    const execFailed = (errno: string): void => {
      const why = errnoText(errno);
      failed(203, [`Failed to locate executable ${req.path}: ${why}`, `Failed at step EXEC spawning ${req.path}: ${why}`]);
    };
    if (stdinFailure) {
      const why = errnoText(stdinFailure);
      k.clock.after(1, () => failed(208, [`Failed to set up standard input: ${why}`, `Failed at step STDIN spawning ${req.path}: ${why}`]));
      return { pid: p.pid };
    }
    if (failure) {
      k.clock.after(1, () => execFailed(failure!));
      return { pid: p.pid };
    }
    void k.resolveProgram(p, req.path, req.argv).then(
      (r) => {
        p.argv = r.argv;
        p.exe = r.exe;
        p.comm = base.slice(0, 15);
        if (r.euid !== undefined) p.cred.euid = r.euid;
        if (r.egid !== undefined) p.cred.egid = r.egid;
        k.start(p, r.main);
      },
      (e) => execFailed(e instanceof SysError ? e.errno : 'ENOEXEC'),
    );
    return { pid: p.pid };
  }

  /** The write end of a pipe whose lines go to the journal (StandardOutput=journal). */
  private journalStream(req: SpawnRequest, base: string, proc: () => Process | undefined): OpenFile {
    const pipe = new Pipe();
    pipe.readers = 1;
    pipe.writers = 1;
    void this.pump(pipe, proc, base, req.unit);
    return { target: { kind: 'pipe', pipe, end: 'w' }, readable: false, writable: true, append: false, pos: 0, refs: 2, path: 'pipe' };
  }

  /** Copies a service's output into the journal, a line per entry. */
  private async pump(pipe: Pipe, proc: () => Process | undefined, ident: string, unit: string): Promise<void> {
    let partial = '';
    const emit = (line: string): void => {
      const p = proc();
      // a "<N>" prefix sets the priority, as journald's stdout streams allow (SyslogLevelPrefix=)
      const m = /^<([0-7])>(.*)$/s.exec(line);
      this.journal.append({ identifier: ident, message: m ? m[2]! : line, priority: m ? Number(m[1]) : 6, pid: p?.pid, uid: p?.cred.uid, gid: p?.cred.gid, comm: p?.comm, unit, transport: 'stdout' });
    };
    for (;;) {
      const chunk = pipe.take(65536);
      if (chunk) {
        const text = partial + decoder.decode(chunk);
        const lines = text.split('\n');
        partial = lines.pop() ?? '';
        for (const l of lines) emit(l);
        continue;
      }
      if (pipe.writers === 0) break;
      await pipe.waitData();
    }
    if (partial) emit(partial);
  }

  kill(pid: number, signal: number): void {
    const p = this.k.procs.get(pid);
    if (p && p.state !== 'zombie') this.k.signal(p, signal);
  }

  processesIn(cgroup: string): UnitProcess[] {
    const out: UnitProcess[] = [];
    for (const p of this.k.procs.values()) {
      if (p.cgroup !== cgroup || p.state === 'zombie') continue;
      out.push({ pid: p.pid, comm: p.comm, cmdline: p.argv.join(' ') });
    }
    return out.sort((a, b) => a.pid - b.pid);
  }

  user(name: string): { uid: number; gid: number; groups: number[]; home: string; shell: string } | undefined {
    const line = (this.readFile('/etc/passwd') ?? '').split('\n').find((l) => l.split(':')[0] === name);
    if (!line) return undefined;
    const f = line.split(':');
    const uid = Number(f[2]);
    const gid = Number(f[3]);
    const groups = [gid];
    for (const g of (this.readFile('/etc/group') ?? '').split('\n')) {
      const gf = g.split(':');
      if (gf[3]?.split(',').includes(name) && !groups.includes(Number(gf[2]))) groups.push(Number(gf[2]));
    }
    return { uid, gid, groups, home: f[5] ?? '/', shell: f[6] ?? '/bin/sh' };
  }

  group(name: string): number | undefined {
    const line = (this.readFile('/etc/group') ?? '').split('\n').find((l) => l.split(':')[0] === name);
    return line ? Number(line.split(':')[2]) : undefined;
  }

  /** The time of day (timers on the calendar, units' timestamps). */
  now(): number {
    return this.k.clock.realtime();
  }

  uptime(): number {
    return this.k.clock.now() - this.k.bootedAt;
  }

  after(ms: number, fn: () => void): () => void {
    return this.k.clock.after(ms, fn);
  }

  console(line: string): void {
    this.hooks.console(line);
  }

  power(action: 'reboot' | 'poweroff' | 'halt' | 'kexec'): void {
    this.hooks.power(action);
  }

  hostname(): string {
    return this.k.identity.hostname;
  }

  kernelRelease(): string {
    return this.k.identity.release;
  }
}
