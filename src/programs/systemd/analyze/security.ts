// systemd-analyze security --offline=yes UNIT-FILE... (src/analyze/analyze-security.c): each unit
// is loaded as verify loads it, its sandboxing settings are read (with the manager's implied ones,
// unit_patch_contexts()), and every check of security-table.ts gives a badness; the table lists
// them by description (descending), then the overall exposure 0.0-10.0 and its rating.
import { syscallFilterSetFind, syscallResolvable } from '../../../shared/systemd/syscall-sets';
import { parseBoolean, type UnitSettings } from '../../../shared/systemd/unit-file';
import { extractWords } from '../../../shared/systemd/words';
import { glyphs, localeIsUtf8 } from '../../../shared/systemd/glyphs';
import { formatTable, formatTableJson } from '../../../shared/systemd/table';
import type { Ctx } from '../../lib/context';
import type { AnalyzeOptions } from './options';
import { ASSESSORS, type Assessor } from './security-table';
import { capabilityFromName, CAPABILITY_COUNT } from './table-verbs';
import { prepare, Verifier, type Loaded } from './verify';

const ALL_CAPS = (1n << BigInt(CAPABILITY_COUNT)) - 1n;
const NAMESPACES = ['cgroup', 'ipc', 'net', 'mnt', 'pid', 'user', 'uts'];

interface Info {
  id: string;
  defaultDependencies: boolean;
  exec: boolean;
  ambient: bigint;
  bounding: bigint;
  user?: string;
  supplementaryGroups: string[];
  dynamicUser: boolean;
  bools: Map<string, boolean>;
  keyringMode?: string;
  protectProc?: string;
  procSubset?: string;
  notifyAccess?: string;
  protectHome?: string;
  protectSystem?: string;
  families: { inet: boolean; unix: boolean; netlink: boolean; packet: boolean; other: boolean };
  /** The namespaces the unit may create (all of them unless RestrictNamespaces= says otherwise). */
  namespaces: Set<string>;
  rootDirectory?: string;
  rootImage?: string;
  delegate: boolean;
  devicePolicy?: string;
  deviceAllow: string[];
  archs: Set<string>;
  filterAllowList: boolean;
  filter: Set<string>;
  umask: number;
  ipDenyAll: boolean;
  ipAllowLocalhost: boolean;
  ipAllowOther: boolean;
}

/** The last value of a setting in the exec sections, an empty one resetting it. */
function last(s: UnitSettings, section: string, key: string): string | undefined {
  const v = s.values(section, key).at(-1);
  return v === '' ? undefined : v;
}

/** config_parse_capability_set(): "~" inverts; later lines add to (or take from) earlier ones. */
function capabilitySet(s: UnitSettings, section: string, key: string, initial: bigint): bigint {
  let set = initial;
  for (const v of s.values(section, key)) {
    const invert = v.startsWith('~');
    let sum = 0n;
    for (const w of extractWords(invert ? v.slice(1) : v, { unquote: true }) ?? []) {
      const c = capabilityFromName(w);
      if (c !== undefined) sum |= 1n << BigInt(c);
    }
    if (sum === 0n || set === initial) set = invert ? ~sum & ALL_CAPS : sum;
    else set = invert ? set & ~sum : set | sum;
  }
  return set;
}

/** config_parse_restrict_namespaces(): the namespaces left allowed. */
function namespaces(s: UnitSettings, section: string): Set<string> {
  let allowed: Set<string> | undefined;
  for (const v of s.values(section, 'RestrictNamespaces')) {
    if (v === '') {
      allowed = undefined;
      continue;
    }
    const b = parseBoolean(v);
    if (b !== undefined) {
      allowed = new Set(b ? [] : NAMESPACES);
      continue;
    }
    const invert = v.startsWith('~');
    const list = (invert ? v.slice(1) : v).split(/\s+/).filter(Boolean);
    if (!list.every((n) => NAMESPACES.includes(n))) continue;
    if (allowed === undefined) allowed = new Set(invert ? NAMESPACES.filter((n) => !list.includes(n)) : list);
    else for (const n of list) invert ? allowed.delete(n) : allowed.add(n);
  }
  return allowed ?? new Set(NAMESPACES);
}

