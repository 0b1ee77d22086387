// `ip route get ADDRESS [from ADDRESS] [oif DEV] ...` (ip/iproute.c iproute_get): asks the
// kernel to resolve one destination and prints the answer with its cache line.
import type { RouteGet } from '../../shared/services/net';
import { afToFamily, getAddr, getPrefix, prefixText } from './ip-inet';
import { dsfieldA2n, inetProtoA2n } from './ip-names';
import { newRouteFilter, printRoute } from './ip-route-print';
import type { Ip } from './ip-session';
import { ROUTE_USAGE } from './ip-usage';
import { AF, Args, getUnsigned, matches } from './ip-util';

export async function routeGet(ip: Ip, argv: string[]): Promise<number> {
  let family = ip.family;
  const args = new Args(argv);
  let dst: string | undefined;
  let src: string | undefined;
  let idev: string | undefined;
  let odev: string | undefined;
  let uid: number | undefined;
  let mark: number | undefined;
  let fibMatch = false;
  let connected = false;
  let ipproto: number | null = null;
  const next = (): string => {
    args.advance();
    if (args.done) ip.incomplete();
    return args.cur;
  };
  for (; !args.done; args.advance()) {
    const w = args.cur;
    if (w === 'tos' || matches(w, 'dsfield')) {
      const v = next();
      if (dsfieldA2n(v) === null) ip.invarg('TOS value is invalid\n', v);
    } else if (matches(w, 'from')) {
      const v = next();
      if (matches(v, 'help')) ip.fail(ROUTE_USAGE);
      const p = getPrefix(ip, v, family);
      if (family === AF.UNSPEC) family = p.family;
      src = prefixText(p);
    } else if (matches(w, 'iif')) {
      idev = next();
    } else if (matches(w, 'mark')) {
      const v = next();
      const n = getUnsigned(v);
      if (n === null) ip.invarg('invalid mark value', v);
      mark = n;
    } else if (matches(w, 'oif') || w === 'dev') {
      odev = next();
    } else if (matches(w, 'notify')) {
      // accepted; the answer is the same here
    } else if (matches(w, 'connected')) {
      connected = true;
    } else if (matches(w, 'vrf')) {
      ip.invarg('Invalid VRF\n', next());
    } else if (matches(w, 'uid')) {
      const v = next();
      const n = getUnsigned(v);
      if (n === null) ip.invarg('invalid UID\n', v);
      uid = n;
    } else if (matches(w, 'fibmatch')) {
      fibMatch = true;
    } else if (w === 'as') {
      let v = next();
      if (v === 'to') v = next();
      getAddr(ip, v, family);
    } else if (matches(w, 'sport') || matches(w, 'dport')) {
      const v = next();
      if (getUnsigned(v, 0xffff) === null) ip.invarg(matches(w, 'sport') ? 'invalid sport\n' : 'invalid dport\n', v);
    } else if (matches(w, 'ipproto')) {
      const v = next();
      ipproto = await inetProtoA2n(ip.ctx.sys, v);
      if (ipproto === null) ip.invarg('Invalid "ipproto" value\n', v);
    } else {
      let v = w;
      if (v === 'to') v = next();
      if (matches(v, 'help')) ip.fail(ROUTE_USAGE);
      const p = getPrefix(ip, v, family);
      if (family === AF.UNSPEC) family = p.family;
      const host = p.family === AF.INET6 ? 128 : 32;
      if (p.bitlen !== host && p.family !== AF.UNSPEC) ip.err(`Warning: /${p.bitlen} as prefix is invalid, only /${host} (or none) is supported.\n`);
      dst = prefixText(p) ?? (p.family === AF.INET6 ? '::' : '0.0.0.0');
    }
  }
  if (dst === undefined) {
    ip.err('need at least a destination address\n');
    return 1;
  }
  const q: RouteGet = { family: afToFamily(family === AF.UNSPEC ? AF.INET : family), dst };
  if (idev !== undefined) {
    q.iif = await ip.index(idev);
    if (!q.iif) ip.nodev(idev);
  }
  if (odev !== undefined) {
    q.oif = await ip.index(odev);
    if (!q.oif) ip.nodev(odev);
  }
  // rtm_getroute_parse_ip_proto: the kernel answers for TCP, UDP and its family's ICMP only
  if (ipproto !== null && ![6, 17, q.family === 6 ? 58 : 1].includes(ipproto)) {
    ip.reportError({ ok: false, errno: 'EOPNOTSUPP', msg: 'Unsupported ip proto' });
    return 2;
  }
  if (src !== undefined) q.src = src;
  if (uid !== undefined) q.uid = uid;
  if (mark !== undefined) q.mark = mark;
  if (fibMatch) q.fibMatch = true;
  const reply = await ip.talk({ kind: 'getroute', query: q });
  if (!('route' in reply)) return 2;
  const f = { ...newRouteFilter(), tb: 0 };
  ip.printer.start();
  if (connected && src === undefined) {
    // iproute_get prints the answer, then asks again with the same request (its edits
    // went to the answer, not the request) and prints the second answer too
    await printRoute(ip, f, reply.route);
    if (reply.route.prefsrc === undefined && reply.route.src === undefined) {
      ip.printer.finish();
      ip.err('Failed to connect the route\n');
      return 255;
    }
  }
  await printRoute(ip, f, reply.route);
  ip.printer.finish();
  return 0;
}
