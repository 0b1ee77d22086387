// Route requests: the checks fib_create_info and fib_check_nh make before a route is added,
// deletion, the messages routes are dumped as, and `ip route get` (an output route lookup
// with the source address inet_select_addr would pick).
import { isNetError, RTAX, RTCF, RTN, RTNH_F, SCOPE, TABLE, type NetError, type NexthopMsg, type NlFlags, type RouteGet, type RouteMsg, type RouteSpec } from '../../shared/services/net';
import { formatAddr, isIPv4Multicast, isZero, maskAddr, parseAddr, samePrefix, type IpAddr } from '../../shared/services/net-addr';
import { ipv6Scope } from './addresses';
import { ensureTable, err, findForDelete, insertRoute, isErrorType, lookup, prefixIsMasked } from './fib';
import { ipv6Enabled } from './kernel-routes';
import { isUp } from './links';
import { linkByIndex, type NetState, type Nexthop, type Route } from './state';
import { lateOps, loadLate } from './late';
import { hasCustomRules } from './rules';
import { addNhidRoute } from './nexthops';
import type { FibRule } from './rules';

/** Policy routing (policy.ts): its own chunk, loaded by the net service before a route query. */
let policy: typeof import('./policy') | undefined;
let policyLoading: Promise<void> | undefined;
export function loadPolicy(): Promise<void> {
  return (policyLoading ??= Promise.all([import('./policy'), loadLate()]).then(([m]) => {
    policy = m;
  }));
}

/** Whether a request needs the late chunks first: route queries, and bridge settings. */
export function needsLateCode(req: unknown): boolean {
  const r = req as { kind?: string; change?: { bridgeOpts?: unknown } } | null;
  return r?.kind === 'getroute' || ((r?.kind === 'newlink' || r?.kind === 'setlink') && r.change?.bridgeOpts !== undefined);
}
export const policyLoaded = (): boolean => policy !== undefined;

export const RTM_F_CLONED = 0x200;

/** inet_addr_type_table(.., local table) == RTN_LOCAL: the address is one of this host's. */
export function isLocal4(s: NetState, a: IpAddr): boolean {
  return s.routes.some((r) => r.family === 4 && r.table === TABLE.LOCAL && r.type === RTN.LOCAL && samePrefix(parseAddr(r.dst) ?? a, a, r.dstLen));
}

/**
 * inet_addr_type_dev_table on the local table: the zero and limited-broadcast addresses are
 * broadcast, class D multicast, otherwise the type of the local table's longest match
 * (local, broadcast) or unicast when it has none.
 */
function addrType4(s: NetState, a: IpAddr): number {
  if (isZero(a) || a.bytes.every((b) => b === 255)) return RTN.BROADCAST;
  if (isIPv4Multicast(a)) return RTN.MULTICAST;
  const hit = s.routes
    .filter((r) => r.family === 4 && r.table === TABLE.LOCAL && samePrefix(parseAddr(r.dst) ?? a, a, r.dstLen))
    .sort((x, y) => y.dstLen - x.dstLen)[0];
  return hit ? hit.type : RTN.UNICAST;
}

/**
 * ipv6_chk_addr (not strict): `a` is one of this host's IPv6 addresses, on the route's device
 * when its scope is link or host.
 */
function isLocal6On(s: NetState, a: string, oif: number | undefined): boolean {
  const want = parseAddr(a);
  if (!want) return false;
  const text = formatAddr(want);
  return s.addrs.some((x) => x.family === 6 && formatAddr(parseAddr(x.local) ?? want) === text && (x.ifindex === oif || (x.scope !== SCOPE.LINK && x.scope !== SCOPE.HOST)));
}

/** A resolved next hop: its device, and whether its gateway is one of this host's addresses. */
interface Resolved {
  oif: number;
  local?: boolean;
}

