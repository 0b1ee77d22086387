// VLAN devices in the simulated kernel (the 8021q driver): creation checks and their messages,
// what a VLAN takes from its lower device, and how it follows that device (up, down, MTU,
// address, deletion).
import { describe, expect, it } from 'vitest';
import type { LinkChange, LinkMsg } from '../../../src/shared/services/net';
import { Network } from '../../../src/subsystems/net/network';

const EXCL = { create: true, excl: true };

function net(): Network {
  return new Network({ now: () => 1_000_000, placeholderDhcp: false });
}

function link(n: Network, name: string): LinkMsg {
  const l = n.links().find((x) => x.name === name);
  if (!l) throw new Error(`no ${name}`);
  return l;
}

function addVlan(n: Network, name: string, id: number | undefined, extra: LinkChange = {}): unknown {
  return n.newLink(name, 'vlan', { link: n.ifindex('eth0'), vlan: id === undefined ? {} : { id }, ...extra }, EXCL);
}

describe('creating a VLAN device', () => {
  it('takes the lower device address, flags and MTU, and reports its tag', () => {
    const n = net();
    expect(addVlan(n, 'eth0.10', 10)).toBeNull();
    const v = link(n, 'eth0.10');
    const eth0 = link(n, 'eth0');
    expect(v).toMatchObject({ kind: 'vlan', link: eth0.ifindex, address: eth0.address, mtu: 1500, minMtu: 0, maxMtu: 65535, qdisc: 'noop', txqlen: 1000, operstate: 'DOWN' });
    expect(v.vlan).toEqual({ protocol: 0x8100, id: 10, flags: 1 });
  });

  it('refuses what the driver refuses, with its messages', () => {
    const n = net();
    expect(addVlan(n, 'v', undefined)).toEqual({ ok: false, errno: 'EINVAL', msg: '8021q: VLAN id not specified' });
    expect(addVlan(n, 'v', 4095)).toEqual({ ok: false, errno: 'ERANGE', msg: '8021q: Invalid VLAN id' });
    expect(n.newLink('v', 'vlan', { vlan: { id: 5 } }, EXCL)).toEqual({ ok: false, errno: 'EINVAL', msg: '8021q: link not specified' });
    expect(n.newLink('v', 'vlan', { link: 99, vlan: { id: 5 } }, EXCL)).toEqual({ ok: false, errno: 'ENODEV', msg: '8021q: link does not exist' });
    expect(n.newLink('v', 'vlan', { link: 1, vlan: { id: 5 } }, EXCL)).toEqual({ ok: false, errno: 'EOPNOTSUPP', msg: '8021q: VLANs not supported on device' });
    expect(addVlan(n, 'v', 5, { vlan: { id: 5, protocol: 0x0800 } })).toEqual({ ok: false, errno: 'EPROTONOSUPPORT', msg: '8021q: Invalid VLAN protocol' });
    expect(addVlan(n, 'v', 5, { mtu: 1600 })).toEqual({ ok: false, errno: 'EINVAL' });
    expect(n.newLink('v', 'vlan', { link: 2 }, EXCL)).toEqual({ ok: false, errno: 'EINVAL', msg: '8021q: VLAN properties not specified' });
    expect(addVlan(n, 'v', 5)).toBeNull();
    expect(addVlan(n, 'w', 5)).toEqual({ ok: false, errno: 'EEXIST', msg: '8021q: VLAN device already exists' });
    // the same id under the other protocol is another VLAN
    expect(addVlan(n, 'w', 5, { vlan: { id: 5, protocol: 0x88a8 } })).toBeNull();
    expect(addVlan(n, 'v', 6)).toEqual({ ok: false, errno: 'EEXIST' });
    // the id is checked before the name
    expect(addVlan(n, 'v', 4095)).toMatchObject({ errno: 'ERANGE' });
  });

  it('applies flags under their mask and keeps the priority maps the kernel way', () => {
    const n = net();
    expect(addVlan(n, 'v', 7, { vlan: { id: 7, flags: { flags: 2 | 4, mask: 1 | 2 | 4 }, ingress: [[1, 2], [9, 3], [4, 0]], egress: [[1, 2], [17, 3], [2, 0]] } })).toBeNull();
    expect(link(n, 'v').vlan).toEqual({ protocol: 0x8100, id: 7, flags: 6, ingress: [[1, 3]], egress: [[17, 3], [1, 2]] });
    expect(n.setLink(n.ifindex('v')!, { vlan: { egress: [[2, 5]], flags: { flags: 1, mask: 1 } } })).toBeNull();
    expect(link(n, 'v').vlan).toMatchObject({ flags: 7, egress: [[17, 3], [1, 2], [2, 5]] });
    expect(n.setLink(n.ifindex('eth0')!, { vlan: { egress: [[2, 5]] } })).toEqual({ ok: false, errno: 'EOPNOTSUPP' });
  });
});

