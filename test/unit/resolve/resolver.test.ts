// The 'resolve' and 'dhcp' services on their own: a kernel network configured as networkd's DHCP
// client leaves it, files in a map, a manual clock. Each case states the machine and the whole
// reply (getaddrinfo's error codes, resolved's bus errors and answers, its status).
import { describe, expect, it } from 'vitest';
import { RTN, RTPROT, SCOPE, TABLE } from '../../../src/shared/services/net';
import type { ResolveReply } from '../../../src/shared/services/resolve';
import type { Caller } from '../../../src/shared/sys';
import { Network } from '../../../src/subsystems/net/network';
import { handleDhcp } from '../../../src/subsystems/resolve/dhcp-server';
import { Resolver } from '../../../src/subsystems/resolve/resolver';

const ROOT: Caller = { pid: 10, uid: 0, euid: 0, gid: 0, egid: 0, groups: [0] };
const USER: Caller = { pid: 11, uid: 1000, euid: 1000, gid: 1000, egid: 1000, groups: [1000] };
const HOSTS = '127.0.0.1   localhost\n127.0.0.1   photon-machine\n192.168.1.30 nas.home nas\n';
const STUB = 'nameserver 127.0.0.53\noptions edns0 trust-ad\nsearch .\n';
const NETIF_DHCP = 'ADMIN_STATE=configured\nDNS=192.168.1.1\nDOMAINS=\nROUTE_DOMAINS=\n';

interface Machine {
  r: Resolver;
  net: Network;
  files: Map<string, string>;
  listening: { id: number | undefined };
  clock: { t: number; timers: { at: number; fn: () => void }[] };
}

/** A DHCP-configured machine with systemd-resolved's stub listening (id 1) unless told otherwise. */
function machine(files: Record<string, string> = {}, dhcp = true): Machine {
  const clock = { t: 1_000_000, timers: [] as { at: number; fn: () => void }[] };
  const net = new Network({ now: () => clock.t, placeholderDhcp: dhcp });
  const all = new Map(Object.entries({ '/etc/hosts': HOSTS, '/etc/resolv.conf': STUB, '/run/systemd/resolve/stub-resolv.conf': STUB, '/run/systemd/netif/links/2': NETIF_DHCP, '/etc/systemd/resolved.conf': '[Resolve]\nLLMNR=no\n', ...files }));
  const listening = { id: 1 as number | undefined };
  const r = new Resolver(net, {
    readFile: (p) => all.get(p), readDir: () => [], readLink: (p) => (p === '/etc/resolv.conf' && !files['/etc/resolv.conf'] ? '../run/systemd/resolve/stub-resolv.conf' : undefined),
    stubListener: () => listening.id, hostname: () => 'photon-machine', now: () => clock.t,
    after: (ms, fn) => void clock.timers.push({ at: clock.t + ms, fn }),
  });
  return { r, net, files: all, listening, clock };
}

/** Runs a request to the end, moving the clock past any timeout it waits for. */
async function ask(m: Machine, req: object, caller = ROOT): Promise<{ reply: ResolveReply; waitedMs: number }> {
  const start = m.clock.t;
  const p = Promise.resolve(m.r.handle(caller, req));
  for (const t of m.clock.timers.splice(0)) {
    m.clock.t = Math.max(m.clock.t, t.at);
    t.fn();
  }
  return { reply: await p, waitedMs: m.clock.t - start };
}

const addrs = (r: ResolveReply): string => (r.kind === 'answer' ? r.addresses.map((a) => `${a.address}@${a.ifindex}`).join(' ') : JSON.stringify(r));

