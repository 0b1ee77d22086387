// Services as processes (systemd.service(5), src/core/service.c): ExecStartPre, the main
// process by Type=, ExecStartPost, exits that make the unit inactive, failed or restarted,
// ExecStop and the stop signal for what is left in its cgroup.
import type { ExecStatus } from '../../shared/services/systemd';
import type { ExecCommand, ServiceConfig } from './config';
import { exitStatusText, signalText } from '../../shared/systemd/exit-status';
import type { ExitInfo, ManagerHost } from './host';
import type { JobResult, Unit } from './unit';

/** What service code needs from the manager. */
export interface Runtime {
  host: ManagerHost;
  log(u: Unit | undefined, message: string, priority?: number, messageId?: string): void;
  /** Resolves when process `pid` ends. */
  waitExit(pid: number): Promise<ExitInfo>;
  /** Resolves when no process is left in the unit's cgroup. */
  waitEmpty(u: Unit): Promise<void>;
  /** Queues a start job (for restarts). */
  restart(u: Unit): void;
  /** The manager's environment (systemctl set-environment), the base of every service's. */
  environment: Map<string, string>;
}

const FAILED_ID = 'be02cf6855d2428ba40df7e9d022f03d';
const STARTED_ID = '39f53479d3a045ac8e11786248231fbf';
const STOPPED_ID = '9d1aaa27d60140bd96365438aad20286';
const RESULT_ID = '7ad2d189f7e94e70a38c781354912448';

interface Launch {
  env: Map<string, string>;
  uid: number;
  gid: number;
  groups: number[];
  cwd: string;
}

function exitText(info: ExitInfo): string {
  return info.code === 'exited' ? `code=exited, status=${exitStatusText(info.status)}` : `code=${info.code}, status=${signalText(info.status)}`;
}

function succeeded(cfg: ServiceConfig, info: ExitInfo): boolean {
  return info.code === 'exited' && (info.status === 0 || cfg.successExitStatus.includes(info.status));
}

function prepare(rt: Runtime, u: Unit, cfg: ServiceConfig): Launch | { fail: number; step: string; why: string } {
  const host = rt.host;
  let uid = 0;
  let gid = 0;
  let groups = [0];
  let home = '/root';
  let shell = '/bin/sh';
  if (cfg.user) {
    const a = /^\d+$/.test(cfg.user) ? { uid: Number(cfg.user), gid: Number(cfg.user), groups: [Number(cfg.user)], home: '/', shell: '/bin/sh' } : host.user(cfg.user);
    if (!a) return { fail: 217, step: 'USER', why: 'No such process' };
    ({ uid, gid, groups, home, shell } = a);
  }
  if (cfg.group) {
    const g = /^\d+$/.test(cfg.group) ? Number(cfg.group) : host.group(cfg.group);
    if (g === undefined) return { fail: 216, step: 'GROUP', why: 'No such process' };
    gid = g;
  }
  const env = new Map<string, string>([
    ...rt.environment,
    ['INVOCATION_ID', (host.now() * 7919 + u.id.length).toString(16).padStart(32, '0').slice(-32)],
    ['JOURNAL_STREAM', '8:12345'],
    ['SYSTEMD_EXEC_PID', '0'],
  ]);
  // where sd_notify() sends to, for the services whose messages are heard
  if (cfg.notifyAccess !== 'none') env.set('NOTIFY_SOCKET', '/run/systemd/notify');
  if (cfg.user) {
    env.set('HOME', home).set('LOGNAME', cfg.user).set('USER', cfg.user).set('SHELL', shell);
  }
  for (const f of cfg.environmentFiles) {
    const text = host.readFile(f.path);
    if (text === undefined) {
      if (f.optional) continue;
      rt.log(u, `${u.id}: Failed to load environment files: No such file or directory`, 3);
      return { fail: 0, step: 'RESOURCES', why: 'No such file or directory' };
    }
    for (const line of text.split('\n')) {
      const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
      if (m && !line.trim().startsWith('#')) env.set(m[1]!, m[2]!.replace(/^"(.*)"$|^'(.*)'$/, '$1$2'));
    }
  }
  for (const [k, v] of cfg.environment) env.set(k, v);
  const cwd = cfg.workingDirectory?.replace(/^-/, '') === '~' ? home : cfg.workingDirectory?.replace(/^-/, '') ?? '/';
  if (cfg.workingDirectory && !host.isDirectory(cwd) && !cfg.workingDirectory.startsWith('-')) return { fail: 200, step: 'CHDIR', why: 'No such file or directory' };
  return { env, uid, gid, groups, cwd };
}

