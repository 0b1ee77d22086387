// The value checks of unit-file settings the manager does not otherwise act on here: each
// config_parse_*() callback of src/core/load-fragment.c logs a value it cannot use and keeps the
// earlier one, and a few (User=, Group=, WorkingDirectory=, DynamicUser=) make the whole unit
// unusable. Only the wording and the verdict matter; the values themselves are not kept.
import { parseBoolean, UnitSettings, type UnitAssignment } from '../../shared/systemd/unit-file';
import { extractFirstWord, extractWords } from '../../shared/systemd/words';
import { parseTimespan } from '../../shared/systemd/time-span';
import { moreExecChecks, MORE_SERVICE_CHECKS, MORE_UNIT_CHECKS, legacy, firstWordAndRest, nonServiceChecks, unsupportedFor, MORE_SECTION_CHECKS } from './config-check-more';
import { SECCOMP_CHECKS } from './config-check-seccomp';
import { partsOf, resolveSpecifiers, specifierRule } from './config-specifiers';
export { dropBadSpecifiers } from './config-specifiers';
import { type Check, ok, warn, oneOf, bool, boolOr, secCheck, unsigned, words, pathProblem } from './check-base';
import { parseSignal } from '../../shared/signals';
import { signalFromString } from '../../shared/systemd/signal-name';
import { parseExitStatus } from '../../shared/systemd/exit-status';
import { unitNameIsValid, unitNameToType } from '../../shared/systemd/unit-name';

export { signalFromString };

/** Marks where the place of a bare warning ends ("FILE:LINE: \x01message"). */
export const BARE = '\x01';

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
  if (p !== undefined) return p === 0 && !/^(Default)?Memory(Low|Min)$/.test(key) ? warn(`Memory limit '${v}' out of range, ignoring.`) : ok;
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
  if (/^-\d+$/.test(v) || (/^\d+$/.test(v) && BigInt(v) >= 2n ** 64n)) return warn(`Invalid maximum tasks value '${v}', ignoring: Numerical result out of range`);
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
    // a nice level has no "infinity"
    if (x === 'infinity') return key === 'LimitNICE' ? undefined : 2n ** 64n;
    if (x === '') return undefined;
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
        return /^\d+$/.test(x) && BigInt(x) < 2n ** 64n ? BigInt(x) : undefined;
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
  // a numeric ID must parse as a valid uid (not 65535, not (uid_t)-1); other digit strings fail
  if (/^\d+$/.test(v)) return Number(v) < 0xffffffff && Number(v) !== 0xffff;
  if (/^-\d*$/.test(v)) return false;
  if (/[\x00-\x1f\x7f:/]/.test(v) || /^ | $/.test(v)) return false;
  return true;
}
/** The strict rules (a letter or "_", then letters, digits, "_" and "-"; at most 31 bytes). */
const strictName = (v: string): boolean => /^[A-Za-z_][A-Za-z0-9_-]*$/.test(v) && v.length <= 31;
const relaxedNotice = (v: string): string => `Accepting user/group name '${v}', which does not match strict user/group name rules.`;
const user: Check = (v, key) => {
  if (v !== '' && !userName(v)) return { warnings: [`Invalid user/group name or numeric ID: ${v}`], fatal: true };
  if (v !== '' && !/^\d+$/.test(v) && !strictName(v)) return { warnings: [relaxedNotice(v)], bare: true };
  return (key === 'User' || key === 'SocketUser') && v === 'nobody' ? warn(`Special user ${v} configured, this is not safe!`) : ok;
};
const groups: Check = (v) => {
  const notices: string[] = [];
  for (const w of words(v)) {
    if (!userName(w)) return { warnings: [`Invalid user/group name or numeric ID: ${w}`], fatal: true };
    if (!/^\d+$/.test(w) && !strictName(w)) notices.push(relaxedNotice(w));
  }
  return notices.length ? { warnings: notices, bare: true } : ok;
};

/** A path check's complaint as a verdict (a fatal one makes the unit unusable). */
const pathVerdict = (e: string | undefined, fatal = false) => (e === undefined ? ok : fatal ? { warnings: [e], fatal: true } : warn(e));

/** WorkingDirectory=: absolute or "~"; a "-" first makes a bad path only ignored, not fatal. */
const workingDirectory: Check = (v, key) => {
  if (v === '') return ok;
  const missingOk = v.startsWith('-');
  const p = missingOk ? v.slice(1) : v;
  if (p === '~') return ok;
  return pathVerdict(pathProblem(p, key, { want: 'absolute', fatal: !missingOk }), !missingOk);
};

/** RootDirectory=/RootImage=: an absolute, normalised path, or the unit is unusable. */
const fatalPath: Check = (v, key) => (v === '' ? ok : pathVerdict(pathProblem(v, key, { want: 'absolute', fatal: true }), true));

/** One absolute path, an optional "-" first (EnvironmentFile=, TTYPath=, SourcePath= ...). */
const absPath = (dash: boolean): Check => (v, key) => {
  if (v === '') return ok;
  return pathVerdict(pathProblem(dash && v.startsWith('-') ? v.slice(1) : v, key));
};

/** ReadWritePaths= and friends: words, each with optional "-" then "+" before the path. */
const pathList: Check = (v, key) => {
  const out: string[] = [];
  for (const w of words(v, true)) {
    let p = w;
    if (p.startsWith('-')) p = p.slice(1);
    if (p.startsWith('+')) p = p.slice(1);
    const e = pathProblem(p, key);
    if (e) out.push(e);
  }
  return out.length ? { warnings: out } : ok;
};

/** RequiresMountsFor=: words that must be absolute paths; a bad one is skipped. */
const absWords: Check = (v, key) => {
  const out: string[] = [];
  for (const w of words(v, true)) {
    const e = pathProblem(w, key);
    if (e) out.push(e);
  }
  return out.length ? { warnings: out } : ok;
};

