// More value checks of unit-file settings (see config-check.ts): the rarer execution and cgroup
// settings, the aliases and obsolete spellings systemd 252 still reads, and the settings it
// only names as removed (config_parse_warn_compat(), DISABLED_LEGACY).
import { type Check, ok, warn, some, oneOf, bool, boolOr, secCheck, sec, unsigned, words, pathProblem } from './check-base';
import { extractFirstWord, extractWords } from '../../shared/systemd/words';

/** Settings systemd no longer supports: named, whatever their value. */
export const legacy: Check = (_v, key) => warn(`Support for option ${key}= has been removed and it is ignored`);

/** An absolute path (config_parse_unit_path_printf() without the fatal flag). */
const path: Check = (v, key) => (v === '' ? ok : some([pathProblem(v, key)].filter((e): e is string => e !== undefined)));

/** BindPaths=/BindReadOnlyPaths=: "[-]SOURCE[:DEST[:OPTIONS]]" words, both paths absolute. */
const bindPaths: Check = (v, key) => {
  const out: string[] = [];
  for (const w of words(v, true)) {
    const [src = '', dest, opts] = w.split(':');
    const e = pathProblem(src.startsWith('-') ? src.slice(1) : src, key);
    if (e) {
      out.push(e);
      continue;
    }
    if (dest === undefined) continue;
    const d = pathProblem(dest, key);
    if (d) out.push(d);
    else if (opts !== undefined && opts !== '' && opts !== 'rbind' && opts !== 'norbind') out.push(`Invalid option string, ignoring setting: ${opts}`);
  }
  return some(out);
};

/** ExtensionImages=/MountImages=: "[-]SOURCE[:DEST][:OPTIONS...]" words, the paths absolute. */
const images = (dest: boolean): Check => (v, key) => {
  const out: string[] = [];
  for (const w of words(v, true)) {
    const [src = '', d] = w.split(':');
    const e = pathProblem(src.startsWith('-') ? src.slice(1) : src, key) ?? (dest && d ? pathProblem(d, key) : undefined);
    if (e) out.push(e);
    else if (dest && !d) out.push(`Missing destination in ${key}, ignoring: ${v}`);
  }
  return some(out);
};

/** RestrictNetworkInterfaces=: interface names ("~" first inverts), each ifname_valid(). */
const interfaces: Check = (v) => {
  const list = words(v.startsWith('~') ? v.slice(1) : v, true);
  const bad = list.filter((n) => !ifname(n));
  return some(bad.map((n) => `Invalid interface name, ignoring: ${n}`));
};

/** TemporaryFileSystem=: "PATH[:OPTIONS]" words. */
const temporaryFs: Check = (v, key) => some(words(v, true).map((w) => pathProblem(w.split(':')[0]!, key)).filter((e): e is string => e !== undefined));

/** coredump_filter_mask_from_string(): names of mapping kinds, or hexadecimal masks. */
const COREDUMP = new Set('private-anonymous shared-anonymous private-file-backed shared-file-backed elf-headers private-huge shared-huge private-dax shared-dax all default'.split(' '));
const coredumpFilter: Check = (v, key) => {
  for (const w of words(v)) {
    if (COREDUMP.has(w)) continue;
    const m = /^\s*(-?)(?:0[xX])?([0-9a-fA-F]+)$/.exec(w);
    if (!m) return warn(`Failed to parse the ${key}=${v}, ignoring: Invalid argument`);
    if (m[1] || BigInt(`0x${m[2]}`) >= 2n ** 64n) return warn(`Failed to parse the ${key}=${v}, ignoring: Numerical result out of range`);
  }
  return ok;
};

/** LogExtraFields=: FIELD=VALUE words with journal field names (A-Z, 0-9, "_", no "_" or digit first). */
const logExtraFields: Check = (v) => {
  const list = extractWords(v, { unquote: true, cunescape: true });
  if (list === undefined) return warn(`Invalid syntax, ignoring: ${v}`);
  const out: string[] = [];
  for (const w of list) {
    const eq = w.indexOf('=');
    if (eq < 0) out.push(`Log field lacks '=' character, ignoring: ${w}`);
    else if (!/^[A-Z][A-Z0-9_]{0,63}$/.test(w.slice(0, eq))) out.push(`Log field name is invalid, ignoring: ${w}`);
  }
  return some(out);
};

