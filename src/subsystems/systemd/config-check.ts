// The value checks of unit-file settings the manager does not otherwise act on here: each
// config_parse_*() callback of src/core/load-fragment.c logs a value it cannot use and keeps the
// earlier one, and a few (User=, Group=, WorkingDirectory=, DynamicUser=) make the whole unit
// unusable. Only the wording and the verdict matter; the values themselves are not kept.
import { parseBoolean, type UnitAssignment, type UnitSettings } from '../../shared/systemd/unit-file';
import { extractFirstWord } from '../../shared/systemd/words';
import { parseTimespan } from '../../shared/systemd/time-span';
import { parseSignal } from '../../shared/signals';
import { signalFromString } from '../../shared/systemd/signal-name';
import { parseExitStatus } from '../../shared/systemd/exit-status';
import { unitNameIsValid, unitNameToType } from '../../shared/systemd/unit-name';

export { signalFromString };

/** What a check says: nothing (fine), warnings, and whether the unit is now unusable. */
interface Verdict {
  warnings: string[];
  fatal?: boolean;
}

type Check = (value: string, key: string, unit: string) => Verdict | undefined;

const ok = undefined;
const warn = (...warnings: string[]): Verdict => ({ warnings });

const isAbs = (p: string): boolean => p.startsWith('/');
const sec = (v: string): boolean => typeof parseTimespan(v.trim()) !== 'string';

function oneOf(values: string, message: string): Check {
  const set = new Set(values.split(' '));
  return (v) => (set.has(v) ? ok : warn(`${message}, ignoring: ${v}`));
}

const bool: Check = (v) => (parseBoolean(v) !== undefined ? ok : warn(`Failed to parse boolean value, ignoring: ${v}`));
const boolOr = (values: string, message: string): Check => {
  const set = new Set(values.split(' '));
  return (v) => (parseBoolean(v) !== undefined || set.has(v) ? ok : warn(`${message}, ignoring: ${v}`));
};
const secCheck = (message: string): Check => (v) => (v === '' || sec(v) ? ok : warn(`${message}, ignoring: ${v}`));
const unsigned: Check = (v) => (/^\d+$/.test(v) && Number(v) <= 0xffffffff ? ok : warn(`Failed to parse unsigned value, ignoring: ${v}`));

/** parse_size(.., 1024): digits with an optional fraction and a binary suffix (B K M G T P E). */
function parseSize(v: string): bigint | 'EINVAL' | 'ERANGE' {
  const m = /^\s*(-?)(\d+)(?:\.(\d+))?\s*([BKMGTPE]?)$/.exec(v);
  if (!m) return 'EINVAL';
  if (m[1]) return 'ERANGE';
  const factor = 1024n ** BigInt('BKMGTPE'.indexOf(m[4] || 'B'));
  const frac = m[3] ? (BigInt(m[3]) * factor) / 10n ** BigInt(m[3].length) : 0n;
  const n = BigInt(m[2]!) * factor + frac;
  return n >= 2n ** 64n ? 'ERANGE' : n;
}

/** A percentage ("50%", "12.5%"): its value in permyriad, or undefined. */
function percent(v: string, max = 100): number | undefined | 'bad' {
  if (!v.endsWith('%')) return undefined;
  const m = /^(\d+)(?:\.(\d{1,2}))?%$/.exec(v);
  if (!m) return 'bad';
  const n = Number(m[1]) + Number(`0.${m[2] ?? '0'}`);
  return n > max ? 'bad' : Math.round(n * 100);
}

const memory: Check = (v, key) => {
  if (v === '' || v === 'infinity') return ok;
  const p = percent(v);
  if (p === 'bad') return warn(`Invalid memory limit '${v}', ignoring: Invalid argument`);
  if (p !== undefined) return p === 0 && key !== 'MemoryLow' && key !== 'MemoryMin' ? warn(`Memory limit '${v}' out of range, ignoring.`) : ok;
  const n = parseSize(v);
  if (n === 'EINVAL') return warn(`Invalid memory limit '${v}', ignoring: Invalid argument`);
  if (n === 'ERANGE') return warn(`Invalid memory limit '${v}', ignoring: Numerical result out of range`);
  if (n === 0n && (key === 'MemoryMax' || key === 'MemoryHigh' || key === 'MemoryLimit')) return warn(`Memory limit '${v}' out of range, ignoring.`);
  return ok;
};

/** MemoryLimit=: a value that parses (an empty one too) draws the deprecation notice. */
const memoryLimit: Check = (v, k, u) => memory(v, k, u) ?? warn('Unit uses MemoryLimit=; please use MemoryMax= instead. Support for MemoryLimit= will be removed soon.');

