// Creating and deleting virtual devices (rtnl_newlink with NLM_F_CREATE, rtnl_dellink):
// dummy and ifb devices, bridges (docker0 among them), veth pairs (the peer is registered first),
// and devices stacked on another: VLANs, macvlans/macvtaps and VXLANs.
import type { LinkChange, NetError } from '../../shared/services/net';
import { removeAddress } from './addresses';
import { err } from './fib';
import { flushDeviceRoutes } from './kernel-routes';
import { changeLink, detachLink, linkDown, linkmsgError } from './link-ops';
import { lateOps } from './late';
import { bridgeLink, dummyLink, tunLink, validEtherAddr, validIfName, vethLink } from './links';
import { flushDeviceNeighbours } from './neighbours';
import { linkByIndex, linkByName, vethPeer, type Link, type NetState } from './state';
import { newVlanLink, validateVlan, vlansOf } from './vlan';
import { macvlansOf, newMacvlanLink, validateMacvlan } from './macvlan';

import { newVxlanLink, validateVxlan, vxlansOn } from './vxlan';

const KINDS = new Set(['dummy', 'ifb', 'bridge', 'veth', 'vlan', 'macvlan', 'macvtap', 'vxlan', 'tun']);

/** A locally administered unicast MAC for a new virtual device, reproducible per machine. */
export function randomMac(seed: number): number[] {
  let x = (seed * 2654435761) >>> 0;
  const next = (): number => {
    x = (x * 1103515245 + 12345) >>> 0;
    return (x >>> 16) & 0xff;
  };
  return [(next() & 0xfe) | 0x02, next(), next(), next(), next(), next()];
}

/** The driver's validate hook: a given address must be a valid unicast Ethernet one. */
export function validateNewLink(type: string, c: LinkChange, s?: NetState): NetError | null {
  // (the limits that need a device wait for configure)
  const bad = s ? linkmsgError(s, undefined, c) : null;
  if (bad) return bad;
  if (type === 'vlan') return validateVlan(c);
  if (type === 'macvlan' || type === 'macvtap') return validateMacvlan(c);
  if (type === 'vxlan') return validateVxlan(c);
  if (!KINDS.has(type) || !c.address) return null;
  if (c.address.length !== 6) return err('EINVAL');
  return validEtherAddr(c.address) ? null : err('EADDRNOTAVAIL');
}

/** The name the kernel picks for `KIND%d`: the lowest free number. */
function autoName(s: NetState, kind: string): string {
  let i = 0;
  while (linkByName(s, `${kind}${i}`)) i++;
  return `${kind}${i}`;
}

/** dev_valid_name, and the netlink policy's 16-byte limit with its own message. */
function checkName(s: NetState, name: string): NetError | null {
  if (name.length >= 16) return err('EINVAL', 'Attribute failed policy validation');
  if (!validIfName(name)) return err('EINVAL');
  return linkByName(s, name) ? err('EEXIST') : null;
}

/** rtnl_create_link's checks and settings: the MTU within the driver's range, the queue length, the group, the GSO/GRO limits. */
function createSettings(l: Link, c: LinkChange): NetError | null {
  if (c.mtu !== undefined) {
    if (c.mtu < l.minMtu) return err('EINVAL', 'mtu less than device minimum');
    if (l.maxMtu > 0 && c.mtu > l.maxMtu) return err('EINVAL', 'mtu greater than device maximum');
    l.mtu = c.mtu;
  }
  if (c.txqlen !== undefined) l.txqlen = c.txqlen | 0;
  if (c.group !== undefined) l.group = c.group;
  if (c.gsoMaxSize !== undefined) l.gsoMaxSize = c.gsoMaxSize;
  if (c.gsoMaxSegs !== undefined) l.gsoMaxSegs = c.gsoMaxSegs;
  if (c.groMaxSize !== undefined) l.groMaxSize = c.groMaxSize;
  return null;
}

/** What rtnl_configure_link and the rest of do_setlink apply once the device is registered. */
function configure(s: NetState, l: Link, c: LinkChange, now: number): NetError | null {
  const { name: _n, address: _a, mtu: _m, txqlen: _q, group: _g, peer: _p, link: _l, vlan: _v, macvlan: _mv, vxlan: _vx, bridgeOpts: _b, ...rest } = c;
  return changeLink(s, l, rest, now);
}

