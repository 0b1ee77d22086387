// VXLAN devices: an Ethernet segment carried in UDP. Creating one (the VNI unique per port
// and family, the MTU left for the encapsulation on a lower device), and its settings.
import { IFF, type LinkChange, type NetError, type VxlanData } from '../../shared/services/net';
import { err } from './fib';
import { emptyStats, linkByIndex, type Link, type NetState } from './state';
import { validEtherAddr } from './links';

/** The kernel's own default port (Linux used it before IANA assigned 4789). */
const DEFAULT_PORT = 8472;
/** Outer Ethernet, IP and UDP headers plus the VXLAN header. */
const HEADROOM4 = 50;
const HEADROOM6 = 70;

function isV6(d: { remote?: string; local?: string }): boolean {
  return (d.remote ?? d.local ?? '').includes(':');
}

/** vxlan_validate: the address, the VNI's range. */
export function validateVxlan(c: LinkChange): NetError | null {
  if (c.address) {
    if (c.address.length !== 6) return err('EINVAL', 'Provided link layer address is not Ethernet');
    if (!validEtherAddr(c.address)) return err('EADDRNOTAVAIL', 'Provided Ethernet address is not unicast');
  }
  if (c.vxlan?.vni !== undefined && c.vxlan.vni >= 1 << 24) return err('ERANGE', 'VXLAN ID must be lower than 16777216');
  return null;
}

/** VXLANs whose lower device is `l`: they go away with it. */
export function vxlansOn(s: NetState, l: Link): Link[] {
  return s.links.filter((x) => x.vxlan && x.vxlan.link === l.ifindex);
}

/** vxlan_nl2conf and vxlan_config_validate, then the device as vxlan_setup makes it. */
export function newVxlanLink(s: NetState, ifindex: number, name: string, mac: number[], c: LinkChange): Link | NetError {
  const q = c.vxlan ?? {};
  const d: VxlanData = {
    vni: q.vni ?? 0, link: q.link ?? 0, srcPortLow: q.srcPortLow ?? 0, srcPortHigh: q.srcPortHigh ?? 0,
    port: q.port || DEFAULT_PORT, learning: q.learning ?? true, proxy: q.proxy ?? false, rsc: q.rsc ?? false,
    l2miss: q.l2miss ?? false, l3miss: q.l3miss ?? false, ttl: q.ttl ?? 0, ttlInherit: q.ttlInherit ?? false, tos: q.tos ?? 0,
    ageing: q.ageing ?? 300, maxAddress: q.maxAddress ?? 0, udpCsum: q.udpCsum ?? true, zeroCsum6Tx: q.zeroCsum6Tx ?? false,
    zeroCsum6Rx: q.zeroCsum6Rx ?? false,
  };
  if (q.remote !== undefined) d.remote = q.remote;
  if (q.local !== undefined) d.local = q.local;
  if (q.df) d.df = q.df;
  if (q.label) d.label = q.label;
  if (d.remote && d.local && isV6({ remote: d.remote }) !== isV6({ local: d.local })) return err('EINVAL', 'Local and remote address must be from the same family');
  const lower = d.link ? linkByIndex(s, d.link) : undefined;
  if (d.link && !lower) return err('ENODEV', 'Invalid local interface, device not found');
  const v6 = isV6(d);
  if (d.label && !v6) return err('EINVAL', 'Label attribute only applies to IPv6 VXLAN devices');
  const headroom = v6 ? HEADROOM6 : HEADROOM4;
  if (c.mtu !== undefined && (c.mtu < 68 || c.mtu > 65535)) return err('EINVAL', 'MTU must be between 68 and 65535');
  const taken = s.links.some((x) => x.vxlan && x.vxlan.vni === d.vni && x.vxlan.port === d.port && isV6(x.vxlan) === v6);
  if (taken) return err('EEXIST', 'A VXLAN device with the specified VNI already exists');
  return {
    ifindex, name, linkType: 'ether', kind: 'vxlan', flags: IFF.BROADCAST | IFF.MULTICAST, carrier: true,
    // on a lower device the MTU leaves room for the headers (one asked for is cut down to that)
    mtu: lower ? Math.min(c.mtu ?? 65535, Math.max(68, lower.mtu - headroom)) : c.mtu ?? 1500, minMtu: 68, maxMtu: 65535, qdisc: 'noop', qdiscOnUp: 'noqueue',
    txqlen: 1000, group: 0, mac, brd: [0xff, 0xff, 0xff, 0xff, 0xff, 0xff], stats: emptyStats(), carrierChanges: 0,
    numTxQueues: 1, numRxQueues: 1, addrGenMode: 0, operUnset: true, vxlan: d,
  };
}

/** vxlan_change_mtu: no more than the lower device leaves room for. */
export function vxlanMtuError(s: NetState, l: Link, mtu: number): NetError | null {
  if (!l.vxlan?.link) return null;
  const lower = linkByIndex(s, l.vxlan.link);
  if (lower && mtu > lower.mtu - (isV6(l.vxlan) ? HEADROOM6 : HEADROOM4)) return err('EINVAL');
  return null;
}

/** vxlan_changelink: the VNI and port stay; the rest of what was given is taken. */
export function changeVxlan(l: Link, q: LinkChange['vxlan'] & object): NetError | null {
  const d = l.vxlan;
  if (!d) return err('EOPNOTSUPP');
  if (q.vni !== undefined && q.vni !== d.vni) return err('EOPNOTSUPP', 'Cannot change VNI');
  if (q.port !== undefined && q.port !== d.port) return err('EOPNOTSUPP', 'Cannot change dst port');
  const { vni: _v, port: _p, ...rest } = q;
  if (rest.label && !isV6({ ...d, ...rest })) return err('EINVAL', 'Label attribute only applies to IPv6 VXLAN devices');
  Object.assign(d, rest);
  return null;
}