const tasksMax: Check = (v) => {
  if (v === '' || v === 'infinity') return ok;
  const p = percent(v);
  if (p === 'bad') return warn(`Invalid maximum tasks value '${v}', ignoring: Invalid argument`);
  if (p !== undefined) return p === 0 ? warn(`Maximum tasks value '${v}' out of range, ignoring.`) : ok;
  if (/^-\d+$/.test(v)) return warn(`Invalid maximum tasks value '${v}', ignoring: Numerical result out of range`);
  if (!/^\d+$/.test(v)) return warn(`Invalid maximum tasks value '${v}', ignoring: Invalid argument`);
  return Number(v) === 0 ? warn(`Maximum tasks value '${v}' out of range, ignoring.`) : ok;
};

const cpuQuota: Check = (v) => {
  if (v === '') return ok;
  const p = percent(v, Number.MAX_SAFE_INTEGER);
  return p === undefined || p === 'bad' || p === 0 ? warn(`Invalid CPU quota '${v}', ignoring.`) : ok;
};

const weight = (message: string): Check => (v) => {
  if (v === '') return ok;
  return /^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 10000 ? ok : warn(`${message}, ignoring: ${v}`);
};

const cpuShares: Check = (v, key) => {
  const out = [`Unit uses ${key}=; please use CPUWeight= instead. Support for ${key}= will be removed soon.`];
  if (v !== '' && !(/^\d+$/.test(v) && Number(v) >= 2 && Number(v) <= 262144)) out.push(`Invalid CPU shares, ignoring: ${v}`);
  return { warnings: out };
};

const nice: Check = (v) => {
  if (!/^\s*[+-]?\d+$/.test(v)) return warn(`Failed to parse nice priority '${v}', ignoring: Invalid argument`);
  const n = Number(v);
  return n < -20 || n > 19 ? warn(`Nice priority out of range, ignoring: ${v}`) : ok;
};

const oomScore: Check = (v) => {
  if (!/^\s*[+-]?\d+$/.test(v)) return warn(`Failed to parse the OOM score adjust value '${v}', ignoring: Invalid argument`);
  const n = Number(v);
  return n < -1000 || n > 1000 ? warn(`OOM score adjust value out of range, ignoring: ${v}`) : ok;
};

const mode: Check = (v) => (/^[0-7]+$/.test(v) && parseInt(v, 8) <= 0o7777 ? ok : warn(`Failed to parse mode value, ignoring: ${v}`));

/** rlimit_parse(): a value or "soft:hard"; sizes, times or plain numbers by resource. */
const rlimit: Check = (v, key) => {
  const one = (x: string): bigint | undefined => {
    if (x === 'infinity') return 2n ** 64n;
    switch (key) {
      case 'LimitCPU':
      case 'LimitRTTIME': {
        const u = parseTimespan(x);
        return typeof u === 'string' ? undefined : BigInt(u);
      }
      case 'LimitNICE': {
        if (/^[+-]\d+$/.test(x)) return Number(x) >= -20 && Number(x) <= 19 ? BigInt(20 - Number(x)) : undefined;
        return /^\d+$/.test(x) && Number(x) <= 40 ? BigInt(x) : undefined;
      }
      case 'LimitCORE': case 'LimitFSIZE': case 'LimitDATA': case 'LimitSTACK': case 'LimitAS':
      case 'LimitRSS': case 'LimitMEMLOCK': case 'LimitMSGQUEUE': {
        const n = parseSize(x);
        return typeof n === 'bigint' ? n : undefined;
      }
      default:
        return /^\d+$/.test(x) ? BigInt(x) : undefined;
    }
  };
  const parts = v.split(':');
  if (parts.length > 2) return warn(`Failed to parse resource value, ignoring: ${v}`);
  const soft = one(parts[0]!);
  const hard = parts.length === 2 ? one(parts[1]!) : soft;
  if (soft === undefined || hard === undefined) return warn(`Failed to parse resource value, ignoring: ${v}`);
  if (soft > hard) return warn(`Soft resource limit chosen higher than hard limit, ignoring: ${v}`);
  return ok;
};

