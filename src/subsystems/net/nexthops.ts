// Nexthop objects (`ip nexthop`, net/ipv4/nexthop.c): a next hop, a blackhole or a group of
// them, kept by id, which routes name with `nhid`. A route going by one carries a copy of its
// next hop(s) for lookups; replacing an object brings its routes up to date, deleting it takes
// them away, and a member deleted leaves its groups (a group left empty goes too). A device
// going down takes the objects that use it.
import { isNetError, RTN, RTNH_F, SCOPE, TABLE, type NetError, type NhMsg, type NhSpec, type NlFlags, type RouteSpec } from '../../shared/services/net';
import { err } from './fib';
import { isUp } from './links';
import { addRoute, checkNexthop4, checkNexthop6, loopbackIndex } from './route-ops';
import { linkByIndex, type NetState, type Nexthop, type Route } from './state';

function objects(s: NetState): NhMsg[] {
  return (s.nhs ??= []);
}

export function nexthopById(s: NetState, id: number): NhMsg | undefined {
  return s.nhs?.find((n) => n.id === id);
}

/** A dump: every object, by id. */
export function nexthopList(s: NetState): NhMsg[] {
  return (s.nhs ?? []).map((n) => ({ ...n, ...(n.group ? { group: n.group.map((m) => ({ ...m })) } : {}) }));
}

/** rtm_to_nh_config and the checks of nh_create_group / nh_create: the object, or why not. */
function build(s: NetState, spec: NhSpec, id: number): NhMsg | NetError {
  const base = { id, protocol: spec.protocol, flags: 0 };
  if (spec.group) {
    if (spec.family !== 0) return err('EINVAL', 'Invalid family for group');
    const g = spec.group;
    if (g.some((m, i) => g.findIndex((o) => o.id === m.id) !== i)) return err('EINVAL', 'Nexthop id can not be used twice in a group');
    for (const m of g) {
      const nh = nexthopById(s, m.id);
      if (!nh) return err('EINVAL', 'Invalid nexthop id');
      if (nh.group) return err('EINVAL', `${nh.resilient ? 'Resilient' : 'Hash-threshold'} group can not be a nexthop within a group`);
      if (nh.blackhole && g.length > 1) return err('EINVAL', 'Blackhole nexthop can not be used in a group with more than 1 path');
    }
    return { ...base, family: 0, scope: SCOPE.UNIVERSE, group: g.map((m) => ({ ...m })), ...(spec.resilient ? { resilient: { ...spec.resilient } } : {}) };
  }
  if (spec.family !== 4 && spec.family !== 6) return err('EINVAL', 'Invalid address family');
  if (spec.blackhole) {
    if (spec.gateway !== undefined || spec.oif !== undefined || spec.encap || spec.fdb) return err('EINVAL', 'Blackhole attribute can not be used with gateway, oif, encap or fdb');
    return { ...base, family: spec.family, scope: SCOPE.UNIVERSE, blackhole: true };
  }
  if (spec.fdb) {
    if (spec.oif !== undefined || spec.encap) return err('EINVAL', 'Fdb attribute can not be used with encap, oif or blackhole');
    return { ...base, family: spec.family, scope: SCOPE.LINK, fdb: true, ...(spec.gateway !== undefined ? { gateway: spec.gateway } : {}) };
  }
  if (spec.oif === undefined) return err('EINVAL', 'Device attribute required for non-blackhole and non-fdb nexthops');
  if (spec.flags & RTNH_F.ONLINK && spec.gateway === undefined) return err('EINVAL', 'ONLINK flag can not be set for nexthop without a gateway');
  if (spec.encap) return err('EINVAL', 'lwt encapsulation type not supported');
  const dev = linkByIndex(s, spec.oif);
  if (!dev) return err('ENODEV');
  if (!isUp(dev)) return err('ENETDOWN', 'Nexthop device is not up');
  if (!dev.carrier) return err('ENETDOWN', 'Carrier for nexthop device is down');
  const flags = spec.flags & RTNH_F.ONLINK;
  const nh: NhMsg = { ...base, family: spec.family, scope: SCOPE.LINK, flags, oif: spec.oif };
  if (spec.gateway !== undefined) nh.gateway = spec.gateway;
  // the next hop is checked as a route's would be (a universe-scope route of the main table)
  const probe: Route = { family: spec.family, table: TABLE.MAIN, type: RTN.UNICAST, protocol: 0, scope: SCOPE.UNIVERSE, tos: 0, flags, dst: '', dstLen: 0, priority: 0 };
  if (spec.family === 6) {
    const r = checkNexthop6(s, { ...probe, ...(spec.gateway !== undefined ? { gateway: spec.gateway } : {}) }, { oif: spec.oif } as RouteSpec);
    return typeof r === 'number' ? nh : r;
  }
  const r = checkNexthop4(s, probe, spec.gateway, flags, spec.oif);
  if (isNetError(r)) return r;
  // a device alone, or a gateway that is this host's own address: host scope
  if (spec.gateway === undefined || r.local) nh.scope = SCOPE.HOST;
  return nh;
}

