// The image store: pulling from the offline registry (the root filesystem written under
// /var/lib/docker/overlay2), tags, removal with docker's refusals, and lookups by name or id.
import { parseReference } from '../../shared/docker-reference';
import type { BuildStep, DockerReply } from '../../shared/services/docker';
import type { DockerEngine } from './engine';
import { deleteImage, ROOT, saveImage, type ImageRec } from './records';
import { imageInfo } from './views';

export interface Ref {
  /** as `docker images` shows the repository (nginx, user/app, localhost:5000/x) */
  repo: string;
  tag: string;
  /** docker.io/library/nginx:latest */
  full: string;
  /** the registry's path (library/nginx) */
  path: string;
}

/** docker's reference normalization (shared/docker-reference.ts) in the shape the store uses. */
export function parseRef(ref: string): Ref | { error: string } {
  const r = parseReference(ref);
  if (!r.ok) return { error: r.message };
  const tag = r.ref.tag ?? 'latest';
  return { repo: r.ref.familiar, tag, full: `${r.ref.name}:${tag}`, path: r.ref.path };
}

export class Images {
  private readonly byId = new Map<string, ImageRec>();

  constructor(private readonly e: DockerEngine) {}

  load(list: ImageRec[]): void {
    this.byId.clear();
    for (const i of list) this.byId.set(i.id, i);
  }

  all(): ImageRec[] {
    return [...this.byId.values()];
  }

  count(): number {
    return this.byId.size;
  }

  get(id: string): ImageRec | undefined {
    return this.byId.get(id);
  }

  /** An image by name[:tag], full or short id. */
  resolve(ref: string): ImageRec | undefined {
    const hexRef = ref.replace(/^sha256:/, '');
    if (/^[0-9a-f]{1,64}$/.test(hexRef)) {
      const hits = this.all().filter((i) => i.id.slice(7).startsWith(hexRef));
      if (hits.length === 1) return hits[0];
    }
    const r = parseRef(ref);
    if ('error' in r) return undefined;
    return this.all().find((i) => i.repoTags.includes(`${r.repo}:${r.tag}`));
  }

  list(): DockerReply {
    const used = (id: string): number => this.e.containers.all().filter((c) => c.imageId === id).length;
    const images = this.all().sort((a, b) => b.created.localeCompare(a.created)).map((i) => imageInfo(i, used(i.id)));
    return { kind: 'images', images };
  }

  inspect(ref: string): DockerReply {
    const img = this.resolve(ref);
    if (!img) return { kind: 'error', status: 404, message: `No such image: ${ref}` };
    return { kind: 'image', image: imageInfo(img, 0) };
  }

