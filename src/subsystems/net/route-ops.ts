// Route requests: the checks fib_create_info and fib_check_nh make before a route is added,
// deletion, the messages routes are dumped as, and `ip route get` (an output route lookup
// with the source address inet_select_addr would pick).
import { RTCF, RTN, RTNH_F, SCOPE, TABLE, type NetError, type NlFlags, type RouteGet, type RouteMsg, type RouteSpec } from '../../shared/services/net';
import { formatAddr, isIPv4Multicast, isZero, maskAddr, parseAddr, samePrefix, type IpAddr } from '../../shared/services/net-addr';
import { ipv6Scope } from './addresses';
import { err, findForDelete, insertRoute, isErrorType, lookup, prefixIsMasked } from './fib';
import { isUp } from './links';
import { linkByIndex, type NetState, type Route } from './state';

const RTM_F_CLONED = 0x200;

/** inet_addr_type_table(.., local table) == RTN_LOCAL: the address is one of this host's. */
function isLocal4(s: NetState, a: IpAddr): boolean {
  return s.routes.some((r) => r.family === 4 && r.table === TABLE.LOCAL && r.type === RTN.LOCAL && samePrefix(parseAddr(r.dst) ?? a, a, r.dstLen));
}

/** Resolves the next hop of a new IPv4 route; returns the output device or an error. */
function checkNexthop4(s: NetState, r: Route, spec: RouteSpec): number | NetError {
  if (r.gateway === undefined) {
    if (spec.oif === undefined) return err('ENODEV');
    const dev = linkByIndex(s, spec.oif);
    if (!dev) return err('ENODEV');
    if (r.scope !== SCOPE.HOST && !isUp(dev)) return err('ENETDOWN', 'Device for nexthop is not up');
    return dev.ifindex;
  }
  if (r.scope === SCOPE.HOST) return err('EINVAL', 'Route with host scope can not have a gateway');
  const gw = parseAddr(r.gateway)!;
  if (r.flags & RTNH_F.ONLINK) {
    if (spec.oif === undefined) return err('EINVAL', 'Nexthop device required for onlink');
    const dev = linkByIndex(s, spec.oif);
    if (!dev) return err('ENODEV');
    if (!isUp(dev)) return err('ENETDOWN', 'Nexthop device is not up');
    if (isZero(gw) || isIPv4Multicast(gw)) return err('EINVAL', 'Nexthop has invalid gateway');
    return dev.ifindex;
  }
  const minScope = Math.max(r.scope + 1, SCOPE.LINK);
  const table = r.table !== TABLE.MAIN ? r.table : undefined;
  const found = (table !== undefined ? lookup(s, gw, { oif: spec.oif, minScope, table }) : undefined) ?? lookup(s, gw, { oif: spec.oif, minScope });
  // a failed lookup keeps its ENETUNREACH (route(8) shows it); a wrong route type is EINVAL
  if (!found) return err('ENETUNREACH', 'Nexthop has invalid gateway');
  if ((found.type !== RTN.UNICAST && found.type !== RTN.LOCAL) || found.oif === undefined) {
    return err('EINVAL', 'Nexthop has invalid gateway');
  }
  const dev = linkByIndex(s, found.oif);
  if (!dev || !isUp(dev)) return err('ENETDOWN');
  return dev.ifindex;
}

function checkNexthop6(s: NetState, r: Route, spec: RouteSpec): number | NetError {
  if (r.gateway === undefined) {
    if (spec.oif === undefined) return err('ENODEV');
    return linkByIndex(s, spec.oif) ? spec.oif : err('ENODEV');
  }
  const gw = parseAddr(r.gateway)!;
  if (ipv6Scope(r.gateway) === SCOPE.LINK) {
    if (spec.oif === undefined) return err('EINVAL', 'Egress device not specified');
    return linkByIndex(s, spec.oif) ? spec.oif : err('ENODEV');
  }
  const found = lookup(s, gw, { oif: spec.oif });
  if (!found || found.gateway !== undefined || found.oif === undefined) return err('EHOSTUNREACH', 'Nexthop has invalid gateway');
  return found.oif;
}

function loopbackIndex(s: NetState): number {
  return s.links.find((l) => l.linkType === 'loopback')?.ifindex ?? 1;
}