/** LogNamespace=: a name usable in file and unit names. */
const logNamespace: Check = (v) => (v === '' || (/^[A-Za-z0-9:_\\-]+$/.test(v) && v.length <= 200) ? ok : warn(`Specified log namespace name is not valid, ignoring: ${v}`));

/** The architectures seccomp knows (seccomp_arch_from_string()). */
const ARCHS = new Set('native x86 x86-64 x32 arm arm64 loongarch64 mips mips-le mips64 mips64-le mips64-n32 mips64-le-n32 parisc parisc64 ppc ppc64 ppc64-le riscv64 s390 s390x'.split(' '));
const syscallArchs: Check = (v) => {
  const list = extractWords(v, { unquote: true });
  if (list === undefined) return warn(`Invalid syntax, ignoring: ${v}`);
  return some(list.filter((w) => !ARCHS.has(w)).map((w) => `Failed to parse system call architecture "${w}", ignoring: Invalid argument`));
};

/** TimerSlackNSec=: a time span in nanoseconds. */
const nsec: Check = (v) => (/^\s*\d+(\.\d+)?\s*(ns|nsec|us|usec|µs|ms|msec|s|sec|m|min|h|hr|d|w|M|y)?(\s+\d+(\.\d+)?\s*(ns|nsec|us|usec|µs|ms|msec|s|sec|m|min|h|hr|d|w|M|y))*\s*$/.test(v) || v === 'infinity' ? ok : warn(`Failed to parse nsec value, ignoring: ${v}`));

/** CPUQuotaPeriodSec=: a time span, "infinity" and empty are the default. */
const secDefInfinity: Check = (v) => (v === '' || v === 'infinity' || sec(v) ? ok : warn(`Failed to parse sec_def_infinity value, ignoring: ${v}`));

/** BlockIOWeight=: 10-1000. */
const blockioWeight: Check = (v) => (v === '' || (/^\d+$/.test(v) && Number(v) >= 10 && Number(v) <= 1000) ? ok : warn(`Invalid block IO weight, ignoring: ${v}`));

/** The cgroup controllers by name (cg_mask_from_string()). */
const CG_CONTROLLERS = new Set('cpu cpuacct cpuset io blkio memory devices pids bpf-firewall bpf-devices bpf-foreign bpf-socket-bind bpf-restrict-network-interfaces'.split(' '));
/** DisableControllers=: unknown names are passed over, but some controller must be named. */
const disableControllers: Check = (v) => (words(v).some((w) => CG_CONTROLLERS.has(w)) ? ok : warn(`Invalid cgroup string: ${v}, ignoring`));

/** The first word of a value (quotes removed) and what follows it, or undefined when there is none. */
export function firstWordAndRest(v: string): [string | undefined, string] {
  const r = extractFirstWord(v, 0, { unquote: true });
  if (r === null || r === 'error') return [undefined, ''];
  return [r.word, r.next === undefined ? '' : v.slice(r.next)];
}

/** parse_size(): a number with an optional fraction and a size suffix (B K M G T P E). */
const SIZE = /^\s*\d+(\.\d+)?\s*[BKMGTPE]?$/;

/**
 * The per-device IO settings: "DEVICE VALUE", the device a normalised path (it need not be
 * absolute), then the value, checked by `value` (a message when it is bad).
 */
function deviceAnd(what: string, value: (x: string) => string | undefined, deprecated = false): Check {
  return (v, key) => {
    const out = deprecated ? [`Unit uses ${key}=; please use IO*= settings instead. Support for ${key}= will be removed soon.`] : [];
    if (v === '') return some(out);
    const [dev, rest] = firstWordAndRest(v);
    if (dev === undefined || rest === '') out.push(`Invalid device ${what} specified in '${v}', ignoring.`);
    else {
      const e = pathProblem(dev, key, {}) ?? value(rest);
      if (e) out.push(e);
    }
    return some(out);
  };
}
const ioWeight = (min: number, max: number, say: (x: string, why: string) => string) => (x: string): string | undefined => {
  if (!/^\s*\+?\d+$/.test(x)) return say(x, 'Invalid argument');
  return Number(x) < min || Number(x) > max ? say(x, 'Numerical result out of range') : undefined;
};
const bandwidth = (say: (x: string) => string, infinity: boolean) => (x: string): string | undefined =>
  (infinity && x === 'infinity') || (SIZE.test(x) && parseFloat(x) > 0) ? undefined : say(x);