/** config_parse_syscall_filter(): the calls listed (allow list) or denied (deny list). */
function syscallFilter(s: UnitSettings, section: string): { allowList: boolean; filter: Set<string> } {
  let filter: Map<string, number> | undefined;
  let allowList = false;
  const apply = (name: string, errno: number, invert: boolean): void => {
    if (name.startsWith('@')) {
      for (const m of syscallFilterSetFind(name)?.members ?? []) apply(m, errno, invert);
      return;
    }
    if (!syscallResolvable(name)) return;
    if (!invert === allowList || (invert && allowList && errno >= 0)) filter!.set(name, errno);
    else filter!.delete(name);
  };
  for (const v of s.values(section, 'SystemCallFilter')) {
    if (v === '') {
      filter = undefined;
      allowList = false;
      continue;
    }
    const invert = v.startsWith('~');
    if (!filter) {
      filter = new Map();
      allowList = !invert;
      if (allowList) apply('@default', -1, false);
    }
    for (const w of extractWords(invert ? v.slice(1) : v) ?? []) {
      const colon = w.indexOf(':');
      const name = colon < 0 ? w : w.slice(0, colon);
      const errText = colon < 0 ? undefined : w.slice(colon + 1);
      const errno = errText === undefined ? -1 : /^\d+$/.test(errText) ? Number(errText) : 1;
      if (name === '' || (!invert && errno >= 0)) continue;
      apply(name, errno, invert);
    }
  }
  const out = new Set<string>();
  for (const [name, errno] of filter ?? []) if (!(allowList && errno >= 0)) out.add(name);
  return { allowList, filter: out };
}

/** An IPAddressAllow=/IPAddressDeny= list: the last empty value resets it. */
function addressList(s: UnitSettings, section: string, key: string): string[] {
  let out: string[] = [];
  for (const v of s.values(section, key)) {
    if (v === '') out = [];
    else out.push(...v.split(/\s+/).filter(Boolean));
  }
  return out;
}