function register(s: NetState, l: Link, c: LinkChange): NetError | null {
  // the VXLAN driver has already settled the MTU
  const e = createSettings(l, l.vxlan ? { ...c, mtu: undefined } : c);
  if (e) return e;
  if (c.index) return registerAt(s, l, c.index);
  s.nextIfindex++;
  insertSorted(s, l);
  return null;
}

/** The device list is kept in index order, as the kernel dumps it. */
export function insertSorted(s: NetState, l: Link): void {
  const after = s.links.findIndex((x) => x.ifindex > l.ifindex);
  if (after < 0) s.links.push(l);
  else s.links.splice(after, 0, l);
}

/** dev_new_index: the counter passes over indexes devices were given by hand. */
function skipUsed(s: NetState): void {
  while (linkByIndex(s, s.nextIfindex)) s.nextIfindex++;
}

/**
 * A device asked for with an index of its own (`ip link add ... index N`): refused when the
 * index is taken; the kernel's counter for the next index stays where it was.
 */
function registerAt(s: NetState, l: Link, index: number): NetError | null {
  if (linkByIndex(s, index)) return err('EEXIST');
  l.ifindex = index;
  insertSorted(s, l);
  return null;
}

/** veth_newlink: the peer first (its own settings, or the device's when none were given). */
function createVeth(s: NetState, name: string, c: LinkChange, now: number): NetError | null {
  const peerSpec = c.peer ?? { name: '', change: { ...c, name: undefined, address: undefined, up: undefined, master: undefined } };
  // (the peer's own index counts only when the device was given one too: veth_newlink)
  const pc = c.index ? peerSpec.change : { ...peerSpec.change, index: undefined };
  const e0 = validateNewLink('veth', pc, s);
  if (e0) return e0;
  const peerName = peerSpec.name || autoName(s, 'veth');
  const e1 = checkName(s, peerName);
  if (e1) return e1;
  skipUsed(s);
  const peer = vethLink(s.nextIfindex, peerName, pc.address ? [...pc.address] : randomMac(s.nextIfindex + 1));
  const e2 = register(s, peer, pc);
  if (e2) return e2;
  // netif_carrier_off once registered: counted, and the state is computed (LOWERLAYERDOWN)
  peer.carrierChanges = 1;
  const devName = name || autoName(s, 'veth');
  const undo = (e: NetError): NetError => {
    s.links.splice(s.links.indexOf(peer), 1);
    return e;
  };
  const e3 = checkName(s, devName);
  if (e3) return undo(e3);
  skipUsed(s);
  const dev = vethLink(s.nextIfindex, devName, c.address ? [...c.address] : randomMac(s.nextIfindex + 1));
  const e4 = createSettings(dev, c);
  if (e4) return undo(e4);
  if (c.index) {
    const e5 = registerAt(s, dev, c.index);
    if (e5) return undo(e5);
  }
  peer.peer = dev.ifindex;
  dev.peer = peer.ifindex;
  // the peer is configured before the pair is joined: opening it then fails (veth_open)
  if (pc.up) {
    if (c.index) s.links.splice(s.links.indexOf(dev), 1);
    return undo(err('ENOTCONN'));
  }
  if (!c.index) {
    s.nextIfindex++;
    insertSorted(s, dev);
  }
  dev.carrierChanges = 1;
  // brought up in the same request, the end reports a state never computed (UNKNOWN)
  if (c.up) dev.operUnset = true;
  return configureOrUndo(s, dev, c, now);
}

/** rtnl_newlink_create: a device whose settings fail is unregistered again. */
function configureOrUndo(s: NetState, l: Link, c: LinkChange, now: number): NetError | null {
  const e = configure(s, l, c, now);
  if (e) deleteLink(s, l, now);
  return e;
}

