// The 'resolve' service (shared/services/resolve.ts): getaddrinfo(3) as glibc does it over
// /etc/hosts and /etc/resolv.conf, and systemd-resolved's answers, settings and statistics.
// systemd-resolved's runtime state (its cache, counters, current servers) lives here while its
// stub listener is open; a restart of the daemon (a new listener) starts afresh, as the real
// one rereads resolved.conf and forgets its cache. Files are read through the host, so what the
// learner writes is what counts.
import { BUS_ERRORS } from '../../shared/services/bus';
import { IFF } from '../../shared/services/net';
import { formatAddr, parseAddr } from '../../shared/services/net-addr';
import type { AddressFamily, Answer, ResolveReply, ResolveRequest, ResolvedStatistics } from '../../shared/services/resolve';
import type { Caller } from '../../shared/sys';
import type { Network } from '../net/network';
import { parseHosts, parseResolvConf, parseResolvedConf, type ResolvedConf } from './files';
import { lookup, reverse, reverseName, type DnsScope, type Outcome } from './lookup';
import { linkSettings, statusOf } from './status';
import { QUERY_TIMEOUT_MS, queryServer } from './upstream';

export interface ResolverHost {
  readFile(path: string): string | undefined;
  readDir(path: string): string[] | undefined;
  readLink(path: string): string | undefined;
  /** The id of systemd-resolved's stub listener (UDP 127.0.0.53:53), undefined when none. */
  stubListener(): number | undefined;
  hostname(): string;
  now(): number;
  after(ms: number, fn: () => void): void;
}

/** resolved's cache keeps answers this long (the world's records have a 5 minute TTL). */
const CACHE_TTL_MS = 300_000;
const STUB_ADDRESSES = new Set(['127.0.0.53', '127.0.0.54']);

interface CacheEntry {
  outcome: Extract<Outcome, { kind: 'found' | 'nxdomain' }>;
  expires: number;
}

export interface Session {
  listener: number;
  conf: ResolvedConf;
  cache: Map<string, CacheEntry>;
  stats: ResolvedStatistics;
  /** The server each scope currently uses (resolvectl's "Current DNS Server"). */
  current: Map<number, string>;
  usedFallback: boolean;
}

/**
 * Name resolution as a container's network namespace sees it (the docker engine's answer): its
 * own /etc/hosts and /etc/resolv.conf, and on user-defined networks docker's embedded DNS server,
 * which answers the names of the containers there and forwards the rest upstream.
 */
export interface ContainerDnsView {
  hosts: string | undefined;
  resolvConf: string | undefined;
  embedded?: { server: string; lookup(name: string): string[]; upstream: string[] };
}

export class Resolver {
  private session: Session | undefined;
  /** Set by the docker engine: how a container's namespace resolves names (undefined: as the host does). */
  containerDns: ((netns: number) => ContainerDnsView | undefined) | undefined;
  /** Runtime settings for links networkd does not manage (resolvectl dns/domain). */
  readonly overrides = new Map<number, { dns?: string[]; domains?: string[] }>();

  constructor(
    readonly net: Network,
    readonly host: ResolverHost,
  ) {}

  handle(caller: Caller, request: unknown): ResolveReply | Promise<ResolveReply> {
    const req = request as ResolveRequest;
    const s = this.running();
    switch (req?.kind) {
      case 'gai':
        return this.delayed(this.gai(s, req.name, req.family ?? 0, caller.netns ? this.containerDns?.(caller.netns) : undefined));
      case 'query': {
        if (!s) return notRunning();
        return this.delayed(this.query(s, req.name, req.family ?? 0));
      }
      case 'status':
        return { kind: 'status', status: statusOf(this, s) };
      case 'statistics':
        if (!s) return notRunning();
        return { kind: 'statistics', statistics: { ...s.stats, cacheSize: this.cacheSize(s) } };
      case 'flush-caches':
      case 'reset-statistics':
        if (!s) return notRunning();
        if (caller.euid !== 0) return { kind: 'bus-error', name: BUS_ERRORS.interactiveAuth, message: 'Interactive authentication required.' };
        if (req.kind === 'flush-caches') s.cache.clear();
        else s.stats = { ...s.stats, totalTransactions: 0, cacheHits: 0, cacheMisses: 0 };
        return { kind: 'ok' };
      case 'set-link':
      case 'revert-link':
        if (!s) return notRunning();
        if (caller.euid !== 0) return { kind: 'bus-error', name: BUS_ERRORS.interactiveAuth, message: 'Interactive authentication required.' };
        if (req.kind === 'revert-link') this.overrides.delete(req.ifindex);
        else this.overrides.set(req.ifindex, { ...this.overrides.get(req.ifindex), ...(req.dns ? { dns: req.dns } : {}), ...(req.domains ? { domains: req.domains } : {}) });
        return { kind: 'ok' };
      default:
        return { kind: 'bus-error', name: BUS_ERRORS.unknownMethod, message: 'Unknown method' };
    }
  }

