// systemd-networkd, systemd-resolved, networkctl and resolvectl on a booted machine: eth0 from the
// LAN's DHCP server by default, the static-address lesson (and its 0640 trap), reload and
// reconfigure, link events, the state files, and the resolver settings that follow.
import { describe, expect, it } from 'vitest';
import { runScript } from './machine-helpers';

const STATIC = `cat > /etc/systemd/network/10-static.network <<'EOF'
[Match]
Name=eth0

[Network]
Address=192.168.1.100/24
Gateway=192.168.1.1
DNS=8.8.8.8
EOF
`;

const NETWORKD_LOG = 'journalctl -u systemd-networkd --no-pager -o cat | grep -v "^Start\\|^Stop\\|Deactivated"';

const cases: [string, string, string][] = [
  [
    'configures eth0 by DHCP at boot',
    `ip -4 addr show eth0; ip route; networkctl; ${NETWORKD_LOG}`,
    `2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc mq state UP group default qlen 1000
    inet 192.168.1.50/24 metric 1024 brd 192.168.1.255 scope global dynamic eth0
       valid_lft 86400sec preferred_lft 86400sec
default via 192.168.1.1 dev eth0 proto dhcp src 192.168.1.50 metric 1024 
192.168.1.0/24 dev eth0 proto kernel scope link src 192.168.1.50 metric 1024 
192.168.1.1 dev eth0 proto dhcp scope link src 192.168.1.50 metric 1024 
IDX LINK TYPE     OPERATIONAL SETUP
  1 lo   loopback carrier     unmanaged
  2 eth0 ether    routable    configured

2 links listed.
lo: Link UP
lo: Gained carrier
Enumeration completed
eth0: Configuring with /etc/systemd/network/99-dhcp-en.network.
eth0: Link UP
eth0: Gained carrier
eth0: Gained IPv6LL
eth0: DHCPv4 address 192.168.1.50/24, gateway 192.168.1.1 acquired from 192.168.1.1
`,
  ],
  [
    'applies a static address after a restart, replacing the lease',
    `${STATIC}chmod 644 /etc/systemd/network/10-static.network\nsystemctl restart systemd-networkd\nip addr show eth0; ip route; resolvectl dns eth0; cat /etc/resolv.conf /run/systemd/resolve/resolv.conf; ls /run/systemd/netif/leases`,
    `2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc mq state UP group default qlen 1000
    link/ether 00:50:56:8a:3c:01 brd ff:ff:ff:ff:ff:ff
    inet 192.168.1.100/24 brd 192.168.1.255 scope global eth0
       valid_lft forever preferred_lft forever
    inet6 fe80::250:56ff:fe8a:3c01/64 scope link 
       valid_lft forever preferred_lft forever
default via 192.168.1.1 dev eth0 proto static 
192.168.1.0/24 dev eth0 proto kernel scope link src 192.168.1.100 
Link 2 (eth0): 8.8.8.8
nameserver 127.0.0.53
options edns0 trust-ad
search .
nameserver 8.8.8.8
search .
`,
  ],
  [
    'cannot read a 0640 file (umask 027) and says so',
    `umask 027\n${STATIC}systemctl restart systemd-networkd\nip -4 addr show eth0 | grep inet; journalctl -u systemd-networkd --no-pager -o cat -p err`,
    `    inet 192.168.1.50/24 metric 1024 brd 192.168.1.255 scope global dynamic eth0
Failed to open configuration file '/etc/systemd/network/10-static.network': Permission denied
Failed to load /etc/systemd/network/10-static.network, ignoring: Permission denied
`,
  ],
  [
    'logs what it cannot use in a file',
    `printf '[Match]\\nName=eth0\\n[Network]\\nAdress=10.1.1.1/24\\nAddress=10.1.1\\nAddress=10.2.2.2\\nDHCP=maybe\\nGateway=nope\\nDNS=1.1.1.1 bogus\\n[Netwerk]\\nX=1\\n[Route]\\nMetric=10\\n' > /etc/systemd/network/10-bad.network
systemctl restart systemd-networkd; journalctl -u systemd-networkd --no-pager -o cat -p warning | grep 10-bad; ip -4 addr show eth0 | grep inet`,
    `/etc/systemd/network/10-bad.network:4: Unknown key 'Adress' in section [Network], ignoring.
/etc/systemd/network/10-bad.network:5: Invalid address '10.1.1', ignoring assignment: Invalid argument
/etc/systemd/network/10-bad.network:6: An address '10.2.2.2' is specified without prefix length. Assuming the prefix length is 8.Please specify the prefix length explicitly.
/etc/systemd/network/10-bad.network:7: Failed to parse DHCP option, ignoring: maybe
/etc/systemd/network/10-bad.network:8: Invalid Gateway='nope', ignoring assignment: Invalid argument
/etc/systemd/network/10-bad.network:9: Failed to parse dns server address, ignoring: bogus
/etc/systemd/network/10-bad.network:10: Unknown section 'Netwerk'. Ignoring.
/etc/systemd/network/10-bad.network: Invalid route family. Ignoring [Route] section from line 12.
    inet 10.2.2.2/8 brd 10.255.255.255 scope global eth0
`,
  ],
  [
    'ignores a file without [Match] settings',
    `printf '[Network]\\nAddress=10.1.1.1/24\\n' > /etc/systemd/network/05-nomatch.network; networkctl reload; journalctl -u systemd-networkd -o cat --no-pager | grep nomatch`,
    `/etc/systemd/network/05-nomatch.network: No valid settings found in the [Match] section, ignoring file. To match all interfaces, add Name=* in the [Match] section.
`,
  ],
  [
    'reloads changed files and reconfigures on request',
    `${STATIC}chmod 644 /etc/systemd/network/10-static.network; networkctl reload; networkctl reconfigure eth0; rm /etc/systemd/network/10-static.network; networkctl reload
${NETWORKD_LOG} | tail -n 5; ip -4 addr show eth0 | grep inet`,
    `eth0: DHCPv4 address 192.168.1.50/24, gateway 192.168.1.1 acquired from 192.168.1.1
eth0: Reconfiguring with /etc/systemd/network/10-static.network.
eth0: Reconfiguring with /etc/systemd/network/10-static.network.
eth0: Reconfiguring with /etc/systemd/network/99-dhcp-en.network.
eth0: DHCPv4 address 192.168.1.50/24, gateway 192.168.1.1 acquired from 192.168.1.1
    inet 192.168.1.50/24 metric 1024 brd 192.168.1.255 scope global dynamic eth0
`,
  ],
  [
    'follows the link down and up again',
    `networkctl down eth0; sleep 1; networkctl list eth0 --no-legend; ip route; networkctl up eth0; sleep 1; ip route | head -1; ${NETWORKD_LOG} | tail -n 6`,
    `  2 eth0 ether off configured
default via 192.168.1.1 dev eth0 proto dhcp src 192.168.1.50 metric 1024 
eth0: Link DOWN
eth0: Lost carrier
eth0: Link UP
eth0: Gained carrier
eth0: Gained IPv6LL
eth0: DHCPv4 address 192.168.1.50/24, gateway 192.168.1.1 acquired from 192.168.1.1
`,
  ],
  [
    'leaves the configuration in place when stopped, and renews the lease',
    `systemctl stop systemd-networkd; ip -4 addr show eth0 | grep inet; systemctl start systemd-networkd; sleep 50000; ip -4 addr show eth0 | tail -n 1`,
    `    inet 192.168.1.50/24 metric 1024 brd 192.168.1.255 scope global dynamic eth0
       valid_lft 79600sec preferred_lft 79600sec
`,
  ],
  [
    'keeps its state where networkctl and resolved read it',
    'cat /run/systemd/netif/links/2 /run/systemd/netif/leases/2 /run/systemd/netif/state | grep -v "^DHCP6\\|^CLIENTID"',
    `# This is private data. Do not parse.
ADMIN_STATE=configured
OPER_STATE=routable
CARRIER_STATE=carrier
ADDRESS_STATE=routable
IPV4_ADDRESS_STATE=routable
IPV6_ADDRESS_STATE=degraded
ONLINE_STATE=online
REQUIRED_FOR_ONLINE=yes
REQUIRED_OPER_STATE_FOR_ONLINE=degraded
REQUIRED_FAMILY_FOR_ONLINE=any
ACTIVATION_POLICY=up
NETWORK_FILE=/etc/systemd/network/99-dhcp-en.network
NETWORK_FILE_DROPINS=""
DNS=192.168.1.1
NTP=
SIP=
DOMAINS=
ROUTE_DOMAINS=
LLMNR=yes
MDNS=no
DHCP_LEASE=/run/systemd/netif/leases/2
# This is private data. Do not parse.
ADDRESS=192.168.1.50
NETMASK=255.255.255.0
ROUTER=192.168.1.1
SERVER_ADDRESS=192.168.1.1
BROADCAST=192.168.1.255
T1=43200
T2=75600
LIFETIME=86400
DNS=192.168.1.1
DOMAINNAME=lab.local
# This is private data. Do not parse.
OPER_STATE=routable
CARRIER_STATE=carrier
ADDRESS_STATE=routable
IPV4_ADDRESS_STATE=routable
IPV6_ADDRESS_STATE=degraded
ONLINE_STATE=online
DNS=192.168.1.1
`,
  ],
  [
    'lets /etc hide a file of the same name, and matches by MAC, type and negated names',
    `mkdir -p /usr/lib/systemd/network
printf '[Match]\\nName=eth0\\n[Network]\\nAddress=10.0.0.1/24\\n' > /usr/lib/systemd/network/10-lab.network
printf '[Match]\\nMACAddress=00:50:56:8a:3c:01\\nType=ether\\n[Network]\\nAddress=10.0.0.2/24\\nAddress=10.0.0.3/24\\n[Route]\\nDestination=172.16.0.0/16\\nGateway=10.0.0.254\\nMetric=50\\n' > /etc/systemd/network/10-lab.network
printf '[Match]\\nName=!eth0 e*\\n[Network]\\nAddress=10.0.0.9/24\\n' > /etc/systemd/network/05-not-eth0.network
networkctl reload; ip -4 -br addr show eth0; ip route`,
    `eth0             UP             10.0.0.2/24 10.0.0.3/24 
10.0.0.0/24 dev eth0 proto kernel scope link src 10.0.0.2 
172.16.0.0/16 via 10.0.0.254 dev eth0 proto static metric 50 
`,
  ],
  [
    'creates netdevs it can, and configures links as they appear',
    `printf '[NetDev]\\nName=dummy0\\nKind=dummy\\n' > /etc/systemd/network/30-d.netdev
printf '[NetDev]\\nName=bond0\\nKind=bond\\n' > /etc/systemd/network/31-bond.netdev
printf '[Match]\\nName=dummy*\\n[Network]\\nAddress=10.9.9.9/24\\n' > /etc/systemd/network/30-d.network
networkctl reload; ip link add dummy1 type dummy; sleep 1
networkctl --no-legend; ${NETWORKD_LOG} | grep dummy\\\\\\|bond0`,
    `  1 lo     loopback carrier  unmanaged
  2 eth0   ether    routable configured
  3 dummy0 ether    routable configured
  4 dummy1 ether    routable configured
dummy0: netdev ready
bond0: netdev could not be created: Unknown device type. Operation not supported
dummy0: Configuring with /etc/systemd/network/30-d.network.
dummy0: Link UP
dummy0: Gained carrier
dummy0: Gained IPv6LL
dummy1: Configuring with /etc/systemd/network/30-d.network.
dummy1: Link UP
dummy1: Gained carrier
dummy1: Gained IPv6LL
`,
  ],
  [
    'counts its transactions and cache hits',
    'resolvectl query -4 google.com >/dev/null; resolvectl query -4 google.com >/dev/null; resolvectl statistics',
    `DNSSEC supported by current servers: no

Transactions          
Current Transactions: 0
  Total Transactions: 2
                      
Cache                 
  Current Cache Size: 1
          Cache Hits: 1
        Cache Misses: 1
                      
DNSSEC Verdicts       
              Secure: 0
            Insecure: 0
               Bogus: 0
      Indeterminate:: 0
`,
  ],
  [
    'shows the overall status',
    'networkctl status -n 0',
    `*        State: routable
  Online state: online
       Address: 192.168.1.50 on eth0
                fe80::250:56ff:fe8a:3c01 on eth0
       Gateway: 192.168.1.1 (VMware, Inc.) on eth0
           DNS: 192.168.1.1
`,
  ],
  [
    "shows a link's status",
    'networkctl status eth0 -n 0',
    `* 2: eth0                       
                     Link File: /usr/lib/systemd/network/99-default.link
                  Network File: /etc/systemd/network/99-dhcp-en.network
                         State: routable (configured)
                  Online state: online
                          Type: ether
                          Path: pci-0000:0b:00.0
                        Driver: vmxnet3
                        Vendor: VMware
                         Model: VMXNET3 Ethernet Controller
              Hardware Address: 00:50:56:8a:3c:01 (VMware, Inc.)
                           MTU: 1500 (min: 60, max: 9000)
                         QDisc: mq
  IPv6 Address Generation Mode: eui64
      Number of Queues (Tx/Rx): 2/2
              Auto negotiation: no
                         Speed: 10Gbps
                        Duplex: full
                          Port: tp
                       Address: 192.168.1.50 (DHCP4 via 192.168.1.1)
                                fe80::250:56ff:fe8a:3c01
                       Gateway: 192.168.1.1 (VMware, Inc.)
                           DNS: 192.168.1.1
             Activation Policy: up
           Required For Online: yes
               DHCP4 Client ID: IAID:0x13777eab/DUID
             DHCP6 Client IAID: 0x13777eab
             DHCP6 Client DUID: DUID-EN/Vendor:0000ab115875f01d71e7aa1c
`,
  ],
  [
    'shows the resolver status',
    'resolvectl',
    `Global
           Protocols: -LLMNR -mDNS -DNSOverTLS DNSSEC=no/unsupported
    resolv.conf mode: stub
Fallback DNS Servers: 1.1.1.1#cloudflare-dns.com 8.8.8.8#dns.google
                      1.0.0.1#cloudflare-dns.com 8.8.4.4#dns.google
                      2606:4700:4700::1111#cloudflare-dns.com
                      2001:4860:4860::8888#dns.google
                      2606:4700:4700::1001#cloudflare-dns.com
                      2001:4860:4860::8844#dns.google

Link 2 (eth0)
    Current Scopes: DNS
         Protocols: +DefaultRoute -LLMNR -mDNS -DNSOverTLS DNSSEC=no/unsupported
Current DNS Server: 192.168.1.1
       DNS Servers: 192.168.1.1
`,
  ],
  [
    'resolves names through resolved',
    'resolvectl query -4 github.com; resolvectl query --legend=no localhost',
    `github.com: 140.82.112.4                                    -- link: eth0

-- Information acquired via protocol DNS in 21.8ms.
-- Data is authenticated: no; Data was acquired via local or encrypted transport: no
-- Data from: network
localhost: 127.0.0.1
`,
  ],
  [
    'starts resolved again when resolvectl needs it',
    'systemctl stop systemd-resolved; systemctl is-active systemd-resolved; resolvectl dns; systemctl is-active systemd-resolved',
    `inactive
Global:
Link 2 (eth0): 192.168.1.1
active
`,
  ],
];

