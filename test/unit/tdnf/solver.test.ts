// The dependency solver over the real catalog: closures, upgrades that drag their pinned
// partners along, erases that take their dependents, obsoletes and protected packages.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog, type Build, type Catalog } from '../../../src/subsystems/rpmdb/catalog';
import { bootPackages } from '../../../src/kernel/image/repo-files';
import { programsByPkg } from '../../../src/programs/tdnf/session';
import { nevra, Pool, type Solvable } from '../../../src/subsystems/rpmdb/pool';
import { solve } from '../../../src/subsystems/rpmdb/solver';
import { orderTransaction } from '../../../src/subsystems/rpmdb/order';
import { tsElements } from '../../../src/programs/tdnf/transaction';

let catalog: Catalog;
let boot: Build[];

beforeAll(async () => {
  catalog = await loadCatalog();
  const byKey = new Map(catalog.builds.map((b) => [nevra(b), b]));
  boot = bootPackages().map((b) => byKey.get(`${b.name}-${b.epoch ? `${b.epoch}:` : ''}${b.version}-${b.release}.${b.arch}`)!);
});

const poolOf = (installed: Build[]): Pool => new Pool(installed.map((build) => ({ build })), [{ id: 'photon-updates', priority: 50, builds: catalog.builds }], programsByPkg());
const newest = (pool: Pool, name: string): Solvable => pool.availableByName(name).filter((s) => !s.build.ga).at(-1)!;
const names = (l: readonly Solvable[]): string[] => l.map((s) => s.build.name).sort();

describe('solver', () => {
  it('installs docker on an empty system with containerd, runc and the rest of its closure', () => {
    const pool = poolOf([]);
    const plan = solve(pool, { install: [newest(pool, 'docker')], erase: [] });
    expect(plan.problems).toEqual([]);
    const got = new Set(names(plan.install));
    for (const n of ['docker', 'docker-cli', 'docker-engine', 'containerd', 'containerd-extras', 'runc', 'tini', 'iptables', 'libseccomp', 'systemd', 'glibc']) expect(got.has(n), n).toBe(true);
    // the result is closed: every requirement of every package is met inside it
    const chosen = new Set(plan.install);
    const unmet = plan.install.flatMap((s) => pool.requirements(s).filter((r) => !r.anyOf.some((d) => pool.whatProvides(d).some((p) => chosen.has(p)))).map((r) => `${s.build.name}: ${r.text}`));
    expect(unmet).toEqual([]);
    // rpm's order puts what docker-engine needs before it
    const order = orderTransaction(pool, tsElements(plan)).map((e) => e.s.build.name);
    expect(order.indexOf('containerd')).toBeLessThan(order.indexOf('docker-engine'));
    expect(order.indexOf('docker-engine')).toBeLessThan(order.indexOf('docker'));
  });

  it('installs nginx alone on the minimal install', () => {
    const pool = poolOf(boot);
    const plan = solve(pool, { install: [newest(pool, 'nginx')], erase: [] });
    expect([plan.problems, names(plan.install), plan.upgrade.length]).toEqual([[], ['nginx'], 0]);
  });

  it('upgrades the packages pinned to the same build (docker pulls docker-cli and docker-engine)', () => {
    const pool = poolOf(boot);
    const plan = solve(pool, { install: [newest(pool, 'docker')], erase: [] });
    expect(plan.problems).toEqual([]);
    expect(names(plan.upgrade)).toEqual(expect.arrayContaining(['docker', 'docker-cli', 'docker-engine']));
    for (const s of plan.upgrade) expect(plan.replaces.get(s)?.build.name).toBe(s.build.name);
  });

  it('erases the packages that need an erased one, and flags protected ones', () => {
    const pool = poolOf(boot);
    const containerd = pool.installedByName('containerd')!;
    const plan = solve(pool, { install: [], erase: [containerd] }, { protectedNames: new Set(['tdnf']) });
    expect(names(plan.remove)).toEqual(['containerd', 'containerd-extras', 'docker', 'docker-engine', 'minimal']);
    const bash = solve(pool, { install: [], erase: [pool.installedByName('bash')!] }, { protectedNames: new Set(['tdnf']) });
    expect(bash.protectedHits).toContainEqual(['tdnf', 'removed']);
  });

  it('honours obsoletes: coreutils-selinux replaces coreutils', () => {
    const pool = poolOf(boot);
    const plan = solve(pool, { install: [newest(pool, 'coreutils-selinux')], erase: [] });
    expect(names(plan.obsolete)).toContain('coreutils');
  });

  it('reports a requirement nothing provides as libsolv words it', () => {
    const pool = poolOf(boot);
    const plan = solve(pool, { install: [newest(pool, 'cryptsetup')], erase: [] });
    expect(plan.problems).toContain(`nothing provides cryptsetup-libs = ${newest(pool, 'cryptsetup').build.version}-${newest(pool, 'cryptsetup').build.release} needed by ${nevra(newest(pool, 'cryptsetup').build)}`);
  });
});