/** Replaces $MAINPID, ${VAR} and $VAR in a command's arguments (systemd.service(5) "Command lines"). */
function expandArgs(argv: string[], env: Map<string, string>): string[] {
  const out: string[] = [];
  for (const a of argv) {
    const whole = /^\$([A-Za-z_][A-Za-z0-9_]*)$/.exec(a);
    if (whole) {
      // an unbraced variable alone is split on whitespace
      out.push(...(env.get(whole[1]!) ?? '').split(/\s+/).filter(Boolean));
      continue;
    }
    out.push(a.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, n: string) => env.get(n) ?? ''));
  }
  return out;
}

async function runCommand(rt: Runtime, u: Unit, cmd: ExecCommand, kind: string, launch: Launch, main = false): Promise<{ exec: ExecStatus; info: ExitInfo }> {
  const host = rt.host;
  const start = host.now();
  const cred = cmd.privileged ? { uid: 0, gid: 0, groups: [0] } : launch;
  const r = host.spawn({ path: cmd.path, argv: expandArgs(cmd.argv, launch.env), env: launch.env, uid: cred.uid, gid: cred.gid, groups: cred.groups, cwd: launch.cwd, cgroup: u.cgroup, unit: u.id, toJournal: u.loaded.config?.service?.toJournal ?? true });
  if ('errno' in r) {
    // fork itself failed (no process slots)
    rt.log(u, `${u.id}: Failed to fork: Resource temporarily unavailable`, 3);
    const exec: ExecStatus = { command: cmd.text, kind, pid: 0, code: 'exited', status: 254, start, exit: host.now() };
    return { exec, info: { code: 'exited', status: 254 } };
  }
  const exec: ExecStatus = { command: cmd.text, kind, pid: r.pid, start };
  if (main) {
    u.mainPid = r.pid;
    u.execMain = exec;
  } else u.controlPid = r.pid;
  const info = await rt.waitExit(r.pid);
  exec.code = info.code;
  exec.status = info.status;
  exec.exit = host.now();
  if (!main) u.controlPid = undefined;
  return { exec, info };
}

function fail(rt: Runtime, u: Unit, result: Unit['result']): void {
  u.result = result;
  rt.log(u, `${u.id}: Failed with result '${result}'.`, 4, RESULT_ID);
  u.setState('failed', 'failed', rt.host.now());
}

