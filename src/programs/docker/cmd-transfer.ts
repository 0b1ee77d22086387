// docker cp (cli/command/container/cp.go with pkg/archive's copy rules), docker save and docker
// load: the files cross the socket as tree entries, and as tar archives where docker has them.
import { humanSizeWithPrecision } from '../../shared/docker-units';
import { isSysError } from '../../shared/errno';
import type { SavedImage, TreeEntryData } from '../../shared/services/docker';
import type { Ctx } from '../lib/context';
import type { ParsedCommand } from './cli/parse';
import { call, DaemonError, expect } from './client';
import { bool, str } from './flags';
import { digestHex, readTar, writeTar, type TarEntry } from './tarball';

class CpError extends Error {}

/** "CONTAINER:PATH" or a local path (splitCpArg: absolute or ./-prefixed paths are local). */
function splitArg(arg: string): { container: string; path: string } {
  if (arg.startsWith('/')) return { container: '', path: arg };
  const i = arg.indexOf(':');
  if (i < 0 || arg.startsWith('.')) return { container: '', path: arg };
  return { container: arg.slice(0, i), path: arg.slice(i + 1) };
}

const base = (p: string): string => p.replace(/\/+$/, '').split('/').pop() || '/';
const parent = (p: string): string => p.replace(/\/+$/, '').replace(/\/[^/]*$/, '') || '/';

function absolute(ctx: Ctx, p: string): string {
  const abs = p.startsWith('/') ? p : `${ctx.sys.getcwd().replace(/\/$/, '')}/${p}`;
  const parts: string[] = [];
  for (const x of abs.split('/')) {
    if (x === '' || x === '.') continue;
    if (x === '..') parts.pop();
    else parts.push(x);
  }
  // a trailing "/." or "/" says something about the copy, and stays (PreserveTrailingDotOrSeparator)
  return `/${parts.join('/')}${/\/\.$/.test(p) ? '/.' : p.endsWith('/') && parts.length ? '/' : ''}`;
}

/** Bytes the tar stream of these entries takes (what docker counts as copied). */
function tarSize(entries: readonly TreeEntryData[]): number {
  return entries.reduce((t, e) => t + 512 + Math.ceil((e.data?.length ?? 0) / 512) * 512, 1024);
}

async function progress(ctx: Ctx, header: string, size: number, to: string): Promise<void> {
  if (!ctx.sys.isatty(2)) return;
  const shown = humanSizeWithPrecision(size, 3);
  await ctx.err.write(`\x1b[sPreparing to copy...\x1b[?25l\x1b[u\x1b[2K${header}${shown}\x1b[?25h\x1b[u\x1b[2KSuccessfully copied ${shown} to ${to}\n`);
}

async function localTree(ctx: Ctx, path: string, follow: boolean): Promise<TreeEntryData[]> {
  const out: TreeEntryData[] = [];
  const walk = async (p: string, rel: string, top: boolean): Promise<void> => {
    await ctx.tick();
    const st = top && follow ? await ctx.sys.stat(p) : await ctx.sys.lstat(p);
    const baseEntry = { path: rel, mode: st.mode & 0o7777, uid: st.uid, gid: st.gid, mtime: st.mtime };
    if (st.kind === 'dir') {
      out.push({ ...baseEntry, kind: 'dir' });
      for (const name of (await ctx.sys.readdir(p)).sort()) await walk(`${p}/${name}`, rel ? `${rel}/${name}` : name, false);
    } else if (st.kind === 'symlink') out.push({ ...baseEntry, kind: 'symlink', target: await ctx.sys.readlink(p) });
    else if (st.kind === 'file') out.push({ ...baseEntry, kind: 'file', data: await ctx.sys.readFile(p) });
  };
  await walk(path, '', true);
  return out;
}

async function writeLocal(ctx: Ctx, target: string, entries: readonly TreeEntryData[]): Promise<void> {
  for (const e of entries) {
    await ctx.tick();
    const p = e.path ? `${target}/${e.path}` : target;
    if (e.kind === 'dir') {
      try {
        await ctx.sys.mkdir(p, e.mode);
      } catch (err) {
        if (!isSysError(err) || err.errno !== 'EEXIST') throw err;
      }
      await ctx.sys.chmod(p, e.mode).catch(() => undefined);
    } else if (e.kind === 'symlink') {
      await ctx.sys.unlink(p).catch(() => undefined);
      await ctx.sys.symlink(e.target ?? '', p);
    } else {
      await ctx.sys.writeFile(p, e.data ?? new Uint8Array(0), { mode: e.mode });
      await ctx.sys.chmod(p, e.mode).catch(() => undefined);
    }
  }
}

