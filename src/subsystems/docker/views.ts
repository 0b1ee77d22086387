// How the engine describes its records to clients: the container's status line as moby's
// State.String() words it ("Up 5 minutes", "Exited (0) 3 seconds ago"), and the info objects
// of shared/services/docker.ts.
import { humanDuration } from '../../shared/docker-units';
import type { ContainerInfo, EndpointInfo, ImageInfo, MountInfo } from '../../shared/services/docker';
import type { ContainerRec, ContainerRuntime, ImageRec } from './records';

export function statusText(c: ContainerRec, now: number): string {
  switch (c.status) {
    case 'running': return `Up ${humanDuration(now - c.startedAt)}`;
    case 'paused': return `Up ${humanDuration(now - c.startedAt)} (Paused)`;
    case 'restarting': return `Restarting (${c.exitCode}) ${humanDuration(now - c.finishedAt)} ago`;
    case 'removing': return 'Removal In Progress';
    case 'dead': return 'Dead';
    case 'created': return 'Created';
    case 'exited': return c.finishedAt ? `Exited (${c.exitCode}) ${humanDuration(now - c.finishedAt)} ago` : '';
  }
}

/** RFC 3339 with nanoseconds, as Go's time.Time marshals. */
export function rfc3339(ms: number): string {
  if (!ms) return '0001-01-01T00:00:00Z';
  ms = Math.floor(ms);
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 19)}.${iso.slice(20, 23)}${String((ms * 7919) % 1_000_000).padStart(6, '0')}Z`;
}

export function containerInfo(c: ContainerRec, rt: ContainerRuntime | undefined, image: ImageRec | undefined, now: number, networkId: string, extra?: { networks: Record<string, EndpointInfo>; mounts: MountInfo[] }): ContainerInfo {
  const mode = c.spec.network || 'bridge';
  const primary = extra?.networks[mode === 'default' ? 'bridge' : mode] ?? Object.values(extra?.networks ?? {})[0];
  return {
    id: c.id, name: c.name, image: c.imageRef, imageId: c.imageId, created: rfc3339(c.created), path: c.path, args: c.args,
    status: c.status, running: c.status === 'running' || c.status === 'paused' || c.status === 'restarting', paused: c.status === 'paused', restarting: c.status === 'restarting',
    pid: rt?.pid ?? 0, exitCode: c.exitCode, error: c.error, startedAt: rfc3339(c.startedAt), finishedAt: rfc3339(c.finishedAt),
    restartCount: c.restartCount, spec: c.spec, config: c.config,
    network: primary && extra
      ? { name: mode, ip: primary.ip, mac: primary.mac, gateway: primary.gateway, prefixLen: primary.prefixLen, endpointId: primary.endpointId, networkId: primary.networkId }
      : { name: mode, ip: rt ? c.ip : '', mac: rt ? c.mac : '', gateway: rt ? '172.17.0.1' : '', prefixLen: rt ? 16 : 0, endpointId: rt ? c.endpointId : '', networkId },
    ...(extra ? { networks: extra.networks, mounts: extra.mounts } : {}),
    published: rt ? c.published : {}, sizeRw: 0, logPath: c.logPath, statusText: statusText(c, now),
  };
  void image;
}

export function imageInfo(img: ImageRec, containers: number): ImageInfo {
  return { id: img.id, repoTags: img.repoTags, repoDigests: img.repoDigests, created: img.created, size: img.size, config: img.config, history: img.history, layers: img.layers, parent: img.parent, containers };
}
