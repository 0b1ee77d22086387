// The `net` service: the kernel's links, addresses, routes and neighbours, spoken to the way
// rtnetlink is (dump requests, new/del requests with NLM_F_* semantics, errno replies with an
// optional extended-ack message). Numbers are the Linux constants, so programs print them as
// iproute2 and net-tools do. Addresses travel as canonical text (see net-addr.ts).
import type { Errno } from '../errno';
import type { Family } from './net-addr';

export type { Family } from './net-addr';

/** Interface flags (linux/if.h). */
export const IFF = {
  UP: 0x1, BROADCAST: 0x2, DEBUG: 0x4, LOOPBACK: 0x8, POINTOPOINT: 0x10, NOTRAILERS: 0x20,
  RUNNING: 0x40, NOARP: 0x80, PROMISC: 0x100, ALLMULTI: 0x200, MASTER: 0x400, SLAVE: 0x800,
  MULTICAST: 0x1000, PORTSEL: 0x2000, AUTOMEDIA: 0x4000, DYNAMIC: 0x8000, LOWER_UP: 0x10000,
  DORMANT: 0x20000, ECHO: 0x40000,
} as const;

/** Address flags (linux/if_addr.h). */
export const IFA_F = {
  SECONDARY: 0x01, NODAD: 0x02, OPTIMISTIC: 0x04, DADFAILED: 0x08, HOMEADDRESS: 0x10,
  DEPRECATED: 0x20, TENTATIVE: 0x40, PERMANENT: 0x80, MANAGETEMPADDR: 0x100,
  NOPREFIXROUTE: 0x200, MCAUTOJOIN: 0x400, STABLE_PRIVACY: 0x800,
} as const;

/** Route types (RTN_*). */
export const RTN = {
  UNSPEC: 0, UNICAST: 1, LOCAL: 2, BROADCAST: 3, ANYCAST: 4, MULTICAST: 5, BLACKHOLE: 6,
  UNREACHABLE: 7, PROHIBIT: 8, THROW: 9, NAT: 10, XRESOLVE: 11,
} as const;

/** Route origins (RTPROT_*). */
export const RTPROT = { UNSPEC: 0, REDIRECT: 1, KERNEL: 2, BOOT: 3, STATIC: 4, RA: 9, DHCP: 16 } as const;

/** Scopes shared by routes and addresses (RT_SCOPE_*). */
export const SCOPE = { UNIVERSE: 0, SITE: 200, LINK: 253, HOST: 254, NOWHERE: 255 } as const;

export const TABLE = { UNSPEC: 0, DEFAULT: 253, MAIN: 254, LOCAL: 255 } as const;

/** Next-hop and route flags (RTNH_F_*, RTM_F_*). */
export const RTNH_F = { DEAD: 1, PERVASIVE: 2, ONLINK: 4, OFFLOAD: 8, LINKDOWN: 16, UNRESOLVED: 32, NOTIFY: 0x100, CLONED: 0x200 } as const;

/** Cache flags of an IPv4 `ip route get` answer (RTCF_*). */
export const RTCF = { NOTIFY: 0x10000, REDIRECTED: 0x40000, DOREDIRECT: 0x1000000, DIRECTSRC: 0x4000000, BROADCAST: 0x10000000, MULTICAST: 0x20000000, LOCAL: 0x80000000 } as const;

/** Neighbour states (NUD_*) and flags (NTF_*). */
export const NUD = { INCOMPLETE: 0x01, REACHABLE: 0x02, STALE: 0x04, DELAY: 0x08, PROBE: 0x10, FAILED: 0x20, NOARP: 0x40, PERMANENT: 0x80, NONE: 0x00 } as const;
export const NTF = { USE: 0x01, SELF: 0x02, MASTER: 0x04, PROXY: 0x08, EXT_LEARNED: 0x10, OFFLOADED: 0x20, ROUTER: 0x80 } as const;

/** Route metrics carried in RTA_METRICS (RTAX_*). */
/**
 * The TCP congestion algorithms this kernel has (tcp_register_congestion_control): a route's
 * RTAX_CC_ALGO metric holds 1 + the index of its name here (-1 for a name it does not know).
 */