  /** resolved's state while its stub listens; a new listener means a restarted daemon. */
  running(): Session | undefined {
    const id = this.host.stubListener();
    if (id === undefined) {
      this.session = undefined;
      return undefined;
    }
    if (this.session?.listener !== id) {
      this.session = { listener: id, conf: this.readConf(), cache: new Map(), stats: { currentTransactions: 0, totalTransactions: 0, cacheSize: 0, cacheHits: 0, cacheMisses: 0 }, current: new Map(), usedFallback: false };
    }
    return this.session;
  }

  private readConf(): ResolvedConf {
    const dropins = (this.host.readDir('/etc/systemd/resolved.conf.d') ?? []).filter((f) => f.endsWith('.conf')).sort();
    const texts = ['/etc/systemd/resolved.conf', ...dropins.map((f) => `/etc/systemd/resolved.conf.d/${f}`)].map((p) => this.host.readFile(p) ?? '');
    return parseResolvedConf(texts);
  }

  /** The unicast DNS scopes: each relevant link with its servers, then the global servers. */
  scopes(s: Session): DnsScope[] {
    const out: DnsScope[] = [];
    for (const l of this.net.links()) {
      if (l.flags & IFF.LOOPBACK) continue;
      const cfg = linkSettings(this, l.ifindex);
      const up = (l.flags & (IFF.UP | IFF.LOWER_UP)) === (IFF.UP | IFF.LOWER_UP);
      const addressed = this.net.addresses().some((a) => a.ifindex === l.ifindex && a.scope < 254);
      if (!up || !addressed || cfg.dns.length === 0) continue;
      out.push({ ifindex: l.ifindex, servers: this.rotate(s, l.ifindex, cfg.dns), domains: cfg.domains, defaultRoute: cfg.defaultRoute });
    }
    const linkServers = [...this.net.links()].some((l) => linkSettings(this, l.ifindex).dns.length > 0);
    const global = s.conf.dns.length ? s.conf.dns : linkServers ? [] : s.conf.fallbackDns;
    if (global.length) out.push({ ifindex: 0, servers: this.rotate(s, 0, global), domains: s.conf.domains, defaultRoute: true });
    return out;
  }

  /** A scope's servers starting from its current one. */
  private rotate(s: Session, key: number, servers: string[]): string[] {
    const at = servers.indexOf(s.current.get(key) ?? '');
    return at <= 0 ? servers : [...servers.slice(at), ...servers.slice(0, at)];
  }

  /** resolved's lookup with its cache in front. */
  private resolvedLookup(s: Session, name: string, family: 0 | AddressFamily): Outcome & { cached?: boolean } {
    const key = `${family}:${name.toLowerCase().replace(/\.$/, '')}`;
    const hit = s.cache.get(key);
    if (hit && hit.expires > this.host.now()) {
      s.stats.totalTransactions++;
      s.stats.cacheHits++;
      return { ...hit.outcome, delayMs: 0, cached: true };
    }
    const scopes = this.scopes(s);
    const ctx = {
      net: this.net, hosts: this.host.readFile('/etc/hosts'), readEtcHosts: s.conf.readEtcHosts, hostname: this.host.hostname(),
      scopes,
      serverFailed: (scope: DnsScope, server: string): void => {
        const i = scope.servers.indexOf(server);
        s.current.set(scope.ifindex, scope.servers[(i + 1) % scope.servers.length]!);
      },
    };
    const o = parseAddr(name) ? reverse(ctx, name) : lookup(ctx, name, family);
    if (o.kind === 'no-servers') return o;
    s.stats.totalTransactions += o.transactions;
    s.stats.cacheMisses += o.transactions;
    // the fallback servers show as current once a query has gone to them
    if (o.transactions > 0 && scopes.some((x) => x.ifindex === 0) && !s.conf.dns.length) s.usedFallback = true;
    if (s.conf.cache && (o.kind === 'nxdomain' || (o.kind === 'found' && o.source === 'network'))) s.cache.set(key, { outcome: o, expires: this.host.now() + CACHE_TTL_MS });
    return o;
  }