const OUTPUT = 'inherit null tty journal kmsg journal+console kmsg+console socket';
const output: Check = (v, key) => {
  if (v === 'syslog' || v === 'syslog+console')
    return warn(`Standard output type ${v} is obsolete, automatically updating to ${v === 'syslog' ? 'journal' : 'journal+console'}. Please update your unit file, and consider removing the setting altogether.`);
  if (OUTPUT.split(' ').includes(v) || v.startsWith('fd:')) return ok;
  const m = /^(file|append|truncate):(.*)$/.exec(v);
  if (m) return pathVerdict(pathProblem(m[2]!, key, { want: 'absolute', fatal: true }));
  return warn(`Failed to parse output specifier, ignoring: ${v}`);
};
const input: Check = (v, key) => {
  if ('null tty tty-force tty-fail socket data'.split(' ').includes(v) || v.startsWith('fd:')) return ok;
  const m = /^file:(.*)$/.exec(v);
  if (m) return pathVerdict(pathProblem(m[1]!, key, { want: 'absolute', fatal: true }));
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
  const out = words(v, true).filter((w) => !envName(w)).map((w) => `Invalid environment name for PassEnvironment, ignoring: ${w}`);
  return out.length ? { warnings: out } : ok;
};
const unsetEnv: Check = (v) => {
  const out: string[] = [];
  for (const w of words(v, true)) {
    const eq = w.indexOf('=');
    if (!envName(eq >= 0 ? w.slice(0, eq) : w)) out.push(`Invalid environment name or assignment UnsetEnvironment, ignoring: ${w}`);
  }
  return out.length ? { warnings: out } : ok;
};

const slice: Check = (v, _key, unit) => {
  if (!unitNameIsValid(v)) return warn(`Failed to load slice unit ${v}, ignoring: Unit name ${v} is not valid.`);
  if (unitNameToType(v) !== 'slice') return warn(`Failed to assign slice ${v} to unit ${unit}, ignoring: Invalid argument`);
  return ok;
};

/** documentation_url_is_valid(): http(s)://, file:/, info: or man: with something (ASCII) after. */
function documentationUrl(u: string): boolean {
  const m = /^(https?:\/\/|file:\/|info:|man:)(.*)$/s.exec(u);
  return m !== null && m[2] !== '' && /^[\x00-\x7f]*$/.test(m[2]!);
}
/** Documentation=: words (quotes removed, backslashes kept); each bad URL is dropped with a warning. */
const documentation: Check = (v) => {
  const out: string[] = [];
  const list: string[] = [];
  let pos: number | undefined = 0;
  while (pos !== undefined) {
    const r = extractFirstWord(v, pos, { unquote: true, retainEscape: true });
    if (r === null) break;
    if (r === 'error') {
      out.push(`Invalid syntax, ignoring: ${v}`);
      break;
    }
    list.push(r.word);
    pos = r.next;
  }
  for (const u of list) if (!documentationUrl(u)) out.push(`Invalid URL, ignoring: ${u}`);
  return out.length ? { warnings: out } : ok;
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
  if (p.startsWith('|')) p = p.slice(1);
  if (p.startsWith('!')) p = p.slice(1);
  return pathVerdict(pathProblem(p, key));
};

/** A log level by name or number (an empty value is no level either). */
const logLevel: Check = (v) => (LEVELS.split(' ').includes(v) || (/^\d$/.test(v) && Number(v) <= 7) ? ok : warn(`Failed to parse log level, ignoring: ${v}`));

/** FailureActionExitStatus= / SuccessActionExitStatus=: 0-255, or empty. */
const actionExitStatus: Check = (v) => {
  if (v === '' || (/^\d+$/.test(v) && Number(v) <= 255)) return ok;
  return warn(`Failed to parse exit status '${v}', ignoring: ${/^[+-]?\d+$/.test(v) ? 'Numerical result out of range' : 'Invalid argument'}`);
};

/** safe_atou(): strtoul() with base 0 (0x hex, leading-0 octal), blanks and '+' allowed first; no sign '-', no junk after, 32 bits. */
function safeAtou(w: string): number | undefined {
  const m = /^[ \t\n\r]*(\+?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)$/.exec(w);
  if (!m) return undefined;
  const d = m[2]!;
  const n = /^0[xX]/.test(d) ? parseInt(d.slice(2), 16) : d.startsWith('0') ? parseInt(d, 8) : Number(d);
  return n > 0xffffffff ? undefined : n;
}

/** parse_range(): "N" or "N-M", each through safe_atou. */
function parseRange(w: string): [number, number] | undefined {
  const dash = w.indexOf('-');
  const lo = safeAtou(dash < 0 ? w : w.slice(0, dash));
  if (lo === undefined) return undefined;
  if (dash < 0) return [lo, lo];
  const hi = safeAtou(w.slice(dash + 1));
  return hi === undefined ? undefined : [lo, hi];
}

/** The highest CPU number a CPU set takes (CPU_SET_MAX_NCPU). */
const CPU_SET_MAX = 8192;

/**
 * CPUAffinity=, AllowedCPUs=: CPU numbers and ranges ("0,2 4-7") as parse_cpu_set_extend()
 * reads them, word by word: a word it cannot read or a CPU past the set's size ends the
 * parse, a backwards range is only skipped. CPUAffinity= also takes "numa" alone.
 */