function securityInfo(u: Loaded, s: UnitSettings): Info {
  const type = u.name.slice(u.name.lastIndexOf('.') + 1);
  const section = type[0]!.toUpperCase() + type.slice(1);
  const exec = ['service', 'socket', 'mount', 'swap'].includes(type);
  const cgroup = exec || type === 'slice' || type === 'scope';
  const bool = (key: string): boolean => parseBoolean(last(s, section, key) ?? '') ?? false;
  const info: Info = {
    id: u.name,
    defaultDependencies: parseBoolean(last(s, 'Unit', 'DefaultDependencies') ?? '') ?? true,
    exec,
    ambient: 0n,
    bounding: ALL_CAPS,
    supplementaryGroups: [],
    dynamicUser: false,
    bools: new Map(),
    families: { inet: false, unix: false, netlink: false, packet: false, other: false },
    namespaces: new Set(NAMESPACES),
    delegate: false,
    deviceAllow: [],
    archs: new Set(),
    filterAllowList: false,
    filter: new Set(),
    umask: 0o002,
    ipDenyAll: false,
    ipAllowLocalhost: false,
    ipAllowOther: false,
  };
  if (type === 'service') {
    const notify = last(s, 'Service', 'NotifyAccess');
    info.notifyAccess = notify && ['none', 'main', 'exec', 'all'].includes(notify) ? notify : last(s, 'Service', 'Type') === 'notify' ? 'main' : 'none';
  }
  if (exec) {
    info.ambient = capabilitySet(s, section, 'AmbientCapabilities', 0n);
    info.bounding = capabilitySet(s, section, 'CapabilityBoundingSet', ALL_CAPS);
    info.user = last(s, section, 'User');
    for (const v of s.values(section, 'SupplementaryGroups')) info.supplementaryGroups = v === '' ? [] : [...info.supplementaryGroups, ...v.split(/\s+/).filter(Boolean)];
    info.dynamicUser = bool('DynamicUser');
    for (const [field, key] of Object.entries(BOOL_KEYS)) info.bools.set(field, bool(key));
    const keyring = last(s, section, 'KeyringMode');
    // (a service's own session keyring by default; other units inherit the manager's)
    info.keyringMode = keyring && ['inherit', 'private', 'shared'].includes(keyring) ? keyring : type === 'service' ? 'private' : 'inherit';
    const proc = last(s, section, 'ProtectProc');
    info.protectProc = proc && ['noaccess', 'invisible', 'ptraceable', 'default'].includes(proc) ? proc : 'default';
    info.procSubset = last(s, section, 'ProcSubset') === 'pid' ? 'pid' : 'all';
    const home = last(s, section, 'ProtectHome');
    info.protectHome = home === undefined ? 'no' : parseBoolean(home) !== undefined ? (parseBoolean(home) ? 'yes' : 'no') : ['read-only', 'tmpfs'].includes(home) ? home : 'no';
    const system = last(s, section, 'ProtectSystem');
    info.protectSystem = system === undefined ? 'no' : parseBoolean(system) !== undefined ? (parseBoolean(system) ? 'yes' : 'no') : ['full', 'strict'].includes(system) ? system : 'no';
    // RestrictAddressFamilies=: an allow list, "~" a deny list, "none" nothing allowed
    let allow = false;
    let families = new Set<string>();
    for (const v of s.values(section, 'RestrictAddressFamilies')) {
      if (v === '') [allow, families] = [false, new Set()];
      else if (v === 'none') [allow, families] = [true, new Set()];
      else {
        const invert = v.startsWith('~');
        const list = (invert ? v.slice(1) : v).split(/\s+/).filter(Boolean);
        if (families.size === 0 && !(allow && families.size === 0 && s.values(section, 'RestrictAddressFamilies').includes('none'))) allow = !invert;
        for (const f of list) (!invert === allow ? families.add(f) : families.delete(f));
      }
    }
    const f = info.families;
    f.inet = f.unix = f.netlink = f.packet = f.other = allow;
    for (const fam of families) {
      if (fam === 'AF_INET' || fam === 'AF_INET6') f.inet = !allow;
      else if (fam === 'AF_UNIX') f.unix = !allow;
      else if (fam === 'AF_NETLINK') f.netlink = !allow;
      else if (fam === 'AF_PACKET') f.packet = !allow;
      else f.other = !allow;
    }
    for (const k of ['inet', 'unix', 'netlink', 'packet', 'other'] as const) info.bools.set(`restrict_address_family_${k}`, f[k]);
    info.namespaces = namespaces(s, section);
    info.rootDirectory = last(s, section, 'RootDirectory');
    info.rootImage = last(s, section, 'RootImage');
    const um = last(s, section, 'UMask');
    info.umask = um && /^[0-7]{1,4}$/.test(um) ? parseInt(um, 8) : 0o022;
    for (const v of s.values(section, 'SystemCallArchitectures')) {
      if (v === '') info.archs.clear();
      else for (const a of v.split(/\s+/).filter(Boolean)) info.archs.add(a === 'native' ? 'native' : a);
    }
    const sf = syscallFilter(s, section);
    info.filterAllowList = sf.allowList;
    info.filter = sf.filter;
    // unit_patch_contexts(): what some settings imply
    const b = info.bools;
    if (b.get('private_devices')) info.bounding &= ~((1n << 27n) | (1n << 17n));
    if (b.get('protect_kernel_modules')) info.bounding &= ~(1n << 16n);
    if (b.get('protect_kernel_logs')) info.bounding &= ~(1n << 34n);
    if (b.get('protect_clock')) info.bounding &= ~((1n << 25n) | (1n << 35n));
    if (info.dynamicUser) {
      info.user ??= u.name.replace(/\.[^.]*$/, '');
      for (const k of ['private_tmp', 'remove_ipc', 'no_new_privileges', 'restrict_suid_sgid']) b.set(k, true);
      info.protectSystem = 'strict';
      if (info.protectHome === 'no') info.protectHome = 'read-only';
    }
  }
  if (cgroup) {
    const d = last(s, section, 'Delegate');
    info.delegate = d !== undefined && (parseBoolean(d) ?? true);
    const policy = last(s, section, 'DevicePolicy');
    info.devicePolicy = policy && ['auto', 'closed', 'strict'].includes(policy) ? policy : 'auto';
    if (info.bools.get('private_devices') && info.devicePolicy === 'auto') info.devicePolicy = 'closed';
    for (const v of s.values(section, 'DeviceAllow')) {
      if (v === '') {
        info.deviceAllow = [];
        continue;
      }
      const [path = '', rights = 'rwm'] = v.split(/\s+/);
      const r = rights || 'rwm';
      // (each entry goes to the front of the list)
      info.deviceAllow.unshift(`${path}:${r.includes('r') ? 'r' : ''}${r.includes('w') ? 'w' : ''}${r.includes('m') ? 'm' : ''}`);
    }
    // unit_patch_contexts(): what a root image and ProtectClock= need, once there is a device list
    if (info.devicePolicy !== 'auto' || info.deviceAllow.length) {
      if (info.rootImage) for (const d of ['/dev/loop-control:rw', '/dev/mapper/control:rw', 'block-loop:rwm', 'block-blkext:rwm', 'block-device-mapper:rwm']) info.deviceAllow.unshift(d);
      if (info.bools.get('protect_clock')) info.deviceAllow.unshift('char-rtc:r');
    }
    const deny = addressList(s, section, 'IPAddressDeny');
    const v4 = deny.some((a) => a === 'any' || a === '0.0.0.0/0');
    const v6 = deny.some((a) => a === 'any' || a === '::/0');
    info.ipDenyAll = v4 && v6;
    for (const a of addressList(s, section, 'IPAddressAllow')) {
      if (a === 'localhost' || /^127\./.test(a) || a === '::1' || a.startsWith('::1/')) info.ipAllowLocalhost = true;
      else info.ipAllowOther = true;
    }
  }
  return info;
}

