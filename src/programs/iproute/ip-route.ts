// `ip route` (ip/iproute.c): add/del/change/append/replace/prepend/test (iproute_modify),
// list/show and flush with their selectors, get, help.
import { strerror } from '../../shared/errno';
import { isNetError, RTAX, RTN, RTNH_F, RTPROT, SCOPE, TABLE, TCP_CA_NAMES, type NexthopMsg, type NlFlags, type RouteMsg, type RouteSpec } from '../../shared/services/net';
import { afToFamily, getAddr, getPrefix, prefixText, type InetPrefix } from './ip-inet';
import { dsfieldA2n, protoA2n, realmsA2n, rtntypeA2n, scopeA2n, tableA2n } from './ip-names';
import { newRouteFilter, printRoute, routePasses, type RouteFilter } from './ip-route-print';
import { restoreRoutes, saveRoutes, showdumpRoutes } from './ip-route-dump';
import { routeGet } from './ip-route-get';
import { hasName, type Ip } from './ip-session';
import { ROUTE_USAGE } from './ip-usage';
import { AF, Args, getUnsigned, IpExit, matches, readFamily } from './ip-util';

/** get_time_rtt: milliseconds, `s`/`ms` suffixes, a bare number meaning raw units. */
function timeRtt(v: string): { ms: number; raw: boolean } | null {
  const m = /^(\d+(?:\.\d*)?|\.\d+)(s|sec|secs|ms|msec|msecs)?$/i.exec(v);
  if (!m) return null;
  let t = Number(m[1]);
  const unit = m[2]?.toLowerCase();
  if (unit && unit.startsWith('s')) t *= 1000;
  return { ms: Math.ceil(t), raw: unit === undefined };
}

const SIMPLE_METRICS: [string, boolean, number, string][] = [
  // keyword, abbreviable, RTAX, name in the error message
  ['mtu', false, RTAX.MTU, 'mtu'], ['hoplimit', false, RTAX.HOPLIMIT, 'hoplimit'], ['advmss', false, RTAX.ADVMSS, 'mss'],
  ['reordering', true, RTAX.REORDERING, 'reordering'], ['window', true, RTAX.WINDOW, 'window'], ['cwnd', true, RTAX.CWND, 'cwnd'],
  ['initcwnd', true, RTAX.INITCWND, 'initcwnd'], ['initrwnd', true, RTAX.INITRWND, 'initrwnd'], ['ssthresh', true, RTAX.SSTHRESH, 'ssthresh'],
];