const cpuAffinity: Check = (v, key) => {
  if (v === 'numa' && key === 'CPUAffinity') return ok;
  const list = extractWords(v, { separators: ' \t\n\r,', unquote: true });
  if (list === undefined) return warn(`Invalid value for ${key}: ${v}`);
  const out: string[] = [];
  for (const w of list) {
    const r = parseRange(w);
    if (!r) return warn(...out, `Failed to parse CPU affinity '${w}'`);
    if (r[0] > r[1]) out.push(`Range '${w}' is invalid, ${r[0]} > ${r[1]}, ignoring.`);
    else if (r[1] >= CPU_SET_MAX) return warn(...out, `Cannot add CPU ${r[1]} to set: Numerical result out of range`);
  }
  return out.length ? { warnings: out } : ok;
};

/** The address families RestrictAddressFamilies= knows (Linux's AF_ names). */
const ADDRESS_FAMILIES = new Set(('UNIX LOCAL INET AX25 IPX APPLETALK NETROM BRIDGE ATMPVC X25 INET6 ROSE DECnet NETBEUI SECURITY '
  + 'KEY NETLINK ROUTE PACKET ASH ECONET ATMSVC RDS SNA IRDA PPPOX WANPIPE LLC IB MPLS CAN TIPC BLUETOOTH IUCV RXRPC ISDN '
  + 'PHONET IEEE802154 CAIF ALG NFC VSOCK KCM QIPCRTR SMC XDP MCTP').split(' ').map((n) => `AF_${n}`));
const addressFamilies: Check = (v) => {
  const list = v.startsWith('~') ? v.slice(1) : v;
  if (list === 'none') return ok;
  const out = words(list, true).filter((w) => !ADDRESS_FAMILIES.has(w)).map((w) => `Failed to parse address family, ignoring: ${w}`);
  return out.length ? { warnings: out } : ok;
};