/** SocketBindAllow=/SocketBindDeny=: "[FAMILY:][PROTOCOL:]PORT[-PORT]" or "any". */
const socketBind: Check = (v, key) => {
  if (v === '' || v === 'any') return ok;
  const parts = v.split(':');
  const port = parts.pop()!;
  const fine = parts.length <= 2 && parts.every((p) => ['ipv4', 'ipv6', 'tcp', 'udp'].includes(p)) && /^(\d+)(-\d+)?$/.test(port) && port.split('-').every((n) => Number(n) >= 1 && Number(n) <= 65535);
  return fine ? ok : warn(`Unable to parse ${key}= assignment, ignoring: ${v}`);
};

/** StandardInputData=: base64 (blanks allowed between), padded to whole quanta. */
const base64 = (v: string): boolean => {
  const b = v.replace(/\s+/g, '');
  return b.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(b) && !/^=/.test(b);
};
const inputData: Check = (v) => (base64(v) ? ok : warn(`Failed to decode base64 data, ignoring: ${v}`));

/** credential_name_valid(): a file name (no "/", not "." or "..") of printable ASCII without ":". */
const credentialName = (n: string): boolean => n !== '' && n !== '.' && n !== '..' && n.length <= 255 && /^[\x20-\x7e]+$/.test(n) && !/[/:]/.test(n);

/** LoadCredential=ID[:PATH] and SetCredential=ID:VALUE. */
const credential = (needsValue: boolean, encrypted = false): Check => (v) => {
  const colon = v.indexOf(':');
  const id = colon < 0 ? v : v.slice(0, colon);
  if (needsValue && (colon < 0 || v.slice(colon + 1) === '')) return warn(`Invalid syntax, ignoring: ${v}`);
  if (!credentialName(id)) return warn(`Credential name "${id}" not valid, ignoring.`);
  return needsValue && encrypted && !base64(v.slice(colon + 1)) ? warn('Encrypted credential data not valid Base64 data, ignoring.') : ok;
};

/** NUMAMask=: "all" or a CPU-set syntax list of nodes. */
const numaMask = (cpuSet: Check): Check => (v, key, u) => {
  if (v === 'all') return ok;
  const r = cpuSet(v, key, u);
  return r ? warn(...r.warnings, `Failed to parse NUMA node mask, ignoring: ${v}`) : ok;
};

/** CPUSchedulingPriority=: an int (else "Failed to parse"), 0-99 (else "out of range"). */
const cpuSchedPrio: Check = (v) => {
  if (!/^\s*[+-]?\d+$/.test(v) || Math.abs(Number(v)) > 0x7fffffff) return warn(`Failed to parse CPU scheduling priority, ignoring: ${v}`);
  return Number(v) < 0 || Number(v) > 99 ? warn(`CPU scheduling priority is out of range, ignoring: ${v}`) : ok;
};

/** The Personality= names (personality_from_string()). */
const personality = oneOf('x86 x86-64 arm64 arm64-be arm arm-be alpha arc arc-be cris ia64 loongarch64 m68k mips64 mips64-le mips mips-le nios2 parisc64 parisc ppc64 ppc64-le ppc ppc-le riscv32 riscv64 s390x s390 sh64 sh sparc64 sparc tilegx', 'Failed to parse personality');

/**
 * Checks for the settings of the units that run processes and of slices, by name; `cpuSet`
 * is config-check's CPUAffinity= reader, which NUMAMask= and the memory node sets share.
 */