async function modify(ip: Ip, argv: string[], del: boolean, nl: NlFlags): Promise<number> {
  let family = ip.family;
  const spec: RouteSpec = {
    family: 4, table: TABLE.MAIN, type: del ? RTN.UNSPEC : RTN.UNICAST, protocol: del ? 0 : RTPROT.BOOT,
    scope: del ? SCOPE.NOWHERE : SCOPE.UNIVERSE, tos: 0, flags: 0, dstLen: 0,
  };
  const metrics: Record<number, number> = {};
  let locks = 0;
  let dev: string | undefined;
  let gwOk = false;
  let dstOk = false;
  let scopeOk = false;
  let tableOk = false;
  let dst: InetPrefix | undefined;
  let nexthopArgs: string[] | undefined;
  const args = new Args(argv);
  const next = (): string => {
    args.advance();
    if (args.done) ip.incomplete();
    return args.cur;
  };
  const setFamily = (p: InetPrefix): void => {
    if (family === AF.UNSPEC) family = p.family;
  };
  for (; !args.done; args.advance()) {
    const w = args.cur;
    const simple = SIMPLE_METRICS.find(([k, abbrev]) => (abbrev ? matches(w, k) : w === k));
    if (w === 'src') {
      const a = getAddr(ip, next(), family);
      setFamily(a);
      spec.prefsrc = prefixText(a);
    } else if (w === 'as') {
      let v = next();
      if (v === 'to') v = next();
      setFamily(getAddr(ip, v, family));
    } else if (w === 'via') {
      if (gwOk) ip.invarg('use nexthop syntax to specify multiple via\n', w);
      gwOk = true;
      let v = next();
      let fam = readFamily(v);
      if (fam === AF.UNSPEC) fam = family;
      else v = next();
      const a = getAddr(ip, v, fam);
      setFamily(a);
      spec.gateway = prefixText(a);
    } else if (w === 'from') {
      setFamily(getPrefix(ip, next(), family));
    } else if (w === 'tos' || matches(w, 'dsfield')) {
      const v = next();
      const t = dsfieldA2n(v);
      if (t === null) ip.invarg('"tos" value is invalid\n', v);
      spec.tos = t;
    } else if (w === 'expires') {
      const v = next();
      const e = getUnsigned(v);
      if (e === null) ip.invarg('"expires" value is invalid\n', v);
      spec.expires = e;
    } else if (matches(w, 'metric') || matches(w, 'priority') || w === 'preference') {
      const v = next();
      const m = getUnsigned(v);
      if (m === null) ip.invarg('"metric" value is invalid\n', v);
      spec.priority = m;
    } else if (w === 'scope') {
      const v = next();
      const s = scopeA2n(v);
      if (s === null) ip.invarg('invalid "scope" value\n', v);
      spec.scope = s;
      scopeOk = true;
    } else if (simple) {
      const [, , rtax, label] = simple;
      let v = next();
      if (v === 'lock') {
        locks |= 1 << rtax;
        v = next();
      }
      const n = getUnsigned(v);
      if (n === null || (rtax === RTAX.HOPLIMIT && n > 255)) ip.invarg(`"${label}" value is invalid\n`, v);
      metrics[rtax] = n;
    } else if (w === 'rtt' || matches(w, 'rttvar') || w === 'rto_min') {
      const rtax = w === 'rtt' ? RTAX.RTT : w === 'rto_min' ? RTAX.RTO_MIN : RTAX.RTTVAR;
      const label = w === 'rtt' ? 'rtt' : w === 'rto_min' ? 'rto_min' : 'rttvar';
      let v = next();
      if (v === 'lock' && rtax !== RTAX.RTO_MIN) {
        locks |= 1 << rtax;
        v = next();
      }
      if (rtax === RTAX.RTO_MIN) locks |= 1 << rtax;
      const t = timeRtt(v);
      if (t === null) ip.invarg(`"${label}" value is invalid\n`, v);
      metrics[rtax] = rtax === RTAX.RTT ? (t.raw ? t.ms : t.ms * 8) : rtax === RTAX.RTTVAR ? (t.raw ? t.ms : t.ms * 4) : t.ms;
    } else if (matches(w, 'features')) {
      const v = next();
      if (v !== 'ecn') ip.invarg('"features" value not valid\n', v);
      metrics[RTAX.FEATURES] = 1;
    } else if (matches(w, 'quickack') || matches(w, 'fastopen_no_cookie')) {
      const key = matches(w, 'quickack') ? 'quickack' : 'fastopen_no_cookie';
      const v = next();
      const n = getUnsigned(v);
      if (n === null) ip.invarg(`"${key}" value is invalid\n`, v);
      if (n !== 0 && n !== 1) ip.invarg(`"${key}" value should be 0 or 1\n`, v);
      metrics[key === 'quickack' ? RTAX.QUICKACK : RTAX.FASTOPEN_NO_COOKIE] = n;
    } else if (matches(w, 'realms')) {
      const v = next();
      const realms = realmsA2n(v);
      if (realms === null) ip.invarg('"realm" value is invalid\n', v);
      spec.flow = realms;
    } else if (matches(w, 'congctl')) {
      let v = next();
      if (v === 'lock') {
        locks |= 1 << RTAX.CC_ALGO;
        v = next();
      }
      // the name travels as the kernel keeps it (tcp_ca_get_key_by_name)
      metrics[RTAX.CC_ALGO] = TCP_CA_NAMES.indexOf(v) + 1 || -1;
    } else if (w === 'nhid') {
      const v = next();
      const id = getUnsigned(v);
      if (id === null) ip.invarg('"id" value is invalid\n', v);
      spec.nhid = id;
    } else if (w === 'encap' || w === 'ttl-propagate') {
      next();
    } else if (w === 'onlink') {
      spec.flags |= RTNH_F.ONLINK;
    } else if (w === 'nexthop') {
      nexthopArgs = args.rest;
      break;
    } else if (matches(w, 'protocol')) {
      const v = next();
      const pr = protoA2n(v);
      if (pr === null) ip.invarg('"protocol" value is invalid\n', v);
      spec.protocol = pr;
    } else if (matches(w, 'table')) {
      const v = next();
      const t = tableA2n(v);
      if (t === null) ip.invarg('"table" value is invalid\n', v);
      spec.table = t;
      tableOk = true;
    } else if (matches(w, 'vrf')) {
      ip.invarg('Invalid VRF\n', next());
    } else if (w === 'dev' || w === 'oif') {
      dev = next();
    } else if (matches(w, 'pref')) {
      const v = next();
      const pref = v === 'low' ? 3 : v === 'medium' ? 0 : v === 'high' ? 1 : getUnsigned(v, 255);
      if (pref === null) ip.invarg('"pref" value is invalid\n', v);
      spec.pref = pref;
    } else {
      let v = w;
      if (v === 'to') v = next();
      if ((v[0]! < '0' || v[0]! > '9')) {
        const t = rtntypeA2n(v);
        if (t !== null) {
          spec.type = t;
          v = next();
        }
      }
      if (matches(v, 'help')) ip.fail(ROUTE_USAGE);
      if (dstOk) ip.duparg2('to', v);
      dst = getPrefix(ip, v, family);
      setFamily(dst);
      dstOk = true;
    }
  }
  if (!dstOk || !dst) return ip.fail(ROUTE_USAGE);
  if (nexthopArgs) {
    const links = await ip.allLinks();
    const mp = parseNexthops(ip, nexthopArgs, family, (name) => links.find((l) => hasName(l, name))?.ifindex ?? 0);
    spec.multipath = mp.hops;
    if (family === AF.UNSPEC) family = mp.family;
  }
  if (dev !== undefined) {
    spec.oif = await ip.index(dev);
    if (!spec.oif) ip.nodev(dev);
  }
  if (Object.keys(metrics).length) spec.metrics = metrics;
  if (locks) spec.metricLocks = locks;
  if (family === AF.UNSPEC) family = AF.INET;
  spec.family = afToFamily(family);
  spec.dstLen = dst.bitlen;
  if (dst.bytelen) spec.dst = prefixText(dst);
  if (!tableOk && [RTN.LOCAL, RTN.BROADCAST, RTN.NAT, RTN.ANYCAST].includes(spec.type as 2 | 3 | 10 | 4)) spec.table = TABLE.LOCAL;
  if (!scopeOk) {
    if (spec.family === 6) spec.scope = SCOPE.UNIVERSE;
    else if (spec.type === RTN.LOCAL || spec.type === RTN.NAT) spec.scope = SCOPE.HOST;
    else if (spec.type === RTN.BROADCAST || spec.type === RTN.MULTICAST || spec.type === RTN.ANYCAST) spec.scope = SCOPE.LINK;
    else if (spec.type === RTN.UNICAST || spec.type === RTN.UNSPEC) {
      if (del) spec.scope = SCOPE.NOWHERE;
      else if (!gwOk && !nexthopArgs && spec.nhid === undefined) spec.scope = SCOPE.LINK;
    }
  }
  await ip.talk(del ? { kind: 'delroute', route: spec } : { kind: 'newroute', nlflags: nl, route: spec });
  return 0;
}

