// The Photon OS 5.0 package catalog (packages-catalog/catalog.ts, generated from the reference
// facts): validated from unknown JSON into builds. Each package has its current build and, when it
// existed at 5.0 GA, its GA build: photon-updates carries both, so updates and downgrades have
// somewhere to go. Loaded lazily: the first tdnf or rpm command imports it.
import { installSize, downloadSize } from './sizes';

export interface Build {
  name: string;
  epoch: number;
  version: string;
  release: string;
  arch: string;
  /** The source package (spec) it was built from. */
  source: string;
  summary: string;
  description: string;
  license: string;
  group: string;
  url: string;
  requires: readonly string[];
  provides: readonly string[];
  obsoletes: readonly string[];
  conflicts: readonly string[];
  units: readonly string[];
  binaries: readonly string[];
  installSize: number;
  downloadSize: number;
  /** The 5.0 GA build (what a fresh install has before `tdnf update`). */
  ga: boolean;
}

export interface Catalog {
  releasever: string;
  /** Every build, current and GA, in catalog order. */
  builds: readonly Build[];
  /** Current builds by name (a few names have two specs: both are listed). */
  byName: ReadonlyMap<string, readonly Build[]>;
}

export class CatalogError extends Error {}

function str(v: unknown, what: string): string {
  if (typeof v !== 'string') throw new CatalogError(`catalog: ${what} is not a string`);
  return v;
}

function strList(v: unknown, what: string): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new CatalogError(`catalog: ${what} is not a list`);
  return v.map((x, i) => str(x, `${what}[${i}]`));
}

function rec(v: unknown, what: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new CatalogError(`catalog: ${what} is not an object`);
  return v as Record<string, unknown>;
}

/** Requirements pinned to the package's own current build follow it back to GA (same spec). */
function gaRequires(requires: readonly string[], current: string, ga: string): string[] {
  return requires.map((r) => {
    const m = /^(\S+) (=|>=|<=|<|>) (\S+)$/.exec(r);
    if (!m) return r;
    if (m[3] === current) return `${m[1]} ${m[2]} ${ga}`;
    // the facts hold today's lower bounds; the GA build was built against older libraries
    return m[2] === '>=' || m[2] === '>' ? m[1]! : r;
  });
}

/** Validates the catalog JSON (unknown) into builds; throws CatalogError on a malformed entry. */
export function parseCatalog(json: unknown): Catalog {
  const root = rec(json, 'root');
  if (root.format !== 1) throw new CatalogError('catalog: unknown format');
  const strings = strList(root.strings, 'strings');
  const at = (v: unknown, what: string): string => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v >= strings.length) throw new CatalogError(`catalog: ${what} is not a string index`);
    return strings[v]!;
  };
  if (!Array.isArray(root.packages)) throw new CatalogError('catalog: packages is not a list');
  const builds: Build[] = [];
  const byName = new Map<string, Build[]>();
  root.packages.forEach((raw, i) => {
    const p = rec(raw, `packages[${i}]`);
    const name = str(p.n, `packages[${i}].n`);
    const what = `package ${name}`;
    const epoch = p.e === undefined ? 0 : p.e;
    if (typeof epoch !== 'number' || !Number.isInteger(epoch) || epoch < 0) throw new CatalogError(`catalog: ${what}: bad epoch`);
    const version = str(p.v, `${what}.v`);
    const release = str(p.r, `${what}.r`);
    const summary = p.sum === undefined ? genericSummary(name, at(p.g, `${what}.g`)) : str(p.sum, `${what}.sum`);
    const common = {
      name, epoch, arch: str(p.a, `${what}.a`), source: p.s === undefined ? name : str(p.s, `${what}.s`), summary,
      description: p.d === undefined ? genericDescription(name, summary, p.s === undefined ? name : String(p.s)) : str(p.d, `${what}.d`),
      license: at(p.l, `${what}.l`), group: at(p.g, `${what}.g`), url: at(p.u, `${what}.u`),
      provides: strList(p.prov, `${what}.prov`), units: strList(p.units, `${what}.units`), binaries: strList(p.bin, `${what}.bin`),
    };
    const requires = strList(p.req, `${what}.req`);
    const current: Build = {
      ...common, version, release, requires, obsoletes: strList(p.obs, `${what}.obs`), conflicts: strList(p.con, `${what}.con`),
      installSize: installSize(name, version, release), downloadSize: 0, ga: false,
    };
    current.downloadSize = downloadSize(name, version, current.installSize);
    builds.push(current);
    const list = byName.get(name) ?? [];
    list.push(current);
    byName.set(name, list);
    if (p.gv !== undefined) {
      const gv = str(p.gv, `${what}.gv`);
      const gr = str(p.gr, `${what}.gr`);
      if (gv === version && gr === release) return;
      // conflicts and obsoletes in today's spec were added after GA: the GA build has none we know
      const isize = installSize(name, gv, gr);
      builds.push({
        ...common, version: gv, release: gr, requires: gaRequires(requires, `${version}-${release}`, `${gv}-${gr}`), obsoletes: [], conflicts: [],
        installSize: isize, downloadSize: downloadSize(name, gv, isize), ga: true,
      });
    }
  });
  pinGaRequires(builds, byName);
  return { releasever: str(root.releasever, 'releasever'), builds, byName };
}

/**
 * A GA build's `=` pins must name builds that existed at GA: a pin nothing satisfies moves to the
 * target's GA build, or goes when the target is a subpackage added after GA.
 */
function pinGaRequires(builds: Build[], byName: ReadonlyMap<string, readonly Build[]>): void {
  const evrs = new Map<string, Set<string>>();
  const gaOf = new Map<string, string>();
  for (const b of builds) {
    const e = `${b.epoch ? `${b.epoch}:` : ''}${b.version}-${b.release}`;
    evrs.set(b.name, (evrs.get(b.name) ?? new Set()).add(e).add(`${b.version}-${b.release}`));
    if (b.ga) gaOf.set(b.name, `${b.version}-${b.release}`);
  }
  for (let i = 0; i < builds.length; i++) {
    const b = builds[i]!;
    if (!b.ga) continue;
    let changed = false;
    const requires: string[] = [];
    for (const r of b.requires) {
      const m = /^(\S+) = (\S+)$/.exec(r);
      if (!m || !byName.has(m[1]!) || evrs.get(m[1]!)?.has(m[2]!)) {
        requires.push(r);
        continue;
      }
      changed = true;
      const ga = gaOf.get(m[1]!);
      if (ga) requires.push(`${m[1]} = ${ga}`);
    }
    if (changed) builds[i] = { ...b, requires };
  }
}

function genericSummary(name: string, group: string): string {
  return `${name} for Photon OS (${group})`;
}

function genericDescription(name: string, summary: string, source: string): string {
  return source === name ? `${summary}. Built from the ${name} sources.` : `${summary}. Built from the ${source} sources as part of ${source}.`;
}

let loading: Promise<Catalog> | undefined;

/** The catalog, imported and validated on first use (its code is a separate chunk). */
export function loadCatalog(): Promise<Catalog> {
  loading ??= import('../../../packages-catalog/catalog').then((m) => parseCatalog(JSON.parse(m.default) as unknown));
  return loading;
}
