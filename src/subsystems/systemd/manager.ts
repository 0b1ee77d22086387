// The service manager (PID 1's job engine, simplified): units loaded on demand from disk, start
// and stop jobs that pull in Requires=/Wants=/BindsTo= and wait for After=/Before= ordering,
// conditions, and the requests systemctl sends. Runtime state lives here; unit files stay on disk.
import type { JobOutcome, ManagerSnapshot, SystemdReply, SystemdRequest } from '../../shared/services/systemd';
import type { Caller } from '../../shared/sys';
import type { ExitInfo, ManagerHost } from './host';
import { changedOnDisk, loadUnit } from './loader';
import { loadUnitKeys } from './config';
import { reloadService, startService, stopService, type Runtime } from './service';
import { snapshot } from './snapshot';
import { armTimer } from './timer';
import { Unit, type JobResult } from './unit';
import { formatTimespan } from '../../shared/systemd/time-span';
import { NAME_INSTANCE, NAME_PLAIN, NAME_TEMPLATE, unitNameIsValid } from '../../shared/systemd/unit-name';

const VERSION = 'v253.19-10.ph5';
/** How long the kernel took before starting PID 1 (the machine starts at PID 1, so a fixed figure). */
const KERNEL_MS = 1134;

/** The environment PID 1 gives every process it starts (the locale and the default PATH). */
const BASE_ENV: [string, string][] = [
  ['LANG', 'en_US.UTF-8'],
  ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin'],
];

export class Manager {
  /** What systemctl set-environment added (UnsetEnvironment only removes from here). */
  private readonly clientEnv = new Map<string, string>();
  private readonly units = new Map<string, Unit>();
  private readonly exitWaiters = new Map<number, ((info: ExitInfo) => void)[]>();
  private emptyWaiters: { u: Unit; resolve: () => void }[] = [];
  private nextJob = 1;
  private readonly rt: Runtime;
  private bootStart = 0;
  private bootDone: number | undefined;
  readonly activation: { unit: string; ms: number; at: number }[] = [];
  private shuttingDown = false;

  constructor(readonly host: ManagerHost) {
    this.rt = {
      host,
      log: (u, message, priority = 6, messageId) => host.journal.systemd(message, u?.id, priority, messageId),
      waitExit: (pid) => new Promise((resolve) => {
        const list = this.exitWaiters.get(pid) ?? [];
        list.push(resolve);
        this.exitWaiters.set(pid, list);
      }),
      waitEmpty: (u) => new Promise((resolve) => {
        if (host.processesIn(u.cgroup).length === 0) resolve();
        else this.emptyWaiters.push({ u, resolve });
      }),
      restart: (u) => void this.start(u, new Set()),
      environment: new Map(BASE_ENV),
    };
  }

  /** The host reports every ended process here. */
  processExited(pid: number, info: ExitInfo): void {
    const waiters = this.exitWaiters.get(pid);
    if (waiters) {
      this.exitWaiters.delete(pid);
      for (const w of waiters) w(info);
    }
    if (this.emptyWaiters.length) {
      const still: typeof this.emptyWaiters = [];
      for (const w of this.emptyWaiters) {
        if (this.host.processesIn(w.u.cgroup).length === 0) w.resolve();
        else still.push(w);
      }
      this.emptyWaiters = still;
    }
  }

  /** The unit called `name`, loaded from disk on first use. */
  unit(name: string): Unit {
    let u = this.units.get(name);
    if (u && this.collectable(u) && changedOnDisk(this.host, u.loaded)) {
      // the real manager would have garbage-collected it already: it loads afresh
      for (const [n, v] of [...this.units]) if (v === u) this.units.delete(n);
      u = undefined;
    }
    if (u) return u;
    const loaded = loadUnit(this.host, name);
    u = this.units.get(loaded.id);
    if (!u) {
      u = new Unit(loaded);
      for (const w of loaded.config?.warnings ?? []) this.host.journal.systemd(w, loaded.id, 4);
      // a setting that makes the unit unusable is logged as it is refused (log_unit_error)
      if (loaded.config?.badSetting) this.host.journal.systemd(`${loaded.id}: ${loaded.config.badSetting}`, loaded.id, 3);
    }
    for (const n of loaded.names) this.units.set(n, u);
    return u;
  }

