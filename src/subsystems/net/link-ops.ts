// Changing devices (do_setlink in its order: address, MTU, group, name, alias, broadcast,
// flags, carrier, queue length), bringing them up and down with what addrconf and the FIB do
// then, and creating or deleting virtual devices.
import { FOREVER, IFF, NUD, SCOPE, type LinkChange, type NetError } from '../../shared/services/net';
import { parseAddr } from '../../shared/services/net-addr';
import { addAddress, removeAddress } from './addresses';
import { lateOps } from './late';
import { addPort, bridgePriorityChanged, changeBridgeId, portChanged, refreshBridge, refreshPort, removePort, setPortOptions, type SetCarrier } from './bridge';
import { err } from './fib';
import { flushDeviceRoutes, ipv6Enabled, withKernelRoutes } from './kernel-routes';
import { flushDeviceNexthops } from './nexthops';
import { isUp, linkLocalFromMac, operUp, tsoMaxSize, validEtherAddr, validIfName } from './links';
import { flushDeviceNeighbours } from './neighbours';
import { linkByIndex, linkByName, vethPeer, type Link, type NetState } from './state';
import { changeVxlan, validateVxlan, vxlanMtuError } from './vxlan';
import { changeMacvlan, macvlansOf, validateMacvlan } from './macvlan';
import { applyVlanChange, lowerCarrier, validateVlan, VLAN_FLAG, vlanOpenError, vlansOf } from './vlan';

const IPV6_MIN_MTU = 1280;
const IPV4_MIN_MTU = 68;

function hasAddr(s: NetState, l: Link, family: 4 | 6, local?: string): boolean {
  return s.addrs.some((a) => a.ifindex === l.ifindex && a.family === family && (local === undefined || a.local === local));
}

/**
 * What addrconf does when a device is up with a working link (NETDEV_UP, or NETDEV_CHANGE
 * once the carrier comes): ::1 on the loopback, an EUI-64 link-local elsewhere.
 */
function addrconfUp(s: NetState, l: Link, now: number): void {
  if (!ipv6Enabled(l)) return;
  // (the ff00::/8 multicast route arrives with it)
  withKernelRoutes(s, l.ifindex, () => {
    l.v6Ready = true;
  });
  const add = (local: string, prefixlen: number): void => {
    if (!hasAddr(s, l, 6, local)) addAddress(s, { family: 6, ifindex: l.ifindex, local, address: local, prefixlen }, l.name, { create: true, excl: true }, now);
  };
  if (l.linkType === 'loopback') add('::1', 128);
  else if (l.addrGenMode === 0) add(linkLocalFromMac(l.mac), 64);
  if (l.linkType === 'loopback') return;
  // the router solicitation and MLD reports sent on coming up leave multicast entries behind
  for (const [dst, last] of [['ff02::2', 0x02], ['ff02::16', 0x16]] as const) {
    if (!s.neighs.some((n) => n.ifindex === l.ifindex && n.dst === dst)) {
      s.neighs.push({ family: 6, ifindex: l.ifindex, dst, lladdr: [0x33, 0x33, 0, 0, 0, last], state: NUD.NOARP, flags: 0, updated: now, confirmed: now, used: now });
    }
  }
}

function removeFamily(s: NetState, l: Link, family: 4 | 6): void {
  for (const a of s.addrs.filter((x) => x.ifindex === l.ifindex && x.family === family)) {
    if (s.addrs.includes(a)) removeAddress(s, a);
  }
}