const rename = (entries: readonly TreeEntryData[], top: string): TreeEntryData[] => entries.map((e) => ({ ...e, path: e.path ? `${top}/${e.path}` : top }));

export async function cp(ctx: Ctx, p: ParsedCommand): Promise<number> {
  const [srcArg, dstArg] = p.args as [string, string];
  if (srcArg === '') return fail(ctx, 'source can not be empty');
  if (dstArg === '') return fail(ctx, 'destination can not be empty');
  const src = splitArg(srcArg);
  const dst = splitArg(dstArg);
  if (src.container && dst.container) return fail(ctx, 'copying between containers is not supported');
  if (!src.container && !dst.container) return fail(ctx, 'must specify at least one container source');
  try {
    return src.container ? await fromContainer(ctx, p, src.container, src.path, dst.path) : await toContainer(ctx, p, dst.container, src.path, dst.path);
  } catch (e) {
    if (e instanceof CpError) return fail(ctx, e.message);
    if (isSysError(e)) return fail(ctx, `${e.syscall} ${e.path ?? ''}: ${e.message.replace(/^.*?: /, '')}`.replace(/ +:/, ':'));
    throw e;
  }
}

async function fail(ctx: Ctx, message: string): Promise<number> {
  await ctx.err.write(`${message}\n`);
  return 1;
}

async function fromContainer(ctx: Ctx, p: ParsedCommand, container: string, srcPath: string, dstPath: string): Promise<number> {
  const r = await expect(ctx, { kind: 'archive-get', id: container, path: srcPath, follow: bool(p, 'follow-link') }, 'archive');
  const top = r.entries[0];
  if (!top) throw new CpError(`Could not find the file ${srcPath} in container ${container}`);
  const contentsOnly = /\/\.$/.test(srcPath);
  if (dstPath === '-') {
    const name = base(srcPath.replace(/\/\.$/, ''));
    const tar = writeTar(r.entries.map((e): TarEntry => ({ name: e.path ? `${name}/${e.path}` : name, kind: e.kind, mode: e.mode, uid: e.uid, gid: e.gid, mtime: e.mtime, ...(e.data ? { data: e.data } : {}), ...(e.target !== undefined ? { target: e.target } : {}) })));
    await ctx.out.flush();
    await ctx.sys.write(1, tar);
    return 0;
  }
  const dst = absolute(ctx, dstPath);
  const st = await ctx.sys.stat(dst.replace(/\/\.?$/, '') || '/').catch(() => undefined);
  let target: string;
  if (st?.kind === 'dir') target = contentsOnly && top.kind === 'dir' ? dst.replace(/\/\.?$/, '') : `${dst.replace(/\/\.?$/, '')}/${base(srcPath)}`;
  else if (st) {
    if (top.kind === 'dir') throw new CpError('cannot copy directory');
    target = dst;
  } else {
    if (dst.endsWith('/') && top.kind !== 'dir') throw new CpError(`destination ${dst} does not exist or is not a directory`);
    const up = await ctx.sys.stat(parent(dst)).catch(() => undefined);
    if (!up) throw new CpError(`lstat ${parent(dst)}: no such file or directory`);
    target = dst.replace(/\/$/, '');
  }
  await writeLocal(ctx, target, r.entries);
  await progress(ctx, 'Copying from container - ', tarSize(r.entries), dst);
  return 0;
}

