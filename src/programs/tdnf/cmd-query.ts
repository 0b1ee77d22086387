// The read-only commands over the pool: list, info, search, provides/whatprovides, repoquery,
// count and check-update (tools/cli/lib/api.c for the layouts, client/api.c for the queries).
import { compareEvr } from '../../subsystems/rpmdb/evr';
import { evrOf, nvra, type Solvable } from '../../subsystems/rpmdb/pool';
import { E, TdnfError } from './errors';
import { formatSize, padEnd, padStart } from './output';
import type { Session } from './session';
import { select } from './spec';

type Scope = 'all' | 'installed' | 'available' | 'extras' | 'obsoletes' | 'recent' | 'upgrades' | 'downgrades';
const SCOPES: Readonly<Record<string, Scope>> = {
  all: 'all', installed: 'installed', available: 'available', extras: 'extras', obsoletes: 'obsoletes', recent: 'recent', upgrades: 'upgrades', updates: 'upgrades', downgrades: 'downgrades',
};

export const evrText = (s: Solvable): string => `${s.build.epoch ? `${s.build.epoch}:` : ''}${s.build.version}-${s.build.release}`;

/** The best update (or downgrade) of each installed package (SolvFindAllUpDownCandidates). */
export function upDownCandidates(session: Session, installed: readonly Solvable[], up: boolean): Solvable[] {
  const out: Solvable[] = [];
  for (const i of installed) {
    const cands = session.pool.availableByName(i.build.name).filter((a) => a.build.arch === i.build.arch || a.build.arch === 'noarch');
    let best: Solvable | undefined;
    for (const a of cands) {
      const c = compareEvr(evrOf(a.build), evrOf(i.build));
      if (up ? c <= 0 : c >= 0) continue;
      if (!best || compareEvr(evrOf(a.build), evrOf(best.build)) > 0) best = a;
    }
    if (best) out.push(best);
  }
  return out;
}

/** TDNFListInternal: scope, then the specs (each printing how it matched). */
async function query(session: Session, scope: Scope, specs: readonly string[]): Promise<Solvable[]> {
  const pool = session.pool;
  if (scope === 'upgrades' || scope === 'downgrades') {
    const installed = specs.length ? specs.map((n) => pool.installedByName(n)).filter((s): s is Solvable => !!s) : pool.installed;
    return upDownCandidates(session, installed, scope === 'upgrades');
  }
  const candidates = scope === 'installed' ? pool.installed : scope === 'available' ? pool.available : pool.solvables;
  if (specs.length === 0) return [...candidates];
  const out: Solvable[] = [];
  for (const spec of specs) {
    const sel = select(pool, spec, candidates, { provides: true });
    if (sel.hits.length === 0) continue;
    if (sel.nocase) await session.out.info(`[ignoring case for '${spec}']\n`);
    if (sel.how === 'provides') await session.out.info(`[using capability match for '${spec}']\n`);
    for (const h of sel.hits) if (!out.includes(h)) out.push(h);
  }
  return out;
}

function scopeAndSpecs(session: Session): { scope: Scope; specs: string[] } {
  let scope: Scope = 'all';
  for (const name of session.args.opts.keys()) if (SCOPES[name]) scope = SCOPES[name]!;
  const rest = session.args.cmds.slice(1);
  const first = rest[0];
  if (first !== undefined && SCOPES[first]) return { scope: SCOPES[first]!, specs: rest.slice(1) };
  return { scope, specs: rest };
}

async function listed(session: Session): Promise<Solvable[]> {
  const { scope, specs } = scopeAndSpecs(session);
  await session.refresh();
  const found = await query(session, scope, specs);
  if (found.length === 0 && specs.length > 0 && !session.args.json) throw new TdnfError(E.NO_MATCH);
  return found;
}

export async function printList(session: Session, found: readonly Solvable[]): Promise<void> {
  const out = session.out;
  if (out.json) {
    await out.jsonOut(found.map((s) => ({ Name: s.build.name, Arch: s.build.arch, Evr: evrText(s), Repo: s.repo })));
    return;
  }
  const [w0 = 44, w1 = 20, w2 = 12] = out.columns([55, 25, 15]);
  for (const s of found) {
    await out.crit(`${padEnd(`${s.build.name}.${s.build.arch} `, w0)} ${padEnd(`${evrText(s)} `, w1)} ${padStart(s.repo, w2)}\n`);
    await session.sys.tick();
  }
}

export async function cmdList(session: Session): Promise<void> {
  await printList(session, await listed(session));
}

export async function cmdInfo(session: Session): Promise<void> {
  const found = await listed(session);
  const out = session.out;
  const size = (s: Solvable): number => s.build.installSize;
  const dl = (s: Solvable): number => (s.installed ? 0 : s.build.downloadSize);
  if (out.json) {
    await out.jsonOut(found.map((s) => ({
      Name: s.build.name, Arch: s.build.arch, Evr: evrText(s), Repo: s.repo, Url: s.build.url, InstallSize: size(s),
      ...(dl(s) ? { DownloadSize: dl(s) } : {}), Summary: s.build.summary, License: s.build.license, Description: s.build.description,
    })));
    return;
  }
  let total = 0;
  for (const s of found) {
    const b = s.build;
    total += size(s);
    await out.crit(`Name          : ${b.name}\nArch          : ${b.arch}\nEpoch         : ${b.epoch}\nVersion       : ${b.version}\nRelease       : ${b.release}\nInstall Size  : ${formatSize(size(s))} (${size(s)})\n`);
    if (dl(s)) await out.crit(`Download Size  : ${formatSize(dl(s))} (${dl(s)})\n`);
    await out.crit(`Repo          : ${s.repo}\nSummary       : ${b.summary}\nURL           : ${b.url}\nLicense       : ${b.license}\nDescription   : ${b.description}\n\n`);
  }
  if (found.length) await out.crit(`\nTotal Size: ${formatSize(total)} (${total})\n`);
}

