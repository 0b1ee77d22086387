// The name tables ip uses for scopes, route origins, tables, route types, TOS values,
// neighbour states and device groups (lib/rt_names.c, ip/rtm_map.c): built-in names plus what
// the machine's /etc/iproute2 files add (loadNameFiles, at ip's start). With -N (numeric)
// numbers are printed instead of names.
import { RTN } from '../../shared/services/net';
import type { Sys } from '../../shared/sys';
import { NetDb } from '../netfilter/netdb';
import { getUnsigned, matches, strtoul } from './ip-util';

const BUILTIN_SCOPES: [number, string][] = [[0, 'global'], [255, 'nowhere'], [254, 'host'], [253, 'link'], [200, 'site']];
const BUILTIN_PROTOS: [number, string][] = [
  [0, 'unspec'], [1, 'redirect'], [2, 'kernel'], [3, 'boot'], [4, 'static'], [8, 'gated'], [9, 'ra'], [10, 'mrt'],
  [11, 'zebra'], [12, 'bird'], [13, 'dnrouted'], [14, 'xorp'], [15, 'ntk'], [16, 'dhcp'], [18, 'keepalived'],
  [42, 'babel'], [99, 'openr'], [186, 'bgp'], [187, 'isis'], [188, 'ospf'], [189, 'rip'], [192, 'eigrp'],
];
const BUILTIN_TABLES: [number, string][] = [[253, 'default'], [254, 'main'], [255, 'local']];

/**
 * An id/name table of rt_names.c: 256 slots (scopes, protocols, realms, TOS) or a hash (tables,
 * groups). The built-in names are there from the start; the files are read the first time a
 * name is needed that the built-ins may not give (a slot table: an id without a built-in name).
 */
class NameTable {
  /** entries in the order they were added (a later one wins for its id) */
  private entries: [number, string][] = [];
  private byId = new Map<number, string>();
  private sources: { file: string; text: string }[] = [];
  private err: (s: string) => void = () => {};
  private loaded = true;
  constructor(private readonly builtin: [number, string][], readonly hashed: boolean, private readonly size: number) {
    this.reset([], this.err);
  }
  reset(sources: { file: string; text: string }[], err: (s: string) => void): void {
    this.entries = [...this.builtin];
    this.byId = new Map(this.builtin);
    this.sources = sources;
    this.err = err;
    this.loaded = sources.length === 0;
  }
  /** rtnl_tab_initialize / rtnl_hash_initialize over each file */
  private ensure(): void {
    if (this.loaded) return;
    this.loaded = true;
    for (const { file, text } of this.sources) this.read(file, text);
  }
  /**
   * "ID NAME" lines (ID decimal or 0x hex), `#` comments; a line of another form stops the
   * reading of that file with a complaint on stderr.
   */
  private read(file: string, text: string): void {
    for (const raw of text.split(/(?<=\n)/)) {
      const p = raw.replace(/^[ \t]+/, '');
      if (p === '' || p[0] === '#' || p[0] === '\n') continue;
      const m = /^(0x[0-9a-fA-F]+|[-+]?\d+)[ \t\n\r\f\v]+([^ \t\n\r\f\v]+)/.exec(p);
      if (!m) {
        this.err(`Database ${file} is corrupted at ${p}\n`);
        return;
      }
      const id = m[1]!.startsWith('0x') ? parseInt(m[1]!.slice(2), 16) : parseInt(m[1]!, 10);
      if (id < 0 || id > 0xffffffff || (this.size > 0 && id > this.size)) continue;
      this.entries.push([id, m[2]!]);
      this.byId.set(id, m[2]!);
    }
  }
  name(id: number): string | undefined {
    if (this.hashed || !this.byId.has(id)) this.ensure();
    return this.byId.get(id);
  }
  /** the id of a name: slots in id order; a hash bucket by bucket (id mod 256), newest first */
  id(name: string): number | undefined {
    this.ensure();
    if (!this.hashed) {
      let best: number | undefined;
      for (const [id, n] of this.byId) if (n === name && (best === undefined || id < best)) best = id;
      return best;
    }
    let best: [number, number] | undefined;
    this.entries.forEach(([id, n], i) => {
      if (n !== name) return;
      const key: [number, number] = [id % 256, -i];
      if (!best || key[0] < best[0] || (key[0] === best[0] && key[1] < best[1])) best = key;
    });
    return best === undefined ? undefined : this.entries[-best[1]]![0];
  }
}

const SCOPES = new NameTable(BUILTIN_SCOPES, false, 256);
const PROTOS = new NameTable(BUILTIN_PROTOS, false, 256);
const TABLES = new NameTable(BUILTIN_TABLES, true, 0);
const REALMS = new NameTable([[0, 'unknown']], false, 256);
const DSFIELDS = new NameTable([], false, 256);
const GROUPS = new NameTable([[0, 'default']], true, 0);

const CONF = '/etc/iproute2';

/**
 * Reads the machine's /etc/iproute2 name files (rt_tables and rt_tables.d/*.conf, rt_protos and
 * rt_protos.d/*.conf, rt_scopes, rt_realms, rt_dsfield, group); ip takes their names over the
 * built-in ones when it first needs one. A missing file leaves the built-in names.
 */
