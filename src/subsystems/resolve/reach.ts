// Whether a packet from this machine reaches a host of the simulated world (lan/world.ts): the
// kernel's route to it must leave through the NIC cabled to the lab LAN, with the link up and a
// carrier, from an address on the LAN's subnet; hosts off the LAN are reached only through the
// LAN's router. The firewall decides last, through the network's netfilter hook.
import type { RouteMsg } from '../../shared/services/net';
import { IFF, RTN } from '../../shared/services/net';
import { textInPrefix } from '../../shared/services/net-addr';
import type { Caller } from '../../shared/sys';
import { hostByAddress, LAN, type RemoteHost } from '../lan/world';
import type { FilteredPacket, Network } from '../net/network';

const KERNEL: Caller = { pid: 0, uid: 0, euid: 0, gid: 0, egid: 0, groups: [0] };

export type Packet = FilteredPacket;

export interface Reach {
  host: RemoteHost;
  /** The machine's source address and the link the packet leaves by. */
  src: string;
  ifindex: number;
  ifname: string;
}

/**
 * The world host at `dst` when a packet sent there now would arrive; 'no-route' when the kernel
 * refuses to send it (ENETUNREACH, at once), 'lost' when it leaves but nothing comes back.
 */
export function reachHost(net: Network, dst: string, packet: Omit<Packet, 'src' | 'dst' | 'oif'>): Reach | 'no-route' | 'lost' {
  const reply = net.handle(KERNEL, { kind: 'getroute', query: { family: 4, dst } });
  if (!('route' in reply) || reply.route.type !== RTN.UNICAST) return 'no-route';
  const host = hostByAddress(dst);
  if (!host || host.ipv4 !== dst) return 'lost';
  const route: RouteMsg = reply.route;
  const link = net.links().find((l) => l.ifindex === route.oif);
  // only the VM's own NIC is cabled to the LAN (virtual devices such as dummies lead nowhere)
  if (!link || link.linkType !== 'ether' || link.kind !== undefined) return 'lost';
  if ((link.flags & (IFF.UP | IFF.LOWER_UP)) !== (IFF.UP | IFF.LOWER_UP)) return 'lost';
  const src = route.prefsrc ?? '';
  if (!textInPrefix(src, LAN.network, LAN.prefixlen)) return 'lost';
  if (route.gateway !== undefined) {
    // the next hop must answer ARP on the LAN; only the router forwards off the LAN
    if (route.gateway !== LAN.gateway && !(host.where === 'lan' && route.gateway === dst)) return 'lost';
  } else if (host.where !== 'lan') {
    return 'lost';
  }
  if (net.filter && !net.filter({ ...packet, src, dst, oif: link.name })) return 'lost';
  return { host, src, ifindex: link.ifindex, ifname: link.name };
}
