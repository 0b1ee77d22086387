export default String.raw`.TH SS 8 "" "iproute2" "System Manager's Manual"
.SH NAME
ss \- another utility to investigate sockets
.SH SYNOPSIS
.B ss
[\fIoptions\fR] [\fIfilter\fR]
.SH DESCRIPTION
.B ss
lists the sockets of the machine: their protocol, state, queue sizes, local
and peer address and port, and with
.B \-p
the process that holds them.
Without options it shows established connections; with
.B \-l
the listening sockets, with
.B \-a
both.
.SH OPTIONS
.TP
.BR \-t ", " \-\-tcp
Show TCP sockets.
.TP
.BR \-u ", " \-\-udp
Show UDP sockets.
.TP
.BR \-l ", " \-\-listening
Show only listening sockets.
.TP
.BR \-a ", " \-\-all
Show listening and non-listening sockets.
.TP
.BR \-n ", " \-\-numeric
Print port numbers instead of service names.
.TP
.BR \-p ", " \-\-processes
Show the process using each socket.
.TP
.BR \-4 ", " \-6
Show only IPv4 or only IPv6 sockets.
.TP
.BR \-s ", " \-\-summary
Print counts of sockets by protocol.
.TP
.BR \-H ", " \-\-no\-header
Leave out the header line.
.SH FILTER
.B state
.I name
keeps sockets in that state (for example
.BR listening " or " established );
.BI "sport = :" port
and
.BI "dport = :" port
keep sockets by local or peer port.
.SH EXAMPLES
.TP
.B ss \-tlnp
Listening TCP sockets with port numbers and their processes.
.SH "SEE ALSO"
.BR ip (8),
.BR netstat (8)
`;