/**
 * parse_nexthops / parse_one_nh: `nexthop [via ADDR] [dev DEV] [weight N] [onlink]` repeated
 * to the end of the line. The first gateway decides the family when nothing else did.
 */
function parseNexthops(ip: Ip, argv: string[], family: number, indexOf: (name: string) => number): { hops: NexthopMsg[]; family: number } {
  const hops: NexthopMsg[] = [];
  let fam = family;
  let i = 0;
  while (i < argv.length) {
    if (argv[i] !== 'nexthop') ip.fail(`Error: "nexthop" or end of line is expected instead of "${argv[i]}"\n`);
    if (i + 1 >= argv.length) ip.fail('Error: unexpected end of line after "nexthop"\n');
    const nh: NexthopMsg = { weight: 1, flags: 0 };
    const next = (): string => {
      i++;
      if (i >= argv.length) ip.incomplete();
      return argv[i]!;
    };
    for (i++; i < argv.length; i++) {
      const w = argv[i]!;
      if (w === 'via') {
        let v = next();
        let f = readFamily(v);
        if (f === AF.UNSPEC) f = fam;
        else v = next();
        const a = getAddr(ip, v, f);
        if (fam === AF.UNSPEC) fam = a.family;
        nh.gateway = prefixText(a);
      } else if (w === 'dev') {
        const v = next();
        const idx = indexOf(v);
        if (!idx) {
          ip.err(`Cannot find device "${v}"\n`);
          ip.fail('Error: cannot parse nexthop\n');
        }
        nh.oif = idx;
      } else if (w === 'weight') {
        const v = next();
        const n = getUnsigned(v);
        if (n === null || n === 0 || n > 256) ip.invarg('"weight" is invalid\n', v);
        nh.weight = n;
      } else if (w === 'onlink') {
        nh.flags |= RTNH_F.ONLINK;
      } else if (matches(w, 'realms') || w === 'encap' || w === 'as') {
        next();
      } else {
        break;
      }
    }
    hops.push(nh);
  }
  return { hops, family: fam };
}