const UNIT_CHECKS: Record<string, Check> = {
  ...MORE_UNIT_CHECKS,
  FailureActionExitStatus: actionExitStatus, SuccessActionExitStatus: actionExitStatus,
  StopWhenUnneeded: bool, AllowIsolate: bool, IgnoreOnIsolate: bool,
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
      const e = pathProblem(p, key, { want: 'relative' });
      if (e) out.push(e);
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

/** RestrictNamespaces=: a boolean, or namespace types ("~" first inverts). */
const restrictNamespaces: Check = (v) => {
  if (parseBoolean(v) !== undefined) return ok;
  const list = words(v.startsWith('~') ? v.slice(1) : v);
  return list.every((w) => 'cgroup ipc net mnt pid user uts'.split(' ').includes(w)) ? ok : warn(`Failed to parse namespace type string, ignoring: ${v.startsWith('~') ? v.slice(1) : v}`);
};
/** in_addr_prefix_from_string_auto(): an IPv4 or IPv6 address with an optional /prefix. */
function addressPrefix(w: string): boolean {
  const [addr, len, ...rest] = w.split('/');
  if (rest.length || addr === undefined) return false;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(addr);
  if (v4) return [v4[1], v4[2], v4[3], v4[4]].every((x) => Number(x) <= 255) && (len === undefined || (/^\d+$/.test(len) && Number(len) <= 32));
  if (!/^[0-9A-Fa-f:.]+$/.test(addr) || !addr.includes(':') || (addr.match(/::/g) ?? []).length > 1) return false;
  return len === undefined || (/^\d+$/.test(len) && Number(len) <= 128);
}
/** IPAddressAllow=/IPAddressDeny=: each bad word is skipped with its own warning. */
const addressPrefixes: Check = (v) => {
  const out: string[] = [];
  for (const w of words(v)) if (!['any', 'localhost', 'link-local', 'multicast'].includes(w) && !addressPrefix(w)) out.push(`Address prefix is invalid, ignoring assignment: ${w}`);
  return out.length ? warn(...out) : ok;
};
/** DeviceAllow=: a device node below /dev or /sys (or "block-"/"char-"), then rights from "rwm". */
const deviceAllow: Check = (v) => {
  const [path = '', rights] = firstWordAndRest(v);
  if (!/^(block|char)-/.test(path) && !/^\/(dev|sys)\/./.test(path.replace(/\/+/g, '/'))) return warn(`Invalid device node path '${path}', ignoring.`);
  return rights !== '' && !/^[rwm]+$/.test(rights) ? warn(`Invalid device rights '${rights}', ignoring.`) : ok;
};

/** RootHash=: an absolute path, or the hash in hex, at least 16 bytes of it. */
const rootHash: Check = (v) => {
  if (v.startsWith('/')) return ok;
  if (!/^([0-9a-fA-F]{2})*$/.test(v)) return warn(`Failed to decode RootHash=, ignoring: ${v}`);
  return v.length < 32 ? warn(`RootHash= is too short, ignoring: ${v}`) : ok;
};
/** RootHashSignature=: an absolute path, or "base64:" and the signature. */
const rootHashSignature: Check = (v) => {
  if (v.startsWith('/')) return ok;
  if (!v.startsWith('base64:')) return warn(`Failed to decode RootHashSignature=, not a path but doesn't start with 'base64:', ignoring: ${v}`);
  return /^[A-Za-z0-9+/]*={0,2}$/.test(v.slice(7).replace(/\s+/g, '')) ? ok : warn(`Failed to decode RootHashSignature=, ignoring: ${v}`);
};
const BPF_ATTACH_TYPES = 'ingress egress sock_create sock_ops device bind4 bind6 connect4 connect6 post_bind4 post_bind6 sendmsg4 sendmsg6 sysctl recvmsg4 recvmsg6 getsockopt setsockopt'.split(' ');
/** BPFProgram=: an attach type, ":" and the absolute path of a pinned program. */
const bpfProgram: Check = (v, key) => {
  const colon = v.indexOf(':');
  const type = colon < 0 ? v : v.slice(0, colon);
  const path = colon < 0 ? '' : v.slice(colon + 1);
  if (type === '' || path === '') return warn(`Invalid syntax in BPFProgram=, ignoring: ${v}`);
  if (!BPF_ATTACH_TYPES.includes(type)) return warn(`Unknown BPF attach type=${type}, ignoring: ${v}`);
  const e = pathProblem(path, key);
  return e ? warn(e) : ok;
};

/** Settings of the units that run processes ([Service], [Socket], [Mount], [Swap]). */
const EXEC_CHECKS: Record<string, Check> = {
  RootHash: rootHash, RootHashSignature: rootHashSignature, BPFProgram: bpfProgram,
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

  IOSchedulingPriority: (v) => (/^\d+$/.test(v) && Number(v) <= 7 ? ok : warn(`Failed to parse IO priority, ignoring: ${v}`)),
  CPUAffinity: cpuAffinity,
  RestrictAddressFamilies: addressFamilies,
  // a policy by name, or its number
  CPUSchedulingPolicy: (v, k, u) => (/^\d+$/.test(v) && Number(v) <= 0x7fffffff ? ok : oneOf('other batch idle fifo rr', 'Failed to parse CPU scheduling policy')(v, k, u)),
  IOSchedulingClass: oneOf('none realtime best-effort idle 0 1 2 3', 'Failed to parse IO scheduling class'),
  Nice: nice, OOMScoreAdjust: oomScore,
  UMask: mode, RuntimeDirectoryMode: mode, StateDirectoryMode: mode, CacheDirectoryMode: mode,
  LogsDirectoryMode: mode, ConfigurationDirectoryMode: mode,
  MemoryMax: memory, MemoryHigh: memory,
  MemoryLimit: memoryLimit, MemoryLow: memory, MemoryMin: memory, MemorySwapMax: memory,
  DefaultMemoryLow: memory, DefaultMemoryMin: memory,
  TasksMax: tasksMax, CPUQuota: cpuQuota,
  CPUWeight: (v, k, u) => (v === 'idle' ? ok : weight('Invalid CPU weight')(v, k, u)), StartupCPUWeight: (v, k, u) => (v === 'idle' ? ok : weight('Invalid CPU weight')(v, k, u)),
  IOWeight: weight('Invalid weight'), StartupIOWeight: weight('Invalid weight'), CPUShares: cpuShares, StartupCPUShares: cpuShares,
  User: user, Group: user, SupplementaryGroups: groups,
  WorkingDirectory: workingDirectory, RootDirectory: fatalPath,
  EnvironmentFile: absPath(true), TTYPath: absPath(false),
  ReadWritePaths: pathList, ReadOnlyPaths: pathList, InaccessiblePaths: pathList, ExecPaths: pathList, NoExecPaths: pathList,
  ReadWriteDirectories: pathList, ReadOnlyDirectories: pathList, InaccessibleDirectories: pathList, ExtensionDirectories: pathList,
  PassEnvironment: passEnv, UnsetEnvironment: unsetEnv,
  Slice: slice,
  RestartKillSignal: signal, FinalKillSignal: signal, WatchdogSignal: signal,
  Delegate: delegate,
  RuntimeDirectory: execDirs, StateDirectory: execDirs, CacheDirectory: execDirs, LogsDirectory: execDirs, ConfigurationDirectory: execDirs,
  RootImage: fatalPath, RootVerity: fatalPath, MountAPIVFS: bool, PrivateUsers: bool,
  AllowedCPUs: cpuAffinity,
  StartupAllowedCPUs: cpuAffinity,
  KeyringMode: oneOf('inherit private shared', 'Failed to parse keyring mode'),
  ProcSubset: oneOf('all pid', 'Failed to parse /proc/ subset mode'),
  ProtectProc: oneOf('noaccess invisible ptraceable default', 'Failed to parse /proc/ protection mode'),
  ManagedOOMSwap: oneOf('auto kill', 'Invalid syntax'), ManagedOOMMemoryPressure: oneOf('auto kill', 'Invalid syntax'),
  LogRateLimitBurst: unsigned,
  RestrictNamespaces: restrictNamespaces,
  IPAddressAllow: addressPrefixes, IPAddressDeny: addressPrefixes, DeviceAllow: deviceAllow,
  ManagedOOMMemoryPressureLimit: (v) => (/^\d+(\.\d{1,2})?%$/.test(v) && parseFloat(v) <= 100 ? ok : warn(`Failed to parse memory pressure limit value, ignoring: ${v}`)),
};
Object.assign(EXEC_CHECKS, moreExecChecks(cpuAffinity), SECCOMP_CHECKS);
for (const k of ['AS', 'CORE', 'CPU', 'DATA', 'FSIZE', 'LOCKS', 'MEMLOCK', 'MSGQUEUE', 'NICE', 'NOFILE', 'NPROC', 'RSS', 'RTPRIO', 'RTTIME', 'SIGPENDING', 'STACK']) EXEC_CHECKS[`Limit${k}`] = rlimit;

const SERVICE_CHECKS: Record<string, Check> = {
  ...MORE_SERVICE_CHECKS,
  // config_parse_pid_file(): a relative name is under /run; a path that does not simplify to a
  // normalised one fails the unit file
  PIDFile: (v, key) => {
    const e = pathProblem(v.startsWith('/') ? v : `/run/${v}`, key);
    return e ? { warnings: [e], loadError: 'Invalid argument' } : ok;
  },
  OOMPolicy: oneOf('continue stop kill', 'Failed to parse OOM policy'),
  BusName: (v) => (busName(v) ? ok : warn(`Invalid bus name, ignoring: ${v}`)),
  GuessMainPID: bool, PermissionsStartOnly: bool, RootDirectoryStartOnly: bool, NonBlocking: bool,
  NotifyAccess: oneOf('none main exec all', 'Failed to parse notify access specifier'),
  ExitType: oneOf('main cgroup', 'Failed to parse service exit type'),
  FileDescriptorStoreMax: unsigned,
  SuccessExitStatus: statusList, RestartPreventExitStatus: statusList, RestartForceExitStatus: statusList,
  WatchdogSec: secCheck('Failed to parse sec value'), RuntimeMaxSec: secCheck('Failed to parse sec value'),
  RuntimeRandomizedExtraSec: secCheck('Failed to parse sec value'),
  // an empty TimeoutAbortSec= goes back to TimeoutStopSec=
  TimeoutAbortSec: (v, k, u) => (v === '' ? ok : secCheck('Failed to parse TimeoutAbortSec= setting')(v, k, u)),
  TimeoutStartFailureMode: oneOf('terminate abort kill', 'Failed to parse timeout failure mode'),
  TimeoutStopFailureMode: oneOf('terminate abort kill', 'Failed to parse timeout failure mode'),
  USBFunctionDescriptors: absPath(false), USBFunctionStrings: absPath(false),
  Sockets: (v) => {
    const out = words(v).filter((w) => !w.endsWith('.socket')).map((w) => `Unit must be of type socket, ignoring: ${w}`);
    return out.length ? warn(...out) : ok;
  },
};

/** parse_ip_port(): 1-65535; a number too big is ERANGE, anything else EINVAL. */
function ipPort(v: string): string | undefined {
  if (!/^\d+$/.test(v)) return 'Invalid argument';
  if (Number(v) > 65535) return 'Numerical result out of range';
  return Number(v) === 0 ? 'Invalid argument' : undefined;
}

/**
 * socket_address_parse(): why a port, path, abstract name, vsock address, "ADDR:PORT" or
 * "[ADDR6]:PORT" does not parse (an IPv4 address is read before its port, an IPv6 one after).
 */
function socketAddressError(v: string): string | undefined {
  if (v.startsWith('/') || (v.startsWith('@') && v.length > 1)) return undefined;
  if (v.startsWith('vsock:')) return /^vsock:(\d+|[a-z]+)?:\d+$/.test(v) ? undefined : 'Invalid argument';
  if (/^\d+$/.test(v)) return ipPort(v);
  const noIf = v.replace(/%[^%:\]]+$/, '');
  const m6 = /^\[([0-9A-Fa-f:.]+)\]:([^:]*)$/.exec(noIf.replace(/%[^\]]+\]/, ']'));
  if (m6) return ipPort(m6[2]!) ?? (m6[1]!.includes(':') ? undefined : 'Invalid argument');
  const m4 = /^([^:]*):([^:]*)$/.exec(noIf);
  if (!m4) return 'Invalid argument';
  const q = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(m4[1]!.replace(/%\S+$/, ''));
  if (!q || ![q[1], q[2], q[3], q[4]].every((x) => Number(x) <= 255)) return 'Invalid argument';
  return ipPort(m4[2]!);
}
const socketAddress = (v: string): boolean => socketAddressError(v) === undefined;
const listen: Check = (v) => {
  const e = socketAddressError(v);
  return e ? warn(`Failed to parse address value in '${v}', ignoring: ${e}`) : ok;
};