/** The next hop of a new IPv4 route as fib_check_nh resolves it: its device, or an error. */
export function checkNexthop4(s: NetState, r: Route, gateway: string | undefined, flags: number, oif: number | undefined): Resolved | NetError {
  // a gateway of 0.0.0.0 is no gateway (fc_gw4 is zero)
  if (gateway === undefined || gateway === '0.0.0.0') {
    // fib_check_nh_nongw: onlink means nothing without a gateway
    if (r.scope !== SCOPE.HOST && flags & RTNH_F.ONLINK) return err('EINVAL', 'Invalid flags for nexthop - PERVASIVE and ONLINK can not be set');
    if (oif === undefined) return err('ENODEV');
    const dev = linkByIndex(s, oif);
    if (!dev) return err('ENODEV');
    if (r.scope !== SCOPE.HOST && !isUp(dev)) return err('ENETDOWN', 'Device for nexthop is not up');
    return { oif: dev.ifindex };
  }
  if (r.scope === SCOPE.HOST) return err('EINVAL', 'Route with host scope can not have a gateway');
  const gw = parseAddr(gateway)!;
  if (gw.family === 6) {
    // RTA_VIA with an IPv6 gateway (fib_check_nh_v6_gw): checked as an IPv6 next hop
    const res = checkNexthop6(s, { ...r, gateway }, { oif } as RouteSpec);
    return typeof res === 'number' ? { oif: res } : res;
  }
  if (flags & RTNH_F.ONLINK) {
    // fib_check_nh_v4_gw: an onlink gateway is taken as on the link, so the route's scope must
    // be wider, and the gateway must be a unicast address, not one of this host's
    if (r.scope >= SCOPE.LINK) return err('EINVAL', 'Nexthop has invalid scope');
    if (oif === undefined) return err('EINVAL', 'Nexthop device required for onlink');
    const dev = linkByIndex(s, oif);
    if (!dev) return err('ENODEV');
    if (!isUp(dev)) return err('ENETDOWN', 'Nexthop device is not up');
    if (addrType4(s, gw) !== RTN.UNICAST) return err('EINVAL', 'Nexthop has invalid gateway');
    return { oif: dev.ifindex };
  }
  const minScope = Math.max(r.scope + 1, SCOPE.LINK);
  const table = r.table !== TABLE.MAIN ? r.table : undefined;
  const found = (table !== undefined ? lookup(s, gw, { oif, minScope, table }) : undefined) ?? lookup(s, gw, { oif, minScope });
  // a failed lookup keeps its ENETUNREACH (route(8) shows it); a wrong route type is EINVAL
  if (!found) return err('ENETUNREACH', 'Nexthop has invalid gateway');
  if ((found.type !== RTN.UNICAST && found.type !== RTN.LOCAL) || found.oif === undefined) {
    return err('EINVAL', 'Nexthop has invalid gateway');
  }
  const dev = linkByIndex(s, found.oif);
  if (!dev || !isUp(dev)) return err('ENETDOWN');
  // a gateway found in the local table gives the next hop host scope (fib_check_nh_v4_gw)
  return found.scope === SCOPE.HOST ? { oif: dev.ifindex, local: true } : { oif: dev.ifindex };
}

/** fib_get_nhs and fib_check_nh for each next hop of an IPv4 multipath request. */
function checkMultipath4(s: NetState, r: Route, spec: RouteSpec, hops: NexthopMsg[]): NetError | null {
  const first = hops[0]!;
  if (spec.gateway !== undefined && first.gateway !== spec.gateway) return err('EINVAL', 'Nexthop gateway does not match RTA_GATEWAY or RTA_VIA');
  if (spec.oif !== undefined && first.oif !== spec.oif) return err('EINVAL', 'Nexthop device index does not match RTA_OIF');
  if (r.scope === SCOPE.HOST && hops.length > 1) return err('EINVAL', 'Route with host scope can not have multiple nexthops');
  const out: Nexthop[] = [];
  for (const h of hops) {
    if (h.gateway === undefined && h.flags & RTNH_F.ONLINK) return err('EINVAL', 'Invalid flags for nexthop - PERVASIVE and ONLINK can not be set');
    const res = checkNexthop4(s, r, h.gateway, h.flags, h.oif || undefined);
    if (isNetError(res)) return res;
    const nh: Nexthop = { oif: res.oif, weight: h.weight, flags: h.flags & RTNH_F.ONLINK };
    if (h.gateway !== undefined) nh.gateway = h.gateway;
    if (res.local) nh.local = true;
    out.push(nh);
  }
  if (out.length === 1) {
    // one next hop makes a plain route: its weight is not kept
    const nh = out[0]!;
    r.oif = nh.oif;
    if (nh.gateway !== undefined) r.gateway = nh.gateway;
    r.flags |= nh.flags;
    if (nh.local) r.gatewayLocal = true;
  } else {
    r.nexthops = out;
  }
  return null;
}

/** fib6_nh_init: the device needs IPv6 state (an MTU that allows it) and must be up. */
function usableDevice6(s: NetState, oif: number): number | NetError {
  const dev = linkByIndex(s, oif);
  if (!dev || !ipv6Enabled(dev)) return err('ENODEV');
  if (!isUp(dev)) return err('ENETDOWN', 'Nexthop device is not up');
  return oif;
}