export function moreExecChecks(cpuSet: Check): Record<string, Check> {
  return {
    Capabilities: legacy, NetClass: legacy,
    CPUSchedulingResetOnFork: bool, SyslogLevelPrefix: bool,
    CPUSchedulingPriority: cpuSchedPrio,
    BindPaths: bindPaths, BindReadOnlyPaths: bindPaths, TemporaryFileSystem: temporaryFs,
    ExtensionImages: images(false), MountImages: images(true),
    IPCNamespacePath: path, NetworkNamespacePath: path, IPEgressFilterPath: path, IPIngressFilterPath: path,
    CoredumpFilter: coredumpFilter,
    LogExtraFields: logExtraFields, LogNamespace: logNamespace,
    LogRateLimitIntervalSec: secCheck('Failed to parse sec value'), TimeoutCleanSec: secCheck('Failed to parse sec value'),
    TimerSlackNSec: nsec, CPUQuotaPeriodSec: secDefInfinity,
    MountFlags: oneOf('shared slave private', 'Failed to parse mount flag'),
    NUMAPolicy: oneOf('default preferred bind interleave local', 'Invalid NUMA policy type'),
    NUMAMask: numaMask(cpuSet), AllowedMemoryNodes: cpuSet, StartupAllowedMemoryNodes: cpuSet,
    Personality: personality,
    RuntimeDirectoryPreserve: boolOr('restart', 'Failed to parse runtime directory preserve mode'),
    UtmpMode: oneOf('init login user', 'Failed to parse utmp mode'),
    TTYRows: unsigned, TTYColumns: unsigned,
    SystemCallArchitectures: syscallArchs,
    DevicePolicy: oneOf('auto closed strict', 'Failed to parse device policy'),
    ManagedOOMPreference: oneOf('none avoid omit', 'Failed to parse ManagedOOMPreference='),
    DisableControllers: disableControllers,
    BlockIOWeight: blockioWeight, StartupBlockIOWeight: blockioWeight,
    BlockIODeviceWeight: deviceAnd('node or weight', ioWeight(10, 1000, (x, why) => `Invalid block IO weight '${x}', ignoring: ${why}`), true),
    BlockIOReadBandwidth: deviceAnd('node or bandwidth', bandwidth((x) => `Invalid Block IO Bandwidth '${x}', ignoring.`, false), true),
    BlockIOWriteBandwidth: deviceAnd('node or bandwidth', bandwidth((x) => `Invalid Block IO Bandwidth '${x}', ignoring.`, false), true),
    IODeviceWeight: deviceAnd('path or weight', ioWeight(1, 10000, (x, why) => `IO weight '${x}' invalid, ignoring: ${why}`)),
    IODeviceLatencyTargetSec: deviceAnd('path or latency', (x) => (sec(x) ? undefined : `Failed to parse timer value, ignoring: ${x}`)),
    IOReadBandwidthMax: deviceAnd('node or bandwidth', bandwidth((x) => `Invalid IO limit '${x}', ignoring.`, true)),
    IOWriteBandwidthMax: deviceAnd('node or bandwidth', bandwidth((x) => `Invalid IO limit '${x}', ignoring.`, true)),
    IOReadIOPSMax: deviceAnd('node or bandwidth', bandwidth((x) => `Invalid IO limit '${x}', ignoring.`, true)),
    IOWriteIOPSMax: deviceAnd('node or bandwidth', bandwidth((x) => `Invalid IO limit '${x}', ignoring.`, true)),
    SocketBindAllow: socketBind, SocketBindDeny: socketBind, RestrictNetworkInterfaces: interfaces,
    StandardInputData: inputData,
    LoadCredential: credential(false), LoadCredentialEncrypted: credential(false),
    SetCredential: credential(true), SetCredentialEncrypted: credential(true, true),
  };
}

const ACTIONS = 'none reboot reboot-force reboot-immediate poweroff poweroff-force poweroff-immediate exit exit-force halt halt-force halt-immediate kexec kexec-force';

/** [Service] settings config-check.ts leaves to this file: removed ones, and the start-rate settings [Unit] has under their old names. */
export const MORE_SERVICE_CHECKS: Record<string, Check> = {
  SysVStartPriority: legacy, BusPolicy: legacy, Environment: (v, k, u) => environment(v, k, u),
  StartLimitInterval: secCheck('Failed to parse sec value'),
  StartLimitAction: oneOf(ACTIONS, 'Failed to parse StartLimitAction='), FailureAction: oneOf(ACTIONS, 'Failed to parse FailureAction='),
};