/** socket_address_parse_netlink(): "FAMILY [GROUP]". */
const NETLINK_FAMILIES = new Set('route firewall inet-diag nflog xfrm selinux iscsi audit fib-lookup connector netfilter ip6-fw dnrtmsg kobject-uevent generic scsitransport ecryptfs rdma crypto'.split(' '));
function netlinkAddress(v: string): boolean {
  const [family, group, ...rest] = v.trim().split(/\s+/);
  if (rest.length || family === undefined) return false;
  if (!NETLINK_FAMILIES.has(family) && !/^\d+$/.test(family)) return false;
  return group === undefined || /^\d+$/.test(group);
}
const netlink: Check = (v) => (netlinkAddress(v) ? ok : warn(`Failed to parse address value in '${v}', ignoring: Invalid argument`));

/** config_parse_int (safe_atoi): decimal, or with a 0x/0o/0b base prefix. */
const intCheck: Check = (v) => {
  const m = /^\s*([+-]?)(0x[0-9a-fA-F]+|0o[0-7]+|0b[01]+|\d+)$/.exec(v);
  const n = m ? Number(m[2]!.replace(/^0o/, '0o')) : NaN;
  return m && Number.isFinite(n) && n <= 2147483647 + (m[1] === '-' ? 1 : 0) ? ok : warn(`Failed to parse int value, ignoring: ${v}`);
};
/** config_parse_iec_size(). */
const sizeCheck: Check = (v) => {
  const n = parseSize(v);
  if (n === 'EINVAL') return warn(`Failed to parse size value '${v}', ignoring: Invalid argument`);
  return n === 'ERANGE' ? warn(`Failed to parse size value '${v}', ignoring: Numerical result out of range`) : ok;
};
/** fdname_is_valid(): printable ASCII but ':', at most 255 characters. */
const fdName: Check = (v) => (/^[\x20-\x7e]*$/.test(v) && !v.includes(':') && v.length <= 255 ? ok : warn(`Invalid file descriptor name, ignoring: ${v}`));
/** ListenFIFO= and the other file-system entries: one absolute path. */
const listenPath: Check = (v, key) => pathVerdict(pathProblem(v, key));
/** config_parse_unit_path_strv_printf(): the first relative path ends the line. */
const symlinks: Check = (v, key) => {
  for (const w of words(v, true)) {
    const e = pathProblem(w, key);
    if (e) return warn(e);
  }
  return ok;
};