describe('getaddrinfo through NSS files and dns', () => {
  const cases: [string, () => Machine, string, number | undefined, string][] = [
    ['an address literal is its own answer', () => machine(), '10.1.2.3', 0, '10.1.2.3@0'],
    ['/etc/hosts comes first, names case-insensitive', () => machine(), 'NAS', 0, '192.168.1.30@0'],
    ['the stub answers from the DHCP DNS server', () => machine(), 'google.com', 4, '142.250.72.14@2'],
    ['both families when none is asked for', () => machine(), 'google.com', 0, '142.250.72.14@2 2607:f8b0:4005:80b::200e@2'],
    ['the router knows the lab zone', () => machine(), 'fileserver.lab.local', 4, '192.168.1.30@2'],
    ['a name nobody knows', () => machine(), 'nosuch.example', 4, '{"kind":"gai-error","error":"EAI_NONAME"}'],
    ['a single label without search domains goes nowhere', () => machine(), 'client', 4, '{"kind":"gai-error","error":"EAI_AGAIN"}'],
    ['with the lease domain as search domain a single label resolves', () => machine({ '/run/systemd/netif/links/2': `${NETIF_DHCP}DOMAINS=lab.local\n`, '/etc/resolv.conf': 'nameserver 127.0.0.53\nsearch lab.local\n' }), 'client', 4, '192.168.1.20@2'],
    ['a public resolver in resolv.conf answers directly', () => machine({ '/etc/resolv.conf': 'nameserver 8.8.8.8\n' }), 'github.com', 4, '140.82.112.4@0'],
    ['a public resolver does not know the lab zone', () => machine({ '/etc/resolv.conf': 'nameserver 8.8.8.8\n' }), 'client.lab.local', 4, '{"kind":"gai-error","error":"EAI_NONAME"}'],
  ];
  it.each(cases)('%s', async (_title, make, name, family, expected) => {
    const m = make();
    expect(addrs((await ask(m, { kind: 'gai', name, family })).reply)).toBe(expected);
  });

  it('fails temporarily, after the timeout, when the DNS server does not answer', async () => {
    const m = machine({ '/run/systemd/netif/links/2': 'ADMIN_STATE=configured\nDNS=192.168.1.20\n' });
    expect(await ask(m, { kind: 'gai', name: 'google.com', family: 4 })).toEqual({ reply: { kind: 'gai-error', error: 'EAI_AGAIN' }, waitedMs: 5000 });
  });

  it('fails temporarily at once when there is no route to any server', async () => {
    const m = machine();
    m.net.setLink(2, { up: false });
    expect(await ask(m, { kind: 'gai', name: 'google.com', family: 4 })).toEqual({ reply: { kind: 'gai-error', error: 'EAI_AGAIN' }, waitedMs: 0 });
  });

  it('has no route to a server off the LAN without a gateway', async () => {
    const m = machine({ '/run/systemd/netif/links/2': 'ADMIN_STATE=configured\nDNS=8.8.8.8\n' });
    m.net.delRoute({ family: 4, table: TABLE.MAIN, type: RTN.UNICAST, protocol: RTPROT.DHCP, scope: SCOPE.NOWHERE, tos: 0, flags: 0, dst: '0.0.0.0', dstLen: 0, priority: 1024 });
    expect(await ask(m, { kind: 'gai', name: 'google.com', family: 4 })).toEqual({ reply: { kind: 'gai-error', error: 'EAI_AGAIN' }, waitedMs: 0 });
  });

  it('fails temporarily at once when nothing listens on 127.0.0.53', async () => {
    const m = machine();
    m.listening.id = undefined;
    expect(await ask(m, { kind: 'gai', name: 'google.com', family: 4 })).toEqual({ reply: { kind: 'gai-error', error: 'EAI_AGAIN' }, waitedMs: 0 });
  });

  it('uses the fallback servers when no link has DNS servers', async () => {
    const m = machine({ '/run/systemd/netif/links/2': 'ADMIN_STATE=configured\nDNS=\n' });
    expect(addrs((await ask(m, { kind: 'gai', name: 'example.com', family: 4 })).reply)).toBe('93.184.215.14@0');
  });
});