  /**
   * unit_may_gc(): an inactive unit with no job, no processes, no timer and that no other loaded
   * unit refers to is dropped by the manager; the next request loads it again from disk.
   */
  private collectable(u: Unit): boolean {
    if (u.activeState !== 'inactive' || u.job || u.cancelTimer || u.cancelRestart) return false;
    if (this.host.processesIn(u.cgroup).length) return false;
    const names = new Set(u.loaded.names);
    for (const v of new Set(this.units.values())) {
      if (v === u) continue;
      const c = v.loaded.config;
      if (!c) continue;
      const deps = [c.requires, c.requisite, c.wants, c.bindsTo, c.partOf, c.conflicts, c.after, c.before];
      if (deps.some((l) => l.some((d) => names.has(d)))) return false;
      // a timer or socket triggers its Unit=/Service=, by default the service of its own name
      if (v.type === 'timer' && names.has(c.timer?.unit ?? v.id.replace(/\.timer$/, '.service'))) return false;
      if (v.type === 'socket' && names.has(c.socket?.service ?? v.id.replace(/\.socket$/, '.service'))) return false;
    }
    return true;
  }

  /** Boots: starts default.target and everything it pulls in. */
  async boot(): Promise<void> {
    this.bootStart = this.host.uptime();
    // the table behind "Unknown key" warnings (a chunk of its own: not needed before the prompt)
    await loadUnitKeys();
    const target = this.unit('default.target');
    // a start job that never finishes must not hold the boot forever (DefaultTimeoutStartSec)
    let cancel = (): void => {};
    await Promise.race([this.start(target, new Set()), new Promise<void>((resolve) => (cancel = this.host.after(90_000, resolve)))]);
    cancel();
    this.bootDone = this.host.uptime();
    const ms = this.bootDone;
    const span = (v: number): string => formatTimespan(BigInt(Math.round(v * 1000)), 1000n);
    this.host.journal.systemd(`Startup finished in ${span(KERNEL_MS)} (kernel) + ${span(ms)} (userspace) = ${span(KERNEL_MS + ms)}.`);
  }

  /** Reloads every unit's configuration from disk, keeping runtime state. */
  daemonReload(): void {
    this.host.journal.systemd('Reloading.');
    const seen = new Set<Unit>(this.units.values());
    this.units.clear();
    for (const old of seen) {
      const loaded = loadUnit(this.host, old.id);
      old.loaded = loaded;
      for (const n of loaded.names) this.units.set(n, old);
    }
  }

  private waiting = new Map<Unit, Set<Unit>>();

  /** Would `u` waiting for `other` close a cycle of waits? */
  private wouldDeadlock(u: Unit, other: Unit): boolean {
    const stack = [other];
    const seen = new Set<Unit>();
    while (stack.length) {
      const x = stack.pop()!;
      if (x === u) return true;
      if (seen.has(x)) continue;
      seen.add(x);
      for (const y of this.waiting.get(x) ?? []) stack.push(y);
    }
    return false;
  }

  private orderedBefore(u: Unit): Unit[] {
    const out = new Set<Unit>();
    const cfg = u.loaded.config;
    for (const n of cfg?.after ?? []) {
      const o = this.units.get(n);
      if (o) out.add(o);
    }
    // a target with default dependencies is ordered after what it wants and requires
    if (u.type === 'target' && cfg?.defaultDependencies) {
      for (const n of [...cfg.wants, ...cfg.requires]) {
        const o = this.units.get(n);
        if (o) out.add(o);
      }
    }
    for (const o of new Set(this.units.values())) if (o.loaded.config?.before.includes(u.id)) out.add(o);
    out.delete(u);
    return [...out];
  }

