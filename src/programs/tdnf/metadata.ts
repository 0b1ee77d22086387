// Repository metadata: what each repository server publishes (derived from the catalog by the
// repository's URL) and tdnf's cache of it under /var/cache/tdnf/<repoid>/: repodata/ with
// repomd.xml and the package index (this simulator's own format), solvcache/, rpms/, and the
// `lastrefresh` marker whose ctime metadata_expire is measured from (client/repo.c, init.c).
import type { Sys } from '../../shared/sys';
import { isSysError } from '../../shared/errno';
import type { Build, Catalog } from '../../subsystems/rpmdb/catalog';
import { nevra } from '../../subsystems/rpmdb/pool';
import type { Repo } from './config';
import { E, errorMessage, systemError, TdnfError } from './errors';
import { reach, retriable, CURLE } from './network';
import { progress, type Out } from './output';

export interface RepoLoad {
  repo: Repo;
  builds: Build[];
}

export interface RefreshOptions {
  cachedir: string;
  refresh: boolean;
  cacheOnly: boolean;
  verbose: boolean;
}

type ServerKind = 'updates' | 'release' | 'extras' | 'debuginfo' | 'srpms';

/** Which of Photon's repositories a URL names, from its last path element. */
function serverKind(url: string): ServerKind | undefined {
  if (!/^https?:\/\/packages\.vmware\.com\//.test(url)) return undefined;
  const last = url.replace(/\/+$/, '').split('/').pop() ?? '';
  if (/^photon_updates_/.test(last)) return 'updates';
  if (/^photon_extras_/.test(last)) return 'extras';
  if (/^photon_debuginfo_/.test(last)) return 'debuginfo';
  if (/^photon_srpms_/.test(last)) return 'srpms';
  if (/^photon_(release_)?\d/.test(last)) return 'release';
  return undefined;
}

/** Builds that exist only in the debuginfo and source repositories, one per source package. */
function derived(catalog: Catalog, kind: 'debuginfo' | 'srpms'): Build[] {
  const seen = new Set<string>();
  const out: Build[] = [];
  for (const b of catalog.builds) {
    if (b.ga || seen.has(b.source)) continue;
    seen.add(b.source);
    const name = kind === 'debuginfo' ? `${b.source}-debuginfo` : b.source;
    const summary = kind === 'debuginfo' ? `Debug information for package ${b.source}` : `Source package of ${b.source}`;
    out.push({
      ...b, name, source: b.source, arch: kind === 'debuginfo' ? 'x86_64' : 'src', summary, description: `${summary}.`,
      requires: [], provides: [], obsoletes: [], conflicts: [], units: [], binaries: [], installSize: Math.round(b.installSize * 1.7), downloadSize: Math.round(b.downloadSize * 1.4), ga: false,
    });
  }
  return out;
}

/** What a repository server publishes. */
export function published(catalog: Catalog, kind: ServerKind): Build[] {
  switch (kind) {
    case 'updates':
      return [...catalog.builds];
    case 'release': {
      // the release repository is frozen at GA; packages added since then come in their first build
      const ga = new Set(catalog.builds.filter((b) => b.ga).map((b) => b.name));
      return catalog.builds.filter((b) => b.ga || !ga.has(b.name));
    }
    case 'extras':
      return [];
    case 'debuginfo':
    case 'srpms':
      return derived(catalog, kind);
  }
}

const decoder = new TextDecoder();

async function exists(sys: Sys, path: string): Promise<boolean> {
  try {
    await sys.lstat(path);
    return true;
  } catch {
    return false;
  }
}

/** rm -rf, bounded by the cache's shallow layout. */
export async function removeTree(sys: Sys, path: string, depth = 0): Promise<void> {
  let st;
  try {
    st = await sys.lstat(path);
  } catch {
    return;
  }
  if (st.kind === 'dir' && depth < 8) {
    for (const name of await sys.readdir(path)) await removeTree(sys, `${path}/${name}`, depth + 1);
    await sys.rmdir(path);
  } else await sys.unlink(path);
}

async function mkdirs(sys: Sys, path: string): Promise<void> {
  let cur = '';
  for (const part of path.split('/').filter(Boolean)) {
    cur += `/${part}`;
    if (!(await exists(sys, cur))) await sys.mkdir(cur, 0o755);
  }
}

function asTdnf(e: unknown): TdnfError {
  if (e instanceof TdnfError) return e;
  if (isSysError(e)) return systemError(e.errno);
  throw e;
}

/** Downloads the repository's metadata into its cache directory. */
async function download(sys: Sys, out: Out, catalog: Catalog, repo: Repo, dir: string, verbose: boolean): Promise<void> {
  const url = repo.baseurls[0];
  if (!url) throw new TdnfError(2500);
  let builds: Build[];
  if (url.startsWith('file://')) {
    if (!(await exists(sys, url.slice(7)))) throw new TdnfError(E.CURL_BASE + CURLE.FILE_COULDNT_READ_FILE);
    builds = [];
  } else {
    for (let attempt = 0; ; attempt++) {
      if (attempt > 0) await out.info(`retrying ${attempt}/${repo.retries}\n`);
      const r = await reach(sys, url);
      if (r.ok) break;
      if (attempt >= repo.retries || !retriable(r.curl)) throw new TdnfError(E.CURL_BASE + r.curl);
      await sys.tick();
    }
    const kind = serverKind(url);
    if (!kind) {
      await out.err(`Error: 404 when downloading ${url.replace(/\/+$/, '')}/repodata/repomd.xml\n. Please check repo url or refresh metadata with 'tdnf makecache'.\n`);
      throw new TdnfError(E.SYSTEM_BASE + 22);
    }
    builds = published(catalog, kind);
    // repomd.xml, then the package index it points to
    await progress(out, verbose, repo.id, 3400 + builds.length % 997);
    await progress(out, verbose, repo.id, 2048 + builds.length * 417);
  }
  await mkdirs(sys, `${dir}/repodata`);
  const index = builds.map((b) => nevra(b)).join('\n');
  await sys.writeFile(`${dir}/repodata/primary.idx`, `${index}\n`, { mode: 0o644 });
  await sys.writeFile(`${dir}/repodata/repomd.xml`, `<?xml version="1.0" encoding="UTF-8"?>\n<repomd><revision>${Math.floor(sys.now() / 1000)}</revision><packages>${builds.length}</packages></repomd>\n`, { mode: 0o644 });
  await mkdirs(sys, `${dir}/solvcache`);
  await sys.writeFile(`${dir}/solvcache/${repo.id}.solv`, '', { mode: 0o644 });
  await sys.writeFile(`${dir}/lastrefresh`, '', { mode: 0o644 });
}

/** Reads a cached index back into builds (catalog builds, or the derived debuginfo/source ones). */
async function readIndex(sys: Sys, catalog: Catalog, dir: string): Promise<Build[]> {
  const text = decoder.decode(await sys.readFile(`${dir}/repodata/primary.idx`));
  const byKey = new Map(catalog.builds.map((b) => [nevra(b), b]));
  const out: Build[] = [];
  let extra: Map<string, Build> | undefined;
  for (const key of text.split('\n')) {
    if (key === '') continue;
    let b = byKey.get(key);
    if (!b) {
      extra ??= new Map([...derived(catalog, 'debuginfo'), ...derived(catalog, 'srpms')].map((d) => [nevra(d), d]));
      b = extra.get(key);
    }
    if (b) out.push(b);
  }
  return out;
}

/**
 * TDNFRefreshSack: for each enabled repo, drop an expired cache, download metadata when missing
 * or --refresh, then load it. A repo that fails is disabled when skip_if_unavailable is set.
 */
export async function loadRepoData(sys: Sys, out: Out, catalog: Catalog, repos: readonly Repo[], opts: RefreshOptions): Promise<RepoLoad[]> {
  const loads: RepoLoad[] = [];
  const enabled = repos.filter((r) => r.enabled).sort((a, b) => a.priority - b.priority);
  for (const repo of enabled) {
    const dir = `${opts.cachedir}/${repo.id}`;
    try {
      if (repo.metadataExpire >= 0 && !opts.cacheOnly) {
        let expired = true;
        try {
          const st = await sys.stat(`${dir}/lastrefresh`);
          expired = sys.now() - st.ctime > repo.metadataExpire * 1000;
        } catch {
          expired = true;
        }
        if (expired) {
          await removeTree(sys, `${dir}/repodata`);
          await removeTree(sys, `${dir}/solvcache`);
        }
      }
    } catch (e) {
      throw asTdnf(e);
    }
    try {
      const have = await exists(sys, `${dir}/repodata/repomd.xml`);
      if ((!have || opts.refresh) && !opts.cacheOnly) {
        await out.info(`Refreshing metadata for: '${repo.name}'\n`);
        try {
          await download(sys, out, catalog, repo, dir, opts.verbose);
        } catch (e) {
          const err = asTdnf(e);
          await out.err(`Error(${err.code}) : ${errorMessage(err.code)}\n`);
          await removeTree(sys, `${dir}/repodata`).catch(() => undefined);
          await removeTree(sys, `${dir}/lastrefresh`).catch(() => undefined);
          throw err;
        }
      } else if (!have) {
        await out.err(`Error(${E.CACHE_DISABLED}) : ${errorMessage(E.CACHE_DISABLED)}\n`);
        throw new TdnfError(E.CACHE_DISABLED);
      }
      loads.push({ repo, builds: await readIndex(sys, catalog, dir) });
    } catch (e) {
      const err = asTdnf(e);
      await out.err(`Error: Failed to synchronize cache for repo '${repo.name}'\n`);
      // no permission to write the cache is not the repository's fault: skip_if_unavailable does not apply
      if (!repo.skipIfUnavailable || err.code === E.SYSTEM_BASE + 13) throw err;
      repo.enabled = false;
      await out.info(`Disabling Repo: '${repo.name}'\n`);
    }
  }
  return loads;
}
