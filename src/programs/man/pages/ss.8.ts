export default String.raw`.TH SS 8 "" "iproute2 6.0.0" "Linux"
.\" Written for this simulator; describes ss from iproute2 6.0.
.SH NAME
ss \- list sockets and their connections
.SH SYNOPSIS
\fBss\fR [\fIOPTIONS\fR] [\fIFILTER\fR]
.SH DESCRIPTION
\fBss\fR prints the sockets the kernel knows about, asking it through
netlink. It is the iproute2 successor of \fBnetstat\fR(8) and is faster on
busy systems. Without options it lists established connections of all
kinds; \fB\-t\fR, \fB\-u\fR and the other type options narrow that, \fB\-l\fR
shows listening sockets instead and \fB\-a\fR shows both.
.PP
Each line gives the socket type (\fBNetid\fR, when several types are
shown), its \fBState\fR (\fBLISTEN\fR, \fBESTAB\fR, \fBUNCONN\fR for UDP,
\fBTIME\-WAIT\fR, ...), the bytes waiting in the receive and send queues
(\fBRecv\-Q\fR, \fBSend\-Q\fR; for a listening socket, the pending and
maximum backlog), the local and peer \fIaddress\fB:\fIport\fR, and with
\fB\-p\fR the owning processes. \fB*\fR stands for any address or port;
IPv6 addresses are shown in brackets.
.SH OPTIONS
.TP
\fB\-t\fR, \fB\-\-tcp\fR; \fB\-u\fR, \fB\-\-udp\fR; \fB\-w\fR, \fB\-\-raw\fR; \fB\-x\fR, \fB\-\-unix\fR
Only TCP, UDP, raw or Unix-domain sockets (several may be combined).
\fB\-S\fR, \fB\-d\fR, \fB\-M\fR, \fB\-0\fR select SCTP, DCCP, MPTCP and packet sockets.
.TP
\fB\-l\fR, \fB\-\-listening\fR
Only listening sockets (and unconnected UDP ones).
.TP
\fB\-a\fR, \fB\-\-all\fR
Listening and non-listening sockets.
.TP
\fB\-n\fR, \fB\-\-numeric\fR
Show port numbers instead of service names from \fI/etc/services\fR.
.TP
\fB\-r\fR, \fB\-\-resolve\fR
Show host names instead of addresses.
.TP
\fB\-p\fR, \fB\-\-processes\fR
Show \fBusers:(("\fIname\fB",pid=\fIN\fB,fd=\fIN\fB))\fR for each socket;
other users' processes are visible only to root.
.TP
\fB\-4\fR, \fB\-6\fR, \fB\-f\fR, \fB\-\-family\fR \fIFAMILY\fR
Only IPv4 or IPv6 sockets, or a family: \fBinet\fR, \fBinet6\fR, \fBunix\fR, \fBlink\fR, \fBnetlink\fR.
.TP
\fB\-A\fR, \fB\-\-query\fR \fIQUERY\fR[,...]
Socket tables by name: \fBall\fR, \fBinet\fR, \fBtcp\fR, \fBudp\fR, \fBraw\fR, \fBunix\fR, \fBpacket\fR, \fBnetlink\fR...
.TP
\fB\-s\fR, \fB\-\-summary\fR
Totals per protocol and state instead of a list.
.TP
\fB\-H\fR, \fB\-\-no\-header\fR; \fB\-O\fR, \fB\-\-oneline\fR
Omit the heading line; keep each socket on one line.
.TP
\fB\-e\fR, \fB\-o\fR, \fB\-m\fR, \fB\-i\fR
More detail: owner uid and inode; timers; memory use; TCP internals (RTT, window, congestion control).
.TP
\fB\-K\fR, \fB\-\-kill\fR; \fB\-E\fR, \fB\-\-events\fR; \fB\-Z\fR, \fB\-z\fR; \fB\-N\fR \fINETNS\fR
Close matching sockets (root); follow sockets as they close; SELinux contexts; another network namespace.
.TP
\fB\-h\fR, \fB\-\-help\fR; \fB\-V\fR, \fB\-\-version\fR
Option summary; version.
.SH FILTER
.TP
\fBstate\fR \fISTATE\fR | \fBexclude\fR \fISTATE\fR
Only (or all but) sockets in \fISTATE\fR: a TCP state
(\fBestablished\fR, \fBsyn\-sent\fR, \fBsyn\-recv\fR, \fBfin\-wait\-1\fR,
\fBfin\-wait\-2\fR, \fBtime\-wait\fR, \fBclosed\fR, \fBclose\-wait\fR,
\fBlast\-ack\fR, \fBlistening\fR, \fBclosing\fR) or a group (\fBall\fR,
\fBconnected\fR, \fBsynchronized\fR, \fBbucket\fR, \fBbig\fR).
.TP
\fBsport\fR|\fBdport\fR [\fIOP\fR] \fB:\fIport\fR; \fBsrc\fR|\fBdst\fR \fIaddress\fR[\fB/\fIlen\fR][\fB:\fIport\fR]
Match the source or destination port or address. \fIOP\fR is \fB=\fR
(\fBeq\fR), \fB!=\fR (\fBne\fR), \fB<\fR (\fBlt\fR), \fB>\fR (\fBgt\fR),
\fB<=\fR, \fB>=\fR. Conditions combine with \fBand\fR, \fBor\fR, \fBnot\fR
and parentheses; quote the expression for the shell.
.SH "EXIT STATUS"
0 on success; 255 for an unknown option or a filter it
cannot parse.
.SH EXAMPLES
.nf
ss \-tlnp                      # listening TCP ports and their programs
ss \-tan state established
ss \-uln
ss \-tn 'dport = :22'
ss \-s
.fi
.SH "SEE ALSO"
\fBip\fR(8), \fBnetstat\fR(8), \fBncat\fR(1)
`;
