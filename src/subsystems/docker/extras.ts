// The engine's smaller requests: commit, stats, the archive calls of `docker cp`, diff, system df,
// save and load, and registry login.
import type { ContainerInfo, DockerReply, DockerRequest, SavedImage, StatsInfo, TreeEntryData } from '../../shared/services/docker';
import type { DockerEngine } from './engine';
import { addHostsLine, INIT_PATHS, resolvConfFor } from './etc-files';
import { ROOT, type ImageRec } from './records';
import { imageInfo } from './views';

const err = (status: number, message: string): DockerReply => ({ kind: 'error', status, message });

export function commit(e: DockerEngine, req: Extract<DockerRequest, { kind: 'commit' }>): DockerReply {
  return e.containers.commit(req.id, req.ref, req.comment, req.changes ?? {});
}

/** Stable per-container numbers that move a little with the clock (a container does little here). */
export function stats(e: DockerEngine, ids: string[], all: boolean): DockerReply {
  const h = e.host;
  const now = h.now();
  const limit = h.facts().memory;
  const list = ids.length ? ids.map((id) => ({ id, c: e.containers.find(id) })) : e.containers.all().filter((c) => all || e.containers.runtime(c.id)).map((c) => ({ id: c.id, c }));
  const out: StatsInfo[] = [];
  for (const { id, c } of list) {
    if (!c) return err(404, `No such container: ${id}`);
    const rt = e.containers.runtime(c.id);
    if (!rt) {
      out.push({ id: c.id, name: c.name, cpuPercent: 0, memUsage: 0, memLimit: 0, netRx: 0, netTx: 0, blockRead: 0, blockWrite: 0, pids: 0 });
      continue;
    }
    const seed = parseInt(c.id.slice(0, 8), 16);
    const pids = h.processTree(rt.pid).length;
    const tick = Math.floor(now / 1000);
    const up = Math.max(0, Math.floor((now - c.startedAt) / 1000));
    const endpoints = Object.values(c.endpoints ?? {}).filter((x) => x.ip).length;
    out.push({
      id: c.id, name: c.name,
      cpuPercent: ((seed + tick * 7919) % 17) / 100,
      memUsage: 1_900_000 + pids * 1_150_000 + (seed % 1024) * 1024,
      memLimit: limit,
      netRx: endpoints ? 746 + (seed % 7) * 40 + Math.min(up, 600) * 2 : 0,
      netTx: 0,
      blockRead: (seed % 5) * 65_536,
      blockWrite: 0,
      pids,
    });
  }
  return { kind: 'stats', stats: out };
}

export function archiveGet(e: DockerEngine, ref: string, path: string, follow: boolean, statOnly = false): DockerReply {
  const c = e.containers.find(ref);
  if (!c) return err(404, `No such container: ${ref}`);
  const at = e.host.resolveIn(c.dir, path, follow);
  const entries = at === undefined ? undefined : e.host.readTree(at, false, statOnly);
  if (!entries) return err(404, `Could not find the file ${path} in container ${ref}`);
  return { kind: 'archive', entries };
}

export function archivePut(e: DockerEngine, ref: string, path: string, entries: TreeEntryData[]): DockerReply {
  const c = e.containers.find(ref);
  if (!c) return err(404, `No such container: ${ref}`);
  const at = e.host.resolveIn(c.dir, path, true);
  if (at === undefined) return err(404, `Could not find the file ${path} in container ${ref}`);
  const top = e.host.readTree(at);
  if (!top || top[0]?.kind !== 'dir') return err(400, `extraction point is not a directory`);
  e.host.writeEntries(at, entries);
  return { kind: 'ok' };
}

export function diff(e: DockerEngine, ref: string): DockerReply {
  const c = e.containers.find(ref);
  if (!c) return err(404, `No such container: ${ref}`);
  const img = e.images.get(c.imageId);
  return { kind: 'changes', changes: e.host.diffTrees(img?.dir ?? `${ROOT}/nonexistent`, c.dir, INIT_PATHS) };
}

/** Each layer's size once (the images share their base layers). */
function layerSizes(images: ImageRec[]): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const img of images) {
    const real = img.history.filter((x) => !x.empty_layer);
    if (real.length === img.layers.length) img.layers.forEach((l, i) => sizes.set(l, Math.max(sizes.get(l) ?? 0, real[i]!.size)));
    else {
      const known = img.layers.slice(0, -1).reduce((t, l) => t + (sizes.get(l) ?? 0), 0);
      const last = img.layers.at(-1);
      if (last && !sizes.has(last)) sizes.set(last, Math.max(0, img.size - known));
    }
  }
  return sizes;
}

