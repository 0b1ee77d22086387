// An ICMPv6 echo (ping -6) from this machine. The lab has no IPv6 router and no IPv6 host: only
// this machine's own addresses answer (::1, and any address of its links, link-local ones
// included), over the loopback and through ip6tables' OUTPUT and INPUT as any local packet.
// An address on a link's prefix (or behind an IPv6 gateway) fails its neighbour discovery and
// the kernel reports "Address unreachable" from our own address; an address no route covers
// fails at once with ENETUNREACH, as connect(2) does.
import type { EchoReply, TrafficError, TrafficErrno, Why } from '../../shared/services/traffic';
import type { Caller } from '../../shared/sys';
import { RTN } from '../../shared/services/net';
import { ARP_FAIL_US, type ExchangeEnv } from './exchange';
import { rejectAnswer6 } from './reject6';
import type { Flow } from './firewall';

const KERNEL: Caller = { pid: 0, uid: 0, euid: 0, gid: 0, egid: 0, groups: [0] };
const ICMP6 = 58;
const ECHO_REQUEST = 128;
const ECHO_REPLY = 129;
const DST_UNREACH = 1;
/** IPv6 header (40) and ICMPv6 echo header (8) around the data */
const HEADERS = 48;

const isMulticast = (a: string): boolean => a.toLowerCase().startsWith('ff');

export interface Echo6Request {
  dst: string;
  size: number;
  hopLimit?: number;
  /** the interface the destination's scope (fe80::1%eth0) or ping -I names */
  oif?: number;
}

export type Leg6 = { kind: 'local'; src: string; ifindex: number; ifname: string } | { kind: 'wire'; src: string; ifindex: number; ifname: string; nextHop: string };

/** The route connect(2) would pick for `dst`, out of `oif` when one is named. */
export function route6(env: ExchangeEnv, dst: string, oif: number | undefined): Leg6 | TrafficError {
  const r = env.net.handle(KERNEL, { kind: 'getroute', query: { family: 6, dst, ...(oif !== undefined ? { oif } : {}) } });
  const noRoute: Why = { kind: 'no-route', dst };
  if (!('route' in r)) return { kind: 'error', errno: ('errno' in r ? r.errno : 'ENETUNREACH') as TrafficErrno, why: noRoute };
  const route = r.route;
  if (route.type !== RTN.LOCAL && route.type !== RTN.UNICAST && route.type !== RTN.MULTICAST) return { kind: 'error', errno: 'ENETUNREACH', why: noRoute };
  const link = env.net.links().find((l) => l.ifindex === route.oif);
  if (!link) return { kind: 'error', errno: 'ENETUNREACH', why: noRoute };
  // a multicast echo (ff02::1) is answered by every node of the link: here only this one, from its link-local address
  if (route.type === RTN.MULTICAST) {
    const own = env.net.addresses(6).find((a) => a.ifindex === link.ifindex && a.local.toLowerCase().startsWith('fe80:'));
    if (!own) return { kind: 'error', errno: 'ENETUNREACH', why: noRoute };
    return { kind: 'local', src: own.local, ifindex: link.ifindex, ifname: link.name };
  }
  const src = route.prefsrc ?? '::';
  if (route.type === RTN.LOCAL || link.linkType === 'loopback') return { kind: 'local', src, ifindex: link.ifindex, ifname: 'lo' };
  return { kind: 'wire', src, ifindex: link.ifindex, ifname: link.name, nextHop: route.gateway ?? dst };
}

/** An ICMPv6 error about `req`, sent by `from` (IPv6 quotes as much as fits in 1280 bytes). */
function errorFlow(req: Flow, from: string, code: number): Flow {
  return { family: 6, proto: ICMP6, src: from, dst: req.src, icmpType: DST_UNREACH, icmpCode: code, length: 48 + Math.min(req.length, 1232) };
}

