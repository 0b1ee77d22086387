// The 'traffic' service (shared/services/traffic.ts): the packets programs send (ping's echoes,
// curl's connections, tracepath's probes) walked through routing, netfilter and the simulated
// world, with counters moving as on Linux. For lessons, `probe` answers what would happen to a
// packet in either direction without moving anything, and `inbound` plays a packet a host of the
// lab LAN sends to this machine (a learner cannot run commands on those hosts).
import { IFF, isNetError, RTN, type NetRequest, type RouteMsg } from '../../shared/services/net';
import { textInPrefix } from '../../shared/services/net-addr';
import type {
  ConnectReply, DataReply, DatagramReply, EchoReply, ProbeResult, ProbeSpec, ReverseReply, RouteReply, TrafficError, TrafficRequest, UdpReply, Why,
} from '../../shared/services/traffic';
import type { Caller } from '../../shared/sys';
import { LAN } from '../lan/world';
import type { Netfilter } from '../netfilter/netfilter';
import type { Network } from '../net/network';
import type { Sockets } from '../sockets/sockets';
import { exchange, routeFor, type ExchangeEnv, type Leg, type Outcome, ARP_FAIL_US } from './exchange';
import { Firewall, TCP, type Flow } from './firewall';
import { inbound } from './inbound';
import { echo6, route6 } from './echo6';
import { Streams } from './streams';
import { result } from './why';
import { worldPtr } from './world-paths';

export interface TrafficDeps {
  net: Network;
  netfilter: Netfilter;
  sockets: Sockets;
  /** virtual epoch milliseconds */
  now(): number;
  /** uniform in [0, 1), from the machine's seeded generator */
  random(): number;
  sysctl(key: string): string | undefined;
  readFile(path: string): string | undefined;
  hostname(): string;
  /** The network namespaces (containers') and their addresses; absent: only the host's. */
  netns?: NetNamespaceDirectory;
  /** A request to the net service as `caller` (answered by the stack of the caller's namespace). */
  netIn?(caller: Caller, req: NetRequest): unknown;
  /** The firewall and stack of a namespace made by `ip netns add` the caller is in (none: not one of those), and another's holding `dst`. */
  stackIn?(caller: Caller, dst: string): Promise<NsStack | undefined>;
}

/** A namespace of `ip netns add`'s: its firewall and stack (and, asked for an address, the one holding it). */
export interface NsStack {
  netfilter?: Netfilter;
  net?: Network;
  peer?: { netns: number; netfilter?: Netfilter; net: Network };
}

/** What the traffic service reads of the kernel's network namespaces. */
export interface NetNamespaceDirectory {
  /** The namespace (not the host's) whose interfaces hold `ip`. */
  byAddress(ip: string): number | undefined;
  /** The IPv4 addresses of namespace `id`. */
  addresses(id: number): readonly string[];
}

/** The interface containers hang on (docker's bridge): the host reaches them through it. */
const BRIDGE = 'docker0';

/** Bound on the segments one `data` request walks through netfilter. */
const MAX_SEGMENTS = 64;
const MSS = 1448;
/** How long after the neighbour entry fails the senders hear of it. */
const ARP_REPORT_US = 3_000;
/** TCP's initial retransmission timeout (TCP_TIMEOUT_INIT). */
const SYN_RTO_US = 1_000_000;

/**
 * What a connected UDP socket's send sees of a datagram's fate: the firewall's refusal on the
 * way out (EPERM), and the ICMP destination-unreachable that comes back as the socket's error
 * for the next send (icmp_err_convert: port -> ECONNREFUSED, net codes -> ENETUNREACH, the rest
 * EHOSTUNREACH).
 */
function datagram(r: UdpReply): DatagramReply {
  if (r.kind === 'error') return { errno: r.errno };
  const out: DatagramReply = r.kind === 'port-unreachable' || r.kind === 'icmp-error' ? (r.sendErrno ? { errno: r.sendErrno } : {}) : {};
  if (r.kind === 'port-unreachable') out.later = 'ECONNREFUSED';
  else if (r.kind === 'icmp-error' && r.type === 3) out.later = r.code === 3 ? 'ECONNREFUSED' : [0, 6, 9, 11].includes(r.code) ? 'ENETUNREACH' : 'EHOSTUNREACH';
  return out;
}