export function checkNexthop6(s: NetState, r: Route, spec: RouteSpec): number | NetError {
  if (r.gateway === undefined) {
    if (spec.oif === undefined) return err('ENODEV');
    return usableDevice6(s, spec.oif);
  }
  // ip6_validate_gw
  const gw = parseAddr(r.gateway)!;
  const gwText = formatAddr(gw);
  const local = s.addrs.some((a) => a.family === 6 && formatAddr(parseAddr(a.local) ?? gw) === gwText);
  if (spec.oif !== undefined && local) return err('EINVAL', 'Gateway can not be a local address');
  let oif = spec.oif;
  if (ipv6Scope(r.gateway) !== SCOPE.LINK || gw.bytes[0] === 0xff) {
    if (gw.bytes[0] === 0xff || gw.bytes.every((b) => b === 0)) return err('EINVAL', 'Invalid gateway address');
    // ip6_route_check_nh: the gateway must be reachable directly (no message)
    const found = lookup(s, gw, { oif: spec.oif });
    if (!found || found.gateway !== undefined || found.oif === undefined) return err('EHOSTUNREACH');
    oif = found.oif;
  }
  if (oif === undefined) return err('EINVAL', 'Egress device not specified');
  if (linkByIndex(s, oif)?.linkType === 'loopback') return err('EINVAL', 'Egress device can not be loopback device for this route');
  if (local) return err('EINVAL', 'Gateway can not be a local address');
  return usableDevice6(s, oif);
}

export function loopbackIndex(s: NetState): number {
  return s.links.find((l) => l.linkType === 'loopback')?.ifindex ?? 1;
}

/**
 * ip6_route_multipath_add: a route per next hop, the first with the request's flags and the
 * others added beside it (gateway routes of one metric become one multipath group).
 */
function addMultipath6(s: NetState, spec: RouteSpec, hops: NexthopMsg[], nl: NlFlags, now: number): NetError | null {
  const added: Route[] = [];
  let flags = nl;
  for (const h of hops) {
    const { multipath: _mp, ...base } = spec;
    const one: RouteSpec = { ...base, flags: spec.flags | h.flags };
    if (h.gateway !== undefined) one.gateway = h.gateway;
    if (h.oif) one.oif = h.oif;
    const before = new Set(s.routes);
    const e = addRoute(s, one, flags, now);
    if (e) {
      s.routes = s.routes.filter((r) => !added.includes(r));
      return e;
    }
    const r = s.routes.find((x) => !before.has(x));
    if (r) {
      if (h.weight !== 1) r.weight = h.weight;
      added.push(r);
    }
    flags = { ...nl, excl: false, replace: false };
  }
  return null;
}

/** The least scope each route type allows (fib_props[].scope). */
const TYPE_SCOPE: Record<number, number> = {
  [RTN.UNSPEC]: SCOPE.NOWHERE, [RTN.LOCAL]: SCOPE.HOST, [RTN.BROADCAST]: SCOPE.LINK, [RTN.ANYCAST]: SCOPE.LINK,
  [RTN.NAT]: SCOPE.NOWHERE, [RTN.XRESOLVE]: SCOPE.NOWHERE,
};

/**
 * fib_create_info's checks of an IPv4 route's type and scope, in its order: the type's least
 * scope first; then (nat and xresolve being rejecting types, which take no next hop) a type that
 * cannot be routed, and a next hop scope past host.
 */
function checkScope4(r: Route): NetError | null {
  if ((TYPE_SCOPE[r.type] ?? SCOPE.UNIVERSE) > r.scope) return err('EINVAL', 'Invalid scope');
  if (isErrorType(r.type) || r.type === RTN.NAT || r.type === RTN.XRESOLVE) return null;
  if (r.type === RTN.UNSPEC) return err('EINVAL', 'Invalid route type');
  return r.scope > SCOPE.HOST ? err('EINVAL', 'Invalid scope') : null;
}