export async function startService(rt: Runtime, u: Unit): Promise<JobResult> {
  const cfg = u.loaded.config!.service!;
  const host = rt.host;
  const now = host.now();
  u.startTimes = u.startTimes.filter((t) => now - t < cfg.startLimitIntervalMs);
  if (u.startTimes.length >= cfg.startLimitBurst) {
    rt.log(u, `${u.id}: Start request repeated too quickly.`, 4);
    fail(rt, u, 'start-limit-hit');
    rt.log(u, `Failed to start ${u.label}.`, 3, FAILED_ID);
    return 'failed';
  }
  u.startTimes.push(now);
  // (service_start(): what the last run said is forgotten)
  u.statusText = undefined;
  u.result = 'success';
  u.pastExecs = [];
  u.execMain = undefined;
  u.stopping = false;
  const launch = prepare(rt, u, cfg);
  rt.log(u, `Starting ${u.label}...`);
  u.setState('activating', 'start-pre', now);
  if ('fail' in launch) {
    if (launch.fail) rt.log(u, `${u.id}: Failed at step ${launch.step} spawning ${cfg.execStart[0]?.path ?? ''}: ${launch.why}`, 3);
    if (launch.fail) u.execMain = { command: cfg.execStart[0]?.text ?? '', kind: 'ExecStart', pid: 0, code: 'exited', status: launch.fail, start: now, exit: now };
    fail(rt, u, launch.fail ? 'exit-code' : 'resources');
    rt.log(u, `Failed to start ${u.label}.`, 3, FAILED_ID);
    return 'failed';
  }
  for (const [kind, list] of [['ExecCondition', cfg.execCondition], ['ExecStartPre', cfg.execStartPre]] as const) {
    for (const cmd of list) {
      const { exec, info } = await runCommand(rt, u, cmd, kind, launch);
      u.pastExecs.push(exec);
      if (succeeded(cfg, info) || cmd.ignoreFailure) continue;
      if (kind === 'ExecCondition' && info.code === 'exited' && info.status < 255) {
        rt.log(u, `${u.id}: Skipped due to 'exec-condition'.`);
        u.result = 'exec-condition';
        u.setState('inactive', 'dead', host.now());
        rt.log(u, `Condition check resulted in ${u.label} being skipped.`);
        return 'skipped';
      }
      rt.log(u, `${u.id}: Control process exited, ${exitText(info)}`, info.code === 'exited' ? 5 : 4);
      fail(rt, u, info.code === 'exited' ? 'exit-code' : 'signal');
      rt.log(u, `Failed to start ${u.label}.`, 3, FAILED_ID);
      maybeRestart(rt, u, cfg, info);
      return 'failed';
    }
  }
  if (cfg.type === 'oneshot') {
    u.setState('activating', 'start', host.now());
    for (const cmd of cfg.execStart) {
      const { exec, info } = await runCommand(rt, u, cmd, 'ExecStart', launch, true);
      u.mainPid = undefined;
      u.execMain = exec;
      if (succeeded(cfg, info) || cmd.ignoreFailure) continue;
      rt.log(u, `${u.id}: Main process exited, ${exitText(info)}`, info.code === 'exited' ? 5 : 4);
      fail(rt, u, info.code === 'exited' ? 'exit-code' : 'signal');
      rt.log(u, `Failed to start ${u.label}.`, 3, FAILED_ID);
      // Restart=on-failure (or on-abnormal, on-abort) applies to a oneshot as to any service
      maybeRestart(rt, u, cfg, info);
      return 'failed';
    }
    await runPost(rt, u, cfg, launch);
    if (cfg.remainAfterExit) u.setState('active', 'exited', host.now());
    else {
      rt.log(u, `${u.id}: Deactivated successfully.`);
      u.setState('inactive', 'dead', host.now());
    }
    rt.log(u, `Finished ${u.label}.`, 6, STARTED_ID);
    return 'done';
  }
  const cmd = cfg.execStart[0]!;
  u.setState('activating', 'start', host.now());
  const started = runCommand(rt, u, cmd, 'ExecStart', launch, true);
  if (u.mainPid === undefined) {
    // not even a process could be made
    const { info } = await started;
    rt.log(u, `${u.id}: Main process exited, ${exitText(info)}`, 5);
    fail(rt, u, 'resources');
    rt.log(u, `Failed to start ${u.label}.`, 3, FAILED_ID);
    return 'failed';
  }
  const mainPid = u.mainPid;
  void started.then(({ info }) => mainExited(rt, u, cfg, mainPid, info));
  if (cfg.type === 'forking') {
    // the started process forks the daemon and exits; the daemon is what is left in the cgroup
    const { info } = await started;
    if (!succeeded(cfg, info)) {
      rt.log(u, `${u.id}: Control process exited, ${exitText(info)}`, 5);
      fail(rt, u, 'exit-code');
      rt.log(u, `Failed to start ${u.label}.`, 3, FAILED_ID);
      maybeRestart(rt, u, cfg, info);
      return 'failed';
    }
    const left = host.processesIn(u.cgroup);
    if (left.length === 0) {
      // nothing stayed behind: a RemainAfterExit= unit counts as started (iptables.service)
      await runPost(rt, u, cfg, launch);
      if (cfg.remainAfterExit) u.setState('active', 'exited', host.now());
      else {
        rt.log(u, `${u.id}: Deactivated successfully.`);
        u.setState('inactive', 'dead', host.now());
      }
      rt.log(u, `Started ${u.label}.`, 6, STARTED_ID);
      return 'done';
    }
    u.mainPid = left[0]!.pid;
    u.execMain = { command: cmd.text, kind: 'ExecStart', pid: u.mainPid, start: host.now() };
    const daemonPid = u.mainPid;
    void rt.waitExit(daemonPid).then((i) => mainExited(rt, u, cfg, daemonPid, i));
  }
  if (cfg.type === 'notify') {
    // Type=notify: started once the main process sends READY=1 (sd_notify), unless it ends or
    // the start times out first (TimeoutStartSec=, 90s by default)
    let cancel = (): void => {};
    let timedOut = false;
    await Promise.race([
      new Promise<void>((resolve) => (u.notifyReady = resolve)),
      // a main process that ended cleanly while others may still send READY=1 (RemainAfterExit=
      // with NotifyAccess=exec or all) leaves the start waiting
      started.then(() => new Promise<void>((resolve) => {
        if (u.activeState !== 'activating' || u.subState !== 'start') resolve();
      })),
      new Promise<void>((resolve) => (cancel = after(host, cfg.timeoutStartMs, () => {
        timedOut = true;
        resolve();
      }))),
    ]);
    cancel();
    u.notifyReady = undefined;
    // ended before READY=1: the start failed, also when Restart= brings it back later
    if (u.mainPid !== mainPid && (u.activeState !== 'activating' || u.subState !== 'start')) {
      // the start job fails also when Restart= schedules another go (that is a new job)
      const failedStart = u.activeState === 'failed' || u.subState === 'auto-restart';
      if (failedStart) rt.log(u, `Failed to start ${u.label}.`, 3, FAILED_ID);
      return failedStart ? 'failed' : 'done';
    }
    if (timedOut) return startTimedOut(rt, u, cfg);
  }
  // (a notify service whose main process is gone is up as RemainAfterExit= keeps it)
  u.setState('active', u.mainPid === undefined && cfg.remainAfterExit ? 'exited' : 'running', host.now());
  await runPost(rt, u, cfg, launch);
  rt.log(u, `Started ${u.label}.`, 6, STARTED_ID);
  return 'done';
}