async function toContainer(ctx: Ctx, p: ParsedCommand, container: string, srcPath: string, dstPath: string): Promise<number> {
  let entries: TreeEntryData[];
  let name: string;
  if (srcPath === '-') {
    const data = await readAll(ctx, 0);
    const members = readTar(data);
    if (!members) throw new DaemonError('Error response from daemon: unexpected EOF', 'daemon', 500);
    const stat = await expect(ctx, { kind: 'archive-get', id: container, path: dstPath, follow: true, statOnly: true }, 'archive').catch(() => undefined);
    if (stat?.entries[0]?.kind !== 'dir') throw new CpError(`destination "${container}:${dstPath}" must be a directory`);
    await call(ctx, { kind: 'archive-put', id: container, path: dstPath, entries: members.map((m) => ({ path: m.name, kind: m.kind, mode: m.mode, uid: m.uid, gid: m.gid, mtime: m.mtime, ...(m.data ? { data: m.data } : {}), ...(m.target !== undefined ? { target: m.target } : {}) })) });
    return 0;
  }
  const src = absolute(ctx, srcPath);
  const follow = bool(p, 'follow-link');
  try {
    await ctx.sys.lstat(src.replace(/\/\.$/, ''));
  } catch {
    throw new CpError(`lstat ${src.replace(/\/\.$/, '')}: no such file or directory`);
  }
  const keepIds = bool(p, 'archive');
  entries = (await localTree(ctx, src.replace(/\/\.$/, '').replace(/(.)\/$/, '$1'), follow)).map((e) => (keepIds ? e : { ...e, uid: 0, gid: 0 }));
  name = base(src.replace(/\/\.$/, ''));
  const contentsOnly = /\/\.$/.test(src);
  const statReply = await ctx.sys.call('docker', { kind: 'archive-get', id: container, path: dstPath, follow: true, statOnly: true }) as { kind: string; entries?: TreeEntryData[]; status?: number; message?: string };
  if (statReply.kind === 'error' && /^No such container/.test(statReply.message ?? '')) throw new DaemonError(`Error response from daemon: ${statReply.message}`, 'daemon', 404);
  const dstTop = statReply.kind === 'archive' ? statReply.entries?.[0] : undefined;
  const top = entries[0]!;
  let dir: string;
  let put: TreeEntryData[];
  if (dstTop?.kind === 'dir') {
    dir = dstPath;
    put = contentsOnly && top.kind === 'dir' ? entries.filter((e) => e.path !== '') : rename(entries, name);
  } else if (dstTop) {
    if (top.kind === 'dir') throw new DaemonError('Error response from daemon: cannot overwrite non-directory with directory', 'daemon', 400);
    dir = parent(dstPath);
    put = rename(entries, base(dstPath));
  } else {
    if (dstPath.endsWith('/') && top.kind !== 'dir') throw new CpError(`destination "${container}:${dstPath}" must be a directory`);
    dir = parent(dstPath);
    put = rename(entries, base(dstPath));
  }
  await call(ctx, { kind: 'archive-put', id: container, path: dir, entries: put });
  await progress(ctx, 'Copying to container - ', tarSize(entries), `${container}:${dstPath}`);
  return 0;
}

async function readAll(ctx: Ctx, fd: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    await ctx.tick();
    const c = await ctx.sys.read(fd, 65536);
    if (!c || c.length === 0) break;
    chunks.push(c);
    total += c.length;
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const enc = new TextEncoder();

/** The OCI layout docker 27 saves: blobs (layers, configs, manifests), index.json, manifest.json, oci-layout, repositories. */
function saveArchive(images: SavedImage[]): Uint8Array {
  const entries: TarEntry[] = [];
  const t = Date.parse(images[0]?.created ?? '') || 0;
  const file = (name: string, text: string | Uint8Array): void => {
    entries.push({ name, kind: 'file', mode: 0o644, uid: 0, gid: 0, mtime: t, data: typeof text === 'string' ? enc.encode(text) : text });
  };
  entries.push({ name: 'blobs', kind: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: t }, { name: 'blobs/sha256', kind: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: t });
  const manifest: unknown[] = [];
  const index: unknown[] = [];
  const repositories: Record<string, Record<string, string>> = {};
  for (const img of images) {
    const layerBlobs = img.layers.map((l, i) => {
      const last = i === img.layers.length - 1;
      const tar = writeTar(last ? img.rootfs.filter((e) => e.path !== '').map((e): TarEntry => ({ name: e.path, kind: e.kind, mode: e.mode, uid: e.uid, gid: e.gid, mtime: e.mtime, ...(e.data ? { data: e.data } : {}), ...(e.target !== undefined ? { target: e.target } : {}) })) : []);
      return { digest: l.replace(/^sha256:/, ''), tar };
    });
    const config = JSON.stringify({ architecture: 'amd64', config: img.config, created: img.created, history: img.history, os: 'linux', rootfs: { type: 'layers', diff_ids: img.layers } });
    const cfgHex = img.id.replace(/^sha256:/, '');
    const man = JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: img.id, size: config.length }, layers: layerBlobs.map((b) => ({ mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: `sha256:${b.digest}`, size: b.tar.length })) });
    const manHex = digestHex(man);
    for (const b of layerBlobs) if (!entries.some((e) => e.name === `blobs/sha256/${b.digest}`)) file(`blobs/sha256/${b.digest}`, b.tar);
    file(`blobs/sha256/${cfgHex}`, config);
    file(`blobs/sha256/${manHex}`, man);
    manifest.push({ Config: `blobs/sha256/${cfgHex}`, RepoTags: img.repoTags, Layers: layerBlobs.map((b) => `blobs/sha256/${b.digest}`) });
    for (const tag of img.repoTags.length ? img.repoTags : ['']) {
      const cut = tag.lastIndexOf(':');
      index.push({ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: `sha256:${manHex}`, size: man.length, ...(tag ? { annotations: { 'io.containerd.image.name': `docker.io/${tag.includes('/') ? '' : 'library/'}${tag}`, 'org.opencontainers.image.ref.name': tag.slice(cut + 1) } } : {}) });
      if (tag) (repositories[tag.slice(0, cut)] ??= {})[tag.slice(cut + 1)] = cfgHex;
    }
  }
  file('index.json', `${JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: index })}\n`);
  file('manifest.json', `${JSON.stringify(manifest)}\n`);
  file('oci-layout', '{"imageLayoutVersion": "1.0.0"}');
  file('repositories', `${JSON.stringify(repositories)}\n`);
  return writeTar(entries);
}