describe('systemd-resolved answers (resolvectl query)', () => {
  it('answers from the network, then from the cache', async () => {
    const m = machine();
    const first = (await ask(m, { kind: 'query', name: 'google.com', family: 4 })).reply;
    const second = (await ask(m, { kind: 'query', name: 'google.com', family: 4 })).reply;
    expect(first).toEqual({ kind: 'answer', name: 'google.com', canonical: 'google.com', addresses: [{ family: 4, address: '142.250.72.14', ifindex: 2 }], rttUs: 21800, source: 'network', authenticated: false, confidential: false });
    expect(second).toMatchObject({ source: 'cache', rttUs: 90 });
    expect((await ask(m, { kind: 'statistics' })).reply).toEqual({ kind: 'statistics', statistics: { currentTransactions: 0, totalTransactions: 2, cacheSize: 1, cacheHits: 1, cacheMisses: 1 } });
  });

  const errors: [string, Record<string, string>, string, string][] = [
    ['NXDOMAIN', {}, 'nosuch.example', "org.freedesktop.resolve1.DnsError.NXDOMAIN: Name 'nosuch.example' not found"],
    ['a single label without search domains', {}, 'client', 'org.freedesktop.resolve1.NoNameServers: No appropriate name servers or networks for name found'],
    ['a server that does not answer', { '/run/systemd/netif/links/2': 'ADMIN_STATE=configured\nDNS=192.168.1.20\n' }, 'google.com', 'org.freedesktop.DBus.Error.Timeout: All attempts to contact name servers or networks failed'],
    ['a reverse lookup nobody knows', {}, '192.168.1.77', "org.freedesktop.resolve1.DnsError.NXDOMAIN: Name '77.1.168.192.in-addr.arpa' not found"],
  ];
  it.each(errors)('%s', async (_t, files, name, expected) => {
    const { reply } = await ask(machine(files), { kind: 'query', name, family: 0 });
    expect(reply.kind === 'bus-error' ? `${reply.name}: ${reply.message}` : JSON.stringify(reply)).toBe(expected);
  });

  it('answers reverse lookups with the names', async () => {
    expect((await ask(machine(), { kind: 'query', name: '8.8.8.8' })).reply).toMatchObject({ names: ['dns.google'], addresses: [{ address: '8.8.8.8', ifindex: 2 }], source: 'network' });
  });

  it('needs systemd-resolved running', async () => {
    const m = machine();
    m.listening.id = undefined;
    expect((await ask(m, { kind: 'query', name: 'google.com' })).reply).toEqual({ kind: 'bus-error', name: 'org.freedesktop.DBus.Error.ServiceUnknown', message: 'The name org.freedesktop.resolve1 was not provided by any .service files' });
  });

  it('lets only root flush the caches', async () => {
    expect((await ask(machine(), { kind: 'flush-caches' }, USER)).reply).toEqual({ kind: 'bus-error', name: 'org.freedesktop.DBus.Error.InteractiveAuthorizationRequired', message: 'Interactive authentication required.' });
  });
});

describe('systemd-resolved status', () => {
  it('reports the global settings, the links and the resolv.conf files', async () => {
    const { reply } = await ask(machine(), { kind: 'status' });
    expect(reply).toEqual({
      kind: 'status',
      status: {
        running: true,
        global: { dns: [], fallbackDns: expect.any(Array), currentDns: undefined, domains: [], llmnr: 'no', mdns: 'no', dnsOverTls: 'no', dnssec: 'no', resolvConfMode: 'stub' },
        links: [{ ifindex: 2, name: 'eth0', scopes: ['DNS'], defaultRoute: true, dns: ['192.168.1.1'], currentDns: '192.168.1.1', domains: [], llmnr: 'no', mdns: 'no', dnsOverTls: 'no', dnssec: 'no', managed: true }],
        upstream: { servers: ['192.168.1.1'], search: [] },
      },
    });
  });

  it('calls a regular /etc/resolv.conf foreign', async () => {
    const { reply } = await ask(machine({ '/etc/resolv.conf': 'nameserver 8.8.8.8\n' }), { kind: 'status' });
    expect(reply.kind === 'status' && reply.status.global.resolvConfMode).toBe('foreign');
  });
});

describe('the LAN DHCP server', () => {
  it('leases the first pool address to the VM NIC', () => {
    const m = machine({}, true);
    expect(handleDhcp(m.net, ROOT, { kind: 'discover', ifindex: 2 })).toEqual({
      kind: 'lease',
      lease: { address: '192.168.1.50', prefixlen: 24, netmask: '255.255.255.0', broadcast: '192.168.1.255', router: '192.168.1.1', serverAddress: '192.168.1.1', dns: ['192.168.1.1'], domain: 'lab.local', leaseSeconds: 86400, t1: 43200, t2: 75600 },
    });
  });

  it('answers nobody on a link that is down, and only root may ask', () => {
    const m = machine({}, false);
    expect(handleDhcp(m.net, ROOT, { kind: 'discover', ifindex: 2 })).toEqual({ kind: 'error', errno: 'ENETDOWN' });
    expect(handleDhcp(m.net, USER, { kind: 'discover', ifindex: 2 })).toEqual({ kind: 'error', errno: 'EPERM' });
  });
});
