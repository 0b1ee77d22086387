// tdnf's planning speed (issue 7 asks < 50 ms for the largest closure): parsing the catalog,
// building the pool tdnf solves over (the minimal install plus photon-updates), and planning
// `tdnf install gtk3-devel`, the package with the largest closure from the default machine
// (107 packages; found by solving every package once, see the issue's notes).
import catalogJson from '../packages-catalog/catalog';
import { bootPackages } from '../src/kernel/image/repo-files';
import { programsByPkg } from '../src/programs/tdnf/session';
import { tsElements } from '../src/programs/tdnf/transaction';
import { parseCatalog, type Build } from '../src/subsystems/rpmdb/catalog';
import { orderTransaction } from '../src/subsystems/rpmdb/order';
import { nevra, Pool } from '../src/subsystems/rpmdb/pool';
import { solve } from '../src/subsystems/rpmdb/solver';

const RUNS = 15;
const LARGEST = 'gtk3-devel';

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function time(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

export async function benchTdnf(): Promise<{ name: string; medianMs: number }[]> {
  const catalog = parseCatalog(JSON.parse(catalogJson) as unknown);
  const byKey = new Map(catalog.builds.map((b) => [nevra(b), b]));
  const boot = bootPackages().map((b) => byKey.get(`${b.name}-${b.epoch ? `${b.epoch}:` : ''}${b.version}-${b.release}.${b.arch}`)).filter((b): b is Build => !!b);
  const makePool = (): Pool => new Pool(boot.map((build) => ({ build })), [{ id: 'photon-updates', priority: 50, builds: catalog.builds }], programsByPkg());
  const pool = makePool();
  const target = pool.availableByName(LARGEST).filter((s) => !s.build.ga).at(-1);
  if (!target) throw new Error(`${LARGEST} is not in the catalog`);
  const parse: number[] = [];
  const build: number[] = [];
  const plan: number[] = [];
  let size = 0;
  for (let i = 0; i < RUNS; i++) {
    parse.push(time(() => parseCatalog(JSON.parse(catalogJson) as unknown)));
    build.push(time(() => makePool()));
    plan.push(time(() => {
      const p = solve(pool, { install: [target], erase: [] });
      orderTransaction(pool, tsElements(p));
      size = p.install.length + p.upgrade.length;
    }));
  }
  return [
    { name: 'tdnf: parse the package catalog', medianMs: median(parse) },
    { name: 'tdnf: build the pool (minimal install + photon-updates)', medianMs: median(build) },
    { name: `tdnf: plan install ${LARGEST} (${size} packages, solve + rpm order)`, medianMs: median(plan) },
  ];
}