/** The boolean fields the checks look at, by the setting that gives them. */
const BOOL_KEYS: Record<string, string> = {
  lock_personality: 'LockPersonality', memory_deny_write_execute: 'MemoryDenyWriteExecute', no_new_privileges: 'NoNewPrivileges',
  protect_hostname: 'ProtectHostname', private_devices: 'PrivateDevices', private_mounts: 'PrivateMounts', private_network: 'PrivateNetwork',
  private_tmp: 'PrivateTmp', private_users: 'PrivateUsers', protect_control_groups: 'ProtectControlGroups',
  protect_kernel_modules: 'ProtectKernelModules', protect_kernel_tunables: 'ProtectKernelTunables', protect_kernel_logs: 'ProtectKernelLogs',
  protect_clock: 'ProtectClock', remove_ipc: 'RemoveIPC', restrict_realtime: 'RestrictRealtime', restrict_suid_sgid: 'RestrictSUIDSGID',
};

const privileged = (i: Info): boolean => (i.user === '0' || i.user === 'root' ? true : i.dynamicUser ? false : !i.user);

/** One check: its badness (undefined: does not apply) and the description it gives, if its own. */
function judge(a: Assessor, i: Info): [number | undefined, string | undefined] {
  const [, , , , , , , kind, arg] = a;
  switch (kind) {
    case 'bool': {
      const [field, invert] = arg.split(' ');
      const v = i.bools.get(field!) ?? (field === 'delegate' ? i.delegate : false);
      return [invert ? Number(v) : Number(!v), undefined];
    }
    case 'user':
      if (i.user === 'nobody') return [9, "Service runs under as 'nobody' user, which should not be used for services"];
      if (i.dynamicUser && i.user !== '0' && i.user !== 'root') return [0, 'Service runs under a transient non-root user identity'];
      if (i.user && !['0', 'root', ''].includes(i.user)) return [0, 'Service runs under a static non-root user identity'];
      return [10, undefined];
    case 'supplementary_groups':
      return [privileged(i) ? undefined : Number(i.supplementaryGroups.length > 0), undefined];
    case 'remove_ipc':
      return [privileged(i) ? undefined : Number(!i.bools.get('remove_ipc')), undefined];
    case 'protect_home': {
      const v = i.protectHome;
      if (v === 'yes') return [0, 'Service has no access to home directories'];
      if (v === 'read-only') return [5, 'Service has read-only access to home directories'];
      if (v === 'tmpfs') return [1, 'Service has access to fake empty home directories'];
      return [10, 'Service has full access to home directories'];
    }
    case 'protect_system': {
      const v = i.protectSystem;
      if (v === 'yes') return [5, 'Service has limited write access to the OS file hierarchy'];
      if (v === 'full') return [3, 'Service has very limited write access to the OS file hierarchy'];
      if (v === 'strict') return [0, 'Service has strict read-only access to the OS file hierarchy'];
      return [10, 'Service has full access to the OS file hierarchy'];
    }
    case 'root_directory':
      return [Number((i.rootDirectory ?? '/') === '/' && (i.rootImage ?? '/') === '/'), undefined];
    case 'capability_bounding_set': {
      const mask = arg.split(' ').reduce((m, c) => m | (1n << BigInt(capabilityFromName(c)!)), 0n);
      return [Number((i.bounding & mask) !== 0n), undefined];
    }
    case 'umask': {
      const m = i.umask;
      if (!(m & 0o002)) return [10, 'Files created by service are world-writable by default'];
      if (!(m & 0o004)) return [5, 'Files created by service are world-readable by default'];
      if (!(m & 0o020)) return [2, 'Files created by service are group-writable by default'];
      if (!(m & 0o040)) return [1, 'Files created by service are group-readable by default'];
      return [0, "Files created by service are accessible only by service's own user by default"];
    }
    case 'keyring_mode':
      return [Number(i.keyringMode !== 'private'), undefined];
    case 'protect_proc':
      return [i.protectProc === 'noaccess' ? 1 : i.protectProc === 'invisible' || i.protectProc === 'ptraceable' ? 0 : 3, undefined];
    case 'proc_subset':
      return [Number(i.procSubset !== 'pid'), undefined];
    case 'notify_access':
      return [Number(i.notifyAccess === 'all'), undefined];
    case 'restrict_namespaces':
      return [Number(i.namespaces.has(arg)), undefined];
    case 'system_call_architectures':
      if (i.archs.size === 0) return [10, 'Service may execute system calls with all ABIs'];
      if (i.archs.size === 1 && i.archs.has('native')) return [0, 'Service may execute system calls only with native ABI'];
      return [8, 'Service may execute system calls with multiple ABIs'];
    case 'system_call_filter':
      return syscallJudge(i, arg);
    case 'ip_address_allow':
      if (!i.ipDenyAll) return [10, 'Service does not define an IP address allow list'];
      if (i.ipAllowOther) return [5, 'Service defines IP address allow list with non-localhost entries'];
      if (i.ipAllowLocalhost) return [2, 'Service defines IP address allow list with only localhost entries'];
      return [0, 'Service blocks all IP address ranges'];
    case 'device_allow':
      if (i.devicePolicy === 'strict' || i.devicePolicy === 'closed') {
        return i.deviceAllow.length ? [5, `Service has a device ACL with some special devices: ${i.deviceAllow.join(' ')}`] : [0, 'Service has a minimal device ACL'];
      }
      return [10, 'Service has no device ACL'];
    case 'ambient_capabilities':
      return [Number(i.ambient !== 0n), undefined];
    default:
      return [undefined, undefined];
  }
}