/** RTM_NEWROUTE. */
export function addRoute(s: NetState, spec: RouteSpec, nl: NlFlags, now: number): NetError | null {
  if (spec.nhid !== undefined) return addNhidRoute(s, spec, nl, now);
  if (spec.family === 6 && spec.multipath) return addMultipath6(s, spec, spec.multipath, nl, now);
  const max = spec.family === 4 ? 32 : 128;
  if (spec.dstLen > max) return err('EINVAL');
  const dstAddr = parseAddr(spec.dst ?? (spec.family === 4 ? '0.0.0.0' : '::'));
  if (!dstAddr || dstAddr.family !== spec.family) return err('EINVAL');
  let dst = formatAddr(dstAddr);
  if (spec.family === 4 && !prefixIsMasked(dst, spec.dstLen, 4)) return err('EINVAL', 'Invalid prefix for given prefix length');
  // an IPv4 table is made once the prefix is found valid (fib_new_table), an IPv6 one before the
  // next hop is checked (fib6_new_table): a request that fails after that leaves it, empty
  if (spec.family === 4) ensureTable(s, 4, spec.table || TABLE.MAIN);
  if (spec.family === 6) dst = formatAddr(maskAddr(dstAddr, spec.dstLen));
  const r: Route = {
    family: spec.family, table: spec.table || TABLE.MAIN, type: spec.type || RTN.UNICAST, protocol: spec.protocol, scope: spec.scope,
    tos: spec.tos, flags: spec.flags & RTNH_F.ONLINK, dst, dstLen: spec.dstLen,
    // IPv6 takes metric 0 for the default, 1024 (IP6_RT_PRIO_USER)
    priority: spec.priority || (spec.family === 6 ? 1024 : 0),
  };
  // (an IPv4 gateway of 0.0.0.0 is none: fc_gw4 stays zero)
  if (spec.gateway !== undefined && !(spec.family === 4 && spec.gateway === '0.0.0.0')) r.gateway = spec.gateway;
  if (spec.prefsrc !== undefined) r.prefsrc = spec.prefsrc;
  if (spec.family === 6) r.pref = spec.pref ?? 0;
  if (spec.metrics) {
    // ip_metrics_convert: an unknown congestion algorithm is refused; a metric of 0 is not kept
    if (spec.metrics[RTAX.CC_ALGO] === -1) return err('EINVAL', 'Unknown tcp congestion algorithm');
    const kept = Object.entries(spec.metrics).filter(([, v]) => v !== 0);
    if (kept.length > 0) r.metrics = Object.fromEntries(kept) as Record<number, number>;
  }
  if (spec.metricLocks) r.metricLocks = spec.metricLocks;
  if (spec.family === 4 && spec.flow) r.flow = spec.flow >>> 0;
  if (spec.family === 6 && spec.expires !== undefined) r.expiresAt = now + spec.expires * 1000;
  if (spec.family === 6) ensureTable(s, 6, r.table);
  if (spec.family === 4) {
    const e = checkScope4(r);
    if (e) return e;
  }
  if (isErrorType(r.type) || (spec.family === 4 && (r.type === RTN.NAT || r.type === RTN.XRESOLVE))) {
    if (spec.family === 4 && (spec.gateway !== undefined || spec.oif !== undefined || spec.multipath)) {
      return err('EINVAL', 'Gateway, device and multipath can not be specified for this route type');
    }
    // IPv6 reject routes hang off the loopback device
    if (spec.family === 6) r.oif = loopbackIndex(s);
  } else if (spec.family === 4 && spec.multipath) {
    const e = checkMultipath4(s, r, spec, spec.multipath);
    if (e) return e;
  } else if (spec.family === 4) {
    const res = checkNexthop4(s, r, r.gateway, r.flags, spec.oif);
    if (isNetError(res)) return res;
    r.oif = res.oif;
    if (res.local) r.gatewayLocal = true;
  } else {
    const oif = checkNexthop6(s, r, spec);
    if (typeof oif !== 'number') return oif;
    r.oif = oif;
  }
  if (spec.family === 4 && r.prefsrc !== undefined) {
    const ps = parseAddr(r.prefsrc);
    const selfRoute = r.type === RTN.LOCAL && r.prefsrc === r.dst;
    if (!ps || (!selfRoute && !isLocal4(s, ps))) return err('EINVAL', 'Invalid prefsrc address');
  }
  if (spec.family === 6 && r.prefsrc !== undefined && !isLocal6On(s, r.prefsrc, r.oif)) return err('EINVAL', 'Invalid source address');
  return insertRoute(s, r, nl);
}