function parseSelectors(ip: Ip, argv: string[], f: RouteFilter): { dev?: string; family: number } {
  let dumpFamily = ip.family;
  let dev: string | undefined;
  const args = new Args(argv);
  const next = (): string => {
    args.advance();
    if (args.done) ip.incomplete();
    return args.cur;
  };
  for (; !args.done; args.advance()) {
    const w = args.cur;
    if (matches(w, 'table')) {
      const v = next();
      const t = tableA2n(v);
      if (t !== null) f.tb = t;
      else if (v === 'all') f.tb = 0;
      else if (v === 'cache') f.cloned = true;
      else if (v === 'help') ip.fail(ROUTE_USAGE);
      else ip.invarg('table id value is invalid\n', v);
    } else if (matches(w, 'vrf')) {
      ip.invarg('Invalid VRF\n', next());
    } else if (matches(w, 'cached') || matches(w, 'cloned')) {
      f.cloned = true;
    } else if (w === 'tos' || matches(w, 'dsfield')) {
      const v = next();
      const t = dsfieldA2n(v);
      if (t === null) ip.invarg('TOS value is invalid\n', v);
      f.tos = t;
      f.tosmask = -1;
    } else if (matches(w, 'protocol')) {
      const v = next();
      f.protocolmask = -1;
      const pr = protoA2n(v);
      if (pr === null) {
        if (v !== 'all') ip.invarg('invalid "protocol"\n', v);
        f.protocol = 0;
        f.protocolmask = 0;
      } else {
        f.protocol = pr;
      }
    } else if (matches(w, 'scope')) {
      const v = next();
      f.scopemask = -1;
      const s = scopeA2n(v);
      if (s === null) {
        if (v !== 'all') ip.invarg('invalid "scope"\n', v);
        f.scope = SCOPE.NOWHERE;
        f.scopemask = 0;
      } else {
        f.scope = s;
      }
    } else if (matches(w, 'type')) {
      const v = next();
      const t = rtntypeA2n(v);
      if (t === null) ip.invarg('node type value is invalid\n', v);
      f.typemask = 1 << t;
    } else if (w === 'dev' || w === 'oif') {
      dev = next();
    } else if (w === 'iif' || w === 'mark') {
      next();
    } else if (matches(w, 'metric') || matches(w, 'priority') || w === 'preference') {
      const v = next();
      const m = getUnsigned(v);
      if (m === null) ip.invarg('"metric" value is invalid\n', v);
      f.metric = m;
      f.metricmask = -1;
    } else if (w === 'via') {
      let v = next();
      let fam = readFamily(v);
      if (fam === AF.UNSPEC) fam = dumpFamily;
      else v = next();
      f.rvia = getPrefix(ip, v, fam);
    } else if (w === 'src') {
      f.rprefsrc = getPrefix(ip, next(), dumpFamily);
    } else if (matches(w, 'realms')) {
      const v = next();
      const realms = realmsA2n(v);
      if (realms === null) ip.invarg('invalid realms\n', v);
      f.realm = realms;
      f.realmmask = 0xffffffff;
      if ((realms & 0xffff) === 0 && v.endsWith('/')) f.realmmask = (f.realmmask & ~0xffff) >>> 0;
      if ((realms & 0xffff0000) === 0 && (!v.includes('/') || v.startsWith('/'))) f.realmmask = (f.realmmask & 0xffff) >>> 0;
    } else if (matches(w, 'from')) {
      let v = next();
      if (matches(v, 'root') || matches(v, 'match') || matches(v, 'exact')) v = next();
      getPrefix(ip, v, dumpFamily);
    } else {
      let v = w;
      if (matches(v, 'to')) v = next();
      if (matches(v, 'root')) {
        f.rdst = getPrefix(ip, next(), dumpFamily);
      } else if (matches(v, 'match')) {
        f.mdst = getPrefix(ip, next(), dumpFamily);
      } else {
        if (matches(v, 'exact')) v = next();
        f.mdst = getPrefix(ip, v, dumpFamily);
        f.rdst = f.mdst;
      }
    }
  }
  if (dumpFamily === AF.UNSPEC && f.tb) dumpFamily = AF.INET;
  return dev === undefined ? { family: dumpFamily } : { dev, family: dumpFamily };
}

