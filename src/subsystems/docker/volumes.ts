// Volumes of the local driver: a directory /var/lib/docker/volumes/<name>/_data each, their
// metadata in volumes/metadata.db, and a container's mounts (-v, --mount, the image's VOLUME
// paths) bind-mounted into its root while it runs. An empty volume mounted for the first time
// gets what the image has at that path (docker's copy-up).
import type { DockerReply, MountInfo, MountSpec, VolumeInfo } from '../../shared/services/docker';
import type { DockerEngine } from './engine';
import { ROOT, type ContainerRec, type ImageRec, type MountRec } from './records';

export interface VolumeRec {
  name: string;
  created: number;
  labels: Record<string, string> | null;
  options: Record<string, string> | null;
}

const DIR = `${ROOT}/volumes`;
const DB = `${DIR}/metadata.db`;
export const ANONYMOUS_LABEL = 'com.docker.volume.anonymous';
const NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

const err = (status: number, message: string): DockerReply => ({ kind: 'error', status, message });

/** RFC 3339 to the second, as the local driver reports CreatedAt (the daemon's zone is UTC here). */
function createdAt(ms: number): string {
  return `${new Date(Math.floor(ms)).toISOString().slice(0, 19)}Z`;
}

const clean = (p: string): string => `/${p.split('/').filter((x) => x && x !== '.').join('/')}`;

export class Volumes {
  private readonly byName = new Map<string, VolumeRec>();

  constructor(private readonly e: DockerEngine) {}

  load(): void {
    const h = this.e.host;
    this.byName.clear();
    try {
      for (const v of JSON.parse(h.readFile(DB) ?? '[]') as VolumeRec[]) this.byName.set(v.name, v);
    } catch {
      // a damaged store: the directories below still say which volumes there are
    }
    for (const name of h.readDir(DIR)) {
      if (!this.byName.has(name) && h.exists(`${DIR}/${name}/_data`)) this.byName.set(name, { name, created: h.now(), labels: null, options: null });
    }
    for (const name of [...this.byName.keys()]) if (!h.exists(`${DIR}/${name}/_data`)) this.byName.delete(name);
  }

  private save(): void {
    this.e.host.mkdirp(DIR, 0o701);
    this.e.host.writeFile(DB, JSON.stringify([...this.byName.values()]), 0o600);
  }

  get(name: string): VolumeRec | undefined {
    return this.byName.get(name);
  }

  mountpoint(name: string): string {
    return `${DIR}/${name}/_data`;
  }

  /** Containers (in any state) with the volume mounted: their ids. */
  users(name: string): string[] {
    return this.e.containers.all().filter((c) => c.mounts?.some((m) => m.type === 'volume' && m.name === name)).map((c) => c.id);
  }

  info(v: VolumeRec): VolumeInfo {
    return {
      name: v.name, driver: 'local', mountpoint: this.mountpoint(v.name), created: createdAt(v.created), labels: v.labels, options: v.options,
      refs: this.users(v.name).length, size: this.e.host.treeSize(this.mountpoint(v.name)), anonymous: v.labels?.[ANONYMOUS_LABEL] !== undefined,
    };
  }

  list(): DockerReply {
    return { kind: 'volumes', volumes: [...this.byName.values()].map((v) => this.info(v)) };
  }

  inspect(name: string): DockerReply {
    const v = this.byName.get(name);
    return v ? { kind: 'volumes', volumes: [this.info(v)] } : err(404, `get ${name}: no such volume`);
  }

  /** Makes a volume (an existing one with that name is simply returned, as the local driver does). */
  create(name: string | undefined, labels: Record<string, string> | null, options: Record<string, string> | null): VolumeRec | { error: DockerReply } {
    const h = this.e.host;
    const anonymous = name === undefined || name === '';
    const n = anonymous ? h.randomId() : name;
    const old = this.byName.get(n);
    if (old) return old;
    if (n.length < 2 && /^[a-zA-Z0-9]*$/.test(n)) return { error: err(400, `create ${n}: volume name is too short, names should be at least two alphanumeric characters`) };
    if (!NAME.test(n)) return { error: err(400, `create ${n}: "${n}" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path`) };
    const v: VolumeRec = { name: n, created: h.now(), labels: anonymous ? { ...(labels ?? {}), [ANONYMOUS_LABEL]: '' } : labels, options };
    h.mkdirp(`${DIR}/${n}`, 0o701);
    h.mkdirp(this.mountpoint(n), 0o755);
    this.byName.set(n, v);
    this.save();
    return v;
  }

  createRequest(name: string | undefined, driver: string, labels: Record<string, string>, options: Record<string, string>): DockerReply {
    if (driver && driver !== 'local') return err(404, `create ${name ?? ''}: error looking up volume plugin ${driver}: plugin "${driver}" not found`);
    const v = this.create(name, labels, Object.keys(options).length ? options : {});
    return 'error' in v ? v.error : { kind: 'volumes', volumes: [this.info(v)] };
  }

  remove(name: string, force: boolean): DockerReply {
    const v = this.byName.get(name);
    if (!v) return force ? { kind: 'ok' } : err(404, `get ${name}: no such volume`);
    const users = this.users(name);
    if (users.length) return err(409, `remove ${name}: volume is in use - [${users.join(', ')}]`);
    this.drop(v);
    return { kind: 'ok' };
  }

  private drop(v: VolumeRec): number {
    const size = this.e.host.treeSize(this.mountpoint(v.name));
    this.e.host.remove(`${DIR}/${v.name}`);
    this.byName.delete(v.name);
    this.save();
    return size;
  }

