// package: installed or not, and which version, as the rpm database records it.
import { parseRpmDb, RPMDB_PATH, type InstalledPackage } from '../../subsystems/rpmdb/rpmdb';
import type { PackageCheck } from '../types';
import { failed, pass, type EvalContext, type Outcome } from './outcome';

// the database is a few hundred kilobytes: parse it again only when the file changed
let cache: { key: string; pkgs: InstalledPackage[] } | undefined;

export function installedPackages(ctx: EvalContext): InstalledPackage[] {
  return ctx.cached('rpmdb', () => {
    const st = ctx.host.stat(RPMDB_PATH, true);
    if (!st) return [];
    const key = `${st.ino}:${st.mtime}:${st.size}`;
    if (cache?.key === key) return cache.pkgs;
    let pkgs: InstalledPackage[] = [];
    try {
      pkgs = parseRpmDb(ctx.host.readFile(RPMDB_PATH) ?? '');
    } catch {
      // a damaged database reads as no packages, as rpm then finds none
    }
    cache = { key, pkgs };
    return pkgs;
  });
}

const evr = (p: InstalledPackage): string => `${p.version}-${p.release}`;

export function evaluatePackage(ctx: EvalContext, c: PackageCheck): Outcome {
  const found = installedPackages(ctx).filter((p) => p.name === c.name);
  const want = c.installed ?? true;
  if (!want) {
    if (found.length === 0) return pass(`${c.name} is not installed`);
    return failed(`${c.name} is still installed (${found.map((p) => `${p.name}-${evr(p)}`).join(', ')})`);
  }
  if (found.length === 0) return failed(`${c.name} is not installed`);
  if (c.version !== undefined) {
    const ok = found.some((p) => evr(p) === c.version || evr(p).startsWith(c.version!) || p.version === c.version);
    if (!ok) return failed(`${c.name} ${found.map(evr).join(', ')} is installed; the lesson wants version ${c.version}`);
  }
  return pass(`${c.name} ${found.map(evr).join(', ')} is installed`);
}
