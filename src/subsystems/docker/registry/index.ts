// The offline registry: the images `docker pull` can fetch without a network, looked up by
// reference the way Docker Hub resolves them, and the errors the daemon reports (docker 27)
// when a repository or tag does not exist.
import { familiarString, parseReference, withDefaultTag, type ImageReference } from '../../../shared/docker-reference';
import { httpd, nginxDebian, pythonSlim, redis } from './images-debian';
import { alpine, busybox, helloWorld, nginxAlpine, photon } from './images-small';
import type { RegistryImage, RootfsEntry } from './types';

export type { HistoryEntry, ImageConfig, RegistryImage, RegistryLayer, RootfsEntry } from './types';

/** Every image served, in no particular order. */
export const IMAGES: readonly RegistryImage[] = [helloWorld, photon, nginxDebian, nginxAlpine, httpd, busybox, alpine, redis, pythonSlim];

const DOCKER_HUB = 'docker.io';

/** The repositories served (familiar names, sorted). */
export function listRepositories(): string[] {
  return [...new Set(IMAGES.map((i) => i.repository))].sort();
}

/** Every tag of a repository the registry serves, sorted (empty for an unknown repository). */
export function listTags(repository: string): string[] {
  return IMAGES.filter((i) => i.repository === repository).flatMap((i) => [...i.tags]).sort();
}

/**
 * The image a reference names (`nginx`, `nginx:1.27`, `docker.io/library/nginx@sha256:...`):
 * a tag names an image with that tag (none: `latest`); a digest, the image with that manifest
 * digest (and the tag, when both are given, is ignored, as the daemon does). Only Docker Hub.
 */
export function findImage(ref: string | ImageReference): RegistryImage | undefined {
  let r: ImageReference;
  if (typeof ref === 'string') {
    const p = parseReference(ref);
    if (!p.ok) return undefined;
    r = p.ref;
  } else {
    r = ref;
  }
  if (r.domain !== DOCKER_HUB) return undefined;
  const candidates = IMAGES.filter((i) => i.repository === r.familiar);
  if (r.digest !== undefined) return candidates.find((i) => i.digest === r.digest);
  const tag = withDefaultTag(r).tag!;
  return candidates.find((i) => i.tags.includes(tag));
}

/** An image by ID: `sha256:<hex>`, the 64 hex digits, or a unique prefix of 12 or more. */
export function findImageById(id: string): RegistryImage | undefined {
  const hex = id.startsWith('sha256:') ? id.slice(7) : id;
  if (!/^[0-9a-f]{12,64}$/.test(hex)) return undefined;
  const hits = IMAGES.filter((i) => i.id.slice(7).startsWith(hex));
  return hits.length === 1 ? hits[0] : undefined;
}

/** The file tree a container of the image starts from (empty for an unknown ID). */
export function rootfs(imageId: string): RootfsEntry[] {
  return findImageById(imageId)?.rootfs() ?? [];
}

const DAEMON = 'Error response from daemon: ';

/** The daemon's error messages (what the engine replies; the CLI adds `Error response from daemon: `). */
export const daemonErrors = {
  pullAccessDenied: (repository: string): string => `pull access denied for ${repository}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`,
  manifestUnknown: (reference: string): string => `manifest for ${reference} not found: manifest unknown: manifest unknown`,
};

/** The daemon's messages, as `docker pull` prints them (no trailing newline). */
export const errors = {
  /** an unknown repository on Docker Hub: `pull access denied for x, ...` */
  pullAccessDenied: (repository: string): string => DAEMON + daemonErrors.pullAccessDenied(repository),
  /** a known repository without that tag or digest: `manifest for nginx:nope not found: ...` */
  manifestUnknown: (reference: string): string => DAEMON + daemonErrors.manifestUnknown(reference),
  /**
   * A registry other than Docker Hub: this machine is offline. Loopback registries are plain
   * HTTP (docker trusts 127.0.0.0/8 and localhost as insecure registries) and refuse; other
   * names do not resolve.
   */
  registryUnreachable: (domain: string): string => {
    const host = domain.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
    const port = /:(\d+)$/.exec(domain)?.[1] ?? '443';
    if (host === 'localhost' || host.startsWith('127.') || host === '::1') {
      const address = host === 'localhost' ? '[::1]' : host.includes(':') ? `[${host}]` : host;
      return `${DAEMON}Get "http://${domain}/v2/": dial tcp ${address}:${port === '443' ? '80' : port}: connect: connection refused`;
    }
    return `${DAEMON}Get "https://${domain}/v2/": dial tcp: lookup ${host} on 127.0.0.53:53: no such host`;
  },
};

export type PullResolution =
  /** `defaultTag`: the name had neither tag nor digest (docker pull says `Using default tag: latest`) */
  | { ok: true; ref: ImageReference; image: RegistryImage; defaultTag: boolean }
  | { ok: false; message: string; kind: 'reference' | 'daemon' };

/**
 * What `docker pull NAME` finds: the image, or the line docker prints. `reference` errors come
 * from the CLI's own parsing (`invalid reference format...`, printed without a prefix); `daemon`
 * errors already start with `Error response from daemon:`.
 */
export function resolvePull(input: string): PullResolution {
  const p = parseReference(input);
  if (!p.ok) return { ok: false, message: p.message, kind: 'reference' };
  const ref = withDefaultTag(p.ref);
  if (ref.domain !== DOCKER_HUB) return { ok: false, message: errors.registryUnreachable(ref.domain), kind: 'daemon' };
  if (!IMAGES.some((i) => i.repository === ref.familiar)) return { ok: false, message: errors.pullAccessDenied(ref.familiar), kind: 'daemon' };
  const image = findImage(ref);
  if (!image) {
    // with both, the daemon looks the digest up and names it alone
    const shown = ref.digest !== undefined ? familiarString({ familiar: ref.familiar, digest: ref.digest }) : familiarString(ref);
    return { ok: false, message: errors.manifestUnknown(shown), kind: 'daemon' };
  }
  return { ok: true, ref, image, defaultTag: p.ref.tag === undefined && p.ref.digest === undefined };
}

/** A copy the engine may keep and change (configs and history are shared otherwise). */
function copyOf(image: RegistryImage): RegistryImage {
  return { ...image, tags: [...image.tags], layers: image.layers.map((l) => ({ ...l })), config: structuredClone(image.config), history: image.history.map((h) => ({ ...h })) };
}

/**
 * The engine's RegistrySource.find: the image `repo:tag` names (`repo` as the CLI normalized it,
 * familiar or `docker.io/library/...`; `tag` may be `sha256:...` for a digest), as a copy, or
 * the daemon's message (without the CLI's `Error response from daemon: `).
 */
export function lookup(repo: string, tag: string): RegistryImage | { error: string } {
  const ref = tag.startsWith('sha256:') ? `${repo}@${tag}` : `${repo}:${tag}`;
  const r = resolvePull(ref);
  if (r.ok) return copyOf(r.image);
  return { error: r.message.startsWith(DAEMON) ? r.message.slice(DAEMON.length) : r.message };
}
