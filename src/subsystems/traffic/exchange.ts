// One packet of this machine and whatever comes back for it: the route (and source address) it
// takes, the OUTPUT/POSTROUTING walk, then either local delivery (loopback or one of our own
// addresses: PREROUTING/INPUT, then the kernel or a socket answers) or the wire (ARP for the next
// hop on the lab LAN, the routers to the internet, the world host's own behaviour), and the
// answer's PREROUTING/INPUT walk. Link counters move on the way unless the walk is dry.
import { IFF, RTN } from '../../shared/services/net';
import { textInPrefix } from '../../shared/services/net-addr';
import type { Peer, TrafficError, TrafficErrno, Why } from '../../shared/services/traffic';
import type { Caller } from '../../shared/sys';
import { LAN, type RemoteHost } from '../lan/world';
import type { Network } from '../net/network';
import type { Sockets } from '../sockets/sockets';
import { Firewall, TCP, rejectAnswer, type Flow } from './firewall';
import { replyTtl, routerRttMs, routersTo, routerTtl, worldHost } from './world-paths';

const KERNEL: Caller = { pid: 0, uid: 0, euid: 0, gid: 0, egid: 0, groups: [0] };
/** Ethernet header bytes the link counters add to every IP packet (lo has one too). */
const ETH = 14;
/** How long the kernel tries ARP before it gives the neighbour up (3 probes, 1 s apart). */
export const ARP_FAIL_US = 3_000_000;

export interface ExchangeEnv {
  /** virtual time of the request (read once per request) */
  now: number;
  net: Network;
  sockets: Sockets;
  fw: Firewall;
  /** uniform in [0, 1): RTT jitter */
  random(): number;
  sysctl(key: string): string | undefined;
  /** When a pending ARP resolution of `address` gives up, in microseconds from now. */
  arpFailUs(address: string): number;
  /** The firewall of the sender's namespace (one of `ip netns add`'s), for what stays inside it. */
  nsFw?: Firewall;
  /** That namespace's stack: its loopback counts what goes round it. */
  nsNet?: Network;
  /** The firewall of the namespace at a veth's other end, when the packet crosses into it. */
  peerFw?: Firewall;
}

/** A packet round the namespace's loopback (index 1), sent and received (counted as Ethernet frames, as every caller does). */
function loopNs(env: ExchangeEnv, flow: Flow): void {
  if (env.nsNet && !env.peerFw && !env.fw.dry) for (const dir of ['tx', 'rx'] as const) env.nsNet.count(1, dir, flow.length + ETH);
}

/**
 * Where a packet goes from here. A local leg with `netns` delivers into that network namespace
 * (a container's): across the docker0 bridge from the host (the host's OUTPUT walk for the
 * packet, INPUT for the answer), or `inside` one namespace or between two containers on the
 * bridge, where no hook of the host's is crossed and no host counter moves.
 */
export type Leg =
  | { kind: 'local'; src: string; ifindex: number; ifname: string; netns?: number; inside?: boolean }
  | { kind: 'wire'; src: string; ifindex: number; ifname: string; gateway?: string; mtu: number };

/** What came back for a packet. */
export type Outcome =
  /** `sendErrno`: the send failed as well (an echo rejected on its way out: EPERM and the error) */
  | { kind: 'answer'; reply: Flow; rttUs: number; ttl: number; why: Why; peer?: Peer; sendErrno?: TrafficErrno }
  | { kind: 'silent'; why: Why }
  | TrafficError;

const ERRNO_OF_TYPE: Readonly<Record<number, 'unreachable' | 'prohibit' | 'blackhole' | 'throw'>> = { [RTN.UNREACHABLE]: 'unreachable', [RTN.PROHIBIT]: 'prohibit', [RTN.BLACKHOLE]: 'blackhole', [RTN.THROW]: 'throw' };

