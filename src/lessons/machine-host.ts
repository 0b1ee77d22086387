// A CheckHost over a whole Machine: the VFS read without permission checks, the subsystems'
// views, and machine.run for command checks. It always reads machine.kernel and
// machine.subsystems afresh, because a reboot replaces both.
import type { Machine } from '../kernel/machine';
import type { Inode } from '../kernel/vfs/inode';
import { unitFileLookupState } from '../shared/systemd/install-state';
import { InstallEnv, InstallFailure, type FsKind, type FsStat, type InstallFs } from '../shared/systemd/install-types';
import { SYSTEM_LOOKUP_PATHS } from '../shared/systemd/lookup-paths';
import type { CheckHost, CommandResult, FileInfo, UnitInfo } from './host';

const decoder = new TextDecoder();
/** A command check that has not finished by then is stopped (timeout(1) sends SIGTERM). */
const COMMAND_SECONDS = 10;
/** ...and the checker stops waiting for one after this much real time, whatever happens. */
const COMMAND_REAL_MS = 15_000;
/** The cgroup machine.run puts the checker's processes in: their exits are not the learner's. */
export const CHECKER_CGROUP = '/user.slice/user-0.slice/session-c1.scope';

function errnoError(errno: string, path: string): Error {
  return Object.assign(new Error(`${errno}: ${path}`), { errno });
}

function fsKind(n: Inode): FsKind {
  if (n.type === 'file') return 'file';
  if (n.type === 'dir') return 'dir';
  if (n.type === 'symlink') return 'symlink';
  if (n.type === 'chardev' || n.type === 'blockdev') return 'device';
  return 'other';
}

export class MachineHost implements CheckHost {
  constructor(readonly machine: Machine) {}

  private get vfs(): Machine['kernel']['vfs'] {
    return this.machine.kernel.vfs;
  }

  private node(path: string, follow: boolean): Inode | undefined {
    if (!path.startsWith('/')) return undefined;
    return this.vfs.lookup(path, follow);
  }

  stat(path: string, follow: boolean): FileInfo | undefined {
    const n = this.node(path, follow);
    if (!n) return undefined;
    const type = n.type === 'file' || n.type === 'dir' || n.type === 'symlink' ? n.type : 'other';
    return {
      type, perm: n.perm, uid: n.uid, gid: n.gid, size: this.vfs.size(n), mtime: n.mtime, ino: n.ino,
      ...(n.type === 'symlink' ? { target: this.vfs.linkTarget(n) } : {}),
    };
  }

  readFile(path: string): string | undefined {
    const n = this.node(path, true);
    if (!n || n.type !== 'file') return undefined;
    return decoder.decode(this.vfs.read(n));
  }

  readdir(path: string): string[] | undefined {
    const n = this.node(path, true);
    if (!n || n.type !== 'dir') return undefined;
    return n.dynamic ? n.dynamic.list() : [...(n.entries?.keys() ?? [])];
  }

  unit(name: string): UnitInfo | undefined {
    // (before the service manager has loaded, no unit has started)
    const u = this.machine.subsystems.manager?.view().units.find((x) => x.id === name);
    return u && { id: u.id, active: u.active, sub: u.sub, load: u.load, result: u.result };
  }

