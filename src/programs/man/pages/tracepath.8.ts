export default String.raw`.TH TRACEPATH 8 "" "iputils 20221126" "iputils"
.\" Written for this simulator; describes tracepath from iputils 20221126.
.SH NAME
tracepath \- trace the path to a host and discover its MTU
.SH SYNOPSIS
\fBtracepath\fR [\fB\-4\fR] [\fB\-6\fR] [\fB\-n\fR] [\fB\-b\fR] [\fB\-l\fR \fIpktlen\fR] [\fB\-m\fR \fImax_hops\fR] [\fB\-p\fR \fIport\fR] [\fB\-V\fR] \fIdestination\fR[\fB/\fIport\fR]
.SH DESCRIPTION
\fBtracepath\fR shows the routers a packet passes on its way to
\fIdestination\fR and the largest packet size (path MTU) that gets through.
It sends UDP probes with a time to live of 1, 2, 3 and so on; the router
where the TTL runs out answers with an ICMP \fBtime exceeded\fR message, and
the destination itself answers \fBport unreachable\fR. Unlike
\fBtraceroute\fR(8) it needs no privileges.
.PP
Each output line starts with the TTL. A line with \fB?\fR after the number
comes from the local host, such as the first line
\fB1?: [LOCALHOST] pmtu 1500\fR giving the MTU of the outgoing interface.
Then comes the answering router's name and address, the round-trip time and
notes: \fBasymm\fR \fIN\fR when the reply came back over a different number of
hops, \fBpmtu\fR \fIN\fR when a smaller MTU was found, \fBreached\fR at the
destination, and \fBno reply\fR when nothing answered within a second for
three probes (a router that drops probes or a firewall).
.PP
The last line, \fBResume:\fR, sums up the path MTU and the number of hops
there (\fBhops\fR) and back (\fBback\fR). If the destination is not reached
within the hop limit, \fBToo many hops\fR is printed.
.SH OPTIONS
.TP
\fB\-n\fR
Print addresses only, without looking up names.
.TP
\fB\-b\fR
Print both the host name and the address.
.TP
\fB\-l\fR \fIpktlen\fR
Size of the first probe. By default it is 65535 bytes and shrinks to each
smaller MTU found on the way.
.TP
\fB\-m\fR \fImax_hops\fR
Give up after this many hops (default 30).
.TP
\fB\-p\fR \fIport\fR
First destination UDP port to use (it grows by one per probe).
.TP
\fB\-4\fR, \fB\-6\fR
Use IPv4 or IPv6 only.
.TP
\fB\-V\fR
Print the version and exit.
.SH "EXIT STATUS"
0 when the trace ran (whether or not the destination was reached); 1 for an
invalid number or an unknown host; 255 after \fB\-h\fR or an unknown option,
when the usage text is printed.
.SH EXAMPLES
.nf
tracepath \-n 8.8.8.8
tracepath \-m 10 packages.vmware.com
.fi
.SH "SEE ALSO"
\fBping\fR(8), \fBip\fR(8), \fBtraceroute\fR(8)
`;
