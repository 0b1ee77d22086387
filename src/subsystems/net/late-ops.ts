// Code the first prompt does not need, in a chunk of its own that the net service loads before
// a route query or a request with bridge settings (route-ops' loadPolicy): the input path of
// `ip route get ... iif DEV`, and a bridge's IFLA_BR_* settings.
import { RTCF, RTN, SCOPE, TABLE, type NetError, type RouteGet, type RouteMsg } from '../../shared/services/net';
import { isIPv4Multicast, parseAddr, samePrefix, type IpAddr } from '../../shared/services/net-addr';
import { err, isErrorType, lookup } from './fib';
import { isUp } from './links';
import { isLocal4, loopbackIndex, RTM_F_CLONED, selectSource4 } from './route-ops';
import { linkByIndex, type Link, type NetState, type Route } from './state';

export { applyBridgeOpts } from './bridge-opts';

/**
 * ip_route_input_slow: `ip route get ... iif DEV` asks about a packet arriving on DEV. The
 * martian checks come first; with forwarding off only local, broadcast and joined multicast
 * destinations are delivered; with it on, the source is checked (rp_filter) and the packet
 * routed on, marked for a redirect when it leaves by the device it came in by.
 */
export function inputRoute4(s: NetState, q: RouteGet, dst: IpAddr, find: () => { route?: Route; table?: number }, sysctl?: (key: string) => string | undefined): RouteMsg | NetError {
  const src = q.src !== undefined ? parseAddr(q.src) : parseAddr('0.0.0.0');
  if (!src || src.family !== 4) return err('EINVAL');
  const all = (a: IpAddr, v: number): boolean => a.bytes.every((b) => b === v);
  const base: RouteMsg = { family: 4, table: TABLE.MAIN, type: RTN.UNICAST, protocol: 0, scope: 0, tos: 0, flags: RTM_F_CLONED, dst: q.dst, dstLen: 32, srcLen: 0, iif: q.iif! };
  if (q.src !== undefined) {
    base.src = q.src;
    base.srcLen = 32;
  }
  if (q.mark) base.mark = q.mark;
  const deliver = (type: number, flags: number): RouteMsg => ({ ...base, type, oif: loopbackIndex(s), flags: (base.flags | RTCF.LOCAL | flags) >>> 0 });
  if (isIPv4Multicast(src) || all(src, 255)) return err('EINVAL');
  const dev = linkByIndex(s, q.iif!);
  if (isIPv4Multicast(dst)) {
    // ip_route_input_mc: delivered when the device has joined the group (all-hosts while up,
    // a snooping bridge's router discovery group); no source only for 224.0.0.0/24
    const joined = dev !== undefined && joinedGroup4(dev, q.dst);
    if (!joined || src.bytes[0] === 127) return err('EINVAL');
    if (all(src, 0) && !(dst.bytes[0] === 224 && dst.bytes[1] === 0 && dst.bytes[2] === 0)) return err('EINVAL');
    return deliver(RTN.MULTICAST, RTCF.MULTICAST);
  }
  // fib_validate_source, on the way to a local delivery: a packet may not claim to come from
  // one of this host's addresses
  const spoofed = (): boolean => !all(src, 0) && isLocal4(s, src);
  if (all(dst, 255) || (all(src, 0) && all(dst, 0))) return spoofed() ? err('EINVAL') : deliver(RTN.BROADCAST, RTCF.BROADCAST);
  if (all(src, 0) || all(dst, 0)) return err('EINVAL');
  // 127/8 is martian on the wire (route_localnet off)
  if (dst.bytes[0] === 127 || src.bytes[0] === 127) return err('EINVAL');
  const { route: found, table } = find();
  // a lookup through the rules names its table
  if (table !== undefined) base.table = table;
  if (found?.type === RTN.LOCAL) return spoofed() ? err('EINVAL') : deliver(RTN.LOCAL, 0);
  if (found?.type === RTN.BROADCAST) return spoofed() ? err('EINVAL') : deliver(RTN.BROADCAST, RTCF.BROADCAST);
  // anything else is forwarded, when the device forwards (net.ipv4.conf.DEV.forwarding)
  const conf = (key: string): number => {
    const v = sysctl?.(`net.ipv4.conf.${dev?.name ?? ''}.${key}`) ?? sysctl?.(`net.ipv4.conf.default.${key}`);
    return Number(v ?? 0) || 0;
  };
  const any = (key: string): boolean => conf(key) !== 0 || Number(sysctl?.(`net.ipv4.conf.all.${key}`) ?? 0) !== 0;
  if (!dev || !sysctl || conf('forwarding') === 0) return err('EHOSTUNREACH');
  if (!found) return err('ENETUNREACH');
  // a reject route fails the lookup with its own error (fib_props)
  if (found.type === RTN.UNREACHABLE) return err('EHOSTUNREACH');
  if (found.type === RTN.PROHIBIT) return err('EACCES');
  if (found.type !== RTN.UNICAST) return err('EINVAL');
  const oif = found.oif ?? found.nexthops?.[0]?.oif;
  const gateway = found.gateway ?? found.nexthops?.[0]?.gateway;
  // a source that fails the reverse-path check is a martian (recent kernels report it as EINVAL)
  const martian = (): NetError => err('EINVAL');
  const rpf = Math.max(conf('rp_filter'), Number(sysctl('net.ipv4.conf.all.rp_filter') ?? 0) || 0);
  const redirects = any('send_redirects');
  // fib_validate_source: without reverse-path filtering (and unless it could be redirected)
  // only a source of this host's own is refused; else the way back to the source is looked up
  let onLink = false;
  if (rpf || (oif === dev.ifindex && redirects)) {
    // (a reject route fails the lookup: as no route at all)
    const found4 = lookup(s, src);
    const back = found4 && !isErrorType(found4.type) ? found4 : undefined;
    if (back) {
      if (back.type !== RTN.UNICAST) return err('EINVAL');
      const viaDev = back.oif === dev.ifindex || !!back.nexthops?.some((h) => h.oif === dev.ifindex);
      if (viaDev) onLink = back.gateway === undefined && !back.nexthops;
      else if (s.addrs.some((a) => a.ifindex === dev.ifindex && a.family === 4) && rpf === 1) return martian();
      else if (s.addrs.some((a) => a.ifindex === dev.ifindex && a.family === 4)) {
        const alt = lookup(s, src, { oif: dev.ifindex });
        onLink = alt?.type === RTN.UNICAST && alt.gateway === undefined && !alt.nexthops;
      } else if (rpf) return martian();
    } else if (rpf) return martian();
  } else if (spoofed()) return err('EINVAL');
  const m: RouteMsg = { ...base, type: RTN.UNICAST };
  if (oif !== undefined) m.oif = oif;
  if (gateway !== undefined) m.gateway = gateway;
  // __mkroute_input: back out of the device it came in by, to a source on that link: a redirect
  const onlink = (a: IpAddr): boolean => s.addrs.some((x) => x.ifindex === oif && x.family === 4 && samePrefix(parseAddr(x.local)!, a, x.prefixlen));
  const gw = gateway !== undefined ? parseAddr(gateway) : undefined;
  if (oif === dev.ifindex && onLink && redirects && (any('shared_media') || (onlink(src) && (!gw || onlink(gw))))) m.flags = (m.flags | RTCF.DOREDIRECT) >>> 0;
  return m;
}