/** RTM_NEWROUTE. */
export function addRoute(s: NetState, spec: RouteSpec, nl: NlFlags, now: number): NetError | null {
  const max = spec.family === 4 ? 32 : 128;
  if (spec.dstLen > max) return err('EINVAL');
  const dstAddr = parseAddr(spec.dst ?? (spec.family === 4 ? '0.0.0.0' : '::'));
  if (!dstAddr || dstAddr.family !== spec.family) return err('EINVAL');
  let dst = formatAddr(dstAddr);
  if (spec.family === 4 && !prefixIsMasked(dst, spec.dstLen, 4)) return err('EINVAL', 'Invalid prefix for given prefix length');
  if (spec.family === 6) dst = formatAddr(maskAddr(dstAddr, spec.dstLen));
  const r: Route = {
    family: spec.family, table: spec.table || TABLE.MAIN, type: spec.type || RTN.UNICAST, protocol: spec.protocol, scope: spec.scope,
    tos: spec.tos, flags: spec.flags & RTNH_F.ONLINK, dst, dstLen: spec.dstLen,
    priority: spec.priority ?? (spec.family === 6 ? 1024 : 0),
  };
  if (spec.gateway !== undefined) r.gateway = spec.gateway;
  if (spec.prefsrc !== undefined) r.prefsrc = spec.prefsrc;
  if (spec.family === 6) r.pref = spec.pref ?? 0;
  if (spec.metrics && Object.keys(spec.metrics).length > 0) r.metrics = { ...spec.metrics };
  if (spec.metricLocks) r.metricLocks = spec.metricLocks;
  if (spec.family === 6 && spec.expires !== undefined) r.expiresAt = now + spec.expires * 1000;
  if (isErrorType(r.type)) {
    if (spec.family === 4 && (spec.gateway !== undefined || spec.oif !== undefined)) {
      return err('EINVAL', 'Gateway, device and multipath can not be specified for this route type');
    }
    // IPv6 reject routes hang off the loopback device
    if (spec.family === 6) r.oif = loopbackIndex(s);
  } else {
    const oif = spec.family === 4 ? checkNexthop4(s, r, spec) : checkNexthop6(s, r, spec);
    if (typeof oif !== 'number') return oif;
    r.oif = oif;
  }
  if (spec.family === 4 && r.prefsrc !== undefined) {
    const ps = parseAddr(r.prefsrc);
    const selfRoute = r.type === RTN.LOCAL && r.prefsrc === r.dst;
    if (!ps || (!selfRoute && !isLocal4(s, ps))) return err('EINVAL', 'Invalid prefsrc address');
  }
  return insertRoute(s, r, nl);
}

/** RTM_DELROUTE. */
export function delRoute(s: NetState, spec: RouteSpec): NetError | null {
  const max = spec.family === 4 ? 32 : 128;
  if (spec.dstLen > max) return err('EINVAL');
  const dstAddr = parseAddr(spec.dst ?? (spec.family === 4 ? '0.0.0.0' : '::'));
  if (!dstAddr) return err('EINVAL');
  let dst = formatAddr(dstAddr);
  if (spec.family === 4 && !prefixIsMasked(dst, spec.dstLen, 4)) return err('EINVAL', 'Invalid prefix for given prefix length');
  if (spec.family === 6) dst = formatAddr(maskAddr(dstAddr, spec.dstLen));
  const table = spec.table || TABLE.MAIN;
  if (!s.tables[spec.family].includes(table)) return err('ESRCH');
  const r = findForDelete(s, {
    family: spec.family, table, dst, dstLen: spec.dstLen, tos: spec.tos, type: spec.type, protocol: spec.protocol,
    scope: spec.scope, gateway: spec.gateway, oif: spec.oif, prefsrc: spec.prefsrc, priority: spec.priority,
  });
  if (!r) return err('ESRCH');
  s.routes.splice(s.routes.indexOf(r), 1);
  return null;
}