export function linkUp(s: NetState, l: Link, now: number): void {
  if (isUp(l)) return;
  const real = l.vlan ? linkByIndex(s, l.vlan.real) : undefined;
  // vlan_dev_open: a VLAN still using the lower device's address takes its current one
  if (real && l.vlan!.stolen && l.mac.some((b, i) => b !== real.mac[i])) l.mac = [...real.mac];
  withKernelRoutes(s, l.ifindex, () => {
    l.flags |= IFF.UP;
    if (l.qdisc === 'noop') l.qdisc = l.qdiscOnUp;
    // the loopback has no carrier to lose: its count stays at 0
    if (l.carrier && l.linkType !== 'loopback' && !isVirtualLink(l)) l.carrierChanges++;
  });
  // inetdev_event(NETDEV_UP) gives the loopback 127.0.0.1/8 when it has no IPv4 address
  if (l.linkType === 'loopback' && !hasAddr(s, l, 4)) {
    addAddress(s, { family: 4, ifindex: l.ifindex, local: '127.0.0.1', address: '127.0.0.1', prefixlen: 8, scope: SCOPE.HOST, validLft: FOREVER, preferredLft: FOREVER }, l.name, { create: true, excl: true }, now);
  }
  const carrier = carrierSetter(s, now);
  // veth_open: both ends get carrier once both are up
  const peer = vethPeer(s, l);
  if (peer && isUp(peer.link)) {
    carrier(l, true);
    changeCarrier(peer.state, peer.link, true, now);
  }
  if (real && lowerCarrier(real) && !(l.vlan!.flags & VLAN_FLAG.BRIDGE_BINDING)) carrier(l, true);
  if (l.bridge) refreshBridge(s, l, carrier);
  if (l.port) refreshPort(s, l, carrier);
  // addrconf waits for a link that is operational (addrconf_link_ready)
  if (!l.v6Ready && operUp(l)) addrconfUp(s, l, now);
  // the 8021q driver brings the device's VLANs up with it, then passes its carrier on
  for (const v of vlansOf(s, l)) {
    if (!isUp(v) && !(v.vlan!.flags & VLAN_FLAG.LOOSE_BINDING)) linkUp(s, v, now);
    carrier(v, lowerCarrier(l));
  }
}

/** netif_carrier_on/off on a virtual device: counted, and what follows from it. */
function changeCarrier(s: NetState, l: Link, on: boolean, now: number): void {
  if (l.carrier === on) return;
  l.carrier = on;
  l.carrierChanges++;
  delete l.operUnset;
  const carrier = carrierSetter(s, now);
  if (!on) s.neighs = s.neighs.filter((n) => n.ifindex !== l.ifindex || (n.state & 0x80) !== 0);
  else if (isUp(l) && !l.v6Ready) addrconfUp(s, l, now);
  if (l.port) refreshPort(s, l, carrier);
  transferCarrier(s, l, now);
}

function carrierSetter(s: NetState, now: number): SetCarrier {
  return (l, on) => changeCarrier(s, l, on, now);
}

export function linkDown(s: NetState, l: Link, now = 0): void {
  if (!isUp(l)) return;
  withKernelRoutes(s, l.ifindex, () => {
    l.flags &= ~IFF.UP;
    if (l.carrier && l.linkType !== 'loopback' && !isVirtualLink(l)) l.carrierChanges++;
    // addrconf_ifdown: without keep_addr_on_down every IPv6 address goes
    s.addrs = s.addrs.filter((a) => !(a.ifindex === l.ifindex && a.family === 6));
  });
  delete l.v6Ready;
  delete l.mroute6;
  flushDeviceRoutes(s, l.ifindex, 4, true);
  flushDeviceRoutes(s, l.ifindex, 6, false);
  flushDeviceNexthops(s, l.ifindex);
  flushDeviceNeighbours(s, l.ifindex);
  const carrier = carrierSetter(s, now);
  // veth_close: both ends lose carrier
  const peer = vethPeer(s, l);
  if (peer) {
    carrier(l, false);
    changeCarrier(peer.state, peer.link, false, now);
  }
  // vlan_dev_stop
  if (l.vlan && !(l.vlan.flags & VLAN_FLAG.BRIDGE_BINDING)) carrier(l, false);
  if (l.bridge) refreshBridge(s, l, carrier);
  if (l.port) refreshPort(s, l, carrier);
  // the 8021q driver closes the device's VLANs (loose ones stay up) and passes its carrier on
  for (const v of vlansOf(s, l)) {
    if (!isUp(v)) continue;
    if (!(v.vlan!.flags & VLAN_FLAG.LOOSE_BINDING)) linkDown(s, v, now);
    carrier(v, lowerCarrier(l));
  }
}

