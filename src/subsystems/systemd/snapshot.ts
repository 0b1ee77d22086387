// A unit's state as plain data for systemctl (status, show, list-units) and lessons. Timestamps
// in properties use systemd's style, "Thu 2026-01-15 09:30:00 UTC" (the machine runs in UTC).
import type { ExecStatus, UnitSnapshot } from '../../shared/services/systemd';
import type { ExecCommand } from './config';
import { signalShort } from '../../shared/systemd/exit-status';
import { UTC_ZONE } from '../../shared/systemd/civil';
import { formatTimestamp } from '../../shared/systemd/time-format';
import { formatTimespan } from '../../shared/systemd/time-span';
import type { ManagerHost } from './host';
import type { Unit } from './unit';

/** systemd's timestamp style, "Thu 2026-01-15 09:30:00 UTC"; empty when unset. */
function stamp(ms: number | undefined): string {
  return ms === undefined ? '' : formatTimestamp(ms * 1000, UTC_ZONE) ?? '';
}

function execProp(cmds: ExecCommand[], ran: ExecStatus[] | undefined): string {
  return cmds
    .map((c) => {
      const r = ran?.find((x) => x.command === c.text);
      // status is the exit code, or for anything but an exit "N/SIGNAL" ("0/0" while it runs)
      const n = r?.code === undefined ? 0 : r.status ?? 0;
      const status = r?.code === 'exited' ? `${n}` : `${n}/${n === 0 ? '0' : signalShort(n)}`;
      return `{ path=${c.path} ; argv[]=${c.argv.join(' ')} ; ignore_errors=${c.ignoreFailure ? 'yes' : 'no'} ; start_time=[${stamp(r?.start) || 'n/a'}] ; stop_time=[${stamp(r?.exit) || 'n/a'}] ; pid=${r?.pid ?? 0} ; code=${r?.code ?? '(null)'} ; status=${status} }`;
    })
    .join(' ');
}

