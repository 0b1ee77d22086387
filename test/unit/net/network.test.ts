// The kernel's network state on its own: boot state, what the kernel does on address and
// link changes, error replies, permissions and lifetimes (a manual clock, no timers).
import { describe, expect, it } from 'vitest';
import { FOREVER, IFA_F, RTN, RTPROT, SCOPE, TABLE, type AddrSpec, type RouteMsg, type RouteSpec } from '../../../src/shared/services/net';
import type { Caller } from '../../../src/shared/sys';
import { Network } from '../../../src/subsystems/net/network';

const ROOT: Caller = { pid: 10, uid: 0, euid: 0, gid: 0, egid: 0, groups: [0] };
const USER: Caller = { pid: 11, uid: 1000, euid: 1000, gid: 1000, egid: 1000, groups: [1000] };

function bare(): { net: Network; clock: { t: number } } {
  const clock = { t: 1_000_000 };
  return { net: new Network({ now: () => clock.t, placeholderDhcp: false }), clock };
}

const v4 = (local: string, prefixlen: number, extra: Partial<AddrSpec> = {}): AddrSpec => ({ family: 4, ifindex: 2, local, address: local, prefixlen, scope: 0, ...extra });

/** Routes in `ip route show table all` shorthand: "table type dst/len dev-index src metric". */
function routes(net: Network, family?: 4 | 6): string[] {
  return net.routes(family).map((r: RouteMsg) => [r.table, r.type, `${r.dst ?? 'default'}/${r.dstLen}`, r.gateway ? `via ${r.gateway}` : '', `oif ${r.oif}`, r.prefsrc ? `src ${r.prefsrc}` : '', r.priority !== undefined ? `metric ${r.priority}` : ''].filter(Boolean).join(' '));
}

function addrs(net: Network, family?: 4 | 6): string[] {
  return net.addresses(family).map((a) => `${a.ifindex} ${a.local}/${a.prefixlen}${a.flags & IFA_F.SECONDARY ? ' secondary' : ''}`);
}

describe('boot state', () => {
  it('has lo up with 127.0.0.1/8 and ::1, eth0 down without addresses', () => {
    const { net } = bare();
    const [lo, eth0] = net.links();
    expect(lo).toMatchObject({ ifindex: 1, name: 'lo', operstate: 'UNKNOWN', qdisc: 'noqueue', mtu: 65536 });
    expect(eth0).toMatchObject({ ifindex: 2, name: 'eth0', operstate: 'DOWN', qdisc: 'noop', mtu: 1500, address: '00:50:56:8a:3c:01' });
    expect(addrs(net)).toEqual(['1 127.0.0.1/8', '1 ::1/128']);
    expect(routes(net)).toEqual([
      '255 2 127.0.0.0/8 oif 1 src 127.0.0.1',
      '255 2 127.0.0.1/32 oif 1 src 127.0.0.1',
      '255 3 127.255.255.255/32 oif 1 src 127.0.0.1',
      '255 2 ::1/128 oif 1 metric 0',
    ]);
  });

  it('applies the placeholder DHCP lease when asked (systemd-networkd does it in a machine)', () => {
    const net = new Network({ now: () => 0, placeholderDhcp: true });
    expect(net.links()[1]).toMatchObject({ operstate: 'UP', qdisc: 'mq' });
    expect(net.addresses(4)[1]).toMatchObject({ local: '192.168.1.50', prefixlen: 24, broadcast: '192.168.1.255', metric: 1024, validLft: 86400 });
    expect(net.routes(4, TABLE.MAIN).map((r) => [r.dst ?? 'default', r.gateway, r.protocol, r.priority])).toEqual([
      ['default', '192.168.1.1', RTPROT.DHCP, 1024],
      ['192.168.1.0', undefined, RTPROT.KERNEL, 1024],
      ['192.168.1.1', undefined, RTPROT.DHCP, 1024],
    ]);
  });
});