/** No READY=1 in time: the processes are stopped and the start fails (service_enter_signal()). */
async function startTimedOut(rt: Runtime, u: Unit, cfg: ServiceConfig): Promise<JobResult> {
  rt.log(u, `${u.id}: start operation timed out. Terminating.`, 4);
  u.stopping = true;
  await terminate(rt, u, cfg);
  u.mainPid = undefined;
  u.stopping = false;
  fail(rt, u, 'timeout');
  rt.log(u, `Failed to start ${u.label}.`, 3, FAILED_ID);
  // a timeout is a failure and abnormal: Restart=on-failure, on-abnormal and always restart
  if (['always', 'on-failure', 'on-abnormal'].includes(cfg.restart)) maybeRestart(rt, u, { ...cfg, restart: 'always' }, { code: 'killed', status: 15 });
  return 'failed';
}

/**
 * Sends KillSignal= to the unit's processes and waits for them to end, killing what is left
 * once TimeoutStopSec= has passed; true when it came to that.
 */
async function terminate(rt: Runtime, u: Unit, cfg: ServiceConfig | undefined): Promise<boolean> {
  const host = rt.host;
  u.setState('deactivating', 'stop-sigterm', host.now());
  for (const p of host.processesIn(u.cgroup)) host.kill(p.pid, cfg?.killSignal ?? 15);
  let killed = false;
  const cancel = after(host, cfg?.timeoutStopMs ?? 90_000, () => {
    killed = true;
    rt.log(u, `${u.id}: State 'stop-sigterm' timed out. Killing.`, 4);
    for (const p of host.processesIn(u.cgroup)) {
      rt.log(u, `${u.id}: Killing process ${p.pid} (${p.comm}) with signal SIGKILL.`, 5);
      host.kill(p.pid, 9);
    }
  });
  await rt.waitEmpty(u);
  cancel();
  return killed;
}

