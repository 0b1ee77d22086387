// The network around the machine, all deterministic: the lab LAN 192.168.1.0/24 (a gateway at
// .1 that also serves DHCP and DNS, a `client` machine and a file server) and an "internet" of
// well-known names at fixed addresses. Lessons and the traffic code read these tables.

export interface RemoteService {
  proto: 'tcp' | 'udp';
  port: number;
  /** What answers an HTTP request (status line and body), for web servers. */
  http?: { status: number; reason: string; server: string; body: string; location?: string };
  /** The greeting a line-based service sends first (ssh's version string). */
  banner?: string;
}

export interface RemoteHost {
  name: string;
  /** Extra names that resolve to it. */
  aliases: string[];
  ipv4: string;
  ipv6?: string;
  mac?: string;
  /** On the lab LAN (reached directly) or out on the internet (through the gateway). */
  where: 'lan' | 'internet';
  /** Answers ICMP echo requests. */
  pings: boolean;
  /** Round-trip time in milliseconds, for ping's statistics. */
  rttMs: number;
  services: RemoteService[];
}

const page = (title: string): string => `<!doctype html>\n<html>\n<head><title>${title}</title></head>\n<body>\n<h1>${title}</h1>\n</body>\n</html>\n`;
const web = (server: string, title: string): RemoteService[] => [
  { proto: 'tcp', port: 80, http: { status: 301, reason: 'Moved Permanently', server, body: '', location: 'https://' } },
  { proto: 'tcp', port: 443, http: { status: 200, reason: 'OK', server, body: page(title) } },
];

export const LAN = {
  network: '192.168.1.0',
  prefixlen: 24,
  broadcast: '192.168.1.255',
  gateway: '192.168.1.1',
  gatewayMac: '00:50:56:e1:07:4d',
  /** The DHCP server hands out addresses from this range (.100 is left for the static lesson). */
  dhcpFirst: 50,
  dhcpLast: 99,
  leaseSeconds: 86400,
  dns: '192.168.1.1',
  domain: 'lab.local',
} as const;

export const HOSTS: RemoteHost[] = [
  { name: 'gateway', aliases: ['gateway.lab.local', '_gateway'], ipv4: LAN.gateway, mac: LAN.gatewayMac, where: 'lan', pings: true, rttMs: 0.4, services: [{ proto: 'udp', port: 53 }, { proto: 'udp', port: 67 }] },
  { name: 'client', aliases: ['client.lab.local'], ipv4: '192.168.1.20', mac: '00:50:56:a1:20:14', where: 'lan', pings: true, rttMs: 0.5, services: [{ proto: 'tcp', port: 22, banner: 'SSH-2.0-OpenSSH_9.3' }] },
  { name: 'fileserver', aliases: ['fileserver.lab.local', 'files.lab.local'], ipv4: '192.168.1.30', mac: '00:50:56:a1:30:1e', where: 'lan', pings: true, rttMs: 0.6, services: [{ proto: 'tcp', port: 22, banner: 'SSH-2.0-OpenSSH_9.3' }, { proto: 'tcp', port: 80, http: { status: 200, reason: 'OK', server: 'nginx/1.25.3', body: page('Lab file server') } }] },
  { name: 'google.com', aliases: ['www.google.com'], ipv4: '142.250.72.14', ipv6: '2607:f8b0:4005:80b::200e', where: 'internet', pings: true, rttMs: 12.3, services: web('gws', 'Google') },
  { name: 'vmware.com', aliases: ['www.vmware.com'], ipv4: '45.60.11.104', where: 'internet', pings: false, rttMs: 21.7, services: web('Apache', 'VMware') },
  { name: 'github.com', aliases: ['www.github.com'], ipv4: '140.82.112.4', where: 'internet', pings: true, rttMs: 18.9, services: web('GitHub.com', 'GitHub') },
  { name: 'packages.vmware.com', aliases: [], ipv4: '23.215.157.227', where: 'internet', pings: true, rttMs: 15.2, services: web('AkamaiGHost', 'Index of /photon') },
  { name: 'docker.io', aliases: ['registry-1.docker.io', 'hub.docker.com'], ipv4: '54.236.113.205', where: 'internet', pings: false, rttMs: 25.4, services: web('nginx', 'Docker Hub') },
  { name: 'example.com', aliases: ['www.example.com'], ipv4: '93.184.215.14', where: 'internet', pings: true, rttMs: 30.1, services: [{ proto: 'tcp', port: 80, http: { status: 200, reason: 'OK', server: 'ECS (sec/9795)', body: page('Example Domain') } }, { proto: 'tcp', port: 443, http: { status: 200, reason: 'OK', server: 'ECS (sec/9795)', body: page('Example Domain') } }] },
  { name: 'dns.google', aliases: [], ipv4: '8.8.8.8', where: 'internet', pings: true, rttMs: 9.8, services: [{ proto: 'udp', port: 53 }] },
  { name: 'one.one.one.one', aliases: [], ipv4: '1.1.1.1', where: 'internet', pings: true, rttMs: 8.6, services: [{ proto: 'udp', port: 53 }] },
];

/** A public DNS answer for `name` (case-insensitive, trailing dot allowed). */
export function lookupName(name: string): RemoteHost | undefined {
  const n = name.toLowerCase().replace(/\.$/, '');
  return HOSTS.find((h) => h.name === n || h.aliases.includes(n));
}

export function hostByAddress(ip: string): RemoteHost | undefined {
  return HOSTS.find((h) => h.ipv4 === ip || h.ipv6 === ip);
}

/** The DHCP server's lease for a MAC: the same address every time (a hash into the pool). */
export function dhcpLease(mac: string): { address: string; prefixlen: number; gateway: string; dns: string[]; domain: string; leaseSeconds: number } {
  let h = 0;
  for (const c of mac) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  const span = LAN.dhcpLast - LAN.dhcpFirst + 1;
  // the machine's own NIC always gets the first address, so the default box is 192.168.1.50
  const host = mac.toLowerCase().startsWith('00:50:56:8') ? LAN.dhcpFirst : LAN.dhcpFirst + (h % span);
  return { address: `192.168.1.${host}`, prefixlen: LAN.prefixlen, gateway: LAN.gateway, dns: [LAN.dns], domain: LAN.domain, leaseSeconds: LAN.leaseSeconds };
}
