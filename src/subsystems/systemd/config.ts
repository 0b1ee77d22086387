// A unit's settings turned into what the manager acts on: dependencies, conditions, and the
// [Service], [Socket] and [Timer] settings it implements (systemd.unit(5), systemd.service(5)).
import { parseBoolean, type UnitSettings } from '../../shared/systemd/unit-file';
import { extractWords } from '../../shared/systemd/words';
import { parseExitStatus } from '../../shared/systemd/exit-status';
import { parseTimespan, USEC_INFINITY } from '../../shared/systemd/time-span';
import { parseSignal } from '../../shared/signals';

export type ServiceType = 'simple' | 'exec' | 'forking' | 'oneshot' | 'notify' | 'dbus' | 'idle';
export type RestartPolicy = 'no' | 'on-success' | 'on-failure' | 'on-abnormal' | 'on-watchdog' | 'on-abort' | 'always';

export interface ExecCommand {
  /** The line as written (for status: "ExecStartPre=/usr/sbin/sshd -t"). */
  text: string;
  path: string;
  argv: string[];
  /** '-' prefix: a failure is ignored. */
  ignoreFailure: boolean;
  /** '+' or '!' prefix: runs with full privileges. */
  privileged: boolean;
}

export interface Condition {
  name: string;
  value: string;
  negate: boolean;
  trigger: boolean;
  assert: boolean;
}

export interface ServiceConfig {
  type: ServiceType;
  execCondition: ExecCommand[];
  execStartPre: ExecCommand[];
  execStart: ExecCommand[];
  execStartPost: ExecCommand[];
  execReload: ExecCommand[];
  execStop: ExecCommand[];
  execStopPost: ExecCommand[];
  restart: RestartPolicy;
  restartMs: number;
  remainAfterExit: boolean;
  user?: string;
  group?: string;
  environment: [string, string][];
  environmentFiles: { path: string; optional: boolean }[];
  workingDirectory?: string;
  pidFile?: string;
  killSignal: number;
  successExitStatus: number[];
  startLimitBurst: number;
  startLimitIntervalMs: number;
  toJournal: boolean;
}

export interface UnitConfig {
  description?: string;
  documentation: string[];
  requires: string[];
  requisite: string[];
  wants: string[];
  bindsTo: string[];
  partOf: string[];
  conflicts: string[];
  after: string[];
  before: string[];
  onFailure: string[];
  conditions: Condition[];
  defaultDependencies: boolean;
  refuseManualStart: boolean;
  refuseManualStop: boolean;
  service?: ServiceConfig;
  socket?: { listen: string[]; service?: string; mode: number; user: string; group: string };
  timer?: { onCalendar: string[]; onBootMs?: number; onActiveMs?: number; onUnitActiveMs?: number; persistent: boolean; unit?: string };
  /** Problems found while reading it, logged as systemd logs them. */
  warnings: string[];
  /** A setting that makes the unit unusable (`bad-setting`). */
  badSetting?: string;
}


/** A systemd time span ("100ms", "5s", "1min 30s", bare seconds, "infinity") in milliseconds. */
export function spanMs(text: string | undefined, fallback: number): number {
  if (text === undefined || text.trim() === '') return fallback;
  const usec = parseTimespan(text.trim());
  if (typeof usec === 'string') return fallback;
  return usec === USEC_INFINITY ? Number.POSITIVE_INFINITY : Number(usec) / 1000;
}

function parseExec(line: string, key: string, warnings: string[]): ExecCommand | undefined {
  let s = line.trim();
  let ignoreFailure = false;
  let privileged = false;
  // prefixes may combine: "-", "@", "+", "!", "!!", ":"
  while (s.length > 0 && '-@+!:'.includes(s[0]!)) {
    if (s[0] === '-') ignoreFailure = true;
    if (s[0] === '+' || s[0] === '!') privileged = true;
    s = s.slice(1);
  }
  const words = extractWords(s, { unquote: true, cunescape: true });
  if (!words || words.length === 0) {
    warnings.push(`Invalid ${key}= specification, ignoring: ${line}`);
    return undefined;
  }
  const path = words[0]!;
  if (!path.startsWith('/')) {
    // systemd 253 looks bare names up in its fixed search path
    const found = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin'].map((d) => `${d}/${path}`);
    return { text: line.trim(), path: found[3]!, argv: words, ignoreFailure, privileged };
  }
  return { text: line.trim(), path, argv: words, ignoreFailure, privileged };
}

function units(s: UnitSettings, key: string): string[] {
  return s.list('Unit', key);
}