  /** volume prune: unused volumes, only the anonymous ones unless `all`. */
  prune(all: boolean): DockerReply {
    const deleted: string[] = [];
    let reclaimed = 0;
    for (const v of [...this.byName.values()]) {
      if (this.users(v.name).length) continue;
      if (!all && v.labels?.[ANONYMOUS_LABEL] === undefined) continue;
      deleted.push(v.name);
      reclaimed += this.drop(v);
    }
    return { kind: 'pruned', deleted, reclaimed };
  }

  // ---- a container's mounts ----

  /** The mounts of a new container: -v, --mount and the image's VOLUME paths; volumes are made as needed. */
  mountsFor(c: ContainerRec, img: ImageRec): MountRec[] | { error: DockerReply } {
    const h = this.e.host;
    const mounts: MountRec[] = [];
    const specs: (MountSpec & { raw?: string; mode?: string })[] = [];
    for (const raw of c.spec.binds) {
      const arr = raw.split(':');
      if (arr[0] === '' || arr.length > 3) return { error: err(400, `invalid volume specification: '${raw}'`) };
      if (arr.length === 1) specs.push({ type: 'volume', source: '', target: arr[0]!, readOnly: false, raw, mode: '' });
      else {
        const mode = arr[2] ?? '';
        if (arr.length === 2 && /^(ro|rw|z|Z|nocopy)$/.test(arr[1]!)) return { error: err(400, `invalid volume specification: '${raw}'`) };
        if (mode && !mode.split(',').every((m) => /^(ro|rw|z|Z|nocopy|r?shared|r?slave|r?private)$/.test(m))) return { error: err(400, `invalid mode: ${mode}`) };
        specs.push({ type: arr[0]!.startsWith('/') ? 'bind' : 'volume', source: arr[0]!, target: arr[1]!, readOnly: mode.split(',').includes('ro'), raw, mode });
      }
    }
    for (const m of c.spec.mounts ?? []) specs.push(m);
    const seen = new Set<string>();
    for (const s of specs) {
      if (!s.target.startsWith('/')) return { error: err(400, `${s.raw ? `invalid volume specification: '${s.raw}': ` : ''}invalid mount config for type "${s.type}": invalid mount path: '${s.target}' mount path must be absolute`) };
      const dst = clean(s.target);
      if (dst === '/') return { error: err(400, `${s.raw ? `invalid volume specification: '${s.raw}': ` : ''}invalid mount config for type "${s.type}": invalid specification: destination can't be '/'`) };
      if (seen.has(dst)) return { error: err(400, `Duplicate mount point: ${dst}`) };
      seen.add(dst);
      if (s.type === 'bind') {
        const src = clean(s.source);
        if (!h.exists(src)) {
          // -v makes a missing host directory; --mount refuses it
          if (!s.raw) return { error: err(400, `invalid mount config for type "bind": bind source path does not exist: ${src}`) };
          h.mkdirp(src, 0o755);
        }
        mounts.push({ type: 'bind', source: src, destination: dst, rw: !s.readOnly, mode: s.raw ? s.mode ?? '' : '' });
        continue;
      }
      // an unnamed one from -v or --mount gets a random name and no anonymous label (only the
      // image's VOLUME paths get it in 27.x: daemon/volumes.go), yet goes with docker rm -v
      const v = this.create(s.source || h.randomId(), null, null);
      if ('error' in v) return v;
      mounts.push({ type: 'volume', name: v.name, source: this.mountpoint(v.name), destination: dst, rw: !s.readOnly, mode: s.mode || 'z', ...(s.source ? {} : { anonymous: true }) });
    }
    // the image's VOLUME paths not mounted otherwise get anonymous volumes
    for (const path of Object.keys(img.config.Volumes ?? {}).sort()) {
      const dst = clean(path);
      if (seen.has(dst)) continue;
      seen.add(dst);
      const v = this.create(undefined, null, null);
      if ('error' in v) return v;
      mounts.push({ type: 'volume', name: v.name, source: this.mountpoint(v.name), destination: dst, rw: true, mode: '', anonymous: true });
    }
    // copy-up: an empty volume gets what the image has there
    for (const m of mounts) {
      if (m.type !== 'volume' || h.readDir(m.source).length) continue;
      if (h.exists(`${img.dir}${m.destination}`)) h.copyTree(`${img.dir}${m.destination}`, m.source);
    }
    return mounts;
  }

  /** Binds the mounts into the container's root (shortest destination first, so none hides another). */
  mount(c: ContainerRec): void {
    for (const m of [...(c.mounts ?? [])].sort((a, b) => a.destination.length - b.destination.length)) {
      try {
        this.e.host.bindMount(m.source, `${c.dir}${m.destination}`);
      } catch {
        // a source gone since (a removed host directory): the path stays as the image has it
      }
    }
  }

  unmount(c: ContainerRec): void {
    for (const m of [...(c.mounts ?? [])].sort((a, b) => b.destination.length - a.destination.length)) this.e.host.unbindMount(`${c.dir}${m.destination}`);
  }

  /** docker rm -v and --rm: the container's anonymous volumes go with it (when no other container uses them). */
  removeAnonymous(c: ContainerRec): void {
    for (const m of c.mounts ?? []) {
      if (!m.anonymous || !m.name) continue;
      const v = this.byName.get(m.name);
      if (v && this.users(m.name).every((id) => id === c.id)) this.drop(v);
    }
  }

  /** The Mounts of `docker inspect`. */
  mountInfo(c: ContainerRec): MountInfo[] {
    return (c.mounts ?? []).map((m) => m.type === 'bind'
      ? { Type: 'bind', Source: m.source, Destination: m.destination, Mode: m.mode, RW: m.rw, Propagation: 'rprivate' }
      : { Type: 'volume', Name: m.name!, Source: m.source, Destination: m.destination, Driver: 'local', Mode: m.mode, RW: m.rw, Propagation: '' });
  }
}