/** The kernel's route for `dst` (ip route get), with the source address it selects. */
export function routeFor(env: ExchangeEnv, dst: string): Leg | TrafficError {
  const r = env.net.handle(KERNEL, { kind: 'getroute', query: { family: 4, dst } });
  if (!('route' in r)) {
    const errno = ('errno' in r ? r.errno : 'ENETUNREACH') as TrafficErrno;
    const type = env.net.routes(4).find((x) => x.dst !== undefined && x.type !== RTN.UNICAST && x.type !== RTN.LOCAL && textInPrefix(dst, x.dst, x.dstLen))?.type;
    const why: Why = { kind: 'no-route', dst, ...(type !== undefined && ERRNO_OF_TYPE[type] ? { type: ERRNO_OF_TYPE[type] } : {}) };
    return { kind: 'error', errno, why };
  }
  const route = r.route;
  // connect(2) to a broadcast address without SO_BROADCAST
  if (route.type === RTN.BROADCAST) return { kind: 'error', errno: 'EACCES', why: { kind: 'no-route', dst, type: 'broadcast' } };
  const link = env.net.links().find((l) => l.ifindex === route.oif);
  if (!link) return { kind: 'error', errno: 'ENETUNREACH', why: { kind: 'no-route', dst } };
  const src = route.prefsrc ?? '0.0.0.0';
  if (route.type === RTN.LOCAL || link.linkType === 'loopback') return { kind: 'local', src, ifindex: link.ifindex, ifname: link.name };
  return { kind: 'wire', src, ifindex: link.ifindex, ifname: link.name, mtu: link.mtu, ...(route.gateway !== undefined ? { gateway: route.gateway } : {}) };
}

function jitter(env: ExchangeEnv, baseUs: number): number {
  return Math.max(1, Math.round(baseUs * (0.93 + 0.14 * env.random())));
}

function count(env: ExchangeEnv, ifindex: number, dir: 'rx' | 'tx', flow: Flow): void {
  if (!env.fw.dry) env.net.count(ifindex, dir, flow.length + ETH);
}

/** The answer a host (or this machine's kernel) sends for `req`: swapped ends. */
function answerTo(req: Flow, fields: Partial<Flow>): Flow {
  return { proto: req.proto, src: req.dst, dst: req.src, ...(req.dport !== undefined ? { sport: req.dport } : {}), ...(req.sport !== undefined ? { dport: req.sport } : {}), ...(req.icmpId !== undefined ? { icmpId: req.icmpId } : {}), length: 40, ...fields };
}

/**
 * An ICMP error about `req` sent by `from`: it quotes as much of the request as fits in 576
 * bytes (icmp_send: 548 after its own IP and ICMP headers).
 */
export function icmpErrorFor(req: Flow, from: string, type: number, code: number): Flow {
  return { proto: 1, src: from, dst: req.src, icmpType: type, icmpCode: code, length: 28 + Math.min(req.length, 548) };
}

/**
 * A packet that arrived for this machine (or for network namespace `netns` of it): the kernel
 * or a socket of that namespace answers it, or nobody does.
 */
export function respondLocally(env: ExchangeEnv, req: Flow, netns = 0): { reply?: Flow; why: Why; peer?: Peer } {
  if (req.proto === 1) {
    if (req.icmpType !== 8) return { why: { kind: 'kernel', answer: 'ignored' } };
    // a new namespace starts with its own sysctls at their defaults
    if (netns === 0 && env.sysctl('net.ipv4.icmp_echo_ignore_all') === '1') return { why: { kind: 'kernel', answer: 'ignored' } };
    return { reply: answerTo(req, { icmpType: 0, icmpCode: 0, length: req.length }), why: { kind: 'kernel', answer: 'echo-reply' } };
  }
  const proto = req.proto === 6 ? 'tcp' : 'udp';
  const port = req.dport ?? 0;
  const s = env.sockets.listener(proto, req.dst, port, 4, netns);
  if (proto === 'tcp') {
    if (s) return { reply: answerTo(req, { tcpFlags: TCP.SYN | TCP.ACK, length: 60 }), why: { kind: 'socket', proto, port, pid: s.pid, comm: s.comm }, peer: { kind: 'local', pid: s.pid, comm: s.comm, socket: s.id } };
    return { reply: answerTo(req, { tcpFlags: TCP.RST | TCP.ACK, length: 40 }), why: { kind: 'nothing-listening', proto, port } };
  }
  if (s) return { why: { kind: 'socket', proto, port, pid: s.pid, comm: s.comm }, peer: { kind: 'local', pid: s.pid, comm: s.comm, socket: s.id } };
  return { reply: icmpErrorFor(req, req.dst, 3, 3), why: { kind: 'nothing-listening', proto, port } };
}

