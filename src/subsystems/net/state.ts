// The kernel's network RAM as plain data: links, addresses, routing tables and neighbours.
// Order matters and follows the kernel's lists: addresses per device in the order
// __inet_insert_ifa / ipv6_link_dev_addr keep them, routes in FIB dump order.
import type { BridgeOpts, Family, LinkStats, VxlanData } from '../../shared/services/net';

export interface Link {
  ifindex: number;
  name: string;
  linkType: 'loopback' | 'ether' | 'none';
  /** Virtual device kind (dummy, veth, bridge); undefined for the loopback and the VM's NIC. */
  /** A tun/tap device's settings. */
  tun?: import('../../shared/services/net').TunData;
  kind?: string;
  /** IFLA_LINK: the ifindex of the other end of a veth pair. */
  peer?: number;
  /** The other end is in another network namespace (`peer` is its index there). */
  peerElsewhere?: boolean;
  /**
   * That end, its state and the number this namespace gives the other (IFLA_LINK_NETNSID,
   * given when first needed); not enumerable, so no snapshot holds it.
   */
  remotePeer?: { link: Link; state: NetState; nsid(): number };
  /** The bridge this device is a port of (IFLA_MASTER). */
  master?: number;
  /** A bridge port's number, STP state and path cost. */
  port?: BridgePort;
  /** A bridge's own state. */
  bridge?: BridgeInfo;
  /** An 802.1Q/802.1ad VLAN device's state (its lower device, tag and flags). */
  vlan?: VlanInfo;
  /** A macvlan (or macvtap) device's state. */
  macvlan?: MacvlanInfo;
  /** A VXLAN device's settings. */
  vxlan?: VxlanData;
  /**
   * The operational state was never computed (no carrier event since the device was
   * registered): the kernel then reports UNKNOWN while the device is up.
   */
  operUnset?: boolean;
  /** addrconf has configured the device since it last came up (IF_READY). */
  v6Ready?: boolean;
  /** an IPv6 address was added while up but not ready: addrconf_add_dev added ff00::/8 then */
  mroute6?: boolean;
  /** Flags an administrator sets (IFF_UP, NOARP, PROMISC, ...); RUNNING and LOWER_UP are derived. */
  flags: number;
  carrier: boolean;
  mtu: number;
  minMtu: number;
  maxMtu: number;
  /** The root qdisc: `noop` until the device first comes up, then `qdiscOnUp`. */
  qdisc: string;
  qdiscOnUp: string;
  txqlen: number;
  group: number;
  mac: number[];
  brd: number[];
  permMac?: number[];
  alias?: string;
  /** GSO/GRO limits set by hand (absent: the defaults, 65536 bytes and 65535 segments). */
  gsoMaxSize?: number;
  gsoMaxSegs?: number;
  groMaxSize?: number;
  /** IF_LINK_MODE_DORMANT (1) when set so; absent is the default mode. */
  linkmode?: number;
  /** The IPv6 token (`ip token set`): the low 64 bits of an address, absent for ::. */
  token?: number[];
  /** Alternative names (`ip link property add altname`): found like the name itself. */
  altnames?: string[];
  /**
   * Link-layer multicast addresses joined by hand (`ip maddr add`), in the order joined, each
   * with how many of the groups the kernel joins itself the device had then (its place in the
   * device's list, which ip derives from the device state).
   */
  mcStatic?: { addr: number[]; pos: number }[];
  stats: LinkStats;
  carrierChanges: number;
  numTxQueues: number;
  numRxQueues: number;
  addrGenMode: number;
  parentBus?: string;
  parentDev?: string;
}

export interface BridgePort {
  no: number;
  state: 'disabled' | 'listening' | 'learning' | 'forwarding' | 'blocking';
  priority: number;
  cost: number;
  /** Switches set away from their defaults. */
  switches?: Record<string, boolean>;
  /** The designated bridge (and root) id the port last took from its bridge: its priority and
   *  address (a port from a snapshot without one shows its bridge's current id). */
  designated?: { prio: number; mac: number[] };
}

export interface VlanInfo {
  /** The real (lower) device's ifindex (IFLA_LINK). */
  real: number;
  protocol: number;
  id: number;
  /** VLAN_FLAG_* bits. */
  flags: number;
  /** ingress_priority_map: the skb priority for each of the 8 tag priorities (0: none). */
  ingress: number[];
  /** The egress mappings (skb priority -> tag priority) in the kernel's dump order. */
  egress: { from: number; to: number }[];
  /** The address is the real device's (NET_ADDR_STOLEN): it follows that device's changes. */
  stolen: boolean;
}

export interface MacvlanInfo {
  /** The lower device's ifindex (a macvlan made on a macvlan sits on that one's lower device). */
  lower: number;
  mode: number;
  flags: number;
  bcQueueLen: number;
  /** Source mode's remote addresses. */
  remotes: number[][];
}