/** nh_find_unused_id: the ids after the last one picked, skipping those taken. */
function unusedId(s: NetState): number {
  let id = s.lastNhId ?? 0;
  do id = (id + 1) % 2 ** 32;
  while (id === 0 || nexthopById(s, id));
  s.lastNhId = id;
  return id;
}

/** RTM_NEWNEXTHOP. */
export function addNexthop(s: NetState, spec: NhSpec, nl: NlFlags): NetError | null {
  const old = spec.id ? nexthopById(s, spec.id) : undefined;
  if (old && (nl.excl || !nl.replace)) return err('EEXIST');
  if (!old && !nl.create) return err('ENOENT');
  const nh = build(s, spec, spec.id || 0);
  if (isNetError(nh)) return nh;
  if (old) {
    if (old.group && !nh.group) return err('EINVAL', 'Can not replace a nexthop group with a nexthop');
    if (!old.group && nh.group) return err('EINVAL', 'Can not replace a nexthop with a nexthop group');
    if (nh.blackhole && objects(s).some((g) => g.group && g.group.length > 1 && g.group.some((m) => m.id === old.id))) {
      return err('EINVAL', 'Blackhole nexthop can not be a member of a group with more than one path');
    }
    const list = objects(s);
    list[list.indexOf(old)] = nh;
    resolveRoutes(s, affected(s, [old.id]));
    return null;
  }
  if (!nh.id) nh.id = unusedId(s);
  const list = objects(s);
  const at = list.findIndex((n) => n.id > nh.id);
  list.splice(at < 0 ? list.length : at, 0, nh);
  return null;
}

/** The ids whose routes change with these objects: themselves and the groups holding them. */
function affected(s: NetState, ids: number[]): Set<number> {
  const out = new Set(ids);
  for (const g of s.nhs ?? []) if (g.group?.some((m) => out.has(m.id))) out.add(g.id);
  return out;
}

/** remove_nexthop: the object goes, with its routes; groups lose it as a member. */
function remove(s: NetState, ids: Set<number>): void {
  const groupsHit = new Set<number>();
  const gone = new Set(ids);
  for (const g of s.nhs ?? []) {
    if (!g.group || gone.has(g.id)) continue;
    const left = g.group.filter((m) => !gone.has(m.id));
    if (left.length === g.group.length) continue;
    g.group = left;
    if (left.length === 0) gone.add(g.id);
    else groupsHit.add(g.id);
  }
  s.nhs = (s.nhs ?? []).filter((n) => !gone.has(n.id));
  s.routes = s.routes.filter((r) => r.nhid === undefined || !gone.has(r.nhid));
  resolveRoutes(s, groupsHit);
}

/** RTM_DELNEXTHOP. */
export function delNexthop(s: NetState, id: number): NetError | null {
  if (!id) return err('EINVAL', 'Nexthop id is missing');
  if (!nexthopById(s, id)) return err('ENOENT');
  remove(s, new Set([id]));
  return null;
}

/** nexthop_flush_dev: a device going down takes the objects that go through it. */
export function flushDeviceNexthops(s: NetState, ifindex: number): void {
  const ids = (s.nhs ?? []).filter((n) => n.oif === ifindex).map((n) => n.id);
  if (ids.length) remove(s, new Set(ids));
}