export async function loadNameFiles(sys: Sys, err: (s: string) => void): Promise<void> {
  const read = async (path: string): Promise<{ file: string; text: string }[]> => {
    try {
      return [{ file: path, text: new TextDecoder().decode(await sys.readFile(path)) }];
    } catch {
      return [];
    }
  };
  const confs = async (dir: string): Promise<string[]> => {
    try {
      return (await sys.readdir(dir)).filter((n) => !n.startsWith('.') && n.length >= 5 && n.endsWith('.conf')).sort().map((n) => `${dir}/${n}`);
    } catch {
      return [];
    }
  };
  const plan: [NameTable, string[]][] = [
    [TABLES, [`${CONF}/rt_tables`, ...(await confs(`${CONF}/rt_tables.d`))]],
    [PROTOS, [`${CONF}/rt_protos`, ...(await confs(`${CONF}/rt_protos.d`))]],
    [SCOPES, [`${CONF}/rt_scopes`]],
    [REALMS, [`${CONF}/rt_realms`]],
    [DSFIELDS, [`${CONF}/rt_dsfield`]],
    [GROUPS, [`${CONF}/group`]],
  ];
  for (const [t, files] of plan) t.reset((await Promise.all(files.map(read))).flat(), err);
}

/** strtoul(arg, 0) over the whole argument, at most `max`. */
function number(arg: string, max: number, base = 0): number | null {
  const r = strtoul(arg, 0, base);
  if (r.end === 0 || r.end !== arg.length || r.overflow || r.value > max) return null;
  return r.value;
}

function byName(table: NameTable, arg: string): number | undefined {
  return table.id(arg);
}

export function scopeA2n(arg: string): number | null {
  return byName(SCOPES, arg) ?? number(arg, 255);
}

export function scopeN2a(id: number, numeric: boolean): string {
  return numeric ? String(id) : SCOPES.name(id) ?? String(id);
}

/** The names inet_proto_n2a prints for the protocols a rule can name (their /etc/protocols names). */
const IP_PROTOS: Readonly<Record<string, number>> = { icmp: 1, igmp: 2, tcp: 6, udp: 17, gre: 47, esp: 50, ah: 51, 'ipv6-icmp': 58, sctp: 132, udplite: 136 };

/** inet_proto_a2n: a decimal number up to 255, or a protocol's name or alias in /etc/protocols
 *  (getprotobyname); null when neither. */
export async function inetProtoA2n(sys: Sys, v: string): Promise<number | null> {
  const n = getUnsigned(v, 0xff, 10);
  if (n !== null) return n;
  return (await NetDb.load(sys)).protoByName(v) ?? null;
}

/** inet_proto_n2a: a protocol's name, or its number. */
export function inetProtoN2a(n: number): string {
  return Object.keys(IP_PROTOS).find((k) => IP_PROTOS[k] === n) ?? String(n);
}

export function protoA2n(arg: string): number | null {
  return byName(PROTOS, arg) ?? number(arg, 255);
}

export function protoN2a(id: number, numeric: boolean): string {
  return numeric ? String(id) : PROTOS.name(id) ?? String(id);
}

export function tableA2n(arg: string): number | null {
  return byName(TABLES, arg) ?? number(arg, 0xffffffff);
}

export function tableN2a(id: number, numeric: boolean): string {
  return numeric ? String(id) : TABLES.name(id) ?? String(id);
}

/** rtnl_dsfield_a2n: a name from /etc/iproute2/rt_dsfield or a hexadecimal TOS byte. */
export function dsfieldA2n(arg: string): number | null {
  return DSFIELDS.id(arg) ?? number(arg, 255, 16);
}

/** rtnl_dsfield_n2a: the name /etc/iproute2/rt_dsfield gives the value, else hexadecimal. */
export function dsfieldN2a(id: number, numeric = false): string {
  const name = numeric ? undefined : DSFIELDS.name(id);
  return name ?? `0x${id.toString(16).padStart(2, '0')}`;
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

/** Device groups: /etc/iproute2/group names them (`default` is 0 without the file). */
export function groupA2n(arg: string): number | null {
  const named = GROUPS.id(arg);
  if (named !== undefined) return named;
  const r = strtoul(arg, 0, 0);
  if (r.end === 0 || r.end !== arg.length) return null;
  return r.value;
}

export function groupN2a(id: number, numeric: boolean): string {
  return (numeric ? undefined : GROUPS.name(id)) ?? String(id);
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

/** rtnl_rtrealm_a2n: a name from /etc/iproute2/rt_realms, or a number. */
export function realmA2n(arg: string): number | null {
  const named = REALMS.id(arg);
  if (named !== undefined) return named;
  const r = strtoul(arg, 0, 0);
  if (r.end === 0 || r.end !== arg.length) return null;
  return r.value % 2 ** 32;
}

export function realmN2a(id: number, numeric: boolean): string {
  return (numeric || id > 255 ? undefined : REALMS.name(id)) ?? String(id);
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