/** valid_user_group_name(.., VALID_USER_RELAX|VALID_USER_ALLOW_NUMERIC); a bad one is fatal. */
function userName(v: string): boolean {
  if (v === '' || v === '.' || v === '..') return false;
  if (/[\x00-\x1f\x7f:/]/.test(v) || /^\s|\s$/.test(v)) return false;
  if (/^\d+$/.test(v)) return Number(v) < 0xffffffff || Number(v) === 0xffffffff;
  return true;
}
const user: Check = (v, key) => {
  if (v !== '' && !userName(v)) return { warnings: [`Invalid user/group name or numeric ID: ${v}`], fatal: true };
  return (key === 'User' || key === 'SocketUser') && v === 'nobody' ? warn(`Special user ${v} configured, this is not safe!`) : ok;
};
const groups: Check = (v) => {
  for (const w of words(v)) if (!userName(w)) return { warnings: [`Invalid user/group name or numeric ID: ${w}`], fatal: true };
  return ok;
};

/** WorkingDirectory=/RootDirectory=: absolute ("-" allowed before it, "~" for the home). */
const fatalPath = (tilde: boolean): Check => (v, key) => {
  if (v === '') return ok;
  const p = v.startsWith('-') ? v.slice(1) : v;
  if (tilde && p === '~') return ok;
  return isAbs(p) ? ok : { warnings: [`${key}= path is not absolute: ${p}`], fatal: true };
};

/** One absolute path, an optional "-" first (EnvironmentFile=, TTYPath=, SourcePath= ...). */
const absPath = (dash: boolean): Check => (v, key) => {
  if (v === '') return ok;
  const p = dash && v.startsWith('-') ? v.slice(1) : v;
  return isAbs(p) ? ok : warn(`${key}= path is not absolute, ignoring: ${p}`);
};

/** ReadWritePaths= and friends: words, each with optional "-" then "+" before the path. */
const pathList: Check = (v, key) => {
  const out: string[] = [];
  for (const w of words(v, true)) {
    let p = w;
    if (p.startsWith('-')) p = p.slice(1);
    if (p.startsWith('+')) p = p.slice(1);
    if (!isAbs(p)) out.push(`${key}= path is not absolute, ignoring: ${p}`);
  }
  return out.length ? { warnings: out } : ok;
};

/** RequiresMountsFor=: words that must be absolute paths. */
const absWords: Check = (v, key) => {
  for (const w of words(v, true)) if (!isAbs(w)) return warn(`${key}= path is not absolute, ignoring: ${w}`);
  return ok;
};

function words(v: string, unquote = false): string[] {
  const out: string[] = [];
  let pos: number | undefined = 0;
  while (pos !== undefined) {
    const r = extractFirstWord(v, pos, { unquote });
    if (r === null || r === 'error') break;
    out.push(r.word);
    pos = r.next;
  }
  return out;
}

const OUTPUT = 'inherit null tty journal kmsg journal+console kmsg+console socket';
const output: Check = (v, key) => {
  if (v === 'syslog' || v === 'syslog+console')
    return warn(`Standard output type ${v} is obsolete, automatically updating to ${v === 'syslog' ? 'journal' : 'journal+console'}. Please update your unit file, and consider removing the setting altogether.`);
  if (OUTPUT.split(' ').includes(v) || v.startsWith('fd:')) return ok;
  const m = /^(file|append|truncate):(.*)$/.exec(v);
  if (m) return isAbs(m[2]!) ? ok : warn(`${key}= path is not absolute: ${m[2]}`);
  return warn(`Failed to parse output specifier, ignoring: ${v}`);
};
const input: Check = (v, key) => {
  if ('null tty tty-force tty-fail socket data'.split(' ').includes(v) || v.startsWith('fd:')) return ok;
  const m = /^file:(.*)$/.exec(v);
  if (m) return isAbs(m[1]!) ? ok : warn(`${key}= path is not absolute: ${m[1]}`);
  return warn(`Failed to parse input specifier, ignoring: ${v}`);
};

const killMode: Check = (v) => {
  if (v === 'none')
    return warn(
      "Unit uses KillMode=none. This is unsafe, as it disables systemd's process lifecycle management for the service. Please update the service to use a safer KillMode=, such as 'mixed' or 'control-group'. Support for KillMode=none is deprecated and will eventually be removed.",
    );
  return ['control-group', 'process', 'mixed'].includes(v) ? ok : warn(`Failed to parse kill mode specification, ignoring: ${v}`);
};

/** SuccessExitStatus= and the Restart*ExitStatus= lists: exit codes 0-255 or signal names. */
const statusList: Check = (v) => {
  const out: string[] = [];
  for (const w of words(v)) {
    const sig = /^SIG/.test(w) ? parseSignal(w) : undefined;
    if (parseExitStatus(w) === undefined && sig === undefined) out.push(`Failed to parse value, ignoring: ${w}`);
  }
  return out.length ? { warnings: out } : ok;
};

