// systemd-resolved's view of its settings (what resolvectl status prints and what resolved
// writes to /run/systemd/resolve/*.conf): the global settings of resolved.conf, each link's DNS
// servers and domains (from systemd-networkd's state files for the links it manages, from the
// bus for the others), and the /etc/resolv.conf mode.
import { IFF } from '../../shared/services/net';
import type { LinkDnsStatus, ResolvedStatus } from '../../shared/services/resolve';
import { parseEnvFile, parseResolvedConf, serverAddress } from './files';
import type { Resolver, ResolverHost, Session } from './resolver';

export interface LinkSettings {
  managed: boolean;
  dns: string[];
  /** Search domains, and routing-only domains with a "~" prefix. */
  domains: string[];
  defaultRoute: boolean;
  llmnr: string;
  mdns: string;
  dnsOverTls?: string;
  dnssec?: string;
}

const words = (v: string | undefined): string[] => (v ?? '').split(/\s+/).filter(Boolean);

/** A link's resolver settings; networkd's state file wins for the links it manages. */
export function linkSettings(r: Resolver, ifindex: number): LinkSettings {
  const netif = parseEnvFile(r.host.readFile(`/run/systemd/netif/links/${ifindex}`));
  const admin = netif.get('ADMIN_STATE');
  const managed = admin !== undefined && !['pending', 'initialized', 'unmanaged', 'linger'].includes(admin);
  if (managed) {
    const domains = [...words(netif.get('DOMAINS')), ...words(netif.get('ROUTE_DOMAINS')).map((d) => `~${d}`)];
    const explicit = netif.get('DNS_DEFAULT_ROUTE');
    return {
      managed, dns: words(netif.get('DNS')), domains,
      defaultRoute: explicit !== undefined ? explicit === 'yes' : !domains.some((d) => d.startsWith('~')),
      llmnr: netif.get('LLMNR') ?? 'yes', mdns: netif.get('MDNS') ?? 'no', dnsOverTls: netif.get('DNS_OVER_TLS'), dnssec: netif.get('DNSSEC'),
    };
  }
  const o = r.overrides.get(ifindex);
  const domains = o?.domains ?? [];
  return { managed, dns: o?.dns ?? [], domains, defaultRoute: !domains.some((d) => d.startsWith('~')), llmnr: 'yes', mdns: 'no' };
}

const LEVELS = ['no', 'resolve', 'yes'];
/** A per-link LLMNR/mDNS setting never exceeds the global one. */
function lower(a: string, b: string): string {
  return LEVELS[Math.min(Math.max(0, LEVELS.indexOf(a)), Math.max(0, LEVELS.indexOf(b)))]!;
}

/** How /etc/resolv.conf is managed: the file it links to decides (resolved compares inodes). */
export function resolvConfMode(host: ResolverHost): string {
  const target = host.readLink('/etc/resolv.conf');
  if (target === undefined) return host.readFile('/etc/resolv.conf') === undefined ? 'missing' : 'foreign';
  const abs = target.startsWith('/') ? target : `/etc/${target}`;
  const parts: string[] = [];
  for (const p of abs.split('/')) {
    if (p === '..') parts.pop();
    else if (p && p !== '.') parts.push(p);
  }
  const path = `/${parts.join('/')}`;
  if (host.readFile(path) === undefined) return 'missing';
  if (path === '/run/systemd/resolve/stub-resolv.conf') return 'stub';
  if (path === '/run/systemd/resolve/resolv.conf') return 'uplink';
  if (path === '/usr/lib/systemd/resolv.conf') return 'static';
  return 'foreign';
}

export function statusOf(r: Resolver, s: Session | undefined): ResolvedStatus {
  const conf = s?.conf ?? parseResolvedConf([r.host.readFile('/etc/systemd/resolved.conf') ?? '']);
  const links: LinkDnsStatus[] = [];
  const addrs = r.net.addresses();
  for (const l of r.net.links()) {
    if (l.flags & IFF.LOOPBACK) continue;
    const cfg = linkSettings(r, l.ifindex);
    const relevant = (l.flags & (IFF.UP | IFF.LOWER_UP)) === (IFF.UP | IFF.LOWER_UP) && addrs.some((a) => a.ifindex === l.ifindex && a.scope < 254);
    const llmnr = lower(cfg.llmnr, conf.llmnr);
    const mdns = lower(cfg.mdns, conf.mdns);
    const scopes: string[] = [];
    if (relevant && cfg.dns.length) scopes.push('DNS');
    if (relevant && llmnr !== 'no') scopes.push('LLMNR/IPv4', 'LLMNR/IPv6');
    if (relevant && mdns !== 'no') scopes.push('mDNS/IPv4', 'mDNS/IPv6');
    links.push({
      ifindex: l.ifindex, name: l.name, scopes, defaultRoute: cfg.defaultRoute, dns: cfg.dns,
      currentDns: cfg.dns.length ? s?.current.get(l.ifindex) ?? cfg.dns[0] : undefined,
      domains: cfg.domains, llmnr, mdns, dnsOverTls: cfg.dnsOverTls ?? conf.dnsOverTls, dnssec: cfg.dnssec ?? conf.dnssec, managed: cfg.managed,
    });
  }
  const globalCurrent = conf.dns.length ? s?.current.get(0) ?? conf.dns[0] : s?.usedFallback ? s.current.get(0) ?? conf.fallbackDns[0] : undefined;
  const servers = [...new Set([...conf.dns, ...links.flatMap((l) => l.dns)].map(serverAddress))];
  const search = [...new Set([...conf.domains, ...links.flatMap((l) => l.domains)].filter((d) => !d.startsWith('~')))];
  return {
    running: s !== undefined,
    global: {
      dns: conf.dns, fallbackDns: conf.fallbackDns, currentDns: globalCurrent, domains: conf.domains,
      llmnr: conf.llmnr, mdns: conf.mdns, dnsOverTls: conf.dnsOverTls, dnssec: conf.dnssec, resolvConfMode: resolvConfMode(r.host),
    },
    links,
    upstream: { servers, search },
  };
}