/** Sends `req` along `leg` and collects what comes back through INPUT. */
export function exchange(env: ExchangeEnv, req: Flow, leg: Leg, ttl = 64): Outcome {
  if (leg.kind === 'local' && leg.inside) return deliverInside(env, req, leg.netns ?? 0);
  const out = env.fw.output(req, leg.ifname, 'request');
  if (!out.ok) {
    // a local REJECT answers the sender at once; a packet this machine itself drops on its way
    // out fails the send with EPERM (nf_hook's verdict reaches the socket), as ping's
    // `sendmsg: Operation not permitted` shows
    // an echo rejected on its way out: its error reaches ping over the loopback, and the send
    // fails; an error the firewall stops in turn leaves only the failed send
    // (TCP takes no notice of a failed transmit: its segment is lost, to be sent again later)
    if (out.verdict === 'REJECT') {
      const r = rejected(env, req, out.rejectWith, out.why);
      if (r.kind !== 'answer') return req.proto === 6 ? r : { kind: 'error', errno: 'EPERM', why: out.why };
      return req.proto !== 6 ? { ...r, sendErrno: 'EPERM' } : r;
    }
    if (out.verdict === 'DROP') return req.proto === 6 ? { kind: 'silent', why: out.why } : { kind: 'error', errno: 'EPERM', why: out.why };
    return { kind: 'silent', why: out.why };
  }
  count(env, leg.ifindex, 'tx', req);
  if (leg.kind === 'wire') return deliverWire(env, req, leg, ttl);
  return leg.netns !== undefined ? deliverBridged(env, req, leg, leg.netns) : deliverLocal(env, req, leg);
}

/** Within a namespace (its loopback or own address), or bridged between two containers. */
function deliverInside(env: ExchangeEnv, req: Flow, netns: number): Outcome {
  const fw = env.nsFw;
  if (fw) {
    // the namespace's own OUTPUT and INPUT, over its loopback
    const out = fw.output(req, 'lo', 'request');
    if (!out.ok) {
      if (out.verdict === 'REJECT') {
        const r = rejected({ ...env, fw }, req, out.rejectWith, out.why);
        if (r.kind !== 'answer') return req.proto === 6 ? r : { kind: 'error', errno: 'EPERM', why: out.why };
        return req.proto !== 6 ? { ...r, sendErrno: 'EPERM' } : r;
      }
      return req.proto === 6 || out.verdict !== 'DROP' ? { kind: 'silent', why: out.why } : { kind: 'error', errno: 'EPERM', why: out.why };
    }
    loopNs(env, req);
    // (across a veth, the other namespace's firewall takes the packet in and the answer out)
    const far = env.peerFw ?? fw;
    const inp = far.input(req, 'lo', 'request');
    if (!inp.ok) {
      if (inp.verdict !== 'REJECT') return { kind: 'silent', why: inp.why };
      const a = rejectAnswer(inp.rejectWith);
      const reply = a.kind === 'tcp-reset' && req.proto === 6 ? answerTo(req, { tcpFlags: TCP.RST | TCP.ACK, length: 40 }) : icmpErrorFor(req, req.dst, 3, a.kind === 'icmp' ? a.code : 3);
      if (!far.output(reply, 'lo', 'reply').ok) return { kind: 'silent', why: inp.why };
      loopNs(env, reply);
      if (!fw.input(reply, 'lo', 'reply').ok) return { kind: 'silent', why: inp.why };
      return { kind: 'answer', reply, rttUs: 30, ttl: 64, why: inp.why };
    }
  }
  const r = respondLocally(env, req, netns);
  if (!r.reply) return { kind: 'silent', why: r.why };
  if (fw && !(env.peerFw ?? fw).output(r.reply, 'lo', 'reply').ok) return { kind: 'silent', why: r.why };
  if (fw) loopNs(env, r.reply);
  if (fw && !fw.input(r.reply, 'lo', 'reply').ok) return { kind: 'silent', why: r.why };
  return { kind: 'answer', reply: r.reply, rttUs: 20 + Math.round(60 * env.random()), ttl: 64, why: r.why, ...(r.peer ? { peer: r.peer } : {}) };
}

/** Out of the host by the bridge into namespace `netns`, whose kernel or socket answers; the answer crosses the host's INPUT. */
function deliverBridged(env: ExchangeEnv, req: Flow, leg: Extract<Leg, { kind: 'local' }>, netns: number): Outcome {
  const r = respondLocally(env, req, netns);
  if (!r.reply) return { kind: 'silent', why: r.why };
  count(env, leg.ifindex, 'rx', r.reply);
  const back = env.fw.input(r.reply, leg.ifname, 'reply');
  if (!back.ok) return { kind: 'silent', why: back.why };
  // a veth pair and a bridge: a little slower than the loopback
  return { kind: 'answer', reply: r.reply, rttUs: 40 + Math.round(80 * env.random()), ttl: 64, why: r.why, ...(r.peer ? { peer: r.peer } : {}) };
}

