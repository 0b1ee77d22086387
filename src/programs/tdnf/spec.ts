// Package specs as tdnf hands them to libsolv's selection_make: a name or glob (nano, ng*),
// name.arch, a canonical name-[epoch:]version-release[.arch], or a relation (nano>=8,
// nano=7.0-1.ph5); then, if nothing matched, a capability (Provides) and, for paths, the file
// lists. A spec that matches nothing case-sensitively is tried again ignoring case.
import { compareEvr, evrSatisfies, parseEvr, type DepOp } from '../../subsystems/rpmdb/evr';
import type { Build } from '../../subsystems/rpmdb/catalog';
import type { Pool, Solvable } from '../../subsystems/rpmdb/pool';
import { compileFnmatch } from '../lib/fnmatch';

export const isGlob = (s: string): boolean => /[*?[]/.test(s);

export type SelectHow = 'name' | 'provides' | 'filelist';

export interface Selection {
  hits: Solvable[];
  how: SelectHow;
  nocase: boolean;
}

export interface SelectOptions {
  provides?: boolean;
  filelist?: boolean;
}

const REL = /^([^<>=\s]+)\s*(<=|>=|=|<|>)\s*(\S+)$/;

function forms(b: Build): string[] {
  const e = b.epoch ? `${b.epoch}:` : '';
  return [
    b.name, `${b.name}.${b.arch}`, `${b.name}-${b.version}`, `${b.name}-${e}${b.version}-${b.release}`, `${b.name}-${e}${b.version}-${b.release}.${b.arch}`,
    ...(e ? [`${b.name}-${b.version}-${b.release}`, `${b.name}-${b.version}-${b.release}.${b.arch}`] : []),
  ];
}

/** A test of a build against the name forms of a spec (no provides). */
export function nameMatcher(spec: string, nocase = false): (b: Build) => boolean {
  const fold = (s: string): string => (nocase ? s.toLowerCase() : s);
  const rel = REL.exec(spec);
  if (rel) {
    const nameTest = isGlob(rel[1]!) ? compileFnmatch(rel[1]!, { casefold: nocase }) : (n: string) => fold(n) === fold(rel[1]!);
    const want = parseEvr(rel[3]!);
    return (b) => nameTest(b.name) && evrSatisfies({ epoch: b.epoch, version: b.version, release: b.release }, rel[2] as DepOp, want);
  }
  if (isGlob(spec)) {
    const m = compileFnmatch(spec, { casefold: nocase });
    return (b) => forms(b).some((f) => m(f));
  }
  const want = fold(spec);
  return (b) => forms(b).some((f) => fold(f) === want);
}

/** selection_make over `candidates` (already limited to a scope) with tdnf's flags. */
export function select(pool: Pool, spec: string, candidates: readonly Solvable[], opts: SelectOptions = {}): Selection {
  const inScope = new Set(candidates);
  for (const nocase of [false, true]) {
    const test = nameMatcher(spec, nocase);
    const hits = candidates.filter((s) => test(s.build));
    if (hits.length) return { hits, how: 'name', nocase };
    if (opts.provides) {
      const rel = REL.exec(spec);
      const dep = rel ? { name: rel[1]!, op: rel[2] as DepOp, evr: parseEvr(rel[3]!), text: spec } : { name: spec, text: spec };
      const capHits = nocase ? [] : pool.whatProvidesCapability(dep).filter((s) => inScope.has(s));
      if (capHits.length) return { hits: sortPool(capHits), how: 'provides', nocase };
    }
    if (opts.filelist && spec.startsWith('/') && !nocase) {
      const m = isGlob(spec) ? compileFnmatch(spec) : undefined;
      const fileHits = m ? candidates.filter((s) => s.files.some((f) => m(f))) : pool.whatProvidesFile(spec).filter((s) => inScope.has(s));
      if (fileHits.length) return { hits: sortPool(fileHits), how: 'filelist', nocase };
    }
  }
  return { hits: [], how: 'name', nocase: false };
}

const sortPool = (list: Solvable[]): Solvable[] => [...list].sort((a, b) => a.id - b.id);

/** The newest of several builds (highest EVR; the first repo in pool order on a tie). */
export function newest(list: readonly Solvable[]): Solvable | undefined {
  let best: Solvable | undefined;
  for (const s of list) if (!best || compareEvr(evr(s), evr(best)) > 0) best = s;
  return best;
}

export const evr = (s: Solvable): { epoch: number; version: string; release: string } => ({ epoch: s.build.epoch, version: s.build.version, release: s.build.release });
