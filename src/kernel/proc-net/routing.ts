// /proc/net/{dev,route,arp,if_inet6,ipv6_route}: the devices, the IPv4 main table, the ARP
// cache, the IPv6 addresses and every IPv6 routing table.
import { NTF, NUD, RTAX, RTN, RTPROT, TABLE, type LinkMsg, type RouteMsg } from '../../shared/services/net';
import type { NetSource } from './files';
import { addrBytes, hex, hexIPv4, HEX, maskOf, padLine, pi6, right } from './hex';

/** dev_seq_show: the counters of every device in registration order. */
export function devFile(s: NetSource): string {
  let out = 'Inter-|   Receive                                                |  Transmit\n'
    + ' face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed\n';
  for (const l of s.links()) {
    const t = l.stats;
    const cols: [number, number][] = [
      [t.rxBytes, 7], [t.rxPackets, 7], [t.rxErrors, 4], [t.rxDropped + t.rxMissed, 4], [t.rxFifoErrors, 4],
      [t.rxLengthErrors + t.rxOverErrors + t.rxCrcErrors + t.rxFrameErrors, 5], [0, 10], [t.multicast, 9],
      [t.txBytes, 8], [t.txPackets, 7], [t.txErrors, 4], [t.txDropped, 4], [t.txFifoErrors, 4], [t.collisions, 5],
      [t.txCarrierErrors + t.txAbortedErrors + t.txWindowErrors + t.txHeartbeatErrors, 7], [0, 10],
    ];
    out += `${right(l.name, 6)}: ${cols.map(([v, w]) => right(v, w)).join(' ')}\n`;
  }
  return out;
}

const nameOf = (links: LinkMsg[], ifindex: number | undefined): string | undefined => links.find((l) => l.ifindex === ifindex)?.name;

const RTF = { UP: 0x1, GATEWAY: 0x2, HOST: 0x4, REJECT: 0x200, DEFAULT: 0x10000, ADDRCONF: 0x40000, PREFIX_RT: 0x80000, ANYCAST: 0x100000, NONEXTHOP: 0x200000, EXPIRES: 0x400000, LOCAL: 0x80000000 };

const key4 = (r: RouteMsg): number => addrBytes(r.dst, 4).reduce((a, b) => a * 256 + b, 0);

/**
 * fib_route_seq_show: the main table in trie order (by prefix, the longer prefix of a key
 * first); broadcast and multicast routes are left out.
 */
export function routeFile(s: NetSource): string {
  const all = s.routes(4);
  // a namespace's main table is made with its first IPv4 route: until then the file is empty
  if (all.length === 0) return '';
  const links = s.links();
  let out = padLine('Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT', 127);
  const main = all
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => r.table === TABLE.MAIN && r.type !== RTN.BROADCAST && r.type !== RTN.MULTICAST)
    .sort((a, b) => key4(a.r) - key4(b.r) || b.r.dstLen - a.r.dstLen || a.i - b.i);
  for (const { r } of main) {
    const nh = r.multipath?.[0];
    const gw = nh ? nh.gateway : r.gateway;
    const dev = nameOf(links, nh ? nh.oif : r.oif) ?? '*';
    let flags = r.type === RTN.UNREACHABLE || r.type === RTN.PROHIBIT ? RTF.REJECT : 0;
    if (gw !== undefined && !gw.includes(':')) flags |= RTF.GATEWAY;
    if (r.dstLen === 32) flags |= RTF.HOST;
    flags |= RTF.UP;
    const m = r.metrics ?? {};
    const advmss = m[RTAX.ADVMSS] ?? 0;
    const cols = [dev, hexIPv4(r.dst), hexIPv4(gw !== undefined && !gw.includes(':') ? gw : undefined), HEX(flags, 4), '0', '0', String(r.priority ?? 0),
      hexIPv4(maskOf(r.dstLen)), String(advmss ? advmss + 40 : 0), String(m[RTAX.WINDOW] ?? 0), String((m[RTAX.RTT] ?? 0) >>> 3)];
    out += padLine(cols.join('\t'), 127);
  }
  return out;
}

