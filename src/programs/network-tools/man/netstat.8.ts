export default String.raw`.TH NETSTAT 8 "" "net-tools" "Linux System Administrator's Manual"
.SH NAME
netstat \- Print network connections, routing tables, interface statistics, masquerade connections, and multicast memberships
.SH SYNOPSIS
.B netstat
[\fB\-tulnpaW46\fR]
.br
.B netstat
\fB\-r\fR [\fB\-n\fR]
.br
.B netstat
\fB\-i\fR [\fB\-a\fR]
.SH DESCRIPTION
.B netstat
prints the machine's Internet sockets, and with
.B \-r
its routing table or with
.B \-i
a table of its network interfaces and their packet counters.
Newer systems offer the same through
.BR ss (8)
and
.BR ip (8).
.SH OPTIONS
.TP
.BR \-t ", " \-u
Show TCP or UDP sockets.
.TP
.B \-l
Show only listening sockets.
.TP
.B \-a
Show listening and connected sockets.
.TP
.B \-n
Show numeric addresses and ports instead of names.
.TP
.B \-p
Show the PID and name of the program each socket belongs to.
.TP
.B \-r
Show the kernel routing table.
.TP
.B \-i
Show the interfaces and their counters.
.TP
.B \-W
Do not shorten addresses.
.SH "SEE ALSO"
.BR ss (8),
.BR ip (8),
.BR route (8)
`;
