// Code the first prompt does not need, in a chunk of its own that the net service loads before
// a route query or a request with bridge settings (route-ops' loadPolicy): the input path of
// `ip route get ... iif DEV`, and a bridge's IFLA_BR_* settings.
import { RTCF, RTN, TABLE, type NetError, type RouteGet, type RouteMsg } from '../../shared/services/net';
import { isIPv4Multicast, parseAddr, type IpAddr } from '../../shared/services/net-addr';
import { err } from './fib';
import { isUp } from './links';
import { isLocal4, loopbackIndex, RTM_F_CLONED } from './route-ops';
import { linkByIndex, type NetState, type Route } from './state';

export { applyBridgeOpts } from './bridge-opts';

/**
 * ip_route_input_slow: `ip route get ... iif DEV` asks about a packet arriving on DEV. The
 * martian checks come first; with forwarding off only local, broadcast and joined multicast
 * destinations are delivered.
 */
export function inputRoute4(s: NetState, q: RouteGet, dst: IpAddr, find: () => { route?: Route; table?: number }): RouteMsg | NetError {
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
    const joined = dev !== undefined && isUp(dev) && (q.dst === '224.0.0.1' || (q.dst === '224.0.0.106' && dev.bridge !== undefined && Number(dev.bridge.opts?.mcast_snooping ?? 1) !== 0));
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
  // anything else would be forwarded, and forwarding is off
  return err('EHOSTUNREACH');
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
