// install, reinstall, remove/erase, update/upgrade(-to), downgrade, distro-sync and autoremove
// (client/resolve.c TDNFPrepareSinglePkg, client/packageutils.c, tools/cli/lib/installcmd.c):
// each spec becomes a job or a message, the solver completes the jobs, and the transaction is
// shown, confirmed and run.
import { compareEvr } from '../../subsystems/rpmdb/evr';
import { evrOf, type Solvable } from '../../subsystems/rpmdb/pool';
import { HISTORY_PATH, serializeHistory } from '../../subsystems/rpmdb/history';
import { solve, type Goal, type Plan } from '../../subsystems/rpmdb/solver';
import { upDownCandidates } from './cmd-query';
import { E, TdnfError } from './errors';
import { readHistory, type Session } from './session';
import { confirm, needsAction, printSolved } from './solved';
import { isGlob, nameMatcher, newest, select } from './spec';
import { runTransaction } from './transaction';

export type AlterKind = 'install' | 'reinstall' | 'erase' | 'upgrade' | 'downgrade' | 'distro-sync' | 'autoerase';

interface Jobs {
  install: Solvable[];
  erase: Solvable[];
  reinstall: Solvable[];
  notResolved: string[];
  /** Names the user named (user-installed afterwards). */
  user: Set<string>;
  /** An install spec found the package already installed. */
  alreadyInstalled: boolean;
}

/** Unneeded packages: installed as dependencies and needed by nothing the user installed (libsolv's filtered unneeded). */
export function orphans(session: Session, auto: ReadonlySet<string>, without: ReadonlySet<string> = new Set()): Solvable[] {
  const pool = session.pool;
  const installed = pool.installed.filter((s) => !without.has(s.build.name));
  const reachable = new Set<Solvable>();
  const queue = installed.filter((s) => !auto.has(s.build.name));
  for (const s of queue) reachable.add(s);
  while (queue.length) {
    const s = queue.shift()!;
    for (const req of pool.requirements(s)) {
      for (const d of req.anyOf) {
        for (const p of pool.whatProvides(d)) {
          if (p.installed && !without.has(p.build.name) && !reachable.has(p)) {
            reachable.add(p);
            queue.push(p);
          }
        }
      }
    }
  }
  const unneeded = installed.filter((s) => !reachable.has(s));
  const needed = new Set<Solvable>();
  for (const u of unneeded) for (const req of pool.requirements(u)) for (const d of req.anyOf) for (const p of pool.whatProvides(d)) if (p !== u) needed.add(p);
  const leaves = unneeded.filter((u) => !needed.has(u));
  return leaves.length ? leaves : unneeded;
}

async function prepareSpec(session: Session, kind: AlterKind, name: string, jobs: Jobs): Promise<void> {
  const pool = session.pool;
  const out = session.out;
  const matching = select(pool, name, pool.solvables).hits;
  if (matching.length === 0) {
    await out.err(`${name} package not found or not installed\n`);
    if (!session.opt('skip-broken')) throw new TdnfError(E.NO_MATCH);
    return;
  }
  const test = nameMatcher(name);
  const avail = pool.available.filter((s) => test(s.build));
  const installedOf = (n: string): Solvable | undefined => pool.installedByName(n);
  switch (kind) {
    case 'install': {
      const best = newest(avail);
      if (!best) throw new TdnfError(E.NO_MATCH);
      const inst = installedOf(best.build.name);
      jobs.user.add(best.build.name);
      if (inst && compareEvr(evrOf(inst.build), evrOf(best.build)) === 0) {
        await out.err(`Package ${name} is already installed.\n`);
        jobs.alreadyInstalled = true;
      } else jobs.install.push(best);
      return;
    }
    case 'reinstall': {
      const inst = pool.installed.find((s) => test(s.build));
      const same = inst && pool.available.find((a) => a.build.name === inst.build.name && compareEvr(evrOf(a.build), evrOf(inst.build)) === 0);
      if (!same) throw new TdnfError(E.NO_MATCH);
      jobs.reinstall.push(same);
      return;
    }
    case 'erase':
    case 'autoerase':
      for (const s of pool.installed) if (test(s.build)) jobs.erase.push(s);
      return;
    case 'upgrade': {
      const best = newest(avail);
      if (!best) throw new TdnfError(E.NO_MATCH);
      const inst = installedOf(best.build.name);
      if (!inst) throw new TdnfError(E.NO_MATCH);
      if (compareEvr(evrOf(best.build), evrOf(inst.build)) > 0) jobs.install.push(best);
      return;
    }
    case 'downgrade':
    case 'distro-sync': {
      const inst = pool.installed.find((s) => test(s.build));
      if (!inst) throw new TdnfError(E.NO_MATCH);
      const target = kind === 'downgrade' ? upDownCandidates(session, [inst], false)[0] : newest(pool.availableByName(inst.build.name));
      if (!target) await out.err(`There is no downgrade path for ${name}.\n`);
      else if (compareEvr(evrOf(target.build), evrOf(inst.build)) !== 0) jobs.install.push(target);
      return;
    }
  }
}

