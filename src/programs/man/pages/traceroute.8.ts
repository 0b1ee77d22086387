export default String.raw`.TH TRACEROUTE 8 "2016" "traceroute 2.1" "Traceroute For Linux"
.SH NAME
traceroute \- show the routers on the way to a host
.SH SYNOPSIS
.B traceroute
[\fB\-46InT\fR] [\fB\-f\fR \fIfirst_ttl\fR] [\fB\-m\fR \fImax_ttl\fR] [\fB\-p\fR \fIport\fR] [\fB\-q\fR \fInqueries\fR] [\fB\-w\fR \fIwait\fR] \fIhost\fR [\fIpacketlen\fR]
.SH DESCRIPTION
.B traceroute
sends UDP probes to \fIhost\fR, to port 33434 and up, with a time-to-live that
grows by one each hop. Each router on the way answers "time exceeded"; the
host itself answers "port unreachable", and the trace ends there.
.PP
Each line shows the hop number, who answered (named again when another probe
of the same hop is answered by someone else) and the round trip of each probe.
A probe that nobody answers within the wait is shown as \fB*\fR; an ICMP
unreachable is marked \fB!H\fR (host), \fB!N\fR (network), \fB!P\fR
(protocol) or \fB!X\fR (administratively prohibited).
.SH OPTIONS
.TP
.BR \-4 ", " \-6
Use IPv4 or IPv6 only.
.TP
.BI \-f " first_ttl"
Start at this hop (default 1).
.TP
.BI \-m " max_ttl"
Probe at most this many hops (default 30, at most 255).
.TP
.B \-n
Show addresses only, without looking up names.
.TP
.BI \-p " port"
The first destination port (default 33434).
.TP
.BI \-q " nqueries"
Probes for each hop (default 3, at most 10).
.TP
.BI \-w " wait"
How long to wait for each answer.
.TP
.BR \-I ", " \-T
Probe with ICMP echo requests or TCP SYNs.
.TP
.B \-V
Print the version.
.SH EXIT STATUS
0 when the trace ran, 1 when the host cannot be reached at all, 2 for bad arguments.
.SH SEE ALSO
.BR tracepath (8),
.BR ping (8)
`;
