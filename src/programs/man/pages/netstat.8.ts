export default String.raw`.TH NETSTAT 8 "" "net\-tools 2.10" "Linux System Administrator's Manual"
.\" Written for this simulator; describes netstat from net-tools 2.10.
.SH NAME
netstat \- show network connections, routing table and interface statistics
.SH SYNOPSIS
\fBnetstat\fR [\fB\-vWnNcaeolp\fR] [\fB\-t\fR] [\fB\-u\fR] [\fB\-w\fR] [\fB\-x\fR] [\fB\-4\fR|\fB\-6\fR|\fB\-A\fR \fIfamily\fR]
.br
\fBnetstat\fR {\fB\-r\fR|\fB\-i\fR|\fB\-g\fR|\fB\-s\fR|\fB\-M\fR} [\fB\-vWnNec\fR]
.br
\fBnetstat\fR {\fB\-V\fR|\fB\-h\fR}
.SH DESCRIPTION
\fBnetstat\fR is the classic net-tools report on the network stack, read
from \fI/proc/net\fR. It is kept for compatibility; \fBss\fR(8) and
\fBip\fR(8) are its modern replacements. The first option chooses what is shown:
.TP
(none)
Open sockets. By default only connected ones are listed, first Internet
sockets (\fBActive Internet connections\fR) and then Unix-domain ones.
Columns: \fBProto\fR, \fBRecv\-Q\fR and \fBSend\-Q\fR (bytes not yet read or
acknowledged), \fBLocal Address\fR, \fBForeign Address\fR, \fBState\fR, and
with \fB\-p\fR \fBPID/Program name\fR. Addresses are \fIhost\fB:\fIport\fR,
with \fB*\fR for any; names come from DNS, \fI/etc/hosts\fR and
\fI/etc/services\fR unless \fB\-n\fR is given.
.TP
\fB\-r\fR, \fB\-\-route\fR
The kernel routing table in the layout of \fBroute\fR(8): destination,
gateway, genmask, flags (\fBU\fR up, \fBG\fR gateway, \fBH\fR host), MSS,
window, irtt and interface.
.TP
\fB\-i\fR, \fB\-\-interfaces\fR
One line per interface with its MTU and packet counters: received OK,
errors, drops and overruns, the same for transmission, and flags
(\fBB\fR broadcast, \fBL\fR loopback, \fBM\fR multicast, \fBR\fR running, \fBU\fR up).
.TP
\fB\-g\fR, \fB\-\-groups\fR; \fB\-s\fR, \fB\-\-statistics\fR; \fB\-M\fR, \fB\-\-masquerade\fR
Multicast group memberships; per-protocol counters read from \fI/proc/net/snmp\fR and
\fI/proc/net/netstat\fR (with \fB\-t\fR, \fB\-u\fR or \fB\-w\fR only those protocols'
groups); masqueraded connections.
.SH OPTIONS
.TP
\fB\-t\fR, \fB\-\-tcp\fR; \fB\-u\fR, \fB\-\-udp\fR; \fB\-w\fR, \fB\-\-raw\fR; \fB\-x\fR, \fB\-\-unix\fR
Only these socket types (\fB\-U\fR UDP-Lite, \fB\-S\fR SCTP).
.TP
\fB\-l\fR, \fB\-\-listening\fR
Only listening sockets.
.TP
\fB\-a\fR, \fB\-\-all\fR
Listening and connected sockets.
.TP
\fB\-n\fR, \fB\-\-numeric\fR
Numbers instead of host, port and user names; \fB\-\-numeric\-hosts\fR,
\fB\-\-numeric\-ports\fR and \fB\-\-numeric\-users\fR do it for one kind only.
.TP
\fB\-p\fR, \fB\-\-programs\fR
Add the PID and name of the process owning each socket (others' only for root).
.TP
\fB\-e\fR, \fB\-\-extend\fR; \fB\-o\fR, \fB\-\-timers\fR
Add user and inode (twice: more); add the TCP timer state.
.TP
\fB\-W\fR, \fB\-\-wide\fR
Do not cut long addresses to fit the column.
.TP
\fB\-c\fR, \fB\-\-continuous\fR
Repeat the report every second.
.TP
\fB\-4\fR, \fB\-6\fR, \fB\-A\fR \fIfamily\fR, \fB\-\-inet\fR, \fB\-\-inet6\fR, \fB\-\-unix\fR
Address families to show.
.TP
\fB\-v\fR, \fB\-N\fR, \fB\-F\fR, \fB\-C\fR
Verbose; symbolic hardware names; routing from the FIB (default) or the cache.
.TP
\fB\-V\fR, \fB\-\-version\fR; \fB\-h\fR, \fB\-\-help\fR
Version and compiled-in features; option summary.
.SH "EXIT STATUS"
0 on success; 3 for an unknown option (after printing the usage text).
.SH FILES
\fI/proc/net/tcp\fR, \fI/proc/net/udp\fR, \fI/proc/net/unix\fR,
\fI/proc/net/route\fR, \fI/proc/net/dev\fR, \fI/etc/services\fR.
.SH EXAMPLES
.nf
netstat \-tulpn
netstat \-rn
netstat \-i
.fi
.SH "SEE ALSO"
\fBss\fR(8), \fBip\fR(8), \fBroute\fR(8), \fBifconfig\fR(8)
`;