/** The jobs for a command; specs with globs expand to every matching package name. */
async function prepare(session: Session, kind: AlterKind, specs: readonly string[]): Promise<Jobs> {
  const jobs: Jobs = { install: [], erase: [], reinstall: [], notResolved: [], user: new Set(), alreadyInstalled: false };
  const pool = session.pool;
  if (specs.length === 0) {
    if (kind === 'upgrade') jobs.install.push(...upDownCandidates(session, pool.installed, true));
    if (kind === 'downgrade' || kind === 'distro-sync') for (const s of pool.installed) await prepareSpec(session, kind, s.build.name, jobs);
    if (kind === 'autoerase') jobs.erase.push(...orphans(session, (await readHistory(session.ctx))?.auto ?? new Set()));
    return jobs;
  }
  for (const spec of specs) {
    if (isGlob(spec)) {
      const names = [...new Set(select(pool, spec, pool.solvables).hits.map((s) => s.build.name))];
      if (names.length === 0) jobs.notResolved.push(spec);
      for (const n of names) await prepareSpec(session, kind, n, jobs);
    } else await prepareSpec(session, kind, spec, jobs);
  }
  if (kind === 'autoerase') {
    const auto = (await readHistory(session.ctx))?.auto ?? new Set<string>();
    const gone = new Set(jobs.erase.map((s) => s.build.name));
    for (const o of orphans(session, auto, gone)) if (!gone.has(o.build.name)) jobs.erase.push(o);
  }
  return jobs;
}

/** Solves, reports problems and protected packages, shows, confirms and runs. */
export async function solveAndRun(session: Session, goal: Goal, opts: { user: ReadonlySet<string>; notResolved: readonly string[]; alreadyInstalled?: boolean }): Promise<void> {
  const out = session.out;
  const protectedNames = session.conf.protectedNames;
  for (const s of goal.erase) {
    if (protectedNames.has(s.build.name)) {
      await out.err(`package ${s.build.name} is protected\n`);
      throw new TdnfError(E.PROTECTED);
    }
  }
  const plan: Plan = solve(session.pool, goal, { protectedNames, skipBroken: session.opt('skip-broken') });
  if (plan.problems.length) {
    let n = 0;
    for (const p of plan.problems) await out.err(`${++n}. ${p}\n`);
    await out.err(`Found ${n} problem(s) while resolving\n`);
    throw new TdnfError(E.SOLV_FAILED);
  }
  for (const [name, how] of plan.protectedHits) {
    if (how === 'is') continue;
    await out.err(`package ${name} would be ${how} but it is protected\n`);
    throw new TdnfError(E.PROTECTED);
  }
  if (!(session.args.quiet && session.args.assumeYes)) {
    for (const n of opts.notResolved) await out.info(`No package \x1b[1m\x1b[30m${n} \x1b[0mavailable\n`);
  }
  if (!needsAction(plan)) throw new TdnfError(opts.notResolved.length ? E.NO_MATCH : E.CLI_NOTHING_TO_DO);
  if (!(session.args.quiet && session.args.assumeYes)) {
    await printSolved(session, plan);
    if (session.opt('downloadonly')) await out.info('tdnf will only download packages needed for the transaction\n');
  }
  try {
    await confirm(session);
  } catch (e) {
    // tdnf -j treats an abort as success (TDNFCliAskAndAlter)
    if (out.json && e instanceof TdnfError && e.code === E.OPERATION_ABORTED) return;
    throw e;
  }
  await runTransaction(session, plan, { userNames: opts.user, cmdline: session.args.reordered.join(' ') });
}

export async function cmdAlter(session: Session, requested: AlterKind): Promise<void> {
  const specs = session.args.cmds.slice(1);
  if ((requested === 'install' || requested === 'reinstall' || requested === 'erase') && specs.length === 0) throw new TdnfError(E.PACKAGE_REQUIRED);
  // clean_requirements_on_remove=1 makes remove take the dependencies nothing else needs
  const kind: AlterKind = requested === 'erase' && session.conf.cleanRequirementsOnRemove ? 'autoerase' : requested;
  await session.refresh();
  if (session.conf.excludes.length && !session.opt('disableexcludes')) {
    await session.out.info('Warning: The following packages are excluded from tdnf.conf:\n');
    for (const x of session.conf.excludes) await session.out.info(`  ${x}\n`);
  }
  const jobs = await prepare(session, kind, specs);
  if (jobs.alreadyInstalled) {
    // naming an installed dependency makes it a user package (TDNFMarkAutoInstalledSinglePkg)
    await markUser(session, jobs.user);
  }
  await solveAndRun(session, { install: jobs.install, erase: jobs.erase, reinstall: jobs.reinstall }, { user: jobs.user, notResolved: jobs.notResolved });
}

async function markUser(session: Session, names: ReadonlySet<string>): Promise<void> {
  const history = await readHistory(session.ctx);
  if (!history) return;
  let changed = false;
  for (const n of names) if (history.auto.delete(n)) changed = true;
  if (!changed) return;
  await session.sys.writeFile(HISTORY_PATH, serializeHistory(history));
}
