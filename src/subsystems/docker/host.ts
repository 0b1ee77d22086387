// What the docker engine needs from the machine (implemented by src/kernel/docker-host.ts): files
// under /var/lib/docker as root, container processes in their own root, hostname and network
// namespace, host commands dockerd runs (iptables, docker-proxy), and the clock.
import type { TreeEntryData } from '../../shared/services/docker';

/** One entry of an image's root filesystem. */
export type RootfsEntry = (
  | { path: string; kind: 'dir'; mode: number }
  | { path: string; kind: 'file'; mode: number; text: string }
  | { path: string; kind: 'symlink'; target: string }
  | { path: string; kind: 'program'; program: string; mode: number }
) & { uid?: number; gid?: number };

/** A file tree as read from (or written to) the machine: `docker cp`, save and load; paths are relative to the tree's top ('' for the top itself). */
export type TreeEntry = TreeEntryData;

export interface ContainerProcessSpec {
  /** the container's root directory on the host */
  root: string;
  /** the file to run (inside the root); argv[0] is the command as the user gave it */
  path: string;
  argv: string[];
  env: Map<string, string>;
  cwd: string;
  hostname: string;
  uid: number;
  gid: number;
  netns: number;
  /** where stdin/stdout/stderr go: the engine's log pump, or the terminal of process `pid` */
  stdio: { kind: 'logs' } | { kind: 'attach'; pid: number; tty: boolean };
  /** output lines for the container's log (also for attached runs without a tty) */
  onOutput(stream: 'stdout' | 'stderr', text: string): void;
  /** cgroup path of the container (docker-<id>.scope under system.slice) */
  cgroup: string;
  /** the container: its processes share a PID namespace and a /proc (see release) */
  group: string;
}

export interface HostProcess {
  pid: number;
  ppid: number;
  uid: number;
  argv: string[];
  startTime: number;
  cpuMs: number;
  tty: string;
}

export interface DockerHost {
  now(): number;
  after(ms: number, fn: () => void): () => void;
  /** a 64-hex-digit id from the machine's seeded generator */
  randomId(): string;
  readFile(path: string): string | undefined;
  writeFile(path: string, text: string, mode?: number): void;
  appendFile(path: string, text: string): void;
  mkdirp(path: string, mode?: number): void;
  remove(path: string): void;
  exists(path: string): boolean;
  /** whether `path` exists as seen from inside the directory `root` (its links resolved there) */
  existsIn(root: string, path: string): boolean;
  readDir(path: string): string[];
  writeTree(dir: string, entries: readonly RootfsEntry[]): void;
  copyTree(from: string, to: string): void;
  /** bytes the regular files under `dir` hold */
  treeSize(dir: string): number;
  /** connect(2) to /var/run/docker.sock by `pid`: ENOENT without the socket, EACCES without write permission */
  connectSocket(pid: number): 'ok' | 'ENOENT' | 'EACCES' | 'ECONNREFUSED';
  /** asks systemd to start docker.service (socket activation); resolves when the job ends */
  activate(): Promise<boolean>;
  spawnContainer(spec: ContainerProcessSpec): { pid: number } | { errno: string };
  /** the container's namespaces are done with (its processes have ended) */
  release(group: string): void;
  /** runs a host command as root (dockerd's children: iptables, docker-proxy); resolves with its status, or at once for `detached` ones */
  run(argv: string[], detached?: boolean): Promise<{ pid: number; status: number }>;
  kill(pid: number, signal: number): void;
  /** whether `pid` is a process that has not ended */
  alive(pid: number): boolean;
  waitExit(pid: number): Promise<{ code: number; signal?: number }>;
  /** the process and its descendants */
  processTree(pid: number): HostProcess[];
  netns: {
    create(): number;
    setAddresses(id: number, addresses: string[]): void;
    remove(id: number): void;
  };
  /** sets up a bridge link with an address (docker0, br-<id>) */
  bridge(name: string, address: string, prefixLen: number): void;
  /** the machine's own IPv4 subnets (CIDR), which a new network's must not overlap */
  hostSubnets(): string[];
  /** deletes a link (a removed network's bridge) */
  removeLink(name: string): void;
  /** mount --bind of `source` (a directory or a file) over `target`, made when missing */
  bindMount(source: string, target: string): void;
  unbindMount(target: string): void;
  /** where `path` inside the tree `root` is on the machine (symlinks followed inside the root, the last one only with `follow`); undefined when missing */
  resolveIn(root: string, path: string, follow?: boolean): string | undefined;
  /** the tree at `path` as it reads (through what is mounted in it); undefined when missing */
  readTree(path: string, follow?: boolean, topOnly?: boolean): TreeEntry[] | undefined;
  /** writes entries under `dir` (replacing files, keeping directories) */
  writeEntries(dir: string, entries: readonly TreeEntry[]): void;
  /** `docker diff`: what the tree `upper` added, changed and deleted against `base` (paths in `skip` left out) */
  diffTrees(base: string, upper: string, skip: ReadonlySet<string>): { kind: 'A' | 'C' | 'D'; path: string }[];
  sysctl(key: string, value: string): void;
  /** text for the client `pid` (the build's progress between its steps' output) */
  writeClient(pid: number, text: string): void;
  /** dockerd's own log line into the journal (level=info msg=...) */
  log(message: string): void;
  /** the machine's facts for `docker info` */
  facts(): { hostname: string; kernel: string; os: string; cpus: number; memory: number };
}
