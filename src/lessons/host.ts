// What checks may read of a machine: its disk (no permission checks, nothing changes), the
// subsystems' views, and a shell to run a command in. machine-host.ts builds one from a Machine;
// a check never reaches further than this, so it cannot change what it judges.
import type { NetView } from '../subsystems/net/network';
import { parseGroup, parsePasswd, type GroupEntry, type PasswdEntry } from '../programs/lib/accounts';
import type { ProbeResult, ProbeSpec } from '../shared/services/traffic';
import type { SocketInfo } from '../shared/services/sockets';
import type { ContainerRec, ImageRec } from '../subsystems/docker/records';
import type { NfRuleset } from '../shared/services/netfilter';

export interface FileInfo {
  type: 'file' | 'dir' | 'symlink' | 'other';
  /** permission bits (the low 12 bits of st_mode) */
  perm: number;
  uid: number;
  gid: number;
  size: number;
  mtime: number;
  ino: number;
  /** symlinks: the link's text */
  target?: string;
}

export interface UnitInfo {
  id: string;
  active: string;
  sub: string;
  /** loaded, not-found, masked, bad-setting, error; 'not-loaded' when the manager never loaded it */
  load: string;
  result: string;
}

export interface CommandResult {
  stdout: string;
  stderr: string;
  code: number;
}

export interface CheckHost {
  /** `follow`: through a final symlink (stat) or not (lstat) */
  stat(path: string, follow: boolean): FileInfo | undefined;
  /** a regular file's text (following symlinks) */
  readFile(path: string): string | undefined;
  readdir(path: string): string[] | undefined;
  /** the manager's record of a unit, without loading it */
  unit(name: string): UnitInfo | undefined;
  /** what `systemctl is-enabled` says: enabled, disabled, static, masked, ... or not-found */
  unitFileState(name: string): Promise<string>;
  net(): NetView;
  firewall(): NfRuleset;
  /** a packet played through the firewall without moving counters (after ready()) */
  probe(spec: ProbeSpec): ProbeResult;
  /** resolves once every subsystem the checks read is loaded (some load behind the boot) */
  ready(): Promise<void>;
  /** the machine's own sockets (not those in containers' namespaces) */
  sockets(): SocketInfo[];
  docker(): { running: boolean; containers: ContainerRec[]; images: ImageRec[] };
  hostname(): string;
  /** runs a bash command line as root, no terminal, stdin empty */
  run(script: string): Promise<CommandResult>;
}

/** Reads colon-separated databases (/etc/passwd, /etc/group, /etc/shadow). */
export function colonFile(host: CheckHost, path: string): string[][] {
  const text = host.readFile(path) ?? '';
  return text
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split(':'));
}

/** /etc/passwd and /etc/group as the programs' own lookups parse them (glibc's files backend). */
export function passwd(host: CheckHost): PasswdEntry[] {
  return parsePasswd(host.readFile('/etc/passwd') ?? '');
}

export function groups(host: CheckHost): GroupEntry[] {
  return parseGroup(host.readFile('/etc/group') ?? '');
}

export function userName(host: CheckHost, uid: number): string {
  return passwd(host).find((p) => p.uid === uid)?.name ?? String(uid);
}

export function groupName(host: CheckHost, gid: number): string {
  return groups(host).find((g) => g.gid === gid)?.name ?? String(gid);
}

/** "0644" */
export function octal(perm: number): string {
  return perm.toString(8).padStart(4, '0');
}

export function list<T>(v: T | T[] | undefined): T[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** "a, b and c" */
export function andList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