describe('a VLAN and its lower device', () => {
  it('cannot come up while the lower device is down, unless loosely bound', () => {
    const n = net();
    addVlan(n, 'v', 10);
    addVlan(n, 'loose', 11, { vlan: { id: 11, flags: { flags: 4, mask: 4 } } });
    expect(n.setLink(n.ifindex('v')!, { up: true })).toEqual({ ok: false, errno: 'ENETDOWN' });
    expect(n.setLink(n.ifindex('loose')!, { up: true })).toBeNull();
    expect(link(n, 'loose').operstate).toBe('LOWERLAYERDOWN');
  });

  it('comes up and goes down with it', () => {
    const n = net();
    addVlan(n, 'v', 10);
    const eth0 = n.ifindex('eth0')!;
    // made while the NIC had no carrier: the carrier arriving computes the state
    n.setLink(eth0, { up: true });
    expect(link(n, 'v').operstate).toBe('UP');
    n.setLink(eth0, { up: false });
    expect(link(n, 'v').operstate).toBe('DOWN');
    n.setLink(eth0, { up: true });
    expect(link(n, 'v').operstate).toBe('UP');
  });

  it('made on a device with carrier, reports UNKNOWN when first up, UP once its carrier moved', () => {
    const n = net();
    n.setLink(n.ifindex('eth0')!, { up: true });
    addVlan(n, 'v', 10);
    const v = n.ifindex('v')!;
    n.setLink(v, { up: true });
    expect(link(n, 'v').operstate).toBe('UNKNOWN');
    n.setLink(v, { up: false });
    n.setLink(v, { up: true });
    expect(link(n, 'v')).toMatchObject({ operstate: 'UP', carrierChanges: 2 });
  });

  it('shrinks to a smaller lower MTU, follows the lower address while up, and goes away with it', () => {
    const n = net();
    n.newLink('d0', 'dummy', { address: [2, 0, 0, 0, 0, 1] }, EXCL);
    const d0 = n.ifindex('d0')!;
    n.newLink('d0.5', 'vlan', { link: d0, vlan: { id: 5 } }, EXCL);
    n.newLink('d0.6', 'vlan', { link: d0, vlan: { id: 6 }, address: [2, 0, 0, 0, 0, 6] }, EXCL);
    expect(link(n, 'd0.5').flags & 0x80).toBe(0x80); // NOARP, as the dummy has
    n.setLink(d0, { mtu: 1400 });
    expect(link(n, 'd0.5').mtu).toBe(1400);
    n.setLink(d0, { up: true });
    n.setLink(d0, { address: [2, 0, 0, 0, 0, 9] });
    expect(link(n, 'd0.5').address).toBe('02:00:00:00:00:09');
    expect(link(n, 'd0.6').address).toBe('02:00:00:00:00:06');
    expect(n.delLink(d0)).toBeNull();
    expect(n.links().map((l) => l.name)).toEqual(['lo', 'eth0']);
  });
});