/** ip_check_mc_rcu: the groups an up device joins itself (all-hosts; a snooping bridge's router discovery group). */
function joinedGroup4(dev: Link, group: string): boolean {
  return isUp(dev) && (group === '224.0.0.1' || (group === '224.0.0.106' && dev.bridge !== undefined && Number(dev.bridge.opts?.mcast_snooping ?? 1) !== 0));
}

/**
 * __mkroute_output for a multicast destination: a multicast route marked local when the
 * device has joined the group. Through a device named by oif, a link-local group (224.0.0.0/24)
 * needs no route and a missing route is no error; a route found shorter than /4 (the default)
 * only gives the device, not its gateway.
 */
export function multicastOutput4(s: NetState, q: RouteGet, found: Route | undefined, base: RouteMsg): RouteMsg | NetError {
  const dst = parseAddr(q.dst)!;
  const linkLocal = dst.bytes[0] === 224 && dst.bytes[1] === 0 && dst.bytes[2] === 0;
  if (q.oif !== undefined && linkLocal) found = undefined;
  if (!found && q.oif === undefined) return err('ENETUNREACH');
  const oif = found ? found.oif : q.oif;
  const dev = oif !== undefined ? linkByIndex(s, oif) : undefined;
  const m: RouteMsg = { ...base, type: RTN.MULTICAST };
  if (oif !== undefined) m.oif = oif;
  m.flags = (m.flags | RTCF.MULTICAST | (dev && joinedGroup4(dev, q.dst) ? RTCF.LOCAL : 0)) >>> 0;
  if (found && found.dstLen >= 4 && found.gateway !== undefined && !found.gatewayLocal) m.gateway = found.gateway;
  if (q.src === undefined && oif !== undefined) {
    // with a device named, the source is that device's (link scope for 224.0.0.0/24)
    const near = m.gateway !== undefined ? parseAddr(m.gateway) ?? undefined : undefined;
    const src = found && q.oif === undefined ? found.prefsrc ?? selectSource4(s, oif, near, found.scope) : selectSource4(s, oif, undefined, linkLocal ? SCOPE.LINK : SCOPE.UNIVERSE);
    if (src !== undefined) m.prefsrc = src;
  }
  return m;
}

/** An IPv4 query without a destination: the packet goes to this host itself, from 127.0.0.1. */
export function toSelf4(s: NetState, q: RouteGet, uid: number): RouteMsg {
  const m: RouteMsg = { family: 4, table: TABLE.MAIN, type: RTN.LOCAL, protocol: 0, scope: 0, tos: 0, flags: (RTM_F_CLONED | RTCF.LOCAL) >>> 0, dst: q.dst, dstLen: 32, srcLen: 0, oif: loopbackIndex(s), prefsrc: '127.0.0.1', uid };
  if (q.mark) m.mark = q.mark;
  return m;
}

/**
 * ip6_route_input_lookup: the route a packet arriving on the device would take (IPv6 answers
 * even with forwarding off); the loopback address never arrives from outside.
 */
export function inputRoute6(s: NetState, q: RouteGet, found: Route, base: RouteMsg): RouteMsg | NetError {
  if (q.dst === '::1') return err('ENETUNREACH');
  const m: RouteMsg = { ...base, table: found.table, type: found.type, protocol: found.protocol, scope: found.scope, priority: found.priority, pref: found.pref ?? 0, iif: q.iif! };
  m.src = q.src ?? '::';
  m.srcLen = 128;
  if (found.gateway !== undefined) m.gateway = found.gateway;
  if (found.oif !== undefined) m.oif = found.type === RTN.LOCAL ? loopbackIndex(s) : found.oif;
  return m;
}