/** A timer of the manager's that may be off (Infinity: never fires). */
function after(host: Runtime['host'], ms: number, fire: () => void): () => void {
  return ms === Number.POSITIVE_INFINITY ? () => {} : host.after(ms, fire);
}

async function runPost(rt: Runtime, u: Unit, cfg: ServiceConfig, launch: Launch): Promise<void> {
  for (const cmd of cfg.execStartPost) u.pastExecs.push((await runCommand(rt, u, cmd, 'ExecStartPost', launch)).exec);
}

function mainExited(rt: Runtime, u: Unit, cfg: ServiceConfig, pid: number, info: ExitInfo): void {
  if (u.mainPid !== pid) return;
  if (u.execMain && u.execMain.pid === pid) {
    u.execMain.code = info.code;
    u.execMain.status = info.status;
    u.execMain.exit = rt.host.now();
  }
  u.mainPid = undefined;
  // forking services: the first process exiting is expected
  if (cfg.type === 'forking' && u.activeState === 'activating') return;
  if (u.stopping) {
    // while stopping, a clean exit is what was asked for; any other is told and fails the unit
    if (!cleanExit(cfg, info)) {
      rt.log(u, `${u.id}: Main process exited, ${exitText(info)}`, info.code === 'exited' ? 5 : 4);
      u.stopFailure ??= info.code === 'exited' ? 'exit-code' : info.code === 'dumped' ? 'core-dump' : 'signal';
    }
    return;
  }
  const ok = succeeded(cfg, info);
  if (ok && cfg.type === 'notify' && u.activeState === 'activating' && u.subState === 'start') {
    // ended cleanly before READY=1: unless another process may still send it, never to be up
    if (cfg.remainAfterExit && cfg.notifyAccess !== 'main') return;
    for (const p of rt.host.processesIn(u.cgroup)) rt.host.kill(p.pid, cfg.killSignal);
    fail(rt, u, 'protocol');
    maybeRestart(rt, u, cfg, info, true);
    return;
  }
  if (ok && cfg.remainAfterExit) {
    u.setState('active', 'exited', rt.host.now());
    return;
  }
  for (const p of rt.host.processesIn(u.cgroup)) rt.host.kill(p.pid, cfg.killSignal);
  if (ok) {
    rt.log(u, `${u.id}: Deactivated successfully.`);
    u.setState('inactive', 'dead', rt.host.now());
  } else {
    rt.log(u, `${u.id}: Main process exited, ${exitText(info)}`, 5);
    fail(rt, u, info.code === 'exited' ? 'exit-code' : info.code === 'dumped' ? 'core-dump' : 'signal');
  }
  maybeRestart(rt, u, cfg, info);
}

/** EXIT_CLEAN_DAEMON: success, or an end by SIGHUP, SIGINT, SIGTERM or SIGPIPE. */
function cleanExit(cfg: ServiceConfig, info: ExitInfo): boolean {
  return succeeded(cfg, info) || (info.code === 'killed' && [1, 2, 13, 15].includes(info.status));
}

