export default String.raw`.TH SYSTEMD\-NETWORKD\-WAIT\-ONLINE.SERVICE 8 "" "systemd 253" "systemd-networkd-wait-online.service"
.SH NAME
systemd-networkd-wait-online.service, systemd-networkd-wait-online \- wait until the network is configured
.SH SYNOPSIS
.B systemd\-networkd\-wait\-online.service
.br
.B /usr/lib/systemd/systemd\-networkd\-wait\-online
[\fIOPTIONS\fR...]
.SH DESCRIPTION
.B systemd\-networkd\-wait\-online
waits until the interfaces managed by
.BR systemd\-networkd (8)
are configured, and at least one of them is online, then exits. Its service
is ordered before
.BR network\-online.target ,
so units with
.B After=network\-online.target
and
.B Wants=network\-online.target
(such as
.BR docker.service )
start only once the network is usable. Photon OS enables it by default.
.PP
Interfaces with
.B RequiredForOnline=no
in their
.B .network
file, and unmanaged ones, are not waited for.
.SH OPTIONS
.TP
.BR \-i ", " \-\-interface= \fIIFACE\fR[\fB:\fIMIN\fR[\fB:\fIMAX\fR]]
Wait only for these interfaces (may be repeated), optionally until their
operational state is within a range.
.TP
.BI \-\-ignore= IFACE
Do not wait for this interface.
.TP
.BR \-4 ", " \-6
Wait for an IPv4 or an IPv6 address.
.TP
.B \-\-any
Return as soon as any one interface is online.
.TP
.BI \-\-timeout= SECS
Give up after this long (default 120; 0 means never).
.SH EXIT STATUS
0 when the network is online; non-zero on time-out.
.SH SEE ALSO
.BR systemd\-networkd (8),
.BR systemd.network (5),
.BR networkctl (1)
`;
