// Dependency resolution over the pool, in the spirit of libsolv as tdnf drives it: the jobs'
// packages are decided first, then their requirements breadth-first (which is the order tdnf's
// tables come from), conflicts and obsoletes are honoured, installed packages that an upgrade
// would break are upgraded along, and an erase takes the packages that need it with it.
import { compareEvr } from './evr';
import { parseDep, type Dep, type Requirement } from './deps';
import { evrOf, nevra, type Pool, type Solvable } from './pool';

export interface Goal {
  /** Available builds to install (an installed build of the same name is upgraded or downgraded). */
  install: readonly Solvable[];
  /** Installed packages to erase. */
  erase: readonly Solvable[];
  /** Available builds identical to installed ones. */
  reinstall?: readonly Solvable[];
}

export interface Plan {
  /** Each list in solver order (tdnf prints every block reversed). */
  install: Solvable[];
  upgrade: Solvable[];
  downgrade: Solvable[];
  remove: Solvable[];
  reinstall: Solvable[];
  obsolete: Solvable[];
  /** New build -> the installed build it replaces. */
  replaces: Map<Solvable, Solvable>;
  /** libsolv's problem strings, when the goal cannot be met. */
  problems: string[];
  /** Protected packages the plan would take away: [name, how] ('is' for a direct erase). */
  protectedHits: [string, 'is' | 'removed' | 'obsoleted'][];
}

export interface SolveOptions {
  protectedNames?: ReadonlySet<string>;
  /** --skip-broken: drop the jobs that cannot be met instead of failing. */
  skipBroken?: boolean;
}

const MAX_ROUNDS = 64;

class Run {
  readonly target = new Map<string, Solvable>();
  readonly plan: Plan = { install: [], upgrade: [], downgrade: [], remove: [], reinstall: [], obsolete: [], replaces: new Map(), problems: [], protectedHits: [] };
  private readonly queue: Solvable[] = [];
  private readonly erased = new Set<string>();
  private readonly baselineBroken = new Set<Solvable>();
  private readonly eraseJobs: boolean;

  constructor(private readonly pool: Pool, goal: Goal, private readonly protectedNames: ReadonlySet<string>) {
    for (const s of pool.installed) this.target.set(s.build.name, s);
    for (const s of pool.installed) if (!this.satisfiedAll(s)) this.baselineBroken.add(s);
    this.eraseJobs = goal.erase.length > 0;
    for (const s of goal.install) this.add(s);
    for (const s of goal.reinstall ?? []) this.plan.reinstall.push(s);
    for (const s of goal.erase) this.remove(s, 'is');
  }

