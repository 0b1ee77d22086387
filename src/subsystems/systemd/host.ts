// What the service manager needs from the machine around it: the disk (unit files), processes
// (spawn, signal, who is in a unit's cgroup), time, accounts, the journal and power actions.
// The kernel implements it (kernel/service-host.ts); tests can pass a fake.
import type { UnitProcess } from '../../shared/services/systemd';
import type { Journal } from '../journald/journal';

export interface SpawnRequest {
  path: string;
  argv: string[];
  env: Map<string, string>;
  uid: number;
  gid: number;
  groups: number[];
  cwd: string;
  /** cgroup path the process and its children belong to, e.g. /system.slice/sshd.service. */
  cgroup: string;
  /** Unit name recorded with its journal lines. */
  unit: string;
  /** Send stdout and stderr to the journal (StandardOutput=journal). */
  toJournal: boolean;
}

export type ExitInfo = { code: 'exited'; status: number } | { code: 'killed' | 'dumped'; status: number };

export interface Account {
  uid: number;
  gid: number;
  groups: number[];
  home: string;
  shell: string;
}

export interface ManagerHost {
  readFile(path: string): string | undefined;
  /** Names in a directory; undefined when it is not one. */
  readDir(path: string): string[] | undefined;
  /** A symlink's target; undefined when `path` is not a symlink. */
  readLink(path: string): string | undefined;
  exists(path: string): boolean;
  /** A socket unit's file-system socket (ListenStream=/path): created as a socket inode, or removed. */
  bindSocketFile(path: string, mode: number, user: string, group: string): void;
  unlinkSocketFile(path: string): void;
  isDirectory(path: string): boolean;
  /** Modification time in ms, for "changed on disk" warnings. */
  mtime(path: string): number | undefined;
  /** Starts a process; the host reports its end through Manager.processExited. */
  spawn(req: SpawnRequest): { pid: number } | { errno: string };
  kill(pid: number, signal: number): void;
  /** Live processes whose cgroup is `cgroup`. */
  processesIn(cgroup: string): UnitProcess[];
  user(name: string): Account | undefined;
  group(name: string): number | undefined;
  now(): number;
  uptime(): number;
  /** Runs `fn` after `ms` of machine time; returns a cancel function. */
  after(ms: number, fn: () => void): () => void;
  journal: Journal;
  /** Console status lines ("[  OK  ] Started ..."). */
  console(line: string): void;
  power(action: 'reboot' | 'poweroff' | 'halt' | 'kexec'): void;
  hostname(): string;
  kernelRelease(): string;
}