/** ARPHRD_* of a device: ether 1, loopback 772, none (tun) 0xfffe. */
function hwType(l: LinkMsg | undefined): number {
  return l?.linkType === 'loopback' ? 772 : l?.linkType === 'none' ? 0xfffe : 1;
}

/**
 * arp_seq_show: the IPv4 neighbours (not those only NOARP), then the proxy entries. Flags:
 * ATF_COM (0x2) for a valid entry, with ATF_PERM (0x4) when permanent; 0xc for a proxy entry.
 */
export function arpFile(s: NetSource): string {
  const links = s.links();
  const all = s.neighs(4);
  let out = 'IP address       HW type     Flags       HW address            Mask     Device\n';
  const VALID = NUD.PERMANENT | NUD.NOARP | NUD.REACHABLE | NUD.PROBE | NUD.STALE | NUD.DELAY;
  for (const n of all) {
    if (n.flags & NTF.PROXY || !(n.state & ~NUD.NOARP)) continue;
    const l = links.find((x) => x.ifindex === n.ifindex);
    const flags = n.state & NUD.PERMANENT ? 0x6 : n.state & VALID ? 0x2 : 0;
    const hw = n.lladdr ?? (l?.linkType === 'none' ? '' : '00:00:00:00:00:00');
    out += `${n.dst.padEnd(16)} 0x${hex(hwType(l), 0).padEnd(10)}0x${hex(flags, 0).padEnd(10)}${hw.padEnd(17)}     *        ${l?.name ?? ''}\n`;
  }
  for (const n of all) {
    if (!(n.flags & NTF.PROXY)) continue;
    const l = links.find((x) => x.ifindex === n.ifindex);
    out += `${n.dst.padEnd(16)} 0x${hex(l ? hwType(l) : 0, 0).padEnd(10)}0x${hex(0xc, 0).padEnd(10)}00:00:00:00:00:00     *        ${l?.name ?? '*'}\n`;
  }
  return out;
}

/** ipv6_addr_scope: loopback 0x10, link-local 0x20, site-local 0x40, multicast its scope, else global. */
function scope6(addr: string): number {
  const b = addrBytes(addr, 6);
  if (b.every((x, i) => x === (i === 15 ? 1 : 0))) return 0x10;
  if (b[0] === 0xff) return (b[1]! & 0x0f) << 4;
  if (b[0] === 0xfe && (b[1]! & 0xc0) === 0x80) return 0x20;
  if (b[0] === 0xfe && (b[1]! & 0xc0) === 0xc0) return 0x40;
  return 0;
}

/** if6_seq_show: address, ifindex, prefix length, scope, low byte of the flags, device. */
export function ifInet6File(s: NetSource): string {
  const links = s.links();
  return s.addrs(6).map((a) => `${pi6(a.local)} ${hex(a.ifindex, 2)} ${hex(a.prefixlen, 2)} ${hex(scope6(a.local), 2)} ${hex(a.flags & 0xff, 2)} ${right(nameOf(links, a.ifindex) ?? '', 8)}\n`).join('');
}

/**
 * The fib6 walk visits a node's children (the 0 side first) before the node's own routes: a
 * prefix comes after the longer prefixes under it.
 */
function treeOrder(a: RouteMsg, b: RouteMsg): number {
  const x = addrBytes(a.dst, 6);
  const y = addrBytes(b.dst, 6);
  const n = Math.min(a.dstLen, b.dstLen);
  for (let i = 0; i < n; i++) {
    const bx = (x[i >> 3]! >> (7 - (i & 7))) & 1;
    const by = (y[i >> 3]! >> (7 - (i & 7))) & 1;
    if (bx !== by) return bx - by;
  }
  return b.dstLen - a.dstLen;
}

