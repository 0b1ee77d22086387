// The 'traffic' service: packets this machine sends and what becomes of them. A program asks for
// one exchange (an ICMP echo, a TCP connection attempt, a UDP datagram) and the kernel picks the
// route, runs the packet through netfilter (OUTPUT/POSTROUTING, and PREROUTING/INPUT for what
// comes back), delivers it to a local socket or to a host of the simulated world, and answers
// with the outcome plus `why`: the rule, policy, route or socket that decided it. Timings are in
// microseconds after sending; the program waits them out on the virtual clock.
import type { NfHook, NfTableName } from './netfilter';

/** What decided a packet's fate (for learners: "dropped by the INPUT policy", "no route"). */
export type Why =
  /** a netfilter rule (rule >= 1) or a built-in chain's policy (rule 0) */
  | { kind: 'netfilter'; hook: NfHook; table: NfTableName; chain: string; rule: number; target: string; packet: 'request' | 'reply' }
  /** no route to the destination; or a route of type unreachable/prohibit/blackhole; or a
   * broadcast address, which needs SO_BROADCAST (EACCES) */
  | { kind: 'no-route'; dst: string; type?: 'unreachable' | 'prohibit' | 'blackhole' | 'throw' | 'broadcast' }
  /** the outgoing device has no carrier, or is not cabled to the lab LAN */
  | { kind: 'link'; ifname: string; state: 'no-carrier' | 'not-cabled' | 'down' }
  /** this machine has no address on the LAN to send from or be reached at */
  | { kind: 'no-address'; ifname: string }
  /** nobody answers ARP for the next hop */
  | { kind: 'no-neighbour'; address: string }
  /** no host of the simulated world has that address (the gateway forwards it into the void) */
  | { kind: 'no-host'; address: string }
  /** the remote host itself: answered, ignored or refused */
  | { kind: 'remote'; host: string; answer: 'answered' | 'ignored' | 'refused' | 'port-unreachable' }
  /** a socket of this machine took it */
  | { kind: 'socket'; proto: 'tcp' | 'udp'; port: number; pid: number; comm: string }
  /** nothing listens on that port of this machine */
  | { kind: 'nothing-listening'; proto: 'tcp' | 'udp'; port: number }
  /** the kernel itself answered (ICMP echo) or ignores it (sysctl icmp_echo_ignore_all) */
  | { kind: 'kernel'; answer: 'echo-reply' | 'ignored' }
  /** the hop limit ran out at a router */
  | { kind: 'ttl'; router: string };

export type TrafficErrno = 'ENETUNREACH' | 'EHOSTUNREACH' | 'EACCES' | 'EINVAL' | 'EPERM' | 'ECONNREFUSED' | 'ENODEV' | 'EADDRNOTAVAIL';

/** A failure the sender sees at once, before anything leaves (connect(2) and sendto(2) errors). */
export interface TrafficError {
  kind: 'error';
  errno: TrafficErrno;
  why: Why;
}

/** What answers an HTTP request on a connected peer (the world's web servers, local daemons). */
export interface HttpAnswer {
  status: number;
  reason: string;
  server: string;
  body: string;
  /** Location header (for redirects); absolute or a scheme prefix such as `https://` */
  location?: string;
}

export type Peer =
  /** a listening socket of this machine (`socket` is its id in the 'sockets' service) */
  | { kind: 'local'; pid: number; comm: string; socket: number }
  | { kind: 'remote'; name: string; http?: HttpAnswer; banner?: string };

