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
  containers: Record<string, { name: string; ip: string; mac: string; endpointId: string }>;
  labels: Record<string, string>;
}

export interface VolumeInfo {
  name: string;
  driver: string;
  mountpoint: string;
  created: string;
  labels: Record<string, string>;
  /** containers using it */
  refs: number;
  size: number;
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
  | { kind: 'network-create'; name: string; driver: string; subnet?: string; labels: Record<string, string> }
  | { kind: 'network-rm'; name: string }
  | { kind: 'network-connect' | 'network-disconnect'; network: string; container: string }
  | { kind: 'volumes' }
  | { kind: 'volume-create'; name?: string; labels: Record<string, string> }
  | { kind: 'volume-rm'; name: string; force: boolean }
  | { kind: 'prune'; what: 'containers' | 'images' | 'networks' | 'volumes'; all?: boolean }
  | { kind: 'commit'; id: string; ref?: string; comment?: string }
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
  | { kind: 'volumes'; volumes: VolumeInfo[] }
  | { kind: 'pruned'; deleted: string[]; reclaimed: number }
  | { kind: 'built'; id: string; output: string[]; container?: string };
