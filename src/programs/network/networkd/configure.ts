// Configuring one link from its network (link_configure() and friends): drop what is on the link
// but not wanted (foreign addresses and routes, unless KeepConfiguration= keeps them), then add
// the static addresses and routes, logging refusals as networkd does and entering "failed".
import { FOREVER, RTN, RTPROT, SCOPE, TABLE, type AddrSpec, type RouteSpec } from '../../../shared/services/net';
import { formatAddr, hostBitsSet, parseAddr } from '../../../shared/services/net-addr';
import type { Sys } from '../../../shared/sys';
import type { Logger } from './log';
import { netlinkError, routeSpecOf, type Netlink } from './netlink';
import type { NetworkConfig, StaticRoute } from './network-file';
import type { LinkRecord } from './state-files';

export interface Env {
  sys: Sys;
  nl: Netlink;
  log: Logger;
}

/** A link as networkd tracks it. */
export interface Link extends LinkRecord {
  /** Kernel flags last seen (0 before the first dump, so links already up log "Link UP"). */
  flags: number;
  ipv6ll: boolean;
  /** Which file (and its mtime) the link was configured from. */
  stamp?: string;
  managedAddrs: AddrSpec[];
  managedRoutes: RouteSpec[];
  dhcpRetryAt?: number;
  dhcpBackoff: number;
  renewAt?: number;
  expireAt?: number;
}

function staticRouteSpec(link: Link, r: StaticRoute): RouteSpec {
  return {
    family: r.family, table: TABLE.MAIN, type: RTN.UNICAST, protocol: RTPROT.STATIC, scope: r.gateway ? SCOPE.UNIVERSE : SCOPE.LINK, tos: 0, flags: 0,
    dst: r.dst, dstLen: r.dstLen, gateway: r.gateway, oif: link.ifindex, ...(r.metric ? { priority: r.metric } : {}),
  };
}

function staticAddrSpec(link: Link, a: NetworkConfig['addresses'][number]): AddrSpec {
  const ip = parseAddr(a.address)!;
  // networkd sets the broadcast address of IPv4 addresses up to /30 (Broadcast= defaults to yes)
  const broadcast = a.family === 4 && a.prefixlen <= 30 ? formatAddr(hostBitsSet(ip, a.prefixlen)) : undefined;
  return { family: a.family, ifindex: link.ifindex, local: a.address, address: a.address, prefixlen: a.prefixlen, ...(broadcast ? { broadcast } : {}), scope: SCOPE.UNIVERSE };
}

/** link_drop_foreign_config(): everything on the link that the network does not ask for. */
export async function dropForeign(env: Env, link: Link, n: NetworkConfig): Promise<void> {
  const keep = n.keepConfiguration ?? 'no';
  if (keep === 'yes') return;
  const keepStatic = keep === 'static';
  const keepDhcp = keep === 'dhcp' || keep === 'dhcp-on-stop';
  const wantedAddrs = n.addresses.map((a) => `${a.family}/${a.address}/${a.prefixlen}`);
  for (const r of await env.nl.routes()) {
    if (r.oif !== link.ifindex || r.protocol === RTPROT.KERNEL || r.table === TABLE.LOCAL) continue;
    if ((keepStatic && r.protocol === RTPROT.STATIC) || (keepDhcp && (r.protocol === RTPROT.DHCP || r.protocol === RTPROT.RA))) continue;
    const wanted = n.routes.some((s) => s.family === r.family && s.dstLen === r.dstLen && (r.dstLen === 0 || s.dst === r.dst) && s.gateway === r.gateway && (s.metric || undefined) === r.priority && r.protocol === RTPROT.STATIC);
    if (!wanted) await env.nl.delRoute(routeSpecOf(r));
  }
  for (const a of await env.nl.addrs()) {
    if (a.ifindex !== link.ifindex) continue;
    // IPv6 link-local addresses belong to the kernel's addrconf
    if (a.family === 6 && a.local.toLowerCase().startsWith('fe80:')) continue;
    const dynamic = a.validLft !== FOREVER;
    if ((keepStatic && !dynamic) || (keepDhcp && dynamic)) continue;
    if (wantedAddrs.includes(`${a.family}/${a.local}/${a.prefixlen}`)) continue;
    await env.nl.delAddr({ family: a.family, ifindex: a.ifindex, local: a.local, address: a.address, prefixlen: a.prefixlen });
  }
}

/** link_drop_managed_config(): what this networkd configured itself. */
export async function dropManaged(env: Env, link: Link): Promise<void> {
  for (const r of link.managedRoutes) await env.nl.delRoute(r);
  for (const a of link.managedAddrs) await env.nl.delAddr(a);
  link.managedRoutes = [];
  link.managedAddrs = [];
}

async function fail(env: Env, link: Link, message: string): Promise<false> {
  await env.log.warning(message, link.name);
  await env.log.warning('Failed', link.name);
  link.admin = 'failed';
  return false;
}

/** Static addresses, then static routes (a gateway needs the address's subnet route first). */
export async function applyStatic(env: Env, link: Link, n: NetworkConfig): Promise<boolean> {
  for (const a of n.addresses) {
    const spec = staticAddrSpec(link, a);
    const e = await env.nl.addAddr(spec);
    if (e) return fail(env, link, netlinkError('Failed to set static address', e));
    link.managedAddrs.push(spec);
  }
  for (const r of n.routes) {
    const spec = staticRouteSpec(link, r);
    const e = await env.nl.addRoute(spec);
    if (e) return fail(env, link, netlinkError('Could not set route', e));
    link.managedRoutes.push(spec);
  }
  return true;
}

/** Link-level settings before the link comes up: MTU, IPv6 link-local addressing, activation. */
export async function applyLinkSettings(env: Env, link: Link, n: NetworkConfig): Promise<void> {
  if (n.mtu !== undefined) await env.nl.setLink(link.ifindex, { mtu: n.mtu });
  // only yes and ipv6 keep IPv6 link-local addressing (no, ipv4 and the IPv4LL fallbacks drop it)
  if (!['yes', 'ipv6'].includes(n.linkLocal ?? 'ipv6')) {
    // IPV6_LINK_LOCAL_ADDRESS_GEN_MODE none: the kernel makes no fe80:: address
    await env.nl.setLink(link.ifindex, { addrGenMode: 1 });
    for (const a of await env.nl.addrs()) {
      if (a.ifindex === link.ifindex && a.family === 6 && a.local.toLowerCase().startsWith('fe80:')) await env.nl.delAddr({ family: 6, ifindex: a.ifindex, local: a.local, address: a.address, prefixlen: a.prefixlen });
    }
  }
  if (n.activationPolicy === 'up' || n.activationPolicy === 'always-up') await env.nl.setLink(link.ifindex, { up: true });
  else if (n.activationPolicy === 'down' || n.activationPolicy === 'always-down') await env.nl.setLink(link.ifindex, { up: false });
}