/** RTM_DELROUTE. */
export function delRoute(s: NetState, spec: RouteSpec): NetError | null {
  if (spec.nhid !== undefined && (spec.gateway !== undefined || spec.oif !== undefined || spec.multipath)) return err('EINVAL', 'Nexthop specification and nexthop id are mutually exclusive');
  const max = spec.family === 4 ? 32 : 128;
  if (spec.dstLen > max) return err('EINVAL');
  const dstAddr = parseAddr(spec.dst ?? (spec.family === 4 ? '0.0.0.0' : '::'));
  if (!dstAddr) return err('EINVAL');
  let dst = formatAddr(dstAddr);
  if (spec.family === 4 && !prefixIsMasked(dst, spec.dstLen, 4)) return err('EINVAL', 'Invalid prefix for given prefix length');
  if (spec.family === 6) dst = formatAddr(maskAddr(dstAddr, spec.dstLen));
  const table = spec.table || TABLE.MAIN;
  if (!s.tables[spec.family].includes(table)) return err('ESRCH', 'FIB table does not exist');
  const found = findForDelete(s, {
    family: spec.family, table, dst, dstLen: spec.dstLen, tos: spec.tos, type: spec.type, protocol: spec.protocol,
    scope: spec.scope, gateway: spec.gateway, oif: spec.oif, prefsrc: spec.prefsrc, priority: spec.priority,
    ...(spec.multipath ? { multipath: spec.multipath } : {}),
  });
  // a request naming a nexthop object matches only a route that goes by it
  const r = spec.nhid !== undefined && found?.nhid !== spec.nhid ? undefined : found;
  // (IPv6 finds the tree's root for ::/0, whose only entry is the null route)
  if (!r) {
    const bareRoot = spec.family === 6 && spec.dstLen === 0 && !s.routes.some((o) => o.family === 6 && o.table === table && o.dstLen === 0);
    return err(bareRoot ? 'ENOENT' : 'ESRCH');
  }
  // an IPv6 request naming no next hop removes a multipath route's siblings with it
  const doomed = spec.family === 6 && spec.gateway === undefined && spec.oif === undefined && r.gateway !== undefined
    ? s.routes.filter((o) => isSibling6(o, r)) : [r];
  s.routes = s.routes.filter((o) => !doomed.includes(o));
  return null;
}

/** IPv6 ECMP siblings: gateway routes of one prefix, table and metric (rt6_qualify_for_ecmp). */
export function isSibling6(a: Route, b: Route): boolean {
  return a.family === 6 && b.family === 6 && a.table === b.table && a.dst === b.dst && a.dstLen === b.dstLen &&
    a.priority === b.priority && a.type === RTN.UNICAST && b.type === RTN.UNICAST &&
    a.gateway !== undefined && b.gateway !== undefined && a.protocol !== RTPROT_RA && b.protocol !== RTPROT_RA;
}

/** Routes learnt from router advertisements (RTF_ADDRCONF) never form multipath groups. */
const RTPROT_RA = 9;

/** The RTNH_F flags of a next hop as dumped: dead with its device down, linkdown without carrier. */
function nexthopFlags(s: NetState, oif: number | undefined, flags: number): number {
  const dev = oif !== undefined ? linkByIndex(s, oif) : undefined;
  let f = flags;
  if (dev && !isUp(dev)) f |= RTNH_F.DEAD | RTNH_F.LINKDOWN;
  else if (dev && !dev.carrier) f |= RTNH_F.LINKDOWN;
  return f;
}

/** The RTA_MULTIPATH of a route: its own next hops (IPv4) or it and its siblings (IPv6). */
function multipathOf(s: NetState, hops: { gateway?: string; oif?: number; weight?: number; flags: number }[]): NexthopMsg[] {
  return hops.map((h) => {
    const m: NexthopMsg = { weight: h.weight ?? 1, flags: nexthopFlags(s, h.oif, h.flags) };
    if (h.gateway !== undefined) m.gateway = h.gateway;
    if (h.oif !== undefined) m.oif = h.oif;
    return m;
  });
}

/** An IPv6 multipath dump message: the first sibling's attributes, every sibling as a next hop. */
export function multipathMsg6(s: NetState, group: Route[], now: number): RouteMsg {
  const m = routeMsg(s, group[0]!, now);
  delete m.gateway;
  delete m.oif;
  m.flags &= ~RTNH_F.LINKDOWN;
  m.multipath = multipathOf(s, group.map((r) => ({ gateway: r.gateway, oif: r.oif, weight: r.weight, flags: r.flags & RTNH_F.ONLINK })));
  return m;
}