const envName = (n: string): boolean => /^[A-Za-z_][A-Za-z0-9_]*$/.test(n);
const passEnv: Check = (v) => {
  for (const w of words(v, true)) if (!envName(w)) return warn(`Invalid environment name for PassEnvironment, ignoring: ${w}`);
  return ok;
};
const unsetEnv: Check = (v) => {
  for (const w of words(v, true)) {
    const eq = w.indexOf('=');
    if (!envName(eq >= 0 ? w.slice(0, eq) : w)) return warn(`Invalid environment name or assignment UnsetEnvironment, ignoring: ${w}`);
  }
  return ok;
};

const slice: Check = (v, _key, unit) => {
  if (v === '') return ok;
  if (!unitNameIsValid(v)) return warn(`Failed to load slice unit ${v}, ignoring: Unit name ${v} is not valid.`);
  if (unitNameToType(v) !== 'slice') return warn(`Failed to assign slice ${v} to unit ${unit}, ignoring: Invalid argument`);
  return ok;
};

const documentation: Check = (v) => {
  for (const w of words(v, true)) if (!/^(https?:\/\/|file:|info:|man:)/.test(w) || /^(https?:\/\/)$/.test(w)) return warn(`Invalid URL, ignoring: ${w}`);
  return ok;
};

const ACTIONS = 'none reboot reboot-force reboot-immediate poweroff poweroff-force poweroff-immediate exit exit-force halt halt-force halt-immediate kexec kexec-force';
const action = (key: string): Check => oneOf(ACTIONS, `Failed to parse ${key}=`);

const LEVELS = 'emerg alert crit err warning notice info debug';
const FACILITIES = 'kern user mail daemon auth syslog lpr news uucp cron authpriv ftp local0 local1 local2 local3 local4 local5 local6 local7';

/** Conditions and asserts on paths: the path (after "|" and "!") must be absolute. */
const PATH_CONDITIONS = new Set([
  'PathExists', 'PathExistsGlob', 'PathIsDirectory', 'PathIsSymbolicLink', 'PathIsMountPoint', 'PathIsReadWrite',
  'PathIsEncrypted', 'DirectoryNotEmpty', 'FileNotEmpty', 'FileIsExecutable', 'NeedsUpdate',
]);
const condPath: Check = (v, key) => {
  if (v === '') return ok;
  let p = v;
  if (p.startsWith('|')) p = p.slice(1).trimStart();
  if (p.startsWith('!')) p = p.slice(1).trimStart();
  return isAbs(p) ? ok : warn(`${key}= path is not absolute, ignoring: ${p}`);
};

/** A log level by name or number (an empty value is no level either). */
const logLevel: Check = (v) => (LEVELS.split(' ').includes(v) || (/^\d$/.test(v) && Number(v) <= 7) ? ok : warn(`Failed to parse log level, ignoring: ${v}`));

/** FailureActionExitStatus= / SuccessActionExitStatus=: 0-255, or empty. */
const actionExitStatus: Check = (v) => {
  if (v === '' || (/^\d+$/.test(v) && Number(v) <= 255)) return ok;
  return warn(`Failed to parse exit status '${v}', ignoring: ${/^[+-]?\d+$/.test(v) ? 'Numerical result out of range' : 'Invalid argument'}`);
};

/** CPUAffinity=: CPU numbers and ranges ("0,2 4-7"), or "numa". */
const cpuAffinity: Check = (v) => {
  if (v === 'numa') return ok;
  for (const w of v.split(/[\s,]+/).filter(Boolean)) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(w);
    if (!m) return { warnings: [`Failed to parse CPU affinity '${v}'`] };
    if (m[2] !== undefined && Number(m[1]) > Number(m[2])) return warn(`Range '${w}' is invalid, ${m[1]} > ${m[2]}, ignoring.`);
  }
  return ok;
};

/** The address families RestrictAddressFamilies= knows (Linux's AF_ names). */
const ADDRESS_FAMILIES = new Set(('UNIX LOCAL INET AX25 IPX APPLETALK NETROM BRIDGE ATMPVC X25 INET6 ROSE DECnet NETBEUI SECURITY '
  + 'KEY NETLINK ROUTE PACKET ASH ECONET ATMSVC RDS SNA IRDA PPPOX WANPIPE LLC IB MPLS CAN TIPC BLUETOOTH IUCV RXRPC ISDN '
  + 'PHONET IEEE802154 CAIF ALG NFC VSOCK KCM QIPCRTR SMC XDP MCTP').split(' ').map((n) => `AF_${n}`));