/** Unit= of a timer or path unit: why it is ignored, if it is. */
function triggerUnit(v: string, unit: string, already: boolean): string | undefined {
  if (already) return `Multiple units to trigger specified, ignoring: ${v}`;
  if (unitNameToType(v) === undefined) return `Unit type not valid, ignoring: ${v}`;
  if (v === unit) return `Units cannot trigger themselves, ignoring: ${v}`;
  if (!unitNameIsValid(v)) return `Failed to add trigger on ${v}, ignoring: Invalid argument`;
  return undefined;
}

const SOCKET_CHECKS: Record<string, Check> = {
  ListenStream: listen, ListenDatagram: listen, ListenSequentialPacket: listen,
  Accept: bool, KeepAlive: bool, NoDelay: bool, FreeBind: bool, Transparent: bool, Broadcast: bool,
  PassCredentials: bool, PassSecurity: bool, PassPacketInfo: bool, ReusePort: bool, RemoveOnStop: bool,
  Writable: bool, FlushPending: bool, SELinuxContextFromNet: bool,
  SocketMode: mode, DirectoryMode: mode,
  Backlog: unsigned, MaxConnections: unsigned, MaxConnectionsPerSource: unsigned, KeepAliveProbes: unsigned,
  SocketUser: user, SocketGroup: user, ListenNetlink: netlink,
  ListenFIFO: listenPath, ListenSpecial: listenPath, ListenMessageQueue: listenPath, ListenUSBFunction: listenPath,
  BindIPv6Only: (v) => (['default', 'both', 'ipv6-only'].includes(v) || parseBoolean(v) !== undefined ? ok : warn(`Failed to parse bind IPv6 only value, ignoring: ${v}`)),
  Priority: intCheck, IPTTL: intCheck, Mark: intCheck,
  ReceiveBuffer: sizeCheck, SendBuffer: sizeCheck, PipeSize: sizeCheck,
  KeepAliveTimeSec: secCheck('Failed to parse sec value'), KeepAliveIntervalSec: secCheck('Failed to parse sec value'),
  DeferAcceptSec: secCheck('Failed to parse sec value'), TriggerLimitIntervalSec: secCheck('Failed to parse sec value'),
  TriggerLimitBurst: unsigned, FileDescriptorName: fdName, Symlinks: symlinks,
  IPTOS: (v) => (['low-delay', 'throughput', 'reliability', 'low-cost'].includes(v) || (/^\d+$/.test(v) && Number(v) <= 255) ? ok : warn(`Failed to parse IP TOS value, ignoring: ${v}`)),
  Timestamping: (v) => (['off', 'us', 'ns', 'nsec', 'usec', '\u00b5s', '\u03bcs'].includes(v) || parseBoolean(v) !== undefined ? ok : warn(`Failed to parse timestamping precision, ignoring: ${v}`)),
  // only UDP-Lite and SCTP (by name or number) change the protocol of a socket
  SocketProtocol: (v) => (['udplite', 'sctp', '136', '132'].includes(v) ? ok : warn(`Failed to parse socket protocol, ignoring: ${v}`)),
  Service: (v) => (unitNameIsValid(v) && unitNameToType(v) === 'service' ? ok : warn(`Unit must be of type service, ignoring: ${v}`)),
};

const TIMER_CHECKS: Record<string, Check> = {
  AccuracySec: secCheck('Failed to parse sec value'), RandomizedDelaySec: secCheck('Failed to parse sec value'),
  WakeSystem: bool, RemainAfterElapse: bool, OnClockChange: bool, OnTimezoneChange: bool, FixedRandomDelay: bool,
};

const sliceOfSlice: Check = (v, k, unit) => slice(v, k, unit) ?? warn(`Failed to assign slice ${v} to unit ${unit}, ignoring: Invalid argument`);

const PATH_CHECKS: Record<string, Check> = {
  TriggerLimitBurst: unsigned, TriggerLimitIntervalSec: secCheck('Failed to parse sec value'),
  PathExists: absPath(false), PathExistsGlob: absPath(false), PathChanged: absPath(false), PathModified: absPath(false),
  DirectoryNotEmpty: absPath(false), MakeDirectory: bool, DirectoryMode: mode,
};

const RUNS_PROCESSES = new Set(['Service', 'Socket', 'Mount', 'Swap']);
const NON_SERVICE_CHECKS = nonServiceChecks(signal);
MORE_SECTION_CHECKS.Mount!.DirectoryMode = mode;
MORE_SECTION_CHECKS.Automount!.DirectoryMode = mode;

/** The checks for one assignment, by its section. */
function checkFor(a: UnitAssignment): Check | undefined {
  if (a.section === 'Unit') {
    const m = /^(?:Condition|Assert)(\w+)$/.exec(a.key);
    if (m && PATH_CONDITIONS.has(m[1]!)) return condPath;
    return UNIT_CHECKS[a.key];
  }
  const more = MORE_SECTION_CHECKS[a.section]?.[a.key];
  if (more) return more;
  if (a.section === 'Service' && SERVICE_CHECKS[a.key]) return SERVICE_CHECKS[a.key];
  if (a.section !== 'Service' && RUNS_PROCESSES.has(a.section) && NON_SERVICE_CHECKS[a.key]) return NON_SERVICE_CHECKS[a.key];
  if (a.section === 'Socket' && SOCKET_CHECKS[a.key]) return SOCKET_CHECKS[a.key];
  if (a.section === 'Timer') return TIMER_CHECKS[a.key];
  if (a.section === 'Path') return PATH_CHECKS[a.key];
  if (RUNS_PROCESSES.has(a.section)) return EXEC_CHECKS[a.key];
  // a slice's parent follows from its name: it takes no Slice=
  if (a.section === 'Slice' && a.key === 'Slice') return sliceOfSlice;
  if ((a.section === 'Slice' || a.section === 'Scope') && a.key !== 'Slice') return EXEC_CHECKS[a.key];
  return undefined;
}

