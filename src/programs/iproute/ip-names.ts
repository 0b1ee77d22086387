// The name tables ip uses for scopes, route origins, tables, route types, TOS values,
// neighbour states and device groups (lib/rt_names.c, ip/rtm_map.c). With -N (numeric)
// numbers are printed instead of names.
import { RTN } from '../../shared/services/net';
import { getUnsigned, matches, strtoul } from './ip-util';

const SCOPES = new Map<number, string>([[0, 'global'], [255, 'nowhere'], [254, 'host'], [253, 'link'], [200, 'site']]);
const PROTOS = new Map<number, string>([
  [0, 'unspec'], [1, 'redirect'], [2, 'kernel'], [3, 'boot'], [4, 'static'], [8, 'gated'], [9, 'ra'], [10, 'mrt'],
  [11, 'zebra'], [12, 'bird'], [13, 'dnrouted'], [14, 'xorp'], [15, 'ntk'], [16, 'dhcp'], [18, 'keepalived'],
  [42, 'babel'], [99, 'openr'], [186, 'bgp'], [187, 'isis'], [188, 'ospf'], [189, 'rip'], [192, 'eigrp'],
]);
const TABLES = new Map<number, string>([[253, 'default'], [254, 'main'], [255, 'local']]);

/** strtoul(arg, 0) over the whole argument, at most `max`. */
function number(arg: string, max: number, base = 0): number | null {
  const r = strtoul(arg, 0, base);
  if (r.end === 0 || r.end !== arg.length || r.overflow || r.value > max) return null;
  return r.value;
}

function byName(table: Map<number, string>, arg: string): number | undefined {
  for (const [id, name] of table) if (name === arg) return id;
  return undefined;
}

export function scopeA2n(arg: string): number | null {
  return byName(SCOPES, arg) ?? number(arg, 255);
}

export function scopeN2a(id: number, numeric: boolean): string {
  return numeric ? String(id) : SCOPES.get(id) ?? String(id);
}

export function protoA2n(arg: string): number | null {
  return byName(PROTOS, arg) ?? number(arg, 255);
}

export function protoN2a(id: number, numeric: boolean): string {
  return numeric ? String(id) : PROTOS.get(id) ?? String(id);
}

export function tableA2n(arg: string): number | null {
  return byName(TABLES, arg) ?? number(arg, 0xffffffff);
}

export function tableN2a(id: number, numeric: boolean): string {
  return numeric ? String(id) : TABLES.get(id) ?? String(id);
}

/** rtnl_dsfield_a2n: a hexadecimal TOS byte. */
export function dsfieldA2n(arg: string): number | null {
  return number(arg, 255, 16);
}

export function dsfieldN2a(id: number): string {
  return `0x${id.toString(16).padStart(2, '0')}`;
}

const TYPE_NAMES = ['none', 'unicast', 'local', 'broadcast', 'anycast', 'multicast', 'blackhole', 'unreachable', 'prohibit', 'throw', 'nat', 'xresolve'];

export function rtntypeN2a(id: number, numeric: boolean): string {
  return numeric ? String(id) : TYPE_NAMES[id] ?? String(id);
}

/** rtnl_rtntype_a2n: exact `local`, `nat`, `throw`, `brd`; the others may be abbreviated. */
export function rtntypeA2n(arg: string): number | null {
  if (arg === 'local') return RTN.LOCAL;
  if (arg === 'nat') return RTN.NAT;
  if (matches(arg, 'broadcast') || arg === 'brd') return RTN.BROADCAST;
  if (matches(arg, 'anycast')) return RTN.ANYCAST;
  if (matches(arg, 'multicast')) return RTN.MULTICAST;
  if (matches(arg, 'prohibit')) return RTN.PROHIBIT;
  if (matches(arg, 'unreachable')) return RTN.UNREACHABLE;
  if (matches(arg, 'blackhole')) return RTN.BLACKHOLE;
  if (matches(arg, 'xresolve')) return RTN.XRESOLVE;
  if (matches(arg, 'unicast')) return RTN.UNICAST;
  if (arg === 'throw') return RTN.THROW;
  return number(arg, 255);
}

/** Device groups: only `default` (0) is named without /etc/iproute2/group. */
export function groupA2n(arg: string): number | null {
  if (arg === 'default') return 0;
  const r = strtoul(arg, 0, 0);
  if (r.end === 0 || r.end !== arg.length) return null;
  return r.value;
}

export function groupN2a(id: number, numeric: boolean): string {
  return !numeric && id === 0 ? 'default' : String(id);
}

export const NUD_NAMES: [number, string][] = [
  [0x01, 'INCOMPLETE'], [0x02, 'REACHABLE'], [0x04, 'STALE'], [0x08, 'DELAY'], [0x10, 'PROBE'], [0x20, 'FAILED'], [0x40, 'NOARP'], [0x80, 'PERMANENT'],
];

/** nud_state_a2n. */
export function nudA2n(arg: string): number | null {
  if (matches(arg, 'permanent')) return 0x80;
  if (matches(arg, 'reachable')) return 0x02;
  if (arg === 'noarp') return 0x40;
  if (arg === 'none') return 0x00;
  if (arg === 'stale') return 0x04;
  if (arg === 'incomplete') return 0x01;
  if (arg === 'delay') return 0x08;
  if (arg === 'probe') return 0x10;
  if (matches(arg, 'failed')) return 0x20;
  const n = getUnsigned(arg);
  if (n === null || n >= 0x100 || (n & (n - 1)) !== 0) return null;
  return n;
}

/** rtnl_rtrealm_a2n: `cosmos` is realm 0; any other realm is a number. */
export function realmA2n(arg: string): number | null {
  if (arg === 'cosmos') return 0;
  const r = strtoul(arg, 0, 0);
  if (r.end === 0 || r.end !== arg.length) return null;
  return r.value % 2 ** 32;
}

export function realmN2a(id: number, numeric: boolean): string {
  return !numeric && id === 0 ? 'cosmos' : String(id);
}

/** get_rt_realms_or_raw: `TO` or `FROM/TO`, FROM going to the high 16 bits. */
export function realmsA2n(arg: string): number | null {
  const slash = arg.indexOf('/');
  let realms = 0;
  let to = arg;
  if (slash >= 0) {
    const from = realmA2n(arg.slice(0, slash));
    if (from === null) return null;
    realms = (from << 16) >>> 0;
    to = arg.slice(slash + 1);
  }
  if (to !== '') {
    const t = realmA2n(to);
    if (t === null) return null;
    realms = (realms | t) >>> 0;
  }
  return realms;
}
