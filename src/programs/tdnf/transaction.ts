// Running a solved transaction the way tdnf drives rpm (client/rpmtrans.c): download, "Testing
// transaction", "Running transaction", then each element in rpm's order: an install writes the
// package's files and runs its scriptlets (system users, %systemd_post presets), an erase runs
// %systemd_preun and deletes its files, keeping modified config files as .rpmsave. Afterwards the
// rpm database and tdnf's history are written and the service manager reloads its units.
import { HISTORY_PATH, serializeHistory, setAfter, type HistoryDb } from '../../subsystems/rpmdb/history';
import { orderTransaction, type TsElement } from '../../subsystems/rpmdb/order';
import { payload, payloadInfo, unitsOf, type PayloadEntry } from '../../subsystems/rpmdb/payload';
import { nevra, type Solvable } from '../../subsystems/rpmdb/pool';
import type { Plan } from '../../subsystems/rpmdb/solver';
import { digestText, RPMDB_PATH, serializeRpmDb, type FileRecord, type InstalledPackage } from '../../subsystems/rpmdb/rpmdb';
import { E, TdnfError } from './errors';
import { progress } from './output';
import { mkdirs, ownedElsewhere, readTextOr, removeFiles, scriptlet, writeEntry, type Io } from './files';
import { reach, retriable } from './network';
import { programsByPkg, readHistory, type Session } from './session';

/** The elements in tdnf's order of adding them to the rpm transaction set (table order). */
export function tsElements(plan: Plan): TsElement[] {
  const rev = <T,>(l: readonly T[]): T[] => [...l].reverse();
  const els: TsElement[] = [];
  for (const s of rev(plan.install)) els.push({ s, kind: 'install' });
  for (const s of rev(plan.reinstall)) els.push({ s, kind: 'install' });
  for (const s of rev(plan.upgrade)) {
    els.push({ s, kind: 'install' });
    const old = plan.replaces.get(s);
    if (old) els.push({ s: old, kind: 'erase' });
  }
  for (const s of rev(plan.remove)) els.push({ s, kind: 'erase' });
  for (const s of rev(plan.obsolete)) els.push({ s, kind: 'erase' });
  for (const s of rev(plan.downgrade)) els.push({ s, kind: 'install' });
  for (const s of rev(plan.downgrade)) {
    const old = plan.replaces.get(s);
    if (old) els.push({ s: old, kind: 'erase' });
  }
  return els;
}

export const sessionIo = (session: Session): Io => ({
  sys: session.sys,
  env: session.ctx.env,
  warn: (t) => session.out.err(t),
  flush: () => session.out.flush(),
});

async function exists(session: Session, path: string): Promise<boolean> {
  try {
    await session.sys.lstat(path);
    return true;
  } catch {
    return false;
  }
}

async function ensureUsers(session: Session, name: string): Promise<void> {
  const users = payloadInfo(name)?.users ?? [];
  if (users.length === 0) return;
  const passwd = (await readTextOr(session, '/etc/passwd')) ?? '';
  for (const [user, home, comment] of users) {
    if (passwd.split('\n').some((l) => l.startsWith(`${user}:`))) continue;
    await scriptlet(sessionIo(session), '/usr/sbin/useradd', ['useradd', '-r', '-U', '-M', '-d', home, '-s', '/bin/false', '-c', comment, user]);
  }
}