/** assess_system_call_filter(): is any call of the group let through? */
function syscallJudge(i: Info, group: string): [number, string] {
  if (!i.filterAllowList && i.filter.size === 0) return [10, 'Service does not filter system calls'];
  const offending = (g: string): string | undefined => {
    for (const m of syscallFilterSetFind(g)?.members ?? []) {
      if (m.startsWith('@')) {
        const o = offending(m);
        if (o) return o;
        continue;
      }
      if (syscallResolvable(m) && i.filter.has(m) === i.filterAllowList) return m;
    }
    return undefined;
  };
  const o = offending(group);
  if (i.filterAllowList) {
    return o ? [9, `System call allow list defined for service, and ${group} is included (e.g. ${o} is allowed)`] : [0, `System call allow list defined for service, and ${group} is not included`];
  }
  return o ? [10, `System call deny list defined for service, and ${group} is not included (e.g. ${o} is allowed)`] : [0, `System call deny list defined for service, and ${group} is included`];
}

/** The ratings by exposure (tenths), with their UTF-8 and ASCII smileys. */
const RATINGS: [number, string, string, string][] = [
  [100, 'DANGEROUS', '\u{1F922}', ':-['], [90, 'UNSAFE', '\u{1F628}', ':-{'], [75, 'EXPOSED', '\u{1F641}', ':-('],
  [50, 'MEDIUM', '\u{1F610}', ':-|'], [10, 'OK', '\u{1F642}', ':-)'], [1, 'SAFE', '\u{1F600}', ':-}'], [0, 'PERFECT', '\u{1F607}', ':-]'],
];