describe('addresses', () => {
  it('orders primaries by scope and puts a second address of a subnet last, as secondary', () => {
    const { net } = bare();
    net.setLink(2, { up: true });
    for (const spec of [v4('192.168.1.10', 24), v4('10.0.0.1', 8), v4('192.168.1.11', 24), v4('127.1.1.1', 8, { scope: SCOPE.HOST }), v4('10.5.5.5', 24, { scope: SCOPE.LINK })]) {
      expect(net.addAddress(spec)).toBeNull();
    }
    expect(addrs(net, 4).filter((a) => a.startsWith('2 '))).toEqual(['2 127.1.1.1/8', '2 10.5.5.5/24', '2 192.168.1.10/24', '2 10.0.0.1/8', '2 192.168.1.11/24 secondary']);
  });

  it.each([
    ['the same address twice', [v4('10.0.0.1', 24)], v4('10.0.0.1', 24), { errno: 'EEXIST', msg: 'ipv4: Address already assigned' }],
    ['a scope different from the subnet primary', [v4('10.0.0.1', 24)], v4('10.0.0.2', 24, { scope: SCOPE.LINK }), { errno: 'EINVAL', msg: 'ipv4: Invalid scope value' }],
    ['an IPv6 duplicate', [{ family: 6, ifindex: 2, local: '2001:db8::1', address: '2001:db8::1', prefixlen: 64 } as AddrSpec], { family: 6, ifindex: 2, local: '2001:db8::1', address: '2001:db8::1', prefixlen: 48 } as AddrSpec, { errno: 'EEXIST', msg: 'ipv6: address already assigned' }],
  ])('refuses %s', (_name, before, spec, error) => {
    const { net } = bare();
    for (const b of before) expect(net.addAddress(b)).toBeNull();
    expect(net.addAddress(spec)).toEqual({ ok: false, ...error });
  });

  it('adds local, subnet and broadcast routes, and drops the secondaries with their primary', () => {
    const { net } = bare();
    net.setLink(2, { up: true });
    net.addAddress(v4('1.1.1.1', 24));
    net.addAddress(v4('1.1.1.2', 24));
    expect(routes(net, 4).filter((r) => r.includes('oif 2'))).toEqual([
      '254 1 1.1.1.0/24 oif 2 src 1.1.1.1',
      '255 2 1.1.1.1/32 oif 2 src 1.1.1.1',
      '255 2 1.1.1.2/32 oif 2 src 1.1.1.1',
      '255 3 1.1.1.255/32 oif 2 src 1.1.1.1',
    ]);
    expect(net.delAddress(v4('1.1.1.1', 24))).toBeNull();
    expect(addrs(net, 4)).toEqual(['1 127.0.0.1/8']);
    expect(routes(net, 4).filter((r) => r.includes('oif 2'))).toEqual([]);
    expect(net.delAddress(v4('1.1.1.1', 24))).toEqual({ ok: false, errno: 'EADDRNOTAVAIL', msg: 'ipv4: Address not found' });
  });

  it('expires a dynamic address and deprecates it first', () => {
    const { net, clock } = bare();
    net.setLink(2, { up: true });
    net.addAddress(v4('10.0.0.1', 24, { validLft: 3, preferredLft: 1 }));
    clock.t += 2000;
    const a = net.addresses(4).find((x) => x.local === '10.0.0.1')!;
    expect([a.validLft, a.preferredLft, Boolean(a.flags & IFA_F.DEPRECATED), Boolean(a.flags & IFA_F.PERMANENT)]).toEqual([1, 0, true, false]);
    clock.t += 1000;
    expect(net.addresses(4).some((x) => x.local === '10.0.0.1')).toBe(false);
    expect(routes(net, 4).some((r) => r.includes('10.0.0'))).toBe(false);
  });
});

describe('links', () => {
  it('derives an EUI-64 link-local address when a device comes up, and forgets IPv6 when it goes down', () => {
    const { net } = bare();
    net.setLink(2, { up: true });
    expect(net.addresses(6).map((a) => a.local)).toEqual(['::1', 'fe80::250:56ff:fe8a:3c01']);
    net.addAddress(v4('192.168.1.10', 24));
    net.addRoute({ family: 4, table: TABLE.MAIN, type: RTN.UNICAST, protocol: RTPROT.BOOT, scope: SCOPE.UNIVERSE, tos: 0, flags: 0, dst: '0.0.0.0', dstLen: 0, gateway: '192.168.1.1' });
    net.setLink(2, { up: false });
    expect(net.addresses(6).map((a) => a.local)).toEqual(['::1']);
    // local routes stay, subnet, broadcast and gateway routes go
    expect(routes(net, 4).filter((r) => r.includes('oif 2'))).toEqual(['255 2 192.168.1.10/32 oif 2 src 192.168.1.10']);
    net.setLink(2, { up: true });
    expect(routes(net, 4).filter((r) => r.includes('oif 2'))).toEqual([
      '254 1 192.168.1.0/24 oif 2 src 192.168.1.10',
      '255 2 192.168.1.10/32 oif 2 src 192.168.1.10',
      '255 3 192.168.1.255/32 oif 2 src 192.168.1.10',
    ]);
  });

  it.each([
    [{ mtu: 20 }, 'mtu less than device minimum'],
    [{ mtu: 9001 }, 'mtu greater than device maximum'],
  ])('checks the MTU range of the NIC (%o)', (change, msg) => {
    const { net } = bare();
    expect(net.setLink(2, change)).toEqual({ ok: false, errno: 'EINVAL', msg });
  });

  it('refuses a multicast MAC and renames address labels with the device', () => {
    const { net } = bare();
    expect(net.setLink(2, { address: [1, 2, 3, 4, 5, 6] })).toEqual({ ok: false, errno: 'EADDRNOTAVAIL' });
    net.addAddress(v4('10.0.0.1', 24, { label: 'eth0:1' }));
    net.setLink(2, { name: 'wan0' });
    expect(net.addresses(4).map((a) => a.label)).toEqual(['lo', 'wan0:1']);
  });
});