/** An OUTPUT REJECT's answer (RST or ICMP error), handed to the sender over the loopback. */
function rejected(env: ExchangeEnv, req: Flow, rejectWith: string, why: Why): Outcome {
  const a = rejectAnswer(rejectWith);
  const reply = a.kind === 'tcp-reset' && req.proto === 6 ? answerTo(req, { tcpFlags: TCP.RST | TCP.ACK, length: 40 }) : icmpErrorFor(req, req.src, 3, a.kind === 'icmp' ? a.code : 3);
  // the error leaves through OUTPUT like any packet of this machine (a REJECT there drops it: no
  // error answers an error) and comes back in over the loopback
  const out = env.fw.output(reply, 'lo', 'reply');
  if (!out.ok) return { kind: 'silent', why: out.why };
  const back = env.fw.input(reply, 'lo', 'reply');
  if (!back.ok) return { kind: 'silent', why: back.why };
  return { kind: 'answer', reply, rttUs: 20, ttl: 64, why };
}

function deliverLocal(env: ExchangeEnv, req: Flow, leg: Extract<Leg, { kind: 'local' }>): Outcome {
  count(env, leg.ifindex, 'rx', req);
  const inp = env.fw.input(req, leg.ifname, 'request');
  if (!inp.ok) {
    if (inp.verdict === 'REJECT') return rejectedLocally(env, req, inp.rejectWith, leg, inp.why);
    return { kind: 'silent', why: inp.why };
  }
  const r = respondLocally(env, req);
  if (!r.reply) return { kind: 'silent', why: r.why };
  return loopBack(env, r.reply, leg, r.why, r.peer);
}

function rejectedLocally(env: ExchangeEnv, req: Flow, rejectWith: string, leg: Extract<Leg, { kind: 'local' }>, why: Why): Outcome {
  const a = rejectAnswer(rejectWith);
  const reply = a.kind === 'tcp-reset' && req.proto === 6 ? answerTo(req, { tcpFlags: TCP.RST | TCP.ACK, length: 40 }) : icmpErrorFor(req, req.dst, 3, a.kind === 'icmp' ? a.code : 3);
  return loopBack(env, reply, leg, why);
}

/** This machine's own answer travelling back over the loopback. */
function loopBack(env: ExchangeEnv, reply: Flow, leg: Extract<Leg, { kind: 'local' }>, why: Why, peer?: Peer): Outcome {
  const out = env.fw.output(reply, leg.ifname, 'reply');
  if (!out.ok) return { kind: 'silent', why: out.why };
  count(env, leg.ifindex, 'tx', reply);
  count(env, leg.ifindex, 'rx', reply);
  const back = env.fw.input(reply, leg.ifname, 'reply');
  if (!back.ok) return { kind: 'silent', why: back.why };
  // loopback round trips are tens of microseconds, and vary a lot relative to that
  return { kind: 'answer', reply, rttUs: 20 + Math.round(60 * env.random()), ttl: Number(env.sysctl('net.ipv4.ip_default_ttl') ?? 64), why, ...(peer ? { peer } : {}) };
}

/** Whether the device is the VM's NIC cabled to the lab LAN, and in a state to carry packets. */
function wireState(env: ExchangeEnv, leg: Extract<Leg, { kind: 'wire' }>): Why | undefined {
  const link = env.net.links().find((l) => l.ifindex === leg.ifindex);
  if (!link || link.linkType !== 'ether' || link.kind !== undefined) return { kind: 'link', ifname: leg.ifname, state: 'not-cabled' };
  if ((link.flags & IFF.UP) === 0) return { kind: 'link', ifname: leg.ifname, state: 'down' };
  if ((link.flags & IFF.LOWER_UP) === 0) return { kind: 'link', ifname: leg.ifname, state: 'no-carrier' };
  if (!textInPrefix(leg.src, LAN.network, LAN.prefixlen)) return { kind: 'no-address', ifname: leg.ifname };
  return undefined;
}

function deliverWire(env: ExchangeEnv, req: Flow, leg: Extract<Leg, { kind: 'wire' }>, ttl: number): Outcome {
  const bad = wireState(env, leg);
  const nextHop = leg.gateway ?? req.dst;
  if (bad) {
    // without carrier ARP goes unanswered; a virtual device or a foreign subnet just loses it
    if (bad.kind === 'link' && bad.state === 'no-carrier') return hostUnreachable(env, req, leg, { kind: 'no-neighbour', address: nextHop });
    return { kind: 'silent', why: bad };
  }
  const hop = worldHost(nextHop);
  if (!hop || hop.where !== 'lan') return hostUnreachable(env, req, leg, { kind: 'no-neighbour', address: nextHop });
  const host = worldHost(req.dst);
  const viaRouter = leg.gateway !== undefined && nextHop !== req.dst;
  // only the lab's router forwards; any other LAN host drops what is not addressed to it
  if (viaRouter && nextHop !== LAN.gateway) return { kind: 'silent', why: { kind: 'remote', host: hop.name, answer: 'ignored' } };
  const routers = viaRouter || host?.where === 'internet' ? routersTo(req.dst, host) : [];
  if (ttl <= routers.length) return timeExceeded(env, req, leg, ttl, host);
  if (!host) {
    // the router knows the LAN: an unknown LAN address fails its ARP; the internet swallows the rest
    if (textInPrefix(req.dst, LAN.network, LAN.prefixlen)) return arrive(env, icmpErrorFor(req, LAN.gateway, 3, 1), leg, ARP_FAIL_US, 64, { kind: 'no-neighbour', address: req.dst });
    return { kind: 'silent', why: { kind: 'no-host', address: req.dst } };
  }
  return remoteAnswer(env, req, leg, host);
}

