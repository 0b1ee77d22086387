// How systemd-resolved answers a host name (resolved-dns-query.c, simplified): /etc/hosts and the
// names it synthesizes first, then unicast DNS on the scopes that may carry the name (links with
// servers and the global servers, or the fallback servers when nothing else is known), trying
// each scope's servers in turn. Single-label names only go out with a search domain appended
// (ResolveUnicastSingleLabel=no).
import type { AddressFamily, ResolvedAddress } from '../../shared/services/resolve';
import type { Network } from '../net/network';
import { formatAddr, parseAddr } from '../../shared/services/net-addr';
import { parseHosts } from './files';
import { QUERY_TIMEOUT_MS, queryServer, queryServerReverse } from './upstream';

/** One place resolved sends unicast DNS to: a link's servers, or the global ones. */
export interface DnsScope {
  ifindex: number;
  servers: string[];
  /** Search and routing domains ("~" prefix) of the scope. */
  domains: string[];
  defaultRoute: boolean;
}

export type Outcome =
  | { kind: 'found'; canonical: string; addresses: ResolvedAddress[]; names?: string[]; rttUs: number; source: 'network' | 'synthetic'; delayMs: number; transactions: number }
  | { kind: 'nxdomain'; delayMs: number; transactions: number }
  | { kind: 'no-servers' }
  | { kind: 'timeout'; delayMs: number; transactions: number };

export interface LookupContext {
  net: Network;
  hosts: string | undefined;
  readEtcHosts: boolean;
  hostname: string;
  scopes: DnsScope[];
  /** Called when a server did not answer, so the scope moves on to the next one. */
  serverFailed(scope: DnsScope, server: string): void;
}

const norm = (name: string): string => name.toLowerCase().replace(/\.$/, '');

function wanted(family: 0 | AddressFamily, f: AddressFamily): boolean {
  return family === 0 || family === f;
}

/** /etc/hosts and synthesized names (localhost, the host name, _gateway). */
function localAnswer(ctx: LookupContext, name: string, family: 0 | AddressFamily): ResolvedAddress[] | undefined {
  const n = norm(name);
  if (ctx.readEtcHosts && ctx.hosts !== undefined) {
    const hits = parseHosts(ctx.hosts).filter((e) => e.names.some((x) => norm(x) === n));
    if (hits.length) return hits.filter((e) => wanted(family, e.family)).map((e) => ({ family: e.family, address: e.address, ifindex: 0 }));
  }
  if (n === 'localhost' || n.endsWith('.localhost')) {
    return [
      ...(wanted(family, 4) ? [{ family: 4 as const, address: '127.0.0.1', ifindex: 1 }] : []),
      ...(wanted(family, 6) ? [{ family: 6 as const, address: '::1', ifindex: 1 }] : []),
    ];
  }
  if (n === norm(ctx.hostname) || n === norm(ctx.hostname).split('.')[0]) {
    const own = ctx.net.addresses().filter((a) => a.ifindex !== 1 && wanted(family, a.family));
    if (own.length) return own.map((a) => ({ family: a.family, address: a.local, ifindex: a.ifindex }));
    return wanted(family, 4) ? [{ family: 4, address: '127.0.0.2', ifindex: 0 }] : [];
  }
  if (n === '_gateway') {
    return ctx.net.routes(undefined, 254).filter((r) => r.dstLen === 0 && r.gateway !== undefined && wanted(family, r.family))
      .map((r) => ({ family: r.family, address: r.gateway!, ifindex: r.oif ?? 0 }));
  }
  return undefined;
}

function matchesDomain(name: string, domain: string): boolean {
  const d = norm(domain.replace(/^~/, ''));
  return d === '' || name === d || name.endsWith(`.${d}`);
}

/** The names to look up: single-label names only with each search domain appended. */
function candidates(name: string, scopes: DnsScope[]): string[] {
  const n = norm(name);
  if (n.includes('.')) return [n];
  const search = [...new Set(scopes.flatMap((s) => s.domains.filter((d) => !d.startsWith('~')).map(norm)))];
  return search.map((d) => `${n}.${d}`);
}

/** The scopes that may carry `name`: those whose domains match it, else every default-route scope. */
function scopesFor(name: string, scopes: DnsScope[]): DnsScope[] {
  const routed = scopes.filter((s) => s.servers.length && s.domains.some((d) => norm(d.replace(/^~/, '')) !== '' && matchesDomain(name, d)));
  if (routed.length) return routed;
  return scopes.filter((s) => s.servers.length && (s.defaultRoute || s.domains.some((d) => norm(d.replace(/^~/, '')) === '')));
}