const addressFamilies: Check = (v) => {
  const list = v.startsWith('~') ? v.slice(1) : v;
  if (list === 'none') return ok;
  const out = words(list).filter((w) => !ADDRESS_FAMILIES.has(w)).map((w) => `Failed to parse address family, ignoring: ${w}`);
  return out.length ? { warnings: out } : ok;
};

const UNIT_CHECKS: Record<string, Check> = {
  FailureActionExitStatus: actionExitStatus, SuccessActionExitStatus: actionExitStatus,
  StopWhenUnneeded: bool, AllowIsolate: bool, IgnoreOnIsolate: bool, OnFailureIsolate: bool,
  JobTimeoutSec: secCheck('Failed to parse JobTimeoutSec= parameter'),
  JobRunningTimeoutSec: secCheck('Failed to parse JobRunningTimeoutSec= parameter'),
  StartLimitAction: action('StartLimitAction'), FailureAction: action('FailureAction'),
  SuccessAction: action('SuccessAction'), JobTimeoutAction: action('JobTimeoutAction'),
  CollectMode: oneOf('inactive inactive-or-failed', 'Failed to parse garbage collection mode'),
  OnFailureJobMode: oneOf('fail replace replace-irreversibly isolate flush ignore-dependencies ignore-requirements', 'Failed to parse job mode'),
  OnSuccessJobMode: oneOf('fail replace replace-irreversibly isolate flush ignore-dependencies ignore-requirements', 'Failed to parse job mode'),
  RequiresMountsFor: absWords, SourcePath: absPath(false), Documentation: documentation,
};

const signal: Check = (v) => (signalFromString(v) === undefined ? warn(`Failed to parse signal name, ignoring: ${v}`) : ok);

/** RuntimeDirectory= ...: relative, normalised paths (path_simplify_and_warn, PATH_CHECK_RELATIVE). */
const execDirs: Check = (v, key) => {
  const out: string[] = [];
  for (const w of words(v, true)) {
    // "" stops the list; "SOURCE:DEST" checks both halves
    if (w === '') {
      out.push(`Invalid syntax in ${key}=, ignoring: `);
      break;
    }
    for (const p of w.split(':').slice(0, 2)) {
      if (p === '') continue;
      if (isAbs(p)) out.push(`${key}= path is absolute, ignoring: ${p}`);
      else {
        const parts = p.split('/').filter((x) => x !== '' && x !== '.');
        if (parts.length === 0 || parts.includes('..')) out.push(`${key}= path is not normalized, ignoring: ${p}`);
      }
    }
  }
  return out.length ? { warnings: out } : ok;
};

/** Delegate=: a boolean, or cgroup controller names. */
const CONTROLLERS = new Set(('cpu cpuacct cpuset io blkio memory devices pids bpf-firewall bpf-devices bpf-foreign '
  + 'bpf-socket-bind bpf-restrict-network-interfaces').split(' '));
const delegate: Check = (v) => {
  if (parseBoolean(v) !== undefined) return ok;
  const out = words(v, true).filter((w) => !CONTROLLERS.has(w)).map((w) => `Invalid controller name '${w}', ignoring`);
  return out.length ? { warnings: out } : ok;
};

/** A D-Bus service name: a unique ":1.2" or a well-known "org.example.App" (two elements or more). */
function busName(v: string): boolean {
  if (v.length > 255) return false;
  const unique = v.startsWith(':');
  const parts = (unique ? v.slice(1) : v).split('.');
  if (parts.length < 2) return false;
  return parts.every((x) => (unique ? /^[A-Za-z0-9_-]+$/ : /^[A-Za-z_-][A-Za-z0-9_-]*$/).test(x));
}

