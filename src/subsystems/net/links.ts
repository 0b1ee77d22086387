// Network devices: the loopback, the VM's vmxnet3 NIC and virtual dummy devices, and what the
// kernel reports about them (dev_get_flags, operstate, RTM_NEWLINK contents).
import { IFF, type LinkMsg, type OperState } from '../../shared/services/net';
import { formatAddr, formatMac } from '../../shared/services/net-addr';
import { emptyStats, linkByIndex, type BridgeInfo, type Link, type NetState } from './state';
import { vlanData } from './vlan';

/** VMware's OUI for NICs whose address the hypervisor assigns (00:50:56:00:00:00-3f:ff:ff). */
export const VM_MAC = [0x00, 0x50, 0x56, 0x8a, 0x3c, 0x01];

export function loopbackLink(ifindex: number): Link {
  return {
    ifindex, name: 'lo', linkType: 'loopback', flags: IFF.LOOPBACK, carrier: true,
    mtu: 65536, minMtu: 0, maxMtu: 0, qdisc: 'noqueue', qdiscOnUp: 'noqueue', txqlen: 1000, group: 0,
    mac: [0, 0, 0, 0, 0, 0], brd: [0, 0, 0, 0, 0, 0], stats: emptyStats(), carrierChanges: 0,
    numTxQueues: 1, numRxQueues: 1, addrGenMode: 0,
  };
}

/**
 * A vmxnet3 NIC: multiqueue, so the root qdisc is `mq` once up; MTU 60-9000 as the driver
 * allows. No permanent address is reported, so `ip link` shows no `permaddr` after a MAC change
 * (the recorded virtual NICs show none either).
 */
export function vmxnet3Link(ifindex: number, name: string, mac: number[]): Link {
  return {
    ifindex, name, linkType: 'ether', flags: IFF.BROADCAST | IFF.MULTICAST, carrier: true,
    mtu: 1500, minMtu: 60, maxMtu: 9000, qdisc: 'noop', qdiscOnUp: 'mq', txqlen: 1000, group: 0,
    mac: [...mac], brd: [0xff, 0xff, 0xff, 0xff, 0xff, 0xff], stats: emptyStats(),
    carrierChanges: 0, numTxQueues: 2, numRxQueues: 2, addrGenMode: 0,
    parentBus: 'pci', parentDev: '0000:0b:00.0',
  };
}

/** `ip link add NAME type dummy`: no ARP, always carrier, a random locally administered MAC. */
export function dummyLink(ifindex: number, name: string, mac: number[]): Link {
  return {
    ifindex, name, linkType: 'ether', kind: 'dummy', flags: IFF.BROADCAST | IFF.NOARP, carrier: true,
    mtu: 1500, minMtu: 0, maxMtu: 0, qdisc: 'noop', qdiscOnUp: 'noqueue', txqlen: 1000, group: 0,
    mac, brd: [0xff, 0xff, 0xff, 0xff, 0xff, 0xff], stats: emptyStats(), carrierChanges: 0,
    numTxQueues: 1, numRxQueues: 1, addrGenMode: 0,
  };
}

/**
 * A persistent tun/tap device no program has opened: no carrier, a pfifo_fast queue once up.
 * A tun device carries bare IP packets (no link-layer address, point-to-point, no ARP).
 */
export function tunLink(ifindex: number, name: string, mac: number[], tun: NonNullable<Link['tun']>): Link {
  const tap = tun.type === 'tap';
  return {
    ifindex, name, linkType: tap ? 'ether' : 'none', kind: 'tun',
    flags: tap ? IFF.BROADCAST | IFF.MULTICAST : IFF.POINTOPOINT | IFF.MULTICAST | IFF.NOARP, carrier: false,
    mtu: 1500, minMtu: 68, maxMtu: tap ? 65521 : 65535, qdisc: 'noop', qdiscOnUp: 'pfifo_fast', txqlen: tap ? 1000 : 500, group: 0,
    mac: tap ? mac : [], brd: tap ? [0xff, 0xff, 0xff, 0xff, 0xff, 0xff] : [], stats: emptyStats(), carrierChanges: 0,
    numTxQueues: tun.multiQueue ? 256 : 1, numRxQueues: tun.multiQueue ? 256 : 1, addrGenMode: 0, tun: { ...tun },
  };
}

/** veth's queues: one per possible CPU of the simulated VM (two, as /proc/cpuinfo shows). */
const VETH_QUEUES = 2;