export const TCP_CA_NAMES: readonly string[] = ['reno', 'cubic'];

export const RTAX = { LOCK: 1, MTU: 2, WINDOW: 3, RTT: 4, RTTVAR: 5, SSTHRESH: 6, CWND: 7, ADVMSS: 8, REORDERING: 9, HOPLIMIT: 10, INITCWND: 11, FEATURES: 12, RTO_MIN: 13, INITRWND: 14, QUICKACK: 15, CC_ALGO: 16, FASTOPEN_NO_COOKIE: 17 } as const;

/** Lifetime value meaning "forever" (INFINITY_LIFE_TIME). */
export const FOREVER = 0xffffffff;

export type OperState = 'UNKNOWN' | 'NOTPRESENT' | 'DOWN' | 'LOWERLAYERDOWN' | 'TESTING' | 'DORMANT' | 'UP';

/** struct rtnl_link_stats64, the counters `ip -s link` prints. */
export interface LinkStats {
  rxBytes: number; rxPackets: number; rxErrors: number; rxDropped: number; rxMissed: number; multicast: number;
  rxLengthErrors: number; rxCrcErrors: number; rxFrameErrors: number; rxFifoErrors: number; rxOverErrors: number;
  txBytes: number; txPackets: number; txErrors: number; txDropped: number; txCarrierErrors: number; collisions: number;
  txAbortedErrors: number; txFifoErrors: number; txWindowErrors: number; txHeartbeatErrors: number;
}

/** One RTM_NEWLINK message. */
export interface LinkMsg {
  ifindex: number;
  name: string;
  /** ARPHRD type name as ip prints it after `link/`. */
  linkType: 'loopback' | 'ether' | 'none';
  /** IFLA_INFO_KIND for virtual devices (dummy, veth, bridge); absent for hardware. */
  kind?: string;
  /** ifi_flags as the kernel reports them (RUNNING and LOWER_UP included). */
  flags: number;
  mtu: number;
  minMtu: number;
  maxMtu: number;
  qdisc: string;
  operstate: OperState;
  linkmode: number;
  group: number;
  txqlen: number;
  address: string;
  broadcast: string;
  permAddress?: string;
  alias?: string;
  /** IFLA_PROP_LIST: the device's alternative names, oldest first. */
  altnames?: string[];
  /** IFLA_INET6_TOKEN, as an address (absent: ::). */
  token?: string;
  /** Link-layer multicast addresses joined by hand (SIOCADDMULTI), in order; see Link.mcStatic. */
  mcStatic?: { addr: string; pos: number }[];
  master?: number;
  /** IFLA_LINK: the other end of a veth pair. */
  link?: number;
  /** IFLA_LINK_NETNSID: that end is in another namespace, numbered so by this one. */
  linkNetnsid?: number;
  /** IFLA_INFO_SLAVE_KIND: `bridge` for a bridge port. */
  slaveKind?: string;
  /** IFLA_INFO_DATA of an 802.1Q/802.1ad VLAN device. */
  vlan?: VlanData;
  /** IFLA_INFO_DATA of a macvlan or macvtap device. */
  macvlan?: MacvlanData;
  /** IFLA_INFO_DATA of a VXLAN device. */
  vxlan?: VxlanData;
  /** IFLA_INFO_DATA of a tun/tap device. */
  tun?: TunData;
  /** IFLA_INFO_DATA of a bridge (what `ip -d link` prints after `bridge`). */
  bridge?: BridgeData;
  /** IFLA_INFO_SLAVE_DATA / IFLA_PROTINFO of a bridge port. */
  port?: BridgePortData;
  stats: LinkStats;
  carrierChanges: number;
  promiscuity: number;
  allmulti: number;
  numTxQueues: number;
  numRxQueues: number;
  gsoMaxSize: number;
  gsoMaxSegs: number;
  groMaxSize?: number;
  /** The largest segment the device (or what it sits on) can take (tso_max_size). */
  tsoMaxSize?: number;
  addrGenMode: number;
  /** Bus name and device of a physical NIC (parentbus/parentdev). */
  parentBus?: string;
  parentDev?: string;
  /** Whether the device has IPv6 state (it is listed by `ip -6 link`). */
  inet6: boolean;
}