export class Traffic {
  /** Pending ARP resolutions that will fail: address -> virtual time they give up. */
  private readonly arp = new Map<string, number>();
  /** Connections to this machine's sockets, for the listeners to accept and read. */
  readonly streams = new Streams();

  constructor(private readonly d: TrafficDeps) {}

  handle(caller: Caller, request: unknown): unknown {
    const req = request as TrafficRequest;
    // a process in a namespace of its own sends nothing its stack has no route for (a fresh
    // one's loopback is down: even 127.0.0.1 is unreachable)
    if (caller.netns && this.d.netIn && (req?.kind === 'route' || req?.kind === 'echo' || req?.kind === 'connect' || req?.kind === 'udp' || req?.kind === 'datagram') && typeof req.dst === 'string') {
      const r = this.d.netIn(caller, { kind: 'getroute', query: { family: req.dst.includes(':') ? 6 : 4, dst: req.dst } });
      return Promise.all([r, this.d.stackIn?.(caller, req.dst)]).then(([x, stack]) => {
        this.nsStack = stack?.netfilter ? stack : undefined;
        try {
          return this.inNamespace(caller, req, x);
        } finally {
          this.nsStack = undefined;
        }
      });
    }
    return this.dispatch(caller, req);
  }

  /** A local destination of a namespace's own stays inside it. */
  private localInNs = false;
  /** The namespace a packet crosses a veth into (its stack, firewall and the sender's address). */
  private nsPeer: (NonNullable<NsStack['peer']> & { src: string }) | undefined;
  /** The firewall and stack of the sender's own namespace, for packets that stay inside it. */
  private nsStack: NsStack | undefined;

  private inNamespace(caller: Caller, req: Extract<TrafficRequest, { dst: string }>, r: unknown): unknown {
    const dst = req.dst;
    if (isNetError(r)) {
      // IPv6 picks a source address before it fails for want of a route: with none at all, that fails first
      const addrs = dst.includes(':') ? (this.d.netIn!(caller, { kind: 'getaddrs', family: 6 }) as { addrs?: unknown[] }) : undefined;
      const errno = addrs && !(addrs.addrs?.length) ? 'EADDRNOTAVAIL' : r.errno;
      return { kind: 'error', errno, why: { kind: 'no-route', dst } };
    }
    const route = (r as { route?: RouteMsg }).route;
    // out of a veth into the namespace at its other end: that namespace's kernel answers
    const peer = this.nsStack?.peer;
    if (route?.type === RTN.UNICAST && peer && this.nsStack?.net?.links().find((l) => l.ifindex === route.oif)?.kind === 'veth') {
      if (req.kind === 'route') return { kind: 'route', src: route.prefsrc ?? dst, ifname: this.nsStack.net.links().find((l) => l.ifindex === route.oif)!.name, local: false, mtu: 1500 } satisfies RouteReply;
      this.nsPeer = { ...peer, src: route.prefsrc ?? dst };
      try {
        return this.dispatch(caller, req);
      } finally {
        this.nsPeer = undefined;
      }
    }
    if (route?.type !== RTN.LOCAL || dst.includes(':')) return this.dispatch(caller, req);
    if (req.kind === 'route') return { kind: 'route', src: route.prefsrc ?? dst, ifname: 'lo', local: true, mtu: 65536 } satisfies RouteReply;
    this.localInNs = true;
    try {
      return this.dispatch(caller, req);
    } finally {
      this.localInNs = false;
    }
  }