  start(u: Unit, chain: Set<Unit>): Promise<JobResult> {
    if (u.job) {
      if (u.job.type === 'start') return u.job.done;
      return u.job.done.then(() => this.start(u, chain));
    }
    if (u.isActive() && u.subState !== 'auto-restart') return Promise.resolve('done');
    const done = this.doStart(u, new Set([...chain, u])).finally(() => {
      if (u.job?.done === done) u.job = undefined;
      this.waiting.delete(u);
    });
    u.job = { id: this.nextJob++, type: 'start', done };
    return done;
  }

  private async doStart(u: Unit, chain: Set<Unit>): Promise<JobResult> {
    await Promise.resolve();
    const cfg = u.loaded.config;
    if (u.loaded.state !== 'loaded' || !cfg) return 'failed';
    const required = [...cfg.requires, ...cfg.bindsTo].map((n) => this.unit(n));
    const wanted = cfg.wants.map((n) => this.unit(n));
    for (const n of cfg.requisite) {
      if (!this.unit(n).isActive()) {
        this.rt.log(u, `Dependency failed for ${u.label}.`, 3);
        return 'dependency';
      }
    }
    for (const n of cfg.conflicts) {
      const c = this.units.get(n);
      if (c && (c.isActive() || c.job)) void this.stop(c);
    }
    const jobs = new Map<Unit, Promise<JobResult>>();
    for (const d of [...required, ...wanted]) {
      if (d.loaded.state !== 'loaded') continue;
      if (!chain.has(d)) jobs.set(d, this.start(d, chain));
    }
    const before = this.orderedBefore(u).filter((o) => o.job && !chain.has(o));
    const waits = new Set<Unit>();
    this.waiting.set(u, waits);
    for (const o of before) {
      if (!o.job || this.wouldDeadlock(u, o)) continue;
      waits.add(o);
      await o.job.done;
      waits.delete(o);
    }
    for (const d of required) {
      const r = d.loaded.state !== 'loaded' ? 'failed' : await (jobs.get(d) ?? Promise.resolve<JobResult>('done'));
      if (r === 'failed' || r === 'dependency' || r === 'timeout') {
        this.rt.log(u, `Dependency failed for ${u.label}.`, 3);
        this.rt.log(u, `${u.id}: Job ${u.id}/start failed with result 'dependency'.`, 4);
        return 'dependency';
      }
    }
    if (!this.conditionsHold(u)) return 'skipped';
    const t0 = this.host.uptime();
    let r: JobResult;
    switch (u.type) {
      case 'service':
        r = await startService(this.rt, u);
        break;
      case 'target':
        u.setState('active', 'active', this.host.now());
        this.rt.log(u, `Reached target ${u.label}.`);
        r = 'done';
        break;
      case 'socket':
        for (const l of cfg.socket?.listen ?? []) if (l.startsWith('/')) this.host.bindSocketFile(l, cfg.socket!.mode, cfg.socket!.user, cfg.socket!.group);
        u.setState('active', 'listening', this.host.now());
        this.rt.log(u, `Listening on ${u.label}.`);
        r = 'done';
        break;
      case 'timer': {
        u.setState('active', 'waiting', this.host.now());
        this.rt.log(u, `Started ${u.label}.`);
        const target = (): Unit => this.unit(cfg.timer?.unit ?? u.id.replace(/\.timer$/, '.service'));
        armTimer(this.host, u, target, () => void this.start(target(), new Set()));
        r = 'done';
        break;
      }
      default:
        u.setState('active', u.type === 'mount' ? 'mounted' : 'active', this.host.now());
        r = 'done';
    }
    if (r === 'done') this.activation.push({ unit: u.id, ms: u.type === 'service' ? Math.max(1, this.host.uptime() - t0) : 0, at: t0 });
    return r;
  }