export function routeMsg(s: NetState, r: Route, now: number): RouteMsg {
  const m: RouteMsg = {
    family: r.family, table: r.table, type: r.type, protocol: r.protocol, scope: r.scope, tos: r.tos,
    flags: r.flags, dstLen: r.dstLen, srcLen: 0,
  };
  if (r.dstLen > 0) m.dst = r.dst;
  if (r.gateway !== undefined) m.gateway = r.gateway;
  if (r.oif !== undefined) {
    m.oif = r.oif;
    const dev = linkByIndex(s, r.oif);
    if (dev && isUp(dev) && !dev.carrier && r.type !== RTN.LOCAL) m.flags |= RTNH_F.LINKDOWN;
  }
  if (r.prefsrc !== undefined) m.prefsrc = r.prefsrc;
  if (r.family === 6 || r.priority !== 0) m.priority = r.priority;
  if (r.pref !== undefined) m.pref = r.pref;
  if (r.metrics) m.metrics = { ...r.metrics };
  if (r.metricLocks) m.metricLocks = r.metricLocks;
  if (r.expiresAt !== undefined) m.expires = Math.max(0, Math.round((r.expiresAt - now) / 1000));
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
  const sc = ipv6Scope(text);
  return sc === SCOPE.HOST ? 1 : sc === SCOPE.LINK ? 2 : 14;
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

function rejectErrno(type: number, family: 4 | 6): NetError {
  if (type === RTN.PROHIBIT) return err('EACCES');
  if (type === RTN.BLACKHOLE) return err('EINVAL');
  if (type === RTN.UNREACHABLE && family === 4) return err('EHOSTUNREACH');
  return err('ENETUNREACH');
}

/** RTM_GETROUTE for one destination. */
export function getRoute(s: NetState, q: RouteGet, uid: number, now: number): RouteMsg | NetError {
  const dst = parseAddr(q.dst);
  if (!dst) return err('EINVAL');
  if (q.src !== undefined && q.family === 4) {
    const src = parseAddr(q.src);
    if (!src || !isLocal4(s, src)) return err('ENETUNREACH');
  }
  if (q.oif !== undefined) {
    const dev = linkByIndex(s, q.oif);
    if (!dev) return err('ENODEV');
    if (!isUp(dev)) return err('ENETUNREACH');
  }
  const found = lookup(s, dst, { oif: q.oif });
  if (q.fibMatch) {
    if (!found) return err('ENETUNREACH');
    const m = routeMsg(s, found, now);
    // IPv4 keeps local and main in one trie and reports the lookup as made in main
    if (q.family === 4) m.table = TABLE.MAIN;
    return m;
  }
  // forwarding is off (net.ipv4.ip_forward=0): only local destinations are reachable from another interface
  if (q.iif !== undefined && !(found && found.type === RTN.LOCAL)) return err('EHOSTUNREACH');
  if (found && isErrorType(found.type)) return rejectErrno(found.type, q.family);
  const base: RouteMsg = { family: q.family, table: TABLE.MAIN, type: RTN.UNICAST, protocol: 0, scope: 0, tos: 0, flags: 0, dst: q.dst, dstLen: q.family === 4 ? 32 : 128, srcLen: 0 };
  if (q.family === 6) return getRoute6(s, q, found, base);
  base.flags = RTM_F_CLONED;
  if (q.mark) base.mark = q.mark;
  base.uid = uid;
  if (q.src !== undefined) {
    base.src = q.src;
    base.srcLen = 32;
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
  // the limited broadcast address leaves by the route's device as a broadcast, without gateway
  const limited = q.dst === '255.255.255.255';
  if (found.type === RTN.BROADCAST || limited) {
    base.type = RTN.BROADCAST;
    base.flags = (base.flags | RTCF.LOCAL | RTCF.BROADCAST) >>> 0;
  }
  const gateway = limited ? undefined : found.gateway;
  if (gateway !== undefined && found.type === RTN.UNICAST) base.gateway = gateway;
  if (q.src === undefined && found.oif !== undefined) {
    const near = gateway !== undefined ? parseAddr(gateway) ?? undefined : undefined;
    const src = found.prefsrc ?? selectSource4(s, found.oif, near, gateway !== undefined || limited ? SCOPE.LINK : SCOPE.HOST);
    if (src !== undefined) base.prefsrc = src;
  }
  return base;
}

function getRoute6(s: NetState, q: RouteGet, found: Route | undefined, base: RouteMsg): RouteMsg | NetError {
  if (!found) return err('ENETUNREACH');
  const m: RouteMsg = { ...base, table: found.table, type: found.type, protocol: found.protocol, scope: found.scope, priority: found.priority, pref: found.pref ?? 0 };
  m.src = q.src ?? '::';
  m.srcLen = 128;
  if (found.gateway !== undefined) m.gateway = found.gateway;
  if (found.oif !== undefined) m.oif = found.type === RTN.LOCAL ? loopbackIndex(s) : found.oif;
  const src = found.type === RTN.LOCAL ? q.dst : found.oif !== undefined ? selectSource6(s, found.oif, q.dst) : undefined;
  if (found.prefsrc !== undefined) m.prefsrc = found.prefsrc;
  else if (src !== undefined) m.prefsrc = src;
  return m;
}
