export default String.raw`.TH ARP 8 "2023" "net-tools 2.10" "System Administration"
.SH NAME
arp \- show and change the IPv4 neighbour cache
.SH SYNOPSIS
.B arp
[\fB\-vn\fR] [\fB\-H\fR \fItype\fR] [\fB\-i\fR \fIif\fR] [\fB\-a\fR|\fB\-e\fR] [\fIhost\fR]
.br
.B arp
[\fB\-v\fR] [\fB\-i\fR \fIif\fR] \fB\-d\fR \fIhost\fR [\fBpub\fR]
.br
.B arp
[\fB\-v\fR] [\fB\-i\fR \fIif\fR] \fB\-s\fR \fIhost\fR \fIhwaddr\fR [\fBtemp\fR|\fBpub\fR]
.SH DESCRIPTION
.B arp
lists the kernel's table of IPv4 neighbours, as \fI/proc/net/arp\fR holds it: the hardware
address each address resolves to and the interface it is reached on. Entries still being
resolved show as \fB(incomplete)\fR; proxy entries as \fB<from_interface>\fR.
.SH OPTIONS
.TP
.B -n
show addresses as numbers.
.TP
.B -a
the BSD style, one sentence per entry.
.TP
.B -e
the default table style.
.TP
.B -v
end with a count of the entries read, skipped and shown.
.TP
\fB-i\fR \fIif\fR
only entries of this interface; with \fB-s\fR or \fB-d\fR, the interface to work on.
.TP
\fB-H\fR \fItype\fR
only entries of this hardware type (\fBether\fR).
.TP
\fB-s\fR \fIhost\fR \fIhwaddr\fR
add a permanent entry (\fBtemp\fR: one the kernel may forget; \fBpub\fR: answer for
\fIhost\fR on the interface). Without \fB-i\fR the interface is the one \fIhost\fR is
directly reachable on.
.TP
\fB-d\fR \fIhost\fR
remove the entry.
.SH FLAGS
\fBC\fR complete, \fBM\fR permanent, \fBP\fR published (proxy).
.SH "EXIT STATUS"
0 when the table could be read (also when nothing matched) or the change was made; 255
when a change failed; 3 on a usage error.
.SH FILES
.I /proc/net/arp
.SH "SEE ALSO"
.BR ip (8)
`;
