// The 'docker' service: the engine dockerd runs (images, containers, networks, volumes), as the
// docker CLI reaches it through /var/run/docker.sock. Requests mirror the Engine API's calls;
// errors carry the daemon's message, which the CLI prints after "Error response from daemon: ".

export interface ImageConfig {
  Env: string[];
  Cmd?: string[];
  Entrypoint?: string[];
  WorkingDir: string;
  User?: string;
  ExposedPorts?: Record<string, Record<string, never>>;
  Labels?: Record<string, string>;
  StopSignal?: string;
  Volumes?: Record<string, Record<string, never>>;
}

export interface HistoryEntry {
  created: string;
  created_by: string;
  size: number;
  empty_layer?: boolean;
  comment?: string;
}

export interface ImageInfo {
  id: string;
  repoTags: string[];
  repoDigests: string[];
  created: string;
  size: number;
  config: ImageConfig;
  history: HistoryEntry[];
  layers: string[];
  parent: string;
  /** Containers (running or not) made from it. */
  containers: number;
}

export type ContainerStatus = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';

export interface PortBinding {
  HostIp: string;
  HostPort: string;
}

export interface ContainerSpec {
  name?: string;
  image: string;
  cmd?: string[];
  entrypoint?: string[];
  env: string[];
  workdir?: string;
  user?: string;
  hostname?: string;
  tty: boolean;
  openStdin: boolean;
  labels: Record<string, string>;
  /** "80/tcp" -> bindings */
  ports: Record<string, PortBinding[]>;
  publishAll: boolean;
  exposed: string[];
  restart: { Name: '' | 'no' | 'always' | 'unless-stopped' | 'on-failure'; MaximumRetryCount: number };
  autoRemove: boolean;
  network: string;
  binds: string[];
  /** --network-alias: names on the (user-defined) network */
  aliases?: string[];
  /** --ip: a fixed address on the (user-defined) network */
  ip?: string;
  /** --mount type=volume|bind */
  mounts?: MountSpec[];
  /** more --network options (API 1.44+): networks joined besides the first */
  moreNetworks?: string[];
}

export interface MountSpec {
  type: 'volume' | 'bind';
  /** volume name or host path ('' for an anonymous volume) */
  source: string;
  target: string;
  readOnly: boolean;
}

/** A container's endpoint on one network, as NetworkSettings.Networks shows it. */
export interface EndpointInfo {
  networkId: string;
  ip: string;
  mac: string;
  gateway: string;
  prefixLen: number;
  endpointId: string;
  aliases: string[] | null;
  dnsNames: string[] | null;
}

/** One of a container's mounts, in the Engine API's MountPoint shape. */
export interface MountInfo {
  Type: 'volume' | 'bind';
  Name?: string;
  Source: string;
  Destination: string;
  Driver?: string;
  Mode: string;
  RW: boolean;
  Propagation: string;
}

export interface ContainerInfo {
  id: string;
  name: string;
  image: string;
  imageId: string;
  created: string;
  path: string;
  args: string[];
  status: ContainerStatus;
  running: boolean;
  paused: boolean;
  restarting: boolean;
  pid: number;
  exitCode: number;
  error: string;
  startedAt: string;
  finishedAt: string;
  restartCount: number;
  spec: ContainerSpec;
  config: ImageConfig & { Hostname: string; Tty: boolean; OpenStdin: boolean; Image: string };
  network: { name: string; ip: string; mac: string; gateway: string; prefixLen: number; endpointId: string; networkId: string };
  /** every network it is on, by name (NetworkSettings.Networks) */
  networks?: Record<string, EndpointInfo>;
  mounts?: MountInfo[];
  /** "80/tcp" -> published bindings (what `docker port` and PORTS show) */
  published: Record<string, PortBinding[]>;
  /** Sizes for `docker ps -s` and `system df`. */
  sizeRw: number;
  logPath: string;
  /** human status line (Up 5 minutes, Exited (0) 3 seconds ago), computed at the time of the request */
  statusText: string;
}

export interface NetworkInfo {
  id: string;
  name: string;
  driver: string;
  scope: string;
  created: string;
  subnet: string;
  gateway: string;
  internal: boolean;
  attachable: boolean;
  enableIPv6: boolean;
  containers: Record<string, { name: string; ip: string; mac: string; endpointId: string }>;
  labels: Record<string, string>;
  options: Record<string, string>;
  /** IPAM.Options: {} for a network made by the CLI, null for the predefined ones */
  ipamOptions: Record<string, string> | null;
}

export interface VolumeInfo {
  name: string;
  driver: string;
  mountpoint: string;
  created: string;
  labels: Record<string, string> | null;
  options: Record<string, string> | null;
  /** containers using it */
  refs: number;
  size: number;
  anonymous: boolean;
}

/** One container's resource usage (`docker stats`). */
export interface StatsInfo {
  id: string;
  name: string;
  cpuPercent: number;
  memUsage: number;
  memLimit: number;
  netRx: number;
  netTx: number;
  blockRead: number;
  blockWrite: number;
  pids: number;
}

/** What `docker save` needs of one image: its config and its root filesystem. */
export interface SavedImage {
  id: string;
  repoTags: string[];
  created: string;
  config: ImageConfig;
  history: HistoryEntry[];
  layers: string[];
  size: number;
  rootfs: TreeEntryData[];
}

/** A file tree entry crossing the socket (docker cp, save, load). */
export interface TreeEntryData {
  path: string;
  kind: 'dir' | 'file' | 'symlink';
  mode: number;
  uid: number;
  gid: number;
  mtime: number;
  data?: Uint8Array;
  target?: string;
}

export interface LogEntry {
  stream: 'stdout' | 'stderr';
  time: number;
  text: string;
}