/** VLANs follow a change of their lower device's carrier (netif_stacked_transfer_operstate). */
function transferCarrier(s: NetState, l: Link, now: number): void {
  for (const v of vlansOf(s, l)) changeCarrier(s, v, lowerCarrier(l), now);
  for (const v of macvlansOf(s, l)) changeCarrier(s, v, l.carrier, now);
}

/** veth ends and bridges count carrier changes as they happen, not on up and down. */
function isVirtualLink(l: Link): boolean {
  return l.kind === 'veth' || l.kind === 'bridge' || l.kind === 'vlan' || l.kind === 'macvlan' || l.kind === 'macvtap';
}

/** do_set_master: leave the current bridge, join the new one (0: none). */
function setMaster(s: NetState, l: Link, ifindex: number, now: number): NetError | null {
  const carrier = carrierSetter(s, now);
  if (l.master !== undefined) {
    if (l.master === ifindex) return null;
    removePort(s, l, carrier);
  }
  if (ifindex === 0) return null;
  const br = linkByIndex(s, ifindex);
  if (!br) return err('EINVAL');
  if (!br.bridge) return err('EOPNOTSUPP');
  // macvlans on the device already take its frames (netdev_rx_handler_register)
  if (macvlansOf(s, l).length) return err('EBUSY');
  return addPort(s, br, l, carrier);
}

/** What a port's bridge recomputes when the port's address or MTU changed. */
function afterPortChange(s: NetState, l: Link, now: number): void {
  if (l.port) portChanged(s, l, carrierSetter(s, now));
}

function setMtu(s: NetState, l: Link, mtu: number, now: number): NetError | null {
  if (mtu < 0 || mtu < l.minMtu) return err('EINVAL', 'mtu less than device minimum');
  if (l.maxMtu > 0 && mtu > l.maxMtu) return err('EINVAL', 'mtu greater than device maximum');
  // a VLAN or macvlan cannot be larger than its lower device (their ndo_change_mtu)
  const lower = l.vlan ? linkByIndex(s, l.vlan.real) : l.macvlan ? linkByIndex(s, l.macvlan.lower) : undefined;
  if (lower && mtu > lower.mtu) return err(l.vlan ? 'ERANGE' : 'EINVAL');
  const vx = vxlanMtuError(s, l, mtu);
  if (vx) return vx;
  const old = l.mtu;
  l.mtu = mtu;
  if (l.linkType === 'loopback') return null;
  // NETDEV_CHANGEMTU: a VLAN larger than its lower device shrinks to it
  for (const v of [...vlansOf(s, l), ...macvlansOf(s, l)]) if (v.mtu > mtu) setMtu(s, v, mtu, now);
  if (mtu < IPV4_MIN_MTU) removeFamily(s, l, 4);
  if (mtu < IPV6_MIN_MTU) {
    removeFamily(s, l, 6);
    withKernelRoutes(s, l.ifindex, () => undefined);
    flushDeviceRoutes(s, l.ifindex, 6, false);
    // the inet6 state is gone: a later MTU that allows IPv6 configures it afresh
    delete l.v6Ready;
    delete l.mroute6;
  } else if (old < IPV6_MIN_MTU && isUp(l) && operUp(l)) {
    withKernelRoutes(s, l.ifindex, () => addrconfUp(s, l, now));
  }
  return null;
}

function rename(s: NetState, l: Link, name: string): NetError | null {
  if (name === l.name) return null;
  if (!validIfName(name)) return err('EINVAL');
  if (linkByName(s, name)) return err('EEXIST');
  // inetdev_changename: labels that carried the old name follow it (eth0:1 -> wan0:1)
  for (const a of s.addrs) {
    if (a.ifindex !== l.ifindex || a.label === undefined) continue;
    if (a.label === l.name) a.label = name;
    else if (a.label.startsWith(`${l.name}:`)) a.label = name + a.label.slice(l.name.length);
  }
  l.name = name;
  return null;
}