export function unitConfig(s: UnitSettings, type: string): UnitConfig {
  const warnings = s.warnings.map((w) => `${w.file}:${w.line}: ${w.message}`);
  const conditions: Condition[] = [];
  for (const a of s.assignments) {
    if (a.section !== 'Unit') continue;
    const m = /^(Condition|Assert)(\w+)$/.exec(a.key);
    if (!m) continue;
    let v = a.value;
    let trigger = false;
    let negate = false;
    if (v.startsWith('|')) {
      trigger = true;
      v = v.slice(1);
    }
    if (v.startsWith('!')) {
      negate = true;
      v = v.slice(1);
    }
    conditions.push({ name: m[2]!, value: v, negate, trigger, assert: m[1] === 'Assert' });
  }
  const cfg: UnitConfig = {
    description: s.get('Unit', 'Description'),
    documentation: s.list('Unit', 'Documentation'),
    requires: units(s, 'Requires'),
    requisite: units(s, 'Requisite'),
    wants: units(s, 'Wants'),
    bindsTo: units(s, 'BindsTo'),
    partOf: units(s, 'PartOf'),
    conflicts: units(s, 'Conflicts'),
    after: units(s, 'After'),
    before: units(s, 'Before'),
    onFailure: units(s, 'OnFailure'),
    conditions,
    defaultDependencies: parseBoolean(s.get('Unit', 'DefaultDependencies') ?? 'yes') ?? true,
    refuseManualStart: parseBoolean(s.get('Unit', 'RefuseManualStart') ?? 'no') ?? false,
    refuseManualStop: parseBoolean(s.get('Unit', 'RefuseManualStop') ?? 'no') ?? false,
    warnings,
  };
  if (type === 'service') cfg.service = serviceConfig(s, cfg);
  if (type === 'socket') {
    const mode = s.get('Socket', 'SocketMode');
    cfg.socket = {
      listen: [...s.list('Socket', 'ListenStream'), ...s.list('Socket', 'ListenDatagram')], service: s.get('Socket', 'Service'),
      mode: mode && /^[0-7]{1,4}$/.test(mode) ? parseInt(mode, 8) : 0o666, user: s.get('Socket', 'SocketUser') || 'root', group: s.get('Socket', 'SocketGroup') || 'root',
    };
  }
  if (type === 'timer') {
    const ms = (k: string): number | undefined => (s.get('Timer', k) === undefined ? undefined : spanMs(s.get('Timer', k), 0));
    cfg.timer = {
      onCalendar: s.values('Timer', 'OnCalendar').filter((v) => v !== ''),
      onBootMs: ms('OnBootSec') ?? ms('OnStartupSec'),
      onActiveMs: ms('OnActiveSec'),
      onUnitActiveMs: ms('OnUnitActiveSec'),
      persistent: parseBoolean(s.get('Timer', 'Persistent') ?? 'no') ?? false,
      unit: s.get('Timer', 'Unit'),
    };
  }
  return cfg;
}

function serviceConfig(s: UnitSettings, cfg: UnitConfig): ServiceConfig {
  const exec = (key: string): ExecCommand[] => {
    let out: ExecCommand[] = [];
    for (const v of s.values('Service', key)) {
      if (v === '') {
        out = [];
        continue;
      }
      const c = parseExec(v, key, cfg.warnings);
      if (c) out.push(c);
    }
    return out;
  };
  const execStart = exec('ExecStart');
  const typeText = s.get('Service', 'Type');
  let type: ServiceType = execStart.length === 0 ? 'oneshot' : 'simple';
  if (typeText !== undefined) {
    if (['simple', 'exec', 'forking', 'oneshot', 'notify', 'dbus', 'idle', 'notify-reload'].includes(typeText)) type = (typeText === 'notify-reload' ? 'notify' : typeText) as ServiceType;
    else cfg.warnings.push(`Failed to parse service type, ignoring: ${typeText}`);
  }
  if (execStart.length === 0 && type !== 'oneshot') cfg.badSetting = "Service has no ExecStart=, ExecStop=, or SuccessAction=. Refusing.";
  if (execStart.length > 1 && type !== 'oneshot') cfg.badSetting = 'Service has more than one ExecStart= setting, which is only allowed for Type=oneshot services. Refusing.';
  const environment: [string, string][] = [];
  for (const w of s.list('Service', 'Environment', { unquote: true, cunescape: true })) {
    const eq = w.indexOf('=');
    if (eq > 0) environment.push([w.slice(0, eq), w.slice(eq + 1)]);
    else cfg.warnings.push(`Invalid environment assignment, ignoring: ${w}`);
  }
  const restart = (s.get('Service', 'Restart') ?? 'no') as RestartPolicy;
  const killSig = s.get('Service', 'KillSignal');
  return {
    type,
    execCondition: exec('ExecCondition'),
    execStartPre: exec('ExecStartPre'),
    execStart,
    execStartPost: exec('ExecStartPost'),
    execReload: exec('ExecReload'),
    execStop: exec('ExecStop'),
    execStopPost: exec('ExecStopPost'),
    restart: ['no', 'on-success', 'on-failure', 'on-abnormal', 'on-watchdog', 'on-abort', 'always'].includes(restart) ? restart : 'no',
    restartMs: spanMs(s.get('Service', 'RestartSec'), 100),
    remainAfterExit: parseBoolean(s.get('Service', 'RemainAfterExit') ?? 'no') ?? false,
    user: s.get('Service', 'User') || undefined,
    group: s.get('Service', 'Group') || undefined,
    environment,
    environmentFiles: s.values('Service', 'EnvironmentFile').filter((v) => v !== '').map((v) => (v.startsWith('-') ? { path: v.slice(1), optional: true } : { path: v, optional: false })),
    workingDirectory: s.get('Service', 'WorkingDirectory') || undefined,
    pidFile: s.get('Service', 'PIDFile') || undefined,
    killSignal: (killSig ? parseSignal(killSig) : undefined) ?? 15,
    successExitStatus: s.list('Service', 'SuccessExitStatus').map(parseExitStatus).filter((n): n is number => n !== undefined),
    startLimitBurst: Number(s.get('Unit', 'StartLimitBurst') ?? s.get('Service', 'StartLimitBurst') ?? 5) || 5,
    startLimitIntervalMs: spanMs(s.get('Unit', 'StartLimitIntervalSec') ?? s.get('Service', 'StartLimitInterval'), 10000),
    toJournal: !/^(null|tty|inherit)/.test(s.get('Service', 'StandardOutput') ?? 'journal'),
  };
}
