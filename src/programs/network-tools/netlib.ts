// What the network tools share: getaddrinfo(3) and getnameinfo(3) through the 'resolve' and
// 'traffic' services, typed calls to the traffic service, and C-like number parsing.
import { GAI_ERRORS, type ResolveReply } from '../../shared/services/resolve';
import type {
  AcceptReply, ConnectReply, DataReply, DatagramReply, EchoReply, RecvReply, ReverseReply, RouteReply, SendReply, TrafficRequest, UdpReply,
} from '../../shared/services/traffic';
import type { Sys } from '../../shared/sys';

export type Resolved = { ok: true; canonical: string; addresses: { family: 4 | 6; address: string }[] } | { ok: false; message: string };

/** getaddrinfo(3) for `name`; the failure carries gai_strerror's text. */
export async function resolveHost(sys: Sys, name: string, family: 0 | 4 | 6 = 0): Promise<Resolved> {
  const r = (await sys.call('resolve', { kind: 'gai', name, family })) as ResolveReply;
  if (r.kind === 'answer') {
    if (r.addresses.length === 0) return { ok: false, message: GAI_ERRORS.EAI_NODATA };
    return { ok: true, canonical: r.canonical, addresses: r.addresses.map((a) => ({ family: a.family, address: a.address })) };
  }
  if (r.kind === 'gai-error') return { ok: false, message: GAI_ERRORS[r.error] };
  return { ok: false, message: GAI_ERRORS.EAI_AGAIN };
}

/** The IPv4 addresses first when this machine has no global IPv6 address (RFC 6724 rule 1/2 as glibc applies it). */
export function preferIPv4<T extends { family: 4 | 6 }>(list: T[]): T[] {
  return [...list.filter((a) => a.family === 4), ...list.filter((a) => a.family === 6)];
}

interface ReplyOf {
  route: RouteReply;
  echo: EchoReply;
  connect: ConnectReply;
  data: DataReply;
  udp: UdpReply;
  datagram: DatagramReply;
  reverse: ReverseReply;
  accept: AcceptReply;
  recv: RecvReply;
  send: SendReply;
  close: SendReply;
  read: RecvReply;
  answer: SendReply;
  hangup: SendReply;
}

export async function traffic<K extends TrafficRequest['kind']>(sys: Sys, req: Extract<TrafficRequest, { kind: K }>): Promise<ReplyOf[K]> {
  return (await sys.call('traffic', req)) as ReplyOf[K];
}

/** getnameinfo(3) without NI_NUMERICHOST: the name, or undefined when the address has none. */
export async function reverseName(sys: Sys, address: string): Promise<string | undefined> {
  const r = await traffic(sys, { kind: 'reverse', address });
  return r.kind === 'name' ? r.name : undefined;
}

/** inet_aton(3): the classic forms (a, a.b, a.b.c, a.b.c.d; decimal, octal, hex parts) as a dotted quad. */
export function inetAton(text: string): string | undefined {
  const parts = text.split('.');
  if (parts.length > 4 || parts.some((p) => p === '')) return undefined;
  const nums: number[] = [];
  for (const p of parts) {
    let n: number;
    if (/^0[xX][0-9a-fA-F]*$/.test(p)) n = p.length === 2 ? 0 : parseInt(p.slice(2), 16);
    else if (/^0[0-7]*$/.test(p)) n = parseInt(p, 8);
    else if (/^[1-9][0-9]*$/.test(p)) n = Number(p);
    else return undefined;
    nums.push(n);
  }
  const last = nums.pop()!;
  if (nums.some((n) => n > 255) || last >= 2 ** (8 * (4 - nums.length))) return undefined;
  const bytes = [...nums];
  for (let i = 4 - nums.length - 1; i >= 0; i--) bytes.push(Math.floor(last / 256 ** i) % 256);
  return bytes.join('.');
}

/** strtol(3) in base 10 over the whole string, or undefined (empty, garbage, overflow). */
export function strtolWhole(text: string): number | undefined {
  const m = /^[ \t\n\v\f\r]*([+-]?[0-9]+)$/.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  return Number.isSafeInteger(n) ? n : undefined;
}