export interface BridgeInfo {
  /** bridge_id's address: the lowest port MAC unless the administrator set one. */
  id: number[];
  /** addr_assign_type is NET_ADDR_SET: ports no longer change the address. */
  addrSet: boolean;
  /** The administrator set the MTU: ports no longer adjust it. */
  mtuSet: boolean;
  /** IFLA_BR_* settings changed from the defaults. */
  opts?: BridgeOpts;
}

export interface Addr {
  family: Family;
  ifindex: number;
  local: string;
  /** The peer, or `local` again. */
  address: string;
  prefixlen: number;
  broadcast?: string;
  anycast?: string;
  label?: string;
  scope: number;
  flags: number;
  metric?: number;
  /** Seconds from `tstamp`, FOREVER for none. */
  validLft: number;
  preferredLft: number;
  /** Virtual ms when the lifetimes were last set. */
  tstamp: number;
}

/** One next hop of a multipath route (struct rtnexthop). */
export interface Nexthop {
  gateway?: string;
  oif: number;
  /** 1-256 (rtnh_hops + 1). */
  weight: number;
  /** RTNH_F_ONLINK as requested; DEAD and LINKDOWN are derived. */
  flags: number;
  /** The gateway is one of this host's addresses (nh scope host). */
  local?: boolean;
}

export interface Route {
  family: Family;
  table: number;
  type: number;
  protocol: number;
  scope: number;
  tos: number;
  flags: number;
  /** Canonical network address; the zero address with dstLen 0 for a default route. */
  dst: string;
  dstLen: number;
  gateway?: string;
  oif?: number;
  prefsrc?: string;
  /** Metric; IPv4 routes without one have 0. */
  priority: number;
  pref?: number;
  metrics?: Record<number, number>;
  metricLocks?: number;
  /** The route's realms (RTA_FLOW), IPv4 only. */
  flow?: number;
  /** Virtual ms when an IPv6 route with `expires` goes away. */
  expiresAt?: number;
  /** An IPv6 next hop's weight (1-256) within its multipath group. */
  weight?: number;
  /** The gateway is one of this host's addresses (nh scope host): lookups do not go through it. */
  gatewayLocal?: boolean;
  /** The next hops of an IPv4 multipath route (gateway and oif are then unset). */
  nexthops?: Nexthop[];
  /** The nexthop object the route goes by (its next hops are copied into the route). */
  nhid?: number;
}

export interface Neigh {
  family: Family;
  ifindex: number;
  dst: string;
  lladdr?: number[];
  state: number;
  flags: number;
  protocol?: number;
  updated: number;
  confirmed: number;
  used: number;
  /** Virtual ms of the first probe of an entry in PROBE (it fails after the unicast probes). */
  probeStart?: number;
  /** Probes sent (shown by -s). */
  probes?: number;
}

export interface NetState {
  links: Link[];
  addrs: Addr[];
  routes: Route[];
  neighs: Neigh[];
  /** FIB tables that exist per family: local and main at boot, others once a route used them. */
  tables: { 4: number[]; 6: number[] };
  nextIfindex: number;
  /** net.ipv4.conf.all.promote_secondaries (the kernel default is off). */
  promoteSecondaries: boolean;
  /** The IPv6 address label table once changed (absent: the built-in defaults). */
  addrlabels?: import('../../shared/services/net').AddrLabel[];
  /** The nexthop objects, by id, and the last id the kernel picked for one. */
  nhs?: import('../../shared/services/net').NhMsg[];
  lastNhId?: number;
  /** The neighbour tables' settings, once read or changed (see ntables.ts). */
  ntables?: Partial<Record<4 | 6, { thresh: [number, number, number]; gcInt: number; parms: Map<number, import('../../shared/services/net').NtableParms> }>>;
}

export function emptyStats(): LinkStats {
  return {
    rxBytes: 0, rxPackets: 0, rxErrors: 0, rxDropped: 0, rxMissed: 0, multicast: 0,
    rxLengthErrors: 0, rxCrcErrors: 0, rxFrameErrors: 0, rxFifoErrors: 0, rxOverErrors: 0,
    txBytes: 0, txPackets: 0, txErrors: 0, txDropped: 0, txCarrierErrors: 0, collisions: 0,
    txAbortedErrors: 0, txFifoErrors: 0, txWindowErrors: 0, txHeartbeatErrors: 0,
  };
}

export function linkByIndex(s: NetState, ifindex: number): Link | undefined {
  return s.links.find((l) => l.ifindex === ifindex);
}

/** The other end of a veth pair and the state it is in (another namespace's, perhaps). */
export function vethPeer(s: NetState, l: Link): { link: Link; state: NetState } | undefined {
  if (l.remotePeer) return l.remotePeer;
  const link = l.peer !== undefined && !l.peerElsewhere ? linkByIndex(s, l.peer) : undefined;
  return link && { link, state: s };
}

/** __dev_get_by_name: a device's name or one of its alternative names. */
export function linkByName(s: NetState, name: string): Link | undefined {
  return s.links.find((l) => l.name === name || l.altnames?.includes(name));
}