export function lookup(ctx: LookupContext, name: string, family: 0 | AddressFamily): Outcome {
  const local = localAnswer(ctx, name, family);
  if (local !== undefined) {
    if (local.length === 0) return { kind: 'nxdomain', delayMs: 0, transactions: 0 };
    return { kind: 'found', canonical: norm(name), addresses: local, rttUs: 0, source: 'synthetic', delayMs: 0, transactions: 0 };
  }
  let delayMs = 0;
  let transactions = 0;
  let timedOut = false;
  let asked = false;
  for (const candidate of candidates(name, ctx.scopes)) {
    for (const scope of scopesFor(candidate, ctx.scopes)) {
      asked = true;
      transactions++;
      for (const server of scope.servers) {
        const a = queryServer(ctx.net, server, candidate);
        if (a.kind === 'timeout' || a.kind === 'unreachable') {
          if (a.kind === 'timeout') delayMs += QUERY_TIMEOUT_MS;
          timedOut = true;
          ctx.serverFailed(scope, server);
          continue;
        }
        if (a.kind === 'nxdomain') break;
        const host = a.host;
        const addresses: ResolvedAddress[] = [];
        if (wanted(family, 4)) addresses.push({ family: 4, address: host.ipv4, ifindex: scope.ifindex });
        if (wanted(family, 6) && host.ipv6) addresses.push({ family: 6, address: host.ipv6, ifindex: scope.ifindex });
        if (!addresses.length) break;
        return { kind: 'found', canonical: candidate, addresses, rttUs: a.rttUs, source: 'network', delayMs, transactions };
      }
    }
  }
  if (!asked) return { kind: 'no-servers' };
  return timedOut ? { kind: 'timeout', delayMs, transactions } : { kind: 'nxdomain', delayMs, transactions };
}

/** The in-addr.arpa / ip6.arpa name of an address (what a PTR query asks for). */
export function reverseName(address: string): string {
  const a = parseAddr(address)!;
  if (a.family === 4) return `${[...a.bytes].reverse().join('.')}.in-addr.arpa`;
  return `${a.bytes.flatMap((b) => [b >> 4, b & 15]).reverse().map((n) => n.toString(16)).join('.')}.ip6.arpa`;
}

/** ResolveAddress: /etc/hosts, the machine's own addresses, then PTR over unicast DNS. */
export function reverse(ctx: LookupContext, address: string): Outcome {
  const a = formatAddr(parseAddr(address)!);
  const answer = (names: string[], ifindex: number, rttUs = 0, source: 'network' | 'synthetic' = 'synthetic', delayMs = 0, transactions = 0): Outcome =>
    ({ kind: 'found', canonical: a, addresses: [{ family: a.includes(':') ? 6 : 4, address: a, ifindex }], names, rttUs, source, delayMs, transactions });
  if (ctx.readEtcHosts && ctx.hosts !== undefined) {
    const names = parseHosts(ctx.hosts).filter((e) => e.address === a).flatMap((e) => e.names);
    if (names.length) return answer([...new Set(names)], 0);
  }
  const own = ctx.net.addresses().find((x) => x.local === a && x.ifindex !== 1);
  if (own) return answer([ctx.hostname], own.ifindex);
  let delayMs = 0;
  let transactions = 0;
  let timedOut = false;
  const scopes = ctx.scopes.filter((s) => s.servers.length && s.defaultRoute);
  for (const scope of scopes) {
    transactions++;
    for (const server of scope.servers) {
      const r = queryServerReverse(ctx.net, server, a);
      if (r.kind === 'timeout' || r.kind === 'unreachable') {
        if (r.kind === 'timeout') delayMs += QUERY_TIMEOUT_MS;
        timedOut = true;
        ctx.serverFailed(scope, server);
        continue;
      }
      if (r.kind === 'found') return answer([r.host.name], scope.ifindex, r.rttUs, 'network', delayMs, transactions);
      break;
    }
  }
  if (!scopes.length) return { kind: 'no-servers' };
  return timedOut ? { kind: 'timeout', delayMs, transactions } : { kind: 'nxdomain', delayMs, transactions };
}
