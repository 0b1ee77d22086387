// macvlan, macvtap, VXLAN and ifb devices in the simulated kernel: what they take from their
// lower device, the refusals recorded from a real kernel, and their going away with it.
import { describe, expect, it } from 'vitest';
import type { LinkMsg } from '../../../src/shared/services/net';
import { Network } from '../../../src/subsystems/net/network';

const EXCL = { create: true, excl: true };
const mac = (last: number): number[] => [2, 0, 0, 0, 0, last];

function net(): Network {
  return new Network({ now: () => 1_000_000, placeholderDhcp: false });
}

function link(n: Network, name: string): LinkMsg {
  const l = n.links().find((x) => x.name === name);
  if (!l) throw new Error(`no ${name}`);
  return l;
}

describe('macvlan', () => {
  it('sits on an Ethernet device, vepa by default, and shares the broadcast queue length', () => {
    const n = net();
    const eth0 = n.ifindex('eth0')!;
    expect(n.newLink('mv0', 'macvlan', { link: eth0, address: mac(1) }, EXCL)).toBeNull();
    expect(n.newLink('mv1', 'macvlan', { link: n.ifindex('mv0'), address: mac(2), macvlan: { mode: 4, bcQueueLen: 3000 } }, EXCL)).toBeNull();
    expect(link(n, 'mv0')).toMatchObject({ kind: 'macvlan', link: eth0, minMtu: 68, maxMtu: 65535, txqlen: 1000, macvlan: { mode: 2, flags: 0, bcQueueLen: 1000, usedBcQueueLen: 3000 } });
    // made on a macvlan, it sits on that one's lower device
    expect(link(n, 'mv1').link).toBe(eth0);
    expect(n.newLink('mt0', 'macvtap', { link: eth0, address: mac(3) }, EXCL)).toBeNull();
    expect(link(n, 'mt0').txqlen).toBe(500);
  });

  it('refuses a missing or non-Ethernet lower device, a larger MTU, and passthru next to others', () => {
    const n = net();
    const eth0 = n.ifindex('eth0')!;
    expect(n.newLink('mv0', 'macvlan', {}, EXCL)).toEqual({ ok: false, errno: 'EINVAL' });
    expect(n.newLink('mv0', 'macvlan', { link: 1 }, EXCL)).toEqual({ ok: false, errno: 'EINVAL' });
    expect(n.newLink('mv0', 'macvlan', { link: eth0, mtu: 1600 }, EXCL)).toEqual({ ok: false, errno: 'EINVAL' });
    expect(n.newLink('mv0', 'macvlan', { link: eth0, macvlan: { mode: 8 } }, EXCL)).toBeNull();
    expect(link(n, 'mv0').address).toBe(link(n, 'eth0').address);
    expect(n.newLink('mv1', 'macvlan', { link: eth0 }, EXCL)).toEqual({ ok: false, errno: 'EINVAL' });
    expect(n.setLink(n.ifindex('mv0')!, { macvlan: { mode: 4 } })).toEqual({ ok: false, errno: 'EINVAL' });
  });

  it('follows a smaller lower MTU and goes away with its lower device', () => {
    const n = net();
    n.newLink('va', 'veth', { address: mac(1), peer: { name: 'vb', change: { address: mac(2) } } }, EXCL);
    n.newLink('mv0', 'macvlan', { link: n.ifindex('vb'), address: mac(3) }, EXCL);
    n.setLink(n.ifindex('vb')!, { mtu: 1400 });
    expect(link(n, 'mv0').mtu).toBe(1400);
    expect(n.setLink(n.ifindex('mv0')!, { mtu: 1450 })).toEqual({ ok: false, errno: 'EINVAL' });
    n.delLink(n.ifindex('va')!);
    expect(n.links().map((l) => l.name)).toEqual(['lo', 'eth0']);
  });
});

describe('vxlan', () => {
  it('leaves room for its headers on a lower device and keeps VNIs unique per port', () => {
    const n = net();
    const eth0 = n.ifindex('eth0')!;
    expect(n.newLink('vx0', 'vxlan', { address: mac(1), vxlan: { vni: 100, port: 4789, link: eth0, remote: '192.0.2.2' } }, EXCL)).toBeNull();
    expect(link(n, 'vx0')).toMatchObject({ mtu: 1450, vxlan: { vni: 100, port: 4789, link: eth0, remote: '192.0.2.2', learning: true, ageing: 300, udpCsum: true } });
    expect(n.newLink('vx1', 'vxlan', { vxlan: { vni: 100, port: 4789 } }, EXCL)).toEqual({ ok: false, errno: 'EEXIST', msg: 'A VXLAN device with the specified VNI already exists' });
    expect(n.newLink('vx1', 'vxlan', { address: mac(2), vxlan: { vni: 100 } }, EXCL)).toBeNull();
    expect(link(n, 'vx1')).toMatchObject({ mtu: 1500, vxlan: { port: 8472 } });
    expect(n.newLink('vx2', 'vxlan', { mtu: 67, vxlan: { vni: 5 } }, EXCL)).toEqual({ ok: false, errno: 'EINVAL', msg: 'MTU must be between 68 and 65535' });
    expect(n.newLink('vx2', 'vxlan', { address: mac(3), mtu: 1480, vxlan: { vni: 5, link: eth0, remote: '2001:db8::1' } }, EXCL)).toBeNull();
    expect(link(n, 'vx2').mtu).toBe(1430);
    expect(n.setLink(n.ifindex('vx0')!, { mtu: 1460 })).toEqual({ ok: false, errno: 'EINVAL' });
  });

  it('reports UNKNOWN when up (its carrier never changes)', () => {
    const n = net();
    n.newLink('vx0', 'vxlan', { address: mac(1), vxlan: { vni: 1 } }, EXCL);
    n.setLink(n.ifindex('vx0')!, { up: true });
    expect(link(n, 'vx0').operstate).toBe('UNKNOWN');
  });
});

describe('ifb', () => {
  it('is a NOARP device with a 32 packet queue and pfifo_fast once up', () => {
    const n = net();
    expect(n.newLink('', 'ifb', {}, EXCL)).toBeNull();
    n.setLink(n.ifindex('ifb0')!, { up: true });
    expect(link(n, 'ifb0')).toMatchObject({ kind: 'ifb', txqlen: 32, qdisc: 'pfifo_fast', operstate: 'UNKNOWN', flags: 0x80 | 0x2 | 0x1 | 0x10000 | 0x40 });
  });
});