/** The checks that an empty value goes through too (it is no reset for them). */
const CHECK_EMPTY = new Set<Check>([mode, memoryLimit, logLevel, legacy]);

/**
 * The settings whose parser has no meaning for an empty value (config_parse_bool(), the enum
 * parsers, config_parse_sec(), config_parse_unsigned(), the rlimit and signal parsers ...):
 * "Key=" is a value they cannot parse, not a reset.
 */
const EMPTY_IS_BAD = new Set((
  'CPUSchedulingPriority CPUSchedulingResetOnFork CacheDirectoryMode ConfigurationDirectoryMode IgnoreSIGPIPE KeyringMode '
  + 'LimitAS LimitCORE LimitCPU LimitDATA LimitFSIZE LimitLOCKS LimitMEMLOCK LimitMSGQUEUE LimitNICE LimitNOFILE LimitNPROC '
  + 'LimitRSS LimitRTPRIO LimitRTTIME LimitSIGPENDING LimitSTACK LockPersonality LogLevelMax LogRateLimitBurst '
  + 'LogRateLimitIntervalSec LogsDirectoryMode MemoryDenyWriteExecute NoNewPrivileges PrivateDevices PrivateIPC PrivateMounts '
  + 'PrivateNetwork PrivateTmp PrivateUsers ProcSubset ProtectClock ProtectControlGroups ProtectHome ProtectHostname '
  + 'ProtectKernelLogs ProtectKernelModules ProtectKernelTunables ProtectProc ProtectSystem RemoveIPC RestrictRealtime '
  + 'RestrictSUIDSGID RuntimeDirectoryMode RuntimeDirectoryPreserve StateDirectoryMode SyslogFacility SyslogLevel '
  + 'SyslogLevelPrefix TTYReset TTYVHangup TTYVTDisallocate TimeoutCleanSec TimerSlackNSec UMask UtmpMode BlockIOAccounting '
  + 'BlockIODeviceWeight BlockIOReadBandwidth BlockIOWriteBandwidth CPUAccounting CPUShares StartupCPUShares DevicePolicy '
  + 'IOAccounting IPAccounting ManagedOOMPreference MemoryAccounting MemoryLimit Slice TasksAccounting FinalKillSignal '
  + 'KillSignal RestartKillSignal SendSIGHUP SendSIGKILL WatchdogSignal RestartSec TimeoutSec TimeoutStartSec TimeoutStopSec '
  + 'TimeoutIdleSec TimeoutStartFailureMode TimeoutStopFailureMode RuntimeMaxSec RuntimeRandomizedExtraSec WatchdogSec StartLimitInterval '
  + 'StartLimitBurst StartLimitAction FailureAction SuccessAction ExitType PermissionsStartOnly RootDirectoryStartOnly '
  + 'RemainAfterExit GuessMainPID NonBlocking BusName FileDescriptorStoreMax NotifyAccess OOMPolicy StopWhenUnneeded '
  + 'RefuseManualStart RefuseManualStop AllowIsolate DefaultDependencies OnSuccessJobMode OnFailureJobMode OnFailureIsolate '
  + 'IgnoreOnIsolate JobTimeoutSec JobRunningTimeoutSec JobTimeoutAction StartLimitIntervalSec CollectMode SocketProtocol '
  + 'BindIPv6Only Backlog SocketMode DirectoryMode Accept FlushPending Writable MaxConnections MaxConnectionsPerSource '
  + 'KeepAlive KeepAliveTimeSec KeepAliveIntervalSec KeepAliveProbes DeferAcceptSec NoDelay Priority ReceiveBuffer SendBuffer '
  + 'IPTTL Mark PipeSize FreeBind Transparent Broadcast PassCredentials PassSecurity PassPacketInfo Timestamping ReusePort '
  + 'MessageQueueMaxMessages MessageQueueMessageSize RemoveOnStop Service TriggerLimitIntervalSec TriggerLimitBurst '
  + 'SELinuxContextFromNet OnClockChange OnTimezoneChange Persistent WakeSystem RemainAfterElapse FixedRandomDelay '
  + 'AccuracySec RandomizedDelaySec MakeDirectory SloppyOptions LazyUnmount ForceUnmount ReadWriteOnly'
).split(' '));

/**
 * Checks every setting that has a value check; pushes "FILE:LINE: message" warnings and adds
 * to `fatal` those that make the unit unusable. `unitName` names the unit in messages that do.
 */
export function checkSettings(s: UnitSettings, unitName: string, warnings: string[], fatal: Set<string>, loadErrors?: Map<string, string>): void {
  let triggerSet = false;
  for (const a of s.assignments) {
    if (a.key === 'Unit' && (a.section === 'Timer' || a.section === 'Path')) {
      // config_parse_trigger_unit(): the first usable name wins, later ones are refused
      const w = triggerUnit(resolveSpecifiers(a.value, unitName, a.file), unitName, triggerSet);
      if (w === undefined) triggerSet = true;
      else if (a.file) warnings.push(`${a.file}:${a.line}: ${w}`);
      continue;
    }
    const unsupported = a.section !== 'Unit' && a.section !== 'Install' ? unsupportedFor(unitNameToType(unitName) ?? '', a.key) : undefined;
    if (unsupported) {
      if (a.file) warnings.push(`${a.file}:${a.line}: ${unsupported}`);
      continue;
    }
    const check = checkFor(a);
    const split = partsOf(a);
    if (split) {
      // a word-by-word setting with words dropped for bad specifiers: the runs between them are
      // checked in turn, so the messages keep the words' order
      for (const p of split) {
        if ('message' in p) warnings.push(p.message);
        else if (check) pushVerdict(check(resolveSpecifiers(p.words, unitName, a.file), a.key, unitName), a, warnings, fatal, loadErrors);
      }
      continue;
    }
    if (!check) continue;
    // an empty value resets most settings to their default
    if (a.value === '' && !CHECK_EMPTY.has(check) && !EMPTY_IS_BAD.has(a.key)) continue;
    pushVerdict(check(specifierRule(a) ? resolveSpecifiers(a.value, unitName, a.file) : a.value, a.key, unitName), a, warnings, fatal, loadErrors);
  }
}