const FLAG_BITS = { NOARP: IFF.NOARP, PROMISC: IFF.PROMISC, ALLMULTI: IFF.ALLMULTI, MULTICAST: IFF.MULTICAST, DYNAMIC: IFF.DYNAMIC, NOTRAILERS: IFF.NOTRAILERS } as const;

/** MAX_TCP_HEADER: the smallest GSO size is one byte more (the attribute's policy). */
const MAX_TCP_HEADER = 192;
/** GRO_MAX_SIZE and GSO_MAX_SEGS. */
const GRO_MAX_SIZE = 524280;
const GSO_MAX_SEGS = 65535;

/**
 * The checks a request passes before anything changes: the attribute policy, validate_linkmsg
 * (limits that depend on the device only when there is one), inet6_validate_link_af (no
 * address generation mode for a device without IPv6).
 */
export function linkmsgError(s: NetState, l: Link | undefined, c: LinkChange): NetError | null {
  if (c.gsoMaxSize !== undefined && c.gsoMaxSize <= MAX_TCP_HEADER) return err('ERANGE', 'integer out of range');
  if (l && c.gsoMaxSize !== undefined && c.gsoMaxSize > tsoMaxSize(s, l)) return err('EINVAL', 'too big gso_max_size');
  if (l && c.gsoMaxSegs !== undefined && c.gsoMaxSegs > GSO_MAX_SEGS) return err('EINVAL', 'too big gso_max_segs');
  if (c.groMaxSize !== undefined && c.groMaxSize > GRO_MAX_SIZE) return err('EINVAL', 'too big gro_max_size');
  if (l && (c.addrGenMode !== undefined || c.token !== undefined) && !ipv6Enabled(l)) return err('EAFNOSUPPORT');
  return null;
}

/** inet6_set_iftoken: a device that does neighbour discovery keeps the token's low 64 bits. */
function setToken(l: Link, token: string): NetError | null {
  if (l.linkType === 'loopback') return err('EINVAL', 'ipv6: Device is loopback');
  if (l.flags & IFF.NOARP) return err('EINVAL', 'ipv6: Device does not do neighbour discovery');
  const low = parseAddr(token)?.bytes.slice(8) ?? [];
  if (low.every((b) => b === 0)) delete l.token;
  else l.token = low;
  return null;
}