describe('routes', () => {
  const route = (extra: Partial<RouteSpec>): RouteSpec => ({ family: 4, table: TABLE.MAIN, type: RTN.UNICAST, protocol: RTPROT.BOOT, scope: SCOPE.UNIVERSE, tos: 0, flags: 0, dstLen: 0, ...extra });

  it.each([
    ['a gateway off every subnet', route({ dst: '10.0.0.0', dstLen: 8, gateway: '10.1.1.1' }), { errno: 'ENETUNREACH', msg: 'Nexthop has invalid gateway' }],
    ['host bits set', route({ dst: '10.0.0.1', dstLen: 8, gateway: '192.168.1.1' }), { errno: 'EINVAL', msg: 'Invalid prefix for given prefix length' }],
    ['no device at all', route({ dst: '10.0.0.0', dstLen: 8, scope: SCOPE.LINK }), { errno: 'ENODEV' }],
    ['a foreign source', route({ dst: '10.0.0.0', dstLen: 8, scope: SCOPE.LINK, oif: 2, prefsrc: '1.1.1.1' }), { errno: 'EINVAL', msg: 'Invalid prefsrc address' }],
    ['the same route again', route({ dst: '192.168.1.0', dstLen: 24, scope: SCOPE.LINK, oif: 2, protocol: RTPROT.KERNEL, prefsrc: '192.168.1.10' }), { errno: 'EEXIST' }],
  ])('refuses %s', (_name, spec, error) => {
    const { net } = bare();
    net.setLink(2, { up: true });
    net.addAddress(v4('192.168.1.10', 24));
    expect(net.addRoute(spec)).toEqual({ ok: false, ...error });
  });

  it('resolves ip route get through the gateway with the source the kernel picks', () => {
    const { net } = bare();
    net.setLink(2, { up: true });
    net.addAddress(v4('192.168.1.10', 24));
    net.addRoute(route({ gateway: '192.168.1.1' }));
    const get = (dst: string, caller = ROOT) => net.handle(caller, { kind: 'getroute', query: { family: 4, dst } });
    expect(get('8.8.8.8', USER)).toMatchObject({ ok: true, route: { dst: '8.8.8.8', gateway: '192.168.1.1', oif: 2, prefsrc: '192.168.1.10', uid: 1000 } });
    expect(get('192.168.1.10')).toMatchObject({ ok: true, route: { type: RTN.LOCAL, oif: 1, prefsrc: '192.168.1.10' } });
    net.setLink(2, { up: false });
    expect(get('8.8.8.8')).toEqual({ ok: false, errno: 'ENETUNREACH' });
  });
});

describe('service requests', () => {
  it('lets anyone read but only root change state', () => {
    const { net } = bare();
    expect(net.handle(USER, { kind: 'getlinks' })).toMatchObject({ ok: true });
    expect(net.handle(USER, { kind: 'setlink', ifindex: 2, change: { up: true } })).toEqual({ ok: false, errno: 'EPERM' });
    expect(net.handle(ROOT, { kind: 'setlink', ifindex: 2, change: { up: true } })).toEqual({ ok: true });
    expect(net.handle(ROOT, { kind: 'setlink', ifindex: 9, change: { up: true } })).toEqual({ ok: false, errno: 'ENODEV' });
    expect(net.handle(ROOT, 'nonsense')).toEqual({ ok: false, errno: 'EINVAL' });
  });

  it('reports a missing table on a strict dump', () => {
    const { net } = bare();
    expect(net.handle(ROOT, { kind: 'getroutes', family: 4, table: 100 })).toEqual({ ok: false, errno: 'ENOENT', msg: 'ipv4: FIB table does not exist' });
    expect(net.handle(ROOT, { kind: 'getroutes', family: 4, table: TABLE.LOCAL })).toMatchObject({ ok: true });
  });

  it('keeps FOREVER for permanent lifetimes in its messages', () => {
    const { net } = bare();
    expect(net.addresses(4)[0]).toMatchObject({ validLft: FOREVER, preferredLft: FOREVER, flags: IFA_F.PERMANENT, scope: SCOPE.HOST, label: 'lo' });
  });
});