export function routeMsg(s: NetState, r: Route, now: number): RouteMsg {
  const m: RouteMsg = {
    family: r.family, table: r.table, type: r.type, protocol: r.protocol, scope: r.scope, tos: r.tos,
    flags: r.flags, dstLen: r.dstLen, srcLen: 0,
  };
  if (r.dstLen > 0) m.dst = r.dst;
  if (r.nhid !== undefined) m.nhid = r.nhid;
  if (r.gateway !== undefined) m.gateway = r.gateway;
  if (r.oif !== undefined) {
    m.oif = r.oif;
    const dev = linkByIndex(s, r.oif);
    // (an IPv4 host-scope route's next hop is never checked nor synced: no linkdown)
    if (dev && isUp(dev) && !dev.carrier && r.type !== RTN.LOCAL && !(r.family === 4 && r.scope === SCOPE.HOST)) m.flags |= RTNH_F.LINKDOWN;
  }
  if (r.nexthops) {
    m.multipath = multipathOf(s, r.nexthops);
    if (m.multipath.every((h) => h.flags & RTNH_F.LINKDOWN)) m.flags |= RTNH_F.LINKDOWN;
  }
  if (r.prefsrc !== undefined) m.prefsrc = r.prefsrc;
  if (r.family === 6 || r.priority !== 0) m.priority = r.priority;
  if (r.pref !== undefined) m.pref = r.pref;
  if (r.metrics) m.metrics = { ...r.metrics };
  if (r.metricLocks) m.metricLocks = r.metricLocks;
  if (r.flow) m.flow = r.flow;
  // the kernel reports the time left in clock ticks, and ip whole seconds of it: both round
  // down, and some time has always passed since another process asked for the route
  if (r.expiresAt !== undefined) m.expires = Math.max(0, Math.floor((r.expiresAt - now - 1) / 1000));
  return m;
}

/** inet_select_addr: a primary address of the device, one in the gateway's subnet first. */
export function selectSource4(s: NetState, ifindex: number, near: IpAddr | undefined, scope: number): string | undefined {
  let pick: string | undefined;
  for (const a of s.addrs) {
    if (a.family !== 4 || a.ifindex !== ifindex || a.flags & 0x01 || a.scope > scope) continue;
    if (!near || samePrefix(parseAddr(a.address) ?? near, near, a.prefixlen)) return a.local;
    pick ??= a.local;
  }
  if (pick) return pick;
  return s.addrs.find((a) => a.family === 4 && !(a.flags & 0x01) && a.scope !== SCOPE.LINK && a.scope <= scope)?.local;
}

/** RFC 6724's default policy table: the label of an address (longest prefix first). */
const LABELS6: readonly [string, number, number][] = [
  ['::1', 128, 0],
  ['::ffff:0:0', 96, 4],
  ['::', 96, 3],
  ['2001::', 32, 5],
  ['2002::', 16, 2],
  ['3ffe::', 16, 12],
  ['fec0::', 10, 11],
  ['fc00::', 7, 13],
  ['::', 0, 1],
];

function label6(a: IpAddr): number {
  for (const [p, len, label] of LABELS6) if (samePrefix(a, parseAddr(p)!, len)) return label;
  return 1;
}

/** The IPv6 scope value (node 1, link 2, global 14) of a route scope. */
function scope6(text: string): number {
  // a multicast address carries its scope in the low nibble of its second byte
  const b = parseAddr(text)?.bytes;
  if (b && b[0] === 0xff) return b[1]! & 0x0f;
  const sc = ipv6Scope(text);
  return sc === SCOPE.HOST ? 1 : sc === SCOPE.LINK ? 2 : sc === SCOPE.SITE ? 5 : 14;
}

function commonBits(a: IpAddr, b: IpAddr): number {
  let n = 0;
  for (let i = 0; i < a.bytes.length; i++) {
    const x = a.bytes[i]! ^ b.bytes[i]!;
    if (x === 0) {
      n += 8;
      continue;
    }
    return n + Math.clz32(x) - 24;
  }
  return n;
}

/** ipv6_dev_get_saddr: the device's addresses ranked by RFC 6724's rules 1, 2, 6 and 8; ties keep list order. */
function selectSource6(s: NetState, ifindex: number, dst: string): string | undefined {
  const mine = s.addrs.filter((a) => a.family === 6 && a.ifindex === ifindex);
  const d = parseAddr(dst);
  if (!d) return mine[0]?.local;
  const dScope = scope6(dst);
  const dLabel = label6(d);
  const score = (text: string, prefixlen: number): number[] => {
    const a = parseAddr(text);
    if (!a) return [0, -999, 0, 0];
    const sc = scope6(text);
    return [
      formatAddr(a) === formatAddr(d) ? 1 : 0,
      sc >= dScope ? -sc : sc - 128,
      label6(a) === dLabel ? 1 : 0,
      Math.min(commonBits(a, d), prefixlen),
    ];
  };
  let best: { local: string; sc: number[] } | undefined;
  for (const a of mine) {
    const sc = score(a.local, a.prefixlen);
    if (!best) {
      best = { local: a.local, sc };
      continue;
    }
    const i = sc.findIndex((v, k) => v !== best!.sc[k]);
    if (i >= 0 && sc[i]! > best.sc[i]!) best = { local: a.local, sc };
  }
  return best?.local;
}

