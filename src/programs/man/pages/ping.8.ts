export default String.raw`.TH PING 8 "" "iputils 20221126" "iputils"
.\" Written for this simulator; describes ping from iputils 20221126.
.SH NAME
ping \- send ICMP echo requests to network hosts
.SH SYNOPSIS
\fBping\fR [\fB\-aAbBdCDfhLnOqrRUvV46\fR] [\fB\-c\fR \fIcount\fR] [\fB\-e\fR \fIidentifier\fR]
[\fB\-F\fR \fIflowlabel\fR] [\fB\-i\fR \fIinterval\fR] [\fB\-I\fR \fIinterface\fR]
[\fB\-l\fR \fIpreload\fR] [\fB\-m\fR \fImark\fR] [\fB\-M\fR \fIpmtudisc\fR]
[\fB\-p\fR \fIpattern\fR] [\fB\-Q\fR \fItos\fR] [\fB\-s\fR \fIsize\fR] [\fB\-S\fR \fIsndbuf\fR]
[\fB\-t\fR \fIttl\fR] [\fB\-T\fR \fItimestamp\fR] [\fB\-w\fR \fIdeadline\fR] [\fB\-W\fR \fItimeout\fR]
\fIdestination\fR
.SH DESCRIPTION
\fBping\fR checks whether a host answers and how long the round trip takes.
It sends an ICMP ECHO_REQUEST to \fIdestination\fR (a name or an address)
once per interval and prints a line for each ECHO_REPLY: its size, the
sender, the sequence number \fBicmp_seq\fR, the \fBttl\fR it arrived with and
the round-trip \fBtime\fR. Lost requests show up as gaps in the sequence.
.PP
ping runs until stopped with Ctrl-C (or until \fB\-c\fR or \fB\-w\fR ends
it), then prints a summary: packets transmitted and received, the loss
percentage, the total time, and the minimum, average, maximum and mean
deviation of the round-trip times. Ctrl-\e prints a short summary and
carries on.
.PP
Errors from routers are shown in place of replies, for example
\fBDestination Host Unreachable\fR or \fBTime to live exceeded\fR. No reply
at all usually means the host is down, a firewall drops ICMP, or there is
no route. On Photon OS ping holds the \fBcap_net_raw\fR capability, so any
user may run it.
.SH OPTIONS
.TP
\fB\-c\fR \fIcount\fR
Stop after \fIcount\fR replies (or after waiting for them).
.TP
\fB\-i\fR \fIinterval\fR
Seconds between requests (default 1; fractions allowed; below 0.002 only for root).
.TP
\fB\-w\fR \fIdeadline\fR
Stop after \fIdeadline\fR seconds whatever has been sent or received.
.TP
\fB\-W\fR \fItimeout\fR
How long to wait for a reply to the last request (default 10 seconds).
.TP
\fB\-n\fR
Numeric output: do not look up names for addresses.
.TP
\fB\-q\fR
Quiet: only the first line and the summary.
.TP
\fB\-s\fR \fIsize\fR
Data bytes per request (default 56, which with the 8-byte ICMP header makes 64).
.TP
\fB\-t\fR \fIttl\fR
IP time to live of the requests (1\-255).
.TP
\fB\-D\fR
Prefix each line with a Unix timestamp.
.TP
\fB\-f\fR
Flood ping: send as fast as replies come back (root only); prints a dot per
request and a backspace per reply.
.TP
\fB\-I\fR \fIinterface\fR
Send from this interface or source address.
.TP
\fB\-4\fR, \fB\-6\fR
Use IPv4 or IPv6 only.
.TP
\fB\-a\fR, \fB\-A\fR, \fB\-b\fR
Beep on each reply; adapt the interval to the round-trip time; allow a broadcast address.
.TP
\fB\-l\fR \fIpreload\fR, \fB\-p\fR \fIpattern\fR, \fB\-M\fR \fBdo\fR|\fBwant\fR|\fBdont\fR
Send several requests at once; fill the payload with a hex pattern; path-MTU discovery policy.
.TP
\fB\-O\fR, \fB\-R\fR, \fB\-U\fR, \fB\-v\fR
Report missing replies at once; record route; user-to-user latency; verbose.
.TP
\fB\-Q\fR \fItos\fR, \fB\-m\fR \fImark\fR, \fB\-S\fR \fIsndbuf\fR, \fB\-e\fR \fIid\fR, \fB\-T\fR \fItsonly\fR|\fItsandaddr\fR
Type of service; firewall mark; socket buffer; ICMP identifier; IP timestamps.
.TP
\fB\-V\fR, \fB\-h\fR
Print the version; print the option summary (on standard error, status 2).
.SH "EXIT STATUS"
.TP
.B 0
At least one reply came back (and with \fB\-c\fR and \fB\-w\fR together, all of them).
.TP
.B 1
No reply was received; also a numeric option value that is not a number
or is out of range.
.TP
.B 2
Any other error: unknown host, no route, unknown option.
.SH EXAMPLES
.nf
ping \-c 4 192.168.1.1
ping \-c 3 \-n packages.vmware.com
ping \-i 0.5 \-w 10 10.0.0.7
.fi
.SH "SEE ALSO"
\fBtracepath\fR(8), \fBip\fR(8), \fBss\fR(8), \fBcurl\fR(1)
`;