/** IFLA_BR_* settings by the name `ip -d link` prints them under (group_address a MAC text). */
export type BridgeOpts = Record<string, number | string>;

export interface BridgeData {
  /** bridge_id and designated_root as `8000.MAC`. */
  bridgeId: string;
  /** Settings changed from the kernel's defaults. */
  opts?: BridgeOpts;
  /** The address was set by hand (it then has its own forwarding entry). */
  addrSet?: boolean;
}

/** A VLAN device's settings (IFLA_VLAN_*); also what a request sets (all optional there). */
export interface VlanData {
  /** The tag's ethertype: 0x8100 (802.1Q) or 0x88a8 (802.1ad). */
  protocol: number;
  id: number;
  /** VLAN_FLAG_* bits: 1 reorder_hdr, 2 gvrp, 4 loose_binding, 8 mvrp, 16 bridge_binding. */
  flags: number;
  /** Priority mappings [from, to] in the order the kernel dumps them. */
  ingress?: [number, number][];
  egress?: [number, number][];
}

/** A macvlan's settings (IFLA_MACVLAN_*): MACVLAN_MODE_* 1 private, 2 vepa, 4 bridge, 8 passthru, 16 source. */
export interface MacvlanData {
  mode: number;
  /** MACVLAN_FLAG_*: 1 nopromisc, 2 nodst. */
  flags: number;
  bcQueueLen: number;
  /** The largest broadcast queue asked for by the macvlans of the same lower device. */
  usedBcQueueLen: number;
  /** Source mode: the remote MACs it takes frames from. */
  remotes?: string[];
}

export interface MacvlanChange {
  mode?: number;
  flags?: number;
  bcQueueLen?: number;
  /** IFLA_MACVLAN_MACADDR_MODE and its addresses (source mode). */
  macaddr?: { op: 'add' | 'del' | 'set' | 'flush'; addrs: number[][] };
}

/** A tun/tap device (IFLA_TUN_*): its type, queue flags and owner. */
export interface TunData {
  type: 'tun' | 'tap';
  pi: boolean;
  vnetHdr: boolean;
  multiQueue: boolean;
  oneQueue: boolean;
  owner?: number;
  group?: number;
}

/** A VXLAN device's settings (IFLA_VXLAN_*), as the kernel reports them. */
export interface VxlanData {
  vni: number;
  /** The remote end or multicast group. */
  remote?: string;
  local?: string;
  /** The lower device's ifindex (0: none). */
  link: number;
  srcPortLow: number;
  srcPortHigh: number;
  port: number;
  learning: boolean;
  proxy: boolean;
  rsc: boolean;
  l2miss: boolean;
  l3miss: boolean;
  /** 0: auto. */
  ttl: number;
  ttlInherit: boolean;
  /** 1: inherit. */
  tos: number;
  ageing: number;
  maxAddress: number;
  udpCsum: boolean;
  zeroCsum6Tx: boolean;
  zeroCsum6Rx: boolean;
  /** IFLA_VXLAN_DF: 0 unset, 1 set, 2 inherit (absent: unset). */
  df?: number;
  /** IFLA_VXLAN_LABEL: the IPv6 flow label (absent: 0). */
  label?: number;
}

/** What `ip link add ... type vxlan` asks for: unset fields take the kernel's defaults. */
export type VxlanChange = Partial<VxlanData>;

export interface VlanChange {
  protocol?: number;
  id?: number;
  flags?: { flags: number; mask: number };
  ingress?: [number, number][];
  egress?: [number, number][];
}

export interface BridgePortData {
  state: 'disabled' | 'listening' | 'learning' | 'forwarding' | 'blocking';
  priority: number;
  cost: number;
  no: number;
  /** The bridge's id (designated bridge and root). */
  bridgeId: string;
  /** Port switches changed from their defaults (hairpin, learning, flood, ...). */
  switches?: Record<string, boolean>;
}

/** `bridge link set`: a bridge port's settings (IFLA_PROTINFO). */
export interface BridgePortChange {
  cost?: number;
  priority?: number;
  /** BR_STATE_*: 0 disabled, 1 listening, 2 learning, 3 forwarding, 4 blocking. */
  state?: number;
  switches?: Record<string, boolean>;
}