  private conditionsHold(u: Unit): boolean {
    const conds = u.loaded.config?.conditions ?? [];
    const check = (c: { name: string; value: string; negate: boolean }): boolean => {
      let ok: boolean;
      switch (c.name) {
        case 'PathExists': ok = this.host.exists(c.value); break;
        case 'PathIsDirectory': ok = this.host.isDirectory(c.value); break;
        case 'FileNotEmpty': ok = (this.host.readFile(c.value) ?? '').length > 0; break;
        case 'DirectoryNotEmpty': ok = (this.host.readDir(c.value) ?? []).length > 0; break;
        case 'PathExistsGlob': ok = this.host.exists(c.value.replace(/\*.*$/, '')); break;
        case 'FileIsExecutable': ok = this.host.exists(c.value); break;
        case 'Virtualization': ok = c.value === 'vmware' || c.value === 'vm' || c.value === 'yes' || c.value === 'true'; break;
        case 'FirstBoot': ok = c.value === 'no' || c.value === 'false'; break;
        case 'KernelCommandLine': ok = false; break;
        default: ok = true;
      }
      return c.negate ? !ok : ok;
    };
    const triggers = conds.filter((c) => c.trigger && !c.assert);
    for (const c of conds.filter((x) => !x.trigger)) {
      if (check(c)) continue;
      const text = `${c.assert ? 'Assert' : 'Condition'}${c.name}=${c.negate ? '!' : ''}${c.value}`;
      if (c.assert) {
        this.rt.log(u, `${u.label} was skipped because of an unmet assertion check (${text}).`, 3);
        return false;
      }
      this.rt.log(u, `${u.label} was skipped because of an unmet condition check (${text}).`);
      return false;
    }
    if (triggers.length && !triggers.some(check)) {
      this.rt.log(u, `${u.label} was skipped because no trigger condition checks were met.`);
      return false;
    }
    return true;
  }

  stop(u: Unit): Promise<JobResult> {
    const run = async (): Promise<JobResult> => {
      if (u.job && u.job.type !== 'stop') await u.job.done.catch(() => 'failed');
      // units bound to or requiring this one stop first (BindsTo=, Requires= propagate stops)
      const dependents = [...new Set(this.units.values())].filter((o) => o !== u && o.isActive() && (o.loaded.config?.bindsTo.includes(u.id) || o.loaded.config?.requires.includes(u.id) || o.loaded.config?.partOf.includes(u.id)));
      await Promise.all(dependents.map((d) => this.stop(d)));
      if (u.type === 'service') return stopService(this.rt, u);
      if (u.type === 'timer') {
        u.cancelTimer?.();
        u.cancelTimer = undefined;
        u.nextElapse = undefined;
      }
      if (u.isActive()) {
        u.setState('inactive', 'dead', this.host.now());
        if (u.type === 'target') this.rt.log(u, `Stopped target ${u.label}.`);
        else if (u.type === 'socket') {
          for (const l of u.loaded.config?.socket?.listen ?? []) if (l.startsWith('/')) this.host.unlinkSocketFile(l);
          this.rt.log(u, `Closed ${u.label}.`);
        }
        else this.rt.log(u, `Stopped ${u.label}.`);
      }
      return 'done';
    };
    const done = run().finally(() => {
      if (u.job?.done === done) u.job = undefined;
    });
    u.job = { id: this.nextJob++, type: 'stop', done };
    return done;
  }