/** Downloads the packages to install (network check, -v progress lines, the cache for --downloadonly). */
async function download(session: Session, pkgs: readonly Solvable[], keep: boolean): Promise<void> {
  const checked = new Set<string>();
  for (const s of pkgs) {
    const repo = session.repos.find((r) => r.id === s.repo);
    const url = repo?.baseurls[0] ?? '';
    if (repo && !checked.has(repo.id) && !url.startsWith('file://')) {
      checked.add(repo.id);
      for (let attempt = 0; ; attempt++) {
        if (attempt > 0) await session.out.info(`retrying ${attempt}/${repo.retries}\n`);
        const r = await reach(session.sys, url);
        if (r.ok) break;
        if (attempt >= repo.retries || !retriable(r.curl)) throw new TdnfError(E.CURL_BASE + r.curl);
      }
    }
    const file = `${session.conf.cachedir}/${s.repo}/rpms/${s.build.name}-${s.build.version}-${s.build.release}.${s.build.arch}.rpm`;
    if (await exists(session, file)) {
      await session.out.info(`${s.build.name} package already downloaded\n`);
      continue;
    }
    await progress(session.out, session.args.verbose, s.build.name, s.build.downloadSize);
    if (keep) {
      await mkdirs(session, file.slice(0, file.lastIndexOf('/')));
      await session.sys.writeFile(file, `photon-sim rpm ${nevra(s.build)}\n`, { mode: 0o644 });
    }
  }
}

export interface RunOptions {
  /** Names the user asked for (installed as user packages, not dependencies). */
  userNames: ReadonlySet<string>;
  /** Names to mark as dependencies (autoremove's), e.g. from history. */
  cmdline: string;
}

/** Appends a history entry, reconciling changes made with rpm outside tdnf first ("(unknown)"). */
function recordHistory(history: HistoryDb, before: readonly InstalledPackage[], after: readonly InstalledPackage[], cmdline: string, now: number): void {
  const key = (p: InstalledPackage): string => `${p.name}-${p.epoch ? `${p.epoch}:` : ''}${p.version}-${p.release}.${p.arch}`;
  const last = history.entries.at(-1)?.id ?? 0;
  const known = setAfter(history, last);
  const actual = new Set(before.map(key));
  const gone = [...known].filter((k) => !actual.has(k));
  const came = [...actual].filter((k) => !known.has(k));
  let id = last;
  if (gone.length || came.length) history.entries.push({ id: ++id, cmdline: '(unknown)', time: now, added: came, removed: gone });
  const afterSet = new Set(after.map(key));
  const sorted = (l: string[]): string[] => l.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  history.entries.push({ id: ++id, cmdline, time: now, added: sorted([...afterSet].filter((k) => !actual.has(k))), removed: sorted([...actual].filter((k) => !afterSet.has(k))) });
}

/** rpm's file conflict check: a new package may not replace a file another package keeps. */
function fileConflicts(db: ReadonlyMap<string, InstalledPackage>, going: ReadonlySet<string>, payloads: ReadonlyMap<Solvable, PayloadEntry[]>): string[] {
  const owner = new Map<string, InstalledPackage>();
  for (const [name, p] of db) if (!going.has(name)) for (const f of p.files) if ((f.mode & 0o170000) !== 0o040000) owner.set(f.path, p);
  const problems: string[] = [];
  for (const [s, entries] of payloads) {
    for (const e of entries) {
      const o = owner.get(e.path);
      if (!o || o.name === s.build.name || e.type === 'dir') continue;
      if (e.type === 'file' && o.files.some((f) => f.path === e.path && f.digest === digestText(e.text ?? ''))) continue;
      problems.push(`file ${e.path} from install of ${nevra(s.build)} conflicts with file from package ${o.name}-${o.epoch ? `${o.epoch}:` : ''}${o.version}-${o.release}.${o.arch}`);
    }
  }
  return problems;
}

