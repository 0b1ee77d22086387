// `ip link ... type vlan` end to end on a booted machine: creation on a NIC that is down,
// the refusal to come up before it, the -d and -j details, changing the priority map, deletion.
// The expected text follows iproute2 6.1 and the 8021q driver (the recording hosts had no
// 8021q, so no conformance case could be recorded for VLANs).
import { describe, expect, it } from "vitest";
import { runScript } from "./machine-helpers";

const SCRIPT = "{ systemctl stop systemd-networkd; ip link set eth0 down; ip addr flush dev eth0; ip link set eth0 address 00:50:56:aa:bb:01; ip link set eth0 mtu 1500; } >/dev/null 2>&1\nip link add link eth0 name eth0.10 type vlan id 10; echo rc=$?\nip link show eth0.10\nip link set eth0.10 up; echo rc=$?\nip link set eth0 up\nip -br link show type vlan\nip -d link show eth0.10 | sed -n 3p\nip link add link eth0 name eth0.20 type vlan proto 802.1ad id 20 gvrp on reorder_hdr off\nip -d -j link show eth0.20 | grep -o '\"linkinfo\":{[^}]*}}'\nip link set eth0.10 type vlan egress-qos-map 2:5; echo rc=$?\nip -d link show eth0.10 | sed -n 3,4p\nip link del eth0.10; ip link del eth0.20; ip -br link\n";

const EXPECTED = "rc=0\n3: eth0.10@eth0: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000\n    link/ether 00:50:56:aa:bb:01 brd ff:ff:ff:ff:ff:ff\nRTNETLINK answers: Network is down\nrc=2\neth0.10@eth0     UP             00:50:56:aa:bb:01 <BROADCAST,MULTICAST,UP,LOWER_UP> \n    vlan protocol 802.1Q id 10 <REORDER_HDR> addrgenmode eui64 numtxqueues 1 numrxqueues 1 gso_max_size 65536 gso_max_segs 65535 tso_max_size 65536 tso_max_segs 65535 gro_max_size 65536 \n\"linkinfo\":{\"info_kind\":\"vlan\",\"info_data\":{\"protocol\":\"802.1ad\",\"id\":20,\"flags\":[\"GVRP\"]}}\nrc=0\n    vlan protocol 802.1Q id 10 <REORDER_HDR> \n      egress qos map { 2:5 } addrgenmode eui64 numtxqueues 1 numrxqueues 1 gso_max_size 65536 gso_max_segs 65535 tso_max_size 65536 tso_max_segs 65535 gro_max_size 65536 \nlo               UNKNOWN        00:00:00:00:00:00 <LOOPBACK,UP,LOWER_UP> \neth0             UP             00:50:56:aa:bb:01 <BROADCAST,MULTICAST,UP,LOWER_UP> \n";

describe("ip link type vlan", () => {
  it("creates, shows, changes and deletes VLAN devices as iproute2 does", async () => {
    const r = await runScript(`exec 2>&1\n${SCRIPT}`);
    expect(r.stdout).toBe(EXPECTED);
  });
});
