// The resolver's configuration files: /etc/hosts (hosts(5)), /etc/resolv.conf (resolv.conf(5)),
// resolved.conf with its drop-ins (resolved.conf(5)) and systemd-networkd's per-link state files
// in /run/systemd/netif/links (KEY=value lines).
import { parseAddr, formatAddr } from '../../shared/services/net-addr';

export interface HostsEntry {
  address: string;
  family: 4 | 6;
  names: string[];
}

/** hosts(5): address, canonical name, aliases; `#` starts a comment. */
export function parseHosts(text: string): HostsEntry[] {
  const out: HostsEntry[] = [];
  for (const raw of text.split('\n')) {
    const words = raw.replace(/#.*/, '').trim().split(/\s+/).filter(Boolean);
    if (words.length < 2) continue;
    const a = parseAddr(words[0]!);
    if (!a) continue;
    out.push({ address: formatAddr(a), family: a.family, names: words.slice(1) });
  }
  return out;
}

export interface ResolvConf {
  nameservers: string[];
  search: string[];
  ndots: number;
}

/** resolv.conf(5) as glibc reads it: at most three name servers, the last search line wins. */
export function parseResolvConf(text: string | undefined): ResolvConf {
  const conf: ResolvConf = { nameservers: [], search: [], ndots: 1 };
  if (text === undefined) {
    // no file: the local host's server (glibc's default)
    conf.nameservers.push('127.0.0.1');
    return conf;
  }
  for (const raw of text.split('\n')) {
    const words = raw.trim().split(/\s+/);
    const key = words[0] ?? '';
    if (key.startsWith('#') || key.startsWith(';')) continue;
    if (key === 'nameserver' && words[1] && conf.nameservers.length < 3) {
      const a = parseAddr(words[1]);
      if (a) conf.nameservers.push(formatAddr(a));
    } else if ((key === 'search' || key === 'domain') && words.length > 1) {
      conf.search = words.slice(1).filter((d) => d !== '.');
    } else if (key === 'options') {
      for (const o of words.slice(1)) {
        const m = /^ndots:(\d+)$/.exec(o);
        if (m) conf.ndots = Math.min(15, Number(m[1]));
      }
    }
  }
  if (conf.nameservers.length === 0) conf.nameservers.push('127.0.0.1');
  return conf;
}

export interface ResolvedConf {
  dns: string[];
  fallbackDns: string[];
  domains: string[];
  llmnr: string;
  mdns: string;
  dnssec: string;
  dnsOverTls: string;
  readEtcHosts: boolean;
  cache: boolean;
}

/** The compiled-in FallbackDNS= of systemd 253 (meson option dns-servers), which Photon keeps. */
export const FALLBACK_DNS = [
  '1.1.1.1#cloudflare-dns.com', '8.8.8.8#dns.google', '1.0.0.1#cloudflare-dns.com', '8.8.4.4#dns.google',
  '2606:4700:4700::1111#cloudflare-dns.com', '2001:4860:4860::8888#dns.google', '2606:4700:4700::1001#cloudflare-dns.com', '2001:4860:4860::8844#dns.google',
];

const BOOLEAN = new Map([['1', true], ['yes', true], ['y', true], ['true', true], ['t', true], ['on', true], ['0', false], ['no', false], ['n', false], ['false', false], ['f', false], ['off', false]]);

/**
 * [Resolve] settings from resolved.conf and its drop-ins, later files overriding earlier ones; an
 * empty DNS=, FallbackDNS= or Domains= resets the list (as in every systemd list setting).
 */
export function parseResolvedConf(texts: string[]): ResolvedConf {
  // compile-time defaults of Photon's build (-Ddefault-dnssec=no, -Ddefault-mdns=no, LLMNR from meson)
  const conf: ResolvedConf = { dns: [], fallbackDns: [...FALLBACK_DNS], domains: [], llmnr: 'yes', mdns: 'no', dnssec: 'no', dnsOverTls: 'no', readEtcHosts: true, cache: true };
  let fallbackSet = false;
  for (const text of texts) {
    let section = '';
    for (const raw of text.split('\n')) {
      const line = raw.trim();
      if (!line || line.startsWith('#') || line.startsWith(';')) continue;
      if (line.startsWith('[')) {
        section = line.slice(1, -1);
        continue;
      }
      const eq = line.indexOf('=');
      if (section !== 'Resolve' || eq < 0) continue;
      const key = line.slice(0, eq).trim();
      const value = line.slice(eq + 1).trim();
      const words = value.split(/\s+/).filter(Boolean);
      switch (key) {
        case 'DNS': conf.dns = words.length ? [...conf.dns, ...words] : []; break;
        case 'FallbackDNS':
          conf.fallbackDns = words.length ? [...(fallbackSet ? conf.fallbackDns : []), ...words] : [];
          fallbackSet = true;
          break;
        case 'Domains': conf.domains = words.length ? [...conf.domains, ...words] : []; break;
        case 'LLMNR': conf.llmnr = normaliseTristate(value, ['resolve']); break;
        case 'MulticastDNS': conf.mdns = normaliseTristate(value, ['resolve']); break;
        case 'DNSSEC': conf.dnssec = normaliseTristate(value, ['allow-downgrade']); break;
        case 'DNSOverTLS': conf.dnsOverTls = normaliseTristate(value, ['opportunistic']); break;
        case 'ReadEtcHosts': conf.readEtcHosts = BOOLEAN.get(value.toLowerCase()) ?? conf.readEtcHosts; break;
        case 'Cache': conf.cache = value !== 'no-negative' ? BOOLEAN.get(value.toLowerCase()) ?? conf.cache : true; break;
      }
    }
  }
  return conf;
}

function normaliseTristate(value: string, extra: string[]): string {
  const b = BOOLEAN.get(value.toLowerCase());
  if (b !== undefined) return b ? 'yes' : 'no';
  return extra.includes(value) ? value : 'no';
}

/** KEY=value lines (networkd's state files); quotes around a value are removed. */
export function parseEnvFile(text: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of (text ?? '').split('\n')) {
    const m = /^([A-Z0-9_]+)=(.*)$/.exec(line);
    if (m) out.set(m[1]!, m[2]!.replace(/^"(.*)"$/, '$1'));
  }
  return out;
}

/** A DNS server as resolved prints it: the address, then `#name` for a TLS server name. */
export function serverAddress(server: string): string {
  const hash = server.indexOf('#');
  const percent = server.indexOf('%');
  const cut = Math.min(hash < 0 ? server.length : hash, percent < 0 ? server.length : percent);
  return server.slice(0, cut);
}