/** emoji_enabled(): $SYSTEMD_EMOJI, else a terminal type other than dumb or linux in a UTF-8 locale. */
function emoji(env: Map<string, string>): boolean {
  const forced = parseBoolean(env.get('SYSTEMD_EMOJI') ?? '');
  if (forced !== undefined) return forced;
  const term = env.get('TERM');
  return term !== undefined && term !== 'dumb' && term !== 'linux' && localeIsUtf8(env);
}

const cmpStr = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** glibc's qsort() for small arrays: a top-down merge sort, left first on ties. */
function mergeSort<T>(items: T[], cmp: (a: T, b: T) => number): T[] {
  if (items.length <= 1) return items;
  const n1 = Math.floor(items.length / 2);
  const left = mergeSort(items.slice(0, n1), cmp);
  const right = mergeSort(items.slice(n1), cmp);
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) out.push(cmp(left[i]!, right[j]!) <= 0 ? left[i++]! : right[j++]!);
  return [...out, ...left.slice(i), ...right.slice(j)];
}

const divUp = (a: bigint, b: bigint): bigint => (a + b - 1n) / b;

/** assess(): the table (or JSON) of one unit; whether its exposure is within the threshold. */
async function assess(ctx: Ctx, info: Info, threshold: number, json: string | undefined): Promise<boolean> {
  let badnessSum = 0n;
  let weightSum = 0n;
  const rows: { mark: number; id: string; json: string; description: string | null; weight: number; badness: number | undefined; range: number; index: number }[] = [];
  for (const [index, a] of ASSESSORS.entries()) {
    const [id, jsonField, good, bad, na, weight, range, , , ddOnly] = a;
    let badness: number | undefined;
    let d: string | undefined;
    if (ddOnly && !info.defaultDependencies) d = 'Service runs in special boot phase, option is not appropriate';
    else [badness, d] = judge(a, info);
    if (badness !== undefined) {
      badnessSum += divUp(BigInt(badness) * BigInt(weight), BigInt(range));
      weightSum += BigInt(weight);
    }
    const mark = badness === undefined ? -1 : badness === 0 ? 1 : 0;
    const description = d ?? (badness === undefined ? na : badness === range ? bad : badness === 0 ? good : null);
    rows.push({ mark, id, json: jsonField, description, weight, badness, range, index });
  }
  // by description (descending), then by name, then as listed: table_data_compare() under
  // glibc's merge sort (a missing description compares by position only, reversed too)
  const cell = (x: string | null, y: string | null, ix: number, iy: number): number => (x !== null && y !== null ? cmpStr(x, y) : Math.sign(ix - iy));
  const order = mergeSort([-1, ...rows.keys()], (a, b) => {
    if (a < 0 && b < 0) return 0;
    if (a < 0) return -1;
    if (b < 0) return 1;
    const x = rows[a]!;
    const y = rows[b]!;
    const r = cell(x.description, y.description, a, b);
    if (r !== 0) return -r;
    return cmpStr(x.id, y.id) || Math.sign(a - b);
  }).slice(1);
  const sorted = order.map((k) => rows[k]!);
  const exposureOf = (r: (typeof rows)[number]): string => {
    if (r.badness === undefined || r.badness === 0) return '';
    const x = divUp(divUp(BigInt(r.badness) * BigInt(r.weight) * 100n, BigInt(r.range)), weightSum);
    return `${x / 10n}.${x % 10n}`;
  };
  const exposure = divUp(badnessSum * 100n, weightSum);
  const rating = RATINGS.find(([min]) => exposure >= BigInt(min))!;
  if (json !== undefined && json !== 'off') {
    const objects = sorted.map((r) => {
      const e = exposureOf(r);
      const fields: [string, string][] = [
        ['set', r.mark < 0 ? 'null' : r.mark ? 'true' : 'false'], ['name', JSON.stringify(r.id)], ['json_field', JSON.stringify(r.json)],
        ['description', r.description === null ? 'null' : JSON.stringify(r.description)], ['exposure', e === '' ? 'null' : JSON.stringify(e)],
      ];
      return json === 'pretty' ? `\t{\n${fields.map(([k, v]) => `\t\t"${k}" : ${v}`).join(',\n')}\n\t}` : `{${fields.map(([k, v]) => `"${k}":${v}`).join(',')}}`;
    });
    await ctx.print(json === 'pretty' ? `[\n${objects.join(',\n')}\n]\n` : `[${objects.join(',')}]\n`);
  } else {
    const g = glyphs(ctx.env);
    const utf8 = localeIsUtf8(ctx.env);
    const table = formatTable([' ', 'name', 'description', 'exposure'], sorted.map((r) => [
      r.mark < 0 ? '' : r.mark ? (utf8 ? '\u2713' : '+') : utf8 ? '\u2717' : '-',
      r.id, r.description ?? '', { text: exposureOf(r), right: true },
    ]));
    await ctx.print(`${table}\n${g.arrowRight} Overall exposure level for ${info.id}: ${exposure / 10n}.${exposure % 10n} ${rating[1]} ${emoji(ctx.env) ? rating[2] : rating[3]}\n`);
  }
  return exposure <= BigInt(threshold);
}