/** The error of a reject route (fib_props for IPv4, fib6_prop for IPv6: the same for these types). */
function rejectErrno(type: number): NetError {
  if (type === RTN.PROHIBIT) return err('EACCES');
  if (type === RTN.BLACKHOLE) return err('EINVAL');
  if (type === RTN.UNREACHABLE) return err('EHOSTUNREACH');
  return err('ENETUNREACH');
}

/** RTM_GETROUTE for one destination. */
export function getRoute(s: NetState, q: RouteGet, uid: number, now: number, rules: readonly FibRule[] = [], ruled4 = false, sysctl?: (key: string) => string | undefined): RouteMsg | NetError {
  const dst = parseAddr(q.dst);
  if (!dst) return err('EINVAL');
  // IPv4 looks up through the rules (naming the table it found the route in) from the first
  // rule added or deleted on (fib_has_custom_rules), even once only the default ones are left
  const byRules = (family: 4 | 6): boolean => hasCustomRules(rules, family) || (family === 4 && ruled4);
  if (q.iif !== undefined && q.family === 4 && !q.fibMatch) {
    const find = (): { route?: Route; table?: number } => {
      if (!(policy && byRules(4))) return { route: lookup(s, dst, {}) };
      const src = q.src !== undefined ? parseAddr(q.src) : undefined;
      const res = policy.policyLookup(s, rules, { dst, iif: linkByIndex(s, q.iif!)?.name ?? '', mark: q.mark ?? 0, tos: 0, uid, ...(src ? { src } : {}) });
      return isNetError(res) ? {} : res;
    };
    // (the input path's code is in the late chunk, loaded before any route query)
    const late = lateOps();
    if (late) return late.inputRoute4(s, q, dst, find, sysctl);
  }
  if (q.family === 4 && q.iif === undefined && q.src === undefined && q.oif === undefined && !q.fibMatch && isZero(dst)) {
    const late = lateOps();
    if (late) return late.toSelf4(s, q, uid);
  }
  if (q.src !== undefined && q.family === 4) {
    const src = parseAddr(q.src);
    if (!src || !isLocal4(s, src)) return err('ENETUNREACH');
  }
  if (q.oif !== undefined) {
    const dev = linkByIndex(s, q.oif);
    if (!dev) return err('ENODEV');
    if (!isUp(dev)) return err('ENETUNREACH');
  }
  let matched: Route | undefined;
  // with rules of the administrator's, the lookup goes table by table and names the table
  let table: number | undefined;
  if (policy && byRules(q.family)) {
    const flow = {
      dst, iif: q.iif !== undefined ? linkByIndex(s, q.iif)?.name ?? '' : 'lo', mark: q.mark ?? 0, tos: 0, uid,
      ...(q.src !== undefined && parseAddr(q.src) ? { src: parseAddr(q.src)! } : {}), ...(q.oif !== undefined ? { oif: q.oif } : {}),
    };
    const res = policy.policyLookup(s, rules, flow);
    if (isNetError(res)) {
      // with a device named, no route means the destination is taken as on link (below)
      if (!(q.oif !== undefined && res.errno === 'ENETUNREACH')) return res;
    } else {
      matched = res.route;
      table = res.table;
    }
  } else {
    matched = lookup(s, dst, { oif: q.oif });
  }
  const found = matched?.nexthops ? selectNexthop(s, matched, q.oif) : matched;
  if (q.fibMatch) {
    if (!matched) return err('ENETUNREACH');
    // the lookup itself fails on an unreachable, prohibit, blackhole or throw route
    if (isErrorType(matched.type)) return rejectErrno(matched.type);
    const m = routeMsg(s, matched, now);
    // IPv4 keeps local and main in one trie and reports the lookup as made in main
    if (q.family === 4) m.table = table ?? TABLE.MAIN;
    return m;
  }
  // forwarding is off (net.ipv4.ip_forward=0): only local destinations are reachable from another interface
  if (q.iif !== undefined && q.family === 4 && !(found && found.type === RTN.LOCAL)) return err('EHOSTUNREACH');
  if (found && isErrorType(found.type)) return rejectErrno(found.type);
  const base: RouteMsg = { family: q.family, table: TABLE.MAIN, type: RTN.UNICAST, protocol: 0, scope: 0, tos: 0, flags: 0, dst: q.dst, dstLen: q.family === 4 ? 32 : 128, srcLen: 0 };
  if (table !== undefined) base.table = table;
  if (q.family === 6) return getRoute6(s, q, found, base);
  base.flags = RTM_F_CLONED;
  if (q.mark) base.mark = q.mark;
  base.uid = uid;
  if (q.src !== undefined) {
    base.src = q.src;
    base.srcLen = 32;
  }
  if (isIPv4Multicast(dst)) {
    const late = lateOps();
    if (late) return late.multicastOutput4(s, q, found, base);
  }
  if (!found) {
    // no route through the requested device: the kernel assumes the destination is on link
    if (q.oif === undefined) return err('ENETUNREACH');
    base.oif = q.oif;
    if (q.oif === loopbackIndex(s)) base.flags = (base.flags | RTCF.LOCAL) >>> 0;
    const src = q.src ?? selectSource4(s, q.oif, undefined, SCOPE.LINK);
    if (src !== undefined && q.src === undefined) base.prefsrc = src;
    return base;
  }
  if (found.type === RTN.LOCAL) {
    base.type = RTN.LOCAL;
    base.oif = loopbackIndex(s);
    base.flags = (base.flags | RTCF.LOCAL) >>> 0;
    if (q.src === undefined) base.prefsrc = found.prefsrc ?? q.dst;
    return base;
  }
  base.oif = found.oif;
  // __mkroute_output: whatever leaves by the loopback device is delivered here (cache <local>)
  if (found.oif !== undefined && found.oif === loopbackIndex(s)) base.flags = (base.flags | RTCF.LOCAL) >>> 0;
  if (found.flow) base.flow = found.flow;
  // the cached route carries the route's metrics (mtu, advmss, ...)
  if (found.metrics) base.metrics = { ...found.metrics };
  if (found.metricLocks) base.metricLocks = found.metricLocks;
  // the limited broadcast address leaves by the route's device as a broadcast, without gateway
  const limited = q.dst === '255.255.255.255';
  if (found.type === RTN.BROADCAST || limited) {
    base.type = RTN.BROADCAST;
    base.flags = (base.flags | RTCF.LOCAL | RTCF.BROADCAST) >>> 0;
  }
  const gateway = limited ? undefined : found.gateway;
  if (gateway !== undefined && found.type === RTN.UNICAST && !found.gatewayLocal) base.gateway = gateway;
  if (q.src === undefined && found.oif !== undefined) {
    const near = gateway !== undefined ? parseAddr(gateway) ?? undefined : undefined;
    // fib_result_prefsrc: an address no wider in scope than the route (a link-scope route to lo
    // takes 10.9.0.1 over 127.0.0.1, whose scope is host)
    const src = found.prefsrc ?? selectSource4(s, found.oif, near, limited ? SCOPE.LINK : found.scope);
    if (src !== undefined) base.prefsrc = src;
  }
  return base;
}

