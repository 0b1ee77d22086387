export default String.raw`.TH ARP 8 "2023" "net-tools 2.10" "System Administration"
.SH NAME
arp \- show the IPv4 neighbour cache
.SH SYNOPSIS
.B arp
[\fB\-n\fR] [\fB\-a\fR] [\fB\-i\fR \fIif\fR] [\fIhost\fR]
.SH DESCRIPTION
.B arp
lists the kernel's table of IPv4 neighbours: the hardware address each address resolves to and the interface it is reached on.
.SH OPTIONS
.TP
.B -n
show addresses as numbers.
.TP
.B -a
the BSD style, one sentence per entry.
.TP
-i \fIif\fR
only entries of this interface.
.SH "EXIT STATUS"
0 when the table could be read, also when nothing matched; 3 on a usage error.
.SH "SEE ALSO"
.BR ip (8)
`;