describe('systemd-networkd and systemd-resolved', () => {
  it.each(cases)('%s', async (_title, script, expected) => {
    const r = await runScript(script);
    // a lease's lifetimes count down on the machine's clock, which follows real time while the
    // machine is busy: on a loaded host a few seconds may pass before `ip` reads them. Each is
    // what was expected or at most 5 seconds less, and is compared as expected.
    const lft = /(valid_lft|preferred_lft) (\d+)sec/g;
    const want = [...expected.matchAll(lft)].map((m) => Number(m[2]));
    let i = 0;
    const out = r.stdout.replace(lft, (all, name: string, n: string) => {
      const w = want[i++];
      if (w === undefined || Number(n) > w || Number(n) < w - 5) return all;
      return `${name} ${w}sec`;
    });
    expect(out).toBe(expected);
  });

  const errors: [string, string, string][] = [
    ['networkctl status eth9', 'Interface "eth9" not found.\n', ''],
    ['networkctl reconfigure eth9', 'Failed to resolve interface "eth9": No such device\n', ''],
    ['networkctl frobnicate', 'Unknown command verb frobnicate.\n', ''],
    ['networkctl up', 'Too few arguments.\n', ''],
    ['resolvectl query nosuch.example', "nosuch.example: Name 'nosuch.example' not found\n", ''],
    ['resolvectl query client', 'client: resolve call failed: No appropriate name servers or networks for name found\n', ''],
    ['networkctl lldp', '', 'LINK CHASSIS-ID SYSTEM-NAME CAPS        PORT-ID PORT-DESCRIPTION\n\n0 neighbors listed.\n'],
  ];
  it.each(errors)('%s', async (script, stderr, stdout) => {
    const r = await runScript(script);
    expect({ stdout: r.stdout, stderr: r.stderr, code: r.code }).toEqual({ stdout, stderr, code: stderr ? 1 : 0 });
  });
});
