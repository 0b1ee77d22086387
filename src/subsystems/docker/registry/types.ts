// What the offline registry serves: one record per image (a manifest and its config), with the
// facts `docker pull`, `docker images`, `docker inspect` and `docker history` print, and the
// file tree a container of the image starts from.

/**
 * One entry of an image's root file system; parents come before their children. uid/gid (default
 * 0) are the owners the image gives (redis's /data belongs to 999:999).
 */
export type RootfsEntry =
  | { path: string; kind: 'dir'; mode: number; uid?: number; gid?: number }
  | { path: string; kind: 'file'; mode: number; text: string; uid?: number; gid?: number }
  | { path: string; kind: 'symlink'; target: string }
  /** a simulated binary: the engine writes stubFor(program) (src/kernel/exec.ts) with this mode */
  | { path: string; kind: 'program'; program: string; mode: number; uid?: number; gid?: number };

/**
 * The image config (docker's JSON names, as `docker inspect` shows them) and `docker history`'s
 * entries (oldest first; `size` is what the step added, 0 with `empty_layer`): the engine's own
 * types, so a registry image goes into the image store as it is.
 */
export type { HistoryEntry, ImageConfig } from '../../../shared/services/docker';

/** One filesystem layer: what `docker pull` downloads (compressed) and what it adds (uncompressed). */
export interface RegistryLayer {
  /** digest of the compressed blob (what `docker pull` shows, short, per layer) */
  digest: string;
  /** digest of the uncompressed tar (rootfs.diff_ids) */
  diffId: string;
  /** compressed bytes (pull progress) */
  size: number;
  /** uncompressed bytes */
  uncompressedSize: number;
}

import type { HistoryEntry, ImageConfig } from '../../../shared/services/docker';

export interface RegistryImage {
  /** familiar repository name: `nginx`, `hello-world` */
  repository: string;
  /** every tag the registry resolves to this manifest */
  tags: string[];
  /** manifest digest: what `docker pull` prints as `Digest:` and `docker images --digests` shows */
  digest: string;
  /** config digest: the image ID (`docker images` shows its first 12 hex digits) */
  id: string;
  /** RFC 3339 */
  created: string;
  architecture: 'amd64';
  os: 'linux';
  /** uncompressed bytes: `docker images` SIZE (the sum of the layers) */
  size: number;
  layers: RegistryLayer[];
  config: ImageConfig;
  history: HistoryEntry[];
  /** the docker version of a classic build; empty for buildkit builds */
  dockerVersion: string;
  author: string;
  /** the file tree of the image (built on demand; a fresh array each call) */
  rootfs(): RootfsEntry[];
}