  private dispatch(caller: Caller, req: TrafficRequest): unknown {
    const env = this.env(false);
    switch (req?.kind) {
      case 'route': {
        if (!req.dst.includes(':')) return this.route(env, req.dst);
        const oif = this.oif(req.ifname);
        if (oif === null) return { kind: 'error', errno: 'ENODEV', why: { kind: 'no-route', dst: req.dst } } satisfies TrafficError;
        const leg = route6(env, req.dst, oif);
        if (leg.kind === 'error') return leg;
        return { kind: 'route', src: leg.src, ifname: leg.ifname, local: leg.kind === 'local', mtu: env.net.links().find((l) => l.ifindex === leg.ifindex)?.mtu ?? 65536 };
      }
      case 'echo': {
        if (!req.dst.includes(':')) return this.echo(env, caller, req.dst, req.size, req.ttl);
        const oif = this.oif(req.ifname);
        if (oif === null) return { kind: 'error', errno: 'ENODEV', why: { kind: 'no-route', dst: req.dst } } satisfies TrafficError;
        return echo6(env, caller, { dst: req.dst, size: req.size, ...(req.ttl !== undefined ? { hopLimit: req.ttl } : {}), ...(oif !== undefined ? { oif } : {}) });
      }
      case 'connect': return this.connect(env, caller, req.dst, req.port);
      case 'data': return this.data(env, caller, req);
      case 'udp': return this.udp(env, caller, req.dst, req.port, req.ttl, req.size);
      case 'datagram': return datagram(this.udp(env, caller, req.dst, req.port, undefined, req.size));
      case 'reverse': return this.reverse(req.address);
      case 'accept': {
        const ids = Array.isArray(req.sockets) ? req.sockets.filter((x) => typeof x === 'number') : [];
        // only the socket's owner accepts on it, as with a descriptor it holds
        if (!ids.every((id) => this.owns(caller, id))) return { kind: 'error', errno: 'EINVAL' };
        return this.streams.accept(ids, caller.pid);
      }
      case 'recv': {
        const socket = this.streams.socketOf(req.conn);
        if (socket !== undefined && !this.owns(caller, socket)) return { kind: 'closed' };
        return this.streams.recv(req.conn);
      }
      case 'send': return this.streams.send(req.conn, String(req.text)) ? { kind: 'ok' } : { kind: 'error', errno: 'EPIPE' };
      case 'answer': {
        const socket = this.streams.socketOf(req.conn);
        if (socket === undefined || !this.owns(caller, socket)) return { kind: 'error', errno: 'EPIPE' };
        return this.streams.answer(req.conn, String(req.text)) ? { kind: 'ok' } : { kind: 'error', errno: 'EPIPE' };
      }
      case 'hangup': {
        const socket = this.streams.socketOf(req.conn);
        if (socket !== undefined && this.owns(caller, socket)) this.streams.hangup(req.conn);
        return { kind: 'ok' };
      }
      case 'read':
        // only the connecting process reads the listener's answer
        if (this.streams.clientOf(req.conn) !== caller.pid) return { kind: 'closed' };
        return this.streams.read(req.conn);
      case 'close':
        this.streams.close(req.conn);
        return { kind: 'ok' };
      default: return { kind: 'error', errno: 'EINVAL', why: { kind: 'no-route', dst: '' } } satisfies TrafficError;
    }
  }

  /** The index of the link a request names (undefined: none named; null: no such link). */
  private oif(ifname: string | undefined): number | undefined | null {
    if (ifname === undefined) return undefined;
    return this.d.net.links().find((l) => l.name === ifname)?.ifindex ?? null;
  }

  private owns(caller: Caller, socket: number): boolean {
    return this.d.sockets.view().some((s) => s.id === socket && s.pid === caller.pid);
  }

  /** One request's view: its moment is read once, so the times it reports agree with each other. */
  private env(dry: boolean): ExchangeEnv {
    const now = this.d.now();
    return {
      now,
      net: this.d.net, sockets: this.d.sockets, fw: new Firewall(this.d.netfilter, () => this.d.now(), dry),
      ...(this.nsStack?.netfilter ? { nsFw: new Firewall(this.nsStack.netfilter, () => this.d.now(), dry) } : {}),
      ...(this.nsStack?.net ? { nsNet: this.nsStack.net } : {}),
      ...(this.nsPeer?.netfilter ? { peerFw: new Firewall(this.nsPeer.netfilter, () => this.d.now(), dry) } : {}),
      // a probe must leave no trace, not even on the machine's random stream
      random: dry ? () => 0.5 : () => this.d.random(), sysctl: (k) => this.d.sysctl(k),
      arpFailUs: (address) => this.arpFail(address, dry, now),
    };
  }

  /**
   * Packets queued for an unresolved neighbour all fail when its resolution gives up (after three
   * unanswered probes); the errors reach the senders a moment later. A packet sent after that
   * starts a new resolution.
   */
  private arpFail(address: string, dry: boolean, now: number): number {
    const until = this.arp.get(address);
    if (until !== undefined && until > now) return Math.round((until - now) * 1000) + ARP_REPORT_US;
    if (!dry) this.arp.set(address, now + ARP_FAIL_US / 1000);
    return ARP_FAIL_US + ARP_REPORT_US;
  }