/** One end of a veth pair: no carrier until both ends are up, no queue, a 68-65535 MTU. */
export function vethLink(ifindex: number, name: string, mac: number[]): Link {
  return {
    ifindex, name, linkType: 'ether', kind: 'veth', flags: IFF.BROADCAST | IFF.MULTICAST, carrier: false,
    mtu: 1500, minMtu: 68, maxMtu: 65535, qdisc: 'noop', qdiscOnUp: 'noqueue', txqlen: 1000, group: 0,
    mac, brd: [0xff, 0xff, 0xff, 0xff, 0xff, 0xff], stats: emptyStats(), carrierChanges: 0,
    numTxQueues: VETH_QUEUES, numRxQueues: VETH_QUEUES, addrGenMode: 0,
  };
}

/**
 * A software bridge. Its carrier is only touched once the bridge id is computed (an address
 * given, a port joining or leaving): a bridge made without either reports carrier and an
 * operational state never computed (UNKNOWN) when brought up.
 */
export function bridgeLink(ifindex: number, name: string, mac: number[], addrSet: boolean): Link {
  return {
    ifindex, name, linkType: 'ether', kind: 'bridge', flags: IFF.BROADCAST | IFF.MULTICAST, carrier: true,
    mtu: 1500, minMtu: 68, maxMtu: 65535, qdisc: 'noop', qdiscOnUp: 'noqueue', txqlen: 1000, group: 0,
    mac, brd: [0xff, 0xff, 0xff, 0xff, 0xff, 0xff], stats: emptyStats(), carrierChanges: 0,
    numTxQueues: 1, numRxQueues: 1, addrGenMode: 0, operUnset: true,
    bridge: { id: [0, 0, 0, 0, 0, 0], addrSet, mtuSet: false },
  };
}

export function isUp(l: Link): boolean {
  return (l.flags & IFF.UP) !== 0;
}

/** RFC 2863 operational state as the kernel computes it for these drivers. */
export function operState(l: Link): OperState {
  if (!isUp(l)) return 'DOWN';
  // the loopback and dummy devices never report a state of their own
  if (l.linkType === 'loopback' || l.kind === 'dummy' || l.operUnset) return 'UNKNOWN';
  if (l.carrier) return 'UP';
  // a device stacked on another (a veth end) blames the layer below (iflink != ifindex), when
  // the index names a device of its own namespace (a peer in another one seldom does)
  return (l.peer !== undefined && !l.peerElsewhere) || l.vlan || l.macvlan ? 'LOWERLAYERDOWN' : 'DOWN';
}

/** netif_oper_up: up and operationally UP or UNKNOWN. */
export function operUp(l: Link): boolean {
  const st = operState(l);
  return st === 'UP' || st === 'UNKNOWN';
}

/** `8000.2:0:0:0:b:0`: a bridge id as iproute2 prints it (priority, then the MAC in bare hex). */
/** A bridge's priority (IFLA_BR_PRIORITY). */
export function bridgePriority(b: BridgeInfo): number {
  return Number(b.opts?.priority ?? 0x8000);
}

export function bridgeIdText(mac: readonly number[], priority = 0x8000): string {
  return `${priority.toString(16).padStart(4, '0')}.${mac.map((b) => b.toString(16)).join(':')}`;
}

/**
 * dev_get_flags: the admin flags plus LOWER_UP with carrier, and RUNNING while operational
 * (with carrier, or in a state never computed).
 */
export function reportedFlags(l: Link): number {
  let f = l.flags;
  if (isUp(l) && l.carrier) f |= IFF.RUNNING | IFF.LOWER_UP;
  if (isUp(l) && l.operUnset) f |= IFF.RUNNING;
  return f;
}