/** Environment=: NAME=VALUE words (C escapes decoded); a bad word is skipped with a warning. */
const environment: Check = (v) => {
  const out: string[] = [];
  // word by word: the words before bad quoting are read (and judged) first
  for (let pos: number | undefined = 0; pos !== undefined; ) {
    const r = extractFirstWord(v, pos, { unquote: true, cunescape: true });
    if (r === null) break;
    if (r === 'error') {
      out.push(`Invalid syntax, ignoring: ${v}`);
      break;
    }
    const eq = r.word.indexOf('=');
    if (!(eq > 0 && /^[A-Za-z_][A-Za-z0-9_]*$/.test(r.word.slice(0, eq)))) out.push(`Invalid environment assignment, ignoring: ${r.word}`);
    pos = r.next;
  }
  return some(out);
};

/**
 * The settings a service's own parse (config.ts) checks, checked here for the other unit
 * types that run processes; `signal` is config-check's signal-name check.
 */
export function nonServiceChecks(signal: Check): Record<string, Check> {
  return { Environment: environment, KillSignal: signal };
}

/** Settings only some unit types take: the others name them and go on. */
export function unsupportedFor(type: string, key: string): string | undefined {
  if (key === 'Delegate' && type !== 'service' && type !== 'scope') return 'Delegate= setting not supported for this unit type, ignoring.';
  if (/^ManagedOOM(Swap|MemoryPressure|MemoryPressureLimit)$/.test(key) && !['service', 'slice', 'scope'].includes(type)) return `${key}= is not supported for this unit type, ignoring.`;
  return undefined;
}

/** config_parse_sec_fix_0(): a time span (0 is taken as infinity). */
const secFix0 = secCheck('Failed to parse time value');
/** config_parse_long(): a signed long. */
const long: Check = (v) => (/^\s*[+-]?\d+$/.test(v) && BigInt(v.trim()) >= -(2n ** 63n) && BigInt(v.trim()) < 2n ** 63n ? ok : warn(`Failed to parse long value, ignoring: ${v}`));
/** ifname_valid(): 1-15 bytes, no blanks, "/" or ":", not "." or "..", not all digits. */
const ifname = (n: string): boolean => n !== '' && n.length <= 15 && n !== '.' && n !== '..' && !/^\d+$/.test(n) && !/[\s/:%\x00-\x20]|[^\x00-\x7e]/.test(n);
/** config_parse_swap_priority(): an int, -1 or more, at most 32767. */
const swapPriority: Check = (v) => {
  if (v === '') return ok;
  if (!/^\s*[+-]?\d+$/.test(v) || Math.abs(Number(v)) > 0x7fffffff) return warn(`Invalid swap priority '${v}', ignoring.`);
  if (Number(v) < -1) return warn(`Sorry, swap priorities smaller than -1 may only be assigned by the kernel itself, ignoring: ${v}`);
  return Number(v) > 32767 ? warn(`Swap priority out of range, ignoring: ${v}`) : ok;
};

/** Settings of [Mount], [Swap] and [Socket] that config-check.ts leaves to this file, by section. */
export const MORE_SECTION_CHECKS: Record<string, Record<string, Check>> = {
  Mount: { Where: path, TimeoutSec: secFix0, SloppyOptions: bool, LazyUnmount: bool, ForceUnmount: bool, ReadWriteOnly: bool },
  Swap: { What: path, Priority: swapPriority, TimeoutSec: secFix0 },
  Automount: { Where: path, TimeoutIdleSec: secFix0 },
  Socket: {
    TimeoutSec: secFix0, MessageQueueMaxMessages: long, MessageQueueMessageSize: long,
    BindToDevice: (v) => (v === '*' || ifname(v) ? ok : warn(`Invalid interface name, ignoring: ${v}`)),
  },
};

/** The [Unit] settings config-check.ts leaves to this file. */
export const MORE_UNIT_CHECKS: Record<string, Check> = {
  IgnoreOnSnapshot: legacy,
  StartLimitInterval: secCheck('Failed to parse sec value'),
  // config_parse_job_mode_isolate(): a boolean, and a notice that OnFailureJobMode= replaces it
  OnFailureIsolate: (v, key) => (bool(v, key, '') === undefined ? { warnings: [`${key} is deprecated. Please use OnFailureJobMode= instead`], bare: true } : warn(`Failed to parse boolean, ignoring: ${v}`)),
};