export async function save(ctx: Ctx, p: ParsedCommand): Promise<number> {
  const output = str(p, 'output');
  if (!output && ctx.sys.isatty(1)) {
    await ctx.err.write('cowardly refusing to save to a terminal. Use the -o flag or redirect\n');
    return 1;
  }
  const r = await expect(ctx, { kind: 'save', refs: [...p.args] }, 'saved');
  const tar = saveArchive(r.images);
  if (output) {
    try {
      await ctx.sys.writeFile(output, tar, { mode: 0o600 });
    } catch (e) {
      if (!isSysError(e)) throw e;
      await ctx.err.write(`failed to save image: invalid output path: ${e.message.toLowerCase()}\n`);
      return 1;
    }
  } else {
    await ctx.out.flush();
    await ctx.sys.write(1, tar);
  }
  return 0;
}

export async function load(ctx: Ctx, p: ParsedCommand): Promise<number> {
  const input = str(p, 'input');
  if (!input && ctx.sys.isatty(0)) {
    await ctx.err.write('requested load from stdin, but stdin is empty\n');
    return 1;
  }
  let bytes: Uint8Array;
  try {
    bytes = input ? await ctx.sys.readFile(input) : await readAll(ctx, 0);
  } catch (e) {
    if (!isSysError(e)) throw e;
    await ctx.err.write(`open ${input}: ${e.errno === 'ENOENT' ? 'no such file or directory' : e.message.toLowerCase()}\n`);
    return 1;
  }
  const images = parseSaved(bytes);
  if (!images) throw new DaemonError('Error response from daemon: unexpected EOF', 'daemon', 500);
  const r = await expect(ctx, { kind: 'load', images }, 'loaded');
  for (const line of r.lines) await ctx.print(`${line}\n`);
  return 0;
}

/** The images of a `docker save` archive (manifest.json, configs, layers applied in order). */
function parseSaved(bytes: Uint8Array): SavedImage[] | undefined {
  const members = readTar(bytes);
  if (!members) return undefined;
  const byName = new Map(members.map((m) => [m.name, m]));
  const text = (name: string): string | undefined => {
    const d = byName.get(name)?.data;
    return d ? new TextDecoder().decode(d) : undefined;
  };
  try {
    const manifest = JSON.parse(text('manifest.json') ?? '') as { Config: string; RepoTags: string[] | null; Layers: string[] }[];
    return manifest.map((m) => {
      const cfg = JSON.parse(text(m.Config) ?? '') as { config: SavedImage['config']; created: string; history: SavedImage['history']; rootfs: { diff_ids: string[] } };
      const rootfs = new Map<string, TreeEntryData>();
      for (const l of m.Layers) {
        for (const e of readTar(byName.get(l)?.data ?? new Uint8Array(0)) ?? []) rootfs.set(e.name, { path: e.name, kind: e.kind, mode: e.mode, uid: e.uid, gid: e.gid, mtime: e.mtime, ...(e.data ? { data: e.data } : {}), ...(e.target !== undefined ? { target: e.target } : {}) });
      }
      const entries = [...rootfs.values()].sort((a, b) => a.path.split('/').length - b.path.split('/').length || a.path.localeCompare(b.path));
      const size = cfg.history.reduce((t, h) => t + (h.size ?? 0), 0) || entries.reduce((t, e) => t + (e.data?.length ?? 0), 0);
      return { id: `sha256:${m.Config.split('/').pop()}`, repoTags: m.RepoTags ?? [], created: cfg.created, config: cfg.config, history: cfg.history, layers: cfg.rootfs.diff_ids, size, rootfs: entries };
    });
  } catch {
    return undefined;
  }
}