/** fib6_flags of a route as the kernel keeps them (a reject route's are replaced outright). */
function flags6(r: RouteMsg): number {
  if (r.type === RTN.UNREACHABLE || r.type === RTN.PROHIBIT || r.type === RTN.BLACKHOLE || r.type === RTN.THROW) return RTF.REJECT | RTF.NONEXTHOP;
  let f = RTF.UP;
  // rtm_to_fib6_config marks a local route; only addrconf's own anycast routes are marked
  // anycast, and addrconf's local and anycast routes have no next hop
  if (r.type === RTN.LOCAL) f |= RTF.LOCAL;
  if (r.type === RTN.ANYCAST && r.protocol === RTPROT.KERNEL) f |= RTF.ANYCAST;
  if ((r.type === RTN.LOCAL || r.type === RTN.ANYCAST) && r.protocol === RTPROT.KERNEL) f |= RTF.NONEXTHOP;
  if (r.protocol === RTPROT.RA) f |= r.dstLen === 0 ? RTF.ADDRCONF | RTF.DEFAULT : RTF.ADDRCONF;
  if (r.expires !== undefined) f |= RTF.EXPIRES;
  return f;
}

/** Whether `addr` lies in `prefix`/`len`. */
function covers(prefix: string | undefined, len: number, addr: string): boolean {
  const p = addrBytes(prefix, 6);
  const a = addrBytes(addr, 6);
  for (let i = 0; i < len; i++) if (((p[i >> 3]! ^ a[i >> 3]!) >> (7 - (i & 7))) & 1) return false;
  return true;
}

/**
 * fib6_ref as a freshly configured namespace shows it: addrconf's local routes are held by
 * the address and its cached routes (3), the multicast route by the device (2), a connected
 * route once more for every static route whose gateway it resolved; the rest once.
 */
function refOf(r: RouteMsg, all: RouteMsg[]): number {
  if (r.type === RTN.LOCAL) return r.protocol === RTPROT.KERNEL ? 3 : 1;
  if (r.type === RTN.MULTICAST) return 2;
  if (r.gateway !== undefined || r.type !== RTN.UNICAST) return 1;
  return 1 + all.filter((x) => x !== r && x.protocol !== RTPROT.RA && x.gateway !== undefined && x.oif === r.oif && covers(r.dst, r.dstLen, x.gateway)).length;
}

/**
 * ipv6_route_seq_show: every table (by hash bucket, id & 255), each in tree order; a table
 * without a ::/0 route ends with its root's null entry (the reject route on lo).
 */
export function ipv6RouteFile(s: NetSource): string {
  const links = s.links();
  const routes = s.routes(6);
  const tables = [...new Set([TABLE.MAIN, TABLE.LOCAL, ...routes.map((r) => r.table)])].sort((a, b) => (a & 255) - (b & 255) || a - b);
  const zero = '0'.repeat(32);
  let out = '';
  for (const t of tables) {
    const rs = routes.map((r, i) => ({ r, i })).filter(({ r }) => r.table === t).sort((a, b) => treeOrder(a.r, b.r) || a.i - b.i);
    for (const { r } of rs) {
      const hops = r.multipath?.length ? r.multipath.map((h) => ({ gateway: h.gateway, oif: h.oif })) : [{ gateway: r.gateway, oif: r.oif }];
      for (const h of hops) {
        const reject = (flags6(r) & RTF.REJECT) !== 0;
        const flags = flags6(r) | (h.gateway !== undefined ? RTF.GATEWAY : 0);
        const dev = nameOf(links, h.oif) ?? (reject ? 'lo' : '');
        const src = r.src !== undefined && r.srcLen ? `${pi6(r.src)} ${hex(r.srcLen, 2)}` : `${zero} 00`;
        const ref = refOf(r, routes);
        out += `${pi6(r.dst)} ${hex(r.dstLen, 2)} ${src} ${h.gateway !== undefined ? pi6(h.gateway) : zero} ${hex(r.priority ?? 0, 8)} ${hex(ref, 8)} ${hex(0, 8)} ${hex(flags, 8)} ${right(dev, 8)}\n`;
      }
    }
    if (!rs.some(({ r }) => r.dstLen === 0)) out += `${zero} 00 ${zero} 00 ${zero} ffffffff 00000001 00000000 00200200       lo\n`;
  }
  return out;
}