  async pull(ref: string): Promise<DockerReply> {
    const r = parseRef(ref);
    if ('error' in r) return { kind: 'error', status: 400, message: r.error };
    const found = r.full.startsWith('docker.io/') ? await this.e.registry.find(r.path.replace(/^library\//, ''), r.tag) : { error: `Get "https://${r.full.split('/')[0]}/v2/": dial tcp: lookup ${r.full.split('/')[0]}: no such host` };
    if ('error' in found) return { kind: 'error', status: 404, message: found.error };
    const name = `${r.repo}:${r.tag}`;
    const existing = this.byId.get(found.id);
    const present = new Set(this.all().flatMap((i) => i.layers));
    const layers = found.layers.map((l) => ({ id: l.digest.slice(7, 19), size: l.size, present: present.has(l.digest) }));
    const upToDate = existing?.repoTags.includes(name) ?? false;
    if (!upToDate) {
      // a tag moves to the image pulled for it
      for (const other of this.all()) {
        if (other.id !== found.id && other.repoTags.includes(name)) {
          other.repoTags = other.repoTags.filter((t) => t !== name);
          saveImage(this.e.host, other);
        }
      }
      const img: ImageRec = existing ?? {
        id: found.id, repoTags: [], repoDigests: [], created: found.created, size: found.size, config: found.config, history: found.history,
        layers: found.layers.map((l) => l.digest), parent: '', dir: `${ROOT}/overlay2/${found.id.slice(7, 71)}/diff`,
      };
      if (!existing) {
        this.e.host.mkdirp(img.dir, 0o755);
        this.e.host.writeTree(img.dir, found.rootfs());
      }
      img.repoTags = [...img.repoTags.filter((t) => t !== name), name];
      const digest = `${r.repo.replace(/:.*$/, '')}@${found.digest}`;
      if (!img.repoDigests.includes(digest)) img.repoDigests.push(digest);
      this.byId.set(img.id, img);
      saveImage(this.e.host, img);
    }
    return { kind: 'pull', tag: r.tag, repo: r.path, layers, digest: found.digest, upToDate, full: r.full };
  }

  tag(source: string, target: string): DockerReply {
    const img = this.resolve(source);
    if (!img) return { kind: 'error', status: 404, message: `No such image: ${source}` };
    const r = parseRef(target);
    if ('error' in r) return { kind: 'error', status: 400, message: r.error };
    const name = `${r.repo}:${r.tag}`;
    for (const other of this.all()) {
      if (other.repoTags.includes(name)) {
        other.repoTags = other.repoTags.filter((t) => t !== name);
        saveImage(this.e.host, other);
      }
    }
    img.repoTags.push(name);
    saveImage(this.e.host, img);
    return { kind: 'ok' };
  }

  remove(ref: string, force: boolean): DockerReply {
    const img = this.resolve(ref);
    if (!img) return { kind: 'error', status: 404, message: `No such image: ${ref}` };
    const byName = !ref.replace(/^sha256:/, '').match(/^[0-9a-f]+$/) || img.repoTags.some((t) => t === ref || t === `${ref}:latest`);
    const lines: string[] = [];
    const users = this.e.containers.all().filter((c) => c.imageId === img.id);
    if (byName && img.repoTags.length > 1) {
      // removing one of several names only untags
      const r = parseRef(ref);
      const name = 'error' in r ? ref : `${r.repo}:${r.tag}`;
      img.repoTags = img.repoTags.filter((t) => t !== name);
      saveImage(this.e.host, img);
      return { kind: 'removed', lines: [`Untagged: ${name}`] };
    }
    if (users.length && !force) {
      const running = users.find((c) => c.status === 'running');
      const short = img.id.slice(7, 19);
      if (running) return { kind: 'error', status: 409, message: `conflict: unable to remove repository reference "${ref}" (must force) - container ${running.id.slice(0, 12)} is using its referenced image ${short}` };
      return { kind: 'error', status: 409, message: `conflict: unable to remove repository reference "${ref}" (must force) - container ${users[0]!.id.slice(0, 12)} is using its referenced image ${short}` };
    }
    for (const t of img.repoTags) lines.push(`Untagged: ${t}`);
    for (const d of img.repoDigests) lines.push(`Untagged: ${d}`);
    if (users.length) {
      // forced with containers still using it: the image stays, nameless
      img.repoTags = [];
      img.repoDigests = [];
      saveImage(this.e.host, img);
      return { kind: 'removed', lines };
    }
    lines.push(`Deleted: ${img.id}`);
    const shared = new Set(this.all().filter((o) => o.id !== img.id).flatMap((o) => o.layers));
    for (const l of img.layers) if (!shared.has(l)) lines.push(`Deleted: ${l}`);
    this.byId.delete(img.id);
    deleteImage(this.e.host, img);
    return { kind: 'removed', lines };
  }

  prune(all: boolean): DockerReply {
    const used = new Set(this.e.containers.all().map((c) => c.imageId));
    const deleted: string[] = [];
    let reclaimed = 0;
    for (const img of this.all()) {
      if (used.has(img.id) || (!all && img.repoTags.length)) continue;
      for (const t of img.repoTags) deleted.push(`untagged: ${t}`);
      deleted.push(`deleted: ${img.id}`);
      reclaimed += img.size;
      this.byId.delete(img.id);
      deleteImage(this.e.host, img);
    }
    return { kind: 'pruned', deleted, reclaimed };
  }

  /** Adds an image (a commit or a build step). */
  add(img: ImageRec): void {
    this.byId.set(img.id, img);
    saveImage(this.e.host, img);
  }

  buildStep(step: BuildStep, pid: number): Promise<DockerReply> | DockerReply {
    return this.e.containers.buildStep(step, pid);
  }
}