export type TrafficRequest =
  /** the route and source address connect(2) of a datagram socket would pick */
  | { kind: 'route'; dst: string; ifname?: string }
  /**
   * one ICMP echo request of `size` data bytes (ping -s) with an optional TTL (ping -t); an
   * IPv6 `dst` sends an ICMPv6 echo, out of interface `ifname` when its scope or ping -I names one
   */
  | { kind: 'echo'; dst: string; size: number; ttl?: number; ifname?: string }
  /** one TCP connection attempt */
  | { kind: 'connect'; dst: string; port: number }
  /** bytes exchanged over a connection opened by `connect` (moves counters), then its close */
  | { kind: 'data'; dst: string; port: number; sport: number; sent: number; received: number }
  /** one UDP datagram with an optional TTL (tracepath's probes) */
  | { kind: 'udp'; dst: string; port: number; ttl?: number; size?: number }
  /** a datagram a connected UDP socket (bash's /dev/udp) sends: what the send and the next one see */
  | { kind: 'datagram'; dst: string; port: number; size: number }
  /** the name a reverse (PTR) lookup gives for an address, as getnameinfo(3) finds it */
  | { kind: 'reverse'; address: string }
  /** the listener's side: wait for the next connection to one of its sockets */
  | { kind: 'accept'; sockets: number[] }
  /** wait for what the client of connection `conn` sends, or the end of it */
  | { kind: 'recv'; conn: number }
  /** the client's side of a connection to a local socket: send text, or close it */
  | { kind: 'send'; conn: number; text: string }
  | { kind: 'close'; conn: number }
  /** the client's side: wait for what the listener sent back, or the end of it */
  | { kind: 'read'; conn: number }
  /** the listener's side of an accepted connection: answer the client, or hang up */
  | { kind: 'answer'; conn: number; text: string }
  | { kind: 'hangup'; conn: number };

export type RouteReply = { kind: 'route'; src: string; ifname: string; gateway?: string; local: boolean; mtu: number } | TrafficError;

export type EchoReply =
  | { kind: 'reply'; from: string; ttl: number; rttUs: number }
  /**
   * an ICMP error instead of the echo reply (host unreachable, port unreachable, TTL exceeded);
   * `at` is the virtual time it reaches the sender, the same for errors the kernel reports together
   */
  | { kind: 'icmp-error'; from: string; type: number; code: number; afterUs: number; at: number; why: Why; sendErrno?: TrafficErrno }
  | { kind: 'lost'; why: Why }
  | TrafficError;

export type ConnectReply =
  /** `conn` names the stream when the peer is a socket of this machine (see 'send') */
  | { kind: 'connected'; src: string; sport: number; rttUs: number; peer: Peer; why: Why; conn?: number }
  /** a RST or an ICMP port unreachable came back: ECONNREFUSED */
  | { kind: 'refused'; src: string; sport: number; afterUs: number; why: Why }
  /** an ICMP host/net unreachable came back or ARP failed */
  | { kind: 'unreachable'; errno: 'EHOSTUNREACH' | 'ENETUNREACH'; src: string; sport: number; afterUs: number; why: Why }
  /** nothing came back: the SYN or its answer was dropped */
  | { kind: 'timeout'; src: string; sport: number; why: Why }
  | TrafficError;

export type UdpReply =
  | { kind: 'time-exceeded'; from: string; rttUs: number }
  /** the destination answered with ICMP port unreachable: the datagram arrived */
  | { kind: 'port-unreachable'; from: string; rttUs: number; ttl: number; sendErrno?: TrafficErrno }
  | { kind: 'icmp-error'; from: string; type: number; code: number; afterUs: number; why: Why; sendErrno?: TrafficErrno }
  /** delivered to a socket, or lost: nothing comes back either way */
  | { kind: 'silent'; why: Why }
  | TrafficError;

/** `errno`: the send failed; `later`: an ICMP error came back, for the socket's next send to report. */
export interface DatagramReply {
  errno?: TrafficErrno | 'EHOSTUNREACH';
  later?: 'ECONNREFUSED' | 'ENETUNREACH' | 'EHOSTUNREACH';
}

export type ReverseReply = { kind: 'name'; name: string } | { kind: 'none' };

export type DataReply = { kind: 'ok' } | { kind: 'lost'; why: Why };

export type AcceptReply = { kind: 'conn'; id: number; from: string; port: number } | { kind: 'error'; errno: 'EINVAL' };
export type RecvReply = { kind: 'data'; text: string } | { kind: 'closed' };
export type SendReply = { kind: 'ok' } | { kind: 'error'; errno: 'EPIPE' };

/** A lesson's question: what happens to this packet (no counter moves, nothing is tracked)? */
export interface ProbeSpec {
  /** `out`: this machine sends to `peer`; `in`: the world host `peer` sends to this machine */
  direction: 'out' | 'in';
  proto: 'tcp' | 'udp' | 'icmp';
  peer: string;
  /** the destination port (tcp, udp) */
  port?: number;
}

export interface ProbeResult {
  /** what the initiator sees */
  outcome: 'answered' | 'refused' | 'unreachable' | 'dropped' | 'error';
  why: Why;
  /** the same in words, for a hint */
  reason: string;
}
