export default String.raw`.TH SYSTEMD\-NETWORK\-GENERATOR.SERVICE 8 "" "systemd 253" "systemd-network-generator.service"
.SH NAME
systemd-network-generator.service, systemd-network-generator \- make network files from the kernel command line
.SH SYNOPSIS
.B systemd\-network\-generator.service
.br
.B /usr/lib/systemd/systemd\-network\-generator
[\fB\-\-root=\fIDIR\fR]
.SH DESCRIPTION
.B systemd\-network\-generator
reads the dracut-style network options of the kernel command line
.RB ( ip= ", " nameserver= ", " rd.route= ", " vlan= ", " bond= ", " bridge= ", " ifname= ", " net.ifname_policy= )
and writes matching
.BR .network ,
.B .netdev
and
.B .link
files into
.BR /run/systemd/network ,
where
.BR systemd\-networkd (8)
picks them up. With no such options, as on a default Photon OS boot, it
writes nothing.
.PP
It runs once early at boot, before
.BR network\-pre.target ,
from
.BR systemd\-network\-generator.service ,
which is enabled together with
.BR systemd\-networkd.service .
.SH EXIT STATUS
0 on success; non-zero if an option cannot be parsed.
.SH FILES
.TP
.B /proc/cmdline
The kernel command line.
.TP
.B /run/systemd/network/
Where the generated files go.
.SH EXAMPLES
.PP
A kernel option that gives eth0 a static address:
.PP
.RS
.nf
ip=192.168.1.50::192.168.1.1:255.255.255.0::eth0:off
.fi
.RE
.SH SEE ALSO
.BR systemd\-networkd (8),
.BR systemd.network (5)
`;