/** Settings of the units that run processes ([Service], [Socket], [Mount], [Swap]). */
const EXEC_CHECKS: Record<string, Check> = {
  PrivateTmp: bool, PrivateDevices: bool, PrivateNetwork: bool, PrivateMounts: bool, PrivateIPC: bool,
  NoNewPrivileges: bool, ProtectKernelTunables: bool, ProtectKernelModules: bool, ProtectKernelLogs: bool,
  ProtectControlGroups: bool, ProtectClock: bool, ProtectHostname: bool, RestrictRealtime: bool,
  RestrictSUIDSGID: bool, LockPersonality: bool, MemoryDenyWriteExecute: bool, RemoveIPC: bool,
  IgnoreSIGPIPE: bool, TTYReset: bool, TTYVHangup: bool, TTYVTDisallocate: bool, SendSIGHUP: bool,
  SendSIGKILL: bool, CPUAccounting: bool, MemoryAccounting: bool, TasksAccounting: bool,
  IOAccounting: bool, IPAccounting: bool, BlockIOAccounting: bool,
  DynamicUser: (v) => (parseBoolean(v) !== undefined ? ok : { warnings: [`Failed to parse boolean value: ${v}`], fatal: true }),
  ProtectSystem: boolOr('full strict', 'Failed to parse protect system value'),
  ProtectHome: boolOr('read-only tmpfs', 'Failed to parse protect home value'),
  KillMode: killMode,
  StandardOutput: output, StandardError: output, StandardInput: input,
  SyslogLevel: logLevel, LogLevelMax: logLevel,
  SyslogFacility: (v) => (FACILITIES.split(' ').includes(v) || (/^\d+$/.test(v) && Number(v) <= 127) ? ok : warn(`Failed to parse log facility, ignoring: ${v}`)),
  CPUSchedulingPriority: (v) => {
    if (!/^[+-]?\d+$/.test(v)) return warn(`Failed to parse CPU scheduling priority, ignoring: ${v}`);
    return Number(v) < 0 || Number(v) > 99 ? warn(`CPU scheduling priority is out of range, ignoring: ${v}`) : ok;
  },
  IOSchedulingPriority: (v) => (/^\d+$/.test(v) && Number(v) <= 7 ? ok : warn(`Failed to parse IO priority, ignoring: ${v}`)),
  CPUAffinity: cpuAffinity,
  RestrictAddressFamilies: addressFamilies,
  CPUSchedulingPolicy: oneOf('other batch idle fifo rr', 'Failed to parse CPU scheduling policy'),
  IOSchedulingClass: oneOf('none realtime best-effort idle 0 1 2 3', 'Failed to parse IO scheduling class'),
  Nice: nice, OOMScoreAdjust: oomScore,
  UMask: mode, RuntimeDirectoryMode: mode, StateDirectoryMode: mode, CacheDirectoryMode: mode,
  LogsDirectoryMode: mode, ConfigurationDirectoryMode: mode,
  MemoryMax: memory, MemoryHigh: memory,
  MemoryLimit: memoryLimit, MemoryLow: memory, MemoryMin: memory, MemorySwapMax: memory,
  TasksMax: tasksMax, CPUQuota: cpuQuota,
  CPUWeight: (v, k, u) => (v === 'idle' ? ok : weight('Invalid CPU weight')(v, k, u)), StartupCPUWeight: (v, k, u) => (v === 'idle' ? ok : weight('Invalid CPU weight')(v, k, u)),
  IOWeight: weight('Invalid weight'), StartupIOWeight: weight('Invalid weight'), CPUShares: cpuShares, StartupCPUShares: cpuShares,
  User: user, Group: user, SupplementaryGroups: groups,
  WorkingDirectory: fatalPath(true), RootDirectory: fatalPath(false),
  EnvironmentFile: absPath(true), TTYPath: absPath(false),
  ReadWritePaths: pathList, ReadOnlyPaths: pathList, InaccessiblePaths: pathList, ExecPaths: pathList, NoExecPaths: pathList,
  PassEnvironment: passEnv, UnsetEnvironment: unsetEnv,
  Slice: slice,
  RestartKillSignal: signal, FinalKillSignal: signal, WatchdogSignal: signal,
  Delegate: delegate,
  RuntimeDirectory: execDirs, StateDirectory: execDirs, CacheDirectory: execDirs, LogsDirectory: execDirs, ConfigurationDirectory: execDirs,
};
for (const k of ['AS', 'CORE', 'CPU', 'DATA', 'FSIZE', 'LOCKS', 'MEMLOCK', 'MSGQUEUE', 'NICE', 'NOFILE', 'NPROC', 'RSS', 'RTPRIO', 'RTTIME', 'SIGPENDING', 'STACK']) EXEC_CHECKS[`Limit${k}`] = rlimit;

const SERVICE_CHECKS: Record<string, Check> = {
  OOMPolicy: oneOf('continue stop kill', 'Failed to parse OOM policy'),
  BusName: (v) => (busName(v) ? ok : warn(`Invalid bus name, ignoring: ${v}`)),
  GuessMainPID: bool, PermissionsStartOnly: bool, RootDirectoryStartOnly: bool, NonBlocking: bool,
  NotifyAccess: oneOf('none main exec all', 'Failed to parse notify access specifier'),
  ExitType: oneOf('main cgroup', 'Failed to parse service exit type'),
  FileDescriptorStoreMax: unsigned,
  SuccessExitStatus: statusList, RestartPreventExitStatus: statusList, RestartForceExitStatus: statusList,
  WatchdogSec: secCheck('Failed to parse sec value'), RuntimeMaxSec: secCheck('Failed to parse sec value'),
  RuntimeRandomizedExtraSec: secCheck('Failed to parse sec value'),
  TimeoutAbortSec: secCheck('Failed to parse TimeoutAbortSec= setting'),
};