  /** A port from ip_local_port_range, as the kernel picks for an unbound socket. */
  private ephemeral(env: ExchangeEnv): number {
    const [lo, hi] = (this.d.sysctl('net.ipv4.ip_local_port_range') ?? '32768\t60999').split(/\s+/).map(Number);
    const first = lo ?? 32768;
    return first + Math.floor(env.random() * ((hi ?? 60999) - first + 1));
  }

  route(env: ExchangeEnv, dst: string): RouteReply {
    const leg = routeFor(env, dst);
    if (leg.kind === 'error') return leg;
    const mtu = leg.kind === 'wire' ? leg.mtu : 65536;
    return { kind: 'route', src: leg.src, ifname: leg.ifname, local: leg.kind === 'local', mtu, ...(leg.kind === 'wire' && leg.gateway !== undefined ? { gateway: leg.gateway } : {}) };
  }

  /**
   * The way to `dst` from the caller's network namespace: its own loopback and addresses stay
   * inside it; an address of another namespace is reached over the docker0 bridge (from the
   * host) or bridged (from a container); anything else leaves as the host's packets do (a
   * container's are masqueraded behind the host).
   */
  legFor(env: ExchangeEnv, caller: Caller, dst: string): Leg | TrafficError {
    const from = caller.netns ?? 0;
    const dir = this.d.netns;
    if (this.nsPeer) return { kind: 'local', src: this.nsPeer.src, ifindex: 0, ifname: 'lo', netns: this.nsPeer.netns, inside: true };
    if (from !== 0 && (this.localInNs || dst.startsWith('127.') || dir?.addresses(from).includes(dst))) {
      return { kind: 'local', src: dst, ifindex: 0, ifname: 'lo', netns: from, inside: true };
    }
    const target = dir?.byAddress(dst);
    if (target === undefined || target === from) return routeFor(env, dst);
    if (from !== 0) return { kind: 'local', src: dir?.addresses(from)[0] ?? dst, ifindex: 0, ifname: 'eth0', netns: target, inside: true };
    const bridge = env.net.links().find((l) => l.name === BRIDGE);
    if (!bridge) return { kind: 'error', errno: 'EHOSTUNREACH', why: { kind: 'no-route', dst } };
    const route = routeFor(env, dst);
    const src = route.kind !== 'error' && route.ifindex === bridge.ifindex ? route.src
      : this.d.net.addresses(4).find((a) => a.ifindex === bridge.ifindex)?.local ?? (route.kind !== 'error' ? route.src : '0.0.0.0');
    return { kind: 'local', src, ifindex: bridge.ifindex, ifname: bridge.name, netns: target };
  }

  echo(env: ExchangeEnv, caller: Caller, dst: string, size: number, ttl?: number): EchoReply {
    const leg = this.legFor(env, caller, dst);
    if (leg.kind === 'error') return leg;
    // each ping has its own echo identifier (here its pid), so two pings are two connections
    const req: Flow = { proto: 1, src: leg.src, dst, icmpType: 8, icmpCode: 0, icmpId: caller.pid & 0xffff, length: 28 + size, uid: caller.euid, gid: caller.egid };
    const o = exchange(env, req, leg, ttl ?? Number(this.d.sysctl('net.ipv4.ip_default_ttl') ?? 64));
    if (o.kind !== 'answer') return o.kind === 'silent' ? { kind: 'lost', why: o.why } : o;
    if (o.reply.icmpType === 0) return { kind: 'reply', from: o.reply.src, ttl: o.ttl, rttUs: o.rttUs };
    return { kind: 'icmp-error', from: o.reply.src, type: o.reply.icmpType ?? 3, code: o.reply.icmpCode ?? 0, afterUs: o.rttUs, at: Math.round(env.now + o.rttUs / 1000), why: o.why, ...(o.sendErrno ? { sendErrno: o.sendErrno } : {}) };
  }