/** RTM_NEWLINK on an existing device. */
export function changeLink(s: NetState, l: Link, c: LinkChange, now: number): NetError | null {
  const bad = linkmsgError(s, l, c);
  if (bad) return bad;
  // a veth's settings (its peer) cannot be changed: the driver has no changelink
  if (c.peer) return err('EOPNOTSUPP');
  if (c.vlan) {
    // the driver's validate, then its changelink (only a VLAN device has one)
    const e = validateVlan(c);
    if (e) return e;
    if (!l.vlan) return err('EOPNOTSUPP');
    applyVlanChange(l.vlan, c.vlan);
  }
  if (c.bridgeOpts) {
    const e = (lateOps()?.applyBridgeOpts ?? (() => err('EOPNOTSUPP')))(l, c.bridgeOpts);
    if (e) return e;
    if (c.bridgeOpts.priority !== undefined) bridgePriorityChanged(s, l);
  }
  if (c.macvlan) {
    const e = validateMacvlan(c) ?? changeMacvlan(l, c.macvlan);
    if (e) return e;
  }
  if (c.vxlan) {
    const e = validateVxlan(c) ?? changeVxlan(l, c.vxlan);
    if (e) return e;
  }
  // the master's slave_changelink (or `bridge link set`'s port settings), ahead of do_setlink
  if (c.brport) {
    const e = setPortOptions(s, l, c.brport, carrierSetter(s, now));
    if (e) return e;
  }
  if (c.address) {
    // dev_set_mac_address: ifb has no ndo_set_mac_address; the others (the loopback's
    // eth_mac_addr too, even while up) are only called, and so only check the address, when it
    // differs from the current one
    if (l.kind === 'ifb') return err('EOPNOTSUPP');
    const same = l.mac.length === c.address.length && l.mac.every((b, i) => b === c.address![i]);
    if (!same && !validEtherAddr(c.address)) return err('EADDRNOTAVAIL');
    if (l.bridge) {
      // br_set_mac_address: the chosen address is the bridge id from now on
      l.bridge.addrSet = true;
      if (l.mac.some((b, i) => b !== c.address![i])) changeBridgeId(s, l, c.address, carrierSetter(s, now));
    } else {
      l.mac = [...c.address];
      if (l.vlan) l.vlan.stolen = false;
      afterPortChange(s, l, now);
      // NETDEV_CHANGEADDR: VLANs that are up and still use this device's address follow it
      for (const v of vlansOf(s, l)) if (isUp(v) && v.vlan!.stolen) v.mac = [...l.mac];
    }
  }
  if (c.mtu !== undefined) {
    const e = setMtu(s, l, c.mtu, now);
    if (e) return e;
    if (l.bridge) l.bridge.mtuSet = true;
    afterPortChange(s, l, now);
  }
  if (c.group !== undefined) l.group = c.group;
  if (c.name !== undefined) {
    const e = rename(s, l, c.name);
    if (e) return e;
  }
  if (c.alias !== undefined) {
    if (c.alias === '') delete l.alias;
    else l.alias = c.alias;
  }
  if (c.broadcast) l.brd = [...c.broadcast];
  for (const [name, on] of Object.entries(c.flags ?? {})) {
    const bit = FLAG_BITS[name as keyof typeof FLAG_BITS];
    l.flags = on ? l.flags | bit : l.flags & ~bit;
  }
  if (c.up === true && !isUp(l)) {
    const e = vlanOpenError(s, l);
    if (e) return e;
    linkUp(s, l, now);
  }
  if (c.up === false) linkDown(s, l, now);
  if (c.master !== undefined) {
    const e = setMaster(s, l, c.master, now);
    if (e) return e;
  }
  if (c.carrier !== undefined) {
    if (l.kind !== 'dummy') return err('EOPNOTSUPP');
    setCarrier(s, l, c.carrier, now);
  }
  // do_set_proto_down: only drivers that can be held down for a control plane (vxlan, macvlan)
  if (c.protoDown !== undefined && !l.vxlan && !l.macvlan) return err('EOPNOTSUPP', 'Protodown not supported by device');
  if (c.txqlen !== undefined) {
    // IFLA_TXQLEN is a u32 and any value is taken; ip prints it back as a signed int
    l.txqlen = c.txqlen | 0;
  }
  if (c.gsoMaxSize !== undefined) l.gsoMaxSize = c.gsoMaxSize;
  if (c.gsoMaxSegs !== undefined) l.gsoMaxSegs = c.gsoMaxSegs;
  if (c.groMaxSize !== undefined) l.groMaxSize = c.groMaxSize;
  if (c.linkmode !== undefined) l.linkmode = c.linkmode;
  // do_setvfinfo: a VF number from INT_MAX up (a negative one as sent) is refused; no
  // simulated driver has virtual functions to configure
  if (c.vf !== undefined) return err(c.vf < 0 ? 'EINVAL' : 'EOPNOTSUPP');
  if (c.addrGenMode !== undefined) l.addrGenMode = c.addrGenMode;
  if (c.token !== undefined) {
    const e = setToken(l, c.token);
    if (e) return e;
  }
  return null;
}

/** Cable plugged or pulled: operstate follows; routes through the device are kept. */
export function setCarrier(s: NetState, l: Link, on: boolean, now = 0): void {
  if (l.carrier === on) return;
  l.carrier = on;
  if (isUp(l)) l.carrierChanges++;
  if (!on) s.neighs = s.neighs.filter((n) => n.ifindex !== l.ifindex || (n.state & 0x80) !== 0);
  transferCarrier(s, l, now);
}

/** Leaves the device's bridge, or frees a bridge's ports (br_del_if, br_dev_delete). */
export function detachLink(s: NetState, l: Link, now: number): void {
  const carrier = carrierSetter(s, now);
  if (l.port) removePort(s, l, carrier);
  if (l.bridge) for (const p of s.links.filter((x) => x.master === l.ifindex)) removePort(s, p, carrier);
}