/** socket_address_parse(): a port, a path, an abstract name, "ADDR:PORT", "[ADDR6]:PORT", vsock. */
function socketAddress(v: string): boolean {
  if (/^\d+$/.test(v)) return Number(v) >= 1 && Number(v) <= 65535;
  if (v.startsWith('/') || (v.startsWith('@') && v.length > 1)) return true;
  if (v.startsWith('vsock:')) return /^vsock:(\d+|[a-z]+)?:\d+$/.test(v);
  const m6 = /^\[([0-9A-Fa-f:.]+)(%[^\]]+)?\]:(\d+)$/.exec(v);
  if (m6) return Number(m6[3]) >= 1 && Number(m6[3]) <= 65535;
  const m4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(%\S+)?:(\d+)$/.exec(v);
  if (m4) return [m4[1], m4[2], m4[3], m4[4]].every((x) => Number(x) <= 255) && Number(m4[6]) >= 1 && Number(m4[6]) <= 65535;
  return false;
}
const listen: Check = (v) => {
  if (/^\d+$/.test(v) && !socketAddress(v)) return warn(`Failed to parse address value in '${v}', ignoring: Numerical result out of range`);
  return socketAddress(v) ? ok : warn(`Failed to parse address value in '${v}', ignoring: Invalid argument`);
};

/** Unit= of a timer or path unit: a valid unit name other than its own. */
const triggerUnit: Check = (v, _key, unit) => {
  if (!unitNameIsValid(v)) return warn(`Unit type not valid, ignoring: ${v}`);
  return v === unit ? warn(`Units cannot trigger themselves, ignoring: ${v}`) : ok;
};

const SOCKET_CHECKS: Record<string, Check> = {
  ListenStream: listen, ListenDatagram: listen, ListenSequentialPacket: listen,
  Accept: bool, KeepAlive: bool, NoDelay: bool, FreeBind: bool, Transparent: bool, Broadcast: bool,
  PassCredentials: bool, PassSecurity: bool, PassPacketInfo: bool, ReusePort: bool, RemoveOnStop: bool,
  Writable: bool, FlushPending: bool, SELinuxContextFromNet: bool,
  SocketMode: mode, DirectoryMode: mode,
  Backlog: unsigned, MaxConnections: unsigned, MaxConnectionsPerSource: unsigned, KeepAliveProbes: unsigned,
  SocketUser: user, SocketGroup: user,
  Service: (v) => (unitNameIsValid(v) && unitNameToType(v) === 'service' ? ok : warn(`Unit must be of type service, ignoring: ${v}`)),
};

const TIMER_CHECKS: Record<string, Check> = {
  AccuracySec: secCheck('Failed to parse sec value'), RandomizedDelaySec: secCheck('Failed to parse sec value'),
  WakeSystem: bool, RemainAfterElapse: bool, OnClockChange: bool, OnTimezoneChange: bool, FixedRandomDelay: bool,
  Unit: triggerUnit,
};

const PATH_CHECKS: Record<string, Check> = {
  PathExists: absPath(false), PathExistsGlob: absPath(false), PathChanged: absPath(false), PathModified: absPath(false),
  DirectoryNotEmpty: absPath(false), MakeDirectory: bool, DirectoryMode: mode, Unit: triggerUnit,
};

const RUNS_PROCESSES = new Set(['Service', 'Socket', 'Mount', 'Swap']);

/** The checks for one assignment, by its section. */
function checkFor(a: UnitAssignment): Check | undefined {
  if (a.section === 'Unit') {
    const m = /^(?:Condition|Assert)(\w+)$/.exec(a.key);
    if (m && PATH_CONDITIONS.has(m[1]!)) return condPath;
    return UNIT_CHECKS[a.key];
  }
  if (a.section === 'Service' && SERVICE_CHECKS[a.key]) return SERVICE_CHECKS[a.key];
  if (a.section === 'Socket' && SOCKET_CHECKS[a.key]) return SOCKET_CHECKS[a.key];
  if (a.section === 'Timer') return TIMER_CHECKS[a.key];
  if (a.section === 'Path') return PATH_CHECKS[a.key];
  if (RUNS_PROCESSES.has(a.section)) return EXEC_CHECKS[a.key];
  if ((a.section === 'Slice' || a.section === 'Scope') && a.key !== 'Slice') return EXEC_CHECKS[a.key];
  return undefined;
}