/** One member of a group (or a lone object) as a route's next hop. */
function hopOf(nh: NhMsg, weight: number): Nexthop {
  const h: Nexthop = { oif: nh.oif ?? 0, weight, flags: nh.flags };
  if (nh.gateway !== undefined) h.gateway = nh.gateway;
  if (nh.scope === SCOPE.HOST && nh.gateway !== undefined) h.local = true;
  return h;
}

/** Copies the object's next hop(s) into a route that goes by it. */
function applyTo(s: NetState, r: Route, nh: NhMsg): void {
  delete r.gateway;
  delete r.oif;
  delete r.nexthops;
  delete r.gatewayLocal;
  r.flags &= ~RTNH_F.ONLINK;
  r.nhid = nh.id;
  const members = nh.group ? nh.group.map((m) => ({ nh: nexthopById(s, m.id)!, weight: m.weight })) : [{ nh, weight: 1 }];
  if (members.length === 1 && members[0]!.nh.blackhole) {
    // a blackhole object hangs off the loopback device
    r.type = RTN.BLACKHOLE;
    r.oif = loopbackIndex(s);
    return;
  }
  if (r.type === RTN.BLACKHOLE) r.type = RTN.UNICAST;
  const hops = members.map((m) => hopOf(m.nh, m.weight));
  if (hops.length > 1) {
    r.nexthops = hops;
    return;
  }
  const h = hops[0]!;
  r.oif = h.oif;
  if (h.gateway !== undefined) r.gateway = h.gateway;
  if (h.local) r.gatewayLocal = true;
  r.flags |= h.flags;
}

function resolveRoutes(s: NetState, ids: Set<number>): void {
  for (const r of s.routes) {
    const nh = r.nhid !== undefined && ids.has(r.nhid) ? nexthopById(s, r.nhid) : undefined;
    if (nh) applyTo(s, r, nh);
  }
}

/** A route with `nhid`: the object must exist and be the route's only next hop information. */
export function addNhidRoute(s: NetState, spec: RouteSpec, nl: NlFlags, now: number): NetError | null {
  if (spec.gateway !== undefined || spec.oif !== undefined || spec.multipath) return err('EINVAL', 'Nexthop specification and nexthop id are mutually exclusive');
  const nh = nexthopById(s, spec.nhid!);
  if (!nh) return err('EINVAL', 'Nexthop id does not exist');
  const members = nh.group ? nh.group.map((m) => nexthopById(s, m.id)!) : [nh];
  if (spec.family === 6 && members.some((m) => m.family === 4 && !m.blackhole)) return err('EINVAL', 'IPv6 routes can not use an IPv4 nexthop');
  const probe: Route = { family: spec.family, table: 0, type: RTN.UNICAST, protocol: 0, scope: 0, tos: 0, flags: 0, dst: '', dstLen: 0, priority: 0 };
  applyTo(s, probe, nh);
  const { nhid: _n, ...rest } = spec;
  const plain: RouteSpec = { ...rest, type: probe.type === RTN.BLACKHOLE ? RTN.BLACKHOLE : spec.type, flags: spec.flags | (probe.flags & RTNH_F.ONLINK) };
  if (probe.type !== RTN.BLACKHOLE) {
    // (an IPv6 route by a group is one route, not siblings: its first path is checked here)
    if (probe.nexthops && spec.family === 6) {
      const h = probe.nexthops[0]!;
      if (h.gateway !== undefined) plain.gateway = h.gateway;
      plain.oif = h.oif;
    } else if (probe.nexthops) plain.multipath = probe.nexthops.map((h) => ({ ...(h.gateway !== undefined ? { gateway: h.gateway } : {}), oif: h.oif, weight: h.weight, flags: h.flags }));
    else {
      if (probe.gateway !== undefined) plain.gateway = probe.gateway;
      plain.oif = probe.oif;
    }
  }
  const before = new Set(s.routes);
  const e = addRoute(s, plain, nl, now);
  if (e) return e;
  for (const r of s.routes) if (!before.has(r)) applyTo(s, r, nh);
  return null;
}
