// The 'resolve' service: host name resolution as programs see it. `gai` is getaddrinfo(3) through
// NSS ("files" then "dns" over /etc/resolv.conf); `query` is what systemd-resolved answers on its
// bus (resolvectl query). The answers depend on systemd-resolved running (its stub 127.0.0.53),
// on the DNS servers systemd-networkd and resolved.conf give it, and on whether those servers can
// be reached. The 'dhcp' service is the LAN's DHCP server as seen from a link.

export type AddressFamily = 4 | 6;

export interface ResolvedAddress {
  family: AddressFamily;
  address: string;
  /** The link the answer came in on (0: global DNS, /etc/hosts). */
  ifindex: number;
}

/** getaddrinfo(3) error codes and the gai_strerror(3) texts glibc prints for them. */
export const GAI_ERRORS = {
  EAI_NONAME: 'Name or service not known',
  EAI_AGAIN: 'Temporary failure in name resolution',
  EAI_NODATA: 'No address associated with hostname',
  EAI_FAIL: 'Non-recoverable failure in name resolution',
  EAI_ADDRFAMILY: 'Address family for hostname not supported',
} as const;
export type GaiError = keyof typeof GAI_ERRORS;

export type ResolveRequest =
  | { kind: 'gai'; name: string; family?: 0 | AddressFamily }
  | { kind: 'query'; name: string; family?: 0 | AddressFamily; ifindex?: number }
  | { kind: 'status' }
  | { kind: 'flush-caches' }
  | { kind: 'statistics' }
  | { kind: 'reset-statistics' }
  /** Runtime DNS servers / domains for an unmanaged link (resolvectl dns|domain LINK ...). */
  | { kind: 'set-link'; ifindex: number; dns?: string[]; domains?: string[] }
  | { kind: 'revert-link'; ifindex: number };

export interface Answer {
  kind: 'answer';
  name: string;
  canonical: string;
  addresses: ResolvedAddress[];
  /** For a reverse lookup (an address asked for): the names it has. */
  names?: string[];
  /** How long the lookup took, in microseconds. */
  rttUs: number;
  /** SD_RESOLVED_* provenance as resolvectl prints it. */
  source: 'network' | 'cache' | 'synthetic';
  authenticated: boolean;
  confidential: boolean;
}

export interface LinkDnsStatus {
  ifindex: number;
  name: string;
  /** Current Scopes: DNS when the link has servers and is up. */
  scopes: string[];
  defaultRoute: boolean;
  dns: string[];
  currentDns?: string;
  domains: string[];
  llmnr: string;
  mdns: string;
  dnsOverTls: string;
  dnssec: string;
  /** systemd-networkd manages the link (resolved then takes its settings from networkd). */
  managed: boolean;
}

export interface ResolvedStatus {
  running: boolean;
  global: {
    dns: string[];
    fallbackDns: string[];
    currentDns?: string;
    domains: string[];
    llmnr: string;
    mdns: string;
    dnsOverTls: string;
    dnssec: string;
    resolvConfMode: string;
  };
  links: LinkDnsStatus[];
  /** What /run/systemd/resolve/resolv.conf lists: every known upstream server and search domain. */
  upstream: { servers: string[]; search: string[] };
}

export interface ResolvedStatistics {
  currentTransactions: number;
  totalTransactions: number;
  cacheSize: number;
  cacheHits: number;
  cacheMisses: number;
}

export type ResolveReply =
  | Answer
  | { kind: 'gai-error'; error: GaiError }
  /** A D-Bus error as systemd-resolved returns it (name and message). */
  | { kind: 'bus-error'; name: string; message: string }
  | { kind: 'status'; status: ResolvedStatus }
  | { kind: 'statistics'; statistics: ResolvedStatistics }
  | { kind: 'ok' };

export interface DhcpLease {
  address: string;
  prefixlen: number;
  netmask: string;
  broadcast: string;
  router: string;
  serverAddress: string;
  dns: string[];
  domain: string;
  leaseSeconds: number;
  t1: number;
  t2: number;
}

export type DhcpRequest = { kind: 'discover'; ifindex: number } | { kind: 'release'; ifindex: number; address: string };

export type DhcpReply = { kind: 'lease'; lease: DhcpLease } | { kind: 'ok' } | { kind: 'no-answer' } | { kind: 'error'; errno: 'EPERM' | 'ENODEV' | 'ENETDOWN' };