function hostUnreachable(env: ExchangeEnv, req: Flow, leg: Extract<Leg, { kind: 'wire' }>, why: Why & { kind: 'no-neighbour' }): Outcome {
  // the kernel reports the failed neighbour itself, from our own address; no firewall walk
  return { kind: 'answer', reply: icmpErrorFor(req, leg.src, 3, 1), rttUs: env.arpFailUs(why.address), ttl: 64, why };
}

function timeExceeded(env: ExchangeEnv, req: Flow, leg: Extract<Leg, { kind: 'wire' }>, ttl: number, host: RemoteHost | undefined): Outcome {
  const router = routersTo(req.dst, host)[ttl - 1]!;
  if (!router.answers) return { kind: 'silent', why: { kind: 'ttl', router: router.address } };
  const reply = icmpErrorFor(req, router.address, 11, 0);
  return arrive(env, reply, leg, jitter(env, routerRttMs(ttl, host) * 1000), routerTtl(ttl), { kind: 'ttl', router: router.address });
}

/** What the world host does with the packet. */
function remoteAnswer(env: ExchangeEnv, req: Flow, leg: Extract<Leg, { kind: 'wire' }>, host: RemoteHost): Outcome {
  const rtt = jitter(env, host.rttMs * 1000);
  const ttl = replyTtl(host);
  if (req.proto === 1) {
    if (req.icmpType !== 8 || !host.pings) return { kind: 'silent', why: { kind: 'remote', host: host.name, answer: 'ignored' } };
    return arrive(env, answerTo(req, { icmpType: 0, icmpCode: 0, length: req.length }), leg, rtt, ttl, { kind: 'remote', host: host.name, answer: 'answered' });
  }
  const proto = req.proto === 6 ? 'tcp' : 'udp';
  const service = host.services.find((s) => s.proto === proto && s.port === req.dport);
  if (proto === 'tcp') {
    if (service) {
      const peer: Peer = { kind: 'remote', name: host.name, ...(service.http ? { http: service.http } : {}), ...(service.banner !== undefined ? { banner: service.banner } : {}) };
      return arrive(env, answerTo(req, { tcpFlags: TCP.SYN | TCP.ACK, length: 60 }), leg, rtt, ttl, { kind: 'remote', host: host.name, answer: 'answered' }, peer);
    }
    // Linux hosts on the LAN reset closed ports; servers on the internet sit behind filters that drop
    if (host.where === 'internet') return { kind: 'silent', why: { kind: 'remote', host: host.name, answer: 'ignored' } };
    return arrive(env, answerTo(req, { tcpFlags: TCP.RST | TCP.ACK, length: 40 }), leg, rtt, ttl, { kind: 'remote', host: host.name, answer: 'refused' });
  }
  if (service) return { kind: 'silent', why: { kind: 'remote', host: host.name, answer: 'answered' } };
  if (host.where === 'internet' && !host.pings) return { kind: 'silent', why: { kind: 'remote', host: host.name, answer: 'ignored' } };
  return arrive(env, icmpErrorFor(req, host.ipv4, 3, 3), leg, rtt, ttl, { kind: 'remote', host: host.name, answer: 'port-unreachable' });
}

/** An answer from the wire coming in through PREROUTING/INPUT. */
function arrive(env: ExchangeEnv, reply: Flow, leg: Extract<Leg, { kind: 'wire' }>, rttUs: number, ttl: number, why: Why, peer?: Peer): Outcome {
  count(env, leg.ifindex, 'rx', reply);
  const back = env.fw.input(reply, leg.ifname, 'reply');
  if (!back.ok) return { kind: 'silent', why: back.why };
  return { kind: 'answer', reply, rttUs, ttl, why, ...(peer ? { peer } : {}) };
}
