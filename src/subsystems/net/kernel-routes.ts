// The routes the kernel itself keeps for a device's addresses (fib_add_ifaddr, addrconf):
// for IPv4 a local route per address, and while the device is up the subnet route and the
// broadcast routes; for IPv6 a local route per address, and while up the prefix route and
// ff00::/8. Changes are applied as a difference between the set a device needed before an
// event and the set it needs after, so routes an administrator deleted by hand stay deleted
// until an address or link change brings them back, as on Linux.
import { FOREVER, IFA_F, RTN, RTPROT, SCOPE, TABLE } from '../../shared/services/net';
import {
  formatAddr, hostBitsSet, isIPv4Multicast, isZero, maskAddr, parseAddr, samePrefix,
} from '../../shared/services/net-addr';
import { insertRoute, removeRoute } from './fib';
import { isUp } from './links';
import { linkByIndex, type Addr, type Link, type NetState, type Route } from './state';

/** IPv6 is off on a device whose MTU is below the IPv6 minimum. */
export function ipv6Enabled(l: Link): boolean {
  return l.mtu >= 1280 || l.linkType === 'loopback';
}

function v4(ifindex: number, table: number, type: number, dst: string, dstLen: number, scope: number, prefsrc: string, priority = 0): Route {
  return { family: 4, table, type, protocol: RTPROT.KERNEL, scope, tos: 0, flags: 0, dst, dstLen, oif: ifindex, prefsrc, priority };
}

function v6(ifindex: number, table: number, type: number, dst: string, dstLen: number, priority: number): Route {
  return { family: 6, table, type, protocol: RTPROT.KERNEL, scope: SCOPE.UNIVERSE, tos: 0, flags: 0, dst, dstLen, oif: ifindex, priority, pref: 0 };
}

/** The primary address a secondary one hangs off (inet_ifa_byprefix). */
export function primaryFor(s: NetState, a: Addr): Addr | undefined {
  if (!(a.flags & IFA_F.SECONDARY)) return a;
  const mine = parseAddr(a.address);
  return s.addrs.find((p) => p.family === 4 && p.ifindex === a.ifindex && !(p.flags & IFA_F.SECONDARY) &&
    p.prefixlen === a.prefixlen && mine !== null && samePrefix(parseAddr(p.address) ?? mine, mine, a.prefixlen));
}

function ipv4Routes(s: NetState, l: Link, a: Addr, out: Route[]): void {
  const prim = primaryFor(s, a);
  if (!prim) return;
  const src = prim.local;
  out.push(v4(l.ifindex, TABLE.LOCAL, RTN.LOCAL, a.local, 32, SCOPE.HOST, src));
  if (!isUp(l)) return;
  if (a.broadcast && a.broadcast !== '255.255.255.255') out.push(v4(l.ifindex, TABLE.LOCAL, RTN.BROADCAST, a.broadcast, 32, SCOPE.LINK, src));
  const peer = parseAddr(a.address);
  const local = parseAddr(a.local);
  if (!peer || !local) return;
  const prefix = maskAddr(peer, a.prefixlen);
  const prefixText = formatAddr(prefix);
  if (isZero(prefix) || a.flags & IFA_F.SECONDARY || (prefixText === a.local && a.prefixlen >= 32)) return;
  // a multicast address gets no subnet or broadcast route (the FIB refuses multicast keys)
  if (isIPv4Multicast(local)) return;
  if (!(a.flags & IFA_F.NOPREFIXROUTE)) {
    const loop = l.linkType === 'loopback';
    out.push(v4(l.ifindex, loop ? TABLE.LOCAL : TABLE.MAIN, loop ? RTN.LOCAL : RTN.UNICAST, prefixText, a.prefixlen,
      loop ? SCOPE.HOST : SCOPE.LINK, src, a.metric ?? 0));
  }
  if (a.prefixlen < 31) out.push(v4(l.ifindex, TABLE.LOCAL, RTN.BROADCAST, formatAddr(hostBitsSet(prefix, a.prefixlen)), 32, SCOPE.LINK, src));
}