export async function runTransaction(session: Session, plan: Plan, opts: RunOptions): Promise<void> {
  const out = session.out;
  const io = sessionIo(session);
  const news = [...plan.install, ...plan.upgrade, ...plan.downgrade, ...plan.reinstall];
  await download(session, news, session.opt('downloadonly') || session.conf.keepcache);
  if (session.opt('downloadonly')) return;
  await out.info('Testing transaction\n');
  const db = new Map(session.installedPkgs.map((p) => [p.name, p]));
  const payloads = new Map(news.map((s) => [s, payload(s.build, programsByPkg().get(s.build.name) ?? [])]));
  const going = new Set([...plan.remove, ...plan.obsolete, ...news].map((s) => s.build.name));
  const problems = fileConflicts(db, going, payloads);
  if (problems.length) {
    await out.crit(`Found ${problems.length} problems\n`);
    for (const p of problems) await out.crit(`${p}\n`);
    throw new TdnfError(E.TRANSACTION_FAILED);
  }
  await out.info('Running transaction\n');
  const ordered = orderTransaction(session.pool, tsElements(plan));
  const before = [...session.installedPkgs];
  const now = Math.floor(session.sys.now() / 1000);
  const upgradedNames = new Set([...plan.upgrade, ...plan.downgrade, ...plan.reinstall].map((s) => s.build.name));
  let unitsChanged = false;
  for (const el of ordered) {
    const b = el.s.build;
    await session.sys.tick();
    if (el.kind === 'install') {
      await out.info(`Installing/Updating: ${nevra(b)}\n`);
      await ensureUsers(session, b.name);
      const old = db.get(b.name);
      const oldByPath = new Map((old?.files ?? []).map((f) => [f.path, f]));
      const files: FileRecord[] = [];
      for (const e of payloads.get(el.s) ?? []) {
        // an update keeps the files its older build laid down (the image's own, the admin's edits)
        const prev = oldByPath.get(e.path);
        if (prev && (await exists(session, e.path))) files.push(prev);
        else files.push(await writeEntry(io, e, prev));
        oldByPath.delete(e.path);
      }
      // what the older build owned beyond the new payload stays owned rather than vanishing
      files.push(...oldByPath.values());
      db.delete(b.name);
      db.set(b.name, { name: b.name, epoch: b.epoch, version: b.version, release: b.release, arch: b.arch, installTime: now, from: el.s.repo, files });
      const unitPaths = unitsOf(b);
      if (unitPaths.length) unitsChanged = true;
      // %systemd_post: a first install presets its system units (upgrades keep the admin's
      // choice); user units (emacs.service in /usr/lib/systemd/user) are the user manager's
      const units = unitPaths.filter((u) => !u.includes('/systemd/user/')).map((u) => u.slice(u.lastIndexOf('/') + 1));
      if (units.length && !upgradedNames.has(b.name)) await scriptlet(io, '/usr/bin/systemctl', ['systemctl', '--no-reload', 'preset', ...units]);
    } else {
      await out.info(`Removing: ${nevra(b)}\n`);
      if (upgradedNames.has(b.name)) continue;
      const rec = db.get(b.name);
      const units = unitsOf(b).map((u) => u.slice(u.lastIndexOf('/') + 1));
      // %systemd_preun: a package going away disables and stops its units
      if (units.length) {
        unitsChanged = true;
        await scriptlet(io, '/usr/bin/systemctl', ['systemctl', '--no-reload', 'disable', '--now', '--no-warn', ...units]);
      }
      db.delete(b.name);
      if (rec) await removeFiles(io, rec.files, ownedElsewhere(db, b.name));
    }
  }
  const after = [...db.values()];
  await session.sys.writeFile(RPMDB_PATH, serializeRpmDb(after));
  const history = (await readHistory(session.ctx)) ?? { entries: [], auto: new Set<string>() };
  recordHistory(history, before, after, opts.cmdline, now);
  for (const s of plan.install) if (!opts.userNames.has(s.build.name)) history.auto.add(s.build.name);
  for (const n of opts.userNames) history.auto.delete(n);
  for (const s of [...plan.remove, ...plan.obsolete]) history.auto.delete(s.build.name);
  await mkdirs(session, HISTORY_PATH.slice(0, HISTORY_PATH.lastIndexOf('/')));
  await session.sys.writeFile(HISTORY_PATH, serializeHistory(history));
  session.installedPkgs = after;
  // systemd's file trigger: the manager reloads once units changed
  if (unitsChanged) await session.sys.call('systemd', { kind: 'daemon-reload' }).catch(() => undefined);
}