/** RTM_NEWLINK with NLM_F_CREATE for a name that does not exist yet. */
export function createLink(s: NetState, name: string, type: string, c: LinkChange, now: number): NetError | null {
  if (!KINDS.has(type)) return err('EOPNOTSUPP', 'Unknown device type');
  const v = validateNewLink(type, c, s);
  if (v) return v;
  if (type === 'veth') return createVeth(s, name, c, now);
  const devName = name || autoName(s, type);
  const e = checkName(s, devName);
  if (e) return e;
  skipUsed(s);
  const mac = c.address ? [...c.address] : randomMac(s.nextIfindex + 1);
  let l: Link;
  if (type === 'vlan' || type === 'macvlan' || type === 'macvtap' || type === 'vxlan') {
    const v = type === 'vlan' ? newVlanLink(s, s.nextIfindex, devName, c) : type === 'vxlan' ? newVxlanLink(s, s.nextIfindex, devName, mac, c) : newMacvlanLink(s, s.nextIfindex, devName, type, mac, c);
    if ('ok' in v) return v;
    l = v;
  } else if (type === 'bridge') {
    l = bridgeLink(s.nextIfindex, devName, mac, c.address !== undefined);
    if (c.address) {
      // the bridge id is set once registered: carrier goes off (counted) and the state is computed
      l.bridge!.id = [...mac];
      l.carrier = false;
      l.carrierChanges = 1;
      delete l.operUnset;
    }
  } else if (type === 'tun') {
    // only the tun character device makes these (TUNSETIFF): rtnetlink cannot
    if (!c.tun) return err('EOPNOTSUPP', 'tun/tap creation via rtnetlink is not supported');
    l = tunLink(s.nextIfindex, devName, mac, c.tun);
  } else if (type === 'ifb') {
    // the intermediate functional block: a dummy-like device with a short pfifo_fast queue
    l = { ...dummyLink(s.nextIfindex, devName, mac), kind: 'ifb', txqlen: 32, qdiscOnUp: 'pfifo_fast', operUnset: true };
  } else {
    l = dummyLink(s.nextIfindex, devName, mac);
  }
  if (c.bridgeOpts) {
    // br_dev_newlink registers the device, then applies the settings; a failure unregisters
    // it again, its index spent
    const e = (lateOps()?.applyBridgeOpts ?? (() => err('EOPNOTSUPP')))(l, c.bridgeOpts);
    if (e) {
      s.nextIfindex++;
      return e;
    }
  }
  const e2 = register(s, l, c);
  if (e2) return e2;
  return configureOrUndo(s, l, c, now);
}

function unregister(s: NetState, l: Link, now: number): void {
  linkDown(s, l, now);
  detachLink(s, l, now);
  for (const a of s.addrs.filter((x) => x.ifindex === l.ifindex)) if (s.addrs.includes(a)) removeAddress(s, a);
  flushDeviceRoutes(s, l.ifindex, 4, false, true);
  flushDeviceRoutes(s, l.ifindex, 6, false, true);
  flushDeviceNeighbours(s, l.ifindex);
  s.links.splice(s.links.indexOf(l), 1);
}

/** A device going away takes the VLANs and macvlans stacked on it along (NETDEV_UNREGISTER). */
export function unregisterStack(s: NetState, l: Link, now: number): void {
  for (const v of [...vlansOf(s, l), ...macvlansOf(s, l), ...vxlansOn(s, l)]) unregister(s, v, now);
  unregister(s, l, now);
}

/** rtnl_group_dellink: every device of the group goes, or none when one of them cannot. */
export function deleteGroup(s: NetState, group: number, now: number): NetError | null {
  if (group === 0) return err('EPERM');
  const members = s.links.filter((l) => l.group === group);
  if (members.some((l) => !l.kind || !KINDS.has(l.kind))) return err('EOPNOTSUPP');
  if (members.length === 0) return err('ENODEV');
  // (a veth's peer goes with it, perhaps before its own turn)
  for (const l of members) if (s.links.includes(l)) deleteLink(s, l, now);
  return null;
}

/** A device goes (with what is stacked on it); a veth end takes its peer along, in whichever namespace it is. */
export function unregisterWithPeer(s: NetState, l: Link, now: number): boolean {
  const peer = vethPeer(s, l);
  unregisterStack(s, l, now);
  if (!peer) return false;
  delete peer.link.peer;
  delete peer.link.peerElsewhere;
  delete peer.link.remotePeer;
  unregisterStack(peer.state, peer.link, now);
  return true;
}

/** RTM_DELLINK: a veth end takes its peer along; a bridge frees its ports first. */
export function deleteLink(s: NetState, l: Link, now: number): NetError | null {
  if (!l.kind || !KINDS.has(l.kind)) return err('EOPNOTSUPP');
  unregisterWithPeer(s, l, now);
  return null;
}
