// The machine's network at power-on: the loopback (ifindex 1) brought up with 127.0.0.1/8 and
// ::1, and the VM's vmxnet3 NIC eth0 (ifindex 2, VMware-range MAC), down. In a machine
// systemd-networkd configures eth0; applyPlaceholderDhcp() stands in for it in kernel-only tests.
import { NUD, RTN, RTPROT, SCOPE, TABLE } from '../../shared/services/net';
import { linkUp } from './link-ops';
import { loopbackLink, VM_MAC, vmxnet3Link } from './links';
import type { Network } from './network';
import type { NetState } from './state';

export function bootLinks(s: NetState, now: number): void {
  const lo = loopbackLink(s.nextIfindex++);
  s.links.push(lo);
  s.links.push(vmxnet3Link(s.nextIfindex++, 'eth0', VM_MAC));
  linkUp(s, lo, now);
}

/** What the simulated LAN's DHCP server hands out (a one-day lease from the gateway). */
export const SIMULATED_LAN = {
  address: '192.168.1.50',
  prefixlen: 24,
  broadcast: '192.168.1.255',
  gateway: '192.168.1.1',
  gatewayMac: [0x00, 0x50, 0x56, 0xe1, 0x07, 0x4d],
  leaseSeconds: 86400,
  /** systemd-networkd's default metric for DHCPv4 routes (RouteMetric=1024). */
  metric: 1024,
} as const;

/**
 * What systemd-networkd's DHCP client leaves on eth0 (address with the route metric and
 * broadcast, a host route to the gateway and the default route, both `proto dhcp`), for tests
 * of the kernel without the daemon (NetworkOptions.placeholderDhcp).
 */
export function applyPlaceholderDhcp(net: Network): void {
  const lan = SIMULATED_LAN;
  const eth0 = net.ifindex('eth0');
  if (eth0 === undefined) return;
  net.setLink(eth0, { up: true });
  net.addAddress({
    family: 4, ifindex: eth0, local: lan.address, address: lan.address, prefixlen: lan.prefixlen, broadcast: lan.broadcast,
    scope: SCOPE.UNIVERSE, metric: lan.metric, validLft: lan.leaseSeconds, preferredLft: lan.leaseSeconds,
  });
  const route = { family: 4 as const, table: TABLE.MAIN, type: RTN.UNICAST, protocol: RTPROT.DHCP, tos: 0, flags: 0, oif: eth0, prefsrc: lan.address, priority: lan.metric };
  net.addRoute({ ...route, scope: SCOPE.LINK, dst: lan.gateway, dstLen: 32 });
  net.addRoute({ ...route, scope: SCOPE.UNIVERSE, dst: '0.0.0.0', dstLen: 0, gateway: lan.gateway });
  net.addNeighbour({ family: 4, ifindex: eth0, dst: lan.gateway, lladdr: [...lan.gatewayMac], state: NUD.REACHABLE, flags: 0 });
  // the DISCOVER/OFFER/REQUEST/ACK exchange and the gateway's ARP reply
  net.count(eth0, 'tx', 2 * 342 + 42, 3);
  net.count(eth0, 'rx', 2 * 342 + 60, 3);
}