/** One next hop of a multipath route (RTA_MULTIPATH's rtnexthop). */
export interface NexthopMsg {
  gateway?: string;
  oif?: number;
  /** 1-256. */
  weight: number;
  /** RTNH_F_* flags (dead, onlink, linkdown). */
  flags: number;
}

/** One RTM_NEWADDR message; lifetimes are seconds left, FOREVER for none. */
export interface AddrMsg {
  family: Family;
  ifindex: number;
  prefixlen: number;
  flags: number;
  scope: number;
  local: string;
  /** The peer address (equal to `local` when there is none). */
  address: string;
  broadcast?: string;
  anycast?: string;
  label?: string;
  metric?: number;
  validLft: number;
  preferredLft: number;
}

/** One RTM_NEWROUTE message. */
export interface RouteMsg {
  family: Family;
  table: number;
  type: number;
  protocol: number;
  scope: number;
  tos: number;
  flags: number;
  dst?: string;
  dstLen: number;
  src?: string;
  srcLen: number;
  gateway?: string;
  oif?: number;
  iif?: number;
  prefsrc?: string;
  priority?: number;
  /** IPv6 router preference (0 medium, 1 high, 3 low). */
  pref?: number;
  metrics?: Record<number, number>;
  /** Bit per RTAX_* locked with `lock`. */
  metricLocks?: number;
  expires?: number;
  /** RTA_UID of an `ip route get` answer. */
  /** RTA_MARK of a route-get answer (the flow's firewall mark) */
  mark?: number;
  /** RTA_FLOW: the route's realms, FROM in the high 16 bits, TO in the low ones. */
  flow?: number;
  uid?: number;
  /** RTA_MULTIPATH: the next hops of a multipath route (gateway and oif are then absent). */
  multipath?: NexthopMsg[];
  /** RTA_NH_ID: the nexthop object the route goes by */
  nhid?: number;
}

/** One RTM_NEWNEIGH message. */
export interface NeighMsg {
  family: Family;
  ifindex: number;
  dst: string;
  lladdr?: string;
  state: number;
  flags: number;
  protocol?: number;
  /** Seconds since last use, confirmation and update (NDA_CACHEINFO). */
  used: number;
  confirmed: number;
  updated: number;
  refcnt: number;
  probes: number;
}

/** NLM_F_CREATE / EXCL / REPLACE / APPEND as ip sends them. */
export interface NlFlags {
  create?: boolean;
  excl?: boolean;
  replace?: boolean;
  append?: boolean;
}

export interface LinkChange {
  up?: boolean;
  /** Flags to set or clear: each key is an IFF_* name. */
  flags?: Partial<Record<'NOARP' | 'PROMISC' | 'ALLMULTI' | 'MULTICAST' | 'DYNAMIC' | 'NOTRAILERS', boolean>>;
  mtu?: number;
  txqlen?: number;
  name?: string;
  address?: number[];
  broadcast?: number[];
  alias?: string;
  group?: number;
  carrier?: boolean;
  /** IFLA_PROTO_DOWN (`protodown on|off`) */
  protoDown?: boolean;
  /** IFLA_VFINFO_LIST: settings of an SR-IOV virtual function (`vf NUM ...`): its number. */
  vf?: number;
  /** IFLA_GSO_MAX_SIZE, IFLA_GSO_MAX_SEGS, IFLA_GRO_MAX_SIZE. */
  gsoMaxSize?: number;
  gsoMaxSegs?: number;
  groMaxSize?: number;
  /** IFLA_LINKMODE: 0 default, 1 dormant. */
  linkmode?: number;
  /** ifi_index of a new device (`index N`): the index it is to have. */
  index?: number;
  /** IFLA_INET6_TOKEN: an IPv6 address whose low 64 bits become the interface identifier. */
  token?: string;
  addrGenMode?: number;
  /** IFLA_MASTER: the bridge to join, 0 to leave one. */
  master?: number;
  /** A bridge port's settings (`bridge link set`). */
  brport?: BridgePortChange;
  /** The other end of a new veth pair: its name ('' for the kernel's choice) and settings. */
  peer?: { name: string; change: LinkChange };
  /** IFLA_LINK: the device a new stacked device (a VLAN) sits on. */
  link?: number;
  /** IFLA_INFO_DATA of a bridge (`type bridge forward_delay 400 ...`), as ip read it. */
  bridgeOpts?: BridgeOpts;
  /** IFLA_INFO_DATA of a VLAN device (present, maybe empty, whenever `type vlan` was given). */
  vlan?: VlanChange;
  /** IFLA_INFO_DATA of a macvlan/macvtap device. */
  macvlan?: MacvlanChange;
  /** IFLA_INFO_DATA of a VXLAN device. */
  vxlan?: VxlanChange;
  /** A persistent tun/tap device (`ip tuntap add`). */
  tun?: TunData;
}