function maybeRestart(rt: Runtime, u: Unit, cfg: ServiceConfig, info: ExitInfo, protocol = false): void {
  // a protocol failure counts as a failure and as abnormal, though the process exited cleanly
  const ok = succeeded(cfg, info) && !protocol;
  const clean = cleanExit(cfg, info) && !protocol;
  const restart =
    cfg.restart === 'always' ||
    (cfg.restart === 'on-success' && clean) ||
    (cfg.restart === 'on-failure' && !ok) ||
    (cfg.restart === 'on-abnormal' && (info.code !== 'exited' || protocol)) ||
    (cfg.restart === 'on-abort' && info.code === 'dumped');
  if (!restart) return;
  u.setState('activating', 'auto-restart', rt.host.now());
  u.cancelRestart = rt.host.after(cfg.restartMs, () => {
    u.cancelRestart = undefined;
    if (u.activeState !== 'activating' || u.subState !== 'auto-restart') return;
    u.restarts++;
    rt.log(u, `${u.id}: Scheduled restart job, restart counter is at ${u.restarts}.`);
    rt.log(u, `Stopped ${u.label}.`, 6, STOPPED_ID);
    u.setState('inactive', 'dead', rt.host.now());
    rt.restart(u);
  });
}

export async function stopService(rt: Runtime, u: Unit): Promise<JobResult> {
  const cfg = u.loaded.config?.service;
  const host = rt.host;
  if (u.cancelRestart) {
    u.cancelRestart();
    u.cancelRestart = undefined;
  }
  if (u.activeState === 'inactive' || (u.activeState === 'failed' && host.processesIn(u.cgroup).length === 0)) {
    if (u.subState === 'auto-restart') u.setState('inactive', 'dead', host.now());
    return 'done';
  }
  rt.log(u, `Stopping ${u.label}...`);
  u.stopping = true;
  u.stopFailure = undefined;
  u.setState('deactivating', 'stop', host.now());
  if (cfg) {
    const launch = prepare(rt, u, cfg);
    if (!('fail' in launch)) {
      if (u.mainPid !== undefined) launch.env.set('MAINPID', String(u.mainPid));
      for (const cmd of cfg.execStop) u.pastExecs.push((await runCommand(rt, u, cmd, 'ExecStop', launch)).exec);
    }
  }
  const killed = await terminate(rt, u, cfg);
  if (cfg) {
    const launch = prepare(rt, u, cfg);
    if (!('fail' in launch)) for (const cmd of cfg.execStopPost) u.pastExecs.push((await runCommand(rt, u, cmd, 'ExecStopPost', launch)).exec);
  }
  u.mainPid = undefined;
  u.stopping = false;
  if (killed) {
    fail(rt, u, 'timeout');
  } else if (u.stopFailure) {
    fail(rt, u, u.stopFailure);
  } else {
    if (u.activeState !== 'failed') u.result = 'success';
    rt.log(u, `${u.id}: Deactivated successfully.`);
    u.setState('inactive', 'dead', host.now());
  }
  rt.log(u, `Stopped ${u.label}.`, 6, STOPPED_ID);
  return 'done';
}

export async function reloadService(rt: Runtime, u: Unit): Promise<JobResult> {
  const cfg = u.loaded.config!.service!;
  const launch = prepare(rt, u, cfg);
  if ('fail' in launch) return 'failed';
  if (u.mainPid !== undefined) launch.env.set('MAINPID', String(u.mainPid));
  rt.log(u, `Reloading ${u.label}...`);
  u.setState('reloading', u.subState, rt.host.now());
  for (const cmd of cfg.execReload) {
    const { exec, info } = await runCommand(rt, u, cmd, 'ExecReload', launch);
    u.pastExecs.push(exec);
    if (!succeeded(cfg, info) && !cmd.ignoreFailure) {
      rt.log(u, `${u.id}: Control process exited, ${exitText(info)}`, 5);
      rt.log(u, `Reload failed for ${u.label}.`, 3);
      u.setState('active', 'running', rt.host.now());
      return 'failed';
    }
  }
  u.setState('active', u.mainPid !== undefined ? 'running' : 'exited', rt.host.now());
  rt.log(u, `Reloaded ${u.label}.`);
  return 'done';
}
