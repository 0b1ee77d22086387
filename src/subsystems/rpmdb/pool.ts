// The solver's pool (libsolv's word): every candidate package, installed (@System) or offered
// by an enabled repository, with an index of what each one provides: its own name and version,
// its Provides, and the files it ships (so `Requires: /usr/sbin/useradd` finds shadow).
import type { Build } from './catalog';
import { compareEvr, evrSatisfies, parseEvr, type Evr } from './evr';
import { parseRequirement, type Dep, type Requirement } from './deps';
import { payloadPaths, type ProgramRef } from './payload';

export const SYSTEM_REPO = '@System';

export interface Solvable {
  id: number;
  build: Build;
  /** '@System' for installed packages, else the repository id. */
  repo: string;
  installed: boolean;
  /** The files it ships (installed: from the rpm database). */
  files: readonly string[];
}

export interface RepoContent {
  id: string;
  /** Lower wins, as tdnf's `priority=` (default 50). */
  priority: number;
  builds: readonly Build[];
}

interface Provide {
  s: Solvable;
  evr?: Evr;
}

export const evrOf = (b: Build): Evr => ({ epoch: b.epoch, version: b.version, release: b.release });

/** `name-[epoch:]version-release.arch` (rpm's %{NEVRA}). */
export function nevra(b: Build): string {
  return `${b.name}-${b.epoch ? `${b.epoch}:` : ''}${b.version}-${b.release}.${b.arch}`;
}

/** `name-version-release.arch`, without the epoch (repoquery and rpm -q print this). */
export function nvra(b: Build): string {
  return `${b.name}-${b.version}-${b.release}.${b.arch}`;
}

export const sameBuild = (a: Build, b: Build): boolean =>
  a.name === b.name && a.epoch === b.epoch && a.version === b.version && a.release === b.release && a.arch === b.arch;

/** Sorts by name (byte order, as libsolv's pool), then by version. */
export function byNameEvr(a: Solvable, b: Solvable): number {
  if (a.build.name !== b.build.name) return a.build.name < b.build.name ? -1 : 1;
  return compareEvr(evrOf(a.build), evrOf(b.build));
}

export class Pool {
  readonly solvables: Solvable[] = [];
  readonly installed: Solvable[] = [];
  readonly available: Solvable[] = [];
  readonly byName = new Map<string, Solvable[]>();
  /** Capabilities: package names and Provides. */
  private readonly provides = new Map<string, Provide[]>();
  /** Files: what each package ships (installed: the rpm database; available: its payload). */
  private readonly files = new Map<string, Solvable[]>();
  private readonly requirementCache = new Map<string, Requirement>();

  /**
   * @param programs simulated programs by package (the registry's `pkg`), so a package whose
   *   %files has a glob such as /usr/bin/* still ships its known programs.
   */
  constructor(installed: readonly { build: Build; files?: readonly string[] }[], repos: readonly RepoContent[], programs: ReadonlyMap<string, readonly ProgramRef[]>) {
    for (const i of [...installed].sort((a, b) => (a.build.name < b.build.name ? -1 : a.build.name > b.build.name ? 1 : 0))) {
      const s = this.add(i.build, SYSTEM_REPO, true, i.files ?? payloadPaths(i.build, programs.get(i.build.name) ?? []));
      this.installed.push(s);
    }
    for (const repo of [...repos].sort((a, b) => a.priority - b.priority)) {
      const builds = [...repo.builds].sort((a, b) => (a.name !== b.name ? (a.name < b.name ? -1 : 1) : compareEvr(evrOf(a), evrOf(b))));
      for (const b of builds) this.available.push(this.add(b, repo.id, false, payloadPaths(b, programs.get(b.name) ?? [])));
    }
  }

  private add(build: Build, repo: string, installed: boolean, files: readonly string[]): Solvable {
    const s: Solvable = { id: this.solvables.length, build, repo, installed, files };
    this.solvables.push(s);
    const same = this.byName.get(build.name) ?? [];
    same.push(s);
    this.byName.set(build.name, same);
    this.provide(build.name, s, evrOf(build));
    for (const p of build.provides) {
      const m = /^(\S+)\s*=\s*(\S+)$/.exec(p);
      if (m) this.provide(m[1]!, s, parseEvr(m[2]!));
      else this.provide(p.trim(), s);
    }
    for (const f of files) {
      const list = this.files.get(f);
      if (!list) this.files.set(f, [s]);
      else if (list[list.length - 1] !== s) list.push(s);
    }
    return s;
  }

  private provide(cap: string, s: Solvable, evr?: Evr): void {
    const list = this.provides.get(cap);
    const entry: Provide = evr ? { s, evr } : { s };
    if (!list) this.provides.set(cap, [entry]);
    else if (list[list.length - 1]?.s !== s) list.push(entry);
  }

  /** Every solvable that provides `dep` as a capability or, for a path, as a file (pool order). */
  whatProvides(dep: Dep): Solvable[] {
    const out = this.whatProvidesCapability(dep);
    if (dep.name.startsWith('/') && !dep.op) for (const s of this.whatProvidesFile(dep.name)) if (!out.includes(s)) out.push(s);
    return out;
  }

  whatProvidesCapability(dep: Dep): Solvable[] {
    const out: Solvable[] = [];
    for (const p of this.provides.get(dep.name) ?? []) if (evrSatisfies(p.evr, dep.op, dep.evr) && !out.includes(p.s)) out.push(p.s);
    return out;
  }

  whatProvidesFile(path: string): Solvable[] {
    return [...(this.files.get(path) ?? [])];
  }

  /** Capability names (for glob matching in `tdnf provides`). */
  capabilities(): IterableIterator<string> {
    return this.provides.keys();
  }

  filePaths(): IterableIterator<string> {
    return this.files.keys();
  }

  /** Whether `s` provides `dep` (used for conflicts and obsoletes). */
  doesProvide(s: Solvable, dep: Dep): boolean {
    return (this.provides.get(dep.name) ?? []).some((p) => p.s === s && evrSatisfies(p.evr, dep.op, dep.evr));
  }

  requirements(s: Solvable): Requirement[] {
    return s.build.requires.map((r) => {
      let req = this.requirementCache.get(r);
      if (!req) {
        req = parseRequirement(r);
        this.requirementCache.set(r, req);
      }
      return req;
    });
  }

  installedByName(name: string): Solvable | undefined {
    return (this.byName.get(name) ?? []).find((s) => s.installed);
  }

  availableByName(name: string): Solvable[] {
    return (this.byName.get(name) ?? []).filter((s) => !s.installed);
  }
}
