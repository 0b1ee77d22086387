export default String.raw`.TH PING 8 "" "iputils 20221126" "iputils"
.SH NAME
ping \- send ICMP ECHO_REQUEST to network hosts
.SH SYNOPSIS
.B ping
[\fB\-aAbBdCDfhHLnOqrRUvV46\fR] [\fB\-c\fR \fIcount\fR] [\fB\-i\fR \fIinterval\fR]
[\fB\-s\fR \fIpacketsize\fR] [\fB\-t\fR \fIttl\fR] [\fB\-w\fR \fIdeadline\fR]
[\fB\-W\fR \fItimeout\fR] \fIdestination\fR
.SH DESCRIPTION
.B ping
sends ICMP echo requests to
.IR destination ,
a host name or an address, one per interval, and prints a line for every
echo reply that comes back: its size, where it came from, its sequence number,
the time to live it arrived with and the round-trip time.
When it stops it prints how many packets were sent and received and the
minimum, average, maximum and deviation of the round-trip times.
.PP
A host that does not answer, a firewall that drops the request or the reply,
or a missing route all show as lost packets or as an error.
.SH OPTIONS
.TP
.BI \-c " count"
Stop after sending (and waiting for)
.I count
replies.
.TP
.BI \-i " interval"
Wait
.I interval
seconds between packets; the default is one second.
.TP
.B \-n
Print addresses only; do not look up names for them.
.TP
.B \-q
Quiet: print only the first line and the summary.
.TP
.BI \-s " packetsize"
Send
.I packetsize
data bytes (default 56, which makes 64-byte ICMP packets).
.TP
.BI \-t " ttl"
Set the IP time to live.
.TP
.BI \-w " deadline"
Stop after
.I deadline
seconds, however many packets were sent.
.TP
.BI \-W " timeout"
Wait
.I timeout
seconds for a reply when none has come yet.
.TP
.B \-4
Use IPv4 only.
.TP
.B \-V
Print the version and exit.
.SH "EXIT STATUS"
0 when replies came back, 1 when none did (or fewer than
.B \-c
asked for with
.BR \-w ),
2 on other errors such as an unknown host or no route.
.SH "SEE ALSO"
.BR tracepath (8),
.BR ip (8),
.BR ss (8)
`;