function pushVerdict(v: ReturnType<Check>, a: UnitAssignment, warnings: string[], fatal: Set<string>, loadErrors?: Map<string, string>): void {
  if (!v) return;
  const at = a.file ? `${a.file}:${a.line}: ` : '';
  // a bare warning keeps its place (FILE:LINE) for sorting, behind a mark that drops it later
  for (const w of v.warnings) warnings.push(v.bare ? `${at}${BARE}${w}` : `${at}${w}`);
  if (v.fatal || v.loadError) fatal.add(`${at}${v.warnings.at(-1)}`);
  if (v.loadError) loadErrors?.set(`${at}${v.warnings.at(-1)}`, v.loadError);
}

function withSpecifiersResolved(s: UnitSettings): UnitSettings {
  const out = new UnitSettings();
  out.warnings.push(...s.warnings);
  for (const a of s.assignments) out.assignments.push(specifierRule(a) ? { ...a, value: resolveSpecifiers(a.value, a.file.slice(a.file.lastIndexOf('/') + 1), a.file) } : a);
  return out;
}

/** An absolute path that simplifies to a normalised one (the key is only for the wording). */
const normalisedPath = (v: string): boolean => pathProblem(v, 'Listen') === undefined;

/** The Listen*= settings, each with whether a value is usable. */
const LISTEN_KEYS: Record<string, (v: string) => boolean> = {
  ListenStream: socketAddress, ListenDatagram: socketAddress, ListenSequentialPacket: socketAddress,
  ListenFIFO: normalisedPath, ListenSpecial: normalisedPath, ListenUSBFunction: normalisedPath, ListenMessageQueue: normalisedPath, ListenNetlink: netlinkAddress,
};
/** The conditions a path unit watches, each an absolute path. */
const PATH_KEYS: Record<string, (v: string) => boolean> = Object.fromEntries(
  ['PathExists', 'PathExistsGlob', 'PathChanged', 'PathModified', 'DirectoryNotEmpty'].map((k) => [k, (v: string) => pathProblem(v, k) === undefined]),
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

/** The last value of `key` in `section` that `valid` accepts; an empty value resets it. */
function lastIn(s: UnitSettings, section: string, key: string, valid: (v: string) => boolean): string | undefined {
  let out: string | undefined;
  for (const a of s.assignments) if (a.section === section && a.key === key) out = a.value === '' ? undefined : valid(a.value) ? a.value : out;
  return out;
}

/** socket_verify(): the Listen*= entries that parse, and what Accept=, Service= and Symlinks= need. */
function socketRefusal(s: UnitSettings): string | undefined {
  const ports: { key: string; value: string }[] = [];
  let links = 0;
  for (const a of s.assignments) {
    if (a.section !== 'Socket') continue;
    if (a.key === 'Symlinks') {
      // the words up to the first relative one are kept
      const w = words(a.value, true);
      const bad = w.findIndex((x) => pathProblem(x, 'Symlinks') !== undefined);
      links = a.value === '' ? 0 : links + (bad < 0 ? w.length : bad);
    }
    if (!Object.hasOwn(LISTEN_KEYS, a.key)) continue;
    if (a.value === '') ports.length = 0;
    else if (LISTEN_KEYS[a.key]!(a.value)) ports.push({ key: a.key, value: a.value });
  }
  if (ports.length === 0) return 'Unit has no Listen setting (ListenStream=, ListenDatagram=, ListenFIFO=, ...). Refusing.';
  const accept = parseBoolean(lastIn(s, 'Socket', 'Accept', (v) => parseBoolean(v) !== undefined) ?? 'no');
  // only stream and sequential-packet sockets accept connections
  if (accept && ports.some((p) => p.key !== 'ListenStream' && p.key !== 'ListenSequentialPacket')) return 'Unit configured for accepting sockets, but sockets are non-accepting. Refusing.';
  if (accept && lastIn(s, 'Socket', 'MaxConnections', (v) => /^\d+$/.test(v)) === '0') return 'MaxConnection= setting too small. Refusing.';
  if (accept && lastIn(s, 'Socket', 'Service', (v) => unitNameIsValid(v) && unitNameToType(v) === 'service')) return 'Explicit service configuration for accepting socket units not supported. Refusing.';
  // the symlinks need exactly one entry with a node in the file system (a FIFO or a socket path)
  const nodes = ports.filter((p) => p.key === 'ListenFIFO' || (p.key !== 'ListenNetlink' && p.key !== 'ListenSpecial' && p.key !== 'ListenMessageQueue' && p.key !== 'ListenUSBFunction' && p.value.startsWith('/')));
  if (links > 0 && nodes.length !== 1) return 'Unit has symlinks set but none or more than one node in the file system. Refusing.';
  return undefined;
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
export function triggerRefusal(raw: UnitSettings, type: string): string | undefined {
  // the values as their parsers saw them, specifiers filled in
  const s = raw.assignments.some((a) => a.value.includes('%')) ? withSpecifiersResolved(raw) : raw;
  if (type === 'socket') return socketRefusal(s);
  if (type === 'path' && countListed(s, 'Path', PATH_KEYS) === 0) return 'Path unit lacks path setting. Refusing.';
  if (type === 'service') return serviceRefusal(s);
  return undefined;
}