export interface PullLayer {
  id: string;
  size: number;
  /** already in the store: "Already exists" */
  present: boolean;
}

export interface ExecSpec {
  cmd: string[];
  env: string[];
  workdir?: string;
  user?: string;
  tty: boolean;
  interactive: boolean;
  detach: boolean;
}

export type DockerRequest =
  | { kind: 'connect' }
  | { kind: 'version' }
  | { kind: 'info' }
  | { kind: 'images' }
  | { kind: 'image-inspect'; ref: string }
  | { kind: 'pull'; ref: string }
  | { kind: 'tag'; source: string; target: string }
  | { kind: 'rmi'; ref: string; force: boolean }
  | { kind: 'create'; spec: ContainerSpec }
  | { kind: 'start'; id: string }
  | { kind: 'attach'; id: string }
  | { kind: 'wait'; id: string }
  | { kind: 'stop'; id: string; timeout?: number; signal?: string }
  | { kind: 'kill'; id: string; signal: string }
  | { kind: 'restart'; id: string; timeout?: number }
  | { kind: 'rm'; id: string; force: boolean; volumes: boolean }
  | { kind: 'rename'; id: string; name: string }
  | { kind: 'pause' | 'unpause'; id: string }
  | { kind: 'ps'; all: boolean }
  | { kind: 'inspect'; id: string }
  | { kind: 'logs'; id: string; since?: number }
  | { kind: 'logs-wait'; id: string; after: number }
  | { kind: 'top'; id: string }
  | { kind: 'exec'; id: string; spec: ExecSpec }
  | { kind: 'networks' }
  | { kind: 'network-inspect'; ref: string }
  | { kind: 'network-create'; name: string; driver: string; subnet?: string; gateway?: string; ipRange?: string; internal: boolean; attachable: boolean; labels: Record<string, string>; options: Record<string, string> }
  | { kind: 'network-rm'; ref: string }
  | { kind: 'network-connect'; network: string; container: string; aliases: string[]; ip?: string }
  | { kind: 'network-disconnect'; network: string; container: string; force: boolean }
  | { kind: 'volumes' }
  | { kind: 'volume-inspect'; name: string }
  | { kind: 'volume-create'; name?: string; driver: string; labels: Record<string, string>; options: Record<string, string> }
  | { kind: 'volume-rm'; name: string; force: boolean }
  | { kind: 'prune'; what: 'containers' | 'images' | 'networks' | 'volumes'; all?: boolean }
  | { kind: 'commit'; id: string; ref?: string; comment?: string; author?: string; changes?: Partial<ImageConfig> }
  | { kind: 'stats'; ids: string[]; all: boolean }
  /** the tree at `path` in the container (only its own entry with `statOnly`) */
  | { kind: 'archive-get'; id: string; path: string; follow: boolean; statOnly?: boolean }
  | { kind: 'archive-put'; id: string; path: string; entries: TreeEntryData[] }
  | { kind: 'diff'; id: string }
  | { kind: 'system-df' }
  | { kind: 'save'; refs: string[] }
  | { kind: 'load'; images: SavedImage[] }
  | { kind: 'login'; server: string; username: string; password: string }
  | { kind: 'build-step'; build: BuildStep };

/** One step of the legacy builder, driven by the CLI's Dockerfile walk. */
export type BuildStep =
  | { op: 'from'; ref: string }
  | { op: 'config'; image: string; change: Partial<ImageConfig>; createdBy: string }
  | { op: 'copy'; image: string; files: { path: string; data: string; mode: number; dir?: boolean }[]; createdBy: string }
  | { op: 'run'; image: string; cmd: string[]; createdBy: string }
  | { op: 'tag'; image: string; ref: string };

export type DockerReply =
  | { kind: 'ok' }
  | { kind: 'error'; status: number; message: string }
  | { kind: 'not-running' }
  | { kind: 'version'; server: Record<string, string> }
  | { kind: 'info'; info: Record<string, string | number | boolean> }
  | { kind: 'images'; images: ImageInfo[] }
  | { kind: 'image'; image: ImageInfo }
  | { kind: 'pull'; tag: string; repo: string; layers: PullLayer[]; digest: string; upToDate: boolean; full: string }
  | { kind: 'removed'; lines: string[] }
  | { kind: 'created'; id: string; warnings: string[] }
  | { kind: 'containers'; containers: ContainerInfo[] }
  | { kind: 'container'; container: ContainerInfo }
  | { kind: 'exit'; code: number }
  | { kind: 'logs'; entries: LogEntry[]; running: boolean }
  | { kind: 'top'; titles: string[]; processes: string[][] }
  | { kind: 'networks'; networks: NetworkInfo[] }
  | { kind: 'network-created'; id: string; warning?: string }
  | { kind: 'volumes'; volumes: VolumeInfo[] }
  | { kind: 'stats'; stats: StatsInfo[] }
  /** archive-get: the tree at the path ('' is the path itself); `stat` is its own entry */
  | { kind: 'archive'; entries: TreeEntryData[] }
  | { kind: 'changes'; changes: { kind: 'A' | 'C' | 'D'; path: string }[] }
  /** imagesUsed: what the images in use hold that no other image shares (Σ Size - SharedSize) */
  | { kind: 'system-df'; images: ImageInfo[]; layersSize: number; imagesUsed: number; containers: ContainerInfo[]; volumes: VolumeInfo[] }
  | { kind: 'saved'; images: SavedImage[] }
  | { kind: 'loaded'; lines: string[] }
  | { kind: 'pruned'; deleted: string[]; reclaimed: number }
  | { kind: 'built'; id: string; output: string[]; container?: string };
