// How ip selects and prints routes (ip/iproute.c filter_nlmsg, print_route): fields a
// selector pins down are left out of the listing, `table`, `proto boot` and `scope global`
// are only shown when they say something, and `ip route get` answers end with a cache line.
import { printNhInfo } from './ip-nexthop';
import { RTAX, RTN, TABLE, TCP_CA_NAMES, type RouteMsg } from '../../shared/services/net';
import { parseAddr, samePrefix, type IpAddr } from '../../shared/services/net-addr';
import { toIpAddr, type InetPrefix } from './ip-inet';
import { dsfieldN2a, protoN2a, realmN2a, rtntypeN2a, scopeN2a, tableN2a } from './ip-names';
import type { Ip } from './ip-session';
import { AF } from './ip-util';

export interface RouteFilter {
  tb: number;
  cloned: boolean;
  protocol: number;
  protocolmask: number;
  scope: number;
  scopemask: number;
  typemask: number;
  tos: number;
  tosmask: number;
  oif: number;
  oifmask: number;
  metric: number;
  metricmask: number;
  realm: number;
  realmmask: number;
  rdst?: InetPrefix;
  mdst?: InetPrefix;
  rvia?: InetPrefix;
  rprefsrc?: InetPrefix;
}

export function newRouteFilter(): RouteFilter {
  return { tb: TABLE.MAIN, cloned: false, protocol: 0, protocolmask: 0, scope: 0, scopemask: 0, typemask: 0, tos: 0, tosmask: 0, oif: 0, oifmask: 0, metric: 0, metricmask: 0, realm: 0, realmmask: 0 };
}

function famOf(r: RouteMsg): number {
  return r.family === 4 ? AF.INET : AF.INET6;
}

function addr(text: string | undefined, family: 4 | 6): IpAddr {
  return (text !== undefined ? parseAddr(text) : null) ?? { family, bytes: new Array<number>(family === 4 ? 4 : 16).fill(0) };
}

function bitsMatch(a: IpAddr, p: InetPrefix, bits: number): boolean {
  if (bits <= 0) return true;
  return samePrefix(a, { ...toIpAddr(p), family: a.family }, bits);
}

/** filter_nlmsg. */
export function routePasses(ip: Ip, f: RouteFilter, r: RouteMsg): boolean {
  if (ip.family !== AF.UNSPEC && famOf(r) !== ip.family) return false;
  if (f.tb > 0 && f.tb !== r.table) return false;
  if ((f.protocol ^ r.protocol) & f.protocolmask) return false;
  if ((f.scope ^ r.scope) & f.scopemask) return false;
  if (f.typemask && !(f.typemask & (1 << r.type))) return false;
  if ((f.tos ^ r.tos) & f.tosmask) return false;
  const dst = addr(r.dst, r.family);
  const { rdst, mdst } = f;
  if (rdst && (rdst.family || rdst.prefixlenSpecified)) {
    if ((rdst.family && famOf(r) !== rdst.family) || rdst.bitlen > r.dstLen) return false;
    if (!bitsMatch(dst, rdst, rdst.bitlen)) return false;
  }
  if (mdst && (mdst.family || mdst.prefixlenSpecified)) {
    if ((mdst.family && famOf(r) !== mdst.family) || (mdst.bitlen >= 0 && mdst.bitlen < r.dstLen)) return false;
    if (!bitsMatch(dst, mdst, r.dstLen)) return false;
  }
  if (f.rvia?.family) {
    if (famOf(r) !== f.rvia.family) return false;
    if (!bitsMatch(addr(r.gateway, r.family), f.rvia, f.rvia.bitlen)) return false;
  }
  if (f.rprefsrc?.family) {
    if (famOf(r) !== f.rprefsrc.family) return false;
    if (!bitsMatch(addr(r.prefsrc, r.family), f.rprefsrc, f.rprefsrc.bitlen)) return false;
  }
  if (f.oifmask && (r.oif ?? 0) !== f.oif) return false;
  if (f.metricmask && (r.priority ?? 0) !== f.metric) return false;
  if (f.realmmask && (((r.flow ?? 0) ^ f.realm) & f.realmmask) !== 0) return false;
  return true;
}