  connect(env: ExchangeEnv, caller: Caller, dst: string, port: number): ConnectReply {
    // IPv6 reaches nothing but this machine's own loopback (the lab has no IPv6 routing)
    if (dst.includes(':')) return this.opened(env, caller, this.connect6(env, caller, dst, port));
    const leg = this.legFor(env, caller, dst);
    if (leg.kind === 'error') return leg;
    const sport = this.ephemeral(env);
    const req: Flow = { proto: 6, src: leg.src, dst, sport, dport: port, tcpFlags: TCP.SYN, length: 60, uid: caller.euid, gid: caller.egid };
    // a container's connection leaves masqueraded, but its own end is its own address
    const from = caller.netns ?? 0;
    const src = from !== 0 && !(leg.kind === 'local' && leg.netns !== undefined) ? (this.d.netns?.addresses(from)[0] ?? leg.src) : leg.src;
    let o = exchange(env, req, leg);
    // an ICMP error this machine sends itself (a REJECT, or the loopback's port unreachable)
    // reaches the socket while connect() still holds it: a soft error (tcp_v4_err). The SYN goes
    // again when the first retransmission timeout (1 s) ends, and the second error is final.
    if (o.kind === 'answer' && o.reply.proto === 1 && (leg.kind === 'local' || (o.why.kind === 'netfilter' && o.reply.src === leg.src))) {
      const again = exchange(env, req, leg);
      o = again.kind === 'answer' ? { ...again, rttUs: SYN_RTO_US + again.rttUs } : again;
    }
    return this.opened(env, caller, connectOutcome(o, src, sport));
  }

  /** A connection to a socket of this machine becomes a stream its listener can accept. */
  private opened(env: ExchangeEnv, caller: Caller, r: ConnectReply): ConnectReply {
    if (env.fw.dry || r.kind !== 'connected' || r.peer.kind !== 'local') return r;
    const c = this.streams.open(r.peer.socket, caller.pid, r.src, r.sport);
    return c ? { ...r, conn: c.id } : r;
  }

  /** A process ended: the connections it opened are closed. */
  processExited(pid: number): void {
    this.streams.processExited(pid);
  }

  private connect6(env: ExchangeEnv, caller: Caller, dst: string, port: number): ConnectReply {
    if (dst !== '::1') return { kind: 'error', errno: 'ENETUNREACH', why: { kind: 'no-route', dst } };
    const sport = this.ephemeral(env);
    const s = this.d.sockets.listener('tcp', '::1', port, 6, caller.netns ?? 0);
    if (!s) return { kind: 'refused', src: dst, sport, afterUs: 30, why: { kind: 'nothing-listening', proto: 'tcp', port } };
    const why: Why = { kind: 'socket', proto: 'tcp', port, pid: s.pid, comm: s.comm };
    return { kind: 'connected', src: dst, sport, rttUs: 30 + Math.round(40 * env.random()), peer: { kind: 'local', pid: s.pid, comm: s.comm, socket: s.id }, why };
  }

  /** The segments of a finished exchange over an open connection (counters and conntrack move). */
  private data(env: ExchangeEnv, caller: Caller, req: Extract<TrafficRequest, { kind: 'data' }>): DataReply {
    const leg = this.legFor(env, caller, req.dst);
    if (leg.kind === 'error') return { kind: 'lost', why: leg.why };
    const up: Flow = { proto: 6, src: leg.src, dst: req.dst, sport: req.sport, dport: req.port, tcpFlags: TCP.ACK, length: 52, uid: caller.euid, gid: caller.egid };
    const down: Flow = { proto: 6, src: req.dst, dst: leg.src, sport: req.port, dport: req.sport, tcpFlags: TCP.ACK, length: 52 };
    const sentSegs = Math.max(1, Math.ceil(req.sent / MSS));
    const recvSegs = Math.max(1, Math.ceil(req.received / MSS));
    // the handshake's last ACK, the request, an ACK every two segments received, and FIN/ACK each way
    const plan: { dir: 'up' | 'down'; length: number }[] = [{ dir: 'up', length: 52 }];
    for (let i = 0; i < sentSegs; i++) plan.push({ dir: 'up', length: 52 + Math.min(MSS, req.sent - i * MSS) });
    for (let i = 0; i < recvSegs; i++) {
      plan.push({ dir: 'down', length: 52 + Math.max(0, Math.min(MSS, req.received - i * MSS)) });
      if (i % 2 === 1) plan.push({ dir: 'up', length: 52 });
    }
    plan.push({ dir: 'down', length: 52 }, { dir: 'up', length: 52 }, { dir: 'up', length: 52 }, { dir: 'down', length: 52 });
    for (const seg of plan.slice(0, MAX_SEGMENTS)) {
      const flow = { ...(seg.dir === 'up' ? up : down), length: seg.length };
      const lost = this.segment(env, flow, leg, seg.dir);
      if (lost) return { kind: 'lost', why: lost };
    }
    return { kind: 'ok' };
  }