/** The RTM_NEWLINK message of a device; `master` is the bridge it is a port of. */
export function linkMsg(l: Link, inet6: boolean, master?: Link): LinkMsg {
  // a bridge port is put in promiscuous and all-multicast mode (the counts, not the flags)
  const port = l.port && master ? 1 : 0;
  const msg: LinkMsg = {
    ifindex: l.ifindex, name: l.name, linkType: l.linkType, flags: reportedFlags(l), mtu: l.mtu,
    minMtu: l.minMtu, maxMtu: l.maxMtu, qdisc: l.qdisc, operstate: operState(l), linkmode: l.linkmode ?? 0, group: l.group,
    txqlen: l.txqlen, address: formatMac(l.mac), broadcast: formatMac(l.brd), stats: { ...l.stats },
    carrierChanges: l.carrierChanges, promiscuity: (l.flags & IFF.PROMISC ? 1 : 0) + port, allmulti: (l.flags & IFF.ALLMULTI ? 1 : 0) + port,
    numTxQueues: l.numTxQueues, numRxQueues: l.numRxQueues, gsoMaxSize: l.gsoMaxSize ?? 65536, gsoMaxSegs: l.gsoMaxSegs ?? 65535,
    addrGenMode: l.addrGenMode, inet6,
  };
  if (l.kind) msg.kind = l.kind;
  if (l.permMac) msg.permAddress = formatMac(l.permMac);
  if (l.alias !== undefined) msg.alias = l.alias;
  if (l.altnames?.length) msg.altnames = [...l.altnames];
  if (l.groMaxSize !== undefined) msg.groMaxSize = l.groMaxSize;
  if (l.token) msg.token = formatAddr({ family: 6, bytes: [0, 0, 0, 0, 0, 0, 0, 0, ...l.token] });
  if (l.mcStatic?.length) msg.mcStatic = l.mcStatic.map((m) => ({ addr: formatMac(m.addr), pos: m.pos }));
  if (l.parentBus) msg.parentBus = l.parentBus;
  if (l.parentDev) msg.parentDev = l.parentDev;
  if (l.peer !== undefined) msg.link = l.peer;
  if (l.remotePeer) msg.linkNetnsid = l.remotePeer.nsid();
  if (l.macvlan) msg.link = l.macvlan.lower;
  if (l.vxlan) msg.vxlan = { ...l.vxlan };
  if (l.tun) msg.tun = { ...l.tun };
  if (l.vlan) {
    msg.link = l.vlan.real;
    msg.vlan = vlanData(l.vlan);
  }
  if (l.bridge) {
    const prio = bridgePriority(l.bridge);
    msg.bridge = l.bridge.addrSet ? { bridgeId: bridgeIdText(l.bridge.id, prio), addrSet: true } : { bridgeId: bridgeIdText(l.bridge.id, prio) };
    if (l.bridge.opts) msg.bridge.opts = { ...l.bridge.opts };
  }
  if (l.port && master?.bridge) {
    const d = l.port.designated ?? { prio: bridgePriority(master.bridge), mac: master.bridge.id };
    msg.master = master.ifindex;
    msg.slaveKind = 'bridge';
    msg.port = { state: l.port.state, priority: l.port.priority, cost: l.port.cost, no: l.port.no, bridgeId: bridgeIdText(d.mac, d.prio) };
    if (l.port.switches) msg.port.switches = { ...l.port.switches };
  }
  return msg;
}

/** The EUI-64 link-local address (RFC 4291 appendix A) the kernel derives from a MAC. */
export function linkLocalFromMac(mac: readonly number[]): string {
  const b = [mac[0]! ^ 0x02, mac[1]!, mac[2]!, 0xff, 0xfe, mac[3]!, mac[4]!, mac[5]!];
  return formatAddr({ family: 6, bytes: [0xfe, 0x80, 0, 0, 0, 0, 0, 0, ...b] });
}

/** is_valid_ether_addr: neither multicast nor all zeros. */
export function validEtherAddr(mac: readonly number[]): boolean {
  return mac.length === 6 && (mac[0]! & 1) === 0 && mac.some((b) => b !== 0);
}

/** dev_valid_name: 1-15 bytes, no slash, colon or white space, not `.` or `..`. */
export function validIfName(name: string): boolean {
  if (name.length === 0 || name.length >= 16 || name === '.' || name === '..') return false;
  return !/[/:\s]/.test(name);
}

/**
 * tso_max_size: what the driver can segment. The loopback, veth and ifb take the largest
 * (GSO_MAX_SIZE), a VLAN or macvlan its lower device's, a bridge its smallest port's (65536
 * without ports); other devices the legacy 65536.
 */
export function tsoMaxSize(s: NetState, l: Link): number {
  if (l.linkType === 'loopback' || l.kind === 'veth' || l.kind === 'ifb') return 524280;
  const lower = l.vlan ? linkByIndex(s, l.vlan.real) : l.macvlan ? linkByIndex(s, l.macvlan.lower) : undefined;
  if (lower) return tsoMaxSize(s, lower);
  if (!l.bridge) return 65536;
  const ports = s.links.filter((x) => x.master === l.ifindex);
  return ports.length ? Math.min(...ports.map((x) => tsoMaxSize(s, x))) : 65536;
}
