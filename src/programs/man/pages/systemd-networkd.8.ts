export default String.raw`.TH SYSTEMD\-NETWORKD.SERVICE 8 "" "systemd 253" "systemd-networkd.service"
.SH NAME
systemd-networkd.service, systemd-networkd \- network configuration daemon
.SH SYNOPSIS
.B systemd\-networkd.service
.br
.B /usr/lib/systemd/systemd\-networkd
.SH DESCRIPTION
.B systemd\-networkd
is the daemon that configures network interfaces on Photon OS. It watches
the interfaces the kernel reports and gives each the settings of the first
.BR systemd.network (5)
file that matches it: static addresses and routes, a DHCP client, link
settings such as the MTU, and the DNS servers, search domains and NTP servers
it passes on to
.BR systemd\-resolved (8)
and
.BR systemd\-timesyncd (8).
Virtual devices (bridges, VLANs, bonds...) are created from
.B .netdev
files in the same directories.
.PP
Interfaces no file matches, such as
.B lo
(which the kernel sets up itself) and the
.B docker0
bridge and
.B veth
pairs Docker creates, are left
.IR unmanaged .
.PP
The daemon runs as the unprivileged
.B systemd\-network
user and logs to the journal. Its view of each link (operational state,
setup state, addresses, DHCP lease) is shown by
.BR networkctl (1).
.PP
It is started at boot by
.BR systemd\-networkd.service ,
which is enabled by default on Photon OS. Reread the configuration with
.B networkctl reload
or by restarting the service;
.BI "networkctl reconfigure " IFACE
applies it again to one interface.
.B systemd\-networkd\-wait\-online.service
can delay
.B network\-online.target
until the interfaces are configured.
.SH SIGNALS
SIGTERM stops the daemon. By default, addresses and routes it configured are
kept when it stops (see
.B KeepConfiguration=
in
.BR systemd.network (5)).
.SH FILES
.TP
.BR /etc/systemd/network/ ", " /run/systemd/network/ ", " /usr/lib/systemd/network/
.B .network
and
.B .netdev
files.
.TP
.B /etc/systemd/network/99\-dhcp\-en.network
Photon's default: DHCP on every interface named
.BR e* .
.TP
.B /run/systemd/netif/
The daemon's state files, read by
.BR networkctl " and " systemd\-networkd\-wait\-online .
.SH EXAMPLES
.PP
.RS
.nf
# networkctl
# journalctl \-u systemd\-networkd \-b
# systemctl restart systemd\-networkd
.fi
.RE
.SH SEE ALSO
.BR systemd.network (5),
.BR networkctl (1),
.BR systemd\-networkd\-wait\-online (8),
.BR systemd\-resolved (8)
`;