  /** One segment of an established connection: the hooks it crosses on this machine. */
  private segment(env: ExchangeEnv, flow: Flow, leg: Leg, dir: 'up' | 'down'): Why | undefined {
    if (leg.kind === 'local' && leg.inside) return undefined;
    // into a container over the bridge, the host walks only the way out and the answer's way in
    const local = leg.kind === 'local' && leg.netns === undefined;
    if (dir === 'up' || local) {
      const out = env.fw.output(flow, leg.ifname, dir === 'up' ? 'request' : 'reply');
      if (!out.ok) return out.why;
      env.net.count(leg.ifindex, 'tx', flow.length + 14);
    }
    if (dir === 'down' || local) {
      env.net.count(leg.ifindex, 'rx', flow.length + 14);
      const inp = env.fw.input(flow, leg.ifname, dir === 'down' ? 'reply' : 'request');
      if (!inp.ok) return inp.why;
    }
    return undefined;
  }

  udp(env: ExchangeEnv, caller: Caller, dst: string, port: number, ttl?: number, size = 32): UdpReply {
    const leg = this.legFor(env, caller, dst);
    if (leg.kind === 'error') return leg;
    const req: Flow = { proto: 17, src: leg.src, dst, sport: this.ephemeral(env), dport: port, length: 28 + size, uid: caller.euid, gid: caller.egid };
    const o = exchange(env, req, leg, ttl ?? Number(this.d.sysctl('net.ipv4.ip_default_ttl') ?? 64));
    if (o.kind === 'error') return o;
    if (o.kind === 'silent') return { kind: 'silent', why: o.why };
    const { icmpType: type = 3, icmpCode: code = 0, src: from } = o.reply;
    if (type === 11) return { kind: 'time-exceeded', from, rttUs: o.rttUs };
    const sendErrno = o.sendErrno ? { sendErrno: o.sendErrno } : {};
    if (type === 3 && code === 3) return { kind: 'port-unreachable', from, rttUs: o.rttUs, ttl: o.ttl, ...sendErrno };
    return { kind: 'icmp-error', from, type, code, afterUs: o.rttUs, why: o.why, ...sendErrno };
  }