export async function verbSecurity(ctx: Ctx, args: string[], opts: AnalyzeOptions): Promise<number | undefined> {
  const offline = opts.raw.get('offline')?.at(-1);
  if (offline === undefined || !parseBoolean(offline)) return undefined;
  if (args.length === 0) return 0;
  const thresholdText = opts.raw.get('threshold')?.at(-1);
  const threshold = thresholdText === undefined ? 100 : Number(thresholdText.trim());
  const cwd = ctx.sys.getcwd();
  const prepared = args.map((a) => prepare(cwd, a));
  const v = new Verifier(ctx, prepared.flatMap((p) => (p ? [p.dir] : [])));
  let rc = 0;
  const units: Loaded[] = [];
  for (const [i, p] of prepared.entries()) {
    if (!p) {
      await ctx.err.write(`Failed to prepare filename ${args[i]}: Invalid argument\n`);
      rc = 1;
      continue;
    }
    const u = await v.load(p.name, true);
    const refusal = u.state === 'not-found' ? `Unit ${u.name} not found.` : u.state === 'masked' ? `Unit ${u.name} is masked.` : u.state === 'bad-setting' ? `Unit ${u.name} has a bad unit file setting.` : u.state === 'error' ? `Unit ${u.name} failed to load properly, please adjust/correct and reload service manager: ${u.errno}` : undefined;
    if (refusal) {
      await ctx.err.write(`${refusal}\n`);
      rc = 1;
      continue;
    }
    units.push(u);
  }
  for (const u of units) {
    if (!u.settings) continue;
    if (!(await assess(ctx, securityInfo(u, u.settings), threshold, opts.raw.get('json')?.at(-1)))) rc = 1;
  }
  return rc;
}
