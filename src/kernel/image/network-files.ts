// systemd-networkd's and systemd-resolved's files on a fresh Photon OS 5.0: the DHCP network that
// the systemd package installs as /etc/systemd/network/99-dhcp-en.network (%config(noreplace),
// mode 0644; ../shared/reference/photon/system.md §9), and networkd.conf and resolved.conf with
// their settings commented out at the compiled-in defaults, except the lines Photon's spec
// enables in resolved.conf (LLMNR=no, DNSSEC=no, DNSOverTLS=no).
import type { ImageWriter } from './build';
import { FALLBACK_DNS } from '../../subsystems/resolve/files';

const DHCP_EN = `[Match]
Name=e*

[Network]
DHCP=yes
IPv6AcceptRA=no

[DHCPv4]
SendRelease=no
`;

const NETWORKD_CONF = `[Network]
#SpeedMeter=no
#SpeedMeterIntervalSec=10sec
#ManageForeignRoutingPolicyRules=yes
#ManageForeignRoutes=yes
#RouteTable=

[DHCPv4]
#DUIDType=vendor
#DUIDRawData=

[DHCPv6]
#DUIDType=vendor
#DUIDRawData=
`;

const RESOLVED_CONF = `[Resolve]
#DNS=
#FallbackDNS=${FALLBACK_DNS.join(' ')}
#Domains=
DNSSEC=no
DNSOverTLS=no
#MulticastDNS=no
LLMNR=no
#Cache=yes
#CacheFromLocalhost=no
#DNSStubListener=yes
#DNSStubListenerExtra=
#ReadEtcHosts=yes
#ResolveUnicastSingleLabel=no
`;

export function writeNetworkFiles(w: ImageWriter): void {
  w.dir('/usr/lib/systemd/network', 0o755);
  w.file('/etc/systemd/network/99-dhcp-en.network', DHCP_EN, 0o644);
  w.file('/etc/systemd/networkd.conf', NETWORKD_CONF, 0o644);
  w.file('/etc/systemd/resolved.conf', RESOLVED_CONF, 0o644);
}