  /** Handles a request from systemctl and friends. */
  async handle(caller: Caller, request: unknown): Promise<SystemdReply> {
    const req = request as SystemdRequest;
    const needsRoot = req.kind === 'job' || req.kind === 'daemon-reload' || req.kind === 'kill' || req.kind === 'reset-failed' || req.kind === 'power' || req.kind === 'set-default';
    if (needsRoot && caller.euid !== 0) return { kind: 'error', message: 'Interactive authentication required.', code: 4 };
    switch (req.kind) {
      case 'units': {
        const list = req.names ? req.names.map((n) => this.unit(n)) : [...new Set(this.units.values())];
        return { kind: 'units', units: list.map((u) => snapshot(this.host, u, changedOnDisk(this.host, u.loaded), this.triggersOf(u))) };
      }
      case 'load':
        return { kind: 'units', units: req.names.map((n) => this.unit(n)).map((u) => snapshot(this.host, u, changedOnDisk(this.host, u.loaded), this.triggersOf(u))) };
      case 'daemon-reload':
        this.daemonReload();
        return { kind: 'ok' };
      case 'job':
        return { kind: 'jobs', outcomes: await Promise.all(req.units.map((n) => this.job(req.verb, n))) };
      case 'kill': {
        for (const n of req.units) {
          // KillUnit() only finds units in memory: one that is unknown or already let go fails
          const known = this.units.get(n);
          if (!unitNameIsValid(n) || !known || this.collectable(known) || (known.loaded.state === 'not-found' && !known.isActive())) {
            return { kind: 'error', message: `Unit ${n} not loaded.`, code: 1 };
          }
          const u = this.unit(n);
          const procs = this.host.processesIn(u.cgroup);
          for (const p of procs) if (req.whom === 'all' || (req.whom === 'main' && p.pid === u.mainPid) || (req.whom === 'control' && p.pid === u.controlPid)) this.host.kill(p.pid, req.signal);
        }
        return { kind: 'ok' };
      }
      case 'reset-failed':
        for (const u of req.units.length ? req.units.map((n) => this.unit(n)) : [...new Set(this.units.values())]) {
          u.startTimes = [];
          if (u.activeState === 'failed') {
            u.result = 'success';
            u.setState('inactive', 'dead', this.host.now());
          }
        }
        return { kind: 'ok' };
      case 'manager':
        return { kind: 'manager', manager: this.managerSnapshot() };
      case 'environment':
        return this.environment(req.set ?? [], req.unset ?? []);
      case 'power':
        void this.shutdown(req.action);
        return { kind: 'ok' };
      case 'notify': {
        // the sender is the caller, or (for root, systemd-notify --pid) the process it names;
        // its unit is the one it is the main process of, else the one whose cgroup holds it
        const pid = req.pid !== undefined && caller.euid === 0 ? req.pid : caller.pid;
        const all = [...new Set(this.units.values())];
        const u = all.find((x) => x.mainPid === pid) ?? all.find((x) => this.host.processesIn(x.cgroup).some((p) => p.pid === pid));
        if (!u || !this.notifyAuthorized(u, pid)) return { kind: 'ok' };
        if (req.status !== undefined) u.statusText = req.status;
        if (req.ready && u.notifyReady) u.notifyReady();
        return { kind: 'ok' };
      }
      default:
        return { kind: 'error', message: 'Unknown method', code: 1 };
    }
  }

  /** service_notify_message_authorized(): NotifyAccess= decides whose messages count. */
  private notifyAuthorized(u: Unit, pid: number): boolean {
    const access = u.loaded.config?.service?.notifyAccess ?? 'none';
    const main = u.mainPid;
    if (access === 'none') {
      this.rt.log(u, `${u.id}: Got notification message from PID ${pid}, but reception is disabled.`, 4);
      return false;
    }
    if (access === 'main' && pid !== main) {
      this.rt.log(u, main !== undefined
        ? `${u.id}: Got notification message from PID ${pid}, but reception only permitted for main PID ${main}`
        : `${u.id}: Got notification message from PID ${pid}, but reception only permitted for main PID which is currently not known`, 4);
      return false;
    }
    if (access === 'exec' && pid !== main && pid !== u.controlPid) {
      const known = (what: string, p: number | undefined): string => (p !== undefined ? `${what} PID ${p}` : `${what} PID which is currently not known`);
      this.rt.log(u, `${u.id}: Got notification message from PID ${pid}, but reception only permitted for ${known('main', main)} and ${known('control', u.controlPid)}`, 4);
      return false;
    }
    return true;
  }

