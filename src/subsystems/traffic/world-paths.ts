// What the simulated world (lan/world.ts) adds for packets: the routers between the lab LAN and
// each internet host (tracepath lists them, TTLs count them), the TTL each host's answers start
// with, and the reverse (PTR) names DNS gives for their addresses. All fixed data, so a trace
// or a ping prints the same every time.
import { hostByAddress, LAN, type RemoteHost } from '../lan/world';

export interface Router {
  address: string;
  /** Some routers rate-limit or filter ICMP: tracepath shows `no reply` for them. */
  answers: boolean;
}

/** Past the lab's gateway: the provider's access and core routers every internet path shares. */
const BACKBONE: Router[] = [
  { address: '100.64.0.1', answers: true },
  { address: '100.64.18.9', answers: true },
  { address: '198.51.100.17', answers: false },
  { address: '198.51.100.42', answers: true },
  { address: '203.0.113.5', answers: true },
];

/** Routers of each destination's own network, after the backbone. */
const TAILS: Readonly<Record<string, Router[]>> = {
  'google.com': [{ address: '142.251.60.3', answers: true }, { address: '142.250.236.91', answers: true }],
  'dns.google': [{ address: '142.251.60.3', answers: true }, { address: '72.14.232.85', answers: true }],
  'github.com': [{ address: '140.82.112.249', answers: false }, { address: '140.82.112.250', answers: true }],
  'one.one.one.one': [{ address: '172.70.40.2', answers: true }],
  'example.com': [{ address: '152.195.64.141', answers: true }, { address: '152.195.65.133', answers: true }],
  'packages.vmware.com': [{ address: '23.215.157.1', answers: true }],
};

/** The TTL a host's own packets start with (Linux 64; some server stacks use 128). */
const INITIAL_TTL: Readonly<Record<string, number>> = { 'google.com': 128, 'dns.google': 128, 'github.com': 64 };

/** Names the world's DNS gives for addresses (PTR records); addresses without one stay numeric. */
const PTR: Readonly<Record<string, string>> = {
  '142.250.72.14': 'lax17s49-in-f14.1e100.net',
  '8.8.8.8': 'dns.google',
  '1.1.1.1': 'one.one.one.one',
  '140.82.112.4': 'lb-140-82-112-4-iad.github.com',
  '23.215.157.227': 'a23-215-157-227.deploy.static.akamaitechnologies.com',
  '100.64.0.1': 'bras1.access.isp.example.net',
  '198.51.100.42': 'core2.isp.example.net',
  '203.0.113.5': 'peer1.ix.example.net',
  '192.168.1.20': 'client.lab.local',
  '192.168.1.30': 'fileserver.lab.local',
};

/** The world host at exactly `address` (its IPv4 address). */
export function worldHost(address: string): RemoteHost | undefined {
  const h = hostByAddress(address);
  return h && h.ipv4 === address ? h : undefined;
}

/**
 * The routers a packet from the LAN crosses to reach `address`, gateway first; empty for a
 * host on the LAN itself. Unknown internet addresses get the backbone: the packet dies after it.
 */
export function routersTo(address: string, host: RemoteHost | undefined): Router[] {
  if (host?.where === 'lan') return [];
  const gw: Router = { address: LAN.gateway, answers: true };
  return [gw, ...BACKBONE, ...(host ? (TAILS[host.name] ?? []) : [])];
}

/** The TTL the host's answer arrives with here: its initial TTL less one per router. */
export function replyTtl(host: RemoteHost): number {
  return (INITIAL_TTL[host.name] ?? 64) - routersTo(host.ipv4, host).length;
}

/** A router's ICMP errors start at 64 (Linux routers) and lose one per router back. */
export function routerTtl(hop: number): number {
  return 64 - (hop - 1);
}

/** The PTR name of an address of the world, if DNS has one. */
export function worldPtr(address: string): string | undefined {
  return PTR[address];
}

/** Round trip to the n-th router on the way (1 = the gateway), in milliseconds. */
export function routerRttMs(hop: number, host: RemoteHost | undefined): number {
  if (hop <= 1) return 0.45;
  const total = routersTo(host?.ipv4 ?? '', host).length + 1;
  const end = host?.rttMs ?? 20;
  // the round trip grows along the path towards the host's own
  return 0.45 + ((end - 0.45) * (hop - 1)) / Math.max(1, total - 1);
}
