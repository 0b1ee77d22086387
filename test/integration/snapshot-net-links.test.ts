// A restored machine keeps the links an administrator stacked and joined: bridge ports stay
// ports of their bridge, VLAN devices come back on their lower device with their tag,
// protocol, flags and priority maps, macvlans with their mode, VXLANs with their settings.
import { describe, expect, it } from 'vitest';
import { Machine } from '../../src/kernel/machine';
import { decodeSnapshot, encodeSnapshot } from '../../src/kernel/snapshot/codec';
import { captureMachine, restoreSource } from '../../src/kernel/snapshot/machine-io';
import { runScript } from './machine-helpers';

const SETUP = `
set -e
ip link add br0 address 02:00:00:00:00:b0 type bridge
ip link add dummy0 address 02:00:00:00:00:d0 type dummy
ip link add veth0 address 02:00:00:00:00:e0 type veth peer name veth1 address 02:00:00:00:00:e1
ip link set dummy0 master br0
ip link set veth0 master br0
ip link set br0 up
ip link set dummy0 up
ip link add link eth0 name vlan10 type vlan id 10 ingress-qos-map 1:2
ip link add link eth0 name vlan20 address 02:00:00:00:00:20 type vlan protocol 802.1ad id 20 gvrp on
ip link add link br0 name br0.30 type vlan id 30 reorder_hdr off
ip link set vlan10 up
ip link add link eth0 name mv0 type macvlan mode bridge bcqueuelen 2000
ip link add vx0 type vxlan id 100 remote 192.0.2.2 local 192.0.2.1 dev eth0 dstport 4789 ttl 20 nolearning
ip link set vx0 mtu 1400
ip addr add 10.10.0.1/24 dev vlan10
`;

const VIEW = 'ip -br link; ip -d link show type vlan | grep -A1 "^ *vlan"; ip -d link | grep -E "macvlan|vxlan|mtu"; bridge link; ip -4 -br addr show dev vlan10';

async function restored(m: Machine): Promise<Machine> {
  const snap = await decodeSnapshot(await encodeSnapshot(captureMachine(m)));
  const r = new Machine({ clock: 'skip', restore: restoreSource(snap) });
  await r.booted;
  await r.restored;
  return r;
}

describe('a saved machine with bridges, VLANs, macvlans and VXLANs', () => {
  it('comes back with the same bridge ports and stacked devices', async () => {
    const m = new Machine({ clock: 'skip' });
    const setup = await runScript(SETUP, m);
    expect(setup.stderr).toBe('');
    expect(setup.code).toBe(0);
    const before = await runScript(VIEW, m);
    expect(before.stdout).toMatch(/^4: dummy0: .* master br0 /m);
    expect(before.stdout).toMatch(/^vlan10@eth0 +UNKNOWN/m);
    expect(before.stdout).toContain('vlan protocol 802.1ad id 20 <REORDER_HDR,GVRP>');
    expect(before.stdout).toContain('macvlan mode bridge bcqueuelen 2000');
    expect(before.stdout).toContain('vxlan id 100 remote 192.0.2.2 local 192.0.2.1 dev eth0 srcport 0 0 dstport 4789 nolearning ttl 20');
    expect(before.stdout).toMatch(/vx0: .* mtu 1400 /);
    const r = await restored(m);
    const after = await runScript(VIEW, r);
    expect(after).toEqual(before);
  });
});
