// The 'dhcp' service: the lab LAN's DHCP server (the router, lan/world.ts) as a DHCP client on
// one of the machine's links meets it. DISCOVER/OFFER/REQUEST/ACK happen in one request: an
// answer needs the link up with a carrier and cabled to the LAN, and the firewall to let the
// broadcast out and the reply in. Raw sockets need CAP_NET_RAW, so only root may ask.
import { IFF } from '../../shared/services/net';
import { formatAddr, hostBitsSet, lenToMask, parseIPv4 } from '../../shared/services/net-addr';
import type { DhcpReply, DhcpRequest } from '../../shared/services/resolve';
import type { Caller } from '../../shared/sys';
import { dhcpLease, LAN } from '../lan/world';
import type { Network } from '../net/network';

/** Sizes of the exchange on the wire (342-byte BOOTP frames, one ARP probe and its reply). */
const FRAME = 342;

export function handleDhcp(net: Network, caller: Caller, request: unknown): DhcpReply {
  const req = request as DhcpRequest;
  if (caller.euid !== 0) return { kind: 'error', errno: 'EPERM' };
  const link = net.links().find((l) => l.ifindex === req?.ifindex);
  if (!link) return { kind: 'error', errno: 'ENODEV' };
  if (req.kind === 'release') {
    net.count(link.ifindex, 'tx', FRAME);
    return { kind: 'ok' };
  }
  if (!(link.flags & IFF.UP)) return { kind: 'error', errno: 'ENETDOWN' };
  net.count(link.ifindex, 'tx', FRAME);
  // only the VM's NIC is cabled to the LAN; without a carrier nothing comes back
  const cabled = link.linkType === 'ether' && link.kind === undefined && (link.flags & IFF.LOWER_UP) !== 0;
  // networkd's DHCP client sends and receives on a packet socket, below netfilter: iptables
  // rules do not see the exchange
  if (!cabled) return { kind: 'no-answer' };
  const l = dhcpLease(link.address);
  const addr = parseIPv4(l.address)!;
  net.count(link.ifindex, 'tx', 2 * FRAME + 42, 2);
  net.count(link.ifindex, 'rx', 2 * FRAME + 60, 3);
  return {
    kind: 'lease',
    lease: {
      address: l.address, prefixlen: l.prefixlen, netmask: formatAddr(lenToMask(4, l.prefixlen)), broadcast: formatAddr(hostBitsSet(addr, l.prefixlen)),
      router: l.gateway, serverAddress: LAN.gateway, dns: l.dns, domain: l.domain, leaseSeconds: l.leaseSeconds,
      t1: Math.floor(l.leaseSeconds / 2), t2: Math.floor((l.leaseSeconds * 7) / 8),
    },
  };
}
