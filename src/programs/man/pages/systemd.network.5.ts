export default String.raw`.TH SYSTEMD.NETWORK 5 "" "systemd 253" "systemd.network"
.SH NAME
systemd.network \- network configuration files of systemd-networkd
.SH SYNOPSIS
.IB name .network
.SH DESCRIPTION
.BR systemd\-networkd (8)
configures each network interface from the first
.B .network
file that matches it. Files are read from
.BR /etc/systemd/network ,
.BR /run/systemd/network ,
.B /usr/local/lib/systemd/network
and
.BR /usr/lib/systemd/network ;
a file in an earlier directory hides one of the same name in a later
directory. All files are sorted by name, and an interface takes the first
one whose
.B [Match]
section fits it, so names usually start with a number:
.B 10\-static\-eth0.network
is tried before
.BR 99\-dhcp\-en.network .
Interfaces that no file matches are left alone.
.PP
The syntax is that of unit files (see
.BR systemd.unit (5)):
.BI [ Section ]
headers and
.IB Key = value
lines. An unknown key is logged and ignored. networkd runs as the
.B systemd\-network
user, so the files must be readable by it (mode 0644); a file it cannot read
is skipped. After editing, run
.B networkctl reload
or
.BR "systemctl restart systemd\-networkd" .
.PP
Photon OS ships
.BR /etc/systemd/network/99\-dhcp\-en.network ,
which configures every interface whose name starts with
.B e
by DHCP.
.SH "[MATCH] SECTION"
Every setting given must fit; a section with no setting matches every
interface. Lists are separated by spaces, may use shell globs, and a leading
.B !
inverts the whole list.
.TP
.BI Name= names
Interface names, such as
.B eth0
or
.BR e* .
.TP
.BI MACAddress= addresses
Hardware addresses.
.TP
.BI Type= types
Link types such as
.BR ether " or " loopback .
.TP
.BI Driver= drivers "\fR, " Path= paths "\fR, " Kind= kinds
Kernel driver (for example
.BR vmxnet3 ),
device path, or virtual device kind.
.TP
.BR Host= ", " Virtualization= ", " KernelCommandLine= ", " Architecture=
Conditions on the machine rather than the interface.
.SH "[LINK] SECTION"
.TP
.BI MTUBytes= bytes
The MTU to set.
.TP
.BI Unmanaged= bool
Leave matching interfaces alone.
.TP
.BI RequiredForOnline= bool
Whether
.BR systemd\-networkd\-wait\-online (8)
waits for this interface.
.TP
.BI ActivationPolicy= policy
.BR up ", " always\-up ", " down ", " manual ...
.SH "[NETWORK] SECTION"
.TP
.BI DHCP= yes\fR|\fBno\fR|\fBipv4\fR|\fBipv6
Run a DHCP client for these families (default no).
.TP
.BI Address= address / prefixlen
A static address; may be repeated. Short for an
.B [Address]
section.
.TP
.BI Gateway= address
A default route through this gateway; short for a
.B [Route]
section with only
.BR Gateway= .
.TP
.BI DNS= addresses
DNS servers handed to
.BR systemd\-resolved (8)
for this interface.
.TP
.BI Domains= domains
Search domains; a name starting with
.B ~
is a routing-only domain.
.TP
.BI NTP= servers
Time servers for
.BR systemd\-timesyncd (8).
.TP
.BR LinkLocalAddressing= ", " IPv6AcceptRA= ", " LLMNR= ", " MulticastDNS= ", " DNSDefaultRoute= ", " KeepConfiguration=
Link-local addresses, router advertisements, and resolver behaviour on this
link.
.SH "[ADDRESS] SECTION"
One section per address.
.TP
.BI Address= address / prefixlen
The address (required).
.TP
.BR Peer= ", " Broadcast= ", " Label= ", " Scope= ", " PreferredLifetime= ", " RouteMetric=
Further properties of the address.
.SH "[ROUTE] SECTION"
One section per route.
.TP
.BI Gateway= address
The next hop; omit for a route directly on the link.
.TP
.BI Destination= prefix / len
What the route leads to; without it, the route is a default route.
.TP
.BI Metric= n
The route's metric (lower is preferred).
.TP
.BR Source= ", " PreferredSource= ", " Scope= ", " Table= ", " GatewayOnLink= ", " MTUBytes=
Further properties of the route.
.SH "[DHCPV4] SECTION"
.TP
.BR UseDNS= ", " UseDomains= ", " UseNTP= ", " UseHostname= ", " UseRoutes=
Whether to take these from the DHCP lease (mostly yes by default).
.TP
.BI RouteMetric= n
Metric of the routes from the lease.
.TP
.BI SendRelease= bool
Release the lease when the interface goes down (Photon's file sets no).
.SH EXAMPLES
.PP
The file Photon OS installs:
.PP
.RS
.nf
[Match]
Name=e*

[Network]
DHCP=yes
IPv6AcceptRA=no

[DHCPv4]
SendRelease=no
.fi
.RE
.PP
A static address for eth0 in
.BR /etc/systemd/network/10\-static\-eth0.network :
.PP
.RS
.nf
[Match]
Name=eth0

[Network]
Address=192.168.1.50/24
Gateway=192.168.1.1
DNS=192.168.1.1

[Route]
Destination=10.20.0.0/16
Gateway=192.168.1.254
.fi
.RE
.PP
Then
.B chmod 644
the file and run
.BR "systemctl restart systemd\-networkd" .
.SH SEE ALSO
.BR systemd\-networkd (8),
.BR networkctl (1),
.BR systemd\-resolved (8),
.BR ip (8)
`;