  /** The unit-file install logic (systemctl is-enabled) over the VFS, read-only. */
  private installFs(): InstallFs {
    const st = (path: string, follow: boolean): FsStat => {
      const n = this.node(path, follow);
      if (!n) throw errnoError('ENOENT', path);
      return { kind: fsKind(n), size: this.vfs.size(n) };
    };
    const ro = (path: string): Promise<never> => Promise.reject(errnoError('EROFS', path));
    const id = this.machine.kernel.identity;
    return {
      lstat: async (p) => st(p, false),
      stat: async (p) => st(p, true),
      readlink: async (p) => {
        const n = this.node(p, false);
        if (!n) throw errnoError('ENOENT', p);
        if (n.type !== 'symlink') throw errnoError('EINVAL', p);
        return this.vfs.linkTarget(n);
      },
      readFile: async (p) => {
        const text = this.readFile(p);
        if (text === undefined) throw errnoError(this.node(p, true) ? 'EISDIR' : 'ENOENT', p);
        return text;
      },
      readdir: async (p) => {
        const list = this.readdir(p);
        if (!list) throw errnoError(this.node(p, true) ? 'ENOTDIR' : 'ENOENT', p);
        return list;
      },
      symlink: (_t, p) => ro(p),
      unlink: (p) => ro(p),
      mkdir: (p) => ro(p),
      rmdir: (p) => ro(p),
      specifiers: { H: id.hostname, l: id.hostname.split('.')[0] ?? '', v: id.release, a: 'x86-64', o: 'photon', w: '5.0' },
    };
  }

  async unitFileState(name: string): Promise<string> {
    const r = await unitFileLookupState(new InstallEnv(this.installFs(), SYSTEM_LOOKUP_PATHS), name);
    if (r instanceof InstallFailure) return r.errno === 'ENOENT' ? 'not-found' : 'bad';
    return r;
  }

  net(): ReturnType<CheckHost['net']> {
    return this.machine.subsystems.net.view();
  }

  firewall(): ReturnType<CheckHost['firewall']> {
    return this.machine.subsystems.netfilter.ruleset('ipv4');
  }

  probe(spec: Parameters<CheckHost['probe']>[0]): ReturnType<CheckHost['probe']> {
    const traffic = this.machine.subsystems.traffic;
    if (!traffic) throw new Error('the packet path is still loading: await ready() first');
    return traffic.probe(spec);
  }

  ready(): Promise<void> {
    return this.machine.subsystems.load();
  }

  sockets(): ReturnType<CheckHost['sockets']> {
    const s = this.machine.subsystems.sockets;
    return s.view().filter((x) => s.netnsOf(x.id) === 0);
  }

  docker(): ReturnType<CheckHost['docker']> {
    return this.machine.subsystems.docker?.view() ?? { running: false, containers: [], images: [] };
  }

  hostname(): string {
    return this.machine.kernel.identity.hostname;
  }

  async run(script: string): Promise<CommandResult> {
    if (this.machine.power === 'off') return { stdout: '', stderr: 'the machine is powered off', code: 255 };
    const out: Uint8Array[] = [];
    const err: Uint8Array[] = [];
    const hasTimeout = this.node('/usr/bin/timeout', true)?.type === 'file';
    const argv = hasTimeout ? ['/usr/bin/timeout', '-k', '2', String(COMMAND_SECONDS), '/bin/bash', '-c', script] : ['/bin/bash', '-c', script];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const gaveUp = new Promise<number>((resolve) => (timer = setTimeout(() => resolve(124), COMMAND_REAL_MS)));
    const code = await Promise.race([this.machine.run(argv, { stdout: (b) => out.push(b.slice()), stderr: (b) => err.push(b.slice()) }), gaveUp]);
    clearTimeout(timer);
    const text = (parts: Uint8Array[]): string => {
      const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
      let at = 0;
      for (const p of parts) {
        all.set(p, at);
        at += p.length;
      }
      return decoder.decode(all);
    };
    return { stdout: text(out), stderr: text(err), code };
  }
}

/** Runs a bash command line as root (no timeout); `login`: as a login shell, reading /etc/profile. */
export function rootShell(machine: Machine, login = false): (script: string) => Promise<CommandResult> {
  return async (script) => {
    const out: string[] = [];
    const err: string[] = [];
    const argv = login ? ['/bin/bash', '--login', '-c', script] : ['/bin/bash', '-c', script];
    const d1 = new TextDecoder();
    const d2 = new TextDecoder();
    const code = await machine.run(argv, { stdout: (b) => out.push(d1.decode(b, { stream: true })), stderr: (b) => err.push(d2.decode(b, { stream: true })) });
    return { stdout: out.join('') + d1.decode(), stderr: err.join('') + d2.decode(), code };
  };
}
