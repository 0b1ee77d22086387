// 802.1Q / 802.1ad VLAN devices (the 8021q driver): validating and creating one on a real
// device, its settings (tag protocol, id, flags, priority maps), and what it reports.
import { IFF, type LinkChange, type NetError, type VlanChange, type VlanData } from '../../shared/services/net';
import { err } from './fib';
import { emptyStats, linkByIndex, type Link, type NetState, type VlanInfo } from './state';
import { validEtherAddr } from './links';

export const VLAN_FLAG = { REORDER_HDR: 1, GVRP: 2, LOOSE_BINDING: 4, MVRP: 8, BRIDGE_BINDING: 16 } as const;
const ALL_FLAGS = 31;
export const ETH_P_8021Q = 0x8100;
export const ETH_P_8021AD = 0x88a8;
/** VLAN_VID_MASK: ids 0-4094 can be used; 4095 is reserved. */
const VID_MASK = 0xfff;

/** The driver's extended-ack messages carry the module's name. */
function fail(errno: NetError['errno'], text: string): NetError {
  return err(errno, `8021q: ${text}`);
}

/** vlan_validate: the address, the protocol, the id's range and the flags. */
export function validateVlan(c: LinkChange): NetError | null {
  if (c.address) {
    if (c.address.length !== 6) return fail('EINVAL', 'Invalid link address');
    if (!validEtherAddr(c.address)) return fail('EADDRNOTAVAIL', 'Invalid link address');
  }
  const d = c.vlan;
  if (!d) return fail('EINVAL', 'VLAN properties not specified');
  if (d.protocol !== undefined && d.protocol !== ETH_P_8021Q && d.protocol !== ETH_P_8021AD) return fail('EPROTONOSUPPORT', 'Invalid VLAN protocol');
  if (d.id !== undefined && d.id >= VID_MASK) return fail('ERANGE', 'Invalid VLAN id');
  if (d.flags && d.flags.flags & d.flags.mask & ~ALL_FLAGS) return fail('EINVAL', 'Invalid VLAN flags');
  return null;
}

/** The VLAN devices stacked on `real`, in creation order. */
export function vlansOf(s: NetState, real: Link): Link[] {
  return s.links.filter((l) => l.vlan?.real === real.ifindex);
}

/** vlan_changelink: flags under their mask, then the priority mappings. */
export function applyVlanChange(v: VlanInfo, d: VlanChange): void {
  if (d.flags) v.flags = (v.flags & ~d.flags.mask) | (d.flags.flags & d.flags.mask);
  for (const [from, to] of d.ingress ?? []) v.ingress[from & 7] = to;
  for (const [from, to] of d.egress ?? []) {
    const have = v.egress.find((m) => m.from === from);
    if (have) {
      have.to = to & 7;
      continue;
    }
    // a new mapping goes first in its hash bucket (the priority's low 4 bits)
    const bucket = from & 0xf;
    let i = v.egress.findIndex((m) => (m.from & 0xf) >= bucket);
    if (i < 0) i = v.egress.length;
    v.egress.splice(i, 0, { from, to: to & 7 });
  }
}

/**
 * vlan_newlink and vlan_dev_init: the id and lower device are required, the lower device must
 * carry VLANs and not have this tag yet; the device takes the lower one's flags, address,
 * broadcast address, carrier and MTU (a larger MTU than the lower one's is refused).
 */
export function newVlanLink(s: NetState, ifindex: number, name: string, c: LinkChange): Link | NetError {
  const d = c.vlan ?? {};
  if (d.id === undefined) return fail('EINVAL', 'VLAN id not specified');
  if (c.link === undefined) return fail('EINVAL', 'link not specified');
  const real = linkByIndex(s, c.link);
  if (!real) return fail('ENODEV', 'link does not exist');
  const protocol = d.protocol ?? ETH_P_8021Q;
  if (real.linkType === 'loopback') return fail('EOPNOTSUPP', 'VLANs not supported on device');
  if (vlansOf(s, real).some((v) => v.vlan!.protocol === protocol && v.vlan!.id === d.id)) return fail('EEXIST', 'VLAN device already exists');
  if (c.mtu !== undefined && c.mtu > real.mtu) return err('EINVAL');
  const vlan: VlanInfo = { real: real.ifindex, protocol, id: d.id, flags: VLAN_FLAG.REORDER_HDR, ingress: [0, 0, 0, 0, 0, 0, 0, 0], egress: [], stolen: !c.address };
  applyVlanChange(vlan, d);
  const carrier = lowerCarrier(real) && !(vlan.flags & VLAN_FLAG.BRIDGE_BINDING);
  const l: Link = {
    ifindex, name, linkType: 'ether', kind: 'vlan',
    flags: real.flags & ~(IFF.UP | IFF.PROMISC | IFF.ALLMULTI | IFF.MASTER | IFF.SLAVE | IFF.LOOPBACK),
    carrier, mtu: real.mtu, minMtu: 0, maxMtu: 65535, qdisc: 'noop', qdiscOnUp: 'noqueue', txqlen: 1000, group: 0,
    mac: c.address ? [...c.address] : [...real.mac], brd: [...real.brd], stats: emptyStats(), carrierChanges: 0,
    numTxQueues: 1, numRxQueues: 1, addrGenMode: 0, vlan,
  };
  // with carrier, no link event computes the operational state until the carrier changes
  if (carrier) l.operUnset = true;
  return l;
}

/**
 * Whether the lower device passes a carrier on: a NIC loses it when brought down, virtual
 * devices keep their own.
 */
export function lowerCarrier(real: Link): boolean {
  if (real.kind) return real.carrier;
  return real.carrier && (real.flags & IFF.UP) !== 0;
}

/** vlan_dev_open: the lower device must be up unless the binding is loose. */
export function vlanOpenError(s: NetState, l: Link): NetError | null {
  if (!l.vlan) return null;
  const real = linkByIndex(s, l.vlan.real);
  if (real && !(real.flags & IFF.UP) && !(l.vlan.flags & VLAN_FLAG.LOOSE_BINDING)) return err('ENETDOWN');
  return null;
}

/** IFLA_INFO_DATA as vlan_fill_info dumps it: mappings only when some are set. */
export function vlanData(v: VlanInfo): VlanData {
  const d: VlanData = { protocol: v.protocol, id: v.id, flags: v.flags };
  const ingress = v.ingress.flatMap((to, from): [number, number][] => (to ? [[from, to]] : []));
  if (ingress.length) d.ingress = ingress;
  const egress = v.egress.filter((m) => m.to).map((m): [number, number] => [m.from, m.to]);
  if (egress.length) d.egress = egress;
  return d;
}