export interface AddrSpec {
  /** 0 when the request named no address (the kernel then has no family to handle it). */
  family: Family | 0;
  ifindex: number;
  local?: string;
  /** IFA_ADDRESS: the peer, or the local address again. */
  address?: string;
  prefixlen: number;
  broadcast?: string;
  anycast?: string;
  label?: string;
  scope?: number;
  flags?: number;
  metric?: number;
  /** Seconds; both absent means forever. */
  validLft?: number;
  preferredLft?: number;
}

export interface RouteSpec {
  family: Family;
  table: number;
  /** 0 (RTN_UNSPEC) in a delete request matches any type. */
  type: number;
  /** 0 in a delete request matches any protocol. */
  protocol: number;
  /** SCOPE.NOWHERE in a delete request matches any scope. */
  scope: number;
  tos: number;
  flags: number;
  dst?: string;
  dstLen: number;
  gateway?: string;
  oif?: number;
  prefsrc?: string;
  priority?: number;
  pref?: number;
  metrics?: Record<number, number>;
  metricLocks?: number;
  expires?: number;
  /** RTA_FLOW (`realms FROM/TO`); IPv4 only. */
  flow?: number;
  /** The next hops of a multipath route (`nexthop via A dev X weight N ...`). */
  multipath?: NexthopMsg[];
  /** RTA_NH_ID: the route goes by a nexthop object */
  nhid?: number;
}

/** A nexthop object (ip nexthop): one next hop, a blackhole, or a group of other objects. */
export interface NhMsg {
  id: number;
  /** 4 or 6; 0 for a group */
  family: Family | 0;
  protocol: number;
  scope: number;
  /** RTNH_F_ONLINK */
  flags: number;
  gateway?: string;
  oif?: number;
  blackhole?: boolean;
  fdb?: boolean;
  /** the members of a group and their weights (1-256) */
  group?: { id: number; weight: number }[];
  /** a resilient group's settings */
  resilient?: { buckets: number; idleTimer: number; unbalancedTimer: number };
}

/** RTM_NEWNEXTHOP: id 0 lets the kernel pick one; encap asks for a tunnel encapsulation. */
export type NhSpec = Omit<NhMsg, 'scope'> & { encap?: boolean };

/** A neighbour table's parameters (milliseconds, packets, probes). */
export interface NtableParms {
  baseReachable: number;
  retrans: number;
  gcStale: number;
  delayProbe: number;
  queue: number;
  appProbes: number;
  ucastProbes: number;
  mcastProbes: number;
  anycastDelay: number;
  proxyDelay: number;
  proxyQueue: number;
  locktime: number;
}

/** One entry of a neighbour table dump: the table's own (with thresholds) or a device's. */
export interface NtableMsg {
  family: Family;
  name: string;
  ifindex?: number;
  thresh?: number[];
  gcInt?: number;
  parms: NtableParms;
  /** the randomised reachable time now in use */
  reachable: number;
}

/** RTM_SETNEIGHTBL: a table by name, its thresholds, and the parameters of one device (or its defaults). */
export interface NtableSpec {
  family: Family | 0;
  name: string;
  ifindex?: number;
  thresh?: (number | undefined)[];
  gcInt?: number;
  parms?: Partial<NtableParms>;
}

export interface RouteGet {
  family: Family;
  dst: string;
  src?: string;
  iif?: number;
  oif?: number;
  mark?: number;
  uid?: number;
  /** RTM_F_FIB_MATCH: answer with the matching route rather than the resolved one. */
  fibMatch?: boolean;
}

