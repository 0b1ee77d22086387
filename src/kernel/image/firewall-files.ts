// Photon's firewall scripts in /etc/systemd/scripts (the iptables package): iptables.service runs
// `iptables` at boot, which hardens a few sysctls, drops everything by default and restores the
// saved rules; `iptables.stop` opens everything again. ip4save/ip6save hold the default rules
// (../shared/reference/photon/system.md §10).
import type { ImageWriter } from './build';

const IP4SAVE = `# init
*filter
:INPUT DROP [0:0]
:FORWARD DROP [0:0]
:OUTPUT DROP [0:0]
# Allow local-only connections
-A INPUT -i lo -j ACCEPT
-A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
#keep commented till upgrade issues are sorted
#-A INPUT -j LOG --log-prefix "FIREWALL:INPUT "
-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT
-A OUTPUT -j ACCEPT
COMMIT
`;

const IP6SAVE = `# init
*filter
:INPUT DROP [0:0]
:FORWARD DROP [0:0]
:OUTPUT DROP [0:0]
# Allow local-only connections
-A INPUT -i lo -j ACCEPT
-A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
#keep commented till upgrade issues are sorted
#-A INPUT -j LOG --log-prefix "FIREWALL:INPUT "
-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT
-A INPUT -p ipv6-icmp -j ACCEPT
-A INPUT -p udp --sport 547 --dport 546 -j ACCEPT
-A OUTPUT -j ACCEPT
COMMIT
`;

const START = `#!/bin/sh
# Loads Photon's firewall at boot (run by iptables.service).
# Kernel network hardening first, then a closed firewall, then the saved rules.
for setting in net.ipv4.icmp_echo_ignore_broadcasts=1 net.ipv4.conf.all.accept_source_route=0 \\
    net.ipv4.tcp_syncookies=1 net.ipv4.conf.all.accept_redirects=0 net.ipv4.conf.all.send_redirects=0 \\
    net.ipv4.conf.all.rp_filter=1 net.ipv4.conf.all.log_martians=1 net.ipv4.ip_dynaddr=2 net.ipv4.tcp_ecn=0; do
    sysctl -q -w "$setting" 2>/dev/null
done

for cmd in iptables ip6tables; do
    $cmd --wait 1 --wait-interval 20000 -P INPUT DROP
    $cmd --wait 1 --wait-interval 20000 -P FORWARD DROP
    $cmd --wait 1 --wait-interval 20000 -P OUTPUT DROP
    for table in filter nat mangle; do
        $cmd --wait 1 --wait-interval 20000 -t $table -F
        $cmd --wait 1 --wait-interval 20000 -t $table -X
    done
done

if [ -e /etc/systemd/scripts/ip4save ]; then
    iptables-restore --wait 1 --wait-interval 20000 < /etc/systemd/scripts/ip4save
fi
if [ -e /etc/systemd/scripts/ip6save ]; then
    ip6tables-restore --wait 1 --wait-interval 20000 < /etc/systemd/scripts/ip6save
fi
`;

const STOP = `#!/bin/sh
# Opens the firewall when iptables.service stops: empty tables, everything accepted.
for cmd in iptables ip6tables; do
    for table in filter nat mangle; do
        $cmd --wait 1 --wait-interval 20000 -t $table -F
        $cmd --wait 1 --wait-interval 20000 -t $table -X
    done
    $cmd --wait 1 --wait-interval 20000 -P INPUT ACCEPT
    $cmd --wait 1 --wait-interval 20000 -P FORWARD ACCEPT
    $cmd --wait 1 --wait-interval 20000 -P OUTPUT ACCEPT
done
`;

export function writeFirewallFiles(w: ImageWriter): void {
  w.dir('/etc/systemd/scripts', 0o755);
  w.file('/etc/systemd/scripts/ip4save', IP4SAVE, 0o644);
  w.file('/etc/systemd/scripts/ip6save', IP6SAVE, 0o644);
  w.file('/etc/systemd/scripts/iptables', START, 0o755);
  w.file('/etc/systemd/scripts/iptables.stop', STOP, 0o755);
}