/**
 * fib_select_multipath: the path a flow takes. The kernel hashes the flow with a boot-time
 * key; here the first usable next hop (the one on the requested device, if any) carries it.
 */
function selectNexthop(s: NetState, r: Route, oif: number | undefined): Route {
  const hops = r.nexthops!;
  const alive = (h: Nexthop): boolean => {
    const dev = linkByIndex(s, h.oif);
    return dev !== undefined && isUp(dev);
  };
  const nh = hops.find((h) => (oif === undefined || h.oif === oif) && alive(h)) ?? hops[0]!;
  const { nexthops: _n, ...rest } = r;
  const out: Route = { ...rest, oif: nh.oif };
  if (nh.gateway !== undefined) out.gateway = nh.gateway;
  if (nh.local) out.gatewayLocal = true;
  return out;
}

function getRoute6(s: NetState, q: RouteGet, found: Route | undefined, base: RouteMsg): RouteMsg | NetError {
  if (!found) return err('ENETUNREACH');
  const late = lateOps();
  if (q.iif !== undefined && late) return late.inputRoute6(s, q, found, base);
  const m: RouteMsg = { ...base, table: found.table, type: found.type, protocol: found.protocol, scope: found.scope, priority: found.priority, pref: found.pref ?? 0 };
  m.src = q.src ?? '::';
  m.srcLen = 128;
  if (found.gateway !== undefined) m.gateway = found.gateway;
  if (found.metrics) m.metrics = { ...found.metrics };
  if (found.metricLocks) m.metricLocks = found.metricLocks;
  if (found.oif !== undefined) m.oif = found.type === RTN.LOCAL ? loopbackIndex(s) : found.oif;
  const src = found.type === RTN.LOCAL ? q.dst : found.oif !== undefined ? selectSource6(s, found.oif, q.dst) : undefined;
  if (found.prefsrc !== undefined) m.prefsrc = found.prefsrc;
  else if (src !== undefined) m.prefsrc = src;
  return m;
}