  /** SetEnvironment/UnsetEnvironment (checked before anything changes), then the Environment property. */
  private environment(set: string[], unset: string[]): SystemdReply {
    const name = /^[A-Za-z_][A-Za-z0-9_]*$/;
    if (!set.every((a) => name.test(a.slice(0, a.indexOf('='))) && a.includes('='))) return { kind: 'error', message: 'Invalid environment assignments', code: 1 };
    if (!unset.every((a) => name.test(a.includes('=') ? a.slice(0, a.indexOf('=')) : a))) return { kind: 'error', message: 'Invalid environment variable names or assignments', code: 1 };
    // the changes go to the client environment; the manager's own (LANG, PATH) stays underneath
    const env = this.clientEnv;
    for (const a of unset) {
      // "NAME=VALUE" only goes when the value matches
      const at = a.indexOf('=');
      if (at < 0) env.delete(a);
      else if (env.get(a.slice(0, at)) === a.slice(at + 1)) env.delete(a.slice(0, at));
    }
    for (const a of set) env.set(a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1));
    // both lists are kept sorted; the merge overrides in place and appends the rest
    const eff = this.rt.environment;
    eff.clear();
    const sorted = [...env].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [k, v] of [...BASE_ENV, ...sorted]) eff.set(k, v);
    return { kind: 'environment', env: [...eff].map(([k, v]) => `${k}=${v}`) };
  }

  private async job(verb: string, name: string): Promise<JobOutcome> {
    // manager_load_unit_prepare(): a template cannot be loaded, it needs an instance
    if (!unitNameIsValid(name, NAME_PLAIN | NAME_INSTANCE)) {
      const why = unitNameIsValid(name, NAME_TEMPLATE) ? 'is missing the instance name' : 'is not valid';
      return { unit: name, result: 'invalid', error: `Unit name ${name} ${why}.`, errorCode: 1 };
    }
    const u = this.unit(name);
    if (u.loaded.state === 'not-found' && verb !== 'stop') return { unit: name, result: 'invalid', error: `Unit ${name} not found.`, errorCode: 5 };
    if (u.loaded.state === 'masked' && verb !== 'stop') return { unit: name, result: 'invalid', error: `Unit ${name} is masked.`, errorCode: 1 };
    if (u.loaded.state === 'bad-setting' && verb !== 'stop') return { unit: name, result: 'invalid', error: `Unit ${name} has a bad unit file setting.`, errorCode: 1 };
    const cfg = u.loaded.config;
    const restartLike = verb === 'restart' || verb === 'reload-or-restart' || verb === 'try-restart' || verb === 'try-reload-or-restart';
    if ((verb === 'start' || restartLike) && cfg?.refuseManualStart) return { unit: name, result: 'invalid', error: `Operation refused, unit ${name} may be requested by dependency only (it is configured to refuse manual start/stop).`, errorCode: 4 };
    if (verb === 'stop' && cfg?.refuseManualStop) return { unit: name, result: 'invalid', error: `Operation refused, unit ${name} may be requested by dependency only (it is configured to refuse manual start/stop).`, errorCode: 4 };
    const canReload = (cfg?.service?.execReload.length ?? 0) > 0;
    let r: JobResult;
    switch (verb) {
      case 'start':
        r = await this.start(u, new Set());
        break;
      case 'stop':
        if (u.loaded.state === 'not-found' && !u.isActive()) return { unit: name, result: 'invalid', error: `Unit ${name} not loaded.`, errorCode: 5 };
        r = await this.stop(u);
        break;
      case 'reload':
        if (!canReload) return { unit: name, result: 'invalid', error: `Job type reload is not applicable for unit ${u.id}.`, errorCode: 3 };
        // the job is queued and ends "invalid" (job_run_and_invalidate: reload of an inactive unit)
        if (!u.isActive()) return { unit: name, result: 'invalid' };
        r = await reloadService(this.rt, u);
        break;
      case 'isolate':
        r = await this.isolate(u);
        break;
      default: {
        const active = u.isActive() || u.activeState === 'activating';
        if (verb.startsWith('try') && !active) return { unit: name, result: 'done' };
        if (verb.includes('reload') && canReload && u.isActive()) {
          r = await reloadService(this.rt, u);
          break;
        }
        await this.stop(u);
        r = await this.start(u, new Set());
      }
    }
    return { unit: name, result: r, unitResult: u.result };
  }

  private async isolate(target: Unit): Promise<JobResult> {
    const keep = new Set<Unit>();
    const visit = (u: Unit): void => {
      if (keep.has(u)) return;
      keep.add(u);
      for (const n of [...(u.loaded.config?.requires ?? []), ...(u.loaded.config?.wants ?? [])]) visit(this.unit(n));
    };
    visit(target);
    const r = await this.start(target, new Set());
    const stops = [...new Set(this.units.values())].filter((u) => !keep.has(u) && u.isActive() && !['init.scope', '-.mount'].includes(u.id) && u.type !== 'mount');
    await Promise.all(stops.map((u) => this.stop(u)));
    return r;
  }

  /** Stops every unit (reverse start order is approximated by stopping all at once). */
  async shutdown(action: 'reboot' | 'poweroff' | 'halt' | 'kexec'): Promise<void> {
    if (this.shuttingDown) return;
    this.shuttingDown = true;
    const active = [...new Set(this.units.values())].filter((u) => u.isActive() || u.activeState === 'activating');
    await Promise.all(active.filter((u) => u.type === 'service').map((u) => this.stop(u)));
    for (const u of active) if (u.type !== 'service' && u.isActive()) u.setState('inactive', 'dead', this.host.now());
    const t = action === 'kexec' ? 'kexec' : action === 'halt' ? 'halt' : action;
    this.host.journal.systemd(`Reached target ${t}.target - ${t === 'reboot' ? 'System Reboot' : t === 'poweroff' ? 'System Power Off' : t === 'halt' ? 'System Halt' : 'Reboot via kexec'}.`);
    this.host.journal.systemd('Shutting down.');
    this.host.power(action);
  }

  private triggersOf(u: Unit): string[] {
    const out: string[] = [];
    if (u.type !== 'service') return out;
    // the socket and timer of the same name count even before anything loaded them
    const base = u.id.replace(/\.service$/, '');
    for (const n of [`${base}.socket`, `${base}.timer`]) if (this.host.exists(`/usr/lib/systemd/system/${n}`) || this.host.exists(`/etc/systemd/system/${n}`)) this.unit(n);
    for (const o of new Set(this.units.values())) {
      if (o.loaded.state !== 'loaded') continue;
      if (o.type === 'socket' && (o.loaded.config?.socket?.service ?? o.id.replace(/\.socket$/, '.service')) === u.id) out.push(o.id);
      if (o.type === 'timer' && (o.loaded.config?.timer?.unit ?? o.id.replace(/\.timer$/, '.service')) === u.id) out.push(o.id);
    }
    return out.sort();
  }

  managerSnapshot(): ManagerSnapshot {
    const all = [...new Set(this.units.values())];
    const failed = all.filter((u) => u.activeState === 'failed').length;
    const jobs = all.filter((u) => u.job).length;
    return {
      state: this.shuttingDown ? 'stopping' : this.bootDone === undefined ? 'starting' : failed ? 'degraded' : 'running',
      version: VERSION,
      units: all.filter((u) => u.loaded.state === 'loaded').length,
      jobs,
      failed,
      since: this.host.now() - this.host.uptime() + this.bootStart,
      defaultTarget: this.unit('default.target').id,
      kernelMs: KERNEL_MS,
      userspaceMs: this.bootDone ?? this.host.uptime(),
      activation: [...this.activation],
    };
  }

  view(): { units: { id: string; active: string; sub: string; load: string; result: string; mainPid?: number }[] } {
    return {
      units: [...new Set(this.units.values())].map((u) => ({ id: u.id, active: u.activeState, sub: u.subState, load: u.loaded.state, result: u.result, ...(u.mainPid !== undefined ? { mainPid: u.mainPid } : {}) })),
    };
  }
}
