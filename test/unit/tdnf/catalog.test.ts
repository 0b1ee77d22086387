// The package catalog against the facts and the rest of the simulator: every requirement has a
// provider (except the two the Photon 5.0 specs themselves leave dangling), every simulated
// program belongs to exactly one real package, and the machine boots with the minimal install.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Machine } from '../../../src/kernel/machine';
import { programs } from '../../../src/programs/registry';
import { programsByPkg } from '../../../src/programs/tdnf/session';
import { stubFor } from '../../../src/kernel/exec';
import { loadCatalog } from '../../../src/subsystems/rpmdb/catalog';
import { nevra, Pool } from '../../../src/subsystems/rpmdb/pool';
import { parseRpmDb, RPMDB_PATH } from '../../../src/subsystems/rpmdb/rpmdb';
import { programStub } from '../../../src/subsystems/rpmdb/stub';
import { CONTAINER_PKG } from '../../../src/programs/containers/pkg';

const facts = JSON.parse(readFileSync(join(__dirname, '../../fixtures/tdnf/catalog-facts-subset.json'), 'utf8')) as {
  minimal_install_closure: { packages: string[] };
  packages: { name: string }[];
};

describe('package catalog', () => {
  it('holds every package of the facts, with a GA build where one existed', async () => {
    const c = await loadCatalog();
    expect(new Set(c.builds.filter((b) => !b.ga).map((b) => b.name))).toEqual(new Set(facts.packages.map((p) => p.name)));
    expect(c.builds.find((b) => b.name === 'nano' && b.ga)?.version).toBe('7.0');
  });

  it('resolves every requirement to a provider, except what Photon 5.0 itself leaves dangling', async () => {
    const c = await loadCatalog();
    const pool = new Pool([], [{ id: 'all', priority: 50, builds: c.builds }], programsByPkg());
    const dangling = new Set<string>();
    for (const s of pool.solvables) for (const r of pool.requirements(s)) if (!r.anyOf.some((d) => pool.whatProvides(d).length > 0)) dangling.add(r.anyOf[0]!.name);
    // cryptsetup-libs and systemtap-runtime are required by specs that build no such subpackage
    expect([...dangling].sort()).toEqual(['cryptsetup-libs', 'systemtap-runtime']);
  });

  it('gives every simulated program to exactly one real package', async () => {
    const c = await loadCatalog();
    const claims = new Map<string, Set<string>>();
    for (const b of c.builds) for (const path of b.binaries) if (!path.includes('*')) claims.set(path, (claims.get(path) ?? new Set()).add(b.name));
    const wrong: string[] = [];
    for (const p of programs.values()) {
      // programs that exist only in container images (hello-world's /hello, redis-server) belong to no package
      if (p.pkg === CONTAINER_PKG) continue;
      if (!p.pkg || !c.byName.has(p.pkg)) wrong.push(`${p.name}: package ${p.pkg ?? '(none)'} is not in the catalog`);
      // toybox re-implements the basic tools in one binary (an alternative, not the owner); a
      // spec's main package may list what its subpackage ships (shadow and shadow-tools)
      const source = c.byName.get(p.pkg ?? '')?.[0]?.source;
      const others = [...(claims.get(p.installPath) ?? [])].filter((n) => n !== p.pkg && n !== 'toybox' && c.byName.get(n)?.[0]?.source !== source);
      if (others.length) wrong.push(`${p.name}: ${p.installPath} is also listed by ${others.join(', ')}`);
    }
    expect(wrong).toEqual([]);
  });

  it('installs the minimal install (plus the lab image diffutils and psmisc) at boot, one kernel flavour, with the programs of those packages only', async () => {
    const m = new Machine({ clock: 'skip', services: false });
    const vfs = m.kernel.vfs;
    const db = parseRpmDb(new TextDecoder().decode(vfs.read(vfs.lookup(RPMDB_PATH)!)));
    const expected = [...facts.minimal_install_closure.packages.filter((n) => n !== 'linux'), 'diffutils', 'psmisc'].sort();
    expect(db.map((p) => p.name).sort()).toEqual(expected);
    const installed = new Set(expected);
    for (const p of programs.values()) if (p.pkg !== CONTAINER_PKG) expect(vfs.lookup(p.installPath) !== undefined, p.installPath).toBe(installed.has(p.pkg ?? ''));
    // every installed package's requirements are met at boot
    const c = await loadCatalog();
    const byKey = new Map(c.builds.map((b) => [nevra(b), b]));
    const pool = new Pool(db.map((p) => ({ build: byKey.get(`${p.name}-${p.epoch ? `${p.epoch}:` : ''}${p.version}-${p.release}.${p.arch}`)!, files: p.files.map((f) => f.path) })), [], programsByPkg());
    const broken = pool.installed.flatMap((s) => pool.requirements(s).filter((r) => !r.anyOf.some((d) => pool.whatProvides(d).length)).map((r) => `${nevra(s.build)}: ${r.text}`));
    expect(broken).toEqual([]);
  });

  it('writes program stubs exactly as the kernel runs them', () => {
    expect(programStub('tdnf')).toBe(stubFor('tdnf'));
  });
});

describe('preinstallPrograms (for tests of programs outside the minimal install)', () => {
  it('lays down the programs of the packages named', async () => {
    const { preinstallPrograms } = await import('../../fixtures/tdnf/preinstall');
    const m = new Machine({ clock: 'skip', services: false });
    preinstallPrograms(m, ['diffutils']);
    const out: Uint8Array[] = [];
    const code = await m.run(['/bin/bash', '-c', 'command -v diff cmp man; printf "a\\n" > /tmp/a; diff /tmp/a /tmp/a && echo same'], { stdout: (b) => out.push(b), stderr: () => undefined });
    expect({ out: Buffer.concat(out).toString('utf8'), code }).toEqual({ out: '/usr/bin/diff\n/usr/bin/cmp\nsame\n', code: 0 });
  });
});