  solve(): Plan {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      while (this.queue.length > 0) this.visit(this.queue.shift()!);
      const broken = [...this.target.values()].filter((s) => s.installed && !this.baselineBroken.has(s) && !this.satisfiedAll(s));
      if (broken.length === 0) break;
      for (const t of broken) this.repair(t);
      if (this.queue.length === 0 && broken.every((t) => this.target.get(t.build.name) === t)) break;
    }
    return this.plan;
  }

  private add(s: Solvable): void {
    const old = this.target.get(s.build.name);
    if (old === s) return;
    this.target.set(s.build.name, s);
    if (!old) this.plan.install.push(s);
    else {
      this.plan.replaces.set(s, old);
      const c = compareEvr(evrOf(s.build), evrOf(old.build));
      (c < 0 ? this.plan.downgrade : this.plan.upgrade).push(s);
    }
    this.queue.push(s);
  }

  private remove(s: Solvable, how: 'is' | 'removed' | 'obsoleted'): void {
    if (this.target.get(s.build.name) !== s) return;
    this.target.delete(s.build.name);
    this.erased.add(s.build.name);
    (how === 'obsoleted' ? this.plan.obsolete : this.plan.remove).push(s);
    if (this.protectedNames.has(s.build.name)) this.plan.protectedHits.push([s.build.name, how]);
  }

  private inTarget(s: Solvable): boolean {
    return this.target.get(s.build.name) === s;
  }

  satisfied(req: Requirement): boolean {
    return req.anyOf.some((d) => this.pool.whatProvides(d).some((p) => this.inTarget(p)));
  }

  private satisfiedAll(s: Solvable): boolean {
    return this.pool.requirements(s).every((r) => this.satisfied(r));
  }

  /** The provider libsolv would pick: an update of something installed, else the named package, else the first name. */
  private pick(req: Requirement): Solvable | undefined {
    const cands: Solvable[] = [];
    for (const d of req.anyOf) for (const p of this.pool.whatProvides(d)) if (!p.installed && !this.erased.has(p.build.name) && !cands.includes(p)) cands.push(p);
    if (cands.length === 0) return undefined;
    const best = (list: Solvable[]): Solvable | undefined =>
      list.reduce<Solvable | undefined>((a, b) => (!a ? b : a.build.name !== b.build.name ? (a.build.name < b.build.name ? a : b) : compareEvr(evrOf(b.build), evrOf(a.build)) > 0 ? b : a), undefined);
    const updating = cands.filter((c) => this.target.has(c.build.name));
    if (updating.length) return best(updating);
    const named = cands.filter((c) => req.anyOf.some((d) => d.name === c.build.name));
    return best(named.length ? named : cands);
  }

  private visit(s: Solvable): void {
    if (!this.inTarget(s)) return;
    for (const req of this.pool.requirements(s)) {
      if (this.satisfied(req)) continue;
      const p = this.pick(req);
      if (p) this.add(p);
      else this.problem(s, req);
    }
    for (const text of s.build.conflicts) this.conflict(s, parseDep(text));
    // installed packages that conflict with the newcomer
    for (const t of this.target.values()) {
      if (t === s || t.build.conflicts.length === 0) continue;
      for (const text of t.build.conflicts) {
        const dep = parseDep(text);
        if (this.pool.doesProvide(s, dep)) this.resolveConflict(t, dep, s);
      }
    }
    for (const text of s.build.obsoletes) {
      const dep = parseDep(text);
      const t = this.target.get(dep.name);
      if (t && t !== s && t.build.name !== s.build.name && this.pool.doesProvide(t, dep)) this.remove(t, 'obsoleted');
    }
  }

  /** The newcomer `s` conflicts with `dep`: move each installed provider to a build outside it. */
  private conflict(s: Solvable, dep: Dep): void {
    for (const t of this.pool.whatProvides(dep)) {
      if (t === s || !this.inTarget(t) || t.build.name === s.build.name) continue;
      const clear = this.newest(t.build.name).find((a) => !this.pool.doesProvide(a, dep));
      if (clear) this.add(clear);
      else this.conflictProblem(s, dep, t);
    }
  }

  /** The kept package `t` conflicts with `dep`, which the newcomer `s` provides: move `t`. */
  private resolveConflict(t: Solvable, dep: Dep, s: Solvable): void {
    const clear = this.newest(t.build.name).find((a) => !a.build.conflicts.some((c) => this.pool.doesProvide(s, parseDep(c))));
    if (clear && clear !== t) this.add(clear);
    else this.conflictProblem(t, dep, s);
  }

  private conflictProblem(who: Solvable, dep: Dep, by: Solvable): void {
    const text = `package ${nevra(who.build)} conflicts with ${dep.text} provided by ${nevra(by.build)}`;
    if (!this.plan.problems.includes(text)) this.plan.problems.push(text);
  }

  /** Available builds of a name, newest first. */
  private newest(name: string): Solvable[] {
    return this.pool.availableByName(name).sort((a, b) => compareEvr(evrOf(b.build), evrOf(a.build)));
  }

  private repair(t: Solvable): void {
    const unmet = this.pool.requirements(t).filter((r) => !this.satisfied(r));
    if (unmet.length === 0) return;
    // a build of t that fits the new set (e.g. curl along with curl-libs)
    const fits = this.newest(t.build.name).find((b) => b.build !== t.build && this.pool.requirements(b).every((r) => this.satisfied(r) || this.pick(r) !== undefined));
    const lostToErase = unmet.some((r) => r.anyOf.some((d) => this.pool.whatProvides(d).some((p) => p.installed && this.erased.has(p.build.name))));
    if (this.eraseJobs && lostToErase) this.remove(t, 'removed');
    else if (fits) this.add(fits);
    else for (const r of unmet) this.problem(t, r);
  }

  private problem(s: Solvable, req: Requirement): void {
    const anyProvider = req.anyOf.some((d) => this.pool.whatProvides(d).length > 0);
    const text = anyProvider
      ? `package ${nevra(s.build)} requires ${req.text}, but none of the providers can be installed`
      : `nothing provides ${req.text} needed by ${nevra(s.build)}`;
    if (!this.plan.problems.includes(text)) this.plan.problems.push(text);
  }
}

export function solve(pool: Pool, goal: Goal, opts: SolveOptions = {}): Plan {
  const protectedNames = opts.protectedNames ?? new Set<string>();
  const plan = new Run(pool, goal, protectedNames).solve();
  if (plan.problems.length === 0 || !opts.skipBroken) return plan;
  // --skip-broken: keep only the jobs that can be met on their own
  const ok = goal.install.filter((s) => new Run(pool, { install: [s], erase: [] }, protectedNames).solve().problems.length === 0);
  const erase = goal.erase.filter((s) => new Run(pool, { install: [], erase: [s] }, protectedNames).solve().problems.length === 0);
  return new Run(pool, { install: ok, erase, reinstall: goal.reinstall ?? [] }, protectedNames).solve();
}