  private cacheSize(s: Session): number {
    const now = this.host.now();
    let n = 0;
    for (const e of s.cache.values()) if (e.expires > now) n += e.outcome.kind === 'found' ? e.outcome.addresses.length : 1;
    return n;
  }

  private query(s: Session, name: string, family: 0 | AddressFamily): { reply: ResolveReply; delayMs: number } {
    const o = this.resolvedLookup(s, name, family);
    switch (o.kind) {
      case 'found': {
        const answer: Answer = {
          kind: 'answer', name, canonical: o.canonical, addresses: o.addresses, ...(o.names ? { names: o.names } : {}), rttUs: o.cached ? 90 : o.rttUs + 400,
          source: o.cached ? 'cache' : o.source, authenticated: o.source === 'synthetic', confidential: o.source === 'synthetic',
        };
        return { reply: answer, delayMs: o.delayMs };
      }
      case 'nxdomain': {
        const asked = parseAddr(name) ? reverseName(name) : name;
        return { reply: { kind: 'bus-error', name: 'org.freedesktop.resolve1.DnsError.NXDOMAIN', message: `Name '${asked}' not found` }, delayMs: o.delayMs };
      }
      case 'no-servers':
        return { reply: { kind: 'bus-error', name: 'org.freedesktop.resolve1.NoNameServers', message: 'No appropriate name servers or networks for name found' }, delayMs: 0 };
      case 'timeout':
        return { reply: { kind: 'bus-error', name: 'org.freedesktop.DBus.Error.Timeout', message: 'All attempts to contact name servers or networks failed' }, delayMs: o.delayMs };
    }
  }

  /** getaddrinfo(3): literals, then NSS "files", then "dns" over resolv.conf's servers. */
  private gai(s: Session | undefined, name: string, family: 0 | AddressFamily, view?: ContainerDnsView): { reply: ResolveReply; delayMs: number } {
    const answer = (addresses: Answer['addresses'], canonical: string): ResolveReply => ({ kind: 'answer', name, canonical, addresses, rttUs: 0, source: 'network', authenticated: false, confidential: false });
    const literal = parseAddr(name);
    if (literal) return { reply: answer(family && family !== literal.family ? [] : [{ family: literal.family, address: formatAddr(literal), ifindex: 0 }], name), delayMs: 0 };
    const n = name.toLowerCase().replace(/\.$/, '');
    const files = parseHosts((view ? view.hosts : this.host.readFile('/etc/hosts')) ?? '').filter((e) => e.names.some((x) => x.toLowerCase() === n));
    const fromFiles = files.filter((e) => !family || e.family === family);
    if (fromFiles.length) return { reply: answer(fromFiles.map((e) => ({ family: e.family, address: e.address, ifindex: 0 })), fromFiles[0]!.names[0]!), delayMs: 0 };
    // the name is in /etc/hosts, but with the other family only: glibc stops there
    if (files.length) return { reply: { kind: 'gai-error', error: 'EAI_ADDRFAMILY' }, delayMs: 0 };
    const conf = parseResolvConf(view ? view.resolvConf : this.host.readFile('/etc/resolv.conf'));
    const dots = n.split('.').length - 1;
    const search = conf.search.map((d) => `${n}.${d.replace(/\.$/, '')}`);
    const names = name.endsWith('.') ? [n] : dots >= conf.ndots ? [n, ...search] : [...search, n];
    let delayMs = 0;
    let tempfail = false;
    for (const candidate of names) {
      let nx = false;
      for (const ns of conf.nameservers) {
        const r = view ? this.askFromContainer(s, view, ns, candidate, family) : this.ask(s, ns, candidate, family);
        delayMs += r.delayMs;
        if (r.kind === 'found') return { reply: answer(r.addresses, candidate), delayMs };
        if (r.kind === 'nxdomain') {
          nx = true;
          break;
        }
      }
      if (!nx) tempfail = true;
    }
    return { reply: { kind: 'gai-error', error: tempfail ? 'EAI_AGAIN' : 'EAI_NONAME' }, delayMs };
  }