  /** getnameinfo(3): /etc/hosts, then what systemd-resolved synthesizes, then the world's PTR records. */
  reverse(address: string): ReverseReply {
    for (const raw of (this.d.readFile('/etc/hosts') ?? '').split('\n')) {
      const [addr, name] = raw.replace(/#.*/, '').trim().split(/\s+/);
      if (addr === address && name) return { kind: 'name', name };
    }
    if (this.d.net.addresses(4).some((a) => a.local === address)) return { kind: 'name', name: this.d.hostname() };
    if (this.d.net.routes(4).some((r) => r.dstLen === 0 && r.gateway === address)) return { kind: 'name', name: '_gateway' };
    const ptr = worldPtr(address);
    return ptr !== undefined && this.dnsReachable() ? { kind: 'name', name: ptr } : { kind: 'none' };
  }

  /** Whether the lab's DNS server would get a query now (a dry walk: nothing moves). */
  private dnsReachable(): boolean {
    const env = this.env(true);
    const leg = routeFor(env, LAN.dns);
    if (leg.kind !== 'wire') return false;
    const o = exchange(env, { proto: 17, src: leg.src, dst: LAN.dns, sport: 53000, dport: 53, length: 60 }, leg);
    return o.kind === 'silent' && o.why.kind === 'remote' && o.why.answer === 'answered';
  }

  /** What would happen to a packet (no counter moves, no connection is tracked). */
  probe(spec: ProbeSpec): ProbeResult {
    return spec.direction === 'in' ? inbound(this.inboundDeps(true), spec) : this.outbound(spec);
  }

  /** A packet a host of the world sends to this machine, played for real: counters move. */
  inbound(spec: Omit<ProbeSpec, 'direction'>): ProbeResult {
    return inbound(this.inboundDeps(false), { ...spec, direction: 'in' });
  }

  private inboundDeps(dry: boolean): Parameters<typeof inbound>[0] {
    const env = this.env(dry);
    return {
      env, ourAddress: () => this.lanAddress(), sport: () => this.ephemeral(env),
      nic: () => this.d.net.links().find((l) => l.linkType === 'ether' && l.kind === undefined)?.name ?? 'eth0',
      ...(dry ? {} : { opened: (socket: number, from: string, port: number) => void this.streams.open(socket, 0, from, port, true) }),
      container: (ip: string) => {
        const netns = this.d.netns?.byAddress(ip);
        if (netns === undefined) return undefined;
        const r = this.d.net.handle({ pid: 0, uid: 0, euid: 0, gid: 0, egid: 0, groups: [0] }, { kind: 'getroute', query: { family: 4, dst: ip } });
        const oif = 'route' in r ? r.route.oif : undefined;
        const bridge = this.d.net.links().find((l) => l.ifindex === oif)?.name ?? BRIDGE;
        return { netns, bridge };
      },
    };
  }

  /** This machine's address on the lab LAN and the NIC carrying it, if it is reachable there. */
  private lanAddress(): { address: string; ifindex: number; ifname: string } | undefined {
    for (const l of this.d.net.links()) {
      if (l.linkType !== 'ether' || l.kind !== undefined || (l.flags & (IFF.UP | IFF.LOWER_UP)) !== (IFF.UP | IFF.LOWER_UP)) continue;
      const a = this.d.net.addresses(4).find((x) => x.ifindex === l.ifindex && textInPrefix(x.local, LAN.network, LAN.prefixlen));
      if (a) return { address: a.local, ifindex: l.ifindex, ifname: l.name };
    }
    return undefined;
  }

  private outbound(spec: ProbeSpec): ProbeResult {
    const env = this.env(true);
    const caller: Caller = { pid: 0, uid: 0, euid: 0, gid: 0, egid: 0, groups: [0] };
    if (spec.proto === 'icmp') {
      const r = this.echo(env, caller, spec.peer, 56);
      if (r.kind === 'reply') return result('answered', { kind: 'remote', host: spec.peer, answer: 'answered' });
      if (r.kind === 'icmp-error') return result('unreachable', r.why);
      return result(r.kind === 'lost' ? 'dropped' : 'error', r.why);
    }
    if (spec.proto === 'tcp') {
      const r = this.connect(env, caller, spec.peer, spec.port ?? 0);
      if (r.kind === 'connected') return result('answered', r.why);
      return result(r.kind === 'timeout' ? 'dropped' : r.kind, r.why);
    }
    const r = this.udp(env, caller, spec.peer, spec.port ?? 0);
    if (r.kind === 'port-unreachable') return result('refused', { kind: 'nothing-listening', proto: 'udp', port: spec.port ?? 0 });
    if (r.kind === 'time-exceeded') return result('unreachable', { kind: 'ttl', router: r.from });
    if (r.kind === 'icmp-error') return result('unreachable', r.why);
    return result(r.kind === 'silent' ? (r.why.kind === 'remote' && r.why.answer === 'answered' ? 'answered' : 'dropped') : 'error', r.why);
  }
}

/** A TCP connection attempt's outcome as connect(2) reports it. */
function connectOutcome(o: Outcome, src: string, sport: number): ConnectReply {
  if (o.kind === 'error') return o;
  if (o.kind === 'silent') return { kind: 'timeout', src, sport, why: o.why };
  const r = o.reply;
  if (r.proto === 6) {
    if ((r.tcpFlags ?? 0) & TCP.RST) return { kind: 'refused', src, sport, afterUs: o.rttUs, why: o.why };
    return { kind: 'connected', src, sport, rttUs: o.rttUs, peer: o.peer ?? { kind: 'remote', name: r.src }, why: o.why };
  }
  const code = r.icmpCode ?? 0;
  if (code === 2 || code === 3) return { kind: 'refused', src, sport, afterUs: o.rttUs, why: o.why };
  return { kind: 'unreachable', errno: code === 0 || code === 6 || code === 9 ? 'ENETUNREACH' : 'EHOSTUNREACH', src, sport, afterUs: o.rttUs, why: o.why };
}
