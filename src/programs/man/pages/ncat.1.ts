export default String.raw`.TH NCAT 1 "" "Ncat 7.93" "Ncat Reference Guide"
.\" Written for this simulator; describes ncat from nmap-ncat 7.93.
.SH NAME
ncat, nc \- read and write data across network connections
.SH SYNOPSIS
\fBncat\fR [\fIOPTIONS\fR...] \fIhost\fR [\fIport\fR]
.br
\fBncat\fR \fB\-l\fR [\fIOPTIONS\fR...] [\fIhost\fR] [\fIport\fR]
.SH DESCRIPTION
\fBncat\fR, the Nmap project's take on netcat, joins standard input and
output to a network socket. In connect mode it opens a TCP (or UDP)
connection to \fIhost\fR and \fIport\fR (default 31337), sends what it reads
from standard input and prints what the peer sends, until either side
closes. In listen mode (\fB\-l\fR) it waits for a client on \fIport\fR on
all local addresses (IPv6 and IPv4) and then does the same. \fBnc\fR is a
link to ncat.
.PP
This makes it useful for checking that a port is open, talking to a
text protocol by hand (HTTP, SMTP), moving a file between hosts, or
standing in for a server while testing a firewall rule. ncat's own
messages (with \fB\-v\fR) go to standard error, prefixed \fBNcat:\fR.
.PP
Options taking a time accept a suffix \fBms\fR, \fBs\fR, \fBm\fR or
\fBh\fR; a bare number means seconds.
.SH OPTIONS
.TP
\fB\-l\fR, \fB\-\-listen\fR
Listen for a connection instead of making one.
.TP
\fB\-k\fR, \fB\-\-keep\-open\fR
With \fB\-l\fR, keep accepting clients after the first one leaves.
.TP
\fB\-p\fR, \fB\-\-source\-port\fR \fIport\fR; \fB\-s\fR, \fB\-\-source\fR \fIaddress\fR
Local port (in listen mode, the port to listen on) or local address to use.
.TP
\fB\-u\fR, \fB\-\-udp\fR; \fB\-\-sctp\fR
Use UDP or SCTP instead of TCP.
.TP
\fB\-4\fR, \fB\-6\fR, \fB\-U\fR, \fB\-\-unixsock\fR
IPv4 only, IPv6 only, or a Unix-domain socket path instead of host and port.
.TP
\fB\-z\fR
Only test whether a connection can be made, sending no data.
.TP
\fB\-w\fR, \fB\-\-wait\fR \fItime\fR
Give up connecting after \fItime\fR (default 10 s).
.TP
\fB\-i\fR, \fB\-\-idle\-timeout\fR \fItime\fR
Close the connection after \fItime\fR without traffic.
.TP
\fB\-v\fR, \fB\-\-verbose\fR
Report connections and errors; repeat for more.
.TP
\fB\-n\fR, \fB\-\-nodns\fR
Take \fIhost\fR as a numeric address; do not resolve names.
.TP
\fB\-C\fR, \fB\-\-crlf\fR
Send line ends as CR LF, as many Internet protocols expect.
.TP
\fB\-e\fR, \fB\-\-exec\fR \fIcommand\fR; \fB\-c\fR, \fB\-\-sh\-exec\fR \fIcommand\fR
Connect the socket to a program (run directly, or through \fB/bin/sh \-c\fR).
.TP
\fB\-o\fR, \fB\-\-output\fR \fIfile\fR; \fB\-x\fR, \fB\-\-hex\-dump\fR \fIfile\fR
Also write the session to a file, as text or as a hex dump.
.TP
\fB\-\-send\-only\fR, \fB\-\-recv\-only\fR, \fB\-\-no\-shutdown\fR
Only send, or only receive; keep the connection half-open after end of input.
.TP
\fB\-m\fR, \fB\-\-max\-conns\fR \fIn\fR; \fB\-\-allow\fR, \fB\-\-deny\fR \fIhosts\fR; \fB\-\-broker\fR; \fB\-\-chat\fR
Listen-mode controls: connection limit, access lists, relaying between clients, a simple chat server.
.TP
\fB\-\-ssl\fR, \fB\-\-ssl\-cert\fR, \fB\-\-ssl\-key\fR, \fB\-\-ssl\-verify\fR
Use TLS, with the given certificate and key when listening.
.TP
\fB\-\-proxy\fR \fIhost\fR[\fB:\fIport\fR], \fB\-\-proxy\-type\fR \fBhttp\fR|\fBsocks4\fR|\fBsocks5\fR
Connect through a proxy.
.TP
\fB\-d\fR \fItime\fR, \fB\-t\fR, \fB\-\-telnet\fR
Delay between reads and writes; answer Telnet option negotiation.
.TP
\fB\-h\fR, \fB\-\-help\fR; \fB\-\-version\fR
Option summary; version (on standard error).
.SH "EXIT STATUS"
0 when the connection (or, with \fB\-z\fR, the test) succeeded and ended
normally; 1 when it could not be made (refused, timed out, name not
resolved) or a listening port was in use; 2 for an unknown option.
.SH EXAMPLES
.nf
nc \-l 8080                       # print what a client sends
nc \-lk 8080                      # ... and keep listening
nc \-zv 192.168.1.30 22           # is port 22 open?
printf 'GET / HTTP/1.0\er\en\er\en' | nc localhost 80
nc \-u 10.0.0.5 514 < message.txt
.fi
.SH "SEE ALSO"
\fBcurl\fR(1), \fBss\fR(8), \fBnetstat\fR(8)
`;