async function list(ip: Ip, argv: string[], mode: boolean | 'save'): Promise<number> {
  const flush = mode === true;
  const f = newRouteFilter();
  if (flush && argv.length === 0) {
    ip.err('"ip route flush" requires arguments.\n');
    return 1;
  }
  const sel = parseSelectors(ip, argv, f);
  if (sel.dev !== undefined) {
    f.oif = await ip.index(sel.dev);
    if (!f.oif) ip.nodev(sel.dev);
    f.oifmask = -1;
  }
  const family = sel.family === AF.INET ? 4 : sel.family === AF.INET6 ? 6 : undefined;
  // cloned (cache) entries are not kept: a listing of them is empty
  const dump = async (): Promise<RouteMsg[]> => {
    if (f.cloned) return [];
    const reply = await ip.call({ kind: 'getroutes', ...(family ? { family } : {}), ...(f.tb ? { table: f.tb } : {}) });
    if (isNetError(reply)) {
      ip.reportError(reply);
      ip.err(flush ? 'Flush terminated\n' : 'Dump terminated\n');
      throw new IpExit(2);
    }
    return ('routes' in reply ? reply.routes : []).filter((r) => routePasses(ip, f, r));
  };
  if (flush) return flushRoutes(ip, f, dump, family);
  if (mode === 'save') return saveRoutes(ip, await dump());
  ip.printer.start();
  for (const r of await dump()) await printRoute(ip, f, r);
  ip.printer.finish();
  return 0;
}

/** The delete request flush sends for a dumped route: the route itself. */
function specFromMsg(r: RouteMsg): RouteSpec {
  const spec: RouteSpec = { family: r.family, table: r.table, type: r.type, protocol: r.protocol, scope: r.scope, tos: r.tos, flags: 0, dstLen: r.dstLen };
  if (r.dst !== undefined) spec.dst = r.dst;
  if (r.gateway !== undefined) spec.gateway = r.gateway;
  if (r.oif !== undefined) spec.oif = r.oif;
  if (r.prefsrc !== undefined) spec.prefsrc = r.prefsrc;
  if (r.priority !== undefined) spec.priority = r.priority;
  // (the dump's RTA_NH_ID goes back with the next hops, which the kernel refuses together)
  if (r.nhid !== undefined) spec.nhid = r.nhid;
  return spec;
}

async function flushRoutes(ip: Ip, f: RouteFilter, dump: () => Promise<RouteMsg[]>, family: 4 | 6 | undefined): Promise<number> {
  const stats = ip.opts.stats;
  if (f.cloned && family !== 6 && stats) ip.out('*** IPv4 routing cache is flushed.\n');
  if (f.cloned && family === 4) return 0;
  for (let round = 0; ; ) {
    await ip.ctx.tick();
    const routes = (await dump()).filter((r) => !(r.family === 6 && r.dstLen === 0 && r.type === RTN.UNREACHABLE && r.priority === 0xffffffff));
    if (routes.length === 0) {
      if (stats) ip.out(round === 0 && (!f.cloned || family === 6) ? 'Nothing to flush.\n' : `*** Flush is complete after ${round} round${round > 1 ? 's' : ''} ***\n`);
      return 0;
    }
    if (stats > 1) for (const r of routes) await printRoute(ip, f, r);
    round++;
    for (const r of routes) {
      const reply = await ip.call({ kind: 'delroute', route: specFromMsg(r) });
      if (isNetError(reply)) {
        ip.err(`Failed to send flush request: ${strerror(reply.errno)}\n`);
        return 2;
      }
    }
    if (stats) ip.out(`\n*** Round ${round}, deleting ${routes.length} entries ***\n`);
  }
}

export async function doRoute(ip: Ip, argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd === undefined) return list(ip, [], false);
  if (matches(cmd, 'add')) return modify(ip, rest, false, { create: true, excl: true });
  if (matches(cmd, 'change') || cmd === 'chg') return modify(ip, rest, false, { replace: true });
  if (matches(cmd, 'replace')) return modify(ip, rest, false, { create: true, replace: true });
  if (matches(cmd, 'prepend')) return modify(ip, rest, false, { create: true });
  if (matches(cmd, 'append')) return modify(ip, rest, false, { create: true, append: true });
  if (matches(cmd, 'test')) return modify(ip, rest, false, { excl: true });
  if (matches(cmd, 'delete')) return modify(ip, rest, true, {});
  if (matches(cmd, 'list') || matches(cmd, 'show') || matches(cmd, 'lst')) return list(ip, rest, false);
  if (matches(cmd, 'get')) return routeGet(ip, rest);
  if (matches(cmd, 'flush')) return list(ip, rest, true);
  if (matches(cmd, 'save')) return list(ip, rest, 'save');
  if (matches(cmd, 'restore')) return restoreRoutes(ip);
  if (matches(cmd, 'showdump')) return showdumpRoutes(ip);
  if (matches(cmd, 'help')) ip.fail(ROUTE_USAGE);
  return ip.fail(`Command "${cmd}" is unknown, try "ip route help".\n`);
}
