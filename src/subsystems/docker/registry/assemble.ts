// Turns an image's recipe (its Dockerfile steps with the bytes each added) into the registry's
// record: history, layers with deterministic digests and compressed sizes, and the total size.
import { digestOf, spread } from './hash';
import type { HistoryEntry, ImageConfig, RegistryImage, RegistryLayer, RootfsEntry } from './types';

export const BUILDKIT = 'buildkit.dockerfile.v0';

export interface Step {
  created_by: string;
  /** RFC 3339; the image's build time when absent */
  created?: string;
  /** bytes the step's layer adds; 'rest' makes the image total `ImageSpec.size`; absent: no layer */
  size?: number | 'rest';
  /** compressed bytes of the layer (estimated from the size when absent) */
  compressed?: number;
  comment?: string;
  /** layers of the same base share a seed, so their digests (and `Already exists`) match */
  seed?: string;
}

export interface ImageSpec {
  /** seed of the image's own digests, e.g. `nginx:1.27.2-bookworm` */
  key: string;
  repository: string;
  tags: string[];
  /** build time, RFC 3339 */
  created: string;
  /** the total (uncompressed) size, when one step's size is 'rest' */
  size?: number;
  config: ImageConfig;
  steps: readonly Step[];
  dockerVersion?: string;
  rootfs: () => RootfsEntry[];
}

/** A plausible gzip size for a layer of `size` bytes (text compresses well, binaries less). */
function estimateCompressed(size: number, seed: string): number {
  if (size === 0) return 32;
  if (size < 65536) return Math.round(size * 0.46) + 180 + spread(seed, 90);
  return Math.round(size * (0.36 + spread(seed, 60) / 1000));
}

export function assemble(spec: ImageSpec): RegistryImage {
  const fixed = spec.steps.reduce((n, s) => n + (typeof s.size === 'number' ? s.size : 0), 0);
  const rests = spec.steps.filter((s) => s.size === 'rest').length;
  if (rests > 1 || (rests === 1) !== (spec.size !== undefined)) throw new Error(`${spec.key}: one 'rest' step goes with a total size`);
  const rest = spec.size !== undefined ? spec.size - fixed : 0;
  if (rest < 0) throw new Error(`${spec.key}: the steps add up to more than the total size`);
  const history: HistoryEntry[] = [];
  const layers: RegistryLayer[] = [];
  spec.steps.forEach((s, i) => {
    const created = s.created ?? spec.created;
    const comment = s.comment !== undefined ? { comment: s.comment } : {};
    if (s.size === undefined) {
      history.push({ created, created_by: s.created_by, size: 0, empty_layer: true, ...comment });
      return;
    }
    const size = s.size === 'rest' ? rest : s.size;
    const seed = s.seed ?? `${spec.key}#${i}`;
    history.push({ created, created_by: s.created_by, size, ...comment });
    layers.push({ digest: digestOf(`${seed}|blob`), diffId: digestOf(`${seed}|diff`), size: s.compressed ?? estimateCompressed(size, seed), uncompressedSize: size });
  });
  return {
    repository: spec.repository,
    tags: [...spec.tags],
    digest: digestOf(`${spec.key}|manifest`),
    id: digestOf(`${spec.key}|config`),
    created: spec.created,
    architecture: 'amd64',
    os: 'linux',
    size: layers.reduce((n, l) => n + l.uncompressedSize, 0),
    layers,
    config: spec.config,
    history,
    dockerVersion: spec.dockerVersion ?? '',
    author: '',
    rootfs: spec.rootfs,
  };
}

/** `docker history`'s text for a buildkit RUN step. */
export function run(cmd: string): string {
  return `RUN /bin/sh -c ${cmd} # buildkit`;
}

/** The classic builder's text for a config-only step: `/bin/sh -c #(nop)  CMD ["sh"]`. */
export function nop(instruction: string): string {
  return `/bin/sh -c #(nop)  ${instruction}`;
}

/** Exec-form arguments as `docker history` prints them: `["nginx" "-g" "daemon off;"]`. */
export function execForm(args: readonly string[]): string {
  return `[${args.map((a) => JSON.stringify(a)).join(' ')}]`;
}

/** UTF-8 length of a text (the size of a COPY layer holding it). */
export function bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

export const PATH_DEFAULT = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export function ports(...list: string[]): Record<string, Record<string, never>> {
  return Object.fromEntries(list.map((p) => [p, {}]));
}
