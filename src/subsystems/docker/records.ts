// The engine's records of images and containers, and how they persist under /var/lib/docker
// (so stopped containers, their names and exit codes, and the pulled images survive a daemon
// restart and a reboot): image configs in image/overlay2/imagedb, tags in repositories.json,
// one config.v2.json per container. Runtime facts (pids, proxies) are never written.
import type { ContainerSpec, ContainerStatus, HistoryEntry, ImageConfig, PortBinding } from '../../shared/services/docker';
import type { DockerHost } from './host';

export const ROOT = '/var/lib/docker';

export interface ImageRec {
  id: string;
  repoTags: string[];
  repoDigests: string[];
  created: string;
  size: number;
  config: ImageConfig;
  history: HistoryEntry[];
  layers: string[];
  parent: string;
  /** its root filesystem on the host */
  dir: string;
}

export interface ContainerRec {
  id: string;
  name: string;
  imageId: string;
  imageRef: string;
  created: number;
  path: string;
  args: string[];
  spec: ContainerSpec;
  config: ImageConfig & { Hostname: string; Tty: boolean; OpenStdin: boolean; Image: string };
  status: ContainerStatus;
  exitCode: number;
  error: string;
  startedAt: number;
  finishedAt: number;
  restartCount: number;
  /** stopped by the user (docker stop/kill): unless-stopped does not bring it back */
  manualStop: boolean;
  ip: string;
  mac: string;
  endpointId: string;
  published: Record<string, PortBinding[]>;
  dir: string;
  logPath: string;
  /** its endpoints by network name (networks.ts); the address is set while it runs */
  endpoints?: Record<string, EndpointRec>;
  /** its volumes and bind mounts (volumes.ts) */
  mounts?: MountRec[];
}

export interface EndpointRec {
  networkId: string;
  aliases: string[];
  /** --ip */
  fixedIp?: string;
  ip: string;
  mac: string;
  endpointId: string;
  gateway: string;
  prefixLen: number;
}

export interface MountRec {
  type: 'volume' | 'bind';
  /** the volume's name */
  name?: string;
  /** the host path mounted */
  source: string;
  destination: string;
  rw: boolean;
  /** "z" for a named volume given with -v, "" otherwise */
  mode: string;
  anonymous?: boolean;
}

export interface ContainerRuntime {
  pid: number;
  netns: number;
  proxies: number[];
  /** iptables commands to undo when it stops */
  rulesDown: string[][];
  waiters: ((code: number) => void)[];
  restartTimer?: () => void;
}

const hex = (id: string): string => id.replace(/^sha256:/, '');

export function saveImage(host: DockerHost, img: ImageRec): void {
  host.mkdirp(`${ROOT}/image/overlay2/imagedb/content/sha256`, 0o700);
  host.writeFile(`${ROOT}/image/overlay2/imagedb/content/sha256/${hex(img.id)}`, JSON.stringify(img), 0o600);
}

export function deleteImage(host: DockerHost, img: ImageRec): void {
  host.remove(`${ROOT}/image/overlay2/imagedb/content/sha256/${hex(img.id)}`);
  if (!img.dir.includes('/containers/')) host.remove(img.dir.replace(/\/diff$/, ''));
}

export function saveContainer(host: DockerHost, c: ContainerRec): void {
  host.mkdirp(`${ROOT}/containers/${c.id}`, 0o710);
  host.writeFile(`${ROOT}/containers/${c.id}/config.v2.json`, JSON.stringify(c), 0o600);
}

export function deleteContainer(host: DockerHost, c: ContainerRec): void {
  host.remove(`${ROOT}/containers/${c.id}`);
  host.remove(c.dir.replace(/\/merged$/, ''));
}

/** Everything the store holds, read when dockerd starts. */
export function loadAll(host: DockerHost): { images: ImageRec[]; containers: ContainerRec[] } {
  const images: ImageRec[] = [];
  for (const name of host.readDir(`${ROOT}/image/overlay2/imagedb/content/sha256`)) {
    const text = host.readFile(`${ROOT}/image/overlay2/imagedb/content/sha256/${name}`);
    try {
      if (text) images.push(JSON.parse(text) as ImageRec);
    } catch {
      // a damaged record is skipped, as dockerd skips an image it cannot load
    }
  }
  const containers: ContainerRec[] = [];
  for (const id of host.readDir(`${ROOT}/containers`)) {
    const text = host.readFile(`${ROOT}/containers/${id}/config.v2.json`);
    try {
      if (text) containers.push(JSON.parse(text) as ContainerRec);
    } catch {
      // skipped, as above
    }
  }
  return { images, containers };
}