// (RTM_F_OFFLOAD_FAILED shares its bit with a cached route's RTCF_MULTICAST)
const RT_FLAGS: [number, string][] = [[1, 'dead'], [4, 'onlink'], [2, 'pervasive'], [8, 'offload'], [64, 'trap'], [0x100, 'notify'], [16, 'linkdown'], [32, 'unresolved'], [0x2000, 'rt_offload'], [0x4000, 'rt_trap'], [0x20000000, 'rt_offload_failed']];
/** print_cache_flags' order (RTCF_* bits). */
const CACHE_FLAGS: [number, string][] = [
  [0x80000000, 'local'], [0x40000000, 'reject'], [0x20000000, 'mc'], [0x10000000, 'brd'], [0x08000000, 'dst-nat'],
  [0x00800000, 'src-nat'], [0x00400000, 'masq'], [0x00020000, 'dst-direct'], [0x04000000, 'src-direct'],
  [0x00040000, 'redirected'], [0x01000000, 'redirect'], [0x00200000, 'fastroute'], [0x00010000, 'notify'], [0x00080000, 'proxy'],
];
const METRIC_NAMES: Record<number, string> = {
  [RTAX.MTU]: 'mtu', [RTAX.WINDOW]: 'window', [RTAX.RTT]: 'rtt', [RTAX.RTTVAR]: 'rttvar', [RTAX.SSTHRESH]: 'ssthresh',
  [RTAX.CWND]: 'cwnd', [RTAX.ADVMSS]: 'advmss', [RTAX.REORDERING]: 'reordering', [RTAX.HOPLIMIT]: 'hoplimit',
  [RTAX.INITCWND]: 'initcwnd', [RTAX.FEATURES]: 'features', [RTAX.RTO_MIN]: 'rto_min', [RTAX.INITRWND]: 'initrwnd',
  [RTAX.QUICKACK]: 'quickack', [RTAX.CC_ALGO]: 'congctl', [RTAX.FASTOPEN_NO_COOKIE]: 'fastopen_no_cookie',
};

function printMetrics(ip: Ip, r: RouteMsg): void {
  const p = ip.printer;
  const locks = r.metricLocks ?? 0;
  p.openArrayJsonOnly('metrics');
  p.openObject();
  for (let i = 2; i <= 17; i++) {
    const v = r.metrics?.[i];
    if (v === undefined && !(locks & (1 << i))) continue;
    const val = v ?? 0;
    p.fp(`${METRIC_NAMES[i] ?? `metric ${i}`} `);
    if (locks & (1 << i)) p.fp('lock ');
    if (i === RTAX.RTT || i === RTAX.RTTVAR || i === RTAX.RTO_MIN) {
      const ms = i === RTAX.RTT ? Math.floor(val / 8) : i === RTAX.RTTVAR ? Math.floor(val / 4) : val;
      p.any(METRIC_NAMES[i]!, ms >= 1000 ? `${ms / 1000}s ` : `${ms}ms `, ms);
    } else if (i === RTAX.FEATURES) {
      p.any('features', val & 1 ? 'ecn ' : `0x${val.toString(16)} `, val);
    } else if (i === RTAX.CC_ALGO) {
      const name = TCP_CA_NAMES[val - 1] ?? '';
      p.any('congestion', `${name} `, name);
    } else {
      p.any(METRIC_NAMES[i] ?? null, `${val} `, val);
    }
  }
  p.closeObject();
  p.closeArrayJsonOnly();
}

function printRtFlags(ip: Ip, flags: number): void {
  const p = ip.printer;
  p.openArrayJsonOnly('flags');
  for (const [bit, name] of RT_FLAGS) if (flags & bit) p.any(null, `${name} `, name);
  p.closeArrayJsonOnly();
}

/** print_rta_multipath: a `nexthop` line per next hop (tab-indented; `\` joined with -o). */
async function printMultipath(ip: Ip, r: RouteMsg): Promise<void> {
  const p = ip.printer;
  p.openArrayJsonOnly('nexthops');
  for (const nh of r.multipath ?? []) {
    p.openObject();
    p.fp(`${p.sl}\tnexthop `);
    if (nh.gateway !== undefined) {
      const gw = ip.host(nh.gateway);
      p.jsonOnly('gateway', gw);
      p.fp('via ');
      p.fp(p.paint(r.family === 4 ? 'inet' : 'inet6', `${gw} `));
    }
    const dev = nh.oif !== undefined ? await ip.name(nh.oif) : 'if0';
    p.any('dev', `dev ${dev} `, dev);
    p.any('weight', `weight ${nh.weight} `, nh.weight);
    printRtFlags(ip, nh.flags);
    p.closeObject();
  }
  p.closeArrayJsonOnly();
}