  /** A query from a container: to docker's embedded server, or to a server its namespace reaches. */
  private askFromContainer(s: Session | undefined, view: ContainerDnsView, ns: string, name: string, family: 0 | AddressFamily): ReturnType<Resolver['ask']> {
    const e = view.embedded;
    if (e && ns === e.server) {
      const found = e.lookup(name);
      if (found.length) return family === 6 ? { kind: 'nxdomain', delayMs: 0 } : { kind: 'found', addresses: found.map((address) => ({ family: 4 as const, address, ifindex: 0 })), delayMs: 0 };
      // not a container here: forwarded upstream (from the host's namespace for its loopback servers)
      let delayMs = 0;
      for (const up of e.upstream) {
        const r = this.ask(s, up, name, family);
        delayMs += r.delayMs;
        if (r.kind !== 'fail') return { ...r, delayMs };
      }
      return { kind: 'fail', delayMs };
    }
    // the container's own loopback has no server on it
    if (ns.startsWith('127.') || ns === '::1') return { kind: 'fail', delayMs: 0 };
    return this.ask(s, ns, name, family);
  }

  /** One resolver query from glibc to one name server of resolv.conf. */
  private ask(s: Session | undefined, ns: string, name: string, family: 0 | AddressFamily): { kind: 'found'; addresses: Answer['addresses']; delayMs: number } | { kind: 'nxdomain' | 'fail'; delayMs: number } {
    if (STUB_ADDRESSES.has(ns)) {
      // nothing listening: the datagram is refused at once
      if (!s) return { kind: 'fail', delayMs: 0 };
      const o = this.resolvedLookup(s, name, family);
      if (o.kind === 'found') return { kind: 'found', addresses: o.addresses, delayMs: o.delayMs };
      // the stub answers SERVFAIL when resolved could not reach anyone
      return { kind: o.kind === 'nxdomain' ? 'nxdomain' : 'fail', delayMs: o.kind === 'no-servers' ? 0 : o.delayMs };
    }
    const own = ns.startsWith('127.') || this.net.addresses().some((a) => a.local === ns);
    if (own) return { kind: 'fail', delayMs: 0 };
    const a = queryServer(this.net, ns, name);
    if (a.kind === 'timeout') return { kind: 'fail', delayMs: QUERY_TIMEOUT_MS };
    if (a.kind === 'unreachable') return { kind: 'fail', delayMs: 0 };
    if (a.kind === 'nxdomain') return { kind: 'nxdomain', delayMs: 0 };
    const addresses: Answer['addresses'] = [];
    if (family !== 6) addresses.push({ family: 4, address: a.host.ipv4, ifindex: 0 });
    if (family !== 4 && a.host.ipv6) addresses.push({ family: 6, address: a.host.ipv6, ifindex: 0 });
    return addresses.length ? { kind: 'found', addresses, delayMs: 0 } : { kind: 'nxdomain', delayMs: 0 };
  }

  /** Replies after the time the lookup took (timeouts), as a blocking resolver would. */
  private delayed(r: { reply: ResolveReply; delayMs: number }): ResolveReply | Promise<ResolveReply> {
    if (r.delayMs <= 0) return r.reply;
    return new Promise((resolve) => this.host.after(r.delayMs, () => resolve(r.reply)));
  }
}

function notRunning(): ResolveReply {
  return { kind: 'bus-error', name: BUS_ERRORS.serviceUnknown, message: 'The name org.freedesktop.resolve1 was not provided by any .service files' };
}
