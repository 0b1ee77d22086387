// One tdnf run's view of the machine (TDNFOpenHandle): configuration and repos, the rpm
// database, the history database, the catalog, and once refreshed, the pool of installed and
// available packages the commands query and the solver works on.
import type { Ctx } from '../lib/context';
import { isSysError } from '../../shared/errno';
import { programs } from '../registry';
import { loadCatalog, type Build, type Catalog } from '../../subsystems/rpmdb/catalog';
import { HISTORY_PATH, parseHistory, type HistoryDb } from '../../subsystems/rpmdb/history';
import { nevra, Pool, type Solvable } from '../../subsystems/rpmdb/pool';
import type { ProgramRef } from '../../subsystems/rpmdb/payload';
import { parseRpmDb, RPMDB_PATH, type InstalledPackage } from '../../subsystems/rpmdb/rpmdb';
import { listOpt, type CmdArgs } from './args';
import { applyRepoOptions, readConf, readRepos, type Repo, type TdnfConf } from './config';
import { E, systemError, TdnfError } from './errors';
import { loadRepoData, type RepoLoad } from './metadata';
import type { Out } from './output';
import { fnmatch } from '../lib/fnmatch';

const decoder = new TextDecoder();

let byPkg: Map<string, ProgramRef[]> | undefined;

/** Simulated programs by the package shipping them (the registry's `pkg`). */
export function programsByPkg(): ReadonlyMap<string, readonly ProgramRef[]> {
  if (byPkg) return byPkg;
  byPkg = new Map();
  for (const p of programs.values()) {
    if (!p.pkg) continue;
    const ref: ProgramRef = { name: p.name, installPath: p.installPath, ...(p.aliases ? { aliases: p.aliases } : {}), ...(p.mode !== undefined ? { mode: p.mode } : {}) };
    byPkg.set(p.pkg, [...(byPkg.get(p.pkg) ?? []), ref]);
  }
  return byPkg;
}

/** A build for an installed package the catalog does not know (installed by hand with rpm). */
export function unknownBuild(p: InstalledPackage): Build {
  return {
    name: p.name, epoch: p.epoch, version: p.version, release: p.release, arch: p.arch, source: p.name, summary: p.name, description: p.name,
    license: '', group: '', url: '', requires: [], provides: [], obsoletes: [], conflicts: [], units: [], binaries: [], installSize: 0, downloadSize: 0, ga: false,
  };
}

export async function readRpmDb(ctx: Ctx): Promise<InstalledPackage[]> {
  try {
    return parseRpmDb(decoder.decode(await ctx.sys.readFile(RPMDB_PATH)));
  } catch (e) {
    if (isSysError(e) && e.errno === 'ENOENT') return [];
    if (isSysError(e)) throw systemError(e.errno);
    throw e;
  }
}

export async function readHistory(ctx: Ctx): Promise<HistoryDb | undefined> {
  try {
    return parseHistory(decoder.decode(await ctx.sys.readFile(HISTORY_PATH)));
  } catch (e) {
    if (isSysError(e) && e.errno === 'ENOENT') return undefined;
    if (isSysError(e)) throw systemError(e.errno);
    throw e;
  }
}

export class Session {
  conf!: TdnfConf;
  repos!: Repo[];
  catalog!: Catalog;
  installedPkgs: InstalledPackage[] = [];
  loads: RepoLoad[] = [];
  pool!: Pool;
  private builds = new Map<string, Build>();

  constructor(
    readonly ctx: Ctx,
    readonly args: CmdArgs,
    readonly out: Out,
  ) {}

  get sys(): Ctx['sys'] {
    return this.ctx.sys;
  }

  opt(name: string): boolean {
    return this.args.opts.has(name);
  }

  /** Configuration and repos (every command needs these). */
  async open(): Promise<void> {
    this.conf = await readConf(this.sys, this.args.opts.get('config')?.at(-1));
    this.repos = await readRepos(this.sys, this.conf);
    applyRepoOptions(this.repos, this.args);
    this.catalog = await loadCatalog();
    this.builds = new Map(this.catalog.builds.map((b) => [nevra(b), b]));
    this.installedPkgs = await readRpmDb(this.ctx);
  }

  buildOf(p: InstalledPackage): Build {
    return this.builds.get(`${p.name}-${p.epoch ? `${p.epoch}:` : ''}${p.version}-${p.release}.${p.arch}`) ?? unknownBuild(p);
  }

  /** TDNFRefresh, then the pool. */
  async refresh(): Promise<void> {
    try {
      this.loads = await loadRepoData(this.sys, this.out, this.catalog, this.repos, {
        cachedir: this.conf.cachedir,
        refresh: this.opt('refresh'),
        cacheOnly: this.opt('cacheonly'),
        verbose: this.args.verbose,
      });
    } catch (e) {
      if (e instanceof TdnfError && e.code === E.SYSTEM_BASE + 13 && this.sys.geteuid() !== 0) {
        await this.out.err('\ntdnf repo cache needs to be refreshed but you have insufficient permissions\nYou can use one of the below methods to workaround this\n1. Login as root and refresh cache\n2. Use -c (--config) with a configuration file that has \'cachedir\' set to a directory where you have access\n3. Use -C (--cacheonly) and use the existing cache in the system\n\n');
      }
      throw e;
    }
    this.buildPool();
  }

  buildPool(): void {
    const excludes = [...this.conf.excludes, ...listOpt(this.args, 'exclude')];
    const excluded = (b: Build): boolean => !this.opt('disableexcludes') && excludes.some((p) => fnmatch(p, b.name));
    this.pool = new Pool(
      // imported keys live in the rpm database as gpg-pubkey headers; libsolv leaves them out
      this.installedPkgs.filter((p) => p.name !== 'gpg-pubkey').map((p) => ({ build: this.buildOf(p), files: p.files.map((f) => f.path) })),
      this.loads.map((l) => ({ id: l.repo.id, priority: l.repo.priority, builds: l.builds.filter((b) => !excluded(b)) })),
      programsByPkg(),
    );
  }

  installedByName(name: string): Solvable | undefined {
    return this.pool.installedByName(name);
  }

  installedRecord(name: string): InstalledPackage | undefined {
    return this.installedPkgs.find((p) => p.name === name);
  }
}