export async function cmdSearch(session: Session): Promise<void> {
  const args = session.args.cmds;
  const start = args.length > 1 && args[1]!.toLowerCase().startsWith('all') ? 2 : 1;
  await session.refresh();
  const found: Solvable[] = [];
  for (const term of args.slice(start)) {
    const t = term.toLowerCase();
    for (const s of session.pool.solvables) {
      const b = s.build;
      if (b.name.toLowerCase().includes(t) || b.summary.toLowerCase().includes(t) || b.description.toLowerCase().includes(t)) found.push(s);
    }
  }
  if (found.length === 0) throw new TdnfError(E.NO_SEARCH_RESULTS);
  if (session.out.json) {
    await session.out.jsonOut(found.map((s) => ({ Name: s.build.name, Summary: s.build.summary })));
    return;
  }
  for (const s of found) await session.out.crit(`${s.build.name} : ${s.build.summary}\n`);
}

export async function cmdProvides(session: Session): Promise<void> {
  const spec = session.args.cmds[1];
  if (spec === undefined) throw new TdnfError(E.CLI_PROVIDES_EXPECT_ARG);
  await session.refresh();
  const pool = session.pool;
  const sel = select(pool, spec, pool.solvables, { provides: true, filelist: true });
  if (sel.hits.length === 0) throw new TdnfError(E.NO_DATA);
  if (sel.how === 'filelist') await session.out.info(`[using file list match for '${spec}']\n`);
  if (sel.how === 'provides') await session.out.info(`[using capability match for '${spec}']\n`);
  // TDNFPopulatePkgInfos builds a linked list by prepending: the last match prints first
  const hits = [...sel.hits].reverse();
  if (session.out.json) {
    await session.out.jsonOut(hits.map((s) => ({ Name: s.build.name, Arch: s.build.arch, Evr: evrText(s), Summary: s.build.summary })));
    return;
  }
  for (const s of hits) await session.out.crit(`${s.build.name}-${evrText(s)}.${s.build.arch} : ${s.build.summary}\nRepo\t : ${s.repo}\n`);
}

export async function cmdCount(session: Session): Promise<void> {
  await session.refresh();
  const n = session.pool.solvables.length;
  if (session.out.json) await session.out.ctx.out.write(String(n));
  else await session.out.crit(`Package count = ${n}\n`);
}

export async function cmdCheckUpdate(session: Session): Promise<number> {
  await session.refresh();
  const found = await query(session, 'upgrades', session.args.cmds.slice(1));
  if (session.conf.checkUpdateCompat || session.out.json) {
    await printList(session, found);
    return session.conf.checkUpdateCompat && found.length > 0 ? E.CHECK_UPDATES_AVAILABLE : 0;
  }
  // the 3.5 layout: the repo right-aligned at 80, a literal "%s" (a format bug), then name.arch
  for (const s of found) await session.out.crit(`${padStart(s.repo, 80)}\r%s\r${s.build.name}.${s.build.arch}\n`);
  return 0;
}

export async function cmdRepoquery(session: Session): Promise<void> {
  const specs = session.args.cmds.slice(1);
  if (specs.length > 1) throw new TdnfError(E.CLI_INVALID_ARGUMENT);
  await session.refresh();
  const pool = session.pool;
  const o = (n: string): boolean => session.args.opts.has(n);
  let candidates: readonly Solvable[] = o('installed') ? pool.installed : o('available') ? pool.available : pool.solvables;
  if (o('upgrades')) candidates = upDownCandidates(session, pool.installed, true);
  if (o('extras')) candidates = pool.installed.filter((i) => !pool.available.some((a) => a.build.name === i.build.name && compareEvr(evrOf(a.build), evrOf(i.build)) === 0));
  let found = specs.length ? select(pool, specs[0]!, candidates, { provides: true }).hits : [...candidates];
  const whatprovides = session.args.opts.get('whatprovides');
  if (whatprovides) {
    const deps = whatprovides.flatMap((v) => v.split(','));
    const providers = new Set(deps.flatMap((d) => pool.whatProvides({ name: d, text: d })));
    found = found.filter((s) => providers.has(s));
  }
  const whatrequires = session.args.opts.get('whatrequires');
  if (whatrequires) {
    const deps = new Set(whatrequires.flatMap((v) => v.split(',')));
    found = found.filter((s) => pool.requirements(s).some((r) => r.anyOf.some((d) => deps.has(d.name))));
  }
  const out = session.out;
  const lines: string[] = [];
  const listKey = o('list') ? 'list' : o('requires') ? 'requires' : o('provides') ? 'provides' : o('conflicts') ? 'conflicts' : o('obsoletes') ? 'obsoletes' : undefined;
  if (out.json) {
    await out.jsonOut(found.map((s) => ({ Nevra: nvra(s.build), Name: s.build.name, Arch: s.build.arch, Evr: evrText(s), Repo: s.repo })));
    return;
  }
  if (!listKey) {
    for (const s of found) await out.crit(`${nvra(s.build)}\n`);
    return;
  }
  for (const s of found) {
    const b = s.build;
    if (listKey === 'list') lines.push(...s.files);
    else if (listKey === 'requires') lines.push(...b.requires);
    else if (listKey === 'provides') lines.push(`${b.name} = ${evrText(s)}`, ...b.provides);
    else lines.push(...(listKey === 'conflicts' ? b.conflicts : b.obsoletes));
  }
  const sorted = [...new Set(lines)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const l of sorted) await out.crit(`${l}\n`);
}