export function snapshot(host: ManagerHost, u: Unit, needReload: boolean, triggeredBy: string[]): UnitSnapshot {
  const cfg = u.loaded.config;
  const svc = cfg?.service;
  const processes = host.processesIn(u.cgroup);
  const deps: Record<string, string[]> = {
    Requires: cfg?.requires ?? [],
    Requisite: cfg?.requisite ?? [],
    Wants: cfg?.wants ?? [],
    BindsTo: cfg?.bindsTo ?? [],
    PartOf: cfg?.partOf ?? [],
    Conflicts: cfg?.conflicts ?? [],
    After: cfg?.after ?? [],
    Before: cfg?.before ?? [],
  };
  const props: [string, string][] = [];
  const add = (k: string, v: string | number | boolean | undefined): void => {
    props.push([k, v === undefined ? '' : typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v)]);
  };
  if (svc) {
    add('Type', svc.type);
    add('Restart', svc.restart);
    add('NotifyAccess', svc.notifyAccess);
    add('RestartUSec', formatTimespan(BigInt(Math.round(svc.restartMs * 1000))));
    const limit = (ms: number): string => (ms === Number.POSITIVE_INFINITY ? 'infinity' : formatTimespan(BigInt(Math.round(ms * 1000))));
    add('TimeoutStartUSec', limit(svc.timeoutStartMs));
    add('TimeoutStopUSec', limit(svc.timeoutStopMs));
    add('RemainAfterExit', svc.remainAfterExit);
    add('MainPID', u.mainPid ?? 0);
    add('ControlPID', u.controlPid ?? 0);
    add('StatusText', u.statusText ?? '');
    add('Result', u.result);
    add('NRestarts', u.restarts);
    add('ExecMainStartTimestamp', stamp(u.execMain?.start));
    add('ExecMainExitTimestamp', stamp(u.execMain?.exit));
    add('ExecMainPID', u.execMain?.pid ?? 0);
    add('ExecMainCode', u.execMain?.code === 'exited' ? 1 : u.execMain?.code === 'killed' ? 2 : u.execMain?.code === 'dumped' ? 3 : 0);
    add('ExecMainStatus', u.execMain?.status ?? 0);
    if (svc.execStartPre.length) add('ExecStartPre', execProp(svc.execStartPre, u.pastExecs));
    if (svc.execStart.length) add('ExecStart', execProp(svc.execStart, u.execMain ? [u.execMain] : []));
    if (svc.execReload.length) add('ExecReload', execProp(svc.execReload, u.pastExecs));
    if (svc.execStop.length) add('ExecStop', execProp(svc.execStop, u.pastExecs));
    add('Slice', 'system.slice');
    add('ControlGroup', processes.length || u.isActive() ? u.cgroup : '');
    add('Nice', svc.resources.nice);
    add('User', svc.user);
    add('Group', svc.group);
    add('Environment', svc.environment.map(([k, v]) => `${k}=${v}`).join(' '));
    add('WorkingDirectory', svc.workingDirectory ?? '!/');
    add('KillSignal', svc.killSignal);
    add('TasksCurrent', processes.length || '[not set]');
    const res = svc.resources;
    add('CPUQuotaPerSecUSec', res.cpuQuotaPerSecUs === undefined ? 'infinity' : formatTimespan(BigInt(res.cpuQuotaPerSecUs), 1n));
    add('MemoryMax', res.memoryMax === undefined ? 'infinity' : String(res.memoryMax));
    // DefaultTasksMax= is 15% of the kernel's limit
    add('TasksMax', res.tasksMax === undefined ? 4915 : res.tasksMax === 2n ** 64n - 1n ? 'infinity' : String(res.tasksMax));
  }
  add('Id', u.id);
  add('Names', u.loaded.names.join(' '));
  for (const [k, v] of Object.entries(deps)) if (v.length) add(k, v.join(' '));
  if (triggeredBy.length) add('TriggeredBy', triggeredBy.join(' '));
  add('Documentation', (cfg?.documentation ?? []).map((d) => `"${d}"`).join(' '));
  add('Description', u.description);
  add('LoadState', u.loaded.state);
  add('ActiveState', u.activeState);
  add('SubState', u.subState);
  add('FragmentPath', u.loaded.fragmentPath);
  add('DropInPaths', u.loaded.dropIns.join(' '));
  add('StateChangeTimestamp', stamp(u.stateChange));
  add('InactiveExitTimestamp', stamp(u.inactiveExit));
  add('ActiveEnterTimestamp', stamp(u.activeEnter));
  add('ActiveExitTimestamp', stamp(u.activeExit));
  add('InactiveEnterTimestamp', stamp(u.inactiveEnter));
  add('CanStart', u.loaded.state === 'loaded' && !cfg?.refuseManualStart);
  add('CanStop', u.loaded.state === 'loaded' && !cfg?.refuseManualStop);
  add('CanReload', (svc?.execReload.length ?? 0) > 0);
  add('NeedDaemonReload', needReload);
  return {
    id: u.id,
    names: u.loaded.names,
    description: u.description,
    type: u.type,
    loadState: u.loaded.state,
    ...(u.loaded.state === 'not-found' ? { loadError: `Unit ${u.id} not found.` } : u.loaded.state === 'masked' ? { loadError: `Unit ${u.id} is masked.` } : {}),
    activeState: u.activeState,
    subState: u.subState,
    result: u.result,
    fragmentPath: u.loaded.fragmentPath,
    dropIns: u.loaded.dropIns,
    documentation: cfg?.documentation ?? [],
    activeEnter: u.activeEnter,
    activeExit: u.activeExit,
    inactiveEnter: u.inactiveEnter,
    inactiveExit: u.inactiveExit,
    stateChange: u.stateChange,
    mainPid: u.mainPid,
    statusText: u.statusText,
    controlPid: u.controlPid,
    execMain: u.execMain,
    pastExecs: u.pastExecs,
    processes,
    cgroup: u.cgroup,
    needDaemonReload: needReload,
    triggeredBy,
    triggers: u.type === 'socket' ? [cfg?.socket?.service ?? u.id.replace(/\.socket$/, '.service')] : u.type === 'timer' ? [cfg?.timer?.unit ?? u.id.replace(/\.timer$/, '.service')] : [],
    listen: cfg?.socket?.listen ?? [],
    listenTypes: cfg?.socket?.listenTypes ?? [],
    restarts: u.restarts,
    ...(u.job ? { job: { id: u.job.id, type: u.job.type, state: 'running' } } : {}),
    properties: props,
    deps,
    nextElapse: u.nextElapse,
    lastTrigger: u.lastTrigger,
  };
}