/** An address of this machine as ping prints it: a link-local one with its link's name (fe80::1%eth0). */
function scoped(env: ExchangeEnv, addr: string): string {
  if (!addr.toLowerCase().startsWith('fe80:')) return addr;
  const own = env.net.addresses(6).find((a) => a.local === addr);
  const link = own && env.net.links().find((l) => l.ifindex === own.ifindex);
  return link ? `${addr}%${link.name}` : addr;
}

function icmpError(env: ExchangeEnv, e: Flow, afterUs: number, why: Why): Extract<EchoReply, { kind: 'icmp-error' }> {
  return { kind: 'icmp-error', from: scoped(env, e.src), type: e.icmpType!, code: e.icmpCode!, afterUs, at: Math.round(env.now + afterUs / 1000), why };
}

/** One echo request and what comes back for it. */
export function echo6(env: ExchangeEnv, caller: Caller, q: Echo6Request): EchoReply {
  const leg = route6(env, q.dst, q.oif);
  if (leg.kind === 'error') return leg;
  const req: Flow = { family: 6, proto: ICMP6, src: leg.src, dst: q.dst, icmpType: ECHO_REQUEST, icmpCode: 0, icmpId: caller.pid & 0xffff, length: HEADERS + q.size, uid: caller.euid, gid: caller.egid };
  const out = env.fw.output(req, leg.ifname, 'request');
  if (!out.ok) {
    // (unlike IPv4's, a dropped IPv6 send is not reported to the sender)
    if (out.verdict !== 'REJECT') return { kind: 'lost', why: out.why };
    // the error reaches the sender over the loopback, and the send itself fails
    const e = errorFlow(req, req.src, rejectAnswer6(out.rejectWith).code);
    if (!env.fw.output(e, 'lo', 'reply').ok || !env.fw.input(e, 'lo', 'reply').ok) return { kind: 'error', errno: 'EPERM', why: out.why };
    return { ...icmpError(env, e, 20, out.why), sendErrno: 'EPERM' };
  }
  if (leg.kind === 'wire') {
    // nobody on the link answers neighbour solicitations: the kernel gives up after three
    return icmpError(env, errorFlow(req, leg.src, 3), env.arpFailUs(leg.nextHop) || ARP_FAIL_US, { kind: 'no-neighbour', address: leg.nextHop });
  }
  const inp = env.fw.input(req, leg.ifname, 'request');
  if (!inp.ok) {
    if (inp.verdict !== 'REJECT') return { kind: 'lost', why: inp.why };
    // the error travels back over the loopback like any answer (a rule that rejects it too loses it)
    const e = errorFlow(req, isMulticast(q.dst) ? leg.src : q.dst, rejectAnswer6(inp.rejectWith).code);
    if (!env.fw.output(e, leg.ifname, 'reply').ok || !env.fw.input(e, leg.ifname, 'reply').ok) return { kind: 'lost', why: inp.why };
    return icmpError(env, e, 30, inp.why);
  }
  if (env.sysctl('net.ipv6.icmp.echo_ignore_all') === '1') return { kind: 'lost', why: { kind: 'kernel', answer: 'ignored' } };
  const from = isMulticast(q.dst) ? leg.src : q.dst;
  const reply: Flow = { family: 6, proto: ICMP6, src: from, dst: req.src, icmpType: ECHO_REPLY, icmpCode: 0, icmpId: req.icmpId!, length: req.length };
  const why: Why = { kind: 'kernel', answer: 'echo-reply' };
  if (!env.fw.output(reply, leg.ifname, 'reply').ok) return { kind: 'lost', why };
  if (!env.fw.input(reply, leg.ifname, 'reply').ok) return { kind: 'lost', why };
  const hop = Number(env.sysctl('net.ipv6.conf.default.hop_limit') ?? 64);
  return { kind: 'reply', from: scoped(env, from), ttl: hop, rttUs: 20 + Math.round(60 * env.random()) };
}