/** The checks that an empty value goes through too (it is no reset for them). */
const CHECK_EMPTY = new Set<Check>([mode, memoryLimit, logLevel]);

/**
 * Checks every setting that has a value check; pushes "FILE:LINE: message" warnings and adds
 * to `fatal` those that make the unit unusable. `unitName` names the unit in messages that do.
 */
export function checkSettings(s: UnitSettings, unitName: string, warnings: string[], fatal: Set<string>): void {
  for (const a of s.assignments) {
    const check = checkFor(a);
    if (!check) continue;
    // an empty value resets most settings to their default
    if (a.value === '' && !CHECK_EMPTY.has(check)) continue;
    const v = check(a.value, a.key, unitName);
    if (!v) continue;
    const at = a.file ? `${a.file}:${a.line}: ` : '';
    for (const w of v.warnings) warnings.push(`${at}${w}`);
    if (v.fatal) fatal.add(`${at}${v.warnings.at(-1)}`);
  }
}

/** The Listen*= settings, each with whether a value is usable. */
const LISTEN_KEYS: Record<string, (v: string) => boolean> = {
  ListenStream: socketAddress, ListenDatagram: socketAddress, ListenSequentialPacket: socketAddress,
  ListenFIFO: isAbs, ListenSpecial: isAbs, ListenUSBFunction: isAbs, ListenMessageQueue: isAbs, ListenNetlink: () => true,
};
/** The conditions a path unit watches, each an absolute path. */
const PATH_KEYS: Record<string, (v: string) => boolean> = Object.fromEntries(
  ['PathExists', 'PathExistsGlob', 'PathChanged', 'PathModified', 'DirectoryNotEmpty'].map((k) => [k, isAbs]),
);

/** How many values of `keys` survive in `section`: an empty value drops every one so far. */
function countListed(s: UnitSettings, section: string, keys: Record<string, (v: string) => boolean>): number {
  let n = 0;
  for (const a of s.assignments) {
    if (a.section !== section || !Object.hasOwn(keys, a.key)) continue;
    if (a.value === '') n = 0;
    else if (keys[a.key]!(a.value)) n++;
  }
  return n;
}

/** The last value of `key` in [Service] that `valid` accepts. */
function lastValid(s: UnitSettings, key: string, valid: (v: string) => boolean): string | undefined {
  let out: string | undefined;
  for (const a of s.assignments) if (a.section === 'Service' && a.key === key && valid(a.value)) out = a.value;
  return out;
}

/** The rest of service_verify() (after the ExecStart= rules), in its order. */
function serviceRefusal(s: UnitSettings): string | undefined {
  const starts = s.assignments.some((a) => a.section === 'Service' && a.key === 'ExecStart' && a.value !== '');
  const type = lastValid(s, 'Type', (v) => 'simple exec forking oneshot dbus notify notify-reload idle'.split(' ').includes(v)) ?? (starts ? 'simple' : 'oneshot');
  const restart = lastValid(s, 'Restart', (v) => 'no on-success on-failure on-abnormal on-watchdog on-abort always'.split(' ').includes(v));
  if (type === 'oneshot' && (restart === 'always' || restart === 'on-success')) return "Service has Restart= set to either always or on-success, which isn't allowed for Type=oneshot services. Refusing.";
  if (type === 'dbus' && lastValid(s, 'BusName', busName) === undefined) return 'Service is of type D-Bus but no D-Bus service name has been specified. Refusing.';
  const pam = lastValid(s, 'PAMName', () => true);
  const kill = lastValid(s, 'KillMode', (v) => 'control-group process mixed none'.split(' ').includes(v)) ?? 'control-group';
  if (pam && kill !== 'control-group' && kill !== 'mixed') return "Service has PAM enabled. Kill mode must be set to 'control-group' or 'mixed'. Refusing.";
  return undefined;
}

/**
 * The verify steps a unit's type adds beyond what config.ts checks: a socket with no usable
 * Listen*=, a path unit watching nothing, a service's Restart=/BusName=/PAMName= conflicts.
 */
export function triggerRefusal(s: UnitSettings, type: string): string | undefined {
  if (type === 'socket' && countListed(s, 'Socket', LISTEN_KEYS) === 0) return 'Unit has no Listen setting (ListenStream=, ListenDatagram=, ListenFIFO=, ...). Refusing.';
  if (type === 'path' && countListed(s, 'Path', PATH_KEYS) === 0) return 'Path unit lacks path setting. Refusing.';
  if (type === 'service') return serviceRefusal(s);
  return undefined;
}