/** One route, as `ip route show` (or get, with the cache line) prints it. */
export async function printRoute(ip: Ip, f: RouteFilter, r: RouteMsg): Promise<void> {
  const p = ip.printer;
  const o = ip.opts;
  const hostLen = r.family === 4 ? 32 : 128;
  const color = r.family === 4 ? 'inet' : 'inet6';
  const cloned = (r.flags & 0x200) !== 0;
  p.openObject();
  if ((r.type !== RTN.UNICAST || o.details > 0) && (!f.typemask || f.typemask & (1 << r.type))) {
    const t = rtntypeN2a(r.type, o.numeric);
    p.any('type', `${t} `, t);
  }
  if (r.dst !== undefined) {
    const d = r.dstLen !== hostLen ? `${r.dst}/${r.dstLen}` : ip.host(r.dst);
    p.any('dst', `${d} `, d, color);
  } else {
    p.any('dst', 'default ', 'default');
  }
  if (r.src !== undefined) {
    const s = r.srcLen !== hostLen ? `${r.src}/${r.srcLen}` : ip.host(r.src);
    p.any('from', `from ${s} `, s, color);
  }
  if (r.tos && f.tosmask !== -1) p.any('tos', `tos ${dsfieldN2a(r.tos, o.numeric)} `, dsfieldN2a(r.tos, o.numeric));
  if (r.nhid !== undefined) p.any('nhid', `nhid ${r.nhid} `, r.nhid);
  if (r.gateway !== undefined && r.family === 4 && r.gateway.includes(':')) {
    // RTA_VIA: a gateway of the other family, named with its family
    p.openObject('via');
    p.fp('via ');
    p.any('family', 'inet6 ', 'inet6');
    const host = ip.host(r.gateway);
    p.any('host', `${p.paint('inet6', host)} `, host);
    p.closeObject();
  } else if (r.gateway !== undefined && f.rvia?.bitlen !== hostLen) {
    const gw = ip.host(r.gateway);
    p.jsonOnly('gateway', gw);
    p.fp('via ');
    p.fp(p.paint(color, `${gw} `));
  }
  if (r.oif !== undefined && f.oifmask !== -1) {
    const dev = await ip.name(r.oif);
    p.jsonOnly('dev', dev);
    p.fp('dev ');
    p.fp(p.paint('ifname', `${dev} `));
  }
  if (r.table && (r.table !== TABLE.MAIN || o.details > 0) && !f.tb) {
    const t = tableN2a(r.table, o.numeric);
    p.any('table', `table ${t} `, t);
  }
  if (!cloned) {
    if ((r.protocol !== 3 || o.details > 0) && f.protocolmask !== -1) {
      const pr = protoN2a(r.protocol, o.numeric);
      p.any('protocol', `proto ${pr} `, pr);
    }
    if ((r.scope !== 0 || o.details > 0) && f.scopemask !== -1) {
      const sc = scopeN2a(r.scope, o.numeric);
      p.any('scope', `scope ${sc} `, sc);
    }
  }
  if (r.prefsrc !== undefined && f.rprefsrc?.bitlen !== hostLen) {
    p.jsonOnly('prefsrc', r.prefsrc);
    p.fp('src ');
    p.fp(p.paint(color, `${r.prefsrc} `));
  }
  if (r.priority !== undefined && f.metricmask !== -1) p.any('metric', `metric ${r.priority} `, r.priority);
  printRtFlags(ip, r.flags);
  if (r.mark) {
    if (p.isJson) p.jsonOnly('mark', r.mark);
    else p.fp(r.mark >= 16 ? `mark 0x${r.mark.toString(16)} ` : `mark ${r.mark} `);
  }
  if (r.flow && f.realmmask !== 0xffffffff) {
    // print_rta_realms: `realm TO` or `realms FROM/TO`
    const from = r.flow >>> 16;
    const to = r.flow & 0xffff;
    p.openObject('flow');
    p.fp(from ? 'realms ' : 'realm ');
    if (from) p.any('from', `${realmN2a(from, o.numeric)}/`, realmN2a(from, o.numeric));
    p.any('to', `${realmN2a(to, o.numeric)} `, realmN2a(to, o.numeric));
    p.closeObject();
  }
  if (r.uid !== undefined) p.any('uid', `uid ${r.uid} `, r.uid);
  if (r.family === 4 && cloned) {
    let cf = (r.flags & ~0xffff) >>> 0;
    if (p.isJson) {
      p.openArrayJsonOnly('cache');
      for (const [bit, name] of CACHE_FLAGS) if (cf & bit) p.jsonOnly(null, name);
      p.closeArrayJsonOnly();
    } else {
      p.fp(`${p.sl}    cache `);
      if (cf) {
        p.fp('<');
        for (const [bit, name] of CACHE_FLAGS) {
          if (!(cf & bit)) continue;
          cf = (cf & ~bit) >>> 0;
          p.fp(`${name}${cf ? ',' : '> '}`);
        }
        if (cf) p.fp(`${cf.toString(16)}>`);
      }
    }
  }
  if (r.expires) p.any('expires', `expires ${r.expires}sec `, r.expires);
  if (r.metrics || r.metricLocks) printMetrics(ip, r);
  if (r.iif !== undefined) {
    const dev = await ip.name(r.iif);
    p.jsonOnly('iif', dev);
    p.fp(`iif ${p.paint('ifname', `${dev} `)}`);
  }
  if (r.pref !== undefined) {
    const pref = r.pref === 0 ? 'medium' : r.pref === 1 ? 'high' : r.pref === 3 ? 'low' : String(r.pref);
    p.any('pref', r.pref <= 3 && r.pref !== 2 ? `pref ${pref}` : pref, pref);
  }
  if (r.nhid !== undefined && o.details > 0) await printNhInfo(ip, r.nhid);
  if (r.multipath) await printMultipath(ip, r);
  p.fp('\n');
  p.closeObject();
}