function ipv6Routes(l: Link, a: Addr, out: Route[]): void {
  out.push(v6(l.ifindex, TABLE.LOCAL, RTN.LOCAL, a.local, 128, 0));
  if (!isUp(l)) return;
  // __ipv6_ifa_notify: a peer gets a host route of its own, prefix route or not
  if (a.address !== a.local) out.push(v6(l.ifindex, TABLE.MAIN, RTN.UNICAST, a.address, 128, a.metric ?? 256));
  if (a.flags & IFA_F.NOPREFIXROUTE) return;
  // the loopback's own ::1 comes from init_loopback's add_addr, which adds no prefix route;
  // any other /128 gets one like every prefix (addrconf_prefix_route)
  if (l.linkType === 'loopback' && a.local === '::1' && a.prefixlen === 128) return;
  const addr = parseAddr(a.local);
  if (!addr) return;
  const prefix = v6(l.ifindex, TABLE.MAIN, RTN.UNICAST, formatAddr(maskAddr(addr, a.prefixlen)), a.prefixlen, a.metric ?? 256);
  // a prefix with a finite valid lifetime expires with the address (addrconf_prefix_route)
  if (a.validLft !== FOREVER) prefix.expiresAt = a.tstamp + a.validLft * 1000;
  out.push(prefix);
}

export function routeIdentity(r: Route): string {
  return [r.family, r.table, r.type, r.dst, r.dstLen, r.oif, r.prefsrc ?? '', r.priority, r.scope, r.protocol].join('|');
}

/** Every route the kernel keeps for this device's addresses in its current state. */
export function kernelRoutes(s: NetState, ifindex: number): Route[] {
  const l = linkByIndex(s, ifindex);
  if (!l) return [];
  const out: Route[] = [];
  for (const a of s.addrs) {
    if (a.ifindex !== ifindex) continue;
    if (a.family === 4) ipv4Routes(s, l, a, out);
    else ipv6Routes(l, a, out);
  }
  // addrconf adds the multicast route once the device is ready (up with a working link)
  if (isUp(l) && l.linkType !== 'loopback' && ipv6Enabled(l) && (l.v6Ready || l.mroute6)) out.push(v6(l.ifindex, TABLE.LOCAL, RTN.MULTICAST, 'ff00::', 8, 256));
  const seen = new Set<string>();
  return out.filter((r) => {
    const k = routeIdentity(r);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Removes the routes no longer needed and adds the new ones (fib_magic: create, append). */
export function applyRouteDiff(s: NetState, before: Route[], after: Route[]): void {
  const was = new Set(before.map(routeIdentity));
  const now = new Set(after.map(routeIdentity));
  for (const r of before) {
    const k = routeIdentity(r);
    if (now.has(k)) continue;
    const existing = s.routes.find((o) => routeIdentity(o) === k && o.gateway === undefined);
    if (existing) removeRoute(s, existing);
  }
  for (const r of after) {
    if (!was.has(routeIdentity(r))) {
      insertRoute(s, r, { create: true, append: true });
      continue;
    }
    // a kept prefix route follows its address's new lifetime
    const existing = s.routes.find((o) => routeIdentity(o) === routeIdentity(r) && o.gateway === undefined);
    if (existing && existing.family === 6 && existing.protocol === RTPROT.KERNEL && existing.expiresAt !== r.expiresAt) {
      if (r.expiresAt === undefined) delete existing.expiresAt;
      else existing.expiresAt = r.expiresAt;
    }
  }
}

/** Runs `change` and brings the device's kernel routes in line with the result. */
export function withKernelRoutes<T>(s: NetState, ifindex: number, change: () => T): T {
  const before = kernelRoutes(s, ifindex);
  const result = change();
  applyRouteDiff(s, before, kernelRoutes(s, ifindex));
  return result;
}

/**
 * Drops the routes through a device (fib_sync_down_dev + fib_flush, rt6_sync_down_dev).
 * A link going down keeps IPv4 host-scope routes; losing the last IPv4 address drops them too.
 * A multipath route goes once none of its next hops' devices is up, or when one of them is
 * unregistered.
 */
export function flushDeviceRoutes(s: NetState, ifindex: number, family: 4 | 6, keepHostScope: boolean, unregister = false): void {
  const dead = (r: Route): boolean => {
    if (!r.nexthops) return r.oif === ifindex && !(keepHostScope && r.scope === SCOPE.HOST);
    if (!r.nexthops.some((h) => h.oif === ifindex)) return false;
    return unregister || r.nexthops.every((h) => {
      const dev = linkByIndex(s, h.oif);
      return h.oif === ifindex || !dev || !isUp(dev);
    });
  };
  s.routes = s.routes.filter((r) => !(r.family === family && dead(r)));
}