export function systemDf(e: DockerEngine): DockerReply {
  const h = e.host;
  const all = e.images.all();
  const sizes = layerSizes(all);
  const layersSize = [...sizes.values()].reduce((a, b) => a + b, 0);
  const users = (id: string): number => e.containers.all().filter((c) => c.imageId === id).length;
  const list = (e.containers.list(true) as { containers: ContainerInfo[] }).containers;
  const containers = list.map((info) => {
    const c = e.containers.find(info.id)!;
    const img = e.images.get(c.imageId);
    return { ...info, sizeRw: Math.max(0, h.treeSize(c.dir) - (img ? h.treeSize(img.dir) : 0)) };
  });
  const volumes = (e.volumes.list() as { volumes: import('../../shared/services/docker').VolumeInfo[] }).volumes;
  // an image in use keeps what it does not share with another image
  let imagesUsed = 0;
  for (const img of all) {
    if (!users(img.id)) continue;
    const others = new Set(all.filter((o) => o.id !== img.id).flatMap((o) => o.layers));
    imagesUsed += img.layers.filter((l) => !others.has(l)).reduce((t, l) => t + (sizes.get(l) ?? 0), 0);
  }
  return { kind: 'system-df', images: all.map((i) => imageInfo(i, users(i.id))), layersSize, imagesUsed, containers, volumes };
}

export function save(e: DockerEngine, refs: string[]): DockerReply {
  const out: SavedImage[] = [];
  for (const ref of refs) {
    const img = e.images.resolve(ref);
    if (!img) return err(404, `No such image: ${ref.includes(':') || /^[0-9a-f]{12,64}$/.test(ref) ? ref : `${ref}:latest`}`);
    const named = img.repoTags.filter((t) => t === ref || t === `${ref}:latest` || /^(sha256:)?[0-9a-f]+$/.test(ref));
    out.push({
      id: img.id, repoTags: named.length ? named : img.repoTags, created: img.created, config: img.config, history: img.history, layers: img.layers, size: img.size,
      rootfs: e.host.readTree(img.dir) ?? [],
    });
  }
  return { kind: 'saved', images: out };
}

export function load(e: DockerEngine, images: SavedImage[]): DockerReply {
  const h = e.host;
  const lines: string[] = [];
  for (const s of images) {
    if (!/^sha256:[0-9a-f]{64}$/.test(s.id)) return err(400, 'invalid image ID in the archive');
    let img = e.images.get(s.id);
    if (!img) {
      const dir = `${ROOT}/overlay2/${s.id.slice(7)}/diff`;
      h.mkdirp(dir, 0o755);
      h.writeEntries(dir, s.rootfs.filter((x) => x.path !== ''));
      img = { id: s.id, repoTags: [], repoDigests: [], created: s.created, size: s.size, config: s.config, history: s.history, layers: s.layers, parent: '', dir };
      e.images.add(img);
    }
    for (const tag of s.repoTags) {
      const other = e.images.all().find((o) => o.id !== s.id && o.repoTags.includes(tag));
      if (other) lines.push(`The image ${tag} already exists, renaming the old one with ID ${other.id} to empty string`);
      if (!img.repoTags.includes(tag)) e.images.tag(img.id, tag);
      lines.push(`Loaded image: ${tag}`);
    }
    if (!s.repoTags.length) lines.push(`Loaded image ID: ${s.id}`);
  }
  return { kind: 'loaded', lines };
}

/** The registry has no accounts for anyone here: Docker Hub refuses the credentials. */
export function login(e: DockerEngine, server: string): DockerReply {
  void e;
  const host = server.replace(/^https?:\/\//, '').replace(/\/.*$/, '');
  if (host === 'index.docker.io' || host === 'docker.io' || host === 'registry-1.docker.io') {
    return err(401, 'Get "https://registry-1.docker.io/v2/": unauthorized: incorrect username or password');
  }
  return err(500, `Get "https://${host}/v2/": dial tcp: lookup ${host}: no such host`);
}

/**
 * network connect of a running container: its hosts file gets the new address, and joining its
 * first user-defined network starts the embedded DNS server for it (Sandbox.startResolver rebuilds
 * resolv.conf, unless the file was edited since docker wrote it).
 */
export function hostsAfterConnect(e: DockerEngine, ref: string): void {
  const c = e.containers.find(ref);
  if (!c || !e.containers.runtime(c.id)) return;
  const eps = Object.values(c.endpoints ?? {});
  const last = eps.at(-1);
  if (last?.ip) addHostsLine(e, c, last.ip);
  const path = `${ROOT}/containers/${c.id}/resolv.conf`;
  const now = e.host.readFile(path) ?? '';
  if (e.networks.usesEmbeddedDns(c) && now.includes("' (legacy)\n")) e.host.writeFile(path, resolvConfFor(e, c).text, 0o644);
}
