// networkd's DHCPv4 client on a link (networkd-dhcp4.c with sd-dhcp-client): ask the LAN's server
// (the 'dhcp' service), apply the lease as networkd does (the address with the lease lifetime and
// the route metric, a host route to the router and the default route, both `proto dhcp`), renew
// at T1, and drop everything when the lease runs out. An unanswered request is retried quietly.
import { NUD, RTN, RTPROT, SCOPE, TABLE, type AddrSpec, type RouteSpec } from '../../../shared/services/net';
import type { DhcpLease, DhcpReply } from '../../../shared/services/resolve';
import type { Env, Link } from './configure';
import type { NetworkConfig } from './network-file';

const RETRY_FIRST_MS = 2000;
const RETRY_MAX_MS = 64_000;
/** The router's MAC, learnt by ARP when the default route is first used. */
const ROUTER_MAC = [0x00, 0x50, 0x56, 0xe1, 0x07, 0x4d];

function leaseSpecs(link: Link, n: NetworkConfig, l: DhcpLease): { addr: AddrSpec; routes: RouteSpec[] } {
  const keep = n.keepConfiguration === 'dhcp' || n.keepConfiguration === 'yes';
  const addr: AddrSpec = {
    family: 4, ifindex: link.ifindex, local: l.address, address: l.address, prefixlen: l.prefixlen, broadcast: l.broadcast, scope: SCOPE.UNIVERSE,
    metric: n.dhcpRouteMetric, ...(keep ? {} : { validLft: l.leaseSeconds, preferredLft: l.leaseSeconds }),
  };
  const route = { family: 4 as const, table: TABLE.MAIN, type: RTN.UNICAST, protocol: RTPROT.DHCP, tos: 0, flags: 0, oif: link.ifindex, prefsrc: l.address, priority: n.dhcpRouteMetric };
  return {
    addr,
    routes: [
      { ...route, scope: SCOPE.LINK, dst: l.router, dstLen: 32 },
      { ...route, scope: SCOPE.UNIVERSE, dst: '0.0.0.0', dstLen: 0, gateway: l.router },
    ],
  };
}

/** Runs DISCOVER..ACK; `announce` logs the new lease (not done on renewals). */
export async function acquire(env: Env, link: Link, n: NetworkConfig, now: number, announce = true): Promise<boolean> {
  const reply = (await env.sys.call('dhcp', { kind: 'discover', ifindex: link.ifindex }).catch(() => ({ kind: 'no-answer' }))) as DhcpReply;
  if (reply.kind !== 'lease') {
    link.dhcpRetryAt = now + link.dhcpBackoff;
    link.dhcpBackoff = Math.min(RETRY_MAX_MS, link.dhcpBackoff * 2);
    return false;
  }
  const l = reply.lease;
  const { addr, routes } = leaseSpecs(link, n, l);
  await env.nl.addAddr(addr);
  for (const r of routes) await env.nl.addRoute(r);
  // the server's reply came from the router: its neighbour entry is fresh
  await env.nl.call({ kind: 'newneigh', nlflags: { create: true, replace: true }, neigh: { family: 4, ifindex: link.ifindex, dst: l.router, lladdr: ROUTER_MAC, state: NUD.REACHABLE, flags: 0 } });
  if (announce) {
    await env.log.info(`DHCPv4 address ${l.address}/${l.prefixlen}, gateway ${l.router} acquired from ${l.serverAddress}`, link.name, { ADDRESS: l.address, PREFIXLEN: String(l.prefixlen), GATEWAY: l.router });
  }
  link.lease = l;
  link.dhcpRetryAt = undefined;
  link.dhcpBackoff = RETRY_FIRST_MS;
  link.renewAt = now + l.t1 * 1000;
  link.expireAt = now + l.leaseSeconds * 1000;
  link.managedAddrs = [...link.managedAddrs.filter((a) => a.local !== addr.local), addr];
  link.managedRoutes = [...link.managedRoutes.filter((r) => r.protocol !== RTPROT.DHCP), ...routes];
  return true;
}

/** Forgets the lease and removes what it configured (lease expiry, carrier loss, reconfiguration). */
export async function dropLease(env: Env, link: Link): Promise<void> {
  const l = link.lease;
  link.lease = undefined;
  link.renewAt = undefined;
  link.expireAt = undefined;
  link.dhcpRetryAt = undefined;
  link.dhcpBackoff = RETRY_FIRST_MS;
  if (!l) return;
  for (const r of link.managedRoutes.filter((x) => x.protocol === RTPROT.DHCP)) await env.nl.delRoute(r);
  const addr = link.managedAddrs.find((a) => a.local === l.address);
  if (addr) await env.nl.delAddr(addr);
  link.managedRoutes = link.managedRoutes.filter((x) => x.protocol !== RTPROT.DHCP);
  link.managedAddrs = link.managedAddrs.filter((a) => a.local !== l.address);
}

/** The next time this link's DHCP client wants to run. */
export function nextDhcpEvent(link: Link): number {
  return Math.min(link.dhcpRetryAt ?? Infinity, link.renewAt ?? Infinity, link.expireAt ?? Infinity);
}

/** Runs what is due: a retry, a renewal at T1 (and again until expiry), or the loss of the lease. */
export async function dhcpTimers(env: Env, link: Link, n: NetworkConfig, now: number): Promise<boolean> {
  if (link.expireAt !== undefined && now >= link.expireAt) {
    await env.log.info('DHCP lease lost', link.name);
    await dropLease(env, link);
    await acquire(env, link, n, now);
    return true;
  }
  if (link.renewAt !== undefined && now >= link.renewAt) {
    if (!(await acquire(env, link, n, now, false))) {
      // no answer: keep the old lease until it runs out, asking again meanwhile
      link.renewAt = Math.min(link.expireAt ?? Infinity, now + 60_000);
      link.dhcpRetryAt = undefined;
    }
    return true;
  }
  if (link.dhcpRetryAt !== undefined && now >= link.dhcpRetryAt) {
    await acquire(env, link, n, now);
    return true;
  }
  return false;
}
