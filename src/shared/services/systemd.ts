// Requests to the service manager (the 'systemd' service: PID 1 on D-Bus) and the snapshots of
// units it returns; systemctl, systemd-analyze, hostnamectl and the lessons read these.

export type ActiveState = 'active' | 'reloading' | 'inactive' | 'failed' | 'activating' | 'deactivating';
export type LoadState = 'loaded' | 'not-found' | 'bad-setting' | 'error' | 'masked';
export type UnitResult = 'success' | 'exit-code' | 'signal' | 'core-dump' | 'timeout' | 'resources' | 'start-limit-hit' | 'protocol' | 'exec-condition' | 'oom-kill';

export interface ExecStatus {
  /** The command line as written after ExecStart= etc. */
  command: string;
  kind: string;
  pid: number;
  /** 'exited' | 'killed' | 'dumped'; undefined while it runs. */
  code?: 'exited' | 'killed' | 'dumped';
  status?: number;
  start: number;
  exit?: number;
}

export interface UnitProcess {
  pid: number;
  cmdline: string;
  comm: string;
}

export interface UnitSnapshot {
  id: string;
  names: string[];
  description: string;
  type: string;
  loadState: LoadState;
  /** Why loading failed (the Reason of `Loaded: not-found (Reason: ...)`). */
  loadError?: string;
  activeState: ActiveState;
  subState: string;
  result: UnitResult;
  fragmentPath?: string;
  dropIns: string[];
  documentation: string[];
  /** The unit file state (enabled, disabled, static, ...) and the preset. */
  fileState?: string;
  preset?: string;
  /** Milliseconds since the epoch of the last state change into / out of active. */
  activeEnter?: number;
  activeExit?: number;
  inactiveEnter?: number;
  inactiveExit?: number;
  stateChange?: number;
  mainPid?: number;
  controlPid?: number;
  /** What the service last said with STATUS= (sd_notify). */
  statusText?: string;
  execMain?: ExecStatus;
  /** Commands that ran and ended before the main process (ExecStartPre, ...). */
  pastExecs: ExecStatus[];
  processes: UnitProcess[];
  cgroup?: string;
  needDaemonReload: boolean;
  triggeredBy: string[];
  triggers: string[];
  listen: string[];
  /** The kind of each listen entry as systemctl names it (Stream, Datagram, FIFO, ...). */
  listenTypes?: string[];
  restarts: number;
  job?: { id: number; type: string; state: string };
  /** Every property systemctl show prints, already formatted. */
  properties: [string, string][];
  /** Names this unit depends on, by dependency kind (Requires, Wants, After, ...). */
  deps: Record<string, string[]>;
  /** Timer: next and last elapse (ms since epoch). */
  nextElapse?: number;
  lastTrigger?: number;
}

export type SystemdRequest =
  | { kind: 'job'; verb: 'start' | 'stop' | 'restart' | 'reload' | 'try-restart' | 'reload-or-restart' | 'try-reload-or-restart' | 'isolate'; units: string[]; noBlock?: boolean }
  | { kind: 'units'; names?: string[]; all?: boolean }
  | { kind: 'load'; names: string[] }
  | { kind: 'daemon-reload' }
  | { kind: 'kill'; units: string[]; signal: number; whom: 'all' | 'main' | 'control' }
  | { kind: 'reset-failed'; units: string[] }
  | { kind: 'manager' }
  | { kind: 'power'; action: 'reboot' | 'poweroff' | 'halt' | 'kexec' }
  | { kind: 'set-default'; unit: string }
  /** The manager's environment for the processes it starts; set/unset change it first. */
  | { kind: 'environment'; set?: string[]; unset?: string[] }
  /** sd_notify(3) from a service's process (or, from root, on behalf of `pid`): READY=1 ends a Type=notify start job. */
  | { kind: 'notify'; ready: boolean; status?: string; pid?: number };

export interface JobOutcome {
  unit: string;
  /** done, failed, dependency, timeout, canceled, skipped, invalid (not a verb for this unit). */
  result: 'done' | 'failed' | 'dependency' | 'timeout' | 'canceled' | 'skipped' | 'invalid' | 'unsupported';
  /** D-Bus-style error text when the job could not be queued (e.g. "Unit foo.service not found."). */
  error?: string;
  /** systemctl's exit status for that error. */
  errorCode?: number;
  /** The unit's result after a failed job (exit-code, signal, ...). */
  unitResult?: UnitResult;
}

export interface ManagerSnapshot {
  state: 'initializing' | 'starting' | 'running' | 'degraded' | 'maintenance' | 'stopping';
  version: string;
  units: number;
  jobs: number;
  failed: number;
  since: number;
  defaultTarget: string;
  /** Milliseconds spent in kernel, initrd and userspace for systemd-analyze time. */
  kernelMs: number;
  userspaceMs: number;
  /** How long each unit took to start (systemd-analyze blame). */
  activation: { unit: string; ms: number; at: number }[];
}

export type SystemdReply =
  | { kind: 'jobs'; outcomes: JobOutcome[] }
  | { kind: 'units'; units: UnitSnapshot[] }
  | { kind: 'manager'; manager: ManagerSnapshot }
  | { kind: 'ok' }
  | { kind: 'environment'; env: string[] }
  | { kind: 'error'; message: string; code: number };