export interface NeighSpec {
  family: Family;
  ifindex: number;
  dst: string;
  lladdr?: number[];
  state: number;
  flags: number;
  protocol?: number;
}

export type NetRequest =
  | { kind: 'getlinks' }
  | { kind: 'getaddrs'; family?: Family }
  | { kind: 'getroutes'; family?: Family; table?: number }
  | { kind: 'getneighs'; family?: Family }
  /** RTM_GETADDRLABEL dump, RTM_NEWADDRLABEL (create, exclusive), RTM_DELADDRLABEL. */
  | { kind: 'getaddrlabels' }
  | { kind: 'newaddrlabel' | 'deladdrlabel'; label: AddrLabel }
  | { kind: 'setlink'; ifindex: number; change: LinkChange }
  /** SIOCADDMULTI / SIOCDELMULTI: a link-layer multicast address joined or left by hand. */
  | { kind: 'linkmulti'; ifindex: number; op: 'add' | 'del'; addr: number[]; pos: number }
  /** RTM_NEWLINKPROP / RTM_DELLINKPROP: alternative names of a device, in order. */
  | { kind: 'linkprop'; ifindex: number; op: 'add' | 'del'; altnames: string[] }
  | { kind: 'newlink'; nlflags: NlFlags; name: string; type: string; change: LinkChange }
  /** ifindex 0 with a group: every device of the group (rtnl_group_dellink). */
  | { kind: 'dellink'; ifindex: number; group?: number }
  | { kind: 'newaddr'; nlflags: NlFlags; addr: AddrSpec }
  | { kind: 'deladdr'; addr: AddrSpec }
  | { kind: 'newroute'; nlflags: NlFlags; route: RouteSpec }
  | { kind: 'delroute'; route: RouteSpec }
  | { kind: 'getroute'; query: RouteGet }
  | { kind: 'newneigh'; nlflags: NlFlags; neigh: NeighSpec }
  | { kind: 'delneigh'; neigh: NeighSpec }
  | { kind: 'getneigh'; family: Family; ifindex: number; dst: string; proxy?: boolean }
  /** RTM_NEWNEXTHOP, RTM_DELNEXTHOP and a dump of the nexthop objects (by id). */
  | { kind: 'newnexthop'; nlflags: NlFlags; nh: NhSpec }
  | { kind: 'delnexthop'; id: number }
  | { kind: 'getnexthops' }
  /** RTM_GETNEIGHTBL dump and RTM_SETNEIGHTBL. */
  | { kind: 'getntables' }
  | { kind: 'setntable'; ntable: NtableSpec }
  /**
   * Waits until links, addresses, routes or neighbours change after change number `afterSeq`
   * (what a daemon hears on the rtnetlink multicast groups); answers at once with the current
   * number when it is already past. -1 asks for the current number.
   */
  | { kind: 'wait'; afterSeq: number };

export interface NetError {
  ok: false;
  errno: Errno;
  /** The extended-ack text ip prints as `Error: <msg>.` instead of strerror. */
  msg?: string;
}

export type NetReply =
  | { ok: true }
  | { ok: true; links: LinkMsg[] }
  | { ok: true; addrs: AddrMsg[] }
  | { ok: true; routes: RouteMsg[] }
  | { ok: true; neighs: NeighMsg[] }
  | { ok: true; nexthops: NhMsg[] }
  | { ok: true; ntables: NtableMsg[] }
  | { ok: true; route: RouteMsg }
  | { ok: true; neigh: NeighMsg }
  | { ok: true; seq: number }
  | { ok: true; labels: AddrLabel[] }
  | NetError;

/** An entry of the IPv6 address label table (RFC 6724 policy): prefix, device (0: any), label. */
export interface AddrLabel {
  prefix: string;
  prefixlen: number;
  ifindex: number;
  label: number;
}

/** A reply of a known shape, checked at the call site. */
export type NetOk<K extends string> = Extract<NetReply, { ok: true } & Record<K, unknown>>;

export function isNetError(r: unknown): r is NetError {
  return typeof r === 'object' && r !== null && (r as { ok?: unknown }).ok === false;
}
